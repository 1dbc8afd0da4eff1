// `npm run bench`: API calls, wall time, state size and CPU time of the provider, side by side with the
// raw AWS SDK, against a local Cognito (moto_server behind tests/support/localCognito.ts).
// Writes BENCHMARKS.md, bench-results/results.json and bench-results/time-vs-pools.svg at the repo root.
// Not part of `npm test` (mocha runs tests/**/*.test.ts only).
import { CognitoIdentityProviderClient, DeleteUserPoolCommand, ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import * as pulumi from "@pulumi/pulumi";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http = require("node:http");
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { LocalCognito, startLocalCognito } from "../support/localCognito";
import { registeredInConsumer, sharedConsumer } from "../support/npmProject";
import { ProviderHost } from "../support/providerHost";
import { timeVsPoolsChart } from "./chart";
import { cliFigures } from "./cli";
import { machine, motoPids, peakMemoryKiB, processCpuMs } from "./machine";
import { COPY_USERS_END, COPY_USERS_START, sectionOf, tenantsSection, withSection, withTenantsSection, writeReport } from "./report";
import { countCalls, growthExponent, linearFit, median } from "./stats";
import {
    declaration,
    directWay,
    hostWay,
    OPERATIONS,
    Operation,
    OPERATION_LABELS,
    PoolRecord,
    Props,
    rawSameWay,
    rawWay,
    Way,
    WAYS,
    WayName,
    withReplacement,
    withUpdate,
} from "./ways";

const REGION = "us-east-1";
const POOL_COUNTS = [1, 10, 100];
/** Lifecycles per pool count; each cell's time is the median over them. */
const REPETITIONS: Record<number, number> = { 1: 9, 10: 7, 100: 9 };
/** High enough that the shared rate limit never waits: what is measured is the provider's own cost. */
const UNLIMITED_RPS = 1_000_000;
const DIFFS = 10_000;
const TYPE = "pulumi-nodejs:dynamic/cognito:UserPool";
const repoRoot = join(__dirname, "..", "..");

// Fake credentials, and no way to reach AWS: everything goes to the local Cognito.
process.env.AWS_ACCESS_KEY_ID = "bench";
process.env.AWS_SECRET_ACCESS_KEY = "bench";
process.env.AWS_REGION = REGION;
delete process.env.AWS_SESSION_TOKEN;
delete process.env.AWS_PROFILE;

// The provider, loaded as the host loads it (runtime.ts), but in this process.
import provider = require("../../provider/runtime");
import { useSettings } from "../../provider/cognito/client";
import { callStats } from "../../provider/cognito/send";

interface Cell {
    timesMs: number[];
    medianMs: number;
    /** CPU used per pool (median over repetitions), ms: this process (SDK, provider, the layer), the host, moto. */
    cpuMsPerPool: { bench: number; host: number; moto: number };
    cpuSamples: { bench: number; host: number; moto: number }[];
    /** Calls per pool, by operation name, from the layer's log (the last repetition; checked equal in all). */
    callsPerPool: Record<string, number>;
    totalCallsPerPool: number;
    /** Every repetition made the same calls. */
    callsStable: boolean;
    /** Failed attempts retried, per repetition (raw: inside the SDK; direct: by the provider; host: not visible). */
    retried: (number | null)[];
}

type Results = Record<Operation, Record<WayName, Record<number, Cell>>>;

const log = (line: string) => console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(1)} s] ${line}`);
const t0 = performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a UserPool registers, __provider included: a real registration under Pulumi's mocks. */
async function registeredInputs(): Promise<Props> {
    const captured: Props[] = [];
    pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                captured.push(args.inputs);
                return { id: `${REGION}_template`, state: args.inputs };
            },
            call: () => ({}),
        },
        "bench",
        "bench",
        false,
    );
    pulumi.runtime.setAllConfig({ "aws:region": REGION });
    // By package name, as a program loads it (the repository's own build, linked by devDependencies).
    const { UserPool } = require("pulumi-cognito-user-pool");
    new UserPool("bench-template", declaration("bench-template", 0));
    for (let i = 0; i < 250 && captured.length === 0; i++) await sleep(20);
    if (captured.length === 0) throw new Error("the UserPool was not registered");
    return JSON.parse(JSON.stringify(captured[0]));
}

/**
 * The serialized provider as a user's state holds it: the package packed and installed into a fresh
 * project (tests/support/npmProject.ts), a UserPool registered there under Pulumi's mocks. Installed, the
 * provider is stored by reference (a require of "pulumi-cognito-user-pool/provider"), which the host
 * started in this repository resolves through the package's link in node_modules.
 */
async function installedProviderText(): Promise<string> {
    const [inputs] = await registeredInConsumer(await sharedConsumer(repoRoot), REGION, [{ poolName: "bench-template" }]);
    const text = String(inputs.__provider);
    if (!text.includes('require("pulumi-cognito-user-pool/provider")')) throw new Error(`the installed package's provider is not stored by reference:\n${text}`);
    return text;
}

