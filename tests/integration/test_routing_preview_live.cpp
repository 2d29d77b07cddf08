// The routing preview against real sandboxes (issue 6): the panel follows a live ClusterMonitor,
// routes reads to the replicas the monitor sees and writes to the primary, takes the primary's
// position for read-your-writes, and Verify runs a pure read on a replica through the monitor
// account - rows, row limit, the replica's lag at that moment, a server-side timeout, cancel
// while the GUI keeps running - and refuses anything else without sending it.
#include "sandbox_fixture.h"
#include "stall_meter.h"

#include "switchyard/core/routing_topology.h"
#include "switchyard/core/sandbox.h"
#include "switchyard/ui/cluster_monitor.h"
#include "switchyard/ui/credential_resolver.h"
#include "switchyard/ui/profile_store.h"
#include "switchyard/ui/routing_preview.h"
#include "switchyard/ui/topology_view.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace switchyard;
using namespace std::chrono_literals;
namespace sr = switchyard::routing;

namespace {


// A monitor on the sandbox and the panel attached to it, as MainWindow wires them.
struct Preview
{
    QTemporaryDir dir;
    ui::Profile profile;
    std::unique_ptr<ui::ClusterMonitor> monitor;
    std::unique_ptr<ui::RoutingPreview> panel;

    explicit Preview(itest::ScopedSandbox &sandbox)
    {
        ui::ProfileStore store(dir.path());
        QString problem;
        EXPECT_TRUE(ui::registerSandboxProfile(sandbox.info(), store, &problem)) << problem.toStdString();
        auto loaded = store.load(QString::fromStdString(sandbox.name()), &problem);
        EXPECT_TRUE(loaded) << problem.toStdString();
        profile = *loaded;
        const auto password = ui::CredentialResolver::sandboxPassword(profile, profile.monitorUser, &problem);
        EXPECT_TRUE(password) << problem.toStdString();
        std::vector<ui::MonitorNode> nodes;
        for (const ui::ProfileNode &n : profile.seeds) {
            ui::MonitorNode m;
            m.name = n.label().toStdString();
            m.options = profile.connectionOptions(n, profile.monitorUser);
            m.options.password = password ? password->toStdString() : std::string();
            nodes.push_back(std::move(m));
        }
        monitor = std::make_unique<ui::ClusterMonitor>(std::move(nodes), 500ms);
        monitor->setTopologyOptions({profile.lagWarnSeconds, profile.lagCriticalSeconds});
        panel = std::make_unique<ui::RoutingPreview>();
        panel->resize(1440, 900);
        panel->setProfile(profile); // Verify finds the password in the sandbox directory
        panel->attach(monitor.get());
        panel->show();
        monitor->start();
    }
    ~Preview()
    {
        panel->detach();
        monitor->stop();
    }

    bool waitFor(const std::function<bool(const core::ClusterSnapshot &)> &done,
                 std::chrono::milliseconds timeout)
    {
        return QTest::qWaitFor(
            [&] {
                auto s = monitor->latest();
                return s && done(*s);
            },
            static_cast<int>(timeout.count()));
    }
    bool allUp(std::size_t count)
    {
        return waitFor(
            [count](const core::ClusterSnapshot &s) {
                if (s.nodes.size() != count)
                    return false;
                for (const auto &n : s.nodes)
                    if (core::routingHealth(n) != sr::NodeHealth::Up)
                        return false;
                return true;
            },
            20s);
    }
    const sr::RouteDecision &last() const { return panel->outcome().lastStatement()->decision; }
    bool verify(const QString &sql, int timeoutMs = 20000)
    {
        QSignalSpy done(panel.get(), &ui::RoutingPreview::verifyFinished);
        panel->setSql(sql);
        panel->verify();
        return done.count() > 0 || done.wait(timeoutMs);
    }
};

bool hasReason(const sr::RouteDecision &d, sr::ReasonCode code)
{
    for (const auto &r : d.reasons)
        if (r.code == code)
            return true;
    return false;
}

std::string nodeNameOf(const core::ClusterSnapshot &s, core::NodeRole role)
{
    for (const auto &n : s.nodes)
        if (n.role == role)
            return n.name;
    return {};
}

} // namespace

