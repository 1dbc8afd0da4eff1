// The stateful test's commands (fast-check model-based commands): program edits, changes made outside
// Pulumi, users, faults, and the operations a user runs. Every command that runs an operation checks the
// invariants after it (invariants.ts); Up also checks I3, I5 and I6, which need more than one operation.
import assert from "node:assert/strict";
import {
    AddCustomAttributesCommand,
    CreateUserPoolCommand,
    SetUserPoolMfaConfigCommand,
    TagResourceCommand,
    UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import fc from "fast-check";
import { memberSamples } from "../../memberSamples";
import { RunResult, Step } from "../engine";
import { localCognito } from "../localCognito";
import { Release, releaseDir, RELEASES } from "../releases";
import { checkInvariants, snapshot } from "./invariants";
import { Declared, Model, Real, RESOURCES, ResourceName } from "./world";

type Props = Record<string, any>;
type Command = fc.AsyncCommand<Model, Real>;

const DEVELOPER_EMAIL = { emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com" };
const SMS_ROLE = "arn:aws:iam::123456789012:role/cognito-sms";
const TRIGGER = "arn:aws:lambda:us-east-1:123456789012:function:outside";

// ---------------------------------------------------------------------------------------------
// Program edits: the model's program changes; the next operation runs it.

/** What follows an edit: nothing yet (more edits first), or `pulumi up` (perhaps with a fault). */
export type Then = { up: false } | { up: true; fault?: Fault };

abstract class Edit implements Command {
    then: Then = { up: false };
    constructor(readonly name: ResourceName) {}
    check(m: Readonly<Model>): boolean {
        return m.program.has(this.name);
    }
    async run(m: Model, r: Real): Promise<void> {
        this.edit(m.program.get(this.name)!, m);
        r.log.push(this.toString());
        if (this.then.up) await new Up(this.then.fault).run(m, r);
    }
    abstract edit(d: Declared, m: Model): void;
    abstract describe(): string;
    toString(): string {
        return `${this.describe()}${this.then.up ? `, then ${new Up(this.then.fault)}` : ""}`;
    }
}

class Declare implements Command {
    then: Then = { up: false };
    constructor(readonly name: ResourceName) {}
    check(m: Readonly<Model>): boolean {
        return !m.program.has(this.name);
    }
    async run(m: Model, r: Real): Promise<void> {
        m.program.set(this.name, { args: {}, options: {}, secrets: [] });
        r.log.push(this.toString());
        if (this.then.up) await new Up(this.then.fault).run(m, r);
    }
    toString(): string {
        return `declare ${this.name}${this.then.up ? `, then ${new Up(this.then.fault)}` : ""}`;
    }
}

class Remove implements Command {
    then: Then = { up: false };
    constructor(readonly name: ResourceName) {}
    check(m: Readonly<Model>): boolean {
        return m.program.has(this.name);
    }
    async run(m: Model, r: Real): Promise<void> {
        m.program.delete(this.name);
        r.log.push(this.toString());
        if (this.then.up) await new Up(this.then.fault).run(m, r);
    }
    toString(): string {
        return `remove ${this.name} from the program${this.then.up ? `, then ${new Up(this.then.fault)}` : ""}`;
    }
}

class SetMember extends Edit {
    constructor(name: ResourceName, readonly sample: number, readonly on: boolean) {
        super(name);
    }
    edit(d: Declared): void {
        const s = memberSamples[this.sample];
        if (this.on) Object.assign(d.args, structuredClone(s.with ?? {}), { [s.member]: structuredClone(s.value) });
        else delete d.args[s.member];
    }
    describe(): string {
        return `${this.on ? "declare" : "remove"} ${memberSamples[this.sample].member} on ${this.name}`;
    }
}

/** The program's own opt-ins, and how a step names turning each on and off. */
const FLAGS = {
    allowReplacementWithUsers: ["consent", "withdraw consent"],
    copyUsersOnReplacement: ["copy users on replacement", "stop copying users"],
} as const;

/** An opt-in on (`true`) or removed: the consent to lose users, or the copy of users into a replacement. */
class Flag extends Edit {
    constructor(name: ResourceName, readonly flag: keyof typeof FLAGS, readonly on: boolean) {
        super(name);
    }
    edit(d: Declared): void {
        if (this.on) d.args[this.flag] = true;
        else delete d.args[this.flag];
    }
    describe(): string {
        return `${FLAGS[this.flag][this.on ? 0 : 1]} on ${this.name}`;
    }
}

/** What a user does when Cognito forces a new pool: copy the users, and make the change that forces it. */
class ReplaceKeepingUsers extends Edit {
    constructor(name: ResourceName, readonly change: "caseSensitive" | "caseInsensitive" | "email sign-in" | "username sign-in") {
        super(name);
    }
    edit(d: Declared): void {
        d.args.copyUsersOnReplacement = true;
        if (this.change === "caseSensitive" || this.change === "caseInsensitive") d.args.usernameConfiguration = { caseSensitive: this.change === "caseSensitive" };
        else if (this.change === "email sign-in") d.args.usernameAttributes = ["email"];
        else delete d.args.usernameAttributes;
    }
    describe(): string {
        return `copy users on replacement and ${this.change} on ${this.name}`;
    }
}

class Tier extends Edit {
    constructor(name: ResourceName, readonly tier: string | undefined) {
        super(name);
    }
    edit(d: Declared): void {
        if (this.tier) d.args.userPoolTier = this.tier;
        else delete d.args.userPoolTier;
    }
    describe(): string {
        return `tier ${this.tier ?? "undeclared"} on ${this.name}`;
    }
}

const MFA = ["off", "totp", "email", "passkeys", "none declared"] as const;
class Mfa extends Edit {
    constructor(name: ResourceName, readonly kind: (typeof MFA)[number]) {
        super(name);
    }
    edit(d: Declared): void {
        const a = d.args;
        for (const k of ["mfaConfiguration", "softwareTokenMfaConfiguration", "emailMfaConfiguration", "webAuthnConfiguration"]) delete a[k];
        if (this.kind === "off") a.mfaConfiguration = "OFF";
        if (this.kind === "totp") Object.assign(a, { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } });
        if (this.kind === "email") Object.assign(a, { mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {}, emailConfiguration: DEVELOPER_EMAIL });
        if (this.kind === "passkeys") a.webAuthnConfiguration = { relyingPartyId: "auth.example.com", userVerification: "preferred" };
    }
    describe(): string {
        return `MFA ${this.kind} on ${this.name}`;
    }
}

class GrowSchema extends Edit {
    edit(d: Declared, m: Model): void {
        d.args.schema = [...(d.args.schema ?? []), { name: m.unique("attr"), attributeDataType: "String", mutable: true }];
    }
    describe(): string {
        return `add a custom attribute on ${this.name}`;
    }
}

class CaseSensitivity extends Edit {
    constructor(name: ResourceName, readonly caseSensitive: boolean) {
        super(name);
    }
    edit(d: Declared): void {
        d.args.usernameConfiguration = { caseSensitive: this.caseSensitive };
    }
    describe(): string {
        return `usernameConfiguration.caseSensitive ${this.caseSensitive} on ${this.name} (a replacement)`;
    }
}

const OPTIONS: Props[] = [
    {},
    { retainOnDelete: true },
    { deleteBeforeReplace: true },
    { replaceOnChanges: ["policies"] },
    { replaceOnChanges: ["lambdaConfig.preSignUp"] },
    { ignoreChanges: ["lambdaConfig"] },
];
class Options extends Edit {
    constructor(name: ResourceName, readonly index: number) {
        super(name);
    }
    edit(d: Declared): void {
        d.options = structuredClone(OPTIONS[this.index]);
    }
    describe(): string {
        return `resource options ${JSON.stringify(OPTIONS[this.index])} on ${this.name}`;
    }
}

// "plain …" declares a unique value unmarked; "mark …" then marks the member secret with the values it
// has: a change Cognito never sees, which must still reach what the stack stores.
const SECRETS = ["poolName", "externalId", "tags", "policies", "schema", "plain schema", "mark schema", "plain poolName", "mark poolName"] as const;
class Secret extends Edit {
    constructor(name: ResourceName, readonly kind: (typeof SECRETS)[number]) {
        super(name);
    }
    edit(d: Declared, m: Model): void {
        const value = m.unique("s3cr3t");
        m.secretValues.set(value, this.name);
        const mark = (path: string) => d.secrets.includes(path) || d.secrets.push(path);
        if (this.kind === "poolName") (d.args.poolName = value), mark("poolName");
        if (this.kind === "externalId") (d.args.smsConfiguration = { snsCallerArn: SMS_ROLE, externalId: value }), mark("smsConfiguration.externalId");
        if (this.kind === "tags") (d.args.userPoolTags = { owner: value }), mark("userPoolTags");
        if (this.kind === "policies") (d.args.policies = { passwordPolicy: { minimumLength: 13 }, signInPolicy: { allowedFirstAuthFactors: ["PASSWORD"] } }), mark("policies"), m.secretValues.delete(value);
        if (this.kind === "schema") (d.args.schema = [...(d.args.schema ?? []), { name: value, attributeDataType: "String", mutable: true }]), mark("schema");
        const plain = m.unique("pl41n");
        if (this.kind === "plain schema") d.args.schema = [...(d.args.schema ?? []), { name: plain, attributeDataType: "String", mutable: true }];
        if (this.kind === "plain poolName") d.args.poolName = plain;
        // Marking secret what is declared already: every unique value under it becomes a secret.
        const marked = (member: "schema" | "poolName") => {
            mark(member);
            for (const found of JSON.stringify(d.args[member] ?? null).match(/(pl41n|s3cr3t)\d+/g) ?? []) m.secretValues.set(found, this.name);
        };
        if (this.kind === "mark schema") marked("schema");
        if (this.kind === "mark poolName") marked("poolName");
        if (this.kind.startsWith("plain") || this.kind.startsWith("mark")) m.secretValues.delete(value);
    }
    describe(): string {
        if (this.kind.startsWith("plain")) return `declare a ${this.kind.slice(6)} value, not secret, on ${this.name}`;
        if (this.kind.startsWith("mark")) return `mark ${this.kind.slice(5)} secret as declared on ${this.name}`;
        return `mark a ${this.kind} secret on ${this.name}`;
    }
}

/** A pool made outside Pulumi, then declared with existingPoolId. */
class Adopt implements Command {
    then: Then = { up: false };
    constructor(readonly name: ResourceName, readonly tier: string) {}
    check(m: Readonly<Model>): boolean {
        return !m.program.has(this.name);
    }
    async run(m: Model, r: Real): Promise<void> {
        const made = await r.client.send(new CreateUserPoolCommand({ PoolName: m.unique("outside"), UserPoolTier: this.tier as any }));
        const id = made.UserPool!.Id!;
        m.outside.add(id);
        m.program.set(this.name, { args: { existingPoolId: id }, options: {}, secrets: [] });
        r.log.push(this.toString());
        if (this.then.up) await new Up(this.then.fault).run(m, r);
    }
    toString(): string {
        return `adopt a ${this.tier} pool made outside as ${this.name}${this.then.up ? `, then ${new Up(this.then.fault)}` : ""}`;
    }
}

class DropExisting extends Edit {
    check(m: Readonly<Model>): boolean {
        return m.program.get(this.name)?.args.existingPoolId !== undefined;
    }
    edit(d: Declared): void {
        delete d.args.existingPoolId;
    }
    describe(): string {
        return `remove existingPoolId on ${this.name}`;
    }
}

// ---------------------------------------------------------------------------------------------
// Outside Pulumi: the pool changed by another tool, and its users.

const OUTSIDE = ["password", "deletionProtection", "trigger", "attribute", "tag", "totp", "tier"] as const;
class Outside implements Command {
    constructor(readonly name: ResourceName, readonly kind: (typeof OUTSIDE)[number]) {}
    check(): boolean {
        return true;
    }
    async run(m: Model, r: Real): Promise<void> {
        const pool = r.poolOf(this.name);
        r.log.push(this.toString());
        if (!pool) return;
        const live = await r.describe(pool.id);
        if (!live) return;
        const id = pool.id;
        // As a console would: the pool's whole configuration, one thing changed.
        const update = (change: Props) =>
            r.client.send(
                new UpdateUserPoolCommand({
                    UserPoolId: id,
                    ...pick(live, ["Policies", "DeletionProtection", "LambdaConfig", "AutoVerifiedAttributes", "VerificationMessageTemplate", "MfaConfiguration", "EmailConfiguration", "SmsConfiguration", "UserPoolTags", "AdminCreateUserConfig", "UserPoolAddOns", "AccountRecoverySetting", "UserPoolTier"]),
                    ...change,
                } as any),
            );
        const attempt = async () => {
            if (this.kind === "password") await update({ Policies: { ...live.Policies, PasswordPolicy: { ...live.Policies?.PasswordPolicy, MinimumLength: 11 } } });
            if (this.kind === "deletionProtection") await update({ DeletionProtection: live.DeletionProtection === "ACTIVE" ? "INACTIVE" : "ACTIVE" });
            if (this.kind === "trigger") await update({ LambdaConfig: { ...live.LambdaConfig, PreSignUp: TRIGGER } });
            if (this.kind === "tier") await update({ UserPoolTier: live.UserPoolTier === "PLUS" ? "ESSENTIALS" : "PLUS" });
            if (this.kind === "attribute") {
                await r.client.send(new AddCustomAttributesCommand({ UserPoolId: id, CustomAttributes: [{ Name: m.unique("out"), AttributeDataType: "String", Mutable: true }] }));
            }
            if (this.kind === "tag") await r.client.send(new TagResourceCommand({ ResourceArn: live.Arn, Tags: { outside: "yes" } }));
            if (this.kind === "totp") {
                await r.client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: id, MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: true } }));
            }
        };
        // Cognito may refuse the change (a tier the pool's features rule out, say): then nothing changed.
        await attempt().then(
            () => (m.drifted = true),
            () => undefined,
        );
    }
    toString(): string {
        return `outside Pulumi: ${this.kind} on ${this.name}'s pool`;
    }
}

