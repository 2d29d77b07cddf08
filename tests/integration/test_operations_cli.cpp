// `switchyard-cli switchover` and `failover` as an operator runs them, on a real MariaDB sandbox
// registered by `switchyard-cli sandbox up`: the dry run prints checks and the plan and changes
// nothing; --yes runs it; a failing check is named in the exit message; a run killed with
// SIGKILL after step k (the test hook SWITCHYARD_TEST_PAUSE_AFTER_STEP holds it there) blocks
// new operations until it is rolled back (--rollback --yes, before the promote step) or
// resumed (--resume --yes); failover after SIGKILL of the primary.

#include "process.h"
#include "sandbox_fixture.h"

#include "switchyard/core/sandbox.h"

#include <gtest/gtest.h>

#include <signal.h>

#include <filesystem>
#include <thread>

#ifndef SWITCHYARD_CLI
#error "SWITCHYARD_CLI must name the switchyard-cli binary"
#endif

namespace fs = std::filesystem;
using namespace switchyard;
using namespace switchyard::core;
using namespace std::chrono_literals;

namespace {

struct CliWorld
{
    explicit CliWorld(const std::string &tag)
        : base(itest::ScopedSandbox::rootDirectory() + "/.opscli-" + tag), root(base + "/sandboxes")
    {
        cleanup();
        for (const char *d : {"/home", "/config", "/data", "/runtime"})
            fs::create_directories(base + d);
        fs::permissions(base + "/runtime", fs::perms::owner_all);
    }
    ~CliWorld() { cleanup(); }

    void cleanup()
    {
        std::error_code ec;
        if (fs::exists(root, ec)) {
            SandboxManager manager(root);
            if (auto all = manager.list()) {
                for (const auto &info : *all)
                    (void)manager.destroy(info.name);
            }
        }
        fs::remove_all(base, ec);
    }

    ProcessOutput run(std::vector<std::string> args, std::vector<std::string> env = {},
                      std::chrono::milliseconds timeout = 120s) const
    {
        ProcessSpec spec;
        spec.argv = {SWITCHYARD_CLI};
        spec.argv.insert(spec.argv.end(), args.begin(), args.end());
        spec.env = {"HOME=" + base + "/home",          "XDG_CONFIG_HOME=" + base + "/config",
                    "XDG_DATA_HOME=" + base + "/data", "XDG_RUNTIME_DIR=" + base + "/runtime",
                    "QT_QPA_PLATFORM=offscreen",       "LC_ALL=C.UTF-8",
                    "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent"};
        spec.env.insert(spec.env.end(), env.begin(), env.end());
        auto out = runProcess(spec, {}, timeout);
        if (!out) {
            ProcessOutput failed;
            failed.err = out.error().describe();
            return failed;
        }
        return *out;
    }

    SandboxInfo info(const std::string &name) const
    {
        auto s = SandboxManager(root).status(name);
        EXPECT_TRUE(s.ok());
        return s ? *s : SandboxInfo();
    }

    std::string value(const std::string &name, const std::string &node, const std::string &sql) const
    {
        const SandboxInfo i = info(name);
        for (const auto &n : i.nodes) {
            if (n.name != node)
                continue;
            auto c = createConnection(SandboxManager::connectionOptions(i, n, i.credentials.admin));
            if (!c->connect())
                return "unreachable";
            auto r = c->query(sql);
            return r && !r->rows.empty() ? r->rows[0][0].value_or("NULL") : "error";
        }
        return "no node";
    }

    std::string writable(const std::string &name) const
    {
        std::string out;
        for (const auto &n : info(name).nodes) {
            if (value(name, n.name, "SELECT @@GLOBAL.read_only") == "0")
                out += (out.empty() ? "" : ",") + n.name;
        }
        return out;
    }

