import * as pulumi from "@pulumi/pulumi";
import { userPoolProvider } from "../provider";
import { COMPUTED_OUTPUTS } from "../provider/state/record";
import { resourceInputs, URN } from "../provider/pool/resourceInputs";
import { userPoolProperties } from "../provider/pool/properties";
import {
    UserPoolAccountRecoverySettingArgs,
    UserPoolAddOnsArgs,
    UserPoolAdminCreateUserConfigArgs,
    UserPoolArgs,
    UserPoolDeviceConfigurationArgs,
    UserPoolEmailConfigurationArgs,
    UserPoolEmailMfaConfigurationArgs,
    UserPoolLambdaConfigArgs,
    UserPoolPoliciesArgs,
    UserPoolSchemaAttribute,
    UserPoolSchemaAttributeArgs,
    UserPoolSmsConfigurationArgs,
    UserPoolSoftwareTokenMfaConfigurationArgs,
    UserPoolUserAttributeUpdateSettingsArgs,
    UserPoolUsernameConfigurationArgs,
    UserPoolVerificationMessageTemplateArgs,
    UserPoolWebAuthnConfigurationArgs,
} from "./types";

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
    /** The pool's name: `poolName` as declared, else the resource name (or, when adopted, the pool's own). */
    public readonly poolName!: pulumi.Output<string>;
    /** The password policy and the sign-in policy, as the pool holds them. */
    public readonly policies!: pulumi.Output<pulumi.Unwrap<UserPoolPoliciesArgs> | undefined>;
    /** Whether Cognito refuses to delete the pool. */
    public readonly deletionProtection!: pulumi.Output<"ACTIVE" | "INACTIVE" | undefined>;
    /** The Lambda triggers, as the pool holds them. */
    public readonly lambdaConfig!: pulumi.Output<pulumi.Unwrap<UserPoolLambdaConfigArgs> | undefined>;
    /** The attributes Cognito verifies by sending a code. */
    public readonly autoVerifiedAttributes!: pulumi.Output<("phone_number" | "email")[] | undefined>;
    /** The attributes users may also sign in with. Cannot be changed once created. */
    public readonly aliasAttributes!: pulumi.Output<("phone_number" | "email" | "preferred_username")[] | undefined>;
    /** The attributes users sign in with instead of a username. Cannot be changed once created. */
    public readonly usernameAttributes!: pulumi.Output<("phone_number" | "email")[] | undefined>;
    /** Legacy: the verification SMS text (kept as one with `verificationMessageTemplate.smsMessage`). */
    public readonly smsVerificationMessage!: pulumi.Output<string | undefined>;
    /** Legacy: the verification email body (kept as one with `verificationMessageTemplate.emailMessage`). */
    public readonly emailVerificationMessage!: pulumi.Output<string | undefined>;
    /** Legacy: the verification email subject (kept as one with `verificationMessageTemplate.emailSubject`). */
    public readonly emailVerificationSubject!: pulumi.Output<string | undefined>;
    /** The verification messages, including Cognito's own wording where none was declared. */
    public readonly verificationMessageTemplate!: pulumi.Output<pulumi.Unwrap<UserPoolVerificationMessageTemplateArgs> | undefined>;
    /** The SMS text of an MFA code. */
    public readonly smsAuthenticationMessage!: pulumi.Output<string | undefined>;
    /** Whether MFA is off, required or optional. */
    public readonly mfaConfiguration!: pulumi.Output<"OFF" | "ON" | "OPTIONAL" | undefined>;
    /** Which attributes keep their old value until the new one is verified. */
    public readonly userAttributeUpdateSettings!: pulumi.Output<pulumi.Unwrap<UserPoolUserAttributeUpdateSettingsArgs> | undefined>;
    /** Device remembering; undefined when it is off. */
    public readonly deviceConfiguration!: pulumi.Output<pulumi.Unwrap<UserPoolDeviceConfigurationArgs> | undefined>;
    /** How Cognito sends email. */
    public readonly emailConfiguration!: pulumi.Output<pulumi.Unwrap<UserPoolEmailConfigurationArgs> | undefined>;
    /** How Cognito sends SMS through SNS; undefined when not set. */
    public readonly smsConfiguration!: pulumi.Output<pulumi.Unwrap<UserPoolSmsConfigurationArgs> | undefined>;
    /** The pool's tags (the provider's own create token is never shown). */
    public readonly userPoolTags!: pulumi.Output<{ [key: string]: string } | undefined>;
    /** Who may create users, and the invitation messages. */
    public readonly adminCreateUserConfig!: pulumi.Output<pulumi.Unwrap<UserPoolAdminCreateUserConfigArgs> | undefined>;
    /** The declared attributes as the pool holds them (every attribute, standard and custom, is in `schemaAttributes`). */
    public readonly schema!: pulumi.Output<pulumi.Unwrap<UserPoolSchemaAttributeArgs[]> | undefined>;
    /** Threat protection. */
    public readonly userPoolAddOns!: pulumi.Output<pulumi.Unwrap<UserPoolAddOnsArgs> | undefined>;
    /** Username case sensitivity. Cannot be changed once created. */
    public readonly usernameConfiguration!: pulumi.Output<pulumi.Unwrap<UserPoolUsernameConfigurationArgs> | undefined>;
    /** How users recover a forgotten password; undefined when Cognito's legacy behaviour applies. */
    public readonly accountRecoverySetting!: pulumi.Output<pulumi.Unwrap<UserPoolAccountRecoverySettingArgs> | undefined>;
    /** The TOTP factor (read with GetUserPoolMfaConfig). */
    public readonly softwareTokenMfaConfiguration!: pulumi.Output<pulumi.Unwrap<UserPoolSoftwareTokenMfaConfigurationArgs> | undefined>;
    /** The email MFA factor (read with GetUserPoolMfaConfig); undefined when off. */
    public readonly emailMfaConfiguration!: pulumi.Output<pulumi.Unwrap<UserPoolEmailMfaConfigurationArgs> | undefined>;
    /** Passkeys (read with GetUserPoolMfaConfig). */
    public readonly webAuthnConfiguration!: pulumi.Output<pulumi.Unwrap<UserPoolWebAuthnConfigurationArgs> | undefined>;
    /** The feature plan. */
    public readonly userPoolTier!: pulumi.Output<"LITE" | "ESSENTIALS" | "PLUS" | undefined>;
    /** Your consent to replace or delete the pool with its users (kept in state, never sent to Cognito). */
    public readonly allowReplacementWithUsers!: pulumi.Output<boolean | undefined>;
    /** Your consent to replace the pool on a schema change Cognito cannot make (kept in state). */
    public readonly replaceOnSchemaChange!: pulumi.Output<boolean | undefined>;
    /** The pool this resource adopted, when it adopted one. */
    public readonly existingPoolId!: pulumi.Output<string | undefined>;
    /** Whether the adoption reset what the program left out (kept in state). */
    public readonly adoptionResetsUndeclared!: pulumi.Output<boolean | undefined>;

    /** The region the pool lives in. */
    public readonly region!: pulumi.Output<string>;
    /** The pool's ARN, `arn:aws:cognito-idp:<region>:<account>:userpool/<id>`. */
    public readonly arn!: pulumi.Output<string>;
    /** The issuer endpoint, `cognito-idp.<region>.amazonaws.com/<id>`, derived from the id. */
    public readonly endpoint: pulumi.Output<string>;
    /** When Cognito created the pool (ISO 8601, from DescribeUserPool). */
    public readonly creationDate!: pulumi.Output<string>;
    /** When the pool was last changed (ISO 8601, from DescribeUserPool at the last create, update or refresh). */
    public readonly lastModifiedDate!: pulumi.Output<string>;
    /** How many users the pool had at the last create, update or refresh (Cognito's estimate). */
    public readonly estimatedNumberOfUsers!: pulumi.Output<number>;
    /**
     * The pool's attributes as Cognito reports them: every custom attribute (as `custom:<name>`, or
     * `dev:custom:<name>` when developer-only), and each standard attribute whose settings differ from
     * Cognito's defaults (say `email` made required). The twenty standard attributes every pool has, at
     * their defaults, are left out: they would be most of each pool's state.
     */
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
        super(
            userPoolProvider,
            name,
            { ...outputSlots(), ...naming, ...given, ...(opts?.id ? {} : { ...resourceOptionInputs(opts, given), [URN]: pulumi.createUrn(name, TYPE, opts?.parent) }) },
            opts,
            MODULE,
            TYPE_NAME,
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
