#include "switchyard/ui/event_text.h"

#include "switchyard/ui/tr.h"

#include <cmath>

namespace switchyard::ui {

using core::EventType;

QString formatLagSeconds(double s)
{
    if (std::isnan(s))
        return Tr::tr("unknown");
    if (s < 1.0)
        return Tr::tr("%1 ms").arg(std::lround(s * 1000.0));
    if (s < 60.0)
        return Tr::tr("%1 s").arg(s < 10.0 ? QString::number(s, 'f', 1) : QString::number(std::lround(s)));
    const long total = std::lround(s);
    if (total < 3600)
        return Tr::tr("%1 min %2 s").arg(total / 60).arg(total % 60);
    return Tr::tr("%1 h %2 min").arg(total / 3600).arg((total % 3600) / 60);
}

QString eventTypeTitle(EventType type)
{
    switch (type) {
    case EventType::MonitoringStarted: return Tr::tr("Monitoring started");
    case EventType::NodeAdded: return Tr::tr("Node discovered");
    case EventType::NodeDown: return Tr::tr("Node down");
    case EventType::NodeUp: return Tr::tr("Node up");
    case EventType::RoleChanged: return Tr::tr("Role changed");
    case EventType::ReadOnlyChanged: return Tr::tr("Read-only changed");
    case EventType::IoThreadStopped: return Tr::tr("Receiving stopped");
    case EventType::IoThreadStarted: return Tr::tr("Receiving started");
    case EventType::SqlThreadStopped: return Tr::tr("Applying stopped");
    case EventType::SqlThreadStarted: return Tr::tr("Applying started");
    case EventType::ReplicationAdded: return Tr::tr("Replication configured");
    case EventType::ReplicationRemoved: return Tr::tr("Replication removed");
    case EventType::ReplicationError: return Tr::tr("Replication error");
    case EventType::ReplicationErrorCleared: return Tr::tr("Replication error cleared");
    case EventType::LagWarning: return Tr::tr("Lag warning");
    case EventType::LagCritical: return Tr::tr("Lag critical");
    case EventType::LagCleared: return Tr::tr("Lag back to normal");
    case EventType::ProblemAppeared: return Tr::tr("Problem");
    case EventType::ProblemCleared: return Tr::tr("Problem cleared");
    case EventType::Action: return Tr::tr("Operator action");
    }
    return Tr::tr("Event");
}

QString severityTitle(core::Severity severity)
{
    switch (severity) {
    case core::Severity::Info: return Tr::tr("info");
    case core::Severity::Warning: return Tr::tr("warning");
    case core::Severity::Critical: return Tr::tr("critical");
    }
    return {};
}

namespace {

QString problemTitle(core::ProblemKind kind)
{
    switch (kind) {
    case core::ProblemKind::PrimaryUnreachable: return Tr::tr("the primary is unreachable");
    case core::ProblemKind::NodeUnreachable: return Tr::tr("a node is unreachable");
    case core::ProblemKind::ReplicationIoStopped: return Tr::tr("receiving is stopped");
    case core::ProblemKind::ReplicationSqlStopped: return Tr::tr("applying is stopped");
    case core::ProblemKind::ReplicationError: return Tr::tr("replication reports an error");
    case core::ProblemKind::LagWarning: return Tr::tr("lag above the warning threshold");
    case core::ProblemKind::LagCritical: return Tr::tr("lag above the critical threshold");
    case core::ProblemKind::LagUnknown: return Tr::tr("lag cannot be measured");
    case core::ProblemKind::ReadOnlyMismatch: return Tr::tr("read-only setting does not match the role");
    case core::ProblemKind::MultiplePrimaries: return Tr::tr("more than one writable primary");
    case core::ProblemKind::NoPrimary: return Tr::tr("no writable primary");
    case core::ProblemKind::ErrantGtid: return Tr::tr("errant transactions");
    case core::ProblemKind::InactiveSlot: return Tr::tr("inactive replication slot");
    case core::ProblemKind::SwitchoverBlocker: return Tr::tr("switchover blocker");
    }
    return {};
}

QString via(const core::Event &e)
{
    return e.channel.empty() ? QString() : Tr::tr(" (channel %1)").arg(qs(e.channel));
}

QString withDetail(const QString &sentence, const core::Event &e)
{
    return e.detail.empty() ? sentence : Tr::tr("%1: %2").arg(sentence, qs(e.detail));
}

} // namespace

QString eventMessage(const core::Event &e)
{
    const QString node = qs(e.node);
    switch (e.type) {
    case EventType::MonitoringStarted:
        return withDetail(Tr::tr("Monitoring started"), e);
    case EventType::NodeAdded:
        return Tr::tr("%1 joined the cluster view (%2)").arg(node, qs(e.detail));
    case EventType::NodeDown:
        return withDetail(Tr::tr("%1 stopped answering").arg(node), e);
    case EventType::NodeUp:
        return Tr::tr("%1 answers again").arg(node);
    case EventType::RoleChanged:
        return Tr::tr("%1 changed role from %2 to %3").arg(node, qs(e.from), qs(e.to));
    case EventType::ReadOnlyChanged:
        return Tr::tr("%1: read_only went from %2 to %3").arg(node, qs(e.from), qs(e.to));
    case EventType::IoThreadStopped:
        return withDetail(Tr::tr("%1 stopped receiving from its source%2").arg(node, via(e)), e);
    case EventType::IoThreadStarted:
        return Tr::tr("%1 receives from its source again%2").arg(node, via(e));
    case EventType::SqlThreadStopped:
        return withDetail(Tr::tr("%1 stopped applying replicated changes%2").arg(node, via(e)), e);
    case EventType::SqlThreadStarted:
        return Tr::tr("%1 applies replicated changes again%2").arg(node, via(e));
    case EventType::ReplicationAdded:
        return Tr::tr("%1 now replicates from %2%3").arg(node, qs(e.detail), via(e));
    case EventType::ReplicationRemoved:
        return Tr::tr("%1 no longer replicates from %2%3").arg(node, qs(e.detail), via(e));
    case EventType::ReplicationError:
        return Tr::tr("%1 reports a replication error%2: %3").arg(node, via(e), qs(e.detail));
    case EventType::ReplicationErrorCleared:
        return Tr::tr("%1: the replication error cleared%2").arg(node, via(e));
    case EventType::LagWarning:
        return Tr::tr("Lag on %1 reached %2 (warning threshold %3)")
            .arg(node, formatLagSeconds(e.value.value_or(NAN)), formatLagSeconds(e.threshold.value_or(NAN)));
    case EventType::LagCritical:
        return Tr::tr("Lag on %1 reached %2 (critical threshold %3)")
            .arg(node, formatLagSeconds(e.value.value_or(NAN)), formatLagSeconds(e.threshold.value_or(NAN)));
    case EventType::LagCleared:
        return Tr::tr("Lag on %1 is back to %2").arg(node, formatLagSeconds(e.value.value_or(NAN)));
    case EventType::ProblemAppeared:
    case EventType::ProblemCleared: {
        const QString what = e.problem ? problemTitle(*e.problem) : Tr::tr("a problem");
        const QString where = !e.node.empty() ? node : qs(e.to);
        QString s = e.type == EventType::ProblemAppeared
                        ? (where.isEmpty() ? Tr::tr("Problem: %1").arg(what) : Tr::tr("Problem on %1: %2").arg(where, what))
                        : (where.isEmpty() ? Tr::tr("Cleared: %1").arg(what) : Tr::tr("Cleared on %1: %2").arg(where, what));
        return e.type == EventType::ProblemAppeared ? withDetail(s, e) : s;
    }
    case EventType::Action:
        return node.isEmpty() ? qs(e.detail) : Tr::tr("%1 on %2").arg(qs(e.detail), node);
    }
    return qs(e.detail);
}

QString eventMessage(const StoredEvent &s)
{
    QString text = eventMessage(s.event);
    if (s.event.type == EventType::Action) {
        if (!s.sql.isEmpty())
            text += Tr::tr(" — SQL: %1").arg(s.sql);
        if (!s.outcome.isEmpty())
            text += Tr::tr(" — %1").arg(s.outcome);
    }
    return text;
}

} // namespace switchyard::ui
