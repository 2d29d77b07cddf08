#include "switchyard/ui/operation_dialogs.h"

#include "switchyard/ui/operation_wizard.h"
#include "switchyard/ui/tr.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace switchyard::ui {

using namespace core;

namespace {

QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString kindText(OperationKind kind)
{
    switch (kind) {
    case OperationKind::Switchover: return Tr::tr("Switchover");
    case OperationKind::Failover: return Tr::tr("Failover");
    case OperationKind::Rejoin: return Tr::tr("Rejoin");
    }
    return {};
}

} // namespace

ResumeOperationDialog::ResumeOperationDialog(JournaledOperation operation, OperationEnvironment environment, QWidget *parent)
    : QDialog(parent), m_op(std::move(operation)), m_env(std::move(environment))
{
    m_mailbox = new QObject(this);
    setWindowTitle(Tr::tr("Unfinished %1 - %2").arg(kindText(m_op.kind).toLower(), m_env.profileName));
    resize(860, 620);
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    const OperationPlan &plan = m_op.plan;
    m_summary->setText(Tr::tr("<b>%1 %2 &rarr; %3 did not finish.</b><br>Started %4, last journal entry %5 (state \"%6\"). "
                              "The journal shows what ran; the cluster is read again below before you choose.")
                           .arg(kindText(m_op.kind), qs(plan.oldPrimary), qs(plan.candidate), when(m_op.startedAtMs),
                                when(m_op.updatedAtMs), m_op.state));
    m_steps = new QTreeWidget;
    m_steps->setColumnCount(3);
    m_steps->setHeaderLabels({Tr::tr("Step"), Tr::tr("Node"), Tr::tr("Journal")});
    m_steps->setRootIsDecorated(false);
    m_steps->setColumnWidth(0, 480);
    showSteps(m_op.resume.steps);
    m_assessmentLabel = new QLabel(Tr::tr("Comparing the journal with the cluster now..."));
    m_assessmentLabel->setWordWrap(true);
    m_assessmentLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->appendPlainText(Tr::tr("-- journaled statements:"));
    for (const JournalCommand &c : m_op.commands)
        m_log->appendPlainText(QStringLiteral("%1%2  %3: %4  -> %5")
                                   .arg(c.undo ? Tr::tr("UNDO ") : QString(),
                                        QDateTime::fromMSecsSinceEpoch(c.startedAtMs).toString(QStringLiteral("HH:mm:ss.zzz")),
                                        c.node, c.text, c.ok ? c.result : Tr::tr("FAILED: %1").arg(c.result)));
    auto *buttons = new QDialogButtonBox;
    m_resume = buttons->addButton(Tr::tr("Resume"), QDialogButtonBox::AcceptRole);
    m_rollback = buttons->addButton(Tr::tr("Roll back"), QDialogButtonBox::DestructiveRole);
    m_leave = buttons->addButton(Tr::tr("Leave it as it is"), QDialogButtonBox::ActionRole);
    m_later = buttons->addButton(Tr::tr("Decide later"), QDialogButtonBox::RejectRole);
    m_resume->setToolTip(Tr::tr("Run the steps the journal does not have as done (the interrupted one again)"));
    m_rollback->setToolTip(Tr::tr("Undo what ran, newest first; only before the promote step"));
    m_leave->setToolTip(Tr::tr("Stop offering this operation; fix the cluster by hand"));
    connect(m_resume, &QPushButton::clicked, this, &ResumeOperationDialog::resumeNow);
    connect(m_rollback, &QPushButton::clicked, this, &ResumeOperationDialog::rollbackNow);
    connect(m_leave, &QPushButton::clicked, this, &ResumeOperationDialog::leaveAsIs);
    connect(m_later, &QPushButton::clicked, this, &ResumeOperationDialog::reject);
    layout->addWidget(m_summary);
    layout->addWidget(m_steps, 2);
    layout->addWidget(m_assessmentLabel);
    layout->addWidget(m_log, 2);
    layout->addWidget(buttons);
    updateButtons();
    assess();
}

ResumeOperationDialog::~ResumeOperationDialog()
{
    if (m_executor)
        m_executor->cancel();
    m_future.waitForFinished();
}

