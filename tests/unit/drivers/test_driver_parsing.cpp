// The drivers' pure parts: names, options, versions, quoting, error mapping. No network.
#include "switchyard/core/connection.h"

#include "driver_common.h"
#include "mysql_connection.h"
#include "pg_connection.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

using namespace switchyard;
using namespace switchyard::core;
using namespace std::chrono_literals;

TEST(Names, EngineRoundTripsAndAliases)
{
    EXPECT_EQ(engineName(Engine::MySQL), "mysql");
    EXPECT_EQ(engineName(Engine::PostgreSQL), "postgres");
    for (const char *text : {"mysql", "MySQL", "mariadb", "MariaDB"})
        EXPECT_EQ(parseEngine(text), Engine::MySQL) << text;
    for (const char *text : {"postgres", "postgresql", "PostgreSQL", "pg", " pg "})
        EXPECT_EQ(parseEngine(text), Engine::PostgreSQL) << text;
    EXPECT_FALSE(parseEngine("oracle").has_value());
    EXPECT_FALSE(parseEngine("").has_value());
    EXPECT_EQ(parseEngine(engineName(Engine::PostgreSQL)), Engine::PostgreSQL);
}

TEST(Names, Flavor)
{
    EXPECT_EQ(flavorName(Flavor::MariaDB), "mariadb");
    EXPECT_EQ(flavorName(Flavor::MySQL), "mysql");
    EXPECT_EQ(flavorName(Flavor::PostgreSQL), "postgres");
    EXPECT_EQ(flavorName(Flavor::Unknown), "unknown");
}

TEST(Names, TlsModeRoundTripsAndForeignSpellings)
{
    for (TlsMode mode : {TlsMode::Disabled, TlsMode::Preferred, TlsMode::Required, TlsMode::VerifyCa,
                         TlsMode::VerifyIdentity})
        EXPECT_EQ(parseTlsMode(tlsModeName(mode)), mode);
    // MySQL's --ssl-mode and libpq's sslmode spellings.
    EXPECT_EQ(parseTlsMode("VERIFY_IDENTITY"), TlsMode::VerifyIdentity);
    EXPECT_EQ(parseTlsMode("verify-full"), TlsMode::VerifyIdentity);
    EXPECT_EQ(parseTlsMode("VERIFY_CA"), TlsMode::VerifyCa);
    EXPECT_EQ(parseTlsMode("require"), TlsMode::Required);
    EXPECT_EQ(parseTlsMode("disable"), TlsMode::Disabled);
    EXPECT_EQ(parseTlsMode("prefer"), TlsMode::Preferred);
    EXPECT_FALSE(parseTlsMode("sometimes").has_value());
}

TEST(Options, EndpointFillsDefaultsAndLabelPrefersNodeName)
{
    ConnectionOptions o;
    o.engine = Engine::MySQL;
    EXPECT_EQ(o.endpoint(), "127.0.0.1:3306");
    o.engine = Engine::PostgreSQL;
    EXPECT_EQ(o.endpoint(), "127.0.0.1:5432");
    o.port = 25433;
    EXPECT_EQ(o.endpoint(), "127.0.0.1:25433");
    EXPECT_EQ(o.label(), "127.0.0.1:25433");
    o.host = "::1";
    EXPECT_EQ(o.endpoint(), "[::1]:25433");
    o.host.clear();
    EXPECT_EQ(o.endpoint(), "127.0.0.1:25433");
    o.nodeName = "pg2";
    EXPECT_EQ(o.label(), "pg2");
}

TEST(QueryResultTest, ColumnsAreCaseInsensitiveAndNullIsNullopt)
{
    QueryResult r;
    r.columns = {"Slave_IO_Running", "Seconds_Behind_Master"};
    r.rows.push_back({std::string("Yes"), std::nullopt});
    EXPECT_EQ(r.columnIndex("slave_io_running"), 0);
    EXPECT_EQ(r.columnIndex("SECONDS_BEHIND_MASTER"), 1);
    EXPECT_EQ(r.columnIndex("Replica_IO_Running"), -1);
    EXPECT_EQ(r.value(0, "slave_io_running"), std::optional<std::string>("Yes"));
    EXPECT_FALSE(r.value(0, "Seconds_Behind_Master").has_value());
    EXPECT_FALSE(r.value(1, "Slave_IO_Running").has_value());
    EXPECT_FALSE(r.value(0, "missing").has_value());
}

