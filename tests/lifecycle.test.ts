// Every CreateUserPool member through the provider's whole life against local Cognito: it reaches
// Cognito on create, comes back on read in the input shape, and survives an update of another member.
import assert from "node:assert/strict";
import { CognitoIdentityProviderClient, DescribeUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { provider } from "./support/engineOrder";
import { toCognito } from "../provider/pool/convert";
import { userPoolProperties } from "../provider/pool/properties";
import { memberSamples } from "./memberSamples";
import { assertHolds, assertJsonClean } from "./support/expect";
import { localCognito } from "./support/localCognito";

const cognito = () => new CognitoIdentityProviderClient({});
type Props = Record<string, any>;

async function rawPool(id: string): Promise<Props> {
    return (await cognito().send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool as Props;
}

/** The sample in Cognito's names, as the API reference spells them. */
function inCognitoShape(member: string, value: unknown): unknown {
    const field = userPoolProperties.find((f) => f.name === member)!;
    return toCognito([field], { [member]: value })[field.cognito];
}

function reportedName(member: string): string {
    const field = userPoolProperties.find((f) => f.name === member)!;
    return field.reportedAs ?? field.cognito;
}

/** Cognito reports custom attributes as `custom:<name>` and fills in what was not declared. */
function assertSchemaInCognito(pool: Props, declared: Props[]) {
    for (const attr of declared) {
        const name = ["email"].includes(attr.name) ? attr.name : `custom:${attr.name}`;
        const reported = pool.SchemaAttributes.find((a: Props) => a.Name === name);
        assert.ok(reported, `${name} is missing from SchemaAttributes`);
        const { Name: _n, ...expected } = toCognito(
            (userPoolProperties.find((f) => f.name === "schema")!.shape as any).fields,
            attr,
        ) as Props;
        assertHolds(reported, expected, `SchemaAttributes[${name}]`);
    }
}

async function assertInCognito(id: string, member: string, value: unknown) {
    const pool = await rawPool(id);
    if (member === "schema") assertSchemaInCognito(pool, value as Props[]);
    else assertHolds(pool[reportedName(member)], inCognitoShape(member, value), `Cognito's ${reportedName(member)}`);
}

describe("lifecycle: every CreateUserPool member", function () {
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

    for (const sample of memberSamples) {
        it(`${sample.member} reaches Cognito, reads back, and survives an update of another member`, async () => {
            const inputs = { poolName: `pool-${sample.member}`, ...sample.with, [sample.member]: sample.value };
            const { id, outs } = await provider.create(inputs);
            created.push(id);
            assertJsonClean(outs);
            await assertInCognito(id, sample.member, sample.value);

            const read = await provider.read!(id, outs);
            assert.equal(read.id, id);
            assertHolds(read.props![sample.member], sample.value, `read.props.${sample.member}`);
            assertJsonClean(read.props);

            const renamed = { ...inputs, poolName: `renamed-${sample.member}` };
            const diff = await provider.diff!(id, read.props!, renamed);
            assert.deepEqual(diff.replaces, [], "a rename is made in place");
            await provider.update!(id, read.props!, renamed);
            assert.equal((await rawPool(id)).Name, `renamed-${sample.member}`);
            await assertInCognito(id, sample.member, sample.value);
            assertHolds((await provider.read!(id, read.props!)).props![sample.member], sample.value, `after update: ${sample.member}`);
        });
    }

    it("every top-level member of the table has a sample here (so none goes untested)", () => {
        const sampled = new Set(["poolName", ...memberSamples.map((s) => s.member)]);
        assert.deepEqual(userPoolProperties.map((f) => f.name).filter((n) => !sampled.has(n)), []);
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
});