/**
 * Starts the local Cognito. `tuned`: moto runs with tests/bench/moto/sitecustomize.py (see there), and the
 * layer keeps idle connections open for two minutes instead of Node's default five seconds. The AWS SDK
 * keeps connections alive with no idle limit, so between one way's turn and the next (often about five
 * seconds at 100 pools) it would now and then send on a connection the layer was just closing: ECONNRESET,
 * retried after a backoff, which would land on whichever way happened to have idle connections.
 */
async function localCognito(tuned: boolean): Promise<LocalCognito> {
    const before = process.env.PYTHONPATH;
    const bytecodeBefore = process.env.PYTHONDONTWRITEBYTECODE;
    const createServer = http.createServer;
    if (tuned) {
        process.env.PYTHONPATH = [join(__dirname, "moto"), before].filter(Boolean).join(":");
        process.env.PYTHONDONTWRITEBYTECODE = "1"; // no __pycache__ beside sitecustomize.py
        (http as any).createServer = (...args: any[]) => {
            const server = (createServer as any)(...args) as http.Server;
            server.keepAliveTimeout = 120_000;
            return server;
        };
    }
    try {
        return await startLocalCognito();
    } finally {
        (http as any).createServer = createServer;
        if (before === undefined) delete process.env.PYTHONPATH;
        else process.env.PYTHONPATH = before;
        if (bytecodeBefore === undefined) delete process.env.PYTHONDONTWRITEBYTECODE;
        else process.env.PYTHONDONTWRITEBYTECODE = bytecodeBefore;
    }
}

/** Stock moto, for reference: how long one CreateUserPool takes, alone and 20 at once. */
async function stockMotoCreate(): Promise<{ sequentialMedianMs: number; twentyAtOnceMs: number }> {
    const lc = await localCognito(false);
    const client = new CognitoIdentityProviderClient({ region: REGION, endpoint: lc.endpoint });
    try {
        const way = rawWay(client);
        const times: number[] = [];
        const ids: string[] = [];
        for (let i = 0; i < 6; i++) {
            const started = performance.now();
            ids.push(await way.createRaw(declaration(`bench-stock-${i}`, i)));
            if (i > 0) times.push(performance.now() - started);
        }
        const started = performance.now();
        ids.push(...(await Promise.all(Array.from({ length: 20 }, (_, i) => way.createRaw(declaration(`bench-stock-many-${i}`, i))))));
        const twentyAtOnceMs = performance.now() - started;
        await Promise.all(ids.map((id) => client.send(new DeleteUserPoolCommand({ UserPoolId: id }))));
        return { sequentialMedianMs: median(times), twentyAtOnceMs };
    } finally {
        client.destroy();
        await lc.stop();
    }
}

