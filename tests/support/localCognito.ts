// A local Cognito for the tests: moto_server behind a small loopback HTTP layer.
//
// The layer forwards the AWS SDK's JSON 1.1 requests to moto and patches the places where moto is
// known to differ from real Cognito (each fix below names the difference it makes up for),
// so tests exercise Cognito's behaviour rather than moto's. It also logs every operation it receives
// and lets tests inject faults through request hooks.

import { ChildProcess, execFileSync, spawn } from "node:child_process";
import * as http from "node:http";
import * as net from "node:net";
import { join } from "node:path";
import { fixNewer, NewerState, refuseNewer, syncPreTokenGeneration } from "./newerMembers";

/**
 * A hook's answer: undefined lets the request through, a response is sent as is, "drop" kills the socket
 * before Cognito acts; `{ after }` lets Cognito act and then answers with `after` instead (a 500, or a
 * dropped connection: the answer lost after the work was done; "stall": no answer at all, the connection
 * left open, as when a network path dies silently); `{ delayMs }` answers late.
 */
export type HookResult =
    | undefined
    | { status: number; body: any }
    | "drop"
    | { after: "drop" | "stall" | { status: number; body: any } }
    | { delayMs: number };
export type RequestHook = (op: string, body: any) => HookResult;

export interface LocalCognito {
    /** The layer's URL: point the SDK here. */
    readonly endpoint: string;
    /** moto_server's own URL (no fixes, no call log). */
    readonly motoEndpoint: string;
    /** Operation names received since the last reset of the log, in order. */
    calls(): string[];
    /** When each logged call arrived (ms since the epoch), in the same order as calls(). */
    callTimes(): number[];
    resetCalls(): void;
    /** Empties moto, the layer's remembered pool state and the call log (hooks stay: see clearHooks). */
    reset(): Promise<void>;
    stop(): Promise<void>;
    /** Runs before forwarding, in registration order; the first answer that is not undefined wins. */
    onRequest(hook: RequestHook): void;
    /**
     * A network delay before a request reaches Cognito (its arrival, as calls() and callTimes() log it, is
     * after it): milliseconds, or undefined for none. Cleared by clearHooks.
     */
    onTransit(delay: (op: string, body: any) => number | undefined): void;
    clearHooks(): void;
    /**
     * Cognito does not promise the order of the sets it reports (AutoVerifiedAttributes, AliasAttributes,
     * UsernameAttributes, AttributesRequireVerificationBeforeUpdate): with this on, DescribeUserPool
     * reports them in the reverse of the order they were sent.
     */
    reportSetsReversed(on: boolean): void;
}

/**
 * The most calls that arrived in any one second, from callTimes(): windows [t, t + 1000 ms) as Cognito's
 * quota counts them, or [t, t + 1000 ms] with `closed` (the stricter count).
 */
export function busiestSecond(times: readonly number[], closed = false): number {
    let most = 0;
    let start = 0;
    for (let end = 0; end < times.length; end++) {
        while (closed ? times[end] - times[start] > 1000 : times[end] - times[start] >= 1000) start++;
        most = Math.max(most, end - start + 1);
    }
    return most;
}

const TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

// ---------------------------------------------------------------------------------------------
// The one instance of a test run (started by tests/support/rootHooks.ts).

let current: LocalCognito | undefined;

/** The local Cognito the root hooks started for this run. */
export function localCognito(): LocalCognito {
    if (!current) {
        throw new Error("The local Cognito is not running: tests/support/rootHooks.ts starts it (see .mocharc.json)");
    }
    return current;
}

/**
 * Cognito's request-rate quota, enforced by the local Cognito for the benchmarks: a call arriving when
 * `quota` calls arrived in the second before it is answered TooManyRequestsException (and does not count).
 * Set `quota` to Infinity to switch it off; `throttled` counts the refusals.
 */
export function enforceQuota(lc: LocalCognito, quota: number): { quota: number; throttled: number; restart(): void } {
    const served: number[] = [];
    // restart: a new measurement, with no call of the one before counted in its first second.
    const gate = { quota, throttled: 0, restart: () => ((served.length = 0), (gate.throttled = 0)) };
    lc.onRequest(() => {
        const now = Date.now();
        while (served.length && served[0] <= now - 1000) served.shift();
        if (served.length >= gate.quota) {
            gate.throttled++;
            return { status: 400, body: { __type: "TooManyRequestsException", message: "Rate exceeded" } };
        }
        served.push(now);
        return undefined;
    });
    return gate;
}

export function setLocalCognito(instance: LocalCognito | undefined): void {
    current = instance;
}

// ---------------------------------------------------------------------------------------------
// What the layer remembers per user pool (keyed by pool Id).

