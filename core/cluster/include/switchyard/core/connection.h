// One interface over the MySQL/MariaDB client library (libmysqlclient API) and libpq.
//
// Probes, discovery and operation plans talk to servers only through Connection, so unit tests
// can substitute a fake (tests/unit), while integration tests run the real drivers against the
// sandbox servers.
//
// Thread contract: a Connection is used by one thread at a time (the worker that owns it).
// The only call that may come from another thread is Canceller::cancel(), obtained beforehand
// with Connection::canceller(): it interrupts the statement that runs at that moment
// (PQcancel for PostgreSQL; KILL QUERY over a short-lived side connection for MySQL/MariaDB).
// Every call that does network I/O is bounded by the options' timeouts.
#pragma once

#include "switchyard/result.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::core {

enum class Engine { MySQL, PostgreSQL };       // which client library / wire protocol
enum class Flavor { Unknown, MySQL, MariaDB, PostgreSQL };  // what the server turned out to be

std::string_view engineName(Engine engine);    // "mysql", "postgres"
std::optional<Engine> parseEngine(std::string_view text); // accepts mysql, mariadb, postgres, postgresql, pg
std::string_view flavorName(Flavor flavor);    // "mysql", "mariadb", "postgres", "unknown"

enum class TlsMode {
    Disabled,        // never use TLS
    Preferred,       // use TLS when the server offers it, without verification
    Required,        // TLS or fail; no certificate verification
    VerifyCa,        // TLS, and the server certificate must chain to caFile
    VerifyIdentity,  // VerifyCa, and the certificate must name the host
};
std::string_view tlsModeName(TlsMode mode);    // "disabled", "preferred", "required", "verify-ca", "verify-identity"
std::optional<TlsMode> parseTlsMode(std::string_view text);

struct TlsOptions
{
    TlsMode mode = TlsMode::Preferred;
    std::string caFile;      // PEM bundle; required by VerifyCa and VerifyIdentity
    std::string certFile;    // optional client certificate
    std::string keyFile;     // optional client key
};

struct ConnectionOptions
{
    Engine engine = Engine::MySQL;
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;           // 0: the engine's default (3306 / 5432)
    std::string user;
    std::string password;
    std::string database;             // empty: none (MySQL) / "postgres" (PostgreSQL)
    // Timeouts are honoured to the millisecond; zero or negative means no limit.
    std::chrono::milliseconds connectTimeout{5000}; // TCP connect, TLS, authentication and the
                                                    // server detection, in total
    std::chrono::milliseconds readTimeout{10000};   // per statement: waiting for the answer, from
                                                    // the first wait until the last row, in total
    std::chrono::milliseconds writeTimeout{10000};  // sending the statement: each wait for the socket
    TlsOptions tls;
    std::string nodeName;             // for errors; defaults to "host:port"

    std::string endpoint() const;     // "host:port", with the default port filled in
    std::string label() const;        // nodeName if set, else endpoint()
};

struct ServerInfo
{
    Flavor flavor = Flavor::Unknown;
    std::string versionString;        // as the server reports it, e.g. "10.11.19-MariaDB-0+deb12u1-log"
    int major = 0, minor = 0, patch = 0;
    // Comparable number: MySQL/MariaDB style major*10000 + minor*100 + patch (10.11.19 -> 101119);
    // PostgreSQL server_version_num style (15.20 -> 150020).
    int versionNumber = 0;
    bool tls = false;                 // the session is encrypted
};

// A result set. Values are text as the server sent them; std::nullopt is SQL NULL.
struct QueryResult
{
    std::vector<std::string> columns;
    std::vector<std::vector<std::optional<std::string>>> rows;
    std::uint64_t affectedRows = 0;

    int columnIndex(std::string_view name) const;  // case-insensitive; -1 if absent
    // The value of `column` in row `row`; nullopt for NULL, a missing column or row.
    std::optional<std::string> value(std::size_t row, std::string_view column) const;
};

class Canceller
{
public:
    virtual ~Canceller() = default;
    // Interrupts the statement the connection runs now; returns once the request was sent
    // (bounded by the connect timeout). Safe from any thread, also when nothing runs.
    virtual Status cancel() = 0;
};

class Connection
{
public:
    virtual ~Connection() = default;

    virtual Status connect() = 0;        // (re)opens; bounded by connectTimeout
    virtual void close() = 0;
    virtual bool isOpen() const = 0;

    // Runs one statement and returns its rows (empty for statements without a result set).
    // When the statement yields several results (CALL; several statements on PostgreSQL), the
    // last result set with columns is returned and affectedRows adds up over all of them.
    // A timeout or a lost connection closes the connection (isOpen() turns false): its state
    // is unknown, so the caller reconnects. A cancelled statement fails with Cancelled.
    virtual Result<QueryResult> query(std::string_view sql) = 0;
    // Runs one statement, discarding rows; returns affected rows.
    virtual Result<std::uint64_t> execute(std::string_view sql) = 0;

    // Known after a successful connect().
    virtual const ServerInfo &serverInfo() const = 0;
    virtual const ConnectionOptions &options() const = 0;

    // A handle another thread can use to interrupt the running statement; valid while
    // this Connection lives. nullptr when not connected.
    virtual std::shared_ptr<Canceller> canceller() = 0;

    // Quotes a string literal / identifier for this engine (no server round trip).
    virtual std::string quoteLiteral(std::string_view text) const = 0;
    virtual std::string quoteIdentifier(std::string_view text) const = 0;
};

// Creates the driver for options.engine. Does not connect.
std::unique_ptr<Connection> createConnection(ConnectionOptions options);

} // namespace switchyard::core
