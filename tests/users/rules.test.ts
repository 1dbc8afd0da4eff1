// What the new pool can hold (provider/users/rules.ts): pure, no Cognito.
import assert from "node:assert/strict";
import { describeNotCopyable, notCopyableCount, OldUser, planCopy, rulesFromInputs, rulesFromPool } from "../../provider/users/rules";

const user = (Username: string, attributes: Record<string, string> = {}, extra: Partial<OldUser> = {}): OldUser => ({
    Username,
    Attributes: Object.entries({ sub: `sub-${Username}`, ...attributes }).map(([Name, Value]) => ({ Name, Value })),
    Enabled: true,
    UserStatus: "CONFIRMED",
    ...extra,
});

describe("users/rules: which accounts the new pool can hold, and as what", () => {
    it("a pool of usernames: every user under its own name, standard attributes with verified flags, declared custom attributes only, never sub", () => {
        const rules = rulesFromInputs({ schema: [{ name: "tenant", attributeDataType: "String" }] });
        const plan = planCopy([user("ann", { email: "a@x.io", email_verified: "false", "custom:tenant": "t", "custom:gone": "g", "dev:custom:tenant": "d" })], rules);
        assert.deepEqual(plan.copies, [{ from: "ann", username: "ann", key: "ann", attributes: { email: "a@x.io", email_verified: "false", "custom:tenant": "t" }, enabled: true }]);
        assert.equal(notCopyableCount(plan), 0);
    });

    it("disabled stays disabled; the old sub goes into keepSubAs", () => {
        const rules = rulesFromInputs({ schema: [{ name: "old_sub", attributeDataType: "String" }], copyUsersOnReplacement: { keepSubAs: "old_sub" } });
        const [copy] = planCopy([user("bo", {}, { Enabled: false })], rules).copies;
        assert.equal(copy.enabled, false);
        assert.equal(copy.attributes["custom:old_sub"], "sub-bo");
        assert.equal(copy.attributes.sub, undefined);
    });

    it("case-insensitive: names that differ only in case are one account; the first by name is copied, the other counted", () => {
        const rules = rulesFromInputs({ usernameConfiguration: { caseSensitive: false } });
        const plan = planCopy([user("dana"), user("Dana"), user("erin")], rules);
        assert.deepEqual(plan.copies.map((c) => c.from), ["Dana", "erin"]);
        assert.deepEqual(plan.notCopyable, { "same name but for case": 1 });
        assert.equal(describeNotCopyable(plan), "1 whose name differs from another's only in case");
        // Case-sensitive: both kept.
        assert.equal(planCopy([user("dana"), user("Dana")], rulesFromInputs({})).copies.length, 2);
    });

    it("signing in by email: the email becomes the username; no email, not copyable; two users with one email, one copied", () => {
        const rules = rulesFromInputs({ usernameAttributes: ["email"] });
        const plan = planCopy([user("a", { email: "A@x.io" }), user("b"), user("c", { email: "a@x.io" })], rules);
        assert.deepEqual(plan.copies.map((c) => [c.from, c.username, c.key]), [["a", "A@x.io", "A@x.io"], ["c", "a@x.io", "a@x.io"]]);
        assert.deepEqual(plan.notCopyable, { "no email": 1 });
        const ignoring = planCopy([user("a", { email: "A@x.io" }), user("c", { email: "a@x.io" })], rulesFromInputs({ usernameAttributes: ["email"], usernameConfiguration: { caseSensitive: false } }));
        assert.deepEqual(ignoring.notCopyable, { "same name but for case": 1 });
        const either = planCopy([user("p", { phone_number: "+15550100" }), user("n")], rulesFromInputs({ usernameAttributes: ["email", "phone_number"] }));
        assert.deepEqual([either.copies[0].username, either.notCopyable], ["+15550100", { "no email or phone number": 1 }]);
    });

    it("a required attribute the user lacks, federated users counted apart, and the order ListUsers answers in changes nothing", () => {
        const rules = rulesFromInputs({ schema: [{ name: "email", required: true }] });
        const users = [user("x"), user("y", { email: "y@x.io" }), user("Google_1", {}, { UserStatus: "EXTERNAL_PROVIDER" })];
        const plan = planCopy(users, rules);
        assert.deepEqual([plan.copies.map((c) => c.from), plan.notCopyable, plan.federated], [["y"], { "missing a required attribute": 1 }, 1]);
        assert.deepEqual(planCopy([...users].reverse(), rules), plan);
    });

    it("the rules read from the new pool as Cognito describes it agree with the rules from the program", () => {
        const inputs = { usernameAttributes: ["email"], usernameConfiguration: { caseSensitive: false }, schema: [{ name: "tenant", attributeDataType: "String" }, { name: "email", required: true }] };
        const pool = {
            UsernameAttributes: ["email"],
            UsernameConfiguration: { CaseSensitive: false },
            SchemaAttributes: [{ Name: "sub", Required: true }, { Name: "email", Required: true }, { Name: "custom:tenant" }, { Name: "name" }],
        };
        assert.deepEqual(rulesFromPool(pool, undefined), rulesFromInputs(inputs));
    });
});
