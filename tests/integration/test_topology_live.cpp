// Discovery against real clusters that we break on purpose, as issue 4 lists: a stopped SQL
// thread, a writable replica, a replica lagging behind a locked table, an errant transaction,
// a replica server stopped, a standby gone with its slot left retaining WAL. What discovery,
// the problem list and `switchyard-cli topology` report must match what we did.
#include "sandbox_fixture.h"

#include "switchyard/core/discovery.h"
#include "switchyard/core/probe.h"
#include "switchyard/core/sandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <thread>

using namespace switchyard;
using namespace switchyard::core;
using namespace std::chrono_literals;

namespace {

std::vector<DiscoverySeed> seedsOf(itest::ScopedSandbox &sb)
{
    std::vector<DiscoverySeed> seeds;
    for (const SandboxNode &n : sb.info().nodes) {
        DiscoverySeed s;
        s.name = n.name;
        s.options = sb.options(n, sb.info().credentials.monitor);
        s.options.connectTimeout = 2s;
        s.options.readTimeout = 3s;
        seeds.push_back(std::move(s));
    }
    return seeds;
}

ClusterSnapshot discover(itest::ScopedSandbox &sb, double warn = 10, double critical = 30)
{
    DiscoveryOptions o;
    o.topology.lagWarnSeconds = warn;
    o.topology.lagCriticalSeconds = critical;
    o.confirmGap = 200ms;
    return discoverCluster(seedsOf(sb), o);
}

bool has(const ClusterSnapshot &s, ProblemKind kind, const std::string &node)
{
    return std::any_of(s.problems.begin(), s.problems.end(), [&](const Problem &p) {
        return p.kind == kind && std::find(p.nodes.begin(), p.nodes.end(), node) != p.nodes.end();
    });
}

std::string problemsText(const ClusterSnapshot &s)
{
    std::string out;
    for (const Problem &p : s.problems)
        out += std::string(problemKindName(p.kind)) + "(" + (p.nodes.empty() ? "" : p.nodes[0]) + "): " + p.detail + "\n";
    return out;
}

std::unique_ptr<Connection> admin(itest::ScopedSandbox &sb, const SandboxNode &n)
{
    auto c = createConnection(sb.options(n, sb.info().credentials.admin));
    EXPECT_TRUE(c->connect().ok());
    return c;
}

void exec(Connection &c, std::string_view sql)
{
    auto r = c.execute(sql);
    ASSERT_TRUE(r.ok()) << sql << ": " << r.error().describe();
}

const SandboxNode &node(itest::ScopedSandbox &sb, std::size_t i)
{
    return sb.info().nodes.at(i);
}

template <typename Pred>
ClusterSnapshot eventually(itest::ScopedSandbox &sb, Pred pred, std::chrono::seconds limit, double warn = 10, double crit = 30)
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    ClusterSnapshot s = discover(sb, warn, crit);
    while (!pred(s) && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(300ms);
        s = discover(sb, warn, crit);
    }
    return s;
}

// Counts what really goes over the wire: every statement passes through here.
class CountingConnection : public Connection
{
public:
    explicit CountingConnection(std::unique_ptr<Connection> inner) : m_inner(std::move(inner)) {}
    int statements = 0;
    Status connect() override { return m_inner->connect(); }
    void close() override { m_inner->close(); }
    bool isOpen() const override { return m_inner->isOpen(); }
    Result<QueryResult> query(std::string_view sql) override
    {
        ++statements;
        return m_inner->query(sql);
    }
    Result<std::uint64_t> execute(std::string_view sql) override
    {
        ++statements;
        return m_inner->execute(sql);
    }
    const ServerInfo &serverInfo() const override { return m_inner->serverInfo(); }
    const ConnectionOptions &options() const override { return m_inner->options(); }
    std::shared_ptr<Canceller> canceller() override { return m_inner->canceller(); }
    std::string quoteLiteral(std::string_view t) const override { return m_inner->quoteLiteral(t); }
    std::string quoteIdentifier(std::string_view t) const override { return m_inner->quoteIdentifier(t); }

private:
    std::unique_ptr<Connection> m_inner;
};

void pollingBudget(Engine engine)
{
    auto &sb = itest::sharedSandbox(engine);
    ASSERT_TRUE(sb.ok()) << sb.error();
    for (const SandboxNode &n : sb.info().nodes) {
        CountingConnection c(createConnection(sb.options(n, sb.info().credentials.monitor)));
        ASSERT_TRUE(c.connect().ok());
        for (int round = 0; round < 3; ++round) {
            const int before = c.statements;
            NodeStatus s;
            ASSERT_TRUE(probeNode(c, s).ok()) << n.name << ": " << s.lastError->describe();
            EXPECT_LE(c.statements - before, 4) << n.name << " round " << round;
            EXPECT_EQ(c.statements - before, s.queriesLastRound);
            // Throughput counters arrive within the same budget.
            EXPECT_TRUE(s.counters.commits.has_value()) << n.name;
            EXPECT_TRUE(s.counters.connections.has_value()) << n.name;
            EXPECT_TRUE(s.counters.uptimeSeconds.has_value()) << n.name;
            if (engine == Engine::MySQL) {
                EXPECT_TRUE(s.counters.queries.has_value()) << n.name;
            }
        }
    }
}

} // namespace

