// examples/promotion for the real-CLI suite: one program, stacks that differ only in config
// (Pulumi.{dev,staging,prod}.yaml beside this file). The example's SMS role (@pulumi/aws) is left out,
// since no aws plugin exists where the suite runs: MFA uses an authenticator app (TOTP) instead.
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "pulumi-cognito-user-pool";

const config = new pulumi.Config();
const mfa = config.get<"OFF" | "ON" | "OPTIONAL">("mfa") ?? "OFF";

const pool = new UserPool("users", {
    usernameAttributes: ["email"],
    autoVerifiedAttributes: ["email"],
    usernameConfiguration: { caseSensitive: config.getBoolean("caseSensitiveUsernames") ?? false },
    policies: {
        passwordPolicy: {
            minimumLength: config.getNumber("minimumPasswordLength") ?? 8,
            requireSymbols: config.getBoolean("requireSymbols") ?? false,
        },
    },
    deletionProtection: config.get<"ACTIVE" | "INACTIVE">("deletionProtection") ?? "INACTIVE",
    mfaConfiguration: mfa,
    softwareTokenMfaConfiguration: mfa === "OFF" ? undefined : { enabled: true },
    schema: [{ name: "tenant", attributeDataType: "String", mutable: true }],
    userPoolTags: { environment: pulumi.getStack(), project: pulumi.getProject() },
});

export const userPoolId = pool.id;
export const userPoolArn = pool.arn;
export const userPoolEndpoint = pool.endpoint;
