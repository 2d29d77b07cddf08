// The switchover and failover wizards, the resume-or-roll-back dialog and the operation
// journal, offscreen, over a simulated MariaDB cluster (tests/unit/cluster/sim_cluster.h): the
// recommended candidate is preselected with its reason, red checks block, the plan shows every
// statement, execution runs on a worker and ends with post-checks, a journaled operation that
// was abandoned half-way is offered for resume or roll-back. Each page is saved as a PNG under
// <build>/screenshots/operations/ for a look by eye.
#include "sim_cluster.h"

#include "switchyard/ui/history_database.h"
#include "switchyard/ui/operation_dialogs.h"
#include "switchyard/ui/operation_journal.h"
#include "switchyard/ui/operation_wizard.h"
#include "switchyard/ui/tr.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace switchyard;
using namespace switchyard::core;
using namespace switchyard::ui;
using switchyard::testing::SimCluster;
using switchyard::testing::SimConnection;

namespace {

const char *kNames[] = {"db1", "db2", "db3"};

OperationEnvironment simEnvironment(const std::shared_ptr<SimCluster> &sim, const QString &journalPath)
{
    OperationEnvironment env;
    env.profileName = QStringLiteral("orders-prod");
    env.engine = Engine::MySQL;
    for (std::size_t i = 0; i < sim->nodes.size(); ++i) {
        FactsNode f;
        f.name = kNames[i];
        f.admin.engine = Engine::MySQL;
        f.admin.host = "127.0.0.1";
        f.admin.port = sim->nodes[i].port;
        f.admin.user = "admin";
        f.admin.nodeName = kNames[i];
        env.nodes.push_back(f);
    }
    env.factory = [sim](const ConnectionOptions &o) -> std::unique_ptr<Connection> { return std::make_unique<SimConnection>(sim, o); };
    env.replication = {"repl", "replpw"};
    env.journalPath = journalPath;
    env.observation = std::chrono::milliseconds(200);
    return env;
}

QString shotDir()
{
    const QString dir = QStringLiteral(SWITCHYARD_BINARY_DIR "/screenshots/operations");
    QDir().mkpath(dir);
    return dir;
}

void shoot(QWidget *w, const QString &name)
{
    QCoreApplication::processEvents();
    QVERIFY(w->grab().save(shotDir() + QLatin1Char('/') + name + QStringLiteral(".png")));
}

int rowOf(QTableWidget *t, const QString &node)
{
    for (int r = 0; r < t->rowCount(); ++r) {
        if (t->item(r, 0)->data(Qt::UserRole).toString() == node)
            return r;
    }
    return -1;
}

} // namespace

class TestOperationWizard : public QObject
{
    Q_OBJECT

private slots:
    void journalRoundTrip();
    void switchoverWizardRunsThePlan();
    void redCheckBlocksTheWizard();
    void failoverWizardPromotesTheMostAdvanced();
    void resumeDialogRollsBackAnAbandonedOperation();
    void environmentFromAProfileAndASnapshot();
};

