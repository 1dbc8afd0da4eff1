// The values the program marked secret. The dynamic-provider host answers Configure with
// acceptSecrets: false, so the engine strips the marks before every call and re-marks only the outputs
// at the paths where the inputs held a secret (pkg/resource/plugin/provider_plugin.go, annotateSecrets:
// same key, recursing into objects, a whole list where any item was secret). The UserPool class passes
// the paths of the secret inputs as `secretInputs`; everything here reads them, so that no value the
// program marked secret leaves the provider anywhere else: not in another output key, not in a message.
import { isRecord } from "./convert";
import { pathSegments } from "./paths";

type Props = Record<string, any>;

/** The paths of the inputs the program marked secret (`poolName`, `smsConfiguration.externalId`, `schema[1]`). */
export function secretPaths(props: Props | undefined): string[] {
    const paths = props?.secretInputs;
    return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === "string") : [];
}

/** Is `path` at, under or above a secret path? (Above: an object holding a secret holds it too.) */
export function touchesSecret(path: string, paths: readonly string[]): boolean {
    if (paths.length === 0) return false;
    const a = pathSegments(path);
    return paths.some((p) => {
        const b = pathSegments(p);
        const n = Math.min(a.length, b.length);
        return a.slice(0, n).every((s, i) => s === b[i]);
    });
}

/** Every text that would reveal a secret value: each string and number under each secret path. */
export function secretTexts(...sources: (Props | undefined)[]): string[] {
    const texts = new Set<string>();
    for (const props of sources) {
        for (const path of secretPaths(props)) collect(at(props, path), texts);
    }
    // The longest first: a secret that contains another is masked whole.
    return [...texts].filter((t) => t.length >= 3).sort((a, b) => b.length - a.length);
}

/** The text with every secret value replaced by [secret]. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
    let out = text;
    for (const secret of secrets) {
        out = out.split(secret).join("[secret]");
        // A value quoted in JSON (a message quoting a value quotes its JSON form).
        const quoted = JSON.stringify(secret).slice(1, -1);
        if (quoted !== secret) out = out.split(quoted).join("[secret]");
    }
    return out;
}

function collect(value: unknown, into: Set<string>): void {
    if (typeof value === "string") into.add(value);
    else if (typeof value === "number" && Number.isFinite(value)) into.add(String(value));
    else if (Array.isArray(value)) value.forEach((v) => collect(v, into));
    else if (isRecord(value)) Object.values(value).forEach((v) => collect(v, into));
}

function at(value: unknown, path: string): unknown {
    return pathSegments(path).reduce<any>((node, s) => (node === undefined || node === null ? undefined : node[s]), value);
}
