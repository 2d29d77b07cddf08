#include "switchyard/ui/operation_wizard.h"

#include "switchyard/ui/operation_journal.h"
#include "switchyard/ui/tr.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWizardPage>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace switchyard::ui {

using namespace core;

// ---- words and icons --------------------------------------------------------------------------

QString checkTitle(const QString &id)
{
    static const QHash<QString, const char *> titles = {
        {QStringLiteral("single_primary"), QT_TRANSLATE_NOOP("Switchyard", "One writable primary")},
        {QStringLiteral("candidate"), QT_TRANSLATE_NOOP("Switchyard", "Candidate")},
        {QStringLiteral("candidate_direct_replica"), QT_TRANSLATE_NOOP("Switchyard", "Candidate is a direct replica")},
        {QStringLiteral("replication_threads"), QT_TRANSLATE_NOOP("Switchyard", "Replication threads running")},
        {QStringLiteral("candidate_lag"), QT_TRANSLATE_NOOP("Switchyard", "Candidate lag under the threshold")},
        {QStringLiteral("gtid_mode"), QT_TRANSLATE_NOOP("Switchyard", "Replication by GTID")},
        {QStringLiteral("gtid_domains"), QT_TRANSLATE_NOOP("Switchyard", "GTID domains consistent")},
        {QStringLiteral("gtid_strict_mode"), QT_TRANSLATE_NOOP("Switchyard", "GTID strict mode consistent")},
        {QStringLiteral("errant_gtids"), QT_TRANSLATE_NOOP("Switchyard", "No errant GTIDs")},
        {QStringLiteral("candidate_binlog"), QT_TRANSLATE_NOOP("Switchyard", "Binary log and log_slave_updates on the candidate")},
        {QStringLiteral("versions"), QT_TRANSLATE_NOOP("Switchyard", "Compatible versions")},
        {QStringLiteral("binlog_format"), QT_TRANSLATE_NOOP("Switchyard", "Binary log formats")},
        {QStringLiteral("replication_credentials"), QT_TRANSLATE_NOOP("Switchyard", "Replication account for the demoted primary")},
        {QStringLiteral("privileges"), QT_TRANSLATE_NOOP("Switchyard", "Privileges of the admin account")},
        {QStringLiteral("privileged_sessions"), QT_TRANSLATE_NOOP("Switchyard", "Sessions that can write despite read_only")},
        {QStringLiteral("long_transactions"), QT_TRANSLATE_NOOP("Switchyard", "Long-running transactions")},
        {QStringLiteral("event_scheduler"), QT_TRANSLATE_NOOP("Switchyard", "Event scheduler")},
        {QStringLiteral("semi_sync"), QT_TRANSLATE_NOOP("Switchyard", "Semi-synchronous replication")},
        {QStringLiteral("node_reachable"), QT_TRANSLATE_NOOP("Switchyard", "Node reachable")},
        {QStringLiteral("timeline"), QT_TRANSLATE_NOOP("Switchyard", "Timelines")},
        {QStringLiteral("wal_log_hints"), QT_TRANSLATE_NOOP("Switchyard", "wal_log_hints or data checksums (for pg_rewind)")},
        {QStringLiteral("slots"), QT_TRANSLATE_NOOP("Switchyard", "Replication slots")},
        {QStringLiteral("local_control"), QT_TRANSLATE_NOOP("Switchyard", "Control of the old primary's server")},
        {QStringLiteral("primary_down"), QT_TRANSLATE_NOOP("Switchyard", "The primary is really down")},
        {QStringLiteral("most_advanced"), QT_TRANSLATE_NOOP("Switchyard", "Most advanced replica")},
        {QStringLiteral("data_loss"), QT_TRANSLATE_NOOP("Switchyard", "Transactions that may be lost")},
        {QStringLiteral("post_single_primary"), QT_TRANSLATE_NOOP("Switchyard", "One writable primary afterwards")},
        {QStringLiteral("post_replicating"), QT_TRANSLATE_NOOP("Switchyard", "Replicating from the new primary")},
        {QStringLiteral("post_errant_gtids"), QT_TRANSLATE_NOOP("Switchyard", "No errant GTIDs afterwards")},
    };
    const auto it = titles.constFind(id);
    return it == titles.constEnd() ? id : Tr::tr(it.value());
}

