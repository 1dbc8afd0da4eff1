// The @pulumi/pulumi versions a user may run the package with, each installed with the packed tarball into
// a fresh project as a user pinning it would, on the Node running this suite:
// - the oldest the peer range admits (Versions before it never call a dynamic provider's `configure`: the
//   host gained it with pulumi/pulumi#17697, so stack config such as `cognito-user-pool:endpoint` would be
//   silently ignored);
// - on Node 20, the newest that supports Node 20 (3.249.0 and newer declare engines.node >=22; the rest of
//   the suite runs the repository's devDependency on Node 22, tests/run.sh).
// For each:
// - a program there registers a UserPool through that version's SDK (mocked engine), which serializes
//   the provider as that version does;
// - that version's own dynamic-provider host (`<project>/node_modules/@pulumi/pulumi/cmd/dynamic-provider`,
//   started in the project's folder, as the engine starts it) runs Configure, Check, Create, Read, Diff,
//   Update and Delete against the local Cognito, reached through the stack config key
//   `cognito-user-pool:endpoint` alone: the host's environment names no endpoint, so had the host not
//   passed the stack config to the provider's `configure`, the calls would have gone to AWS and failed;
// - a program type-checks against that version's typings (moduleResolution node10, Pulumi's template).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CognitoIdentityProviderClient, DeleteUserPoolCommand, DescribeUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { declaredOutputs, MODULE_SETTINGS, typeCheck, writeProgram } from "../support/consumerTypes";
import { localCognito } from "../support/localCognito";
import { consumerProject, PACKAGE, registeredInConsumer } from "../support/npmProject";
import { ProviderHost } from "../support/providerHost";
import { repoRoot } from "../support/stacks";

const REGION = "us-east-1";
const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(join(repoRoot, "package-lock.json"), "utf8"));

type Version = [number, number, number];
const parse = (v: string): Version => v.split(".").map(Number) as Version;
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The peer range, `>=X.Y.Z <4`: its oldest version. */
function oldestAdmitted(): string {
    const range: string = manifest.peerDependencies["@pulumi/pulumi"];
    const match = /^>=(\d+\.\d+\.\d+) <4(?:\.0\.0)?$/.exec(range);
    assert.ok(match, `the @pulumi/pulumi peer range is "${range}"; this test expects ">=X.Y.Z <4"`);
    return match[1];
}

/** A lower bound `>=N` of an engines.node field. */
function nodeFloor(engines: string | undefined, who: string): number {
    const match = /^>=\s*(\d+)(?:\.0)*(?:\.0)?$/.exec((engines ?? "").trim());
    assert.ok(match, `${who} declares engines.node "${engines}"; this test reads ">=N"`);
    return Number(match[1]);
}

/** The newest @pulumi/pulumi whose engines.node admits Node 20 (`npm view @pulumi/pulumi@3.249.0 engines`: >=22). */
export const NEWEST_FOR_NODE_20 = "3.248.0";

const nodeMajor = Number(process.versions.node.split(".")[0]);
const versions = [oldestAdmitted(), ...(nodeMajor < 22 ? [NEWEST_FOR_NODE_20] : [])];

for (const version of versions) hostSuite(version, version === versions[0]);

