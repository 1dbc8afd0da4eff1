// The SDK's types are generated (sdk/generate.ts) from the property table, the API model and the prose in
// sdk/docs/: the committed file is exactly what the generator makes, the prose says what a property does
// and never what the table or the model says (types, ranges, defaults, lists of values), and the types hold
// what check enforces, so a program the types accept is one check accepts, and the other way round.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";
import { generatedTypes, readProse, TARGET } from "../../sdk/generate";
import { repoRoot } from "../support/stacks";

/** Type-checks a program that imports the SDK; the diagnostics' texts. */
function compile(program: string): string[] {
    // Inside the repository's node_modules (ignored by git), so that @pulumi/pulumi resolves as in a project.
    mkdirSync(join(repoRoot, "node_modules", ".cache"), { recursive: true });
    const dir = mkdtempSync(join(repoRoot, "node_modules", ".cache", "sdk-types-"));
    try {
        const file = join(dir, "program.ts");
        writeFileSync(file, program.replace(/SDK/g, JSON.stringify(join(repoRoot, "sdk"))));
        const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, skipLibCheck: true, types: [] };
        const built = ts.createProgram([file], options);
        return ts.getPreEmitDiagnostics(built).filter((d) => d.file?.fileName === file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

describe("sdk/types.generated.ts: the SDK's types, generated", function () {
    this.timeout(60_000);

    it("is what `npm run sdk` makes now (run it after changing a row, the model or the prose)", () => {
        const { text, missing } = generatedTypes();
        assert.deepEqual(missing, [], "every property has prose in sdk/docs/");
        assert.ok(readFileSync(TARGET, "utf8") === text, "sdk/types.generated.ts is stale: run `npm run sdk`");
    });

    it("the prose says what a property does, never what the table or the model says (those are generated)", () => {
        const broken: string[] = [];
        for (const [path, { text }] of readProse()) {
            if (/(^|\s)@(default|example|deprecated|param|returns|see)\b/.test(text)) broken.push(`${path}: a TSDoc tag in prose`);
            if (/\b\d[\d,]*\s*[–-]\s*\d[\d,]*\b/.test(text)) broken.push(`${path}: a range in prose (the model gives it)`);
            if (/\b(at most|at least) \d/i.test(text) || /\border does not matter\b/i.test(text)) broken.push(`${path}: a limit in prose (the model or the table gives it)`);
            if (/`[^`]+`, `[^`]+`,? (?:or|and) `[^`]+`/.test(text)) broken.push(`${path}: a list of values in prose (the type gives them)`);
        }
        assert.deepEqual(broken, []);
    });

    it("types and check agree: an inbound federation trigger takes V1_0 only, and the model's required members are required", () => {
        const errors = compile(`
            import { UserPool } from SDK;
            new UserPool("a", { lambdaConfig: { inboundFederation: { lambdaVersion: "V2_0", lambdaArn: "arn:aws:lambda:us-east-1:1:function:f" } } });
            new UserPool("b", { userPoolAddOns: {} });
            new UserPool("c", { usernameConfiguration: {} });
        `);
        assert.equal(errors.length, 3, errors.join("\n"));
        assert.match(errors[0], /"V2_0"/);
        assert.match(errors[1], /advancedSecurityMode|UserPoolAddOnsArgs/);
        assert.match(errors[2], /caseSensitive|UserPoolUsernameConfigurationArgs/);
    });

    it("what Cognito accepts compiles: an account recovery setting with no mechanisms, pre token generation V2_0", () => {
        const errors = compile(`
            import { UserPool } from SDK;
            const pool = new UserPool("a", {
                accountRecoverySetting: {},
                lambdaConfig: { preTokenGenerationConfig: { lambdaVersion: "V2_0", lambdaArn: "arn:aws:lambda:us-east-1:1:function:f" } },
                userPoolAddOns: { advancedSecurityMode: "OFF" },
            });
            const tier: import("@pulumi/pulumi").Output<"LITE" | "ESSENTIALS" | "PLUS" | undefined> = pool.userPoolTier;
            const arn: import("@pulumi/pulumi").Output<string> = pool.arn;
            export { tier, arn };
        `);
        assert.deepEqual(errors, []);
    });
});
