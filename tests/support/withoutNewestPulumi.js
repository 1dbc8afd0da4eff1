// Loaded (mocha --require) in the Node 20 pass of `npm test` (tests/run.sh): the repository's
// @pulumi/pulumi devDependency declares engines.node >=22, so on Node 20 nothing may load it. A suite
// that does fails at once, naming what it loaded, instead of testing a combination the README calls
// unsupported. The suites of this pass exercise the provider without the SDK, and each supported
// @pulumi/pulumi's own host from a project that installed it (tests/package/hosts.test.ts).
"use strict";
const Module = require("node:module");
const { join, sep } = require("node:path");

const newest = join(__dirname, "..", "..", "node_modules", "@pulumi", "pulumi") + sep;
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
    const path = resolve.call(this, request, parent, ...rest);
    if (path.startsWith(newest) && !path.endsWith(`${sep}package.json`)) {
        throw new Error(`${parent && parent.filename}: loads ${path} (the repository's @pulumi/pulumi, which needs Node 22) on Node ${process.version}; this pass runs the provider-level suites and tests/package/hosts.test.ts only (tests/run.sh)`);
    }
    return path;
};
