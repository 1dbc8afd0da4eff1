// BENCHMARKS.md, written from the figures the benchmark measured (the same ones as results.json).
import { median } from "./stats";
import { OPERATIONS, OPERATION_LABELS, Operation, WAYS } from "./ways";

/** BENCHMARKS.md's section written by `npm run bench:tenants` (tests/bench/tenants.ts); `npm run bench` keeps it. */
export const TENANTS_START = "<!-- tenants: written by npm run bench:tenants -->";
export const TENANTS_END = "<!-- /tenants -->";

/** `text` with `section` (from TENANTS_START to TENANTS_END) in place of its own, or appended. */
export function withTenantsSection(text: string, section: string): string {
    const start = text.indexOf(TENANTS_START);
    const end = text.indexOf(TENANTS_END);
    if (!section) return text;
    return start >= 0 && end > start ? text.slice(0, start) + section + text.slice(end + TENANTS_END.length) : `${text.trimEnd()}\n\n${section}\n`;
}

/** The tenants section of `text`, or "" when it has none. */
export function tenantsSection(text: string): string {
    const start = text.indexOf(TENANTS_START);
    const end = text.indexOf(TENANTS_END);
    return start >= 0 && end > start ? text.slice(start, end + TENANTS_END.length) : "";
}

/** BENCHMARKS.md's section written by `npm run bench:copy-users` (tests/bench/copyUsers.ts); `npm run bench` keeps it. */
export const COPY_USERS_START = "<!-- copy-users: start -->";
export const COPY_USERS_END = "<!-- copy-users: end -->";

/** The section of `text` from `start` to `end` (markers included), or "" when it has none. */
export function sectionOf(text: string, start: string, end: string): string {
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    return from >= 0 && to > from ? text.slice(from, to + end.length) : "";
}

/** `text` with `section` (from `start` to `end`) in place of its own, or appended; unchanged when `section` is "". */
export function withSection(text: string, section: string, start: string, end: string): string {
    if (!section) return text;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    return from >= 0 && to > from ? text.slice(0, from) + section + text.slice(to + end.length) : `${text.trimEnd()}\n\n${section}\n`;
}

type Figures = Record<string, any>;

const RAW_CALLS: Record<Operation, string> = {
    create: "CreateUserPool",
    refresh: "DescribeUserPool",
    preview: "none",
    update: "UpdateUserPool (whole configuration)",
    replace: "CreateUserPool + DeleteUserPool",
    delete: "DeleteUserPool",
};

const PROVIDER_STEPS: Record<Operation, string> = {
    create: "check + create",
    refresh: "read",
    preview: "check + diff",
    update: "check + diff + update",
    replace: "check + diff + create + delete",
    delete: "delete",
};

/** Why the provider makes a call the raw SDK does not, by operation and call. */
const EXTRA_CALL_REASONS: Record<string, string> = {
    "refresh GetUserPoolMfaConfig": "the MFA factors are only readable through GetUserPoolMfaConfig; asked only when DescribeUserPool says MFA is on or a factor is declared",
    "update DescribeUserPool": "after UpdateUserPool, only when custom attributes were added (Cognito names and fills them in)",
    "replace DescribeUserPool": "twice for the old pool's live user count, the guard against deleting users' accounts: in the diff (so that the preview refuses a replacement that would delete users) and again before DeleteUserPool (users may have signed up since; a pool already gone counts as deleted)",
    "delete DescribeUserPool": "before DeleteUserPool: the pool's live user count, for the guard against deleting users' accounts (and a pool already gone counts as deleted)",
};

const TARGET_CALLS: Record<Operation, number> = { create: 1, refresh: 1, preview: 0, update: 1, replace: 4, delete: 2 };

/**
 * What terraform-provider-aws's aws_cognito_user_pool calls for the same operation on this pool (MFA off,
 * no custom attribute added), from internal/service/cognitoidp/user_pool.go (commit 015edb13): create is
 * CreateUserPool, SetUserPoolMfaConfig only when MFA is not OFF or WebAuthn is set, then the read; the read
 * is DescribeUserPool + GetUserPoolMfaConfig, always; update is SetUserPoolMfaConfig when an MFA member
 * changed, UpdateUserPool when another member did, AddCustomAttributes for new attributes, TagResource /
 * UntagResource for tags (the SDK's transparent tagging), then the read; delete is DeleteUserPool, with
 * no guard. `terraform plan` refreshes every resource first unless -refresh=false.
 */
