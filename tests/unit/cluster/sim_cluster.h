// A simulated MariaDB GTID cluster behind the Connection interface, for unit tests of the
// operation planner and executor: it understands exactly the statements Switchyard's plans and
// probes send (read_only, gtid positions, MASTER_GTID_WAIT, STOP/RESET/START SLAVE, CHANGE
// MASTER, SHOW SLAVE STATUS, the probe's variable query) and keeps per-node state, so a test can
// run a whole switchover and look at the cluster afterwards. Failures are injected per
// statement prefix. Never a substitute for the integration tests against real servers.
#pragma once

#include "switchyard/core/connection.h"
#include "switchyard/core/operation_facts.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace switchyard::testing {

struct SimNode
{
    std::string name;
    std::uint16_t port = 0;
    int serverId = 0;
    bool up = true;
    bool readOnly = true;
    bool eventScheduler = false;
    // Replication (default channel).
    bool configured = false;
    std::uint16_t sourcePort = 0;
    bool io = false, sql = false;
    std::string user = "repl";
    // GTID state, domain 0: the last GTID applied here, as (origin server, seq).
    int origin = 1;
    std::uint64_t seq = 0;
    bool canCatchUp = true;          // MASTER_GTID_WAIT succeeds
    std::vector<std::string> privileges = {"SUPER", "READ_ONLY ADMIN", "REPLICATION SLAVE ADMIN", "SLAVE MONITOR",
                                           "CONNECTION ADMIN", "EVENT"};
    std::string pos() const { return seq ? "0-" + std::to_string(origin) + "-" + std::to_string(seq) : std::string(); }
};

class SimCluster
{
public:
    std::mutex mutex;
    std::vector<SimNode> nodes;
    std::map<std::string, Error> failures;       // statement prefix -> error (persistent)
    std::vector<std::string> log;                // "node: statement", every statement
    std::chrono::milliseconds waitDelay{0};      // MASTER_GTID_WAIT takes this long
    std::atomic<bool> blockWait{false};          // MASTER_GTID_WAIT blocks until cancelled
    std::vector<std::string> privilegedSessions; // ids the privileged-sessions query lists

    SimNode *byPort(std::uint16_t port)
    {
        for (auto &n : nodes) {
            if (n.port == port)
                return &n;
        }
        return nullptr;
    }
    SimNode *byName(const std::string &name)
    {
        for (auto &n : nodes) {
            if (n.name == name)
                return &n;
        }
        return nullptr;
    }

    // primary n1 (port 3306) with replicas n2, n3 (3307, 3308), all at seq `seq`.
    static std::shared_ptr<SimCluster> threeNodes(std::uint64_t seq = 10)
    {
        auto c = std::make_shared<SimCluster>();
        for (int i = 0; i < 3; ++i) {
            SimNode n;
            n.name = "n" + std::to_string(i + 1);
            n.port = static_cast<std::uint16_t>(3306 + i);
            n.serverId = i + 1;
            n.readOnly = i != 0;
            n.configured = i != 0;
            n.sourcePort = i != 0 ? 3306 : 0;
            n.io = n.sql = i != 0;
            n.seq = seq;
            c->nodes.push_back(n);
        }
        return c;
    }

    // A write on the (writable) node: the replicas of it see it at once.
    void write(const std::string &name)
    {
        std::lock_guard lock(mutex);
        SimNode *p = byName(name);
        p->origin = p->serverId;
        ++p->seq;
        for (auto &n : nodes) {
            if (n.configured && n.sourcePort == p->port && n.io && n.sql && n.canCatchUp) {
                n.seq = p->seq;
                n.origin = p->origin;
            }
        }
    }
};

class SimCanceller : public core::Canceller
{
public:
    explicit SimCanceller(std::shared_ptr<std::atomic<bool>> flag) : m_flag(std::move(flag)) {}
    Status cancel() override
    {
        *m_flag = true;
        return okStatus();
    }

private:
    std::shared_ptr<std::atomic<bool>> m_flag;
};

class SimConnection : public core::Connection
{
public:
    SimConnection(std::shared_ptr<SimCluster> cluster, core::ConnectionOptions options)
        : m_cluster(std::move(cluster)), m_options(std::move(options))
    {
        m_info.flavor = core::Flavor::MariaDB;
        m_info.versionString = "10.11.19-MariaDB";
        m_info.major = 10;
        m_info.minor = 11;
        m_info.patch = 19;
        m_info.versionNumber = 101119;
    }

