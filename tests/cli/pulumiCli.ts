// The real Pulumi CLI for the tests (`npm run pulumi:cli` prints the folder; tests call ensurePulumiCli).
//
// In order:
//   1. a `pulumi` on PATH, if it is v3, at least 3.141 (the first whose dynamic-provider host calls
//      configure) and works with a file backend;
//   2. the cache, ${XDG_CACHE_HOME:-~/.cache}/pulumi-cognito-user-pool/pulumi-cli/v<version>/bin, if it
//      holds a binary that answers `pulumi version` with its folder's version;
//   3. a build from the Go module proxy (`go install` of github.com/pulumi/pulumi/pkg/v3/cmd/pulumi) of the
//      newest v3 the proxy serves at or below the installed @pulumi/pulumi, into that cache. About 7
//      minutes on 2 cores with a cold Go build cache. Nothing is written into the repository.
// The folder returned holds `pulumi` and `pulumi-resource-pulumi-nodejs` (the shell script from the
// @pulumi/pulumi npm package that starts the dynamic-provider host); its parent is the `root` that
// Automation API's PulumiCommand.get({ root }) takes.
//
// There is no Node.js language host (`pulumi-language-nodejs`): its Go module is not served by the module
// proxy here. Programs therefore run as Automation API inline programs (see tests/cli/driver.js).
//
// Two processes asking at once: the build holds a lock file (O_EXCL, with the builder's pid; a lock
// whose process is gone is taken over) and builds into a temporary folder renamed into place at the end,
// so a reader never sees a half-built cache entry.
import { execFile, execFileSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync, closeSync, chmodSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The first Pulumi CLI whose dynamic-provider host calls configure (pulumi/pulumi#17697). */
const MINIMUM = "3.141.0";
const PULUMI_PKG_MODULE = "github.com/pulumi/pulumi/pkg/v3";
const PULUMI_SDK_MODULE = "github.com/pulumi/pulumi/sdk/v3";
const PROVIDER_SCRIPT = "pulumi-resource-pulumi-nodejs";

export interface PulumiCli {
    /** Holds `pulumi` and `pulumi-resource-pulumi-nodejs`: put it first on PATH. */
    binDir: string;
    /** binDir's parent: Automation API's PulumiCommand.get({ root }). */
    root: string;
    /** As `pulumi version` prints it, without the "v". */
    version: string;
    /** Where it came from. */
    source: "path" | "cache" | "build";
    /** Wall time of the build, when this call built it. */
    buildSeconds?: number;
}

export interface EnsureOptions {
    /** false: find a CLI but never build one (fail instead). Default true. */
    build?: boolean;
    /** Progress messages (default: stderr). */
    log?: (line: string) => void;
}

/** The cache of built CLIs, outside the repository. */
export function cacheRoot(): string {
    const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
    return join(base, "pulumi-cognito-user-pool", "pulumi-cli");
}

/** Finds or builds a Pulumi CLI; see the top of this file for the order. */
export async function ensurePulumiCli(options: EnsureOptions = {}): Promise<PulumiCli> {
    const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
    const target = installedSdkVersion();

    const onPath = await pulumiOnPath(log);
    if (onPath) return onPath;

    const cached = await fromCache(target);
    if (cached) return cached;

    const go = findExecutable("go");
    if (!go || options.build === false) {
        // Without Go, an older cached CLI (≤ the SDK) is still better than none.
        const older = await newestCached(target);
        if (older) return older;
        if (!go) throw new Error(noCliMessage());
        throw new Error(`No Pulumi CLI on PATH or in ${cacheRoot()}, and building one was not asked for (it takes several minutes: run \`npm run pulumi:cli\`).`);
    }
    const version = await newestServedVersion(go, target);
    return (await fromCache(version)) ?? (await buildWithLock(go, version, log));
}

function noCliMessage(): string {
    return (
        `No Pulumi CLI: none on PATH (v3, ${MINIMUM} or newer) and none built in ${cacheRoot()}, and no Go to build one.\n` +
        "Either install the Pulumi CLI (https://www.pulumi.com/docs/iac/download-install/) so `pulumi` is on PATH, " +
        "or install Go (https://go.dev/dl/, 1.26 or newer) so the tests can build the CLI from the Go module proxy " +
        "(`npm run pulumi:cli`, about 7 minutes once, then cached)."
    );
}

// ---------------------------------------------------------------------------------------------------
// 1. PATH

async function pulumiOnPath(log: (line: string) => void): Promise<PulumiCli | undefined> {
    const found = findExecutable("pulumi");
    if (!found) return undefined;
    const version = await versionOf(found);
    if (!version) {
        log(`ignoring ${found}: \`pulumi version\` failed`);
        return undefined;
    }
    if (!version.startsWith("3.") || compareVersions(version, MINIMUM) < 0) {
        log(`ignoring ${found}: v${version} (the tests need v3, ${MINIMUM} or newer)`);
        return undefined;
    }
    if (!(await worksWithFileBackend(found))) {
        log(`ignoring ${found}: it does not work with a file backend (\`pulumi stack ls\` against file://)`);
        return undefined;
    }
    const dir = dirname(realpathSync(found));
    if (existsSync(join(dir, PROVIDER_SCRIPT)) && found === join(dir, "pulumi")) {
        return { binDir: dir, root: dirname(dir), version, source: "path" };
    }
    // Beside it there is no dynamic-provider script (or it is a symlink): a small folder in the cache
    // holds a link to it and the script, so that one folder on PATH has both.
    const binDir = join(cacheRoot(), `path-v${version}`, "bin");
    mkdirSync(binDir, { recursive: true });
    const link = join(binDir, "pulumi");
    rmSync(link, { force: true });
    symlinkSync(realpathSync(found), link);
    installProviderScript(binDir);
    return { binDir, root: dirname(binDir), version, source: "path" };
}

async function worksWithFileBackend(pulumi: string): Promise<boolean> {
    const scratch = mkdtempSync(join(tmpdir(), "pulumi-cli-check-"));
    try {
        mkdirSync(join(scratch, "state"));
        const { stdout } = await run(pulumi, ["stack", "ls", "--all", "--json", "--non-interactive"], {
            cwd: scratch,
            env: { ...process.env, ...offlineEnv(join(scratch, "state"), join(scratch, "home")) },
            timeout: 60_000,
        });
        return Array.isArray(JSON.parse(stdout));
    } catch {
        return false;
    } finally {
        rmSync(scratch, { recursive: true, force: true });
    }
}

/** The environment that keeps the CLI off the network and out of the user's own Pulumi setup. */
export function offlineEnv(stateDir: string, pulumiHome: string): Record<string, string> {
    return {
        PULUMI_BACKEND_URL: `file://${stateDir}`,
        PULUMI_HOME: pulumiHome,
        PULUMI_CONFIG_PASSPHRASE: "cli-tests",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        PULUMI_SKIP_CONFIRMATIONS: "true",
    };
}

// ---------------------------------------------------------------------------------------------------
// 2. The cache

async function fromCache(version: string): Promise<PulumiCli | undefined> {
    const binDir = join(cacheRoot(), `v${version}`, "bin");
    const pulumi = join(binDir, "pulumi");
    if (!existsSync(pulumi)) return undefined;
    if ((await versionOf(pulumi)) !== version) return undefined;
    installProviderScript(binDir);
    return { binDir, root: dirname(binDir), version, source: "cache" };
}

async function newestCached(atMost: string): Promise<PulumiCli | undefined> {
    if (!existsSync(cacheRoot())) return undefined;
    const versions = readdirSync(cacheRoot())
        .map((name) => /^v(\d+\.\d+\.\d+)$/.exec(name)?.[1])
        .filter((v): v is string => !!v && v.startsWith("3.") && compareVersions(v, MINIMUM) >= 0 && compareVersions(v, atMost) <= 0)
        .sort(compareVersions)
        .reverse();
    for (const version of versions) {
        const cli = await fromCache(version);
        if (cli) return cli;
    }
    return undefined;
}

/** The dynamic-provider script from the installed @pulumi/pulumi, beside the CLI (refreshed if it differs). */
function installProviderScript(binDir: string): void {
    const source = join(dirname(require.resolve("@pulumi/pulumi/package.json")), PROVIDER_SCRIPT);
    const target = join(binDir, PROVIDER_SCRIPT);
    const wanted = readFileSync(source);
    if (existsSync(target) && readFileSync(target).equals(wanted)) return;
    const temporary = `${target}.${process.pid}`;
    writeFileSync(temporary, wanted);
    chmodSync(temporary, 0o755);
    renameSync(temporary, target);
}

// ---------------------------------------------------------------------------------------------------
// 3. A build from the Go module proxy

function installedSdkVersion(): string {
    return JSON.parse(readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8")).version;
}

/** The newest v3 of the CLI's module that the proxy serves, at or below `atMost`. */
async function newestServedVersion(go: string, atMost: string): Promise<string> {
    const scratch = mkdtempSync(join(tmpdir(), "pulumi-cli-versions-"));
    try {
        const { stdout } = await run(go, ["list", "-m", "-versions", PULUMI_PKG_MODULE], { cwd: scratch, env: goEnv(), timeout: 120_000 });
        const served = stdout
            .trim()
            .split(/\s+/)
            .slice(1)
            .map((v) => v.replace(/^v/, ""))
            .filter((v) => /^\d+\.\d+\.\d+$/.test(v) && compareVersions(v, MINIMUM) >= 0 && compareVersions(v, atMost) <= 0)
            .sort(compareVersions);
        const newest = served[served.length - 1];
        if (!newest) throw new Error(`the Go module proxy serves no ${PULUMI_PKG_MODULE} between v${MINIMUM} and v${atMost} (\`go list -m -versions\` said: ${stdout.trim()})`);
        return newest;
    } finally {
        rmSync(scratch, { recursive: true, force: true });
    }
}

function goEnv(): NodeJS.ProcessEnv {
    // GOWORK=off: a go.work above the cache must not pull the build into someone's workspace.
    return { ...process.env, GOWORK: "off", GO111MODULE: "on", CGO_ENABLED: "0" };
}

async function buildWithLock(go: string, version: string, log: (line: string) => void): Promise<PulumiCli> {
    mkdirSync(cacheRoot(), { recursive: true });
    const lock = join(cacheRoot(), `v${version}.lock`);
    for (;;) {
        const held = tryLock(lock);
        if (held) {
            try {
                // Someone may have finished while we waited for the lock.
                return (await fromCache(version)) ?? (await build(go, version, log));
            } finally {
                rmSync(lock, { force: true });
            }
        }
        const holder = lockHolder(lock);
        if (holder !== undefined && !alive(holder)) {
            log(`removing a stale build lock (${lock}, pid ${holder} is gone)`);
            rmSync(lock, { force: true });
            continue;
        }
        log(`another process (pid ${holder ?? "?"}) is building Pulumi CLI v${version}; waiting for it`);
        for (;;) {
            await sleep(2000);
            const now = lockHolder(lock);
            if (!existsSync(lock) || (now !== undefined && !alive(now))) break;
        }
        const built = await fromCache(version);
        if (built) return built;
    }
}

function tryLock(path: string): boolean {
    try {
        const fd = openSync(path, "wx");
        writeFileSync(fd, `${process.pid}\n`);
        closeSync(fd);
        return true;
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
        throw err;
    }
}

function lockHolder(path: string): number | undefined {
    try {
        const pid = Number(readFileSync(path, "utf8").trim());
        return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
        return undefined;
    }
}

function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (err) {
        return (err as NodeJS.ErrnoException).code === "EPERM";
    }
}

async function build(go: string, version: string, log: (line: string) => void): Promise<PulumiCli> {
    const final = join(cacheRoot(), `v${version}`);
    const building = mkdtempSync(join(cacheRoot(), `v${version}.building-`));
    const module = join(building, "module");
    const binDir = join(building, "bin");
    mkdirSync(module);
    mkdirSync(binDir);
    const started = Date.now();
    log(`building Pulumi CLI v${version} from the Go module proxy into ${final} (several minutes; once)`);
    const step = async (args: string[], env: NodeJS.ProcessEnv = goEnv()) => {
        log(`  go ${args.join(" ")}`);
        try {
            await run(go, args, { cwd: module, env, maxBuffer: 64 * 1024 * 1024 });
        } catch (err: any) {
            throw new Error(`building the Pulumi CLI failed at \`go ${args.join(" ")}\` (in ${module}):\n${err.stderr ?? err.message}`);
        }
    };
    try {
        await step(["mod", "init", "local/pulumi-build"]);
        await step(["get", "-tool", `${PULUMI_PKG_MODULE}/cmd/pulumi@v${version}`]);
        // pkg's own go.mod replaces sdk with ../sdk, which a wrapper module ignores: pin the same version.
        await step(["get", `${PULUMI_SDK_MODULE}@v${version}`]);
        await step(["mod", "tidy"]);
        await step(
            ["install", "-trimpath", "-ldflags", `-s -w -X ${PULUMI_SDK_MODULE}/go/common/version.Version=v${version}`, "tool"],
            { ...goEnv(), GOBIN: binDir },
        );
        const built = await versionOf(join(binDir, "pulumi"));
        if (built !== version) throw new Error(`the built CLI says its version is ${built ?? "(no answer)"}, not ${version}`);
        installProviderScript(binDir);
        const buildSeconds = Math.round((Date.now() - started) / 1000);
        const goVersion = execFileSync(go, ["version"], { encoding: "utf8" }).trim();
        writeFileSync(join(building, "build.json"), JSON.stringify({ version, buildSeconds, go: goVersion, builtAt: new Date().toISOString() }, null, 2) + "\n");
        rmSync(module, { recursive: true, force: true });
        chmodSync(building, 0o755); // mkdtemp made it 0700
        try {
            renameSync(building, final);
        } catch (err) {
            // Another process renamed its build into place first: use that one.
            if (!["ENOTEMPTY", "EEXIST"].includes((err as NodeJS.ErrnoException).code ?? "")) throw err;
            rmSync(building, { recursive: true, force: true });
        }
        log(`built Pulumi CLI v${version} in ${buildSeconds} s (${Math.round(directoryBytes(final) / 1e6)} MB in ${final})`);
        const finalBin = join(final, "bin");
        return { binDir: finalBin, root: final, version, source: "build", buildSeconds };
    } catch (err) {
        rmSync(building, { recursive: true, force: true });
        throw err;
    }
}

// ---------------------------------------------------------------------------------------------------

async function versionOf(pulumi: string): Promise<string | undefined> {
    try {
        const { stdout } = await run(pulumi, ["version"], { env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" }, timeout: 60_000 });
        const match = /^v?(\d+\.\d+\.\d+(?:[-+][\w.+-]*)?)$/.exec(stdout.trim());
        return match?.[1];
    } catch {
        return undefined;
    }
}

export function findExecutable(name: string): string | undefined {
    for (const dir of (process.env.PATH ?? "").split(delimiter)) {
        if (!dir) continue;
        const candidate = join(dir, name);
        try {
            accessSync(candidate, constants.X_OK);
            if (statSync(candidate).isFile()) return candidate;
        } catch {
            // not here
        }
    }
    return undefined;
}

/** Compares x.y.z versions (pre-release suffixes ignored). */
export function compareVersions(a: string, b: string): number {
    const parts = (v: string) => v.replace(/^v/, "").split(/[-+]/)[0].split(".").map(Number);
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
}

export function directoryBytes(path: string): number {
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.size;
    return readdirSync(path).reduce((sum, name) => sum + directoryBytes(join(path, name)), 0);
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

// `npm run pulumi:cli`: prints the folder (and nothing else on stdout).
if (require.main === module) {
    ensurePulumiCli({ build: !process.argv.includes("--no-build") })
        .then((cli) => {
            const how = cli.source === "build" ? `built in ${cli.buildSeconds} s` : cli.source === "cache" ? "from the cache" : "from PATH";
            process.stderr.write(`Pulumi CLI v${cli.version} (${how})\n`);
            process.stdout.write(`${cli.binDir}\n`);
        })
        .catch((err) => {
            process.stderr.write(`${err instanceof Error ? err.message : err}\n`);
            process.exit(1);
        });
}