void ResumeOperationDialog::showSteps(const std::vector<StepState> &states)
{
    m_steps->clear();
    const OperationPlan &plan = m_op.plan;
    for (std::size_t i = 0; i < plan.steps.size(); ++i) {
        const StepState s = i < states.size() ? states[i] : StepState::Pending;
        QString title = QStringLiteral("%1. %2").arg(i + 1).arg(qs(plan.steps[i].title));
        if (plan.steps[i].promote)
            title += Tr::tr("   [point of no return]");
        auto *item = new QTreeWidgetItem(m_steps, {title, qs(plan.steps[i].node), stepStateText(s)});
        item->setIcon(0, stepStateIcon(s));
    }
}

void ResumeOperationDialog::assess()
{
    m_busy = true;
    updateButtons();
    const OperationEnvironment env = m_env;
    QPointer<QObject> mailbox = m_mailbox;
    m_future = QtConcurrent::run([env, mailbox] {
        ClusterFacts facts = gatherFacts(env.nodes, env.factsOptions(), env.factory);
        QMetaObject::invokeMethod(
            mailbox,
            [mailbox, facts] {
                if (auto *d = qobject_cast<ResumeOperationDialog *>(mailbox ? mailbox->parent() : nullptr))
                    d->onAssessed(facts);
            },
            Qt::QueuedConnection);
    });
}

void ResumeOperationDialog::onAssessed(const ClusterFacts &facts)
{
    m_busy = false;
    m_assessment = assessJournal(m_op.plan, m_op.resume, facts);
    const ResumeAssessment &a = *m_assessment;
    QStringList lines;
    for (const auto &f : a.findings)
        lines << QStringLiteral("&bull; ") + qs(f).toHtmlEscaped();
    QString advice;
    switch (a.advice) {
    case ResumeAssessment::Advice::Resume:
        advice = Tr::tr("Advice: <b>resume</b> - the remaining steps finish the operation.");
        break;
    case ResumeAssessment::Advice::Rollback:
        advice = Tr::tr("Advice: <b>roll back</b> - the promote step had not completed; undoing returns the cluster to %1.")
                     .arg(qs(m_op.plan.oldPrimary));
        break;
    case ResumeAssessment::Advice::Inspect:
        advice = Tr::tr("Advice: <b>look first</b> - the cluster does not look as the journal says it should; someone or "
                        "something changed it since. Leave the operation and plan a new one.");
        break;
    }
    m_assessmentLabel->setText(lines.join(QStringLiteral("<br>")) + QStringLiteral("<br>") + advice);
    m_resume->setDefault(a.advice == ResumeAssessment::Advice::Resume);
    m_rollback->setDefault(a.advice == ResumeAssessment::Advice::Rollback);
    m_leave->setDefault(a.advice == ResumeAssessment::Advice::Inspect);
    updateButtons();
    emit assessed();
}

void ResumeOperationDialog::updateButtons()
{
    const bool decided = m_result.has_value();
    const bool canResume = m_assessment && m_assessment->canResume;
    const bool canRollback = m_assessment && m_assessment->canRollback;
    m_resume->setEnabled(!m_busy && !decided && canResume);
    m_rollback->setEnabled(!m_busy && !decided && canRollback);
    m_leave->setEnabled(!m_busy && !decided);
    m_later->setText(decided ? Tr::tr("Close") : Tr::tr("Decide later"));
    m_later->setEnabled(!m_busy);
}

void ResumeOperationDialog::resumeNow()
{
    run(false);
}

void ResumeOperationDialog::rollbackNow()
{
    run(true);
}

void ResumeOperationDialog::leaveAsIs()
{
    OperationJournal journal(m_env.journalPath);
    if (journal.open())
        journal.dismiss(m_op.id);
    accept();
}

