// The official API model is the source of every shape constraint check enforces.
// 1. provider/pool/model/cognitoModel.generated.ts is exactly what `npm run model` makes from the installed
//    botocore model: when the model moves, this fails until someone regenerates and looks at the change.
// 2. Coverage: every member of CreateUserPool and SetUserPoolMfaConfig, as the installed AWS SDK models them,
//    is a row of the table, carried by another row, or listed below as not yet supported, with the reason.
// 3. check against the model: for every constraint of every member the provider accepts, one input that
//    violates exactly that constraint and one on its boundary (plus every probe character inserted into a
//    valid value of every patterned member), each in a valid declaration. The model's verdict (patterns
//    decided by Java, as Cognito decides them) and check's must agree, except where Cognito is stricter than
//    the model, which the row says with its source.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as sdk from "@aws-sdk/client-cognito-identity-provider";
import provider = require("../../provider/runtime");
import { resourceInputs } from "../../provider/pool/resourceInputs";
import { Field } from "../../provider/pool/table";
import { userPoolProperties } from "../../provider/pool/properties";
import { everyMember } from "../memberSamples";
import { generatedModule, loadBotocoreModel } from "../../provider/pool/model/botocore";
import { javaAvailable, javaMatches } from "./model/javaMatches";
import { Case, Leaf, leavesOf, ofLength, PROBES, sampleFor, Seg, valueAt, withValue } from "./model/modelCases";

type Props = Record<string, any>;

const model = loadBotocoreModel();

