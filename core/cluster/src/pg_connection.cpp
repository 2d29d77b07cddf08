#include "pg_connection.h"

#include <libpq-fe.h>

#include <poll.h>

#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace switchyard::core {

using detail::Deadline;
using detail::WaitResult;

// What a connection shares with its cancellers. The PGcancel object is shared so that a
// cancel still in flight on a helper thread keeps it alive after the connection has closed.
struct PgCancelState
{
    std::mutex mutex;
    std::shared_ptr<PGcancel> cancel;   // null when not connected
    detail::StatementTracker statements;
};

namespace pg_detail {

namespace {

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

bool isSqlStateChar(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

} // namespace

ErrorCode mapSqlState(std::string_view sqlState, std::string_view message, Stage stage,
                      bool cancelRequested)
{
    const bool connecting = stage == Stage::Connect;
    if (sqlState == "57014") {   // query_canceled
        if (cancelRequested)
            return ErrorCode::Cancelled;
        if (detail::containsIgnoreCase(message, "statement timeout"))
            return ErrorCode::Timeout;
        return ErrorCode::Cancelled;   // pg_cancel_backend() from elsewhere
    }
    if (startsWith(sqlState, "28"))   // invalid_authorization_specification, invalid_password
        return connecting ? ErrorCode::AuthFailed : ErrorCode::QueryFailed;
    if (startsWith(sqlState, "08"))   // connection_exception
        return connecting ? ErrorCode::ConnectFailed : ErrorCode::ConnectionLost;
    // admin_shutdown, crash_shutdown, idle_session_timeout, idle_in_transaction_session_timeout:
    // the server ends the session.
    if (sqlState == "57P01" || sqlState == "57P02" || sqlState == "57P05" || sqlState == "25P03")
        return connecting ? ErrorCode::ConnectFailed : ErrorCode::ConnectionLost;
    if (sqlState == "57P03")   // cannot_connect_now (starting up, shutting down, recovering)
        return ErrorCode::ConnectFailed;
    return connecting ? ErrorCode::ConnectFailed : ErrorCode::QueryFailed;
}

ConnectFailure classifyConnectFailure(std::string_view text)
{
    ConnectFailure failure;
    // Keep the lines that say something; LOCATION is the server's source file.
    std::string message;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos)
            nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        while (!line.empty() && (line.front() == '\t' || line.front() == ' '))
            line.remove_prefix(1);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.remove_suffix(1);
        if (line.empty() || startsWith(line, "LOCATION:"))
            continue;
        if (!message.empty())
            message += "; ";
        message += line;
    }
    // "FATAL:  28P01: password ..." -> SQLSTATE 28P01, "FATAL:  password ...".
    for (std::string_view severity : {"FATAL:  ", "ERROR:  ", "PANIC:  "}) {
        const std::size_t at = message.find(severity);
        if (at == std::string::npos)
            continue;
        const std::size_t code = at + severity.size();
        if (code + 7 <= message.size() && message[code + 5] == ':' && message[code + 6] == ' ') {
            bool ok = true;
            for (std::size_t i = 0; i < 5; ++i)
                ok = ok && isSqlStateChar(message[code + i]);
            if (ok) {
                failure.sqlState = message.substr(code, 5);
                message.erase(code, 7);
            }
        }
        break;
    }
    failure.message = message.empty() ? std::string("connection failed") : message;

    if (!failure.sqlState.empty()) {
        failure.code = mapSqlState(failure.sqlState, failure.message, Stage::Connect, false);
        return failure;
    }
    const std::string_view m = failure.message;
    if (detail::containsIgnoreCase(m, "password authentication failed")
        || detail::containsIgnoreCase(m, "no password supplied")
        || detail::containsIgnoreCase(m, "no pg_hba.conf entry")
        || detail::containsIgnoreCase(m, "SCRAM"))
        failure.code = ErrorCode::AuthFailed;
    else if (detail::containsIgnoreCase(m, "SSL") || detail::containsIgnoreCase(m, "certificate"))
        failure.code = ErrorCode::TlsFailed;
    else if (detail::containsIgnoreCase(m, "timeout expired") || detail::containsIgnoreCase(m, "timed out"))
        failure.code = ErrorCode::Timeout;
    else
        failure.code = ErrorCode::ConnectFailed;
    return failure;
}

