// What stands between a user and losing their users' accounts: a replacement or a deletion of a pool
// that has users needs the user's consent (allowReplacementWithUsers), the way Pulumi's own `protect`
// needs to be lifted before a destroy. The messages say what is at stake and exactly what to do.
//
// A consent covers what it was given for, and nothing else: the replacement of that resource, the
// deletion of the pool it replaced, and that pool's delete retried in later runs. The engine replaces a
// pool in three steps (Diff, Create of the new pool, Delete of the old one), and when that Delete fails
// the old pool stays in state pending deletion: every later `pulumi up` retries only the Delete, with the
// old pool's outputs, in a new provider process (pkg/resource/deploy/step_generator.go, GenerateDeletes).
// So once the new pool exists, the Create of a consented replacement records the consent on the old pool
// in Cognito (CONSENT_TAG), naming the resource (a digest of its URN) and the pool that replaced it; a
// Delete honours it only for that resource, and an adoption of the pool wipes it.
import { tagResource } from "../cognito/calls";
import { Decision, decisionFor, URN, urnDigest } from "./deployment";
import { PROVIDER_TAG_PREFIX } from "../state/fromCognito";
import { label } from "../pool/labels";
import { describe } from "./reads";
import { regionOfPool } from "../pool/resourceInputs";
import { copyOption } from "../users/rules";
import { previewCopy } from "./copyUsers";

type Props = Record<string, any>;

const PROTECT_DOC = "https://www.pulumi.com/docs/iac/concepts/options/protect/";

/** On a pool being replaced with the user's consent: its deletion, whenever it comes, is consented. */
export const CONSENT_TAG = `${PROVIDER_TAG_PREFIX}replacement-consented`;

export function consents(props: Props): boolean {
    return props.allowReplacementWithUsers === true;
}

/** The old pool stays (the retainOnDelete resource option): a replacement loses no user. */
export function retained(props: Props): boolean {
    return props.resourceOptions?.retainOnDelete === true;
}

/**
 * At preview and before any change: a replacement is refused when the old pool could not be deleted
 * afterwards (deletion protection: it would stay pending deletion forever), or when it has users and the
 * declaration does not consent. The count is the pool's live one, read here (the count in state is only
 * as fresh as the last refresh). With retainOnDelete the engine keeps the old pool, so nothing is lost.
 */
export async function checkReplacement(id: string, olds: Props, news: Props, reasons: string[]): Promise<void> {
    if (retained(news)) return;
    const pool = await describe(id);
    if (pool?.DeletionProtection === "ACTIVE") {
        throw new Error(
            `User pool ${label(id, olds)} has deletion protection ACTIVE, and this change replaces it: ${reasons.join("; ")}.\n` +
                "Cognito would refuse to delete the old pool once the new one exists, and it would stay pending deletion on every later " +
                "`pulumi up`. Nothing was changed. Switch deletion protection off first (deletionProtection: \"INACTIVE\", `pulumi up`), then " +
                "make this change; or keep the old pool with the retainOnDelete resource option.",
        );
    }
    const users = Number(pool?.EstimatedNumberOfUsers ?? 0);
    if (copyOption(news) && users > 0) return previewCopy(id, olds, news, reasons, consents(news));
    if (consents(news)) return;
    if (users === 0) return;
    throw new Error(
        `User pool ${label(id, olds)} has ${users} user${users === 1 ? "" : "s"}, and this change replaces it: ` +
            `${reasons.join("; ")}.\nA replacement creates a new, empty pool and deletes this one with its users' accounts. Nothing was changed.\n` +
            `To carry them into the new pool, add copyUsersOnReplacement: true (README: "Replacing a pool without losing its users"). ` +
            `To go ahead and lose those accounts, add allowReplacementWithUsers: true to this UserPool and run \`pulumi up\` again. ` +
            "To keep them, put the setting back as it was, or keep the old pool with the retainOnDelete resource option. " +
            "(README: \"Protecting your users\".)",
    );
}

