// Table checksums and repair: find and fix replica drift (MariaDB/MySQL; PostgreSQL node pairs).
//
// MariaDB/MySQL, the pt-table-checksum model done our way:
//  - each table is cut into chunks along its primary key or a NOT NULL unique index; a single
//    integer key is cut into key ranges (no boundary scan), any other key is nibbled
//    (`ORDER BY key LIMIT n-1,2` finds the next boundary); the chunk size is tuned after
//    every chunk to a target time (EWMA, weight 0.75) - ChunkSizer - and never exceeds a tenth
//    of the table (at least 10 000 rows): replicas recompute a chunk after the primary, so one
//    big chunk is paid twice in wall time;
//  - the chunk checksum is COUNT(*) plus BIT_XOR of a normalised, NULL-safe row hash
//    (CRC32 like pt, or 128 bits of MD5) - RowHashSpec. NULL is a 0xFF byte where no value can
//    print one (numbers, times, UTF-8/ASCII text), else a bit in an ISNULL() bitmap; on MariaDB
//    floats are hashed as their bytes (POINT(x, 0)), not through float-to-text;
//  - the checksum statement runs on the primary with binlog_format=STATEMENT for the session, so
//    each direct replica recomputes it at the same point of the replication stream and keeps
//    its own result next to the primary's in `switchyard`.`checksums`;
//  - a cascaded replica (its source is another replica, which re-logs rows in ROW/MIXED format)
//    is not trusted to recompute: its chunks are computed on that replica itself after
//    MASTER_GTID_WAIT for the primary's position, and a difference is re-checked against a
//    fresh primary checksum before it is reported (a concurrent write is not drift);
//  - throttled by replica lag and the primary's Threads_running; resumable per chunk;
//  - tables without a usable key are skipped, with the reason.
// Then row-level drill-down (keys and row hashes, then the differing rows) and repair
// statements, run on the primary (they replicate to every replica) or on one replica with
// sql_log_bin=0.
//
// Thread contract: every function here does network I/O and blocks; run it on a worker. The
// connections passed in are used by the calling thread only. The cancel flag and the progress
// callback are the only cross-thread parts: cancel may be set from any thread; progress is
// called on the calling (worker) thread.
#pragma once

#include "switchyard/core/connection.h"
#include "switchyard/core/snapshot.h"
#include "switchyard/result.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace switchyard::core::checksum {

enum class HashFunction { Crc32, Md5 };
std::string_view hashFunctionName(HashFunction f);             // "crc32", "md5"
std::optional<HashFunction> parseHashFunction(std::string_view text);

// Chunk size tuning: next size = EWMA rate × target time (pt-table-checksum's --chunk-time).
class ChunkSizer
{
public:
    ChunkSizer(double targetSeconds = 0.5, std::uint64_t initial = 1000, std::uint64_t minimum = 100,
               std::uint64_t maximum = 5'000'000, double weight = 0.75);
    std::uint64_t size() const { return m_size; }
    // `units` done in `seconds` (rows, or key-range width for range chunks). Returns the next size.
    std::uint64_t update(std::uint64_t units, double seconds);

private:
    double m_target, m_weight;
    std::uint64_t m_size, m_min, m_max;
    double m_avgUnits = 0, m_avgSeconds = 0;
};

struct Column
{
    std::string name;
    std::string dataType;    // information_schema DATA_TYPE, lower case: int, varchar, timestamp...
    std::string columnType;  // COLUMN_TYPE: "int(10) unsigned", "enum('a','b')"
    bool nullable = false;
    bool generated = false;  // VIRTUAL/STORED: hashed, never written by a repair
    std::string charset;     // CHARACTER_SET_NAME of text columns
    // CONVERT(... USING utf8mb4) before hashing. A run clears it when every node stores the
    // column in the same charset (same characters, same bytes): the conversion costs CPU on
    // every node for every row.
    bool convertCharset = true;
    bool isText() const;     // char, varchar, *text, enum, set, json
    bool isBinary() const;   // binary, varbinary, *blob
    bool isInteger() const;
    bool isFloat() const;    // float, double, real
};

