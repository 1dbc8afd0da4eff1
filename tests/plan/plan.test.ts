// provider/plan/plan.ts, alone: a record and a declaration -> the calls. Pure, no local Cognito: the record
// is built by state/record.ts from the declaration as Cognito would hold it.
import assert from "node:assert/strict";
import { createUserPoolRequest, plan, updateUserPoolRequest } from "../../provider/plan/plan";
import { filledInputs, poolOf, poolRecord } from "../../provider/state/record";
import { userPoolProperties } from "../../provider/pool/properties";
import { resourceInputs } from "../../provider/pool/resourceInputs";
import { UNKNOWN } from "../../provider/pool/table";
import { STANDARD_ATTRIBUTES } from "../../provider/pool/attributes";
import { memberSamples } from "../memberSamples";

type Props = Record<string, any>;

const ID = "us-east-1_Unit12345";
function recordOf(program: Props): Props {
    const { allowReplacementWithUsers, replaceOnSchemaChange, secretInputs, ...settings } = program;
    const schemaAttributes = Array.isArray(settings.schema) ? settings.schema.map((a: Props) => ({ ...a, name: `custom:${a.name}` })) : [];
    return poolRecord({ ...settings, arn: `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${ID}`, region: "us-east-1", schemaAttributes }, program);
}
const rowOf = (member: string) => [...userPoolProperties, ...resourceInputs].find((f) => f.name === member)!;

describe("plan/plan: a record and a declaration -> the calls", () => {
    for (const given of memberSamples) {
        // A standard attribute's constraints are the pool's from its creation: only custom ones are added later.
        const sample = given.member === "schema" ? { ...given, value: (given.value as Props[]).filter((a) => !STANDARD_ATTRIBUTES.has(a.name)) } : given;
        const row = rowOf(sample.member);
        it(`${sample.member} (${row.apply ?? "no apply"}): declaring it plans the call its row names, and only that`, () => {
            const before = filledInputs({ poolName: "unit", ...sample.with });
            const after = filledInputs({ poolName: "unit", ...sample.with, [sample.member]: sample.value });
            const p = plan(poolOf(recordOf(before)), after);
            assert.ok(p.changed.length > 0, "a change");
            assert.ok(p.changed.every((path) => path === sample.member || path.startsWith(`${sample.member}.`) || path.startsWith(`${sample.member}[`)), `changed: ${p.changed}`);
            assert.deepEqual(p.replaces, row.apply === "replace" ? [sample.member] : []);
            assert.deepEqual(p.refused, []);
            if (row.apply === "updateUserPool") assert.ok(p.updateUserPool);
            if (row.apply === "setUserPoolMfaConfig") assert.ok(p.setUserPoolMfaConfig);
            if (row.apply === "tags") assert.deepEqual(p.tagsToSet, sample.value);
            if (row.apply === "addCustomAttributes") assert.equal(p.addAttributes.length, (sample.value as unknown[]).length);
            if (row.apply === "replace") assert.ok(!p.updateUserPool && !p.setUserPoolMfaConfig, "a replacement updates nothing in place");
            // The same declaration again: nothing to do.
            const settled = plan(poolOf(recordOf(after)), after);
            assert.deepEqual(settled.changed, [], "nothing changes the second time");
        });
    }

    it("an UpdateUserPool carries every updatable member, never a delta (Cognito resets what it is not sent)", () => {
        const updatable = userPoolProperties.filter((f) => f.apply === "updateUserPool" || f.apply === "tags");
        const program = filledInputs({ poolName: "unit", deletionProtection: "ACTIVE" });
        const olds = poolOf(recordOf(filledInputs({ poolName: "unit" })));
        const request = updateUserPoolRequest(ID, olds, program);
        // All but those that mean something only when set ("absent": an empty one would switch something
        // on) and those Cognito fills in itself that this pool does not hold ("keep": resent as held).
        const withDefaults = updatable.filter(
            (f) => (f.default !== undefined || f.shape.kind === "object") && f.undeclared !== "absent" && !(f.undeclared === "keep" && olds[f.name] === undefined),
        );
        const missing = withDefaults.filter((f) => request[f.cognito] === undefined).map((f) => f.cognito);
        assert.deepEqual(missing, [], "members with a default are always sent");
        assert.equal(request.DeletionProtection, "ACTIVE");
        assert.equal(request.UserPoolId, ID);
    });

    it("a replacing member whose new value is unknown at preview: a replacement that may not happen", () => {
        const p = plan(poolOf(recordOf(filledInputs({ poolName: "unit" }))), filledInputs({ poolName: "unit", usernameAttributes: UNKNOWN }));
        assert.deepEqual(p.replaces, ["usernameAttributes"]);
        assert.deepEqual(p.replacesIfChanged, ["usernameAttributes"]);
    });

    it("a schema marked secret (left out of schemaAttributes, a standard attribute too) is compared as the record holds it: no change (found by the soak)", () => {
        const schema = [
            { name: "email", attributeDataType: "String", required: true, mutable: true },
            { name: "tenant", attributeDataType: "String", mutable: true },
        ];
        const program = filledInputs({ poolName: "unit", schema, secretInputs: ["schema"] });
        const live: Props = { ...program, arn: `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${ID}`, region: "us-east-1" };
        live.schemaAttributes = [
            { name: "email", attributeDataType: "String", required: true, mutable: true },
            { name: "custom:tenant", attributeDataType: "String", mutable: true },
        ];
        const record = poolRecord(live, program);
        assert.deepEqual(record.schemaAttributes, [], "schemaAttributes names no attribute of a secret schema");
        const p = plan(poolOf(record), program);
        assert.deepEqual([p.changed, p.refused], [[], []]);
    });

    it("a schema attribute changed is refused, or a replacement with replaceOnSchemaChange", () => {
        const schema = [{ name: "tenant", attributeDataType: "String", mutable: true }];
        const olds = poolOf(recordOf(filledInputs({ poolName: "unit", schema })));
        const changed = [{ name: "tenant", attributeDataType: "Number", mutable: true }];
        assert.equal(plan(olds, filledInputs({ poolName: "unit", schema: changed })).refused.length, 1);
        const consented = plan(olds, filledInputs({ poolName: "unit", schema: changed, replaceOnSchemaChange: true }));
        assert.deepEqual([consented.refused, consented.replaces], [[], ["schema"]]);
    });

    it("a CreateUserPool request sends what differs from a new pool's defaults, and what Cognito would choose only when declared", () => {
        assert.deepEqual(Object.keys(createUserPoolRequest(filledInputs({ poolName: "unit" }))).sort(), ["PoolName"]);
        const request = createUserPoolRequest(filledInputs({ poolName: "unit", usernameConfiguration: { caseSensitive: true } }));
        assert.deepEqual(request.UsernameConfiguration, { CaseSensitive: true });
    });
});
