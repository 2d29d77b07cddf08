// The console's history of one cluster, written and read on a worker thread.
//
// HistoryStore owns a QThread with its own HistoryDatabase (its own QSqlDatabase connection).
// Every call on the GUI thread only posts work and returns at once: storing a round never
// delays polling or painting. Reads are answered by signal with the token the request
// returned; a newer request of the same kind makes older ones moot: the worker skips those it
// has not started, and the caller drops any answer whose token is not its latest.
// Retention runs on the worker at open and then every hour.
//
// Thread contract: create, call and destroy on the GUI thread (or any thread with an event
// loop). Signals arrive on that thread. The destructor lets queued writes finish (local file
// I/O only) and joins the worker.
#pragma once

#include "switchyard/ui/history_types.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace switchyard::ui {

class HistoryDatabase;

class HistoryStore : public QObject
{
    Q_OBJECT
public:
    // Opens (creating and migrating) `path` on the worker; `opened` or `failed` tells how it went.
    explicit HistoryStore(const QString &path, RetentionPolicy retention = {}, QObject *parent = nullptr);
    ~HistoryStore() override;

    const QString &path() const { return m_path; }
    void setRetention(const RetentionPolicy &retention);

    // Writes.
    void append(const core::RoundSample &round, const std::vector<core::Event> &events);
    // An operator action with the exact SQL sent and its outcome (for wizards). Appears in the
    // event log as an Action event; `actionRecorded` carries it once stored.
    void recordAction(const QString &node, const QString &what, const QString &sql, const QString &outcome,
                      core::Severity severity = core::Severity::Info);

    // Reads, answered by rangeReady / eventsReady with the returned token.
    quint64 requestRange(qint64 fromMs, qint64 toMs, int maxPoints = 4000);
    quint64 requestEvents(const EventFilter &filter);

    // Blocks until everything posted so far is done, at most timeoutMs. For the CLI before it
    // exits and for tests; never called by the console's GUI.
    bool waitForIdle(int timeoutMs = 30000);

    // Figures for tests and the status line, updated on the GUI thread after each write.
    qint64 roundsWritten() const { return m_roundsWritten; }
    qint64 writeFailures() const { return m_writeFailures; }

signals:
    void opened(int schemaVersion);
    void failed(const QString &message);
    void rangeReady(quint64 token, const switchyard::ui::HistoryRange &range);
    void eventsReady(quint64 token, const QList<switchyard::ui::StoredEvent> &events);
    // Events stored by append() and recordAction(), with their ids (the live event log).
    void eventsStored(const QList<switchyard::ui::StoredEvent> &events);

private:
    template <typename F>
    void post(F &&work);

    QString m_path;
    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr;                  // lives on m_thread
    std::shared_ptr<HistoryDatabase> m_db;        // used only on m_thread
    std::shared_ptr<RetentionPolicy> m_retention; // used only on m_thread after construction
    std::shared_ptr<std::atomic<quint64>> m_latestRange, m_latestEvents;
    quint64 m_nextToken = 0;
    qint64 m_roundsWritten = 0;
    qint64 m_writeFailures = 0;
};

} // namespace switchyard::ui
