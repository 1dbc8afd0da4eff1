// The provider as the dynamic-provider host runs it, in this process: for the stateful test, which plays
// thousands of operations and cannot start a host process for each. What it keeps of the host
// (@pulumi/pulumi's cmd/dynamic-provider, ResourceProviderService), each point checked by the tests that
// run the real host and the real CLI on the same behaviours:
// - a new provider per operation: the built package (dist/) is loaded afresh, so nothing a provider keeps
//   in memory outlives the operation, as a host process does not (the engine starts one per operation);
// - every property bag crosses the wire as the host's does (google.protobuf.Struct both ways), and the
//   serialized provider (`__provider`) is added to what check, create, read and update return;
// - a create or update error with `id` and `properties` is a partial failure (grpcResponseFromError);
// - every other error reaches the engine as its message; check, diff, read and delete errors are also
//   printed to stderr with their stack (console.error(`${e}: ${e.stack}`)), as the CLI shows them.
import { join } from "node:path";
import { DiffAnswer, PartialFailure } from "./providerHost";

const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
const PROVIDER_KEY = "__provider";
const DIST = join(__dirname, "..", "..", "dist");

type Props = Record<string, any>;

/** The same calls as ProviderHost, without the process. */
export class InProcessProvider {
    /** What the provider printed (its warnings, and the host's print of each error). */
    readonly printed: string[] = [];

    private constructor(private readonly provider: any) {}

    /** A provider as a new host process has it: the built package (or `dist`, an earlier release's) loaded afresh. */
    static async start(dist = DIST): Promise<InProcessProvider> {
        for (const key of Object.keys(require.cache)) if (key.startsWith(dist)) delete require.cache[key];
        return new InProcessProvider(require(join(dist, "provider", "runtime.js")));
    }

    async stop(): Promise<void> {}

    stderr(): string {
        return this.printed.join("\n");
    }

    async configure(config: Record<string, string>): Promise<void> {
        await this.call(false, () => this.provider.configure({ config: { get: (key: string) => config[key] } }));
    }

    async check(_urn: string, olds: Props, news: Props): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }> {
        const n = wire(news);
        const result = await this.call(true, () => this.provider.check(wire(olds), n));
        const inputs = { ...(result.inputs ?? n), [PROVIDER_KEY]: n[PROVIDER_KEY] };
        return { inputs: wire(inputs), failures: result.failures ?? [] };
    }

    async diff(id: string, _urn: string, olds: Props, news: Props, _oldInputs: Props): Promise<DiffAnswer> {
        const result = await this.call(true, () => this.provider.diff(id, wire(olds), wire(news)));
        const changes = result.changes === true ? "some" : result.changes === false ? "none" : "unknown";
        return { changes, replaces: result.replaces ?? [], deleteBeforeReplace: result.deleteBeforeReplace === true };
    }

    async create(_urn: string, properties: Props): Promise<{ id: string; properties: Props }> {
        const props = wire(properties);
        const result = await this.call(false, () => this.provider.create(props));
        return { id: result.id, properties: wire({ ...result.outs, [PROVIDER_KEY]: props[PROVIDER_KEY] }) };
    }

    async read(id: string, _urn: string, properties: Props, inputs: Props): Promise<{ id: string; properties: Props; inputs?: Props }> {
        let props = wire(properties);
        if (Object.keys(props).length === 0) props = wire(inputs);
        const result = await this.call(true, () => this.provider.read(id, props));
        return {
            id: result.id ?? "",
            properties: wire({ ...(result.props ?? {}), [PROVIDER_KEY]: props[PROVIDER_KEY] }),
            inputs: result.inputs ? wire({ ...result.inputs, [PROVIDER_KEY]: props[PROVIDER_KEY] }) : undefined,
        };
    }

    async update(id: string, _urn: string, olds: Props, news: Props, _oldInputs: Props): Promise<Props> {
        const n = wire(news);
        const result = (await this.call(false, () => this.provider.update(id, wire(olds), n))) ?? {};
        return wire({ ...(result.outs ?? {}), [PROVIDER_KEY]: n[PROVIDER_KEY] });
    }

    async delete(id: string, _urn: string, properties: Props): Promise<void> {
        await this.call(true, () => this.provider.delete(id, wire(properties)));
    }

    /** Runs one provider method with its console.error captured; errors as the engine receives them. */
    private async call(printsErrors: boolean, body: () => Promise<any>): Promise<any> {
        const saved = console.error;
        console.error = (...args: unknown[]) => this.printed.push(args.map(String).join(" "));
        try {
            return await body();
        } catch (e: any) {
            if (printsErrors) this.printed.push(`${e}: ${e?.stack}`);
            if (!printsErrors && e?.id !== undefined && e?.properties !== undefined) {
                throw new PartialFailure(String(e.message), e.id, wire(e.properties));
            }
            throw new Error(String(e?.message ?? e));
        } finally {
            console.error = saved;
        }
    }
}

/** A property bag as it crosses the wire between the engine and the host. */
function wire(value: Props | undefined): Props {
    return Struct.fromJavaScript(value ?? {}).toJavaScript();
}
