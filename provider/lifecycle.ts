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
import { URN } from "./deployment";
import { checkDeletion, CONSENT_TAG, consentWithdrawn, deletionConsent, recordConsent } from "./guards";
import { withIgnoredChanges } from "./options";
import { show } from "./validate";
import { DEFAULT_TIER, featuresAbove, rank, Tier } from "./tiers";
import { mfaMayBeSet, mfaState, needsMfaConfigAfterCreate, setUserPoolMfaConfigRequest, totpEnabled } from "./mfa";
import { currentState, describe, label, nameOf, readMfa } from "./reads";
import { createUserPoolRequest, desiredMembers, plan, updateUserPoolRequest } from "./plan";
import { isRecord } from "./convert";
import { userPoolProperties } from "./userPoolProperties";
import { declarationOf, poolState, PROVIDER_TAG_PREFIX } from "./poolState";
import { COMPUTED_OUTPUTS, poolOf, poolRecord, programOf, refreshedInputs, SETTINGS } from "./record";
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
        what: `create user pool ${nameOf(inputs)}`,
        region: inputs.region,
        recover: async () => {
            const pool = await findCreatedPool(inputs.poolName, token, inputs.region);
            return pool && { UserPool: pool };
        },
        ifLookupFails:
            `A pool named ${nameOf(inputs)} may have been created with the tag ${CREATE_TOKEN_TAG} = ${token}. Look for it in the Cognito ` +
            "console or with `aws cognito-idp list-user-pools` and `describe-user-pool` (the lookup needs cognito-idp:ListUserPools and " +
            "cognito-idp:DescribeUserPool). If it is there, adopt it: existingPoolId: \"<its id>\"; if not, run `pulumi up` again.",
    });
    const pool = response.UserPool as Props;
    if (needsMfaConfigAfterCreate(inputs)) {
        // The pool exists from here on: a failure must still hand its id to the engine, which records it
        // and updates it on the next run (pkg/resource/plugin/provider_plugin.go, StatusPartialFailure).
        try {
            await send(new SetUserPoolMfaConfigCommand(setUserPoolMfaConfigRequest(pool.Id, {}, inputs) as any), {
                what: `set the MFA configuration of user pool ${label(pool.Id, inputs)}`,
                region: regionOfPool(pool.Id),
            });
            // CreateUserPool answered with the pool; SetUserPoolMfaConfig set MfaConfiguration as sent.
            pool.MfaConfiguration = inputs.mfaConfiguration ?? "OFF";
        } catch (err) {
            throw await partialFailure(pool.Id, inputs, err as Error, poolState(pool));
        }
    }
    await recordConsent(inputs[URN], pool.Id);
    return { id: pool.Id, outs: poolRecord({ ...poolState(pool), ...mfaOutputs({}, inputs) }, inputs) };
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
    // A consent recorded on the pool (by a replacement that once left it pending deletion) was given for
    // another resource's program: the pool now belongs to this one.
    if (pool.UserPoolTags?.[CONSENT_TAG] !== undefined && pool.Arn) {
        await send(new UntagResourceCommand({ ResourceArn: pool.Arn, TagKeys: [CONSENT_TAG] }), {
            what: `clear an earlier replacement's consent on user pool ${id}`,
            region: regionOfPool(id),
        });
    }
    const current = { ...poolState(pool), ...(await readMfa(id)) };
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
 * Reads the pool. A refresh (`props` are the record of a pool this stack made or adopted) gets back the
 * record rebuilt from the live pool and, as inputs, what a program would write for the pool as it is
 * (record.ts); when the pool is gone, `{}` tells the engine it was deleted outside Pulumi. A read by id
 * (UserPool.get: `props` are only the inputs) gets the smallest declaration that reproduces the pool, and
 * a clear error when there is no pool.
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
    // GetUserPoolMfaConfig only when there can be a factor to report: MFA on (Describe says so), or a
    // factor recorded before. With MFA off Cognito refuses TOTP and email factors, so there is none to
    // miss; passkeys are kept as they were while undeclared.
    const before = poolOf(props);
    const mfa = mfaMayBeSet(pool, {}, before) ? await readMfa(id) : { softwareTokenMfaConfiguration: { enabled: false }, ...pickAll(before, ["webAuthnConfiguration"]) };
    const live = { ...poolState(pool), ...mfa };
    if (!refreshing) {
        const declaration = declarationOf(live);
        return { id, props: poolRecord(live, { schema: declaration.schema }), inputs: declaration };
    }
    const record = poolRecord(live, programOf(props));
    return { id, props: record, inputs: refreshedInputs(record) };
}

