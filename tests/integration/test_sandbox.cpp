// Sandbox clusters for real, on both engines: up (nodes, roles, accounts, replication that
// really replicates), idempotent up, status, list, down (no process left, zombies allowed),
// up again, destroy; and the failures: a taken port, a missing binary, a data directory in
// use, a server that dies during up (nothing may be left running). Plus the process helpers
// the sandbox stands on.

#include "process.h"
#include "sandbox_fixture.h"

#include "switchyard/core/sandbox.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;
using namespace switchyard;
using namespace switchyard::core;
using itest::ScopedSandbox;
using itest::ScopedSandboxOptions;

namespace {

using Clock = std::chrono::steady_clock;

std::string engineKey(Engine engine)
{
    return engine == Engine::PostgreSQL ? "postgres" : "mariadb";
}

std::string program(const std::string &name)
{
    std::vector<std::string> dirs = {"/usr/lib/postgresql/15/bin", "/usr/bin", "/usr/sbin"};
    for (const auto &d : pathDirectories())
        dirs.push_back(d);
    return findExecutable(name, dirs).value_or(name);
}

// Runs SQL with the engine's command-line client over TCP as `account`; the password goes
// through the environment, the SQL through stdin. Returns the client's output.
ProcessOutput runSql(Engine engine, const SandboxNode &node, const SandboxAccount &account,
                     const std::string &sql, const std::string &database = {})
{
    ProcessSpec spec;
    if (engine == Engine::MySQL) {
        spec.argv = {program("mariadb"),  "--no-defaults", "-h127.0.0.1", "-P" + std::to_string(node.port),
                     "-u" + account.user, "--batch"};
        if (sql.find("\\G") == std::string::npos) // vertical output needs the names
            spec.argv.push_back("--skip-column-names");
        if (!database.empty())
            spec.argv.push_back(database);
        spec.env = {"MYSQL_PWD=" + account.password};
    } else {
        spec.argv = {program("psql"),
                     "-X",
                     "-q",
                     "-A",
                     "-t",
                     "-v",
                     "ON_ERROR_STOP=1",
                     "-h",
                     "127.0.0.1",
                     "-p",
                     std::to_string(node.port),
                     "-U",
                     account.user,
                     "-d",
                     database.empty() ? "postgres" : database};
        spec.env = {"PGPASSWORD=" + account.password, "PGCONNECT_TIMEOUT=5"};
    }
    auto out = runProcess(spec, sql, std::chrono::seconds(30));
    if (!out) {
        ProcessOutput failed;
        failed.err = out.error().describe();
        return failed;
    }
    return *out;
}

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r'))
        s.pop_back();
    return s;
}