class Users implements Command {
    constructor(readonly name: ResourceName, readonly delta: number) {}
    check(): boolean {
        return true;
    }
    async run(m: Model, r: Real): Promise<void> {
        const pool = r.poolOf(this.name);
        r.log.push(this.toString());
        if (!pool || !(await r.describe(pool.id))) return;
        if (this.delta > 0) await r.addUsers(pool.id, this.delta);
        else await r.removeUsers(pool.id, -this.delta);
    }
    toString(): string {
        return `${this.delta > 0 ? `${this.delta} users sign up to` : `${-this.delta} users leave`} ${this.name}'s pool`;
    }
}

// ---------------------------------------------------------------------------------------------
// Operations.

/** One fault on the first call of an operation: before Cognito acts, after it acted (the answer lost), or a refusal. */
export interface Fault {
    op: string;
    kind: "500" | "lost" | "throttled" | "denied";
}
const FAULT_OPS = ["CreateUserPool", "UpdateUserPool", "SetUserPoolMfaConfig", "AddCustomAttributes", "DeleteUserPool", "TagResource", "DescribeUserPool", "AdminCreateUser", "ListUsers"];

function inject(fault: Fault): void {
    let done = false;
    localCognito().onRequest((op) => {
        if (done || op !== fault.op) return undefined;
        done = true;
        if (fault.kind === "500") return { status: 500, body: { __type: "InternalErrorException", message: "injected" } };
        if (fault.kind === "lost") return { after: { status: 500, body: { __type: "InternalErrorException", message: "injected after acting" } } };
        if (fault.kind === "throttled") return { status: 400, body: { __type: "TooManyRequestsException", message: "injected" } };
        return { status: 400, body: { __type: "AccessDeniedException", message: "injected: not authorized" } };
    });
}

