// The MySQL/MariaDB and PostgreSQL drivers against real servers on 127.0.0.1: one single-node
// sandbox per engine for the whole executable (tests/integration/support: unique name, ports
// and directory; stopped at the end even when tests fail). A test that SIGSTOPs a server
// SIGCONTs it in a destructor.
//
// TLS: the sandboxes run without TLS. PostgreSQL can switch TLS on with a reload, so its TLS
// test does that on the sandbox; MariaDB cannot (ssl_* are read-only), so the MariaDB TLS test
// starts one extra mariadbd with TLS of its own. Certificates: tests/data/tls (test-only).
#include "switchyard/core/connection.h"
#include "switchyard/core/sandbox.h"

#include "process.h"
#include "sandbox_fixture.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>

using namespace switchyard;
using namespace switchyard::core;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

// How much later than its timeout a call may return on a loaded two-core CI machine.
constexpr long long kMarginMs = 500;

long long msSince(Clock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

std::string tlsDataDir()
{
    return std::string(SWITCHYARD_TEST_DATA_DIR) + "/tls";
}

// One single-node sandbox per engine for the whole executable (the fixture stops it at the
// end, also when a test fails or the executable crashes).
itest::SandboxEnvironment *const g_mariadb = static_cast<itest::SandboxEnvironment *>(
    ::testing::AddGlobalTestEnvironment(new itest::SandboxEnvironment(Engine::MySQL, {0, "single", {}})));
itest::SandboxEnvironment *const g_postgres = static_cast<itest::SandboxEnvironment *>(
    ::testing::AddGlobalTestEnvironment(new itest::SandboxEnvironment(Engine::PostgreSQL, {0, "single", {}})));

itest::ScopedSandbox &sandboxFor(Engine engine)
{
    return (engine == Engine::MySQL ? g_mariadb : g_postgres)->sandbox();
}

// SIGSTOPs a process for the scope; SIGCONTs it however the scope is left.
class StoppedProcess
{
public:
    explicit StoppedProcess(int pid) : m_pid(pid)
    {
        if (m_pid <= 0 || ::kill(m_pid, SIGSTOP) != 0) {
            m_pid = 0;
            return;
        }
        // Wait until the kernel has actually stopped it (state T).
        for (int i = 0; i < 100; ++i) {
            std::ifstream stat("/proc/" + std::to_string(m_pid) + "/stat");
            std::string line;
            std::getline(stat, line);
            const auto close = line.rfind(')');
            if (close != std::string::npos && close + 2 < line.size() && line[close + 2] == 'T')
                break;
            std::this_thread::sleep_for(5ms);
        }
    }
    ~StoppedProcess() { resume(); }
    StoppedProcess(const StoppedProcess &) = delete;
    StoppedProcess &operator=(const StoppedProcess &) = delete;

    bool stopped() const { return m_pid > 0; }
    void resume()
    {
        if (m_pid > 0)
            ::kill(m_pid, SIGCONT);
        m_pid = 0;
    }

private:
    int m_pid;
};

// A TCP port on 127.0.0.1 that refuses connections: bound, never listening, held for the scope.
class RefusingPort
{
public:
    RefusingPort()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0) {
            socklen_t len = sizeof addr;
            ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len);
            m_port = ntohs(addr.sin_port);
        }
    }
    ~RefusingPort() { ::close(m_fd); }
    RefusingPort(const RefusingPort &) = delete;
    RefusingPort &operator=(const RefusingPort &) = delete;
    std::uint16_t port() const { return m_port; }

private:
    int m_fd = -1;
    std::uint16_t m_port = 0;
};

class Drivers : public ::testing::TestWithParam<Engine>
{
protected:
    void SetUp() override
    {
        itest::ScopedSandbox &sandbox = sandboxFor(GetParam());
        ASSERT_TRUE(sandbox.ok()) << sandbox.error();
        m_info = &sandbox.info();
        ASSERT_FALSE(m_info->nodes.empty());
    }

    bool isMysql() const { return GetParam() == Engine::MySQL; }
    const SandboxNode &node() const { return m_info->nodes.front(); }

    ConnectionOptions options(const SandboxAccount &account) const
    {
        ConnectionOptions o = SandboxManager::connectionOptions(*m_info, node(), account);
        o.connectTimeout = 3000ms;
        o.readTimeout = 5000ms;
        o.writeTimeout = 3000ms;
        return o;
    }
    // The admin account, in the application database (temporary tables need a current database).
    ConnectionOptions admin() const
    {
        ConnectionOptions o = options(m_info->credentials.admin);
        o.database = m_info->credentials.appDatabase;
        return o;
    }

