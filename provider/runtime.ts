// The provider itself, as the dynamic-provider host runs it. It is loaded by package name at run time
// (`require("pulumi-cognito-user-pool/runtime")`, see shim.ts), so nothing here is serialized into state.
import type * as pulumi from "@pulumi/pulumi";
import { settingsFromConfig, useSettings } from "./cognitoClient";
import { checkReplacement, schemaRefusal } from "./guards";
import { createPool, deletePool, readPool, updatePool } from "./lifecycle";
import { plan } from "./plan";
import { resourceInputs } from "./resourceInputs";
import { withAdoption } from "./adoption";
import { withoutNulls } from "./convert";
import { checkRules } from "./rules";
import { UNKNOWN } from "./table";
import { userPoolProperties } from "./userPoolProperties";
import { validateObject } from "./validate";

type Props = Record<string, any>;

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
        if (failures.length > 0) return { inputs: news, failures };
        const inputs = await withAdoption(olds ?? {}, declared);
        return { inputs: __provider === undefined ? inputs : { ...inputs, __provider }, failures: [] };
    },

    async diff(id: string, olds: Props, news: Props) {
        const steps = plan(olds, news);
        if (steps.refused.length > 0) throw schemaRefusal(id, olds, steps.refused);
        // A replacement that hangs on values not known yet (preview) may not happen: the guard decides at
        // `pulumi up`, when Diff is called again with the values known.
        const known = steps.replaces.filter((r) => !steps.replacesIfChanged.includes(r));
        if (known.length > 0) {
            const reasons = known.map((r) => (r === "schema" ? steps.schemaReplacement.join("; ") : `${r} cannot change`));
            await checkReplacement(id, olds, news, reasons);
        }
        return { changes: steps.changed.length > 0, replaces: steps.replaces, deleteBeforeReplace: false };
    },

    create: (inputs: Props) => createPool(inputs),
    read: (id: string, props: Props) => readPool(id, props ?? {}),
    update: (id: string, olds: Props, news: Props) => updatePool(id, olds, news),
    delete: (id: string, props: Props) => deletePool(id, props),
};

export = provider;
