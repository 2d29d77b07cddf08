#!/usr/bin/env bash
# Stops every sandbox server started under a test-sandboxes root, e.g. by a test that ctest
# killed on timeout (SIGKILL: no destructor, no atexit, no signal handler ran).
#
#   cleanup_sandboxes.sh ROOT [GRACE_SECONDS]
#
# Registered as the CTest fixture `switchyard_sandboxes` (tests/integration/CMakeLists.txt):
# FIXTURES_SETUP (leftovers of an earlier killed run) and FIXTURES_CLEANUP (after the tests).
#
# Only processes that are provably ours are signalled:
#   - <sandbox>/run/<node>.pid records written by the sandbox ("<pid>\n<start time>\n"): the pid
#     must still have that start time (field 22 of /proc/PID/stat), so a recycled pid is safe;
#   - the servers' own pid files under ROOT (mysqld.pid, postmaster.pid), for an up() killed
#     before it wrote its record: the process' arguments must name a path under ROOT.
# Zombies count as stopped (PID 1 may reap them late; kill -0 succeeds on a zombie).
set -u
root=${1:?usage: cleanup_sandboxes.sh ROOT [GRACE_SECONDS]}
grace=${2:-10}
[ -d "$root" ] || exit 0
root=$(cd "$root" && pwd -P)

# Field N (N >= 3) of /proc/PID/stat, counted after the ')' that ends the command name.
stat_field() {
    local stat rest
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    rest=${stat##*) }
    set -- $rest "$2"
    local n=${!#}
    shift $((n - 3))
    echo "$1"
}

alive() {   # running and not a zombie
    local state
    state=$(stat_field "$1" 3) || return 1
    [ "$state" != Z ] && [ "$state" != X ]
}

declare -A victims=()   # pid -> description

while IFS= read -r -d '' record; do
    pid=$(sed -n 1p "$record"); start=$(sed -n 2p "$record")
    [[ $pid =~ ^[0-9]+$ && $start =~ ^[0-9]+$ ]] || continue
    alive "$pid" || continue
    [ "$(stat_field "$pid" 22)" = "$start" ] || continue
    victims[$pid]="$record"
done < <(find "$root" -path '*/run/*.pid' -type f -print0 2>/dev/null)

while IFS= read -r -d '' pidfile; do
    pid=$(sed -n 1p "$pidfile" | tr -dc 0-9)
    [ -n "$pid" ] && [ -z "${victims[$pid]:-}" ] || continue
    alive "$pid" || continue
    tr '\0' '\n' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF "$root/" || continue
    victims[$pid]="$pidfile"
done < <(find "$root" \( -name mysqld.pid -o -name postmaster.pid \) -type f -print0 2>/dev/null)

[ ${#victims[@]} -eq 0 ] && { echo "cleanup_sandboxes: nothing running under $root"; exit 0; }

for pid in "${!victims[@]}"; do
    name=$(cat "/proc/$pid/comm" 2>/dev/null)
    # postgres: SIGINT is the "fast" shutdown; SIGTERM would wait for clients to leave.
    if [ "$name" = postgres ]; then sig=INT; else sig=TERM; fi
    echo "cleanup_sandboxes: stopping $name (pid $pid) from ${victims[$pid]}"
    kill -s "$sig" "$pid" 2>/dev/null
    kill -s CONT "$pid" 2>/dev/null   # a test may have frozen it with SIGSTOP
done

deadline=$((SECONDS + grace))
left() { local p; for p in "${!victims[@]}"; do alive "$p" && return 0; done; return 1; }
while left && [ $SECONDS -lt "$deadline" ]; do sleep 0.1; done
if left; then
    for pid in "${!victims[@]}"; do
        alive "$pid" && { echo "cleanup_sandboxes: pid $pid still running after ${grace}s, SIGKILL"; kill -KILL "$pid" 2>/dev/null; }
    done
    deadline=$((SECONDS + 5))
    while left && [ $SECONDS -lt "$deadline" ]; do sleep 0.1; done
fi
if left; then
    echo "cleanup_sandboxes: some servers did not exit" >&2
    exit 1
fi
exit 0
