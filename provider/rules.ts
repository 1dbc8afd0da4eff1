// Rules that tie members together, which no single row's shape can say. Each names where it comes
// from; check reports every broken rule with the property path, the value and what is allowed.
import { isRecord } from "./convert";
import { isCustom, shortName } from "./schemaAttributes";
import { isUnknown } from "./table";
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
        source: "Cognito API: SetUserPoolMfaConfig / UpdateUserPool refuse MFA without SMS or TOTP configured",
        check: ({ mfaConfiguration, softwareTokenMfaConfiguration, smsConfiguration }) => {
            if (anyUnknown(mfaConfiguration, softwareTokenMfaConfiguration, smsConfiguration)) return [];
            const factor = softwareTokenMfaConfiguration?.enabled === true || isRecord(smsConfiguration);
            if (!MFA_ON.includes(mfaConfiguration) || factor) return [];
            return [
                {
                    property: "mfaConfiguration",
                    reason: `'mfaConfiguration' is "${mfaConfiguration}", but no MFA factor is configured; enable TOTP with softwareTokenMfaConfiguration: { enabled: true }, or configure SMS with smsConfiguration, or set mfaConfiguration: "OFF"`,
                },
            ];
        },
    },
    {
        name: "A TOTP factor needs MFA on",
        source: "Cognito API: SetUserPoolMfaConfig refuses an enabled software token with MfaConfiguration OFF",
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
];

const fail = (property: string, reason: string): CheckFailure[] => [{ property, reason }];
/** Declared and known: null counts as not declared, as it does for every row. */
const known = (v: unknown) => v !== undefined && v !== null && !isUnknown(v);
const declared = (v: unknown) => v !== undefined && v !== null;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v.filter(known) : []);

const EMAIL_TEMPLATES: [string, (p: Props) => unknown][] = [
    ["verificationMessageTemplate.emailMessage", (p) => p.verificationMessageTemplate?.emailMessage],
    ["verificationMessageTemplate.emailSubject", (p) => p.verificationMessageTemplate?.emailSubject],
    ["verificationMessageTemplate.emailMessageByLink", (p) => p.verificationMessageTemplate?.emailMessageByLink],
    ["verificationMessageTemplate.emailSubjectByLink", (p) => p.verificationMessageTemplate?.emailSubjectByLink],
    ["adminCreateUserConfig.inviteMessageTemplate.emailMessage", (p) => p.adminCreateUserConfig?.inviteMessageTemplate?.emailMessage],
    ["adminCreateUserConfig.inviteMessageTemplate.emailSubject", (p) => p.adminCreateUserConfig?.inviteMessageTemplate?.emailSubject],
];


/** Rules for one custom attribute of `schema`. */
function customAttributeRules(attr: Props, at: string): CheckFailure[] {
    const failures: CheckFailure[] = [];
    const name = shortName(String(attr.name));
    if (name.length < 1 || name.length > 20) {
        failures.push(...fail(`${at}.name`, `'${at}.name' is "${attr.name}"; a custom attribute name is 1 to 20 characters (without the custom: prefix)`));
    }
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
        failures.push(...fail(`${at}.stringAttributeConstraints.maxLength`, `'${at}.stringAttributeConstraints.maxLength' is "${maxLength}"; it must be at most 2048`));
    }
    return failures;
}

rules.push(
    {
        name: "Aliases or username attributes, not both",
        source: "Cognito API: AliasAttributes and UsernameAttributes are mutually exclusive (FACTS.md)",
        check: ({ aliasAttributes, usernameAttributes }) =>
            list(aliasAttributes).length > 0 && list(usernameAttributes).length > 0
                ? fail("usernameAttributes", "'usernameAttributes' and 'aliasAttributes' are both set; Cognito allows one or the other: sign in with email/phone as the username (usernameAttributes), or as aliases of a username (aliasAttributes)")
                : [],
    },
    {
        name: "Custom sender triggers need a KMS key",
        source: "Cognito API: CustomSMSSender / CustomEmailSender require LambdaConfig.KMSKeyID (FACTS.md)",
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
        source: "Cognito API: EmailSendingAccount DEVELOPER requires SourceArn (FACTS.md)",
        check: ({ emailConfiguration: e }) =>
            isRecord(e) && e.emailSendingAccount === "DEVELOPER" && !declared(e.sourceArn)
                ? fail("emailConfiguration.sourceArn", "'emailConfiguration.sourceArn' is missing; with emailSendingAccount \"DEVELOPER\" Cognito sends through SES from the verified identity whose ARN goes here")
                : [],
    },
    {
        name: "Custom email templates need your own SES sending",
        source: "API reference: EmailMessage/EmailSubject templates are allowed only if EmailSendingAccount is DEVELOPER (FACTS.md)",
        check: (inputs) => {
            const account = inputs.emailConfiguration?.emailSendingAccount;
            if (isUnknown(inputs.emailConfiguration) || isUnknown(account) || account === "DEVELOPER") return [];
            return EMAIL_TEMPLATES.filter(([, get]) => known(get(inputs))).flatMap(([path]) =>
                fail(path, `'${path}' is set, but emailConfiguration.emailSendingAccount is ${JSON.stringify(account ?? "COGNITO_DEFAULT")}; custom email templates need emailSendingAccount "DEVELOPER" (with a sourceArn), or leave the template to Cognito's default`),
            );
        },
    },
    {
        name: "One temporary-password validity, not two",
        source: "API reference: with TemporaryPasswordValidityDays set, UnusedAccountValidityDays is no longer available",
        check: ({ policies, adminCreateUserConfig }) =>
            known(policies?.passwordPolicy?.temporaryPasswordValidityDays) && known(adminCreateUserConfig?.unusedAccountValidityDays)
                ? fail("adminCreateUserConfig.unusedAccountValidityDays", "'adminCreateUserConfig.unusedAccountValidityDays' is set beside policies.passwordPolicy.temporaryPasswordValidityDays; Cognito takes only the latter: remove unusedAccountValidityDays")
                : [],
    },
    {
        name: "Verify-before-update attributes must be auto-verified",
        source: "Cognito API: AttributesRequireVerificationBeforeUpdate must be a subset of AutoVerifiedAttributes",
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
        name: "Custom attributes: at most 50, names up to 20, never required, constraints that fit the type",
        source: "Cognito API and developer guide (FACTS.md: schema limits)",
        check: ({ schema }) => {
            if (!Array.isArray(schema)) return [];
            const failures: CheckFailure[] = [];
            const seen = new Map<string, number>();
            let custom = 0;
            schema.forEach((attr, i) => {
                if (!isRecord(attr) || !known(attr.name) || typeof attr.name !== "string") return;
                const name = shortName(attr.name);
                if (seen.has(name)) failures.push(...fail(`schema[${i}].name`, `'schema[${i}].name' is "${attr.name}", which schema[${seen.get(name)}] declares already`));
                seen.set(name, i);
                if (!isCustom(name)) return;
                custom++;
                failures.push(...customAttributeRules(attr, `schema[${i}]`));
            });
            if (custom > 50) failures.push(...fail("schema", `'schema' declares ${custom} custom attributes; Cognito allows at most 50`));
            return failures;
        },
    },
    {
        name: "Recovery mechanisms: distinct, and admin_only alone",
        source: "Cognito API: RecoveryMechanisms priorities and names are unique; admin_only cannot be combined",
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