void TestOperationWizard::journalRoundTrip()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("orders.sqlite"));
    auto sim = SimCluster::threeNodes(10);
    const auto env = simEnvironment(sim, path);
    auto planned = planSwitchover(gatherFacts(env.nodes, env.factsOptions(), env.factory), env.operationOptions());
    QVERIFY(!planned.plan.blocked());

    // JSON round trip keeps every field the executor needs.
    const auto back = planFromJson(planToJson(planned.plan));
    QVERIFY(back);
    QCOMPARE(back->steps.size(), planned.plan.steps.size());
    QCOMPARE(qs(planToText(*back)), qs(planToText(planned.plan)));

    // A run that stops after step 4 (as if killed): unfinished, with states and variables.
    {
        OperationJournal journal(path);
        QVERIFY2(journal.open(), qPrintable(journal.lastError()));
        ExecutorOptions o;
        o.abandonAfterStep = 4;
        OperationExecutor ex(planned.plan, planned.secrets, env.connector(), o);
        ex.setJournal(&journal);
        QCOMPARE(ex.run().state, OperationState::Interrupted);
    }
    OperationJournal journal(path);
    QVERIFY(journal.open());
    const auto unfinished = journal.unfinished();
    QCOMPARE(unfinished.size(), 1);
    const JournaledOperation &op = unfinished.front();
    QCOMPARE(op.id, qs(planned.plan.id));
    QCOMPARE(op.state, QStringLiteral("running"));
    QVERIFY(op.unfinished());
    for (std::size_t i = 0; i <= 4; ++i)
        QCOMPARE(op.resume.steps[i], StepState::Done);
    QCOMPARE(op.resume.steps[5], StepState::Pending);
    QCOMPARE(op.resume.variables.at("demoted_position"), std::string("0-1-10"));
    QVERIFY(!op.commands.isEmpty());
    for (const JournalCommand &c : op.commands)
        QVERIFY2(!c.text.contains(QStringLiteral("replpw")), qPrintable(c.text));

    // Every statement is in the event log too.
    HistoryDatabase history(path);
    QVERIFY(history.open());
    const auto events = history.readEvents(EventFilter());
    int actions = 0;
    for (const StoredEvent &e : events)
        actions += e.sql.isEmpty() ? 0 : 1;
    QCOMPARE(actions, op.commands.size());

    // Dismissed: no longer offered.
    QVERIFY(journal.dismiss(op.id));
    QVERIFY(journal.unfinished().isEmpty());
}

void TestOperationWizard::switchoverWizardRunsThePlan()
{
    QTemporaryDir tmp;
    auto sim = SimCluster::threeNodes(4711);
    sim->privilegedSessions = {"82"};   // one amber check, as in real life
    OperationWizard wizard(OperationKind::Switchover, simEnvironment(sim, tmp.filePath(QStringLiteral("h.sqlite"))));
    wizard.show();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.stage() == OperationWizard::Stage::Planned, 5000);
    QTableWidget *table = wizard.candidateTable();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(wizard.planned()->plan.candidate, std::string("db2"));
    QVERIFY(table->item(rowOf(table, QStringLiteral("db2")), 0)->text().contains(QStringLiteral("recommended")));
    QVERIFY(table->item(rowOf(table, QStringLiteral("db2")), 0)->isSelected());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    shoot(&wizard, QStringLiteral("switchover-1-candidate"));

    // Choosing db3 re-plans for it.
    table->selectRow(rowOf(table, QStringLiteral("db3")));
    QCOMPARE(wizard.planned()->plan.candidate, std::string("db3"));
    table->selectRow(rowOf(table, QStringLiteral("db2")));
    QCOMPARE(wizard.planned()->plan.candidate, std::string("db2"));

    wizard.next();
    QCOMPARE(wizard.currentId(), int(OperationWizard::ChecksPageId));
    QVERIFY(wizard.checksTree()->topLevelItemCount() > 10);
    bool amber = false;
    for (int i = 0; i < wizard.checksTree()->topLevelItemCount(); ++i)
        amber = amber || wizard.checksTree()->topLevelItem(i)->text(2).contains(QStringLiteral("#82"));
    QVERIFY(amber);
    shoot(&wizard, QStringLiteral("switchover-2-checks"));

    wizard.next();
    QCOMPARE(wizard.currentId(), int(OperationWizard::PlanPageId));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());   // not confirmed yet
    QTreeWidget *plan = wizard.planTree();
    QCOMPARE(plan->topLevelItemCount(), int(wizard.planned()->plan.steps.size()));
    QString all;
    for (int i = 0; i < plan->topLevelItemCount(); ++i)
        for (int j = 0; j < plan->topLevelItem(i)->childCount(); ++j)
            all += plan->topLevelItem(i)->child(j)->text(0) + QLatin1Char('\n');
    QVERIFY(all.contains(QStringLiteral("SET GLOBAL read_only = ON")));
    QVERIFY(all.contains(QStringLiteral("MASTER_PASSWORD='<secret>'")));
    QVERIFY(!all.contains(QStringLiteral("replpw")));
    shoot(&wizard, QStringLiteral("switchover-3-plan"));
    wizard.confirmBox()->setChecked(true);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

    wizard.next();
    QCOMPARE(wizard.currentId(), int(OperationWizard::RunPageId));
    QVERIFY(wizard.executeButton()->isEnabled());
    QSignalSpy finished(&wizard, &OperationWizard::operationFinished);
    sim->waitDelay = std::chrono::milliseconds(30);   // slow enough to see it running
    wizard.executeButton()->click();
    QCOMPARE(wizard.stage(), OperationWizard::Stage::Running);
    QVERIFY(!wizard.button(QWizard::BackButton)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 10000);
    QVERIFY(wizard.result()->ok());
    QVERIFY(wizard.resultLabel()->text().contains(QStringLiteral("db2 is the primary")));
    QVERIFY(wizard.logView()->toPlainText().contains(QStringLiteral("db1: SET GLOBAL read_only = ON")));
    QVERIFY(!sim->byName("n2")->readOnly);
    QCOMPARE(sim->byName("n1")->sourcePort, quint16(3307));
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
    shoot(&wizard, QStringLiteral("switchover-4-done"));
}

