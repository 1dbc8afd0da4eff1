// Inputs of the UserPool resource that are not CreateUserPool members. They go through the same walks
// as the table's rows (check, diff) but are never sent to Cognito.
import { Field } from "./table";

/**
 * The region the pool lives in. A pool cannot move between regions, so a different region is a new
 * pool: without this input, promoting a stack to another region would update a pool that is not there.
 */
export const regionInput: Field = {
    cognito: "",
    name: "region",
    shape: { kind: "string", pattern: /^[a-z]{2}(-[a-z]+)+-\d$/ },
    apply: "replace",
    undeclared: "keep",
};

export const resourceInputs: readonly Field[] = [regionInput];

/** The region in a pool id (`us-east-1_AbCdEfGhI`) or ARN. */
export function regionOfPool(idOrArn: string | undefined): string | undefined {
    if (!idOrArn) return undefined;
    if (idOrArn.startsWith("arn:")) return idOrArn.split(":")[3] || undefined;
    return idOrArn.includes("_") ? idOrArn.split("_")[0] : undefined;
}
