// The graph as a DBA sees it: the right cards and arrows for trees, chains, multi-source,
// co-primaries and rings; lag badges that follow the thresholds and never turn "unknown" into
// 0; arrows styled by replication state; updates that keep zoom, scroll and selection; exports
// that produce real PNG and SVG files; no card on top of another.
#include "switchyard/ui/topology_view.h"

#include "topology_fixtures.h"

#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QXmlStreamReader>

using namespace switchyard;
using namespace switchyard::ui;
namespace fx = switchyard::fixtures;

namespace {

QPoint viewportPointOf(const TopologyView &view, const QString &name)
{
    return view.mapFromScene(view.nodeInfo(name)->sceneRect.center());
}

} // namespace

class TestTopologyView : public QObject
{
    Q_OBJECT
private slots:
    void treeOfOnePrimaryAndTwoReplicas()
    {
        TopologyView view;
        view.setSnapshot(fx::tree());
        QCOMPARE(view.nodeNames(),
                 (QStringList{QStringLiteral("db1"), QStringLiteral("db2"), QStringLiteral("db3")}));
        QCOMPARE(view.edgeCount(), 2);
        QVERIFY(view.edgeInfo(QStringLiteral("db1"), QStringLiteral("db2")));
        QVERIFY(view.edgeInfo(QStringLiteral("db1"), QStringLiteral("db3")));
        const auto p = *view.nodeInfo(QStringLiteral("db1"));
        const auto r = *view.nodeInfo(QStringLiteral("db2"));
        QCOMPARE(p.roleText, QStringLiteral("PRIMARY"));
        QCOMPARE(r.roleText, QStringLiteral("REPLICA"));
        QCOMPARE(p.accessText, QStringLiteral("RW"));
        QCOMPARE(r.accessText, QStringLiteral("RO"));
        QVERIFY(p.addressText.contains(QStringLiteral("MariaDB 10.11.6")));
        QVERIFY(p.addressText.contains(QStringLiteral("10.0.0.6:3306")));
        QVERIFY(p.badgeText.isEmpty()); // a primary has no lag
        QVERIFY(p.sceneRect.bottom() < r.sceneRect.top());
        // Arrows point down, from the primary to each replica.
        const auto e = *view.edgeInfo(QStringLiteral("db1"), QStringLiteral("db2"));
        QVERIFY(!e.reversed);
        QVERIFY(e.path.pointAtPercent(0).y() <= p.sceneRect.bottom() + 1);
        QVERIFY(e.path.pointAtPercent(1).y() < r.sceneRect.top());
    }

    void chainGoesDownLayerByLayer()
    {
        TopologyView view;
        view.setSnapshot(fx::chain());
        QCOMPARE(view.edgeCount(), 2);
        const double y0 = view.nodeInfo(QStringLiteral("p"))->sceneRect.top();
        const double y1 = view.nodeInfo(QStringLiteral("r1"))->sceneRect.top();
        const double y2 = view.nodeInfo(QStringLiteral("r2"))->sceneRect.top();
        QVERIFY(y0 < y1 && y1 < y2);
        QVERIFY(view.nodeInfo(QStringLiteral("p"))->addressText.contains(QStringLiteral("PostgreSQL 16.4")));
    }

    void multiSourceShowsBothStreams()
    {
        TopologyView view;
        view.setSnapshot(fx::multiSource());
        QCOMPARE(view.edgeCount(), 3);
        const auto sales =
            *view.edgeInfo(QStringLiteral("sales"), QStringLiteral("warehouse"), QStringLiteral("sales"));
        const auto billing =
            *view.edgeInfo(QStringLiteral("billing"), QStringLiteral("warehouse"), QStringLiteral("billing"));
        QCOMPARE(sales.label, QStringLiteral("sales: 4 s"));
        QCOMPARE(billing.label, QStringLiteral("billing: stopped"));
        QCOMPARE(billing.penStyle, Qt::DashLine);
        QCOMPARE(view.nodeInfo(QStringLiteral("warehouse"))->stateText,
                 QStringLiteral("1 of 2 channels stopped"));
        // Both arrive on the warehouse's top edge, at different points.
        const QRectF w = view.nodeInfo(QStringLiteral("warehouse"))->sceneRect;
        const QPointF a = sales.path.pointAtPercent(1), b = billing.path.pointAtPercent(1);
        QVERIFY(std::abs(a.x() - b.x()) >= 10);
        QVERIFY(a.y() < w.top() && b.y() < w.top());
        // The warehouse sits between its two sources.
        const double x = w.center().x();
        const double xs = view.nodeInfo(QStringLiteral("sales"))->sceneRect.center().x();
        const double xb = view.nodeInfo(QStringLiteral("billing"))->sceneRect.center().x();
        QVERIFY(x > std::min(xs, xb) && x < std::max(xs, xb));
    }

