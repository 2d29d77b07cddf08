// Monitoring history against real clusters: a bounded write load shows up as throughput in
// the stored samples; a replica whose SQL thread waits on a table lock falls behind, crosses
// the warning and critical thresholds and clears them again, and the store holds the lag
// samples and those events in order; a stopped SQL thread is a gap (unknown lag), not 0;
// PostgreSQL replay paused shows WAL bytes behind. `switchyard-cli monitor` and `events`
// store and read the same history.
#include "sandbox_fixture.h"

#include "switchyard/core/connection.h"
#include "switchyard/ui/cluster_monitor.h"
#include "switchyard/ui/history_database.h"
#include "switchyard/ui/history_recorder.h"
#include "switchyard/ui/history_store.h"
#include "switchyard/ui/profile_store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <thread>

using namespace switchyard;
using namespace std::chrono_literals;

namespace {

// Spins the event loop (the monitor's rounds and the store's answers arrive through it).
bool waitUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeout.count())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

void spin(std::chrono::milliseconds d)
{
    waitUntil([] { return false; }, d);
}

std::unique_ptr<core::Connection> admin(itest::ScopedSandbox &sb, const core::SandboxNode &node)
{
    auto c = core::createConnection(sb.options(node, sb.info().credentials.admin));
    EXPECT_TRUE(c->connect().ok()) << node.name;
    return c;
}

void exec(core::Connection &c, const std::string &sql)
{
    auto r = c.execute(sql);
    ASSERT_TRUE(r.ok()) << sql << ": " << r.error().describe();
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// A monitored sandbox whose history goes to a temporary database.
struct Recording
{
    QTemporaryDir dir;
    QString path;
    std::unique_ptr<ui::HistoryStore> store;
    std::unique_ptr<ui::HistoryRecorder> recorder;
    std::unique_ptr<ui::ClusterMonitor> monitor;
    std::vector<core::Event> events;
    std::shared_ptr<const core::ClusterSnapshot> latest;

    Recording(itest::ScopedSandbox &sb, double warn, double crit)
    {
        path = dir.filePath(QStringLiteral("history.sqlite"));
        store = std::make_unique<ui::HistoryStore>(path);
        recorder = std::make_unique<ui::HistoryRecorder>(store.get());
        recorder->setEventOptions({warn, crit, 0.8});
        std::vector<ui::MonitorNode> nodes;
        for (const core::SandboxNode &n : sb.info().nodes) {
            ui::MonitorNode m;
            m.name = n.name;
            m.options = sb.options(n, sb.info().credentials.monitor);
            nodes.push_back(std::move(m));
        }
        monitor = std::make_unique<ui::ClusterMonitor>(std::move(nodes), 500ms);
        monitor->setTopologyOptions({warn, crit});
        monitor->setCrawl(false);
        recorder->attach(monitor.get());
        QObject::connect(recorder.get(), &ui::HistoryRecorder::eventsDetected,
                         [this](const std::vector<core::Event> &e) { events.insert(events.end(), e.begin(), e.end()); });
        QObject::connect(monitor.get(), &ui::ClusterMonitor::snapshotUpdated,
                         [this](std::shared_ptr<const core::ClusterSnapshot> s) { latest = std::move(s); });
        monitor->start();
    }
    ~Recording()
    {
        recorder->detach();
        monitor.reset();
        store.reset();
    }

    bool allReachable(std::size_t n, std::chrono::milliseconds timeout)
    {
        return waitUntil([&] { return latest && latest->countReachable() == static_cast<int>(n); }, timeout);
    }
    bool sawEvent(core::EventType type, const std::string &node) const
    {
        return std::any_of(events.begin(), events.end(), [&](const core::Event &e) { return e.type == type && e.node == node; });
    }
    // Flushes the store and opens a second connection on the file, as another reader would.
    std::unique_ptr<ui::HistoryDatabase> reader()
    {
        EXPECT_TRUE(store->waitForIdle());
        auto db = std::make_unique<ui::HistoryDatabase>(path);
        EXPECT_TRUE(db->open());
        return db;
    }
};

double maxOf(const ui::NodeHistory *n, ui::Metric m)
{
    double best = -1;
    if (!n)
        return best;
    for (double v : n->series(m))
        if (!std::isnan(v))
            best = std::max(best, v);
    return best;
}

} // namespace

