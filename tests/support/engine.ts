// A stand-in for the Pulumi engine, for machines without the Pulumi CLI. It runs a real Pulumi program
// (pulumi.runtime.setMocks collects its resource registrations), sends every dynamic resource to the
// real dynamic-provider host over gRPC, and applies the engine's step rules with state kept between
// runs: create, same, update, replace (create-before-delete, or delete-before-replace when the provider
// asks), delete, refresh and destroy. Other resources (@pulumi/aws ones, say) are answered by the mock.
//
// Not modelled: other providers' behaviour beyond a mock (their replace-on-change properties are
// listed for the resources the examples use), parallel steps, dependency-ordered deletes (deletes run in reverse registration order),
// ignoreChanges/protect/aliases/import, secrets, and the engine's own detailed diff display (the
// changed property paths shown here are a plain comparison of old and new inputs, as Pulumi shows them).
import * as pulumi from "@pulumi/pulumi";
import { dirname, resolve } from "node:path";
import { PartialFailure, ProviderHost } from "./providerHost";

const UNKNOWN = pulumi.runtime.unknownValue;
const settings = require("@pulumi/pulumi/runtime/settings");

type Props = Record<string, any>;

export type StepOp = "create" | "same" | "update" | "replace" | "delete" | "read" | "refresh";

export interface Step {
    op: StepOp;
    urn: string;
    type: string;
    name: string;
    /** Input paths that differ (update, replace, refresh). */
    changed?: string[];
    /** The properties the provider named as forcing a replacement. */
    replaces?: string[];
    id?: string;
    oldId?: string;
}

export interface ResourceState {
    urn: string;
    type: string;
    name: string;
    id: string;
    dynamic: boolean;
    inputs: Props;
    outputs: Props;
}

export interface RunResult {
    steps: Step[];
    /** The program's exports; values unknown at preview are the string "<unknown>". */
    outputs: Props;
}

export interface EngineOptions {
    project: string;
    stack: string;
    /** The program: a module path (a directory with index.ts, or a file). */
    program: string;
    /** The stack config, keys with their namespace (`aws:region`, `project:key`). */
    config: Record<string, string>;
}

/** One stack's state, and the operations Pulumi runs on it. */
export class Engine {
    /** The stack's state, as Pulumi would keep it between runs. */
    readonly state = new Map<string, ResourceState>();

    constructor(public options: EngineOptions) {}

    preview(): Promise<RunResult> {
        return this.run(true);
    }

    up(): Promise<RunResult> {
        return this.run(false);
    }

    /** `pulumi refresh`: every dynamic resource read back through the provider. */
    async refresh(): Promise<Step[]> {
        return this.withHost(async (host) => {
            const steps: Step[] = [];
            for (const entry of [...this.state.values()].filter((r) => r.dynamic)) {
                const read = await host.read(entry.id, entry.urn, entry.outputs, entry.inputs);
                if (!read.id) {
                    this.state.delete(entry.urn);
                    steps.push({ op: "delete", urn: entry.urn, type: entry.type, name: entry.name, oldId: entry.id });
                    continue;
                }
                const changed = changedPaths(entry.outputs, read.properties);
                this.state.set(entry.urn, { ...entry, id: read.id, outputs: read.properties, inputs: read.inputs ?? entry.inputs });
                steps.push({ op: changed.length ? "refresh" : "same", urn: entry.urn, type: entry.type, name: entry.name, changed, id: read.id });
            }
            return steps;
        });
    }

    /** `pulumi destroy`: every resource deleted, the last registered first. */
    async destroy(): Promise<Step[]> {
        return this.withHost(async (host) => {
            const steps: Step[] = [];
            for (const entry of [...this.state.values()].reverse()) {
                if (entry.dynamic) await host.delete(entry.id, entry.urn, entry.outputs);
                this.state.delete(entry.urn);
                steps.push({ op: "delete", urn: entry.urn, type: entry.type, name: entry.name, oldId: entry.id });
            }
            return steps;
        });
    }

    private async run(preview: boolean): Promise<RunResult> {
        return this.withHost(async (host) => {
            const deployment = new Deployment(this, host, preview);
            const outputs = await deployment.runProgram();
            await deployment.finish();
            return { steps: deployment.steps, outputs };
        });
    }

    /** The engine starts the provider host once per operation, in the program's directory. */
    private async withHost<T>(body: (host: ProviderHost) => Promise<T>): Promise<T> {
        const host = await ProviderHost.start(programDirectory(this.options.program));
        try {
            await host.configure(this.options.config);
            return await body(host);
        } finally {
            await host.stop();
        }
    }
}

