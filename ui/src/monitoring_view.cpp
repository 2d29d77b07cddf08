#include "switchyard/ui/monitoring_view.h"

#include "switchyard/ui/cluster_monitor.h"
#include "switchyard/ui/desktop_notifier.h"
#include "switchyard/ui/event_log_model.h"
#include "switchyard/ui/event_text.h"
#include "switchyard/ui/history_chart.h"
#include "switchyard/ui/history_database.h"
#include "switchyard/ui/history_recorder.h"
#include "switchyard/ui/history_store.h"
#include "switchyard/ui/tr.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace switchyard::ui {

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr int kMaxPoints = 4000;   // buckets the store returns per node

} // namespace

qint64 MonitoringView::presetSpanMs(RangePreset preset)
{
    switch (preset) {
    case RangePreset::FiveMinutes: return 5 * kMinute;
    case RangePreset::OneHour: return kHour;
    case RangePreset::OneDay: return kDay;
    case RangePreset::SevenDays: return 7 * kDay;
    case RangePreset::Custom: break;
    }
    return 0;
}

MonitoringView::MonitoringView(QWidget *parent) : QWidget(parent)
{
    m_notifier = new DesktopNotifier(this);
    buildUi();
    connect(m_notifier, &DesktopNotifier::backendChanged, this, [this] { m_notifyStatus->setText(notificationStatus()); });
    m_notifyStatus->setText(notificationStatus());
    const qint64 t = now();
    m_from = t - presetSpanMs(m_preset);
    m_to = t;
    applyWindow();
}

MonitoringView::~MonitoringView()
{
    detach();
}

qint64 MonitoringView::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void MonitoringView::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    if (m_preset != RangePreset::Custom)
        setRangePreset(m_preset);
}