describe("the API model", function () {
    this.timeout(120_000);

    it("provider/pool/model/cognitoModel.generated.ts is what `npm run model` makes from the installed botocore model", () => {
        const committed = readFileSync(join(__dirname, "..", "..", "provider", "pool", "model", "cognitoModel.generated.ts"), "utf8");
        // The shapes must match; the header's botocore version may differ where the shapes did not move.
        const shapes = (text: string) => text.slice(text.indexOf("export const modelShapes"));
        assert.equal(
            shapes(committed),
            shapes(generatedModule(model)),
            `the API model moved (botocore ${model.version}): run \`npm run model\`, then review what changed in the table's constraints`,
        );
    });

    describe("coverage: every member of the current API, as the installed AWS SDK models it", () => {
        /** Members that are not rows of their own, and why. Anything else missing fails. */
        const NOT_ROWS: Record<string, string> = {
            "SetUserPoolMfaConfig.UserPoolId": "the pool's id: the provider fills it in",
            "SetUserPoolMfaConfig.MfaConfiguration": "carried by the mfaConfiguration row (CreateUserPool's MfaConfiguration)",
            "SetUserPoolMfaConfig.SmsMfaConfiguration": "carried by the smsConfiguration and smsAuthenticationMessage rows",
            "SetUserPoolMfaConfig.SmsMfaConfiguration.SmsAuthenticationMessage": "carried by the smsAuthenticationMessage row",
            "SetUserPoolMfaConfig.SmsMfaConfiguration.SmsConfiguration": "carried by the smsConfiguration row",
            // Not yet supported: the newer members of the current API (the team's issue "The current Cognito API").
            // In the SDK's model, in no document: nothing says what Cognito does with them yet.
            "CreateUserPool.KeyConfiguration": "not yet supported: the SDK models it, but no Cognito document describes its behaviour yet",
            "CreateUserPool.IssuerConfiguration": "not yet supported: the SDK models it, but no Cognito document describes its behaviour yet",
            "CreateUserPool.DcrConfiguration": "not yet supported: the SDK models it, but no Cognito document describes its behaviour yet",
            "CreateUserPool.AcrConfiguration": "not yet supported: the SDK models it, but no Cognito document describes its behaviour yet",
            "CreateUserPool.SmsConfiguration.EumsSms": "not yet supported: the SDK models it (End User Messaging SMS), but no Cognito document describes its behaviour yet",
        };

        /** Member paths of an SDK runtime schema (`[3, ns, name, traits, names, schemas]` for structures). */
        function sdkMembers(schema: any, prefix: string): string[] {
            const resolved = typeof schema === "function" ? schema() : schema;
            if (!Array.isArray(resolved)) return [];
            if (resolved[0] === 1) return sdkMembers(resolved[4], prefix); // a list: its items' members
            if (resolved[0] !== 3) return [];
            const names: string[] = resolved[4];
            const schemas: any[] = resolved[5];
            return names.flatMap((name, i) => [`${prefix}.${name}`, ...sdkMembers(schemas[i], `${prefix}.${name}`)]);
        }

        function rowPaths(fields: readonly Field[], prefix: string): string[] {
            return fields.flatMap((f) => {
                const at = `${prefix}.${f.cognito}`;
                const nested = f.shape.kind === "object" || f.shape.kind === "objectList" ? f.shape.fields : [];
                return [at, ...rowPaths(nested, at)];
            });
        }

        const sdkPaths = [
            ...sdkMembers((sdk as any).CreateUserPoolRequest$, "CreateUserPool"),
            ...sdkMembers((sdk as any).SetUserPoolMfaConfigRequest$, "SetUserPoolMfaConfig"),
        ];
        const rows = new Set([
            ...rowPaths(userPoolProperties, "CreateUserPool"),
            ...rowPaths(resourceInputs.filter((f) => f.apply === "setUserPoolMfaConfig"), "SetUserPoolMfaConfig"),
        ]);
        const underListed = (path: string) => Object.keys(NOT_ROWS).some((p) => path === p || path.startsWith(`${p}.`));

        it("every member is a row or is listed with a reason", () => {
            assert.ok(sdkPaths.length > 80, `read ${sdkPaths.length} members from the SDK's runtime schema`);
            const missing = sdkPaths.filter((p) => !rows.has(p) && !underListed(p));
            assert.deepEqual(missing, [], "members of the current API with no row and no reason: add a row, or list them in NOT_ROWS with why");
        });

        it("every row is a member of the current API, and nothing listed is a row already", () => {
            const sdkSet = new Set(sdkPaths);
            assert.deepEqual([...rows].filter((p) => !sdkSet.has(p)), [], "rows the API does not have");
            assert.deepEqual(Object.keys(NOT_ROWS).filter((p) => rows.has(p) || !sdkSet.has(p)), [], "stale entries of NOT_ROWS");
        });
    });

    describe("check agrees with the model on every constraint", () => {
        before(function () {
            if (!javaAvailable()) {
                throw new Error("This test asks Java how Cognito's (Java) regexes match: install a JDK (java on PATH), e.g. apt-get install default-jdk-headless");
            }
        });

        it("a boundary and a violation of each constraint, and every probe in every pattern", async () => {
            // (existingPoolId's cases put it in; the base leaves it out, since an adopted pool needs no poolName.)
            // MFA off: with it on, only PASSWORD and WEB_AUTHN may be first sign-in factors (a rule), and the
            // sign-in factors' cases need all four.
            const base: Props = { ...everyMember(), mfaConfiguration: "OFF", softwareTokenMfaConfiguration: { enabled: false } };
            // The cases of members a rule ties together set each alone: a temporary-password validity, and
            // the legacy texts that are one with the template's (each is placed into a base without the other).
            delete base.policies.passwordPolicy.temporaryPasswordValidityDays;
            for (const [legacy, template] of [["smsVerificationMessage", "smsMessage"], ["emailVerificationMessage", "emailMessage"], ["emailVerificationSubject", "emailSubject"]]) {
                delete base[legacy];
                delete base.verificationMessageTemplate[template];
            }
            // Checked as an update of an existing resource: a create that adopts (existingPoolId) reads the pool.
            const failuresOf = async (news: Props) => (await provider.check!({ poolName: "existing" }, news)).failures ?? [];
            assert.deepEqual(await failuresOf(base), [], "the base declaration is valid");

            const leaves = [
                ...leavesOf(userPoolProperties, "CreateUserPoolRequest", model.shapes, base),
                ...leavesOf(resourceInputs.filter((f) => f.apply === "setUserPoolMfaConfig"), "SetUserPoolMfaConfigRequest", model.shapes, base),
                ...leavesOf(resourceInputs.filter((f) => f.name === "existingPoolId"), "DescribeUserPoolRequest", model.shapes, base),
            ];
            const cases: Case[] = [];
            const notConstructible: string[] = [];
            const constraints = new Set<string>();
            for (const leaf of leaves) cases.push(...casesFor(leaf, base, constraints, notConstructible));
            // The request's own required members (PoolName): left out, refused.
            for (const member of model.shapes.CreateUserPoolRequest.required as string[]) {
                const field = userPoolProperties.find((f) => f.cognito === member)!;
                const leaf: Leaf = { path: field.name, segs: [field.name], field, shapeName: "" };
                constraints.add(`${field.name} required`);
                cases.push({ leaf, constraint: `required ${member}`, kind: "violation", value: undefined, modelValid: false });
            }

            // Patterns: Java decides.
            const patterned = cases.filter((c) => c.javaPattern !== undefined);
            const verdicts = javaMatches(patterned.map((c) => [c.javaPattern!, c.value as string]));
            patterned.forEach((c, i) => (c.modelValid = c.modelValid !== false && verdicts[i]));

            const disagreements: string[] = [];
            const stricter = new Map<string, number>();
            let agreed = 0;
            // Members a rule keeps equal to a partner (one setting to Cognito) are varied with the partner left out.
            const PARTNERS: Record<string, Seg[]> = {
                "lambdaConfig.preTokenGeneration": ["lambdaConfig", "preTokenGenerationConfig"],
                "lambdaConfig.preTokenGenerationConfig.lambdaArn": ["lambdaConfig", "preTokenGeneration"],
            };
            const baseFor = (leaf: Leaf) => (PARTNERS[leaf.path] ? withValue(base, PARTNERS[leaf.path], undefined) : base);
            for (const c of cases) {
                const failures = await failuresOf(withValue(baseFor(c.leaf), c.leaf.segs, c.value));
                const at = c.leaf.path;
                const refused = failures.some((f) => f.property === at || f.property.startsWith(`${at}.`) || f.property.startsWith(`${at}[`) || f.property.startsWith(`${at} key`));
                const show = `${at} (${c.constraint}, ${c.kind}) = ${String(JSON.stringify(c.value)).slice(0, 60)}`;
                if (c.kind === "stricter" && !refused) {
                    disagreements.push(`${show}: the row says Cognito is stricter than the model (${c.leaf.field.stricterSource}), but check accepts it`);
                } else if (refused === !c.modelValid) {
                    agreed++;
                } else if (refused && c.leaf.field.stricterSource) {
                    const key = `${at}: ${c.leaf.field.stricterSource}`;
                    stricter.set(key, (stricter.get(key) ?? 0) + 1);
                } else {
                    disagreements.push(`${show}: the model ${c.modelValid ? "accepts" : "refuses"} it, check ${refused ? "refuses" : "accepts"} it${failures.length ? ` (${failures.map((f) => f.reason).join(" | ").slice(0, 160)})` : ""}`);
                }
            }
            console.log(`      model: ${model.version}; ${leaves.length} members, ${constraints.size} constraints, ${cases.length} cases ` +
                `(${patterned.length} decided by Java); agreed ${agreed}; disagreements ${disagreements.length}`);
            console.log(`      Cognito stricter than the model (check refuses what the model allows), by member and source:`);
            for (const [key, n] of stricter) console.log(`        ${n} × ${key}`);
            console.log(`      boundaries that cannot be built (the member's pattern needs more characters): ${notConstructible.length}`);
            for (const n of notConstructible) console.log(`        ${n}`);
            assert.ok(constraints.size >= 100, `${constraints.size} constraints`);
            assert.deepEqual(disagreements.slice(0, 30), [], `${disagreements.length} disagreements`);
        });
    });
});

