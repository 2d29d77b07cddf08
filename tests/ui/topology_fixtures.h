// Snapshots of realistic clusters for the graph, details, problems and cluster-view tests, the
// screenshots and the benchmark: what discovery would report for a few MariaDB and PostgreSQL
// shapes. Plain values built by hand; nothing here talks to a server.
#pragma once

#include "switchyard/core/snapshot.h"

#include <memory>
#include <optional>
#include <string>

namespace switchyard::fixtures {

inline core::NodeStatus node(const std::string &name, std::uint16_t port, core::NodeRole role,
                             std::optional<double> lag = std::nullopt,
                             core::Flavor flavor = core::Flavor::MariaDB)
{
    core::NodeStatus n;
    n.name = name;
    n.host = "10.0.0." + std::to_string(port % 100);
    n.port = port;
    n.role = role;
    n.flavor = flavor;
    n.reachability = core::Reachability::Reachable;
    n.version = flavor == core::Flavor::PostgreSQL ? "16.4 (Debian 16.4-1.pgdg120+2)"
                                                   : "10.11.6-MariaDB-0+deb12u1-log";
    n.readOnly = role == core::NodeRole::Replica;
    n.serverId = port;
    n.checkedAtMs = 1'790'000'000'000;
    n.roundTripMs = 3;
    n.queriesLastRound = 3;
    if (role == core::NodeRole::Replica) {
        n.lagSeconds = lag;
        n.ioThreadRunning = true;
        n.sqlThreadRunning = true;
    }
    n.logBin = true;
    n.binlogFormat = flavor == core::Flavor::PostgreSQL ? "" : "ROW";
    n.gtidMode = flavor != core::Flavor::PostgreSQL;
    return n;
}

inline std::size_t add(core::ClusterSnapshot &s, core::NodeStatus n)
{
    s.nodes.push_back(std::move(n));
    return s.nodes.size() - 1;
}

// Adds source -> replica, with the replica's channel and source filled in consistently.
inline void link(core::ClusterSnapshot &s, std::size_t source, std::size_t replica,
                 core::EdgeState state = core::EdgeState::Running, std::string channel = {})
{
    core::ReplicationEdge e;
    e.source = source;
    e.replica = replica;
    e.channel = channel;
    e.state = state;
    core::NodeStatus &r = s.nodes[replica];
    const core::NodeStatus &src = s.nodes[source];
    if (state == core::EdgeState::Running || state == core::EdgeState::Lagging)
        e.lagSeconds = r.lagSeconds;
    s.edges.push_back(e);
    r.replicationSource = src.host + ":" + std::to_string(src.port);
    core::ReplicationChannel ch;
    ch.name = channel;
    ch.sourceHost = src.host;
    ch.sourcePort = src.port;
    ch.ioRunning = state != core::EdgeState::Stopped;
    ch.sqlRunning = state != core::EdgeState::Stopped && state != core::EdgeState::Error;
    ch.lagSeconds = e.lagSeconds;
    ch.usingGtid = "Slave_Pos";
    ch.replicationUser = "repl";
    r.channels.push_back(ch);
    core::NodeStatus &sn = s.nodes[source];
    core::DownstreamReplica d;
    d.host = r.host;
    d.port = r.port;
    d.state = "Binlog Dump GTID";
    d.serverId = r.serverId;
    sn.downstream.push_back(d);
}

inline void problem(core::ClusterSnapshot &s, core::Severity severity, core::ProblemKind kind,
                    std::vector<std::string> nodes, std::string detail = {})
{
    s.problems.push_back({severity, kind, std::move(nodes), std::move(detail)});
}

// 1 primary + 2 replicas, all fine.
inline std::shared_ptr<core::ClusterSnapshot> tree(std::optional<double> lagB = 0.4,
                                                   std::uint64_t generation = 1)
{
    auto s = std::make_shared<core::ClusterSnapshot>();
    s->generation = generation;
    const auto p = add(*s, node("db1", 3306, core::NodeRole::Primary));
    const auto a = add(*s, node("db2", 3307, core::NodeRole::Replica, 0.0));
    const auto b = add(*s, node("db3", 3308, core::NodeRole::Replica, lagB));
    link(*s, p, a);
    link(*s, p, b, lagB ? core::EdgeState::Running : core::EdgeState::Unknown);
    return s;
}

// MariaDB, 3 nodes: one replica lagging past critical, the other with its SQL thread stopped.
inline std::shared_ptr<core::ClusterSnapshot> mariadbTrouble()
{
    auto s = std::make_shared<core::ClusterSnapshot>();
    s->generation = 42;
    s->takenAtMs = 1'790'000'000'000;
    const auto p = add(*s, node("db1", 3306, core::NodeRole::Primary));
    s->nodes[p].gtidExecuted = "0-3306-18422";
    s->nodes[p].gtidCurrentPos = "0-3306-18422";
    s->nodes[p].semiSync = "source";
    const auto lagging = add(*s, node("db2", 3307, core::NodeRole::Replica, 47.0));
    const auto stopped = add(*s, node("db3", 3308, core::NodeRole::Replica, std::nullopt));
    s->nodes[stopped].sqlThreadRunning = false;
    s->nodes[stopped].replicationError = "Error 'Duplicate entry '1042' for key 'PRIMARY'' on query";
    link(*s, p, lagging, core::EdgeState::Lagging);
    link(*s, p, stopped, core::EdgeState::Error);
    s->nodes[stopped].channels.back().sqlError = s->nodes[stopped].replicationError;
    s->nodes[stopped].channels.back().sqlErrno = 1062;
    problem(*s, core::Severity::Warning, core::ProblemKind::LagCritical, {"db2"}, "Seconds_Behind_Master=47");
    problem(*s, core::Severity::Critical, core::ProblemKind::ReplicationSqlStopped, {"db3"},
            "Last_SQL_Errno 1062: Duplicate entry '1042' for key 'PRIMARY'");
    problem(*s, core::Severity::Info, core::ProblemKind::SwitchoverBlocker, {"db3"}, "log_slave_updates=OFF");
    problem(*s, core::Severity::Critical, core::ProblemKind::ErrantGtid, {"db3"}, "0-3308-17");
    s->nodes[stopped].errantGtids = {"0-3308-17"};
    s->nodes[stopped].logReplicaUpdates = false;
    return s;
}

// A chain: primary -> relay -> leaf, plus a second replica on the relay.
inline std::shared_ptr<core::ClusterSnapshot> cascade()
{
    auto s = std::make_shared<core::ClusterSnapshot>();
    const auto p = add(*s, node("dc1-primary", 3306, core::NodeRole::Primary));
    const auto r1 = add(*s, node("dc1-replica", 3307, core::NodeRole::Replica, 0.0));
    const auto relay = add(*s, node("dc2-relay", 3310, core::NodeRole::Replica, 1.2));
    s->nodes[relay].logReplicaUpdates = true;
    const auto a = add(*s, node("dc2-report", 3311, core::NodeRole::Replica, 14.0));
    const auto b = add(*s, node("dc2-backup", 3312, core::NodeRole::Replica, 3.0));
    const auto c = add(*s, node("dc2-analytics", 3313, core::NodeRole::Replica, 2.0));
    link(*s, p, r1);
    link(*s, p, relay);
    link(*s, relay, a, core::EdgeState::Lagging);
    link(*s, relay, b);
    link(*s, a, c);
    problem(*s, core::Severity::Warning, core::ProblemKind::LagWarning, {"dc2-report"},
            "Seconds_Behind_Master=14");
    return s;
}

// Co-primaries replicating from each other, each with its own replica.
inline std::shared_ptr<core::ClusterSnapshot> coPrimary()
{
    auto s = std::make_shared<core::ClusterSnapshot>();
    auto east = node("east", 3306, core::NodeRole::Replica, 0.0);
    east.readOnly = false;
    auto west = node("west", 3406, core::NodeRole::Replica, 2.0);
    west.readOnly = true;
    const auto e = add(*s, east);
    const auto w = add(*s, west);
    const auto er = add(*s, node("east-r1", 3307, core::NodeRole::Replica, 0.0));
    const auto wr = add(*s, node("west-r1", 3407, core::NodeRole::Replica, 5.0));
    link(*s, e, w);
    link(*s, w, e);
    link(*s, e, er);
    link(*s, w, wr);
    return s;
}

// A node replicating from two sources (MariaDB multi-source, named connections).
inline std::shared_ptr<core::ClusterSnapshot> multiSource()
{
    auto s = std::make_shared<core::ClusterSnapshot>();
    const auto a = add(*s, node("sales", 3306, core::NodeRole::Primary));
    const auto b = add(*s, node("billing", 3406, core::NodeRole::Primary));
    const auto agg = add(*s, node("warehouse", 3506, core::NodeRole::Replica, 4.0));
    const auto ar = add(*s, node("sales-r1", 3307, core::NodeRole::Replica, 0.0));
    link(*s, a, agg, core::EdgeState::Running, "sales");
    link(*s, b, agg, core::EdgeState::Stopped, "billing");
    link(*s, a, ar);
    return s;
}

// Circular replication a -> b -> c -> a, c the writable one.
inline std::shared_ptr<core::ClusterSnapshot> ring()
{
    auto s = std::make_shared<core::ClusterSnapshot>();
    const auto a = add(*s, node("ring-a", 3306, core::NodeRole::Replica, 0.0));
    const auto b = add(*s, node("ring-b", 3307, core::NodeRole::Replica, 0.0));
    auto cn = node("ring-c", 3308, core::NodeRole::Replica, 1.0);
    cn.readOnly = false;
    const auto c = add(*s, cn);
    link(*s, a, b);
    link(*s, b, c);
    link(*s, c, a);
    return s;
}

// A chain p -> r1 -> r2.
inline std::shared_ptr<core::ClusterSnapshot> chain()
{
    auto s = std::make_shared<core::ClusterSnapshot>();
    const auto p = add(*s, node("p", 5432, core::NodeRole::Primary, std::nullopt, core::Flavor::PostgreSQL));
    const auto r1 = add(*s, node("r1", 5433, core::NodeRole::Replica, 0.0, core::Flavor::PostgreSQL));
    const auto r2 = add(*s, node("r2", 5434, core::NodeRole::Replica, 0.5, core::Flavor::PostgreSQL));
    link(*s, p, r1);
    link(*s, r1, r2);
    return s;
}

// `count` nodes: a primary, relays in two data centres, replicas under them, a few
// multi-source and unreachable ones, a co-primary in the second data centre.
inline std::shared_ptr<core::ClusterSnapshot> large(int count, int lagSeed = 0)
{
    auto s = std::make_shared<core::ClusterSnapshot>();
    s->generation = static_cast<std::uint64_t>(lagSeed + 1);
    const auto p = add(*s, [] {
        auto n = node("primary", 3000, core::NodeRole::Primary);
        n.lagSeconds = 0.0; // it replicates from its co-primary too
        return n;
    }());
    const auto co = add(*s, [] {
        auto n = node("co-primary", 3001, core::NodeRole::Replica, 0.0);
        n.readOnly = false;
        return n;
    }());
    link(*s, p, co);
    link(*s, co, p);
    const int relays = std::max(2, count / 12);
    std::vector<std::size_t> relayIdx;
    for (int i = 0; i < relays && static_cast<int>(s->nodes.size()) < count; ++i) {
        const auto r = add(*s, node("relay-" + std::to_string(i), static_cast<std::uint16_t>(3100 + i),
                                    core::NodeRole::Replica, (i + lagSeed) % 7 * 1.0));
        link(*s, i % 2 ? co : p, r);
        relayIdx.push_back(r);
    }
    for (int i = 0; static_cast<int>(s->nodes.size()) < count; ++i) {
        const double lag = ((i * 7 + lagSeed) % 45) * 1.0;
        auto n = node("replica-" + std::to_string(i), static_cast<std::uint16_t>(4000 + i),
                      core::NodeRole::Replica, i % 17 == 5 ? std::nullopt : std::optional<double>(lag));
        const bool down = i % 23 == 11;
        if (down) {
            n.reachability = core::Reachability::Unreachable;
            n.lastError = makeError(ErrorCode::Timeout, "connect timed out after 3000 ms",
                                    n.host + ":" + std::to_string(n.port));
        }
        const auto r = add(*s, n);
        const auto src = relayIdx[static_cast<std::size_t>(i) % relayIdx.size()];
        link(*s, src, r,
             down        ? core::EdgeState::Unknown
             : lag >= 30 ? core::EdgeState::Lagging
                         : core::EdgeState::Running);
        if (i % 29 == 3)
            link(*s, relayIdx[(static_cast<std::size_t>(i) + 1) % relayIdx.size()], r,
                 core::EdgeState::Running, "second");
        if (lag >= 30)
            problem(*s, core::Severity::Warning, core::ProblemKind::LagCritical, {s->nodes[r].name});
    }
    return s;
}

} // namespace switchyard::fixtures
