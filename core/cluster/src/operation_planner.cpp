// Planning switchover, failover and rejoin (see operation_planner.h for the step lists).
#include "switchyard/core/operation_planner.h"

#include "operation_internal.h"

#include "switchyard/core/topology.h"
#include "switchyard/routing/gtid.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace switchyard::core {

namespace {

using namespace std::chrono_literals;

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// MySQL family string literal: backslashes and quotes escaped (works with and without
// NO_BACKSLASH_ESCAPES only when there is no backslash, which host names never have).
std::string myLiteral(std::string_view text)
{
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\')
            out += c == '\'' ? "''" : "\\\\";
        else
            out += c;
    }
    return out + "'";
}

std::string pgLiteral(std::string_view text)
{
    std::string out = "'";
    for (char c : text) {
        if (c == '\'')
            out += "''";
        else
            out += c;
    }
    return out + "'";
}

std::string endpointOf(const NodeStatus &s)
{
    return normalizedEndpoint(s.host, s.port);
}

std::string sourceOf(const NodeStatus &s)
{
    if (s.channels.empty())
        return {};
    const ReplicationChannel &ch = s.channels.front();
    return normalizedEndpoint(ch.sourceHost, ch.sourcePort);
}

bool reachable(const NodeFacts &f)
{
    return f.connected && f.status.reachability == Reachability::Reachable;
}

// A conninfo keyword's value ("host", "port"), unquoted.
std::string conninfoValue(const std::string &conninfo, const std::string &key)
{
    std::size_t pos = 0;
    while ((pos = conninfo.find(key + "=", pos)) != std::string::npos) {
        if (pos == 0 || conninfo[pos - 1] == ' ') {
            std::size_t v = pos + key.size() + 1;
            std::string out;
            if (v < conninfo.size() && conninfo[v] == '\'') {
                for (++v; v < conninfo.size() && conninfo[v] != '\''; ++v) {
                    if (conninfo[v] == '\\' && v + 1 < conninfo.size())
                        ++v;
                    out += conninfo[v];
                }
            } else {
                while (v < conninfo.size() && conninfo[v] != ' ')
                    out += conninfo[v++];
            }
            return out;
        }
        pos += key.size();
    }
    return {};
}

// Where a replica replicates from: its channel, or (PostgreSQL with the WAL receiver down, as
// when the primary died) its primary_conninfo.
std::string upstreamOf(const NodeFacts &f)
{
    const std::string src = sourceOf(f.status);
    if (!src.empty() && src.front() != ':')
        return src;
    if (!f.primaryConninfo.empty()) {
        const std::string host = conninfoValue(f.primaryConninfo, "host");
        const std::string port = conninfoValue(f.primaryConninfo, "port");
        if (!host.empty())
            return normalizedEndpoint(host, static_cast<std::uint16_t>(std::atoi(port.empty() ? "5432" : port.c_str())));
    }
    return {};
}

bool isMaria(const ClusterFacts &facts)
{
    return facts.flavor == Flavor::MariaDB;
}

int versionOf(const NodeStatus &s)
{
    int major = 0, minor = 0;
    std::sscanf(s.version.c_str(), "%d.%d", &major, &minor);
    return major * 100 + minor;
}

// Full version number (10.11.19 -> 101119) for privilege rules.
int fullVersion(const NodeStatus &s)
{
    int major = 0, minor = 0, patch = 0;
    std::sscanf(s.version.c_str(), "%d.%d.%d", &major, &minor, &patch);
    return major * 10000 + minor * 100 + patch;
}

std::string join(const std::vector<std::string> &items, std::string_view sep = ", ")
{
    std::string out;
    for (const std::string &i : items)
        out += (out.empty() ? "" : std::string(sep)) + i;
    return out;
}

std::string sessionsText(const std::vector<SessionInfo> &sessions)
{
    std::vector<std::string> parts;
    for (const SessionInfo &s : sessions) {
        parts.push_back("#" + s.id + " " + s.user + "@" + s.host + " (" + s.command + ", " + std::to_string(s.seconds)
                        + " s" + (s.info.empty() ? std::string() : ": " + s.info) + ")");
    }
    return join(parts, "; ");
}

std::string slotNameFor(const std::string &node)
{
    std::string out;
    for (char c : node) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u))
            out += static_cast<char>(std::tolower(u));
        else
            out += '_';
    }
    if (out.empty() || !std::isalpha(static_cast<unsigned char>(out.front())))
        out = "n" + out;
    return out.substr(0, 63);
}

// ---- positions ----------------------------------------------------------------------------

// What a replica has received and applied, in comparable form.
struct Position
{
    routing::ReplicationPosition received;
    routing::ReplicationPosition applied;
    std::string text;   // for display
};

routing::ReplicationPosition parsePos(Flavor flavor, const std::string &text)
{
    if (flavor == Flavor::MariaDB) {
        if (auto l = routing::MariaDbGtidList::parse(text))
            return *l;
    } else if (flavor == Flavor::MySQL) {
        if (auto s = routing::MySqlGtidSet::parse(text))
            return *s;
    }
    return {};
}

Position positionOf(const NodeStatus &s)
{
    Position p;
    if (s.flavor == Flavor::PostgreSQL) {
        if (!s.channels.empty()) {
            const ReplicationChannel &ch = s.channels.front();
            if (ch.receivedLsn)
                p.received = routing::Lsn(*ch.receivedLsn);
            if (ch.replayedLsn)
                p.applied = routing::Lsn(*ch.replayedLsn);
            p.text = "received " + (ch.receivedLsn ? routing::Lsn(*ch.receivedLsn).toString() : std::string("?"))
                     + ", replayed " + (ch.replayedLsn ? routing::Lsn(*ch.replayedLsn).toString() : std::string("?"));
        } else if (s.currentLsn) {
            p.received = p.applied = routing::Lsn(*s.currentLsn);
            p.text = routing::Lsn(*s.currentLsn).toString();
        }
        return p;
    }
    const std::string applied = s.flavor == Flavor::MariaDB ? s.gtidCurrentPos : s.gtidExecuted;
    p.applied = parsePos(s.flavor, applied);
    std::string received = s.channels.empty() ? std::string() : s.channels.front().gtidIoPos;
    p.received = parsePos(s.flavor, received);
    // What it received but has not logged yet is in Gtid_IO_Pos; what it applied may be
    // further in domains the channel never saw (MariaDB) or in its own GTIDs (MySQL).
    if (p.received.empty())
        p.received = p.applied;
    else
        p.received.merge(p.applied);
    p.text = "received " + (received.empty() ? std::string("-") : received) + ", applied "
             + (applied.empty() ? std::string("-") : applied);
    return p;
}

// -1: a behind b, 0: equal, 1: a ahead, 2: diverged / incomparable.
int comparePos(const routing::ReplicationPosition &a, const routing::ReplicationPosition &b)
{
    const bool ab = a.contains(b), ba = b.contains(a);
    if (ab && ba)
        return 0;
    if (ab)
        return 1;
    if (ba)
        return -1;
    return 2;
}

// A rough magnitude for ordering incomparable positions (sum of sequence numbers / bytes).
double magnitude(const routing::ReplicationPosition &p)
{
    if (auto m = p.mariadb()) {
        double sum = 0;
        for (const auto &g : m->entries())
            sum += static_cast<double>(g.seq);
        return sum;
    }
    if (auto s = p.mysql())
        return static_cast<double>(s->count());
    if (auto l = p.lsn())
        return static_cast<double>(l->value());
    return 0;
}

// Transactions in `a` that `b` lacks, in words ("0-1-118..120 (3)"), for loss summaries.
std::string missingText(const routing::ReplicationPosition &have, const routing::ReplicationPosition &lack)
{
    if (auto h = have.mariadb(); h && lack.mariadb()) {
        std::vector<std::string> parts;
        for (const auto &g : h->entries()) {
            const auto l = lack.mariadb()->position(g.domain);
            const std::uint64_t from = l ? l->seq : 0;
            if (g.seq > from)
                parts.push_back("domain " + std::to_string(g.domain) + ": seq " + std::to_string(from + 1) + ".."
                                + std::to_string(g.seq) + " (" + std::to_string(g.seq - from) + " transactions)");
        }
        return join(parts, "; ");
    }
    if (auto h = have.mysql(); h && lack.mysql()) {
        const auto diff = h->subtract(*lack.mysql());
        return diff.toString() + " (" + std::to_string(diff.count()) + " transactions)";
    }
    if (auto h = have.lsn(); h && lack.lsn()) {
        return std::to_string(h->bytesAfter(*lack.lsn())) + " bytes of WAL (" + lack.lsn()->toString() + " .. "
               + h->toString() + ")";
    }
    return "unknown";
}

// ---- privileges ---------------------------------------------------------------------------

bool hasPrivilege(const NodeFacts &f, const std::string &privilege)
{
    const auto &p = f.privileges;
    if (std::find(p.begin(), p.end(), privilege) != p.end() || std::find(p.begin(), p.end(), "ALL PRIVILEGES") != p.end())
        return true;
    const bool super = std::find(p.begin(), p.end(), "SUPER") != p.end();
    if (!super)
        return false;
    if (f.status.flavor == Flavor::MariaDB) {
        const int v = fullVersion(f.status);
        if (v < 100502)
            return true;                                   // SUPER covered everything
        if (privilege == "READ_ONLY ADMIN")
            return v < 101100;                             // split off SUPER in 10.11
        return false;
    }
    // MySQL: SUPER still grants the dynamic privileges we use.
    return true;
}

// The privileges each role in the operation needs (MySQL family names).
std::vector<std::string> neededPrivileges(const ClusterFacts &facts, const std::string &role, bool events, bool kill)
{
    std::vector<std::string> need;
    if (isMaria(facts)) {
        need = {"READ_ONLY ADMIN", "REPLICATION SLAVE ADMIN", "SLAVE MONITOR"};
        if (role == "sibling")
            need = {"REPLICATION SLAVE ADMIN", "SLAVE MONITOR"};
        if (kill && role == "primary")
            need.push_back("CONNECTION ADMIN");
        if (events && role != "sibling") {
            need.push_back("SUPER");   // SET GLOBAL event_scheduler
            need.push_back("EVENT");
        }
    } else {
        need = {"SYSTEM_VARIABLES_ADMIN", "REPLICATION_SLAVE_ADMIN", "REPLICATION CLIENT"};
        if (role == "sibling")
            need = {"REPLICATION_SLAVE_ADMIN", "REPLICATION CLIENT"};
        if (kill && role == "primary")
            need.push_back("CONNECTION_ADMIN");
        if (events && role != "sibling")
            need.push_back("EVENT");
    }
    return need;
}

