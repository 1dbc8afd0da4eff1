// A read-only reference to an existing pool: UserPool.get with the id from the stack config.
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "pulumi-cognito-user-pool";

const existing = UserPool.get("existing", new pulumi.Config().require("id"));

export const poolName = existing.poolName;
export const minimumLength = existing.policies.apply((p) => p?.passwordPolicy?.minimumLength);
export const endpoint = existing.endpoint;
