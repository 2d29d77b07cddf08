#include "switchyard/core/events.h"

#include <algorithm>
#include <array>
#include <set>

namespace switchyard::core {

namespace {

constexpr std::array<std::string_view, kEventTypeCount> kTypeNames = {
    "monitoring_started", "node_added", "node_down", "node_up", "role_changed", "read_only_changed",
    "io_thread_stopped", "io_thread_started", "sql_thread_stopped", "sql_thread_started", "replication_added",
    "replication_removed", "replication_error", "replication_error_cleared", "lag_warning", "lag_critical",
    "lag_cleared", "problem_appeared", "problem_cleared", "action",
};

bool answered(const NodeStatus &n)
{
    return n.reachability == Reachability::Reachable;
}

bool down(const NodeStatus &n)
{
    return n.reachability == Reachability::Unreachable || n.reachability == Reachability::NoAnswer;
}

// Problem kinds that the specific events already tell (node down, threads, errors, lag) or that
// describe configuration rather than something that happened.
bool reportedAsProblem(ProblemKind kind)
{
    switch (kind) {
    case ProblemKind::PrimaryUnreachable:
    case ProblemKind::NodeUnreachable:
    case ProblemKind::ReplicationIoStopped:
    case ProblemKind::ReplicationSqlStopped:
    case ProblemKind::ReplicationError:
    case ProblemKind::LagWarning:
    case ProblemKind::LagCritical:
    case ProblemKind::SwitchoverBlocker:
        return false;
    default:
        return true;
    }
}

std::string problemKey(const Problem &p)
{
    std::vector<std::string> nodes = p.nodes;
    std::sort(nodes.begin(), nodes.end());
    std::string key(problemKindName(p.kind));
    for (const std::string &n : nodes)
        key += '\x1f' + n;
    return key;
}

std::string joined(const std::vector<std::string> &nodes)
{
    std::string out;
    for (const std::string &n : nodes)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

std::string onOff(std::optional<bool> b)
{
    return b ? (*b ? "on" : "off") : "unknown";
}

const ReplicationChannel *findChannel(const NodeStatus &n, const std::string &name)
{
    for (const ReplicationChannel &ch : n.channels)
        if (ch.name == name)
            return &ch;
    return nullptr;
}

std::string errorText(const ReplicationChannel &ch)
{
    if (!ch.sqlError.empty())
        return ch.sqlErrno ? "SQL error " + std::to_string(ch.sqlErrno) + ": " + ch.sqlError : ch.sqlError;
    if (ch.ioErrno != 0 && !ch.ioError.empty())
        return "IO error " + std::to_string(ch.ioErrno) + ": " + ch.ioError;
    // PostgreSQL puts the receiver's state into ioError without an errno; that is a state
    // (the thread events tell it), not an error.
    return {};
}

} // namespace

std::string_view eventTypeName(EventType type)
{
    const auto i = static_cast<std::size_t>(type);
    return i < kTypeNames.size() ? kTypeNames[i] : std::string_view("unknown");
}

std::optional<EventType> parseEventType(std::string_view name)
{
    for (std::size_t i = 0; i < kTypeNames.size(); ++i)
        if (kTypeNames[i] == name)
            return static_cast<EventType>(i);
    return std::nullopt;
}

void EventDetector::reset()
{
    m_previous.reset();
    m_lagLevel.clear();
}

std::vector<Event> EventDetector::next(const ClusterSnapshot &cur)
{
    std::vector<Event> out;
    if (m_previous && cur.generation <= m_previous->generation && cur.generation != 0)
        return out;
    const bool first = !m_previous;
    const ClusterSnapshot *prev = first ? nullptr : &*m_previous;
    const std::int64_t at = cur.takenAtMs;

    auto emit = [&](EventType type, Severity sev, const std::string &node) -> Event & {
        Event e;
        e.atMs = at;
        e.type = type;
        e.severity = sev;
        e.node = node;
        out.push_back(std::move(e));
        return out.back();
    };

    if (first)
        emit(EventType::MonitoringStarted, Severity::Info, {}).detail = std::to_string(cur.nodes.size()) + " nodes";

    for (const NodeStatus &n : cur.nodes) {
        const NodeStatus *p = prev ? prev->find(n.name) : nullptr;
        const bool wasPrimary = (p ? p->role : n.role) == NodeRole::Primary;

        // Reachability.
        if (prev && !p)
            emit(EventType::NodeAdded, Severity::Info, n.name).detail = n.host + ":" + std::to_string(n.port);
        const bool wasDown = p && down(*p);
        if (down(n) && !wasDown) {
            Event &e = emit(EventType::NodeDown, wasPrimary ? Severity::Critical : Severity::Warning, n.name);
            e.detail = n.lastError ? n.lastError->describe()
                                   : (n.reachability == Reachability::NoAnswer ? "no answer within the poll interval" : "");
        } else if (answered(n) && wasDown) {
            emit(EventType::NodeUp, Severity::Info, n.name);
        }
        if (!answered(n))
            continue;  // its other facts are last round's
        const bool comparable = p && answered(*p);

        // Role and read-only.
        if (comparable && p->role != n.role && p->role != NodeRole::Unknown && n.role != NodeRole::Unknown) {
            Event &e = emit(EventType::RoleChanged, Severity::Warning, n.name);
            e.from = nodeRoleName(p->role);
            e.to = nodeRoleName(n.role);
        }
        if (comparable && p->readOnly && n.readOnly && *p->readOnly != *n.readOnly) {
            Event &e = emit(EventType::ReadOnlyChanged, Severity::Warning, n.name);
            e.from = onOff(p->readOnly);
            e.to = onOff(n.readOnly);
        }

        // Replication channels: threads and errors.
        for (const ReplicationChannel &ch : n.channels) {
            const ReplicationChannel *pc = comparable ? findChannel(*p, ch.name) : nullptr;
            if (comparable && !pc) {
                Event &e = emit(EventType::ReplicationAdded, Severity::Info, n.name);
                e.channel = ch.name;
                e.detail = ch.sourceHost + ":" + std::to_string(ch.sourcePort);
            }
            const std::string err = errorText(ch);
            const std::string prevErr = pc ? errorText(*pc) : std::string();
            auto thread = [&](std::optional<bool> was, std::optional<bool> is, EventType stopped, EventType started) {
                // At the first snapshot (or a new channel) only a stopped thread is news.
                const bool baseline = !pc;
                if (is == false && (baseline ? true : was == true)) {
                    Event &e = emit(stopped, err.empty() ? Severity::Warning : Severity::Critical, n.name);
                    e.channel = ch.name;
                    e.detail = err;
                } else if (!baseline && is == true && was == false) {
                    emit(started, Severity::Info, n.name).channel = ch.name;
                }
            };
            thread(pc ? pc->ioRunning : std::nullopt, ch.ioRunning, EventType::IoThreadStopped, EventType::IoThreadStarted);
            thread(pc ? pc->sqlRunning : std::nullopt, ch.sqlRunning, EventType::SqlThreadStopped, EventType::SqlThreadStarted);
            if (!err.empty() && err != prevErr) {
                Event &e = emit(EventType::ReplicationError, Severity::Critical, n.name);
                e.channel = ch.name;
                e.detail = err;
                e.from = prevErr;
            } else if (err.empty() && !prevErr.empty()) {
                Event &e = emit(EventType::ReplicationErrorCleared, Severity::Info, n.name);
                e.channel = ch.name;
                e.from = prevErr;
            }
        }
        if (comparable) {
            for (const ReplicationChannel &pc : p->channels) {
                if (!findChannel(n, pc.name)) {
                    Event &e = emit(EventType::ReplicationRemoved, Severity::Warning, n.name);
                    e.channel = pc.name;
                    e.detail = pc.sourceHost + ":" + std::to_string(pc.sourcePort);
                }
            }
        }

        // Lag thresholds, with hysteresis. Unknown lag changes nothing: it is not a recovery.
        if (n.lagSeconds && !n.channels.empty()) {
            const double lag = *n.lagSeconds;
            LagLevel &level = m_lagLevel[n.name];
            const LagLevel before = level;
            const double warn = m_options.lagWarnSeconds, crit = m_options.lagCriticalSeconds;
            LagLevel target = lag >= crit ? LagLevel::Critical : lag >= warn ? LagLevel::Warning : LagLevel::Normal;
            if (target < level) {  // going down a level needs the lag clearly below the threshold
                if (level == LagLevel::Critical && lag >= crit * m_options.clearFraction)
                    target = LagLevel::Critical;
                else if (target == LagLevel::Normal && lag >= warn * m_options.clearFraction)
                    target = LagLevel::Warning;
            }
            level = target;
            if (level != before) {
                const EventType type = level == LagLevel::Critical ? EventType::LagCritical
                                       : level == LagLevel::Warning ? EventType::LagWarning
                                                                    : EventType::LagCleared;
                // Falling from critical to warning is good news: info, not a warning.
                const Severity sev = level == LagLevel::Critical ? Severity::Critical
                                     : level == LagLevel::Warning && before == LagLevel::Normal ? Severity::Warning
                                                                                                : Severity::Info;
                Event &e = emit(type, sev, n.name);
                e.value = lag;
                e.threshold = level == LagLevel::Critical ? crit : warn;
            }
        }
    }

    // Problems not told by the events above.
    std::map<std::string, const Problem *> now, before;
    for (const Problem &p : cur.problems)
        if (reportedAsProblem(p.kind))
            now.emplace(problemKey(p), &p);
    if (prev)
        for (const Problem &p : prev->problems)
            if (reportedAsProblem(p.kind))
                before.emplace(problemKey(p), &p);
    for (const auto &[key, p] : now) {
        if (before.count(key))
            continue;
        Event &e = emit(EventType::ProblemAppeared, p->severity, p->nodes.size() == 1 ? p->nodes.front() : std::string());
        e.problem = p->kind;
        e.detail = p->detail;
        if (p->nodes.size() > 1)
            e.to = joined(p->nodes);
    }
    for (const auto &[key, p] : before) {
        if (now.count(key))
            continue;
        Event &e = emit(EventType::ProblemCleared, Severity::Info, p->nodes.size() == 1 ? p->nodes.front() : std::string());
        e.problem = p->kind;
        e.detail = p->detail;
        if (p->nodes.size() > 1)
            e.to = joined(p->nodes);
    }

    m_previous = cur;
    return out;
}

} // namespace switchyard::core
