// The local Cognito (tests/support/localCognito.ts) behaves like real Cognito where moto does not
// (docs/cognito.md, "The local Cognito the tests use"), and counts calls. Everything goes through the real AWS SDK,
// configured only by the environment the root hooks set.

import { strict as assert } from "node:assert";
import {
    AddCustomAttributesCommand,
    AdminCreateUserCommand,
    AdminDeleteUserCommand,
    CognitoIdentityProviderClient,
    CreateUserPoolCommand,
    CreateUserPoolCommandInput,
    DeleteUserPoolCommand,
    DescribeUserPoolCommand,
    ListTagsForResourceCommand,
    ListUserPoolsCommand,
    SetUserPoolMfaConfigCommand,
    TagResourceCommand,
    UntagResourceCommand,
    UpdateUserPoolCommand,
    UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";
import { enforceQuota, localCognito, startLocalCognito } from "../support/localCognito";

const STANDARD_ATTRIBUTE_NAMES = [
    "sub", "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile",
    "picture", "website", "email", "email_verified", "gender", "birthdate", "zoneinfo", "locale",
    "phone_number", "phone_number_verified", "address", "updated_at",
];
const PROTECTED_MESSAGE =
    "The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.";

describe("local Cognito (moto_server + fidelity layer)", () => {
    let client: CognitoIdentityProviderClient;

    before(() => {
        // No endpoint, region or credentials here: all of it must come from the environment.
        client = new CognitoIdentityProviderClient({ maxAttempts: 1 });
    });
    after(() => client.destroy());

    beforeEach(async () => {
        localCognito().clearHooks();
        await localCognito().reset();
    });

    async function create(input: Partial<CreateUserPoolCommandInput> = {}): Promise<UserPoolType> {
        const out = await client.send(new CreateUserPoolCommand({ PoolName: "pool", ...input }));
        assert.ok(out.UserPool?.Id && out.UserPool.Arn);
        return out.UserPool;
    }

    async function describe_(id: string): Promise<UserPoolType> {
        const out = await client.send(new DescribeUserPoolCommand({ UserPoolId: id }));
        assert.ok(out.UserPool);
        return out.UserPool;
    }

    async function tags(arn: string): Promise<Record<string, string> | undefined> {
        return (await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags;
    }

    describe("environment and call log", () => {
        it("the SDK reaches the layer through AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", () => {
            assert.equal(process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, localCognito().endpoint);
            assert.match(localCognito().endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
            assert.notEqual(localCognito().endpoint, localCognito().motoEndpoint);
            assert.equal(process.env.AWS_PROFILE, undefined);
        });

        it("logs exactly the operations received, in order, and resets the log", async () => {
            assert.deepEqual(localCognito().calls(), []);
            const pool = await create();
            assert.deepEqual(localCognito().calls(), ["CreateUserPool"]);
            await describe_(pool.Id!);
            await tags(pool.Arn!);
            assert.deepEqual(localCognito().calls(), ["CreateUserPool", "DescribeUserPool", "ListTagsForResource"]);
            localCognito().resetCalls();
            assert.deepEqual(localCognito().calls(), []);
            await client.send(new ListUserPoolsCommand({ MaxResults: 10 }));
            assert.deepEqual(localCognito().calls(), ["ListUserPools"]);
        });

        it("reset empties moto", async () => {
            const pool = await create();
            await localCognito().reset();
            assert.deepEqual((await client.send(new ListUserPoolsCommand({ MaxResults: 10 }))).UserPools, []);
            await assert.rejects(describe_(pool.Id!), { name: "ResourceNotFoundException" });
        });
    });

    describe("fault hooks", () => {
        it("a hook's error answer reaches the SDK as that error, without touching moto", async () => {
            localCognito().onRequest((op) =>
                op === "CreateUserPool" ? { status: 400, body: { __type: "TooManyRequestsException", message: "slow down" } } : undefined,
            );
            await assert.rejects(create(), { name: "TooManyRequestsException", message: "slow down" });
            localCognito().clearHooks();
            assert.deepEqual((await client.send(new ListUserPoolsCommand({ MaxResults: 10 }))).UserPools, []);
            assert.deepEqual(localCognito().calls(), ["CreateUserPool", "ListUserPools"]);
        });

        it("a hook sees the request body, and \"drop\" leaves the SDK without an answer", async () => {
            const seen: any[] = [];
            localCognito().onRequest((op, body) => {
                seen.push([op, body]);
                return "drop";
            });
            await assert.rejects(create({ PoolName: "dropped" }), (e: any) => e.name !== "ResourceNotFoundException");
            assert.deepEqual(seen, [["CreateUserPool", { PoolName: "dropped" }]]);
            localCognito().clearHooks();
            await create();
        });
    });

    describe("fix 1: tags", () => {
        it("CreateUserPool tags, TagResource, UntagResource and UpdateUserPool round-trip", async () => {
            const pool = await create({ UserPoolTags: { team: "a", env: "dev" } });
            assert.deepEqual(pool.UserPoolTags, { team: "a", env: "dev" });
            assert.deepEqual(await tags(pool.Arn!), { team: "a", env: "dev" });

            await client.send(new TagResourceCommand({ ResourceArn: pool.Arn, Tags: { owner: "me", env: "prod" } }));
            assert.deepEqual(await tags(pool.Arn!), { team: "a", env: "prod", owner: "me" });

            await client.send(new UntagResourceCommand({ ResourceArn: pool.Arn, TagKeys: ["team", "absent"] }));
            assert.deepEqual(await tags(pool.Arn!), { env: "prod", owner: "me" });
            assert.deepEqual((await describe_(pool.Id!)).UserPoolTags, { env: "prod", owner: "me" });

            await client.send(new UpdateUserPoolCommand({ UserPoolId: pool.Id, UserPoolTags: { only: "this" } }));
            assert.deepEqual(await tags(pool.Arn!), { only: "this" });
            assert.deepEqual((await describe_(pool.Id!)).UserPoolTags, { only: "this" });

            // An update without UserPoolTags leaves them alone.
            await client.send(new UpdateUserPoolCommand({ UserPoolId: pool.Id, MfaConfiguration: "OFF" }));
            assert.deepEqual(await tags(pool.Arn!), { only: "this" });
        });

        it("an untagged pool shows UserPoolTags {} and an empty tag list", async () => {
            const pool = await create();
            assert.deepEqual((await describe_(pool.Id!)).UserPoolTags, {});
            assert.deepEqual(await tags(pool.Arn!), {});
        });

        it("tag operations on a pool that does not exist fail with ResourceNotFoundException", async () => {
            const pool = await create();
            await client.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id }));
            await assert.rejects(tags(pool.Arn!), { name: "ResourceNotFoundException" });
            await assert.rejects(client.send(new TagResourceCommand({ ResourceArn: pool.Arn, Tags: { a: "b" } })), {
                name: "ResourceNotFoundException",
            });
            await assert.rejects(client.send(new UntagResourceCommand({ ResourceArn: pool.Arn, TagKeys: ["a"] })), {
                name: "ResourceNotFoundException",
            });
        });

        it("a deleted and recreated pool does not inherit tags", async () => {
            const first = await create({ UserPoolTags: { a: "1" } });
            await client.send(new DeleteUserPoolCommand({ UserPoolId: first.Id }));
            const second = await create();
            assert.deepEqual(await tags(second.Arn!), {});
        });
    });

    describe("fix 2: deletion protection", () => {
        it("a protected pool is not deleted until UpdateUserPool sets INACTIVE", async () => {
            const pool = await create({ DeletionProtection: "ACTIVE" });
            assert.equal(pool.DeletionProtection, "ACTIVE");
            localCognito().resetCalls();

            await assert.rejects(client.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id })), {
                name: "InvalidParameterException",
                message: PROTECTED_MESSAGE,
            });
            assert.deepEqual(localCognito().calls(), ["DeleteUserPool"]);
            const still = await describe_(pool.Id!);
            assert.equal(still.Id, pool.Id);
            assert.equal(still.DeletionProtection, "ACTIVE");

            await client.send(new UpdateUserPoolCommand({ UserPoolId: pool.Id, DeletionProtection: "INACTIVE" }));
            assert.equal((await describe_(pool.Id!)).DeletionProtection, "INACTIVE");
            await client.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id }));
            await assert.rejects(describe_(pool.Id!), { name: "ResourceNotFoundException" });
        });

        it("DescribeUserPool shows INACTIVE by default, and an update that omits it resets it", async () => {
            const plain = await create();
            assert.equal((await describe_(plain.Id!)).DeletionProtection, "INACTIVE");

            const pool = await create({ DeletionProtection: "ACTIVE" });
            await client.send(new UpdateUserPoolCommand({ UserPoolId: pool.Id, DeletionProtection: "ACTIVE" }));
            assert.equal((await describe_(pool.Id!)).DeletionProtection, "ACTIVE");
            await client.send(new UpdateUserPoolCommand({ UserPoolId: pool.Id }));
            assert.equal((await describe_(pool.Id!)).DeletionProtection, "INACTIVE");
            await client.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id }));
        });
    });

    describe("fix 3: sign-in attributes and pool name", () => {
        it("AliasAttributes and UsernameConfiguration survive an UpdateUserPool", async () => {
            const pool = await create({
                AliasAttributes: ["email", "preferred_username"],
                UsernameConfiguration: { CaseSensitive: false },
            });
            await client.send(new UpdateUserPoolCommand({ UserPoolId: pool.Id, MfaConfiguration: "OFF" }));
            const after = await describe_(pool.Id!);
            assert.deepEqual(after.AliasAttributes, ["email", "preferred_username"]);
            assert.deepEqual(after.UsernameConfiguration, { CaseSensitive: false });
            assert.equal(after.UsernameAttributes, undefined);
        });

        it("UsernameAttributes survive an UpdateUserPool", async () => {
            const pool = await create({ UsernameAttributes: ["email", "phone_number"] });
            await client.send(new UpdateUserPoolCommand({ UserPoolId: pool.Id }));
            const after = await describe_(pool.Id!);
            assert.deepEqual(after.UsernameAttributes, ["email", "phone_number"]);
            assert.equal(after.AliasAttributes, undefined);
            assert.equal(after.UsernameConfiguration, undefined);
        });

        it("a rename through PoolName shows in DescribeUserPool and ListUserPools", async () => {
            const pool = await create({ PoolName: "before" });
            const other = await create({ PoolName: "other" });
            await client.send(new UpdateUserPoolCommand({ UserPoolId: pool.Id, PoolName: "after" }));
            assert.equal((await describe_(pool.Id!)).Name, "after");
            const listed = (await client.send(new ListUserPoolsCommand({ MaxResults: 10 }))).UserPools ?? [];
            assert.deepEqual(
                listed.map((p) => [p.Id, p.Name]).sort(),
                [
                    [pool.Id, "after"],
                    [other.Id, "other"],
                ].sort(),
            );
            // A later update without PoolName keeps the new name.
            await client.send(new UpdateUserPoolCommand({ UserPoolId: pool.Id }));
            assert.equal((await describe_(pool.Id!)).Name, "after");
        });
    });

    describe("fix 4: standard attributes", () => {
        it("a Schema with one custom attribute still shows the 20 standard ones, then the custom one", async () => {
            const plain = await describe_((await create()).Id!);
            assert.deepEqual(plain.SchemaAttributes?.map((a) => a.Name), STANDARD_ATTRIBUTE_NAMES);

            const pool = await create({ Schema: [{ Name: "tier", AttributeDataType: "String", Mutable: true }] });
            const schema = (await describe_(pool.Id!)).SchemaAttributes ?? [];
            assert.deepEqual(schema.map((a) => a.Name), [...STANDARD_ATTRIBUTE_NAMES, "custom:tier"]);
            assert.deepEqual(schema.slice(0, 20), plain.SchemaAttributes);
            assert.equal(schema[20].AttributeDataType, "String");
            assert.equal(schema[20].Mutable, true);
        });

        it("a declared standard attribute keeps its declared settings; AddCustomAttributes still works", async () => {
            const pool = await create({
                Schema: [
                    { Name: "email", AttributeDataType: "String", Required: true, Mutable: true },
                    { Name: "tier", AttributeDataType: "String" },
                ],
            });
            assert.deepEqual(pool.SchemaAttributes?.map((a) => a.Name), [...STANDARD_ATTRIBUTE_NAMES, "custom:tier"]);
            await client.send(
                new AddCustomAttributesCommand({ UserPoolId: pool.Id, CustomAttributes: [{ Name: "level", AttributeDataType: "Number" }] }),
            );
            const schema = (await describe_(pool.Id!)).SchemaAttributes ?? [];
            assert.deepEqual(schema.map((a) => a.Name), [...STANDARD_ATTRIBUTE_NAMES, "custom:tier", "custom:level"]);
            const email = schema.find((a) => a.Name === "email");
            assert.deepEqual(email, {
                Name: "email",
                AttributeDataType: "String",
                DeveloperOnlyAttribute: false,
                Mutable: true,
                Required: true,
                StringAttributeConstraints: { MinLength: "0", MaxLength: "2048" },
            });
            assert.equal(schema.filter((a) => a.Required).map((a) => a.Name).join(","), "sub,email");
        });
    });

    describe("fix 5: LambdaConfig and AccountRecoverySetting", () => {
        it("LambdaConfig is {} and no AccountRecoverySetting is invented", async () => {
            const pool = await create();
            assert.deepEqual(pool.LambdaConfig, {});
            assert.equal(pool.AccountRecoverySetting, undefined);
            const described = await describe_(pool.Id!);
            assert.deepEqual(described.LambdaConfig, {});
            assert.equal(described.AccountRecoverySetting, undefined);
            assert.equal("AccountRecoverySetting" in described, false);
        });

        it("an AccountRecoverySetting that was set is shown as set", async () => {
            const setting = { RecoveryMechanisms: [{ Name: "admin_only" as const, Priority: 1 }] };
            const pool = await create();
            await client.send(new UpdateUserPoolCommand({ UserPoolId: pool.Id, AccountRecoverySetting: setting }));
            assert.deepEqual((await describe_(pool.Id!)).AccountRecoverySetting, setting);
        });
    });

    describe("fix 6: MfaConfiguration", () => {
        it("DescribeUserPool shows the MfaConfiguration of the last SetUserPoolMfaConfig", async () => {
            const pool = await create({ MfaConfiguration: "OFF" });
            assert.equal((await describe_(pool.Id!)).MfaConfiguration, "OFF");
            await client.send(
                new SetUserPoolMfaConfigCommand({
                    UserPoolId: pool.Id,
                    SoftwareTokenMfaConfiguration: { Enabled: true },
                    MfaConfiguration: "OPTIONAL",
                }),
            );
            assert.equal((await describe_(pool.Id!)).MfaConfiguration, "OPTIONAL");
            // An UpdateUserPool that omits it keeps it (measured against moto_server); one that sets it wins.
            await client.send(new UpdateUserPoolCommand({ UserPoolId: pool.Id }));
            assert.equal((await describe_(pool.Id!)).MfaConfiguration, "OPTIONAL");
            await client.send(new UpdateUserPoolCommand({ UserPoolId: pool.Id, MfaConfiguration: "OFF" }));
            assert.equal((await describe_(pool.Id!)).MfaConfiguration, "OFF");
        });

        it("SetUserPoolMfaConfig without MfaConfiguration turns MFA off", async () => {
            const pool = await create();
            await client.send(
                new SetUserPoolMfaConfigCommand({
                    UserPoolId: pool.Id,
                    SoftwareTokenMfaConfiguration: { Enabled: true },
                    MfaConfiguration: "ON",
                }),
            );
            assert.equal((await describe_(pool.Id!)).MfaConfiguration, "ON");
            const out = await client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: pool.Id }));
            assert.equal(out.MfaConfiguration, "OFF");
            assert.equal((await describe_(pool.Id!)).MfaConfiguration, "OFF");
        });
    });

    describe("startLocalCognito without moto_server", () => {
        it("fails with a message saying where moto_server comes from", async () => {
            const path = process.env.PATH;
            process.env.PATH = "/usr/bin:/bin";
            try {
                await assert.rejects(startLocalCognito(), {
                    message: "moto_server is required; it comes from the Python package moto (pip install 'moto[server]').",
                });
            } finally {
                process.env.PATH = path;
            }
        });
    });

    describe("users: AdminCreateUser refuses what Cognito refuses", () => {
        const user = (UserPoolId: string, Username: string, attributes: Record<string, string> = {}) =>
            client.send(new AdminCreateUserCommand({ UserPoolId, Username, MessageAction: "SUPPRESS", UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })) }));

        it("a custom attribute the schema does not have, and a missing required attribute", async () => {
            const pool = await create({ Schema: [{ Name: "email", AttributeDataType: "String", Required: true, Mutable: true }, { Name: "tenant", AttributeDataType: "String", Mutable: true }] });
            await assert.rejects(user(pool.Id!, "a", { email: "a@example.com", "custom:nope": "x" }), /InvalidParameterException|Type for attribute \{custom:nope\} could not be determined/);
            await assert.rejects(user(pool.Id!, "b"), /email: The attribute is required/);
            await user(pool.Id!, "c", { email: "c@example.com", "custom:tenant": "t" });
        });

        it("the same name twice, by case where the pool ignores it, and the same email in a pool that signs in by email; a deleted user's name is free again", async () => {
            const ignoring = await create({ UsernameConfiguration: { CaseSensitive: false } });
            await user(ignoring.Id!, "Dana");
            await assert.rejects(user(ignoring.Id!, "dana"), /User account already exists/);
            await client.send(new AdminDeleteUserCommand({ UserPoolId: ignoring.Id!, Username: "Dana" }));
            await user(ignoring.Id!, "dana");
            const sensitive = await create({});
            await user(sensitive.Id!, "Dana");
            await user(sensitive.Id!, "dana");
            const byEmail = await create({ UsernameAttributes: ["email"] });
            await user(byEmail.Id!, "erin@example.com");
            await assert.rejects(user(byEmail.Id!, "erin@example.com"), /An account with the given email already exists/);
            // The email names the user in admin calls, after an UpdateUserPool too (moto forgets it then).
            await client.send(new UpdateUserPoolCommand({ UserPoolId: byEmail.Id!, MfaConfiguration: "OFF" }));
            await client.send(new AdminDeleteUserCommand({ UserPoolId: byEmail.Id!, Username: "erin@example.com" }));
            await user(byEmail.Id!, "erin@example.com");
        });
    });

    it("the benchmarks' quota (enforceQuota): the calls beyond it in one second are throttled, and counted", async () => {
        const gate = enforceQuota(localCognito(), 3);
        const results = await Promise.all(Array.from({ length: 5 }, () => client.send(new ListUserPoolsCommand({ MaxResults: 1 })).then(() => "ok", (e) => e.name)));
        assert.deepEqual(results.sort(), ["TooManyRequestsException", "TooManyRequestsException", "ok", "ok", "ok"]);
        assert.equal(gate.throttled, 2);
        gate.restart();
        gate.quota = Infinity;
        await client.send(new ListUserPoolsCommand({ MaxResults: 1 }));
        assert.equal(gate.throttled, 0);
    });
});
