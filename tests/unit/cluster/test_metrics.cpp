// Per-round figures as the history stores them: lag per replica (unknown stays unknown), bytes
// behind for PostgreSQL, GTID distance for MariaDB and MySQL, rates from counter deltas (none
// across a restart), connections.
#include "switchyard/core/metrics.h"

#include <gtest/gtest.h>

using namespace switchyard::core;

namespace {

NodeStatus node(std::string name, std::uint16_t port, NodeRole role, Flavor flavor = Flavor::MariaDB)
{
    NodeStatus n;
    n.name = std::move(name);
    n.host = "127.0.0.1";
    n.port = port;
    n.flavor = flavor;
    n.role = role;
    n.reachability = Reachability::Reachable;
    return n;
}

ReplicationChannel channelFrom(std::uint16_t port, std::optional<double> lag)
{
    ReplicationChannel ch;
    ch.sourceHost = "localhost";
    ch.sourcePort = port;
    ch.ioRunning = true;
    ch.sqlRunning = true;
    ch.lagSeconds = lag;
    return ch;
}

void setCounters(NodeStatus &n, std::uint64_t base, std::int64_t atMs, std::uint64_t uptime = 1000)
{
    n.checkedAtMs = atMs;
    n.counters.queries = base * 10;
    n.counters.commits = base;
    n.counters.rollbacks = base / 10;
    n.counters.rowsRead = base * 100;
    n.counters.rowsInserted = base * 2;
    n.counters.rowsUpdated = base;
    n.counters.rowsDeleted = 0;
    n.counters.connections = 7;
    n.counters.threadsRunning = 2;
    n.counters.uptimeSeconds = uptime;
}

} // namespace

