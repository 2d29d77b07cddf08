// The event log as a table: time, severity, node, event, message (in words). The rows are
// what the HistoryStore answered for the current filter, newest first.
//
// Thread contract: GUI thread only; no I/O (the store reads on its worker).
#pragma once

#include "switchyard/ui/history_types.h"

#include <QAbstractTableModel>

namespace switchyard::ui {

class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Severity, Node, Type, Message, ColumnCount };
    enum Roles { EventTimeRole = Qt::UserRole + 1, EventIdRole, SeverityRole };

    explicit EventLogModel(QObject *parent = nullptr);

    void setEvents(const QList<StoredEvent> &events);   // newest first
    const QList<StoredEvent> &events() const { return m_events; }
    const StoredEvent *eventAt(int row) const;
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<StoredEvent> m_events;
};

} // namespace switchyard::ui
