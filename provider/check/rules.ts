// Rules that tie members together, which no single row's shape can say. Each names where it comes
// from; check reports every broken rule with the property path, the value and what is allowed.
import { isRecord } from "../pool/convert";
import { isCustom, shortName } from "../pool/attributes";
import { isUnknown } from "../pool/table";
import { userPoolProperties } from "../pool/properties";
import { DEFAULT_TIER, featuresAbove, tierMessage } from "../pool/tiers";
import { CheckFailure } from "./validate";

type Props = Record<string, any>;

export interface Rule {
    /** Short name, for the rules table in the docs. */
    name: string;
    /** Where the rule comes from. */
    source: string;
    check(inputs: Props): CheckFailure[];
}

/** Any value unknown at preview: a rule that reads it cannot judge yet, so it passes. */
function anyUnknown(...values: unknown[]): boolean {
    return values.some((v) => isUnknown(v) || (isRecord(v) && Object.values(v).some(isUnknown)));
}

const MFA_ON = ["ON", "OPTIONAL"];

export const rules: Rule[] = [
    {
        name: "MFA needs a factor",
        source: "document: developer guide, \"Adding MFA to a user pool\": MFA on or optional needs a factor (SMS, TOTP or email); Cognito refuses it without one (InvalidParameterException)",
        check: ({ mfaConfiguration, softwareTokenMfaConfiguration, smsConfiguration, emailMfaConfiguration }) => {
            if (anyUnknown(mfaConfiguration, softwareTokenMfaConfiguration, smsConfiguration, emailMfaConfiguration)) return [];
            const factor = softwareTokenMfaConfiguration?.enabled === true || isRecord(smsConfiguration) || isRecord(emailMfaConfiguration);
            if (!MFA_ON.includes(mfaConfiguration) || factor) return [];
            return [
                {
                    property: "mfaConfiguration",
                    reason: `'mfaConfiguration' is "${mfaConfiguration}", but no MFA factor is configured; enable TOTP with softwareTokenMfaConfiguration: { enabled: true }, or configure SMS with smsConfiguration, or email with emailMfaConfiguration, or set mfaConfiguration: "OFF"`,
                },
            ];
        },
    },
    {
        name: "A TOTP factor needs MFA on",
        source: "Cognito error users reported: \"Invalid MFA configuration given, can't turn off MFA and configure an MFA together\" (SetUserPoolMfaConfig with MFA OFF and TOTP enabled)",
        check: ({ mfaConfiguration, softwareTokenMfaConfiguration }) => {
            if (anyUnknown(mfaConfiguration, softwareTokenMfaConfiguration)) return [];
            if (softwareTokenMfaConfiguration?.enabled !== true || MFA_ON.includes(mfaConfiguration)) return [];
            return [
                {
                    property: "softwareTokenMfaConfiguration.enabled",
                    reason: `'softwareTokenMfaConfiguration.enabled' is true, but 'mfaConfiguration' is ${JSON.stringify(mfaConfiguration ?? "OFF")}; set mfaConfiguration to "ON" or "OPTIONAL", or disable TOTP`,
                },
            ];
        },
    },
    {
        name: "An email MFA factor needs MFA on",
        source: "Cognito error users reported: \"can't turn off MFA and configure an MFA together\" (SetUserPoolMfaConfig with MFA OFF and an EmailMfaConfiguration; terraform-provider-aws's email MFA issues)",
        check: ({ mfaConfiguration, emailMfaConfiguration }) => {
            if (anyUnknown(mfaConfiguration) || !isRecord(emailMfaConfiguration) || MFA_ON.includes(mfaConfiguration)) return [];
            return [
                {
                    property: "emailMfaConfiguration",
                    reason: `'emailMfaConfiguration' is set, but 'mfaConfiguration' is ${JSON.stringify(mfaConfiguration ?? "OFF")}; set mfaConfiguration to "ON" or "OPTIONAL", or remove emailMfaConfiguration`,
                },
            ];
        },
    },
    {
        name: "Email MFA needs your own SES sending",
        source: "document: API reference, EmailMfaConfigType: email MFA needs EmailSendingAccount DEVELOPER (an SES identity)",
        check: ({ emailMfaConfiguration, emailConfiguration }) => {
            const account = emailConfiguration?.emailSendingAccount;
            if (!isRecord(emailMfaConfiguration) || isUnknown(emailConfiguration) || isUnknown(account) || account === "DEVELOPER") return [];
            return [
                {
                    property: "emailMfaConfiguration",
                    reason: `'emailMfaConfiguration' is set, but emailConfiguration.emailSendingAccount is ${JSON.stringify(account ?? "COGNITO_DEFAULT")}; email MFA sends through your SES identity: set emailConfiguration: { emailSendingAccount: "DEVELOPER", sourceArn: "<SES identity ARN>" }`,
                },
            ];
        },
    },
    {
        name: "Email cannot be both the MFA factor and the only recovery",
        source: "document: developer guide, \"Email MFA\": a user who loses access to email must be able to recover another way",
        check: ({ emailMfaConfiguration, accountRecoverySetting }) => {
            const names = accountRecoverySetting?.recoveryMechanisms;
            if (!isRecord(emailMfaConfiguration) || !Array.isArray(names) || names.some((m) => !isRecord(m) || isUnknown(m.name))) return [];
            if (names.length === 0 || !names.every((m: any) => m.name === "verified_email")) return [];
            return [
                {
                    property: "accountRecoverySetting.recoveryMechanisms",
                    reason: "'accountRecoverySetting.recoveryMechanisms' names only verified_email, and email is also the MFA factor (emailMfaConfiguration); add verified_phone_number or admin_only",
                },
            ];
        },
    },
    {
        name: "Features of a higher tier",
        source: "Cognito error: FeatureUnavailableInTierException (\"features need to be disabled for the LITE pricing tier: Passwordless Sign-In\", \"... ESSENTIALS pricing tier: Threat Protection\"); document: developer guide, \"User pool feature plans\"",
        check: (inputs) => {
            const tier = inputs.userPoolTier;
            if (isUnknown(tier)) return [];
            return featuresAbove(inputs, tier ?? DEFAULT_TIER).map((f) => ({ property: f.path, reason: tierMessage(f, tier ?? DEFAULT_TIER, tier !== undefined) }));
        },
    },
    {
        name: "First sign-in factors that can go together",
        source: "document: API reference, SignInPolicyType and developer guide, \"Passwordless sign-in\": WEB_AUTHN needs another first factor beside it; with MFA on or optional only PASSWORD and WEB_AUTHN",
        check: ({ policies, mfaConfiguration }) => {
            const factors = policies?.signInPolicy?.allowedFirstAuthFactors;
            const at = "policies.signInPolicy.allowedFirstAuthFactors";
            if (!Array.isArray(factors) || factors.some(isUnknown) || isUnknown(mfaConfiguration)) return [];
            if (factors.length === 1 && factors[0] === "WEB_AUTHN") {
                return [{ property: at, reason: `'${at}' is ["WEB_AUTHN"]; passkeys need another first factor beside them (a user must be able to register one): add "PASSWORD", "EMAIL_OTP" or "SMS_OTP"` }];
            }
            const otp = factors.filter((f) => f === "EMAIL_OTP" || f === "SMS_OTP");
            if (MFA_ON.includes(mfaConfiguration) && otp.length > 0) {
                return [{ property: at, reason: `'${at}' has ${JSON.stringify(otp)}, but 'mfaConfiguration' is "${mfaConfiguration}"; with MFA only PASSWORD and WEB_AUTHN can be first factors: remove them, or set mfaConfiguration: "OFF"` }];
            }
            return [];
        },
    },
    {
        name: "One pre token generation trigger, not two",
        source: "document: API reference, LambdaConfigType: PreTokenGeneration and PreTokenGenerationConfig.LambdaArn are one setting (Cognito sets either from the other)",
        check: ({ lambdaConfig }) => {
            const legacy = lambdaConfig?.preTokenGeneration;
            const arn = lambdaConfig?.preTokenGenerationConfig?.lambdaArn;
            if (!known(legacy) || !known(arn) || legacy === arn) return [];
            return [{ property: "lambdaConfig.preTokenGeneration", reason: `'lambdaConfig.preTokenGeneration' is ${JSON.stringify(legacy)}, but lambdaConfig.preTokenGenerationConfig.lambdaArn is ${JSON.stringify(arn)}; Cognito keeps them as one trigger: declare only preTokenGenerationConfig` }];
        },
    },
    {
        name: "The old sub is kept in a declared custom attribute",
        source: "document: API reference, AdminCreateUser: an attribute the pool's schema does not declare is refused (InvalidParameterException), and `sub` is the pool's own",
        check: ({ copyUsersOnReplacement, schema }) => {
            const name = isRecord(copyUsersOnReplacement) ? copyUsersOnReplacement.keepSubAs : undefined;
            if (!known(name) || typeof name !== "string" || anyUnknown(schema)) return [];
            const short = shortName(name);
            const attr = (Array.isArray(schema) ? schema : []).find((a: Props) => isRecord(a) && shortName(String(a.name)) === short);
            const at = "copyUsersOnReplacement.keepSubAs";
            if (!attr || !isCustom(String(attr.name))) {
                return fail(at, `'${at}' is ${JSON.stringify(name)}, but the schema declares no custom attribute of that name; add { name: ${JSON.stringify(short)}, attributeDataType: "String" } to schema (a replacement's new pool is created with it), or remove keepSubAs`);
            }
            if (known(attr.attributeDataType) && attr.attributeDataType !== "String") {
                return fail(at, `'${at}' is ${JSON.stringify(name)}, but that attribute is of type ${attr.attributeDataType}; a sub is a String: declare it with attributeDataType: "String"`);
            }
            return [];
        },
    },
];

