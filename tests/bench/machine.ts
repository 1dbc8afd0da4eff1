// The machine the benchmark ran on, and a process's peak memory from /proc.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import * as os from "node:os";
import { performance } from "node:perf_hooks";
import { round } from "./stats";

function quiet(run: () => string): string | null {
    try {
        return run().trim();
    } catch {
        return null;
    }
}

export function machine() {
    const cpuinfo = quiet(() => readFileSync("/proc/cpuinfo", "utf8")) ?? "";
    const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? "unknown";
    return {
        cpus: os.cpus().length,
        nproc: Number(quiet(() => execFileSync("nproc", { encoding: "utf8" })) ?? os.cpus().length),
        cpuModel: model,
        memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
        os: `${os.type()} ${os.release()} ${os.arch()}`,
        node: process.version,
        moto: quiet(() => execFileSync("python3", ["-c", "import moto; print(moto.__version__)"], { encoding: "utf8" })),
        awsSdk: quiet(() => require("@aws-sdk/client-cognito-identity-provider/package.json").version),
        pulumi: quiet(() => require("@pulumi/pulumi/package.json").version),
        loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    };
}

/** VmHWM (peak resident set) and VmRSS of a running process, in KiB. */
export function peakMemoryKiB(pid: number): { peakKiB: number; rssKiB: number } {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => Number(new RegExp(`^${name}:\\s*(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { peakKiB: field("VmHWM"), rssKiB: field("VmRSS") };
}

/** CPU time (user + system) a process has used so far, in ms (clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
    try {
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
        return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
        return 0;
    }
}

/** When a process started, in clock ticks since boot (/proc/<pid>/stat, field 22). */
export function processStartTicks(pid: number): number {
    try {
        return Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[19]);
    } catch {
        return 0;
    }
}

/** The clock ticks since boot now (/proc/uptime, at 100 ticks a second). */
export function ticksNow(): number {
    return Math.floor(Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]) * 100);
}

/** The moto_server processes listening on `port` (found by their command line). */
export function motoPids(port: string): number[] {
    const pids: number[] = [];
    for (const entry of readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        try {
            const argv = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
            if (argv.some((a) => a.endsWith("moto_server") || a.endsWith("motoServer.py")) && argv.includes(port) && !/(^|\/)(ba)?sh$/.test(argv[0])) pids.push(Number(entry));
        } catch {
            // gone
        }
    }
    return pids;
}

/** The parent of a process (/proc/<pid>/status PPid), 0 when gone. */
function parentOf(pid: number): number {
    try {
        return Number(/^PPid:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
        return 0;
    }
}

function descends(pid: number, from: number): boolean {
    for (let p = pid, hops = 0; p > 1 && hops < 32; p = parentOf(p), hops++) if (p === from) return true;
    return false;
}

/**
 * Peak resident memory and CPU of the CLI and the provider host while `run` runs, read from /proc, only of
 * processes under the benchmark's own driver (the Automation API
 * process running `driver`, which starts the CLI, which starts the host): tests run beside the benchmark
 * start CLIs and hosts of their own. The driver counts by the CPU it used meanwhile.
 */
export async function watched<T>(driver: string, run: () => Promise<T>): Promise<{ result: T; peakMiB: { cli: number; host: number }; cpuSeconds: { cli: number; host: number; program: number } }> {
    const peak = { cli: 0, host: 0 };
    const cpu = new Map<number, { role: "cli" | "host"; ms: number }>();
    const since = ticksNow() - 1;
    const driverPid = readdirSync("/proc")
        .filter((e) => /^\d+$/.test(e))
        .map(Number)
        .find((pid) => {
            try {
                return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(driver);
            } catch {
                return false;
            }
        });
    if (driverPid === undefined) throw new Error(`no process runs ${driver}`);
    const driverBefore = processCpuMs(driverPid);
    const sample = () => {
        for (const entry of readdirSync("/proc")) {
            if (!/^\d+$/.test(entry)) continue;
            try {
                const argv = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
                const role = argv.some((a) => a.endsWith("/cmd/dynamic-provider") || a.endsWith("/cmd/dynamic-provider/index.js")) ? "host" : /(^|\/)pulumi$/.test(argv[0]) ? "cli" : undefined;
                if (!role || processStartTicks(Number(entry)) < since || !descends(Number(entry), driverPid)) continue;
                const status = readFileSync(`/proc/${entry}/status`, "utf8");
                peak[role] = Math.max(peak[role], Number(/^VmHWM:\s*(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024);
                cpu.set(Number(entry), { role, ms: processCpuMs(Number(entry)) });
            } catch {
                // gone
            }
        }
    };
    const timer = setInterval(sample, 200);
    try {
        const result = await run();
        sample();
        const cpuSeconds = { cli: 0, host: 0, program: (processCpuMs(driverPid) - driverBefore) / 1000 };
        for (const { role, ms } of cpu.values()) cpuSeconds[role] += ms / 1000;
        return { result, peakMiB: { cli: round(peak.cli, 1), host: round(peak.host, 1) }, cpuSeconds };
    } finally {
        clearInterval(timer);
    }
}

/** The local Cognito takes any credentials: the benchmark's own, and nothing of the machine's (a profile, a session). */
export function localCredentials(): void {
    process.env.AWS_ACCESS_KEY_ID = "bench";
    process.env.AWS_SECRET_ACCESS_KEY = "bench";
    process.env.AWS_REGION = "us-east-1";
    delete process.env.AWS_SESSION_TOKEN;
    delete process.env.AWS_PROFILE;
}

/** A log whose lines say the benchmark's name and the seconds since it began. */
export function benchLog(name: string): (line: string) => void {
    const t0 = performance.now();
    return (line) => console.log(`[${name} ${((performance.now() - t0) / 1000).toFixed(0)} s] ${line}`);
}
