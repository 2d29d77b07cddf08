// Guided switchover and failover against real sandboxes (issue 7, item 7):
//   - MariaDB switchover under a concurrent write load, back and forth: every acknowledged row
//     exists exactly once on the new primary and every replica; the blackout is short;
//   - a failing preflight (an admin account without READ_ONLY ADMIN) leaves the cluster
//     untouched;
//   - an operation abandoned after each step (as if the process died there) is resumed or
//     rolled back from its journal;
//   - failover after SIGKILL of the primary, then the old primary rejoins;
//   - PostgreSQL switchover with pg_rewind of the old primary, and failover after SIGKILL with
//     the old primary rejoining.
#include "sandbox_fixture.h"
#include "write_load.h"

#include "switchyard/core/operation.h"
#include "switchyard/core/operation_executor.h"
#include "switchyard/core/operation_facts.h"
#include "switchyard/core/operation_planner.h"
#include "switchyard/core/sandbox_control.h"

#include <gtest/gtest.h>

#include <signal.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <thread>

using namespace switchyard;
using namespace switchyard::core;
using namespace std::chrono_literals;

namespace {

class Ops
{
public:
    explicit Ops(itest::ScopedSandbox &sb) : m_sb(sb) {}

    const SandboxNode &node(const std::string &name) const
    {
        for (const auto &n : m_sb.info().nodes) {
            if (n.name == name)
                return n;
        }
        throw std::runtime_error("no node " + name);
    }

    ConnectionOptions admin(const SandboxNode &n) const
    {
        auto o = m_sb.options(n, m_sb.info().credentials.admin);
        o.nodeName = n.name;
        o.connectTimeout = 2s;
        o.readTimeout = 60s;
        return o;
    }

    std::vector<FactsNode> nodes(const SandboxAccount *account = nullptr) const
    {
        std::vector<FactsNode> out;
        for (const auto &n : m_sb.info().nodes) {
            FactsNode f;
            f.name = n.name;
            f.admin = admin(n);
            if (account) {
                f.admin.user = account->user;
                f.admin.password = account->password;
            }
            out.push_back(f);
        }
        return out;
    }

    ClusterFacts facts(FactsOptions o = {}, const SandboxAccount *account = nullptr) const
    {
        const auto &repl = m_sb.info().credentials.replication;
        ConnectionOptions login = admin(m_sb.info().nodes.front());
        login.user = repl.user;
        login.password = repl.password;
        o.replicationLogin = login;
        return gatherFacts(nodes(account), o);
    }

    OperationOptions options(const std::string &candidate = {}) const
    {
        OperationOptions o;
        o.candidate = candidate;
        o.replication = {m_sb.info().credentials.replication.user, m_sb.info().credentials.replication.password};
        o.catchUpTimeout = 10s;
        for (const auto &n : m_sb.info().nodes)
            o.locallyControlled.push_back(n.name);
        return o;
    }

    NodeConnector connector(const SandboxAccount *account = nullptr) const
    {
        return [this, account](const PlanNode &p) -> std::unique_ptr<Connection> {
            auto o = admin(node(p.name));
            if (account) {
                o.user = account->user;
                o.password = account->password;
            }
            return createConnection(o);
        };
    }

    std::unique_ptr<SandboxNodeControl> control() const
    {
        auto c = std::make_unique<SandboxNodeControl>(m_sb.manager().root(), m_sb.name());
        EXPECT_TRUE(c->load().ok());
        return c;
    }

    std::vector<ConnectionOptions> appNodes() const
    {
        std::vector<ConnectionOptions> out;
        for (const auto &n : m_sb.info().nodes) {
            auto o = m_sb.options(n, m_sb.info().credentials.application);
            o.database = m_sb.info().credentials.appDatabase;
            out.push_back(o);
        }
        return out;
    }

    std::unique_ptr<Connection> connect(const std::string &name) const
    {
        auto c = createConnection(admin(node(name)));
        EXPECT_TRUE(c->connect().ok()) << name;
        return c;
    }

    std::string value(const std::string &name, const std::string &sql) const
    {
        auto c = connect(name);
        auto r = c->query(sql);
        EXPECT_TRUE(r.ok()) << name << ": " << sql << ": " << (r ? "" : r.error().describe());
        return r && !r->rows.empty() && !r->rows[0].empty() ? r->rows[0][0].value_or("NULL") : std::string();
    }

    // Every node at the primary's position (MariaDB).
    void syncMaria(const std::string &primary) const
    {
        const std::string pos = value(primary, "SELECT @@GLOBAL.gtid_binlog_pos");
        for (const auto &n : m_sb.info().nodes) {
            if (n.name == primary)
                continue;
            EXPECT_EQ(value(n.name, "SELECT MASTER_GTID_WAIT('" + pos + "', 30)"), "0") << n.name;
        }
    }

