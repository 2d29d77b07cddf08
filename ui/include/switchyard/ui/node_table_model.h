// The nodes of the latest snapshot as a table: name, address, role, version, read-only, lag,
// source, state. Updated in place (dataChanged) while the node set stays the same, so views
// keep their selection and scroll position.
//
// Thread contract: GUI thread only. No I/O: it only reads the snapshot it was given.
#pragma once

#include "switchyard/core/snapshot.h"

#include <QAbstractTableModel>

#include <memory>

namespace switchyard::ui {

class NodeTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Address, Role, Version, ReadOnly, Lag, Source, State, ColumnCount };
    enum Roles { SeverityRole = Qt::UserRole + 1 };  // 0 ok, 1 warning, 2 critical

    explicit NodeTableModel(QObject *parent = nullptr);

    void setSnapshot(std::shared_ptr<const core::ClusterSnapshot> snapshot);
    void setLagThresholds(double warnSeconds, double criticalSeconds);
    const core::ClusterSnapshot *snapshot() const { return m_snapshot.get(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString lagText(const core::NodeStatus &node);
    static QString stateText(const core::NodeStatus &node);

private:
    int severity(const core::NodeStatus &node) const;

    std::shared_ptr<const core::ClusterSnapshot> m_snapshot;
    double m_warn = 10.0;
    double m_critical = 30.0;
};

} // namespace switchyard::ui
