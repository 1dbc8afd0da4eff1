// copyUsersOnReplacement through the engine's steps (the dynamic-provider host's calls, the engine's
// replacement order and pending deletes: tests/support/engine.ts) against the local Cognito: the accounts
// of a replaced pool are in the new pool, checked, before the old pool goes; what cannot be copied keeps
// the old pool; a copy cut short resumes. The real CLI plays the main case in cli.test.ts.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import {
    AdminAddUserToGroupCommand,
    AdminCreateUserCommand,
    AdminDisableUserCommand,
    CognitoIdentityProviderClient,
    CreateGroupCommand,
    DeleteUserPoolCommand,
    DescribeUserPoolCommand,
    ListUserPoolsCommand,
    ListUsersCommand,
    ListUsersInGroupCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { Engine, ResourceState, Step } from "../support/engine";
import { localCognito } from "../support/localCognito";
import { repoRoot } from "../support/stacks";

type Props = Record<string, any>;

const client = () => new CognitoIdentityProviderClient({});
const exists = (id: string) => client().send(new DescribeUserPoolCommand({ UserPoolId: id })).then(() => true, () => false);

function stack(args: Props, options: Props = {}, provider: "inProcess" | "host" = "inProcess"): Engine {
    return new Engine({
        project: "cli-combinations",
        stack: "copy",
        program: join(repoRoot, "tests", "programs", "cli-combinations"),
        config: configOf(args, options),
        secrets: () => [],
        provider,
    });
}
function configOf(args: Props, options: Props = {}): Record<string, string> {
    return {
        "aws:region": "us-east-1",
        "cli-combinations:pools": JSON.stringify([{ name: "a", args, options, secrets: [] }]),
        "cognito-user-pool:requestsPerSecond": "1000",
        "cognito-user-pool:retryBaseDelayMs": "5",
    };
}
function redeclare(engine: Engine, args: Props, options: Props = {}): void {
    engine.options = { ...engine.options, config: configOf(args, options) };
}
const entry = (engine: Engine): ResourceState => [...engine.state.values()].find((r) => r.dynamic && r.name === "a")!;
const ops = (steps: Step[]) => steps.filter((s) => s.type.includes("dynamic")).map((s) => `${s.op} ${s.name}`);

interface Person {
    username: string;
    attributes?: Record<string, string>;
    disabled?: boolean;
    groups?: string[];
}

async function addPeople(poolId: string, people: Person[]): Promise<void> {
    for (const p of people) {
        const attributes = Object.entries(p.attributes ?? {}).map(([Name, Value]) => ({ Name, Value }));
        await client().send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: p.username, UserAttributes: attributes, MessageAction: "SUPPRESS" }));
        if (p.disabled) await client().send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: p.username }));
        for (const g of p.groups ?? []) await client().send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, GroupName: g, Username: p.username }));
    }
}

async function listAll(poolId: string): Promise<Props[]> {
    const out: Props[] = [];
    let token: string | undefined;
    do {
        const page = await client().send(new ListUsersCommand({ UserPoolId: poolId, PaginationToken: token }));
        out.push(...(page.Users ?? []));
        token = page.PaginationToken;
    } while (token);
    return out;
}
async function allPoolIds(): Promise<Set<string>> {
    const ids = new Set<string>();
    let token: string | undefined;
    do {
        const page = await client().send(new ListUserPoolsCommand({ MaxResults: 60, NextToken: token }));
        for (const p of page.UserPools ?? []) ids.add(p.Id!);
        token = page.NextToken;
    } while (token);
    return ids;
}
const attrs = (u: Props): Record<string, string> => Object.fromEntries((u.Attributes ?? []).map((a: Props) => [a.Name, a.Value]));

