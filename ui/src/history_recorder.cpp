#include "switchyard/ui/history_recorder.h"

#include "switchyard/ui/cluster_monitor.h"
#include "switchyard/ui/history_store.h"

namespace switchyard::ui {

HistoryRecorder::HistoryRecorder(HistoryStore *store, QObject *parent) : QObject(parent), m_store(store) {}

void HistoryRecorder::attach(ClusterMonitor *monitor)
{
    detach();
    m_monitor = monitor;
    if (monitor)
        m_connection = connect(monitor, &ClusterMonitor::snapshotUpdated, this, &HistoryRecorder::record);
}

void HistoryRecorder::detach()
{
    if (m_connection)
        disconnect(m_connection);
    m_connection = {};
    m_monitor = nullptr;
    m_previous.reset();
    m_detector.reset();
}

void HistoryRecorder::record(const std::shared_ptr<const core::ClusterSnapshot> &snapshot)
{
    if (!snapshot || (m_previous && snapshot->generation <= m_previous->generation))
        return;  // a late or repeated round
    m_lastRound = core::computeMetrics(*snapshot, m_previous.get());
    std::vector<core::Event> events = m_detector.next(*snapshot);
    m_previous = snapshot;
    if (m_store)
        m_store->append(m_lastRound, events);
    emit roundRecorded(m_lastRound);
    if (!events.empty())
        emit eventsDetected(events);
}

} // namespace switchyard::ui
