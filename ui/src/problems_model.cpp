#include "switchyard/ui/problems_model.h"
#include "switchyard/ui/tr.h"

#include <QBrush>
#include <QFont>
#include <QPainter>
#include <QPixmap>

#include <algorithm>
#include <array>

namespace switchyard::ui {

QString problemText(const core::Problem &problem)
{
    switch (problem.kind) {
    case core::ProblemKind::PrimaryUnreachable:
        return Tr::tr("Primary unreachable");
    case core::ProblemKind::NodeUnreachable:
        return Tr::tr("Node unreachable");
    case core::ProblemKind::ReplicationIoStopped:
        return Tr::tr("Replication receiver (IO thread) stopped");
    case core::ProblemKind::ReplicationSqlStopped:
        return Tr::tr("Replication applier (SQL thread) stopped");
    case core::ProblemKind::ReplicationError:
        return Tr::tr("Replication error");
    case core::ProblemKind::LagWarning:
        return Tr::tr("Replication lag over the warning threshold");
    case core::ProblemKind::LagCritical:
        return Tr::tr("Replication lag over the critical threshold");
    case core::ProblemKind::LagUnknown:
        return Tr::tr("Replication lag unknown");
    case core::ProblemKind::ReadOnlyMismatch:
        return Tr::tr("Read-only setting does not match the role");
    case core::ProblemKind::MultiplePrimaries:
        return Tr::tr("More than one writable primary");
    case core::ProblemKind::NoPrimary:
        return Tr::tr("No primary");
    case core::ProblemKind::ErrantGtid:
        return Tr::tr("Errant transactions (GTIDs only on a replica)");
    case core::ProblemKind::InactiveSlot:
        return Tr::tr("Inactive replication slot retaining WAL");
    case core::ProblemKind::SwitchoverBlocker:
        return Tr::tr("Would block a switchover");
    }
    return Tr::tr("Problem");
}

QString problemSummary(const core::Problem &problem)
{
    QStringList nodes;
    for (const std::string &n : problem.nodes)
        nodes << qs(n);
    QString text = problemText(problem);
    if (!nodes.isEmpty())
        text = Tr::tr("%1: %2").arg(nodes.join(QStringLiteral(", ")), text);
    if (!problem.detail.empty())
        text += QStringLiteral(" — ") + qs(problem.detail);
    return text;
}

QString severityText(core::Severity severity)
{
    switch (severity) {
    case core::Severity::Critical:
        return Tr::tr("Critical");
    case core::Severity::Warning:
        return Tr::tr("Warning");
    case core::Severity::Info:
        return Tr::tr("Info");
    }
    return Tr::tr("Warning");
}

QColor severityColor(core::Severity severity)
{
    switch (severity) {
    case core::Severity::Critical:
        return QColor(0xc6, 0x28, 0x28);
    case core::Severity::Warning:
        return QColor(0xe0, 0x8e, 0x00);
    case core::Severity::Info:
        return QColor(0x15, 0x65, 0xc0);
    }
    return QColor(0xe0, 0x8e, 0x00);
}

QIcon severityIcon(core::Severity severity)
{
    // Drawn once per severity: a coloured disc with "!" or "i", readable at 16 px and in
    // every widget style (the offscreen and some desktop styles have no message-box icons).
    static std::array<QIcon, 3> cache;
    const auto slot = static_cast<std::size_t>(severity);
    if (slot >= cache.size())
        return {};
    if (cache[slot].isNull()) {
        QIcon icon;
        for (int size : {16, 24, 32}) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            QPainter p(&pixmap);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(Qt::NoPen);
            p.setBrush(severityColor(severity));
            const qreal m = size / 16.0;
            if (severity == core::Severity::Warning) {
                const QPointF tri[] = {
                    {size / 2.0, 1.0 * m}, {size - 0.5 * m, size - 1.5 * m}, {0.5 * m, size - 1.5 * m}};
                p.drawPolygon(tri, 3);
            } else {
                p.drawEllipse(QRectF(1 * m, 1 * m, size - 2 * m, size - 2 * m));
            }
            QFont f;
            f.setBold(true);
            f.setPixelSize(static_cast<int>(10 * m));
            p.setFont(f);
            p.setPen(severity == core::Severity::Warning ? QColor(0x3a, 0x2a, 0x00) : QColor(Qt::white));
            const QRectF textRect = severity == core::Severity::Warning ? QRectF(0, 3 * m, size, size - 4 * m)
                                                                        : QRectF(0, 0, size, size);
            p.drawText(textRect, Qt::AlignCenter,
                       severity == core::Severity::Info ? QStringLiteral("i") : QStringLiteral("!"));
            p.end();
            icon.addPixmap(pixmap);
        }
        cache[slot] = icon;
    }
    return cache[slot];
}

