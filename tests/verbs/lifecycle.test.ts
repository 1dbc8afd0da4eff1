// The pool's name and a plain create (every member's whole life is tests/verbs/members.test.ts).
import assert from "node:assert/strict";
import { CognitoIdentityProviderClient, DescribeUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { provider } from "../support/engineOrder";
import { assertJsonClean } from "../support/expect";
import { localCognito } from "../support/localCognito";

const cognito = () => new CognitoIdentityProviderClient({});
type Props = Record<string, any>;

async function rawPool(id: string): Promise<Props> {
    return (await cognito().send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool as Props;
}

describe("lifecycle: the pool's name and a plain create", function () {
    const created: string[] = [];
    afterEach(async () => {
        // Protected pools must be unprotected before they can go (the layer enforces it, as Cognito does).
        for (const id of created.splice(0)) {
            const current = await provider.read!(id, {});
            if (!current.id) continue;
            if (current.props!.deletionProtection === "ACTIVE") {
                await provider.update!(id, current.props!, { ...current.inputs!, deletionProtection: "INACTIVE" });
            }
            await provider.delete!(id, current.props!);
        }
    });

    it("poolName reaches Cognito, reads back, and survives an update of another member", async () => {
        const inputs = { poolName: "named pool" };
        const { id, outs } = await provider.create(inputs);
        created.push(id);
        assert.equal((await rawPool(id)).Name, "named pool");
        const read = await provider.read!(id, outs);
        assert.equal(read.props!.poolName, "named pool");
        assert.equal(read.inputs!.poolName, "named pool");
        await provider.update!(id, read.props!, { ...inputs, deviceConfiguration: { challengeRequiredOnNewDevice: true } });
        assert.equal((await rawPool(id)).Name, "named pool");
        assert.equal((await provider.read!(id, {})).props!.poolName, "named pool");
    });

    it("a plain create is exactly one CreateUserPool call, and its outputs are JSON-clean", async () => {
        localCognito().resetCalls();
        const { id, outs } = await provider.create({ poolName: "counted" });
        created.push(id);
        assert.deepEqual(localCognito().calls(), ["CreateUserPool"]);
        assertJsonClean(outs);
        assert.match(outs.arn, new RegExp(`^arn:aws:cognito-idp:us-east-1:\\d{12}:userpool/${id}$`));
        assert.equal(outs.endpoint, `cognito-idp.us-east-1.amazonaws.com/${id}`);
        assert.equal(outs.estimatedNumberOfUsers, 0);
        // The twenty standard attributes every pool has are left out of state where they are Cognito's defaults.
        assert.deepEqual(outs.schemaAttributes, [], "no custom attribute, every standard one at its defaults");
        const required = await provider.create({ poolName: "counted-email", schema: [{ name: "email", attributeDataType: "String", required: true, mutable: true }, { name: "tenant", attributeDataType: "String", mutable: true }] });
        created.push(required.id);
        assert.deepEqual(required.outs.schemaAttributes.map((a: Props) => a.name).sort(), ["custom:tenant", "email"], "a custom attribute, and a standard one unlike its defaults");
    });

    it("a declared setting Cognito would choose itself is stated at create even where it is the API's default (case sensitivity)", async () => {
        // Which case sensitivity an undeclared pool gets has differed by console, API and region: declared, it is sent.
        const { id } = await provider.create({ poolName: "case-sensitive", usernameConfiguration: { caseSensitive: true } });
        created.push(id);
        assert.deepEqual((await rawPool(id)).UsernameConfiguration, { CaseSensitive: true });
    });
});