const TERRAFORM_CALLS: Record<Operation, string> = {
    create: "3: CreateUserPool + DescribeUserPool + GetUserPoolMfaConfig (4 with MFA on)",
    refresh: "2: DescribeUserPool + GetUserPoolMfaConfig",
    preview: "2 (`terraform plan` refreshes first: DescribeUserPool + GetUserPoolMfaConfig); 0 with -refresh=false",
    update: "3: UpdateUserPool + DescribeUserPool + GetUserPoolMfaConfig (up to 6: SetUserPoolMfaConfig, AddCustomAttributes, TagResource/UntagResource)",
    replace: "4: a create (3) + DeleteUserPool",
    delete: "1: DeleteUserPool (no guard for users' accounts)",
};

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const x = (v: number | null | undefined) => (v === null || v === undefined ? "n/a" : v.toFixed(2));
const yes = (ok: boolean) => (ok ? "yes" : "**no**");
const kib = (b: number) => `${Math.round(b).toLocaleString("en-US")} B (${(b / 1024).toFixed(2)} KiB)`;

function callList(perPool: Record<string, number>): string {
    const entries = Object.entries(perPool);
    if (entries.length === 0) return "none";
    return entries.map(([name, n]) => (n === 1 ? name : `${n} × ${name}`)).join(" + ");
}

/** Calls the provider made per pool beyond the raw SDK's, by name. */
function extraCalls(provider: Record<string, number>, raw: Record<string, number>): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, n] of Object.entries(provider)) if (n > (raw[name] ?? 0)) out[name] = n - (raw[name] ?? 0);
    return out;
}

