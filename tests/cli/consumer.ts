// A consumer project for the real-CLI suite (tests/engine/cli.test.ts): the packed package installed, as a user
// installs it, into a fresh folder outside the repository, with the suite's programs
// (tests/programs/cli-*: Pulumi.yaml, Pulumi.<stack>.yaml, index.ts compiled with the repository's tsc
// against the installed typings) and the driver (tests/cli/driver.js) that runs them through the real
// Pulumi CLI with Automation API. One consumer and one driver process serve the whole suite.
import assert from "node:assert/strict";
import { ChildProcess, execFile, execFileSync, fork } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, sep } from "node:path";
import { promisify } from "node:util";
import * as yaml from "js-yaml";
import { npm, packRepository, userEnv } from "../support/npmProject";
import { changedPaths } from "../support/engine";
import { repoRoot } from "../support/stacks";
import { findExecutable, offlineEnv, PulumiCli } from "./pulumiCli";

const run = promisify(execFile);
export const PACKAGE = "pulumi-cognito-user-pool";
let dumped = 0;

/** What the engine reported, as Automation API's event stream carries it. */
export type EngineEvent = Record<string, any>;

export interface OperationResult {
    ok: boolean;
    /** The error the CLI ended with (Automation API's CommandError: its message holds the CLI's stderr). */
    error?: string;
    /** Every engine event of the operation. */
    events: EngineEvent[];
    /** What the CLI printed, as a user sees it. */
    output: string;
    summary?: Record<string, any>;
    changeSummary?: Record<string, number>;
    outputs?: Record<string, any>;
    deployment?: any;
    /** Wall time of the operation as the test saw it. */
    seconds: number;
}

/** One resource step of a preview, up, refresh or destroy, from its ResourcePreEvent. */
export interface CliStep {
    op: string;
    type: string;
    name: string;
    /** Keys causing a replacement (StepEventMetadata.keys). */
    keys?: string[];
    /** Keys that changed (StepEventMetadata.diffs). */
    diffs?: string[];
    /** Property paths and kinds (StepEventMetadata.detailedDiff). */
    detailedDiff?: Record<string, { kind: string; inputDiff: boolean }>;
    oldId?: string;
    newId?: string;
    old?: Record<string, any>;
    new?: Record<string, any>;
}

export class Consumer {
    private nextId = 0;
    private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
    private exited?: string;

    private constructor(
        /** Holds the tarball, the project, the state and PULUMI_HOME; removed by close(). */
        readonly work: string,
        /** The consumer project: package.json, node_modules, driver.js and one folder per program. */
        readonly dir: string,
        readonly cli: PulumiCli,
        private readonly child: ChildProcess,
        /** The Node that runs the driver, the programs and the dynamic-provider host. */
        readonly node: string,
    ) {
        child.on("message", (message: any) => {
            const waiting = this.pending.get(message.id);
            if (!waiting) return;
            this.pending.delete(message.id);
            waiting.resolve(message);
        });
        child.on("exit", (code, signal) => {
            this.exited = `the driver exited (code ${code}, signal ${signal})`;
            for (const waiting of this.pending.values()) waiting.reject(new Error(this.exited));
            this.pending.clear();
        });
    }

