#include "switchyard/ui/history_database.h"

#include "switchyard/ui/tr.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <map>

namespace switchyard::ui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr qint64 kMinute = 60'000;
constexpr qint64 kDay = 86'400'000;

std::atomic<int> g_connectionCounter{0};

// Schema steps: kSteps[i] takes user_version i to i + 1. Never edit a step that has shipped;
// add the next one.
const char *const kStep1[] = {
    "CREATE TABLE nodes (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
    "CREATE TABLE samples (ts INTEGER NOT NULL, node_id INTEGER NOT NULL, reachable INTEGER NOT NULL,"
    " role INTEGER NOT NULL, lag REAL, bytes_behind INTEGER, trx_behind INTEGER, qps REAL, tps REAL,"
    " rows_read REAL, rows_written REAL, connections INTEGER, PRIMARY KEY (ts, node_id)) WITHOUT ROWID",
    "CREATE TABLE events (id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, severity INTEGER NOT NULL,"
    " type TEXT NOT NULL, node TEXT NOT NULL DEFAULT '', channel TEXT NOT NULL DEFAULT '',"
    " detail TEXT NOT NULL DEFAULT '', data TEXT)",
    "CREATE INDEX events_by_time ON events (ts)",
    nullptr,
};
// 2: threads running, operator actions (SQL and outcome), 1-minute rollups, a key/value table.
const char *const kStep2[] = {
    "ALTER TABLE samples ADD COLUMN threads_running INTEGER",
    "ALTER TABLE events ADD COLUMN sql_text TEXT",
    "ALTER TABLE events ADD COLUMN outcome TEXT",
    "CREATE TABLE samples_1m (ts INTEGER NOT NULL, node_id INTEGER NOT NULL, reachable INTEGER NOT NULL,"
    " role INTEGER NOT NULL, lag REAL, bytes_behind INTEGER, trx_behind INTEGER, qps REAL, tps REAL,"
    " rows_read REAL, rows_written REAL, connections INTEGER, threads_running INTEGER, n INTEGER NOT NULL,"
    " PRIMARY KEY (ts, node_id)) WITHOUT ROWID",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
    nullptr,
};
const char *const *const kSteps[] = {kStep1, kStep2};
static_assert(sizeof(kSteps) / sizeof(kSteps[0]) == HistoryDatabase::kSchemaVersion);

QVariant opt(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Double));
}
QVariant opt(const std::optional<std::uint64_t> &v)
{
    return v ? QVariant(static_cast<qint64>(*v)) : QVariant(QMetaType(QMetaType::LongLong));
}
QVariant opt(const std::optional<std::int64_t> &v)
{
    return v ? QVariant(static_cast<qint64>(*v)) : QVariant(QMetaType(QMetaType::LongLong));
}

double num(const QVariant &v)
{
    return v.isNull() ? kNaN : v.toDouble();
}

QString eventData(const core::Event &e)
{
    QJsonObject o;
    if (!e.from.empty())
        o.insert(QStringLiteral("from"), qs(e.from));
    if (!e.to.empty())
        o.insert(QStringLiteral("to"), qs(e.to));
    if (e.value)
        o.insert(QStringLiteral("value"), *e.value);
    if (e.threshold)
        o.insert(QStringLiteral("threshold"), *e.threshold);
    if (e.problem)
        o.insert(QStringLiteral("problem"), qs(core::problemKindName(*e.problem)));
    return o.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<core::ProblemKind> parseProblemKind(const QString &name)
{
    for (int i = 0; i <= static_cast<int>(core::ProblemKind::SwitchoverBlocker); ++i) {
        const auto k = static_cast<core::ProblemKind>(i);
        if (qs(core::problemKindName(k)) == name)
            return k;
    }
    return std::nullopt;
}

} // namespace

QString HistoryDatabase::defaultPath(const QString &profileName)
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/switchyard/history/") + profileName + QStringLiteral(".sqlite");
}

HistoryDatabase::HistoryDatabase(QString path)
    : m_path(std::move(path)),
      m_connection(QStringLiteral("switchyard-history-%1").arg(g_connectionCounter.fetch_add(1)))
{
}

