// PostgreSQL sandbox: a primary and K streaming standbys, each on its own physical
// replication slot (pg_basebackup -R -C -S), hot_standby_feedback and wal_log_hints on (so
// pg_rewind works after a switchover), fsync off (a throwaway cluster; it keeps up fast).
//
// PostgreSQL refuses to run as root. As root, every server-side program (initdb,
// pg_basebackup, postgres) runs as the `postgres` system account, and the node directories
// belong to it. Root's home is 0700, so when that account cannot reach the sandbox directory
// the node directories go to ~postgres/switchyard-sandboxes/<name>-<hash> instead (recorded
// in sandbox.conf; destroy removes them). Setup SQL goes through psql over the node's
// socket directory (0700, local trust), so no password is needed for bootstrapping.

#include "sandbox_internal.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;

namespace switchyard::core::detail {
namespace {

constexpr auto kSqlTimeout = std::chrono::seconds(60);

std::string nodeDirOf(const SandboxNode &node)
{
    return fs::path(node.dataDir).parent_path().string();
}

std::string confQuote(std::string_view text)
{
    return quoteSqlString(text); // postgresql.conf quotes strings the same way ('' for ')
}

std::vector<std::string> readLines(const std::string &path)
{
    std::vector<std::string> lines;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
        lines.push_back(line);
    return lines;
}

// postmaster.pid: pid, data dir, start time, port, socket dir, listen address, shmem key,
// status ("starting", "stopping", "ready", "standby").
bool postmasterReady(const SandboxNode &node)
{
    const auto lines = readLines(node.dataDir + "/postmaster.pid");
    if (lines.size() < 8 || std::to_string(node.pid) != trim(lines[0]))
        return false;
    const std::string status = trim(lines[7]);
    return status == "ready" || status == "standby";
}

class PostgresBackend final : public SandboxBackend
{
public:
    Engine engine() const override { return Engine::PostgreSQL; }
    std::string defaultName() const override { return "postgres"; }
    int defaultReplicas() const override { return 1; }
    std::uint16_t defaultBasePort() const override { return 25432; }
    std::string nodePrefix() const override { return "pg"; }
    int stopSignal() const override { return SIGINT; } // "fast" shutdown, as pg_ctl -m fast

    std::vector<RequiredBinary> requiredBinaries() const override
    {
        return {{"postgres", "postgresql"},
                {"initdb", "postgresql"},
                {"pg_basebackup", "postgresql"},
                {"psql", "postgresql-client"}};
    }

    // Debian keeps the server programs in /usr/lib/postgresql/<major>/bin, off PATH; the
    // newest major wins.
    std::vector<std::string> defaultBinaryDirs() const override
    {
        std::vector<std::pair<int, std::string>> versions;
        std::error_code ec;
        for (const auto &entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
            const std::string name = entry.path().filename().string();
            const int major = std::atoi(name.c_str());
            if (major > 0)
                versions.emplace_back(major, entry.path().string() + "/bin");
        }
        std::sort(versions.rbegin(), versions.rend());
        std::vector<std::string> dirs;
        for (auto &v : versions)
            dirs.push_back(v.second);
        dirs.push_back("/usr/local/pgsql/bin");
        return dirs;
    }

    Result<std::optional<UserAccount>> serverUserForRoot() const override
    {
        auto user = lookupUser("postgres");
        if (!user)
            return makeError(
                ErrorCode::Unsupported,
                "PostgreSQL refuses to run as root, and there is no 'postgres' system account to run it "
                "as; install the Debian package postgresql (it creates one) or run as a regular user");
        return std::optional<UserAccount>(std::move(*user));
    }

    Result<std::string> nodeBaseDirectory(const std::string &sandboxDir,
                                          const std::optional<UserAccount> &serverUser) const override
    {
        if (!serverUser || canReach(sandboxDir, *serverUser))
            return sandboxDir;
        if (serverUser->home.empty() || !canReach(serverUser->home + "/", *serverUser))
            return makeError(ErrorCode::Unsupported,
                             "the '" + serverUser->name + "' account cannot reach " + sandboxDir +
                                 " and has no usable home directory; choose a sandbox directory it can reach "
                                 "(--dir)");
        return relocatedBase(sandboxDir, *serverUser);
    }

