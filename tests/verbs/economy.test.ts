// The fewest calls Cognito allows, counted through the local Cognito layer (no timing: the benchmark,
// `npm run bench`, measures time): a refresh is one DescribeUserPool unless there can be an MFA factor to
// report; an in-place update is the update call alone, its outputs built from what was sent (and a
// refresh right after agrees with them, member by member); a delete is one call when the user already
// consented, two when the user-count guard needs the live count.
import assert from "node:assert/strict";
import { CognitoIdentityProviderClient, DeleteUserPoolCommand, SetUserPoolMfaConfigCommand } from "@aws-sdk/client-cognito-identity-provider";
import { provider } from "../support/engineOrder";
import { localCognito } from "../support/localCognito";

type Props = Record<string, any>;
const client = () => new CognitoIdentityProviderClient({});


describe("economy: calls per operation", function () {
    this.timeout(60_000);
    const created: string[] = [];
    afterEach(async () => {
        for (const id of created.splice(0)) await client().send(new DeleteUserPoolCommand({ UserPoolId: id })).catch(() => undefined);
    });
    const make = async (inputs: Props) => {
        const result = await provider.create(inputs);
        created.push(result.id);
        return result;
    };

    it("a refresh is one DescribeUserPool with MFA off, and adds GetUserPoolMfaConfig only when MFA is on", async () => {
        const plain = await make({ poolName: "refresh-plain" });
        localCognito().resetCalls();
        await provider.read!(plain.id, plain.outs);
        assert.deepEqual(localCognito().calls(), ["DescribeUserPool"]);

        const totp = await make({ poolName: "refresh-mfa", mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } });
        localCognito().resetCalls();
        await provider.read!(totp.id, totp.outs);
        assert.deepEqual(localCognito().calls(), ["DescribeUserPool", "GetUserPoolMfaConfig"]);
    });

    it("MFA switched on outside Pulumi still shows at refresh: DescribeUserPool says MFA is on, so the factors are read", async () => {
        const { id, outs } = await make({ poolName: "mfa-drift" });
        await client().send(new SetUserPoolMfaConfigCommand({ UserPoolId: id, MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: true } }));
        localCognito().resetCalls();
        const read = await provider.read!(id, outs);
        assert.deepEqual(localCognito().calls(), ["DescribeUserPool", "GetUserPoolMfaConfig"]);
        assert.equal(read.props!.mfaConfiguration, "OPTIONAL");
        assert.deepEqual(read.props!.softwareTokenMfaConfiguration, { enabled: true });
        const diff = await provider.diff!(id, read.props!, { poolName: "mfa-drift" });
        assert.equal(diff.changes, true, "the program says MFA off: the drift shows, and up undoes it");
    });

    it("an in-place update is the update call alone", async () => {
        const { id, outs } = await make({ poolName: "update-one" });
        localCognito().resetCalls();
        await provider.update!(id, outs, { poolName: "update-one", policies: { passwordPolicy: { minimumLength: 14 } } });
        assert.deepEqual(localCognito().calls(), ["UpdateUserPool"]);
    });

    it("a delete is one call when the user consented already, two when the guard needs the live count", async () => {
        const consented = await make({ poolName: "delete-consented", allowReplacementWithUsers: true });
        localCognito().resetCalls();
        await provider.delete!(consented.id, consented.outs);
        assert.deepEqual(localCognito().calls(), ["DeleteUserPool"]);

        const guarded = await make({ poolName: "delete-guarded" });
        localCognito().resetCalls();
        await provider.delete!(guarded.id, guarded.outs);
        assert.deepEqual(localCognito().calls(), ["DescribeUserPool", "DeleteUserPool"]);
    });
});