/**
 * After the Create of a replacement made the new pool (only `pulumi up` creates): when the Diff of the
 * same resource in this operation consented to replacing its pool, record that on the old pool. Best
 * effort: a Delete in this operation has the Diff's decision anyway; without the record, a Delete retried
 * in a later run is guarded by the user count.
 */
export async function recordConsent(urn: unknown, newPoolId: string): Promise<void> {
    const decision = decisionFor(urn);
    if (typeof urn !== "string" || !decision?.replaces || !decision.consents || !decision.arn || decision.poolId === newPoolId) return;
    await tagResource(
        { ResourceArn: decision.arn, Tags: { [CONSENT_TAG]: `${urnDigest(urn)}:${newPoolId}` } },
        { what: `record on user pool ${decision.poolId} that its replacement was consented`, region: regionOfPool(decision.poolId) },
    ).catch(() => undefined);
}

/**
 * Whether the Delete of pool `id` (with `props`, its record) is consented, as far as is known without
 * asking Cognito: true, false, or "recorded" (only if the pool carries a consent for this resource).
 * - The Diff of the same resource ran in this operation: its program, the one being applied, decides,
 *   for its own pool (a replacement, deleteBeforeReplace included) and for a pool an earlier replacement
 *   of it left pending deletion. A consent withdrawn is withdrawn.
 * - No Diff (the resource was removed from the program, or `pulumi destroy`): the program last applied
 *   to this pool (its record) decides, or a consent recorded on it by the replacement that left it.
 */
export function deletionConsent(props: Props): boolean | "recorded" {
    const decision: Decision | undefined = decisionFor(props[URN]);
    if (decision) return decision.consents;
    return consents(props) || "recorded";
}

/** The program being applied withdrew the consent a replacement recorded on its old pool. */
export function consentWithdrawn(pool: Props, props: Props): boolean {
    const decision = decisionFor(props[URN]);
    return decision !== undefined && !decision.consents && recordedConsent(pool, props);
}

/** The consent recorded on the pool is for this resource (or for a record older than URNs: this pool's replacement). */
export function recordedConsent(pool: Props, props: Props): boolean {
    const value = pool.UserPoolTags?.[CONSENT_TAG];
    if (typeof value !== "string") return false;
    const urn = props[URN];
    return typeof urn !== "string" || value.split(":")[0] === urnDigest(urn);
}

/** Before DeleteUserPool: the pool's live user count, unless the user consented. */
export function checkDeletion(id: string, props: Props, pool: Props, consent: boolean | "recorded"): void {
    const liveUsers = Number(pool.EstimatedNumberOfUsers ?? 0);
    const consented = consent === true || (consent === "recorded" && recordedConsent(pool, props));
    if (consented || liveUsers === 0) return;
    throw new Error(
        `Could not delete user pool ${label(id, props)}: it has ${liveUsers} user${liveUsers === 1 ? "" : "s"}, whose accounts would be lost. Nothing was deleted.\n` +
            "To delete it with them, add allowReplacementWithUsers: true to this UserPool (or, for a pool left pending deletion by a replacement, " +
            "to the UserPool that replaced it), run `pulumi up`, then destroy it (or remove it from your program). To stop managing it but keep it, " +
            `run \`pulumi state delete <urn>\`. Pulumi's \`protect: true\` resource option refuses any deletion outright: ${PROTECT_DOC}`,
    );
}

/** Schema changes Cognito cannot make, and the user's options. */
export function schemaRefusal(id: string, props: Props, refused: string[]): Error {
    return new Error(
        `User pool ${label(id, props)}: Cognito cannot make this schema change, so nothing was changed.\n` +
            refused.map((r) => `  - ${r}`).join("\n") +
            "\nCognito can add custom attributes but never modify or remove one. Put the attribute back as it was, or add a new " +
            "attribute under another name. To replace the pool instead (a new, empty pool: its users are not carried over), " +
            "add replaceOnSchemaChange: true to this UserPool.",
    );
}
