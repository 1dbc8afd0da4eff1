// The provider itself, as the dynamic-provider host runs it. It is loaded by package name at run time
// (`require("pulumi-cognito-user-pool/runtime")`, see shim.ts), so nothing here is serialized into state.
import type * as pulumi from "@pulumi/pulumi";
import { settingsFromConfig, useSettings } from "./cognitoClient";
import { checkReplacement, consents, schemaRefusal } from "./guards";
import { replacementsByOption, withIgnoredChanges } from "./options";
import { createPool, deletePool, readPool, updatePool } from "./lifecycle";
import { plan } from "./plan";
import { resourceInputs } from "./resourceInputs";
import { withAdoption } from "./adoption";
import { filledInputs, poolOf, undeclaredAttributes } from "./record";
import { isRefreshDiff, noteChecked, noteDecision, URN } from "./deployment";
import { label } from "./reads";
import { afterUpdate, featuresAbove, tierMessage } from "./tiers";
import { withoutNulls } from "./convert";
import { checkRules } from "./rules";
import { isUnknown, UNKNOWN } from "./table";
import { userPoolProperties } from "./userPoolProperties";
import { validateObject } from "./validate";
import { maskSecrets, secretPaths, secretTexts } from "./secrets";

type Props = Record<string, any>;

/** A poolName the class took from the resource name: the message says so, and what to do. */
function withNameSource<T extends { property: string; reason: string }>(failure: T, declared: Props): T {
    if (failure.property !== "poolName" || declared.poolNameIsResourceName !== true) return failure;
    return {
        ...failure,
        reason: `${failure.reason} (no poolName is given, so the pool is named after the UserPool's resource name: give it a poolName, or rename the resource)`,
    };
}

/**
 * Errors reach the user as their message alone, with no value the program marked secret. The host
 * prints `${error}: ${error.stack}` to stderr, which the CLI shows (sdk/nodejs/cmd/dynamic-provider): a
 * stack trace there is noise, so the error's own text is all it gets. Partial failures keep their id and
 * properties. `props` are the call's property bags, whose secret paths say what to mask.
 */
function plain<A extends unknown[], R>(call: (...args: A) => Promise<R>, props: (...args: A) => (Props | undefined)[]): (...args: A) => Promise<R> {
    return async (...args: A) => {
        try {
            return await call(...args);
        } catch (err) {
            const error = err instanceof Error ? err : new Error(String(err));
            const secrets = secretTexts(...props(...args));
            if (secrets.length > 0) {
                error.message = maskSecrets(error.message, secrets);
                const reasons = (error as any).reasons;
                if (Array.isArray(reasons)) (error as any).reasons = reasons.map((r: unknown) => maskSecrets(String(r), secrets));
            }
            Object.defineProperty(error, "stack", { value: "", configurable: true, writable: true });
            throw error;
        }
    };
}

/** A warning the CLI shows (the host's stderr), with no secret value. */
function warn(message: string, ...props: Props[]): void {
    console.error(maskSecrets(message, secretTexts(...props)));
}

const provider: pulumi.dynamic.ResourceProvider = {
    async configure(req: pulumi.dynamic.ConfigureRequest) {
        useSettings(settingsFromConfig((key) => req.config.get(key)));
    },

    async check(olds: Props, news: Props) {
        const { __provider, ...given } = news;
        // null means "not declared", here and so everywhere after: the inputs check returns are what diff,
        // create and update see.
        const declared = withoutNulls(given);
        // An adopted pool's name comes from the pool when the program gives none.
        const named = declared.existingPoolId !== undefined && declared.poolName === undefined ? { ...declared, poolName: UNKNOWN } : declared;
        const secrets = secretPaths(declared);
        const failures = [...validateObject([...userPoolProperties, ...resourceInputs], named, "", secrets), ...checkRules(named)];
        if (failures.length > 0) return { inputs: news, failures: masked(failures.map((f) => withNameSource(f, declared)), declared) };
        const adopted = await withAdoption(olds ?? {}, declared);
        // An adoption keeps what the program leaves out as the pool has it (its tier above all): the rules
        // again, on what the pool will hold, so that a feature its tier lacks fails here, not at `up`.
        if (adopted.adopted !== undefined) {
            const kept = checkRules(adopted);
            if (kept.length > 0) return { inputs: news, failures: masked(kept.map((f) => ({ ...f, reason: `${f.reason} (the adopted pool keeps what this UserPool leaves out)` })), declared) };
        }
        const inputs = filledInputs(adopted);
        noteChecked(inputs);
        return { inputs: __provider === undefined ? inputs : { ...inputs, __provider }, failures: [] };
    },

    async diff(id: string, recorded: Props, given: Props) {
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
            warn(
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
        noteDecision(news[URN], { poolId: id, arn: olds.arn, replaces: replaces.length > 0, consents: consents(news) });
        return result;
    },

    create: plain((inputs: Props) => createPool(inputs), (inputs) => [inputs]),
    read: plain((id: string, props: Props) => readPool(id, props ?? {}), (_id, props) => [props]),
    update: plain((id: string, olds: Props, news: Props) => updatePool(id, poolOf(olds), news), (_id, olds, news) => [olds, news]),
    delete: plain((id: string, props: Props) => deletePool(id, props), (_id, props) => [props]),
};
provider.configure = plain(provider.configure!, () => []);
provider.check = plain(provider.check!, (olds, news) => [olds, news]);
provider.diff = plain(provider.diff!, (_id, olds, news) => [olds, news]);

/** Check failures with no secret value in them (validateObject leaves them out by path; rules quote values). */
function masked<T extends { reason: string }>(failures: T[], declared: Props): T[] {
    const secrets = secretTexts(declared);
    return secrets.length === 0 ? failures : failures.map((f) => ({ ...f, reason: maskSecrets(f.reason, secrets) }));
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

export = provider;
