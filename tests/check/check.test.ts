// check: bad input is refused before any API call, each failure naming the property path, the value
// and what is allowed; values unknown at preview pass.
import assert from "node:assert/strict";
import provider = require("../../provider/runtime");
import { UNKNOWN } from "../../provider/pool/table";
import { localCognito } from "../support/localCognito";

const check = async (news: Record<string, unknown>) => (await provider.check!({}, news)).failures ?? [];

describe("check", () => {
    it("accepts a valid pool and returns its inputs with what a new pool gets filled in: the declared values as they are", async () => {
        const news = { poolName: "ok", policies: { passwordPolicy: { minimumLength: 12 } }, userPoolTags: { "Any Key": "v" } };
        const result = await provider.check!({}, news);
        assert.deepEqual(result.failures, []);
        assert.equal(result.inputs!.poolName, "ok");
        assert.deepEqual(result.inputs!.userPoolTags, { "Any Key": "v" });
        assert.deepEqual(result.inputs!.policies.passwordPolicy, {
            minimumLength: 12,
            requireUppercase: true,
            requireLowercase: true,
            requireNumbers: true,
            requireSymbols: true,
            passwordHistorySize: 0,
            temporaryPasswordValidityDays: 7,
        });
        assert.equal(result.inputs!.deletionProtection, "INACTIVE", "Cognito's default, filled in");
        // What Cognito fills in itself (texts, the tier, case sensitivity) is not invented.
        for (const kept of ["userPoolTier", "usernameConfiguration", "accountRecoverySetting", "smsVerificationMessage", "webAuthnConfiguration", "emailMfaConfiguration", "region"]) {
            assert.equal(result.inputs![kept], undefined, kept);
        }
    });

    it("copyUsersOnReplacement: true, false or an object; keepSubAs must be a String custom attribute the schema declares", async () => {
        const failures = async (news: Record<string, unknown>) => ((await provider.check!({}, { poolName: "p", ...news })).failures ?? []).map((f) => `${f.property}: ${f.reason}`);
        assert.deepEqual(await failures({ copyUsersOnReplacement: true }), []);
        assert.deepEqual(await failures({ copyUsersOnReplacement: false }), []);
        assert.deepEqual(await failures({ copyUsersOnReplacement: { keepSubAs: "old_sub" }, schema: [{ name: "old_sub", attributeDataType: "String" }] }), []);
        assert.deepEqual(await failures({ copyUsersOnReplacement: "yes" }), [`copyUsersOnReplacement: 'copyUsersOnReplacement' is "yes"; it must be true, false or an object`]);
        const [undeclared] = await failures({ copyUsersOnReplacement: { keepSubAs: "old_sub" } });
        assert.match(undeclared, /^copyUsersOnReplacement.keepSubAs: .*the schema declares no custom attribute of that name; add \{ name: "old_sub", attributeDataType: "String" \} to schema/);
        const [number] = await failures({ copyUsersOnReplacement: { keepSubAs: "old_sub" }, schema: [{ name: "old_sub", attributeDataType: "Number" }] });
        assert.match(number, /that attribute is of type Number; a sub is a String/);
        const [standard] = await failures({ copyUsersOnReplacement: { keepSubAs: "email" }, schema: [{ name: "email", required: true }] });
        assert.match(standard, /declares no custom attribute of that name/);
    });

    it("names a mistyped property and suggests the right one", async () => {
        assert.deepEqual(await check({ poolName: "p", policies: { passwordPolicy: { minimumLenght: 8 } } }), [
            {
                property: "policies.passwordPolicy.minimumLenght",
                reason: "'policies.passwordPolicy.minimumLenght' is not a property of policies.passwordPolicy; did you mean 'minimumLength'?",
            },
        ]);
    });

    it("reports every mistake at once, each with its path, value and what is allowed", async () => {
        const failures = await check({
            poolName: "bad/name",
            mfaConfiguration: "SOMETIMES",
            policies: { passwordPolicy: { minimumLength: 5 } },
            aliasAttributes: ["email", "email"],
            userPoolTags: { team: 7 },
        });
        assert.deepEqual(failures.map((f) => f.property).sort(), [
            "aliasAttributes",
            "mfaConfiguration",
            "policies.passwordPolicy.minimumLength",
            "poolName",
            'userPoolTags["team"]',
        ]);
        const reason = (p: string) => failures.find((f) => f.property === p)!.reason;
        assert.equal(reason("mfaConfiguration"), `'mfaConfiguration' is "SOMETIMES"; allowed: "OFF", "ON", "OPTIONAL"`);
        assert.equal(reason("policies.passwordPolicy.minimumLength"), "'policies.passwordPolicy.minimumLength' is 5; it must be from 6 to 99");
        assert.equal(reason("poolName"), `'poolName' is "bad/name"; it must be letters, digits, ASCII spaces and _+=,.@- only`);
    });

    it("requires poolName and the required members of declared objects", async () => {
        const failures = await check({ smsConfiguration: { externalId: "x" } });
        assert.deepEqual(failures.map((f) => f.property).sort(), ["poolName", "smsConfiguration.snsCallerArn"]);
    });

    it("lets values unknown at preview through, at any depth", async () => {
        assert.deepEqual(
            await check({ poolName: UNKNOWN, mfaConfiguration: UNKNOWN, aliasAttributes: [UNKNOWN], policies: { passwordPolicy: UNKNOWN } }),
            [],
        );
    });

    it("says where a poolName came from when it is the resource name", async () => {
        const [failure] = await check({ poolName: "team/users", poolNameIsResourceName: true });
        assert.match(failure.reason, /^'poolName' is "team\/users"; it must be letters, digits, ASCII spaces and _\+=,\.@- only \(no poolName is given, so the pool is named after the UserPool's resource name: give it a poolName, or rename the resource\)$/);
        const [declared] = await check({ poolName: "team/users" });
        assert.doesNotMatch(declared.reason, /resource name/, "a declared poolName is the program's own");
    });

    it("makes no API call", async () => {
        localCognito().resetCalls();
        await check({ poolName: "x", mfaConfiguration: "nope" });
        assert.deepEqual(localCognito().calls(), []);
    });
});