    std::unique_ptr<Connection> connected(const ConnectionOptions &o) const
    {
        auto c = createConnection(o);
        Status s = c->connect();
        EXPECT_TRUE(s.ok()) << s.error().describe();
        return c;
    }

    std::string sleepSql(int seconds) const
    {
        return (isMysql() ? "SELECT SLEEP(" : "SELECT pg_sleep(") + std::to_string(seconds) + ")";
    }

    // The server process that serves `c`: mariadbd itself, or the PostgreSQL backend.
    int servingPid(Connection &c) const
    {
        if (isMysql())
            return node().pid;
        Result<QueryResult> r = c.query("SELECT pg_backend_pid()");
        if (!r.ok() || r->rows.empty() || !r->rows[0][0])
            return 0;
        return std::atoi(r->rows[0][0]->c_str());
    }
    // What accepts new connections: mariadbd, or the postmaster.
    int listenerPid() const { return node().pid; }

    const SandboxInfo *m_info = nullptr;
};

std::string engineParamName(const ::testing::TestParamInfo<Engine> &info)
{
    return info.param == Engine::MySQL ? "mariadb" : "postgres";
}

} // namespace

TEST_P(Drivers, ConnectQueryAndExecute)
{
    auto c = connected(admin());
    ASSERT_TRUE(c->isOpen());

    Result<QueryResult> r = c->query("SELECT 1 AS one, NULL AS nothing, 'x' AS s");
    ASSERT_TRUE(r.ok()) << r.error().describe();
    ASSERT_EQ(r->columns.size(), 3u);
    EXPECT_EQ(r->columns[0], "one");
    ASSERT_EQ(r->rows.size(), 1u);
    EXPECT_EQ(r->value(0, "one"), std::optional<std::string>("1"));
    EXPECT_FALSE(r->value(0, "nothing").has_value());
    EXPECT_EQ(r->value(0, "S"), std::optional<std::string>("x"));

    Result<std::uint64_t> n = c->execute("CREATE TEMPORARY TABLE drv_t (id INT PRIMARY KEY, v VARCHAR(20))");
    ASSERT_TRUE(n.ok()) << n.error().describe();
    n = c->execute("INSERT INTO drv_t VALUES (1, 'a'), (2, 'b'), (3, NULL)");
    ASSERT_TRUE(n.ok()) << n.error().describe();
    EXPECT_EQ(*n, 3u);
    n = c->execute("UPDATE drv_t SET v = 'z' WHERE id >= 2");
    ASSERT_TRUE(n.ok()) << n.error().describe();
    EXPECT_EQ(*n, 2u);

    r = c->query("SELECT id, v FROM drv_t ORDER BY id");
    ASSERT_TRUE(r.ok()) << r.error().describe();
    ASSERT_EQ(r->rows.size(), 3u);
    EXPECT_EQ(r->value(0, "v"), std::optional<std::string>("a"));
    EXPECT_EQ(r->value(2, "v"), std::optional<std::string>("z"));
    EXPECT_EQ(r->affectedRows, 3u);

    r = c->query("DELETE FROM drv_t WHERE id = 1");
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_TRUE(r->columns.empty());
    EXPECT_EQ(r->affectedRows, 1u);

    // A server error names the node and keeps the connection.
    r = c->query("SELEC 1");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::QueryFailed) << r.error().describe();
    EXPECT_EQ(r.error().node, node().name);
    if (isMysql()) {
        EXPECT_EQ(r.error().serverCode, 1064);
        EXPECT_EQ(r.error().sqlState, "42000");
    } else {
        EXPECT_EQ(r.error().sqlState, "42601");
    }
    EXPECT_TRUE(c->isOpen());
    EXPECT_TRUE(c->query("SELECT 1").ok());
}

