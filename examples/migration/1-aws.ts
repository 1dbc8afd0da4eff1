// Before: the pool is @pulumi/aws's. `pulumi stack output userPoolId` gives the id the migration needs:
//     pulumi config set poolId $(pulumi stack output userPoolId)
import * as aws from "@pulumi/aws";
import { awsPoolArgs } from "./awsPool";

const pool = new aws.cognito.UserPool("users", awsPoolArgs);

export const userPoolId = pool.id;
export const userPoolArn = pool.arn;
