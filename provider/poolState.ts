// A pool as Cognito reports it (DescribeUserPool, CreateUserPool), in our shape: the outputs, and the
// declaration that would reproduce it (the `inputs` read returns).
import { fromDescribe, isRecord } from "./convert";
import { changedPaths } from "./desiredState";
import { regionOfPool, resourceInputs } from "./resourceInputs";
import { compactAttributes, reportedAttributes, schemaAsDeclared } from "./schemaAttributes";
import { Field } from "./table";
import { userPoolProperties } from "./userPoolProperties";

/** Outputs that Cognito computes; everything else in the outputs is an input, as the pool holds it. */
export const COMPUTED_OUTPUTS = [
    "arn", "endpoint", "creationDate", "lastModifiedDate", "estimatedNumberOfUsers", "schemaAttributes", "domain", "customDomain",
] as const;

const memberFields = userPoolProperties.filter((f) => f.name !== "schema");

/**
 * The pool's settings in the input shape, plus the computed outputs. `declaredBefore` is the previous
 * declaration or state: it decides how the schema is shown (see schemaAsDeclared).
 */
export function poolState(pool: Record<string, any>, declaredBefore: Record<string, unknown>): Record<string, unknown> {
    const reported = reportedAttributes(pool.SchemaAttributes);
    const members = fromDescribe(memberFields, pool);
    if (isRecord(members.userPoolTags)) members.userPoolTags = withoutProviderTags(members.userPoolTags);
    const state: Record<string, unknown> = {
        ...members,
        schema: schemaAsDeclared(reported, declaredBefore.schema),
        region: regionOfPool(pool.Arn) ?? regionOfPool(pool.Id),
        arn: pool.Arn,
        endpoint: `cognito-idp.${regionOfPool(pool.Arn) ?? regionOfPool(pool.Id)}.amazonaws.com/${pool.Id}`,
        creationDate: isoDate(pool.CreationDate),
        lastModifiedDate: isoDate(pool.LastModifiedDate),
        estimatedNumberOfUsers: pool.EstimatedNumberOfUsers ?? 0,
        schemaAttributes: compactAttributes(reported),
        domain: pool.Domain,
        customDomain: pool.CustomDomain,
    };
    if (!Array.isArray(declaredBefore.schema) && (state.schema as unknown[]).length === 0) delete state.schema;
    return withoutUndefined(state);
}

/**
 * The smallest declaration that reproduces `state`, leaf by leaf: what a program would write for this
 * pool. A read returns it as the resource's inputs, so a pool read by id (UserPool.get) or refreshed
 * shows, on the next preview, exactly the members that differ from the program, at their paths.
 */
export function declarationOf(state: Record<string, unknown>): Record<string, unknown> {
    const inputs: Record<string, unknown> = {};
    // The TOTP factor describes the pool, so it belongs in a declaration. The region is left out: it
    // is in a declaration only where the stack sets aws:region, and read cannot know whether it does.
    // Consents and adoption do not describe the pool (a read carries them over from the state).
    const describing = resourceInputs.filter((f) => f.apply === "setUserPoolMfaConfig");
    for (const field of [...userPoolProperties, ...describing]) {
        if (field.deprecated) continue;
        const value = minimalDeclaration(field, state[field.name], true);
        if (value !== undefined) inputs[field.name] = value;
    }
    if (Array.isArray(inputs.schema) && inputs.schema.length === 0) delete inputs.schema;
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

/** Tags the provider sets for itself (the create token) are not the user's: never shown, never diffed. */
function withoutProviderTags(tags: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(tags).filter(([k]) => !k.startsWith(PROVIDER_TAG_PREFIX)));
}

export const PROVIDER_TAG_PREFIX = "pulumi-cognito-user-pool:";

function isoDate(value: unknown): string | undefined {
    if (value instanceof Date) return value.toISOString();
    return typeof value === "string" ? value : undefined;
}

/** Outputs must be JSON-clean: an undefined anywhere fails the engine call (FACTS.md). */
export function withoutUndefined<T>(value: T): T {
    if (Array.isArray(value)) return value.map(withoutUndefined) as T;
    if (isRecord(value)) {
        return Object.fromEntries(
            Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, withoutUndefined(v)]),
        ) as T;
    }
    return value;
}