    void coPrimariesSideBySide()
    {
        TopologyView view;
        view.setSnapshot(fx::coPrimary());
        QCOMPARE(view.edgeCount(), 4);
        const QRectF east = view.nodeInfo(QStringLiteral("east"))->sceneRect;
        const QRectF west = view.nodeInfo(QStringLiteral("west"))->sceneRect;
        QCOMPARE(east.top(), west.top());
        const auto ew = *view.edgeInfo(QStringLiteral("east"), QStringLiteral("west"));
        const auto we = *view.edgeInfo(QStringLiteral("west"), QStringLiteral("east"));
        QVERIFY(ew.sameLayer && we.sameLayer);
        // Two distinct arrows between them, not one on top of the other.
        QVERIFY(std::abs(ew.path.pointAtPercent(0.5).y() - we.path.pointAtPercent(0.5).y()) >= 16);
        // Both halves say what they are, though MySQL reports both as replicas.
        QCOMPARE(view.nodeInfo(QStringLiteral("east"))->roleText, QStringLiteral("CO-PRIMARY"));
        QCOMPARE(view.nodeInfo(QStringLiteral("west"))->roleText, QStringLiteral("CO-PRIMARY"));
        QCOMPARE(view.nodeInfo(QStringLiteral("east"))->accessText, QStringLiteral("RW"));
        QCOMPARE(view.nodeInfo(QStringLiteral("east-r1"))->roleText, QStringLiteral("REPLICA"));
        QVERIFY(view.nodeInfo(QStringLiteral("east-r1"))->sceneRect.top() > east.bottom());
    }

    void ringHasOneEdgeGoingUp()
    {
        TopologyView view;
        view.setSnapshot(fx::ring());
        QCOMPARE(view.edgeCount(), 3);
        int up = 0;
        for (const EdgeVisualInfo &e : view.edgeInfos())
            up += e.reversed ? 1 : 0;
        QCOMPARE(up, 1);
        // The writable node is on top and the edge into it is the one going up.
        const double top = view.nodeInfo(QStringLiteral("ring-c"))->sceneRect.top();
        for (const QString &n : {QStringLiteral("ring-a"), QStringLiteral("ring-b")})
            QVERIFY(view.nodeInfo(n)->sceneRect.top() > top);
        QVERIFY(view.edgeInfo(QStringLiteral("ring-b"), QStringLiteral("ring-c"))->reversed);
    }

    void badgeFollowsThresholds_data()
    {
        QTest::addColumn<double>("lag");
        QTest::addColumn<int>("level");
        QTest::addColumn<QString>("text");
        QTest::newRow("caught up") << 0.0 << int(LagLevel::Ok) << QStringLiteral("lag 0 s");
        QTest::newRow("sub-second") << 0.4 << int(LagLevel::Ok) << QStringLiteral("lag 0.4 s");
        QTest::newRow("below warn") << 4.9 << int(LagLevel::Ok) << QStringLiteral("lag 4.9 s");
        QTest::newRow("at warn") << 5.0 << int(LagLevel::Warning) << QStringLiteral("lag 5 s");
        QTest::newRow("below critical") << 19.0 << int(LagLevel::Warning) << QStringLiteral("lag 19 s");
        QTest::newRow("at critical") << 20.0 << int(LagLevel::Critical) << QStringLiteral("lag 20 s");
        QTest::newRow("minutes") << 125.0 << int(LagLevel::Critical) << QStringLiteral("lag 2 min 05 s");
    }
    void badgeFollowsThresholds()
    {
        QFETCH(double, lag);
        QFETCH(int, level);
        QFETCH(QString, text);
        TopologyView view;
        view.setLagThresholds(5, 20);
        view.setSnapshot(fx::tree(lag));
        const auto info = *view.nodeInfo(QStringLiteral("db3"));
        QCOMPARE(int(info.lagLevel), level);
        QCOMPARE(info.badgeText, text);
        QCOMPARE(info.badgeColor, lagLevelColor(LagLevel(level)));
    }

