// What the user's declaration means against what Cognito holds, derived from each row's `default` and
// `undeclared`: which members differ (diff) and the full value to send for each member (create, update).
import { isRecord } from "./convert";
import { Field, isUnknown } from "./table";

/**
 * The paths (e.g. `policies.passwordPolicy.minimumLength`) at which the declaration `news` differs from
 * the pool's state `olds`. An unknown value (preview) counts as a difference.
 */
export function changedPaths(field: Field, olds: unknown, news: unknown, path: string = field.name): string[] {
    if (isUnknown(news)) return [path];
    if (field.normalize) {
        olds = field.normalize(olds);
        if (news !== undefined) news = field.normalize(news);
    }
    // The common case, and the cheap one: the declaration is exactly what the pool holds.
    if (news !== undefined && sameValue(olds, news)) return [];
    if (news === undefined && (field.undeclared === "keep" || field.undeclared === "ignore")) return [];
    if (field.undeclared === "absent" && field.shape.kind === "object") {
        const present = field.present ?? isRecord;
        if (present(olds) !== present(news)) return [path];
    }
    if (field.shape.kind === "object") {
        const o = isRecord(olds) ? olds : {};
        const n = isRecord(news) ? news : {};
        return field.shape.fields.flatMap((child) => changedPaths(child, o[child.name], n[child.name], `${path}.${child.name}`));
    }
    return sameValue(canonical(field, olds), canonical(field, news)) ? [] : [path];
}

/**
 * The value to send for `field` so that Cognito ends up holding exactly the declaration: the declared
 * value, else Cognito's default, else (for "keep" members) the current value, never an omission that
 * Cognito would fill in its own way. `olds` is the pool's current state, or undefined on create.
 */
export function desiredValue(field: Field, olds: unknown, news: unknown): unknown {
    const value = desiredRaw(field, olds, news);
    return field.normalize && value !== undefined ? field.normalize(value) : value;
}

function desiredRaw(field: Field, olds: unknown, news: unknown): unknown {
    const shape = field.shape;
    // Not known yet (preview): stays so, never replaced by defaults.
    if (isUnknown(news)) return news;
    if (news === undefined) {
        if (field.undeclared === "keep") return olds;
        if (field.undeclared === "ignore" || field.undeclared === "absent") return undefined;
        if (field.default !== undefined) return structuredClone(field.default);
        if (shape.kind !== "object") return undefined;
    }
    if (shape.kind === "object") {
        const o = isRecord(olds) ? olds : {};
        const n = isRecord(news) ? news : {};
        const out: Record<string, unknown> = {};
        for (const child of shape.fields) {
            const value = desiredValue(child, o[child.name], n[child.name]);
            if (value !== undefined) out[child.name] = value;
        }
        // An undeclared top-level object is sent empty (LambdaConfig: {} clears every trigger); a nested
        // one nobody declared is not invented (an empty CustomSMSSender would be refused).
        const nested = field.apply === undefined;
        return news === undefined && nested && Object.keys(out).length === 0 ? undefined : out;
    }
    return news;
}

/** A value in the one form two equal settings share: defaults filled in, sets sorted. */
function canonical(field: Field, value: unknown): unknown {
    const shape = field.shape;
    const v = value === undefined ? field.default : value;
    switch (shape.kind) {
        case "boolean":
            return v ?? false; // an AWS boolean that is not set is false
        case "list": {
            const list = Array.isArray(v) ? [...v] : [];
            return shape.unordered ? list.sort() : list;
        }
        case "map":
            return isRecord(v) ? v : {};
        case "object": {
            const o = isRecord(v) ? v : {};
            return Object.fromEntries(shape.fields.map((child) => [child.name, canonical(child, o[child.name])]));
        }
        case "objectList": {
            const items = (Array.isArray(v) ? v : []).map((item) =>
                canonical({ ...field, shape: { kind: "object", fields: shape.fields }, default: undefined }, item),
            );
            const key = shape.sortBy;
            return key ? items.sort((a, b) => String((a as any)[key]).localeCompare(String((b as any)[key]))) : items;
        }
        default:
            return v;
    }
}

export function sameValue(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
    if (isRecord(a) && isRecord(b)) {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        for (const k of keys) if (!sameValue(a[k], b[k])) return false;
        return true;
    }
    return false;
}