TEST(Version, PrefixParsing)
{
    auto v = detail::parseVersionPrefix("10.11.19-MariaDB-0+deb12u1-log");
    EXPECT_TRUE(v.ok);
    EXPECT_EQ(v.major, 10);
    EXPECT_EQ(v.minor, 11);
    EXPECT_EQ(v.patch, 19);
    v = detail::parseVersionPrefix("15.20 (Debian 15.20-0+deb12u1)");
    EXPECT_TRUE(v.ok);
    EXPECT_EQ(v.major, 15);
    EXPECT_EQ(v.minor, 20);
    EXPECT_EQ(v.patch, 0);
    EXPECT_FALSE(detail::parseVersionPrefix("MariaDB").ok);
    EXPECT_FALSE(detail::parseVersionPrefix("15").ok);
    EXPECT_FALSE(detail::parseVersionPrefix("").ok);
}

TEST(Version, MysqlFlavors)
{
    ServerInfo i = mysql_detail::parseServerVersion("10.11.19-MariaDB-0+deb12u1");
    EXPECT_EQ(i.flavor, Flavor::MariaDB);
    EXPECT_EQ(i.versionNumber, 101119);
    EXPECT_EQ(i.versionString, "10.11.19-MariaDB-0+deb12u1");

    i = mysql_detail::parseServerVersion("5.5.5-10.6.16-MariaDB-log");
    EXPECT_EQ(i.flavor, Flavor::MariaDB);
    EXPECT_EQ(i.major, 10);
    EXPECT_EQ(i.minor, 6);
    EXPECT_EQ(i.patch, 16);

    i = mysql_detail::parseServerVersion("8.0.36");
    EXPECT_EQ(i.flavor, Flavor::MySQL);
    EXPECT_EQ(i.versionNumber, 80036);

    i = mysql_detail::parseServerVersion("8.0.35-27");   // Percona Server
    EXPECT_EQ(i.flavor, Flavor::MySQL);
    EXPECT_EQ(i.versionNumber, 80035);

    EXPECT_EQ(mysql_detail::parseServerVersion("").flavor, Flavor::Unknown);
}

TEST(Version, Postgres)
{
    ServerInfo i = pg_detail::parseServerVersion("15.20 (Debian 15.20-0+deb12u1)", 150020);
    EXPECT_EQ(i.flavor, Flavor::PostgreSQL);
    EXPECT_EQ(i.major, 15);
    EXPECT_EQ(i.minor, 20);
    EXPECT_EQ(i.versionNumber, 150020);
    EXPECT_EQ(i.versionString, "15.20 (Debian 15.20-0+deb12u1)");

    i = pg_detail::parseServerVersion("9.6.24", 90624);
    EXPECT_EQ(i.major, 9);
    EXPECT_EQ(i.minor, 6);
    EXPECT_EQ(i.patch, 24);

    i = pg_detail::parseServerVersion("16.2", 0);   // no number: from the text
    EXPECT_EQ(i.versionNumber, 160002);
}

TEST(Quoting, Mysql)
{
    EXPECT_EQ(mysql_detail::quoteLiteral("it's", false), "'it''s'");
    EXPECT_EQ(mysql_detail::quoteLiteral("a\\b", false), "'a\\\\b'");
    EXPECT_EQ(mysql_detail::quoteLiteral(std::string_view("a\0b\n", 4), false), "'a\\0b\\n'");
    // NO_BACKSLASH_ESCAPES: a backslash is an ordinary character.
    EXPECT_EQ(mysql_detail::quoteLiteral("a\\b'", true), "'a\\b'''");
    EXPECT_EQ(mysql_detail::quoteIdentifier("weird`name"), "`weird``name`");

    // Not connected: MySQL's default sql_mode (backslash escapes on).
    ConnectionOptions o;
    o.engine = Engine::MySQL;
    auto c = createConnection(o);
    EXPECT_EQ(c->quoteLiteral("x\\"), "'x\\\\'");
    EXPECT_EQ(c->quoteIdentifier("t"), "`t`");
}

