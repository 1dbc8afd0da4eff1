// The Cognito client. Made at run time, inside the provider host, never captured in the serialized
// provider (an SDK client cannot be serialized, and anything captured would be stored in state).
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";

/** The stack config key that points a stack at a local Cognito (or any other endpoint). */
export const ENDPOINT_CONFIG_KEY = "cognito-user-pool:endpoint";

export interface ProviderSettings {
    /** `aws:region` from the stack config; else the SDK's own default (AWS_REGION, profile, …). */
    region?: string;
    /** `cognito-user-pool:endpoint` from the stack config: a local Cognito, for example. */
    endpoint?: string;
}

let settings: ProviderSettings = {};
const clients = new Map<string, CognitoIdentityProviderClient>();

/** Called by configure with the stack's config; the host configures each provider once per process. */
export function useSettings(next: ProviderSettings): void {
    settings = { ...next };
    clients.clear();
}

/**
 * One client per process, region and endpoint; the region is the pool's own where it is known. Credentials come from the SDK's default chain; the endpoint
 * from the stack config, else AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER / AWS_ENDPOINT_URL (read by
 * the SDK itself), else AWS.
 */
export function cognito(poolRegion?: string): CognitoIdentityProviderClient {
    const region = poolRegion ?? settings.region;
    const key = `${region}|${settings.endpoint}`;
    let client = clients.get(key);
    if (!client) {
        client = new CognitoIdentityProviderClient({
            ...(region ? { region } : {}),
            ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
        });
        clients.set(key, client);
    }
    return client;
}