QString operationStateText(OperationState state)
{
    switch (state) {
    case OperationState::Planned: return Tr::tr("Planned");
    case OperationState::Running: return Tr::tr("Running");
    case OperationState::Succeeded: return Tr::tr("Succeeded");
    case OperationState::SucceededWithWarnings: return Tr::tr("Succeeded with warnings");
    case OperationState::RolledBack: return Tr::tr("Rolled back");
    case OperationState::RollbackFailed: return Tr::tr("Roll-back failed");
    case OperationState::FailedAfterPromote: return Tr::tr("Failed after the promote step");
    case OperationState::Interrupted: return Tr::tr("Interrupted");
    case OperationState::Refused: return Tr::tr("Refused");
    }
    return {};
}

QString stepStateText(StepState state)
{
    switch (state) {
    case StepState::Pending: return Tr::tr("pending");
    case StepState::Running: return Tr::tr("running");
    case StepState::Done: return Tr::tr("done");
    case StepState::Failed: return Tr::tr("failed");
    case StepState::Skipped: return Tr::tr("skipped");
    case StepState::Undone: return Tr::tr("undone");
    case StepState::UndoFailed: return Tr::tr("undo failed");
    }
    return {};
}

namespace {

QIcon dot(const QColor &color, bool ring = false)
{
    QPixmap pm(16, 16);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    if (ring) {
        p.setPen(QPen(color, 2));
        p.setBrush(Qt::NoBrush);
    } else {
        p.setPen(color.darker(130));
        p.setBrush(color);
    }
    p.drawEllipse(QRectF(2.5, 2.5, 11, 11));
    return QIcon(pm);
}

const QColor kGreen(0x2e, 0x9d, 0x48), kAmber(0xe0, 0xa1, 0x00), kRed(0xd0, 0x34, 0x2c), kGrey(0x9a, 0x9a, 0x9a),
    kBlue(0x2f, 0x6f, 0xd0);

QString nodeOf(const std::string &node)
{
    return node.empty() ? Tr::tr("cluster") : qs(node);
}

// Breaks `text` into lines of at most `width` pixels (QTreeView rows grow with explicit line
// breaks, not with word wrap).
QString wrapToWidth(const QString &text, const QFontMetrics &fm, int width)
{
    QStringList lines;
    QString line;
    const QStringList words = text.split(QLatin1Char(' '));
    for (const QString &word : words) {
        const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (!line.isEmpty() && fm.horizontalAdvance(candidate) > width) {
            lines << line;
            line = word;
        } else {
            line = candidate;
        }
    }
    if (!line.isEmpty())
        lines << line;
    return lines.join(QLatin1Char('\n'));
}

QFont mono()
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

} // namespace

QIcon levelIcon(CheckLevel level)
{
    switch (level) {
    case CheckLevel::Green: return dot(kGreen);
    case CheckLevel::Amber: return dot(kAmber);
    case CheckLevel::Red: return dot(kRed);
    }
    return {};
}

QIcon stepStateIcon(StepState state)
{
    switch (state) {
    case StepState::Pending: return dot(kGrey, true);
    case StepState::Running: return dot(kBlue);
    case StepState::Done: return dot(kGreen);
    case StepState::Failed: return dot(kRed);
    case StepState::Skipped: return dot(kGrey);
    case StepState::Undone: return dot(kAmber);
    case StepState::UndoFailed: return dot(kRed, true);
    }
    return {};
}

// ---- pages ------------------------------------------------------------------------------------

class OperationWizardPage : public QWizardPage
{
public:
    OperationWizardPage(OperationWizard *wizard, int id) : m_wizard(wizard), m_id(id) {}

    bool isComplete() const override
    {
        const OperationWizard &w = *m_wizard;
        switch (m_id) {
        case OperationWizard::CandidatePageId:
            return w.m_stage != OperationWizard::Stage::Reading && w.m_planned && !w.m_planned->plan.candidate.empty();
        case OperationWizard::ChecksPageId:
            return w.m_planned && !w.m_planned->plan.blocked();
        case OperationWizard::PlanPageId:
            return w.m_planned && !w.m_planned->plan.blocked() && w.m_confirm->isChecked();
        case OperationWizard::RunPageId:
            return w.m_stage == OperationWizard::Stage::Finished;
        }
        return true;
    }
    bool validatePage() override
    {
        return m_id != OperationWizard::RunPageId || m_wizard->m_stage != OperationWizard::Stage::Running;
    }

private:
    OperationWizard *m_wizard;
    int m_id;
};

OperationWizard::OperationWizard(OperationKind kind, OperationEnvironment environment, QWidget *parent)
    : QWizard(parent), m_kind(kind), m_env(std::move(environment))
{
    m_mailbox = new QObject(this);
    setWindowTitle(title());
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, false);
    resize(900, 640);
    buildPages();
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == ChecksPageId && m_planned)
            fillChecks();
    });
    refresh();
}

