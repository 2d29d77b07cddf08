// One-shot discovery: probe the seeds in parallel, crawl to every node they mention (sources of
// replication channels, registered replicas) with the same credentials, and build the topology.
// Two samples a short gap apart, so errant GTIDs are confirmed before they are reported.
// Used by `switchyard-cli topology`; the console's monitor does the same continuously.
//
// Thread contract: blocking; runs probes on its own threads and returns when every probe has
// answered or timed out (bounded by the connect and read timeouts). Never call on a GUI thread.
#pragma once

#include "switchyard/core/connection.h"
#include "switchyard/core/snapshot.h"
#include "switchyard/core/topology.h"

#include <chrono>
#include <string>
#include <vector>

namespace switchyard::core {

struct DiscoverySeed
{
    std::string name;            // display name; empty: host:port
    ConnectionOptions options;   // with credentials
};

struct DiscoveryOptions
{
    TopologyOptions topology;
    std::size_t maxNodes = 128;                        // stop crawling beyond this
    std::chrono::milliseconds confirmGap{300};          // between the two samples
    bool crawl = true;
};

ClusterSnapshot discoverCluster(const std::vector<DiscoverySeed> &seeds, const DiscoveryOptions &options = {});

// Probes every node once, in parallel, each on a fresh connection. `nodes` keep their names.
void probeAll(std::vector<NodeStatus> &nodes, const std::vector<ConnectionOptions> &options);

} // namespace switchyard::core
