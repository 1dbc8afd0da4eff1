// The copy and its check (provider/users/copy.ts) against the local Cognito: every page of users and of
// a group's members, the memberships, the enabled flag; run twice it does nothing the second time; the
// check finds what is missing.
import assert from "node:assert/strict";
import {
    AdminAddUserToGroupCommand,
    AdminCreateUserCommand,
    AdminDisableUserCommand,
    AdminRemoveUserFromGroupCommand,
    CognitoIdentityProviderClient,
    CreateGroupCommand,
    CreateUserPoolCommand,
    DeleteUserPoolCommand,
    DescribeUserPoolCommand,
    ListUsersInGroupCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { currentSettings, useSettings } from "../../provider/cognito/client";
import { check, copyUsers, randomPassword, verified } from "../../provider/users/copy";
import { planCopy, rulesFromPool } from "../../provider/users/rules";
import { localCognito } from "../support/localCognito";

const client = () => new CognitoIdentityProviderClient({});

describe("users/copy: carrying accounts into a new pool, and checking them", function () {
    this.timeout(120_000);
    const saved = currentSettings();
    const made: string[] = [];
    before(() => useSettings({ ...saved, requestsPerSecond: 1000, retryBaseDelayMs: 5 }));
    after(() => useSettings(saved));
    afterEach(async () => {
        localCognito().clearHooks();
        for (const id of made.splice(0)) await client().send(new DeleteUserPoolCommand({ UserPoolId: id })).catch(() => undefined);
    });
    async function pool(input: Record<string, unknown> = {}): Promise<Record<string, any>> {
        const { UserPool } = await client().send(new CreateUserPoolCommand({ PoolName: "p", ...input }));
        made.push(UserPool!.Id!);
        return (await client().send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id! }))).UserPool!;
    }
    const members = async (poolId: string, group: string) => {
        const out: string[] = [];
        let token: string | undefined;
        do {
            const page = await client().send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: group, NextToken: token }));
            out.push(...(page.Users ?? []).map((u) => u.Username!));
            token = page.NextToken;
        } while (token);
        return out.sort();
    };

    it("130 users (three pages), 70 in one group (two pages of members), every fifth disabled: all there, checked; a second run makes no call that writes", async () => {
        const old = await pool();
        const target = await pool({ UsernameConfiguration: { CaseSensitive: false } });
        await client().send(new CreateGroupCommand({ UserPoolId: old.Id, GroupName: "many", Precedence: 2 }));
        for (let i = 0; i < 130; i++) {
            const Username = `u${String(i).padStart(3, "0")}`;
            await client().send(new AdminCreateUserCommand({ UserPoolId: old.Id, Username, MessageAction: "SUPPRESS", UserAttributes: [{ Name: "email", Value: `${Username}@example.com` }] }));
            if (i % 5 === 0) await client().send(new AdminDisableUserCommand({ UserPoolId: old.Id, Username }));
            if (i < 70) await client().send(new AdminAddUserToGroupCommand({ UserPoolId: old.Id, GroupName: "many", Username }));
        }
        const said: string[] = [];
        const outcome = await copyUsers(old.Id, target, undefined, (line) => said.push(line));
        assert.ok(verified(outcome), JSON.stringify(outcome.unverified));
        assert.equal(outcome.plan.copies.length, 130);
        assert.deepEqual(await members(target.Id, "many"), await members(old.Id, "many"));
        assert.equal((await members(target.Id, "many")).length, 70);
        assert.deepEqual(said, [`copying 130 of 130 users from user pool ${old.Id} into user pool ${target.Id}`]);

        localCognito().resetCalls();
        const again = await copyUsers(old.Id, target, undefined, () => undefined);
        assert.ok(verified(again));
        assert.deepEqual(localCognito().calls().filter((op) => !/^(List|Describe)/.test(op)), [], "nothing written the second time");
    });

    it("progress every 200 users; the check finds a membership and a disabled flag lost after the copy", async () => {
        const old = await pool();
        const target = await pool();
        await client().send(new CreateGroupCommand({ UserPoolId: old.Id, GroupName: "g" }));
        for (let i = 0; i < 201; i++) await client().send(new AdminCreateUserCommand({ UserPoolId: old.Id, Username: `v${i}`, MessageAction: "SUPPRESS" }));
        await client().send(new AdminAddUserToGroupCommand({ UserPoolId: old.Id, GroupName: "g", Username: "v7" }));
        await client().send(new AdminDisableUserCommand({ UserPoolId: old.Id, Username: "v8" }));
        const said: string[] = [];
        assert.ok(verified(await copyUsers(old.Id, target, undefined, (line) => said.push(line))));
        assert.deepEqual(said.slice(1), [`copied 200 of 201 users into user pool ${target.Id}`]);
        await client().send(new AdminRemoveUserFromGroupCommand({ UserPoolId: target.Id, GroupName: "g", Username: "v7" }));
        await client().send(new (await import("@aws-sdk/client-cognito-identity-provider")).AdminEnableUserCommand({ UserPoolId: target.Id, Username: "v8" }));
        assert.deepEqual(await check(old.Id, target.Id, rulesFromPool(target, undefined)), { users: 1, groups: 0, memberships: 1 });
        // Either alone keeps the old pool: the copy is not verified.
        await client().send(new (await import("@aws-sdk/client-cognito-identity-provider")).AdminDisableUserCommand({ UserPoolId: target.Id, Username: "v8" }));
        const membershipOnly = await check(old.Id, target.Id, rulesFromPool(target, undefined));
        assert.deepEqual(membershipOnly, { users: 0, groups: 0, memberships: 1 });
        assert.equal(verified({ plan: planCopy([], rulesFromPool(target, undefined)), refused: {}, unverified: membershipOnly }), false);
    });

    it("a random password any policy takes: every class, at least the policy's minimum", () => {
        for (const minimum of [0, 8, 99]) {
            const p = randomPassword(minimum);
            assert.ok(p.length >= Math.max(64, minimum) && /[a-z]/.test(p) && /[A-Z]/.test(p) && /[0-9]/.test(p) && /[^a-zA-Z0-9]/.test(p));
        }
        assert.notEqual(randomPassword(), randomPassword());
    });
});