/** What a deployment did, resource by resource: `op name`. */
const ops = (steps: Step[]) => steps.filter((s) => s.type.startsWith("pulumi-nodejs:dynamic")).map((s) => `${s.op} ${s.name}`);

/**
 * A failure at up that preview cannot foresee: a delete refused (users, deletion protection, users a copy
 * could not carry: preview warned of those), which no preview calls.
 */
const deleteRefused = (message: string) => /Could not delete user pool|Kept user pool|deletion protection/i.test(message);

async function operation<T>(r: Real, m: Model, what: string, body: () => Promise<T>): Promise<T | Error> {
    r.sync();
    snapshot(m, r);
    let result: T | Error;
    try {
        result = await body();
    } catch (err) {
        result = err instanceof Error ? err : new Error(String(err));
        r.said.push(result.message);
    }
    r.log.push(`${what}: ${result instanceof Error ? `failed: ${result.message.split("\n")[0]}` : "ok"}`);
    await checkInvariants(m, r, what);
    return result;
}

/** I3: after a successful up, refresh then preview show no change. */
async function settled(m: Model, r: Real, after: string): Promise<void> {
    const refresh = await operation(r, m, `refresh after ${after}`, () => r.engine.refresh());
    assert.ok(!(refresh instanceof Error), `I3 (${after}): refresh failed: ${(refresh as Error).message}`);
    const drift = ops((refresh as Step[]).filter((s) => s.op !== "same"));
    assert.deepEqual(drift, [], `I3 (${after}): refresh right after it shows drift: ${JSON.stringify((refresh as Step[]).filter((s) => s.op !== "same"))}`);
    const preview = await operation(r, m, `preview after ${after}`, () => r.engine.preview());
    assert.ok(!(preview instanceof Error), `I3 (${after}): preview failed: ${(preview as Error).message}`);
    const changes = (preview as RunResult).steps.filter((s) => s.op !== "same" && s.type.startsWith("pulumi-nodejs:dynamic"));
    assert.deepEqual(ops(changes), [], `I3 (${after}): preview right after it shows changes: ${JSON.stringify(changes)}`);
}

