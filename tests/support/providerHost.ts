// The real Pulumi dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`), started the way the
// Pulumi engine starts it and called over gRPC the way the engine calls it.
import { ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";

// The gRPC stubs, the messages and the client come from the @pulumi/pulumi whose host is started (the
// first one started in this process): a suite that runs an older version's host on a Node the newest does
// not support never loads the newest (tests/run.sh). They must share one @grpc/grpc-js: take Pulumi's own.
let grpc: any, services: any, messages: any, statusMessages: any, Struct: any;
function loadProtocol(pulumiDir: string): void {
    if (messages) return;
    const from = (id: string) => require(require.resolve(id, { paths: [pulumiDir] }));
    grpc = from("@grpc/grpc-js");
    services = require(join(pulumiDir, "proto", "provider_grpc_pb"));
    messages = require(join(pulumiDir, "proto", "provider_pb"));
    statusMessages = require(join(pulumiDir, "proto", "status_pb"));
    Struct = from("google-protobuf/google/protobuf/struct_pb").Struct;
}

type Props = Record<string, any>;

/** A create or update that failed after the resource existed: the engine records `id` and `properties`. */
export class PartialFailure extends Error {
    constructor(message: string, readonly id: string, readonly properties: Props) {
        super(message);
    }
}

export interface DiffAnswer {
    changes: "none" | "some" | "unknown";
    replaces: string[];
    deleteBeforeReplace: boolean;
}

export class ProviderHost {
    private constructor(private readonly child: ChildProcess, private readonly client: any, readonly stderr: () => string) {}

    /**
     * Starts the host with `cwd` as its working directory (Pulumi uses the program's directory).
     * `options.pulumi`: the @pulumi/pulumi folder whose host to run (a consumer project's
     * `node_modules/@pulumi/pulumi`, say), instead of this repository's; `options.env`: the host's whole
     * environment, instead of this process's.
     */
    static async start(cwd: string, options: { pulumi?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ProviderHost> {
        const pulumiDir = options.pulumi ?? dirname(require.resolve("@pulumi/pulumi/package.json"));
        loadProtocol(pulumiDir);
        // The engine passes its own address; the host does not dial it.
        const child = spawn(process.execPath, [join(pulumiDir, "cmd", "dynamic-provider"), "127.0.0.1:1"], {
            cwd,
            env: options.env ?? process.env,
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stderr = "";
        child.stderr!.on("data", (d) => (stderr += d));
        const port = await new Promise<number>((resolve, reject) => {
            let out = "";
            child.stdout!.on("data", (d) => {
                out += d;
                const line = out.split("\n")[0];
                if (out.includes("\n")) resolve(Number(line.trim()));
            });
            child.on("exit", (code) => reject(new Error(`provider host exited (${code}) before printing its port: ${stderr}`)));
        });
        const client = new services.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        return new ProviderHost(child, client, () => stderr);
    }

    /** The host process's id (the benchmark reads its peak memory from /proc). */
    get pid(): number | undefined {
        return this.child.pid;
    }

    async stop(): Promise<void> {
        this.client.close();
        // A host killed by a signal has no exit code, only a signal code: it is gone too.
        if (this.child.exitCode === null && this.child.signalCode === null) {
            const exited = new Promise((resolve) => this.child.once("exit", resolve));
            this.child.kill();
            await exited;
        }
    }

    /** Configure carries the whole stack config, as the engine sends it. */
    async configure(config: Record<string, string>): Promise<void> {
        const req = new messages.ConfigureRequest();
        req.setArgs(Struct.fromJavaScript(config));
        for (const [k, v] of Object.entries(config)) req.getVariablesMap().set(k, v);
        await this.call("configure", req);
    }

    async check(urn: string, olds: Props, news: Props): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }> {
        const req = new messages.CheckRequest();
        req.setUrn(urn);
        req.setOlds(Struct.fromJavaScript(olds));
        req.setNews(Struct.fromJavaScript(news));
        const resp = await this.call("check", req);
        return {
            inputs: resp.getInputs()?.toJavaScript() ?? {},
            failures: resp.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() })),
        };
    }

    async diff(id: string, urn: string, olds: Props, news: Props, oldInputs: Props): Promise<DiffAnswer> {
        const req = new messages.DiffRequest();
        req.setId(id);
        req.setUrn(urn);
        req.setOlds(Struct.fromJavaScript(olds));
        req.setNews(Struct.fromJavaScript(news));
        req.setOldInputs(Struct.fromJavaScript(oldInputs));
        const resp = await this.call("diff", req);
        const kinds = messages.DiffResponse.DiffChanges;
        const changes = resp.getChanges() === kinds.DIFF_NONE ? "none" : resp.getChanges() === kinds.DIFF_SOME ? "some" : "unknown";
        return { changes, replaces: resp.getReplacesList(), deleteBeforeReplace: resp.getDeletebeforereplace() };
    }

    async create(urn: string, properties: Props): Promise<{ id: string; properties: Props }> {
        const req = new messages.CreateRequest();
        req.setUrn(urn);
        req.setProperties(Struct.fromJavaScript(properties));
        const resp = await this.call("create", req);
        return { id: resp.getId(), properties: resp.getProperties()?.toJavaScript() ?? {} };
    }

    async read(id: string, urn: string, properties: Props, inputs: Props): Promise<{ id: string; properties: Props; inputs?: Props }> {
        const req = new messages.ReadRequest();
        req.setId(id);
        req.setUrn(urn);
        req.setProperties(Struct.fromJavaScript(properties));
        req.setInputs(Struct.fromJavaScript(inputs));
        const resp = await this.call("read", req);
        return { id: resp.getId(), properties: resp.getProperties()?.toJavaScript() ?? {}, inputs: resp.getInputs()?.toJavaScript() };
    }

    async update(id: string, urn: string, olds: Props, news: Props, oldInputs: Props): Promise<Props> {
        const req = new messages.UpdateRequest();
        req.setId(id);
        req.setUrn(urn);
        req.setOlds(Struct.fromJavaScript(olds));
        req.setNews(Struct.fromJavaScript(news));
        req.setOldInputs(Struct.fromJavaScript(oldInputs));
        const resp = await this.call("update", req);
        return resp.getProperties()?.toJavaScript() ?? {};
    }

    async delete(id: string, urn: string, properties: Props): Promise<void> {
        const req = new messages.DeleteRequest();
        req.setId(id);
        req.setUrn(urn);
        req.setProperties(Struct.fromJavaScript(properties));
        await this.call("delete", req);
    }

    private call(method: string, req: unknown): Promise<any> {
        return new Promise((resolve, reject) => {
            this.client[method](req, (err: any, resp: any) => (err ? reject(asEngineError(err)) : resolve(resp)));
        });
    }
}

/** A gRPC error as the engine reads it: a message, and for partial failures the resource's id and state. */
function asEngineError(err: any): Error {
    const message = String(err.details ?? err.message);
    const detailsBin = err.metadata?.get?.("grpc-status-details-bin")?.[0];
    if (detailsBin) {
        const status = statusMessages.Status.deserializeBinary(new Uint8Array(detailsBin));
        for (const any of status.getDetailsList()) {
            if (any.getTypeName() === "pulumirpc.ErrorResourceInitFailed") {
                const detail = messages.ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8());
                return new PartialFailure(message, detail.getId(), detail.getProperties()?.toJavaScript() ?? {});
            }
        }
    }
    return new Error(message);
}
