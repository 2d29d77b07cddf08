// The details panel shows everything the snapshot knows about the selected node, in words,
// updates its values in place (selection kept), and copies as text.
#include "switchyard/ui/node_details.h"

#include "topology_fixtures.h"

#include <QApplication>
#include <QClipboard>
#include <QTest>
#include <QTreeWidget>

using namespace switchyard;
using namespace switchyard::ui;
namespace fx = switchyard::fixtures;

class TestNodeDetails : public QObject
{
    Q_OBJECT
private slots:
    void nothingSelected()
    {
        NodeDetails details;
        details.setSnapshot(fx::tree());
        QCOMPARE(details.title(), QStringLiteral("No node selected"));
        QVERIFY(details.toPlainText().isEmpty());
    }

    void stoppedReplicaInFull()
    {
        NodeDetails details;
        details.setSnapshot(fx::mariadbTrouble());
        details.setNode(QStringLiteral("db3"));
        QCOMPARE(details.title(), QStringLiteral("db3"));
        const QStringList sections = details.sections();
        for (const char *s :
             {"Node", "Server", "Replication", "Channel (default)", "Errant GTIDs", "Problems"})
            QVERIFY2(sections.contains(QLatin1String(s)), s);
        QCOMPARE(details.value(QStringLiteral("Node"), QStringLiteral("Address")),
                 QStringLiteral("10.0.0.8:3308"));
        QCOMPARE(details.value(QStringLiteral("Server"), QStringLiteral("Version")),
                 QStringLiteral("10.11.6-MariaDB-0+deb12u1-log"));
        QCOMPARE(details.value(QStringLiteral("Server"), QStringLiteral("Read-only")), QStringLiteral("yes"));
        QCOMPARE(details.value(QStringLiteral("Server"), QStringLiteral("Log replica updates")),
                 QStringLiteral("no"));
        QCOMPARE(details.value(QStringLiteral("Replication"), QStringLiteral("SQL thread running")),
                 QStringLiteral("no"));
        QCOMPARE(details.value(QStringLiteral("Replication"), QStringLiteral("Lag")),
                 QStringLiteral("unknown"));
        QVERIFY(details.value(QStringLiteral("Replication"), QStringLiteral("Replication error"))
                    .contains(QStringLiteral("Duplicate")));
        QCOMPARE(details.value(QStringLiteral("Channel (default)"), QStringLiteral("Source")),
                 QStringLiteral("10.0.0.6:3306"));
        QVERIFY(details.value(QStringLiteral("Channel (default)"), QStringLiteral("SQL error"))
                    .contains(QStringLiteral("(error 1062)")));
        QCOMPARE(details.value(QStringLiteral("Channel (default)"), QStringLiteral("Replication user")),
                 QStringLiteral("repl"));
        QCOMPARE(details.value(QStringLiteral("Errant GTIDs"), QStringLiteral("#1")),
                 QStringLiteral("0-3308-17"));
        // Its problems, worst first.
        QVERIFY(details.value(QStringLiteral("Problems"), QStringLiteral("Critical"))
                    .startsWith(QStringLiteral("Replication applier")));
        QVERIFY(details.toPlainText().contains(
            QStringLiteral("Info\tWould block a switchover — log_slave_updates=OFF")));
    }

    void primaryListsItsReplicasAndPositions()
    {
        NodeDetails details;
        details.setSnapshot(fx::mariadbTrouble());
        details.setNode(QStringLiteral("db1"));
        QVERIFY(!details.sections().contains(QStringLiteral("Replication")));
        QCOMPARE(details.value(QStringLiteral("GTID positions"),
                               QStringLiteral("Binlog position (gtid_binlog_pos)")),
                 QStringLiteral("0-3306-18422"));
        QCOMPARE(details.value(QStringLiteral("Replicas connected here"), QStringLiteral("10.0.0.7:3307")),
                 QStringLiteral("Binlog Dump GTID · server ID 3307"));
        QCOMPARE(details.value(QStringLiteral("Server"), QStringLiteral("Semi-synchronous")),
                 QStringLiteral("source"));
        QCOMPARE(details.value(QStringLiteral("Problems"), QStringLiteral("None")),
                 QStringLiteral("nothing wrong found in the last round"));
    }