ServerInfo parseServerVersion(std::string_view serverVersion, int number)
{
    ServerInfo info;
    info.flavor = Flavor::PostgreSQL;
    info.versionString = std::string(serverVersion);
    if (number > 0) {
        info.versionNumber = number;
        if (number >= 100000) {   // 10 and later: major * 10000 + minor
            info.major = number / 10000;
            info.minor = number % 10000;
        } else {                  // 9.6.24 -> 90624
            info.major = number / 10000;
            info.minor = (number / 100) % 100;
            info.patch = number % 100;
        }
        return info;
    }
    const detail::VersionParts parts = detail::parseVersionPrefix(serverVersion);
    if (parts.ok) {
        info.major = parts.major;
        info.minor = parts.minor;
        info.patch = parts.patch;
        info.versionNumber = parts.major >= 10 ? parts.major * 10000 + parts.minor
                                               : parts.major * 10000 + parts.minor * 100 + parts.patch;
    }
    return info;
}

const char *sslMode(TlsMode mode)
{
    switch (mode) {
    case TlsMode::Disabled: return "disable";
    case TlsMode::Preferred: return "prefer";
    case TlsMode::Required: return "require";
    case TlsMode::VerifyCa: return "verify-ca";
    case TlsMode::VerifyIdentity: return "verify-full";
    }
    return "prefer";
}

std::string quoteLiteral(std::string_view text)
{
    const bool backslash = text.find('\\') != std::string_view::npos;
    std::string out;
    out.reserve(text.size() + 3);
    if (backslash)
        out += 'E';
    out += '\'';
    for (char c : text) {
        if (c == '\0')
            continue;
        if (c == '\'')
            out += "''";
        else if (c == '\\')
            out += "\\\\";
        else
            out += c;
    }
    out += '\'';
    return out;
}

std::string quoteIdentifier(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (char c : text) {
        if (c == '\0')
            continue;
        if (c == '"')
            out += "\"\"";
        else
            out += c;
    }
    out += '"';
    return out;
}

} // namespace pg_detail

