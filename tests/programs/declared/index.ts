// One UserPool whose arguments come whole from the stack config (`declared:inputs`, JSON), so a test can
// run any declaration through the engine harness.
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "pulumi-cognito-user-pool";

const config = new pulumi.Config();
const declared = config.getObject<Record<string, unknown>>("inputs") ?? {};
const present = config.getBoolean("present") ?? true;

const pool = present ? new UserPool("pool", declared) : undefined;

export const userPoolId = pool?.id;