void checkPrivileges(std::vector<PreflightCheck> &checks, const ClusterFacts &facts, const NodeFacts &f,
                     const std::string &role, bool events, bool kill)
{
    PreflightCheck c;
    c.id = "privileges";
    c.node = f.status.name;
    if (facts.engine == Engine::PostgreSQL) {
        std::vector<std::string> missing;
        if (!f.superuser) {
            auto has = [&](const char *p) { return std::find(f.privileges.begin(), f.privileges.end(), p) != f.privileges.end(); };
            if (role == "candidate" && !has("EXECUTE pg_promote"))
                missing.push_back("EXECUTE on pg_promote()");
            if (!has("ALTER SYSTEM primary_conninfo"))
                missing.push_back("ALTER SYSTEM on primary_conninfo");
            if (!has("pg_checkpoint"))
                missing.push_back("pg_checkpoint");
            missing.push_back("superuser (pg_rewind and slot management)");
        }
        if (missing.empty()) {
            c.detail = (f.adminUser.empty() ? std::string("the admin account") : f.adminUser) + " is a superuser";
        } else {
            c.level = CheckLevel::Red;
            c.detail = f.adminUser + " lacks: " + join(missing);
            c.fix = "run the operation with a superuser account (the profile's admin user), or ALTER ROLE " + f.adminUser
                    + " SUPERUSER";
        }
        checks.push_back(std::move(c));
        return;
    }
    std::vector<std::string> missing;
    for (const std::string &p : neededPrivileges(facts, role, events, kill)) {
        if (!hasPrivilege(f, p))
            missing.push_back(p);
    }
    if (missing.empty()) {
        c.detail = (f.adminUser.empty() ? std::string("the admin account") : f.adminUser) + " holds every privilege its "
                   + role + " steps need";
    } else {
        c.level = CheckLevel::Red;
        c.detail = (f.adminUser.empty() ? std::string("the admin account") : f.adminUser) + " lacks " + join(missing)
                   + " (without it the " + role + " steps would fail half-way)";
        std::string grantee = f.adminUser;
        if (auto at = grantee.find('@'); at != std::string::npos)
            grantee = "'" + grantee.substr(0, at) + "'@'" + grantee.substr(at + 1) + "'";
        c.fix = "GRANT " + join(missing) + " ON *.* TO " + grantee + " on " + f.status.name
                + ", or use an admin account that has them";
    }
    checks.push_back(std::move(c));
}

// ---- statements per flavour ---------------------------------------------------------------

struct Sql
{
    Flavor flavor = Flavor::MariaDB;
    int version = 0;   // full version number

    bool maria() const { return flavor == Flavor::MariaDB; }
    bool newSyntax() const { return !maria() && version >= 80023; }

    std::string statusQuery() const
    {
        if (maria())
            return "SHOW SLAVE STATUS";
        return version >= 80022 ? "SHOW REPLICA STATUS" : "SHOW SLAVE STATUS";
    }
    std::string stopReplica() const { return newSyntax() ? "STOP REPLICA" : "STOP SLAVE"; }
    std::string stopIo() const { return newSyntax() ? "STOP REPLICA IO_THREAD" : "STOP SLAVE IO_THREAD"; }
    std::string startIo() const { return newSyntax() ? "START REPLICA IO_THREAD" : "START SLAVE IO_THREAD"; }
    std::string startReplica() const { return newSyntax() ? "START REPLICA" : "START SLAVE"; }
    std::string resetAll() const { return newSyntax() ? "RESET REPLICA ALL" : "RESET SLAVE ALL"; }
    std::string position() const
    {
        return maria() ? "SELECT @@GLOBAL.gtid_binlog_pos" : "SELECT @@GLOBAL.gtid_executed";
    }
    std::string receivedColumn() const { return maria() ? "Gtid_IO_Pos" : "Retrieved_Gtid_Set"; }
    std::string wait(const std::string &var, std::chrono::seconds timeout) const
    {
        const std::string t = std::to_string(timeout.count());
        return maria() ? "SELECT MASTER_GTID_WAIT('${" + var + "}', " + t + ")"
                       : "SELECT WAIT_FOR_EXECUTED_GTID_SET('${" + var + "}', " + t + ")";
    }
    std::vector<std::string> freeze() const
    {
        return maria() ? std::vector<std::string>{"SET GLOBAL read_only = ON"}
                       : std::vector<std::string>{"SET GLOBAL super_read_only = ON"};
    }
    std::vector<std::string> unfreeze() const
    {
        return maria() ? std::vector<std::string>{"SET GLOBAL read_only = OFF"}
                       : std::vector<std::string>{"SET GLOBAL super_read_only = OFF", "SET GLOBAL read_only = OFF"};
    }
    // Point a replica elsewhere keeping its account (MariaDB and MySQL keep the options a
    // CHANGE statement does not name).
    std::string repoint(const std::string &host, std::uint16_t port) const
    {
        if (maria())
            return "CHANGE MASTER TO MASTER_HOST=" + myLiteral(host) + ", MASTER_PORT=" + std::to_string(port)
                   + ", MASTER_USE_GTID=slave_pos";
        if (newSyntax())
            return "CHANGE REPLICATION SOURCE TO SOURCE_HOST=" + myLiteral(host) + ", SOURCE_PORT=" + std::to_string(port)
                   + ", SOURCE_AUTO_POSITION=1";
        return "CHANGE MASTER TO MASTER_HOST=" + myLiteral(host) + ", MASTER_PORT=" + std::to_string(port)
               + ", MASTER_AUTO_POSITION=1";
    }
    // A new replication configuration with the account (the secret is the password).
    std::string changeWithAccount(const std::string &host, std::uint16_t port, const std::string &user) const
    {
        if (maria())
            return "CHANGE MASTER TO MASTER_HOST=" + myLiteral(host) + ", MASTER_PORT=" + std::to_string(port)
                   + ", MASTER_USER=" + myLiteral(user) + ", MASTER_PASSWORD=${secret:replication_password}"
                   + ", MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1";
        if (newSyntax())
            return "CHANGE REPLICATION SOURCE TO SOURCE_HOST=" + myLiteral(host) + ", SOURCE_PORT=" + std::to_string(port)
                   + ", SOURCE_USER=" + myLiteral(user) + ", SOURCE_PASSWORD=${secret:replication_password}"
                   + ", SOURCE_AUTO_POSITION=1, SOURCE_CONNECT_RETRY=1, GET_SOURCE_PUBLIC_KEY=1";
        return "CHANGE MASTER TO MASTER_HOST=" + myLiteral(host) + ", MASTER_PORT=" + std::to_string(port)
               + ", MASTER_USER=" + myLiteral(user) + ", MASTER_PASSWORD=${secret:replication_password}"
               + ", MASTER_AUTO_POSITION=1, MASTER_CONNECT_RETRY=1";
    }
};

StepCommand exec(const std::string &node, std::string sql)
{
    StepCommand c;
    c.kind = CommandKind::Execute;
    c.node = node;
    c.sql = std::move(sql);
    return c;
}

StepCommand expect(const std::string &node, std::string sql, std::string expected, std::string hint = {})
{
    StepCommand c;
    c.kind = CommandKind::Expect;
    c.node = node;
    c.sql = std::move(sql);
    c.expected = std::move(expected);
    c.failureHint = std::move(hint);
    return c;
}

StepCommand capture(const std::string &node, std::string sql, std::string variable, std::string column = {})
{
    StepCommand c;
    c.kind = CommandKind::Capture;
    c.node = node;
    c.sql = std::move(sql);
    c.variable = std::move(variable);
    c.column = std::move(column);
    return c;
}

StepCommand waitUntil(const std::string &node, std::string sql, std::string expected, std::string hint = {})
{
    StepCommand c;
    c.kind = CommandKind::WaitUntil;
    c.node = node;
    c.sql = std::move(sql);
    c.expected = std::move(expected);
    c.failureHint = std::move(hint);
    return c;
}

StepCommand local(const std::string &node, LocalAction action, std::string shown)
{
    StepCommand c;
    c.kind = CommandKind::Local;
    c.node = node;
    c.local = action;
    c.sql = std::move(shown);
    return c;
}

PlanStep step(std::string id, std::string title, std::string node, StepPhase phase, std::chrono::milliseconds timeout)
{
    PlanStep s;
    s.id = std::move(id);
    s.title = std::move(title);
    s.node = std::move(node);
    s.phase = phase;
    s.timeout = timeout;
    return s;
}

PreflightCheck check(std::string id, CheckLevel level, std::string node, std::string detail, std::string fix = {})
{
    PreflightCheck c;
    c.id = std::move(id);
    c.level = level;
    c.node = std::move(node);
    c.detail = std::move(detail);
    c.fix = std::move(fix);
    return c;
}

std::vector<PlanNode> planNodes(const ClusterFacts &facts, const std::string &primary)
{
    std::vector<PlanNode> out;
    for (const NodeFacts &f : facts.nodes) {
        PlanNode n;
        n.name = f.status.name;
        n.host = f.status.host;
        n.port = f.status.port;
        n.engine = facts.engine;
        n.flavor = f.status.flavor == Flavor::Unknown ? facts.flavor : f.status.flavor;
        n.role = f.status.name == primary ? "primary" : (f.status.role == NodeRole::Replica ? "replica" : "unknown");
        out.push_back(std::move(n));
    }
    return out;
}

void setExpectedReplicas(OperationPlan &plan, const std::vector<std::string> &names)
{
    for (PlanNode &n : plan.nodes)
        n.expectedReplica = std::find(names.begin(), names.end(), n.name) != names.end();
}

// Transactions a node executed locally that no other node has (its own server id / uuid):
// for a failover, where the primary's state is unknown.
std::vector<std::string> localErrant(const NodeFacts &candidate, const ClusterFacts &facts, const std::string &exclude)
{
    const NodeStatus &c = candidate.status;
    std::vector<std::string> out;
    bool first = true;
    for (const NodeFacts &o : facts.nodes) {
        if (o.status.name == c.name || o.status.name == exclude || !reachable(o))
            continue;
        // A GTID counts as errant only when no other node has it: intersect over nodes.
        const std::vector<std::string> e = errantGtids(c, o.status);
        if (first) {
            out = e;
            first = false;
        } else {
            std::vector<std::string> keep;
            for (const std::string &g : out) {
                if (std::find(e.begin(), e.end(), g) != e.end())
                    keep.push_back(g);
            }
            out = std::move(keep);
        }
        if (out.empty())
            break;
    }
    // Only the node's own writes are errant: GTIDs of the old primary that others lack are
    // simply not replicated yet to them.
    std::vector<std::string> own;
    for (const std::string &g : out) {
        if (c.flavor == Flavor::MariaDB) {
            unsigned long d = 0, server = 0;
            if (std::sscanf(g.c_str(), "%lu-%lu", &d, &server) == 2 && static_cast<std::int64_t>(server) == c.serverId)
                own.push_back(g);
        } else if (!c.serverUuid.empty() && g.rfind(c.serverUuid, 0) == 0) {
            own.push_back(g);
        }
    }
    return own;
}

} // namespace

// ---- ranking ------------------------------------------------------------------------------

std::string findPrimary(const ClusterFacts &facts)
{
    std::string found;
    int count = 0;
    for (const NodeFacts &f : facts.nodes) {
        if (reachable(f) && f.status.role == NodeRole::Primary && f.status.readOnly == false) {
            found = f.status.name;
            ++count;
        }
    }
    return count == 1 ? found : std::string();
}

