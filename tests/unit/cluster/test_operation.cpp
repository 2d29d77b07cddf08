// Guided operations without servers: planning from facts (checks, candidate, steps, exact SQL)
// and the executor's state machine (undo until promote, cancel, timeouts, journal, resume,
// rollback) over a simulated MariaDB cluster (sim_cluster.h).
#include "fake_connection.h"
#include "sim_cluster.h"

#include "switchyard/core/operation.h"
#include "switchyard/core/operation_executor.h"
#include "switchyard/core/operation_facts.h"
#include "switchyard/core/operation_planner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

using namespace switchyard;
using namespace switchyard::core;
using switchyard::testing::SimCluster;
using switchyard::testing::SimConnection;
using namespace std::chrono_literals;

namespace {

std::vector<FactsNode> factsNodes(const SimCluster &sim)
{
    std::vector<FactsNode> out;
    for (const auto &n : sim.nodes) {
        FactsNode f;
        f.name = n.name;
        f.admin.engine = Engine::MySQL;
        f.admin.host = "127.0.0.1";
        f.admin.port = n.port;
        f.admin.user = "admin";
        f.admin.nodeName = n.name;
        out.push_back(f);
    }
    return out;
}

ConnectionFactory factoryFor(std::shared_ptr<SimCluster> sim)
{
    return [sim](const ConnectionOptions &o) -> std::unique_ptr<Connection> { return std::make_unique<SimConnection>(sim, o); };
}

NodeConnector connectorFor(std::shared_ptr<SimCluster> sim)
{
    return [sim](const PlanNode &n) -> std::unique_ptr<Connection> {
        ConnectionOptions o;
        o.host = n.host;
        o.port = n.port;
        o.nodeName = n.name;
        return std::make_unique<SimConnection>(sim, o);
    };
}

ClusterFacts factsOf(std::shared_ptr<SimCluster> sim, FactsOptions options = {})
{
    return gatherFacts(factsNodes(*sim), options, factoryFor(sim));
}

OperationOptions defaults()
{
    OperationOptions o;
    o.replication = {"repl", "replpw"};
    o.catchUpTimeout = 2s;
    return o;
}

const PreflightCheck *findCheck(const OperationPlan &plan, const std::string &id, CheckLevel level)
{
    for (const auto &c : plan.checks) {
        if (c.id == id && c.level == level)
            return &c;
    }
    return nullptr;
}

std::string checksText(const OperationPlan &plan)
{
    std::string out;
    for (const auto &c : plan.checks)
        out += std::string(checkLevelName(c.level)) + " " + c.id + " " + c.node + ": " + c.detail + "\n";
    return out;
}

std::vector<std::string> stepIds(const OperationPlan &plan)
{
    std::vector<std::string> ids;
    for (const auto &s : plan.steps)
        ids.push_back(s.id);
    return ids;
}

class RecordingJournal : public JournalSink
{
public:
    std::vector<std::string> events;
    std::vector<CommandRecord> commands;
    std::map<std::string, std::string> variables;
    std::vector<StepState> states;
    std::optional<OperationState> finished;
    int failAtCall = -1;   // fail the n-th call (0-based)
    int calls = 0;

    Status next()
    {
        return calls++ == failAtCall ? Status(makeError(ErrorCode::Io, "disk full")) : okStatus();
    }
    Status operationStarted(const OperationPlan &plan) override
    {
        states.assign(plan.steps.size(), StepState::Pending);
        events.push_back("started " + plan.id);
        return next();
    }
    Status stepChanged(const std::string &, std::size_t step, StepState state, const std::string &) override
    {
        if (states.size() <= step)
            states.resize(step + 1, StepState::Pending);
        states[step] = state;
        events.push_back("step " + std::to_string(step) + " " + std::string(stepStateName(state)));
        return next();
    }
    Status commandRecorded(const std::string &, const CommandRecord &record) override
    {
        commands.push_back(record);
        return next();
    }
    Status variableCaptured(const std::string &, const std::string &name, const std::string &value) override
    {
        variables[name] = value;
        return next();
    }
    Status operationFinished(const std::string &, const OperationResult &result) override
    {
        finished = result.state;
        return next();
    }
    ResumeState resumeState() const { return {states, variables}; }
};

ExecutorOptions quick()
{
    ExecutorOptions o;
    o.postCheckTimeout = 2s;
    o.postCheckInterval = 20ms;
    return o;
}

} // namespace

// ---- planning -------------------------------------------------------------------------------

