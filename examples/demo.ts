// `npm run demo`: the promotion example's dev stack through a whole life, with no AWS account and no
// Pulumi CLI. It plays the Pulumi engine (tests/support/engine.ts) against the real dynamic-provider
// host, and against a local Cognito (moto_server) unless COGNITO_ENDPOINT names one.
import { Engine, RunResult } from "../tests/support/engine";
import { LocalCognito, startLocalCognito } from "../tests/support/localCognito";
import { planText } from "../tests/support/planText";
import { promotionStack } from "../tests/support/stacks";

const PROJECT = "user-pool-promotion";

async function main() {
    const started = Date.now();
    const { endpoint, local } = await cognitoEndpoint();
    console.log(`Cognito endpoint: ${endpoint}${local ? " (a local moto_server started for this demo)" : ""}\n`);
    // Fake credentials are enough for a local Cognito; they never reach the stack's state.
    process.env.AWS_ACCESS_KEY_ID ??= "demo";
    process.env.AWS_SECRET_ACCESS_KEY ??= "demo";
    const config = (extra: Record<string, string> = {}) => promotionStack("dev", { "cognito-user-pool:endpoint": endpoint, ...extra });
    const engine = new Engine(config());
    try {
        await step(engine, "1. A new stack: `pulumi preview`, then `pulumi up`");

        engine.options = config({ [`${PROJECT}:minimumPasswordLength`]: "12" });
        await step(engine, "2. `pulumi config set minimumPasswordLength 12`: an in-place update, same pool");

        engine.options = config({ [`${PROJECT}:minimumPasswordLength`]: "12", [`${PROJECT}:caseSensitiveUsernames`]: "true" });
        await step(engine, "3. `pulumi config set caseSensitiveUsernames true`: Cognito cannot change that, so a new pool");

        banner("4. `pulumi destroy`");
        const destroyed = await engine.destroy();
        console.log(planText("Destroying (dev):", destroyed, "done"));
    } finally {
        await local?.stop();
    }
    console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
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