TEST(HistoryLive, MariaDbThroughputLagThresholdsAndThreads)
{
    itest::ScopedSandboxOptions options;
    options.tag = "history";
    itest::ScopedSandbox sb(core::Engine::MySQL, options);
    ASSERT_TRUE(sb.ok()) << sb.error();
    Recording rec(sb, 2.0, 4.0);
    ASSERT_TRUE(rec.allReachable(3, 20s));
    const auto replicas = sb.replicas();
    ASSERT_EQ(replicas.size(), 2u);
    const std::string n2 = replicas[0]->name, n3 = replicas[1]->name, n1 = sb.primary().name;

    // 1. A bounded write load: 150 transactions of 20 rows over about 3 s.
    auto primary = admin(sb, sb.primary());
    exec(*primary, "CREATE TABLE IF NOT EXISTS app.load (id INT PRIMARY KEY AUTO_INCREMENT, v VARCHAR(40)) ENGINE=InnoDB");
    spin(1200ms);
    const qint64 loadStart = nowMs();
    std::atomic<bool> loadOk{true}, loadDone{false};
    std::thread writer([&] {
        auto c = core::createConnection(sb.options(sb.primary(), sb.info().credentials.admin));
        if (!c->connect().ok()) {
            loadOk = false;
            loadDone = true;
            return;
        }
        for (int t = 0; t < 150; ++t) {
            std::string insert = "INSERT INTO app.load (v) VALUES ";
            for (int r = 0; r < 20; ++r)
                insert += std::string(r ? "," : "") + "('row " + std::to_string(t * 20 + r) + "')";
            loadOk = loadOk && c->execute("BEGIN").ok() && c->execute(insert).ok() && c->execute("COMMIT").ok();
            std::this_thread::sleep_for(20ms);
        }
        loadDone = true;
    });
    // The event loop keeps turning (rounds close on it) while the writer runs.
    const bool finished = waitUntil([&] { return loadDone.load(); }, 60s);
    writer.join();
    ASSERT_TRUE(finished);
    ASSERT_TRUE(loadOk);
    spin(1500ms);
    {
        auto db = rec.reader();
        const ui::HistoryRange r = db->readRange(loadStart - 1000, nowMs());
        const ui::NodeHistory *p = r.find(QString::fromStdString(n1));
        ASSERT_TRUE(p);
        EXPECT_GT(maxOf(p, ui::Metric::Transactions), 10.0) << "150 explicit transactions in ~4 s";
        EXPECT_GT(maxOf(p, ui::Metric::RowsWritten), 200.0) << "3000 rows in ~4 s";
        EXPECT_GT(maxOf(p, ui::Metric::Queries), 30.0);
        EXPECT_GT(maxOf(p, ui::Metric::Connections), 1.0);
        const ui::NodeHistory *r2 = r.find(QString::fromStdString(n2));
        ASSERT_TRUE(r2);
        EXPECT_GT(maxOf(r2, ui::Metric::RowsWritten), 100.0) << "the replica applies the same rows";
        EXPECT_GE(maxOf(r2, ui::Metric::Lag), 0.0);
        EXPECT_GE(maxOf(r2, ui::Metric::TransactionsBehind), 0.0) << "GTID distance is known on MariaDB";
    }

    // 2. Lag: n3's SQL thread waits on a table lock while the primary writes.
    auto r3 = admin(sb, *replicas[1]);
    const qint64 lockAt = nowMs();
    exec(*r3, "LOCK TABLES app.load WRITE");
    exec(*primary, "INSERT INTO app.load (v) VALUES ('behind')");
    ASSERT_TRUE(waitUntil([&] { return rec.sawEvent(core::EventType::LagCritical, n3); }, 20s))
        << "no critical lag event for " << n3;
    spin(1000ms);
    exec(*r3, "UNLOCK TABLES");
    ASSERT_TRUE(waitUntil([&] { return rec.sawEvent(core::EventType::LagCleared, n3); }, 20s));
    {
        auto db = rec.reader();
        ui::EventFilter f;
        f.nodes = {QString::fromStdString(n3)};
        f.fromMs = lockAt - 1000;
        f.types = {core::EventType::LagWarning, core::EventType::LagCritical, core::EventType::LagCleared};
        QList<ui::StoredEvent> events = db->readEvents(f);
        std::reverse(events.begin(), events.end());
        ASSERT_GE(events.size(), 3) << "warning, critical, cleared";
        EXPECT_EQ(events[0].event.type, core::EventType::LagWarning);
        EXPECT_EQ(events[0].event.threshold, 2.0);
        EXPECT_GE(events[0].event.value.value_or(0), 2.0);
        EXPECT_EQ(events[1].event.type, core::EventType::LagCritical);
        EXPECT_GE(events[1].event.value.value_or(0), 4.0);
        EXPECT_EQ(events[1].event.severity, core::Severity::Critical);
        EXPECT_EQ(events.last().event.type, core::EventType::LagCleared);
        EXPECT_LT(events[0].event.atMs, events[1].event.atMs);
        EXPECT_LT(events[1].event.atMs, events.last().event.atMs);

        const ui::HistoryRange r = db->readRange(lockAt - 1000, nowMs());
        const ui::NodeHistory *lagging = r.find(QString::fromStdString(n3));
        ASSERT_TRUE(lagging);
        EXPECT_GE(maxOf(lagging, ui::Metric::Lag), 4.0) << "the stored samples show the lag the events announced";
        EXPECT_GE(maxOf(lagging, ui::Metric::TransactionsBehind), 1.0) << "one transaction waits on the lock";
        EXPECT_LT(maxOf(r.find(QString::fromStdString(n2)), ui::Metric::Lag), 2.0) << "the other replica kept up";
    }

    // 3. A stopped SQL thread: an event, and the lag is unknown (a gap) until it runs again.
    auto r2conn = admin(sb, *replicas[0]);
    const qint64 stopAt = nowMs();
    exec(*r2conn, "STOP SLAVE SQL_THREAD");
    ASSERT_TRUE(waitUntil([&] { return rec.sawEvent(core::EventType::SqlThreadStopped, n2); }, 10s));
    spin(1500ms);
    const qint64 startAt = nowMs();
    exec(*r2conn, "START SLAVE SQL_THREAD");
    ASSERT_TRUE(waitUntil([&] { return rec.sawEvent(core::EventType::SqlThreadStarted, n2); }, 10s));
    spin(1000ms);
    {
        auto db = rec.reader();
        const ui::HistoryRange r = db->readRange(stopAt + 600, startAt - 100);
        const ui::NodeHistory *stopped = r.find(QString::fromStdString(n2));
        ASSERT_TRUE(stopped);
        ASSERT_FALSE(stopped->times.empty());
        for (double v : stopped->series(ui::Metric::Lag))
            EXPECT_TRUE(std::isnan(v)) << "lag with a stopped SQL thread is unknown, never 0";
        ui::EventFilter f;
        f.fromMs = stopAt - 100;
        f.nodes = {QString::fromStdString(n2)};
        f.types = {core::EventType::SqlThreadStopped, core::EventType::SqlThreadStarted};
        EXPECT_EQ(db->readEvents(f).size(), 2);
        EXPECT_TRUE(db->integrityOk());
    }
}

