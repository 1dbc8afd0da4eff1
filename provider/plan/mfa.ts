// MFA factors beyond CreateUserPool: TOTP (software token), email and passkeys (WebAuthn) are set only
// through SetUserPoolMfaConfig, and read only through GetUserPoolMfaConfig. SetUserPoolMfaConfig replaces
// the whole MFA configuration (leaving MfaConfiguration out turns MFA off), so every call carries all of
// it: each factor row of resourceInputs (apply "setUserPoolMfaConfig"), and SMS from the pool's rows.
import { isRecord, toCognito } from "../pool/convert";
import { mfaState } from "../state/fromCognito";
import { desiredValue } from "../pool/defaults";
import { resourceInputs } from "../pool/resourceInputs";
import { userPoolProperties } from "../pool/properties";

type Props = Record<string, any>;

const smsConfigurationField = userPoolProperties.find((f) => f.name === "smsConfiguration")!;
/** The factors only SetUserPoolMfaConfig sets: one row each. */
const factorRows = resourceInputs.filter((f) => f.apply === "setUserPoolMfaConfig");

export function totpEnabled(props: Props): boolean {
    return isRecord(props.softwareTokenMfaConfiguration) && props.softwareTokenMfaConfiguration.enabled === true;
}

export function emailMfaEnabled(props: Props): boolean {
    return isRecord(props.emailMfaConfiguration);
}

/** MFA is on (or optional), or a TOTP or email factor is set: changes then go through SetUserPoolMfaConfig. */
export function mfaInPlay(props: Props): boolean {
    return totpEnabled(props) || emailMfaEnabled(props) || props.mfaConfiguration === "ON" || props.mfaConfiguration === "OPTIONAL";
}

/** What CreateUserPool cannot set by itself: any factor row declared (TOTP on, email MFA, passkeys). */
export function needsMfaConfigAfterCreate(inputs: Props): boolean {
    return totpEnabled(inputs) || factorRows.some((f) => f.name !== "softwareTokenMfaConfiguration" && inputs[f.name] !== undefined);
}

/**
 * Whether GetUserPoolMfaConfig can report a factor: MFA on (DescribeUserPool's MfaConfiguration), or a
 * factor declared or recorded before. With MFA off Cognito refuses TOTP and email factors.
 */
export function mfaMayBeSet(pool: Props, declared: Props, previous: Props): boolean {
    if (pool.MfaConfiguration !== undefined && pool.MfaConfiguration !== "OFF") return true;
    return [declared, previous].some((p) => totpEnabled(p) || emailMfaEnabled(p) || isRecord(p.webAuthnConfiguration) && p.webAuthnConfiguration.relyingPartyId !== undefined);
}

/** The members whose change means the MFA configuration must be sent again. */
export const MFA_MEMBERS = ["mfaConfiguration", "smsConfiguration", "smsAuthenticationMessage", ...factorRows.map((f) => f.name)];

/** The whole MFA configuration `news` declares, with what it leaves to Cognito kept as `olds` has it. */
export function setUserPoolMfaConfigRequest(id: string, olds: Props, news: Props): Props {
    const factors: Props = {};
    for (const field of factorRows) {
        if (field.name === "softwareTokenMfaConfiguration") continue;
        // A factor the program leaves out is not sent (so it is off): never one the pool merely reported,
        // such as the passkey defaults Cognito reports on a pool that never set passkeys, LITE pools too.
        const value = desiredValue(field, olds[field.name], news[field.name]);
        if (value !== undefined) factors[field.name] = value;
    }
    const request: Props = {
        UserPoolId: id,
        MfaConfiguration: news.mfaConfiguration ?? "OFF",
        SoftwareTokenMfaConfiguration: { Enabled: totpEnabled(news) },
        ...toCognito(factorRows, factors),
    };
    if (isRecord(news.smsConfiguration)) {
        request.SmsMfaConfiguration = {
            ...(news.smsAuthenticationMessage ? { SmsAuthenticationMessage: news.smsAuthenticationMessage } : {}),
            SmsConfiguration: toCognito([smsConfigurationField], { smsConfiguration: news.smsConfiguration }).SmsConfiguration,
        };
    }
    return request;
}

/** The factor rows' names. */
export const MFA_FACTORS: readonly string[] = factorRows.map((f) => f.name);

/** What GetUserPoolMfaConfig reports once SetUserPoolMfaConfig carried out `news`: known without asking. */
export function mfaOutputs(olds: Props, news: Props): Props {
    const set = setUserPoolMfaConfigRequest("", olds, news);
    // Every factor, those the call left out (so switched off) as undefined: none survives from before.
    const off = Object.fromEntries(MFA_FACTORS.map((name) => [name, undefined]));
    return { ...off, ...mfaState(set), softwareTokenMfaConfiguration: { enabled: totpEnabled(news) } };
}