OperationWizard::~OperationWizard()
{
    // Shutdown cancels and waits (bounded by the steps' timeouts); late queued calls die with
    // m_mailbox.
    if (m_executor)
        m_executor->cancel();
    m_runFuture.waitForFinished();
    m_readFuture.waitForFinished();
}

QString OperationWizard::title() const
{
    switch (m_kind) {
    case OperationKind::Switchover: return Tr::tr("Planned switchover - %1").arg(m_env.profileName);
    case OperationKind::Failover: return Tr::tr("Failover - %1").arg(m_env.profileName);
    case OperationKind::Rejoin: return Tr::tr("Rejoin - %1").arg(m_env.profileName);
    }
    return {};
}

void OperationWizard::buildPages()
{
    const bool failover = m_kind == OperationKind::Failover;

    // 1. Candidate.
    auto *p1 = new OperationWizardPage(this, CandidatePageId);
    p1->setTitle(failover ? Tr::tr("The primary does not answer: choose the replica to promote")
                          : Tr::tr("Choose the replica to promote"));
    p1->setSubTitle(failover ? Tr::tr("The console watches the primary for a while and asks the replicas what they see "
                                      "before it proposes anything. The most advanced replica is recommended.")
                             : Tr::tr("The recommended replica is preselected; the table says why each replica ranks "
                                      "where it does."));
    auto *l1 = new QVBoxLayout(p1);
    m_readStatus = new QLabel(Tr::tr("Reading the cluster..."));
    m_evidence = new QLabel;
    m_evidence->setWordWrap(true);
    m_evidence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_evidence->setVisible(failover);
    m_candidates = new QTableWidget(0, 4);
    m_candidates->setHorizontalHeaderLabels({Tr::tr("Replica"), Tr::tr("Eligible"), Tr::tr("Position"), Tr::tr("Why")});
    m_candidates->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_candidates->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_candidates->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Interactive);
    m_candidates->horizontalHeader()->setStretchLastSection(true);
    m_candidates->setColumnWidth(2, 300);
    m_candidates->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_candidates->setSelectionMode(QAbstractItemView::SingleSelection);
    m_candidates->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_candidates->verticalHeader()->hide();
    m_candidates->setWordWrap(true);
    connect(m_candidates, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_candidates->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        const QString node = m_candidates->item(rows.first().row(), 0)->data(Qt::UserRole).toString();
        if (node != (m_planned ? qs(m_planned->plan.candidate) : QString()))
            setCandidate(node);
    });
    m_why = new QLabel;
    m_why->setWordWrap(true);
    m_killPrivileged = new QCheckBox(Tr::tr("Kill sessions of privileged users on the old primary after it turns read-only"));
    m_killLong = new QCheckBox(Tr::tr("Kill long-running transactions instead of waiting for them"));
    m_rejoin = new QCheckBox(Tr::tr("Make the old primary a replica of the new one"));
    m_rejoin->setChecked(true);
    m_safe = new QCheckBox(Tr::tr("Safe mode: refuse when the candidate may lack acknowledged transactions"));
    m_safe->setChecked(true);
    m_killPrivileged->setVisible(!failover && m_env.engine == Engine::MySQL);
    m_killLong->setVisible(!failover && m_env.engine == Engine::MySQL);
    m_safe->setVisible(failover);
    for (QCheckBox *box : {m_killPrivileged, m_killLong, m_rejoin, m_safe})
        connect(box, &QCheckBox::toggled, this, [this] { replan(); });
    auto *refreshButton = new QPushButton(Tr::tr("Read the cluster again"));
    connect(refreshButton, &QPushButton::clicked, this, &OperationWizard::refresh);
    auto *top = new QHBoxLayout;
    top->addWidget(m_readStatus, 1);
    top->addWidget(refreshButton);
    l1->addLayout(top);
    l1->addWidget(m_evidence);
    l1->addWidget(m_candidates, 1);
    l1->addWidget(m_why);
    l1->addWidget(m_killPrivileged);
    l1->addWidget(m_killLong);
    l1->addWidget(m_rejoin);
    l1->addWidget(m_safe);
    setPage(CandidatePageId, p1);

    // 2. Checks.
    auto *p2 = new OperationWizardPage(this, ChecksPageId);
    p2->setTitle(Tr::tr("Preflight checks"));
    p2->setSubTitle(Tr::tr("Nothing has been changed yet. A red check blocks the operation; each says what to do "
                           "about it."));
    auto *l2 = new QVBoxLayout(p2);
    m_checksSummary = new QLabel;
    m_checksSummary->setWordWrap(true);
    m_checks = new QTreeWidget;
    m_checks->setColumnCount(3);
    m_checks->setHeaderLabels({Tr::tr("Check"), Tr::tr("Node"), Tr::tr("Found")});
    m_checks->setWordWrap(true);
    m_checks->setUniformRowHeights(false);
    m_checks->setRootIsDecorated(true);
    m_checks->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_checks->header()->setStretchLastSection(true);
    m_checks->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_checks->setColumnWidth(0, 300);
    m_checks->setColumnWidth(1, 70);
    auto *recheck = new QPushButton(Tr::tr("Check again"));
    connect(recheck, &QPushButton::clicked, this, &OperationWizard::refresh);
    auto *row2 = new QHBoxLayout;
    row2->addWidget(m_checksSummary, 1);
    row2->addWidget(recheck);
    l2->addLayout(row2);
    l2->addWidget(m_checks, 1);
    setPage(ChecksPageId, p2);

    // 3. Plan (dry run).
    auto *p3 = new OperationWizardPage(this, PlanPageId);
    p3->setTitle(Tr::tr("The plan: every statement, on every node, before anything runs"));
    p3->setSubTitle(Tr::tr("Values in ${...} are read by an earlier step; secrets are shown as '<secret>'. Steps up to "
                           "the promote step are undone automatically if anything fails."));
    auto *l3 = new QVBoxLayout(p3);
    m_planTree = new QTreeWidget;
    m_planTree->setColumnCount(3);
    m_planTree->setHeaderLabels({Tr::tr("Step / statement"), Tr::tr("Node"), Tr::tr("Timeout")});
    m_planTree->setColumnWidth(0, 620);
    m_planTree->setColumnWidth(1, 70);
    m_notes = new QLabel;
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_confirm = new QCheckBox(Tr::tr("I have read the plan"));
    connect(m_confirm, &QCheckBox::toggled, this, [this] { updateButtons(); });
    auto *copy = new QPushButton(Tr::tr("Copy the plan"));
    connect(copy, &QPushButton::clicked, this, [this] {
        if (m_planned)
            QApplication::clipboard()->setText(qs(planToText(m_planned->plan)));
    });
    auto *row3 = new QHBoxLayout;
    row3->addWidget(m_confirm, 1);
    row3->addWidget(copy);
    l3->addWidget(m_planTree, 1);
    l3->addWidget(m_notes);
    l3->addLayout(row3);
    setPage(PlanPageId, p3);

    // 4. Run.
    auto *p4 = new OperationWizardPage(this, RunPageId);
    p4->setTitle(failover ? Tr::tr("Fail over") : Tr::tr("Switch over"));
    p4->setSubTitle(Tr::tr("Every statement is journaled as it runs. Cancel undoes what ran, until the promote step."));
    auto *l4 = new QVBoxLayout(p4);
    m_executeButton = new QPushButton(failover ? Tr::tr("Fail over now") : Tr::tr("Switch over now"));
    m_cancelButton = new QPushButton(Tr::tr("Cancel the operation"));
    m_cancelButton->setEnabled(false);
    connect(m_executeButton, &QPushButton::clicked, this, [this] { execute(); });
    connect(m_cancelButton, &QPushButton::clicked, this, &OperationWizard::cancelOperation);
    m_progress = new QProgressBar;
    auto *row4 = new QHBoxLayout;
    row4->addWidget(m_executeButton);
    row4->addWidget(m_cancelButton);
    row4->addWidget(m_progress, 1);
    m_steps = new QTreeWidget;
    m_steps->setColumnCount(3);
    m_steps->setHeaderLabels({Tr::tr("Step"), Tr::tr("Node"), Tr::tr("State")});
    m_steps->setRootIsDecorated(false);
    m_steps->setColumnWidth(0, 480);
    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setFont(mono());
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_resultLabel = new QLabel;
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_postChecks = new QTreeWidget;
    m_postChecks->setColumnCount(3);
    m_postChecks->setHeaderLabels({Tr::tr("Post-check"), Tr::tr("Node"), Tr::tr("Found")});
    m_postChecks->setRootIsDecorated(false);
    m_postChecks->setWordWrap(true);
    m_postChecks->setUniformRowHeights(false);
    m_postChecks->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_postChecks->setColumnWidth(0, 260);
    m_postChecks->setMaximumHeight(110);
    l4->addLayout(row4);
    l4->addWidget(m_steps, 2);
    l4->addWidget(m_log, 2);
    l4->addWidget(m_resultLabel);
    l4->addWidget(m_postChecks, 1);
    setPage(RunPageId, p4);
}

