// From node facts to a topology: who replicates from whom (edges) and what is wrong (problems).
// Pure functions over a ClusterSnapshot; no I/O, so the monitor, the CLI and unit tests share
// them.
//
// Thread contract: pure; call from any thread on a snapshot nobody else is modifying.
#pragma once

#include "switchyard/core/snapshot.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace switchyard::core {

struct TopologyOptions
{
    double lagWarnSeconds = 10.0;
    double lagCriticalSeconds = 30.0;
};

// "host:port" with localhost spelled 127.0.0.1, so a replica's Master_Host and a profile's seed
// name the same node the same way.
std::string normalizedEndpoint(std::string_view host, std::uint16_t port);

// Fills snapshot.edges and snapshot.problems (most severe first) from snapshot.nodes.
// `previous` is the snapshot before (may be null): errant GTIDs are reported only when the same
// errant set was seen in both, so a transaction caught in flight is not an alarm.
void buildTopology(ClusterSnapshot &snapshot, const TopologyOptions &options, const ClusterSnapshot *previous);

// Endpoints the nodes mention (channel sources, registered replicas) that are not nodes of the
// snapshot yet: where discovery crawls next.
std::vector<std::pair<std::string, std::uint16_t>> undiscoveredEndpoints(const ClusterSnapshot &snapshot);

// Errant transactions of `replica` relative to `primary`: GTIDs the replica executed that the
// primary never did (orchestrator's formula: replica's executed set minus the primary's), as
// text; empty when none or when the flavour's GTID state is unknown.
std::vector<std::string> errantGtids(const NodeStatus &replica, const NodeStatus &primary);

} // namespace switchyard::core