// Polls `sql` on `node` until its output equals `expected` (replication is asynchronous).
bool eventually(Engine engine, const SandboxNode &node, const SandboxAccount &account, const std::string &sql,
                const std::string &expected, const std::string &database = {})
{
    const auto deadline = Clock::now() + std::chrono::seconds(15);
    std::string last;
    while (Clock::now() < deadline) {
        const auto out = runSql(engine, node, account, sql, database);
        last = trimmed(out.out);
        if (out.success() && last == expected)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << node.name << ": `" << sql << "` gave '" << last << "', expected '" << expected << "'";
    return false;
}

std::vector<ProcessIdentity> identities(const SandboxInfo &info)
{
    std::vector<ProcessIdentity> out;
    for (const auto &node : info.nodes) {
        if (auto id = identifyProcess(node.pid))
            out.push_back(*id);
    }
    return out;
}

std::string readAll(const std::string &path)
{
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool contains(const std::string &haystack, const std::string &needle)
{
    return haystack.find(needle) != std::string::npos;
}

class SandboxEngineTest : public ::testing::TestWithParam<Engine>
{
};

std::string engineParamName(const ::testing::TestParamInfo<Engine> &info)
{
    return engineKey(info.param);
}

// A directory for a test's own files under the test-sandboxes root, removed afterwards.
struct ScratchDir
{
    explicit ScratchDir(const std::string &tag)
        : path(ScopedSandbox::rootDirectory() + "/.scratch-" + tag + "-" + std::to_string(::getpid()))
    {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~ScratchDir() { fs::remove_all(path); }
    std::string path;
};

// A listening socket on 127.0.0.1:port for as long as it lives.
struct Listener
{
    explicit Listener(std::uint16_t port)
    {
        fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int one = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ok = ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0 &&
             ::listen(fd, 1) == 0;
    }
    ~Listener() { ::close(fd); }
    int fd = -1;
    bool ok = false;
};

} // namespace

// ---------------------------------------------------------------------------------------------
// The whole life of a sandbox, per engine.

TEST_P(SandboxEngineTest, LifecycleUpStatusDownUpDestroy)
{
    const Engine engine = GetParam();
    const bool maria = engine == Engine::MySQL;
    ScopedSandbox sandbox(engine, ScopedSandboxOptions{-1, "life", {}});
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    const SandboxInfo info = sandbox.info();
    std::printf("[ info     ] %s sandbox up in %lld ms\n", engineKey(engine).c_str(),
                static_cast<long long>(sandbox.upTime().count()));
    EXPECT_LT(sandbox.upTime(), std::chrono::seconds(10));

    // Nodes and roles.
    ASSERT_EQ(info.nodes.size(), maria ? 3u : 2u);
    EXPECT_EQ(info.engine, engine);
    EXPECT_TRUE(info.running());
    for (std::size_t i = 0; i < info.nodes.size(); ++i) {
        const auto &node = info.nodes[i];
        SCOPED_TRACE(node.name);
        EXPECT_EQ(node.name, (maria ? "n" : "pg") + std::to_string(i + 1));
        EXPECT_EQ(node.host, "127.0.0.1");
        EXPECT_EQ(node.port, sandbox.spec().basePort + i);
        EXPECT_EQ(node.role, i == 0 ? SandboxRole::Primary : SandboxRole::Replica);
        EXPECT_TRUE(node.running);
        EXPECT_GT(node.pid, 0);
        EXPECT_EQ(processState(node.pid), ProcessState::Alive);
        EXPECT_TRUE(fs::is_directory(node.dataDir));
        EXPECT_FALSE(localPortAvailable(node.port));
    }

    // Accounts: four, apart, with generated passwords kept in a 0600 file.
    const auto &c = info.credentials;
    EXPECT_EQ(c.appDatabase, "app");
    std::set<std::string> passwords;
    for (const auto *a : {&c.monitor, &c.admin, &c.replication, &c.application}) {
        EXPECT_FALSE(a->user.empty());
        EXPECT_GE(a->password.size(), 16u);
        passwords.insert(a->password);
    }
    EXPECT_EQ(passwords.size(), 4u);
    struct stat st
    {
    };
    ASSERT_EQ(::stat((info.directory + "/credentials").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    const std::string conf = readAll(info.directory + "/sandbox.conf");
    EXPECT_TRUE(contains(conf, "engine=" + engineKey(engine)));
    EXPECT_FALSE(contains(conf, c.admin.password));

    const SandboxNode &primary = info.nodes.front();
    const SandboxNode &replica = info.nodes.back();

    // Replication really replicates: the application writes on the primary, every replica has it.
    auto created = runSql(engine, primary, c.application,
                          "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20));\n"
                          "INSERT INTO t VALUES (1, 'hello');\n",
                          c.appDatabase);
    ASSERT_TRUE(created.success()) << created.err;
    for (std::size_t i = 1; i < info.nodes.size(); ++i)
        eventually(engine, info.nodes[i], c.admin,
                   maria ? "SELECT v FROM app.t WHERE id = 1" : "SELECT v FROM t WHERE id = 1", "hello",
                   maria ? "" : "app");

    // A replica refuses the application's writes.
    const auto replicaWrite =
        runSql(engine, replica, c.application, "INSERT INTO t VALUES (2, 'no');\n", c.appDatabase);
    EXPECT_FALSE(replicaWrite.success());
    EXPECT_TRUE(contains(replicaWrite.err, maria ? "read-only" : "read-only transaction"))
        << replicaWrite.err;

    // The monitor account reads status but cannot write; the admin account may change topology.
    if (maria) {
        const auto grants = runSql(engine, primary, c.monitor, "SHOW GRANTS;\n");
        ASSERT_TRUE(grants.success()) << grants.err;
        EXPECT_FALSE(contains(grants.out, "READ_ONLY ADMIN")) << grants.out;
        EXPECT_FALSE(contains(grants.out, "ALL PRIVILEGES")) << grants.out;
        EXPECT_TRUE(contains(grants.out, "SLAVE MONITOR")) << grants.out;
        EXPECT_FALSE(runSql(engine, primary, c.monitor, "CREATE DATABASE monitor_may_not;\n").success());
        const auto slave = runSql(engine, replica, c.monitor, "SHOW SLAVE STATUS\\G\n");
        ASSERT_TRUE(slave.success()) << slave.err;
        EXPECT_TRUE(contains(slave.out, "Slave_IO_Running: Yes")) << slave.out;
        EXPECT_TRUE(contains(slave.out, "Slave_SQL_Running: Yes")) << slave.out;
        EXPECT_TRUE(contains(slave.out, "Using_Gtid: Slave_Pos")) << slave.out;
        EXPECT_TRUE(contains(slave.out, "Master_Port: " + std::to_string(primary.port))) << slave.out;
        const auto vars =
            runSql(engine, replica, c.monitor,
                   "SELECT @@global.read_only, @@global.gtid_strict_mode, @@global.log_slave_updates;\n");
        EXPECT_EQ(trimmed(vars.out), "1\t1\t1");
        const auto adminGrants = runSql(engine, primary, c.admin, "SHOW GRANTS;\n");
        EXPECT_TRUE(contains(adminGrants.out, "ALL PRIVILEGES ON *.*")) << adminGrants.out;
        EXPECT_TRUE(contains(adminGrants.out, "WITH GRANT OPTION")) << adminGrants.out;
        EXPECT_TRUE(runSql(engine, replica, c.admin, "SET GLOBAL read_only = ON;\n").success());
        const auto appGrants = runSql(engine, primary, c.application, "SHOW GRANTS;\n");
        EXPECT_FALSE(contains(appGrants.out, "READ_ONLY ADMIN")) << appGrants.out;
    } else {
        const auto roles =
            runSql(engine, primary, c.admin,
                   "SELECT rolname || ':' || rolsuper || ':' || pg_has_role(rolname, 'pg_monitor', 'member') "
                   "FROM pg_roles WHERE rolname IN ('" +
                       c.monitor.user + "', '" + c.admin.user + "') ORDER BY rolname;\n");
        EXPECT_EQ(trimmed(roles.out), c.admin.user + ":true:true\n" + c.monitor.user + ":false:true");
        EXPECT_FALSE(
            runSql(engine, primary, c.monitor, "CREATE TABLE monitor_may_not (i int);\n", "app").success());
        const auto owner = runSql(engine, primary, c.admin,
                                  "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'app';\n");
        EXPECT_EQ(trimmed(owner.out), c.application.user);
        eventually(
            engine, primary, c.monitor,
            "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming' AND application_name = '" +
                replica.name + "'",
            "1");
        const auto slots = runSql(engine, primary, c.monitor,
                                  "SELECT slot_name || ':' || active FROM pg_replication_slots;\n");
        EXPECT_EQ(trimmed(slots.out), replica.name + ":true");
        const auto settings = runSql(engine, replica, c.monitor,
                                     "SELECT pg_is_in_recovery(), current_setting('hot_standby_feedback'), "
                                     "current_setting('wal_log_hints');\n");
        EXPECT_EQ(trimmed(settings.out), "t|on|on");
    }

    // up on a running sandbox changes nothing.
    const auto before = identities(info);
    auto again = sandbox.manager().up(sandbox.spec());
    ASSERT_TRUE(again.ok()) << again.error().describe();
    EXPECT_TRUE(again->alreadyRunning);
    EXPECT_FALSE(again->restarted);
    for (std::size_t i = 0; i < info.nodes.size(); ++i)
        EXPECT_EQ(again->info.nodes[i].pid, info.nodes[i].pid);

    // ... and refuses to turn it into something else.
    SandboxSpec other = sandbox.spec();
    other.engine = maria ? Engine::PostgreSQL : Engine::MySQL;
    other.basePort = 0;
    other.replicas = -1;
    auto wrongEngine = sandbox.manager().up(other);
    ASSERT_FALSE(wrongEngine.ok());
    EXPECT_EQ(wrongEngine.error().code, ErrorCode::AlreadyExists);

    // status and list.
    auto status = sandbox.manager().status(sandbox.name());
    ASSERT_TRUE(status.ok()) << status.error().describe();
    EXPECT_TRUE(status->running());
    EXPECT_EQ(status->credentials.admin.password, c.admin.password);
    auto listed = sandbox.manager().list();
    ASSERT_TRUE(listed.ok());
    EXPECT_TRUE(std::any_of(listed->begin(), listed->end(),
                            [&](const SandboxInfo &s) { return s.name == info.name; }));

    // down stops exactly those processes and waits for them (a zombie counts as stopped).
    const auto downStarted = Clock::now();
    ASSERT_TRUE(sandbox.down().ok());
    std::printf(
        "[ info     ] %s sandbox down in %lld ms\n", engineKey(engine).c_str(),
        static_cast<long long>(
            std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - downStarted).count()));
    ASSERT_EQ(before.size(), info.nodes.size());
    for (const auto &id : before)
        EXPECT_FALSE(isAlive(id)) << "pid " << id.pid << " still runs";
    status = sandbox.manager().status(sandbox.name());
    ASSERT_TRUE(status.ok());
    EXPECT_FALSE(status->anyRunning());
    for (const auto &node : status->nodes) {
        EXPECT_EQ(node.pid, 0);
        EXPECT_TRUE(localPortAvailable(node.port)) << node.port;
    }
    ASSERT_TRUE(sandbox.down().ok()) << "down on a stopped sandbox is fine";

    // up again starts it again, same data, and replication resumes.
    auto restarted = sandbox.up();
    ASSERT_TRUE(restarted.ok()) << restarted.error().describe();
    EXPECT_TRUE(restarted->restarted);
    EXPECT_TRUE(restarted->info.running());
    EXPECT_LT(restarted->elapsed, std::chrono::seconds(10));
    std::printf("[ info     ] %s sandbox restarted in %lld ms\n", engineKey(engine).c_str(),
                static_cast<long long>(restarted->elapsed.count()));
    EXPECT_EQ(restarted->info.credentials.admin.password, c.admin.password);
    auto more = runSql(engine, primary, c.application, "INSERT INTO t VALUES (3, 'again');\n", c.appDatabase);
    ASSERT_TRUE(more.success()) << more.err;
    for (std::size_t i = 1; i < info.nodes.size(); ++i)
        eventually(engine, info.nodes[i], c.admin,
                   maria ? "SELECT count(*) FROM app.t" : "SELECT count(*) FROM t", "2", maria ? "" : "app");

    // destroy stops it and removes everything.
    const auto running = identities(restarted->info);
    ASSERT_EQ(running.size(), info.nodes.size());
    const std::string dir = info.directory;
    ASSERT_TRUE(sandbox.manager().destroy(sandbox.name()).ok());
    EXPECT_FALSE(fs::exists(dir));
    for (const auto &node : info.nodes)
        EXPECT_FALSE(fs::exists(node.dataDir));
    for (const auto &id : running)
        EXPECT_FALSE(isAlive(id)) << "pid " << id.pid << " still runs";
    auto gone = sandbox.manager().status(sandbox.name());
    ASSERT_FALSE(gone.ok());
    EXPECT_EQ(gone.error().code, ErrorCode::NotFound);
}

// A port that is taken fails before anything is created, and says which port and who has it.
TEST_P(SandboxEngineTest, TakenPortFailsNamingThePort)
{
    const Engine engine = GetParam();
    itest::PortBlock ports(engine, 3, "taken-port");
    ASSERT_NE(ports.base(), 0);
    const std::uint16_t taken = ports.base() + 1;
    Listener listener(taken);
    ASSERT_TRUE(listener.ok);

    SandboxManager manager(ScopedSandbox::rootDirectory());
    SandboxSpec spec;
    spec.engine = engine;
    spec.name = "taken-port-" + engineKey(engine);
    (void)manager.destroy(spec.name); // a leftover of a killed run
    spec.basePort = ports.base();
    auto result = manager.up(spec);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::PortInUse);
    EXPECT_TRUE(contains(result.error().message, "port " + std::to_string(taken)))
        << result.error().describe();
    EXPECT_TRUE(contains(result.error().message, "test_sandbox"))
        << "names the holder: " << result.error().describe();
    EXPECT_FALSE(fs::exists(manager.root() + "/" + spec.name)) << "nothing may be created";
}

// Server programs that are not there: the error names the program and the Debian package.
TEST_P(SandboxEngineTest, MissingBinaryNamesProgramAndPackage)
{
    const Engine engine = GetParam();
    ScratchDir empty("nobin");
    itest::PortBlock ports(engine, 3, "nobin");
    ASSERT_NE(ports.base(), 0);
    SandboxManager manager(ScopedSandbox::rootDirectory());
    SandboxSpec spec;
    spec.engine = engine;
    spec.name = "nobin-" + engineKey(engine);
    (void)manager.destroy(spec.name);
    spec.basePort = ports.base();
    spec.binaryDirs = {empty.path};
    auto result = manager.up(spec);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::BinaryMissing);
    const std::string &message = result.error().message;
    if (engine == Engine::MySQL) {
        EXPECT_TRUE(contains(message, "mariadbd")) << message;
        EXPECT_TRUE(contains(message, "mariadb-server")) << message;
    } else {
        EXPECT_TRUE(contains(message, "postgres not found")) << message;
        EXPECT_TRUE(contains(message, "package postgresql")) << message;
    }
    EXPECT_FALSE(fs::exists(manager.root() + "/" + spec.name));

    // The same through the environment variable.
    ::setenv("SWITCHYARD_SANDBOX_BIN_DIRS", empty.path.c_str(), 1);
    spec.binaryDirs.clear();
    auto viaEnv = manager.up(spec);
    ::unsetenv("SWITCHYARD_SANDBOX_BIN_DIRS");
    ASSERT_FALSE(viaEnv.ok());
    EXPECT_EQ(viaEnv.error().code, ErrorCode::BinaryMissing);
}

// A server that dies during up: the error quotes its output, and everything up had started is
// stopped and removed again.
TEST_P(SandboxEngineTest, FailedUpLeavesNothingRunning)
{
    const Engine engine = GetParam();
    const bool maria = engine == Engine::MySQL;
    ScratchDir bin("failbin");
    itest::PortBlock ports(engine, 3, "fail-up");
    ASSERT_NE(ports.base(), 0);
    const int replicas = maria ? 2 : 1;
    const std::uint16_t failingPort = static_cast<std::uint16_t>(ports.base() + replicas);
    const std::string server = maria ? "mariadbd" : "postgres";
    const std::string realServer = program(server);
    // The last node's server fails; the others start for real.
    std::vector<std::string> links = maria ? std::vector<std::string>{"mariadb-install-db", "mariadb"}
                                           : std::vector<std::string>{"initdb", "pg_basebackup", "psql"};
    for (const auto &name : links)
        fs::create_symlink(program(name), bin.path + "/" + name);
    {
        std::ofstream wrapper(bin.path + "/" + server);
        if (maria)
            wrapper << "#!/bin/sh\ncase \"$*\" in *--port=" << failingPort
                    << "*) echo 'simulated startup failure' >&2; exit 1;; esac\nexec " << realServer
                    << " \"$@\"\n";
        else // postgres reads its port from postgresql.conf: the standby has it appended last
            wrapper << "#!/bin/sh\nif grep -q '^port = " << failingPort
                    << "' \"$2/postgresql.conf\"; then echo "
                    << "'simulated startup failure' >&2; exit 1; fi\nexec " << realServer << " \"$@\"\n";
    }
    fs::permissions(bin.path + "/" + server, fs::perms::owner_all | fs::perms::group_read |
                                                 fs::perms::group_exec | fs::perms::others_read |
                                                 fs::perms::others_exec);
    // postgres as root runs as the postgres account, which must reach the wrapper.
    ::chmod(bin.path.c_str(), 0755);

    SandboxManager manager(ScopedSandbox::rootDirectory());
    SandboxSpec spec;
    spec.engine = engine;
    spec.name = "fail-up-" + engineKey(engine);
    (void)manager.destroy(spec.name);
    spec.basePort = ports.base();
    spec.binaryDirs = {bin.path};
    auto result = manager.up(spec);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::ProcessFailed) << result.error().describe();
    EXPECT_TRUE(contains(result.error().message, "simulated startup failure")) << result.error().describe();
    const std::string dir = manager.root() + "/" + spec.name;
    EXPECT_FALSE(fs::exists(dir));
    for (int i = 0; i <= replicas; ++i) {
        const std::string dataDir = dir + "/" + (maria ? "n" : "pg") + std::to_string(i + 1) + "/data";
        EXPECT_TRUE(findProcessesUsingDirectory(dataDir).empty()) << dataDir;
        EXPECT_TRUE(localPortAvailable(static_cast<std::uint16_t>(ports.base() + i)));
    }
}

