// Switchover benchmark (issue 7, item 8): a MariaDB sandbox under a write load, N planned
// switchovers in a row (rotating the primary through the nodes), and for each the write
// blackout - the longest gap between acknowledged writes around it - then the median and the
// count of lost and duplicated acknowledged writes on every node.
//
//   switchover_bench [--switchovers N] [--replicas R] [--base-port P] [--root DIR] [--no-journal]
//
// By default every switchover is journaled in a history database (as the console and the CLI
// do), so the blackout includes the journal's writes; --no-journal measures without them.
// Exit status 0 when every switchover succeeded, nothing was lost or duplicated and the
// median blackout is at most 1 s (the targets); 1 otherwise. Run by
// tests/bench/switchover_bench.sh.
#include "write_load.h"

#include "switchyard/core/operation_executor.h"
#include "switchyard/core/operation_facts.h"
#include "switchyard/core/operation_planner.h"
#include "switchyard/core/sandbox.h"
#include "switchyard/ui/operation_journal.h"

#include <QCoreApplication>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

using namespace switchyard;
using namespace switchyard::core;
using namespace std::chrono_literals;

namespace {

volatile sig_atomic_t g_interrupted = 0;
void onSignal(int) { g_interrupted = 1; }

struct Args
{
    int switchovers = 20;
    int replicas = 2;
    std::uint16_t basePort = 24700;
    std::string root;
    bool journal = true;
};

Args parse(int argc, char **argv)
{
    Args a;
    for (int i = 1; i < argc; ++i) {
        const std::string k = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "switchover_bench: %s needs a value\n", k.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (k == "--switchovers")
            a.switchovers = std::atoi(next().c_str());
        else if (k == "--replicas")
            a.replicas = std::atoi(next().c_str());
        else if (k == "--base-port")
            a.basePort = static_cast<std::uint16_t>(std::atoi(next().c_str()));
        else if (k == "--root")
            a.root = next();
        else if (k == "--no-journal")
            a.journal = false;
        else {
            std::fprintf(stderr, "usage: switchover_bench [--switchovers N] [--replicas R] [--base-port P] [--root DIR] "
                                 "[--no-journal]\n");
            std::exit(2);
        }
    }
    if (a.root.empty())
        a.root = (std::filesystem::temp_directory_path() / ("switchyard-bench-" + std::to_string(::getpid()))).string();
    return a;
}

double ms(std::chrono::microseconds us) { return static_cast<double>(us.count()) / 1000.0; }

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication qtApp(argc, argv);   // Qt Sql (the journal) wants one
    const Args args = parse(argc, argv);
    ::signal(SIGINT, onSignal);
    ::signal(SIGTERM, onSignal);

    SandboxManager manager(args.root);
    SandboxSpec spec;
    spec.name = "bench";
    spec.engine = Engine::MySQL;
    spec.replicas = args.replicas;
    spec.basePort = args.basePort;
    std::printf("sandbox: MariaDB, 1 primary + %d replicas on 127.0.0.1:%u.., in %s\n", args.replicas, args.basePort,
                args.root.c_str());
    auto up = manager.up(spec);
    if (!up) {
        std::fprintf(stderr, "switchover_bench: sandbox up failed: %s\n", up.error().describe().c_str());
        return 1;
    }
    const SandboxInfo info = up->info;
    auto cleanup = [&] {
        (void)manager.destroy(spec.name);
        std::error_code ec;
        std::filesystem::remove_all(args.root, ec);
    };

    auto adminOf = [&](const SandboxNode &n) {
        auto o = SandboxManager::connectionOptions(info, n, info.credentials.admin);
        o.nodeName = n.name;
        o.connectTimeout = 2s;
        o.readTimeout = 60s;
        return o;
    };
    std::vector<FactsNode> nodes;
    std::vector<ConnectionOptions> app;
    for (const SandboxNode &n : info.nodes) {
        nodes.push_back({n.name, adminOf(n)});
        auto o = SandboxManager::connectionOptions(info, n, info.credentials.application);
        o.database = info.credentials.appDatabase;
        app.push_back(o);
    }
    NodeConnector connector = [&](const PlanNode &p) -> std::unique_ptr<Connection> {
        for (const SandboxNode &n : info.nodes) {
            if (n.name == p.name)
                return createConnection(adminOf(n));
        }
        return nullptr;
    };

    testing::WriteLoad load(app, info.credentials.appDatabase + ".bench");
    if (auto st = load.createTable(); !st) {
        std::fprintf(stderr, "switchover_bench: %s\n", st.error().describe().c_str());
        cleanup();
        return 1;
    }
    load.start();
    load.waitForAcks(500, 10s);

    std::unique_ptr<ui::OperationJournal> journal;
    if (args.journal) {
        journal = std::make_unique<ui::OperationJournal>(QString::fromStdString(args.root + "/history.sqlite"));
        QString error;
        if (!journal->open(&error)) {
            std::fprintf(stderr, "switchover_bench: journal: %s\n", error.toLocal8Bit().constData());
            cleanup();
            return 1;
        }
    }
    std::printf("journal: %s\n", args.journal ? "on (every statement written to a history database, as the console does)"
                                              : "off");

