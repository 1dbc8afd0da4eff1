// Many pools at once (one per tenant), for the soak test: `many:count` pools whose password length is
// `many:minimumLength`.
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "pulumi-cognito-user-pool";

const config = new pulumi.Config();
const count = config.getNumber("count") ?? 3;
const minimumLength = config.getNumber("minimumLength") ?? 8;

export const poolIds = Array.from({ length: count }, (_, i) =>
    new UserPool(`tenant-${i}`, { policies: { passwordPolicy: { minimumLength } }, userPoolTags: { tenant: String(i) } }).id,
);
