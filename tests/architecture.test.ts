// The folders are the architecture (CONTRIBUTING.md, "Layout"), and this test holds the code to it: each
// folder imports only the folders it may, the AWS SDK is imported by cognito/ alone, and the folders that
// decide (pool, check, state, plan) touch no I/O, so their tests need no local Cognito.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { repoRoot } from "./support/stacks";

/** What a part of the house may import (its own files always). */
const ALLOWED: Record<string, string[]> = {
    "provider/pool": [],
    "provider/check": ["provider/pool"],
    "provider/state": ["provider/pool"],
    "provider/plan": ["provider/pool", "provider/state"],
    "provider/cognito": [],
    "provider/verbs": ["provider/pool", "provider/check", "provider/state", "provider/plan", "provider/cognito"],
    "provider/runtime.ts": ["provider/verbs", "provider/cognito", "provider/pool", "provider/state"],
    "provider/shim.ts": [],
    "provider/index.ts": ["provider/shim.ts"],
    sdk: ["provider/index.ts", "provider/pool", "provider/state"],
    "index.ts": ["sdk", "provider/index.ts"],
};
/** Packages each part may import (node: builtins included); the AWS SDK is cognito/'s alone. */
const PACKAGES: Record<string, RegExp> = {
    "provider/pool": /^$/,
    "provider/check": /^$/,
    "provider/state": /^$/,
    "provider/plan": /^$/,
    "provider/cognito": /^@aws-sdk\/client-cognito-identity-provider$/,
    "provider/verbs": /^node:crypto$/,
    "provider/runtime.ts": /^@pulumi\/pulumi$/,
    // The shim loads the provider by the package's own name (what Pulumi serializes into state).
    "provider/shim.ts": /^(@pulumi\/pulumi|pulumi-cognito-user-pool\/runtime)$/,
    sdk: /^@pulumi\/pulumi$/,
};
/** Tools that write generated files: not part of the package (tsconfig.json excludes them). */
const TOOLS = new Set(["provider/pool/model/generate.ts", "provider/pool/model/botocore.ts", "sdk/generate.ts"]);

function sources(dir: string): string[] {
    return readdirSync(join(repoRoot, dir)).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(join(repoRoot, path)).isDirectory()) return sources(path);
        return path.endsWith(".ts") && !path.endsWith(".d.ts") ? [path] : [];
    });
}

function partOf(file: string): string {
    return Object.keys(ALLOWED)
        .filter((p) => file === p || file.startsWith(`${p}/`))
        .sort((a, b) => b.length - a.length)[0];
}

function importsOf(file: string): string[] {
    // Comments name modules too: only code counts.
    const text = readFileSync(join(repoRoot, file), "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    return [...text.matchAll(/(?:^|\n)\s*import\s[^;]*?from\s+"([^"]+)"|require\("([^"]+)"\)|import\("([^"]+)"\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

describe("the architecture: folders and what they may import", () => {
    const files = [...sources("provider"), ...sources("sdk"), "index.ts"].filter((f) => !TOOLS.has(f));

    it("every source file belongs to a part", () => {
        assert.deepEqual(files.filter((f) => !partOf(f)), []);
    });

    it("each part imports only what it may", () => {
        const broken: string[] = [];
        for (const file of files) {
            const part = partOf(file);
            for (const spec of importsOf(file)) {
                if (spec.startsWith(".")) {
                    const target = normalize(relative(repoRoot, join(repoRoot, dirname(file), spec)));
                    const targetPart = partOf(`${target}.ts`) ?? partOf(target) ?? partOf(`${target}/index.ts`);
                    if (targetPart !== part && !ALLOWED[part].includes(targetPart)) broken.push(`${file} imports ${spec} (${targetPart})`);
                } else if (!(PACKAGES[part] ?? /^$/).test(spec) && !(spec === "@pulumi/pulumi" && /^import type/m.test(readFileSync(join(repoRoot, file), "utf8")))) {
                    broken.push(`${file} imports the package ${spec}`);
                }
            }
        }
        assert.deepEqual(broken, []);
    });

    it("the AWS SDK is imported by provider/cognito/ alone", () => {
        const importers = files.filter((f) => importsOf(f).some((s) => s.startsWith("@aws-sdk/")));
        assert.ok(importers.length > 0);
        assert.deepEqual(importers.filter((f) => !f.startsWith("provider/cognito/")), []);
    });
});