// down on a server frozen with SIGSTOP (as the timeout tests do) still stops it promptly,
// without waiting for the grace period and SIGKILL.
TEST_P(SandboxEngineTest, DownStopsAFrozenServerPromptly)
{
    const Engine engine = GetParam();
    ScopedSandbox sandbox(engine, ScopedSandboxOptions{0, "frozen", {}});
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    const auto server = identifyProcess(sandbox.primary().pid);
    ASSERT_TRUE(server.has_value());
    ASSERT_EQ(::kill(server->pid, SIGSTOP), 0);
    const auto started = Clock::now();
    ASSERT_TRUE(sandbox.manager().down(sandbox.name(), std::chrono::seconds(20)).ok());
    EXPECT_LT(Clock::now() - started, std::chrono::seconds(10));
    EXPECT_FALSE(isAlive(*server));
}

INSTANTIATE_TEST_SUITE_P(Engines, SandboxEngineTest, ::testing::Values(Engine::MySQL, Engine::PostgreSQL),
                         engineParamName);

// A stopped sandbox whose data directory another process uses is not started on top of it.
TEST(Sandbox, DataDirectoryInUseIsRefused)
{
    ScopedSandbox sandbox(Engine::MySQL, ScopedSandboxOptions{1, "datadir", {}});
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    ASSERT_TRUE(sandbox.down().ok());
    const SandboxNode &node = sandbox.info().nodes.back();
    ProcessSpec squatter;
    squatter.argv = {program("sleep"), "60"};
    squatter.workingDir = node.dataDir;
    auto intruder = spawnDaemon(squatter, "/dev/null");
    ASSERT_TRUE(intruder.ok()) << intruder.error().describe();

    auto result = sandbox.up();
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::DataDirInUse);
    EXPECT_TRUE(contains(result.error().message, node.dataDir)) << result.error().describe();
    EXPECT_TRUE(contains(result.error().message, "sleep (pid " + std::to_string(intruder->pid)))
        << result.error().describe();
    auto status = sandbox.manager().status(sandbox.name());
    ASSERT_TRUE(status.ok());
    EXPECT_FALSE(status->anyRunning()) << "nothing was started";

    ASSERT_TRUE(stopProcesses({*intruder}, SIGKILL, std::chrono::seconds(5)));
    auto restarted = sandbox.up();
    ASSERT_TRUE(restarted.ok()) << restarted.error().describe();
    EXPECT_TRUE(restarted->restarted);
}

