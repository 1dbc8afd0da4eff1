// A mocha reporter: the spec reporter's output, then each test's duration and each file's wall time
// (its hooks included: an npm install in a `before` counts), written to `test-durations/<pass>.json`
// and summed up at the end (the slowest 20 tests, the files by time). CONTRIBUTING lists the slowest.
// Plain JavaScript: mocha loads reporters with require(), before ts-node is registered.
"use strict";
const { mkdirSync, writeFileSync } = require("node:fs");
const { join, relative } = require("node:path");
const Mocha = require("mocha");

const { EVENT_RUN_END, EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_END } = Mocha.Runner.constants;
const root = join(__dirname, "..", "..");

class Durations extends Mocha.reporters.Spec {
    constructor(runner, options) {
        super(runner, options);
        const tests = [];
        const files = new Map();
        const started = new Map();
        const file = (suite) => (suite.file ? relative(root, suite.file) : "(root)");
        runner.on(EVENT_SUITE_BEGIN, (suite) => {
            if (suite.parent && suite.parent.root) started.set(suite, Date.now());
        });
        runner.on(EVENT_SUITE_END, (suite) => {
            const at = started.get(suite);
            if (at === undefined) return;
            const name = file(suite);
            files.set(name, (files.get(name) || 0) + (Date.now() - at));
        });
        runner.on(EVENT_TEST_END, (test) => {
            tests.push({ file: file(test), title: test.fullTitle(), state: test.state || "pending", ms: test.duration || 0 });
        });
        runner.once(EVENT_RUN_END, () => {
            const pass = process.env.COGNITO_TEST_PASS || `node${process.versions.node.split(".")[0]}`;
            const byFile = [...files].map(([name, ms]) => ({ file: name, ms, tests: tests.filter((t) => t.file === name).length })).sort((a, b) => b.ms - a.ms);
            const slowest = [...tests].sort((a, b) => b.ms - a.ms).slice(0, 20);
            const folder = join(root, "test-durations");
            mkdirSync(folder, { recursive: true });
            writeFileSync(join(folder, `${pass}.json`), JSON.stringify({ node: process.version, files: byFile, tests }, null, 1) + "\n");
            const s = (ms) => `${(ms / 1000).toFixed(1).padStart(6)} s`;
            console.log(`\n  files by wall time (${pass}, Node ${process.version}; hooks included):`);
            for (const f of byFile) console.log(`  ${s(f.ms)}  ${String(f.tests).padStart(4)} tests  ${f.file}`);
            console.log(`\n  the slowest 20 tests:`);
            for (const t of slowest) console.log(`  ${s(t.ms)}  ${t.file}: ${t.title}`);
            console.log(`\n  written to test-durations/${pass}.json`);
        });
    }
}

module.exports = Durations;
