#!/usr/bin/env bash
# `npm run soak`: the stateful test's long run, then 50 pools under faults (pools.soak.ts).
# The sequences run in batches, each a mocha process of its own: one process for all of them grew by
# about 6 MB a sequence and ran out of heap after about 1,000 of 24 commands (54 minutes, 6.2 GB), so a
# long soak never reached its end. SOAK_BATCHES batches of COMBINATIONS_RUNS sequences (5 x 200 by
# default), each with its own seed; the first also replays the kept regressions.
set -euo pipefail
batches=${SOAK_BATCHES:-5}
export COMBINATIONS_RUNS=${COMBINATIONS_RUNS:-200} COMBINATIONS_COMMANDS=${COMBINATIONS_COMMANDS:-24} COMBINATIONS_KEEP=1
for batch in $(seq 1 "$batches"); do
    echo "== soak: batch $batch of $batches ($COMBINATIONS_RUNS sequences of up to $COMBINATIONS_COMMANDS commands)"
    if [ "$batch" -eq 1 ]; then
        mocha tests/engine/combinations.test.ts
    else
        mocha tests/engine/combinations.test.ts -g "random sequences"
    fi
done
echo "== soak: 50 pools under faults"
mocha tests/soak/pools.soak.ts
