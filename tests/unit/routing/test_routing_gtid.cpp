// GTID sets (MySQL), GTID lists (MariaDB) and LSNs (PostgreSQL).
#include "switchyard/routing/gtid.h"

#include <gtest/gtest.h>

using namespace switchyard::routing;

namespace {

constexpr const char *kA = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
constexpr const char *kB = "4a5f0c1e-0000-11e1-8000-000000000001";

MySqlGtidSet set(const std::string &text)
{
    auto r = MySqlGtidSet::parse(text);
    EXPECT_TRUE(r.ok()) << text << ": " << (r.ok() ? "" : r.error().describe());
    return r.ok() ? r.value() : MySqlGtidSet();
}

MariaDbGtidList list(const std::string &text)
{
    auto r = MariaDbGtidList::parse(text);
    EXPECT_TRUE(r.ok()) << text;
    return r.ok() ? r.value() : MariaDbGtidList();
}

} // namespace

TEST(Uuid, ParsesAndFormats)
{
    auto u = Uuid::parse("3E11FA47-71CA-11E1-9E33-C80AA9429562");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->toString(), kA);
    EXPECT_EQ(Uuid::parse("3e11fa4771ca11e19e33c80aa9429562")->toString(), kA);
    EXPECT_FALSE(Uuid::parse("3e11fa47-71ca-11e1-9e33-c80aa942956"));
    EXPECT_FALSE(Uuid::parse("3e11fa47+71ca-11e1-9e33-c80aa9429562"));
    EXPECT_FALSE(Uuid::parse("zz11fa47-71ca-11e1-9e33-c80aa9429562"));
}

TEST(MySqlGtidSet, ParsesWhatMySqlPrintsAndNormalises)
{
    const std::string text = std::string("3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5:11-18:6-10,\n") + kB + ":1-27";
    MySqlGtidSet s = set(text);
    EXPECT_EQ(s.toString(), std::string(kA) + ":1-18," + kB + ":1-27");
    EXPECT_EQ(s.count(), 18u + 27u);
    EXPECT_TRUE(set("").empty());
    EXPECT_TRUE(set("  \n ").empty());
    EXPECT_EQ(set(std::string(kA) + ":7").toString(), std::string(kA) + ":7");
    EXPECT_EQ(set(std::string(kA) + ":3-4:1-2").toString(), std::string(kA) + ":1-4");
    // Sources are ordered by uuid whatever the input order.
    EXPECT_EQ(set(std::string(kB) + ":1," + kA + ":1").toString(), std::string(kA) + ":1," + kB + ":1");
    // The same uuid twice is merged.
    EXPECT_EQ(set(std::string(kA) + ":1-3," + kA + ":4-9").toString(), std::string(kA) + ":1-9");
}

TEST(MySqlGtidSet, TaggedGtids)
{
    MySqlGtidSet s = set(std::string(kA) + ":1-3:Blue:4-5:red:1");
    EXPECT_TRUE(s.contains(*Uuid::parse(kA), 2));
    EXPECT_FALSE(s.contains(*Uuid::parse(kA), 4));
    EXPECT_TRUE(s.contains(*Uuid::parse(kA), 4, "blue"));
    EXPECT_TRUE(s.contains(*Uuid::parse(kA), 5, "BLUE"));
    EXPECT_TRUE(s.contains(*Uuid::parse(kA), 1, "red"));
    EXPECT_FALSE(s.contains(*Uuid::parse(kA), 2, "red"));
    EXPECT_EQ(s.toString(), std::string(kA) + ":1-3:blue:4-5:red:1");
    EXPECT_EQ(set(s.toString()), s);
}

TEST(MySqlGtidSet, RejectsGarbage)
{
    EXPECT_FALSE(MySqlGtidSet::parse("nonsense").ok());
    EXPECT_FALSE(MySqlGtidSet::parse(std::string(kA)).ok());
    EXPECT_FALSE(MySqlGtidSet::parse(std::string(kA) + ":").ok());
    EXPECT_FALSE(MySqlGtidSet::parse(std::string(kA) + ":0").ok());
    EXPECT_FALSE(MySqlGtidSet::parse(std::string(kA) + ":5-3").ok());
    EXPECT_FALSE(MySqlGtidSet::parse(std::string(kA) + ":1-x").ok());
    EXPECT_FALSE(MySqlGtidSet::parse(std::string(kA) + ":1,,").ok());
    EXPECT_FALSE(MySqlGtidSet::parse(std::string(kA) + ":9tag:1").ok());
    EXPECT_FALSE(MySqlGtidSet::parse(std::string(kA) + ":99999999999999999999999:1").ok());
}

