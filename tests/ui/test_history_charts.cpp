// The monitoring charts and event log as a DBA sees them: the range buttons show the right
// window, lines break where a node was down or its lag unknown (never drawn as 0), the
// thresholds are where the profile puts them, tooltips give exact figures, a click on an
// event centres the charts on it, exports hold the data, and a desktop without a notification
// service is said to be one (no crash). With SWITCHYARD_SCREENSHOT_DIR set, the view is saved
// as charts.png there.
#include "history_fixtures.h"

#include "switchyard/ui/desktop_notifier.h"
#include "switchyard/ui/event_log_model.h"
#include "switchyard/ui/history_chart.h"
#include "switchyard/ui/history_recorder.h"
#include "switchyard/ui/history_store.h"
#include "switchyard/ui/monitoring_view.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace switchyard;
using namespace switchyard::ui;

namespace {

// "Now" for replayed history: the last full hour, so the store's retention (which runs on the
// real clock) keeps it at full resolution.
const qint64 kEnd = QDateTime::currentMSecsSinceEpoch() / 3'600'000 * 3'600'000;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Profile profile()
{
    Profile p;
    p.name = QStringLiteral("replayed");
    p.engine = core::Engine::MySQL;
    ProfileNode n;
    n.host = QStringLiteral("127.0.0.1");
    n.port = 23306;
    p.seeds << n;
    p.monitorUser = QStringLiteral("monitor");
    p.lagWarnSeconds = 10;
    p.lagCriticalSeconds = 30;
    return p;
}

HistoryRange rangeWithGap()
{
    HistoryRange r;
    r.fromMs = 0;
    r.toMs = 100'000;
    r.bucketMs = 1;
    NodeHistory rep;
    rep.node = QStringLiteral("db-2");
    rep.replica = true;
    NodeHistory pri;
    pri.node = QStringLiteral("db-1");
    for (int i = 0; i < 100; ++i) {
        const double t = i * 1000.0;
        rep.times.push_back(t);
        pri.times.push_back(t);
        for (int m = 0; m < kMetricCount; ++m) {
            // db-2 unreachable at 40-49 s; lag 0.5 s otherwise, 12 s at 70 s.
            const bool down = i >= 40 && i < 50;
            double v = down ? kNaN : (m == static_cast<int>(Metric::Lag) ? (i == 70 ? 12.0 : 0.5) : 100.0 + i);
            rep.values[static_cast<std::size_t>(m)].push_back(v);
            pri.values[static_cast<std::size_t>(m)].push_back(m == static_cast<int>(Metric::Lag) ? kNaN : 200.0);
        }
    }
    r.nodes = {pri, rep};
    return r;
}

} // namespace