describe("copyUsersOnReplacement: a replacement that keeps the users", function () {
    this.timeout(180_000);
    const engines: Engine[] = [];
    const track = (engine: Engine) => (engines.push(engine), engine);
    afterEach(async () => {
        localCognito().clearHooks();
        for (const engine of engines.splice(0)) {
            for (const r of [...engine.state.values(), ...engine.pendingDeletes]) {
                if (r.dynamic) await client().send(new DeleteUserPoolCommand({ UserPoolId: r.id })).catch(() => undefined);
            }
        }
    });

    it("every account, its attributes, verified flags, enabled flag, groups and memberships, and the old sub, in the new pool before the old one goes", async () => {
        const schema = [
            { name: "tenant", attributeDataType: "String", mutable: true },
            { name: "old_sub", attributeDataType: "String", mutable: true },
        ];
        const engine = track(stack({ schema, usernameConfiguration: { caseSensitive: true } }));
        await engine.up();
        const oldId = entry(engine).id;
        await client().send(new CreateGroupCommand({ UserPoolId: oldId, GroupName: "admins", Description: "the admins", Precedence: 1, RoleArn: "arn:aws:iam::123456789012:role/admin" }));
        await client().send(new CreateGroupCommand({ UserPoolId: oldId, GroupName: "readers" }));
        await addPeople(oldId, [
            { username: "alice", attributes: { email: "alice@example.com", email_verified: "true", "custom:tenant": "t1", given_name: "Alice" }, groups: ["admins", "readers"] },
            { username: "bob", attributes: { email: "bob@example.com", email_verified: "false", phone_number: "+15550100", phone_number_verified: "true" }, disabled: true, groups: ["readers"] },
            { username: "carol" },
        ]);
        const oldSubs = Object.fromEntries((await listAll(oldId)).map((u) => [u.Username, attrs(u).sub]));

        redeclare(engine, { schema, usernameConfiguration: { caseSensitive: false }, copyUsersOnReplacement: { keepSubAs: "old_sub" } });
        const preview = await engine.preview();
        assert.deepEqual(ops(preview.steps), ["replace a"]);
        const said = engine.messages.join("\n");
        assert.match(said, /copyUsersOnReplacement: 3 users will be copied into the new pool; the old pool is deleted once every copy is checked/);
        for (const name of ["alice", "bob", "carol", "example.com"]) assert.ok(!said.includes(name), `the preview names no user (${name})`);

        const up = await engine.up();
        assert.deepEqual(ops(up.steps), ["replace a"]);
        const newId = entry(engine).id;
        assert.notEqual(newId, oldId);
        assert.equal(await exists(oldId), false, "the old pool is deleted once the copies are checked");
        assert.deepEqual(engine.pendingDeletes, []);

        const copied = new Map((await listAll(newId)).map((u) => [u.Username, u]));
        assert.deepEqual([...copied.keys()].sort(), ["alice", "bob", "carol"]);
        const alice = attrs(copied.get("alice")!);
        assert.equal(alice.email, "alice@example.com");
        assert.equal(alice.email_verified, "true");
        assert.equal(alice["custom:tenant"], "t1");
        assert.equal(alice.given_name, "Alice");
        assert.equal(alice["custom:old_sub"], oldSubs.alice, "the old sub is kept");
        assert.notEqual(alice.sub, oldSubs.alice, "the new pool gave a sub of its own");
        const bob = attrs(copied.get("bob")!);
        assert.equal(bob.email_verified, "false", "an unverified email stays unverified");
        assert.equal(bob.phone_number_verified, "true");
        assert.equal(copied.get("bob")!.Enabled, false, "a disabled user stays disabled");
        assert.equal(copied.get("alice")!.Enabled, true);
        for (const u of copied.values()) assert.equal(u.UserStatus, "CONFIRMED", "a copy can reset its password with forgot password");

        const members = async (group: string) =>
            ((await client().send(new ListUsersInGroupCommand({ UserPoolId: newId, GroupName: group }))).Users ?? []).map((u) => u.Username).sort();
        assert.deepEqual(await members("admins"), ["alice"]);
        assert.deepEqual(await members("readers"), ["alice", "bob"]);
        const groups = await client().send(new (await import("@aws-sdk/client-cognito-identity-provider")).ListGroupsCommand({ UserPoolId: newId }));
        const admins = groups.Groups?.find((g) => g.GroupName === "admins");
        assert.deepEqual([admins?.Description, admins?.Precedence, admins?.RoleArn], ["the admins", 1, "arn:aws:iam::123456789012:role/admin"]);
        assert.deepEqual(ops((await engine.preview()).steps), ["same a"]);
    });

    it("0 users: a replacement with the opt-in is a plain replacement", async () => {
        const engine = track(stack({ usernameConfiguration: { caseSensitive: true } }));
        await engine.up();
        const oldId = entry(engine).id;
        redeclare(engine, { usernameConfiguration: { caseSensitive: false }, copyUsersOnReplacement: true });
        assert.deepEqual(ops((await engine.up()).steps), ["replace a"]);
        assert.equal(await exists(oldId), false);
        assert.deepEqual(await listAll(entry(engine).id), []);
    });

    it("1 user: copied, checked, the old pool deleted; a preview after shows no change", async () => {
        const engine = track(stack({ usernameConfiguration: { caseSensitive: true } }));
        await engine.up();
        const oldId = entry(engine).id;
        await addPeople(oldId, [{ username: "solo", attributes: { email: "solo@example.com" } }]);
        redeclare(engine, { usernameConfiguration: { caseSensitive: false }, copyUsersOnReplacement: true });
        await engine.preview();
        assert.match(engine.messages.join("\n"), /copyUsersOnReplacement: 1 user will be copied into the new pool; the old pool is deleted once every copy is checked/);
        assert.deepEqual(ops((await engine.up()).steps), ["replace a"]);
        assert.equal(await exists(oldId), false);
        assert.deepEqual((await listAll(entry(engine).id)).map((u) => [u.Username, attrs(u).email, u.UserStatus]), [["solo", "solo@example.com", "CONFIRMED"]]);
        assert.deepEqual(ops((await engine.preview()).steps), ["same a"]);
    });

    it("names that differ only in case, into a pool that ignores case: counted at preview, the old pool kept pending until allowReplacementWithUsers lets them go", async () => {
        const engine = track(stack({ usernameConfiguration: { caseSensitive: true } }));
        await engine.up();
        const oldId = entry(engine).id;
        await addPeople(oldId, [{ username: "Dana" }, { username: "dana" }, { username: "erin" }]);
        redeclare(engine, { usernameConfiguration: { caseSensitive: false }, copyUsersOnReplacement: true });
        await engine.preview();
        assert.match(engine.messages.join("\n"), /2 users will be copied into the new pool; 1 user cannot be \(1 whose name differs from another's only in case\), so the old pool will be kept/);
        await assert.rejects(engine.up(), /Kept user pool "a" \(.+\): 1 user cannot be copied \(1 whose name differs from another's only in case\)/);
        assert.equal(await exists(oldId), true, "the old pool is kept");
        assert.deepEqual(engine.pendingDeletes.map((r) => r.id), [oldId]);
        assert.deepEqual((await listAll(entry(engine).id)).map((u) => u.Username).sort(), ["Dana", "erin"]);
        // Every later up checks again and keeps it; the consent lets the one that cannot be copied go.
        await assert.rejects(engine.up(), /Kept user pool/);
        redeclare(engine, { usernameConfiguration: { caseSensitive: false }, copyUsersOnReplacement: true, allowReplacementWithUsers: true });
        await engine.up();
        assert.equal(await exists(oldId), false);
        assert.deepEqual(engine.pendingDeletes, []);
    });

    it("a change to sign in by email: users without an email are counted and keep the old pool; the others become email users", async () => {
        const engine = track(stack({}));
        await engine.up();
        const oldId = entry(engine).id;
        await addPeople(oldId, [
            { username: "frank", attributes: { email: "frank@example.com", email_verified: "true" } },
            { username: "gina" },
        ]);
        redeclare(engine, { usernameAttributes: ["email"], copyUsersOnReplacement: true });
        await engine.preview();
        assert.match(engine.messages.join("\n"), /1 user will be copied into the new pool; 1 user cannot be \(1 without an email\)/);
        await assert.rejects(engine.up(), /1 user cannot be copied \(1 without an email\)/);
        assert.equal(await exists(oldId), true);
        const copied = await listAll(entry(engine).id);
        assert.deepEqual(copied.map((u) => attrs(u).email), ["frank@example.com"]);
    });

    /** n users who sign in by username and have an email each (user0@example.com, ...). */
    async function emailUsers(poolId: string, n: number): Promise<void> {
        await addPeople(poolId, Array.from({ length: n }, (_, i) => ({ username: `user${i}`, attributes: { email: `user${i}@example.com`, email_verified: "true" } })));
    }
    /** Each email once in the pool, and the count. */
    async function emailsOnce(poolId: string): Promise<number> {
        const emails = (await listAll(poolId)).map((u) => attrs(u).email);
        assert.equal(new Set(emails).size, emails.length, "nobody copied twice");
        return emails.length;
    }

    it("250 users (past four pages) into a pool that signs in by email; a fault after 100 copies: the next up copies the rest, nobody twice, nobody missing", async () => {
        const engine = track(stack({}));
        await engine.up();
        const oldId = entry(engine).id;
        await emailUsers(oldId, 250);
        redeclare(engine, { usernameAttributes: ["email"], copyUsersOnReplacement: true });
        let creates = 0;
        localCognito().onRequest((op) => (op === "AdminCreateUser" && ++creates > 100 ? { status: 400, body: { __type: "AccessDeniedException", message: "injected" } } : undefined));
        await assert.rejects(engine.up(), /AccessDeniedException/);
        localCognito().clearHooks();
        // No copy starts after the first refusal: only those already under way (8 at once) were sent.
        assert.ok(creates <= 100 + 8, `${creates} AdminCreateUser calls: the copy went on after it failed`);
        const newId = entry(engine).id;
        assert.notEqual(newId, oldId, "the new pool is recorded (a partial failure)");
        assert.deepEqual(engine.pendingDeletes.map((r) => r.id), [oldId], "the old pool is kept, pending deletion");
        assert.equal(await emailsOnce(newId), 100);
        assert.match(engine.messages.join("\n"), /copying 250 of 250 users from user pool/);

        await engine.up();
        assert.equal(await exists(oldId), false, "deleted once the copy was finished and checked");
        assert.equal(await emailsOnce(newId), 250);
        assert.deepEqual(engine.pendingDeletes, []);
    });

    it("the provider killed in the middle of the copy (its Create never answered): the next up continues into the pool it made, not a third one", async () => {
        const engine = track(stack({}, {}, "host"));
        await engine.up();
        const oldId = entry(engine).id;
        await emailUsers(oldId, 80);
        redeclare(engine, { usernameAttributes: ["email"], copyUsersOnReplacement: true });
        let creates = 0;
        localCognito().onRequest((op) => {
            if (op !== "AdminCreateUser" || ++creates !== 40) return undefined;
            // The host process dies, as on a crash or a second Ctrl-C: nothing answers the engine's Create.
            execFileSync("pkill", ["-KILL", "-P", String(process.pid), "-f", "dynamic-provider"]);
            return { delayMs: 200 };
        });
        await assert.rejects(engine.up());
        localCognito().clearHooks();
        assert.equal(entry(engine).id, oldId, "the engine never heard of the new pool");
        const before = await allPoolIds();
        await engine.up();
        const newId = entry(engine).id;
        assert.notEqual(newId, oldId);
        assert.ok(before.has(newId), "the pool the killed run made is the new pool");
        assert.equal(await exists(oldId), false);
        assert.equal(await emailsOnce(newId), 80);
        const after = await allPoolIds();
        assert.deepEqual([...after].filter((id) => !before.has(id)), [], "no third pool");
    });

    it("a keepSubAs and a schema marked secret: the copy keeps the old sub, and the name is in no state, output or message", async () => {
        const secret = "s3cr3tsub";
        const schema = [{ name: secret, attributeDataType: "String", mutable: true }];
        const paths = ["schema", "copyUsersOnReplacement.keepSubAs"];
        const engine = track(stack({ schema, usernameConfiguration: { caseSensitive: true } }));
        engine.options = { ...engine.options, secrets: () => paths, config: { ...engine.options.config, "cli-combinations:pools": JSON.stringify([{ name: "a", args: { schema, usernameConfiguration: { caseSensitive: true } }, options: {}, secrets: ["schema"] }]) } };
        await engine.up();
        const oldId = entry(engine).id;
        await addPeople(oldId, [{ username: "kim", attributes: { email: "kim@example.com" } }]);
        const args = { schema, usernameConfiguration: { caseSensitive: false }, copyUsersOnReplacement: { keepSubAs: secret } };
        engine.options = { ...engine.options, config: { ...engine.options.config, "cli-combinations:pools": JSON.stringify([{ name: "a", args, options: {}, secrets: paths }]) } };
        await engine.preview();
        await engine.up();
        assert.equal(await exists(oldId), false);
        const [kim] = await listAll(entry(engine).id);
        assert.match(attrs(kim)[`custom:${secret}`] ?? "", /^[0-9a-f-]{36}$/, "the old sub kept");
        assert.ok(!JSON.stringify(engine.plaintextState()).includes(secret), "not in the state as stored unencrypted");
        assert.ok(!engine.messages.join("\n").includes(secret), "not in what the provider said");
    });

    it("deleteBeforeReplace would delete the old pool before the new one exists: refused at preview", async () => {
        const engine = track(stack({}));
        await engine.up();
        await emailUsers(entry(engine).id, 1);
        redeclare(engine, { usernameAttributes: ["email"], copyUsersOnReplacement: true }, { deleteBeforeReplace: true });
        await assert.rejects(engine.preview(), /deleteBeforeReplace resource option: the old pool would be deleted before the new one exists/);
    });
});
