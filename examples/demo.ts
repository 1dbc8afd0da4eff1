// `npm run demo`: the promotion example's dev stack through a whole life, with no AWS account, against a
// local Cognito (moto_server) unless COGNITO_ENDPOINT names one.
//
// With a Pulumi CLI that tests/cli/pulumiCli.ts finds without building (on PATH, or built before by
// `npm run pulumi:cli`), the steps run on the real CLI and the demo prints the CLI's own output: through
// Automation API with an inline program, since no Node.js language host exists on this machine, and with
// the promotion example's copy without @pulumi/aws resources (tests/programs/cli-promotion), since no aws
// plugin exists either. Without one, it plays the Pulumi engine with the test harness
// (tests/support/engine.ts) against the real dynamic-provider host, and says so in its first line.
import * as auto from "@pulumi/pulumi/automation";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { changedPaths, Engine, RunResult, Step } from "../tests/support/engine";
import { LocalCognito, startLocalCognito } from "../tests/support/localCognito";
import { planText } from "../tests/support/planText";
import { promotionStack, repoRoot } from "../tests/support/stacks";
import { ensurePulumiCli, offlineEnv, PulumiCli } from "../tests/cli/pulumiCli";

const PROJECT = "user-pool-promotion";

async function main() {
    const started = Date.now();
    const cli = await ensurePulumiCli({ build: false, log: () => undefined }).catch(() => undefined);
    console.log(
        cli
            ? `Engine: the real Pulumi CLI v${cli.version} (${cli.binDir}), through Automation API with an inline program.`
            : "Engine: no Pulumi CLI was found without building one (`npm run pulumi:cli` finds or builds it), so this demo plays the Pulumi engine with the test harness (tests/support/engine.ts).",
    );
    const { endpoint, local } = await cognitoEndpoint();
    console.log(`Cognito endpoint: ${endpoint}${local ? " (a local moto_server started for this demo)" : ""}\n`);
    // Fake credentials are enough for a local Cognito; they never reach the stack's state.
    process.env.AWS_ACCESS_KEY_ID ??= "demo";
    process.env.AWS_SECRET_ACCESS_KEY ??= "demo";
    try {
        if (cli) await withCli(cli, endpoint);
        else await withHarness(endpoint);
    } finally {
        await local?.stop();
    }
    console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

const TITLES = [
    "1. A new stack: `pulumi preview`, then `pulumi up`",
    "2. `pulumi config set minimumPasswordLength 12`: an in-place update, same pool",
    "3. `pulumi config set caseSensitiveUsernames true`: Cognito cannot change that, so a new pool",
    "4. `pulumi destroy`",
];

async function withHarness(endpoint: string) {
    const config = (extra: Record<string, string> = {}) => promotionStack("dev", { "cognito-user-pool:endpoint": endpoint, ...extra });
    const engine = new Engine(config());
    await step(engine, TITLES[0]);

    engine.options = config({ [`${PROJECT}:minimumPasswordLength`]: "12" });
    await step(engine, TITLES[1]);

    engine.options = config({ [`${PROJECT}:minimumPasswordLength`]: "12", [`${PROJECT}:caseSensitiveUsernames`]: "true" });
    await step(engine, TITLES[2]);

    banner(TITLES[3]);
    const destroyed = await engine.destroy();
    console.log(planText("Destroying (dev):", destroyed, "done"));
}

/**
 * The same steps on the real CLI: the program's folder copied to a scratch folder (the CLI writes the
 * stack's settings there), its node_modules linked to the repository's, a file backend and PULUMI_HOME in
 * that scratch folder. The CLI's output is printed as it comes, each step followed by a summary of the
 * engine's events in the harness's plan format.
 */
async function withCli(cli: PulumiCli, endpoint: string) {
    const program = join(repoRoot, "tests", "programs", "cli-promotion");
    console.log(`Program: ${program} (examples/promotion without its @pulumi/aws resources: no aws plugin exists here)`);
    const scratch = mkdtempSync(join(tmpdir(), "cognito-demo-"));
    try {
        const workDir = join(scratch, "project");
        cpSync(program, workDir, { recursive: true, filter: (src) => !src.endsWith(".js") });
        // The program runs inline, from the repository: the copy's Pulumi.yaml names no main file.
        const settings = join(workDir, "Pulumi.yaml");
        writeFileSync(settings, readFileSync(settings, "utf8").replace(/^main:.*\n/m, ""));
        symlinkSync(join(repoRoot, "node_modules"), join(workDir, "node_modules"), "dir");
        mkdirSync(join(scratch, "state")); // a file backend's folder must exist
        const main = join(program, "index.ts");
        const stack = await auto.LocalWorkspace.createOrSelectStack(
            {
                stackName: "dev",
                projectName: "cli-promotion",
                program: async () => {
                    for (const key of Object.keys(require.cache)) if (key.startsWith(program)) delete require.cache[key];
                    return { ...require(main) };
                },
            },
            {
                workDir,
                pulumiCommand: await auto.PulumiCommand.get({ root: cli.root }),
                pulumiHome: join(scratch, "home"),
                envVars: { ...offlineEnv(join(scratch, "state"), join(scratch, "home")) },
            },
        );
        await stack.setConfig("cognito-user-pool:endpoint", { value: endpoint });

        await cliStep(stack, TITLES[0]);
        await stack.setConfig("cli-promotion:minimumPasswordLength", { value: "12" });
        await cliStep(stack, TITLES[1]);
        await stack.setConfig("cli-promotion:caseSensitiveUsernames", { value: "true" });
        await cliStep(stack, TITLES[2]);

        banner(TITLES[3]);
        const events: auto.EngineEvent[] = [];
        await stack.destroy({ color: "never", suppressOutputs: true, onOutput: print, onEvent: (e) => events.push(e) });
        console.log(`\n${planText("Summary (from the engine's events):", stepsOf(events), "done")}`);
    } finally {
        rmSync(scratch, { recursive: true, force: true });
    }
}

async function cliStep(stack: auto.Stack, title: string) {
    banner(title);
    const before = (await stack.outputs()).userPoolId?.value;
    const planned: auto.EngineEvent[] = [];
    await stack.preview({ color: "never", suppressOutputs: true, onOutput: print, onEvent: (e) => planned.push(e) });
    const preview = stepsOf(planned);
    console.log(`\n${planText("Summary (from the engine's events):", preview)}`);
    if (preview.some((s) => s.op === "replace")) {
        console.log("\n  warning: a replaced pool is a new, empty pool: the old pool's users are not carried over.");
    }
    console.log("");
    const done: auto.EngineEvent[] = [];
    const up = await stack.up({ color: "never", suppressOutputs: true, onOutput: print, onEvent: (e) => done.push(e) });
    console.log(`\n${planText("Summary (from the engine's events):", stepsOf(done), "done")}`);
    const after = up.outputs.userPoolId?.value;
    console.log(`\nOutputs:\n    userPoolId      : ${after}${before && before !== after ? `   (was ${before})` : ""}\n    userPoolEndpoint: ${up.outputs.userPoolEndpoint?.value}`);
}

function print(text: string) {
    process.stdout.write(text);
}

/**
 * The engine's resource steps in the harness's Step shape: a replacement's three events
 * (create-replacement, replace, delete-replaced) as one "replace"; the changed paths as the CLI displays
 * them (old against new inputs: the dynamic-provider host reports no changed keys of its own).
 */
function stepsOf(events: auto.EngineEvent[]): Step[] {
    const ops = new Set(["create", "update", "same", "replace", "delete", "read"]);
    return events
        .filter((e) => e.resourcePreEvent)
        .map((e) => e.resourcePreEvent!.metadata)
        .filter((m) => !m.type.startsWith("pulumi:pulumi:Stack") && !m.type.startsWith("pulumi:providers:") && ops.has(m.op))
        .map((m) => ({
            op: m.op as Step["op"],
            urn: m.urn,
            type: m.type,
            name: m.urn.split("::").pop()!,
            changed: m.op === "update" || m.op === "replace" ? changedPaths(m.old?.inputs ?? {}, m.new?.inputs ?? {}) : undefined,
            replaces: m.op === "replace" ? m.keys : undefined,
        }));
}

async function step(engine: Engine, title: string): Promise<RunResult> {
    banner(title);
    const preview = await engine.preview();
    console.log(planText("Previewing update (dev):", preview.steps));
    if (preview.steps.some((s) => s.op === "replace" && s.type.endsWith("cognito:UserPool"))) {
        console.log("\n  warning: a replaced pool is a new, empty pool: the old pool's users are not carried over.");
    }
    const before = poolId(engine);
    const up = await engine.up();
    console.log(`\n${planText("Updating (dev):", up.steps, "done")}`);
    const after = up.outputs.userPoolId;
    console.log(`\nOutputs:\n    userPoolId      : ${after}${before && before !== after ? `   (was ${before})` : ""}\n    userPoolEndpoint: ${up.outputs.userPoolEndpoint}`);
    return up;
}

function poolId(engine: Engine): string | undefined {
    return [...engine.state.values()].find((r) => r.dynamic)?.id;
}

function banner(title: string) {
    console.log(`\n${"=".repeat(100)}\n${title}\n${"=".repeat(100)}`);
}

async function cognitoEndpoint(): Promise<{ endpoint: string; local?: LocalCognito }> {
    const configured = process.env.COGNITO_ENDPOINT;
    if (configured) return { endpoint: configured };
    const local = await startLocalCognito();
    return { endpoint: local.endpoint, local };
}

main().catch((err) => {
    console.error(`demo failed: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
});
