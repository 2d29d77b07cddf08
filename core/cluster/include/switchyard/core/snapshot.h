// The state of a cluster as one polling round saw it. Immutable once built: the monitor's
// worker threads produce NodeStatus values, the monitor assembles a ClusterSnapshot and hands
// the GUI thread a shared_ptr<const ClusterSnapshot>, which it swaps in whole.
//
// Unknown is not zero: every measurement that may be missing is a std::optional, and a node
// that did not answer keeps its last known facts but says it did not answer.
//
// Thread contract: plain values; a published snapshot is never modified.
#pragma once

#include "switchyard/core/connection.h"
#include "switchyard/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace switchyard::core {

enum class NodeRole { Unknown, Primary, Replica };
std::string_view nodeRoleName(NodeRole role);  // "unknown", "primary", "replica"

enum class Reachability {
    Unknown,      // not polled yet
    Reachable,    // answered this round
    Unreachable,  // the last attempt failed (see lastError)
    NoAnswer,     // still busy with an earlier request when the round closed (hung or slow)
};
std::string_view reachabilityName(Reachability reachability);

// One replication stream into a node: the unnamed default channel, a MariaDB multi-source
// connection name, or a PostgreSQL WAL receiver.
struct ReplicationChannel
{
    std::string name;                     // "" for the default channel
    std::string sourceHost;
    std::uint16_t sourcePort = 0;
    std::optional<bool> ioRunning;        // receiving (IO thread / WAL receiver streaming)
    bool ioConnecting = false;            // not receiving but retrying: an IO thread "Connecting",
                                          // a WAL receiver starting, restarting or waiting
    std::optional<bool> sqlRunning;       // applying (SQL thread / replay not paused)
    std::optional<double> lagSeconds;     // nullopt = unknown (never 0 by default)
    std::string ioError;                  // Last_IO_Error / receiver status text
    std::string sqlError;                 // Last_SQL_Error
    int ioErrno = 0, sqlErrno = 0;
    std::string gtidIoPos;                // MariaDB Gtid_IO_Pos / MySQL Retrieved_Gtid_Set
    std::string usingGtid;                // MariaDB Using_Gtid (No, Current_Pos, Slave_Pos)
    std::string sourceLogFile;            // binlog coordinates being read
    std::uint64_t readSourceLogPos = 0;
    std::string replicationUser;          // Master_User
    std::optional<std::uint64_t> receivedLsn;   // PostgreSQL: written/flushed by the receiver
    std::optional<std::uint64_t> replayedLsn;   // PostgreSQL: replayed
};

// A replica the node itself reports as connected downstream (SHOW SLAVE HOSTS, the binlog
// dump threads, pg_stat_replication).
struct DownstreamReplica
{
    std::string host;
    std::uint16_t port = 0;              // 0 when the source does not know it (PostgreSQL)
    std::string applicationName;         // PostgreSQL application_name
    std::string state;                   // "streaming", "catchup", "Binlog Dump GTID", ...
    std::string syncState;               // PostgreSQL: async, sync, potential, quorum
    std::optional<std::uint64_t> sentLsn, flushLsn, replayLsn;
    std::optional<double> replayLagSeconds;
    std::int64_t serverId = 0;           // MySQL family: replica's server_id
};

struct ReplicationSlot
{
    std::string name;
    std::string type;                    // physical / logical
    bool active = false;
    std::optional<std::uint64_t> retainedBytes;  // WAL kept for this slot
};

// Cumulative server counters at the time of the probe; rates come from deltas between two
// snapshots (a counter that went down means a restart: no rate for that interval).
struct NodeCounters
{
    std::optional<std::uint64_t> queries;        // Questions / (PG) none
    std::optional<std::uint64_t> commits;        // Com_commit / xact_commit
    std::optional<std::uint64_t> rollbacks;      // Com_rollback / xact_rollback
    std::optional<std::uint64_t> rowsRead;       // Innodb_rows_read / tup_returned + tup_fetched
    std::optional<std::uint64_t> rowsInserted;   // Innodb_rows_inserted / tup_inserted
    std::optional<std::uint64_t> rowsUpdated;    // Innodb_rows_updated / tup_updated
    std::optional<std::uint64_t> rowsDeleted;    // Innodb_rows_deleted / tup_deleted
    std::optional<std::int64_t> connections;     // Threads_connected / numbackends
    std::optional<std::int64_t> threadsRunning;  // Threads_running / active backends
    std::optional<std::uint64_t> uptimeSeconds;  // Uptime / now() - pg_postmaster_start_time()
};

struct NodeStatus
{
    std::string name;            // display name: profile label or host:port
    std::string host;
    std::uint16_t port = 0;
    Reachability reachability = Reachability::Unknown;
    std::optional<Error> lastError;