    std::vector<std::string> externalDirectories(const SandboxInfo &info) const override
    {
        const auto user = lookupUser("postgres");
        if (!user)
            return {};
        const std::string base = relocatedBase(info.directory, *user);
        const bool used = std::any_of(info.nodes.begin(), info.nodes.end(), [&](const SandboxNode &n) {
            return n.dataDir.rfind(base + "/", 0) == 0;
        });
        return used ? std::vector<std::string>{base} : std::vector<std::string>{};
    }

    void layoutNode(SandboxNode &node, const std::string &base) const override
    {
        const std::string dir = base + "/" + node.name;
        node.dataDir = dir + "/data";
        node.logFile = dir + "/postgres.log";
        node.socketPath = dir;
        if (dir.size() + std::string("/.s.PGSQL.65535.lock").size() > kMaxSocketPath)
            node.socketPath = shortSocketDir(dir);
    }

    std::optional<SandboxRole> detectRole(const SandboxNode &node) const override
    {
        std::error_code ec;
        if (!fs::exists(node.dataDir + "/PG_VERSION", ec))
            return std::nullopt;
        // pg_basebackup -R creates standby.signal; promotion removes it.
        return fs::exists(node.dataDir + "/standby.signal", ec) ? SandboxRole::Replica : SandboxRole::Primary;
    }

    int serverPidFromFile(const SandboxNode &node) const override
    {
        const auto lines = readLines(node.dataDir + "/postmaster.pid");
        return lines.empty() ? 0 : std::atoi(lines.front().c_str());
    }

    Status create(SandboxContext &ctx) override
    {
        auto &nodes = ctx.info->nodes;
        const std::string base = fs::path(nodeDirOf(nodes.front())).parent_path().string();
        if (base != ctx.info->directory) {
            // Relocated: the parent belongs to the server account; clear a stale leftover of an
            // earlier sandbox of the same name (nothing uses it: checked before).
            std::error_code ec;
            fs::remove_all(base, ec);
            if (auto st = makeDirectory(fs::path(base).parent_path().string(), 0700, ctx.serverUser); !st)
                return st;
            if (auto st = makeDirectory(base, 0700, ctx.serverUser); !st)
                return st;
        }
        for (const auto &node : nodes) {
            if (auto st = prepareDirectories(ctx, node); !st)
                return st;
        }

        SandboxNode &primary = nodes.front();
        ProcessSpec initdb;
        initdb.argv = {ctx.binary("initdb"),
                       "-D",
                       primary.dataDir,
                       "-U",
                       "postgres",
                       "-E",
                       "UTF8",
                       "--locale=C.UTF-8",
                       "--auth-local=trust",
                       "--auth-host=scram-sha-256",
                       "--no-sync",
                       "--no-instructions"};
        initdb.runAs = ctx.serverUser;
        if (auto out = runChecked(initdb, {}, std::chrono::seconds(60), primary.name); !out)
            return out.error();
        if (auto st =
                appendToFile(primary.dataDir + "/postgresql.conf", commonSettings() + nodeSettings(primary));
            !st)
            return st;
        if (auto st = startNode(ctx, primary); !st)
            return st;
        if (auto st = waitReady(ctx, {0}); !st)
            return st;

        const auto &c = ctx.info->credentials;
        std::string bootstrap;
        bootstrap += "CREATE ROLE " + c.replication.user + " WITH LOGIN REPLICATION PASSWORD " +
                     quoteSqlString(c.replication.password) + ";\n";
        bootstrap += "CREATE ROLE " + c.admin.user + " WITH LOGIN SUPERUSER PASSWORD " +
                     quoteSqlString(c.admin.password) + ";\n";
        bootstrap += "CREATE ROLE " + c.monitor.user + " WITH LOGIN PASSWORD " +
                     quoteSqlString(c.monitor.password) + ";\n";
        bootstrap += "GRANT pg_monitor TO " + c.monitor.user + ";\n";
        bootstrap += "CREATE ROLE " + c.application.user + " WITH LOGIN PASSWORD " +
                     quoteSqlString(c.application.password) + ";\n";
        bootstrap += "CREATE DATABASE " + c.appDatabase + " OWNER " + c.application.user + ";\n";
        if (auto out = runPsql(ctx, primary, bootstrap); !out)
            return out.error();

        // Standbys: base backups in parallel, each creating its own slot.
        std::vector<ProcessSpec> backups;
        std::vector<std::string> names;
        std::vector<std::size_t> standbys;
        for (std::size_t i = 1; i < nodes.size(); ++i) {
            ProcessSpec spec;
            spec.argv = {ctx.binary("pg_basebackup"),
                         "-h",
                         primary.host,
                         "-p",
                         std::to_string(primary.port),
                         "-U",
                         c.replication.user,
                         "-w",
                         "-D",
                         nodes[i].dataDir,
                         "-R",
                         "-X",
                         "stream",
                         "-C",
                         "-S",
                         slotName(nodes[i]),
                         "--checkpoint=fast",
                         "--no-sync"};
            spec.env = {"PGPASSWORD=" + c.replication.password, "PGCONNECT_TIMEOUT=10"};
            spec.runAs = ctx.serverUser;
            backups.push_back(std::move(spec));
            names.push_back(nodes[i].name);
            standbys.push_back(i);
        }
        if (auto st = runCheckedParallel(backups, std::chrono::seconds(120), names); !st)
            return st;
        for (auto i : standbys) {
            if (auto st = appendToFile(nodes[i].dataDir + "/postgresql.conf", nodeSettings(nodes[i])); !st)
                return st;
            if (auto st = startNode(ctx, nodes[i]); !st)
                return st;
        }
        if (auto st = waitReady(ctx, standbys); !st)
            return st;
        return waitStreaming(ctx, primary, nodes[standbys.empty() ? 0 : standbys.front()], standbys.size(),
                             std::chrono::seconds(30), true);
    }

