// Inputs of the UserPool resource that are not CreateUserPool members: the pool's region, the user's
// consents, adoption of an existing pool, and the MFA factor set through SetUserPoolMfaConfig. They go
// through the same walks as the table's rows (check, diff) but never into CreateUserPool/UpdateUserPool.
import { fieldsFromModel } from "./model/fromModel";
import { Field } from "./table";

/** Inputs that are members of another Cognito request: their shapes come from the API model too. */
const fromSetUserPoolMfaConfig = fieldsFromModel(
    [
        { cognito: "SoftwareTokenMfaConfiguration", name: "softwareTokenMfaConfiguration", apply: "setUserPoolMfaConfig", fields: [{ cognito: "Enabled", name: "enabled", default: false }] },
        // Email MFA (ESSENTIALS or PLUS, and email sent through your own SES identity).
        {
            cognito: "EmailMfaConfiguration",
            name: "emailMfaConfiguration",
            apply: "setUserPoolMfaConfig",
            undeclared: "absent",
            fields: [
                { cognito: "Message", name: "message", mustContain: [{ pattern: /\{####\}/, text: "{####}" }] },
                { cognito: "Subject", name: "subject" },
            ],
        },
        // Passkeys (ESSENTIALS or PLUS). Like the other factors, leaving it out switches it off: the whole MFA
        // configuration goes with every SetUserPoolMfaConfig, without it (as Terraform's provider does when
        // the block is removed: internal/service/cognitoidp/user_pool.go, resourceUserPoolUpdate). A report of
        // only the defaults ({ factorConfiguration: SINGLE_FACTOR }, on a pool that never set passkeys) is
        // no passkey configuration.
        {
            cognito: "WebAuthnConfiguration",
            name: "webAuthnConfiguration",
            apply: "setUserPoolMfaConfig",
            undeclared: "absent",
            present: (value) => typeof value === "object" && value !== null && (value as Record<string, unknown>).relyingPartyId !== undefined,
            fields: [
                { cognito: "RelyingPartyId", name: "relyingPartyId" },
                { cognito: "UserVerification", name: "userVerification", default: "preferred" },
                { cognito: "FactorConfiguration", name: "factorConfiguration", default: "SINGLE_FACTOR" },
            ],
        },
    ],
    "SetUserPoolMfaConfigRequest",
);
const [poolId] = fieldsFromModel([{ cognito: "UserPoolId", name: "existingPoolId", apply: "createOnly" }], "DescribeUserPoolRequest");
// The custom attribute that keeps a copied user's old sub: named as a schema attribute is (the model's
// CustomAttributeNameType), since the program declares it in schema.
const [keepSubAs] = fieldsFromModel([{ cognito: "Name", name: "keepSubAs" }], "SchemaAttributeType");

/** The input through which the UserPool class passes its own URN (the host passes the provider none). */
export const URN = "__urn";

export const resourceInputs: readonly Field[] = [
    // A pool cannot move between regions, so a different region is a new pool: without this input,
    // promoting a stack to another region would update a pool that is not there.
    {
        cognito: "",
        name: "region",
        shape: { kind: "string", pattern: /^[a-z]{2,4}(-[a-z]+)+-\d$/, format: "an AWS region such as us-east-1" },
        apply: "replace",
        undeclared: "keep",
    },
    // Consent to lose the users of a pool that has some: a replacement or a deletion goes ahead.
    { cognito: "", name: "allowReplacementWithUsers", shape: { kind: "boolean" }, apply: "state" },
    // On a replacement, carry the old pool's accounts into the new one before deleting it (users/copy.ts).
    // `true` stands for the object with every member at its default.
    {
        cognito: "",
        name: "copyUsersOnReplacement",
        apply: "state",
        shape: {
            kind: "object",
            orTrue: true,
            fields: [keepSubAs],
        },
    },
    // Consent to replace the pool when the schema changes in a way Cognito cannot make.
    { cognito: "", name: "replaceOnSchemaChange", shape: { kind: "boolean" }, apply: "state" },
    // Adopt this existing pool instead of creating one (a user pool id, as DescribeUserPool takes it).
    { ...poolId, required: undefined },
    // With existingPoolId: reset what the program leaves out to Cognito's defaults, instead of keeping it
    // as the pool has it (deletion protection, triggers and MFA are kept either way: see adoption.ts).
    { cognito: "", name: "adoptionResetsUndeclared", shape: { kind: "boolean" }, apply: "createOnly" },
    ...fromSetUserPoolMfaConfig,
    // The resource options the engine applies without telling the provider (the UserPool class passes
    // them): replaceOnChanges and ignoreChanges, which the provider must apply itself, and retainOnDelete,
    // which lifts the user-count guard (the old pool is kept).
    {
        cognito: "",
        name: "resourceOptions",
        apply: "options",
        shape: {
            kind: "object",
            fields: [
                { cognito: "", name: "retainOnDelete", shape: { kind: "boolean" } },
                { cognito: "", name: "deleteBeforeReplace", shape: { kind: "boolean" } },
                { cognito: "", name: "replaceOnChanges", shape: { kind: "list", of: { kind: "string" } } },
                { cognito: "", name: "ignoreChanges", shape: { kind: "list", of: { kind: "string" } } },
            ],
        },
    },
    // The paths of the inputs the program marked secret: the engine strips the marks before the provider
    // sees them, and a message must never quote those values.
    { cognito: "", name: "secretInputs", apply: "options", shape: { kind: "list", of: { kind: "string" } } },
    // Set by the class when poolName is the resource name: a message about poolName then says where it came from.
    { cognito: "", name: "poolNameIsResourceName", apply: "options", shape: { kind: "boolean" } },
    // The resource's own URN, which the class computes (the host passes the provider none): what ties a
    // consent to the resource that gave it (deployment.ts, guards.ts).
    { cognito: "", name: URN, apply: "options", shape: { kind: "string" } },
];

/** The region in a pool id (`us-east-1_AbCdEfGhI`) or ARN. */
export function regionOfPool(idOrArn: string | undefined): string | undefined {
    if (!idOrArn) return undefined;
    if (idOrArn.startsWith("arn:")) return idOrArn.split(":")[3] || undefined;
    return idOrArn.includes("_") ? idOrArn.split("_")[0] : undefined;
}