TEST(Sandbox, RejectsBadSpecsAndUnknownNames)
{
    SandboxManager manager(ScopedSandbox::rootDirectory());
    for (const char *name : {"../escape", "a/b", ".hidden", "with space"}) {
        SandboxSpec spec;
        spec.name = name;
        auto result = manager.up(spec);
        ASSERT_FALSE(result.ok()) << name;
        EXPECT_EQ(result.error().code, ErrorCode::InvalidArgument) << name;
    }
    SandboxSpec tooMany;
    tooMany.name = "too-many";
    tooMany.replicas = 42;
    EXPECT_EQ(manager.up(tooMany).error().code, ErrorCode::InvalidArgument);
    SandboxSpec badPort;
    badPort.name = "bad-port";
    badPort.basePort = 65534;
    EXPECT_EQ(manager.up(badPort).error().code, ErrorCode::InvalidArgument);

    EXPECT_EQ(manager.status("no-such-sandbox").error().code, ErrorCode::NotFound);
    EXPECT_EQ(manager.down("no-such-sandbox").error().code, ErrorCode::NotFound);
    EXPECT_EQ(manager.destroy("no-such-sandbox").error().code, ErrorCode::NotFound);
}

TEST(Sandbox, DefaultRootFollowsXdg)
{
    const char *saved = std::getenv("XDG_DATA_HOME");
    const std::string keep = saved ? saved : "";
    ::setenv("XDG_DATA_HOME", "/some/where", 1);
    EXPECT_EQ(SandboxManager::defaultRoot(), "/some/where/switchyard/sandboxes");
    ::unsetenv("XDG_DATA_HOME");
    const char *home = std::getenv("HOME");
    if (home) {
        EXPECT_EQ(SandboxManager::defaultRoot(), std::string(home) + "/.local/share/switchyard/sandboxes");
    }
    if (saved)
        ::setenv("XDG_DATA_HOME", keep.c_str(), 1);
}