void TestOperationWizard::redCheckBlocksTheWizard()
{
    auto sim = SimCluster::threeNodes(10);
    sim->byName("n2")->privileges = {"SUPER", "REPLICATION SLAVE ADMIN", "SLAVE MONITOR"};   // no READ_ONLY ADMIN
    sim->byName("n3")->privileges = sim->byName("n2")->privileges;
    OperationWizard wizard(OperationKind::Switchover, simEnvironment(sim, {}));
    wizard.show();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.stage() == OperationWizard::Stage::Planned, 5000);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(OperationWizard::ChecksPageId));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    bool named = false;
    for (int i = 0; i < wizard.checksTree()->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = wizard.checksTree()->topLevelItem(i);
        if (item->text(2).contains(QStringLiteral("READ_ONLY ADMIN")) && item->childCount() == 1
            && item->child(0)->text(2).startsWith(QStringLiteral("GRANT READ_ONLY ADMIN")))
            named = true;
    }
    QVERIFY(named);
    shoot(&wizard, QStringLiteral("switchover-blocked-checks"));
    QVERIFY(!wizard.execute());
}

void TestOperationWizard::failoverWizardPromotesTheMostAdvanced()
{
    QTemporaryDir tmp;
    auto sim = SimCluster::threeNodes(1200);
    sim->byName("n3")->seq = 1203;
    sim->byName("n1")->up = false;
    for (auto name : {"n2", "n3"})
        sim->byName(name)->io = false;
    auto env = simEnvironment(sim, tmp.filePath(QStringLiteral("h.sqlite")));
    NodeStatus last;   // what the console's monitor saw before db1 died
    last.name = "db1";
    last.flavor = Flavor::MariaDB;
    last.role = NodeRole::Primary;
    last.readOnly = false;
    last.gtidExecuted = "0-1-1203";
    env.lastKnownPrimary = last;
    OperationWizard wizard(OperationKind::Failover, env);
    wizard.show();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.stage() == OperationWizard::Stage::Planned, 5000);
    QVERIFY(wizard.facts()->failure && wizard.facts()->failure->confirmed);
    QCOMPARE(wizard.planned()->plan.oldPrimary, std::string("db1"));
    QCOMPARE(wizard.planned()->plan.candidate, std::string("db3"));
    QVERIFY(wizard.safeModeBox()->isChecked());
    shoot(&wizard, QStringLiteral("failover-1-candidate"));
    wizard.next();
    shoot(&wizard, QStringLiteral("failover-2-checks"));
    wizard.next();
    shoot(&wizard, QStringLiteral("failover-3-plan"));
    wizard.confirmBox()->setChecked(true);
    wizard.next();
    QSignalSpy finished(&wizard, &OperationWizard::operationFinished);
    QVERIFY(wizard.execute());
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 10000);
    QVERIFY(wizard.result()->ok());
    QVERIFY(!sim->byName("n3")->readOnly);
    QCOMPARE(sim->byName("n2")->sourcePort, quint16(3308));
    shoot(&wizard, QStringLiteral("failover-4-done"));
}