struct TableInfo
{
    std::string database, table;
    std::vector<Column> columns;
    std::string keyName;                 // "PRIMARY" or a unique index; empty: none usable
    std::vector<std::string> keyColumns;
    std::string skipReason;              // set when the table cannot be checksummed
    std::uint64_t estimatedRows = 0;
    std::string qualified() const;       // `db`.`t`
    const Column *column(std::string_view name) const;
};

struct RowHashSpec
{
    HashFunction hash = HashFunction::Crc32;
    std::optional<int> floatPrecision;   // ROUND(float, N); nullopt: as the server prints them
    bool trimText = false;               // TRIM() text (pt's --trim)
    // MariaDB: FLOAT/DOUBLE without floatPrecision hashed as their IEEE bytes (POINT(x, 0))
    // rather than as printed (-0 as 0). Exactly as discriminating as the shortest round-trip
    // text MariaDB prints, and far cheaper (not tried on MySQL: it keeps the text). The checksum functions below set it from
    // the primary's flavor (forServer); set it by hand only for the SQL generators.
    bool floatBytes = false;
};

// A chunk's key range. For range chunks, bounds are inclusive single integers; for nibbles,
// tuples of key values. An empty lower bound means "from the beginning", an empty upper
// "to the end" (the first and last chunks catch rows a replica has beyond the primary's range).
struct ChunkBounds
{
    std::vector<std::string> lower, upper;
    bool lowerInclusive = true;
};

// --- SQL generation (pure functions; unit-tested) -----------------------------------------
std::string quoteIdent(std::string_view name);                 // `name` with `` doubled
std::string quoteString(std::string_view text);                // '...' with \ and ' escaped
std::string rowExpression(const TableInfo &table, const RowHashSpec &spec);   // CONCAT_WS(...)
// `spec` with what the server can do filled in (floatBytes on MariaDB).
RowHashSpec forServer(RowHashSpec spec, Flavor flavor);
std::string chunkChecksumExpression(const TableInfo &table, const RowHashSpec &spec); // cnt, crc
std::string rangePredicate(const TableInfo &table, const ChunkBounds &bounds);      // WHERE body
std::string checksumSelectSql(const TableInfo &table, const RowHashSpec &spec, const ChunkBounds &bounds);
// The statement the primary runs (and direct replicas replay): INSERT INTO results SELECT ...
std::string checksumInsertSql(const TableInfo &table, const RowHashSpec &spec, const ChunkBounds &bounds,
                              int chunk, const std::string &resultTable);
std::string encodeBound(const std::vector<std::string> &values);   // stored in lower/upper_boundary
std::vector<std::string> decodeBound(std::string_view text);
std::string keySelectList(const TableInfo &table);      // key columns as selected (binary as HEX)
std::string columnSelectList(const TableInfo &table);   // every column as the drill-down reads it
std::string keyEqualsPredicate(const TableInfo &table, const std::vector<std::string> &key);
// Boundary query for nibbling: the key of the n-th row from `lower` and the one after it.
std::string nibbleBoundarySql(const TableInfo &table, const ChunkBounds &from, std::uint64_t rows);

// --- Checksum runs (MariaDB/MySQL) ----------------------------------------------------------
struct ReplicaTarget
{
    std::string name;
    ConnectionOptions options;           // the admin account
    bool cascaded = false;               // its source is not the primary
};

struct ChecksumOptions
{
    std::vector<std::string> databases;  // empty: every database except the system ones
    std::vector<std::string> tables;     // "db.t"; empty: all of the databases'
    RowHashSpec rowHash;
    double chunkSeconds = 0.5;
    std::uint64_t initialChunkRows = 1000;
    double maxLagSeconds = 1.0;
    int maxThreadsRunning = 25;
    bool resume = false;                 // continue the last run from its last finished chunk
    std::string resultDatabase = "switchyard";
    std::string resultTable = "checksums";
    std::chrono::milliseconds replicaWait{120000};  // to catch up before comparing
};

enum class ChunkState { Match, Differs, Skipped, Pending };

struct ChunkResult
{
    int chunk = 0;
    ChunkBounds bounds;
    std::uint64_t primaryRows = 0;
    std::string primaryCrc;
    double seconds = 0;
    // Per replica (same order as the run's replicas): state and the replica's own values.
    std::vector<ChunkState> replicaState;
    std::vector<std::uint64_t> replicaRows;
    std::vector<std::string> replicaCrc;
};

