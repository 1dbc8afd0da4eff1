// Every Cognito call's failure reaches the user as a message naming the operation, the pool and the
// likely fix; never a raw SDK error or a stack trace. Errors are injected by the layer in front of moto.
import assert from "node:assert/strict";
import { currentSettings, ProviderSettings, useSettings } from "../../provider/cognito/client";
import provider = require("../../provider/runtime");
import { localCognito } from "../support/localCognito";

type Props = Record<string, any>;

/** Runs `body` with provider settings changed, then puts back the test run's own. */
async function withSettings<T>(settings: Partial<ProviderSettings>, body: () => Promise<T>): Promise<T> {
    const before = currentSettings();
    useSettings({ ...before, ...settings });
    try {
        return await body();
    } finally {
        useSettings(before);
    }
}
const error = (type: string, message: string) => ({ status: 400, body: { __type: type, message } });

/** Fails `op` with `answer` for the duration of `body`. */
async function failing<T>(op: string, answer: { status: number; body: any }, body: () => Promise<T>): Promise<T> {
    localCognito().onRequest((name) => (name === op ? answer : undefined));
    try {
        return await body();
    } finally {
        localCognito().clearHooks();
    }
}

function assertClear(err: unknown, expected: RegExp[]) {
    const message = (err as Error).message;
    for (const pattern of expected) assert.match(message, pattern);
    assert.doesNotMatch(message, /\n\s+at /, "no stack trace in the message");
    return true;
}

describe("AWS errors become clear messages", function () {
    this.timeout(30000);
    let pool: { id: string; outs: Props };
    let saved: ProviderSettings;
    // Retryable errors (throttling, 5xx) are retried first: short waits keep this file quick.
    before(() => {
        saved = currentSettings();
        useSettings({ ...saved, retryBaseDelayMs: 10, maxAttempts: 3 });
    });
    after(() => useSettings(saved));
    beforeEach(async () => {
        pool = (await provider.create({ poolName: "errors", userPoolTags: { a: "1" } })) as { id: string; outs: Props };
    });
    afterEach(async () => {
        localCognito().clearHooks();
        await provider.delete!(pool.id, pool.outs);
    });

    const cases: [string, string, () => Promise<unknown>, RegExp[]][] = [
        ["CreateUserPool", "AccessDeniedException", () => provider.create({ poolName: "denied" }),
            [/Could not create user pool "denied": AccessDeniedException/, /lacks a cognito-idp permission/]],
        ["CreateUserPool", "LimitExceededException", () => provider.create({ poolName: "quota" }),
            [/Could not create user pool "quota": LimitExceededException/, /quota/, /1,000 pools/]],
        ["CreateUserPool", "InvalidSmsRoleTrustRelationshipException",
            () => withSettings({ iamPropagationSeconds: 1 }, () => provider.create({ poolName: "sms", smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/sms" } })),
            [/Could not create user pool "sms"/, /smsConfiguration\.snsCallerArn/, /trust policy/, /gave up after \d+ attempts/]],
        ["DescribeUserPool", "UnrecognizedClientException", () => provider.read!(pool.id, pool.outs),
            [/Could not read user pool us-east-1_\w+: UnrecognizedClientException/, /credentials/]],
        ["UpdateUserPool", "InvalidParameterException", () => provider.update!(pool.id, pool.outs, { poolName: "errors", mfaConfiguration: "OFF", deletionProtection: "ACTIVE" }),
            [/Could not update user pool "errors" \(us-east-1_\w+\): InvalidParameterException/, /refused a setting/]],
        ["TagResource", "UserPoolTaggingException", () => provider.update!(pool.id, pool.outs, { poolName: "errors", userPoolTags: { a: "2" } }),
            [/Could not tag user pool "errors" \(us-east-1_\w+\): UserPoolTaggingException/, /at most 50 tags/]],
        ["UntagResource", "AccessDeniedException", () => provider.update!(pool.id, pool.outs, { poolName: "errors", userPoolTags: {} }),
            [/Could not untag user pool "errors"/, /permission/]],
        ["AddCustomAttributes", "InvalidParameterException",
            () => provider.update!(pool.id, pool.outs, { poolName: "errors", userPoolTags: { a: "1" }, schema: [{ name: "x", attributeDataType: "String" }] }),
            [/Could not add custom attributes to user pool "errors"/]],
        ["SetUserPoolMfaConfig", "InternalErrorException",
            () => provider.update!(pool.id, pool.outs, { poolName: "errors", userPoolTags: { a: "1" }, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } }),
            [/Could not set the MFA configuration of user pool "errors"/, /run `pulumi up` again/]],
        // A refresh asks for the MFA configuration only when a factor can be on: here TOTP was recorded.
        ["GetUserPoolMfaConfig", "AccessDeniedException", () => provider.read!(pool.id, { ...pool.outs, softwareTokenMfaConfiguration: { enabled: true } }),
            [/Could not read the MFA configuration of user pool us-east-1_\w+: AccessDeniedException/]],
        ["DeleteUserPool", "ConcurrentModificationException", () => provider.delete!(pool.id, pool.outs),
            [/Could not delete user pool "errors" \(us-east-1_\w+\): ConcurrentModificationException/, /passing error/]],
    ];
    for (const [op, type, run, expected] of cases) {
        it(`${op} failing with ${type}`, async () => {
            await assert.rejects(failing(op, error(type, `${type} from Cognito`), run), (err) => assertClear(err, expected));
        });
    }

    it("an unreachable endpoint names the endpoint settings to check", async () => {
        await assert.rejects(
            withSettings({ endpoint: "http://127.0.0.1:9", maxAttempts: 2, retryBaseDelayMs: 10 }, () => provider.create({ poolName: "offline" })),
            (err) => assertClear(err, [/Could not create user pool "offline"/, /could not be reached/, /cognito-user-pool:endpoint/]),
        );
    });
});
