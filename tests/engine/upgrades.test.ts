// Stacks written by earlier releases, upgraded in place, through the real Pulumi CLI: a consumer project
// installs a previous release from its packed tarball (tests/fixtures/releases, packed from this
// repository's history by pack.sh), runs the suite's programs with it, then installs this version (`npm
// install` of the packed repository) and goes on with the same state, as a user upgrading does.
// - 0.1.0 kept no record of the declaration (`__declared`): an attribute added outside Pulumi then made
//   `pulumi refresh` fail, and everything after it.
// - 0.2.0 kept the whole declaration in `__declared`, values marked secret in plaintext: the first refresh
//   or update by this version writes the record anew, without them.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { AddCustomAttributesCommand, CognitoIdentityProviderClient, DeleteUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { CliStack, Consumer, diagnostics, ok, OperationResult, plan } from "../cli/consumer";
import { ensurePulumiCli, PulumiCli } from "../cli/pulumiCli";
import { repoRoot } from "../support/stacks";

type Props = Record<string, any>;
const RELEASES = join(repoRoot, "tests", "fixtures", "releases");
const client = () => new CognitoIdentityProviderClient({});
const log = (line: string) => console.log(`      ${line}`);

async function must(what: string, op: Promise<OperationResult>): Promise<OperationResult> {
    const result = await op;
    log(`${what}: ${result.seconds.toFixed(1)} s`);
    return ok(result, what);
}

const poolsOf = async (stack: CliStack) => ((await stack.exportStack()).deployment.resources as Props[]).filter((r) => r.type === "pulumi-nodejs:dynamic/cognito:UserPool");

describe("upgrading stacks written by earlier releases (the real CLI)", function (this: Mocha.Suite) {
    this.timeout(600_000);
    let cli: PulumiCli;
    const made: string[] = [];
    before(async function () {
        this.timeout(40 * 60_000);
        cli = await ensurePulumiCli({ log });
    });
    after(async () => {
        for (const id of made) await client().send(new DeleteUserPoolCommand({ UserPoolId: id })).catch(() => undefined);
    });

    it("0.1.0 (no recorded declaration): after an attribute added outside Pulumi, refresh, preview and up --refresh work", async () => {
        let consumer = await Consumer.create(cli, ["cli-pool"], log, { tarball: join(RELEASES, "pulumi-cognito-user-pool-0.1.0.tgz") });
        try {
            let stack = consumer.stack("cli-pool", "from-0-1-0");
            stack.writeConfig({ "aws:region": "us-east-1" });
            await must("pulumi up (0.1.0)", stack.up());
            const [written] = await poolsOf(stack);
            made.push(written.id);
            assert.equal(written.outputs.__declared, undefined, "a state as 0.1.0 wrote it");
            await client().send(new AddCustomAttributesCommand({ UserPoolId: written.id, CustomAttributes: [{ Name: "added", AttributeDataType: "String", Mutable: true }] }));

            consumer = await consumer.upgrade(log);
            stack = consumer.stack("cli-pool", "from-0-1-0");
            const refresh = await must("pulumi refresh (this version)", stack.refresh());
            assert.ok(diagnostics(refresh, "warning").some((w) => /custom attribute 'added'/.test(w)) || /custom attribute 'added'/.test(refresh.output), refresh.output);
            const preview = await must("pulumi preview", stack.preview());
            assert.deepEqual(plan(preview), ["same users"], preview.output);
            await must("pulumi up --refresh", stack.up({ refresh: true }));
            assert.deepEqual(plan(await must("pulumi preview", stack.preview())), ["same users"]);
            const [upgraded] = await poolsOf(stack);
            assert.equal(upgraded.id, written.id, "the same pool");
            await must("pulumi destroy", stack.destroy());
        } finally {
            await consumer.close();
        }
    });

    it("0.2.0 (the declaration kept whole, secrets in plaintext): the first refresh by this version leaves no secret in the state", async () => {
        const secret = `secret-${randomBytes(4).toString("hex")}`;
        let consumer = await Consumer.create(cli, ["cli-combinations"], log, { tarball: join(RELEASES, "pulumi-cognito-user-pool-0.2.0.tgz") });
        try {
            const pools = JSON.stringify([{ name: "a", args: { poolName: secret, allowReplacementWithUsers: true }, options: {}, secrets: ["poolName"] }]);
            let stack = consumer.stack("cli-combinations", "from-0-2-0");
            stack.writeConfig({ "aws:region": "us-east-1" });
            await stack.setConfig({ "cli-combinations:pools": pools }, true);
            await must("pulumi up (0.2.0)", stack.up());
            const [written] = await poolsOf(stack);
            made.push(written.id);
            assert.ok(JSON.stringify(await stack.exportPlain()).includes(secret), "0.2.0 wrote the secret in plaintext (the bug this version fixes)");

            consumer = await consumer.upgrade(log);
            stack = consumer.stack("cli-combinations", "from-0-2-0");
            await must("pulumi refresh (this version)", stack.refresh());
            const exported = JSON.stringify(await stack.exportPlain());
            assert.ok(!exported.includes(secret), `no plaintext secret after the refresh: ${exported.slice(Math.max(0, exported.indexOf(secret) - 400), exported.indexOf(secret) + 50)}`);
            const preview = await must("pulumi preview", stack.preview());
            assert.ok(["same a", "update a"].includes(plan(preview)[0]), preview.output);
            await must("pulumi up", stack.up());
            assert.ok(!JSON.stringify(await stack.exportPlain()).includes(secret));
            assert.deepEqual(plan(await must("pulumi preview", stack.preview())), ["same a"]);
            await must("pulumi destroy", stack.destroy());
        } finally {
            await consumer.close();
        }
    });
});