interface PoolState {
    arn?: string;
    tags: Record<string, string>;
    deletionProtection: string;
    name?: string;
    identity: { AliasAttributes?: string[]; UsernameAttributes?: string[]; UsernameConfiguration?: any };
    accountRecoverySetting?: any;
    mfaConfiguration?: string;
    /** The members newer than moto's model (newerMembers.ts). */
    newer: NewerState;
    /** Users made through the layer: the name Cognito tells them apart by (see Fix 8) -> their usernames. */
    users?: Map<string, string[]>;
}

class Pools {
    private readonly byId = new Map<string, PoolState>();
    get(id: string): PoolState {
        let state = this.byId.get(id);
        if (!state) {
            state = { tags: {}, deletionProtection: "INACTIVE", identity: {}, newer: {} };
            this.byId.set(id, state);
        }
        return state;
    }
    peek(id: string): PoolState | undefined {
        return this.byId.get(id);
    }
    drop(id: string): void {
        this.byId.delete(id);
    }
    clear(): void {
        this.byId.clear();
    }
}

/** One forwarded call: the request and moto's (successful, parsed) answer, which fixes may patch. */
interface Exchange {
    op: string;
    req: any;
    res: any;
    /** The pool the call is about (from the request, or from moto's answer for CreateUserPool). */
    poolId?: string;
    /** The pool object in the answer (CreateUserPool, DescribeUserPool), patched in place. */
    pool?: any;
}

interface Reply {
    status: number;
    headers: Record<string, string>;
    body: string;
}

function jsonReply(status: number, body: any): Reply {
    return { status, headers: { "content-type": "application/x-amz-json-1.1" }, body: JSON.stringify(body) };
}

/** An error exactly as moto sends one (and the SDK parses): HTTP 400, x-amzn-errortype, __type + message. */
function errorReply(type: string, message: string, status = 400): Reply {
    return {
        status,
        headers: { "content-type": "application/json", "x-amzn-errortype": type },
        body: JSON.stringify({ __type: type, message }),
    };
}

/** A hook's canned answer; a body with __type is sent the way errors are (x-amzn-errortype). */
function hookReply(answer: { status: number; body: any }): Reply {
    const type = answer.body?.__type;
    const reply = type ? errorReply(type, "", answer.status) : jsonReply(answer.status, {});
    return { ...reply, body: JSON.stringify(answer.body ?? {}) };
}

// ---------------------------------------------------------------------------------------------
// Fix 1: tags.

/** docs/cognito.md: moto does not implement TagResource / UntagResource / ListTagsForResource: the layer serves them. */
async function serveTagOperations(op: string, req: any, pools: Pools, moto: MotoClient): Promise<Reply | undefined> {
    if (op !== "TagResource" && op !== "UntagResource" && op !== "ListTagsForResource") {
        return undefined;
    }
    const arn = String(req?.ResourceArn ?? "");
    const match = /^arn:[^:]+:cognito-idp:[^:]+:\d+:userpool\/(.+)$/.exec(arn);
    if (!match) {
        return errorReply("InvalidParameterException", `Invalid ARN: ${arn}`);
    }
    const found = await moto.call("DescribeUserPool", { UserPoolId: match[1] });
    if (found.status !== 200 || JSON.parse(found.body)?.UserPool?.Arn !== arn) {
        return errorReply("ResourceNotFoundException", `User pool ${match[1]} does not exist.`);
    }
    const state = pools.get(match[1]);
    if (op === "TagResource") {
        Object.assign(state.tags, req.Tags ?? {});
        return jsonReply(200, {});
    }
    if (op === "UntagResource") {
        for (const key of req.TagKeys ?? []) {
            delete state.tags[key];
        }
        return jsonReply(200, {});
    }
    return jsonReply(200, { Tags: { ...state.tags } });
}

/** docs/cognito.md: tags are Cognito's, kept per pool: seeded by CreateUserPool, replaced by UpdateUserPool, shown by Describe. */
function fixTags(x: Exchange, pools: Pools): void {
    if (!x.poolId) return;
    const state = pools.get(x.poolId);
    if (x.op === "CreateUserPool" || (x.op === "UpdateUserPool" && x.req.UserPoolTags !== undefined)) {
        state.tags = { ...(x.req.UserPoolTags ?? {}) };
    }
    if (x.pool) {
        state.arn = x.pool.Arn ?? state.arn;
        x.pool.UserPoolTags = { ...state.tags };
    }
}

// ---------------------------------------------------------------------------------------------
// Fix 2: deletion protection.

/** docs/cognito.md: moto stores DeletionProtection but does not enforce it; Cognito refuses to delete a protected pool. */
function refuseProtectedDelete(op: string, req: any, pools: Pools): Reply | undefined {
    if (op !== "DeleteUserPool" || pools.peek(String(req?.UserPoolId))?.deletionProtection !== "ACTIVE") {
        return undefined;
    }
    return errorReply(
        "InvalidParameterException",
        "The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.",
    );
}

