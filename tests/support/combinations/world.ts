// The stateful test's two worlds (tests/engine/combinations.test.ts): the real one (a stack of the combinations
// program, played by the engine harness with the provider loaded as its host loads it, against the local
// Cognito), and the model: what the program declares now, which values it marks secret, how many users
// each pool has, and which pools are known. Commands (commands.ts) change both; invariants.ts checks the
// real one against the model after every command.
import {
    AdminCreateUserCommand,
    AdminDeleteUserCommand,
    CognitoIdentityProviderClient,
    DeleteUserPoolCommand,
    DescribeUserPoolCommand,
    ListUserPoolsCommand,
    ListUsersCommand,
    UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { join } from "node:path";
import { Engine, ResourceState } from "../engine";
import { localCognito } from "../localCognito";
import { repoRoot } from "../stacks";

type Props = Record<string, any>;

export const POOL_TYPE = "pulumi-nodejs:dynamic/cognito:UserPool";
export const RESOURCES = ["a", "b"] as const;
export type ResourceName = (typeof RESOURCES)[number];

/** One UserPool as the program declares it. */
export interface Declared {
    args: Props;
    options: Props;
    /** Argument paths the program marks secret (pulumi.secret). */
    secrets: string[];
}

export class Model {
    /** The program: the UserPools it declares, by resource name (every run starts with `a`, not yet applied). */
    readonly program = new Map<ResourceName, Declared>([["a", { args: {}, options: {}, secrets: [] }]]);
    /** The users each pool has, by the email each signed up with (the test adds and removes them; a copy moves them). */
    readonly users = new Map<string, string[]>();
    /** Every value the program ever marked secret, and the resource whose program marked it. */
    readonly secretValues = new Map<string, ResourceName>();
    /** The values the program marked secret when an `up` last ran: what the state must not hold in plaintext (I2). */
    secretsApplied: string[] = [];
    /** Pools made outside Pulumi (to adopt), and pools let go on purpose (retainOnDelete). */
    readonly outside = new Set<string>();
    readonly released = new Set<string>();
    /** A counter for unique names and values. */
    next = 0;
    /** Something changed outside Pulumi since the last refresh. */
    drifted = false;
    /** The stack's state as the last command left it (urn -> resource), for what changed. */
    before: Map<string, ResourceState> = new Map();
    pendingBefore: ResourceState[] = [];

    unique(prefix: string): string {
        return `${prefix}${++this.next}`;
    }

    /**
     * The values that must not be stored or printed in plaintext now: those the program marks secret. A
     * secret the program stopped declaring is no longer one (secrecy follows the program, as the engine
     * marks outputs by the inputs the program sends: provider_plugin.go, annotateSecrets); Cognito may
     * still hold it (an attribute is never removed) and report it like one added outside Pulumi. Values of
     * a resource the program no longer has stay secret: its state is what was recorded while they were.
     */
    secretsNow(): string[] {
        return [...this.secretValues].filter(([value, owner]) => {
            const d = this.program.get(owner);
            if (!d) return true;
            return d.secrets.some((path) => JSON.stringify(valueAt(d.args, path) ?? null).includes(JSON.stringify(value)));
        }).map(([value]) => value);
    }

    /** The program as stack config for the combinations program. */
    config(): Record<string, string> {
        const pools = [...this.program.entries()].map(([name, d]) => ({ name, args: d.args, options: d.options, secrets: d.secrets }));
        return {
            "aws:region": "us-east-1",
            "cli-combinations:pools": JSON.stringify(pools),
            // The local Cognito answers in milliseconds: the shared limit would only slow the search down.
            "cognito-user-pool:requestsPerSecond": "1000",
            "cognito-user-pool:retryBaseDelayMs": "5",
            "cognito-user-pool:requestTimeoutMs": "2000",
        };
    }
}

export class Real {
    readonly engine: Engine;
    readonly client = new CognitoIdentityProviderClient({});
    /** What every operation printed or failed with (I2 searches it). */
    readonly said: string[] = [];
    /** A note of every step, for the failure report. */
    readonly log: string[] = [];

    constructor(private readonly model: Model, readonly poolsBefore: Set<string>) {
        this.engine = new Engine({
            project: "cli-combinations",
            stack: "test",
            program: join(repoRoot, "tests", "programs", "cli-combinations"),
            config: model.config(),
            provider: process.env.COMBINATIONS_HOST === "1" ? "host" : "inProcess",
            secrets: (name) => model.program.get(name as ResourceName)?.secrets ?? [],
        });
    }

    /** The engine sees the program as the model has it now. */
    sync(): void {
        this.engine.options = { ...this.engine.options, config: this.model.config() };
    }

    poolOf(name: ResourceName): ResourceState | undefined {
        return [...this.engine.state.values()].find((r) => r.dynamic && r.name === name);
    }

    /** The pool, or undefined when Cognito has none with this id. */
    async describe(id: string): Promise<Props | undefined> {
        try {
            return (await this.client.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool as Props;
        } catch (err) {
            if ((err as Error).name === "ResourceNotFoundException") return undefined;
            throw err;
        }
    }

    async addUsers(id: string, count: number): Promise<void> {
        const have = this.model.users.get(id) ?? [];
        // What the pool requires of a user (Cognito refuses a sign-up without it), with a plausible value.
        const required = ((await this.describe(id))?.SchemaAttributes ?? []).filter((a: Props) => a.Required && a.Name !== "sub" && !a.Name.startsWith("custom:"));
        for (let i = 0; i < count; i++) {
            // A name never used before in the run: a copy of it may already be in a replacement pool.
            const n = this.model.next + 1;
            const email = `${this.model.unique("user")}@example.com`;
            // Every other user has an email attribute beside the name (a pool that moves to email sign-in
            // can take them; the others it cannot), and every user what the pool requires.
            const attributes: Record<string, string> = n % 2 === 0 ? { email } : {};
            for (const a of required) attributes[a.Name] ??= a.Name === "email" ? email : a.Name === "phone_number" ? `+1555${String(n).padStart(7, "0")}` : "x";
            const UserAttributes = Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
            await this.client.send(new AdminCreateUserCommand({ UserPoolId: id, Username: email, MessageAction: "SUPPRESS", UserAttributes }));
            have.push(email);
        }
        this.model.users.set(id, have);
    }

    async removeUsers(id: string, count: number): Promise<void> {
        const have = this.model.users.get(id) ?? [];
        for (const email of have.splice(Math.max(0, have.length - count))) await this.client.send(new AdminDeleteUserCommand({ UserPoolId: id, Username: email }));
        this.model.users.set(id, have);
    }

    /** Whether pool `id` has a user who signed up with `email` (as the username, or as the email of a pool that signs in by email). */
    async hasUser(id: string, email: string): Promise<boolean> {
        const byName = await this.client.send(new ListUsersCommand({ UserPoolId: id, Filter: `username = "${email}"` })).catch(() => undefined);
        if (byName?.Users?.length) return true;
        const byEmail = await this.client.send(new ListUsersCommand({ UserPoolId: id, Filter: `email = "${email}"` })).catch(() => undefined);
        return (byEmail?.Users?.length ?? 0) > 0;
    }

    /** Every pool the local Cognito holds. */
    async allPools(): Promise<Set<string>> {
        const ids = new Set<string>();
        let next: string | undefined;
        do {
            const page = await this.client.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken: next }));
            for (const p of page.UserPools ?? []) ids.add(p.Id!);
            next = page.NextToken;
        } while (next);
        return ids;
    }

    /** After a run: every pool it made goes, deletion protection or not. */
    async cleanUp(): Promise<void> {
        localCognito().clearHooks();
        for (const id of await this.allPools()) {
            if (this.poolsBefore.has(id)) continue;
            await this.client.send(new UpdateUserPoolCommand({ UserPoolId: id, DeletionProtection: "INACTIVE" })).catch(() => undefined);
            await this.client.send(new DeleteUserPoolCommand({ UserPoolId: id })).catch(() => undefined);
        }
    }
}

function valueAt(args: Props, path: string): unknown {
    let node: any = args;
    for (const key of path.split(".")) node = node?.[key];
    return node;
}