    /**
     * Packs the repository (or takes `options.tarball`: a previous release, say), installs the tarball and
     * @pulumi/pulumi (the repository's version) into a fresh project, copies and compiles the programs,
     * and starts the driver.
     */
    static async create(cli: PulumiCli, programs: string[], log: (line: string) => void, options: { tarball?: string } = {}): Promise<Consumer> {
        const work = realpathSync(mkdtempSync(join(tmpdir(), "cognito-cli-")));
        assert.ok(!work.startsWith(repoRoot + sep), `the consumer project must be outside the repository (${work})`);
        const dir = join(work, "project");
        mkdirSync(dir);
        try {
            const tarball = options.tarball ?? (await timed(log, "npm pack", () => packRepository(repoRoot, work)));
            await Consumer.install(dir, tarball, log);
            for (const program of programs) cpSync(join(repoRoot, "tests", "programs", program), join(dir, program), { recursive: true });
            // The programs are TypeScript, compiled here with the repository's tsc against the installed
            // package's typings (a user's `tsc` would see the same); the driver runs the JavaScript.
            writeFileSync(
                join(dir, "tsconfig.json"),
                JSON.stringify(
                    {
                        compilerOptions: { target: "ES2020", module: "commonjs", moduleResolution: "node", strict: true, skipLibCheck: true, types: [] },
                        include: programs.map((p) => `${p}/**/*.ts`),
                    },
                    null,
                    2,
                ),
            );
            await Consumer.compile(dir, log);
            copyFileSync(join(__dirname, "driver.js"), join(dir, "driver.js"));
            mkdirSync(join(work, "state"));
            return await Consumer.start(work, dir, cli, log);
        } catch (err) {
            rmSync(work, { recursive: true, force: true });
            throw err;
        }
    }

    /**
     * Upgrades the package to `tarball` (the repository packed, when none is given) in the same project,
     * with the same state and stacks, as a user's `npm install` of a new version: the programs are compiled
     * again and the driver restarted (so nothing of the old version stays loaded).
     */
    async upgrade(log: (line: string) => void, tarball?: string): Promise<Consumer> {
        await this.stopDriver();
        const packed = tarball ?? (await timed(log, "npm pack", () => packRepository(repoRoot, this.work)));
        await Consumer.install(this.dir, packed, log);
        await Consumer.compile(this.dir, log);
        return Consumer.start(this.work, this.dir, this.cli, log);
    }

    private static async install(dir: string, tarball: string, log: (line: string) => void): Promise<void> {
        const pulumiVersion = require("@pulumi/pulumi/package.json").version;
        writeFileSync(
            join(dir, "package.json"),
            JSON.stringify({ name: "cli-consumer", private: true, dependencies: { [PACKAGE]: `file:${tarball}`, "@pulumi/pulumi": pulumiVersion } }, null, 2),
        );
        await timed(log, "npm install (consumer project)", () => npm(dir, ["install", "--prefer-offline", "--no-audit", "--no-fund"]));
    }

