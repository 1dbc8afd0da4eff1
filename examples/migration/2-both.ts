// In between, run once with `pulumi up`: the UserPool adopts the pool (no new pool: the id is the same),
// and the @pulumi/aws resource stays, unchanged, with retainOnDelete so that removing it later never
// deletes the pool. (Instead of retainOnDelete: `pulumi state delete <its urn>` before removing it.)
import * as aws from "@pulumi/aws";
import { awsPoolArgs } from "./awsPool";
import { adoptedPool } from "./userPool";

const pool = adoptedPool();
new aws.cognito.UserPool("users", awsPoolArgs, { retainOnDelete: true });

export const userPoolId = pool.id;
export const userPoolArn = pool.arn;