TEST(HistoryLive, PostgresBytesBehindWhileReplayIsPaused)
{
    auto &sb = itest::sharedSandbox(core::Engine::PostgreSQL);
    ASSERT_TRUE(sb.ok()) << sb.error();
    Recording rec(sb, 10.0, 30.0);
    ASSERT_TRUE(rec.allReachable(2, 20s));
    const core::SandboxNode &standby = *sb.replicas().front();
    auto primary = admin(sb, sb.primary());
    auto replica = admin(sb, standby);
    exec(*primary, "CREATE TABLE IF NOT EXISTS history_load (id serial PRIMARY KEY, v text)");
    spin(1000ms);

    const qint64 pausedAt = nowMs();
    exec(*replica, "SELECT pg_wal_replay_pause()");
    ASSERT_TRUE(waitUntil([&] { return rec.sawEvent(core::EventType::SqlThreadStopped, standby.name); }, 10s))
        << "replay paused is applying stopped";
    exec(*primary, "INSERT INTO history_load (v) SELECT repeat('x', 100) FROM generate_series(1, 20000)");
    spin(2000ms);
    exec(*replica, "SELECT pg_wal_replay_resume()");
    ASSERT_TRUE(waitUntil([&] { return rec.sawEvent(core::EventType::SqlThreadStarted, standby.name); }, 10s));
    spin(1500ms);

    auto db = rec.reader();
    const ui::HistoryRange r = db->readRange(pausedAt, nowMs());
    const ui::NodeHistory *s = r.find(QString::fromStdString(standby.name));
    ASSERT_TRUE(s);
    EXPECT_GT(maxOf(s, ui::Metric::BytesBehind), 1'000'000.0) << "20000 rows of WAL not replayed";
    // Caught up again at the end.
    const auto &bytes = s->series(ui::Metric::BytesBehind);
    double last = std::nan("");
    for (auto it = bytes.rbegin(); it != bytes.rend() && std::isnan(last); ++it)
        last = *it;
    EXPECT_LT(last, 1'000'000.0);
    const ui::NodeHistory *p = r.find(QString::fromStdString(sb.primary().name));
    ASSERT_TRUE(p);
    EXPECT_GT(maxOf(p, ui::Metric::RowsWritten), 1000.0);
    EXPECT_GE(maxOf(p, ui::Metric::Transactions), 0.5);
}