TEST_P(Drivers, DetectsFlavourAndVersion)
{
    auto c = connected(options(m_info->credentials.monitor));
    const ServerInfo &info = c->serverInfo();
    EXPECT_FALSE(info.tls);
    if (isMysql()) {
        EXPECT_EQ(info.flavor, Flavor::MariaDB) << info.versionString;
        EXPECT_EQ(info.major, 10);
        EXPECT_EQ(info.minor, 11);
        EXPECT_EQ(info.versionNumber / 100, 1011);
        EXPECT_NE(info.versionString.find("MariaDB"), std::string::npos);
    } else {
        EXPECT_EQ(info.flavor, Flavor::PostgreSQL);
        EXPECT_EQ(info.major, 15);
        EXPECT_EQ(info.versionNumber / 10000, 15);
        EXPECT_EQ(info.versionString.rfind("15.", 0), 0u) << info.versionString;
        // The session shows up as ours in pg_stat_activity.
        Result<QueryResult> r = c->query("SELECT current_setting('application_name') AS app");
        ASSERT_TRUE(r.ok()) << r.error().describe();
        EXPECT_EQ(r->value(0, "app"), std::optional<std::string>("switchyard"));
    }
}

TEST_P(Drivers, WrongPasswordIsAuthFailedNamingTheNode)
{
    ConnectionOptions o = options(m_info->credentials.application);
    o.password = "definitely-not-the-password";
    auto c = createConnection(o);
    Status s = c->connect();
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::AuthFailed) << s.error().describe();
    EXPECT_EQ(s.error().node, node().name);
    EXPECT_NE(s.error().describe().find(node().name), std::string::npos);
    EXPECT_EQ(s.error().describe().find(o.password), std::string::npos);
    EXPECT_EQ(s.error().sqlState, isMysql() ? "28000" : "28P01");
    EXPECT_FALSE(c->isOpen());
}

TEST_P(Drivers, ClosedPortIsConnectFailed)
{
    RefusingPort refusing;
    ConnectionOptions o = options(m_info->credentials.monitor);
    o.port = refusing.port();
    o.nodeName.clear();
    auto c = createConnection(o);
    const auto start = Clock::now();
    Status s = c->connect();
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::ConnectFailed) << s.error().describe();
    EXPECT_EQ(s.error().node, "127.0.0.1:" + std::to_string(refusing.port()));
    EXPECT_LT(msSince(start), 1000);
}

TEST_P(Drivers, TlsRequiredAgainstAServerWithoutTlsFailsClearly)
{
    for (TlsMode mode : {TlsMode::Required, TlsMode::VerifyCa}) {
        ConnectionOptions o = options(m_info->credentials.monitor);
        o.tls.mode = mode;
        o.tls.caFile = tlsDataDir() + "/ca.pem";
        auto c = createConnection(o);
        Status s = c->connect();
        ASSERT_FALSE(s.ok()) << tlsModeName(mode);
        EXPECT_EQ(s.error().code, ErrorCode::TlsFailed) << s.error().describe();
        EXPECT_EQ(s.error().node, node().name);
        const std::string &m = s.error().message;
        // MariaDB: "the server does not offer TLS, but the TLS mode is required; ..."
        // PostgreSQL: "... server does not support SSL, but SSL was required (TLS mode required)"
        EXPECT_TRUE(m.find("does not offer TLS") != std::string::npos
                    || m.find("does not support SSL") != std::string::npos)
            << m;
        EXPECT_NE(m.find(std::string(tlsModeName(mode))), std::string::npos) << m;
    }
    // Preferred goes on without TLS.
    ConnectionOptions o = options(m_info->credentials.monitor);
    o.tls.mode = TlsMode::Preferred;
    auto c = connected(o);
    EXPECT_TRUE(c->isOpen());
    EXPECT_FALSE(c->serverInfo().tls);
}

TEST_P(Drivers, CancelInterruptsARunningStatementFromAnotherThread)
{
    auto c = connected(admin());
    std::shared_ptr<Canceller> canceller = c->canceller();
    ASSERT_NE(canceller, nullptr);
    EXPECT_TRUE(canceller->cancel().ok());   // nothing runs: a no-op

    std::optional<Status> cancelStatus;
    std::thread other([&] {
        std::this_thread::sleep_for(300ms);
        cancelStatus = canceller->cancel();
    });
    const auto start = Clock::now();
    Result<QueryResult> r = c->query(sleepSql(10));
    const auto elapsed = msSince(start);
    other.join();

    ASSERT_TRUE(cancelStatus.has_value());
    EXPECT_TRUE(cancelStatus->ok()) << cancelStatus->error().describe();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Cancelled) << r.error().describe();
    EXPECT_EQ(r.error().node, node().name);
    EXPECT_LT(elapsed, 300 + 1000);

    // The connection survives a cancel, and the next statement is not taken for cancelled.
    ASSERT_TRUE(c->isOpen());
    Result<QueryResult> again = c->query("SELECT 2 AS two");
    ASSERT_TRUE(again.ok()) << again.error().describe();
    EXPECT_EQ(again->value(0, "two"), std::optional<std::string>("2"));
}

