#include "switchyard/ui/routing_preview.h"

#include "switchyard/core/routing_topology.h"
#include "switchyard/ui/cluster_monitor.h"
#include "switchyard/ui/credential_resolver.h"
#include "switchyard/ui/routing_preview_highlighter.h"
#include "switchyard/ui/secret_store.h"
#include "switchyard/ui/topology_view.h"
#include "switchyard/ui/tr.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLegend>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace switchyard::ui {

using namespace switchyard::routing;

namespace {

const QColor kReplicaTarget(0x2e, 0x7d, 0x32);
const QColor kPrimaryTarget(0x1f, 0x4e, 0x8c);
const QColor kAllTarget(0x6a, 0x1b, 0x9a);
const QColor kFailTarget(0xc6, 0x28, 0x28);
const QColor kContextText(0x6b, 0x72, 0x7b);

enum RowColumn
{
    ColIndex,
    ColStatement,
    ColTarget,
    ColKind,
    ColSession,
    ColCount
};

enum WhatIfColumn
{
    WiNode,
    WiSeen,
    WiState,
    WiLag,
    WiWeight,
    WiPool,
    WiCount
};

QColor targetColour(const RouteDecision &d)
{
    if (primaryUnavailable(d))
        return kFailTarget;
    switch (d.target) {
    case Target::Replica:
        return kReplicaTarget;
    case Target::Primary:
        return kPrimaryTarget;
    case Target::All:
        return kAllTarget;
    }
    return kPrimaryTarget;
}

QString oneLine(const std::string &sql, int max = 160)
{
    QString s = qs(sql).simplified();
    if (s.size() > max)
        s = s.left(max - 1) + QChar(0x2026);
    return s;
}

QFont monospace()
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    f.setPointSizeF(std::max(9.0, f.pointSizeF()));
    return f;
}

QPlainTextEdit *makeSqlEditor(const QString &placeholder)
{
    auto *e = new QPlainTextEdit;
    e->setFont(monospace());
    e->setPlaceholderText(placeholder);
    e->setTabChangesFocus(true);
    e->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return e;
}

QTableWidgetItem *item(const QString &text, const QString &tip = {})
{
    auto *i = new QTableWidgetItem(text);
    i->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (!tip.isEmpty())
        i->setToolTip(tip);
    return i;
}

QString percent(std::uint64_t part, std::uint64_t total)
{
    if (total == 0)
        return QStringLiteral("—");
    return QLocale().toString(100.0 * static_cast<double>(part) / static_cast<double>(total), 'f', 1) +
           QStringLiteral(" %");
}

} // namespace

RoutingPreview::RoutingPreview(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("routingPreview"));
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(150);
    connect(m_refreshTimer, &QTimer::timeout, this, &RoutingPreview::refresh);
    m_workloadTimer = new QTimer(this);
    m_workloadTimer->setSingleShot(true);
    m_workloadTimer->setInterval(300);
    connect(m_workloadTimer, &QTimer::timeout, this, &RoutingPreview::startWorkloadRouting);

    m_parseWatcher = new QFutureWatcher<WorkloadParseOutcome>(this);
    connect(m_parseWatcher, &QFutureWatcherBase::finished, this, &RoutingPreview::onWorkloadParsed);
    m_routeWatcher = new QFutureWatcher<WorkloadRouteOutcome>(this);
    connect(m_routeWatcher, &QFutureWatcherBase::finished, this, &RoutingPreview::onWorkloadRouted);
    m_verifyWatcher = new QFutureWatcher<VerifyResult>(this);
    connect(m_verifyWatcher, &QFutureWatcherBase::finished, this, &RoutingPreview::onVerifyDone);

    buildUi();
    refresh();
}

RoutingPreview::~RoutingPreview()
{
    // Workers hold their own copies; tell them to stop and do not wait for them.
    m_parseWatcher->cancel();
    m_routeWatcher->cancel();
    if (m_verifyControl) {
        m_verifyControl->requestCancel();
        auto control = m_verifyControl;
        (void)QtConcurrent::run([control] { control->cancelNow(); });
    }
    disconnect(m_parseWatcher, nullptr, this, nullptr);
    disconnect(m_routeWatcher, nullptr, this, nullptr);
    disconnect(m_verifyWatcher, nullptr, this, nullptr);
}

// ---- building ----------------------------------------------------------------------------------

void RoutingPreview::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);

    // The hypothetical banner: visible whenever a what-if change is set.
    auto *bannerRow = new QHBoxLayout;
    m_banner = new QLabel;
    m_banner->setObjectName(QStringLiteral("hypotheticalBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(
        QStringLiteral("QLabel { background: #fff3cd; color: #5c4300; border: 1px solid #f0c36d;"
                       " border-radius: 4px; padding: 6px 10px; font-weight: bold; }"));
    m_resetWhatIf = new QPushButton(tr("Back to the cluster as it is"));
    m_resetWhatIf->setObjectName(QStringLiteral("resetWhatIf"));
    connect(m_resetWhatIf, &QPushButton::clicked, this, &RoutingPreview::clearWhatIf);
    bannerRow->addWidget(m_banner, 1);
    bannerRow->addWidget(m_resetWhatIf);
    layout->addLayout(bannerRow);

    // Router settings and the topology source.
    auto *settingsRow = new QHBoxLayout;
    settingsRow->setSpacing(6);
    m_dialect = new QComboBox;
    m_dialect->setObjectName(QStringLiteral("dialect"));
    for (Dialect d : {Dialect::MySQL, Dialect::MariaDB, Dialect::PostgreSQL})
        m_dialect->addItem(dialectTitle(d), static_cast<int>(d));
    m_policy = new QComboBox;
    m_policy->setObjectName(QStringLiteral("policy"));
    m_policy->addItem(tr("round robin"), static_cast<int>(Policy::RoundRobin));
    m_policy->addItem(tr("weighted"), static_cast<int>(Policy::SmoothWeightedRoundRobin));
    m_policy->addItem(tr("least connections"), static_cast<int>(Policy::LeastConnections));
    m_policy->addItem(tr("response time (EWMA)"), static_cast<int>(Policy::EwmaPowerOfTwo));
    m_policy->setToolTip(tr("How the router picks among the eligible replicas"));
    m_consistency = new QComboBox;
    m_consistency->setObjectName(QStringLiteral("consistency"));
    m_consistency->addItem(tr("eventual"), static_cast<int>(ConsistencyLevel::Eventual));
    m_consistency->addItem(tr("read your writes"), static_cast<int>(ConsistencyLevel::ReadYourWrites));
    m_consistency->addItem(tr("session window"), static_cast<int>(ConsistencyLevel::SessionWindow));
    m_consistency->addItem(tr("bounded staleness"), static_cast<int>(ConsistencyLevel::BoundedStaleness));
    m_consistency->addItem(tr("strong"), static_cast<int>(ConsistencyLevel::Strong));
    m_consistency->setToolTip(tr("Which replicas may answer a read of this session"));
    m_consistencyParam = new QSpinBox;
    m_consistencyParam->setObjectName(QStringLiteral("consistencyParameter"));
    m_consistencyParam->setRange(0, 3'600'000);
    m_lagThreshold = new QDoubleSpinBox;
    m_lagThreshold->setObjectName(QStringLiteral("lagThreshold"));
    m_lagThreshold->setRange(0, 86400);
    m_lagThreshold->setDecimals(1);
    m_lagThreshold->setSpecialValueText(tr("off"));
    m_lagThreshold->setSuffix(tr(" s"));
    m_lagThreshold->setToolTip(
        tr("Replicas leave the read pool after 3 samples over this lag and come back after 2 "
           "under half of it; unknown lag counts as over. Default: the profile's lag warning."));
    m_primaryReads = new QCheckBox(tr("Primary takes reads"));
    m_primaryReads->setObjectName(QStringLiteral("primaryReads"));

    settingsRow->addWidget(new QLabel(tr("Dialect")));
    settingsRow->addWidget(m_dialect);
    settingsRow->addSpacing(6);
    settingsRow->addWidget(new QLabel(tr("Policy")));
    settingsRow->addWidget(m_policy);
    settingsRow->addSpacing(6);
    settingsRow->addWidget(new QLabel(tr("Consistency")));
    settingsRow->addWidget(m_consistency);
    settingsRow->addWidget(m_consistencyParam);
    settingsRow->addSpacing(6);
    settingsRow->addWidget(new QLabel(tr("Lag threshold")));
    settingsRow->addWidget(m_lagThreshold);
    settingsRow->addWidget(m_primaryReads);
    settingsRow->addStretch(1);

    m_sourceLabel = new QLabel;
    m_sourceLabel->setObjectName(QStringLiteral("topologySource"));
    m_sourceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_freeze = new QCheckBox(tr("Freeze"));
    m_freeze->setToolTip(tr("Keep routing against this round while new ones arrive"));
    m_liveButton = new QPushButton(tr("Live cluster"));
    m_liveButton->setToolTip(tr("Route against the open cluster's latest snapshot again"));
    auto *fileButton = new QPushButton(tr("Topology file…"));
    fileButton->setToolTip(
        tr("Route against a topology file (the format of switchyard-cli route --topology)"));
    auto *exportButton = new QPushButton(tr("Export explanation…"));
    exportButton->setObjectName(QStringLiteral("exportMarkdown"));
    exportButton->setToolTip(tr("Save the explanation as Markdown for a ticket or a code review"));
    auto *copyButton = new QPushButton(tr("Copy as Markdown"));
    layout->addLayout(settingsRow);

    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildStatementTab(), tr("Statements"));
    m_tabs->addTab(buildWorkloadTab(), tr("Workload"));
    // Where the topology comes from, and the exports: beside the tabs, where there is room.
    auto *corner = new QWidget;
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 0, 2);
    cornerLayout->setSpacing(6);
    cornerLayout->addWidget(m_sourceLabel);
    cornerLayout->addWidget(m_freeze);
    cornerLayout->addWidget(m_liveButton);
    cornerLayout->addWidget(fileButton);
    cornerLayout->addSpacing(12);
    cornerLayout->addWidget(exportButton);
    cornerLayout->addWidget(copyButton);
    m_tabs->setCornerWidget(corner, Qt::TopRightCorner);
    layout->addWidget(m_tabs, 1);

    const auto changed = [this] {
        if (!m_updatingSettings)
            refresh();
    };
    connect(m_dialect, &QComboBox::currentIndexChanged, this, [this, changed] {
        updateHighlighters();
        changed();
    });
    connect(m_policy, &QComboBox::currentIndexChanged, this, changed);
    connect(m_consistency, &QComboBox::currentIndexChanged, this, [this, changed] {
        updateConsistencyParameter();
        changed();
    });
    connect(m_consistencyParam, &QSpinBox::valueChanged, this, changed);
    connect(m_lagThreshold, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_primaryReads, &QCheckBox::toggled, this, changed);
    connect(m_freeze, &QCheckBox::toggled, this, &RoutingPreview::setFrozen);
    connect(m_liveButton, &QPushButton::clicked, this, &RoutingPreview::useLiveTopology);
    connect(fileButton, &QPushButton::clicked, this, &RoutingPreview::loadTopologyAsk);
    connect(exportButton, &QPushButton::clicked, this, &RoutingPreview::exportMarkdownAsk);
    connect(copyButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(explanationMarkdown()); });
    updateConsistencyParameter();
    updateHighlighters();
    updateSourceLabel();
}

