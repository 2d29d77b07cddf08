#include "operation_cli.h"

#include "cli_common.h"

#include "switchyard/core/discovery.h"
#include "switchyard/core/operation_executor.h"
#include "switchyard/core/operation_planner.h"
#include "switchyard/ui/history_database.h"
#include "switchyard/ui/operation_environment.h"
#include "switchyard/ui/operation_journal.h"
#include "switchyard/ui/secret_store.h"
#include "switchyard/ui/tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <thread>

namespace switchyard::cli {

using namespace core;
using ui::Tr;
using ui::qs;

namespace {

volatile std::sig_atomic_t g_interrupt = 0;
void onInterrupt(int) { g_interrupt = 1; }

QString upper(CheckLevel level)
{
    return qs(checkLevelName(level)).toUpper();
}

void printChecks(const std::vector<PreflightCheck> &checks)
{
    for (const PreflightCheck &c : checks) {
        printLine(QStringLiteral("  [%1] %2%3: %4")
                      .arg(upper(c.level), -5)
                      .arg(qs(c.id), c.node.empty() ? QString() : QStringLiteral(" (%1)").arg(qs(c.node)), qs(c.detail)));
        if (!c.fix.empty())
            printLine(QStringLiteral("          fix: %1").arg(qs(c.fix)));
    }
}

const PreflightCheck *firstRed(const std::vector<PreflightCheck> &checks)
{
    for (const PreflightCheck &c : checks) {
        if (c.level == CheckLevel::Red)
            return &c;
    }
    return nullptr;
}

// The replication account: the sandbox's, else --replication-user (default: the replicas'
// Master_User) with SWITCHYARD_REPLICATION_PASSWORD, the keychain, or a prompt on a terminal.
ReplicationCredentials replicationFor(const ui::Profile &profile, const ClusterSnapshot &snapshot, const QString &userOption)
{
    if (auto sandbox = ui::sandboxReplication(profile))
        return *sandbox;
    ReplicationCredentials r;
    const QString user = userOption.isEmpty() ? ui::replicationUserOf(snapshot) : userOption;
    if (user.isEmpty())
        return r;
    r.user = user.toStdString();
    const QByteArray env = qgetenv("SWITCHYARD_REPLICATION_PASSWORD");
    if (!env.isEmpty()) {
        r.password = env.toStdString();
        return r;
    }
    ui::KeychainSecretStore keychain;
    const ui::SecretResult stored = keychain.readBlocking(ui::SecretStore::keyFor(profile.name, user), 10000);
    if (stored.ok()) {
        r.password = stored.secret.toStdString();
        return r;
    }
    if (isatty(STDIN_FILENO)) {
        qputenv("SWITCHYARD_PASSWORD_SAVED", qgetenv("SWITCHYARD_PASSWORD"));
        qunsetenv("SWITCHYARD_PASSWORD");
        auto typed = passwordFromEnvOrPrompt(Tr::tr("Password of the replication account %1 for %2").arg(user, profile.name));
        qputenv("SWITCHYARD_PASSWORD", qgetenv("SWITCHYARD_PASSWORD_SAVED"));
        qunsetenv("SWITCHYARD_PASSWORD_SAVED");
        if (typed)
            r.password = *typed;
    }
    return r;
}

// Prints the run as it goes; the test hook SWITCHYARD_TEST_PAUSE_AFTER_STEP=k stops the
// process after step k is journaled done (the integration tests kill it there with SIGKILL).
ProgressCallback printer(const OperationPlan &plan, bool json)
{
    const int pauseAfter = qEnvironmentVariableIsSet("SWITCHYARD_TEST_PAUSE_AFTER_STEP")
                               ? qEnvironmentVariableIntValue("SWITCHYARD_TEST_PAUSE_AFTER_STEP")
                               : -1;
    return [&plan, json, pauseAfter](const ProgressEvent &e) {
        if (!json) {
            switch (e.type) {
            case ProgressEvent::Type::StepStarted:
                printLine(QStringLiteral("step %1/%2 %3 on %4: %5")
                              .arg(e.step + 1)
                              .arg(plan.steps.size())
                              .arg(qs(plan.steps[e.step].id), qs(plan.steps[e.step].node), qs(plan.steps[e.step].title)));
                break;
            case ProgressEvent::Type::Command:
                if (e.command)
                    printLine(QStringLiteral("    %1%2: %3  -> %4 (%5 ms)")
                                  .arg(e.command->undo ? QStringLiteral("UNDO ") : QString(), qs(e.command->node),
                                       qs(e.command->text),
                                       e.command->ok ? qs(e.command->result) : QStringLiteral("FAILED: ") + qs(e.command->result))
                                  .arg(static_cast<double>(e.command->elapsedUs) / 1000.0, 0, 'f', 1));
                break;
            case ProgressEvent::Type::StepFinished:
                if (e.stepState != StepState::Done)
                    printLine(QStringLiteral("    step %1 %2").arg(e.step + 1).arg(qs(stepStateName(e.stepState))));
                break;
            case ProgressEvent::Type::UndoStarted:
                printLine(QStringLiteral("undoing what ran, newest first"));
                break;
            case ProgressEvent::Type::PostChecks:
            case ProgressEvent::Type::Finished:
                break;
            }
        }
        if (e.type == ProgressEvent::Type::StepFinished && e.stepState == StepState::Done
            && static_cast<int>(e.step) == pauseAfter) {
            std::fprintf(stderr, "switchyard-cli: test pause after step %d\n", pauseAfter);
            std::fflush(stderr);
            std::fflush(stdout);
            for (;;)
                ::pause();
        }
    };
}

int report(const OperationPlan &plan, const OperationResult &result, bool json, bool rollbackWanted = false)
{
    if (json) {
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("plan"), ui::planToJson(plan)},
                                            {QStringLiteral("result"), ui::resultToJson(result)}}));
    } else {
        printLine(QString());
        printLine(QStringLiteral("result: %1").arg(qs(operationStateName(result.state))));
        if (result.freezeWindow)
            printLine(QStringLiteral("writes frozen for %1 ms").arg(static_cast<double>(result.freezeWindow->count()) / 1000.0, 0, 'f', 1));
        if (!result.postChecks.empty()) {
            printLine(QStringLiteral("post-checks:"));
            printChecks(result.postChecks);
        }
        for (const auto &w : result.warnings)
            printLine(QStringLiteral("warning: %1").arg(qs(w)));
    }
    if (rollbackWanted && result.state == OperationState::RolledBack) {
        if (!json)
            printLine(Tr::tr("rolled back: %1 is the primary").arg(qs(plan.oldPrimary)));
        return ExitOk;
    }
    if (result.ok()) {
        const bool green = std::all_of(result.postChecks.begin(), result.postChecks.end(),
                                       [](const PreflightCheck &c) { return c.level == CheckLevel::Green; });
        if (!green) {
            const PreflightCheck *red = firstRed(result.postChecks);
            return fail(Tr::tr("post-check %1 failed on %2: %3")
                            .arg(qs(red ? red->id : std::string("?")), qs(red ? red->node : std::string()),
                                 qs(red ? red->detail : std::string())));
        }
        return ExitOk;
    }
    QString where;
    if (result.failedStep && *result.failedStep < plan.steps.size()) {
        const PlanStep &s = plan.steps[*result.failedStep];
        where = Tr::tr("step %1 %2 on %3 failed").arg(*result.failedStep + 1).arg(qs(s.id), qs(s.node));
    } else {
        where = Tr::tr("%1 %2").arg(qs(operationKindName(plan.kind)), qs(operationStateName(result.state)));
    }
    QString why = result.error ? qs(result.error->describe()) : QString();
    if (!result.failureHint.empty())
        why += QStringLiteral(" (") + qs(result.failureHint) + QStringLiteral(")");
    QString outcome;
    switch (result.state) {
    case OperationState::RolledBack: outcome = Tr::tr("; rolled back, %1 is the primary").arg(qs(plan.oldPrimary)); break;
    case OperationState::RollbackFailed: outcome = Tr::tr("; THE ROLL-BACK FAILED: look at the cluster"); break;
    case OperationState::FailedAfterPromote:
        outcome = Tr::tr("; %1 is the new primary: run again with --resume --yes to finish").arg(qs(plan.candidate));
        break;
    default: break;
    }
    return fail(why.isEmpty() ? QString(where + outcome) : QString(where + QStringLiteral(": ") + why + outcome));
}

} // namespace