export async function updatePool(id: string, olds: Props, given: Props): Promise<{ outs: Props }> {
    // Members under ignoreChanges are sent as Cognito holds them now, never reset (read fresh: another
    // tool may have changed them since the last refresh).
    const ignored = given.resourceOptions?.ignoreChanges;
    const news = Array.isArray(ignored) && ignored.length > 0 ? withIgnoredChanges(given, (await currentState(id)) ?? olds, ignored) : given;
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
        const request = steps.updateUserPool ? updateUserPoolRequest(id, olds, news) : undefined;
        // What the MFA factors need of the pool comes first: a tier that has them (passkeys and email MFA
        // need ESSENTIALS or PLUS), email sent through your own SES identity (email MFA). So when this update
        // raises the tier or switches to DEVELOPER email, UpdateUserPool goes first (the MFA configuration as
        // the pool has it), and SetUserPoolMfaConfig after it.
        const prerequisitesFirst = request !== undefined && steps.setUserPoolMfaConfig && raisesPrerequisites(olds, request);
        if (prerequisitesFirst) {
            await send(new UpdateUserPoolCommand({ ...request, MfaConfiguration: olds.mfaConfiguration ?? "OFF" } as any), {
                what: `update user pool ${pool} before its MFA configuration`,
                region,
            });
        }
        // Otherwise the MFA configuration before UpdateUserPool: Cognito accepts MFA ON/OPTIONAL only once a
        // factor is configured, and a move down a tier only once that tier's factors are off. The calls
        // carry a complete state, so sending one again changes nothing.
        if (steps.setUserPoolMfaConfig) {
            await send(new SetUserPoolMfaConfigCommand(setUserPoolMfaConfigRequest(id, olds, news) as any), {
                what: `set the MFA configuration of user pool ${pool}`,
                region,
            });
        }
        if (request && !prerequisitesFirst) {
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
    // else is what was just sent, so the record is built from it without a DescribeUserPool;
    // lastModifiedDate and estimatedNumberOfUsers are then as of the last read.
    if (steps.addAttributes.length > 0) {
        const current = await describe(id);
        if (!current) throw new Error(`User pool ${pool} disappeared during the update; run \`pulumi refresh\`.`);
        return { outs: poolRecord({ ...poolState(current), ...mfa }, news) };
    }
    return { outs: poolRecord(sentState(olds, news, mfa), news) };
}

/** The update raises the tier, or switches to email through your own SES identity: what MFA factors need. */
function raisesPrerequisites(olds: Props, request: Props): boolean {
    const tierUp = rank(request.UserPoolTier) > rank((olds.userPoolTier ?? DEFAULT_TIER) as Tier);
    const developer = (config: unknown) => isRecord(config) && (config.emailSendingAccount ?? config.EmailSendingAccount) === "DEVELOPER";
    return tierUp || (developer(request.EmailConfiguration) && !developer(olds.emailConfiguration));
}

/**
 * The pool after an update that Cognito carried out as sent: each member the update sent, as it was sent
 * (the complete configuration: what Cognito now holds), the MFA factors as set, and the rest (what Cognito
 * computes, members no call carried) as of the last read. Only the pool's state: the program's own inputs
 * come from the program applied, never from the previous record.
 */
function sentState(olds: Props, news: Props, mfa: Props): Props {
    const live: Props = {};
    for (const field of SETTINGS) if (olds[field.name] !== undefined) live[field.name] = olds[field.name];
    for (const name of [...COMPUTED_OUTPUTS, "region"]) if (olds[name] !== undefined) live[name] = olds[name];
    const fields = userPoolProperties.filter((f) => f.apply === "updateUserPool" || f.apply === "tags");
    const sent = desiredMembers(fields, olds, news);
    for (const field of fields) {
        if (sent[field.name] === undefined) delete live[field.name];
        else live[field.name] = sent[field.name];
    }
    if (isRecord(live.userPoolTags)) live.userPoolTags = Object.fromEntries(Object.entries(live.userPoolTags).filter(([k]) => !k.startsWith(PROVIDER_TAG_PREFIX)));
    return { ...live, ...mfa };
}

export async function deletePool(id: string, props: Props): Promise<void> {
    // The user-count guard needs the live count, unless the program consented (guards.ts,
    // deletionConsent): then DeleteUserPool alone.
    const consent = deletionConsent(props);
    if (consent !== true) {
        const pool = await describe(id);
        if (!pool) return; // already gone: what delete wanted
        // A consent the program has since withdrawn leaves the pool, so that no later run honours it.
        if (consentWithdrawn(pool, props)) {
            await send(new UntagResourceCommand({ ResourceArn: pool.Arn, TagKeys: [CONSENT_TAG] }), {
                what: `withdraw the consent recorded on user pool ${label(id, props)}`,
                region: regionOfPool(id),
            });
        }
        checkDeletion(id, props, pool, consent);
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

/** What a read reports through GetUserPoolMfaConfig, known without asking once we have set it. */
function mfaOutputs(olds: Props, news: Props): Props {
    const set = setUserPoolMfaConfigRequest("", olds, news);
    // Every factor, those the call left out (so switched off) as undefined: none survives from before.
    const off = Object.fromEntries(MFA_FACTORS.map((name) => [name, undefined]));
    return { ...off, ...mfaState(set), softwareTokenMfaConfiguration: { enabled: totpEnabled(news) } };
}

const MFA_FACTORS = resourceInputs.filter((f) => f.apply === "setUserPoolMfaConfig").map((f) => f.name);

function pickAll(props: Props, names: string[]): Props {
    return Object.fromEntries(names.filter((n) => props[n] !== undefined).map((n) => [n, props[n]]));
}

/**
 * A create or update that failed half-way is reported with the pool as Cognito now holds it (read back),
 * so the engine records the pool (provider_plugin.go, StatusPartialFailure) and the next `pulumi up` sees,
 * and retries, exactly what is still to do. Never the declaration: that would record the failed values
 * as applied, and an attribute Cognito refused to add as declared before (so its removal as refused).
 * When the read fails too, `before` stands in: the previous record, or the pool CreateUserPool returned.
 */
async function partialFailure(id: string, news: Props, err: Error, before: Props): Promise<Error> {
    const current = await currentState(id).catch(() => undefined);
    const properties = { ...poolRecord(current ?? before, news), [PROVIDER_KEY]: news[PROVIDER_KEY] };
    return Object.assign(new Error(err.message), { id, properties, reasons: [err.message] });
}
