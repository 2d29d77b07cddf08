// MariaDB sandbox: a primary and K replicas with GTID replication (gtid_strict_mode,
// log_slave_updates, MASTER_USE_GTID=slave_pos), read_only replicas, 127.0.0.1 only.
//
// Setup SQL goes through the `mariadb` command-line client over each node's socket as the OS
// account (root@localhost authenticates by unix_socket), so no password is ever needed for
// bootstrapping and none appears on a command line (SQL is sent on stdin).

#include "sandbox_internal.h"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <arpa/inet.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace switchyard::core::detail {
namespace {

constexpr auto kSqlTimeout = std::chrono::seconds(60);
constexpr int kReplicationWaitSeconds = 30;

std::string nodeDirOf(const SandboxNode &node)
{
    return fs::path(node.dataDir).parent_path().string();
}

// True when something answers on 127.0.0.1:port with a MySQL protocol greeting (protocol 10)
// or an error packet: the server accepts connections.
bool answersGreeting(std::uint16_t port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    timeval tv{0, 500000};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = false;
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0) {
        unsigned char header[5];
        std::size_t have = 0;
        while (have < sizeof header) {
            const ssize_t n = ::read(fd, header + have, sizeof header - have);
            if (n <= 0)
                break;
            have += static_cast<std::size_t>(n);
        }
        ok = have == sizeof header && (header[4] == 10 || header[4] == 0xff);
    }
    ::close(fd);
    return ok;
}

class MariaDbBackend final : public SandboxBackend
{
public:
    Engine engine() const override { return Engine::MySQL; }
    std::string defaultName() const override { return "mariadb"; }
    int defaultReplicas() const override { return 2; }
    std::uint16_t defaultBasePort() const override { return 23306; }
    std::string nodePrefix() const override { return "n"; }
    int stopSignal() const override { return SIGTERM; }

    std::vector<RequiredBinary> requiredBinaries() const override
    {
        return {{"mariadbd", "mariadb-server"},
                {"mariadb-install-db", "mariadb-server"},
                {"mariadb", "mariadb-client"}};
    }

    std::vector<std::string> defaultBinaryDirs() const override
    {
        return {"/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", "/sbin", "/bin"};
    }

    // mariadbd runs as root when told so explicitly (--user=root); see environment.md.
    Result<std::optional<UserAccount>> serverUserForRoot() const override
    {
        return std::optional<UserAccount>();
    }

    void layoutNode(SandboxNode &node, const std::string &base) const override
    {
        const std::string dir = base + "/" + node.name;
        node.dataDir = dir + "/data";
        node.logFile = dir + "/error.log";
        node.socketPath = dir + "/mysqld.sock";
        if (node.socketPath.size() > kMaxSocketPath)
            node.socketPath = shortSocketDir(dir) + "/mysqld.sock";
    }

    std::optional<SandboxRole> detectRole(const SandboxNode &node) const override
    {
        std::error_code ec;
        if (!fs::exists(node.dataDir + "/mysql", ec))
            return std::nullopt;
        // CHANGE MASTER writes master.info; RESET SLAVE ALL (promotion) removes it.
        return fs::exists(node.dataDir + "/master.info", ec) ? SandboxRole::Replica : SandboxRole::Primary;
    }

    int serverPidFromFile(const SandboxNode &node) const override
    {
        std::ifstream in(nodeDirOf(node) + "/mysqld.pid");
        int pid = 0;
        in >> pid;
        return in ? pid : 0;
    }

    Status create(SandboxContext &ctx) override
    {
        auto &nodes = ctx.info->nodes;
        std::vector<ProcessSpec> installs;
        std::vector<std::string> names;
        for (const auto &node : nodes) {
            if (auto st = prepareDirectories(node); !st)
                return st;
            ProcessSpec spec;
            spec.argv = {ctx.binary("mariadb-install-db"), "--no-defaults"};
            if (ctx.osUserName == "root")
                spec.argv.push_back("--user=root");
            // A private tmpdir: bootstrap servers name temporary tables after their pid, and
            // /tmp may be shared with servers in other pid namespaces.
            spec.argv.insert(spec.argv.end(),
                             {"--datadir=" + node.dataDir, "--tmpdir=" + nodeDirOf(node) + "/tmp",
                              "--skip-test-db", "--auth-root-authentication-method=socket",
                              "--innodb-log-file-size=8M"});
            installs.push_back(std::move(spec));
            names.push_back(node.name);
        }
        // About 0.5 s each; in parallel they take about as long as one.
        if (auto st = runCheckedParallel(installs, std::chrono::seconds(60), names); !st)
            return st;

        std::vector<std::size_t> all;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (auto st = startNode(ctx, nodes[i], i, nodes[i].role == SandboxRole::Replica); !st)
                return st;
            all.push_back(i);
        }
        if (auto st = waitReady(ctx, all); !st)
            return st;

