#include "switchyard/core/probe.h"

#include "sql_values.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>

namespace switchyard::core {

namespace {

using sqlvalue::toBool;
using sqlvalue::toDouble;
using sqlvalue::toU64;
using sqlvalue::text;

// The value of whichever of the two column names the server sent.
std::optional<std::string> col(const QueryResult &r, std::size_t row, std::string_view oldName, std::string_view newName)
{
    if (r.columnIndex(oldName) >= 0)
        return r.value(row, oldName);
    return r.value(row, newName);
}

Result<QueryResult> run(Connection &c, NodeStatus &s, std::string_view sql)
{
    ++s.queriesLastRound;
    return c.query(sql);
}

Status probeMySqlFamily(Connection &c, NodeStatus &s)
{
    const bool maria = c.serverInfo().flavor == Flavor::MariaDB;
    const int version = c.serverInfo().versionNumber;

    // (1) Variables. Nothing else in this statement: MariaDB misreports @@read_only in a query
    // that also reads InnoDB tables.
    auto vars = run(c, s,
                    maria ? "SELECT @@global.read_only, @@version, @@server_id, @@global.gtid_binlog_pos,"
                            " @@global.gtid_binlog_state, @@global.gtid_current_pos, @@global.gtid_slave_pos,"
                            " @@global.gtid_domain_id, @@global.log_bin, @@global.binlog_format,"
                            " @@global.log_slave_updates, @@global.rpl_semi_sync_master_enabled,"
                            " @@global.rpl_semi_sync_slave_enabled"
                          : "SELECT @@global.read_only, @@version, @@server_id, @@global.gtid_executed,"
                            " @@global.server_uuid, @@global.gtid_mode, @@global.log_bin, @@global.binlog_format,"
                            " @@global.log_slave_updates, @@global.super_read_only");
    if (!vars)
        return vars.error();
    if (vars->rows.empty())
        return makeError(ErrorCode::Internal, "no row from the variables probe", c.options().label());
    auto v = [&](std::size_t i) { return i < vars->rows[0].size() ? vars->rows[0][i] : std::nullopt; };
    s.readOnly = toBool(v(0));
    s.version = text(v(1));
    s.serverId = static_cast<std::int64_t>(toU64(v(2)).value_or(0));
    if (maria) {
        s.gtidExecuted = text(v(3));
        s.gtidBinlogState = text(v(4));
        s.gtidCurrentPos = text(v(5));
        s.gtidSlavePos = text(v(6));
        s.gtidDomainId = text(v(7));
        s.logBin = toBool(v(8));
        s.binlogFormat = s.logBin == true ? text(v(9)) : std::string();
        s.logReplicaUpdates = toBool(v(10));
        const bool src = toBool(v(11)).value_or(false), rep = toBool(v(12)).value_or(false);
        s.semiSync = src && rep ? "both" : src ? "source" : rep ? "replica" : "";
        s.gtidMode = !s.gtidBinlogState.empty() || !s.gtidSlavePos.empty();
    } else {
        s.gtidExecuted = text(v(3));
        s.serverUuid = text(v(4));
        s.gtidMode = text(v(5)) == "ON";
        s.logBin = toBool(v(6));
        s.binlogFormat = s.logBin == true ? text(v(7)) : std::string();
        s.logReplicaUpdates = toBool(v(8));
        s.superReadOnly = toBool(v(9));
    }

    // (2) Replication channels.
    const char *statusSql = maria ? "SHOW ALL SLAVES STATUS"
                            : version >= 80022 ? "SHOW REPLICA STATUS"
                                               : "SHOW SLAVE STATUS";
    auto repl = run(c, s, statusSql);
    if (!repl)
        return repl.error();
    s.channels = parseReplicaStatus(*repl);

    // (3) Replicas that registered with this node (report_host/report_port).
    // MariaDB 10.5+ wants REPLICATION MASTER ADMIN for this; a least-privilege monitor account
    // may lack it. Then the processlist below still shows connected replicas (without ports).
    auto hosts = run(c, s, maria || version < 80022 ? "SHOW SLAVE HOSTS" : "SHOW REPLICAS");
    constexpr int kAccessDenied = 1227;
    if (!hosts && hosts.error().serverCode != kAccessDenied)
        return hosts.error();
    s.downstream.clear();
    for (std::size_t i = 0; hosts && i < hosts->rows.size(); ++i) {
        DownstreamReplica d;
        d.host = text(hosts->value(i, "Host"));
        d.port = static_cast<std::uint16_t>(toU64(hosts->value(i, "Port")).value_or(0));
        d.serverId = static_cast<std::int64_t>(toU64(col(*hosts, i, "Server_id", "Server_Id")).value_or(0));
        d.state = "registered";
        s.downstream.push_back(std::move(d));
    }

    // (4) Binlog dump threads (replicas connected now, including those that did not register)
    // and the throughput counters, in one statement to stay within the polling budget.
    const char *statusTable = maria ? "information_schema.GLOBAL_STATUS" : "performance_schema.global_status";
    const std::string fourth =
        std::string("SELECT 'dump', SUBSTRING_INDEX(HOST, ':', 1), COMMAND FROM information_schema.PROCESSLIST"
                    " WHERE COMMAND LIKE 'Binlog Dump%' UNION ALL SELECT 'status', UPPER(VARIABLE_NAME), VARIABLE_VALUE"
                    " FROM ")
        + statusTable
        + " WHERE UPPER(VARIABLE_NAME) IN ('QUESTIONS', 'COM_COMMIT', 'COM_ROLLBACK', 'INNODB_ROWS_READ',"
          " 'INNODB_ROWS_INSERTED', 'INNODB_ROWS_UPDATED', 'INNODB_ROWS_DELETED', 'THREADS_CONNECTED',"
          " 'THREADS_RUNNING', 'UPTIME', 'ROWS_READ', 'HANDLER_WRITE', 'HANDLER_UPDATE', 'HANDLER_DELETE')";
    auto fourthResult = run(c, s, fourth);
    if (!fourthResult)
        return fourthResult.error();
    QueryResult dumpRows;
    s.counters = NodeCounters();
    // MariaDB 10.6+ has no Innodb_rows_*: its Rows_read and Handler_write/update/delete stand in.
    std::optional<std::uint64_t> rowsReadAlt, writeAlt, updateAlt, deleteAlt;
    for (const auto &row : fourthResult->rows) {
        if (row.size() < 3)
            continue;
        if (text(row[0]) == "dump") {
            dumpRows.rows.push_back({row[1], row[2]});
            continue;
        }
        const std::string name = text(row[1]);
        const auto value = toU64(row[2]);
        NodeCounters &k = s.counters;
        if (name == "QUESTIONS") k.queries = value;
        else if (name == "COM_COMMIT") k.commits = value;
        else if (name == "COM_ROLLBACK") k.rollbacks = value;
        else if (name == "INNODB_ROWS_READ") k.rowsRead = value;
        else if (name == "INNODB_ROWS_INSERTED") k.rowsInserted = value;
        else if (name == "INNODB_ROWS_UPDATED") k.rowsUpdated = value;
        else if (name == "INNODB_ROWS_DELETED") k.rowsDeleted = value;
        else if (name == "THREADS_CONNECTED" && value) k.connections = static_cast<std::int64_t>(*value);
        else if (name == "THREADS_RUNNING" && value) k.threadsRunning = static_cast<std::int64_t>(*value);
        else if (name == "UPTIME") k.uptimeSeconds = value;
        else if (name == "ROWS_READ") rowsReadAlt = value;
        else if (name == "HANDLER_WRITE") writeAlt = value;
        else if (name == "HANDLER_UPDATE") updateAlt = value;
        else if (name == "HANDLER_DELETE") deleteAlt = value;
    }
    if (!s.counters.rowsRead)
        s.counters.rowsRead = rowsReadAlt;
    if (!s.counters.rowsInserted && !s.counters.rowsUpdated && !s.counters.rowsDeleted) {
        s.counters.rowsInserted = writeAlt;
        s.counters.rowsUpdated = updateAlt;
        s.counters.rowsDeleted = deleteAlt;
    }
    const QueryResult *dumps = &dumpRows;
    std::size_t registered = s.downstream.size();
    std::vector<bool> matched(registered, false);
    for (const auto &row : dumps->rows) {
        const std::string host = text(row.size() > 0 ? row[0] : std::nullopt);
        const std::string command = text(row.size() > 1 ? row[1] : std::nullopt);
        bool found = false;
        for (std::size_t i = 0; i < registered; ++i) {
            if (!matched[i] && s.downstream[i].host == host) {
                matched[i] = true;
                s.downstream[i].state = command;
                found = true;
                break;
            }
        }
        if (!found) {
            DownstreamReplica d;
            d.host = host;
            d.state = command;
            s.downstream.push_back(std::move(d));
        }
    }
    for (std::size_t i = 0; i < registered; ++i) {
        if (!matched[i])
            s.downstream[i].state = "registered, not connected";
    }
    return okStatus();
}

Status probePostgres(Connection &c, NodeStatus &s)
{
    // (1) Everything about the node itself. LSNs as byte numbers (pg_wal_lsn_diff from 0/0).
    auto r = run(c, s,
                 "SELECT pg_is_in_recovery(), current_setting('server_version'),"
                 " (SELECT system_identifier::text FROM pg_control_system()),"
                 " COALESCE(w.received_tli, (SELECT timeline_id FROM pg_control_checkpoint())),"
                 " current_setting('wal_log_hints'), current_setting('data_checksums'),"
                 " (CASE WHEN pg_is_in_recovery() THEN pg_wal_lsn_diff(pg_last_wal_receive_lsn(), '0/0')"
                 "       ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0') END)::bigint,"
                 " (CASE WHEN pg_is_in_recovery() THEN pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0') END)::bigint,"
                 " CASE WHEN NOT pg_is_in_recovery() THEN NULL"
                 "      WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
                 "      ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) END,"
                 " w.status, w.sender_host, w.sender_port, w.slot_name,"
                 " CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() END,"
                 " d.commits, d.rollbacks, d.rows_read, d.ins, d.upd, d.del, d.backends,"
                 " (SELECT count(*) FROM pg_stat_activity WHERE state = 'active'),"
                 " EXTRACT(EPOCH FROM now() - pg_postmaster_start_time())::bigint"
                 " FROM (SELECT 1) AS one LEFT JOIN pg_stat_wal_receiver AS w ON true"
                 " CROSS JOIN (SELECT sum(xact_commit)::bigint AS commits, sum(xact_rollback)::bigint AS rollbacks,"
                 "   sum(tup_returned + tup_fetched)::bigint AS rows_read, sum(tup_inserted)::bigint AS ins,"
                 "   sum(tup_updated)::bigint AS upd, sum(tup_deleted)::bigint AS del,"
                 "   sum(numbackends)::bigint AS backends FROM pg_stat_database) AS d");
    if (!r)
        return r.error();
    if (r->rows.empty())
        return makeError(ErrorCode::Internal, "no row from the status probe", c.options().label());
    const auto &row = r->rows[0];
    auto v = [&](std::size_t i) { return i < row.size() ? row[i] : std::nullopt; };
    const bool inRecovery = toBool(v(0)).value_or(false);
    s.version = text(v(1));
    s.serverUuid = text(v(2));
    if (auto tli = toU64(v(3)))
        s.timeline = static_cast<int>(*tli);
    s.walLogHints = toBool(v(4));
    s.dataChecksums = toBool(v(5));
    s.currentLsn = toU64(v(6));
    s.readOnly = inRecovery;
    s.counters = NodeCounters();
    s.counters.commits = toU64(v(14));
    s.counters.rollbacks = toU64(v(15));
    s.counters.rowsRead = toU64(v(16));
    s.counters.rowsInserted = toU64(v(17));
    s.counters.rowsUpdated = toU64(v(18));
    s.counters.rowsDeleted = toU64(v(19));
    if (auto b = toU64(v(20)))
        s.counters.connections = static_cast<std::int64_t>(*b);
    if (auto a = toU64(v(21)))
        s.counters.threadsRunning = static_cast<std::int64_t>(*a);
    s.counters.uptimeSeconds = toU64(v(22));
    s.channels.clear();
    if (inRecovery) {
        ReplicationChannel ch;
        ch.replayedLsn = toU64(v(7));
        ch.receivedLsn = s.currentLsn;
        ch.lagSeconds = toDouble(v(8));
        const std::string status = text(v(9));
        ch.ioRunning = status == "streaming";
        ch.ioConnecting = status == "starting" || status == "restarting" || status == "waiting";
        ch.ioError = status.empty() ? "no WAL receiver" : (status == "streaming" ? "" : "WAL receiver " + status);
        ch.sourceHost = text(v(10));
        ch.sourcePort = static_cast<std::uint16_t>(toU64(v(11)).value_or(0));
        ch.name = text(v(12));
        if (auto paused = toBool(v(13)))
            ch.sqlRunning = !*paused;
        s.channels.push_back(std::move(ch));
    }

    // (2) Standbys streaming from this node.
    auto reps = run(c, s,
                    "SELECT application_name, host(client_addr), state, sync_state,"
                    " pg_wal_lsn_diff(sent_lsn, '0/0')::bigint, pg_wal_lsn_diff(flush_lsn, '0/0')::bigint,"
                    " pg_wal_lsn_diff(replay_lsn, '0/0')::bigint, EXTRACT(EPOCH FROM replay_lag)"
                    " FROM pg_stat_replication");
    if (!reps)
        return reps.error();
    s.downstream.clear();
    for (const auto &rr : reps->rows) {
        auto f = [&](std::size_t i) { return i < rr.size() ? rr[i] : std::nullopt; };
        DownstreamReplica d;
        d.applicationName = text(f(0));
        d.host = text(f(1));
        d.state = text(f(2));
        d.syncState = text(f(3));
        d.sentLsn = toU64(f(4));
        d.flushLsn = toU64(f(5));
        d.replayLsn = toU64(f(6));
        d.replayLagSeconds = toDouble(f(7));
        s.downstream.push_back(std::move(d));
    }

    // (3) Replication slots and the WAL each keeps.
    auto slots = run(c, s,
                     "SELECT slot_name, slot_type, active,"
                     " pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_receive_lsn()"
                     "                      ELSE pg_current_wal_lsn() END, restart_lsn)::bigint"
                     " FROM pg_replication_slots");
    if (!slots)
        return slots.error();
    s.replicationSlots.clear();
    for (const auto &sr : slots->rows) {
        auto f = [&](std::size_t i) { return i < sr.size() ? sr[i] : std::nullopt; };
        ReplicationSlot slot;
        slot.name = text(f(0));
        slot.type = text(f(1));
        slot.active = toBool(f(2)).value_or(false);
        slot.retainedBytes = toU64(f(3));
        s.replicationSlots.push_back(std::move(slot));
    }
    return okStatus();
}

// The summary fields the table and older code read, from the first channel.
void summarize(NodeStatus &s)
{
    if (s.channels.empty()) {
        s.role = NodeRole::Primary;
        s.lagSeconds.reset();
        s.replicationSource.clear();
        s.ioThreadRunning.reset();
        s.sqlThreadRunning.reset();
        s.replicationError.clear();
        return;
    }
    s.role = NodeRole::Replica;
    const ReplicationChannel &ch = s.channels.front();
    s.replicationSource = ch.sourceHost + ":" + std::to_string(ch.sourcePort);
    s.ioThreadRunning = ch.ioRunning;
    s.sqlThreadRunning = ch.sqlRunning;
    // With several channels the node is as far behind as its slowest one; unknown wins.
    std::optional<double> lag = ch.lagSeconds;
    for (const ReplicationChannel &other : s.channels) {
        if (!other.lagSeconds || !lag)
            lag.reset();
        else
            lag = std::max(*lag, *other.lagSeconds);
        if (other.ioRunning == false)
            s.ioThreadRunning = false;
        if (other.sqlRunning == false)
            s.sqlThreadRunning = false;
    }
    s.lagSeconds = lag;
    std::string err = ch.ioError;
    if (!ch.sqlError.empty())
        err = err.empty() ? ch.sqlError : err + "; " + ch.sqlError;
    s.replicationError = err;
}

} // namespace

std::vector<ReplicationChannel> parseReplicaStatus(const QueryResult &r)
{
    std::vector<ReplicationChannel> out;
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        ReplicationChannel ch;
        ch.name = text(r.columnIndex("Connection_name") >= 0 ? r.value(i, "Connection_name") : r.value(i, "Channel_Name"));
        ch.sourceHost = text(col(r, i, "Master_Host", "Source_Host"));
        ch.sourcePort = static_cast<std::uint16_t>(toU64(col(r, i, "Master_Port", "Source_Port")).value_or(0));
        const auto io = col(r, i, "Slave_IO_Running", "Replica_IO_Running");
        ch.ioRunning = toBool(io);
        ch.ioConnecting = io && (*io == "Connecting" || *io == "Preparing");
        ch.sqlRunning = toBool(col(r, i, "Slave_SQL_Running", "Replica_SQL_Running"));
        // NULL Seconds_Behind_Master: a thread is stopped or the lag cannot be computed. Unknown.
        ch.lagSeconds = toDouble(col(r, i, "Seconds_Behind_Master", "Seconds_Behind_Source"));
        ch.ioError = text(r.value(i, "Last_IO_Error"));
        ch.sqlError = text(r.value(i, "Last_SQL_Error"));
        ch.ioErrno = static_cast<int>(toU64(r.value(i, "Last_IO_Errno")).value_or(0));
        ch.sqlErrno = static_cast<int>(toU64(r.value(i, "Last_SQL_Errno")).value_or(0));
        ch.gtidIoPos = text(r.columnIndex("Gtid_IO_Pos") >= 0 ? r.value(i, "Gtid_IO_Pos") : r.value(i, "Retrieved_Gtid_Set"));
        ch.usingGtid = text(r.value(i, "Using_Gtid"));
        ch.sourceLogFile = text(col(r, i, "Master_Log_File", "Source_Log_File"));
        ch.readSourceLogPos = toU64(col(r, i, "Read_Master_Log_Pos", "Read_Source_Log_Pos")).value_or(0);
        ch.replicationUser = text(col(r, i, "Master_User", "Source_User"));
        out.push_back(std::move(ch));
    }
    return out;
}

Status probeNode(Connection &connection, NodeStatus &status)
{
    const auto started = std::chrono::steady_clock::now();
    status.queriesLastRound = 0;
    status.flavor = connection.serverInfo().flavor;
    Status result = connection.options().engine == Engine::PostgreSQL ? probePostgres(connection, status)
                                                                      : probeMySqlFamily(connection, status);
    status.roundTripMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    if (result) {
        summarize(status);
        status.reachability = Reachability::Reachable;
        status.lastError.reset();
        status.checkedAtMs = sqlvalue::wallClockMs();
    } else {
        status.reachability = Reachability::Unreachable;
        status.lastError = result.error();
    }
    return result;
}

} // namespace switchyard::core