/** docs/cognito.md: DeletionProtection defaults to INACTIVE and moto omits it; UpdateUserPool resets an omitted member. */
function fixDeletionProtection(x: Exchange, pools: Pools): void {
    if (!x.poolId) return;
    const state = pools.get(x.poolId);
    if (x.op === "CreateUserPool" || x.op === "UpdateUserPool") {
        state.deletionProtection = x.req.DeletionProtection ?? "INACTIVE";
    }
    if (x.pool) {
        x.pool.DeletionProtection = state.deletionProtection;
    }
}

// ---------------------------------------------------------------------------------------------
// Fix 3: sign-in attributes and pool name.

/** docs/cognito.md: moto's UpdateUserPool wipes AliasAttributes, UsernameAttributes, UsernameConfiguration and ignores PoolName. */
function fixIdentityAttributesAndName(x: Exchange, pools: Pools): void {
    if (x.op === "ListUserPools") {
        for (const listed of x.res.UserPools ?? []) {
            const name = pools.peek(listed.Id)?.name;
            if (name !== undefined) listed.Name = name;
        }
        return;
    }
    if (!x.poolId) return;
    const state = pools.get(x.poolId);
    if (x.op === "CreateUserPool") {
        const { AliasAttributes, UsernameAttributes, UsernameConfiguration } = x.req;
        state.identity = { AliasAttributes, UsernameAttributes, UsernameConfiguration };
    }
    if (x.op === "UpdateUserPool" && x.req.PoolName !== undefined) {
        state.name = x.req.PoolName;
    }
    if (x.pool) {
        for (const key of ["AliasAttributes", "UsernameAttributes", "UsernameConfiguration"] as const) {
            if (state.identity[key] === undefined) delete x.pool[key];
            else x.pool[key] = structuredClone(state.identity[key]);
        }
        if (state.name !== undefined) x.pool.Name = state.name;
    }
}

// ---------------------------------------------------------------------------------------------
// Fix 4: the 20 standard attributes.

function standardAttribute(Name: string, AttributeDataType: string, constraints?: any, Mutable = true, Required = false): any {
    const attribute: any = { Name, AttributeDataType, DeveloperOnlyAttribute: false, Mutable, Required };
    if (AttributeDataType === "String") attribute.StringAttributeConstraints = constraints ?? { MinLength: "0", MaxLength: "2048" };
    if (AttributeDataType === "Number") attribute.NumberAttributeConstraints = constraints;
    return attribute;
}

/** The standard attributes exactly as moto 5.2.1 reports them for a pool created without Schema, in its order. */
const STANDARD_ATTRIBUTES: any[] = [
    standardAttribute("sub", "String", { MinLength: "1", MaxLength: "2048" }, false, true),
    ...["name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website", "email"]
        .map((name) => standardAttribute(name, "String")),
    standardAttribute("email_verified", "Boolean"),
    standardAttribute("gender", "String"),
    standardAttribute("birthdate", "String", { MinLength: "10", MaxLength: "10" }),
    ...["zoneinfo", "locale", "phone_number"].map((name) => standardAttribute(name, "String")),
    standardAttribute("phone_number_verified", "Boolean"),
    standardAttribute("address", "String"),
    standardAttribute("updated_at", "Number", { MinValue: "0" }),
];
const STANDARD_NAMES = new Set(STANDARD_ATTRIBUTES.map((a) => a.Name));

/** docs/cognito.md: passing any Schema makes moto drop the 20 standard attributes; Cognito always has them. */
function fixStandardAttributes(x: Exchange): void {
    const reported: any[] | undefined = x.pool?.SchemaAttributes;
    if (!reported || reported.some((a) => a.Name === "sub")) return;
    const declared = new Map(reported.map((a) => [a.Name, a]));
    x.pool.SchemaAttributes = [
        ...STANDARD_ATTRIBUTES.map((a) => declared.get(a.Name) ?? structuredClone(a)),
        ...reported.filter((a) => !STANDARD_NAMES.has(a.Name)),
    ];
}

// ---------------------------------------------------------------------------------------------
// Fix 5: LambdaConfig and AccountRecoverySetting.

