// A pool as Cognito reports it (DescribeUserPool, CreateUserPool), in our shape: its settings and what
// Cognito computes (record.ts turns it into what the stack stores), and the declaration that would
// reproduce it (for a pool the program knows nothing of: a read by id, an adoption).
import { fromCognito, fromDescribe, isRecord } from "../pool/convert";
import { resourceInputs } from "../pool/resourceInputs";
import { changedPaths } from "../pool/defaults";
import { COMPUTED_OUTPUTS, regionOf, SETTINGS, withoutUndefined } from "./record";
import { allAttributes, compactAttributes, reportedAttributes, schemaOfPool } from "../pool/attributes";
import { Field } from "../pool/table";
import { userPoolProperties } from "../pool/properties";

export { COMPUTED_OUTPUTS, withoutUndefined };

const memberFields = userPoolProperties.filter((f) => f.name !== "schema");

/** The pool's settings in the input shape (the schema as `schemaAttributes`), plus the computed outputs. */
export function poolState(pool: Record<string, any>): Record<string, unknown> {
    const members = fromDescribe(memberFields, pool);
    if (isRecord(members.userPoolTags)) members.userPoolTags = withoutProviderTags(members.userPoolTags);
    const region = regionOf(pool);
    return withoutUndefined({
        ...members,
        region,
        arn: pool.Arn,
        endpoint: `cognito-idp.${region}.amazonaws.com/${pool.Id}`,
        creationDate: isoDate(pool.CreationDate),
        lastModifiedDate: isoDate(pool.LastModifiedDate),
        estimatedNumberOfUsers: pool.EstimatedNumberOfUsers ?? 0,
        schemaAttributes: compactAttributes(reportedAttributes(pool.SchemaAttributes)),
        domain: pool.Domain,
        customDomain: pool.CustomDomain,
    });
}

/**
 * The smallest declaration that reproduces `state`, leaf by leaf: what a program would write for this
 * pool. A read by id (UserPool.get) returns it as the resource's inputs, and an adoption keeps from it
 * what the program leaves out.
 */
export function declarationOf(state: Record<string, unknown>): Record<string, unknown> {
    const inputs: Record<string, unknown> = {};
    // The TOTP factor describes the pool, so it belongs in a declaration. The region is left out: it
    // is in a declaration only where the stack sets aws:region, and read cannot know whether it does.
    // Consents and adoption do not describe the pool.
    for (const field of SETTINGS) {
        if (field.deprecated || field.name === "schema") continue;
        const value = minimalDeclaration(field, state[field.name], true);
        if (value !== undefined) inputs[field.name] = value;
    }
    const schema = schemaOfPool(allAttributes(state.schemaAttributes));
    if (schema.length > 0) inputs.schema = schema;
    return inputs;
}

function minimalDeclaration(field: Field, value: unknown, topLevel: boolean): unknown {
    if (value === undefined) return undefined;
    // Settings Cognito cannot change, and the name, are stated whole: they identify the pool.
    if (topLevel && (field.required || field.undeclared === "keep")) return value;
    // Texts and legacy values Cognito fills in itself: a program would not write them.
    if (field.undeclared === "keep" || field.undeclared === "ignore") return undefined;
    if (field.shape.kind === "object" && isRecord(value)) {
        const out: Record<string, unknown> = {};
        for (const child of field.shape.fields) {
            const member = minimalDeclaration(child, value[child.name], false);
            if (member !== undefined) out[child.name] = member;
        }
        return Object.keys(out).length > 0 ? out : undefined;
    }
    return changedPaths(field, value, undefined).length > 0 ? value : undefined;
}

/** Tags the provider sets for itself (the create token, a consent) are not the user's: never shown, never diffed. */
function withoutProviderTags(tags: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(tags).filter(([k]) => !k.startsWith(PROVIDER_TAG_PREFIX)));
}

export const PROVIDER_TAG_PREFIX = "pulumi-cognito-user-pool:";

function isoDate(value: unknown): string | undefined {
    if (value instanceof Date) return value.toISOString();
    return typeof value === "string" ? value : undefined;
}

const factorRows = resourceInputs.filter((f) => f.apply === "setUserPoolMfaConfig");

/** GetUserPoolMfaConfig's answer in our shape: every factor row, TOTP always (on or off). */
export function mfaState(response: Record<string, any> | undefined): Record<string, unknown> {
    if (!response) return {};
    return {
        ...fromCognito(factorRows, response),
        softwareTokenMfaConfiguration: { enabled: response.SoftwareTokenMfaConfiguration?.Enabled === true },
    };
}