std::vector<CandidateRank> rankCandidates(const ClusterFacts &facts, OperationKind kind, const std::string &primary)
{
    const NodeFacts *p = facts.find(primary);
    const std::string primaryEndpoint = p ? endpointOf(p->status) : std::string();
    struct Entry
    {
        CandidateRank rank;
        Position pos;
        int score = 0;   // settings, higher is better
        double lag = 1e18;
    };
    std::vector<Entry> entries;
    for (const NodeFacts &f : facts.nodes) {
        if (f.status.name == primary)
            continue;
        Entry e;
        e.rank.node = f.status.name;
        if (!reachable(f)) {
            e.rank.reasons.push_back("not reachable"
                                     + (f.error ? ": " + f.error->describe() : std::string()));
            entries.push_back(std::move(e));
            continue;
        }
        const NodeStatus &s = f.status;
        e.pos = positionOf(s);
        e.rank.position = e.pos.text;
        e.lag = s.lagSeconds.value_or(1e9);
        bool eligible = true;
        if (s.channels.empty()) {
            eligible = false;
            e.rank.reasons.push_back("does not replicate");
        } else if (!primaryEndpoint.empty() && upstreamOf(f) != primaryEndpoint) {
            eligible = false;
            e.rank.reasons.push_back("replicates from " + upstreamOf(f) + ", not directly from " + primary);
        }
        if (kind == OperationKind::Switchover && s.sqlThreadRunning != true) {
            eligible = false;
            e.rank.reasons.push_back("SQL thread not running");
        }
        if (kind == OperationKind::Switchover && s.ioThreadRunning != true) {
            eligible = false;
            e.rank.reasons.push_back("IO thread not running");
        }
        if (facts.engine == Engine::MySQL && s.logBin != true) {
            eligible = false;
            e.rank.reasons.push_back("binary log off");
        }
        if (s.logReplicaUpdates == true || facts.engine == Engine::PostgreSQL)
            e.score += 2;
        else if (facts.engine == Engine::MySQL)
            e.rank.reasons.push_back("log_slave_updates off");
        if (p && facts.engine == Engine::MySQL && kind == OperationKind::Switchover) {
            const auto errant = errantGtids(s, p->status);
            if (!errant.empty()) {
                eligible = false;
                e.rank.reasons.push_back("errant GTIDs: " + join(errant));
            }
        }
        e.rank.eligible = eligible;
        entries.push_back(std::move(e));
    }
    std::stable_sort(entries.begin(), entries.end(), [&](const Entry &a, const Entry &b) {
        if (a.rank.eligible != b.rank.eligible)
            return a.rank.eligible;
        const bool failover = kind != OperationKind::Switchover;
        const auto &pa = failover ? a.pos.received : a.pos.applied;
        const auto &pb = failover ? b.pos.received : b.pos.applied;
        int cmp = comparePos(pa, pb);
        if (cmp == 2)
            cmp = magnitude(pa) > magnitude(pb) ? 1 : (magnitude(pa) < magnitude(pb) ? -1 : 0);
        if (cmp != 0)
            return cmp > 0;
        int cmp2 = comparePos(a.pos.applied, b.pos.applied);
        if (cmp2 == 2)
            cmp2 = 0;
        if (cmp2 != 0)
            return cmp2 > 0;
        if (a.lag != b.lag)
            return a.lag < b.lag;
        if (a.score != b.score)
            return a.score > b.score;
        return a.rank.node < b.rank.node;
    });
    std::vector<CandidateRank> out;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        CandidateRank r = std::move(entries[i].rank);
        if (r.eligible) {
            std::string why;
            if (i == 0) {
                const bool alone = entries.size() < 2 || !entries[1].rank.eligible;
                why = alone ? "the only eligible replica"
                            : (kind == OperationKind::Switchover ? "most advanced applied position"
                                                                 : "most advanced received position");
                if (!alone) {
                    const bool failover = kind != OperationKind::Switchover;
                    const auto &a = failover ? entries[0].pos.received : entries[0].pos.applied;
                    const auto &b = failover ? entries[1].pos.received : entries[1].pos.applied;
                    if (comparePos(a, b) == 0)
                        why += " (tied with " + entries[1].rank.node + ")";
                }
                if (entries[i].lag < 1e9 && kind == OperationKind::Switchover)
                    why += ", lag " + std::to_string(static_cast<long long>(entries[i].lag)) + " s";
                if (entries[i].score >= 2 && facts.engine == Engine::MySQL)
                    why += ", log_slave_updates on";
            } else {
                const Entry &best = entries[0];
                const bool failover = kind != OperationKind::Switchover;
                const auto &mine = failover ? entries[i].pos.received : entries[i].pos.applied;
                const auto &theirs = failover ? best.pos.received : best.pos.applied;
                const int cmp = comparePos(mine, theirs);
                if (cmp == -1 || (cmp == 2 && magnitude(mine) < magnitude(theirs)))
                    why = "behind " + best.rank.node + ": " + missingText(theirs, mine) + " less";
                else if (entries[i].lag > best.lag && !failover)
                    why = "as advanced as " + best.rank.node + " but more lag";
                else if (entries[i].score < best.score)
                    why = "as advanced as " + best.rank.node + " but log_slave_updates off";
                else
                    why = "as good as " + best.rank.node + " (the tie goes by name)";
            }
            r.reasons.insert(r.reasons.begin(), why);
        }
        out.push_back(std::move(r));
    }
    return out;
}

// ---- switchover ---------------------------------------------------------------------------

