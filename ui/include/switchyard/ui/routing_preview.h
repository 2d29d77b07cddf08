// The routing preview: "if my application sent this, where would it go, and why?" It runs the
// statements through switchyard::routing - the library applications embed, the code behind
// `switchyard-cli route` - against the live snapshot of the open cluster (or a topology file),
// with a session context and hypothetical changes, and shows the target on a topology graph, the
// ordered reasons, each excluded replica with why, one row per statement with the session's state
// after it; a workload mode for whole files; an optional read on the chosen replica; a Markdown
// explanation for a ticket or a code review.
//
// Embedding (MainWindow), as a tab beside the topology:
//     m_routing = new RoutingPreview;
//     m_clusterTabs->addTab(m_routing, tr("Routing preview"));
//     m_routing->setProfile(profile, m_secrets);    // when a cluster opens (before attach)
//     m_routing->attach(m_monitor);                 // after creating the ClusterMonitor
//     m_routing->detach();                          // before deleting the monitor
//     m_routing->clear();                           // when the cluster closes
// Instead of attach(), setSnapshot() with every snapshot works too. To mark the target on the
// cluster page's graph as well:
//     connect(m_routing, &RoutingPreview::targetChanged, m_clusterView->topologyView(),
//             &TopologyView::setHighlightedNodes);
//
// What-if changes never reach the cluster: they change a copy of the topology, and a banner
// says so while any is set. The only statement the panel ever sends is Verify's read, on the
// user's click, through the monitor account, read-only.
//
// Thread contract: GUI thread only. Routing a few statements takes microseconds and runs here;
// reading and routing a workload file runs on a pool thread (QtConcurrent) with progress and
// cancel; Verify runs on a pool thread, cancellable; late answers are dropped by token.
#pragma once

#include "switchyard/core/snapshot.h"
#include "switchyard/ui/profile.h"
#include "switchyard/ui/routing_preview_engine.h"
#include "switchyard/ui/routing_preview_verify.h"
#include "switchyard/ui/routing_preview_workload.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTimer;
class QTreeWidget;
class QLineEdit;
class QChartView;
class QSplitter;

namespace switchyard::ui {

class ClusterMonitor;
class SecretStore;
class SqlHighlighter;
class TopologyView;

// What the workload's worker threads hand back (plain values, default-constructible for QFuture).
struct WorkloadParseOutcome
{
    std::shared_ptr<const Workload> workload;
    QString error;
    bool cancelled = false;
};
struct WorkloadRouteOutcome
{
    std::optional<WorkloadResult> result;
    QString error;
    bool cancelled = false;
};

class RoutingPreview : public QWidget
{
    Q_OBJECT
public:
    enum Tab
    {
        StatementTab = 0,
        WorkloadTab = 1
    };
    enum class TopologySource
    {
        None,
        Live,
        File
    };

    explicit RoutingPreview(QWidget *parent = nullptr);
    ~RoutingPreview() override;

    // ---- embedding ---------------------------------------------------------------------------
    // The profile's engine (dialect until a snapshot tells MySQL from MariaDB), its lag warning
    // threshold (default lag threshold), its name, and where Verify finds the monitor password.
    void setProfile(const Profile &profile, SecretStore *secrets = nullptr);
    void attach(ClusterMonitor *monitor);
    void detach();
    void setSnapshot(std::shared_ptr<const core::ClusterSnapshot> snapshot);
    void clear();
    // Offline: route against a topology file (docs/routing.md, the CLI's --topology format).
    bool loadTopologyFile(const QString &path, QString *error = nullptr);
    void useLiveTopology();
    TopologySource topologySource() const { return m_source; }
    // Keep routing against the current round while new snapshots arrive.
    void setFrozen(bool frozen);

    // ---- inputs --------------------------------------------------------------------------------
    void setSql(const QString &sql);
    QString sql() const;
    void setSendAsOnePacket(bool onePacket); // the whole editor is one multi-statement packet
    void setContext(const SessionContext &context);
    SessionContext context() const;
    void setDialect(routing::Dialect dialect); // also what a snapshot sets
    void setPolicy(routing::Policy policy);
    void setConsistency(const routing::Consistency &consistency);
    void setLagThreshold(std::optional<double> seconds);
    void setPrimaryAcceptsReads(bool accepts);
    PreviewSettings settings() const;
    void setWhatIf(const WhatIf &whatIf);
    WhatIf whatIf() const { return m_whatIf; }
    void clearWhatIf();
    // Takes the primary's position from the current snapshot into the context.
    bool takePrimaryPosition();

