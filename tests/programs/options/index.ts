// One UserPool whose arguments (`options:inputs`) and resource options (`options:options`: retainOnDelete,
// replaceOnChanges, ignoreChanges, deleteBeforeReplace, import) come whole from the stack config (JSON).
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "pulumi-cognito-user-pool";

const config = new pulumi.Config();
const declared = config.getObject<Record<string, unknown>>("inputs") ?? {};
const options = config.getObject<pulumi.CustomResourceOptions>("options") ?? {};

const pool = new UserPool("pool", declared, options);

export const userPoolId = pool.id;
export const userPoolArn = pool.arn;
export const userPoolEndpoint = pool.endpoint;
