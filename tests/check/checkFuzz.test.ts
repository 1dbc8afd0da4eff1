// check, fuzzed: 1,500 seeded mutations of valid declarations, each with its outcome known by
// construction. A mutation picks a property path from the property table (userPoolProperties and
// resourceInputs, nested objects and list items included) and sets it to a value generated as VALID for
// that row (in range, an allowed value, an ARN of the right form, a message with its placeholders, ...),
// INVALID (one constraint broken: wrong type, out of range, not allowed, too long or short, pattern or
// placeholder missing, too many items, duplicates, a misspelled member, a required member left out), or
// UNKNOWN (Pulumi's preview sentinel).
//
// Cross-member rules can make a value that is valid for its row invalid for the pool (aliasAttributes
// beside usernameAttributes, an email template without DEVELOPER sending, a custom sender without a KMS
// key, MFA without a factor, ...). They are generated on purpose, not avoided: `ruleOracle` below is a
// small independent statement of every rule (written from docs/cognito.md and the API reference, not by calling
// provider/check/rules.ts), and a VALID mutation must get exactly the failures the oracle predicts: no more
// (check never rejects a valid input) and no fewer (check never lets through what a rule forbids).
//
// The oracle does not cover: the deprecated top-level emailVerificationMessage/emailVerificationSubject
// (the API reference calls them "no longer used", so the DEVELOPER rule is read as not applying to them,
// as check does), and the attribute name `identities` (never generated). Values unknown at preview are
// not fed to the oracle: an UNKNOWN mutation must get no failure at its path, and nothing elsewhere that
// the oracle would not predict with the path either absent or holding a valid value.
import assert from "node:assert/strict";
import provider = require("../../provider/runtime");
import { resourceInputs } from "../../provider/pool/resourceInputs";
import { Field, Shape, UNKNOWN } from "../../provider/pool/table";
import { userPoolProperties } from "../../provider/pool/properties";
import { memberSamples } from "../memberSamples";

type Props = Record<string, any>;
type Seg = string | number;

const SEED = 0x5eed_c0de;
const MUTATIONS = 2000;

// ---------------------------------------------------------------------------------------------------
// Randomness: mulberry32, seeded, so every run makes the same mutations.

function mulberry32(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

class Rand {
    private readonly next: () => number;
    constructor(seed: number) {
        this.next = mulberry32(seed);
    }
    /** An integer from lo to hi, both included. */
    int(lo: number, hi: number): number {
        return lo + Math.floor(this.next() * (hi - lo + 1));
    }
    chance(p: number): boolean {
        return this.next() < p;
    }
    pick<T>(items: readonly T[]): T {
        return items[this.int(0, items.length - 1)];
    }
    shuffle<T>(items: readonly T[]): T[] {
        const out = [...items];
        for (let i = out.length - 1; i > 0; i--) {
            const j = this.int(0, i);
            [out[i], out[j]] = [out[j], out[i]];
        }
        return out;
    }
    /** A string of `length` characters from `alphabet`. */
    chars(alphabet: string, length: number): string {
        let s = "";
        for (let i = 0; i < length; i++) s += alphabet[this.int(0, alphabet.length - 1)];
        return s;
    }
    /** A length from lo to hi, mostly short, sometimes exactly at either end. */
    length(lo: number, hi: number): number {
        if (this.chance(0.1)) return lo;
        if (this.chance(0.1)) return hi;
        return this.int(lo, Math.min(hi, lo + 40));
    }
}

// ---------------------------------------------------------------------------------------------------
// The targets: every row of the table, nested ones included ("[]" stands for an item of a list of objects).

interface Target {
    /** Names from the top; "[]" for an item of a list of objects. */
    segs: string[];
    /** The row for each name in `segs` ("[]" has none). */
    fields: (Field | undefined)[];
    field: Field;
}

const ITEM = "[]";
// What a program declares (the inputs the UserPool class passes itself, apply "options", are not).
const TOP: readonly Field[] = [...userPoolProperties, ...resourceInputs.filter((f) => f.apply !== "options")];

function walk(fields: readonly Field[], segs: string[], rows: (Field | undefined)[], out: Target[]) {
    for (const field of fields) {
        const here = [...segs, field.name];
        const hereRows = [...rows, field];
        out.push({ segs: here, fields: hereRows, field });
        if (field.shape.kind === "object") walk(field.shape.fields, here, hereRows, out);
        if (field.shape.kind === "objectList") walk(field.shape.fields, [...here, ITEM], [...hereRows, undefined], out);
    }
}

const targets: Target[] = [];
walk(TOP, [], [], targets);

/** The members the cross-member rules read (docs/cognito.md and the API reference say which). */
const RULE_MEMBERS = [
    "mfaConfiguration", "softwareTokenMfaConfiguration", "softwareTokenMfaConfiguration.enabled", "smsConfiguration",
    "aliasAttributes", "usernameAttributes",
    "lambdaConfig", "lambdaConfig.customSmsSender", "lambdaConfig.customEmailSender", "lambdaConfig.kmsKeyId",
    "emailConfiguration", "emailConfiguration.emailSendingAccount", "emailConfiguration.sourceArn",
    "verificationMessageTemplate", "verificationMessageTemplate.emailMessage", "verificationMessageTemplate.emailSubject",
    "verificationMessageTemplate.emailMessageByLink", "verificationMessageTemplate.emailSubjectByLink",
    "adminCreateUserConfig.inviteMessageTemplate", "adminCreateUserConfig.inviteMessageTemplate.emailMessage",
    "adminCreateUserConfig.inviteMessageTemplate.emailSubject",
    "policies.passwordPolicy.temporaryPasswordValidityDays", "adminCreateUserConfig.unusedAccountValidityDays",
    "smsVerificationMessage", "emailVerificationMessage", "emailVerificationSubject", "verificationMessageTemplate.smsMessage",
    "autoVerifiedAttributes", "userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate",
    "schema", "schema.[].name", "schema.[].required", "schema.[].attributeDataType", "schema.[].numberAttributeConstraints",
    "schema.[].stringAttributeConstraints", "schema.[].numberAttributeConstraints.minValue", "schema.[].numberAttributeConstraints.maxValue",
    "schema.[].stringAttributeConstraints.minLength", "schema.[].stringAttributeConstraints.maxLength",
    "accountRecoverySetting.recoveryMechanisms", "accountRecoverySetting.recoveryMechanisms.[].priority", "accountRecoverySetting.recoveryMechanisms.[].name",
];
const ruleTargets = RULE_MEMBERS.map((m) => {
    const target = targets.find((t) => t.segs.join(".") === m);
    if (!target) throw new Error(`no row for ${m}`);
    return target;
});

const pathText = (segs: Seg[]) => segs.reduce<string>((p, s) => (typeof s === "number" ? `${p}[${s}]` : p ? `${p}.${s}` : s), "");

// ---------------------------------------------------------------------------------------------------
// Values. What is valid is said here from docs/cognito.md and the API reference, not read from the table's
// patterns, so a pattern that refused a valid value would show.

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS = "0123456789";
const TEXT = `${LETTERS}${DIGITS}      .,;!?-'éüßçñ`;
const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "sa-east-1", "us-gov-west-1", "cn-north-1", "ap-northeast-3"];
// phone_number_verified (21 characters) is left out: the model holds attribute names to 20.
const STANDARD = [
    "sub", "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website",
    "email", "email_verified", "gender", "birthdate", "zoneinfo", "locale", "phone_number", "address", "updated_at",
];
const isArnShape = (shape: { pattern?: RegExp }) => shape.pattern?.source.includes("arn:") === true;