QWidget *RoutingPreview::buildStatementTab()
{
    auto *split = new QSplitter(Qt::Horizontal);
    split->setChildrenCollapsible(false);

    // Left: what the application sends, and what happened before.
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 4, 4, 0);
    auto *sqlTitle = new QLabel(tr("<b>Statements</b> the application sends"));
    m_sqlEdit = makeSqlEditor(tr("SELECT * FROM orders WHERE id = 42;\n-- several statements: one row each"));
    m_sqlEdit->setObjectName(QStringLiteral("sqlEditor"));
    m_sqlHighlighter = new SqlHighlighter(m_sqlEdit->document());
    m_onePacket = new QCheckBox(tr("Send as one multi-statement packet"));
    m_onePacket->setToolTip(
        tr("Off: one call per statement, as most drivers send them. On: the whole text in one "
           "call (CLIENT_MULTI_STATEMENTS / simple query protocol)."));
    leftLayout->addWidget(sqlTitle);
    leftLayout->addWidget(m_sqlEdit, 3);
    leftLayout->addWidget(m_onePacket);

    auto *contextBox = new QGroupBox(tr("Session before these statements"));
    auto *contextLayout = new QVBoxLayout(contextBox);
    m_contextEdit = makeSqlEditor(tr(
        "Statements this session ran earlier, e.g.\nSET autocommit=0;\nCREATE TEMPORARY TABLE tmp (a INT);"));
    m_contextEdit->setObjectName(QStringLiteral("contextEditor"));
    m_contextHighlighter = new SqlHighlighter(m_contextEdit->document());
    auto *contextForm = new QFormLayout;
    contextForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_autocommit = new QCheckBox(tr("autocommit"));
    m_autocommit->setChecked(true);
    m_transaction = new QComboBox;
    m_transaction->addItem(tr("none open"), static_cast<int>(SessionContext::Transaction::None));
    m_transaction->addItem(tr("read-write transaction open"),
                           static_cast<int>(SessionContext::Transaction::ReadWrite));
    m_transaction->addItem(tr("read-only transaction open"),
                           static_cast<int>(SessionContext::Transaction::ReadOnly));
    auto *txRow = new QHBoxLayout;
    txRow->addWidget(m_autocommit);
    txRow->addSpacing(12);
    txRow->addWidget(new QLabel(tr("Transaction")));
    txRow->addWidget(m_transaction, 1);
    m_wrote = new QCheckBox(tr("The session wrote; last write at"));
    m_wrote->setToolTip(
        tr("The application's last committed write, as it reports it for read-your-writes "
           "(GTID from the OK packet, @@last_gtid, pg_current_wal_lsn()). Empty: not reported."));
    m_position = new QLineEdit;
    m_position->setObjectName(QStringLiteral("writePosition"));
    m_position->setPlaceholderText(tr("GTID set, GTID list or LSN"));
    m_position->setFont(monospace());
    m_takePosition = new QPushButton(tr("Primary's position now"));
    m_takePosition->setToolTip(tr("The primary's current position from the latest snapshot"));
    auto *posRow = new QHBoxLayout;
    posRow->addWidget(m_wrote);
    posRow->addWidget(m_position, 1);
    posRow->addWidget(m_takePosition);
    m_gapMs = new QSpinBox;
    m_gapMs->setRange(0, 86'400'000);
    m_gapMs->setSuffix(tr(" ms"));
    m_gapMs->setToolTip(
        tr("Time between the session's earlier statements (and its last write) and these statements; "
           "session windows count from the last write"));
    auto *gapRow = new QHBoxLayout;
    gapRow->addWidget(new QLabel(tr("These statements come")));
    gapRow->addWidget(m_gapMs);
    gapRow->addWidget(new QLabel(tr("later")));
    gapRow->addStretch(1);
    contextLayout->addWidget(m_contextEdit, 1);
    contextLayout->addLayout(txRow);
    contextLayout->addLayout(posRow);
    contextLayout->addLayout(gapRow);
    leftLayout->addWidget(contextBox, 2);

    auto *whatIfBox = new QGroupBox(tr("What if… (hypothetical: nothing is sent to the cluster)"));
    auto *whatIfLayout = new QVBoxLayout(whatIfBox);
    m_whatIfTable = new QTableWidget(0, WiCount);
    m_whatIfTable->setObjectName(QStringLiteral("whatIfTable"));
    m_whatIfTable->setHorizontalHeaderLabels(
        {tr("Node"), tr("Monitor sees"), tr("State"), tr("Lag"), tr("Weight"), tr("Read pool")});
    m_whatIfTable->verticalHeader()->hide();
    m_whatIfTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_whatIfTable->horizontalHeader()->setSectionResizeMode(WiSeen, QHeaderView::Stretch);
    // The editors need little room; what the monitor sees gets the rest.
    for (int column : {int(WiState), int(WiLag), int(WiWeight)}) {
        m_whatIfTable->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Fixed);
        m_whatIfTable->setColumnWidth(column, column == WiState ? 92 : 80);
    }
    m_whatIfTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_whatIfTable->setWordWrap(false);
    whatIfLayout->addWidget(m_whatIfTable);
    leftLayout->addWidget(whatIfBox, 2);

    // Right: where it goes and why.
    auto *right = new QSplitter(Qt::Vertical);
    m_rightSplit = right;
    right->setChildrenCollapsible(false);
    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(4, 4, 0, 0);
    m_headline = new QLabel;
    m_headline->setObjectName(QStringLiteral("headline"));
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::RichText);
    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_problem->hide();
    m_graph = new TopologyView;
    m_graph->setObjectName(QStringLiteral("routingGraph"));
    m_graph->setMinimumHeight(180);
    topLayout->addWidget(m_headline);
    topLayout->addWidget(m_problem);
    topLayout->addWidget(m_graph, 1);
    right->addWidget(top);

    m_rowsModel = new QStandardItemModel(0, ColCount, this);
    m_rowsModel->setHorizontalHeaderLabels(
        {tr("#"), tr("Statement"), tr("Goes to"), tr("Kind"), tr("Session afterwards")});
    m_rowsView = new QTableView;
    m_rowsView->setObjectName(QStringLiteral("statementTable"));
    m_rowsView->setModel(m_rowsModel);
    m_rowsView->verticalHeader()->hide();
    m_rowsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rowsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rowsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rowsView->setWordWrap(false);
    m_rowsView->setTextElideMode(Qt::ElideRight);
    m_rowsView->horizontalHeader()->setSectionResizeMode(ColIndex, QHeaderView::ResizeToContents);
    m_rowsView->horizontalHeader()->setSectionResizeMode(ColStatement, QHeaderView::Stretch);
    m_rowsView->horizontalHeader()->setSectionResizeMode(ColTarget, QHeaderView::ResizeToContents);
    m_rowsView->horizontalHeader()->setSectionResizeMode(ColKind, QHeaderView::ResizeToContents);
    m_rowsView->horizontalHeader()->setSectionResizeMode(ColSession, QHeaderView::Stretch);
    connect(m_rowsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showRow(current.siblingAtColumn(0).data(Qt::UserRole).toInt());
            });
    right->addWidget(m_rowsView);

    auto *why = new QWidget;
    auto *whyLayout = new QHBoxLayout(why);
    whyLayout->setContentsMargins(4, 0, 0, 0);
    auto *reasonsBox = new QGroupBox(tr("Reasons, in the order the router weighed them"));
    auto *reasonsLayout = new QVBoxLayout(reasonsBox);
    m_reasons = new QListWidget;
    m_reasons->setObjectName(QStringLiteral("reasons"));
    m_reasons->setWordWrap(true);
    m_reasons->setSelectionMode(QAbstractItemView::NoSelection);
    reasonsLayout->addWidget(m_reasons);
    auto *excludedBox = new QGroupBox(tr("Replicas left out"));
    auto *excludedLayout = new QVBoxLayout(excludedBox);
    m_excluded = new QTableWidget(0, 3);
    m_excluded->setObjectName(QStringLiteral("excluded"));
    m_excluded->setHorizontalHeaderLabels({tr("Replica"), tr("Why"), tr("Monitor sees")});
    m_excluded->verticalHeader()->hide();
    m_excluded->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_excluded->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_excluded->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_excluded->setSelectionMode(QAbstractItemView::NoSelection);
    m_excluded->setWordWrap(true);
    excludedLayout->addWidget(m_excluded);
    whyLayout->addWidget(reasonsBox, 1);
    whyLayout->addWidget(excludedBox, 1);
    right->addWidget(why);

    auto *verifyBox = new QGroupBox(tr("Verify on the replica (optional; runs one read-only statement)"));
    auto *verifyLayout = new QVBoxLayout(verifyBox);
    auto *verifyRow = new QHBoxLayout;
    m_verifyNodeBox = new QComboBox;
    m_verifyNodeBox->setObjectName(QStringLiteral("verifyNode"));
    m_verifyNodeBox->setMinimumContentsLength(10);
    m_verifyNodeBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_rowLimit = new QSpinBox;
    m_rowLimit->setRange(1, 10000);
    m_rowLimit->setValue(100);
    m_rowLimit->setPrefix(tr("at most "));
    m_rowLimit->setSuffix(tr(" rows"));
    m_timeout = new QSpinBox;
    m_timeout->setRange(1, 600);
    m_timeout->setValue(5);
    m_timeout->setPrefix(tr("timeout "));
    m_timeout->setSuffix(tr(" s"));
    m_verifyButton = new QPushButton(tr("Run on replica"));
    m_verifyButton->setObjectName(QStringLiteral("verifyButton"));
    m_verifyButton->setToolTip(
        tr("Runs the selected statement on the replica through the monitor account, in a "
           "read-only transaction that is rolled back. Only pure reads run."));
    m_verifyCancel = new QPushButton(tr("Cancel"));
    m_verifyCancel->setEnabled(false);
    verifyRow->addWidget(m_verifyNodeBox);
    verifyRow->addWidget(m_rowLimit);
    verifyRow->addWidget(m_timeout);
    verifyRow->addWidget(m_verifyButton);
    verifyRow->addWidget(m_verifyCancel);
    verifyRow->addStretch(1);
    m_verifyLabel = new QLabel;
    m_verifyLabel->setObjectName(QStringLiteral("verifyStatus"));
    m_verifyLabel->setWordWrap(true);
    m_verifyLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verifyTable = new QTableWidget;
    m_verifyTable->setObjectName(QStringLiteral("verifyRows"));
    m_verifyTable->verticalHeader()->hide();
    m_verifyTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_verifyTable->setMinimumHeight(90);
    m_verifyTable->hide();
    verifyLayout->addLayout(verifyRow);
    verifyLayout->addWidget(m_verifyLabel);
    verifyLayout->addWidget(m_verifyTable, 1);
    right->addWidget(verifyBox);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 3);
    right->setStretchFactor(2, 2);
    right->setStretchFactor(3, 1);

    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 9);
    split->setStretchFactor(1, 11);

    connect(m_sqlEdit, &QPlainTextEdit::textChanged, this, &RoutingPreview::scheduleRefresh);
    connect(m_contextEdit, &QPlainTextEdit::textChanged, this, &RoutingPreview::scheduleRefresh);
    connect(m_onePacket, &QCheckBox::toggled, this, &RoutingPreview::refresh);
    connect(m_autocommit, &QCheckBox::toggled, this, &RoutingPreview::refresh);
    connect(m_transaction, &QComboBox::currentIndexChanged, this, &RoutingPreview::refresh);
    connect(m_wrote, &QCheckBox::toggled, this, &RoutingPreview::refresh);
    connect(m_position, &QLineEdit::textChanged, this, &RoutingPreview::scheduleRefresh);
    connect(m_gapMs, &QSpinBox::valueChanged, this, &RoutingPreview::scheduleRefresh);
    connect(m_takePosition, &QPushButton::clicked, this, &RoutingPreview::takePrimaryPosition);
    connect(m_verifyButton, &QPushButton::clicked, this,
            [this] { verify(m_verifyNodeBox->currentData().toString()); });
    connect(m_verifyCancel, &QPushButton::clicked, this, &RoutingPreview::cancelVerify);
    return split;
}