TEST_P(Drivers, ReadTimeoutOnAHungServer)
{
    ConnectionOptions o = admin();
    o.readTimeout = 800ms;
    auto c = connected(o);
    const int pid = servingPid(*c);
    ASSERT_GT(pid, 0);
    {
        StoppedProcess stopped(pid);
        ASSERT_TRUE(stopped.stopped());
        const auto start = Clock::now();
        Result<QueryResult> r = c->query("SELECT 1");
        const auto elapsed = msSince(start);
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, ErrorCode::Timeout) << r.error().describe();
        EXPECT_EQ(r.error().node, node().name);
        EXPECT_NE(r.error().message.find("800 ms"), std::string::npos) << r.error().message;
        EXPECT_GE(elapsed, 790);
        EXPECT_LE(elapsed, 800 + kMarginMs);
        EXPECT_FALSE(c->isOpen());   // the session's state is unknown: closed
    }
    // Once the server runs again, reconnecting works.
    Status s = c->connect();
    ASSERT_TRUE(s.ok()) << s.error().describe();
    EXPECT_TRUE(c->query("SELECT 1").ok());
}

TEST_P(Drivers, WriteTimeoutOnAHungServer)
{
    ConnectionOptions o = admin();
    o.writeTimeout = 700ms;
    o.readTimeout = 3000ms;
    auto c = connected(o);
    const int pid = servingPid(*c);
    ASSERT_GT(pid, 0);
    // More than the loopback socket buffers hold (about 10 MB by default), and below
    // Connector/C's 16 MB client packet limit.
    const std::string sql = "SELECT '" + std::string(15u << 20, 'x') + "' AS v";
    StoppedProcess stopped(pid);
    ASSERT_TRUE(stopped.stopped());
    const auto start = Clock::now();
    Result<QueryResult> r = c->query(sql);
    const auto elapsed = msSince(start);
    stopped.resume();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Timeout) << r.error().describe();
    // "could not send the statement within the write timeout of 700 ms" (on a host with huge
    // socket buffers the statement might fit and the read timeout would strike instead)
    EXPECT_NE(r.error().message.find("timeout"), std::string::npos) << r.error().message;
    EXPECT_LE(elapsed, 3000 + kMarginMs);
    if (r.error().message.find("write timeout") != std::string::npos) {
        EXPECT_GE(elapsed, 690);
        EXPECT_LE(elapsed, 700 + kMarginMs);
    }
    EXPECT_FALSE(c->isOpen());
}

TEST_P(Drivers, ConnectTimeoutOnAHungServer)
{
    ConnectionOptions o = options(m_info->credentials.monitor);
    o.connectTimeout = 800ms;
    auto c = createConnection(o);
    {
        StoppedProcess stopped(listenerPid());
        ASSERT_TRUE(stopped.stopped());
        const auto start = Clock::now();
        Status s = c->connect();
        const auto elapsed = msSince(start);
        ASSERT_FALSE(s.ok());
        EXPECT_EQ(s.error().code, ErrorCode::Timeout) << s.error().describe();
        EXPECT_EQ(s.error().node, node().name);
        EXPECT_NE(s.error().message.find("800 ms"), std::string::npos) << s.error().message;
        EXPECT_GE(elapsed, 790);
        EXPECT_LE(elapsed, 800 + kMarginMs);
    }
    Status s = c->connect();
    EXPECT_TRUE(s.ok()) << s.error().describe();
}

TEST_P(Drivers, CancelIsBoundedWhenTheServerHangs)
{
    ConnectionOptions o = admin();
    o.connectTimeout = 700ms;
    o.readTimeout = 4000ms;
    auto c = connected(o);
    std::shared_ptr<Canceller> canceller = c->canceller();
    ASSERT_NE(canceller, nullptr);

    std::atomic<bool> started{false};
    std::optional<Result<QueryResult>> queryResult;
    std::thread worker([&] {
        started = true;
        queryResult = c->query(sleepSql(2));
    });
    while (!started)
        std::this_thread::sleep_for(1ms);
    std::this_thread::sleep_for(200ms);
    {
        // MariaDB: the whole server; PostgreSQL: the postmaster, which answers cancel requests.
        StoppedProcess stopped(listenerPid());
        ASSERT_TRUE(stopped.stopped());
        const auto start = Clock::now();
        Status s = canceller->cancel();
        const auto elapsed = msSince(start);
        ASSERT_FALSE(s.ok());
        EXPECT_EQ(s.error().code, ErrorCode::Timeout) << s.error().describe();
        EXPECT_EQ(s.error().node, node().name);
        EXPECT_LE(elapsed, 700 + kMarginMs);
    }
    worker.join();   // bounded by the read timeout
    ASSERT_TRUE(queryResult.has_value());
}

