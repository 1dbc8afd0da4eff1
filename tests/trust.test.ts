// Never lose a user: no false diffs, honest drift, schema evolution, guarded replacement and deletion,
// adoption of an existing pool, and MFA, all through the real provider host driven by the engine harness.
import assert from "node:assert/strict";
import { join } from "node:path";
import {
    AdminCreateUserCommand,
    CognitoIdentityProviderClient,
    CreateUserPoolCommand,
    DescribeUserPoolCommand,
    GetUserPoolMfaConfigCommand,
    ListUserPoolsCommand,
    UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { everyMember, memberSamples } from "./memberSamples";
import { Engine, Step } from "./support/engine";
import { localCognito } from "./support/localCognito";
import { repoRoot } from "./support/stacks";

type Props = Record<string, any>;
const client = () => new CognitoIdentityProviderClient({});
const rawPool = async (id: string) => (await client().send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool as Props;
const exists = (id: string) => rawPool(id).then(() => true, () => false);
const poolCount = async () => (await client().send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools!.length;
const plan = (steps: Step[]) => steps.map((s) => `${s.op} ${s.name}`);
const pool = (steps: Step[]) => steps.find((s) => s.name === "pool")!;

/** A stack of the `declared` test program: one UserPool declared by `inputs`. */
function stackWith(inputs: Props, extra: Record<string, string> = {}): Engine {
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

/** A change made in the Cognito console: the whole configuration sent back with one member changed. */
async function changeOutOfBand(id: string, change: (request: Props) => void) {
    const p = await rawPool(id);
    const request: Props = {
        UserPoolId: id,
        PoolName: p.Name,
        Policies: p.Policies,
        DeletionProtection: p.DeletionProtection,
        LambdaConfig: p.LambdaConfig,
        AutoVerifiedAttributes: p.AutoVerifiedAttributes,
        VerificationMessageTemplate: p.VerificationMessageTemplate,
        MfaConfiguration: p.MfaConfiguration,
        EmailConfiguration: p.EmailConfiguration,
        AdminCreateUserConfig: p.AdminCreateUserConfig,
        UserPoolTags: p.UserPoolTags,
        UserAttributeUpdateSettings: p.UserAttributeUpdateSettings,
    };
    // Cognito reports UnusedAccountValidityDays but refuses it back beside a password policy.
    if (request.AdminCreateUserConfig) delete request.AdminCreateUserConfig.UnusedAccountValidityDays;
    change(request);
    await client().send(new UpdateUserPoolCommand(request as any));
}

async function addUsers(id: string, count: number) {
    for (let i = 0; i < count; i++) {
        await client().send(new AdminCreateUserCommand({ UserPoolId: id, Username: `user${i}@example.com` }));
    }
}

describe("never lose a user (engine harness)", function () {
    this.timeout(60000);
    const engines: Engine[] = [];
    const track = (engine: Engine) => (engines.push(engine), engine);
    afterEach(async () => {
        // Whatever a test left: unprotected, consented, destroyed.
        for (const engine of engines.splice(0)) {
            for (const entry of engine.state.values()) {
                if (!entry.dynamic) continue;
                await client().send(new UpdateUserPoolCommand({ UserPoolId: entry.id, DeletionProtection: "INACTIVE" })).catch(() => undefined);
                entry.outputs.allowReplacementWithUsers = true;
            }
            await engine.destroy();
        }
    });

    describe("no false diffs: create, refresh, preview show no change", () => {
        const { poolName: _name, ...everything } = everyMember();
        const cases: [string, Props][] = [
            ["a minimal pool", {}],
            ["a pool with every member set", everything],
            ["a pool with TOTP MFA", { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } }],
            ...memberSamples.map((s): [string, Props] => [`${s.member} alone`, { ...s.with, [s.member]: s.value }]),
        ];
        for (const [label, inputs] of cases) {
            it(label, async () => {
                const engine = track(stackWith(inputs));
                await engine.up();
                const refresh = await engine.refresh();
                assert.deepEqual(refresh.map((s) => [s.op, s.changed]), [["same", []]], "refresh right after up changes nothing");
                const preview = await engine.preview();
                assert.deepEqual(plan(preview.steps), ["same pool"]);
            });
        }
    });

    describe("honest drift", () => {
        const drifts: [string, string, (r: Props) => void, (p: Props) => void][] = [
            ["a declared member (password length)", "policies.passwordPolicy.minimumLength",
                (r) => (r.Policies.PasswordPolicy.MinimumLength = 6), (p) => assert.equal(p.Policies.PasswordPolicy.MinimumLength, 10)],
            ["an undeclared member (deletion protection)", "deletionProtection",
                (r) => (r.DeletionProtection = "ACTIVE"), (p) => assert.equal(p.DeletionProtection, "INACTIVE")],
            ["an undeclared member (a Lambda trigger)", "lambdaConfig.preSignUp",
                (r) => (r.LambdaConfig = { PreSignUp: "arn:aws:lambda:us-east-1:123456789012:function:rogue" }), (p) => assert.deepEqual(p.LambdaConfig, {})],
            ["an undeclared member (auto-verified attributes)", "autoVerifiedAttributes",
                (r) => (r.AutoVerifiedAttributes = ["email"]), (p) => assert.deepEqual(p.AutoVerifiedAttributes ?? [], [])],
        ];
        for (const [label, path, change, restored] of drifts) {
            it(`${label} changed outside Pulumi shows in preview after refresh, and up undoes it`, async () => {
                const engine = track(stackWith({ policies: { passwordPolicy: { minimumLength: 10 } } }));
                await engine.up();
                const id = poolIdOf(engine);
                await changeOutOfBand(id, change);
                await engine.refresh();
                const preview = await engine.preview();
                assert.equal(pool(preview.steps).op, "update");
                // Pulumi names the deepest path that differs: the whole member when the program leaves it out.
                const changed = pool(preview.steps).changed!;
                assert.ok(changed.some((c) => c === path || path.startsWith(`${c}.`)), `${path} in ${changed}`);
                await engine.up();
                restored(await rawPool(id));
                assert.deepEqual(plan((await engine.preview()).steps), ["same pool"]);
            });
        }
    });

    describe("schema evolution", () => {
        const tenant = { name: "tenant", attributeDataType: "String", mutable: true };

        it("a new custom attribute is added in place", async () => {
            const engine = track(stackWith({ schema: [tenant] }));
            await engine.up();
            const id = poolIdOf(engine);
            redeclare(engine, { schema: [tenant, { name: "plan", attributeDataType: "String" }] });
            assert.deepEqual(plan((await engine.preview()).steps), ["update pool"]);
            await engine.up();
            assert.equal(poolIdOf(engine), id);
            assert.ok((await rawPool(id)).SchemaAttributes.some((a: Props) => a.Name === "custom:plan"));
        });

        it("modifying an attribute fails at preview with what Cognito cannot do and the options", async () => {
            const engine = track(stackWith({ schema: [tenant] }));
            await engine.up();
            redeclare(engine, { schema: [{ ...tenant, mutable: false }] });
            await assert.rejects(engine.preview(), (err: Error) => {
                assert.match(err.message, /attribute 'tenant': mutable is true in the pool and cannot be changed to false/);
                assert.match(err.message, /never modify or remove one/);
                assert.match(err.message, /replaceOnSchemaChange: true/);
                return true;
            });
        });

        it("with replaceOnSchemaChange, the same modification is a replacement naming schema", async () => {
            const engine = track(stackWith({ schema: [tenant] }));
            await engine.up();
            const id = poolIdOf(engine);
            redeclare(engine, { schema: [{ ...tenant, mutable: false }], replaceOnSchemaChange: true });
            const preview = await engine.preview();
            assert.deepEqual(pool(preview.steps).replaces, ["schema"]);
            await engine.up();
            assert.notEqual(poolIdOf(engine), id);
            assert.equal(await exists(id), false);
        });
    });

    describe("guarded replacement and deletion", () => {
        it("a replacement of a pool with users is refused at preview with the count and the consent; with consent it goes ahead", async () => {
            const engine = track(stackWith({ usernameConfiguration: { caseSensitive: true } }));
            await engine.up();
            const id = poolIdOf(engine);
            await addUsers(id, 3);
            await engine.refresh();
            const countBefore = await poolCount();
            redeclare(engine, { usernameConfiguration: { caseSensitive: false } });
            await assert.rejects(engine.preview(), (err: Error) => {
                assert.match(err.message, /has 3 users, and this change replaces it: usernameConfiguration cannot change/);
                assert.match(err.message, /allowReplacementWithUsers: true/);
                return true;
            });
            await assert.rejects(engine.up(), /has 3 users/);
            assert.equal(await poolCount(), countBefore, "nothing was created");
            assert.equal(await exists(id), true);

            redeclare(engine, { usernameConfiguration: { caseSensitive: false }, allowReplacementWithUsers: true });
            assert.deepEqual(pool((await engine.preview()).steps).replaces, ["usernameConfiguration"]);
            await engine.up();
            assert.notEqual(poolIdOf(engine), id);
            assert.equal(await exists(id), false, "with consent, the old pool and its users are gone");
        });

        it("destroying a pool with users is refused with the count; after consenting it is deleted", async () => {
            const engine = track(stackWith({}));
            await engine.up();
            const id = poolIdOf(engine);
            await addUsers(id, 2);
            await assert.rejects(engine.destroy(), (err: Error) => {
                assert.match(err.message, /it has 2 users, whose accounts would be lost\. Nothing was deleted/);
                assert.match(err.message, /allowReplacementWithUsers: true/);
                assert.match(err.message, /protect: true/);
                return true;
            });
            assert.equal(await exists(id), true);
            redeclare(engine, { allowReplacementWithUsers: true });
            assert.deepEqual(pool((await engine.preview()).steps).changed, ["allowReplacementWithUsers"]);
            localCognito().resetCalls();
            await engine.up();
            assert.deepEqual(localCognito().calls(), [], "recording consent changes nothing in Cognito");
            await engine.destroy();
            assert.equal(await exists(id), false);
        });

        it("removing a pool with users from the program is refused the same way", async () => {
            const engine = track(stackWith({}));
            await engine.up();
            const id = poolIdOf(engine);
            await addUsers(id, 1);
            engine.options = { ...engine.options, config: { ...engine.options.config, "declared:present": "false" } };
            await assert.rejects(engine.up(), /it has 1 user, whose accounts would be lost/);
            assert.equal(await exists(id), true);
        });

        it("a replacement of a pool without users needs no consent", async () => {
            const engine = track(stackWith({ aliasAttributes: ["email"] }));
            await engine.up();
            const id = poolIdOf(engine);
            redeclare(engine, { aliasAttributes: ["email", "preferred_username"] });
            await engine.up();
            assert.notEqual(poolIdOf(engine), id);
        });
    });

    describe("adopting an existing pool", () => {
        it("existingPoolId takes the pool, applies the declaration, and creates no second pool", async () => {
            const existing = (await client().send(new CreateUserPoolCommand({ PoolName: "legacy", UsernameAttributes: ["email"] }))).UserPool!;
            await addUsers(existing.Id!, 2);
            const before = await poolCount();
            const engine = track(
                stackWith({ existingPoolId: existing.Id, poolName: "legacy", usernameAttributes: ["email"], policies: { passwordPolicy: { minimumLength: 16 } } }),
            );
            localCognito().resetCalls();
            await engine.up();
            assert.ok(!localCognito().calls().includes("CreateUserPool"), localCognito().calls().join(", "));
            assert.equal(await poolCount(), before, "no second pool");
            assert.equal(poolIdOf(engine), existing.Id);
            assert.equal((await rawPool(existing.Id!)).Policies.PasswordPolicy.MinimumLength, 16);
            assert.deepEqual(plan((await engine.preview()).steps), ["same pool"]);
            await engine.refresh();
            assert.deepEqual(plan((await engine.preview()).steps), ["same pool"]);
        });

        it("a pool whose immutable settings differ from the declaration is not adopted", async () => {
            const existing = (await client().send(new CreateUserPoolCommand({ PoolName: "legacy", AliasAttributes: ["email"] }))).UserPool!;
            const engine = track(stackWith({ existingPoolId: existing.Id, poolName: "legacy", aliasAttributes: ["phone_number"] }));
            await assert.rejects(engine.up(), /Cannot adopt user pool .*:\n {2}- aliasAttributes differs, and Cognito cannot change it: the pool has \["email"\], this UserPool declares \["phone_number"\]/);
            assert.equal(engine.state.size, 0);
            assert.deepEqual((await rawPool(existing.Id!)).AliasAttributes, ["email"]);
        });

        it("an existingPoolId that does not exist fails clearly, creating nothing", async () => {
            const before = await poolCount();
            const engine = track(stackWith({ existingPoolId: "us-east-1_doesnotexist" }));
            await assert.rejects(engine.up(), /existingPoolId: there is no user pool us-east-1_doesnotexist in us-east-1 to adopt/);
            assert.equal(await poolCount(), before);
        });
    });

    describe("MFA", () => {
        const mfaOf = async (id: string) => (await client().send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }))) as Props;

        it("TOTP MFA is switched on with SetUserPoolMfaConfig and off again, in place", async () => {
            const engine = track(stackWith({}));
            await engine.up();
            const id = poolIdOf(engine);
            redeclare(engine, { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } });
            localCognito().resetCalls();
            await engine.up();
            assert.deepEqual(localCognito().calls(), ["SetUserPoolMfaConfig", "UpdateUserPool"]);
            assert.equal((await mfaOf(id)).SoftwareTokenMfaConfiguration.Enabled, true);
            assert.equal((await rawPool(id)).MfaConfiguration, "OPTIONAL");
            await engine.refresh();
            assert.deepEqual(plan((await engine.preview()).steps), ["same pool"]);

            redeclare(engine, {});
            assert.deepEqual(pool((await engine.preview()).steps).changed, ["mfaConfiguration", "softwareTokenMfaConfiguration.enabled"]);
            await engine.up();
            assert.equal((await mfaOf(id)).SoftwareTokenMfaConfiguration?.Enabled ?? false, false);
            assert.equal((await rawPool(id)).MfaConfiguration, "OFF");
            assert.equal(poolIdOf(engine), id);
        });

        it("a pool created with TOTP MFA gets it right after CreateUserPool, and shows no diff", async () => {
            const engine = track(stackWith({ mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } }));
            localCognito().resetCalls();
            await engine.up();
            assert.deepEqual(localCognito().calls(), ["CreateUserPool", "SetUserPoolMfaConfig"]);
            const id = poolIdOf(engine);
            assert.equal((await rawPool(id)).MfaConfiguration, "ON");
            assert.equal((await mfaOf(id)).SoftwareTokenMfaConfiguration.Enabled, true);
        });

        it("MFA combinations Cognito refuses are caught at preview", async () => {
            await assert.rejects(track(stackWith({ mfaConfiguration: "ON" })).preview(), /'mfaConfiguration' is "ON", but no MFA factor is configured/);
            await assert.rejects(
                track(stackWith({ softwareTokenMfaConfiguration: { enabled: true } })).preview(),
                /'softwareTokenMfaConfiguration.enabled' is true, but 'mfaConfiguration' is "OFF"/,
            );
        });

        it("a failure after the pool was created is a partial failure: the pool is recorded, not leaked", async () => {
            const engine = track(stackWith({ mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } }));
            localCognito().onRequest((op) =>
                op === "SetUserPoolMfaConfig" ? { status: 400, body: { __type: "InvalidParameterException", message: "injected" } } : undefined,
            );
            try {
                await assert.rejects(engine.up(), /injected/);
            } finally {
                localCognito().clearHooks();
            }
            const id = poolIdOf(engine);
            assert.ok(await exists(id), "the pool the engine recorded exists");
            const retry = await engine.preview();
            assert.equal(pool(retry.steps).op, "update", "the next run finishes the job in place");
            await engine.up();
            assert.equal((await mfaOf(id)).SoftwareTokenMfaConfiguration.Enabled, true);
        });
    });
});
