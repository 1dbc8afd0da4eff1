// The provider itself, as the dynamic-provider host runs it. It is loaded by package name at run time
// (`require("pulumi-cognito-user-pool/runtime")`, see shim.ts), so nothing here is serialized into state.
import type * as pulumi from "@pulumi/pulumi";
import { settingsFromConfig, useSettings } from "./cognitoClient";
import { checkReplacement, noteConsent, schemaRefusal } from "./guards";
import { replacementsByOption, withIgnoredChanges } from "./options";
import { createPool, deletePool, readPool, updatePool } from "./lifecycle";
import { plan } from "./plan";
import { resourceInputs } from "./resourceInputs";
import { withAdoption } from "./adoption";
import { undeclaredAttributes } from "./declared";
import { label } from "./reads";
import { afterUpdate, featuresAbove, tierMessage } from "./tiers";
import { withoutNulls } from "./convert";
import { checkRules } from "./rules";
import { UNKNOWN } from "./table";
import { userPoolProperties } from "./userPoolProperties";
import { show, validateObject } from "./validate";
import { pathSegments } from "./options";

type Props = Record<string, any>;

/**
 * The values of inputs the program marked secret, masked in messages: the engine strips the marks before
 * the host sees the values (the class passes their paths as `secretInputs`), and prints a check failure
 * as it is.
 */
function withoutSecrets<T extends { reason: string }>(failures: T[], declared: Props): T[] {
    const paths: unknown[] = Array.isArray(declared.secretInputs) ? declared.secretInputs : [];
    const values = paths
        .map((p) => pathSegments(String(p)).reduce<any>((node, s) => (node === undefined || node === null ? undefined : node[s]), declared))
        .filter((v) => v !== undefined && v !== "")
        .flatMap((v) => [show(v), JSON.stringify(v), typeof v === "string" ? v : undefined])
        // Very short values would mask unrelated text; a secret that short is quoted as it is.
        .filter((t): t is string => typeof t === "string" && t.length >= 4)
        .sort((a, b) => b.length - a.length);
    if (values.length === 0) return failures;
    return failures.map((f) => ({ ...f, reason: values.reduce((text, v) => text.split(v).join("[secret]"), f.reason) }));
}

/** A poolName the class took from the resource name: the message says so, and what to do. */
function withNameSource<T extends { property: string; reason: string }>(failure: T, declared: Props): T {
    if (failure.property !== "poolName" || declared.poolNameIsResourceName !== true) return failure;
    return {
        ...failure,
        reason: `${failure.reason} (no poolName is given, so the pool is named after the UserPool's resource name: give it a poolName, or rename the resource)`,
    };
}

/**
 * Errors reach the user as their message alone. The host prints `${error}: ${error.stack}` to stderr,
 * which the CLI shows (sdk/nodejs/cmd/dynamic-provider): a stack trace there is noise, so the error's
 * own text is all it gets. Partial failures keep their id and properties.
 */
function plain<A extends unknown[], R>(call: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return async (...args: A) => {
        try {
            return await call(...args);
        } catch (err) {
            const error = err instanceof Error ? err : new Error(String(err));
            Object.defineProperty(error, "stack", { value: "", configurable: true, writable: true });
            throw error;
        }
    };
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
        const failures = [...validateObject([...userPoolProperties, ...resourceInputs], named, ""), ...checkRules(named)];
        if (failures.length > 0) return { inputs: news, failures: withoutSecrets(failures.map((f) => withNameSource(f, declared)), declared) };
        const inputs = await withAdoption(olds ?? {}, declared);
        return { inputs: __provider === undefined ? inputs : { ...inputs, __provider }, failures: [] };
    },

    async diff(id: string, olds: Props, given: Props) {
        noteConsent(id, given);
        const ignored = given.resourceOptions?.ignoreChanges;
        // Ignored members count as Cognito has them (the outputs as last read): never a change.
        const news = Array.isArray(ignored) && ignored.length > 0 ? withIgnoredChanges(given, olds, ignored) : given;
        const steps = plan(olds, news);
        // Drift the program cannot undo is not an error (a refresh calls Diff too): say what to do.
        const undeclared = undeclaredAttributes(olds, news);
        if (undeclared.length > 0) {
            console.error(
                `warning: user pool ${label(id, olds)} has custom attribute${undeclared.length > 1 ? "s" : ""} ${undeclared.map((n) => `'${n}'`).join(", ")} ` +
                    "that this UserPool's schema does not declare (added outside Pulumi?). Cognito never removes attributes, so it stays; " +
                    "declare it in schema to manage it here. schemaAttributes lists it.",
            );
        }
        if (steps.refused.length > 0) throw schemaRefusal(id, olds, steps.refused);
        // Features the pool's tier would not allow after this update (including a move down a tier with
        // that tier's features still on): Cognito would refuse the update, so preview does.
        if (steps.changed.length > 0) {
            const after = afterUpdate(olds, news);
            const over = featuresAbove(after.props, after.tier);
            if (over.length > 0) throw new Error(`User pool ${label(id, olds)}: ${over.map((f) => tierMessage(f, after.tier, after.declared)).join("\n")}`);
        }
        const byOption = replacementsByOption(steps.changed, news.resourceOptions?.replaceOnChanges).filter((r) => !steps.replaces.includes(r));
        const replaces = [...steps.replaces, ...byOption];
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
        return { changes: steps.changed.length > 0, replaces, deleteBeforeReplace: false };
    },

    create: plain((inputs: Props) => createPool(inputs)),
    read: plain((id: string, props: Props) => readPool(id, props ?? {})),
    update: plain((id: string, olds: Props, news: Props) => updatePool(id, olds, news)),
    delete: plain((id: string, props: Props) => deletePool(id, props)),
};
for (const name of ["configure", "check", "diff"] as const) (provider as any)[name] = plain((provider as any)[name]);

export = provider;
