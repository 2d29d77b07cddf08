// Table checksums and repair on a real MariaDB sandbox (issue 8): no false positive on
// identical data (also across charsets), drift made on a replica with sql_log_bin=0 - updated,
// deleted and extra rows, NULL vs '', case-only text changes, tiny float changes, a table
// without a key - found row by row, repaired, re-verified; an interrupted run resumes; the
// CLI's exit codes; and a cascaded replica (primary -> r1 -> r2) whose drift pt-table-checksum
// misses. The tests run in order on one sandbox; the cascade test rewires it, so it is last.
#include "cli_runner.h"
#include "sandbox_fixture.h"

#include "switchyard/core/checksum.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <set>

using namespace switchyard;
using namespace switchyard::core;
using namespace switchyard::core::checksum;

namespace {

itest::ScopedSandbox &sandbox()
{
    static itest::ScopedSandbox sb(Engine::MySQL, {.replicas = 2, .tag = "checksum", .binaryDirs = {}});
    return sb;
}

std::unique_ptr<Connection> admin(const SandboxNode &node)
{
    ConnectionOptions o = sandbox().options(node, sandbox().info().credentials.admin);
    o.readTimeout = std::chrono::seconds(120);
    auto c = createConnection(o);
    EXPECT_TRUE(c->connect().ok());
    return c;
}

void exec(Connection &c, const std::string &sql)
{
    auto r = c.execute(sql);
    ASSERT_TRUE(r.ok()) << sql << ": " << r.error().describe();
}

void syncReplicas()
{
    auto p = admin(sandbox().primary());
    auto pos = p->query("SELECT @@gtid_binlog_pos");
    ASSERT_TRUE(pos.ok());
    for (const SandboxNode *r : sandbox().replicas()) {
        auto c = admin(*r);
        auto w = c->query("SELECT MASTER_GTID_WAIT('" + pos->rows[0][0].value_or("") + "', 60)");
        ASSERT_TRUE(w.ok());
        EXPECT_EQ(w->rows[0][0].value_or(""), "0");
    }
}

std::vector<ReplicaTarget> targets(bool cascadeSecond = false)
{
    std::vector<ReplicaTarget> out;
    int i = 0;
    for (const SandboxNode *r : sandbox().replicas()) {
        ConnectionOptions o = sandbox().options(*r, sandbox().info().credentials.admin);
        o.readTimeout = std::chrono::seconds(120);
        out.push_back({r->name, o, cascadeSecond && i == 1});
        ++i;
    }
    return out;
}

ChecksumReport check(ChecksumOptions o, const std::vector<ReplicaTarget> &t = targets())
{
    auto p = admin(sandbox().primary());
    if (o.databases.empty() && o.tables.empty())
        o.databases = {"ck"};
    auto r = runChecksum(*p, t, o);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().describe());
    return r.ok() ? *r : ChecksumReport{};
}

const TableResult *table(const ChecksumReport &r, const std::string &name)
{
    for (const TableResult &t : r.tables) {
        if (t.table == name)
            return &t;
    }
    return nullptr;
}

// Differing keys on replica `i`, as "kind:key".
std::set<std::string> drill(const ChecksumReport &report, const std::string &name, std::size_t replica,
                            std::vector<RowDiff> *all = nullptr)
{
    std::set<std::string> out;
    const TableResult *t = table(report, name);
    if (!t)
        return out;
    auto p = admin(sandbox().primary());
    auto rc = admin(*sandbox().replicas()[replica]);
    auto info = loadTable(*p, "ck", name);
    EXPECT_TRUE(info.ok());
    for (const ChunkResult &c : t->chunks) {
        if (c.replicaState[replica] != ChunkState::Differs)
            continue;
        auto d = diffChunkRows(*p, *rc, *info, c.bounds);
        EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().describe());
        if (!d.ok())
            continue;
        for (const RowDiff &rd : *d) {
            std::string key;
            for (const std::string &k : rd.key)
                key += (key.empty() ? "" : ",") + k;
            out.insert(std::string(rowDiffKindName(rd.kind)) + ":" + key);
            if (all)
                all->push_back(rd);
        }
    }
    return out;
}

} // namespace