function hostSuite(version: string, isOldest: boolean): void {
describe(`@pulumi/pulumi ${version}${isOldest ? " (the oldest the peer range admits)" : " (the newest for Node 20)"} on Node ${process.versions.node}`, function (this: Mocha.Suite) {
    this.timeout(60_000);
    const urn = `urn:pulumi:hosts::hosts-consumer::pulumi-nodejs:dynamic/cognito:UserPool::users`;
    let project: string;
    let host: ProviderHost | undefined;
    let created: { id: string; properties: Record<string, any> } | undefined;
    let inputs: Record<string, any>;
    let updatedInputs: Record<string, any>;
    let typeChecked: Promise<string[]>;

    before(async function () {
        // A fresh install of an older @pulumi/pulumi: about 15 s from npm's cache, longer from the registry.
        this.timeout(240_000);
        const started = Date.now();
        const typesNode = JSON.parse(readFileSync(join(repoRoot, "node_modules/@types/node/package.json"), "utf8")).version;
        project = await consumerProject(repoRoot, `pulumi-${version}`, { "@pulumi/pulumi": version, "@types/node": typesNode });
        console.log(`      npm pack + npm install (@pulumi/pulumi ${version}): ${((Date.now() - started) / 1000).toFixed(1)} s`);
        // The type check takes a few seconds in a process of its own: it runs while the host is driven.
        const folder = join(project, "types");
        writeProgram(folder, MODULE_SETTINGS[0], declaredOutputs(join(project, "node_modules", PACKAGE)));
        typeChecked = typeCheck([folder]).then((results) => results[folder]);
        typeChecked.catch(() => undefined);
    });

    after(async () => {
        await host?.stop();
        if (created) {
            await new CognitoIdentityProviderClient({ region: REGION }).send(new DeleteUserPoolCommand({ UserPoolId: created.id })).catch(() => undefined);
        }
    });

    if (!isOldest) {
        it(`${version} admits Node ${process.versions.node}; the repository's devDependency does not (why this pass installs ${version})`, () => {
            const installed = JSON.parse(readFileSync(join(project, "node_modules/@pulumi/pulumi/package.json"), "utf8"));
            assert.equal(installed.version, version);
            assert.ok(nodeMajor >= nodeFloor(installed.engines?.node, `@pulumi/pulumi ${version}`), `engines.node ${installed.engines?.node}`);
            const newest = JSON.parse(readFileSync(join(repoRoot, "node_modules/@pulumi/pulumi/package.json"), "utf8"));
            assert.ok(nodeMajor < nodeFloor(newest.engines?.node, `@pulumi/pulumi ${newest.version}`), `@pulumi/pulumi ${newest.version} declares ${newest.engines?.node}`);
        });
    }

    if (isOldest) it(`the range's ends: ${version} here, the repository's devDependency elsewhere; engines.node holds for both`, () => {
        const installed = JSON.parse(readFileSync(join(project, "node_modules/@pulumi/pulumi/package.json"), "utf8"));
        assert.equal(installed.version, version, "the project has the oldest admitted version");
        const newest = JSON.parse(readFileSync(join(repoRoot, "node_modules/@pulumi/pulumi/package.json"), "utf8"));
        assert.ok(compare(parse(newest.version), parse(version)) >= 0 && parse(newest.version)[0] === 3, `the devDependency ${newest.version} is in the range`);
        // engines.node: the Node versions it admits run the package's runtime dependency and the oldest
        // admitted @pulumi/pulumi (newer ones may ask more: @pulumi/pulumi >= 3.249 declares Node >= 22).
        const ours = nodeFloor(manifest.engines?.node, "package.json");
        assert.equal(lock.packages[""].engines?.node, manifest.engines.node, "package-lock.json carries the same engines");
        const needs = [
            nodeFloor(installed.engines?.node, `@pulumi/pulumi ${version}`),
            ...Object.keys(manifest.dependencies).map((dep) =>
                nodeFloor(JSON.parse(readFileSync(join(project, "node_modules", dep, "package.json"), "utf8")).engines?.node, dep),
            ),
        ];
        assert.equal(ours, Math.max(...needs), `engines.node ">=${ours}": what the oldest @pulumi/pulumi and the dependencies need is >=${Math.max(...needs)}`);
        assert.ok(Number(process.versions.node.split(".")[0]) >= ours);
        console.log(`      Node ${process.version}; @pulumi/pulumi ${version} here, ${newest.version} in the rest of the suite`);
    });

    it(`@pulumi/pulumi ${version} registers a UserPool and stores the provider by reference`, async () => {
        [inputs, updatedInputs] = await registeredInConsumer(project, REGION, [
            { usernameAttributes: ["email"], policies: { passwordPolicy: { minimumLength: 12 } } },
            { usernameAttributes: ["email"], policies: { passwordPolicy: { minimumLength: 14 } } },
        ]);
        assert.match(inputs.__provider, new RegExp(`require\\("${PACKAGE}/provider"\\)`), inputs.__provider);
        assert.deepEqual(inputs.usernameAttributes, ["email"]);
        assert.equal(inputs.region, REGION, "the class reads aws:region from the stack config");
    });

    it(`@pulumi/pulumi ${version}'s dynamic-provider host: Configure (the endpoint from stack config), Check, Create, Read`, async () => {
        const env = { ...process.env };
        delete env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER;
        delete env.AWS_ENDPOINT_URL;
        host = await ProviderHost.start(project, { pulumi: join(project, "node_modules/@pulumi/pulumi"), env });
        await host.configure({ "aws:region": REGION, "cognito-user-pool:endpoint": localCognito().endpoint });

        const checked = await host.check(urn, {}, inputs);
        assert.deepEqual(checked.failures, []);
        localCognito().resetCalls();
        created = await host.create(urn, checked.inputs);
        assert.deepEqual(localCognito().calls(), ["CreateUserPool"], "the create reached the local Cognito named only by the stack config");
        inputs = checked.inputs;
        const pool = (await new CognitoIdentityProviderClient({ region: REGION }).send(new DescribeUserPoolCommand({ UserPoolId: created.id }))).UserPool!;
        assert.equal(pool.Policies?.PasswordPolicy?.MinimumLength, 12);
        assert.equal(created.properties.arn, pool.Arn);

        const read = await host.read(created.id, urn, created.properties, inputs);
        assert.equal(read.id, created.id);
        assert.equal(read.properties.policies?.passwordPolicy?.minimumLength, 12);
        assert.deepEqual((await host.diff(created.id, urn, read.properties, inputs, inputs)).changes, "none", "no change after a refresh");
    });

    it(`@pulumi/pulumi ${version}'s dynamic-provider host: Diff, Update, Delete`, async () => {
        assert.ok(host && created, "the previous test created the pool");
        const checked = await host.check(urn, inputs, updatedInputs);
        assert.deepEqual(checked.failures, []);
        const diff = await host.diff(created.id, urn, created.properties, checked.inputs, inputs);
        assert.deepEqual({ changes: diff.changes, replaces: diff.replaces }, { changes: "some", replaces: [] });

        const updated = await host.update(created.id, urn, created.properties, checked.inputs, inputs);
        assert.equal(updated.policies?.passwordPolicy?.minimumLength, 14);
        const cognito = new CognitoIdentityProviderClient({ region: REGION });
        const pool = (await cognito.send(new DescribeUserPoolCommand({ UserPoolId: created.id }))).UserPool!;
        assert.equal(pool.Policies?.PasswordPolicy?.MinimumLength, 14);

        await host.delete(created.id, urn, updated);
        await assert.rejects(cognito.send(new DescribeUserPoolCommand({ UserPoolId: created.id })), { name: "ResourceNotFoundException" });
        created = undefined;
    });

    it(`a program type-checks against @pulumi/pulumi ${version}'s typings (strict, moduleResolution node10)`, async () => {
        const diagnostics = await typeChecked;
        assert.deepEqual(diagnostics, [], `node_modules/.bin/tsc -p ${join(project, "types")}:\n  ${diagnostics.join("\n  ")}`);
    });
});
}
