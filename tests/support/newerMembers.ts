// The local Cognito layer's fixes for the members newer than moto's model of Cognito: feature plans
// (UserPoolTier), passwordless sign-in, password history, versioned triggers, threat protection, and the
// email and passkey (WebAuthn) MFA factors. moto accepts and echoes them with no validation, a pool
// created without a tier gets none, UpdateUserPool drops an omitted tier, and SetUserPoolMfaConfig
// silently discards EmailMfaConfiguration and WebAuthnConfiguration. Each fix names what Cognito does.

type Json = Record<string, any>;

export interface NewerState {
    tier?: string;
    emailMfa?: Json;
    webAuthn?: Json;
    /** The pool's configuration as last sent (Create/Update), for the checks that look at the pool as it is. */
    config?: Json;
}

const TIERS = ["LITE", "ESSENTIALS", "PLUS"];

/** A Cognito refusal, as the layer sends errors. */
export interface Refusal {
    type: string;
    message: string;
}

/** The features a configuration (a Create/UpdateUserPool request or a pool) has on, with the tier each needs. */
function features(config: Json | undefined): [string, string][] {
    if (!config) return [];
    const out: [string, string][] = [];
    const factors: unknown = config.Policies?.SignInPolicy?.AllowedFirstAuthFactors;
    if (Array.isArray(factors) && factors.some((f) => f !== "PASSWORD")) out.push(["Passwordless Sign-In", "ESSENTIALS"]);
    if ((config.Policies?.PasswordPolicy?.PasswordHistorySize ?? 0) > 0) out.push(["Password History", "ESSENTIALS"]);
    const version = config.LambdaConfig?.PreTokenGenerationConfig?.LambdaVersion;
    if (version === "V2_0" || version === "V3_0") out.push(["Access Token Customization", "ESSENTIALS"]);
    const mode = config.UserPoolAddOns?.AdvancedSecurityMode;
    if (mode === "AUDIT" || mode === "ENFORCED" || config.UserPoolAddOns?.AdvancedSecurityAdditionalFlows?.CustomAuthMode) {
        out.push(["Threat Protection", "PLUS"]);
    }
    return out;
}

function unavailable(config: Json | undefined, tier: string, extra: [string, string][] = []): Refusal | undefined {
    const over = [...features(config), ...extra].filter(([, needs]) => TIERS.indexOf(needs) > TIERS.indexOf(tier));
    if (over.length === 0) return undefined;
    return {
        type: "FeatureUnavailableInTierException",
        message: `The following features need to be disabled for the ${tier} pricing tier: ${over.map(([f]) => f).join(", ")}`,
    };
}

/**
 * Before a call reaches moto: what Cognito refuses. `state` is the pool's (undefined for a create);
 * `emailSendingAccount` the pool's current one.
 */
export function refuseNewer(op: string, req: Json, state: NewerState | undefined, emailSendingAccount: string | undefined): Refusal | undefined {
    if (op === "CreateUserPool") return unavailable(req, req.UserPoolTier ?? "ESSENTIALS");
    if (op === "UpdateUserPool") {
        const current = state?.tier ?? "ESSENTIALS";
        const tier = req.UserPoolTier ?? current;
        if (TIERS.indexOf(tier) < TIERS.indexOf(current)) {
            // Cognito: moving down a tier needs that tier's features switched off first.
            const still = unavailable(state?.config, tier, mfaFeatures(state?.emailMfa, state?.webAuthn));
            if (still) return { type: "TierChangeNotAllowedException", message: `Cannot change the pricing tier to ${tier}: ${still.message}` };
        }
        return unavailable(req, tier, mfaFeatures(state?.emailMfa, state?.webAuthn));
    }
    if (op === "SetUserPoolMfaConfig") {
        const mfa = req.MfaConfiguration ?? "OFF";
        if (mfa === "OFF" && (req.EmailMfaConfiguration || req.SoftwareTokenMfaConfiguration?.Enabled === true)) {
            return { type: "InvalidParameterException", message: "Invalid MFA configuration given, can't turn off MFA and configure an MFA together." };
        }
        if (req.EmailMfaConfiguration && emailSendingAccount !== "DEVELOPER") {
            return { type: "InvalidParameterException", message: "Email MFA requires the user pool to send email with Amazon SES (EmailSendingAccount DEVELOPER)." };
        }
        return unavailable(undefined, state?.tier ?? "ESSENTIALS", mfaFeatures(req.EmailMfaConfiguration, req.WebAuthnConfiguration));
    }
    return undefined;
}