TEST(ChecksumLive, IdenticalDataHasNoDifferenceAndKeylessTablesAreSkipped)
{
    ASSERT_TRUE(sandbox().ok()) << sandbox().error();
    auto p = admin(sandbox().primary());
    exec(*p, "CREATE DATABASE ck");
    exec(*p, "CREATE TABLE ck.t1 (id INT PRIMARY KEY, name VARCHAR(40) COLLATE utf8mb4_general_ci, price DOUBLE NULL, "
             "note TEXT NULL, ts TIMESTAMP NULL, bin VARBINARY(16) NULL) ENGINE=InnoDB");
    exec(*p, "INSERT INTO ck.t1 SELECT seq, CONCAT('name', seq), seq / 7, IF(seq % 5 = 0, NULL, CONCAT('n', seq)), "
             "'2024-03-01 10:00:00' + INTERVAL seq MINUTE, UNHEX(MD5(seq)) FROM ck.seq_1_to_5000");
    exec(*p, "CREATE TABLE ck.t2 (a INT NOT NULL, b VARCHAR(10) NOT NULL, v INT, PRIMARY KEY (a, b)) ENGINE=InnoDB");
    exec(*p, "INSERT INTO ck.t2 SELECT seq DIV 10, CONCAT('k', seq % 10), seq FROM ck.seq_1_to_3000");
    exec(*p, "CREATE TABLE ck.nokey (a INT, b INT) ENGINE=InnoDB");
    exec(*p, "INSERT INTO ck.nokey VALUES (1, 1), (2, 2)");
    exec(*p, "CREATE TABLE ck.cs (id INT PRIMARY KEY, name VARCHAR(20) CHARACTER SET utf8mb4) ENGINE=InnoDB");
    exec(*p, "INSERT INTO ck.cs VALUES (1, 'café'), (2, 'naïve'), (3, 'plain')");
    syncReplicas();
    // The same characters in latin1 on one replica are not a difference (pt PT-136).
    auto r1 = admin(*sandbox().replicas()[0]);
    exec(*r1, "SET SESSION sql_log_bin = 0");
    exec(*r1, "ALTER TABLE ck.cs MODIFY name VARCHAR(20) CHARACTER SET latin1");

    for (HashFunction h : {HashFunction::Crc32, HashFunction::Md5}) {
        ChecksumOptions o;
        o.rowHash.hash = h;
        o.initialChunkRows = 700;
        const ChecksumReport r = check(o);
        EXPECT_FALSE(r.anyDifference());
        EXPECT_EQ(r.skippedTables(), 1);
        const TableResult *nk = table(r, "nokey");
        ASSERT_NE(nk, nullptr);
        EXPECT_NE(nk->skipReason.find("no primary key"), std::string::npos) << nk->skipReason;
        ASSERT_NE(table(r, "t1"), nullptr);
        EXPECT_EQ(table(r, "t1")->rows, 5000u);
        EXPECT_EQ(table(r, "t2")->rows, 3000u);
        EXPECT_EQ(table(r, "t2")->keyColumns.size(), 2u);  // nibbled along the composite key
        EXPECT_GE(table(r, "t2")->chunks.size(), 2u);
    }
}

