import * as pulumi from "@pulumi/pulumi";
import { userPoolProvider } from "../provider";
import { COMPUTED_OUTPUTS } from "../provider/state/record";
import { resourceInputs, URN } from "../provider/pool/resourceInputs";
import { userPoolProperties } from "../provider/pool/properties";
import { UserPoolArgs, UserPoolOutputs } from "./types.generated";

const MODULE = "cognito";
const TYPE_NAME = "UserPool";
/** The resource type a dynamic resource registers (@pulumi/pulumi, dynamic.Resource: `pulumi-nodejs:dynamic/<module>:<type>`). */
const TYPE = `pulumi-nodejs:dynamic/${MODULE}:${TYPE_NAME}`;

/**
 * An Amazon Cognito user pool: a directory of your users' accounts.
 *
 * Created with CreateUserPool, kept up to date in place with UpdateUserPool, and replaced only when
 * Cognito cannot change a setting (usernameConfiguration, aliasAttributes, usernameAttributes).
 * A replacement creates a new, empty pool: the old pool's users are not carried over.
 *
 * @example
 * ```ts
 * const pool = new UserPool("users", {
 *     usernameAttributes: ["email"],
 *     autoVerifiedAttributes: ["email"],
 *     policies: { passwordPolicy: { minimumLength: 12 } },
 *     deletionProtection: "ACTIVE",
 * });
 * export const userPoolId = pool.id;
 * ```
 */
export class UserPool extends pulumi.dynamic.Resource {
    /** The issuer endpoint, `cognito-idp.<region>.amazonaws.com/<id>`, derived from the id. */
    public readonly endpoint: pulumi.Output<string>;

    /**
     * @param name The Pulumi resource name; also the pool's name unless `poolName` is given.
     * @param args The pool's settings; every CreateUserPool parameter, in lowerCamelCase.
     */
    constructor(name: string, args: UserPoolArgs = {}, opts?: pulumi.CustomResourceOptions) {
        if (opts?.import !== undefined) {
            // The engine would call Read without the serialized provider, and the host fails with "code
            // must be a string" (pulumi/pulumi#16175): say what works instead.
            // A RunError: Pulumi prints its message alone, with no stack trace (sdk/nodejs/cmd/run/run.ts and
            // automation/server.ts print the stack of any other error thrown by a program).
            throw new pulumi.RunError(
                `UserPool "${name}": the import resource option does not work for dynamic providers (pulumi/pulumi#16175). ` +
                    `To manage the existing pool ${JSON.stringify(opts.import)}, declare it with existingPoolId: ${JSON.stringify(opts.import)} ` +
                    "(it is adopted on the next `pulumi up`, nothing is created); for a read-only reference, use UserPool.get.",
            );
        }
        // A pool read by id (UserPool.get) takes its name from Cognito, not from the resource name, and so
        // does an adopted pool (existingPoolId): adopting must not rename it.
        const region = new pulumi.Config("aws").get("region");
        const naming = opts?.id
            ? {}
            : args.existingPoolId !== undefined
              ? { region }
              : args.poolName === undefined
                ? { poolName: name, poolNameIsResourceName: true, region }
                : { region };
        const given = withoutUndefined(args);
        const props = { ...outputSlots(), ...naming, ...given, ...(opts?.id ? {} : { ...resourceOptionInputs(opts, given), [URN]: pulumi.createUrn(name, TYPE, opts?.parent) }) };
        // @pulumi/pulumi gives every property of a resource four promises, each with a formatted stack trace
        // (runtime/rpc.js, transferProperties; runtime/debuggable.js, debuggablePromise: `new Error().stack`,
        // printed only in its "Promise leak detected" message, which names the resource anyway): half of the
        // program's CPU per pool (a stack of 1,000 pools: 8.3 ms of CPU per pool, 3.9 ms without). The stack
        // traces are not taken while this resource registers; the limit is restored at once.
        const stackTraceLimit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        try {
            super(userPoolProvider, name, props, opts, MODULE, TYPE_NAME);
        } finally {
            Error.stackTraceLimit = stackTraceLimit;
        }
        // Known from the id alone, so it stays known at an update's preview (where the engine answers with
        // the inputs only: pkg/resource/plugin/provider_plugin.go, Update).
        this.endpoint = this.id.apply((id) => `cognito-idp.${id.split("_")[0]}.amazonaws.com/${id}`);
    }

    /** A read-only reference to an existing pool, by its id (for example `us-east-1_AbCdEfGhI`). */
    public static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): UserPool {
        return new UserPool(name, {}, { ...opts, id });
    }
}

/**
 * Every output, typed from the generated interface (types.generated.ts): an interface merged into the class,
 * so that the outputs need no field declarations (the engine sets them on the instance).
 */
export interface UserPool extends Readonly<{ [K in Exclude<keyof UserPoolOutputs, "endpoint">]-?: pulumi.Output<UserPoolOutputs[K]> }> {}

/**
 * Registering outputs as undefined is how a dynamic resource declares them: every input is an output too
 * (as the pool holds it), so a pool read by id, or a member left undeclared, still has its output.
 */
function outputSlots(): Record<string, undefined> {
    const names = [...COMPUTED_OUTPUTS, ...userPoolProperties.map((f) => f.name), ...resourceInputs.filter((f) => f.apply !== "options").map((f) => f.name)];
    return Object.fromEntries(names.map((n) => [n, undefined]));
}

/**
 * The resource options the provider must know: the engine applies them without telling a dynamic
 * provider (the host answers Diff with changes, replaces and deleteBeforeReplace only, sdk/nodejs/cmd/dynamic-provider/index.ts
 * in pulumi/pulumi, so replaceOnChanges, which matches changed keys, never fires: step_generator.go,
 * applyReplaceOnChanges; ignoreChanges only copies old inputs: processIgnoreChanges). And the paths of the inputs marked secret, whose values messages must never quote.
 */
function resourceOptionInputs(opts: pulumi.CustomResourceOptions | undefined, args: Record<string, unknown>): Record<string, unknown> {
    const options = Object.fromEntries(
        Object.entries({
            retainOnDelete: opts?.retainOnDelete,
            deleteBeforeReplace: opts?.deleteBeforeReplace,
            replaceOnChanges: opts?.replaceOnChanges,
            ignoreChanges: opts?.ignoreChanges,
        }).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
    );
    const outputs = outputsIn(args, "");
    const secrets = outputs.length === 0
        ? undefined
        : pulumi.output(Promise.all(outputs.map(async ([path, o]) => ((await pulumi.isSecret(o)) ? path : undefined)))).apply((paths) => {
              const found = paths.filter((p): p is string => p !== undefined);
              return found.length > 0 ? found : undefined;
          });
    return { ...(Object.keys(options).length > 0 ? { resourceOptions: options } : {}), ...(secrets ? { secretInputs: secrets } : {}) };
}

/** Every Output among the arguments, with its property path. */
function outputsIn(value: unknown, path: string): [string, pulumi.Output<unknown>][] {
    if (pulumi.Output.isInstance(value)) return [[path, value as pulumi.Output<unknown>]];
    if (Array.isArray(value)) return value.flatMap((v, i) => outputsIn(v, `${path}[${i}]`));
    if (typeof value === "object" && value !== null) {
        return Object.entries(value).flatMap(([k, v]) => outputsIn(v, path ? `${path}.${k}` : k));
    }
    return [];
}

function withoutUndefined(args: object): Record<string, unknown> {
    return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
}
