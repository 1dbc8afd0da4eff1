import assert from "node:assert/strict";

/**
 * Asserts that `actual` holds everything in `expected`: objects may carry more members (Cognito adds
 * its defaults), lists of scalars are compared as sets (Cognito does not keep their order).
 */
export function assertHolds(actual: unknown, expected: unknown, path = "value"): void {
    if (Array.isArray(expected)) {
        assert.ok(Array.isArray(actual), `${path}: expected a list, got ${JSON.stringify(actual)}`);
        assert.equal(actual.length, expected.length, `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
        if (expected.every((e) => typeof e !== "object")) {
            assert.deepEqual([...actual].sort(), [...expected].sort(), path);
        } else {
            expected.forEach((e, i) => assertHolds(actual[i], e, `${path}[${i}]`));
        }
        return;
    }
    if (typeof expected === "object" && expected !== null) {
        assert.ok(typeof actual === "object" && actual !== null, `${path}: expected an object, got ${JSON.stringify(actual)}`);
        for (const [k, v] of Object.entries(expected)) assertHolds((actual as any)[k], v, `${path}.${k}`);
        return;
    }
    assert.equal(actual, expected, path);
}

/** No `undefined` anywhere: the engine refuses outputs that hold one. */
export function assertJsonClean(value: unknown, path = "outputs"): void {
    assert.notEqual(value, undefined, `${path} is undefined`);
    if (Array.isArray(value)) value.forEach((v, i) => assertJsonClean(v, `${path}[${i}]`));
    else if (typeof value === "object" && value !== null) {
        for (const [k, v] of Object.entries(value)) assertJsonClean(v, `${path}.${k}`);
    }
}

/** A pool's tags as the user declared them: without the create token the provider tags pools with. */
export function userTags(pool: Record<string, any>): Record<string, string> {
    return Object.fromEntries(Object.entries(pool.UserPoolTags ?? {}).filter(([k]) => !k.startsWith("pulumi-cognito-user-pool:"))) as Record<string, string>;
}
