// The property table's rows get their types and constraints from the official API model
// (cognitoModel.generated.ts, generated from botocore's cognito-idp model): min/max lengths, patterns
// (as Java regexes, see javaPattern.ts), allowed values, required members, list and map sizes, integer
// ranges. A row adds only what the model cannot say: our names, how a change is applied, Cognito's
// defaults, and the few rules Cognito holds stricter than the model (`stricter`, each with its source).
import { Field, Row, Shape } from "../table";
import { modelShapes, ModelShape } from "./cognitoModel.generated";
import { javaPattern } from "./javaPattern";

/** How each of the model's patterns reads in an error message ("it must be <format>"). */
const PATTERN_WORDS: Record<string, string> = {
    ArnType: "an ARN (arn:aws:<service>:<region>:<account id>:<resource>, the account id in digits)",
    UserPoolNameType: "letters, digits, ASCII spaces and _+=,.@- only",
    SmsVerificationMessageType: "one line (no line breaks) with {####} in it",
    EmailVerificationMessageType:
        "letters, marks, symbols, numbers, punctuation and ASCII whitespace only (no control characters, no-break or zero-width spaces), with {####} in it",
    EmailVerificationMessageByLinkType:
        "letters, marks, symbols, numbers, punctuation and ASCII whitespace only (no control characters, no-break or zero-width spaces), with {##<link text>##} in it",
    EmailInviteMessageType:
        "letters, marks, symbols, numbers, punctuation and ASCII whitespace only (no control characters, no-break or zero-width spaces)",
    EmailMfaMessageType:
        "letters, marks, symbols, numbers, punctuation and ASCII whitespace only (no control characters, no-break or zero-width spaces), with {####} in it",
    EmailVerificationSubjectType:
        "letters, marks, symbols, numbers, punctuation and ASCII whitespace only (no control characters, no-break or zero-width spaces)",
    EmailVerificationSubjectByLinkType:
        "letters, marks, symbols, numbers, punctuation and ASCII whitespace only (no control characters, no-break or zero-width spaces)",
    EmailMfaSubjectType:
        "letters, marks, symbols, numbers, punctuation and ASCII whitespace only (no control characters, no-break or zero-width spaces)",
    CustomAttributeNameType: "letters, marks, symbols, numbers and punctuation only (no spaces)",
    EmailAddressType: "an email address (name@domain, no spaces)",
    SESConfigurationSet: "letters, digits, _ and - only",
    UserPoolIdType: "a user pool id such as us-east-1_AbCdEfGhI",
};

export function modelShape(name: string): ModelShape {
    const shape = modelShapes[name];
    if (!shape) throw new Error(`The API model has no shape ${name}`);
    return shape;
}

/** The model's shape of member `member` of structure `structure`. */
export function memberShapeName(structure: string, member: string): string {
    const name = modelShape(structure).members?.[member];
    if (!name) throw new Error(`The API model's ${structure} has no member ${member}: a row names a member Cognito does not have`);
    return name;
}

/** Rows of the structure `structure` (a model shape name), resolved into fields with their shapes. */
export function fieldsFromModel(rows: readonly Row[], structure: string): Field[] {
    const required = new Set(modelShape(structure).required ?? []);
    return rows.map((row) => {
        const { fields: _f, unordered: _u, sortBy: _s, stricter, format: _fmt, mustContain: _m, ...rest } = row;
        const shapeName = memberShapeName(structure, row.cognito);
        return {
            ...rest,
            shape: shapeFromModel(row, shapeName),
            required: required.has(row.cognito) || row.required === true ? true : undefined,
            modelShape: shapeName,
            ...(stricter ? { stricterSource: stricter.source } : {}),
            ...(stricter?.refused ? { refused: stricter.refused } : {}),
        };
    });
}

function shapeFromModel(row: Row, shapeName: string): Shape {
    const model = modelShape(shapeName);
    const stricter = row.stricter;
    switch (model.type) {
        case "string": {
            if (model.enum) return { kind: "enum", values: model.enum };
            if (model.pattern && stricter?.pattern) {
                throw new Error(`${row.name}: the model has a pattern and the row a stricter one; say how they combine`);
            }
            const pattern = stricter?.pattern ?? (model.pattern !== undefined ? javaPattern(model.pattern) : undefined);
            const format = stricter?.pattern
                ? stricter.format
                : (row.format ?? PATTERN_WORDS[shapeName] ?? (model.pattern ? `a string matching ${model.pattern}` : undefined));
            const maxLength = Math.min(model.max ?? Infinity, stricter?.maxLength ?? Infinity);
            return {
                kind: "string",
                minLength: model.min,
                maxLength: Number.isFinite(maxLength) ? maxLength : undefined,
                pattern,
                format,
                mustContain: row.mustContain || stricter?.mustContain ? [...(row.mustContain ?? []), ...(stricter?.mustContain ?? [])] : undefined,
            };
        }
        case "integer":
        case "long":
            return { kind: "integer", min: model.min, max: model.max };
        case "boolean":
            return { kind: "boolean" };
        case "structure":
            return { kind: "object", fields: fieldsFromModel(row.fields ?? [], shapeName) };
        case "list": {
            const item = modelShape(model.member!);
            if (item.type === "structure") {
                return {
                    kind: "objectList",
                    fields: fieldsFromModel(row.fields ?? [], model.member!),
                    sortBy: row.sortBy,
                    minItems: model.min,
                    maxItems: model.max,
                };
            }
            return { kind: "list", of: shapeFromModel({ ...row, stricter: undefined }, model.member!), unordered: row.unordered, minItems: model.min, maxItems: model.max };
        }
        case "map": {
            const key = modelShape(model.key!);
            const value = modelShape(model.value!);
            return {
                kind: "map",
                maxEntries: stricter?.maxEntries ?? model.max,
                maxEntriesWhy: stricter?.why,
                keyLength: [key.min ?? 0, key.max ?? Infinity],
                valueLength: [value.min ?? 0, value.max ?? Infinity],
            };
        }
        default:
            throw new Error(`${row.name}: the model's ${shapeName} is a ${model.type}, which the table cannot hold yet`);
    }
}
