// The MySQL/MariaDB driver over the libmysqlclient API (on Debian: MariaDB Connector/C 3.3).
//
// How timeouts are honoured: Connector/C's MYSQL_OPT_*_TIMEOUT take whole seconds (3.3 applies
// a read timeout once per read, no retries; measured: 1 s -> 1001 ms, 2 s -> 2002 ms). We need
// milliseconds, so the driver uses the library's non-blocking API (MYSQL_OPT_NONBLOCK,
// mysql_*_start/_cont) and waits on the socket itself with poll(); when our deadline passes it
// resumes the library with MYSQL_WAIT_TIMEOUT, which fails the call as a timeout. The library's
// own timeouts are set one second above ours as a backstop only.
//   connectTimeout: TCP connect + handshake + TLS + authentication + version query, in total.
//   writeTimeout:   each wait for the socket to accept more of the statement.
//   readTimeout:    from the first wait for the answer until the last row has arrived, in total.
// Host names other than IP literals are resolved with a blocking getaddrinfo() first.
//
// TLS on Connector/C 3.3: MYSQL_OPT_SSL_ENFORCE alone does NOT refuse a server without TLS (it
// only means "use TLS when offered"); only MYSQL_OPT_SSL_VERIFY_SERVER_CERT makes TLS mandatory,
// and it always checks the host name. So:
//   disabled         no TLS options
//   preferred        MYSQL_OPT_SSL_ENFORCE (TLS when offered, no verification)
//   required         as preferred, plus our own check of the server's greeting for the TLS
//                    capability before any credential is sent, plus a check after connecting
//   verify-ca        as required, plus MYSQL_OPT_SSL_CA (OpenSSL then verifies the chain)
//   verify-identity  MYSQL_OPT_SSL_CA + MYSQL_OPT_SSL_VERIFY_SERVER_CERT (chain and host name)
//
// Thread contract: as Connection (one thread at a time; Canceller::cancel() from any thread).
#pragma once

#include "switchyard/core/connection.h"

#include "driver_common.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

typedef struct st_mysql MYSQL;

namespace switchyard::core {

namespace mysql_detail {

// Where a client error happened; the same errno means different things in each.
enum class Stage { Connect, Query };

// Maps a Connector/C / server error number to our code. `deadlineHit`: our own timer fired
// (the library then reports 2013 "Lost connection"); `cancelRequested`: Canceller::cancel() was
// called for this statement (ER_QUERY_INTERRUPTED then means Cancelled).
ErrorCode mapError(unsigned errorNumber, std::string_view message, Stage stage, bool deadlineHit,
                   bool cancelRequested);

// Flavour and version from a version string ("10.11.19-MariaDB-0+deb12u1", "8.0.36",
// "5.5.5-10.11.19-MariaDB" as some proxies still send it).
ServerInfo parseServerVersion(std::string_view version);

std::string quoteLiteral(std::string_view text, bool noBackslashEscapes);
std::string quoteIdentifier(std::string_view text);

// The first packet a MySQL/MariaDB server sends: either a handshake or an error packet.
struct Greeting
{
    bool valid = false;          // parsed as a protocol-10 handshake or an error packet
    bool isError = false;        // an ERR packet (too many connections, host blocked, ...)
    unsigned errorNumber = 0;
    std::string errorMessage;
    std::string serverVersion;
    std::uint32_t capabilities = 0;  // lower and upper capability flags
    bool offersTls() const { return (capabilities & 0x0800u) != 0; }  // CLIENT_SSL
};
// Parses the payload of the greeting packet (without the 4-byte packet header).
Greeting parseGreeting(std::string_view payload);

} // namespace mysql_detail

struct MysqlCancelState;

class MysqlConnection final : public Connection
{
public:
    explicit MysqlConnection(ConnectionOptions options);
    ~MysqlConnection() override;
    MysqlConnection(const MysqlConnection &) = delete;
    MysqlConnection &operator=(const MysqlConnection &) = delete;

    Status connect() override;
    void close() override;
    bool isOpen() const override { return m_mysql != nullptr; }

    Result<QueryResult> query(std::string_view sql) override;
    Result<std::uint64_t> execute(std::string_view sql) override;

    const ServerInfo &serverInfo() const override { return m_info; }
    const ConnectionOptions &options() const override { return m_options; }

    std::shared_ptr<Canceller> canceller() override;

    std::string quoteLiteral(std::string_view text) const override;
    std::string quoteIdentifier(std::string_view text) const override;

    // For the cancel side connection: connects without detecting the server (no version
    // query), and runs a statement with every wait bounded by one deadline.
    Status connectBare();
    Result<std::uint64_t> executeBefore(std::string_view sql, const detail::Deadline &deadline);

private:
    Status open(bool detectServer);
    // Runs one statement. `connectDeadline` set: every wait is bounded by it (the version query
    // during connect); otherwise the write and read timeouts apply.
    Result<QueryResult> run(std::string_view sql, bool keepRows, mysql_detail::Stage stage,
                            const detail::Deadline *connectDeadline);
    Error makeErr(ErrorCode code, std::string message, unsigned serverCode = 0,
                  std::string sqlState = {}) const;

    ConnectionOptions m_options;
    ServerInfo m_info;
    MYSQL *m_mysql = nullptr;
    std::shared_ptr<MysqlCancelState> m_cancelState;
};

} // namespace switchyard::core
