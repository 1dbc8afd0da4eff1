// Every member through the provider's whole life, one matrix: declared, created (and held by Cognito),
// read back with no diff, updated in place (the call the table names for it, and no other), read back with
// no diff, removed from the declaration (back to Cognito's default, or kept where Cognito chooses), read
// back with no diff, deleted. The provider is called as the engine calls it (Check before Diff:
// support/engineOrder.ts); the calls are counted at the local Cognito.
import assert from "node:assert/strict";
import { CognitoIdentityProviderClient, DeleteUserPoolCommand, DescribeUserPoolCommand, GetUserPoolMfaConfigCommand, UpdateUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { toCognito } from "../../provider/pool/convert";
import { userPoolProperties } from "../../provider/pool/properties";
import { resourceInputs } from "../../provider/pool/resourceInputs";
import { Field } from "../../provider/pool/table";
import { MemberSample, memberSamples } from "../memberSamples";
import { provider, refreshDiff } from "../support/engineOrder";
import { assertHolds, assertJsonClean } from "../support/expect";
import { localCognito } from "../support/localCognito";

type Props = Record<string, any>;
const cognito = () => new CognitoIdentityProviderClient({});
const rawPool = async (id: string) => (await cognito().send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool as Props;
const rawMfa = async (id: string) => (await cognito().send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }))) as Props;
const SES = { emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com" };

/** The MFA factors only SetUserPoolMfaConfig sets: samples beside the table's. */
const factorSamples: MemberSample[] = [
    // SMS beside it, so that switching TOTP off (an update, a removal) leaves MFA a factor.
    {
        member: "softwareTokenMfaConfiguration",
        value: { enabled: true },
        with: { mfaConfiguration: "OPTIONAL", smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/cognito-sms", externalId: "ext-1" } },
    },
    {
        member: "emailMfaConfiguration",
        value: { subject: "Your code", message: "Code {####}" },
        with: { mfaConfiguration: "OPTIONAL", emailConfiguration: SES, accountRecoverySetting: { recoveryMechanisms: [{ priority: 1, name: "verified_phone_number" }] } },
    },
    { member: "webAuthnConfiguration", value: { relyingPartyId: "auth.example.com", userVerification: "preferred" } },
];

/** A second value for each member that changes in place. */
const UPDATES: Record<string, unknown> = {
    policies: { passwordPolicy: { minimumLength: 14, requireSymbols: true, temporaryPasswordValidityDays: 5, passwordHistorySize: 3 }, signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] } },
    deletionProtection: "INACTIVE",
    lambdaConfig: { preSignUp: "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up-2" },
    autoVerifiedAttributes: ["email"],
    smsVerificationMessage: "Your SMS code {####}",
    emailVerificationMessage: "Your email code {####}",
    emailVerificationSubject: "Your new code",
    verificationMessageTemplate: { emailSubject: "Your new code", emailMessage: "New code {####}", defaultEmailOption: "CONFIRM_WITH_CODE" },
    smsAuthenticationMessage: "Your sign-in code {####}",
    mfaConfiguration: "ON",
    userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdate: [] },
    deviceConfiguration: { challengeRequiredOnNewDevice: false, deviceOnlyRememberedOnUserPrompt: true },
    emailConfiguration: { ...SES, replyToEmailAddress: "support@example.com" },
    smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/cognito-sms", externalId: "ext-2", snsRegion: "us-east-1" },
    userPoolTags: { team: "platform", "cost-center": "42" },
    adminCreateUserConfig: { allowAdminCreateUserOnly: false },
    schema: [...(memberSamples.find((s) => s.member === "schema")!.value as Props[]), { name: "plan", attributeDataType: "String", mutable: true }],
    userPoolAddOns: { advancedSecurityMode: "ENFORCED", advancedSecurityAdditionalFlows: { customAuthMode: "ENFORCED" } },
    userPoolTier: "ESSENTIALS",
    accountRecoverySetting: { recoveryMechanisms: [{ priority: 1, name: "verified_phone_number" }, { priority: 2, name: "verified_email" }] },
    emailMfaConfiguration: { subject: "Your sign-in code", message: "Your code is {####}" },
    softwareTokenMfaConfiguration: { enabled: false },
    webAuthnConfiguration: { relyingPartyId: "auth.example.com", userVerification: "required" },
};

const FIELDS: readonly Field[] = [...userPoolProperties, ...resourceInputs.filter((f) => f.apply === "setUserPoolMfaConfig")];
const fieldOf = (member: string) => FIELDS.find((f) => f.name === member)!;

/** The calls a change of the member is made with (the table's `apply`). */
function updateCalls(field: Field): string[] {
    switch (field.apply) {
        case "updateUserPool":
            return ["UpdateUserPool"];
        case "tags":
            return ["UpdateUserPool", "UntagResource", "TagResource"];
        case "addCustomAttributes":
            return ["AddCustomAttributes", "DescribeUserPool"];
        case "setUserPoolMfaConfig":
            return ["SetUserPoolMfaConfig"];
        default:
            return [];
    }
}

/** The member as Cognito reports it (DescribeUserPool, or GetUserPoolMfaConfig for the factors). */
async function inCognito(id: string, member: string): Promise<unknown> {
    const field = fieldOf(member);
    if (field.apply === "setUserPoolMfaConfig") return (await rawMfa(id))[field.cognito];
    return (await rawPool(id))[field.reportedAs ?? field.cognito];
}

/** A value with its lists sorted: Cognito reports sets in an order of its own. */
function canonical(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(canonical).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]));
    return value;
}

