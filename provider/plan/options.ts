// The resource options the engine applies without telling a dynamic provider, which the UserPool class
// passes as the `resourceOptions` input (sdk/userPool.ts):
// - replaceOnChanges: the engine matches it against the changed keys or detailed diff a provider returns
//   (pkg/resource/deploy/step_generator.go, applyReplaceOnChanges), and the dynamic host returns neither,
//   so it would never fire: the provider turns a change under one of its paths into a replacement itself.
// - ignoreChanges: the engine copies the old inputs into the ignored paths before Check
//   (step_generator.go, processIgnoreChanges), but every UpdateUserPool carries the whole configuration,
//   so an ignored member would be sent as the old inputs had it (or reset): the provider sends it as
//   Cognito holds it, and never shows it as a change.
import { isRecord } from "../pool/convert";
import { pathSegments, underPath } from "../pool/paths";
import { resourceInputs } from "../pool/resourceInputs";
import { userPoolProperties } from "../pool/properties";

/** The pool's settings: the table's rows and the MFA factors (the program's own inputs are not). */
const SETTING_NAMES = [...userPoolProperties, ...resourceInputs.filter((f) => f.apply === "setUserPoolMfaConfig")].map((f) => f.name);

type Props = Record<string, any>;

/** The declaration with the value at each ignored path taken from `live` (the pool as Cognito holds it). */
export function withIgnoredChanges(news: Props, live: Props, paths: string[]): Props {
    let out: Props = structuredClone(news);
    for (const path of paths) {
        // Every setting as Cognito holds it; the program's own inputs as the program gives them.
        if (path === "*") return { ...pick(live, SETTING_NAMES), ...pick(news, Object.keys(news).filter((k) => !SETTING_NAMES.includes(k))) };
        out = setAt(out, pathSegments(path), getAt(live, pathSegments(path)));
    }
    return out;
}

/** The top-level members a replaceOnChanges path makes a replacement when something under it changed. */
export function replacementsByOption(changed: string[], paths: unknown): string[] {
    if (!Array.isArray(paths)) return [];
    const hits = changed.filter((c) => paths.some((p) => typeof p === "string" && underPath(c, p)));
    return [...new Set(hits.map((c) => pathSegments(c)[0]))];
}

function getAt(value: unknown, segments: string[]): unknown {
    return segments.reduce<any>((node, s) => (node === undefined || node === null ? undefined : node[s]), value);
}

function setAt(root: Props, segments: string[], value: unknown): Props {
    let node: any = root;
    segments.slice(0, -1).forEach((s) => {
        if (!isRecord(node[s]) && !Array.isArray(node[s])) node[s] = {};
        node = node[s];
    });
    const last = segments[segments.length - 1];
    if (value === undefined) delete node[last];
    else node[last] = structuredClone(value);
    return root;
}

function pick(props: Props, names: string[]): Props {
    return Object.fromEntries(names.filter((n) => props[n] !== undefined).map((n) => [n, structuredClone(props[n])]));
}