/** docs/cognito.md: Cognito reports LambdaConfig {} when empty (moto omits it) and no AccountRecoverySetting unless set (moto invents one). */
function fixLambdaConfigAndRecovery(x: Exchange, pools: Pools): void {
    if (!x.poolId) return;
    const state = pools.get(x.poolId);
    if ((x.op === "CreateUserPool" || x.op === "UpdateUserPool") && x.req.AccountRecoverySetting !== undefined) {
        state.accountRecoverySetting = structuredClone(x.req.AccountRecoverySetting);
    }
    if (x.pool) {
        x.pool.LambdaConfig ??= {};
        if (state.accountRecoverySetting === undefined) delete x.pool.AccountRecoverySetting;
        else x.pool.AccountRecoverySetting = structuredClone(state.accountRecoverySetting);
    }
}

// ---------------------------------------------------------------------------------------------
// Fix 6: MfaConfiguration.

/** docs/cognito.md: SetUserPoolMfaConfig replaces the whole MFA configuration: omitting MfaConfiguration turns MFA off (moto rejects the omission). */
function defaultMfaOff(op: string, req: any): any {
    return op === "SetUserPoolMfaConfig" && req && req.MfaConfiguration === undefined ? { ...req, MfaConfiguration: "OFF" } : req;
}

/** docs/cognito.md: after SetUserPoolMfaConfig, moto's DescribeUserPool still shows the old MfaConfiguration. */
function fixMfaConfiguration(x: Exchange, pools: Pools): void {
    if (!x.poolId) return;
    const state = pools.get(x.poolId);
    if (x.op === "CreateUserPool") state.mfaConfiguration = x.req.MfaConfiguration ?? "OFF";
    if (x.op === "UpdateUserPool" && x.req.MfaConfiguration !== undefined) state.mfaConfiguration = x.req.MfaConfiguration;
    if (x.op === "SetUserPoolMfaConfig") state.mfaConfiguration = x.req.MfaConfiguration;
    if (x.pool && state.mfaConfiguration !== undefined) x.pool.MfaConfiguration = state.mfaConfiguration;
}

/** Tiers, passwordless, email and passkey MFA: what Cognito refuses (newerMembers.ts). */
async function refuseNewerMembers(op: string, req: any, pools: Pools, moto: MotoClient): Promise<Reply | undefined> {
    if (!req || !["CreateUserPool", "UpdateUserPool", "SetUserPoolMfaConfig"].includes(op)) return undefined;
    const state = op === "CreateUserPool" ? undefined : pools.peek(String(req.UserPoolId))?.newer;
    let sending: string | undefined;
    if (op === "SetUserPoolMfaConfig" && req.EmailMfaConfiguration) {
        const pool = await moto.call("DescribeUserPool", { UserPoolId: req.UserPoolId });
        sending = pool.status === 200 ? JSON.parse(pool.body)?.UserPool?.EmailConfiguration?.EmailSendingAccount : undefined;
    }
    const refusal = refuseNewer(op, req, state, sending);
    return refusal ? errorReply(refusal.type, refusal.message) : undefined;
}

/** AWS allows at most 50 tags a resource; moto counts nothing. */
function refuseTooManyTags(op: string, req: any, pools: Pools): Reply | undefined {
    let count: number | undefined;
    if ((op === "CreateUserPool" || op === "UpdateUserPool") && req?.UserPoolTags) count = Object.keys(req.UserPoolTags).length;
    if (op === "TagResource") {
        const id = /userpool\/(.+)$/.exec(String(req?.ResourceArn ?? ""))?.[1];
        const current = (id && pools.peek(id)?.tags) || {};
        count = new Set([...Object.keys(current), ...Object.keys(req?.Tags ?? {})]).size;
    }
    if (count === undefined || count <= 50) return undefined;
    return errorReply("UserPoolTaggingException", `A user pool can have at most 50 tags; this request would leave it with ${count}.`);
}

/**
 * Cognito refuses to switch MFA on through UpdateUserPool: SetUserPoolMfaConfig must configure a factor
 * first (moto accepts it). An UpdateUserPool that keeps MFA as it is, is accepted.
 */
function refuseMfaOnThroughUpdate(op: string, req: any, pools: Pools): Reply | undefined {
    // CreateUserPool switches MFA on only with an SMS configuration (the only factor it can carry).
    if (op === "CreateUserPool" && ["ON", "OPTIONAL"].includes(req?.MfaConfiguration) && !req?.SmsConfiguration) {
        return errorReply("InvalidParameterException", "SMS configuration is required when MFA is turned on at creation; set other factors with SetUserPoolMfaConfig.");
    }
    if (op !== "UpdateUserPool" || !["ON", "OPTIONAL"].includes(req?.MfaConfiguration)) return undefined;
    const current = pools.peek(String(req.UserPoolId))?.mfaConfiguration ?? "OFF";
    if (current !== "OFF") return undefined;
    return errorReply("InvalidParameterException", "MFA cannot be turned on with UpdateUserPool; configure an MFA factor with SetUserPoolMfaConfig.");
}

