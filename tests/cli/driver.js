// The driver of tests/engine/cli.test.ts, copied into the consumer project and run there as a child `node`
// process (cwd = the consumer project), so that it loads the consumer's own @pulumi/pulumi and the
// installed pulumi-cognito-user-pool. Plain JavaScript: it is not part of the package.
//
// No Node.js language host (pulumi-language-nodejs) exists on this machine, so each program runs as an
// Automation API *inline* program: the SDK serves the language host's protocol from this process and
// the real CLI does everything else (engine, state, config from Pulumi.yaml / Pulumi.<stack>.yaml in the
// program's folder, the dynamic-provider host, which it starts with `pulumi-resource-pulumi-nodejs`
// from PATH). The inline program requires the program's compiled index.js afresh on every run, as the
// language host would.
//
// Protocol: the parent sends { id, op, args } over the IPC channel; the driver answers { id, ok, result }
// or { id, ok: false, error, result } (result then holds what the CLI printed and the engine events).
"use strict";
const path = require("node:path");
const auto = require("@pulumi/pulumi/automation");

let command; // PulumiCommand for the CLI under test
let workspaceOptions; // pulumiHome, envVars
const stacks = new Map(); // `${dir}\0${stack}` -> auto.Stack

function programFor(dir) {
    const main = path.join(dir, "index.js");
    return async () => {
        for (const key of Object.keys(require.cache)) if (key.startsWith(dir + path.sep)) delete require.cache[key];
        return { ...require(main) };
    };
}

async function stackFor({ dir, stack }) {
    const key = `${dir}\0${stack}`;
    if (!stacks.has(key)) {
        const projectName = path.basename(dir);
        const created = await auto.LocalWorkspace.createOrSelectStack(
            { stackName: stack, projectName, program: programFor(dir) },
            { workDir: dir, pulumiCommand: command, ...workspaceOptions },
        );
        stacks.set(key, created);
    }
    return stacks.get(key);
}

/** Runs one CLI operation, collecting its engine events and the CLI's own output. */
async function operation(args, body) {
    const s = await stackFor(args);
    const events = [];
    let output = "";
    // `collect: false` (the benchmark): the engine's events and the CLI's output are not kept or sent back.
    const common =
        args.collect === false
            ? { color: "never" }
            : {
                  color: "never",
                  onEvent: (event) => events.push(event),
                  onOutput: (text) => {
                      output += text;
                  },
              };
    try {
        const result = await body(s, common);
        if (args.collect === false) return { ok: true, result: { summary: result.summary, changeSummary: result.changeSummary, events, output } };
        return { ok: true, result: { ...result, events, output } };
    } catch (err) {
        return { ok: false, error: String((err && err.message) || err), result: { events, output } };
    }
}

const ops = {
    async init({ root, pulumiHome, envVars }) {
        command = await auto.PulumiCommand.get({ root });
        workspaceOptions = { pulumiHome, envVars };
        return { ok: true, result: { version: command.version && command.version.toString(), node: process.version, sdk: require("@pulumi/pulumi/package.json").version } };
    },
    preview: (args) =>
        operation(args, async (s, common) => {
            const r = await s.preview({ ...common, diff: args.collect !== false, ...(args.options || {}) });
            return { changeSummary: r.changeSummary, stdout: r.stdout, stderr: r.stderr };
        }),
    up: (args) =>
        operation(args, async (s, common) => {
            const r = await s.up({ ...common, diff: args.collect !== false, ...(args.options || {}) });
            return { summary: r.summary, outputs: plainOutputs(r.outputs), stdout: r.stdout, stderr: r.stderr };
        }),
    refresh: (args) =>
        operation(args, async (s, common) => {
            const r = await s.refresh({ ...common, ...(args.options || {}) });
            return { summary: r.summary, stdout: r.stdout, stderr: r.stderr };
        }),
    destroy: (args) =>
        operation(args, async (s, common) => {
            const r = await s.destroy({ ...common, ...(args.options || {}) });
            return { summary: r.summary, stdout: r.stdout, stderr: r.stderr };
        }),
    outputs: (args) => operation(args, async (s) => ({ outputs: plainOutputs(await s.outputs()) })),
    exportStack: (args) => operation(args, async (s) => ({ deployment: await s.exportStack() })),
    // `pulumi stack export` as a user runs it: secrets encrypted (Automation API's exportStack adds --show-secrets).
    exportPlain: (args) =>
        operation(args, async (s) => ({ deployment: JSON.parse((await s.workspace.runPulumiCmd(["stack", "export", "--stack", s.name])).stdout) })),
    setConfig: (args) => operation(args, async (s) => (await s.setAllConfig(args.values), {})),
    removeConfig: (args) => operation(args, async (s) => (await s.removeAllConfig(args.keys), {})),
    async exit() {
        setImmediate(() => process.exit(0));
        return { ok: true, result: {} };
    },
};

function plainOutputs(outputs) {
    return Object.fromEntries(Object.entries(outputs || {}).map(([k, v]) => [k, v.value]));
}

process.on("message", async (message) => {
    const { id, op, args } = message;
    let answer;
    try {
        if (!ops[op]) throw new Error(`unknown operation ${op}`);
        answer = await ops[op](args || {});
    } catch (err) {
        answer = { ok: false, error: String((err && err.stack) || err), result: {} };
    }
    process.send({ id, ...answer });
});
process.on("disconnect", () => process.exit(0));