TEST(ChecksumLive, DriftIsFoundRowByRowRepairedAndReverified)
{
    ASSERT_TRUE(sandbox().ok()) << sandbox().error();
    auto r2 = admin(*sandbox().replicas()[1]);
    exec(*r2, "SET SESSION sql_log_bin = 0");
    exec(*r2, "UPDATE ck.t1 SET name = UPPER(name) WHERE id = 10");       // equal under the _ci collation
    exec(*r2, "UPDATE ck.t1 SET note = '' WHERE id = 20");                // NULL -> ''
    exec(*r2, "UPDATE ck.t1 SET price = NULL WHERE id = 30");
    exec(*r2, "DELETE FROM ck.t1 WHERE id = 2500");
    exec(*r2, "INSERT INTO ck.t1 (id, name) VALUES (9999, 'extra')");     // beyond the primary's last key
    exec(*r2, "UPDATE ck.t1 SET bin = UNHEX('00') WHERE id = 4000");
    exec(*r2, "DELETE FROM ck.t2 WHERE a = 100 AND b = 'k3'");
    exec(*r2, "UPDATE ck.t2 SET v = v + 1 WHERE a = 200 AND b = 'k7'");
    exec(*r2, "DELETE FROM ck.nokey");

    ChecksumOptions o;
    o.initialChunkRows = 700;
    const ChecksumReport r = check(o);
    EXPECT_TRUE(r.anyDifference());
    ASSERT_NE(table(r, "t1"), nullptr);
    EXPECT_EQ(table(r, "t1")->differingChunks(0), 0);  // r1 is intact
    EXPECT_GE(table(r, "t1")->differingChunks(1), 2);
    EXPECT_EQ(table(r, "cs")->differingChunks(0), 0);
    EXPECT_FALSE(table(r, "nokey")->skipReason.empty());  // reported skipped, never "match"

    std::vector<RowDiff> diffs;
    EXPECT_EQ(drill(r, "t1", 1, &diffs),
              (std::set<std::string>{"different:10", "different:20", "different:30", "missing:2500", "extra:9999",
                                     "different:4000"}));
    for (const RowDiff &d : diffs) {
        if (d.key == std::vector<std::string>{"10"}) {
            ASSERT_EQ(d.primaryRow.size(), 6u);
            EXPECT_EQ(d.primaryRow[1].value_or(""), "name10");
            EXPECT_EQ(d.replicaRow[1].value_or(""), "NAME10");  // side by side
        }
    }
    EXPECT_EQ(drill(r, "t2", 1), (std::set<std::string>{"missing:100,k3", "different:200,k7"}));

    // Repair on the primary (replicates to both replicas), then re-verify every chunk.
    auto p = admin(sandbox().primary());
    for (const char *name : {"t1", "t2"}) {
        std::vector<RowDiff> d;
        drill(r, name, 1, &d);
        auto info = loadTable(*p, "ck", name);
        ASSERT_TRUE(info.ok());
        const RepairPlan plan = planRepair(*info, d, RepairTarget::Primary, "n1");
        EXPECT_EQ(plan.statements.size(), d.size());
        EXPECT_FALSE(plan.warnings.empty());
        auto applied = applyRepair(*p, plan);
        ASSERT_TRUE(applied.ok()) << applied.error().describe();
        for (const ChunkResult &c : table(r, name)->chunks) {
            if (c.replicaState[1] != ChunkState::Differs)
                continue;
            auto v = compareChunkDirect(*p, *r2, *info, {}, c.bounds);
            ASSERT_TRUE(v.ok());
            EXPECT_TRUE(v->match()) << name << " chunk " << c.chunk;
        }
    }
    const ChecksumReport after = check(o);
    EXPECT_FALSE(after.anyDifference());
}