/** A message of `min`..`max` characters holding every placeholder in `must`, and no other braces. */
function message(r: Rand, min: number, max: number, must: string[]): string {
    const fixed = must.join("").length;
    const length = r.length(Math.max(min, fixed), max);
    const filler = r.chars(TEXT, length - fixed);
    // Placeholders go between pieces of the filler, never inside one another.
    const cuts = must.map(() => r.int(0, filler.length)).sort((a, b) => a - b);
    let text = "";
    let from = 0;
    r.shuffle(must).forEach((p, i) => {
        text += filler.slice(from, cuts[i]) + p;
        from = cuts[i];
    });
    return text + filler.slice(from);
}

const account = (r: Rand) => r.chars(DIGITS, 12);
const resource = (r: Rand, n = r.int(1, 40)) => r.chars(`${LETTERS}${DIGITS}-_`, n);

function arnFor(r: Rand, name: string, longResource = false): string {
    const partition = r.pick(["aws", "aws", "aws-cn", "aws-us-gov"]);
    const region = r.pick(REGIONS);
    const res = longResource ? resource(r, r.int(1000, 1950)) : resource(r);
    switch (name) {
        case "kmsKeyId":
            return r.chance(0.5)
                ? `arn:${partition}:kms:${region}:${account(r)}:key/${r.chars("0123456789abcdef", 8)}-1234-5678-9abc-${r.chars("0123456789abcdef", 12)}`
                : `arn:${partition}:kms:${region}:${account(r)}:alias/${res}`;
        case "snsCallerArn":
            return `arn:${partition}:iam::${account(r)}:role/${r.chance(0.3) ? "service-role/" : ""}${res}`;
        case "sourceArn":
            return `arn:${partition}:ses:${region}:${account(r)}:identity/${r.chance(0.5) ? `${resource(r, 8)}@example.com` : "example.com"}`;
        default: {
            const qualifier = r.chance(0.2) ? `:${r.pick(["1", "42", "prod", "live"])}` : "";
            return `arn:${partition}:lambda:${region}:${account(r)}:function:${res}${qualifier}`;
        }
    }
}

interface Context {
    /** The path of the target, as check writes it. */
    path: string;
    field: Field;
    /** The name of the object the row is in ("" at the top, "[]" for a list item). */
    parent: string;
}

