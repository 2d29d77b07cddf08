#include "switchyard/ui/snapshot_json.h"
#include "switchyard/ui/tr.h"

#include <QJsonArray>
#include <QTextStream>

namespace switchyard::ui {

namespace {

template <typename T>
QJsonValue opt(const std::optional<T> &v)
{
    if (!v)
        return QJsonValue(QJsonValue::Null);
    if constexpr (std::is_same_v<T, std::uint64_t>)
        return QJsonValue(static_cast<double>(*v));  // LSNs fit a double's 53 bits for any real cluster
    else
        return QJsonValue(*v);
}

QJsonValue text(const std::string &s)
{
    return s.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(qs(s));
}

QString lagWords(const std::optional<double> &lag)
{
    return lag ? QStringLiteral("%1 s").arg(*lag, 0, 'f', *lag < 10 ? 1 : 0) : QStringLiteral("unknown");
}

} // namespace

QJsonObject nodeToJson(const core::NodeStatus &n)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), qs(n.name));
    o.insert(QStringLiteral("host"), qs(n.host));
    o.insert(QStringLiteral("port"), n.port);
    o.insert(QStringLiteral("reachability"), qs(core::reachabilityName(n.reachability)));
    if (n.lastError) {
        QJsonObject e;
        e.insert(QStringLiteral("code"), qs(errorCodeName(n.lastError->code)));
        e.insert(QStringLiteral("message"), qs(n.lastError->message));
        e.insert(QStringLiteral("server_code"), n.lastError->serverCode);
        o.insert(QStringLiteral("error"), e);
    }
    o.insert(QStringLiteral("flavor"), qs(core::flavorName(n.flavor)));
    o.insert(QStringLiteral("version"), text(n.version));
    o.insert(QStringLiteral("role"), qs(core::nodeRoleName(n.role)));
    o.insert(QStringLiteral("read_only"), opt(n.readOnly));
    o.insert(QStringLiteral("lag_seconds"), opt(n.lagSeconds));
    o.insert(QStringLiteral("server_id"), static_cast<double>(n.serverId));
    o.insert(QStringLiteral("server_uuid"), text(n.serverUuid));
    o.insert(QStringLiteral("gtid_executed"), text(n.gtidExecuted));
    o.insert(QStringLiteral("gtid_binlog_state"), text(n.gtidBinlogState));
    o.insert(QStringLiteral("gtid_current_pos"), text(n.gtidCurrentPos));
    o.insert(QStringLiteral("gtid_slave_pos"), text(n.gtidSlavePos));
    o.insert(QStringLiteral("binlog_format"), text(n.binlogFormat));
    o.insert(QStringLiteral("log_bin"), opt(n.logBin));
    o.insert(QStringLiteral("log_replica_updates"), opt(n.logReplicaUpdates));
    o.insert(QStringLiteral("semi_sync"), text(n.semiSync));
    o.insert(QStringLiteral("current_lsn"), opt(n.currentLsn));
    o.insert(QStringLiteral("timeline"), opt(n.timeline));
    o.insert(QStringLiteral("wal_log_hints"), opt(n.walLogHints));
    o.insert(QStringLiteral("queries_last_round"), n.queriesLastRound);
    QJsonArray channels;
    for (const core::ReplicationChannel &ch : n.channels) {
        QJsonObject c;
        c.insert(QStringLiteral("name"), qs(ch.name));
        c.insert(QStringLiteral("source"), QStringLiteral("%1:%2").arg(qs(ch.sourceHost)).arg(ch.sourcePort));
        c.insert(QStringLiteral("io_running"), opt(ch.ioRunning));
        c.insert(QStringLiteral("io_connecting"), ch.ioConnecting);
        c.insert(QStringLiteral("sql_running"), opt(ch.sqlRunning));
        c.insert(QStringLiteral("lag_seconds"), opt(ch.lagSeconds));
        c.insert(QStringLiteral("io_error"), text(ch.ioError));
        c.insert(QStringLiteral("sql_error"), text(ch.sqlError));
        c.insert(QStringLiteral("using_gtid"), text(ch.usingGtid));
        c.insert(QStringLiteral("received_lsn"), opt(ch.receivedLsn));
        c.insert(QStringLiteral("replayed_lsn"), opt(ch.replayedLsn));
        channels.append(c);
    }
    o.insert(QStringLiteral("channels"), channels);
    QJsonArray downstream;
    for (const core::DownstreamReplica &d : n.downstream) {
        QJsonObject j;
        j.insert(QStringLiteral("host"), qs(d.host));
        j.insert(QStringLiteral("port"), d.port == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(d.port));
        j.insert(QStringLiteral("state"), qs(d.state));
        j.insert(QStringLiteral("application_name"), text(d.applicationName));
        j.insert(QStringLiteral("sync_state"), text(d.syncState));
        j.insert(QStringLiteral("replay_lag_seconds"), opt(d.replayLagSeconds));
        downstream.append(j);
    }
    o.insert(QStringLiteral("downstream"), downstream);
    QJsonArray slotList;
    for (const core::ReplicationSlot &s : n.replicationSlots) {
        QJsonObject j;
        j.insert(QStringLiteral("name"), qs(s.name));
        j.insert(QStringLiteral("type"), qs(s.type));
        j.insert(QStringLiteral("active"), s.active);
        j.insert(QStringLiteral("retained_bytes"), opt(s.retainedBytes));
        slotList.append(j);
    }
    o.insert(QStringLiteral("slots"), slotList);
    QJsonArray errant;
    for (const std::string &g : n.errantGtids)
        errant.append(qs(g));
    o.insert(QStringLiteral("errant_gtids"), errant);
    return o;
}