QWidget *RoutingPreview::buildWorkloadTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 6, 0, 0);
    auto *row = new QHBoxLayout;
    m_workloadLoad = new QPushButton(tr("Load statements…"));
    m_workloadLoad->setObjectName(QStringLiteral("loadWorkload"));
    m_workloadLoad->setToolTip(
        tr("A .sql script, a MySQL/MariaDB general log excerpt, or a PostgreSQL log written "
           "with log_statement=all"));
    m_workloadFormat = new QComboBox;
    for (WorkloadFormat f : {WorkloadFormat::Detect, WorkloadFormat::PlainSql,
                             WorkloadFormat::MySqlGeneralLog, WorkloadFormat::PostgresLog})
        m_workloadFormat->addItem(workloadFormatTitle(f), static_cast<int>(f));
    m_workloadProgress = new QProgressBar;
    m_workloadProgress->setRange(0, 1000);
    m_workloadProgress->setMaximumWidth(220);
    m_workloadProgress->hide();
    m_workloadCancel = new QPushButton(tr("Cancel"));
    m_workloadCancel->hide();
    m_workloadLabel =
        new QLabel(tr("Load a file of statements to see how the router would spread it over the "
                      "cluster, and which statements keep the primary busy."));
    m_workloadLabel->setObjectName(QStringLiteral("workloadStatus"));
    m_workloadLabel->setWordWrap(true);
    row->addWidget(m_workloadLoad);
    row->addWidget(m_workloadFormat);
    row->addWidget(m_workloadProgress);
    row->addWidget(m_workloadCancel);
    row->addWidget(m_workloadLabel, 1);
    layout->addLayout(row);

    auto *split = new QSplitter(Qt::Vertical);
    split->setChildrenCollapsible(false);
    auto *shares = new QSplitter(Qt::Horizontal);
    auto *chart = new QChart;
    chart->setTitle(tr("Share of statements per node"));
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->legend()->setMarkerShape(QLegend::MarkerShapeRectangle);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_chartView = new QChartView(chart);
    m_chartView->setObjectName(QStringLiteral("workloadChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(220);
    m_workloadTable = new QTableWidget(0, 4);
    m_workloadTable->setObjectName(QStringLiteral("workloadTable"));
    m_workloadTable->setHorizontalHeaderLabels({tr("Node"), tr("Role"), tr("Statements"), tr("Share")});
    m_workloadTable->verticalHeader()->hide();
    m_workloadTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_workloadTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_workloadTable->horizontalHeader()->setStretchLastSection(false);
    m_workloadTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    shares->addWidget(m_chartView);
    shares->addWidget(m_workloadTable);
    shares->setStretchFactor(0, 3);
    shares->setStretchFactor(1, 2);
    shares->setSizes({600, 400});
    split->addWidget(shares);

    auto *treeBox = new QGroupBox(tr("Statements that went to the primary, by the reason that decided it"));
    auto *treeLayout = new QVBoxLayout(treeBox);
    m_primaryTree = new QTreeWidget;
    m_primaryTree->setObjectName(QStringLiteral("primaryReasons"));
    m_primaryTree->setColumnCount(2);
    m_primaryTree->setHeaderLabels({tr("Reason / statement shape"), tr("Statements")});
    m_primaryTree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_primaryTree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_primaryTree->header()->setStretchLastSection(false);
    m_primaryTree->setUniformRowHeights(true);
    treeLayout->addWidget(m_primaryTree);
    split->addWidget(treeBox);
    layout->addWidget(split, 1);

    connect(m_workloadLoad, &QPushButton::clicked, this, &RoutingPreview::loadWorkloadAsk);
    connect(m_workloadCancel, &QPushButton::clicked, this, &RoutingPreview::cancelWorkload);
    connect(m_parseWatcher, &QFutureWatcherBase::progressValueChanged, m_workloadProgress,
            &QProgressBar::setValue);
    connect(m_routeWatcher, &QFutureWatcherBase::progressValueChanged, m_workloadProgress,
            &QProgressBar::setValue);
    return page;
}

// ---- embedding ---------------------------------------------------------------------------------

void RoutingPreview::setProfile(const Profile &profile, SecretStore *secrets)
{
    m_profile = profile;
    m_secrets = secrets;
    m_secretsGuard = secrets;
    m_updatingSettings = true;
    setDialect(profile.engine == core::Engine::PostgreSQL ? Dialect::PostgreSQL : Dialect::MySQL);
    m_lagThreshold->setValue(profile.lagWarnSeconds > 0 ? profile.lagWarnSeconds : 0);
    m_policy->setCurrentIndex(0);
    m_consistency->setCurrentIndex(0);
    m_updatingSettings = false;
    m_history.clear();
    refresh();
}

void RoutingPreview::attach(ClusterMonitor *monitor)
{
    detach();
    m_monitor = monitor;
    if (!monitor)
        return;
    connect(monitor, &ClusterMonitor::snapshotUpdated, this, &RoutingPreview::setSnapshot);
    if (auto latest = monitor->latest())
        setSnapshot(latest);
}

void RoutingPreview::detach()
{
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    m_monitor = nullptr;
}

void RoutingPreview::setSnapshot(std::shared_ptr<const core::ClusterSnapshot> snapshot)
{
    if (!snapshot) {
        m_snapshot.reset();
        m_history.clear();
        if (m_source == TopologySource::Live)
            m_source = TopologySource::None;
        refresh();
        return;
    }
    m_history.add(*snapshot);
    if (m_frozen && m_snapshot && m_source == TopologySource::Live)
        return;
    const bool first = !m_snapshot;
    m_snapshot = std::move(snapshot);
    if (m_source != TopologySource::File)
        m_source = TopologySource::Live;
    // The dialect the servers speak: MariaDB and MySQL look alike in a profile.
    const Dialect fallback =
        m_profile && m_profile->engine == core::Engine::PostgreSQL ? Dialect::PostgreSQL : settings().dialect;
    m_serverVersion = core::routingServerVersion(*m_snapshot);
    const Dialect dialect = core::routingDialect(*m_snapshot, fallback);
    // Follow the cluster's dialect when it becomes known or changes; a choice the user made
    // meanwhile stays.
    if (first || dialect != m_snapshotDialect) {
        m_snapshotDialect = dialect;
        m_updatingSettings = true;
        setDialect(dialect);
        m_updatingSettings = false;
    }
    refresh();
}

void RoutingPreview::clear()
{
    detach();
    cancelWorkload();
    cancelVerify();
    m_snapshot.reset();
    m_history.clear();
    m_profile.reset();
    m_serverVersion.reset();
    m_snapshotDialect.reset();
    m_source = TopologySource::None;
    m_whatIf = {};
    m_verifyResult.reset();
    m_verifyStatus.clear();
    m_verifyTable->hide();
    refresh();
}

bool RoutingPreview::loadTopologyFile(const QString &path, QString *error)
{
    QFile file(path);
    const auto failWith = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!file.open(QIODevice::ReadOnly))
        return failWith(tr("Cannot read %1: %2").arg(path, file.errorString()));
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &perr);
    if (perr.error != QJsonParseError::NoError)
        return failWith(tr("%1 is not JSON: %2").arg(path, perr.errorString()));
    auto parsed = topologyFromJson(doc, settings().dialect);
    if (!parsed)
        return failWith(tr("%1: %2").arg(path, qs(parsed.error().message)));
    m_fileTopology = std::move(parsed).value();
    m_filePath = path;
    m_source = TopologySource::File;
    m_whatIf = {};
    m_updatingSettings = true;
    m_lagThreshold->setValue(m_fileTopology.lag.highSeconds.value_or(0));
    m_primaryReads->setChecked(m_fileTopology.primaryAcceptsReads);
    m_updatingSettings = false;
    refresh();
    return true;
}

void RoutingPreview::useLiveTopology()
{
    m_source = m_snapshot ? TopologySource::Live : TopologySource::None;
    m_whatIf = {};
    refresh();
}

void RoutingPreview::setFrozen(bool frozen)
{
    m_frozen = frozen;
    if (m_freeze->isChecked() != frozen)
        m_freeze->setChecked(frozen);
    updateSourceLabel();
}

// ---- inputs -------------------------------------------------------------------------------------

void RoutingPreview::setSql(const QString &sql)
{
    m_sqlEdit->setPlainText(sql);
    refresh();
}

QString RoutingPreview::sql() const
{
    return m_sqlEdit->toPlainText();
}