    void postgresWordsAndSlots()
    {
        auto s = fx::chain();
        core::NodeStatus &p = s->nodes[0];
        p.currentLsn = (std::uint64_t{0x1} << 32) | 0x3000148;
        p.timeline = 3;
        p.replicationSlots.push_back({"standby_gone", "physical", false, std::uint64_t{3} << 30});
        p.downstream.front().applicationName = "r1";
        p.downstream.front().syncState = "async";
        p.downstream.front().replayLagSeconds = 0.2;
        NodeDetails details;
        details.setSnapshot(s);
        details.setNode(QStringLiteral("p"));
        QCOMPARE(details.value(QStringLiteral("Server"), QStringLiteral("Current WAL LSN")),
                 QStringLiteral("1/3000148"));
        QCOMPARE(details.value(QStringLiteral("Server"), QStringLiteral("Timeline")), QStringLiteral("3"));
        QCOMPARE(details.value(QStringLiteral("Server"), QStringLiteral("In recovery")),
                 QStringLiteral("no"));
        const QString slot =
            details.value(QStringLiteral("Replication slots"), QStringLiteral("standby_gone"));
        QVERIFY2(slot.startsWith(QStringLiteral("physical · inactive · retains 3")), qPrintable(slot));
        QVERIFY(
            details.value(QStringLiteral("Replicas connected here"), QStringLiteral("r1 (10.0.0.33:5433)"))
                .contains(QStringLiteral("async · replay lag 0.2 s")));
        details.setNode(QStringLiteral("r1"));
        QCOMPARE(details.value(QStringLiteral("Replication"), QStringLiteral("WAL receiver streaming")),
                 QStringLiteral("yes"));
    }

    void unreachableSaysWhy()
    {
        auto s = fx::tree();
        s->nodes[1].reachability = core::Reachability::Unreachable;
        s->nodes[1].lastError =
            makeError(ErrorCode::AuthFailed, "Access denied for user 'monitor'", "10.0.0.7:3307");
        NodeDetails details;
        details.setSnapshot(s);
        details.setNode(QStringLiteral("db2"));
        QCOMPARE(details.value(QStringLiteral("Node"), QStringLiteral("State")),
                 QStringLiteral("unreachable"));
        QVERIFY(details.value(QStringLiteral("Node"), QStringLiteral("Reason"))
                    .contains(QStringLiteral("Access denied")));
    }

    void updatesInPlaceKeepingSelection()
    {
        NodeDetails details;
        details.setSnapshot(fx::tree(3.0, 1));
        details.setNode(QStringLiteral("db3"));
        const int rebuilds = details.rebuildCount();
        QTreeWidget *tree = details.tree();
        QTreeWidgetItem *lag = nullptr;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j)
                if (tree->topLevelItem(i)->text(0) == QLatin1String("Replication") &&
                    tree->topLevelItem(i)->child(j)->text(0) == QLatin1String("Lag"))
                    lag = tree->topLevelItem(i)->child(j);
        QVERIFY(lag);
        tree->setCurrentItem(lag);
        tree->topLevelItem(1)->setExpanded(false); // the user folded "Server"

        details.setSnapshot(fx::tree(7.0, 2));
        QCOMPARE(details.rebuildCount(), rebuilds);
        QCOMPARE(tree->currentItem(), lag);
        QCOMPARE(lag->text(1), QStringLiteral("7 s"));
        QVERIFY(!tree->topLevelItem(1)->isExpanded());

        // Unknown lag: a new value, still in place, never "0".
        details.setSnapshot(fx::tree(std::nullopt, 3));
        QCOMPARE(details.value(QStringLiteral("Replication"), QStringLiteral("Lag")),
                 QStringLiteral("unknown"));

        // The node disappears.
        auto gone = fx::tree();
        gone->nodes.pop_back();
        gone->edges.pop_back();
        details.setSnapshot(gone);
        QVERIFY(details.toPlainText().isEmpty());
    }

    void copiesText()
    {
        NodeDetails details;
        details.show();
        QVERIFY(QTest::qWaitForWindowExposed(&details));
        details.setSnapshot(fx::mariadbTrouble());
        details.setNode(QStringLiteral("db2"));
        QTreeWidget *tree = details.tree();
        QTreeWidgetItem *node = tree->topLevelItem(0);
        node->child(0)->setSelected(true); // Name
        node->child(1)->setSelected(true); // Address
        QCOMPARE(details.selectedText(), QStringLiteral("Name\tdb2\nAddress\t10.0.0.7:3307\n"));
        tree->setFocus();
        QTest::keySequence(tree, QKeySequence::Copy);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("Name\tdb2\nAddress\t10.0.0.7:3307\n"));
        details.copyAll();
        const QString all = QApplication::clipboard()->text();
        QVERIFY(all.startsWith(QStringLiteral("db2\n")));
        QVERIFY(all.contains(QStringLiteral("\nLag\t47 s\n")));
        QVERIFY(all.contains(QStringLiteral("Warning\tReplication lag over the critical threshold")));
    }
};

QTEST_MAIN(TestNodeDetails)
#include "test_node_details.moc"