class Up implements Command {
    constructor(readonly fault: Fault | undefined) {}
    check(): boolean {
        return true;
    }
    async run(m: Model, r: Real): Promise<void> {
        // After changes made outside Pulumi, a user runs `pulumi up --refresh` (without it, the engine plans
        // from the state it has, and the drift stays until the next refresh).
        if (m.drifted) {
            const refresh = await operation(r, m, "refresh (up --refresh)", () => r.engine.refresh());
            assert.ok(!(refresh instanceof Error), `refresh never fails (point 7): ${(refresh as Error).message}`);
            m.drifted = false;
        }
        const preview = await operation(r, m, "preview", () => r.engine.preview());
        const up = await operation(r, m, this.toString(), async () => {
            if (this.fault) inject(this.fault);
            try {
                return await r.engine.up();
            } finally {
                localCognito().clearHooks();
            }
        });
        // I5: what preview says is what up does.
        if (preview instanceof Error) {
            assert.ok(up instanceof Error, `I5: preview failed (${preview.message.split("\n")[0]}) but up succeeded: ${JSON.stringify(ops((up as RunResult).steps))}`);
            return;
        }
        if (!(up instanceof Error)) {
            assert.deepEqual(ops(up.steps), ops(preview.steps), "I5: up did other steps than preview showed");
            await settled(m, r, this.toString());
            return;
        }
        const steps: Step[] = (up as any).steps ?? [];
        const done = ops(steps);
        assert.deepEqual(done, ops(preview.steps).slice(0, done.length), `I5: up's steps before it failed are not preview's (${up.message.split("\n")[0]})`);
        if (!this.fault && !deleteRefused(up.message)) assert.fail(`I5: preview succeeded, but up failed with no fault injected: ${up.message}`);
        if (!this.fault) return;
        // I6: after a failed up, a refresh shows only what the failure left, and the next up converges.
        const refresh = await operation(r, m, "refresh after the failure", () => r.engine.refresh());
        assert.ok(!(refresh instanceof Error), `I6: refresh after a failed up failed: ${(refresh as Error).message}`);
        const again = await operation(r, m, "up again, no fault", () => r.engine.up());
        if (again instanceof Error) {
            if (deleteRefused(again.message)) return;
            assert.fail(`I6: the up after a failed one does not converge: ${again.message}`);
        }
        await settled(m, r, "the up after a failure");
    }
    toString(): string {
        return this.fault ? `up, ${this.fault.op} ${this.fault.kind === "lost" ? "answer lost after acting" : this.fault.kind}` : "up";
    }
}