    // ---- results -------------------------------------------------------------------------------
    // Routes now (changes are otherwise routed after a short pause in typing).
    void refresh();
    const PreviewOutcome &outcome() const { return m_outcome; }
    RouteTopologyFile topology() const;          // what is routed against (what-if applied)
    std::vector<std::string> statements() const; // the statements as sent, one per packet
    int selectedRow() const;                     // index into outcome().rows
    void selectRow(int row);
    QString bannerText() const; // the hypothetical banner; empty when hidden
    QString headlineText() const;
    QString explanationMarkdown() const;
    bool exportMarkdown(const QString &file, QString *error = nullptr) const;

    // ---- workload --------------------------------------------------------------------------------
    void loadWorkload(const QString &path, WorkloadFormat format = WorkloadFormat::Detect);
    void cancelWorkload();
    bool workloadBusy() const;
    const std::optional<WorkloadResult> &workloadResult() const { return m_workloadResult; }
    QString workloadStatus() const;

    // ---- verify ----------------------------------------------------------------------------------
    // Runs the selected statement (or `sql`) on `node` (default: the replica it routes to).
    void verify(const QString &node = {});
    void cancelVerify();
    bool verifyBusy() const;
    void setVerifyLimits(int rowLimit, int timeoutSeconds);
    const std::optional<VerifyResult> &verifyResult() const { return m_verifyResult; }
    QString verifyStatus() const;
    // The monitor account's password, when the caller has it (MainWindow::startMonitor does);
    // otherwise Verify asks the CredentialResolver (sandbox file, SWITCHYARD_PASSWORD, keychain).
    void setMonitorPassword(const QString &password) { m_monitorPassword = password; }

    // ---- widgets, for tests and screenshots ---------------------------------------------------------
    QTabWidget *tabs() const { return m_tabs; }
    QPlainTextEdit *sqlEditor() const { return m_sqlEdit; }
    QPlainTextEdit *contextEditor() const { return m_contextEdit; }
    SqlHighlighter *sqlHighlighter() const { return m_sqlHighlighter; }
    TopologyView *graph() const { return m_graph; }
    QTableView *statementTable() const { return m_rowsView; }
    QStandardItemModel *statementModel() const { return m_rowsModel; }
    QListWidget *reasonList() const { return m_reasons; }
    QTableWidget *exclusionTable() const { return m_excluded; }
    QTableWidget *whatIfTable() const { return m_whatIfTable; }
    QTreeWidget *primaryReasonTree() const { return m_primaryTree; }
    QTableWidget *workloadTable() const { return m_workloadTable; }
    QChartView *workloadChart() const { return m_chartView; }
    QTableWidget *verifyTable() const { return m_verifyTable; }
    QComboBox *consistencyBox() const { return m_consistency; }
    QComboBox *policyBox() const { return m_policy; }
    QDoubleSpinBox *lagThresholdBox() const { return m_lagThreshold; }

signals:
    // The target of the selected statement: the node(s) to mark on a graph, the reasons as a
    // tooltip, a short tag and whether it would fail. Shaped for TopologyView::setHighlightedNodes.
    void targetChanged(const QStringList &nodes, const QString &reasons, const QString &tag, bool problem);
    void routed(); // after every refresh
    void workloadFinished();
    void verifyFinished();

private:
    void buildUi();
    QWidget *buildStatementTab();
    QWidget *buildWorkloadTab();
    void scheduleRefresh();
    void rebuildTopology();
    void rebuildWhatIfTable();
    void readWhatIfTable();
    void updateBanner();
    void updateHeadline();
    void showRow(int row);
    void updateHighlighters();
    void updateConsistencyParameter();
    void updateSourceLabel();
    void updateVerifyTargets();
    void fillStatementModel();
    void startWorkloadRouting();
    void showWorkload();
    void onWorkloadParsed();
    void onWorkloadRouted();
    void onVerifyDone();
    void exportMarkdownAsk();
    void loadTopologyAsk();
    void loadWorkloadAsk();
    QString excludedDetail(const std::string &node) const;
    QString workloadSignature() const;
    QString verificationMarkdown() const;