namespace {

using pg_detail::Stage;

struct ResultDeleter
{
    void operator()(PGresult *r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

std::string trimmed(const char *text)
{
    std::string s = text ? text : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    // libpq's multi-line messages read better on one line in logs and the CLI.
    for (char &c : s) {
        if (c == '\n' || c == '\t')
            c = ' ';
    }
    return s;
}

class PgCanceller final : public Canceller
{
public:
    PgCanceller(std::shared_ptr<PgCancelState> state, std::chrono::milliseconds timeout, std::string node)
        : m_state(std::move(state)), m_timeout(timeout), m_node(std::move(node))
    {
    }

    Status cancel() override
    {
        std::shared_ptr<PGcancel> handle;
        {
            std::lock_guard lock(m_state->mutex);
            if (!m_state->cancel || !m_state->statements.markCancel())
                return okStatus();   // not connected, or nothing runs
            handle = m_state->cancel;
        }
        // PQcancel opens a connection to the postmaster and waits until it hangs up, with no
        // timeout of its own; a hung postmaster would block us forever. Run it on a helper
        // thread that owns everything it touches, and wait for it at most the connect timeout.
        struct Outcome
        {
            std::mutex mutex;
            std::condition_variable done;
            bool finished = false;
            bool sent = false;
            std::string error;
        };
        auto outcome = std::make_shared<Outcome>();
        try {
            std::thread([handle, outcome] {
                char error[256] = {};
                const int rc = PQcancel(handle.get(), error, sizeof error);
                std::lock_guard lock(outcome->mutex);
                outcome->finished = true;
                outcome->sent = rc == 1;
                outcome->error = error;
                outcome->done.notify_all();
            }).detach();
        } catch (const std::system_error &e) {
            return makeError(ErrorCode::Internal, std::string("cannot start the cancel thread: ") + e.what(),
                             m_node);
        }
        std::unique_lock lock(outcome->mutex);
        const auto finished = [&outcome] { return outcome->finished; };
        if (m_timeout.count() > 0) {
            if (!outcome->done.wait_for(lock, m_timeout, finished))
                return makeError(ErrorCode::Timeout,
                                 "the cancel request got no answer within " + detail::formatMs(m_timeout)
                                     + "; the server may be hung",
                                 m_node);
        } else {
            outcome->done.wait(lock, finished);
        }
        if (!outcome->sent)
            return makeError(ErrorCode::ConnectFailed, "cancel: " + trimmed(outcome->error.c_str()), m_node);
        return okStatus();
    }

private:
    std::shared_ptr<PgCancelState> m_state;
    std::chrono::milliseconds m_timeout;
    std::string m_node;
};

} // namespace

PgConnection::PgConnection(ConnectionOptions options)
    : m_options(std::move(options)), m_cancelState(std::make_shared<PgCancelState>())
{
}

PgConnection::~PgConnection()
{
    close();
}

Error PgConnection::makeErr(ErrorCode code, std::string message, std::string sqlState) const
{
    Error e = makeError(code, std::move(message), m_options.label());
    e.sqlState = std::move(sqlState);
    return e;
}

Status PgConnection::connect()
{
    close();
    m_info = ServerInfo{};
    const TlsOptions &tls = m_options.tls;
    const bool verify = tls.mode == TlsMode::VerifyCa || tls.mode == TlsMode::VerifyIdentity;
    if (verify && tls.caFile.empty())
        return makeErr(ErrorCode::InvalidArgument,
                       "TLS mode " + std::string(tlsModeName(tls.mode)) + " needs a CA file");

    const Deadline deadline = Deadline::after(m_options.connectTimeout);
    const std::string host = m_options.host.empty() ? std::string("127.0.0.1") : m_options.host;
    const std::string port = std::to_string(m_options.port != 0 ? m_options.port : 5432);
    const std::string database = m_options.database.empty() ? std::string("postgres") : m_options.database;

    std::vector<const char *> keys;
    std::vector<const char *> values;
    const auto add = [&](const char *key, const std::string &value) {
        keys.push_back(key);
        values.push_back(value.c_str());
    };
    add("host", host);
    add("port", port);
    if (!m_options.user.empty())
        add("user", m_options.user);
    if (!m_options.password.empty())
        add("password", m_options.password);
    add("dbname", database);
    static const std::string applicationName = "switchyard";
    static const std::string utf8 = "UTF8";
    static const std::string disable = "disable";
    add("application_name", applicationName);
    add("client_encoding", utf8);
    // Debian's libpq has GSSAPI: with a Kerberos cache around it would try GSS encryption first.
    add("gssencmode", disable);
    const std::string sslmode = pg_detail::sslMode(tls.mode);
    add("sslmode", sslmode);
    if (verify)
        add("sslrootcert", tls.caFile);
    if (!tls.certFile.empty())
        add("sslcert", tls.certFile);
    if (!tls.keyFile.empty())
        add("sslkey", tls.keyFile);
    keys.push_back(nullptr);
    values.push_back(nullptr);

    PGconn *conn = PQconnectStartParams(keys.data(), values.data(), 0);
    if (!conn)
        return makeErr(ErrorCode::Internal, "PQconnectStartParams failed (out of memory)");
    const auto fail = [&](ErrorCode code, std::string message, std::string sqlState = {}) {
        PQfinish(conn);
        return Status(makeErr(code, std::move(message), std::move(sqlState)));
    };
    const auto failFromLibpq = [&]() {
        pg_detail::ConnectFailure f = pg_detail::classifyConnectFailure(PQerrorMessage(conn));
        if (f.code == ErrorCode::TlsFailed)
            f.message += " (TLS mode " + std::string(tlsModeName(tls.mode)) + ")";
        return fail(f.code, std::move(f.message), std::move(f.sqlState));
    };
    if (PQstatus(conn) == CONNECTION_BAD)
        return failFromLibpq();
    // Verbose, so that the server's SQLSTATE shows in connection errors (see classifyConnectFailure).
    PQsetErrorVerbosity(conn, PQERRORS_VERBOSE);

    PostgresPollingStatusType polling = PGRES_POLLING_WRITING;
    while (polling != PGRES_POLLING_OK) {
        if (polling == PGRES_POLLING_FAILED)
            return failFromLibpq();
        const short events = polling == PGRES_POLLING_READING ? POLLIN : POLLOUT;
        short revents = 0;
        int error = 0;
        const WaitResult w = detail::waitForSocket(PQsocket(conn), events, deadline, &revents, &error);
        if (w == WaitResult::TimedOut)
            return fail(ErrorCode::Timeout, "connect timed out after " + detail::formatMs(m_options.connectTimeout));
        if (w == WaitResult::Failed)
            return fail(ErrorCode::ConnectFailed, "poll failed (errno " + std::to_string(error) + ")");
        polling = PQconnectPoll(conn);
    }
    PQsetErrorVerbosity(conn, PQERRORS_DEFAULT);
    if (tls.mode >= TlsMode::Required && !PQsslInUse(conn))
        return fail(ErrorCode::TlsFailed,
                    "the connection is not encrypted, but the TLS mode is " + std::string(tlsModeName(tls.mode)));
    if (PQsetnonblocking(conn, 1) != 0)
        return fail(ErrorCode::Internal, "cannot switch the connection to non-blocking mode");

    m_conn = conn;
    const char *version = PQparameterStatus(conn, "server_version");
    m_info = pg_detail::parseServerVersion(version ? version : "", PQserverVersion(conn));
    m_info.tls = PQsslInUse(conn) != 0;
    std::shared_ptr<PGcancel> cancel(PQgetCancel(conn), [](PGcancel *c) {
        if (c)
            PQfreeCancel(c);
    });
    std::lock_guard lock(m_cancelState->mutex);
    m_cancelState->cancel = std::move(cancel);
    return okStatus();
}

void PgConnection::close()
{
    if (m_conn) {
        // Non-blocking: PQfinish queues a Terminate message and closes; it never waits.
        PQfinish(m_conn);
        m_conn = nullptr;
    }
    std::lock_guard lock(m_cancelState->mutex);
    m_cancelState->cancel.reset();
}

Error PgConnection::lostConnection(const std::string &context)
{
    std::string message = trimmed(PQerrorMessage(m_conn));
    if (message.empty())
        message = "the server closed the connection";
    if (!context.empty())
        message = context + ": " + message;
    close();
    return makeErr(ErrorCode::ConnectionLost, std::move(message));
}

Status PgConnection::flushOutgoing()
{
    for (;;) {
        const int rc = PQflush(m_conn);
        if (rc == 0)
            return okStatus();
        if (rc < 0)
            return lostConnection("sending the statement");
        // libpq: wait until the socket is writable, or readable (then read, so the server is
        // never stuck sending us something while we are stuck sending it something).
        short revents = 0;
        int error = 0;
        const WaitResult w = detail::waitForSocket(PQsocket(m_conn), POLLOUT | POLLIN,
                                                   Deadline::after(m_options.writeTimeout), &revents, &error);
        if (w == WaitResult::TimedOut) {
            close();
            return makeErr(ErrorCode::Timeout, "could not send the statement within the write timeout of "
                                                   + detail::formatMs(m_options.writeTimeout)
                                                   + "; the connection was closed");
        }
        if (w == WaitResult::Failed)
            return lostConnection("poll failed (errno " + std::to_string(error) + ")");
        if ((revents & POLLIN) && !PQconsumeInput(m_conn))
            return lostConnection("");
    }
}

Result<QueryResult> PgConnection::run(std::string_view sql, bool keepRows)
{
    if (!m_conn)
        return makeErr(ErrorCode::NotConnected, "not connected");
    if (sql.find('\0') != std::string_view::npos)
        return makeErr(ErrorCode::InvalidArgument, "the statement contains a NUL character");

    detail::StatementTracker &statements = m_cancelState->statements;
    const std::uint64_t seq = statements.begin();
    struct EndStatement
    {
        detail::StatementTracker &statements;
        std::uint64_t seq;
        ~EndStatement() { statements.end(seq); }
    } endStatement{statements, seq};

    const std::string text(sql);
    if (!PQsendQuery(m_conn, text.c_str())) {
        if (PQstatus(m_conn) == CONNECTION_BAD)
            return lostConnection("");
        return makeErr(ErrorCode::Internal, trimmed(PQerrorMessage(m_conn)));
    }
    if (Status s = flushOutgoing(); !s)
        return s.error();

    const Deadline readDeadline = Deadline::after(m_options.readTimeout);
    // Waits until libpq has a whole result; nullopt when it has, else the error.
    const auto awaitResult = [&]() -> std::optional<Error> {
        while (PQisBusy(m_conn)) {
            short revents = 0;
            int error = 0;
            const WaitResult w = detail::waitForSocket(PQsocket(m_conn), POLLIN, readDeadline, &revents, &error);
            if (w == WaitResult::TimedOut) {
                close();
                return makeErr(ErrorCode::Timeout,
                               "no answer within the read timeout of " + detail::formatMs(m_options.readTimeout)
                                   + "; the connection was closed without a cancel request"
                                     " (the server may be hung)");
            }
            if (w == WaitResult::Failed)
                return lostConnection("poll failed (errno " + std::to_string(error) + ")");
            if (!PQconsumeInput(m_conn))
                return lostConnection("");
        }
        return std::nullopt;
    };

    QueryResult out;
    std::optional<Error> firstError;
    for (;;) {
        if (std::optional<Error> e = awaitResult()) {
            // A FATAL error (e.g. pg_terminate_backend) comes before the server hangs up; what it
            // said explains the lost connection better than libpq's "closed unexpectedly".
            if (firstError && e->code == ErrorCode::ConnectionLost) {
                if (firstError->code == ErrorCode::QueryFailed)
                    firstError->code = ErrorCode::ConnectionLost;
                return *firstError;
            }
            return *e;
        }
        ResultPtr res(PQgetResult(m_conn));
        if (!res)
            break;
        switch (PQresultStatus(res.get())) {
        case PGRES_TUPLES_OK:
        case PGRES_SINGLE_TUPLE: {
            const int rowCount = PQntuples(res.get());
            if (keepRows) {
                const int fieldCount = PQnfields(res.get());
                out.columns.clear();
                out.rows.clear();
                out.columns.reserve(static_cast<std::size_t>(fieldCount));
                for (int c = 0; c < fieldCount; ++c)
                    out.columns.emplace_back(PQfname(res.get(), c));
                out.rows.reserve(static_cast<std::size_t>(rowCount));
                for (int r = 0; r < rowCount; ++r) {
                    std::vector<std::optional<std::string>> cells;
                    cells.reserve(static_cast<std::size_t>(fieldCount));
                    for (int c = 0; c < fieldCount; ++c) {
                        if (PQgetisnull(res.get(), r, c))
                            cells.emplace_back(std::nullopt);
                        else
                            cells.emplace_back(std::in_place, PQgetvalue(res.get(), r, c),
                                               static_cast<std::size_t>(PQgetlength(res.get(), r, c)));
                    }
                    out.rows.push_back(std::move(cells));
                }
            }
            out.affectedRows += static_cast<std::uint64_t>(rowCount);
            break;
        }
        case PGRES_COMMAND_OK: {
            const char *tuples = PQcmdTuples(res.get());
            if (tuples && *tuples)
                out.affectedRows += std::strtoull(tuples, nullptr, 10);
            break;
        }
        case PGRES_EMPTY_QUERY:
            break;
        case PGRES_COPY_IN:
            // Nothing to send: end the COPY with an error so that the server moves on.
            PQputCopyEnd(m_conn, "COPY FROM STDIN is not supported by Switchyard's driver");
            if (Status s = flushOutgoing(); !s)
                return s.error();
            if (!firstError)
                firstError = makeErr(ErrorCode::Unsupported, "COPY FROM STDIN is not supported");
            break;
        case PGRES_COPY_OUT: {
            // Read and drop the data, so that the connection stays usable.
            for (;;) {
                char *buffer = nullptr;
                const int n = PQgetCopyData(m_conn, &buffer, 1);
                if (n > 0) {
                    PQfreemem(buffer);
                    continue;
                }
                if (n == 0) {
                    short revents = 0;
                    int error = 0;
                    const WaitResult w =
                        detail::waitForSocket(PQsocket(m_conn), POLLIN, readDeadline, &revents, &error);
                    if (w == WaitResult::TimedOut) {
                        close();
                        return makeErr(ErrorCode::Timeout, "no answer within the read timeout of "
                                                               + detail::formatMs(m_options.readTimeout)
                                                               + "; the connection was closed");
                    }
                    if (w == WaitResult::Failed || !PQconsumeInput(m_conn))
                        return lostConnection("");
                    continue;
                }
                break;   // -1: done, -2: error (the next result says which)
            }
            if (!firstError)
                firstError = makeErr(ErrorCode::Unsupported, "COPY TO STDOUT is not supported");
            break;
        }
        case PGRES_COPY_BOTH:
            close();
            return makeErr(ErrorCode::Unsupported, "replication protocol statements are not supported");
        case PGRES_BAD_RESPONSE:
        case PGRES_NONFATAL_ERROR:
        case PGRES_FATAL_ERROR:
        default: {
            if (firstError)
                break;
            const char *state = PQresultErrorField(res.get(), PG_DIAG_SQLSTATE);
            const char *primary = PQresultErrorField(res.get(), PG_DIAG_MESSAGE_PRIMARY);
            std::string message = trimmed(primary ? primary : PQresultErrorMessage(res.get()));
            if (!state || !*state) {
                // Made up by libpq: mostly "server closed the connection unexpectedly".
                if (PQstatus(m_conn) == CONNECTION_BAD)
                    return lostConnection("");
                firstError = makeErr(ErrorCode::QueryFailed, std::move(message));
                break;
            }
            const ErrorCode code =
                pg_detail::mapSqlState(state, message, Stage::Query, statements.cancelRequested(seq));
            if (code == ErrorCode::Cancelled)
                message = "statement cancelled (" + message + ")";
            firstError = makeErr(code, std::move(message), state);
            break;
        }
        }
    }
    if (PQstatus(m_conn) == CONNECTION_BAD) {
        // The server ended the session (FATAL): report what it said, and start afresh next time.
        close();
        if (firstError) {
            if (firstError->code == ErrorCode::QueryFailed)
                firstError->code = ErrorCode::ConnectionLost;
            return *firstError;
        }
        return makeErr(ErrorCode::ConnectionLost, "the server closed the connection");
    }
    if (firstError)
        return *firstError;
    return out;
}

Result<QueryResult> PgConnection::query(std::string_view sql)
{
    return run(sql, true);
}

Result<std::uint64_t> PgConnection::execute(std::string_view sql)
{
    Result<QueryResult> r = run(sql, false);
    if (!r.ok())
        return r.error();
    return r->affectedRows;
}

std::shared_ptr<Canceller> PgConnection::canceller()
{
    if (!m_conn)
        return nullptr;
    return std::make_shared<PgCanceller>(m_cancelState, m_options.connectTimeout, m_options.label());
}

std::string PgConnection::quoteLiteral(std::string_view text) const
{
    return pg_detail::quoteLiteral(text);
}

std::string PgConnection::quoteIdentifier(std::string_view text) const
{
    return pg_detail::quoteIdentifier(text);
}

} // namespace switchyard::core