TEST(ChecksumLive, FloatsRoundedPerOptionAndReplicaOnlyRepair)
{
    ASSERT_TRUE(sandbox().ok()) << sandbox().error();
    auto r1 = admin(*sandbox().replicas()[0]);
    exec(*r1, "SET SESSION sql_log_bin = 0");
    exec(*r1, "UPDATE ck.t1 SET price = price + 0.0000001 WHERE id = 77");
    ChecksumOptions o;
    o.tables = {"ck.t1"};
    o.rowHash.floatPrecision = 3;
    EXPECT_FALSE(check(o).anyDifference());
    o.rowHash.floatPrecision.reset();
    o.rowHash.hash = HashFunction::Md5;
    const ChecksumReport r = check(o);
    EXPECT_EQ(table(r, "t1")->differingChunks(0), 1);
    std::vector<RowDiff> d;
    EXPECT_EQ(drill(r, "t1", 0, &d), (std::set<std::string>{"different:77"}));

    // On the replica alone, binary logging off.
    auto p = admin(sandbox().primary());
    auto info = loadTable(*p, "ck", "t1");
    ASSERT_TRUE(info.ok());
    const RepairPlan plan = planRepair(*info, d, RepairTarget::Replica, "n2");
    ASSERT_EQ(plan.sessionSetup.size(), 1u);
    EXPECT_EQ(plan.sessionSetup[0], "SET SESSION sql_log_bin = 0");
    auto before = r1->query("SELECT @@gtid_binlog_pos");
    ASSERT_TRUE(applyRepair(*r1, plan).ok());
    auto afterPos = r1->query("SELECT @@gtid_binlog_pos");
    EXPECT_EQ(before->rows[0][0], afterPos->rows[0][0]);  // nothing logged on the replica
    const ChecksumReport again = check(o);
    EXPECT_FALSE(again.anyDifference()) << plan.statements.front();
    for (const std::string &k : drill(again, "t1", 0))
        ADD_FAILURE() << "still differs: " << k;
    for (const ChunkResult &c : table(again, "t1")->chunks) {
        if (c.replicaState[0] != ChunkState::Differs)
            continue;
        auto dc = compareChunkDirect(*p, *r1, *info, o.rowHash, c.bounds);
        ADD_FAILURE() << "chunk " << c.chunk << " primary " << c.primaryRows << "/" << c.primaryCrc << " replica "
                      << c.replicaRows[0] << "/" << c.replicaCrc[0] << " direct " << dc->primaryCrc << " vs "
                      << dc->replicaCrc;
    }
}

