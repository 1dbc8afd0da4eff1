// copyUsersOnReplacement in the engine's three calls of a replacement (handover.ts says why it takes a
// tag): Diff says what will be copied (counts only), Create makes the new pool and copies, Delete finishes
// and checks the copy before it deletes the old pool, and refuses while an account is not there.
import { label } from "../pool/labels";
import { Outcome, copyUsers, verified } from "../users/copy";
import { usersOf } from "../users/directory";
import { describeNotCopyable, keepSubAttribute, notCopyableCount, planCopy, rulesFromInputs } from "../users/rules";
import { decisionFor, URN } from "./deployment";
import { handOverOf, recordHandOver } from "./handover";
import { describe } from "./reads";
import { say } from "./say";

type Props = Record<string, any>;

const WHAT_USERS_DO =
    'Copied users get a random password and set their own with "forgot password" (through a verified email or phone number); ' +
    "TOTP and SMS MFA, passkeys and remembered devices are set up again; federated users come back at their next sign-in.";

// Every line said here holds counts and pool ids only: never a username or an email (personal data).

/**
 * At preview (and at up, before any change): a replacement of a pool with users, and the program copies
 * them. Says how many will be copied and how many cannot be; refuses what cannot work: deleteBeforeReplace
 * deletes the old pool before the new one exists. `consents`: the program has allowReplacementWithUsers.
 */
export async function previewCopy(id: string, olds: Props, news: Props, reasons: string[], consents: boolean): Promise<void> {
    if (news.resourceOptions?.deleteBeforeReplace === true && !consents) {
        throw new Error(
            `User pool ${label(id, olds)} has users, and this change replaces it (${reasons.join("; ")}) with the deleteBeforeReplace resource option: ` +
                "the old pool would be deleted before the new one exists, so copyUsersOnReplacement could copy no one. Nothing was changed. " +
                "Remove deleteBeforeReplace (the new pool is made first, the users copied, then the old pool deleted), or put the setting back.",
        );
    }
    const plan = planCopy(await usersOf(id), rulesFromInputs(news));
    const refused = notCopyableCount(plan);
    say(
        `User pool ${label(id, olds)} will be replaced (${reasons.join("; ")}). copyUsersOnReplacement: ${count(plan.copies.length)} will be copied into the new pool` +
            (refused > 0
                ? `; ${count(refused)} cannot be (${describeNotCopyable(plan)}), so the old pool will be kept, pending deletion, ` +
                  (consents ? "until the copy is checked, then deleted with them (allowReplacementWithUsers)" : "until they are dealt with or allowReplacementWithUsers: true lets them go")
                : "; the old pool is deleted once every copy is checked") +
            (plan.federated > 0 ? `; ${count(plan.federated, "federated user")} will come back at the next sign-in` : "") +
            `. ${WHAT_USERS_DO}`,
        olds,
        news,
    );
}

/**
 * A pool an earlier replacement of this resource made and began copying into, whose Create never
 * returned (a crash, a second Ctrl-C): the Create run again continues into it instead of making another.
 */
export async function unfinishedReplacement(inputs: Props): Promise<string | undefined> {
    const decision = decisionFor(inputs[URN]);
    if (!decision?.replaces || !decision.copies) return undefined;
    const old = await describe(decision.poolId);
    const handOver = old && handOverOf(old, inputs);
    if (!handOver || handOver.newPoolId === decision.poolId) return undefined;
    return (await describe(handOver.newPoolId)) ? handOver.newPoolId : undefined;
}

/** After the Create of a replacement made the new pool: record the hand-over, then copy. */
export async function copyIntoReplacement(inputs: Props, newPoolId: string): Promise<void> {
    const urn = inputs[URN];
    const decision = decisionFor(urn);
    if (typeof urn !== "string" || !decision?.replaces || !decision.copies || decision.poolId === newPoolId) return;
    const old = await describe(decision.poolId);
    const created = await describe(newPoolId);
    if (!old || !created) return;
    const keepSubAs = keepSubAttribute(inputs);
    await recordHandOver(urn, old, { newPoolId, keepSubAs });
    const outcome = await copyUsers(old.Id, created, keepSubAs, (line) => say(line, inputs));
    say(summary(old.Id, newPoolId, outcome), inputs);
}

/**
 * Before DeleteUserPool of a pool whose users this resource copies into its replacement: finish the copy
 * and check it. True when the pool may go (every account it can hold verified in the new pool, or the
 * program consents to losing the rest); false when no copy applies (the user-count guard decides); throws
 * while an account would be lost.
 */
export async function copyBeforeDelete(id: string, props: Props, pool: Props, consented: boolean): Promise<boolean> {
    const decision = decisionFor(props[URN]);
    if (decision && !decision.copies) return false;
    const handOver = handOverOf(pool, props);
    const target = handOver && (await describe(handOver.newPoolId));
    if (!handOver || !target) return false;
    const outcome = await copyUsers(id, target, handOver.keepSubAs, (line) => say(line, props));
    say(summary(id, handOver.newPoolId, outcome), props);
    if (verified(outcome) && notCopyableCount(outcome.plan) === 0) return true;
    if (consented) return true;
    throw new Error(
        `Kept user pool ${label(id, props)}: ${problems(outcome)}. Nothing was deleted; it stays pending deletion, and every \`pulumi up\` copies ` +
            `what is missing and checks again.\nTo let the accounts that cannot be copied go, add allowReplacementWithUsers: true to this UserPool ` +
            "and run `pulumi up`. To keep the old pool instead, run `pulumi state delete <its urn>` (it then stays in Cognito, unmanaged).",
    );
}

function summary(oldId: string, newId: string, outcome: Outcome): string {
    const copied = outcome.plan.copies.length - outcome.unverified.users;
    return `copyUsersOnReplacement: ${count(copied)} of user pool ${oldId} verified in user pool ${newId}` + (verified(outcome) && notCopyableCount(outcome.plan) === 0 ? "" : `; ${problems(outcome)}`);
}

function problems(outcome: Outcome): string {
    const parts: string[] = [];
    const refused = notCopyableCount(outcome.plan);
    if (refused > 0) parts.push(`${count(refused)} cannot be copied (${describeNotCopyable(outcome.plan)})`);
    const byCognito = Object.entries(outcome.refused);
    if (byCognito.length > 0) parts.push(`Cognito refused ${byCognito.map(([name, n]) => `${count(n)} (${name})`).join(", ")}`);
    const u = outcome.unverified;
    if (u.users > 0) parts.push(`${count(u.users)} not yet verified in the new pool`);
    if (u.groups > 0) parts.push(`${u.groups} group${u.groups === 1 ? "" : "s"} not yet verified`);
    if (u.memberships > 0) parts.push(`${u.memberships} group membership${u.memberships === 1 ? "" : "s"} not yet verified`);
    return parts.join("; ");
}

function count(n: number, what = "user"): string {
    return `${n} ${what}${n === 1 ? "" : "s"}`;
}
