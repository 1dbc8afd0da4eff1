// Inputs of the UserPool resource that are not CreateUserPool members: the pool's region, the user's
// consents, adoption of an existing pool, and the MFA factor set through SetUserPoolMfaConfig. They go
// through the same walks as the table's rows (check, diff) but never into CreateUserPool/UpdateUserPool.
import { Field } from "./table";

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
    // Consent to replace the pool when the schema changes in a way Cognito cannot make.
    { cognito: "", name: "replaceOnSchemaChange", shape: { kind: "boolean" }, apply: "state" },
    // Adopt this existing pool instead of creating one.
    {
        cognito: "",
        name: "existingPoolId",
        shape: { kind: "string", pattern: /^[\w-]+_[0-9a-zA-Z]+$/, format: "a user pool id such as us-east-1_AbCdEfGhI" },
        apply: "createOnly",
    },
    {
        cognito: "SoftwareTokenMfaConfiguration",
        name: "softwareTokenMfaConfiguration",
        apply: "setUserPoolMfaConfig",
        shape: { kind: "object", fields: [{ cognito: "Enabled", name: "enabled", shape: { kind: "boolean" }, required: true }] },
    },
];

/** The region in a pool id (`us-east-1_AbCdEfGhI`) or ARN. */
export function regionOfPool(idOrArn: string | undefined): string | undefined {
    if (!idOrArn) return undefined;
    if (idOrArn.startsWith("arn:")) return idOrArn.split(":")[3] || undefined;
    return idOrArn.includes("_") ? idOrArn.split("_")[0] : undefined;
}