class TestHistoryCharts : public QObject
{
    Q_OBJECT
private slots:
    void lagLinesBreakWhereTheNodeWasDown()
    {
        HistoryChart chart(HistoryChart::Kind::Lag);
        chart.resize(900, 300);
        chart.setThresholds(10, 30);
        chart.setTimeWindow(0, 100'000);
        chart.setHistory(rangeWithGap());
        QCOMPARE(chart.nodes(), QStringList{QStringLiteral("db-2")});   // the primary has no lag line
        const auto runs = chart.segments(QStringLiteral("db-2"));
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs[0].last().x(), 39'000.0);    // the line stops at the last answer ...
        QCOMPARE(runs[1].first().x(), 50'000.0);   // ... and resumes at the first one after
        const auto gaps = chart.gaps(QStringLiteral("db-2"));   // and the gap is shaded
        QCOMPARE(gaps.size(), std::size_t(1));
        QCOMPARE(gaps[0].first, 39'000.0);
        QCOMPARE(gaps[0].second, 50'000.0);
        for (const auto &run : runs)
            for (const QPointF &p : run)
                QVERIFY2(p.y() > 0.0, "an unknown lag must not be drawn as 0");
        QCOMPARE(chart.thresholdLine(false), 10.0);
        QCOMPARE(chart.thresholdLine(true), 30.0);

        // Bytes behind has no thresholds in seconds.
        chart.setMetric(Metric::BytesBehind);
        QVERIFY(!chart.thresholdLine(false));
        chart.setMetric(Metric::Lag);
        QVERIFY(chart.thresholdLine(true));
    }

    void throughputShowsEveryNodeAndSkipsFiguresANodeDoesNotHave()
    {
        HistoryChart chart(HistoryChart::Kind::Throughput);
        chart.resize(900, 300);
        chart.setTimeWindow(0, 100'000);
        HistoryRange r = rangeWithGap();
        for (auto &v : r.nodes[0].values[static_cast<std::size_t>(Metric::Queries)])
            v = kNaN;   // PostgreSQL has no queries counter
        chart.setHistory(r);
        QCOMPARE(chart.nodes().size(), 2);
        QVERIFY(!chart.thresholdLine(false));
        chart.setMetric(Metric::Queries);
        QCOMPARE(chart.nodes(), QStringList{QStringLiteral("db-2")});
    }

    void tooltipsGiveExactValuesAndTimes()
    {
        HistoryChart chart(HistoryChart::Kind::Lag);
        chart.setTimeWindow(0, 100'000);
        chart.setHistory(rangeWithGap());
        const QString tip = chart.tooltipText(QStringLiteral("db-2"), 70'400);
        QVERIFY2(tip.contains(QStringLiteral("12 s")), qPrintable(tip));
        QVERIFY2(tip.contains(QDateTime::fromMSecsSinceEpoch(70'000).toString(QStringLiteral("HH:mm:ss"))), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("170 transactions")), qPrintable(tip));   // transactions behind at 70 s
        const QString gap = chart.tooltipText(QStringLiteral("db-2"), 45'000);
        QVERIFY2(gap.contains(QStringLiteral("unknown")), qPrintable(gap));
    }

    void downsamplingKeepsAWeekInteractiveAndThePeakVisible()
    {
        HistoryChart chart(HistoryChart::Kind::Lag);
        chart.resize(1000, 300);
        chart.setPointBudget(800);
        HistoryRange r;
        r.fromMs = 0;
        r.toMs = 7 * 86'400'000LL;
        NodeHistory n;
        n.node = QStringLiteral("db-2");
        n.replica = true;
        const int count = 7 * 86'400 / 10;   // a 10 s interval for a week: 60480 points
        for (int i = 0; i < count; ++i) {
            n.times.push_back(i * 10'000.0);
            for (auto &v : n.values)
                v.push_back(i == 33'333 ? 250.0 : 1.0 + (i % 13) * 0.1);
        }
        r.nodes = {n};
        chart.setTimeWindow(r.fromMs, r.toMs);
        chart.setHistory(r);
        int points = 0;
        double peak = 0;
        for (const auto &run : chart.segments(QStringLiteral("db-2")))
            for (const QPointF &p : run) {
                ++points;
                peak = std::max(peak, p.y());
            }
        QVERIFY2(points <= 800, qPrintable(QString::number(points)));
        QCOMPARE(peak, 250.0);
    }

    void rangesGapsThresholdsAndEventJumpsInTheView()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("replayed.sqlite"));
        testing::HistoryScenario s;
        {
            HistoryDatabase db(path);
            QVERIFY(db.open());
            s = testing::writeHistoryScenario(db, kEnd, 3600);
        }
        MonitoringView view;
        view.resize(1200, 820);
        view.setClock([] { return kEnd; });
        QSignalSpy shown(&view, &MonitoringView::historyShown);
        QSignalSpy events(&view, &MonitoringView::eventsShown);
        view.setProfile(profile(), path);
        view.show();
        QVERIFY(shown.wait(10000));

        // 5 minutes: the window ends now.
        QCOMPARE(view.windowTo(), kEnd);
        QCOMPARE(view.windowTo() - view.windowFrom(), 5 * 60'000LL);
        // One hour: the whole scenario; db-3's line breaks twice (down, then lag unknown).
        shown.clear();
        view.setRangePreset(MonitoringView::RangePreset::OneHour);
        QVERIFY(shown.wait(10000));
        QCOMPARE(view.windowTo() - view.windowFrom(), 3'600'000LL);
        HistoryChart *lag = view.lagChart();
        QCOMPARE(lag->windowFrom(), view.windowFrom());
        QCOMPARE(lag->nodes(), (QStringList{QStringLiteral("db-2"), QStringLiteral("db-3")}));
        const auto db3 = lag->segments(QStringLiteral("db-3"));
        QCOMPARE(db3.size(), 3);
        QVERIFY(db3[0].last().x() < static_cast<double>(s.downFromMs));
        QVERIFY(db3[1].first().x() >= static_cast<double>(s.downToMs));
        QVERIFY(db3[1].last().x() < static_cast<double>(s.unknownFromMs));
        QVERIFY(db3[2].first().x() >= static_cast<double>(s.unknownToMs));
        QCOMPARE(lag->gaps(QStringLiteral("db-3")).size(), std::size_t(2));
        QVERIFY(lag->gaps(QStringLiteral("db-2")).empty());
        QCOMPARE(lag->thresholdLine(false), 10.0);
        QCOMPARE(lag->thresholdLine(true), 30.0);
        double peak = 0;
        for (const auto &run : lag->segments(QStringLiteral("db-2")))
            for (const QPointF &p : run)
                peak = std::max(peak, p.y());
        QVERIFY2(peak > 30.0, "the spike above the critical line is drawn");
        QCOMPARE(view.throughputChart()->nodes().size(), 3);

        // 24 h and 7 d: the same hour, bucketed; still the gaps, still the peak.
        for (auto preset : {MonitoringView::RangePreset::OneDay, MonitoringView::RangePreset::SevenDays}) {
            shown.clear();
            view.setRangePreset(preset);
            QVERIFY(shown.wait(10000));
            QCOMPARE(view.windowTo() - view.windowFrom(), MonitoringView::presetSpanMs(preset));
            QVERIFY(lag->history().bucketMs >= 20'000);
            QVERIFY(lag->segments(QStringLiteral("db-3")).size() >= 2);
            double p = 0;
            for (const auto &run : lag->segments(QStringLiteral("db-2")))
                for (const QPointF &pt : run)
                    p = std::max(p, pt.y());
            QVERIFY2(p > 30.0, "bucketing keeps the maximum lag");
        }

        // The event log: everything from the scenario, newest first; filters narrow it.
        view.setEventTime(MonitoringView::EventTime::Everything);
        QTRY_COMPARE(view.eventModel()->rowCount(), 11);
        QCOMPARE(view.eventModel()->eventAt(view.eventModel()->rowCount() - 1)->event.type, core::EventType::MonitoringStarted);

        // Click the critical lag event: the charts centre on it with a marker.
        int row = -1;
        for (int i = 0; i < view.eventModel()->rowCount(); ++i)
            if (view.eventModel()->eventAt(i)->event.type == core::EventType::LagCritical)
                row = i;
        QVERIFY(row >= 0);
        const qint64 at = view.eventModel()->eventAt(row)->event.atMs;
        shown.clear();
        view.eventView()->selectRow(row);
        QTest::mouseClick(view.eventView()->viewport(), Qt::LeftButton, {},
                          view.eventView()->visualRect(view.eventModel()->index(row, 1)).center());
        QCOMPARE(view.rangePreset(), MonitoringView::RangePreset::Custom);
        QVERIFY(view.windowFrom() < at && at < view.windowTo());
        QVERIFY(std::llabs((view.windowFrom() + view.windowTo()) / 2 - at) <= 1000);
        QCOMPARE(lag->marker(), at);
        QVERIFY(shown.wait(10000));

        // Back to the hour, at full resolution, for the screenshot and the exports.
        shown.clear();
        view.setRangePreset(MonitoringView::RangePreset::OneHour);
        QVERIFY(shown.wait(10000));
        QVERIFY(!lag->marker());
        if (const QByteArray out = qgetenv("SWITCHYARD_SCREENSHOT_DIR"); !out.isEmpty()) {
            QTest::qWait(50);
            QVERIFY(view.grab().save(QString::fromLocal8Bit(out) + QStringLiteral("/charts.png")));
        }

        // Exports.
        const QString png = dir.filePath(QStringLiteral("charts.png"));
        QVERIFY(view.exportPng(png));
        const QImage image(png);
        QVERIFY(image.width() >= 800 && image.height() >= 300);
        const QString csvFile = dir.filePath(QStringLiteral("data.csv"));
        QVERIFY(view.exportCsv(csvFile));
        QFile f(csvFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.first().startsWith(QStringLiteral("time,node,lag_seconds")));
        QCOMPARE(lines.size(), 1 + 3 * 3600);   // header + every second of the hour for three nodes
        bool unreachableRow = false;
        for (const QString &l : lines)
            unreachableRow |= l.contains(QStringLiteral(",db-3,,,,,,,,,"));
        QVERIFY2(unreachableRow, "a node that did not answer has empty cells, not zeros");
    }

    void filtersNarrowTheEventLog()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("f.sqlite"));
        {
            HistoryDatabase db(path);
            QVERIFY(db.open());
            testing::writeHistoryScenario(db, kEnd, 1800);
        }
        MonitoringView view;
        view.setClock([] { return kEnd; });
        view.setProfile(profile(), path);
        view.setEventTime(MonitoringView::EventTime::Everything);
        QTRY_COMPARE(view.eventModel()->rowCount(), 11);
        const auto combos = view.findChildren<QComboBox *>();
        QComboBox *severity = nullptr, *type = nullptr, *node = nullptr;
        for (QComboBox *c : combos) {
            if (c->itemText(0) == QStringLiteral("All severities"))
                severity = c;
            else if (c->itemText(0) == QStringLiteral("All events"))
                type = c;
            else if (c->itemText(0) == QStringLiteral("All nodes"))
                node = c;
        }
        QVERIFY(severity && type && node);
        severity->setCurrentIndex(2);   // critical only
        QTRY_COMPARE(view.eventModel()->rowCount(), 3);
        severity->setCurrentIndex(0);
        type->setCurrentIndex(type->findData(static_cast<int>(core::EventType::NodeDown)));
        QTRY_COMPARE(view.eventModel()->rowCount(), 1);
        type->setCurrentIndex(0);
        QTRY_VERIFY(node->findData(QStringLiteral("db-3")) > 0);
        node->setCurrentIndex(node->findData(QStringLiteral("db-3")));
        QTRY_COMPARE(view.eventModel()->rowCount(), 7);   // down, up, stopped, error, started, cleared, the action
        view.setEventTime(MonitoringView::EventTime::LastHour);
        QTRY_COMPARE(view.eventModel()->rowCount(), 7);
    }

    void noNotificationServiceIsSaidAndNothingBreaks()
    {
        // A desktop without a session bus and without a tray (this offscreen test).
        const QByteArray saved = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        DesktopNotifier notifier;
        QCOMPARE(notifier.backend(), DesktopNotifier::Backend::None);
        QVERIFY(notifier.statusText().contains(QStringLiteral("not available")));
        QVERIFY(!notifier.notify(QStringLiteral("t"), QStringLiteral("b"), QStringLiteral("k")));

        QTemporaryDir dir;
        MonitoringView view;
        view.setProfile(profile(), dir.filePath(QStringLiteral("n.sqlite")));
        QVERIFY(view.notificationStatus().contains(QStringLiteral("not available")));
        // A critical event through the recorder: no notification, no crash.
        auto snap = std::make_shared<core::ClusterSnapshot>();
        snap->generation = 1;
        snap->takenAtMs = kEnd;
        core::NodeStatus n;
        n.name = "db-1";
        n.role = core::NodeRole::Primary;
        n.reachability = core::Reachability::Unreachable;
        snap->nodes = {n};
        view.recorder()->record(snap);
        QCOMPARE(view.notifier()->sentCount(), 0);
        if (!saved.isEmpty())
            qputenv("DBUS_SESSION_BUS_ADDRESS", saved);
    }

    void repeatedCriticalEventsAreNotifiedOncePerMinute()
    {
        DesktopNotifier notifier;
        notifier.setBackendForTesting(DesktopNotifier::Backend::SystemTray);
        QVERIFY(notifier.notify(QStringLiteral("t"), QStringLiteral("b"), QStringLiteral("db-1/node_down")));
        QVERIFY(!notifier.notify(QStringLiteral("t"), QStringLiteral("b"), QStringLiteral("db-1/node_down")));
        QVERIFY(notifier.notify(QStringLiteral("t"), QStringLiteral("b"), QStringLiteral("db-2/node_down")));
        QCOMPARE(notifier.sentCount(), 2);
    }
};

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestHistoryCharts t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_history_charts.moc"