namespace {

struct Common
{
    const NodeFacts *primary = nullptr;
    const NodeFacts *candidate = nullptr;
    std::vector<const NodeFacts *> siblings;      // direct replicas of the primary, reachable
    std::vector<const NodeFacts *> unreachable;   // nodes we cannot reach
};

void checkReplicationCredentials(std::vector<PreflightCheck> &checks, const NodeFacts &candidate,
                                 const OperationOptions &options, const std::string &oldPrimary, bool needed)
{
    if (!options.replication.available()) {
        checks.push_back(check("replication_credentials", needed ? CheckLevel::Red : CheckLevel::Amber, oldPrimary,
                               "no password for the replication account"
                                   + (options.replication.user.empty() ? std::string() : " " + options.replication.user)
                                   + ": " + oldPrimary + " could not be made a replica of the new primary",
                               "give the replication account (--replication-user, its password in the keychain or "
                               "SWITCHYARD_REPLICATION_PASSWORD), or leave the old primary out (--no-rejoin)"));
        return;
    }
    if (candidate.replicationLoginOk) {
        checks.push_back(check("replication_credentials", CheckLevel::Green, oldPrimary,
                               "replication account " + options.replication.user + " logs in on " + candidate.status.name));
    } else if (candidate.replicationLoginError) {
        checks.push_back(check("replication_credentials", needed ? CheckLevel::Red : CheckLevel::Amber, oldPrimary,
                               "replication account " + options.replication.user + " cannot log in on "
                                   + candidate.status.name + ": " + candidate.replicationLoginError->describe(),
                               "check the replication account's password and host grants on " + candidate.status.name));
    } else {
        checks.push_back(check("replication_credentials", CheckLevel::Amber, oldPrimary,
                               "replication account " + options.replication.user + " not verified on "
                                   + candidate.status.name));
    }
}

void checkGtidAndFormats(std::vector<PreflightCheck> &checks, const ClusterFacts &facts, const Common &c)
{
    if (facts.engine != Engine::MySQL)
        return;
    std::vector<std::string> noGtid;
    std::set<std::string> domains, strict;
    std::set<std::string> formats;
    for (const NodeFacts *f : c.siblings) {
        const auto &ch = f->status.channels;
        if (isMaria(facts) ? (ch.empty() || ch.front().usingGtid.empty() || ch.front().usingGtid == "No")
                           : f->status.gtidMode != true)
            noGtid.push_back(f->status.name);
    }
    if (c.candidate) {
        const auto &ch = c.candidate->status.channels;
        if (isMaria(facts) ? (ch.empty() || ch.front().usingGtid.empty() || ch.front().usingGtid == "No")
                           : c.candidate->status.gtidMode != true)
            noGtid.push_back(c.candidate->status.name);
    }
    for (const NodeFacts &f : facts.nodes) {
        if (!reachable(f))
            continue;
        domains.insert(f.status.gtidDomainId);
        strict.insert(f.gtidStrictMode ? "ON" : "OFF");
        if (!f.status.binlogFormat.empty())
            formats.insert(f.status.binlogFormat);
    }
    if (noGtid.empty())
        checks.push_back(check("gtid_mode", CheckLevel::Green, {}, "every replica replicates by GTID"));
    else
        checks.push_back(check("gtid_mode", CheckLevel::Red, join(noGtid), join(noGtid) + " do(es) not replicate by GTID",
                               isMaria(facts) ? "CHANGE MASTER TO MASTER_USE_GTID=slave_pos on each (with the replica stopped)"
                                              : "enable gtid_mode=ON and SOURCE_AUTO_POSITION=1"));
    if (isMaria(facts)) {
        if (domains.size() <= 1)
            checks.push_back(check("gtid_domains", CheckLevel::Green, {}, "one gtid_domain_id on every node"));
        else
            checks.push_back(check("gtid_domains", CheckLevel::Amber, {},
                                   "different gtid_domain_id values across nodes (" + join({domains.begin(), domains.end()}) + ")",
                                   "make sure only one node writes per domain; positions are compared domain by domain"));
        if (strict.size() > 1)
            checks.push_back(check("gtid_strict_mode", CheckLevel::Amber, {}, "gtid_strict_mode differs between nodes",
                                   "set gtid_strict_mode the same on every node"));
    }
    if (formats.size() <= 1)
        checks.push_back(check("binlog_format", CheckLevel::Green, {},
                               "binlog_format " + (formats.empty() ? std::string("-") : *formats.begin()) + " on every node"));
    else
        checks.push_back(check("binlog_format", CheckLevel::Amber, {},
                               "binlog formats differ: " + join({formats.begin(), formats.end()}),
                               "use the same binlog_format (ROW) everywhere; ROW events cannot feed a STATEMENT replica"));
}

void checkVersions(std::vector<PreflightCheck> &checks, const ClusterFacts &facts, const NodeFacts &candidate)
{
    std::vector<std::string> older;
    for (const NodeFacts &f : facts.nodes) {
        if (!reachable(f) || &f == &candidate)
            continue;
        if (versionOf(f.status) < versionOf(candidate.status))
            older.push_back(f.status.name + " (" + f.status.version + ")");
    }
    if (older.empty())
        checks.push_back(check("versions", CheckLevel::Green, candidate.status.name,
                               candidate.status.version + ": no node is older than the new primary"));
    else
        checks.push_back(check("versions", CheckLevel::Amber, candidate.status.name,
                               "the new primary (" + candidate.status.version + ") is newer than " + join(older)
                                   + "; replicating from a newer server to an older one is not supported",
                               "upgrade those nodes first, or choose a candidate of the oldest version"));
}

Common resolveCommon(std::vector<PreflightCheck> &checks, const ClusterFacts &facts, const std::string &primaryName,
                     const std::string &candidateName, OperationKind kind)
{
    Common c;
    c.primary = facts.find(primaryName);
    c.candidate = candidateName.empty() ? nullptr : facts.find(candidateName);
    const std::string primaryEndpoint = c.primary ? endpointOf(c.primary->status) : std::string();
    for (const NodeFacts &f : facts.nodes) {
        if (f.status.name == primaryName || f.status.name == candidateName)
            continue;
        if (!reachable(f)) {
            c.unreachable.push_back(&f);
            continue;
        }
        if (!f.status.channels.empty() && upstreamOf(f) == primaryEndpoint)
            c.siblings.push_back(&f);
    }
    for (const NodeFacts *f : c.unreachable) {
        checks.push_back(check("node_reachable", CheckLevel::Amber, f->status.name,
                               f->status.name + " is not reachable"
                                   + (f->error ? ": " + f->error->describe() : std::string())
                                   + "; it will not be repointed",
                               "when it is back, rejoin it to the new primary (rejoin)"));
    }
    (void)kind;
    return c;
}

void candidateChecks(std::vector<PreflightCheck> &checks, const ClusterFacts &facts, const Common &c,
                     const OperationOptions &options, bool switchover)
{
    const NodeStatus &s = c.candidate->status;
    const std::string &name = s.name;
    const std::string primaryEndpoint = c.primary ? endpointOf(c.primary->status) : std::string();
    if (switchover) {
        if (!s.channels.empty() && sourceOf(s) == primaryEndpoint)
            checks.push_back(check("candidate_direct_replica", CheckLevel::Green, name,
                                   name + " replicates directly from " + c.primary->status.name));
        else
            checks.push_back(check("candidate_direct_replica", CheckLevel::Red, name,
                                   name + (s.channels.empty() ? " does not replicate"
                                                              : " replicates from " + sourceOf(s) + ", not from "
                                                                    + (c.primary ? c.primary->status.name : std::string("the primary"))),
                                   "choose a direct replica of the primary, or move " + name + " under it first"));
        if (s.ioThreadRunning == true && s.sqlThreadRunning == true)
            checks.push_back(check("replication_threads", CheckLevel::Green, name, "IO and SQL threads running"));
        else
            checks.push_back(check("replication_threads", CheckLevel::Red, name,
                                   std::string("IO thread ") + (s.ioThreadRunning == true ? "running" : "not running")
                                       + ", SQL thread " + (s.sqlThreadRunning == true ? "running" : "not running")
                                       + (s.replicationError.empty() ? std::string() : ": " + s.replicationError),
                                   "fix replication on " + name + " (START SLAVE; see the error) before switching over"));
        for (const NodeFacts *f : c.siblings) {
            if (f->status.ioThreadRunning != true || f->status.sqlThreadRunning != true)
                checks.push_back(check("replication_threads", CheckLevel::Amber, f->status.name,
                                       f->status.name + " is not replicating (both threads not running)"
                                           + (f->status.replicationError.empty() ? std::string() : ": " + f->status.replicationError),
                                       "it will be repointed anyway; fix its replication afterwards"));
        }
        const auto lag = s.lagSeconds;
        // PostgreSQL reports no lag in seconds before the standby replayed its first
        // transaction; the WAL still to replay says as much.
        std::optional<std::int64_t> replayGap;
        if (!s.channels.empty() && s.channels.front().receivedLsn && s.channels.front().replayedLsn)
            replayGap = static_cast<std::int64_t>(*s.channels.front().receivedLsn)
                        - static_cast<std::int64_t>(*s.channels.front().replayedLsn);
        if (!lag && facts.engine == Engine::PostgreSQL && s.ioThreadRunning == true && replayGap
            && *replayGap < 16 * 1024 * 1024)
            checks.push_back(check("candidate_lag", CheckLevel::Green, name,
                                   "streaming, " + std::to_string(*replayGap) + " bytes of WAL to replay"));
        else if (lag && *lag <= options.maxLagSeconds)
            checks.push_back(check("candidate_lag", CheckLevel::Green, name,
                                   "lag " + std::to_string(static_cast<long long>(*lag)) + " s (limit "
                                       + std::to_string(static_cast<long long>(options.maxLagSeconds)) + " s)"));
        else
            checks.push_back(check("candidate_lag", CheckLevel::Red, name,
                                   lag ? "lag " + std::to_string(static_cast<long long>(*lag)) + " s is above the limit of "
                                             + std::to_string(static_cast<long long>(options.maxLagSeconds)) + " s"
                                       : "lag unknown (replication not running)",
                                   "wait until " + name + " has caught up, or raise the lag limit"));
    }
    if (facts.engine == Engine::MySQL) {
        if (s.logBin == true && (s.logReplicaUpdates == true || c.siblings.empty()))
            checks.push_back(check("candidate_binlog", CheckLevel::Green, name,
                                   std::string("log_bin on") + (s.logReplicaUpdates == true ? ", log_slave_updates on" : "")));
        else if (s.logBin != true)
            checks.push_back(check("candidate_binlog", CheckLevel::Red, name, "log_bin is off: replicas could not follow it",
                                   "restart " + name + " with log_bin (and log_slave_updates) on"));
        else
            checks.push_back(check("candidate_binlog", CheckLevel::Red, name,
                                   "log_slave_updates is off: the other replicas could not fetch what they miss from it",
                                   "restart " + name + " with log_slave_updates=ON"));
    }
}

void candidateErrantCheck(std::vector<PreflightCheck> &checks, const NodeFacts &candidate, const NodeFacts *primary,
                          const ClusterFacts &facts, bool failover, bool safe)
{
    if (facts.engine != Engine::MySQL)
        return;
    std::vector<std::string> errant = primary && reachable(*primary) ? errantGtids(candidate.status, primary->status)
                                                                     : localErrant(candidate, facts, primary ? primary->status.name : std::string());
    if (errant.empty()) {
        checks.push_back(check("errant_gtids", CheckLevel::Green, candidate.status.name, "no errant GTIDs on the candidate"));
    } else {
        checks.push_back(check("errant_gtids", failover && !safe ? CheckLevel::Amber : CheckLevel::Red,
                               candidate.status.name,
                               "transactions the primary never executed: " + join(errant),
                               "find where they came from (the binary logs of " + candidate.status.name
                                   + "); inject empty transactions with these GTIDs on the primary, or rebuild "
                                   + candidate.status.name));
    }
    if (!failover && primary) {
        for (const NodeFacts &f : facts.nodes) {
            if (&f == &candidate || &f == primary || !reachable(f) || f.status.channels.empty())
                continue;
            auto e = errantGtids(f.status, primary->status);
            if (!e.empty())
                checks.push_back(check("errant_gtids", CheckLevel::Amber, f.status.name,
                                       "errant GTIDs on " + f.status.name + ": " + join(e)
                                           + " (it may stop replicating from the new primary)",
                                       "fix them before or after the switchover"));
        }
    }
}

void primaryChecks(std::vector<PreflightCheck> &checks, const ClusterFacts &facts, const NodeFacts &p,
                   const OperationOptions &options, bool sqlFreezeForPg)
{
    const std::string &name = p.status.name;
    if (facts.engine == Engine::MySQL) {
        if (p.privilegedSessions.empty())
            checks.push_back(check("privileged_sessions", CheckLevel::Green, name,
                                   "no session of a user that can write despite read_only"));
        else if (options.killPrivilegedSessions)
            checks.push_back(check("privileged_sessions", CheckLevel::Green, name,
                                   std::to_string(p.privilegedSessions.size())
                                       + " session(s) that could write despite read_only will be killed after read_only: "
                                       + sessionsText(p.privilegedSessions)));
        else
            checks.push_back(check("privileged_sessions", CheckLevel::Amber, name,
                                   std::to_string(p.privilegedSessions.size())
                                       + " session(s) of users with READ_ONLY ADMIN/SUPER can still write after "
                                         "read_only (their writes would be lost or errant): "
                                       + sessionsText(p.privilegedSessions),
                                   "close them (applications must not use privileged accounts), or choose to kill them "
                                   "(--kill-privileged-sessions); the plan checks afterwards that the position did not move"));
        if (!p.enabledEvents.empty() && p.eventScheduler)
            checks.push_back(check("event_scheduler", CheckLevel::Amber, name,
                                   "event scheduler on with " + std::to_string(p.enabledEvents.size())
                                       + " enabled event(s): " + join(p.enabledEvents),
                                   "the plan stops the scheduler on " + name
                                       + " before the freeze and enables these events on the new primary"));
        else
            checks.push_back(check("event_scheduler", CheckLevel::Green, name,
                                   p.eventScheduler ? "event scheduler on, no enabled events" : "event scheduler off"));
        if (!p.status.semiSync.empty())
            checks.push_back(check("semi_sync", CheckLevel::Amber, name,
                                   "semi-synchronous replication is configured (" + p.status.semiSync + ")",
                                   "the switchover does not change semi-sync settings; set them on the new primary and replicas"));
    }
    if (p.longTransactions.empty())
        checks.push_back(check("long_transactions", CheckLevel::Green, name, "no long-running transaction"));
    else
        checks.push_back(check("long_transactions", options.killLongTransactions ? CheckLevel::Green : CheckLevel::Amber,
                               name,
                               std::to_string(p.longTransactions.size()) + " transaction(s) open longer than a few seconds: "
                                   + sessionsText(p.longTransactions)
                                   + (options.killLongTransactions ? " (will be killed)" : ""),
                               options.killLongTransactions
                                   ? std::string()
                                   : "wait for them to finish (the freeze would wait for their commit, up to the step "
                                     "timeout, and then undo), or kill them (--kill-long-transactions)"));
    (void)sqlFreezeForPg;
}

std::string conninfoFor(const NodeFacts &target, const std::string &user, const std::string &applicationName)
{
    return "host=" + target.status.host + " port=" + std::to_string(target.status.port) + " user=" + user
           + " password=${secret_conninfo:replication_password} application_name=" + applicationName;
}

// The same conninfo inside an SQL literal (quotes doubled; the secret is escaped by the executor).
std::string conninfoLiteral(const NodeFacts &target, const std::string &user, const std::string &applicationName)
{
    std::string body = conninfoFor(target, user, applicationName);
    const std::string from = "${secret_conninfo:", to = "${secret_conninfo_sql:";
    body.replace(body.find(from), from.size(), to);
    return pgLiteral(body);
}

std::string appNameOf(const NodeFacts &f)
{
    return f.clusterName.empty() ? slotNameFor(f.status.name) : f.clusterName;
}

void addPgRepoint(OperationPlan &plan, const NodeFacts &sibling, const NodeFacts &target, const std::string &user)
{
    const std::string n = sibling.status.name;
    PlanStep s = step("repoint." + n, "Point " + n + " at the new primary " + target.status.name, n, StepPhase::Repoint, 20s);
    s.commands.push_back(exec(n, "ALTER SYSTEM SET primary_conninfo = " + conninfoLiteral(target, user, appNameOf(sibling))));
    s.commands.push_back(exec(n, "ALTER SYSTEM SET primary_slot_name = " + pgLiteral(slotNameFor(n))));
    s.commands.push_back(expect(n, "SELECT pg_reload_conf()", "t"));
    plan.steps.push_back(std::move(s));
}

void addPgSlots(OperationPlan &plan, const std::string &on, const std::vector<std::string> &forNodes, StepPhase phase)
{
    if (forNodes.empty())
        return;
    PlanStep s = step("prepare.slots", "Create replication slots on " + on + " for " + join(forNodes), on, phase, 10s);
    for (const std::string &n : forNodes) {
        const std::string slot = pgLiteral(slotNameFor(n));
        s.commands.push_back(exec(on, "SELECT pg_create_physical_replication_slot(" + slot
                                          + ", true) WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = "
                                          + slot + ")"));
    }
    plan.steps.push_back(std::move(s));
}

// Rejoin an old PostgreSQL primary through local control: rewind, standby config, start.
void addPgLocalRejoin(OperationPlan &plan, const NodeFacts &oldFacts, const NodeFacts &target, const std::string &user,
                      bool optional)
{
    NodeFacts old = oldFacts;
    if (old.dataDirectory.empty())
        old.dataDirectory = "<data directory of " + old.status.name + ">";   // down: the console finds it itself
    const std::string n = old.status.name, t = target.status.name;
    PlanStep s = step("rejoin." + n, "Rewind " + n + " and start it as a standby of " + t, n, StepPhase::Rejoin, 120s);
    s.optional = optional;
    s.commands.push_back(local(n, LocalAction::StopServer, "pg_ctl stop -m fast -D " + old.dataDirectory + "   (if running)"));
    StepCommand rw = local(n, LocalAction::Rewind,
                           "pg_rewind --target-pgdata=" + old.dataDirectory + " --source-server='host="
                               + target.status.host + " port=" + std::to_string(target.status.port)
                               + " dbname=postgres user=<admin>'");
    rw.sourceNode = t;
    s.commands.push_back(rw);
    StepCommand cfg = local(n, LocalAction::ConfigureStandby,
                            "touch " + old.dataDirectory + "/standby.signal; postgresql.auto.conf: primary_conninfo = '"
                                + renderForDisplay(conninfoFor(target, user, appNameOf(old)))
                                + "', primary_slot_name = '" + slotNameFor(n) + "'");
    cfg.argument = conninfoFor(target, user, appNameOf(old));
    cfg.slot = slotNameFor(n);
    s.commands.push_back(cfg);
    s.commands.push_back(local(n, LocalAction::StartServer, "pg_ctl start -D " + old.dataDirectory));
    StepCommand wait = waitUntil(n, "SELECT pg_is_in_recovery()", "t", "the old primary did not come up as a standby");
    wait.pollInterval = 200ms;
    s.commands.push_back(wait);
    plan.steps.push_back(std::move(s));
}

// pg_promote without its own wait (it polls every 100 ms), then our faster poll: the promote
// is part of the blackout.
void addPgPromote(PlanStep &promote, const std::string &node)
{
    promote.commands.push_back(expect(node, "SELECT pg_promote(false)", "t", "the standby refused to promote"));
    StepCommand wait = waitUntil(node, "SELECT pg_is_in_recovery()", "f", "the standby did not finish promotion in time");
    wait.pollInterval = 5ms;
    promote.commands.push_back(wait);
}

// Standbys keep no slots of their own: drop the inactive slots named after this cluster's
// nodes on every node that is a standby now (left there by an earlier role). Optional: a
// leftover slot only costs disk.
void addPgSlotCleanup(OperationPlan &plan, const std::vector<std::string> &standbys)
{
    if (standbys.empty())
        return;
    std::string names;
    for (const PlanNode &n : plan.nodes)
        names += (names.empty() ? "" : ", ") + pgLiteral(slotNameFor(n.name));
    PlanStep s = step("cleanup.slots", "Drop leftover replication slots on the standbys", standbys.front(),
                      StepPhase::Rejoin, 10s);
    s.optional = true;
    for (const std::string &n : standbys)
        s.commands.push_back(exec(n, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE NOT active"
                                     " AND slot_type = 'physical' AND slot_name IN (" + names + ")"));
    plan.steps.push_back(std::move(s));
}

std::string pgRunbook(const NodeFacts &old, const NodeFacts &target, const std::string &user)
{
    const std::string dd = old.dataDirectory.empty() ? std::string("<data directory>") : old.dataDirectory;
    return "Runbook for " + old.status.name + " (the console cannot reach its data directory): on its host, as the "
           "postgres user: (1) pg_ctl stop -m fast -D " + dd + "; (2) pg_rewind --target-pgdata=" + dd
           + " --source-server='host=" + target.status.host + " port=" + std::to_string(target.status.port)
           + " user=<superuser> dbname=postgres' (needs wal_log_hints or data checksums); (3) touch " + dd
           + "/standby.signal; (4) in " + dd + "/postgresql.auto.conf set primary_conninfo = '"
           + renderForDisplay(conninfoFor(target, user, appNameOf(old))) + "' and primary_slot_name = '"
           + slotNameFor(old.status.name) + "'; (5) pg_ctl start -D " + dd
           + ". The post-checks (and the topology view) show when it streams from " + target.status.name + ".";
}

} // namespace

