#!/usr/bin/env bash
# switchyard-cli checksum vs pt-table-checksum on the same 1-million-row table, same MariaDB
# sandbox, same run (issue 8 target: throughput >= 2x pt's, the same differences found; repair
# statements equivalent to pt-table-sync's).
#
#   tests/bench/checksum_bench.sh [path/to/switchyard-cli] [rows]
#
# Starts its own sandbox (primary + 2 replicas, ports from $BENCH_PORT, default 23906) in a
# private HOME so no profile of yours is touched; destroys it at the end (KEEP=1 keeps it).
set -euo pipefail

CLI=${1:-$(dirname "$0")/../../build/checksum/app/switchyard-cli}
ROWS=${2:-1000000}
PORT=${BENCH_PORT:-23906}
CLI=$(realpath "$CLI")
WORK=$(mktemp -d /tmp/checksum-bench.XXXXXX)
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
NAME=ckbench
command -v pt-table-checksum >/dev/null || { echo "pt-table-checksum missing (apt-get install percona-toolkit)"; exit 1; }

cleanup() {
    if [[ "${KEEP:-0}" != 1 ]]; then
        "$CLI" sandbox destroy --name "$NAME" --dir "$WORK/sandboxes" >/dev/null 2>&1 || true
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

"$CLI" sandbox up --engine mariadb --name "$NAME" --base-port "$PORT" --dir "$WORK/sandboxes" >/dev/null
CRED=$(find "$WORK" -name credentials -path "*$NAME*" | head -1)
AUSER=$(sed -n 's/^admin\.user=//p' "$CRED"); APW=$(sed -n 's/^admin\.password=//p' "$CRED")
[[ -n "$AUSER" ]] || { echo "no admin account in $CRED"; cat "$CRED"; exit 1; }
M="mariadb --no-defaults -h127.0.0.1 -u$AUSER -p$APW"
P1=$PORT; P2=$((PORT + 1)); P3=$((PORT + 2))

echo "== building ${ROWS} rows on the primary (127.0.0.1:$P1)"
$M -P$P1 -e "CREATE DATABASE bench; CREATE TABLE bench.orders(id INT PRIMARY KEY, customer VARCHAR(40), amount DECIMAL(10,2), created DATETIME, note VARCHAR(64), ratio DOUBLE NULL, KEY(customer)) ENGINE=InnoDB"
$M -P$P1 bench -e "INSERT INTO bench.orders SELECT seq, CONCAT('cust', seq % 997), (seq % 10000)/100, '2024-01-01' + INTERVAL seq SECOND, MD5(seq), IF(seq % 7 = 0, NULL, seq / 3) FROM bench.seq_1_to_${ROWS}"
GTID=$($M -P$P1 -Nse "SELECT @@gtid_binlog_pos")
for p in $P2 $P3; do $M -P$p -Nse "SELECT MASTER_GTID_WAIT('$GTID', 300)" >/dev/null; done

echo "== drift on replica 127.0.0.1:$P3 (binary logging off): 2 updated, 1 deleted, 1 extra"
$M -P$P3 -e "SET SESSION sql_log_bin=0; UPDATE bench.orders SET amount=amount+1 WHERE id=4242; UPDATE bench.orders SET note=NULL WHERE id=512345; DELETE FROM bench.orders WHERE id=777777; INSERT INTO bench.orders VALUES (${ROWS}+5, 'ghost', 1, NOW(), 'extra', NULL)"

# The load leaves about half of each 64 MB buffer pool dirty, flushed at idle speed: whichever
# tool ran first would pay for writing it out while it scans (measured: 5% of our run). Flush
# it on all three servers now, so that both tools start from clean pools.
for p in $P1 $P2 $P3; do
    PCT=$($M -P$p -Nse "SELECT @@GLOBAL.innodb_max_dirty_pages_pct")
    $M -P$p -e "SET GLOBAL innodb_max_dirty_pages_pct = 0"
    for _ in $(seq 1 300); do
        DIRTY=$($M -P$p -Nse "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_DIRTY'")
        [[ "$DIRTY" -le 16 ]] && break
        sleep 0.1
    done
    $M -P$p -e "SET GLOBAL innodb_max_dirty_pages_pct = $PCT"
done

export SWITCHYARD_PASSWORD=$APW
# CPU seconds the three servers used (utime+stime): with 3 servers on few cores, their sum over
# the cores bounds the wall time; the machine's load average says how many cores were free.
SERVER_PIDS=$(pgrep -f "mariadbd.*$WORK/sandboxes" | tr '\n' ' ')
TICK=$(getconf CLK_TCK)
server_cpu() { local s=0; for p in $SERVER_PIDS; do s=$((s + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$s"; }
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== switchyard-cli checksum (load average $LOAD0)"
c0=$(server_cpu); t0=$(date +%s.%N)
set +e; "$CLI" checksum --profile "$NAME" --databases bench --json > "$WORK/sy.json"; SYRC=$?; set -e
t1=$(date +%s.%N); c1=$(server_cpu)
SYT=$(echo "$t1 - $t0" | bc); SYCPU=$(echo "scale=2; ($c1 - $c0) / $TICK" | bc)
echo "exit $SYRC in ${SYT}s, servers' CPU ${SYCPU}s"

echo "== pt-table-checksum (load average $(cut -d' ' -f1-3 /proc/loadavg))"
c0=$(server_cpu); t0=$(date +%s.%N)
set +e
pt-table-checksum "h=127.0.0.1,P=$P1,u=$AUSER,p=$APW" --databases=bench --recursion-method=hosts --no-check-binlog-format > "$WORK/pt.txt" 2>&1
PTRC=$?
set -e
t1=$(date +%s.%N); c1=$(server_cpu)
PTT=$(echo "$t1 - $t0" | bc); PTCPU=$(echo "scale=2; ($c1 - $c0) / $TICK" | bc)
cat "$WORK/pt.txt"
echo "exit $PTRC in ${PTT}s, servers' CPU ${PTCPU}s"

# Differing primary keys: ours from repair --print, pt's from pt-table-sync --print.
"$CLI" repair --profile "$NAME" --table bench.orders --print > "$WORK/sy-repair.sql" || true
pt-table-sync --print --replicate=percona.checksums "h=127.0.0.1,P=$P1,u=$AUSER,p=$APW" --recursion-method=hosts > "$WORK/pt-sync.sql" 2>&1 || true
keys() { grep -E '^(REPLACE|DELETE)' "$1" | sed -E "s/^REPLACE INTO [^V]*VALUES \('?([0-9]+)'?.*/REPLACE \1/; s/^DELETE FROM .* WHERE .?id.? ?= ?'?([0-9]+)'?.*/DELETE \1/" | sort -u; }
keys "$WORK/sy-repair.sql" > "$WORK/sy.keys"; keys "$WORK/pt-sync.sql" > "$WORK/pt.keys"
echo "== repair statements (switchyard)"; grep -E '^(REPLACE|DELETE)' "$WORK/sy-repair.sql" | cut -c1-160
echo "== repair statements (pt-table-sync)"; grep -E '^(REPLACE|DELETE)' "$WORK/pt-sync.sql" | cut -c1-160

SYCH=$(python3 -c "import json,sys; r=json.load(open('$WORK/sy.json')); print(sum(1 for t in r['tables'] for c in t['chunks'] for x in c['replicas'] if x['state']=='differs'))")
PTCH=$($M -P$P3 -Nse "SELECT COUNT(*) FROM percona.checksums WHERE master_cnt<>this_cnt OR master_crc<>this_crc OR ISNULL(master_crc)<>ISNULL(this_crc)")
echo
echo "RESULT rows=$ROWS switchyard=${SYT}s (exit $SYRC) pt-table-checksum=${PTT}s (exit $PTRC) speedup=$(echo "scale=2; $PTT / $SYT" | bc)x"
echo "RESULT servers' CPU: switchyard=${SYCPU}s pt=${PTCPU}s on $(nproc) cores; load average before: $LOAD0"
echo "RESULT differing chunks: switchyard=$SYCH pt=$PTCH (chunking differs; both must be > 0)"
if diff -q "$WORK/sy.keys" "$WORK/pt.keys" >/dev/null; then
    echo "RESULT same differing rows and repair kinds: yes ($(tr '\n' ' ' < "$WORK/sy.keys"))"
else
    echo "RESULT same differing rows: NO"; diff "$WORK/sy.keys" "$WORK/pt.keys" || true
fi