void RoutingPreview::setSendAsOnePacket(bool onePacket)
{
    m_onePacket->setChecked(onePacket);
    refresh();
}

void RoutingPreview::setContext(const SessionContext &c)
{
    const QSignalBlocker b1(m_contextEdit), b2(m_autocommit), b3(m_transaction), b4(m_wrote), b5(m_position),
        b6(m_gapMs);
    QStringList earlier;
    for (const std::string &s : c.earlier)
        earlier << qs(s) + QLatin1Char(';');
    m_contextEdit->setPlainText(earlier.join(QLatin1Char('\n')));
    m_autocommit->setChecked(c.autocommit);
    m_transaction->setCurrentIndex(m_transaction->findData(static_cast<int>(c.transaction)));
    m_wrote->setChecked(c.wrote);
    m_position->setText(qs(c.writePosition));
    m_gapMs->setValue(static_cast<int>(std::min<std::int64_t>(c.msSinceContext, m_gapMs->maximum())));
    refresh();
}

SessionContext RoutingPreview::context() const
{
    SessionContext c;
    c.autocommit = m_autocommit->isChecked();
    c.transaction = static_cast<SessionContext::Transaction>(m_transaction->currentData().toInt());
    const QByteArray earlier = m_contextEdit->toPlainText().toUtf8();
    c.earlier = splitStatements(
        std::string_view(earlier.constData(), static_cast<std::size_t>(earlier.size())), settings());
    c.wrote = m_wrote->isChecked();
    c.writePosition = m_position->text().trimmed().toStdString();
    c.msSinceContext = m_gapMs->value();
    return c;
}

void RoutingPreview::setDialect(routing::Dialect dialect)
{
    const int index = m_dialect->findData(static_cast<int>(dialect));
    if (index >= 0 && index != m_dialect->currentIndex())
        m_dialect->setCurrentIndex(index);
    updateHighlighters();
}

void RoutingPreview::setPolicy(routing::Policy policy)
{
    m_policy->setCurrentIndex(m_policy->findData(static_cast<int>(policy)));
    refresh();
}

void RoutingPreview::setConsistency(const routing::Consistency &c)
{
    m_updatingSettings = true;
    m_consistency->setCurrentIndex(m_consistency->findData(static_cast<int>(c.level)));
    updateConsistencyParameter();
    if (c.level == ConsistencyLevel::SessionWindow)
        m_consistencyParam->setValue(static_cast<int>(c.window.count()));
    else if (c.level == ConsistencyLevel::BoundedStaleness)
        m_consistencyParam->setValue(static_cast<int>(std::lround(c.maxLagSeconds)));
    m_updatingSettings = false;
    refresh();
}

void RoutingPreview::setLagThreshold(std::optional<double> seconds)
{
    m_lagThreshold->setValue(seconds.value_or(0));
    refresh();
}

void RoutingPreview::setPrimaryAcceptsReads(bool accepts)
{
    m_primaryReads->setChecked(accepts);
    refresh();
}

PreviewSettings RoutingPreview::settings() const
{
    PreviewSettings s;
    s.dialect = static_cast<Dialect>(m_dialect->currentData().toInt());
    if (m_source == TopologySource::Live)
        s.serverVersion = m_serverVersion;
    s.policy = static_cast<Policy>(m_policy->currentData().toInt());
    const int param = m_consistencyParam->value();
    switch (static_cast<ConsistencyLevel>(m_consistency->currentData().toInt())) {
    case ConsistencyLevel::Eventual:
        s.consistency = Consistency::eventual();
        break;
    case ConsistencyLevel::ReadYourWrites:
        s.consistency = Consistency::readYourWrites();
        break;
    case ConsistencyLevel::SessionWindow:
        s.consistency = Consistency::sessionWindow(std::chrono::milliseconds(param));
        break;
    case ConsistencyLevel::BoundedStaleness:
        s.consistency = Consistency::boundedStaleness(param);
        break;
    case ConsistencyLevel::Strong:
        s.consistency = Consistency::strong();
        break;
    }
    if (m_lagThreshold->value() > 0)
        s.lagHighSeconds = m_lagThreshold->value();
    s.primaryAcceptsReads = m_primaryReads->isChecked();
    return s;
}

void RoutingPreview::setWhatIf(const WhatIf &whatIf)
{
    m_whatIf = whatIf;
    refresh();
}

void RoutingPreview::clearWhatIf()
{
    m_whatIf = {};
    refresh();
}

bool RoutingPreview::takePrimaryPosition()
{
    if (!m_snapshot)
        return false;
    const int p = core::snapshotPrimaryIndex(*m_snapshot);
    if (p < 0)
        return false;
    const std::string position =
        core::routingPositionText(m_snapshot->nodes[static_cast<std::size_t>(p)], settings().dialect);
    if (position.empty())
        return false;
    const QSignalBlocker b1(m_position), b2(m_wrote);
    m_position->setText(qs(position));
    m_wrote->setChecked(true);
    refresh();
    return true;
}

void RoutingPreview::updateConsistencyParameter()
{
    const auto level = static_cast<ConsistencyLevel>(m_consistency->currentData().toInt());
    const QSignalBlocker block(m_consistencyParam);
    if (level == ConsistencyLevel::SessionWindow) {
        m_consistencyParam->setEnabled(true);
        m_consistencyParam->setVisible(true);
        m_consistencyParam->setSuffix(tr(" ms"));
        m_consistencyParam->setToolTip(
            tr("Reads go to the primary for this long after the session's last write"));
        if (m_consistencyParam->value() == 0 ||
            m_consistencyParam->property("unit").toString() != QLatin1String("ms"))
            m_consistencyParam->setValue(1000);
        m_consistencyParam->setProperty("unit", QStringLiteral("ms"));
    } else if (level == ConsistencyLevel::BoundedStaleness) {
        m_consistencyParam->setEnabled(true);
        m_consistencyParam->setVisible(true);
        m_consistencyParam->setSuffix(tr(" s"));
        m_consistencyParam->setToolTip(tr("Replicas whose lag is known and at most this many seconds"));
        if (m_consistencyParam->value() == 0 ||
            m_consistencyParam->property("unit").toString() != QLatin1String("s"))
            m_consistencyParam->setValue(5);
        m_consistencyParam->setProperty("unit", QStringLiteral("s"));
    } else {
        m_consistencyParam->setVisible(false);
    }
}

void RoutingPreview::updateHighlighters()
{
    PreviewSettings s;
    s.dialect = static_cast<Dialect>(m_dialect->currentData().toInt());
    s.serverVersion = m_serverVersion;
    m_sqlHighlighter->setLexOptions(s.lexOptions());
    m_contextHighlighter->setLexOptions(s.lexOptions());
}

// ---- routing ------------------------------------------------------------------------------------

void RoutingPreview::scheduleRefresh()
{
    m_refreshTimer->start();
}

std::vector<std::string> RoutingPreview::statements() const
{
    const QByteArray text = m_sqlEdit->toPlainText().toUtf8();
    const std::string_view sql(text.constData(), static_cast<std::size_t>(text.size()));
    if (m_onePacket->isChecked()) {
        // Exactly what is in the editor, as one call.
        if (sql.find_first_not_of(" \t\r\n") == std::string_view::npos)
            return {};
        return {std::string(sql)};
    }
    return splitStatements(sql, settings());
}

RouteTopologyFile RoutingPreview::topology() const
{
    return m_topology;
}

void RoutingPreview::rebuildTopology()
{
    const PreviewSettings s = settings();
    RouteTopologyFile base;
    std::shared_ptr<const core::ClusterSnapshot> picture;
    switch (m_source) {
    case TopologySource::Live:
        if (m_snapshot) {
            base = previewTopology(*m_snapshot, s, &m_history);
            picture = m_snapshot;
            break;
        }
        [[fallthrough]];
    case TopologySource::None:
        // What switchyard-cli route uses without --topology.
        base.topology = routing::TopologyView::simple(2);
        base.lagHistory.resize(base.topology.nodes.size());
        base.lag = s.lagPolicy();
        base.primaryAcceptsReads = s.primaryAcceptsReads;
        break;
    case TopologySource::File:
        base = m_fileTopology;
        base.lag = s.lagPolicy();
        if (m_fileTopology.lag.enabled() && s.lagHighSeconds == m_fileTopology.lag.highSeconds)
            base.lag = m_fileTopology.lag; // keep the file's low mark and sample counts
        base.primaryAcceptsReads = s.primaryAcceptsReads;
        break;
    }
    m_topology = m_whatIf.apply(base);
    if (!picture)
        picture = std::make_shared<core::ClusterSnapshot>(snapshotForPicture(base, s.dialect));
    m_shown = m_whatIf.empty() ? picture : std::make_shared<core::ClusterSnapshot>(m_whatIf.apply(*picture));
    if (m_graph->snapshot() != m_shown.get())
        m_graph->setSnapshot(m_shown);
    if (m_profile)
        m_graph->setLagThresholds(m_profile->lagWarnSeconds, m_profile->lagCriticalSeconds);
    // What the what-if table offers: the nodes as they are, before the changes.
    const std::vector<NodeView> &nodes = base.topology.nodes;
    QStringList names;
    for (const NodeView &n : nodes)
        names << qs(n.name);
    if (names != m_whatIfTable->property("names").toStringList()) {
        m_whatIfTable->setProperty("names", names);
        rebuildWhatIfTable();
    }
    // The "monitor sees" column follows every round.
    for (int row = 0; row < m_whatIfTable->rowCount() && row < static_cast<int>(nodes.size()); ++row) {
        const NodeView &n = nodes[static_cast<std::size_t>(row)];
        QString seen = qs(nodeHealthName(n.health));
        if (n.role == NodeRole::Replica)
            seen += QStringLiteral(" · ") + lagBadgeText(n.lagSeconds);
        const QString detail = excludedDetail(n.name);
        auto *cell = item(seen, detail);
        if (n.health != NodeHealth::Up)
            cell->setForeground(kFailTarget);
        m_whatIfTable->setItem(row, WiSeen, cell);
    }
}