void MonitoringView::buildUi()
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(6, 6, 6, 6);
    root->setSpacing(6);

    // Range and figures.
    auto *bar = new QHBoxLayout;
    bar->setSpacing(4);
    bar->addWidget(new QLabel(Tr::tr("Range:")));
    m_rangeButtons = new QButtonGroup(this);
    m_rangeButtons->setExclusive(true);
    const std::pair<RangePreset, QString> presets[] = {
        {RangePreset::FiveMinutes, Tr::tr("5 min")}, {RangePreset::OneHour, Tr::tr("1 h")},
        {RangePreset::OneDay, Tr::tr("24 h")},       {RangePreset::SevenDays, Tr::tr("7 d")},
        {RangePreset::Custom, Tr::tr("Custom")},
    };
    for (const auto &[preset, label] : presets) {
        auto *b = new QToolButton;
        b->setText(label);
        b->setCheckable(true);
        b->setAutoRaise(false);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_rangeButtons->addButton(b, static_cast<int>(preset));
        bar->addWidget(b);
    }
    m_rangeButtons->button(static_cast<int>(RangePreset::FiveMinutes))->setChecked(true);
    connect(m_rangeButtons, &QButtonGroup::idClicked, this, [this](int id) {
        const auto preset = static_cast<RangePreset>(id);
        if (preset == RangePreset::Custom) {
            setCustomRange(m_from, m_to);
            return;
        }
        setRangePreset(preset);
    });
    m_customFrom = new QDateTimeEdit;
    m_customTo = new QDateTimeEdit;
    for (QDateTimeEdit *e : {m_customFrom, m_customTo}) {
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        e->setCalendarPopup(true);
    }
    m_customApply = new QPushButton(Tr::tr("Show"));
    connect(m_customApply, &QPushButton::clicked, this, [this] {
        setCustomRange(m_customFrom->dateTime().toMSecsSinceEpoch(), m_customTo->dateTime().toMSecsSinceEpoch());
    });
    bar->addSpacing(6);
    bar->addWidget(m_customFrom);
    m_customDash = new QLabel(QStringLiteral("–"));
    bar->addWidget(m_customDash);
    bar->addWidget(m_customTo);
    bar->addWidget(m_customApply);
    bar->addStretch(1);

    m_lagMetric = new QComboBox;
    m_lagMetric->addItem(Tr::tr("Lag in seconds"), static_cast<int>(Metric::Lag));
    m_lagMetric->addItem(Tr::tr("WAL bytes behind (PostgreSQL)"), static_cast<int>(Metric::BytesBehind));
    m_lagMetric->addItem(Tr::tr("Transactions behind (GTID)"), static_cast<int>(Metric::TransactionsBehind));
    m_throughputMetric = new QComboBox;
    for (Metric m : {Metric::Transactions, Metric::Queries, Metric::RowsRead, Metric::RowsWritten, Metric::Connections,
                     Metric::ThreadsRunning})
        m_throughputMetric->addItem(HistoryChart::metricTitle(m), static_cast<int>(m));
    bar->addWidget(m_lagMetric);
    bar->addWidget(m_throughputMetric);

    auto *exportButton = new QToolButton;
    exportButton->setText(Tr::tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    menu->addAction(Tr::tr("Charts as PNG…"), this, [this] { exportInteractively(true); });
    menu->addAction(Tr::tr("Data as CSV…"), this, [this] { exportInteractively(false); });
    exportButton->setMenu(menu);
    bar->addWidget(exportButton);
    root->addLayout(bar);

    // Charts above, event log below.
    m_lagChart = new HistoryChart(HistoryChart::Kind::Lag);
    m_throughputChart = new HistoryChart(HistoryChart::Kind::Throughput);
    connect(m_lagMetric, &QComboBox::currentIndexChanged, this,
            [this] { m_lagChart->setMetric(static_cast<Metric>(m_lagMetric->currentData().toInt())); });
    connect(m_throughputMetric, &QComboBox::currentIndexChanged, this,
            [this] { m_throughputChart->setMetric(static_cast<Metric>(m_throughputMetric->currentData().toInt())); });
    m_charts = new QWidget;
    auto *chartsLayout = new QVBoxLayout(m_charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->setSpacing(2);
    chartsLayout->addWidget(m_lagChart, 1);
    chartsLayout->addWidget(m_throughputChart, 1);

    auto *log = new QWidget;
    auto *logLayout = new QVBoxLayout(log);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->setSpacing(4);
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(Tr::tr("Events:")));
    m_nodeFilter = new QComboBox;
    m_nodeFilter->addItem(Tr::tr("All nodes"), QString());
    m_nodeFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_severityFilter = new QComboBox;
    m_severityFilter->addItem(Tr::tr("All severities"), static_cast<int>(core::Severity::Info));
    m_severityFilter->addItem(Tr::tr("Warnings and critical"), static_cast<int>(core::Severity::Warning));
    m_severityFilter->addItem(Tr::tr("Critical only"), static_cast<int>(core::Severity::Critical));
    m_typeFilter = new QComboBox;
    m_typeFilter->addItem(Tr::tr("All events"), -1);
    for (int i = 0; i < core::kEventTypeCount; ++i)
        m_typeFilter->addItem(eventTypeTitle(static_cast<core::EventType>(i)), i);
    m_timeFilter = new QComboBox;
    m_timeFilter->addItem(Tr::tr("In the chart's range"), static_cast<int>(EventTime::ChartRange));
    m_timeFilter->addItem(Tr::tr("Last hour"), static_cast<int>(EventTime::LastHour));
    m_timeFilter->addItem(Tr::tr("Last 24 hours"), static_cast<int>(EventTime::LastDay));
    m_timeFilter->addItem(Tr::tr("Last 7 days"), static_cast<int>(EventTime::LastWeek));
    m_timeFilter->addItem(Tr::tr("Everything kept"), static_cast<int>(EventTime::Everything));
    m_timeFilter->setCurrentIndex(static_cast<int>(EventTime::LastDay));
    for (QComboBox *c : {m_nodeFilter, m_severityFilter, m_typeFilter, m_timeFilter}) {
        filters->addWidget(c);
        connect(c, &QComboBox::currentIndexChanged, this, &MonitoringView::requestEvents);
    }
    filters->addStretch(1);
    m_status = new QLabel;
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    filters->addWidget(m_status);
    logLayout->addLayout(filters);

    m_eventModel = new EventLogModel(this);
    m_eventView = new QTableView;
    m_eventView->setModel(m_eventModel);
    m_eventView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_eventView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_eventView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_eventView->setAlternatingRowColors(true);
    m_eventView->setWordWrap(false);
    m_eventView->verticalHeader()->hide();
    m_eventView->verticalHeader()->setDefaultSectionSize(m_eventView->fontMetrics().height() + 6);
    m_eventView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_eventView->horizontalHeader()->setSectionResizeMode(EventLogModel::Message, QHeaderView::Stretch);
    m_eventView->setToolTip(Tr::tr("Click an event to see that moment in the charts"));
    connect(m_eventView, &QTableView::clicked, this, &MonitoringView::onEventActivated);
    connect(m_eventView, &QTableView::activated, this, &MonitoringView::onEventActivated);
    logLayout->addWidget(m_eventView, 1);

    auto *notifyRow = new QHBoxLayout;
    m_notifyBox = new QCheckBox(Tr::tr("Notify me of critical events"));
    m_notifyBox->setChecked(m_notify);
    connect(m_notifyBox, &QCheckBox::toggled, this, [this](bool on) {
        m_notify = on;
        emit notificationsToggled(on);
    });
    m_notifyStatus = new QLabel;
    m_notifyStatus->setStyleSheet(QStringLiteral("color: palette(mid);"));
    notifyRow->addWidget(m_notifyBox);
    notifyRow->addWidget(m_notifyStatus, 1);
    logLayout->addLayout(notifyRow);

    m_split = new QSplitter(Qt::Vertical);
    m_split->addWidget(m_charts);
    m_split->addWidget(log);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);
    m_split->setChildrenCollapsible(false);
    // QSplitter sizes by sizeHint at first show, which squashes a QChartView: give it the room.
    m_split->setSizes({520, 260});
    root->addWidget(m_split, 1);
}