    Status connect() override
    {
        std::lock_guard lock(m_cluster->mutex);
        SimNode *n = m_cluster->byPort(m_options.port);
        if (!n || !n->up)
            return makeError(ErrorCode::ConnectFailed, "connection refused", m_options.label());
        m_open = true;
        return okStatus();
    }
    void close() override { m_open = false; }
    bool isOpen() const override { return m_open; }
    const core::ServerInfo &serverInfo() const override { return m_info; }
    const core::ConnectionOptions &options() const override { return m_options; }
    std::shared_ptr<core::Canceller> canceller() override { return std::make_shared<SimCanceller>(m_cancelled); }
    std::string quoteLiteral(std::string_view text) const override { return "'" + std::string(text) + "'"; }
    std::string quoteIdentifier(std::string_view text) const override { return "`" + std::string(text) + "`"; }
    Result<std::uint64_t> execute(std::string_view sql) override
    {
        auto r = query(sql);
        if (!r)
            return r.error();
        return r->affectedRows;
    }

    Result<core::QueryResult> query(std::string_view sqlView) override
    {
        const std::string sql(sqlView);
        *m_cancelled = false;
        if (!m_open)
            return makeError(ErrorCode::NotConnected, "not connected", m_options.label());
        std::unique_lock lock(m_cluster->mutex);
        SimNode *n = m_cluster->byPort(m_options.port);
        m_cluster->log.push_back(n->name + ": " + sql);
        if (!n->up) {
            m_open = false;
            return makeError(ErrorCode::ConnectionLost, "server gone", m_options.label());
        }
        for (const auto &[prefix, error] : m_cluster->failures) {
            const auto colon = prefix.find(": ");
            const std::string node = colon == std::string::npos ? std::string() : prefix.substr(0, colon);
            const std::string stmt = colon == std::string::npos ? prefix : prefix.substr(colon + 2);
            if ((node.empty() || node == n->name) && sql.rfind(stmt, 0) == 0)
                return error;
        }
        auto one = [](std::vector<std::string> cols, std::vector<std::optional<std::string>> row) {
            core::QueryResult r;
            r.columns = std::move(cols);
            r.rows.push_back(std::move(row));
            return r;
        };
        core::QueryResult empty;
        if (sql == "SELECT @@GLOBAL.read_only")
            return one({"ro"}, {n->readOnly ? "1" : "0"});
        if (sql == "SELECT @@GLOBAL.server_id")
            return one({"id"}, {std::to_string(n->serverId)});
        if (sql == "SELECT @@GLOBAL.gtid_binlog_pos")
            return one({"pos"}, {n->pos()});
        if (sql == "SET GLOBAL read_only = ON") {
            n->readOnly = true;
            return empty;
        }
        if (sql == "SET GLOBAL read_only = OFF") {
            n->readOnly = false;
            return empty;
        }
        if (sql.rfind("SELECT MASTER_GTID_WAIT('", 0) == 0) {
            const std::string pos = sql.substr(25, sql.find('\'', 25) - 25);
            unsigned long d = 0, o = 0;
            unsigned long long s = 0;
            std::sscanf(pos.c_str(), "%lu-%lu-%llu", &d, &o, &s);
            const auto delay = m_cluster->waitDelay;
            lock.unlock();
            const auto until = std::chrono::steady_clock::now() + delay;
            while (std::chrono::steady_clock::now() < until || m_cluster->blockWait) {
                if (*m_cancelled)
                    return makeError(ErrorCode::Cancelled, "query cancelled", m_options.label());
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
            lock.lock();
            if (!n->canCatchUp && s > n->seq)
                return one({"w"}, {"-1"});
            if (s > n->seq) {
                n->seq = s;
                n->origin = static_cast<int>(o);
            }
            return one({"w"}, {"0"});
        }
        if (sql == "STOP SLAVE") {
            n->io = n->sql = false;
            return empty;
        }
        if (sql == "STOP SLAVE IO_THREAD") {
            n->io = false;
            return empty;
        }
        if (sql == "START SLAVE IO_THREAD") {
            n->io = n->configured;
            return empty;
        }
        if (sql == "RESET SLAVE ALL") {
            n->configured = false;
            n->sourcePort = 0;
            return empty;
        }
        if (sql == "START SLAVE") {
            if (!n->configured)
                return makeError(ErrorCode::QueryFailed, "Misconfigured slave", m_options.label());
            n->io = n->sql = true;
            if (SimNode *src = m_cluster->byPort(n->sourcePort); src && n->canCatchUp) {
                n->seq = src->seq;
                n->origin = src->origin;
            }
            return empty;
        }
        if (sql.rfind("CHANGE MASTER TO", 0) == 0) {
            if (n->io || n->sql)
                return makeError(ErrorCode::QueryFailed, "This operation cannot be performed with a running slave", m_options.label());
            const auto p = sql.find("MASTER_PORT=");
            n->sourcePort = static_cast<std::uint16_t>(std::atoi(sql.c_str() + p + 12));
            n->configured = true;
            return empty;
        }
        if (sql.rfind("SET GLOBAL gtid_slave_pos", 0) == 0 || sql.rfind("SET GLOBAL event_scheduler", 0) == 0
            || sql.rfind("ALTER EVENT", 0) == 0 || sql.rfind("KILL CONNECTION", 0) == 0)
            return empty;
        if (sql == "SHOW SLAVE STATUS" || sql == "SHOW ALL SLAVES STATUS") {
            core::QueryResult r;
            r.columns = {"Connection_name", "Master_Host", "Master_Port", "Slave_IO_Running", "Slave_SQL_Running",
                         "Seconds_Behind_Master", "Gtid_IO_Pos", "Using_Gtid", "Master_User", "Last_IO_Error",
                         "Last_SQL_Error"};
            if (n->configured)
                r.rows.push_back({"", "127.0.0.1", std::to_string(n->sourcePort), n->io ? "Yes" : "No", n->sql ? "Yes" : "No",
                                  n->io && n->sql ? std::optional<std::string>("0") : std::nullopt, n->pos(), "Slave_Pos",
                                  n->user, "", ""});
            return r;
        }
        if (sql.rfind("SELECT @@global.read_only, @@version", 0) == 0) {
            // The probe's variable query (MariaDB flavour), 13 columns.
            return one({"ro", "v", "id", "binlog_pos", "binlog_state", "current", "slave", "domain", "log_bin", "fmt",
                        "lsu", "ssm", "sss"},
                       {n->readOnly ? "1" : "0", m_info.versionString, std::to_string(n->serverId), n->pos(),
                        n->pos(), n->pos(), n->pos(), "0", "1", "ROW", "1", "0", "0"});
        }
        if (sql.rfind("SHOW SLAVE HOSTS", 0) == 0 || sql.rfind("SELECT 'dump'", 0) == 0)
            return empty;
        // What readNodeFacts asks.
        if (sql == "SELECT CURRENT_USER()")
            return one({"u"}, {"admin@%"});
        if (sql.rfind("SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES", 0) == 0) {
            core::QueryResult r;
            r.columns = {"PRIVILEGE_TYPE"};
            for (const auto &p : n->privileges)
                r.rows.push_back({p});
            return r;
        }
        if (sql.rfind("SELECT @@global.event_scheduler", 0) == 0)
            return one({"e", "s", "d"}, {n->eventScheduler ? "ON" : "OFF", "1", "/data/" + n->name});
        if (sql.rfind("SELECT CONCAT('`', EVENT_SCHEMA", 0) == 0 || sql.rfind("SELECT t.trx_mysql_thread_id", 0) == 0)
            return empty;
        if (sql.rfind("SELECT p.ID, p.USER", 0) == 0) {
            core::QueryResult r;
            r.columns = {"ID", "USER", "HOST", "COMMAND", "TIME", "INFO"};
            for (const auto &id : m_cluster->privilegedSessions)
                r.rows.push_back({id, "dba", "127.0.0.1:5000", "Sleep", "3", ""});
            return r;
        }
        return makeError(ErrorCode::QueryFailed, "sim: statement not understood: " + sql, m_options.label());
    }

private:
    std::shared_ptr<SimCluster> m_cluster;
    core::ConnectionOptions m_options;
    core::ServerInfo m_info;
    bool m_open = false;
    std::shared_ptr<std::atomic<bool>> m_cancelled = std::make_shared<std::atomic<bool>>(false);
};

} // namespace switchyard::testing