async function main(): Promise<void> {
    const machineAtStart = machine();
    log(`load average at the start: ${machineAtStart.loadAverage.join(", ")} (1, 5, 15 min) on ${machineAtStart.nproc} CPUs`);
    const stockMoto = await stockMotoCreate();
    log(`stock moto: a CreateUserPool takes ${stockMoto.sequentialMedianMs.toFixed(0)} ms, 20 at once ${stockMoto.twentyAtOnceMs.toFixed(0)} ms`);
    const lc = await localCognito(true);
    const moto = motoPids(new URL(lc.motoEndpoint).port);
    if (moto.length === 0) throw new Error("moto_server's process was not found");
    process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER = lc.endpoint;
    log(`local Cognito at ${lc.endpoint}`);
    const raw = new CognitoIdentityProviderClient({ region: REGION, endpoint: lc.endpoint });
    // Failed attempts, by error: the raw client's inside the SDK's own retries (a middleware that runs
    // once per attempt), the provider's as its clients throw them (its SDK retries are off; it retries).
    const failures = { raw: {} as Record<string, number>, provider: {} as Record<string, number> };
    const errorLabel = (err: any) => [err?.name, err?.code, err?.$metadata?.httpStatusCode].filter(Boolean).join(" ");
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    const note = (to: Record<string, number>, err: unknown) => (to[errorLabel(err)] = (to[errorLabel(err)] ?? 0) + 1);
    raw.middlewareStack.add(
        (next: any) => async (args: any) => {
            try {
                return await next(args);
            } catch (err) {
                note(failures.raw, err);
                throw err;
            }
        },
        { step: "deserialize", name: "benchCountFailedAttempts" },
    );
    const clientSend = CognitoIdentityProviderClient.prototype.send as (...a: any[]) => Promise<any>;
    (CognitoIdentityProviderClient.prototype as any).send = function (this: unknown, ...args: any[]) {
        const result = clientSend.apply(this, args);
        if (this === raw || !result?.catch) return result;
        return result.catch((err: unknown) => {
            note(failures.provider, err);
            throw err;
        });
    };
    let host: ProviderHost | undefined;
    try {
        const registered = await registeredInputs();
        const providerText = String(registered.__provider);
        log(`serialized provider (by value): ${Buffer.byteLength(providerText)} bytes`);
        // Every way's pools carry the provider as a user's state does: installed from npm, by reference.
        const installedProvider = await installedProviderText();
        const template = { ...registered, __provider: installedProvider };
        log(`serialized provider (installed, by reference): ${Buffer.byteLength(installedProvider)} bytes`);

        useSettings({ region: REGION, endpoint: lc.endpoint, requestsPerSecond: UNLIMITED_RPS });
        const hostStart = performance.now();
        host = await ProviderHost.start(repoRoot);
        const hostStartMs = performance.now() - hostStart;
        await host.configure({
            "aws:region": REGION,
            "cognito-user-pool:endpoint": lc.endpoint,
            "cognito-user-pool:requestsPerSecond": String(UNLIMITED_RPS),
        });
        const ways: Record<WayName, Way> = { raw: rawWay(raw), rawSame: rawSameWay(raw), direct: directWay(provider), host: hostWay(host) };

        const inputsFor = (way: WayName, tag: string, i: number): Props => ({
            ...template,
            ...declaration(`bench-${way}-${tag}-${i}`, i),
        });
        const urnOf = (name: string) => `urn:pulumi:bench::bench::${TYPE}::${name}`;

        /** One operation on `pools` pools at once; returns the wall time and the calls the layer saw. */
        async function step(way: Way, op: Operation, pools: PoolRecord[], n: number, tag: string) {
            lc.resetCalls();
            const failed0 = total(failures.raw) + total(failures.provider);
            const cpu0 = { bench: process.cpuUsage(), host: processCpuMs(host!.pid!), moto: moto.reduce((a, p) => a + processCpuMs(p), 0) };
            const started = performance.now();
            if (op === "create") {
                const created = await Promise.all(
                    Array.from({ length: n }, (_, i) => {
                        const inputs = inputsFor(way.name, tag, i);
                        return way.create(inputs, urnOf(inputs.poolName));
                    }),
                );
                pools.push(...created);
            } else if (op === "update") {
                await Promise.all(pools.map((p) => way.update(p, withUpdate(p.inputs))));
            } else if (op === "replace") {
                await Promise.all(pools.map((p) => way.replace(p, withReplacement(p.inputs))));
            } else {
                await Promise.all(pools.map((p) => way[op](p)));
            }
            const ms = performance.now() - started;
            const bench = process.cpuUsage(cpu0.bench);
            const cpu = {
                bench: (bench.user + bench.system) / 1000 / n,
                host: (processCpuMs(host!.pid!) - cpu0.host) / n,
                moto: (moto.reduce((a, p) => a + processCpuMs(p), 0) - cpu0.moto) / n,
            };
            const retried = total(failures.raw) + total(failures.provider) - failed0;
            return { ms, calls: lc.calls(), cpu, retried };
        }

        // Warm-up (not recorded): modules loaded, JIT warm, connections open, in all three ways.
        for (const way of WAYS) {
            const pools: PoolRecord[] = [];
            for (const op of OPERATIONS) await step(ways[way], op, pools, 3, "warmup");
        }
        log("warmed up");

        // ---- CPU time per diff: 10,000 diffs of a realistic pool, in this process.
        const diffPool = await ways.direct.create(inputsFor("direct", "diff", 0), urnOf("bench-direct-diff-0"));
        /** One round: `count` calls in a row; CPU (user + system) and wall time per call, in µs. */
        const round = async (count: number, run: () => Promise<unknown>) => {
            const cpu = process.cpuUsage();
            const wall = performance.now();
            for (let i = 0; i < count; i++) await run();
            const used = process.cpuUsage(cpu);
            return { cpuUs: (used.user + used.system) / count, userUs: used.user / count, wallUs: ((performance.now() - wall) * 1000) / count };
        };
        /** ROUNDS rounds of `count` calls of each, interleaved; per kind the median round (min and max too). */
        const ROUNDS = 7;
        const cpuPer = async (count: number, kinds: Record<string, () => Promise<unknown>>) => {
            for (const run of Object.values(kinds)) for (let i = 0; i < 1000; i++) await run(); // warm-up
            const rounds: Record<string, { cpuUs: number; userUs: number; wallUs: number }[]> = {};
            for (let r = 0; r < ROUNDS; r++) for (const [k, run] of Object.entries(kinds)) (rounds[k] ??= []).push(await round(count, run));
            return Object.fromEntries(
                Object.entries(rounds).map(([k, rs]) => {
                    const cpu = rs.map((x) => x.cpuUs);
                    const figure = {
                        count,
                        rounds: ROUNDS,
                        cpuUsPer: median(cpu),
                        cpuUsMin: Math.min(...cpu),
                        cpuUsMax: Math.max(...cpu),
                        userUsPer: median(rs.map((x) => x.userUs)),
                        wallUsPer: median(rs.map((x) => x.wallUs)),
                    };
                    log(`${k}: ${figure.cpuUsPer.toFixed(1)} µs CPU each (median of ${ROUNDS} rounds of ${count}; ${figure.cpuUsMin.toFixed(1)}–${figure.cpuUsMax.toFixed(1)})`);
                    return [k, figure];
                }),
            );
        };
        const oldsForDiff = diffPool.outputs;
        const newsForDiff = diffPool.inputs;
        const changedNews = withUpdate(diffPool.inputs);
        const noChange = await provider.diff!(diffPool.id, oldsForDiff, newsForDiff);
        const oneChange = await provider.diff!(diffPool.id, oldsForDiff, changedNews);
        if (noChange.changes || !oneChange.changes) throw new Error("the diff benchmark's diffs are not what they should be");
        const perCall = await cpuPer(DIFFS, {
            noChange: () => provider.diff!(diffPool.id, oldsForDiff, newsForDiff),
            oneSetting: () => provider.diff!(diffPool.id, oldsForDiff, changedNews),
            check: () => provider.check!(newsForDiff, newsForDiff),
        });
        const diffFigures = {
            ...perCall,
            oldsBytes: Buffer.byteLength(JSON.stringify(oldsForDiff)),
            newsBytes: Buffer.byteLength(JSON.stringify(newsForDiff)),
        };
        await ways.direct.delete(diffPool);

        // ---- The main run: per pool count, lifecycles; per operation the three ways one after the
        // other, the order rotating so that drift in moto's speed falls on all of them alike.
        const results = {} as Results;
        for (const op of OPERATIONS) results[op] = Object.fromEntries(WAYS.map((w) => [w, {}])) as Record<WayName, Record<number, Cell>>;
        let stateSample: { inputs: Props; outputs: Props }[] = [];
        let rawDescribeSample: Props[] = [];
        const retriesBefore = callStats.retries;
        failures.raw = {};
        failures.provider = {};
        for (const [ni, n] of POOL_COUNTS.entries()) {
            for (let rep = 0; rep < REPETITIONS[n]; rep++) {
                const pools = Object.fromEntries(WAYS.map((w) => [w, [] as PoolRecord[]])) as Record<WayName, PoolRecord[]>;
                for (const [oi, op] of OPERATIONS.entries()) {
                    const shift = (ni + rep + oi) % WAYS.length;
                    const order = [...WAYS.slice(shift), ...WAYS.slice(0, shift)];
                    for (const way of order) {
                        const { ms, calls, cpu, retried } = await step(ways[way], op, pools[way], n, `${n}r${rep}`);
                        const perPool = countCalls(calls, n);
                        const cell = (results[op][way][n] ??= {
                            timesMs: [],
                            medianMs: 0,
                            cpuMsPerPool: { bench: 0, host: 0, moto: 0 },
                            cpuSamples: [],
                            callsPerPool: perPool,
                            totalCallsPerPool: calls.length / n,
                            callsStable: true,
                            retried: [],
                        });
                        cell.cpuSamples.push(cpu);
                        cell.retried.push(way === "host" ? null : retried);
                        if (JSON.stringify(cell.callsPerPool) !== JSON.stringify(perPool)) cell.callsStable = false;
                        cell.timesMs.push(ms);
                        cell.callsPerPool = perPool;
                        cell.totalCallsPerPool = calls.length / n;
                    }
                    if (op === "create" && n === 100 && rep === 0) {
                        stateSample = pools.host.map((p) => ({ inputs: structuredClone(p.inputs), outputs: structuredClone(p.outputs) }));
                    }
                    if (op === "refresh" && n === 100 && rep === 0) rawDescribeSample = pools.raw.map((p) => JSON.parse(JSON.stringify(p.outputs)));
                }
            }
            for (const op of OPERATIONS) {
                const line = WAYS.map((w) => {
                    const c = results[op][w][n];
                    c.medianMs = median(c.timesMs);
                    c.cpuMsPerPool = {
                        bench: median(c.cpuSamples.map((x) => x.bench)),
                        host: median(c.cpuSamples.map((x) => x.host)),
                        moto: median(c.cpuSamples.map((x) => x.moto)),
                    };
                    return `${w} ${c.medianMs.toFixed(1)} ms (${c.totalCallsPerPool} calls/pool)`;
                }).join(", ");
                log(`${n} pools, ${OPERATION_LABELS[op]}: ${line}`);
            }
        }
        const directRetries = callStats.retries - retriesBefore;
        const measuredFailures = structuredClone(failures);
        log(`failed attempts (retried): raw ${JSON.stringify(measuredFailures.raw)}, provider ${JSON.stringify(measuredFailures.provider)}; provider retries ${directRetries}`);

        // ---- The rate limit at its default (10/s): 100 creates at once through the provider, next to 100 raw
        // creates paced at 10/s the same way (a bucket of half a second's worth, as the provider's: 5 at
        // once, then one every 100 ms), so that what the limit costs beyond the quota shows.
        const DEFAULT_RATE_POOLS = 100;
        const RATE = 10;
        const BURST = Math.max(1, RATE / 2);
        const pacing = (i: number) => Math.max(0, i - (BURST - 1)) * (1000 / RATE);
        const paced: Record<string, { seconds: number; calls: number; burst: number; meanIntervalMs: number; maxInOneSecond: number }> = {};
        const pacedIds: string[] = [];
        const pacingOf = (times: number[], seconds: number) => {
            const t = times.map((x) => x - times[0]);
            const burst = t.filter((x) => x < 50).length;
            const gaps = t.slice(burst).map((x, i) => x - t[burst - 1 + i]);
            // The most calls that arrived within any one second.
            let maxInOneSecond = 0;
            for (let i = 0, j = 0; j < t.length; j++) {
                while (t[j] - t[i] >= 1000) i++;
                maxInOneSecond = Math.max(maxInOneSecond, j - i + 1);
            }
            return { seconds, calls: t.length, burst, meanIntervalMs: gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length), maxInOneSecond };
        };
        {
            await sleep(1100);
            lc.resetCalls();
            const started = performance.now();
            const ids = await Promise.all(
                Array.from({ length: DEFAULT_RATE_POOLS }, async (_, i) => {
                    await sleep(pacing(i) - (performance.now() - started));
                    return (ways.raw as ReturnType<typeof rawWay>).createRaw(inputsFor("raw", "rate", i));
                }),
            );
            paced.raw = pacingOf(lc.callTimes(), (performance.now() - started) / 1000);
            pacedIds.push(...ids);
        }
        {
            useSettings({ region: REGION, endpoint: lc.endpoint }); // the shipped defaults: 10 requests a second
            await sleep(1100); // the bucket refills: as at the start of a deployment
            lc.resetCalls();
            const started = performance.now();
            const created = await Promise.all(
                Array.from({ length: DEFAULT_RATE_POOLS }, (_, i) => {
                    const inputs = inputsFor("direct", "rate", i);
                    return ways.direct.create(inputs, urnOf(inputs.poolName));
                }),
            );
            paced.direct = pacingOf(lc.callTimes(), (performance.now() - started) / 1000);
            pacedIds.push(...created.map((p) => p.id));
            useSettings({ region: REGION, endpoint: lc.endpoint, requestsPerSecond: UNLIMITED_RPS });
        }
        log(`100 creates at 10/s: raw paced ${paced.raw.seconds.toFixed(2)} s, provider (default limit) ${paced.direct.seconds.toFixed(2)} s`);
        await Promise.all(pacedIds.map((id) => raw.send(new DeleteUserPoolCommand({ UserPoolId: id }))));

        // ---- A delete the user-count guard does not apply to: the program consented to losing the pool's
        // users (allowReplacementWithUsers), so the provider deletes without reading the live count.
        const consentedDelete = await (async () => {
            const n = 100;
            const pools = await Promise.all(
                Array.from({ length: n }, (_, i) => {
                    const inputs: Props = { ...inputsFor("direct", "consented", i), allowReplacementWithUsers: true };
                    return ways.direct.create(inputs, urnOf(inputs.poolName));
                }),
            );
            lc.resetCalls();
            const started = performance.now();
            await Promise.all(pools.map((p) => ways.direct.delete(p)));
            return { pools: n, ms: performance.now() - started, callsPerPool: countCalls(lc.calls(), n) };
        })();
        log(`consented delete of 100 pools: ${JSON.stringify(consentedDelete.callsPerPool)} per pool, ${consentedDelete.ms.toFixed(0)} ms`);

        // ---- The host's peak memory, after everything it served.
        const hostMemory = peakMemoryKiB(host.pid!);
        log(`host peak memory: ${(hostMemory.peakKiB / 1024).toFixed(1)} MiB`);
        await host.stop();
        host = undefined;

        // ---- The real Pulumi CLI: up, preview, refresh, update and destroy of 10 pools, end to end.
        const cli = await cliFigures(lc, log);

        const left = await leftoverPools(raw);
        const durationS = (performance.now() - t0) / 1000;

        // ---- Figures, report, chart.
        const analysis = analyse(results);
        const state = stateFigures(stateSample, rawDescribeSample, providerText, installedProvider);
        const figures = {
            generatedAt: new Date().toISOString(),
            durationSeconds: Math.round(durationS),
            machine: { ...machineAtStart, loadAverageAtEnd: machine().loadAverage },
            settings: {
                poolCounts: POOL_COUNTS,
                repetitions: REPETITIONS,
                requestsPerSecondForProvider: UNLIMITED_RPS,
                region: REGION,
                poolDeclaration: declaration("<name>", 0),
                operations: OPERATION_LABELS,
            },
            targets: {
                // Refresh: DescribeUserPool alone while nothing MFA-related is on; update: UpdateUserPool alone;
                // delete: DeleteUserPool alone where the guard cannot apply (consent), with the live count otherwise.
                callsPerPool: { create: 1, refresh: 1, preview: 0, update: 1, replace: 4, delete: 2, consentedDelete: 1 },
                wallTimeRatioAt100: { direct: 1.1, host: 1.25 },
                diffMicroseconds: 25,
                serializedProviderBytes: 2048,
                exportedStateBytesPerPool: 4096,
            },
            results,
            analysis,
            defaultRateLimit: {
                pools: DEFAULT_RATE_POOLS,
                requestsPerSecond: RATE,
                burst: BURST,
                quotaBoundSeconds: (DEFAULT_RATE_POOLS - BURST) / RATE,
                raw: paced.raw,
                provider: paced.direct,
                ratio: paced.direct.seconds / paced.raw.seconds,
            },
            state,
            consentedDelete,
            cli,
            diff: diffFigures,
            stockMoto,
            host: { startMs: hostStartMs, ...hostMemory },
            benchProcessPeakRssKiB: process.resourceUsage().maxRSS,
            providerRetries: directRetries,
            failedAttempts: measuredFailures,
            poolsLeftAfterRun: left,
        };
        const outDir = join(repoRoot, "bench-results");
        mkdirSync(outDir, { recursive: true });
        writeFileSync(join(outDir, "results.json"), JSON.stringify(figures, null, 2) + "\n");
        writeFileSync(join(outDir, "time-vs-pools.svg"), timeVsPoolsChart(results, POOL_COUNTS, REPETITIONS));
        // The tenants and copy-users sections (npm run bench:tenants, bench:copy-users) are kept as they were.
        const benchmarks = join(repoRoot, "BENCHMARKS.md");
        const before = existsSync(benchmarks) ? readFileSync(benchmarks, "utf8") : "";
        const copied = sectionOf(before, COPY_USERS_START, COPY_USERS_END);
        writeFileSync(benchmarks, withSection(withTenantsSection(writeReport(figures), tenantsSection(before)), copied, COPY_USERS_START, COPY_USERS_END));
        log(`wrote BENCHMARKS.md, bench-results/results.json, bench-results/time-vs-pools.svg (${left} pools left in Cognito)`);
        if (left !== 0) throw new Error(`${left} pools were left behind`);
    } finally {
        if (host) await host.stop().catch(() => undefined);
        await deleteLeftovers(raw).catch((e) => console.error(`cleanup: ${e}`));
        raw.destroy();
        await lc.stop();
    }
}

