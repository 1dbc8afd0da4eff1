// The benchmark's real-CLI part: what `pulumi up`, `preview`, `refresh` and `destroy` of POOLS pools take
// end to end through the real Pulumi CLI (engine, file backend, checkpoint writes, the dynamic-provider
// host), the calls they make, and the state one pool leaves in the exported stack. The program is
// tests/programs/bench-pools (the minimal example's pool, POOLS times), installed from the packed package
// into a consumer project as a user installs it (tests/cli/consumer.ts, as the CLI suite does).
import { performance } from "node:perf_hooks";
import { Consumer, ok, OperationResult } from "../cli/consumer";
import { ensurePulumiCli } from "../cli/pulumiCli";
import type { LocalCognito } from "../support/localCognito";
import { countCalls, median } from "./stats";

export const CLI_POOLS = 10;
/** Whole lifecycles; each operation's time is the median over them. */
const CLI_REPETITIONS = 3;
const TYPE = "pulumi-nodejs:dynamic/cognito:UserPool";

export const CLI_OPERATIONS = ["up (create)", "preview (no change)", "refresh", "up (one-setting update)", "destroy"] as const;
export type CliOperation = (typeof CLI_OPERATIONS)[number];

export interface CliFigures {
    pools: number;
    repetitions: number;
    cliVersion: string;
    cliSource: string;
    /** Per operation: wall time of each repetition and their median, in seconds, and the calls per pool. */
    operations: Record<CliOperation, { seconds: number[]; medianSeconds: number; callsPerPool: Record<string, number> }>;
    state: {
        /** One UserPool's entry in `pulumi stack export` (JSON bytes, averaged over the pools): urn, id, inputs, outputs, provider reference and the rest. */
        resourceBytesPerPool: number;
        /** The whole exported deployment divided by the pool count (the stack and the provider resource shared out). */
        deploymentBytesPerPool: number;
        /** The __provider text in it. */
        providerBytes: number;
        example: unknown;
    };
}

export async function cliFigures(lc: LocalCognito, log: (line: string) => void): Promise<CliFigures> {
    const cli = await ensurePulumiCli({ log });
    const consumer = await Consumer.create(cli, ["bench-pools"], log);
    const operations = Object.fromEntries(CLI_OPERATIONS.map((op) => [op, { seconds: [] as number[], medianSeconds: 0, callsPerPool: {} }])) as CliFigures["operations"];
    let state: CliFigures["state"] | undefined;
    try {
        for (let rep = 0; rep < CLI_REPETITIONS; rep++) {
            const stack = consumer.stack("bench-pools", `bench${rep}`);
            // The shipped settings (rate limit included): what a user's `pulumi up` does.
            stack.writeConfig({ "aws:region": "us-east-1", "bench-pools:count": String(CLI_POOLS) });
            const timed = async (op: CliOperation, run: () => Promise<OperationResult>) => {
                lc.resetCalls();
                const started = performance.now();
                const result = ok(await run(), `pulumi ${op}`);
                operations[op].seconds.push((performance.now() - started) / 1000);
                operations[op].callsPerPool = countCalls(lc.calls(), CLI_POOLS);
                return result;
            };
            await timed("up (create)", () => stack.up());
            if (!state) {
                const deployment = (await stack.exportStack()).deployment;
                const pools = deployment.resources.filter((r: any) => r.type === TYPE);
                if (pools.length !== CLI_POOLS) throw new Error(`the exported stack holds ${pools.length} pools, not ${CLI_POOLS}`);
                const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v));
                state = {
                    resourceBytesPerPool: pools.reduce((a: number, r: unknown) => a + bytes(r), 0) / pools.length,
                    deploymentBytesPerPool: bytes(deployment) / pools.length,
                    providerBytes: Buffer.byteLength(String(pools[0].outputs.__provider)),
                    example: pools[0],
                };
            }
            await timed("preview (no change)", () => stack.preview());
            await timed("refresh", () => stack.refresh());
            await stack.setConfig({ "bench-pools:minimumPasswordLength": "13" });
            await timed("up (one-setting update)", () => stack.up());
            await timed("destroy", () => stack.destroy());
            log(`CLI, ${CLI_POOLS} pools, round ${rep + 1}: ${CLI_OPERATIONS.map((op) => `${op} ${operations[op].seconds[rep].toFixed(1)} s`).join(", ")}`);
        }
    } finally {
        await consumer.close();
    }
    for (const op of CLI_OPERATIONS) operations[op].medianSeconds = median(operations[op].seconds);
    return { pools: CLI_POOLS, repetitions: CLI_REPETITIONS, cliVersion: cli.version, cliSource: cli.source, operations, state: state! };
}