TEST(OperationPlan, SwitchoverOnAHealthyClusterIsGreenWithTheExpectedSteps)
{
    auto sim = SimCluster::threeNodes();
    const auto facts = factsOf(sim);
    ASSERT_EQ(findPrimary(facts), "n1");
    auto planned = planSwitchover(facts, defaults());
    const OperationPlan &plan = planned.plan;
    EXPECT_FALSE(plan.blocked()) << checksText(plan);
    EXPECT_EQ(plan.oldPrimary, "n1");
    EXPECT_EQ(plan.candidate, "n2");   // tie on position and lag: name order
    EXPECT_FALSE(plan.candidateReason.empty());
    EXPECT_EQ(stepIds(plan), (std::vector<std::string>{"verify.state", "prepare.sync", "demote.read_only", "demote.position",
                                                        "catchup.wait", "catchup.frozen", "promote", "repoint.n3",
                                                        "rejoin.n1"}));
    ASSERT_TRUE(plan.promoteIndex());
    EXPECT_EQ(plan.steps[*plan.promoteIndex()].id, "promote");
    // Exact SQL per node.
    const auto &freeze = plan.steps[2];
    EXPECT_EQ(freeze.node, "n1");
    EXPECT_EQ(freeze.commands.at(0).sql, "SET GLOBAL read_only = ON");
    EXPECT_EQ(freeze.undo.at(0).sql, "SET GLOBAL read_only = OFF");
    EXPECT_EQ(plan.steps[4].commands.at(0).sql, "SELECT MASTER_GTID_WAIT('${demoted_position}', 2)");
    EXPECT_EQ(plan.steps[7].commands.at(1).sql,
              "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=3307, MASTER_USE_GTID=slave_pos");
    // The secret never appears in the plan, only where it goes.
    const std::string text = planToText(plan);
    EXPECT_EQ(text.find("replpw"), std::string::npos);
    EXPECT_NE(text.find("MASTER_PASSWORD='<secret>'"), std::string::npos) << text;
    EXPECT_EQ(planned.secrets.at("replication_password"), "replpw");
    // Post-check expectations.
    EXPECT_TRUE(plan.findNode("n1")->expectedReplica);
    EXPECT_TRUE(plan.findNode("n3")->expectedReplica);
    EXPECT_FALSE(plan.findNode("n2")->expectedReplica);
}

TEST(OperationPlan, RecommendsTheMostAdvancedReplica)
{
    auto sim = SimCluster::threeNodes(10);
    sim->byName("n2")->seq = 8;   // n2 behind
    const auto facts = factsOf(sim);
    const auto ranking = rankCandidates(facts, OperationKind::Switchover, "n1");
    ASSERT_EQ(ranking.size(), 2u);
    EXPECT_EQ(ranking[0].node, "n3");
    EXPECT_TRUE(ranking[0].eligible);
    EXPECT_NE(ranking[0].reasons.at(0).find("most advanced"), std::string::npos);
    EXPECT_EQ(planSwitchover(facts, defaults()).plan.candidate, "n3");
}

TEST(OperationPlan, MissingReadOnlyAdminIsRedBeforeAnythingRuns)
{
    // environment.md: an account without READ_ONLY ADMIN half-completes a switchover.
    auto sim = SimCluster::threeNodes();
    sim->byName("n2")->privileges = {"SUPER", "REPLICATION SLAVE ADMIN", "SLAVE MONITOR"};
    const auto facts = factsOf(sim);
    const auto plan = planSwitchover(facts, defaults()).plan;
    ASSERT_TRUE(plan.blocked());
    const PreflightCheck *c = findCheck(plan, "privileges", CheckLevel::Red);
    ASSERT_TRUE(c) << checksText(plan);
    EXPECT_EQ(c->node, "n2");
    EXPECT_NE(c->detail.find("READ_ONLY ADMIN"), std::string::npos);
    EXPECT_NE(c->fix.find("GRANT READ_ONLY ADMIN ON *.* TO 'admin'@'%'"), std::string::npos) << c->fix;

    // The executor refuses a blocked plan without sending a single statement.
    sim->log.clear();
    RecordingJournal journal;
    OperationExecutor ex(plan, {}, connectorFor(sim), quick());
    ex.setJournal(&journal);
    const auto result = ex.run();
    EXPECT_EQ(result.state, OperationState::Refused);
    EXPECT_TRUE(sim->log.empty());
    EXPECT_TRUE(journal.events.empty());
}

TEST(OperationPlan, LaggingOrStoppedOrIndirectCandidatesAreRed)
{
    {
        auto sim = SimCluster::threeNodes();
        sim->byName("n2")->sql = false;
        auto o = defaults();
        o.candidate = "n2";
        const auto plan = planSwitchover(factsOf(sim), o).plan;
        EXPECT_TRUE(findCheck(plan, "replication_threads", CheckLevel::Red)) << checksText(plan);
        EXPECT_TRUE(findCheck(plan, "candidate_lag", CheckLevel::Red)) << checksText(plan);   // lag unknown
    }
    {
        auto sim = SimCluster::threeNodes();
        sim->byName("n3")->sourcePort = 3307;   // n3 below n2
        auto o = defaults();
        o.candidate = "n3";
        const auto plan = planSwitchover(factsOf(sim), o).plan;
        EXPECT_TRUE(findCheck(plan, "candidate_direct_replica", CheckLevel::Red)) << checksText(plan);
    }
}

TEST(OperationPlan, ErrantGtidOnTheCandidateIsRed)
{
    auto sim = SimCluster::threeNodes(10);
    auto *n2 = sim->byName("n2");
    n2->origin = 2;   // n2 wrote 0-2-11 itself
    n2->seq = 11;
    const auto plan = planSwitchover(factsOf(sim), [] {
                          auto o = defaults();
                          o.candidate = "n2";
                          return o;
                      }())
                          .plan;
    const PreflightCheck *c = findCheck(plan, "errant_gtids", CheckLevel::Red);
    ASSERT_TRUE(c) << checksText(plan);
    EXPECT_NE(c->detail.find("0-2-11"), std::string::npos);
}

