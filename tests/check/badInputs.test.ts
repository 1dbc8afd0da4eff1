// check, one mistake at a time: a small valid pool with exactly one bad input gets a failure naming the
// property path, quoting the bad value and saying what is allowed. Covers every shape kind of the property
// table and every cross-member rule of provider/check/rules.ts; then several mistakes at once, values unknown at
// preview in place of the bad ones, and RULES.md naming every rule.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import provider = require("../../provider/runtime");
import { rules } from "../../provider/check/rules";
import { UNKNOWN } from "../../provider/pool/table";
import { repoRoot } from "../support/stacks";

type Props = Record<string, any>;
type Segment = string | number;

interface BadInput {
    /** What is wrong, as the test title says it. */
    label: string;
    /** Valid context beside poolName "p", which the mistake needs (an SES configuration, say). */
    base?: Props;
    /** Where the bad value goes. */
    at: Segment[];
    /** The bad value. */
    value: unknown;
    /** The property path every failure must name. */
    property: string;
    /** Matched against a failure's reason: it quotes the bad value and says what is allowed. */
    reason: RegExp;
    /** Where UNKNOWN goes for the "unknown at preview passes" test, when not at `at`; null: not applicable. */
    unknownAt?: Segment[] | null;
}

const check = async (news: Props) => (await provider.check!({}, news)).failures ?? [];

function withValue(base: Props, at: Segment[], value: unknown): Props {
    const root = structuredClone(base);
    let node: any = root;
    at.slice(0, -1).forEach((seg, i) => {
        if (node[seg] === undefined) node[seg] = typeof at[i + 1] === "number" ? [] : {};
        node = node[seg];
    });
    node[at[at.length - 1]] = value;
    return root;
}