void TestOperationWizard::resumeDialogRollsBackAnAbandonedOperation()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("h.sqlite"));
    auto sim = SimCluster::threeNodes(10);
    const auto env = simEnvironment(sim, path);
    auto planned = planSwitchover(gatherFacts(env.nodes, env.factsOptions(), env.factory), env.operationOptions());
    {
        OperationJournal journal(path);
        QVERIFY(journal.open());
        ExecutorOptions o;
        o.abandonAfterStep = *planned.plan.findStep("demote.position");
        OperationExecutor ex(planned.plan, planned.secrets, env.connector(), o);
        ex.setJournal(&journal);
        QCOMPARE(ex.run().state, OperationState::Interrupted);
    }
    QVERIFY(sim->byName("n1")->readOnly);   // frozen, nobody writable: what a crash leaves
    const auto ops = unfinishedOperations(path);
    QCOMPARE(ops.size(), 1);

    ResumeOperationDialog dialog(ops.front(), env);
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.assessment().has_value(), 5000);
    QCOMPARE(dialog.assessment()->advice, ResumeAssessment::Advice::Rollback);
    QVERIFY(dialog.rollbackButton()->isEnabled());
    QVERIFY(dialog.resumeButton()->isEnabled());
    QVERIFY(dialog.assessmentLabel()->text().contains(QStringLiteral("roll back")));
    shoot(&dialog, QStringLiteral("resume-1-offered"));
    QSignalSpy finished(&dialog, &ResumeOperationDialog::operationFinished);
    dialog.rollbackButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 10000);
    QCOMPARE(dialog.result()->state, OperationState::RolledBack);
    QVERIFY(!sim->byName("n1")->readOnly);
    QVERIFY(!dialog.rollbackButton()->isEnabled());
    shoot(&dialog, QStringLiteral("resume-2-rolled-back"));
    QVERIFY(unfinishedOperations(path).isEmpty());
}

void TestOperationWizard::environmentFromAProfileAndASnapshot()
{
    Profile profile;
    profile.name = QStringLiteral("orders-prod");
    profile.engine = Engine::MySQL;
    profile.adminUser = QStringLiteral("dba");
    profile.monitorUser = QStringLiteral("monitor");
    profile.seeds = {ProfileNode{QStringLiteral("10.0.0.1"), 3306, QStringLiteral("db1"), {}, {}},
                     ProfileNode{QStringLiteral("10.0.0.9"), 3306, QString(), {}, {}}};
    ClusterSnapshot snapshot;
    for (int i = 0; i < 3; ++i) {
        NodeStatus n;
        n.name = "db" + std::to_string(i + 1);
        n.host = "10.0.0." + std::to_string(i + 1);
        n.port = 3306;
        n.role = i == 0 ? NodeRole::Primary : NodeRole::Replica;
        n.readOnly = i != 0;
        n.gtidExecuted = "0-1-77";
        if (i > 0) {
            ReplicationChannel ch;
            ch.replicationUser = "repl";
            n.channels.push_back(ch);
        }
        snapshot.nodes.push_back(n);
    }
    const auto env = environmentFor(profile, snapshot, QStringLiteral("secret"), {"repl", "rpw"});
    // The snapshot's three nodes, and the seed it does not know (10.0.0.9) - once each.
    QCOMPARE(env.nodes.size(), std::size_t(4));
    QCOMPARE(env.nodes[0].name, std::string("db1"));
    QCOMPARE(env.nodes[0].admin.user, std::string("dba"));
    QCOMPARE(env.nodes[0].admin.password, std::string("secret"));
    QCOMPARE(env.nodes[3].admin.host, std::string("10.0.0.9"));
    QVERIFY(env.lastKnownPrimary);
    QCOMPARE(env.lastKnownPrimary->name, std::string("db1"));
    QVERIFY(!env.localControl);
    QVERIFY(env.journalPath.endsWith(QStringLiteral("switchyard/history/orders-prod.sqlite")));
    QCOMPARE(replicationUserOf(snapshot), QStringLiteral("repl"));
    QVERIFY(env.locallyControlled().empty());
}

QTEST_MAIN(TestOperationWizard)
#include "test_operation_wizard.moc"
