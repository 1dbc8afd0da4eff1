// Migrating from @pulumi/aws's aws.cognito.UserPool to this package's UserPool, on the same pool
// (docs/migrating-from-aws.md, examples/migration/), and the name table of that guide as data
// (provider/pool/awsNames.ts, which check's hints use).
//
// The migration runs through the engine harness (tests/support/engine.ts), one stack through the
// example's three programs: 1-aws.ts (the pool is @pulumi/aws's), 2-both.ts (the UserPool adopts it with
// existingPoolId; the aws resource stays, with retainOnDelete), index.ts (the aws resource removed).
// The harness answers @pulumi/aws resources with its mock, so the aws.cognito.UserPool is a mock here:
// the real pool is made before the stack's first run with the AWS SDK, with the settings 1-aws.ts declares,
// as @pulumi/aws would have made it, and given two users (AdminCreateUser).
// retainOnDelete: the harness sees it only through the `resourceOptions` input the UserPool class passes
// (mocks are not told resource options), so for the mocked aws resource it is not what keeps the pool:
// the harness never deletes anything for a mocked resource. What this test proves is the UserPool side:
// the pool is adopted, not created (no CreateUserPool call, the same id), nothing deletes it, its users
// stay, and the stack is settled afterwards (a second preview shows no change). That removing the aws
// resource with retainOnDelete leaves the pool alone is the engine's rule (step.go, DeleteStep), as the
// guide says.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
    AdminCreateUserCommand,
    CognitoIdentityProviderClient,
    CreateUserPoolCommand,
    DeleteUserPoolCommand,
    DescribeUserPoolCommand,
    ListUsersCommand,
    UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import * as ts from "typescript";
import { awsNames, ourName } from "../../provider/pool/awsNames";
import provider = require("../../provider/runtime");
import { toCognito } from "../../provider/pool/convert";
import { resourceInputs } from "../../provider/pool/resourceInputs";
import { Field } from "../../provider/pool/table";
import { userPoolProperties } from "../../provider/pool/properties";
import { awsPoolArgs } from "../../examples/migration/awsPool";
import { Engine, Step } from "../support/engine";
import { localCognito } from "../support/localCognito";
import { repoRoot } from "../support/stacks";

const REGION = "us-east-1";
const POOL = "pulumi-nodejs:dynamic/cognito:UserPool";
const example = join(repoRoot, "examples", "migration");
const cognito = () => new CognitoIdentityProviderClient({ region: REGION });
/** `op type` per step, sorted: the harness lists steps as registrations finish, which the mock's come first. */
const plan = (steps: Step[]) => steps.map((s) => `${s.op} ${s.type === POOL ? "UserPool" : s.type}`).sort();


/** Every argument path of @pulumi/aws's aws.cognito.UserPool: dotted, `[]` for any item of a list. */
function awsArgumentPaths(): string[] {
    const root = join(repoRoot, "node_modules", "@pulumi", "aws");
    const parse = (name: string, text: string) => ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
    const inputs = readFileSync(join(root, "types", "input.d.ts"), "utf8");
    const start = inputs.indexOf("export declare namespace cognito {");
    const end = inputs.indexOf("\nexport declare namespace ", start + 1);
    const interfaces = new Map<string, ts.InterfaceDeclaration>();
    const collect = (node: ts.Node): void => {
        if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
        ts.forEachChild(node, collect);
    };
    collect(parse("userPool.d.ts", readFileSync(join(root, "cognito", "userPool.d.ts"), "utf8")));
    collect(parse("input.d.ts", inputs.slice(start, end === -1 ? undefined : end)));
    const paths: string[] = [];
    const walk = (name: string, prefix: string) => {
        const declaration = interfaces.get(name);
        assert.ok(declaration, `interface ${name} not found in @pulumi/aws's declarations`);
        for (const member of declaration.members) {
            if (!ts.isPropertySignature(member) || !member.type || !ts.isIdentifier(member.name)) continue;
            const type = member.type.getText();
            const nested = /inputs\.cognito\.(\w+)/.exec(type);
            paths.push(`${prefix}${member.name.text}`);
            if (nested) walk(nested[1], `${prefix}${member.name.text}${type.includes("[]") ? "[]" : ""}.`);
        }
    };
    walk("UserPoolArgs", "");
    return paths;
}

