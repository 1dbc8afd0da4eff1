// Right under the real engine's rules (the engine harness follows them, each citing the engine's source
// in tests/support/engine.ts; tests/cli.test.ts runs the same through the real CLI): refresh calls Diff,
// a replaced pool whose Delete fails stays pending deletion, the engine applies resource options itself,
// update previews answer with the inputs only, reads by id, and what messages may print.
import assert from "node:assert/strict";
import { join } from "node:path";
import {
    AddCustomAttributesCommand,
    AdminCreateUserCommand,
    CognitoIdentityProviderClient,
    CreateUserPoolCommand,
    DeleteUserPoolCommand,
    DescribeUserPoolCommand,
    UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { Engine, Step } from "./support/engine";
import { localCognito } from "./support/localCognito";
import { repoRoot } from "./support/stacks";

type Props = Record<string, any>;
const client = () => new CognitoIdentityProviderClient({});
const rawPool = async (id: string) => (await client().send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool as Props;
const exists = (id: string) => rawPool(id).then(() => true, () => false);
const plan = (steps: Step[]) => steps.map((s) => `${s.op} ${s.name}`);
const poolStep = (steps: Step[]) => steps.find((s) => s.name === "pool")!;
const ARN = "arn:aws:lambda:us-east-1:123456789012:function:from-another-tool";
const CONSENT_TAG = "pulumi-cognito-user-pool:replacement-consented";

function stack(inputs: Props, options: Props = {}): Engine {
    return new Engine({
        project: "options",
        stack: "test",
        program: join(repoRoot, "tests", "programs", "options"),
        config: { "options:inputs": JSON.stringify(inputs), "options:options": JSON.stringify(options) },
    });
}
function redeclare(engine: Engine, inputs: Props, options: Props = {}) {
    engine.options = { ...engine.options, config: { "options:inputs": JSON.stringify(inputs), "options:options": JSON.stringify(options) } };
}
const poolIdOf = (engine: Engine) => [...engine.state.values()].find((r) => r.dynamic)!.id;

async function addUsers(id: string, count: number) {
    for (let i = 0; i < count; i++) await client().send(new AdminCreateUserCommand({ UserPoolId: id, Username: `user${i}@example.com` }));
}

describe("right under the real engine's rules", function () {
    this.timeout(90_000);
    const engines: Engine[] = [];
    const leftovers: string[] = [];
    const track = (engine: Engine) => (engines.push(engine), engine);
    afterEach(async () => {
        localCognito().clearHooks();
        for (const engine of engines.splice(0)) {
            for (const entry of [...engine.state.values(), ...engine.pendingDeletes]) {
                if (!entry.dynamic) continue;
                await client().send(new UpdateUserPoolCommand({ UserPoolId: entry.id, DeletionProtection: "INACTIVE" })).catch(() => undefined);
                entry.outputs.allowReplacementWithUsers = true;
            }
            await engine.destroy().catch(() => undefined);
        }
        for (const id of leftovers.splice(0)) await client().send(new DeleteUserPoolCommand({ UserPoolId: id })).catch(() => undefined);
    });

    describe("1. drift the program cannot undo never fails a refresh", () => {
        it("a custom attribute added outside Pulumi: refresh and preview pass, up keeps it, removing a declared one is still refused", async () => {
            const tenant = { name: "tenant", attributeDataType: "String", mutable: true };
            const engine = track(stack({ schema: [tenant] }));
            await engine.up();
            const id = poolIdOf(engine);
            await client().send(new AddCustomAttributesCommand({ UserPoolId: id, CustomAttributes: [{ Name: "added", AttributeDataType: "String", Mutable: true }] }));
            const refresh = await engine.refresh();
            assert.equal(poolStep(refresh).op, "same", "nothing the program declared changed");
            assert.ok([...engine.state.values()][0].outputs.schemaAttributes.some((a: Props) => a.name === "custom:added"), "schemaAttributes lists it");
            assert.deepEqual(plan((await engine.preview()).steps), ["same pool"]);
            await engine.up();
            assert.ok((await rawPool(id)).SchemaAttributes.some((a: Props) => a.Name === "custom:added"));
            // The program's own change Cognito cannot make is refused, as before.
            redeclare(engine, { schema: [{ ...tenant, mutable: false }] });
            await assert.rejects(engine.preview(), /attribute 'tenant': mutable is true in the pool and cannot be changed to false/);
        });

        it("refresh shows exactly the drifted path, and nothing the program declared at Cognito's defaults as removed", async () => {
            const engine = track(stack({ policies: { passwordPolicy: { minimumLength: 10 } }, deletionProtection: "INACTIVE", mfaConfiguration: "OFF" }));
            await engine.up();
            const id = poolIdOf(engine);
            const pool = await rawPool(id);
            await client().send(new UpdateUserPoolCommand({ UserPoolId: id, Policies: { PasswordPolicy: { ...pool.Policies.PasswordPolicy, MinimumLength: 20 } }, AutoVerifiedAttributes: [] }));
            const refresh = await engine.refresh();
            assert.equal(poolStep(refresh).op, "refresh");
            assert.deepEqual(poolStep(refresh).changed, ["policies.passwordPolicy.minimumLength"]);
            const preview = await engine.preview();
            assert.deepEqual(poolStep(preview.steps).changed, ["policies.passwordPolicy.minimumLength"]);
        });
    });

    describe("2. no stuck deletes", () => {
        it("a replacement of a pool with deletion protection is refused at preview, before anything is created", async () => {
            const engine = track(stack({ deletionProtection: "ACTIVE", usernameConfiguration: { caseSensitive: true } }));
            await engine.up();
            localCognito().resetCalls();
            redeclare(engine, { deletionProtection: "ACTIVE", usernameConfiguration: { caseSensitive: false } });
            await assert.rejects(engine.preview(), /has deletion protection ACTIVE, and this change replaces it: usernameConfiguration cannot change[\s\S]*Switch deletion protection off first/);
            await assert.rejects(engine.up(), /has deletion protection ACTIVE/);
            assert.ok(!localCognito().calls().includes("CreateUserPool"), "nothing created");
        });

        it("a consented replacement whose old pool's delete failed is deleted by the next up, in a new process", async () => {
            const engine = track(stack({ usernameConfiguration: { caseSensitive: true } }));
            await engine.up();
            const oldId = poolIdOf(engine);
            await addUsers(oldId, 2);
            redeclare(engine, { usernameConfiguration: { caseSensitive: false }, allowReplacementWithUsers: true });
            let failed = false;
            localCognito().onRequest((op, body) => {
                if (op !== "DeleteUserPool" || body.UserPoolId !== oldId || failed) return undefined;
                failed = true;
                return { status: 400, body: { __type: "ConcurrentModificationException", message: "injected" } };
            });
            await assert.rejects(engine.up(), /ConcurrentModificationException/);
            assert.deepEqual(engine.pendingDeletes.map((r) => r.id), [oldId], "the old pool is pending deletion");
            assert.notEqual(poolIdOf(engine), oldId);
            // The next up, in a new provider process, with the consent still in the program: the replacement's
            // consent (recorded on the old pool, for this resource) covers its pending delete.
            await engine.up();
            assert.deepEqual(engine.pendingDeletes, []);
            assert.equal(await exists(oldId), false, "the next up deleted it: the consent outlived the process");
        });

        it("a consent withdrawn before the pending delete is retried is withdrawn: the old pool and its users stay, even at destroy", async () => {
            const engine = track(stack({ usernameConfiguration: { caseSensitive: true } }));
            await engine.up();
            const oldId = poolIdOf(engine);
            await addUsers(oldId, 2);
            redeclare(engine, { usernameConfiguration: { caseSensitive: false }, allowReplacementWithUsers: true });
            let failed = false;
            localCognito().onRequest((op, body) => {
                if (op !== "DeleteUserPool" || body.UserPoolId !== oldId || failed) return undefined;
                failed = true;
                return { status: 400, body: { __type: "ConcurrentModificationException", message: "injected" } };
            });
            await assert.rejects(engine.up(), /ConcurrentModificationException/);
            redeclare(engine, { usernameConfiguration: { caseSensitive: false } });
            await assert.rejects(engine.up(), /Could not delete user pool .*: it has 2 users, whose accounts would be lost/);
            assert.deepEqual(engine.pendingDeletes.map((r) => r.id), [oldId], "still pending deletion");
            assert.equal((await rawPool(oldId)).UserPoolTags?.[CONSENT_TAG], undefined, "the consent recorded on it is withdrawn too");
            await assert.rejects(engine.destroy(), /has 2 users, whose accounts would be lost/);
            assert.equal(await exists(oldId), true, "nothing honours a consent the program withdrew");
        });

        it("a delete left pending without consent is refused, and deleted once the UserPool that replaced it consents", async () => {
            const engine = track(stack({ usernameConfiguration: { caseSensitive: true } }));
            await engine.up();
            const oldId = poolIdOf(engine);
            redeclare(engine, { usernameConfiguration: { caseSensitive: false } });
            // A user signs up between the replacement's guard (no users then) and the old pool's deletion:
            // while the new pool is being created (its CreateUserPool held back half a second meanwhile).
            let signedUp = false;
            localCognito().onRequest((op) => {
                if (op !== "CreateUserPool" || signedUp) return undefined;
                signedUp = true;
                void addUsers(oldId, 1);
                return { delayMs: 500 };
            });
            await assert.rejects(engine.up(), /Could not delete user pool .*: it has 1 user, whose accounts would be lost/);
            assert.deepEqual(engine.pendingDeletes.map((r) => r.id), [oldId], "the old pool, with its new user, is pending deletion");
            await assert.rejects(engine.up(), /has 1 user, whose accounts would be lost/);
            redeclare(engine, { usernameConfiguration: { caseSensitive: false }, allowReplacementWithUsers: true });
            await engine.up();
            assert.deepEqual(engine.pendingDeletes, []);
            assert.equal(await exists(oldId), false);
        });
    });

    describe("3. resource options the engine applies without telling the provider", () => {
        it("replaceOnChanges: a change under its paths is a replacement", async () => {
            const engine = track(stack({ policies: { passwordPolicy: { minimumLength: 8 } } }, { replaceOnChanges: ["policies"] }));
            await engine.up();
            redeclare(engine, { policies: { passwordPolicy: { minimumLength: 12 } } }, { replaceOnChanges: ["policies"] });
            const preview = await engine.preview();
            assert.equal(poolStep(preview.steps).op, "replace");
            assert.deepEqual(poolStep(preview.steps).replaces, ["policies"]);
            redeclare(engine, { policies: { passwordPolicy: { minimumLength: 12 } } });
            assert.equal(poolStep((await engine.preview()).steps).op, "update", "without the option, in place");
        });

        it("ignoreChanges: a member another tool manages is sent as Cognito holds it, never reset by an unrelated update", async () => {
            const engine = track(stack({ policies: { passwordPolicy: { minimumLength: 8 } } }, { ignoreChanges: ["lambdaConfig"] }));
            await engine.up();
            const id = poolIdOf(engine);
            await client().send(new UpdateUserPoolCommand({ UserPoolId: id, LambdaConfig: { PreSignUp: ARN } }));
            assert.deepEqual(plan((await engine.preview()).steps), ["same pool"], "the other tool's trigger is no change");
            redeclare(engine, { policies: { passwordPolicy: { minimumLength: 12 } } }, { ignoreChanges: ["lambdaConfig"] });
            await engine.up();
            const pool = await rawPool(id);
            assert.equal(pool.Policies.PasswordPolicy.MinimumLength, 12);
            assert.equal(pool.LambdaConfig.PreSignUp, ARN, "not wiped by the full-configuration UpdateUserPool");
        });

        it("retainOnDelete: a replacement of a pool with users needs no consent, and the old pool and its users stay", async () => {
            const engine = track(stack({ usernameConfiguration: { caseSensitive: true } }, { retainOnDelete: true }));
            await engine.up();
            const oldId = poolIdOf(engine);
            leftovers.push(oldId);
            await addUsers(oldId, 2);
            redeclare(engine, { usernameConfiguration: { caseSensitive: false } }, { retainOnDelete: true });
            assert.equal(poolStep((await engine.preview()).steps).op, "replace");
            await engine.up();
            leftovers.push(poolIdOf(engine));
            assert.equal((await rawPool(oldId)).EstimatedNumberOfUsers, 2, "the old pool is kept with its users");
        });

        it("the import option fails at once with what to use instead", async () => {
            const engine = track(stack({}, { import: "us-east-1_AbCdEfGhI" }));
            await assert.rejects(engine.preview(), /the import resource option does not work for dynamic providers[\s\S]*existingPoolId: "us-east-1_AbCdEfGhI"/);
        });
    });

    describe("4. reads by id", () => {
        const getStack = (id: string) => new Engine({ project: "get", stack: "test", program: join(repoRoot, "tests", "programs", "get"), config: { "get:id": id } });

        it("UserPool.get of an existing pool: its settings are outputs too", async () => {
            const pool = (await client().send(new CreateUserPoolCommand({ PoolName: "read-me", Policies: { PasswordPolicy: { MinimumLength: 14 } } }))).UserPool!;
            leftovers.push(pool.Id!);
            const engine = track(getStack(pool.Id!));
            const { outputs, steps } = await engine.up();
            assert.deepEqual(plan(steps), ["read existing"]);
            assert.equal(outputs.poolName, "read-me");
            assert.equal(outputs.minimumLength, 14);
            assert.equal(outputs.endpoint, `cognito-idp.us-east-1.amazonaws.com/${pool.Id}`);
        });

        it("UserPool.get of a missing pool fails with the id, the region and what to check", async () => {
            const engine = track(getStack("us-east-1_doesNotExist"));
            await assert.rejects(engine.up(), /UserPool.get: there is no user pool us-east-1_doesNotExist in us-east-1\. Check the id/);
        });
    });

    it("5. an update's preview keeps the endpoint known (the engine answers it with the inputs only)", async () => {
        const engine = track(stack({ policies: { passwordPolicy: { minimumLength: 8 } } }));
        const created = await engine.up();
        redeclare(engine, { policies: { passwordPolicy: { minimumLength: 9 } } });
        const preview = await engine.preview();
        assert.equal(poolStep(preview.steps).op, "update");
        assert.equal(preview.outputs.userPoolEndpoint, created.outputs.userPoolEndpoint, "known, and the same");
        assert.equal(preview.outputs.userPoolArn, "<unknown>", "the ARN is not an input, so the engine leaves it unknown (see README)");
    });

    describe("6. messages", () => {
        const secretStack = (name: string) =>
            new Engine({
                project: "secret",
                stack: "test",
                program: join(repoRoot, "tests", "programs", "secret"),
                config: { "secret:name": name, "secret:role": "arn:aws:iam::123456789012:role/sms", "secret:externalId": "ext-secret-1234" },
            });

        it("never quote a value the program marked secret", async () => {
            const name = "top/secret/pool-name";
            await assert.rejects(track(secretStack(name)).preview(), (err: Error) => {
                assert.match(err.message, /'poolName' is \[secret\]; it must be letters, digits, ASCII spaces/);
                assert.ok(!err.message.includes(name) && !err.message.includes("top/secret"), err.message);
                return true;
            });
        });

        it("quote only a short prefix of a long value", async () => {
            const engine = track(stack({ poolName: `pool-${"x".repeat(300)}` }));
            await assert.rejects(engine.preview(), (err: Error) => {
                assert.match(err.message, /'poolName' is "pool-x{30,34}\.\.\.; it must be at most 128 characters long/);
                assert.ok(!err.message.includes("x".repeat(60)));
                return true;
            });
        });
    });
});