TEST(Metrics, RatesComeFromCounterDeltasOverTheNodesOwnInterval)
{
    ClusterSnapshot a, b;
    a.nodes = {node("p", 1, NodeRole::Primary)};
    b.nodes = a.nodes;
    setCounters(a.nodes[0], 1000, 10'000);
    setCounters(b.nodes[0], 1500, 12'000, 1002);  // 500 more commits in 2 s
    const RoundSample r = computeMetrics(b, &a);
    const NodeSample *s = r.find("p");
    ASSERT_TRUE(s);
    EXPECT_TRUE(s->reachable);
    ASSERT_TRUE(s->queriesPerSecond);
    EXPECT_DOUBLE_EQ(*s->queriesPerSecond, 2500.0);
    ASSERT_TRUE(s->transactionsPerSecond);
    EXPECT_DOUBLE_EQ(*s->transactionsPerSecond, (550.0 - 0.0) / 2.0);  // commits + rollbacks: 1650-1100
    EXPECT_DOUBLE_EQ(*s->rowsReadPerSecond, 25'000.0);
    EXPECT_DOUBLE_EQ(*s->rowsWrittenPerSecond, 750.0);  // (3000+1500) - (2000+1000) over 2 s
    EXPECT_EQ(s->connections, 7);
    EXPECT_EQ(s->threadsRunning, 2);
    EXPECT_FALSE(s->lagSeconds) << "a primary has no lag";
}

TEST(Metrics, NoRatesOnTheFirstRoundAcrossARestartOrForAMissingCounter)
{
    ClusterSnapshot a, b;
    a.nodes = {node("p", 1, NodeRole::Primary)};
    b.nodes = a.nodes;
    setCounters(a.nodes[0], 1000, 10'000);
    setCounters(b.nodes[0], 1500, 12'000);
    EXPECT_FALSE(computeMetrics(b, nullptr).nodes[0].transactionsPerSecond) << "first round";

    // Restarted: counters went down.
    setCounters(b.nodes[0], 10, 12'000, 2);
    const NodeSample s = computeMetrics(b, &a).nodes[0];
    EXPECT_FALSE(s.queriesPerSecond);
    EXPECT_FALSE(s.transactionsPerSecond);
    EXPECT_FALSE(s.rowsWrittenPerSecond);
    EXPECT_EQ(s.connections, 7) << "gauges are still this round's";

    // PostgreSQL has no queries counter: unknown, not 0.
    setCounters(b.nodes[0], 1500, 12'000, 1002);
    b.nodes[0].counters.queries.reset();
    const NodeSample pg = computeMetrics(b, &a).nodes[0];
    EXPECT_FALSE(pg.queriesPerSecond);
    EXPECT_TRUE(pg.transactionsPerSecond);

    // The node did not answer again (same checkedAtMs): no rate rather than 0/0.
    setCounters(b.nodes[0], 1000, 10'000);
    EXPECT_FALSE(computeMetrics(b, &a).nodes[0].transactionsPerSecond);
}

TEST(Metrics, AnUnreachableNodeHasNoFiguresAtAll)
{
    ClusterSnapshot a, b;
    a.nodes = {node("p", 1, NodeRole::Primary), node("r", 2, NodeRole::Replica)};
    a.nodes[1].channels = {channelFrom(1, 3.0)};
    a.nodes[1].lagSeconds = 3.0;
    setCounters(a.nodes[1], 100, 1000);
    b = a;
    b.nodes[1].reachability = Reachability::Unreachable;   // keeps its last known facts
    setCounters(b.nodes[1], 200, 2000);
    const NodeSample s = computeMetrics(b, &a).nodes[1];
    EXPECT_FALSE(s.reachable);
    EXPECT_FALSE(s.lagSeconds) << "last round's lag is not this round's";
    EXPECT_FALSE(s.transactionsPerSecond);
    EXPECT_FALSE(s.connections);
    b.nodes[1].reachability = Reachability::NoAnswer;
    EXPECT_FALSE(computeMetrics(b, &a).nodes[1].lagSeconds);
}

TEST(Metrics, LagUnknownStaysUnknown)
{
    ClusterSnapshot s;
    s.nodes = {node("p", 1, NodeRole::Primary), node("r", 2, NodeRole::Replica)};
    s.nodes[1].channels = {channelFrom(1, std::nullopt)};
    s.nodes[1].channels[0].sqlRunning = false;
    const NodeSample r = computeMetrics(s, nullptr).nodes[1];
    EXPECT_TRUE(r.reachable);
    EXPECT_FALSE(r.lagSeconds);
    s.nodes[1].lagSeconds = 0.0;
    EXPECT_EQ(computeMetrics(s, nullptr).nodes[1].lagSeconds, 0.0) << "a measured 0 is 0";
}

TEST(Metrics, PostgresBytesBehindIsSourceLsnMinusReplayedLsn)
{
    ClusterSnapshot s;
    s.nodes = {node("p", 5432, NodeRole::Primary, Flavor::PostgreSQL), node("s", 5433, NodeRole::Replica, Flavor::PostgreSQL)};
    s.nodes[0].currentLsn = 50'000'000;
    ReplicationChannel ch = channelFrom(0, 1.5);   // the WAL receiver often shows no usable port
    ch.sourceHost = "10.0.0.1";
    ch.replayedLsn = 49'000'000;
    ch.receivedLsn = 49'500'000;
    s.nodes[1].channels = {ch};
    s.nodes[1].lagSeconds = 1.5;
    const NodeSample r = computeMetrics(s, nullptr).nodes[1];
    ASSERT_TRUE(r.bytesBehind);
    EXPECT_EQ(*r.bytesBehind, 1'000'000u);
    EXPECT_EQ(r.lagSeconds, 1.5);
    EXPECT_FALSE(r.transactionsBehind);

    // The primary did not answer: bytes behind unknown.
    s.nodes[0].reachability = Reachability::Unreachable;
    EXPECT_FALSE(computeMetrics(s, nullptr).nodes[1].bytesBehind);
}

TEST(Metrics, MariaDbTransactionDistancePerDomain)
{
    EXPECT_EQ(mariaDbTransactionsBehind("0-1-100", "0-1-90"), 10u);
    EXPECT_EQ(mariaDbTransactionsBehind("0-1-100,1-2-50", "0-1-100,1-2-45"), 5u);
    EXPECT_EQ(mariaDbTransactionsBehind("0-1-100,1-2-50", "0-1-100"), 50u) << "a domain the replica never saw";
    EXPECT_EQ(mariaDbTransactionsBehind("0-1-100", "0-1-120"), 0u) << "ahead is not behind";
    EXPECT_EQ(mariaDbTransactionsBehind("0-1-100", ""), 100u);
    EXPECT_FALSE(mariaDbTransactionsBehind("0-1-x", "0-1-1"));

    ClusterSnapshot s;
    s.nodes = {node("p", 1, NodeRole::Primary), node("r", 2, NodeRole::Replica)};
    s.nodes[0].gtidCurrentPos = "0-1-1234";
    s.nodes[1].gtidSlavePos = "0-1-1200";
    s.nodes[1].channels = {channelFrom(1, 4.0)};
    EXPECT_EQ(computeMetrics(s, nullptr).nodes[1].transactionsBehind, 34u);
}

TEST(Metrics, MySqlTransactionDistanceCountsMissingGtids)
{
    const std::string a = "3E11FA47-71CA-11E1-9E33-C80AA9429562:1-100", b = "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-90";
    EXPECT_EQ(mySqlTransactionsBehind(a, b), 10u);
    EXPECT_EQ(mySqlTransactionsBehind(a + ",\nbbbbbbbb-71ca-11e1-9e33-c80aa9429562:1-5", b + ":95-100"), 9u);
    EXPECT_EQ(mySqlTransactionsBehind(b, a), 0u);
    EXPECT_FALSE(mySqlTransactionsBehind("uuid:5-1", b));

    ClusterSnapshot s;
    s.nodes = {node("p", 1, NodeRole::Primary, Flavor::MySQL), node("r", 2, NodeRole::Replica, Flavor::MySQL)};
    s.nodes[0].gtidExecuted = a;
    s.nodes[1].gtidExecuted = b;
    s.nodes[1].channels = {channelFrom(1, 0.0)};
    EXPECT_EQ(computeMetrics(s, nullptr).nodes[1].transactionsBehind, 10u);
    s.nodes[1].channels[0].sourcePort = 9;  // a source that is not in the snapshot
    EXPECT_FALSE(computeMetrics(s, nullptr).nodes[1].transactionsBehind);
}