TEST(OperationPlan, PrivilegedSessionsAreListedAndKilledOnlyWhenAsked)
{
    auto sim = SimCluster::threeNodes();
    sim->privilegedSessions = {"41", "42"};
    const auto facts = factsOf(sim);
    auto plan = planSwitchover(facts, defaults()).plan;
    const PreflightCheck *c = findCheck(plan, "privileged_sessions", CheckLevel::Amber);
    ASSERT_TRUE(c) << checksText(plan);
    EXPECT_NE(c->detail.find("#41"), std::string::npos);
    EXPECT_FALSE(plan.findStep("demote.kill_sessions"));

    auto o = defaults();
    o.killPrivilegedSessions = true;
    plan = planSwitchover(facts, o).plan;
    EXPECT_TRUE(findCheck(plan, "privileged_sessions", CheckLevel::Green));
    ASSERT_TRUE(plan.findStep("demote.kill_sessions"));
    EXPECT_GT(*plan.findStep("demote.kill_sessions"), *plan.findStep("demote.read_only"));

    // Executed: each KILL is its own journaled statement.
    RecordingJournal journal;
    OperationExecutor ex(plan, secretsFor(plan, o.replication), connectorFor(sim), quick());
    ex.setJournal(&journal);
    const auto result = ex.run();
    EXPECT_TRUE(result.ok()) << (result.error ? result.error->describe() : "");
    const auto kills = std::count_if(journal.commands.begin(), journal.commands.end(),
                                     [](const CommandRecord &r) { return r.text.rfind("KILL CONNECTION", 0) == 0; });
    EXPECT_EQ(kills, 2);
}

TEST(OperationPlan, NoReplicationPasswordIsRedUnlessTheOldPrimaryStaysOut)
{
    auto sim = SimCluster::threeNodes();
    auto o = defaults();
    o.replication.password.clear();
    auto plan = planSwitchover(factsOf(sim), o).plan;
    EXPECT_TRUE(findCheck(plan, "replication_credentials", CheckLevel::Red)) << checksText(plan);
    o.rejoinOldPrimary = false;
    plan = planSwitchover(factsOf(sim), o).plan;
    EXPECT_TRUE(findCheck(plan, "replication_credentials", CheckLevel::Amber)) << checksText(plan);
    EXPECT_FALSE(plan.findStep("rejoin.n1"));
    EXPECT_FALSE(plan.blocked()) << checksText(plan);
}

TEST(OperationPlan, NoWritablePrimaryMeansFailoverNotSwitchover)
{
    auto sim = SimCluster::threeNodes();
    sim->byName("n1")->up = false;
    const auto plan = planSwitchover(factsOf(sim), defaults()).plan;
    const PreflightCheck *c = findCheck(plan, "single_primary", CheckLevel::Red);
    ASSERT_TRUE(c) << checksText(plan);
    EXPECT_NE(c->fix.find("failover"), std::string::npos);
}

TEST(OperationPlan, MySqlSwitchoverUsesSuperReadOnlyAndAutoPosition)
{
    // Facts by hand: MySQL 8.0.36 primary and one replica.
    ClusterFacts facts;
    facts.engine = Engine::MySQL;
    facts.flavor = Flavor::MySQL;
    const std::string uuid = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    for (int i = 0; i < 2; ++i) {
        NodeFacts f;
        f.connected = true;
        f.adminUser = "admin@%";
        f.privileges = {"SUPER", "SYSTEM_VARIABLES_ADMIN", "REPLICATION_SLAVE_ADMIN", "REPLICATION CLIENT",
                        "CONNECTION_ADMIN"};
        f.replicationLoginOk = true;
        NodeStatus &s = f.status;
        s.name = i == 0 ? "m1" : "m2";
        s.host = "10.0.0." + std::to_string(i + 1);
        s.port = 3306;
        s.reachability = Reachability::Reachable;
        s.flavor = Flavor::MySQL;
        s.version = "8.0.36";
        s.role = i == 0 ? NodeRole::Primary : NodeRole::Replica;
        s.readOnly = i != 0;
        s.serverId = i + 1;
        s.gtidMode = true;
        s.logBin = true;
        s.logReplicaUpdates = true;
        s.binlogFormat = "ROW";
        s.gtidExecuted = uuid + ":1-100";
        if (i == 1) {
            ReplicationChannel ch;
            ch.sourceHost = "10.0.0.1";
            ch.sourcePort = 3306;
            ch.ioRunning = ch.sqlRunning = true;
            ch.lagSeconds = 0;
            ch.gtidIoPos = uuid + ":1-100";
            s.channels.push_back(ch);
            s.ioThreadRunning = s.sqlThreadRunning = true;
            s.lagSeconds = 0;
        }
        facts.nodes.push_back(f);
    }
    const auto plan = planSwitchover(facts, defaults()).plan;
    EXPECT_FALSE(plan.blocked()) << checksText(plan);
    EXPECT_EQ(plan.candidate, "m2");
    const std::string text = planToText(plan);
    EXPECT_NE(text.find("m1: SET GLOBAL super_read_only = ON"), std::string::npos) << text;
    EXPECT_NE(text.find("WAIT_FOR_EXECUTED_GTID_SET('${demoted_position}'"), std::string::npos) << text;
    EXPECT_NE(text.find("m2: RESET REPLICA ALL"), std::string::npos) << text;
    EXPECT_NE(text.find("CHANGE REPLICATION SOURCE TO SOURCE_HOST='10.0.0.2', SOURCE_PORT=3306, SOURCE_USER='repl', "
                        "SOURCE_PASSWORD='<secret>', SOURCE_AUTO_POSITION=1"),
              std::string::npos)
        << text;
}

// ---- failover planning ------------------------------------------------------------------

