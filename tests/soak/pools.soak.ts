// Soak: 50 pools created, updated and destroyed at once through the engine harness and the real
// provider host, with a quarter of all Cognito calls faulted. It must end with exactly the expected
// pools in Cognito and in the state: none leaked, none lost.
import assert from "node:assert/strict";
import { join } from "node:path";
import { CognitoIdentityProviderClient, DescribeUserPoolCommand, ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { Engine } from "../support/engine";
import { FAULTS } from "../support/faults";
import { localCognito } from "../support/localCognito";
import { repoRoot } from "../support/stacks";

const POOLS = 50;
const FAULT_RATE = 0.25;

/** A small seeded generator, so a failing soak can be replayed. */
function mulberry32(seed: number) {
    return () => {
        seed |= 0;
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

async function tenantPools(): Promise<Map<string, string>> {
    const client = new CognitoIdentityProviderClient({});
    const pools = new Map<string, string>();
    let NextToken: string | undefined;
    do {
        const page = await client.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }));
        for (const p of page.UserPools ?? []) if (p.Name?.startsWith("tenant-")) pools.set(p.Id!, p.Name);
        NextToken = page.NextToken;
    } while (NextToken);
    return pools;
}

describe("soak: 50 pools at once with a quarter of calls faulted", function (this: Mocha.Suite) {
    this.timeout(600_000);

    it("creates, updates and destroys them all, leaking none and losing none", async () => {
        const random = mulberry32(0xc0ffee);
        // Every fault but the answer that never comes: at the soak's 10 s deadline each would only add waiting
        // (the deadline and the recovery after it are tested in faults.test.ts and loseNothing.test.ts).
        const kinds = Object.keys(FAULTS).filter((k) => k !== "no answer at all after Cognito acted");
        const injected = new Map<string, number>();
        let faultsOn = true;
        localCognito().onRequest(() => {
            if (!faultsOn || random() >= FAULT_RATE) return undefined;
            const kind = kinds[Math.floor(random() * kinds.length)];
            injected.set(kind, (injected.get(kind) ?? 0) + 1);
            return FAULTS[kind];
        });
        const config = (minimumLength: number) => ({
            "many:count": String(POOLS),
            "many:minimumLength": String(minimumLength),
            // The retry policy is the shipped one; only its waits are shortened for the test.
            "cognito-user-pool:retryBaseDelayMs": "20",
            // moto works one request at a time (a create takes ~120 ms), so at 50 pools a call can wait
            // seconds in its queue: the deadline is set above that wait.
            "cognito-user-pool:requestTimeoutMs": "10000",
            "cognito-user-pool:maxAttempts": "10",
            "cognito-user-pool:requestsPerSecond": "25",
        });
        const engine = new Engine({ project: "many", stack: "soak", program: join(repoRoot, "tests", "programs", "many"), config: config(8) });
        const figures: string[] = [];
        const phase = async (name: string, run: () => Promise<unknown>) => {
            localCognito().resetCalls();
            const before = [...injected.values()].reduce((a, b) => a + b, 0);
            const started = Date.now();
            await run();
            const faults = [...injected.values()].reduce((a, b) => a + b, 0) - before;
            const calls = localCognito().calls().length;
            figures.push(`${name}: ${calls} calls, ${faults} faulted (${((100 * faults) / calls).toFixed(0)}%), ${((Date.now() - started) / 1000).toFixed(1)} s`);
            return { calls, faults };
        };
        try {
            const created = await phase("up (create 50)", () => engine.up());
            const inState = () => new Set([...engine.state.values()].filter((r) => r.dynamic).map((r) => r.id));
            let cognito = await tenantPools();
            assert.equal(inState().size, POOLS, "every pool is in the state");
            assert.deepEqual(new Set(cognito.keys()), inState(), "Cognito holds exactly the pools in the state: none leaked");

            engine.options = { ...engine.options, config: config(12) };
            const updated = await phase("up (update 50)", () => engine.up());
            faultsOn = false;
            const client = new CognitoIdentityProviderClient({});
            for (const id of inState()) {
                const pool = (await client.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool!;
                assert.equal(pool.Policies!.PasswordPolicy!.MinimumLength, 12, id);
            }
            cognito = await tenantPools();
            assert.deepEqual(new Set(cognito.keys()), inState(), "still the same pools after the update");
            faultsOn = true;

            const destroyed = await phase("destroy (50)", () => engine.destroy());
            faultsOn = false;
            assert.equal(engine.state.size, 0);
            assert.equal((await tenantPools()).size, 0, "no pool left behind");

            const calls = created.calls + updated.calls + destroyed.calls;
            const faults = created.faults + updated.faults + destroyed.faults;
            console.log(`      soak: ${POOLS} pools; ${figures.join("; ")}`);
            console.log(`      soak: ${calls} calls in all, ${faults} faulted (${((100 * faults) / calls).toFixed(0)}%): ${[...injected].map(([k, n]) => `${k} ${n}`).join(", ")}; leaked 0, lost 0`);
            assert.ok(faults / calls >= 0.2, `at least 20% of calls faulted (${faults}/${calls})`);
        } finally {
            localCognito().clearHooks();
            for (const entry of engine.state.values()) entry.outputs.allowReplacementWithUsers = true;
            await engine.destroy().catch(() => undefined);
        }
    });
});
