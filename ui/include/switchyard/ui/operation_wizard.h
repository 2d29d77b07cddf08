// The switchover and failover wizards (issue 7): choose the candidate (the recommended one
// preselected, with why), the preflight checklist in colours with what to do about each, the
// dry-run plan with the exact SQL per node, then execution on a worker thread with progress,
// cancel and automatic undo until the promote step, post-checks and the result.
//
// Every statement is journaled in the profile's history database as it runs (so an
// interrupted operation can be resumed or rolled back at the next start, see
// operation_dialogs.h) and lands in the event log.
//
// Thread contract: GUI thread. Reading the cluster and running the plan happen on pool threads;
// their answers come back by queued calls. Destroying the wizard cancels a running operation
// (before its promote step) and waits for it to end, bounded by the steps' timeouts.
#pragma once

#include "switchyard/core/operation.h"
#include "switchyard/core/operation_executor.h"
#include "switchyard/core/operation_facts.h"
#include "switchyard/core/operation_planner.h"
#include "switchyard/ui/operation_environment.h"

#include <QFuture>
#include <QWizard>

#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace switchyard::ui {

class OperationWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { CandidatePageId, ChecksPageId, PlanPageId, RunPageId };
    enum class Stage { Reading, Planned, Running, Finished };

    OperationWizard(core::OperationKind kind, OperationEnvironment environment, QWidget *parent = nullptr);
    ~OperationWizard() override;

    core::OperationKind kind() const { return m_kind; }
    Stage stage() const { return m_stage; }
    const std::optional<core::ClusterFacts> &facts() const { return m_facts; }
    const core::PlannedOperation *planned() const { return m_planned ? &*m_planned : nullptr; }
    const std::optional<core::OperationResult> &result() const { return m_result; }

    // Read the cluster again (the Check again button).
    void refresh();
    // Choose the candidate (also what a click in the table does).
    void setCandidate(const QString &node);
    // Runs the plan (the Execute button); false when it is blocked or already ran.
    bool execute();
    // Cancel a running operation (before its promote step: it is undone).
    void cancelOperation();

    // For tests and screenshots.
    QTableWidget *candidateTable() const { return m_candidates; }
    QTreeWidget *checksTree() const { return m_checks; }
    QTreeWidget *planTree() const { return m_planTree; }
    QTreeWidget *stepsTree() const { return m_steps; }
    QPlainTextEdit *logView() const { return m_log; }
    QCheckBox *safeModeBox() const { return m_safe; }
    QCheckBox *confirmBox() const { return m_confirm; }
    QPushButton *executeButton() const { return m_executeButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QLabel *resultLabel() const { return m_resultLabel; }

    void reject() override;

signals:
    void factsRead();
    void planChanged();
    void operationStarted(const QString &operationId);
    // The cluster changed: the console's monitor should poll now.
    void operationFinished(const switchyard::core::OperationResult &result);

private:
    void buildPages();
    void onFacts(core::ClusterFacts facts);
    void replan();
    void fillCandidates();
    void fillChecks();
    void fillPlan();
    void onProgress(const core::ProgressEvent &event);
    void onFinished(const core::OperationResult &result);
    void updateButtons();
    QString title() const;

    core::OperationKind m_kind;
    OperationEnvironment m_env;
    Stage m_stage = Stage::Reading;
    std::optional<core::ClusterFacts> m_facts;
    std::optional<core::PlannedOperation> m_planned;
    std::optional<core::OperationResult> m_result;
    QString m_chosen;                       // candidate chosen by the operator; empty: recommended
    std::shared_ptr<core::OperationExecutor> m_executor;
    QFuture<void> m_readFuture, m_runFuture;
    QObject *m_mailbox = nullptr;           // receives the workers' queued calls
    quint64 m_readGeneration = 0;
    bool m_pastPromote = false;
    int m_stepsDone = 0;

    // Candidate page.
    QLabel *m_intro = nullptr;
    QLabel *m_readStatus = nullptr;
    QLabel *m_evidence = nullptr;
    QTableWidget *m_candidates = nullptr;
    QLabel *m_why = nullptr;
    QCheckBox *m_killPrivileged = nullptr;
    QCheckBox *m_killLong = nullptr;
    QCheckBox *m_rejoin = nullptr;
    QCheckBox *m_safe = nullptr;
    // Checks page.
    QLabel *m_checksSummary = nullptr;
    QTreeWidget *m_checks = nullptr;
    // Plan page.
    QTreeWidget *m_planTree = nullptr;
    QLabel *m_notes = nullptr;
    QCheckBox *m_confirm = nullptr;
    // Run page.
    QTreeWidget *m_steps = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_executeButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_resultLabel = nullptr;
    QTreeWidget *m_postChecks = nullptr;

    friend class OperationWizardPage;
};

// Words for the UI.
QString checkTitle(const QString &id);                 // "One writable primary", ...
QString operationStateText(core::OperationState state);
QString stepStateText(core::StepState state);
QIcon levelIcon(core::CheckLevel level);
QIcon stepStateIcon(core::StepState state);

} // namespace switchyard::ui
