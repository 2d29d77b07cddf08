// PostgreSQL table comparison on real servers (issue 8, parts 3 and 4): sandbox A's primary
// publishes to sandbox B's primary by logical replication; A also has a physical standby.
// Identical data (floats, numerics, NULL and '', timestamptz with different server TimeZone
// settings) gives no difference; a table without a primary key is skipped with the reason;
// drift made on the subscriber (updated, deleted, extra rows, NULL -> '', one float ulp,
// numeric scale) is found in the right chunks, down to the exact keys, while writes in flight
// under a running writer are not reported as drift; a physical standby is
// refused as byte-identical by design; `switchyard-cli checksum` on a PostgreSQL profile, its
// exit codes and --json, and the event log entries it writes. The tests run in order on the
// same two sandboxes; drift is made once, in DriftFoundToTheKey, and the CLI test comes last.
#include "cli_runner.h"
#include "sandbox_fixture.h"

#include "switchyard/core/checksum.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <set>
#include <thread>

using namespace switchyard;
using namespace switchyard::core;
using namespace switchyard::core::checksum;

namespace {

itest::ScopedSandbox &sandboxA()
{
    static itest::ScopedSandbox sb(Engine::PostgreSQL, {.replicas = 1, .tag = "pgck-a", .binaryDirs = {}});
    return sb;
}

itest::ScopedSandbox &sandboxB()
{
    static itest::ScopedSandbox sb(Engine::PostgreSQL, {.replicas = 0, .tag = "pgck-b", .binaryDirs = {}});
    return sb;
}

std::unique_ptr<Connection> connectTo(itest::ScopedSandbox &sb, const SandboxNode &node, const std::string &db = "app")
{
    ConnectionOptions o = sb.options(node, sb.info().credentials.admin);
    o.database = db;
    o.readTimeout = std::chrono::seconds(60);
    o.nodeName = sb.name() + "/" + node.name;
    auto c = createConnection(o);
    const Status st = c->connect();
    EXPECT_TRUE(st.ok()) << (st.ok() ? std::string() : st.error().describe());
    return c;
}

void exec(Connection &c, const std::string &sql)
{
    auto r = c.execute(sql);
    ASSERT_TRUE(r.ok()) << sql << ": " << r.error().describe();
}

std::string one(Connection &c, const std::string &sql)
{
    auto r = c.query(sql);
    EXPECT_TRUE(r.ok()) << sql << ": " << (r ? std::string() : r.error().describe());
    if (!r || r->rows.empty() || r->rows[0].empty())
        return {};
    return r->rows[0][0].value_or("NULL");
}

// Inserts a token on the publisher and waits (at most 30 s) until the subscriber and the
// standby have it: everything committed before is applied there too.
void waitForCopies()
{
    static int token = 0;
    auto a = connectTo(sandboxA(), sandboxA().primary());
    const std::string t = std::to_string(++token);
    exec(*a, "INSERT INTO t_sync (token) VALUES ('" + t + "')");
    auto b = connectTo(sandboxB(), sandboxB().primary());
    auto s = connectTo(sandboxA(), *sandboxA().replicas()[0]);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    for (Connection *c : {b.get(), s.get()}) {
        while (one(*c, "SELECT count(*) FROM t_sync WHERE token = '" + t + "'") != "1") {
            ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "copy did not catch up: " << c->options().label();
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
}

const char *kSchema = R"SQL(
CREATE TABLE t_multi (id int PRIMARY KEY, v text, n int);
CREATE TABLE t_types (id int PRIMARY KEY, s text, f8 float8, f4 float4, num numeric, ts timestamptz, iv interval, b bytea);
CREATE TABLE t_comp (region text, id int, v text, PRIMARY KEY (region, id));
CREATE TABLE t_nopk (a int, b text);
CREATE TABLE t_sync (id serial PRIMARY KEY, token text);
)SQL";

const char *kData = R"SQL(
INSERT INTO t_multi SELECT i, md5(i::text), i % 7 FROM generate_series(1, 10000) i;
INSERT INTO t_types VALUES
 (1, NULL, 'NaN', 'Infinity', 'NaN', '2024-03-10 02:30:00+00', '1 day 02:03:04', '\x00ff'),
 (2, '', '-0', '-Infinity', '1.50', '1999-12-31 23:59:59.999999+05:30', '-1 mon', ''),
 (3, 'x', '5e-324', '0.1', '123456789012345678901234567890.123456789', 'infinity', '0', NULL),
 (4, 'y', '1.7976931348623157e308', '3.4028235e38', '1e-20', '2024-11-03 01:30:00-04', '1 year', '\x'),
 (5, 'z', '0.1', '1', '0', '2038-01-19 03:14:08+00', '00:00:00.000001', '\xdeadbeef'),
 (6, NULL, 0.1::float8 + 0.2::float8, '-0', '-0.000', '-infinity', NULL, NULL);
INSERT INTO t_comp SELECT r, i, r || i FROM unnest(ARRAY['eu', 'us', 'apac']) r, generate_series(1, 50) i;
INSERT INTO t_nopk SELECT i, 'row ' || i FROM generate_series(1, 20) i;
)SQL";

// Both sandboxes, A's primary at wal_level=logical publishing every table to B's primary, and
// different server TimeZone settings on the two. Once per run.
bool setUpOnce(std::string *why)
{
    static std::string error = [] {
        itest::ScopedSandbox &a = sandboxA();
        itest::ScopedSandbox &b = sandboxB();
        if (!a.ok())
            return "sandbox A: " + a.error();
        if (!b.ok())
            return "sandbox B: " + b.error();
        {
            auto pa = connectTo(a, a.primary(), "postgres");
            if (!pa->execute("ALTER SYSTEM SET wal_level = logical") ||
                !pa->execute("ALTER SYSTEM SET TimeZone = 'America/Los_Angeles'"))
                return std::string("ALTER SYSTEM on A failed");
        }
        if (auto st = a.down(); !st)
            return "restarting A: " + st.error().describe();
        if (auto up = a.up(); !up)
            return "restarting A: " + up.error().describe();
        auto pa = connectTo(a, a.primary());
        auto pb = connectTo(b, b.primary());
        if (one(*pa, "SHOW wal_level") != "logical")
            return std::string("wal_level is not logical on A after the restart");
        if (!pb->execute("ALTER SYSTEM SET TimeZone = 'Asia/Kolkata'") || !pb->execute("SELECT pg_reload_conf()"))
            return std::string("TimeZone on B");
        if (!pa->execute(kSchema) || !pb->execute(kSchema))
            return std::string("schema");
        if (!pa->execute(kData))
            return std::string("data");
        if (!pa->execute("CREATE PUBLICATION pgck FOR TABLE t_multi, t_types, t_comp, t_nopk, t_sync"))
            return std::string("CREATE PUBLICATION");
        const SandboxAccount &adm = a.info().credentials.admin;
        const std::string conninfo = "host=127.0.0.1 port=" + std::to_string(a.primary().port) + " user=" + adm.user +
                                     " password=" + adm.password + " dbname=app";
        if (auto r = pb->execute("CREATE SUBSCRIPTION pgck CONNECTION '" + conninfo + "' PUBLICATION pgck"); !r)
            return "CREATE SUBSCRIPTION: " + r.error().describe();
        // The initial copy, then everything after it.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (one(*pb, "SELECT count(*) FROM pg_subscription_rel WHERE srsubstate <> 'r'") != "0") {
            if (std::chrono::steady_clock::now() > deadline)
                return std::string("subscription did not finish its initial copy within 60 s");
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return std::string();
    }();
    *why = error;
    return error.empty();
}

PgCompareReport compare(Connection &x, Connection &y, std::uint64_t chunkRows = 1000)
{
    PgCompareOptions o;
    o.chunkRows = chunkRows;
    auto r = comparePostgres(x, y, o);
    EXPECT_TRUE(r.ok()) << (r ? std::string() : r.error().describe());
    return r ? *r : PgCompareReport{};
}

const PgTableResult *table(const PgCompareReport &r, const std::string &name)
{
    for (const PgTableResult &t : r.tables)
        if (t.table == name)
            return &t;
    ADD_FAILURE() << "no table " << name << " in the report";
    static const PgTableResult none;
    return &none;
}

#define SETUP_OR_FAIL()                                                                                                \
    do {                                                                                                               \
        std::string why;                                                                                               \
        ASSERT_TRUE(setUpOnce(&why)) << why;                                                                           \
        ASSERT_NO_FATAL_FAILURE(waitForCopies());                                                                      \
    } while (0)

TEST(ChecksumPgLive, IdenticalNodesMatchAcrossTimeZones)
{
    SETUP_OR_FAIL();
    auto a = connectTo(sandboxA(), sandboxA().primary());
    auto b = connectTo(sandboxB(), sandboxB().primary());
    // The servers really do print timestamptz differently.
    ASSERT_NE(one(*a, "SELECT ts::text FROM t_types WHERE id = 1"), one(*b, "SELECT ts::text FROM t_types WHERE id = 1"));
    ASSERT_EQ(one(*b, "SELECT count(*) FROM t_multi"), "10000");

    const PgCompareReport r = compare(*a, *b);
    EXPECT_FALSE(r.anyDifference());
    for (const PgTableResult &t : r.tables) {
        EXPECT_TRUE(t.differingChunks.empty()) << t.table;
        EXPECT_TRUE(t.rowDiffs.empty()) << t.table;
    }
    const PgTableResult *multi = table(r, "t_multi");
    EXPECT_EQ(multi->rowsA, 10000u);
    EXPECT_EQ(multi->rowsB, 10000u);
    EXPECT_GE(multi->chunks, 10);
    EXPECT_EQ(table(r, "t_types")->rowsB, 6u);
    EXPECT_EQ(table(r, "t_comp")->keyColumns, (std::vector<std::string>{"region", "id"}));
    EXPECT_EQ(table(r, "t_nopk")->skipReason, "no primary key");
    EXPECT_EQ(r.skippedTables(), 1);
    EXPECT_EQ(r.a, sandboxA().name() + "/pg1");

    // A physical standby of A is a fine read source against another cluster.
    auto s = connectTo(sandboxA(), *sandboxA().replicas()[0]);
    const PgCompareReport rs = compare(*s, *b, 3000);
    EXPECT_FALSE(rs.anyDifference());
    EXPECT_EQ(table(rs, "t_multi")->rowsA, 10000u);
}

TEST(ChecksumPgLive, WritesInFlightAreNotDrift)
{
    SETUP_OR_FAIL();
    // A writer on the publisher the whole time: rows change, appear and disappear while the
    // snapshots are taken a moment apart and the subscriber applies a moment late.
    std::atomic<bool> stop{false};
    std::atomic<int> writes{0};
    std::thread writer([&] {
        auto w = connectTo(sandboxA(), sandboxA().primary());
        for (int i = 1; !stop.load(); ++i) {
            const std::string id = std::to_string(i % 50 + 1);
            if (!w->execute("UPDATE t_comp SET v = md5(random()::text) WHERE region = 'eu' AND id = " + id) ||
                !w->execute("INSERT INTO t_comp VALUES ('load', " + std::to_string(i) + ", 'x')") ||
                !w->execute("DELETE FROM t_comp WHERE region = 'load' AND id = " + std::to_string(i - 1)))
                break;
            ++writes;
        }
    });
    auto a = connectTo(sandboxA(), sandboxA().primary());
    auto b = connectTo(sandboxB(), sandboxB().primary());
    PgCompareOptions o;
    o.tables = {"public.t_comp"};
    o.chunkRows = 20;
    o.recheckWait = std::chrono::milliseconds(300);
    int rawDifferences = 0;
    for (int round = 0; round < 5; ++round) {
        o.rechecks = 0;
        auto raw = comparePostgres(*a, *b, o);
        ASSERT_TRUE(raw.ok()) << raw.error().describe();
        rawDifferences += raw->anyDifference() ? 1 : 0;
        o.rechecks = 3;
        auto r = comparePostgres(*a, *b, o);
        ASSERT_TRUE(r.ok()) << r.error().describe();
        EXPECT_FALSE(r->anyDifference()) << "round " << round << ": "
                                         << (r->tables.empty() || r->tables[0].rowDiffs.empty()
                                                 ? std::string()
                                                 : r->tables[0].rowDiffs[0].key.at(0) + "," +
                                                       r->tables[0].rowDiffs[0].key.at(1));
        EXPECT_GE(r->tables.at(0).chunks, 7);
    }
    stop = true;
    writer.join();
    EXPECT_GT(writes.load(), 20);
    // Without the re-check the same load shows up as differences (for the record, not asserted:
    // it depends on timing).
    RecordProperty("raw_difference_rounds", rawDifferences);
    std::printf("writes %d, rounds with raw (unchecked) differences: %d of 5\n", writes.load(), rawDifferences);
    ASSERT_NO_FATAL_FAILURE(waitForCopies());
    auto settled = comparePostgres(*a, *b, o);
    ASSERT_TRUE(settled.ok());
    EXPECT_FALSE(settled->anyDifference());
}

TEST(ChecksumPgLive, PhysicalStandbyIsRefusedAsByteIdentical)
{
    SETUP_OR_FAIL();
    auto a = connectTo(sandboxA(), sandboxA().primary());
    auto s = connectTo(sandboxA(), *sandboxA().replicas()[0]);
    for (auto [x, y] : {std::pair{a.get(), s.get()}, std::pair{s.get(), a.get()}}) {
        auto r = comparePostgres(*x, *y, {});
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, ErrorCode::Unsupported);
        EXPECT_EQ(r.error().node, s->options().label());
        EXPECT_NE(r.error().message.find("byte-identical"), std::string::npos) << r.error().message;
        EXPECT_NE(r.error().message.find("rebuild"), std::string::npos) << r.error().message;
    }
    // Both transactions were left cleanly: the connections still work.
    EXPECT_EQ(one(*a, "SELECT 1"), "1");
}