// ---------------------------------------------------------------------------------------------
// Fix 8: users. moto's AdminCreateUser accepts what Cognito refuses (measured: see docs/cognito.md):
// - a custom attribute the pool's schema does not have (Cognito: InvalidParameterException "Attributes did
//   not conform to the schema: Type for attribute {custom:x} could not be determined");
// - a user without an attribute the schema requires ("...: email: The attribute is required");
// - a second user with the same username, or in a pool that signs in by email or phone the same email or
//   phone number, compared without case when the pool ignores case (UsernameExistsException).

/** The name Cognito tells a user apart by in this pool, as the layer remembers it. */
function signInKey(identity: PoolState["identity"], username: string, attributes: Record<string, string>): string {
    const by = identity.UsernameAttributes ?? [];
    const name = by.length > 0 ? (by.map((a) => attributes[a]).find((v) => v) ?? username) : username;
    return identity.UsernameConfiguration?.CaseSensitive === false ? name.toLowerCase() : name;
}

async function refuseUserCreation(op: string, req: any, pools: Pools, moto: MotoClient): Promise<Reply | undefined> {
    if (op !== "AdminCreateUser") return undefined;
    const found = await moto.call("DescribeUserPool", { UserPoolId: req?.UserPoolId });
    if (found.status !== 200) return undefined;
    const schema: any[] = JSON.parse(found.body)?.UserPool?.SchemaAttributes ?? [];
    const attributes: Record<string, string> = Object.fromEntries((req.UserAttributes ?? []).map((a: any) => [a.Name, a.Value]));
    const identity = pools.get(req.UserPoolId).identity;
    if ((identity.UsernameAttributes ?? []).length > 0 && attributes.email === undefined && /@/.test(String(req.Username))) attributes.email = req.Username;
    for (const name of Object.keys(attributes)) {
        if (name.startsWith("custom:") && !schema.some((a) => a.Name === name)) {
            return errorReply("InvalidParameterException", `Attributes did not conform to the schema: Type for attribute {${name}} could not be determined`);
        }
    }
    for (const a of schema) {
        if (a.Required && a.Name !== "sub" && !a.Name.startsWith("custom:") && !attributes[a.Name]) {
            return errorReply("InvalidParameterException", `Attributes did not conform to the schema: ${a.Name}: The attribute is required`);
        }
    }
    const users = pools.get(req.UserPoolId).users;
    if (users?.has(signInKey(identity, String(req.Username), attributes))) {
        return errorReply("UsernameExistsException", (identity.UsernameAttributes ?? []).length > 0 ? "An account with the given email already exists." : "User account already exists");
    }
    return undefined;
}

/** The admin calls that name a user by `Username`. */
const BY_USERNAME = new Set([
    "AdminGetUser", "AdminDeleteUser", "AdminDisableUser", "AdminEnableUser", "AdminSetUserPassword", "AdminUpdateUserAttributes",
    "AdminAddUserToGroup", "AdminRemoveUserFromGroup", "AdminListGroupsForUser", "AdminResetUserPassword", "AdminConfirmSignUp",
]);

/**
 * In a pool that signs in by email or phone, Cognito's admin calls take the email or phone number as the
 * Username (API reference, AdminDisableUser: "it can be any of their alias attributes"). moto does too, until
 * an UpdateUserPool wipes the pool's UsernameAttributes (Fix 3): then only the name moto gave the user (its
 * sub) works. The layer passes that name on for a user it made.
 */
function usernameAsMotoHasIt(op: string, req: any, pools: Pools): any {
    if (!BY_USERNAME.has(op) || typeof req?.Username !== "string") return req;
    const state = pools.peek(String(req.UserPoolId));
    const by = state?.identity.UsernameAttributes ?? [];
    if (!state?.users || by.length === 0) return req;
    const attributes = Object.fromEntries(by.map((a) => [a, req.Username]));
    const names = state.users.get(signInKey(state.identity, req.Username, attributes));
    return names && names[1] !== req.Username ? { ...req, Username: names[1] } : req;
}

/** Remembers the users made and deleted through the layer (Fix 8). */
function fixUsers(x: Exchange, pools: Pools): void {
    const id = x.req?.UserPoolId;
    if (!id || (x.op !== "AdminCreateUser" && x.op !== "AdminDeleteUser")) return;
    const state = pools.get(id);
    state.users ??= new Map();
    if (x.op === "AdminCreateUser") {
        const attributes: Record<string, string> = Object.fromEntries((x.res?.User?.Attributes ?? []).map((a: any) => [a.Name, a.Value]));
        const key = signInKey(state.identity, String(x.req.Username), attributes);
        state.users.set(key, [String(x.req.Username), String(x.res?.User?.Username ?? x.req.Username)]);
        return;
    }
    for (const [key, names] of state.users) if (names.includes(String(x.req.Username))) state.users.delete(key);
}

