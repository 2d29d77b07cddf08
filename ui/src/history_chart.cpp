#include "switchyard/ui/history_chart.h"

#include "switchyard/ui/event_text.h"
#include "switchyard/ui/tr.h"

#include <QAreaSeries>
#include <QChart>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFile>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSaveFile>
#include <QTextStream>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace switchyard::ui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Distinguishable on white and for common colour blindness (Okabe-Ito order, darkened yellow).
const QColor kPalette[] = {
    QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
    QColor(0x56, 0xB4, 0xE9), QColor(0x99, 0x7A, 0x00), QColor(0x44, 0x44, 0x44), QColor(0x8C, 0x56, 0x4B),
    QColor(0x6A, 0x3D, 0x9A), QColor(0x1B, 0x9E, 0x9E),
};
const QColor kWarnColor(0xE6, 0x9F, 0x00);
const QColor kCritColor(0xC0, 0x1C, 0x28);

QString formatBytes(double b)
{
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (b >= 1024.0 && u < 4) {
        b /= 1024.0;
        ++u;
    }
    return QStringLiteral("%1 %2").arg(u == 0 ? QString::number(b, 'f', 0) : QString::number(b, 'f', 1), QLatin1String(units[u]));
}

QString formatRate(double v)
{
    if (v >= 100.0)
        return QString::number(v, 'f', 0);
    if (v >= 10.0)
        return QString::number(v, 'f', 1);
    return QString::number(v, 'f', 2);
}

} // namespace

HistoryChart::HistoryChart(Kind kind, QWidget *parent)
    : QChartView(parent),
      m_kind(kind),
      m_metric(kind == Kind::Lag ? Metric::Lag : Metric::Transactions),
      m_chart(new QChart),
      m_x(new QDateTimeAxis),
      m_y(new QValueAxis),
      m_warnLine(new QLineSeries),
      m_critLine(new QLineSeries),
      m_markerLine(new QLineSeries)
{
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignRight);
    m_chart->legend()->setShowToolTips(true);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    m_x->setTickCount(7);
    m_y->setLabelFormat(QStringLiteral("%.4g"));
    m_y->setMin(0);
    for (QLineSeries *line : {m_warnLine, m_critLine, m_markerLine}) {
        m_chart->addSeries(line);
        line->attachAxis(m_x);
        line->attachAxis(m_y);
    }
    QPen warn(kWarnColor, 1.5, Qt::DashLine);
    m_warnLine->setPen(warn);
    QPen crit(kCritColor, 1.5, Qt::DashLine);
    m_critLine->setPen(crit);
    QPen marker(QColor(0x55, 0x55, 0x55), 1.5, Qt::DotLine);
    m_markerLine->setPen(marker);
    m_chart->legend()->markers(m_markerLine).value(0)->setVisible(false);
    setChart(m_chart);
    setRenderHint(QPainter::Antialiasing, true);
    setMinimumHeight(180);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    setTimeWindow(now - 5 * 60'000, now);
}

QString HistoryChart::metricTitle(Metric metric)
{
    switch (metric) {
    case Metric::Lag: return Tr::tr("Replication lag (seconds)");
    case Metric::BytesBehind: return Tr::tr("WAL bytes not yet replayed");
    case Metric::TransactionsBehind: return Tr::tr("Transactions not yet applied");
    case Metric::Queries: return Tr::tr("Queries per second");
    case Metric::Transactions: return Tr::tr("Transactions per second");
    case Metric::RowsRead: return Tr::tr("Rows read per second");
    case Metric::RowsWritten: return Tr::tr("Rows written per second");
    case Metric::Connections: return Tr::tr("Connections");
    case Metric::ThreadsRunning: return Tr::tr("Threads running");
    }
    return {};
}

QString HistoryChart::formatValue(Metric metric, double v)
{
    if (std::isnan(v))
        return Tr::tr("unknown");
    switch (metric) {
    case Metric::Lag: return formatLagSeconds(v);
    case Metric::BytesBehind: return formatBytes(v);
    case Metric::TransactionsBehind: return Tr::tr("%1 transactions").arg(QString::number(v, 'f', 0));
    case Metric::Connections:
    case Metric::ThreadsRunning: return QString::number(v, 'f', 0);
    default: return Tr::tr("%1/s").arg(formatRate(v));
    }
}

void HistoryChart::setMetric(Metric metric)
{
    if (metric == m_metric)
        return;
    m_metric = metric;
    rebuild();
}

void HistoryChart::setThresholds(double warnSeconds, double criticalSeconds)
{
    m_warn = warnSeconds;
    m_crit = criticalSeconds;
    rebuild();
}

void HistoryChart::setHistory(const HistoryRange &range)
{
    m_history = range;
    rebuild();
}

