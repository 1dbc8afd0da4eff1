// The UserPool's properties: one row per CreateUserPool member. Names follow the API nested exactly as
// it is, in lowerCamelCase; types and constraints come from the official API model (model/fromModel.ts),
// defaults are what DescribeUserPool reports for a pool created with only a name (docs/cognito.md, "Defaults
// Cognito fills in"). A row states a constraint itself only where Cognito is stricter than the model,
// and says where that is known from.
import { fieldsFromModel } from "./model/fromModel";
import { Field, Placeholder, Row, Stricter } from "./table";

const CODE: Placeholder = { pattern: /\{####\}/, text: "{####}" };
const LINK: Placeholder = { pattern: /\{##[\s\S]*##\}/, text: "{##<link text>##}" };
const USERNAME: Placeholder = { pattern: /\{username\}/, text: "{username}" };
/** Invitations: the model's patterns require nothing, but Cognito refuses a template without both. */
const INVITE: Stricter = {
    source:
        "developer guide, \"Customizing user invitation messages\": the message must contain {username} and {####}; " +
        "aws/aws-cdk#16905: Cognito refuses an invitation SMS without both",
    mustContain: [USERNAME, CODE],
};
/** Attribute constraints are numbers written as strings: the model types them as any string. */
const NUMERIC: Stricter = {
    source: "developer guide, \"User pool attributes\": constraints are numbers (the API carries them as strings)",
    pattern: /^-?\d+$/,
    format: "a whole number written as a string, such as \"64\"",
};

const lambdaArn = (cognito: string, name: string): Row => ({ cognito, name });
const lambdaSender = (cognito: string, name: string, sdkName?: string): Row => ({
    cognito,
    name,
    sdkName,
    fields: [
        { cognito: "LambdaVersion", name: "lambdaVersion" },
        { cognito: "LambdaArn", name: "lambdaArn" },
    ],
});
/** Message texts Cognito fills with its own default wording when none is given. */
const cognitoText = (cognito: string, name: string, more: Partial<Row> = {}): Row => ({ cognito, name, undeclared: "keep", ...more });

const rows: readonly Row[] = [
    { cognito: "PoolName", reportedAs: "Name", name: "poolName", apply: "updateUserPool" },
    {
        cognito: "Policies",
        name: "policies",
        apply: "updateUserPool",
        fields: [
            {
                cognito: "PasswordPolicy",
                name: "passwordPolicy",
                fields: [
                    { cognito: "MinimumLength", name: "minimumLength", default: 8 },
                    { cognito: "RequireUppercase", name: "requireUppercase", default: true },
                    { cognito: "RequireLowercase", name: "requireLowercase", default: true },
                    { cognito: "RequireNumbers", name: "requireNumbers", default: true },
                    { cognito: "RequireSymbols", name: "requireSymbols", default: true },
                    // 0: no history (a pool without one reads back 0). Leaving it out switches history off,
                    // as for every other member; Cognito takes 0 on every tier (Terraform sends it always:
                    // expandPasswordPolicyType, and its tier test moves PLUS -> LITE with it).
                    { cognito: "PasswordHistorySize", name: "passwordHistorySize", default: 0 },
                    { cognito: "TemporaryPasswordValidityDays", name: "temporaryPasswordValidityDays", default: 7 },
                ],
            },
            // Passwordless sign-in: the factors a user may sign in with first. A pool that never set it
            // reads back [PASSWORD].
            {
                cognito: "SignInPolicy",
                name: "signInPolicy",
                fields: [{ cognito: "AllowedFirstAuthFactors", name: "allowedFirstAuthFactors", unordered: true, default: ["PASSWORD"] }],
            },
        ],
    },
    { cognito: "DeletionProtection", name: "deletionProtection", apply: "updateUserPool", default: "INACTIVE" },
    {
        cognito: "LambdaConfig",
        name: "lambdaConfig",
        apply: "updateUserPool",
        fields: [
            lambdaArn("PreSignUp", "preSignUp"),
            lambdaArn("CustomMessage", "customMessage"),
            lambdaArn("PostConfirmation", "postConfirmation"),
            lambdaArn("PreAuthentication", "preAuthentication"),
            lambdaArn("PostAuthentication", "postAuthentication"),
            lambdaArn("DefineAuthChallenge", "defineAuthChallenge"),
            lambdaArn("CreateAuthChallenge", "createAuthChallenge"),
            lambdaArn("VerifyAuthChallengeResponse", "verifyAuthChallengeResponse"),
            lambdaArn("PreTokenGeneration", "preTokenGeneration"),
            lambdaArn("UserMigration", "userMigration"),
            // The versioned pre token generation trigger (V2_0/V3_0 customize access tokens). Cognito keeps
            // it and the legacy PreTokenGeneration as one setting (normalize, below).
            lambdaSender("PreTokenGenerationConfig", "preTokenGenerationConfig", "VersionedTrigger"),
            lambdaSender("CustomSMSSender", "customSmsSender", "CustomSender"),
            lambdaSender("CustomEmailSender", "customEmailSender", "CustomSender"),
            { cognito: "KMSKeyID", name: "kmsKeyId" },
            lambdaSender("InboundFederation", "inboundFederation"),
        ],
        normalize: samePreTokenGeneration,
    },
    { cognito: "AutoVerifiedAttributes", name: "autoVerifiedAttributes", apply: "updateUserPool", unordered: true, default: [] },
    { cognito: "AliasAttributes", name: "aliasAttributes", apply: "replace", unordered: true, default: [] },
    { cognito: "UsernameAttributes", name: "usernameAttributes", apply: "replace", unordered: true, default: [] },
    // The legacy texts are kept by Cognito as one with the template's (setting either sets both), so they
    // are always sent equal: the one declared, else the template's (plan/plan.ts, `sameAs`).
    cognitoText("SmsVerificationMessage", "smsVerificationMessage", {
        apply: "updateUserPool",
        mustContain: [CODE],
        deprecated: "use verificationMessageTemplate.smsMessage",
        sameAs: "verificationMessageTemplate.smsMessage",
    }),
    cognitoText("EmailVerificationMessage", "emailVerificationMessage", {
        apply: "updateUserPool",
        mustContain: [CODE],
        deprecated: "use verificationMessageTemplate.emailMessage",
        sameAs: "verificationMessageTemplate.emailMessage",
    }),
    cognitoText("EmailVerificationSubject", "emailVerificationSubject", {
        apply: "updateUserPool",
        deprecated: "use verificationMessageTemplate.emailSubject",
        sameAs: "verificationMessageTemplate.emailSubject",
    }),
    {
        cognito: "VerificationMessageTemplate",
        name: "verificationMessageTemplate",
        apply: "updateUserPool",
        fields: [
            cognitoText("SmsMessage", "smsMessage", { mustContain: [CODE] }),
            cognitoText("EmailMessage", "emailMessage", { mustContain: [CODE] }),
            cognitoText("EmailSubject", "emailSubject"),
            cognitoText("EmailMessageByLink", "emailMessageByLink", { mustContain: [LINK] }),
            cognitoText("EmailSubjectByLink", "emailSubjectByLink"),
            { cognito: "DefaultEmailOption", name: "defaultEmailOption", default: "CONFIRM_WITH_CODE" },
        ],
    },
    { cognito: "SmsAuthenticationMessage", name: "smsAuthenticationMessage", apply: "updateUserPool", mustContain: [CODE] },
    { cognito: "MfaConfiguration", name: "mfaConfiguration", apply: "updateUserPool", default: "OFF" },
    {
        cognito: "UserAttributeUpdateSettings",
        name: "userAttributeUpdateSettings",
        apply: "updateUserPool",
        fields: [{ cognito: "AttributesRequireVerificationBeforeUpdate", name: "attributesRequireVerificationBeforeUpdate", unordered: true, default: [] }],
    },
    {
        cognito: "DeviceConfiguration",
        name: "deviceConfiguration",
        apply: "updateUserPool",
        // "A null value indicates that you have deactivated device remembering": never send an empty one.
        undeclared: "absent",
        fields: [
            { cognito: "ChallengeRequiredOnNewDevice", name: "challengeRequiredOnNewDevice" },
            { cognito: "DeviceOnlyRememberedOnUserPrompt", name: "deviceOnlyRememberedOnUserPrompt" },
        ],
    },
    {
        cognito: "EmailConfiguration",
        name: "emailConfiguration",
        apply: "updateUserPool",
        fields: [
            { cognito: "SourceArn", name: "sourceArn" },
            { cognito: "ReplyToEmailAddress", name: "replyToEmailAddress" },
            { cognito: "EmailSendingAccount", name: "emailSendingAccount", default: "COGNITO_DEFAULT" },
            { cognito: "From", name: "from" },
            { cognito: "ConfigurationSet", name: "configurationSet" },
        ],
    },
    {
        cognito: "SmsConfiguration",
        name: "smsConfiguration",
        apply: "updateUserPool",
        // SnsCallerArn is required inside it: an empty one would be refused.
        undeclared: "absent",
        fields: [
            { cognito: "SnsCallerArn", name: "snsCallerArn" },
            { cognito: "ExternalId", name: "externalId" },
            // Cognito fills in the pool's own region when none is given.
            {
                cognito: "SnsRegion",
                name: "snsRegion",
                undeclared: "keep",
                stricter: {
                    source: "API reference, SmsConfigurationType: \"The AWS Region to use with Amazon SNS\" (the model only bounds its length)",
                    pattern: /^[a-z]{2,4}(-[a-z]+)+-\d$/,
                    format: "an AWS region such as us-east-1",
                },
            },
        ],
    },
    {
        cognito: "UserPoolTags",
        name: "userPoolTags",
        apply: "tags",
        default: {},
        // AWS allows 50 tags a resource; one of them is the provider's create token (see verbs/create.ts).
        stricter: {
            source: "document: AWS tagging limits, at most 50 tags a resource; provider: one is its create token",
            maxEntries: 49,
            why: "Cognito allows 50 tags, and the provider uses one to find a pool whose create answer was lost",
        },
    },
    {
        cognito: "AdminCreateUserConfig",
        name: "adminCreateUserConfig",
        apply: "updateUserPool",
        fields: [
            { cognito: "AllowAdminCreateUserOnly", name: "allowAdminCreateUserOnly", default: false },
            // Legacy: Cognito derives it from policies.passwordPolicy.temporaryPasswordValidityDays, and
            // refuses it beside a password policy, which every update sends: never sent.
            {
                cognito: "UnusedAccountValidityDays",
                name: "unusedAccountValidityDays",
                undeclared: "ignore",
                stricter: {
                    source:
                        "Cognito error users reported: \"Please use TemporaryPasswordValidityDays in PasswordPolicy instead of UnusedAccountValidityDays\" " +
                        "(aws/aws-sdk-js#3817, hashicorp/terraform#21561); Terraform removed the argument (terraform-provider-aws#14294)",
                    refused:
                        "Cognito refuses UnusedAccountValidityDays beside a password policy, which every update sends: declare " +
                        "policies.passwordPolicy.temporaryPasswordValidityDays instead (the same number of days)",
                },
            },
            {
                cognito: "InviteMessageTemplate",
                name: "inviteMessageTemplate",
                fields: [
                    cognitoText("SMSMessage", "smsMessage", { stricter: INVITE }),
                    cognitoText("EmailMessage", "emailMessage", { stricter: INVITE }),
                    cognitoText("EmailSubject", "emailSubject"),
                ],
            },
        ],
    },
    {
        cognito: "Schema",
        reportedAs: "SchemaAttributes",
        name: "schema",
        sdkName: "SchemaAttribute",
        apply: "addCustomAttributes",
        // Attributes are never removed: the pool keeps what it has; see pool/attributes.ts.
        undeclared: "keep",
        sortBy: "name",
        fields: [
            { cognito: "Name", name: "name", required: true },
            { cognito: "AttributeDataType", name: "attributeDataType" },
            { cognito: "DeveloperOnlyAttribute", name: "developerOnlyAttribute" },
            { cognito: "Mutable", name: "mutable" },
            { cognito: "Required", name: "required" },
            {
                cognito: "NumberAttributeConstraints",
                name: "numberAttributeConstraints",
                fields: [
                    { cognito: "MinValue", name: "minValue", stricter: NUMERIC },
                    { cognito: "MaxValue", name: "maxValue", stricter: NUMERIC },
                ],
            },
            {
                cognito: "StringAttributeConstraints",
                name: "stringAttributeConstraints",
                fields: [
                    { cognito: "MinLength", name: "minLength", stricter: NUMERIC },
                    { cognito: "MaxLength", name: "maxLength", stricter: NUMERIC },
                ],
            },
        ],
    },
    {
        cognito: "UserPoolAddOns",
        sdkName: "AddOns",
        name: "userPoolAddOns",
        apply: "updateUserPool",
        fields: [
            { cognito: "AdvancedSecurityMode", name: "advancedSecurityMode", default: "OFF" },
            { cognito: "AdvancedSecurityAdditionalFlows", name: "advancedSecurityAdditionalFlows", fields: [{ cognito: "CustomAuthMode", name: "customAuthMode" }] },
        ],
    },
    // The feature plan. A new pool gets ESSENTIALS; pools from before 2024-11-22 are LITE. UpdateUserPool
    // keeps the tier when it is left out, so a tier nobody declared is never changed.
    { cognito: "UserPoolTier", name: "userPoolTier", apply: "updateUserPool", undeclared: "keep" },
    {
        cognito: "UsernameConfiguration",
        name: "usernameConfiguration",
        apply: "replace",
        // Which case sensitivity an undeclared pool gets has differed by console, API and region; a
        // replacement must never follow from something the user did not write, so undeclared is kept.
        undeclared: "keep",
        // A pool created through the API without UsernameConfiguration is case sensitive.
        fields: [{ cognito: "CaseSensitive", name: "caseSensitive", default: true }],
    },
    {
        cognito: "AccountRecoverySetting",
        name: "accountRecoverySetting",
        apply: "updateUserPool",
        // Absent unless set, and an update cannot unset it: undeclared leaves Cognito's setting alone.
        undeclared: "keep",
        fields: [
            {
                cognito: "RecoveryMechanisms",
                sdkName: "RecoveryMechanism",
                name: "recoveryMechanisms",
                // The model lets an AccountRecoverySetting go without mechanisms: that leaves Cognito's.
                undeclared: "keep",
                sortBy: "priority",
                fields: [
                    { cognito: "Priority", name: "priority" },
                    { cognito: "Name", name: "name" },
                ],
            },
        ],
    },
];

export const userPoolProperties: readonly Field[] = fieldsFromModel(rows, "CreateUserPoolRequest");

/**
 * Cognito keeps LambdaConfig's PreTokenGeneration and PreTokenGenerationConfig.LambdaArn as one setting:
 * it fills either from the other (a V1_0 config from the legacy ARN). Comparing and sending both filled
 * in the same way is what keeps a pool that declares only one from showing a diff forever.
 */
function samePreTokenGeneration(value: unknown): unknown {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
    const config = (value as Record<string, any>).preTokenGenerationConfig;
    const legacy = (value as Record<string, any>).preTokenGeneration;
    if (typeof legacy === "string" && config === undefined) {
        return { ...value, preTokenGenerationConfig: { lambdaVersion: "V1_0", lambdaArn: legacy } };
    }
    if (typeof config?.lambdaArn === "string" && legacy === undefined) return { ...value, preTokenGeneration: config.lambdaArn };
    return value;
}
