// The faults the layer in front of moto injects: what a real network and a real Cognito do.
import { HookResult } from "./localCognito";

/** Each fault kind, by what it is. */
export const FAULTS: Record<string, HookResult> = {
    "throttled": { status: 400, body: { __type: "TooManyRequestsException", message: "Rate exceeded" } },
    "a 500 before Cognito acted": { status: 500, body: { __type: "InternalErrorException", message: "injected" } },
    "a 500 after Cognito acted": { after: { status: 500, body: { __type: "InternalErrorException", message: "injected" } } },
    "a dropped connection before Cognito acted": "drop",
    "a dropped connection after Cognito acted": { after: "drop" },
    "an answer slower than the timeout": { delayMs: 1500 },
    "no answer at all after Cognito acted": { after: "stall" },
};