PlannedOperation planSwitchover(const ClusterFacts &facts, const OperationOptions &options)
{
    PlannedOperation out;
    OperationPlan &plan = out.plan;
    plan.id = newOperationId();
    plan.kind = OperationKind::Switchover;
    plan.engine = facts.engine;
    plan.flavor = facts.flavor;
    plan.createdAtMs = nowMs();
    auto &checks = plan.checks;

    // One writable primary.
    std::vector<std::string> writable;
    for (const NodeFacts &f : facts.nodes) {
        if (reachable(f) && f.status.readOnly == false)
            writable.push_back(f.status.name);
    }
    const std::string primaryName = findPrimary(facts);
    plan.oldPrimary = primaryName;
    if (primaryName.empty()) {
        std::string why = writable.empty() ? "no reachable writable primary" : "more than one writable node: " + join(writable);
        const bool anyUnreachable = std::any_of(facts.nodes.begin(), facts.nodes.end(), [](const NodeFacts &f) { return !reachable(f); });
        checks.push_back(check("single_primary", CheckLevel::Red, {}, why,
                               writable.empty() && anyUnreachable ? "if the primary is down, run a failover instead"
                                                                   : "make every node but one read-only first"));
        plan.nodes = planNodes(facts, {});
        return out;
    }
    checks.push_back(check("single_primary", CheckLevel::Green, primaryName, primaryName + " is the one writable primary"));
    plan.nodes = planNodes(facts, primaryName);

    plan.ranking = rankCandidates(facts, OperationKind::Switchover, primaryName);
    std::string candidateName = options.candidate;
    if (candidateName.empty()) {
        if (!plan.ranking.empty() && plan.ranking.front().eligible) {
            candidateName = plan.ranking.front().node;
            plan.candidateReason = plan.ranking.front().reasons.empty() ? std::string() : plan.ranking.front().reasons.front();
        }
    } else {
        for (const CandidateRank &r : plan.ranking) {
            if (r.node == candidateName)
                plan.candidateReason = "chosen by the operator" + (r.reasons.empty() ? std::string() : " (" + join(r.reasons) + ")");
        }
    }
    const NodeFacts *candidate = candidateName.empty() ? nullptr : facts.find(candidateName);
    if (!candidate || candidateName == primaryName || !reachable(*candidate)) {
        checks.push_back(check("candidate", CheckLevel::Red, candidateName,
                               candidateName.empty() ? "no eligible replica to promote"
                               : !candidate         ? candidateName + " is not a node of this cluster"
                               : candidateName == primaryName ? candidateName + " is the primary already"
                                                              : candidateName + " is not reachable",
                               "choose a reachable direct replica of " + primaryName));
        return out;
    }
    plan.candidate = candidateName;
    checks.push_back(check("candidate", CheckLevel::Green, candidateName,
                           candidateName + (plan.candidateReason.empty() ? std::string() : ": " + plan.candidateReason)));

    Common c = resolveCommon(checks, facts, primaryName, candidateName, OperationKind::Switchover);
    const NodeFacts &p = *c.primary;
    const NodeFacts &cand = *c.candidate;
    candidateChecks(checks, facts, c, options, true);
    candidateErrantCheck(checks, cand, &p, facts, false, false);
    checkGtidAndFormats(checks, facts, c);
    checkVersions(checks, facts, cand);
    if (facts.engine == Engine::MySQL)
        checkReplicationCredentials(checks, cand, options, primaryName, options.rejoinOldPrimary);
    const bool events = facts.engine == Engine::MySQL && p.eventScheduler && !p.enabledEvents.empty();
    checkPrivileges(checks, facts, p, "primary", events, options.killPrivilegedSessions || options.killLongTransactions);
    checkPrivileges(checks, facts, cand, "candidate", events, false);
    for (const NodeFacts *s : c.siblings)
        checkPrivileges(checks, facts, *s, "sibling", false, false);

    const bool localOld = std::find(options.locallyControlled.begin(), options.locallyControlled.end(), primaryName)
                          != options.locallyControlled.end();
    primaryChecks(checks, facts, p, options, !localOld);

    const auto catchUp = std::chrono::duration_cast<std::chrono::milliseconds>(options.catchUpTimeout);
    const std::string P = primaryName, C = candidateName;
    std::vector<std::string> expectedReplicas;
    for (const NodeFacts *s : c.siblings)
        expectedReplicas.push_back(s->status.name);

    if (facts.engine == Engine::MySQL) {
        Sql sql{facts.flavor, fullVersion(p.status)};
        out.secrets = secretsFor(plan, options.replication);
        plan.secretNames = {"replication_password"};

        // 1. Expected state: the primary the operator saw is still the writable primary, and the
        //    candidate still replicates from it.
        PlanStep v = step("verify.state", "Check that " + P + " is still the writable primary and " + C + " replicates from it",
                          P, StepPhase::Verify, 5s);
        v.commands.push_back(expect(P, "SELECT @@GLOBAL.read_only", "0",
                                    "the primary is no longer the one you saw: re-plan"));
        v.commands.push_back(expect(P, "SELECT @@GLOBAL.server_id", std::to_string(p.status.serverId),
                                    "a different server answers at this address: re-plan"));
        StepCommand rep;
        rep.kind = CommandKind::ExpectReplicating;
        rep.node = C;
        rep.sql = sql.statusQuery();
        rep.sourceHost = p.status.host;
        rep.sourcePort = p.status.port;
        rep.failureHint = "the candidate no longer replicates from the primary: re-plan";
        v.commands.push_back(rep);
        plan.steps.push_back(std::move(v));

        // 2. Pre-sync outside the blackout: the candidate catches up with the live primary.
        PlanStep pre = step("prepare.sync", "Let " + C + " catch up with " + P + " before the freeze", C, StepPhase::Prepare,
                            2 * catchUp + 2s);
        // Two rounds: the first catches up with the lag, the second with what arrived during
        // the first, so what is left for the frozen wait is a few milliseconds of writes.
        for (const char *var : {"presync_position", "presync_position_2"}) {
            pre.commands.push_back(capture(P, sql.position(), var));
            pre.commands.push_back(expect(C, sql.wait(var, options.catchUpTimeout), "0",
                                          "the candidate could not catch up within the timeout (lag, or replication stopped)"));
        }
        plan.steps.push_back(std::move(pre));

        // 3. Events off on the old primary (outside the blackout).
        if (events) {
            PlanStep ev = step("demote.events", "Stop the event scheduler on " + P, P, StepPhase::Prepare, 5s);
            ev.commands.push_back(exec(P, "SET GLOBAL event_scheduler = OFF"));
            ev.undo.push_back(exec(P, "SET GLOBAL event_scheduler = ON"));
            plan.steps.push_back(std::move(ev));
        }

        // 4. Freeze.
        PlanStep fz = step("demote.read_only", "Make " + P + " read-only (writes stop here)", P, StepPhase::Freeze, 10s);
        for (const std::string &s : sql.freeze())
            fz.commands.push_back(exec(P, s));
        for (const std::string &s : sql.unfreeze())
            fz.undo.push_back(exec(P, s));
        plan.steps.push_back(std::move(fz));

        if (options.killPrivilegedSessions || options.killLongTransactions) {
            PlanStep k = step("demote.kill_sessions", "Kill sessions on " + P + " that could still write", P, StepPhase::Freeze, 5s);
            StepCommand kill;
            kill.kind = CommandKind::KillSessions;
            kill.node = P;
            if (options.killPrivilegedSessions) {
                ServerInfo si;
                si.flavor = facts.flavor;
                si.versionNumber = fullVersion(p.status);
                kill.sql = privilegedSessionsQuery(si);
                k.commands.push_back(kill);
            }
            if (options.killLongTransactions) {
                kill.sql = "SELECT trx_mysql_thread_id FROM information_schema.INNODB_TRX WHERE trx_mysql_thread_id <> "
                           "CONNECTION_ID()";
                k.commands.push_back(kill);
            }
            plan.steps.push_back(std::move(k));
        }

        // 5. The old primary's final position.
        PlanStep pos = step("demote.position", "Read " + P + "'s final GTID position", P, StepPhase::Freeze, 5s);
        pos.commands.push_back(capture(P, sql.position(), "demoted_position"));
        plan.steps.push_back(std::move(pos));

        // 6. The candidate applies everything.
        PlanStep wait = step("catchup.wait", "Wait until " + C + " has applied " + P + "'s final position", C,
                             StepPhase::CatchUp, catchUp + 2s);
        wait.commands.push_back(expect(C, sql.wait("demoted_position", options.catchUpTimeout), "0",
                                       "the candidate did not reach the old primary's position in time"));
        plan.steps.push_back(std::move(wait));

        // 7. Nothing wrote on the old primary meanwhile (a privileged session or an event would).
        PlanStep frozen = step("catchup.frozen", "Check that " + P + " did not move while frozen", P, StepPhase::CatchUp, 5s);
        frozen.commands.push_back(expect(P, sql.position(), "${demoted_position}",
                                         "a session wrote on the old primary after read_only (a privileged user or "
                                         "an event): undoing"));
        plan.steps.push_back(std::move(frozen));

        // 8. Promote: the point of no return once done.
        PlanStep pr = step("promote", "Promote " + C + " (stop replicating, make it writable)", C, StepPhase::Promote, 10s);
        pr.promote = true;
        pr.commands.push_back(exec(C, sql.stopReplica()));
        pr.commands.push_back(exec(C, sql.resetAll()));
        for (const std::string &s : sql.unfreeze())
            pr.commands.push_back(exec(C, s));
        for (const std::string &s : sql.freeze())
            pr.undo.push_back(exec(C, s));
        if (options.replication.available()) {
            pr.undo.push_back(exec(C, sql.stopReplica()));
            pr.undo.push_back(exec(C, sql.changeWithAccount(p.status.host, p.status.port, options.replication.user)));
            pr.undo.push_back(exec(C, sql.startReplica()));
        }
        plan.steps.push_back(std::move(pr));

        if (events) {
            PlanStep ev = step("promote.events", "Enable the events on " + C, C, StepPhase::Promote, 10s);
            ev.optional = true;
            for (const std::string &e : p.enabledEvents)
                ev.commands.push_back(exec(C, "ALTER EVENT " + e + " ENABLE"));
            ev.commands.push_back(exec(C, "SET GLOBAL event_scheduler = ON"));
            plan.steps.push_back(std::move(ev));
        }

        // 9. Siblings follow.
        for (const NodeFacts *s : c.siblings) {
            const std::string n = s->status.name;
            PlanStep r = step("repoint." + n, "Point " + n + " at " + C, n, StepPhase::Repoint, 15s);
            r.commands.push_back(exec(n, sql.stopReplica()));
            r.commands.push_back(exec(n, sql.repoint(cand.status.host, cand.status.port)));
            r.commands.push_back(exec(n, sql.startReplica()));
            plan.steps.push_back(std::move(r));
        }

        // 10. The old primary becomes a replica.
        if (options.rejoinOldPrimary && options.replication.available()) {
            PlanStep rj = step("rejoin." + P, "Make " + P + " a replica of " + C, P, StepPhase::Rejoin, 15s);
            if (sql.maria())
                rj.commands.push_back(exec(P, "SET GLOBAL gtid_slave_pos = @@GLOBAL.gtid_binlog_pos"));
            rj.commands.push_back(exec(P, sql.changeWithAccount(cand.status.host, cand.status.port, options.replication.user)));
            rj.commands.push_back(exec(P, sql.startReplica()));
            plan.steps.push_back(std::move(rj));
            expectedReplicas.push_back(P);
        } else {
            plan.notes.push_back(P + " stays read-only and does not replicate: rejoin it when you are ready");
        }
    } else {
        // PostgreSQL.
        const std::string user = options.replication.user;
        out.secrets = secretsFor(plan, options.replication);
        plan.secretNames = {"replication_password"};
        if (p.status.timeline && cand.status.timeline && *p.status.timeline != *cand.status.timeline)
            checks.push_back(check("timeline", CheckLevel::Red, C,
                                   "the candidate is on timeline " + std::to_string(*cand.status.timeline) + ", the primary on "
                                       + std::to_string(*p.status.timeline),
                                   "let the standby follow the primary's timeline (recovery_target_timeline = 'latest')"));
        else
            checks.push_back(check("timeline", CheckLevel::Green, C,
                                   "same timeline as the primary ("
                                       + (cand.status.timeline ? std::to_string(*cand.status.timeline) : std::string("?")) + ")"));
        const bool rewindable = p.status.walLogHints == true || p.status.dataChecksums == true;
        if (rewindable)
            checks.push_back(check("wal_log_hints", CheckLevel::Green, P,
                                   std::string(p.status.walLogHints == true ? "wal_log_hints on" : "data checksums on")
                                       + ": pg_rewind can rejoin it"));
        else
            checks.push_back(check("wal_log_hints", options.rejoinOldPrimary && localOld ? CheckLevel::Red : CheckLevel::Amber, P,
                                   "neither wal_log_hints nor data checksums: pg_rewind cannot rejoin " + P,
                                   "set wal_log_hints = on (restart) before switching over, or rebuild " + P
                                       + " with pg_basebackup afterwards"));
        std::vector<std::string> stale;
        for (const NodeFacts *f : {&p, &cand}) {
            for (const ReplicationSlot &s : f->status.replicationSlots) {
                if (!s.active && s.retainedBytes && *s.retainedBytes > 0 && s.name != slotNameFor(P)
                    && s.name != slotNameFor(C))
                    stale.push_back(f->status.name + ":" + s.name);
            }
        }
        if (stale.empty())
            checks.push_back(check("slots", CheckLevel::Green, {}, "no inactive slot retaining WAL"));
        else
            checks.push_back(check("slots", CheckLevel::Amber, {}, "inactive slots retain WAL: " + join(stale),
                                   "drop the slots nobody uses (pg_drop_replication_slot)"));
        if (localOld)
            checks.push_back(check("local_control", CheckLevel::Green, P,
                                   "the console controls " + P + "'s server: it stops it cleanly and rejoins it with pg_rewind"));
        else
            checks.push_back(check("local_control", CheckLevel::Amber, P,
                                   "the console cannot reach " + P + "'s data directory: it freezes " + P
                                       + " with default_transaction_read_only, and you rejoin it by the runbook",
                                   "follow the runbook in the plan's notes after the switchover"));
        if (user.empty() || !options.replication.available())
            checks.push_back(check("replication_credentials", CheckLevel::Red, P,
                                   "no replication account to write into primary_conninfo",
                                   "give the replication account (--replication-user and its password)"));
        else if (cand.replicationLoginOk || !cand.replicationLoginError)
            checks.push_back(check("replication_credentials", CheckLevel::Green, P,
                                   "replication account " + user + (cand.replicationLoginOk ? " logs in" : " given")));
        else
            checks.push_back(check("replication_credentials", CheckLevel::Amber, P,
                                   "replication account " + user + " could not log in for a check: "
                                       + cand.replicationLoginError->describe(),
                                   "pg_hba may only allow it for replication connections; make sure the password is right"));

        PlanStep v = step("verify.state", "Check that " + P + " is still the primary and " + C + " streams from it", P,
                          StepPhase::Verify, 5s);
        v.commands.push_back(expect(P, "SELECT pg_is_in_recovery()", "f", "the primary is no longer the one you saw: re-plan"));
        v.commands.push_back(expect(P, "SELECT system_identifier::text FROM pg_control_system()", p.status.serverUuid,
                                    "a different cluster answers at this address: re-plan"));
        StepCommand rep;
        rep.kind = CommandKind::ExpectReplicating;
        rep.node = C;
        rep.sql = "SELECT status, sender_host, sender_port FROM pg_stat_wal_receiver";
        rep.sourceHost = p.status.host;
        rep.sourcePort = p.status.port;
        rep.failureHint = "the candidate no longer streams from the primary: re-plan";
        v.commands.push_back(rep);
        plan.steps.push_back(std::move(v));

        std::vector<std::string> slotFor = {P};
        for (const NodeFacts *s : c.siblings)
            slotFor.push_back(s->status.name);
        addPgSlots(plan, C, slotFor, StepPhase::Prepare);
        plan.steps.back().undo.clear();

        PlanStep cp = step("prepare.checkpoint", "Checkpoint " + P + " (a short shutdown later)", P, StepPhase::Prepare, 60s);
        cp.commands.push_back(exec(P, "CHECKPOINT"));
        plan.steps.push_back(std::move(cp));

        if (localOld) {
            PlanStep fz = step("demote.stop", "Stop " + P + " cleanly (writes stop here)", P, StepPhase::Freeze, 60s);
            fz.commands.push_back(local(P, LocalAction::StopServer, "pg_ctl stop -m fast -D " + p.dataDirectory));
            fz.undo.push_back(local(P, LocalAction::StartServer, "pg_ctl start -D " + p.dataDirectory));
            plan.steps.push_back(std::move(fz));
            PlanStep pos = step("demote.position", "Read " + P + "'s shutdown checkpoint location", P, StepPhase::Freeze, 10s);
            StepCommand lsn = local(P, LocalAction::ReadCheckpointLsn, "pg_controldata -D " + p.dataDirectory
                                                                          + "   (Latest checkpoint location)");
            lsn.variable = "demoted_lsn";
            pos.commands.push_back(lsn);
            plan.steps.push_back(std::move(pos));
            PlanStep wait = step("catchup.wait", "Wait until " + C + " has replayed " + P + "'s shutdown checkpoint", C,
                                 StepPhase::CatchUp, catchUp);
            wait.commands.push_back(waitUntil(C, "SELECT pg_last_wal_replay_lsn() > '${demoted_lsn}'::pg_lsn", "t",
                                              "the standby did not receive the old primary's last WAL in time"));
            plan.steps.push_back(std::move(wait));
        } else {
            PlanStep fz = step("demote.freeze", "Freeze " + P + " (read-only transactions, sessions ended)", P,
                               StepPhase::Freeze, 10s);
            fz.commands.push_back(exec(P, "ALTER SYSTEM SET default_transaction_read_only = on"));
            fz.commands.push_back(expect(P, "SELECT pg_reload_conf()", "t"));
            fz.commands.push_back(exec(P, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE backend_type = "
                                          "'client backend' AND pid <> pg_backend_pid()"));
            fz.undo.push_back(exec(P, "ALTER SYSTEM RESET default_transaction_read_only"));
            fz.undo.push_back(exec(P, "SELECT pg_reload_conf()"));
            plan.steps.push_back(std::move(fz));
            PlanStep pos = step("demote.position", "Read " + P + "'s WAL position", P, StepPhase::Freeze, 5s);
            pos.commands.push_back(capture(P, "SELECT pg_current_wal_lsn()", "demoted_lsn"));
            plan.steps.push_back(std::move(pos));
            PlanStep wait = step("catchup.wait", "Wait until " + C + " has replayed " + P + "'s position", C,
                                 StepPhase::CatchUp, catchUp);
            wait.commands.push_back(waitUntil(C, "SELECT pg_last_wal_replay_lsn() >= '${demoted_lsn}'::pg_lsn", "t",
                                              "the standby did not replay the old primary's WAL in time"));
            plan.steps.push_back(std::move(wait));
        }

        PlanStep pr = step("promote", "Promote " + C + " (pg_promote)", C, StepPhase::Promote,
                           std::chrono::duration_cast<std::chrono::milliseconds>(options.promoteTimeout) + 5s);
        pr.promote = true;
        addPgPromote(pr, C);
        plan.steps.push_back(std::move(pr));
        PlanStep cpn = step("promote.checkpoint", "Checkpoint " + C + " (pg_rewind reads its new timeline)", C,
                            StepPhase::Promote, 60s);
        cpn.commands.push_back(exec(C, "CHECKPOINT"));
        plan.steps.push_back(std::move(cpn));

        for (const NodeFacts *s : c.siblings)
            addPgRepoint(plan, *s, cand, user);

        if (options.rejoinOldPrimary && localOld) {
            addPgLocalRejoin(plan, p, cand, user, false);
            expectedReplicas.push_back(P);
        } else if (options.rejoinOldPrimary) {
            plan.notes.push_back(pgRunbook(p, cand, user));
        }
        addPgSlotCleanup(plan, expectedReplicas);
    }
    setExpectedReplicas(plan, expectedReplicas);
    return out;
}

