// The PostgreSQL driver over libpq.
//
// How timeouts are honoured: libpq's connect_timeout is whole seconds with a 2 s minimum, and
// it has no read timeout at all. So the driver connects with PQconnectStartParams +
// PQconnectPoll and runs statements with PQsendQuery + PQconsumeInput, waiting on the socket
// itself with poll():
//   connectTimeout: TCP connect, TLS, authentication, in total.
//   writeTimeout:   each wait for the socket to accept more of the statement.
//   readTimeout:    from the moment the statement has been sent until the last result, in total.
// Host names other than IP literals are resolved by libpq with a blocking getaddrinfo() first.
// On a read timeout the connection is closed WITHOUT a cancel request: PQcancel blocks until
// the postmaster answers, and a hung (e.g. SIGSTOPped) postmaster never does.
//
// Canceller::cancel() runs PQcancel (thread-safe by libpq's design) on a helper thread and
// waits for it at most connectTimeout; if the server does not answer in time it reports
// Timeout and leaves the helper thread to finish on its own (it owns what it uses).
//
// Thread contract: as Connection (one thread at a time; Canceller::cancel() from any thread).
#pragma once

#include "switchyard/core/connection.h"

#include "driver_common.h"

#include <memory>
#include <string>
#include <string_view>

typedef struct pg_conn PGconn;

namespace switchyard::core {

namespace pg_detail {

enum class Stage { Connect, Query };

// Maps a server SQLSTATE to our code. `cancelRequested`: Canceller::cancel() was called for
// this statement (57014 then means Cancelled; otherwise a statement_timeout is a Timeout).
ErrorCode mapSqlState(std::string_view sqlState, std::string_view message, Stage stage,
                      bool cancelRequested);

// A failed connection attempt, from libpq's error message. The driver connects with
// PQERRORS_VERBOSE so that the server's SQLSTATE appears in the text ("FATAL:  28P01: ...");
// it is taken out of the message and returned separately, and LOCATION lines are dropped.
struct ConnectFailure
{
    ErrorCode code = ErrorCode::ConnectFailed;
    std::string message;
    std::string sqlState;
};
ConnectFailure classifyConnectFailure(std::string_view verboseMessage);

// From the server_version parameter ("15.20 (Debian 15.20-0+deb12u1)") and PQserverVersion().
ServerInfo parseServerVersion(std::string_view serverVersion, int serverVersionNumber);

const char *sslMode(TlsMode mode);   // libpq's sslmode keyword

// E'...' when the text holds a backslash, so the result means the same whatever
// standard_conforming_strings says. NUL cannot be part of a PostgreSQL string and is dropped.
std::string quoteLiteral(std::string_view text);
std::string quoteIdentifier(std::string_view text);

} // namespace pg_detail

struct PgCancelState;

class PgConnection final : public Connection
{
public:
    explicit PgConnection(ConnectionOptions options);
    ~PgConnection() override;
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    Status connect() override;
    void close() override;
    bool isOpen() const override { return m_conn != nullptr; }

    Result<QueryResult> query(std::string_view sql) override;
    Result<std::uint64_t> execute(std::string_view sql) override;

    const ServerInfo &serverInfo() const override { return m_info; }
    const ConnectionOptions &options() const override { return m_options; }

    std::shared_ptr<Canceller> canceller() override;

    std::string quoteLiteral(std::string_view text) const override;
    std::string quoteIdentifier(std::string_view text) const override;

private:
    Result<QueryResult> run(std::string_view sql, bool keepRows);
    Status flushOutgoing();
    Error makeErr(ErrorCode code, std::string message, std::string sqlState = {}) const;
    // The libpq message of a broken connection, as ConnectionLost; closes the connection.
    Error lostConnection(const std::string &context);

    ConnectionOptions m_options;
    ServerInfo m_info;
    PGconn *m_conn = nullptr;
    std::shared_ptr<PgCancelState> m_cancelState;
};

} // namespace switchyard::core
