// Edges and problems from node facts, as the graph and the problems list show them.
#include "switchyard/core/topology.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace switchyard;
using namespace switchyard::core;

namespace {

NodeStatus node(std::string name, std::uint16_t port, bool replicaOf = false, std::uint16_t sourcePort = 0)
{
    NodeStatus n;
    n.name = std::move(name);
    n.host = "127.0.0.1";
    n.port = port;
    n.flavor = Flavor::MariaDB;
    n.reachability = Reachability::Reachable;
    n.readOnly = replicaOf;
    n.logBin = true;
    n.logReplicaUpdates = true;
    if (replicaOf) {
        ReplicationChannel ch;
        ch.sourceHost = "localhost";  // normalised to 127.0.0.1
        ch.sourcePort = sourcePort;
        ch.ioRunning = true;
        ch.sqlRunning = true;
        ch.lagSeconds = 0.0;
        ch.usingGtid = "Slave_Pos";
        n.channels.push_back(ch);
        n.role = NodeRole::Replica;
    } else {
        n.role = NodeRole::Primary;
    }
    return n;
}

ClusterSnapshot cluster()
{
    ClusterSnapshot s;
    s.nodes = {node("n1", 23306), node("n2", 23307, true, 23306), node("n3", 23308, true, 23306)};
    return s;
}

bool has(const ClusterSnapshot &s, ProblemKind kind, const std::string &nodeName = {})
{
    return std::any_of(s.problems.begin(), s.problems.end(), [&](const Problem &p) {
        return p.kind == kind && (nodeName.empty() || std::find(p.nodes.begin(), p.nodes.end(), nodeName) != p.nodes.end());
    });
}

} // namespace

TEST(Topology, HealthyClusterHasEdgesAndNoProblems)
{
    ClusterSnapshot s = cluster();
    buildTopology(s, {}, nullptr);
    ASSERT_EQ(s.edges.size(), 2u);
    EXPECT_EQ(s.edges[0].source, 0u);
    EXPECT_EQ(s.edges[0].replica, 1u);
    EXPECT_EQ(s.edges[0].state, EdgeState::Running);
    EXPECT_TRUE(s.problems.empty()) << problemKindName(s.problems.front().kind);
}

TEST(Topology, StoppedSqlThreadIsCriticalAndTheEdgeSaysError)
{
    ClusterSnapshot s = cluster();
    s.nodes[1].channels[0].sqlRunning = false;
    s.nodes[1].channels[0].sqlErrno = 1062;
    s.nodes[1].channels[0].sqlError = "Duplicate entry";
    s.nodes[1].channels[0].lagSeconds.reset();
    buildTopology(s, {}, nullptr);
    EXPECT_TRUE(has(s, ProblemKind::ReplicationSqlStopped, "n2"));
    EXPECT_EQ(s.problems.front().severity, Severity::Critical);
    EXPECT_EQ(s.edges[0].state, EdgeState::Error);
    EXPECT_FALSE(has(s, ProblemKind::LagUnknown, "n2"));  // the stopped thread is the problem, not the lag
}

TEST(Topology, RetryingIoThreadIsCriticalButNotCalledStopped)
{
    ClusterSnapshot s = cluster();
    ReplicationChannel &ch = s.nodes[1].channels[0];
    ch.ioRunning = false;
    ch.ioConnecting = true;
    ch.ioErrno = 2003;
    ch.ioError = "error connecting to master";
    ch.lagSeconds.reset();
    s.nodes[2].channels[0].ioRunning = false;  // STOP SLAVE IO_THREAD
    s.nodes[2].channels[0].lagSeconds.reset();
    buildTopology(s, {}, nullptr);
    auto detailFor = [&](const std::string &nodeName) {
        for (const Problem &p : s.problems)
            if (p.kind == ProblemKind::ReplicationIoStopped && p.nodes == std::vector<std::string>{nodeName})
                return p.detail;
        return std::string("(none)");
    };
    EXPECT_EQ(detailFor("n2"), "receiving from localhost:23306 is not connected (retrying): error connecting to master");
    EXPECT_EQ(detailFor("n3"), "receiving from localhost:23306 is stopped");
    EXPECT_EQ(s.problems.front().severity, Severity::Critical);
    EXPECT_EQ(s.edges[0].state, EdgeState::Error);
    EXPECT_EQ(s.edges[1].state, EdgeState::Stopped);
}

TEST(Topology, LagThresholds)
{
    ClusterSnapshot s = cluster();
    s.nodes[1].channels[0].lagSeconds = 12.0;
    s.nodes[2].channels[0].lagSeconds = 45.0;
    buildTopology(s, {10, 30}, nullptr);
    EXPECT_TRUE(has(s, ProblemKind::LagWarning, "n2"));
    EXPECT_TRUE(has(s, ProblemKind::LagCritical, "n3"));
    EXPECT_EQ(s.edges[0].state, EdgeState::Lagging);
    EXPECT_EQ(s.problems.front().kind, ProblemKind::LagCritical);  // most severe first
}

