// Every promise in every combination, point by point (the numbered points that the engine
// harness can play: the real dynamic-provider host, the engine's step rules; the points that need the
// CLI's own display, state file or events are in tests/engine/cli.test.ts). Each test is a combination of two
// features that have tests of their own, and each failed on the code before the fix.
import assert from "node:assert/strict";
import { join } from "node:path";
import {
    AdminCreateUserCommand,
    CognitoIdentityProviderClient,
    CreateUserPoolCommand,
    DeleteUserPoolCommand,
    DescribeUserPoolCommand,
    GetUserPoolMfaConfigCommand,
    UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { Engine, ResourceState, Step } from "../support/engine";
import { busiestSecond, localCognito } from "../support/localCognito";
import { repoRoot } from "../support/stacks";

type Props = Record<string, any>;
interface Pool {
    args: Props;
    options?: Props;
    secrets?: string[];
}

const client = () => new CognitoIdentityProviderClient({});
const rawPool = async (id: string) => (await client().send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool as Props;
const exists = (id: string) => rawPool(id).then(() => true, () => false);
const CONSENT_TAG = "pulumi-cognito-user-pool:replacement-consented";

/** A stack of the combinations program: the UserPools by name, each with its arguments, options and secret paths. */
function stack(pools: Record<string, Pool>): Engine {
    return new Engine({
        project: "cli-combinations",
        stack: "promises",
        program: join(repoRoot, "tests", "programs", "cli-combinations"),
        config: configOf(pools),
        secrets: (name) => pools[name]?.secrets ?? [],
    });
}
function configOf(pools: Record<string, Pool>): Record<string, string> {
    const list = Object.entries(pools).map(([name, p]) => ({ name, args: p.args, options: p.options ?? {}, secrets: p.secrets ?? [] }));
    return { "aws:region": "us-east-1", "cli-combinations:pools": JSON.stringify(list) };
}
function redeclare(engine: Engine, pools: Record<string, Pool>): void {
    engine.options = { ...engine.options, config: configOf(pools), secrets: (name) => pools[name]?.secrets ?? [] };
}
const entry = (engine: Engine, name: string): ResourceState => [...engine.state.values()].find((r) => r.dynamic && r.name === name)!;
const idOf = (engine: Engine, name: string) => entry(engine, name).id;
const ops = (steps: Step[]) => steps.filter((s) => s.type.includes("dynamic")).map((s) => `${s.op} ${s.name}`);

async function addUsers(id: string, count: number) {
    for (let i = 0; i < count; i++) {
        await client().send(new AdminCreateUserCommand({ UserPoolId: id, Username: `user${i}@example.com`, MessageAction: "SUPPRESS" }));
    }
}

describe("every promise in every combination, point by point", function () {
    this.timeout(120_000);
    const made: string[] = [];
    const engines: Engine[] = [];
    const track = (engine: Engine) => (engines.push(engine), engine);
    afterEach(async () => {
        localCognito().clearHooks();
        const ids = new Set(made.splice(0));
        for (const engine of engines.splice(0)) for (const r of [...engine.state.values(), ...engine.pendingDeletes]) if (r.dynamic) ids.add(r.id);
        for (const id of ids) {
            await client().send(new UpdateUserPoolCommand({ UserPoolId: id, DeletionProtection: "INACTIVE" })).catch(() => undefined);
            await client().send(new DeleteUserPoolCommand({ UserPoolId: id })).catch(() => undefined);
        }
    });

    describe("1. a withdrawn consent is withdrawn", () => {
        it("consent applied, users added, consent removed and applied: destroy is refused with the count, and no preview shows an update forever", async () => {
            const engine = track(stack({ a: { args: { allowReplacementWithUsers: true } } }));
            await engine.up();
            await addUsers(idOf(engine, "a"), 2);
            redeclare(engine, { a: { args: {} } });
            assert.deepEqual(ops((await engine.up()).steps), ["update a"]);
            assert.equal(entry(engine, "a").outputs.allowReplacementWithUsers, undefined, "the record holds only what the program applied");
            assert.deepEqual(ops((await engine.preview()).steps), ["same a"], "no update on every later preview");
            await assert.rejects(engine.destroy(), /Could not delete user pool "a" \(.+\): it has 2 users, whose accounts would be lost/);
            assert.equal(await exists(idOf(engine, "a")), true);
        });
    });

    describe("2. a consent covers exactly what it was given for", () => {
        it("(a) another pool's create finishing first puts no consent on a pool whose consented replacement then failed", async () => {
            const engine = track(stack({ a: { args: { usernameConfiguration: { caseSensitive: true } } } }));
            await engine.up();
            const oldA = idOf(engine, "a");
            await addUsers(oldA, 1);
            // b is new; a consents to its replacement, whose CreateUserPool waits until b's is done and then fails.
            redeclare(engine, {
                b: { args: {} },
                a: { args: { usernameConfiguration: { caseSensitive: false }, allowReplacementWithUsers: true } },
            });
            localCognito().onRequest((op, body) => (op === "CreateUserPool" && body.PoolName === "a" ? { delayMs: 1500 } : undefined));
            localCognito().onRequest((op, body) =>
                op === "CreateUserPool" && body.PoolName === "a" ? { status: 400, body: { __type: "AccessDeniedException", message: "injected" } } : undefined,
            );
            await assert.rejects(engine.up(), /AccessDeniedException/);
            localCognito().clearHooks();
            assert.equal(idOf(engine, "a"), oldA, "a still has its pool: the replacement never happened");
            assert.equal((await rawPool(oldA)).UserPoolTags?.[CONSENT_TAG], undefined, "no consent recorded on it");
            // The program then drops a (and its consent): its pool, with its user, is not deleted.
            redeclare(engine, { b: { args: {} } });
            await assert.rejects(engine.up(), /Could not delete user pool "a" \(.+\): it has 1 user/);
            assert.equal(await exists(oldA), true);
        });

        it("(b) a consent recorded by a replacement does not outlive a rollback: the old pool kept with `pulumi state delete` and adopted again keeps its users", async () => {
            const engine = track(stack({ a: { args: { usernameConfiguration: { caseSensitive: true } } } }));
            await engine.up();
            const oldA = idOf(engine, "a");
            await addUsers(oldA, 1);
            redeclare(engine, { a: { args: { usernameConfiguration: { caseSensitive: false }, allowReplacementWithUsers: true } } });
            let failed = false;
            localCognito().onRequest((op, body) => {
                if (op !== "DeleteUserPool" || body.UserPoolId !== oldA || failed) return undefined;
                failed = true;
                return { status: 400, body: { __type: "ConcurrentModificationException", message: "injected" } };
            });
            await assert.rejects(engine.up(), /ConcurrentModificationException/);
            assert.equal((await rawPool(oldA)).UserPoolTags?.[CONSENT_TAG] !== undefined, true, "the replacement recorded its consent");
            // `pulumi state delete` of the pending delete: the old pool is the user's again; a new UserPool adopts it.
            engine.pendingDeletes.splice(0);
            made.push(oldA);
            redeclare(engine, {
                a: { args: { usernameConfiguration: { caseSensitive: false }, allowReplacementWithUsers: true } },
                kept: { args: { existingPoolId: oldA, usernameConfiguration: { caseSensitive: true } } },
            });
            await engine.up();
            assert.equal(idOf(engine, "kept"), oldA);
            assert.equal((await rawPool(oldA)).UserPoolTags?.[CONSENT_TAG], undefined, "the adoption wiped the old consent");
            redeclare(engine, { a: { args: { usernameConfiguration: { caseSensitive: false }, allowReplacementWithUsers: true } } });
            await assert.rejects(engine.up(), /Could not delete user pool .*: it has 1 user/);
            assert.equal(await exists(oldA), true);
        });

        it("(c) a consent is the resource's, not its pool name's: another UserPool of the same name is not covered", async () => {
            const engine = track(stack({ a: { args: { poolName: "shared" } }, b: { args: { poolName: "shared" } } }));
            await engine.up();
            const a = idOf(engine, "a");
            await addUsers(a, 1);
            redeclare(engine, { b: { args: { poolName: "shared", allowReplacementWithUsers: true } } });
            await assert.rejects(engine.up(), /Could not delete user pool "shared" \(.+\): it has 1 user/);
            assert.equal(await exists(a), true);
        });
    });

    describe("2. pending deletes: what a replacement's consent covers in later runs", () => {
        const failDeleteOnce = (id: string) => {
            let failed = false;
            localCognito().onRequest((op, body) => {
                if (op !== "DeleteUserPool" || body.UserPoolId !== id || failed) return undefined;
                failed = true;
                return { status: 400, body: { __type: "ConcurrentModificationException", message: "injected" } };
            });
        };

        it("a consented replacement whose old pool's delete failed is deleted by the next up, in a new process", async () => {
            const engine = track(stack({ a: { args: { usernameConfiguration: { caseSensitive: true } } } }));
            await engine.up();
            const oldId = idOf(engine, "a");
            await addUsers(oldId, 2);
            redeclare(engine, { a: { args: { usernameConfiguration: { caseSensitive: false }, allowReplacementWithUsers: true } } });
            failDeleteOnce(oldId);
            await assert.rejects(engine.up(), /ConcurrentModificationException/);
            assert.deepEqual(engine.pendingDeletes.map((r) => r.id), [oldId], "the old pool is pending deletion");
            await engine.up();
            assert.deepEqual(engine.pendingDeletes, []);
            assert.equal(await exists(oldId), false, "the next up deleted it: the consent outlived the process");
        });

        it("a consent withdrawn before the pending delete is retried is withdrawn: the old pool and its users stay, even at destroy", async () => {
            const engine = track(stack({ a: { args: { usernameConfiguration: { caseSensitive: true } } } }));
            await engine.up();
            const oldId = idOf(engine, "a");
            await addUsers(oldId, 2);
            redeclare(engine, { a: { args: { usernameConfiguration: { caseSensitive: false }, allowReplacementWithUsers: true } } });
            failDeleteOnce(oldId);
            await assert.rejects(engine.up(), /ConcurrentModificationException/);
            redeclare(engine, { a: { args: { usernameConfiguration: { caseSensitive: false } } } });
            await assert.rejects(engine.up(), /Could not delete user pool .*: it has 2 users, whose accounts would be lost/);
            assert.deepEqual(engine.pendingDeletes.map((r) => r.id), [oldId], "still pending deletion");
            assert.equal((await rawPool(oldId)).UserPoolTags?.[CONSENT_TAG], undefined, "the consent recorded on it is withdrawn too");
            await assert.rejects(engine.destroy(), /has 2 users, whose accounts would be lost/);
            assert.equal(await exists(oldId), true, "nothing honours a consent the program withdrew");
        });

        it("a delete left pending without consent is refused (at destroy too), and deleted once the UserPool that replaced it consents", async () => {
            const engine = track(stack({ a: { args: { usernameConfiguration: { caseSensitive: true } } } }));
            await engine.up();
            const oldId = idOf(engine, "a");
            redeclare(engine, { a: { args: { usernameConfiguration: { caseSensitive: false } } } });
            // A user signs up between the replacement's guard (no users then) and the old pool's deletion.
            let signedUp = false;
            localCognito().onRequest((op) => {
                if (op !== "CreateUserPool" || signedUp) return undefined;
                signedUp = true;
                void addUsers(oldId, 1);
                return { delayMs: 500 };
            });
            await assert.rejects(engine.up(), /Could not delete user pool .*: it has 1 user, whose accounts would be lost/);
            assert.deepEqual(engine.pendingDeletes.map((r) => r.id), [oldId], "the old pool, with its new user, is pending deletion");
            assert.equal((await rawPool(oldId)).UserPoolTags?.[CONSENT_TAG], undefined, "no consent was recorded: none was given");
            await assert.rejects(engine.up(), /has 1 user, whose accounts would be lost/);
            // Removed from the program and destroyed: the pending pool's own record does not consent.
            const pending = engine.pendingDeletes[0];
            await assert.rejects(engine.destroy(), /has 1 user, whose accounts would be lost/);
            assert.equal(await exists(oldId), true);
            engine.pendingDeletes.splice(0, engine.pendingDeletes.length, pending);
            redeclare(engine, { a: { args: { usernameConfiguration: { caseSensitive: false }, allowReplacementWithUsers: true } } });
            await engine.up();
            assert.deepEqual(engine.pendingDeletes, []);
            assert.equal(await exists(oldId), false);
        });

        it("a replacement that needed no consent (no users then), left pending by another resource's failure, records none: users who sign up later stop its delete, at destroy too", async () => {
            const engine = track(stack({ a: { args: { usernameConfiguration: { caseSensitive: true } } } }));
            await engine.up();
            const oldId = idOf(engine, "a");
            redeclare(engine, { a: { args: { usernameConfiguration: { caseSensitive: false } } }, b: { args: {} } });
            // b's create fails: the run ends before a's old pool is deleted (the engine leaves it pending).
            localCognito().onRequest((op, body) => (op === "CreateUserPool" && body.PoolName === "b" ? { status: 400, body: { __type: "AccessDeniedException", message: "injected" } } : undefined));
            await assert.rejects(engine.up(), /injected/);
            localCognito().clearHooks();
            assert.deepEqual(engine.pendingDeletes.map((r) => r.id), [oldId], "the old pool is pending deletion");
            assert.equal((await rawPool(oldId)).UserPoolTags?.[CONSENT_TAG], undefined, "no consent was recorded: none was given");
            await addUsers(oldId, 1);
            await assert.rejects(engine.destroy(), /has 1 user, whose accounts would be lost/);
            assert.equal(await exists(oldId), true, "the user's pool stays");
        });

        it("a schema change Cognito cannot make is a replacement with replaceOnSchemaChange, guarded like any other", async () => {
            const tenant = { name: "tenant", attributeDataType: "String", mutable: true };
            const engine = track(stack({ a: { args: { schema: [tenant], replaceOnSchemaChange: true } } }));
            await engine.up();
            const oldId = idOf(engine, "a");
            await addUsers(oldId, 1);
            redeclare(engine, { a: { args: { schema: [{ ...tenant, mutable: false }], replaceOnSchemaChange: true } } });
            await assert.rejects(engine.preview(), /has 1 user, and this change replaces it: schema: attribute 'tenant': mutable is true in the pool/);
            redeclare(engine, { a: { args: { schema: [{ ...tenant, mutable: false }], replaceOnSchemaChange: true, allowReplacementWithUsers: true } } });
            const up = await engine.up();
            assert.deepEqual(ops(up.steps), ["replace a"]);
            assert.equal(await exists(oldId), false);
        });
    });

    describe("4. a tier and its features in one change", () => {
        it("a LITE pool raising its tier and turning on passkeys in one up: the tier first, then SetUserPoolMfaConfig", async () => {
            const engine = track(stack({ a: { args: { userPoolTier: "LITE" } } }));
            await engine.up();
            redeclare(engine, { a: { args: { userPoolTier: "ESSENTIALS", webAuthnConfiguration: { relyingPartyId: "auth.example.com" } } } });
            localCognito().resetCalls();
            await engine.up();
            const writes = localCognito().calls().filter((c) => ["UpdateUserPool", "SetUserPoolMfaConfig"].includes(c));
            assert.deepEqual(writes, ["UpdateUserPool", "SetUserPoolMfaConfig"]);
            const mfa = await client().send(new GetUserPoolMfaConfigCommand({ UserPoolId: idOf(engine, "a") }));
            assert.equal(mfa.WebAuthnConfiguration?.RelyingPartyId, "auth.example.com");
            assert.deepEqual(ops((await engine.preview()).steps), ["same a"]);
        });

        it("a LITE pool with TOTP: after a refresh, an MFA change sends no WebAuthnConfiguration the program did not declare", async () => {
            const totp = { userPoolTier: "LITE", mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } };
            const engine = track(stack({ a: { args: totp } }));
            await engine.up();
            await engine.refresh();
            redeclare(engine, { a: { args: { ...totp, mfaConfiguration: "ON" } } });
            const sent: Props[] = [];
            localCognito().onRequest((op, body) => (op === "SetUserPoolMfaConfig" ? (sent.push(body), undefined) : undefined));
            await engine.up();
            assert.equal(sent.length, 1);
            assert.equal(sent[0].WebAuthnConfiguration, undefined, JSON.stringify(sent[0]));
        });

        it("adopting a LITE pool while declaring a feature its tier lacks fails at preview, naming the kept tier", async () => {
            const lite = (await client().send(new CreateUserPoolCommand({ PoolName: "lite-adopted", UserPoolTier: "LITE" }))).UserPool!;
            made.push(lite.Id!);
            const engine = track(stack({ a: { args: { existingPoolId: lite.Id, policies: { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] } } } } }));
            localCognito().resetCalls();
            await assert.rejects(engine.preview(), /passwordless sign-in .* needs the ESSENTIALS tier, but userPoolTier is "LITE".*adopted pool keeps/);
            assert.deepEqual(localCognito().calls().filter((c) => !c.startsWith("Describe") && !c.startsWith("Get")), [], "nothing written");
        });

        it("a LITE pool whose tier the program does not declare: a feature of a higher tier fails at preview (the pool's tier, not a new pool's)", async () => {
            const engine = track(stack({ a: { args: { userPoolTier: "LITE" } } }));
            await engine.up();
            // The program stops declaring the tier (the pool keeps LITE) and turns on password history.
            redeclare(engine, { a: { args: { policies: { passwordPolicy: { passwordHistorySize: 3 } } } } });
            await assert.rejects(engine.preview(), /password history .* needs the ESSENTIALS tier, but the pool's tier is LITE/);
        });
    });

    describe("5. a failed change taken back is no change", () => {
        it("AddCustomAttributes refused, the attribute removed from the program again: preview shows no refusal, and up converges", async () => {
            const tenant = { name: "tenant", attributeDataType: "String", mutable: true };
            const engine = track(stack({ a: { args: { schema: [tenant] } } }));
            await engine.up();
            redeclare(engine, { a: { args: { schema: [tenant, { name: "plan", attributeDataType: "String", mutable: true }] } } });
            localCognito().onRequest((op) => (op === "AddCustomAttributes" ? { status: 400, body: { __type: "AccessDeniedException", message: "injected: no cognito-idp:AddCustomAttributes" } } : undefined));
            await assert.rejects(engine.up(), /AccessDeniedException/);
            localCognito().clearHooks();
            redeclare(engine, { a: { args: { schema: [tenant] } } });
            const preview = await engine.preview();
            assert.deepEqual(ops(preview.steps), ["update a"], "the failed update is retried (the engine's initErrors), with nothing to refuse");
            await engine.up();
            assert.deepEqual(ops((await engine.preview()).steps), ["same a"]);
        });
    });

    describe("7. refresh never fails for a guard", () => {
        for (const [what, args, guard] of [
            ["a pool with users", {}, /has 1 user, and this change replaces it/],
            ["a pool with deletion protection", { deletionProtection: "ACTIVE" }, /deletion protection ACTIVE, and this change replaces it/],
        ] as const) {
            it(`replaceOnChanges over a setting changed outside Pulumi, on ${what}: refresh records the drift; up refuses`, async () => {
                const engine = track(stack({ a: { args: { ...args, policies: { passwordPolicy: { minimumLength: 10 } } }, options: { replaceOnChanges: ["policies"] } } }));
                await engine.up();
                const id = idOf(engine, "a");
                await addUsers(id, 1);
                const pool = await rawPool(id);
                await client().send(new UpdateUserPoolCommand({ UserPoolId: id, DeletionProtection: pool.DeletionProtection, Policies: { PasswordPolicy: { ...pool.Policies.PasswordPolicy, MinimumLength: 14 } } }));
                const refresh = await engine.refresh();
                assert.deepEqual(ops(refresh), ["refresh a"], "the drift is recorded");
                assert.equal(entry(engine, "a").outputs.policies.passwordPolicy.minimumLength, 14);
                await assert.rejects(engine.up(), guard);
                assert.equal(await exists(id), true);
            });
        }
    });

    describe("8. adoption never loses the adopted pool", () => {
        it("a replacement of an adopting UserPool (replaceOnChanges, or an immutable setting) is refused at preview with the reason; the pool stays", async () => {
            const outside = (await client().send(new CreateUserPoolCommand({ PoolName: "adopted" }))).UserPool!;
            made.push(outside.Id!);
            const engine = track(stack({ a: { args: { existingPoolId: outside.Id, policies: { passwordPolicy: { minimumLength: 10 } } }, options: { replaceOnChanges: ["policies"] } } }));
            await engine.up();
            assert.equal(idOf(engine, "a"), outside.Id);
            for (const args of [
                { existingPoolId: outside.Id, policies: { passwordPolicy: { minimumLength: 12 } } },
                { existingPoolId: outside.Id, policies: { passwordPolicy: { minimumLength: 10 } }, usernameConfiguration: { caseSensitive: false } },
            ]) {
                redeclare(engine, { a: { args, options: { replaceOnChanges: ["policies"], deleteBeforeReplace: true } } });
                await assert.rejects(engine.preview(), /was adopted \(existingPoolId\), and this change replaces it: .*would adopt the same pool again and then delete it/);
                await assert.rejects(engine.up(), /would adopt the same pool again/);
                assert.equal(await exists(outside.Id!), true);
            }
        });

        it("adopting a pool whose setting Cognito cannot change differs from the declaration is refused at preview, as up refuses it (found by the soak)", async () => {
            // A pool made without a username configuration reports none; this UserPool declares one.
            const outside = (await client().send(new CreateUserPoolCommand({ PoolName: "no-username-configuration", UserPoolTier: "LITE" }))).UserPool!;
            made.push(outside.Id!);
            const engine = track(stack({ b: { args: { existingPoolId: outside.Id, usernameConfiguration: { caseSensitive: false } } } }));
            await assert.rejects(engine.preview(), /Cannot adopt user pool .*: its settings differ .*\n  - usernameConfiguration differs, and Cognito cannot change it/);
            await assert.rejects(engine.up(), /Cannot adopt user pool/);
            assert.equal(engine.state.size === 0 || !entry(engine, "b"), true, "nothing recorded");
            assert.equal(await exists(outside.Id!), true);
        });

        it("removing existingPoolId after the adoption keeps the pool's name; changing it to another pool is refused at preview", async () => {
            const outside = (await client().send(new CreateUserPoolCommand({ PoolName: "their-name" }))).UserPool!;
            const other = (await client().send(new CreateUserPoolCommand({ PoolName: "another" }))).UserPool!;
            made.push(outside.Id!, other.Id!);
            const engine = track(stack({ a: { args: { existingPoolId: outside.Id } } }));
            await engine.up();
            redeclare(engine, { a: { args: {} } });
            await engine.up();
            assert.equal((await rawPool(outside.Id!)).Name, "their-name", "not renamed after the resource");
            assert.deepEqual(ops((await engine.preview()).steps), ["same a"]);
            redeclare(engine, { a: { args: { existingPoolId: other.Id } } });
            await assert.rejects(engine.preview(), /existingPoolId is .*, but this UserPool manages user pool .*: nothing was changed/);
            assert.equal((await rawPool(other.Id!)).Name, "another");
        });
    });

    describe("9. removing a setting does what the README says", () => {
        it("email MFA removed (MFA off): off in one up, and no update on any later run", async () => {
            const ses = { emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com" };
            const engine = track(stack({ a: { args: { emailConfiguration: ses, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: { message: "Code {####}" } } } }));
            await engine.up();
            redeclare(engine, { a: { args: { emailConfiguration: ses } } });
            await engine.up();
            const mfa = await client().send(new GetUserPoolMfaConfigCommand({ UserPoolId: idOf(engine, "a") }));
            assert.equal(mfa.EmailMfaConfiguration, undefined);
            assert.equal(mfa.MfaConfiguration, "OFF");
            assert.deepEqual(ops((await engine.preview()).steps), ["same a"]);
            await engine.refresh();
            assert.deepEqual(ops((await engine.preview()).steps), ["same a"]);
        });

        it("email MFA removed beside TOTP (MFA stays on): only the email factor goes", async () => {
            const ses = { emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com" };
            const totp = { emailConfiguration: ses, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } };
            const engine = track(stack({ a: { args: { ...totp, emailMfaConfiguration: {} } } }));
            await engine.up();
            redeclare(engine, { a: { args: totp } });
            await engine.up();
            const mfa = await client().send(new GetUserPoolMfaConfigCommand({ UserPoolId: idOf(engine, "a") }));
            assert.equal(mfa.EmailMfaConfiguration, undefined);
            assert.equal(mfa.SoftwareTokenMfaConfiguration?.Enabled, true);
            await engine.refresh();
            assert.deepEqual(ops((await engine.preview()).steps), ["same a"]);
        });
    });

    describe("11. never more than 15 calls in any second, from a provider host's first call", () => {
        it("30 pools created by a new host at the default limit, its first calls slow to arrive: at most 15 in any second, measured at Cognito", async () => {
            const pools = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`p${i}`, { args: {} }]));
            const engine = track(stack(pools));
            localCognito().resetCalls();
            // A host's first calls leave late (the SDK loads, resolves credentials, opens connections) while
            // the limit counts them as sent: here they take 250 ms to arrive, the later ones none.
            let first = 5;
            localCognito().onTransit(() => (first-- > 0 ? 250 : undefined));
            await engine.up();
            const times = localCognito().callTimes();
            const busiest = busiestSecond(times, true);
            console.log(`      ${times.length} calls in ${((times[times.length - 1] - times[0]) / 1000).toFixed(1)} s; busiest second ${busiest}`);
            assert.ok(busiest <= 15, `${busiest} calls in one second`);
        });
    });

    describe("what else the fixes rest on", () => {
        it("passkeys declared stay on through a change of another MFA factor (the whole MFA configuration goes every time)", async () => {
            const passkeys = { webAuthnConfiguration: { relyingPartyId: "auth.example.com" } };
            const engine = track(stack({ a: { args: passkeys } }));
            await engine.up();
            redeclare(engine, { a: { args: { ...passkeys, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } } } });
            await engine.up();
            const mfa = await client().send(new GetUserPoolMfaConfigCommand({ UserPoolId: idOf(engine, "a") }));
            assert.equal(mfa.WebAuthnConfiguration?.RelyingPartyId, "auth.example.com");
            assert.equal(mfa.SoftwareTokenMfaConfiguration?.Enabled, true);
            assert.deepEqual(ops((await engine.preview()).steps), ["same a"]);
        });

        it("replaceOnChanges names a path: a change beside it (lambdaConfig.postConfirmation beside .preSignUp) is an update", async () => {
            const lambda = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
            const options = { replaceOnChanges: ["lambdaConfig.preSignUp"] };
            const engine = track(stack({ a: { args: { lambdaConfig: { preSignUp: lambda("pre") } }, options } }));
            await engine.up();
            redeclare(engine, { a: { args: { lambdaConfig: { preSignUp: lambda("pre"), postConfirmation: lambda("post") } }, options } });
            assert.deepEqual(ops((await engine.preview()).steps), ["update a"]);
            redeclare(engine, { a: { args: { lambdaConfig: { preSignUp: lambda("pre2"), postConfirmation: lambda("post") } }, options } });
            assert.deepEqual(ops((await engine.preview()).steps), ["replace a"]);
        });

        it("an adoption's record survives a refresh, and its notes quote no value the program marked secret", async () => {
            const outside = (await client().send(new CreateUserPoolCommand({ PoolName: "plain-name", DeletionProtection: "ACTIVE" }))).UserPool!;
            made.push(outside.Id!);
            const engine = track(stack({ a: { args: { existingPoolId: outside.Id, poolName: "secret-adopted-name" }, secrets: ["poolName"] } }));
            await engine.up();
            const adopted = entry(engine, "a").outputs.adopted;
            assert.deepEqual(adopted.kept.includes("deletionProtection"), true);
            assert.ok(adopted.changes.some((c: string) => c === "poolName: changed (the value is secret)"), JSON.stringify(adopted));
            assert.ok(!JSON.stringify(engine.plaintextState()).includes("secret-adopted-name"));
            await engine.refresh();
            assert.deepEqual(entry(engine, "a").outputs.adopted, adopted, "a refresh keeps the record of the adoption");
            assert.deepEqual(entry(engine, "a").inputs.adopted, adopted);
            assert.deepEqual(ops((await engine.preview()).steps), ["same a"]);
            assert.equal((await rawPool(outside.Id!)).DeletionProtection, "ACTIVE", "what the adoption kept is kept");
        });
    });

    describe("the combinations' own finds", () => {
        it("email MFA and DEVELOPER email turned on in one change: UpdateUserPool first, then SetUserPoolMfaConfig", async () => {
            const engine = track(stack({ a: { args: {} } }));
            await engine.up();
            const ses = { emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com" };
            redeclare(engine, { a: { args: { emailConfiguration: ses, mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {} } } });
            await engine.up();
            const mfa = await client().send(new GetUserPoolMfaConfigCommand({ UserPoolId: idOf(engine, "a") }));
            assert.ok(mfa.EmailMfaConfiguration, "email MFA is on");
            assert.deepEqual(ops((await engine.preview()).steps), ["same a"]);
        });

        it("a declared attribute and pool name marked secret later (a change Cognito never sees): the next up rewrites the record, and nothing stored quotes them", async () => {
            const args = { poolName: "plainname7", schema: [{ name: "plain7", attributeDataType: "String", mutable: true }] };
            const engine = track(stack({ a: { args } }));
            await engine.up();
            redeclare(engine, { a: { args, secrets: ["schema", "poolName"] } });
            assert.deepEqual(ops((await engine.preview()).steps), ["update a"], "the record must follow the program");
            await engine.up();
            await engine.refresh();
            const stored = JSON.stringify(engine.plaintextState());
            for (const secret of ["plain7", "plainname7"]) assert.ok(!stored.includes(secret), `${secret} in plaintext: ${stored}`);
            assert.deepEqual(ops((await engine.preview()).steps), ["same a"]);
        });

        it("an attribute marked secret stays out of schemaAttributes through an update that reads nothing back", async () => {
            const engine = track(stack({ a: { args: { schema: [{ name: "hidden1", attributeDataType: "String", mutable: true }] }, secrets: ["schema"] } }));
            await engine.up();
            redeclare(engine, {
                a: { args: { schema: [{ name: "hidden1", attributeDataType: "String", mutable: true }], mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } }, secrets: ["schema"] },
            });
            await engine.up();
            await engine.refresh();
            assert.ok(!JSON.stringify(engine.plaintextState()).includes("hidden1"), JSON.stringify(engine.plaintextState()));
            assert.deepEqual(ops((await engine.preview()).steps), ["same a"]);
        });
    });
});
