// Configurations that real Cognito accepts, taken from Terraform's own passing acceptance tests
// (terraform-provider-aws, internal/service/cognitoidp/user_pool_test.go), translated to our inputs: each
// passes check, is created, holds in Cognito what was declared, shows no diff after a refresh, and goes
// through Terraform's update steps in place. Custom email texts with Cognito's default email sending are
// among them: check used to refuse those (a rule from one sentence of the API reference that Cognito does
// not enforce).
import assert from "node:assert/strict";
import { join } from "node:path";
import { CognitoIdentityProviderClient, DescribeUserPoolCommand, UpdateUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import provider = require("../../provider/runtime");
import { Engine, Step } from "../support/engine";
import { assertHolds } from "../support/expect";
import { repoRoot } from "../support/stacks";

type Props = Record<string, any>;
const client = () => new CognitoIdentityProviderClient({});
const rawPool = async (id: string) => (await client().send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool as Props;
const plan = (steps: Step[]) => steps.map((s) => `${s.op} ${s.name}`);

/** A Terraform acceptance test: its steps' configurations, and what Cognito must hold after each. */
interface TerraformTest {
    name: string;
    steps: { inputs: Props; holds: Props }[];
}

const invite = (password: "temporary" | "constant") => ({
    emailMessage: `Your username is {username} and ${password} password is {####}. `,
    smsMessage: `Your username is {username} and ${password} password is {####}.`,
});

const update = (mfaConfiguration: string, smsAuthenticationMessage: string): Props => ({
    autoVerifiedAttributes: ["email"],
    mfaConfiguration,
    emailVerificationMessage: "Foo {####} Bar",
    emailVerificationSubject: "FooBar {####}",
    smsVerificationMessage: "{####} Baz",
    smsAuthenticationMessage,
    adminCreateUserConfig: { allowAdminCreateUserOnly: true, inviteMessageTemplate: { ...invite("temporary"), emailSubject: "FooBar {####}" } },
    deviceConfiguration: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: false },
    verificationMessageTemplate: { defaultEmailOption: "CONFIRM_WITH_CODE" },
    smsConfiguration: { externalId: "123456789012", snsCallerArn: "arn:aws:iam::123456789012:role/service-role/tf-acc-test" },
});

const terraformTests: TerraformTest[] = [
    {
        name: "TestAccCognitoIDPUserPool_withVerificationMessageTemplate",
        steps: [
            {
                inputs: {
                    verificationMessageTemplate: {
                        defaultEmailOption: "CONFIRM_WITH_LINK",
                        emailMessage: "foo {####} bar",
                        emailMessageByLink: "{##foobar##}",
                        emailSubject: "foobar {####}",
                        emailSubjectByLink: "foobar",
                        smsMessage: "{####} baz",
                    },
                },
                holds: {
                    VerificationMessageTemplate: {
                        DefaultEmailOption: "CONFIRM_WITH_LINK",
                        EmailMessage: "foo {####} bar",
                        EmailMessageByLink: "{##foobar##}",
                        EmailSubject: "foobar {####}",
                        EmailSubjectByLink: "foobar",
                        SmsMessage: "{####} baz",
                    },
                },
            },
        ],
    },
    {
        name: "TestAccCognitoIDPUserPool_withAdminCreateUser",
        steps: [
            {
                inputs: { adminCreateUserConfig: { allowAdminCreateUserOnly: true, inviteMessageTemplate: { ...invite("temporary"), emailSubject: "FooBar {####}" } } },
                holds: {
                    AdminCreateUserConfig: {
                        AllowAdminCreateUserOnly: true,
                        InviteMessageTemplate: { EmailMessage: invite("temporary").emailMessage, EmailSubject: "FooBar {####}", SMSMessage: invite("temporary").smsMessage },
                    },
                },
            },
            {
                inputs: { adminCreateUserConfig: { allowAdminCreateUserOnly: false, inviteMessageTemplate: { ...invite("constant"), emailSubject: "Foo{####}BaBaz" } } },
                holds: {
                    AdminCreateUserConfig: {
                        AllowAdminCreateUserOnly: false,
                        InviteMessageTemplate: { EmailMessage: invite("constant").emailMessage, EmailSubject: "Foo{####}BaBaz", SMSMessage: invite("constant").smsMessage },
                    },
                },
            },
        ],
    },
    {
        name: "TestAccCognitoIDPUserPool_update",
        steps: [
            ["OPTIONAL", "tf-acc-test-first {####}"],
            ["OPTIONAL", "tf-acc-test-second {####}"],
            ["OFF", "tf-acc-test-second {####}"],
        ].map(([mfa, message]) => ({
            inputs: update(mfa, message),
            holds: {
                AutoVerifiedAttributes: ["email"],
                EmailVerificationMessage: "Foo {####} Bar",
                EmailVerificationSubject: "FooBar {####}",
                SmsVerificationMessage: "{####} Baz",
                SmsAuthenticationMessage: message,
                AdminCreateUserConfig: { AllowAdminCreateUserOnly: true, InviteMessageTemplate: { EmailSubject: "FooBar {####}" } },
                DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false },
                SmsConfiguration: { ExternalId: "123456789012", SnsCallerArn: "arn:aws:iam::123456789012:role/service-role/tf-acc-test" },
            },
        })),
    },
];

describe("Terraform's passing acceptance configurations (real Cognito accepts them)", function () {
    this.timeout(90_000);
    const engines: Engine[] = [];
    afterEach(async () => {
        for (const engine of engines.splice(0)) await engine.destroy();
    });

    for (const test of terraformTests) {
        it(`${test.name}: check passes, each step is applied in place, Cognito holds it, and refresh shows no diff`, async () => {
            const poolName = `tf-${test.name.slice(-20)}`;
            const engine = new Engine({ project: "declared", stack: "test", program: join(repoRoot, "tests", "programs", "declared"), config: {} });
            engines.push(engine);
            let id: string | undefined;
            for (const [i, step] of test.steps.entries()) {
                const inputs = { poolName, ...step.inputs };
                assert.deepEqual((await provider.check!({}, inputs)).failures, [], `step ${i + 1} passes check`);
                engine.options = { ...engine.options, config: { "declared:inputs": JSON.stringify(inputs) } };
                const preview = await engine.preview();
                assert.deepEqual(plan(preview.steps), [`${i === 0 ? "create" : "update"} pool`], `step ${i + 1} previews as ${i === 0 ? "a create" : "an in-place update"}`);
                await engine.up();
                const current = [...engine.state.values()].find((r) => r.dynamic)!.id;
                if (id) assert.equal(current, id, "the same pool, updated in place");
                id = current;
                assertHolds(await rawPool(id), step.holds, `Cognito after step ${i + 1}`);
                const refresh = await engine.refresh();
                assert.deepEqual(refresh.map((s) => [s.op, s.changed]), [["same", []]], `step ${i + 1}: refresh finds what was declared`);
                assert.deepEqual(plan((await engine.preview()).steps), ["same pool"], `step ${i + 1}: no diff after refresh`);
            }
            await client().send(new UpdateUserPoolCommand({ UserPoolId: id!, DeletionProtection: "INACTIVE" })).catch(() => undefined);
        });
    }
});