TEST(Topology, UnknownLagIsAProblemNotZero)
{
    ClusterSnapshot s = cluster();
    s.nodes[1].channels[0].lagSeconds.reset();
    buildTopology(s, {}, nullptr);
    EXPECT_TRUE(has(s, ProblemKind::LagUnknown, "n2"));
    EXPECT_EQ(s.edges[0].state, EdgeState::Unknown);
    EXPECT_FALSE(s.edges[0].lagSeconds.has_value());
}

TEST(Topology, WritableReplicaAndTwoPrimaries)
{
    ClusterSnapshot s = cluster();
    s.nodes[2].readOnly = false;
    buildTopology(s, {}, nullptr);
    EXPECT_TRUE(has(s, ProblemKind::ReadOnlyMismatch, "n3"));

    s = cluster();
    s.nodes[2].channels.clear();
    s.nodes[2].readOnly = false;
    buildTopology(s, {}, nullptr);
    EXPECT_TRUE(has(s, ProblemKind::MultiplePrimaries));
}

TEST(Topology, UnreachablePrimaryIsCritical)
{
    ClusterSnapshot s = cluster();
    s.nodes[0].reachability = Reachability::Unreachable;
    s.nodes[0].lastError = makeError(ErrorCode::ConnectFailed, "Connection refused", "n1");
    buildTopology(s, {}, nullptr);
    EXPECT_TRUE(has(s, ProblemKind::PrimaryUnreachable, "n1"));
    EXPECT_FALSE(has(s, ProblemKind::NoPrimary));
    EXPECT_EQ(s.problems.front().severity, Severity::Critical);
}

TEST(Topology, InactiveSlotRetainingWal)
{
    ClusterSnapshot s;
    NodeStatus p = node("pg1", 25432);
    p.flavor = Flavor::PostgreSQL;
    p.walLogHints = true;
    p.replicationSlots.push_back({"standby_gone", "physical", false, 64u * 1024 * 1024});
    p.replicationSlots.push_back({"standby1", "physical", true, 0});
    s.nodes = {p};
    buildTopology(s, {}, nullptr);
    ASSERT_TRUE(has(s, ProblemKind::InactiveSlot, "pg1"));
    EXPECT_NE(s.problems.front().detail.find("64.0 MiB"), std::string::npos);
}

TEST(Topology, SwitchoverBlockers)
{
    ClusterSnapshot s = cluster();
    s.nodes[1].logReplicaUpdates = false;
    s.nodes[2].channels[0].usingGtid = "No";
    buildTopology(s, {}, nullptr);
    EXPECT_TRUE(has(s, ProblemKind::SwitchoverBlocker, "n2"));
    EXPECT_TRUE(has(s, ProblemKind::SwitchoverBlocker, "n3"));
}

TEST(Topology, UndiscoveredEndpointsAreWhereDiscoveryGoesNext)
{
    ClusterSnapshot s;
    NodeStatus p = node("n1", 23306);
    p.downstream.push_back({"127.0.0.1", 23307, "", "Binlog Dump", "", {}, {}, {}, {}, 2});
    p.downstream.push_back({"10.0.0.9", 0, "", "Binlog Dump", "", {}, {}, {}, {}, 0});  // no port: cannot crawl
    NodeStatus r = node("n2", 23307, true, 23306);
    r.channels.push_back(r.channels[0]);
    r.channels[1].sourceHost = "10.0.0.5";
    r.channels[1].sourcePort = 3306;
    s.nodes = {p, r};
    const auto next = undiscoveredEndpoints(s);
    ASSERT_EQ(next.size(), 1u);
    EXPECT_EQ(next[0].first, "10.0.0.5");
    EXPECT_EQ(next[0].second, 3306);
}

TEST(Topology, MariaDbErrantTransactionIsConfirmedBySecondSample)
{
    ClusterSnapshot first = cluster();
    first.nodes[0].gtidBinlogState = "0-1-25";
    first.nodes[1].gtidBinlogState = "0-1-25,0-2-8";  // n2 wrote with its own server id
    first.nodes[2].gtidBinlogState = "0-1-20";        // merely behind: not errant
    buildTopology(first, {}, nullptr);
    EXPECT_FALSE(has(first, ProblemKind::ErrantGtid)) << "one sample is not enough";
    ClusterSnapshot second = first;
    buildTopology(second, {}, &first);
    ASSERT_TRUE(has(second, ProblemKind::ErrantGtid, "n2"));
    EXPECT_FALSE(has(second, ProblemKind::ErrantGtid, "n3"));
    ASSERT_EQ(second.nodes[1].errantGtids.size(), 1u);
    EXPECT_EQ(second.nodes[1].errantGtids[0], "0-2-8");
}

TEST(Topology, MySqlErrantSetIsReplicaMinusPrimary)
{
    NodeStatus primary, replica;
    primary.flavor = replica.flavor = Flavor::MySQL;
    primary.gtidExecuted = "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-100";
    replica.gtidExecuted = "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-98:100-102,\n"
                           "aaaaaaaa-0000-0000-0000-000000000001:1-3";
    const auto errant = errantGtids(replica, primary);
    ASSERT_EQ(errant.size(), 2u);
    EXPECT_EQ(errant[0], "3e11fa47-71ca-11e1-9e33-c80aa9429562:101-102");
    EXPECT_EQ(errant[1], "aaaaaaaa-0000-0000-0000-000000000001:1-3");
}
