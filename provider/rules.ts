// Rules that tie members together, which no single row's shape can say. Each names where it comes
// from; check reports every broken rule with the property path, the value and what is allowed.
import { isRecord } from "./convert";
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

export function checkRules(inputs: Props): CheckFailure[] {
    return rules.flatMap((rule) => rule.check(inputs));
}
