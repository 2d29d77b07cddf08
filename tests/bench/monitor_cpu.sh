#!/usr/bin/env bash
# CPU used while monitoring a 3-node MariaDB sandbox at a 1-second interval (issue 5 target:
# <= 3% of one core). Starts a private sandbox, runs `switchyard-cli monitor` (poll + metrics +
# events + SQLite history on its worker) for DURATION seconds, and reads utime+stime of the
# monitor from /proc/PID/stat after a warm-up and at the end.
#
# Usage: tests/bench/monitor_cpu.sh BUILD_DIR [DURATION_SECONDS=60] [--gui]
#   BUILD_DIR holds app/switchyard-cli (a Release build gives the representative figure).
#   --gui measures the console itself (app/switchyard, offscreen: graph, charts and history
#   drawn every round) instead of the CLI monitor.
# Prints: "monitor CPU: X.XX% of one core over N s (N rounds stored)".
set -euo pipefail
build=${1:?usage: monitor_cpu.sh BUILD_DIR [DURATION_SECONDS] [--gui]}
duration=${2:-60}
gui=${3:-}
cli="$build/app/switchyard-cli"
[ -x "$cli" ] || { echo "monitor_cpu.sh: no $cli" >&2; exit 2; }

work=$(mktemp -d /tmp/switchyard-monitor-cpu.XXXXXX)
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data"
mkdir -p "$HOME" "$work/run" && chmod 700 "$work/run"
export XDG_RUNTIME_DIR="$work/run"
name="cpu$$"
port=$(( 24000 + ($$ % 900) ))
cleanup() {
    "$cli" sandbox destroy --name "$name" --dir "$work/sandboxes" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

"$cli" sandbox up --engine mariadb --name "$name" --base-port "$port" --dir "$work/sandboxes" >/dev/null

if [ "$gui" = "--gui" ]; then
    # The console on the same sandbox (its profile polls every second), drawing offscreen.
    QT_QPA_PLATFORM=offscreen "$build/app/switchyard" --profile "$name" > "$work/monitor.out" 2>&1 &
    pid=$!
else
    "$cli" monitor --profile "$name" --duration "$((duration + 5))" --interval 1 > "$work/monitor.out" &
    pid=$!
fi
ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

sleep 5   # connections opened, first rounds stored
t0=$(date +%s.%N); c0=$(cpu_ticks "$pid")
sleep "$duration"
t1=$(date +%s.%N); c1=$(cpu_ticks "$pid")
if [ "$gui" = "--gui" ]; then
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rounds=$(( duration ))   # one round a second; the console prints none
else
    wait "$pid"
    rounds=$(grep -c '^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]' "$work/monitor.out" || true)
fi
awk -v c0="$c0" -v c1="$c1" -v t0="$t0" -v t1="$t1" -v hz="$ticks" -v rounds="$rounds" 'BEGIN {
    secs = t1 - t0; cpu = (c1 - c0) / hz;
    printf "monitor CPU: %.2f%% of one core over %.0f s (%.2f s CPU; %d rounds stored)\n", 100 * cpu / secs, secs, cpu, rounds }'