const fail = (property: string, reason: string): CheckFailure[] => [{ property, reason }];
/** Declared and known: null counts as not declared, as it does for every row. */
const known = (v: unknown) => v !== undefined && v !== null && !isUnknown(v);
const declared = (v: unknown) => v !== undefined && v !== null;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v.filter(known) : []);

/** Rules for one custom attribute of `schema`. */
function customAttributeRules(attr: Props, at: string): CheckFailure[] {
    const failures: CheckFailure[] = [];
    if (attr.required === true) {
        failures.push(...fail(`${at}.required`, `'${at}.required' is true; Cognito cannot require a custom attribute: make it optional, and validate it in a pre sign-up trigger if you need to`));
    }
    if (!declared(attr.attributeDataType)) {
        failures.push(...fail(`${at}.attributeDataType`, `'${at}.attributeDataType' is missing; a custom attribute needs one of "String", "Number", "DateTime", "Boolean"`));
    }
    const type = attr.attributeDataType;
    if (isRecord(attr.numberAttributeConstraints) && known(type) && type !== "Number") {
        failures.push(...fail(`${at}.numberAttributeConstraints`, `'${at}.numberAttributeConstraints' is set on a ${type} attribute; it applies to Number attributes only`));
    }
    if (isRecord(attr.stringAttributeConstraints) && known(type) && type !== "String") {
        failures.push(...fail(`${at}.stringAttributeConstraints`, `'${at}.stringAttributeConstraints' is set on a ${type} attribute; it applies to String attributes only`));
    }
    for (const [key, lo, hi] of [["numberAttributeConstraints", "minValue", "maxValue"], ["stringAttributeConstraints", "minLength", "maxLength"]]) {
        const c = attr[key];
        if (!isRecord(c) || !known(c[lo]) || !known(c[hi])) continue;
        if (Number(c[lo]) > Number(c[hi])) failures.push(...fail(`${at}.${key}`, `'${at}.${key}' has ${lo} ${c[lo]} above ${hi} ${c[hi]}`));
    }
    const maxLength = attr.stringAttributeConstraints?.maxLength;
    if (known(maxLength) && Number(maxLength) > 2048) {
        failures.push(...fail(`${at}.stringAttributeConstraints.maxLength`, `'${at}.stringAttributeConstraints.maxLength' is "${maxLength}"; a custom string attribute holds at most 2048 characters`));
    }
    return failures;
}