TEST(OperationPlan, FailoverConfirmsTheFailureAndPicksTheMostAdvancedReplica)
{
    auto sim = SimCluster::threeNodes(10);
    sim->byName("n3")->seq = 12;   // n3 received more before n1 died
    sim->byName("n1")->up = false;
    for (auto name : {"n2", "n3"})
        sim->byName(name)->io = false;   // lost the connection
    FactsOptions fo;
    fo.observeFailure = true;
    fo.suspectedPrimary = "n1";
    fo.observation = 60ms;
    fo.attempts = 3;
    const auto facts = factsOf(sim, fo);
    ASSERT_TRUE(facts.failure);
    EXPECT_TRUE(facts.failure->confirmed) << facts.failure->findings.size();
    EXPECT_EQ(facts.failure->attempts, 3);

    auto plan = planFailover(facts, defaults()).plan;
    EXPECT_EQ(plan.oldPrimary, "n1");
    EXPECT_EQ(plan.candidate, "n3");
    EXPECT_TRUE(findCheck(plan, "primary_down", CheckLevel::Green)) << checksText(plan);
    EXPECT_TRUE(findCheck(plan, "most_advanced", CheckLevel::Green)) << checksText(plan);
    EXPECT_EQ(stepIds(plan), (std::vector<std::string>{"verify.down", "fence.n1", "prepare.stop_io", "catchup.relay_log",
                                                        "promote", "repoint.n2"}));

    // Choosing the less advanced n2 by hand: amber normally, red in safe mode, and the loss is named.
    auto o = defaults();
    o.candidate = "n2";
    plan = planFailover(facts, o).plan;
    EXPECT_TRUE(findCheck(plan, "most_advanced", CheckLevel::Amber)) << checksText(plan);
    EXPECT_FALSE(plan.blocked());
    ASSERT_FALSE(plan.notes.empty());
    EXPECT_NE(plan.notes.front().find("seq 11..12 (2 transactions)"), std::string::npos) << plan.notes.front();
    o.safe = true;
    EXPECT_TRUE(planFailover(facts, o).plan.blocked());
}

TEST(OperationPlan, SafeFailoverRefusesWhenTheLastKnownPrimaryWasAhead)
{
    auto sim = SimCluster::threeNodes(10);
    sim->byName("n1")->up = false;
    for (auto name : {"n2", "n3"})
        sim->byName(name)->io = false;
    FactsOptions fo;
    fo.observeFailure = true;
    fo.suspectedPrimary = "n1";
    fo.observation = 30ms;
    auto facts = factsOf(sim, fo);
    NodeStatus last;
    last.name = "n1";
    last.flavor = Flavor::MariaDB;
    last.gtidExecuted = "0-1-15";   // the monitor saw it at 15 before it died
    facts.lastKnownPrimary = last;
    auto o = defaults();
    o.safe = true;
    const auto plan = planFailover(facts, o).plan;
    const PreflightCheck *c = findCheck(plan, "data_loss", CheckLevel::Red);
    ASSERT_TRUE(c) << checksText(plan);
    EXPECT_NE(c->detail.find("seq 11..15 (5 transactions)"), std::string::npos) << c->detail;
}

TEST(OperationPlan, ReplicasStillReceivingMeanThePrimaryIsAlive)
{
    auto sim = SimCluster::threeNodes(10);
    sim->byName("n1")->up = false;   // unreachable from the console only
    FactsOptions fo;
    fo.observeFailure = true;
    fo.suspectedPrimary = "n1";
    fo.observation = 80ms;
    fo.attempts = 2;
    std::thread writer([&] {
        std::this_thread::sleep_for(20ms);
        std::lock_guard lock(sim->mutex);
        for (auto name : {"n2", "n3"})
            ++sim->byName(name)->seq;   // replicas still receive
    });
    const auto facts = factsOf(sim, fo);
    writer.join();
    ASSERT_TRUE(facts.failure);
    EXPECT_FALSE(facts.failure->confirmed);
    EXPECT_EQ(facts.failure->replicasAdvancing.size(), 2u);
    const auto plan = planFailover(facts, defaults()).plan;
    EXPECT_TRUE(findCheck(plan, "primary_down", CheckLevel::Red)) << checksText(plan);
}

// ---- execution ----------------------------------------------------------------------------

