#include "switchyard/ui/event_log_model.h"

#include "switchyard/ui/event_text.h"
#include "switchyard/ui/tr.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>

namespace switchyard::ui {

EventLogModel::EventLogModel(QObject *parent) : QAbstractTableModel(parent) {}

void EventLogModel::setEvents(const QList<StoredEvent> &events)
{
    beginResetModel();
    m_events = events;
    endResetModel();
}

const StoredEvent *EventLogModel::eventAt(int row) const
{
    return row >= 0 && row < m_events.size() ? &m_events[row] : nullptr;
}

int EventLogModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_events.size(); ++i)
        if (m_events[i].id == id)
            return i;
    return -1;
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    const StoredEvent *s = eventAt(index.row());
    if (!s)
        return {};
    const core::Event &e = s->event;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time: return QDateTime::fromMSecsSinceEpoch(e.atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Severity: return severityTitle(e.severity);
        case Node: return qs(e.node);
        case Type: return eventTypeTitle(e.type);
        case Message: return eventMessage(*s);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Message)
            return eventMessage(*s);
        break;
    case Qt::ForegroundRole:
        if (index.column() == Severity || index.column() == Type) {
            if (e.severity == core::Severity::Critical)
                return QBrush(QColor(0xC0, 0x1C, 0x28));
            if (e.severity == core::Severity::Warning)
                return QBrush(QColor(0x9A, 0x60, 0x00));
        }
        break;
    case Qt::FontRole:
        if (e.severity == core::Severity::Critical && (index.column() == Severity || index.column() == Type)) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case EventTimeRole: return QVariant::fromValue(static_cast<qint64>(e.atMs));
    case EventIdRole: return QVariant::fromValue(s->id);
    case SeverityRole: return static_cast<int>(e.severity);
    default: break;
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return Tr::tr("Time");
    case Severity: return Tr::tr("Severity");
    case Node: return Tr::tr("Node");
    case Type: return Tr::tr("Event");
    case Message: return Tr::tr("What happened");
    }
    return {};
}

} // namespace switchyard::ui