HistoryDatabase::~HistoryDatabase()
{
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool HistoryDatabase::fail(const QString &what)
{
    m_lastError = what;
    return false;
}

bool HistoryDatabase::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

bool HistoryDatabase::open(QString *error)
{
    auto done = [&](bool ok) {
        if (!ok && error)
            *error = m_lastError;
        return ok;
    };
    if (isOpen())
        return true;
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return done(fail(Tr::tr("cannot create the directory %1").arg(QFileInfo(m_path).absolutePath())));
    QSqlDatabase db = QSqlDatabase::contains(m_connection) ? QSqlDatabase::database(m_connection, false)
                                                            : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return done(fail(Tr::tr("cannot open the history %1: %2").arg(m_path, db.lastError().text())));
    QSqlQuery q(db);
    // WAL: readers never block the writer, and a killed writer leaves the last committed state.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next())
        return done(fail(Tr::tr("%1 is not a history database: %2").arg(m_path, q.lastError().text())));
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    QString migrateError;
    if (!migrate(m_connection, kSchemaVersion, &migrateError)) {
        db.close();
        return done(fail(migrateError));
    }
    return done(true);
}

int HistoryDatabase::schemaVersion() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool HistoryDatabase::migrate(const QString &connectionName, int target, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        *error = Tr::tr("cannot read the schema version of %1: %2").arg(db.databaseName(), q.lastError().text());
        return false;
    }
    int version = q.value(0).toInt();
    q.finish();
    if (version > kSchemaVersion) {
        *error = Tr::tr("the history %1 was written by a newer Switchyard (schema %2; this one knows up to %3)")
                     .arg(db.databaseName())
                     .arg(version)
                     .arg(kSchemaVersion);
        return false;
    }
    while (version < target) {
        // One transaction per step: a crash mid-migration leaves the previous version intact.
        if (!db.transaction()) {
            *error = Tr::tr("cannot migrate %1: %2").arg(db.databaseName(), db.lastError().text());
            return false;
        }
        for (const char *const *sql = kSteps[version]; *sql; ++sql) {
            if (!q.exec(QLatin1String(*sql))) {
                *error = Tr::tr("cannot migrate %1 to schema %2: %3").arg(db.databaseName()).arg(version + 1).arg(q.lastError().text());
                db.rollback();
                return false;
            }
        }
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1)) || !db.commit()) {
            *error = Tr::tr("cannot migrate %1: %2").arg(db.databaseName(), db.lastError().text());
            db.rollback();
            return false;
        }
        ++version;
    }
    return true;
}

