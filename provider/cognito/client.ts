// The Cognito client and the settings it runs with. Made at run time, inside the provider host, never
// captured in the serialized provider (an SDK client cannot be serialized, and anything captured would
// be stored in state).
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";

/** Stack config keys the provider reads (besides aws:region). */
export const ENDPOINT_CONFIG_KEY = "cognito-user-pool:endpoint";
export const CONFIG_KEYS = {
    endpoint: ENDPOINT_CONFIG_KEY,
    requestsPerSecond: "cognito-user-pool:requestsPerSecond",
    maxAttempts: "cognito-user-pool:maxAttempts",
    retryBaseDelayMs: "cognito-user-pool:retryBaseDelayMs",
    requestTimeoutMs: "cognito-user-pool:requestTimeoutMs",
    iamPropagationSeconds: "cognito-user-pool:iamPropagationSeconds",
} as const;

export interface ProviderSettings {
    /** `aws:region` from the stack config; else the SDK's own default (AWS_REGION, profile, …). */
    region?: string;
    /** A local Cognito, for example; else AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, else AWS. */
    endpoint?: string;
    /**
     * Requests per second, shared by every pool the host serves (one host serves a whole deployment).
     * Cognito allows about 15 per second per account and region for reads and for writes.
     */
    requestsPerSecond: number;
    /** Attempts per call for throttling, server errors and dropped connections. */
    maxAttempts: number;
    /** The first retry waits up to this long; each further one up to twice as long (full jitter), at most 20 s. */
    retryBaseDelayMs: number;
    /** A call with no answer after this long counts as a dropped connection. */
    requestTimeoutMs: number;
    /** How long to keep retrying while a new SMS role propagates through IAM. */
    iamPropagationSeconds: number;
}

export const DEFAULT_SETTINGS: ProviderSettings = {
    requestsPerSecond: 10,
    maxAttempts: 8,
    retryBaseDelayMs: 200,
    requestTimeoutMs: 30_000,
    iamPropagationSeconds: 120,
};

let settings: ProviderSettings = { ...DEFAULT_SETTINGS };
const clients = new Map<string, CognitoIdentityProviderClient>();

/** Called by configure with the stack's config; the host configures each provider once per process. */
export function useSettings(next: Partial<ProviderSettings>): void {
    settings = { ...DEFAULT_SETTINGS, ...withoutUndefined(next) };
    clients.clear();
}

/** What each numeric setting allows: a rate of 0 would wait forever, a timeout of 0 would fail every call. */
const LIMITS: Record<keyof typeof CONFIG_KEYS, { min: number; above?: boolean; integer?: boolean; key: keyof ProviderSettings }> = {
    endpoint: { min: 0, key: "endpoint" },
    requestsPerSecond: { min: 0, above: true, key: "requestsPerSecond" },
    maxAttempts: { min: 1, integer: true, key: "maxAttempts" },
    retryBaseDelayMs: { min: 0, key: "retryBaseDelayMs" },
    requestTimeoutMs: { min: 0, above: true, key: "requestTimeoutMs" },
    iamPropagationSeconds: { min: 0, key: "iamPropagationSeconds" },
};

/**
 * The stack's settings, read from its config and checked: a value out of range fails `configure`, the
 * first thing Pulumi runs, with the key, the value, what is allowed and the command that fixes it.
 */
export function settingsFromConfig(get: (key: string) => string | undefined): Partial<ProviderSettings> {
    const out: Partial<ProviderSettings> = { region: get("aws:region"), endpoint: get(CONFIG_KEYS.endpoint) };
    const problems: string[] = [];
    for (const [name, limit] of Object.entries(LIMITS)) {
        if (name === "endpoint") continue;
        const key = CONFIG_KEYS[name as keyof typeof CONFIG_KEYS];
        const text = get(key);
        if (text === undefined || text === "") continue;
        const value = Number(text);
        const ok = Number.isFinite(value) && (limit.above ? value > limit.min : value >= limit.min) && (!limit.integer || Number.isInteger(value));
        if (!ok) {
            const allowed = `${limit.integer ? "a whole number" : "a number"} ${limit.above ? "above" : "of at least"} ${limit.min}`;
            const fallback = DEFAULT_SETTINGS[limit.key];
            problems.push(`stack config ${key} is ${JSON.stringify(text)}; it must be ${allowed} (default ${fallback}): pulumi config set ${key} ${fallback}, or pulumi config rm ${key}`);
            continue;
        }
        (out as Record<string, unknown>)[limit.key] = value;
    }
    if (problems.length) throw new Error(problems.join("\n"));
    return out;
}

export function currentSettings(): ProviderSettings {
    return settings;
}

/**
 * One client per process, region and endpoint; the region is the pool's own where it is known. The
 * SDK's own retries are off: send.ts retries, knowing which calls are safe to repeat.
 */
export function cognito(poolRegion?: string): CognitoIdentityProviderClient {
    const region = poolRegion ?? settings.region;
    const key = `${region}|${settings.endpoint}|${settings.requestTimeoutMs}`;
    let client = clients.get(key);
    if (!client) {
        client = new CognitoIdentityProviderClient({
            ...(region ? { region } : {}),
            ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
            maxAttempts: 1,
            // The deadline that counts is send.ts's (withDeadline); the SDK's own, later, only backs it up
            // (it watches an idle socket, not the whole call), so that a test can tell which one fired.
            requestHandler: { requestTimeout: settings.requestTimeoutMs * 2, connectionTimeout: settings.requestTimeoutMs * 2, throwOnRequestTimeout: true },
        });
        clients.set(key, client);
    }
    return client;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !Number.isNaN(v))) as Partial<T>;
}