/**
 * The stack as an earlier release wrote it: an `up` by that release (its UserPool class and its provider),
 * from an empty stack; the commands after it run this version on that state. 0.1.0 knew fewer members.
 */
const KNOWN_TO_0_1_0 = new Set(["poolName", "deletionProtection", "autoVerifiedAttributes", "schema", "userPoolTags", "usernameConfiguration", "allowReplacementWithUsers", "existingPoolId"]);
class UpWithRelease implements Command {
    constructor(readonly version: Release) {}
    check(m: Readonly<Model>): boolean {
        // Nothing marked secret: 0.2.0 wrote secrets into the state in plaintext (the bug this version fixes).
        return [...m.program.values()].every((d) => d.secrets.length === 0 && (this.version !== "0.1.0" || Object.keys(d.args).every((k) => KNOWN_TO_0_1_0.has(k))));
    }
    async run(m: Model, r: Real): Promise<void> {
        if (r.engine.state.size > 0) {
            r.log.push(`${this} (skipped: the stack is not empty)`);
            return;
        }
        r.engine.options = { ...r.engine.options, release: releaseDir(this.version) };
        try {
            const up = await operation(r, m, this.toString(), () => r.engine.up());
            // The earlier release's own answers are not what this version promises: only that it wrote a state.
            if (up instanceof Error) r.log.push(`  (${this.version} refused: ${up.message.split("\n")[0]})`);
        } finally {
            r.engine.options = { ...r.engine.options, release: undefined };
        }
    }
    toString(): string {
        return `up with ${this.version} (the state as ${this.version} writes it)`;
    }
}

