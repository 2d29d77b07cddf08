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

    std::int64_t checkedAtMs = 0;         // wall clock (ms since epoch) of the last answer
    std::int64_t roundTripMs = -1;        // duration of the last probe; -1 unknown
    int queriesLastRound = 0;             // statements the last probe sent (polling budget)
};

struct ClusterSnapshot
{
    std::uint64_t generation = 0;   // round number; a higher one supersedes a lower one
    std::int64_t takenAtMs = 0;
    std::vector<NodeStatus> nodes;

    const NodeStatus *find(std::string_view name) const;
    int countReachable() const;
};

// One probe of one node over an open connection: a few statements, each bounded by the
// connection's read timeout. Fills what it learns into `status` (keeps name/host/port).
// Returns the first error that made the probe fail; partial facts stay in `status`.
Status probeNode(Connection &connection, NodeStatus &status);

} // namespace switchyard::core
