// The history database and its worker-thread store: what is written reads back (unknown stays
// unknown), filters work, old data is rolled up and forgotten, a first-version database is
// migrated with its data, a newer one is refused, and a writer killed with SIGKILL in the
// middle of its transactions leaves a database that opens, checks and reads.
#include "switchyard/ui/history_database.h"
#include "switchyard/ui/history_store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <csignal>

using namespace switchyard;
using namespace switchyard::ui;

namespace {

constexpr qint64 kT0 = 1'700'000'000'000;   // a fixed day in 2023
constexpr qint64 kDay = 86'400'000;

core::RoundSample round(qint64 at, std::optional<double> lag, bool replicaUp = true, double tps = 100)
{
    core::RoundSample r;
    r.takenAtMs = at;
    core::NodeSample p;
    p.node = "primary";
    p.role = core::NodeRole::Primary;
    p.reachable = true;
    p.transactionsPerSecond = tps;
    p.queriesPerSecond = tps * 10;
    p.connections = 12;
    core::NodeSample r1;
    r1.node = "replica-1";
    r1.role = core::NodeRole::Replica;
    r1.reachable = replicaUp;
    if (replicaUp) {
        r1.lagSeconds = lag;
        r1.transactionsBehind = lag ? std::optional<std::uint64_t>(static_cast<std::uint64_t>(*lag * 10)) : std::nullopt;
        r1.transactionsPerSecond = tps;
    }
    r.nodes = {p, r1};
    return r;
}

core::Event makeEvent(qint64 at, core::EventType type, core::Severity sev, std::string node)
{
    core::Event e;
    e.atMs = at;
    e.type = type;
    e.severity = sev;
    e.node = std::move(node);
    return e;
}

// Child process mode: append rounds of 200 nodes as fast as possible until killed.
int runWriter(const QString &path, int attempt)
{
    HistoryDatabase db(path);
    if (!db.open())
        return 3;
    // Each attempt writes its own time range: a fast writer makes more rounds than milliseconds
    // pass between attempts, and overlapping timestamps would replace earlier samples.
    const qint64 at = QDateTime::currentMSecsSinceEpoch() + qint64(attempt) * 1'000'000'000;
    for (int i = 0;; ++i) {
        core::RoundSample r;
        r.takenAtMs = at + i;
        for (int n = 0; n < 200; ++n) {
            core::NodeSample s;
            s.node = "node-" + std::to_string(n);
            s.reachable = true;
            s.lagSeconds = n;
            s.transactionsPerSecond = i;
            r.nodes.push_back(s);
        }
        std::vector<core::Event> events{makeEvent(r.takenAtMs, core::EventType::LagWarning, core::Severity::Warning, "node-1")};
        events[0].detail = std::string(2000, 'x');  // a bigger page footprint per transaction
        if (!db.appendRound(r, events))
            return 4;
        if (i == 0) {
            std::fputs("ready\n", stdout);
            std::fflush(stdout);
        }
    }
}

} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT
private slots:
    void roundTripKeepsUnknownsAsGaps()
    {
        QTemporaryDir dir;
        HistoryDatabase db(dir.filePath(QStringLiteral("h.sqlite")));
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), HistoryDatabase::kSchemaVersion);
        // 60 rounds, 1 s apart; the replica is down for rounds 20-29 and its lag unknown at 40-44.
        for (int i = 0; i < 60; ++i) {
            std::optional<double> lag = (i >= 40 && i < 45) ? std::nullopt : std::optional<double>(i * 0.5);
            QVERIFY(db.appendRound(round(kT0 + i * 1000, lag, i < 20 || i >= 30), {}));
        }
        const HistoryRange r = db.readRange(kT0, kT0 + 59'000);
        QCOMPARE(r.nodes.size(), std::size_t(2));
        const NodeHistory *rep = r.find(QStringLiteral("replica-1"));
        const NodeHistory *pri = r.find(QStringLiteral("primary"));
        QVERIFY(rep && pri);
        QVERIFY(rep->replica);
        QVERIFY(!pri->replica);
        QCOMPARE(rep->times.size(), std::size_t(60));
        const auto &lag = rep->series(Metric::Lag);
        QCOMPARE(lag[10], 5.0);
        QVERIFY2(std::isnan(lag[25]), "unreachable is a gap, not 0");
        QVERIFY2(std::isnan(lag[42]), "unknown lag is a gap, not 0");
        QCOMPARE(lag[50], 25.0);
        QCOMPARE(rep->series(Metric::TransactionsBehind)[50], 250.0);
        QVERIFY(std::isnan(pri->series(Metric::Lag)[10]));
        QCOMPARE(pri->series(Metric::Transactions)[10], 100.0);
        QCOMPARE(pri->series(Metric::Connections)[10], 12.0);
        QCOMPARE(db.nodeNames(), (QStringList{QStringLiteral("primary"), QStringLiteral("replica-1")}));
    }

    void aHoleInTheRecordingBreaksTheLine()
    {
        QTemporaryDir dir;
        HistoryDatabase db(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(db.open());
        for (int i = 0; i < 10; ++i)
            QVERIFY(db.appendRound(round(kT0 + i * 1000, 1.0), {}));
        // The console was closed for ten minutes.
        for (int i = 0; i < 10; ++i)
            QVERIFY(db.appendRound(round(kT0 + 600'000 + i * 1000, 2.0), {}));
        const HistoryRange r = db.readRange(kT0, kT0 + 700'000);
        const auto &lag = r.find(QStringLiteral("replica-1"))->series(Metric::Lag);
        QCOMPARE(lag.size(), std::size_t(21));
        QVERIFY(std::isnan(lag[10]));
        QCOMPARE(lag[9], 1.0);
        QCOMPARE(lag[11], 2.0);
    }

    void longRangesAreBucketedKeepingTheLagPeak()
    {
        QTemporaryDir dir;
        HistoryDatabase db(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(db.open());
        for (int i = 0; i < 3600; ++i)
            QVERIFY(db.appendRound(round(kT0 + i * 1000, i == 1234 ? 99.0 : 1.0, true, i % 2 ? 50 : 150), {}));
        const HistoryRange r = db.readRange(kT0, kT0 + 3'600'000, 360);
        QCOMPARE(r.bucketMs, qint64(10'000));
        const NodeHistory *rep = r.find(QStringLiteral("replica-1"));
        QVERIFY(rep->times.size() <= 361);
        const auto &lag = rep->series(Metric::Lag);
        QCOMPARE(*std::max_element(lag.begin(), lag.end()), 99.0);
        QCOMPARE(r.find(QStringLiteral("primary"))->series(Metric::Transactions)[5], 100.0);  // "rates average"
    }

    void eventsAreFilteredByNodeSeverityTypeAndTime()
    {
        QTemporaryDir dir;
        HistoryDatabase db(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(db.open());
        core::Event lag = makeEvent(kT0 + 1000, core::EventType::LagCritical, core::Severity::Critical, "replica-1");
        lag.value = 42.5;
        lag.threshold = 30;
        core::Event role = makeEvent(kT0 + 2000, core::EventType::RoleChanged, core::Severity::Warning, "replica-2");
        role.from = "replica";
        role.to = "primary";
        core::Event prob = makeEvent(kT0 + 3000, core::EventType::ProblemAppeared, core::Severity::Critical, "");
        prob.problem = core::ProblemKind::MultiplePrimaries;
        prob.detail = "2 writable nodes";
        QVERIFY(db.appendRound(round(kT0, 1.0), {lag, role, prob}));
        QVERIFY(db.recordAction(kT0 + 4000, QStringLiteral("replica-2"), QStringLiteral("Stop replication"),
                                QStringLiteral("STOP SLAVE"), QStringLiteral("OK")) > 0);

        auto all = db.readEvents({});
        QCOMPARE(all.size(), 4);
        QCOMPARE(all[0].event.type, core::EventType::Action);  // "newest first"
        QCOMPARE(all[0].sql, QStringLiteral("STOP SLAVE"));
        QCOMPARE(all[0].outcome, QStringLiteral("OK"));
        QCOMPARE(all[1].event.problem, core::ProblemKind::MultiplePrimaries);
        QCOMPARE(all[2].event.from, std::string("replica"));
        QCOMPARE(all[2].event.to, std::string("primary"));
        QCOMPARE(all[3].event.value, 42.5);
        QCOMPARE(all[3].event.threshold, 30.0);

        EventFilter f;
        f.nodes = {QStringLiteral("replica-2")};
        QCOMPARE(db.readEvents(f).size(), 2);
        f = {};
        f.minSeverity = core::Severity::Critical;
        QCOMPARE(db.readEvents(f).size(), 2);
        f = {};
        f.types = {core::EventType::RoleChanged, core::EventType::Action};
        QCOMPARE(db.readEvents(f).size(), 2);
        f = {};
        f.fromMs = kT0 + 1500;
        f.toMs = kT0 + 3500;
        QCOMPARE(db.readEvents(f).size(), 2);
    }

    void retentionRollsUpThenForgets()
    {
        QTemporaryDir dir;
        HistoryDatabase db(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(db.open());
        // Two hours of 1 s samples, ten days ago, with one lag spike; and a recent hour.
        const qint64 old = (kT0 - 10 * kDay) / 60'000 * 60'000;  // minute-aligned
        for (int i = 0; i < 7200; ++i)
            QVERIFY(db.appendRound(round(old + i * 1000, i == 4000 ? 77.0 : 1.0), {}));
        for (int i = 0; i < 60; ++i)
            QVERIFY(db.appendRound(round(kT0 - 3'600'000 + i * 1000, 3.0), {}));
        QVERIFY(db.appendEvents({makeEvent(old, core::EventType::NodeDown, core::Severity::Warning, "replica-1")}));
        QCOMPARE(db.sampleCount(), qint64(2 * 7260));

        QVERIFY(db.applyRetention(kT0, {7, 90}));
        QCOMPARE(db.sampleCount(), qint64(2 * 60));  // "only the recent hour at full resolution"
        QCOMPARE(db.rollupCount(), qint64(2 * 120));  // "two hours as 1-minute buckets, per node"
        HistoryRange r = db.readRange(old, old + 7'200'000, 4000);
        const auto &lag = r.find(QStringLiteral("replica-1"))->series(Metric::Lag);
        QCOMPARE(lag.size(), std::size_t(120));
        QCOMPARE(*std::max_element(lag.begin(), lag.end()), 77.0);  // "the spike survives the rollup"
        QCOMPARE(db.readEvents({}).size(), 1);

        // Ninety-one days later everything old is gone.
        QVERIFY(db.applyRetention(kT0 + 91 * kDay, {7, 90}));
        QCOMPARE(db.rollupCount(), qint64(0));
        QCOMPARE(db.readEvents({}).size(), 0);
    }

    void migratesAFirstVersionDatabaseWithItsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QString error;
            QVERIFY2(HistoryDatabase::migrate(QStringLiteral("v1"), 1, &error), qPrintable(error));
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("INSERT INTO nodes (id, name) VALUES (1, 'db-2')")));
            for (int i = 0; i < 5; ++i)
                QVERIFY(q.exec(QStringLiteral("INSERT INTO samples (ts, node_id, reachable, role, lag, tps, connections)"
                                              " VALUES (%1, 1, 1, 2, %2, 10.0, 4)")
                                   .arg(kT0 + i * 1000)
                                   .arg(i)));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO events (ts, severity, type, node, detail, data)"
                                          " VALUES (%1, 2, 'lag_critical', 'db-2', '', '{\"value\":31,\"threshold\":30}')")
                               .arg(kT0)));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));

        HistoryDatabase db(path);
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), 2);
        HistoryRange r = db.readRange(kT0, kT0 + 10'000);
        const NodeHistory *n = r.find(QStringLiteral("db-2"));
        QVERIFY(n);
        QCOMPARE(n->series(Metric::Lag)[3], 3.0);
        QVERIFY(std::isnan(n->series(Metric::ThreadsRunning)[3]));  // "a column the first schema did not have"
        auto events = db.readEvents({});
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].event.type, core::EventType::LagCritical);
        QCOMPARE(events[0].event.value, 31.0);
        // And it takes new data of the new shape.
        core::RoundSample more = round(kT0 + 6000, 2.0);
        more.nodes[1].node = "db-2";
        more.nodes[1].threadsRunning = 3;
        QVERIFY(db.appendRound(more, {}));
        QVERIFY(db.recordAction(kT0 + 7000, QStringLiteral("db-2"), QStringLiteral("x"), QStringLiteral("SELECT 1"),
                                QStringLiteral("ok")));
        r = db.readRange(kT0, kT0 + 10'000);
        QCOMPARE(r.find(QStringLiteral("db-2"))->series(Metric::ThreadsRunning).back(), 3.0);
        QVERIFY(db.applyRetention(kT0, {}));
    }

    void aNewerSchemaIsRefusedNotDamaged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.sqlite"));
        {
            HistoryDatabase db(path);
            QVERIFY(db.open());
        }
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bump"));
        HistoryDatabase db(path);
        QString error;
        QVERIFY(!db.open(&error));
        QVERIFY2(error.contains(QStringLiteral("newer Switchyard")), qPrintable(error));
    }

    void theStoreWritesAndAnswersOnItsWorker()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("async.sqlite"));
        HistoryStore store(path);
        QSignalSpy opened(&store, &HistoryStore::opened);
        QSignalSpy stored(&store, &HistoryStore::eventsStored);
        QSignalSpy ranges(&store, &HistoryStore::rangeReady);
        QSignalSpy events(&store, &HistoryStore::eventsReady);
        QVERIFY(opened.wait(5000));
        QCOMPARE(opened.at(0).at(0).toInt(), HistoryDatabase::kSchemaVersion);

        // Posting never blocks the caller on SQLite.
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 500; ++i)
            store.append(round(kT0 + i * 1000, 1.0), {});
        store.append(round(kT0 + 500'000, 1.0), {makeEvent(kT0 + 500'000, core::EventType::NodeDown, core::Severity::Critical, "primary")});
        QVERIFY2(clock.elapsed() < 200, "append() must only post");
        QVERIFY(store.waitForIdle());
        QTRY_COMPARE(stored.size(), 1);
        const auto storedEvents = stored.at(0).at(0).value<QList<StoredEvent>>();
        QCOMPARE(storedEvents.size(), 1);
        QVERIFY(storedEvents[0].id > 0);
        QTRY_COMPARE(store.roundsWritten(), qint64(501));

        // Three quick range requests: the answers carry tokens, and the last one always arrives.
        const quint64 a = store.requestRange(kT0, kT0 + 10'000);
        const quint64 b = store.requestRange(kT0, kT0 + 100'000);
        const quint64 c = store.requestRange(kT0, kT0 + 500'000);
        QVERIFY(a < b && b < c);
        QTRY_VERIFY(!ranges.isEmpty() && ranges.last().at(0).toULongLong() == c);
        const auto range = ranges.last().at(1).value<HistoryRange>();
        QCOMPARE(range.find(QStringLiteral("replica-1"))->times.size(), std::size_t(501));
        for (const auto &answer : ranges)
            QVERIFY(answer.at(0).toULongLong() <= c);

        const quint64 e = store.requestEvents({});
        QTRY_COMPARE(events.size(), 1);
        QCOMPARE(events.at(0).at(0).toULongLong(), e);
        QCOMPARE(events.at(0).at(1).value<QList<StoredEvent>>().size(), 1);

        store.recordAction(QStringLiteral("primary"), QStringLiteral("Set read_only"), QStringLiteral("SET GLOBAL read_only = ON"),
                           QStringLiteral("OK"));
        QTRY_COMPARE(stored.size(), 2);
    }

    void aWriterKilledMidTransactionLeavesAReadableDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("killed.sqlite"));
        qint64 before = 0;
        for (int attempt = 0; attempt < 6; ++attempt) {
            QProcess writer;
            writer.start(QCoreApplication::applicationFilePath(),
                         {QStringLiteral("--history-writer"), path, QString::number(attempt)});
            QVERIFY(writer.waitForStarted());
            QVERIFY2(writer.waitForReadyRead(10000), "the writer never committed");
            // Somewhere inside the stream of 200-row transactions.
            QTest::qWait(100 + QRandomGenerator::global()->bounded(400));
            ::kill(static_cast<pid_t>(writer.processId()), SIGKILL);
            QVERIFY(writer.waitForFinished(5000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

            HistoryDatabase db(path);
            QString error;
            QVERIFY2(db.open(&error), qPrintable(error));
            QVERIFY2(db.integrityOk(), "integrity_check after kill -9");
            const qint64 count = db.sampleCount();
            QVERIFY2(count > before, "committed rounds survive");
            QCOMPARE(count % 200, qint64(0));   // whole rounds only: no half transaction
            before = count;
            const HistoryRange r = db.readRange(0, std::numeric_limits<qint64>::max() / 2, 100);
            QCOMPARE(r.nodes.size(), std::size_t(200));
            QCOMPARE(db.readEvents({}).size(), static_cast<int>(count / 200));
        }
    }
};

int main(int argc, char **argv)
{
    if (argc == 4 && qstrcmp(argv[1], "--history-writer") == 0) {
        QCoreApplication app(argc, argv);
        return runWriter(QString::fromLocal8Bit(argv[2]), std::atoi(argv[3]));
    }
    QCoreApplication app(argc, argv);
    TestHistoryStore t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_history_store.moc"