QJsonObject snapshotToJson(const core::ClusterSnapshot &s)
{
    QJsonObject o;
    o.insert(QStringLiteral("generation"), static_cast<double>(s.generation));
    o.insert(QStringLiteral("taken_at_ms"), static_cast<double>(s.takenAtMs));
    QJsonArray nodes;
    for (const core::NodeStatus &n : s.nodes)
        nodes.append(nodeToJson(n));
    o.insert(QStringLiteral("nodes"), nodes);
    QJsonArray edges;
    for (const core::ReplicationEdge &e : s.edges) {
        QJsonObject j;
        j.insert(QStringLiteral("source"), qs(s.nodes[e.source].name));
        j.insert(QStringLiteral("replica"), qs(s.nodes[e.replica].name));
        j.insert(QStringLiteral("channel"), qs(e.channel));
        j.insert(QStringLiteral("state"), qs(core::edgeStateName(e.state)));
        j.insert(QStringLiteral("lag_seconds"), opt(e.lagSeconds));
        edges.append(j);
    }
    o.insert(QStringLiteral("edges"), edges);
    QJsonArray problems;
    for (const core::Problem &p : s.problems) {
        QJsonObject j;
        j.insert(QStringLiteral("severity"), qs(core::severityName(p.severity)));
        j.insert(QStringLiteral("kind"), qs(core::problemKindName(p.kind)));
        QJsonArray names;
        for (const std::string &n : p.nodes)
            names.append(qs(n));
        j.insert(QStringLiteral("nodes"), names);
        j.insert(QStringLiteral("detail"), qs(p.detail));
        problems.append(j);
    }
    o.insert(QStringLiteral("problems"), problems);
    return o;
}

QString snapshotToText(const core::ClusterSnapshot &s)
{
    QString out;
    QTextStream ts(&out);
    ts << Tr::tr("NODES") << '\n';
    for (const core::NodeStatus &n : s.nodes) {
        ts << QStringLiteral("  %1  %2:%3  %4  %5  %6")
                  .arg(qs(n.name), -8)
                  .arg(qs(n.host))
                  .arg(n.port)
                  .arg(qs(core::nodeRoleName(n.role)), -8)
                  .arg(n.readOnly ? (*n.readOnly ? QStringLiteral("RO") : QStringLiteral("RW")) : QStringLiteral("??"))
                  .arg(n.reachability == core::Reachability::Reachable ? qs(n.version)
                                                                        : (n.lastError ? describeError(*n.lastError)
                                                                                       : qs(core::reachabilityName(n.reachability))));
        ts << '\n';
    }
    ts << Tr::tr("REPLICATION") << '\n';
    for (const core::ReplicationEdge &e : s.edges) {
        ts << QStringLiteral("  %1 -> %2  %3  lag %4%5")
                  .arg(qs(s.nodes[e.source].name), qs(s.nodes[e.replica].name), qs(core::edgeStateName(e.state)),
                       lagWords(e.lagSeconds), e.channel.empty() ? QString() : QStringLiteral("  (") + qs(e.channel) + QLatin1Char(')'));
        ts << '\n';
    }
    ts << Tr::tr("PROBLEMS") << '\n';
    if (s.problems.empty())
        ts << QStringLiteral("  ") << Tr::tr("none") << '\n';
    for (const core::Problem &p : s.problems) {
        QStringList names;
        for (const std::string &n : p.nodes)
            names << qs(n);
        ts << QStringLiteral("  [%1] %2 %3: %4")
                  .arg(qs(core::severityName(p.severity)), qs(core::problemKindName(p.kind)), names.join(QLatin1Char(',')),
                       qs(p.detail))
           << '\n';
    }
    return out;
}

} // namespace switchyard::ui