TEST(RoutingPreviewLive, MariaDbRoutesAgainstTheLiveCluster)
{
    auto &sandbox = itest::sharedSandbox(core::Engine::MySQL);
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    Preview p(sandbox);
    ASSERT_TRUE(p.allUp(3));
    QTest::qWait(50);
    const auto snapshot = p.monitor->latest();
    EXPECT_EQ(p.panel->settings().dialect, sr::Dialect::MariaDB) << "the dialect comes from the servers";
    ASSERT_TRUE(p.panel->settings().serverVersion);
    EXPECT_EQ(p.panel->topologySource(), ui::RoutingPreview::TopologySource::Live);

    p.panel->setSql(QStringLiteral("SELECT * FROM app.orders WHERE id = 1"));
    EXPECT_EQ(p.last().target, sr::Target::Replica);
    const core::NodeStatus *target = snapshot->find(p.last().nodeName);
    ASSERT_TRUE(target);
    EXPECT_EQ(target->role, core::NodeRole::Replica);
    EXPECT_EQ(p.panel->graph()->highlightedNodes(), QStringList{QString::fromStdString(p.last().nodeName)});

    p.panel->setSql(QStringLiteral("INSERT INTO app.orders VALUES (1)"));
    EXPECT_EQ(p.last().target, sr::Target::Primary);
    EXPECT_EQ(p.last().nodeName, nodeNameOf(*snapshot, core::NodeRole::Primary));

    // What-if never reaches the cluster: the primary marked down makes the write fail here,
    // while the monitor keeps seeing it up.
    ui::WhatIf w;
    w.nodes[p.last().nodeName].state = ui::WhatIfNode::State::Down;
    p.panel->setWhatIf(w);
    EXPECT_TRUE(ui::primaryUnavailable(p.last()));
    EXPECT_FALSE(p.panel->bannerText().isEmpty());
    QTest::qWait(1200);
    EXPECT_EQ(core::routingHealth(*p.monitor->latest()->find(p.last().nodeName)), sr::NodeHealth::Up);
    p.panel->clearWhatIf();
}

TEST(RoutingPreviewLive, MariaDbReadYourWritesWithThePrimarysPosition)
{
    auto &sandbox = itest::sharedSandbox(core::Engine::MySQL);
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    const auto &creds = sandbox.info().credentials;
    auto app = core::createConnection(sandbox.options(sandbox.primary(), creds.application));
    ASSERT_TRUE(app->connect().ok());
    ASSERT_TRUE(app->execute("CREATE TABLE IF NOT EXISTS app.preview_ryw (id INT PRIMARY KEY)").ok());
    ASSERT_TRUE(app->execute("REPLACE INTO app.preview_ryw VALUES (1)").ok());

    Preview p(sandbox);
    ASSERT_TRUE(p.allUp(3));
    // Wait until both replicas have applied what the primary has.
    ASSERT_TRUE(p.waitFor(
        [](const core::ClusterSnapshot &s) {
            const int primary = core::snapshotPrimaryIndex(s);
            if (primary < 0)
                return false;
            const std::string want =
                core::routingPositionText(s.nodes[static_cast<std::size_t>(primary)], sr::Dialect::MariaDB);
            for (const auto &n : s.nodes)
                if (core::routingPositionText(n, sr::Dialect::MariaDB) != want || want.empty())
                    return false;
            return true;
        },
        20s));
    QTest::qWait(50);
    p.panel->setConsistency(sr::Consistency::readYourWrites());
    p.panel->setSql(QStringLiteral("SELECT * FROM app.preview_ryw WHERE id = 1"));
    ASSERT_TRUE(p.panel->takePrimaryPosition());
    const std::string position = p.panel->context().writePosition;
    ASSERT_FALSE(position.empty());
    EXPECT_EQ(p.last().target, sr::Target::Replica) << "caught-up replicas serve the read";
    EXPECT_TRUE(hasReason(p.last(), sr::ReasonCode::ReadYourWrites));

    // A write the replicas have not applied yet: the primary, each replica saying why.
    auto gtid = sr::MariaDbGtidList::parse(position);
    ASSERT_TRUE(gtid);
    std::string ahead = position;
    const auto dash = ahead.rfind('-');
    ahead = ahead.substr(0, dash + 1) + std::to_string(std::stoull(ahead.substr(dash + 1)) + 1000);
    ui::SessionContext c = p.panel->context();
    c.writePosition = ahead;
    p.panel->setContext(c);
    EXPECT_EQ(p.last().target, sr::Target::Primary);
    int behind = 0;
    for (const auto &r : p.last().reasons)
        behind += r.code == sr::ReasonCode::ExcludedBehindWrite ? 1 : 0;
    EXPECT_EQ(behind, 2);
}