    Status start(SandboxContext &ctx, const std::vector<std::size_t> &indexes) override
    {
        auto &nodes = ctx.info->nodes;
        // Primaries first: a standby that finds no primary retries only every
        // wal_retrieve_retry_interval.
        std::vector<std::size_t> primaries, standbys;
        for (auto i : indexes)
            (detectRole(nodes[i]) == SandboxRole::Replica ? standbys : primaries).push_back(i);
        for (const auto *group : {&primaries, &standbys}) {
            for (auto i : *group) {
                if (auto st = prepareDirectories(ctx, nodes[i]); !st)
                    return st;
                // No process uses the data directory (checked before), so a postmaster.pid
                // left by a killed server is stale; postgres could mistake a recycled pid.
                std::error_code ec;
                fs::remove(nodes[i].dataDir + "/postmaster.pid", ec);
                if (auto st = startNode(ctx, nodes[i]); !st)
                    return st;
            }
            if (auto st = waitReady(ctx, *group); !st)
                return st;
        }
        // Streaming resumes on the slots by itself; wait a little for it, without failing.
        const SandboxNode *primary = nullptr;
        std::size_t standbyCount = 0;
        for (const auto &node : nodes) {
            const auto role = detectRole(node);
            if (role == SandboxRole::Primary)
                primary = &node;
            else if (role == SandboxRole::Replica)
                ++standbyCount;
        }
        if (primary && standbyCount > 0)
            (void)waitStreaming(ctx, *primary, *primary, standbyCount, std::chrono::seconds(5), false);
        return okStatus();
    }

private:
    static std::string slotName(const SandboxNode &node) { return node.name; }

    static std::string commonSettings()
    {
        return "\n# --- Switchyard sandbox ---\n"
               "listen_addresses = '127.0.0.1'\n"
               "wal_level = replica\n"
               "max_wal_senders = 10\n"
               "max_replication_slots = 10\n"
               "wal_keep_size = '64MB'\n"
               "hot_standby = on\n"
               "hot_standby_feedback = on\n"
               "wal_log_hints = on\n" // pg_rewind after a switchover
               "wal_retrieve_retry_interval = '1s'\n"
               "fsync = off\n" // throwaway cluster: fast and small
               "shared_buffers = '32MB'\n"
               "max_connections = 100\n"
               "logging_collector = off\n";
    }

