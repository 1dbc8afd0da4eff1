// create, read, update and delete: the Cognito calls, each carrying out what plan.ts decided.
import {
    AddCustomAttributesCommand,
    CreateUserPoolCommand,
    DeleteUserPoolCommand,
    DescribeUserPoolCommand,
    TagResourceCommand,
    UntagResourceCommand,
    UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { explain, isNotFound } from "./awsErrors";
import { cognito } from "./cognitoClient";
import { regionOfPool } from "./resourceInputs";
import { createUserPoolRequest, plan, updateUserPoolRequest } from "./plan";
import { declarationOf, poolState } from "./poolState";
import { Attribute, schemaToCognito } from "./schemaAttributes";

type Props = Record<string, any>;

const PROVIDER_KEY = "__provider";

export async function createPool(inputs: Props): Promise<{ id: string; outs: Props }> {
    const request: Props = createUserPoolRequest(inputs);
    if (Array.isArray(inputs.schema)) request.Schema = schemaToCognito(inputs.schema as Attribute[]);
    const response = await call(`create user pool "${inputs.poolName}"`, () =>
        cognito(inputs.region).send(new CreateUserPoolCommand(request as any)),
    );
    const pool = response.UserPool as Props;
    return { id: pool.Id, outs: { ...userInputs(inputs), ...poolState(pool, inputs) } };
}

/** Reads the pool; `{}` when it is gone, which tells the engine it was deleted outside Pulumi. */
export async function readPool(id: string, props: Props): Promise<{ id?: string; props?: Props; inputs?: Props }> {
    const pool = await describe(id);
    if (!pool) return {};
    const state = poolState(pool, props);
    return { id, props: state, inputs: declarationOf(state) };
}

export async function updatePool(id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
    const steps = plan(olds, news);
    if (steps.refused.length > 0 || steps.replaces.length > 0) {
        // diff refuses these at preview; reaching here means the engine was not shown that plan.
        throw new Error(`Cannot update user pool ${label(id, news)} in place: ${[...steps.refused, ...steps.replaces].join("; ")}`);
    }
    const pool = label(id, news);
    try {
        if (steps.addAttributes.length > 0) {
            await call(`add custom attributes to user pool ${pool}`, () =>
                cognito(regionOfPool(id)).send(new AddCustomAttributesCommand({ UserPoolId: id, CustomAttributes: schemaToCognito(steps.addAttributes) as any })),
            );
        }
        if (steps.updateUserPool) {
            await call(`update user pool ${pool}`, () =>
                cognito(regionOfPool(id)).send(new UpdateUserPoolCommand(updateUserPoolRequest(id, olds, news) as any)),
            );
        }
        if (steps.tagsToRemove.length > 0) {
            await call(`untag user pool ${pool}`, () =>
                cognito(regionOfPool(id)).send(new UntagResourceCommand({ ResourceArn: olds.arn, TagKeys: steps.tagsToRemove })),
            );
        }
        if (Object.keys(steps.tagsToSet).length > 0) {
            await call(`tag user pool ${pool}`, () =>
                cognito(regionOfPool(id)).send(new TagResourceCommand({ ResourceArn: olds.arn, Tags: steps.tagsToSet })),
            );
        }
    } catch (err) {
        throw await partialFailure(id, news, err as Error);
    }
    const current = await describe(id);
    if (!current) throw new Error(`User pool ${pool} disappeared during the update; run \`pulumi refresh\`.`);
    return { outs: { ...userInputs(news), ...poolState(current, news) } };
}

export async function deletePool(id: string, props: Props): Promise<void> {
    try {
        await cognito(regionOfPool(id)).send(new DeleteUserPoolCommand({ UserPoolId: id }));
    } catch (err) {
        if (isNotFound(err)) return; // already gone: what delete wanted
        throw explain(`delete user pool ${label(id, props)}`, err);
    }
}

async function describe(id: string): Promise<Props | undefined> {
    try {
        const response = await cognito(regionOfPool(id)).send(new DescribeUserPoolCommand({ UserPoolId: id }));
        return response.UserPool as Props;
    } catch (err) {
        if (isNotFound(err)) return undefined;
        throw explain(`read user pool ${id}`, err);
    }
}

/**
 * An update that failed half-way is reported with the pool's state as it now is, so the engine records
 * what was done (FACTS.md, "Partial failure") instead of keeping a state that no longer holds.
 */
async function partialFailure(id: string, news: Props, err: Error): Promise<Error> {
    const current = await describe(id).catch(() => undefined);
    if (!current) return err;
    const properties = { ...userInputs(news), ...poolState(current, news), [PROVIDER_KEY]: news[PROVIDER_KEY] };
    return Object.assign(new Error(err.message), { id, properties, reasons: [err.message] });
}

async function call<T>(what: string, send: () => Promise<T>): Promise<T> {
    try {
        return await send();
    } catch (err) {
        throw explain(what, err);
    }
}

function label(id: string, props: Props): string {
    return props.poolName ? `"${props.poolName}" (${id})` : id;
}

/** The declared inputs as they go into the outputs (the host adds __provider back itself). */
function userInputs(inputs: Props): Props {
    const { [PROVIDER_KEY]: _provider, ...rest } = inputs;
    return rest;
}

