// The real Pulumi CLI (the team's issue 12): the packed package installed into a consumer project
// outside the repository, its programs (tests/programs/cli-*) run through a real `pulumi` binary (from
// PATH, or built from the Go module proxy into a cache outside the repository: tests/cli/pulumiCli.ts),
// against this run's local Cognito. Everything below asserts on what the CLI itself reports: engine
// events (op, keys, diffs, detailedDiff), its errors, `pulumi stack output`, `pulumi stack export`, and
// on Cognito as the AWS SDK sees it.
//
// There is no Node.js language host on this machine (the module proxy refuses
// github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3), so a driver (tests/cli/driver.js,
// a child `node` in the consumer project) runs each program as an Automation API inline program; the
// engine, the state (file backend), the config (Pulumi.yaml, Pulumi.<stack>.yaml), the dynamic-provider
// host and every provider call are the real CLI's. The host's Cognito calls go through this process's
// local Cognito layer, so localCognito() sees and can fault them.
//
// Runs in the first (Node 22) pass of tests/run.sh only: the CLI, the driver and the provider host run
// on the Node on PATH in either pass, so a second pass would repeat the same thing.
//
// Each scenario is its own stack; inside a scenario the tests are the steps of that stack's life and
// run in order.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { homedir, tmpdir } from "node:os";
import {
    AddCustomAttributesCommand,
    AdminCreateUserCommand,
    CognitoIdentityProviderClient,
    CreateUserPoolCommand,
    DeleteUserPoolCommand,
    DescribeUserPoolCommand,
    GetUserPoolMfaConfigCommand,
    ListUserPoolsCommand,
    UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { changedInputs, CliStack, Consumer, diagnostics, ok, OperationResult, outcomes, plan, steps, suitePrograms } from "./cli/consumer";
import { cacheRoot, directoryBytes, ensurePulumiCli, PulumiCli } from "./cli/pulumiCli";
import { localCognito } from "./support/localCognito";
import { firstPassOnly } from "./support/passes";
import { repoRoot } from "./support/stacks";

const POOL_TYPE = "pulumi-nodejs:dynamic/cognito:UserPool";
const REGIONS = ["us-east-1", "us-west-2"];
const MAX_PROVIDER_BYTES = 2048;
type Props = Record<string, any>;

{
    firstPassOnly("the real Pulumi CLI, on a consumer project", function (this: Mocha.Suite) {
        this.timeout(180_000);

        let cli: PulumiCli;
        let consumer: Consumer;
        const poolsBefore = new Map<string, Set<string>>();
        const timings: [string, number][] = [];
        const suiteStarted = Date.now();
        const canaryEnv = `canary-${randomBytes(8).toString("hex")}`;
        const savedCanary = process.env.COGNITO_CANARY;
        const log = (line: string) => console.log(`      ${line}`);

        before(async function () {
            // A CLI already on PATH or in the cache takes a second; building one from the Go module proxy
            // takes ~7 minutes on 2 cores, once.
            this.timeout(40 * 60_000);
            const started = Date.now();
            cli = await ensurePulumiCli({ log });
            const how = cli.source === "build" ? `built from the Go module proxy in ${cli.buildSeconds} s` : cli.source === "cache" ? `from the cache` : "from PATH";
            log(`Pulumi CLI v${cli.version} ${how}: ${cli.binDir}${cli.source !== "path" ? ` (cache ${cacheRoot()}: ${(directoryBytes(cacheRoot()) / 1e6).toFixed(0)} MB)` : ""}`);
            for (const region of REGIONS) poolsBefore.set(region, await poolIds(region));
            process.env.COGNITO_CANARY = canaryEnv;
            consumer = await Consumer.create(cli, suitePrograms(), log);
            timings.push(["setup (CLI, npm pack + install, tsc, driver)", (Date.now() - started) / 1000]);
        });

        after(async function () {
            this.timeout(120_000);
            if (savedCanary === undefined) delete process.env.COGNITO_CANARY;
            else process.env.COGNITO_CANARY = savedCanary;
            localCognito().clearHooks();
            // Whatever a failed step left behind: every pool this suite created, deletion protection off first.
            for (const region of REGIONS) {
                for (const id of await poolIds(region)) {
                    if (poolsBefore.get(region)?.has(id)) continue;
                    await cognito(region).send(new UpdateUserPoolCommand({ UserPoolId: id, DeletionProtection: "INACTIVE" })).catch(() => undefined);
                    await cognito(region).send(new DeleteUserPoolCommand({ UserPoolId: id })).catch(() => undefined);
                }
            }
            await consumer?.close();
            timings.push(["whole suite", (Date.now() - suiteStarted) / 1000]);
            console.log(`\n      real-CLI suite timings:\n${timings.map(([t, s]) => `        ${s.toFixed(1).padStart(6)} s  ${t}`).join("\n")}`);
        });

        /** A scenario: its own stack, its steps in order, its wall time recorded. */
        function scenario(title: string, body: () => void) {
            describe(title, function () {
                let started = 0;
                before(() => {
                    started = Date.now();
                });
                after(() => {
                    timings.push([title, (Date.now() - started) / 1000]);
                });
                afterEach(() => localCognito().clearHooks());
                body();
            });
        }

        /** A stack of the pool program, configured by its Pulumi.<stack>.yaml. */
        function poolStack(name: string, config: Record<string, string> = {}): CliStack {
            const stack = consumer.stack("cli-pool", name);
            stack.writeConfig({ "aws:region": "us-east-1", ...Object.fromEntries(Object.entries(config).map(([k, v]) => [`cli-pool:${k}`, v])) });
            return stack;
        }

        /** Runs an operation, logs its time, and fails with the CLI's output unless it succeeded. */
        async function must(what: string, op: Promise<OperationResult>): Promise<OperationResult> {
            const result = await op;
            log(`${what}: ${result.seconds.toFixed(1)} s`);
            return ok(result, what);
        }

        /** Runs an operation that must fail, and returns it. */
        async function mustFail(what: string, op: Promise<OperationResult>): Promise<OperationResult> {
            const result = await op;
            log(`${what} (expected to fail): ${result.seconds.toFixed(1)} s`);
            if (result.ok) assert.fail(`${what} succeeded, but should have failed. CLI output:\n${result.output}`);
            return result;
        }

        const poolStep = (result: OperationResult, op?: string) => {
            const found = steps(result).filter((s) => s.type === POOL_TYPE && (!op || s.op === op));
            assert.ok(found.length > 0, `no ${op ?? ""} step for the pool in:\n${result.output}`);
            return found[0];
        };

        // -------------------------------------------------------------------------------------------
        scenario("a new stack: preview, up, no change, the state, destroy", () => {
            let stack: CliStack;
            let poolId: string;
            before(() => {
                stack = poolStack("fresh", { unusedCanary: `canary-config-${randomBytes(6).toString("hex")}` });
            });

            it("preview shows one create, and makes no Cognito call", async () => {
                localCognito().resetCalls();
                const preview = await must("pulumi preview", stack.preview());
                assert.deepEqual(plan(preview), ["create users"], preview.output);
                assert.deepEqual(preview.changeSummary, { create: 2 }, "the stack and the pool");
                assert.deepEqual(localCognito().calls(), [], "preview calls no Cognito API");
                assert.match(preview.output, /\+ pulumi-nodejs:dynamic\/cognito:UserPool: \(create\)\n.*::users\]/);
            });

            it("up creates exactly one pool, whose id `pulumi stack output` carries", async () => {
                const before = await poolIds();
                const up = await must("pulumi up", stack.up());
                assert.deepEqual(plan(up), ["create users"], up.output);
                poolId = up.outputs!.userPoolId;
                const created = [...(await poolIds())].filter((id) => !before.has(id));
                assert.deepEqual(created, [poolId], "one new pool in Cognito, the one the outputs name");
                const outputs = await stack.outputs();
                assert.equal(outputs.userPoolId, poolId);
                const pool = (await describePool(poolId))!;
                assert.equal(outputs.userPoolArn, pool.Arn);
                assert.equal(outputs.userPoolEndpoint, `cognito-idp.us-east-1.amazonaws.com/${poolId}`);
                assert.equal(pool.Name, "users");
                assert.equal(pool.Policies?.PasswordPolicy?.MinimumLength, 8);
            });

            it("a second preview shows no change, and makes no Cognito call", async () => {
                localCognito().resetCalls();
                const again = await must("pulumi preview (again)", stack.preview());
                assert.deepEqual(plan(again), ["same users"], again.output);
                assert.deepEqual(again.changeSummary, { same: 2 }, "the stack and the pool unchanged");
                assert.deepEqual(localCognito().calls(), []);
            });

            it(`the exported state: the pool's serialized provider (__provider) is the small shim (≤ ${MAX_PROVIDER_BYTES} bytes), with no path, credential or environment value`, async () => {
                const deployment = await stack.exportStack();
                const resource = deployment.deployment.resources.find((r: Props) => r.type === POOL_TYPE);
                assert.ok(resource, "the pool is in the exported state");
                assert.equal(resource.id, poolId);
                const provider = resource.inputs.__provider as string;
                assert.equal(typeof provider, "string");
                const bytes = Buffer.byteLength(provider, "utf8");
                log(`serialized provider in the CLI's state: ${bytes} bytes: ${JSON.stringify(provider.slice(0, 120))}${provider.length > 120 ? "…" : ""}`);
                assert.ok(bytes <= MAX_PROVIDER_BYTES, `the serialized provider is ${bytes} bytes:\n${provider}`);
                assert.ok(provider.includes(`require("pulumi-cognito-user-pool/`), `the provider does not load the package by name:\n${provider}`);
                assert.equal(resource.outputs.__provider, provider, "outputs carry the same provider");
                const state = JSON.stringify(deployment);
                for (const path of new Set([consumer.dir, consumer.work, repoRoot, homedir(), tmpdir(), "/work"])) {
                    assert.ok(!provider.includes(path), `the serialized provider holds the path ${path}:\n${provider}`);
                }
                for (const secret of [process.env.AWS_SECRET_ACCESS_KEY!, process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER!, canaryEnv]) {
                    assert.ok(!provider.includes(secret), `the serialized provider holds ${secret}`);
                }
                assert.ok(!state.includes(canaryEnv), "the state holds the canary from the environment");
                // The config canary is in the stack's config, which the CLI keeps in Pulumi.fresh.yaml, not in state.
                assert.ok(!JSON.stringify(resource).includes("canary-config-"), "the pool's state holds a config value the program does not read");
            });

            it("destroy deletes the pool", async () => {
                const destroy = await must("pulumi destroy", stack.destroy());
                assert.deepEqual(plan(destroy), ["delete users"], destroy.output);
                assert.equal(await describePool(poolId), undefined);
                assert.deepEqual(await newPools("us-east-1", "fresh"), []);
            });
        });

        // -------------------------------------------------------------------------------------------
        scenario("an in-place change (a stack config value)", () => {
            let stack: CliStack;
            let poolId: string;
            before(async () => {
                stack = poolStack("inplace");
                poolId = (await must("pulumi up", stack.up())).outputs!.userPoolId;
            });

            it("`pulumi config set` then preview: an update naming the property, and no Cognito call", async () => {
                await stack.setConfig({ "cli-pool:minimumPasswordLength": "12" });
                localCognito().resetCalls();
                const preview = await must("pulumi preview", stack.preview());
                assert.deepEqual(plan(preview), ["update users"], preview.output);
                const step = poolStep(preview);
                assert.deepEqual(changedInputs(step), ["policies.passwordPolicy.minimumLength"], preview.output);
                assert.deepEqual(step.keys ?? [], [], "nothing forces a replacement");
                assert.match(preview.output, /~ pulumi-nodejs:dynamic\/cognito:UserPool: \(update\)/);
                assert.match(preview.output, /~ minimumLength *: *8 => 12/, "the CLI shows the changed value");
                assert.deepEqual(localCognito().calls(), []);
            });

            it("up updates the same pool", async () => {
                const up = await must("pulumi up", stack.up());
                assert.deepEqual(plan(up), ["update users"], up.output);
                assert.equal(up.outputs!.userPoolId, poolId, "the same pool");
                assert.equal(up.outputs!.minimumPasswordLength, 12);
                assert.equal((await describePool(poolId))!.Policies?.PasswordPolicy?.MinimumLength, 12);
            });
        });

        // -------------------------------------------------------------------------------------------
        scenario("a usernameConfiguration change: a replacement, guarded by the user count", () => {
            let stack: CliStack;
            let poolId: string;
            before(async () => {
                stack = poolStack("replace");
                poolId = (await must("pulumi up", stack.up())).outputs!.userPoolId;
            });

            it("preview of an empty pool: a replacement naming usernameConfiguration", async () => {
                await stack.setConfig({ "cli-pool:caseSensitive": "true" });
                const preview = await must("pulumi preview", stack.preview());
                const step = poolStep(preview, "replace");
                assert.ok(step.keys?.includes("usernameConfiguration"), `replace keys: ${JSON.stringify(step.keys)}\n${preview.output}`);
                assert.match(preview.output, /\+-pulumi-nodejs:dynamic\/cognito:UserPool: \(replace\)/);
                assert.deepEqual(changedInputs(step), ["usernameConfiguration.caseSensitive"], preview.output);
            });

            it("with a user in the pool (and a refresh for a current count), preview is refused with the README's message", async () => {
                await cognito().send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: "someone@example.com", MessageAction: "SUPPRESS" }));
                await must("pulumi refresh", stack.refresh());
                const preview = await mustFail("pulumi preview", stack.preview());
                const errors = diagnostics(preview).join("\n");
                assert.match(errors, /has 1 user\b.*, and this change replaces it: usernameConfiguration cannot change/, preview.output);
                assert.match(errors, /add allowReplacementWithUsers: true to this UserPool/);
            });

            it("up is refused the same way, and the pool and its user stay", async () => {
                const up = await mustFail("pulumi up", stack.up());
                assert.match(diagnostics(up).join("\n"), /allowReplacementWithUsers: true/, up.output);
                const pool = await describePool(poolId);
                assert.ok(pool, "the pool is still there");
                assert.equal(pool.EstimatedNumberOfUsers, 1);
                assert.deepEqual(await newPools("us-east-1", "replace"), [poolId], "no second pool");
                assert.equal((await stack.outputs()).userPoolId, poolId);
            });

            it("with allowReplacementWithUsers: true, up replaces it: a new pool, the old one deleted", async () => {
                await stack.setConfig({ "cli-pool:allowReplacementWithUsers": "true" });
                const up = await must("pulumi up", stack.up());
                const step = poolStep(up, "replace");
                assert.ok(step.keys?.includes("usernameConfiguration"), up.output);
                const newId = up.outputs!.userPoolId;
                assert.notEqual(newId, poolId, "a new pool");
                assert.equal(await describePool(poolId), undefined, "the old pool is deleted");
                assert.deepEqual(await newPools("us-east-1", "replace"), [newId]);
                assert.equal((await describePool(newId))!.UsernameConfiguration?.CaseSensitive, true);
                const pending = (await stack.exportStack()).deployment.resources.filter((r: Props) => r.delete);
                assert.deepEqual(pending, [], "nothing left pending deletion");
            });
        });

        // -------------------------------------------------------------------------------------------
        scenario("users added since the last refresh: the replacement guard and the old pool's deletion", () => {
            let stack: CliStack;
            let poolId: string;
            before(async () => {
                stack = poolStack("stale");
                poolId = (await must("pulumi up", stack.up())).outputs!.userPoolId;
                await cognito().send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: "late@example.com", MessageAction: "SUPPRESS" }));
                await stack.setConfig({ "cli-pool:caseSensitive": "true" });
            });

            it("`pulumi up` without a refresh does not move the stack to a new, empty pool", async () => {
                const up = await stack.up();
                log(`pulumi up: ${up.seconds.toFixed(1)} s (${up.ok ? "succeeded" : "failed"}): ${outcomes(up).map((s) => `${s.op} ${s.newId ?? s.oldId ?? ""}`).join(", ")}`);
                if (!up.ok) log(`its errors: ${diagnostics(up).map((d) => d.split("\n")[0]).join(" / ")}`);
                const outputs = await stack.outputs();
                const pending = (await stack.exportStack()).deployment.resources.filter((r: Props) => r.delete).map((r: Props) => r.id);
                const pools = await newPools("us-east-1", "stale");
                assert.deepEqual(
                    { stackPool: outputs.userPoolId, poolsInCognito: pools, pendingDeletion: pending },
                    { stackPool: poolId, poolsInCognito: [poolId], pendingDeletion: [] },
                    `the pool with a user must stay the stack's pool, with no second pool. CLI output:\n${up.output}`,
                );
            });

            it("with allowReplacementWithUsers: true, the next up completes: one pool, nothing pending deletion", async () => {
                await stack.setConfig({ "cli-pool:allowReplacementWithUsers": "true" });
                const up = await stack.up();
                log(`pulumi up: ${up.seconds.toFixed(1)} s (${up.ok ? "succeeded" : "failed"}): ${outcomes(up).map((s) => `${s.op} ${s.newId ?? s.oldId ?? ""}`).join(", ")}`);
                ok(up, "pulumi up with allowReplacementWithUsers: true");
                const pending = (await stack.exportStack()).deployment.resources.filter((r: Props) => r.delete).map((r: Props) => r.id);
                assert.deepEqual(pending, [], "nothing left pending deletion");
                const outputs = await stack.outputs();
                assert.deepEqual(await newPools("us-east-1", "stale"), [outputs.userPoolId], "exactly one pool, the stack's");
                assert.equal((await describePool(outputs.userPoolId))!.UsernameConfiguration?.CaseSensitive, true);
            });
        });

        // -------------------------------------------------------------------------------------------
        scenario("out-of-band changes: refresh, up, up --refresh", () => {
            let stack: CliStack;
            let poolId: string;
            before(async () => {
                stack = poolStack("drift");
                poolId = (await must("pulumi up", stack.up())).outputs!.userPoolId;
            });
            let refreshed: OperationResult;

            it("an UpdateUserPool outside Pulumi: `pulumi refresh` shows it and records it", async () => {
                await outOfBandMinimumLength(poolId, 20);
                refreshed = await must("pulumi refresh", stack.refresh());
                assert.deepEqual(plan(refreshed), ["refresh users"], refreshed.output);
                const outcome = outcomes(refreshed).find((s) => s.type === POOL_TYPE)!;
                log(`refresh: announced "refresh", ended "${outcome.op}"; input paths changed: ${changedInputs(outcome).join(", ")}`);
                assert.equal(outcome.op, "update", "the refresh found a change");
                assert.match(refreshed.output, /~ +pulumi-nodejs:dynamic\/cognito:UserPool users updated .*\[diff: .*~policies\]/, refreshed.output);
                assert.ok(changedInputs(outcome).includes("policies.passwordPolicy.minimumLength"), refreshed.output);
                const state = (await stack.exportStack()).deployment.resources.find((r: Props) => r.type === POOL_TYPE);
                assert.equal(state.outputs.policies.passwordPolicy.minimumLength, 20, "the state's outputs hold what Cognito has");
                assert.equal(state.inputs.policies.passwordPolicy.minimumLength, 20, "and so do its inputs (read returns them)");
            });

            it("refresh reports only what changed outside Pulumi (nothing else as removed)", () => {
                assert.ok(refreshed, "the refresh ran");
                const outcome = outcomes(refreshed).find((s) => s.type === POOL_TYPE)!;
                assert.deepEqual(changedInputs(outcome), ["policies.passwordPolicy.minimumLength"], `the CLI printed:\n${refreshed.output}`);
            });

            it("then `pulumi up` restores the declaration, in place", async () => {
                const preview = await must("pulumi preview", stack.preview());
                assert.deepEqual(plan(preview), ["update users"], preview.output);
                assert.match(preview.output, /~ minimumLength *: *20 => 8/, preview.output);
                const up = await must("pulumi up", stack.up());
                assert.deepEqual(plan(up), ["update users"], up.output);
                assert.equal(up.outputs!.userPoolId, poolId);
                assert.equal((await describePool(poolId))!.Policies?.PasswordPolicy?.MinimumLength, 8);
            });

            it("another out-of-band change: `pulumi up --refresh` restores it in one run", async () => {
                await outOfBandMinimumLength(poolId, 21);
                const up = await must("pulumi up --refresh", stack.up({ refresh: true }));
                const ops = plan(up);
                assert.ok(ops.includes("update users"), `up --refresh updates the pool: ${ops.join(", ")}\n${up.output}`);
                assert.equal(up.outputs!.userPoolId, poolId);
                assert.equal((await describePool(poolId))!.Policies?.PasswordPolicy?.MinimumLength, 8);
            });

            it("a custom attribute added outside Pulumi (AddCustomAttributes) does not make refresh fail", async () => {
                await cognito().send(
                    new AddCustomAttributesCommand({ UserPoolId: poolId, CustomAttributes: [{ Name: "added", AttributeDataType: "String", Mutable: true }] }),
                );
                const refresh = await stack.refresh();
                log(`pulumi refresh: ${refresh.seconds.toFixed(1)} s`);
                ok(refresh, "pulumi refresh after an out-of-band custom attribute");
                const state = (await stack.exportStack()).deployment.resources.find((r: Props) => r.type === POOL_TYPE);
                const names = (state.outputs.schemaAttributes as Props[]).map((a) => a.name);
                assert.ok(names.includes("custom:added"), `schemaAttributes after refresh: ${names.join(", ")}`);
            });
        });

        // -------------------------------------------------------------------------------------------
        scenario("UserPool.get: an existing pool and a missing id", () => {
            let existingId: string;
            let getOutputs: Props = {};
            before(async () => {
                const created = await cognito().send(
                    new CreateUserPoolCommand({ PoolName: "managed-elsewhere", Policies: { PasswordPolicy: { MinimumLength: 11 } } }),
                );
                existingId = created.UserPool!.Id!;
            });

            it("an existing pool: read, nothing created or changed; destroy leaves it", async () => {
                const stack = consumer.stack("cli-get", "existing");
                stack.writeConfig({ "aws:region": "us-east-1", "cli-get:poolId": existingId });
                localCognito().resetCalls();
                const up = await must("pulumi up", stack.up());
                assert.deepEqual(plan(up), ["read existing"], up.output);
                assert.equal(up.outputs!.poolId, existingId);
                assert.equal(up.outputs!.poolArn, (await describePool(existingId))!.Arn);
                const calls = localCognito().calls();
                assert.deepEqual(calls.filter((c) => !/^(Describe|Get|List)/.test(c)), [], `only reads: ${calls.join(", ")}`);
                getOutputs = up.outputs!;
                const destroy = await must("pulumi destroy", stack.destroy());
                log(`destroy of a read resource: ${plan(destroy).join(", ") || "(no steps)"}`);
                assert.ok(await describePool(existingId), "destroying the stack leaves a pool it only read");
            });

            it("the read pool's settings are outputs: poolName and policies (typed Output<…> on UserPool)", () => {
                assert.equal(getOutputs.poolName, "managed-elsewhere", `stack outputs: ${JSON.stringify(getOutputs)}`);
                assert.equal(getOutputs.minimumPasswordLength, 11, `stack outputs: ${JSON.stringify(getOutputs)}`);
            });

            it("a missing id: up fails naming the id, and nothing is created", async () => {
                const missing = "us-east-1_doesNotExist0000000000000000000";
                const stack = consumer.stack("cli-get", "missing");
                stack.writeConfig({ "aws:region": "us-east-1", "cli-get:poolId": missing });
                const before = await poolIds("us-east-1");
                const up = await mustFail("pulumi up", stack.up());
                assert.match(up.error! + diagnostics(up).join("\n"), new RegExp(missing), up.output);
                assert.deepEqual(await poolIds("us-east-1"), before);
            });
        });

        // -------------------------------------------------------------------------------------------
        scenario("a failure after CreateUserPool (SetUserPoolMfaConfig refused)", () => {
            let stack: CliStack;
            let poolId: string;
            before(() => {
                stack = poolStack("partial", { totp: "true" });
            });

            it("up fails, and the state records the pool that was created", async () => {
                localCognito().onRequest((op) =>
                    op === "SetUserPoolMfaConfig" ? { status: 400, body: { __type: "InvalidParameterException", message: "injected: refused once" } } : undefined,
                );
                const up = await mustFail("pulumi up", stack.up());
                assert.match(diagnostics(up).join("\n"), /set the MFA configuration of user pool "users"/, up.output);
                const created = await newPools("us-east-1", "partial");
                assert.equal(created.length, 1, "one pool was created");
                poolId = created[0];
                const state = (await stack.exportStack()).deployment.resources.find((r: Props) => r.type === POOL_TYPE);
                assert.ok(state, `the pool is in the state:\n${up.output}`);
                assert.equal(state.id, poolId);
                assert.match(String(state.initErrors), /Could not set the MFA configuration/, "the failure is recorded with the pool (initErrors)");
            });

            it("the next up completes on the same pool", async () => {
                const up = await must("pulumi up", stack.up());
                assert.deepEqual(plan(up), ["update users"], up.output);
                assert.equal(up.outputs!.userPoolId, poolId);
                const state = (await stack.exportStack()).deployment.resources.find((r: Props) => r.type === POOL_TYPE);
                assert.equal(state.initErrors, undefined, "the failure is cleared");
                const mfa = await cognito().send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
                assert.equal(mfa.SoftwareTokenMfaConfiguration?.Enabled, true);
                assert.equal(mfa.MfaConfiguration, "OPTIONAL");
                assert.deepEqual(await newPools("us-east-1", "partial"), [poolId], "still one pool");
            });
        });

        // -------------------------------------------------------------------------------------------
        scenario("deletion protection ACTIVE", () => {
            let stack: CliStack;
            let poolId: string;
            before(async () => {
                stack = poolStack("protected", { deletionProtection: "ACTIVE" });
                poolId = (await must("pulumi up", stack.up())).outputs!.userPoolId;
            });

            it("`pulumi destroy` is refused with the README's message, and the pool stays", async () => {
                const destroy = await mustFail("pulumi destroy", stack.destroy());
                assert.match(diagnostics(destroy).join("\n"), /deletion protection ACTIVE, so Cognito keeps it/, destroy.output);
                assert.match(diagnostics(destroy).join("\n"), /set deletionProtection: "INACTIVE" on the UserPool, run `pulumi up`, then delete it again/);
                assert.ok(await describePool(poolId), "the pool is still there");
                assert.equal((await stack.outputs()).userPoolId, poolId, "and still in the stack");
            });

            it("switched off (an update), destroy deletes it", async () => {
                await stack.setConfig({ "cli-pool:deletionProtection": "INACTIVE" });
                const up = await must("pulumi up", stack.up());
                assert.deepEqual(plan(up), ["update users"], up.output);
                const destroy = await must("pulumi destroy", stack.destroy());
                assert.deepEqual(plan(destroy), ["delete users"], destroy.output);
                assert.equal(await describePool(poolId), undefined);
            });
        });

        // -------------------------------------------------------------------------------------------
        scenario("promotion: one program, dev -> staging -> prod by config alone", () => {
            const ids: Record<string, string> = {};
            const stack = (name: string) => consumer.stack("cli-promotion", name);

            for (const [name, region] of [["dev", "us-east-1"], ["staging", "us-east-1"], ["prod", "us-west-2"]]) {
                it(`${name}: up from Pulumi.${name}.yaml creates its own pool in ${region}`, async () => {
                    const up = await must(`pulumi up -s ${name}`, stack(name).up());
                    assert.deepEqual(plan(up), ["create users"], up.output);
                    ids[name] = up.outputs!.userPoolId;
                    assert.ok(ids[name].startsWith(`${region}_`), ids[name]);
                    assert.ok(up.outputs!.userPoolArn.includes(`:${region}:`), up.outputs!.userPoolArn);
                    const pool = (await describePool(ids[name], region))!;
                    assert.deepEqual(pool.UserPoolTags?.environment, name);
                });
            }

            it("the three pools differ as their config does", async () => {
                assert.equal(new Set(Object.values(ids)).size, 3);
                const [dev, staging, prod] = await Promise.all([
                    describePool(ids.dev),
                    describePool(ids.staging),
                    describePool(ids.prod, "us-west-2"),
                ]);
                assert.deepEqual(
                    [dev, staging, prod].map((p) => p!.Policies?.PasswordPolicy?.MinimumLength),
                    [8, 10, 14],
                );
                assert.equal(prod!.DeletionProtection, "ACTIVE");
                const mfa = await cognito("us-west-2").send(new GetUserPoolMfaConfigCommand({ UserPoolId: ids.prod }));
                assert.equal(mfa.SoftwareTokenMfaConfiguration?.Enabled, true);
            });

            it("staging's config previewed against dev's state: in-place updates, no replacement", async () => {
                localCognito().resetCalls();
                const preview = await must("pulumi preview -s dev --config-file Pulumi.staging.yaml", stack("dev").preview({ configFile: "Pulumi.staging.yaml" }));
                assert.deepEqual(plan(preview), ["update users"], preview.output);
                const step = poolStep(preview);
                assert.deepEqual(
                    changedInputs(step),
                    ["policies.passwordPolicy.minimumLength", "policies.passwordPolicy.requireSymbols"],
                    preview.output,
                );
                assert.deepEqual(step.keys ?? [], []);
                assert.deepEqual(localCognito().calls(), [], "a preview changes nothing");
            });

            it("prod's config previewed against dev's state: a replacement naming region", async () => {
                const preview = await must("pulumi preview -s dev --config-file Pulumi.prod.yaml", stack("dev").preview({ configFile: "Pulumi.prod.yaml" }));
                const step = poolStep(preview, "replace");
                assert.ok(step.keys?.includes("region"), `replace keys: ${JSON.stringify(step.keys)}\n${preview.output}`);
                assert.equal((await stack("dev").outputs()).userPoolId, ids.dev, "dev's state is untouched");
            });
        });
    });
}