        const SandboxNode &primary = nodes.front();
        const auto &c = ctx.info->credentials;
        const std::string replication = quoteSqlString(c.replication.user) + "@'%'";
        const std::string monitor = quoteSqlString(c.monitor.user) + "@'%'";
        const std::string admin = quoteSqlString(c.admin.user) + "@'%'";
        const std::string application = quoteSqlString(c.application.user) + "@'%'";
        std::string bootstrap;
        bootstrap += "CREATE USER " + account(c.replication) + ";\n";
        bootstrap += "GRANT REPLICATION SLAVE ON *.* TO " + replication + ";\n";
        // Read-only: no READ_ONLY ADMIN (which would let it write to read_only replicas), no
        // write privilege at all. REPLICATION MASTER ADMIN is what MariaDB 10.5+ asks for
        // SHOW SLAVE HOSTS, which lets discovery crawl from a primary down to its replicas.
        bootstrap += "CREATE USER " + account(c.monitor) + ";\n";
        bootstrap += "GRANT SELECT, PROCESS, REPLICATION CLIENT, SLAVE MONITOR, BINLOG MONITOR, "
                     "REPLICATION MASTER ADMIN ON *.* TO ";
        bootstrap += monitor + ";\n";
        // Topology changes need READ_ONLY ADMIN (SET GLOBAL read_only) and SUPER; ALL has both.
        bootstrap += "CREATE USER " + account(c.admin) + ";\n";
        bootstrap += "GRANT ALL PRIVILEGES ON *.* TO " + admin + " WITH GRANT OPTION;\n";
        // The application: everything on its database, nothing global (so no READ_ONLY ADMIN).
        bootstrap += "CREATE DATABASE `" + c.appDatabase + "`;\n";
        bootstrap += "CREATE USER " + account(c.application) + ";\n";
        bootstrap += "GRANT ALL PRIVILEGES ON `" + c.appDatabase + "`.* TO " + application + ";\n";
        if (auto out = runSql(ctx, primary, bootstrap); !out)
            return out.error();

        for (std::size_t i = 1; i < nodes.size(); ++i) {
            const std::string sql =
                "SET GLOBAL read_only = ON;\n" + changeMaster(primary, c.replication) + "START SLAVE;\n";
            if (auto out = runSql(ctx, nodes[i], sql); !out)
                return out.error();
        }
        auto position = runSql(ctx, primary, "SELECT @@GLOBAL.gtid_binlog_pos;\n");
        if (!position)
            return position.error();
        const std::string gtid = trim(*position);
        for (std::size_t i = 1; i < nodes.size(); ++i) {
            if (auto st = waitForGtid(ctx, nodes[i], gtid, kReplicationWaitSeconds); !st)
                return st;
        }
        return okStatus();
    }

    Status start(SandboxContext &ctx, const std::vector<std::size_t> &indexes) override
    {
        auto &nodes = ctx.info->nodes;
        // Sources first, ready before any replica starts: a replica whose first connection is
        // refused reports an IO error until its next retry, and the console would show it.
        std::vector<std::size_t> sources, replicas;
        for (auto i : indexes) {
            const bool replica = detectRole(nodes[i]).value_or(nodes[i].role) == SandboxRole::Replica;
            (replica ? replicas : sources).push_back(i);
        }
        for (const auto *group : {&sources, &replicas}) {
            for (auto i : *group) {
                if (auto st = prepareDirectories(nodes[i]); !st)
                    return st;
                if (auto st = startNode(ctx, nodes[i], i, group == &replicas); !st)
                    return st;
            }
            if (auto st = waitReady(ctx, *group); !st)
                return st;
        }
        // Replication resumes by itself (master.info, MASTER_CONNECT_RETRY=1). Give it a
        // moment to catch up, without failing the start: a replica may be stopped on purpose.
        const SandboxNode *primary = nullptr;
        int primaries = 0;
        for (const auto &node : nodes) {
            if (detectRole(node) == SandboxRole::Primary) {
                primary = &node;
                ++primaries;
            }
        }
        if (primaries != 1)
            return okStatus(); // no single source to wait for
        auto position = runSql(ctx, *primary, "SELECT @@GLOBAL.gtid_binlog_pos;\n");
        if (!position)
            return okStatus();
        for (auto i : indexes) {
            if (&nodes[i] != primary && detectRole(nodes[i]) == SandboxRole::Replica)
                (void)waitForGtid(ctx, nodes[i], trim(*position), 5);
        }
        return okStatus();
    }

