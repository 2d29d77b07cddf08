// Reading what a guided operation needs from every node (see operation_facts.h).
#include "switchyard/core/operation_facts.h"

#include "sql_values.h"

#include "operation_internal.h"

#include "switchyard/core/probe.h"
#include "switchyard/core/topology.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <thread>

namespace switchyard::core {

namespace {

using sqlvalue::text;




bool truthy(const std::optional<std::string> &v)
{
    const std::string s = text(v);
    return s == "1" || s == "ON" || s == "on" || s == "t" || s == "true" || s == "YES" || s == "Yes";
}

std::vector<SessionInfo> sessionsFrom(const QueryResult &r)
{
    std::vector<SessionInfo> out;
    for (const auto &row : r.rows) {
        auto f = [&](std::size_t i) { return i < row.size() ? row[i] : std::nullopt; };
        SessionInfo s;
        s.id = text(f(0));
        s.user = text(f(1));
        s.host = text(f(2));
        s.command = text(f(3));
        s.seconds = sqlvalue::toI64(f(4)).value_or(0);
        s.info = text(f(5));
        out.push_back(std::move(s));
    }
    return out;
}

// Removes password=... from a libpq conninfo string (keyword=value pairs, values optionally
// single-quoted with backslash escapes).
std::string stripConninfoPassword(const std::string &conninfo)
{
    std::string out;
    std::size_t i = 0;
    const std::size_t n = conninfo.size();
    while (i < n) {
        while (i < n && conninfo[i] == ' ')
            ++i;
        const std::size_t keyStart = i;
        while (i < n && conninfo[i] != '=' && conninfo[i] != ' ')
            ++i;
        const std::string key = conninfo.substr(keyStart, i - keyStart);
        while (i < n && conninfo[i] == ' ')
            ++i;
        if (i < n && conninfo[i] == '=')
            ++i;
        while (i < n && conninfo[i] == ' ')
            ++i;
        const std::size_t valueStart = i;
        if (i < n && conninfo[i] == '\'') {
            ++i;
            while (i < n && conninfo[i] != '\'') {
                if (conninfo[i] == '\\' && i + 1 < n)
                    ++i;
                ++i;
            }
            if (i < n)
                ++i;
        } else {
            while (i < n && conninfo[i] != ' ')
                ++i;
        }
        if (key.empty())
            continue;
        if (key != "password") {
            if (!out.empty())
                out += ' ';
            out += key + "=" + conninfo.substr(valueStart, i - valueStart);
        }
    }
    return out;
}

// The privileges that let a session write while read_only is on: READ_ONLY ADMIN from
// MariaDB 10.11 (older MariaDB: SUPER included it); SUPER on MySQL (super_read_only stops it).
std::string privilegedPredicate(const ServerInfo &info)
{
    if (info.flavor == Flavor::MariaDB)
        return info.versionNumber >= 101100 ? "'READ_ONLY ADMIN'" : "'READ_ONLY ADMIN', 'SUPER'";
    return "'SUPER', 'CONNECTION_ADMIN'";
}

} // namespace

std::string privilegedSessionsQuery(const ServerInfo &info)
{
    return "SELECT p.ID, p.USER, p.HOST, p.COMMAND, p.TIME, LEFT(COALESCE(p.INFO, ''), 100)"
           " FROM information_schema.PROCESSLIST p"
           " WHERE p.ID <> CONNECTION_ID()"
           " AND p.COMMAND NOT IN ('Binlog Dump', 'Binlog Dump GTID', 'Daemon', 'Slave_IO', 'Slave_SQL',"
           " 'Slave_worker', 'Killed')"
           " AND p.USER NOT IN ('system user', 'event_scheduler', 'unauthenticated user')"
           " AND EXISTS (SELECT 1 FROM information_schema.USER_PRIVILEGES u"
           " WHERE u.GRANTEE LIKE CONCAT('''', p.USER, '''@%') AND u.PRIVILEGE_TYPE IN ("
           + privilegedPredicate(info) + "))";
}

const NodeFacts *ClusterFacts::find(std::string_view name) const
{
    for (const NodeFacts &n : nodes) {
        if (n.status.name == name)
            return &n;
    }
    return nullptr;
}

const NodeFacts *ClusterFacts::findEndpoint(std::string_view host, std::uint16_t port) const
{
    const std::string want = normalizedEndpoint(host, port);
    for (const NodeFacts &n : nodes) {
        if (normalizedEndpoint(n.status.host, n.status.port) == want)
            return &n;
    }
    return nullptr;
}

ConnectionFactory defaultConnectionFactory()
{
    return [](const ConnectionOptions &options) { return createConnection(options); };
}

void readNodeFacts(Connection &c, NodeFacts &f, const FactsOptions &options)
{
    if (auto st = probeNode(c, f.status); !st) {
        f.error = st.error();
        return;
    }
    f.connected = true;
    const ServerInfo &info = c.serverInfo();
    const std::string longSeconds = std::to_string(options.longTransactionSeconds.count());

    if (c.options().engine == Engine::PostgreSQL) {
        if (auto r = c.query("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user"); r && !r->rows.empty()) {
            f.adminUser = text(r->rows[0][0]);
            f.superuser = truthy(r->rows[0].size() > 1 ? r->rows[0][1] : std::nullopt);
        }
        if (auto r = c.query("SELECT has_function_privilege('pg_promote(boolean, integer)', 'EXECUTE'),"
                             " has_parameter_privilege('primary_conninfo', 'ALTER SYSTEM'),"
                             " pg_has_role('pg_checkpoint', 'MEMBER')");
            r && !r->rows.empty()) {
            const auto &row = r->rows[0];
            if (truthy(row[0]))
                f.privileges.push_back("EXECUTE pg_promote");
            if (row.size() > 1 && truthy(row[1]))
                f.privileges.push_back("ALTER SYSTEM primary_conninfo");
            if (row.size() > 2 && truthy(row[2]))
                f.privileges.push_back("pg_checkpoint");
        }
        if (auto r = c.query("SELECT current_setting('data_directory'), current_setting('primary_conninfo'),"
                             " current_setting('primary_slot_name'), current_setting('cluster_name')");
            r && !r->rows.empty()) {
            const auto &row = r->rows[0];
            f.dataDirectory = text(row[0]);
            f.primaryConninfo = stripConninfoPassword(text(row.size() > 1 ? row[1] : std::nullopt));
            f.primarySlotName = text(row.size() > 2 ? row[2] : std::nullopt);
            f.clusterName = text(row.size() > 3 ? row[3] : std::nullopt);
        }
        if (auto r = c.query("SELECT pid, usename, COALESCE(host(client_addr), 'local'), state,"
                             " EXTRACT(EPOCH FROM now() - xact_start)::bigint, left(query, 100)"
                             " FROM pg_stat_activity WHERE backend_type = 'client backend'"
                             " AND pid <> pg_backend_pid() AND xact_start < now() - interval '"
                             + longSeconds + " seconds'");
            r)
            f.longTransactions = sessionsFrom(*r);
    } else {
        const bool maria = info.flavor == Flavor::MariaDB;
        if (auto r = c.query("SELECT CURRENT_USER()"); r && !r->rows.empty())
            f.adminUser = text(r->rows[0][0]);
        if (auto r = c.query("SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = CONCAT("
                             "'''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''', "
                             "SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')");
            r) {
            for (const auto &row : r->rows)
                f.privileges.push_back(text(row[0]));
        }
        f.superuser = std::find(f.privileges.begin(), f.privileges.end(), "SUPER") != f.privileges.end();
        if (auto r = c.query(maria ? "SELECT @@global.event_scheduler, @@global.gtid_strict_mode, @@global.datadir"
                                   : "SELECT @@global.event_scheduler, 0, @@global.datadir");
            r && !r->rows.empty()) {
            const auto &row = r->rows[0];
            f.eventScheduler = truthy(row[0]);
            f.gtidStrictMode = truthy(row.size() > 1 ? row[1] : std::nullopt);
            f.dataDirectory = text(row.size() > 2 ? row[2] : std::nullopt);
        }
        if (auto r = c.query("SELECT CONCAT('`', EVENT_SCHEMA, '`.`', EVENT_NAME, '`') FROM information_schema.EVENTS"
                             " WHERE STATUS = 'ENABLED'");
            r) {
            for (const auto &row : r->rows)
                f.enabledEvents.push_back(text(row[0]));
        }
        if (auto r = c.query(privilegedSessionsQuery(info)); r)
            f.privilegedSessions = sessionsFrom(*r);
        if (auto r = c.query("SELECT t.trx_mysql_thread_id, COALESCE(p.USER, ''), COALESCE(p.HOST, ''), t.trx_state,"
                             " TIMESTAMPDIFF(SECOND, t.trx_started, NOW()), LEFT(COALESCE(t.trx_query, ''), 100)"
                             " FROM information_schema.INNODB_TRX t LEFT JOIN information_schema.PROCESSLIST p"
                             " ON p.ID = t.trx_mysql_thread_id WHERE t.trx_started < NOW() - INTERVAL "
                             + longSeconds + " SECOND");
            r)
            f.longTransactions = sessionsFrom(*r);
    }
}

namespace {

void readOne(const FactsNode &node, NodeFacts &facts, const FactsOptions &options, const ConnectionFactory &factory)
{
    facts.status.name = node.name;
    facts.status.host = node.admin.host;
    facts.status.port = node.admin.port;
    auto c = factory(node.admin);
    if (auto st = c->connect(); !st) {
        facts.error = st.error();
        facts.status.reachability = Reachability::Unreachable;
        facts.status.lastError = st.error();
    } else {
        readNodeFacts(*c, facts, options);
    }
    if (options.replicationLogin && facts.connected) {
        ConnectionOptions o = *options.replicationLogin;
        o.host = node.admin.host;
        o.port = node.admin.port;
        o.nodeName = node.name;
        o.tls = node.admin.tls;
        auto rc = factory(o);
        if (auto st = rc->connect(); st) {
            facts.replicationLoginOk = true;
            rc->close();
        } else {
            facts.replicationLoginError = st.error();
        }
    }
}

// One sample of what a replica says about its source: IO running and what it received.
struct ReplicaView
{
    bool connected = false;
    bool ioRunning = false;
    std::string received;
};

ReplicaView viewOf(const NodeStatus &s)
{
    ReplicaView v;
    v.connected = s.reachability == Reachability::Reachable;
    if (!s.channels.empty()) {
        const ReplicationChannel &ch = s.channels.front();
        v.ioRunning = ch.ioRunning.value_or(false);
        v.received = ch.receivedLsn ? std::to_string(*ch.receivedLsn) : ch.gtidIoPos;
    }
    return v;
}

} // namespace

ClusterFacts gatherFacts(const std::vector<FactsNode> &nodes, const FactsOptions &options, const ConnectionFactory &factory)
{
    ClusterFacts facts;
    facts.nodes.resize(nodes.size());
    if (!nodes.empty())
        facts.engine = nodes.front().admin.engine;

    std::optional<FailureEvidence> evidence;
    std::vector<ReplicaView> before;
    const auto observeStart = std::chrono::steady_clock::now();

    // All nodes in parallel.
    {
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < nodes.size(); ++i)
            threads.emplace_back([&, i] { readOne(nodes[i], facts.nodes[i], options, factory); });
        for (auto &t : threads)
            t.join();
    }

