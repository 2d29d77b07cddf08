#include "mysql_connection.h"

#include "driver_common.h"

#include <mysql.h>

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <mutex>
#include <utility>

namespace switchyard::core {

using detail::Clock;
using detail::Deadline;
using detail::WaitResult;

// What a connection shares with its cancellers.
struct MysqlCancelState
{
    std::mutex mutex;
    ConnectionOptions options;        // for the side connection
    unsigned long long threadId = 0;  // CONNECTION_ID() of the main connection; 0: not connected
    detail::StatementTracker statements;
};

namespace mysql_detail {

ErrorCode mapError(unsigned errorNumber, std::string_view message, Stage stage, bool deadlineHit,
                   bool cancelRequested)
{
    if (deadlineHit)
        return ErrorCode::Timeout;
    const bool connecting = stage == Stage::Connect;
    switch (errorNumber) {
    case 1045: // ER_ACCESS_DENIED_ERROR
    case 1698: // ER_ACCESS_DENIED_NO_PASSWORD_ERROR
    case 1130: // ER_HOST_NOT_PRIVILEGED: no account for this client host
    case 1251: // ER_NOT_SUPPORTED_AUTH_MODE
    case 1862: // ER_MUST_CHANGE_PASSWORD_LOGIN
    case 2059: // CR_AUTH_PLUGIN_CANNOT_LOAD
    case 2061: // CR_AUTH_PLUGIN_ERR (caching_sha2_password without TLS or RSA key)
        return connecting ? ErrorCode::AuthFailed : ErrorCode::QueryFailed;
    case 1044: // ER_DBACCESS_DENIED_ERROR: the account may not use the database it asked for
        return connecting ? ErrorCode::AuthFailed : ErrorCode::QueryFailed;
    case 2026: // CR_SSL_CONNECTION_ERROR
        return ErrorCode::TlsFailed;
    case 2001: // CR_SOCKET_CREATE_ERROR
    case 2002: // CR_CONNECTION_ERROR (Connector/C reports refused TCP connects with this one)
    case 2003: // CR_CONN_HOST_ERROR
    case 2004: // CR_IPSOCK_ERROR
    case 2005: // CR_UNKNOWN_HOST
        return ErrorCode::ConnectFailed;
    case 2006: // CR_SERVER_GONE_ERROR
    case 2013: // CR_SERVER_LOST
    case 2055: // CR_SERVER_LOST_EXTENDED
        // The library's own timer (our backstop) reports ETIMEDOUT (110) in the message.
        if (detail::containsIgnoreCase(message, "system error: 110")
            || detail::containsIgnoreCase(message, "timed out")
            || detail::containsIgnoreCase(message, "timeout"))
            return ErrorCode::Timeout;
        return connecting ? ErrorCode::ConnectFailed : ErrorCode::ConnectionLost;
    case 1053: // ER_SERVER_SHUTDOWN
    case 1927: // ER_CONNECTION_KILLED (MariaDB)
        return connecting ? ErrorCode::ConnectFailed : ErrorCode::ConnectionLost;
    case 1317: // ER_QUERY_INTERRUPTED
        return cancelRequested ? ErrorCode::Cancelled : ErrorCode::QueryFailed;
    case 1969: // ER_STATEMENT_TIMEOUT (MariaDB max_statement_time)
    case 3024: // ER_QUERY_TIMEOUT (MySQL max_execution_time)
        return ErrorCode::Timeout;
    default:
        break;
    }
    return connecting ? ErrorCode::ConnectFailed : ErrorCode::QueryFailed;
}

ServerInfo parseServerVersion(std::string_view version)
{
    ServerInfo info;
    info.versionString = std::string(version);
    if (version.empty())
        return info;
    std::string_view v = version;
    // MariaDB used to prefix its version with "5.5.5-" for old clients; some proxies still do.
    constexpr std::string_view compatPrefix = "5.5.5-";
    if (v.substr(0, compatPrefix.size()) == compatPrefix && detail::containsIgnoreCase(v, "mariadb"))
        v.remove_prefix(compatPrefix.size());
    info.flavor = detail::containsIgnoreCase(v, "mariadb") ? Flavor::MariaDB : Flavor::MySQL;
    const detail::VersionParts parts = detail::parseVersionPrefix(v);
    if (parts.ok) {
        info.major = parts.major;
        info.minor = parts.minor;
        info.patch = parts.patch;
        info.versionNumber = parts.major * 10000 + parts.minor * 100 + parts.patch;
    }
    return info;
}

std::string quoteLiteral(std::string_view text, bool noBackslashEscapes)
{
    std::string out;
    out.reserve(text.size() + 2);
    out += '\'';
    for (char c : text) {
        if (c == '\'') {
            out += "''";
            continue;
        }
        if (!noBackslashEscapes) {
            switch (c) {
            case '\\': out += "\\\\"; continue;
            case '\0': out += "\\0"; continue;
            case '\n': out += "\\n"; continue;
            case '\r': out += "\\r"; continue;
            case '\x1a': out += "\\Z"; continue;
            default: break;
            }
        }
        out += c;
    }
    out += '\'';
    return out;
}

std::string quoteIdentifier(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    out += '`';
    for (char c : text) {
        if (c == '`')
            out += "``";
        else
            out += c;
    }
    out += '`';
    return out;
}

Greeting parseGreeting(std::string_view p)
{
    Greeting g;
    auto byte = [&p](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(p[i])); };
    if (p.empty())
        return g;
    if (byte(0) == 0xFF) {
        if (p.size() < 3)
            return g;
        g.valid = true;
        g.isError = true;
        g.errorNumber = byte(1) | (byte(2) << 8);
        std::string_view rest = p.substr(3);
        if (!rest.empty() && rest.front() == '#' && rest.size() >= 6)
            rest.remove_prefix(6);   // "#HY000"
        g.errorMessage = std::string(rest);
        return g;
    }
    if (byte(0) != 10)   // protocol version 10 is all that MySQL >= 3.21 and MariaDB speak
        return g;
    const std::size_t nul = p.find('\0', 1);
    if (nul == std::string_view::npos)
        return g;
    g.serverVersion = std::string(p.substr(1, nul - 1));
    std::size_t pos = nul + 1 + 4 + 8 + 1;   // thread id, auth data part 1, filler
    if (pos + 2 > p.size())
        return g;
    g.capabilities = byte(pos) | (byte(pos + 1) << 8);
    pos += 2;
    if (pos + 5 <= p.size())   // character set (1), status (2), upper capabilities (2)
        g.capabilities |= (byte(pos + 3) | (byte(pos + 4) << 8)) << 16;
    g.valid = true;
    return g;
}

} // namespace mysql_detail