TEST_P(Drivers, SessionEndedByTheServerIsConnectionLost)
{
    auto victim = connected(admin());
    auto killer = connected(admin());
    std::string sql;
    if (isMysql()) {
        Result<QueryResult> id = victim->query("SELECT CONNECTION_ID()");
        ASSERT_TRUE(id.ok());
        sql = "KILL " + *id->rows[0][0];
    } else {
        sql = "SELECT pg_terminate_backend(" + std::to_string(servingPid(*victim)) + ")";
    }
    ASSERT_TRUE(killer->execute(sql).ok());
    std::this_thread::sleep_for(100ms);
    Result<QueryResult> r = victim->query("SELECT 1");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::ConnectionLost) << r.error().describe();
    EXPECT_EQ(r.error().node, node().name);
    EXPECT_FALSE(victim->isOpen());
    EXPECT_TRUE(victim->connect().ok());
}

TEST_P(Drivers, QuotedLiteralsAndIdentifiersRoundTrip)
{
    auto c = connected(admin());
    const std::string samples[] = {"plain", "it's", "back\\slash", "trailing\\", "new\nline", "double\"quote",
                                   "unicode \xc3\xa9 \xe2\x9c\x93", "\\'; DROP TABLE x; --"};
    const auto check = [&](const char *context) {
        for (const std::string &text : samples) {
            Result<QueryResult> r = c->query("SELECT " + c->quoteLiteral(text) + " AS v");
            ASSERT_TRUE(r.ok()) << context << ": " << r.error().describe();
            EXPECT_EQ(r->value(0, "v"), std::optional<std::string>(text)) << context;
        }
    };
    check("default mode");
    if (isMysql()) {
        ASSERT_TRUE(c->execute("SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES'").ok());
        check("NO_BACKSLASH_ESCAPES");
    } else {
        ASSERT_TRUE(c->execute("SET standard_conforming_strings = off").ok());
        check("standard_conforming_strings off");
    }
    const std::string name = "we`ird \"col\" name";
    Result<QueryResult> r = c->query("SELECT 1 AS " + c->quoteIdentifier(name));
    ASSERT_TRUE(r.ok()) << r.error().describe();
    ASSERT_EQ(r->columns.size(), 1u);
    EXPECT_EQ(r->columns[0], name);
}

INSTANTIATE_TEST_SUITE_P(BothEngines, Drivers, ::testing::Values(Engine::MySQL, Engine::PostgreSQL),
                         engineParamName);

TEST(PostgresDriver, SeveralStatementsReturnTheLastResultSet)
{
    itest::ScopedSandbox &sandbox = sandboxFor(Engine::PostgreSQL);
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    const SandboxInfo *info = &sandbox.info();
    auto c = createConnection(SandboxManager::connectionOptions(*info, info->nodes.front(), info->credentials.admin));
    ASSERT_TRUE(c->connect().ok());
    Result<QueryResult> r = c->query("SELECT 1 AS one; SELECT 2 AS two");
    ASSERT_TRUE(r.ok()) << r.error().describe();
    ASSERT_EQ(r->columns.size(), 1u);
    EXPECT_EQ(r->columns[0], "two");
    // An error in a later statement fails the whole call.
    r = c->query("SELECT 1; SELECT * FROM no_such_table");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().sqlState, "42P01");
    EXPECT_TRUE(c->isOpen());
}

// ---- TLS modes against servers that speak TLS ----