TEST(RoutingPreviewLive, MariaDbVerifyReadsOnTheReplica)
{
    auto &sandbox = itest::sharedSandbox(core::Engine::MySQL);
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    const auto &creds = sandbox.info().credentials;
    auto app = core::createConnection(sandbox.options(sandbox.primary(), creds.application));
    ASSERT_TRUE(app->connect().ok());
    ASSERT_TRUE(
        app->execute("CREATE TABLE IF NOT EXISTS app.preview_verify (id INT PRIMARY KEY, note VARCHAR(20))")
            .ok());
    ASSERT_TRUE(
        app->execute("REPLACE INTO app.preview_verify VALUES (1, 'one'), (2, 'two'), (3, NULL)").ok());

    Preview p(sandbox);
    ASSERT_TRUE(p.allUp(3));
    QTest::qWait(50);

    // Rows from the replica the statement routes to, and its lag right then.
    bool replicated = false;
    for (int attempt = 0; attempt < 20 && !replicated; ++attempt) {
        ASSERT_TRUE(p.verify(QStringLiteral("SELECT id, note FROM app.preview_verify ORDER BY id")));
        ASSERT_TRUE(p.panel->verifyResult()) << p.panel->verifyStatus().toStdString();
        ASSERT_FALSE(p.panel->verifyResult()->error) << p.panel->verifyStatus().toStdString();
        replicated = p.panel->verifyResult()->rows.rows.size() == 3;
        if (!replicated)
            QTest::qWait(250);
    }
    ASSERT_TRUE(replicated) << p.panel->verifyStatus().toStdString();
    const ui::VerifyResult &r = *p.panel->verifyResult();
    EXPECT_EQ(r.rows.columns, (std::vector<std::string>{"id", "note"}));
    EXPECT_FALSE(r.rows.rows[2][1].has_value()) << "NULL stays NULL";
    EXPECT_TRUE(r.lagMeasured);
    EXPECT_TRUE(r.lagSeconds.has_value());
    EXPECT_TRUE(p.panel->verifyStatus().contains(QStringLiteral("lag at that moment")))
        << p.panel->verifyStatus().toStdString();
    EXPECT_EQ(p.panel->verifyTable()->rowCount(), 3);
    EXPECT_TRUE(p.panel->explanationMarkdown().contains(QStringLiteral("## Verification on the replica")));
    // For people to look at: the panel on the live sandbox with a verified read.
    const QString shots = QString::fromStdString(itest::ScopedSandbox::rootDirectory()) + QStringLiteral("/../screenshots");
    QDir().mkpath(shots);
    EXPECT_TRUE(p.panel->grab().save(shots + QStringLiteral("/routing-preview-live-mariadb.png")));

    // The row limit holds on the server.
    ASSERT_TRUE(p.verify(QStringLiteral("SELECT table_name FROM information_schema.columns")));
    ASSERT_TRUE(p.panel->verifyResult() && !p.panel->verifyResult()->error)
        << p.panel->verifyStatus().toStdString();
    EXPECT_EQ(p.panel->verifyResult()->rows.rows.size(), 100u);
    EXPECT_TRUE(p.panel->verifyResult()->truncated);

    // Anything but a pure read is refused and never sent.
    for (const char *sql : {"DELETE FROM app.preview_verify", "SELECT * FROM app.preview_verify FOR UPDATE",
                            "SELECT * FROM app.preview_verify INTO OUTFILE '/tmp/preview-x'",
                            "/* SELECT */ DELETE FROM app.preview_verify"}) {
        ASSERT_TRUE(p.verify(QString::fromUtf8(sql), 2000)) << sql;
        EXPECT_FALSE(p.panel->verifyResult()) << sql;
        EXPECT_TRUE(p.panel->verifyStatus().startsWith(QStringLiteral("Not run")) ||
                    p.panel->verifyStatus().contains(QStringLiteral("one statement")))
            << p.panel->verifyStatus().toStdString();
    }
    auto check = app->query("SELECT COUNT(*) AS n FROM app.preview_verify");
    ASSERT_TRUE(check.ok());
    EXPECT_EQ(check->value(0, "n"), std::optional<std::string>("3"));
}

