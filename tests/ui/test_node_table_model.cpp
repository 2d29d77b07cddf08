// The node table tells the truth: unknown lag reads "unknown" (never 0), colours follow the
// profile's thresholds, and an update keeps the user's selection.
#include "switchyard/ui/node_table_model.h"

#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace switchyard;
using namespace switchyard::ui;

namespace {

std::shared_ptr<core::ClusterSnapshot> snapshot(std::optional<double> replicaLag, std::uint64_t generation = 1)
{
    auto s = std::make_shared<core::ClusterSnapshot>();
    s->generation = generation;
    core::NodeStatus p;
    p.name = "n1";
    p.host = "127.0.0.1";
    p.port = 23306;
    p.role = core::NodeRole::Primary;
    p.reachability = core::Reachability::Reachable;
    p.readOnly = false;
    p.version = "10.11.19-MariaDB";
    core::NodeStatus r = p;
    r.name = "n2";
    r.port = 23307;
    r.role = core::NodeRole::Replica;
    r.readOnly = true;
    r.ioThreadRunning = true;
    r.sqlThreadRunning = true;
    r.lagSeconds = replicaLag;
    s->nodes = {p, r};
    return s;
}

} // namespace

class TestNodeTableModel : public QObject
{
    Q_OBJECT
private slots:
    void unknownLagIsNotZero()
    {
        NodeTableModel model;
        model.setSnapshot(snapshot(std::nullopt));
        const QString text = model.data(model.index(1, NodeTableModel::Lag)).toString();
        QCOMPARE(text, QStringLiteral("unknown"));
        QCOMPARE(model.data(model.index(1, NodeTableModel::Lag), NodeTableModel::SeverityRole).toInt(), 1);
    }

    void severityFollowsThresholds_data()
    {
        QTest::addColumn<double>("lag");
        QTest::addColumn<int>("severity");
        QTest::newRow("fresh") << 0.0 << 0;
        QTest::newRow("below warn") << 4.9 << 0;
        QTest::newRow("warn") << 5.0 << 1;
        QTest::newRow("critical") << 20.0 << 2;
    }
    void severityFollowsThresholds()
    {
        QFETCH(double, lag);
        QFETCH(int, severity);
        NodeTableModel model;
        model.setLagThresholds(5, 20);
        model.setSnapshot(snapshot(lag));
        QCOMPARE(model.data(model.index(1, NodeTableModel::State), NodeTableModel::SeverityRole).toInt(), severity);
    }

    void stoppedReplicationIsCriticalWhateverTheLag()
    {
        auto s = snapshot(0.0);
        s->nodes[1].sqlThreadRunning = false;
        s->nodes[1].replicationError = "Error 1062: Duplicate entry";
        NodeTableModel model;
        model.setSnapshot(s);
        QCOMPARE(model.data(model.index(1, NodeTableModel::State), NodeTableModel::SeverityRole).toInt(), 2);
        QVERIFY(model.data(model.index(1, NodeTableModel::State)).toString().contains(QLatin1String("Duplicate")));
    }

    void unreachableNodeShowsTheErrorAndWhere()
    {
        auto s = snapshot(0.0);
        s->nodes[1].reachability = core::Reachability::Unreachable;
        s->nodes[1].lastError = makeError(ErrorCode::Timeout, "no answer within 2000 ms", "n2");
        NodeTableModel model;
        model.setSnapshot(s);
        const QString state = model.data(model.index(1, NodeTableModel::State)).toString();
        QVERIFY2(state.contains(QLatin1String("Timed out")) && state.contains(QLatin1String("n2")), qPrintable(state));
    }

    void updateInPlaceKeepsSelection()
    {
        NodeTableModel model;
        QTableView view;
        view.setModel(&model);
        model.setSnapshot(snapshot(1.0, 1));
        view.selectRow(1);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setSnapshot(snapshot(2.0, 2));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changes.size(), 1);
        QVERIFY(view.selectionModel()->isRowSelected(1, {}));
        QCOMPARE(model.data(model.index(1, NodeTableModel::Lag)).toString(), QStringLiteral("2 s"));
    }
};

QTEST_MAIN(TestNodeTableModel)
#include "test_node_table_model.moc"