void ResumeOperationDialog::run(bool rollback)
{
    if (m_busy || m_result)
        return;
    m_busy = true;
    updateButtons();
    m_log->appendPlainText(rollback ? Tr::tr("-- rolling back") : Tr::tr("-- resuming"));
    m_executor = std::make_shared<OperationExecutor>(m_op.plan, secretsFor(m_op.plan, m_env.replication), m_env.connector());
    auto executor = m_executor;
    const OperationEnvironment env = m_env;
    const JournaledOperation op = m_op;
    QPointer<QObject> mailbox = m_mailbox;
    auto post = [mailbox](auto fn) { QMetaObject::invokeMethod(mailbox, std::move(fn), Qt::QueuedConnection); };
    m_future = QtConcurrent::run([executor, env, op, rollback, mailbox, post] {
        OperationJournal journal(env.journalPath);
        const bool journaled = journal.open() && journal.adopt(op.id);
        if (journaled)
            executor->setJournal(&journal);
        executor->setLocalControl(env.localControl.get());
        executor->setProgress([mailbox, post](const ProgressEvent &e) {
            post([mailbox, e] {
                if (auto *d = qobject_cast<ResumeOperationDialog *>(mailbox ? mailbox->parent() : nullptr))
                    d->onProgress(e);
            });
        });
        OperationResult result = rollback ? executor->rollback(op.resume) : executor->resume(op.resume);
        if (!journaled)
            result.warnings.push_back("the journal could not be opened: this run was not journaled");
        else if (result.state == OperationState::Refused)
            (void)journal.operationFinished(op.plan.id, result);
        post([mailbox, result] {
            if (auto *d = qobject_cast<ResumeOperationDialog *>(mailbox ? mailbox->parent() : nullptr))
                d->onFinished(result);
        });
    });
}

void ResumeOperationDialog::onProgress(const ProgressEvent &e)
{
    if ((e.type == ProgressEvent::Type::StepStarted || e.type == ProgressEvent::Type::StepFinished)) {
        if (QTreeWidgetItem *item = m_steps->topLevelItem(static_cast<int>(e.step))) {
            item->setText(2, stepStateText(e.stepState));
            item->setIcon(0, stepStateIcon(e.stepState));
        }
    } else if (e.type == ProgressEvent::Type::Command && e.command) {
        const CommandRecord &c = *e.command;
        m_log->appendPlainText(QStringLiteral("%1%2: %3  -> %4")
                                   .arg(c.undo ? Tr::tr("UNDO ") : QString(), qs(c.node), qs(c.text),
                                        c.ok ? qs(c.result) : Tr::tr("FAILED: %1").arg(qs(c.result))));
    }
}

void ResumeOperationDialog::onFinished(const OperationResult &result)
{
    m_busy = false;
    m_result = result;
    showSteps(result.steps);
    QString text = QStringLiteral("<b>%1</b>").arg(operationStateText(result.state));
    if (result.state == OperationState::RolledBack)
        text += Tr::tr(": %1 is the primary again.").arg(qs(m_op.plan.oldPrimary));
    else if (result.ok())
        text += Tr::tr(": %1 is the primary.").arg(qs(m_op.plan.candidate));
    if (result.error)
        text += QStringLiteral(": ") + describeError(*result.error).toHtmlEscaped();
    for (const PreflightCheck &c : result.postChecks) {
        if (c.level != CheckLevel::Green)
            text += QStringLiteral("<br>") + checkTitle(qs(c.id)) + QStringLiteral(" (") + qs(c.node) + QStringLiteral("): ")
                    + qs(c.detail).toHtmlEscaped();
    }
    m_assessmentLabel->setText(text);
    updateButtons();
    emit operationFinished(result);
}

void ResumeOperationDialog::reject()
{
    if (m_busy && m_executor)
        return;   // a resume or roll-back is running: it finishes first
    QDialog::reject();
}

QList<JournaledOperation> unfinishedOperations(const QString &journalPath, QString *error)
{
    OperationJournal journal(journalPath);
    if (!journal.open(error))
        return {};
    return journal.unfinished();
}

int offerUnfinishedOperations(QWidget *parent, const OperationEnvironment &env)
{
    const QList<JournaledOperation> ops = unfinishedOperations(env.journalPath);
    for (const JournaledOperation &op : ops) {
        auto *dialog = new ResumeOperationDialog(op, env, parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowModality(Qt::WindowModal);
        dialog->show();
    }
    return static_cast<int>(ops.size());
}

} // namespace switchyard::ui