function validString(r: Rand, shape: Extract<Shape, { kind: "string" }>, c: Context): string {
    const name = c.field.name;
    if (shape.mustContain) {
        const must = shape.mustContain.map((p) => (p.text === "{##<link text>##}" ? `{##${r.chars(`${LETTERS} `, r.int(0, 12))}##}` : p.text));
        const max = shape.maxLength!;
        return message(r, shape.minLength ?? 0, r.chance(0.05) ? max : Math.min(max, 400), must);
    }
    if (isArnShape(shape)) return arnFor(r, name, r.chance(0.05));
    switch (name) {
        case "poolName":
            return r.chars(`${LETTERS}${DIGITS}_ +=,.@-`, r.length(1, 128));
        case "emailSubject":
        case "emailSubjectByLink":
        case "emailVerificationSubject":
            return r.chars(TEXT, r.length(1, 140));
        case "replyToEmailAddress":
            return `${r.chars(`${LETTERS}${DIGITS}._+-`, r.int(1, 20))}@${r.chars(LETTERS, r.int(1, 12))}.${r.pick(["com", "org", "io"])}`;
        case "from":
            return r.pick(["no-reply@example.com", "Example <no-reply@example.com>", `${r.chars(LETTERS, 5)} <${r.chars(LETTERS, 5)}@example.org>`]);
        case "configurationSet":
            return r.chars(`${LETTERS}${DIGITS}_-`, r.length(1, 64));
        case "externalId":
            return r.chars(`${LETTERS}${DIGITS}-_`, r.int(1, 64));
        case "subject": // email MFA
            return r.chars(TEXT, r.length(1, 140));
        case "relyingPartyId":
            return `${r.chars(LETTERS, r.int(1, 20))}.example.com`;
        case "snsRegion":
            return r.pick(REGIONS);
        case "region":
            return r.pick(REGIONS);
        case "existingPoolId":
            return `${r.pick(REGIONS)}_${r.chars(`${LETTERS}${DIGITS}`, 9)}`;
        case "name": // a schema attribute; mostly short enough for a custom attribute, sometimes not (a rule)
            // Sometimes with Cognito's own prefix, which a rule refuses (Cognito would not strip it).
            if (r.chance(0.05)) return `${r.pick(["custom:", "dev:"])}${r.chars(LETTERS, r.int(1, 12))}`;
            return r.chance(0.1) ? r.pick(STANDARD) : r.chars(`${LETTERS}${DIGITS}_-`, r.int(1, 20));
        case "keepSubAs": // mostly a name the schema may declare, so that the rule is met both ways
            return r.chance(0.5) ? r.pick(["old_sub", "legacy"]) : r.chars(LETTERS, r.int(1, 20));
        case "minValue":
        case "maxValue":
            return String(r.int(-1000, 100000));
        case "minLength":
        case "maxLength": // string constraints: 0..2048 is allowed; above 2048 a rule refuses maxLength
            return String(r.chance(0.9) ? r.int(0, 2048) : r.int(2049, 5000));
    }
    throw new Error(`no valid generator for the string row ${c.path}: add one`);
}

interface Invalid {
    value: unknown;
    kind: string;
}

function wrongType(r: Rand, shape: Shape): Invalid {
    const options: unknown[] = {
        string: [42, true, ["x"], { x: "y" }],
        integer: ["8", true, [8], { n: 8 }],
        boolean: ["true", 1, 0, "false", [true]],
        enum: [1, true, ["x"]],
        list: ["email", 5, { 0: "email" }, true],
        objectList: ["x", 5, { name: "x" }, true],
        // An object that `true` may stand for (copyUsersOnReplacement) takes booleans.
        object: shape.kind === "object" && shape.orTrue ? ["x", 5, []] : ["x", 5, [], true],
        map: ["x", 5, ["k"], true],
    }[shape.kind];
    return { value: r.pick(options), kind: "wrong type" };
}

function invalidString(r: Rand, shape: Extract<Shape, { kind: "string" }>, c: Context): Invalid {
    const valid = () => validString(r, shape, c);
    const options: (() => Invalid)[] = [() => wrongType(r, shape)];
    if (shape.minLength && shape.minLength > 0 && !shape.mustContain) {
        options.push(() => ({ value: valid().slice(0, r.int(0, shape.minLength! - 1)), kind: "too short" }));
    }
    if (shape.maxLength !== undefined) {
        options.push(() => {
            let v = valid();
            const target = shape.maxLength! + r.int(1, 30);
            const pad = isArnShape(shape) ? "a" : c.field.name === "poolName" ? "n" : c.field.name === "snsRegion" ? "-" : "x";
            while (v.length < target) v += pad;
            return { value: v, kind: "too long" };
        });
    }
    if (shape.mustContain) {
        options.push(() => {
            // Some placeholders, not all: invitations need both {username} and {####}.
            const keep = shape.mustContain!.length > 1 && r.chance(0.5) ? [r.pick(shape.mustContain!).text] : [];
            return { value: message(r, Math.max(shape.minLength ?? 0, 10), Math.min(shape.maxLength!, 200), keep), kind: "missing placeholder" };
        });
    }
    const name = c.field.name;
    const broken: (() => string) | undefined = isArnShape(shape)
        ? () => r.pick([valid().replace(/^arn:/, "urn:"), valid().replace(/^arn:/, ""), valid().replace(":", " : "), `arn:aws:lambda:us-east-1:${account(r)}`])
        : name === "poolName"
          ? () => { const v = valid(); const i = r.int(0, v.length); return v.slice(0, i) + r.pick(["/", "!", "#", "*", "(", ":", "?", "<"]) + v.slice(i); }
          : name === "replyToEmailAddress"
            ? () => r.pick([valid().replace("@", ""), valid().replace("@", " @ "), `${r.chars(LETTERS, 6)}.example.com`])
            : name === "configurationSet"
              ? () => valid().slice(0, 60) + r.pick([".", " ", "!", "/"])
              : name === "snsRegion"
                ? () => r.pick(["us east 1", "us.east.1", "eu/west/1"])
                : name === "region"
                  ? () => r.pick(["US-EAST-1", "useast1", "us-east", "mars", "us-east-1 "])
                  : name === "existingPoolId"
                    ? () => r.pick(["AbCdEfGhI", "us-east-1_", "us-east-1_Ab!d", "_AbCdEfGhI"])
                    : name === "subject"
                      ? () => { const v = valid(); return v.slice(0, 1) + r.pick(["\u0001", "\u00a0", "\u200d"]) + v.slice(1); }
                      : name === "name"
                      ? () => r.pick(["my attr", "tenant id", " x"])
                      : ["minValue", "maxValue", "minLength", "maxLength"].includes(name)
                        ? () => r.pick(["1.5", "ten", "", " 5", "0x10", "1e3", "--1"])
                        : undefined;
    if (broken) options.push(() => ({ value: broken(), kind: "pattern broken" }));
    return r.pick(options)();
}