void OperationWizard::refresh()
{
    if (m_stage == Stage::Running || m_stage == Stage::Finished)
        return;
    m_stage = Stage::Reading;
    m_readStatus->setText(m_kind == OperationKind::Failover
                              ? Tr::tr("Reading the cluster and watching the primary for %1 s...")
                                    .arg(static_cast<double>(m_env.observation.count()) / 1000.0, 0, 'f', 1)
                              : Tr::tr("Reading the cluster..."));
    updateButtons();
    const quint64 generation = ++m_readGeneration;
    const OperationEnvironment env = m_env;
    const OperationKind kind = m_kind;
    QPointer<QObject> mailbox = m_mailbox;
    m_readFuture = QtConcurrent::run([env, kind, generation, mailbox] {
        FactsOptions fo = env.factsOptions();
        ClusterFacts facts = gatherFacts(env.nodes, fo, env.factory);
        facts.lastKnownPrimary = env.lastKnownPrimary;
        if (kind == OperationKind::Failover) {
            // Which node failed: what the monitor last saw as the primary, else what the
            // replicas point at. Then watch it over the observation period.
            std::string suspect = env.lastKnownPrimary ? env.lastKnownPrimary->name : std::string();
            if (suspect.empty())
                suspect = planFailover(facts, env.operationOptions()).plan.oldPrimary;
            if (!suspect.empty()) {
                fo.observeFailure = true;
                fo.suspectedPrimary = suspect;
                facts = gatherFacts(env.nodes, fo, env.factory);
                facts.lastKnownPrimary = env.lastKnownPrimary;
            }
        }
        QMetaObject::invokeMethod(
            mailbox,
            [mailbox, generation, facts = std::move(facts)]() mutable {
                auto *w = qobject_cast<OperationWizard *>(mailbox ? mailbox->parent() : nullptr);
                if (w && generation == w->m_readGeneration)
                    w->onFacts(std::move(facts));
            },
            Qt::QueuedConnection);
    });
}

