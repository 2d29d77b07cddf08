// One chart of the monitoring history (Qt Charts): replication lag per replica, or a
// throughput figure per node, over a time window.
//
// Unknown is not zero: where a node did not answer, its lag was not reported or nothing was
// recorded, the line breaks (each unbroken run is its own series, drawn in the node's colour;
// only the first carries the legend entry). Each run is downsampled with
// largest-triangle-three-buckets to about one point per horizontal pixel, so a week of
// 1-second samples draws as fast as five minutes. The lag chart draws the profile's warning and
// critical thresholds as dashed lines. Hovering a line shows the exact value and time.
//
// Thread contract: GUI thread only; no I/O except the explicit export functions.
#pragma once

#include "switchyard/core/downsample.h"
#include "switchyard/ui/history_types.h"

#include <QChartView>
#include <QHash>
#include <QList>

#include <optional>
#include <vector>

class QAreaSeries;
class QChart;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace switchyard::ui {

class HistoryChart : public QChartView
{
    Q_OBJECT
public:
    enum class Kind { Lag, Throughput };

    explicit HistoryChart(Kind kind, QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    // Lag: Lag (seconds), BytesBehind or TransactionsBehind. Throughput: Queries, Transactions,
    // RowsRead, RowsWritten, Connections or ThreadsRunning.
    void setMetric(Metric metric);
    Metric metric() const { return m_metric; }
    static QString metricTitle(Metric metric);   // "Lag (seconds)", "Transactions per second", ...
    static QString formatValue(Metric metric, double value);

    // Dashed horizontal lines on the lag chart (seconds); shown when the metric is Lag.
    void setThresholds(double warnSeconds, double criticalSeconds);
    // The data (already bucketed by the store) and the window the x axis shows.
    void setHistory(const HistoryRange &range);
    void setTimeWindow(qint64 fromMs, qint64 toMs);
    // A vertical line at a moment (the event clicked in the log); nullopt removes it.
    void setMarker(std::optional<qint64> atMs);
    // Points per unbroken run at most about this many per full window (default: plot width).
    void setPointBudget(int points) { m_budget = points; }

    const HistoryRange &history() const { return m_history; }
    qint64 windowFrom() const { return m_from; }
    qint64 windowTo() const { return m_to; }

    // What is drawn, for tests and the export: per node, its runs of points (ms, value).
    QStringList nodes() const;
    QList<QList<QPointF>> segments(const QString &node) const;
    std::optional<double> thresholdLine(bool critical) const;   // y of the visible line
    // Where `node` has no value in the window (unreachable, unknown, not recorded), shaded.
    std::vector<std::pair<double, double>> gaps(const QString &node) const;
    std::optional<qint64> marker() const { return m_marker; }
    QColor colorFor(const QString &node) const;
    // The tooltip for the point of `node`'s line nearest to time `atMs`.
    QString tooltipText(const QString &node, qint64 atMs) const;

    // The window's data (the store's buckets, before downsampling), every metric, one row per
    // node and time; unknown values are empty cells.
    QString csv() const;
    bool exportCsv(const QString &file, QString *error = nullptr) const;
    bool exportPng(const QString &file, QString *error = nullptr);

signals:
    void hovered(const QString &text);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct NodeLines
    {
        QString node;
        QColor color;
        std::vector<core::ChartPoint> points;   // downsampled, NaN = break
        QList<QLineSeries *> runs;
        std::vector<std::pair<double, double>> gaps;   // [from, to] ms without a value
        QAreaSeries *gapBand = nullptr;                // light bands over the gaps
    };

    void rebuild();
    void updateAxes(double yMax);
    NodeLines &linesFor(const QString &node);
    void onHovered(const QString &node, const QPointF &point, bool state);
    bool metricApplies(const NodeHistory &n) const;

    Kind m_kind;
    Metric m_metric;
    QChart *m_chart;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    QLineSeries *m_warnLine;
    QLineSeries *m_critLine;
    QLineSeries *m_markerLine;
    double m_warn = 10.0, m_crit = 30.0;
    HistoryRange m_history;
    qint64 m_from = 0, m_to = 0;
    std::optional<qint64> m_marker;
    int m_budget = 0;
    std::vector<NodeLines> m_lines;
    QHash<QString, int> m_colorIndex;
};

} // namespace switchyard::ui
