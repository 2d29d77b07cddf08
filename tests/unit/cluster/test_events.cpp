// Events from consecutive snapshots, as the event log lists them.
#include "switchyard/core/events.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace switchyard;
using namespace switchyard::core;

namespace {

NodeStatus node(std::string name, std::uint16_t port, bool replica)
{
    NodeStatus n;
    n.name = std::move(name);
    n.host = "127.0.0.1";
    n.port = port;
    n.flavor = Flavor::MariaDB;
    n.reachability = Reachability::Reachable;
    n.role = replica ? NodeRole::Replica : NodeRole::Primary;
    n.readOnly = replica;
    if (replica) {
        ReplicationChannel ch;
        ch.sourceHost = "127.0.0.1";
        ch.sourcePort = 1;
        ch.ioRunning = true;
        ch.sqlRunning = true;
        ch.lagSeconds = 0.0;
        n.channels = {ch};
        n.lagSeconds = 0.0;
    }
    return n;
}

ClusterSnapshot healthy(std::uint64_t generation)
{
    ClusterSnapshot s;
    s.generation = generation;
    s.takenAtMs = 1'700'000'000'000 + static_cast<std::int64_t>(generation) * 1000;
    s.nodes = {node("p", 1, false), node("r1", 2, true), node("r2", 3, true)};
    return s;
}

NodeStatus &byName(ClusterSnapshot &s, const std::string &name)
{
    for (NodeStatus &n : s.nodes)
        if (n.name == name)
            return n;
    throw std::runtime_error("no node " + name);
}

void setLag(ClusterSnapshot &s, const std::string &name, std::optional<double> lag)
{
    NodeStatus &n = byName(s, name);
    n.lagSeconds = lag;
    n.channels[0].lagSeconds = lag;
}

std::vector<EventType> types(const std::vector<Event> &events)
{
    std::vector<EventType> out;
    for (const Event &e : events)
        out.push_back(e.type);
    return out;
}

const Event *find(const std::vector<Event> &events, EventType type, const std::string &nodeName = {})
{
    for (const Event &e : events)
        if (e.type == type && (nodeName.empty() || e.node == nodeName))
            return &e;
    return nullptr;
}

} // namespace

TEST(Events, FirstSnapshotSaysMonitoringStartedAndWhatIsAlreadyWrong)
{
    EventDetector d;
    ClusterSnapshot s = healthy(1);
    byName(s, "r2").reachability = Reachability::Unreachable;
    byName(s, "r2").lastError = makeError(ErrorCode::ConnectFailed, "refused", "r2");
    byName(s, "r1").channels[0].sqlRunning = false;
    const auto events = d.next(s);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.front().type, EventType::MonitoringStarted);
    const Event *downEvent = find(events, EventType::NodeDown, "r2");
    ASSERT_TRUE(downEvent);
    EXPECT_EQ(downEvent->severity, Severity::Warning);
    EXPECT_NE(downEvent->detail.find("refused"), std::string::npos);
    EXPECT_TRUE(find(events, EventType::SqlThreadStopped, "r1"));
    EXPECT_FALSE(find(events, EventType::IoThreadStarted)) << "nothing started: it was already running";

    // Nothing changed: nothing to report.
    ClusterSnapshot same = s;
    same.generation = 2;
    EXPECT_TRUE(d.next(same).empty());
}

TEST(Events, NodeDownAndUpOncePerTransition)
{
    EventDetector d;
    d.next(healthy(1));
    ClusterSnapshot s2 = healthy(2);
    byName(s2, "p").reachability = Reachability::Unreachable;
    auto e2 = d.next(s2);
    const Event *downEvent = find(e2, EventType::NodeDown, "p");
    ASSERT_TRUE(downEvent);
    EXPECT_EQ(downEvent->severity, Severity::Critical) << "the primary going down is critical";
    EXPECT_EQ(downEvent->atMs, s2.takenAtMs);

    ClusterSnapshot s3 = healthy(3);
    byName(s3, "p").reachability = Reachability::NoAnswer;   // still down, another way
    EXPECT_FALSE(find(d.next(s3), EventType::NodeDown));
    EXPECT_TRUE(find(d.next(healthy(4)), EventType::NodeUp, "p"));
}

TEST(Events, RoleChangesAndReadOnly)
{
    EventDetector d;
    d.next(healthy(1));
    ClusterSnapshot s = healthy(2);
    byName(s, "r1").role = NodeRole::Primary;
    byName(s, "r1").channels.clear();
    byName(s, "r1").readOnly = false;
    const auto events = d.next(s);
    const Event *role = find(events, EventType::RoleChanged, "r1");
    ASSERT_TRUE(role);
    EXPECT_EQ(role->from, "replica");
    EXPECT_EQ(role->to, "primary");
    const Event *ro = find(events, EventType::ReadOnlyChanged, "r1");
    ASSERT_TRUE(ro);
    EXPECT_EQ(ro->to, "off");
    EXPECT_TRUE(find(events, EventType::ReplicationRemoved, "r1"));
}