void OperationWizard::onFacts(ClusterFacts facts)
{
    if (m_stage == Stage::Running || m_stage == Stage::Finished)
        return;
    m_facts = std::move(facts);
    int reachable = 0;
    for (const NodeFacts &f : m_facts->nodes)
        reachable += f.connected ? 1 : 0;
    m_readStatus->setText(Tr::tr("Read %1 of %2 nodes at %3.")
                              .arg(reachable)
                              .arg(m_facts->nodes.size())
                              .arg(QDateTime::fromMSecsSinceEpoch(m_facts->takenAtMs).toString(QStringLiteral("HH:mm:ss"))));
    if (m_kind == OperationKind::Failover) {
        if (m_facts->failure) {
            const FailureEvidence &e = *m_facts->failure;
            QStringList lines;
            for (const auto &f : e.findings)
                lines << QStringLiteral("- ") + qs(f);
            m_evidence->setText((e.confirmed ? Tr::tr("Failure confirmed: %1 of %2 connection attempts failed over %3 ms, "
                                                      "and the replicas agree.")
                                             : Tr::tr("Failure NOT confirmed (%1 of %2 connection attempts failed over %3 ms)."))
                                    .arg(e.failures)
                                    .arg(e.attempts)
                                    .arg(e.observed.count())
                                + QStringLiteral("\n") + lines.join(QLatin1Char('\n')));
        } else {
            m_evidence->setText(Tr::tr("No failed primary found: every node answers, or no replica points at a node "
                                       "that does not."));
        }
    }
    m_stage = Stage::Planned;
    replan();
    emit factsRead();
}

void OperationWizard::setCandidate(const QString &node)
{
    m_chosen = node;
    replan();
}

void OperationWizard::replan()
{
    if (!m_facts || m_stage == Stage::Running || m_stage == Stage::Finished)
        return;
    OperationOptions o = m_env.operationOptions();
    o.candidate = m_chosen.toStdString();
    o.killPrivilegedSessions = m_killPrivileged->isChecked();
    o.killLongTransactions = m_killLong->isChecked();
    o.rejoinOldPrimary = m_rejoin->isChecked();
    o.safe = m_safe->isChecked();
    m_planned = m_kind == OperationKind::Failover ? planFailover(*m_facts, o) : planSwitchover(*m_facts, o);
    m_confirm->setChecked(false);
    fillCandidates();
    fillChecks();
    fillPlan();
    updateButtons();
    emit planChanged();
}

