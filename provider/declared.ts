// What the program declared, kept beside the pool's state. A dynamic provider sees only the outputs in
// diff and read (the host passes neither the old inputs to Diff nor, on refresh, to Read), yet two things
// need the declaration itself:
// - refresh: the inputs Read returns become the resource's inputs, and Pulumi displays every later diff
//   as old inputs against new ones. They must be the declaration with the pool's live values at its
//   paths, plus only the undeclared settings that drifted: nothing else, or the display invents changes.
// - the schema: removing an attribute from the program is a change Cognito cannot make, while an
//   attribute added outside Pulumi is not the program's doing and must never fail a refresh or a preview.
import { isRecord } from "./convert";
import { changedPaths } from "./desiredState";
import { declarationOf } from "./poolState";
import { resourceInputs } from "./resourceInputs";
import { shortName, isCustom } from "./schemaAttributes";
import { Field } from "./table";
import { userPoolProperties } from "./userPoolProperties";

type Props = Record<string, any>;

/** The output that keeps the declaration. Not a property of the UserPool class: only state holds it. */
export const DECLARED = "__declared";

/** The declaration as check returned it, without the serialized provider or what the provider keeps. */
export function declarationRecord(inputs: Props): Props {
    const { __provider: _p, [DECLARED]: _d, ...declared } = inputs;
    return declared;
}

const describing: readonly Field[] = [...userPoolProperties, ...resourceInputs.filter((f) => f.apply === "setUserPoolMfaConfig")];

/**
 * The inputs a refresh records: the declaration, with the pool's live value at every declared path, and
 * each undeclared setting whose live value is not what leaving it out means (drift a later `up` undoes).
 * Settings Cognito fills in itself (default texts) are never added: they are not drift.
 */
export function refreshedInputs(declared: Props, state: Props): Props {
    const inputs: Props = { ...declared };
    const minimal = declarationOf(state);
    for (const field of describing) {
        if (declared[field.name] !== undefined) {
            const projected = project(field, declared[field.name], state[field.name]);
            if (projected === undefined) delete inputs[field.name];
            else inputs[field.name] = projected;
        } else if (minimal[field.name] !== undefined && field.undeclared !== "keep" && field.undeclared !== "ignore" && field.name !== "poolName") {
            inputs[field.name] = minimal[field.name];
        }
    }
    if (declared.region !== undefined && state.region !== undefined) inputs.region = state.region;
    return inputs;
}

/** The live value in the declared value's shape: declared leaves, and undeclared leaves that drifted. */
function project(field: Field, declared: unknown, live: unknown): unknown {
    if (live === undefined) return undefined;
    const shape = field.shape;
    if (field.name === "schema") return projectSchema(declared, live);
    if (shape.kind !== "object" || !isRecord(declared) || !isRecord(live)) return live;
    const out: Props = {};
    for (const child of shape.fields) {
        if (declared[child.name] !== undefined) {
            const value = project(child, declared[child.name], live[child.name]);
            if (value !== undefined) out[child.name] = value;
        } else if (live[child.name] !== undefined && child.undeclared !== "keep" && child.undeclared !== "ignore" && changedPaths(child, live[child.name], undefined).length > 0) {
            out[child.name] = live[child.name];
        }
    }
    return out;
}

/** The declared attributes as the pool has them; attributes added outside Pulumi are left to `schemaAttributes`. */
function projectSchema(declared: unknown, live: unknown): unknown {
    if (!Array.isArray(declared) || !Array.isArray(live)) return live;
    const names = new Set(declared.filter(isRecord).map((a) => shortName(String(a.name))));
    return live.filter((a) => isRecord(a) && names.has(shortName(String(a.name))));
}

/** Custom attributes the pool has that neither this declaration nor the one before names: added outside Pulumi. */
export function undeclaredAttributes(olds: Props, news: Props): string[] {
    if (!Array.isArray(news.schema)) return [];
    const named = new Set<string>();
    for (const list of [news.schema, olds[DECLARED]?.schema]) {
        if (Array.isArray(list)) for (const a of list) if (isRecord(a) && typeof a.name === "string") named.add(shortName(a.name));
    }
    const reported: unknown[] = Array.isArray(olds.schemaAttributes) ? olds.schemaAttributes : [];
    return reported
        .filter(isRecord)
        .map((a) => shortName(String(a.name)))
        .filter((name) => isCustom(name) && !named.has(name));
}
