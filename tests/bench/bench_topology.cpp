// Layout and render of a synthetic 200-node topology (target: <= 16 ms, one frame at 60 Hz).
//
//   BM_Layout/200            layoutTopology() alone
//   BM_NewShapeFit/200       a snapshot with a different shape (so a full layout), scene update,
//                            and the whole picture rendered into a 1920x1080 image (fit to window)
//   BM_NewShapeViewport/200  the same, rendering a 1600x1000 viewport at 100 % zoom
//   BM_SameShapeViewport/200 a new polling round (lags change, same shape: no layout), viewport
//   BM_FirstBuild/200        a fresh view: create every item, lay out, render the viewport
//
// Run: build/<dir>/tests/bench/bench_topology [--benchmark_filter=...]
// Needs no display: the offscreen platform is selected here.
#include "switchyard/ui/topology_layout.h"
#include "switchyard/ui/topology_view.h"

#include "topology_fixtures.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>

#include <benchmark/benchmark.h>

using namespace switchyard;
using namespace switchyard::ui;
namespace fx = switchyard::fixtures;

namespace {

void renderFit(TopologyView &view, QImage &image)
{
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    view.scene()->render(&p, QRectF(image.rect()), view.sceneRect(), Qt::KeepAspectRatio);
}

void renderViewport(TopologyView &view, QImage &image)
{
    // 100 % zoom around the primary, as a user looking at the top of the cluster sees it.
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    const QRectF primary = view.nodeInfo(QStringLiteral("primary"))->sceneRect;
    const QRectF source(primary.center().x() - image.width() / 2.0, primary.top() - 60, image.width(),
                        image.height());
    view.scene()->render(&p, QRectF(image.rect()), source, Qt::IgnoreAspectRatio);
}

void BM_Layout(benchmark::State &state)
{
    const auto s = fx::large(static_cast<int>(state.range(0)));
    std::vector<LayoutNode> nodes;
    for (const core::NodeStatus &n : s->nodes)
        nodes.push_back({n.name, 232, 100, n.role == core::NodeRole::Primary || n.readOnly == false});
    std::vector<LayoutEdge> edges;
    for (const core::ReplicationEdge &e : s->edges)
        edges.push_back({e.source, e.replica});
    for (auto _ : state) {
        TopologyLayout l = layoutTopology(nodes, edges);
        benchmark::DoNotOptimize(l);
    }
}

template <bool Fit> void newShape(benchmark::State &state)
{
    const int count = static_cast<int>(state.range(0));
    // Alternating between two shapes forces a full layout on every update.
    const std::shared_ptr<const core::ClusterSnapshot> shapes[2] = {fx::large(count, 1),
                                                                    fx::large(count - 1, 2)};
    TopologyView view;
    view.setSnapshot(shapes[1]);
    QImage image(Fit ? QSize(1920, 1080) : QSize(1600, 1000), QImage::Format_ARGB32_Premultiplied);
    int i = 0;
    for (auto _ : state) {
        view.setSnapshot(shapes[i++ % 2]);
        if (Fit)
            renderFit(view, image);
        else
            renderViewport(view, image);
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["layouts"] = view.layoutCount();
}

void BM_NewShapeFit(benchmark::State &state)
{
    newShape<true>(state);
}

void BM_NewShapeViewport(benchmark::State &state)
{
    newShape<false>(state);
}

void BM_SameShapeViewport(benchmark::State &state)
{
    const int count = static_cast<int>(state.range(0));
    const std::shared_ptr<const core::ClusterSnapshot> rounds[2] = {fx::large(count, 3), fx::large(count, 4)};
    TopologyView view;
    view.setSnapshot(rounds[1]);
    QImage image(QSize(1600, 1000), QImage::Format_ARGB32_Premultiplied);
    int i = 0;
    for (auto _ : state) {
        view.setSnapshot(rounds[i++ % 2]);
        renderViewport(view, image);
        benchmark::DoNotOptimize(image.constBits());
    }
}

void BM_FirstBuild(benchmark::State &state)
{
    const auto s = fx::large(static_cast<int>(state.range(0)));
    QImage image(QSize(1600, 1000), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        TopologyView view;
        view.setSnapshot(s);
        renderViewport(view, image);
        benchmark::DoNotOptimize(image.constBits());
    }
}

} // namespace

BENCHMARK(BM_Layout)->Arg(30)->Arg(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NewShapeFit)->Arg(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NewShapeViewport)->Arg(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SameShapeViewport)->Arg(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FirstBuild)->Arg(200)->Unit(benchmark::kMillisecond);

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