TEST(Quoting, Postgres)
{
    EXPECT_EQ(pg_detail::quoteLiteral("it's"), "'it''s'");
    EXPECT_EQ(pg_detail::quoteLiteral("a\\b"), "E'a\\\\b'");
    EXPECT_EQ(pg_detail::quoteLiteral(std::string_view("a\0b", 3)), "'ab'");
    EXPECT_EQ(pg_detail::quoteIdentifier("My \"Table\""), "\"My \"\"Table\"\"\"");

    ConnectionOptions o;
    o.engine = Engine::PostgreSQL;
    auto c = createConnection(o);
    EXPECT_EQ(c->quoteLiteral("o'k"), "'o''k'");
    EXPECT_EQ(c->quoteIdentifier("t"), "\"t\"");
}

TEST(MysqlErrors, Mapping)
{
    using mysql_detail::mapError;
    using mysql_detail::Stage;
    EXPECT_EQ(mapError(1045, "Access denied for user 'a'@'127.0.0.1'", Stage::Connect, false, false),
              ErrorCode::AuthFailed);
    EXPECT_EQ(mapError(1045, "Access denied", Stage::Query, false, false), ErrorCode::QueryFailed);
    EXPECT_EQ(mapError(2002, "Can't connect to server on '127.0.0.1' (111)", Stage::Connect, false, false),
              ErrorCode::ConnectFailed);
    EXPECT_EQ(mapError(2003, "Can't connect", Stage::Connect, false, false), ErrorCode::ConnectFailed);
    EXPECT_EQ(mapError(2026, "TLS/SSL error: SSL is required, but the server does not support it",
                       Stage::Connect, false, false),
              ErrorCode::TlsFailed);
    // Our own timer fired; the library says "Lost connection".
    EXPECT_EQ(mapError(2013, "Lost connection to server during query", Stage::Query, true, false),
              ErrorCode::Timeout);
    EXPECT_EQ(mapError(2013, "Lost connection to server during query", Stage::Query, false, false),
              ErrorCode::ConnectionLost);
    EXPECT_EQ(mapError(2006, "Server has gone away", Stage::Query, false, false), ErrorCode::ConnectionLost);
    EXPECT_EQ(mapError(2013,
                       "Lost connection to server at 'handshake: reading initial communication packet', "
                       "system error: 110",
                       Stage::Connect, false, false),
              ErrorCode::Timeout);
    EXPECT_EQ(mapError(2013, "Lost connection at handshake", Stage::Connect, false, false),
              ErrorCode::ConnectFailed);
    EXPECT_EQ(mapError(1317, "Query execution was interrupted", Stage::Query, false, true), ErrorCode::Cancelled);
    EXPECT_EQ(mapError(1317, "Query execution was interrupted", Stage::Query, false, false),
              ErrorCode::QueryFailed);
    EXPECT_EQ(mapError(1969, "max_statement_time exceeded", Stage::Query, false, false), ErrorCode::Timeout);
    EXPECT_EQ(mapError(1927, "Connection was killed", Stage::Query, false, false), ErrorCode::ConnectionLost);
    EXPECT_EQ(mapError(1064, "You have an error in your SQL syntax", Stage::Query, false, false),
              ErrorCode::QueryFailed);
    EXPECT_EQ(mapError(1040, "Too many connections", Stage::Connect, false, false), ErrorCode::ConnectFailed);
}

namespace {

std::string handshakePayload(std::uint16_t lowerCapabilities)
{
    std::string p;
    p += '\x0a';
    p += "10.11.19-MariaDB";
    p += '\0';
    p += std::string("\x01\x00\x00\x00", 4);     // thread id
    p += "abcdefgh";                             // auth data part 1
    p += '\0';                                   // filler
    p += static_cast<char>(lowerCapabilities & 0xff);
    p += static_cast<char>(lowerCapabilities >> 8);
    p += '\x2d';                                 // charset
    p += std::string("\x02\x00", 2);             // status
    p += std::string("\xff\x81", 2);             // upper capabilities
    return p;
}

} // namespace

