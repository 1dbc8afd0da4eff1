// After: the @pulumi/aws resource is gone from the program. `pulumi up` drops it from the stack without
// deleting the pool (retainOnDelete, set in 2-both.ts); the UserPool manages the pool from now on.
import { adoptedPool } from "./userPool";

const pool = adoptedPool();

export const userPoolId = pool.id;
export const userPoolArn = pool.arn;
export const userPoolEndpoint = pool.endpoint;
