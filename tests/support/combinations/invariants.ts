// What must hold after every command of the stateful test, whatever came before (issue "Every promise in
// every combination"):
// I1 no pool with users is deleted unless the latest applied program of that resource consented, or
//    copies users and every one of them is in the pool that replaced it (copyUsersOnReplacement);
// I2 no value the program marks secret in plaintext in what the provider returns (the state as the
//    engine stores it unencrypted, once an up has been told) or says (warnings, errors, check failures);
// I3 after a successful up, refresh then preview show no change          (commands.ts, Up);
// I4 one pool per resource; no pool leaked;
// I5 what preview says (same, update, replace, delete) is what up does    (commands.ts, Up);
// I6 after a failed up, a refresh shows only what the failure left, and the next up converges (Up).
import assert from "node:assert/strict";
import { ResourceState } from "../engine";
import { Model, Real } from "./world";

type Props = Record<string, any>;

/** Before a command: what the invariants compare the end of it with. */
export function snapshot(model: Model, real: Real): void {
    model.before = new Map([...real.engine.state.entries()].map(([k, v]) => [k, structuredClone(v)]));
    model.pendingBefore = real.engine.pendingDeletes.map((r) => structuredClone(r));
}

export async function checkInvariants(model: Model, real: Real, what: string): Promise<void> {
    await usersKept(model, real, what);
    secretsKept(model, real, what);
    await noLeak(model, real, what);
}

/**
 * I1: a pool that had users and is gone was deleted with the consent of its resource's latest applied
 * program, or that program copies users and every one of them is in the resource's pool now (the users
 * then belong to that pool in the model).
 */
async function usersKept(model: Model, real: Real, what: string): Promise<void> {
    const known: ResourceState[] = [...model.before.values(), ...model.pendingBefore].filter((r) => r.dynamic && !r.external);
    for (const entry of known) {
        const users = model.users.get(entry.id) ?? [];
        if (users.length === 0 || (await real.describe(entry.id))) continue;
        const now = real.engine.state.get(entry.urn);
        const applied: Props = now ? now.inputs : (model.before.get(entry.urn)?.inputs ?? entry.inputs);
        model.users.delete(entry.id);
        const consented = applied.allowReplacementWithUsers === true;
        const copied = applied.copyUsersOnReplacement !== undefined && now !== undefined && now.id !== entry.id;
        assert.ok(
            consented || copied,
            `I1 (${what}): pool ${entry.id} of ${entry.name} was deleted with ${users.length} user(s), and the latest program applied to ${entry.name} neither consents nor copies them into a new pool`,
        );
        if (!copied) continue;
        const present: string[] = [];
        for (const email of users) if (await real.hasUser(now.id, email)) present.push(email);
        if (!consented) {
            const missing = users.filter((u) => !present.includes(u));
            assert.deepEqual(missing, [], `I1 (${what}): pool ${entry.id} of ${entry.name} was deleted, and ${missing.length} of its ${users.length} user(s) are not in ${now.id}, the pool that replaced it`);
        }
        real.log.push(`  I1: ${present.length} of ${users.length} user(s) of ${entry.id} found in ${now.id}, the pool that replaced it`);
        const there = model.users.get(now.id) ?? [];
        model.users.set(now.id, [...there, ...present.filter((u) => !there.includes(u))]);
    }
}

/** I2: no secret value in the state as stored unencrypted, nor in anything the provider or the engine said. */
function secretsKept(model: Model, real: Real, what: string): void {
    // The state holds what the last `up` was told: a value the program marks secret after it (a preview or a
    // refresh since) is still stored as that up stored it, and is encrypted by the next up.
    if (what.startsWith("up")) model.secretsApplied = model.secretsNow();
    const stored = JSON.stringify(real.engine.plaintextState());
    for (const secret of model.secretsApplied.filter((s) => model.secretValues.has(s))) {
        assert.ok(!stored.includes(secret), `I2 (${what}): the secret ${JSON.stringify(secret)} is stored in plaintext: ${excerpt(stored, secret)}`);
    }
    const said = [...real.said, ...real.engine.messages].join("\n");
    for (const secret of model.secretsNow()) {
        assert.ok(!said.includes(secret), `I2 (${what}): the secret ${JSON.stringify(secret)} was printed: ${excerpt(said, secret)}`);
    }
}

/** I4: each resource has its one pool, every pool in state exists, and no pool is left behind unrecorded. */
async function noLeak(model: Model, real: Real, what: string): Promise<void> {
    const entries = [...real.engine.state.values(), ...real.engine.pendingDeletes].filter((r) => r.dynamic && !r.external);
    const ids = entries.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, `I4 (${what}): two resources hold one pool: ${ids.join(", ")}`);
    const live = await real.allPools();
    for (const id of ids) assert.ok(live.has(id), `I4 (${what}): pool ${id} is in the state but not in Cognito`);
    // Pools that left the state and still exist: only where the engine was told to keep them.
    for (const old of [...model.before.values(), ...model.pendingBefore]) {
        if (!old.dynamic || old.external || ids.includes(old.id) || !live.has(old.id)) continue;
        if (old.inputs?.resourceOptions?.retainOnDelete === true || model.outside.has(old.id)) model.released.add(old.id);
    }
    const unaccounted = [...live].filter((id) => !real.poolsBefore.has(id) && !ids.includes(id) && !model.outside.has(id) && !model.released.has(id));
    assert.deepEqual(unaccounted, [], `I4 (${what}): pools in Cognito that no resource holds and nobody let go`);
}

function excerpt(text: string, secret: string): string {
    const at = text.indexOf(secret);
    return text.slice(Math.max(0, at - 120), at + secret.length + 40);
}
