// Per-round figures for the history: replication lag of every replica, and throughput of every
// node from the difference between two consecutive snapshots' cumulative counters.
//
// Unknown is not zero. A node that did not answer this round, a replica whose lag the server
// does not report (stopped SQL thread, NULL Seconds_Behind_Master), a counter that went down
// (server restarted), or a first round without a previous one: all give std::nullopt, and the
// charts draw a gap there.
//
// Thread contract: pure functions over values; call from any thread.
#pragma once

#include "switchyard/core/snapshot.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::core {

struct NodeSample
{
    std::string node;                                 // NodeStatus::name
    NodeRole role = NodeRole::Unknown;
    bool reachable = false;                           // answered this round
    // Replicas only.
    std::optional<double> lagSeconds;                 // the worst channel's lag
    std::optional<std::uint64_t> bytesBehind;         // PostgreSQL: source's current LSN - replayed LSN
    std::optional<std::uint64_t> transactionsBehind;  // MariaDB/MySQL: GTIDs the source has and the replica lacks
    // Rates over the interval since the previous snapshot (per second).
    std::optional<double> queriesPerSecond;           // MySQL family only (PostgreSQL has no such counter)
    std::optional<double> transactionsPerSecond;      // commits + rollbacks
    std::optional<double> rowsReadPerSecond;
    std::optional<double> rowsWrittenPerSecond;       // inserted + updated + deleted
    // Gauges at the time of the probe.
    std::optional<std::int64_t> connections;
    std::optional<std::int64_t> threadsRunning;
};

struct RoundSample
{
    std::uint64_t generation = 0;
    std::int64_t takenAtMs = 0;
    std::vector<NodeSample> nodes;   // in snapshot order

    const NodeSample *find(std::string_view node) const;
};

// Samples for `current`; `previous` (may be null) is the snapshot before it, for the rates.
RoundSample computeMetrics(const ClusterSnapshot &current, const ClusterSnapshot *previous);

// GTID distance helpers (exposed for tests).
// MariaDB: for every domain present in both positions, source seq - replica seq (if positive),
// summed. Domains only the source has count their whole seq. Nullopt when either text does not
// parse or the replica is ahead in every shared domain while behind in none (then 0).
std::optional<std::uint64_t> mariaDbTransactionsBehind(std::string_view sourcePos, std::string_view replicaPos);
// MySQL: number of transactions in the source's gtid_executed that the replica's lacks.
std::optional<std::uint64_t> mySqlTransactionsBehind(std::string_view sourceSet, std::string_view replicaSet);

} // namespace switchyard::core
