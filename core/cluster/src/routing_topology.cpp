#include "switchyard/core/routing_topology.h"

namespace switchyard::core {

namespace {

routing::Dialect dialectOf(Flavor flavor, routing::Dialect fallback)
{
    switch (flavor) {
    case Flavor::MySQL:
        return routing::Dialect::MySQL;
    case Flavor::MariaDB:
        return routing::Dialect::MariaDB;
    case Flavor::PostgreSQL:
        return routing::Dialect::PostgreSQL;
    case Flavor::Unknown:
        break;
    }
    return fallback;
}

} // namespace

int snapshotPrimaryIndex(const ClusterSnapshot &snapshot)
{
    for (std::size_t i = 0; i < snapshot.nodes.size(); ++i)
        if (snapshot.nodes[i].role == NodeRole::Primary)
            return static_cast<int>(i);
    return -1;
}

routing::Dialect routingDialect(const ClusterSnapshot &snapshot, routing::Dialect fallback)
{
    const int p = snapshotPrimaryIndex(snapshot);
    if (p >= 0 && snapshot.nodes[static_cast<std::size_t>(p)].flavor != Flavor::Unknown)
        return dialectOf(snapshot.nodes[static_cast<std::size_t>(p)].flavor, fallback);
    for (const NodeStatus &n : snapshot.nodes)
        if (n.flavor != Flavor::Unknown)
            return dialectOf(n.flavor, fallback);
    return fallback;
}

std::optional<routing::ServerVersion> routingServerVersion(const ClusterSnapshot &snapshot)
{
    const int p = snapshotPrimaryIndex(snapshot);
    if (p >= 0) {
        if (auto v = routing::ServerVersion::parse(snapshot.nodes[static_cast<std::size_t>(p)].version))
            return v;
    }
    for (const NodeStatus &n : snapshot.nodes)
        if (n.reachability == Reachability::Reachable)
            if (auto v = routing::ServerVersion::parse(n.version))
                return v;
    return std::nullopt;
}

RoutingHealthCause routingHealthCause(const NodeStatus &node)
{
    switch (node.reachability) {
    case Reachability::Unknown:
        return RoutingHealthCause::NotPolledYet;
    case Reachability::Unreachable:
        return RoutingHealthCause::Unreachable;
    case Reachability::NoAnswer:
        return RoutingHealthCause::NoAnswer;
    case Reachability::Reachable:
        break;
    }
    if (node.role == NodeRole::Unknown)
        return RoutingHealthCause::RoleUnknown;
    if (node.role == NodeRole::Replica && (node.ioThreadRunning == std::optional<bool>(false) ||
                                           node.sqlThreadRunning == std::optional<bool>(false)))
        return RoutingHealthCause::ReplicationStopped;
    return RoutingHealthCause::Answering;
}

routing::NodeHealth routingHealth(const NodeStatus &node)
{
    switch (routingHealthCause(node)) {
    case RoutingHealthCause::Answering:
        return routing::NodeHealth::Up;
    case RoutingHealthCause::NotPolledYet:
    case RoutingHealthCause::RoleUnknown:
        return routing::NodeHealth::Unknown;
    case RoutingHealthCause::Unreachable:
    case RoutingHealthCause::NoAnswer:
    case RoutingHealthCause::ReplicationStopped:
        break;
    }
    return routing::NodeHealth::Down;
}

std::string routingPositionText(const NodeStatus &node, routing::Dialect dialect)
{
    switch (dialect) {
    case routing::Dialect::MySQL:
        return node.gtidExecuted;
    case routing::Dialect::MariaDB:
        if (!node.gtidCurrentPos.empty())
            return node.gtidCurrentPos;
        if (node.role != NodeRole::Primary && !node.gtidSlavePos.empty())
            return node.gtidSlavePos;
        return node.gtidExecuted; // @@gtid_binlog_pos
    case routing::Dialect::PostgreSQL:
        if (node.role == NodeRole::Primary) {
            if (node.currentLsn)
                return routing::Lsn(*node.currentLsn).toString();
            return {};
        }
        for (const ReplicationChannel &c : node.channels)
            if (c.replayedLsn)
                return routing::Lsn(*c.replayedLsn).toString();
        return {};
    }
    return {};
}

routing::TopologyView routingTopology(const ClusterSnapshot &snapshot, routing::Dialect dialect,
                                      const RoutingTopologyOptions &options)
{
    routing::TopologyView view;
    view.generation = snapshot.generation;
    view.nodes.reserve(snapshot.nodes.size());
    for (const NodeStatus &n : snapshot.nodes) {
        routing::NodeView v;
        v.name = n.name;
        v.role = n.role == NodeRole::Primary ? routing::NodeRole::Primary : routing::NodeRole::Replica;
        v.health = routingHealth(n);
        if (n.role != NodeRole::Primary)
            v.lagSeconds = n.lagSeconds;
        const std::string position = routingPositionText(n, dialect);
        if (!position.empty()) {
            if (auto p = routing::ReplicationPosition::parse(dialect, position))
                v.position = std::move(p).value();
        }
        if (auto it = options.weights.find(n.name); it != options.weights.end())
            v.weight = it->second;
        if (n.counters.connections && *n.counters.connections > 0)
            v.openConnections = static_cast<std::uint32_t>(*n.counters.connections);
        if (n.roundTripMs >= 0)
            v.responseTimeMs = static_cast<double>(n.roundTripMs);
        view.nodes.push_back(std::move(v));
    }
    return view;
}

} // namespace switchyard::core
