#include "switchyard/ui/history_store.h"

#include "switchyard/ui/history_database.h"

#include <QDateTime>
#include <QMetaObject>
#include <QSemaphore>
#include <QThread>
#include <QTimer>

namespace switchyard::ui {

namespace {
constexpr int kRetentionEveryMs = 3600 * 1000;
}

template <typename F>
void HistoryStore::post(F &&work)
{
    QMetaObject::invokeMethod(m_worker, std::forward<F>(work), Qt::QueuedConnection);
}

HistoryStore::HistoryStore(const QString &path, RetentionPolicy retention, QObject *parent)
    : QObject(parent),
      m_path(path),
      m_thread(new QThread),
      m_worker(new QObject),
      m_db(std::make_shared<HistoryDatabase>(path)),
      m_retention(std::make_shared<RetentionPolicy>()),
      m_latestRange(std::make_shared<std::atomic<quint64>>(0)),
      m_latestEvents(std::make_shared<std::atomic<quint64>>(0))
{
    qRegisterMetaType<HistoryRange>();
    m_thread->setObjectName(QStringLiteral("switchyard-history"));
    m_worker->moveToThread(m_thread);
    m_thread->start();

    *m_retention = retention;
    post([this, db = m_db, policy = m_retention, worker = m_worker] {
        QString error;
        if (!db->open(&error)) {
            QMetaObject::invokeMethod(this, [this, error] { emit failed(error); }, Qt::QueuedConnection);
            return;
        }
        db->applyRetention(QDateTime::currentMSecsSinceEpoch(), *policy);
        const int version = db->schemaVersion();
        QMetaObject::invokeMethod(this, [this, version] { emit opened(version); }, Qt::QueuedConnection);
        // Retention once an hour, on this thread; the timer dies with the worker.
        auto *timer = new QTimer(worker);
        QObject::connect(timer, &QTimer::timeout, worker, [raw = db.get(), policy] {
            raw->applyRetention(QDateTime::currentMSecsSinceEpoch(), *policy);
        });
        timer->start(kRetentionEveryMs);
    });
}

HistoryStore::~HistoryStore()
{
    // The last item of the worker's queue: the writes posted before it finish first. The
    // database is closed on the thread that opened it, then that thread's loop ends.
    post([worker = m_worker, db = std::move(m_db)]() mutable {
        qDeleteAll(worker->findChildren<QTimer *>());
        db.reset();
        QThread::currentThread()->quit();
    });
    m_thread->wait();
    delete m_worker;   // its thread has finished
    delete m_thread;
}

void HistoryStore::setRetention(const RetentionPolicy &retention)
{
    post([policy = m_retention, retention] { *policy = retention; });
}

void HistoryStore::append(const core::RoundSample &round, const std::vector<core::Event> &events)
{
    post([this, db = m_db, round, events] {
        if (!db->isOpen())
            return;
        QList<StoredEvent> stored;   // with their ids, for the live event log
        const bool ok = db->appendRound(round, events, &stored);
        const QString error = ok ? QString() : db->lastError();
        QMetaObject::invokeMethod(
            this,
            [this, ok, error, stored] {
                if (ok) {
                    ++m_roundsWritten;
                } else {
                    ++m_writeFailures;
                    emit failed(error);
                }
                if (!stored.isEmpty())
                    emit eventsStored(stored);
            },
            Qt::QueuedConnection);
    });
}

void HistoryStore::recordAction(const QString &node, const QString &what, const QString &sql, const QString &outcome,
                                core::Severity severity)
{
    const qint64 at = QDateTime::currentMSecsSinceEpoch();
    post([this, db = m_db, at, node, what, sql, outcome, severity] {
        if (!db->isOpen())
            return;
        const qint64 id = db->recordAction(at, node, what, sql, outcome, severity);
        StoredEvent s;
        s.id = id;
        s.event.atMs = at;
        s.event.type = core::EventType::Action;
        s.event.severity = severity;
        s.event.node = node.toStdString();
        s.event.detail = what.toStdString();
        s.sql = sql;
        s.outcome = outcome;
        const QString error = id ? QString() : db->lastError();
        QMetaObject::invokeMethod(
            this,
            [this, s, error] {
                if (!s.id) {
                    ++m_writeFailures;
                    emit failed(error);
                    return;
                }
                emit eventsStored({s});
            },
            Qt::QueuedConnection);
    });
}

quint64 HistoryStore::requestRange(qint64 fromMs, qint64 toMs, int maxPoints)
{
    const quint64 token = ++m_nextToken;
    m_latestRange->store(token);
    post([this, db = m_db, latest = m_latestRange, token, fromMs, toMs, maxPoints] {
        if (latest->load() != token || !db->isOpen())
            return;  // superseded before it started
        HistoryRange range = db->readRange(fromMs, toMs, maxPoints);
        QMetaObject::invokeMethod(
            this, [this, token, range = std::move(range)] { emit rangeReady(token, range); }, Qt::QueuedConnection);
    });
    return token;
}

quint64 HistoryStore::requestEvents(const EventFilter &filter)
{
    const quint64 token = ++m_nextToken;
    m_latestEvents->store(token);
    post([this, db = m_db, latest = m_latestEvents, token, filter] {
        if (latest->load() != token || !db->isOpen())
            return;
        QList<StoredEvent> events = db->readEvents(filter);
        QMetaObject::invokeMethod(
            this, [this, token, events = std::move(events)] { emit eventsReady(token, events); }, Qt::QueuedConnection);
    });
    return token;
}

bool HistoryStore::waitForIdle(int timeoutMs)
{
    auto done = std::make_shared<QSemaphore>(0);
    post([done] { done->release(); });
    return done->tryAcquire(1, timeoutMs);
}

} // namespace switchyard::ui