TEST(Events, ThreadsAndErrors)
{
    EventDetector d;
    d.next(healthy(1));
    ClusterSnapshot s = healthy(2);
    ReplicationChannel &ch = byName(s, "r2").channels[0];
    ch.sqlRunning = false;
    ch.sqlErrno = 1062;
    ch.sqlError = "Duplicate entry '1' for key 'PRIMARY'";
    auto events = d.next(s);
    const Event *stopped = find(events, EventType::SqlThreadStopped, "r2");
    ASSERT_TRUE(stopped);
    EXPECT_EQ(stopped->severity, Severity::Critical) << "stopped by an error";
    const Event *err = find(events, EventType::ReplicationError, "r2");
    ASSERT_TRUE(err);
    EXPECT_NE(err->detail.find("1062"), std::string::npos);
    EXPECT_NE(err->detail.find("Duplicate entry"), std::string::npos);

    ClusterSnapshot s3 = healthy(3);
    events = d.next(s3);
    EXPECT_TRUE(find(events, EventType::SqlThreadStarted, "r2"));
    EXPECT_TRUE(find(events, EventType::ReplicationErrorCleared, "r2"));

    ClusterSnapshot s4 = healthy(4);
    byName(s4, "r1").channels[0].ioRunning = false;
    events = d.next(s4);
    const Event *io = find(events, EventType::IoThreadStopped, "r1");
    ASSERT_TRUE(io);
    EXPECT_EQ(io->severity, Severity::Warning) << "stopped by hand, no error";
}

TEST(Events, LagThresholdsCrossAndClearWithHysteresis)
{
    EventDetector d({.lagWarnSeconds = 10, .lagCriticalSeconds = 30, .clearFraction = 0.8});
    d.next(healthy(1));
    std::uint64_t g = 2;
    auto lag = [&](std::optional<double> seconds) {
        ClusterSnapshot s = healthy(g++);
        setLag(s, "r1", seconds);
        return d.next(s);
    };
    EXPECT_TRUE(lag(5).empty());
    auto e = lag(12);
    ASSERT_EQ(types(e), std::vector<EventType>{EventType::LagWarning});
    EXPECT_EQ(e[0].value, 12.0);
    EXPECT_EQ(e[0].threshold, 10.0);
    EXPECT_EQ(e[0].severity, Severity::Warning);
    EXPECT_TRUE(lag(9).empty()) << "9 s is above 80% of the threshold: no flapping";
    EXPECT_TRUE(lag(std::nullopt).empty()) << "unknown lag is not a recovery";
    e = lag(31);
    ASSERT_EQ(types(e), std::vector<EventType>{EventType::LagCritical});
    EXPECT_EQ(e[0].severity, Severity::Critical);
    EXPECT_TRUE(lag(25).empty()) << "25 s is above 80% of 30 s";
    e = lag(20);
    ASSERT_EQ(types(e), std::vector<EventType>{EventType::LagWarning});
    EXPECT_EQ(e[0].severity, Severity::Info) << "critical -> warning is an improvement";
    e = lag(2);
    ASSERT_EQ(types(e), std::vector<EventType>{EventType::LagCleared});
    EXPECT_EQ(e[0].severity, Severity::Info);
    EXPECT_TRUE(lag(3).empty());
    // From normal straight to critical: one event.
    e = lag(100);
    ASSERT_EQ(types(e), std::vector<EventType>{EventType::LagCritical});
}

TEST(Events, ProblemsAppearAndClearButNotTwice)
{
    EventDetector d;
    d.next(healthy(1));
    ClusterSnapshot s = healthy(2);
    s.problems.push_back({Severity::Critical, ProblemKind::ErrantGtid, {"r1"}, "0-2-5"});
    s.problems.push_back({Severity::Critical, ProblemKind::ReplicationSqlStopped, {"r2"}, "told by thread events"});
    s.problems.push_back({Severity::Info, ProblemKind::SwitchoverBlocker, {"r2"}, "configuration, not an event"});
    auto events = d.next(s);
    ASSERT_EQ(events.size(), 1u) << "only the errant GTID";
    EXPECT_EQ(events[0].type, EventType::ProblemAppeared);
    EXPECT_EQ(events[0].problem, ProblemKind::ErrantGtid);
    EXPECT_EQ(events[0].node, "r1");
    EXPECT_EQ(events[0].severity, Severity::Critical);

    ClusterSnapshot s3 = s;
    s3.generation = 3;
    s3.problems[0].detail = "0-2-5,0-2-6";  // same problem, new detail: not a new event
    EXPECT_TRUE(d.next(s3).empty());

    events = d.next(healthy(4));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].type, EventType::ProblemCleared);
    EXPECT_EQ(events[0].severity, Severity::Info);
}

TEST(Events, StaleSnapshotsAreIgnoredAndNewNodesAnnounced)
{
    EventDetector d;
    d.next(healthy(5));
    ClusterSnapshot old = healthy(4);
    byName(old, "p").reachability = Reachability::Unreachable;
    EXPECT_TRUE(d.next(old).empty());
    ClusterSnapshot more = healthy(6);
    more.nodes.push_back(node("r3", 4, true));
    EXPECT_TRUE(find(d.next(more), EventType::NodeAdded, "r3"));
}

TEST(Events, TypeNamesRoundTrip)
{
    for (int i = 0; i < kEventTypeCount; ++i) {
        const auto t = static_cast<EventType>(i);
        EXPECT_EQ(parseEventType(eventTypeName(t)), t);
    }
    EXPECT_FALSE(parseEventType("nonsense"));
}
