// Monitoring charts: a 24-hour range of 10 series at 1-second samples (864,000 points) must
// redraw in <= 50 ms after downsampling (issue 5 target).
//   BM_DayOf10Series_DownsampleAndRedraw  LTTB of every series to ~1 point per pixel, series
//                                         update, and a full paint of the chart
//   BM_DayOf10Series_RedrawOnly           the paint alone (a resize, a hover, a repaint)
//   BM_Lttb_86400To1000                   the downsampling of one series alone
// Run: bench_history_chart (it selects the offscreen platform itself); the ms counters are
// per iteration.
#include "switchyard/core/downsample.h"
#include "switchyard/ui/history_chart.h"

#include <QApplication>
#include <QImage>
#include <QPainter>

#include <benchmark/benchmark.h>

#include <cmath>

using namespace switchyard;
using namespace switchyard::ui;

namespace {

constexpr int kSeries = 10;
constexpr int kSeconds = 86'400;

const HistoryRange &dayOf10Series()
{
    static const HistoryRange range = [] {
        HistoryRange r;
        r.fromMs = 0;
        r.toMs = static_cast<qint64>(kSeconds) * 1000;
        r.bucketMs = 1;
        unsigned noise = 7;
        for (int s = 0; s < kSeries; ++s) {
            NodeHistory n;
            n.node = QStringLiteral("db-%1").arg(s + 1, 2, 10, QLatin1Char('0'));
            n.replica = true;
            n.times.reserve(kSeconds);
            for (auto &v : n.values)
                v.reserve(kSeconds);
            for (int i = 0; i < kSeconds; ++i) {
                noise = noise * 1103515245u + 12345u;
                const double jitter = static_cast<double>((noise >> 16) & 0x7fff) / 32768.0;
                n.times.push_back(i * 1000.0);
                // Lag with a daily wave, noise, a spike per series, and an hour of outage in two.
                double lag = 2.0 + 1.5 * std::sin(i / 3600.0 + s) + jitter + (i % 20'000 == s * 1000 ? 60.0 : 0.0);
                if ((s == 3 || s == 7) && i > 40'000 + s * 1000 && i < 43'600 + s * 1000)
                    lag = std::nan("");
                for (auto &v : n.values)
                    v.push_back(lag);
            }
            r.nodes.push_back(std::move(n));
        }
        return r;
    }();
    return range;
}

struct ChartFixture
{
    HistoryChart chart{HistoryChart::Kind::Lag};
    QImage image{1400, 420, QImage::Format_ARGB32_Premultiplied};

    ChartFixture()
    {
        chart.resize(image.size());
        chart.setThresholds(10, 30);
        chart.setTimeWindow(0, static_cast<qint64>(kSeconds) * 1000);
        chart.show();
        QCoreApplication::processEvents();
    }
    void paint()
    {
        image.fill(Qt::white);
        QPainter p(&image);
        chart.render(&p);
    }
};

void BM_DayOf10Series_DownsampleAndRedraw(benchmark::State &state)
{
    const HistoryRange &range = dayOf10Series();
    ChartFixture f;
    for (auto _ : state) {
        f.chart.setHistory(range);
        f.paint();
    }
    int points = 0;
    for (const QString &n : f.chart.nodes())
        for (const auto &run : f.chart.segments(n))
            points += static_cast<int>(run.size());
    state.counters["points_in"] = kSeries * kSeconds;
    state.counters["points_drawn"] = points;
}
BENCHMARK(BM_DayOf10Series_DownsampleAndRedraw)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_DayOf10Series_RedrawOnly(benchmark::State &state)
{
    ChartFixture f;
    f.chart.setHistory(dayOf10Series());
    for (auto _ : state)
        f.paint();
}
BENCHMARK(BM_DayOf10Series_RedrawOnly)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_Lttb_86400To1000(benchmark::State &state)
{
    const NodeHistory &n = dayOf10Series().nodes.front();
    std::vector<core::ChartPoint> pts;
    for (std::size_t i = 0; i < n.times.size(); ++i)
        pts.push_back({n.times[i], n.series(Metric::Lag)[i]});
    for (auto _ : state)
        benchmark::DoNotOptimize(core::lttbWithGaps(pts, 1000));
}
BENCHMARK(BM_Lttb_86400To1000)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
