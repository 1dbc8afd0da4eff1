// The schema is the one member Cognito changes only by growing: custom attributes can be added
// (AddCustomAttributes), and no attribute can ever be modified or removed (docs/cognito.md, "Settings a pool keeps for life"). So the schema is
// compared attribute by attribute, by name, and only on what the user declared of each attribute.
import { fromCognito, isRecord, toCognito } from "./convert";
import { sameValue } from "./defaults";
import { Field, isUnknown } from "./table";
import { userPoolProperties } from "./properties";

export type Attribute = Record<string, unknown> & { name: string };

const schemaField = userPoolProperties.find((f) => f.name === "schema")!;
const attributeFields = (schemaField.shape as { fields: readonly Field[] }).fields;

const string = (minLength: string, maxLength: string, mutable = true, required = false): Attribute =>
    ({ name: "", attributeDataType: "String", developerOnlyAttribute: false, mutable, required, stringAttributeConstraints: { minLength, maxLength } }) as Attribute;
const flag = (): Attribute => ({ name: "", attributeDataType: "Boolean", developerOnlyAttribute: false, mutable: true, required: false }) as Attribute;

/**
 * The standard attributes as every pool has them unless its schema said otherwise (DescribeUserPool of a
 * pool created with only a name). State keeps a standard attribute only where it differs from this: the
 * twenty would otherwise be most of each pool's state.
 */
const STANDARD_DEFAULTS: Record<string, Attribute> = {
    sub: string("1", "2048", false, true),
    ...Object.fromEntries(
        ["name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website", "email", "gender", "zoneinfo", "locale", "phone_number", "address"].map(
            (n) => [n, string("0", "2048")],
        ),
    ),
    email_verified: flag(),
    phone_number_verified: flag(),
    birthdate: string("10", "10"),
    updated_at: { name: "", attributeDataType: "Number", developerOnlyAttribute: false, mutable: true, required: false, numberAttributeConstraints: { minValue: "0" } } as Attribute,
};

/**
 * The attributes every pool has; any other name is a custom attribute (`custom:<name>` to Cognito).
 * `identities` (federated sign-in) has no settings a schema may declare, so no defaults above.
 */
export const STANDARD_ATTRIBUTES = new Set([...Object.keys(STANDARD_DEFAULTS), "identities"]);

/** `custom:tenant` and `dev:custom:tenant` are the attribute the user declared as `tenant`. */
export function shortName(name: string): string {
    return name.replace(/^dev:/, "").replace(/^custom:/, "");
}

export function isCustom(name: string): boolean {
    return !STANDARD_ATTRIBUTES.has(shortName(name));
}

export interface SchemaChanges {
    /** Custom attributes to add with AddCustomAttributes. */
    added: Attribute[];
    /** Human-readable descriptions of what Cognito cannot do: modify or remove an attribute. */
    refused: string[];
}

/**
 * How the declared schema `news` differs from the pool's attributes as Cognito reports them
 * (`reported`, in our shape, full names) and from the schema declared before (`declaredBefore`).
 */
export function schemaChanges(declaredBefore: unknown, reported: unknown, news: unknown): SchemaChanges {
    const result: SchemaChanges = { added: [], refused: [] };
    if (!Array.isArray(news)) return result; // undeclared: the pool keeps what it has
    const actual = new Map<string, Record<string, unknown>>();
    for (const attr of asAttributes(reported)) actual.set(shortName(attr.name), attr);
    for (const attr of asAttributes(declaredBefore)) {
        if (!actual.has(shortName(attr.name))) actual.set(shortName(attr.name), attr);
    }
    const declaredNow = new Set<string>();
    for (const attr of asAttributes(news)) {
        const name = shortName(attr.name);
        declaredNow.add(name);
        const existing = actual.get(name);
        if (!existing) {
            if (isCustom(name)) result.added.push(attr);
            else result.refused.push(`standard attribute '${name}' cannot be changed after the pool is created`);
            continue;
        }
        for (const key of Object.keys(attr)) {
            if (key === "name" || isUnknown(attr[key])) continue;
            if (!sameSetting(attr[key], existing[key])) {
                result.refused.push(
                    `attribute '${name}': ${key} is ${JSON.stringify(existing[key])} in the pool and cannot be changed to ${JSON.stringify(attr[key])}`,
                );
            }
        }
    }
    for (const attr of asAttributes(declaredBefore)) {
        const name = shortName(attr.name);
        if (!declaredNow.has(name)) result.refused.push(`attribute '${name}' cannot be removed from the pool`);
    }
    return result;
}

/** Declared attributes as CreateUserPool / AddCustomAttributes take them (short names). */
export function schemaToCognito(attributes: Attribute[]): Record<string, unknown>[] {
    return attributes.map((attr) => toCognito(attributeFields, { ...attr, name: shortName(attr.name) }));
}

