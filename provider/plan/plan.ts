// What it takes to go from the pool's state (`olds`: the outputs last recorded) to the declaration
// (`news`). diff shows this plan and update carries out the same plan, so preview shows what up does.
import { isRecord, toCognito } from "../pool/convert";
import { changedPaths, desiredValue } from "../pool/defaults";
import { Attribute, recordedAttributes, schemaChanges } from "../pool/attributes";
import { MFA_MEMBERS, mfaInPlay, needsMfaConfigAfterCreate } from "./mfa";
import { Field, isUnknown } from "../pool/table";
import { declaredSchema } from "../state/record";
import { resourceInputs } from "../pool/resourceInputs";
import { userPoolProperties } from "../pool/properties";

export interface Plan {
    /** Every changed property path, for the preview. */
    changed: string[];
    /** Top-level members whose change needs a new pool. */
    replaces: string[];
    /** Of those, the ones whose new value is not known yet (preview): the replacement may not happen. */
    replacesIfChanged: string[];
    /** Changes Cognito cannot make at all (schema modifications and removals). */
    refused: string[];
    /** Why the schema forces a replacement, when the user consented to one (replaceOnSchemaChange). */
    schemaReplacement: string[];
    updateUserPool: boolean;
    setUserPoolMfaConfig: boolean;
    addAttributes: Attribute[];
    tagsToRemove: string[];
    tagsToSet: Record<string, string>;
}

type Props = Record<string, unknown>;

export function plan(olds: Props, news: Props): Plan {
    const result: Plan = {
        changed: [], replaces: [], replacesIfChanged: [], refused: [], schemaReplacement: [], updateUserPool: false, setUserPoolMfaConfig: false,
        addAttributes: [], tagsToRemove: [], tagsToSet: {},
    };
    for (const field of [...userPoolProperties, ...resourceInputs]) {
        if (field.apply === "addCustomAttributes") {
            // What the program declared before (state/record.ts, declaredSchema), not the pool's attributes: one added outside
            // Pulumi is not a removal the program asks for.
            const declaredBefore = declaredSchema(olds);
            const schema = schemaChanges(declaredBefore, recordedAttributes(olds.schemaAttributes, declaredBefore), news.schema);
            result.addAttributes = schema.added;
            const refused = schema.refused.map((r) => `schema: ${r}`);
            if (refused.length > 0 && news.replaceOnSchemaChange === true) {
                result.schemaReplacement = refused;
                result.replaces.push("schema");
            } else {
                result.refused = refused;
            }
            result.changed.push(...schema.added.map((a) => `schema[${a.name}]`), ...(refused.length ? ["schema"] : []));
            if (isUnknown(news.schema)) result.changed.push("schema");
            continue;
        }
        if (field.apply === "createOnly" || field.apply === "options") continue;
        const paths = changedPaths(field, olds[field.name], news[field.name]);
        if (paths.length === 0) continue;
        result.changed.push(...paths);
        if (field.apply === "replace") {
            result.replaces.push(field.name);
            if (containsUnknown(news[field.name])) result.replacesIfChanged.push(field.name);
        }
        if (field.apply === "updateUserPool") result.updateUserPool = true;
        if (field.apply === "tags") Object.assign(result, tagChanges(olds.userPoolTags, news.userPoolTags));
        if (field.apply === "setUserPoolMfaConfig") result.setUserPoolMfaConfig = true;
        // Cognito switches MFA (SMS or TOTP) on and changes it only through SetUserPoolMfaConfig, which
        // takes the whole MFA configuration: any change to it while MFA is or was on goes that way.
        if (MFA_MEMBERS.includes(field.name) && (mfaInPlay(olds) || mfaInPlay(news))) result.setUserPoolMfaConfig = true;
    }
    return result;
}

/** The complete UpdateUserPool request: every updatable member, never a delta (omissions reset). */
export function updateUserPoolRequest(id: string, olds: Props, news: Props): Props {
    const fields = userPoolProperties.filter((f) => f.apply === "updateUserPool" || f.apply === "tags");
    return { UserPoolId: id, ...toCognito(fields, desiredMembers(fields, olds, news)) };
}

/**
 * The CreateUserPool request: each member whose value (check filled in the defaults) is not what a new
 * pool gets anyway, each object completed with its defaults; a member Cognito fills in itself is sent
 * whenever it is declared (a declared case sensitivity, say, is stated, never left to Cognito).
 */
export function createUserPoolRequest(news: Props): Props {
    // With a TOTP factor declared, MFA is switched on right after creation by SetUserPoolMfaConfig:
    // CreateUserPool alone refuses MFA without an SMS configuration.
    const later = (name: string) => name === "mfaConfiguration" && needsMfaConfigAfterCreate(news);
    const differs = (f: Field) => f.undeclared === "keep" || changedPaths(f, undefined, news[f.name]).length > 0;
    const fields = userPoolProperties.filter((f) => news[f.name] !== undefined && f.apply !== "addCustomAttributes" && !later(f.name) && differs(f));
    return toCognito(fields, desiredMembers(fields, {}, news));
}

export function desiredMembers(fields: typeof userPoolProperties, olds: Props, news: Props): Props {
    const members: Props = {};
    for (const field of fields) {
        const value = desiredValue(field, olds[field.name], news[field.name]);
        if (value !== undefined) members[field.name] = value;
    }
    // Texts Cognito keeps as one are sent equal, the declared one winning: never an old text beside a new.
    for (const field of fields.filter((f) => f.sameAs)) {
        const [parent, child] = field.sameAs!.split(".");
        const template = isRecord(news[parent]) ? (news[parent] as Props)[child] : undefined;
        if (news[field.name] !== undefined && members[parent] !== undefined) {
            members[parent] = { ...(members[parent] as Props), [child]: news[field.name] };
        } else if (template !== undefined) {
            members[field.name] = template;
        }
    }
    return members;
}

function tagChanges(olds: unknown, news: unknown): Pick<Plan, "tagsToRemove" | "tagsToSet"> {
    const before = (isRecord(olds) ? olds : {}) as Record<string, string>;
    const after = (isRecord(news) ? news : {}) as Record<string, string>;
    return {
        tagsToRemove: Object.keys(before).filter((k) => !(k in after)),
        tagsToSet: Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v)),
    };
}

function containsUnknown(value: unknown): boolean {
    if (isUnknown(value)) return true;
    if (Array.isArray(value)) return value.some(containsUnknown);
    return isRecord(value) && Object.values(value).some(containsUnknown);
}
