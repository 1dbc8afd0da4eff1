// The package installed as users install it: `npm pack`, the tarball installed into a fresh project
// outside the repository, and a program there run through the real dynamic-provider host against local
// Cognito. Whatever works only inside this repository fails here: code loaded relative to the working
// directory (the host runs in the fresh project), files missing from the tarball (only the tarball is
// installed), a dev dependency needed at run time (the fresh project has none of the repo's).
//
// The program (the minimal example, in TypeScript, type-checked by ts-node against the installed
// typings) runs in this process, in the fresh project's directory, through the engine harness. The
// harness plays the engine with this repository's @pulumi/pulumi while the program and the package load
// the fresh project's own copy; that works because Pulumi keeps its runtime state (settings, the mock
// monitor, pending RPCs) in a store on `global` (runtime/state.js) that every copy of the SDK shares.
// The "program loads the fresh project's copies" test checks that the program really ran on the
// installed package and not on the repository. The host runs in the fresh project's directory, as
// Pulumi starts it, so the serialized provider's require of the runtime resolves there, as for a user.
//
// The tests after `before` are the steps of one stack's life and run in order: each continues the last.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, sep } from "node:path";
import {
    CognitoIdentityProviderClient,
    DescribeUserPoolCommand,
    ListUserPoolsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import * as yaml from "js-yaml";
import { Engine, ResourceState, Step } from "../support/engine";
import { localCognito } from "../support/localCognito";
import { sharedConsumer } from "../support/npmProject";
import { repoRoot } from "../support/stacks";

const PACKAGE = "pulumi-cognito-user-pool";
const POOL = "pulumi-nodejs:dynamic/cognito:UserPool";
const REGION = "us-east-1";
const MAX_PROVIDER_BYTES = 2048;

async function timed<T>(label: string, body: () => Promise<T>): Promise<T> {
    const start = Date.now();
    const result = await body();
    console.log(`      ${label}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
    return result;
}

const cognito = () => new CognitoIdentityProviderClient({ region: REGION });

async function poolIds(): Promise<Set<string>> {
    const ids = new Set<string>();
    let NextToken: string | undefined;
    do {
        const page = await cognito().send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }));
        for (const p of page.UserPools ?? []) ids.add(p.Id!);
        NextToken = page.NextToken;
    } while (NextToken);
    return ids;
}

async function describePool(id: string) {
    try {
        return (await cognito().send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool;
    } catch (err) {
        if ((err as Error).name === "ResourceNotFoundException") return undefined;
        throw err;
    }
}

const plan = (steps: Step[]) => steps.map((s) => `${s.op} ${s.name}`);

/** `pulumi` runs a program in its project's directory; so do we, so nothing resolves against the repository. */
async function inDirectory<T>(dir: string, body: () => Promise<T>): Promise<T> {
    const previous = process.cwd();
    process.chdir(dir);
    try {
        return await body();
    } finally {
        process.chdir(previous);
    }
}

describe("installed from the packed tarball, in a fresh project outside the repository", function (this: Mocha.Suite) {
    this.timeout(60_000);

    const canaryEnv = `canary-${randomBytes(8).toString("hex")}`;
    const canaryConfig = `canary-${randomBytes(8).toString("hex")}`;
    const savedCanary = process.env.COGNITO_CANARY;
    let consumer: string; // the fresh project: package.json and node_modules (removed when the run ends)
    let project: string; // the program's folder in it
    let engine: Engine;
    let poolsBefore: Set<string>;
    let poolId: string;

    before(async function () {
        // npm install from the local cache takes ~10 s; a cold cache needs the registry.
        this.timeout(180_000);

        // Steps 1 and 2: the repository packed exactly as `npm publish` would pack it, and a fresh project
        // depending on the tarball and, as the peer dependency asks, on the @pulumi/pulumi the repository is
        // tested with (tests/support/npmProject.ts; the run shares it with consumerTypes.test.ts). The
        // program gets a folder of its own in it, as a monorepo's Pulumi project would.
        consumer = await timed("npm pack + npm install (fresh project)", () => sharedConsumer(repoRoot));
        assert.ok(!consumer.startsWith(repoRoot + sep), `the fresh project must be outside the repository (${consumer})`);
        project = join(consumer, "minimal");
        mkdirSync(project);

        // Step 3: the program: the minimal example, unprotected so that destroy can delete the pool.
        copyFileSync(join(repoRoot, "examples/minimal/Pulumi.yaml"), join(project, "Pulumi.yaml"));
        const example = readFileSync(join(repoRoot, "examples/minimal/index.ts"), "utf8");
        const program = example.replace(`deletionProtection: "ACTIVE"`, `deletionProtection: "INACTIVE"`);
        assert.notEqual(program, example, `examples/minimal/index.ts no longer sets deletionProtection: "ACTIVE"; update this test`);
        writeFileSync(join(project, "index.ts"), program);

        // Step 4: the stack. The canaries are values a provider must never store: one in the
        // environment the program and the host run in, one in stack config the program does not read.
        process.env.COGNITO_CANARY = canaryEnv;
        const projectName = (yaml.load(readFileSync(join(project, "Pulumi.yaml"), "utf8")) as { name: string }).name;
        engine = new Engine({
            project: projectName,
            stack: "installed",
            program: project,
            config: {
                "aws:region": REGION,
                "cognito-user-pool:endpoint": localCognito().endpoint,
                [`${projectName}:unusedCanary`]: canaryConfig,
            },
        });
        poolsBefore = await poolIds();
    });

    after(async function () {
        this.timeout(60_000);
        if (savedCanary === undefined) delete process.env.COGNITO_CANARY;
        else process.env.COGNITO_CANARY = savedCanary;
        // A failed step may leave the pool behind: destroy what the state still holds.
        if (engine?.state.size) await engine.destroy().catch((err) => console.log(`      cleanup: destroy failed: ${err.message}`));
        if (project) rmSync(project, { recursive: true, force: true });
    });

    it("the tarball holds every file package.json's exports, typesVersions and README links name", () => {
        const installed = join(consumer, "node_modules", PACKAGE);
        const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
        const leaves = (v: unknown): string[] => (typeof v === "string" ? [v] : Object.values(v ?? {}).flatMap(leaves));
        const missing = [manifest.main, manifest.types, ...leaves(manifest.exports), ...leaves(manifest.typesVersions)].filter((t) => !existsSync(join(installed, t)));
        assert.deepEqual(missing, [], `files missing from the tarball (package.json "files"): ${missing.join(", ")}`);
        // The npm page shows the README from the tarball: a relative link works there only to a file it holds.
        const links = [...readFileSync(join(installed, "README.md"), "utf8").matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]);
        const relative = links.filter((l) => !/^[a-z]+:/i.test(l));
        const broken = relative.filter((l) => !existsSync(join(installed, l)));
        assert.deepEqual(broken, [], `README.md links to files the tarball does not hold: ${broken.join(", ")}`);
    });

    it("preview: a create, and no Cognito call", async () => {
        localCognito().resetCalls();
        const preview = await timed("preview", () => inDirectory(project, () => engine.preview()));
        assert.deepEqual(plan(preview.steps), ["create users"]);
        assert.deepEqual(localCognito().calls(), [], "preview makes no Cognito call");
        assert.equal(preview.outputs.userPoolId, "<unknown>");
        assert.equal(engine.state.size, 0);
    });

    it("the program loads the fresh project's copies, not the repository's", () => {
        const loaded = (name: string) => Object.keys(require.cache).some((k) => k.startsWith(join(consumer, "node_modules", name) + sep));
        assert.ok(loaded(PACKAGE), `${PACKAGE} was not loaded from the fresh project`);
        assert.ok(loaded("@pulumi/pulumi"), "@pulumi/pulumi was not loaded from the fresh project");
        // Resolved as the program resolves it (not from this file: inside the repository the package's
        // own name resolves to the repository itself).
        const resolved = createRequire(join(project, "index.ts")).resolve(PACKAGE);
        assert.ok(resolved.startsWith(join(consumer, "node_modules") + sep), `${PACKAGE} resolves to ${resolved}`);
    });

    it("up: exactly one pool, whose id the outputs carry", async () => {
        localCognito().resetCalls();
        const up = await timed("up", () => inDirectory(project, () => engine.up()));
        assert.deepEqual(plan(up.steps), ["create users"]);
        assert.deepEqual(localCognito().calls().filter((c) => c === "CreateUserPool"), ["CreateUserPool"]);
        poolId = up.outputs.userPoolId as string;
        const created = [...(await poolIds())].filter((id) => !poolsBefore.has(id));
        assert.deepEqual(created, [poolId], "one new pool, the one the outputs name");
        const pool = (await describePool(poolId))!;
        assert.equal(pool.Name, "users");
        assert.equal(up.outputs.userPoolArn, pool.Arn);
        assert.deepEqual(pool.UsernameAttributes, ["email"]);
        assert.equal(pool.Policies?.PasswordPolicy?.MinimumLength, 12);
    });

    it(`the serialized provider in state: at most ${MAX_PROVIDER_BYTES} bytes, no path, no canary, the runtime loaded by package name`, () => {
        const entry = [...engine.state.values()].find((r) => r.type === POOL) as ResourceState;
        assert.ok(entry, "the pool is in the state");
        const provider = entry.inputs.__provider as string;
        assert.equal(typeof provider, "string");
        const bytes = Buffer.byteLength(provider, "utf8");
        // Installed, the shim is a module under node_modules, so Pulumi stores it by reference
        // (`require("pulumi-cognito-user-pool/provider")`); anywhere else it is stored by value.
        const form = provider.includes(`require("${PACKAGE}/provider")`) ? "by reference" : "by value";
        console.log(`      serialized provider: ${bytes} bytes (installed package, ${form})`);
        assert.ok(bytes <= MAX_PROVIDER_BYTES, `the serialized provider is ${bytes} bytes, more than ${MAX_PROVIDER_BYTES}:\n${provider}`);
        assert.ok(provider.includes(`require("${PACKAGE}/`), `the provider does not load the package by name:\n${provider}`);

        for (const path of new Set(["/tmp", tmpdir(), consumer, project, process.cwd(), repoRoot, "/work", homedir()])) {
            assert.ok(!provider.includes(path), `the serialized provider holds the path ${path}:\n${provider}`);
        }
        const requires = [...provider.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
        const relative = requires.filter((r) => r.startsWith(".") || r.startsWith("/"));
        assert.deepEqual(relative, [], "the provider requires modules by path, which only resolve where they were serialized");

        const state = JSON.stringify([...engine.state.values()]);
        for (const canary of [canaryEnv, canaryConfig]) {
            assert.ok(!state.includes(canary), `the state holds the canary ${canary} (from ${canary === canaryEnv ? "the environment" : "stack config"})`);
        }
    });

    it(`a second preview: "same", and no Cognito call`, async () => {
        localCognito().resetCalls();
        const again = await timed("second preview", () => inDirectory(project, () => engine.preview()));
        assert.deepEqual(plan(again.steps), ["same users"]);
        assert.deepEqual(localCognito().calls(), []);
    });

    it("destroy deletes the pool", async () => {
        const steps = await timed("destroy", () => inDirectory(project, () => engine.destroy()));
        assert.deepEqual(plan(steps), ["delete users"]);
        assert.equal(await describePool(poolId), undefined, "the pool is gone");
        assert.deepEqual([...(await poolIds())].filter((id) => !poolsBefore.has(id)), []);
        assert.equal(engine.state.size, 0);
    });
});
