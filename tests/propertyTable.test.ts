// The property table against the CreateUserPool API reference: every request member has a row, under
// the reference's own name, and nothing else does.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Field } from "../provider/table";
import { userPoolProperties } from "../provider/userPoolProperties";

const REFERENCE = join(__dirname, "..", "..", "shared", "reference", "create_user_pool.txt");

/** The member names of the reference's "Request Syntax" block, by nesting depth. */
function referenceMembers(): { topLevel: string[]; all: Set<string> } {
    const text = readFileSync(REFERENCE, "utf8");
    const syntax = text.slice(text.indexOf("Request Syntax"), text.indexOf("Parameters"));
    const topLevel = [...syntax.matchAll(/^    (\w+)=/gm)].map((m) => m[1]);
    const all = new Set([...syntax.matchAll(/'(\w+)':/g)].map((m) => m[1]).concat(topLevel));
    return { topLevel, all };
}

function allCognitoNames(fields: readonly Field[]): string[] {
    return fields.flatMap((f) => [f.cognito, ...(f.shape.kind === "object" || f.shape.kind === "objectList" ? allCognitoNames(f.shape.fields) : [])]);
}

describe("the property table", () => {
    const reference = referenceMembers();

    it("has a row for every top-level CreateUserPool member of the API reference, in its order", () => {
        assert.ok(reference.topLevel.length >= 23, `parsed ${reference.topLevel.length} members`);
        assert.deepEqual(userPoolProperties.map((f) => f.cognito), reference.topLevel);
    });

    it("names every nested member as the reference does (rows added since, like PasswordHistorySize, aside)", () => {
        const newerThanReference = new Set(["PasswordHistorySize"]);
        const unknown = allCognitoNames(userPoolProperties).filter((n) => !reference.all.has(n) && !newerThanReference.has(n));
        assert.deepEqual(unknown, []);
    });

    it("names our members in lowerCamelCase of Cognito's, with SMS and KMS as words", () => {
        const camel = (s: string) => s.replace(/SMS/g, "Sms").replace(/KMSKeyID/, "KmsKeyId").replace(/^./, (c) => c.toLowerCase());
        const walk = (fields: readonly Field[]): void =>
            fields.forEach((f) => {
                assert.equal(f.name, camel(f.cognito), f.cognito);
                if (f.shape.kind === "object" || f.shape.kind === "objectList") walk(f.shape.fields);
            });
        walk(userPoolProperties);
    });
});