    void badgeColoursAreDistinct()
    {
        const QColor ok = lagLevelColor(LagLevel::Ok), warn = lagLevelColor(LagLevel::Warning),
                     crit = lagLevelColor(LagLevel::Critical), unknown = lagLevelColor(LagLevel::Unknown);
        QVERIFY(ok.green() > ok.red());                          // green
        QVERIFY(warn.red() > warn.blue() && warn.green() > 100); // amber
        QVERIFY(crit.red() > 150 && crit.green() < 80);          // red
        QVERIFY(unknown != ok && unknown != warn && unknown != crit);
    }

    void unknownLagIsNeverZero()
    {
        TopologyView view;
        view.setSnapshot(fx::tree(std::nullopt));
        const auto info = *view.nodeInfo(QStringLiteral("db3"));
        QCOMPARE(info.badgeText, QStringLiteral("lag ?"));
        QCOMPARE(info.lagLevel, LagLevel::Unknown);
        QVERIFY(!info.badgeText.contains(QLatin1Char('0')));
        QVERIFY(info.toolTip.contains(QStringLiteral("Lag: unknown")));
        const auto edge = *view.edgeInfo(QStringLiteral("db1"), QStringLiteral("db3"));
        QVERIFY(!edge.label.contains(QLatin1Char('0')));
        QCOMPARE(edge.penStyle, Qt::DotLine);
    }

    void thresholdChangeRecoloursInPlace()
    {
        TopologyView view;
        view.setSnapshot(fx::tree(12.0));
        QCOMPARE(view.nodeInfo(QStringLiteral("db3"))->lagLevel, LagLevel::Warning); // defaults 10 / 30
        const int layouts = view.layoutCount();
        view.setLagThresholds(15, 60);
        QCOMPARE(view.nodeInfo(QStringLiteral("db3"))->lagLevel, LagLevel::Ok);
        view.setLagThresholds(5, 11);
        QCOMPARE(view.nodeInfo(QStringLiteral("db3"))->lagLevel, LagLevel::Critical);
        QCOMPARE(view.layoutCount(), layouts);
    }

    void edgeStyleFollowsState()
    {
        TopologyView view;
        view.setSnapshot(fx::mariadbTrouble());
        const auto lagging = *view.edgeInfo(QStringLiteral("db1"), QStringLiteral("db2"));
        const auto error = *view.edgeInfo(QStringLiteral("db1"), QStringLiteral("db3"));
        QCOMPARE(lagging.state, core::EdgeState::Lagging);
        QCOMPARE(lagging.penStyle, Qt::SolidLine);
        QCOMPARE(lagging.label, QStringLiteral("47 s"));
        QVERIFY(lagging.color.red() > 200 && lagging.color.green() > 100); // amber
        QCOMPARE(error.label, QStringLiteral("error"));
        QVERIFY(error.color.red() > 150 && error.color.green() < 80); // red
        QVERIFY(error.toolTip.contains(QStringLiteral("Duplicate entry")));
        auto tree = fx::tree();
        TopologyView other;
        other.setSnapshot(tree);
        const auto running = *other.edgeInfo(QStringLiteral("db1"), QStringLiteral("db2"));
        QCOMPARE(running.penStyle, Qt::SolidLine);
        QVERIFY(running.color.green() > running.color.red());
    }