/** Extra list items, to go past a list's maximum. */
const EXTRA_ITEMS: Record<string, (i: number) => unknown> = {
    schema: (i) => ({ name: `extra${i}`, attributeDataType: "String", mutable: true }),
    "accountRecoverySetting.recoveryMechanisms": () => ({ priority: 1, name: "admin_only" }),
    "policies.signInPolicy.allowedFirstAuthFactors": (i) => ["PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN", "PASSWORD"][i],
};

function casesFor(leaf: Leaf, base: Props, constraints: Set<string>, notConstructible: string[]): Case[] {
    const shape = model.shapes[leaf.shapeName];
    const cases: Case[] = [];
    const add = (constraint: string, kind: Case["kind"], value: unknown, modelValid?: boolean, javaPattern?: string, target: Leaf = leaf) => {
        constraints.add(`${target.path} ${constraint}`);
        cases.push({ leaf: target, constraint, kind, value, modelValid, javaPattern });
    };
    switch (shape.type) {
        case "string": {
            if (shape.enum) {
                for (const v of shape.enum as string[]) add(`enum`, "boundary", v, true);
                const first: string = shape.enum[0];
                add("enum", "violation", first === first.toLowerCase() ? first.toUpperCase() : first.toLowerCase(), false);
                add("enum", "violation", `${first}_`, false);
                add("enum", "violation", "", false);
                break;
            }
            const sample = sampleFor(leaf);
            const inRange = (v: string) => (shape.min === undefined || v.length >= shape.min) && (shape.max === undefined || v.length <= shape.max);
            const stringCase = (constraint: string, kind: Case["kind"], value: string) =>
                add(constraint, kind, value, inRange(value) ? undefined : false, shape.pattern ?? "(?s).*");
            const lengthCase = (length: number, constraint: string, kind: Case["kind"]) => {
                const value = ofLength(sample, length);
                if (value === undefined) notConstructible.push(`${leaf.path}: ${constraint} ${kind} (${length} characters; the shortest valid value has ${sample.core.length})`);
                else stringCase(constraint, kind, value);
            };
            if (shape.min !== undefined) {
                lengthCase(shape.min, `min length ${shape.min}`, "boundary");
                if (shape.min > 0) lengthCase(shape.min - 1, `min length ${shape.min}`, "violation");
            }
            if (shape.max !== undefined) {
                lengthCase(shape.max, `max length ${shape.max}`, "boundary");
                lengthCase(shape.max + 1, `max length ${shape.max}`, "violation");
            }
            if (shape.pattern) {
                const typical = sample.typical;
                const positions = [0, Math.floor(typical.length / 2), typical.length];
                for (const probe of PROBES) {
                    for (const at of positions) stringCase(`pattern ${shape.pattern}`, "pattern", typical.slice(0, at) + probe + typical.slice(at));
                }
                stringCase(`pattern ${shape.pattern}`, "pattern", typical);
                for (const value of sample.extra ?? []) stringCase(`pattern ${shape.pattern}`, "pattern", value);
            }
            // A value the model allows and Cognito does not, where the row says Cognito is stricter.
            if (leaf.field.stricterSource) stringCase("stricter than the model", "stricter", "a".repeat(Math.max(shape.min ?? 0, 6)));
            break;
        }
        case "integer":
        case "long":
            if (shape.min !== undefined) {
                add(`min ${shape.min}`, "boundary", shape.min, true);
                add(`min ${shape.min}`, "violation", shape.min - 1, false);
            }
            if (shape.max !== undefined) {
                add(`max ${shape.max}`, "boundary", shape.max, true);
                add(`max ${shape.max}`, "violation", shape.max + 1, false);
            }
            break;
        case "list": {
            const current = valueAt(base, leaf.segs);
            if (!Array.isArray(current)) break;
            const listOf = (n: number) => {
                const extra = EXTRA_ITEMS[leaf.path.replace(/\[\d+\]/g, "")];
                const items = current.slice(0, n);
                for (let i = items.length; i < n; i++) {
                    if (!extra) return undefined;
                    items.push(extra(i));
                }
                return items;
            };
            const itemCase = (n: number, constraint: string, kind: Case["kind"], valid: boolean) => {
                const items = listOf(n);
                if (items === undefined) notConstructible.push(`${leaf.path}: ${constraint} ${kind} (${n} items)`);
                else add(constraint, kind, items, valid);
            };
            if (shape.min !== undefined) {
                itemCase(shape.min, `min items ${shape.min}`, "boundary", true);
                if (shape.min > 0) itemCase(shape.min - 1, `min items ${shape.min}`, "violation", false);
            }
            if (shape.max !== undefined) {
                itemCase(shape.max, `max items ${shape.max}`, "boundary", true);
                itemCase(shape.max + 1, `max items ${shape.max}`, "violation", false);
            }
            break;
        }
        case "map": {
            if (leaf.field.stricterSource) {
                add("stricter than the model", "stricter", Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"])), true);
            }
            for (const part of ["key", "value"] as const) {
                const partShape = model.shapes[shape[part].shape];
                const sample = sampleFor({ ...leaf, shapeName: shape[part].shape });
                const entry = (s: string) => (part === "key" ? { [s]: "v" } : { team: s });
                for (const [n, kind, constraint] of [
                    [partShape.min, "boundary", `${part} min length ${partShape.min}`],
                    [partShape.min - 1, "violation", `${part} min length ${partShape.min}`],
                    [partShape.max, "boundary", `${part} max length ${partShape.max}`],
                    [partShape.max + 1, "violation", `${part} max length ${partShape.max}`],
                ] as [number, Case["kind"], string][]) {
                    if (n === undefined || n < 0 || Number.isNaN(n)) continue;
                    const s = ofLength(sample, n)!;
                    add(constraint, kind, entry(s), kind === "boundary", undefined, { ...leaf, mapPart: part });
                }
            }
            break;
        }
        case "structure": {
            const current = valueAt(base, leaf.segs);
            if (typeof current !== "object" || current === null) break;
            for (const member of (shape.required ?? []) as string[]) {
                const field = (leaf.field.shape as { fields?: readonly Field[] }).fields?.find((f) => f.cognito === member);
                if (!field) continue;
                const target: Leaf = { path: `${leaf.path}.${field.name}`, segs: [...leaf.segs, field.name], field, shapeName: "" };
                add(`required ${member}`, "violation", undefined, false, undefined, target);
                add(`required ${member}`, "boundary", current[field.name], true, undefined, target);
            }
            break;
        }
    }
    return cases;
}

// Keep the Seg type in use for readers: paths are segments of names and list indexes.
export type { Seg };
