// Throttling, server errors before and after Cognito acted, dropped connections before and after, and
// slow answers, injected on every call the provider makes: each is retried to success with nothing
// leaked or lost, or ends in a clear error.
import assert from "node:assert/strict";
import { CognitoIdentityProviderClient, DescribeUserPoolCommand, GetUserPoolMfaConfigCommand, ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { callStats } from "../../provider/cognito/send";
import { currentSettings, ProviderSettings, useSettings } from "../../provider/cognito/client";
import provider = require("../../provider/runtime");
import { userTags } from "../support/expect";
import { FAULTS } from "../support/faults";
import { busiestSecond, HookResult, localCognito } from "../support/localCognito";

type Props = Record<string, any>;
const client = () => new CognitoIdentityProviderClient({});
const rawPool = async (id: string) => (await client().send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool as Props;
const poolsNamed = async (name: string) =>
    ((await client().send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools ?? []).filter((p) => p.Name === name);

/** Fast retries for tests: the policy is the same, the waits shorter. */
const FAST: Partial<ProviderSettings> = { retryBaseDelayMs: 20, requestTimeoutMs: 700, maxAttempts: 6, requestsPerSecond: 100 };

/** Injects `fault` into the first `op` call only. */
function once(op: string, fault: HookResult) {
    let fired = false;
    localCognito().onRequest((name) => {
        if (name !== op || fired) return undefined;
        fired = true;
        return fault;
    });
    return () => fired;
}

describe("faults on every call", function () {
    this.timeout(30000);
    let saved: ProviderSettings;
    before(() => {
        saved = currentSettings();
        useSettings({ ...saved, ...FAST });
    });
    after(() => useSettings(saved));
    afterEach(() => localCognito().clearHooks());

    /** Each call, the provider operation that makes it, and what must hold afterwards. */
    const calls: [string, (name: string) => Promise<void>][] = [
        ["CreateUserPool", async (name) => {
            const { id } = await provider.create({ poolName: name });
            assert.deepEqual((await poolsNamed(name)).map((p) => p.Id), [id], "exactly one pool: none leaked, none lost");
        }],
        ["DescribeUserPool", async (name) => {
            const { id, outs } = await provider.create({ poolName: name });
            localCognito().resetCalls();
            assert.equal((await provider.read!(id, outs)).props!.poolName, name);
        }],
        ["UpdateUserPool", async (name) => {
            const { id, outs } = await provider.create({ poolName: name });
            await provider.update!(id, outs, { poolName: name, policies: { passwordPolicy: { minimumLength: 15 } } });
            assert.equal((await rawPool(id)).Policies.PasswordPolicy.MinimumLength, 15);
        }],
        ["AddCustomAttributes", async (name) => {
            const { id, outs } = await provider.create({ poolName: name });
            await provider.update!(id, outs, { poolName: name, schema: [{ name: "tenant", attributeDataType: "String" }] });
            const custom = (await rawPool(id)).SchemaAttributes.filter((a: Props) => a.Name === "custom:tenant");
            assert.equal(custom.length, 1);
        }],
        ["TagResource", async (name) => {
            const { id, outs } = await provider.create({ poolName: name });
            await provider.update!(id, outs, { poolName: name, userPoolTags: { team: "x" } });
            assert.deepEqual(userTags(await rawPool(id)), { team: "x" });
        }],
        ["UntagResource", async (name) => {
            const { id, outs } = await provider.create({ poolName: name, userPoolTags: { team: "x", old: "y" } });
            await provider.update!(id, outs, { poolName: name, userPoolTags: { team: "x" } });
            assert.deepEqual(userTags(await rawPool(id)), { team: "x" });
        }],
        ["SetUserPoolMfaConfig", async (name) => {
            const { id, outs } = await provider.create({ poolName: name });
            await provider.update!(id, outs, { poolName: name, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } });
            const mfa = await client().send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }));
            assert.equal(mfa.SoftwareTokenMfaConfiguration?.Enabled, true);
        }],
        ["GetUserPoolMfaConfig", async (name) => {
            // MFA on: a read asks GetUserPoolMfaConfig (with MFA off there is no factor to read).
            const { id, outs } = await provider.create({ poolName: name, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } });
            assert.deepEqual((await provider.read!(id, outs)).props!.softwareTokenMfaConfiguration, { enabled: true });
        }],
        ["DeleteUserPool", async (name) => {
            const { id, outs } = await provider.create({ poolName: name });
            await provider.delete!(id, outs);
            assert.deepEqual(await poolsNamed(name), []);
        }],
    ];

    let counter = 0;
    for (const [op, run] of calls) {
        for (const [fault, answer] of Object.entries(FAULTS)) {
            it(`${op}: ${fault} is retried to success`, async () => {
                const name = `fault-${++counter}`;
                const fired = once(op, answer);
                const before = callStats.retries + callStats.recovered;
                await run(name);
                assert.ok(fired(), `the fault was injected into ${op}`);
                // A late or missing answer is given up on at the deadline (requestTimeoutMs), then retried or recovered.
                if (typeof answer === "object" && ("delayMs" in answer || ("after" in answer && answer.after === "stall"))) {
                    assert.ok(callStats.retries + callStats.recovered > before, `${op} was abandoned at the deadline and retried or recovered`);
                }
                for (const pool of await poolsNamed(name)) await provider.delete!(pool.Id!, { poolName: name });
            });
        }
    }

    it("ListUserPools failing while a lost CreateUserPool is looked for: still exactly one pool", async () => {
        const fired = once("CreateUserPool", FAULTS["a dropped connection after Cognito acted"]);
        const listed = once("ListUserPools", FAULTS["a 500 before Cognito acted"]);
        const { id } = await provider.create({ poolName: "lost-and-listed" });
        assert.ok(fired() && listed());
        assert.deepEqual((await poolsNamed("lost-and-listed")).map((p) => p.Id), [id]);
        await provider.delete!(id, {});
    });

    it("persistent throttling ends in a clear error naming the call, in bounded time, with no pool", async () => {
        localCognito().onRequest((op) => (op === "CreateUserPool" ? FAULTS.throttled : undefined));
        const started = Date.now();
        await assert.rejects(provider.create({ poolName: "throttled" }), (err: Error) => {
            assert.match(err.message, /Could not create user pool "throttled": TooManyRequestsException/);
            assert.match(err.message, /request-rate/);
            assert.match(err.message, /gave up after 6 attempts over [\d.]+ s/);
            return true;
        });
        assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
        assert.deepEqual(await poolsNamed("throttled"), []);
    });

    it("one rate limit for the whole process: 40 concurrent creates stay under requestsPerSecond", async () => {
        // The default deadline: forty creates queue up at the local Cognito, and this is about the rate, not deadlines.
        useSettings({ ...currentSettings(), requestsPerSecond: 10, requestTimeoutMs: 30_000 });
        try {
            localCognito().resetCalls();
            const created = await Promise.all(Array.from({ length: 40 }, (_, i) => provider.create({ poolName: `rate-${i}` })));
            const times = localCognito().callTimes();
            // The bucket holds half a second's worth, so any one-second window sees at most 1.5 × the rate:
            // 15 at 10/s, Cognito's quota.
            const busiest = busiestSecond(times);
            console.log(`      40 creates at 10/s: ${((times[times.length - 1] - times[0]) / 1000).toFixed(1)} s, busiest second ${busiest} calls`);
            assert.ok(busiest <= 15, `${busiest} calls in one second`);
            assert.ok(times[times.length - 1] - times[0] >= 3000, "40 calls at 10/s, after a burst of 5, take at least 3.5 s");
            await Promise.all(created.map((c) => provider.delete!(c.id, {})));
        } finally {
            useSettings({ ...currentSettings(), ...FAST });
        }
    });
});
