// Property paths as Pulumi writes them (`lambdaConfig.preSignUp`, `schema[0]`, `userPoolTags["team"]`).

/** A Pulumi property path (`lambdaConfig.preSignUp`, `schema[0]`, `userPoolTags["team"]`) as segments. */
export function pathSegments(path: string): string[] {
    const segments: string[] = [];
    for (const match of path.matchAll(/([^.[\]]+)|\[(?:"([^"]*)"|(\d+))\]/g)) segments.push(match[1] ?? match[2] ?? match[3]);
    return segments;
}

/** Does the changed path `changed` fall under the option's path `path` (or the reverse)? `*` is every path. */
export function underPath(changed: string, path: string): boolean {
    if (path === "*") return true;
    const a = pathSegments(changed);
    const b = pathSegments(path);
    const n = Math.min(a.length, b.length);
    return a.slice(0, n).every((s, i) => s === b[i]);
}
