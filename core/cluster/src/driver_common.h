// Private helpers shared by the MySQL/MariaDB and PostgreSQL drivers: deadlines, waiting on a
// socket with poll(), version parsing. Implemented in connection.cpp.
//
// Both drivers run the client libraries in their non-blocking modes and do every wait here, so
// each timeout is honoured to the millisecond rather than in the libraries' whole seconds.
//
// Thread contract: free functions and plain values; no shared state.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace switchyard::core::detail {

using Clock = std::chrono::steady_clock;

// A point in time after which an I/O wait gives up. A non-positive timeout means "no limit".
class Deadline
{
public:
    static Deadline after(std::chrono::milliseconds timeout);
    static Deadline never() { return Deadline(); }

    bool isNever() const { return !m_at.has_value(); }
    bool expired() const;
    // Milliseconds left, rounded up so that a wait never ends before the deadline;
    // -1 for "no limit" (poll()'s convention).
    int remainingMs() const;

private:
    std::optional<Clock::time_point> m_at;
};

enum class WaitResult { Ready, TimedOut, Failed };

// Waits until `fd` is ready for `events` (POLLIN / POLLOUT) or the deadline passes; retries
// after EINTR. On Ready, *revents holds what poll() reported (POLLERR/POLLHUP included);
// on Failed, *error holds errno.
WaitResult waitForSocket(int fd, short events, const Deadline &deadline, short *revents, int *error);

struct VersionParts
{
    int major = 0, minor = 0, patch = 0;
    bool ok = false;     // at least "major.minor" was found
};

// Reads the leading "major.minor[.patch]" of a version string and ignores the rest:
// "10.11.19-MariaDB-0+deb12u1" -> 10.11.19, "15.20 (Debian 15.20-0+deb12u1)" -> 15.20.0.
VersionParts parseVersionPrefix(std::string_view text);

bool containsIgnoreCase(std::string_view haystack, std::string_view needle);
bool equalsIgnoreCase(std::string_view a, std::string_view b);

// Which statement of a connection runs now, and which one a cancel was meant for, so that a
// cancel arriving late does not make a later statement look cancelled. Safe from any thread.
class StatementTracker
{
public:
    std::uint64_t begin()
    {
        std::lock_guard lock(m_mutex);
        m_running = ++m_last;
        return m_running;
    }
    void end(std::uint64_t seq)
    {
        std::lock_guard lock(m_mutex);
        if (m_running == seq)
            m_running = 0;
    }
    // Records a cancel for the running statement; false when nothing runs.
    bool markCancel()
    {
        std::lock_guard lock(m_mutex);
        if (m_running == 0)
            return false;
        m_cancelled = m_running;
        return true;
    }
    // Both KILL QUERY (sent over another connection) and PQcancel (a signal to the backend)
    // can land a moment after the statement they were meant for has finished and interrupt
    // the next one; that one counts as cancelled too.
    bool cancelRequested(std::uint64_t seq) const
    {
        std::lock_guard lock(m_mutex);
        return m_cancelled != 0 && (m_cancelled == seq || m_cancelled + 1 == seq);
    }

private:
    mutable std::mutex m_mutex;
    std::uint64_t m_last = 0;
    std::uint64_t m_running = 0;
    std::uint64_t m_cancelled = 0;
};

// Milliseconds elapsed since `start`.
long long elapsedMs(Clock::time_point start);

// "1500 ms" - how timeouts are named in error messages.
std::string formatMs(std::chrono::milliseconds ms);

} // namespace switchyard::core::detail