TEST(ChecksumPgLive, DriftFoundToTheKey)
{
    SETUP_OR_FAIL();
    auto a = connectTo(sandboxA(), sandboxA().primary());
    auto b = connectTo(sandboxB(), sandboxB().primary());
    // Drift on the subscriber, made behind replication's back.
    exec(*b, "UPDATE t_multi SET v = 'changed' WHERE id = 2500");
    exec(*b, "DELETE FROM t_multi WHERE id = 7001");
    exec(*b, "INSERT INTO t_multi VALUES (20001, 'extra', 0), (0, 'extra before', 0)");
    exec(*b, "UPDATE t_types SET s = '' WHERE id = 1");                       // NULL -> ''
    exec(*b, "UPDATE t_types SET f8 = 0.10000000000000002 WHERE id = 5");     // one ulp
    exec(*b, "UPDATE t_types SET num = 1.5 WHERE id = 2");                    // 1.50 -> 1.5: another scale
    ASSERT_EQ(one(*b, "SELECT f8 = 0.1::float8 FROM t_types WHERE id = 5"), "f");

    const PgCompareReport r = compare(*a, *b);
    EXPECT_TRUE(r.anyDifference());
    const PgTableResult *multi = table(r, "t_multi");
    EXPECT_EQ(multi->rowsA, 10000u);
    EXPECT_EQ(multi->rowsB, 10001u);
    std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> chunks;
    for (const PgChunkDiff &d : multi->differingChunks)
        chunks.emplace_back(d.bounds.lower, d.bounds.upper);
    using V = std::vector<std::string>;
    EXPECT_EQ(chunks, (std::vector<std::pair<V, V>>{{V{}, V{"1000"}}, {V{"2000"}, V{"3000"}}, {V{"7000"}, V{"8000"}},
                                                     {V{"10000"}, V{}}}));
    std::set<std::pair<std::string, std::string>> keys;
    for (const RowDiff &d : multi->rowDiffs)
        keys.emplace(std::string(rowDiffKindName(d.kind)), d.key.at(0));
    EXPECT_EQ(keys, (std::set<std::pair<std::string, std::string>>{
                        {"extra", "0"}, {"different", "2500"}, {"missing", "7001"}, {"extra", "20001"}}));
    EXPECT_FALSE(multi->rowDiffsTruncated);

    const PgTableResult *types = table(r, "t_types");
    EXPECT_EQ(types->differingChunks.size(), 1u);
    std::set<std::string> typeKeys;
    for (const RowDiff &d : types->rowDiffs) {
        EXPECT_EQ(d.kind, RowDiffKind::Different);
        typeKeys.insert(d.key.at(0));
    }
    EXPECT_EQ(typeKeys, (std::set<std::string>{"1", "2", "5"}));
    EXPECT_TRUE(table(r, "t_comp")->differingChunks.empty());
    EXPECT_EQ(table(r, "t_nopk")->skipReason, "no primary key");

    // Only the tables asked for; the differing-key list is capped.
    PgCompareOptions o;
    o.tables = {"public.t_multi"};
    o.chunkRows = 1000;
    o.maxRowDiffs = 2;
    auto capped = comparePostgres(*a, *b, o);
    ASSERT_TRUE(capped.ok()) << capped.error().describe();
    ASSERT_EQ(capped->tables.size(), 1u);
    EXPECT_EQ(capped->tables[0].rowDiffs.size(), 2u);
    EXPECT_TRUE(capped->tables[0].rowDiffsTruncated);
    EXPECT_EQ(capped->tables[0].differingChunks.size(), 4u);

    o.tables = {"public.no_such_table"};
    auto missing = comparePostgres(*a, *b, o);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
}

