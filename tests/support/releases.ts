// The previous releases, as npm served them (tests/fixtures/releases, packed from this repository's history
// by pack.sh), unpacked once per test run into a folder outside the repository whose node_modules is this
// repository's (their one dependency, the AWS SDK, and @pulumi/pulumi: one copy, as in a user's project).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./stacks";

export const RELEASES = ["0.1.0", "0.2.0"] as const;
export type Release = (typeof RELEASES)[number];

let root: string | undefined;
const unpacked = new Map<Release, string>();

/** The release's package folder (with dist/), unpacked on first use. */
export function releaseDir(version: Release): string {
    const known = unpacked.get(version);
    if (known) return known;
    if (!root) {
        root = mkdtempSync(join(tmpdir(), "cognito-releases-"));
        const made = root;
        process.once("exit", () => rmSync(made, { recursive: true, force: true }));
    }
    const dir = join(root, version);
    mkdirSync(dir);
    execFileSync("tar", ["-xzf", join(repoRoot, "tests", "fixtures", "releases", `pulumi-cognito-user-pool-${version}.tgz`), "-C", dir]);
    const pkg = join(dir, "package");
    if (!existsSync(join(pkg, "dist", "provider", "runtime.js"))) throw new Error(`the ${version} tarball has no dist/provider/runtime.js`);
    symlinkSync(join(repoRoot, "node_modules"), join(pkg, "node_modules"));
    unpacked.set(version, pkg);
    return pkg;
}
