// npm as a user runs it, for the tests that install the packed package into a fresh project
// (installed.test.ts, consumerTypes.test.ts, hosts.test.ts, cli.test.ts).
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

// One tarball and one consumer project per test run, shared by the suites that need the package as a user
// installs it (installed.test.ts, consumerTypes.test.ts, hosts.test.ts): packing takes a couple of
// seconds and an install ten to twenty, so each is done once. Everything lives in one folder outside the
// repository, removed when the run ends.

export const PACKAGE = "pulumi-cognito-user-pool";

let workDir: string | undefined;
let tarball: Promise<string> | undefined;
const projects = new Map<string, Promise<string>>();

/** The run's folder for tarballs and consumer projects, outside the repository; removed at exit. */
function work(repoRoot: string): string {
    if (workDir) return workDir;
    const dir = realpathSync(mkdtempSync(join(tmpdir(), "cognito-consumers-")));
    if (dir.startsWith(repoRoot + sep)) throw new Error(`the consumer projects must be outside the repository (${dir})`);
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    workDir = dir;
    return dir;
}

/** The repository packed once per run (see packRepository); `npm test` builds dist/ first. */
export function packedTarball(repoRoot: string): Promise<string> {
    if (!tarball) {
        for (const file of ["dist/index.js", "dist/provider/shim.js", "dist/provider/runtime.js"]) {
            if (!existsSync(join(repoRoot, file))) throw new Error(`${file} is missing: run \`npm run build\` (npm test does) before this test`);
        }
        tarball = packRepository(repoRoot, work(repoRoot));
        tarball.catch(() => (tarball = undefined));
    }
    return tarball;
}

/**
 * A fresh project (its own folder under the run's folder) depending on the packed tarball and on
 * `dependencies`, installed with npm as a user installs it; made once per name and run.
 * protobufjs (under @pulumi/pulumi) has a postinstall npm's allowScripts policy skips with a warning, as
 * it does for users; nothing here needs it.
 */
export function consumerProject(repoRoot: string, name: string, dependencies: Record<string, string>): Promise<string> {
    let made = projects.get(name);
    if (!made) {
        made = (async () => {
            const packed = await packedTarball(repoRoot);
            const dir = join(work(repoRoot), name);
            mkdirSync(dir);
            writeFileSync(
                join(dir, "package.json"),
                JSON.stringify({ name: `consumer-${name}`, private: true, dependencies: { [PACKAGE]: `file:${packed}`, ...dependencies } }, null, 2),
            );
            await npm(dir, ["install", "--prefer-offline", "--no-audit", "--no-fund"]);
            return dir;
        })();
        made.catch(() => projects.delete(name));
        projects.set(name, made);
    }
    return made;
}

/**
 * The consumer most suites share: the tarball, the @pulumi/pulumi this repository is tested with (the
 * peer dependency, as a user adds it) and the @types/node a Pulumi TypeScript project has. Nothing else:
 * no dev dependency of the package. Each suite works in a folder of its own inside it.
 */
export function sharedConsumer(repoRoot: string): Promise<string> {
    const version = (pkg: string) => JSON.parse(readFileSync(join(repoRoot, "node_modules", pkg, "package.json"), "utf8")).version as string;
    return consumerProject(repoRoot, "project", { "@pulumi/pulumi": version("@pulumi/pulumi"), "@types/node": version("@types/node") });
}

/** The script registeredInConsumer runs in a consumer project (written there on first use). */
const REGISTER = `// Registers a UserPool "users" for each entry of process.argv[2] (a JSON list of args) with this
// project's @pulumi/pulumi, the engine mocked, and prints the inputs the engine receives each time, the
// serialized provider among them, as a JSON list.
const pulumi = require("@pulumi/pulumi");
const inputs = [];
pulumi.runtime.setMocks(
    {
        newResource: (args) => {
            inputs.push(args.inputs);
            return { id: undefined, state: args.inputs };
        },
        call: () => ({}),
    },
    "consumer",
    "consumer",
    true,
);
const { UserPool } = require("${PACKAGE}");
const argsList = JSON.parse(process.argv[2]);
for (const args of argsList) new UserPool("users", args);
const wait = () => (inputs.length < argsList.length ? setTimeout(wait, 10) : process.stdout.write(JSON.stringify(inputs)));
wait();
`;

/**
 * Registers a UserPool named "users" once per entry of `argsList` in a consumer project, through the
 * project's own @pulumi/pulumi and installed package (the engine mocked, `aws:region` set to `region`):
 * the inputs the engine would receive each time, the serialized provider as a user's state holds it.
 */
export async function registeredInConsumer(project: string, region: string, argsList: Record<string, unknown>[]): Promise<Record<string, any>[]> {
    const script = join(project, "register.js");
    if (!existsSync(script)) writeFileSync(script, REGISTER);
    const env = { ...process.env, PULUMI_CONFIG: JSON.stringify({ "aws:region": region }) };
    const { stdout } = await promisify(execFile)(process.execPath, [script, JSON.stringify(argsList)], { cwd: project, env });
    return JSON.parse(stdout);
}
