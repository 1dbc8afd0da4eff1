// A read-only reference to an existing pool, by the id in stack config (tests/engine/cli.test.ts).
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "pulumi-cognito-user-pool";

const config = new pulumi.Config();
const existing = UserPool.get("existing", config.require("poolId"));

export const poolId = existing.id;
export const poolArn = existing.arn;
// Typed as outputs, so a program may use them as such; `?.` keeps the program running (and the test
// reporting what is missing) if the resource lacks them.
export const poolName = existing.poolName;
export const minimumPasswordLength = existing.policies?.apply((p) => p?.passwordPolicy?.minimumLength);
