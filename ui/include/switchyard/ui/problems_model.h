// The problems of the latest snapshot as a table, most severe first: severity (icon and
// colour), the node(s), what is wrong in words, the technical detail. Each row knows its node
// (NodeRole) so a click can select that node in the graph.
//
// Thread contract: GUI thread only. No I/O: it only reads the snapshot it was given.
#pragma once

#include "switchyard/core/snapshot.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QIcon>

#include <memory>
#include <vector>

namespace switchyard::ui {

// The kind of problem in words ("Replication SQL thread stopped"), translated.
QString problemText(const core::Problem &problem);
// One line for tooltips and copies: "db2, db3: Replication lag over the critical threshold — detail".
QString problemSummary(const core::Problem &problem);
QString severityText(core::Severity severity); // "Critical", "Warning", "Info"
QColor severityColor(core::Severity severity);
QIcon severityIcon(core::Severity severity); // drawn, so it needs a QGuiApplication

class ProblemsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SeverityColumn,
        NodesColumn,
        ProblemColumn,
        DetailColumn,
        ColumnCount
    };
    enum Roles
    {
        NodeRole = Qt::UserRole + 1, // QString: the first node the problem is about ("" if none)
        NodesRole,                   // QStringList: all of them
        SeverityRole,                // int: 0 info, 1 warning, 2 critical
        KindRole,                    // int: core::ProblemKind
    };

    explicit ProblemsModel(QObject *parent = nullptr);

    // Same problems as before (kind, severity, nodes): rows are updated in place (dataChanged)
    // and views keep their selection; otherwise the model is reset.
    void setSnapshot(std::shared_ptr<const core::ClusterSnapshot> snapshot);
    const core::Problem *problemAt(int row) const;
    int countAtLeast(core::Severity severity) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const core::ClusterSnapshot> m_snapshot;
    std::vector<std::size_t> m_order; // row -> index into m_snapshot->problems
};

} // namespace switchyard::ui
