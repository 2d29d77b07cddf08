// The console against real sandboxes: it shows every node with role and version; a node whose
// server is frozen (SIGSTOP) is reported as timed out within the profile's timeouts while the
// other nodes keep updating and the GUI thread never stalls; `switchyard --screenshot` renders
// the window once the data is there.
#include "sandbox_fixture.h"
#include "stall_meter.h"

#include "switchyard/core/sandbox.h"
#include "switchyard/ui/cluster_monitor.h"
#include "switchyard/ui/main_window.h"
#include "switchyard/ui/node_table_model.h"
#include "switchyard/ui/profile_store.h"
#include "switchyard/ui/secret_store.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <set>

using namespace switchyard;
using namespace std::chrono_literals;

namespace {

// Every process of a server: the postmaster and its children, or the one mariadbd.
std::vector<int> serverProcesses(int pid)
{
    std::vector<int> out{pid};
    QDir proc(QStringLiteral("/proc"));
    for (const QString &entry : proc.entryList(QDir::Dirs)) {
        bool ok = false;
        const int child = entry.toInt(&ok);
        if (!ok)
            continue;
        std::ifstream status("/proc/" + std::to_string(child) + "/status");
        std::string line;
        while (std::getline(status, line)) {
            if (line.rfind("PPid:", 0) == 0) {
                if (std::stoi(line.substr(5)) == pid)
                    out.push_back(child);
                break;
            }
        }
    }
    return out;
}

// Freezes a server for the lifetime of the object; always thaws it.
class Frozen
{
public:
    explicit Frozen(int pid) : m_pids(serverProcesses(pid))
    {
        for (int p : m_pids)
            ::kill(p, SIGSTOP);
    }
    ~Frozen()
    {
        for (auto it = m_pids.rbegin(); it != m_pids.rend(); ++it)
            ::kill(*it, SIGCONT);
    }

private:
    std::vector<int> m_pids;
};


struct Console
{
    QTemporaryDir dir;
    ui::MemorySecretStore secrets;
    std::unique_ptr<ui::MainWindow> window;

    explicit Console(itest::ScopedSandbox &sandbox)
    {
        ui::ProfileStore store(dir.path());
        QString error;
        EXPECT_TRUE(ui::registerSandboxProfile(sandbox.info(), store, &error)) << error.toStdString();
        ui::MainWindow::Options o;
        o.profileDirectory = dir.path();
        o.sandboxRoot = QString::fromStdString(itest::ScopedSandbox::rootDirectory());
        o.secretStore = &secrets;
        window = std::make_unique<ui::MainWindow>(o);
        window->show();
        window->openProfile(QString::fromStdString(sandbox.name()));
    }

    const core::ClusterSnapshot *snapshot() const { return window->nodeModel()->snapshot(); }

