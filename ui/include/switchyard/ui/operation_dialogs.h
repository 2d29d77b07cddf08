// "Resume or roll back?" for a guided operation that did not finish (the console or the CLI
// crashed, was killed, or lost power mid-way): what the journal says was done, what the cluster
// looks like now (read on a worker thread), the advice, and the choice - resume the remaining
// steps, roll back what ran (only before the promote step), or leave it as it is.
//
// The console calls offerUnfinishedOperations() when a profile is opened, once the admin
// password is known (see the lead's notes in the final report of issue 7).
//
// Thread contract: GUI thread. Reading the journal is local file I/O; reading the cluster and
// running the resume or roll-back happen on pool threads. Destroying the dialog waits for a
// running resume or roll-back to end (bounded by the steps' timeouts).
#pragma once

#include "switchyard/core/operation_executor.h"
#include "switchyard/ui/operation_environment.h"
#include "switchyard/ui/operation_journal.h"

#include <QDialog>
#include <QFuture>

#include <memory>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace switchyard::ui {

class ResumeOperationDialog : public QDialog
{
    Q_OBJECT
public:
    ResumeOperationDialog(JournaledOperation operation, OperationEnvironment environment, QWidget *parent = nullptr);
    ~ResumeOperationDialog() override;

    const JournaledOperation &operation() const { return m_op; }
    const std::optional<core::ResumeAssessment> &assessment() const { return m_assessment; }
    const std::optional<core::OperationResult> &result() const { return m_result; }
    bool busy() const { return m_busy; }

    // What the buttons do.
    void resumeNow();
    void rollbackNow();
    void leaveAsIs();

    QPushButton *resumeButton() const { return m_resume; }
    QPushButton *rollbackButton() const { return m_rollback; }
    QPushButton *leaveButton() const { return m_leave; }
    QLabel *assessmentLabel() const { return m_assessmentLabel; }
    QPlainTextEdit *logView() const { return m_log; }
    QTreeWidget *stepsTree() const { return m_steps; }

    void reject() override;

signals:
    void assessed();
    void operationFinished(const switchyard::core::OperationResult &result);

private:
    void assess();
    void onAssessed(const core::ClusterFacts &facts);
    void run(bool rollback);
    void onProgress(const core::ProgressEvent &event);
    void onFinished(const core::OperationResult &result);
    void showSteps(const std::vector<core::StepState> &states);
    void updateButtons();

    JournaledOperation m_op;
    OperationEnvironment m_env;
    std::optional<core::ResumeAssessment> m_assessment;
    std::optional<core::OperationResult> m_result;
    std::shared_ptr<core::OperationExecutor> m_executor;
    QFuture<void> m_future;
    QObject *m_mailbox = nullptr;
    bool m_busy = false;

    QLabel *m_summary = nullptr;
    QTreeWidget *m_steps = nullptr;
    QLabel *m_assessmentLabel = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_rollback = nullptr;
    QPushButton *m_leave = nullptr;
    QPushButton *m_later = nullptr;
};

// Unfinished operations in a journal whose process is gone, newest first (local file I/O).
QList<JournaledOperation> unfinishedOperations(const QString &journalPath, QString *error = nullptr);

// Opens a ResumeOperationDialog (window-modal, deleted on close) for each unfinished
// operation in env.journalPath. Returns how many were offered.
int offerUnfinishedOperations(QWidget *parent, const OperationEnvironment &env);

} // namespace switchyard::ui
