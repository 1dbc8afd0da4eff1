// Create: a new pool (CreateUserPool, then SetUserPoolMfaConfig for the factors it cannot carry), or the
// adoption of an existing one (existingPoolId).
import { randomUUID } from "node:crypto";
import { createUserPool, listUserPools, setUserPoolMfaConfig, untagResource } from "../cognito/calls";
import { Attribute, schemaToCognito } from "../pool/attributes";
import { label, nameOf } from "../pool/labels";
import { regionOfPool } from "../pool/resourceInputs";
import { mfaOutputs, needsMfaConfigAfterCreate, setUserPoolMfaConfigRequest } from "../plan/mfa";
import { createUserPoolRequest } from "../plan/plan";
import { poolState, PROVIDER_TAG_PREFIX } from "../state/fromCognito";
import { poolRecord } from "../state/record";
import { URN } from "./deployment";
import { partialFailure } from "./failure";
import { refuseUnadoptable } from "./adoption";
import { CONSENT_TAG, recordConsent } from "./guards";
import { describe, readMfa } from "./reads";
import { updatePool } from "./update";
import { copyIntoReplacement, unfinishedReplacement } from "./copyUsers";
import { say } from "./say";

type Props = Record<string, any>;

/** The tag that marks a pool with the create call that made it (see createPool); never shown in state. */
export const CREATE_TOKEN_TAG = `${PROVIDER_TAG_PREFIX}create-token`;

export async function createPool(inputs: Props): Promise<{ id: string; outs: Props }> {
    if (inputs.existingPoolId) return adoptPool(inputs.existingPoolId, inputs);
    const unfinished = await unfinishedReplacement(inputs);
    if (unfinished) {
        const resumed = await resumeReplacement(unfinished, inputs);
        if (resumed) return resumed;
    }
    const request: Props = createUserPoolRequest(inputs);
    if (Array.isArray(inputs.schema)) request.Schema = schemaToCognito(inputs.schema as Attribute[]);
    // CreateUserPool is not idempotent: the token lets a retry find the pool a lost answer created.
    const token = randomUUID();
    request.UserPoolTags = { ...(request.UserPoolTags ?? {}), [CREATE_TOKEN_TAG]: token };
    const response = await createUserPool(request, {
        what: `create user pool ${nameOf(inputs)}`,
        region: inputs.region,
        recover: async () => {
            const pool = await findCreatedPool(inputs, token);
            return pool && { UserPool: pool };
        },
        ifLookupFails:
            `A pool named ${nameOf(inputs)} may have been created with the tag ${CREATE_TOKEN_TAG} = ${token}. Look for it in the Cognito ` +
            "console or with `aws cognito-idp list-user-pools` and `describe-user-pool` (the lookup needs cognito-idp:ListUserPools and " +
            "cognito-idp:DescribeUserPool). If it is there, adopt it: existingPoolId: \"<its id>\"; if not, run `pulumi up` again.",
    });
    const pool = response.UserPool as Props;
    if (needsMfaConfigAfterCreate(inputs)) {
        // The pool exists from here on: a failure must still hand its id to the engine (failure.ts).
        try {
            await setUserPoolMfaConfig(setUserPoolMfaConfigRequest(pool.Id, {}, inputs), {
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
    return copiedInto(pool.Id, inputs, poolRecord({ ...poolState(pool), ...mfaOutputs({}, inputs) }, inputs));
}

/**
 * The users are copied once the new pool is complete (copyUsers.ts); a failure hands its id to the engine,
 * and the old pool's Delete (now, or pending in a later run) finishes the copy.
 */
async function copiedInto(id: string, inputs: Props, outs: Props): Promise<{ id: string; outs: Props }> {
    await copyIntoReplacement(inputs, id).catch(async (err) => {
        throw await partialFailure(id, inputs, err as Error, outs);
    });
    return { id, outs };
}

/**
 * The pool an earlier, unfinished replacement of this resource made (its Create never returned): taken
 * as the new pool, with the program applied to it, and the copy continued. Undefined when its immutable
 * settings are not the program's any more (the program changed again): then a new pool is made, and
 * that one is left as it is, with its copies, for the user to delete.
 */
async function resumeReplacement(id: string, inputs: Props): Promise<{ id: string; outs: Props } | undefined> {
    const pool = await describe(id);
    if (!pool) return undefined;
    const current = { ...poolState(pool), ...(await readMfa(id)) };
    try {
        refuseUnadoptable(id, current, inputs);
    } catch {
        say(
            `warning: user pool ${id}, made by an earlier replacement of this UserPool that did not finish, no longer matches the program: ` +
                "a new pool is made instead. That one is left as it is (it holds copies of the users): delete it when you no longer need it.",
        );
        return undefined;
    }
    const outs = (await updatePool(id, current, inputs)).outs;
    await recordConsent(inputs[URN], id);
    return copiedInto(id, inputs, outs);
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
        await untagResource({ ResourceArn: pool.Arn, TagKeys: [CONSENT_TAG] }, { what: `clear an earlier replacement's consent on user pool ${id}`, region: regionOfPool(id) });
    }
    const current = { ...poolState(pool), ...(await readMfa(id)) };
    // check refused this at preview already; the pool may have changed since.
    refuseUnadoptable(id, current, inputs);
    return { id, outs: (await updatePool(id, current, inputs)).outs };
}

/**
 * After a CreateUserPool whose answer was lost: the pool it made, if it made one. The token decides
 * (pools may share a name); the name only spares describing pools that cannot be it.
 */
async function findCreatedPool(inputs: Props, token: string): Promise<Props | undefined> {
    let nextToken: string | undefined;
    do {
        const page = await listUserPools(
            { MaxResults: 60, NextToken: nextToken },
            { what: `look for the user pool ${nameOf(inputs)} a lost CreateUserPool answer may have created`, region: inputs.region },
        );
        for (const candidate of page.UserPools ?? []) {
            if (candidate.Name !== inputs.poolName) continue;
            const pool = await describe(candidate.Id);
            if (pool?.UserPoolTags?.[CREATE_TOKEN_TAG] === token) return pool;
        }
        nextToken = page.NextToken;
    } while (nextToken);
    return undefined;
}