async function listPools(raw: CognitoIdentityProviderClient): Promise<{ Id?: string; Name?: string }[]> {
    const pools: { Id?: string; Name?: string }[] = [];
    let NextToken: string | undefined;
    do {
        const page = await raw.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }));
        pools.push(...(page.UserPools ?? []));
        NextToken = page.NextToken;
    } while (NextToken);
    return pools;
}

async function leftoverPools(raw: CognitoIdentityProviderClient): Promise<number> {
    return (await listPools(raw)).filter((p) => p.Name?.startsWith("bench-")).length;
}

async function deleteLeftovers(raw: CognitoIdentityProviderClient): Promise<void> {
    const left = (await listPools(raw)).filter((p) => p.Name?.startsWith("bench-"));
    await Promise.all(left.map((p) => raw.send(new DeleteUserPoolCommand({ UserPoolId: p.Id! }))));
}

// ---------------------------------------------------------------------------------------------

function analyse(results: Results) {
    /** Provider time over the raw SDK's: with the fewest calls (direct, host) and with the same calls (…VsSame). */
    const ratios: Record<string, Record<number, { direct: number | null; host: number | null; directVsSame: number | null; hostVsSame: number | null }>> = {};
    const linearity: Record<string, Record<string, unknown>> = {};
    for (const op of OPERATIONS) {
        ratios[op] = {};
        for (const n of POOL_COUNTS) {
            const over = (w: WayName, base: WayName) => {
                const b = results[op][base][n];
                return b.medianMs >= 0.5 && b.totalCallsPerPool > 0 ? results[op][w][n].medianMs / b.medianMs : null;
            };
            ratios[op][n] = { direct: over("direct", "raw"), host: over("host", "raw"), directVsSame: over("direct", "rawSame"), hostVsSame: over("host", "rawSame") };
        }
        linearity[op] = {};
        for (const w of WAYS) {
            const cells = POOL_COUNTS.map((n) => results[op][w][n]);
            const fit = linearFit(POOL_COUNTS.map((n, i) => [n, cells[i].medianMs]));
            const perPool = cells.map((c) => c.totalCallsPerPool);
            linearity[op][w] = {
                msPerPool: Object.fromEntries(POOL_COUNTS.map((n, i) => [n, cells[i].medianMs / n])),
                slopeMsPerPool: fit.slope,
                interceptMs: fit.intercept,
                r2: fit.r2,
                exponent10to100: cells[1].medianMs > 0.05 ? growthExponent(10, cells[1].medianMs, 100, cells[2].medianMs) : null,
                callsPerPool: perPool,
                callsPerPoolConstant: perPool.every((c) => c === perPool[0]) && cells.every((c) => c.callsStable),
            };
        }
    }
    return { ratios, linearity };
}

