// Every promise in every combination: a stateful, property-based test (fast-check's model-based
// commands, as Amazon's S3 team checked ShardStore: random sequences of operations against a simple
// model, shrunk to the smallest failing sequence). Each run plays a random sequence of program edits
// (every member of memberSamples, their removal, MFA factors, tiers, schema growth, consent on and off,
// existingPoolId, resource options, values marked secret), changes made outside Pulumi, users signing up
// and leaving, faults on any call, and preview / up / refresh / destroy, on a stack of two UserPools;
// tests/support/combinations/invariants.ts lists what must hold after every command (I1-I6).
//
// Seeded and reproducible: a failure prints its seed, path and replay path; `COMBINATIONS_SEED=<seed>
// COMBINATIONS_PATH=<path> COMBINATIONS_REPLAY=<replay path> npx mocha tests/engine/combinations.test.ts` replays it, and the cases in
// tests/engine/combinations.regressions.json (found by this test or the soak, `npm run soak`) replay first, every run.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { commands, GENERATION } from "../support/combinations/commands";
import { Model, Real } from "../support/combinations/world";

interface Regression {
    seed: number;
    path: string;
    /** The longest sequence the run allowed (a path replays only with the same). */
    commands: number;
    /** Which commands of the sequence ran (fast-check's commands replayPath): a path replays only with it. */
    replayPath?: string;
    /** What it found (the named test in promises.test.ts that keeps it, where there is one). */
    found: string;
    /** The generator it was found with (commands.ts, GENERATION); 1 when not given. */
    generation?: number;
}

const REGRESSIONS = join(__dirname, "combinations.regressions.json");
const regressions: Regression[] = JSON.parse(readFileSync(REGRESSIONS, "utf8"));
const RUNS = Number(process.env.COMBINATIONS_RUNS ?? 12);
const MAX_COMMANDS = Number(process.env.COMBINATIONS_COMMANDS ?? 14);

/** One run: a fresh stack, the commands, then every pool it made removed. */
function property(stats: { runs: number; commands: number; operations: number }, maxCommands = MAX_COMMANDS, replayPath?: string, generation = GENERATION) {
    return fc.asyncProperty(fc.commands(commands(generation), { maxCommands, size: "max", replayPath }), async (cmds) => {
        const model = new Model();
        const real = new Real(model, new Set());
        stats.runs++;
        try {
            const before = await real.allPools();
            before.forEach((id) => real.poolsBefore.add(id));
            await fc.asyncModelRun(() => ({ model, real }), cmds);
        } catch (err) {
            (err as Error).message += `\n--- what the run did ---\n${real.log.join("\n")}`;
            throw err;
        } finally {
            stats.commands += [...cmds].length;
            if (process.env.COMBINATIONS_VERBOSE) console.log(`      --- run ${stats.runs}\n${real.log.map((l) => `        ${l}`).join("\n")}`);
            await real.cleanUp();
        }
    });
}

describe("every promise in every combination (stateful, property-based)", function (this: Mocha.Suite) {
    this.timeout(0);
    /** A replay path starts with the run's index: fast-check generates the runs before it again to reach it. */
    const runsTo = (path: string) => Number(path.split(":")[0]) + 1;

    for (const r of regressions) {
        it(`regression, seed ${r.seed}: ${r.found}`, async () => {
            const stats = { runs: 0, commands: 0, operations: 0 };
            await fc.assert(property(stats, r.commands, r.replayPath, r.generation ?? 1), { seed: r.seed, path: r.path, numRuns: runsTo(r.path), endOnFailure: true });
        });
    }

    it(`${RUNS} random sequences of up to ${MAX_COMMANDS} commands hold I1-I6`, async () => {
        const seed = process.env.COMBINATIONS_SEED ? Number(process.env.COMBINATIONS_SEED) : Date.now() % 2 ** 31;
        const path = process.env.COMBINATIONS_PATH;
        const replayPath = process.env.COMBINATIONS_REPLAY;
        const stats = { runs: 0, commands: 0, operations: 0 };
        const started = Date.now();
        const result = await fc.check(property(stats, MAX_COMMANDS, replayPath), { seed, path, numRuns: path ? runsTo(path) : RUNS, endOnFailure: !!path });
        console.log(`      seed ${seed}: ${stats.runs} runs, ${stats.commands} commands, ${((Date.now() - started) / 1000).toFixed(0)} s`);
        if (result.failed) {
            const found = /replayPath="([^"]*)"/.exec(fc.stringify(result.counterexample))?.[1];
            // The soak keeps what it finds: the next runs replay it first.
            if (process.env.COMBINATIONS_KEEP && !path) {
                const message = String((result.errorInstance as Error)?.message ?? result.errorInstance).split("\n")[0];
                regressions.push({ seed: result.seed, path: result.counterexamplePath!, commands: MAX_COMMANDS, replayPath: found, found: message.slice(0, 200), generation: GENERATION });
                writeFileSync(REGRESSIONS, `${JSON.stringify(regressions, null, 4)}\n`);
            }
            assert.fail(
                `${fc.defaultReportMessage(result)}\n--- the failure ---\n${(result.errorInstance as Error)?.message ?? result.errorInstance}\nReplay: COMBINATIONS_SEED=${result.seed} COMBINATIONS_PATH=${result.counterexamplePath} COMBINATIONS_REPLAY='${found ?? ""}' COMBINATIONS_COMMANDS=${MAX_COMMANDS} npx mocha tests/engine/combinations.test.ts` +
                    `\nKeep it: add {"seed": ${result.seed}, "path": "${result.counterexamplePath}", "commands": ${MAX_COMMANDS}, "replayPath": "${found ?? ""}", "generation": ${GENERATION}, "found": "..."} to tests/engine/combinations.regressions.json`,
            );
        }
    });
});