namespace {

// Copies `from` to `to` with `mode`, owned by `owner`'s uid/gid (servers are picky about keys).
bool installFile(const std::string &from, const std::string &to, fs::perms mode, const struct stat &owner)
{
    std::error_code ec;
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    if (ec)
        return false;
    fs::permissions(to, mode, ec);
    if (::chown(to.c_str(), owner.st_uid, owner.st_gid) != 0 && ::geteuid() == 0)
        return false;
    return !ec;
}

std::string certificatePath(const std::string &name) { return tlsDataDir() + "/" + name; }

// One mariadbd with TLS (the sandboxes have none), for the scope. The certificate it serves is
// <dir>/cert.pem; useCertificate() swaps the file and runs FLUSH SSL.
class TlsMariadb
{
public:
    TlsMariadb()
    {
        m_ports = std::make_unique<itest::PortBlock>(Engine::MySQL, 1, "test_drivers-tls");
        if (m_ports->base() == 0) {
            m_error = "no free port";
            return;
        }
        m_dir = itest::ScopedSandbox::rootDirectory() + "/test_drivers-tls-mariadb";
        std::error_code ec;
        fs::remove_all(m_dir, ec);
        fs::create_directories(m_dir, ec);
        struct stat self{};
        ::stat(m_dir.c_str(), &self);
        if (!installFile(certificatePath("ca.pem"), m_dir + "/ca.pem", fs::perms(0644), self)
            || !installFile(certificatePath("server.pem"), m_dir + "/cert.pem", fs::perms(0644), self)
            || !installFile(certificatePath("server.key"), m_dir + "/cert.key", fs::perms(0600), self)) {
            m_error = "cannot copy the test certificates into " + m_dir;
            return;
        }
        const std::vector<std::string> dirs = {"/usr/sbin", "/usr/bin"};
        const auto installDb = findExecutable("mariadb-install-db", dirs);
        const auto server = findExecutable("mariadbd", dirs);
        const auto client = findExecutable("mariadb", dirs);
        if (!installDb || !server || !client) {
            m_error = "mariadb-install-db, mariadbd or mariadb not found (apt-get install mariadb-server)";
            return;
        }
        m_client = *client;
        const std::string user = runningAsRoot() ? "root" : currentUser().value_or(UserAccount{}).name;
        ProcessSpec install;
        install.argv = {*installDb, "--no-defaults", "--user=" + user, "--datadir=" + m_dir + "/data",
                        "--skip-test-db"};
        Result<ProcessOutput> installed = runProcess(install, "", 60s);
        if (!installed.ok() || !installed->success()) {
            m_error = "mariadb-install-db failed: "
                      + (installed.ok() ? installed->describeExit() + " " + installed->err
                                        : installed.error().describe());
            return;
        }
        ProcessSpec spec;
        spec.argv = {*server, "--no-defaults", "--user=" + user, "--datadir=" + m_dir + "/data",
                     "--socket=" + m_dir + "/mysqld.sock", "--pid-file=" + m_dir + "/mysqld.pid",
                     "--log-error=" + m_dir + "/error.log", "--port=" + std::to_string(m_ports->base()),
                     "--bind-address=127.0.0.1", "--skip-name-resolve", "--innodb-buffer-pool-size=32M",
                     "--innodb-log-file-size=8M", "--performance-schema=OFF", "--ssl-ca=" + m_dir + "/ca.pem",
                     "--ssl-cert=" + m_dir + "/cert.pem", "--ssl-key=" + m_dir + "/cert.key"};
        Result<ProcessIdentity> started = spawnDaemon(spec, m_dir + "/stdout.log");
        if (!started.ok()) {
            m_error = started.error().describe();
            return;
        }
        m_server = *started;
        // Ready when root (unix_socket authentication) gets in; then a TCP account for the tests.
        const auto deadline = Clock::now() + 30s;
        std::string last;
        while (Clock::now() < deadline) {
            Result<ProcessOutput> r = rootSql("CREATE USER IF NOT EXISTS 'tls'@'%' IDENTIFIED BY 'tls-pw'; "
                                              "GRANT ALL PRIVILEGES ON *.* TO 'tls'@'%'");
            if (r.ok() && r->success())
                return;
            last = r.ok() ? r->err : r.error().describe();
            if (!isAlive(m_server))
                break;
            std::this_thread::sleep_for(100ms);
        }
        m_error = "mariadbd with TLS did not come up: " + last + tailOfFile(m_dir + "/error.log");
    }

    ~TlsMariadb()
    {
        if (m_server.valid())
            stopProcesses({m_server}, SIGTERM, 10s);
        if (!m_dir.empty() && !std::getenv("SWITCHYARD_KEEP_TEST_SANDBOXES")) {
            std::error_code ec;
            fs::remove_all(m_dir, ec);
        }
    }
    TlsMariadb(const TlsMariadb &) = delete;
    TlsMariadb &operator=(const TlsMariadb &) = delete;