    std::string base;
    std::string root;
};

std::string both(const ProcessOutput &o)
{
    return "exit " + std::to_string(o.exitCode) + "\nstdout:\n" + o.out + "\nstderr:\n" + o.err;
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST(OperationsCli, SwitchoverDryRunRunKillResumeRollbackAndFailover)
{
    CliWorld world("mariadb");
    itest::PortBlock ports(Engine::MySQL, 3, "opscli");
    ASSERT_NE(ports.base(), 0);
    auto up = world.run({"sandbox", "up", "--engine", "mariadb", "--name", "ops", "--base-port",
                         std::to_string(ports.base()), "--dir", world.root});
    ASSERT_EQ(up.exitCode, 0) << both(up);

    // Dry run: checks and plan, nothing changed.
    auto dry = world.run({"switchover", "--profile", "ops", "--to", "n2"});
    ASSERT_EQ(dry.exitCode, 0) << both(dry);
    EXPECT_TRUE(contains(dry.out, "[GREEN] privileges (n1)")) << dry.out;
    EXPECT_TRUE(contains(dry.out, "n1: SET GLOBAL read_only = ON")) << dry.out;
    EXPECT_TRUE(contains(dry.out, "MASTER_PASSWORD='<secret>'")) << dry.out;
    EXPECT_TRUE(contains(dry.out, "Nothing was changed")) << dry.out;
    EXPECT_EQ(world.writable("ops"), "n1");

    // A check that fails is named, nothing changes.
    auto bad = world.run({"switchover", "--profile", "ops", "--to", "n9", "--yes"});
    EXPECT_EQ(bad.exitCode, 1) << both(bad);
    EXPECT_TRUE(contains(bad.err, "preflight check candidate failed")) << bad.err;
    EXPECT_EQ(world.writable("ops"), "n1");

    // Run it.
    auto run = world.run({"switchover", "--profile", "ops", "--to", "n2", "--yes"});
    ASSERT_EQ(run.exitCode, 0) << both(run);
    EXPECT_TRUE(contains(run.out, "result: succeeded")) << run.out;
    EXPECT_TRUE(contains(run.out, "[GREEN] post_replicating (n1)")) << run.out;
    EXPECT_EQ(world.writable("ops"), "n2");

    // Killed (SIGKILL) after step 4 (demote.position, before promote): new operations are
    // refused, then it is rolled back: n2 writable again.
    auto killed = world.run({"switchover", "--profile", "ops", "--to", "n1", "--yes"},
                            {"SWITCHYARD_TEST_PAUSE_AFTER_STEP=3"}, 3s);
    ASSERT_TRUE(killed.timedOut) << both(killed);
    EXPECT_TRUE(contains(killed.err, "test pause after step 3")) << both(killed);
    EXPECT_EQ(world.writable("ops"), "");   // frozen: what the crash left
    auto refused = world.run({"switchover", "--profile", "ops", "--to", "n3"});
    EXPECT_EQ(refused.exitCode, 1) << both(refused);
    EXPECT_TRUE(contains(refused.err, "unfinished switchover")) << refused.err;
    auto look = world.run({"switchover", "--profile", "ops", "--rollback"});
    EXPECT_EQ(look.exitCode, 0) << both(look);
    EXPECT_TRUE(contains(look.out, "4. demote.position [done]")) << look.out;
    EXPECT_TRUE(contains(look.out, "not run: add --yes")) << look.out;
    auto rolled = world.run({"switchover", "--profile", "ops", "--rollback", "--yes"});
    ASSERT_EQ(rolled.exitCode, 0) << both(rolled);
    EXPECT_TRUE(contains(rolled.out, "UNDO n2: SET GLOBAL read_only = OFF")) << rolled.out;
    EXPECT_EQ(world.writable("ops"), "n2");

    // Killed right after the promote step: roll back is refused, resume finishes it.
    auto killed2 = world.run({"switchover", "--profile", "ops", "--to", "n1", "--yes"},
                             {"SWITCHYARD_TEST_PAUSE_AFTER_STEP=6"}, 3s);
    ASSERT_TRUE(killed2.timedOut) << both(killed2);
    EXPECT_EQ(world.writable("ops"), "n1");
    auto noRollback = world.run({"switchover", "--profile", "ops", "--rollback", "--yes"});
    EXPECT_EQ(noRollback.exitCode, 1) << both(noRollback);
    EXPECT_TRUE(contains(noRollback.err, "cannot roll back")) << noRollback.err;
    auto resumed = world.run({"switchover", "--profile", "ops", "--resume", "--yes"});
    ASSERT_EQ(resumed.exitCode, 0) << both(resumed);
    EXPECT_TRUE(contains(resumed.out, "result: succeeded")) << resumed.out;
    EXPECT_EQ(world.value("ops", "n2", "SELECT @@GLOBAL.read_only"), "1");
    EXPECT_EQ(world.value("ops", "n3", "SELECT @@GLOBAL.read_only"), "1");

    // Every statement is in the event log.
    auto events = world.run({"events", "--profile", "ops"});
    EXPECT_EQ(events.exitCode, 0) << both(events);
    EXPECT_TRUE(contains(events.out, "SET GLOBAL read_only = ON")) << events.out;

    // Failover after SIGKILL of the primary n1.
    int pid = 0;
    for (const auto &n : world.info("ops").nodes) {
        if (n.name == "n1")
            pid = n.pid;
    }
    ASSERT_GT(pid, 0);
    ASSERT_EQ(::kill(pid, SIGKILL), 0);
    std::this_thread::sleep_for(300ms);
    auto failover = world.run({"failover", "--profile", "ops", "--observe-ms", "1000", "--yes", "--timeout-ms", "1000"});
    ASSERT_EQ(failover.exitCode, 0) << both(failover);
    EXPECT_TRUE(contains(failover.out, "[GREEN] primary_down (n1)")) << failover.out;
    const std::string now = world.writable("ops");
    EXPECT_TRUE(now == "n2" || now == "n3") << now;
    (void)world.run({"sandbox", "down", "--name", "ops", "--dir", world.root});
}
