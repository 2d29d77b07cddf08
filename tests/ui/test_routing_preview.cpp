// The routing preview (issue 6), offscreen: statements against a snapshot, the session context,
// one row per statement, what-if (a lagging replica leaves, a down primary makes writes fail and
// never go elsewhere), highlighting from the routing lexer, workload files (plain SQL, MySQL and
// MariaDB general logs, PostgreSQL logs) parsed on a worker while the GUI keeps running, Verify's
// refusals, the Markdown export, and agreement with `switchyard-cli route` on every statement of
// the routing corpus - run as a process, against the same topology the panel routes against.
// It also renders the panel with realistic content to PNG ($SWITCHYARD_SCREENSHOT_DIR).
#include "switchyard/ui/routing_preview.h"
#include "switchyard/ui/routing_preview_highlighter.h"
#include "switchyard/ui/topology_view.h"

#include "topology_fixtures.h"

#include <QChartView>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace switchyard;
using namespace switchyard::ui;
namespace fx = switchyard::fixtures;
namespace sr = switchyard::routing;

namespace {

QString str(const std::string &s)
{
    return QString::fromStdString(s);
}

bool hasReason(const sr::RouteDecision &d, sr::ReasonCode code, const std::string &text = {})
{
    for (const sr::Reason &r : d.reasons)
        if (r.code == code && (text.empty() || d.textOf(r) == text))
            return true;
    return false;
}

// db1 primary, db2 and db3 replicas, with GTID positions (MariaDB).
std::shared_ptr<core::ClusterSnapshot> cluster(std::uint64_t generation = 7)
{
    auto s = fx::tree(0.4, generation);
    s->takenAtMs = 1'790'000'000'000;
    s->nodes[0].gtidExecuted = "0-3306-1200";
    s->nodes[0].gtidCurrentPos = "0-3306-1200";
    s->nodes[1].gtidCurrentPos = "0-3306-1200";
    s->nodes[2].gtidCurrentPos = "0-3306-1180";
    s->nodes[1].counters.connections = 14;
    s->nodes[2].counters.connections = 9;
    return s;
}

const sr::RouteDecision &lastDecision(const RoutingPreview &p)
{
    static const sr::RouteDecision none;
    const PreviewRow *r = p.outcome().lastStatement();
    return r ? r->decision : none;
}

struct CorpusCase
{
    QString id;
    QString dialect;
    QStringList setup;
    QString sql;
};

std::vector<CorpusCase> corpus()
{
    std::vector<CorpusCase> out;
    QFile file(QStringLiteral(SWITCHYARD_SOURCE_DIR "/tests/data/routing-corpus.jsonl"));
    if (!file.open(QIODevice::ReadOnly))
        return out;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        CorpusCase c;
        c.id = o.value(QStringLiteral("id")).toString();
        c.dialect = o.value(QStringLiteral("dialect")).toString();
        for (const QJsonValue &v : o.value(QStringLiteral("setup")).toArray())
            c.setup << v.toString();
        c.sql = o.value(QStringLiteral("sql")).toString();
        out.push_back(c);
    }
    return out;
}

} // namespace

class TestRoutingPreview : public QObject
{
    Q_OBJECT
private:
    QString m_dir;

private slots:
    void initTestCase()
    {
        m_dir = qEnvironmentVariable("SWITCHYARD_SCREENSHOT_DIR");
        if (m_dir.isEmpty())
            m_dir = QStringLiteral(SWITCHYARD_BINARY_DIR "/screenshots");
        QVERIFY(QDir().mkpath(m_dir));
    }

    // ---- engine ------------------------------------------------------------------------------

    void splitKeepsCommentsAndBodies()
    {
        PreviewSettings mysql;
        mysql.dialect = sr::Dialect::MariaDB;
        const auto parts = splitStatements("/* switchyard: primary */ SELECT 1;\n-- note\nSELECT 'a;b' FROM "
                                           "t; SELECT * FROM t /*!50000 FOR UPDATE */;",
                                           mysql);
        QCOMPARE(parts.size(), std::size_t(3));
        QCOMPARE(str(parts[0]), QStringLiteral("/* switchyard: primary */ SELECT 1"));
        QCOMPARE(str(parts[1]), QStringLiteral("-- note\nSELECT 'a;b' FROM t"));
        QCOMPARE(str(parts[2]), QStringLiteral("SELECT * FROM t /*!50000 FOR UPDATE */"));
        // A compound body stays whole, as the classifier keeps it (without DELIMITER, to the end).
        const auto body = splitStatements("CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", mysql);
        QCOMPARE(body.size(), std::size_t(1));
        PreviewSettings pg;
        pg.dialect = sr::Dialect::PostgreSQL;
        QCOMPARE(splitStatements("SELECT $$a;b$$; SELECT 2;", pg).size(), std::size_t(2));
        QVERIFY(splitStatements("  \n ", pg).empty());
    }