void RoutingPreview::rebuildWhatIfTable()
{
    m_updatingWhatIf = true;
    const QStringList names = m_whatIfTable->property("names").toStringList();
    m_whatIfTable->setRowCount(static_cast<int>(names.size()));
    const std::vector<NodeView> &nodes = m_topology.topology.nodes;
    for (int row = 0; row < names.size(); ++row) {
        const std::string name = names[row].toStdString();
        const WhatIfNode w = m_whatIf.nodes.count(name) ? m_whatIf.nodes.at(name) : WhatIfNode{};
        const auto it =
            std::find_if(nodes.begin(), nodes.end(), [&](const NodeView &n) { return n.name == name; });
        const bool primary = it != nodes.end() && it->role == NodeRole::Primary;
        auto *nameItem = item(primary ? tr("%1 (primary)").arg(names[row]) : names[row],
                              primary ? tr("The primary") : tr("A replica"));
        QFont bold = nameItem->font();
        bold.setBold(true);
        nameItem->setFont(bold);
        m_whatIfTable->setItem(row, WiNode, nameItem);
        auto *state = new QComboBox;
        state->addItem(tr("as seen"), static_cast<int>(WhatIfNode::State::AsSeen));
        state->addItem(tr("up"), static_cast<int>(WhatIfNode::State::Up));
        state->addItem(tr("down"), static_cast<int>(WhatIfNode::State::Down));
        state->addItem(tr("draining"), static_cast<int>(WhatIfNode::State::Draining));
        state->setCurrentIndex(state->findData(static_cast<int>(w.state)));
        state->setToolTip(tr("Down: not reachable. Draining: in maintenance, no new reads."));
        m_whatIfTable->setCellWidget(row, WiState, state);
        auto *lag = new QDoubleSpinBox;
        lag->setRange(-1, 86400);
        lag->setDecimals(1);
        lag->setSpecialValueText(tr("as seen"));
        lag->setSuffix(tr(" s"));
        lag->setValue(w.lagSeconds ? *w.lagSeconds : -1);
        lag->setEnabled(!primary);
        lag->setToolTip(tr("Pretend the replica has been this far behind for the last rounds"));
        m_whatIfTable->setCellWidget(row, WiLag, lag);
        auto *weight = new QSpinBox;
        weight->setRange(-1, 1000);
        weight->setSpecialValueText(tr("as set (1)"));
        weight->setValue(w.weight ? static_cast<int>(*w.weight) : -1);
        weight->setToolTip(tr("Weight for the weighted and least-connections policies; 0 drains the node"));
        m_whatIfTable->setCellWidget(row, WiWeight, weight);
        m_whatIfTable->setItem(row, WiPool, item(QString()));
        connect(state, &QComboBox::currentIndexChanged, this, &RoutingPreview::readWhatIfTable);
        connect(lag, &QDoubleSpinBox::valueChanged, this, &RoutingPreview::readWhatIfTable);
        connect(weight, &QSpinBox::valueChanged, this, &RoutingPreview::readWhatIfTable);
    }
    m_updatingWhatIf = false;
}

void RoutingPreview::readWhatIfTable()
{
    if (m_updatingWhatIf)
        return;
    WhatIf w;
    const QStringList names = m_whatIfTable->property("names").toStringList();
    for (int row = 0; row < m_whatIfTable->rowCount() && row < names.size(); ++row) {
        WhatIfNode n;
        if (auto *state = qobject_cast<QComboBox *>(m_whatIfTable->cellWidget(row, WiState)))
            n.state = static_cast<WhatIfNode::State>(state->currentData().toInt());
        if (auto *lag = qobject_cast<QDoubleSpinBox *>(m_whatIfTable->cellWidget(row, WiLag));
            lag && lag->value() >= 0)
            n.lagSeconds = lag->value();
        if (auto *weight = qobject_cast<QSpinBox *>(m_whatIfTable->cellWidget(row, WiWeight));
            weight && weight->value() >= 0)
            n.weight = static_cast<std::uint32_t>(weight->value());
        if (!n.empty())
            w.nodes[names[row].toStdString()] = n;
    }
    m_whatIf = w;
    refresh(); // at once: the point of what-if is to watch the route change
}

void RoutingPreview::refresh()
{
    m_refreshTimer->stop();
    rebuildTopology();
    // The table's editors show the current what-if (it may come from setWhatIf()).
    {
        m_updatingWhatIf = true;
        const QStringList names = m_whatIfTable->property("names").toStringList();
        for (int row = 0; row < m_whatIfTable->rowCount() && row < names.size(); ++row) {
            const std::string name = names[row].toStdString();
            const WhatIfNode w = m_whatIf.nodes.count(name) ? m_whatIf.nodes.at(name) : WhatIfNode{};
            if (auto *state = qobject_cast<QComboBox *>(m_whatIfTable->cellWidget(row, WiState)))
                state->setCurrentIndex(state->findData(static_cast<int>(w.state)));
            if (auto *lag = qobject_cast<QDoubleSpinBox *>(m_whatIfTable->cellWidget(row, WiLag)))
                lag->setValue(w.lagSeconds ? *w.lagSeconds : -1);
            if (auto *weight = qobject_cast<QSpinBox *>(m_whatIfTable->cellWidget(row, WiWeight)))
                weight->setValue(w.weight ? static_cast<int>(*w.weight) : -1);
        }
        m_updatingWhatIf = false;
    }

    m_outcome = runPreview(settings(), m_topology, context(), statements());
    fillStatementModel();

    // The lag pool column.
    const QStringList names = m_whatIfTable->property("names").toStringList();
    for (int row = 0; row < m_whatIfTable->rowCount() && row < names.size(); ++row) {
        QString text = QStringLiteral("—");
        QString tip;
        for (const PoolState &p : m_outcome.pool) {
            if (qs(p.node) != names[row])
                continue;
            text = p.inPool ? tr("in") : tr("out");
            tip = p.inPool ? tr("%1 of the last samples over the threshold (leaves after 3)").arg(p.overCount)
                           : tr("Out of the read pool: %1 samples over the threshold; returns after 2 under "
                                "half of it")
                                 .arg(p.overCount);
        }
        auto *cell = item(text, tip);
        if (text == tr("out"))
            cell->setForeground(kFailTarget);
        m_whatIfTable->setItem(row, WiPool, cell);
    }

    // Keep the selected row when it still exists, else the first statement.
    int row = m_selectedRow;
    if (row < 0 || row >= static_cast<int>(m_outcome.rows.size()) ||
        m_outcome.rows[static_cast<std::size_t>(row)].origin != PreviewRow::Origin::Statement) {
        row = -1;
        for (std::size_t i = 0; i < m_outcome.rows.size(); ++i)
            if (m_outcome.rows[i].origin == PreviewRow::Origin::Statement) {
                row = static_cast<int>(i);
                break;
            }
    }
    selectRow(row);
    updateBanner();
    updateSourceLabel();
    updateVerifyTargets();
    if (m_problem) {
        m_problem->setText(m_outcome.problem);
        m_problem->setVisible(!m_outcome.problem.isEmpty());
    }
    // The workload is routed again only when something that decides its routes changed - not
    // on every polling round.
    const QString signature = workloadSignature();
    if (m_workload && signature != m_workloadSignature) {
        m_workloadSignature = signature;
        m_workloadTimer->start();
    }
    emit routed();
}

void RoutingPreview::fillStatementModel()
{
    m_rowsModel->removeRows(0, m_rowsModel->rowCount());
    int statementNo = 0;
    for (std::size_t i = 0; i < m_outcome.rows.size(); ++i) {
        const PreviewRow &r = m_outcome.rows[i];
        const bool context = r.origin != PreviewRow::Origin::Statement;
        QList<QStandardItem *> cells;
        QString index;
        QString text = oneLine(r.sql);
        switch (r.origin) {
        case PreviewRow::Origin::Statement:
            index = QString::number(++statementNo);
            break;
        case PreviewRow::Origin::Earlier:
            index = tr("before");
            break;
        case PreviewRow::Origin::LastWrite:
            index = tr("before");
            text = r.sql == "COMMIT" ? tr("COMMIT (of the last write)") : tr("(the session's last write)");
            break;
        case PreviewRow::Origin::Transaction:
            index = tr("before");
            break;
        }
        auto *indexItem = new QStandardItem(index);
        indexItem->setData(static_cast<int>(i), Qt::UserRole);
        auto *sqlItem = new QStandardItem(text);
        sqlItem->setToolTip(qs(r.sql));
        sqlItem->setFont(monospace());
        QString target = targetText(r.decision);
        if (primaryUnavailable(r.decision))
            target = tr("%1 — would fail").arg(target);
        auto *targetItem = new QStandardItem(target);
        targetItem->setForeground(targetColour(r.decision));
        QFont bold = targetItem->font();
        bold.setBold(!context);
        targetItem->setFont(bold);
        auto *kindItem = new QStandardItem(qs(r.decision.kindName()));
        auto *sessionItem = new QStandardItem(describeSessionState(r.after));
        sessionItem->setToolTip(describeSessionState(r.after));
        cells << indexItem << sqlItem << targetItem << kindItem << sessionItem;
        if (context) {
            for (QStandardItem *c : cells) {
                QFont f = c->font();
                f.setItalic(true);
                c->setFont(f);
                if (c != targetItem)
                    c->setForeground(kContextText);
            }
        }
        m_rowsModel->appendRow(cells);
    }
    m_rowsView->resizeColumnToContents(ColTarget);
    m_rowsView->resizeColumnToContents(ColKind);
}

int RoutingPreview::selectedRow() const
{
    return m_selectedRow;
}