// ---------------------------------------------------------------------------------------------
// The process helpers.

TEST(Process, RunCapturesStdoutStderrAndExitCode)
{
    auto out = runProcess({{"/bin/sh", "-c", "echo out; echo err >&2; exit 3"}, {}, {}, {}}, {},
                          std::chrono::seconds(10));
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(out->exitCode, 3);
    EXPECT_EQ(out->out, "out\n");
    EXPECT_EQ(out->err, "err\n");
    EXPECT_FALSE(out->success());
}

TEST(Process, RunFeedsLargeInputAndEnvironment)
{
    const std::string input(1 << 20, 'x');
    auto out = runProcess({{"/bin/sh", "-c", "wc -c; echo \"$SY_TEST\""}, {"SY_TEST=hello"}, {}, {}}, input,
                          std::chrono::seconds(10));
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(out->out, std::to_string(input.size()) + "\nhello\n");
}

TEST(Process, RunKillsTheWholeGroupOnTimeout)
{
    const auto started = Clock::now();
    auto out = runProcess({{"/bin/sh", "-c", "sleep 30 & sleep 30"}, {}, {}, {}}, {},
                          std::chrono::milliseconds(300));
    ASSERT_TRUE(out.ok());
    EXPECT_TRUE(out->timedOut);
    EXPECT_LT(Clock::now() - started, std::chrono::seconds(5));
}