void OperationWizard::fillCandidates()
{
    const OperationPlan &plan = m_planned->plan;
    const QSignalBlocker block(m_candidates);
    m_candidates->setRowCount(0);
    for (const CandidateRank &r : plan.ranking) {
        const int row = m_candidates->rowCount();
        m_candidates->insertRow(row);
        auto *name = new QTableWidgetItem(qs(r.node));
        name->setData(Qt::UserRole, qs(r.node));
        if (r.node == plan.candidate)
            name->setText(m_chosen.isEmpty() ? Tr::tr("%1 (recommended)").arg(qs(r.node)) : Tr::tr("%1 (chosen)").arg(qs(r.node)));
        auto *eligible = new QTableWidgetItem(r.eligible ? Tr::tr("yes") : Tr::tr("no"));
        eligible->setIcon(levelIcon(r.eligible ? CheckLevel::Green : CheckLevel::Red));
        QStringList reasons;
        for (const auto &s : r.reasons)
            reasons << qs(s);
        auto *why = new QTableWidgetItem(reasons.join(QStringLiteral("; ")));
        why->setToolTip(reasons.join(QLatin1Char('\n')));
        if (!r.eligible)
            name->setFlags(name->flags() & ~Qt::ItemIsSelectable);
        m_candidates->setItem(row, 0, name);
        m_candidates->setItem(row, 1, eligible);
        m_candidates->setItem(row, 2, new QTableWidgetItem(qs(r.position)));
        m_candidates->setItem(row, 3, why);
        if (r.node == plan.candidate)
            m_candidates->selectRow(row);
    }
    m_candidates->resizeRowsToContents();
    if (plan.candidate.empty())
        m_why->setText(Tr::tr("No replica can be promoted: see the table and the checks."));
    else
        m_why->setText(Tr::tr("<b>%1</b> will be promoted: %2").arg(qs(plan.candidate), qs(plan.candidateReason).toHtmlEscaped()));
}

void OperationWizard::fillChecks()
{
    const OperationPlan &plan = m_planned->plan;
    m_checks->clear();
    int counts[3] = {0, 0, 0};
    // The viewport's width once the page is shown (fillChecks runs again then), else an estimate.
    const int available = (m_checks->isVisible() ? m_checks->viewport()->width() : width() - 70) - 300 - 90 - 12;
    const QFontMetrics fm(m_checks->font());
    const int wrapWidth = std::max(240, available);
    for (const PreflightCheck &c : plan.checks) {
        ++counts[static_cast<int>(c.level)];
        auto *item = new QTreeWidgetItem(m_checks, {checkTitle(qs(c.id)), nodeOf(c.node), wrapToWidth(qs(c.detail), fm, wrapWidth)});
        item->setIcon(0, levelIcon(c.level));
        item->setToolTip(2, qs(c.detail));
        if (!c.fix.empty()) {
            auto *fix = new QTreeWidgetItem(item, {Tr::tr("What to do"), QString(), wrapToWidth(qs(c.fix), fm, wrapWidth)});
            fix->setToolTip(2, qs(c.fix));
            fix->setForeground(2, c.level == CheckLevel::Red ? kRed.darker(120) : QColor(0x80, 0x5a, 0x00));
            item->setExpanded(c.level != CheckLevel::Green);
        }
    }
    m_checks->setColumnWidth(0, 300);
    m_checks->setColumnWidth(1, 90);
    m_checksSummary->setText(plan.blocked() ? Tr::tr("<b style='color:#b02a24'>Blocked</b>: %1 red, %2 amber, %3 green. "
                                                     "Fix the red ones and check again.")
                                                  .arg(counts[2])
                                                  .arg(counts[1])
                                                  .arg(counts[0])
                                            : Tr::tr("<b>Ready</b>: %1 amber, %2 green.").arg(counts[1]).arg(counts[0]));
}

void OperationWizard::fillPlan()
{
    const OperationPlan &plan = m_planned->plan;
    m_planTree->clear();
    for (std::size_t i = 0; i < plan.steps.size(); ++i) {
        const PlanStep &s = plan.steps[i];
        QString title = QStringLiteral("%1. %2").arg(i + 1).arg(qs(s.title));
        if (s.promote)
            title += Tr::tr("   [point of no return]");
        if (s.optional)
            title += Tr::tr("   [optional]");
        auto *item = new QTreeWidgetItem(m_planTree, {title, qs(s.node), Tr::tr("%1 s").arg(static_cast<double>(s.timeout.count()) / 1000.0)});
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        for (const StepCommand &c : s.commands) {
            auto *cmd = new QTreeWidgetItem(item, {qs(c.display()), qs(c.node)});
            cmd->setFont(0, mono());
            cmd->setToolTip(0, qs(c.display()));
        }
        if (!s.undo.empty()) {
            auto *undo = new QTreeWidgetItem(item, {Tr::tr("undo, if a later step before the promote fails:")});
            undo->setForeground(0, QColor(0x80, 0x5a, 0x00));
            for (const StepCommand &c : s.undo) {
                auto *u = new QTreeWidgetItem(undo, {qs(c.display()), qs(c.node)});
                u->setFont(0, mono());
            }
        }
        item->setExpanded(true);
    }
    QStringList notes;
    for (const auto &n : plan.notes)
        notes << qs(n).toHtmlEscaped();
    m_notes->setText(notes.isEmpty() ? QString() : Tr::tr("<b>Notes</b><br>") + notes.join(QStringLiteral("<br>")));
    m_notes->setVisible(!notes.isEmpty());
}

