// Errors as values for all of Switchyard's core libraries.
//
// Core code never lets an exception cross a thread or a library boundary; it returns a
// Result<T> (a value or an Error) or a Status (Result<void>). An Error carries data, not
// prose for the user: a code the UI turns into words with tr(), the server's own code and
// message when there is one, and the node it happened on, so a message can say what and where.
//
// Thread contract: plain values; safe to copy and move between threads.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace switchyard {

enum class ErrorCode {
    InvalidArgument,   // the caller passed something malformed (a bad option, garbage input)
    NotFound,          // a named thing (profile, sandbox, node, file) does not exist
    AlreadyExists,     // creating something that is there already
    Io,                // a local file or process operation failed (errno in serverCode)
    ParseError,        // a file or document could not be parsed
    ConnectFailed,     // the server could not be reached (refused, unreachable, DNS)
    AuthFailed,        // the server rejected the credentials
    TlsFailed,         // the TLS handshake or certificate verification failed
    Timeout,           // connect, read or write took longer than allowed
    Cancelled,         // the operation was cancelled on request
    ConnectionLost,    // the server went away during an operation
    QueryFailed,       // the server rejected a statement (serverCode/sqlState say why)
    NotConnected,      // the connection is not open
    PortInUse,         // sandbox: a port it needs is taken
    BinaryMissing,     // sandbox: a server binary is not installed
    DataDirInUse,      // sandbox: another server runs on that data directory
    ProcessFailed,     // sandbox: a child process exited with an error
    Unsupported,       // the server or platform does not offer this
    Internal,          // a bug: an invariant did not hold
};

// A stable, untranslated identifier for logs and JSON output ("timeout", "auth_failed", ...).
std::string_view errorCodeName(ErrorCode code);

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    std::string message;    // technical detail in English (server text, errno text); not for tr()
    std::string node;       // "host:port" or a node name; empty when not about a node
    int serverCode = 0;     // server error number (MySQL errno) or errno; 0 when none
    std::string sqlState;   // five-character SQLSTATE when the server sent one

    // "timeout: 127.0.0.1:23306: connect timed out after 2000 ms" - for logs and the CLI.
    std::string describe() const;
};

inline Error makeError(ErrorCode code, std::string message, std::string node = {})
{
    Error e;
    e.code = code;
    e.message = std::move(message);
    e.node = std::move(node);
    return e;
}

template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() &
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    const T &value() const &
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    T &&value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_data));
    }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const
    {
        assert(!ok());
        return std::get<1>(m_data);
    }

    T valueOr(T fallback) const { return ok() ? std::get<0>(m_data) : std::move(fallback); }

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const
    {
        assert(!ok());
        return *m_error;
    }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

inline Status okStatus() { return {}; }

} // namespace switchyard
