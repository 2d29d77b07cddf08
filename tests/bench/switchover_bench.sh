#!/bin/bash
# Planned-switchover benchmark (issue 7): a 3-node MariaDB sandbox under a write load, N
# switchovers in a row, the write blackout of each (longest gap between acknowledged writes),
# the median, and the lost and duplicated acknowledged writes on every node.
#
#   tests/bench/switchover_bench.sh [N] [BUILD_DIR]      (N default 20; BUILD_DIR default build/bench)
#
# Builds switchover_bench (Release) when BUILD_DIR has no build yet. Needs mariadb-server.
# Targets: median blackout <= 1 s; 0 lost and 0 duplicated. Exit 0 when they are met.
set -euo pipefail
N=${1:-20}
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
BUILD=${2:-$SRC/build/bench}
if [ ! -f "$BUILD/build.ninja" ] && [ ! -f "$BUILD/Makefile" ]; then
    cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD" --target switchover_bench -- -j2 >/dev/null
# A port block nobody else uses by default; override with SWITCHOVER_BENCH_PORT.
PORT=${SWITCHOVER_BENCH_PORT:-24700}
exec "$BUILD/tests/bench/switchover_bench" --switchovers "$N" --base-port "$PORT"
