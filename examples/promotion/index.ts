// One program for every environment: dev, staging and prod differ only in their stack config
// (Pulumi.<stack>.yaml beside this file). Promote by running the same program against the next stack.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "pulumi-cognito-user-pool";

const config = new pulumi.Config();
const mfa = config.get<"OFF" | "ON" | "OPTIONAL">("mfa") ?? "OFF";
// The feature plan and what it brings: passwordless sign-in (ESSENTIALS), threat protection and passkeys.
const tier = config.get<"LITE" | "ESSENTIALS" | "PLUS">("tier");
const signInFactors = config.get("signInFactors")?.split(",") as ("PASSWORD" | "EMAIL_OTP" | "SMS_OTP" | "WEB_AUTHN")[] | undefined;
const threatProtection = config.get<"AUDIT" | "ENFORCED">("threatProtection");
const passkeysDomain = config.get("passkeysDomain");


// SMS for MFA goes through SNS with a role Cognito assumes; only stacks with MFA need one.
const externalId = `${pulumi.getProject()}-${pulumi.getStack()}-sms`;
const smsRole =
    mfa === "OFF"
        ? undefined
        : new aws.iam.Role("cognito-sms", {
              assumeRolePolicy: JSON.stringify({
                  Version: "2012-10-17",
                  Statement: [
                      {
                          Effect: "Allow",
                          Principal: { Service: "cognito-idp.amazonaws.com" },
                          Action: "sts:AssumeRole",
                          Condition: { StringEquals: { "sts:ExternalId": externalId } },
                      },
                  ],
              }),
              inlinePolicies: [
                  {
                      name: "sns-publish",
                      policy: JSON.stringify({
                          Version: "2012-10-17",
                          Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "*" }],
                      }),
                  },
              ],
          });

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
    smsConfiguration: smsRole ? { snsCallerArn: smsRole.arn, externalId } : undefined,
    smsAuthenticationMessage: smsRole ? "Your sign-in code is {####}" : undefined,
    schema: [{ name: "tenant", attributeDataType: "String", mutable: true }],
    userPoolTags: { environment: pulumi.getStack(), project: pulumi.getProject() },
});

const webClient = new aws.cognito.UserPoolClient("web", {
    userPoolId: pool.id,
    explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    generateSecret: false,
});

export const userPoolId = pool.id;
export const userPoolArn = pool.arn;
export const userPoolEndpoint = pool.endpoint;
export const webClientId = webClient.id;