const ARN = {
    lambda: (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`,
    kms: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    role: "arn:aws:iam::123456789012:role/cognito-sms",
    ses: "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com",
};
const DEVELOPER = { emailConfiguration: { emailSendingAccount: "DEVELOPER", sourceArn: ARN.ses } };
const sender = (name: string) => ({ lambdaVersion: "V1_0", lambdaArn: ARN.lambda(name) });
const attr = (name: string, extra: Props = {}) => ({ name, attributeDataType: "String", mutable: true, ...extra });
const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
const customAttributes = (n: number) => Array.from({ length: n }, (_, i) => attr(`a${i}`));
/** A string of `length` characters made of `fill` around `core`. */
const padded = (core: string, length: number, fill = "x") => core + fill.repeat(length - core.length);

const badInputs: BadInput[] = [
    // ---- wrong type, one per shape kind
    { label: "a string given a number", at: ["poolName"], value: 42, property: "poolName", reason: /'poolName' is 42; it must be a string/ },
    {
        label: "an integer given a string",
        at: ["policies", "passwordPolicy", "minimumLength"],
        value: "12",
        property: "policies.passwordPolicy.minimumLength",
        reason: /is "12"; it must be a whole number/,
    },
    {
        label: "an integer given a fraction",
        at: ["policies", "passwordPolicy", "minimumLength"],
        value: 8.5,
        property: "policies.passwordPolicy.minimumLength",
        reason: /is 8\.5; it must be a whole number/,
    },
    {
        label: "a boolean given a string",
        at: ["policies", "passwordPolicy", "requireSymbols"],
        value: "yes",
        property: "policies.passwordPolicy.requireSymbols",
        reason: /is "yes"; it must be true or false/,
    },
    { label: "an object given a string", at: ["policies"], value: "strict", property: "policies", reason: /'policies' is "strict"; it must be an object/ },
    { label: "an object given a list", at: ["deviceConfiguration"], value: [true], property: "deviceConfiguration", reason: /is \[true\]; it must be an object/ },
    { label: "a list given a string", at: ["autoVerifiedAttributes"], value: "email", property: "autoVerifiedAttributes", reason: /is "email"; it must be a list/ },
    { label: "a list of objects given an object", at: ["schema"], value: attr("tenant"), property: "schema", reason: /'schema' is \{"name":"tenant".*; it must be a list/ },
    { label: "a list of objects given a string item", at: ["schema"], value: ["tenant"], property: "schema", reason: /'schema' is \["tenant"\]; item 0 must be an object/ },
    { label: "a tag map given a list", at: ["userPoolTags"], value: ["team"], property: "userPoolTags", reason: /is \["team"\]; it must be an object of string keys to string values/ },
    { label: "a tag value given a number", at: ["userPoolTags", "team"], value: 7, property: 'userPoolTags["team"]', reason: /is 7; it must be a string/ },

    // ---- enums
    { label: "deletionProtection not an allowed value", at: ["deletionProtection"], value: "ON", property: "deletionProtection", reason: /is "ON"; allowed: "ACTIVE", "INACTIVE"/ },
    { label: "mfaConfiguration not an allowed value", at: ["mfaConfiguration"], value: "SOMETIMES", property: "mfaConfiguration", reason: /is "SOMETIMES"; allowed: "OFF", "ON", "OPTIONAL"/ },
    {
        label: "an alias attribute not an allowed value",
        at: ["aliasAttributes"],
        value: ["username"],
        property: "aliasAttributes[0]",
        reason: /'aliasAttributes\[0\]' is "username"; allowed: "phone_number", "email", "preferred_username"/,
        unknownAt: ["aliasAttributes", 0],
    },
    {
        label: "an auto-verified attribute in the wrong case",
        at: ["autoVerifiedAttributes"],
        value: ["email", "Phone_Number"],
        property: "autoVerifiedAttributes[1]",
        reason: /is "Phone_Number"; allowed: "phone_number", "email"/,
        unknownAt: ["autoVerifiedAttributes", 1],
    },
    {
        label: "advancedSecurityMode not an allowed value",
        at: ["userPoolAddOns", "advancedSecurityMode"],
        value: "STRICT",
        property: "userPoolAddOns.advancedSecurityMode",
        reason: /is "STRICT"; allowed: "OFF", "AUDIT", "ENFORCED"/,
    },
    {
        label: "defaultEmailOption not an allowed value",
        at: ["verificationMessageTemplate", "defaultEmailOption"],
        value: "CONFIRM_WITH_EMAIL",
        property: "verificationMessageTemplate.defaultEmailOption",
        reason: /is "CONFIRM_WITH_EMAIL"; allowed: "CONFIRM_WITH_LINK", "CONFIRM_WITH_CODE"/,
    },
    {
        label: "emailSendingAccount not an allowed value",
        at: ["emailConfiguration", "emailSendingAccount"],
        value: "SES",
        property: "emailConfiguration.emailSendingAccount",
        reason: /is "SES"; allowed: "COGNITO_DEFAULT", "DEVELOPER"/,
    },
    {
        label: "a custom sender's lambdaVersion not V1_0",
        base: { lambdaConfig: { customSmsSender: sender("sms"), kmsKeyId: ARN.kms } },
        at: ["lambdaConfig", "customSmsSender", "lambdaVersion"],
        value: "V2_0",
        property: "lambdaConfig.customSmsSender.lambdaVersion",
        reason: /is "V2_0"; allowed: "V1_0"/,
    },
    {
        label: "an attributeDataType not an allowed value",
        base: { schema: [attr("tenant")] },
        at: ["schema", 0, "attributeDataType"],
        value: "Integer",
        property: "schema[0].attributeDataType",
        reason: /is "Integer"; allowed: "String", "Number", "DateTime", "Boolean"/,
    },
    {
        label: "a recovery mechanism name not an allowed value",
        base: { accountRecoverySetting: { recoveryMechanisms: [{ priority: 1, name: "verified_email" }] } },
        at: ["accountRecoverySetting", "recoveryMechanisms", 0, "name"],
        value: "sms",
        property: "accountRecoverySetting.recoveryMechanisms[0].name",
        reason: /is "sms"; allowed: "verified_email", "verified_phone_number", "admin_only"/,
    },

    // ---- ranges
    { label: "minimumLength below 6", at: ["policies", "passwordPolicy", "minimumLength"], value: 5, property: "policies.passwordPolicy.minimumLength", reason: /is 5; it must be from 6 to 99/ },
    { label: "minimumLength above 99", at: ["policies", "passwordPolicy", "minimumLength"], value: 100, property: "policies.passwordPolicy.minimumLength", reason: /is 100; it must be from 6 to 99/ },
    {
        label: "temporaryPasswordValidityDays above 365",
        at: ["policies", "passwordPolicy", "temporaryPasswordValidityDays"],
        value: 366,
        property: "policies.passwordPolicy.temporaryPasswordValidityDays",
        reason: /is 366; it must be from 0 to 365/,
    },
    {
        label: "passwordHistorySize above 24",
        at: ["policies", "passwordPolicy", "passwordHistorySize"],
        value: 25,
        property: "policies.passwordPolicy.passwordHistorySize",
        reason: /is 25; it must be from 0 to 24/,
    },
    {
        label: "unusedAccountValidityDays at all (Cognito refuses it beside the password policy every update sends)",
        at: ["adminCreateUserConfig", "unusedAccountValidityDays"],
        value: 7,
        property: "adminCreateUserConfig.unusedAccountValidityDays",
        reason: /is 7; Cognito refuses UnusedAccountValidityDays beside a password policy, which every update sends: declare policies.passwordPolicy.temporaryPasswordValidityDays instead/,
    },
    {
        label: "a recovery priority above 2",
        base: { accountRecoverySetting: { recoveryMechanisms: [{ priority: 1, name: "verified_email" }] } },
        at: ["accountRecoverySetting", "recoveryMechanisms", 0, "priority"],
        value: 3,
        property: "accountRecoverySetting.recoveryMechanisms[0].priority",
        reason: /is 3; it must be from 1 to 2/,
    },

    // ---- lengths
    { label: "an empty poolName", at: ["poolName"], value: "", property: "poolName", reason: /'poolName' is ""; it must not be empty/ },
    { label: "a poolName of 129 characters", at: ["poolName"], value: "n".repeat(129), property: "poolName", reason: /is "n{30,}\.\.\.; it must be at most 128 characters long/ },
    { label: "an empty email subject", at: ["emailVerificationSubject"], value: "", property: "emailVerificationSubject", reason: /is ""; it must not be empty/ },
    {
        label: "an SMS message of 141 characters",
        at: ["smsVerificationMessage"],
        value: padded("Code {####} ", 141),
        property: "smsVerificationMessage",
        reason: /is "Code \{####\} x+\.\.\.; it must be at most 140 characters long/,
    },
    {
        label: "an email message of 20001 characters",
        base: DEVELOPER,
        at: ["verificationMessageTemplate", "emailMessage"],
        value: padded("Code {####} ", 20001),
        property: "verificationMessageTemplate.emailMessage",
        reason: /is "Code \{####\} x+\.\.\.; it must be at most 20000 characters long/,
    },
    {
        label: "an email subject of 141 characters",
        base: DEVELOPER,
        at: ["adminCreateUserConfig", "inviteMessageTemplate", "emailSubject"],
        value: "s".repeat(141),
        property: "adminCreateUserConfig.inviteMessageTemplate.emailSubject",
        reason: /is "s+\.\.\.; it must be at most 140 characters long/,
    },
    {
        label: "an snsRegion shorter than 5",
        base: { smsConfiguration: { snsCallerArn: ARN.role } },
        at: ["smsConfiguration", "snsRegion"],
        value: "us",
        property: "smsConfiguration.snsRegion",
        reason: /is "us"; it must be an AWS region such as us-east-1/,
    },
    {
        label: "a configurationSet of 65 characters",
        at: ["emailConfiguration", "configurationSet"],
        value: "c".repeat(65),
        property: "emailConfiguration.configurationSet",
        reason: /is "c{30,}\.\.\.; it must be at most 64 characters long/,
    },
    {
        label: "an ARN shorter than 20",
        at: ["lambdaConfig", "preSignUp"],
        value: "arn:aws:l:u:1:f",
        property: "lambdaConfig.preSignUp",
        reason: /is "arn:aws:l:u:1:f"; it must be at least 20 characters long/,
    },
    {
        label: "an ARN longer than 2048",
        at: ["lambdaConfig", "kmsKeyId"],
        value: `arn:aws:kms:us-east-1:123456789012:key/${"k".repeat(2048)}`,
        property: "lambdaConfig.kmsKeyId",
        reason: /is "arn:aws:kms:us-east-1:123456789012:k\.\.\.; it must be at most 2048 characters long/,
    },

    // ---- patterns and formats
    // A short value that is not an ARN is told it is not an ARN (its length comes second).
    {
        label: "a short trigger that is not an ARN",
        at: ["lambdaConfig", "preSignUp"],
        value: "pre-sign-up",
        property: "lambdaConfig.preSignUp",
        reason: /is "pre-sign-up"; it must be an ARN/,
    },
    { label: "a poolName with a slash", at: ["poolName"], value: "bad/name", property: "poolName", reason: /is "bad\/name"; it must be letters, digits, ASCII spaces and _\+=,\.@- only/ },
    {
        label: "a Lambda trigger that is not an ARN",
        at: ["lambdaConfig", "postConfirmation"],
        value: "function:post-confirmation-handler",
        property: "lambdaConfig.postConfirmation",
        reason: /is "function:post-confirmation-handler"; it must be an ARN \(arn:aws:<service>:<region>:<account id>:<resource>, the account id in digits\)/,
    },
    {
        label: "an SNS caller that is a role name, not an ARN",
        at: ["smsConfiguration", "snsCallerArn"],
        value: "role/cognito-sms-sender-role",
        property: "smsConfiguration.snsCallerArn",
        reason: /is "role\/cognito-sms-sender-role"; it must be an ARN/,
    },
    {
        label: "a reply-to address without @",
        at: ["emailConfiguration", "replyToEmailAddress"],
        value: "help.example.com",
        property: "emailConfiguration.replyToEmailAddress",
        reason: /is "help\.example\.com"; it must be an email address/,
    },
    {
        label: "a configurationSet with a space",
        at: ["emailConfiguration", "configurationSet"],
        value: "my set",
        property: "emailConfiguration.configurationSet",
        reason: /is "my set"; it must be letters, digits, _ and -/,
    },
    {
        label: "an snsRegion with spaces",
        base: { smsConfiguration: { snsCallerArn: ARN.role } },
        at: ["smsConfiguration", "snsRegion"],
        value: "us east 1",
        property: "smsConfiguration.snsRegion",
        reason: /is "us east 1"; it must be an AWS region such as us-east-1/,
    },
    {
        label: "a number constraint that is not a whole number",
        base: { schema: [attr("seats", { attributeDataType: "Number" })] },
        at: ["schema", 0, "numberAttributeConstraints"],
        value: { minValue: "one" },
        property: "schema[0].numberAttributeConstraints.minValue",
        reason: /is "one"; it must be a whole number written as a string, such as "64"/,
        unknownAt: ["schema", 0, "numberAttributeConstraints", "minValue"],
    },
    {
        label: "a string constraint given as a number",
        base: { schema: [attr("tenant")] },
        at: ["schema", 0, "stringAttributeConstraints"],
        value: { maxLength: 64 },
        property: "schema[0].stringAttributeConstraints.maxLength",
        reason: /is 64; it must be a string/,
        unknownAt: ["schema", 0, "stringAttributeConstraints", "maxLength"],
    },
    {
        label: "an attribute name with a space",
        base: { schema: [attr("tenant")] },
        at: ["schema", 0, "name"],
        value: "my tenant",
        property: "schema[0].name",
        reason: /is "my tenant"; it must be letters, marks, symbols, numbers and punctuation only \(no spaces\)/,
    },
    { label: "a region in capitals", at: ["region"], value: "US-EAST-1", property: "region", reason: /'region' is "US-EAST-1"; it must be an AWS region such as us-east-1/ },
    { label: "an existingPoolId without a region", at: ["existingPoolId"], value: "AbCdEfGhI", property: "existingPoolId", reason: /is "AbCdEfGhI"; it must be a user pool id such as us-east-1_AbCdEfGhI/ },

    // ---- placeholders
    {
        label: "an SMS authentication message without {####}",
        at: ["smsAuthenticationMessage"],
        value: "Your sign-in code",
        property: "smsAuthenticationMessage",
        reason: /is "Your sign-in code"; it must contain \{####\}, which Cognito replaces/,
    },
    {
        label: "a verification SMS with #### but no braces",
        at: ["verificationMessageTemplate", "smsMessage"],
        value: "Your code: ####",
        property: "verificationMessageTemplate.smsMessage",
        reason: /is "Your code: ####"; it must contain \{####\}/,
    },
    {
        label: "a deprecated email verification message without {####}",
        at: ["emailVerificationMessage"],
        value: "Please verify your email",
        property: "emailVerificationMessage",
        reason: /is "Please verify your email"; it must contain \{####\}/,
    },
    {
        label: "an invitation SMS without {username}",
        at: ["adminCreateUserConfig", "inviteMessageTemplate", "smsMessage"],
        value: "Your password is {####}",
        property: "adminCreateUserConfig.inviteMessageTemplate.smsMessage",
        reason: /is "Your password is \{####\}"; it must contain \{username\} and \{####\}/,
    },
    {
        label: "an invitation email without {####}",
        base: DEVELOPER,
        at: ["adminCreateUserConfig", "inviteMessageTemplate", "emailMessage"],
        value: "Welcome {username}!",
        property: "adminCreateUserConfig.inviteMessageTemplate.emailMessage",
        reason: /is "Welcome \{username\}!"; it must contain \{username\} and \{####\}/,
    },
    {
        label: "a link email without {##…##}",
        base: DEVELOPER,
        at: ["verificationMessageTemplate", "emailMessageByLink"],
        value: "Click here to verify your address",
        property: "verificationMessageTemplate.emailMessageByLink",
        reason: /is "Click here to verify your address"; it must contain \{##<link text>##\}/,
    },

    // ---- list item counts and duplicates
    {
        label: "an auto-verified attribute listed twice",
        at: ["autoVerifiedAttributes"],
        value: ["email", "email"],
        property: "autoVerifiedAttributes",
        reason: /is \["email","email"\]; each value may appear only once/,
        unknownAt: ["autoVerifiedAttributes", 1],
    },
    {
        label: "no recovery mechanism",
        at: ["accountRecoverySetting", "recoveryMechanisms"],
        value: [],
        property: "accountRecoverySetting.recoveryMechanisms",
        reason: /is \[\]; it needs at least 1 item/,
    },
    {
        label: "three recovery mechanisms",
        at: ["accountRecoverySetting", "recoveryMechanisms"],
        value: [
            { priority: 1, name: "verified_email" },
            { priority: 2, name: "verified_phone_number" },
            { priority: 2, name: "admin_only" },
        ],
        property: "accountRecoverySetting.recoveryMechanisms",
        reason: /is \[\{"priority":1,"name":"verified_email.*; it may have at most 2 items, not 3/,
    },
    // The model holds Schema to 50 attributes, standard and custom together.
    { label: "51 schema attributes", at: ["schema"], value: customAttributes(51), property: "schema", reason: /it may have at most 50 items, not 51/, unknownAt: null },
    { label: "an empty schema (the model wants 1 to 50 attributes)", at: ["schema"], value: [], property: "schema", reason: /is \[\]; it needs at least 1 item/, unknownAt: null },

    // ---- tags
    // 50 is AWS's limit, and the provider's create token is one of them.
    {
        label: "50 tags",
        at: ["userPoolTags"],
        value: tags(50),
        property: "userPoolTags",
        reason: /'userPoolTags' is \{"k0":"v".*; it may have at most 49 entries, not 50 \(Cognito allows 50 tags, and the provider uses one to find a pool whose create answer was lost\)/,
    },
    {
        label: "a tag key of 129 characters",
        at: ["userPoolTags"],
        value: { ["k".repeat(129)]: "v" },
        // A long key is quoted once, by its first characters only.
        property: "userPoolTags",
        reason: new RegExp(`^'userPoolTags' has the key "${"k".repeat(36)}\\.\\.\\. \\(129 characters\\); a key must be at most 128 characters long$`),
    },
    { label: "an empty tag key", at: ["userPoolTags"], value: { "": "v" }, property: "userPoolTags", reason: /^'userPoolTags' has an empty key; a key must not be empty$/ },
    {
        label: "a tag value of 257 characters",
        at: ["userPoolTags", "team"],
        value: "v".repeat(257),
        property: 'userPoolTags["team"]',
        reason: /is "v+\.\.\.; it must be at most 256 characters long/,
    },

    // ---- unknown properties and required members
    {
        label: "a misspelled top-level property, with a suggestion",
        at: ["deletionProtections"],
        value: "ACTIVE",
        property: "deletionProtections",
        reason: /'deletionProtections' is not a property of UserPool; did you mean 'deletionProtection'\?/,
        unknownAt: null,
    },
    {
        label: "a nested property in the wrong case, with a suggestion",
        at: ["emailConfiguration", "sourceARN"],
        value: ARN.ses,
        property: "emailConfiguration.sourceARN",
        reason: /'emailConfiguration.sourceARN' is not a property of emailConfiguration; did you mean 'sourceArn'\?/,
        unknownAt: null,
    },
    {
        label: "a property Cognito does not have, without a suggestion",
        at: ["colour"],
        value: "blue",
        property: "colour",
        reason: /^'colour' is not a property of UserPool$/,
        unknownAt: null,
    },
    {
        label: "an SMS configuration without its required snsCallerArn",
        at: ["smsConfiguration"],
        value: { externalId: "ext-1" },
        property: "smsConfiguration.snsCallerArn",
        reason: /'smsConfiguration.snsCallerArn' is required/,
    },
    {
        label: "a custom email sender without its required lambdaArn",
        base: { lambdaConfig: { kmsKeyId: ARN.kms } },
        at: ["lambdaConfig", "customEmailSender"],
        value: { lambdaVersion: "V1_0" },
        property: "lambdaConfig.customEmailSender.lambdaArn",
        reason: /'lambdaConfig.customEmailSender.lambdaArn' is required/,
    },

    // ---- cross-member rules (provider/check/rules.ts), each by the rule's name
    {
        label: "rule 'MFA needs a factor': mfaConfiguration ON without a factor",
        at: ["mfaConfiguration"],
        value: "ON",
        property: "mfaConfiguration",
        reason: /'mfaConfiguration' is "ON", but no MFA factor is configured; enable TOTP with softwareTokenMfaConfiguration: \{ enabled: true \}, or configure SMS/,
    },
    {
        label: "rule 'MFA needs a factor': OPTIONAL with TOTP disabled",
        base: { softwareTokenMfaConfiguration: { enabled: false } },
        at: ["mfaConfiguration"],
        value: "OPTIONAL",
        property: "mfaConfiguration",
        reason: /'mfaConfiguration' is "OPTIONAL", but no MFA factor is configured/,
    },
    {
        label: "rule 'A TOTP factor needs MFA on': TOTP with mfaConfiguration OFF",
        base: { mfaConfiguration: "OFF" },
        at: ["softwareTokenMfaConfiguration", "enabled"],
        value: true,
        property: "softwareTokenMfaConfiguration.enabled",
        reason: /'softwareTokenMfaConfiguration.enabled' is true, but 'mfaConfiguration' is "OFF"; set mfaConfiguration to "ON" or "OPTIONAL"/,
    },
    {
        label: "rule 'A TOTP factor needs MFA on': TOTP with mfaConfiguration undeclared",
        at: ["softwareTokenMfaConfiguration", "enabled"],
        value: true,
        property: "softwareTokenMfaConfiguration.enabled",
        reason: /is true, but 'mfaConfiguration' is "OFF"/,
    },
    {
        label: "rule 'Aliases or username attributes, not both'",
        base: { aliasAttributes: ["preferred_username"] },
        at: ["usernameAttributes"],
        value: ["email"],
        property: "usernameAttributes",
        reason: /'usernameAttributes' and 'aliasAttributes' are both set; Cognito allows one or the other/,
    },
    {
        label: "rule 'Custom sender triggers need a KMS key': custom SMS sender",
        at: ["lambdaConfig", "customSmsSender"],
        value: sender("sms"),
        property: "lambdaConfig.kmsKeyId",
        reason: /'lambdaConfig.kmsKeyId' is missing; lambdaConfig.customSmsSender needs the ARN of a KMS key/,
        // The mistake is the missing key: an unknown sender still needs one, an unknown lambdaConfig may hold it.
        unknownAt: ["lambdaConfig"],
    },
    {
        label: "rule 'Custom sender triggers need a KMS key': custom email sender",
        base: { lambdaConfig: { preSignUp: ARN.lambda("pre") } },
        at: ["lambdaConfig", "customEmailSender"],
        value: sender("email"),
        property: "lambdaConfig.kmsKeyId",
        reason: /'lambdaConfig.kmsKeyId' is missing; lambdaConfig.customEmailSender needs the ARN of a KMS key/,
        unknownAt: ["lambdaConfig", "kmsKeyId"],
    },
    {
        label: "rule 'Sending email through SES needs a source'",
        at: ["emailConfiguration", "emailSendingAccount"],
        value: "DEVELOPER",
        property: "emailConfiguration.sourceArn",
        reason: /'emailConfiguration.sourceArn' is missing; with emailSendingAccount "DEVELOPER" Cognito sends through SES/,
    },
    {
        label: "rule 'A legacy text and its template text, not two different ones'",
        base: { verificationMessageTemplate: { smsMessage: "New code {####}" } },
        at: ["smsVerificationMessage"],
        value: "Old code {####}",
        property: "smsVerificationMessage",
        reason: /'smsVerificationMessage' is "Old code \{####\}", but verificationMessageTemplate.smsMessage is "New code \{####\}"; Cognito keeps them as one text: declare only verificationMessageTemplate.smsMessage/,
        unknownAt: ["verificationMessageTemplate", "smsMessage"],
    },
    {
        label: "rule 'Verify-before-update attributes must be auto-verified': another attribute",
        base: { autoVerifiedAttributes: ["email"] },
        at: ["userAttributeUpdateSettings", "attributesRequireVerificationBeforeUpdate"],
        value: ["phone_number"],
        property: "userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate",
        reason: /has \["phone_number"\], which autoVerifiedAttributes does not; add them to autoVerifiedAttributes/,
        unknownAt: ["userAttributeUpdateSettings", "attributesRequireVerificationBeforeUpdate", 0],
    },
    {
        label: "rule 'Verify-before-update attributes must be auto-verified': none auto-verified",
        at: ["userAttributeUpdateSettings", "attributesRequireVerificationBeforeUpdate"],
        value: ["email"],
        property: "userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate",
        reason: /has \["email"\], which autoVerifiedAttributes does not/,
        unknownAt: ["autoVerifiedAttributes"],
    },
    {
        label: "an attribute name of 21 characters (the model's limit is 20)",
        at: ["schema"],
        value: [attr("t".repeat(21))],
        property: "schema[0].name",
        reason: /'schema\[0\].name' is "t{21}"; it must be at most 20 characters long/,
        unknownAt: ["schema", 0, "name"],
    },
    {
        label: "rule 'Custom attributes…': a required custom attribute",
        at: ["schema"],
        value: [attr("tenant", { required: true })],
        property: "schema[0].required",
        reason: /'schema\[0\].required' is true; Cognito cannot require a custom attribute/,
        unknownAt: ["schema", 0, "required"],
    },
    {
        label: "rule 'Custom attributes…': a custom attribute without a type",
        at: ["schema"],
        value: [{ name: "tenant", mutable: true }],
        property: "schema[0].attributeDataType",
        reason: /'schema\[0\].attributeDataType' is missing; a custom attribute needs one of "String", "Number", "DateTime", "Boolean"/,
        unknownAt: ["schema", 0, "attributeDataType"],
    },
    {
        label: "rule 'Custom attributes…': number constraints on a String attribute",
        at: ["schema"],
        value: [attr("tenant", { numberAttributeConstraints: { minValue: "1" } })],
        property: "schema[0].numberAttributeConstraints",
        reason: /is set on a String attribute; it applies to Number attributes only/,
        unknownAt: ["schema", 0, "attributeDataType"],
    },
    {
        label: "rule 'Custom attributes…': string constraints on a Number attribute",
        at: ["schema"],
        value: [attr("seats", { attributeDataType: "Number", stringAttributeConstraints: { maxLength: "10" } })],
        property: "schema[0].stringAttributeConstraints",
        reason: /is set on a Number attribute; it applies to String attributes only/,
        unknownAt: ["schema", 0, "attributeDataType"],
    },
    {
        label: "rule 'Custom attributes…': minValue above maxValue",
        at: ["schema"],
        value: [attr("seats", { attributeDataType: "Number", numberAttributeConstraints: { minValue: "10", maxValue: "5" } })],
        property: "schema[0].numberAttributeConstraints",
        reason: /has minValue 10 above maxValue 5/,
        unknownAt: ["schema", 0, "numberAttributeConstraints", "maxValue"],
    },
    {
        label: "rule 'Custom attributes…': minLength above maxLength",
        at: ["schema"],
        value: [attr("tenant", { stringAttributeConstraints: { minLength: "65", maxLength: "64" } })],
        property: "schema[0].stringAttributeConstraints",
        reason: /has minLength 65 above maxLength 64/,
        unknownAt: ["schema", 0, "stringAttributeConstraints", "minLength"],
    },
    {
        label: "rule 'Custom attributes…': maxLength above 2048",
        at: ["schema"],
        value: [attr("tenant", { stringAttributeConstraints: { maxLength: "4096" } })],
        property: "schema[0].stringAttributeConstraints.maxLength",
        reason: /'schema\[0\].stringAttributeConstraints.maxLength' is "4096"; a custom string attribute holds at most 2048 characters/,
        unknownAt: ["schema", 0, "stringAttributeConstraints", "maxLength"],
    },
    {
        label: "rule 'Custom attributes…': a name given with Cognito's custom: prefix",
        at: ["schema"],
        value: [attr("custom:tenant")],
        property: "schema[0].name",
        reason: /'schema\[0\].name' is "custom:tenant"; write "tenant": Cognito adds the custom: prefix itself \(given with it, the attribute would be named custom:custom:tenant\)/,
        unknownAt: ["schema", 0, "name"],
    },
    {
        label: "rule 'Recovery mechanisms…': a priority repeated",
        at: ["accountRecoverySetting", "recoveryMechanisms"],
        value: [{ priority: 1, name: "verified_email" }, { priority: 1, name: "verified_phone_number" }],
        property: "accountRecoverySetting.recoveryMechanisms",
        reason: /repeats a priority \(1, 1\); each mechanism needs its own/,
        unknownAt: ["accountRecoverySetting", "recoveryMechanisms", 1, "priority"],
    },
    {
        label: "rule 'Recovery mechanisms…': a mechanism repeated",
        at: ["accountRecoverySetting", "recoveryMechanisms"],
        value: [{ priority: 1, name: "verified_email" }, { priority: 2, name: "verified_email" }],
        property: "accountRecoverySetting.recoveryMechanisms",
        reason: /repeats a mechanism \(verified_email, verified_email\)/,
        unknownAt: ["accountRecoverySetting", "recoveryMechanisms", 1, "name"],
    },
    {
        label: "rule 'Recovery mechanisms…': admin_only combined",
        at: ["accountRecoverySetting", "recoveryMechanisms"],
        value: [{ priority: 1, name: "admin_only" }, { priority: 2, name: "verified_email" }],
        property: "accountRecoverySetting.recoveryMechanisms",
        reason: /combines admin_only with verified_email; admin_only must be the only mechanism/,
        unknownAt: ["accountRecoverySetting", "recoveryMechanisms", 0, "name"],
    },
];