int runOperationCommand(OperationKind kind, const QStringList &args)
{
    const bool failover = kind == OperationKind::Failover;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        failover ? Tr::tr("Fail over from a primary that is down: watch it and ask the replicas, choose the most advanced "
                          "replica, fence the old primary if it is reachable at all, promote, repoint the others.")
                 : Tr::tr("Planned switchover: every preflight check, then the plan with the exact SQL per node; with --yes "
                          "the steps run (journaled; undone automatically until the promote step)."));
    const QCommandLineOption profileOpt(QStringLiteral("profile"), Tr::tr("Saved profile."), QStringLiteral("name"));
    const QCommandLineOption toOpt(QStringLiteral("to"), failover ? Tr::tr("Replica to promote (default: the most advanced).")
                                                                  : Tr::tr("Replica to promote (default: the recommended one)."),
                                   QStringLiteral("node"));
    const QCommandLineOption dryRunOpt(QStringLiteral("dry-run"), Tr::tr("Print the checks and the plan only (the default "
                                                                         "without --yes)."));
    const QCommandLineOption yesOpt(QStringLiteral("yes"), Tr::tr("Run the plan."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), Tr::tr("Print JSON (plan and result)."));
    const QCommandLineOption safeOpt(QStringLiteral("safe"), Tr::tr("Refuse when the candidate may lack acknowledged "
                                                                    "transactions."));
    const QCommandLineOption killPrivOpt(QStringLiteral("kill-privileged-sessions"),
                                         Tr::tr("After read_only, kill sessions of users that can still write."));
    const QCommandLineOption killLongOpt(QStringLiteral("kill-long-transactions"),
                                         Tr::tr("Kill long-running transactions instead of waiting for them."));
    const QCommandLineOption noRejoinOpt(QStringLiteral("no-rejoin"), Tr::tr("Leave the old primary out of replication."));
    const QCommandLineOption replUserOpt(QStringLiteral("replication-user"),
                                         Tr::tr("Replication account for the demoted primary (default: the replicas'). "
                                                "Password: SWITCHYARD_REPLICATION_PASSWORD, the keychain, or a prompt."),
                                         QStringLiteral("user"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout-ms"), Tr::tr("Connect timeout per node (default 3000)."),
                                        QStringLiteral("ms"), QStringLiteral("3000"));
    const QCommandLineOption observeOpt(QStringLiteral("observe-ms"),
                                        Tr::tr("How long to watch the primary before failing over (default 3000)."),
                                        QStringLiteral("ms"), QStringLiteral("3000"));
    const QCommandLineOption maxLagOpt(QStringLiteral("max-lag"), Tr::tr("Lag limit for the candidate in seconds (default: "
                                                                         "the profile's warning threshold)."),
                                       QStringLiteral("seconds"));
    const QCommandLineOption resumeOpt(QStringLiteral("resume"), Tr::tr("Resume the profile's unfinished operation."));
    const QCommandLineOption rollbackOpt(QStringLiteral("rollback"), Tr::tr("Roll back the profile's unfinished operation."));
    const QCommandLineOption dismissOpt(QStringLiteral("dismiss"), Tr::tr("Leave the unfinished operation as it is."));
    const QCommandLineOption rejoinOpt(QStringLiteral("rejoin"),
                                       Tr::tr("After a failover: make NODE (the old primary, back again) a replica of the "
                                              "current primary, once it is checked to hold nothing the primary lacks."),
                                       QStringLiteral("node"));
    parser.addOptions({profileOpt, toOpt, dryRunOpt, yesOpt, jsonOpt, noRejoinOpt, replUserOpt, timeoutOpt, maxLagOpt,
                       resumeOpt, rollbackOpt, dismissOpt});
    if (failover)
        parser.addOptions({safeOpt, observeOpt, rejoinOpt});
    else
        parser.addOptions({killPrivOpt, killLongOpt});
    if (int code = parseOrExit(parser, args); code >= 0)
        return code;
    if (!parser.isSet(profileOpt))
        return fail(Tr::tr("--profile NAME is required"), ExitUsage);
    const bool json = parser.isSet(jsonOpt);
    const bool yes = parser.isSet(yesOpt) && !parser.isSet(dryRunOpt);
    const int timeoutMs = parser.value(timeoutOpt).toInt();
    if (timeoutMs <= 0)
        return fail(Tr::tr("--timeout-ms takes a positive number of milliseconds"), ExitUsage);

    auto profile = loadProfileOrFail(parser.value(profileOpt));
    if (!profile)
        return ExitFailure;
    auto adminPassword = passwordFor(*profile, profile->adminUser);
    if (!adminPassword)
        return fail(adminPassword.error());

    // Discovery with the admin account: every node, also those only the crawl finds.
    std::vector<DiscoverySeed> seeds = profile->discoverySeeds(profile->adminUser, *adminPassword);
    for (DiscoverySeed &seed : seeds) {
        seed.options.connectTimeout = std::chrono::milliseconds(timeoutMs);
        seed.options.readTimeout = std::chrono::milliseconds(std::max(timeoutMs, 5000));
    }
    DiscoveryOptions dopts;
    dopts.topology.lagWarnSeconds = profile->lagWarnSeconds;
    dopts.topology.lagCriticalSeconds = profile->lagCriticalSeconds;
    dopts.confirmGap = std::chrono::milliseconds(0);
    const ClusterSnapshot snapshot = discoverCluster(seeds, dopts);

    ui::OperationEnvironment env =
        ui::environmentFor(*profile, snapshot, qs(*adminPassword), replicationFor(*profile, snapshot, parser.value(replUserOpt)));
    for (FactsNode &n : env.nodes)
        n.admin.connectTimeout = std::chrono::milliseconds(timeoutMs);
    env.lastKnownPrimary.reset();   // a fresh run never saw a failed primary alive
    env.observation = std::chrono::milliseconds(failover ? parser.value(observeOpt).toInt() : 0);
    if (parser.isSet(maxLagOpt))
        env.maxLagSeconds = parser.value(maxLagOpt).toDouble();

    // The journal: an unfinished operation comes first.
    ui::OperationJournal journal(env.journalPath);
    QString journalError;
    if (!journal.open(&journalError))
        return fail(Tr::tr("cannot open the operation journal: %1").arg(journalError));
    const QList<ui::JournaledOperation> unfinished = journal.unfinished();
    if (parser.isSet(resumeOpt) || parser.isSet(rollbackOpt) || parser.isSet(dismissOpt)) {
        if (unfinished.isEmpty())
            return fail(Tr::tr("no unfinished operation in the journal of %1").arg(profile->name));
        const ui::JournaledOperation &op = unfinished.front();
        printLine(Tr::tr("unfinished %1 %2: %3 -> %4, started %5")
                      .arg(qs(operationKindName(op.kind)), op.id, qs(op.plan.oldPrimary), qs(op.plan.candidate),
                           QDateTime::fromMSecsSinceEpoch(op.startedAtMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        for (std::size_t i = 0; i < op.plan.steps.size(); ++i)
            printLine(QStringLiteral("  %1. %2 [%3]").arg(i + 1).arg(qs(op.plan.steps[i].id), qs(stepStateName(op.resume.steps[i]))));
        if (parser.isSet(dismissOpt)) {
            journal.dismiss(op.id);
            printLine(Tr::tr("left as it is; no longer offered"));
            return ExitOk;
        }
        const ClusterFacts now = gatherFacts(env.nodes, env.factsOptions(), env.factory);
        const ResumeAssessment a = assessJournal(op.plan, op.resume, now);
        for (const auto &f : a.findings)
            printLine(QStringLiteral("  now: %1").arg(qs(f)));
        const bool rollback = parser.isSet(rollbackOpt);
        if (rollback && !a.canRollback)
            return fail(Tr::tr("cannot roll back: the promote step completed; resume instead (--resume --yes)"));
        if (!rollback && !a.canResume)
            return fail(Tr::tr("cannot resume this operation"));
        if (!a.consistent)
            printLine(Tr::tr("warning: the cluster does not look as the journal says it should"));
        if (!yes) {
            printLine(Tr::tr("(not run: add --yes to %1)").arg(rollback ? QStringLiteral("roll back") : QStringLiteral("resume")));
            return ExitOk;
        }
        if (!journal.adopt(op.id))
            return fail(Tr::tr("cannot take over the operation in the journal: %1").arg(journal.lastError()));
        OperationExecutor ex(op.plan, secretsFor(op.plan, env.replication), env.connector());
        ex.setJournal(&journal);
        ex.setLocalControl(env.localControl.get());
        ex.setProgress(printer(op.plan, json));
        const OperationResult result = rollback ? ex.rollback(op.resume) : ex.resume(op.resume);
        return report(op.plan, result, json, rollback);
    }
    if (!unfinished.isEmpty()) {
        const ui::JournaledOperation &op = unfinished.front();
        return fail(Tr::tr("an unfinished %1 (%2, %3 -> %4) is in the journal: finish it first with --resume --yes, "
                           "--rollback --yes, or --dismiss")
                        .arg(qs(operationKindName(op.kind)), op.id, qs(op.plan.oldPrimary), qs(op.plan.candidate)));
    }

    // Facts, plan, print.
    FactsOptions fo = env.factsOptions();
    ClusterFacts facts = gatherFacts(env.nodes, fo, env.factory);
    OperationOptions o = env.operationOptions();
    o.candidate = parser.value(toOpt).toStdString();
    o.rejoinOldPrimary = !parser.isSet(noRejoinOpt);
    o.killPrivilegedSessions = !failover && parser.isSet(killPrivOpt);
    o.killLongTransactions = !failover && parser.isSet(killLongOpt);
    o.safe = failover && parser.isSet(safeOpt);
    const bool rejoin = failover && parser.isSet(rejoinOpt);
    if (failover && !rejoin) {
        const std::string suspect = planFailover(facts, o).plan.oldPrimary;
        if (!suspect.empty()) {
            if (!json)
                printLine(Tr::tr("watching %1 for %2 ms...").arg(qs(suspect)).arg(env.observation.count()));
            fo.observeFailure = true;
            fo.suspectedPrimary = suspect;
            facts = gatherFacts(env.nodes, fo, env.factory);
        }
    }
    PlannedOperation planned = rejoin     ? planRejoin(facts, parser.value(rejoinOpt).toStdString(), o)
                               : failover ? planFailover(facts, o)
                                          : planSwitchover(facts, o);
    const OperationPlan &plan = planned.plan;
    if (!json) {
        printLine(QStringLiteral("%1 of %2: %3 -> %4")
                      .arg(qs(operationKindName(plan.kind)), profile->name, qs(plan.oldPrimary),
                           plan.candidate.empty() ? Tr::tr("(no candidate)") : qs(plan.candidate)));
        if (!plan.candidateReason.empty())
            printLine(Tr::tr("candidate: %1 (%2)").arg(qs(plan.candidate), qs(plan.candidateReason)));
        printLine(Tr::tr("preflight checks:"));
        printChecks(plan.checks);
        std::fputs(("\n" + planToText(plan).substr(planToText(plan).find("Plan:\n"))).c_str(), stdout);
        std::fflush(stdout);
    }
    if (const PreflightCheck *red = firstRed(plan.checks)) {
        if (json)
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("plan"), ui::planToJson(plan)}}));
        return fail(Tr::tr("preflight check %1 failed%2: %3%4")
                        .arg(qs(red->id), red->node.empty() ? QString() : Tr::tr(" on %1").arg(qs(red->node)), qs(red->detail),
                             red->fix.empty() ? QString() : Tr::tr(" (fix: %1)").arg(qs(red->fix))));
    }
    if (!yes) {
        if (json)
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("plan"), ui::planToJson(plan)}}));
        else
            printLine(Tr::tr("\nNothing was changed. Run again with --yes to execute this plan."));
        return ExitOk;
    }

    // Run.
    OperationExecutor ex(plan, planned.secrets, env.connector());
    ex.setJournal(&journal);
    ex.setLocalControl(env.localControl.get());
    ex.setProgress(printer(plan, json));
    g_interrupt = 0;
    auto previous = std::signal(SIGINT, onInterrupt);
    std::atomic<bool> done{false};
    std::thread watcher([&] {
        while (!done) {
            if (g_interrupt) {
                ex.cancel();
                g_interrupt = 0;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });
    if (!json)
        printLine(QString());
    const OperationResult result = ex.run();
    done = true;
    watcher.join();
    std::signal(SIGINT, previous);
    return report(plan, result, json);
}

} // namespace switchyard::cli