/** One preview or update: the program's registrations turned into steps. */
class Deployment {
    readonly steps: Step[] = [];
    private readonly registered = new Set<string>();
    private readonly replacedToDelete: ResourceState[] = [];
    private readonly failures: Error[] = [];

    constructor(private readonly engine: Engine, private readonly host: ProviderHost, private readonly preview: boolean) {}

    async runProgram(): Promise<Props> {
        const { project, stack, config, program } = this.engine.options;
        pulumi.runtime.setMocks(
            { newResource: (args) => this.register(args), call: () => ({}) },
            project,
            stack,
            this.preview,
        );
        pulumi.runtime.setAllConfig(config);
        const path = require.resolve(resolve(program));
        for (const key of Object.keys(require.cache)) if (key.startsWith(programDirectory(program))) delete require.cache[key];
        const onRejection = (err: unknown) => this.failures.push(err as Error);
        process.on("unhandledRejection", onRejection);
        try {
            const exports = require(path);
            await settings.waitForRPCs();
            const outputs = await resolveExports(exports);
            await settings.waitForRPCs();
            if (this.failures.length) throw this.failures[0];
            return outputs;
        } finally {
            process.off("unhandledRejection", onRejection);
        }
    }

    /** Deletes what the program no longer declares, then the pools that replacements left behind. */
    async finish(): Promise<void> {
        const gone = [...this.engine.state.values()].filter((r) => !this.registered.has(r.urn)).reverse();
        for (const entry of gone) {
            this.steps.push({ op: "delete", urn: entry.urn, type: entry.type, name: entry.name, oldId: entry.id });
            if (this.preview) continue;
            if (entry.dynamic) await this.host.delete(entry.id, entry.urn, entry.outputs);
            this.engine.state.delete(entry.urn);
        }
        if (this.preview) return;
        for (const old of this.replacedToDelete) if (old.dynamic) await this.host.delete(old.id, old.urn, old.outputs);
    }

    private async register(args: pulumi.runtime.MockResourceArgs): Promise<{ id: string | undefined; state: Props }> {
        try {
            return await this.step(args);
        } catch (err) {
            this.failures.push(err as Error);
            throw err;
        }
    }

    private async step(args: pulumi.runtime.MockResourceArgs): Promise<{ id: string | undefined; state: Props }> {
        const { project, stack } = this.engine.options;
        const urn = `urn:pulumi:${stack}::${project}::${args.type}::${args.name}`;
        this.registered.add(urn);
        const dynamic = args.type.startsWith("pulumi-nodejs:dynamic");
        const news = asEngineValue(args.inputs) as Props;
        const old = this.engine.state.get(urn);
        const base = { urn, type: args.type, name: args.name };

        if (args.id) return this.read(base, args.id, news, dynamic);

        let inputs = news;
        if (dynamic) {
            const checked = await this.host.check(urn, old?.inputs ?? {}, news);
            if (checked.failures.length) {
                throw new Error(`${args.type} ${args.name}:\n${checked.failures.map((f) => `  ${f.reason}`).join("\n")}`);
            }
            inputs = checked.inputs;
        }
        if (!old) {
            this.steps.push({ op: "create", ...base });
            return this.create(base, inputs, dynamic);
        }
        const diff = dynamic ? await this.host.diff(old.id, urn, old.outputs, inputs, old.inputs) : mockDiff(args.type, old.inputs, inputs);
        const changed = changedPaths(old.inputs, inputs);
        const noChange = diff.changes === "none" || (diff.changes === "unknown" && changed.length === 0);
        if (noChange) {
            this.steps.push({ op: "same", ...base, id: old.id });
            this.engine.state.set(urn, { ...old, inputs: this.preview ? old.inputs : inputs });
            return { id: old.id, state: withoutProvider(old.outputs) };
        }
        if (diff.replaces.length > 0) {
            this.steps.push({ op: "replace", ...base, changed, replaces: diff.replaces, oldId: old.id });
            if (this.preview) return { id: undefined, state: withoutProvider(inputs) };
            if (diff.deleteBeforeReplace) {
                await this.host.delete(old.id, urn, old.outputs);
                this.engine.state.delete(urn);
            } else {
                this.replacedToDelete.push(old);
            }
            return this.create(base, inputs, dynamic);
        }
        this.steps.push({ op: "update", ...base, changed, id: old.id });
        if (this.preview) return { id: old.id, state: withoutProvider({ ...old.outputs, ...inputs }) };
        if (!dynamic) return this.record(base, old.id, inputs, inputs, dynamic);
        try {
            const outputs = await this.host.update(old.id, urn, old.outputs, inputs, old.inputs);
            return this.record(base, old.id, inputs, outputs, dynamic);
        } catch (err) {
            if (err instanceof PartialFailure) this.record(base, old.id, inputs, err.properties, dynamic);
            throw err;
        }
    }

