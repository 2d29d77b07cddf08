// The router's view of a cluster: which nodes exist, which one is the primary, and what the
// monitor last saw of each (health, lag, applied position, load). The console fills it from
// its live ClusterSnapshot; applications fill it from their own health checks, or from
// switchyard::core probes.
//
// Unknown is never zero: a replica whose lag is unknown has lagSeconds == nullopt, and a
// consistency level that needs a bound treats it as ineligible.
//
// Thread contract: plain values; copy freely between threads.
#pragma once

#include "switchyard/routing/gtid.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::routing {

enum class NodeRole : std::uint8_t { Primary, Replica };
enum class NodeHealth : std::uint8_t {
    Up,           // answering, replicating (for a replica)
    Down,         // not reachable or replication broken
    Maintenance,  // drained by an operator
    Unknown,      // no data yet
};

std::string_view nodeRoleName(NodeRole role);          // "primary", "replica"
std::string_view nodeHealthName(NodeHealth health);    // "up", "down", "maintenance", "unknown"
std::optional<NodeRole> parseNodeRole(std::string_view text);
std::optional<NodeHealth> parseNodeHealth(std::string_view text);

struct NodeView
{
    std::string name;
    NodeRole role = NodeRole::Replica;
    NodeHealth health = NodeHealth::Up;
    std::optional<double> lagSeconds;      // replicas: seconds behind; nullopt = unknown
    ReplicationPosition position;          // executed GTID set / gtid_current_pos / replay LSN
    std::uint32_t weight = 1;              // 0 drains the node (no new reads)
    std::uint32_t openConnections = 0;     // for least-connections and EWMA cost
    std::optional<double> responseTimeMs;  // moving average of statement response time
};

struct TopologyView
{
    std::vector<NodeView> nodes;
    // Each new generation counts as one lag sample for the hysteresis; 0 means "always new".
    std::uint64_t generation = 0;

    // The first node with role Primary, or -1.
    int primaryIndex() const;
    int indexOf(std::string_view name) const;

    // One primary "primary" and `replicas` healthy replicas "replica1".. with no lag: what
    // the CLI routes against without --topology.
    static TopologyView simple(int replicas = 2);
};

} // namespace switchyard::routing