void RoutingPreview::selectRow(int row)
{
    for (int r = 0; r < m_rowsModel->rowCount(); ++r) {
        if (m_rowsModel->item(r, 0)->data(Qt::UserRole).toInt() == row) {
            const QSignalBlocker block(m_rowsView->selectionModel());
            m_rowsView->selectionModel()->setCurrentIndex(
                m_rowsModel->index(r, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            break;
        }
    }
    showRow(row);
}

void RoutingPreview::showRow(int row)
{
    m_selectedRow = row;
    m_reasons->clear();
    m_excluded->setRowCount(0);
    if (row < 0 || row >= static_cast<int>(m_outcome.rows.size())) {
        m_headline->setText(
            tr("<span style='font-size:15pt; color:#5b6675;'>Type a statement to see where the "
               "router sends it, and why.</span>"));
        m_graph->setHighlightedNodes({});
        emit targetChanged({}, {}, {}, false);
        return;
    }
    const PreviewRow &r = m_outcome.rows[static_cast<std::size_t>(row)];
    const RouteDecision &d = r.decision;
    const bool fails = primaryUnavailable(d);
    int n = 0;
    for (const std::string &why : d.explain()) {
        auto *it = new QListWidgetItem(QStringLiteral("%1. %2").arg(++n).arg(qs(why)));
        m_reasons->addItem(it);
    }
    if (const Reason *deciding = decidingReason(d)) {
        const auto index = static_cast<int>(deciding - d.reasons.data());
        if (index >= 0 && index < m_reasons->count()) {
            QFont f = m_reasons->item(index)->font();
            f.setBold(true);
            m_reasons->item(index)->setFont(f);
        }
    }
    const auto excluded = exclusionsOf(d);
    m_excluded->setRowCount(static_cast<int>(excluded.size()));
    for (int i = 0; i < static_cast<int>(excluded.size()); ++i) {
        const Exclusion &e = excluded[static_cast<std::size_t>(i)];
        QString why = qs(e.why);
        const QString prefix = tr("replica %1 excluded: ").arg(qs(e.node));
        if (why.startsWith(prefix))
            why = why.mid(prefix.size());
        m_excluded->setItem(i, 0, item(qs(e.node)));
        m_excluded->setItem(i, 1, item(why, qs(e.why)));
        m_excluded->setItem(i, 2, item(excludedDetail(e.node)));
    }
    m_excluded->resizeRowsToContents();

    // The headline and the graph.
    updateHeadline();
    QStringList nodes;
    QString tag;
    switch (d.target) {
    case Target::Replica:
    case Target::Primary:
        if (!d.nodeName.empty())
            nodes << qs(d.nodeName);
        tag = fails ? tr("WOULD FAIL: DOWN") : tr("ROUTED HERE");
        break;
    case Target::All:
        for (const NodeView &v : m_topology.topology.nodes)
            nodes << qs(v.name);
        tag = tr("ALL BACKENDS");
        break;
    }
    QStringList tip{tr("Routing preview: %1").arg(oneLine(r.sql, 80))};
    int k = 0;
    for (const std::string &why : d.explain())
        tip << QStringLiteral("%1. %2").arg(++k).arg(qs(why));
    m_graph->setHighlightedNodes(nodes, tip.join(QLatin1Char('\n')), tag, fails);
    updateVerifyTargets();
    emit targetChanged(nodes, tip.join(QLatin1Char('\n')), tag, fails);
}

void RoutingPreview::updateHeadline()
{
    if (m_selectedRow < 0 || m_selectedRow >= static_cast<int>(m_outcome.rows.size()))
        return;
    const PreviewRow &r = m_outcome.rows[static_cast<std::size_t>(m_selectedRow)];
    const RouteDecision &d = r.decision;
    const QString colour = targetColour(d).name();
    QString head;
    if (primaryUnavailable(d)) {
        head = d.nodeName.empty()
                   ? tr("Would fail: the topology has no primary. The router never sends it to a replica "
                        "instead.")
                   : tr("Would fail: the primary %1 is down. The router never sends it anywhere else.")
                         .arg(qs(d.nodeName).toHtmlEscaped());
    } else {
        head = QStringLiteral("→ ") + targetText(d).toHtmlEscaped();
    }
    const Reason *deciding = decidingReason(d);
    const QString because =
        deciding ? qs(deciding->describe(d.textOf(*deciding))).toHtmlEscaped() : QString();
    QString context;
    if (r.origin != PreviewRow::Origin::Statement)
        context = tr("(session context) ");
    m_headline->setText(
        QStringLiteral("<div style='font-size:16pt; font-weight:600; color:%1;'>%2%3</div>"
                       "<div style='color:#37474f;'><span style='font-family:monospace;'>%4</span>"
                       "%5</div>")
            .arg(colour, context.toHtmlEscaped(), head, oneLine(r.sql, 90).toHtmlEscaped(),
                 because.isEmpty() ? QString() : QStringLiteral(" — ") + because));
}

QString RoutingPreview::workloadSignature() const
{
    const PreviewSettings s = settings();
    QStringList parts = s.cliArguments();
    parts << QString::number(s.lagHighSeconds.value_or(-1)) << QString::number(s.primaryAcceptsReads);
    for (const NodeView &n : m_topology.topology.nodes) {
        bool inPool = true;
        for (const PoolState &p : m_outcome.pool)
            if (p.node == n.name)
                inPool = p.inPool;
        QString node = qs(n.name) + QLatin1Char(':') + qs(nodeRoleName(n.role)) + QLatin1Char(':') +
                       qs(nodeHealthName(n.health)) + QLatin1Char(':') + QString::number(n.weight) +
                       QLatin1Char(':') + QString::number(inPool);
        if (s.consistency.level == ConsistencyLevel::BoundedStaleness)
            node += QLatin1Char(':') +
                    QString::number(n.lagSeconds && *n.lagSeconds <= s.consistency.maxLagSeconds);
        parts << node;
    }
    return parts.join(QLatin1Char('|'));
}

QString RoutingPreview::headlineText() const
{
    QTextDocument doc;
    doc.setHtml(m_headline->text());
    return doc.toPlainText();
}

QString RoutingPreview::excludedDetail(const std::string &node) const
{
    if (m_source != TopologySource::Live || !m_snapshot)
        return {};
    const core::NodeStatus *n = m_snapshot->find(node);
    if (!n)
        return {};
    QString detail;
    switch (core::routingHealthCause(*n)) {
    case core::RoutingHealthCause::Answering:
        detail = n->lagSeconds ? tr("answering, lag %1").arg(formatLag(*n->lagSeconds))
                               : tr("answering, lag unknown");
        break;
    case core::RoutingHealthCause::NotPolledYet:
        detail = tr("not polled yet");
        break;
    case core::RoutingHealthCause::Unreachable:
        detail = n->lastError ? tr("unreachable: %1").arg(describeError(*n->lastError)) : tr("unreachable");
        break;
    case core::RoutingHealthCause::NoAnswer:
        detail = tr("no answer this round");
        break;
    case core::RoutingHealthCause::ReplicationStopped:
        detail = n->sqlThreadRunning == std::optional<bool>(false) ? tr("replication applier stopped")
                                                                   : tr("replication receiver stopped");
        if (!n->replicationError.empty())
            detail += QStringLiteral(": ") + qs(n->replicationError);
        break;
    case core::RoutingHealthCause::RoleUnknown:
        detail = tr("role unknown");
        break;
    }
    return detail;
}

void RoutingPreview::updateBanner()
{
    const QStringList changes = m_whatIf.describe();
    m_banner->setVisible(!changes.isEmpty());
    m_resetWhatIf->setVisible(!changes.isEmpty());
    if (changes.isEmpty()) {
        m_banner->clear();
        return;
    }
    m_banner->setText(
        tr("HYPOTHETICAL — %1. The cluster is not touched: these routes assume changes that were not "
           "made.")
            .arg(changes.join(QStringLiteral("; "))));
}

QString RoutingPreview::bannerText() const
{
    return m_banner->isVisibleTo(this) || !m_whatIf.describe().isEmpty() ? m_banner->text() : QString();
}

void RoutingPreview::updateSourceLabel()
{
    QString text;
    switch (m_source) {
    case TopologySource::Live:
        if (m_snapshot)
            text = tr("Live: round %1 at %2%3")
                       .arg(m_snapshot->generation)
                       .arg(QDateTime::fromMSecsSinceEpoch(m_snapshot->takenAtMs)
                                .toString(QStringLiteral("HH:mm:ss")),
                            m_frozen ? tr(" (frozen)") : QString());
        break;
    case TopologySource::File:
        text = tr("File: %1").arg(QFileInfo(m_filePath).fileName());
        break;
    case TopologySource::None:
        text = m_profile && m_monitor
                   ? tr("Waiting for the first round (meanwhile: one primary, two replicas)")
                   : tr("No cluster: one primary, two replicas");
        break;
    }
    m_sourceLabel->setText(text);
    m_liveButton->setEnabled(m_snapshot && m_source != TopologySource::Live);
    m_freeze->setEnabled(m_source == TopologySource::Live);
    m_takePosition->setEnabled(m_snapshot != nullptr && m_source == TopologySource::Live);
}

// ---- export -------------------------------------------------------------------------------------

QString RoutingPreview::explanationMarkdown() const
{
    ExplanationInput in;
    in.clusterName = m_profile ? m_profile->name : QString();
    switch (m_source) {
    case TopologySource::Live:
        in.topologySource =
            m_snapshot ? tr("live snapshot, polling round %1 at %2")
                             .arg(m_snapshot->generation)
                             .arg(QDateTime::fromMSecsSinceEpoch(m_snapshot->takenAtMs).toString(Qt::ISODate))
                       : QString();
        break;
    case TopologySource::File:
        in.topologySource = tr("file %1").arg(QFileInfo(m_filePath).fileName());
        break;
    case TopologySource::None:
        in.topologySource = tr("no cluster open: one primary and two replicas without lag");
        break;
    }
    in.settings = settings();
    in.context = context();
    in.whatIf = m_whatIf;
    in.outcome = m_outcome;
    in.verification = verificationMarkdown();
    in.generatedAtMs = QDateTime::currentMSecsSinceEpoch();
    QString md = ui::explanationMarkdown(in);
    if (m_workloadResult) {
        const WorkloadResult &w = *m_workloadResult;
        QString section = tr("## Workload: %1\n\n").arg(QFileInfo(m_workloadPath).fileName());
        section += tr("%1 statements: %2 to replicas, %3 to the primary, %4 to all backends.\n\n")
                       .arg(w.total)
                       .arg(percent(w.toReplicas, w.total), percent(w.toPrimary + w.toNoPrimary, w.total),
                            percent(w.toAll, w.total));
        section += tr("| Node | Statements | Share |\n|---|---|---|\n");
        for (const WorkloadNode &n : w.nodes)
            section += QStringLiteral("| %1 | %2 | %3 |\n")
                           .arg(qs(n.node))
                           .arg(n.statements)
                           .arg(percent(n.statements, w.total));
        section += tr("\nWhat keeps statements on the primary:\n\n");
        for (const WorkloadReasonGroup &g : w.primaryReasons) {
            section += QStringLiteral("- %1 — %2\n").arg(qs(g.reason)).arg(g.count);
            for (std::size_t i = 0; i < g.shapes.size() && i < 3; ++i)
                section += QStringLiteral("  - `%1` ×%2\n").arg(qs(g.shapes[i].shape)).arg(g.shapes[i].count);
        }
        const int at = md.indexOf(tr("## Reproduce"));
        md.insert(at >= 0 ? at : md.size(), section + QLatin1Char('\n'));
    }
    return md;
}

bool RoutingPreview::exportMarkdown(const QString &file, QString *error) const
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = out.errorString();
        return false;
    }
    out.write(explanationMarkdown().toUtf8());
    if (!out.commit()) {
        if (error)
            *error = out.errorString();
        return false;
    }
    return true;
}

void RoutingPreview::exportMarkdownAsk()
{
    const QString name =
        (m_profile ? m_profile->name + QLatin1Char('-') : QString()) + QStringLiteral("routing-") +
        QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) + QStringLiteral(".md");
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Export routing explanation"), name, tr("Markdown (*.md)"));
    if (file.isEmpty())
        return;
    QString error;
    if (!exportMarkdown(file, &error)) {
        m_problem->setText(tr("Could not write %1: %2").arg(file, error));
        m_problem->show();
    }
}

