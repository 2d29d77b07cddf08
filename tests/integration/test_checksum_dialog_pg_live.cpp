// The checksum wizard on a PostgreSQL profile, against real servers (issue 8): it says that the
// standbys are byte-identical by design instead of failing, compares the primary with a node of
// another cluster on a worker (the GUI thread keeps running), lists the differing keys, and
// names a standby given as the other node as byte-identical (rebuild). Saves
// <build>/screenshots/checksum-postgresql-live.png.
#include "sandbox_fixture.h"

#include "switchyard/ui/checksum_dialog.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest/QTest>

#include <gtest/gtest.h>

using namespace switchyard;
using namespace switchyard::core;

namespace {

ConnectionOptions adminOf(itest::ScopedSandbox &sb, const SandboxNode &node)
{
    ConnectionOptions o = sb.options(node, sb.info().credentials.admin);
    o.database = "app";
    o.nodeName = node.name;
    return o;
}

void load(itest::ScopedSandbox &sb, bool drift)
{
    auto c = createConnection(adminOf(sb, sb.primary()));
    ASSERT_TRUE(c->connect().ok());
    for (const std::string &sql :
         {std::string("CREATE TABLE orders (id int PRIMARY KEY, customer text, total numeric(10,2), at timestamptz)"),
          std::string("INSERT INTO orders SELECT i, 'c' || (i % 97), i * 1.25, '2024-01-01'::timestamptz + i * "
                      "interval '1 minute' FROM generate_series(1, 3000) i"),
          std::string("CREATE TABLE audit_log (at timestamptz, line text)"),
          std::string("INSERT INTO audit_log VALUES ('2024-01-01', 'created')"),
          std::string(drift ? "UPDATE orders SET total = 0 WHERE id = 1234" : "SELECT 1"),
          std::string(drift ? "DELETE FROM orders WHERE id = 2999" : "SELECT 1")}) {
        auto r = c->execute(sql);
        ASSERT_TRUE(r.ok()) << sql << ": " << r.error().describe();
    }
}

TEST(ChecksumDialogPgLive, StandbyMessageAndTwoClusterComparison)
{
    itest::ScopedSandbox a(Engine::PostgreSQL, {.replicas = 1, .tag = "dlg-a", .binaryDirs = {}});
    itest::ScopedSandbox b(Engine::PostgreSQL, {.replicas = 0, .tag = "dlg-b", .binaryDirs = {}});
    ASSERT_TRUE(a.ok()) << a.error();
    ASSERT_TRUE(b.ok()) << b.error();
    ASSERT_NO_FATAL_FAILURE(load(a, false));
    ASSERT_NO_FATAL_FAILURE(load(b, true));

    const SandboxNode &standby = *a.replicas()[0];
    ui::ChecksumDialog dialog(adminOf(a, a.primary()), {{standby.name, adminOf(a, standby), false}}, nullptr);
    dialog.show();
    ASSERT_NE(dialog.notice(), nullptr);
    EXPECT_TRUE(dialog.notice()->text().contains(QStringLiteral("byte-identical by design")))
        << dialog.notice()->text().toStdString();
    EXPECT_TRUE(dialog.notice()->text().contains(QString::fromStdString(standby.name)));
    EXPECT_TRUE(dialog.notice()->text().contains(QStringLiteral("pg_basebackup")));

    auto *compareWith = dialog.findChild<QLineEdit *>(QStringLiteral("compareWith"));
    auto *run = dialog.findChild<QPushButton *>(QStringLiteral("run"));
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("status"));
    ASSERT_TRUE(compareWith && run && status);
    EXPECT_FALSE(run->isEnabled()) << "nothing to compare with yet";

    // Another cluster (its admin password: the sandboxes share none, so it is typed in).
    compareWith->setText(QStringLiteral("127.0.0.1:%1").arg(b.primary().port));
    dialog.findChild<QLineEdit *>(QStringLiteral("otherPassword"))
        ->setText(QString::fromStdString(b.info().credentials.admin.password));
    ASSERT_TRUE(run->isEnabled());
    run->click();
    EXPECT_FALSE(run->isEnabled()) << "busy while the worker compares";
    ASSERT_TRUE(QTest::qWaitFor([&] { return run->isEnabled(); }, 60000)) << status->text().toStdString();
    EXPECT_TRUE(status->text().contains(QStringLiteral("differ"))) << status->text().toStdString();
    EXPECT_EQ(dialog.heatMap()->rowCount(), 2);
    QStringList keys;
    for (int r = 0; r < dialog.diffTable()->rowCount(); ++r)
        keys << dialog.diffTable()->item(r, 1)->text() + QLatin1Char(' ') + dialog.diffTable()->item(r, 2)->text();
    keys.sort();
    EXPECT_EQ(keys, (QStringList{QStringLiteral("1234 row differs"), QStringLiteral("2999 only on %1").arg(QString::fromStdString(a.primary().name))}))
        << keys.join(QLatin1Char('|')).toStdString();
    const QString shots = QString::fromStdString(itest::ScopedSandbox::rootDirectory()) + QStringLiteral("/../screenshots");
    QDir().mkpath(shots);
    QTest::qWait(50);
    EXPECT_TRUE(dialog.grab().save(shots + QStringLiteral("/checksum-postgresql-live.png")));

    // The cluster's own standby as the other node: refused, with the reason, no obscure error.
    compareWith->setText(QStringLiteral("127.0.0.1:%1").arg(standby.port));
    dialog.findChild<QLineEdit *>(QStringLiteral("otherPassword"))->clear();
    run->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return run->isEnabled(); }, 60000)) << status->text().toStdString();
    EXPECT_TRUE(status->text().contains(QStringLiteral("byte-identical")) && status->text().contains(QStringLiteral("rebuild")))
        << status->text().toStdString();
    EXPECT_EQ(dialog.heatMap()->rowCount(), 0) << "no stale result from the previous comparison";
    const auto *bar = dialog.findChild<QProgressBar *>();
    ASSERT_NE(bar, nullptr);
    EXPECT_TRUE(bar->text().isEmpty()) << "nothing was compared, so no '0 %': " << bar->text().toStdString();
    QTest::qWait(50);  // the wrapped status line's layout
    dialog.grab().save(shots + QStringLiteral("/checksum-postgresql-standby.png"));
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
