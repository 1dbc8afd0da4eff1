// What the stack stores for a pool: the resource's outputs, built here and nowhere else, from what
// Cognito holds (the pool's live state) and the program that was applied (the inputs check returned).
//
// - Every setting as the pool holds it, under the input's own name and path, so that the engine re-marks
//   as secret whatever the program marked secret (pkg/resource/plugin/provider_plugin.go, annotateSecrets:
//   an output is marked where the input of the same path held a secret). Nothing the program declared is
//   copied under any other key: the record of the declaration (`__declared`) holds paths, never values.
// - What Cognito computes (arn, endpoint, dates, the user count, every attribute).
// - The program's own inputs (consent, adoption, resource options, secret paths, the URN), from the
//   program that was applied, never carried over from an earlier record: a consent the program withdrew
//   is gone from the record the moment the update that withdrew it succeeds.
// - `adopted`, what an adoption kept and changed, with no value at a secret path.
//
// A refresh (read) has only the previous record: it rebuilds the record from the live pool and the
// previous record's program part, and gives the engine the inputs a program would have written
// (refreshedInputs), so that the next preview shows exactly the drift.
import { isRecord } from "../pool/convert";
import { changedPaths, desiredValue } from "../pool/defaults";
import { regionOfPool, resourceInputs } from "../pool/resourceInputs";
import { allAttributes, Attribute, compactAttributes, isCustom, recordedAttributes, schemaAsDeclared, shortName } from "../pool/attributes";
import { secretPaths, touchesSecret } from "../pool/secrets";
import { Field } from "../pool/table";
import { userPoolProperties } from "../pool/properties";

type Props = Record<string, any>;

/** The paths of the settings the program declared that Cognito would otherwise fill in itself. Paths only. */
export const DECLARED = "__declared";
/** What Cognito chose itself and the program did not declare: kept in the record, not shown (see split). */
export const COGNITO_OWN = "__cognito";

/** Outputs that Cognito computes; everything else in the outputs is an input, as the pool holds it. */
export const COMPUTED_OUTPUTS = [
    "arn", "endpoint", "creationDate", "lastModifiedDate", "estimatedNumberOfUsers", "schemaAttributes", "domain", "customDomain",
] as const;

/** The settings of a pool: the table's rows and the MFA factors only SetUserPoolMfaConfig sets. */
export const SETTINGS: readonly Field[] = [...userPoolProperties, ...resourceInputs.filter((f) => f.apply === "setUserPoolMfaConfig")];

/** The program's own inputs: never in Cognito; a record holds those of the program last applied. */
export const PROGRAM_INPUTS: readonly string[] = [
    ...resourceInputs.filter((f) => f.apply === "state" || f.apply === "createOnly" || f.apply === "options").map((f) => f.name),
    "adopted",
];

/**
 * The record of a pool. `live` is the pool as Cognito holds it, in the input shape (poolState, plus the
 * MFA factors), with the computed outputs; `program` the inputs check returned for the program applied
 * (or, for a refresh, programOf the previous record).
 */
export function poolRecord(live: Props, program: Props): Props {
    const secrets = secretPaths(program);
    const record: Props = {};
    for (const name of PROGRAM_INPUTS) if (program[name] !== undefined) record[name] = program[name];
    // A refresh carries the previous record's paths (programOf); an applied program has its own.
    const paths: string[] = Array.isArray(program[DECLARED]) ? program[DECLARED] : declaredPaths(program);
    const declared = new Set(paths);
    const cognitoOwn: Props = {};
    for (const field of SETTINGS) {
        if (field.name === "schema") continue;
        const { shown, own } = split(field, live[field.name], field.name, declared);
        if (shown !== undefined) record[field.name] = shown;
        if (own !== undefined) cognitoOwn[field.name] = own;
    }
    if (Object.keys(cognitoOwn).length > 0) record[COGNITO_OWN] = cognitoOwn;
    // The schema: the attributes the program declares, with the members it declares, as the pool holds
    // them. Attributes added outside Pulumi are only in schemaAttributes (and the program never removes them).
    const attributes = recordedAttributes(live.schemaAttributes, live.schema);
    if (Array.isArray(program.schema)) record.schema = schemaAsDeclared(attributes, program.schema);
    for (const name of COMPUTED_OUTPUTS) if (live[name] !== undefined) record[name] = live[name];
    record.region = live.region;
    record.schemaAttributes = withoutSecretAttributes(compactAttributes(attributes), program.schema, secrets);
    if (isRecord(program.adopted)) record.adopted = withoutSecretChanges(program.adopted, secrets);
    record[DECLARED] = paths;
    return withoutUndefined(record);
}

/**
 * The pool as a record holds it, in one piece: the settings shown and those Cognito chose itself, which the
 * record keeps apart (COGNITO_OWN). What diff, update and read compare and resend.
 */
export function poolOf(record: Props): Props {
    const { [COGNITO_OWN]: own, ...shown } = record;
    return isRecord(own) ? merged(shown, own) : record;
}

