// What this provider process has seen of the deployment it serves. The engine starts one provider
// process per operation (preview, up, refresh, destroy) and calls it for every resource of the stack, so
// what is kept here lives exactly one operation. It is keyed by the resource's URN (the UserPool class
// passes its own as `__urn`; the host drops the engine's) and the pools' ids, never by names.
//
// Two facts need it, because the engine tells a provider neither:
// - whether a Diff belongs to a preview/up or to a refresh. The engine calls Check before Diff for every
//   resource the program registers, and Diff gets the inputs that Check returned
//   (pkg/resource/deploy/step_generator.go, continueStepsFromImport: Check; generateStepsFromDiff: diff),
//   while a refresh calls Read and then Diff, with the inputs stored in state and no Check
//   (pkg/resource/deploy/step.go, RefreshStep.Apply). A refresh only records what the pool is; refusing
//   there would fail the refresh for drift the program did not cause (the user's remedy is at `up`).
// - what the Diff of a resource decided, for its Create and Delete: the engine tells the Create of a
//   replacement nothing of the pool it replaces, nor a Delete which resource replaced its pool.
import { createHash } from "node:crypto";
import { URN } from "../pool/resourceInputs";

export { URN };


export interface Decision {
    /** The pool the resource had when Diff ran. */
    poolId: string;
    /** Its ARN, to record a consent on it. */
    arn?: string;
    /** Diff decided a replacement. */
    replaces: boolean;
    /** The program that Diff saw consents to losing the pool's users (allowReplacementWithUsers). */
    consents: boolean;
    /** The program that Diff saw copies the users into the replacement (copyUsersOnReplacement). */
    copies?: boolean;
}

/** Digests of the inputs Check returned in this operation (one-way: no value is kept). */
const checked = new Set<string>();
const decisions = new Map<string, Decision>();

/** Check returned these inputs in this operation. */
export function noteChecked(inputs: Record<string, unknown>): void {
    checked.add(digestOf(inputs));
}

/**
 * A Diff whose inputs no Check of this operation returned: a refresh, comparing the pool as it is now
 * with the inputs in state.
 */
export function isRefreshDiff(news: Record<string, unknown>): boolean {
    return !checked.has(digestOf(news));
}

function digestOf(inputs: Record<string, unknown>): string {
    const { __provider: _p, ...rest } = inputs;
    return createHash("sha256").update(canonicalJson(rest)).digest("hex");
}

function canonicalJson(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
    if (typeof value === "object" && value !== null) {
        return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
    }
    return JSON.stringify(value) ?? "null";
}

export function noteDecision(urn: unknown, decision: Decision): void {
    if (typeof urn === "string") decisions.set(urn, decision);
}

/** What the Diff of this resource decided in this operation, if it ran. */
export function decisionFor(urn: unknown): Decision | undefined {
    return typeof urn === "string" ? decisions.get(urn) : undefined;
}

/** A short, one-way name of a URN, for a tag (URNs can be longer than a tag value may be). */
export function urnDigest(urn: string): string {
    return createHash("sha256").update(urn).digest("hex").slice(0, 24);
}

/** For tests that run several operations in one process: what a new provider process starts with. */
export function forgetDeployment(): void {
    checked.clear();
    decisions.clear();
}