function stateFigures(sample: { inputs: Props; outputs: Props }[], rawDescribe: Props[], providerText: string, installedProvider: string) {
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v));
    const without = (p: Props) => {
        const { __provider: _p, ...rest } = p;
        return rest;
    };
    const providerBytes = Buffer.byteLength(providerText);
    return {
        pools: sample.length,
        providerByValueBytes: providerBytes,
        providerInstalledBytes: Buffer.byteLength(installedProvider),
        inputsBytes: avg(sample.map((s) => bytes(s.inputs))),
        outputsBytes: avg(sample.map((s) => bytes(s.outputs))),
        inputsWithoutProviderBytes: avg(sample.map((s) => bytes(without(s.inputs)))),
        outputsWithoutProviderBytes: avg(sample.map((s) => bytes(without(s.outputs)))),
        schemaAttributesBytes: avg(sample.map((s) => bytes(s.outputs.schemaAttributes ?? []))),
        providerCopiesPerPool: avg(sample.map((s) => Number(s.inputs.__provider === installedProvider) + Number(s.outputs.__provider === installedProvider))),
        totalBytesPerPool: avg(sample.map((s) => bytes(s.inputs) + bytes(s.outputs))),
        totalBytesPerPoolByValue: avg(sample.map((s) => bytes(without(s.inputs)) + bytes(without(s.outputs)))) + 2 * (providerBytes + 2),
        rawDescribeUserPoolBytes: rawDescribe.length ? avg(rawDescribe.map((d) => bytes(d))) : null,
        exampleOutputs: sample[0] ? without(sample[0].outputs) : null,
    };
}

// `npm run bench -- --tenants`: the pool-per-tenant benchmark instead (tests/bench/tenants.ts; also `npm run bench:tenants`).
if (process.argv.includes("--tenants")) {
    require("./tenants");
} else {
    main().catch((err) => {
        console.error(err);
        process.exitCode = 1;
    });
}