TEST(MysqlGreeting, SeesTheTlsCapability)
{
    auto g = mysql_detail::parseGreeting(handshakePayload(0xf7fe));   // everything but CLIENT_SSL
    ASSERT_TRUE(g.valid);
    EXPECT_FALSE(g.isError);
    EXPECT_EQ(g.serverVersion, "10.11.19-MariaDB");
    EXPECT_FALSE(g.offersTls());
    g = mysql_detail::parseGreeting(handshakePayload(0xfffe));
    ASSERT_TRUE(g.valid);
    EXPECT_TRUE(g.offersTls());
    EXPECT_EQ(g.capabilities >> 16, 0x81ffu);
}

TEST(MysqlGreeting, ErrorPacketsAndGarbage)
{
    const std::string err = std::string("\xff\x10\x04", 3) + "#08004Too many connections";
    auto g = mysql_detail::parseGreeting(err);
    ASSERT_TRUE(g.valid);
    EXPECT_TRUE(g.isError);
    EXPECT_EQ(g.errorNumber, 1040u);
    EXPECT_EQ(g.errorMessage, "Too many connections");
    EXPECT_FALSE(mysql_detail::parseGreeting("HTTP/1.1 400 Bad Request").valid);
    EXPECT_FALSE(mysql_detail::parseGreeting("").valid);
    EXPECT_FALSE(mysql_detail::parseGreeting(std::string("\x0a" "10.11", 6)).valid);
}

TEST(PgErrors, SqlStateMapping)
{
    using pg_detail::mapSqlState;
    using pg_detail::Stage;
    EXPECT_EQ(mapSqlState("57014", "canceling statement due to user request", Stage::Query, true),
              ErrorCode::Cancelled);
    EXPECT_EQ(mapSqlState("57014", "canceling statement due to statement timeout", Stage::Query, false),
              ErrorCode::Timeout);
    EXPECT_EQ(mapSqlState("28P01", "password authentication failed", Stage::Connect, false),
              ErrorCode::AuthFailed);
    EXPECT_EQ(mapSqlState("28000", "no pg_hba.conf entry", Stage::Connect, false), ErrorCode::AuthFailed);
    EXPECT_EQ(mapSqlState("08006", "connection failure", Stage::Query, false), ErrorCode::ConnectionLost);
    EXPECT_EQ(mapSqlState("57P01", "terminating connection due to administrator command", Stage::Query, false),
              ErrorCode::ConnectionLost);
    EXPECT_EQ(mapSqlState("57P03", "the database system is starting up", Stage::Connect, false),
              ErrorCode::ConnectFailed);
    EXPECT_EQ(mapSqlState("42P01", "relation does not exist", Stage::Query, false), ErrorCode::QueryFailed);
    EXPECT_EQ(mapSqlState("25006", "cannot execute INSERT in a read-only transaction", Stage::Query, false),
              ErrorCode::QueryFailed);
}

TEST(PgErrors, ConnectFailures)
{
    auto f = pg_detail::classifyConnectFailure(
        "connection to server at \"127.0.0.1\", port 35432 failed: FATAL:  28P01: password authentication "
        "failed for user \"postgres\"\nLOCATION:  auth_failed, auth.c:334\n");
    EXPECT_EQ(f.code, ErrorCode::AuthFailed);
    EXPECT_EQ(f.sqlState, "28P01");
    EXPECT_EQ(f.message, "connection to server at \"127.0.0.1\", port 35432 failed: FATAL:  password "
                         "authentication failed for user \"postgres\"");

    f = pg_detail::classifyConnectFailure("connection to server at \"127.0.0.1\", port 35432 failed: server "
                                          "does not support SSL, but SSL was required\n");
    EXPECT_EQ(f.code, ErrorCode::TlsFailed);
    EXPECT_TRUE(f.sqlState.empty());

    f = pg_detail::classifyConnectFailure("connection to server at \"127.0.0.1\", port 35499 failed: Connection "
                                          "refused\n\tIs the server running on that host and accepting TCP/IP "
                                          "connections?\n");
    EXPECT_EQ(f.code, ErrorCode::ConnectFailed);
    EXPECT_NE(f.message.find("Connection refused; Is the server running"), std::string::npos);

    f = pg_detail::classifyConnectFailure(
        "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  3D000: database \"nope\" does not "
        "exist\nLOCATION:  InitPostgres, postinit.c:890\n");
    EXPECT_EQ(f.code, ErrorCode::ConnectFailed);
    EXPECT_EQ(f.sqlState, "3D000");

    EXPECT_EQ(pg_detail::classifyConnectFailure("fe_sendauth: no password supplied\n").code, ErrorCode::AuthFailed);
    EXPECT_EQ(pg_detail::classifyConnectFailure("server certificate for \"x\" does not match host name \"y\"").code,
              ErrorCode::TlsFailed);
}