// ---- failover -----------------------------------------------------------------------------

PlannedOperation planFailover(const ClusterFacts &facts, const OperationOptions &options)
{
    PlannedOperation out;
    OperationPlan &plan = out.plan;
    plan.id = newOperationId();
    plan.kind = OperationKind::Failover;
    plan.engine = facts.engine;
    plan.flavor = facts.flavor;
    plan.safeMode = options.safe;
    plan.createdAtMs = nowMs();
    auto &checks = plan.checks;

    // Which node was the primary: the one the replicas point at that does not answer.
    std::string primaryName;
    if (facts.lastKnownPrimary)
        primaryName = facts.lastKnownPrimary->name;
    if (primaryName.empty()) {
        for (const NodeFacts &f : facts.nodes) {
            if (!reachable(f))
                continue;
            const std::string up = upstreamOf(f);
            for (const NodeFacts &s : facts.nodes) {
                if (!up.empty() && endpointOf(s.status) == up && !reachable(s))
                    primaryName = s.status.name;
            }
        }
    }
    if (primaryName.empty() && findPrimary(facts).empty()) {
        // The one node that does not answer.
        std::vector<std::string> down;
        for (const NodeFacts &f : facts.nodes) {
            if (!reachable(f))
                down.push_back(f.status.name);
        }
        if (down.size() == 1)
            primaryName = down.front();
    }
    plan.oldPrimary = primaryName;
    plan.nodes = planNodes(facts, primaryName);
    const NodeFacts *dead = primaryName.empty() ? nullptr : facts.find(primaryName);
    const std::string stillWritable = findPrimary(facts);
    if (!dead) {
        checks.push_back(check("primary_down", CheckLevel::Red, {},
                               stillWritable.empty() ? "cannot tell which node was the primary"
                                                     : stillWritable + " is a reachable writable primary",
                               stillWritable.empty() ? "name the failed primary" : "use a planned switchover instead"));
        return out;
    }
    if (reachable(*dead)) {
        checks.push_back(check("primary_down", CheckLevel::Red, primaryName, primaryName + " answers",
                               "use a planned switchover: the primary is up"));
        return out;
    }
    if (facts.failure && facts.failure->confirmed) {
        checks.push_back(check("primary_down", CheckLevel::Green, primaryName,
                               primaryName + " failed " + std::to_string(facts.failure->failures) + " of "
                                   + std::to_string(facts.failure->attempts) + " connection attempts over "
                                   + std::to_string(facts.failure->observed.count()) + " ms, and the replicas agree: "
                                   + join(facts.failure->findings, "; ")));
    } else if (facts.failure && !facts.failure->replicasAdvancing.empty()) {
        checks.push_back(check("primary_down", CheckLevel::Red, primaryName,
                               "the replicas still receive from " + primaryName + ": " + join(facts.failure->findings, "; "),
                               "the primary is alive and only unreachable from here: do not fail over (fix the network "
                               "path, or switch over from a place that reaches it)"));
    } else if (facts.failure && !facts.failure->replicasStillConnected.empty() && facts.failure->failures == facts.failure->attempts) {
        checks.push_back(check("primary_down", options.safe ? CheckLevel::Red : CheckLevel::Amber, primaryName,
                               "no answer from " + primaryName + ", but " + join(facts.failure->replicasStillConnected)
                                   + " still show(s) the replication connection up (nothing received meanwhile): "
                                   + join(facts.failure->findings, "; "),
                               "wait for slave_net_timeout to pass, or make sure the primary is really down (fence it)"));
    } else {
        checks.push_back(check("primary_down", CheckLevel::Amber, primaryName,
                               "not confirmed: " + (facts.failure ? join(facts.failure->findings, "; ") : std::string("not observed")),
                               "observe longer before failing over"));
    }

    plan.ranking = rankCandidates(facts, OperationKind::Failover, primaryName);
    std::string candidateName = options.candidate;
    if (candidateName.empty()) {
        if (!plan.ranking.empty() && plan.ranking.front().eligible) {
            candidateName = plan.ranking.front().node;
            plan.candidateReason = plan.ranking.front().reasons.empty() ? std::string() : plan.ranking.front().reasons.front();
        }
    } else {
        plan.candidateReason = "chosen by the operator";
    }
    const NodeFacts *candidate = candidateName.empty() ? nullptr : facts.find(candidateName);
    if (!candidate || !reachable(*candidate) || candidateName == primaryName) {
        checks.push_back(check("candidate", CheckLevel::Red, candidateName,
                               candidateName.empty() ? "no reachable replica to promote" : candidateName + " cannot be promoted",
                               "bring a replica back, or choose another"));
        return out;
    }
    plan.candidate = candidateName;
    checks.push_back(check("candidate", CheckLevel::Green, candidateName,
                           candidateName + (plan.candidateReason.empty() ? std::string() : ": " + plan.candidateReason)));

    Common c = resolveCommon(checks, facts, primaryName, candidateName, OperationKind::Failover);
    c.unreachable.erase(std::remove(c.unreachable.begin(), c.unreachable.end(), dead), c.unreachable.end());
    checks.erase(std::remove_if(checks.begin(), checks.end(),
                                [&](const PreflightCheck &k) { return k.id == "node_reachable" && k.node == primaryName; }),
                 checks.end());
    const NodeFacts &cand = *candidate;
    candidateChecks(checks, facts, c, options, false);
    candidateErrantCheck(checks, cand, dead, facts, true, options.safe);
    checkGtidAndFormats(checks, facts, c);
    checkVersions(checks, facts, cand);
    checkPrivileges(checks, facts, cand, "candidate", false, false);
    for (const NodeFacts *s : c.siblings)
        checkPrivileges(checks, facts, *s, "sibling", false, false);

    // Data: the candidate against every other replica and the primary's last known position.
    const Position cp = positionOf(cand.status);
    std::vector<std::string> ahead;
    for (const NodeFacts *s : c.siblings) {
        const Position sp = positionOf(s->status);
        const int cmp = comparePos(sp.received, cp.received);
        if (cmp == 1 || cmp == 2) {
            ahead.push_back(s->status.name);
            plan.notes.push_back(s->status.name + " received transactions " + candidateName
                                 + " lacks: " + missingText(sp.received, cp.received)
                                 + " - they are lost with this candidate, and " + s->status.name + " may not be able to follow it");
        }
    }
    bool lossKnown = false;
    if (facts.lastKnownPrimary) {
        const NodeStatus &last = *facts.lastKnownPrimary;
        routing::ReplicationPosition lastPos;
        if (facts.engine == Engine::PostgreSQL) {
            if (last.currentLsn)
                lastPos = routing::Lsn(*last.currentLsn);
        } else {
            lastPos = parsePos(facts.flavor, last.gtidExecuted);
        }
        if (!lastPos.empty()) {
            lossKnown = true;
            const int cmp = comparePos(lastPos, cp.received);
            if (cmp == 1 || cmp == 2) {
                plan.notes.push_back("The primary was last seen at " + lastPos.toString() + "; " + candidateName
                                     + " has received up to " + cp.received.toString() + ": may be lost: "
                                     + missingText(lastPos, cp.received));
                checks.push_back(check("data_loss", options.safe ? CheckLevel::Red : CheckLevel::Amber, candidateName,
                                       candidateName + " lacks transactions the primary had when last seen: "
                                           + missingText(lastPos, cp.received),
                                       options.safe ? "safe mode refuses: bring the old primary back, or fail over without safe mode "
                                                      "accepting the loss"
                                                    : "these transactions are lost unless the old primary comes back"));
            } else {
                checks.push_back(check("data_loss", CheckLevel::Green, candidateName,
                                       candidateName + " has received everything the primary had when last seen ("
                                           + lastPos.toString() + ")"));
            }
        }
    }
    if (!ahead.empty()) {
        checks.push_back(check("most_advanced", options.safe ? CheckLevel::Red : CheckLevel::Amber, candidateName,
                               join(ahead) + " received more than " + candidateName,
                               "promote the most advanced replica (the recommended one)"));
    } else {
        checks.push_back(check("most_advanced", CheckLevel::Green, candidateName,
                               candidateName + " has received at least as much as every reachable replica (" + cp.text + ")"));
    }
    if (!lossKnown) {
        plan.notes.push_back("The primary's last position is unknown here: transactions it committed that no replica "
                             "received are lost. " + candidateName + " has everything any reachable replica received ("
                             + cp.text + ").");
        checks.push_back(check("data_loss", CheckLevel::Amber, candidateName,
                               "the primary's last position is unknown: what it committed and no replica received "
                               "cannot be counted",
                               "run the failover from the console that monitored the cluster (it knows the last "
                               "position), or accept"));
    }

    const std::string P = primaryName, C = candidateName;
    const bool localOld = std::find(options.locallyControlled.begin(), options.locallyControlled.end(), P)
                          != options.locallyControlled.end();
    std::vector<std::string> expectedReplicas;
    for (const NodeFacts *s : c.siblings)
        expectedReplicas.push_back(s->status.name);
    // Replicas of the dead primary that did not replicate "directly" by our endpoint match
    // (e.g. they still point at it but the IO thread is down): treat every reachable replica
    // whose source is the dead primary as a sibling - resolveCommon did.

    PlanStep v = step("verify.down", "Check that " + P + " is still down", P, StepPhase::Verify, 5s);
    StepCommand down;
    down.kind = CommandKind::ExpectUnreachable;
    down.node = P;
    down.failureHint = "the old primary answers again: use a switchover instead";
    v.commands.push_back(down);
    plan.steps.push_back(std::move(v));

    // Fence the old primary: stop it if the console controls it, else try to make it read-only.
    if (localOld) {
        PlanStep f = step("fence." + P, "Make sure " + P + "'s server is stopped (fence)", P, StepPhase::Prepare, 30s);
        f.commands.push_back(local(P, LocalAction::StopServer, "stop the server process of " + P + " (if running)"));
        plan.steps.push_back(std::move(f));
    } else {
        PlanStep f = step("fence." + P, "Fence " + P + " if it is reachable at all", P, StepPhase::Prepare, 3s);
        f.optional = true;
        if (facts.engine == Engine::PostgreSQL) {
            f.commands.push_back(exec(P, "ALTER SYSTEM SET default_transaction_read_only = on"));
            f.commands.push_back(exec(P, "SELECT pg_reload_conf()"));
        } else {
            f.commands.push_back(exec(P, isMaria(facts) ? "SET GLOBAL read_only = ON" : "SET GLOBAL super_read_only = ON"));
        }
        plan.steps.push_back(std::move(f));
        plan.notes.push_back("Keep " + P + " down (power it off or block its port) until it is rejoined: if it comes back "
                             "writable, applications could write to two primaries.");
    }

    if (facts.engine == Engine::MySQL) {
        Sql sql{facts.flavor, fullVersion(cand.status)};
        // Stop fetching from the old primary on every replica, so positions stay put.
        PlanStep st = step("prepare.stop_io", "Stop the replicas' IO threads (positions stay put)", C, StepPhase::Prepare, 10s);
        st.commands.push_back(exec(C, sql.stopIo()));
        st.undo.push_back(exec(C, sql.startIo()));
        for (const NodeFacts *s : c.siblings) {
            st.commands.push_back(exec(s->status.name, sql.stopIo()));
            st.undo.push_back(exec(s->status.name, sql.startIo()));
        }
        plan.steps.push_back(std::move(st));
        PlanStep w = step("catchup.relay_log", "Let " + C + " apply everything it received", C, StepPhase::CatchUp,
                          std::chrono::duration_cast<std::chrono::milliseconds>(options.catchUpTimeout) + 2s);
        w.commands.push_back(capture(C, sql.statusQuery(), "received_position", sql.receivedColumn()));
        w.commands.push_back(expect(C, sql.wait("received_position", options.catchUpTimeout), "0",
                                    "the candidate did not apply its relay log in time"));
        plan.steps.push_back(std::move(w));
        PlanStep pr = step("promote", "Promote " + C, C, StepPhase::Promote, 10s);
        pr.promote = true;
        pr.commands.push_back(exec(C, sql.stopReplica()));
        pr.commands.push_back(exec(C, sql.resetAll()));
        for (const std::string &s : sql.unfreeze())
            pr.commands.push_back(exec(C, s));
        for (const std::string &s : sql.freeze())
            pr.undo.push_back(exec(C, s));
        plan.steps.push_back(std::move(pr));
        for (const NodeFacts *s : c.siblings) {
            const std::string n = s->status.name;
            PlanStep r = step("repoint." + n, "Point " + n + " at " + C, n, StepPhase::Repoint, 15s);
            r.commands.push_back(exec(n, sql.stopReplica()));
            r.commands.push_back(exec(n, sql.repoint(cand.status.host, cand.status.port)));
            r.commands.push_back(exec(n, sql.startReplica()));
            plan.steps.push_back(std::move(r));
        }
        plan.notes.push_back("When " + P + " is back, rejoin it (it must not take writes: it starts writable unless "
                             "configured read_only); the rejoin checks it holds nothing " + C + " lacks.");
    } else {
        const std::string user = options.replication.user;
        out.secrets = secretsFor(plan, options.replication);
        plan.secretNames = {"replication_password"};
        if (!c.siblings.empty() && !options.replication.available())
            checks.push_back(check("replication_credentials", CheckLevel::Red, {},
                                   "no replication account to write into the standbys' primary_conninfo",
                                   "give the replication account (--replication-user and its password)"));
        std::vector<std::string> slotFor;
        for (const NodeFacts *s : c.siblings)
            slotFor.push_back(s->status.name);
        if (localOld && options.rejoinOldPrimary)
            slotFor.push_back(P);
        addPgSlots(plan, C, slotFor, StepPhase::Prepare);
        PlanStep pr = step("promote", "Promote " + C + " (pg_promote)", C, StepPhase::Promote,
                           std::chrono::duration_cast<std::chrono::milliseconds>(options.promoteTimeout) + 5s);
        pr.promote = true;
        addPgPromote(pr, C);
        plan.steps.push_back(std::move(pr));
        PlanStep cpn = step("promote.checkpoint", "Checkpoint " + C, C, StepPhase::Promote, 60s);
        cpn.commands.push_back(exec(C, "CHECKPOINT"));
        plan.steps.push_back(std::move(cpn));
        for (const NodeFacts *s : c.siblings)
            addPgRepoint(plan, *s, cand, user);
        if (localOld && options.rejoinOldPrimary && options.replication.available()) {
            if (dead->status.walLogHints == false && dead->status.dataChecksums != true)
                plan.notes.push_back(P + " has neither wal_log_hints nor data checksums: the rewind will fail; rebuild it");
            addPgLocalRejoin(plan, *dead, cand, user, true);
            expectedReplicas.push_back(P);
        } else {
            plan.notes.push_back(pgRunbook(*dead, cand, user));
        }
        addPgSlotCleanup(plan, expectedReplicas);
    }
    setExpectedReplicas(plan, expectedReplicas);
    return out;
}