// ---------------------------------------------------------------------------------------------
// Fix 7: the legacy password-validity member and the legacy message texts.

/** Cognito refuses UnusedAccountValidityDays beside a password policy (aws/aws-sdk-js#3817, hashicorp/terraform#21561). */
function refuseUnusedAccountValidityDays(op: string, req: any): Reply | undefined {
    if ((op !== "CreateUserPool" && op !== "UpdateUserPool") || req?.AdminCreateUserConfig?.UnusedAccountValidityDays === undefined) return undefined;
    if (req?.Policies?.PasswordPolicy === undefined) return undefined;
    return errorReply("InvalidParameterException", "Please use TemporaryPasswordValidityDays in PasswordPolicy instead of UnusedAccountValidityDays");
}

const LEGACY_TEXTS: [string, string][] = [
    ["SmsVerificationMessage", "SmsMessage"],
    ["EmailVerificationMessage", "EmailMessage"],
    ["EmailVerificationSubject", "EmailSubject"],
];

/**
 * Cognito keeps each legacy text and its VerificationMessageTemplate text as one: setting either sets
 * both (terraform-provider-aws's user pool tests say so). moto keeps them apart. Where a request carries
 * both with different values, the template's is taken here: nothing documents Cognito's choice, so the
 * provider never sends such a pair (tests check that on the requests themselves).
 */
function syncLegacyTexts(op: string, req: any): any {
    if ((op !== "CreateUserPool" && op !== "UpdateUserPool") || !req) return req;
    const out = { ...req, VerificationMessageTemplate: req.VerificationMessageTemplate ? { ...req.VerificationMessageTemplate } : undefined };
    for (const [legacy, template] of LEGACY_TEXTS) {
        const fromTemplate = out.VerificationMessageTemplate?.[template];
        if (fromTemplate !== undefined) out[legacy] = fromTemplate;
        else if (out[legacy] !== undefined) out.VerificationMessageTemplate = { ...(out.VerificationMessageTemplate ?? {}), [template]: out[legacy] };
    }
    if (out.VerificationMessageTemplate === undefined) delete out.VerificationMessageTemplate;
    return out;
}

const SETS = ["AutoVerifiedAttributes", "AliasAttributes", "UsernameAttributes"];

function reverseSets(pool: any): void {
    for (const key of SETS) if (Array.isArray(pool[key])) pool[key] = [...pool[key]].reverse();
    const before = pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate;
    if (Array.isArray(before)) pool.UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate = [...before].reverse();
    const factors = pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors;
    if (Array.isArray(factors)) pool.Policies.SignInPolicy.AllowedFirstAuthFactors = [...factors].reverse();
}

/** Runs every fix over one successful forwarded call, then forgets deleted pools. */
function applyFixes(x: Exchange, pools: Pools): void {
    fixTags(x, pools);
    fixDeletionProtection(x, pools);
    fixIdentityAttributesAndName(x, pools);
    fixStandardAttributes(x);
    fixLambdaConfigAndRecovery(x, pools);
    fixMfaConfiguration(x, pools);
    fixUsers(x, pools);
    if (x.poolId) fixNewer(x.op, x.req, x.res, pools.get(x.poolId).newer);
    if (x.op === "DeleteUserPool" && x.poolId) pools.drop(x.poolId);
}

const POOL_OPERATIONS = new Set(["UpdateUserPool", "DescribeUserPool", "SetUserPoolMfaConfig", "GetUserPoolMfaConfig", "DeleteUserPool"]);

function exchangeOf(op: string, req: any, res: any): Exchange {
    if (op === "CreateUserPool" || op === "DescribeUserPool") {
        return { op, req, res, poolId: res?.UserPool?.Id, pool: res?.UserPool };
    }
    return { op, req, res, poolId: POOL_OPERATIONS.has(op) ? req?.UserPoolId : undefined };
}

// ---------------------------------------------------------------------------------------------
// Talking to moto.

class MotoClient {
    constructor(readonly port: number) {}

    request(method: string, path: string, headers: http.OutgoingHttpHeaders, body: Buffer): Promise<Reply> {
        return new Promise((resolve, reject) => {
            const req = http.request(
                { host: "127.0.0.1", port: this.port, method, path, headers: { ...headers, "content-length": body.length }, agent: false },
                (res) => {
                    const chunks: Buffer[] = [];
                    res.on("data", (c: Buffer) => chunks.push(c));
                    res.on("end", () => {
                        const out: Record<string, string> = {};
                        for (const [k, v] of Object.entries(res.headers)) {
                            if (v !== undefined && !["content-length", "transfer-encoding", "connection"].includes(k)) {
                                out[k] = Array.isArray(v) ? v.join(", ") : v;
                            }
                        }
                        resolve({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(chunks).toString("utf8") });
                    });
                    res.on("error", reject);
                },
            );
            req.on("error", reject);
            req.end(body);
        });
    }