TEST(PgTls, SslModes)
{
    EXPECT_STREQ(pg_detail::sslMode(TlsMode::Disabled), "disable");
    EXPECT_STREQ(pg_detail::sslMode(TlsMode::Preferred), "prefer");
    EXPECT_STREQ(pg_detail::sslMode(TlsMode::Required), "require");
    EXPECT_STREQ(pg_detail::sslMode(TlsMode::VerifyCa), "verify-ca");
    EXPECT_STREQ(pg_detail::sslMode(TlsMode::VerifyIdentity), "verify-full");
}

TEST(DeadlineTest, NeverAndAfter)
{
    EXPECT_TRUE(detail::Deadline::never().isNever());
    EXPECT_EQ(detail::Deadline::never().remainingMs(), -1);
    EXPECT_TRUE(detail::Deadline::after(0ms).isNever());   // zero means no limit
    const auto d = detail::Deadline::after(60ms);
    EXPECT_FALSE(d.expired());
    EXPECT_GT(d.remainingMs(), 0);
    EXPECT_LE(d.remainingMs(), 60);
    std::this_thread::sleep_for(70ms);
    EXPECT_TRUE(d.expired());
    EXPECT_EQ(d.remainingMs(), 0);
}

TEST(StatementTrackerTest, ACancelCountsForItsStatementAndALateOneForTheNext)
{
    detail::StatementTracker t;
    EXPECT_FALSE(t.markCancel());   // nothing runs
    const auto first = t.begin();
    EXPECT_FALSE(t.cancelRequested(first));
    EXPECT_TRUE(t.markCancel());
    EXPECT_TRUE(t.cancelRequested(first));
    t.end(first);
    const auto second = t.begin();
    EXPECT_TRUE(t.cancelRequested(second));   // a KILL QUERY that landed late
    t.end(second);
    const auto third = t.begin();
    EXPECT_FALSE(t.cancelRequested(third));
    t.end(third);
}

TEST(NotConnected, CallsFailCleanlyAndNameTheNode)
{
    for (Engine engine : {Engine::MySQL, Engine::PostgreSQL}) {
        ConnectionOptions o;
        o.engine = engine;
        o.port = 1;
        o.nodeName = "n9";
        auto c = createConnection(o);
        EXPECT_FALSE(c->isOpen());
        EXPECT_EQ(c->canceller(), nullptr);
        auto r = c->query("SELECT 1");
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, ErrorCode::NotConnected);
        EXPECT_EQ(r.error().node, "n9");
        auto x = c->execute("SELECT 1");
        ASSERT_FALSE(x.ok());
        EXPECT_EQ(x.error().code, ErrorCode::NotConnected);
        c->close();   // harmless when closed
    }
}

TEST(TlsOptions, VerifyModesNeedACaFile)
{
    for (Engine engine : {Engine::MySQL, Engine::PostgreSQL}) {
        for (TlsMode mode : {TlsMode::VerifyCa, TlsMode::VerifyIdentity}) {
            ConnectionOptions o;
            o.engine = engine;
            o.port = 1;
            o.tls.mode = mode;
            auto c = createConnection(o);
            Status s = c->connect();
            ASSERT_FALSE(s.ok());
            EXPECT_EQ(s.error().code, ErrorCode::InvalidArgument);
            EXPECT_NE(s.error().message.find("CA file"), std::string::npos);
        }
    }
}