    // state
    std::optional<Profile> m_profile;
    QPointer<SecretStore> m_secretsGuard;
    SecretStore *m_secrets = nullptr;
    QPointer<ClusterMonitor> m_monitor;
    std::shared_ptr<const core::ClusterSnapshot> m_snapshot; // live, as the monitor saw it
    std::shared_ptr<const core::ClusterSnapshot> m_shown;    // with what-if, on the graph
    LagHistory m_history;
    TopologySource m_source = TopologySource::None;
    RouteTopologyFile m_fileTopology;
    QString m_filePath;
    bool m_frozen = false;
    std::optional<routing::ServerVersion> m_serverVersion; // from the live snapshot
    std::optional<routing::Dialect> m_snapshotDialect;
    WhatIf m_whatIf;
    RouteTopologyFile m_topology; // what-if applied
    PreviewOutcome m_outcome;
    int m_selectedRow = -1;
    bool m_updatingWhatIf = false;
    bool m_updatingSettings = false;

    // workload
    QString m_workloadPath;
    std::shared_ptr<const Workload> m_workload;
    std::optional<WorkloadResult> m_workloadResult;
    QString m_workloadError;
    QFutureWatcher<WorkloadParseOutcome> *m_parseWatcher = nullptr;
    QFutureWatcher<WorkloadRouteOutcome> *m_routeWatcher = nullptr;
    bool m_workloadDirty = false;
    QString m_workloadSignature; // what the workload was last routed with

    // verify
    QFutureWatcher<VerifyResult> *m_verifyWatcher = nullptr;
    std::shared_ptr<VerifyControl> m_verifyControl;
    std::uint64_t m_verifyToken = 0;
    std::optional<VerifyResult> m_verifyResult;
    QString m_verifyNode;
    std::string m_verifySql;
    std::optional<double> m_verifySnapshotLag;
    QString m_verifyStatus;
    QString m_monitorPassword;

    // widgets
    QLabel *m_banner = nullptr;
    QPushButton *m_resetWhatIf = nullptr;
    QComboBox *m_dialect = nullptr;
    QComboBox *m_policy = nullptr;
    QComboBox *m_consistency = nullptr;
    QSpinBox *m_consistencyParam = nullptr;
    QDoubleSpinBox *m_lagThreshold = nullptr;
    QCheckBox *m_primaryReads = nullptr;
    QLabel *m_sourceLabel = nullptr;
    QCheckBox *m_freeze = nullptr;
    QPushButton *m_liveButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_sqlEdit = nullptr;
    SqlHighlighter *m_sqlHighlighter = nullptr;
    QCheckBox *m_onePacket = nullptr;
    QPlainTextEdit *m_contextEdit = nullptr;
    SqlHighlighter *m_contextHighlighter = nullptr;
    QCheckBox *m_autocommit = nullptr;
    QComboBox *m_transaction = nullptr;
    QCheckBox *m_wrote = nullptr;
    QLineEdit *m_position = nullptr;
    QPushButton *m_takePosition = nullptr;
    QSpinBox *m_gapMs = nullptr;
    QTableWidget *m_whatIfTable = nullptr;
    TopologyView *m_graph = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_problem = nullptr;
    QStandardItemModel *m_rowsModel = nullptr;
    QTableView *m_rowsView = nullptr;
    QListWidget *m_reasons = nullptr;
    QTableWidget *m_excluded = nullptr;
    QComboBox *m_verifyNodeBox = nullptr;
    QSpinBox *m_rowLimit = nullptr;
    QSpinBox *m_timeout = nullptr;
    QPushButton *m_verifyButton = nullptr;
    QPushButton *m_verifyCancel = nullptr;
    QLabel *m_verifyLabel = nullptr;
    QTableWidget *m_verifyTable = nullptr;
    QSplitter *m_rightSplit = nullptr;
    QComboBox *m_workloadFormat = nullptr;
    QPushButton *m_workloadLoad = nullptr;
    QPushButton *m_workloadCancel = nullptr;
    QProgressBar *m_workloadProgress = nullptr;
    QLabel *m_workloadLabel = nullptr;
    QChartView *m_chartView = nullptr;
    QTableWidget *m_workloadTable = nullptr;
    QTreeWidget *m_primaryTree = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QTimer *m_workloadTimer = nullptr;
};

} // namespace switchyard::ui