function validValue(r: Rand, shape: Shape, c: Context, minimal = false): unknown {
    switch (shape.kind) {
        case "string":
            return validString(r, shape, c);
        case "integer": {
            const lo = shape.min ?? -1000;
            const hi = shape.max ?? 1000;
            return r.chance(0.15) ? lo : r.chance(0.15) ? hi : r.int(lo, hi);
        }
        case "boolean":
            return r.chance(0.5);
        case "enum":
            return r.pick(shape.values);
        case "list": {
            const values = (shape.of as Extract<Shape, { kind: "enum" }>).values;
            return r.shuffle(values).slice(0, r.int(shape.minItems ?? 0, Math.min(values.length, shape.maxItems ?? values.length)));
        }
        case "object":
            return validObject(r, shape.fields, c.path, minimal);
        case "objectList": {
            if (c.field.name === "recoveryMechanisms") {
                // Valid by construction (distinct, admin_only alone) most of the time; otherwise only
                // valid by shape, which the recovery rule may refuse.
                if (r.chance(0.8)) {
                    const names = r.chance(0.2) ? ["admin_only"] : r.shuffle(["verified_email", "verified_phone_number"]).slice(0, r.int(1, 2));
                    return r.shuffle(names.map((name, i) => ({ priority: i + 1, name })));
                }
            }
            const lo = shape.minItems ?? 0;
            const hi = c.field.name === "schema" ? (r.chance(0.2) ? r.int(45, shape.maxItems!) : 6) : shape.maxItems ?? 3;
            const n = minimal ? Math.max(lo, 1) : r.int(lo, hi);
            return Array.from({ length: n }, (_, i) => validObject(r, shape.fields, `${c.path}[${i}]`, false));
        }
        case "map": {
            const n = r.chance(0.05) ? shape.maxEntries! : r.int(0, 5);
            const entries: [string, string][] = [];
            for (let i = 0; i < n; i++) {
                const key = `${i}${r.chars(`${LETTERS}${DIGITS} _.:/=+-@`, r.int(0, (shape.keyLength?.[1] ?? 128) - 3))}`;
                entries.push([key, r.chars(TEXT, r.length(shape.valueLength?.[0] ?? 0, shape.valueLength?.[1] ?? 256))]);
            }
            return Object.fromEntries(entries);
        }
    }
}

function validObject(r: Rand, fields: readonly Field[], path: string, minimal: boolean): Props {
    const out: Props = {};
    for (const field of fields) {
        if (!field.required && (minimal || r.chance(0.5))) continue;
        out[field.name] = validValue(r, field.shape, { path: `${path}.${field.name}`, field, parent: path }, minimal);
    }
    return out;
}

function invalidValue(r: Rand, shape: Shape, c: Context): Invalid {
    const options: (() => Invalid)[] = [() => wrongType(r, shape)];
    switch (shape.kind) {
        case "string":
            return invalidString(r, shape, c);
        case "integer":
            if (shape.min !== undefined) options.push(() => ({ value: shape.min! - r.int(1, 100), kind: "out of range" }));
            if (shape.max !== undefined) options.push(() => ({ value: shape.max! + r.int(1, 1000), kind: "out of range" }));
            options.push(() => ({ value: (shape.min ?? 0) + 0.5, kind: "not a whole number" }));
            break;
        case "enum":
            options.push(
                () => ({ value: r.pick(["NOPE", "", "on", "Default", "V2_0", "sms"]), kind: "not allowed" }),
                () => {
                    const v = r.pick(shape.values);
                    const other = v.toLowerCase() === v ? v.toUpperCase() : v.toLowerCase();
                    return { value: other === v ? `${v} ` : other, kind: "not allowed" };
                },
            );
            break;
        case "list": {
            const values = (shape.of as Extract<Shape, { kind: "enum" }>).values;
            if (shape.minItems) options.push(() => ({ value: [], kind: "too few items" }));
            options.push(
                () => ({ value: r.shuffle([...values.slice(0, r.int(0, values.length - 1)), r.pick(["username", "EMAIL", "sms", "phone"])]), kind: "not allowed" }),
                () => {
                    const v = r.pick(values);
                    return { value: r.shuffle([v, v, ...values.filter((x) => x !== v && r.chance(0.5))]), kind: "duplicate" };
                },
            );
            break;
        }
        case "objectList":
            options.push(() => ({ value: [r.pick(["x", 5, null, true])], kind: "item not an object" }));
            if (shape.maxItems !== undefined) {
                options.push(() => {
                    const n = shape.maxItems! + r.int(1, 5);
                    const items = c.field.name === "recoveryMechanisms"
                        ? Array.from({ length: n }, (_, i) => ({ priority: (i % 2) + 1, name: ["verified_email", "verified_phone_number", "admin_only"][i % 3] }))
                        : Array.from({ length: n }, (_, i) => ({ name: `a${i}`, attributeDataType: "String" }));
                    return { value: items, kind: "too many items" };
                });
            }
            if (shape.minItems) options.push(() => ({ value: [], kind: "too few items" }));
            break;
        case "map":
            options.push(
                () => ({ value: Object.fromEntries(Array.from({ length: shape.maxEntries! + r.int(1, 10) }, (_, i) => [`k${i}`, "v"])), kind: "too many entries" }),
                () => ({ value: { [r.chance(0.5) ? "" : "k".repeat(shape.keyLength![1] + r.int(1, 20))]: "v" }, kind: "bad key length" }),
                () => ({ value: { team: "v".repeat(shape.valueLength![1] + r.int(1, 20)) }, kind: "value too long" }),
                () => ({ value: { team: r.pick([7, true, ["a"], { a: "b" }]) }, kind: "value not a string" }),
            );
            break;
    }
    return r.pick(options)();
}

