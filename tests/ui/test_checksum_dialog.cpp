// The checksum wizard without servers: a finished report becomes a heat map (differing chunks
// red, skipped tables grey and listed prominently), a drill-down shows rows side by side, the
// repair preview labels where the statements run. Saves <build>/screenshots/checksum.png.
#include "switchyard/ui/checksum_dialog.h"

#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QTableWidget>
#include <QtTest>

using namespace switchyard;
namespace cs = switchyard::core::checksum;

class TestChecksumDialog : public QObject
{
    Q_OBJECT
private:
    static cs::ChecksumReport report()
    {
        cs::ChecksumReport r;
        r.primary = "n1";
        r.replicas = {"n2", "n3"};
        r.rows = 1000000;
        r.seconds = 2.4;
        for (const char *name : {"orders", "customers", "audit_log"}) {
            cs::TableResult t;
            t.database = "shop";
            t.table = name;
            t.keyName = "PRIMARY";
            const int chunks = std::string(name) == "orders" ? 24 : 9;
            for (int c = 1; c <= chunks; ++c) {
                cs::ChunkResult ch;
                ch.chunk = c;
                ch.bounds.lower = {std::to_string((c - 1) * 40000 + 1)};
                ch.bounds.upper = {std::to_string(c * 40000)};
                ch.primaryRows = 40000;
                ch.replicaState = {cs::ChunkState::Match, cs::ChunkState::Match};
                ch.replicaRows = {40000, 40000};
                ch.replicaCrc = {"a", "a"};
                if (std::string(name) == "orders" && (c == 3 || c == 17)) {
                    ch.replicaState[1] = cs::ChunkState::Differs;
                    ch.replicaRows[1] = 39999;
                }
                t.chunks.push_back(ch);
            }
            r.tables.push_back(t);
        }
        cs::TableResult nokey;
        nokey.database = "shop";
        nokey.table = "events_raw";
        nokey.skipReason = "no primary key and no unique index: rows cannot be chunked or repaired";
        r.tables.push_back(nokey);
        return r;
    }

private slots:
    void heatMapDrillAndPreview()
    {
        core::ConnectionOptions primary;
        primary.nodeName = "n1";
        std::vector<cs::ReplicaTarget> replicas{{"n2", {}, false}, {"n3", {}, true}};
        ui::ChecksumDialog dialog(primary, replicas, nullptr);
        dialog.resize(1100, 760);
        dialog.showReport(report());
        QTableWidget *heat = dialog.heatMap();
        QCOMPARE(heat->rowCount(), 4);
        QCOMPARE(heat->item(0, 2)->background().color(), QColor(0xd3, 0x2f, 0x2f));
        QCOMPARE(heat->item(0, 0)->background().color(), QColor(0x66, 0xbb, 0x6a));
        QCOMPARE(heat->item(3, 0)->text(), QStringLiteral("skipped"));
        bool skippedShown = false;
        for (QLabel *l : dialog.findChildren<QLabel *>())
            skippedShown = skippedShown || l->text().contains(QStringLiteral("events_raw"));
        QVERIFY(skippedShown);

        cs::TableInfo t;
        t.database = "shop";
        t.table = "orders";
        t.keyName = "PRIMARY";
        t.keyColumns = {"id"};
        t.columns = {{"id", "int", "int", false, false, "", true}, {"amount", "decimal", "decimal(10,2)", true, false, "", true},
                     {"note", "varchar", "varchar(64)", true, false, "utf8mb4", true}};
        std::vector<cs::RowDiff> diffs;
        diffs.push_back({cs::RowDiffKind::Different, {"84242"}, "h1", "h2", {"84242", "42.42", "ok"}, {"84242", "43.42", "ok"}});
        diffs.push_back({cs::RowDiffKind::Missing, {"97777"}, "h3", "", {"97777", "77.77", std::nullopt}, {}});
        diffs.push_back({cs::RowDiffKind::Extra, {"99001"}, "", "h4", {}, {"99001", "1.00", "ghost"}});
        dialog.showDiffs(t, diffs);
        QCOMPARE(dialog.diffTable()->rowCount(), 3);
        QCOMPARE(dialog.diffTable()->item(0, 3)->text(), QStringLiteral("42.42 | 43.42"));
        const QString preview = dialog.preview()->toPlainText();
        QVERIFY(preview.contains(QStringLiteral("every replica receives")));
        QVERIFY(preview.contains(QStringLiteral("SET SESSION binlog_format = 'STATEMENT';")));
        QVERIFY(preview.contains(QStringLiteral("DELETE FROM `shop`.`orders` WHERE `id` = 99001;")));
        dialog.findChildren<QRadioButton *>().at(1)->setChecked(true);
        QVERIFY(dialog.preview()->toPlainText().contains(QStringLiteral("SET SESSION sql_log_bin = 0;")));
        dialog.findChildren<QRadioButton *>().at(0)->setChecked(true);

        dialog.show();
        heat->setCurrentCell(0, 16);
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString dir = QStringLiteral(SWITCHYARD_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/checksum.png")));
    }
};

QTEST_MAIN(TestChecksumDialog)
#include "test_checksum_dialog.moc"
