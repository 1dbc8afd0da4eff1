// A program whose pool settings come from another resource's outputs, so that at preview they are
// unknown until that resource exists. Stage 1 declares everything literally; stage 2 takes the pool's
// name and its case sensitivity from a new resource.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "pulumi-cognito-user-pool";

const stage = new pulumi.Config().getNumber("stage") ?? 1;

const settings = stage >= 2 ? new aws.ssm.Parameter("pool-settings", { type: "String", value: "users" }) : undefined;

const pool = new UserPool("users", {
    poolName: settings ? pulumi.interpolate`${settings.value}-${settings.id}` : "users",
    usernameConfiguration: { caseSensitive: settings ? settings.id.apply((id) => id.length < 3) : false },
});

export const userPoolId = pool.id;