namespace {

using mysql_detail::Stage;

void ensureLibraryInitialized()
{
    // mysql_init() would initialize lazily, but that is not thread-safe.
    static std::once_flag once;
    std::call_once(once, [] { mysql_library_init(0, nullptr, nullptr); });
}

unsigned librarySeconds(std::chrono::milliseconds timeout)
{
    // The library's own timers are only a backstop one second behind ours (0: none).
    if (timeout.count() <= 0)
        return 0;
    const auto seconds = (timeout.count() + 999) / 1000 + 1;
    return seconds > 86400 ? 86400u : static_cast<unsigned>(seconds);
}

std::string effectiveHost(const ConnectionOptions &options)
{
    return options.host.empty() ? std::string("127.0.0.1") : options.host;
}

std::uint16_t effectivePort(const ConnectionOptions &options)
{
    return options.port != 0 ? options.port : std::uint16_t{3306};
}

// How long each wait of one library call may take.
class IoBudget
{
public:
    // Every wait of a connect shares one deadline.
    static IoBudget fixed(Deadline deadline)
    {
        IoBudget b;
        b.m_fixed = deadline;
        return b;
    }
    static IoBudget statement(std::chrono::milliseconds write, std::chrono::milliseconds read)
    {
        IoBudget b;
        b.m_write = write;
        b.m_read = read;
        return b;
    }

