// Verify, in the routing preview: runs one statement on the replica the router chose, to see what
// a read there returns right now, next to that replica's lag at that moment.
//
// Only what the classifier calls a pure read runs (one statement, a read with nothing that
// writes, locks, or depends on the session), through the monitor account, inside a read-only
// transaction that is rolled back, with a server-side row limit (sql_select_limit / a cursor
// FETCH) and a statement timeout (max_statement_time / max_execution_time / statement_timeout)
// under the connection's own read timeout. The lag is measured on the same connection right
// after the statement (core::probeNode).
//
// Thread contract: verifyRefusal() is pure. runVerify() blocks on the network: call it on a
// worker thread only. VerifyControl is shared between the worker and the GUI: the GUI calls
// requestCancel() (no I/O), and a worker calls cancelNow() (KILL QUERY / PQcancel).
#pragma once

#include "switchyard/core/connection.h"
#include "switchyard/ui/routing_preview_engine.h"

#include <QString>

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace switchyard::ui {

// Why `sql` may not be verified (translated), or nullopt when it is a pure read.
std::optional<QString> verifyRefusal(std::string_view sql, const PreviewSettings &settings);

struct VerifyRequest
{
    core::ConnectionOptions options; // the replica, the monitor account, password filled in
    routing::Dialect dialect = routing::Dialect::MySQL;
    std::string sql;
    int rowLimit = 100;
    std::chrono::milliseconds timeout{5000};
};

struct VerifyResult
{
    std::optional<Error> error;
    bool cancelled = false;
    core::QueryResult rows;
    bool truncated = false;           // the server had more rows than the limit
    std::optional<double> lagSeconds; // measured right after the statement
    bool lagMeasured = false;         // false: the probe failed (lag unknown, not 0)
    std::string serverVersion;
    std::int64_t elapsedMs = 0;    // the statement alone
    std::int64_t finishedAtMs = 0; // wall clock
};

class VerifyControl
{
public:
    void requestCancel(); // any thread, no I/O
    bool cancelRequested() const;
    void cancelNow(); // worker thread: interrupts the running statement
    void setCanceller(std::shared_ptr<core::Canceller> canceller);

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<core::Canceller> m_canceller;
    bool m_cancel = false;
};

VerifyResult runVerify(const VerifyRequest &request, std::shared_ptr<VerifyControl> control);

} // namespace switchyard::ui