rules.push(
    {
        name: "Aliases or username attributes, not both",
        source: "document: developer guide, \"User pool attributes\" (sign-in options): a pool has username attributes or alias attributes, not both",
        check: ({ aliasAttributes, usernameAttributes }) =>
            list(aliasAttributes).length > 0 && list(usernameAttributes).length > 0
                ? fail("usernameAttributes", "'usernameAttributes' and 'aliasAttributes' are both set; Cognito allows one or the other: sign in with email/phone as the username (usernameAttributes), or as aliases of a username (aliasAttributes)")
                : [],
    },
    {
        name: "Custom sender triggers need a KMS key",
        source: "document: API reference, LambdaConfigType.KMSKeyID: the key Cognito encrypts codes with for CustomEmailSender and CustomSMSSender",
        check: ({ lambdaConfig }) => {
            if (!isRecord(lambdaConfig) || anyUnknown(lambdaConfig.kmsKeyId)) return [];
            const sender = ["customSmsSender", "customEmailSender"].find((k) => declared(lambdaConfig[k]));
            return sender && !declared(lambdaConfig.kmsKeyId)
                ? fail("lambdaConfig.kmsKeyId", `'lambdaConfig.kmsKeyId' is missing; lambdaConfig.${sender} needs the ARN of a KMS key, which Cognito uses to encrypt the codes it sends to the trigger`)
                : [];
        },
    },
    {
        name: "Sending email through SES needs a source",
        source: "document: API reference, EmailConfigurationType: with EmailSendingAccount DEVELOPER, Cognito sends through SES from the identity in SourceArn",
        check: ({ emailConfiguration: e }) =>
            isRecord(e) && e.emailSendingAccount === "DEVELOPER" && !declared(e.sourceArn)
                ? fail("emailConfiguration.sourceArn", "'emailConfiguration.sourceArn' is missing; with emailSendingAccount \"DEVELOPER\" Cognito sends through SES from the verified identity whose ARN goes here")
                : [],
    },
    {
        name: "A legacy text and its template text, not two different ones",
        source:
            "document: Cognito keeps the legacy SmsVerificationMessage, EmailVerificationMessage and EmailVerificationSubject as one with " +
            "VerificationMessageTemplate's texts (setting either sets both; terraform-provider-aws's user pool tests say so too)",
        check: (inputs) =>
            userPoolProperties
                .filter((f) => f.sameAs)
                .flatMap((f) => {
                    const [parent, child] = f.sameAs!.split(".");
                    const legacy = inputs[f.name];
                    const template = inputs[parent]?.[child];
                    return known(legacy) && known(template) && legacy !== template
                        ? fail(f.name, `'${f.name}' is ${JSON.stringify(legacy)}, but ${f.sameAs} is ${JSON.stringify(template)}; Cognito keeps them as one text: declare only ${f.sameAs} (${f.name} is its legacy name)`)
                        : [];
                }),
    },
    {
        name: "Verify-before-update attributes must be auto-verified",
        source: "document: API reference, UserAttributeUpdateSettingsType: attributes verified before an update must be among AutoVerifiedAttributes",
        check: ({ userAttributeUpdateSettings, autoVerifiedAttributes }) => {
            if (anyUnknown(autoVerifiedAttributes) || list(autoVerifiedAttributes).length !== (autoVerifiedAttributes ?? []).length) return [];
            const auto = new Set(list(autoVerifiedAttributes));
            const needed = list(userAttributeUpdateSettings?.attributesRequireVerificationBeforeUpdate);
            const missing = needed.filter((a) => !auto.has(a));
            return missing.length
                ? fail("userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate", `'userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate' has ${JSON.stringify(missing)}, which autoVerifiedAttributes does not; add them to autoVerifiedAttributes`)
                : [];
        },
    },
    {
        name: "Custom attributes: named without a prefix, never required, typed, constraints that fit the type",
        source:
            "Cognito adds the custom: prefix itself, so custom:tenant becomes custom:custom:tenant (awsdocs/aws-cloudformation-user-guide#932, " +
            "jmaleonard/serverless-cognito-add-custom-attributes#3); developer guide, \"Custom attributes\": never required, strings up to 2048 characters; " +
            "provider: a type is never left to an undocumented default, since it cannot change later",
        check: ({ schema }) => {
            if (!Array.isArray(schema)) return [];
            const failures: CheckFailure[] = [];
            const seen = new Map<string, number>();
            schema.forEach((attr, i) => {
                if (!isRecord(attr) || !known(attr.name) || typeof attr.name !== "string") return;
                const prefix = /^(dev:custom:|dev:|custom:)/.exec(attr.name);
                if (prefix) {
                    const short = attr.name.slice(prefix[0].length);
                    failures.push(...fail(`schema[${i}].name`, `'schema[${i}].name' is ${JSON.stringify(attr.name)}; write ${JSON.stringify(short)}: Cognito adds the custom: prefix itself (given with it, the attribute would be named custom:${attr.name}), and dev: marks what developerOnlyAttribute: true declares`));
                    return;
                }
                if (seen.has(attr.name)) failures.push(...fail(`schema[${i}].name`, `'schema[${i}].name' is "${attr.name}", which schema[${seen.get(attr.name)}] declares already`));
                seen.set(attr.name, i);
                if (isCustom(attr.name)) failures.push(...customAttributeRules(attr, `schema[${i}]`));
            });
            return failures;
        },
    },
    {
        name: "Recovery mechanisms: distinct, and admin_only alone",
        source: "document: API reference, RecoveryOptionType: each priority and mechanism once; admin_only cannot be combined with another",
        check: ({ accountRecoverySetting }) => {
            const mechanisms = list(accountRecoverySetting?.recoveryMechanisms).filter(isRecord) as Props[];
            const at = "accountRecoverySetting.recoveryMechanisms";
            const failures: CheckFailure[] = [];
            const priorities = mechanisms.map((m) => m.priority).filter(known);
            const names = mechanisms.map((m) => m.name).filter(known);
            if (new Set(priorities).size !== priorities.length) failures.push(...fail(at, `'${at}' repeats a priority (${priorities.join(", ")}); each mechanism needs its own`));
            if (new Set(names).size !== names.length) failures.push(...fail(at, `'${at}' repeats a mechanism (${names.join(", ")})`));
            if (names.includes("admin_only") && names.length > 1) failures.push(...fail(at, `'${at}' combines admin_only with ${names.filter((n) => n !== "admin_only").join(", ")}; admin_only must be the only mechanism`));
            return failures;
        },
    },
);

export function checkRules(inputs: Props): CheckFailure[] {
    return rules.flatMap((rule) => rule.check(inputs));
}