    Deadline forWait(int status)
    {
        if (m_fixed)
            return *m_fixed;
        if (status & MYSQL_WAIT_READ) {
            if (!m_readDeadline)
                m_readDeadline = Deadline::after(m_read);   // starts with the first wait for the answer
            return *m_readDeadline;
        }
        return Deadline::after(m_write);
    }

private:
    std::optional<Deadline> m_fixed;
    std::optional<Deadline> m_readDeadline;
    std::chrono::milliseconds m_write{0};
    std::chrono::milliseconds m_read{0};
};

struct DriveState
{
    bool deadlineHit = false;
    bool timedOutReading = false;   // the wait that timed out was for the answer
    int pollErrno = 0;
};

// Runs a non-blocking Connector/C call to its end: waits for what the library asks for and
// resumes it with `cont(events)`. When our deadline passes it resumes with MYSQL_WAIT_TIMEOUT,
// which makes the library fail the call (CR_SERVER_LOST) and close its socket.
template <typename Cont>
void drive(MYSQL *mysql, int status, Cont &&cont, IoBudget &budget, DriveState &state)
{
    while (status != 0) {
        short events = 0;
        if (status & MYSQL_WAIT_READ)
            events |= POLLIN;
        if (status & MYSQL_WAIT_WRITE)
            events |= POLLOUT;
        if (status & MYSQL_WAIT_EXCEPT)
            events |= POLLPRI;
        Deadline deadline = budget.forWait(status);
        if (events == 0 && (status & MYSQL_WAIT_TIMEOUT))   // the library only wants to sleep
            deadline = Deadline::after(std::chrono::milliseconds(mysql_get_timeout_value_ms(mysql)));
        short revents = 0;
        int error = 0;
        const WaitResult w = detail::waitForSocket(static_cast<int>(mysql_get_socket(mysql)), events,
                                                   deadline, &revents, &error);
        int occurred = 0;
        if (w == WaitResult::TimedOut) {
            if (events != 0) {
                state.deadlineHit = true;
                state.timedOutReading = (status & MYSQL_WAIT_READ) != 0;
            }
            occurred = MYSQL_WAIT_TIMEOUT;
        } else if (w == WaitResult::Failed) {
            state.pollErrno = error;
            occurred = MYSQL_WAIT_TIMEOUT;   // makes the library give up
        } else {
            if (revents & POLLIN)
                occurred |= MYSQL_WAIT_READ;
            if (revents & POLLOUT)
                occurred |= MYSQL_WAIT_WRITE;
            if (revents & POLLPRI)
                occurred |= MYSQL_WAIT_EXCEPT;
            // Let the library find the error itself by reading or writing.
            if (revents & (POLLERR | POLLHUP | POLLNVAL))
                occurred |= status & (MYSQL_WAIT_READ | MYSQL_WAIT_WRITE);
        }
        status = cont(occurred);
    }
}

class FdGuard
{
public:
    explicit FdGuard(int fd) : m_fd(fd) {}
    ~FdGuard()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FdGuard(const FdGuard &) = delete;
    FdGuard &operator=(const FdGuard &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

std::string errnoText(int error)
{
    return std::string(std::strerror(error));
}

// Reads the server's greeting over a plain TCP connection, without logging in, to learn whether
// it offers TLS before any credential goes out (Connector/C 3.3 cannot require TLS without
// also verifying the certificate). Bounded by `deadline`.
Result<mysql_detail::Greeting> probeGreeting(const std::string &host, std::uint16_t port,
                                             const Deadline &deadline, const std::string &node,
                                             std::chrono::milliseconds connectTimeout)
{
    const auto timeoutError = [&](const char *what) {
        return makeError(ErrorCode::Timeout,
                         std::string(what) + " timed out after " + detail::formatMs(connectTimeout),
                         node);
    };
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo *list = nullptr;
    const std::string portText = std::to_string(port);
    const int gai = ::getaddrinfo(host.c_str(), portText.c_str(), &hints, &list);
    if (gai != 0)
        return makeError(ErrorCode::ConnectFailed,
                         "cannot resolve host '" + host + "': " + ::gai_strerror(gai), node);
    int lastError = 0;
    int fd = -1;
    bool timedOut = false;
    for (addrinfo *ai = list; ai != nullptr && fd < 0; ai = ai->ai_next) {
        fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
        if (fd < 0) {
            lastError = errno;
            continue;
        }
        if (::connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
            break;
        if (errno == EINPROGRESS) {
            short revents = 0;
            int error = 0;
            const WaitResult w = detail::waitForSocket(fd, POLLOUT, deadline, &revents, &error);
            if (w == WaitResult::Ready) {
                int soError = 0;
                socklen_t len = sizeof soError;
                if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &len) == 0 && soError == 0)
                    break;
                lastError = soError != 0 ? soError : errno;
            } else if (w == WaitResult::TimedOut) {
                timedOut = true;
            } else {
                lastError = error;
            }
        } else {
            lastError = errno;
        }
        ::close(fd);
        fd = -1;
        if (timedOut)
            break;
    }
    ::freeaddrinfo(list);
    if (timedOut)
        return timeoutError("connect");
    if (fd < 0) {
        Error e = makeError(ErrorCode::ConnectFailed,
                            "cannot connect to " + host + ":" + portText + ": " + errnoText(lastError),
                            node);
        e.serverCode = lastError;
        return e;
    }
    FdGuard guard(fd);

    std::string packet;
    char buffer[4096];
    std::size_t wanted = 4;   // the packet header first, then its payload
    while (packet.size() < wanted) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            packet.append(buffer, static_cast<std::size_t>(n));
            if (wanted == 4 && packet.size() >= 4) {
                const auto b = [&packet](std::size_t i) {
                    return static_cast<std::size_t>(static_cast<unsigned char>(packet[i]));
                };
                const std::size_t length = b(0) | (b(1) << 8) | (b(2) << 16);
                if (length > 65536)
                    return makeError(ErrorCode::ConnectFailed,
                                     "the server's greeting is not a MySQL handshake", node);
                wanted = 4 + length;
            }
            continue;
        }
        if (n == 0)
            return makeError(ErrorCode::ConnectFailed,
                             "the server closed the connection before its greeting", node);
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            Error e = makeError(ErrorCode::ConnectFailed, "reading the server's greeting: " + errnoText(errno), node);
            e.serverCode = errno;
            return e;
        }
        short revents = 0;
        int error = 0;
        const WaitResult w = detail::waitForSocket(fd, POLLIN, deadline, &revents, &error);
        if (w == WaitResult::TimedOut)
            return timeoutError("connect (waiting for the server's greeting)");
        if (w == WaitResult::Failed) {
            Error e = makeError(ErrorCode::ConnectFailed, "poll: " + errnoText(error), node);
            e.serverCode = error;
            return e;
        }
    }
    mysql_detail::Greeting greeting = mysql_detail::parseGreeting(std::string_view(packet).substr(4, wanted - 4));
    if (!greeting.valid)
        return makeError(ErrorCode::ConnectFailed, "the server's greeting is not a MySQL handshake", node);
    if (greeting.isError) {
        Error e = makeError(mysql_detail::mapError(greeting.errorNumber, greeting.errorMessage,
                                                   Stage::Connect, false, false),
                            greeting.errorMessage, node);
        e.serverCode = static_cast<int>(greeting.errorNumber);
        return e;
    }
    return greeting;
}

