// MFA factors beyond CreateUserPool. Cognito turns on a TOTP (software token) factor only through
// SetUserPoolMfaConfig, which replaces the whole MFA configuration (omitting MfaConfiguration turns MFA
// off: FACTS.md), so every call carries all of it.
import { isRecord, toCognito } from "./convert";
import { userPoolProperties } from "./userPoolProperties";

type Props = Record<string, any>;

const smsConfigurationField = userPoolProperties.find((f) => f.name === "smsConfiguration")!;

export function totpEnabled(props: Props): boolean {
    return isRecord(props.softwareTokenMfaConfiguration) && props.softwareTokenMfaConfiguration.enabled === true;
}

/** MFA is on (or optional), or a TOTP factor is enabled: changes then go through SetUserPoolMfaConfig. */
export function mfaInPlay(props: Props): boolean {
    return totpEnabled(props) || props.mfaConfiguration === "ON" || props.mfaConfiguration === "OPTIONAL";
}

/** MFA that CreateUserPool cannot switch on by itself: it needs a TOTP factor first. */
export function needsMfaConfigAfterCreate(inputs: Props): boolean {
    return totpEnabled(inputs);
}

/** The members whose change means the MFA configuration must be sent again. */
export const MFA_MEMBERS = ["mfaConfiguration", "softwareTokenMfaConfiguration", "smsConfiguration", "smsAuthenticationMessage"];

export function setUserPoolMfaConfigRequest(id: string, desired: Props): Props {
    const request: Props = {
        UserPoolId: id,
        MfaConfiguration: desired.mfaConfiguration ?? "OFF",
        SoftwareTokenMfaConfiguration: { Enabled: totpEnabled(desired) },
    };
    if (isRecord(desired.smsConfiguration)) {
        request.SmsMfaConfiguration = {
            ...(desired.smsAuthenticationMessage ? { SmsAuthenticationMessage: desired.smsAuthenticationMessage } : {}),
            SmsConfiguration: toCognito([smsConfigurationField], { smsConfiguration: desired.smsConfiguration }).SmsConfiguration,
        };
    }
    return request;
}

/** GetUserPoolMfaConfig's answer in our shape. */
export function mfaState(response: Props | undefined): Props {
    if (!response) return {};
    return { softwareTokenMfaConfiguration: { enabled: response.SoftwareTokenMfaConfiguration?.Enabled === true } };
}
