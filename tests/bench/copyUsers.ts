// `npm run bench:copy-users`: how fast `copyUsersOnReplacement` copies a pool's users, through the real
// Pulumi CLI. One stack of one pool (tests/programs/bench-copy-users) created with case-sensitive usernames;
// N users added to it with the AWS SDK (AdminCreateUser, no invitation; every tenth disabled, half of them in
// one of two groups); then `pulumi up` with usernameConfiguration.caseSensitive false (a replacement) and
// copyUsersOnReplacement true: the new pool made, every user copied into it and checked, the old pool
// deleted. Timed, with every Cognito call the up made counted by operation (the local Cognito's log), the
// throttling the local Cognito answered with Cognito's quota, the busiest second, and afterwards a check
// that the new pool holds all N users as they were (enabled flag, status, groups) and the old pool is gone.
// N = 100 and 1,000 at the shipped rate limit (10 calls a second), 1,000 at 40.
//
// Writes bench-results/copy-users.json and the section "Copying users on a replacement" of BENCHMARKS.md.
// Not part of `npm test`. COPY_RUNS=100@10,1000@40 (say) runs others; COPY_REPORT_ONLY=1 writes the section
// again from the JSON, measuring nothing.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
    AdminAddUserToGroupCommand,
    AdminCreateUserCommand,
    AdminDisableUserCommand,
    CognitoIdentityProviderClient,
    CreateGroupCommand,
    DeleteUserPoolCommand,
    DescribeUserPoolCommand,
    ListUsersCommand,
    ListUsersInGroupCommand,
    UserType,
} from "@aws-sdk/client-cognito-identity-provider";
import { Consumer, ok } from "../cli/consumer";
import { ensurePulumiCli } from "../cli/pulumiCli";
import { busiestSecond, enforceQuota, startLocalCognito } from "../support/localCognito";
import { benchLog, localCredentials, machine, motoPids, processCpuMs, watched } from "./machine";
import { COPY_USERS_END, COPY_USERS_START } from "./report";
import { round } from "./stats";

const repoRoot = join(__dirname, "..", "..");
/** users@rate: the runs, each on a stack of its own. */
const RUNS = (process.env.COPY_RUNS ?? "100@10,1000@10,1000@40").split(",").map((run) => {
    const [users, rate] = run.split("@").map(Number);
    return { users, rate };
});
const DEFAULT_RATE = 10;
/** Cognito's request-rate quota for user-pool calls, as the local Cognito enforces it at the shipped rate: calls arriving in any one second. */
const QUOTA = 15;
const GROUPS = ["editors", "viewers"];
/** The calls a copy writes with, one user at a time (the rest read). */
const DIRECTORY_READS = ["ListUsers", "ListUsersInGroup", "ListGroups"];
const WRITES = ["AdminCreateUser", "AdminSetUserPassword", "AdminDisableUser", "AdminEnableUser", "AdminUpdateUserAttributes", "AdminAddUserToGroup"];

localCredentials();
const t0 = performance.now();
const log = benchLog("copy-users");

interface Result {
    users: number;
    /** cognito-user-pool:requestsPerSecond. */
    rate: number;
    /** The local Cognito's quota during the up: calls arriving in any one second. */
    quota: number;
    /** Wall time of the `pulumi up` that replaced the pool and copied the users. */
    seconds: number;
    usersPerSecond: number;
    /** Every call the up made, throttled ones included. */
    calls: number;
    callsPerUser: number;
    /** Calls by operation. */
    byOperation: Record<string, number>;
    /** calls ÷ requestsPerSecond: what the rate limit alone takes. */
    floorSeconds: number;
    ratio: number;
    throttled: number;
    /** The most calls that arrived in any one second, and per operation. */
    busiestSecond: number;
    busiestSecondByOperation: Record<string, number>;
    /** Seconds from the up's start to each point, from the local Cognito's log. */
    timeline: { createUserPool: number; firstWrite: number; lastWrite: number; deleteUserPool: number; end: number };
    /** The writes alone (first to last AdminCreateUser … AdminAddUserToGroup): users per second while copying. */
    writeUsersPerSecond: number;
    /** What the provider said it verified (the host's line, counts and pool ids only). */
    said: string[];
    peakMiB: { cli: number; host: number };
    cpuSeconds: { cli: number; host: number; program: number; moto: number };
    verified: Verified;
}