/** A near miss of a member's name: what a user mistypes. */
function misspell(r: Rand, name: string, known: readonly string[]): string {
    for (;;) {
        const i = r.int(0, name.length - 2);
        const candidate = r.pick([
            name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2),
            name.slice(0, i) + name.slice(i + 1),
            `${name}s`,
            name.toUpperCase(),
            name.replace(/[A-Z]/, (ch) => ch.toLowerCase()),
            `${name}Id`,
            "colour",
        ]);
        if (!known.includes(candidate)) return candidate;
    }
}

// ---------------------------------------------------------------------------------------------------
// The oracle: every cross-member rule, stated again from docs/cognito.md and the API reference.

const isRecord = (v: unknown): v is Props => typeof v === "object" && v !== null && !Array.isArray(v);
const get = (v: unknown, ...keys: string[]): any => keys.reduce<any>((o, k) => (isRecord(o) ? o[k] : undefined), v);
const set = (v: unknown) => v !== undefined;

/** The property paths of the failures the rules give `p` (all its values known). */
export function ruleOracle(p: Props): string[] {
    const out: string[] = [];
    // MFA ON/OPTIONAL needs TOTP or SMS; TOTP needs MFA ON/OPTIONAL.
    const mfaOn = p.mfaConfiguration === "ON" || p.mfaConfiguration === "OPTIONAL";
    const totp = get(p, "softwareTokenMfaConfiguration", "enabled") === true;
    if (mfaOn && !totp && !isRecord(p.smsConfiguration) && !isRecord(p.emailMfaConfiguration)) out.push("mfaConfiguration");
    if (totp && !mfaOn) out.push("softwareTokenMfaConfiguration.enabled");
    // AliasAttributes and UsernameAttributes are mutually exclusive.
    const nonEmpty = (v: unknown) => Array.isArray(v) && v.length > 0;
    if (nonEmpty(p.aliasAttributes) && nonEmpty(p.usernameAttributes)) out.push("usernameAttributes");
    // Custom SMS/email senders require KMSKeyID.
    const lambda = p.lambdaConfig;
    if (isRecord(lambda) && (set(lambda.customSmsSender) || set(lambda.customEmailSender)) && !set(lambda.kmsKeyId)) out.push("lambdaConfig.kmsKeyId");
    // DEVELOPER requires SourceArn. (Custom email templates need no DEVELOPER sending: Terraform's
    // acceptance tests deploy them with Cognito's default sending, docs/cognito.md "Corrected".)
    const sending = get(p, "emailConfiguration", "emailSendingAccount");
    if (sending === "DEVELOPER" && !set(get(p, "emailConfiguration", "sourceArn"))) out.push("emailConfiguration.sourceArn");
    // TemporaryPasswordValidityDays replaces UnusedAccountValidityDays.
    // UnusedAccountValidityDays is refused outright: Cognito refuses it beside the password policy every
    // update sends ("Please use TemporaryPasswordValidityDays in PasswordPolicy", aws/aws-sdk-js#3817).
    if (set(get(p, "adminCreateUserConfig", "unusedAccountValidityDays"))) out.push("adminCreateUserConfig.unusedAccountValidityDays");
    // A legacy text and its template text are one to Cognito: two different ones are refused.
    for (const [legacy, template] of [["smsVerificationMessage", "smsMessage"], ["emailVerificationMessage", "emailMessage"], ["emailVerificationSubject", "emailSubject"]]) {
        const t = get(p, "verificationMessageTemplate", template);
        if (set(p[legacy]) && set(t) && p[legacy] !== t) out.push(legacy);
    }
    // Attributes verified before update must be auto-verified (judged only when autoVerifiedAttributes is a list or absent).
    const auto = p.autoVerifiedAttributes;
    const before = get(p, "userAttributeUpdateSettings", "attributesRequireVerificationBeforeUpdate");
    if ((auto === undefined || Array.isArray(auto)) && Array.isArray(before) && before.some((a) => !(auto ?? []).includes(a))) {
        out.push("userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate");
    }
    // Custom attributes: no custom:/dev: prefix, unique names, not required, a type, constraints of that
    // type, min <= max, maxLength <= 2048. (At most 50 attributes and names up to 20 are the model's, a row's.)
    if (Array.isArray(p.schema)) {
        const seen = new Set<string>();
        p.schema.forEach((a: unknown, i: number) => {
            if (!isRecord(a) || typeof a.name !== "string") return;
            const at = `schema[${i}]`;
            if (/^(dev:|custom:)/.test(a.name)) {
                out.push(`${at}.name`);
                return;
            }
            if (seen.has(a.name)) out.push(`${at}.name`);
            seen.add(a.name);
            if (STANDARD.includes(a.name)) return;
            if (a.required === true) out.push(`${at}.required`);
            const type = a.attributeDataType;
            if (!set(type)) out.push(`${at}.attributeDataType`);
            if (isRecord(a.numberAttributeConstraints) && set(type) && type !== "Number") out.push(`${at}.numberAttributeConstraints`);
            if (isRecord(a.stringAttributeConstraints) && set(type) && type !== "String") out.push(`${at}.stringAttributeConstraints`);
            const n = a.numberAttributeConstraints;
            if (isRecord(n) && set(n.minValue) && set(n.maxValue) && Number(n.minValue) > Number(n.maxValue)) out.push(`${at}.numberAttributeConstraints`);
            const s = a.stringAttributeConstraints;
            if (isRecord(s) && set(s.minLength) && set(s.maxLength) && Number(s.minLength) > Number(s.maxLength)) out.push(`${at}.stringAttributeConstraints`);
            if (set(get(s, "maxLength")) && Number(s.maxLength) > 2048) out.push(`${at}.stringAttributeConstraints.maxLength`);
        });
    }
    // Email MFA: a factor that needs MFA on, DEVELOPER sending, and a recovery besides email.
    const emailMfa = isRecord(p.emailMfaConfiguration);
    if (emailMfa && !mfaOn) out.push("emailMfaConfiguration");
    if (emailMfa && get(p, "emailConfiguration", "emailSendingAccount") !== "DEVELOPER") out.push("emailMfaConfiguration");
    const recovery = get(p, "accountRecoverySetting", "recoveryMechanisms");
    if (emailMfa && Array.isArray(recovery) && recovery.length > 0 && recovery.every((m: unknown) => isRecord(m) && m.name === "verified_email")) {
        out.push("accountRecoverySetting.recoveryMechanisms");
    }
    // Feature plans: what needs ESSENTIALS or PLUS (a tier nobody declared is ESSENTIALS).
    const tier = ["LITE", "ESSENTIALS", "PLUS"].indexOf(p.userPoolTier ?? "ESSENTIALS");
    const factors = get(p, "policies", "signInPolicy", "allowedFirstAuthFactors");
    const version = get(p, "lambdaConfig", "preTokenGenerationConfig", "lambdaVersion");
    const mode = get(p, "userPoolAddOns", "advancedSecurityMode");
    const needs: [number, string, boolean][] = [
        [1, "policies.signInPolicy.allowedFirstAuthFactors", Array.isArray(factors) && factors.some((f) => f !== "PASSWORD")],
        [1, "policies.passwordPolicy.passwordHistorySize", (get(p, "policies", "passwordPolicy", "passwordHistorySize") ?? 0) > 0],
        [1, "lambdaConfig.preTokenGenerationConfig.lambdaVersion", version === "V2_0" || version === "V3_0"],
        [1, "emailMfaConfiguration", emailMfa],
        [1, "webAuthnConfiguration", isRecord(p.webAuthnConfiguration) && set(p.webAuthnConfiguration.relyingPartyId)],
        [2, "userPoolAddOns.advancedSecurityMode", mode === "AUDIT" || mode === "ENFORCED"],
        [2, "userPoolAddOns.advancedSecurityAdditionalFlows", set(get(p, "userPoolAddOns", "advancedSecurityAdditionalFlows", "customAuthMode"))],
    ];
    for (const [level, path, on] of needs) if (on && level > tier) out.push(path);
    // First sign-in factors: passkeys need a companion; with MFA, no one-time codes.
    if (Array.isArray(factors) && factors.length === 1 && factors[0] === "WEB_AUTHN") out.push("policies.signInPolicy.allowedFirstAuthFactors");
    else if (Array.isArray(factors) && mfaOn && factors.some((f) => f === "EMAIL_OTP" || f === "SMS_OTP")) out.push("policies.signInPolicy.allowedFirstAuthFactors");
    // The legacy pre token generation trigger and the versioned one are one: two different ARNs are refused.
    const legacyPre = get(p, "lambdaConfig", "preTokenGeneration");
    const configPre = get(p, "lambdaConfig", "preTokenGenerationConfig", "lambdaArn");
    if (set(legacyPre) && set(configPre) && legacyPre !== configPre) out.push("lambdaConfig.preTokenGeneration");
    // The old sub goes into a custom String attribute the schema declares (AdminCreateUser refuses others).
    const keepSubAs = get(p, "copyUsersOnReplacement", "keepSubAs");
    if (typeof keepSubAs === "string") {
        const short = keepSubAs.replace(/^custom:/, "");
        const attribute = (Array.isArray(p.schema) ? p.schema : []).find((a: Props) => isRecord(a) && String(a.name).replace(/^custom:/, "") === short);
        const standard = ["sub", "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website", "email", "email_verified", "gender", "birthdate", "zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "updated_at", "identities"];
        if (!attribute || standard.includes(String(attribute.name).replace(/^dev:/, "").replace(/^custom:/, "")) || (set(attribute.attributeDataType) && attribute.attributeDataType !== "String")) {
            out.push("copyUsersOnReplacement.keepSubAs");
        }
    }
    // Recovery mechanisms: distinct priorities, distinct names, admin_only alone.
    const mechanisms = get(p, "accountRecoverySetting", "recoveryMechanisms");
    if (Array.isArray(mechanisms)) {
        const items = mechanisms.filter(isRecord);
        const priorities = items.map((m) => m.priority).filter(set);
        const names = items.map((m) => m.name).filter(set);
        if (new Set(priorities).size < priorities.length || new Set(names).size < names.length || (names.includes("admin_only") && names.length > 1)) {
            out.push("accountRecoverySetting.recoveryMechanisms");
        }
    }
    return [...new Set(out)].sort();
}

// ---------------------------------------------------------------------------------------------------
// Placing a value at a target in a copy of a base: missing containers are made valid (their required
// members included), a list item is one of the list's items (or a new valid one).

interface Placed {
    input: Props;
    segs: Seg[];
    /** The object holding the target, and the target's key in it. */
    holder: Props;
    key: string;
}

function place(r: Rand, base: Props, target: Target): Placed {
    const input = structuredClone(base);
    let node: Props = input;
    const segs: Seg[] = [];
    for (let i = 0; i < target.segs.length - 1; i++) {
        const name = target.segs[i];
        const row = target.fields[i]!;
        if (name === ITEM) continue;
        segs.push(name);
        const c: Context = { path: pathText(segs), field: row, parent: "" };
        if (row.shape.kind === "object") {
            if (!isRecord(node[name])) node[name] = validValue(r, row.shape, c, true);
            node = node[name];
        } else if (row.shape.kind === "objectList") {
            if (!Array.isArray(node[name]) || node[name].length === 0) node[name] = validValue(r, row.shape, c, true);
            const list = node[name] as Props[];
            const index = r.int(0, list.length - 1);
            if (!isRecord(list[index])) list[index] = validObject(r, row.shape.fields, `${c.path}[${index}]`, true);
            segs.push(index);
            node = list[index];
        }
    }
    const key = target.segs[target.segs.length - 1];
    segs.push(key);
    return { input, segs, holder: node, key };
}

// ---------------------------------------------------------------------------------------------------

// Checked as an update of an existing resource: a create that adopts (existingPoolId) would read the pool.
const check = async (news: Props) => (await provider.check!({ poolName: "existing" }, news)).failures ?? [];

/** A failure at the path, inside it, or at an object holding it. */
const related = (property: string, path: string) =>
    property === path ||
    property.startsWith(`${path}.`) ||
    property.startsWith(`${path}[`) ||
    property.startsWith(`${path} key `) ||
    path.startsWith(`${property}.`) ||
    path.startsWith(`${property}[`);

const everything = Object.assign({}, ...memberSamples.map((s) => ({ ...s.with, [s.member]: s.value })));
const { aliasAttributes: _alias, ...withUsernameAttributes } = everything;
const { usernameAttributes: _username, ...withAliasAttributes } = everything;
const bases: [string, Props][] = [
    ["minimal", { poolName: "p" }],
    ...memberSamples.map((s): [string, Props] => [s.member, { poolName: "p", ...s.with, [s.member]: s.value }]),
    ["every member, usernameAttributes", { poolName: "p", ...withUsernameAttributes }],
    ["every member, aliasAttributes", { poolName: "p", ...withAliasAttributes }],
    ["TOTP MFA", { poolName: "p", mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } }],
];