function expectedInCognito(member: string, value: unknown): unknown {
    const field = fieldOf(member);
    return toCognito([field], { [member]: value })[field.cognito];
}

describe("every member: created, read, updated in place, removed, each with the calls the table names and no diff after", function () {
    this.timeout(60_000);
    const made: string[] = [];
    const rows: string[] = [];
    afterEach(async () => {
        for (const id of made.splice(0)) {
            await cognito().send(new UpdateUserPoolCommand({ UserPoolId: id, DeletionProtection: "INACTIVE" })).catch(() => undefined);
            await cognito().send(new DeleteUserPoolCommand({ UserPoolId: id })).catch(() => undefined);
        }
    });
    after(() => console.log(`      calls per member (create | update | removal):\n${rows.map((r) => `        ${r}`).join("\n")}`));

    /** Diff after a refresh, both ways: as a preview (Check, then Diff) and as the refresh itself. */
    async function settled(id: string, outs: Props, declaration: Props, what: string): Promise<Props> {
        // The outputs the create or update built, from what it sent (no read), agree with the declaration...
        assert.deepEqual(await provider.diff!(id, outs, declaration), { changes: false, replaces: [], deleteBeforeReplace: false }, `${what}: the outputs it built show a change`);
        const read = await provider.read!(id, outs);
        // ...and with a refresh right after.
        for (const key of Object.keys(read.props!).filter((k) => !["lastModifiedDate", "estimatedNumberOfUsers", "__provider", "__cognito"].includes(k))) {
            assert.deepEqual(canonical(outs[key]), canonical(read.props![key]), `${what}: the outputs' ${key} and a refresh's differ`);
        }
        assertJsonClean(read.props);
        assert.deepEqual(await provider.diff!(id, read.props!, declaration), { changes: false, replaces: [], deleteBeforeReplace: false }, `${what}: a preview after a refresh shows a change`);
        assert.equal((await refreshDiff(id, read.props!, read.inputs!)).changes, false, `${what}: the refresh itself shows drift`);
        return read.props!;
    }

    it("every member of the table and every MFA factor has a sample (so none goes untested)", () => {
        const sampled = new Set(["poolName", ...memberSamples.map((s) => s.member), ...factorSamples.map((s) => s.member)]);
        assert.deepEqual(FIELDS.map((f) => f.name).filter((n) => !sampled.has(n)), []);
    });

    for (const sample of [...memberSamples, ...factorSamples]) {
        it(sample.member, async () => {
            const field = fieldOf(sample.member);
            const base = { poolName: `m-${sample.member}`, ...sample.with };
            const declared = { ...base, [sample.member]: sample.value };
            assert.deepEqual((await provider.check!({}, declared)).failures, [], "the sample passes check");

            localCognito().resetCalls();
            const { id, outs } = await provider.create(declared);
            made.push(id);
            const createCalls = localCognito().calls();
            assertJsonClean(outs);
            const held = await inCognito(id, sample.member);
            if (sample.member === "schema") assert.ok((held as Props[]).some((a) => a.Name === "custom:tenant"));
            else assertHolds(held, expectedInCognito(sample.member, sample.value), `Cognito's ${field.cognito}`);
            let record = await settled(id, outs, declared, "after the create");

            let updateCalled: string[] = ["-"];
            const update = UPDATES[sample.member];
            if (update !== undefined) {
                const updated = { ...base, [sample.member]: update };
                const diff = await provider.diff!(id, record, updated);
                assert.deepEqual(diff.replaces, [], "changed in place");
                localCognito().resetCalls();
                const outsAfter = (await provider.update!(id, record, updated)).outs;
                updateCalled = localCognito().calls();
                const allowed = [...updateCalls(field), "UpdateUserPool", "SetUserPoolMfaConfig", "DescribeUserPool", "GetUserPoolMfaConfig"];
                assert.ok(updateCalled.some((c) => updateCalls(field).includes(c)), `${updateCalled.join(", ")}: none of ${updateCalls(field).join(", ")}`);
                assert.deepEqual(updateCalled.filter((c) => !allowed.includes(c)), [], "no other call");
                if (sample.member !== "schema") assertHolds(await inCognito(id, sample.member), expectedInCognito(sample.member, update), `Cognito's ${field.cognito} after the update`);
                record = await settled(id, outsAfter, updated, "after the update");
            } else {
                assert.equal(field.apply, "replace", "only a member a change of which replaces the pool has no update");
            }

            // Removed: back to Cognito's default, or left as Cognito chooses ("keep"); never a diff forever.
            let removalCalls: string[] = ["-"];
            if ((await provider.check!({}, base)).failures?.length === 0 && field.apply !== "replace") {
                const diff = await provider.diff!(id, record, base);
                const keeps = field.undeclared === "keep" || field.undeclared === "ignore";
                assert.equal(diff.changes, keeps ? false : diff.changes, "a member Cognito chooses is left as it is");
                localCognito().resetCalls();
                const outsAfter = diff.changes ? (await provider.update!(id, record, base)).outs : record;
                removalCalls = localCognito().calls();
                await settled(id, outsAfter, base, "after the removal");
            }
            rows.push(`${sample.member}: ${createCalls.join(", ")} | ${updateCalled.join(", ") || "none"} | ${removalCalls.join(", ") || "none"}`);
            const expectedCreate = field.apply === "setUserPoolMfaConfig" ? ["CreateUserPool", "SetUserPoolMfaConfig"] : ["CreateUserPool"];
            assert.deepEqual(createCalls, expectedCreate, "a create's calls");
        });
    }
});