QString MonitoringView::notificationStatus() const
{
    return m_notifier->statusText();
}

void MonitoringView::setNotificationsEnabled(bool enabled)
{
    m_notify = enabled;
    const QSignalBlocker block(m_notifyBox);
    m_notifyBox->setChecked(enabled);
}

void MonitoringView::setProfile(const Profile &profile, const QString &historyPath)
{
    const bool wasAttached = m_monitor;
    QPointer<ClusterMonitor> monitor = m_monitor;
    detach();
    m_profile = profile;
    m_hasProfile = true;
    m_recorder.reset();
    m_store = std::make_unique<HistoryStore>(historyPath.isEmpty() ? HistoryDatabase::defaultPath(profile.name) : historyPath,
                                             RetentionPolicy{profile.historyFullResolutionDays, profile.historyKeepDays});
    connect(m_store.get(), &HistoryStore::rangeReady, this, &MonitoringView::onRange);
    connect(m_store.get(), &HistoryStore::eventsReady, this, &MonitoringView::onEvents);
    connect(m_store.get(), &HistoryStore::eventsStored, this, &MonitoringView::requestEvents);
    connect(m_store.get(), &HistoryStore::failed, this, [this](const QString &message) {
        m_status->setText(Tr::tr("History: %1").arg(message));
    });
    m_recorder = std::make_unique<HistoryRecorder>(m_store.get());
    m_recorder->setEventOptions({profile.lagWarnSeconds, profile.lagCriticalSeconds, 0.8});
    connect(m_recorder.get(), &HistoryRecorder::roundRecorded, this, &MonitoringView::onRound);
    connect(m_recorder.get(), &HistoryRecorder::eventsDetected, this, &MonitoringView::onEventsDetected);
    m_lagChart->setThresholds(profile.lagWarnSeconds, profile.lagCriticalSeconds);
    // Offer the figures this engine has: WAL bytes for PostgreSQL, GTID distance and a
    // queries counter for the MySQL family.
    const bool pg = profile.engine == core::Engine::PostgreSQL;
    {
        const QSignalBlocker blockLag(m_lagMetric), blockThroughput(m_throughputMetric);
        m_lagMetric->clear();
        m_lagMetric->addItem(Tr::tr("Lag in seconds"), static_cast<int>(Metric::Lag));
        if (pg)
            m_lagMetric->addItem(Tr::tr("WAL bytes behind"), static_cast<int>(Metric::BytesBehind));
        else
            m_lagMetric->addItem(Tr::tr("Transactions behind (GTID)"), static_cast<int>(Metric::TransactionsBehind));
        m_throughputMetric->clear();
        for (Metric m : {Metric::Transactions, Metric::Queries, Metric::RowsRead, Metric::RowsWritten, Metric::Connections,
                         Metric::ThreadsRunning}) {
            if (pg && m == Metric::Queries)
                continue;   // pg_stat_database counts transactions, not statements
            m_throughputMetric->addItem(HistoryChart::metricTitle(m), static_cast<int>(m));
        }
    }
    m_lagChart->setMetric(Metric::Lag);
    m_throughputChart->setMetric(Metric::Transactions);
    setNotificationsEnabled(profile.notifyCritical);
    m_eventModel->setEvents({});
    m_status->clear();
    if (wasAttached && monitor)
        attach(monitor);
    refresh();
}

