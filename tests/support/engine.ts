// A stand-in for the Pulumi engine, for programs the real CLI cannot run here (those with @pulumi/aws
// resources: no aws plugin can be installed) and for fast tests. It runs a real Pulumi program
// (pulumi.runtime.setMocks collects its resource registrations), sends every dynamic resource to the
// real dynamic-provider host over gRPC, and applies the engine's step rules with state kept between
// runs (or, for the stateful test's thousands of runs, the provider loaded in this process as the host
// loads it: tests/support/inProcessProvider.ts). tests/engine/cli.test.ts runs the same behaviours through the
// real CLI; each rule here names the
// engine source it follows (pkg/resource/deploy in github.com/pulumi/pulumi):
// - refresh: Read with the old inputs and outputs, then Diff with olds = the new outputs and news = the
//   old inputs, inverted, deciding whether the step shows a change (step.go, RefreshStep.Apply/Op); the
//   inputs Read returns become the resource's inputs.
// - a read by id (UserPool.get): Read with the registered inputs as both inputs and state; only empty
//   outputs are an error (step.go, ReadStep.Apply); the resource stays in state as external, and a destroy
//   discards it without a Delete (step.go, DeleteStep).
// - a replaced resource whose Delete fails stays in state pending deletion; every later update retries
//   its Delete with its old outputs, after the program's steps (step_generator.go, GenerateDeletes).
// - a partial failure (initErrors) forces an update on the next run whatever Diff says
//   (step_generator.go, hasInitErrors).
// - an update's preview: a provider without preview support answers with the new inputs only
//   (pkg/resource/plugin/provider_plugin.go, Update), so outputs that are not inputs are unknown.
// - a replacement: once Diff decided it, Check runs again with the program's inputs and no old inputs,
//   and the Create gets what that Check returned (step_generator.go, generateStepsFromDiff: "we need to
//   recompute the default values").
// - secrets: a provider that does not accept secrets gets values with the marks stripped, and the
//   engine marks what it returns where the inputs of the same path held a secret
//   (pkg/resource/plugin/provider_plugin.go, annotateSecrets, after Check, Create, Read and Update). The
//   marks start from the paths the program marked secret, which a test names (EngineOptions.secrets:
//   Pulumi's mocks do not carry secretness), and plaintextState() is the state as stored unencrypted.
// - resource options: the engine copies old inputs into ignoreChanges paths before Check
//   (step_generator.go, processIgnoreChanges), never calls Delete for retainOnDelete, and deletes first for
//   deleteBeforeReplace; the options are taken from the `resourceOptions` input the UserPool class passes,
//   since mocks do not see resource options.
// Not modelled: other providers' behaviour beyond a mock (their replace-on-change properties are listed
// for the resources the examples use), parallel steps, dependency-ordered deletes (deletes run in reverse
// registration order), protect, aliases, import, secrets, and the engine's display (the changed property
// paths shown here are a plain comparison of old and new inputs, as the CLI shows them for a provider
// that returns no detailed diff: pkg/backend/display/rows.go, getDiffInfo).
import * as pulumi from "@pulumi/pulumi";
import { dirname, join, resolve } from "node:path";
import { InProcessProvider } from "./inProcessProvider";
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
    /** Read by id (UserPool.get): the engine keeps it, and a destroy only discards it. */
    external?: boolean;
    /** The last create or update failed part-way (the engine's initErrors). */
    initErrors?: boolean;
    /** Where the engine holds secrets in the inputs and the outputs. */
    marks?: { inputs: Marks; outputs: Marks };
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
    /** The real dynamic-provider host (the default), or the provider loaded in this process as the host loads it. */
    provider?: "host" | "inProcess";
    /** The input paths the program marks secret, per resource name (mocks do not carry secretness). */
    secrets?: (name: string) => string[];
    /**
     * An earlier release, unpacked (its package folder): the program's `pulumi-cognito-user-pool` and the
     * provider are that release's (inProcess only), as for a stack that release wrote.
     */
    release?: string;
}

/** A secret mark: the path of a value the engine holds as a secret (segments). */
export type Marks = string[][];

type Provider = ProviderHost | InProcessProvider;