    Flavor flavor = Flavor::Unknown;
    std::string version;         // server's version string
    NodeRole role = NodeRole::Unknown;
    std::optional<bool> readOnly;         // read_only (MySQL family) / in recovery (PostgreSQL)
    std::optional<double> lagSeconds;     // replicas only; nullopt = unknown, never 0 by default
    std::string replicationSource;        // "host:port" the replica replicates from, if known
    std::optional<bool> ioThreadRunning;  // MySQL family: Slave_IO_Running == Yes; PG: receiver streaming
    std::optional<bool> sqlThreadRunning; // MySQL family: Slave_SQL_Running == Yes; PG: replay not paused
    std::string replicationError;         // last IO/SQL error text, if any
    std::int64_t serverId = 0;            // @@server_id (MySQL family)

    // Discovery detail (filled by the full probe; empty when not known).
    std::string serverUuid;               // MySQL @@server_uuid; PostgreSQL system identifier
    std::string gtidExecuted;             // MySQL @@gtid_executed; MariaDB @@gtid_binlog_pos
    std::string gtidBinlogState;          // MariaDB @@gtid_binlog_state: last seq of every domain-server pair
    std::string gtidCurrentPos;           // MariaDB @@gtid_current_pos
    std::string gtidSlavePos;             // MariaDB @@gtid_slave_pos
    std::string gtidDomainId;             // MariaDB @@gtid_domain_id
    std::optional<bool> gtidMode;         // MySQL gtid_mode=ON / MariaDB: GTID in use
    std::string binlogFormat;             // ROW, MIXED, STATEMENT; empty when binlog off
    std::optional<bool> logBin;
    std::optional<bool> logReplicaUpdates;  // log_slave_updates / log_replica_updates
    std::optional<bool> superReadOnly;      // MySQL only
    std::string semiSync;                 // "source", "replica", "both", "" (off/unknown)
    std::optional<std::uint64_t> currentLsn;  // PostgreSQL: pg_current_wal_lsn / last received on a standby
    std::optional<int> timeline;          // PostgreSQL timeline id
    std::optional<bool> walLogHints;      // PostgreSQL: needed by pg_rewind (or data checksums)
    std::optional<bool> dataChecksums;
    std::vector<ReplicationChannel> channels;
    std::vector<DownstreamReplica> downstream;
    std::vector<ReplicationSlot> replicationSlots;  // not "slots": that is a Qt macro
    std::vector<std::string> errantGtids;  // confirmed by a second sample before reported
    NodeCounters counters;

    std::int64_t checkedAtMs = 0;         // wall clock (ms since epoch) of the last answer
    std::int64_t roundTripMs = -1;        // duration of the last probe; -1 unknown
    int queriesLastRound = 0;             // statements the last probe sent (polling budget)
};

enum class EdgeState { Running, Lagging, Stopped, Error, Unknown };
std::string_view edgeStateName(EdgeState state);

// source -> replica, indices into ClusterSnapshot::nodes.
struct ReplicationEdge
{
    std::size_t source = 0;
    std::size_t replica = 0;
    std::string channel;
    EdgeState state = EdgeState::Unknown;
    std::optional<double> lagSeconds;
};

enum class Severity { Info = 0, Warning = 1, Critical = 2 };
std::string_view severityName(Severity severity);

enum class ProblemKind {
    PrimaryUnreachable,
    NodeUnreachable,
    ReplicationIoStopped,
    ReplicationSqlStopped,
    ReplicationError,
    LagWarning,
    LagCritical,
    LagUnknown,
    ReadOnlyMismatch,        // a replica writable, or the primary read-only
    MultiplePrimaries,       // more than one writable primary
    NoPrimary,
    ErrantGtid,
    InactiveSlot,            // PostgreSQL slot not in use, retaining WAL
    SwitchoverBlocker,       // a setting or account that would block a switchover
};
std::string_view problemKindName(ProblemKind kind);

struct Problem
{
    Severity severity = Severity::Warning;
    ProblemKind kind = ProblemKind::NodeUnreachable;
    std::vector<std::string> nodes;   // node names
    std::string detail;               // technical detail in English (the UI words the kind)
};

struct ClusterSnapshot
{
    std::uint64_t generation = 0;   // round number; a higher one supersedes a lower one
    std::int64_t takenAtMs = 0;
    std::vector<NodeStatus> nodes;
    std::vector<ReplicationEdge> edges;
    std::vector<Problem> problems;  // most severe first

    const NodeStatus *find(std::string_view name) const;
    int countReachable() const;
};


} // namespace switchyard::core