    // A fingerprint of the topology: read_only, source, threads, position per node.
    std::string mariaState() const
    {
        std::string out;
        for (const auto &n : m_sb.info().nodes) {
            auto c = connect(n.name);
            auto ro = c->query("SELECT @@GLOBAL.read_only, @@GLOBAL.gtid_binlog_pos");
            auto st = c->query("SHOW SLAVE STATUS");
            out += n.name + " ro=" + (ro ? ro->rows[0][0].value_or("?") : "?") + " pos="
                   + (ro ? ro->rows[0][1].value_or("?") : "?");
            if (st && !st->rows.empty())
                out += " from=" + st->value(0, "Master_Port").value_or("?") + " io="
                       + st->value(0, "Slave_IO_Running").value_or("?") + " sql=" + st->value(0, "Slave_SQL_Running").value_or("?");
            out += "\n";
        }
        return out;
    }

    OperationResult run(const PlannedOperation &planned, ExecutorOptions o = {}, JournalSink *journal = nullptr,
                        const SandboxAccount *account = nullptr) const
    {
        auto ctl = control();
        OperationExecutor ex(planned.plan, planned.secrets, connector(account), o);
        ex.setLocalControl(ctl.get());
        ex.setJournal(journal);
        // OPS_VERBOSE=1: every step with its time, for looking into slow runs.
        const auto t0 = std::chrono::steady_clock::now();
        if (std::getenv("OPS_VERBOSE")) {
            ex.setProgress([&](const ProgressEvent &e) {
                const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
                if (e.type == ProgressEvent::Type::StepFinished || e.type == ProgressEvent::Type::PostChecks)
                    std::cout << "  [" << ms << " ms] " << (e.type == ProgressEvent::Type::PostChecks ? std::string("post-checks")
                                                                                                  : planned.plan.steps[e.step].id)
                              << " " << stepStateName(e.stepState) << " " << e.message << std::endl;
            });
        }
        auto r = ex.run();
        (void)m_sb.track();
        return r;
    }

    itest::ScopedSandbox &m_sb;
};

std::string checksText(const OperationPlan &plan)
{
    std::string out;
    for (const auto &c : plan.checks)
        out += std::string(checkLevelName(c.level)) + " " + c.id + " " + c.node + ": " + c.detail + "\n";
    return out;
}

std::string describe(const OperationResult &r)
{
    std::string out = std::string(operationStateName(r.state));
    if (r.error)
        out += ": " + r.error->describe();
    if (!r.failureHint.empty())
        out += " (" + r.failureHint + ")";
    for (const auto &c : r.postChecks) {
        if (c.level != CheckLevel::Green)
            out += "\n  post-check " + c.id + " " + c.node + ": " + c.detail;
    }
    for (const auto &w : r.warnings)
        out += "\n  warning: " + w;
    return out;
}

bool allGreen(const OperationResult &r)
{
    return std::all_of(r.postChecks.begin(), r.postChecks.end(), [](const PreflightCheck &c) { return c.level == CheckLevel::Green; });
}

// In-memory journal (the SQLite one has its own tests in tests/ui and through the CLI).
class MemoryJournal : public JournalSink
{
public:
    std::vector<StepState> states;
    std::map<std::string, std::string> variables;
    Status operationStarted(const OperationPlan &plan) override
    {
        states.assign(plan.steps.size(), StepState::Pending);
        return okStatus();
    }
    Status stepChanged(const std::string &, std::size_t step, StepState state, const std::string &) override
    {
        states.at(step) = state;
        return okStatus();
    }
    Status commandRecorded(const std::string &, const CommandRecord &) override { return okStatus(); }
    Status variableCaptured(const std::string &, const std::string &n, const std::string &v) override
    {
        variables[n] = v;
        return okStatus();
    }
    Status operationFinished(const std::string &, const OperationResult &) override { return okStatus(); }
};

} // namespace