struct TableResult
{
    std::string database, table;
    std::string keyName;
    std::vector<std::string> keyColumns;
    std::string skipReason;              // non-empty: skipped, and why
    std::uint64_t rows = 0;              // on the primary
    std::vector<ChunkResult> chunks;
    double seconds = 0;
    int resumedAtChunk = 0;              // >0: chunks before it came from an earlier run
    bool differs() const;
    int differingChunks(std::size_t replica) const;
};

struct ChecksumReport
{
    std::string primary;
    std::vector<std::string> replicas;
    std::vector<TableResult> tables;
    std::uint64_t rows = 0;
    double seconds = 0;
    double throttledSeconds = 0;
    bool cancelled = false;
    bool anyDifference() const;
    int skippedTables() const;
};

struct ChecksumProgress
{
    std::string database, table;
    int chunk = 0;
    std::uint64_t rowsDone = 0;          // over the whole run so far
    std::uint64_t rowsTotal = 0;         // estimate (information_schema)
    double elapsedSeconds = 0;
    std::string phase;                   // "checksum", "throttle", "compare", "done"
};

using ProgressCallback = std::function<void(const ChecksumProgress &)>;
using CancelFlag = std::shared_ptr<std::atomic<bool>>;

// Reads the tables to check (with columns and the chosen key) on the primary.
Result<std::vector<TableInfo>> loadTables(Connection &primary, const std::vector<std::string> &databases,
                                          const std::vector<std::string> &tables);
Result<TableInfo> loadTable(Connection &primary, const std::string &database, const std::string &table);

// Runs the checksums. `primary` must be the admin account (SET SESSION binlog_format needs
// SUPER or BINLOG ADMIN). Replicas are connected here with their options.
Result<ChecksumReport> runChecksum(Connection &primary, const std::vector<ReplicaTarget> &replicas,
                                   const ChecksumOptions &options, const ProgressCallback &progress = {},
                                   const CancelFlag &cancel = {});

// The replicas to check, from a discovered snapshot: every reachable replica, cascaded when its
// source is not the primary. `adminOptions(node)` supplies the connection options.
struct Targets
{
    const NodeStatus *primary = nullptr;
    std::vector<const NodeStatus *> replicas;
    std::vector<bool> cascaded;
};
Targets targetsFromSnapshot(const ClusterSnapshot &snapshot);

// Direct comparison of one chunk: primary's checksum now, the replica's after it has applied
// everything the primary had then. Used for cascaded replicas and to re-verify after repair.
struct DirectCompare
{
    std::uint64_t primaryRows = 0, replicaRows = 0;
    std::string primaryCrc, replicaCrc;
    bool match() const { return primaryRows == replicaRows && primaryCrc == replicaCrc; }
};
Result<DirectCompare> compareChunkDirect(Connection &primary, Connection &replica, const TableInfo &table,
                                         const RowHashSpec &spec, const ChunkBounds &bounds,
                                         std::chrono::milliseconds wait = std::chrono::seconds(60));

// --- Drill-down and repair --------------------------------------------------------------------
enum class RowDiffKind { Missing, Extra, Different };   // missing on / extra on / differs on the replica
std::string_view rowDiffKindName(RowDiffKind kind);     // "missing", "extra", "different"

struct RowDiff
{
    RowDiffKind kind = RowDiffKind::Different;
    std::vector<std::string> key;                        // key column values (text)
    std::string primaryHash, replicaHash;
    std::vector<std::optional<std::string>> primaryRow;  // all columns; empty when missing there
    std::vector<std::optional<std::string>> replicaRow;
};

// Keys and MD5 row hashes on both sides (replica after MASTER_GTID_WAIT for the primary's
// position), then the full rows of the keys that differ. Values of binary columns are hex.
Result<std::vector<RowDiff>> diffChunkRows(Connection &primary, Connection &replica, const TableInfo &table,
                                           const ChunkBounds &bounds, const RowHashSpec &spec = {},
                                           std::chrono::milliseconds wait = std::chrono::seconds(60));