    /** A direct call to moto, for the layer's own lookups (not logged, no hooks). */
    call(op: string, body: any): Promise<Reply> {
        return this.request(
            "POST",
            "/",
            { "content-type": "application/x-amz-json-1.1", "x-amz-target": TARGET_PREFIX + op },
            Buffer.from(JSON.stringify(body)),
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Starting and stopping.

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => {
            const port = (server.address() as net.AddressInfo).port;
            server.close(() => resolve(port));
        });
    });
}

function assertMotoInstalled(): void {
    try {
        execFileSync("sh", ["-c", "command -v moto_server"], { stdio: "ignore" });
    } catch {
        throw new Error("moto_server is required; it comes from the Python package moto (pip install 'moto[server]').");
    }
}

/**
 * Starts moto_server in its own process group under a small shell that ends with moto (so an early exit
 * is seen at once) and kills moto when its stdin closes, so moto does not outlive this process even if
 * it dies without running exit handlers.
 */
function spawnMoto(port: number): ChildProcess {
    const script = [
        "exec 3<&0 </dev/null",
        // tests/support/motoServer.py: moto_server with moto's per-pool RSA key import done once.
        'if python3 -c "import moto.server, joserfc" 2>/dev/null; then python3 "$2" -H 127.0.0.1 -p "$1" & m=$!; else moto_server -H 127.0.0.1 -p "$1" & m=$!; fi',
        "(cat <&3 >/dev/null; kill $m 2>/dev/null) &",
        "exec 3<&-",
        "wait $m",
    ].join("\n");
    return spawn("sh", ["-c", script, "sh", String(port), join(__dirname, "motoServer.py")], { stdio: ["pipe", "ignore", "pipe"], detached: true });
}

async function waitForMoto(moto: MotoClient, child: ChildProcess, stderr: () => string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
        if (child.exitCode !== null || child.signalCode !== null) {
            throw new Error(`moto_server exited before answering:\n${stderr()}`);
        }
        try {
            await moto.request("GET", "/moto-api/", {}, Buffer.alloc(0));
            return;
        } catch {
            await new Promise((r) => setTimeout(r, 100));
        }
    }
    throw new Error(`moto_server did not answer within 20 s:\n${stderr()}`);
}

/** Ends moto, its shell and the shell's stdin watcher (the whole process group). */
function killGroup(child: ChildProcess): void {
    child.stdin?.destroy();
    if (child.pid === undefined) return;
    try {
        process.kill(-child.pid, "SIGTERM");
    } catch {
        // already gone
    }
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => resolve(Buffer.concat(chunks)));
        req.on("error", reject);
    });
}

function parseJson(text: string): any {
    try {
        return text ? JSON.parse(text) : {};
    } catch {
        return undefined;
    }
}