void OperationWizard::updateButtons()
{
    for (int id : {CandidatePageId, ChecksPageId, PlanPageId, RunPageId}) {
        if (QWizardPage *p = page(id))
            emit p->completeChanged();
    }
    const bool ready = m_planned && !m_planned->plan.blocked() && m_stage == Stage::Planned;
    m_executeButton->setEnabled(ready && m_confirm->isChecked());
    m_cancelButton->setEnabled(m_stage == Stage::Running && !m_pastPromote);
    if (QAbstractButton *back = button(QWizard::BackButton))
        back->setEnabled(m_stage != Stage::Running && m_stage != Stage::Finished);
}

bool OperationWizard::execute()
{
    if (!m_planned || m_planned->plan.blocked() || m_stage != Stage::Planned)
        return false;
    m_stage = Stage::Running;
    m_pastPromote = false;
    m_stepsDone = 0;
    const OperationPlan &plan = m_planned->plan;
    m_steps->clear();
    for (const PlanStep &s : plan.steps) {
        auto *item = new QTreeWidgetItem(m_steps, {qs(s.title), qs(s.node), stepStateText(StepState::Pending)});
        item->setIcon(0, stepStateIcon(StepState::Pending));
    }
    m_progress->setRange(0, static_cast<int>(plan.steps.size()));
    m_progress->setValue(0);
    m_log->clear();
    m_resultLabel->clear();
    m_postChecks->clear();
    m_executor = std::make_shared<OperationExecutor>(plan, m_planned->secrets, m_env.connector());
    emit operationStarted(qs(plan.id));
    updateButtons();

    auto executor = m_executor;
    const OperationEnvironment env = m_env;
    QPointer<QObject> mailbox = m_mailbox;
    auto post = [mailbox](auto fn) { QMetaObject::invokeMethod(mailbox, std::move(fn), Qt::QueuedConnection); };
    m_runFuture = QtConcurrent::run([executor, env, mailbox, post] {
        std::unique_ptr<OperationJournal> journal;
        QString journalError;
        if (!env.journalPath.isEmpty()) {
            journal = std::make_unique<OperationJournal>(env.journalPath);
            if (!journal->open(&journalError)) {
                OperationResult refused;
                refused.state = OperationState::Refused;
                refused.error = makeError(ErrorCode::Io, journalError.toStdString());
                refused.failureHint = "the operation journal could not be opened; nothing was changed";
                post([mailbox, refused] {
                    if (auto *w = qobject_cast<OperationWizard *>(mailbox ? mailbox->parent() : nullptr))
                        w->onFinished(refused);
                });
                return;
            }
            executor->setJournal(journal.get());
        }
        executor->setLocalControl(env.localControl.get());
        executor->setProgress([mailbox, post](const ProgressEvent &e) {
            post([mailbox, e] {
                if (auto *w = qobject_cast<OperationWizard *>(mailbox ? mailbox->parent() : nullptr))
                    w->onProgress(e);
            });
        });
        const OperationResult result = executor->run();
        post([mailbox, result] {
            if (auto *w = qobject_cast<OperationWizard *>(mailbox ? mailbox->parent() : nullptr))
                w->onFinished(result);
        });
    });
    return true;
}

void OperationWizard::cancelOperation()
{
    if (m_executor && m_stage == Stage::Running && !m_pastPromote) {
        m_executor->cancel();
        m_cancelButton->setEnabled(false);
        m_log->appendPlainText(Tr::tr("-- cancel requested: stopping and undoing"));
    }
}

