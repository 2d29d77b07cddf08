// The probe over scripted answers: per-flavour column names, unknown lag stays unknown,
// multi-source channels, and the polling budget of at most four statements per node.
#include "fake_connection.h"

#include "switchyard/core/probe.h"

#include <gtest/gtest.h>

using namespace switchyard;
using namespace switchyard::core;
using switchyard::testing::FakeConnection;
using switchyard::testing::table;

namespace {

ConnectionOptions opts(Engine e, std::uint16_t port)
{
    ConnectionOptions o;
    o.engine = e;
    o.port = port;
    o.nodeName = "n";
    return o;
}

ServerInfo maria()
{
    ServerInfo i;
    i.flavor = Flavor::MariaDB;
    i.versionString = "10.11.19-MariaDB";
    i.versionNumber = 101119;
    return i;
}

void scriptMariaReplica(FakeConnection &c, std::optional<std::string> lag, std::string sqlRunning = "Yes")
{
    c.answer("SELECT @@global.read_only",
             table({"ro", "v", "id", "pos", "state", "cur", "slave", "dom", "lb", "fmt", "lsu", "ssm", "sss"},
                   {{"1", "10.11.19-MariaDB-log", "2", "0-1-25", "0-1-25", "0-1-25", "0-1-25", "0", "1", "ROW", "1", "0", "0"}}));
    c.answer("SHOW ALL SLAVES STATUS",
             table({"Connection_name", "Master_Host", "Master_Port", "Slave_IO_Running", "Slave_SQL_Running",
                    "Seconds_Behind_Master", "Last_IO_Errno", "Last_IO_Error", "Last_SQL_Errno", "Last_SQL_Error",
                    "Using_Gtid", "Gtid_IO_Pos", "Master_User"},
                   {{"", "127.0.0.1", "23306", "Yes", sqlRunning, lag, "0", "", sqlRunning == "Yes" ? "0" : "1062",
                     sqlRunning == "Yes" ? "" : "Duplicate entry '7'", "Slave_Pos", "0-1-25", "repl"}}));
    c.answer("SHOW SLAVE HOSTS", table({"Server_id", "Host", "Port", "Master_id"}, {}));
    c.answer("SELECT 'dump'", table({"k", "h", "c"}, {{"status", "QUESTIONS", "1200"}, {"status", "COM_COMMIT", "40"}, {"status", "THREADS_CONNECTED", "7"}}));
}

} // namespace

// MariaDB 10.6+ has no Innodb_rows_*: rows come from Rows_read and Handler_write/update/delete,
// still within the fourth statement (issue 5: throughput per node).
TEST(Probe, MariaDbRowsFromRowsReadAndHandlerCounters)
{
    FakeConnection c(opts(Engine::MySQL, 23307), maria());
    scriptMariaReplica(c, std::string("0"));
    c.answer("SELECT 'dump'", table({"k", "h", "c"}, {{"status", "ROWS_READ", "500"}, {"status", "HANDLER_WRITE", "30"},
                                                      {"status", "HANDLER_UPDATE", "20"}, {"status", "HANDLER_DELETE", "10"}}));
    NodeStatus s;
    ASSERT_TRUE(probeNode(c, s).ok());
    EXPECT_LE(c.statements().size(), 4u);
    EXPECT_EQ(s.counters.rowsRead, 500u);
    EXPECT_EQ(s.counters.rowsInserted, 30u);
    EXPECT_EQ(s.counters.rowsUpdated, 20u);
    EXPECT_EQ(s.counters.rowsDeleted, 10u);
}

TEST(Probe, MariaDbReplicaWithinFourStatements)
{
    FakeConnection c(opts(Engine::MySQL, 23307), maria());
    scriptMariaReplica(c, std::string("3"));
    NodeStatus s;
    ASSERT_TRUE(probeNode(c, s).ok());
    EXPECT_LE(c.statements().size(), 4u);
    EXPECT_EQ(s.queriesLastRound, static_cast<int>(c.statements().size()));
    EXPECT_EQ(s.role, NodeRole::Replica);
    EXPECT_EQ(s.readOnly, true);
    ASSERT_EQ(s.channels.size(), 1u);
    EXPECT_EQ(s.channels[0].sourcePort, 23306);
    EXPECT_EQ(s.lagSeconds, 3.0);
    EXPECT_EQ(s.gtidBinlogState, "0-1-25");
    EXPECT_EQ(s.replicationSource, "127.0.0.1:23306");
    EXPECT_EQ(s.reachability, Reachability::Reachable);
    EXPECT_EQ(s.counters.queries, 1200u);
    EXPECT_EQ(s.counters.commits, 40u);
    EXPECT_EQ(s.counters.connections, 7);
    EXPECT_FALSE(s.counters.rowsRead.has_value()) << "a counter the server did not send is unknown";
}