qint64 HistoryDatabase::nodeId(const QString &name)
{
    if (auto it = m_nodeIds.constFind(name); it != m_nodeIds.constEnd())
        return *it;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO nodes (name) VALUES (?)"));
    q.addBindValue(name);
    q.exec();
    q.prepare(QStringLiteral("SELECT id FROM nodes WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return -1;
    const qint64 id = q.value(0).toLongLong();
    m_nodeIds.insert(name, id);
    return id;
}

bool HistoryDatabase::appendRound(const core::RoundSample &round, const std::vector<core::Event> &events,
                                  QList<StoredEvent> *stored)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return fail(Tr::tr("the history is not open"));
    if (!db.transaction())
        return fail(db.lastError().text());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO samples (ts, node_id, reachable, role, lag, bytes_behind, trx_behind, qps,"
                             " tps, rows_read, rows_written, connections, threads_running)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const core::NodeSample &n : round.nodes) {
        const qint64 id = nodeId(qs(n.node));
        if (id < 0) {
            db.rollback();
            m_nodeIds.clear();
            return fail(Tr::tr("cannot record node %1").arg(qs(n.node)));
        }
        q.addBindValue(static_cast<qint64>(round.takenAtMs));
        q.addBindValue(id);
        q.addBindValue(n.reachable ? 1 : 0);
        q.addBindValue(static_cast<int>(n.role));
        q.addBindValue(opt(n.lagSeconds));
        q.addBindValue(opt(n.bytesBehind));
        q.addBindValue(opt(n.transactionsBehind));
        q.addBindValue(opt(n.queriesPerSecond));
        q.addBindValue(opt(n.transactionsPerSecond));
        q.addBindValue(opt(n.rowsReadPerSecond));
        q.addBindValue(opt(n.rowsWrittenPerSecond));
        q.addBindValue(opt(n.connections));
        q.addBindValue(opt(n.threadsRunning));
        if (!q.exec()) {
            const QString why = q.lastError().text();
            db.rollback();
            m_nodeIds.clear();  // ids inserted in the rolled-back transaction are gone
            return fail(why);
        }
    }
    q.finish();
    if (!events.empty()) {
        QSqlQuery e(db);
        e.prepare(QStringLiteral("INSERT INTO events (ts, severity, type, node, channel, detail, data) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const core::Event &ev : events) {
            e.addBindValue(static_cast<qint64>(ev.atMs));
            e.addBindValue(static_cast<int>(ev.severity));
            e.addBindValue(qs(core::eventTypeName(ev.type)));
            e.addBindValue(qs(ev.node));
            e.addBindValue(qs(ev.channel));
            e.addBindValue(qs(ev.detail));
            const QString data = eventData(ev);
            e.addBindValue(data.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(data));
            if (!e.exec()) {
                const QString why = e.lastError().text();
                db.rollback();
                m_nodeIds.clear();
                if (stored)
                    stored->clear();
                return fail(why);
            }
            if (stored)
                stored->append({e.lastInsertId().toLongLong(), ev, {}, {}});
        }
    }
    if (!db.commit()) {
        const QString why = db.lastError().text();
        db.rollback();
        m_nodeIds.clear();
        return fail(why);
    }
    return true;
}

bool HistoryDatabase::appendEvents(const std::vector<core::Event> &events, QList<StoredEvent> *stored)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return fail(Tr::tr("the history is not open"));
    if (!db.transaction())
        return fail(db.lastError().text());
    QSqlQuery e(db);
    e.prepare(QStringLiteral("INSERT INTO events (ts, severity, type, node, channel, detail, data) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const core::Event &ev : events) {
        e.addBindValue(static_cast<qint64>(ev.atMs));
        e.addBindValue(static_cast<int>(ev.severity));
        e.addBindValue(qs(core::eventTypeName(ev.type)));
        e.addBindValue(qs(ev.node));
        e.addBindValue(qs(ev.channel));
        e.addBindValue(qs(ev.detail));
        const QString data = eventData(ev);
        e.addBindValue(data.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(data));
        if (!e.exec()) {
            const QString why = e.lastError().text();
            db.rollback();
            return fail(why);
        }
        if (stored)
            stored->append({e.lastInsertId().toLongLong(), ev, {}, {}});
    }
    if (!db.commit()) {
        const QString why = db.lastError().text();
        db.rollback();
        return fail(why);
    }
    return true;
}

qint64 HistoryDatabase::recordAction(qint64 atMs, const QString &node, const QString &what, const QString &sql,
                                     const QString &outcome, core::Severity severity)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT INTO events (ts, severity, type, node, channel, detail, sql_text, outcome)"
                             " VALUES (?, ?, ?, ?, '', ?, ?, ?)"));
    q.addBindValue(atMs);
    q.addBindValue(static_cast<int>(severity));
    q.addBindValue(qs(core::eventTypeName(core::EventType::Action)));
    q.addBindValue(node);
    q.addBindValue(what);
    q.addBindValue(sql);
    q.addBindValue(outcome);
    if (!q.exec()) {
        fail(q.lastError().text());
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

HistoryRange HistoryDatabase::readRange(qint64 fromMs, qint64 toMs, int maxPoints)
{
    HistoryRange out;
    out.fromMs = fromMs;
    out.toMs = toMs;
    out.bucketMs = std::max<qint64>(1, (toMs - fromMs) / std::max(1, maxPoints));
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    std::map<qint64, QString> names;
    {
        QSqlQuery n(db);
        if (n.exec(QStringLiteral("SELECT id, name FROM nodes")))
            while (n.next())
                names[n.value(0).toLongLong()] = n.value(1).toString();
    }
    // Full-resolution samples and 1-minute rollups together, grouped into the range's buckets.
    static const QString cols = QStringLiteral("ts, node_id, reachable, role, lag, bytes_behind, trx_behind, qps, tps,"
                                               " rows_read, rows_written, connections, threads_running");
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT node_id, (ts - :from) / :bucket AS k, min(ts), max(role = %1), max(lag), max(bytes_behind),"
                             " max(trx_behind), avg(qps), avg(tps), avg(rows_read), avg(rows_written), max(connections),"
                             " max(threads_running)"
                             " FROM (SELECT %2 FROM samples WHERE ts >= :from AND ts <= :to"
                             "       UNION ALL SELECT %2 FROM samples_1m WHERE ts >= :from AND ts <= :to)"
                             " GROUP BY node_id, k ORDER BY node_id, k")
                  .arg(static_cast<int>(core::NodeRole::Replica))
                  .arg(cols));
    q.bindValue(QStringLiteral(":from"), fromMs);
    q.bindValue(QStringLiteral(":to"), toMs);
    q.bindValue(QStringLiteral(":bucket"), out.bucketMs);
    if (!q.exec()) {
        fail(q.lastError().text());
        return out;
    }
    NodeHistory *cur = nullptr;
    qint64 curId = -1;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (!cur || id != curId) {
            out.nodes.push_back({});
            cur = &out.nodes.back();
            curId = id;
            cur->node = names.count(id) ? names[id] : QString::number(id);
        }
        cur->replica |= q.value(3).toInt() != 0 || !q.value(4).isNull();
        cur->times.push_back(static_cast<double>(q.value(2).toLongLong()));
        for (int m = 0; m < kMetricCount; ++m)
            cur->values[static_cast<std::size_t>(m)].push_back(num(q.value(4 + m)));
    }
    // Where nothing was recorded for a while (the console was closed), break the line: a NaN
    // point right after the last sample before the hole.
    for (NodeHistory &n : out.nodes) {
        if (n.times.size() < 2)
            continue;
        std::vector<double> deltas;
        deltas.reserve(n.times.size() - 1);
        for (std::size_t i = 1; i < n.times.size(); ++i)
            deltas.push_back(n.times[i] - n.times[i - 1]);
        std::nth_element(deltas.begin(), deltas.begin() + static_cast<std::ptrdiff_t>(deltas.size() / 2), deltas.end());
        const double typical = deltas[deltas.size() / 2];
        const double hole = std::max(3.0 * typical, 3.0 * static_cast<double>(out.bucketMs));
        NodeHistory filled;
        filled.node = n.node;
        filled.replica = n.replica;
        for (std::size_t i = 0; i < n.times.size(); ++i) {
            if (i > 0 && n.times[i] - n.times[i - 1] > hole) {
                filled.times.push_back(n.times[i - 1] + typical);
                for (auto &v : filled.values)
                    v.push_back(kNaN);
            }
            filled.times.push_back(n.times[i]);
            for (int m = 0; m < kMetricCount; ++m)
                filled.values[static_cast<std::size_t>(m)].push_back(n.values[static_cast<std::size_t>(m)][i]);
        }
        n = std::move(filled);
    }
    return out;
}