enum class RepairTarget {
    Primary,   // REPLACE/DELETE on the primary with binlog_format=STATEMENT: every replica gets them
    Replica,   // on the drifted replica alone, with sql_log_bin=0
};

struct RepairPlan
{
    RepairTarget target = RepairTarget::Primary;
    std::string node;                    // where the statements run
    std::vector<std::string> sessionSetup;  // SET SESSION ... run first
    std::vector<std::string> statements;    // REPLACE INTO / DELETE FROM
    std::vector<std::string> warnings;      // for the preview (English; the UI words its own)
};

// REPLACE INTO for rows missing or different on the replica (primary's values), DELETE for rows
// only the replica has. Pure: unit-tested.
RepairPlan planRepair(const TableInfo &table, const std::vector<RowDiff> &diffs, RepairTarget target,
                      const std::string &node, bool cascadedReplica = false);
// Runs the plan's setup and statements on `conn` (in one transaction). Returns rows affected.
Result<std::uint64_t> applyRepair(Connection &conn, const RepairPlan &plan);

// --- PostgreSQL: two nodes from consistent snapshots -------------------------------------------
// A physical standby replays its primary's WAL: it is a byte-for-byte copy, so there is nothing
// to compare row by row; corruption there is fixed by a rebuild. What can drift is a logical
// replication subscriber (or any other copy made by SQL): compare it with its publisher here.
struct PgCompareOptions
{
    std::vector<std::string> tables;     // "schema.table" (or "table": public); empty: every user table
    std::uint64_t chunkRows = 20000;
    std::size_t maxRowDiffs = 1000;      // per table: differing keys listed at most (the chunks all are)
    // The two snapshots are taken a moment apart, and a subscriber applies a moment late: a row
    // written meanwhile differs without being drift. Each differing key is read again on both
    // sides up to `rechecks` times, `recheckWait` apart; a key that converges is dropped (and a
    // chunk whose listed keys all converged). 0: report the snapshots' differences as they are.
    int rechecks = 3;
    std::chrono::milliseconds recheckWait{500};
};
struct PgChunkDiff
{
    ChunkBounds bounds;                  // along the primary key; lower exclusive, upper inclusive
    std::uint64_t rowsA = 0, rowsB = 0;
};
struct PgTableResult
{
    std::string schema, table;
    std::vector<std::string> keyColumns;
    std::string skipReason;              // non-empty: not compared, and why (e.g. "no primary key")
    bool missingOnA = false, missingOnB = false;   // a difference, not a skip
    std::uint64_t rowsA = 0, rowsB = 0;
    int chunks = 0;
    std::vector<PgChunkDiff> differingChunks;
    // The rows behind the differing chunks (Missing: only on a; Extra: only on b; Different),
    // at most PgCompareOptions::maxRowDiffs; rowDiffsTruncated when there were more.
    std::vector<RowDiff> rowDiffs;
    bool rowDiffsTruncated = false;
    bool differs() const { return missingOnA || missingOnB || !differingChunks.empty(); }
};
struct PgCompareReport
{
    std::string a, b;                    // node labels
    std::vector<PgTableResult> tables;
    std::uint64_t rows = 0;              // on a
    double seconds = 0;
    bool anyDifference() const;
    int skippedTables() const;
};
// The byte-identical check alone: Unsupported (message: byte-identical by design, rebuild if
// suspected) when one node is a physical standby of the other's cluster - same system
// identifier and one of them in recovery. ok otherwise.
Status checkNotPhysicalCopy(Connection &a, Connection &b);
// Both sides in REPEATABLE READ READ ONLY transactions (each its own snapshot, taken at the same
// moment as far as the client can); every setting that changes a value's text (TimeZone,
// DateStyle, IntervalStyle, extra_float_digits, bytea_output) is pinned. Chunks along the
// primary key, bounds taken on a; each chunk hashed as md5 of the ordered row md5s (x::text);
// a differing chunk is drilled down to its keys in the same snapshots, then re-checked (see
// PgCompareOptions::rechecks). Tables without a primary key are skipped with the reason.
// Cancel gives Cancelled.
Result<PgCompareReport> comparePostgres(Connection &a, Connection &b, const PgCompareOptions &options,
                                        const CancelFlag &cancel = {});

} // namespace switchyard::core::checksum