TEST(Probe, NullSecondsBehindIsUnknownNotZero)
{
    FakeConnection c(opts(Engine::MySQL, 23307), maria());
    scriptMariaReplica(c, std::nullopt, "No");
    NodeStatus s;
    ASSERT_TRUE(probeNode(c, s).ok());
    EXPECT_FALSE(s.lagSeconds.has_value());
    EXPECT_EQ(s.sqlThreadRunning, false);
    EXPECT_NE(s.replicationError.find("Duplicate"), std::string::npos);
}

TEST(Probe, MySql8ColumnNames)
{
    const auto r = table({"Channel_Name", "Source_Host", "Source_Port", "Replica_IO_Running", "Replica_SQL_Running",
                          "Seconds_Behind_Source", "Retrieved_Gtid_Set", "Source_User"},
                         {{"", "db1", "3306", "Yes", "Yes", "0", "uuid:1-5", "repl"}});
    const auto channels = parseReplicaStatus(r);
    ASSERT_EQ(channels.size(), 1u);
    EXPECT_EQ(channels[0].sourceHost, "db1");
    EXPECT_EQ(channels[0].sourcePort, 3306);
    EXPECT_EQ(channels[0].ioRunning, true);
    EXPECT_EQ(channels[0].lagSeconds, 0.0);
    EXPECT_EQ(channels[0].gtidIoPos, "uuid:1-5");
    EXPECT_EQ(channels[0].replicationUser, "repl");
}

// An IO thread that cannot reach its source keeps retrying ("Connecting"): not running, but
// not stopped either, so nobody needs to START it.
TEST(Probe, ConnectingIoThreadIsNotRunningButRetrying)
{
    const auto r = table({"Connection_name", "Master_Host", "Master_Port", "Slave_IO_Running", "Slave_SQL_Running",
                          "Seconds_Behind_Master", "Last_IO_Errno", "Last_IO_Error"},
                         {{"", "127.0.0.1", "23306", "Connecting", "Yes", std::nullopt, "2003",
                           "error connecting to master 'repl@127.0.0.1:23306' - retry-time: 1"},
                          {"b", "127.0.0.1", "23309", "No", "Yes", std::nullopt, "0", ""}});
    const auto channels = parseReplicaStatus(r);
    ASSERT_EQ(channels.size(), 2u);
    EXPECT_EQ(channels[0].ioRunning, false);
    EXPECT_TRUE(channels[0].ioConnecting);
    EXPECT_EQ(channels[0].ioErrno, 2003);
    EXPECT_EQ(channels[1].ioRunning, false);
    EXPECT_FALSE(channels[1].ioConnecting) << "a thread stopped by STOP SLAVE is not retrying";
}

TEST(Probe, MultiSourceLagIsTheSlowestAndUnknownWins)
{
    FakeConnection c(opts(Engine::MySQL, 23309), maria());
    scriptMariaReplica(c, std::string("1"));
    c.answer("SHOW ALL SLAVES STATUS",
             table({"Connection_name", "Master_Host", "Master_Port", "Slave_IO_Running", "Slave_SQL_Running",
                    "Seconds_Behind_Master"},
                   {{"east", "10.0.0.1", "3306", "Yes", "Yes", "4"}, {"west", "10.0.0.2", "3306", "Yes", "Yes", "9"}}));
    NodeStatus s;
    ASSERT_TRUE(probeNode(c, s).ok());
    ASSERT_EQ(s.channels.size(), 2u);
    EXPECT_EQ(s.lagSeconds, 9.0);
    c.answer("SHOW ALL SLAVES STATUS",
             table({"Connection_name", "Master_Host", "Master_Port", "Slave_IO_Running", "Slave_SQL_Running",
                    "Seconds_Behind_Master"},
                   {{"east", "10.0.0.1", "3306", "Yes", "Yes", "4"}, {"west", "10.0.0.2", "3306", "No", "Yes", std::nullopt}}));
    ASSERT_TRUE(probeNode(c, s).ok());
    EXPECT_FALSE(s.lagSeconds.has_value());
    EXPECT_EQ(s.ioThreadRunning, false);
}

