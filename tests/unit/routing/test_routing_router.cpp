// The Router: balancing policies, lag hysteresis, consistency levels (with real GTID sets,
// MariaDB GTID lists and LSNs), explanations, protocol-level prepared statements.
#include "switchyard/routing/router.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>

using namespace switchyard::routing;
using namespace std::chrono_literals;

namespace {

NodeView node(std::string name, NodeRole role, std::uint32_t weight = 1, std::optional<double> lag = 0.0)
{
    NodeView n;
    n.name = std::move(name);
    n.role = role;
    n.weight = weight;
    n.lagSeconds = lag;
    return n;
}

TopologyView cluster(std::initializer_list<NodeView> replicas)
{
    TopologyView t;
    t.nodes.push_back(node("p", NodeRole::Primary));
    for (const NodeView &r : replicas)
        t.nodes.push_back(r);
    return t;
}

Router makeRouter(Policy policy, TopologyView topology, Dialect dialect = Dialect::MySQL)
{
    RouterConfig c;
    c.dialect = dialect;
    c.policy = policy;
    Router r(c);
    r.setTopology(std::move(topology));
    return r;
}

std::string pick(Router &r, Session &s, std::string_view sql = "SELECT 1")
{
    const RouteDecision &d = r.route(s, sql);
    return d.nodeName;
}

bool mentions(const RouteDecision &d, std::string_view text)
{
    for (const std::string &line : d.explain())
        if (line.find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

// ---- policies ------------------------------------------------------------------------------

TEST(Policy, NamesParse)
{
    for (Policy p : {Policy::RoundRobin, Policy::SmoothWeightedRoundRobin, Policy::LeastConnections,
                     Policy::EwmaPowerOfTwo})
        EXPECT_EQ(parsePolicy(policyName(p)), p);
    EXPECT_EQ(parsePolicy("swrr"), Policy::SmoothWeightedRoundRobin);
    EXPECT_EQ(parsePolicy("P2C"), Policy::EwmaPowerOfTwo);
    EXPECT_FALSE(parsePolicy("random"));
}

TEST(Policy, RoundRobinCyclesInTopologyOrder)
{
    Router r = makeRouter(Policy::RoundRobin, cluster({node("a", NodeRole::Replica), node("b", NodeRole::Replica),
                                                       node("c", NodeRole::Replica)}));
    Session s = r.newSession();
    std::string seq;
    for (int i = 0; i < 6; ++i)
        seq += pick(r, s);
    EXPECT_EQ(seq, "abcabc");
}

TEST(Policy, SmoothWeightedRoundRobinInterleavesLikeNginx)
{
    Router r = makeRouter(Policy::SmoothWeightedRoundRobin,
                          cluster({node("A", NodeRole::Replica, 2), node("B", NodeRole::Replica, 1)}));
    Session s = r.newSession();
    std::string seq;
    for (int i = 0; i < 6; ++i)
        seq += pick(r, s);
    EXPECT_EQ(seq, "ABAABA");
}

TEST(Policy, SmoothWeightedRoundRobinExactProportions)
{
    Router r = makeRouter(Policy::SmoothWeightedRoundRobin,
                          cluster({node("a", NodeRole::Replica, 5), node("b", NodeRole::Replica, 1),
                                   node("c", NodeRole::Replica, 1)}));
    Session s = r.newSession();
    std::string first7;
    std::map<std::string, int> counts;
    for (int i = 0; i < 700; ++i) {
        std::string n = pick(r, s);
        if (i < 7)
            first7 += n;
        ++counts[n];
    }
    // nginx's example for weights 5,1,1: a a b a c a a
    EXPECT_EQ(first7, "aabacaa");
    EXPECT_EQ(counts["a"], 500);
    EXPECT_EQ(counts["b"], 100);
    EXPECT_EQ(counts["c"], 100);
}

TEST(Policy, WeightZeroDrainsANode)
{
    Router r = makeRouter(Policy::SmoothWeightedRoundRobin,
                          cluster({node("a", NodeRole::Replica, 0), node("b", NodeRole::Replica, 3)}));
    Session s = r.newSession();
    for (int i = 0; i < 10; ++i)
        EXPECT_EQ(pick(r, s), "b");
    EXPECT_TRUE(mentions(r.route(s, "SELECT 1"), "replica a excluded: weight 0"));
}

TEST(Policy, LeastConnectionsPerWeight)
{
    NodeView a = node("a", NodeRole::Replica, 1);
    a.openConnections = 10;
    NodeView b = node("b", NodeRole::Replica, 1);
    b.openConnections = 4;
    NodeView c = node("c", NodeRole::Replica, 2);
    c.openConnections = 10;   // 10/2 = 5 per weight unit
    Router r = makeRouter(Policy::LeastConnections, cluster({a, b, c}));
    Session s = r.newSession();
    // b (4) first; its picks since the snapshot count: b reaches 5 = c's 5 per weight.
    EXPECT_EQ(pick(r, s), "b");
    std::map<std::string, int> counts;
    for (int i = 0; i < 30; ++i)
        ++counts[pick(r, s)];
    // Load evens out per unit of weight: b and c catch up with a (10) first, then all three
    // grow together, c twice as fast.
    const double aLoad = 10.0 + counts["a"];
    const double bLoad = 4 + 1 + counts["b"];
    const double cLoad = (10.0 + counts["c"]) / 2;
    EXPECT_LE(std::max({aLoad, bLoad, cLoad}) - std::min({aLoad, bLoad, cLoad}), 1.0)
        << counts["a"] << " " << counts["b"] << " " << counts["c"];
    EXPECT_EQ(counts["a"] + counts["b"] + counts["c"], 30);
    EXPECT_LE(counts["a"], 5);
    // A new snapshot resets the local pick counts.
    TopologyView fresh = cluster({a, b, c});
    fresh.nodes[2].openConnections = 100;
    r.setTopology(fresh);
    EXPECT_EQ(pick(r, s), "c");
}

TEST(Policy, EwmaPowerOfTwoPrefersTheFastReplica)
{
    NodeView fast = node("fast", NodeRole::Replica);
    fast.responseTimeMs = 1.0;
    NodeView slow = node("slow", NodeRole::Replica);
    slow.responseTimeMs = 50.0;
    NodeView mid = node("mid", NodeRole::Replica);
    mid.responseTimeMs = 5.0;
    Router r = makeRouter(Policy::EwmaPowerOfTwo, cluster({fast, slow, mid}));
    Session s = r.newSession();
    std::map<std::string, int> counts;
    for (int i = 0; i < 300; ++i)
        ++counts[pick(r, s)];
    // The slow replica only wins a pair when its competitor has piled up picks.
    EXPECT_GT(counts["fast"], counts["mid"]);
    EXPECT_GT(counts["mid"], counts["slow"]);
    EXPECT_LT(counts["slow"], 30);
    // Feedback moves the estimate: fast becomes slow.
    for (int i = 0; i < 20; ++i)
        r.recordResponseTime("fast", 200ms);
    r.setTopology(cluster({fast, slow, mid}));
    counts.clear();
    for (int i = 0; i < 300; ++i)
        ++counts[pick(r, s)];
    EXPECT_GT(counts["mid"], counts["fast"]);
}

TEST(Policy, EwmaIsDeterministicForASeed)
{
    auto run = [] {
        NodeView a = node("a", NodeRole::Replica);
        NodeView b = node("b", NodeRole::Replica);
        NodeView c = node("c", NodeRole::Replica);
        Router r = makeRouter(Policy::EwmaPowerOfTwo, cluster({a, b, c}));
        Session s = r.newSession();
        std::string seq;
        for (int i = 0; i < 20; ++i)
            seq += pick(r, s);
        return seq;
    };
    EXPECT_EQ(run(), run());
}

TEST(Policy, PrimaryAcceptsReadsWhenConfigured)
{
    RouterConfig c;
    c.primaryAcceptsReads = true;
    Router r(c);
    r.setTopology(cluster({node("a", NodeRole::Replica)}));
    Session s = r.newSession();
    std::string seq;
    for (int i = 0; i < 4; ++i)
        seq += pick(r, s) + ",";
    EXPECT_EQ(seq, "p,a,p,a,");
}

// ---- health and lag --------------------------------------------------------------------------

TEST(Health, DownAndMaintenanceReplicasAreExcludedWithReasons)
{
    NodeView down = node("down", NodeRole::Replica);
    down.health = NodeHealth::Down;
    NodeView maint = node("maint", NodeRole::Replica);
    maint.health = NodeHealth::Maintenance;
    NodeView ok = node("ok", NodeRole::Replica);
    Router r = makeRouter(Policy::RoundRobin, cluster({down, maint, ok}));
    Session s = r.newSession();
    const RouteDecision &d = r.route(s, "SELECT 1");
    EXPECT_EQ(d.nodeName, "ok");
    EXPECT_TRUE(mentions(d, "replica down excluded: down"));
    EXPECT_TRUE(mentions(d, "replica maint excluded: in maintenance"));
    EXPECT_TRUE(mentions(d, "round-robin chose ok among 1 eligible node"));
}

TEST(Health, NoEligibleReplicaMeansPrimary)
{
    NodeView down = node("r", NodeRole::Replica);
    down.health = NodeHealth::Down;
    Router r = makeRouter(Policy::RoundRobin, cluster({down}));
    Session s = r.newSession();
    const RouteDecision &d = r.route(s, "SELECT 1");
    EXPECT_EQ(d.target, Target::Primary);
    EXPECT_EQ(d.nodeName, "p");
    EXPECT_TRUE(mentions(d, "no eligible replica"));
}

TEST(LagHysteresis, LeavesAfterKOverAndReturnsAfterMUnder)
{
    LagPolicy p;
    p.highSeconds = 10;
    p.lowSeconds = 2;
    p.leaveAfter = 3;
    p.returnAfter = 2;
    LagHysteresis h;
    using T = LagHysteresis::Transition;
    EXPECT_EQ(h.sample(p, 0.5), T::None);
    EXPECT_TRUE(h.inPool());
    EXPECT_EQ(h.sample(p, 11.0), T::None);
    EXPECT_EQ(h.sample(p, 12.0), T::None);
    EXPECT_EQ(h.sample(p, 5.0), T::None);   // between the marks: the over streak breaks
    EXPECT_EQ(h.sample(p, 11.0), T::None);
    EXPECT_EQ(h.sample(p, 11.0), T::None);
    EXPECT_TRUE(h.inPool());
    EXPECT_EQ(h.sample(p, std::nullopt), T::Left);   // unknown counts as over
    EXPECT_FALSE(h.inPool());
    EXPECT_EQ(h.sample(p, 5.0), T::None);   // under the high mark is not enough
    EXPECT_EQ(h.sample(p, 1.0), T::None);
    EXPECT_EQ(h.sample(p, 3.0), T::None);   // the under streak breaks
    EXPECT_EQ(h.sample(p, 1.0), T::None);
    EXPECT_FALSE(h.inPool());
    EXPECT_EQ(h.sample(p, 1.5), T::Returned);
    EXPECT_TRUE(h.inPool());

    LagHysteresis late;
    EXPECT_EQ(late.sample(p, 30.0), T::None);   // first seen lagging: starts outside
    EXPECT_FALSE(late.inPool());
}

TEST(LagHysteresis, RouterFollowsTheSamplesOfEachGeneration)
{
    RouterConfig c;
    c.lag.highSeconds = 10;
    c.lag.leaveAfter = 2;
    c.lag.returnAfter = 2;
    Router r(c);
    auto snapshot = [&](std::uint64_t gen, double lagB) {
        TopologyView t = cluster({node("a", NodeRole::Replica, 1, 0.0), node("b", NodeRole::Replica, 1, lagB)});
        t.generation = gen;
        r.setTopology(t);
    };
    Session s = r.newSession();
    auto picks = [&] {
        std::string seq;
        for (int i = 0; i < 4; ++i)
            seq += pick(r, s);
        return seq;
    };
    snapshot(1, 0);
    EXPECT_EQ(picks(), "abab");
    snapshot(2, 30);
    EXPECT_EQ(picks(), "abab");   // one sample over: still in
    snapshot(2, 30);              // same generation: not a new sample
    EXPECT_EQ(picks(), "abab");
    snapshot(3, 30);
    EXPECT_EQ(picks(), "aaaa");   // two samples over: out
    const RouteDecision &d = r.route(s, "SELECT 1");
    EXPECT_TRUE(mentions(d, "replica b excluded: lag 30 s over 10 s for 2/2 samples"));
    snapshot(4, 1);
    EXPECT_EQ(picks(), "aaaa");   // one sample under the low mark (5 s)
    snapshot(5, 1);
    EXPECT_EQ(picks(), "baba");   // back (round robin goes on after a)
    EXPECT_TRUE(r.inLagPool(2));
}

// ---- consistency levels ------------------------------------------------------------------------

TEST(Consistency, Parse)
{
    EXPECT_EQ(Consistency::parse("strong")->level, ConsistencyLevel::Strong);
    EXPECT_EQ(Consistency::parse("read_your_writes")->level, ConsistencyLevel::ReadYourWrites);
    EXPECT_EQ(Consistency::parse("session-window:500")->window, 500ms);
    EXPECT_EQ(Consistency::parse("session-window:2s")->window, 2000ms);
    EXPECT_DOUBLE_EQ(Consistency::parse("bounded-staleness:5")->maxLagSeconds, 5.0);
    EXPECT_DOUBLE_EQ(Consistency::parse("bounded-staleness:250ms")->maxLagSeconds, 0.25);
    EXPECT_EQ(Consistency::parse("eventual")->level, ConsistencyLevel::Eventual);
    EXPECT_FALSE(Consistency::parse("bounded-staleness:-1"));
    EXPECT_FALSE(Consistency::parse("sometimes"));
    EXPECT_EQ(Consistency::parse("session-window:500")->toString(), "session-window:500ms");
    EXPECT_EQ(Consistency::parse("bounded-staleness:1.5")->toString(), "bounded-staleness:1.5s");
}

TEST(Consistency, StrongAlwaysPrimary)
{
    RouterConfig c;
    c.consistency = Consistency::strong();
    Router r(c);
    r.setTopology(cluster({node("a", NodeRole::Replica)}));
    Session s = r.newSession();
    EXPECT_EQ(r.route(s, "SELECT 1").target, Target::Primary);
    // A session may ask for less.
    s.setConsistency(Consistency::eventual());
    EXPECT_EQ(r.route(s, "SELECT 1").target, Target::Replica);
}

TEST(Consistency, BoundedStalenessTreatsUnknownLagAsIneligible)
{
    RouterConfig c;
    c.consistency = Consistency::boundedStaleness(5);
    Router r(c);
    r.setTopology(cluster({node("unknown", NodeRole::Replica, 1, std::nullopt),
                           node("far", NodeRole::Replica, 1, 9.0), node("near", NodeRole::Replica, 1, 4.9)}));
    Session s = r.newSession();
    const RouteDecision &d = r.route(s, "SELECT 1");
    EXPECT_EQ(d.nodeName, "near");
    EXPECT_TRUE(mentions(d, "replica unknown excluded: lag unknown"));
    EXPECT_TRUE(mentions(d, "replica far excluded: lag 9 s over the bound of 5 s"));
    r.setTopology(cluster({node("unknown", NodeRole::Replica, 1, std::nullopt)}));
    EXPECT_EQ(r.route(s, "SELECT 1").target, Target::Primary);
}

TEST(Consistency, SessionWindowAfterAWrite)
{
    RouterConfig c;
    c.consistency = Consistency::sessionWindow(500ms);
    Router r(c);
    r.setTopology(cluster({node("a", NodeRole::Replica)}));
    Session s = r.newSession();
    const auto t0 = Router::Clock::time_point() + 10s;
    EXPECT_EQ(r.route(s, "SELECT 1", t0).target, Target::Replica);
    EXPECT_EQ(r.route(s, "UPDATE t SET a = 1", t0).target, Target::Primary);
    const RouteDecision &soon = r.route(s, "SELECT 1", t0 + 499ms);
    EXPECT_EQ(soon.target, Target::Primary);
    EXPECT_TRUE(mentions(soon, "last write 499 ms ago, within 500 ms"));
    EXPECT_EQ(r.route(s, "SELECT 1", t0 + 500ms).target, Target::Replica);
    // Another session is not affected.
    Session other = r.newSession();
    EXPECT_EQ(r.route(other, "SELECT 1", t0 + 1ms).target, Target::Replica);
}

TEST(Consistency, ReadYourWritesWithMySqlGtidSets)
{
    const std::string uuid = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    RouterConfig c;
    c.consistency = Consistency::readYourWrites();
    Router r(c);
    auto topo = [&](const std::string &a, const std::string &b) {
        TopologyView t = cluster({node("a", NodeRole::Replica), node("b", NodeRole::Replica)});
        t.nodes[1].position = *ReplicationPosition::parse(Dialect::MySQL, a);
        t.nodes[2].position = *ReplicationPosition::parse(Dialect::MySQL, b);
        return t;
    };
    r.setTopology(topo(uuid + ":1-100", uuid + ":1-90"));
    Session s = r.newSession();
    EXPECT_EQ(r.route(s, "SELECT 1").target, Target::Replica);   // no write yet: anywhere
    EXPECT_EQ(r.route(s, "INSERT INTO t VALUES (1)").target, Target::Primary);
    // Written but not reported: the primary.
    const RouteDecision &unknown = r.route(s, "SELECT * FROM t");
    EXPECT_EQ(unknown.target, Target::Primary);
    EXPECT_TRUE(mentions(unknown, "position was not reported"));
    s.noteWritePosition(*ReplicationPosition::parse(Dialect::MySQL, uuid + ":95"));
    for (int i = 0; i < 4; ++i) {
        const RouteDecision &d = r.route(s, "SELECT * FROM t");
        EXPECT_EQ(d.nodeName, "a");
        EXPECT_TRUE(mentions(d, "replica b excluded: has not applied the session's last write"));
    }
    // b catches up.
    r.setTopology(topo(uuid + ":1-100", uuid + ":1-95"));
    std::string seq;
    for (int i = 0; i < 4; ++i)
        seq += pick(r, s, "SELECT * FROM t");
    EXPECT_NE(seq.find('b'), std::string::npos);
    // A second write beyond both.
    EXPECT_EQ(r.route(s, "UPDATE t SET a = 2").target, Target::Primary);
    s.noteWritePosition(*ReplicationPosition::parse(Dialect::MySQL, uuid + ":101"));
    EXPECT_EQ(r.route(s, "SELECT * FROM t").target, Target::Primary);
    EXPECT_EQ(s.lastWritePosition().toString(), uuid + ":95:101");
}

TEST(Consistency, ReadYourWritesWithMariaDbGtidLists)
{
    RouterConfig c;
    c.dialect = Dialect::MariaDB;
    c.consistency = Consistency::readYourWrites();
    Router r(c);
    TopologyView t = cluster({node("a", NodeRole::Replica), node("b", NodeRole::Replica)});
    t.nodes[1].position = *ReplicationPosition::parse(Dialect::MariaDB, "0-1-100,1-2-7");
    t.nodes[2].position = *ReplicationPosition::parse(Dialect::MariaDB, "0-1-120");
    r.setTopology(t);
    Session s = r.newSession();
    r.route(s, "INSERT INTO t VALUES (1)");
    s.noteWritePosition(*ReplicationPosition::parse(Dialect::MariaDB, "0-1-110"));
    EXPECT_EQ(pick(r, s), "b");
    EXPECT_EQ(pick(r, s), "b");
    // A write in another domain that only a has.
    r.route(s, "INSERT INTO u VALUES (1)");
    s.noteWritePosition(*ReplicationPosition::parse(Dialect::MariaDB, "1-2-7"));
    EXPECT_EQ(r.route(s, "SELECT 1").target, Target::Primary);   // a lacks 0-1-110, b lacks domain 1
    t.nodes[1].position = *ReplicationPosition::parse(Dialect::MariaDB, "0-1-115,1-2-9");
    r.setTopology(t);
    EXPECT_EQ(pick(r, s), "a");
}

TEST(Consistency, ReadYourWritesWithPostgresLsns)
{
    RouterConfig c;
    c.dialect = Dialect::PostgreSQL;
    c.consistency = Consistency::readYourWrites();
    Router r(c);
    TopologyView t = cluster({node("s1", NodeRole::Replica), node("s2", NodeRole::Replica)});
    t.nodes[1].position = ReplicationPosition(*Lsn::parse("0/3000060"));
    t.nodes[2].position = ReplicationPosition(*Lsn::parse("0/3000100"));
    r.setTopology(t);
    Session s = r.newSession();
    r.route(s, "BEGIN");
    r.route(s, "UPDATE t SET a = 1");
    EXPECT_EQ(r.route(s, "SELECT 1").target, Target::Primary);   // in the transaction
    r.route(s, "COMMIT");
    s.noteWritePosition(ReplicationPosition(*Lsn::parse("0/3000080")));
    EXPECT_EQ(pick(r, s), "s2");
    EXPECT_EQ(pick(r, s), "s2");
    t.nodes[1].position = ReplicationPosition(*Lsn::parse("0/3000080"));   // s1 replays exactly to it
    r.setTopology(t);
    std::string seq = pick(r, s) + pick(r, s);
    EXPECT_NE(seq.find("s1"), std::string::npos);
}

// ---- hints, explanations -----------------------------------------------------------------------

TEST(Hints, NodeHintPicksTheNamedReplica)
{
    Router r = makeRouter(Policy::RoundRobin, cluster({node("a", NodeRole::Replica), node("b", NodeRole::Replica)}));
    Session s = r.newSession();
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(pick(r, s, "SELECT 1 /* switchyard: node=b */"), "b");
    const RouteDecision &d = r.route(s, "/* switchyard: node=b */ UPDATE t SET a = 1");
    EXPECT_EQ(d.target, Target::Primary);
    EXPECT_TRUE(mentions(d, "replica hint ignored"));
}

TEST(Hints, ReplicaHintBypassesConsistencyButNotHealth)
{
    RouterConfig c;
    c.consistency = Consistency::strong();
    Router r(c);
    NodeView down = node("down", NodeRole::Replica);
    down.health = NodeHealth::Down;
    r.setTopology(cluster({down, node("up", NodeRole::Replica)}));
    Session s = r.newSession();
    EXPECT_EQ(pick(r, s, "/* switchyard: replica */ SELECT 1"), "up");
    r.setTopology(cluster({down}));
    EXPECT_EQ(r.route(s, "/* switchyard: replica */ SELECT 1").target, Target::Primary);
}

TEST(Explain, ReasonsAreOrderedAndHumanReadable)
{
    Router r = makeRouter(Policy::RoundRobin, cluster({node("a", NodeRole::Replica)}));
    Session s = r.newSession();
    const RouteDecision &w = r.route(s, "SELECT * FROM t WHERE id = 1 FOR UPDATE");
    ASSERT_FALSE(w.reasons.empty());
    EXPECT_EQ(w.explain().front(), "locking read (FOR UPDATE) takes row locks on the server that runs it");
    const RouteDecision &f = r.route(s, "SELECT my_udf(1)");
    EXPECT_TRUE(mentions(f, "function my_udf() is not known to be read-only"));
    const RouteDecision &read = r.route(s, "SELECT 1");
    EXPECT_EQ(read.explain().front(), "read-only SELECT");
    EXPECT_EQ(read.explain().back(), "round-robin chose a among 1 eligible node");
    const RouteDecision &set = r.route(s, "SET NAMES utf8");
    EXPECT_EQ(set.target, Target::All);
    EXPECT_EQ(set.nodeName, "");
    EXPECT_EQ(set.explain().front(), "session command (SET): every backend of the session");
}

TEST(Explain, PrimaryDownIsReported)
{
    TopologyView t = cluster({node("a", NodeRole::Replica)});
    t.nodes[0].health = NodeHealth::Down;
    Router r = makeRouter(Policy::RoundRobin, t);
    Session s = r.newSession();
    const RouteDecision &d = r.route(s, "INSERT INTO t VALUES (1)");
    EXPECT_EQ(d.target, Target::Primary);
    EXPECT_TRUE(mentions(d, "the primary p is not up"));
    EXPECT_EQ(r.route(s, "SELECT 1").nodeName, "a");
    Router none = makeRouter(Policy::RoundRobin, TopologyView{});
    Session s2 = none.newSession();
    EXPECT_TRUE(mentions(none.route(s2, "SELECT 1"), "no primary in the topology"));
}

// ---- transactions on replicas ------------------------------------------------------------------

TEST(Transactions, ReadOnlyTransactionStaysOnOneReplicaAndWritesBreakIt)
{
    Router r = makeRouter(Policy::RoundRobin, cluster({node("a", NodeRole::Replica), node("b", NodeRole::Replica)}));
    Session s = r.newSession();
    EXPECT_EQ(pick(r, s, "START TRANSACTION READ ONLY"), "a");
    EXPECT_EQ(s.transactionNode(), "a");
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(pick(r, s, "SELECT * FROM t"), "a");
    const RouteDecision &w = r.route(s, "DELETE FROM t");
    EXPECT_EQ(w.target, Target::Primary);
    EXPECT_TRUE(w.breaksTransaction);
    EXPECT_EQ(pick(r, s, "COMMIT"), "a");
    EXPECT_FALSE(s.inTransaction());
    EXPECT_EQ(pick(r, s, "SELECT 1"), "b");
}

TEST(Transactions, ReplicaGoneDuringTransaction)
{
    Router r = makeRouter(Policy::RoundRobin, cluster({node("a", NodeRole::Replica)}));
    Session s = r.newSession();
    EXPECT_EQ(pick(r, s, "START TRANSACTION READ ONLY"), "a");
    r.setTopology(cluster({node("b", NodeRole::Replica)}));
    const RouteDecision &d = r.route(s, "SELECT 1");
    EXPECT_EQ(d.target, Target::Primary);
    EXPECT_TRUE(d.breaksTransaction);
    EXPECT_TRUE(mentions(d, "the transaction's node a is gone"));
}

// ---- protocol-level prepared statements --------------------------------------------------------

TEST(Protocol, BinaryPrepareExecuteClose)
{
    Router r = makeRouter(Policy::RoundRobin, cluster({node("a", NodeRole::Replica)}));
    Session s = r.newSession();
    const auto now = Router::Clock::now();
    EXPECT_EQ(r.routeProtocolPrepare(s, 7, "SELECT * FROM t WHERE id = ?", now).target, Target::All);
    EXPECT_EQ(r.routeProtocolPrepare(s, 8, "UPDATE t SET a = ? WHERE id = ?", now).target, Target::All);
    EXPECT_EQ(r.routeProtocolExecute(s, 7, now).target, Target::Replica);
    EXPECT_EQ(r.routeProtocolExecute(s, 8, now).target, Target::Primary);
    EXPECT_EQ(s.writeCount(), 1u);
    EXPECT_EQ(r.routeProtocolClose(s, 7, now).target, Target::All);
    EXPECT_EQ(r.routeProtocolExecute(s, 7, now).target, Target::Primary);   // closed: unknown
    EXPECT_EQ(r.routeProtocolExecute(s, 99, now).target, Target::Primary);
}

// ---- session state ------------------------------------------------------------------------------

TEST(SessionState, ResetForgetsEverythingButTheOptions)
{
    Router r = makeRouter(Policy::RoundRobin, cluster({node("a", NodeRole::Replica)}));
    SessionOptions o;
    o.consistency = Consistency::strong();
    Session s = r.newSession(o);
    r.route(s, "SET autocommit=0");
    r.route(s, "CREATE TEMPORARY TABLE tmp (a int)");
    r.route(s, "SELECT GET_LOCK('x', 1)");
    r.route(s, "PREPARE q FROM 'SELECT 1'");
    EXPECT_FALSE(s.autocommit());
    EXPECT_EQ(s.temporaryTables().size(), 1u);
    EXPECT_TRUE(s.pins() & PinNamedLock);
    EXPECT_TRUE(s.hasPrepared("q"));
    s.reset();
    EXPECT_TRUE(s.autocommit());
    EXPECT_TRUE(s.temporaryTables().empty());
    EXPECT_EQ(s.pins(), 0u);
    EXPECT_FALSE(s.hasPrepared("q"));
    EXPECT_EQ(s.consistency()->level, ConsistencyLevel::Strong);
}

TEST(SessionState, ApplicationPin)
{
    Router r = makeRouter(Policy::RoundRobin, cluster({node("a", NodeRole::Replica)}));
    Session s = r.newSession();
    s.pinToPrimary(true);
    EXPECT_TRUE(mentions(r.route(s, "SELECT 1"), "pinned to the primary by the application"));
    s.pinToPrimary(false);
    EXPECT_EQ(r.route(s, "SELECT 1").target, Target::Replica);
}

TEST(SessionState, PinAfterCallIsOptional)
{
    RouterConfig c;
    c.pinAfterCall = true;
    Router r(c);
    r.setTopology(cluster({node("a", NodeRole::Replica)}));
    Session s = r.newSession();
    r.route(s, "CALL p()");
    EXPECT_EQ(r.route(s, "SELECT 1").target, Target::Primary);
    Router plain = makeRouter(Policy::RoundRobin, cluster({node("a", NodeRole::Replica)}));
    Session s2 = plain.newSession();
    plain.route(s2, "CALL p()");
    EXPECT_EQ(plain.route(s2, "SELECT 1").target, Target::Replica);
}

// ---- the invariant, on random input ---------------------------------------------------------------

TEST(Invariant, NoWriteReachesAReplicaOnRandomStatementSoup)
{
    // Random sequences of statement fragments through every policy and consistency level: a
    // statement the classifier sends to the primary must always land there.
    const char *fragments[] = {
        "SELECT", "INSERT", "UPDATE", "DELETE", "FROM", "t", "INTO", "@x", ":=", "FOR", "UPDATE", "SHARE",
        "'a\\'", "'", "\"", "`", "/*", "*/", "/*!50000", "--", "\n", "#", ";", "(", ")", ",", "1", "f(", "now(",
        "WITH", "AS", "BEGIN", "COMMIT", "START TRANSACTION READ ONLY", "SET autocommit=0", "SET autocommit=1",
        "LOCK TABLES t READ", "UNLOCK TABLES", "PREPARE s FROM 'DELETE FROM t'", "EXECUTE s", "CREATE",
        "TEMPORARY", "TABLE", "/* switchyard: replica */", "/* switchyard: node=a */", "$$", "E'", "NEXT VALUE FOR",
        "GET_LOCK(", "LAST_INSERT_ID(", "EXPLAIN", "ANALYZE", "DO", "CALL", "SET", "@@identity", "VALUES",
    };
    std::mt19937 rng(12345);
    for (Dialect d : {Dialect::MySQL, Dialect::MariaDB, Dialect::PostgreSQL}) {
        for (Policy p : {Policy::RoundRobin, Policy::SmoothWeightedRoundRobin, Policy::LeastConnections,
                         Policy::EwmaPowerOfTwo}) {
            RouterConfig c;
            c.dialect = d;
            c.policy = p;
            Router r(c);
            r.setTopology(cluster({node("a", NodeRole::Replica), node("b", NodeRole::Replica, 3)}));
            Session s = r.newSession();
            for (int i = 0; i < 1500; ++i) {
                std::string sql;
                const int n = 1 + static_cast<int>(rng() % 8);
                for (int k = 0; k < n; ++k) {
                    sql += fragments[rng() % (sizeof fragments / sizeof *fragments)];
                    sql += ' ';
                }
                const RouteDecision &dec = r.route(s, sql);
                const bool mustBePrimary =
                    dec.requirement == Requirement::Primary || (dec.flags & FlagUnterminated) != 0;
                if (dec.statementCount == 1 && mustBePrimary) {
                    ASSERT_EQ(dec.target, Target::Primary) << sql;
                }
                if (dec.target == Target::Replica) {
                    ASSERT_FALSE(dec.flags & (FlagWrites | FlagUnknownFunction | FlagLockingRead | FlagSequence
                                              | FlagDataModifyingCte | FlagSelectInto))
                        << sql;
                }
                if (i % 97 == 0)
                    s.reset();
            }
        }
    }
}