TEST(MySqlGtidSet, ContainsIsSubset)
{
    MySqlGtidSet replica = set(std::string(kA) + ":1-100:150-200," + kB + ":1-10");
    EXPECT_TRUE(replica.contains(set(std::string(kA) + ":100")));
    EXPECT_TRUE(replica.contains(set(std::string(kA) + ":1-100:160")));
    EXPECT_FALSE(replica.contains(set(std::string(kA) + ":101")));
    EXPECT_FALSE(replica.contains(set(std::string(kA) + ":99-101")));
    EXPECT_FALSE(replica.contains(set(std::string(kB) + ":11")));
    EXPECT_FALSE(replica.contains(set("5a5f0c1e-0000-11e1-8000-000000000001:1")));
    EXPECT_TRUE(replica.contains(MySqlGtidSet()));
    EXPECT_FALSE(MySqlGtidSet().contains(replica));
}

TEST(MySqlGtidSet, UnionSubtractIntersect)
{
    MySqlGtidSet a = set(std::string(kA) + ":1-10:20-30");
    MySqlGtidSet b = set(std::string(kA) + ":5-25," + kB + ":1-3");
    EXPECT_EQ(a.unite(b).toString(), std::string(kA) + ":1-30," + kB + ":1-3");
    EXPECT_EQ(a.subtract(b).toString(), std::string(kA) + ":1-4:26-30");
    EXPECT_EQ(b.subtract(a).toString(), std::string(kA) + ":11-19," + kB + ":1-3");
    EXPECT_EQ(a.intersect(b).toString(), std::string(kA) + ":5-10:20-25");
    EXPECT_TRUE(a.subtract(a).empty());
    EXPECT_EQ(a.unite(MySqlGtidSet()), a);
    // Errant transactions: what the replica has that the primary does not.
    MySqlGtidSet primary = set(std::string(kA) + ":1-100");
    MySqlGtidSet replicaExecuted = set(std::string(kA) + ":1-90," + kB + ":1-2");
    EXPECT_EQ(replicaExecuted.subtract(primary).toString(), std::string(kB) + ":1-2");
}

TEST(MySqlGtidSet, AddMergesAdjacentIntervals)
{
    MySqlGtidSet s;
    const Uuid a = *Uuid::parse(kA);
    s.add(a, 5);
    s.add(a, 7);
    EXPECT_EQ(s.toString(), std::string(kA) + ":5:7");
    s.add(a, 6);
    EXPECT_EQ(s.toString(), std::string(kA) + ":5-7");
    s.add(a, GtidInterval{1, 4});
    s.add(a, GtidInterval{8, 8});
    EXPECT_EQ(s.toString(), std::string(kA) + ":1-8");
    s.add(a, GtidInterval{0, 3});   // ignored: 0 is not a transaction number
    EXPECT_EQ(s.count(), 8u);
}

TEST(MariaDbGtid, ParsesAndCompares)
{
    auto g = MariaDbGtid::parse("0-1-100");
    ASSERT_TRUE(g);
    EXPECT_EQ(g->domain, 0u);
    EXPECT_EQ(g->server, 1u);
    EXPECT_EQ(g->seq, 100u);
    EXPECT_EQ(g->toString(), "0-1-100");
    EXPECT_FALSE(MariaDbGtid::parse("0-1"));
    EXPECT_FALSE(MariaDbGtid::parse("a-1-2"));
    EXPECT_FALSE(MariaDbGtid::parse("0-1-2-3"));
}

TEST(MariaDbGtidList, OnePositionPerDomain)
{
    MariaDbGtidList l = list("1-2-5, 0-1-100");
    EXPECT_EQ(l.toString(), "0-1-100,1-2-5");
    // gtid_binlog_state lists one entry per server: the furthest one stands for the domain.
    EXPECT_EQ(list("0-1-100,0-2-50,0-3-120").toString(), "0-3-120");
    EXPECT_EQ(l.position(1)->seq, 5u);
    EXPECT_FALSE(l.position(7));
    EXPECT_TRUE(list("").empty());
    EXPECT_FALSE(MariaDbGtidList::parse("0-1-100,bad").ok());
}

TEST(MariaDbGtidList, ContainsComparesSequencePerDomain)
{
    MariaDbGtidList replica = list("0-1-100,1-2-50");
    EXPECT_TRUE(replica.contains(*MariaDbGtid::parse("0-1-100")));
    EXPECT_TRUE(replica.contains(*MariaDbGtid::parse("0-3-99")));   // server id does not matter
    EXPECT_FALSE(replica.contains(*MariaDbGtid::parse("0-1-101")));
    EXPECT_FALSE(replica.contains(*MariaDbGtid::parse("2-1-1")));   // unknown domain
    EXPECT_TRUE(replica.contains(list("0-1-90,1-2-50")));
    EXPECT_FALSE(replica.contains(list("0-1-90,1-2-51")));
    EXPECT_TRUE(replica.contains(MariaDbGtidList()));
}

