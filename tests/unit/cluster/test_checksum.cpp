// Checksum SQL generation, chunk-size tuning and repair statements (issue 8), without servers.
#include "fake_connection.h"

#include "switchyard/core/checksum.h"

#include <gtest/gtest.h>

using namespace switchyard;
using namespace switchyard::core::checksum;

namespace {

TableInfo orders()
{
    TableInfo t;
    t.database = "shop";
    t.table = "orders";
    t.keyName = "PRIMARY";
    t.keyColumns = {"id"};
    t.columns = {{"id", "int", "int(11)", false, false, "", true},
                 {"name", "varchar", "varchar(40)", true, false, "utf8mb4", true},
                 {"price", "double", "double", true, false, "", true},
                 {"ts", "timestamp", "timestamp", false, false, "", true},
                 {"bin", "varbinary", "varbinary(16)", true, false, "", true},
                 {"total", "int", "int(11)", true, true, "", true}};
    return t;
}

} // namespace

TEST(ChunkSizer, ConvergesOnTheTargetTime)
{
    ChunkSizer s(0.5, 1000);
    // 10 000 rows/s: the next chunk is 5 000 rows, capped at 4x the current size.
    EXPECT_EQ(s.update(1000, 0.1), 4000u);
    std::uint64_t n = 0;
    for (int i = 0; i < 20; ++i)
        n = s.update(s.size(), static_cast<double>(s.size()) / 10000.0);
    EXPECT_EQ(n, 5000u);
}