function merged(a: Props, b: Props): Props {
    const out: Props = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = isRecord(v) && isRecord(out[k]) ? merged(out[k], v) : v;
    return out;
}

/**
 * A setting split into what the record shows and what it keeps apart. Shown: what the program declares,
 * as the pool holds it, and each setting with a default of its own (filled in where Cognito reports
 * nothing, as check fills in the inputs). Kept apart: what Cognito chose itself and the program did not
 * declare (default message texts, the tier, case sensitivity, a report of nothing set). The engine shows a
 * replacement as the old outputs against the new inputs (getResourcePropertiesDetails), and a new pool's
 * inputs cannot hold what Cognito will choose: shown, these would read as removed.
 */
function split(field: Field, live: unknown, path: string, declared: Set<string>): { shown?: unknown; own?: unknown } {
    const cognitos = field.undeclared === "keep" || field.undeclared === "ignore";
    if (cognitos && !declared.has(path)) return { own: live };
    if (live === undefined) return { shown: cognitos ? undefined : desiredValue(field, undefined, undefined) };
    if (field.undeclared === "absent" && !declared.has(path) && changedPaths(field, live, undefined).length === 0) return { own: live };
    if (field.shape.kind !== "object" || !isRecord(live)) return { shown: live };
    const shown: Props = {};
    const own: Props = {};
    for (const child of field.shape.fields) {
        const part = split(child, live[child.name], `${path}.${child.name}`, declared);
        if (part.shown !== undefined) shown[child.name] = part.shown;
        if (part.own !== undefined) own[child.name] = part.own;
    }
    const hasOwn = Object.keys(own).length > 0;
    // A nested object holding only what Cognito chose (the invitation texts) is not shown at all.
    if (field.apply === undefined && Object.keys(shown).length === 0 && !declared.has(path)) return { own: hasOwn ? own : undefined };
    return { shown, own: hasOwn ? own : undefined };
}

/**
 * The program part of a record: what a refresh carries from the previous record into the new one. For
 * records written by 0.2.0, whose `__declared` held the whole declaration, the paths are taken from it;
 * records written by 0.1.0 have none, and their `schema` output was the declared attributes.
 */
export function programOf(record: Props): Props {
    const program: Props = {};
    for (const name of PROGRAM_INPUTS) if (record[name] !== undefined) program[name] = record[name];
    const declared = record[DECLARED];
    if (isRecord(declared)) {
        // 0.2.0: the declaration itself (values included: never written again).
        if (Array.isArray(declared.schema)) program.schema = declared.schema;
        program[DECLARED] = declaredPaths(declared);
    } else {
        if (Array.isArray(record.schema)) program.schema = record.schema;
        program[DECLARED] = Array.isArray(declared) ? declared : [];
    }
    return program;
}

/**
 * Whether the record's secret paths are not the program's: marking secret a value declared before (or no
 * longer marking one) is a change Cognito never sees, so the plan has no call for it, and Diff must still
 * report it. The engine keeps a resource's outputs as they were when Diff finds no change (step.go,
 * SameStep): the record would go on listing a newly secret attribute in schemaAttributes, or quoting a
 * newly secret value in the adoption notes. An update with no call rewrites the record instead.
 */
export function secretsBehind(record: Props, news: Props): boolean {
    // Unknown at preview (it never is while the secret marks are known): may change, as any unknown input.
    if (news.secretInputs !== undefined && !Array.isArray(news.secretInputs)) return true;
    const before = new Set<string>(Array.isArray(record.secretInputs) ? record.secretInputs : []);
    const now: unknown[] = Array.isArray(news.secretInputs) ? news.secretInputs : [];
    return now.length !== before.size || now.some((p) => typeof p !== "string" || !before.has(p));
}

/** The schema the program declared before (what a removal is measured against). */
export function declaredSchema(record: Props): unknown {
    const declared = record[DECLARED];
    return isRecord(declared) ? declared.schema : record.schema;
}

/**
 * The inputs a refresh records: those a program would write to get the pool as it is. The filled-in
 * settings (every member with a default: check fills them too, see filledInputs) as the pool holds them,
 * the settings Cognito fills in itself only where the program declared them, the declared attributes,
 * and the program's own inputs. So the next preview shows the drift at its path, and nothing else.
 */
export function refreshedInputs(record: Props): Props {
    const program = programOf(record);
    const declared = new Set<string>(program[DECLARED]);
    const inputs: Props = {};
    for (const name of PROGRAM_INPUTS) if (program[name] !== undefined) inputs[name] = program[name];
    for (const field of SETTINGS) {
        if (field.name === "schema") continue;
        const value = asProgramWrites(field, record[field.name], field.name, declared);
        if (value !== undefined) inputs[field.name] = value;
    }
    if (Array.isArray(record.schema)) inputs.schema = record.schema;
    if (declared.has("region") && record.region !== undefined) inputs.region = record.region;
    return inputs;
}