interface Verified {
    oldPoolGone: boolean;
    newPoolCaseSensitive: boolean | undefined;
    users: number;
    disabled: number;
    confirmed: number;
    sameUsernames: boolean;
    sameEmails: boolean;
    members: Record<string, number>;
    /** Everything as added: N users, every tenth disabled, all CONFIRMED, the same names, emails and group members, the old pool gone. */
    ok: boolean;
}

/** Who is added: user-00000 …, every tenth disabled, one in four in each group. */
function person(i: number, users: number) {
    const username = `user-${String(i).padStart(String(users - 1).length, "0")}`;
    return { username, email: `${username}@example.com`, disabled: i % 10 === 9, group: i % 4 < GROUPS.length ? GROUPS[i % 4] : undefined };
}

/** Runs `work` over `items`, `atOnce` at a time. */
async function inParallel<T>(items: readonly T[], atOnce: number, work: (item: T) => Promise<unknown>): Promise<void> {
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(atOnce, items.length) }, async () => {
        while (next < items.length) await work(items[next++]);
    }));
}

async function listAll(client: CognitoIdentityProviderClient, poolId: string, group?: string): Promise<UserType[]> {
    const out: UserType[] = [];
    let token: string | undefined;
    do {
        const page: any = group
            ? await client.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: group, Limit: 60, NextToken: token }))
            : await client.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 60, PaginationToken: token }));
        out.push(...(page.Users ?? []));
        token = group ? page.NextToken : page.PaginationToken;
    } while (token);
    return out;
}