class Refresh implements Command {
    check(): boolean {
        return true;
    }
    async run(m: Model, r: Real): Promise<void> {
        const refresh = await operation(r, m, "refresh", () => r.engine.refresh());
        assert.ok(!(refresh instanceof Error), `refresh never fails (point 7): ${(refresh as Error).message}`);
        m.drifted = false;
    }
    toString(): string {
        return "refresh";
    }
}

class Destroy implements Command {
    check(): boolean {
        return true;
    }
    async run(m: Model, r: Real): Promise<void> {
        const result = await operation(r, m, "destroy", () => r.engine.destroy());
        if (result instanceof Error) assert.ok(deleteRefused(result.message), `destroy failed for another reason than a guard: ${result.message}`);
    }
    toString(): string {
        return "destroy";
    }
}

function pick(pool: Props, keys: string[]): Props {
    return Object.fromEntries(keys.filter((k) => pool[k] !== undefined).map((k) => [k, pool[k]]));
}

// ---------------------------------------------------------------------------------------------

const name = fc.constantFrom<ResourceName>("a", "a", "b");

/**
 * The generator's versions: a regression (combinations.regressions.json) replays its seed and path through
 * the generator it was found with, so a change to what is generated is a new generation, and the old
 * ones stay as they were. 1: up to issue 21; 2: copyUsersOnReplacement, and faults on the copy's calls.
 */
export const GENERATION = 2;