// ---------------------------------------------------------------------------------------------------
// Cognito as the AWS SDK sees it (this run's local Cognito, through the environment rootHooks set).

function cognito(region = "us-east-1") {
    return new CognitoIdentityProviderClient({ region });
}

async function poolIds(region = "us-east-1"): Promise<Set<string>> {
    const ids = new Set<string>();
    let NextToken: string | undefined;
    do {
        const page = await cognito(region).send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }));
        for (const p of page.UserPools ?? []) ids.add(p.Id!);
        NextToken = page.NextToken;
    } while (NextToken);
    return ids;
}

/** The pools in `region` that the pool program made for `stack` (its `stack` tag). */
async function newPools(region: string, stack: string): Promise<string[]> {
    const mine: string[] = [];
    for (const id of await poolIds(region)) {
        const pool = await describePool(id, region);
        if (pool?.UserPoolTags?.stack === stack) mine.push(id);
    }
    return mine;
}

async function describePool(id: string, region = id.split("_")[0]): Promise<Props | undefined> {
    try {
        return (await cognito(region).send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool as Props;
    } catch (err) {
        if ((err as Error).name === "ResourceNotFoundException") return undefined;
        throw err;
    }
}

/** An UpdateUserPool made outside Pulumi: the pool's settings as they are, with another minimum length. */
async function outOfBandMinimumLength(id: string, minimumLength: number): Promise<void> {
    const pool = (await describePool(id))!;
    // Describe still reports the deprecated UnusedAccountValidityDays, which Update refuses.
    const { UnusedAccountValidityDays: _deprecated, ...adminCreateUserConfig } = pool.AdminCreateUserConfig ?? {};
    await cognito().send(
        new UpdateUserPoolCommand({
            UserPoolId: id,
            Policies: { ...pool.Policies, PasswordPolicy: { ...pool.Policies?.PasswordPolicy, MinimumLength: minimumLength } },
            AutoVerifiedAttributes: pool.AutoVerifiedAttributes,
            DeletionProtection: pool.DeletionProtection,
            MfaConfiguration: pool.MfaConfiguration,
            UserPoolTags: pool.UserPoolTags,
            AdminCreateUserConfig: adminCreateUserConfig,
            AccountRecoverySetting: pool.AccountRecoverySetting,
            VerificationMessageTemplate: pool.VerificationMessageTemplate,
            EmailConfiguration: pool.EmailConfiguration,
            LambdaConfig: pool.LambdaConfig,
        }),
    );
}