// The row hash's cheap forms (floats as their bytes on MariaDB, NULL as a 0xFF byte or a bitmap
// bit) must tell apart everything the printed form did: a float's last bit, NULL from a value
// that prints 0xFF in a single-byte charset, NULLs that swap columns; and -0 still equals 0.
TEST(ChecksumLive, RowHashEdgesFloatBitsNullMarkersAndCharsets)
{
    ASSERT_TRUE(sandbox().ok()) << sandbox().error();
    auto p = admin(sandbox().primary());
    exec(*p, "CREATE TABLE ck.edge (id INT PRIMARY KEY, d DOUBLE NULL, f FLOAT NULL, u VARCHAR(10) CHARACTER SET "
             "utf8mb4 NULL, l VARCHAR(10) CHARACTER SET latin1 NULL, a VARCHAR(10) CHARACTER SET utf8mb4 NULL, "
             "b VARCHAR(10) CHARACTER SET utf8mb4 NULL, n DECIMAL(10,2) NULL) ENGINE=InnoDB");
    exec(*p, "INSERT INTO ck.edge VALUES (1, 0.3, 0.5, 'x', 'y', NULL, 'v', 1.5), (2, 0, 1, 'x', CONVERT(_utf8mb4'\u00ff' "
             "USING latin1), 'a', 'b', NULL), (3, 1e-310, -2.5, NULL, NULL, 'v', NULL, 0), (4, -1.7e308, NULL, '', '', "
             "'', '', 2), (5, 2, 3, 'é', 'é', NULL, NULL, NULL), (6, 0, 0, NULL, NULL, NULL, NULL, NULL), "
             "(7, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
    exec(*p, "UPDATE ck.edge SET l = X'FF' WHERE id = 2");  // latin1 'ÿ': the byte a UTF-8 NULL marker uses
    syncReplicas();
    auto r1 = admin(*sandbox().replicas()[0]);
    exec(*r1, "SET SESSION sql_log_bin = 0");
    exec(*r1, "UPDATE ck.edge SET d = 0.30000000000000004 WHERE id = 1");  // one bit away from 0.3
    exec(*r1, "UPDATE ck.edge SET l = NULL WHERE id = 2");                 // 'ÿ' -> NULL
    exec(*r1, "UPDATE ck.edge SET a = NULL, b = 'v' WHERE id = 3");        // the NULL swaps columns
    exec(*r1, "UPDATE ck.edge SET d = 4.9e-324 WHERE id = 4");             // denormal instead of -1.7e308
    exec(*r1, "UPDATE ck.edge SET d = -0e0, f = -0e0 WHERE id = 6");      // prints as 0: not drift
    exec(*r1, "UPDATE ck.edge SET f = 3.0000002 WHERE id = 5");            // a FLOAT's last bit
    exec(*r1, "UPDATE ck.edge SET d = 0 WHERE id = 7");                    // NULL -> 0
    for (HashFunction h : {HashFunction::Crc32, HashFunction::Md5}) {
        ChecksumOptions o;
        o.tables = {"ck.edge"};
        o.rowHash.hash = h;
        const ChecksumReport r = check(o);
        ASSERT_NE(table(r, "edge"), nullptr);
        EXPECT_EQ(table(r, "edge")->differingChunks(0), 1);
        EXPECT_EQ(table(r, "edge")->differingChunks(1), 0);
        EXPECT_EQ(drill(r, "edge", 0), (std::set<std::string>{"different:1", "different:2", "different:3",
                                                               "different:4", "different:5", "different:7"}));
    }
    // Rounding asked for: 0.3 and 0.30000000000000004 are the same at 3 places; the rest still differ.
    ChecksumOptions o;
    o.tables = {"ck.edge"};
    o.rowHash.floatPrecision = 3;
    const ChecksumReport rounded = check(o);
    ASSERT_EQ(table(rounded, "edge")->chunks.size(), 1u);
    auto info = loadTable(*p, "ck", "edge");
    ASSERT_TRUE(info.ok());
    auto d = diffChunkRows(*p, *r1, *info, table(rounded, "edge")->chunks[0].bounds, o.rowHash);
    ASSERT_TRUE(d.ok()) << d.error().describe();
    std::set<std::string> keys;
    for (const RowDiff &rd : *d)
        keys.insert(rd.key.front());
    EXPECT_EQ(keys, (std::set<std::string>{"2", "3", "4", "7"}));
    exec(*p, "DROP TABLE ck.edge");
    syncReplicas();
}

TEST(ChecksumLive, InterruptedRunResumes)
{
    ASSERT_TRUE(sandbox().ok()) << sandbox().error();
    ChecksumOptions o;
    o.tables = {"ck.t1"};
    o.chunkSeconds = 0;  // fixed chunk size: 500 ids
    o.initialChunkRows = 500;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    auto p = admin(sandbox().primary());
    auto first = runChecksum(*p, targets(), o,
                             [&](const ChecksumProgress &pr) {
                                 if (pr.phase == "checksum" && pr.chunk >= 3)
                                     cancel->store(true);
                             },
                             cancel);
    ASSERT_TRUE(first.ok()) << first.error().describe();
    EXPECT_TRUE(first->cancelled);
    ASSERT_EQ(first->tables.size(), 1u);
    EXPECT_EQ(first->tables[0].chunks.size(), 3u);

    o.resume = true;
    const ChecksumReport second = check(o);
    ASSERT_EQ(second.tables.size(), 1u);
    EXPECT_EQ(second.tables[0].resumedAtChunk, 4);
    EXPECT_EQ(second.tables[0].rows, 5000u);
    EXPECT_EQ(second.tables[0].chunks.size(), 10u);
    EXPECT_FALSE(second.anyDifference());
    for (const ChunkResult &c : second.tables[0].chunks)
        EXPECT_EQ(c.replicaState, (std::vector<ChunkState>{ChunkState::Match, ChunkState::Match})) << c.chunk;
}

TEST(ChecksumLive, CliExitCodesAndRepair)
{
    ASSERT_TRUE(sandbox().ok()) << sandbox().error();
    const itest::CliRunner cli; // HOME and XDG directories of its own
    // `sandbox up` on the running sandbox registers its profile and changes nothing.
    const QString name = QString::fromStdString(sandbox().name());
    ASSERT_EQ(cli({QStringLiteral("sandbox"), QStringLiteral("up"), QStringLiteral("--name"), name, QStringLiteral("--dir"),
                   QString::fromStdString(sandbox().manager().root())}),
              0);
    QByteArray out;
    EXPECT_EQ(cli({QStringLiteral("checksum"), QStringLiteral("--profile"), name, QStringLiteral("--databases"),
                   QStringLiteral("ck"), QStringLiteral("--json")},
                  &out),
              0);
    EXPECT_EQ(QJsonDocument::fromJson(out).object().value(QStringLiteral("skipped_tables")).toInt(), 1);

    auto r2 = admin(*sandbox().replicas()[1]);
    exec(*r2, "SET SESSION sql_log_bin = 0");
    exec(*r2, "DELETE FROM ck.t1 WHERE id = 123");
    EXPECT_EQ(cli({QStringLiteral("checksum"), QStringLiteral("--profile"), name, QStringLiteral("--tables"),
                   QStringLiteral("ck.t1")}),
              3);
    EXPECT_EQ(cli({QStringLiteral("repair"), QStringLiteral("--profile"), name, QStringLiteral("--table"),
                   QStringLiteral("ck.t1"), QStringLiteral("--print")},
                  &out),
              3);
    EXPECT_TRUE(out.contains("REPLACE INTO `ck`.`t1`")) << out.toStdString();
    EXPECT_TRUE(out.contains("every replica") || out.contains("EVERY replica")) << out.toStdString();
    EXPECT_EQ(cli({QStringLiteral("repair"), QStringLiteral("--profile"), name, QStringLiteral("--table"),
                   QStringLiteral("ck.t1"), QStringLiteral("--execute")},
                  &out),
              0)
        << out.toStdString();
    EXPECT_EQ(cli({QStringLiteral("checksum"), QStringLiteral("--profile"), name, QStringLiteral("--tables"),
                   QStringLiteral("ck.t1")}),
              0);
    EXPECT_EQ(cli({QStringLiteral("checksum"), QStringLiteral("--profile"), QStringLiteral("no-such-profile")}), 1);
}

TEST(ChecksumLive, CascadedReplicaComputesItsOwn)
{
    ASSERT_TRUE(sandbox().ok()) << sandbox().error();
    // primary -> r1 -> r2; r1 logs ROW and re-logs the checksum rows it computed.
    const SandboxNode &n2 = *sandbox().replicas()[0];
    auto r2 = admin(*sandbox().replicas()[1]);
    exec(*r2, "STOP SLAVE");
    exec(*r2, "CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = " + std::to_string(n2.port) +
                  ", MASTER_USE_GTID = slave_pos");
    exec(*r2, "START SLAVE");
    syncReplicas();
    exec(*r2, "SET SESSION sql_log_bin = 0");
    exec(*r2, "UPDATE ck.t2 SET v = -1 WHERE a = 5 AND b = 'k1'");
    exec(*r2, "DELETE FROM ck.t1 WHERE id = 4999");

    ChecksumOptions o;
    o.tables = {"ck.t1", "ck.t2"};
    // Trusting r2's replicated results is what pt-table-checksum does: it sees no difference.
    const ChecksumReport naive = check(o, targets(false));
    EXPECT_FALSE(naive.anyDifference());
    // Computed on r2 itself at the primary's position: both differences found.
    const ChecksumReport r = check(o, targets(true));
    EXPECT_EQ(table(r, "t1")->differingChunks(0), 0);
    EXPECT_EQ(table(r, "t1")->differingChunks(1), 1);
    EXPECT_EQ(table(r, "t2")->differingChunks(1), 1);
    EXPECT_EQ(drill(r, "t1", 1), (std::set<std::string>{"missing:4999"}));
    EXPECT_EQ(drill(r, "t2", 1), (std::set<std::string>{"different:5,k1"}));
}
