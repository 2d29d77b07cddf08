#include "switchyard/ui/node_table_model.h"
#include "switchyard/ui/tr.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>

namespace switchyard::ui {

NodeTableModel::NodeTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void NodeTableModel::setSnapshot(std::shared_ptr<const core::ClusterSnapshot> snapshot)
{
    const bool sameShape = m_snapshot && snapshot && m_snapshot->nodes.size() == snapshot->nodes.size()
                           && std::equal(m_snapshot->nodes.begin(), m_snapshot->nodes.end(), snapshot->nodes.begin(),
                                         [](const auto &a, const auto &b) { return a.name == b.name; });
    if (sameShape) {
        m_snapshot = std::move(snapshot);
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_snapshot = std::move(snapshot);
    endResetModel();
}

void NodeTableModel::setLagThresholds(double warnSeconds, double criticalSeconds)
{
    m_warn = warnSeconds;
    m_critical = criticalSeconds;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int NodeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_snapshot ? 0 : static_cast<int>(m_snapshot->nodes.size());
}

int NodeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString NodeTableModel::lagText(const core::NodeStatus &node)
{
    if (node.role != core::NodeRole::Replica)
        return QStringLiteral("—");
    if (!node.lagSeconds)
        return Tr::tr("unknown");
    const double lag = *node.lagSeconds;
    if (lag < 10)
        return Tr::tr("%1 s").arg(lag, 0, 'f', lag < 1 && lag > 0 ? 2 : 0);
    return Tr::tr("%1 s").arg(lag, 0, 'f', 0);
}

QString NodeTableModel::stateText(const core::NodeStatus &node)
{
    switch (node.reachability) {
    case core::Reachability::Unknown: return Tr::tr("connecting…");
    case core::Reachability::NoAnswer:
        return node.lastError ? Tr::tr("no answer (last: %1)").arg(describeError(*node.lastError))
                              : Tr::tr("no answer yet");
    case core::Reachability::Unreachable:
        return node.lastError ? describeError(*node.lastError) : Tr::tr("unreachable");
    case core::Reachability::Reachable: break;
    }
    if (node.role == core::NodeRole::Replica) {
        if (node.ioThreadRunning == false || node.sqlThreadRunning == false) {
            QString what = node.ioThreadRunning == false ? Tr::tr("replication receiver stopped")
                                                         : Tr::tr("replication applier stopped");
            if (!node.replicationError.empty())
                what += QStringLiteral(": ") + qs(node.replicationError);
            return what;
        }
        return Tr::tr("replicating");
    }
    return Tr::tr("online");
}

int NodeTableModel::severity(const core::NodeStatus &node) const
{
    if (node.reachability == core::Reachability::Unreachable || node.reachability == core::Reachability::NoAnswer)
        return 2;
    if (node.role == core::NodeRole::Replica) {
        if (node.ioThreadRunning == false || node.sqlThreadRunning == false)
            return 2;
        if (!node.lagSeconds)
            return 1;  // unknown lag is a warning, not a green 0
        if (*node.lagSeconds >= m_critical)
            return 2;
        if (*node.lagSeconds >= m_warn)
            return 1;
    }
    return 0;
}

QVariant NodeTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_snapshot || index.row() >= rowCount())
        return {};
    const core::NodeStatus &n = m_snapshot->nodes[static_cast<std::size_t>(index.row())];
    if (role == SeverityRole)
        return severity(n);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Name: return qs(n.name);
        case Address: return QStringLiteral("%1:%2").arg(qs(n.host)).arg(n.port);
        case Role:
            switch (n.role) {
            case core::NodeRole::Primary: return Tr::tr("primary");
            case core::NodeRole::Replica: return Tr::tr("replica");
            case core::NodeRole::Unknown: return Tr::tr("unknown");
            }
            return {};
        case Version: return n.version.empty() ? QStringLiteral("—") : qs(n.version);
        case ReadOnly:
            if (!n.readOnly)
                return Tr::tr("unknown");
            return *n.readOnly ? Tr::tr("read-only") : Tr::tr("writable");
        case Lag: return lagText(n);
        case Source: return n.replicationSource.empty() ? QStringLiteral("—") : qs(n.replicationSource);
        case State: {
            QString text = stateText(n);
            if (role == Qt::ToolTipRole && n.checkedAtMs > 0)
                text += QLatin1Char('\n')
                        + Tr::tr("Last answer %1").arg(QDateTime::fromMSecsSinceEpoch(n.checkedAtMs).toString(Qt::ISODate));
            return text;
        }
        }
    }
    if (role == Qt::ForegroundRole && (index.column() == State || index.column() == Lag)) {
        switch (severity(n)) {
        case 2: return QBrush(QColor(0xc6, 0x28, 0x28));
        case 1: return QBrush(QColor(0xb2, 0x6a, 0x00));
        default: return QBrush(QColor(0x2e, 0x7d, 0x32));
        }
    }
    if (role == Qt::FontRole && index.column() == Role && n.role == core::NodeRole::Primary) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::TextAlignmentRole && index.column() == Lag)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant NodeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return Tr::tr("Node");
    case Address: return Tr::tr("Address");
    case Role: return Tr::tr("Role");
    case Version: return Tr::tr("Version");
    case ReadOnly: return Tr::tr("Read-only");
    case Lag: return Tr::tr("Lag");
    case Source: return Tr::tr("Replicates from");
    case State: return Tr::tr("State");
    }
    return {};
}

} // namespace switchyard::ui