TEST(OperationsLive, MariaDbSwitchoverUnderWriteLoadBackAndForth)
{
    itest::ScopedSandbox sb(Engine::MySQL, {.replicas = 2, .tag = "load", .binaryDirs = {}});
    ASSERT_TRUE(sb.ok()) << sb.error();
    Ops ops(sb);
    switchyard::testing::WriteLoad load(ops.appNodes(), sb.info().credentials.appDatabase + ".seqs");
    ASSERT_TRUE(load.createTable().ok());
    load.start();
    ASSERT_TRUE(load.waitForAcks(200, 10s));

    std::string primary = "n1";
    std::vector<std::chrono::microseconds> blackouts;
    for (const std::string target : {"n2", "n1", "n3", "n1"}) {
        SCOPED_TRACE(primary + " -> " + target);
        auto planned = planSwitchover(ops.facts(), ops.options(target));
        ASSERT_FALSE(planned.plan.blocked()) << checksText(planned.plan);
        ASSERT_EQ(planned.plan.oldPrimary, primary);
        const auto from = switchyard::testing::WriteLoad::Clock::now();
        const auto result = ops.run(planned);
        ASSERT_TRUE(result.ok()) << describe(result);
        EXPECT_TRUE(allGreen(result)) << describe(result);
        ASSERT_TRUE(load.waitForAcks(200, 10s)) << "no writes after the switchover to " << target;
        const auto blackout = load.blackout(from, switchyard::testing::WriteLoad::Clock::now());
        std::cout << "switchover " << primary << " -> " << target << ": blackout "
                  << std::chrono::duration_cast<std::chrono::milliseconds>(blackout).count() << " ms, freeze window "
                  << (result.freezeWindow ? result.freezeWindow->count() / 1000 : -1) << " ms" << std::endl;
        blackouts.push_back(blackout);
        primary = target;
    }
    // The target is on the median (one switchover on a loaded CI machine may wait longer for a
    // lagging candidate; it still must not lose or duplicate anything).
    std::sort(blackouts.begin(), blackouts.end());
    EXPECT_LT(blackouts[blackouts.size() / 2], 1s);
    load.stop();
    ops.syncMaria(primary);
    for (const auto &n : sb.info().nodes) {
        auto v = load.verify(ops.admin(n));
        EXPECT_TRUE(v.ok()) << n.name << ": " << v.error << " lost " << v.lost.size() << " duplicated " << v.duplicated.size();
        EXPECT_GE(v.rows, v.acknowledged) << n.name;
    }
    std::cout << "acknowledged " << load.acknowledged().size() << " writes, " << load.failures() << " failed attempts"
              << std::endl;
}

TEST(OperationsLive, FailingPreflightLeavesTheClusterUntouched)
{
    itest::ScopedSandbox sb(Engine::MySQL, {.replicas = 2, .tag = "preflight", .binaryDirs = {}});
    ASSERT_TRUE(sb.ok()) << sb.error();
    Ops ops(sb);
    // An admin account without READ_ONLY ADMIN (environment.md: such a switchover half-completes).
    const SandboxAccount weak{"weakadmin", "weakpw"};
    {
        auto c = ops.connect("n1");
        ASSERT_TRUE(c->execute("CREATE USER 'weakadmin'@'%' IDENTIFIED BY 'weakpw'").ok());
        ASSERT_TRUE(c->execute("GRANT ALL PRIVILEGES ON *.* TO 'weakadmin'@'%'").ok());
        ASSERT_TRUE(c->execute("REVOKE READ_ONLY ADMIN ON *.* FROM 'weakadmin'@'%'").ok());
    }
    ops.syncMaria("n1");
    const std::string before = ops.mariaState();
    auto planned = planSwitchover(ops.facts({}, &weak), ops.options("n2"));
    ASSERT_TRUE(planned.plan.blocked());
    const auto red = std::find_if(planned.plan.checks.begin(), planned.plan.checks.end(), [](const PreflightCheck &c) {
        return c.id == "privileges" && c.level == CheckLevel::Red;
    });
    ASSERT_NE(red, planned.plan.checks.end()) << checksText(planned.plan);
    EXPECT_NE(red->detail.find("READ_ONLY ADMIN"), std::string::npos);
    const auto result = ops.run(planned, {}, nullptr, &weak);
    EXPECT_EQ(result.state, OperationState::Refused);
    EXPECT_EQ(ops.mariaState(), before);

    // A stopped SQL thread on the candidate: red, nothing changes either.
    ASSERT_TRUE(ops.connect("n2")->execute("STOP SLAVE SQL_THREAD").ok());
    const std::string stopped = ops.mariaState();
    planned = planSwitchover(ops.facts(), ops.options("n2"));
    ASSERT_TRUE(planned.plan.blocked()) << checksText(planned.plan);
    EXPECT_EQ(ops.run(planned).state, OperationState::Refused);
    EXPECT_EQ(ops.mariaState(), stopped);
}

