// The example stacks the way `pulumi preview` and `pulumi up` run them: the real dynamic-provider host,
// driven over gRPC by the engine harness, against local Cognito.
import assert from "node:assert/strict";
import { join } from "node:path";
import {
    AdminCreateUserCommand,
    ListUsersCommand,
    CognitoIdentityProviderClient,
    DescribeUserPoolCommand,
    DeleteUserPoolCommand,
    UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { Engine, Step } from "../support/engine";
import { userTags } from "../support/expect";
import { localCognito } from "../support/localCognito";
import { promotionStack, repoRoot } from "../support/stacks";

type Props = Record<string, any>;
const POOL = "pulumi-nodejs:dynamic/cognito:UserPool";

async function rawPool(id: string): Promise<Props | undefined> {
    const region = id.split("_")[0];
    try {
        return (await new CognitoIdentityProviderClient({ region }).send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool as Props;
    } catch (err) {
        if ((err as Error).name === "ResourceNotFoundException") return undefined;
        throw err;
    }
}

const plan = (steps: Step[]) => steps.map((s) => `${s.op} ${s.name}`);
const poolStep = (steps: Step[]) => steps.find((s) => s.type === POOL)!;

/** The stacks point at local Cognito through the documented config key, as the README shows. */
const local = () => ({ "cognito-user-pool:endpoint": localCognito().endpoint });

/** Protected pools must be unprotected before a test can clean up (Cognito refuses the delete). */
async function tearDown(engine: Engine) {
    for (const entry of engine.state.values()) {
        if (entry.dynamic && entry.outputs.deletionProtection === "ACTIVE") {
            await new CognitoIdentityProviderClient({ region: entry.id.split("_")[0] }).send(
                new UpdateUserPoolCommand({ UserPoolId: entry.id, DeletionProtection: "INACTIVE" }),
            );
            entry.outputs.deletionProtection = "INACTIVE";
        }
    }
    await engine.destroy();
}

describe("engine harness: example stacks through the real provider host", function () {
    this.timeout(60000);
    const engines: Engine[] = [];
    const engineFor = (options: ConstructorParameters<typeof Engine>[0]) => {
        const engine = new Engine(options);
        engines.push(engine);
        return engine;
    };
    afterEach(async () => {
        for (const engine of engines.splice(0)) await tearDown(engine);
    });

    for (const stack of ["dev", "staging", "prod"] as const) {
        it(`${stack}: preview creates nothing, up creates what preview showed, a second preview is all "same"`, async () => {
            const engine = engineFor(promotionStack(stack, local()));
            localCognito().resetCalls();
            const preview = await engine.preview();
            const expected = [...(stack === "prod" ? ["create cognito-sms"] : []), "create users", "create web"];
            assert.deepEqual(plan(preview.steps), expected);
            assert.deepEqual(localCognito().calls(), [], "preview makes no Cognito call");
            assert.equal(preview.outputs.userPoolId, "<unknown>");
            assert.equal(engine.state.size, 0, "preview leaves the state as it was");

            const up = await engine.up();
            assert.deepEqual(plan(up.steps), expected);
            // prod's passkeys are set with SetUserPoolMfaConfig, right after CreateUserPool.
            assert.deepEqual(localCognito().calls(), stack === "prod" ? ["CreateUserPool", "SetUserPoolMfaConfig"] : ["CreateUserPool"]);
            const id = up.outputs.userPoolId as string;
            const pool = (await rawPool(id))!;
            const region = stack === "prod" ? "us-west-2" : "us-east-1";
            assert.ok(id.startsWith(`${region}_`), `${id} lives in ${region}`);
            assert.equal(up.outputs.userPoolArn, pool.Arn);
            assert.equal(up.outputs.userPoolEndpoint, `cognito-idp.${region}.amazonaws.com/${id}`);
            assert.equal(up.outputs.webClientId, "web-id");
            const minimumLength = { dev: 8, staging: 10, prod: 14 }[stack];
            assert.equal(pool.Policies.PasswordPolicy.MinimumLength, minimumLength);
            assert.equal(pool.DeletionProtection, stack === "prod" ? "ACTIVE" : "INACTIVE");
            assert.equal(pool.MfaConfiguration, stack === "prod" ? "OPTIONAL" : "OFF");
            assert.deepEqual(userTags(pool), { environment: stack, project: "user-pool-promotion" });
            // The feature plans: dev ESSENTIALS with email one-time codes, prod PLUS with threat protection and passkeys.
            assert.equal(pool.UserPoolTier, stack === "prod" ? "PLUS" : "ESSENTIALS");
            assert.deepEqual(pool.Policies.SignInPolicy.AllowedFirstAuthFactors, { dev: ["PASSWORD", "EMAIL_OTP"], staging: ["PASSWORD"], prod: ["PASSWORD", "WEB_AUTHN"] }[stack]);
            assert.equal(pool.UserPoolAddOns?.AdvancedSecurityMode ?? "OFF", stack === "prod" ? "ENFORCED" : "OFF");

            localCognito().resetCalls();
            const again = await engine.preview();
            assert.ok(again.steps.every((s) => s.op === "same"), JSON.stringify(plan(again.steps)));
            assert.deepEqual(localCognito().calls(), []);
        });
    }

    it("the minimal example: preview then up create one protected pool with its settings", async () => {
        const engine = engineFor({ project: "cognito-user-pool-minimal", stack: "dev", program: join(repoRoot, "examples", "minimal"), config: local() });
        assert.deepEqual(plan((await engine.preview()).steps), ["create users"]);
        const up = await engine.up();
        const pool = (await rawPool(up.outputs.userPoolId as string))!;
        assert.equal(pool.Name, "users");
        assert.deepEqual(pool.UsernameAttributes, ["email"]);
        assert.equal(pool.Policies.PasswordPolicy.MinimumLength, 12);
        assert.equal(pool.DeletionProtection, "ACTIVE");
        assert.equal(up.outputs.userPoolArn, pool.Arn);
    });

    it("keep-users: signing in by email, a new pool that already holds the old pool's users (the old sub kept); or, with the trigger, a second pool and the old one kept", async () => {
        const program = join(repoRoot, "examples", "keep-users");
        const engine = engineFor({ project: "cognito-user-pool-keep-users", stack: "dev", program, config: local() });
        const oldId = (await engine.up()).outputs.userPoolId as string;
        const cognito = new CognitoIdentityProviderClient({ region: "us-east-1" });
        for (const name of ["ada", "grace"]) {
            await cognito.send(new AdminCreateUserCommand({ UserPoolId: oldId, Username: name, MessageAction: "SUPPRESS", UserAttributes: [{ Name: "email", Value: `${name}@example.com` }, { Name: "email_verified", Value: "true" }] }));
        }
        engine.options = { ...engine.options, config: { ...local(), "cognito-user-pool-keep-users:signInByEmail": "true" } };
        assert.deepEqual(plan((await engine.preview()).steps), ["replace users"]);
        const newId = (await engine.up()).outputs.userPoolId as string;
        assert.notEqual(newId, oldId);
        assert.equal(await rawPool(oldId), undefined, "the old pool is deleted once the copies are checked");
        const users = (await cognito.send(new ListUsersCommand({ UserPoolId: newId }))).Users ?? [];
        const attrs = (u: Props) => Object.fromEntries((u.Attributes ?? []).map((a: Props) => [a.Name, a.Value]));
        assert.deepEqual(users.map((u) => attrs(u).email).sort(), ["ada@example.com", "grace@example.com"]);
        assert.ok(users.every((u) => /^[0-9a-f-]{36}$/.test(attrs(u)["custom:old_sub"] ?? "")), "the old sub kept");
        await engine.destroy().catch(() => undefined);
        await cognito.send(new DeleteUserPoolCommand({ UserPoolId: newId })).catch(() => undefined);

        const trigger = engineFor({ project: "cognito-user-pool-keep-users", stack: "trigger", program, config: { ...local(), "cognito-user-pool-keep-users:way": "trigger" } });
        await trigger.up();
        trigger.options = { ...trigger.options, config: { ...trigger.options.config, "cognito-user-pool-keep-users:signInByEmail": "true" } };
        const steps = plan((await trigger.preview()).steps);
        assert.ok(steps.includes("same users") && steps.includes("create users-by-email") && steps.includes("create migration-trigger"), steps.join(", "));
    });

    it("promotion: dev's config, then staging's, then prod's on one state: in place until an immutable setting differs, which the plan names", async () => {
        const stack = (name: "dev" | "staging" | "prod") => ({ ...promotionStack(name, local()), stack: "promoted" });
        const engine = engineFor(stack("dev"));
        const dev = await engine.up();
        const devId = dev.outputs.userPoolId as string;

        engine.options = stack("staging");
        const staging = await engine.preview();
        assert.deepEqual(plan(staging.steps), ["update users", "same web"]);
        // Check fills in what a program leaves out as the pool gets it, so a difference shows at its leaf.
        assert.deepEqual(poolStep(staging.steps).changed, [
            "policies.passwordPolicy.minimumLength",
            "policies.passwordPolicy.requireSymbols",
            "policies.signInPolicy.allowedFirstAuthFactors",
        ]);
        await engine.up();
        assert.equal((await rawPool(devId))!.Policies.PasswordPolicy.MinimumLength, 10, "updated in place: same pool");

        engine.options = stack("prod");
        const prod = await engine.preview();
        assert.deepEqual(plan(prod.steps), ["create cognito-sms", "replace users", "replace web"]);
        assert.deepEqual(poolStep(prod.steps).replaces, ["region"], "the plan names what forces the new pool");
        // Each difference of prod's config shows at its path: its plan, threat protection, passkeys, sign-in factors.
        for (const path of ["userPoolTier", "userPoolAddOns", "webAuthnConfiguration", "policies.signInPolicy", "deletionProtection", "mfaConfiguration"]) {
            assert.ok(poolStep(prod.steps).changed!.some((c) => c === path || c.startsWith(`${path}.`)), `${path} in ${poolStep(prod.steps).changed}`);
        }
        const up = await engine.up();
        const prodId = up.outputs.userPoolId as string;
        assert.ok(prodId.startsWith("us-west-2_"));
        assert.equal(await rawPool(devId), undefined, "the replaced pool is deleted after its replacement exists");
        assert.equal((await rawPool(prodId))!.DeletionProtection, "ACTIVE");
    });

    it("refresh after an out-of-band change shows it, and the next up restores the declaration", async () => {
        const engine = engineFor(promotionStack("staging", local()));
        const { outputs } = await engine.up();
        const id = outputs.userPoolId as string;
        const pool = (await rawPool(id))!;
        await new CognitoIdentityProviderClient({}).send(
            new UpdateUserPoolCommand({ UserPoolId: id, Policies: { PasswordPolicy: { ...pool.Policies.PasswordPolicy, MinimumLength: 6 } } }),
        );
        const refresh = await engine.refresh();
        assert.deepEqual(refresh.map((s) => `${s.op} ${s.name}`), ["refresh users"]);
        assert.ok(poolStep(refresh).changed!.includes("policies.passwordPolicy.minimumLength"));
        const preview = await engine.preview();
        assert.deepEqual(plan(preview.steps), ["update users", "same web"]);
        await engine.up();
        assert.equal((await rawPool(id))!.Policies.PasswordPolicy.MinimumLength, 10);
    });

    it("a pool deleted outside Pulumi leaves the state at refresh, and the next up creates it again", async () => {
        const engine = engineFor(promotionStack("dev", local()));
        const { outputs } = await engine.up();
        await new CognitoIdentityProviderClient({}).send(new DeleteUserPoolCommand({ UserPoolId: outputs.userPoolId }));
        assert.deepEqual((await engine.refresh()).map((s) => `${s.op} ${s.name}`), ["delete users"]);
        const preview = await engine.preview();
        assert.equal(poolStep(preview.steps).op, "create");
        const up = await engine.up();
        assert.ok(await rawPool(up.outputs.userPoolId as string));
    });

    it("destroy of a protected pool fails clearly and leaves it; after unprotecting, destroy deletes it", async () => {
        const engine = engineFor(promotionStack("prod", local()));
        const { outputs } = await engine.up();
        await assert.rejects(engine.destroy(), /deletion protection[\s\S]*deletionProtection: "INACTIVE"/);
        assert.ok(await rawPool(outputs.userPoolId as string), "the pool is still there");
        engine.options = promotionStack("prod", { ...local(), "user-pool-promotion:deletionProtection": "INACTIVE" });
        assert.deepEqual(poolStep((await engine.up()).steps).changed, ["deletionProtection"]);
        await engine.destroy();
        assert.equal(await rawPool(outputs.userPoolId as string), undefined);
        assert.equal(engine.state.size, 0);
    });

    it("values unknown at preview pass check; an unknown immutable setting shows as a possible replacement; preview changes nothing", async () => {
        const program = (stage: number) => ({
            project: "unknowns",
            stack: "dev",
            program: join(repoRoot, "tests", "programs", "unknowns"),
            config: { ...local(), "unknowns:stage": String(stage) },
        });
        const engine = engineFor(program(1));
        const { outputs } = await engine.up();
        engine.options = program(2);
        localCognito().resetCalls();
        const preview = await engine.preview();
        assert.deepEqual(plan(preview.steps), ["create pool-settings", "replace users"]);
        assert.deepEqual(poolStep(preview.steps).replaces, ["usernameConfiguration"]);
        assert.deepEqual(localCognito().calls(), [], "nothing created or changed during preview");
        assert.equal((await rawPool(outputs.userPoolId as string))!.Name, "users");
    });

    it("a new version of the serialized provider does not make an unchanged resource show a diff", async () => {
        const engine = engineFor(promotionStack("dev", local()));
        await engine.up();
        const entry = [...engine.state.values()].find((r) => r.dynamic)!;
        // The state as an older release of the package left it: another provider text.
        const older = entry.inputs.__provider.replace("exports.handler", "/* 0.0.1 */ exports.handler");
        entry.inputs.__provider = older;
        entry.outputs.__provider = older;
        const preview = await engine.preview();
        assert.ok(preview.steps.every((s) => s.op === "same"), JSON.stringify(plan(preview.steps)));
    });

    it("the serialized provider in state is at most 2 KB, with no path, credential or environment value", async () => {
        const canary = `canary-${Math.random().toString(36).slice(2)}`;
        process.env.COGNITO_PROVIDER_CANARY = canary;
        try {
            const engine = engineFor(promotionStack("dev", { ...local(), "user-pool-promotion:unusedCanary": canary }));
            await engine.up();
            const provider = [...engine.state.values()].find((r) => r.dynamic)!.inputs.__provider as string;
            console.log(`      serialized provider: ${Buffer.byteLength(provider)} bytes (loaded from this repository's sources)`);
            assert.ok(Buffer.byteLength(provider) <= 2048, `${Buffer.byteLength(provider)} bytes`);
            assert.match(provider, /require\("pulumi-cognito-user-pool\/runtime"\)/, "it loads the provider by package name");
            const state = JSON.stringify([...engine.state.values()]);
            for (const secret of [canary, process.env.AWS_SECRET_ACCESS_KEY!, process.env.AWS_ACCESS_KEY_ID!]) {
                assert.ok(!state.includes(secret), `state holds ${secret}`);
            }
            for (const path of [repoRoot, process.cwd(), require("node:os").homedir(), require("node:os").tmpdir()]) {
                assert.ok(!provider.includes(path), `the provider text holds the path ${path}`);
            }
        } finally {
            delete process.env.COGNITO_PROVIDER_CANARY;
        }
    });
});
