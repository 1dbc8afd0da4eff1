// The provider as the dynamic-provider host runs it: a thin adapter from the host's calls to the verbs.
// It is loaded by package name at run time (`require("pulumi-cognito-user-pool/runtime")`, see shim.ts),
// so nothing here is serialized into state.
import type * as pulumi from "@pulumi/pulumi";
import { settingsFromConfig, useSettings } from "./cognito/client";
import { maskSecrets, secretTexts } from "./pool/secrets";
import { poolOf } from "./state/record";
import { checkPool } from "./verbs/check";
import { createPool } from "./verbs/create";
import { deletePool } from "./verbs/delete";
import { diffPool } from "./verbs/diff";
import { readPool } from "./verbs/read";
import { updatePool } from "./verbs/update";

type Props = Record<string, any>;

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

const provider: pulumi.dynamic.ResourceProvider = {
    configure: plain(
        async (req: pulumi.dynamic.ConfigureRequest) => useSettings(settingsFromConfig((key) => req.config.get(key))),
        () => [],
    ),
    check: plain((olds: Props, news: Props) => checkPool(olds, news), (olds, news) => [olds, news]),
    diff: plain((id: string, olds: Props, news: Props) => diffPool(id, olds, news), (_id, olds, news) => [olds, news]),
    create: plain((inputs: Props) => createPool(inputs), (inputs) => [inputs]),
    read: plain((id: string, props: Props) => readPool(id, props ?? {}), (_id, props) => [props]),
    update: plain((id: string, olds: Props, news: Props) => updatePool(id, poolOf(olds), news), (_id, olds, news) => [olds, news]),
    delete: plain((id: string, props: Props) => deletePool(id, props), (_id, props) => [props]),
};

export = provider;
