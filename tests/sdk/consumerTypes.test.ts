// The package's types as a user's program sees them: the packed tarball installed into a fresh project
// (the one installed.test.ts uses), and a program there importing the package both ways
// (`import provider = require("pulumi-cognito-user-pool/provider")` and
// `import { userPoolProvider } from "pulumi-cognito-user-pool"`) and reading every output of `UserPool`
// with the type it must have, type-checked with this repository's TypeScript in strict mode under each
// moduleResolution a Pulumi project may use: node10 (Pulumi's template; it ignores package.json
// "exports", so the subpath resolves through "typesVersions"), node16, nodenext and bundler.
// Each program stays in the project (types-<setting>/, with its tsconfig.json) until the run ends:
// `node_modules/.bin/tsc -p <folder>` checks it by hand.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { COMPUTED_OUTPUTS } from "../../provider/state/fromCognito";
import { resourceInputs } from "../../provider/pool/resourceInputs";
import { userPoolProperties } from "../../provider/pool/properties";
import { COMPUTED_OUTPUT_TYPES, declaredOutputs, MODULE_SETTINGS, settingName, typeCheck, writeProgram } from "../support/consumerTypes";
import { PACKAGE, sharedConsumer } from "../support/npmProject";
import { repoRoot } from "../support/stacks";

describe("the package's types in a user's program, under every moduleResolution", function (this: Mocha.Suite) {
    this.timeout(60_000);
    let consumer: string;
    let outputs: string[];
    const folders: string[] = [];

    before(async function () {
        // Shared with installed.test.ts: made once per run (about 10 s of npm install when made here).
        this.timeout(180_000);
        consumer = await sharedConsumer(repoRoot);
        outputs = declaredOutputs(join(consumer, "node_modules", PACKAGE));
    });

    after(() => {
        for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    });

    it("UserPool declares every output the provider returns, and no other", () => {
        // What the class registers as outputs (sdk/userPool.ts, outputSlots): the computed outputs, every
        // Cognito member and our own inputs but the resource options.
        const registered = [...COMPUTED_OUTPUTS, ...userPoolProperties.map((f) => f.name), ...resourceInputs.filter((f) => f.apply !== "options").map((f) => f.name)];
        const undeclared = registered.filter((name) => !outputs.includes(name));
        const unregistered = outputs.filter((name) => !registered.includes(name));
        assert.deepEqual(undeclared, [], `outputs UserPool registers but does not declare, so a program cannot read them (sdk/userPool.ts): ${undeclared.join(", ")}`);
        assert.deepEqual(unregistered, [], `properties UserPool declares but never registers, so they are always undefined: ${unregistered.join(", ")}`);
        const untyped = Object.keys(COMPUTED_OUTPUT_TYPES).filter((name) => !outputs.includes(name));
        assert.deepEqual(untyped, [], "COMPUTED_OUTPUT_TYPES (tests/support/consumerTypes.ts) names outputs the class does not declare");
    });

    it(`type-checks with --strict under moduleResolution ${MODULE_SETTINGS.map(settingName).join(", ")}`, async () => {
        for (const setting of MODULE_SETTINGS) {
            const folder = join(consumer, `types-${settingName(setting)}`);
            writeProgram(folder, setting, outputs);
            folders.push(folder);
        }
        const started = Date.now();
        const results = await typeCheck(folders);
        console.log(`      ${folders.length} programs type-checked in ${((Date.now() - started) / 1000).toFixed(1)} s (${outputs.length} outputs each)`);
        const failed = Object.entries(results).filter(([, diagnostics]) => diagnostics.length > 0);
        assert.deepEqual(
            failed.map(([folder]) => folder),
            [],
            failed
                .map(([folder, diagnostics]) => `${folder} (node_modules/.bin/tsc -p ${folder}):\n  ${diagnostics.join("\n  ")}`)
                .join("\n") +
                "\nAn output whose expected type is wrong here: COMPUTED_OUTPUT_TYPES in tests/support/consumerTypes.ts for outputs that are not inputs.",
        );
    });
});