/** Mistakes check once let through or misreported (found by this file's first version; now fixed). */
const fixedBugs: (BadInput & { bug: string })[] = [
    // Was a bug: rules.ts reads `lambdaConfig.kmsKeyId === undefined`, but check treats null as "not set"
    // everywhere else, so a null key beside a custom sender passes check and reaches Cognito, which refuses it.
    {
        label: "a custom SMS sender with kmsKeyId null",
        bug: "null kmsKeyId beside a custom sender passes check",
        base: { lambdaConfig: { customSmsSender: sender("sms") } },
        at: ["lambdaConfig", "kmsKeyId"],
        value: null,
        property: "lambdaConfig.kmsKeyId",
        reason: /'lambdaConfig.kmsKeyId' is missing/,
        unknownAt: null,
    },
    // Was a bug: same for `emailConfiguration.sourceArn === undefined`: DEVELOPER with sourceArn null passes.
    {
        label: "DEVELOPER email with sourceArn null",
        bug: "null sourceArn with emailSendingAccount DEVELOPER passes check",
        base: { emailConfiguration: { emailSendingAccount: "DEVELOPER" } },
        at: ["emailConfiguration", "sourceArn"],
        value: null,
        property: "emailConfiguration.sourceArn",
        reason: /'emailConfiguration.sourceArn' is missing/,
        unknownAt: null,
    },
    // Was a bug: and for `attributeDataType === undefined`: a custom attribute with attributeDataType null passes.
    {
        label: "a custom attribute with attributeDataType null",
        bug: "null attributeDataType on a custom attribute passes check",
        at: ["schema"],
        value: [{ name: "tenant", attributeDataType: null }],
        property: "schema[0].attributeDataType",
        reason: /'schema\[0\].attributeDataType' is missing/,
        unknownAt: null,
    },
    // Was a bug: the reverse: `customSmsSender: null` (not set, as check reads null everywhere else) still
    // demands a KMS key: a valid input rejected.
    {
        label: "customSmsSender null demands no KMS key",
        bug: "customSmsSender: null is rejected for a missing kmsKeyId",
        at: ["lambdaConfig", "customSmsSender"],
        value: null,
        property: "",
        reason: /^$/,
        unknownAt: null,
    },
    // Was a bug: a custom attribute named just "custom:" (or "dev:custom:") is an empty name once the prefix
    // is stripped (the provider sends Name ""), but the 20-character rule only looks for names too long.
    {
        label: "a custom attribute named only 'custom:'",
        bug: "an empty custom attribute name (\"custom:\") passes check; the provider sends Name \"\"",
        at: ["schema"],
        value: [attr("custom:")],
        property: "schema[0].name",
        reason: /'schema\[0\].name' is "custom:"/,
        unknownAt: null,
    },
    // Was a bug: "dev:tenant" is "tenant" to the provider (schemaAttributes.shortName strips "dev:" and
    // "custom:" separately, and sends two attributes named tenant). Now any prefix is refused.
    {
        label: "'tenant' and 'dev:tenant' declared together",
        bug: "the duplicate tenant / dev:tenant passes check; the provider sends Name \"tenant\" twice",
        at: ["schema"],
        value: [attr("tenant"), attr("dev:tenant")],
        property: "schema[1].name",
        reason: /'schema\[1\].name' is "dev:tenant"; write "tenant"/,
        unknownAt: null,
    },
    // Was a bug: a value that JSON cannot show is misquoted: NaN is reported as `is null`.
    {
        label: "minimumLength NaN is quoted as NaN",
        bug: "NaN is shown as null in the reason",
        at: ["policies", "passwordPolicy", "minimumLength"],
        value: NaN,
        property: "policies.passwordPolicy.minimumLength",
        reason: /is NaN; it must be a whole number/,
        unknownAt: null,
    },
];