/** Every input path of UserPool, from the property table, in the same notation. */
function ourInputPaths(): Set<string> {
    const paths = new Set<string>();
    const walk = (fields: readonly Field[], prefix: string) => {
        for (const field of fields) {
            const path = `${prefix}${field.name}`;
            paths.add(path);
            if (field.shape.kind === "object") walk(field.shape.fields, `${path}.`);
            if (field.shape.kind === "objectList") walk(field.shape.fields, `${path}[].`);
        }
    };
    walk([...userPoolProperties, ...resourceInputs.filter((f) => f.apply !== "options")], "");
    return paths;
}

/**
 * @pulumi/aws's arguments under UserPool's names, through the name table: a top-level argument moves to our
 * path (passwordPolicy → policies.passwordPolicy), a nested one takes our last name; keys the table does not
 * list (a map's, such as a tag's) stay as they are.
 */
function ourArguments(args: Record<string, unknown>): Record<string, unknown> {
    const rename = (value: unknown, awsPath: string): unknown => {
        if (Array.isArray(value)) return value.map((item) => rename(item, `${awsPath}[]`));
        if (value === null || typeof value !== "object") return value;
        return Object.fromEntries(
            Object.entries(value).map(([key, v]) => {
                const ours = ourName(`${awsPath}.${key}`).ours;
                return [ours ? ours.slice(ours.lastIndexOf(".") + 1) : key, rename(v, `${awsPath}.${key}`)];
            }),
        );
    };
    const result: Record<string, any> = {};
    for (const [key, value] of Object.entries(args)) {
        const ours = ourName(key).ours;
        assert.ok(ours, `@pulumi/aws's ${key} has no UserPool name (provider/pool/awsNames.ts)`);
        const parts = ours.split(".");
        let node = result;
        for (const part of parts.slice(0, -1)) node = node[part] ??= {};
        node[parts[parts.length - 1]] = rename(value, key);
    }
    return result;
}

