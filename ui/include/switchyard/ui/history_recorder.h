// Turns the monitor's snapshots into history: per round, the figures (core::computeMetrics)
// and the events (core::EventDetector) go to the HistoryStore, and out as signals for live
// views and notifications.
//
// Thread contract: GUI thread. record() computes in microseconds and only posts to the store.
#pragma once

#include "switchyard/core/events.h"
#include "switchyard/core/metrics.h"
#include "switchyard/core/snapshot.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

namespace switchyard::ui {

class ClusterMonitor;
class HistoryStore;

class HistoryRecorder : public QObject
{
    Q_OBJECT
public:
    explicit HistoryRecorder(HistoryStore *store, QObject *parent = nullptr);

    // Lag thresholds (from the profile) for the LagWarning/LagCritical events.
    void setEventOptions(const core::EventOptions &options) { m_detector.setOptions(options); }
    // Records every snapshot `monitor` publishes (and forgets the previous monitor).
    void attach(ClusterMonitor *monitor);
    void detach();

    void record(const std::shared_ptr<const core::ClusterSnapshot> &snapshot);

    const core::RoundSample &lastRound() const { return m_lastRound; }
    HistoryStore *store() const { return m_store; }

signals:
    void roundRecorded(const switchyard::core::RoundSample &round);
    void eventsDetected(const std::vector<switchyard::core::Event> &events);

private:
    HistoryStore *m_store;
    QPointer<ClusterMonitor> m_monitor;
    QMetaObject::Connection m_connection;
    core::EventDetector m_detector;
    std::shared_ptr<const core::ClusterSnapshot> m_previous;
    core::RoundSample m_lastRound;
};

} // namespace switchyard::ui
