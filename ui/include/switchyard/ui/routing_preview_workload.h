// Workload mode of the routing preview: statements from a file - a plain .sql script, a MySQL or
// MariaDB general query log excerpt, or a PostgreSQL log written with log_statement=all - routed
// session by session through one Router against the preview's topology, then counted: the share
// of statements per node, and the statements that went to the primary grouped by the reason
// that decided it, with their shapes (literals replaced by ?) so a developer sees which queries
// to change to offload more reads.
//
// Parsing and routing are plain functions meant for a worker thread (QtConcurrent); they report
// progress and stop early when the callback says so. Nothing here touches widgets.
//
// Thread contract: pure functions on values, except readWorkloadFile(), which reads the file it
// is given (on the calling thread, which must not be the GUI thread for big files).
#pragma once

#include "switchyard/result.h"
#include "switchyard/ui/routing_preview_engine.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace switchyard::ui {

enum class WorkloadFormat
{
    Detect,
    PlainSql,        // statements separated by ';' (and the mysql client's DELIMITER)
    MySqlGeneralLog, // general_log_file of MySQL 5.7/8 or MariaDB
    PostgresLog,     // stderr log with log_statement=all (and/or log_min_duration_statement=0)
};
QString workloadFormatTitle(WorkloadFormat format);

struct WorkloadStatement
{
    std::uint32_t session = 0;        // index into the parsed sessions
    std::string sql;                  // one packet, as the client sent it
    std::optional<std::int64_t> atMs; // from the log's timestamp, when it has one
    bool resetBefore = false;         // the connection was reset (or re-opened) before it
};

struct Workload
{
    WorkloadFormat format = WorkloadFormat::PlainSql;
    std::vector<WorkloadStatement> statements;
    std::uint32_t sessions = 0;
    std::uint64_t skippedLines = 0; // lines that are neither statements nor their continuation
    std::uint64_t bytes = 0;
};

// Called now and then with the bytes (or statements) done and the total; return false to stop.
using WorkloadProgress = std::function<bool(std::int64_t done, std::int64_t total)>;

// The format from the first lines.
WorkloadFormat detectWorkloadFormat(std::string_view head);
// Parses `data`; an error only for a cancelled run.
Result<Workload> parseWorkload(std::string_view data, WorkloadFormat format, const PreviewSettings &settings,
                               const WorkloadProgress &progress = {});
// Reads and parses a file.
Result<Workload> readWorkloadFile(const QString &path, WorkloadFormat format, const PreviewSettings &settings,
                                  const WorkloadProgress &progress = {});

// A statement's shape: literals replaced by ?, lists of them collapsed, blanks normalised.
std::string statementShape(std::string_view sql, const routing::LexOptions &options);

struct WorkloadNode
{
    std::string node;
    routing::NodeRole role = routing::NodeRole::Replica;
    std::uint64_t statements = 0; // routed to this node alone
};

struct WorkloadShape
{
    std::string shape;
    std::string example; // the first statement of that shape
    std::uint64_t count = 0;
};

struct WorkloadReasonGroup
{
    std::string reason; // the deciding reason, in the router's words
    routing::ReasonCode code{};
    std::uint64_t count = 0;
    std::vector<WorkloadShape> shapes; // most frequent first (at most kMaxShapes)
    std::uint64_t distinctShapes = 0;
};

struct WorkloadResult
{
    static constexpr std::size_t kMaxShapes = 25;
    std::uint64_t total = 0;
    std::vector<WorkloadNode> nodes; // topology order; every node, also those with 0
    std::uint64_t toAll = 0;         // session commands: every backend
    std::uint64_t toNoPrimary = 0;   // the topology has no primary
    std::uint64_t wouldFail = 0;     // for a primary that is not up
    std::uint64_t toPrimary = 0;
    std::uint64_t toReplicas = 0;
    std::vector<WorkloadReasonGroup> primaryReasons; // most frequent first
};

// Routes `workload` (one Session per parsed session, in file order) with a fresh Router fed
// `topology`. Statements without a timestamp count as immediate (session windows apply).
Result<WorkloadResult> routeWorkload(const Workload &workload, const PreviewSettings &settings,
                                     const RouteTopologyFile &topology,
                                     const WorkloadProgress &progress = {});

} // namespace switchyard::ui