class MysqlCanceller final : public Canceller
{
public:
    explicit MysqlCanceller(std::shared_ptr<MysqlCancelState> state) : m_state(std::move(state)) {}

    Status cancel() override
    {
        unsigned long long threadId = 0;
        ConnectionOptions options;
        {
            std::lock_guard lock(m_state->mutex);
            if (m_state->threadId == 0 || !m_state->statements.markCancel())
                return okStatus();   // nothing runs: nothing to interrupt
            threadId = m_state->threadId;
            options = m_state->options;
        }
        // Connecting and sending KILL QUERY share one connect timeout.
        const Deadline deadline = Deadline::after(options.connectTimeout);
        options.readTimeout = options.connectTimeout;    // so that a timeout message names the bound
        options.writeTimeout = options.connectTimeout;
        MysqlConnection side(std::move(options));
        if (Status s = side.connectBare(); !s) {
            Error e = s.error();
            e.message = "cancel: " + e.message;
            return e;
        }
        Result<std::uint64_t> r = side.executeBefore("KILL QUERY " + std::to_string(threadId), deadline);
        if (!r.ok()) {
            if (r.error().serverCode == 1094)   // ER_NO_SUCH_THREAD: the connection is gone already
                return okStatus();
            Error e = r.error();
            e.message = "cancel: " + e.message;
            return e;
        }
        return okStatus();
    }

private:
    std::shared_ptr<MysqlCancelState> m_state;
};

} // namespace

MysqlConnection::MysqlConnection(ConnectionOptions options)
    : m_options(std::move(options)), m_cancelState(std::make_shared<MysqlCancelState>())
{
    m_cancelState->options = m_options;
}

MysqlConnection::~MysqlConnection()
{
    close();
}

Error MysqlConnection::makeErr(ErrorCode code, std::string message, unsigned serverCode,
                               std::string sqlState) const
{
    Error e = makeError(code, std::move(message), m_options.label());
    e.serverCode = static_cast<int>(serverCode);
    e.sqlState = std::move(sqlState);
    return e;
}