void OperationWizard::onProgress(const ProgressEvent &e)
{
    if (!m_planned)
        return;
    const OperationPlan &plan = m_planned->plan;
    switch (e.type) {
    case ProgressEvent::Type::StepStarted:
    case ProgressEvent::Type::StepFinished: {
        if (QTreeWidgetItem *item = m_steps->topLevelItem(static_cast<int>(e.step))) {
            item->setText(2, stepStateText(e.stepState));
            item->setIcon(0, stepStateIcon(e.stepState));
            m_steps->scrollToItem(item);
        }
        if (e.type == ProgressEvent::Type::StepStarted && e.step < plan.steps.size() && plan.steps[e.step].promote) {
            m_pastPromote = true;   // no cancel from here
            updateButtons();
        }
        if (e.stepState == StepState::Done)
            m_progress->setValue(++m_stepsDone);
        break;
    }
    case ProgressEvent::Type::Command:
        if (e.command) {
            const CommandRecord &c = *e.command;
            m_log->appendPlainText(QStringLiteral("%1%2  %3: %4\n      -> %5 (%6 ms)")
                                       .arg(c.undo ? Tr::tr("UNDO ") : QString(),
                                            QDateTime::fromMSecsSinceEpoch(c.startedAtMs).toString(QStringLiteral("HH:mm:ss.zzz")),
                                            qs(c.node), qs(c.text), c.ok ? qs(c.result) : Tr::tr("FAILED: %1").arg(qs(c.result)))
                                       .arg(static_cast<double>(c.elapsedUs) / 1000.0, 0, 'f', 1));
        }
        break;
    case ProgressEvent::Type::UndoStarted:
        m_log->appendPlainText(Tr::tr("-- undoing what ran, newest first"));
        break;
    case ProgressEvent::Type::PostChecks:
        m_log->appendPlainText(Tr::tr("-- post-checks done"));
        break;
    case ProgressEvent::Type::Finished:
        break;
    }
}

void OperationWizard::onFinished(const OperationResult &result)
{
    m_result = result;
    m_stage = Stage::Finished;
    const OperationPlan &plan = m_planned->plan;
    for (std::size_t i = 0; i < result.steps.size(); ++i) {
        if (QTreeWidgetItem *item = m_steps->topLevelItem(static_cast<int>(i))) {
            item->setText(2, stepStateText(result.steps[i]));
            item->setIcon(0, stepStateIcon(result.steps[i]));
        }
    }
    QString text = QStringLiteral("<b>%1</b>").arg(operationStateText(result.state));
    if (result.ok())
        text += Tr::tr(": %1 is the primary.").arg(qs(plan.candidate));
    if (result.freezeWindow)
        text += Tr::tr(" Writes were frozen for %1 ms.").arg(static_cast<double>(result.freezeWindow->count()) / 1000.0, 0, 'f', 1);
    if (result.failedStep && *result.failedStep < plan.steps.size())
        text += Tr::tr("<br>Failed at step %1, \"%2\": %3")
                    .arg(*result.failedStep + 1)
                    .arg(qs(plan.steps[*result.failedStep].title).toHtmlEscaped(),
                         result.error ? describeError(*result.error).toHtmlEscaped() : QString());
    else if (result.error)
        text += QStringLiteral("<br>") + describeError(*result.error).toHtmlEscaped();
    if (!result.failureHint.empty())
        text += QStringLiteral("<br>") + qs(result.failureHint).toHtmlEscaped();
    if (result.state == OperationState::RolledBack)
        text += Tr::tr("<br>Everything that ran was undone: %1 is the primary again.").arg(qs(plan.oldPrimary));
    if (result.state == OperationState::FailedAfterPromote)
        text += Tr::tr("<br>%1 is the new primary; the remaining steps can be resumed from the journal (restart the "
                       "console or open the profile again).")
                    .arg(qs(plan.candidate));
    for (const auto &w : result.warnings)
        text += QStringLiteral("<br>") + Tr::tr("Warning: %1").arg(qs(w).toHtmlEscaped());
    m_resultLabel->setText(text);
    m_postChecks->clear();
    for (const PreflightCheck &c : result.postChecks) {
        auto *item = new QTreeWidgetItem(m_postChecks, {checkTitle(qs(c.id)), nodeOf(c.node),
                                                        wrapToWidth(qs(c.detail), QFontMetrics(m_postChecks->font()), 480)});
        item->setIcon(0, levelIcon(c.level));
        item->setToolTip(2, qs(c.fix.empty() ? c.detail : c.detail + "\n" + c.fix));
    }
    m_executeButton->setEnabled(false);
    updateButtons();
    emit operationFinished(result);
}

void OperationWizard::reject()
{
    if (m_stage == Stage::Running) {
        if (!m_pastPromote) {
            cancelOperation();
        } else {
            QMessageBox::information(this, title(),
                                     Tr::tr("The new primary has been promoted; the remaining steps finish before the "
                                            "wizard closes."));
        }
        return;   // closes when the operation has ended
    }
    QWizard::reject();
}

} // namespace switchyard::ui