    const std::string &error() const { return m_error; }

    ConnectionOptions options(TlsMode mode, const std::string &ca = {}) const
    {
        ConnectionOptions o;
        o.engine = Engine::MySQL;
        o.host = "127.0.0.1";
        o.port = m_ports->base();
        o.user = "tls";
        o.password = "tls-pw";
        o.nodeName = "tls-mariadb";
        o.connectTimeout = 5000ms;
        o.tls.mode = mode;
        if (!ca.empty())
            o.tls.caFile = certificatePath(ca);
        return o;
    }

    // Serves `name`.pem / `name`.key from now on.
    std::string useCertificate(const std::string &name)
    {
        struct stat self{};
        ::stat(m_dir.c_str(), &self);
        if (!installFile(certificatePath(name + ".pem"), m_dir + "/cert.pem", fs::perms(0644), self)
            || !installFile(certificatePath(name + ".key"), m_dir + "/cert.key", fs::perms(0600), self))
            return "cannot install " + name;
        Result<ProcessOutput> r = rootSql("FLUSH SSL");
        if (!r.ok())
            return r.error().describe();
        return r->success() ? std::string() : "FLUSH SSL: " + r->err;
    }

private:
    Result<ProcessOutput> rootSql(const std::string &sql) const
    {
        ProcessSpec spec;
        spec.argv = {m_client, "--no-defaults", "-uroot", "-S", m_dir + "/mysqld.sock", "-e", sql};
        return runProcess(spec, "", 10s);
    }

    std::unique_ptr<itest::PortBlock> m_ports;
    std::string m_dir;
    std::string m_client;
    ProcessIdentity m_server;
    std::string m_error;
};

// Switches TLS on for the PostgreSQL sandbox for the scope, and off again at its end.
class TlsPostgres
{
public:
    explicit TlsPostgres(const itest::ScopedSandbox &sandbox) : m_sandbox(sandbox)
    {
        const SandboxNode &node = sandbox.primary();
        m_dir = node.dataDir;
        m_admin = createConnection(sandbox.options(node, sandbox.info().credentials.admin));
        if (Status s = m_admin->connect(); !s) {
            m_error = s.error().describe();
            return;
        }
        if (std::string e = useCertificate("server"); !e.empty()) {
            m_error = e;
            return;
        }
        for (const char *sql : {"ALTER SYSTEM SET ssl_cert_file = 'switchyard-test-cert.pem'",
                                "ALTER SYSTEM SET ssl_key_file = 'switchyard-test-cert.key'",
                                "ALTER SYSTEM SET ssl = on"}) {
            if (Result<std::uint64_t> r = m_admin->execute(sql); !r.ok()) {
                m_error = r.error().describe();
                return;
            }
        }
        m_error = reload();
        m_enabled = m_error.empty();
    }

    ~TlsPostgres()
    {
        if (m_admin && m_admin->isOpen()) {
            for (const char *sql : {"ALTER SYSTEM RESET ssl", "ALTER SYSTEM RESET ssl_cert_file",
                                    "ALTER SYSTEM RESET ssl_key_file"})
                (void)m_admin->execute(sql);
            (void)reload();
        }
        std::error_code ec;
        fs::remove(m_dir + "/switchyard-test-cert.pem", ec);
        fs::remove(m_dir + "/switchyard-test-cert.key", ec);
    }
    TlsPostgres(const TlsPostgres &) = delete;
    TlsPostgres &operator=(const TlsPostgres &) = delete;

    const std::string &error() const { return m_error; }

    ConnectionOptions options(TlsMode mode, const std::string &ca = {}) const
    {
        ConnectionOptions o = m_sandbox.options(m_sandbox.primary(), m_sandbox.info().credentials.monitor);
        o.connectTimeout = 5000ms;
        o.tls.mode = mode;
        if (!ca.empty())
            o.tls.caFile = certificatePath(ca);
        return o;
    }

