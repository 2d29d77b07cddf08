// Values the history store reads and writes: chart series for a time range, stored events,
// the filter for the event log, the retention policy.
//
// Thread contract: plain values; copy freely between threads.
#pragma once

#include "switchyard/core/events.h"
#include "switchyard/core/metrics.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <array>
#include <limits>
#include <vector>

namespace switchyard::ui {

// The figures a chart can show, one value per node per round.
enum class Metric {
    Lag,                  // seconds
    BytesBehind,          // PostgreSQL
    TransactionsBehind,   // MariaDB / MySQL
    Queries,              // per second
    Transactions,         // per second
    RowsRead,             // per second
    RowsWritten,          // per second
    Connections,
    ThreadsRunning,
};
inline constexpr int kMetricCount = static_cast<int>(Metric::ThreadsRunning) + 1;

// One node's values over a range. `times` are the buckets' first sample times (ms since the
// epoch); a value is NaN where it was unknown (node unreachable, lag not reported, counters
// reset) and where nothing was recorded for longer than a few intervals (the console was not
// running): the chart breaks its line there.
struct NodeHistory
{
    QString node;
    bool replica = false;    // was a replica at some point in the range (has a lag line)
    std::vector<double> times;
    std::array<std::vector<double>, kMetricCount> values;

    const std::vector<double> &series(Metric m) const { return values[static_cast<std::size_t>(m)]; }
};

struct HistoryRange
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 bucketMs = 0;    // width of one point: 0 or less than the poll interval = every sample
    std::vector<NodeHistory> nodes;

    const NodeHistory *find(const QString &node) const
    {
        for (const NodeHistory &n : nodes)
            if (n.node == node)
                return &n;
        return nullptr;
    }
};

struct StoredEvent
{
    qint64 id = 0;
    core::Event event;
    QString sql;        // operator actions: the exact statements sent
    QString outcome;    // operator actions: the result
};

struct EventFilter
{
    qint64 fromMs = 0;
    qint64 toMs = std::numeric_limits<qint64>::max();
    QStringList nodes;                  // empty: all
    core::Severity minSeverity = core::Severity::Info;
    QList<core::EventType> types;       // empty: all
    int limit = 5000;                   // newest first
};

struct RetentionPolicy
{
    int fullResolutionDays = 7;   // every sample
    int keepDays = 90;            // 1-minute buckets after fullResolutionDays; events as long
};

} // namespace switchyard::ui

Q_DECLARE_METATYPE(switchyard::ui::HistoryRange)
Q_DECLARE_METATYPE(switchyard::ui::StoredEvent)