    void rowsCarryTheSessionAfterEachStatement()
    {
        RoutingPreview p;
        p.setSnapshot(cluster());
        p.setSql(QStringLiteral(
            "START TRANSACTION;\nSELECT * FROM orders;\nUPDATE orders SET state = 'paid' WHERE id = 4;\n"
            "COMMIT;\nSELECT * FROM orders"));
        const auto &rows = p.outcome().rows;
        QCOMPARE(rows.size(), std::size_t(5));
        QVERIFY(rows[0].after.inTransaction);
        QCOMPARE(rows[1].decision.target, sr::Target::Primary); // inside the read-write transaction
        QVERIFY(rows[2].after.transactionWrote);
        QVERIFY(!rows[3].after.inTransaction);
        QCOMPARE(rows[4].decision.target, sr::Target::Replica);
        QCOMPARE(p.statementModel()->rowCount(), 5);
        QVERIFY(p.statementModel()->item(1, 4)->text().contains(QStringLiteral("read-write transaction")));
        // The graph marks the selected statement's target.
        p.selectRow(4);
        QCOMPARE(p.graph()->highlightedNodes(), QStringList{str(rows[4].decision.nodeName)});
        const auto info = p.graph()->nodeInfo(str(rows[4].decision.nodeName));
        QVERIFY(info && info->highlighted);
        QVERIFY(info->toolTip.contains(QStringLiteral("read-only SELECT")));
        p.selectRow(2);
        QCOMPARE(p.graph()->highlightedNodes(), QStringList{QStringLiteral("db1")});
    }

    void contextChangesTheRoute()
    {
        RoutingPreview p;
        p.setSnapshot(cluster());
        p.setSql(QStringLiteral("SELECT * FROM tmp"));
        QCOMPARE(lastDecision(p).target, sr::Target::Replica);

        SessionContext c;
        c.earlier = {"CREATE TEMPORARY TABLE tmp (a INT)"};
        p.setContext(c);
        QCOMPARE(lastDecision(p).target, sr::Target::Primary);
        QVERIFY(hasReason(lastDecision(p), sr::ReasonCode::TemporaryTable, "tmp"));
        QCOMPARE(p.outcome().rows.front().origin, PreviewRow::Origin::Earlier);

        c = {};
        c.autocommit = false;
        p.setContext(c);
        QCOMPARE(lastDecision(p).target, sr::Target::Primary);
        QVERIFY(hasReason(lastDecision(p), sr::ReasonCode::ImplicitTransaction));

        c = {};
        c.transaction = SessionContext::Transaction::ReadOnly;
        p.setContext(c);
        QCOMPARE(lastDecision(p).target, sr::Target::Replica);

        // Read-your-writes: the primary's position now, db3 is behind it, db2 has applied it.
        p.setConsistency(sr::Consistency::readYourWrites());
        c = {};
        p.setContext(c);
        QVERIFY(p.takePrimaryPosition());
        QCOMPARE(str(p.context().writePosition), QStringLiteral("0-3306-1200"));
        QVERIFY(p.context().wrote);
        const auto &d = lastDecision(p);
        QCOMPARE(d.target, sr::Target::Replica);
        QCOMPARE(str(d.nodeName), QStringLiteral("db2"));
        QVERIFY(hasReason(d, sr::ReasonCode::ExcludedBehindWrite, "db3"));
        // Not reported: the primary.
        c = p.context();
        c.writePosition.clear();
        p.setContext(c);
        QVERIFY(hasReason(lastDecision(p), sr::ReasonCode::ReadYourWritesUnknown));
        // Session window: within it the primary, after it a replica.
        p.setConsistency(sr::Consistency::sessionWindow(std::chrono::milliseconds(500)));
        c.msSinceContext = 100;
        p.setContext(c);
        QVERIFY(hasReason(lastDecision(p), sr::ReasonCode::SessionWindow));
        c.msSinceContext = 900;
        p.setContext(c);
        QCOMPARE(lastDecision(p).target, sr::Target::Replica);
        // A position that does not parse says so.
        c.writePosition = "not-a-gtid";
        p.setContext(c);
        QVERIFY(!p.outcome().problem.isEmpty());
    }

    // ---- what-if -----------------------------------------------------------------------------

    void whatIfLaggingReplicaIsExcluded()
    {
        RoutingPreview p;
        p.setSnapshot(cluster());
        p.setLagThreshold(10.0);
        p.setSql(QStringLiteral("SELECT * FROM orders WHERE id = 1"));
        QVERIFY(p.bannerText().isEmpty());
        QCOMPARE(lastDecision(p).target, sr::Target::Replica);
        QCOMPARE(str(lastDecision(p).nodeName), QStringLiteral("db2"));

        WhatIf w;
        w.nodes["db2"].lagSeconds = 45.0;
        p.setWhatIf(w);
        QVERIFY(p.bannerText().contains(QStringLiteral("HYPOTHETICAL")));
        QVERIFY(p.bannerText().contains(QStringLiteral("db2")));
        const auto &d = lastDecision(p);
        QCOMPARE(d.target, sr::Target::Replica);
        QCOMPARE(str(d.nodeName), QStringLiteral("db3"));
        QVERIFY(hasReason(d, sr::ReasonCode::ExcludedLag, "db2"));
        QCOMPARE(p.exclusionTable()->rowCount(), 1);
        QCOMPARE(p.exclusionTable()->item(0, 0)->text(), QStringLiteral("db2"));
        // The graph shows the hypothetical lag.
        QVERIFY(p.graph()->nodeInfo(QStringLiteral("db2"))->badgeText.contains(QStringLiteral("45")));
        QCOMPARE(p.graph()->snapshot()->nodes[1].lagSeconds, std::optional<double>(45.0));

        // Both replicas gone: the primary, saying why.
        w.nodes["db3"].state = WhatIfNode::State::Draining;
        p.setWhatIf(w);
        QCOMPARE(lastDecision(p).target, sr::Target::Primary);
        QVERIFY(hasReason(lastDecision(p), sr::ReasonCode::ExcludedMaintenance, "db3"));
        QVERIFY(hasReason(lastDecision(p), sr::ReasonCode::NoEligibleReplica));

        // Weight 0 drains too.
        w = {};
        w.nodes["db2"].weight = 0;
        p.setWhatIf(w);
        QVERIFY(hasReason(lastDecision(p), sr::ReasonCode::ExcludedWeightZero, "db2"));

        // Driving the table's editors changes the route at once.
        p.clearWhatIf();
        QVERIFY(p.bannerText().isEmpty());
        auto *lag = qobject_cast<QDoubleSpinBox *>(p.whatIfTable()->cellWidget(1, 3));
        QVERIFY(lag);
        QCOMPARE(p.whatIfTable()->item(1, 0)->text(), QStringLiteral("db2"));
        lag->setValue(50);
        QCOMPARE(str(lastDecision(p).nodeName), QStringLiteral("db3"));
        QVERIFY(!p.bannerText().isEmpty());
    }

