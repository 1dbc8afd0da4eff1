// The example stacks as Pulumi would load them: Pulumi.yaml's project and Pulumi.<stack>.yaml's config.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as yaml from "js-yaml";
import { EngineOptions } from "./engine";

export const repoRoot = join(__dirname, "..", "..");

/** The promotion program's stack, as `pulumi -s <stack>` at the repository root would run it. */
export function promotionStack(stack: "dev" | "staging" | "prod", extraConfig: Record<string, string> = {}): EngineOptions {
    const project = yaml.load(readFileSync(join(repoRoot, "Pulumi.yaml"), "utf8")) as { name: string; main: string; stackConfigDir: string };
    return {
        project: project.name,
        stack,
        program: join(repoRoot, project.main),
        config: { ...stackConfig(join(repoRoot, project.stackConfigDir, `Pulumi.${stack}.yaml`)), ...extraConfig },
    };
}

export function stackConfig(file: string): Record<string, string> {
    const doc = yaml.load(readFileSync(file, "utf8")) as { config?: Record<string, unknown> };
    return Object.fromEntries(Object.entries(doc.config ?? {}).map(([k, v]) => [k, String(v)]));
}
