#include "switchyard/core/snapshot.h"

#include <algorithm>
#include <charconv>
#include <chrono>

namespace switchyard::core {

std::string_view nodeRoleName(NodeRole role)
{
    switch (role) {
    case NodeRole::Primary: return "primary";
    case NodeRole::Replica: return "replica";
    case NodeRole::Unknown: break;
    }
    return "unknown";
}

std::string_view reachabilityName(Reachability reachability)
{
    switch (reachability) {
    case Reachability::Reachable: return "reachable";
    case Reachability::Unreachable: return "unreachable";
    case Reachability::NoAnswer: return "no_answer";
    case Reachability::Unknown: break;
    }
    return "unknown";
}

std::string_view edgeStateName(EdgeState state)
{
    switch (state) {
    case EdgeState::Running: return "running";
    case EdgeState::Lagging: return "lagging";
    case EdgeState::Stopped: return "stopped";
    case EdgeState::Error: return "error";
    case EdgeState::Unknown: break;
    }
    return "unknown";
}

std::string_view severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Critical: return "critical";
    }
    return "warning";
}

std::string_view problemKindName(ProblemKind kind)
{
    switch (kind) {
    case ProblemKind::PrimaryUnreachable: return "primary_unreachable";
    case ProblemKind::NodeUnreachable: return "node_unreachable";
    case ProblemKind::ReplicationIoStopped: return "replication_io_stopped";
    case ProblemKind::ReplicationSqlStopped: return "replication_sql_stopped";
    case ProblemKind::ReplicationError: return "replication_error";
    case ProblemKind::LagWarning: return "lag_warning";
    case ProblemKind::LagCritical: return "lag_critical";
    case ProblemKind::LagUnknown: return "lag_unknown";
    case ProblemKind::ReadOnlyMismatch: return "read_only_mismatch";
    case ProblemKind::MultiplePrimaries: return "multiple_primaries";
    case ProblemKind::NoPrimary: return "no_primary";
    case ProblemKind::ErrantGtid: return "errant_gtid";
    case ProblemKind::InactiveSlot: return "inactive_slot";
    case ProblemKind::SwitchoverBlocker: return "switchover_blocker";
    }
    return "unknown";
}

const NodeStatus *ClusterSnapshot::find(std::string_view name) const
{
    auto it = std::find_if(nodes.begin(), nodes.end(), [&](const NodeStatus &n) { return n.name == name; });
    return it == nodes.end() ? nullptr : &*it;
}

int ClusterSnapshot::countReachable() const
{
    return static_cast<int>(std::count_if(nodes.begin(), nodes.end(), [](const NodeStatus &n) {
        return n.reachability == Reachability::Reachable;
    }));
}

