// Cases derived from the official API model: for every constraint of every member the provider accepts,
// one input that violates exactly that constraint and one that sits exactly on its boundary, each placed
// into a valid declaration. The constraints are read from botocore's model itself (loadBotocoreModel), not
// from the provider's generated copy, and each case's expected verdict is the model's: lengths, ranges and
// allowed values by their numbers, patterns by Java (javaMatches), since Cognito is a Java service.
import { Field, Shape } from "../../../provider/pool/table";

export type Seg = string | number;

export interface Leaf {
    /** Our property path, as check reports it (`schema[1].name`, `userPoolTags["team"]`). */
    path: string;
    /** Where the value sits in a declaration. */
    segs: Seg[];
    field: Field;
    /** The model shape of the value (the member's shape; for a list item, the item's). */
    shapeName: string;
    /** For map keys and values. */
    mapPart?: "key" | "value";
}

export interface Case {
    leaf: Leaf;
    constraint: string;
    /** What the case does, for the report: "boundary" or "violation". */
    kind: "boundary" | "violation" | "pattern" | "stricter";
    value: unknown;
    /** The model's verdict (patterns filled in by Java). */
    modelValid?: boolean;
    /** For pattern checks: [pattern, value] to send to Java. */
    javaPattern?: string;
}

/**
 * How to build a valid string of a given length for a model shape: `core` holds what the pattern needs
 * ({####}, an ARN's parts), `fill` pads it, inserted at `at` (default: the end).
 */
export interface StringSample {
    core: string;
    fill: string;
    at?: number;
    /** A typical valid value, for the pattern matrix. */
    typical: string;
    /** Whole values worth trying beside the probes (the mistakes users make). */
    extra?: string[];
}

export const STRING_SAMPLES: Record<string, StringSample> = {
    ArnType: {
        core: "arn:a:b::1:c",
        fill: "c",
        typical: "arn:aws:lambda:us-east-1:123456789012:function:f",
        // An empty or non-numeric account id, a missing resource, no partition.
        extra: ["arn:aws:lambda:us-east-1::function:f", "arn:aws:lambda:us-east-1:12a:function:f", "arn:aws:lambda:us-east-1:123456789012:", "arn::lambda:us-east-1:1:function:f"],
    },
    UserPoolNameType: { core: "", fill: "p", typical: "my pool" },
    SmsVerificationMessageType: { core: "{####}", fill: "a", typical: "Your code is {####}." },
    EmailVerificationMessageType: { core: "{####}", fill: "a", typical: "Your code is {####}." },
    EmailVerificationSubjectType: { core: "", fill: "s", typical: "Your code" },
    EmailVerificationMessageByLinkType: { core: "{####}", fill: "a", at: 0, typical: "Click {##here##} to verify." },
    EmailVerificationSubjectByLinkType: { core: "", fill: "s", typical: "Your link" },
    SmsInviteMessageType: { core: "{username}{####}", fill: "a", typical: "Hi {username}, your code is {####}." },
    EmailInviteMessageType: { core: "{username}{####}", fill: "a", typical: "Hi {username}, your password is {####}." },
    EmailAddressType: { core: "a@b", fill: "a", at: 0, typical: "help@example.com" },
    SESConfigurationSet: { core: "", fill: "c", typical: "transactional" },
    RegionCodeType: { core: "aa-b-1", fill: "b", at: 3, typical: "us-east-1" },
    CustomAttributeNameType: { core: "", fill: "t", typical: "plan" },
    TagKeysType: { core: "", fill: "k", typical: "team" },
    TagValueType: { core: "", fill: "v", typical: "identity" },
    UserPoolIdType: { core: "a_b", fill: "a", at: 0, typical: "us-east-1_AbCdEfGhI" },
    StringType: { core: "", fill: "x", typical: "Example <no-reply@example.com>" },
    RelyingPartyIdType: { core: "", fill: "a", typical: "auth.example.com" },
    EmailMfaMessageType: { core: "{####}", fill: "a", typical: "Your sign-in code is {####}." },
    EmailMfaSubjectType: { core: "", fill: "s", typical: "Your sign-in code" },
};