void RoutingPreview::loadTopologyAsk()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Route against a topology file"), QString(),
                                                      tr("Topology (*.json);;All files (*)"));
    if (file.isEmpty())
        return;
    QString error;
    if (!loadTopologyFile(file, &error)) {
        m_problem->setText(error);
        m_problem->show();
    }
}

// ---- workload -----------------------------------------------------------------------------------

void RoutingPreview::loadWorkloadAsk()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Load statements"), QString(),
                                                      tr("SQL and logs (*.sql *.log *.txt);;All files (*)"));
    if (!file.isEmpty())
        loadWorkload(file, static_cast<WorkloadFormat>(m_workloadFormat->currentData().toInt()));
}

void RoutingPreview::loadWorkload(const QString &path, WorkloadFormat format)
{
    cancelWorkload();
    m_workloadPath = path;
    m_workload.reset();
    m_workloadResult.reset();
    m_workloadError.clear();
    m_workloadProgress->setValue(0);
    m_workloadProgress->show();
    m_workloadCancel->show();
    m_workloadLabel->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    const PreviewSettings s = settings();
    m_parseWatcher->setFuture(QtConcurrent::run([path, format, s](QPromise<WorkloadParseOutcome> &promise) {
        promise.setProgressRange(0, 1000);
        auto parsed = readWorkloadFile(path, format, s, [&promise](std::int64_t done, std::int64_t total) {
            if (total > 0)
                promise.setProgressValue(static_cast<int>(done * 1000 / total));
            return !promise.isCanceled();
        });
        WorkloadParseOutcome out;
        if (parsed)
            out.workload = std::make_shared<const Workload>(std::move(parsed).value());
        else if (parsed.error().code == ErrorCode::Cancelled)
            out.cancelled = true;
        else
            out.error = describeError(parsed.error());
        promise.addResult(std::move(out));
    }));
}

void RoutingPreview::onWorkloadParsed()
{
    if (m_parseWatcher->isCanceled() || m_parseWatcher->future().resultCount() == 0) {
        m_workloadProgress->hide();
        m_workloadCancel->hide();
        m_workloadLabel->setText(tr("Cancelled."));
        return;
    }
    const WorkloadParseOutcome out = m_parseWatcher->result();
    if (out.cancelled || !out.workload) {
        m_workloadProgress->hide();
        m_workloadCancel->hide();
        m_workloadError = out.cancelled ? tr("Cancelled.") : tr("Could not read the file: %1").arg(out.error);
        m_workloadLabel->setText(m_workloadError);
        emit workloadFinished();
        return;
    }
    m_workload = out.workload;
    m_workloadSignature = workloadSignature();
    startWorkloadRouting();
}

void RoutingPreview::startWorkloadRouting()
{
    if (!m_workload)
        return;
    if (m_parseWatcher->isRunning())
        return;
    if (m_routeWatcher->isRunning()) {
        m_workloadDirty = true; // route again with the new settings when this run ends
        return;
    }
    m_workloadDirty = false;
    m_workloadProgress->setValue(0);
    m_workloadProgress->show();
    m_workloadCancel->show();
    m_workloadLabel->setText(
        tr("Routing %n statement(s)…", nullptr, static_cast<int>(m_workload->statements.size())));
    const auto workload = m_workload;
    const PreviewSettings s = settings();
    const RouteTopologyFile topology = m_topology;
    m_routeWatcher->setFuture(
        QtConcurrent::run([workload, s, topology](QPromise<WorkloadRouteOutcome> &promise) {
            promise.setProgressRange(0, 1000);
            auto routed =
                routeWorkload(*workload, s, topology, [&promise](std::int64_t done, std::int64_t total) {
                    if (total > 0)
                        promise.setProgressValue(static_cast<int>(done * 1000 / total));
                    return !promise.isCanceled();
                });
            WorkloadRouteOutcome out;
            if (routed)
                out.result = std::move(routed).value();
            else if (routed.error().code == ErrorCode::Cancelled)
                out.cancelled = true;
            else
                out.error = describeError(routed.error());
            promise.addResult(std::move(out));
        }));
}

void RoutingPreview::onWorkloadRouted()
{
    if (m_workloadDirty) {
        startWorkloadRouting();
        return;
    }
    m_workloadProgress->hide();
    m_workloadCancel->hide();
    if (m_routeWatcher->isCanceled() || m_routeWatcher->future().resultCount() == 0) {
        m_workloadLabel->setText(tr("Cancelled."));
        return;
    }
    const WorkloadRouteOutcome out = m_routeWatcher->result();
    if (!out.result) {
        m_workloadError = out.cancelled ? tr("Cancelled.") : out.error;
        m_workloadLabel->setText(m_workloadError);
        emit workloadFinished();
        return;
    }
    m_workloadResult = out.result;
    showWorkload();
    emit workloadFinished();
}

void RoutingPreview::cancelWorkload()
{
    m_workloadDirty = false;
    m_workloadTimer->stop();
    if (m_parseWatcher->isRunning())
        m_parseWatcher->cancel();
    if (m_routeWatcher->isRunning())
        m_routeWatcher->cancel();
}

bool RoutingPreview::workloadBusy() const
{
    return m_parseWatcher->isRunning() || m_routeWatcher->isRunning() || m_workloadTimer->isActive();
}

QString RoutingPreview::workloadStatus() const
{
    return m_workloadLabel->text();
}

void RoutingPreview::showWorkload()
{
    if (!m_workloadResult || !m_workload)
        return;
    const WorkloadResult &w = *m_workloadResult;
    const QLocale locale;
    QString summary =
        tr("%1 statements in %n session(s) from %2 (%3, %4)", nullptr, static_cast<int>(m_workload->sessions))
            .arg(locale.toString(static_cast<qulonglong>(w.total)), QFileInfo(m_workloadPath).fileName(),
                 workloadFormatTitle(m_workload->format),
                 locale.formattedDataSize(static_cast<qint64>(m_workload->bytes)));
    summary += QStringLiteral(" · ") + tr("%1 to replicas, %2 to the primary, %3 to all backends")
                                           .arg(percent(w.toReplicas, w.total),
                                                percent(w.toPrimary + w.toNoPrimary, w.total),
                                                percent(w.toAll, w.total));
    if (w.wouldFail)
        summary += QStringLiteral(" · ") + tr("%1 would fail (the primary is down)")
                                               .arg(locale.toString(static_cast<qulonglong>(w.wouldFail)));
    if (m_workload->skippedLines)
        summary += QStringLiteral(" · ") +
                   tr("%n line(s) skipped", nullptr, static_cast<int>(m_workload->skippedLines));
    if (!m_whatIf.empty())
        summary += QStringLiteral(" · ") + tr("hypothetical");
    m_workloadLabel->setText(summary);

    // Chart: one slice per node, session commands apart.
    QChart *chart = m_chartView->chart();
    chart->removeAllSeries();
    auto *series = new QPieSeries;
    series->setHoleSize(0.42);
    series->setPieSize(0.78);
    const QList<QColor> replicaColours{QColor(0x2e, 0x7d, 0x32), QColor(0x43, 0xa0, 0x47),
                                       QColor(0x00, 0x89, 0x7b), QColor(0x66, 0xbb, 0x6a),
                                       QColor(0x26, 0xa6, 0x9a), QColor(0x1b, 0x5e, 0x20)};
    int replicaIndex = 0;
    const auto addSlice = [&](const QString &label, std::uint64_t count, const QColor &colour) {
        if (count == 0)
            return;
        auto *slice = series->append(QStringLiteral("%1  %2").arg(label, percent(count, w.total)),
                                     static_cast<qreal>(count));
        slice->setColor(colour);
        slice->setBorderColor(Qt::white);
        slice->setLabelVisible(false); // the legend names every slice; labels of small ones overlap
    };
    const bool primaryDown = w.wouldFail > 0;
    for (const WorkloadNode &n : w.nodes) {
        if (n.role == NodeRole::Primary)
            addSlice(primaryDown ? tr("%1 (down: fails)").arg(qs(n.node))
                                 : tr("%1 (primary)").arg(qs(n.node)),
                     n.statements, primaryDown ? kFailTarget : kPrimaryTarget);
        else
            addSlice(qs(n.node), n.statements, replicaColours[replicaIndex++ % replicaColours.size()]);
    }
    addSlice(tr("all backends"), w.toAll, kAllTarget);
    addSlice(tr("no primary"), w.toNoPrimary, kFailTarget);
    chart->addSeries(series);
    chart->legend()->setVisible(true);

    // Table.
    m_workloadTable->setRowCount(0);
    const auto addRow = [&](const QString &node, const QString &role, std::uint64_t count,
                            const QColor &colour) {
        const int row = m_workloadTable->rowCount();
        m_workloadTable->insertRow(row);
        auto *nameItem = item(node);
        nameItem->setForeground(colour);
        m_workloadTable->setItem(row, 0, nameItem);
        m_workloadTable->setItem(row, 1, item(role));
        auto *countItem = item(locale.toString(static_cast<qulonglong>(count)));
        countItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_workloadTable->setItem(row, 2, countItem);
        auto *shareItem = item(percent(count, w.total));
        shareItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_workloadTable->setItem(row, 3, shareItem);
    };
    for (const WorkloadNode &n : w.nodes)
        addRow(qs(n.node), n.role == NodeRole::Primary ? tr("primary") : tr("replica"), n.statements,
               n.role == NodeRole::Primary ? (primaryDown ? kFailTarget : kPrimaryTarget) : kReplicaTarget);
    addRow(tr("all backends"), tr("session commands"), w.toAll, kAllTarget);
    if (w.toNoPrimary)
        addRow(tr("no primary"), QString(), w.toNoPrimary, kFailTarget);

    // Why the primary: the list a developer needs to offload more reads.
    m_primaryTree->clear();
    const std::uint64_t toPrimary = w.toPrimary + w.toNoPrimary;
    for (const WorkloadReasonGroup &g : w.primaryReasons) {
        auto *top = new QTreeWidgetItem(m_primaryTree);
        top->setText(0, tr("%1 (%2 of the primary's)").arg(qs(g.reason), percent(g.count, toPrimary)));
        top->setText(1, locale.toString(static_cast<qulonglong>(g.count)));
        top->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        for (const WorkloadShape &s : g.shapes) {
            auto *child = new QTreeWidgetItem(top);
            child->setText(0, qs(s.shape));
            child->setFont(0, monospace());
            child->setToolTip(0, tr("For example:\n%1").arg(qs(s.example)));
            child->setText(1, locale.toString(static_cast<qulonglong>(s.count)));
            child->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        }
        if (g.distinctShapes > g.shapes.size()) {
            auto *more = new QTreeWidgetItem(top);
            more->setText(0, tr("… and %n more shape(s)", nullptr,
                                static_cast<int>(g.distinctShapes - g.shapes.size())));
            more->setForeground(0, kContextText);
        }
    }
    for (int i = 0; i < m_primaryTree->topLevelItemCount() && i < 3; ++i)
        m_primaryTree->topLevelItem(i)->setExpanded(true);
}