TEST(TopologyLive, PollingCostsAtMostFourStatementsPerNodeMariaDb) { pollingBudget(Engine::MySQL); }
TEST(TopologyLive, PollingCostsAtMostFourStatementsPerNodePostgres) { pollingBudget(Engine::PostgreSQL); }

TEST(TopologyLive, MariaDbBrokenOnPurpose)
{
    itest::ScopedSandbox sb(Engine::MySQL, {.replicas = 2, .tag = "topo", .binaryDirs = {}});
    ASSERT_TRUE(sb.ok()) << sb.error();
    const std::string n1 = node(sb, 0).name, n2 = node(sb, 1).name, n3 = node(sb, 2).name;

    // Healthy: two running edges from the primary, no problem above Info, within budget.
    ClusterSnapshot s = discover(sb);
    ASSERT_EQ(s.nodes.size(), 3u);
    EXPECT_EQ(s.countReachable(), 3);
    EXPECT_EQ(s.edges.size(), 2u);
    for (const ReplicationEdge &e : s.edges) {
        EXPECT_EQ(s.nodes[e.source].name, n1);
        EXPECT_EQ(e.state, EdgeState::Running);
    }
    for (const NodeStatus &n : s.nodes)
        EXPECT_LE(n.queriesLastRound, 4) << n.name;
    for (const Problem &p : s.problems)
        EXPECT_EQ(p.severity, Severity::Info) << problemsText(s);

    auto primary = admin(sb, node(sb, 0));
    exec(*primary, "CREATE TABLE IF NOT EXISTS app.t (id INT PRIMARY KEY AUTO_INCREMENT, v INT) ENGINE=InnoDB");

    // 1. SQL thread stopped on n3.
    auto r3 = admin(sb, node(sb, 2));
    exec(*r3, "STOP SLAVE SQL_THREAD");
    s = discover(sb);
    EXPECT_TRUE(has(s, ProblemKind::ReplicationSqlStopped, n3)) << problemsText(s);
    EXPECT_FALSE(s.find(n3)->lagSeconds.has_value()) << "lag with a stopped SQL thread is unknown, not 0";
    exec(*r3, "START SLAVE SQL_THREAD");
    s = eventually(sb, [&](const ClusterSnapshot &x) { return !has(x, ProblemKind::ReplicationSqlStopped, n3); }, 10s);
    EXPECT_FALSE(has(s, ProblemKind::ReplicationSqlStopped, n3)) << problemsText(s);

    // 2. A writable replica.
    auto r2 = admin(sb, node(sb, 1));
    exec(*r2, "SET GLOBAL read_only = OFF");
    s = discover(sb);
    EXPECT_TRUE(has(s, ProblemKind::ReadOnlyMismatch, n2)) << problemsText(s);
    exec(*r2, "SET GLOBAL read_only = ON");

    // 3. Lag: n3's SQL thread waits on a table lock while the primary writes.
    exec(*r3, "LOCK TABLES app.t WRITE");
    exec(*primary, "INSERT INTO app.t (v) VALUES (1)");
    s = eventually(sb, [&](const ClusterSnapshot &x) { return has(x, ProblemKind::LagCritical, n3); }, 15s, 1.0, 2.0);
    EXPECT_TRUE(has(s, ProblemKind::LagCritical, n3)) << problemsText(s);
    const auto *lagging = s.find(n3);
    ASSERT_TRUE(lagging && lagging->lagSeconds);
    EXPECT_GE(*lagging->lagSeconds, 2.0);
    exec(*r3, "UNLOCK TABLES");
    s = eventually(sb, [&](const ClusterSnapshot &x) { return !has(x, ProblemKind::LagCritical, n3); }, 15s, 1.0, 2.0);
    EXPECT_FALSE(has(s, ProblemKind::LagCritical, n3)) << problemsText(s);

    // 4. An errant transaction on n2 (the admin account bypasses read_only).
    exec(*r2, "INSERT INTO app.t (v) VALUES (666)");
    s = discover(sb);
    EXPECT_TRUE(has(s, ProblemKind::ErrantGtid, n2)) << problemsText(s);
    ASSERT_FALSE(s.find(n2)->errantGtids.empty());
    EXPECT_FALSE(has(s, ProblemKind::ErrantGtid, n3));

    // 5. A replica server stopped: unreachable, with the reason.
    ASSERT_EQ(::kill(node(sb, 2).pid, SIGKILL), 0);
    s = eventually(sb, [&](const ClusterSnapshot &x) { return has(x, ProblemKind::NodeUnreachable, n3); }, 10s);
    EXPECT_TRUE(has(s, ProblemKind::NodeUnreachable, n3)) << problemsText(s);
    ASSERT_TRUE(s.find(n3)->lastError.has_value());
    EXPECT_EQ(s.find(n3)->lastError->code, ErrorCode::ConnectFailed);
    static_cast<void>(sb.track());  // hand the crash handler the pids that are left
}