namespace {

// The error the library holds, as an Error. Timeouts get our own words: the library only says
// "Lost connection to server during query" when we make it give up.
Error errorFrom(MYSQL *mysql, Stage stage, const DriveState &drive, bool cancelRequested,
                const ConnectionOptions &options)
{
    const unsigned number = mysql_errno(mysql);
    const std::string message = mysql_error(mysql);
    Error e;
    e.node = options.label();
    e.code = mysql_detail::mapError(number, message, stage, drive.deadlineHit, cancelRequested);
    if (drive.deadlineHit) {
        if (stage == Stage::Connect)
            e.message = "connect timed out after " + detail::formatMs(options.connectTimeout);
        else if (drive.timedOutReading)
            e.message = "no answer within the read timeout of " + detail::formatMs(options.readTimeout)
                        + "; the connection was closed";
        else
            e.message = "could not send the statement within the write timeout of "
                        + detail::formatMs(options.writeTimeout) + "; the connection was closed";
        return e;
    }
    if (drive.pollErrno != 0) {
        e.code = stage == Stage::Connect ? ErrorCode::ConnectFailed : ErrorCode::ConnectionLost;
        e.message = "poll: " + errnoText(drive.pollErrno);
        e.serverCode = drive.pollErrno;
        return e;
    }
    e.message = message.empty() ? std::string("unknown client error") : message;
    if (e.code == ErrorCode::Cancelled)
        e.message = "statement cancelled (" + message + ")";
    e.serverCode = static_cast<int>(number);
    // Client-side errors (2000-2999) carry the generic HY000; only the server's own state helps.
    const char *state = mysql_sqlstate(mysql);
    if (number < 2000 && state && std::strcmp(state, "00000") != 0)
        e.sqlState = state;
    return e;
}

} // namespace

Status MysqlConnection::connect()
{
    return open(true);
}

Status MysqlConnection::connectBare()
{
    return open(false);
}

