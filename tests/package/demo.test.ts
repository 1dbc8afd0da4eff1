// `npm run demo`, the README's main command, runs to the end and reads like a Pulumi plan.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

describe("npm run demo", function (this: Mocha.Suite) {
    this.timeout(120000);

    it("takes the example stack through create, in-place update, replacement and destroy on its own local Cognito", () => {
        const env = { ...process.env };
        // The demo must start its own local Cognito when none is configured.
        delete env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER;
        delete env.COGNITO_ENDPOINT;
        const run = spawnSync(process.execPath, [require.resolve("ts-node/dist/bin"), join("examples", "demo.ts")], {
            cwd: join(__dirname, "..", ".."),
            env,
            encoding: "utf8",
        });
        assert.equal(run.status, 0, run.stderr);
        const out = run.stdout;
        assert.match(out, /a local moto_server started for this demo/);
        assert.match(out, /\+ {3}cognito:UserPool +users +create/);
        assert.match(out, /~ {3}cognito:UserPool +users +update +\[diff: ~policies\.passwordPolicy\.minimumLength\]/);
        assert.match(out, /\+- {2}cognito:UserPool +users +replace +\[diff: ~usernameConfiguration\.caseSensitive\] \[replace because: usernameConfiguration cannot change\]/);
        assert.match(out, /- {3}cognito:UserPool +users +deleted/);
        const ids = [...out.matchAll(/userPoolId +: (\S+)/g)].map((m) => m[1]);
        assert.equal(ids.length, 3);
        assert.equal(ids[0], ids[1], "the in-place update keeps the pool");
        assert.notEqual(ids[1], ids[2], "the replacement is a new pool");
    });
});