    std::string useCertificate(const std::string &name)
    {
        struct stat owner{};
        if (::stat(m_dir.c_str(), &owner) != 0)
            return "cannot stat " + m_dir;
        if (!installFile(certificatePath(name + ".pem"), m_dir + "/switchyard-test-cert.pem", fs::perms(0644), owner)
            || !installFile(certificatePath(name + ".key"), m_dir + "/switchyard-test-cert.key", fs::perms(0600),
                            owner))
            return "cannot install " + name + " into " + m_dir;
        return m_enabled ? reload() : std::string();
    }

private:
    // pg_reload_conf() only signals the postmaster; wait until a new session has the new
    // configuration (its pg_conf_load_time() is later than before).
    std::string reload()
    {
        Result<QueryResult> before = m_admin->query("SELECT pg_conf_load_time()::text");
        if (!before.ok())
            return before.error().describe();
        const std::string previous = before->rows.at(0).at(0).value_or("");
        if (Result<QueryResult> r = m_admin->query("SELECT pg_reload_conf()"); !r.ok())
            return r.error().describe();
        const auto deadline = Clock::now() + 10s;
        while (Clock::now() < deadline) {
            auto probe = createConnection(m_sandbox.options(m_sandbox.primary(), m_sandbox.info().credentials.admin));
            if (probe->connect().ok()) {
                Result<QueryResult> now = probe->query("SELECT pg_conf_load_time()::text");
                if (now.ok() && now->rows.at(0).at(0).value_or("") != previous)
                    return {};
            }
            std::this_thread::sleep_for(20ms);
        }
        return "the configuration reload did not take effect within 10 s";
    }

    const itest::ScopedSandbox &m_sandbox;
    std::string m_dir;
    std::unique_ptr<Connection> m_admin;
    std::string m_error;
    bool m_enabled = false;
};

template <typename Server>
void checkTlsModes(Server &server)
{
    const auto connect = [&](TlsMode mode, const std::string &ca) {
        auto c = createConnection(server.options(mode, ca));
        Status s = c->connect();
        return std::make_pair(std::move(c), s);
    };
    // Encrypted whenever asked; not when disabled.
    for (TlsMode mode : {TlsMode::Preferred, TlsMode::Required}) {
        auto [c, s] = connect(mode, "");
        ASSERT_TRUE(s.ok()) << tlsModeName(mode) << ": " << s.error().describe();
        EXPECT_TRUE(c->serverInfo().tls) << tlsModeName(mode);
    }
    {
        auto [c, s] = connect(TlsMode::Disabled, "");
        ASSERT_TRUE(s.ok()) << s.error().describe();
        EXPECT_FALSE(c->serverInfo().tls);
    }
    // The certificate names 127.0.0.1 and chains to ca.pem.
    for (TlsMode mode : {TlsMode::VerifyCa, TlsMode::VerifyIdentity}) {
        auto [c, s] = connect(mode, "ca.pem");
        ASSERT_TRUE(s.ok()) << tlsModeName(mode) << ": " << s.error().describe();
        EXPECT_TRUE(c->serverInfo().tls);
        auto [c2, s2] = connect(mode, "other-ca.pem");
        ASSERT_FALSE(s2.ok()) << tlsModeName(mode) << " with an unrelated CA";
        EXPECT_EQ(s2.error().code, ErrorCode::TlsFailed) << s2.error().describe();
    }
    // A certificate for another name: the chain is fine, the identity is not.
    ASSERT_EQ(server.useCertificate("wrong-name"), "");
    {
        auto [c, s] = connect(TlsMode::VerifyCa, "ca.pem");
        EXPECT_TRUE(s.ok()) << s.error().describe();
        auto [c2, s2] = connect(TlsMode::VerifyIdentity, "ca.pem");
        ASSERT_FALSE(s2.ok());
        EXPECT_EQ(s2.error().code, ErrorCode::TlsFailed) << s2.error().describe();
        EXPECT_NE(s2.error().message.find("verify-identity"), std::string::npos) << s2.error().message;
        // Required does not verify at all.
        auto [c3, s3] = connect(TlsMode::Required, "");
        EXPECT_TRUE(s3.ok()) << s3.error().describe();
    }
}

} // namespace

TEST(MariadbTls, ModesAgainstAServerWithTls)
{
    TlsMariadb server;
    ASSERT_EQ(server.error(), "");
    checkTlsModes(server);
}

TEST(PostgresTls, ModesAgainstAServerWithTls)
{
    itest::ScopedSandbox &sandbox = sandboxFor(Engine::PostgreSQL);
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    TlsPostgres server(sandbox);
    ASSERT_EQ(server.error(), "");
    checkTlsModes(server);
}