interface Mutation {
    base: string;
    mode: "valid" | "invalid" | "unknown";
    kind: string;
    path: string;
    input: Props;
    /** For unknown mutations: the rule failures allowed elsewhere. */
    allowed?: string[];
}

function mutations(seed: number, count: number): Mutation[] {
    const r = new Rand(seed);
    const out: Mutation[] = [];
    const objectTargets = targets.filter((t) => t.field.shape.kind === "object");
    const requiredTargets = targets.filter((t) => t.field.required);
    while (out.length < count) {
        // The richest bases hold what the rules pair up (both sign-in lists, DEVELOPER sending, a
        // temporary-password validity, senders with their key): they are picked more often.
        const [baseName, base] = r.chance(0.4) ? r.pick(bases.filter(([name]) => name.startsWith("every member"))) : r.pick(bases);
        const roll = r.int(0, 99);
        if (roll < 5) {
            // A misspelled member, at the top or inside an object (or a list item).
            const top = r.chance(0.3);
            const holderTarget = top ? undefined : r.pick([...objectTargets, ...targets.filter((t) => t.field.shape.kind === "objectList")]);
            let input: Props;
            let holder: Props;
            let holderPath: string;
            let fields: readonly Field[];
            if (!holderTarget) {
                input = structuredClone(base);
                holder = input;
                holderPath = "";
                fields = TOP;
            } else {
                const itemTarget = holderTarget.field.shape.kind === "objectList"
                    ? targets.find((t) => t.segs.length === holderTarget.segs.length + 2 && holderTarget.segs.every((s, i) => t.segs[i] === s))!
                    : undefined;
                const placed = place(r, base, itemTarget ?? holderTarget);
                input = placed.input;
                if (itemTarget) {
                    holder = placed.holder;
                    holderPath = pathText(placed.segs.slice(0, -1));
                    fields = (holderTarget.field.shape as Extract<Shape, { kind: "objectList" }>).fields;
                } else {
                    const c: Context = { path: pathText(placed.segs), field: holderTarget.field, parent: "" };
                    if (!isRecord(placed.holder[placed.key])) placed.holder[placed.key] = validValue(r, holderTarget.field.shape, c, true);
                    holder = placed.holder[placed.key];
                    holderPath = c.path;
                    fields = (holderTarget.field.shape as Extract<Shape, { kind: "object" }>).fields;
                }
            }
            const names = fields.map((f) => f.name);
            const key = misspell(r, r.pick(names), names);
            holder[key] = holder[names.find((n) => n.toLowerCase() === key.toLowerCase()) ?? ""] ?? "x";
            out.push({ base: baseName, mode: "invalid", kind: "unknown property", path: holderPath ? `${holderPath}.${key}` : key, input });
            continue;
        }
        if (roll < 10) {
            // A required member left out.
            const target = r.pick(requiredTargets);
            const placed = place(r, base, target);
            delete placed.holder[placed.key];
            out.push({ base: baseName, mode: "invalid", kind: "required missing", path: pathText(placed.segs), input: placed.input });
            continue;
        }
        // A third of the picks go to the members the cross-member rules read, so every rule is met often.
        const target = r.chance(0.35) ? r.pick(ruleTargets) : r.pick(targets);
        const placed = place(r, base, target);
        const path = pathText(placed.segs);
        const c: Context = { path, field: target.field, parent: "" };
        if (roll < 20) {
            const allowed = new Set<string>();
            delete placed.holder[placed.key];
            ruleOracle(placed.input).forEach((p) => allowed.add(p));
            placed.holder[placed.key] = validValue(r, target.field.shape, c);
            ruleOracle(placed.input).forEach((p) => allowed.add(p));
            placed.holder[placed.key] = UNKNOWN;
            out.push({ base: baseName, mode: "unknown", kind: "unknown at preview", path, input: placed.input, allowed: [...allowed] });
        } else if (roll < 60) {
            placed.holder[placed.key] = validValue(r, target.field.shape, c);
            out.push({ base: baseName, mode: "valid", kind: target.field.shape.kind, path, input: placed.input });
        } else {
            const bad = invalidValue(r, target.field.shape, c);
            placed.holder[placed.key] = bad.value;
            out.push({ base: baseName, mode: "invalid", kind: bad.kind, path, input: placed.input });
        }
    }
    return out;
}