async function main(): Promise<void> {
    if (process.env.COPY_REPORT_ONLY) {
        writeSection(JSON.parse(readFileSync(join(repoRoot, "bench-results", "copy-users.json"), "utf8")));
        return;
    }
    const lc = await startLocalCognito();
    process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER = lc.endpoint;
    const client = new CognitoIdentityProviderClient({ endpoint: lc.endpoint, region: "us-east-1", maxAttempts: 5 });
    const gate = enforceQuota(lc, Infinity);
    const moto = motoPids(new URL(lc.motoEndpoint).port);
    const cli = await ensurePulumiCli({ log });
    const started = new Date().toISOString();
    const load = [machine().loadAverage];
    const provenance = {
        commit: execFileSync("git", ["rev-parse", "HEAD"], { cwd: repoRoot, encoding: "utf8" }).trim(),
        // Uncommitted changes under provider/ when the package was packed (they are in the measured package).
        providerChanges: execFileSync("git", ["status", "--porcelain", "--", "provider"], { cwd: repoRoot, encoding: "utf8" }).split("\n").filter(Boolean),
    };
    const results: Result[] = [];
    const consumer = await Consumer.create(cli, ["bench-copy-users"], log).catch(async (err) => {
        await lc.stop();
        throw err;
    });
    try {
        for (const { users, rate } of RUNS) {
            const stack = consumer.stack("bench-copy-users", `r${rate}n${users}`);
            stack.writeConfig({
                "aws:region": "us-east-1",
                "bench-copy-users:caseSensitive": "true",
                ...(rate === DEFAULT_RATE ? {} : { "cognito-user-pool:requestsPerSecond": String(rate) }),
            });
            gate.quota = Infinity;
            ok(await stack.up(), `pulumi up (create, ${users} users, ${rate}/s)`);
            const oldId: string = (await stack.outputs()).poolId;

            // The users, added as an application would, straight to Cognito (not counted, not throttled).
            const addStart = performance.now();
            for (const GroupName of GROUPS) await client.send(new CreateGroupCommand({ UserPoolId: oldId, GroupName, Description: `the ${GroupName}` }));
            const people = Array.from({ length: users }, (_, i) => person(i, users));
            await inParallel(people, 8, async (p) => {
                await client.send(new AdminCreateUserCommand({
                    UserPoolId: oldId,
                    Username: p.username,
                    UserAttributes: [{ Name: "email", Value: p.email }, { Name: "email_verified", Value: "true" }],
                    MessageAction: "SUPPRESS",
                }));
                if (p.disabled) await client.send(new AdminDisableUserCommand({ UserPoolId: oldId, Username: p.username }));
                if (p.group) await client.send(new AdminAddUserToGroupCommand({ UserPoolId: oldId, GroupName: p.group, Username: p.username }));
            });
            const listed = (await listAll(client, oldId)).length;
            if (listed !== users) throw new Error(`added ${users} users to ${oldId}, ListUsers lists ${listed}`);
            log(`${rate}/s: ${users} users added to ${oldId} in ${((performance.now() - addStart) / 1000).toFixed(1)} s`);

            // The replacement that copies them, timed.
            await stack.setConfig({ "bench-copy-users:caseSensitive": "false", "bench-copy-users:copyUsersOnReplacement": "true" });
            const upQuota = rate === DEFAULT_RATE ? QUOTA : Math.floor(rate * 1.5);
            gate.quota = upQuota;
            gate.restart();
            lc.resetCalls();
            const motoCpu = moto.reduce((sum, pid) => sum + processCpuMs(pid), 0);
            const begunAt = Date.now();
            const begun = performance.now();
            const { result, peakMiB, cpuSeconds } = await watched(join(consumer.dir, "driver.js"), () => stack.up());
            const seconds = (performance.now() - begun) / 1000;
            const endedAt = Date.now();
            const motoSeconds = (moto.reduce((sum, pid) => sum + processCpuMs(pid), 0) - motoCpu) / 1000;
            const calls = lc.calls();
            const times = lc.callTimes();
            const upThrottled = gate.throttled;
            gate.quota = Infinity;
            ok(result, `pulumi up (replacement copying ${users} users, ${rate}/s)`);

            const byOperation: Record<string, number> = {};
            for (const c of calls) byOperation[c] = (byOperation[c] ?? 0) + 1;
            const busiestSecondByOperation = Object.fromEntries(Object.keys(byOperation).map((op) => [op, busiestSecond(times.filter((_, i) => calls[i] === op))]));
            const at = (pick: (i: number) => boolean, last = false) => {
                const indexes = calls.map((_, i) => i).filter(pick);
                const i = last ? indexes[indexes.length - 1] : indexes[0];
                return i === undefined ? NaN : round((times[i] - begunAt) / 1000, 2);
            };
            const timeline = {
                createUserPool: at((i) => calls[i] === "CreateUserPool"),
                firstWrite: at((i) => WRITES.includes(calls[i])),
                lastWrite: at((i) => WRITES.includes(calls[i]), true),
                deleteUserPool: at((i) => calls[i] === "DeleteUserPool", true),
                end: round((endedAt - begunAt) / 1000, 2),
            };
            // The provider's lines reach the engine as diagnostics (the host's stderr).
            const said = result.events
                .flatMap((e) => String(e.diagnosticEvent?.message ?? "").split("\n"))
                .filter((l) => /copyUsersOnReplacement: \d+ users? of user pool/.test(l))
                .map((l) => l.trim());

            // What the up left: the new pool with every user as added, the old pool gone.
            const newId: string = (await stack.outputs()).poolId;
            const verified = await check(client, oldId, newId, people);
            const r: Result = {
                users,
                rate,
                quota: upQuota,
                seconds: round(seconds, 2),
                usersPerSecond: round(users / seconds, 2),
                calls: calls.length,
                callsPerUser: round(calls.length / users, 3),
                byOperation,
                floorSeconds: round(calls.length / rate, 1),
                ratio: round(seconds / (calls.length / rate), 3),
                throttled: upThrottled,
                busiestSecond: busiestSecond(times),
                busiestSecondByOperation,
                timeline,
                writeUsersPerSecond: round(users / (timeline.lastWrite - timeline.firstWrite), 2),
                said,
                peakMiB,
                cpuSeconds: { cli: round(cpuSeconds.cli, 1), host: round(cpuSeconds.host, 1), program: round(cpuSeconds.program, 1), moto: round(motoSeconds, 1) },
                verified,
            };
            results.push(r);
            log(
                `${rate}/s, ${users} users: pulumi up ${r.seconds} s, ${r.usersPerSecond} users/s (writes ${r.writeUsersPerSecond} users/s), ${r.calls} calls (${r.callsPerUser} per user; floor ${r.floorSeconds} s, ×${r.ratio}), ` +
                    `throttled ${r.throttled}, busiest second ${r.busiestSecond}, by operation ${JSON.stringify(byOperation)}, timeline ${JSON.stringify(timeline)}, ` +
                    `host ${peakMiB.host} MiB / ${r.cpuSeconds.host} s CPU, moto ${r.cpuSeconds.moto} s CPU; verified ${JSON.stringify(verified)}; said: ${said.join(" | ")}`,
            );
            if (!verified.ok) throw new Error(`the copy of ${users} users at ${rate}/s did not leave what was added: ${JSON.stringify(verified)}`);
            // The new pool holds users, so destroy would refuse it (the guard): delete it here instead.
            await client.send(new DeleteUserPoolCommand({ UserPoolId: newId }));
            load.push(machine().loadAverage);
        }
    } finally {
        await consumer.close();
        await lc.stop();
    }
    const figures = { generatedAt: started, durationSeconds: round((performance.now() - t0) / 1000, 0), machine: machine(), load, cli: cli.version, ...provenance, groups: GROUPS, results };
    mkdirSync(join(repoRoot, "bench-results"), { recursive: true });
    writeFileSync(join(repoRoot, "bench-results", "copy-users.json"), `${JSON.stringify(figures, null, 2)}\n`);
    writeSection(figures);
    log("wrote bench-results/copy-users.json and BENCHMARKS.md (Copying users on a replacement)");
}