    std::vector<double> blackouts;
    int failedOps = 0;
    std::size_t current = 0;
    for (int i = 0; i < args.switchovers && !g_interrupted; ++i) {
        const std::size_t target = (current + 1) % info.nodes.size();
        OperationOptions o;
        o.candidate = info.nodes[target].name;
        o.replication = {info.credentials.replication.user, info.credentials.replication.password};
        o.catchUpTimeout = 10s;
        FactsOptions fo;
        const auto facts = gatherFacts(nodes, fo);   // preflight: before the freeze, outside the blackout
        auto planned = planSwitchover(facts, o);
        if (planned.plan.blocked()) {
            std::printf("#%-2d %s -> %s: REFUSED by preflight\n", i + 1, planned.plan.oldPrimary.c_str(), o.candidate.c_str());
            for (const auto &c : planned.plan.checks) {
                if (c.level == CheckLevel::Red)
                    std::printf("      %s (%s): %s\n", c.id.c_str(), c.node.c_str(), c.detail.c_str());
            }
            ++failedOps;
            break;
        }
        OperationExecutor ex(planned.plan, planned.secrets, connector);
        ex.setJournal(journal.get());
        // Step durations, to say where a slow switchover spent its time.
        std::vector<std::pair<std::string, double>> stepTimes;
        auto stepStart = testing::WriteLoad::Clock::now();
        ex.setProgress([&](const ProgressEvent &e) {
            const auto now = testing::WriteLoad::Clock::now();
            if (e.type == ProgressEvent::Type::StepStarted)
                stepStart = now;
            else if (e.type == ProgressEvent::Type::StepFinished)
                stepTimes.emplace_back(planned.plan.steps[e.step].id,
                                       ms(std::chrono::duration_cast<std::chrono::microseconds>(now - stepStart)));
        });
        const auto from = testing::WriteLoad::Clock::now();
        const auto result = ex.run();
        // Writes must resume: wait for some acknowledgements, then measure the window.
        const bool resumed = load.waitForAcks(200, 10s);
        const auto blackout = load.blackout(from, testing::WriteLoad::Clock::now());
        blackouts.push_back(ms(blackout));
        std::printf("#%-2d %s -> %s: %-24s blackout %8.1f ms   (freeze to promote %6.1f ms)%s\n", i + 1,
                    planned.plan.oldPrimary.c_str(), o.candidate.c_str(), std::string(operationStateName(result.state)).c_str(),
                    ms(blackout), result.freezeWindow ? ms(*result.freezeWindow) : -1.0,
                    resumed ? "" : "  WRITES DID NOT RESUME");
        if (blackout > 200ms) {
            std::printf("      slow steps:");
            for (const auto &[id, t] : stepTimes) {
                if (t >= 5.0)
                    std::printf(" %s %.1f ms;", id.c_str(), t);
            }
            std::printf("\n");
        }
        std::fflush(stdout);
        if (!result.ok() || !resumed) {
            if (result.error)
                std::printf("      %s\n", result.error->describe().c_str());
            ++failedOps;
            break;
        }
        current = target;
    }
    load.stop();

    // Every node at the final primary's position, then count.
    const std::string primary = info.nodes[current].name;
    std::string position;
    {
        auto c = createConnection(adminOf(info.nodes[current]));
        if (c->connect())
            if (auto r = c->query("SELECT @@GLOBAL.gtid_binlog_pos"); r && !r->rows.empty())
                position = r->rows[0][0].value_or("");
    }
    std::size_t lost = 0, duplicated = 0;
    for (const SandboxNode &n : info.nodes) {
        if (n.name != primary) {
            auto c = createConnection(adminOf(n));
            if (c->connect())
                (void)c->query("SELECT MASTER_GTID_WAIT('" + position + "', 60)");
        }
        const auto v = load.verify(adminOf(n));
        if (!v.error.empty())
            std::printf("verify on %s: %s\n", n.name.c_str(), v.error.c_str());
        std::printf("%s: %zu rows, %zu acknowledged writes, %zu lost, %zu duplicated\n", n.name.c_str(), v.rows,
                    v.acknowledged, v.lost.size(), v.duplicated.size());
        lost = std::max(lost, v.lost.size());
        duplicated = std::max(duplicated, v.duplicated.size());
        if (!v.error.empty())
            ++failedOps;
    }

    std::vector<double> sorted = blackouts;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted.empty() ? 0.0
                          : sorted.size() % 2 ? sorted[sorted.size() / 2]
                                              : (sorted[sorted.size() / 2 - 1] + sorted[sorted.size() / 2]) / 2.0;
    std::printf("\nswitchovers: %zu of %d   blackout median %.1f ms, min %.1f ms, max %.1f ms\n", blackouts.size(),
                args.switchovers, median, sorted.empty() ? 0.0 : sorted.front(), sorted.empty() ? 0.0 : sorted.back());
    std::printf("acknowledged writes: %zu (%lld failed attempts, expected during freezes)   lost: %zu   duplicated: %zu\n",
                load.acknowledged().size(), static_cast<long long>(load.failures()), lost, duplicated);
    const bool targets = failedOps == 0 && static_cast<int>(blackouts.size()) == args.switchovers && median <= 1000.0
                         && lost == 0 && duplicated == 0;
    std::printf("targets (median <= 1000 ms, 0 lost, 0 duplicated, all switchovers done): %s\n", targets ? "MET" : "NOT MET");
    cleanup();
    return targets ? 0 : 1;
}