/** Every command, weighted so that a sequence edits and applies, adds users, and changes things outside in about equal measure. */
export function commands(generation = GENERATION): fc.Arbitrary<Command>[] {
    const faultOps = generation >= 2 ? FAULT_OPS : FAULT_OPS.filter((op) => op !== "AdminCreateUser" && op !== "ListUsers");
    const fault: fc.Arbitrary<Fault> = fc.record({
        op: fc.constantFrom(...faultOps),
        kind: fc.constantFrom("500", "lost", "throttled", "denied") as fc.Arbitrary<Fault["kind"]>,
    });
    /** Most edits are applied at once (`pulumi up`), a quarter of those with a fault; the rest wait for more edits. */
    const then: fc.Arbitrary<Then> = fc.oneof(
        { weight: 1, arbitrary: fc.constant<Then>({ up: false }) },
        { weight: 3, arbitrary: fc.option(fault, { freq: 3 }).map<Then>((f) => ({ up: true, fault: f ?? undefined })) },
    );
    const applied = <C extends { then: Then }>(arb: fc.Arbitrary<C>): fc.Arbitrary<Command> =>
        fc.tuple(arb, then).map(([c, t]) => Object.assign(c, { then: t }) as unknown as Command);
    const member = fc.tuple(name, fc.nat(memberSamples.length - 1), fc.boolean()).map(([n, i, on]) => new SetMember(n, i, on));
    const users = fc.tuple(name, fc.constantFrom(1, 1, 2, -1)).map(([n, d]) => new Users(n, d));
    // Generation 2 also replaces pools twice as often (usernameConfiguration), so that copies happen.
    const copyUsers =
        generation >= 2
            ? [
                  ...[0, 1, 2].map(() => applied(fc.tuple(name, fc.boolean()).map(([n, on]) => new Flag(n, "copyUsersOnReplacement", on)))),
                  applied(fc.tuple(name, fc.boolean()).map(([n, c]) => new CaseSensitivity(n, c))),
                  ...[0, 1].map(() =>
                      applied(
                          fc
                              .tuple(name, fc.constantFrom("caseSensitive", "caseInsensitive", "email sign-in", "username sign-in") as fc.Arbitrary<ReplaceKeepingUsers["change"]>)
                              .map(([n, c]) => new ReplaceKeepingUsers(n, c)),
                      ),
                  ),
              ]
            : [];
    return [
        applied(name.map((n) => new Declare(n))),
        applied(name.map((n) => new Remove(n))),
        applied(member),
        applied(member),
        applied(member),
        applied(fc.tuple(name, fc.boolean()).map(([n, on]) => new Flag(n, "allowReplacementWithUsers", on))),
        applied(fc.tuple(name, fc.boolean()).map(([n, on]) => new Flag(n, "allowReplacementWithUsers", on))),
        ...copyUsers,
        applied(fc.tuple(name, fc.constantFrom("LITE", "ESSENTIALS", "PLUS", undefined)).map(([n, t]) => new Tier(n, t))),
        applied(fc.tuple(name, fc.constantFrom(...MFA)).map(([n, k]) => new Mfa(n, k))),
        applied(name.map((n) => new GrowSchema(n))),
        applied(fc.tuple(name, fc.boolean()).map(([n, c]) => new CaseSensitivity(n, c))),
        applied(fc.tuple(name, fc.nat(OPTIONS.length - 1)).map(([n, i]) => new Options(n, i))),
        applied(fc.tuple(name, fc.constantFrom(...SECRETS)).map(([n, k]) => new Secret(n, k))),
        applied(fc.tuple(name, fc.constantFrom("LITE", "ESSENTIALS", "PLUS")).map(([n, t]) => new Adopt(n, t))),
        applied(name.map((n) => new DropExisting(n))),
        fc.tuple(name, fc.constantFrom(...OUTSIDE)).map(([n, k]) => new Outside(n, k)),
        fc.tuple(name, fc.constantFrom(...OUTSIDE)).map(([n, k]) => new Outside(n, k)),
        users,
        users,
        users,
        fc.option(fault, { freq: 3 }).map((f) => new Up(f ?? undefined)),
        fc.constant(new Refresh()),
        fc.constant(new Destroy()),
        fc.constantFrom(...RELEASES).map((v) => new UpWithRelease(v)),
    ];
}
