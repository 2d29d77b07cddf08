// The cluster page: the topology graph (or, on its second tab, a sortable table of the same
// nodes), the problems of the latest round sorted by severity, and the details of the
// selected node, with a toolbar for zoom, fit and export. One selection across all of them:
// a node picked in the graph, the table or the problem list is picked everywhere.
//
// Embedding: create it, call setLagThresholds() with the profile's thresholds and
// setSnapshot() with every snapshot the monitor publishes (nullptr when the cluster closes).
//
// Thread contract: GUI thread only. No I/O except exporting a picture the user asked for.
#pragma once

#include "switchyard/core/snapshot.h"

#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTableView;
class QToolBar;

namespace switchyard::ui {

class NodeDetails;
class NodeTableModel;
class ProblemsModel;
class TopologyView;

class ClusterView : public QWidget
{
    Q_OBJECT
public:
    enum Tab
    {
        GraphTab = 0,
        TableTab = 1
    };

    explicit ClusterView(QWidget *parent = nullptr);
    ~ClusterView() override;

    void setSnapshot(std::shared_ptr<const core::ClusterSnapshot> snapshot);
    void setLagThresholds(double warnSeconds, double criticalSeconds);
    // Used in suggested export file names ("<cluster>-topology-<time>.png").
    void setClusterName(const QString &name);

    QString selectedNode() const;

    TopologyView *topologyView() const { return m_graph; }
    NodeTableModel *nodeModel() const { return m_nodeModel; }
    QSortFilterProxyModel *nodeProxy() const { return m_nodeProxy; }
    QTableView *nodeTable() const { return m_nodeTable; }
    ProblemsModel *problemsModel() const { return m_problemsModel; }
    QTableView *problemsView() const { return m_problemsView; }
    QLabel *problemsHeader() const { return m_problemsHeader; }
    NodeDetails *nodeDetails() const { return m_details; }
    QTabWidget *tabs() const { return m_tabs; }
    QToolBar *toolBar() const { return m_toolBar; }
    QAction *exportPngAction() const { return m_exportPng; }
    QAction *exportSvgAction() const { return m_exportSvg; }

    // The selected table rows (in the order shown) as tab-separated text: what Ctrl+C copies.
    QString selectedRowsText() const;

public slots:
    void selectNode(const QString &name);
    void copySelectedRows();
    void exportPng(); // asks where, then writes
    void exportSvg();

signals:
    void nodeSelected(const QString &name);

private:
    void onGraphSelection(const QString &name);
    void syncTable(const QString &name);
    void onTableSelection();
    void onProblemActivated(const QModelIndex &index);
    void updateProblemsHeader();
    void updateZoomLabel(double factor);
    void exportPicture(bool svg);

    std::shared_ptr<const core::ClusterSnapshot> m_snapshot;
    QString m_clusterName;
    QToolBar *m_toolBar = nullptr;
    QAction *m_exportPng = nullptr;
    QAction *m_exportSvg = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QSplitter *m_splitter = nullptr;
    QTabWidget *m_tabs = nullptr;
    TopologyView *m_graph = nullptr;
    NodeTableModel *m_nodeModel = nullptr;
    QSortFilterProxyModel *m_nodeProxy = nullptr;
    QTableView *m_nodeTable = nullptr;
    ProblemsModel *m_problemsModel = nullptr;
    QTableView *m_problemsView = nullptr;
    QLabel *m_problemsHeader = nullptr;
    NodeDetails *m_details = nullptr;
    bool m_syncing = false;
};

} // namespace switchyard::ui
