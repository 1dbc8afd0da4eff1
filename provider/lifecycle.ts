// create, read, update and delete: the Cognito calls, each carrying out what plan.ts decided.
import {
    AddCustomAttributesCommand,
    CreateUserPoolCommand,
    DeleteUserPoolCommand,
    ListUserPoolsCommand,
    SetUserPoolMfaConfigCommand,
    TagResourceCommand,
    UntagResourceCommand,
    UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { randomUUID } from "node:crypto";
import { isNotFound } from "./awsErrors";
import { send } from "./cognitoCalls";
import { checkDeletion, consentKnown, recordConsents } from "./guards";
import { withIgnoredChanges } from "./options";
import { show } from "./validate";
import { featuresAbove, rank, Tier } from "./tiers";
import { mfaState, needsMfaConfigAfterCreate, setUserPoolMfaConfigRequest, totpEnabled } from "./mfa";
import { currentState, describe, label, readMfa } from "./reads";
import { DECLARED, declarationRecord, refreshedInputs } from "./declared";
import { createUserPoolRequest, desiredMembers, plan, updateUserPoolRequest } from "./plan";
import { isRecord } from "./convert";
import { mfaMayBeSet } from "./mfa";
import { allAttributes, schemaAsDeclared } from "./schemaAttributes";
import { userPoolProperties } from "./userPoolProperties";
import { declarationOf, poolState, PROVIDER_TAG_PREFIX, withoutUndefined } from "./poolState";
import { regionOfPool, resourceInputs } from "./resourceInputs";
import { Attribute, schemaToCognito } from "./schemaAttributes";

type Props = Record<string, any>;

const PROVIDER_KEY = "__provider";

export async function createPool(inputs: Props): Promise<{ id: string; outs: Props }> {
    if (inputs.existingPoolId) return adoptPool(inputs.existingPoolId, inputs);
    const request: Props = createUserPoolRequest(inputs);
    if (Array.isArray(inputs.schema)) request.Schema = schemaToCognito(inputs.schema as Attribute[]);
    // CreateUserPool is not idempotent: the token lets a retry find the pool a lost answer created.
    const token = randomUUID();
    request.UserPoolTags = { ...(request.UserPoolTags ?? {}), [CREATE_TOKEN_TAG]: token };
    const response = await send<Props>(new CreateUserPoolCommand(request as any), {
        what: `create user pool "${inputs.poolName}"`,
        region: inputs.region,
        recover: async () => {
            const pool = await findCreatedPool(inputs.poolName, token, inputs.region);
            return pool && { UserPool: pool };
        },
        ifLookupFails:
            `A pool named "${inputs.poolName}" may have been created with the tag ${CREATE_TOKEN_TAG} = ${token}. Look for it in the Cognito ` +
            "console or with `aws cognito-idp list-user-pools` and `describe-user-pool` (the lookup needs cognito-idp:ListUserPools and " +
            "cognito-idp:DescribeUserPool). If it is there, adopt it: existingPoolId: \"<its id>\"; if not, run `pulumi up` again.",
    });
    const pool = response.UserPool as Props;
    if (needsMfaConfigAfterCreate(inputs)) {
        // The pool exists from here on: a failure must still hand its id to the engine (FACTS.md).
        try {
            await send(new SetUserPoolMfaConfigCommand(setUserPoolMfaConfigRequest(pool.Id, {}, inputs) as any), {
                what: `set the MFA configuration of user pool ${label(pool.Id, inputs)}`,
                region: regionOfPool(pool.Id),
            });
            // CreateUserPool answered with the pool; SetUserPoolMfaConfig set MfaConfiguration as sent.
            pool.MfaConfiguration = inputs.mfaConfiguration ?? "OFF";
        } catch (err) {
            throw await partialFailure(pool.Id, inputs, err as Error, poolState(pool, inputs));
        }
    }
    await recordConsents();
    return { id: pool.Id, outs: outputsOf(pool, inputs, mfaOutputs({}, inputs)) };
}

/**
 * Adopting an existing pool (`existingPoolId`): read it, apply the declared configuration to it, and
 * take its id. Never a second pool; a pool whose immutable settings differ from the declaration is
 * refused, since adopting it would mean replacing it.
 */
async function adoptPool(id: string, inputs: Props): Promise<{ id: string; outs: Props }> {
    const pool = await describe(id);
    if (!pool) {
        throw new Error(
            `existingPoolId: there is no user pool ${id} in ${regionOfPool(id)} to adopt. Check the id (the Cognito console lists it), ` +
                "the region and the credentials, or remove existingPoolId to create a new pool.",
        );
    }
    const current = { ...poolState(pool, {}), ...(await readMfa(id)) };
    const steps = plan(current, inputs);
    const cannot = [
        ...steps.replaces.map((r) => `${r} differs, and Cognito cannot change it: the pool has ${show(current[r] ?? "nothing")}, this UserPool declares ${show(inputs[r] ?? "nothing")}`),
        ...steps.refused,
    ];
    if (cannot.length > 0) {
        throw new Error(
            `Cannot adopt user pool ${id}: its settings differ from this UserPool's where Cognito cannot change them:\n` +
                cannot.map((c) => `  - ${c}`).join("\n") +
                "\nDeclare them as the pool has them (read them with UserPool.get), then run `pulumi up` again.",
        );
    }
    return { id, outs: (await updatePool(id, current, inputs)).outs };
}

/**
 * Reads the pool. A refresh (`props` are the outputs of a pool this stack made or adopted) gets back the
 * pool's state and, as inputs, the declaration with the live values (declared.ts); when the pool is gone,
 * `{}` tells the engine it was deleted outside Pulumi. A read by id (UserPool.get: `props` are only the
 * inputs) gets the smallest declaration that reproduces the pool, and a clear error when there is no pool.
 */
export async function readPool(id: string, props: Props): Promise<{ id?: string; props?: Props; inputs?: Props }> {
    const refreshing = props.arn !== undefined;
    const pool = await describe(id);
    if (!pool) {
        if (refreshing) return {};
        throw new Error(
            `UserPool.get: there is no user pool ${id} in ${regionOfPool(id) ?? "the stack's region"}. Check the id (the Cognito console lists ` +
                "the pool ids of each region), the region (the id starts with it) and the credentials Pulumi runs with.",
        );
    }
    const declared: Props | undefined = props[DECLARED];
    // GetUserPoolMfaConfig only when there can be a factor to report: MFA on (Describe says so), or a
    // factor declared or known before. With MFA off Cognito refuses TOTP and email factors, so there is
    // none to miss; passkeys are kept as they were while undeclared.
    const mfa = mfaMayBeSet(pool, declared ?? {}, props) ? await readMfa(id) : { softwareTokenMfaConfiguration: { enabled: false }, ...pickAll(props, ["webAuthnConfiguration"]) };
    const state = { ...poolState(pool, declared ?? props), ...mfa };
    const ours = inputsKeptInState(props);
    if (!declared) return { id, props: { ...ours, ...state }, inputs: { ...ours, ...declarationOf(state) } };
    return { id, props: { ...ours, ...state, [DECLARED]: declared }, inputs: { ...ours, ...refreshedInputs(declared, state) } };
}

export async function updatePool(id: string, olds: Props, given: Props): Promise<{ outs: Props }> {
    // Members under ignoreChanges are sent as Cognito holds them now, never reset (read fresh: another
    // tool may have changed them since the last refresh).
    const ignored = given.resourceOptions?.ignoreChanges;
    const news = Array.isArray(ignored) && ignored.length > 0 ? withIgnoredChanges(given, (await currentState(id, given)) ?? olds, ignored) : given;
    const steps = plan(olds, news);
    if (steps.refused.length > 0) throw new Error(`Cannot update user pool ${label(id, news)} in place: ${steps.refused.join("; ")}`);
    if (steps.replaces.length > 0) {
        throw new Error(`Cannot update user pool ${label(id, news)} in place: ${steps.replaces.join(", ")} can only change by replacement.`);
    }
    const pool = label(id, news);
    const region = regionOfPool(id);
    try {
        if (steps.addAttributes.length > 0) {
            const names = steps.addAttributes.map((a) => a.name);
            await send(new AddCustomAttributesCommand({ UserPoolId: id, CustomAttributes: schemaToCognito(steps.addAttributes) as any }), {
                what: `add custom attributes to user pool ${pool}`,
                region,
                // Adding an attribute twice is refused: after a lost answer, look before adding again.
                recover: async () => ((await hasAttributes(id, names)) ? {} : undefined),
            });
        }
        // Before UpdateUserPool: Cognito accepts MFA ON/OPTIONAL only once a factor is configured.
        // The other calls carry a complete state, so sending one again changes nothing.
        if (steps.setUserPoolMfaConfig) {
            await send(new SetUserPoolMfaConfigCommand(setUserPoolMfaConfigRequest(id, olds, news) as any), {
                what: `set the MFA configuration of user pool ${pool}`,
                region,
            });
        }
        if (steps.updateUserPool) {
            const request = updateUserPoolRequest(id, olds, news);
            // Down a tier: Cognito refuses the move while the higher tier's features are on, so they are
            // switched off first, on the tier the pool still has (TierChangeNotAllowedException otherwise).
            if (rank(request.UserPoolTier) >= 0 && rank(olds.userPoolTier) > rank(request.UserPoolTier) && featuresAbove(olds, request.UserPoolTier as Tier).length > 0) {
                await send(new UpdateUserPoolCommand({ ...request, UserPoolTier: olds.userPoolTier } as any), {
                    what: `switch off the ${olds.userPoolTier} features of user pool ${pool} before its tier changes`,
                    region,
                });
            }
            await send(new UpdateUserPoolCommand(request as any), { what: `update user pool ${pool}`, region });
        }
        if (steps.tagsToRemove.length > 0) {
            await send(new UntagResourceCommand({ ResourceArn: olds.arn, TagKeys: steps.tagsToRemove }), { what: `untag user pool ${pool}`, region });
        }
        if (Object.keys(steps.tagsToSet).length > 0) {
            await send(new TagResourceCommand({ ResourceArn: olds.arn, Tags: steps.tagsToSet }), { what: `tag user pool ${pool}`, region });
        }
    } catch (err) {
        throw await partialFailure(id, news, err as Error, olds);
    }
    const mfa = steps.setUserPoolMfaConfig ? mfaOutputs(olds, news) : pickAll(olds, MFA_FACTORS);
    // Added attributes change what Cognito reports of the schema (its defaults for them): read it. Anything
    // else is what was just sent, so the outputs are built from it without a DescribeUserPool;
    // lastModifiedDate and estimatedNumberOfUsers are then as of the last read.
    if (steps.addAttributes.length > 0) {
        const current = await describe(id);
        if (!current) throw new Error(`User pool ${pool} disappeared during the update; run \`pulumi refresh\`.`);
        return { outs: outputsOf(current, news, mfa) };
    }
    return { outs: expectedOutputs(olds, news, mfa) };
}

/**
 * The outputs after an update that Cognito carried out as sent: the previous outputs, with every member
 * the update sent as it was sent (the complete configuration: what Cognito now holds), the declaration,
 * and the MFA factors set. What Cognito computes stays as of the last read.
 */
function expectedOutputs(olds: Props, news: Props, mfa: Props): Props {
    const { [PROVIDER_KEY]: _p, [DECLARED]: _d, ...previous } = olds;
    const sent = desiredMembers(userPoolProperties.filter((f) => f.apply === "updateUserPool" || f.apply === "tags"), olds, news);
    const outs: Props = { ...previous, ...declarationRecord(news) };
    for (const field of userPoolProperties) {
        if (field.apply !== "updateUserPool" && field.apply !== "tags") continue;
        if (sent[field.name] === undefined) delete outs[field.name];
        else outs[field.name] = sent[field.name];
    }
    if (isRecord(outs.userPoolTags)) outs.userPoolTags = Object.fromEntries(Object.entries(outs.userPoolTags).filter(([k]) => !k.startsWith(PROVIDER_TAG_PREFIX)));
    // The schema as poolState shows it: the declared attributes as the pool holds them (unchanged here).
    if (news.schema === undefined) outs.schema = previous.schema;
    else outs.schema = schemaAsDeclared(allAttributes(previous.schemaAttributes), news.schema);
    if (Array.isArray(outs.schema) && outs.schema.length === 0 && !Array.isArray(news.schema)) delete outs.schema;
    return withoutUndefined({ ...outs, ...mfa, [DECLARED]: declarationRecord(news) });
}

export async function deletePool(id: string, props: Props): Promise<void> {
    // The user-count guard needs the live count, unless the user consented already (in state, or in
    // this deployment): then DeleteUserPool alone.
    if (!consentKnown(id, props)) {
        const pool = await describe(id);
        if (!pool) return; // already gone: what delete wanted
        checkDeletion(id, props, pool);
    }
    try {
        await send(new DeleteUserPoolCommand({ UserPoolId: id }), { what: `delete user pool ${label(id, props)}`, region: regionOfPool(id) });
    } catch (err) {
        // A retry after a lost answer finds the pool already deleted: what delete wanted.
        if (isNotFound(err)) return;
        throw err;
    }
}

/** The tag that marks a pool with the create call that made it (see createPool); never shown in state. */
export const CREATE_TOKEN_TAG = `${PROVIDER_TAG_PREFIX}create-token`;

/**
 * After a CreateUserPool whose answer was lost: the pool it made, if it made one. The token decides
 * (pools may share a name); the name only spares describing pools that cannot be it.
 */
async function findCreatedPool(name: string, token: string, region: string | undefined): Promise<Props | undefined> {
    let nextToken: string | undefined;
    do {
        const page = await send<Props>(new ListUserPoolsCommand({ MaxResults: 60, NextToken: nextToken }), {
            what: `look for the user pool "${name}" a lost CreateUserPool answer may have created`,
            region,
        });
        for (const candidate of page.UserPools ?? []) {
            if (candidate.Name !== name) continue;
            const pool = await describe(candidate.Id);
            if (pool?.UserPoolTags?.[CREATE_TOKEN_TAG] === token) return pool;
        }
        nextToken = page.NextToken;
    } while (nextToken);
    return undefined;
}

async function hasAttributes(id: string, names: string[]): Promise<boolean> {
    const pool = await describe(id);
    const present = new Set((pool?.SchemaAttributes ?? []).map((a: Props) => String(a.Name).replace(/^(dev:)?custom:/, "")));
    return names.every((n) => present.has(n.replace(/^(dev:)?custom:/, "")));
}

/** The outputs: the declaration as given, overlaid with the pool as Cognito reports it, and the declaration itself. */
function outputsOf(pool: Props, inputs: Props, mfa: Props): Props {
    const declared = declarationRecord(inputs);
    return { ...declared, ...poolState(pool, inputs), ...mfa, [DECLARED]: declared };
}

/** What a read reports through GetUserPoolMfaConfig, known without asking once we have set it. */
function mfaOutputs(olds: Props, news: Props): Props {
    const set = setUserPoolMfaConfigRequest("", olds, news);
    return { ...mfaState(set), softwareTokenMfaConfiguration: { enabled: totpEnabled(news) } };
}

const MFA_FACTORS = resourceInputs.filter((f) => f.apply === "setUserPoolMfaConfig").map((f) => f.name);

function pickAll(props: Props, names: string[]): Props {
    return Object.fromEntries(names.filter((n) => props[n] !== undefined).map((n) => [n, props[n]]));
}

/** Our own inputs (consents, adoption) are not in Cognito: a read carries them over from the state. */
function inputsKeptInState(props: Props): Props {
    const names = [...resourceInputs.filter((f) => f.apply === "state" || f.apply === "createOnly" || f.apply === "options").map((f) => f.name), "adopted"];
    return Object.fromEntries(names.filter((n) => props[n] !== undefined).map((n) => [n, props[n]]));
}

/**
 * A create or update that failed half-way is reported with the pool as Cognito now holds it (read back),
 * so the engine records the pool (FACTS: "Partial failure") and the next `pulumi up` sees, and retries,
 * exactly what is still to do. Never the declaration: that would record the failed values as applied.
 * When the read fails too, `before` stands in: the previous outputs, or the pool CreateUserPool returned.
 */
async function partialFailure(id: string, news: Props, err: Error, before: Props): Promise<Error> {
    const current = await currentState(id, news).catch(() => undefined);
    const { [PROVIDER_KEY]: provider } = news;
    const { [PROVIDER_KEY]: _old, ...previous } = before;
    const properties = { ...inputsKeptInState(news), ...(current ?? previous), [DECLARED]: declarationRecord(news), [PROVIDER_KEY]: provider };
    return Object.assign(new Error(err.message), { id, properties: withoutUndefined(properties), reasons: [err.message] });
}