private:
    static std::string account(const SandboxAccount &a)
    {
        return quoteSqlString(a.user) + "@'%' IDENTIFIED BY " + quoteSqlString(a.password);
    }

    static std::string changeMaster(const SandboxNode &primary, const SandboxAccount &replication)
    {
        return "CHANGE MASTER TO MASTER_HOST=" + quoteSqlString(primary.host) +
               ", MASTER_PORT=" + std::to_string(primary.port) +
               ", MASTER_USER=" + quoteSqlString(replication.user) +
               ", MASTER_PASSWORD=" + quoteSqlString(replication.password) +
               ", MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1;\n";
    }

    static Status prepareDirectories(const SandboxNode &node)
    {
        if (auto st = makeDirectory(nodeDirOf(node) + "/tmp", 0750, std::nullopt); !st)
            return st;
        const std::string socketDir = fs::path(node.socketPath).parent_path().string();
        if (socketDir != nodeDirOf(node))
            return makeDirectory(socketDir, 0700, std::nullopt);
        return okStatus();
    }

    Status startNode(SandboxContext &ctx, SandboxNode &node, std::size_t index, bool readOnly) const
    {
        const std::string dir = nodeDirOf(node);
        const std::string port = std::to_string(node.port);
        std::vector<std::string> argv = {ctx.binary("mariadbd"), "--no-defaults"};
        if (ctx.osUserName == "root")
            argv.push_back("--user=root");
        // --log-basename first: placed later it would override the explicit log names.
        argv.insert(argv.end(), {
                                    "--log-basename=" + node.name,
                                    "--datadir=" + node.dataDir,
                                    "--tmpdir=" + dir + "/tmp",
                                    "--socket=" + node.socketPath,
                                    "--pid-file=" + dir + "/mysqld.pid",
                                    "--log-error=" + node.logFile,
                                    "--port=" + port,
                                    "--bind-address=127.0.0.1",
                                    "--skip-name-resolve",
                                    "--server-id=" + std::to_string(index + 1),
                                    "--log-bin=" + node.name + "-bin",
                                    "--relay-log=" + node.name + "-relay-bin",
                                    "--binlog-format=ROW",
                                    "--log-slave-updates=ON",
                                    "--gtid-strict-mode=ON",
                                    "--report-host=127.0.0.1",
                                    "--report-port=" + port,
                                    "--innodb-buffer-pool-size=64M",
                                    "--innodb-log-file-size=8M",
                                    "--innodb-flush-log-at-trx-commit=2",
                                    "--performance-schema=OFF",
                                    "--max-connections=200",
                                    std::string("--read-only=") + (readOnly ? "ON" : "OFF"),
                                });
        return startServer(ctx, node, std::move(argv), dir + "/stdout.log");
    }

    static Status waitReady(SandboxContext &ctx, const std::vector<std::size_t> &indexes)
    {
        return waitUntilReady(
            ctx, indexes, [](const SandboxNode &node) { return answersGreeting(node.port); },
            std::chrono::seconds(60));
    }

    static Result<std::string> runSql(const SandboxContext &ctx, const SandboxNode &node,
                                      const std::string &sql)
    {
        ProcessSpec spec;
        spec.argv = {ctx.binary("mariadb"),         "--no-defaults", "--user=" + ctx.osUserName,
                     "--socket=" + node.socketPath, "--batch",       "--skip-column-names",
                     "--connect-timeout=10"};
        auto out = runChecked(spec, sql, std::min<std::chrono::milliseconds>(kSqlTimeout, ctx.remaining()),
                              node.name);
        if (!out)
            return out.error();
        return out->out;
    }

    static Status waitForGtid(const SandboxContext &ctx, const SandboxNode &replica, const std::string &gtid,
                              int seconds)
    {
        auto result = runSql(ctx, replica,
                             "SELECT MASTER_GTID_WAIT(" + quoteSqlString(gtid) + ", " +
                                 std::to_string(seconds) + ");\n");
        if (!result)
            return result.error();
        if (trim(*result) == "0")
            return okStatus();
        // Say why: the replication threads' own errors.
        std::string why;
        if (auto status = runSql(ctx, replica, "SHOW SLAVE STATUS\\G\n")) {
            for (const char *field :
                 {"Slave_IO_Running:", "Slave_SQL_Running:", "Last_IO_Error:", "Last_SQL_Error:"}) {
                const auto pos = status->find(field);
                if (pos != std::string::npos)
                    why += " " + trim(status->substr(pos, status->find('\n', pos) - pos)) + ";";
            }
        }
        return processFailed(replica, "the replica did not reach the primary's GTID position " + gtid +
                                          " within " + std::to_string(seconds) + " s;" + why);
    }
};

} // namespace

std::unique_ptr<SandboxBackend> makeMariaDbBackend()
{
    return std::make_unique<MariaDbBackend>();
}

} // namespace switchyard::core::detail