export function writeReport(f: Figures): string {
    const r = f.results;
    const counts: number[] = f.settings.poolCounts;
    const last = counts[counts.length - 1];
    const m = f.machine;
    const lines: string[] = [];
    const p = (...l: string[]) => lines.push(...l);
    const target: { direct: number; host: number } = f.targets.wallTimeRatioAt100;

    // ---- Summary against the targets.
    const providerWays = ["direct", "host"];
    const callsOk = (op: Operation) => providerWays.every((w) => counts.every((n) => r[op][w][n].totalCallsPerPool <= TARGET_CALLS[op]));
    const ratios = f.analysis.ratios;
    const ratioOps = OPERATIONS.filter((op) => ratios[op][last].direct !== null);
    /** The operations with a wall-time target; a replacement and a delete read the live user count on purpose. */
    const targeted = (op: Operation) => op === "create" || op === "refresh" || op === "update";
    const within = (op: Operation) => ratios[op][last].direct <= target.direct && ratios[op][last].host <= target.host;
    const lin = f.analysis.linearity;
    const callsConstant = OPERATIONS.every((op) => WAYS.every((w) => lin[op][w].callsPerPoolConstant));
    const exponents = OPERATIONS.flatMap((op) => WAYS.map((w) => lin[op][w].exponent10to100)).filter((e: number | null) => e !== null) as number[];
    const maxExp = Math.max(...exponents);
    const diffUs = f.diff.noChange.cpuUsPer;

    p(
        "# Benchmarks",
        "",
        `API calls, wall time, state size and CPU time of the \`UserPool\` provider, side by side with the raw AWS SDK doing the same`,
        `thing with the fewest calls, against a local Cognito. Produced by \`npm run bench\` (\`tests/bench/run.ts\`) on this machine on`,
        `${f.generatedAt.slice(0, 10)} (${f.generatedAt}); the run took ${f.durationSeconds} s. The same figures, unrounded, are in`,
        "[`bench-results/results.json`](bench-results/results.json); the chart is",
        "[`bench-results/time-vs-pools.svg`](bench-results/time-vs-pools.svg).",
        "",
        "## Against the targets",
        "",
        "| target | measured | met |",
        "|---|---|---|",
    );
    for (const op of OPERATIONS) {
        const c = r[op].direct[last];
        const why = op === "delete" ? " (the live user count, then the delete)" : op === "replace" ? " (the old pool's live user count at the diff, the new pool, the count again, the delete)" : "";
        p(`| ${OPERATION_LABELS[op]}: at most ${TARGET_CALLS[op]} API call${TARGET_CALLS[op] === 1 ? "" : "s"} per pool${why} | ${c.totalCallsPerPool} (${callList(c.callsPerPool)}), the same through the host and at every pool count | ${yes(callsOk(op))} |`);
    }
    const cd = f.consentedDelete;
    const cdCalls = Object.values(cd.callsPerPool as Record<string, number>).reduce((a, b) => a + b, 0);
    p(`| delete where the guard cannot apply (the program consented): at most ${f.targets.callsPerPool.consentedDelete} call per pool | ${cdCalls} (${callList(cd.callsPerPool)}), ${cd.pools} pools | ${yes(cdCalls <= f.targets.callsPerPool.consentedDelete)} |`);
    for (const op of ratioOps) {
        const q = ratios[op][last];
        const what = targeted(op)
            ? `provider/raw wall time at ${last} pools at most ${target.direct.toFixed(2)} direct, ${target.host.toFixed(2)} through the host`
            : `provider/raw wall time at ${last} pools (no target: the provider reads the live user count first, on purpose)`;
        p(
            `| ${OPERATION_LABELS[op]}: ${what} | direct ${x(q.direct)}, host ${x(q.host)}; ` +
                `against the raw SDK making the provider's own calls: direct ${x(q.directVsSame)}, host ${x(q.hostVsSame)} | ${targeted(op) ? yes(within(op)) : "n/a"} |`,
        );
    }
    p(
        `| no-op preview: provider/raw wall time | no ratio: the raw SDK has nothing to do. The provider's no-op preview of ${last} pools takes ${ms(r.preview.direct[last].medianMs)} ms directly, ${ms(r.preview.host[last].medianMs)} ms through the host, with 0 calls | n/a |`,
        `| a diff under ${f.targets.diffMicroseconds} µs (CPU) | ${diffUs.toFixed(1)} µs per no-op diff, ${f.diff.oneSetting.cpuUsPer.toFixed(1)} µs with one setting changed (median of ${f.diff.noChange.rounds} rounds of ${f.diff.noChange.count.toLocaleString("en-US")} diffs; slowest round ${Math.max(f.diff.noChange.cpuUsMax, f.diff.oneSetting.cpuUsMax).toFixed(1)} µs) | ${yes(diffUs < f.targets.diffMicroseconds && f.diff.oneSetting.cpuUsPer < f.targets.diffMicroseconds)} |`,
        `| the serialized provider at most 2 KB | ${f.state.providerByValueBytes} bytes by value (loaded from this repository; 2 KiB = 2,048 bytes${f.state.providerByValueBytes > 2000 ? ", though above 2,000" : ""}); ${f.state.providerInstalledBytes} bytes installed from npm (by reference) | ${yes(f.state.providerByValueBytes <= f.targets.serializedProviderBytes)} |`,
        `| the exported state of the minimal example at most 4 KB per pool | ${kib(f.cli.state.resourceBytesPerPool)} per UserPool in \`pulumi stack export\` (${kib(f.cli.state.deploymentBytesPerPool)} of the whole deployment per pool, ${f.cli.pools} pools; [State per pool](#state-per-pool)) | ${yes(f.cli.state.resourceBytesPerPool <= f.targets.exportedStateBytesPerPool)} |`,
        `| cost growing linearly with pool count | calls per pool ${callsConstant ? "identical" : "**not identical**"} at 1, 10 and 100 pools for every operation and way; wall time grows with exponent at most ${maxExp.toFixed(2)} from 10 to 100 pools (1 = linear) | ${yes(callsConstant && maxExp <= 1.1)} |`,
        "",
    );
    const over = ratioOps.filter((op) => targeted(op) && !within(op));
    if (over.length) {
        p(`Where a ratio is above its target (${target.direct.toFixed(2)} direct, ${target.host.toFixed(2)} through the host), and why:`, "");
        let hostExplained = false;
        for (const op of over) {
            const raw = r[op].raw[last];
            const same = r[op].rawSame[last];
            const d = r[op].direct[last];
            const q = ratios[op][last];
            const extra = extraCalls(d.callsPerPool, raw.callsPerPool);
            const reasons: string[] = [];
            if (Object.keys(extra).length) {
                reasons.push(
                    `the provider makes ${d.totalCallsPerPool} calls per pool where ${raw.totalCallsPerPool} would do (extra: ${callList(extra)}; why: [API calls per pool](#api-calls-per-pool)), ` +
                        `and on this local Cognito time is calls: the raw SDK making the same ${d.totalCallsPerPool} calls takes ${ms(same.medianMs)} ms, ${x(same.medianMs / raw.medianMs)} × the fewest`,
                );
            }
            if ((q.directVsSame ?? 0) > target.direct) {
                const extraCpu = d.cpuMsPerPool.bench - same.cpuMsPerPool.bench;
                reasons.push(
                    `with the same calls the provider, called directly, is still at ${x(q.directVsSame)}: its own work (check, diff, building the request and the outputs, and its call wrapper: deadline, retries, rate limit; a CPU profile puts the first four at a few percent of it)` +
                        ` costs ${extraCpu.toFixed(1)} ms of CPU per pool beyond the raw SDK's, in the process that also runs the local Cognito's layer, on 2 CPUs shared with moto` +
                        " ([CPU per pool](#cpu-per-pool-at-100-pools))",
                );
            }
            if ((q.hostVsSame ?? 0) > target.host) {
                reasons.push(
                    hostExplained
                        ? `through the host it is at ${x(q.hostVsSame)} of the same calls (the RPCs' encoding, as above; here ${PROVIDER_STEPS[op]})`
                        : `through the host it is at ${x(q.hostVsSame)} of the same calls: each of the engine's RPCs (${PROVIDER_STEPS[op]}) is a gRPC round trip whose protobuf encoding of the` +
                              " inputs and outputs (the host converts every request and answer between google-protobuf `Struct`s and JavaScript objects) costs about a" +
                              " millisecond of CPU, in the host and in this benchmark's JavaScript gRPC client, on the same 2 CPUs as moto" +
                              ` ([CPU per pool](#cpu-per-pool-at-100-pools)); what the provider controls is the size of what is encoded: ${Math.round(f.state.inputsBytes)} B of inputs and` +
                              ` ${Math.round(f.state.outputsBytes)} B of outputs per pool here. The real engine is Go, not this JavaScript client:` +
                              " [Through the real Pulumi CLI](#through-the-real-pulumi-cli) has `pulumi` itself",
                );
                hostExplained = true;
            }
            p(`- **${OPERATION_LABELS[op]}** (direct ${x(q.direct)}, host ${x(q.host)}): ${reasons.join("; ") || "noise: the same calls, within the target against them"}.`);
        }
        p("");
    }

    const sameCallsDiffer = OPERATIONS.filter((op) => counts.some((n) => JSON.stringify(r[op].rawSame[n].callsPerPool) !== JSON.stringify(r[op].direct[n].callsPerPool)));
    if (sameCallsDiffer.length) {
        p(`**rawSame did not make the provider's calls** for ${sameCallsDiffer.map((op) => OPERATION_LABELS[op]).join(", ")}: tests/bench/ways.ts is out of date there, and the "same calls" ratios of those rows compare unlike work.`, "");
    }

    // ---- Machine and rerun.
    p(
        "## The machine",
        "",
        "| | |",
        "|---|---|",
        `| CPU | ${m.cpuModel}, ${m.nproc} CPUs (\`nproc\`) |`,
        `| memory | ${m.memoryGiB} GiB |`,
        `| load average (1, 5, 15 min) | ${m.loadAverage.join(", ")} at the start, ${m.loadAverageAtEnd.join(", ")} at the end (the benchmark itself keeps about 2 CPUs busy) |`,
        `| OS | ${m.os} |`,
        `| Node | ${m.node} (the one that ran the benchmark: under \`npm run\`, the \`node\` package's, first on PATH) |`,
        `| local Cognito | moto ${m.moto ?? "?"} (\`moto_server\`), behind \`tests/support/localCognito.ts\` on loopback |`,
        `| AWS SDK | @aws-sdk/client-cognito-identity-provider ${m.awsSdk} |`,
        `| Pulumi SDK | @pulumi/pulumi ${m.pulumi} (its \`cmd/dynamic-provider\` host) |`,
        "",
        "## How to rerun",
        "",
        "```sh",
        "npm ci",
        "npm run bench     # builds, then runs tests/bench/run.ts; needs moto_server on the PATH, no AWS account",
        "```",
        "",
        "It rewrites this file, `bench-results/results.json` and `bench-results/time-vs-pools.svg`. It is not part of `npm test`.",
        "Every pool it creates is deleted; it checks that none is left (" + `${f.poolsLeftAfterRun} left in this run).`,
        "",
        "## What is measured, and how",
        "",
        "Each operation is done four ways, on pools of the same declaration (the promotion example's pool: email sign-in,",
        "`usernameConfiguration`, a password policy, one custom attribute, three tags; see `settings.poolDeclaration` in the JSON):",
        "",
        "- **raw**: the AWS SDK alone, with the fewest calls that have the same effect (a script with no state and no plan).",
        "- **rawSame**: the AWS SDK alone, making exactly the calls the provider makes, in its order, and nothing else: the",
        "  baseline that separates the provider's own overhead from the cost of its extra calls.",
        "- **direct**: the provider (`provider/runtime.ts`) called in the benchmark's process, with the calls the Pulumi engine",
        "  makes for that step.",
        "- **host**: the same calls through the real Pulumi dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`), over",
        "  gRPC, with the serialized provider (`__provider`) taken from a real `UserPool` registration in a fresh project",
        "  where the packed package is installed (stored by reference, as in a user's state); the host is started",
        "  once in the repository root and configured with `cognito-user-pool:endpoint` and `cognito-user-pool:requestsPerSecond`.",
        "",
        "| operation | raw (fewest calls) | rawSame (the provider's calls) | provider (what the engine calls) |",
        "|---|---|---|---|",
        ...OPERATIONS.map((op) => `| ${OPERATION_LABELS[op]} | ${RAW_CALLS[op]} | ${callList(r[op].rawSame[last].callsPerPool)} | ${PROVIDER_STEPS[op]} |`),
        "",
        "The one-setting update changes `policies.passwordPolicy.minimumLength` (12 → 13); the replacement changes",
        "`usernameConfiguration.caseSensitive`, which Cognito cannot change in place (create the new pool, then delete the old).",
        "",
        `At N pools the N operations run at once (\`Promise.all\`), as a stack of N pools does. For each pool count the whole`,
        `lifecycle (create, refresh, preview, update, replace, delete) runs ${counts.map((n) => `${f.settings.repetitions[n]} times at ${n}`).join(", ")}`,
        "pool(s); within it, each operation is done the four ways one after the other, the order rotating from one operation",
        "and repetition to the next so that drift in moto's speed falls on all of them alike. Times are the median over the",
        "repetitions. API calls are counted by the local Cognito's layer, per operation, and divided by N. A warm-up lifecycle",
        "(3 pools, each way) runs first and is not recorded.",
        "",
        "**The local Cognito, with two changes for the benchmark only** (the tests run it unchanged):",
        "",
        "- Stock moto parses the same RSA private key from its resource file on every CreateUserPool, under Python's global lock",
        `  (measured at the start of this run on a stock moto: one create ${f.stockMoto.sequentialMedianMs.toFixed(0)} ms, 20 at once ${f.stockMoto.twentyAtOnceMs.toFixed(0)} ms), so creates would measure`,
        "  moto and nothing else (100 take about 20 s whichever way). The benchmark starts moto with",
        "  `tests/bench/moto/sitecustomize.py`, which keeps the parsed key (the key is the same for every pool anyway).",
        "- The local Cognito's layer keeps idle connections for two minutes instead of Node's default five seconds. The AWS SDK",
        "  keeps connections alive without an idle limit, and between one way's turn and the next (about five seconds at 100",
        "  pools) it would now and then send on a connection the layer was closing: ECONNRESET, retried after a backoff, landing",
        "  on whichever way had idle connections.",
        "",
        `**The provider's rate limit is set out of the way** (\`requestsPerSecond\` ${f.settings.requestsPerSecondForProvider.toLocaleString("en-US")}, through \`useSettings\` for direct and the`,
        "config key for the host): at its default of 10 calls a second it, not the provider, would set the time at 100 pools. What",
        "the limit costs at its default is measured separately, [below](#the-rate-limit-at-its-default).",
        "",
    );

    // ---- Calls.
    p(
        "## API calls per pool",
        "",
        "Counted by the local Cognito's layer; identical at 1, 10 and 100 pools and in every repetition unless marked.",
        "",
        "| operation | raw SDK, fewest | provider, direct | provider, host | target | Terraform's aws_cognito_user_pool | extra calls and why |",
        "|---|---|---|---|---|---|---|",
    );
    for (const op of OPERATIONS) {
        const raw = r[op].raw[last];
        const d = r[op].direct[last];
        const h = r[op].host[last];
        const extra = extraCalls(d.callsPerPool, raw.callsPerPool);
        const why = Object.keys(extra).length
            ? Object.entries(extra).map(([name, n]) => `${n === 1 ? "" : `${n} × `}${name}: ${EXTRA_CALL_REASONS[`${op} ${name}`] ?? "(see provider/verbs/)"}`).join("; ")
            : "none";
        const stable = (w: string) => (lin[op][w].callsPerPoolConstant ? "" : " (**varies**)");
        p(`| ${OPERATION_LABELS[op]} | ${raw.totalCallsPerPool}: ${callList(raw.callsPerPool)}${stable("raw")} | ${d.totalCallsPerPool}: ${callList(d.callsPerPool)}${stable("direct")} | ${h.totalCallsPerPool}${stable("host")} | ≤ ${TARGET_CALLS[op]} | ${TERRAFORM_CALLS[op]} | ${why} |`);
    }
    p(
        "",
        `A delete the guard cannot apply to (the program set \`allowReplacementWithUsers\`): ${callList(cd.callsPerPool)} per pool (${cd.pools} pools, direct).`,
        "A delete otherwise reads the live user count first, even when an earlier step of the same deployment saw 0: users who",
        "signed up in between would be deleted without a word (a stale count is how an earlier version lost accounts).",
        "With MFA on (DescribeUserPool's MfaConfiguration not OFF) or a factor declared, a refresh adds GetUserPoolMfaConfig, as",
        "Terraform's always does; an update that switches a factor adds SetUserPoolMfaConfig (tests/verbs/economy.test.ts pins these).",
        "Terraform's column is read from its source (the comment on TERRAFORM_CALLS in tests/bench/report.ts), not measured.",
    );
    const failed = (o: Record<string, number>) => (Object.keys(o).length ? Object.entries(o).map(([k, n]) => `${n} × ${k}`).join(", ") : "none");
    p(
        "",
        `Failed attempts, retried, during the measured runs: raw SDK ${failed(f.failedAttempts.raw)} (retried inside the SDK, never reaching the`,
        `local Cognito's count); provider, direct: ${failed(f.failedAttempts.provider)} (${f.providerRetries} retries by the provider). The host's are not visible`,
        "from outside; a retry that reached Cognito would show as an extra call above.",
        "",
    );

    // ---- Wall time.
    p(
        "## Wall time",
        "",
        "Median wall time of the whole operation on N pools at once, in milliseconds, and the provider's time over the raw SDK's:",
        "over the fewest calls (the target's ratio), and over the same calls as the provider makes (its own overhead).",
        "",
        "| operation | pools | raw ms | rawSame ms | direct ms | host ms | direct/raw | host/raw | direct/rawSame | host/rawSame |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    );
    for (const op of OPERATIONS) {
        for (const n of counts) {
            const q = ratios[op][n];
            const mark = (w: string) => (r[op][w][n].retried.some((k: number | null) => (k ?? 0) > 0) ? " †" : "");
            const t = (w: string) => `${ms(r[op][w][n].medianMs)}${mark(w)}`;
            p(`| ${OPERATION_LABELS[op]} | ${n} | ${t("raw")} | ${t("rawSame")} | ${t("direct")} | ${t("host")} | ${x(q.direct)} | ${x(q.host)} | ${x(q.directVsSame)} | ${x(q.hostVsSame)} |`);
        }
    }
    const spreads = OPERATIONS.filter((op) => op !== "preview")
        .flatMap((op) => WAYS.map((w) => r[op][w][last].timesMs as number[]))
        .map((t) => Math.max(...t) / Math.min(...t));
    const control = r.create.rawSame[last].medianMs / r.create.raw[last].medianMs;
    p(
        "",
        `How much of this is noise: at ${last} pools the slowest repetition of a cell is typically ${((median(spreads) - 1) * 100).toFixed(0)}% slower than its fastest`,
        `(median over the cells with calls; up to ${((Math.max(...spreads) - 1) * 100).toFixed(0)}%), and the two raw ways, which make the very same call for a create, differ by`,
        `${(Math.abs(control - 1) * 100).toFixed(0)}% in this run. A ratio that differs from 1.10 by less than that spread is within this machine's noise.`,
    );
    const anyRetried = OPERATIONS.some((op) => counts.some((n) => WAYS.some((w) => r[op][w][n].retried.some((k: number | null) => (k ?? 0) > 0))));
    if (anyRetried) p("", "† In at least one repetition of this cell an attempt failed and was retried (see above); the median absorbs one slow repetition.");
    p(
        "",
        "![Wall time against pool count, log-log: raw SDK, provider direct, provider through the host](bench-results/time-vs-pools.svg)",
        "",
        "## Growth with pool count",
        "",
        "Time per pool (the median time at N pools divided by N), the least-squares slope of time against N (ms each extra pool",
        "adds), and the exponent k in time ∝ N^k from 10 to 100 pools (1 is linear; below 1, concurrency absorbs part of the cost).",
        "Calls per pool are the same at every count.",
        "",
        "| operation | way | ms/pool at 1 | at 10 | at 100 | slope, ms/pool | k (10 → 100) | calls/pool at 1, 10, 100 |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    );
    for (const op of OPERATIONS) {
        for (const w of WAYS) {
            const l = lin[op][w];
            p(`| ${OPERATION_LABELS[op]} | ${w} | ${counts.map((n) => ms(l.msPerPool[n])).join(" | ")} | ${ms(l.slopeMsPerPool)} | ${l.exponent10to100 === null ? "n/a" : l.exponent10to100.toFixed(2)} | ${l.callsPerPool.join(", ")} |`);
        }
    }

    // ---- CPU per pool.
    p(
        "",
        `## CPU per pool, at ${last} pools`,
        "",
        "CPU time per pool (median over the repetitions), in ms, by process: this benchmark's own (the AWS SDK, the provider when",
        "called directly, the gRPC client that plays the engine, and the local Cognito's layer, which parses and rewrites every",
        "answer), the provider host, and moto. From `process.cpuUsage()` and `/proc/<pid>/stat` (10 ms ticks, so only the",
        `${last}-pool figures are given).`,
        "",
        "| operation | way | calls/pool | benchmark process | host | moto |",
        "|---|---|---:|---:|---:|---:|",
    );
    for (const op of OPERATIONS) {
        for (const w of WAYS) {
            const c = r[op][w][last];
            p(`| ${OPERATION_LABELS[op]} | ${w} | ${c.totalCallsPerPool} | ${c.cpuMsPerPool.bench.toFixed(2)} | ${w === "host" ? c.cpuMsPerPool.host.toFixed(2) : "–"} | ${c.cpuMsPerPool.moto.toFixed(2)} |`);
        }
    }
    const hp = r.preview.host[last].cpuMsPerPool;
    const motoPerCall = OPERATIONS.filter((op) => r[op].raw[last].totalCallsPerPool > 0).map((op) => r[op].raw[last].cpuMsPerPool.moto / r[op].raw[last].totalCallsPerPool);
    const motoRange = `${Math.min(...motoPerCall).toFixed(1)}–${Math.max(...motoPerCall).toFixed(1)}`;
    p(
        "",
        `moto spends ${motoRange} ms of CPU on each call (raw SDK rows), in one Python process: at ${last} pools it, not any client, sets the pace, so`,
        "wall time follows the number of calls. Through the host, a no-op preview makes no call at all and still costs",
        `${hp.host.toFixed(1)} ms of the host's CPU and ${hp.bench.toFixed(1)} ms of the benchmark's per pool (two RPCs, Check and Diff): that is`,
        `protobuf \`Struct\` encoding and decoding of the inputs and outputs (about ${(f.state.inputsBytes / 1000).toFixed(1)} KB and ${(f.state.outputsBytes / 1000).toFixed(1)} KB of JSON here, every RPC) in`,
        "the Pulumi host and in this benchmark's JavaScript gRPC client; the provider's own check and diff take tens of",
        "microseconds (below). The real engine is written in Go and encodes far faster than this JavaScript client, so the host",
        "column's wall times overstate what `pulumi` itself would add; the host's own CPU column does not.",
        "",
    );

    // ---- Default rate limit.
    const dr = f.defaultRateLimit;
    p(
        "",
        "## The rate limit at its default",
        "",
        `${dr.pools} creates at once through the provider (direct) with the shipped settings (${dr.requestsPerSecond} calls a second, shared; its bucket holds half a`,
        `second's worth, ${dr.burst} calls), next to ${dr.pools} raw creates paced the same way by the benchmark (${dr.burst} at once, then one every`,
        `${1000 / dr.requestsPerSecond} ms). The pacing alone needs (${dr.pools} − ${dr.burst}) / ${dr.requestsPerSecond} = ${dr.quotaBoundSeconds.toFixed(1)} s. Arrival times are the local Cognito's.`,
        "",
        "| | wall time, s | calls | first burst | mean interval after it, ms | most calls in any 1 s |",
        "|---|---:|---:|---:|---:|---:|",
        `| pacing alone (the quota-bound minimum) | ${dr.quotaBoundSeconds.toFixed(2)} | ${dr.pools} | ${dr.burst} | ${(1000 / dr.requestsPerSecond).toFixed(1)} | ${dr.burst + dr.requestsPerSecond} |`,
        `| raw SDK, paced by the benchmark | ${dr.raw.seconds.toFixed(2)} | ${dr.raw.calls} | ${dr.raw.burst} | ${dr.raw.meanIntervalMs.toFixed(1)} | ${dr.raw.maxInOneSecond} |`,
        `| provider, default rate limit | ${dr.provider.seconds.toFixed(2)} | ${dr.provider.calls} | ${dr.provider.burst} | ${dr.provider.meanIntervalMs.toFixed(1)} | ${dr.provider.maxInOneSecond} |`,
        "",
        `Provider / raw: ${dr.ratio.toFixed(3)}. The limit costs ${((dr.provider.seconds - dr.quotaBoundSeconds) * 1000).toFixed(0)} ms beyond the pacing itself for ${dr.pools} pools (the raw SDK`,
        `${((dr.raw.seconds - dr.quotaBoundSeconds) * 1000).toFixed(0)} ms: the last calls' own time), and no one-second window saw more than ${dr.provider.maxInOneSecond} calls`,
        "(Cognito's quota: about 15 a second).",
        "",
    );

    // ---- State.
    const s = f.state;
    p(
        "## State per pool",
        "",
        `What one pool leaves in the stack's state (JSON bytes, averaged over the ${s.pools} pools created through the host at ${last} pools). Pulumi`,
        "keeps a dynamic resource's `__provider` in both its inputs and its outputs.",
        "",
        "| | bytes |",
        "|---|---:|",
        `| serialized provider (\`__provider\`), loaded from this repository (by value) | ${s.providerByValueBytes} |`,
        `| serialized provider, installed from npm (by reference; what every pool here carries) | ${s.providerInstalledBytes} |`,
        `| inputs (with \`__provider\`) | ${Math.round(s.inputsBytes)} |`,
        `| outputs (with \`__provider\`) | ${Math.round(s.outputsBytes)} |`,
        `| of the outputs: \`schemaAttributes\` (the custom attributes, and a standard one only where it differs from Cognito's default) | ${Math.round(s.schemaAttributesBytes)} |`,
        `| **inputs + outputs per pool** (the provider installed from npm) | ${kib(s.totalBytesPerPool)} |`,
        `| inputs + outputs per pool with the provider by value (loaded from this repository) | ${kib(s.totalBytesPerPoolByValue)} |`,
        `| for comparison: a raw DescribeUserPool answer for the same pool | ${s.rawDescribeUserPoolBytes === null ? "n/a" : Math.round(s.rawDescribeUserPoolBytes)} |`,
        `| **the minimal example, one UserPool in \`pulumi stack export\`** (real CLI, installed package; urn, id, inputs, outputs and the rest) | ${kib(f.cli.state.resourceBytesPerPool)} |`,
        `| the minimal example, the whole exported deployment per pool (${f.cli.pools} pools; the stack and provider resources shared out) | ${kib(f.cli.state.deploymentBytesPerPool)} |`,
        "",
    );

    // ---- The real CLI.
    const c = f.cli;
    p(
        "## Through the real Pulumi CLI",
        "",
        `\`pulumi up\`, \`preview\`, \`refresh\` and \`destroy\` of ${c.pools} pools (tests/programs/bench-pools: the minimal example's pool ${c.pools} times), through`,
        `the Pulumi CLI ${c.cliVersion} (${c.cliSource === "build" ? "built for this run" : c.cliSource === "cache" ? "from the cache" : "from PATH"}), file backend, Automation API, the package installed from its tarball into a fresh project,`,
        "**the shipped settings** (the rate limit at 10 calls a second). End to end: the CLI's start, the program, the engine,",
        `the dynamic-provider host, checkpoint writes. Median of ${c.repetitions} rounds, in seconds; calls per pool counted by the local Cognito's layer.`,
        "",
        "| command | seconds (median) | rounds | calls per pool |",
        "|---|---:|---|---|",
        ...Object.entries(c.operations as Record<string, any>).map(([op, v]) => `| \`pulumi ${op}\` | ${v.medianSeconds.toFixed(2)} | ${v.seconds.map((t: number) => t.toFixed(2)).join(", ")} | ${callList(v.callsPerPool)} |`),
        "",
        `For scale: the provider called directly takes ${ms(r.create.direct[10].medianMs)} ms to create 10 pools and ${ms(r.refresh.direct[10].medianMs)} ms to refresh them (tables above, without the rate limit): the`,
        "rest of the CLI's time is the engine, the program and the host, whatever the provider does. A refresh is followed by the",
        "engine's own diff of each pool (0 calls).",
        "",
    );

    // ---- Diff CPU.
    const d = f.diff;
    p(
        "## CPU time per diff",
        "",
        `\`provider.diff\` called ${d.noChange.count.toLocaleString("en-US")} times in a row, ${d.noChange.rounds} rounds, interleaved with the other rows (after 1,000 calls of`,
        `each not counted), on a created pool: olds = the pool's outputs (${d.oldsBytes} bytes of JSON), news = its inputs (${d.newsBytes} bytes). CPU time from`,
        "`process.cpuUsage()` (user + system, GC included), per call: the median round, and the fastest and slowest round.",
        "",
        "| | CPU µs per call (median round) | fastest–slowest round | of which user | wall µs per call |",
        "|---|---:|---:|---:|---:|",
        ...(
            [
                ["diff, no change (what a no-op preview asks)", d.noChange],
                ["diff, one setting changed", d.oneSetting],
                ["check (for comparison)", d.check],
            ] as [string, any][]
        ).map(([label, v]) => `| ${label} | ${v.cpuUsPer.toFixed(1)} | ${v.cpuUsMin.toFixed(1)}–${v.cpuUsMax.toFixed(1)} | ${v.userUsPer.toFixed(1)} | ${v.wallUsPer.toFixed(1)} |`),
        "",
    );

    // ---- Host.
    const h = f.host;
    p(
        "## The host",
        "",
        "| | |",
        "|---|---|",
        `| peak memory (VmHWM from /proc, at the end of the run, after every operation above) | ${(h.peakKiB / 1024).toFixed(1)} MiB |`,
        `| resident memory at the end | ${(h.rssKiB / 1024).toFixed(1)} MiB |`,
        `| start (spawn until it prints its port) | ${ms(h.startMs)} ms |`,
        "",
        `The host served ${counts.map((n) => `${f.settings.repetitions[n]} lifecycles of ${n}`).join(", ")} pool(s) and the warm-up,`,
        "up to 100 pools' calls at once.",
        "",
    );

    // ---- Meaning.
    const own = OPERATIONS.filter((op) => r[op].raw[last].totalCallsPerPool > 0).map((op) => r[op].direct[last].cpuMsPerPool.bench - r[op].rawSame[last].cpuMsPerPool.bench);
    const ownCpu = `${Math.max(0, Math.min(...own)).toFixed(1)}–${Math.max(...own).toFixed(1)}`;
    p(
        "## What these numbers mean, and what they do not",
        "",
        "- **Local Cognito, not Cognito.** moto_server answers on loopback in a few milliseconds, on the same 2 CPUs as the",
        "  benchmark and the host. Real Cognito answers in tens of milliseconds over the network and allows about 15 requests a",
        "  second per account: against it, time is set by the number of calls and the quota, and the provider's own CPU (about",
        `  ${ownCpu} ms per pool and operation here, beyond the SDK's) and the host's RPCs (a few ms each) disappear in the latency. The`,
        "  ratios here are therefore a worst case for the provider's overhead, and say nothing about Cognito's own speed.",
        "- **Calls are the portable figure.** They do not depend on the machine: per pool, each is a request against the quota.",
        "- **The rate limit was out of the way** for the tables above; at its default it makes 100 pools take about as long",
        "  as the quota requires, no longer (see above).",
        "- **The raw SDK does less.** It keeps no state, shows no plan, checks nothing and guards no users' accounts; its no-op",
        "  preview is \"nothing\". The comparison is the price of those, not two ways of doing the same work.",
        "- **moto is one process.** At 100 pools it is the bottleneck for every way; the time per pool falls with N because",
        "  the calls overlap, not because anything gets cheaper.",
        "- **The engine's own costs are in one place only**: the tables above leave out the Pulumi CLI, its state backend,",
        "  checkpoint writes and the host's start per `pulumi` command; [Through the real Pulumi CLI](#through-the-real-pulumi-cli)",
        "  has them, for 10 pools.",
        "",
    );
    return lines.join("\n");
}
