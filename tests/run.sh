#!/usr/bin/env bash
# `npm test`: the version matrix the README states (Supported versions).
# 1. Node 22 (the oldest Node the newest @pulumi/pulumi supports, from the `node` devDependency) with the
#    newest @pulumi/pulumi (the devDependency): every suite. npm puts node_modules/.bin first on PATH, so
#    `node` here is Node 22.
# 2. The machine's Node (npm_node_execPath; $NODE in older npm), when it is another version (Node 20 here):
#    the provider-level suites, which load no @pulumi/pulumi (tests/support/withoutNewestPulumi.js fails any
#    that does), and the dynamic-provider host of the oldest @pulumi/pulumi the peer range admits and of
#    the newest that supports Node 20, each installed with the packed package (tests/package/hosts.test.ts).
#
# Two lanes run at once, each a mocha process with its own local Cognito: the suites that drive the Pulumi
# engine (tests/engine: the real CLI and the harness), and everything else followed by pass 2. Each writes
# its tests' durations to test-durations/<lane>.json (tests/support/durations.js).
set -euo pipefail
reporter=tests/support/durations.js
newest=$(node -p 'require("@pulumi/pulumi/package.json").version')
machine_node="${npm_node_execPath:-${NODE:-}}"
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

other_lane() {
    echo "== pass 1 (Node $(node --version), @pulumi/pulumi $newest): every suite but tests/engine =="
    COGNITO_TEST_PASS=node22-rest mocha --reporter "$reporter" --ignore "tests/engine/**" "tests/**/*.test.ts"
    if [ -n "$machine_node" ] && [ "$("$machine_node" --version)" != "$(node --version)" ]; then
        echo "== pass 2 (Node $("$machine_node" --version)): the provider-level suites and the supported hosts =="
        COGNITO_TEST_PASS=machine-node "$machine_node" node_modules/mocha/bin/mocha.js --reporter "$reporter" \
            --require tests/support/withoutNewestPulumi.js \
            "tests/{pool,check,state,plan,cognito,verbs,users}/**/*.test.ts" tests/architecture.test.ts tests/package/hosts.test.ts
    fi
}

other_lane >"$logs/rest.log" 2>&1 &
rest=$!
echo "== pass 1 (Node $(node --version), @pulumi/pulumi $newest): tests/engine (the other suites run beside it; their report follows) =="
engine_status=0
COGNITO_TEST_PASS=node22-engine mocha --reporter "$reporter" "tests/engine/**/*.test.ts" || engine_status=$?
rest_status=0
wait "$rest" || rest_status=$?
cat "$logs/rest.log"
if [ "$engine_status" -ne 0 ] || [ "$rest_status" -ne 0 ]; then
    echo "npm test: failed (tests/engine: exit $engine_status; the other suites: exit $rest_status)"
    exit 1
fi
