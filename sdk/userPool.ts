import * as pulumi from "@pulumi/pulumi";
import { userPoolProvider } from "../provider";
import { COMPUTED_OUTPUTS } from "../provider/poolState";
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
    public readonly allowReplacementWithUsers!: Out<"allowReplacementWithUsers">;
    public readonly replaceOnSchemaChange!: Out<"replaceOnSchemaChange">;

    /** The region the pool lives in. */
    public readonly region!: pulumi.Output<string>;
    /** The pool's ARN, `arn:aws:cognito-idp:<region>:<account>:userpool/<id>`. */
    public readonly arn!: pulumi.Output<string>;
    /** The issuer endpoint, `cognito-idp.<region>.amazonaws.com/<id>`. */
    public readonly endpoint!: pulumi.Output<string>;
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
        // A pool read by id (UserPool.get) takes its name from Cognito, not from the resource name, and so
        // does an adopted pool (existingPoolId): adopting must not rename it.
        const region = new pulumi.Config("aws").get("region");
        const naming = opts?.id ? {} : args.existingPoolId !== undefined ? { region } : { poolName: name, region };
        super(userPoolProvider, name, { ...outputSlots(), ...naming, ...withoutUndefined(args) }, opts, "cognito", "UserPool");
    }

    /** A read-only reference to an existing pool, by its id (for example `us-east-1_AbCdEfGhI`). */
    public static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): UserPool {
        return new UserPool(name, {}, { ...opts, id });
    }
}

/** Registering the computed outputs as undefined is how a dynamic resource declares them. */
function outputSlots(): Record<string, undefined> {
    return Object.fromEntries(COMPUTED_OUTPUTS.map((n) => [n, undefined]));
}

function withoutUndefined(args: object): object {
    return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
}