TEST(Process, RunReportsAMissingProgram)
{
    auto out = runProcess({{"/nonexistent/program"}, {}, {}, {}}, {}, std::chrono::seconds(5));
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.error().code, ErrorCode::Io);
    EXPECT_TRUE(contains(out.error().message, "/nonexistent/program"));
}

TEST(Process, ChildrenInheritNoDescriptors)
{
    const int fd = ::open("/dev/null", O_RDONLY); // deliberately without O_CLOEXEC
    const int high = ::fcntl(fd, F_DUPFD, 57);
    ::close(fd);
    auto out = runProcess({{"/bin/ls", "/proc/self/fd"}, {}, {}, {}}, {}, std::chrono::seconds(10));
    ::close(high);
    ASSERT_TRUE(out.ok());
    EXPECT_FALSE(contains("\n" + out->out, "\n" + std::to_string(high) + "\n")) << out->out;
}

TEST(Process, DaemonIsDetachedAndStoppable)
{
    auto daemon = spawnDaemon({{program("sleep"), "30"}, {}, {}, {}}, "/dev/null");
    ASSERT_TRUE(daemon.ok()) << daemon.error().describe();
    EXPECT_TRUE(isAlive(*daemon));
    // Not our child: reparented away, in its own session.
    std::ifstream stat("/proc/" + std::to_string(daemon->pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), {});
    std::istringstream fields(text.substr(text.rfind(')') + 2));
    char state;
    int ppid, pgrp, session;
    fields >> state >> ppid >> pgrp >> session;
    EXPECT_NE(ppid, ::getpid());
    EXPECT_NE(session, ::getsid(0));
    EXPECT_TRUE(stopProcesses({*daemon}, SIGTERM, std::chrono::seconds(5)));
    EXPECT_FALSE(isAlive(*daemon));
    EXPECT_FALSE(signalProcess(*daemon, SIGTERM)) << "never signals a process that is gone";
}