// ---- verify -------------------------------------------------------------------------------------

void RoutingPreview::updateVerifyTargets()
{
    const QString current = m_verifyNodeBox->currentData().toString();
    QString routed;
    if (m_selectedRow >= 0 && m_selectedRow < static_cast<int>(m_outcome.rows.size())) {
        const RouteDecision &d = m_outcome.rows[static_cast<std::size_t>(m_selectedRow)].decision;
        if (d.target == Target::Replica)
            routed = qs(d.nodeName);
    }
    const QSignalBlocker block(m_verifyNodeBox);
    m_verifyNodeBox->clear();
    if (m_source == TopologySource::Live && m_snapshot) {
        for (const core::NodeStatus &n : m_snapshot->nodes)
            if (n.role == core::NodeRole::Replica)
                m_verifyNodeBox->addItem(
                    qs(n.name) == routed ? tr("%1 (routed here)").arg(qs(n.name)) : qs(n.name), qs(n.name));
    }
    int index = m_verifyNodeBox->findData(routed.isEmpty() ? current : routed);
    if (index < 0)
        index = m_verifyNodeBox->findData(current);
    m_verifyNodeBox->setCurrentIndex(std::max(0, index));
    const bool live =
        m_source == TopologySource::Live && m_snapshot && m_profile && m_verifyNodeBox->count() > 0;
    m_verifyButton->setEnabled(live && !verifyBusy());
    if (!live && !verifyBusy() && !m_verifyResult)
        m_verifyLabel->setText(tr("Open a cluster to run a read on a replica."));
    else if (live && !verifyBusy() && !m_verifyResult && m_verifyStatus.isEmpty())
        m_verifyLabel->setText(
            tr("Runs the selected statement on the replica and shows its answer next to the replica's "
               "lag at that moment."));
}

void RoutingPreview::verify(const QString &nodeName)
{
    if (verifyBusy())
        return;
    std::string sql;
    if (m_selectedRow >= 0 && m_selectedRow < static_cast<int>(m_outcome.rows.size()))
        sql = m_outcome.rows[static_cast<std::size_t>(m_selectedRow)].sql;
    else if (const PreviewRow *first = m_outcome.firstStatement())
        sql = first->sql;
    const auto refuse = [this](const QString &why) {
        m_verifyStatus = why;
        m_verifyResult.reset();
        m_verifyLabel->setText(why);
        m_verifyTable->hide();
        emit verifyFinished();
    };
    if (m_source != TopologySource::Live || !m_snapshot || !m_profile)
        return refuse(tr("Verify needs the open cluster (not a topology file)."));
    if (const auto why = verifyRefusal(sql, settings()))
        return refuse(*why);
    QString node = nodeName;
    if (node.isEmpty()) {
        if (m_selectedRow >= 0 &&
            m_outcome.rows[static_cast<std::size_t>(m_selectedRow)].decision.target == Target::Replica)
            node = qs(m_outcome.rows[static_cast<std::size_t>(m_selectedRow)].decision.nodeName);
        else
            node = m_verifyNodeBox->currentData().toString();
    }
    const core::NodeStatus *status = m_snapshot->find(node.toStdString());
    if (!status)
        return refuse(tr("There is no node %1 in the cluster.").arg(node));
    if (status->role != core::NodeRole::Replica)
        return refuse(tr("%1 is not a replica; Verify runs reads on replicas only.").arg(node));

    ProfileNode target;
    target.host = qs(status->host);
    target.port = status->port;
    target.displayName = node;
    VerifyRequest request;
    request.options = m_profile->connectionOptions(target, m_profile->monitorUser);
    request.dialect = settings().dialect;
    request.sql = sql;
    request.rowLimit = m_rowLimit->value();
    request.timeout = std::chrono::seconds(m_timeout->value());
    m_verifyNode = node;
    m_verifySql = sql;
    m_verifySnapshotLag = status->lagSeconds;
    m_verifyResult.reset();
    m_verifyTable->hide();
    m_verifyControl = std::make_shared<VerifyControl>();
    const std::uint64_t token = ++m_verifyToken;
    m_verifyButton->setEnabled(false);
    m_verifyCancel->setEnabled(true);
    m_verifyStatus = tr("Running on %1…").arg(node);
    m_verifyLabel->setText(m_verifyStatus);

    const auto start = [this, token](VerifyRequest r, const QString &password) {
        if (token != m_verifyToken)
            return; // cancelled or superseded while the password was looked up
        r.options.password = password.toStdString();
        m_verifyWatcher->setFuture(QtConcurrent::run(runVerify, std::move(r), m_verifyControl));
    };
    if (!m_monitorPassword.isEmpty()) {
        start(request, m_monitorPassword);
        return;
    }
    CredentialResolver resolver(m_secretsGuard ? m_secrets : nullptr);
    resolver.resolve(*m_profile, m_profile->monitorUser, this,
                     [this, token, request, start](const CredentialOutcome &o) {
                         if (token != m_verifyToken)
                             return;
                         if (!o.found()) {
                             m_verifyCancel->setEnabled(false);
                             m_verifyStatus = tr("No password for the monitor account: %1").arg(o.problem);
                             m_verifyLabel->setText(m_verifyStatus);
                             updateVerifyTargets();
                             emit verifyFinished();
                             return;
                         }
                         start(request, o.password);
                     });
}

void RoutingPreview::cancelVerify()
{
    if (!m_verifyControl || !verifyBusy())
        return;
    m_verifyControl->requestCancel();
    // KILL QUERY / PQcancel talk to the server: never on the GUI thread.
    auto control = m_verifyControl;
    (void)QtConcurrent::run([control] { control->cancelNow(); });
    m_verifyStatus = tr("Cancelling…");
    m_verifyLabel->setText(m_verifyStatus);
}

void RoutingPreview::setVerifyLimits(int rowLimit, int timeoutSeconds)
{
    m_rowLimit->setValue(rowLimit);
    m_timeout->setValue(timeoutSeconds);
}

bool RoutingPreview::verifyBusy() const
{
    return m_verifyWatcher->isRunning() || m_verifyCancel->isEnabled();
}

QString RoutingPreview::verifyStatus() const
{
    return m_verifyLabel->text();
}

void RoutingPreview::onVerifyDone()
{
    m_verifyCancel->setEnabled(false);
    if (m_verifyWatcher->future().resultCount() == 0) {
        updateVerifyTargets();
        return;
    }
    const VerifyResult r = m_verifyWatcher->result();
    m_verifyResult = r;
    if (r.cancelled) {
        m_verifyStatus = tr("Cancelled: nothing was read from %1.").arg(m_verifyNode);
    } else if (r.error) {
        m_verifyStatus = tr("%1 did not answer the read: %2").arg(m_verifyNode, describeError(*r.error));
    } else {
        const QLocale locale;
        QString lag = r.lagSeconds ? formatLag(*r.lagSeconds) : tr("unknown");
        QString monitor = m_verifySnapshotLag ? formatLag(*m_verifySnapshotLag) : tr("unknown");
        m_verifyStatus =
            tr("%1 answered in %2 ms: %n row(s)%3. Its lag at that moment: %4 (the monitor's last round "
               "said %5).",
               nullptr, static_cast<int>(r.rows.rows.size()))
                .arg(m_verifyNode)
                .arg(r.elapsedMs)
                .arg(r.truncated ? tr(" (more exist; limit %1)").arg(m_rowLimit->value()) : QString(), lag,
                     monitor);
        m_verifyTable->setColumnCount(static_cast<int>(r.rows.columns.size()));
        QStringList headers;
        for (const std::string &c : r.rows.columns)
            headers << qs(c);
        m_verifyTable->setHorizontalHeaderLabels(headers);
        m_verifyTable->setRowCount(static_cast<int>(r.rows.rows.size()));
        for (int row = 0; row < static_cast<int>(r.rows.rows.size()); ++row) {
            const auto &values = r.rows.rows[static_cast<std::size_t>(row)];
            for (int col = 0; col < static_cast<int>(values.size()); ++col) {
                const auto &v = values[static_cast<std::size_t>(col)];
                auto *cell = item(v ? qs(*v) : QStringLiteral("NULL"));
                if (!v)
                    cell->setForeground(kContextText);
                m_verifyTable->setItem(row, col, cell);
            }
        }
        m_verifyTable->resizeColumnsToContents();
        m_verifyTable->setVisible(!r.rows.columns.empty());
        // Room for a few rows of the answer: taken from the statements and the graph.
        QList<int> sizes = m_rightSplit->sizes();
        const int want = 240;
        if (sizes.size() == 4 && sizes[3] < want) {
            int need = want - sizes[3];
            for (int i : {1, 0, 2}) {
                const int give = std::min(need, std::max(0, sizes[i] - 120));
                sizes[i] -= give;
                sizes[3] += give;
                need -= give;
            }
            m_rightSplit->setSizes(sizes);
        }
    }
    m_verifyLabel->setText(m_verifyStatus);
    updateVerifyTargets();
    emit verifyFinished();
}

QString RoutingPreview::verificationMarkdown() const
{
    if (!m_verifyResult || m_verifyResult->cancelled)
        return {};
    const VerifyResult &r = *m_verifyResult;
    QString md = tr("Ran `%1` on **%2** (monitor account, read-only transaction, at most %3 rows) at %4.\n\n")
                     .arg(qs(m_verifySql).simplified(), m_verifyNode)
                     .arg(m_rowLimit->value())
                     .arg(QDateTime::fromMSecsSinceEpoch(r.finishedAtMs).toString(Qt::ISODate));
    if (r.error)
        return md + tr("It failed: %1").arg(describeError(*r.error));
    md += tr("- %n row(s)%1 in %2 ms\n", nullptr, static_cast<int>(r.rows.rows.size()))
              .arg(r.truncated ? tr(" (more exist)") : QString())
              .arg(r.elapsedMs);
    md += tr("- lag of %1 right after the read: %2\n")
              .arg(m_verifyNode, r.lagSeconds ? formatLag(*r.lagSeconds) : tr("unknown"));
    md += tr("- lag in the monitor's last round: %1\n")
              .arg(m_verifySnapshotLag ? formatLag(*m_verifySnapshotLag) : tr("unknown"));
    return md;
}

} // namespace switchyard::ui
