// Renaming between our input shape (lowerCamelCase) and Cognito's, one walk over the table both ways.
import { Field } from "./table";

type Direction = { from: (f: Field) => string; to: (f: Field) => string };
const TO_COGNITO: Direction = { from: (f) => f.name, to: (f) => f.cognito };
const FROM_COGNITO: Direction = { from: (f) => f.cognito, to: (f) => f.name };
const FROM_DESCRIBE: Direction = { from: (f) => f.reportedAs ?? f.cognito, to: (f) => f.name };

/** Our inputs → a Cognito request fragment. Members the table does not know are left out. */
export function toCognito(fields: readonly Field[], value: Record<string, unknown>): Record<string, unknown> {
    return renameObject(fields, value, TO_COGNITO);
}

/** A Cognito response fragment → our input shape. Members the table does not know are left out. */
export function fromCognito(fields: readonly Field[], value: Record<string, unknown>): Record<string, unknown> {
    return renameObject(fields, value, FROM_COGNITO);
}

/** A DescribeUserPool / CreateUserPool response's UserPool → our input shape. */
export function fromDescribe(fields: readonly Field[], pool: Record<string, unknown>): Record<string, unknown> {
    return renameObject(fields, pool, FROM_DESCRIBE);
}

function renameObject(fields: readonly Field[], value: Record<string, unknown>, dir: Direction) {
    const out: Record<string, unknown> = {};
    for (const field of fields) {
        const member = value[dir.from(field)];
        if (member !== undefined && member !== null) out[dir.to(field)] = renameValue(field, member, dir);
    }
    return out;
}

function renameValue(field: Field, value: unknown, dir: Direction): unknown {
    const shape = field.shape;
    // Only the top level is reported under other names; nested members keep Cognito's request names.
    const inner = dir === FROM_DESCRIBE ? FROM_COGNITO : dir;
    if (shape.kind === "object" && isRecord(value)) return renameObject(shape.fields, value, inner);
    if (shape.kind === "objectList" && Array.isArray(value)) {
        return value.map((item) => (isRecord(item) ? renameObject(shape.fields, item, inner) : item));
    }
    return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value with every null member of every object left out: to Pulumi programs, null means "not set". */
export function withoutNulls<T>(value: T): T {
    if (Array.isArray(value)) return value.map(withoutNulls) as T;
    if (isRecord(value)) {
        return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)])) as T;
    }
    return value;
}