    // Appended last, so they win over what a base backup copied from the primary.
    static std::string nodeSettings(const SandboxNode &node)
    {
        return "# --- Switchyard sandbox node " + node.name +
               " ---\n"
               "port = " +
               std::to_string(node.port) +
               "\n"
               "unix_socket_directories = " +
               confQuote(node.socketPath) +
               "\n"
               "cluster_name = " +
               confQuote(node.name) + "\n"; // also the walreceiver's application_name
    }

    static Status prepareDirectories(const SandboxContext &ctx, const SandboxNode &node)
    {
        if (auto st = makeDirectory(nodeDirOf(node), 0700, ctx.serverUser); !st)
            return st;
        if (node.socketPath != nodeDirOf(node))
            return makeDirectory(node.socketPath, 0700, ctx.serverUser);
        return okStatus();
    }

    // Whether `user` can search `dir` (every directory on the way): asked as that user, so
    // ACLs and group membership count. Missing components count as reachable when their
    // nearest existing ancestor is (we create them 0755).
    static bool canReach(const std::string &dir, const UserAccount &user)
    {
        fs::path probe(dir);
        std::error_code ec;
        while (!probe.empty() && probe != probe.root_path() && !fs::exists(probe, ec))
            probe = probe.parent_path();
        const auto test = findExecutable("test", {"/usr/bin", "/bin"});
        if (!test)
            return true; // cannot tell; let initdb say
        ProcessSpec spec;
        spec.argv = {*test, "-x", probe.string()};
        spec.runAs = user;
        auto out = runProcess(spec, {}, std::chrono::seconds(10));
        return out && out->success();
    }

    static std::string relocatedBase(const std::string &sandboxDir, const UserAccount &user)
    {
        return user.home + "/switchyard-sandboxes/" + fs::path(sandboxDir).filename().string() + "-" +
               hashHex(sandboxDir).substr(0, 12);
    }

    static Status startNode(SandboxContext &ctx, SandboxNode &node)
    {
        return startServer(ctx, node, {ctx.binary("postgres"), "-D", node.dataDir}, node.logFile);
    }

    static Status waitReady(SandboxContext &ctx, const std::vector<std::size_t> &indexes)
    {
        return waitUntilReady(ctx, indexes, postmasterReady, std::chrono::seconds(60));
    }

    static Result<std::string> runPsql(const SandboxContext &ctx, const SandboxNode &node,
                                       const std::string &sql)
    {
        ProcessSpec spec;
        spec.argv = {ctx.binary("psql"),
                     "-X",
                     "-q",
                     "-A",
                     "-t",
                     "-v",
                     "ON_ERROR_STOP=1",
                     "-h",
                     node.socketPath,
                     "-p",
                     std::to_string(node.port),
                     "-U",
                     "postgres",
                     "-d",
                     "postgres"};
        spec.env = {"PGCONNECT_TIMEOUT=10"};
        auto out = runChecked(spec, sql, std::min<std::chrono::milliseconds>(kSqlTimeout, ctx.remaining()),
                              node.name);
        if (!out)
            return out.error();
        return out->out;
    }

    // `blame`: whose log to quote when it fails (a standby's says why its walreceiver cannot connect).
    static Status waitStreaming(const SandboxContext &ctx, const SandboxNode &primary,
                                const SandboxNode &blame, std::size_t standbys,
                                std::chrono::milliseconds timeout, bool mustSucceed)
    {
        const auto deadline = std::min(Clock::now() + timeout, ctx.deadline);
        std::string last;
        for (;;) {
            auto out = runPsql(ctx, primary,
                               "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming';\n");
            if (out) {
                last = trim(*out);
                if (std::atoi(last.c_str()) >= static_cast<int>(standbys))
                    return okStatus();
            } else if (mustSucceed) {
                return out.error();
            }
            if (Clock::now() >= deadline) {
                if (!mustSucceed)
                    return okStatus();
                return processFailed(blame, "only " + (last.empty() ? std::string("0") : last) + " of " +
                                                std::to_string(standbys) + " standbys streaming after " +
                                                std::to_string(timeout.count() / 1000) + " s");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
};

} // namespace

std::unique_ptr<SandboxBackend> makePostgresBackend()
{
    return std::make_unique<PostgresBackend>();
}

} // namespace switchyard::core::detail