/** One stack's state, and the operations Pulumi runs on it. */
export class Engine {
    /** The stack's state, as Pulumi would keep it between runs. */
    readonly state = new Map<string, ResourceState>();
    /** Replaced resources whose Delete failed: kept, and retried by every later update. */
    readonly pendingDeletes: ResourceState[] = [];
    /** What the provider printed (its host's stderr) and the errors the engine reported, every operation. */
    readonly messages: string[] = [];

    constructor(public options: EngineOptions) {}

    preview(): Promise<RunResult> {
        return this.run(true);
    }

    up(): Promise<RunResult> {
        return this.run(false);
    }

    /**
     * `pulumi refresh`: Read, then the inverted Diff (step.go, RefreshStep.Apply): olds = the outputs Read
     * returned, news = the old inputs. The step shows a change when that Diff does (RefreshStep.Op);
     * `changed` lists the input paths the refreshed inputs differ at. A Diff that throws fails the refresh.
     */
    async refresh(): Promise<Step[]> {
        return this.withHost(async (host: Provider) => {
            const steps: Step[] = [];
            for (const entry of [...this.state.values()].filter((r) => r.dynamic)) {
                const read = await host.read(entry.id, entry.urn, entry.outputs, entry.inputs);
                if (!read.id) {
                    this.state.delete(entry.urn);
                    steps.push({ op: "delete", urn: entry.urn, type: entry.type, name: entry.name, oldId: entry.id });
                    continue;
                }
                const inputs = read.inputs ?? entry.inputs;
                const marks = entry.marks && {
                    inputs: annotateSecrets(inputs, entry.inputs, entry.marks.inputs),
                    outputs: annotateSecrets(read.properties, entry.outputs, entry.marks.outputs),
                };
                const diff = entry.external ? undefined : await host.diff(read.id, entry.urn, read.properties, entry.inputs, inputs);
                const changed = changedPaths(entry.inputs, inputs);
                const drift = diff ? diff.changes === "some" || (diff.changes === "unknown" && changed.length > 0) : changedPaths(entry.outputs, read.properties).length > 0;
                this.state.set(entry.urn, { ...entry, id: read.id, outputs: read.properties, inputs, marks });
                steps.push({ op: drift ? "refresh" : "same", urn: entry.urn, type: entry.type, name: entry.name, changed, id: read.id });
            }
            return steps;
        });
    }

    /** `pulumi destroy`: every resource deleted, the last registered first; external ones only discarded (step.go, DeleteStep). */
    async destroy(): Promise<Step[]> {
        return this.withHost(async (host: Provider) => {
            const steps: Step[] = [];
            // A pending delete that fails again stays pending (the engine keeps it in state).
            for (const old of [...this.pendingDeletes]) {
                await host.delete(old.id, old.urn, old.outputs);
                this.pendingDeletes.splice(this.pendingDeletes.indexOf(old), 1);
            }
            for (const entry of [...this.state.values()].reverse()) {
                if (entry.dynamic && !entry.external && !retainOnDelete(entry.inputs)) await host.delete(entry.id, entry.urn, entry.outputs);
                this.state.delete(entry.urn);
                steps.push({ op: "delete", urn: entry.urn, type: entry.type, name: entry.name, oldId: entry.id });
            }
            return steps;
        });
    }

    private async run(preview: boolean): Promise<RunResult> {
        return this.withHost(async (host: Provider) => {
            const deployment = new Deployment(this, host, preview);
            try {
                const outputs = await deployment.runProgram();
                await deployment.finish();
                return { steps: deployment.steps, outputs };
            } catch (err) {
                // Resources whose replacement was created stay in the snapshot marked for deletion when the
                // run fails before their DeleteReplaced step: the next run deletes them first (the engine's
                // pending deletes; step.go sets old.Delete in CreateStep.Apply).
                if (!preview) this.pendingDeletes.push(...deployment.takeReplaced());
                // The steps the deployment took before it failed, for tests that compare them with a preview.
                if (err instanceof Error) Object.assign(err, { steps: deployment.steps });
                throw err;
            }
        });
    }

    /** The state as the engine stores it unencrypted: every value it holds as a secret is left out. */
    plaintextState(): Props[] {
        return [...this.state.values(), ...this.pendingDeletes].map((r) => ({
            urn: r.urn,
            id: r.id,
            inputs: withoutMarked(r.inputs, r.marks?.inputs ?? []),
            outputs: withoutMarked(r.outputs, r.marks?.outputs ?? []),
        }));
    }