export async function startLocalCognito(): Promise<LocalCognito> {
    assertMotoInstalled();

    const motoPort = await freePort();
    const child = spawnMoto(motoPort);
    let motoStderr = "";
    child.stderr?.on("data", (c: Buffer) => {
        motoStderr = (motoStderr + c.toString("utf8")).slice(-20_000);
    });
    const killOnExit = () => killGroup(child);
    const killOnSignal = (signal: NodeJS.Signals) => {
        killGroup(child);
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on("exit", killOnExit);
    process.once("SIGINT", killOnSignal);
    process.once("SIGTERM", killOnSignal);
    const forgetProcessHandlers = () => {
        process.off("exit", killOnExit);
        process.off("SIGINT", killOnSignal);
        process.off("SIGTERM", killOnSignal);
    };

    const moto = new MotoClient(motoPort);
    try {
        await waitForMoto(moto, child, () => motoStderr);
    } catch (e) {
        killGroup(child);
        forgetProcessHandlers();
        throw e;
    }

    const pools = new Pools();
    let log: string[] = [];
    let times: number[] = [];
    let hooks: RequestHook[] = [];
    let transits: ((op: string, body: any) => number | undefined)[] = [];
    let setsReversed = false;

    async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
        const raw = await readBody(req);
        const target = req.headers["x-amz-target"];
        const op = typeof target === "string" && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
        if (!op) {
            // Not an SDK call (e.g. /moto-api): pass it through untouched.
            return send(res, await moto.request(req.method ?? "GET", req.url ?? "/", withoutHost(req.headers), raw));
        }
        const body = parseJson(raw.toString("utf8"));
        // Network delay: the request reaches Cognito (and its log) only after it.
        for (const transit of transits) {
            const ms = transit(op, body);
            if (ms) await new Promise((resolve) => setTimeout(resolve, ms));
        }
        log.push(op);
        times.push(Date.now());

        let after: "drop" | "stall" | { status: number; body: any } | undefined;
        for (const hook of hooks) {
            const answer = hook(op, body);
            if (answer === undefined) continue;
            if (answer === "drop") {
                req.socket.destroy();
                return;
            }
            if ("delayMs" in answer) {
                await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
                continue;
            }
            if ("after" in answer) {
                after = answer.after;
                continue;
            }
            return send(res, hookReply(answer));
        }
        if (after !== undefined) {
            // Cognito acts; its answer is lost on the way back.
            const lost = after;
            await serveFromCognito(op, body, raw, req).catch(() => undefined);
            if (lost === "drop") {
                req.socket.destroy();
                return;
            }
            if (lost === "stall") {
                // No answer: the client's own deadline must end the call. The socket goes when the client
                // gives up, or after a minute.
                req.socket.setTimeout(60_000, () => req.socket.destroy());
                return;
            }
            return send(res, hookReply(lost));
        }
        const reply = await serveFromCognito(op, body, raw, req);
        send(res, reply);
    }

    /** The layer's own answer, or moto's with the fidelity fixes applied. */
    async function serveFromCognito(op: string, body: any, raw: Buffer, req: http.IncomingMessage): Promise<Reply> {

        const served =
            refuseTooManyTags(op, body, pools) ??
            (await serveTagOperations(op, body, pools, moto)) ??
            refuseProtectedDelete(op, body, pools) ??
            refuseMfaOnThroughUpdate(op, body, pools) ??
            refuseUnusedAccountValidityDays(op, body) ??
            (await refuseNewerMembers(op, body, pools, moto)) ??
            (await refuseUserCreation(op, body, pools, moto));
        if (served) return served;

        const forwardedBody = usernameAsMotoHasIt(op, syncPreTokenGeneration(op, syncLegacyTexts(op, defaultMfaOff(op, body))), pools);
        const reply = await moto.request(
            req.method ?? "POST",
            req.url ?? "/",
            withoutHost(req.headers),
            forwardedBody === body ? raw : Buffer.from(JSON.stringify(forwardedBody)),
        );
        const answer = reply.status === 200 && body !== undefined ? parseJson(reply.body) : undefined;
        if (answer !== undefined) {
            applyFixes(exchangeOf(op, forwardedBody, answer), pools);
            if (setsReversed && answer.UserPool) reverseSets(answer.UserPool);
            reply.body = JSON.stringify(answer);
        }
        return reply;
    }

    const server = http.createServer((req, res) => {
        handle(req, res).catch((e) => {
            if (!res.headersSent) send(res, errorReply("InternalErrorException", `local Cognito layer: ${e?.message ?? e}`, 500));
            else res.destroy();
        });
    });
    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => resolve());
    });
    const layerPort = (server.address() as net.AddressInfo).port;

    let stopped = false;
    const instance: LocalCognito = {
        endpoint: `http://127.0.0.1:${layerPort}`,
        motoEndpoint: `http://127.0.0.1:${motoPort}`,
        calls: () => [...log],
        callTimes: () => [...times],
        resetCalls: () => {
            log = [];
            times = [];
        },
        async reset() {
            const reply = await moto.request("POST", "/moto-api/reset", {}, Buffer.alloc(0));
            if (reply.status !== 200) throw new Error(`moto reset failed: HTTP ${reply.status} ${reply.body}`);
            pools.clear();
            log = [];
            times = [];
        },
        async stop() {
            if (stopped) return;
            stopped = true;
            await new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            });
            // Closing stdin makes the shell kill moto and exit once moto has exited; the group kill
            // after that (or after 5 s) sweeps up whatever is left.
            await new Promise<void>((resolve) => {
                if (child.exitCode !== null || child.signalCode !== null) return resolve();
                const timer = setTimeout(() => killGroup(child), 5_000);
                child.once("exit", () => {
                    clearTimeout(timer);
                    resolve();
                });
                child.stdin?.end();
            });
            killGroup(child);
            forgetProcessHandlers();
        },
        onRequest(hook) {
            hooks.push(hook);
        },
        clearHooks() {
            hooks = [];
            transits = [];
        },
        onTransit(delay) {
            transits.push(delay);
        },
        reportSetsReversed(on) {
            setsReversed = on;
        },
    };
    return instance;
}

function withoutHost(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
    const { host, connection, "content-length": _length, ...rest } = headers;
    return rest;
}

function send(res: http.ServerResponse, reply: Reply): void {
    res.writeHead(reply.status, { ...reply.headers, "content-length": Buffer.byteLength(reply.body) });
    res.end(reply.body);
}