ProblemsModel::ProblemsModel(QObject *parent) : QAbstractTableModel(parent) {}

void ProblemsModel::setSnapshot(std::shared_ptr<const core::ClusterSnapshot> snapshot)
{
    std::vector<std::size_t> order;
    if (snapshot) {
        order.resize(snapshot->problems.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return static_cast<int>(snapshot->problems[a].severity) >
                   static_cast<int>(snapshot->problems[b].severity);
        });
    }
    auto sameRows = [&]() {
        if (!m_snapshot || !snapshot || order.size() != m_order.size())
            return false;
        for (std::size_t i = 0; i < order.size(); ++i) {
            const core::Problem &a = m_snapshot->problems[m_order[i]];
            const core::Problem &b = snapshot->problems[order[i]];
            if (a.kind != b.kind || a.severity != b.severity || a.nodes != b.nodes)
                return false;
        }
        return true;
    };
    if (sameRows()) {
        m_snapshot = std::move(snapshot);
        m_order = std::move(order);
        if (!m_order.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_order = std::move(order);
    endResetModel();
}

const core::Problem *ProblemsModel::problemAt(int row) const
{
    if (!m_snapshot || row < 0 || static_cast<std::size_t>(row) >= m_order.size())
        return nullptr;
    return &m_snapshot->problems[m_order[static_cast<std::size_t>(row)]];
}

int ProblemsModel::countAtLeast(core::Severity severity) const
{
    if (!m_snapshot)
        return 0;
    return static_cast<int>(std::count_if(
        m_snapshot->problems.begin(), m_snapshot->problems.end(), [severity](const core::Problem &p) {
            return static_cast<int>(p.severity) >= static_cast<int>(severity);
        }));
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_order.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    const core::Problem *p = index.isValid() ? problemAt(index.row()) : nullptr;
    if (!p)
        return {};
    switch (role) {
    case NodeRole:
        return p->nodes.empty() ? QString() : qs(p->nodes.front());
    case NodesRole: {
        QStringList nodes;
        for (const std::string &n : p->nodes)
            nodes << qs(n);
        return nodes;
    }
    case SeverityRole:
        return static_cast<int>(p->severity);
    case KindRole:
        return static_cast<int>(p->kind);
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityText(p->severity);
        case ProblemColumn:
            return problemText(*p);
        case NodesColumn:
            return data(index, NodesRole).toStringList().join(QStringLiteral(", "));
        case DetailColumn:
            return qs(p->detail);
        }
        return {};
    case Qt::ToolTipRole:
        return problemSummary(*p);
    case Qt::DecorationRole:
        return index.column() == SeverityColumn ? QVariant(severityIcon(p->severity)) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == SeverityColumn)
            return QBrush(p->severity == core::Severity::Warning ? QColor(0xa0, 0x60, 0x00)
                                                                 : severityColor(p->severity));
        return {};
    case Qt::FontRole:
        if (p->severity == core::Severity::Critical && index.column() != DetailColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    }
    return {};
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return Tr::tr("Severity");
    case ProblemColumn:
        return Tr::tr("Problem");
    case NodesColumn:
        return Tr::tr("Node(s)");
    case DetailColumn:
        return Tr::tr("Detail");
    }
    return {};
}

} // namespace switchyard::ui
