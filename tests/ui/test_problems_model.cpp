// The problem list puts the worst first, says what is wrong in words, knows which node each
// problem is about (so a click can select it), and keeps the user's selection across rounds.
#include "switchyard/ui/problems_model.h"

#include "topology_fixtures.h"

#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <set>

using namespace switchyard;
using namespace switchyard::ui;
namespace fx = switchyard::fixtures;

class TestProblemsModel : public QObject
{
    Q_OBJECT
private slots:
    void mostSevereFirst()
    {
        ProblemsModel model;
        model.setSnapshot(fx::mariadbTrouble()); // warning, critical, info, critical as discovered
        QCOMPARE(model.rowCount(), 4);
        QList<int> severities;
        for (int row = 0; row < model.rowCount(); ++row)
            severities << model.index(row, 0).data(ProblemsModel::SeverityRole).toInt();
        QCOMPARE(severities, (QList<int>{2, 2, 1, 0}));
        // Equal severities keep discovery's order.
        QCOMPARE(model.index(0, ProblemsModel::ProblemColumn).data().toString(),
                 QStringLiteral("Replication applier (SQL thread) stopped"));
        QCOMPARE(model.index(1, ProblemsModel::ProblemColumn).data().toString(),
                 QStringLiteral("Errant transactions (GTIDs only on a replica)"));
        QCOMPARE(model.index(0, ProblemsModel::SeverityColumn).data().toString(), QStringLiteral("Critical"));
        QCOMPARE(model.countAtLeast(core::Severity::Warning), 3);
    }

    void eachProblemKnowsItsNode()
    {
        ProblemsModel model;
        auto s = fx::mariadbTrouble();
        fx::problem(*s, core::Severity::Critical, core::ProblemKind::MultiplePrimaries, {"db1", "db2"});
        fx::problem(*s, core::Severity::Critical, core::ProblemKind::NoPrimary, {});
        model.setSnapshot(s);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex idx = model.index(row, ProblemsModel::DetailColumn);
            const QStringList nodes = idx.data(ProblemsModel::NodesRole).toStringList();
            QCOMPARE(idx.data(ProblemsModel::NodeRole).toString(), nodes.value(0));
            QCOMPARE(model.index(row, ProblemsModel::NodesColumn).data().toString(),
                     nodes.join(QStringLiteral(", ")));
        }
        QCOMPARE(model.index(0, 0).data(ProblemsModel::NodeRole).toString(), QStringLiteral("db3"));
        const int multiple = 2; // after the two critical problems of the fixture
        QCOMPARE(model.index(multiple, ProblemsModel::NodesColumn).data().toString(),
                 QStringLiteral("db1, db2"));
    }

    void wordsForEveryKind()
    {
        std::set<QString> seen;
        for (int k = 0; k <= static_cast<int>(core::ProblemKind::SwitchoverBlocker); ++k) {
            core::Problem p;
            p.kind = static_cast<core::ProblemKind>(k);
            const QString text = problemText(p);
            QVERIFY(!text.isEmpty());
            QVERIFY2(seen.insert(text).second, qPrintable(text));
        }
        core::Problem p{
            core::Severity::Warning, core::ProblemKind::InactiveSlot, {"pg2"}, "slot standby_3 retains 2 GB"};
        QCOMPARE(
            problemSummary(p),
            QStringLiteral("pg2: Inactive replication slot retaining WAL — slot standby_3 retains 2 GB"));
    }

    void severityLooks()
    {
        QVERIFY(severityColor(core::Severity::Critical) != severityColor(core::Severity::Warning));
        QVERIFY(severityColor(core::Severity::Warning) != severityColor(core::Severity::Info));
        for (auto s : {core::Severity::Info, core::Severity::Warning, core::Severity::Critical})
            QVERIFY(!severityIcon(s).isNull());
        ProblemsModel model;
        model.setSnapshot(fx::mariadbTrouble());
        QVERIFY(
            model.index(0, ProblemsModel::SeverityColumn).data(Qt::DecorationRole).value<QIcon>().isNull() ==
            false);
        QVERIFY(model.index(0, ProblemsModel::DetailColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("1062")));
        QCOMPARE(model.headerData(ProblemsModel::ProblemColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Problem"));
    }

    void sameProblemsUpdateInPlace()
    {
        ProblemsModel model;
        QTableView view;
        view.setModel(&model);
        model.setSnapshot(fx::mariadbTrouble());
        view.selectRow(2);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        auto next = fx::mariadbTrouble();
        next->problems[0].detail = "Seconds_Behind_Master=52";
        model.setSnapshot(next);
        QCOMPARE(resets.size(), 0);
        QVERIFY(view.selectionModel()->isRowSelected(2, {}));
        QCOMPARE(model.index(2, ProblemsModel::DetailColumn).data().toString(),
                 QStringLiteral("Seconds_Behind_Master=52"));

        auto changed = fx::mariadbTrouble();
        changed->problems.pop_back();
        model.setSnapshot(changed);
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        model.setSnapshot(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestProblemsModel)
#include "test_problems_model.moc"
