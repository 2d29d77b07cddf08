// The cluster page as one piece: graph, table, problems and details show the same snapshot;
// one selection is shared by all of them; the table sorts and copies; zoom and export are on
// the toolbar; an update keeps what the user picked.
#include "switchyard/ui/cluster_view.h"
#include "switchyard/ui/node_details.h"
#include "switchyard/ui/node_table_model.h"
#include "switchyard/ui/problems_model.h"
#include "switchyard/ui/topology_view.h"

#include "topology_fixtures.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolBar>

using namespace switchyard;
using namespace switchyard::ui;
namespace fx = switchyard::fixtures;

namespace {

QString tableName(const ClusterView &view, int row)
{
    return view.nodeProxy()->index(row, NodeTableModel::Name).data().toString();
}

int tableRowOf(const ClusterView &view, const QString &name)
{
    for (int row = 0; row < view.nodeProxy()->rowCount(); ++row)
        if (tableName(view, row) == name)
            return row;
    return -1;
}

QAction *toolbarAction(const ClusterView &view, const QString &text)
{
    for (QAction *a : view.toolBar()->actions())
        if (a->text() == text)
            return a;
    return nullptr;
}

} // namespace

class TestClusterView : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_view = std::make_unique<ClusterView>();
        m_view->resize(1300, 800);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }
    void cleanup() { m_view.reset(); }

    void everyPartShowsTheSnapshot()
    {
        QVERIFY(m_view->problemsHeader()->text().contains(QStringLiteral("waiting for the first round")));
        m_view->setSnapshot(fx::mariadbTrouble());
        QCOMPARE(m_view->topologyView()->nodeNames().size(), 3);
        QCOMPARE(m_view->topologyView()->edgeCount(), 2);
        QCOMPARE(m_view->nodeProxy()->rowCount(), 3);
        QCOMPARE(m_view->problemsModel()->rowCount(), 4);
        const QString header = m_view->problemsHeader()->text();
        QVERIFY(header.contains(QStringLiteral("2 critical")));
        QVERIFY(header.contains(QStringLiteral("1 warning")));
        QVERIFY(header.contains(QStringLiteral("1 info")));
        QCOMPARE(m_view->tabs()->currentIndex(), int(ClusterView::GraphTab));
        m_view->setSnapshot(fx::tree());
        QVERIFY(m_view->problemsHeader()->text().contains(QStringLiteral("none in the last round")));
    }

    void thresholdsReachEveryPart()
    {
        m_view->setLagThresholds(50, 100);
        m_view->setSnapshot(fx::mariadbTrouble());
        QCOMPARE(m_view->topologyView()->nodeInfo(QStringLiteral("db2"))->lagLevel, LagLevel::Ok);
        const int row = m_view->nodeModel()->index(1, 0).data().toString() == QLatin1String("db2") ? 1 : -1;
        QCOMPARE(row, 1);
        QCOMPARE(
            m_view->nodeModel()->index(1, NodeTableModel::Lag).data(NodeTableModel::SeverityRole).toInt(), 0);
    }

    void problemClickSelectsTheNodeEverywhere()
    {
        m_view->setSnapshot(fx::mariadbTrouble());
        QSignalSpy selected(m_view.get(), &ClusterView::nodeSelected);
        // Row 2 is the lag warning about db2.
        const QModelIndex problem = m_view->problemsModel()->index(2, ProblemsModel::ProblemColumn);
        QCOMPARE(problem.data(ProblemsModel::NodeRole).toString(), QStringLiteral("db2"));
        const QRect cell = m_view->problemsView()->visualRect(problem);
        QTest::mouseClick(m_view->problemsView()->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(m_view->topologyView()->selectedNode(), QStringLiteral("db2"));
        QCOMPARE(m_view->selectedNode(), QStringLiteral("db2"));
        QCOMPARE(m_view->nodeDetails()->title(), QStringLiteral("db2"));
        QCOMPARE(tableName(*m_view, m_view->nodeTable()->currentIndex().row()), QStringLiteral("db2"));
        QVERIFY(m_view->nodeTable()->selectionModel()->isRowSelected(
            tableRowOf(*m_view, QStringLiteral("db2")), {}));
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.at(0).at(0).toString(), QStringLiteral("db2"));
    }

    void tableSelectionSelectsInGraph()
    {
        m_view->setSnapshot(fx::mariadbTrouble());
        m_view->tabs()->setCurrentIndex(ClusterView::TableTab);
        const int row = tableRowOf(*m_view, QStringLiteral("db3"));
        m_view->nodeTable()->selectRow(row);
        QCOMPARE(m_view->topologyView()->selectedNode(), QStringLiteral("db3"));
        QCOMPARE(m_view->nodeDetails()->title(), QStringLiteral("db3"));
        // And the graph selects in the table.
        m_view->topologyView()->selectNode(QStringLiteral("db1"));
        QCOMPARE(tableName(*m_view, m_view->nodeTable()->currentIndex().row()), QStringLiteral("db1"));
        QCOMPARE(m_view->nodeTable()->selectionModel()->selectedRows().size(), 1);
    }

    void tableSortsAndCopies()
    {
        m_view->setSnapshot(fx::cascade());
        m_view->tabs()->setCurrentIndex(ClusterView::TableTab);
        QTableView *table = m_view->nodeTable();
        QCOMPARE(tableName(*m_view, 0), QStringLiteral("dc1-primary")); // by name
        table->sortByColumn(NodeTableModel::Name, Qt::DescendingOrder);
        QCOMPARE(tableName(*m_view, 0), QStringLiteral("dc2-report"));
        table->sortByColumn(NodeTableModel::Name, Qt::AscendingOrder);

        // Click the second row, Ctrl+click the first: both stay selected, the graph follows.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(m_view->nodeProxy()->index(1, NodeTableModel::Name)).center());
        QCOMPARE(m_view->selectedNode(), QStringLiteral("dc1-replica"));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          table->visualRect(m_view->nodeProxy()->index(0, NodeTableModel::Name)).center());
        QCOMPARE(m_view->selectedNode(), QStringLiteral("dc1-primary"));
        QCOMPARE(table->selectionModel()->selectedRows().size(), 2);
        const QString text = m_view->selectedRowsText();
        const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].startsWith(QStringLiteral("dc1-primary\t10.0.0.6:3306\tprimary\t")));
        QVERIFY(lines[1].startsWith(QStringLiteral("dc1-replica\t")));
        QCOMPARE(lines[0].count(QLatin1Char('\t')), NodeTableModel::ColumnCount - 1);
        table->setFocus();
        QTest::keySequence(table, QKeySequence::Copy);
        QCOMPARE(QApplication::clipboard()->text(), text);
    }

    void updateKeepsSelectionEverywhere()
    {
        m_view->setSnapshot(fx::large(30, 0));
        m_view->selectNode(QStringLiteral("replica-4"));
        m_view->topologyView()->setZoom(0.9);
        const QModelIndex problem = m_view->problemsModel()->index(0, 0);
        m_view->problemsView()->setCurrentIndex(problem);
        const QString problemNode = problem.data(ProblemsModel::NodeRole).toString();
        QCOMPARE(m_view->selectedNode(), problemNode); // the problem click selected its node
        m_view->selectNode(QStringLiteral("replica-4"));
        QSignalSpy selected(m_view.get(), &ClusterView::nodeSelected);

        m_view->setSnapshot(fx::large(30, 0));
        QCOMPARE(m_view->selectedNode(), QStringLiteral("replica-4"));
        QCOMPARE(m_view->nodeDetails()->title(), QStringLiteral("replica-4"));
        QCOMPARE(tableName(*m_view, m_view->nodeTable()->currentIndex().row()), QStringLiteral("replica-4"));
        QCOMPARE(m_view->topologyView()->zoom(), 0.9);
        QCOMPARE(m_view->problemsView()->currentIndex().row(), 0);
        QCOMPARE(selected.size(), 0);

        // The selected node leaves the topology: nothing is selected anywhere.
        auto smaller = fx::large(30, 0);
        std::erase_if(smaller->nodes, [](const core::NodeStatus &n) { return n.name == "replica-4"; });
        smaller->edges.clear();
        smaller->problems.clear();
        m_view->setSnapshot(smaller);
        QCOMPARE(m_view->selectedNode(), QString());
        QCOMPARE(m_view->nodeDetails()->node(), QString());
        QVERIFY(!m_view->nodeTable()->selectionModel()->hasSelection());
        QCOMPARE(selected.size(), 1);
    }

    void toolbarZoomsAndExports()
    {
        m_view->setSnapshot(fx::large(60));
        TopologyView *graph = m_view->topologyView();
        const double fitted = graph->zoom();
        QAction *in = toolbarAction(*m_view, QStringLiteral("+"));
        QAction *out = toolbarAction(*m_view, QStringLiteral("−"));
        QAction *actual = toolbarAction(*m_view, QStringLiteral("Actual size"));
        QAction *fit = toolbarAction(*m_view, QStringLiteral("Fit"));
        QVERIFY(in && out && actual && fit);
        in->trigger();
        QCOMPARE(graph->zoom(), fitted * 1.25);
        out->trigger();
        actual->trigger();
        QCOMPARE(graph->zoom(), 1.0);
        fit->trigger();
        QCOMPARE(graph->zoom(), fitted);
        QVERIFY(m_view->exportPngAction() && m_view->exportSvgAction());
        m_view->tabs()->setCurrentIndex(ClusterView::TableTab);
        QVERIFY(!in->isEnabled());
        m_view->tabs()->setCurrentIndex(ClusterView::GraphTab);
        QVERIFY(in->isEnabled());
    }

    void closingTheClusterEmptiesEverything()
    {
        m_view->setSnapshot(fx::mariadbTrouble());
        m_view->selectNode(QStringLiteral("db1"));
        m_view->setSnapshot(nullptr);
        QCOMPARE(m_view->topologyView()->nodeNames().size(), 0);
        QCOMPARE(m_view->nodeProxy()->rowCount(), 0);
        QCOMPARE(m_view->problemsModel()->rowCount(), 0);
        QCOMPARE(m_view->selectedNode(), QString());
    }

private:
    std::unique_ptr<ClusterView> m_view;
};

QTEST_MAIN(TestClusterView)
#include "test_cluster_view.moc"