/** The attributes as the `schemaAttributes` output keeps them: custom ones, and standard ones that differ from their defaults. */
export function compactAttributes(attributes: Attribute[]): Attribute[] {
    return attributes.filter((a) => {
        const standard = STANDARD_DEFAULTS[a.name];
        return !standard || !sameValue({ ...standard, name: a.name }, a);
    });
}

/** The defaults with their names, made once and frozen: every diff fills them in, and none may change them. */
const NAMED_DEFAULTS: readonly Attribute[] = Object.entries(STANDARD_DEFAULTS).map(([name, a]) => deepFreeze({ ...structuredClone(a), name }));

function deepFreeze<T>(value: T): T {
    if (isRecord(value) || Array.isArray(value)) for (const v of Object.values(value)) deepFreeze(v);
    return Object.freeze(value);
}

/**
 * The `schemaAttributes` output with the standard attributes it leaves out filled back in: every attribute
 * of the pool. The filled-in ones are shared and frozen (a diff calls this each time: no copies).
 */
export function allAttributes(attributes: unknown): Attribute[] {
    const kept = Array.isArray(attributes) ? attributes.filter((a): a is Attribute => isRecord(a) && typeof a.name === "string") : [];
    if (kept.length === 0) return [...NAMED_DEFAULTS];
    const named = new Set(kept.map((a) => a.name));
    return [...NAMED_DEFAULTS.filter((a) => !named.has(a.name)), ...kept];
}

/**
 * Every attribute of a pool as a record knows it: those `schemaAttributes` lists, then those the record
 * holds only under `schema` (the ones the program marked secret, which schemaAttributes leaves out,
 * standard ones included), then Cognito's defaults for the standard attributes neither names.
 */
export function recordedAttributes(schemaAttributes: unknown, recordedSchema: unknown): Attribute[] {
    const listed = Array.isArray(schemaAttributes) ? schemaAttributes.filter((a): a is Attribute => isRecord(a) && typeof a.name === "string") : [];
    const known = new Set(listed.map((a) => shortName(a.name)));
    const recorded = Array.isArray(recordedSchema)
        ? recordedSchema.filter((a): a is Attribute => isRecord(a) && typeof a.name === "string" && !known.has(shortName(a.name)))
        : [];
    return allAttributes([...listed, ...recorded]);
}

/** Cognito's SchemaAttributes in our shape, names as Cognito reports them. */
export function reportedAttributes(schemaAttributes: unknown): Attribute[] {
    if (!Array.isArray(schemaAttributes)) return [];
    return schemaAttributes.filter(isRecord).map((a) => fromCognito(attributeFields, a) as Attribute);
}

/**
 * The declared attributes as the pool holds them: each attribute the program declares (that the pool
 * has), with the values Cognito holds for the members the program declared. Attributes nobody declared
 * are not here: they are in `schemaAttributes`, and a program never removes them.
 */
export function schemaAsDeclared(reported: Attribute[], declared: unknown): Attribute[] {
    const byName = new Map(reported.map((a) => [shortName(a.name), a]));
    const result: Attribute[] = [];
    for (const attr of asAttributes(declared)) {
        const actual = byName.get(shortName(attr.name));
        if (!actual) continue;
        const projected: Attribute = { name: attr.name };
        for (const key of Object.keys(attr)) {
            if (key !== "name" && actual[key] !== undefined) projected[key] = project(attr[key], actual[key]);
        }
        result.push(projected);
    }
    return result;
}

/**
 * The schema a program would declare for a pool it knows nothing of (a read by id, an adoption): every
 * custom attribute, and each standard one made required.
 */
export function schemaOfPool(reported: Attribute[]): Attribute[] {
    return reported.filter((a) => isCustom(a.name) || (a.required === true && shortName(a.name) !== "sub")).map((a) => ({ ...a, name: shortName(a.name) }));
}

/** For nested constraints, keep only the members the user declared. */
function project(declared: unknown, actual: unknown): unknown {
    if (!isRecord(declared) || !isRecord(actual)) return actual;
    return Object.fromEntries(Object.keys(declared).filter((k) => actual[k] !== undefined).map((k) => [k, actual[k]]));
}

function sameSetting(declared: unknown, actual: unknown): boolean {
    if (isRecord(declared)) {
        const a = isRecord(actual) ? actual : {};
        return Object.keys(declared).every((k) => isUnknown(declared[k]) || String(declared[k]) === String(a[k]));
    }
    if (typeof declared === "boolean") return declared === (actual ?? false);
    return sameValue(declared, actual);
}

function asAttributes(value: unknown): Attribute[] {
    return Array.isArray(value) ? value.filter((a): a is Attribute => isRecord(a) && typeof a.name === "string") : [];
}