// ---- rejoin -------------------------------------------------------------------------------

PlannedOperation planRejoin(const ClusterFacts &facts, const std::string &node, const OperationOptions &options)
{
    PlannedOperation out;
    OperationPlan &plan = out.plan;
    plan.id = newOperationId();
    plan.kind = OperationKind::Rejoin;
    plan.engine = facts.engine;
    plan.flavor = facts.flavor;
    plan.createdAtMs = nowMs();
    auto &checks = plan.checks;
    // The primary: the one writable node other than `node` (a returning old primary may be
    // writable too).
    std::string primaryName;
    int primaries = 0;
    for (const NodeFacts &f : facts.nodes) {
        if (f.status.name != node && reachable(f) && f.status.role == NodeRole::Primary && f.status.readOnly == false) {
            primaryName = f.status.name;
            ++primaries;
        }
    }
    plan.candidate = primaryName;
    plan.oldPrimary = node;
    plan.nodes = planNodes(facts, primaryName);
    const NodeFacts *target = facts.find(node);
    const bool localNode = std::find(options.locallyControlled.begin(), options.locallyControlled.end(), node)
                           != options.locallyControlled.end();
    if (primaries != 1) {
        checks.push_back(check("single_primary", CheckLevel::Red, {}, primaries == 0 ? "no writable primary besides " + node
                                                                                     : "several writable primaries",
                               "fix the primary first"));
        return out;
    }
    const NodeFacts &p = *facts.find(primaryName);
    checks.push_back(check("single_primary", CheckLevel::Green, primaryName, primaryName + " is the primary"));
    if (!target || (!reachable(*target) && !(localNode && facts.engine == Engine::PostgreSQL))) {
        checks.push_back(check("node_reachable", CheckLevel::Red, node, node + " is not reachable",
                               "start it first (it must not take writes)"));
        return out;
    }
    checkReplicationCredentials(checks, p, options, node, true);
    const std::string N = node, P = primaryName;
    if (facts.engine == Engine::MySQL) {
        const auto errant = errantGtids(target->status, p.status);
        if (errant.empty())
            checks.push_back(check("errant_gtids", CheckLevel::Green, N, N + " holds nothing " + P + " lacks"));
        else
            checks.push_back(check("errant_gtids", CheckLevel::Red, N,
                                   N + " has transactions " + P + " never executed: " + join(errant)
                                       + " (written after the failover, or never replicated)",
                                   "these are lost from the cluster's view: save them if needed, then rebuild " + N
                                       + " from " + P));
        checkPrivileges(checks, facts, *target, "primary", false, false);
        Sql sql{facts.flavor, fullVersion(target->status)};
        out.secrets = secretsFor(plan, options.replication);
        plan.secretNames = {"replication_password"};
        PlanStep v = step("verify.state", "Check that " + P + " is the writable primary", P, StepPhase::Verify, 5s);
        v.commands.push_back(expect(P, "SELECT @@GLOBAL.read_only", "0", "the primary changed: re-plan"));
        plan.steps.push_back(std::move(v));
        PlanStep f = step("rejoin.fence", "Make " + N + " read-only", N, StepPhase::Freeze, 10s);
        for (const std::string &s : sql.freeze())
            f.commands.push_back(exec(N, s));
        plan.steps.push_back(std::move(f));
        PlanStep again = step("rejoin.errant", "Check again that " + N + " holds nothing " + P + " lacks", N,
                              StepPhase::Verify, 5s);
        if (sql.maria())
            again.commands.push_back(capture(N, "SELECT @@GLOBAL.gtid_binlog_state", "node_state"));
        plan.steps.push_back(std::move(again));
        PlanStep pr = step("promote", "Make " + N + " a replica of " + P, N, StepPhase::Rejoin, 15s);
        pr.promote = true;
        pr.commands.push_back(exec(N, sql.stopReplica()));
        if (sql.maria())
            pr.commands.push_back(exec(N, target->status.logReplicaUpdates == true
                                              ? "SET GLOBAL gtid_slave_pos = @@GLOBAL.gtid_binlog_pos"
                                              : "SET GLOBAL gtid_slave_pos = @@GLOBAL.gtid_current_pos"));
        pr.commands.push_back(exec(N, sql.changeWithAccount(p.status.host, p.status.port, options.replication.user)));
        pr.commands.push_back(exec(N, sql.startReplica()));
        plan.steps.push_back(std::move(pr));
    } else {
        out.secrets = secretsFor(plan, options.replication);
        plan.secretNames = {"replication_password"};
        if (!localNode) {
            checks.push_back(check("local_control", CheckLevel::Red, N,
                                   "the console cannot reach " + N + "'s data directory", "follow the runbook in the notes"));
            plan.notes.push_back(pgRunbook(*target, p, options.replication.user));
            return out;
        }
        addPgSlots(plan, P, {N}, StepPhase::Prepare);
        addPgLocalRejoin(plan, *target, p, options.replication.user, false);
        plan.steps.back().promote = true;
    }
    setExpectedReplicas(plan, {N});
    return out;
}

