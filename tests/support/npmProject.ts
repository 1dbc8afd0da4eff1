// npm as a user runs it, for the tests that install the packed package into a fresh project
// (installed.test.ts, cli.test.ts).
import { execFile } from "node:child_process";
import { delimiter, join, sep } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * The environment npm runs in for a user, not as `npm test` started us: without the npm_* variables npm
 * exports to scripts (npm_config_local_prefix would point a nested install back at the repository) and
 * without the repository's node_modules/.bin on PATH.
 */
export function userEnv(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== "INIT_CWD") env[k] = v;
    env.PATH = (process.env.PATH ?? "")
        .split(delimiter)
        .filter((dir) => !dir.endsWith(`${sep}node_modules${sep}.bin`))
        .join(delimiter);
    return env;
}

export async function npm(cwd: string, args: string[]): Promise<string> {
    try {
        const { stdout } = await run("npm", args, { cwd, env: userEnv(), maxBuffer: 64 * 1024 * 1024 });
        return stdout;
    } catch (err: any) {
        throw new Error(`npm ${args.join(" ")} (in ${cwd}) failed:\n${err.stderr ?? err.message}`);
    }
}

/**
 * `npm pack` of the repository into `destination`, exactly as `npm publish` would pack it; returns the
 * tarball's path. --ignore-scripts: prepack would rebuild dist/ under the feet of the running tests
 * (`npm test` builds it first).
 */
export async function packRepository(repoRoot: string, destination: string): Promise<string> {
    const packed = await npm(repoRoot, ["pack", "--json", "--ignore-scripts", "--pack-destination", destination]);
    return join(destination, JSON.parse(packed)[0].filename);
}