void HistoryChart::setTimeWindow(qint64 fromMs, qint64 toMs)
{
    m_from = fromMs;
    m_to = std::max(toMs, fromMs + 1000);
    const qint64 span = m_to - m_from;
    m_x->setFormat(span <= 2 * 3'600'000 ? QStringLiteral("HH:mm:ss")
                   : span <= 86'400'000  ? QStringLiteral("HH:mm")
                                         : QStringLiteral("MMM d HH:mm"));
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(m_from), QDateTime::fromMSecsSinceEpoch(m_to));
    rebuild();
}

void HistoryChart::setMarker(std::optional<qint64> atMs)
{
    m_marker = atMs;
    rebuild();
}

QColor HistoryChart::colorFor(const QString &node) const
{
    const int i = m_colorIndex.value(node, -1);
    if (i < 0)
        return kPalette[qHash(node) % (sizeof(kPalette) / sizeof(kPalette[0]))];
    return kPalette[static_cast<std::size_t>(i) % (sizeof(kPalette) / sizeof(kPalette[0]))];
}

bool HistoryChart::metricApplies(const NodeHistory &n) const
{
    if (m_kind == Kind::Lag)
        return n.replica;
    return true;
}

HistoryChart::NodeLines &HistoryChart::linesFor(const QString &node)
{
    for (NodeLines &l : m_lines)
        if (l.node == node)
            return l;
    if (!m_colorIndex.contains(node))
        m_colorIndex.insert(node, static_cast<int>(m_colorIndex.size()));
    NodeLines lines;
    lines.node = node;
    lines.color = colorFor(node);
    m_lines.push_back(std::move(lines));
    return m_lines.back();
}