TEST(HistoryLive, CliMonitorStoresAndEventsReadsBack)
{
    auto &sb = itest::sharedSandbox(core::Engine::PostgreSQL);
    ASSERT_TRUE(sb.ok()) << sb.error();
    QTemporaryDir home;
    const QString config = home.filePath(QStringLiteral("config")), data = home.filePath(QStringLiteral("data"));
    ui::ProfileStore profiles(config + QStringLiteral("/switchyard/profiles"));
    QString error;
    ASSERT_TRUE(ui::registerSandboxProfile(sb.info(), profiles, &error)) << error.toStdString();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    env.insert(QStringLiteral("XDG_DATA_HOME"), data);
    const QString profile = QString::fromStdString(sb.name());

    QProcess monitor;
    monitor.setProcessEnvironment(env);
    monitor.start(QStringLiteral(SWITCHYARD_CLI), {QStringLiteral("monitor"), QStringLiteral("--profile"), profile,
                                                   QStringLiteral("--duration"), QStringLiteral("3"),
                                                   QStringLiteral("--interval"), QStringLiteral("0.5"), QStringLiteral("--json")});
    ASSERT_TRUE(monitor.waitForFinished(30000));
    ASSERT_EQ(monitor.exitCode(), 0) << monitor.readAllStandardError().toStdString();
    int rounds = 0, events = 0;
    for (const QByteArray &line : monitor.readAllStandardOutput().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        ASSERT_FALSE(o.isEmpty()) << line.toStdString();
        if (o.value(QStringLiteral("type")) == QStringLiteral("round")) {
            ++rounds;
            EXPECT_EQ(o.value(QStringLiteral("nodes")).toArray().size(), 2);
        } else {
            ++events;
        }
    }
    EXPECT_GE(rounds, 4) << "3 s at 0.5 s";
    EXPECT_GE(events, 1) << "monitoring started";
    const QString file = data + QStringLiteral("/switchyard/history/") + profile + QStringLiteral(".sqlite");
    ui::HistoryDatabase db(file);
    ASSERT_TRUE(db.open()) << file.toStdString();
    EXPECT_EQ(db.sampleCount(), 2 * rounds) << "every printed round is stored";

    QProcess list;
    list.setProcessEnvironment(env);
    list.start(QStringLiteral(SWITCHYARD_CLI),
               {QStringLiteral("events"), QStringLiteral("--profile"), profile, QStringLiteral("--since"), QStringLiteral("10m"),
                QStringLiteral("--json")});
    ASSERT_TRUE(list.waitForFinished(30000));
    ASSERT_EQ(list.exitCode(), 0) << list.readAllStandardError().toStdString();
    const QByteArray out = list.readAllStandardOutput();
    EXPECT_TRUE(out.contains("\"event\":\"monitoring_started\"")) << out.toStdString();

    // A bad time is a usage error with one line on stderr.
    QProcess bad;
    bad.setProcessEnvironment(env);
    bad.start(QStringLiteral(SWITCHYARD_CLI),
              {QStringLiteral("events"), QStringLiteral("--profile"), profile, QStringLiteral("--since"), QStringLiteral("yesterday")});
    ASSERT_TRUE(bad.waitForFinished(30000));
    EXPECT_EQ(bad.exitCode(), 2);
    EXPECT_EQ(bad.readAllStandardError().count('\n'), 1);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