TEST(RoutingPreviewLive, MariaDbVerifyTimesOutAndCancels)
{
    auto &sandbox = itest::sharedSandbox(core::Engine::MySQL);
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    Preview p(sandbox);
    ASSERT_TRUE(p.allUp(3));
    QTest::qWait(50);
    const QString slow =
        QStringLiteral("SELECT COUNT(*) FROM information_schema.columns a, information_schema.columns b, "
                       "information_schema.columns c");

    // The server stops it at the timeout.
    {
        p.panel->setVerifyLimits(100, 1);
        QElapsedTimer clock;
        clock.start();
        ASSERT_TRUE(p.verify(slow, 15000));
        ASSERT_TRUE(p.panel->verifyResult());
        EXPECT_TRUE(p.panel->verifyResult()->error) << p.panel->verifyStatus().toStdString();
        EXPECT_LT(clock.elapsed(), 6000);
        EXPECT_TRUE(p.panel->verifyStatus().contains(QStringLiteral("did not answer")))
            << p.panel->verifyStatus().toStdString();
    }
    // Cancel while it runs: the GUI thread never waits, the statement is killed on the server.
    {
        p.panel->setVerifyLimits(100, 60);
        itest::StallMeter meter;
        QSignalSpy done(p.panel.get(), &ui::RoutingPreview::verifyFinished);
        p.panel->setSql(slow);
        p.panel->verify();
        QTest::qWait(700);
        ASSERT_TRUE(p.panel->verifyBusy()) << p.panel->verifyStatus().toStdString();
        QElapsedTimer clock;
        clock.start();
        p.panel->cancelVerify();
        ASSERT_TRUE(done.wait(10000));
        EXPECT_LT(clock.elapsed(), 5000);
        ASSERT_TRUE(p.panel->verifyResult());
        EXPECT_TRUE(p.panel->verifyResult()->cancelled) << p.panel->verifyStatus().toStdString();
        EXPECT_LT(meter.worstGapMs(), 200) << "the GUI thread stalled";
    }
}

TEST(RoutingPreviewLive, PostgresRoutesAndVerifies)
{
    auto &sandbox = itest::sharedSandbox(core::Engine::PostgreSQL);
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    Preview p(sandbox);
    ASSERT_TRUE(p.allUp(2));
    QTest::qWait(50);
    EXPECT_EQ(p.panel->settings().dialect, sr::Dialect::PostgreSQL);
    p.panel->setSql(QStringLiteral("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d"));
    EXPECT_EQ(p.last().target, sr::Target::Primary);
    p.panel->setSql(QStringLiteral("SELECT relname FROM pg_class ORDER BY relname"));
    EXPECT_EQ(p.last().target, sr::Target::Replica);

    // A cursor holds the limit on the server.
    ASSERT_TRUE(p.verify(QStringLiteral("SELECT relname FROM pg_class ORDER BY relname")));
    ASSERT_TRUE(p.panel->verifyResult()) << p.panel->verifyStatus().toStdString();
    ASSERT_FALSE(p.panel->verifyResult()->error) << p.panel->verifyStatus().toStdString();
    EXPECT_EQ(p.panel->verifyResult()->rows.rows.size(), 100u);
    EXPECT_TRUE(p.panel->verifyResult()->truncated);
    EXPECT_TRUE(p.panel->verifyResult()->lagMeasured);

    // The primary's LSN for read-your-writes: a standby that replays it serves the read.
    p.panel->setConsistency(sr::Consistency::readYourWrites());
    ASSERT_TRUE(p.panel->takePrimaryPosition());
    EXPECT_TRUE(sr::Lsn::parse(p.panel->context().writePosition).has_value())
        << p.panel->context().writePosition;
}

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
