// Lose nothing, hang never: what a review found in adoption, the user guard, partial failures, create
// recovery, tags, SMS MFA, settings, nulls, legacy texts and sets. Each test names the behaviour it
// holds; each failed on the code before the fix (the closing note of the issue lists them).
import assert from "node:assert/strict";
import { join } from "node:path";
import {
    AdminCreateUserCommand,
    CognitoIdentityProviderClient,
    CreateUserPoolCommand,
    DescribeUserPoolCommand,
    GetUserPoolMfaConfigCommand,
    ListUserPoolsCommand,
    SetUserPoolMfaConfigCommand,
    UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { currentSettings, ProviderSettings, useSettings } from "../../provider/cognito/client";
import { provider } from "../support/engineOrder";
import { userPoolProperties } from "../../provider/pool/properties";
import { Engine, Step } from "../support/engine";
import { userTags } from "../support/expect";
import { localCognito } from "../support/localCognito";
import { repoRoot } from "../support/stacks";

type Props = Record<string, any>;
const client = () => new CognitoIdentityProviderClient({});
const rawPool = async (id: string) => (await client().send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool as Props;
const plan = (steps: Step[]) => steps.map((s) => `${s.op} ${s.name}`);
const poolStep = (steps: Step[]) => steps.find((s) => s.name === "pool")!;
const poolsNamed = async (name: string) =>
    ((await client().send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools ?? []).filter((p) => p.Name === name);
const ARN = {
    lambda: "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up",
    role: "arn:aws:iam::123456789012:role/cognito-sms",
};

function stack(inputs: Props, extra: Record<string, string> = {}): Engine {
    return new Engine({
        project: "declared",
        stack: "test",
        program: join(repoRoot, "tests", "programs", "declared"),
        config: { "declared:inputs": JSON.stringify(inputs), ...extra },
    });
}
function redeclare(engine: Engine, inputs: Props, extra: Record<string, string> = {}) {
    engine.options = { ...engine.options, config: { "declared:inputs": JSON.stringify(inputs), ...extra } };
}
const poolIdOf = (engine: Engine) => [...engine.state.values()].find((r) => r.dynamic)!.id;
const stateOf = (engine: Engine) => [...engine.state.values()].find((r) => r.dynamic)!;

async function addUsers(id: string, count: number) {
    for (let i = 0; i < count; i++) await client().send(new AdminCreateUserCommand({ UserPoolId: id, Username: `user${i}@example.com` }));
}

/** Records the requests of one operation while letting them through. */
function recordRequests(op: string): Props[] {
    const seen: Props[] = [];
    localCognito().onRequest((name, body) => {
        if (name === op) seen.push(structuredClone(body));
        return undefined;
    });
    return seen;
}

describe("lose nothing, hang never", function () {
    this.timeout(90_000);
    const engines: Engine[] = [];
    const track = (engine: Engine) => (engines.push(engine), engine);
    afterEach(async () => {
        localCognito().clearHooks();
        localCognito().reportSetsReversed(false);
        for (const engine of engines.splice(0)) {
            for (const entry of engine.state.values()) {
                if (!entry.dynamic) continue;
                await client().send(new UpdateUserPoolCommand({ UserPoolId: entry.id, DeletionProtection: "INACTIVE" })).catch(() => undefined);
                entry.outputs.allowReplacementWithUsers = true;
            }
            await engine.destroy().catch(() => undefined);
        }
    });

    describe("1. adoption keeps what the program leaves out", () => {
        async function protectedPoolWithTriggerAndTotp(name: string): Promise<string> {
            const pool = (await client().send(new CreateUserPoolCommand({
                PoolName: name,
                DeletionProtection: "ACTIVE",
                LambdaConfig: { PreSignUp: ARN.lambda },
                AutoVerifiedAttributes: ["email"],
            }))).UserPool!;
            await client().send(new SetUserPoolMfaConfigCommand({ UserPoolId: pool.Id!, MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: true } }));
            return pool.Id!;
        }

        it("preview shows what is kept and what changes; up keeps deletion protection, the trigger, MFA and the name", async () => {
            const id = await protectedPoolWithTriggerAndTotp("legacy-adopted");
            const declared = { existingPoolId: id, policies: { passwordPolicy: { minimumLength: 12 } } };
            const checked = await provider.check!({}, declared);
            assert.deepEqual(checked.failures, []);
            const adopted = checked.inputs.adopted;
            assert.equal(adopted.poolId, id);
            for (const kept of ["poolName", "deletionProtection", "lambdaConfig", "autoVerifiedAttributes", "mfaConfiguration", "softwareTokenMfaConfiguration"]) {
                assert.ok(adopted.kept.includes(kept), `${kept} kept: ${adopted.kept}`);
            }
            assert.deepEqual(adopted.changes, ["policies.passwordPolicy.minimumLength: the pool has 8; this UserPool sets 12"]);
            assert.equal(checked.inputs.deletionProtection, "ACTIVE", "the kept value is in the inputs preview shows");

            const engine = track(stack(declared));
            await engine.up();
            assert.equal(poolIdOf(engine), id);
            const pool = await rawPool(id);
            assert.equal(pool.Name, "legacy-adopted", "adopting does not rename the pool");
            assert.equal(pool.DeletionProtection, "ACTIVE");
            assert.equal(pool.LambdaConfig.PreSignUp, ARN.lambda);
            assert.deepEqual(pool.AutoVerifiedAttributes, ["email"]);
            assert.equal(pool.Policies.PasswordPolicy.MinimumLength, 12);
            const mfa = await client().send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }));
            assert.equal(mfa.MfaConfiguration, "OPTIONAL");
            assert.equal(mfa.SoftwareTokenMfaConfiguration?.Enabled, true);
            // Later runs keep them too, until the program declares them.
            assert.deepEqual(plan((await engine.preview()).steps), ["same pool"]);
            await engine.refresh();
            assert.deepEqual(plan((await engine.preview()).steps), ["same pool"]);
            redeclare(engine, { ...declared, deletionProtection: "INACTIVE" });
            assert.deepEqual(poolStep((await engine.up()).steps).changed, ["deletionProtection"]);
            assert.equal((await rawPool(id)).DeletionProtection, "INACTIVE");
            assert.equal((await rawPool(id)).LambdaConfig.PreSignUp, ARN.lambda, "the trigger is still kept");
        });

        it("adoptionResetsUndeclared resets the rest, but never switches off deletion protection, triggers or MFA", async () => {
            const id = await protectedPoolWithTriggerAndTotp("legacy-reset");
            const engine = track(stack({ existingPoolId: id, adoptionResetsUndeclared: true }));
            await engine.up();
            const pool = await rawPool(id);
            assert.deepEqual(pool.AutoVerifiedAttributes ?? [], [], "an undeclared setting is reset");
            assert.equal(pool.DeletionProtection, "ACTIVE");
            assert.equal(pool.LambdaConfig.PreSignUp, ARN.lambda);
            assert.equal((await client().send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }))).SoftwareTokenMfaConfiguration?.Enabled, true);
        });
    });

    it("2. the user guard counts users live: users who signed up since the last refresh stop a replacement at preview", async () => {
        const engine = track(stack({ usernameConfiguration: { caseSensitive: true } }));
        await engine.up();
        const id = poolIdOf(engine);
        assert.equal(stateOf(engine).outputs.estimatedNumberOfUsers, 0, "the state says 0 users");
        await addUsers(id, 2);
        redeclare(engine, { usernameConfiguration: { caseSensitive: false } });
        await assert.rejects(engine.preview(), /has 2 users, and this change replaces it: usernameConfiguration cannot change/);
        await assert.rejects(engine.up(), /has 2 users/);
        assert.equal(poolIdOf(engine), id, "no new pool in the stack");
        assert.equal((await poolsNamed("pool")).filter((p) => p.Id !== id).length, 0, "no new pool in Cognito");
    });

    describe("3. a partial failure records what Cognito holds, and the next up retries the failed step", () => {
        it("UpdateUserPool failing after AddCustomAttributes succeeded", async () => {
            const engine = track(stack({ schema: [{ name: "tenant", attributeDataType: "String", mutable: true }] }));
            await engine.up();
            const declared = {
                schema: [{ name: "tenant", attributeDataType: "String", mutable: true }, { name: "plan", attributeDataType: "String", mutable: true }],
                deviceConfiguration: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: true },
            };
            redeclare(engine, declared);
            localCognito().onRequest((op) => (op === "UpdateUserPool" ? { status: 400, body: { __type: "InvalidParameterException", message: "injected" } } : undefined));
            await assert.rejects(engine.up(), /Could not update user pool "pool" .*: InvalidParameterException: injected/);
            const recorded = stateOf(engine).outputs;
            assert.equal(recorded.deviceConfiguration, undefined, "the failed setting is not recorded as applied");
            assert.ok(recorded.schema.some((a: Props) => a.name === "plan"), "the attribute that was added is recorded");
            localCognito().clearHooks();
            const preview = await engine.preview();
            // The engine stored the new inputs with the failure, so its own display shows no changed input;
            // the provider's diff still says what is left to do.
            assert.deepEqual(poolStep(preview.steps).op, "update");
            await engine.up();
            assert.deepEqual((await rawPool(poolIdOf(engine))).DeviceConfiguration, { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true });
            assert.deepEqual(plan((await engine.preview()).steps), ["same pool"]);
        });

        it("SetUserPoolMfaConfig failing: TOTP is recorded off, and the next up turns it on", async () => {
            const engine = track(stack({}));
            await engine.up();
            redeclare(engine, { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } });
            localCognito().onRequest((op) => (op === "SetUserPoolMfaConfig" ? { status: 400, body: { __type: "InvalidParameterException", message: "injected" } } : undefined));
            await assert.rejects(engine.up(), /Could not set the MFA configuration of user pool "pool" .*: InvalidParameterException: injected/);
            assert.deepEqual(stateOf(engine).outputs.softwareTokenMfaConfiguration, { enabled: false });
            localCognito().clearHooks();
            assert.equal(poolStep((await engine.preview()).steps).op, "update");
            await engine.up();
            assert.equal((await client().send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolIdOf(engine) }))).SoftwareTokenMfaConfiguration?.Enabled, true);
        });

        it("when the read after the failure fails too, the previous outputs stand in: the ARN is kept", async () => {
            const { id, outs } = await provider.create({ poolName: "partial-arn" });
            let failing = false;
            localCognito().onRequest((op) => {
                if (op === "UpdateUserPool") {
                    failing = true;
                    return { status: 400, body: { __type: "InvalidParameterException", message: "injected" } };
                }
                return failing && (op === "DescribeUserPool" || op === "GetUserPoolMfaConfig")
                    ? { status: 400, body: { __type: "AccessDeniedException", message: "denied" } }
                    : undefined;
            });
            await assert.rejects(provider.update!(id, outs, { poolName: "partial-arn", deletionProtection: "ACTIVE" }), (err: any) => {
                assert.equal(err.properties.arn, outs.arn);
                assert.equal(err.properties.deletionProtection, "INACTIVE", "the previous value, not the declared one");
                return true;
            });
            localCognito().clearHooks();
            await provider.delete!(id, outs);
        });
    });

    describe("5. create recovery never makes a second pool on doubt, and matches on the token", () => {
        let saved: ProviderSettings;
        before(() => {
            saved = currentSettings();
            useSettings({ ...saved, retryBaseDelayMs: 20, requestTimeoutMs: 700, maxAttempts: 4, requestsPerSecond: 100 });
        });
        after(() => useSettings(saved));

        it("a lost create whose lookup is denied ends in a clear error with the token, and exactly one pool", async () => {
            let created = false;
            localCognito().onRequest((op) => {
                if (op === "CreateUserPool" && !created) {
                    created = true;
                    return { after: "drop" };
                }
                return op === "ListUserPools" ? { status: 400, body: { __type: "AccessDeniedException", message: "not allowed: cognito-idp:ListUserPools" } } : undefined;
            });
            await assert.rejects(provider.create({ poolName: "denied-lookup" }), (err: Error) => {
                assert.match(err.message, /Could not create user pool "denied-lookup": the answer was lost/);
                assert.match(err.message, /AccessDeniedException/);
                assert.match(err.message, /Nothing was sent again/);
                assert.match(err.message, /pulumi-cognito-user-pool:create-token = [0-9a-f-]{36}/);
                assert.match(err.message, /existingPoolId/);
                assert.doesNotMatch(err.message, /\n\s+at /, "no stack trace");
                return true;
            });
            localCognito().clearHooks();
            const pools = await poolsNamed("denied-lookup");
            assert.equal(pools.length, 1, "exactly the pool the lost call made");
            await provider.delete!(pools[0].Id!, {});
        });

        it("a stalled create (no answer at all) is abandoned at the deadline and recovered: one pool", async () => {
            let stalled = false;
            localCognito().onRequest((op) => {
                if (op !== "CreateUserPool" || stalled) return undefined;
                stalled = true;
                return { after: "stall" };
            });
            const started = Date.now();
            const { id } = await provider.create({ poolName: "stalled-create" });
            assert.ok(stalled);
            assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
            assert.deepEqual((await poolsNamed("stalled-create")).map((p) => p.Id), [id]);
            await provider.delete!(id, {});
        });

        it("a call with no answer at all is abandoned by the provider's own deadline (requestTimeoutMs), not left to the SDK's", async () => {
            useSettings({ ...currentSettings(), maxAttempts: 1 });
            try {
                const { id, outs } = await provider.create({ poolName: "deadline" });
                localCognito().onRequest((op) => (op === "DescribeUserPool" ? { after: "stall" } : undefined));
                await assert.rejects(provider.read!(id, outs), /no answer within 700 ms \(cognito-user-pool:requestTimeoutMs\)/);
                localCognito().clearHooks();
                await provider.delete!(id, {});
            } finally {
                useSettings({ ...saved, retryBaseDelayMs: 20, requestTimeoutMs: 700, maxAttempts: 4, requestsPerSecond: 100 });
            }
        });

        it("a create that lands after the deadline is found by a later look, not made twice", async () => {
            let slowed = false;
            localCognito().onRequest((op) => {
                if (op !== "CreateUserPool" || slowed) return undefined;
                slowed = true;
                return { delayMs: 1500 };
            });
            const { id } = await provider.create({ poolName: "late-create" });
            assert.deepEqual((await poolsNamed("late-create")).map((p) => p.Id), [id]);
            await provider.delete!(id, {});
        });

        it("two pools with the same name: recovery takes the one its token marks", async () => {
            const other = (await client().send(new CreateUserPoolCommand({ PoolName: "twin" }))).UserPool!;
            let lost = false;
            localCognito().onRequest((op) => {
                if (op !== "CreateUserPool" || lost) return undefined;
                lost = true;
                return { after: "drop" };
            });
            const { id } = await provider.create({ poolName: "twin" });
            assert.notEqual(id, other.Id, "not the other pool of the same name");
            assert.deepEqual((await poolsNamed("twin")).map((p) => p.Id).sort(), [id, other.Id].sort());
            await provider.delete!(id, {});
            await provider.delete!(other.Id!, {});
        });
    });

    it("6. the create token counts toward the 50-tag limit: 49 declared tags are created and re-tagged in place", async () => {
        const tags = (prefix: string) => Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`${prefix}${i}`, "v"]));
        const failures = (await provider.check!({}, { poolName: "tags", userPoolTags: { ...tags("a"), one: "more" } })).failures!;
        assert.match(failures[0].reason, /at most 49 entries, not 50/);
        const engine = track(stack({ userPoolTags: tags("a") }));
        await engine.up();
        const id = poolIdOf(engine);
        assert.equal(Object.keys((await rawPool(id)).UserPoolTags).length, 50, "49 tags and the create token");
        redeclare(engine, { userPoolTags: tags("b") });
        await engine.up();
        assert.deepEqual(userTags(await rawPool(id)), tags("b"));
        assert.ok(Object.keys((await rawPool(id)).UserPoolTags).length <= 50);
    });

    it("7. SMS MFA switched on in place goes through SetUserPoolMfaConfig with the whole MFA configuration", async () => {
        const sms = { snsCallerArn: ARN.role, externalId: "ext" };
        const engine = track(stack({ smsConfiguration: sms }));
        await engine.up();
        const sets = recordRequests("SetUserPoolMfaConfig");
        redeclare(engine, { smsConfiguration: sms, mfaConfiguration: "ON", smsAuthenticationMessage: "Code {####}" });
        await engine.up();
        assert.equal(sets.length, 1);
        assert.equal(sets[0].MfaConfiguration, "ON");
        assert.deepEqual(sets[0].SmsMfaConfiguration, { SmsAuthenticationMessage: "Code {####}", SmsConfiguration: { SnsCallerArn: ARN.role, ExternalId: "ext" } });
        assert.equal((await rawPool(poolIdOf(engine))).MfaConfiguration, "ON");
        assert.deepEqual(plan((await engine.preview()).steps), ["same pool"]);
    });

    describe("8. settings and nulls", () => {
        it("a requestsPerSecond of 0 fails configure with the key, what is allowed and the fix", async () => {
            const engine = track(stack({}, { "cognito-user-pool:requestsPerSecond": "0", "cognito-user-pool:maxAttempts": "two" }));
            await assert.rejects(engine.preview(), (err: Error) => {
                assert.match(err.message, /stack config cognito-user-pool:requestsPerSecond is "0"; it must be a number above 0 \(default 10\): pulumi config set cognito-user-pool:requestsPerSecond 10/);
                assert.match(err.message, /cognito-user-pool:maxAttempts is "two"; it must be a whole number of at least 1/);
                return true;
            });
        });

        it("null means not declared everywhere: no diff on any run", async () => {
            const engine = track(stack({ deletionProtection: null, policies: { passwordPolicy: { minimumLength: null } }, userPoolTags: null }));
            await engine.up();
            assert.deepEqual(plan((await engine.preview()).steps), ["same pool"]);
            await engine.up();
            assert.deepEqual(plan((await engine.preview()).steps), ["same pool"]);
            assert.equal((await rawPool(poolIdOf(engine))).Policies.PasswordPolicy.MinimumLength, 8);
        });
    });

    describe("9. the suspected points", () => {
        it("unusedAccountValidityDays is refused at preview, before any call: Cognito refuses it beside the password policy every update sends", async () => {
            localCognito().resetCalls();
            const failures = (await provider.check!({}, { poolName: "legacy-days", adminCreateUserConfig: { unusedAccountValidityDays: 10 } })).failures!;
            assert.equal(failures.length, 1);
            assert.match(failures[0].reason, /declare policies.passwordPolicy.temporaryPasswordValidityDays instead/);
            assert.deepEqual(localCognito().calls(), []);
        });

        it("a legacy text and its template text are never sent as two different texts: the declared one is sent for both", async () => {
            const engine = track(stack({ smsVerificationMessage: "Old code {####}" }));
            await engine.up();
            const updates = recordRequests("UpdateUserPool");
            redeclare(engine, { verificationMessageTemplate: { smsMessage: "New code {####}" } });
            await engine.up();
            assert.equal(updates.length, 1);
            assert.equal(updates[0].SmsVerificationMessage, "New code {####}");
            assert.equal(updates[0].VerificationMessageTemplate.SmsMessage, "New code {####}");
            const pool = await rawPool(poolIdOf(engine));
            assert.equal(pool.VerificationMessageTemplate.SmsMessage, "New code {####}");
            await engine.refresh();
            assert.deepEqual(plan((await engine.preview()).steps), ["same pool"]);
        });

        it("an immutable setting unknown at preview does not fail the preview of a pool with users; up, with it known and unchanged, keeps the pool", async () => {
            const program = (stage: number) => ({
                project: "unknowns",
                stack: "dev",
                program: join(repoRoot, "tests", "programs", "unknowns"),
                config: { "unknowns:stage": String(stage) },
            });
            const engine = track(new Engine(program(1)));
            await engine.up();
            const id = [...engine.state.values()].find((r) => r.dynamic)!.id;
            await addUsers(id, 2);
            await engine.refresh();
            engine.options = program(2);
            const preview = await engine.preview();
            assert.equal(preview.steps.find((s) => s.name === "users")!.op, "replace", "a possible replacement, shown as such");
            const up = await engine.up();
            assert.equal(up.steps.find((s) => s.name === "users")!.op, "update");
            assert.equal([...engine.state.values()].find((r) => r.dynamic)!.id, id, "the same pool, its users kept");
        });
    });

    describe("10. every schema change Cognito refuses fails at preview, attribute constraints included", () => {
        const base = [
            { name: "email", attributeDataType: "String", required: true, mutable: true },
            { name: "tenant", attributeDataType: "String", mutable: true, stringAttributeConstraints: { minLength: "1", maxLength: "64" } },
            { name: "seats", attributeDataType: "Number", mutable: true, numberAttributeConstraints: { minValue: "1", maxValue: "500" } },
        ];
        const changes: [string, (schema: Props[]) => void, RegExp][] = [
            ["a data type", (s) => ((s[1].attributeDataType = "Number"), delete s[1].stringAttributeConstraints), /attribute 'tenant': attributeDataType is "String" in the pool and cannot be changed to "Number"/],
            ["mutability", (s) => (s[1].mutable = false), /attribute 'tenant': mutable is true in the pool and cannot be changed to false/],
            ["developer-only", (s) => (s[1].developerOnlyAttribute = true), /attribute 'tenant': developerOnlyAttribute/],
            ["a standard attribute's required", (s) => (s[0].required = false), /attribute 'email': required is true in the pool and cannot be changed to false/],
            ["a string maxLength", (s) => (s[1].stringAttributeConstraints.maxLength = "128"), /attribute 'tenant': stringAttributeConstraints is/],
            ["a string minLength", (s) => (s[1].stringAttributeConstraints.minLength = "2"), /attribute 'tenant': stringAttributeConstraints is/],
            ["a number minValue", (s) => (s[2].numberAttributeConstraints.minValue = "0"), /attribute 'seats': numberAttributeConstraints is/],
            ["a number maxValue", (s) => (s[2].numberAttributeConstraints.maxValue = "501"), /attribute 'seats': numberAttributeConstraints is/],
            ["a removal", (s) => s.splice(2, 1), /attribute 'seats' cannot be removed from the pool/],
        ];
        let id: string;
        let outs: Props;
        before(async () => ({ id, outs } = await provider.create({ poolName: "schema-refusals", schema: base })));
        after(async () => provider.delete!(id, outs));
        for (const [label, change, message] of changes) {
            it(`${label}`, async () => {
                const read = await provider.read!(id, outs);
                const schema = structuredClone(base);
                change(schema);
                await assert.rejects(provider.diff!(id, read.props!, { poolName: "schema-refusals", schema }), (err: Error) => {
                    assert.match(err.message, message);
                    assert.match(err.message, /Cognito cannot make this schema change/);
                    return true;
                });
            });
        }
    });

    it("11. every unordered member, declared in the reverse of the order Cognito reports it, diffs to no change", async () => {
        localCognito().reportSetsReversed(true);
        const sets = (fields = userPoolProperties, path: string[] = []): [string[], string[]][] =>
            fields.flatMap((f) =>
                f.shape.kind === "list" && f.shape.unordered && f.shape.of.kind === "enum"
                    ? [[[...path, f.name], f.shape.of.values.slice(0, 2) as string[]] as [string[], string[]]]
                    : f.shape.kind === "object"
                      ? sets(f.shape.fields, [...path, f.name])
                      : [],
            );
        const found = sets();
        assert.deepEqual(found.map(([p]) => p.join(".")).sort(), [
            "aliasAttributes", "autoVerifiedAttributes", "policies.signInPolicy.allowedFirstAuthFactors",
            "userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate", "usernameAttributes",
        ]);
        for (const [path, values] of found) {
            const declaration: Props = { poolName: `set-${path.join("-")}` };
            let node = declaration;
            path.slice(0, -1).forEach((k) => (node = node[k] = {}));
            node[path[path.length - 1]] = values;
            // Verify-before-update attributes must be auto-verified.
            if (path[0] === "userAttributeUpdateSettings") declaration.autoVerifiedAttributes = values;
            const { id, outs } = await provider.create(declaration);
            const read = await provider.read!(id, outs);
            const reported = path.reduce<any>((n, k) => n[k], read.props!);
            assert.deepEqual(reported, [...values].reverse(), `${path.join(".")}: Cognito reports it in another order`);
            const diff = await provider.diff!(id, read.props!, declaration);
            assert.deepEqual(diff, { changes: false, replaces: [], deleteBeforeReplace: false }, path.join("."));
            await provider.delete!(id, outs);
        }
    });
});