TEST(OperationExecutor, SwitchoverRunsJournalsAndPostChecks)
{
    auto sim = SimCluster::threeNodes(10);
    auto planned = planSwitchover(factsOf(sim), defaults());
    sim->write("n1");   // writes go on between planning and running: pre-sync handles them
    sim->log.clear();
    RecordingJournal journal;
    std::vector<ProgressEvent> events;
    OperationExecutor ex(planned.plan, planned.secrets, connectorFor(sim), quick());
    ex.setJournal(&journal);
    ex.setProgress([&](const ProgressEvent &e) { events.push_back(e); });
    const auto result = ex.run();
    ASSERT_EQ(result.state, OperationState::Succeeded) << (result.error ? result.error->describe() : "");
    // The cluster: n2 writable primary; n1 and n3 replicate from it.
    EXPECT_FALSE(sim->byName("n2")->readOnly);
    EXPECT_FALSE(sim->byName("n2")->configured);
    for (auto name : {"n1", "n3"}) {
        EXPECT_TRUE(sim->byName(name)->readOnly) << name;
        EXPECT_EQ(sim->byName(name)->sourcePort, 3307) << name;
        EXPECT_TRUE(sim->byName(name)->io && sim->byName(name)->sql) << name;
    }
    // Captured positions flow into later statements.
    EXPECT_EQ(journal.variables.at("demoted_position"), "0-1-11");
    EXPECT_NE(std::find(sim->log.begin(), sim->log.end(), "n2: SELECT MASTER_GTID_WAIT('0-1-11', 2)"), sim->log.end());
    // The password is sent but never journaled.
    EXPECT_TRUE(std::any_of(sim->log.begin(), sim->log.end(), [](const std::string &s) {
        return s.find("MASTER_PASSWORD='replpw'") != std::string::npos;
    }));
    for (const auto &c : journal.commands)
        EXPECT_EQ(c.text.find("replpw"), std::string::npos) << c.text;
    // Every step journaled done, in order; the operation journaled finished.
    for (std::size_t i = 0; i < journal.states.size(); ++i)
        EXPECT_EQ(journal.states[i], StepState::Done) << i;
    EXPECT_EQ(journal.finished, OperationState::Succeeded);
    ASSERT_FALSE(result.postChecks.empty());
    for (const auto &c : result.postChecks)
        EXPECT_EQ(c.level, CheckLevel::Green) << c.id << " " << c.node << ": " << c.detail;
    EXPECT_TRUE(result.freezeWindow.has_value());
    EXPECT_EQ(events.back().type, ProgressEvent::Type::Finished);
}

TEST(OperationExecutor, FailureBeforePromoteUndoesTheFreeze)
{
    auto sim = SimCluster::threeNodes(10);
    auto planned = planSwitchover(factsOf(sim), defaults());
    RecordingJournal journal;
    OperationExecutor ex(planned.plan, planned.secrets, connectorFor(sim), quick());
    ex.setJournal(&journal);
    // A write sneaks in on the frozen primary (a privileged session): the frozen check fails.
    ex.setProgress([&](const ProgressEvent &e) {
        if (e.type == ProgressEvent::Type::StepFinished && planned.plan.steps[e.step].id == "catchup.wait")
            sim->write("n1");
    });
    const auto result = ex.run();
    EXPECT_EQ(result.state, OperationState::RolledBack);
    ASSERT_TRUE(result.failedStep);
    EXPECT_EQ(planned.plan.steps[*result.failedStep].id, "catchup.frozen");
    EXPECT_NE(result.failureHint.find("wrote on the old primary after read_only"), std::string::npos);
    // Undone: the old primary writable again, the candidate untouched and replicating.
    EXPECT_FALSE(sim->byName("n1")->readOnly);
    EXPECT_TRUE(sim->byName("n2")->readOnly);
    EXPECT_TRUE(sim->byName("n2")->configured && sim->byName("n2")->io);
    EXPECT_EQ(journal.states[*planned.plan.findStep("demote.read_only")], StepState::Undone);
    EXPECT_TRUE(std::any_of(journal.commands.begin(), journal.commands.end(),
                            [](const CommandRecord &r) { return r.undo && r.text == "SET GLOBAL read_only = OFF"; }));
    EXPECT_EQ(journal.finished, OperationState::RolledBack);
}

TEST(OperationExecutor, AFailedPromoteIsUndoneToo)
{
    auto sim = SimCluster::threeNodes(10);
    auto planned = planSwitchover(factsOf(sim), defaults());
    sim->failures["n2: SET GLOBAL read_only = OFF"] = makeError(ErrorCode::QueryFailed, "Access denied; you need "
                                                                                       "READ_ONLY ADMIN");
    OperationExecutor ex(planned.plan, planned.secrets, connectorFor(sim), quick());
    const auto result = ex.run();
    EXPECT_EQ(result.state, OperationState::RolledBack) << (result.error ? result.error->describe() : "");
    // n2 replicates from n1 again (re-created with the replication account), n1 writable.
    EXPECT_TRUE(sim->byName("n2")->configured);
    EXPECT_EQ(sim->byName("n2")->sourcePort, 3306);
    EXPECT_TRUE(sim->byName("n2")->io);
    EXPECT_FALSE(sim->byName("n1")->readOnly);
}

TEST(OperationExecutor, CancelDuringTheCatchUpWaitInterruptsAndUndoes)
{
    auto sim = SimCluster::threeNodes(10);
    auto planned = planSwitchover(factsOf(sim), defaults());
    OperationExecutor ex(planned.plan, planned.secrets, connectorFor(sim), quick());
    ex.setProgress([&](const ProgressEvent &e) {
        if (e.type == ProgressEvent::Type::StepStarted && planned.plan.steps[e.step].id == "catchup.wait")
            sim->blockWait = true;
    });
    std::thread canceller([&] {
        while (!sim->blockWait)
            std::this_thread::sleep_for(1ms);
        std::this_thread::sleep_for(20ms);
        ex.cancel();   // from another thread, while MASTER_GTID_WAIT blocks
    });
    const auto started = std::chrono::steady_clock::now();
    const auto result = ex.run();
    canceller.join();
    sim->blockWait = false;
    EXPECT_LT(std::chrono::steady_clock::now() - started, 1500ms);
    EXPECT_EQ(result.state, OperationState::RolledBack);
    EXPECT_TRUE(result.cancelled);
    ASSERT_TRUE(result.error);
    EXPECT_EQ(result.error->code, ErrorCode::Cancelled);
    EXPECT_FALSE(sim->byName("n1")->readOnly);
}