void HistoryChart::rebuild()
{
    const int width = std::max(200, static_cast<int>(m_chart->plotArea().width()));
    const std::size_t budget = static_cast<std::size_t>(m_budget > 0 ? m_budget : width);
    double yMax = 0;
    std::vector<QString> present;
    // Nodes in name order, so colours and the legend do not shuffle between refreshes.
    std::vector<const NodeHistory *> nodes;
    for (const NodeHistory &n : m_history.nodes)
        if (metricApplies(n))
            nodes.push_back(&n);
    std::sort(nodes.begin(), nodes.end(), [](const NodeHistory *a, const NodeHistory *b) { return a->node < b->node; });

    for (const NodeHistory *n : nodes) {
        const auto &values = n->series(m_metric);
        std::vector<core::ChartPoint> pts;
        pts.reserve(n->times.size());
        bool any = false;
        for (std::size_t i = 0; i < n->times.size(); ++i) {
            if (n->times[i] < static_cast<double>(m_from) || n->times[i] > static_cast<double>(m_to))
                continue;
            pts.push_back({n->times[i], values[i]});
            any |= !std::isnan(values[i]);
        }
        if (!any && m_kind == Kind::Throughput)
            continue;   // PostgreSQL has no queries counter: no empty legend entry
        NodeLines &lines = linesFor(n->node);
        present.push_back(n->node);
        lines.gaps.clear();
        for (std::size_t i = 0; i < pts.size(); ++i) {
            if (!std::isnan(pts[i].y))
                continue;
            const double from = i > 0 ? pts[i - 1].x : pts[i].x;
            std::size_t j = i;
            while (j < pts.size() && std::isnan(pts[j].y))
                ++j;
            const double to = j < pts.size() ? pts[j].x : pts[j - 1].x;
            lines.gaps.emplace_back(from, to);
            i = j;
        }
        lines.points = core::lttbWithGaps(pts, budget);
        // Unbroken runs become series; reuse the ones from the last refresh.
        QList<QList<QPointF>> runs;
        QList<QPointF> run;
        for (const core::ChartPoint &p : lines.points) {
            if (std::isnan(p.y)) {
                if (!run.isEmpty())
                    runs.append(run);
                run.clear();
                continue;
            }
            run.append(QPointF(p.x, p.y));
            yMax = std::max(yMax, p.y);
        }
        if (!run.isEmpty())
            runs.append(run);
        while (lines.runs.size() < runs.size()) {
            auto *s = new QLineSeries;
            QPen pen(lines.color, 2.0);
            pen.setCapStyle(Qt::RoundCap);
            s->setPen(pen);
            s->setColor(lines.color);
            s->setMarkerSize(5.0);
            m_chart->addSeries(s);
            s->attachAxis(m_x);
            s->attachAxis(m_y);
            if (QLegendMarker *m = m_chart->legend()->markers(s).value(0))
                m->setVisible(false);   // until it is a node's first run (named below)
            const QString node = lines.node;
            connect(s, &QLineSeries::hovered, this,
                    [this, node](const QPointF &point, bool state) { onHovered(node, point, state); });
            lines.runs.append(s);
        }
        while (lines.runs.size() > runs.size()) {
            QLineSeries *s = lines.runs.takeLast();
            m_chart->removeSeries(s);
            delete s;
        }
        for (qsizetype i = 0; i < runs.size(); ++i) {
            QLineSeries *s = lines.runs[i];
            s->replace(runs[i]);
            // A lone point between two gaps is still a measurement: show it as a dot. Only
            // touch what changed: each setter relayouts the legend or the series item.
            if (s->pointsVisible() != (runs[i].size() == 1))
                s->setPointsVisible(runs[i].size() == 1);
            const QString name = i == 0 ? lines.node : QString();
            if (s->name() != name) {
                s->setName(name);
                if (QLegendMarker *m = m_chart->legend()->markers(s).value(0))
                    m->setVisible(i == 0);
            }
        }
    }
    // Nodes gone from the data lose their lines.
    for (auto it = m_lines.begin(); it != m_lines.end();) {
        if (std::find(present.begin(), present.end(), it->node) == present.end()) {
            for (QLineSeries *s : it->runs) {
                m_chart->removeSeries(s);
                delete s;
            }
            if (it->gapBand) {
                m_chart->removeSeries(it->gapBand);
                delete it->gapBand;
            }
            it = m_lines.erase(it);
        } else {
            ++it;
        }
    }

    const bool thresholds = m_kind == Kind::Lag && m_metric == Metric::Lag;
    if (thresholds)
        yMax = std::max(yMax, m_crit);
    updateAxes(yMax);
    const double top = m_y->max();
    // Gaps as light bands in the node's colour, behind the lines: where a node was down or its
    // figure unknown, the chart says so instead of leaving an easily missed hole.
    for (NodeLines &lines : m_lines) {
        if (lines.gaps.empty()) {
            if (lines.gapBand) {
                m_chart->removeSeries(lines.gapBand);
                delete lines.gapBand;
                lines.gapBand = nullptr;
            }
            continue;
        }
        QList<QPointF> outline;
        for (const auto &[from, to] : lines.gaps) {
            outline << QPointF(from, 0) << QPointF(from, top) << QPointF(to, top) << QPointF(to, 0);
        }
        if (!lines.gapBand) {
            auto *upper = new QLineSeries;
            lines.gapBand = new QAreaSeries(upper);
            upper->setParent(lines.gapBand);
            QColor fill = lines.color;
            fill.setAlpha(38);
            lines.gapBand->setBrush(fill);
            lines.gapBand->setPen(Qt::NoPen);
            m_chart->addSeries(lines.gapBand);
            lines.gapBand->attachAxis(m_x);
            lines.gapBand->attachAxis(m_y);
        }
        lines.gapBand->upperSeries()->replace(outline);
        lines.gapBand->setName(Tr::tr("%1: no data").arg(lines.node));
    }
    auto horizontal = [&](QLineSeries *line, double y, const QString &name) {
        if (thresholds) {
            line->replace(QList<QPointF>{QPointF(static_cast<double>(m_from), y), QPointF(static_cast<double>(m_to), y)});
            if (line->name() != name)
                line->setName(name);
        } else {
            line->clear();
        }
        line->setVisible(thresholds);
        if (QLegendMarker *m = m_chart->legend()->markers(line).value(0))
            m->setVisible(thresholds);
    };
    horizontal(m_warnLine, m_warn, Tr::tr("warning %1").arg(formatLagSeconds(m_warn)));
    horizontal(m_critLine, m_crit, Tr::tr("critical %1").arg(formatLagSeconds(m_crit)));
    if (m_marker && *m_marker >= m_from && *m_marker <= m_to) {
        const double x = static_cast<double>(*m_marker);
        m_markerLine->replace(QList<QPointF>{QPointF(x, 0), QPointF(x, top)});
        m_markerLine->setVisible(true);
    } else {
        m_markerLine->clear();
        m_markerLine->setVisible(false);
    }
    if (QLegendMarker *m = m_chart->legend()->markers(m_markerLine).value(0))
        m->setVisible(false);
    m_chart->setTitle(metricTitle(m_metric));
}

void HistoryChart::updateAxes(double yMax)
{
    // Headroom so the highest line and the threshold are not glued to the frame; round ticks.
    m_y->setRange(0, yMax <= 0 ? 1.0 : yMax * 1.08);
    m_y->setTickCount(6);
    m_y->applyNiceNumbers();
    if (m_y->min() < 0)
        m_y->setMin(0);
}

void HistoryChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    if (m_budget <= 0)
        rebuild();   // one point per pixel of the new width
}

QStringList HistoryChart::nodes() const
{
    QStringList out;
    for (const NodeLines &l : m_lines)
        out << l.node;
    return out;
}

QList<QList<QPointF>> HistoryChart::segments(const QString &node) const
{
    QList<QList<QPointF>> out;
    for (const NodeLines &l : m_lines) {
        if (l.node != node)
            continue;
        for (const QLineSeries *s : l.runs)
            out.append(s->points());
    }
    return out;
}

