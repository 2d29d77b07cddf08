// The event log of `switchyard-cli checksum` and `repair --execute` on a real MariaDB sandbox
// (issue 8): every run lands in the profile's event log as an operator action - a run with
// differences as a warning, the repair with the exact statements it sent, the clean run after
// it as info - worded like the console's wizard (the same functions write them).
#include "cli_runner.h"
#include "sandbox_fixture.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace switchyard;
using namespace switchyard::core;

namespace {

void exec(Connection &c, const std::string &sql)
{
    auto r = c.execute(sql);
    ASSERT_TRUE(r.ok()) << sql << ": " << r.error().describe();
}

TEST(ChecksumEventsCli, RunsAndRepairsAreInTheEventLog)
{
    itest::ScopedSandbox sandbox(Engine::MySQL, {.replicas = 1, .tag = "ckevents", .binaryDirs = {}});
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    const auto admin = [&](const SandboxNode &node) {
        ConnectionOptions o = sandbox.options(node, sandbox.info().credentials.admin);
        auto c = createConnection(o);
        EXPECT_TRUE(c->connect().ok());
        return c;
    };
    auto p = admin(sandbox.primary());
    exec(*p, "CREATE DATABASE ckev");
    exec(*p, "CREATE TABLE ckev.t (id INT PRIMARY KEY, v VARCHAR(20))");
    exec(*p, "USE ckev");
    exec(*p, "INSERT INTO ckev.t SELECT seq, CONCAT('v', seq) FROM seq_1_to_500");
    auto r = admin(*sandbox.replicas()[0]);
    auto pos = p->query("SELECT @@gtid_binlog_pos");
    ASSERT_TRUE(pos.ok());
    auto waited = r->query("SELECT MASTER_GTID_WAIT('" + pos->rows[0][0].value_or("") + "', 60)");
    ASSERT_TRUE(waited.ok());
    exec(*r, "SET SESSION sql_log_bin = 0");
    exec(*r, "UPDATE ckev.t SET v = 'drift' WHERE id = 42");

    const itest::CliRunner cli; // HOME and XDG directories of its own
    const QString name = QString::fromStdString(sandbox.name());
    ASSERT_EQ(cli({QStringLiteral("sandbox"), QStringLiteral("up"), QStringLiteral("--name"), name, QStringLiteral("--dir"),
                   QString::fromStdString(sandbox.manager().root())}),
              0);
    const QStringList table = {QStringLiteral("--profile"), name, QStringLiteral("--tables"), QStringLiteral("ckev.t")};
    EXPECT_EQ(cli(QStringList{QStringLiteral("checksum")} + table), 3);
    EXPECT_EQ(cli({QStringLiteral("repair"), QStringLiteral("--profile"), name, QStringLiteral("--table"),
                   QStringLiteral("ckev.t"), QStringLiteral("--execute")}),
              0);
    EXPECT_EQ(cli(QStringList{QStringLiteral("checksum")} + table), 0);

    QByteArray out;
    ASSERT_EQ(cli({QStringLiteral("events"), QStringLiteral("--profile"), name, QStringLiteral("--json")}, &out), 0);
    QList<QJsonObject> actions;
    for (const QByteArray &line : out.split('\n')) {
        const QJsonObject e = QJsonDocument::fromJson(line).object();
        if (e.value(QStringLiteral("event")) == QStringLiteral("action"))
            actions << e;
    }
    ASSERT_EQ(actions.size(), 3) << out.toStdString();
    EXPECT_EQ(actions[0].value(QStringLiteral("detail")).toString(), QStringLiteral("Table checksum"));
    EXPECT_EQ(actions[0].value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
    EXPECT_TRUE(actions[0].value(QStringLiteral("outcome")).toString().contains(QStringLiteral("1 differing chunks")))
        << out.toStdString();
    EXPECT_EQ(actions[1].value(QStringLiteral("detail")).toString(), QStringLiteral("Checksum repair"));
    EXPECT_TRUE(actions[1].value(QStringLiteral("sql")).toString().contains(QStringLiteral("REPLACE INTO `ckev`.`t`")))
        << out.toStdString();
    EXPECT_EQ(actions[1].value(QStringLiteral("severity")).toString(), QStringLiteral("info"));
    EXPECT_EQ(actions[2].value(QStringLiteral("severity")).toString(), QStringLiteral("info"));
    EXPECT_TRUE(actions[2].value(QStringLiteral("outcome")).toString().contains(QStringLiteral("0 differing chunks")))
        << out.toStdString();
}

} // namespace