TEST(Process, DaemonThatCannotStartIsAnError)
{
    auto daemon = spawnDaemon({{"/nonexistent/server"}, {}, {}, {}}, "/dev/null");
    ASSERT_FALSE(daemon.ok());
    EXPECT_TRUE(contains(daemon.error().message, "/nonexistent/server"));
}

TEST(Process, ZombieCountsAsExited)
{
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::usleep(200000);
        ::_exit(0);
    }
    auto identity = identifyProcess(child);
    ASSERT_TRUE(identity.has_value());
    EXPECT_TRUE(isAlive(*identity));
    // Do not reap: wait until the kernel shows it as a zombie.
    const auto deadline = Clock::now() + std::chrono::seconds(5);
    while (processState(child) != ProcessState::Zombie && Clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_EQ(processState(child), ProcessState::Zombie);
    EXPECT_EQ(::kill(child, 0), 0) << "kill(pid, 0) succeeds on a zombie; that is why we read /proc";
    EXPECT_FALSE(isAlive(*identity));
    EXPECT_TRUE(waitForExit(*identity, std::chrono::milliseconds(100)));
    int status = 0;
    EXPECT_EQ(::waitpid(child, &status, WNOHANG), -1) << "waitForExit reaped its own child";
}

TEST(Process, IdentityNeedsTheSameStartTime)
{
    auto me = identifyProcess(::getpid());
    ASSERT_TRUE(me.has_value());
    EXPECT_TRUE(isAlive(*me));
    ProcessIdentity recycled{me->pid, me->startTime + 1};
    EXPECT_FALSE(isAlive(recycled));
    EXPECT_FALSE(signalProcess(recycled, 0));
}

TEST(Process, TailOfFileReturnsTheLastLines)
{
    ScratchDir dir("tail");
    {
        std::ofstream out(dir.path + "/log");
        for (int i = 1; i <= 100; ++i)
            out << "line " << i << "\n";
    }
    EXPECT_EQ(tailOfFile(dir.path + "/log", 3), "line 98\nline 99\nline 100");
    EXPECT_EQ(tailOfFile(dir.path + "/missing", 3), "");
}

