// The real-CLI suite's program (tests/engine/cli.test.ts): one pool, every setting a scenario changes read from
// stack config. Only UserPool: no other provider plugin exists where the suite runs.
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "pulumi-cognito-user-pool";

const config = new pulumi.Config();
const totp = config.getBoolean("totp") ?? false;

const pool = new UserPool("users", {
    usernameAttributes: ["email"],
    autoVerifiedAttributes: ["email"],
    usernameConfiguration: { caseSensitive: config.getBoolean("caseSensitive") ?? false },
    policies: { passwordPolicy: { minimumLength: config.getNumber("minimumPasswordLength") ?? 8 } },
    deletionProtection: config.get<"ACTIVE" | "INACTIVE">("deletionProtection") ?? "INACTIVE",
    mfaConfiguration: totp ? "OPTIONAL" : "OFF",
    softwareTokenMfaConfiguration: totp ? { enabled: true } : undefined,
    allowReplacementWithUsers: config.getBoolean("allowReplacementWithUsers"),
    schema: [{ name: "tenant", attributeDataType: "String", mutable: true }],
    userPoolTags: { stack: pulumi.getStack() },
});

export const userPoolId = pool.id;
export const userPoolArn = pool.arn;
export const userPoolEndpoint = pool.endpoint;
export const minimumPasswordLength = pool.policies.apply((p) => p?.passwordPolicy?.minimumLength);
