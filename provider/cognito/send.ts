// Every call to Cognito goes through `send`: one rate limit for the whole host process, bounded retries
// with backoff and full jitter for throttling, server errors and dropped connections, and, for calls
// that are not safe to repeat, a check of what the lost call did before trying again.
import { explain, errorName } from "./errors";
import { cognito, currentSettings } from "./client";

/** How a failed call may have left Cognito. */
type Outcome =
    /** Refused before acting (throttled), or never sent (no connection): safe to send again. */
    | "throttled"
    /** It may or may not have acted (a 5xx, a dropped connection, no answer in time). */
    | "ambiguous"
    /** A new SMS role not yet visible to Cognito: IAM propagation takes up to about two minutes. */
    | "iamPropagation"
    | "final";

const THROTTLED = new Set(["TooManyRequestsException", "ThrottlingException", "RequestLimitExceeded"]);
const IAM_PROPAGATION = new Set(["InvalidSmsRoleTrustRelationshipException", "InvalidSmsRoleAccessPolicyException"]);
const NETWORK_CODES = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "ECONNABORTED"]);
/** The request never left: no connection was made, so Cognito cannot have acted. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

export function outcomeOf(err: unknown): Outcome {
    const name = errorName(err);
    if (THROTTLED.has(name) || NOT_SENT_CODES.has((err as any)?.code)) return "throttled";
    if (IAM_PROPAGATION.has(name)) return "iamPropagation";
    const status = (err as any)?.$metadata?.httpStatusCode;
    const code = (err as any)?.code;
    if (name === "InternalErrorException" || (typeof status === "number" && status >= 500)) return "ambiguous";
    if (NETWORK_CODES.has(code) || name === "TimeoutError" || name === "AbortError" || /socket hang up|ECONNRESET/i.test(String((err as Error)?.message))) {
        return "ambiguous";
    }
    return "final";
}

export interface CallOptions<T> {
    /** For the error message: `create user pool "users"`. */
    what: string;
    /** The pool's region, when known. */
    region?: string;
    /**
     * For calls not safe to repeat: after an ambiguous failure, find out whether the lost call acted;
     * its result if it did (then nothing is sent again), undefined if it did not.
     */
    recover?: () => Promise<T | undefined>;
    /** When that lookup itself fails: how the user finds what the lost call may have done. */
    ifLookupFails?: string;
}

/** Counts, for the soak test and the benchmark: retries made by this process. */
export const callStats = { calls: 0, retries: 0, recovered: 0 };

export async function send<T>(command: any, options: CallOptions<T>): Promise<T> {
    const settings = currentSettings();
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
        const answered = await rateLimit();
        callStats.calls++;
        try {
            return (await withDeadline(settings.requestTimeoutMs, (abortSignal) => cognito(options.region).send(command, { abortSignal })).finally(answered)) as T;
        } catch (err) {
            const outcome = outcomeOf(err);
            const elapsed = Date.now() - started;
            const retryable =
                outcome === "iamPropagation"
                    ? elapsed < settings.iamPropagationSeconds * 1000
                    : outcome !== "final" && attempt < settings.maxAttempts;
            if (outcome === "ambiguous" && options.recover) {
                // Never act again on doubt: a lookup that cannot answer ends the call with what to do.
                // A call given up at the deadline may still be under way: look for longer than after an answer.
                const window = errorName(err) === "TimeoutError" ? 5000 : 1000;
                const done = await lookAgain(options.recover, window).catch((lookupError) => {
                    throw lostAnswer(options, err, lookupError);
                });
                if (done !== undefined) {
                    callStats.recovered++;
                    return done;
                }
            }
            if (!retryable) {
                const tries = attempt > 1 ? ` (gave up after ${attempt} attempts over ${(elapsed / 1000).toFixed(1)} s)` : "";
                const error = explain(options.what, err);
                error.message += tries;
                throw error;
            }
            callStats.retries++;
            await sleep(backoff(attempt, outcome === "iamPropagation" ? 5000 : settings.retryBaseDelayMs));
        }
    }
}