TEST(MariaDbGtidList, CompareUnionSubtract)
{
    using O = MariaDbGtidList::Order;
    EXPECT_EQ(list("0-1-5").compare(list("0-1-5")), O::Equal);
    EXPECT_EQ(list("0-1-5").compare(list("0-1-6")), O::Behind);
    EXPECT_EQ(list("0-1-7,1-1-1").compare(list("0-1-6")), O::Ahead);
    EXPECT_EQ(list("0-1-7").compare(list("0-1-6,1-1-1")), O::Diverged);
    EXPECT_EQ(list("0-1-5").compare(list("0-1-5,1-1-1")), O::Behind);
    EXPECT_EQ(list("0-1-5,1-2-9").unite(list("0-3-7,2-1-1")).toString(), "0-3-7,1-2-9,2-1-1");
    EXPECT_EQ(list("0-1-5,1-2-9,2-1-1").subtract(list("0-1-5,1-2-3")).toString(), "1-2-9,2-1-1");
}

TEST(Lsn, ParseFormatCompareDifference)
{
    auto a = Lsn::parse("16/B374D848");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->value(), (0x16ull << 32) | 0xB374D848ull);
    EXPECT_EQ(a->toString(), "16/B374D848");
    EXPECT_EQ(Lsn::parse("0/3000060")->toString(), "0/3000060");
    EXPECT_EQ(Lsn::parse("16/b374d848"), a);
    auto b = Lsn::parse("16/B374D000");
    EXPECT_LT(*b, *a);
    EXPECT_EQ(a->bytesAfter(*b), 0x848);
    EXPECT_EQ(b->bytesAfter(*a), -0x848);
    EXPECT_EQ(Lsn::parse("1/0")->bytesAfter(*Lsn::parse("0/FFFFFFFF")), 1);
    EXPECT_FALSE(Lsn::parse("16B374D848"));
    EXPECT_FALSE(Lsn::parse("/1"));
    EXPECT_FALSE(Lsn::parse("1/"));
    EXPECT_FALSE(Lsn::parse("G/1"));
    EXPECT_FALSE(Lsn::parse("123456789/1"));
}

TEST(ReplicationPosition, ParsesPerDialectAndContains)
{
    auto m = ReplicationPosition::parse(Dialect::MySQL, std::string(kA) + ":1-10");
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->kind(), ReplicationPosition::Kind::MySqlGtid);
    auto mdb = ReplicationPosition::parse(Dialect::MariaDB, "0-1-10");
    ASSERT_TRUE(mdb.ok());
    EXPECT_EQ(mdb->kind(), ReplicationPosition::Kind::MariaDbGtid);
    auto pg = ReplicationPosition::parse(Dialect::PostgreSQL, "0/16B3748");
    ASSERT_TRUE(pg.ok());
    EXPECT_EQ(pg->kind(), ReplicationPosition::Kind::Lsn);
    EXPECT_FALSE(ReplicationPosition::parse(Dialect::PostgreSQL, "nope").ok());
    EXPECT_TRUE(ReplicationPosition::parse(Dialect::MySQL, "")->empty());

    // Different kinds never contain each other; an empty requirement is always met.
    EXPECT_FALSE(m->contains(*mdb));
    EXPECT_TRUE(m->contains(ReplicationPosition()));
    EXPECT_FALSE(ReplicationPosition().contains(*pg));
    EXPECT_TRUE(pg->contains(ReplicationPosition(*Lsn::parse("0/16B3700"))));
    EXPECT_FALSE(pg->contains(ReplicationPosition(*Lsn::parse("0/16B3749"))));
}

TEST(ReplicationPosition, MergeAccumulatesWrites)
{
    ReplicationPosition p;
    p.merge(*ReplicationPosition::parse(Dialect::MySQL, std::string(kA) + ":5"));
    p.merge(*ReplicationPosition::parse(Dialect::MySQL, std::string(kA) + ":9"));
    EXPECT_EQ(p.toString(), std::string(kA) + ":5:9");
    ReplicationPosition l(*Lsn::parse("0/20"));
    l.merge(ReplicationPosition(*Lsn::parse("0/10")));
    EXPECT_EQ(l.toString(), "0/20");
    ReplicationPosition g(list("0-1-5"));
    g.merge(ReplicationPosition(list("0-2-7,1-1-1")));
    EXPECT_EQ(g.toString(), "0-2-7,1-1-1");
}
