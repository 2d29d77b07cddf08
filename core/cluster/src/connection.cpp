#include "switchyard/core/connection.h"

#include "driver_common.h"
#include "mysql_connection.h"
#include "pg_connection.h"

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <string>

namespace switchyard::core {

namespace {

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Lower-case, with '_' folded to '-', so "VERIFY_CA", "verify-ca" and "Verify_Ca" compare equal.
std::string normalizeKeyword(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    std::string out;
    out.reserve(text.size());
    for (char c : text)
        out += c == '_' ? '-' : asciiLower(c);
    return out;
}

} // namespace

std::string_view engineName(Engine engine)
{
    switch (engine) {
    case Engine::MySQL: return "mysql";
    case Engine::PostgreSQL: return "postgres";
    }
    return "mysql";
}

std::optional<Engine> parseEngine(std::string_view text)
{
    const std::string key = normalizeKeyword(text);
    if (key == "mysql" || key == "mariadb")
        return Engine::MySQL;
    if (key == "postgres" || key == "postgresql" || key == "pg")
        return Engine::PostgreSQL;
    return std::nullopt;
}

std::string_view flavorName(Flavor flavor)
{
    switch (flavor) {
    case Flavor::Unknown: return "unknown";
    case Flavor::MySQL: return "mysql";
    case Flavor::MariaDB: return "mariadb";
    case Flavor::PostgreSQL: return "postgres";
    }
    return "unknown";
}

std::string_view tlsModeName(TlsMode mode)
{
    switch (mode) {
    case TlsMode::Disabled: return "disabled";
    case TlsMode::Preferred: return "preferred";
    case TlsMode::Required: return "required";
    case TlsMode::VerifyCa: return "verify-ca";
    case TlsMode::VerifyIdentity: return "verify-identity";
    }
    return "preferred";
}

std::optional<TlsMode> parseTlsMode(std::string_view text)
{
    // Our own names, plus MySQL's --ssl-mode and libpq's sslmode spellings.
    const std::string key = normalizeKeyword(text);
    if (key == "disabled" || key == "disable" || key == "off")
        return TlsMode::Disabled;
    if (key == "preferred" || key == "prefer")
        return TlsMode::Preferred;
    if (key == "required" || key == "require" || key == "on")
        return TlsMode::Required;
    if (key == "verify-ca")
        return TlsMode::VerifyCa;
    if (key == "verify-identity" || key == "verify-full")
        return TlsMode::VerifyIdentity;
    return std::nullopt;
}

std::string ConnectionOptions::endpoint() const
{
    const std::string h = host.empty() ? std::string("127.0.0.1") : host;
    const std::uint16_t p = port != 0 ? port : (engine == Engine::PostgreSQL ? 5432 : 3306);
    // An IPv6 literal needs brackets to keep the port readable.
    if (h.find(':') != std::string::npos)
        return "[" + h + "]:" + std::to_string(p);
    return h + ":" + std::to_string(p);
}

std::string ConnectionOptions::label() const
{
    return nodeName.empty() ? endpoint() : nodeName;
}

int QueryResult::columnIndex(std::string_view name) const
{
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (detail::equalsIgnoreCase(columns[i], name))
            return static_cast<int>(i);
    }
    return -1;
}

std::optional<std::string> QueryResult::value(std::size_t row, std::string_view column) const
{
    const int index = columnIndex(column);
    if (index < 0 || row >= rows.size())
        return std::nullopt;
    const auto &cells = rows[row];
    const auto i = static_cast<std::size_t>(index);
    if (i >= cells.size())
        return std::nullopt;
    return cells[i];
}

std::unique_ptr<Connection> createConnection(ConnectionOptions options)
{
    switch (options.engine) {
    case Engine::MySQL: return std::make_unique<MysqlConnection>(std::move(options));
    case Engine::PostgreSQL: return std::make_unique<PgConnection>(std::move(options));
    }
    return nullptr;
}

namespace detail {

Deadline Deadline::after(std::chrono::milliseconds timeout)
{
    Deadline d;
    if (timeout.count() > 0)
        d.m_at = Clock::now() + timeout;
    return d;
}

bool Deadline::expired() const
{
    return m_at.has_value() && Clock::now() >= *m_at;
}

int Deadline::remainingMs() const
{
    if (!m_at)
        return -1;
    const auto left = *m_at - Clock::now();
    if (left <= Clock::duration::zero())
        return 0;
    // Round up: poll() with a truncated value could wake a fraction of a millisecond early.
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(left).count();
    return ms > INT_MAX ? INT_MAX : static_cast<int>(ms);
}

WaitResult waitForSocket(int fd, short events, const Deadline &deadline, short *revents, int *error)
{
    for (;;) {
        if (deadline.expired())
            return WaitResult::TimedOut;
        pollfd pfd{};
        pfd.fd = fd;
        pfd.events = events;
        const int rc = ::poll(&pfd, 1, deadline.remainingMs());
        if (rc > 0) {
            if (revents)
                *revents = pfd.revents;
            return WaitResult::Ready;
        }
        if (rc == 0) {
            // poll() may return a hair early; loop so expired() decides.
            if (deadline.expired())
                return WaitResult::TimedOut;
            continue;
        }
        if (errno == EINTR)
            continue;
        if (error)
            *error = errno;
        return WaitResult::Failed;
    }
}

VersionParts parseVersionPrefix(std::string_view text)
{
    VersionParts parts;
    int values[3] = {0, 0, 0};
    int found = 0;
    std::size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == 'v'))
        ++i;
    while (found < 3 && i < text.size() && text[i] >= '0' && text[i] <= '9') {
        long long v = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            v = v * 10 + (text[i] - '0');
            if (v > 1000000)
                return parts;      // not a version number
            ++i;
        }
        values[found++] = static_cast<int>(v);
        if (i < text.size() && text[i] == '.' && i + 1 < text.size() && text[i + 1] >= '0'
            && text[i + 1] <= '9')
            ++i;
        else
            break;
    }
    if (found >= 2) {
        parts.major = values[0];
        parts.minor = values[1];
        parts.patch = values[2];
        parts.ok = true;
    }
    return parts;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (asciiLower(a[i]) != asciiLower(b[i]))
            return false;
    }
    return true;
}

bool containsIgnoreCase(std::string_view haystack, std::string_view needle)
{
    if (needle.empty())
        return true;
    if (needle.size() > haystack.size())
        return false;
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
        if (equalsIgnoreCase(haystack.substr(i, needle.size()), needle))
            return true;
    }
    return false;
}

long long elapsedMs(Clock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

std::string formatMs(std::chrono::milliseconds ms)
{
    return std::to_string(ms.count()) + " ms";
}

} // namespace detail

} // namespace switchyard::core
