#!/usr/bin/env bash
# `npm test`: the suite on Node 22 (the oldest Node the current Pulumi SDK supports, from the `node`
# package), then on the Node that runs npm itself, the machine's own, when that is another version. npm
# puts node_modules/.bin first on PATH, so `node` here is Node 22 and $NODE (npm_node_execPath in older
# npm) is the machine's.
set -euo pipefail
echo "== tests on Node $(node --version) =="
mocha "tests/**/*.test.ts"
machine_node="${npm_node_execPath:-${NODE:-}}"
if [ -n "$machine_node" ] && [ "$("$machine_node" --version)" != "$(node --version)" ]; then
    echo "== tests on Node $("$machine_node" --version) =="
    # The suites that drive whole programs through the CLI, npm or many host runs (tests/support/passes.ts)
    # ran in the first pass: the CLI, npm and the dynamic-provider host run on the Node on PATH ($(node --version))
    # in either pass, so this pass would repeat them.
    COGNITO_SECOND_PASS="it ran in the Node $(node --version) pass: the Pulumi CLI, npm and the dynamic-provider host run on the Node on PATH ($(node --version)) in either pass, so this pass would repeat it" \
        "$machine_node" node_modules/mocha/bin/mocha.js "tests/**/*.test.ts"
fi
