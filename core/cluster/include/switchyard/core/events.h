// What changed between two consecutive snapshots, as events for the event log: nodes going down
// and coming back, role changes, replication threads stopping and starting, replication errors
// appearing and clearing, lag crossing and clearing the profile's thresholds, problems (from
// topology.h) appearing and clearing. Operator actions are events too (EventType::Action); the
// UI records those itself.
//
// Core speaks data: an event carries its type, severity, node, channel and the facts (old and
// new value, lag and threshold, the server's error text); the UI turns them into sentences.
//
// Thread contract: EventDetector is a plain value with state (the previous snapshot and each
// replica's lag level); use one per monitored cluster from one thread at a time.
#pragma once

#include "switchyard/core/snapshot.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::core {

enum class EventType {
    MonitoringStarted,     // first snapshot of a session
    NodeAdded,             // a node joined the snapshot (discovered)
    NodeDown,              // stopped answering (detail: the error)
    NodeUp,                // answers again
    RoleChanged,           // from -> to (role names)
    ReadOnlyChanged,       // from -> to ("on"/"off")
    IoThreadStopped,
    IoThreadStarted,
    SqlThreadStopped,
    SqlThreadStarted,
    ReplicationAdded,      // a channel appeared on a node
    ReplicationRemoved,    // a channel disappeared from a reachable node
    ReplicationError,      // an IO or SQL error appeared or changed (detail: the text)
    ReplicationErrorCleared,
    LagWarning,            // lag reached the warning threshold (value, threshold)
    LagCritical,           // lag reached the critical threshold
    LagCleared,            // back under the warning threshold
    ProblemAppeared,       // a problem kind not covered by the types above (problem, detail)
    ProblemCleared,
    Action,                // an operator action (recorded by the UI)
};
inline constexpr int kEventTypeCount = static_cast<int>(EventType::Action) + 1;
std::string_view eventTypeName(EventType type);              // stable key, e.g. "lag_critical"
std::optional<EventType> parseEventType(std::string_view name);

struct Event
{
    std::int64_t atMs = 0;
    Severity severity = Severity::Info;
    EventType type = EventType::MonitoringStarted;
    std::string node;               // empty for cluster-wide events
    std::string channel;            // replication channel, when it applies
    std::string from, to;           // old and new value for *Changed events
    std::optional<double> value;    // lag in seconds for Lag* events
    std::optional<double> threshold;
    std::optional<ProblemKind> problem;  // Problem* events
    std::string detail;             // technical detail in English (server error text, problem detail)
};

struct EventOptions
{
    double lagWarnSeconds = 10.0;
    double lagCriticalSeconds = 30.0;
    // Lag clears only once it falls below this fraction of the threshold it crossed, so a lag
    // hovering around a threshold does not fill the log (hysteresis).
    double clearFraction = 0.8;
};

class EventDetector
{
public:
    explicit EventDetector(EventOptions options = {}) : m_options(options) {}
    void setOptions(const EventOptions &options) { m_options = options; }
    const EventOptions &options() const { return m_options; }

    // Events between the previous snapshot given to next() and `current`. The first call
    // reports MonitoringStarted and every abnormal state already present (node down, thread
    // stopped, error, lag above a threshold, problems), so the log tells what was wrong when
    // monitoring began. A snapshot with a generation not above the last one is ignored.
    std::vector<Event> next(const ClusterSnapshot &current);

    void reset();

private:
    enum class LagLevel { Normal, Warning, Critical };
    EventOptions m_options;
    std::optional<ClusterSnapshot> m_previous;
    std::map<std::string, LagLevel> m_lagLevel;   // by node name
};

} // namespace switchyard::core
