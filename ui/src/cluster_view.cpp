#include "switchyard/ui/cluster_view.h"
#include "switchyard/ui/node_details.h"
#include "switchyard/ui/node_table_model.h"
#include "switchyard/ui/problems_model.h"
#include "switchyard/ui/topology_view.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace switchyard::ui {
namespace {

// The problem column: the problem in words (bold when critical), and under it its technical
// detail in a quieter colour, both wrapped to the column's width. A narrow panel then cuts
// neither, where separate columns cut both.
class ProblemCellDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem o(option);
        initStyleOption(&o, index);
        const QString title = o.text;
        o.text.clear();
        const QWidget *w = o.widget;
        (w ? w->style() : QApplication::style())->drawControl(QStyle::CE_ItemViewItem, &o, painter, w);
        const bool selected = o.state & QStyle::State_Selected;
        const QRect r = o.rect.adjusted(kPad, kPad, -kPad, -kPad);
        painter->save();
        painter->setFont(o.font);
        painter->setPen(o.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        QRect used;
        painter->drawText(r, kFlags, title, &used);
        const QString detail = detailOf(index);
        if (!detail.isEmpty()) {
            painter->setFont(detailFont(o.font));
            painter->setPen(o.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
            painter->drawText(r.adjusted(0, used.height() + kGap, 0, 0), kFlags, detail);
        }
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem o(option);
        initStyleOption(&o, index);
        const int width = std::max(80, o.rect.width()) - 2 * kPad;
        const QRect bounds(0, 0, width, 100000);
        int height = QFontMetrics(o.font).boundingRect(bounds, kFlags, o.text).height();
        const QString detail = detailOf(index);
        if (!detail.isEmpty())
            height += kGap + QFontMetrics(detailFont(o.font)).boundingRect(bounds, kFlags, detail).height();
        return {QFontMetrics(o.font).horizontalAdvance(o.text) / 2 + 2 * kPad, height + 2 * kPad};
    }

private:
    static constexpr int kPad = 3;
    static constexpr int kGap = 1;
    static constexpr int kFlags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;

    static QString detailOf(const QModelIndex &index)
    {
        return index.siblingAtColumn(ProblemsModel::DetailColumn).data().toString();
    }
    static QFont detailFont(QFont f)
    {
        f.setBold(false);
        return f;
    }
};

} // namespace