TEST(OperationExecutor, AStepThatOverrunsItsTimeoutIsCancelledAndUndone)
{
    auto sim = SimCluster::threeNodes(10);
    auto planned = planSwitchover(factsOf(sim), defaults());
    auto &plan = planned.plan;
    plan.steps[*plan.findStep("catchup.wait")].timeout = 100ms;
    OperationExecutor ex(plan, planned.secrets, connectorFor(sim), quick());
    ex.setProgress([&](const ProgressEvent &e) {
        if (e.type == ProgressEvent::Type::StepStarted && plan.steps[e.step].id == "catchup.wait")
            sim->blockWait = true;
        if (e.type == ProgressEvent::Type::UndoStarted)
            sim->blockWait = false;
    });
    const auto result = ex.run();
    EXPECT_EQ(result.state, OperationState::RolledBack);
    ASSERT_TRUE(result.error);
    EXPECT_EQ(result.error->code, ErrorCode::Timeout) << result.error->describe();
    EXPECT_FALSE(result.cancelled);
    EXPECT_FALSE(sim->byName("n1")->readOnly);
}

TEST(OperationExecutor, FailureAfterPromoteKeepsTheNewPrimaryAndResumeFinishes)
{
    auto sim = SimCluster::threeNodes(10);
    auto planned = planSwitchover(factsOf(sim), defaults());
    sim->failures["n3: STOP SLAVE"] = makeError(ErrorCode::ConnectionLost, "lost");
    sim->failures["n3: START SLAVE"] = makeError(ErrorCode::QueryFailed, "boom");
    RecordingJournal journal;
    {
        OperationExecutor ex(planned.plan, planned.secrets, connectorFor(sim), quick());
        ex.setJournal(&journal);
        const auto result = ex.run();
        EXPECT_EQ(result.state, OperationState::FailedAfterPromote);
        EXPECT_FALSE(sim->byName("n2")->readOnly);   // not undone
        EXPECT_TRUE(sim->byName("n1")->readOnly);
    }
    sim->failures.clear();
    auto state = journal.resumeState();
    ClusterFacts now = factsOf(sim);
    const auto a = assessJournal(planned.plan, state, now);
    EXPECT_TRUE(a.promoteDone);
    EXPECT_TRUE(a.canResume);
    EXPECT_FALSE(a.canRollback);
    EXPECT_TRUE(a.consistent);
    EXPECT_EQ(a.advice, ResumeAssessment::Advice::Resume);
    OperationExecutor again(planned.plan, planned.secrets, connectorFor(sim), quick());
    again.setJournal(&journal);
    const auto resumed = again.resume(state);
    EXPECT_EQ(resumed.state, OperationState::Succeeded) << (resumed.error ? resumed.error->describe() : "");
    EXPECT_EQ(sim->byName("n3")->sourcePort, 3307);
    EXPECT_EQ(sim->byName("n1")->sourcePort, 3307);
    // Rolling back after the promote step is refused.
    OperationExecutor rb(planned.plan, planned.secrets, connectorFor(sim), quick());
    EXPECT_EQ(rb.rollback(state).state, OperationState::Refused);
}

TEST(OperationExecutor, AbandonedAfterEachStepCanBeResumedOrRolledBack)
{
    // A crash after step k (journaled done): resume finishes the switchover; rollback (before
    // the promote step) returns the cluster to the old primary.
    auto probe = planSwitchover(factsOf(SimCluster::threeNodes(10)), defaults());
    const std::size_t steps = probe.plan.steps.size();
    const std::size_t promote = *probe.plan.promoteIndex();
    for (std::size_t k = 0; k < steps; ++k) {
        for (bool roll : {false, true}) {
            if (roll && k >= promote)
                continue;
            SCOPED_TRACE("crash after step " + std::to_string(k) + (roll ? ", roll back" : ", resume"));
            auto sim = SimCluster::threeNodes(10);
            auto planned = planSwitchover(factsOf(sim), defaults());
            RecordingJournal journal;
            ExecutorOptions o = quick();
            o.abandonAfterStep = k;
            {
                OperationExecutor ex(planned.plan, planned.secrets, connectorFor(sim), o);
                ex.setJournal(&journal);
                ASSERT_EQ(ex.run().state, OperationState::Interrupted);
            }
            EXPECT_FALSE(journal.finished);
            const auto state = journal.resumeState();
            const auto a = assessJournal(planned.plan, state, factsOf(sim));
            EXPECT_EQ(a.promoteDone, k >= promote);
            EXPECT_TRUE(a.consistent);
            OperationExecutor next(planned.plan, planned.secrets, connectorFor(sim), quick());
            next.setJournal(&journal);
            const auto result = roll ? next.rollback(state) : next.resume(state);
            if (roll) {
                EXPECT_EQ(result.state, OperationState::RolledBack);
                EXPECT_FALSE(sim->byName("n1")->readOnly);
                EXPECT_TRUE(sim->byName("n2")->readOnly);
                EXPECT_EQ(sim->byName("n2")->sourcePort, 3306);
            } else {
                EXPECT_EQ(result.state, OperationState::Succeeded) << (result.error ? result.error->describe() : "");
                EXPECT_FALSE(sim->byName("n2")->readOnly);
                EXPECT_EQ(sim->byName("n1")->sourcePort, 3307);
            }
        }
    }
}

