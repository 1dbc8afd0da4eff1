// The provider itself, as the dynamic-provider host runs it. It is loaded by package name at run time
// (`require("pulumi-cognito-user-pool/runtime")`, see shim.ts), so nothing here is serialized into state.
import type * as pulumi from "@pulumi/pulumi";
import { CONFIG_KEYS, useSettings } from "./cognitoClient";
import { checkReplacement, schemaRefusal } from "./guards";
import { createPool, deletePool, readPool, updatePool } from "./lifecycle";
import { plan } from "./plan";
import { resourceInputs } from "./resourceInputs";
import { checkRules } from "./rules";
import { userPoolProperties } from "./userPoolProperties";
import { validateObject } from "./validate";

type Props = Record<string, any>;

const provider: pulumi.dynamic.ResourceProvider = {
    async configure(req: pulumi.dynamic.ConfigureRequest) {
        const number = (key: string) => (req.config.get(key) === undefined ? undefined : Number(req.config.get(key)));
        useSettings({
            region: req.config.get("aws:region"),
            endpoint: req.config.get(CONFIG_KEYS.endpoint),
            requestsPerSecond: number(CONFIG_KEYS.requestsPerSecond),
            maxAttempts: number(CONFIG_KEYS.maxAttempts),
            retryBaseDelayMs: number(CONFIG_KEYS.retryBaseDelayMs),
            requestTimeoutMs: number(CONFIG_KEYS.requestTimeoutMs),
            iamPropagationSeconds: number(CONFIG_KEYS.iamPropagationSeconds),
        });
    },

    async check(_olds: Props, news: Props) {
        const { __provider: _provider, ...declared } = news;
        const failures = validateObject([...userPoolProperties, ...resourceInputs], declared, "");
        return { inputs: news, failures: [...failures, ...checkRules(declared)] };
    },

    async diff(id: string, olds: Props, news: Props) {
        const steps = plan(olds, news);
        if (steps.refused.length > 0) throw schemaRefusal(id, olds, steps.refused);
        if (steps.replaces.length > 0) {
            const reasons = steps.replaces.map((r) => (r === "schema" ? steps.schemaReplacement.join("; ") : `${r} cannot change`));
            checkReplacement(id, olds, news, reasons);
        }
        return { changes: steps.changed.length > 0, replaces: steps.replaces, deleteBeforeReplace: false };
    },

    create: (inputs: Props) => createPool(inputs),
    read: (id: string, props: Props) => readPool(id, props ?? {}),
    update: (id: string, olds: Props, news: Props) => updatePool(id, olds, news),
    delete: (id: string, props: Props) => deletePool(id, props),
};

export = provider;
