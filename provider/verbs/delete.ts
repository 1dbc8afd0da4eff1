// Delete: DeleteUserPool, behind the user-count guard unless the program consented (guards.ts).
import { deleteUserPool, untagResource } from "../cognito/calls";
import { isNotFound } from "../cognito/errors";
import { label } from "../pool/labels";
import { regionOfPool } from "../pool/resourceInputs";
import { checkDeletion, CONSENT_TAG, consentWithdrawn, deletionConsent, recordedConsent } from "./guards";
import { copyBeforeDelete } from "./copyUsers";
import { decisionFor, URN } from "./deployment";
import { describe } from "./reads";

type Props = Record<string, any>;

export async function deletePool(id: string, props: Props): Promise<void> {
    // The user-count guard needs the live count, and a copy of the users the pool itself (its hand-over
    // tag), unless the user consented and the program being applied does not copy (a destroy, or the
    // UserPool removed, copies into nothing that stays): then DeleteUserPool alone.
    const consent = deletionConsent(props);
    if (consent !== true || decisionFor(props[URN])?.copies === true) {
        const pool = await describe(id);
        if (!pool) return; // already gone: what delete wanted
        // A consent the program has since withdrawn leaves the pool, so that no later run honours it.
        if (consentWithdrawn(pool, props)) {
            await untagResource({ ResourceArn: pool.Arn, TagKeys: [CONSENT_TAG] }, { what: `withdraw the consent recorded on user pool ${label(id, props)}`, region: regionOfPool(id) });
        }
        const consented = consent === true || (consent === "recorded" && recordedConsent(pool, props));
        if (!(await copyBeforeDelete(id, props, pool, consented))) checkDeletion(id, props, pool, consent);
    }
    try {
        await deleteUserPool({ UserPoolId: id }, { what: `delete user pool ${label(id, props)}`, region: regionOfPool(id) });
    } catch (err) {
        // A retry after a lost answer finds the pool already deleted: what delete wanted.
        if (isNotFound(err)) return;
        throw err;
    }
}
