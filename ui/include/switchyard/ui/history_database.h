// The history of one cluster profile in SQLite (Qt Sql, QSQLITE):
// $XDG_DATA_HOME/switchyard/history/<profile>.sqlite.
//
// Samples (one row per node per round), 1-minute rollups of samples older than the retention's
// full-resolution window, and events (state changes and operator actions). The schema carries
// its version in PRAGMA user_version and is migrated forward on open, one step at a time.
// WAL journal with synchronous=NORMAL: a process killed mid-write (kill -9) leaves a database
// that opens and reads; at most the rounds of the interrupted transaction are lost. Several
// processes may write the same file (the console and `switchyard-cli monitor`): SQLite locks,
// with a busy timeout.
//
// This is the synchronous layer. The console uses it only through HistoryStore, which owns one
// on a worker thread; the CLI and tests may use it directly.
//
// Thread contract: one instance per thread, used only on the thread that opened it (each has
// its own QSqlDatabase connection). Every method does file I/O.
#pragma once

#include "switchyard/ui/history_types.h"

#include <QHash>
#include <QString>

namespace switchyard::ui {

class HistoryDatabase
{
public:
    static constexpr int kSchemaVersion = 2;

    // $XDG_DATA_HOME/switchyard/history/<profile>.sqlite (QStandardPaths::GenericDataLocation).
    static QString defaultPath(const QString &profileName);

    explicit HistoryDatabase(QString path);
    ~HistoryDatabase();
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    // Creates the directory and the file if needed, sets WAL, migrates to kSchemaVersion.
    // False with *error when the file cannot be opened, is not a history database, or was
    // written by a newer Switchyard (a schema version above kSchemaVersion).
    bool open(QString *error = nullptr);
    bool isOpen() const;
    const QString &path() const { return m_path; }
    int schemaVersion() const;
    QString lastError() const { return m_lastError; }

    // One transaction per call.
    bool appendRound(const core::RoundSample &round, const std::vector<core::Event> &events,
                     QList<StoredEvent> *stored = nullptr);
    bool appendEvents(const std::vector<core::Event> &events, QList<StoredEvent> *stored = nullptr);
    // An operator action: what was done, the exact SQL, and how it ended. Returns the event id,
    // or 0 on failure.
    qint64 recordAction(qint64 atMs, const QString &node, const QString &what, const QString &sql,
                        const QString &outcome, core::Severity severity = core::Severity::Info);

    // At most about maxPoints points per node between fromMs and toMs: samples are grouped in
    // buckets of (toMs - fromMs) / maxPoints; within a bucket, lag and "behind" figures and
    // gauges take the maximum (a spike stays visible), rates the average.
    HistoryRange readRange(qint64 fromMs, qint64 toMs, int maxPoints = 4000);
    QList<StoredEvent> readEvents(const EventFilter &filter);
    QStringList nodeNames();
    qint64 sampleCount();   // samples at full resolution (tests, diagnostics)
    qint64 rollupCount();   // 1-minute rows

    // Moves samples older than fullResolutionDays into 1-minute rollups and deletes rollups and
    // events older than keepDays.
    bool applyRetention(qint64 nowMs, const RetentionPolicy &policy);

    // PRAGMA integrity_check says "ok".
    bool integrityOk();

    // Migrates the open connection `connectionName` from its user_version up to `target`
    // (tests create a first-version database with target = 1).
    static bool migrate(const QString &connectionName, int target, QString *error);

private:
    qint64 nodeId(const QString &name);
    bool fail(const QString &what);

    QString m_path;
    QString m_connection;
    QString m_lastError;
    QHash<QString, qint64> m_nodeIds;
};

} // namespace switchyard::ui
