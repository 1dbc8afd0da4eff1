// examples/promotion for the real-CLI suite: one program, stacks that differ only in config
// (Pulumi.{dev,staging,prod}.yaml beside this file). The example's SMS role (@pulumi/aws) is left out,
// since no aws plugin exists where the suite runs: MFA uses an authenticator app (TOTP) instead.
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "pulumi-cognito-user-pool";

const config = new pulumi.Config();
const mfa = config.get<"OFF" | "ON" | "OPTIONAL">("mfa") ?? "OFF";
// The feature plan and what it brings: passwordless sign-in (ESSENTIALS), threat protection and passkeys.
const tier = config.get<"LITE" | "ESSENTIALS" | "PLUS">("tier");
const signInFactors = config.get("signInFactors")?.split(",") as ("PASSWORD" | "EMAIL_OTP" | "SMS_OTP" | "WEB_AUTHN")[] | undefined;
const threatProtection = config.get<"AUDIT" | "ENFORCED">("threatProtection");
const passkeysDomain = config.get("passkeysDomain");


const pool = new UserPool("users", {
    usernameAttributes: ["email"],
    autoVerifiedAttributes: ["email"],
    usernameConfiguration: { caseSensitive: config.getBoolean("caseSensitiveUsernames") ?? false },
    userPoolTier: tier,
    policies: {
        passwordPolicy: {
            minimumLength: config.getNumber("minimumPasswordLength") ?? 8,
            requireSymbols: config.getBoolean("requireSymbols") ?? false,
        },
        signInPolicy: signInFactors ? { allowedFirstAuthFactors: signInFactors } : undefined,
    },
    userPoolAddOns: threatProtection ? { advancedSecurityMode: threatProtection } : undefined,
    webAuthnConfiguration: passkeysDomain ? { relyingPartyId: passkeysDomain, userVerification: "preferred" } : undefined,
    deletionProtection: config.get<"ACTIVE" | "INACTIVE">("deletionProtection") ?? "INACTIVE",
    mfaConfiguration: mfa,
    softwareTokenMfaConfiguration: mfa === "OFF" ? undefined : { enabled: true },
    schema: [{ name: "tenant", attributeDataType: "String", mutable: true }],
    userPoolTags: { environment: pulumi.getStack(), project: pulumi.getProject() },
});

export const userPoolId = pool.id;
export const userPoolArn = pool.arn;
export const userPoolEndpoint = pool.endpoint;