QList<StoredEvent> HistoryDatabase::readEvents(const EventFilter &f)
{
    QList<StoredEvent> out;
    QString sql = QStringLiteral("SELECT id, ts, severity, type, node, channel, detail, data, sql_text, outcome FROM events"
                                 " WHERE ts >= ? AND ts <= ? AND severity >= ?");
    QVariantList binds{f.fromMs, f.toMs, static_cast<int>(f.minSeverity)};
    if (!f.nodes.isEmpty()) {
        sql += QStringLiteral(" AND node IN (") + QStringList(f.nodes.size(), QStringLiteral("?")).join(QLatin1Char(','))
               + QLatin1Char(')');
        for (const QString &n : f.nodes)
            binds << n;
    }
    if (!f.types.isEmpty()) {
        sql += QStringLiteral(" AND type IN (") + QStringList(f.types.size(), QStringLiteral("?")).join(QLatin1Char(','))
               + QLatin1Char(')');
        for (core::EventType t : f.types)
            binds << qs(core::eventTypeName(t));
    }
    sql += QStringLiteral(" ORDER BY ts DESC, id DESC LIMIT ?");
    binds << f.limit;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        fail(q.lastError().text());
        return out;
    }
    while (q.next()) {
        StoredEvent s;
        s.id = q.value(0).toLongLong();
        core::Event &e = s.event;
        e.atMs = q.value(1).toLongLong();
        e.severity = static_cast<core::Severity>(std::clamp(q.value(2).toInt(), 0, 2));
        const auto type = core::parseEventType(q.value(3).toString().toStdString());
        if (!type)
            continue;  // written by a newer version: skip what we cannot word
        e.type = *type;
        e.node = q.value(4).toString().toStdString();
        e.channel = q.value(5).toString().toStdString();
        e.detail = q.value(6).toString().toStdString();
        const QJsonObject data = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
        e.from = data.value(QStringLiteral("from")).toString().toStdString();
        e.to = data.value(QStringLiteral("to")).toString().toStdString();
        if (data.contains(QStringLiteral("value")))
            e.value = data.value(QStringLiteral("value")).toDouble();
        if (data.contains(QStringLiteral("threshold")))
            e.threshold = data.value(QStringLiteral("threshold")).toDouble();
        if (data.contains(QStringLiteral("problem")))
            e.problem = parseProblemKind(data.value(QStringLiteral("problem")).toString());
        s.sql = q.value(8).toString();
        s.outcome = q.value(9).toString();
        out.append(std::move(s));
    }
    return out;
}