TEST(OperationsLive, AbandonedAfterEachStepResumesOrRollsBack)
{
    itest::ScopedSandbox sb(Engine::MySQL, {.replicas = 2, .tag = "crash", .binaryDirs = {}});
    ASSERT_TRUE(sb.ok()) << sb.error();
    Ops ops(sb);
    std::string primary = "n1";
    const std::size_t steps = planSwitchover(ops.facts(), ops.options("n2")).plan.steps.size();
    for (std::size_t k = 0; k < steps; ++k) {
        for (bool roll : {true, false}) {
            const std::string target = primary == "n1" ? "n2" : "n1";
            auto planned = planSwitchover(ops.facts(), ops.options(target));
            ASSERT_FALSE(planned.plan.blocked()) << checksText(planned.plan);
            const std::size_t promote = *planned.plan.promoteIndex();
            if (roll && k >= promote)
                continue;
            SCOPED_TRACE("abandoned after step " + std::to_string(k) + " (" + planned.plan.steps[k].id + "), "
                         + (roll ? "roll back" : "resume"));
            MemoryJournal journal;
            ExecutorOptions o;
            o.abandonAfterStep = k;
            ASSERT_EQ(ops.run(planned, o, &journal).state, OperationState::Interrupted);
            const ResumeState state{journal.states, journal.variables};
            const auto a = assessJournal(planned.plan, state, ops.facts());
            EXPECT_TRUE(a.consistent);
            for (const auto &f : a.findings)
                EXPECT_FALSE(f.empty());
            auto ctl = ops.control();
            OperationExecutor ex(planned.plan, planned.secrets, ops.connector());
            ex.setLocalControl(ctl.get());
            ex.setJournal(&journal);
            const auto result = roll ? ex.rollback(state) : ex.resume(state);
            if (roll) {
                ASSERT_EQ(result.state, OperationState::RolledBack) << describe(result);
                EXPECT_EQ(ops.value(primary, "SELECT @@GLOBAL.read_only"), "0");
                EXPECT_EQ(ops.value(target, "SELECT @@GLOBAL.read_only"), "1");
            } else {
                ASSERT_TRUE(result.ok()) << describe(result);
                EXPECT_TRUE(allGreen(result)) << describe(result);
                primary = target;
            }
            // Whatever happened, the cluster replicates: a write reaches every node.
            ASSERT_TRUE(ops.connect(primary)->execute("CREATE DATABASE IF NOT EXISTS crashcheck").ok());
            ops.syncMaria(primary);
        }
    }
}

TEST(OperationsLive, MariaDbFailoverAfterKillingThePrimaryThenRejoin)
{
    itest::ScopedSandbox sb(Engine::MySQL, {.replicas = 2, .tag = "failover", .binaryDirs = {}});
    ASSERT_TRUE(sb.ok()) << sb.error();
    Ops ops(sb);
    ASSERT_TRUE(ops.connect("n1")->execute("CREATE TABLE app.t (id INT PRIMARY KEY)").ok());
    ASSERT_TRUE(ops.connect("n1")->execute("INSERT INTO app.t VALUES (1), (2), (3)").ok());
    ops.syncMaria("n1");
    // SIGKILL the primary.
    const int pid = ops.node("n1").pid;
    ASSERT_GT(pid, 0);
    ASSERT_EQ(::kill(pid, SIGKILL), 0);
    std::this_thread::sleep_for(300ms);
    (void)sb.track();

    FactsOptions fo;
    fo.observeFailure = true;
    fo.suspectedPrimary = "n1";
    fo.observation = 1500ms;
    fo.attempts = 3;
    const auto facts = ops.facts(fo);
    ASSERT_TRUE(facts.failure);
    EXPECT_TRUE(facts.failure->confirmed);
    auto options = ops.options();
    options.locallyControlled.clear();   // fence by SQL (it is dead anyway)
    auto planned = planFailover(facts, options);
    ASSERT_FALSE(planned.plan.blocked()) << checksText(planned.plan);
    const std::string next = planned.plan.candidate;
    const std::string other = next == "n2" ? "n3" : "n2";
    const auto result = ops.run(planned);
    ASSERT_TRUE(result.ok()) << describe(result);
    EXPECT_TRUE(allGreen(result)) << describe(result);
    ASSERT_TRUE(ops.connect(next)->execute("INSERT INTO app.t VALUES (4)").ok());
    ops.value(other, "SELECT MASTER_GTID_WAIT('" + ops.value(next, "SELECT @@GLOBAL.gtid_binlog_pos") + "', 30)");
    EXPECT_EQ(ops.value(other, "SELECT COUNT(*) FROM app.t"), "4");

    // The old primary comes back (writable: no replication configured) and rejoins.
    ASSERT_TRUE(sb.up().ok());
    (void)sb.track();
    auto rejoin = planRejoin(ops.facts(), "n1", ops.options());
    ASSERT_FALSE(rejoin.plan.blocked()) << checksText(rejoin.plan);
    const auto rj = ops.run(rejoin);
    ASSERT_TRUE(rj.ok()) << describe(rj);
    EXPECT_TRUE(allGreen(rj)) << describe(rj);
    ops.value("n1", "SELECT MASTER_GTID_WAIT('" + ops.value(next, "SELECT @@GLOBAL.gtid_binlog_pos") + "', 30)");
    EXPECT_EQ(ops.value("n1", "SELECT COUNT(*) FROM app.t"), "4");
    EXPECT_EQ(ops.value("n1", "SELECT @@GLOBAL.read_only"), "1");
}