void MonitoringView::attach(ClusterMonitor *monitor)
{
    m_monitor = monitor;
    if (m_recorder)
        m_recorder->attach(monitor);
}

void MonitoringView::detach()
{
    if (m_recorder)
        m_recorder->detach();
    m_monitor = nullptr;
}

void MonitoringView::clear()
{
    detach();
    m_recorder.reset();
    m_store.reset();
    m_hasProfile = false;
    m_lagChart->setHistory({});
    m_throughputChart->setHistory({});
    m_eventModel->setEvents({});
}

void MonitoringView::setRangePreset(RangePreset preset)
{
    if (preset == RangePreset::Custom) {
        setCustomRange(m_from, m_to);
        return;
    }
    m_preset = preset;
    m_marker.reset();
    if (auto *b = m_rangeButtons->button(static_cast<int>(preset)))
        b->setChecked(true);
    const qint64 t = now();
    m_from = t - presetSpanMs(preset);
    m_to = t;
    applyWindow();
}

void MonitoringView::setCustomRange(qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        std::swap(fromMs, toMs);
    m_preset = RangePreset::Custom;
    if (auto *b = m_rangeButtons->button(static_cast<int>(RangePreset::Custom)))
        b->setChecked(true);
    m_from = fromMs;
    m_to = std::max(toMs, fromMs + kMinute);
    applyWindow();
}

void MonitoringView::jumpTo(qint64 atMs)
{
    const qint64 width = std::max<qint64>(m_to - m_from, 5 * kMinute);
    const std::optional<qint64> marker = atMs;
    setCustomRange(atMs - width / 2, atMs + width / 2);
    m_marker = marker;
    m_lagChart->setMarker(m_marker);
    m_throughputChart->setMarker(m_marker);
}

void MonitoringView::setEventTime(EventTime time)
{
    m_timeFilter->setCurrentIndex(static_cast<int>(time));
}

void MonitoringView::applyWindow()
{
    const bool custom = m_preset == RangePreset::Custom;
    for (QWidget *w : std::initializer_list<QWidget *>{m_customFrom, m_customDash, m_customTo, m_customApply})
        w->setVisible(custom);
    m_customFrom->setDateTime(QDateTime::fromMSecsSinceEpoch(m_from));
    m_customTo->setDateTime(QDateTime::fromMSecsSinceEpoch(m_to));
    for (HistoryChart *c : {m_lagChart, m_throughputChart}) {
        c->setTimeWindow(m_from, m_to);
        c->setMarker(m_marker);
    }
    refresh();
}

void MonitoringView::refresh()
{
    if (!m_store)
        return;
    m_lastRefreshMs = now();
    m_rangeToken = m_store->requestRange(m_from, m_to, kMaxPoints);
    requestEvents();
}

void MonitoringView::requestEvents()
{
    if (!m_store)
        return;
    EventFilter f;
    const qint64 t = now();
    switch (static_cast<EventTime>(m_timeFilter->currentData().toInt())) {
    case EventTime::ChartRange:
        f.fromMs = m_from;
        f.toMs = m_to;
        break;
    case EventTime::LastHour: f.fromMs = t - kHour; break;
    case EventTime::LastDay: f.fromMs = t - kDay; break;
    case EventTime::LastWeek: f.fromMs = t - 7 * kDay; break;
    case EventTime::Everything: break;
    }
    if (const QString node = m_nodeFilter->currentData().toString(); !node.isEmpty())
        f.nodes = {node};
    f.minSeverity = static_cast<core::Severity>(m_severityFilter->currentData().toInt());
    if (const int type = m_typeFilter->currentData().toInt(); type >= 0)
        f.types = {static_cast<core::EventType>(type)};
    f.limit = 5000;
    m_eventsToken = m_store->requestEvents(f);
}