    // An IO thread retrying its connection (a source restarting) is not "stopped": the card
    // says it is connecting, and says stopped once the thread is really stopped.
    void retryingIoThreadSaysConnecting()
    {
        auto snap = fx::mariadbTrouble();
        core::NodeStatus &db2 = snap->nodes[1];
        db2.ioThreadRunning = false;
        db2.channels.back().ioRunning = false;
        db2.channels.back().ioConnecting = true;
        TopologyView view;
        view.setSnapshot(snap);
        QCOMPARE(view.nodeInfo(QStringLiteral("db2"))->stateText, QStringLiteral("IO thread connecting"));
        auto stopped = std::make_shared<core::ClusterSnapshot>(*snap);
        stopped->generation += 1;
        stopped->nodes[1].channels.back().ioConnecting = false;
        view.setSnapshot(stopped);
        QCOMPARE(view.nodeInfo(QStringLiteral("db2"))->stateText, QStringLiteral("IO thread stopped"));
    }

    void stoppedReplicaSaysSoAndCountsProblems()
    {
        TopologyView view;
        view.setSnapshot(fx::mariadbTrouble());
        const auto db3 = *view.nodeInfo(QStringLiteral("db3"));
        QCOMPARE(db3.stateText, QStringLiteral("SQL thread stopped"));
        QCOMPARE(db3.badgeText, QStringLiteral("lag ?"));
        QCOMPARE(db3.problemCount, 3);
        QCOMPARE(db3.worstProblem, std::optional(core::Severity::Critical));
        QVERIFY(db3.toolTip.contains(QStringLiteral("Errant transactions")));
        const auto db2 = *view.nodeInfo(QStringLiteral("db2"));
        QCOMPARE(db2.problemCount, 1);
        QCOMPARE(db2.worstProblem, std::optional(core::Severity::Warning));
        QCOMPARE(db2.lagLevel, LagLevel::Critical);
        QCOMPARE(view.nodeInfo(QStringLiteral("db1"))->problemCount, 0);
    }

    void unreachableNodeIsDimmedWithReason()
    {
        auto s = fx::tree();
        s->nodes[2].reachability = core::Reachability::Unreachable;
        s->nodes[2].lastError = makeError(ErrorCode::ConnectFailed, "Connection refused", "10.0.0.8:3308");
        TopologyView view;
        view.setSnapshot(s);
        const auto info = *view.nodeInfo(QStringLiteral("db3"));
        QVERIFY(info.dimmed);
        QCOMPARE(info.stateText, QStringLiteral("UNREACHABLE"));
        QVERIFY(info.toolTip.contains(QStringLiteral("Connection refused")));
        QVERIFY(info.toolTip.contains(QStringLiteral("Cannot connect")));
        QVERIFY(!view.nodeInfo(QStringLiteral("db2"))->dimmed);
    }

