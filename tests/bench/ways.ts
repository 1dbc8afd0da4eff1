// The four ways the benchmark carries out each operation on a pool:
//   raw    the AWS SDK alone, with the fewest calls that have the same effect;
//   rawSame the AWS SDK alone, making exactly the calls the provider makes (the baseline for its overhead);
//   direct our provider (provider/runtime.ts) called in this process, as the host would call it;
//   host   the real Pulumi dynamic-provider host, over gRPC, as the engine calls it.
// Each provider operation is what the engine sends for that step of `pulumi preview/up/refresh/destroy`:
// create = check + create, refresh = read, no-op preview = check + diff, update = check + diff + update,
// replacement = check + diff + create (new) + delete (old), delete = delete.
import {
    CognitoIdentityProviderClient,
    CreateUserPoolCommand,
    DeleteUserPoolCommand,
    DescribeUserPoolCommand,
    UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type { ProviderHost } from "../support/providerHost";

export type Props = Record<string, any>;

export const OPERATIONS = ["create", "refresh", "preview", "update", "replace", "delete"] as const;
export type Operation = (typeof OPERATIONS)[number];
export const WAYS = ["raw", "rawSame", "direct", "host"] as const;
export type WayName = (typeof WAYS)[number];

export const OPERATION_LABELS: Record<Operation, string> = {
    create: "create",
    refresh: "refresh",
    preview: "no-op preview",
    update: "one-setting update",
    replace: "replacement",
    delete: "delete",
};

/** One pool as a way keeps it: what the engine would keep in state (raw: just the id and the settings). */
export interface PoolRecord {
    id: string;
    urn: string;
    inputs: Props;
    outputs: Props;
}

/** A pool's declaration, as a program writes it: the promotion example's pool, with one tenant tag. */
export function declaration(name: string, tenant: number): Props {
    return {
        poolName: name,
        usernameAttributes: ["email"],
        autoVerifiedAttributes: ["email"],
        usernameConfiguration: { caseSensitive: false },
        policies: { passwordPolicy: { minimumLength: 12, requireSymbols: true } },
        deletionProtection: "INACTIVE",
        mfaConfiguration: "OFF",
        schema: [{ name: "tenant", attributeDataType: "String", mutable: true }],
        userPoolTags: { environment: "bench", project: "pulumi-cognito-user-pool", tenant: String(tenant) },
    };
}

/** The one-setting change: the password's minimum length, 12 → 13 (an UpdateUserPool). */
export function withUpdate(inputs: Props): Props {
    return { ...inputs, policies: { passwordPolicy: { ...inputs.policies.passwordPolicy, minimumLength: 13 } } };
}

/** The change Cognito cannot make in place: usernameConfiguration (a replacement). */
export function withReplacement(inputs: Props): Props {
    return { ...inputs, usernameConfiguration: { caseSensitive: !inputs.usernameConfiguration.caseSensitive } };
}

export interface Way {
    readonly name: WayName;
    create(inputs: Props, urn: string): Promise<PoolRecord>;
    refresh(pool: PoolRecord): Promise<void>;
    preview(pool: PoolRecord): Promise<void>;
    update(pool: PoolRecord, news: Props): Promise<void>;
    replace(pool: PoolRecord, news: Props): Promise<void>;
    delete(pool: PoolRecord): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// raw: what a hand-written SDK script sends for the same effect.

/** CreateUserPool for the declaration, written by hand in the API's own names. */
function rawCreateRequest(d: Props): Props {
    const p = d.policies.passwordPolicy;
    return {
        PoolName: d.poolName,
        Policies: {
            PasswordPolicy: {
                MinimumLength: p.minimumLength,
                RequireUppercase: true,
                RequireLowercase: true,
                RequireNumbers: true,
                RequireSymbols: p.requireSymbols,
                TemporaryPasswordValidityDays: 7,
            },
        },
        DeletionProtection: d.deletionProtection,
        AutoVerifiedAttributes: d.autoVerifiedAttributes,
        UsernameAttributes: d.usernameAttributes,
        UsernameConfiguration: { CaseSensitive: d.usernameConfiguration.caseSensitive },
        MfaConfiguration: d.mfaConfiguration,
        Schema: d.schema.map((a: Props) => ({ Name: a.name, AttributeDataType: a.attributeDataType, Mutable: a.mutable })),
        UserPoolTags: d.userPoolTags,
    };
}

/** UpdateUserPool with the whole configuration (Cognito resets what an update leaves out). */
function rawUpdateRequest(id: string, d: Props): Props {
    const { PoolName, Policies, DeletionProtection, AutoVerifiedAttributes, MfaConfiguration, UserPoolTags } = rawCreateRequest(d);
    return { UserPoolId: id, PoolName, Policies, DeletionProtection, AutoVerifiedAttributes, MfaConfiguration, UserPoolTags };
}

export function rawWay(client: CognitoIdentityProviderClient): Way & { createRaw(inputs: Props): Promise<string> } {
    const createRaw = async (inputs: Props) =>
        (await client.send(new CreateUserPoolCommand(rawCreateRequest(inputs) as any))).UserPool!.Id!;
    const deleteRaw = (id: string) => client.send(new DeleteUserPoolCommand({ UserPoolId: id }));
    return {
        name: "raw",
        createRaw,
        async create(inputs, urn) {
            return { id: await createRaw(inputs), urn, inputs, outputs: {} };
        },
        async refresh(pool) {
            pool.outputs = (await client.send(new DescribeUserPoolCommand({ UserPoolId: pool.id }))).UserPool as Props;
        },
        async preview() {
            // Nothing to ask: a script without state has no plan to show.
        },
        async update(pool, news) {
            await client.send(new UpdateUserPoolCommand(rawUpdateRequest(pool.id, news) as any));
            pool.inputs = news;
        },
        async replace(pool, news) {
            const id = await createRaw(news);
            await deleteRaw(pool.id);
            Object.assign(pool, { id, inputs: news });
        },
        async delete(pool) {
            await deleteRaw(pool.id);
        },
    };
}

// ---------------------------------------------------------------------------------------------
// rawSame: the raw SDK making exactly the calls the provider makes, in its order, and nothing else (no
// check, no plan, no conversion): the provider's time over this is its own overhead, extra calls aside.
// run.ts checks that these are the calls the provider made (the report says so if they are not).

export function rawSameWay(client: CognitoIdentityProviderClient): Way {
    const raw = rawWay(client);
    const describe = (id: string) => client.send(new DescribeUserPoolCommand({ UserPoolId: id }));
    return {
        name: "rawSame",
        create: raw.create,
        // MFA is off in the declaration and in Cognito: the provider reads DescribeUserPool alone.
        refresh: raw.refresh,
        preview: raw.preview,
        // The provider's outputs are built from what it sent: UpdateUserPool alone.
        update: raw.update,
        async replace(pool, news) {
            await describe(pool.id); // diff: the old pool's live user count, for the preview's guard
            const id = await raw.createRaw(news);
            await describe(pool.id); // delete: the live count again (users may have signed up since)
            await client.send(new DeleteUserPoolCommand({ UserPoolId: pool.id }));
            Object.assign(pool, { id, inputs: news });
        },
        async delete(pool) {
            await describe(pool.id); // the user guard's live count
            await raw.delete(pool);
        },
    };
}

// ---------------------------------------------------------------------------------------------
// direct: the provider object the host runs, called in this process.

export function directWay(provider: any): Way {
    const check = async (olds: Props, news: Props) => {
        const checked = await provider.check(olds, news);
        if (checked.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
        return checked.inputs as Props;
    };
    const expectDiff = async (pool: PoolRecord, news: Props, want: "none" | "update" | "replace") => {
        const diff = await provider.diff(pool.id, pool.outputs, news);
        const got = !diff.changes ? "none" : diff.replaces?.length ? "replace" : "update";
        if (got !== want) throw new Error(`direct diff of ${pool.id}: expected ${want}, got ${JSON.stringify(diff)}`);
    };
    return {
        name: "direct",
        async create(inputs, urn) {
            const checked = await check({}, inputs);
            const created = await provider.create(checked);
            return { id: created.id, urn, inputs: checked, outputs: created.outs };
        },
        async refresh(pool) {
            const read = await provider.read(pool.id, pool.outputs);
            if (!read.id) throw new Error(`direct read: pool ${pool.id} is gone`);
            pool.outputs = read.props;
        },
        async preview(pool) {
            const news = await check(pool.inputs, pool.inputs);
            await expectDiff(pool, news, "none");
        },
        async update(pool, next) {
            const news = await check(pool.inputs, next);
            await expectDiff(pool, news, "update");
            const updated = await provider.update(pool.id, pool.outputs, news);
            Object.assign(pool, { inputs: news, outputs: updated.outs });
        },
        async replace(pool, next) {
            const news = await check(pool.inputs, next);
            await expectDiff(pool, news, "replace");
            const created = await provider.create(news);
            await provider.delete(pool.id, pool.outputs);
            Object.assign(pool, { id: created.id, inputs: news, outputs: created.outs });
        },
        async delete(pool) {
            await provider.delete(pool.id, pool.outputs);
        },
    };
}

// ---------------------------------------------------------------------------------------------
// host: the same calls through the real dynamic-provider host, over gRPC.

export function hostWay(host: ProviderHost): Way {
    const check = async (urn: string, olds: Props, news: Props) => {
        const checked = await host.check(urn, olds, news);
        if (checked.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
        return checked.inputs;
    };
    const expectDiff = async (pool: PoolRecord, news: Props, want: "none" | "update" | "replace") => {
        const diff = await host.diff(pool.id, pool.urn, pool.outputs, news, pool.inputs);
        const got = diff.changes === "none" ? "none" : diff.replaces.length ? "replace" : "update";
        if (got !== want) throw new Error(`host diff of ${pool.id}: expected ${want}, got ${JSON.stringify(diff)}`);
    };
    return {
        name: "host",
        async create(inputs, urn) {
            const checked = await check(urn, {}, inputs);
            const created = await host.create(urn, checked);
            return { id: created.id, urn, inputs: checked, outputs: created.properties };
        },
        async refresh(pool) {
            const read = await host.read(pool.id, pool.urn, pool.outputs, pool.inputs);
            if (!read.id) throw new Error(`host read: pool ${pool.id} is gone`);
            pool.outputs = read.properties;
        },
        async preview(pool) {
            const news = await check(pool.urn, pool.inputs, pool.inputs);
            await expectDiff(pool, news, "none");
        },
        async update(pool, next) {
            const news = await check(pool.urn, pool.inputs, next);
            await expectDiff(pool, news, "update");
            const outputs = await host.update(pool.id, pool.urn, pool.outputs, news, pool.inputs);
            Object.assign(pool, { inputs: news, outputs });
        },
        async replace(pool, next) {
            const news = await check(pool.urn, pool.inputs, next);
            await expectDiff(pool, news, "replace");
            const created = await host.create(pool.urn, news);
            await host.delete(pool.id, pool.urn, pool.outputs);
            Object.assign(pool, { id: created.id, inputs: news, outputs: created.properties });
        },
        async delete(pool) {
            await host.delete(pool.id, pool.urn, pool.outputs);
        },
    };
}
