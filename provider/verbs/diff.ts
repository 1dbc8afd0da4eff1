// Diff: what the plan says a change of the program means for the pool (an update, a replacement, no
// change), and what refuses it at preview (a schema change Cognito cannot make, a feature its tier
// lacks, a replacement of a pool with users, deletion protection or an adoption). A refresh calls Diff
// too, and there it only records (deployment.ts).
import { plan } from "../plan/plan";
import { replacementsByOption, withIgnoredChanges } from "../plan/options";
import { label } from "../pool/labels";
import { isUnknown } from "../pool/table";
import { afterUpdate, featuresAbove, tierMessage } from "../pool/tiers";
import { poolOf, secretsBehind, undeclaredAttributes } from "../state/record";
import { isRefreshDiff, noteDecision, URN } from "./deployment";
import { checkReplacement, consents, schemaRefusal } from "./guards";
import { copyOption } from "../users/rules";
import { say } from "./say";

type Props = Record<string, any>;

export async function diffPool(id: string, recorded: Props, given: Props): Promise<{ changes: boolean; replaces: string[]; deleteBeforeReplace: boolean }> {
    const olds = poolOf(recorded);
    // A refresh calls Diff too (olds: the pool as read now, news: the inputs in state), with no Check
    // before it: it must record the pool as it is, never refuse (deployment.ts).
    const refreshing = isRefreshDiff(given);
    const ignored = given.resourceOptions?.ignoreChanges;
    // Ignored members count as Cognito has them (the outputs as last read): never a change.
    const news = Array.isArray(ignored) && ignored.length > 0 ? withIgnoredChanges(given, olds, ignored) : given;
    const steps = plan(olds, news);
    // Drift the program cannot undo is not an error: say what to do.
    const undeclared = undeclaredAttributes(olds, news);
    if (undeclared.length > 0) {
        say(
            `warning: user pool ${label(id, olds)} has custom attribute${undeclared.length > 1 ? "s" : ""} ${undeclared.map((n) => `'${n}'`).join(", ")} ` +
                "that this UserPool's schema does not declare (added outside Pulumi?). Cognito never removes attributes, so it stays; " +
                "declare it in schema to manage it here. schemaAttributes lists it.",
            olds,
            news,
        );
    }
    const byOption = replacementsByOption(steps.changed, news.resourceOptions?.replaceOnChanges).filter((r) => !steps.replaces.includes(r));
    const replaces = [...steps.replaces, ...byOption];
    const result = { changes: steps.changed.length > 0, replaces, deleteBeforeReplace: false };
    if (refreshing) return result;
    // A secret marked or unmarked is a change the pool does not see: an update with no call rewrites the record.
    if (secretsBehind(recorded, news)) result.changes = true;

    if (steps.refused.length > 0) throw schemaRefusal(id, olds, steps.refused);
    adoptionRules(id, olds, news, replaces);
    // Features the pool's tier would not allow after this update (including a move down a tier with
    // that tier's features still on): Cognito would refuse the update, so preview does.
    if (steps.changed.length > 0) {
        const after = afterUpdate(olds, news);
        const over = featuresAbove(after.props, after.tier);
        if (over.length > 0) throw new Error(`User pool ${label(id, olds)}: ${over.map((f) => tierMessage(f, after.tier, after.declared)).join("\n")}`);
    }
    // A replacement that hangs on values not known yet (preview) may not happen: the guard decides at
    // `pulumi up`, when Diff is called again with the values known.
    const known = replaces.filter((r) => !steps.replacesIfChanged.includes(r));
    if (known.length > 0) {
        const reasons = known.map((r) =>
            r === "schema" && steps.schemaReplacement.length > 0
                ? steps.schemaReplacement.join("; ")
                : byOption.includes(r)
                  ? `${r} changed, and the replaceOnChanges resource option replaces the pool then`
                  : `${r} cannot change`,
        );
        await checkReplacement(id, olds, news, reasons);
    }
    noteDecision(news[URN], { poolId: id, arn: olds.arn, replaces: replaces.length > 0, consents: consents(news), copies: copyOption(news) !== undefined });
    return result;
}


/**
 * A UserPool manages one pool. existingPoolId names the pool it adopts when it is created; a later change
 * to another pool cannot move it (that would change the old pool in place of the new one), and a
 * replacement of an adopting UserPool would adopt the same pool again and then delete it.
 */
function adoptionRules(id: string, olds: Props, news: Props, replaces: string[]): void {
    const wanted = news.existingPoolId;
    if (wanted === undefined || isUnknown(wanted)) return;
    if (wanted !== id) {
        throw new Error(
            `existingPoolId is ${JSON.stringify(wanted)}, but this UserPool manages user pool ${label(id, olds)}. A UserPool keeps the pool it ` +
                "has: nothing was changed. To manage the other pool instead, keep this one with the retainOnDelete resource option and remove " +
                "this UserPool (or `pulumi state delete <urn>`), then declare a new UserPool with that existingPoolId; or put existingPoolId back.",
        );
    }
    if (replaces.length > 0) {
        throw new Error(
            `User pool ${label(id, olds)} was adopted (existingPoolId), and this change replaces it: ${replaces.join(", ")}. A replacement ` +
                "would adopt the same pool again and then delete it, so nothing was changed. To replace it with a new pool, remove " +
                "existingPoolId (the new pool is created, and this one deleted under the user-count guard); to keep this pool, put the setting back.",
        );
    }
}