describe("@pulumi/aws's names and ours (provider/pool/awsNames.ts)", () => {
    it("every argument of the installed @pulumi/aws's aws.cognito.UserPool is a UserPool input, under its own name or a listed one", () => {
        const installed = JSON.parse(readFileSync(join(repoRoot, "node_modules/@pulumi/aws/package.json"), "utf8")).version;
        const paths = awsArgumentPaths();
        assert.ok(paths.length > 90, `only ${paths.length} argument paths found: the walk of @pulumi/aws's declarations broke`);
        const ours = ourInputPaths();
        const unknown = paths.filter((p) => ourName(p).ours !== null && !ours.has(ourName(p).ours!)).map((p) => `${p} → ${ourName(p).ours}`);
        assert.deepEqual(unknown, [], `@pulumi/aws ${installed} (the table was written for ${awsNames.version}): arguments that map to no UserPool input: list their names in provider/pool/awsNames.ts`);
        const stale = [...Object.keys(awsNames.renames), ...Object.keys(awsNames.notes)].filter((p) => !paths.includes(p));
        assert.deepEqual(stale, [], "names the table lists that @pulumi/aws no longer has");
        const unexplained = [...Object.entries(awsNames.renames), ...Object.entries(awsNames.outputs)].filter(([, e]) => e.ours === null && !e.reason).map(([aws]) => aws);
        assert.deepEqual(unexplained, [], "null without a reason");
        // The renames, and one member of each renamed object, derived.
        for (const [aws, mine] of [
            ["name", "poolName"],
            ["tags", "userPoolTags"],
            ["passwordPolicy.minimumLength", "policies.passwordPolicy.minimumLength"],
            ["signInPolicy.allowedFirstAuthFactors", "policies.signInPolicy.allowedFirstAuthFactors"],
            ["schemas[].stringAttributeConstraints.maxLength", "schema[].stringAttributeConstraints.maxLength"],
            ["emailConfiguration.fromEmailAddress", "emailConfiguration.from"],
            ["emailConfiguration.sourceArn", "emailConfiguration.sourceArn"],
        ]) {
            assert.equal(ourName(aws).ours, mine, aws);
        }
    });

    it("the guide's table (docs/migrating-from-aws.md) has a row for every top-level argument, and shows every rename", () => {
        const guide = readFileSync(join(repoRoot, "docs", "migrating-from-aws.md"), "utf8");
        const rows = guide.split("\n").filter((line) => line.startsWith("| `"));
        const topLevel = [...new Set(awsArgumentPaths().map((p) => p.split(/[.[]/)[0]))];
        const missing = topLevel.filter((aws) => {
            const mine = ourName(aws).ours!;
            return !rows.some((row) => {
                const [theirs, ours] = row.split(" | ");
                return new RegExp(`\`${aws}[\`.[{]`).test(theirs) && (ours.includes("the same") || ours.includes(`\`${mine}`));
            });
        });
        assert.deepEqual(missing, [], "top-level arguments with no row");
        const unshown = Object.entries(awsNames.renames)
            .filter(([, e]) => e.ours !== null)
            .filter(([aws, e]) => !rows.some((row) => row.includes(`\`${aws}`) && row.includes(`**\`${e.ours}`)))
            .map(([aws]) => aws);
        assert.deepEqual(unshown, [], "renames the guide does not show in bold");
    });
});

describe("check: @pulumi/aws's names get ours as the hint", () => {
    /** `value` set at the dotted `path` (`[]` meaning the first item) of an otherwise valid declaration. */
    const at = (path: string, value: unknown) => {
        const root: Record<string, any> = { poolName: "moving" };
        let node = root;
        const parts = path.split(".");
        parts.forEach((part, i) => {
            const [name, list] = part.endsWith("[]") ? [part.slice(0, -2), true] : [part, false];
            if (i === parts.length - 1) node[name] = value;
            else if (list) node = (node[name] ??= [{ name: "tenant", attributeDataType: "String" }])[0];
            else node = node[name] ??= {};
        });
        return root;
    };
    const renamed = Object.entries(awsNames.renames).filter(([aws, e]) => e.ours !== null && e.ours !== aws);

    it("every renamed argument whose parent UserPool has is answered with our name, before any call", async () => {
        // Only the first renamed level is reported: under an unknown parent (passwordPolicy.minimumLength)
        // the parent's own hint is the one to give.
        const reachable = renamed.filter(([aws]) => !renamed.some(([other]) => other !== aws && aws.startsWith(other)));
        assert.deepEqual(reachable.map(([aws]) => aws).sort(), [
            "emailConfiguration.fromEmailAddress", "name", "passwordPolicy", "schemas", "signInPolicy", "tags",
            "userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdates",
        ]);
        localCognito().resetCalls();
        for (const [aws, entry] of reachable) {
            const failures = (await provider.check!({}, at(aws, {}))).failures ?? [];
            const failure = failures.find((f) => f.property === aws);
            assert.ok(failure, `${aws}: ${JSON.stringify(failures)}`);
            assert.ok(failure.reason.startsWith(`'${aws}' is not a property of `), failure.reason);
            assert.ok(failure.reason.includes(`; did you mean '${entry.ours}'? `), `${aws}: ${failure.reason}`);
            assert.ok(failure.reason.includes("@pulumi/aws's name for it"), `${aws}: ${failure.reason}`);
        }
        assert.deepEqual(localCognito().calls(), []);
    });

    it("the messages a user moving from @pulumi/aws sees", async () => {
        const reasons = async (news: Record<string, unknown>) => ((await provider.check!({}, news)).failures ?? []).map((f) => f.reason);
        assert.deepEqual(await reasons({ poolName: "app", name: "app-users", tags: { team: "identity" } }), [
            "'name' is not a property of UserPool; did you mean 'poolName'? ('name' is @pulumi/aws's name for it. @pulumi/aws names the pool after the resource with a random suffix when name is not given; UserPool names it after the resource, without a suffix. An adopted pool (existingPoolId) keeps its name unless poolName is given.)",
            "'tags' is not a property of UserPool; did you mean 'userPoolTags'? ('tags' is @pulumi/aws's name for it. The same tags. There are no provider-level default tags (tagsAll in @pulumi/aws): declare every tag here.)",
        ]);
        const [fromEmail] = await reasons({ poolName: "app", emailConfiguration: { fromEmailAddress: "Team <no-reply@example.com>" } });
        assert.match(fromEmail, /^'emailConfiguration\.fromEmailAddress' is not a property of emailConfiguration; did you mean 'emailConfiguration\.from'\?/);
        // A typo that is nobody's name still gets the nearest name.
        assert.deepEqual(await reasons({ poolName: "app", userPoolTag: {} }), ["'userPoolTag' is not a property of UserPool; did you mean 'userPoolTags'?"]);
    });
});

describe("migrating a stack from @pulumi/aws's aws.cognito.UserPool to UserPool (examples/migration)", function (this: Mocha.Suite) {
    this.timeout(60_000);
    let poolId: string;
    let engine: Engine;
    const calls: string[] = [];
    const users = ["alice@example.com", "bob@example.com"];
    const usersOf = async (id: string) =>
        ((await cognito().send(new ListUsersCommand({ UserPoolId: id }))).Users ?? []).map((u) => u.Attributes?.find((a) => a.Name === "email")?.Value).sort();
    const run = async <T>(body: () => Promise<T>): Promise<T> => {
        localCognito().resetCalls();
        try {
            return await body();
        } finally {
            calls.push(...localCognito().calls());
        }
    };

    before(async () => {
        // The pool as @pulumi/aws made it from 1-aws.ts's declaration (its arguments under CreateUserPool's
        // names, through the name table and the property table), and its users.
        const created = await cognito().send(new CreateUserPoolCommand(toCognito(userPoolProperties, ourArguments({ ...awsPoolArgs })) as any));
        poolId = created.UserPool!.Id!;
        for (const email of users) {
            await cognito().send(
                new AdminCreateUserCommand({ UserPoolId: poolId, Username: email, UserAttributes: [{ Name: "email", Value: email }, { Name: "custom:tenant", Value: "acme" }] }),
            );
        }
        engine = new Engine({
            project: "cognito-user-pool-migration",
            stack: "prod",
            program: join(example, "1-aws.ts"),
            config: {
                "aws:region": REGION,
                "cognito-user-pool:endpoint": localCognito().endpoint,
                "cognito-user-pool-migration:poolId": poolId,
            },
        });
    });

    after(async () => {
        if (!poolId) return;
        await cognito().send(new UpdateUserPoolCommand({ UserPoolId: poolId, DeletionProtection: "INACTIVE" })).catch(() => undefined);
        await cognito().send(new DeleteUserPoolCommand({ UserPoolId: poolId })).catch(() => undefined);
    });

    /** Runs `program`'s preview and then its up: both must plan `steps`; the up's result. */
    const previewAndUp = async (program: string, steps: string[]) => {
        engine.options.program = join(example, program);
        assert.deepEqual(plan((await run(() => engine.preview())).steps), steps, `${program}: preview`);
        const up = await run(() => engine.up());
        assert.deepEqual(plan(up.steps), steps, `${program}: up`);
        return up;
    };

    it("1-aws.ts: the pool is @pulumi/aws's", async () => {
        const up = await run(() => engine.up());
        assert.deepEqual(plan(up.steps), ["create aws:cognito/userPool:UserPool"]);
    });

    it("2-both.ts: the UserPool adopts the pool (no CreateUserPool, the same id, the same name); the aws resource is unchanged", async () => {
        const up = await previewAndUp("2-both.ts", ["create UserPool", "same aws:cognito/userPool:UserPool"]);
        assert.equal(up.outputs.userPoolId, poolId, "the UserPool is the pool @pulumi/aws made");
        assert.ok(!calls.includes("CreateUserPool"), `no pool was created: ${calls.join(", ")}`);

        const entry = [...engine.state.values()].find((r) => r.type === POOL)!;
        // Declared as the pool is (the example's point): the adoption changes nothing.
        assert.equal(entry.inputs.adopted?.poolId, poolId, "the state records the adoption");
        assert.deepEqual(entry.inputs.adopted.changes, [], "the UserPool declares the pool as @pulumi/aws left it");
        console.log(`      adoption kept: ${JSON.stringify(entry.inputs.adopted.kept)}; calls: ${calls.join(", ")}`);
        const pool = (await cognito().send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!;
        assert.equal(pool.Name, "app-users", "adoption does not rename the pool");
        assert.deepEqual(await usersOf(poolId), users);
    });

    it("index.ts: the aws resource leaves the stack; the pool, its id and its users stay", async () => {
        const up = await previewAndUp("index.ts", ["delete aws:cognito/userPool:UserPool", "same UserPool"]);
        assert.equal(up.outputs.userPoolId, poolId);
        assert.deepEqual(
            calls.filter((c) => c === "CreateUserPool" || c === "DeleteUserPool"),
            [],
            "the migration neither created nor deleted a pool",
        );
        assert.equal((await cognito().send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.Id, poolId);
        assert.deepEqual(await usersOf(poolId), users, "the users are still there");
    });

    it("a second preview shows no change", async () => {
        const again = await run(() => engine.preview());
        assert.deepEqual(plan(again.steps), ["same UserPool"]);
        assert.deepEqual([...engine.state.values()].map((r) => r.type), [POOL]);
    });
});
