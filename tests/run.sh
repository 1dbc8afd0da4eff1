#!/usr/bin/env bash
# `npm test`: the suite on Node 22 (the oldest Node the Pulumi SDK supports, from the `node` package),
# then on the Node that runs npm itself, the machine's own, when that is another version. npm puts
# node_modules/.bin first on PATH, so `node` here is Node 22 and $NODE (npm_node_execPath in older npm) is the machine's.
set -euo pipefail
echo "== tests on Node $(node --version) =="
mocha "tests/**/*.test.ts"
machine_node="${npm_node_execPath:-${NODE:-}}"
if [ -n "$machine_node" ] && [ "$("$machine_node" --version)" != "$(node --version)" ]; then
    echo "== tests on Node $("$machine_node" --version) =="
    "$machine_node" node_modules/mocha/bin/mocha.js "tests/**/*.test.ts"
fi
