// switchyard-cli: the scriptable face of Switchyard. Thin: dispatches to one function per
// command (cmd_*.cpp); each follows the conventions in cli_common.h.
#include "cli_common.h"

#include "switchyard/ui/tr.h"

#include <QCoreApplication>

#include <cstdio>

using namespace switchyard;

namespace {

struct Command
{
    const char *name;
    int (*run)(const QStringList &);
    const char *summary;
};

const Command kCommands[] = {
    {"sandbox", &cli::runSandbox, "Deploy, inspect and remove local sandbox clusters (up, status, list, down, destroy)"},
    {"route", &cli::runRoute, "Route SQL statements (JSON Lines on stdin) as the embedded router would"},
    {"topology", &cli::runTopology, "Discover a cluster and print its nodes, replication and problems"},
    {"monitor", &cli::runMonitor, "Poll a cluster for a while, store its history and print lag and throughput"},
    {"events", &cli::runEvents, "Print a profile's stored event log (state changes, thresholds, actions)"},
    {"checksum", &cli::runChecksum, "Checksum tables on the primary and replicas; exit 3 when a replica drifted"},
    {"repair", &cli::runRepair, "Find the differing rows of a table and print or run the repair statements"},
    {"switchover", &cli::runSwitchover, "Planned switchover to a replica: checks, the plan, then (with --yes) the steps"},
    {"failover", &cli::runFailover, "Fail over from a primary that is down: confirm, choose, promote, repoint"},
};

void printUsage(FILE *to)
{
    std::fprintf(to, "Usage: switchyard-cli <command> [options]\n\nCommands:\n");
    for (const Command &c : kCommands)
        std::fprintf(to, "  %-10s %s\n", c.name, c.summary);
    std::fprintf(to, "\nRun 'switchyard-cli <command> --help' for the options of a command.\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("switchyard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWITCHYARD_VERSION));

    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        printUsage(stderr);
        return cli::ExitUsage;
    }
    const QString command = args.at(1);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        printUsage(stdout);
        return cli::ExitOk;
    }
    if (command == QLatin1String("--version")) {
        std::printf("switchyard-cli %s\n", SWITCHYARD_VERSION);
        return cli::ExitOk;
    }
    for (const Command &c : kCommands) {
        if (command == QLatin1String(c.name)) {
            args.removeFirst();
            args[0] = QStringLiteral("switchyard-cli ") + command;
            return c.run(args);
        }
    }
    return cli::fail(ui::Tr::tr("unknown command \"%1\" (see switchyard-cli --help)").arg(command), cli::ExitUsage);
}
