// Feature plans (UserPoolTier): which settings need ESSENTIALS or PLUS. Cognito refuses a feature on a
// lower tier (FeatureUnavailableInTierException: "features need to be disabled for the LITE pricing tier:
// Passwordless Sign-In"; "... for the ESSENTIALS pricing tier: Threat Protection"), and refuses a move
// down a tier while that tier's features are still on (TierChangeNotAllowedException). One table says
// which feature needs which tier; check (declared tier) and diff (the tier the pool will have, with what
// it keeps) both read it.
import { isRecord } from "./convert";
import { isUnknown } from "./table";

type Props = Record<string, any>;

export const TIERS = ["LITE", "ESSENTIALS", "PLUS"] as const;
export type Tier = (typeof TIERS)[number];

/** A pool whose tier nobody declared: new pools are ESSENTIALS. */
export const DEFAULT_TIER: Tier = "ESSENTIALS";

interface TierFeature {
    feature: string;
    needs: Tier;
    /** The property path a failure names. */
    path: string;
    /** What to declare to switch the feature off. */
    off: string;
    /** Is the feature on in these inputs? undefined: cannot tell (a value unknown at preview). */
    on(p: Props): boolean | undefined;
}

const known = (v: unknown) => v !== undefined && v !== null && !isUnknown(v);

export const TIER_FEATURES: readonly TierFeature[] = [
    {
        feature: "passwordless sign-in (EMAIL_OTP, SMS_OTP or WEB_AUTHN as a first factor)",
        needs: "ESSENTIALS",
        path: "policies.signInPolicy.allowedFirstAuthFactors",
        off: 'policies.signInPolicy.allowedFirstAuthFactors: ["PASSWORD"]',
        on: (p) => {
            const factors = p.policies?.signInPolicy?.allowedFirstAuthFactors;
            if (!Array.isArray(factors)) return isUnknown(factors) ? undefined : false;
            if (factors.some(isUnknown)) return undefined;
            return factors.some((f) => f !== "PASSWORD");
        },
    },
    {
        feature: "password history (passwordHistorySize above 0)",
        needs: "ESSENTIALS",
        path: "policies.passwordPolicy.passwordHistorySize",
        off: "policies.passwordPolicy.passwordHistorySize: 0 (or leave it out)",
        on: (p) => {
            const size = p.policies?.passwordPolicy?.passwordHistorySize;
            return isUnknown(size) ? undefined : typeof size === "number" && size > 0;
        },
    },
    {
        feature: "access-token customization (pre token generation V2_0 or V3_0)",
        needs: "ESSENTIALS",
        path: "lambdaConfig.preTokenGenerationConfig.lambdaVersion",
        off: 'lambdaConfig.preTokenGenerationConfig.lambdaVersion: "V1_0" (or leave the trigger out)',
        on: (p) => {
            const version = p.lambdaConfig?.preTokenGenerationConfig?.lambdaVersion;
            return isUnknown(version) ? undefined : version === "V2_0" || version === "V3_0";
        },
    },
    {
        feature: "email MFA (emailMfaConfiguration)",
        needs: "ESSENTIALS",
        path: "emailMfaConfiguration",
        off: "no emailMfaConfiguration (leave it out)",
        on: (p) => (isUnknown(p.emailMfaConfiguration) ? undefined : isRecord(p.emailMfaConfiguration)),
    },
    {
        feature: "passkeys (webAuthnConfiguration)",
        needs: "ESSENTIALS",
        path: "webAuthnConfiguration",
        off: "no webAuthnConfiguration (leave it out), and no WEB_AUTHN in policies.signInPolicy.allowedFirstAuthFactors",
        on: (p) => (isUnknown(p.webAuthnConfiguration) ? undefined : isRecord(p.webAuthnConfiguration) && known(p.webAuthnConfiguration.relyingPartyId)),
    },
    {
        feature: "threat protection (advancedSecurityMode AUDIT or ENFORCED)",
        needs: "PLUS",
        path: "userPoolAddOns.advancedSecurityMode",
        off: 'userPoolAddOns.advancedSecurityMode: "OFF"',
        on: (p) => {
            const mode = p.userPoolAddOns?.advancedSecurityMode;
            return isUnknown(mode) ? undefined : mode === "AUDIT" || mode === "ENFORCED";
        },
    },
    {
        feature: "threat protection for custom authentication (advancedSecurityAdditionalFlows)",
        needs: "PLUS",
        path: "userPoolAddOns.advancedSecurityAdditionalFlows",
        off: "no userPoolAddOns.advancedSecurityAdditionalFlows (leave it out)",
        on: (p) => {
            const flows = p.userPoolAddOns?.advancedSecurityAdditionalFlows;
            return isUnknown(flows) ? undefined : isRecord(flows) && known(flows.customAuthMode);
        },
    },
];

export function rank(tier: unknown): number {
    return TIERS.indexOf(tier as Tier);
}

/** The features `props` has on that `tier` does not allow. */
export function featuresAbove(props: Props, tier: Tier): TierFeature[] {
    return TIER_FEATURES.filter((f) => rank(f.needs) > rank(tier) && f.on(props) === true);
}

/**
 * The tier and features the pool will have after an update from `olds` (its state) to `news`: the tier
 * as declared or as the pool has it (UpdateUserPool keeps a tier it is not sent), and the features the
 * declaration has on (leaving a feature out switches it off).
 */
export function afterUpdate(olds: Props, news: Props): { tier: Tier; declared: boolean; props: Props } {
    const declared = news.userPoolTier !== undefined && !isUnknown(news.userPoolTier);
    const tier = (declared ? news.userPoolTier : (olds.userPoolTier ?? DEFAULT_TIER)) as Tier;
    return { tier, declared, props: news };
}

/** The message for a feature its tier does not allow: the tier it needs, or what to declare to switch it off. */
export function tierMessage(feature: TierFeature, tier: Tier, declared: boolean): string {
    const whose = declared ? `userPoolTier is "${tier}"` : `the pool's tier is ${tier} (userPoolTier is not declared; new pools get ${DEFAULT_TIER})`;
    return (
        `'${feature.path}' turns on ${feature.feature}, which needs the ${feature.needs} tier, but ${whose}; ` +
        `set userPoolTier: "${feature.needs}"${feature.needs === "ESSENTIALS" ? ' (or "PLUS")' : ""}, or switch the feature off: declare ${feature.off}`
    );
}