TEST(Probe, PrimaryListsConnectedReplicas)
{
    FakeConnection c(opts(Engine::MySQL, 23306), maria());
    scriptMariaReplica(c, std::string("0"));
    c.answer("SELECT @@global.read_only",
             table({"ro", "v", "id", "pos", "state", "cur", "slave", "dom", "lb", "fmt", "lsu", "ssm", "sss"},
                   {{"0", "10.11.19-MariaDB-log", "1", "0-1-25", "0-1-25", "0-1-25", "", "0", "1", "ROW", "1", "1", "0"}}));
    c.answer("SHOW ALL SLAVES STATUS", table({"Connection_name"}, {}));
    c.answer("SHOW SLAVE HOSTS", table({"Server_id", "Host", "Port", "Master_id"},
                                       {{"2", "127.0.0.1", "23307", "1"}, {"3", "127.0.0.1", "23308", "1"}}));
    c.answer("SELECT 'dump'", table({"k", "h", "c"}, {{"dump", "127.0.0.1", "Binlog Dump"}, {"status", "QUESTIONS", "99"}}));
    NodeStatus s;
    ASSERT_TRUE(probeNode(c, s).ok());
    EXPECT_EQ(s.role, NodeRole::Primary);
    EXPECT_EQ(s.semiSync, "source");
    ASSERT_EQ(s.downstream.size(), 2u);
    EXPECT_EQ(s.downstream[0].state, "Binlog Dump");
    EXPECT_EQ(s.downstream[1].state, "registered, not connected");
}

TEST(Probe, FailureKeepsTheErrorAndTheNode)
{
    FakeConnection c(opts(Engine::MySQL, 23307), maria());
    scriptMariaReplica(c, std::string("0"));
    c.fail("SHOW ALL SLAVES STATUS", makeError(ErrorCode::QueryFailed, "Access denied; you need REPLICA MONITOR", "n2"));
    NodeStatus s;
    const Status st = probeNode(c, s);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(s.reachability, Reachability::Unreachable);
    ASSERT_TRUE(s.lastError.has_value());
    EXPECT_EQ(s.lastError->node, "n2");
}

TEST(Probe, PostgresStandbyWithinThreeStatements)
{
    ServerInfo pg;
    pg.flavor = Flavor::PostgreSQL;
    pg.versionNumber = 150020;
    FakeConnection c(opts(Engine::PostgreSQL, 25433), pg);
    c.answer("SELECT pg_is_in_recovery()",
             table({"r", "v", "sysid", "tli", "hints", "sums", "cur", "replay", "lag", "st", "sh", "sp", "slot", "paused"},
                   {{"t", "15.20", "7300000000000000001", "1", "on", "off", "50331800", "50331800", "0", "streaming",
                     "127.0.0.1", "25432", "standby1", "f"}}));
    c.answer("SELECT application_name", table({"a"}, {}));
    c.answer("SELECT slot_name", table({"n", "t", "a", "r"}, {}));
    NodeStatus s;
    ASSERT_TRUE(probeNode(c, s).ok());
    EXPECT_LE(c.statements().size(), 3u);
    EXPECT_EQ(s.role, NodeRole::Replica);
    EXPECT_EQ(s.readOnly, true);
    EXPECT_EQ(s.lagSeconds, 0.0);
    EXPECT_EQ(s.replicationSource, "127.0.0.1:25432");
    EXPECT_EQ(s.currentLsn, 50331800u);
    EXPECT_EQ(s.walLogHints, true);
    EXPECT_EQ(s.timeline, 1);
}

TEST(Probe, LeastPrivilegeMonitorStillSeesConnectedReplicas)
{
    FakeConnection c(opts(Engine::MySQL, 23306), maria());
    scriptMariaReplica(c, std::string("0"));
    c.answer("SHOW ALL SLAVES STATUS", table({"Connection_name"}, {}));
    Error denied = makeError(ErrorCode::QueryFailed, "you need the REPLICATION MASTER ADMIN privilege", "n1");
    denied.serverCode = 1227;
    c.fail("SHOW SLAVE HOSTS", denied);
    c.answer("SELECT 'dump'", table({"k", "h", "c"}, {{"dump", "127.0.0.1", "Binlog Dump"}, {"status", "QUESTIONS", "99"}}));
    NodeStatus s;
    ASSERT_TRUE(probeNode(c, s).ok());
    ASSERT_EQ(s.downstream.size(), 1u);
    EXPECT_EQ(s.downstream[0].port, 0);
    EXPECT_EQ(s.role, NodeRole::Primary);
}
