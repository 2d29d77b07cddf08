#include "switchyard/core/discovery.h"

#include "switchyard/core/probe.h"

#include <chrono>
#include <thread>

namespace switchyard::core {

void probeAll(std::vector<NodeStatus> &nodes, const std::vector<ConnectionOptions> &options)
{
    std::vector<std::thread> threads;
    threads.reserve(nodes.size());
    for (std::size_t i = 0; i < nodes.size() && i < options.size(); ++i) {
        threads.emplace_back([&node = nodes[i], &opt = options[i]] {
            auto connection = createConnection(opt);
            if (Status s = connection->connect(); !s) {
                node.reachability = Reachability::Unreachable;
                node.lastError = s.error();
                return;
            }
            // The outcome is recorded in `node` (reachability, lastError).
            static_cast<void>(probeNode(*connection, node));
            connection->close();
        });
    }
    for (std::thread &t : threads)
        t.join();
}

ClusterSnapshot discoverCluster(const std::vector<DiscoverySeed> &seeds, const DiscoveryOptions &o)
{
    std::vector<NodeStatus> nodes;
    std::vector<ConnectionOptions> opts;
    for (const DiscoverySeed &seed : seeds) {
        NodeStatus n;
        n.host = seed.options.host;
        n.port = seed.options.port;
        n.name = seed.name.empty() ? normalizedEndpoint(n.host, n.port) : seed.name;
        nodes.push_back(std::move(n));
        opts.push_back(seed.options);
    }
    if (seeds.empty())
        return {};

    // Crawl: probe what we know, add what they mention, until nothing new (or the cap).
    std::size_t probed = 0;
    while (probed < nodes.size()) {
        std::vector<NodeStatus> batch(nodes.begin() + static_cast<std::ptrdiff_t>(probed), nodes.end());
        std::vector<ConnectionOptions> batchOpts(opts.begin() + static_cast<std::ptrdiff_t>(probed), opts.end());
        probeAll(batch, batchOpts);
        std::copy(batch.begin(), batch.end(), nodes.begin() + static_cast<std::ptrdiff_t>(probed));
        probed = nodes.size();
        if (!o.crawl)
            break;
        ClusterSnapshot partial;
        partial.nodes = nodes;
        for (const auto &[host, port] : undiscoveredEndpoints(partial)) {
            if (nodes.size() >= o.maxNodes)
                break;
            ConnectionOptions co = seeds.front().options;
            co.host = host;
            co.port = port;
            co.nodeName = normalizedEndpoint(host, port);
            NodeStatus n;
            n.host = host;
            n.port = port;
            n.name = co.nodeName;
            nodes.push_back(std::move(n));
            opts.push_back(std::move(co));
        }
    }

    const auto stamp = [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    };
    ClusterSnapshot first;
    first.generation = 1;
    first.takenAtMs = stamp();
    first.nodes = nodes;
    buildTopology(first, o.topology, nullptr);

    // Second sample confirms errant GTIDs (and shows the freshest state).
    std::this_thread::sleep_for(o.confirmGap);
    probeAll(nodes, opts);
    ClusterSnapshot second;
    second.generation = 2;
    second.takenAtMs = stamp();
    second.nodes = std::move(nodes);
    buildTopology(second, o.topology, &first);
    return second;
}

} // namespace switchyard::core