    bool waitFor(std::function<bool(const core::ClusterSnapshot &)> done, std::chrono::milliseconds timeout)
    {
        return QTest::qWaitFor([&] { return snapshot() && done(*snapshot()); }, static_cast<int>(timeout.count()));
    }
};

const core::NodeStatus *byPort(const core::ClusterSnapshot &s, std::uint16_t port)
{
    for (const auto &n : s.nodes)
        if (n.port == port)
            return &n;
    return nullptr;
}

void showsEveryNode(core::Engine engine, std::size_t expectedNodes, const char *versionFragment)
{
    auto &sandbox = itest::sharedSandbox(engine);
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    Console console(sandbox);
    ASSERT_TRUE(console.waitFor([&](const core::ClusterSnapshot &s) { return s.countReachable() == static_cast<int>(expectedNodes); },
                                15s))
        << console.window->bannerText().toStdString();
    const auto &s = *console.snapshot();
    ASSERT_EQ(s.nodes.size(), expectedNodes);
    int primaries = 0;
    for (const auto &n : s.nodes) {
        EXPECT_NE(n.version.find(versionFragment), std::string::npos) << n.version;
        EXPECT_LE(n.queriesLastRound, 4) << n.name << ": the polling budget is four statements per node";
        if (n.role == core::NodeRole::Primary)
            ++primaries;
        else
            EXPECT_EQ(n.role, core::NodeRole::Replica);
    }
    EXPECT_EQ(primaries, 1);
    EXPECT_EQ(s.edges.size(), expectedNodes - 1);
    // The table says it in words.
    auto *model = console.window->nodeModel();
    EXPECT_EQ(model->rowCount(), static_cast<int>(expectedNodes));
    EXPECT_EQ(model->data(model->index(0, ui::NodeTableModel::Role)).toString(), QStringLiteral("primary"));
}

void frozenNodeTimesOutAndTheGuiStaysResponsive(core::Engine engine)
{
    auto &sandbox = itest::sharedSandbox(engine);
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    auto status = sandbox.track();
    ASSERT_TRUE(status.ok());
    Console console(sandbox);
    const auto *profile = console.window->currentProfile();
    ASSERT_TRUE(profile);
    const std::size_t nodes = status->nodes.size();
    ASSERT_TRUE(console.waitFor([&](const core::ClusterSnapshot &s) { return s.countReachable() == static_cast<int>(nodes); }, 15s));

    const core::SandboxNode &victim = status->nodes.back();
    const auto budget = std::chrono::milliseconds(profile->readTimeoutMs + profile->connectTimeoutMs + 2000);
    itest::StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    std::uint64_t generationAtFreeze = console.snapshot()->generation;
    {
        Frozen frozen(victim.pid);
        const bool timedOut = console.waitFor(
            [&](const core::ClusterSnapshot &s) {
                const auto *n = byPort(s, victim.port);
                // Unreachable right after the timeout, then "no answer" while the worker retries;
                // both carry the timeout as the last error.
                return n && n->reachability != core::Reachability::Reachable && n->lastError
                       && n->lastError->code == ErrorCode::Timeout;
            },
            budget + 3s);
        const qint64 elapsed = clock.elapsed();
        ASSERT_TRUE(timedOut) << "no timeout reported for the frozen node; banner: "
                              << console.window->bannerText().toStdString();
        EXPECT_LE(elapsed, budget.count()) << "the timeout took longer than the profile allows";
        // The banner names the node and says what happened.
        EXPECT_TRUE(console.window->bannerText().contains(QStringLiteral("Timed out"))) << console.window->bannerText().toStdString();
        // The other nodes kept answering all along.
        const auto &s = *console.snapshot();
        EXPECT_GT(s.generation, generationAtFreeze);
        EXPECT_EQ(s.countReachable(), static_cast<int>(nodes) - 1);
    }
    EXPECT_LT(meter.worstGapMs(), 200) << "the GUI thread stalled";
    // Thawed, the node comes back.
    EXPECT_TRUE(console.waitFor([&](const core::ClusterSnapshot &s) { return s.countReachable() == static_cast<int>(nodes); }, 20s));
}

void screenshotOfTheRunningConsole(core::Engine engine, const QString &engineArg)
{
    auto &sandbox = itest::sharedSandbox(engine);
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    QTemporaryDir home;
    // `switchyard --sandbox E --sandbox-name N --sandbox-dir D` reuses the running sandbox.
    QProcess gui;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    gui.setProcessEnvironment(env);
    const QString png = home.filePath(QStringLiteral("shot.png"));
    gui.start(QStringLiteral(SWITCHYARD_GUI),
              {QStringLiteral("--sandbox"), engineArg, QStringLiteral("--sandbox-name"), QString::fromStdString(sandbox.name()),
               QStringLiteral("--sandbox-dir"), QString::fromStdString(itest::ScopedSandbox::rootDirectory()),
               QStringLiteral("--screenshot"), png, QStringLiteral("--screenshot-timeout"), QStringLiteral("30")});
    ASSERT_TRUE(gui.waitForFinished(60000));
    EXPECT_EQ(gui.exitCode(), 0) << gui.readAllStandardError().toStdString();
    QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_GE(image.width(), 800);
    // The sandbox is still running: --sandbox reused it.
    auto after = sandbox.track();
    ASSERT_TRUE(after.ok());
    EXPECT_TRUE(after->running());
}

void changeIsOnScreenWithinTwoPollIntervals()
{
    auto &sandbox = itest::sharedSandbox(core::Engine::MySQL);
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    Console console(sandbox);
    const int interval = console.window->currentProfile()->pollIntervalMs;
    ASSERT_TRUE(console.waitFor([](const core::ClusterSnapshot &s) { return s.countReachable() == 3; }, 15s));
    const core::SandboxNode &replica = *sandbox.replicas().back();
    auto admin = core::createConnection(sandbox.options(replica, sandbox.info().credentials.admin));
    ASSERT_TRUE(admin->connect().ok());
    auto stopped = [&](const core::ClusterSnapshot &s) {
        const auto *n = byPort(s, replica.port);
        return n && n->sqlThreadRunning == false;
    };
    QElapsedTimer clock;
    ASSERT_TRUE(admin->execute("STOP SLAVE SQL_THREAD").ok());
    clock.start();
    const bool seen = console.waitFor(stopped, std::chrono::milliseconds(2 * interval + 500));
    const qint64 elapsed = clock.elapsed();
    ASSERT_TRUE(admin->execute("START SLAVE SQL_THREAD").ok());
    ASSERT_TRUE(seen) << "not on screen after " << elapsed << " ms";
    EXPECT_LE(elapsed, 2 * interval) << "poll interval " << interval << " ms";
    // The table row says so in words.
    auto *model = console.window->nodeModel();
    bool rowSaysStopped = false;
    for (int row = 0; row < model->rowCount(); ++row)
        rowSaysStopped |= model->data(model->index(row, ui::NodeTableModel::State)).toString().contains(QStringLiteral("stopped"));
    EXPECT_TRUE(rowSaysStopped);
    EXPECT_TRUE(console.waitFor([&](const core::ClusterSnapshot &s) { return !stopped(s); }, 10s));
}

} // namespace

TEST(Console, ChangeIsOnScreenWithinTwoPollIntervals) { changeIsOnScreenWithinTwoPollIntervals(); }
TEST(Console, ShowsTheThreeMariaDbNodes) { showsEveryNode(core::Engine::MySQL, 3, "MariaDB"); }
TEST(Console, ShowsTheTwoPostgresNodes) { showsEveryNode(core::Engine::PostgreSQL, 2, "15."); }
TEST(Console, FrozenMariaDbNodeTimesOut) { frozenNodeTimesOutAndTheGuiStaysResponsive(core::Engine::MySQL); }
TEST(Console, FrozenPostgresNodeTimesOut) { frozenNodeTimesOutAndTheGuiStaysResponsive(core::Engine::PostgreSQL); }
TEST(Console, ScreenshotMariaDb) { screenshotOfTheRunningConsole(core::Engine::MySQL, QStringLiteral("mariadb")); }
TEST(Console, ScreenshotPostgres) { screenshotOfTheRunningConsole(core::Engine::PostgreSQL, QStringLiteral("postgres")); }

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