QStringList HistoryDatabase::nodeNames()
{
    QStringList out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("SELECT name FROM nodes ORDER BY name")))
        while (q.next())
            out << q.value(0).toString();
    return out;
}

qint64 HistoryDatabase::sampleCount()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(QStringLiteral("SELECT count(*) FROM samples")) && q.next() ? q.value(0).toLongLong() : -1;
}

qint64 HistoryDatabase::rollupCount()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(QStringLiteral("SELECT count(*) FROM samples_1m")) && q.next() ? q.value(0).toLongLong() : -1;
}

bool HistoryDatabase::applyRetention(qint64 nowMs, const RetentionPolicy &policy)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    // Whole minutes only, so a bucket is never split between two runs.
    const qint64 cutoff = (nowMs - static_cast<qint64>(policy.fullResolutionDays) * kDay) / kMinute * kMinute;
    const qint64 forget = nowMs - static_cast<qint64>(std::max(policy.keepDays, policy.fullResolutionDays)) * kDay;
    if (!db.transaction())
        return fail(db.lastError().text());
    QSqlQuery q(db);
    const bool ok =
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO samples_1m (ts, node_id, reachable, role, lag, bytes_behind, trx_behind,"
                                 " qps, tps, rows_read, rows_written, connections, threads_running, n)"
                                 " SELECT ts / %1 * %1, node_id, max(reachable), max(role), max(lag), max(bytes_behind),"
                                 " max(trx_behind), avg(qps), avg(tps), avg(rows_read), avg(rows_written), max(connections),"
                                 " max(threads_running), count(*) FROM samples WHERE ts < ? GROUP BY ts / %1, node_id")
                      .arg(kMinute))
        && (q.addBindValue(cutoff), q.exec())
        && q.prepare(QStringLiteral("DELETE FROM samples WHERE ts < ?")) && (q.addBindValue(cutoff), q.exec())
        && q.prepare(QStringLiteral("DELETE FROM samples_1m WHERE ts < ?")) && (q.addBindValue(forget), q.exec())
        && q.prepare(QStringLiteral("DELETE FROM events WHERE ts < ?")) && (q.addBindValue(forget), q.exec());
    if (!ok) {
        const QString why = q.lastError().text();
        db.rollback();
        return fail(why);
    }
    if (!db.commit()) {
        const QString why = db.lastError().text();
        db.rollback();
        return fail(why);
    }
    return true;
}

bool HistoryDatabase::integrityOk()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next() && q.value(0).toString() == QLatin1String("ok");
}

} // namespace switchyard::ui
