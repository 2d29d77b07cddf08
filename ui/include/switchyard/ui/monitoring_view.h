// The monitoring page of an open cluster: lag and throughput charts over a chosen range
// (5 min, 1 h, 24 h, 7 d, custom) with the profile's thresholds, and the event log below them
// (filter by node, severity, type, time; click an event to see that moment in the charts).
//
// It owns the profile's HistoryStore (SQLite on a worker thread) and a HistoryRecorder that
// stores every snapshot of the attached ClusterMonitor, and it raises desktop notifications
// for critical events when the profile asks for them and the desktop offers them.
//
// Embedding (MainWindow):
//     m_monitoring = new MonitoringView;              // e.g. a tab beside the topology
//     m_monitoring->setProfile(profile);              // when a cluster opens
//     m_monitoring->attach(m_monitor);                // after creating the ClusterMonitor
//     m_monitoring->detach();                         // before deleting the monitor
//     m_monitoring->clear();                          // when the cluster closes
//
// Thread contract: GUI thread only. Nothing here waits on SQLite or the network: reads and
// writes are posted to the store's worker, answers come back by token and stale ones are
// dropped.
#pragma once

#include "switchyard/ui/history_types.h"
#include "switchyard/ui/profile.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QSplitter;
class QTableView;

namespace switchyard::ui {

class ClusterMonitor;
class DesktopNotifier;
class EventLogModel;
class HistoryChart;
class HistoryRecorder;
class HistoryStore;

class MonitoringView : public QWidget
{
    Q_OBJECT
public:
    enum class RangePreset { FiveMinutes, OneHour, OneDay, SevenDays, Custom };
    enum class EventTime { ChartRange, LastHour, LastDay, LastWeek, Everything };

    explicit MonitoringView(QWidget *parent = nullptr);
    ~MonitoringView() override;

    // Opens the profile's history (HistoryDatabase::defaultPath(profile.name) unless
    // historyPath is given), takes its thresholds and notification setting.
    void setProfile(const Profile &profile, const QString &historyPath = {});
    // Records every snapshot of `monitor` and follows it live (preset ranges end at now).
    void attach(ClusterMonitor *monitor);
    void detach();
    // Closes the history (the cluster was closed).
    void clear();

    void setRangePreset(RangePreset preset);
    void setCustomRange(qint64 fromMs, qint64 toMs);
    // Shows the moment `atMs` in the middle of the charts (same width as now) with a marker.
    void jumpTo(qint64 atMs);
    RangePreset rangePreset() const { return m_preset; }
    qint64 windowFrom() const { return m_from; }
    qint64 windowTo() const { return m_to; }
    static qint64 presetSpanMs(RangePreset preset);

    void setEventTime(EventTime time);
    void setNotificationsEnabled(bool enabled);
    bool notificationsEnabled() const { return m_notify; }
    QString notificationStatus() const;

    // Re-reads the window and the events from the store (asynchronously).
    void refresh();
    // The time "now" is taken from (tests and screenshots replay a fixed day).
    void setClock(std::function<qint64()> now);

    bool exportPng(const QString &file, QString *error = nullptr);
    bool exportCsv(const QString &file, QString *error = nullptr);

    HistoryChart *lagChart() const { return m_lagChart; }
    HistoryChart *throughputChart() const { return m_throughputChart; }
    EventLogModel *eventModel() const { return m_eventModel; }
    QTableView *eventView() const { return m_eventView; }
    HistoryStore *store() const { return m_store.get(); }
    HistoryRecorder *recorder() const { return m_recorder.get(); }
    DesktopNotifier *notifier() const { return m_notifier; }

signals:
    // The user switched "notify me of critical events": the owner may save it in the profile.
    void notificationsToggled(bool enabled);
    void historyShown();   // a range answer reached the charts
    void eventsShown();    // an events answer reached the log

private:
    void buildUi();
    void applyWindow();
    void requestEvents();
    void onRound();
    void onEventsDetected(const std::vector<core::Event> &events);
    void onRange(quint64 token, const HistoryRange &range);
    void onEvents(quint64 token, const QList<StoredEvent> &events);
    void onEventActivated(const QModelIndex &index);
    void updateNodeFilter(const HistoryRange &range);
    void exportInteractively(bool png);
    qint64 now() const;

    Profile m_profile;
    bool m_hasProfile = false;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<HistoryRecorder> m_recorder;
    QPointer<ClusterMonitor> m_monitor;
    DesktopNotifier *m_notifier = nullptr;
    std::function<qint64()> m_clock;

    RangePreset m_preset = RangePreset::FiveMinutes;
    qint64 m_from = 0, m_to = 0;
    std::optional<qint64> m_marker;
    quint64 m_rangeToken = 0, m_eventsToken = 0;
    qint64 m_lastRefreshMs = 0;
    qint64 m_selectedEventId = 0;
    bool m_notify = true;

    HistoryChart *m_lagChart = nullptr;
    HistoryChart *m_throughputChart = nullptr;
    QWidget *m_charts = nullptr;
    QSplitter *m_split = nullptr;
    QButtonGroup *m_rangeButtons = nullptr;
    QDateTimeEdit *m_customFrom = nullptr;
    QDateTimeEdit *m_customTo = nullptr;
    QPushButton *m_customApply = nullptr;
    QLabel *m_customDash = nullptr;
    QComboBox *m_lagMetric = nullptr;
    QComboBox *m_throughputMetric = nullptr;
    QComboBox *m_nodeFilter = nullptr;
    QComboBox *m_severityFilter = nullptr;
    QComboBox *m_typeFilter = nullptr;
    QComboBox *m_timeFilter = nullptr;
    EventLogModel *m_eventModel = nullptr;
    QTableView *m_eventView = nullptr;
    QCheckBox *m_notifyBox = nullptr;
    QLabel *m_notifyStatus = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace switchyard::ui