    private static async compile(dir: string, log: (line: string) => void): Promise<void> {
        await timed(log, "tsc (programs)", async () => {
            try {
                await run(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(dir, "tsconfig.json")], { cwd: dir });
            } catch (err: any) {
                throw new Error(`the programs do not compile against the installed package:\n${err.stdout}${err.stderr}`);
            }
        });
    }

    private static async start(work: string, dir: string, cli: PulumiCli, log: (line: string) => void): Promise<Consumer> {
        // The Node on PATH runs the driver (so the inline programs) and, through the CLI, the
        // dynamic-provider host: under `npm test` that is Node 22 from the `node` devDependency.
        const node = findExecutable("node") ?? process.execPath;
        const nodeDir = dirname(realpathSync(node));
        const env: NodeJS.ProcessEnv = {
            ...userEnv(),
            ...offlineEnv(join(work, "state"), join(work, "home")),
            PATH: [cli.binDir, nodeDir, userEnv().PATH].join(delimiter),
            // The dynamic-provider host inherits the CLI's environment: the AWS SDK in it talks to this
            // test run's local Cognito with fake credentials.
            AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER,
            AWS_REGION: process.env.AWS_REGION,
            AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID,
            AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY,
        };
        const child = fork(join(dir, "driver.js"), [], { cwd: dir, env, execPath: node, stdio: ["ignore", "inherit", "inherit", "ipc"] });
        const consumer = new Consumer(work, dir, cli, child, node);
        const envVars = Object.fromEntries(Object.entries(env).filter(([k]) => /^(PULUMI_|AWS_)/.test(k) || k === "PATH") as [string, string][]);
        const init = await consumer.call("init", { root: cli.root, pulumiHome: join(work, "home"), envVars });
        log(`driver: Node ${init.node} (${node}), @pulumi/pulumi ${init.sdk}, Pulumi CLI ${init.version}`);
        return consumer;
    }

    /** Sends one operation to the driver. */
    async call(op: string, args: Record<string, unknown> = {}): Promise<any> {
        if (this.exited) throw new Error(this.exited);
        const id = ++this.nextId;
        const answer: any = await new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            this.child.send({ id, op, args });
        });
        if (op === "init" && !answer.ok) throw new Error(answer.error);
        return answer.ok ? answer.result : { ...answer.result, error: answer.error };
    }

    stack(program: string, stack: string): CliStack {
        return new CliStack(this, program, stack);
    }

    private async stopDriver(): Promise<void> {
        if (!this.exited) {
            await Promise.race([this.call("exit").catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
            if (!this.exited) this.child.kill();
        }
    }

    /**
     * Ctrl-C on the CLI the driver is running (SIGINT to its `pulumi` process): the engine cancels, lets
     * the steps under way finish and starts no other (what `pulumi up` prints: "cancelling...").
     */
    interruptCli(): void {
        execFileSync("pkill", ["-INT", "-P", String(this.child.pid), "-x", "pulumi"]);
    }

    async close(): Promise<void> {
        await this.stopDriver();
        rmSync(this.work, { recursive: true, force: true });
    }
}

/** One stack of one program in the consumer project, as `pulumi -s <stack>` in the program's folder. */
export class CliStack {
    /** Keep the engine's events and the CLI's output (the benchmark turns it off: 1,000 pools' events are its own cost). */
    collect = true;

    constructor(private readonly consumer: Consumer, readonly program: string, readonly name: string) {}

    get dir(): string {
        return join(this.consumer.dir, this.program);
    }

    /** Writes Pulumi.<stack>.yaml (before the stack is first used), as a user commits it. */
    writeConfig(config: Record<string, string>): void {
        writeFileSync(join(this.dir, `Pulumi.${this.name}.yaml`), yaml.dump({ config }));
    }

    /** `pulumi config set` for each key (plain text; `--secret` with `secret`). */
    async setConfig(values: Record<string, string>, secret = false): Promise<void> {
        const r = await this.op("setConfig", { values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v, secret }])) });
        if (!r.ok) throw new Error(`pulumi config set failed: ${r.error}`);
    }

    async removeConfig(keys: string[]): Promise<void> {
        const r = await this.op("removeConfig", { keys });
        if (!r.ok) throw new Error(`pulumi config rm failed: ${r.error}`);
    }

    preview(options: Record<string, unknown> = {}): Promise<OperationResult> {
        return this.op("preview", { options });
    }

    up(options: Record<string, unknown> = {}): Promise<OperationResult> {
        return this.op("up", { options });
    }

    refresh(options: Record<string, unknown> = {}): Promise<OperationResult> {
        return this.op("refresh", { options });
    }

    destroy(options: Record<string, unknown> = {}): Promise<OperationResult> {
        return this.op("destroy", { options });
    }

    async outputs(): Promise<Record<string, any>> {
        return ok(await this.op("outputs"), "pulumi stack output").outputs!;
    }

    /** `pulumi stack export --show-secrets` (what Automation API's exportStack runs). */
    async exportStack(): Promise<any> {
        return ok(await this.op("exportStack"), "pulumi stack export").deployment;
    }

    /** `pulumi stack export`, secrets encrypted: the state as it is stored. */
    async exportPlain(): Promise<any> {
        return ok(await this.op("exportPlain"), "pulumi stack export").deployment;
    }

    private async op(op: string, args: Record<string, unknown> = {}): Promise<OperationResult> {
        const started = Date.now();
        const result = await this.consumer.call(op, { dir: this.dir, stack: this.name, collect: this.collect, ...args });
        const answer = { ok: !result.error, events: [], output: "", ...result, seconds: (Date.now() - started) / 1000 };
        // CLI_SUITE_EVENTS=<folder>: every operation's engine events and output, for a closer look.
        const dump = process.env.CLI_SUITE_EVENTS;
        if (dump) {
            mkdirSync(dump, { recursive: true });
            writeFileSync(join(dump, `${String(++dumped).padStart(3, "0")}-${this.program}-${this.name}-${op}.json`), JSON.stringify({ args, ...answer }, null, 2));
        }
        return answer;
    }
}