TEST(ChecksumPgLive, CliComparesNodesAndRecordsEvents)
{
    SETUP_OR_FAIL();
    const itest::CliRunner cli; // HOME and XDG directories of its own
    const QString nameA = QString::fromStdString(sandboxA().name());
    const QString nameB = QString::fromStdString(sandboxB().name());
    for (itest::ScopedSandbox *sb : {&sandboxA(), &sandboxB()})
        ASSERT_EQ(cli({QStringLiteral("sandbox"), QStringLiteral("up"), QStringLiteral("--name"),
                       QString::fromStdString(sb->name()), QStringLiteral("--dir"),
                       QString::fromStdString(sb->manager().root())}),
                  0);
    QByteArray out, err;
    // A PostgreSQL cluster alone: its standbys are byte-identical; nothing to compare.
    EXPECT_EQ(cli({QStringLiteral("checksum"), QStringLiteral("--profile"), nameA}, &out, &err), 0) << err.toStdString();
    EXPECT_TRUE(out.contains("byte-identical")) << out.toStdString();
    EXPECT_TRUE(out.contains("pg2")) << out.toStdString();
    EXPECT_TRUE(out.contains("--compare-with")) << out.toStdString();
    EXPECT_EQ(cli({QStringLiteral("checksum"), QStringLiteral("--profile"), nameA, QStringLiteral("--json")}, &out), 0);
    const QJsonObject standbys = QJsonDocument::fromJson(out).object();
    EXPECT_EQ(standbys.value(QStringLiteral("engine")).toString(), QStringLiteral("postgresql"));
    EXPECT_EQ(standbys.value(QStringLiteral("physical_standbys")).toArray().size(), 1);

    // Told to compare with its own standby: refused, with the reason.
    EXPECT_EQ(cli({QStringLiteral("checksum"), QStringLiteral("--profile"), nameA, QStringLiteral("--compare-with"),
                   nameA + QStringLiteral(":pg2"), QStringLiteral("--databases"), QStringLiteral("app")},
                  &out, &err),
              1);
    EXPECT_TRUE(err.contains("byte-identical") && err.contains("rebuild")) << err.toStdString();

    // Publisher against subscriber (drifted by the previous test): exit 3, the keys in JSON.
    EXPECT_EQ(cli({QStringLiteral("checksum"), QStringLiteral("--profile"), nameA, QStringLiteral("--compare-with"), nameB,
                   QStringLiteral("--databases"), QStringLiteral("app"), QStringLiteral("--chunk-rows"),
                   QStringLiteral("1000"), QStringLiteral("--json")},
                  &out, &err),
              3)
        << err.toStdString();
    const QJsonObject report = QJsonDocument::fromJson(out).object();
    EXPECT_TRUE(report.value(QStringLiteral("differences")).toBool()) << out.toStdString();
    std::set<QString> multiKeys;
    QString skipped;
    for (const QJsonValue &tv : report.value(QStringLiteral("tables")).toArray()) {
        const QJsonObject t = tv.toObject();
        if (t.value(QStringLiteral("table")) == QStringLiteral("t_multi")) {
            EXPECT_EQ(t.value(QStringLiteral("differing_chunks")).toArray().size(), 4);
            for (const QJsonValue &rv : t.value(QStringLiteral("rows")).toArray())
                multiKeys.insert(rv.toObject().value(QStringLiteral("kind")).toString() + QLatin1Char(' ') +
                                 rv.toObject().value(QStringLiteral("key")).toArray().at(0).toString());
        }
        if (t.value(QStringLiteral("table")) == QStringLiteral("t_nopk"))
            skipped = t.value(QStringLiteral("skipped")).toString();
    }
    EXPECT_EQ(multiKeys, (std::set<QString>{QStringLiteral("extra 0"), QStringLiteral("different 2500"),
                                            QStringLiteral("missing 7001"), QStringLiteral("extra 20001")}))
        << out.toStdString();
    EXPECT_EQ(skipped, QStringLiteral("no primary key"));

    // Text output names the table, the chunk and the key; an untouched table matches (exit 0).
    EXPECT_EQ(cli({QStringLiteral("checksum"), QStringLiteral("--profile"), nameA, QStringLiteral("--compare-with"), nameB,
                   QStringLiteral("--databases"), QStringLiteral("app"), QStringLiteral("--chunk-rows"),
                   QStringLiteral("1000")},
                  &out),
              3);
    EXPECT_TRUE(out.contains("public.t_multi") && out.contains("7001") && out.contains("no primary key"))
        << out.toStdString();
    EXPECT_EQ(cli({QStringLiteral("checksum"), QStringLiteral("--profile"), nameA, QStringLiteral("--compare-with"), nameB,
                   QStringLiteral("--databases"), QStringLiteral("app"), QStringLiteral("--tables"),
                   QStringLiteral("public.t_comp")},
                  &out, &err),
              0)
        << out.toStdString() << err.toStdString();

    // Every comparison is in the profile's event log: the refusal, the differences, the match
    // (the standby statement alone compares nothing and is not logged).
    EXPECT_EQ(cli({QStringLiteral("events"), QStringLiteral("--profile"), nameA, QStringLiteral("--json")}, &out), 0);
    int checksumEvents = 0, warnings = 0;
    for (const QByteArray &line : out.split('\n')) {
        const QJsonObject e = QJsonDocument::fromJson(line).object();
        if (e.value(QStringLiteral("event")) != QStringLiteral("action") ||
            !e.value(QStringLiteral("message")).toString().contains(QStringLiteral("checksum"), Qt::CaseInsensitive))
            continue;
        ++checksumEvents;
        warnings += e.value(QStringLiteral("severity")) == QStringLiteral("warning") ? 1 : 0;
    }
    EXPECT_EQ(checksumEvents, 4) << out.toStdString();
    EXPECT_EQ(warnings, 3) << out.toStdString();  // the refusal and the two runs with differences
}

} // namespace
