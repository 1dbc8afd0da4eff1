// diff and update: what changes in place, what replaces the pool, what Cognito refuses, and how many
// calls each costs, counted through the layer in front of moto.
import assert from "node:assert/strict";
import { CognitoIdentityProviderClient, DescribeUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { provider } from "../support/engineOrder";
import { UNKNOWN } from "../../provider/pool/table";
import { everyMember } from "../memberSamples";
import { userTags } from "../support/expect";
import { localCognito } from "../support/localCognito";

type Props = Record<string, any>;
const rawPool = async (id: string): Promise<Props> =>
    (await new CognitoIdentityProviderClient({}).send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool as Props;

describe("diff and update", function () {
    const created: string[] = [];
    async function createPool(inputs: Props) {
        const result = await provider.create(inputs);
        created.push(result.id);
        return result;
    }
    afterEach(async () => {
        for (const id of created.splice(0)) {
            const current = await provider.read!(id, {});
            if (current.props?.deletionProtection === "ACTIVE") {
                await provider.update!(id, current.props, { ...current.inputs, deletionProtection: "INACTIVE" });
            }
            if (current.id) await provider.delete!(id, current.props!);
        }
    });


    for (const [label, inputs] of [
        ["a minimal pool", { poolName: "minimal" }],
        ["a pool with every member set", everyMember()],
    ] as const) {
        it(`unchanged inputs diff to no change for ${label}, after create and after read, with no API call`, async () => {
            const { id, outs } = await createPool(inputs);
            localCognito().resetCalls();
            assert.deepEqual(await provider.diff!(id, outs, inputs), { changes: false, replaces: [], deleteBeforeReplace: false });
            assert.deepEqual(localCognito().calls(), [], "diff makes no API call");
            const read = await provider.read!(id, outs);
            assert.equal((await provider.diff!(id, read.props!, inputs)).changes, false);
            assert.equal((await provider.diff!(id, read.props!, read.inputs!)).changes, false, "read's inputs reproduce the pool");
        });
    }

    for (const [member, before, after] of [
        ["usernameConfiguration", { caseSensitive: true }, { caseSensitive: false }],
        ["aliasAttributes", ["email"], ["email", "preferred_username"]],
        ["usernameAttributes", ["email"], ["phone_number"]],
    ] as const) {
        it(`a ${member} change is a replacement, named in replaces`, async () => {
            const inputs = { poolName: "immutable", [member]: before };
            const { id, outs } = await createPool(inputs);
            const diff = await provider.diff!(id, outs, { ...inputs, [member]: after });
            assert.deepEqual(diff, { changes: true, replaces: [member], deleteBeforeReplace: false });
        });
    }

    it("an immutable member unknown at preview shows as a possible replacement", async () => {
        const { id, outs } = await createPool({ poolName: "preview", usernameConfiguration: { caseSensitive: false } });
        const diff = await provider.diff!(id, outs, { poolName: "preview", usernameConfiguration: UNKNOWN });
        assert.deepEqual(diff.replaces, ["usernameConfiguration"]);
    });

    it("leaving usernameConfiguration undeclared never replaces a pool, whatever Cognito reports", async () => {
        const { id, outs } = await createPool({ poolName: "case", usernameConfiguration: { caseSensitive: false } });
        const read = await provider.read!(id, outs);
        assert.deepEqual(await provider.diff!(id, read.props!, { poolName: "case" }), { changes: false, replaces: [], deleteBeforeReplace: false });
    });

    it("a password-policy change is made in place: one UpdateUserPool, nothing else", async () => {
        const inputs = { poolName: "passwords", policies: { passwordPolicy: { minimumLength: 10 } } };
        const { id, outs } = await createPool(inputs);
        const news = { ...inputs, policies: { passwordPolicy: { minimumLength: 14 } } };
        localCognito().resetCalls();
        const diff = await provider.diff!(id, outs, news);
        assert.deepEqual(diff, { changes: true, replaces: [], deleteBeforeReplace: false });
        const { outs: updated } = await provider.update!(id, outs, news);
        assert.deepEqual(localCognito().calls(), ["UpdateUserPool"]);
        assert.equal((await rawPool(id)).Policies.PasswordPolicy.MinimumLength, 14);
        assert.equal(updated.policies.passwordPolicy.minimumLength, 14);
        assert.equal((await provider.diff!(id, updated, news)).changes, false);
    });

    it("a rename is made in place and keeps the pool's id", async () => {
        const { id, outs } = await createPool({ poolName: "before" });
        const diff = await provider.diff!(id, outs, { poolName: "after" });
        assert.deepEqual(diff, { changes: true, replaces: [], deleteBeforeReplace: false });
        const { outs: updated } = await provider.update!(id, outs, { poolName: "after" });
        assert.equal((await rawPool(id)).Name, "after");
        assert.equal(updated.poolName, "after");
    });

    it("a tag change is made with UntagResource and TagResource, never by replacing the pool", async () => {
        const inputs = { poolName: "tagged", userPoolTags: { team: "a", old: "x" } };
        const { id, outs } = await createPool(inputs);
        const news = { ...inputs, userPoolTags: { team: "b", "new:Key": "y" } };
        assert.deepEqual((await provider.diff!(id, outs, news)).replaces, []);
        localCognito().resetCalls();
        const { outs: updated } = await provider.update!(id, outs, news);
        assert.deepEqual(localCognito().calls(), ["UntagResource", "TagResource"]);
        assert.deepEqual(userTags(await rawPool(id)), { team: "b", "new:Key": "y" });
        assert.deepEqual(updated.userPoolTags, { team: "b", "new:Key": "y" });
    });

    it("an update sends every updatable member, so a member the user stops declaring returns to Cognito's default", async () => {
        const inputs = { poolName: "reset", mfaConfiguration: "OFF", deletionProtection: "ACTIVE", autoVerifiedAttributes: ["email"] };
        const { id, outs } = await createPool(inputs);
        const news = { poolName: "reset" };
        const diff = await provider.diff!(id, outs, news);
        assert.equal(diff.changes, true, "preview shows the members that will go back to their defaults");
        await provider.update!(id, outs, news);
        const pool = await rawPool(id);
        assert.equal(pool.DeletionProtection, "INACTIVE");
        assert.deepEqual(pool.AutoVerifiedAttributes ?? [], []);
    });

    it("every UpdateUserPool carries every updatable member explicitly, never a delta (the API reference: omissions reset)", async () => {
        const inputs = { poolName: "full", mfaConfiguration: "OFF", autoVerifiedAttributes: ["email"] };
        const { id, outs } = await createPool(inputs);
        const sent: Record<string, any>[] = [];
        localCognito().onRequest((op, body) => {
            if (op === "UpdateUserPool") sent.push(body);
            return undefined;
        });
        try {
            await provider.update!(id, outs, { poolName: "full, renamed" });
        } finally {
            localCognito().clearHooks();
        }
        assert.equal(sent.length, 1);
        const body = sent[0];
        assert.deepEqual(body.Policies, {
            PasswordPolicy: {
                MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true,
                TemporaryPasswordValidityDays: 7,
                // Kept as the pool has it (0: none), since it is not a setting with a default of its own.
                PasswordHistorySize: 0,
            },
            SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD"] },
        });
        assert.equal(body.PoolName, "full, renamed");
        assert.equal(body.DeletionProtection, "INACTIVE");
        assert.equal(body.MfaConfiguration, "OFF");
        assert.deepEqual(body.AutoVerifiedAttributes, []);
        assert.deepEqual(body.LambdaConfig, {});
        assert.deepEqual(body.UserPoolTags, {});
        assert.deepEqual(body.UserAttributeUpdateSettings, { AttributesRequireVerificationBeforeUpdate: [] });
        assert.deepEqual(body.UserPoolAddOns, { AdvancedSecurityMode: "OFF" });
        assert.equal(body.EmailConfiguration.EmailSendingAccount, "COGNITO_DEFAULT");
        assert.equal(body.AdminCreateUserConfig.AllowAdminCreateUserOnly, false);
        assert.equal(body.VerificationMessageTemplate.DefaultEmailOption, "CONFIRM_WITH_CODE");
        assert.equal(body.SmsConfiguration, undefined, "an undeclared SMS configuration is not invented");
        assert.equal(body.UsernameConfiguration, undefined, "immutable members are never sent to UpdateUserPool");
    });

    it("texts Cognito filled in, or the user set before, survive an update when not declared", async () => {
        const inputs = { poolName: "texts", verificationMessageTemplate: { smsMessage: "Code {####}" } };
        const { id, outs } = await createPool(inputs);
        const news = { poolName: "texts", mfaConfiguration: "OFF", deletionProtection: "INACTIVE" };
        assert.equal((await provider.diff!(id, outs, news)).changes, false, "nothing to change: texts are left alone");
        await provider.update!(id, outs, { poolName: "texts renamed" });
        const pool = await rawPool(id);
        assert.equal(pool.VerificationMessageTemplate.SmsMessage, "Code {####}");
        assert.match(pool.AdminCreateUserConfig.InviteMessageTemplate.EmailMessage, /\{username\}/);
    });

    it("a new custom attribute is added in place with AddCustomAttributes", async () => {
        const inputs = { poolName: "schema", schema: [{ name: "tenant", attributeDataType: "String" }] };
        const { id, outs } = await createPool(inputs);
        const news = { ...inputs, schema: [...inputs.schema, { name: "plan", attributeDataType: "String", mutable: true }] };
        assert.deepEqual(await provider.diff!(id, outs, news), { changes: true, replaces: [], deleteBeforeReplace: false });
        localCognito().resetCalls();
        await provider.update!(id, outs, news);
        assert.deepEqual(localCognito().calls(), ["AddCustomAttributes", "DescribeUserPool"]);
        const names = (await rawPool(id)).SchemaAttributes.map((a: Props) => a.Name);
        assert.ok(names.includes("custom:tenant") && names.includes("custom:plan"), names.join(", "));
    });

    it("modifying or removing an attribute fails at preview, naming the attribute and the way out", async () => {
        const inputs = { poolName: "schema", schema: [{ name: "tenant", attributeDataType: "String", mutable: true }] };
        const { id, outs } = await createPool(inputs);
        await assert.rejects(
            provider.diff!(id, outs, { ...inputs, schema: [{ name: "tenant", attributeDataType: "Number", mutable: true }] }),
            /attribute 'tenant': attributeDataType is "String" in the pool and cannot be changed to "Number"[\s\S]*never modify or remove/,
        );
        const other = { name: "other", attributeDataType: "String", mutable: true };
        await assert.rejects(provider.diff!(id, outs, { ...inputs, schema: [other] }), /attribute 'tenant' cannot be removed/);
    });

    it("the standard attributes state leaves out (at Cognito's defaults) still count: declared as they are, no change; changed, refused as a change", async () => {
        const { id, outs } = await createPool({ poolName: "standard" });
        assert.deepEqual(outs.schemaAttributes, [], "the twenty standard attributes at their defaults are not in state");
        const email = { name: "email", attributeDataType: "String", mutable: true, required: false };
        const declared = { poolName: "standard", schema: [email] };
        assert.deepEqual(await provider.diff!(id, outs, declared), { changes: false, replaces: [], deleteBeforeReplace: false });
        const updated = (await provider.update!(id, outs, declared)).outs;
        const read = (await provider.read!(id, updated)).props!;
        assert.deepEqual(updated.schema, read.schema, "the outputs an update builds show the attribute as a refresh does");
        await assert.rejects(
            provider.diff!(id, outs, { poolName: "standard", schema: [{ ...email, required: true }] }),
            /attribute 'email': required is false in the pool and cannot be changed to true/,
        );
    });

    it("deleting a protected pool fails clearly and leaves the pool untouched", async () => {
        const { id, outs } = await createPool({ poolName: "protected", deletionProtection: "ACTIVE" });
        await assert.rejects(provider.delete!(id, outs), (err: Error) => {
            assert.match(err.message, /Could not delete user pool "protected" \(.+\): InvalidParameterException/);
            assert.match(err.message, /deletionProtection: "INACTIVE"/);
            assert.doesNotMatch(err.message, /\n\s+at /, "no stack trace in the message");
            return true;
        });
        assert.equal((await rawPool(id)).Name, "protected");
    });

    it("a pool deleted outside Pulumi reads as gone, and deleting it again succeeds", async () => {
        const { id, outs } = await provider.create({ poolName: "gone" });
        await provider.delete!(id, outs);
        assert.deepEqual(await provider.read!(id, outs), {});
        await provider.delete!(id, outs);
    });

    it("a pool read by id alone (UserPool.get) comes back with the declaration that reproduces it", async () => {
        const inputs = { poolName: "adopted", mfaConfiguration: "OFF", userPoolTags: { a: "1" }, schema: [{ name: "tenant", attributeDataType: "String" }] };
        const { id } = await createPool(inputs);
        const read = await provider.read!(id, {});
        assert.equal(read.inputs!.poolName, "adopted");
        assert.deepEqual(read.inputs!.userPoolTags, { a: "1" });
        assert.equal(read.inputs!.mfaConfiguration, undefined, "defaults are not spelled out");
        assert.equal(read.inputs!.schema[0].name, "tenant");
        assert.equal((await provider.diff!(id, read.props!, read.inputs!)).changes, false);
    });
});