TEST(OperationExecutor, AJournalThatCannotBeWrittenStopsBeforeAnyChange)
{
    auto sim = SimCluster::threeNodes(10);
    auto planned = planSwitchover(factsOf(sim), defaults());
    sim->log.clear();
    RecordingJournal journal;
    journal.failAtCall = 0;
    OperationExecutor ex(planned.plan, planned.secrets, connectorFor(sim), quick());
    ex.setJournal(&journal);
    EXPECT_EQ(ex.run().state, OperationState::Refused);
    EXPECT_TRUE(sim->log.empty());

    // Failing mid-way (before promote): stop and undo.
    RecordingJournal later;
    later.failAtCall = 12;
    OperationExecutor ex2(planned.plan, planned.secrets, connectorFor(sim), quick());
    ex2.setJournal(&later);
    const auto r = ex2.run();
    EXPECT_EQ(r.state, OperationState::RolledBack) << (r.error ? r.error->describe() : "");
    EXPECT_FALSE(sim->byName("n1")->readOnly);
}

TEST(OperationExecutor, FailoverPromotesAndRepoints)
{
    auto sim = SimCluster::threeNodes(10);
    sim->byName("n3")->seq = 12;
    sim->byName("n1")->up = false;
    for (auto name : {"n2", "n3"})
        sim->byName(name)->io = false;
    FactsOptions fo;
    fo.observeFailure = true;
    fo.suspectedPrimary = "n1";
    fo.observation = 20ms;
    auto planned = planFailover(factsOf(sim, fo), defaults());
    ASSERT_FALSE(planned.plan.blocked()) << checksText(planned.plan);
    OperationExecutor ex(planned.plan, planned.secrets, connectorFor(sim), quick());
    const auto result = ex.run();
    EXPECT_EQ(result.state, OperationState::SucceededWithWarnings);   // fencing n1 failed: unreachable
    EXPECT_FALSE(sim->byName("n3")->readOnly);
    EXPECT_EQ(sim->byName("n2")->sourcePort, 3308);
    EXPECT_TRUE(sim->byName("n2")->io);
    for (const auto &c : result.postChecks)
        EXPECT_EQ(c.level, CheckLevel::Green) << c.id << " " << c.node << ": " << c.detail;
    ASSERT_EQ(result.warnings.size(), 1u);
    EXPECT_NE(result.warnings[0].find("Fence n1"), std::string::npos);
}

TEST(OperationExecutor, FailoverAbortsWhenThePrimaryComesBack)
{
    auto sim = SimCluster::threeNodes(10);
    sim->byName("n1")->up = false;
    for (auto name : {"n2", "n3"})
        sim->byName(name)->io = false;
    FactsOptions fo;
    fo.observeFailure = true;
    fo.suspectedPrimary = "n1";
    fo.observation = 20ms;
    auto planned = planFailover(factsOf(sim, fo), defaults());
    sim->byName("n1")->up = true;   // back before we start
    OperationExecutor ex(planned.plan, planned.secrets, connectorFor(sim), quick());
    const auto result = ex.run();
    EXPECT_EQ(result.state, OperationState::RolledBack);
    EXPECT_NE(result.failureHint.find("switchover"), std::string::npos);
    EXPECT_TRUE(sim->byName("n2")->readOnly);
    EXPECT_TRUE(sim->byName("n3")->readOnly);
}

TEST(OperationExecutor, ServerErrorsQuotingTheSecretAreScrubbed)
{
    auto sim = SimCluster::threeNodes(10);
    auto planned = planSwitchover(factsOf(sim), defaults());
    sim->failures["n1: CHANGE MASTER TO"] =
        makeError(ErrorCode::QueryFailed, "You have an error in your SQL syntax near 'replpw', MASTER_USE_GTID'");
    RecordingJournal journal;
    OperationExecutor ex(planned.plan, planned.secrets, connectorFor(sim), quick());
    ex.setJournal(&journal);
    const auto result = ex.run();
    EXPECT_EQ(result.state, OperationState::FailedAfterPromote);
    ASSERT_TRUE(result.error);
    EXPECT_EQ(result.error->message.find("replpw"), std::string::npos) << result.error->message;
    for (const auto &c : journal.commands)
        EXPECT_EQ(c.result.find("replpw"), std::string::npos) << c.result;
}

TEST(OperationExecutor, RenderForDisplayMasksSecretsAndFillsVariables)
{
    EXPECT_EQ(renderForDisplay("MASTER_PASSWORD=${secret:replication_password}, x='${pos}'", {{"pos", "0-1-5"}}),
              "MASTER_PASSWORD='<secret>', x='0-1-5'");
    EXPECT_EQ(renderForDisplay("${unknown}"), "${unknown}");
}

// ---- facts over the scripted FakeConnection -------------------------------------------------

namespace {

using switchyard::testing::FakeConnection;
using switchyard::testing::table;

ServerInfo maria()
{
    ServerInfo i;
    i.flavor = Flavor::MariaDB;
    i.versionString = "10.11.19-MariaDB-log";
    i.major = 10;
    i.minor = 11;
    i.patch = 19;
    i.versionNumber = 101119;
    return i;
}

} // namespace