namespace {

std::optional<double> toDouble(const std::optional<std::string> &text)
{
    if (!text || text->empty())
        return std::nullopt;
    double v = 0;
    auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
    if (ec != std::errc())
        return std::nullopt;
    return v;
}

std::optional<bool> yesNo(const std::optional<std::string> &text)
{
    if (!text)
        return std::nullopt;
    if (*text == "Yes" || *text == "1" || *text == "t" || *text == "ON" || *text == "true")
        return true;
    if (*text == "No" || *text == "0" || *text == "f" || *text == "OFF" || *text == "false" || *text == "Connecting")
        return false;
    return std::nullopt;
}

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// MySQL 8.0.22+ renamed SHOW REPLICA STATUS columns (Replica_*, Source_*); MariaDB 10.11
// still returns the Slave_*/Master_* names. Look up whichever the server sent.
std::optional<std::string> replicaColumn(const QueryResult &r, std::string_view oldName, std::string_view newName)
{
    if (r.columnIndex(oldName) >= 0)
        return r.value(0, oldName);
    return r.value(0, newName);
}

Status probeMySql(Connection &c, NodeStatus &s)
{
    // Read read_only on its own: MariaDB misreports it in a query that also reads InnoDB tables.
    auto vars = c.query("SELECT @@global.read_only, @@version, @@server_id");
    ++s.queriesLastRound;
    if (!vars)
        return vars.error();
    if (vars->rows.empty() || vars->rows[0].size() < 3)
        return makeError(ErrorCode::Internal, "empty answer to the variables probe", c.options().label());
    s.readOnly = yesNo(vars->rows[0][0]);
    s.version = vars->rows[0][1].value_or(std::string());
    s.serverId = static_cast<std::int64_t>(toDouble(vars->rows[0][2]).value_or(0));

    auto repl = c.query("SHOW SLAVE STATUS");
    ++s.queriesLastRound;
    if (!repl)
        return repl.error();
    if (repl->rows.empty()) {
        s.role = NodeRole::Primary;
        s.lagSeconds.reset();
        s.replicationSource.clear();
        s.ioThreadRunning.reset();
        s.sqlThreadRunning.reset();
        s.replicationError.clear();
        return okStatus();
    }
    s.role = NodeRole::Replica;
    const auto host = replicaColumn(*repl, "Master_Host", "Source_Host").value_or(std::string());
    const auto port = replicaColumn(*repl, "Master_Port", "Source_Port").value_or(std::string());
    s.replicationSource = host + ":" + port;
    s.ioThreadRunning = yesNo(replicaColumn(*repl, "Slave_IO_Running", "Replica_IO_Running"));
    s.sqlThreadRunning = yesNo(replicaColumn(*repl, "Slave_SQL_Running", "Replica_SQL_Running"));
    // NULL Seconds_Behind_Master means "unknown" (a thread is stopped), never 0.
    s.lagSeconds = toDouble(replicaColumn(*repl, "Seconds_Behind_Master", "Seconds_Behind_Source"));
    std::string err = replicaColumn(*repl, "Last_IO_Error", "Last_IO_Error").value_or(std::string());
    const std::string sqlErr = replicaColumn(*repl, "Last_SQL_Error", "Last_SQL_Error").value_or(std::string());
    if (!sqlErr.empty())
        err = err.empty() ? sqlErr : err + "; " + sqlErr;
    s.replicationError = err;
    return okStatus();
}

Status probePostgres(Connection &c, NodeStatus &s)
{
    // One statement: role, version and, on a standby, lag. Replay lag is 0 only when everything
    // received has been replayed; otherwise the age of the last replayed transaction.
    auto r = c.query(
        "SELECT pg_is_in_recovery(), current_setting('server_version'),"
        " CASE WHEN NOT pg_is_in_recovery() THEN NULL"
        "      WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
        "      ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) END,"
        " (SELECT status FROM pg_stat_wal_receiver LIMIT 1),"
        " (SELECT sender_host || ':' || sender_port FROM pg_stat_wal_receiver LIMIT 1),"
        " CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() END");
    ++s.queriesLastRound;
    if (!r)
        return r.error();
    if (r->rows.empty() || r->rows[0].size() < 6)
        return makeError(ErrorCode::Internal, "empty answer to the status probe", c.options().label());
    const auto &row = r->rows[0];
    const bool inRecovery = yesNo(row[0]).value_or(false);
    s.version = row[1].value_or(std::string());
    s.readOnly = inRecovery;
    s.role = inRecovery ? NodeRole::Replica : NodeRole::Primary;
    if (!inRecovery) {
        s.lagSeconds.reset();
        s.replicationSource.clear();
        s.ioThreadRunning.reset();
        s.sqlThreadRunning.reset();
        return okStatus();
    }
    s.lagSeconds = toDouble(row[2]);
    s.ioThreadRunning = row[3] ? std::optional<bool>(*row[3] == "streaming") : std::optional<bool>(false);
    s.replicationSource = row[4].value_or(std::string());
    if (auto paused = yesNo(row[5]))
        s.sqlThreadRunning = !*paused;
    s.replicationError = (s.ioThreadRunning == false) ? std::string("WAL receiver is not streaming") : std::string();
    return okStatus();
}

} // namespace

Status probeNode(Connection &connection, NodeStatus &status)
{
    const auto started = std::chrono::steady_clock::now();
    status.queriesLastRound = 0;
    const ServerInfo &info = connection.serverInfo();
    status.flavor = info.flavor;
    Status result = connection.options().engine == Engine::PostgreSQL ? probePostgres(connection, status)
                                                                      : probeMySql(connection, status);
    status.roundTripMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - started).count();
    if (result) {
        status.reachability = Reachability::Reachable;
        status.lastError.reset();
        status.checkedAtMs = nowMs();
    } else {
        status.reachability = Reachability::Unreachable;
        status.lastError = result.error();
    }
    return result;
}

} // namespace switchyard::core
