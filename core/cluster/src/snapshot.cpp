#include "switchyard/core/snapshot.h"

#include <algorithm>

namespace switchyard::core {

std::string_view nodeRoleName(NodeRole role)
{
    switch (role) {
    case NodeRole::Primary: return "primary";
    case NodeRole::Replica: return "replica";
    case NodeRole::Unknown: break;
    }
    return "unknown";
}

std::string_view reachabilityName(Reachability reachability)
{
    switch (reachability) {
    case Reachability::Reachable: return "reachable";
    case Reachability::Unreachable: return "unreachable";
    case Reachability::NoAnswer: return "no_answer";
    case Reachability::Unknown: break;
    }
    return "unknown";
}

std::string_view edgeStateName(EdgeState state)
{
    switch (state) {
    case EdgeState::Running: return "running";
    case EdgeState::Lagging: return "lagging";
    case EdgeState::Stopped: return "stopped";
    case EdgeState::Error: return "error";
    case EdgeState::Unknown: break;
    }
    return "unknown";
}

std::string_view severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Critical: return "critical";
    }
    return "warning";
}

std::string_view problemKindName(ProblemKind kind)
{
    switch (kind) {
    case ProblemKind::PrimaryUnreachable: return "primary_unreachable";
    case ProblemKind::NodeUnreachable: return "node_unreachable";
    case ProblemKind::ReplicationIoStopped: return "replication_io_stopped";
    case ProblemKind::ReplicationSqlStopped: return "replication_sql_stopped";
    case ProblemKind::ReplicationError: return "replication_error";
    case ProblemKind::LagWarning: return "lag_warning";
    case ProblemKind::LagCritical: return "lag_critical";
    case ProblemKind::LagUnknown: return "lag_unknown";
    case ProblemKind::ReadOnlyMismatch: return "read_only_mismatch";
    case ProblemKind::MultiplePrimaries: return "multiple_primaries";
    case ProblemKind::NoPrimary: return "no_primary";
    case ProblemKind::ErrantGtid: return "errant_gtid";
    case ProblemKind::InactiveSlot: return "inactive_slot";
    case ProblemKind::SwitchoverBlocker: return "switchover_blocker";
    }
    return "unknown";
}

const NodeStatus *ClusterSnapshot::find(std::string_view name) const
{
    auto it = std::find_if(nodes.begin(), nodes.end(), [&](const NodeStatus &n) { return n.name == name; });
    return it == nodes.end() ? nullptr : &*it;
}

int ClusterSnapshot::countReachable() const
{
    return static_cast<int>(std::count_if(nodes.begin(), nodes.end(), [](const NodeStatus &n) {
        return n.reachability == Reachability::Reachable;
    }));
}

} // namespace switchyard::core