    if (options.observeFailure) {
        // Watch the suspected primary: several fresh connection attempts over the observation
        // period, and what the replicas say at its start and its end.
        FailureEvidence ev;
        for (const NodeFacts &n : facts.nodes)
            before.push_back(viewOf(n.status));
        const FactsNode *primary = nullptr;
        for (const FactsNode &n : nodes) {
            if (n.name == options.suspectedPrimary)
                primary = &n;
        }
        const int attempts = std::max(1, options.attempts);
        const auto gap = options.observation / attempts;
        for (int a = 0; a < attempts && primary; ++a) {
            if (a > 0)
                std::this_thread::sleep_for(gap);
            ConnectionOptions o = primary->admin;
            o.connectTimeout = std::min<std::chrono::milliseconds>(o.connectTimeout, std::chrono::milliseconds(1500));
            auto c = factory(o);
            ++ev.attempts;
            if (auto st = c->connect(); !st) {
                ++ev.failures;
                ev.lastError = st.error();
                ev.findings.push_back("attempt " + std::to_string(a + 1) + ": " + st.error().describe());
            } else {
                ev.findings.push_back("attempt " + std::to_string(a + 1) + ": the primary answered");
                c->close();
            }
        }
        if (!primary)
            ev.findings.push_back("the suspected primary " + options.suspectedPrimary + " is not among the nodes");
        evidence = std::move(ev);
        // Second sample of the replicas (in parallel, like the first).
        std::vector<NodeFacts> again(nodes.size());
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (nodes[i].name == options.suspectedPrimary)
                continue;
            threads.emplace_back([&, i] {
                again[i].status.name = nodes[i].name;
                auto c = factory(nodes[i].admin);
                if (c->connect())
                    (void)probeNode(*c, again[i].status);
            });
        }
        for (auto &t : threads)
            t.join();
        FailureEvidence &e = *evidence;
        e.observed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - observeStart);
        bool replicasAgree = true;
        bool anyReplica = false;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (nodes[i].name == options.suspectedPrimary || !before[i].connected)
                continue;
            const NodeStatus &s = facts.nodes[i].status;
            if (s.channels.empty())
                continue;
            anyReplica = true;
            const ReplicaView after = viewOf(again[i].status);
            if (after.connected && after.received != before[i].received) {
                e.replicasAdvancing.push_back(nodes[i].name);
                e.findings.push_back(nodes[i].name + " received new transactions during the observation ("
                                     + before[i].received + " -> " + after.received + ")");
                replicasAgree = false;
            } else if (before[i].ioRunning && after.ioRunning) {
                e.replicasStillConnected.push_back(nodes[i].name);
                e.findings.push_back(nodes[i].name + " still shows its replication connection up, but received "
                                     "nothing during the observation");
            } else {
                e.findings.push_back(nodes[i].name + " lost its connection to the primary"
                                     + (s.replicationError.empty() ? std::string() : ": " + s.replicationError));
            }
        }
        if (!anyReplica)
            e.findings.push_back("no reachable replica could confirm the failure");
        e.confirmed = e.attempts > 0 && e.failures == e.attempts && replicasAgree && anyReplica;
        facts.failure = std::move(evidence);
    }

    // Re-read the primary after every replica (a replica must never look ahead of a primary
    // read before it, or its newest transaction would look errant).
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        NodeFacts &f = facts.nodes[i];
        if (f.connected && f.status.role == NodeRole::Primary && f.status.readOnly == false) {
            auto c = factory(nodes[i].admin);
            if (c->connect()) {
                NodeStatus fresh = f.status;
                if (probeNode(*c, fresh))
                    f.status = std::move(fresh);
            }
        }
    }
    for (const NodeFacts &f : facts.nodes) {
        if (f.connected) {
            facts.flavor = f.status.flavor;
            break;
        }
    }
    facts.takenAtMs = sqlvalue::wallClockMs();
    return facts;
}

} // namespace switchyard::core
