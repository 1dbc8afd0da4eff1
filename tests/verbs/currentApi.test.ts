// The members of the current Cognito API newer than the 2021 reference: feature plans (userPoolTier),
// passwordless sign-in, password history, versioned and inbound-federation triggers, threat protection
// for custom auth, and the email and passkey MFA factors. Each is created, read back in the input shape,
// updated in place with the right call, and shows no diff after a refresh; the calls each costs are
// counted through the local Cognito layer; the tier rules fail at preview.
import assert from "node:assert/strict";
import { CognitoIdentityProviderClient, CreateUserPoolCommand, DeleteUserPoolCommand, DescribeUserPoolCommand, GetUserPoolMfaConfigCommand } from "@aws-sdk/client-cognito-identity-provider";
import { provider } from "../support/engineOrder";
import { localCognito } from "../support/localCognito";

type Props = Record<string, any>;
const client = () => new CognitoIdentityProviderClient({});
const rawPool = async (id: string) => (await client().send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool as Props;
const LAMBDA = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const SES = { emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com" };


const MFA_BASE = { mfaConfiguration: "OPTIONAL", emailConfiguration: SES, accountRecoverySetting: { recoveryMechanisms: [{ priority: 1, name: "verified_phone_number" }] } };

describe("the current Cognito API: the newer members", function () {
    this.timeout(60_000);
    const created: string[] = [];
    afterEach(async () => {
        for (const id of created.splice(0)) await client().send(new DeleteUserPoolCommand({ UserPoolId: id })).catch(() => undefined);
    });

    const counts: string[] = [];
    after(() => {
        console.log("      calls per new member (create | in-place update):");
        for (const line of counts) console.log(`        ${line}`);
    });

    describe("defaults Cognito fills in", () => {
        it("a tier nobody declared is ESSENTIALS, and an update never changes it (an existing LITE pool stays LITE)", async () => {
            const { id, outs } = await provider.create({ poolName: "tier-default" });
            created.push(id);
            assert.equal((await rawPool(id)).UserPoolTier, "ESSENTIALS");
            await provider.update!(id, outs, { poolName: "tier-default", deletionProtection: "ACTIVE" });
            assert.equal((await rawPool(id)).UserPoolTier, "ESSENTIALS");
            await provider.update!(id, (await provider.read!(id, outs)).props!, { poolName: "tier-default" });

            const lite = (await client().send(new CreateUserPoolCommand({ PoolName: "lite", UserPoolTier: "LITE" }))).UserPool!;
            created.push(lite.Id!);
            const read = await provider.read!(lite.Id!, { arn: lite.Arn, __declared: { poolName: "lite" }, poolName: "lite" });
            assert.equal((await provider.diff!(lite.Id!, read.props!, { poolName: "lite" })).changes, false, "an undeclared tier is no change");
            await provider.update!(lite.Id!, read.props!, { poolName: "lite", policies: { passwordPolicy: { minimumLength: 12 } } });
            assert.equal((await rawPool(lite.Id!)).UserPoolTier, "LITE");
        });

        it("signInPolicy reads back [PASSWORD], and a WebAuthn configuration Cognito reports on its own is no diff", async () => {
            // MFA on, so a refresh reads GetUserPoolMfaConfig (with MFA off it has no factor to report).
            const declaration = { poolName: "defaults-new", mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } };
            const { id, outs } = await provider.create(declaration);
            created.push(id);
            const read = await provider.read!(id, outs);
            assert.deepEqual(read.props!.policies.signInPolicy, { allowedFirstAuthFactors: ["PASSWORD"] });
            // Reported, and kept in the record apart from what it shows (no passkey is set up).
            assert.equal(read.props!.webAuthnConfiguration, undefined);
            assert.deepEqual(read.props!.__cognito.webAuthnConfiguration, { factorConfiguration: "SINGLE_FACTOR" });
            assert.equal((await provider.diff!(id, read.props!, declaration)).changes, false);
        });

        it("the legacy preTokenGeneration alone and preTokenGenerationConfig alone each read back with no diff", async () => {
            for (const lambdaConfig of [{ preTokenGeneration: LAMBDA("legacy") }, { preTokenGenerationConfig: { lambdaVersion: "V1_0", lambdaArn: LAMBDA("v1") } }]) {
                const declaration = { poolName: "pre-token", lambdaConfig };
                const { id, outs } = await provider.create(declaration);
                created.push(id);
                const read = await provider.read!(id, outs);
                assert.equal((await provider.diff!(id, read.props!, declaration)).changes, false, JSON.stringify(lambdaConfig));
            }
        });
    });

    describe("tier rules at preview", () => {
        const check = async (news: Props) => ((await provider.check!({}, { poolName: "tiers", ...news })).failures ?? []).map((f) => f.reason);

        it("each feature on a tier below the one it needs fails check, naming the feature, the tier and the fix", async () => {
            const cases: [Props, RegExp][] = [
                [{ userPoolTier: "LITE", policies: { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] } } }, /turns on passwordless sign-in .* needs the ESSENTIALS tier, but userPoolTier is "LITE"; set userPoolTier: "ESSENTIALS" \(or "PLUS"\)/],
                [{ userPoolTier: "LITE", policies: { passwordPolicy: { passwordHistorySize: 3 } } }, /password history .* needs the ESSENTIALS tier/],
                [{ userPoolTier: "LITE", lambdaConfig: { preTokenGenerationConfig: { lambdaVersion: "V2_0", lambdaArn: LAMBDA("t") } } }, /access-token customization .* needs the ESSENTIALS tier/],
                [{ userPoolTier: "LITE", webAuthnConfiguration: { relyingPartyId: "example.com" } }, /passkeys .* needs the ESSENTIALS tier/],
                [{ userPoolTier: "LITE", ...MFA_BASE, emailMfaConfiguration: { message: "Code {####}" } }, /email MFA .* needs the ESSENTIALS tier/],
                [{ userPoolAddOns: { advancedSecurityMode: "ENFORCED" } }, /threat protection .* needs the PLUS tier, but the pool's tier is ESSENTIALS \(userPoolTier is not declared; new pools get ESSENTIALS\)/],
                [{ userPoolTier: "ESSENTIALS", userPoolAddOns: { advancedSecurityMode: "OFF", advancedSecurityAdditionalFlows: { customAuthMode: "AUDIT" } } }, /threat protection for custom authentication .* needs the PLUS tier/],
            ];
            for (const [declaration, reason] of cases) {
                const reasons = await check(declaration);
                assert.ok(reasons.some((r) => reason.test(r)), `${JSON.stringify(declaration)}: ${reasons.join(" | ")}`);
            }
        });

        it("down a tier with that tier's features still on fails at preview; switching them off goes in two calls, the features first", async () => {
            const plus = { poolName: "tier-down", userPoolTier: "PLUS", userPoolAddOns: { advancedSecurityMode: "ENFORCED" } };
            const { id, outs } = await provider.create(plus);
            created.push(id);
            const read = await provider.read!(id, outs);
            // The program drops the tier to ESSENTIALS but keeps threat protection: check catches it...
            assert.ok((await check({ userPoolTier: "ESSENTIALS", userPoolAddOns: { advancedSecurityMode: "ENFORCED" } })).length > 0);
            // ...and says exactly what to declare to switch each feature off.
            const reasons = await check({ userPoolTier: "ESSENTIALS", userPoolAddOns: { advancedSecurityMode: "ENFORCED" } });
            assert.ok(reasons.some((r) => r.includes('switch the feature off: declare userPoolAddOns.advancedSecurityMode: "OFF"')), reasons.join(" | "));
            // A feature the pool has but the program leaves out (password history, set outside Pulumi) is
            // switched off by the same update, features first: no refusal.
            const outside = { ...read.props!, policies: { ...read.props!.policies, passwordPolicy: { ...read.props!.policies.passwordPolicy, passwordHistorySize: 4 } } };
            assert.equal((await provider.diff!(id, outside, { poolName: "tier-down", userPoolTier: "ESSENTIALS" })).changes, true);
            localCognito().resetCalls();
            await provider.update!(id, read.props!, { poolName: "tier-down", userPoolTier: "ESSENTIALS" });
            assert.deepEqual(localCognito().calls(), ["UpdateUserPool", "UpdateUserPool"]);
            const pool = await rawPool(id);
            assert.equal(pool.UserPoolTier, "ESSENTIALS");
            assert.equal(pool.UserPoolAddOns.AdvancedSecurityMode, "OFF");
        });

        it("password history and passkeys left out are switched off, like every other member, in one update; later runs show no change", async () => {
            const declared = {
                poolName: "switched-off",
                policies: { passwordPolicy: { passwordHistorySize: 4 } },
                webAuthnConfiguration: { relyingPartyId: "auth.example.com" },
            };
            const { id, outs } = await provider.create(declared);
            created.push(id);
            const without = { poolName: "switched-off" };
            const before = structuredClone(without);
            assert.deepEqual(await provider.diff!(id, outs, without), { changes: true, replaces: [], deleteBeforeReplace: false });
            assert.deepEqual(without, before, "diff writes nothing into the declaration it is given");
            const updated = (await provider.update!(id, outs, without)).outs;
            assert.equal((await rawPool(id)).Policies.PasswordPolicy.PasswordHistorySize, 0);
            const mfa = await client().send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }));
            assert.equal(mfa.WebAuthnConfiguration?.RelyingPartyId, undefined, "no relying party: passkeys are off");
            const read = await provider.read!(id, updated);
            assert.equal((await provider.diff!(id, read.props!, without)).changes, false, "no update on every later run");
        });

        it("email MFA: ESSENTIALS+, DEVELOPER sending, MFA on, and a recovery besides email; MFA OFF with a factor, and ON with none, fail", async () => {
            const email = { emailMfaConfiguration: { message: "Code {####}" } };
            assert.ok((await check({ ...MFA_BASE, emailConfiguration: undefined, ...email })).some((r) => /email MFA sends through your SES identity/.test(r)));
            assert.ok((await check({ ...MFA_BASE, mfaConfiguration: "OFF", ...email })).some((r) => /'emailMfaConfiguration' is set, but 'mfaConfiguration' is "OFF"/.test(r)));
            assert.ok((await check({ ...MFA_BASE, accountRecoverySetting: { recoveryMechanisms: [{ priority: 1, name: "verified_email" }] }, ...email })).some((r) => /names only verified_email/.test(r)));
            assert.ok((await check({ mfaConfiguration: "ON" })).some((r) => /no MFA factor is configured/.test(r)));
            assert.deepEqual(await check({ ...MFA_BASE, ...email }), []);
        });

        it("first sign-in factors: passkeys need a companion, and MFA allows only PASSWORD and WEB_AUTHN", async () => {
            assert.ok((await check({ policies: { signInPolicy: { allowedFirstAuthFactors: ["WEB_AUTHN"] } } })).some((r) => /passkeys need another first factor/.test(r)));
            assert.ok((await check({ mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true }, policies: { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "SMS_OTP"] } } })).some((r) => /with MFA only PASSWORD and WEB_AUTHN/.test(r)));
            assert.deepEqual(await check({ mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true }, policies: { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] } } }), []);
        });

        it("two different pre token generation triggers fail check", async () => {
            const reasons = await check({ lambdaConfig: { preTokenGeneration: LAMBDA("a"), preTokenGenerationConfig: { lambdaVersion: "V2_0", lambdaArn: LAMBDA("b") } } });
            assert.ok(reasons.some((r) => /Cognito keeps them as one trigger: declare only preTokenGenerationConfig/.test(r)), reasons.join(" | "));
        });
    });
});
