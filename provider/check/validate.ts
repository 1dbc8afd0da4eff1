// check: every declared value against its row's shape, before any API call. Values unknown at preview
// pass; every mistake is reported, each with its property path, the value and what is allowed.
import { awsNames } from "../pool/awsNames";
import { isRecord } from "../pool/convert";
import { touchesSecret } from "../pool/secrets";
import { Field, Shape, isUnknown } from "../pool/table";

export interface CheckFailure {
    property: string;
    reason: string;
}

/**
 * `secrets`: the paths the program marked secret (secrets.ts); a failure at, under or above one names the
 * path and what is allowed, never the value.
 */
export function validateObject(fields: readonly Field[], value: Record<string, unknown>, path: string, secrets: readonly string[] = []): CheckFailure[] {
    const failures: CheckFailure[] = [];
    const known = new Map(fields.map((f) => [f.name, f]));
    for (const key of Object.keys(value)) {
        if (!known.has(key) && value[key] !== undefined) {
            failures.push({ property: join(path, key), reason: `'${join(path, key)}' is not a property of ${path || "UserPool"}${unknownHint(path, key, [...known.keys()])}` });
        }
    }
    for (const field of fields) {
        const member = value[field.name];
        const at = join(path, field.name);
        if (member === undefined || member === null) {
            if (field.required) failures.push({ property: at, reason: `'${at}' is required` });
            continue;
        }
        if (field.refused && !isUnknown(member)) {
            failures.push({ property: at, reason: `'${at}' is ${quote(member, at, secrets)}; ${field.refused}` });
            continue;
        }
        failures.push(...validateValue(field.shape, member, at, secrets));
    }
    return failures;
}

function validateValue(shape: Shape, value: unknown, at: string, secrets: readonly string[]): CheckFailure[] {
    if (isUnknown(value)) return [];
    const fail = (allowed: string) => [{ property: at, reason: `'${at}' is ${quote(value, at, secrets)}; ${allowed}` }];
    switch (shape.kind) {
        case "string": {
            if (typeof value !== "string") return fail("it must be a string");
            const problem = stringProblem(shape, value);
            return problem ? fail(`it ${problem}`) : [];
        }
        case "integer":
            if (typeof value !== "number" || !Number.isInteger(value)) return fail("it must be a whole number");
            if ((shape.min !== undefined && value < shape.min) || (shape.max !== undefined && value > shape.max))
                return fail(`it must be from ${shape.min ?? "-∞"} to ${shape.max ?? "∞"}`);
            return [];
        case "boolean":
            return typeof value === "boolean" ? [] : fail("it must be true or false");
        case "enum":
            return shape.values.includes(value as string) ? [] : fail(`allowed: ${shape.values.map((v) => `"${v}"`).join(", ")}`);
        case "list": {
            if (!Array.isArray(value)) return fail("it must be a list");
            const failures = value.flatMap((item, i) => validateValue(shape.of, item, `${at}[${i}]`, secrets));
            failures.push(...itemCount(shape, value, fail));
            const known = value.filter((v) => !isUnknown(v));
            if (new Set(known).size !== known.length) failures.push(...fail("each value may appear only once"));
            return failures;
        }
        case "objectList":
            if (!Array.isArray(value)) return fail("it must be a list");
            return [
                ...itemCount(shape, value, fail),
                ...value.flatMap((item, i) =>
                    isRecord(item) ? validateObject(shape.fields, item, `${at}[${i}]`, secrets) : isUnknown(item) ? [] : fail(`item ${i} must be an object`),
                ),
            ];
        case "object":
            if (shape.orTrue && typeof value === "boolean") return [];
            return isRecord(value) ? validateObject(shape.fields, value, at, secrets) : fail(shape.orTrue ? "it must be true, false or an object" : "it must be an object");
        case "map":
            if (!isRecord(value)) return fail("it must be an object of string keys to string values");
            const entries = Object.entries(value);
            const keyShape = { kind: "string", minLength: shape.keyLength?.[0], maxLength: shape.keyLength?.[1] } as const;
            const failures = entries.flatMap(([k, v]) => {
                // A key is not a path: the failure is the map's, and quotes the key once (its first characters).
                const keyProblem = stringProblem(keyShape, k);
                const secret = touchesSecret(at, secrets);
                const key = k === "" ? "an empty key" : secret ? `a key of ${k.length} characters` : `the key ${show(k)} (${k.length} characters)`;
                const valuePath = secret ? `${at}[<a key>]` : `${at}["${k}"]`;
                return [
                    ...(keyProblem ? [{ property: at, reason: `'${at}' has ${key}; a key ${keyProblem}` }] : []),
                    ...validateValue({ kind: "string", minLength: shape.valueLength?.[0], maxLength: shape.valueLength?.[1] }, v, valuePath, secret ? [valuePath] : secrets),
                ];
            });
            if (shape.maxEntries !== undefined && entries.length > shape.maxEntries) {
                failures.push(...fail(`it may have at most ${shape.maxEntries} entries, not ${entries.length}${shape.maxEntriesWhy ? ` (${shape.maxEntriesWhy})` : ""}`));
            }
            return failures;
    }
}

