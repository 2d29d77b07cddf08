// What the router sees of a monitored cluster: roles, health, lag (unknown stays unknown),
// positions per dialect, weights and load.
#include "switchyard/core/routing_topology.h"
#include "switchyard/routing/router.h"

#include <gtest/gtest.h>

using namespace switchyard;
using namespace switchyard::core;

namespace {

NodeStatus node(std::string name, NodeRole role, Flavor flavor = Flavor::MariaDB)
{
    NodeStatus n;
    n.name = std::move(name);
    n.role = role;
    n.flavor = flavor;
    n.reachability = Reachability::Reachable;
    n.version = flavor == Flavor::PostgreSQL ? "16.4" : "10.11.6-MariaDB-log";
    if (role == NodeRole::Replica) {
        n.ioThreadRunning = true;
        n.sqlThreadRunning = true;
        n.lagSeconds = 0.5;
    }
    return n;
}

} // namespace

TEST(RoutingTopology, RolesHealthAndLag)
{
    ClusterSnapshot s;
    s.generation = 9;
    s.nodes.push_back(node("db1", NodeRole::Primary));
    s.nodes.push_back(node("db2", NodeRole::Replica));
    s.nodes.push_back(node("db3", NodeRole::Replica));
    s.nodes[2].sqlThreadRunning = false;
    s.nodes[2].lagSeconds.reset();
    s.nodes.push_back(node("db4", NodeRole::Replica));
    s.nodes[3].reachability = Reachability::Unreachable;
    s.nodes.push_back(node("db5", NodeRole::Unknown));
    s.nodes.push_back(node("db6", NodeRole::Replica));
    s.nodes[5].reachability = Reachability::Unknown;
    s.nodes[1].counters.connections = 12;
    s.nodes[1].roundTripMs = 4;

    RoutingTopologyOptions o;
    o.weights["db2"] = 3;
    const auto view = routingTopology(s, routing::Dialect::MariaDB, o);
    ASSERT_EQ(view.nodes.size(), 6u);
    EXPECT_EQ(view.generation, 9u);
    EXPECT_EQ(view.primaryIndex(), 0);
    EXPECT_EQ(view.nodes[0].health, routing::NodeHealth::Up);
    EXPECT_FALSE(view.nodes[0].lagSeconds.has_value());
    EXPECT_EQ(view.nodes[1].health, routing::NodeHealth::Up);
    EXPECT_EQ(view.nodes[1].lagSeconds, 0.5);
    EXPECT_EQ(view.nodes[1].weight, 3u);
    EXPECT_EQ(view.nodes[1].openConnections, 12u);
    EXPECT_EQ(view.nodes[1].responseTimeMs, 4.0);
    EXPECT_EQ(view.nodes[2].health, routing::NodeHealth::Down);
    EXPECT_FALSE(view.nodes[2].lagSeconds.has_value()) << "unknown lag is not 0";
    EXPECT_EQ(routingHealthCause(s.nodes[2]), RoutingHealthCause::ReplicationStopped);
    EXPECT_EQ(view.nodes[3].health, routing::NodeHealth::Down);
    EXPECT_EQ(view.nodes[4].health, routing::NodeHealth::Unknown);
    EXPECT_EQ(view.nodes[4].role, routing::NodeRole::Replica);
    EXPECT_EQ(view.nodes[5].health, routing::NodeHealth::Unknown);
    EXPECT_EQ(view.nodes[2].weight, 1u);
}

TEST(RoutingTopology, DialectAndVersionFromThePrimary)
{
    ClusterSnapshot s;
    s.nodes.push_back(node("r", NodeRole::Replica, Flavor::MySQL));
    s.nodes.push_back(node("p", NodeRole::Primary, Flavor::MariaDB));
    EXPECT_EQ(routingDialect(s, routing::Dialect::MySQL), routing::Dialect::MariaDB);
    ASSERT_TRUE(routingServerVersion(s));
    EXPECT_EQ(routingServerVersion(s)->number(), 101106u);
    EXPECT_EQ(routingDialect(ClusterSnapshot{}, routing::Dialect::PostgreSQL), routing::Dialect::PostgreSQL);
    EXPECT_EQ(snapshotPrimaryIndex(s), 1);
}

TEST(RoutingTopology, PositionsPerDialect)
{
    NodeStatus maria = node("m", NodeRole::Replica);
    maria.gtidExecuted = "0-1-5";
    EXPECT_EQ(routingPositionText(maria, routing::Dialect::MariaDB), "0-1-5");
    maria.gtidSlavePos = "0-1-7";
    EXPECT_EQ(routingPositionText(maria, routing::Dialect::MariaDB), "0-1-7");
    maria.gtidCurrentPos = "0-1-8";
    EXPECT_EQ(routingPositionText(maria, routing::Dialect::MariaDB), "0-1-8");

    NodeStatus mysql = node("y", NodeRole::Primary, Flavor::MySQL);
    mysql.gtidExecuted = "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-120";
    EXPECT_EQ(routingPositionText(mysql, routing::Dialect::MySQL), mysql.gtidExecuted);

    NodeStatus pgPrimary = node("p", NodeRole::Primary, Flavor::PostgreSQL);
    pgPrimary.currentLsn = 0x16B374D848ull;
    EXPECT_EQ(routingPositionText(pgPrimary, routing::Dialect::PostgreSQL), "16/B374D848");
    NodeStatus standby = node("s", NodeRole::Replica, Flavor::PostgreSQL);
    standby.currentLsn = 0x16B374D848ull; // received, not replayed: not the applied position
    EXPECT_EQ(routingPositionText(standby, routing::Dialect::PostgreSQL), "");
    ReplicationChannel ch;
    ch.replayedLsn = 0x16B3000000ull;
    standby.channels.push_back(ch);
    EXPECT_EQ(routingPositionText(standby, routing::Dialect::PostgreSQL), "16/B3000000");

    // Read-your-writes against the mapped positions: the standby behind the write is excluded.
    ClusterSnapshot s;
    s.nodes = {pgPrimary, standby};
    routing::RouterConfig config;
    config.dialect = routing::Dialect::PostgreSQL;
    config.consistency = routing::Consistency::readYourWrites();
    routing::Router router(config);
    router.setTopology(routingTopology(s, routing::Dialect::PostgreSQL));
    routing::Session session = router.newSession();
    router.route(session, "INSERT INTO t VALUES (1)");
    session.noteWritePosition(
        *routing::ReplicationPosition::parse(routing::Dialect::PostgreSQL, "16/B374D848"));
    const auto &d = router.route(session, "SELECT * FROM t");
    EXPECT_EQ(d.target, routing::Target::Primary);
    bool behind = false;
    for (const auto &r : d.reasons)
        behind |= r.code == routing::ReasonCode::ExcludedBehindWrite;
    EXPECT_TRUE(behind);
}