    void whatIfDownPrimaryMakesWritesFail()
    {
        RoutingPreview p;
        QSignalSpy targets(&p, &RoutingPreview::targetChanged);
        p.setSnapshot(cluster());
        WhatIf w;
        w.nodes["db1"].state = WhatIfNode::State::Down;
        p.setWhatIf(w);
        p.setSql(QStringLiteral("INSERT INTO orders (id) VALUES (7);\nSELECT * FROM orders"));
        const auto &rows = p.outcome().rows;
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].decision.target, sr::Target::Primary); // never elsewhere
        QCOMPARE(str(rows[0].decision.nodeName), QStringLiteral("db1"));
        QVERIFY(primaryUnavailable(rows[0].decision));
        QVERIFY(hasReason(rows[0].decision, sr::ReasonCode::PrimaryNotUp, "db1"));
        QCOMPARE(rows[1].decision.target, sr::Target::Replica); // reads still go to replicas
        p.selectRow(0);
        QVERIFY2(p.headlineText().contains(QStringLiteral("Would fail")), qPrintable(p.headlineText()));
        QVERIFY(p.statementModel()->item(0, 2)->text().contains(QStringLiteral("would fail")));
        const auto info = p.graph()->nodeInfo(QStringLiteral("db1"));
        QVERIFY(info && info->highlighted && info->dimmed);
        QVERIFY(!targets.isEmpty());
        QCOMPARE(targets.last().at(3).toBool(), true);
        QVERIFY(p.explanationMarkdown().contains(QStringLiteral("would fail")));
    }

    void multiStatementPacket()
    {
        RoutingPreview p;
        p.setSnapshot(cluster());
        p.setSql(QStringLiteral("SELECT 1; SELECT 2"));
        QCOMPARE(p.statements().size(), std::size_t(2));
        p.setSendAsOnePacket(true);
        QCOMPARE(p.statements().size(), std::size_t(1));
        QCOMPARE(lastDecision(p).statementCount, 2u);
    }

    void liveSnapshotsKeepLagHistory()
    {
        // A replica that crossed the threshold one round ago is still in the pool (3 samples).
        RoutingPreview p;
        p.setLagThreshold(10.0);
        p.setSql(QStringLiteral("SELECT 1 FROM dual"));
        for (std::uint64_t g = 1; g <= 4; ++g)
            p.setSnapshot(cluster(g));
        auto late = cluster(5);
        late->nodes[1].lagSeconds = 30.0;
        p.setSnapshot(late);
        QVERIFY(!hasReason(lastDecision(p), sr::ReasonCode::ExcludedLag));
        for (std::uint64_t g = 6; g <= 7; ++g) {
            auto s = cluster(g);
            s->nodes[1].lagSeconds = 30.0;
            p.setSnapshot(s);
        }
        QVERIFY(hasReason(lastDecision(p), sr::ReasonCode::ExcludedLag, "db2"));
        // Frozen: new rounds do not change what is shown.
        p.setFrozen(true);
        p.setSnapshot(cluster(8));
        QVERIFY(hasReason(lastDecision(p), sr::ReasonCode::ExcludedLag, "db2"));
    }

    void verifyRefusesAnythingButPureReads()
    {
        PreviewSettings s;
        s.dialect = sr::Dialect::MariaDB;
        QVERIFY(!verifyRefusal("SELECT * FROM orders WHERE id = 1", s));
        QVERIFY(verifyRefusal("DELETE FROM orders", s));
        QVERIFY(verifyRefusal("SELECT * FROM orders FOR UPDATE", s));
        QVERIFY(verifyRefusal("SELECT my_udf(1)", s));
        QVERIFY(verifyRefusal("SELECT 1; SELECT 2", s));
        QVERIFY(verifyRefusal("/* SELECT */ UPDATE t SET a = 1", s));
        QVERIFY(verifyRefusal("SELECT * FROM t /*!50000 FOR UPDATE */", s));
        QVERIFY(verifyRefusal("SELECT LAST_INSERT_ID()", s));
        PreviewSettings pg;
        pg.dialect = sr::Dialect::PostgreSQL;
        QVERIFY(verifyRefusal("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", pg));
        // The panel without a cluster says why instead of running.
        RoutingPreview p;
        QSignalSpy done(&p, &RoutingPreview::verifyFinished);
        p.setSql(QStringLiteral("SELECT 1"));
        p.verify();
        QCOMPARE(done.count(), 1);
        QVERIFY(!p.verifyBusy());
        QVERIFY(p.verifyStatus().contains(QStringLiteral("open cluster")));
    }

    // ---- highlighting ------------------------------------------------------------------------

    void highlightingFollowsTheLexer()
    {
        using K = SqlHighlighter::Kind;
        const auto kindAt = [](const std::vector<SqlHighlighter::Span> &spans, int pos) -> std::optional<K> {
            for (const auto &s : spans)
                if (pos >= s.start && pos < s.start + s.length)
                    return s.kind;
            return std::nullopt;
        };
        const auto mysql = sr::LexOptions::forDialect(sr::Dialect::MySQL);
        const auto pg = sr::LexOptions::forDialect(sr::Dialect::PostgreSQL);
        // MySQL: "-- " is a comment, "--1" is not; "#" is a comment.
        QString text = QStringLiteral("SELECT 1--1, 'x' -- note\n# hash\nFROM t");
        auto spans = SqlHighlighter::spans(text, mysql);
        QCOMPARE(kindAt(spans, 0), std::optional<K>(K::Keyword));
        QCOMPARE(kindAt(spans, static_cast<int>(text.indexOf(QStringLiteral("--1")))), std::nullopt);
        QCOMPARE(kindAt(spans, static_cast<int>(text.indexOf(QStringLiteral("'x'")))),
                 std::optional<K>(K::String));
        QCOMPARE(kindAt(spans, static_cast<int>(text.indexOf(QStringLiteral("note")))),
                 std::optional<K>(K::Comment));
        QCOMPARE(kindAt(spans, static_cast<int>(text.indexOf(QStringLiteral("hash")))),
                 std::optional<K>(K::Comment));
        // PostgreSQL: "#" is an operator, "--1" is a comment, block comments nest.
        text = QStringLiteral("SELECT 1 # 2 /* a /* b */ c */, 3--1");
        spans = SqlHighlighter::spans(text, pg);
        QCOMPARE(kindAt(spans, static_cast<int>(text.indexOf(QLatin1Char('#')))), std::nullopt);
        QCOMPARE(kindAt(spans, static_cast<int>(text.indexOf(QStringLiteral(" c ")) + 1)),
                 std::optional<K>(K::Comment));
        QCOMPARE(kindAt(spans, static_cast<int>(text.indexOf(QStringLiteral("--1")))),
                 std::optional<K>(K::Comment));
        // Executable comment: the content is SQL, the markers are not; hints stand out.
        text = QStringLiteral("/* switchyard: primary */ SELECT * FROM t /*!50000 FOR UPDATE */");
        spans = SqlHighlighter::spans(text, mysql);
        QCOMPARE(kindAt(spans, 3), std::optional<K>(K::Hint));
        QCOMPARE(kindAt(spans, static_cast<int>(text.indexOf(QStringLiteral("FOR")))),
                 std::optional<K>(K::Keyword));
        QCOMPARE(kindAt(spans, static_cast<int>(text.indexOf(QStringLiteral("/*!")))),
                 std::optional<K>(K::ExecutableMarker));
        // Functions, variables, an unterminated literal; positions in UTF-16 after non-ASCII text.
        text = QStringLiteral("SELECT 'ü€', my_udf(@x) FROM t WHERE a = 'open");
        spans = SqlHighlighter::spans(text, mysql);
        QCOMPARE(kindAt(spans, static_cast<int>(text.indexOf(QStringLiteral("my_udf")))),
                 std::optional<K>(K::Function));
        QCOMPARE(kindAt(spans, static_cast<int>(text.indexOf(QStringLiteral("@x")))),
                 std::optional<K>(K::Variable));
        QCOMPARE(kindAt(spans, static_cast<int>(text.indexOf(QStringLiteral("open")))),
                 std::optional<K>(K::Unterminated));
        QCOMPARE(kindAt(spans, static_cast<int>(text.indexOf(QStringLiteral("FROM")))),
                 std::optional<K>(K::Keyword));

        // In the editor: an opened quote recolours the following lines.
        RoutingPreview p;
        p.setSql(QStringLiteral("SELECT 'a\nFROM t"));
        QTest::qWait(10);
        const QTextBlock second = p.sqlEditor()->document()->findBlockByNumber(1);
        const auto formats = second.layout()->formats();
        QVERIFY(!formats.isEmpty());
        QCOMPARE(formats.first().format.underlineStyle(), QTextCharFormat::WaveUnderline);
    }

    // ---- workload ----------------------------------------------------------------------------

    void workloadParsers()
    {
        PreviewSettings maria;
        maria.dialect = sr::Dialect::MariaDB;
        auto plain = parseWorkload(
            "SELECT 1;\nINSERT INTO t VALUES ('a;b');\nDELIMITER //\nCREATE PROCEDURE p() BEGIN "
            "SELECT 1; END//\nDELIMITER ;\nSELECT 2",
            WorkloadFormat::Detect, maria);
        QVERIFY(plain);
        QCOMPARE(plain->format, WorkloadFormat::PlainSql);
        QCOMPARE(plain->statements.size(), std::size_t(4));
        QCOMPARE(str(plain->statements[2].sql), QStringLiteral("CREATE PROCEDURE p() BEGIN SELECT 1; END"));

        const char *mysql8 =
            "/usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:\n"
            "Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock\n"
            "Time                 Id Command    Argument\n"
            "2024-01-15T10:00:00.100000Z\t   12 Connect\tapp@10.0.0.5 on shop using TCP/IP\n"
            "2024-01-15T10:00:00.200000Z\t   12 Query\tSET autocommit=0\n"
            "2024-01-15T10:00:00.300000Z\t   13 Query\tSELECT *\n"
            "FROM orders\n"
            "WHERE id = 1\n"
            "2024-01-15T10:00:00.400000Z\t   12 Query\tSELECT * FROM orders\n"
            "2024-01-15T10:00:00.500000Z\t   12 Init DB\tshop\n"
            "2024-01-15T10:00:00.600000Z\t   12 Quit\t\n";
        auto general = parseWorkload(mysql8, WorkloadFormat::Detect, maria);
        QVERIFY(general);
        QCOMPARE(general->format, WorkloadFormat::MySqlGeneralLog);
        QCOMPARE(general->statements.size(), std::size_t(4));
        QCOMPARE(str(general->statements[1].sql), QStringLiteral("SELECT *\nFROM orders\nWHERE id = 1"));
        QCOMPARE(str(general->statements[3].sql), QStringLiteral("USE `shop`"));
        QVERIFY(general->statements[0].session != general->statements[1].session);
        QCOMPARE(general->statements[0].session, general->statements[2].session);
        QCOMPARE(*general->statements[2].atMs - *general->statements[0].atMs, 200);

        const char *mariadb = "240115 10:00:00\t     5 Connect\tapp@localhost on shop\n"
                              "\t\t     5 Query\tselect @@version_comment limit 1\n"
                              "240115 10:00:01\t     5 Query\tUPDATE orders SET a = 1\n"
                              "\t\t     6 Query\tSELECT 1\n";
        auto maria2 = parseWorkload(mariadb, WorkloadFormat::Detect, maria);
        QVERIFY(maria2);
        QCOMPARE(maria2->format, WorkloadFormat::MySqlGeneralLog);
        QCOMPARE(maria2->statements.size(), std::size_t(3));
        QCOMPARE(maria2->sessions, 2u);

        const char *pglog = "2024-01-15 10:00:00.123 UTC [4242] LOG:  statement: BEGIN\n"
                            "2024-01-15 10:00:00.124 UTC [4242] LOG:  statement: UPDATE t SET a = 1\n"
                            "\t  WHERE id = 2\n"
                            "2024-01-15 10:00:00.125 UTC [4243] app@shop LOG:  execute <unnamed>: SELECT * "
                            "FROM t WHERE id = $1\n"
                            "2024-01-15 10:00:00.125 UTC [4243] app@shop DETAIL:  parameters: $1 = '5'\n"
                            "2024-01-15 10:00:00.126 UTC [4242] ERROR:  relation \"x\" does not exist\n"
                            "2024-01-15 10:00:00.126 UTC [4242] STATEMENT:  SELECT * FROM x\n"
                            "2024-01-15 10:00:00.127 UTC [4242] LOG:  duration: 0.051 ms\n"
                            "2024-01-15 10:00:00.128 UTC [4242] LOG:  statement: COMMIT\n";
        PreviewSettings pg;
        pg.dialect = sr::Dialect::PostgreSQL;
        auto p = parseWorkload(pglog, WorkloadFormat::Detect, pg);
        QVERIFY(p);
        QCOMPARE(p->format, WorkloadFormat::PostgresLog);
        QCOMPARE(p->statements.size(), std::size_t(4));
        QCOMPARE(str(p->statements[1].sql), QStringLiteral("UPDATE t SET a = 1\n  WHERE id = 2"));
        QCOMPARE(str(p->statements[2].sql), QStringLiteral("SELECT * FROM t WHERE id = $1"));
        QCOMPARE(p->sessions, 2u);

        QCOMPARE(str(statementShape("SELECT * FROM t WHERE id IN (1, 2, 3) AND name = 'x'",
                                    sr::LexOptions::forDialect(sr::Dialect::MySQL))),
                 QStringLiteral("SELECT * FROM t WHERE id IN (?...) AND name = ?"));
    }

    void workloadModeShowsSharesAndReasons()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("general.log"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray log = "Time                 Id Command    Argument\n";
            for (int i = 0; i < 400; ++i) {
                const QByteArray id = QByteArray::number(100 + i % 8);
                const QByteArray ts = "2024-01-15T10:00:" + QByteArray::number(10 + i / 40) + ".000000Z\t   ";
                log += ts + id + " Query\tSELECT * FROM orders WHERE id = " + QByteArray::number(i) + "\n";
                if (i % 4 == 0)
                    log +=
                        ts + id + " Query\tINSERT INTO orders (id) VALUES (" + QByteArray::number(i) + ")\n";
                if (i % 10 == 0)
                    log += ts + id + " Query\tSELECT get_discount(" + QByteArray::number(i) + ")\n";
                if (i % 50 == 0)
                    log += ts + id + " Query\tSET NAMES utf8mb4\n";
            }
            f.write(log);
        }
        RoutingPreview p;
        p.setSnapshot(cluster());
        QSignalSpy finished(&p, &RoutingPreview::workloadFinished);
        p.loadWorkload(path);
        QVERIFY(finished.wait(20000));
        QVERIFY(p.workloadResult());
        const WorkloadResult &w = *p.workloadResult();
        QCOMPARE(w.total, std::uint64_t(400 + 100 + 40 + 8));
        QCOMPARE(w.toReplicas, std::uint64_t(400));
        QCOMPARE(w.toAll, std::uint64_t(8));
        QCOMPARE(w.toPrimary, std::uint64_t(140));
        QCOMPARE(w.nodes.size(), std::size_t(3));
        QCOMPARE(w.nodes[1].statements + w.nodes[2].statements, std::uint64_t(400));
        QVERIFY(w.nodes[1].statements > 150 && w.nodes[2].statements > 150); // round robin
        QCOMPARE(w.primaryReasons.size(), std::size_t(2));
        QCOMPARE(str(w.primaryReasons[0].reason), QStringLiteral("writes: INSERT"));
        QCOMPARE(w.primaryReasons[0].count, std::uint64_t(100));
        QCOMPARE(w.primaryReasons[0].shapes.size(), std::size_t(1));
        QCOMPARE(str(w.primaryReasons[0].shapes[0].shape),
                 QStringLiteral("INSERT INTO orders (id) VALUES (?)"));
        QVERIFY(str(w.primaryReasons[1].reason).contains(QStringLiteral("get_discount")));
        QCOMPARE(p.primaryReasonTree()->topLevelItemCount(), 2);
        QCOMPARE(p.workloadTable()->rowCount(), 4);
        QCOMPARE(p.workloadChart()->chart()->series().size(), 1);
        QVERIFY(p.workloadStatus().contains(QStringLiteral("548")));

        // What-if applies to the workload too: db2 down, all reads on db3.
        WhatIf down;
        down.nodes["db2"].state = WhatIfNode::State::Down;
        finished.clear();
        p.setWhatIf(down);
        QVERIFY(finished.wait(20000));
        QCOMPARE(p.workloadResult()->nodes[1].statements, std::uint64_t(0));
        QCOMPARE(p.workloadResult()->nodes[2].statements, std::uint64_t(400));
        QVERIFY(p.explanationMarkdown().contains(QStringLiteral("## Workload")));
        // A new polling round that changes nothing the routes depend on does not route it again.
        p.setSnapshot(cluster(9));
        QVERIFY(!p.workloadBusy());
        auto lagging = cluster(10);
        lagging->nodes[2].sqlThreadRunning = false; // db3 stops replicating: routed again
        p.setSnapshot(lagging);
        QVERIFY(p.workloadBusy());
        finished.clear();
        QVERIFY(finished.wait(20000));
        QCOMPARE(p.workloadResult()->toPrimary, std::uint64_t(540));
    }

    void bigWorkloadDoesNotFreezeTheGui()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.sql"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray chunk;
            for (int i = 0; i < 1000; ++i)
                chunk +=
                    "SELECT o.id, o.total FROM orders o JOIN customers c ON c.id = o.customer WHERE o.id = " +
                    QByteArray::number(i) +
                    ";\nUPDATE orders SET seen = 1 WHERE id = " + QByteArray::number(i) + ";\n";
            for (int i = 0; i < 150; ++i) // 300k statements, ~ 36 MB
                f.write(chunk);
        }
        RoutingPreview p;
        p.setSnapshot(cluster());
        QSignalSpy finished(&p, &RoutingPreview::workloadFinished);
        QElapsedTimer clock;
        qint64 last = 0, worst = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, [&] {
            worst = std::max(worst, clock.elapsed() - last);
            last = clock.elapsed();
        });
        clock.start();
        tick.start(10);
        p.loadWorkload(path);
        QVERIFY(p.workloadBusy());
        QVERIFY(finished.wait(120000));
        tick.stop();
        QCOMPARE(p.workloadResult()->total, std::uint64_t(300000));
        QCOMPARE(p.workloadResult()->toReplicas, std::uint64_t(150000));
        qInfo("300k statements read and routed in %lld ms; longest GUI pause %lld ms", clock.elapsed(),
              worst);
        QVERIFY2(worst < 500, qPrintable(QStringLiteral("GUI paused %1 ms").arg(worst)));

        // Cancel: stops early, the previous result stays away.
        finished.clear();
        p.loadWorkload(path);
        QTest::qWait(20);
        p.cancelWorkload();
        QTRY_VERIFY_WITH_TIMEOUT(!p.workloadBusy(), 20000);
        QVERIFY(!p.workloadResult());
    }

    // ---- export ------------------------------------------------------------------------------

    void markdownExport()
    {
        RoutingPreview p;
        Profile profile;
        profile.name = QStringLiteral("shop-prod");
        profile.engine = core::Engine::MySQL;
        profile.lagWarnSeconds = 10;
        p.setProfile(profile);
        p.setSnapshot(cluster());
        WhatIf w;
        w.nodes["db2"].lagSeconds = 40.0;
        p.setWhatIf(w);
        p.setSql(QStringLiteral("SELECT * FROM orders WHERE id = 42"));
        const QString md = p.explanationMarkdown();
        QVERIFY(md.startsWith(QStringLiteral("# Routing preview: shop-prod")));
        QVERIFY(md.contains(QStringLiteral("**Hypothetical.**")));
        QVERIFY(md.contains(QStringLiteral("→ replica db3")));
        QVERIFY(md.contains(QStringLiteral("**db2**: replica db2 excluded: lag")));
        QVERIFY(
            md.contains(QStringLiteral("switchyard-cli route --dialect mariadb --server-version 10.11.6")));
        QVERIFY(md.contains(QStringLiteral("\"lag_seconds\": 40")));
        QTemporaryDir dir;
        QString error;
        QVERIFY(p.exportMarkdown(dir.filePath(QStringLiteral("x.md")), &error));
        QFile f(dir.filePath(QStringLiteral("x.md")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString written = QString::fromUtf8(f.readAll());
        QVERIFY(written.startsWith(QStringLiteral("# Routing preview: shop-prod")));
        QVERIFY(written.contains(QStringLiteral("## Reproduce")));
    }

    void topologyFileOffline()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("topology.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"lag_policy": {"high_seconds": 10},
                        "nodes": [{"name": "a", "role": "primary"},
                                  {"name": "b", "lag_seconds": 14, "lag_history": [12, 15]},
                                  {"name": "c", "lag_seconds": 1}]})");
        }
        RoutingPreview p;
        QString error;
        QVERIFY2(p.loadTopologyFile(path, &error), qPrintable(error));
        QCOMPARE(p.topologySource(), RoutingPreview::TopologySource::File);
        QCOMPARE(p.lagThresholdBox()->value(), 10.0);
        p.setSql(QStringLiteral("SELECT 1 FROM t"));
        QCOMPARE(str(lastDecision(p).nodeName), QStringLiteral("c"));
        QVERIFY(hasReason(lastDecision(p), sr::ReasonCode::ExcludedLag, "b"));
        QCOMPARE(p.graph()->nodeNames(),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QVERIFY(!p.loadTopologyFile(dir.filePath(QStringLiteral("missing.json")), &error));
        QVERIFY(!error.isEmpty());
    }

    // ---- agreement with switchyard-cli route --------------------------------------------------

    void agreesWithTheCli_data()
    {
        QTest::addColumn<bool>("live");
        QTest::newRow("no cluster (the CLI's default topology)") << false;
        QTest::newRow("live snapshot with lag threshold and what-if") << true;
    }
    void agreesWithTheCli()
    {
#ifndef SWITCHYARD_CLI
        QSKIP("switchyard-cli is not built");
#else
        QFETCH(bool, live);
        const auto cases = corpus();
        QVERIFY(cases.size() >= 80);
        QTemporaryDir dir;
        RoutingPreview p;
        if (live) {
            auto s = fx::mariadbTrouble(); // db2 lagging 47 s, db3 stopped
            auto extra = fx::node("db4", 3309, core::NodeRole::Replica, 2.0);
            extra.gtidCurrentPos = "0-3306-18422";
            fx::add(*s, extra);
            fx::link(*s, 0, 3);
            auto extra2 = fx::node("db5", 3310, core::NodeRole::Replica, 0.2);
            fx::add(*s, extra2);
            fx::link(*s, 0, 4);
            p.setSnapshot(s);
            p.setLagThreshold(10.0);
            p.setPolicy(sr::Policy::SmoothWeightedRoundRobin);
            WhatIf w;
            w.nodes["db5"].weight = 3;
            p.setWhatIf(w);
        }
        int compared = 0;
        for (const CorpusCase &c : cases) {
            const auto dialect = sr::parseDialect(c.dialect.toStdString());
            QVERIFY(dialect);
            p.setDialect(*dialect);
            SessionContext context;
            for (const QString &s : c.setup)
                context.earlier.push_back(s.toStdString());
            p.setContext(context);
            p.setSendAsOnePacket(true);
            p.setSql(c.sql);

            // The same topology, the same settings, through the real executable.
            const QString topologyFile = dir.filePath(QStringLiteral("topology.json"));
            {
                QFile f(topologyFile);
                QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
                f.write(topologyToJson(p.topology()).toJson());
            }
            QStringList args = p.settings().cliArguments();
            args << QStringLiteral("--topology") << topologyFile;
            QByteArray input;
            for (const QString &s : c.setup)
                input += QJsonDocument(QJsonObject{{QStringLiteral("session"), 1},
                                                   {QStringLiteral("sql"), s},
                                                   {QStringLiteral("at_ms"), 3'600'000}})
                             .toJson(QJsonDocument::Compact) +
                         '\n';
            input += QJsonDocument(QJsonObject{{QStringLiteral("session"), 1},
                                               {QStringLiteral("sql"), c.sql},
                                               {QStringLiteral("at_ms"), 3'600'000}})
                         .toJson(QJsonDocument::Compact) +
                     '\n';
            QProcess cli;
            cli.start(QStringLiteral(SWITCHYARD_CLI), args);
            QVERIFY(cli.waitForStarted());
            cli.write(input);
            cli.closeWriteChannel();
            QVERIFY(cli.waitForFinished(30000));
            const QList<QByteArray> lines = cli.readAllStandardOutput().trimmed().split('\n');
            QCOMPARE(lines.size(), c.setup.size() + 1);
            const QJsonObject out = QJsonDocument::fromJson(lines.last()).object();

            const sr::RouteDecision &d = lastDecision(p);
            const QString what = c.id + QStringLiteral(": ") + c.sql;
            QVERIFY2(out.value(QStringLiteral("target")).toString() ==
                         str(std::string(sr::targetName(d.target))),
                     qPrintable(what));
            const QString node = out.value(QStringLiteral("node")).isNull()
                                     ? QString()
                                     : out.value(QStringLiteral("node")).toString();
            QVERIFY2(node == (d.target == sr::Target::All ? QString() : str(d.nodeName)), qPrintable(what));
            QVERIFY2(out.value(QStringLiteral("kind")).toString() == str(std::string(d.kindName())),
                     qPrintable(what));
            QStringList reasons;
            for (const QJsonValue &r : out.value(QStringLiteral("reasons")).toArray())
                reasons << r.toString();
            QStringList mine;
            for (const std::string &r : d.explain())
                mine << str(r);
            QVERIFY2(reasons == mine,
                     qPrintable(what + QStringLiteral("\n cli:   ") + reasons.join(QStringLiteral(" | ")) +
                                QStringLiteral("\n panel: ") + mine.join(QStringLiteral(" | "))));
            // The earlier statements too, when the panel sent them as the corpus lists them.
            if (p.outcome().rows.size() == static_cast<std::size_t>(c.setup.size() + 1)) {
                for (int i = 0; i < c.setup.size(); ++i) {
                    const QJsonObject o = QJsonDocument::fromJson(lines[i]).object();
                    QVERIFY2(o.value(QStringLiteral("target")).toString() ==
                                 str(std::string(sr::targetName(
                                     p.outcome().rows[static_cast<std::size_t>(i)].decision.target))),
                             qPrintable(what));
                }
            }
            ++compared;
        }
        QCOMPARE(compared, static_cast<int>(cases.size()));
#endif
    }

    // ---- a picture for people ------------------------------------------------------------------

    void screenshot()
    {
        RoutingPreview p;
        p.resize(1440, 900);
        Profile profile;
        profile.name = QStringLiteral("shop-prod");
        profile.engine = core::Engine::MySQL;
        profile.monitorUser = QStringLiteral("monitor");
        profile.lagWarnSeconds = 10;
        profile.lagCriticalSeconds = 30;
        p.setProfile(profile);
        auto s = fx::mariadbTrouble();
        s->nodes[0].name = "db1";
        auto extra = fx::node("db4", 3309, core::NodeRole::Replica, 0.3);
        extra.gtidCurrentPos = "0-3306-18422";
        fx::add(*s, extra);
        fx::link(*s, 0, 3);
        s->nodes[1].gtidCurrentPos = "0-3306-18310";
        p.setSnapshot(s);
        p.setConsistency(sr::Consistency::readYourWrites());
        SessionContext c;
        c.earlier = {"SET NAMES utf8mb4"};
        c.wrote = true;
        c.writePosition = "0-3306-18422";
        c.msSinceContext = 120;
        p.setContext(c);
        WhatIf w;
        w.nodes["db4"].weight = 2;
        p.setWhatIf(w);
        p.setSql(
            QStringLiteral("/* app=checkout */\nSELECT o.id, o.total, c.email\n  FROM orders o JOIN "
                           "customers c ON c.id = o.customer_id\n"
                           " WHERE o.id = 42;\n\nSELECT * FROM orders WHERE id = 42 FOR UPDATE;\n"
                           "UPDATE orders SET state = 'paid' WHERE id = 42;\nSELECT COUNT(*) FROM orders"));
        p.show();
        QVERIFY(QTest::qWaitForWindowExposed(&p));
        p.selectRow(static_cast<int>(p.outcome().rows.size()) - 4);
        QTest::qWait(100);
        const QString file = m_dir + QStringLiteral("/routing-preview.png");
        QVERIFY(p.grab().save(file));
        QVERIFY(!QImage(file).isNull());

        // The workload tab with a realistic mix.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("general.log"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray log = "Time                 Id Command    Argument\n";
            for (int i = 0; i < 3000; ++i) {
                const QByteArray id = QByteArray::number(40 + i % 12);
                const QByteArray ts =
                    "2024-01-15T10:" + QByteArray::number(10 + i / 600) + ":00.000000Z\t   ";
                log += ts + id + " Query\tSELECT * FROM orders WHERE id = " + QByteArray::number(i) + "\n";
                if (i % 3 == 0)
                    log += ts + id + " Query\tINSERT INTO order_events (order_id, kind) VALUES (" +
                           QByteArray::number(i) + ", 'seen')\n";
                if (i % 7 == 0)
                    log += ts + id + " Query\tSELECT price_with_tax(" + QByteArray::number(i) + ")\n";
                if (i % 11 == 0)
                    log += ts + id + " Query\tSELECT * FROM carts WHERE id = " + QByteArray::number(i) +
                           " FOR UPDATE\n";
                if (i % 13 == 0)
                    log += ts + id + " Query\tSELECT LAST_INSERT_ID()\n";
                if (i % 100 == 0)
                    log += ts + id + " Query\tSET NAMES utf8mb4\n";
            }
            f.write(log);
        }
        p.clearWhatIf();
        p.setConsistency(sr::Consistency::eventual());
        QSignalSpy finished(&p, &RoutingPreview::workloadFinished);
        p.loadWorkload(path);
        QVERIFY(finished.wait(20000));
        p.tabs()->setCurrentIndex(RoutingPreview::WorkloadTab);
        QTest::qWait(100);
        QVERIFY(p.grab().save(m_dir + QStringLiteral("/routing-preview-workload.png")));
    }
};

QTEST_MAIN(TestRoutingPreview)
#include "test_routing_preview.moc"