    void sameShapeUpdatesInPlace()
    {
        TopologyView view;
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(fx::large(40, 0));
        view.setZoom(1.3);
        view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->maximum() / 3);
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum() / 2);
        view.selectNode(QStringLiteral("replica-3"));
        const int h = view.horizontalScrollBar()->value(), v = view.verticalScrollBar()->value();
        const QRectF where = view.nodeInfo(QStringLiteral("replica-7"))->sceneRect;
        const int layouts = view.layoutCount();
        QSignalSpy selections(&view, &TopologyView::nodeSelected);

        view.setSnapshot(fx::large(40, 5)); // every lag changed, same nodes and edges
        QCOMPARE(view.layoutCount(), layouts);
        QCOMPARE(view.nodeInfo(QStringLiteral("replica-7"))->sceneRect, where);
        QCOMPARE(view.zoom(), 1.3);
        QCOMPARE(view.horizontalScrollBar()->value(), h);
        QCOMPARE(view.verticalScrollBar()->value(), v);
        QCOMPARE(view.selectedNode(), QStringLiteral("replica-3"));
        QVERIFY(view.nodeInfo(QStringLiteral("replica-3"))->selected);
        QCOMPARE(selections.size(), 0);
        QVERIFY(!view.followsWindow());
    }

    void shapeChangeKeepsZoomSelectionAndPlace()
    {
        TopologyView view;
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(fx::large(40, 0));
        view.setZoom(0.8);
        view.selectNode(QStringLiteral("replica-10"));
        const QPoint before = viewportPointOf(view, QStringLiteral("replica-10"));
        const int layouts = view.layoutCount();

        auto grown = fx::large(41, 0); // one more replica
        view.setSnapshot(grown);
        QCOMPARE(view.layoutCount(), layouts + 1);
        QCOMPARE(view.nodeNames().size(), 41);
        QCOMPARE(view.zoom(), 0.8);
        QCOMPARE(view.selectedNode(), QStringLiteral("replica-10"));
        const QPoint after = viewportPointOf(view, QStringLiteral("replica-10"));
        QVERIFY2((after - before).manhattanLength() <= 2,
                 qPrintable(QStringLiteral("moved from %1,%2 to %3,%4")
                                .arg(before.x())
                                .arg(before.y())
                                .arg(after.x())
                                .arg(after.y())));
    }

    void removedSelectionIsCleared()
    {
        TopologyView view;
        view.setSnapshot(fx::tree());
        view.selectNode(QStringLiteral("db3"));
        QSignalSpy selections(&view, &TopologyView::nodeSelected);
        auto s = fx::tree();
        s->nodes.pop_back();
        s->edges.pop_back();
        view.setSnapshot(s);
        QCOMPARE(view.nodeNames().size(), 2);
        QCOMPARE(view.edgeCount(), 1);
        QCOMPARE(selections.size(), 1);
        QCOMPARE(selections.at(0).at(0).toString(), QString());
        view.setSnapshot(nullptr);
        QCOMPARE(view.nodeNames().size(), 0);
    }

    void clickSelectsAndSignals()
    {
        TopologyView view;
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(fx::tree());
        QSignalSpy selections(&view, &TopologyView::nodeSelected);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, viewportPointOf(view, QStringLiteral("db2")));
        QCOMPARE(view.selectedNode(), QStringLiteral("db2"));
        QCOMPARE(selections.size(), 1);
        QCOMPARE(selections.at(0).at(0).toString(), QStringLiteral("db2"));
        view.selectNode(QStringLiteral("db1"));
        QCOMPARE(selections.size(), 2);
        QCOMPARE(selections.at(1).at(0).toString(), QStringLiteral("db1"));
        QTest::keyClick(&view, Qt::Key_Escape);
        QCOMPARE(view.selectedNode(), QString());
    }

    void zoomWithWheelKeysAndFit()
    {
        TopologyView view;
        view.resize(800, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(fx::large(60));
        QVERIFY(view.followsWindow());
        const double fitted = view.zoom();
        QVERIFY(fitted < 1.0); // 60 cards do not fit at 100 %
        QTest::keyClick(&view, Qt::Key_Plus);
        QCOMPARE(view.zoom(), fitted * 1.25);
        QVERIFY(!view.followsWindow());
        QTest::keyClick(&view, Qt::Key_Minus);
        QCOMPARE(view.zoom(), fitted);
        QTest::keyClick(&view, Qt::Key_0);
        QCOMPARE(view.zoom(), 1.0);
        const QPoint centre = view.viewport()->rect().center();
        QWheelEvent wheel(centre, view.viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.viewport(), &wheel);
        QVERIFY(view.zoom() > 1.1);
        view.setZoom(100);
        QCOMPARE(view.zoom(), TopologyView::kMaxZoom);
        QTest::keyClick(&view, Qt::Key_F);
        QVERIFY(view.followsWindow());
        QCOMPARE(view.zoom(), fitted);
        // A small cluster is not blown up past 100 %.
        view.setSnapshot(fx::tree());
        QCOMPARE(view.zoom(), 1.0);
    }

    void dragPansAndHoverExplains()
    {
        TopologyView view;
        view.resize(800, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(fx::large(60));
        view.setZoom(1.0);
        view.selectNode(QStringLiteral("replica-20"));
        // Find a spot with no card or arrow under it, and drag the background from there.
        QPoint empty;
        for (int y = 20; y < 480 && empty.isNull(); y += 10)
            for (int x = 20; x < 780 && empty.isNull(); x += 10)
                if (!view.itemAt(QPoint(x, y)) && !view.itemAt(QPoint(x - 60, y)))
                    empty = QPoint(x, y);
        QVERIFY(!empty.isNull());
        const int h = view.horizontalScrollBar()->value(), v = view.verticalScrollBar()->value();
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, empty);
        // A real drag sends many moves (Qt treats six or fewer as a click, which deselects).
        for (int step = 1; step <= 12; ++step) {
            QMouseEvent move(QEvent::MouseMove, QPointF(empty - QPoint(5 * step, 0)),
                             view.viewport()->mapToGlobal(QPointF(empty - QPoint(5 * step, 0))), Qt::NoButton,
                             Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(view.viewport(), &move);
        }
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, empty - QPoint(60, 0));
        QCOMPARE(view.verticalScrollBar()->value(), v);
        QVERIFY(view.horizontalScrollBar()->value() > h);
        QVERIFY(!view.followsWindow());
        QCOMPARE(view.selectedNode(), QStringLiteral("replica-20")); // a drag is not a click

        // Hovering a card shows everything it abbreviates.
        const QPoint card = viewportPointOf(view, QStringLiteral("replica-20"));
        QHelpEvent help(QEvent::ToolTip, card, view.viewport()->mapToGlobal(card));
        QApplication::sendEvent(view.viewport(), &help);
        QVERIFY(QToolTip::isVisible());
        QVERIFY(
            QToolTip::text().startsWith(QStringLiteral("replica-20\n10.0.0.20:4020\nReplica · read-only")));
        QToolTip::hideText();
    }

    void exportWritesPngAndSvg()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TopologyView view;
        view.setSnapshot(fx::mariadbTrouble());
        view.selectNode(QStringLiteral("db2"));
        const QString png = dir.filePath(QStringLiteral("topology.png"));
        const QString svg = dir.filePath(QStringLiteral("topology.svg"));
        QVERIFY(view.exportPng(png));
        QVERIFY(view.exportSvg(svg));
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 500 && image.height() > 200);
        // Not a blank picture: several distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 20);

        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        bool sawSvg = false;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("svg"))
                sawSvg = true;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(sawSvg);
        QVERIFY(file.size() > 2000);
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QVERIFY(renderer.defaultSize().width() > 500);
        // The selection stays in the view; it is not part of the picture.
        QCOMPARE(view.selectedNode(), QStringLiteral("db2"));

        QVERIFY(!view.exportPng(dir.filePath(QStringLiteral("missing/dir/x.png"))));
        TopologyView empty;
        QVERIFY(!empty.exportPng(dir.filePath(QStringLiteral("empty.png"))));
    }

    void noOverlappingCards_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("tree") << 0;
        QTest::newRow("trouble") << 1;
        QTest::newRow("cascade") << 2;
        QTest::newRow("co-primary") << 3;
        QTest::newRow("multi-source") << 4;
        QTest::newRow("ring") << 5;
        QTest::newRow("30 nodes") << 6;
        QTest::newRow("200 nodes") << 7;
    }
    void noOverlappingCards()
    {
        QFETCH(int, which);
        std::shared_ptr<core::ClusterSnapshot> s;
        switch (which) {
        case 0:
            s = fx::tree();
            break;
        case 1:
            s = fx::mariadbTrouble();
            break;
        case 2:
            s = fx::cascade();
            break;
        case 3:
            s = fx::coPrimary();
            break;
        case 4:
            s = fx::multiSource();
            break;
        case 5:
            s = fx::ring();
            break;
        case 6:
            s = fx::large(30);
            break;
        default:
            s = fx::large(200);
            break;
        }
        TopologyView view;
        view.setSnapshot(s);
        const QStringList names = view.nodeNames();
        QCOMPARE(names.size(), static_cast<qsizetype>(s->nodes.size()));
        for (qsizetype i = 0; i < names.size(); ++i)
            for (qsizetype j = i + 1; j < names.size(); ++j)
                QVERIFY2(!view.nodeInfo(names[i])->sceneRect.intersects(view.nodeInfo(names[j])->sceneRect),
                         qPrintable(names[i] + QStringLiteral(" overlaps ") + names[j]));
        // Every card is inside the scene (so fit to window shows all of it).
        for (const QString &n : names)
            QVERIFY(view.sceneRect().contains(view.nodeInfo(n)->sceneRect));
    }
};

QTEST_MAIN(TestTopologyView)
#include "test_topology_view.moc"