    /** The engine starts the provider host once per operation, in the program's directory. */
    private async withHost<T>(body: (host: Provider) => Promise<T>): Promise<T> {
        const host =
            this.options.provider === "inProcess" || this.options.release
                ? await InProcessProvider.start(this.options.release ? join(this.options.release, "dist") : undefined)
                : await ProviderHost.start(programDirectory(this.options.program));
        try {
            await host.configure(this.options.config);
            return await body(host);
        } catch (err) {
            this.messages.push(String((err as Error)?.message ?? err));
            throw err;
        } finally {
            this.messages.push(host.stderr());
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

    constructor(private readonly engine: Engine, private readonly host: Provider, private readonly preview: boolean) {}

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
        const release = this.engine.options.release;
        const Module = require("node:module");
        const resolveFilename = Module._resolveFilename;
        if (release) {
            // The program's package is the earlier release's (as in a project that still has it installed).
            Module._resolveFilename = function (request: string, ...rest: unknown[]) {
                return request === "pulumi-cognito-user-pool" ? join(release, "dist", "index.js") : resolveFilename.call(this, request, ...rest);
            };
        }
        try {
            const exports = require(path);
            if (release) Module._resolveFilename = resolveFilename;
            await settings.waitForRPCs();
            const outputs = await resolveExports(exports);
            await settings.waitForRPCs();
            if (this.failures.length) throw this.failures[0];
            return outputs;
        } finally {
            Module._resolveFilename = resolveFilename;
            // Node remembers how a directory resolved a request (Module._load's relativeResolveCache, used while
            // the module it found is still in require.cache): without this, every later program in the
            // same directory would get the earlier release's package, not this repository's.
            if (release) for (const key of Object.keys(require.cache)) if (key.startsWith(release)) delete require.cache[key];
            process.off("unhandledRejection", onRejection);
        }
    }

    /**
     * Deletes what the program no longer declares, then the pools that replacements left behind, and
     * retries those an earlier run left pending deletion (step_generator.go, GenerateDeletes). A replaced
     * resource whose Delete fails stays pending: the error is the run's, and the next run tries again.
     */
    async finish(): Promise<void> {
        const gone = [...this.engine.state.values()].filter((r) => !this.registered.has(r.urn)).reverse();
        for (const entry of gone) {
            this.steps.push({ op: "delete", urn: entry.urn, type: entry.type, name: entry.name, oldId: entry.id });
            if (this.preview) continue;
            if (entry.dynamic && !entry.external && !retainOnDelete(entry.inputs)) await this.host.delete(entry.id, entry.urn, entry.outputs);
            this.engine.state.delete(entry.urn);
        }
        // A retried pending delete is a step of its own, at preview too: GenerateDeletes plans a delete for
        // every resource of the snapshot marked Delete (step_generator.go), and preview runs the same generator.
        if (this.preview) {
            for (const old of this.engine.pendingDeletes) this.steps.push({ op: "delete", urn: old.urn, type: old.type, name: old.name, oldId: old.id });
            return;
        }
        const pending = this.engine.pendingDeletes.splice(0);
        for (const old of pending) this.steps.push({ op: "delete", urn: old.urn, type: old.type, name: old.name, oldId: old.id });
        const toDelete = [...pending, ...this.takeReplaced()];
        let failure: unknown;
        for (const old of toDelete) {
            try {
                await this.host.delete(old.id, old.urn, old.outputs);
            } catch (err) {
                this.engine.pendingDeletes.push(old);
                failure ??= err;
            }
        }
        if (failure) throw failure;
    }

    /** The replaced resources still to delete (those retained on delete leave state without a call). */
    takeReplaced(): ResourceState[] {
        return this.replacedToDelete.splice(0).filter((r) => r.dynamic && !retainOnDelete(r.inputs));
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
        const newsMarks: Marks = (this.engine.options.secrets?.(args.name) ?? []).map(segments);
        let marks: Marks = newsMarks;
        if (dynamic) {
            // ignoreChanges: the old inputs' values at the ignored paths, before Check (processIgnoreChanges).
            const ignored: string[] = news.resourceOptions?.ignoreChanges ?? [];
            const given = old ? withOldInputsAt(news, old.inputs, ignored) : news;
            const checked = await this.host.check(urn, old?.inputs ?? {}, given);
            if (checked.failures.length) {
                throw new Error(`${args.type} ${args.name}:\n${checked.failures.map((f) => `  ${f.reason}`).join("\n")}`);
            }
            inputs = checked.inputs;
            marks = annotateSecrets(inputs, news, newsMarks);
        }
        if (!old) {
            this.steps.push({ op: "create", ...base });
            return this.create(base, inputs, dynamic, marks);
        }
        const diff = dynamic ? await this.host.diff(old.id, urn, old.outputs, inputs, old.inputs) : mockDiff(args.type, old.inputs, inputs);
        const changed = changedPaths(old.inputs, inputs);
        // After a partial failure the engine updates whatever Diff says (step_generator.go, hasInitErrors).
        const noChange = !old.initErrors && (diff.changes === "none" || (diff.changes === "unknown" && changed.length === 0));
        if (noChange) {
            this.steps.push({ op: "same", ...base, id: old.id });
            // A same step keeps the old outputs, with the new inputs and their secret marks; an output whose
            // input of the same key is now wholly secret is marked too (step_executor.go, continueExecuteStep:
            // "If an input secret is potentially leaked as an output, preemptively mark it as secret").
            if (!this.preview) {
                const outputs = [...(old.marks?.outputs ?? [])];
                for (const mark of marks) if (mark.length === 1 && mark[0] in (old.outputs ?? {}) && !outputs.some((o) => o.length === 1 && o[0] === mark[0])) outputs.push(mark);
                this.engine.state.set(urn, { ...old, inputs, marks: { inputs: marks, outputs } });
            }
            return { id: old.id, state: withoutProvider(old.outputs) };
        }
        if (diff.replaces.length > 0) {
            this.steps.push({ op: "replace", ...base, changed, replaces: diff.replaces, oldId: old.id });
            if (dynamic) {
                // The engine checks again, with the program's inputs and no old ones, and creates with that.
                const rechecked = await this.host.check(urn, {}, news);
                if (rechecked.failures.length) {
                    throw new Error(`${args.type} ${args.name}:\n${rechecked.failures.map((f) => `  ${f.reason}`).join("\n")}`);
                }
                inputs = rechecked.inputs;
                marks = annotateSecrets(inputs, news, newsMarks);
            }
            if (this.preview) return { id: undefined, state: withoutProvider(inputs) };
            if (diff.deleteBeforeReplace || inputs.resourceOptions?.deleteBeforeReplace === true) {
                await this.host.delete(old.id, urn, old.outputs);
                this.engine.state.delete(urn);
                return this.create(base, inputs, dynamic, marks);
            }
            // Create before delete: the old resource is marked for deletion once its replacement's Create
            // answered, even with a partial failure (the replacement then exists); a Create that failed
            // outright leaves the old one as it was (step.go, CreateStep.Apply: "Mark the old resource as
            // pending deletion"; update.go, OnResourceStepPost ends the step as successful on
            // StatusPartialFailure).
            try {
                const created = await this.create(base, inputs, dynamic, marks);
                this.replacedToDelete.push(old);
                return created;
            } catch (err) {
                if (err instanceof PartialFailure) this.replacedToDelete.push(old);
                throw err;
            }
        }
        this.steps.push({ op: "update", ...base, changed, id: old.id });
        // At preview the host cannot preview an update: the engine takes the new inputs as the outputs,
        // so every output that is not an input is unknown (provider_plugin.go, Update).
        if (this.preview) return { id: old.id, state: withoutProvider(inputs) };
        if (!dynamic) return this.record(base, old.id, inputs, inputs, dynamic);
        try {
            const outputs = await this.host.update(old.id, urn, old.outputs, inputs, old.inputs);
            return this.record(base, old.id, inputs, outputs, dynamic, false, marks);
        } catch (err) {
            if (err instanceof PartialFailure) this.record(base, old.id, inputs, err.properties, dynamic, true, marks);
            throw err;
        }
    }

    private async create(base: Omit<Step, "op">, inputs: Props, dynamic: boolean, marks: Marks = []) {
        // At preview the engine does not create: the resource's id and outputs are unknown.
        if (this.preview) return { id: undefined, state: withoutProvider(inputs) };
        if (!dynamic) return this.record(base, `${base.name}-id`, inputs, { arn: `arn:aws:mock::123456789012:${base.name}`, ...inputs }, dynamic);
        try {
            const created = await this.host.create(base.urn, inputs);
            this.steps[this.steps.length - 1].id = created.id;
            return this.record(base, created.id, inputs, created.properties, dynamic, false, marks);
        } catch (err) {
            if (err instanceof PartialFailure) this.record(base, err.id, inputs, err.properties, dynamic, true, marks);
            throw err;
        }
    }

    /**
     * A resource read by id (`UserPool.get`): Read with the registered inputs as its inputs and its state;
     * only empty outputs are an error, and the host always adds `__provider` (step.go, ReadStep.Apply). The
     * engine keeps it in state as external.
     */
    private async read(base: Omit<Step, "op">, id: string, inputs: Props, dynamic: boolean) {
        this.steps.push({ op: "read", ...base, id });
        if (!dynamic) return { id, state: inputs };
        const read = await this.host.read(id, base.urn, inputs, inputs);
        if (Object.keys(read.properties ?? {}).length === 0) throw new Error(`${base.type} ${base.name}: no resource with id ${id}`);
        const readId = read.id || id;
        this.engine.state.set(base.urn, { ...base, id: readId, dynamic, inputs: read.inputs ?? inputs, outputs: read.properties, external: true });
        return { id: readId, state: withoutProvider(read.properties) };
    }

    private record(base: Omit<Step, "op">, id: string, inputs: Props, outputs: Props, dynamic: boolean, initErrors = false, marks: Marks = []) {
        // The outputs are marked where the inputs were (provider_plugin.go, annotateSecrets after Create and Update).
        const saved = { inputs: marks, outputs: annotateSecrets(outputs, inputs, marks) };
        this.engine.state.set(base.urn, { urn: base.urn, type: base.type, name: base.name, id, dynamic, inputs, outputs, initErrors, marks: saved });
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

function retainOnDelete(inputs: Props): boolean {
    return inputs?.resourceOptions?.retainOnDelete === true;
}

/** The new inputs with the old inputs' values at each ignored path (processIgnoreChanges). */
function withOldInputsAt(news: Props, olds: Props, paths: string[]): Props {
    const out = structuredClone(news);
    for (const path of paths) {
        const segments = path.split(".");
        let from: any = olds;
        let to: any = out;
        for (const s of segments.slice(0, -1)) {
            from = from?.[s];
            if (typeof to[s] !== "object" || to[s] === null) to[s] = {};
            to = to[s];
        }
        const last = segments[segments.length - 1];
        if (from?.[last] === undefined) delete to[last];
        else to[last] = structuredClone(from[last]);
    }
    return out;
}

/** A property path (`poolName`, `smsConfiguration.externalId`, `schema[1].name`) as segments. */
function segments(path: string): string[] {
    return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => m[1] ?? m[2]);
}

const isObject = (v: unknown): v is Props => typeof v === "object" && v !== null && !Array.isArray(v);
const startsWith = (path: string[], prefix: string[]) => prefix.every((s, i) => path[i] === s);

/**
 * The engine's annotateSecrets (pkg/resource/plugin/provider_plugin.go): for each key of the inputs that
 * the outputs have too, objects on both sides are compared member by member; any other value is marked
 * whole when the input held a secret anywhere in it (a secret object is not an object to it, and a list
 * with a secret item is marked whole).
 */
export function annotateSecrets(outs: Props, ins: Props, insMarks: Marks, prefix: string[] = []): Marks {
    const marks: Marks = [];
    for (const key of Object.keys(ins ?? {})) {
        if (!(key in (outs ?? {}))) continue;
        const path = [...prefix, key];
        const wholeSecret = insMarks.some((m) => startsWith(path, m));
        const holdsSecret = wholeSecret || insMarks.some((m) => startsWith(m, path));
        if (!holdsSecret) continue;
        if (!wholeSecret && isObject(outs[key]) && isObject(ins[key])) marks.push(...annotateSecrets(outs[key], ins[key], insMarks, path));
        else marks.push(path);
    }
    return marks;
}

/** The bag with every marked value replaced, as the engine stores it unencrypted. */
function withoutMarked(props: Props, marks: Marks): Props {
    const out = structuredClone(props ?? {});
    for (const mark of marks) {
        let node: any = out;
        for (const s of mark.slice(0, -1)) node = node?.[s];
        if (node && typeof node === "object" && mark[mark.length - 1] in node) node[mark[mark.length - 1]] = "[secret]";
    }
    return out;
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