/** Fails with what the CLI printed when an operation did not succeed. */
export function ok(result: OperationResult, what: string): OperationResult {
    if (!result.ok) {
        const errors = diagnostics(result).join("\n");
        assert.fail(`${what} failed:\n${errors ? `--- the engine's errors ---\n${errors}\n` : ""}--- the CLI's error ---\n${result.error}\n--- CLI output ---\n${result.output}`);
    }
    return result;
}

/**
 * The resource steps of an operation as the engine announced them (ResourcePreEvent), the stack and
 * provider resources left out. A refresh announces "refresh" and reports its outcome in outcomes().
 */
export function steps(result: OperationResult): CliStep[] {
    return stepsOf(result.events.filter((e) => e.resourcePreEvent).map((e) => e.resourcePreEvent.metadata));
}

/**
 * What each step ended as (ResOutputsEvent; ResOpFailedEvent with op prefixed "failed "): a refresh
 * step ends as "same", "update" (its outputs or inputs changed), or "delete".
 */
export function outcomes(result: OperationResult): CliStep[] {
    return stepsOf(
        result.events
            .filter((e) => e.resOutputsEvent || e.resOpFailedEvent)
            .map((e) => (e.resOutputsEvent ? e.resOutputsEvent.metadata : { ...e.resOpFailedEvent.metadata, op: `failed ${e.resOpFailedEvent.metadata.op}` })),
    );
}

function stepsOf(metadata: Record<string, any>[]): CliStep[] {
    return metadata
        .filter((m) => !m.type.startsWith("pulumi:pulumi:Stack") && !m.type.startsWith("pulumi:providers:"))
        .map((m) => ({
            op: m.op,
            type: m.type,
            name: m.urn.split("::").pop(),
            keys: m.keys,
            diffs: m.diffs,
            detailedDiff: m.detailedDiff,
            oldId: m.old?.id || undefined,
            newId: m.new?.id || undefined,
            old: m.old,
            new: m.new,
        }));
}

/**
 * The input paths a step changes, as the CLI displays them. The dynamic-provider host returns no changed
 * keys and no detailed diff, so the engine's events carry none (StepEventMetadata.diffs and detailedDiff
 * are empty for these resources) and the CLI's display falls back to comparing old and new inputs.
 */
export function changedInputs(step: CliStep): string[] {
    return changedPaths(step.old?.inputs ?? {}, step.new?.inputs ?? {});
}

/** `op name` per step, the way a plan reads. */
export function plan(result: OperationResult): string[] {
    return steps(result).map((s) => `${s.op} ${s.name}`);
}

/** The engine's diagnostics of one severity ("error", "warning", "info"), without the CLI's decoration. */
export function diagnostics(result: OperationResult, severity = "error"): string[] {
    return result.events.filter((e) => e.diagnosticEvent?.severity === severity).map((e) => e.diagnosticEvent.message as string);
}

async function timed<T>(log: (line: string) => void, label: string, body: () => Promise<T>): Promise<T> {
    const start = Date.now();
    const result = await body();
    log(`${label}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
    return result;
}

/** The programs the suite ships (tests/programs/cli-*). */
export function suitePrograms(): string[] {
    return readdirSync(join(repoRoot, "tests", "programs")).filter((n) => n.startsWith("cli-"));
}