TEST(OperationFacts, MariaDbPrivilegesSessionsEventsAndTransactions)
{
    ConnectionOptions o;
    o.engine = Engine::MySQL;
    o.port = 3306;
    FakeConnection c(o, maria());
    ASSERT_TRUE(c.connect().ok());
    c.answer("SELECT @@global.read_only, @@version",
             table({"ro", "v", "id", "bp", "bs", "cp", "sp", "d", "lb", "f", "lsu", "ssm", "sss"},
                   {{"0", "10.11.19-MariaDB-log", "1", "0-1-50", "0-1-50", "0-1-50", "", "0", "1", "ROW", "1", "0", "0"}}));
    c.answer("SHOW ALL SLAVES STATUS", table({"Connection_name", "Master_Host"}, {}));
    c.answer("SHOW SLAVE HOSTS", table({"Server_id", "Host", "Port"}, {}));
    c.answer("SELECT 'dump'", table({"a", "b", "c"}, {}));
    c.answer("SELECT CURRENT_USER()", table({"u"}, {{"dba@%"}}));
    c.answer("SELECT PRIVILEGE_TYPE", table({"PRIVILEGE_TYPE"}, {{"SUPER"}, {"REPLICATION SLAVE ADMIN"}, {"SLAVE MONITOR"}}));
    c.answer("SELECT @@global.event_scheduler", table({"e", "s", "d"}, {{"ON", "1", "/var/lib/mysql/"}}));
    c.answer("SELECT CONCAT('`', EVENT_SCHEMA", table({"e"}, {{"`app`.`purge_sessions`"}}));
    c.answer("SELECT p.ID", table({"ID", "USER", "HOST", "COMMAND", "TIME", "INFO"},
                                  {{"77", "etl", "10.0.0.9:51234", "Query", "2", "UPDATE app.t SET x = 1"}}));
    c.answer("SELECT t.trx_mysql_thread_id", table({"id", "u", "h", "s", "t", "q"}, {{"90", "app", "10.0.0.7:4000", "RUNNING", "42", ""}}));

    NodeFacts f;
    f.status.name = "db1";
    readNodeFacts(c, f, FactsOptions());
    ASSERT_TRUE(f.connected);
    EXPECT_EQ(f.adminUser, "dba@%");
    EXPECT_TRUE(f.superuser);
    EXPECT_TRUE(f.eventScheduler);
    EXPECT_TRUE(f.gtidStrictMode);
    EXPECT_EQ(f.enabledEvents, std::vector<std::string>{"`app`.`purge_sessions`"});
    ASSERT_EQ(f.privilegedSessions.size(), 1u);
    EXPECT_EQ(f.privilegedSessions[0].user, "etl");
    ASSERT_EQ(f.longTransactions.size(), 1u);
    EXPECT_EQ(f.longTransactions[0].seconds, 42);
    // On 10.11 the privileged-sessions query asks for READ_ONLY ADMIN only (SUPER no longer
    // bypasses read_only there).
    const auto &sent = c.statements();
    const auto q = std::find_if(sent.begin(), sent.end(), [](const std::string &s) { return s.rfind("SELECT p.ID", 0) == 0; });
    ASSERT_NE(q, sent.end());
    EXPECT_NE(q->find("IN ('READ_ONLY ADMIN')"), std::string::npos) << *q;

    // Planning with these facts: SUPER alone does not give READ_ONLY ADMIN on 10.11.
    ClusterFacts facts;
    facts.engine = Engine::MySQL;
    facts.flavor = Flavor::MariaDB;
    facts.nodes.push_back(f);
    const auto plan = planSwitchover(facts, defaults()).plan;
    EXPECT_TRUE(plan.blocked());
}

TEST(OperationFacts, PostgresConninfoLosesItsPassword)
{
    ConnectionOptions o;
    o.engine = Engine::PostgreSQL;
    o.port = 5432;
    ServerInfo pg;
    pg.flavor = Flavor::PostgreSQL;
    pg.versionNumber = 150020;
    FakeConnection c(o, pg);
    ASSERT_TRUE(c.connect().ok());
    std::vector<std::optional<std::string>> row(23, std::nullopt);
    row[0] = "t";
    row[1] = "15.20";
    row[2] = "7300000000000000001";
    row[3] = "1";
    row[4] = "on";
    row[5] = "off";
    row[6] = "1000";
    row[7] = "1000";
    row[8] = "0";
    row[9] = "streaming";
    row[10] = "10.0.0.1";
    row[11] = "5432";
    row[13] = "f";
    std::vector<std::string> cols;
    for (int i = 0; i < 23; ++i)
        cols.push_back("c" + std::to_string(i));
    c.answer("SELECT pg_is_in_recovery(), current_setting", table(cols, {row}));
    c.answer("SELECT application_name", table({"a"}, {}));
    c.answer("SELECT slot_name", table({"s"}, {}));
    c.answer("SELECT current_user, rolsuper", table({"u", "s"}, {{"postgres", "t"}}));
    c.answer("SELECT has_function_privilege", table({"a", "b", "c"}, {{"t", "t", "t"}}));
    c.answer("SELECT current_setting('data_directory')",
             table({"d", "c", "s", "n"}, {{"/var/lib/postgresql/15/main",
                                           "user=repl password='s3 cret\\'x' host=10.0.0.1 port=5432 application_name=pg2",
                                           "pg2", "pg2"}}));
    c.answer("SELECT pid, usename", table({"p"}, {}));
    NodeFacts f;
    f.status.name = "pg2";
    readNodeFacts(c, f, FactsOptions());
    ASSERT_TRUE(f.connected);
    EXPECT_TRUE(f.superuser);
    EXPECT_EQ(f.dataDirectory, "/var/lib/postgresql/15/main");
    EXPECT_EQ(f.primaryConninfo, "user=repl host=10.0.0.1 port=5432 application_name=pg2");
    EXPECT_EQ(f.clusterName, "pg2");
}