ClusterView::ClusterView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("clusterView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_graph = new TopologyView;
    m_nodeModel = new NodeTableModel(this);
    m_nodeProxy = new QSortFilterProxyModel(this);
    m_nodeProxy->setSourceModel(m_nodeModel);
    m_nodeProxy->setSortRole(Qt::DisplayRole);
    m_nodeProxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_nodeProxy->setDynamicSortFilter(true);
    m_problemsModel = new ProblemsModel(this);

    // Toolbar: zoom, fit, export.
    m_toolBar = new QToolBar;
    m_toolBar->setObjectName(QStringLiteral("clusterToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // − [current zoom] +  |  Actual size  Fit: the percentage is shown once, between its buttons.
    auto *zoomOut = m_toolBar->addAction(tr("−"), m_graph, &TopologyView::zoomOut);
    zoomOut->setToolTip(tr("Zoom out (−, or the mouse wheel)"));
    m_zoomLabel = new QLabel;
    m_zoomLabel->setMinimumWidth(56);
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    m_zoomLabel->setToolTip(tr("Current zoom"));
    m_toolBar->addWidget(m_zoomLabel);
    auto *zoomIn = m_toolBar->addAction(tr("+"), m_graph, &TopologyView::zoomIn);
    zoomIn->setToolTip(tr("Zoom in (+, or the mouse wheel)"));
    m_toolBar->addSeparator();
    auto *actual = m_toolBar->addAction(tr("Actual size"), m_graph, &TopologyView::resetZoom);
    actual->setToolTip(tr("Zoom to 100 % (0)"));
    auto *fit = m_toolBar->addAction(tr("Fit"), m_graph, &TopologyView::fitToWindow);
    fit->setToolTip(tr("Fit the whole topology in the window and follow it (F)"));
    m_toolBar->addSeparator();
    m_exportPng = m_toolBar->addAction(tr("Export PNG…"), this, &ClusterView::exportPng);
    m_exportPng->setToolTip(tr("Save the whole topology picture as a PNG image"));
    m_exportSvg = m_toolBar->addAction(tr("Export SVG…"), this, &ClusterView::exportSvg);
    m_exportSvg->setToolTip(tr("Save the whole topology picture as an SVG drawing"));
    layout->addWidget(m_toolBar);
    const QList<QAction *> zoomActions{zoomOut, zoomIn, actual, fit};

    // Left: graph and table of the same nodes.
    m_nodeTable = new QTableView;
    m_nodeTable->setObjectName(QStringLiteral("clusterNodeTable"));
    m_nodeTable->setModel(m_nodeProxy);
    m_nodeTable->setSortingEnabled(true);
    m_nodeTable->sortByColumn(NodeTableModel::Name, Qt::AscendingOrder);
    m_nodeTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_nodeTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_nodeTable->setAlternatingRowColors(true);
    m_nodeTable->setWordWrap(false);
    m_nodeTable->verticalHeader()->hide();
    m_nodeTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_nodeTable->horizontalHeader()->setSectionResizeMode(NodeTableModel::State, QHeaderView::Stretch);
    auto *copy = new QAction(tr("Copy rows"), m_nodeTable);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &ClusterView::copySelectedRows);
    m_nodeTable->addAction(copy);
    m_nodeTable->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("clusterTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_graph, tr("Graph"));
    m_tabs->addTab(m_nodeTable, tr("Table"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [zoomActions](int index) {
        for (QAction *a : zoomActions)
            a->setEnabled(index == GraphTab);
    });

    // Right: problems above, details below.
    auto *problems = new QWidget;
    auto *pl = new QVBoxLayout(problems);
    pl->setContentsMargins(6, 6, 6, 0);
    pl->setSpacing(4);
    m_problemsHeader = new QLabel;
    m_problemsHeader->setObjectName(QStringLiteral("problemsHeader"));
    m_problemsView = new QTableView;
    m_problemsView->setObjectName(QStringLiteral("problemsView"));
    m_problemsView->setModel(m_problemsModel);
    m_problemsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_problemsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_problemsView->setAlternatingRowColors(true);
    m_problemsView->verticalHeader()->hide();
    // Severity and node fit their contents; the problem takes the rest, its detail under it,
    // both wrapped (the detail is also in the tooltip and in the node's details below).
    m_problemsView->setWordWrap(true);
    m_problemsView->setItemDelegateForColumn(ProblemsModel::ProblemColumn, new ProblemCellDelegate(m_problemsView));
    m_problemsView->setColumnHidden(ProblemsModel::DetailColumn, true);
    m_problemsView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_problemsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_problemsView->horizontalHeader()->setSectionResizeMode(ProblemsModel::ProblemColumn, QHeaderView::Stretch);
    pl->addWidget(m_problemsHeader);
    pl->addWidget(m_problemsView, 1);

    auto *detailsBox = new QWidget;
    auto *dl = new QVBoxLayout(detailsBox);
    dl->setContentsMargins(6, 6, 6, 6);
    m_details = new NodeDetails;
    dl->addWidget(m_details);

    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(problems);
    right->addWidget(detailsBox);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 2);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("clusterSplitter"));
    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({820, 520});
    m_splitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter, 1);

    connect(m_graph, &TopologyView::nodeSelected, this, &ClusterView::onGraphSelection);
    connect(m_graph, &TopologyView::zoomChanged, this, &ClusterView::updateZoomLabel);
    // After the view applied the click (a Ctrl+click toggles after moving the current row).
    connect(m_nodeTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ClusterView::onTableSelection);
    connect(m_problemsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onProblemActivated(current); });
    connect(m_problemsView, &QTableView::clicked, this, &ClusterView::onProblemActivated);
    connect(m_problemsView, &QTableView::activated, this, &ClusterView::onProblemActivated);

    updateProblemsHeader();
    updateZoomLabel(m_graph->zoom());
}