/** Attribute constraints are StringType in the model, numbers to Cognito: their samples are digits. */
const NUMERIC_PATHS = /AttributeConstraints\.(min|max)(Value|Length)$/;

export function sampleFor(leaf: Leaf): StringSample {
    if (NUMERIC_PATHS.test(leaf.path)) return { core: "", fill: "1", typical: "12" };
    const sample = STRING_SAMPLES[leaf.shapeName];
    if (!sample) throw new Error(`no string sample for the model shape ${leaf.shapeName} (${leaf.path}): add one to STRING_SAMPLES`);
    return sample;
}

/** A valid-by-construction string of `length` characters, or undefined when the core alone is longer. */
export function ofLength(sample: StringSample, length: number): string | undefined {
    if (length < sample.core.length || (sample.fill === "" && length !== sample.core.length)) return undefined;
    const at = sample.at ?? sample.core.length;
    return sample.core.slice(0, at) + sample.fill.repeat(length - sample.core.length) + sample.core.slice(at);
}

/**
 * Characters to insert into a valid value: Java's whitespace and line terminators, the Unicode spaces and
 * controls JavaScript's regexes treat differently, marks, symbols, punctuation, braces and the ARN's separators.
 */
export const PROBES = [
    "\n", "\r", "\t", "\u000b", "\f", " ", "\u00a0", "\u2028", "\u2029", "\u0085", "\u200b", "\u200d", "\ufeff", "\u0001", "\u007f",
    "\u3000", "\u2003", "\u0301", "é", "ß", "€", "😀", "{", "}", "#", ":", "/", "@", "*", "_", "-", ".", ",", "=", "+", "!", "\\",
    "\"", "'", "<", "0", "a", "Z",
];

/**
 * The leaves of the table's fields that map to the model, with paths into `base`. Each leaf's model shape
 * is found in botocore's model (`shapes`) by walking the Cognito member names from `structure`, so a row
 * that names the wrong member fails here.
 */
export function leavesOf(fields: readonly Field[], structure: string, shapes: Record<string, any>, base: Record<string, any>, segs: Seg[] = [], path = ""): Leaf[] {
    const leaves: Leaf[] = [];
    for (const field of fields) {
        if (!field.modelShape) continue;
        const shapeName: string | undefined = shapes[structure]?.members?.[field.cognito]?.shape;
        if (!shapeName) throw new Error(`${path || "the request"}: botocore's ${structure} has no member ${field.cognito}`);
        const at = path ? `${path}.${field.name}` : field.name;
        const here = [...segs, field.name];
        const value = base?.[field.name];
        leaves.push({ path: at, segs: here, field, shapeName });
        const shape: Shape = field.shape;
        if (shape.kind === "object") leaves.push(...leavesOf(shape.fields, shapeName, shapes, value ?? {}, here, at));
        if (shape.kind === "objectList" && Array.isArray(value)) {
            // The last item: for the schema that is a custom attribute (the first is standard email).
            const i = value.length - 1;
            leaves.push(...leavesOf(shape.fields, shapes[shapeName].member.shape, shapes, value[i], [...here, i], `${at}[${i}]`));
        }
    }
    return leaves;
}

export function withValue(base: Record<string, any>, segs: Seg[], value: unknown): Record<string, any> {
    const root = structuredClone(base);
    let node: any = root;
    for (const seg of segs.slice(0, -1)) {
        if (node[seg] === undefined) node[seg] = {};
        node = node[seg];
    }
    const last = segs[segs.length - 1];
    if (value === undefined) delete node[last];
    else node[last] = value;
    return root;
}

export function valueAt(base: Record<string, any>, segs: Seg[]): any {
    return segs.reduce<any>((node, seg) => node?.[seg], base);
}
