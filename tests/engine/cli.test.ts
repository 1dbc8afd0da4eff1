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
import { join } from "node:path";
import {
    AddCustomAttributesCommand,
    AdminCreateUserCommand,
    CognitoIdentityProviderClient,
    CreateUserPoolCommand,
    DeleteUserPoolCommand,
    DescribeUserPoolCommand,
    GetUserPoolMfaConfigCommand,
    ListUserPoolsCommand,
    ListUsersCommand,
    ListUsersInGroupCommand,
    CreateGroupCommand,
    AdminAddUserToGroupCommand,
    UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { changedInputs, CliStack, Consumer, diagnostics, ok, OperationResult, outcomes, plan, steps, suitePrograms } from "../cli/consumer";
import { cacheRoot, directoryBytes, ensurePulumiCli, PulumiCli } from "../cli/pulumiCli";
import { Engine, Step } from "../support/engine";
import { localCognito } from "../support/localCognito";
import { repoRoot } from "../support/stacks";

const POOL_TYPE = "pulumi-nodejs:dynamic/cognito:UserPool";
const REGIONS = ["us-east-1", "us-west-2"];
const MAX_PROVIDER_BYTES = 2048;
/** How the engine's events carry a value not known yet (pkg/resource/stack/deployment.go, computedValuePlaceholder). */
const UNKNOWN_IN_EVENTS = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The provider's record on an old pool that its replacement (so its deletion) was consented (provider/verbs/guards.ts). */
const CONSENT_TAG = "pulumi-cognito-user-pool:replacement-consented";
const TRIGGER_ARN = "arn:aws:lambda:us-east-1:123456789012:function:from-another-tool";
type Props = Record<string, any>;

{
    describe("the real Pulumi CLI, on a consumer project", function (this: Mocha.Suite) {
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

        /** A stack of the options program: the UserPool's arguments and resource options as stack config (JSON). */
        function optionsStack(name: string, inputs: Props, options: Props = {}, more: Record<string, string> = {}): CliStack {
            const stack = consumer.stack("cli-options", name);
            stack.writeConfig({
                "aws:region": "us-east-1",
                "cli-options:inputs": JSON.stringify(inputs),
                "cli-options:options": JSON.stringify(options),
                ...Object.fromEntries(Object.entries(more).map(([k, v]) => [`cli-options:${k}`, v])),
            });
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
            let created: Props;
            let preview: OperationResult;
            before(async () => {
                stack = poolStack("inplace");
                created = (await must("pulumi up", stack.up())).outputs!;
                poolId = created.userPoolId;
            });

            it("`pulumi config set` then preview: an update naming the property, and no Cognito call", async () => {
                await stack.setConfig({ "cli-pool:minimumPasswordLength": "12" });
                localCognito().resetCalls();
                preview = await must("pulumi preview", stack.preview());
                assert.deepEqual(plan(preview), ["update users"], preview.output);
                const step = poolStep(preview);
                assert.deepEqual(changedInputs(step), ["policies.passwordPolicy.minimumLength"], preview.output);
                assert.deepEqual(step.keys ?? [], [], "nothing forces a replacement");
                assert.match(preview.output, /~ pulumi-nodejs:dynamic\/cognito:UserPool: \(update\)/);
                assert.match(preview.output, /~ minimumLength *: *8 => 12/, "the CLI shows the changed value");
                assert.deepEqual(localCognito().calls(), []);
            });

            it("the update's preview keeps `endpoint` known and unchanged; `arn` is unknown (README: \"Resource options\")", () => {
                assert.ok(preview, "the preview ran");
                // The stack's outputs as the engine previews them: the program's exports are the Stack
                // resource's outputs, in its last ResOutputsEvent (the first one carries the old outputs).
                const stackOutputs = preview.events
                    .map((e) => e.resOutputsEvent?.metadata)
                    .filter((m) => m?.type === "pulumi:pulumi:Stack" && m.new?.outputs)
                    .pop()?.new.outputs;
                assert.ok(stackOutputs, `no previewed outputs of the stack in the events:\n${preview.output}`);
                log(`previewed stack outputs: userPoolEndpoint ${JSON.stringify(stackOutputs.userPoolEndpoint)}, userPoolArn ${JSON.stringify(stackOutputs.userPoolArn)}`);
                assert.equal(stackOutputs.userPoolEndpoint, created.userPoolEndpoint, "the endpoint is known, and the same");
                assert.equal(stackOutputs.userPoolId, poolId);
                assert.equal(stackOutputs.userPoolArn, UNKNOWN_IN_EVENTS, "the ARN is not an input, so the engine leaves it unknown");
                // What the CLI prints of the outputs (`--outputs:--` under --diff): the endpoint not as changing.
                const shown = preview.output.slice(preview.output.indexOf("--outputs:--"));
                assert.ok(preview.output.includes("--outputs:--"), preview.output);
                log(`the CLI's previewed outputs: ${JSON.stringify(shown.split("\nResources:")[0])}`);
                assert.doesNotMatch(shown.split("\nResources:")[0], /userPoolEndpoint/, preview.output);
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

            let newId: string;
            it("with allowReplacementWithUsers: true, up replaces it; the old pool's DeleteUserPool failing once leaves it pending deletion, its consent tagged on it", async () => {
                await stack.setConfig({ "cli-pool:allowReplacementWithUsers": "true" });
                let failed = false;
                localCognito().onRequest((op, body) => {
                    if (op !== "DeleteUserPool" || body.UserPoolId !== poolId || failed) return undefined;
                    failed = true;
                    return { status: 400, body: { __type: "ConcurrentModificationException", message: "injected: the old pool is busy" } };
                });
                const up = await mustFail("pulumi up (the old pool's delete fails)", stack.up());
                assert.ok(failed, `the old pool's DeleteUserPool was not called:\n${up.output}`);
                assert.match(diagnostics(up).join("\n"), /ConcurrentModificationException|busy/, up.output);
                assertNoStackTrace(up);
                const step = poolStep(up, "replace");
                assert.ok(step.keys?.includes("usernameConfiguration"), up.output);
                const resources = (await stack.exportStack()).deployment.resources.filter((r: Props) => r.type === POOL_TYPE);
                const current = resources.filter((r: Props) => !r.delete);
                assert.equal(current.length, 1, JSON.stringify(resources.map((r: Props) => ({ id: r.id, delete: r.delete }))));
                newId = current[0].id;
                assert.notEqual(newId, poolId, "a new pool is the stack's pool");
                assert.deepEqual(
                    resources.filter((r: Props) => r.delete).map((r: Props) => r.id),
                    [poolId],
                    "the old pool is in the state pending deletion (`delete: true`)",
                );
                const old = await describePool(poolId);
                assert.ok(old, "the old pool is still in Cognito");
                // The consent names the resource (a digest of its URN) and the pool that replaced it.
                assert.match(String(old.UserPoolTags?.[CONSENT_TAG]), new RegExp(`^[0-9a-f]{24}:${newId}$`), `the consent is recorded on the old pool; its tags: ${JSON.stringify(old.UserPoolTags)}`);
                assert.equal((await describePool(newId))!.UsernameConfiguration?.CaseSensitive, true);
            });

            it("the next `pulumi up` without the consent (withdrawn) refuses the pending delete, with the count: the old pool and its user stay", async () => {
                await stack.removeConfig(["cli-pool:allowReplacementWithUsers"]);
                const up = await mustFail("pulumi up (the consent withdrawn)", stack.up());
                assert.match(diagnostics(up).join("\n"), /Could not delete user pool .*: it has 1 user, whose accounts would be lost/, up.output);
                assert.ok(await describePool(poolId), "the old pool is still there");
                assert.equal((await describePool(poolId))!.UserPoolTags?.[CONSENT_TAG], undefined, "and the consent recorded on it is withdrawn");
            });

            it("the next `pulumi up` (a new CLI process and provider host) with the consent given again deletes it: one pool, nothing pending", async () => {
                await stack.setConfig({ "cli-pool:allowReplacementWithUsers": "true" });
                const up = await must("pulumi up (retries the pending delete)", stack.up());
                log(`the retry: ${plan(up).join(", ")}`);
                assert.ok(
                    steps(up).some((s) => s.type === POOL_TYPE && /^delete/.test(s.op) && s.oldId === poolId),
                    `no delete step for the old pool ${poolId}:\n${up.output}`,
                );
                assert.equal(await describePool(poolId), undefined, "the old pool is deleted");
                assert.equal((await stack.outputs()).userPoolId, newId);
                assert.deepEqual(await newPools("us-east-1", "replace"), [newId]);
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
            let addedAttributeRefresh: OperationResult | undefined;

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
                addedAttributeRefresh = refresh;
            });

            it("the provider's warning naming the attribute reaches the CLI's diagnostics at refresh", () => {
                assert.ok(addedAttributeRefresh, "the refresh ran");
                const refresh = addedAttributeRefresh;
                const warning = /has custom attribute 'added' that this UserPool's schema does not declare/;
                // The provider host writes it to its stderr; the CLI passes a plugin's stderr on as
                // diagnostics (pkg/resource/plugin/plugin.go), of severity "info#err".
                const all = refresh.events.filter((e) => e.diagnosticEvent).map((e) => e.diagnosticEvent as Props);
                const found = all.filter((d) => warning.test(d.message));
                log(`the warning at refresh: ${found.map((d) => `${d.severity}${d.urn ? ` (${d.urn.split("::").pop()})` : ""}: ${JSON.stringify(d.message.trim().slice(0, 90))}…`).join(" / ") || "none"}; in the CLI's output: ${warning.test(refresh.output)}`);
                assert.ok(found.length > 0, `no diagnostic with the warning; diagnostics: ${JSON.stringify(all.map((d) => [d.severity, d.message]))}\nCLI output:\n${refresh.output}`);
                assert.match(refresh.output, warning, "the CLI prints it");
                assertNoStackTrace(refresh);
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
                assertNoStackTrace(destroy);
            });

            it("a change that replaces it (usernameConfiguration) is refused at preview, with no stack trace, and nothing is created", async () => {
                await stack.setConfig({ "cli-pool:caseSensitive": "true" });
                localCognito().resetCalls();
                const preview = await mustFail("pulumi preview", stack.preview());
                const errors = diagnostics(preview).join("\n");
                assert.match(errors, /has deletion protection ACTIVE, and this change replaces it: usernameConfiguration cannot change/, preview.output);
                assert.match(errors, /Switch deletion protection off first/);
                assertNoStackTrace(preview);
                const calls = localCognito().calls();
                assert.deepEqual(calls.filter((c) => !/^(Describe|Get|List)/.test(c)), [], `a refused preview only reads: ${calls.join(", ")}`);
                assert.deepEqual(await newPools("us-east-1", "protected"), [poolId], "no second pool");
                assert.equal((await stack.outputs()).userPoolId, poolId);
                await stack.setConfig({ "cli-pool:caseSensitive": "false" });
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
                // The feature plans: dev ESSENTIALS with email one-time codes; prod PLUS, threat protection, passkeys.
                assert.deepEqual([dev, staging, prod].map((p) => p!.UserPoolTier), ["ESSENTIALS", "ESSENTIALS", "PLUS"]);
                assert.deepEqual(dev!.Policies?.SignInPolicy?.AllowedFirstAuthFactors, ["PASSWORD", "EMAIL_OTP"]);
                assert.equal(prod!.UserPoolAddOns?.AdvancedSecurityMode, "ENFORCED");
                assert.equal(mfa.WebAuthnConfiguration?.RelyingPartyId, "auth.example.com");
            });

            it("staging's config previewed against dev's state: in-place updates, no replacement", async () => {
                localCognito().resetCalls();
                const preview = await must("pulumi preview -s dev --config-file Pulumi.staging.yaml", stack("dev").preview({ configFile: "Pulumi.staging.yaml" }));
                assert.deepEqual(plan(preview), ["update users"], preview.output);
                const step = poolStep(preview);
                assert.deepEqual(
                    changedInputs(step),
                    // dev's email one-time codes go too (staging signs in with a password only).
                    ["policies.passwordPolicy.minimumLength", "policies.passwordPolicy.requireSymbols", "policies.signInPolicy.allowedFirstAuthFactors"],
                    preview.output,
                );
                assert.deepEqual(step.keys ?? [], []);
                assert.deepEqual(localCognito().calls(), [], "a preview changes nothing");
            });

            it("prod's config previewed against dev's state: a replacement naming region", async () => {
                const preview = await must("pulumi preview -s dev --config-file Pulumi.prod.yaml", stack("dev").preview({ configFile: "Pulumi.prod.yaml" }));
                const step = poolStep(preview, "replace");
                assert.ok(step.keys?.includes("region"), `replace keys: ${JSON.stringify(step.keys)}\n${preview.output}`);
                // Each difference of prod's config shows: its plan, threat protection, passkeys, sign-in factors.
                const changed = changedInputs(step);
                for (const path of ["userPoolTier", "userPoolAddOns", "webAuthnConfiguration", "policies.signInPolicy", "deletionProtection", "mfaConfiguration"]) {
                    assert.ok(changed.some((c) => c === path || c.startsWith(`${path}.`)), `${path} in ${changed}`);
                }
                assert.equal((await stack("dev").outputs()).userPoolId, ids.dev, "dev's state is untouched");
            });
        });

        // -------------------------------------------------------------------------------------------
        scenario("resource options through the real engine: replaceOnChanges, ignoreChanges, retainOnDelete", () => {
            let stack: CliStack;
            let poolId: string;
            const inputs = (minimumLength: number, caseSensitive = true) => ({
                usernameConfiguration: { caseSensitive },
                policies: { passwordPolicy: { minimumLength } },
                userPoolTags: { stack: "options" },
            });
            const configure = (declared: Props, options: Props) =>
                stack.setConfig({ "cli-options:inputs": JSON.stringify(declared), "cli-options:options": JSON.stringify(options) });
            before(async () => {
                stack = optionsStack("options", inputs(8), { replaceOnChanges: ["policies"], ignoreChanges: ["lambdaConfig"] });
                poolId = (await must("pulumi up", stack.up())).outputs!.userPoolId;
            });

            it("replaceOnChanges [\"policies\"]: a policies change previews as a replacement naming policies", async () => {
                await configure(inputs(12), { replaceOnChanges: ["policies"], ignoreChanges: ["lambdaConfig"] });
                const preview = await must("pulumi preview", stack.preview());
                assert.deepEqual(plan(preview), ["create-replacement pool", "replace pool", "delete-replaced pool"], preview.output);
                const step = poolStep(preview, "replace");
                assert.deepEqual(step.keys, ["policies"], `replace keys: ${JSON.stringify(step.keys)}\n${preview.output}`);
                assert.deepEqual(changedInputs(step), ["policies.passwordPolicy.minimumLength"], preview.output);
                assert.match(preview.output, /\+-pulumi-nodejs:dynamic\/cognito:UserPool: \(replace\)/);
            });

            it("ignoreChanges [\"lambdaConfig\"]: a PreSignUp trigger set outside Pulumi survives an unrelated update (minimumLength)", async () => {
                await outOfBandUpdate(poolId, { LambdaConfig: { PreSignUp: TRIGGER_ARN } });
                // retainOnDelete from here on, for the next step: the engine takes it from the state of the
                // resource it deletes, so it is applied before the replacement that relies on it.
                await configure(inputs(12), { ignoreChanges: ["lambdaConfig"], retainOnDelete: true });
                const up = await must("pulumi up", stack.up());
                assert.deepEqual(plan(up), ["update pool"], up.output);
                assert.ok(!changedInputs(poolStep(up)).some((p) => p.startsWith("lambdaConfig")), `lambdaConfig shown as a change:\n${up.output}`);
                assert.equal(up.outputs!.userPoolId, poolId);
                const pool = (await describePool(poolId))!;
                assert.equal(pool.Policies?.PasswordPolicy?.MinimumLength, 12, "the update was made");
                assert.equal(pool.LambdaConfig?.PreSignUp, TRIGGER_ARN, "the other tool's trigger is not reset by the full-configuration UpdateUserPool");
            });

            it("retainOnDelete: a replacement of a pool with users goes ahead without consent, and the old pool keeps its users", async () => {
                for (const name of ["kept1@example.com", "kept2@example.com"]) {
                    await cognito().send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: name, MessageAction: "SUPPRESS" }));
                }
                await configure(inputs(12, false), { ignoreChanges: ["lambdaConfig"], retainOnDelete: true });
                try {
                    const up = await must("pulumi up", stack.up());
                    const step = poolStep(up, "replace");
                    assert.ok(step.keys?.includes("usernameConfiguration"), up.output);
                    const newId = up.outputs!.userPoolId;
                    assert.notEqual(newId, poolId, "a new pool");
                    const old = await describePool(poolId);
                    assert.ok(old, "the old pool is kept in Cognito");
                    assert.equal(old.EstimatedNumberOfUsers, 2, "with its users");
                    const pending = (await stack.exportStack()).deployment.resources.filter((r: Props) => r.delete);
                    assert.deepEqual(pending, [], "nothing pending deletion: the engine dropped the old pool from the stack");
                } finally {
                    // Retained pools are no longer the stack's: delete them here (the stack is not used again).
                    for (const id of await newPools("us-east-1", "options")) {
                        await cognito().send(new DeleteUserPoolCommand({ UserPoolId: id })).catch(() => undefined);
                    }
                }
            });
        });

        // -------------------------------------------------------------------------------------------
        scenario("messages: a poolName marked secret", () => {
            it("a preview that check refuses says [secret], and the value is nowhere in the CLI's output, errors or events; no stack trace", async () => {
                // The program's own value (tests/programs/cli-options: badSecretPoolName): stack config would
                // not do, since the engine hands all of a stack's plain config to the provider (in its events).
                const secret = "bad/top-secret-pool-name";
                const stack = optionsStack("secret", {}, {}, { badSecretPoolName: "true" });
                const preview = await mustFail("pulumi preview", stack.preview());
                const errors = diagnostics(preview).join("\n");
                assert.match(errors, /'poolName' is \[secret\]; it must be letters, digits, ASCII spaces/, preview.output);
                const everything = { output: preview.output, error: preview.error ?? "", events: JSON.stringify(preview.events) };
                for (const [where, text] of Object.entries(everything)) {
                    for (const part of [secret, "top-secret"]) {
                        assert.ok(!text.includes(part), `the CLI's ${where} holds the secret value (${part}):\n${text}`);
                    }
                }
                assertNoStackTrace(preview);
            });
        });

        // -------------------------------------------------------------------------------------------
        // Every promise in every combination (tests/engine/promises.test.ts has the points the harness plays).

        /** A stack of the combinations program: its UserPools as stack config, set as a secret (see point 3). */
        async function combinationsStack(name: string, pools: { name: string; args: Props; options?: Props; secrets?: string[] }[]): Promise<CliStack> {
            const stack = consumer.stack("cli-combinations", name);
            stack.writeConfig({ "aws:region": "us-east-1" });
            await setPools(stack, pools);
            return stack;
        }
        async function setPools(stack: CliStack, pools: { name: string; args: Props; options?: Props; secrets?: string[] }[]): Promise<void> {
            // A secret config value: the engine keeps it out of its events, so what they hold is the provider's doing.
            await stack.setConfig({ "cli-combinations:pools": JSON.stringify(pools.map((p) => ({ options: {}, secrets: [], ...p }))) }, true);
        }
        const poolIdIn = async (stack: CliStack, name: string) => ((await stack.outputs()).poolIds as Record<string, string>)[name];

        scenario("copyUsersOnReplacement: a replacement that keeps the users, through a cancelled up", () => {
            const people = Array.from({ length: 90 }, (_, i) => `person${i}@example.com`);
            let stack: CliStack;
            let oldId: string;
            before(async () => {
                stack = optionsStack("copy-users", { usernameConfiguration: { caseSensitive: true }, userPoolTags: { stack: "copy-users" } });
                oldId = (await must("pulumi up", stack.up())).outputs!.userPoolId;
                await cognito().send(new CreateGroupCommand({ UserPoolId: oldId, GroupName: "staff", Precedence: 1 }));
                for (const [i, Username] of people.entries()) {
                    await cognito().send(new AdminCreateUserCommand({ UserPoolId: oldId, Username, MessageAction: "SUPPRESS", UserAttributes: [{ Name: "email", Value: Username }] }));
                    if (i % 3 === 0) await cognito().send(new AdminAddUserToGroupCommand({ UserPoolId: oldId, GroupName: "staff", Username }));
                }
                await stack.setConfig({
                    "cli-options:inputs": JSON.stringify({ usernameConfiguration: { caseSensitive: false }, copyUsersOnReplacement: true, userPoolTags: { stack: "copy-users" } }),
                    // The shared limit at 40 calls a second: the copy takes seconds, not half a minute.
                    "cognito-user-pool:requestsPerSecond": "40",
                });
            });

            it("preview: the replacement, and how many users will be copied; no username or email printed", async () => {
                const preview = await must("pulumi preview", stack.preview());
                poolStep(preview, "replace");
                // The provider host's stderr, passed on as diagnostics of severity "info#err" (pkg/resource/plugin/plugin.go).
                const said = diagnostics(preview, "info#err").join("\n");
                assert.match(said, /copyUsersOnReplacement: 90 users will be copied into the new pool; the old pool is deleted once every copy is checked/, said);
                assert.ok(!/person\d+@example\.com/.test(preview.output + JSON.stringify(preview.events)), "no user named");
            });

            let newId: string;
            it("Ctrl-C in the middle of the copy: the engine lets the Create finish, and keeps the old pool pending deletion", async () => {
                let creates = 0;
                localCognito().onRequest((op) => {
                    if (op === "AdminCreateUser" && ++creates === 30) consumer.interruptCli();
                    return undefined;
                });
                const up = await mustFail("pulumi up (cancelled)", stack.up());
                localCognito().clearHooks();
                assert.ok(creates >= 30, `the copy had begun: ${creates} AdminCreateUser\n${up.output}`);
                const resources = (await stack.exportStack()).deployment.resources.filter((r: Props) => r.type === POOL_TYPE);
                log(`after the cancelled up: ${resources.map((r: Props) => `${r.id}${r.delete ? " (pending deletion)" : ""}`).join(", ")}; ${creates} AdminCreateUser`);
                assert.equal(await describePool(oldId).then(Boolean), true, "the old pool is still there");
                assert.match(diagnostics(up).join("\n"), /update canceled/, up.output);
                // The engine let the Create under way finish (the copy with it), then recorded the old pool as
                // pending deletion (step.go, CreateStep.Apply) and started no other step.
                assert.deepEqual(resources.filter((r: Props) => r.delete).map((r: Props) => r.id), [oldId], up.output);
                newId = resources.find((r: Props) => !r.delete)?.id;
                assert.match(diagnostics(up, "info#err").join("\n"), /90 users of user pool \S+ verified in user pool/);
            });

            it("the next up finishes and checks the copy, then deletes the old pool: every user once, the group and its members", async () => {
                const up = await must("pulumi up (resumed)", stack.up());
                const id = up.outputs!.userPoolId;
                assert.equal(id, newId, "the pool the cancelled up made");
                assert.notEqual(id, oldId);
                assert.equal(await describePool(oldId), undefined, "the old pool is deleted");
                const copied: string[] = [];
                let token: string | undefined;
                do {
                    const page = await cognito().send(new ListUsersCommand({ UserPoolId: id, PaginationToken: token }));
                    copied.push(...(page.Users ?? []).map((u) => u.Username!));
                    token = page.PaginationToken;
                } while (token);
                assert.deepEqual(copied.sort(), [...people].sort(), "every user, once");
                const staff = await cognito().send(new ListUsersInGroupCommand({ UserPoolId: id, GroupName: "staff" }));
                assert.equal(staff.Users?.length, 30);
                assert.deepEqual(await newPools("us-east-1", "copy-users"), [id], "no third pool");
                assertNoStackTrace(up);
            });
        });

        scenario("1. a withdrawn consent is withdrawn", () => {
            it("consent applied, users added, consent removed and applied: no update on every later preview, and destroy is refused with the count", async () => {
                const stack = await combinationsStack("withdrawn", [{ name: "a", args: { allowReplacementWithUsers: true } }]);
                await must("pulumi up", stack.up());
                const id = await poolIdIn(stack, "a");
                await cognito().send(new AdminCreateUserCommand({ UserPoolId: id, Username: "kept@example.com", MessageAction: "SUPPRESS" }));
                await setPools(stack, [{ name: "a", args: {} }]);
                await must("pulumi up (the consent removed)", stack.up());
                const preview = await must("pulumi preview", stack.preview());
                assert.deepEqual(plan(preview), ["same a"], preview.output);
                const destroy = await mustFail("pulumi destroy", stack.destroy());
                assert.match(diagnostics(destroy).join("\n"), /Could not delete user pool "a" \(.+\): it has 1 user, whose accounts would be lost/, destroy.output);
                assert.ok(await describePool(id), "the pool and its user stay");
                await setPools(stack, [{ name: "a", args: { allowReplacementWithUsers: true } }]);
                await must("pulumi up (consent given)", stack.up());
                await must("pulumi destroy", stack.destroy());
                assert.equal(await describePool(id), undefined);
            });
        });

        scenario("3. secrets stay secret: the state, the engine's events, the messages", () => {
            const tag = randomBytes(4).toString("hex");
            const secrets = { name: `secret-name-${tag}`, externalId: `secret-ext-${tag}`, owner: `secret-owner-${tag}` };
            const pool = (minimumLength: number, more: Props = {}) => ({
                name: "a",
                args: {
                    poolName: secrets.name,
                    smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/cognito-sms", externalId: secrets.externalId },
                    userPoolTags: { owner: secrets.owner },
                    policies: { passwordPolicy: { minimumLength } },
                    ...more,
                },
                secrets: ["poolName", "smsConfiguration.externalId", "userPoolTags"],
            });
            let stack: CliStack;
            const seen: OperationResult[] = [];
            const clean = (what: string, text: string) => {
                for (const value of Object.values(secrets)) assert.ok(!text.includes(value), `${what} holds the secret ${value}:\n${text.slice(Math.max(0, text.indexOf(value) - 300), text.indexOf(value) + 100)}`);
            };

            it("up, refresh, an update and a refused replacement: no secret in `pulumi stack export` (no --show-secrets), in any event, or in anything printed", async () => {
                stack = await combinationsStack("secrets", [pool(8)]);
                seen.push(await must("pulumi up", stack.up()));
                const id = await poolIdIn(stack, "a");
                seen.push(await must("pulumi refresh", stack.refresh()));
                await setPools(stack, [pool(12)]);
                seen.push(await must("pulumi up (an update)", stack.up()));
                await cognito().send(new AdminCreateUserCommand({ UserPoolId: id, Username: "kept@example.com", MessageAction: "SUPPRESS" }));
                await setPools(stack, [pool(12, { usernameConfiguration: { caseSensitive: false } })]);
                const refused = await mustFail("pulumi preview (a replacement of a pool with a user)", stack.preview());
                assert.match(diagnostics(refused).join("\n"), /has 1 user, and this change replaces it/);
                seen.push(refused);
                for (const op of seen) {
                    clean("the CLI's output", op.output);
                    clean("the CLI's error", op.error ?? "");
                    // Debug diagnostics are @pulumi/pulumi's own trace of the program's RPCs (runtime/resource.ts logs
                    // every RegisterResource response, secrets decrypted, for every resource of every provider; shown
                    // only with --debug): not the engine's, nor the provider's.
                    clean("the engine's events", JSON.stringify(op.events.filter((e) => e.diagnosticEvent?.severity !== "debug")));
                }
                const exported = JSON.stringify(await stack.exportPlain());
                clean("`pulumi stack export`", exported);
                assert.ok(exported.includes("ciphertext"), "the values are in the state as secrets");
            });

            it("an attribute declared plainly, then marked secret (nothing changes in Cognito): preview shows an update, up makes no call, and `pulumi stack export` no longer names it", async () => {
                const attribute = `later${tag}`.replace(/[^A-Za-z0-9]/g, "").slice(0, 20);
                const declared = { name: "a", args: { schema: [{ name: attribute, attributeDataType: "String", mutable: true }] } };
                const later = await combinationsStack("secret-later", [declared]);
                await must("pulumi up", later.up());
                assert.ok(JSON.stringify(await later.exportPlain()).includes(attribute), "declared plainly, the attribute is in the state as it is");
                await setPools(later, [{ ...declared, secrets: ["schema"] }]);
                const preview = await must("pulumi preview", later.preview());
                assert.deepEqual(plan(preview), ["update a"], preview.output);
                localCognito().resetCalls();
                await must("pulumi up", later.up());
                assert.deepEqual(localCognito().calls(), [], "a record rewritten, no call");
                assert.ok(!JSON.stringify(await later.exportPlain()).includes(attribute), "marked secret, the attribute's name is stored only encrypted");
                await must("pulumi destroy", later.destroy());
            });

            it("a check failure inside an object marked secret names the path, never the value", async () => {
                const bad = `bad-region-${tag}`;
                await setPools(stack, [{ name: "a", args: { poolName: "plain", smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/cognito-sms", snsRegion: bad } }, secrets: ["smsConfiguration"] }]);
                const preview = await mustFail("pulumi preview", stack.preview());
                const errors = diagnostics(preview).join("\n");
                assert.match(errors, /'smsConfiguration.snsRegion' is \[secret\]; it must be an AWS region/, preview.output);
                for (const text of [preview.output, errors, JSON.stringify(preview.events)]) assert.ok(!text.includes(bad));
                assertNoStackTrace(preview);
            });
        });

        scenario("10. the import option: refused with what to do, and no stack trace", () => {
            it("preview fails with the message and without `at new UserPool`", async () => {
                const stack = optionsStack("import", {}, { import: "us-east-1_AbCdEfGhI" });
                const preview = await mustFail("pulumi preview", stack.preview());
                assert.match(preview.output + (preview.error ?? ""), /the import resource option does not work for dynamic providers .*existingPoolId/s);
                assertNoStackTrace(preview);
                assert.ok(!/Unhandled exception/.test(preview.output), preview.output);
            });
        });

        scenario("12. a replacement's preview shows what changes, and nothing the new pool keeps as removed", () => {
            it("`pulumi preview --diff` of a replacement: the changed setting and Cognito's computed outputs, nothing else", async () => {
                const stack = await combinationsStack("honest", [{ name: "a", args: { usernameConfiguration: { caseSensitive: true }, policies: { passwordPolicy: { minimumLength: 12 } } } }]);
                await must("pulumi up", stack.up());
                await setPools(stack, [{ name: "a", args: { usernameConfiguration: { caseSensitive: false }, policies: { passwordPolicy: { minimumLength: 12 } } } }]);
                const preview = await must("pulumi preview --diff", stack.preview());
                assert.match(preview.output, /\+-pulumi-nodejs:dynamic\/cognito:UserPool: \(replace\)/);
                // The display's own marks: `- name`, `+ name`, `~ name` at the start of a property line.
                const marked = [...preview.output.matchAll(/^\s+([-+~]) ([A-Za-z][\w]*)\s*:/gm)].map((m) => `${m[1]} ${m[2]}`);
                const computed = ["arn", "endpoint", "creationDate", "lastModifiedDate", "estimatedNumberOfUsers", "schemaAttributes", "domain", "customDomain"];
                const unexpected = marked.filter((m) => !computed.some((c) => m === `- ${c}`) && !["~ usernameConfiguration", "~ caseSensitive"].includes(m));
                assert.deepEqual(unexpected, [], preview.output);
                await must("pulumi destroy", stack.destroy());
            });
        });

        // -------------------------------------------------------------------------------------------
        scenario("parity: the engine harness and the real CLI play the same script", () => {
            it("create; no-change preview; in-place change; out-of-band change then refresh; up restoring; a replacement; destroy: the same op per resource and the same changed input paths at each step", async () => {
                // The same program source (tests/programs/cli-pool: the harness runs it from the repository,
                // the CLI the consumer's compiled copy) and the same config, step by step, both at once.
                const config: Record<string, string> = { "aws:region": "us-east-1" };
                const cli = poolStack("parity");
                const harness = new Engine({ project: "cli-pool", stack: "parity-harness", program: join(repoRoot, "tests", "programs", "cli-pool"), config: { ...config } });
                const script: { what: string; op: "up" | "preview" | "refresh" | "destroy"; config?: Record<string, string>; outOfBand?: number }[] = [
                    { what: "create", op: "up" },
                    { what: "no-change preview", op: "preview" },
                    { what: "in-place change (minimumPasswordLength 12)", op: "up", config: { minimumPasswordLength: "12" } },
                    { what: "out-of-band UpdateUserPool (minimumLength 20), then refresh", op: "refresh", outOfBand: 20 },
                    { what: "up restoring the declaration", op: "up" },
                    { what: "a replacement (caseSensitive true, no users)", op: "up", config: { caseSensitive: "true" } },
                    { what: "destroy", op: "destroy" },
                ];
                const rows: { step: string; cli: Record<string, Seen> | string; harness: Record<string, Seen> | string }[] = [];
                let cliPoolId = "";
                for (const [i, step] of script.entries()) {
                    if (step.config) {
                        const values = Object.fromEntries(Object.entries(step.config).map(([k, v]) => [`cli-pool:${k}`, v]));
                        await cli.setConfig(values);
                        harness.options = { ...harness.options, config: { ...harness.options.config, ...values } };
                    }
                    if (step.outOfBand !== undefined) {
                        const harnessPoolId = [...harness.state.values()].find((r) => r.dynamic)!.id;
                        await outOfBandMinimumLength(cliPoolId, step.outOfBand);
                        await outOfBandMinimumLength(harnessPoolId, step.outOfBand);
                    }
                    const started = Date.now();
                    const [cliResult, harnessResult] = await Promise.all([
                        cli[step.op]({}),
                        (step.op === "up" ? harness.up().then((r) => r.steps) : step.op === "preview" ? harness.preview().then((r) => r.steps) : harness[step.op]()).then(
                            (s) => s,
                            (err: Error) => err,
                        ),
                    ]);
                    if (cliResult.outputs?.userPoolId) cliPoolId = cliResult.outputs.userPoolId;
                    const row = { step: `${i + 1}. ${step.what} [${step.op}]`, cli: cliView(cliResult, step.op), harness: harnessView(harnessResult) };
                    log(`${row.step}: ${((Date.now() - started) / 1000).toFixed(1)} s; CLI ${JSON.stringify(row.cli)}${JSON.stringify(row.cli) === JSON.stringify(row.harness) ? "" : `; harness ${JSON.stringify(row.harness)}`}`);
                    rows.push(row);
                    if (typeof row.cli === "string" && typeof row.harness === "string") break;
                }
                const differ = rows.filter((r) => JSON.stringify(r.cli) !== JSON.stringify(r.harness));
                assert.deepEqual(
                    rows.map((r) => ({ step: r.step, ...r.harness as object })),
                    rows.map((r) => ({ step: r.step, ...r.cli as object })),
                    `the harness (actual) and the real CLI (expected) differ at: ${differ.map((r) => `\n  ${r.step}: harness ${JSON.stringify(r.harness)}, CLI ${JSON.stringify(r.cli)}`).join("")}`,
                );
                // And both did what the script means.
                assert.deepEqual(
                    rows.map((r) => typeof r.cli === "string" ? r.cli : Object.values(r.cli).map((s) => s.op).join(",")),
                    ["create", "same", "update", "refresh", "update", "replace", "delete"],
                );
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
    await outOfBandUpdate(id, { Policies: { ...pool.Policies, PasswordPolicy: { ...pool.Policies?.PasswordPolicy, MinimumLength: minimumLength } } });
}

/** An UpdateUserPool made outside Pulumi: the pool's settings as they are (Cognito resets what an update leaves out), with `change`. */
async function outOfBandUpdate(id: string, change: Props): Promise<void> {
    const pool = (await describePool(id))!;
    // Describe still reports the deprecated UnusedAccountValidityDays, which Update refuses.
    const { UnusedAccountValidityDays: _deprecated, ...adminCreateUserConfig } = pool.AdminCreateUserConfig ?? {};
    await cognito().send(
        new UpdateUserPoolCommand({
            UserPoolId: id,
            Policies: pool.Policies,
            AutoVerifiedAttributes: pool.AutoVerifiedAttributes,
            DeletionProtection: pool.DeletionProtection,
            MfaConfiguration: pool.MfaConfiguration,
            UserPoolTags: pool.UserPoolTags,
            AdminCreateUserConfig: adminCreateUserConfig,
            AccountRecoverySetting: pool.AccountRecoverySetting,
            VerificationMessageTemplate: pool.VerificationMessageTemplate,
            EmailConfiguration: pool.EmailConfiguration,
            LambdaConfig: pool.LambdaConfig,
            ...change,
        }),
    );
}

/** No JavaScript stack trace ("\n    at …" lines) anywhere the CLI reports a failure: its output, its diagnostics, its error. */
function assertNoStackTrace(result: OperationResult): void {
    const diagnosticsText = result.events.filter((e) => e.diagnosticEvent).map((e) => e.diagnosticEvent.message as string).join("\n");
    for (const [where, text] of [["output", result.output], ["diagnostics", diagnosticsText], ["error", result.error ?? ""]]) {
        const trace = /\n\s+at [^\n]*/.exec(text);
        assert.ok(!trace, `a JavaScript stack trace in the CLI's ${where} (${JSON.stringify(trace?.[0])}):\n${text}`);
    }
}

// ---------------------------------------------------------------------------------------------------
// Parity (issue 12, point 3): a step as the harness and the real CLI each report it, per UserPool.

/** One UserPool's step: its op (the harness's names) and, for a change, the input paths it changes and the keys that replace. */
interface Seen {
    op: string;
    changed?: string[];
    replaces?: string[];
}

/** The CLI's steps in the harness's terms: create-replacement/replace/delete-replaced are one "replace"; a refresh step that ends as update is "refresh". */
function cliView(result: OperationResult, op: string): Record<string, Seen> | string {
    if (!result.ok) return `failed: ${diagnostics(result).map((d) => d.split("\n")[0]).join(" / ") || result.error?.split("\n")[0]}`;
    const view: Record<string, Seen> = {};
    if (op === "refresh") {
        for (const s of outcomes(result).filter((s) => s.type === POOL_TYPE)) {
            view[s.name] = s.op === "update" ? { op: "refresh", changed: changedInputs(s) } : { op: s.op };
        }
        return view;
    }
    for (const s of steps(result).filter((s) => s.type === POOL_TYPE)) {
        const mapped = ["create-replacement", "replace", "delete-replaced"].includes(s.op) ? "replace" : s.op;
        const seen = (view[s.name] ??= { op: mapped });
        if (seen.op !== mapped) seen.op = `${seen.op}+${mapped}`;
        if (s.op === "update" || s.op === "replace") seen.changed = changedInputs(s);
        if (s.op === "replace") seen.replaces = s.keys ?? [];
    }
    return view;
}

function harnessView(result: Step[] | Error): Record<string, Seen> | string {
    if (result instanceof Error) return `failed: ${result.message.split("\n")[0]}`;
    const view: Record<string, Seen> = {};
    for (const s of result.filter((s) => s.type.startsWith("pulumi-nodejs:dynamic"))) {
        view[s.name] = {
            op: s.op,
            ...(["update", "replace", "refresh"].includes(s.op) ? { changed: s.changed ?? [] } : {}),
            ...(s.op === "replace" ? { replaces: s.replaces ?? [] } : {}),
        };
    }
    return view;
}
