// The property table's names: our members are Cognito's in lowerCamelCase. (Which members have rows, and
// their constraints, is tests/pool/model.test.ts: the table against the API model and the installed SDK.)
import assert from "node:assert/strict";
import { Field } from "../../provider/pool/table";
import { userPoolProperties } from "../../provider/pool/properties";

describe("the property table", () => {
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
