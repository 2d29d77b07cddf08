#!/usr/bin/env bash
# Builds fuzz_router (clang, libFuzzer, ASan/UBSan), seeds it from the routing corpora and
# fuzzes for SECONDS (default 60), one job. Prints executions, corpus size and crashes.
#
#   tests/fuzz/run_router_fuzz.sh [SECONDS] [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
seconds=${1:-60}
build=${2:-$src/build/fuzz}
shared=$(cd "$src/.." && pwd)/shared/data/routing-corpus.jsonl
[ -f "$shared" ] || shared=$src/tests/data/routing-corpus.jsonl

if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
          -DSWITCHYARD_BUILD_FUZZERS=ON -DSWITCHYARD_BUILD_BENCHMARKS=OFF
fi
cmake --build "$build" --target fuzz_router make_router_seeds -j 2

corpus=$build/fuzz-corpus/router
crashes=$build/fuzz-crashes/router
mkdir -p "$corpus" "$crashes"
"$build/tests/fuzz/make_router_seeds" "$corpus" "$shared" "$src/tests/data/routing-extra.jsonl"

log=$build/fuzz-router.log
set +e
"$build/tests/fuzz/fuzz_router" "$corpus" -dict="$here/router.dict" -max_total_time="$seconds" \
    -max_len=4096 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$crashes/" -print_final_stats=1 2>&1 | tee "$log" | tail -n 25
status=${PIPESTATUS[0]}
set -e
echo "corpus files: $(ls "$corpus" | wc -l)"
echo "crash/timeout/leak artifacts: $(ls "$crashes" | wc -l)"
exit "$status"