std::vector<std::pair<double, double>> HistoryChart::gaps(const QString &node) const
{
    for (const NodeLines &l : m_lines)
        if (l.node == node)
            return l.gaps;
    return {};
}

std::optional<double> HistoryChart::thresholdLine(bool critical) const
{
    const QLineSeries *line = critical ? m_critLine : m_warnLine;
    if (!line->isVisible() || line->count() != 2)
        return std::nullopt;
    return line->at(0).y();
}

QString HistoryChart::tooltipText(const QString &node, qint64 atMs) const
{
    const NodeHistory *n = m_history.find(node);
    if (!n || n->times.empty())
        return {};
    // The nearest stored bucket, not the downsampled point: exact figures.
    const auto it = std::lower_bound(n->times.begin(), n->times.end(), static_cast<double>(atMs));
    std::size_t i = static_cast<std::size_t>(it - n->times.begin());
    if (i == n->times.size() || (i > 0 && std::abs(n->times[i - 1] - static_cast<double>(atMs)) < std::abs(n->times[i] - static_cast<double>(atMs))))
        i = i == 0 ? 0 : i - 1;
    const double v = n->series(m_metric)[i];
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(n->times[i]));
    QString text = QStringLiteral("<b>%1</b><br>%2<br>%3: <b>%4</b>")
                       .arg(node.toHtmlEscaped(), t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                            metricTitle(m_metric).toHtmlEscaped(), formatValue(m_metric, v).toHtmlEscaped());
    if (m_metric == Metric::Lag) {
        const double bytes = n->series(Metric::BytesBehind)[i], trx = n->series(Metric::TransactionsBehind)[i];
        if (!std::isnan(bytes))
            text += QStringLiteral("<br>") + Tr::tr("%1 of WAL behind").arg(formatBytes(bytes));
        if (!std::isnan(trx))
            text += QStringLiteral("<br>") + Tr::tr("%1 transactions behind").arg(QString::number(trx, 'f', 0));
    }
    if (m_history.bucketMs >= 2000)
        text += QStringLiteral("<br><i>%1</i>")
                    .arg(Tr::tr("%1 over %2 s")
                             .arg(m_metric == Metric::Lag || m_metric == Metric::BytesBehind || m_metric == Metric::TransactionsBehind
                                          || m_metric == Metric::Connections || m_metric == Metric::ThreadsRunning
                                      ? Tr::tr("highest")
                                      : Tr::tr("average"))
                             .arg(m_history.bucketMs / 1000));
    return text;
}

void HistoryChart::onHovered(const QString &node, const QPointF &point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    const QString text = tooltipText(node, static_cast<qint64>(point.x()));
    QToolTip::showText(QCursor::pos(), text, this);
    emit hovered(text);
}

QString HistoryChart::csv() const
{
    QString out;
    QTextStream s(&out);
    s << "time,node,lag_seconds,bytes_behind,transactions_behind,queries_per_second,transactions_per_second,"
         "rows_read_per_second,rows_written_per_second,connections,threads_running\n";
    std::vector<const NodeHistory *> nodes;
    for (const NodeHistory &n : m_history.nodes)
        nodes.push_back(&n);
    std::sort(nodes.begin(), nodes.end(), [](const NodeHistory *a, const NodeHistory *b) { return a->node < b->node; });
    for (const NodeHistory *n : nodes) {
        QString name = n->node;
        if (name.contains(QLatin1Char(',')) || name.contains(QLatin1Char('"')))
            name = QLatin1Char('"') + name.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        for (std::size_t i = 0; i < n->times.size(); ++i) {
            if (n->times[i] < static_cast<double>(m_from) || n->times[i] > static_cast<double>(m_to))
                continue;
            s << QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(n->times[i]), Qt::UTC).toString(Qt::ISODateWithMs) << ','
              << name;
            for (const auto &v : n->values) {
                s << ',';
                if (!std::isnan(v[i]))
                    s << QString::number(v[i], 'g', 10);
            }
            s << '\n';
        }
    }
    return out;
}

bool HistoryChart::exportCsv(const QString &file, QString *error) const
{
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = Tr::tr("cannot write %1: %2").arg(file, f.errorString());
        return false;
    }
    f.write(csv().toUtf8());
    if (!f.commit()) {
        if (error)
            *error = Tr::tr("cannot write %1: %2").arg(file, f.errorString());
        return false;
    }
    return true;
}

bool HistoryChart::exportPng(const QString &file, QString *error)
{
    if (!grab().save(file, "PNG")) {
        if (error)
            *error = Tr::tr("cannot write %1").arg(file);
        return false;
    }
    return true;
}

} // namespace switchyard::ui