Secrets secretsFor(const OperationPlan &plan, const ReplicationCredentials &replication)
{
    Secrets s;
    (void)plan;
    if (!replication.password.empty())
        s["replication_password"] = replication.password;
    return s;
}

// ---- post-checks --------------------------------------------------------------------------

std::vector<PreflightCheck> postChecks(const ClusterFacts &facts, const std::string &expectedPrimary,
                                       const std::vector<std::string> &expectedReplicas)
{
    std::vector<PreflightCheck> out;
    std::vector<std::string> writable;
    for (const NodeFacts &f : facts.nodes) {
        if (reachable(f) && f.status.readOnly == false)
            writable.push_back(f.status.name);
    }
    if (writable.size() == 1 && writable.front() == expectedPrimary)
        out.push_back(check("post_single_primary", CheckLevel::Green, expectedPrimary,
                            expectedPrimary + " is the one writable primary"));
    else
        out.push_back(check("post_single_primary", CheckLevel::Red, expectedPrimary,
                            writable.empty() ? "no writable node" : "writable: " + join(writable) + " (expected only " + expectedPrimary + ")",
                            "look at the nodes now: make every node but " + expectedPrimary + " read-only"));
    const NodeFacts *primary = facts.find(expectedPrimary);
    const std::string primaryEndpoint = primary ? endpointOf(primary->status) : std::string();
    for (const std::string &name : expectedReplicas) {
        const NodeFacts *f = facts.find(name);
        if (!f || !reachable(*f)) {
            out.push_back(check("post_replicating", CheckLevel::Red, name, name + " is not reachable",
                                "check the server; rejoin it when it is back"));
            continue;
        }
        const NodeStatus &s = f->status;
        const bool source = !s.channels.empty() && sourceOf(s) == primaryEndpoint;
        const bool running = s.ioThreadRunning == true && s.sqlThreadRunning != false;
        if (source && running)
            out.push_back(check("post_replicating", CheckLevel::Green, name,
                                name + " replicates from " + expectedPrimary + ", both threads running"));
        else
            out.push_back(check("post_replicating", CheckLevel::Red, name,
                                s.channels.empty() ? name + " does not replicate"
                                : !source ? name + " replicates from " + sourceOf(s) + ", not " + expectedPrimary
                                          : name + " replicates from " + expectedPrimary + " but a thread is not running"
                                                + (s.replicationError.empty() ? std::string() : ": " + s.replicationError),
                                "look at " + name + "'s replication status and error log"));
        if (primary && facts.engine == Engine::MySQL) {
            const auto errant = errantGtids(s, primary->status);
            if (!errant.empty())
                out.push_back(check("post_errant_gtids", CheckLevel::Red, name, "errant GTIDs on " + name + ": " + join(errant),
                                    "find their origin; inject empty transactions on the primary or rebuild " + name));
        }
    }
    if (std::none_of(out.begin(), out.end(), [](const PreflightCheck &c) { return c.id == "post_errant_gtids"; })
        && facts.engine == Engine::MySQL)
        out.push_back(check("post_errant_gtids", CheckLevel::Green, {}, "no errant GTIDs"));
    return out;
}

} // namespace switchyard::core