TEST(OperationsLive, PostgresSwitchoverRewindsTheOldPrimaryAndFailoverRejoinsIt)
{
    itest::ScopedSandbox sb(Engine::PostgreSQL, {.replicas = 2, .tag = "pgops", .binaryDirs = {}});
    ASSERT_TRUE(sb.ok()) << sb.error();
    Ops ops(sb);
    const std::string pg1 = sb.info().nodes[0].name, pg2 = sb.info().nodes[1].name, pg3 = sb.info().nodes[2].name;
    switchyard::testing::WriteLoad load(ops.appNodes(), "public.seqs");
    ASSERT_TRUE(load.createTable().ok());
    load.start();
    ASSERT_TRUE(load.waitForAcks(100, 10s));

    // Switchover pg1 -> pg2: pg1 stopped cleanly, pg2 promoted, pg3 repointed, pg1 rewound and
    // started as a standby of pg2.
    auto planned = planSwitchover(ops.facts(), ops.options(pg2));
    ASSERT_FALSE(planned.plan.blocked()) << checksText(planned.plan);
    const auto from = switchyard::testing::WriteLoad::Clock::now();
    auto result = ops.run(planned);
    ASSERT_TRUE(result.ok()) << describe(result);
    EXPECT_TRUE(allGreen(result)) << describe(result);
    ASSERT_TRUE(load.waitForAcks(100, 10s));
    std::cout << "PostgreSQL switchover blackout "
              << std::chrono::duration_cast<std::chrono::milliseconds>(load.blackout(from, switchyard::testing::WriteLoad::Clock::now())).count()
              << " ms" << std::endl;
    load.stop();
    EXPECT_EQ(ops.value(pg1, "SELECT pg_is_in_recovery()"), "t");
    EXPECT_EQ(ops.value(pg3, "SELECT sender_port FROM pg_stat_wal_receiver"), std::to_string(ops.node(pg2).port));
    // Every acknowledged write on every node once replay caught up.
    const std::string lsn = ops.value(pg2, "SELECT pg_current_wal_lsn()");
    for (const std::string &n : {pg1, pg3}) {
        for (int i = 0; i < 100 && ops.value(n, "SELECT pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn") != "t"; ++i)
            std::this_thread::sleep_for(100ms);
    }
    for (const auto &n : sb.info().nodes) {
        auto o = ops.admin(n);
        o.database = sb.info().credentials.appDatabase;
        auto v = load.verify(o);
        EXPECT_TRUE(v.ok()) << n.name << ": " << v.error << " lost " << v.lost.size() << " duplicated " << v.duplicated.size();
    }

    // Failover: SIGKILL the new primary pg2; promote the most advanced standby; the other follows;
    // pg2 is rewound and rejoins as a standby.
    (void)sb.track();
    const int pid = ops.node(pg2).pid;
    ASSERT_GT(pid, 0);
    ASSERT_EQ(::kill(pid, SIGKILL), 0);
    std::this_thread::sleep_for(500ms);
    (void)sb.track();
    FactsOptions fo;
    fo.observeFailure = true;
    fo.suspectedPrimary = pg2;
    fo.observation = 1500ms;
    const auto facts = ops.facts(fo);
    auto failover = planFailover(facts, ops.options());
    ASSERT_FALSE(failover.plan.blocked()) << checksText(failover.plan);
    EXPECT_EQ(failover.plan.oldPrimary, pg2);
    const std::string next = failover.plan.candidate;
    result = ops.run(failover);
    ASSERT_TRUE(result.ok()) << describe(result);
    EXPECT_TRUE(allGreen(result)) << describe(result);
    EXPECT_EQ(ops.value(next, "SELECT pg_is_in_recovery()"), "f");
    EXPECT_EQ(ops.value(pg2, "SELECT pg_is_in_recovery()"), "t");
    ASSERT_TRUE(ops.connect(next)->execute("CREATE TABLE after_failover (x int)").ok());
}