ClusterView::~ClusterView() = default;

void ClusterView::setSnapshot(std::shared_ptr<const core::ClusterSnapshot> snapshot)
{
    m_snapshot = snapshot;

    // The problem the user is looking at, to find it again if the list is rebuilt.
    std::optional<std::pair<int, QStringList>> problemKey;
    if (const QModelIndex cur = m_problemsView->currentIndex(); cur.isValid())
        problemKey = std::pair(cur.data(ProblemsModel::KindRole).toInt(),
                               cur.data(ProblemsModel::NodesRole).toStringList());

    m_syncing = true;
    m_graph->setSnapshot(snapshot);
    m_nodeModel->setSnapshot(snapshot);
    m_problemsModel->setSnapshot(snapshot);
    m_details->setSnapshot(snapshot);
    if (problemKey && !m_problemsView->currentIndex().isValid()) {
        for (int row = 0; row < m_problemsModel->rowCount(); ++row) {
            const QModelIndex idx = m_problemsModel->index(row, 0);
            if (idx.data(ProblemsModel::KindRole).toInt() == problemKey->first &&
                idx.data(ProblemsModel::NodesRole).toStringList() == problemKey->second) {
                m_problemsView->setCurrentIndex(idx);
                break;
            }
        }
    }
    m_syncing = false;

    // The graph dropped a node that is gone; everything else follows it.
    const QString selected = m_graph->selectedNode();
    if (selected != m_details->node())
        onGraphSelection(selected);
    else
        syncTable(selected);
    updateProblemsHeader();
}

void ClusterView::setLagThresholds(double warnSeconds, double criticalSeconds)
{
    m_graph->setLagThresholds(warnSeconds, criticalSeconds);
    m_nodeModel->setLagThresholds(warnSeconds, criticalSeconds);
    m_details->setLagThresholds(warnSeconds, criticalSeconds);
}

void ClusterView::setClusterName(const QString &name)
{
    m_clusterName = name;
}

QString ClusterView::selectedNode() const
{
    return m_graph->selectedNode();
}

void ClusterView::selectNode(const QString &name)
{
    if (m_graph->selectedNode() != name) {
        m_graph->selectNode(name); // comes back through onGraphSelection
        return;
    }
    syncTable(name);
}