    private async create(base: Omit<Step, "op">, inputs: Props, dynamic: boolean) {
        // At preview the engine does not create: the resource's id and outputs are unknown.
        if (this.preview) return { id: undefined, state: withoutProvider(inputs) };
        if (!dynamic) return this.record(base, `${base.name}-id`, inputs, { arn: `arn:aws:mock::123456789012:${base.name}`, ...inputs }, dynamic);
        try {
            const created = await this.host.create(base.urn, inputs);
            this.steps[this.steps.length - 1].id = created.id;
            return this.record(base, created.id, inputs, created.properties, dynamic);
        } catch (err) {
            if (err instanceof PartialFailure) this.record(base, err.id, inputs, err.properties, dynamic);
            throw err;
        }
    }

    /** A resource read by id (`UserPool.get`): Read with the inputs only, as the engine does. */
    private async read(base: Omit<Step, "op">, id: string, inputs: Props, dynamic: boolean) {
        this.steps.push({ op: "read", ...base, id });
        if (!dynamic) return { id, state: inputs };
        const read = await this.host.read(id, base.urn, {}, inputs);
        if (!read.id) throw new Error(`${base.type} ${base.name}: no resource with id ${id}`);
        return { id: read.id, state: withoutProvider(read.properties) };
    }

    private record(base: Omit<Step, "op">, id: string, inputs: Props, outputs: Props, dynamic: boolean) {
        this.engine.state.set(base.urn, { urn: base.urn, type: base.type, name: base.name, id, dynamic, inputs, outputs });
        return { id, state: withoutProvider(outputs) };
    }
}

/**
 * Other providers' resources are answered by the mock; the properties their real providers replace on
 * are listed here for the resources the examples use, so plans show what Pulumi would show.
 */
const REPLACE_ON_CHANGE: Record<string, string[]> = {
    "aws:cognito/userPoolClient:UserPoolClient": ["userPoolId", "generateSecret"],
    "aws:ssm/parameter:Parameter": ["name"],
};

function mockDiff(type: string, olds: Props, news: Props) {
    const changed = changedPaths(olds, news);
    const replaces = (REPLACE_ON_CHANGE[type] ?? []).filter((p) => changed.some((c) => c === p || c.startsWith(`${p}.`)));
    return { changes: changed.length ? "some" : "none", replaces, deleteBeforeReplace: false };
}

function programDirectory(program: string): string {
    const path = require.resolve(resolve(program));
    return dirname(path);
}

const SPECIAL_SIG = "4dabf18193072939515e22adb298388d";
const OUTPUT_VALUE_SIG = "1b47061264138c4ac30d75fd1eb44270";

/**
 * Inputs as the engine sends them to a provider that does not accept output values: an output's
 * value when it is known, else Pulumi's unknown sentinel string.
 */
function asEngineValue(value: unknown): unknown {
    if (value && typeof value === "object" && (value as any)[SPECIAL_SIG] === OUTPUT_VALUE_SIG) {
        return "value" in (value as any) ? asEngineValue((value as any).value) : UNKNOWN;
    }
    if (value && (value as any).__pulumiUnknown) return UNKNOWN;
    if (value && typeof value === "object" && value.constructor?.name === "Unknown") return UNKNOWN;
    if (Array.isArray(value)) return value.map(asEngineValue);
    if (value && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, asEngineValue(v)]));
    }
    return value;
}

function withoutProvider(props: Props): Props {
    const { __provider: _p, ...rest } = props;
    return rest;
}

async function resolveExports(exports: Props): Promise<Props> {
    const out: Props = {};
    for (const [key, value] of Object.entries(exports ?? {})) {
        if (pulumi.Output.isInstance(value)) {
            const known = await (value as any).isKnown;
            out[key] = known ? await (value as any).promise() : "<unknown>";
        } else {
            out[key] = value;
        }
    }
    return out;
}

/** The paths at which two property bags differ, as `pulumi preview --diff` lists them. */
export function changedPaths(olds: unknown, news: unknown, path = ""): string[] {
    if (sameValue(olds, news)) return [];
    const isObj = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
    if (isObj(olds) && isObj(news)) {
        const keys = new Set([...Object.keys(olds as Props), ...Object.keys(news as Props)]);
        return [...keys]
            .filter((k) => k !== "__provider")
            .sort()
            .flatMap((k) => changedPaths((olds as Props)[k], (news as Props)[k], path ? `${path}.${k}` : k));
    }
    return [path];
}

function sameValue(a: unknown, b: unknown): boolean {
    return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Props)[k])]));
    return v;
}
