// provider/state/record.ts, alone: what the stack stores for a pool, built from the live pool and the
// program applied. Pure, no local Cognito: the live pool is the declaration as Cognito would hold it
// (every default filled in, check's filledInputs) with what Cognito computes beside it.
import assert from "node:assert/strict";
import { filledInputs, poolOf, poolRecord, programOf, refreshedInputs } from "../../provider/state/record";
import { plan } from "../../provider/plan/plan";
import { userPoolProperties } from "../../provider/pool/properties";
import { everyMember, memberSamples } from "../memberSamples";

type Props = Record<string, any>;

const ID = "us-east-1_Unit12345";
const computed = { arn: `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${ID}`, endpoint: `cognito-idp.us-east-1.amazonaws.com/${ID}`, estimatedNumberOfUsers: 0, region: "us-east-1" };

/** The pool Cognito holds for a checked program: the program's settings, defaults filled in, the schema reported. */
function liveFor(program: Props): Props {
    const { allowReplacementWithUsers, replaceOnSchemaChange, secretInputs, existingPoolId, __urn, ...settings } = program;
    const schemaAttributes = Array.isArray(settings.schema)
        ? settings.schema.map((a: Props) => ({ ...a, name: `custom:${a.name}` }))
        : [];
    return { ...settings, ...computed, schemaAttributes };
}

const sampleOf = (member: string) => memberSamples.find((s) => s.member === member)!;
const programs: [string, Props][] = [
    ["only a name", filledInputs({ poolName: "unit" })],
    ...memberSamples.map((s): [string, Props] => [s.member, filledInputs({ poolName: "unit", ...s.with, [s.member]: s.value })]),
    ["every member", filledInputs(everyMember())],
];

/** Every string leaf of `value` with its path (`a.b[0].c`). */
function leaves(value: unknown, path = ""): [string, string][] {
    if (typeof value === "string") return [[path, value]];
    if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
    if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
    return [];
}

/** The value with each string leaf replaced by a token no default and no other member holds. */
function tokenized(value: unknown, tag: string): unknown {
    let n = 0;
    const walk = (v: unknown): unknown =>
        typeof v === "string" ? `${tag}-${n++}-token` : Array.isArray(v) ? v.map(walk) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)])) : v;
    return walk(value);
}

describe("state/record: what the stack stores for a pool", () => {
    it("a refresh of an unchanged pool writes the same record (the program part carried, nothing else)", () => {
        for (const [name, program] of programs) {
            const record = poolRecord(liveFor(program), program);
            assert.deepEqual(poolRecord(liveFor(program), programOf(record)), record, name);
        }
    });

    it("after a refresh, the inputs it records show no change against the pool (no drift out of nothing)", () => {
        for (const [name, program] of programs) {
            const record = poolRecord(liveFor(program), program);
            const p = plan(poolOf(record), filledInputs(refreshedInputs(record)));
            assert.deepEqual(p.changed, [], name);
        }
    });

    it("the program's own inputs come from the program applied: a withdrawn consent is gone", () => {
        const consenting = filledInputs({ poolName: "unit", allowReplacementWithUsers: true });
        const before = poolRecord(liveFor(consenting), consenting);
        assert.equal(before.allowReplacementWithUsers, true);
        const withdrawn = filledInputs({ poolName: "unit" });
        const after = poolRecord(liveFor(withdrawn), withdrawn);
        assert.equal(after.allowReplacementWithUsers, undefined);
        // And a refresh of the later record does not bring it back.
        assert.equal(poolRecord(liveFor(withdrawn), programOf(after)).allowReplacementWithUsers, undefined);
    });

    it("__declared holds paths, never values", () => {
        for (const [name, program] of programs) {
            const declared = poolRecord(liveFor(program), program).__declared;
            assert.ok(Array.isArray(declared) && declared.every((p: unknown) => typeof p === "string" && /^[a-zA-Z][\w.[\]"]*$/.test(p)), `${name}: ${JSON.stringify(declared)}`);
        }
    });

    it("a secret value is stored at its own path only (where the engine marks it secret), for every member", () => {
        const members = [...userPoolProperties.map((f) => f.name).filter((m) => sampleOf(m)), "poolName"];
        for (const member of members) {
            const sample = member === "poolName" ? { value: "a-pool-name", with: {} } : sampleOf(member);
            const value = tokenized(sample.value, `secret${member}`);
            const program = filledInputs({ poolName: "unit", ...sample.with, [member]: value, secretInputs: [member] });
            const record = poolRecord(liveFor(program), program);
            const secrets = new Set(leaves(value).map(([, v]) => v));
            const elsewhere = leaves(record).filter(([path, v]) => secrets.has(v) && !(path === member || path.startsWith(`${member}.`) || path.startsWith(`${member}[`)));
            assert.deepEqual(elsewhere, [], member);
        }
    });

    it("a secret schema attribute is left out of schemaAttributes, kept under schema", () => {
        const schema = [{ name: "tenant", attributeDataType: "String", mutable: true }, { name: "secretattr", attributeDataType: "String", mutable: true }];
        const program = filledInputs({ poolName: "unit", schema, secretInputs: ["schema[1]"] });
        const record = poolRecord(liveFor(program), program);
        assert.deepEqual(record.schemaAttributes.map((a: Props) => a.name), ["custom:tenant"]);
        assert.deepEqual(record.schema.map((a: Props) => a.name), ["tenant", "secretattr"]);
        // An update that reads nothing back keeps it (the previous record's schema).
        assert.deepEqual(poolRecord({ ...liveFor(program), schemaAttributes: record.schemaAttributes, schema: record.schema }, program).schema.map((a: Props) => a.name), ["tenant", "secretattr"]);
    });

    it("a record written by 0.2.0 (the whole declaration under __declared) is read as paths: its values are never written again", () => {
        const old = { poolName: "unit", __declared: { poolName: "unit", mfaConfiguration: "OFF", usernameConfiguration: { caseSensitive: false }, schema: [{ name: "tenant", attributeDataType: "String" }] } };
        const program = programOf(old);
        assert.ok(Array.isArray(program.__declared));
        assert.ok(program.__declared.includes("usernameConfiguration"), JSON.stringify(program.__declared));
        const record = poolRecord(liveFor(filledInputs({ poolName: "unit", usernameConfiguration: { caseSensitive: false } })), program);
        assert.ok(Array.isArray(record.__declared));
    });
});