// ---------------------------------------------------------------------------------------------
// The fixture's promise: servers stop even when the test process dies. The child is this very
// executable running the disabled test below, with its own sandbox root.

TEST(FixtureChild, DISABLED_BringUpThenDie)
{
    const char *how = std::getenv("SY_CRASH_HOW");
    const char *pidFile = std::getenv("SY_CRASH_PIDS");
    if (!how || !pidFile)
        GTEST_SKIP() << "only run by Fixture.* as a child process";
    ScopedSandbox sandbox(Engine::MySQL, ScopedSandboxOptions{1, std::string("crash-") + how, {}});
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    {
        std::ofstream out(pidFile);
        out << sandbox.name() << "\n";
        for (const auto &node : sandbox.info().nodes)
            out << node.pid << " " << processStartTime(node.pid).value_or(0) << "\n";
    }
    const std::string h = how;
    if (h == "abort")
        std::abort();
    if (h == "segv")
        ::raise(SIGSEGV);
    if (h == "term")
        ::raise(SIGTERM);
    if (h == "kill")
        ::raise(SIGKILL);
}

namespace {

struct CrashRun
{
    ProcessOutput output;
    std::string sandboxName;
    std::vector<ProcessIdentity> servers;
};

CrashRun runCrashingChild(const std::string &how, const std::string &root)
{
    CrashRun run;
    const std::string pidFile = root + "/pids-" + how;
    fs::create_directories(root);
    fs::remove(pidFile);
    ProcessSpec child;
    child.argv = {fs::read_symlink("/proc/self/exe").string(), "--gtest_also_run_disabled_tests",
                  "--gtest_filter=FixtureChild.DISABLED_BringUpThenDie"};
    child.env = {"SY_CRASH_HOW=" + how, "SY_CRASH_PIDS=" + pidFile, "SWITCHYARD_TEST_SANDBOX_ROOT=" + root};
    auto out = runProcess(child, {}, std::chrono::seconds(120));
    if (out)
        run.output = *out;
    std::ifstream in(pidFile);
    std::getline(in, run.sandboxName);
    ProcessIdentity id;
    while (in >> id.pid >> id.startTime)
        run.servers.push_back(id);
    return run;
}

} // namespace

TEST(Fixture, StopsServersWhenTheTestProcessDies)
{
    const std::string root = ScopedSandbox::rootDirectory() + "/.crash-root";
    for (const auto &[how, signal] :
         std::vector<std::pair<std::string, int>>{{"abort", SIGABRT}, {"term", SIGTERM}, {"segv", SIGSEGV}}) {
        SCOPED_TRACE(how);
        const auto run = runCrashingChild(how, root);
        EXPECT_EQ(run.output.termSignal, signal) << run.output.describeExit() << "\n"
                                                 << run.output.out << run.output.err;
        ASSERT_EQ(run.servers.size(), 2u) << run.output.out << run.output.err;
        for (const auto &server : run.servers)
            EXPECT_FALSE(isAlive(server)) << "pid " << server.pid << " outlived its test";
        SandboxManager(root).destroy(run.sandboxName).ok();
    }
    fs::remove_all(root);
}

TEST(Fixture, CleanupScriptStopsServersOfAKilledTest)
{
    const std::string root = ScopedSandbox::rootDirectory() + "/.crash-root-kill";
    const auto run = runCrashingChild("kill", root);
    EXPECT_EQ(run.output.termSignal, SIGKILL);
    ASSERT_EQ(run.servers.size(), 2u) << run.output.out << run.output.err;
    for (const auto &server : run.servers)
        EXPECT_TRUE(isAlive(server)) << "SIGKILL skips every handler; the servers are still there";

    auto script = runProcess({{"/bin/bash", SWITCHYARD_CLEANUP_SCRIPT, root}, {}, {}, {}}, {},
                             std::chrono::seconds(60));
    ASSERT_TRUE(script.ok());
    EXPECT_EQ(script->exitCode, 0) << script->out << script->err;
    EXPECT_TRUE(contains(script->out, "stopping mariadbd")) << script->out;
    for (const auto &server : run.servers)
        EXPECT_FALSE(isAlive(server)) << "pid " << server.pid;
    auto again = runProcess({{"/bin/bash", SWITCHYARD_CLEANUP_SCRIPT, root}, {}, {}, {}}, {},
                            std::chrono::seconds(60));
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(contains(again->out, "nothing running")) << again->out;
    EXPECT_TRUE(SandboxManager(root).destroy(run.sandboxName).ok());
    fs::remove_all(root);
}
