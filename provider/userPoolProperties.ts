// The UserPool's properties: one row per CreateUserPool member (../shared/reference/create_user_pool.txt).
// Names follow the API nested exactly as it is, in lowerCamelCase; defaults are what DescribeUserPool
// reports for a pool created with only a name (FACTS.md, "Defaults Cognito fills in").
import { Field, Placeholder, Shape } from "./table";

const string: Shape = { kind: "string" };
// Constraints below are Cognito's (FACTS.md, "Constraints real Cognito enforces", and the API model).
const ARN_PATTERN = /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]*:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/;
const arn: Shape = { kind: "string", minLength: 20, maxLength: 2048, pattern: ARN_PATTERN, format: "an ARN (arn:aws:<service>:<region>:<account>:<resource>)" };
const CODE: Placeholder = { pattern: /\{####\}/, text: "{####}" };
const LINK: Placeholder = { pattern: /\{##[\s\S]*##\}/, text: "{##<link text>##}" };
const USERNAME: Placeholder = { pattern: /\{username\}/, text: "{username}" };
const smsText = (...mustContain: Placeholder[]): Shape => ({ kind: "string", minLength: 6, maxLength: 140, mustContain });
const emailText = (...mustContain: Placeholder[]): Shape => ({ kind: "string", minLength: 6, maxLength: 20000, mustContain });
const subject: Shape = { kind: "string", minLength: 1, maxLength: 140 };
/** Attribute constraints are numbers written as strings in the API. */
const numeric: Shape = { kind: "string", pattern: /^-?\d+$/, format: "a whole number written as a string, such as \"64\"" };
const integer = (min?: number, max?: number): Shape => ({ kind: "integer", min, max });
const boolean: Shape = { kind: "boolean" };
const oneOf = (...values: string[]): Shape => ({ kind: "enum", values });
const setOf = (...values: string[]): Shape => ({ kind: "list", of: oneOf(...values), unordered: true });
const object = (...fields: Field[]): Shape => ({ kind: "object", fields });
const lambdaArn = (cognito: string, name: string): Field => ({ cognito, name, shape: arn });
const lambdaSender = (cognito: string, name: string): Field => ({
    cognito,
    name,
    shape: object(
        { cognito: "LambdaVersion", name: "lambdaVersion", shape: oneOf("V1_0"), required: true },
        { cognito: "LambdaArn", name: "lambdaArn", shape: arn, required: true },
    ),
});
/** Message texts Cognito fills with its own default wording when none is given. */
const cognitoText = (cognito: string, name: string, shape: Shape, deprecated?: string): Field => ({
    cognito,
    name,
    shape,
    undeclared: "keep",
    deprecated,
});

export const userPoolProperties: readonly Field[] = [
    {
        cognito: "PoolName",
        reportedAs: "Name",
        name: "poolName",
        shape: { kind: "string", minLength: 1, maxLength: 128, pattern: /^[\w\s+=,.@-]+$/, format: "letters, digits, spaces and _+=,.@- only" },
        apply: "updateUserPool",
        required: true,
    },
    {
        cognito: "Policies",
        name: "policies",
        apply: "updateUserPool",
        shape: object({
            cognito: "PasswordPolicy",
            name: "passwordPolicy",
            shape: object(
                { cognito: "MinimumLength", name: "minimumLength", shape: integer(6, 99), default: 8 },
                { cognito: "RequireUppercase", name: "requireUppercase", shape: boolean, default: true },
                { cognito: "RequireLowercase", name: "requireLowercase", shape: boolean, default: true },
                { cognito: "RequireNumbers", name: "requireNumbers", shape: boolean, default: true },
                { cognito: "RequireSymbols", name: "requireSymbols", shape: boolean, default: true },
                // Not in the 2021 reference, but in the current API: a row is all it takes.
                { cognito: "PasswordHistorySize", name: "passwordHistorySize", shape: integer(0, 24), undeclared: "keep" },
                {
                    cognito: "TemporaryPasswordValidityDays",
                    name: "temporaryPasswordValidityDays",
                    shape: integer(0, 365),
                    default: 7,
                },
            ),
        }),
    },
    {
        cognito: "DeletionProtection",
        name: "deletionProtection",
        shape: oneOf("ACTIVE", "INACTIVE"),
        apply: "updateUserPool",
        default: "INACTIVE",
    },
    {
        cognito: "LambdaConfig",
        name: "lambdaConfig",
        apply: "updateUserPool",
        shape: object(
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
            lambdaSender("CustomSMSSender", "customSmsSender"),
            lambdaSender("CustomEmailSender", "customEmailSender"),
            { cognito: "KMSKeyID", name: "kmsKeyId", shape: arn },
        ),
    },
    {
        cognito: "AutoVerifiedAttributes",
        name: "autoVerifiedAttributes",
        shape: setOf("phone_number", "email"),
        apply: "updateUserPool",
        default: [],
    },
    {
        cognito: "AliasAttributes",
        name: "aliasAttributes",
        shape: setOf("phone_number", "email", "preferred_username"),
        apply: "replace",
        default: [],
    },
    {
        cognito: "UsernameAttributes",
        name: "usernameAttributes",
        shape: setOf("phone_number", "email"),
        apply: "replace",
        default: [],
    },
    { ...cognitoText("SmsVerificationMessage", "smsVerificationMessage", smsText(CODE), "use verificationMessageTemplate.smsMessage"), apply: "updateUserPool" },
    { ...cognitoText("EmailVerificationMessage", "emailVerificationMessage", emailText(CODE), "use verificationMessageTemplate.emailMessage"), apply: "updateUserPool" },
    { ...cognitoText("EmailVerificationSubject", "emailVerificationSubject", subject, "use verificationMessageTemplate.emailSubject"), apply: "updateUserPool" },
    {
        cognito: "VerificationMessageTemplate",
        name: "verificationMessageTemplate",
        apply: "updateUserPool",
        shape: object(
            cognitoText("SmsMessage", "smsMessage", smsText(CODE)),
            cognitoText("EmailMessage", "emailMessage", emailText(CODE)),
            cognitoText("EmailSubject", "emailSubject", subject),
            cognitoText("EmailMessageByLink", "emailMessageByLink", emailText(LINK)),
            cognitoText("EmailSubjectByLink", "emailSubjectByLink", subject),
            {
                cognito: "DefaultEmailOption",
                name: "defaultEmailOption",
                shape: oneOf("CONFIRM_WITH_LINK", "CONFIRM_WITH_CODE"),
                default: "CONFIRM_WITH_CODE",
            },
        ),
    },
    { cognito: "SmsAuthenticationMessage", name: "smsAuthenticationMessage", shape: smsText(CODE), apply: "updateUserPool" },
    {
        cognito: "MfaConfiguration",
        name: "mfaConfiguration",
        shape: oneOf("OFF", "ON", "OPTIONAL"),
        apply: "updateUserPool",
        default: "OFF",
    },
    {
        cognito: "UserAttributeUpdateSettings",
        name: "userAttributeUpdateSettings",
        apply: "updateUserPool",
        shape: object({
            cognito: "AttributesRequireVerificationBeforeUpdate",
            name: "attributesRequireVerificationBeforeUpdate",
            shape: setOf("phone_number", "email"),
            default: [],
        }),
    },
    {
        cognito: "DeviceConfiguration",
        name: "deviceConfiguration",
        apply: "updateUserPool",
        // "A null value indicates that you have deactivated device remembering": never send an empty one.
        undeclared: "absent",
        shape: object(
            { cognito: "ChallengeRequiredOnNewDevice", name: "challengeRequiredOnNewDevice", shape: boolean },
            { cognito: "DeviceOnlyRememberedOnUserPrompt", name: "deviceOnlyRememberedOnUserPrompt", shape: boolean },
        ),
    },
    {
        cognito: "EmailConfiguration",
        name: "emailConfiguration",
        apply: "updateUserPool",
        shape: object(
            { cognito: "SourceArn", name: "sourceArn", shape: arn },
            {
                cognito: "ReplyToEmailAddress",
                name: "replyToEmailAddress",
                shape: { kind: "string", pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+@[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, format: "an email address" },
            },
            {
                cognito: "EmailSendingAccount",
                name: "emailSendingAccount",
                shape: oneOf("COGNITO_DEFAULT", "DEVELOPER"),
                default: "COGNITO_DEFAULT",
            },
            { cognito: "From", name: "from", shape: string },
            {
                cognito: "ConfigurationSet",
                name: "configurationSet",
                shape: { kind: "string", minLength: 1, maxLength: 64, pattern: /^[a-zA-Z0-9_-]+$/, format: "letters, digits, _ and -" },
            },
        ),
    },
    {
        cognito: "SmsConfiguration",
        name: "smsConfiguration",
        apply: "updateUserPool",
        // SnsCallerArn is required inside it: an empty one would be refused.
        undeclared: "absent",
        shape: object(
            { cognito: "SnsCallerArn", name: "snsCallerArn", shape: arn, required: true },
            { cognito: "ExternalId", name: "externalId", shape: string },
            // Cognito fills in the pool's own region when none is given.
            {
                cognito: "SnsRegion",
                name: "snsRegion",
                shape: { kind: "string", minLength: 5, maxLength: 32, pattern: /^[-\w]+$/, format: "a region like us-east-1" },
                undeclared: "keep",
            },
        ),
    },
    {
        cognito: "UserPoolTags",
        name: "userPoolTags",
        shape: { kind: "map", maxEntries: 50, keyLength: [1, 128], valueLength: [0, 256] },
        apply: "tags",
        default: {},
    },
    {
        cognito: "AdminCreateUserConfig",
        name: "adminCreateUserConfig",
        apply: "updateUserPool",
        shape: object(
            { cognito: "AllowAdminCreateUserOnly", name: "allowAdminCreateUserOnly", shape: boolean, default: false },
            // Legacy: Cognito derives it from policies.passwordPolicy.temporaryPasswordValidityDays and
            // refuses both together, so it is sent only when declared.
            { cognito: "UnusedAccountValidityDays", name: "unusedAccountValidityDays", shape: integer(0, 365), undeclared: "ignore" },
            {
                cognito: "InviteMessageTemplate",
                name: "inviteMessageTemplate",
                shape: object(
                    cognitoText("SMSMessage", "smsMessage", smsText(USERNAME, CODE)),
                    cognitoText("EmailMessage", "emailMessage", emailText(USERNAME, CODE)),
                    cognitoText("EmailSubject", "emailSubject", subject),
                ),
            },
        ),
    },
    {
        cognito: "Schema",
        reportedAs: "SchemaAttributes",
        name: "schema",
        apply: "addCustomAttributes",
        // Attributes are never removed: the pool keeps what it has; see schemaAttributes.ts.
        undeclared: "keep",
        shape: {
            kind: "objectList",
            sortBy: "name",
            // Cognito's limit is 50 custom attributes; with the 20 standard ones a schema lists at most 70.
            maxItems: 70,
            fields: [
                // 32 is the API's limit for any attribute name; Cognito holds custom names to 20.
                {
                    cognito: "Name",
                    name: "name",
                    shape: { kind: "string", minLength: 1, maxLength: 32, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, format: "letters, digits and punctuation, no spaces" },
                    required: true,
                },
                {
                    cognito: "AttributeDataType",
                    name: "attributeDataType",
                    shape: oneOf("String", "Number", "DateTime", "Boolean"),
                },
                { cognito: "DeveloperOnlyAttribute", name: "developerOnlyAttribute", shape: boolean },
                { cognito: "Mutable", name: "mutable", shape: boolean },
                { cognito: "Required", name: "required", shape: boolean },
                {
                    cognito: "NumberAttributeConstraints",
                    name: "numberAttributeConstraints",
                    shape: object(
                        { cognito: "MinValue", name: "minValue", shape: numeric },
                        { cognito: "MaxValue", name: "maxValue", shape: numeric },
                    ),
                },
                {
                    cognito: "StringAttributeConstraints",
                    name: "stringAttributeConstraints",
                    shape: object(
                        { cognito: "MinLength", name: "minLength", shape: numeric },
                        { cognito: "MaxLength", name: "maxLength", shape: numeric },
                    ),
                },
            ],
        },
    },
    {
        cognito: "UserPoolAddOns",
        name: "userPoolAddOns",
        apply: "updateUserPool",
        shape: object({
            cognito: "AdvancedSecurityMode",
            name: "advancedSecurityMode",
            shape: oneOf("OFF", "AUDIT", "ENFORCED"),
            default: "OFF",
        }),
    },
    {
        cognito: "UsernameConfiguration",
        name: "usernameConfiguration",
        apply: "replace",
        // Which case sensitivity an undeclared pool gets has differed by console, API and region; a
        // replacement must never follow from something the user did not write, so undeclared is kept.
        undeclared: "keep",
        shape: object({
            cognito: "CaseSensitive",
            name: "caseSensitive",
            shape: boolean,
            // A pool created through the API without UsernameConfiguration is case sensitive.
            default: true,
        }),
    },
    {
        cognito: "AccountRecoverySetting",
        name: "accountRecoverySetting",
        apply: "updateUserPool",
        // Absent unless set, and an update cannot unset it: undeclared leaves Cognito's setting alone.
        undeclared: "keep",
        shape: object({
            cognito: "RecoveryMechanisms",
            name: "recoveryMechanisms",
            required: true,
            shape: {
                kind: "objectList",
                sortBy: "priority",
                minItems: 1,
                maxItems: 2,
                fields: [
                    { cognito: "Priority", name: "priority", shape: integer(1, 2), required: true },
                    {
                        cognito: "Name",
                        name: "name",
                        shape: oneOf("verified_email", "verified_phone_number", "admin_only"),
                        required: true,
                    },
                ],
            },
        }),
    },
];