const show = (v: unknown) => {
    const text = JSON.stringify(v);
    return text.length > 600 ? `${text.slice(0, 600)}...` : text;
};

describe(`check, fuzzed: ${MUTATIONS} seeded mutations of valid inputs`, function () {
    this.timeout(120_000);

    it("every base is valid, for check and for the oracle", async () => {
        for (const [name, base] of bases) {
            assert.deepEqual(await check(base), [], name);
            assert.deepEqual(ruleOracle(base), [], name);
        }
    });

    it("every string row has a valid and an invalid generator", () => {
        const r = new Rand(1);
        for (const t of targets) {
            if (t.field.shape.kind !== "string") continue;
            const c: Context = { path: t.segs.join("."), field: t.field, parent: "" };
            assert.equal(typeof validString(r, t.field.shape, c), "string");
            invalidString(r, t.field.shape, c);
        }
    });

    it("check never throws, refuses every invalid mutation at its path, and gives a valid one exactly the rule failures the oracle predicts", async () => {
        const counts: Record<string, number> = {};
        const count = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
        const problems: string[] = [];
        const started = Date.now();
        const all = mutations(SEED, MUTATIONS);
        const paths = new Set<string>();
        for (const [i, m] of all.entries()) {
            let failures;
            try {
                failures = await check(m.input);
            } catch (err) {
                problems.push(`#${i} ${m.mode} ${m.kind} at ${m.path} (base ${m.base}): check threw ${(err as Error).stack}`);
                continue;
            }
            if (m.kind !== "unknown property") paths.add(m.path.replace(/\[\d+\]/g, ".[]"));
            const where = `#${i} ${m.mode} ${m.kind} at ${m.path} (base ${m.base}): got ${JSON.stringify(failures)} for ${show(m.input)}`;
            for (const f of failures) if (!f.reason.startsWith(`'${f.property}'`)) problems.push(`${where}: a reason does not start with its path`);
            const got = [...new Set(failures.map((f) => f.property))].sort();
            if (m.mode === "valid") {
                const expected = ruleOracle(m.input);
                count("valid (total)");
                count(expected.length ? "valid by shape, refused by a rule" : "valid, no failure expected");
                for (const p of expected) count(`rule failure expected at: ${p.replace(/\[\d+\]/g, "[]")}`);
                count(`valid: ${m.kind}`);
                if (JSON.stringify(got) !== JSON.stringify(expected)) problems.push(`${where}: expected exactly ${JSON.stringify(expected)}`);
            } else if (m.mode === "invalid") {
                count("invalid (total)");
                count(`invalid: ${m.kind}`);
                if (!failures.some((f) => related(f.property, m.path))) problems.push(`${where}: expected a failure at ${m.path}`);
                const expected = ruleOracle(m.input);
                const stray = got.filter((p) => !related(p, m.path) && !expected.includes(p));
                if (stray.length) problems.push(`${where}: unexpected failures at ${stray.join(", ")}`);
            } else {
                count("unknown at preview (total)");
                if (failures.some((f) => f.property === m.path || f.property.startsWith(`${m.path}.`) || f.property.startsWith(`${m.path}[`))) {
                    problems.push(`${where}: an unknown value was refused`);
                }
                const stray = got.filter((p) => !m.allowed!.includes(p));
                if (stray.length) problems.push(`${where}: unexpected failures at ${stray.join(", ")}`);
            }
        }
        const ms = Date.now() - started;
        console.log(`      ${all.length} mutations in ${ms} ms over ${paths.size} property paths (seed ${SEED.toString(16)}):`);
        for (const key of Object.keys(counts).sort()) console.log(`        ${key}: ${counts[key]}`);
        assert.ok(all.length >= 1000);
        assert.ok(counts["valid (total)"] >= 300, "enough valid mutations");
        assert.ok(counts["valid, no failure expected"] >= 200, "enough wholly valid mutations");
        assert.ok(counts["valid by shape, refused by a rule"] >= 50, "enough mutations that only a rule refuses");
        assert.ok(counts["invalid (total)"] >= 300, "enough invalid mutations");
        assert.ok(paths.size >= targets.length * 0.9, `most rows mutated (${paths.size} of ${targets.length})`);
        // Every rule was met by valid-by-shape mutations.
        for (const p of [
            "mfaConfiguration", "softwareTokenMfaConfiguration.enabled", "usernameAttributes", "lambdaConfig.kmsKeyId",
            "emailConfiguration.sourceArn", "adminCreateUserConfig.unusedAccountValidityDays",
            "userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate", "schema[].name", "schema[].required",
            "schema[].attributeDataType", "schema[].numberAttributeConstraints", "schema[].stringAttributeConstraints",
            "schema[].stringAttributeConstraints.maxLength", "accountRecoverySetting.recoveryMechanisms",
        ]) {
            assert.ok(counts[`rule failure expected at: ${p}`] > 0, `no valid mutation met the rule failing at ${p}`);
        }
        assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems`);
    });
});