async function check(client: CognitoIdentityProviderClient, oldId: string, newId: string, people: ReturnType<typeof person>[]): Promise<Verified> {
    const oldPoolGone = await client.send(new DescribeUserPoolCommand({ UserPoolId: oldId })).then(
        () => false,
        (err) => (err?.name === "ResourceNotFoundException" ? true : Promise.reject(err)),
    );
    const pool = (await client.send(new DescribeUserPoolCommand({ UserPoolId: newId }))).UserPool;
    const users = await listAll(client, newId);
    const email = (u: UserType) => u.Attributes?.find((a) => a.Name === "email")?.Value;
    const byName = new Map(users.map((u) => [u.Username, u]));
    const members: Record<string, number> = {};
    let sameMembers = true;
    for (const group of GROUPS) {
        const there = new Set((await listAll(client, newId, group)).map((u) => u.Username));
        members[group] = there.size;
        const wanted = people.filter((p) => p.group === group).map((p) => p.username);
        sameMembers &&= there.size === wanted.length && wanted.every((n) => there.has(n));
    }
    const v: Verified = {
        oldPoolGone,
        newPoolCaseSensitive: pool?.UsernameConfiguration?.CaseSensitive,
        users: users.length,
        disabled: users.filter((u) => u.Enabled === false).length,
        confirmed: users.filter((u) => u.UserStatus === "CONFIRMED").length,
        sameUsernames: people.every((p) => byName.has(p.username)),
        sameEmails: people.every((p) => byName.has(p.username) && email(byName.get(p.username)!) === p.email),
        members,
        ok: false,
    };
    v.ok =
        oldId !== newId &&
        v.oldPoolGone &&
        v.newPoolCaseSensitive === false &&
        v.users === people.length &&
        v.disabled === people.filter((p) => p.disabled).length &&
        people.every((p) => (byName.get(p.username)?.Enabled === false) === p.disabled) &&
        v.confirmed === people.length &&
        v.sameUsernames &&
        v.sameEmails &&
        sameMembers;
    return v;
}

/** `text` with `section` (from COPY_USERS_START to COPY_USERS_END) in place of its own, or appended. */
function withSection(text: string, section: string): string {
    const start = text.indexOf(COPY_USERS_START);
    const end = text.indexOf(COPY_USERS_END);
    return start >= 0 && end > start ? text.slice(0, start) + section + text.slice(end + COPY_USERS_END.length) : `${text.trimEnd()}\n\n${section}\n`;
}