Status MysqlConnection::open(bool detectServer)
{
    close();
    m_info = ServerInfo{};
    const TlsOptions &tls = m_options.tls;
    if ((tls.mode == TlsMode::VerifyCa || tls.mode == TlsMode::VerifyIdentity) && tls.caFile.empty())
        return makeErr(ErrorCode::InvalidArgument,
                       "TLS mode " + std::string(tlsModeName(tls.mode)) + " needs a CA file");

    const Deadline deadline = Deadline::after(m_options.connectTimeout);
    const std::string host = effectiveHost(m_options);
    const std::uint16_t port = effectivePort(m_options);

    if (tls.mode == TlsMode::Required || tls.mode == TlsMode::VerifyCa) {
        Result<mysql_detail::Greeting> greeting =
            probeGreeting(host, port, deadline, m_options.label(), m_options.connectTimeout);
        if (!greeting.ok())
            return greeting.error();
        if (!greeting->offersTls())
            return makeErr(ErrorCode::TlsFailed,
                           "the server does not offer TLS, but the TLS mode is "
                               + std::string(tlsModeName(tls.mode)) + "; no credentials were sent");
    }

    ensureLibraryInitialized();
    MYSQL *mysql = mysql_init(nullptr);
    if (!mysql)
        return makeErr(ErrorCode::Internal, "mysql_init failed (out of memory)");

    mysql_options(mysql, MYSQL_OPT_NONBLOCK, nullptr);
    // Never the default UNIX socket, even for "localhost".
    const unsigned protocol = MYSQL_PROTOCOL_TCP;
    mysql_options(mysql, MYSQL_OPT_PROTOCOL, &protocol);
    const unsigned connectSeconds = librarySeconds(m_options.connectTimeout);
    const unsigned readSeconds = librarySeconds(m_options.readTimeout);
    const unsigned writeSeconds = librarySeconds(m_options.writeTimeout);
    mysql_options(mysql, MYSQL_OPT_CONNECT_TIMEOUT, &connectSeconds);
    mysql_options(mysql, MYSQL_OPT_READ_TIMEOUT, &readSeconds);
    mysql_options(mysql, MYSQL_OPT_WRITE_TIMEOUT, &writeSeconds);
    mysql_options(mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    const unsigned noLocalInfile = 0;   // a server must never be able to read our files
    mysql_options(mysql, MYSQL_OPT_LOCAL_INFILE, &noLocalInfile);
    mysql_optionsv(mysql, MYSQL_OPT_CONNECT_ATTR_ADD, "program_name", "switchyard");

    if (tls.mode != TlsMode::Disabled) {
        const my_bool on = 1;
        mysql_options(mysql, MYSQL_OPT_SSL_ENFORCE, &on);   // 3.3: "use TLS when offered"
        if (!tls.certFile.empty())
            mysql_options(mysql, MYSQL_OPT_SSL_CERT, tls.certFile.c_str());
        if (!tls.keyFile.empty())
            mysql_options(mysql, MYSQL_OPT_SSL_KEY, tls.keyFile.c_str());
        if (tls.mode == TlsMode::VerifyCa || tls.mode == TlsMode::VerifyIdentity)
            mysql_options(mysql, MYSQL_OPT_SSL_CA, tls.caFile.c_str());
        if (tls.mode == TlsMode::VerifyIdentity)
            mysql_options(mysql, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &on);
    }

    MYSQL *connected = nullptr;
    IoBudget budget = IoBudget::fixed(deadline);
    DriveState driveState;
    const char *database = m_options.database.empty() ? nullptr : m_options.database.c_str();
    const int status = mysql_real_connect_start(&connected, mysql, host.c_str(), m_options.user.c_str(),
                                                m_options.password.c_str(), database, port, nullptr,
                                                CLIENT_MULTI_RESULTS);
    drive(mysql, status, [&](int events) { return mysql_real_connect_cont(&connected, mysql, events); },
          budget, driveState);
    if (!connected) {
        Error e = errorFrom(mysql, Stage::Connect, driveState, false, m_options);
        if (e.code == ErrorCode::TlsFailed)
            e.message += " (TLS mode " + std::string(tlsModeName(tls.mode)) + ")";
        mysql_close(mysql);
        return e;
    }

    const char *cipher = mysql_get_ssl_cipher(mysql);
    if (tls.mode >= TlsMode::Required && cipher == nullptr) {
        mysql_close(mysql);
        return makeErr(ErrorCode::TlsFailed, "the connection is not encrypted, but the TLS mode is "
                                                 + std::string(tlsModeName(tls.mode)));
    }
    m_mysql = mysql;
    {
        std::lock_guard lock(m_cancelState->mutex);
        m_cancelState->threadId = mysql_thread_id(mysql);
    }
    if (!detectServer)
        return okStatus();

    // VERSION() rather than the handshake's version: proxies answer the handshake themselves.
    // CONNECTION_ID() is 64-bit on MariaDB; mysql_thread_id() truncates it to 32.
    Result<QueryResult> r = run("SELECT VERSION(), CONNECTION_ID()", true, Stage::Connect, &deadline);
    if (!r.ok()) {
        close();
        return r.error();
    }
    std::string version = mysql_get_server_info(mysql);
    if (!r->rows.empty() && r->rows[0].size() >= 2) {
        if (r->rows[0][0])
            version = *r->rows[0][0];
        unsigned long long id = 0;
        if (const auto &text = r->rows[0][1]; text
            && std::from_chars(text->data(), text->data() + text->size(), id).ec == std::errc()) {
            std::lock_guard lock(m_cancelState->mutex);
            m_cancelState->threadId = id;
        }
    }
    m_info = mysql_detail::parseServerVersion(version);
    m_info.tls = cipher != nullptr;
    return okStatus();
}

void MysqlConnection::close()
{
    if (m_mysql) {
        mysql_close(m_mysql);
        m_mysql = nullptr;
    }
    std::lock_guard lock(m_cancelState->mutex);
    m_cancelState->threadId = 0;
}

Result<QueryResult> MysqlConnection::query(std::string_view sql)
{
    return run(sql, true, Stage::Query, nullptr);
}

Result<std::uint64_t> MysqlConnection::execute(std::string_view sql)
{
    Result<QueryResult> r = run(sql, false, Stage::Query, nullptr);
    if (!r.ok())
        return r.error();
    return r->affectedRows;
}

Result<QueryResult> MysqlConnection::run(std::string_view sql, bool keepRows, Stage stage,
                                         const Deadline *connectDeadline)
{
    if (!m_mysql)
        return makeErr(ErrorCode::NotConnected, "not connected");
    MYSQL *mysql = m_mysql;
    IoBudget budget = connectDeadline ? IoBudget::fixed(*connectDeadline)
                                      : IoBudget::statement(m_options.writeTimeout, m_options.readTimeout);
    detail::StatementTracker &statements = m_cancelState->statements;
    const std::uint64_t seq = statements.begin();
    struct EndStatement
    {
        detail::StatementTracker &statements;
        std::uint64_t seq;
        ~EndStatement() { statements.end(seq); }
    } endStatement{statements, seq};

    DriveState driveState;
    const auto fail = [&]() -> Error {
        const unsigned number = mysql_errno(mysql);
        Error e = errorFrom(mysql, stage, driveState, statements.cancelRequested(seq), m_options);
        // After a timeout or a lost connection the session's state is unknown: start afresh.
        const bool broken = driveState.deadlineHit || driveState.pollErrno != 0 || number == 2006
                            || number == 2013 || number == 2055 || number == 1927 || number == 1053;
        if (broken)
            close();
        return e;
    };

    int rc = 0;
    int status = mysql_real_query_start(&rc, mysql, sql.data(), static_cast<unsigned long>(sql.size()));
    drive(mysql, status, [&](int events) { return mysql_real_query_cont(&rc, mysql, events); }, budget,
          driveState);
    if (rc != 0)
        return fail();

    // Every result of the statement is read (CALL returns several); the last result set with
    // columns is returned, and affected rows add up.
    QueryResult out;
    for (;;) {
        if (mysql_field_count(mysql) > 0) {
            MYSQL_RES *res = nullptr;
            status = mysql_store_result_start(&res, mysql);
            drive(mysql, status, [&](int events) { return mysql_store_result_cont(&res, mysql, events); },
                  budget, driveState);
            if (!res)
                return fail();
            const auto rowCount = static_cast<std::uint64_t>(mysql_num_rows(res));
            if (keepRows) {
                const unsigned fieldCount = mysql_num_fields(res);
                const MYSQL_FIELD *fields = mysql_fetch_fields(res);
                out.columns.clear();
                out.rows.clear();
                out.columns.reserve(fieldCount);
                for (unsigned i = 0; i < fieldCount; ++i)
                    out.columns.emplace_back(fields[i].name, fields[i].name_length);
                out.rows.reserve(static_cast<std::size_t>(rowCount));
                // A stored result is in memory: fetching rows does no I/O.
                while (MYSQL_ROW row = mysql_fetch_row(res)) {
                    const unsigned long *lengths = mysql_fetch_lengths(res);
                    std::vector<std::optional<std::string>> cells;
                    cells.reserve(fieldCount);
                    for (unsigned i = 0; i < fieldCount; ++i) {
                        if (row[i])
                            cells.emplace_back(std::in_place, row[i], lengths[i]);
                        else
                            cells.emplace_back(std::nullopt);
                    }
                    out.rows.push_back(std::move(cells));
                }
            }
            out.affectedRows += rowCount;
            mysql_free_result(res);
        } else {
            const my_ulonglong affected = mysql_affected_rows(mysql);
            if (affected != static_cast<my_ulonglong>(-1))
                out.affectedRows += affected;
        }
        if (!mysql_more_results(mysql))
            break;
        int next = 0;
        status = mysql_next_result_start(&next, mysql);
        drive(mysql, status, [&](int events) { return mysql_next_result_cont(&next, mysql, events); },
              budget, driveState);
        if (next > 0)
            return fail();
        if (next < 0)
            break;
    }
    return out;
}

Result<std::uint64_t> MysqlConnection::executeBefore(std::string_view sql, const Deadline &deadline)
{
    Result<QueryResult> r = run(sql, false, Stage::Query, &deadline);
    if (!r.ok())
        return r.error();
    return r->affectedRows;
}

std::shared_ptr<Canceller> MysqlConnection::canceller()
{
    if (!m_mysql)
        return nullptr;
    return std::make_shared<MysqlCanceller>(m_cancelState);
}

std::string MysqlConnection::quoteLiteral(std::string_view text) const
{
    // The server reports NO_BACKSLASH_ESCAPES in every OK packet's status, so this follows
    // the session's sql_mode without a round trip; not connected: MySQL's default mode.
    const bool noBackslashEscapes =
        m_mysql != nullptr && (m_mysql->server_status & SERVER_STATUS_NO_BACKSLASH_ESCAPES) != 0;
    return mysql_detail::quoteLiteral(text, noBackslashEscapes);
}

std::string MysqlConnection::quoteIdentifier(std::string_view text) const
{
    return mysql_detail::quoteIdentifier(text);
}

} // namespace switchyard::core