/**
 * The inputs check returns: the declaration with every setting Cognito has a default for filled in, as a
 * new pool gets it. The engine shows a replacement as the old pool's outputs against these inputs
 * (pkg/backend/display/object_diff.go, getResourcePropertiesDetails: old.Outputs against new.Outputs, which
 * a provider that cannot preview answers with the inputs), so what the new pool keeps shows as kept, and a
 * setting removed from the program shows as going back to its default, not as removed.
 */
export function filledInputs(declared: Props): Props {
    const inputs: Props = { ...declared };
    for (const field of SETTINGS) {
        if (field.name === "schema") continue;
        const value = desiredValue(field, undefined, declared[field.name]);
        if (value !== undefined) inputs[field.name] = value;
    }
    return inputs;
}

/** The value as a program writes it: kept members only where declared; everything else with its defaults. */
function asProgramWrites(field: Field, live: unknown, path: string, declared: Set<string>): unknown {
    if (field.undeclared === "keep" || field.undeclared === "ignore") {
        if (!declared.has(path)) return undefined;
        if (live === undefined) return undefined;
    }
    if (live === undefined) return desiredValue(field, undefined, undefined);
    // A member nobody declared that reads back as nothing set (the passkey defaults Cognito reports on a
    // pool that never set passkeys) is not written: check writes none.
    if (field.undeclared === "absent" && !declared.has(path) && changedPaths(field, live, undefined).length === 0) return undefined;
    if (field.shape.kind === "object" && isRecord(live)) {
        const out: Props = {};
        for (const child of field.shape.fields) {
            const value = asProgramWrites(child, live[child.name], `${path}.${child.name}`, declared);
            if (value !== undefined) out[child.name] = value;
        }
        // A nested object holding only what Cognito fills in itself is not written (check fills none in).
        if (field.apply === undefined && Object.keys(out).length === 0 && !declared.has(path)) return undefined;
        return field.normalize ? field.normalize(out) : out;
    }
    return live;
}

/**
 * The paths of the members the inputs declare that are not always written: those Cognito fills in itself
 * ("keep"/"ignore"), and those that mean something only when set ("absent").
 */
function declaredPaths(inputs: Props): string[] {
    const paths: string[] = [];
    const walk = (fields: readonly Field[], value: Props, prefix: string) => {
        for (const field of fields) {
            const member = value[field.name];
            if (member === undefined || field.name === "schema") continue;
            const path = prefix ? `${prefix}.${field.name}` : field.name;
            if (field.undeclared !== undefined) paths.push(path);
            if (field.shape.kind === "object" && isRecord(member)) walk(field.shape.fields, member, path);
        }
    };
    walk(SETTINGS, inputs, "");
    if (inputs.region !== undefined) paths.push("region");
    return paths;
}

/** `adopted.changes` quote the pool's and the program's values: not at a secret path. */
function withoutSecretChanges(adopted: Props, secrets: readonly string[]): Props {
    if (secrets.length === 0 || !Array.isArray(adopted.changes)) return adopted;
    return {
        ...adopted,
        changes: adopted.changes.map((change: unknown) => {
            const path = String(change).split(":")[0];
            return touchesSecret(path, secrets) ? `${path}: changed (the value is secret)` : change;
        }),
    };
}

/** schemaAttributes is a copy of the declared attributes: one the program marked secret is left out. */
function withoutSecretAttributes(attributes: Attribute[], schema: unknown, secrets: readonly string[]): Attribute[] {
    if (!Array.isArray(schema) || !secrets.some((p) => touchesSecret(p, ["schema"]))) return attributes;
    const hidden = new Set<string>();
    schema.forEach((item, i) => {
        if (!touchesSecret(`schema[${i}]`, secrets)) return;
        if (isRecord(item) && typeof item.name === "string") hidden.add(shortName(item.name));
        else hidden.add("*");
    });
    return attributes.filter((a) => !(hidden.has(shortName(a.name)) || (hidden.has("*") && isCustom(a.name))));
}

/** The pool's region, from its ARN or id. */
export function regionOf(pool: Props): string | undefined {
    return regionOfPool(pool.Arn) ?? regionOfPool(pool.Id);
}

/** Outputs must be JSON-clean: an undefined anywhere fails the engine call (provider_plugin.go, MarshalProperties). */
export function withoutUndefined<T>(value: T): T {
    if (Array.isArray(value)) return value.map(withoutUndefined) as T;
    if (isRecord(value)) {
        return Object.fromEntries(
            Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, withoutUndefined(v)]),
        ) as T;
    }
    return value;
}

/** Custom attributes the pool has that neither this declaration nor the one before names: added outside Pulumi. */
export function undeclaredAttributes(olds: Props, news: Props): string[] {
    if (!Array.isArray(news.schema)) return [];
    const named = new Set<string>();
    for (const list of [news.schema, declaredSchema(olds)]) {
        if (Array.isArray(list)) for (const a of list) if (isRecord(a) && typeof a.name === "string") named.add(shortName(a.name));
    }
    return allAttributes(olds.schemaAttributes)
        .map((a) => shortName(a.name))
        .filter((name) => isCustom(name) && !named.has(name));
}