function mfaFeatures(email: Json | undefined, webAuthn: Json | undefined): [string, string][] {
    return [
        ...(email ? ([["Email MFA", "ESSENTIALS"]] as [string, string][]) : []),
        ...(webAuthn?.RelyingPartyId ? ([["Passkeys", "ESSENTIALS"]] as [string, string][]) : []),
    ];
}

/**
 * Cognito keeps LambdaConfig's PreTokenGeneration and PreTokenGenerationConfig.LambdaArn as one trigger:
 * a request that sets one gets both (the config as V1_0 from the legacy ARN). moto keeps them apart.
 */
export function syncPreTokenGeneration(op: string, req: Json): Json {
    const lambda = req?.LambdaConfig;
    if ((op !== "CreateUserPool" && op !== "UpdateUserPool") || !lambda) return req;
    if (lambda.PreTokenGeneration && !lambda.PreTokenGenerationConfig) {
        return { ...req, LambdaConfig: { ...lambda, PreTokenGenerationConfig: { LambdaVersion: "V1_0", LambdaArn: lambda.PreTokenGeneration } } };
    }
    if (lambda.PreTokenGenerationConfig?.LambdaArn && !lambda.PreTokenGeneration) {
        return { ...req, LambdaConfig: { ...lambda, PreTokenGeneration: lambda.PreTokenGenerationConfig.LambdaArn } };
    }
    return req;
}

/** After a call moto answered: remember and report what moto loses. */
export function fixNewer(op: string, req: Json, res: Json, state: NewerState): void {
    if (op === "CreateUserPool") {
        // Cognito: a new pool gets ESSENTIALS unless it asks for another tier.
        state.tier = req.UserPoolTier ?? "ESSENTIALS";
        state.config = structuredClone(req);
    }
    if (op === "UpdateUserPool") {
        // Cognito keeps the tier when UpdateUserPool leaves it out; moto drops it.
        if (req.UserPoolTier !== undefined) state.tier = req.UserPoolTier;
        state.config = structuredClone(req);
    }
    if (op === "SetUserPoolMfaConfig") {
        // SetUserPoolMfaConfig replaces the whole MFA configuration: a factor left out is off (a bare call
        // drops every factor, go-to-k/cdkd's measurement; Terraform removes a block by leaving it out).
        state.emailMfa = req.EmailMfaConfiguration ? structuredClone(req.EmailMfaConfiguration) : undefined;
        state.webAuthn = req.WebAuthnConfiguration ? structuredClone(req.WebAuthnConfiguration) : undefined;
    }
    if (op === "SetUserPoolMfaConfig" || op === "GetUserPoolMfaConfig") {
        if (state.emailMfa) res.EmailMfaConfiguration = structuredClone(state.emailMfa);
        else delete res.EmailMfaConfiguration;
        // Cognito reports WebAuthnConfiguration { FactorConfiguration: SINGLE_FACTOR } on a pool that never set it.
        res.WebAuthnConfiguration = { FactorConfiguration: "SINGLE_FACTOR", ...(state.webAuthn ?? {}) };
    }
    const pool = res.UserPool;
    if (pool && (op === "CreateUserPool" || op === "DescribeUserPool")) {
        pool.UserPoolTier = state.tier ?? "ESSENTIALS";
        pool.Policies ??= {};
        // A pool that never set a sign-in policy reads back [PASSWORD]; one with no history reads back 0.
        pool.Policies.SignInPolicy ??= { AllowedFirstAuthFactors: ["PASSWORD"] };
        if (pool.Policies.PasswordPolicy) pool.Policies.PasswordPolicy.PasswordHistorySize ??= 0;
    }
}
