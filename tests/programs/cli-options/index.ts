// The real-CLI suite's counterpart of tests/programs/options: one UserPool whose arguments
// (`cli-options:inputs`) and resource options (`cli-options:options`: retainOnDelete, replaceOnChanges,
// ignoreChanges, deleteBeforeReplace) come whole from the stack config (JSON). With
// `cli-options:badSecretPoolName: true`, poolName is a value check refuses that the program marks secret
// (pulumi.secret), for the messages that must never quote it. Only UserPool: no other provider plugin
// exists where the suite runs.
import * as pulumi from "@pulumi/pulumi";
import { UserPool, UserPoolArgs } from "pulumi-cognito-user-pool";

const config = new pulumi.Config();
const declared = config.getObject<UserPoolArgs>("inputs") ?? {};
const options = config.getObject<pulumi.CustomResourceOptions>("options") ?? {};
const badSecretPoolName = config.getBoolean("badSecretPoolName") ?? false;

const pool = new UserPool("pool", badSecretPoolName ? { ...declared, poolName: pulumi.secret("bad/top-secret-pool-name") } : declared, options);

export const userPoolId = pool.id;
export const userPoolArn = pool.arn;
export const userPoolEndpoint = pool.endpoint;