describe("check: bad inputs, one mistake at a time", () => {
    it(`covers at least 45 distinct bad inputs (${badInputs.length})`, () => {
        assert.ok(badInputs.length >= 45);
        const inputs = badInputs.map((c) => JSON.stringify(withValue({ poolName: "p", ...c.base }, c.at, c.value)));
        assert.equal(new Set(inputs).size, inputs.length, "every case is a different input");
    });

    it("every base is valid on its own", async () => {
        for (const c of badInputs) assert.deepEqual(await check({ poolName: "p", ...c.base }), [], c.label);
    });

    for (const c of badInputs) {
        it(`${c.label}: names ${c.property}`, async () => {
            const failures = await check(withValue({ poolName: "p", ...c.base }, c.at, c.value));
            assert.ok(failures.length > 0, "refused");
            for (const f of failures) assert.equal(f.property, c.property, `every failure names ${c.property}: ${JSON.stringify(failures)}`);
            assert.ok(
                failures.some((f) => c.reason.test(f.reason)),
                `a reason matches ${c.reason}: ${failures.map((f) => f.reason).join(" | ")}`,
            );
            // The reason starts with the path it names.
            for (const f of failures) assert.ok(f.reason.startsWith(`'${c.property}'`), f.reason);
        });
    }

    describe("bugs found and fixed: they stay fixed", () => {
        for (const c of fixedBugs) {
            it(`${c.label} (was: ${c.bug})`, async () => {
                const failures = await check(withValue({ poolName: "p", ...c.base }, c.at, c.value));
                const fixed = c.property === "" ? failures.length === 0 : failures.some((f) => f.property === c.property && c.reason.test(f.reason));
                assert.ok(fixed, `check returned ${JSON.stringify(failures)}`);
            });
        }
    });

    it("five mistakes are reported together, each with its path", async () => {
        const failures = await check({
            poolName: "bad/name",
            policies: { passwordPolicy: { minimumLength: 100 } },
            deletionProtection: "yes",
            aliasAttributes: ["email"],
            usernameAttributes: ["email"],
            schema: [attr("tenant", { required: true })],
        });
        assert.deepEqual(failures.map((f) => f.property).sort(), [
            "deletionProtection",
            "policies.passwordPolicy.minimumLength",
            "poolName",
            "schema[0].required",
            "usernameAttributes",
        ]);
        for (const f of failures) assert.ok(f.reason.startsWith(`'${f.property}'`), f.reason);
    });

    describe("values unknown at preview in place of the bad ones pass", () => {
        for (const c of badInputs.filter((c) => c.unknownAt !== null)) {
            const at = c.unknownAt ?? c.at;
            it(`${c.label}: ${at.join(".")} unknown`, async () => {
                const inputs = withValue(withValue({ poolName: "p", ...c.base }, c.at, c.value), at, UNKNOWN);
                assert.deepEqual(await check(inputs), []);
            });
        }
    });
});

describe("RULES.md", () => {
    it("names every cross-member rule of provider/check/rules.ts", () => {
        const doc = readFileSync(join(repoRoot, "RULES.md"), "utf8");
        assert.ok(rules.length > 0);
        for (const rule of rules) assert.ok(doc.includes(rule.name), `RULES.md lacks the rule '${rule.name}'`);
    });
});