/** What is wrong with a string against its shape ("must ..."), or undefined: for values and for map keys. */
function stringProblem(shape: Extract<Shape, { kind: "string" }>, value: string): string | undefined {
    if (value === "" && (shape.minLength ?? 0) > 0) return "must not be empty";
    // What the value is before how long it is: a short non-ARN is told it is not an ARN. And the
    // placeholders before the pattern: a message whose pattern requires {####} is best told so.
    if ((shape.mustContain ?? []).some((placeholder) => !placeholder.pattern.test(value))) {
        return `must contain ${shape.mustContain!.map((p) => p.text).join(" and ")}, which Cognito replaces`;
    }
    if (shape.pattern && !shape.pattern.test(value)) return `must be ${shape.format ?? `a string matching ${shape.pattern.source}`}`;
    if (shape.minLength !== undefined && value.length < shape.minLength) return `must be at least ${shape.minLength} characters long`;
    if (shape.maxLength !== undefined && value.length > shape.maxLength) return `must be at most ${shape.maxLength} characters long`;
    return undefined;
}

function itemCount(shape: { minItems?: number; maxItems?: number }, list: unknown[], fail: (allowed: string) => CheckFailure[]) {
    if (shape.minItems !== undefined && list.length < shape.minItems) return fail(`it needs at least ${shape.minItems} item(s)`);
    if (shape.maxItems !== undefined && list.length > shape.maxItems) return fail(`it may have at most ${shape.maxItems} items, not ${list.length}`);
    return [];
}

function join(path: string, key: string): string {
    return path ? `${path}.${key}` : key;
}

/** A value as a failure quotes it: not at all where the program marked it secret. */
function quote(value: unknown, at: string, secrets: readonly string[]): string {
    return touchesSecret(at, secrets) ? "[secret]" : show(value);
}

/** A value as a message quotes it: never more than a short prefix (a message is no place for a document). */
export function show(value: unknown): string {
    if (typeof value === "number" && !Number.isFinite(value)) return String(value);
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * What to write instead of an unknown key: our name for @pulumi/aws's name of the same setting (a program
 * moving from aws.cognito.UserPool writes `tags`, `passwordPolicy`, `schemas`, ...), else the nearest
 * name at that level.
 */
function unknownHint(path: string, key: string, names: string[]): string {
    const aws = awsNames.renames[join(path, key).replace(/\[\d+\]/g, "[]")];
    if (aws && aws.ours !== null && aws.ours !== join(path, key)) {
        const ours = aws.ours.replace(/\[\]/g, "[0]");
        return `; did you mean '${ours}'? ('${key}' is @pulumi/aws's name for it${aws.note ? `. ${aws.note}` : ""})`;
    }
    if (aws?.ours === null) return `; ${awsNames.resource} has it but UserPool does not: ${aws.reason}`;
    const hint = suggestion(key, names);
    return hint ? `; did you mean '${hint}'?` : "";
}

/** The known name closest to a mistyped one, if it is close enough to be what the user meant. */
function suggestion(key: string, names: string[]): string | undefined {
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const name of names) {
        const d = distance(key.toLowerCase(), name.toLowerCase());
        if (d < bestDistance) [best, bestDistance] = [name, d];
    }
    return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const cur = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = cur;
        }
    }
    return row[b.length];
}