TEST(TopologyLive, PostgresStandbyGoneLeavesItsSlotRetainingWal)
{
    itest::ScopedSandbox sb(Engine::PostgreSQL, {.replicas = 1, .tag = "topo", .binaryDirs = {}});
    ASSERT_TRUE(sb.ok()) << sb.error();
    const std::string pg1 = node(sb, 0).name, pg2 = node(sb, 1).name;
    ClusterSnapshot s = discover(sb);
    ASSERT_EQ(s.countReachable(), 2);
    ASSERT_EQ(s.edges.size(), 1u);
    EXPECT_EQ(s.edges[0].state, EdgeState::Running);
    ASSERT_FALSE(s.find(pg1)->replicationSlots.empty());
    EXPECT_TRUE(s.find(pg1)->replicationSlots[0].active);
    EXPECT_EQ(s.find(pg1)->downstream.size(), 1u);
    for (const NodeStatus &n : s.nodes)
        EXPECT_LE(n.queriesLastRound, 4) << n.name;

    // Stop the standby's server; the primary keeps the slot and its WAL.
    ASSERT_EQ(::kill(node(sb, 1).pid, SIGTERM), 0);
    auto primary = admin(sb, node(sb, 0));
    exec(*primary, "CREATE TABLE IF NOT EXISTS t (id int)");
    s = eventually(sb,
                   [&](const ClusterSnapshot &x) {
                       return has(x, ProblemKind::InactiveSlot, pg1) && has(x, ProblemKind::NodeUnreachable, pg2);
                   },
                   20s);
    if (!has(s, ProblemKind::InactiveSlot, pg1)) {
        exec(*primary, "INSERT INTO t SELECT generate_series(1, 10000)");
        exec(*primary, "SELECT pg_switch_wal()");
        s = eventually(sb, [&](const ClusterSnapshot &x) { return has(x, ProblemKind::InactiveSlot, pg1); }, 10s);
    }
    EXPECT_TRUE(has(s, ProblemKind::InactiveSlot, pg1)) << problemsText(s);
    EXPECT_TRUE(has(s, ProblemKind::NodeUnreachable, pg2)) << problemsText(s);
    static_cast<void>(sb.track());  // hand the crash handler the pids that are left
}

TEST(TopologyLive, CliPrintsTheSnapshotAsJson)
{
    auto &sb = itest::sharedSandbox(Engine::MySQL);
    ASSERT_TRUE(sb.ok()) << sb.error();
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SWITCHYARD_PASSWORD"), QString::fromStdString(sb.info().credentials.monitor.password));
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(SWITCHYARD_CLI),
              {QStringLiteral("topology"), QStringLiteral("--engine"), QStringLiteral("mariadb"), QStringLiteral("--port"),
               QString::number(sb.primary().port), QStringLiteral("--user"),
               QString::fromStdString(sb.info().credentials.monitor.user), QStringLiteral("--json")});
    ASSERT_TRUE(cli.waitForFinished(30000));
    ASSERT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    const QJsonObject o = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    // From the primary alone, discovery crawls down to the replicas: they registered with
    // report_host/report_port, which SHOW SLAVE HOSTS lists.
    const QJsonArray nodes = o.value(QStringLiteral("nodes")).toArray();
    EXPECT_EQ(nodes.size(), static_cast<qsizetype>(sb.info().nodes.size()));
    EXPECT_EQ(o.value(QStringLiteral("edges")).toArray().size(), static_cast<qsizetype>(sb.info().nodes.size() - 1));
    EXPECT_TRUE(o.value(QStringLiteral("problems")).isArray());
    EXPECT_EQ(nodes.at(0).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("primary"));

    // A closed port: non-zero, one line that names the node.
    QProcess bad;
    bad.setProcessEnvironment(env);
    bad.start(QStringLiteral(SWITCHYARD_CLI), {QStringLiteral("topology"), QStringLiteral("--engine"), QStringLiteral("mariadb"),
                                                QStringLiteral("--port"), QStringLiteral("1"), QStringLiteral("--user"),
                                                QStringLiteral("x")});
    ASSERT_TRUE(bad.waitForFinished(30000));
    EXPECT_NE(bad.exitCode(), 0);
    const QString err = QString::fromLocal8Bit(bad.readAllStandardError()).trimmed();
    EXPECT_EQ(err.count(QLatin1Char('\n')), 0) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("127.0.0.1:1"))) << err.toStdString();
}
