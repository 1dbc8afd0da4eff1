// The folders are the architecture (CONTRIBUTING.md, "Layout"), and this test holds the code to it: each
// folder imports only the folders it may, the AWS SDK is imported by cognito/ alone, and the folders that
// decide (pool, check, state, plan) touch no I/O, so their tests need no local Cognito.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { repoRoot } from "./support/stacks";

/** What a part of the house may import (its own files always). */
const ALLOWED: Record<string, string[]> = {
    "provider/pool": [],
    "provider/check": ["provider/pool"],
    "provider/state": ["provider/pool"],
    "provider/plan": ["provider/pool", "provider/state"],
    "provider/cognito": [],
    // Carrying accounts into a replacement: what the new pool can hold (pure), and the copy itself.
    "provider/users": ["provider/pool", "provider/cognito"],
    "provider/verbs": ["provider/pool", "provider/check", "provider/state", "provider/plan", "provider/cognito", "provider/users"],
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
    "provider/users": /^node:crypto$/,
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

function allFiles(dir: string): string[] {
    return readdirSync(join(repoRoot, dir)).flatMap((name) => {
        const path = join(dir, name);
        return name === "node_modules" ? [] : statSync(join(repoRoot, path)).isDirectory() ? allFiles(path) : [path];
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

describe("what the code cites exists", () => {
    // A comment that sends the reader to a file sends them to one in the repository (or to a public
    // source): every path under the repository's own folders that a source file or document names exists.
    const named = /(?<![\w/.-])((?:provider|sdk|tests|docs|examples)\/[\w./-]*\w\.(?:ts|js|md|json|yaml|sh|java|py))\b/g;
    const readers = [
        ...["provider", "sdk", "tests", "examples"].flatMap((d) => sources(d)),
        // CHANGELOG.md is history: it names files as they were in each release.
        ...["README.md", "CONTRIBUTING.md", "RULES.md", "BENCHMARKS.md", ...readdirSync(join(repoRoot, "docs")).map((f) => `docs/${f}`)],
    ];
    /** Paths in pulumi/pulumi's repository, which comments cite as the engine's source. */
    const pulumiRepository = /^(sdk\/(nodejs|go|python)|pkg)\//;

    it("every repository path a source file or document names exists", () => {
        const missing: string[] = [];
        for (const file of readers) {
            const text = readFileSync(join(repoRoot, file), "utf8");
            for (const [, path] of text.matchAll(named)) {
                if (path.includes("*") || path.includes("<") || pulumiRepository.test(path) || existsSync(join(repoRoot, path))) continue;
                missing.push(`${file}: ${path}`);
            }
        }
        assert.deepEqual(missing, []);
    });

    it("every file a source file or document names by its base name exists somewhere in the repository", () => {
        const everywhere = ["provider", "sdk", "tests", "examples", "docs"].flatMap((d) => allFiles(d));
        const names = new Set(everywhere.map((f) => f.split("/").pop()));
        const missing: string[] = [];
        for (const file of readers) {
            const text = readFileSync(join(repoRoot, file), "utf8");
            for (const [, name] of text.matchAll(/(?<![\w/.$-])([A-Za-z][\w.-]*\.(?:ts|js))\b(?!\/)/g)) {
                // A compiled name (`runtime.js`, `userPool.d.ts`) counts as its source; files a test writes are in quotes.
                const source = name.replace(/\.d\.ts$|\.js$/, ".ts");
                if (names.has(name) || names.has(source) || name === "Node.js" || text.includes(`"${name}"`)) continue;
                missing.push(`${file}: ${name}`);
            }
        }
        assert.deepEqual([...new Set(missing)], []);
    });

    it("no source file cites a facts file outside the repository", () => {
        assert.deepEqual(readers.filter((f) => f !== "tests/architecture.test.ts" && /FACTS(\.md)?\b/.test(readFileSync(join(repoRoot, f), "utf8"))), []);
    });
});