/** The call's answer was lost, and finding out what it did failed too: say so, and what to do. */
function lostAnswer(options: CallOptions<unknown>, err: unknown, lookupError: unknown): Error {
    const lost = String((err as Error)?.message ?? err).split("\n")[0];
    const lookup = String((lookupError as Error)?.message ?? lookupError).split("\n")[0];
    return Object.assign(
        new Error(
            `Could not ${options.what}: the answer was lost (${lost}), and looking for what the call did failed (${lookup}). ` +
                `Nothing was sent again, so that nothing is done twice.${options.ifLookupFails ? `\n${options.ifLookupFails}` : ""}`,
        ),
        { awsErrorName: "LostAnswer" },
    );
}

/**
 * A real deadline for one call: the SDK's requestTimeout only watches an idle socket (and by default only
 * logs), so a call that gets no answer is abandoned here after `ms` and counted as dropped (ambiguous).
 */
async function withDeadline<T>(ms: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), ms);
    try {
        return await call(controller.signal);
    } catch (err) {
        if (controller.signal.aborted) {
            throw Object.assign(new Error(`no answer within ${ms} ms (cognito-user-pool:requestTimeoutMs)`), { name: "TimeoutError" });
        }
        throw err;
    } finally {
        clearTimeout(timer);
    }
}

/**
 * After an ambiguous failure of a call that is not safe to repeat: look for what it did, several times
 * over a bounded window (`window` ms: a call still under way may act after we gave up on it), before
 * deciding that it did nothing. A lookup that fails (denied, say) throws: the caller must not act again on doubt.
 */
async function lookAgain<T>(recover: () => Promise<T | undefined>, window: number): Promise<T | undefined> {
    const started = Date.now();
    for (let look = 1; ; look++) {
        const found = await recover();
        if (found !== undefined) return found;
        const left = window - (Date.now() - started);
        if (left <= 0) return undefined;
        await sleep(Math.min(left, 250 * 2 ** (look - 1)));
    }
}

/** Full jitter: a random wait up to base · 2^(attempt-1), capped at 20 s. */
function backoff(attempt: number, baseMs: number): number {
    return Math.random() * Math.min(20_000, baseMs * 2 ** (attempt - 1));
}

// The rate limit, shared by every call this process makes (one process serves one stack operation, so
// two stacks deployed at once each have their own). Two rules, both needed:
// - a token bucket refilled at requestsPerSecond and holding half a second's worth: the long-run rate;
// - at most 1.5 × requestsPerSecond calls in any one-second window as Cognito counts them (15 at the
//   default 10: Cognito's quota), from the first call of the process, whatever the bucket holds. Cognito
//   counts a call when it arrives, which is some time after it left (the SDK's first calls are slow to
//   leave) and before its answer came back: so a call counts from when it leaves until a second after its
//   answer. Then, for any one-second window at Cognito, every call that arrived in it was still counted
//   when the last of them left, and there were never more than the limit.
const WINDOW_MS = 1000;
let tokens: number | undefined;
let lastRefill = 0;
/** The calls that may still count in some window at Cognito: until a second after their answer. */
const counted: { answered?: number }[] = [];
let queue: Promise<void> = Promise.resolve();

/** Waits for the call's turn; the returned function is called when its answer (or failure) came back. */
function rateLimit(): Promise<() => void> {
    const next = queue.then(async () => {
        const rate = currentSettings().requestsPerSecond;
        const capacity = Math.max(1, rate / 2);
        const inWindow = Math.max(1, Math.floor(rate * 1.5));
        for (;;) {
            const now = performance.now();
            tokens = Math.min(capacity, tokens === undefined ? capacity : tokens + ((now - lastRefill) / 1000) * rate);
            lastRefill = now;
            for (let i = counted.length - 1; i >= 0; i--) {
                const answered = counted[i].answered;
                if (answered !== undefined && answered <= now - WINDOW_MS) counted.splice(i, 1);
            }
            if (tokens >= 1 && counted.length < inWindow) {
                tokens -= 1;
                const call: { answered?: number } = {};
                counted.push(call);
                return () => {
                    call.answered = performance.now();
                };
            }
            const forToken = tokens >= 1 ? 0 : ((1 - tokens) / rate) * 1000;
            const expiries = counted.map((c) => (c.answered === undefined ? Infinity : c.answered + WINDOW_MS - now)).sort((a, b) => a - b);
            const forWindow = counted.length < inWindow ? 0 : expiries[0];
            // A window full of calls still under way frees up when one answers: look again shortly.
            await sleep(Math.max(1, forToken, Number.isFinite(forWindow) ? forWindow : 10));
        }
    });
    queue = next.then(() => undefined, () => undefined);
    return next;
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
