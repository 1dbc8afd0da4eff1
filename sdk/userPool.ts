import * as pulumi from "@pulumi/pulumi";
import { userPoolProvider } from "../provider";
import { COMPUTED_OUTPUTS } from "../provider/poolState";
import { resourceInputs } from "../provider/resourceInputs";
import { userPoolProperties } from "../provider/userPoolProperties";
import { UserPoolArgs, UserPoolSchemaAttribute } from "./types";

type Out<K extends keyof UserPoolArgs> = pulumi.Output<pulumi.Unwrap<NonNullable<UserPoolArgs[K]>> | undefined>;

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
    /** The pool's name: `poolName` as declared, else the resource name. */
    public readonly poolName!: pulumi.Output<string>;
    public readonly policies!: Out<"policies">;
    public readonly deletionProtection!: Out<"deletionProtection">;
    public readonly lambdaConfig!: Out<"lambdaConfig">;
    public readonly autoVerifiedAttributes!: Out<"autoVerifiedAttributes">;
    public readonly aliasAttributes!: Out<"aliasAttributes">;
    public readonly usernameAttributes!: Out<"usernameAttributes">;
    public readonly verificationMessageTemplate!: Out<"verificationMessageTemplate">;
    public readonly smsAuthenticationMessage!: Out<"smsAuthenticationMessage">;
    public readonly mfaConfiguration!: Out<"mfaConfiguration">;
    public readonly userAttributeUpdateSettings!: Out<"userAttributeUpdateSettings">;
    public readonly deviceConfiguration!: Out<"deviceConfiguration">;
    public readonly emailConfiguration!: Out<"emailConfiguration">;
    public readonly smsConfiguration!: Out<"smsConfiguration">;
    public readonly userPoolTags!: Out<"userPoolTags">;
    public readonly adminCreateUserConfig!: Out<"adminCreateUserConfig">;
    public readonly schema!: Out<"schema">;
    public readonly userPoolAddOns!: Out<"userPoolAddOns">;
    public readonly usernameConfiguration!: Out<"usernameConfiguration">;
    public readonly accountRecoverySetting!: Out<"accountRecoverySetting">;
    public readonly softwareTokenMfaConfiguration!: Out<"softwareTokenMfaConfiguration">;
    public readonly userPoolTier!: Out<"userPoolTier">;
    public readonly emailMfaConfiguration!: Out<"emailMfaConfiguration">;
    public readonly webAuthnConfiguration!: Out<"webAuthnConfiguration">;
    public readonly allowReplacementWithUsers!: Out<"allowReplacementWithUsers">;
    public readonly replaceOnSchemaChange!: Out<"replaceOnSchemaChange">;

    /** The region the pool lives in. */
    public readonly region!: pulumi.Output<string>;
    /** The pool's ARN, `arn:aws:cognito-idp:<region>:<account>:userpool/<id>`. */
    public readonly arn!: pulumi.Output<string>;
    /** The issuer endpoint, `cognito-idp.<region>.amazonaws.com/<id>`, derived from the id. */
    public readonly endpoint: pulumi.Output<string>;
    public readonly creationDate!: pulumi.Output<string>;
    public readonly lastModifiedDate!: pulumi.Output<string>;
    /** How many users the pool had at the last create, update or refresh (Cognito's estimate). */
    public readonly estimatedNumberOfUsers!: pulumi.Output<number>;
    /** Every attribute of the pool as Cognito reports it, standard ones included, custom ones as `custom:<name>`. */
    public readonly schemaAttributes!: pulumi.Output<UserPoolSchemaAttribute[]>;
    /** The pool's Cognito domain prefix, when one is attached. */
    public readonly domain!: pulumi.Output<string | undefined>;
    /** The pool's custom domain, when one is attached. */
    public readonly customDomain!: pulumi.Output<string | undefined>;

    /**
     * @param name The Pulumi resource name; also the pool's name unless `poolName` is given.
     * @param args The pool's settings; every CreateUserPool parameter, in lowerCamelCase.
     */
    constructor(name: string, args: UserPoolArgs = {}, opts?: pulumi.CustomResourceOptions) {
        if (opts?.import !== undefined) {
            // The engine would call Read without the serialized provider, and the host fails with "code
            // must be a string" (pulumi/pulumi#16175): say what works instead.
            throw new Error(
                `UserPool "${name}": the import resource option does not work for dynamic providers (pulumi/pulumi#16175). ` +
                    `To manage the existing pool ${JSON.stringify(opts.import)}, declare it with existingPoolId: ${JSON.stringify(opts.import)} ` +
                    "(it is adopted on the next `pulumi up`, nothing is created); for a read-only reference, use UserPool.get.",
            );
        }
        // A pool read by id (UserPool.get) takes its name from Cognito, not from the resource name, and so
        // does an adopted pool (existingPoolId): adopting must not rename it.
        const region = new pulumi.Config("aws").get("region");
        const naming = opts?.id ? {} : args.existingPoolId !== undefined ? { region } : { poolName: name, region };
        const given = withoutUndefined(args);
        super(
            userPoolProvider,
            name,
            { ...outputSlots(), ...naming, ...given, ...(opts?.id ? {} : resourceOptionInputs(opts, given)) },
            opts,
            "cognito",
            "UserPool",
        );
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
 * Registering outputs as undefined is how a dynamic resource declares them: every input is an output too
 * (as the pool holds it), so a pool read by id, or a member left undeclared, still has its output.
 */
function outputSlots(): Record<string, undefined> {
    const names = [...COMPUTED_OUTPUTS, ...userPoolProperties.map((f) => f.name), ...resourceInputs.filter((f) => f.apply !== "options").map((f) => f.name)];
    return Object.fromEntries(names.map((n) => [n, undefined]));
}

/**
 * The resource options the provider must know: the engine applies them without telling a dynamic
 * provider (FACTS: the host drops changed keys, so replaceOnChanges never fires; ignoreChanges only copies
 * old inputs). And the paths of the inputs marked secret, whose values messages must never quote.
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