TEST(ChunkSizer, WeightsRecentChunksMore)
{
    ChunkSizer s(0.5, 1000, 1, 1'000'000'000, 0.75);
    s.update(1000, 0.5);  // 2 000 rows/s
    // Then the server slows to 500 rows/s: avg_n = 1000*0.75+1000, avg_t = 0.5*0.75+2.
    EXPECT_EQ(s.update(1000, 2.0), static_cast<std::uint64_t>((1750.0 / 2.375) * 0.5 + 0.5));
}

TEST(ChunkSizer, ZeroTargetDisablesAdaptation)
{
    ChunkSizer s(0, 700);
    EXPECT_EQ(s.update(700, 5.0), 700u);
}

TEST(ChecksumSql, RowExpressionNormalisesAndIsNullSafe)
{
    RowHashSpec spec;
    spec.floatPrecision = 4;
    const std::string e = rowExpression(orders(), spec);
    // NULL is a 0xFF byte where no value prints one (UTF-8 text, numbers); a bit for binary.
    EXPECT_EQ(e, "CONCAT_WS('#', `id`, IFNULL(CONVERT(`name` USING utf8mb4), CAST(X'FF' AS BINARY)), "
                 "IFNULL(ROUND(`price`, 4), CAST(X'FF' AS BINARY)), UNIX_TIMESTAMP(`ts`), `bin`, "
                 "IFNULL(`total`, CAST(X'FF' AS BINARY)), ISNULL(`bin`))");
    TableInfo same = orders();
    same.columns[1].convertCharset = false;  // every node stores it in the same charset
    EXPECT_EQ(rowExpression(same, {}).rfind("CONCAT_WS('#', `id`, IFNULL(`name`, CAST(X'FF' AS BINARY)), "
                                            "IFNULL(`price`, CAST(X'FF' AS BINARY)),", 0),
              0u);
    // A single-byte charset can hold 0xFF: that column goes into the bitmap.
    same.columns[1].charset = "latin1";
    EXPECT_EQ(rowExpression(same, {}), "CONCAT_WS('#', `id`, `name`, IFNULL(`price`, CAST(X'FF' AS BINARY)), "
                                       "UNIX_TIMESTAMP(`ts`), `bin`, IFNULL(`total`, CAST(X'FF' AS BINARY)), "
                                       "ISNULL(`name`) + ISNULL(`bin`) * 2)");
}

TEST(ChecksumSql, FloatsAsBytesOnMariaDbUnlessRounded)
{
    RowHashSpec spec = forServer({}, core::Flavor::MariaDB);
    EXPECT_TRUE(spec.floatBytes);
    EXPECT_FALSE(forServer(spec, core::Flavor::MySQL).floatBytes);  // kept as text there
    TableInfo t = orders();
    t.columns.push_back({"ratio", "float", "float", false, false, "", true});
    // Fixed-size binary fields first (25 bytes from 0x00, or the 0xFF marker), -0 folded into 0.
    EXPECT_EQ(rowExpression(t, spec).rfind("CONCAT_WS('#', IFNULL(CAST(POINT(`price` + 0e0, 0) AS BINARY), "
                                           "CAST(X'FF' AS BINARY)), CAST(POINT(`ratio` + 0e0, 0) AS BINARY), `id`, "
                                           "IFNULL(CONVERT(`name` USING utf8mb4), ",
                                           0),
              0u);
    EXPECT_EQ(rowExpression(t, spec).find("ISNULL(`price`)"), std::string::npos);
    spec.floatPrecision = 2;  // rounding asked for: as printed, rounded
    EXPECT_EQ(rowExpression(t, spec).find("POINT"), std::string::npos);
    EXPECT_NE(rowExpression(t, spec).find("IFNULL(ROUND(`price`, 2), CAST(X'FF' AS BINARY))"), std::string::npos);
}

TEST(ChecksumSql, ChunkChecksumCrc32AndMd5)
{
    RowHashSpec spec;
    const std::string crc = chunkChecksumExpression(orders(), spec);
    EXPECT_EQ(crc.rfind("COUNT(*), COALESCE(LOWER(CONV(BIT_XOR(CAST(CRC32(CONCAT_WS(", 0), 0u);
    spec.hash = HashFunction::Md5;
    const std::string md5 = chunkChecksumExpression(orders(), spec);
    EXPECT_NE(md5.find("SUBSTRING(MD5(CONCAT_WS("), std::string::npos);
    EXPECT_NE(md5.find("), 17, 16)"), std::string::npos);
    EXPECT_EQ(md5.find('@'), std::string::npos);  // no user variable: replicas replay it wrongly
}

TEST(ChecksumSql, RangePredicatesForSingleAndCompositeKeys)
{
    TableInfo t = orders();
    EXPECT_EQ(rangePredicate(t, {{"10"}, {"20"}, true}), "`id` >= 10 AND `id` <= 20");
    EXPECT_EQ(rangePredicate(t, {{}, {"20"}, true}), "`id` <= 20");
    EXPECT_EQ(rangePredicate(t, {{"10"}, {}, false}), "`id` > 10");
    EXPECT_EQ(rangePredicate(t, {}), "1=1");
    t.keyColumns = {"id", "name"};
    EXPECT_EQ(rangePredicate(t, {{"1", "a'b"}, {}, true}), "((`id` > 1) OR (`id` = 1 AND `name` >= 'a''b'))");
}

TEST(ChecksumSql, InsertStatementReplicatesBoundsAndKey)
{
    const std::string sql = checksumInsertSql(orders(), {}, {{"1"}, {"1000"}, true}, 1, "`switchyard`.`checksums`");
    EXPECT_EQ(sql.rfind("INSERT INTO `switchyard`.`checksums` (db, tbl, chunk, chunk_index, lower_boundary, "
                        "upper_boundary, this_cnt, this_crc) SELECT 'shop', 'orders', 1, 'PRIMARY', '1:1', '4:1000', COUNT(*)",
                        0),
              0u);
    EXPECT_NE(sql.find("FROM `shop`.`orders` FORCE INDEX(`PRIMARY`) WHERE `id` >= 1 AND `id` <= 1000"), std::string::npos);
}

TEST(ChecksumSql, NibbleBoundaryQuery)
{
    TableInfo t = orders();
    EXPECT_EQ(nibbleBoundarySql(t, {}, 1000),
              "SELECT `id` FROM `shop`.`orders` FORCE INDEX(`PRIMARY`) WHERE 1=1 ORDER BY `id` LIMIT 999, 2");
    EXPECT_EQ(nibbleBoundarySql(t, {{"5"}, {}, true}, 10),
              "SELECT `id` FROM `shop`.`orders` FORCE INDEX(`PRIMARY`) WHERE `id` >= 5 ORDER BY `id` LIMIT 9, 2");
}

TEST(ChecksumSql, BoundsRoundTrip)
{
    const std::vector<std::string> v = {"a,b", "3:x", ""};
    EXPECT_EQ(decodeBound(encodeBound(v)), v);
    EXPECT_TRUE(decodeBound("").empty());
}

TEST(ChecksumSql, QuotingEscapes)
{
    EXPECT_EQ(quoteIdent("we`ird"), "`we``ird`");
    EXPECT_EQ(quoteString("it's \\ \n"), "'it''s \\\\ \\n'");
}

TEST(Repair, ReplaceAndDeleteLikePtTableSync)
{
    const TableInfo t = orders();
    std::vector<RowDiff> diffs;
    diffs.push_back({RowDiffKind::Different, {"4242"}, "a", "b",
                     {"4242", "o'brien", "1.5", "2024-01-01 00:00:00", "DEADBEEF", std::nullopt}, {}});
    diffs.push_back({RowDiffKind::Missing, {"7"}, "c", "", {"7", std::nullopt, std::nullopt, "2024-01-01 00:00:00", std::nullopt, "3"}, {}});
    diffs.push_back({RowDiffKind::Extra, {"99"}, "", "d", {}, {}});
    const RepairPlan onPrimary = planRepair(t, diffs, RepairTarget::Primary, "n1");
    ASSERT_EQ(onPrimary.statements.size(), 3u);
    // Generated columns are never written.
    EXPECT_EQ(onPrimary.statements[0], "REPLACE INTO `shop`.`orders` (`id`, `name`, `price`, `ts`, `bin`) VALUES "
                                       "(4242, 'o''brien', '1.5', '2024-01-01 00:00:00', X'DEADBEEF')");
    EXPECT_EQ(onPrimary.statements[1], "REPLACE INTO `shop`.`orders` (`id`, `name`, `price`, `ts`, `bin`) VALUES "
                                       "(7, NULL, NULL, '2024-01-01 00:00:00', NULL)");
    EXPECT_EQ(onPrimary.statements[2], "DELETE FROM `shop`.`orders` WHERE `id` = 99");
    EXPECT_EQ(onPrimary.sessionSetup.front(), "SET SESSION binlog_format = 'STATEMENT'");
    EXPECT_NE(onPrimary.warnings.front().find("EVERY replica"), std::string::npos);

    const RepairPlan onReplica = planRepair(t, diffs, RepairTarget::Replica, "n3");
    EXPECT_EQ(onReplica.sessionSetup, std::vector<std::string>{"SET SESSION sql_log_bin = 0"});
    EXPECT_EQ(onReplica.statements, onPrimary.statements);
}

TEST(Repair, ApplyRunsSetupThenOneTransaction)
{
    core::ServerInfo info;
    info.flavor = core::Flavor::MariaDB;
    switchyard::testing::FakeConnection c({}, info);
    c.answer("", core::QueryResult{});
    RepairPlan plan;
    plan.target = RepairTarget::Replica;
    plan.sessionSetup = {"SET SESSION sql_log_bin = 0"};
    plan.statements = {"DELETE FROM `a`.`b` WHERE `id` = 1"};
    ASSERT_TRUE(applyRepair(c, plan).ok());
    EXPECT_EQ(c.statements(), (std::vector<std::string>{"SET SESSION sql_log_bin = 0", "START TRANSACTION",
                                                        "DELETE FROM `a`.`b` WHERE `id` = 1", "COMMIT",
                                                        "SET SESSION sql_log_bin = 1"}));
}

// A MariaDB primary with one table, shop.orders, keyed by an INT id from 1 to `rows`, whose
// chunks each hash 1000 rows.
static void scriptIntKeyTable(switchyard::testing::FakeConnection &p, int rows)
{
    namespace t = switchyard::testing;
    const std::string n = std::to_string(rows);
    p.answer("", core::QueryResult{});
    p.answer("SELECT t.TABLE_SCHEMA", t::table({"s", "t", "r"}, {{"shop", "orders", n}}));
    p.answer("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME",
             t::table({"s", "t", "c", "d", "ct", "n", "e", "cs"}, {{"shop", "orders", "id", "int", "int(11)", "NO", "", std::nullopt}}));
    p.answer("SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME",
             t::table({"s", "t", "i", "c", "p"}, {{"shop", "orders", "PRIMARY", "id", std::nullopt}}));
    p.answer("SELECT MIN(", t::table({"a", "b"}, {{"1", n}}));
    p.answer("SELECT this_cnt", t::table({"c", "r"}, {{"1000", "abc"}}));
    p.answer("SHOW GLOBAL STATUS", t::table({"Variable_name", "Value"}, {{"Threads_running", "1"}}));
    p.answer("SELECT @@GLOBAL.gtid_binlog_pos", t::table({"p"}, {{"0-1-5"}}));
}

TEST(Checksum, RunOnFakePrimaryUsesStatementFormatAndRangeChunks)
{
    core::ServerInfo info;
    info.flavor = core::Flavor::MariaDB;
    switchyard::testing::FakeConnection p({}, info);
    ASSERT_TRUE(p.connect().ok());
    scriptIntKeyTable(p, 3000);
    ChecksumOptions o;
    o.chunkSeconds = 0;
    auto r = runChecksum(p, {}, o);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(p.statements().front(), "SET SESSION binlog_format = 'STATEMENT'");
    ASSERT_EQ(r->tables.size(), 1u);
    // 3000 ids, 1000 per chunk: [..1000], [1001..2000], [2001..) - open at both ends.
    ASSERT_EQ(r->tables[0].chunks.size(), 3u);
    EXPECT_TRUE(r->tables[0].chunks[0].bounds.lower.empty());
    EXPECT_EQ(r->tables[0].chunks[0].bounds.upper, std::vector<std::string>{"1000"});
    EXPECT_EQ(r->tables[0].chunks[2].bounds.lower, std::vector<std::string>{"2001"});
    EXPECT_TRUE(r->tables[0].chunks[2].bounds.upper.empty());
    int inserts = 0;
    for (const std::string &s : p.statements())
        inserts += s.rfind("INSERT INTO `switchyard`.`checksums`", 0) == 0 ? 1 : 0;
    EXPECT_EQ(inserts, 3);
}

TEST(Checksum, NoChunkIsBiggerThanATenthOfItsTable)
{
    // Replicas recompute a chunk after the primary commits it: a big chunk leaves them idle while
    // it runs and busy after the primary is done. However fast the chunks go, they stay <= 1/10.
    core::ServerInfo info;
    info.flavor = core::Flavor::MariaDB;
    switchyard::testing::FakeConnection p({}, info);
    ASSERT_TRUE(p.connect().ok());
    scriptIntKeyTable(p, 1000000);
    ChecksumOptions o;
    o.chunkSeconds = 5;  // the fake answers at once: the target time alone would allow any size
    auto r = runChecksum(p, {}, o);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    ASSERT_EQ(r->tables.size(), 1u);
    const auto &chunks = r->tables[0].chunks;
    EXPECT_GE(chunks.size(), 10u);
    for (std::size_t i = 1; i + 1 < chunks.size(); ++i) {
        const long long lo = std::stoll(chunks[i].bounds.lower.front());
        const long long hi = std::stoll(chunks[i].bounds.upper.front());
        EXPECT_LE(hi - lo + 1, 100000) << "chunk " << chunks[i].chunk;
    }
    EXPECT_EQ(chunks.front().bounds.upper, std::vector<std::string>{"1000"});  // still starts small
}