void ClusterView::syncTable(const QString &name)
{
    // The table follows the graph without signalling back.
    m_syncing = true;
    QItemSelectionModel *sel = m_nodeTable->selectionModel();
    bool found = false;
    if (!name.isEmpty()) {
        for (int row = 0; row < m_nodeModel->rowCount(); ++row) {
            const QModelIndex source = m_nodeModel->index(row, NodeTableModel::Name);
            if (source.data().toString() != name)
                continue;
            const QModelIndex proxy = m_nodeProxy->mapFromSource(source);
            // A row the user already has among several selected (Ctrl+click, to copy them)
            // stays part of that selection.
            if (!sel->isRowSelected(proxy.row(), {}))
                sel->setCurrentIndex(proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            else if (sel->currentIndex().row() != proxy.row())
                sel->setCurrentIndex(proxy, QItemSelectionModel::NoUpdate);
            m_nodeTable->scrollTo(proxy);
            found = true;
            break;
        }
    }
    if (!found && sel->hasSelection())
        sel->clearSelection();
    m_syncing = false;
}

void ClusterView::onGraphSelection(const QString &name)
{
    m_details->setNode(name);
    if (!m_syncing)
        syncTable(name);
    emit nodeSelected(name);
}

void ClusterView::onTableSelection()
{
    if (m_syncing)
        return;
    const QModelIndex current = m_nodeTable->currentIndex();
    if (!current.isValid() || !m_nodeTable->selectionModel()->isRowSelected(current.row(), {}))
        return;
    const QModelIndex source = m_nodeProxy->mapToSource(current);
    const QString name = m_nodeModel->index(source.row(), NodeTableModel::Name).data().toString();
    if (name != m_graph->selectedNode())
        m_graph->selectNode(name);
}

void ClusterView::onProblemActivated(const QModelIndex &index)
{
    if (m_syncing || !index.isValid())
        return;
    const QString name = index.data(ProblemsModel::NodeRole).toString();
    if (!name.isEmpty())
        selectNode(name);
}

void ClusterView::updateProblemsHeader()
{
    int counts[3] = {0, 0, 0};
    if (m_snapshot)
        for (const core::Problem &p : m_snapshot->problems)
            ++counts[std::clamp(static_cast<int>(p.severity), 0, 2)];
    QStringList parts;
    const core::Severity order[] = {core::Severity::Critical, core::Severity::Warning, core::Severity::Info};
    for (int i = 0; i < 3; ++i) {
        const int n = counts[static_cast<int>(order[i])];
        const QString words = i == 0   ? tr("%n critical", nullptr, n)
                              : i == 1 ? tr("%n warning(s)", nullptr, n)
                                       : tr("%n info", nullptr, n);
        if (n > 0)
            parts << QStringLiteral("<span style=\"color:%1\">%2</span>")
                         .arg(severityColor(order[i]).name(), words.toHtmlEscaped());
    }
    QString text = QStringLiteral("<b>%1</b>").arg(tr("Problems").toHtmlEscaped());
    if (!m_snapshot)
        text += QStringLiteral(" · ") + tr("waiting for the first round").toHtmlEscaped();
    else if (parts.isEmpty())
        text += QStringLiteral(" · <span style=\"color:#2e7d32\">%1</span>")
                    .arg(tr("none in the last round").toHtmlEscaped());
    else
        text += QStringLiteral(" · ") + parts.join(QStringLiteral(", "));
    m_problemsHeader->setText(text);
}

void ClusterView::updateZoomLabel(double factor)
{
    m_zoomLabel->setText(tr("%1 %").arg(qRound(factor * 100)));
}

QString ClusterView::selectedRowsText() const
{
    QModelIndexList rows = m_nodeTable->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex &row : rows) {
        QStringList cells;
        for (int column = 0; column < m_nodeProxy->columnCount(); ++column) {
            QString cell = m_nodeProxy->index(row.row(), column).data().toString();
            cell.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
            cells << cell;
        }
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void ClusterView::copySelectedRows()
{
    const QString text = selectedRowsText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void ClusterView::exportPng()
{
    exportPicture(false);
}

void ClusterView::exportSvg()
{
    exportPicture(true);
}

void ClusterView::exportPicture(bool svg)
{
    QString base = m_clusterName.isEmpty() ? QStringLiteral("cluster") : m_clusterName;
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QDir::homePath();
    const QString suggested = QDir(dir).filePath(
        QStringLiteral("%1-topology-%2.%3")
            .arg(base, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")),
                 svg ? QStringLiteral("svg") : QStringLiteral("png")));
    const QString file =
        QFileDialog::getSaveFileName(this, svg ? tr("Export topology as SVG") : tr("Export topology as PNG"),
                                     suggested, svg ? tr("SVG drawing (*.svg)") : tr("PNG image (*.png)"));
    if (file.isEmpty())
        return;
    const bool ok = svg ? m_graph->exportSvg(file) : m_graph->exportPng(file);
    if (!ok)
        QMessageBox::warning(this, tr("Export failed"),
                             m_graph->nodeNames().isEmpty()
                                 ? tr("There is no topology to export yet.")
                                 : tr("The picture could not be written to %1.").arg(file));
}

} // namespace switchyard::ui