void MonitoringView::onRound()
{
    if (m_preset == RangePreset::Custom)
        return;
    // Follow "now"; a wide window moves by less than a pixel per round, so it is re-read less often.
    const qint64 t = now();
    const qint64 span = presetSpanMs(m_preset);
    if (t - m_lastRefreshMs < span / 2000)
        return;
    m_from = t - span;
    m_to = t;
    for (HistoryChart *c : {m_lagChart, m_throughputChart})
        c->setTimeWindow(m_from, m_to);
    m_lastRefreshMs = t;
    if (m_store)
        m_rangeToken = m_store->requestRange(m_from, m_to, kMaxPoints);
}

void MonitoringView::onEventsDetected(const std::vector<core::Event> &events)
{
    if (!m_notify)
        return;
    std::vector<const core::Event *> critical;
    for (const core::Event &e : events)
        if (e.severity == core::Severity::Critical)
            critical.push_back(&e);
    if (critical.empty())
        return;
    const QString cluster = m_profile.name;
    if (critical.size() > 3) {
        m_notifier->notify(Tr::tr("%1: %n critical events", nullptr, static_cast<int>(critical.size())).arg(cluster),
                           eventMessage(*critical.front()), QStringLiteral("burst"));
        return;
    }
    for (const core::Event *e : critical)
        m_notifier->notify(Tr::tr("%1: %2").arg(cluster, eventTypeTitle(e->type)), eventMessage(*e),
                           qs(e->node) + QLatin1Char('/') + qs(core::eventTypeName(e->type)));
}

void MonitoringView::onRange(quint64 token, const HistoryRange &range)
{
    if (token != m_rangeToken)
        return;   // an older request's answer
    m_lagChart->setHistory(range);
    m_throughputChart->setHistory(range);
    updateNodeFilter(range);
    emit historyShown();
}

void MonitoringView::updateNodeFilter(const HistoryRange &range)
{
    QStringList names;
    for (int i = 1; i < m_nodeFilter->count(); ++i)
        names << m_nodeFilter->itemData(i).toString();
    bool added = false;
    for (const NodeHistory &n : range.nodes) {
        if (!names.contains(n.node)) {
            names << n.node;
            added = true;
        }
    }
    if (!added)
        return;
    names.sort();
    const QString current = m_nodeFilter->currentData().toString();
    const QSignalBlocker block(m_nodeFilter);
    while (m_nodeFilter->count() > 1)
        m_nodeFilter->removeItem(1);
    for (const QString &n : names)
        m_nodeFilter->addItem(n, n);
    m_nodeFilter->setCurrentIndex(std::max(0, m_nodeFilter->findData(current)));
}

void MonitoringView::onEvents(quint64 token, const QList<StoredEvent> &events)
{
    if (token != m_eventsToken)
        return;
    m_eventModel->setEvents(events);
    m_status->setText(Tr::tr("%n event(s)", nullptr, static_cast<int>(events.size())));
    if (m_selectedEventId) {
        const int row = m_eventModel->rowOf(m_selectedEventId);
        if (row >= 0)
            m_eventView->selectRow(row);
    }
    emit eventsShown();
}

void MonitoringView::onEventActivated(const QModelIndex &index)
{
    const StoredEvent *e = m_eventModel->eventAt(index.row());
    if (!e)
        return;
    m_selectedEventId = e->id;
    jumpTo(e->event.atMs);
}

bool MonitoringView::exportPng(const QString &file, QString *error)
{
    // Both charts in one picture, as they are on screen.
    if (!m_charts->grab().save(file, "PNG")) {
        if (error)
            *error = Tr::tr("cannot write %1").arg(file);
        return false;
    }
    return true;
}

bool MonitoringView::exportCsv(const QString &file, QString *error)
{
    return m_lagChart->exportCsv(file, error);   // both charts show the same window of the same data
}

void MonitoringView::exportInteractively(bool png)
{
    const QString stamp = QDateTime::fromMSecsSinceEpoch(m_to).toString(QStringLiteral("yyyyMMdd-HHmm"));
    const QString suggested = QStringLiteral("%1-%2.%3").arg(m_hasProfile ? m_profile.name : QStringLiteral("history"), stamp,
                                                             png ? QStringLiteral("png") : QStringLiteral("csv"));
    const QString file = QFileDialog::getSaveFileName(this, png ? Tr::tr("Export charts") : Tr::tr("Export data"), suggested,
                                                      png ? Tr::tr("PNG images (*.png)") : Tr::tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    QString error;
    if (!(png ? exportPng(file, &error) : exportCsv(file, &error)))
        QMessageBox::warning(this, Tr::tr("Export failed"), error);
}

} // namespace switchyard::ui