function writeSection(f: any): void {
    const lines: string[] = [];
    const p = (...l: string[]) => lines.push(...l);
    const results: Result[] = f.results;
    const label = (r: Result) => `${r.users.toLocaleString("en-US")} at ${r.rate}/s`;
    const perUser = (r: Result, ops: string[]) => ops.reduce((n, op) => n + (r.byOperation[op] ?? 0), 0) / r.users;
    const writesPerUser = (r: Result) => perUser(r, WRITES);
    const operations = [...new Set(results.flatMap((r) => Object.keys(r.byOperation)))].sort((a, b) => Math.max(...results.map((r) => (r.byOperation[b] ?? 0) / r.users)) - Math.max(...results.map((r) => (r.byOperation[a] ?? 0) / r.users)) || a.localeCompare(b));
    p(COPY_USERS_START, "## Copying users on a replacement", "");
    p(
        "A pool with N users (`tests/programs/bench-copy-users`: usernames, case-sensitive), replaced by `pulumi up` with",
        "`usernameConfiguration.caseSensitive` false and `copyUsersOnReplacement: true`: the new pool made, every user copied into it",
        "(AdminCreateUser with no invitation, AdminSetUserPassword to a random permanent password, AdminDisableUser for the disabled,",
        "AdminAddUserToGroup for the members), the copy checked, then the old pool deleted, all in that one `up`. The users were added",
        `beforehand with the AWS SDK: an email each, every tenth disabled, one in four in each of two groups (${f.groups.join(", ")}).`,
        `Through the Pulumi CLI ${f.cli}, file backend, the package installed from its tarball; measured by \`npm run bench:copy-users\``,
        `(\`tests/bench/copyUsers.ts\`) on ${f.generatedAt.slice(0, 10)}, one run of ${f.durationSeconds} s on ${f.machine.nproc} cores shared with the local Cognito`,
        `(load average at the start and after each run: ${f.load.map((l: number[]) => l[0].toFixed(2)).join(", ")}), at commit ${String(f.commit).slice(0, 7)}` +
            (f.providerChanges?.length ? ` with uncommitted changes to ${f.providerChanges.map((l: string) => l.slice(3)).join(", ")} (in the package measured).` : "."),
        "The local Cognito answers like Cognito's quota, counting every call alike (a call arriving when the quota's worth arrived in the",
        "second before it: TooManyRequestsException; 15 at the shipped rate, 1.5 × the rate above it); \"throttled\" counts those answers,",
        "\"busiest second\" the most calls that arrived in any one second. The floor is the calls ÷ the rate limit: what the rate alone takes.",
        "After each run the new pool was read back: every user there with its email, enabled flag, CONFIRMED status and groups, the old pool gone.",
        "",
        "| users | rate limit, calls/s | `pulumi up`, s | users/s | calls | calls per user | of which writes | floor, s | × floor | throttled | busiest second | copy's writes, s | users/s while writing | verified |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    );
    for (const r of results) {
        const v = r.verified;
        p(
            `| ${r.users.toLocaleString("en-US")} | ${r.rate} | ${r.seconds.toFixed(1)} | ${r.usersPerSecond.toFixed(2)} | ${r.calls.toLocaleString("en-US")} | ${r.callsPerUser.toFixed(2)} | ${writesPerUser(r).toFixed(2)} | ${r.floorSeconds.toFixed(1)} | ${r.ratio.toFixed(2)} | ${r.throttled} | ${r.busiestSecond} | ${(r.timeline.lastWrite - r.timeline.firstWrite).toFixed(1)} | ${r.writeUsersPerSecond.toFixed(2)} | ${v.ok ? `yes: ${v.users.toLocaleString("en-US")} users (${v.disabled} disabled), ${GROUPS.map((g) => v.members[g]).join(" + ")} members, old pool gone` : "**no**"} |`,
        );
    }
    p("", "Calls per user, by operation (the whole `up`: preview's count of the old pool's users, the new pool, the copy, its check, the old pool's delete):", "");
    p(`| operation | ${results.map(label).join(" | ")} | busiest second of it, ${results.map(label).join(" / ")} |`, `|---|${results.map(() => "---:|").join("")}---|`);
    for (const op of operations) {
        p(`| ${op} | ${results.map((r) => round((r.byOperation[op] ?? 0) / r.users, 4)).join(" | ")} | ${results.map((r) => r.busiestSecondByOperation[op] ?? 0).join(" / ")} |`);
    }
    p(`| **all** | ${results.map((r) => r.callsPerUser.toFixed(3)).join(" | ")} | ${results.map((r) => r.busiestSecond).join(" / ")} |`);
    const shipped = results.filter((r) => r.rate === DEFAULT_RATE);
    const faster = results.filter((r) => r.rate !== DEFAULT_RATE);
    const big = shipped.find((r) => r.users === 1000) ?? shipped[shipped.length - 1] ?? results[0];
    const directoryPerUser = (r: Result) => perUser(r, DIRECTORY_READS);
    const poolPerUser = (r: Result) => r.callsPerUser - writesPerUser(r) - directoryPerUser(r);
    const throttled = results.reduce((n, r) => n + r.throttled, 0);
    /** Operations that arrived more than 25 times in one second at a raised rate (25: the smallest default quota of a user category). */
    const over = faster
        .flatMap((r) => Object.entries(r.busiestSecondByOperation).map(([op, n]) => ({ op, n, rate: r.rate })))
        .filter((x) => x.n > 25)
        .sort((a, b) => b.n - a.n);
    const topFaster = faster.flatMap((r) => Object.values(r.busiestSecondByOperation)).reduce((m, n) => Math.max(m, n), 0);
    const runLine = (r: Result) =>
        `${r.users.toLocaleString("en-US")} users at ${r.rate} calls a second: ${(r.rate / r.callsPerUser).toFixed(2)} users a second expected, ${r.usersPerSecond.toFixed(2)} measured ` +
        `(${r.seconds.toFixed(0)} s, ${r.ratio.toFixed(2)} × the floor)`;
    p(
        "",
        "### What sets the pace",
        "",
        "The rate limit, and the calls per user. Every call the copy makes goes through the provider's one rate limit",
        "(`cognito-user-pool:requestsPerSecond`, 10 by default, shared by every pool the stack's `up` touches: `provider/cognito/send.ts`),",
        "so a copy moves about requestsPerSecond ÷ calls per user users a second, and the time is the floor plus the CLI's own few seconds.",
        `At ${big.users.toLocaleString("en-US")} users a user costs ${big.callsPerUser.toFixed(2)} calls: ${writesPerUser(big).toFixed(2)} writes (AdminCreateUser and AdminSetUserPassword`,
        "for every user, AdminDisableUser for the tenth that is disabled, AdminAddUserToGroup for the half in a group), " +
            `${directoryPerUser(big).toFixed(2)} in reading the two pools' users and groups`,
        "(ListUsers and ListUsersInGroup answer 60 users a page; the old pool is read 5 times: the preview's count, before the copy, its check,",
        "and the same two again when the old pool's delete checks the copy before deleting; the new pool 4 times), and " +
            `${poolPerUser(big).toFixed(3)} for the pools themselves`,
        "(CreateUserPool, DescribeUserPool, the hand-over tag, CreateGroup, DeleteUserPool: a fixed few, which is why 100 users cost more per user).",
        `So: ${results.map(runLine).join("; ")}.`,
        `${throttled === 0 ? "No call was throttled" : `${throttled} calls were throttled (and retried)`}, though the local Cognito counts every call against one quota, which real Cognito does not:`,
        "it counts user calls in per-account categories of their own, apart from the user-pool calls (UserPoolRead, UserPoolUpdate: 15 requests",
        "a second) that the shipped limit of 10 is sized for. AdminCreateUser's category, UserCreation, allows 50 requests a second by default; the",
        "categories of the passwords, enabled flags, memberships and user listings allow 25 or 30 each",
        "([quotas](https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html)). All are above the shared limit of 10, so at the shipped",
        "setting the provider's limit, not Cognito, sets the pace of a copy. A large copy goes faster with `requestsPerSecond` raised for that one",
        "`up`, but the copy runs in phases of one kind of call (the users with their passwords, then the memberships, then the reads), so at a",
        over.length
            ? `raised rate one operation can arrive faster than its category allows: at ${over[0].rate} calls a second, ${over.map((x) => `up to ${x.n} ${x.op} calls`).join(", ").replace(/, ([^,]*)$/, " and $1")} arrived in one second, above the 25 to 30 a second of the user categories they count in; against Cognito some would be throttled and retried with backoff.`
            : `raised rate the busiest second of any one operation was ${topFaster} calls here, under every user category's default quota.`,
        "The same raised limit also applies to every other pool call of that `up`, whose quota stays 15 a second.",
        "",
        COPY_USERS_END,
    );
    const file = join(repoRoot, "BENCHMARKS.md");
    writeFileSync(file, withSection(readFileSync(file, "utf8"), lines.join("\n")));
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
