// Conventions every switchyard-cli subcommand follows:
//   - `switchyard-cli <command> [<subcommand>] [options]`, and --help on each;
//   - --json for machine-readable output on stdout;
//   - exit status 0 on success; non-zero with exactly one line "switchyard-cli: <reason>" on
//     stderr otherwise (ExitFailure for operational failures, ExitUsage for bad arguments);
//   - credentials from the profile (keychain or sandbox directory), or SWITCHYARD_PASSWORD;
//     prompting only when stdin is a terminal.
#pragma once

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

#include "switchyard/result.h"
#include "switchyard/ui/profile.h"

#include <optional>

namespace switchyard::cli {

enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,
    ExitUsage = 2,
};

// Prints "switchyard-cli: <reason>" on stderr and returns `code`.
int fail(const QString &reason, int code = ExitFailure);
// The same for a core error: its description names what and where.
int fail(const Error &error, int code = ExitFailure);

// Parses args (args[0] is the command path, e.g. "switchyard-cli sandbox up") with --help
// added. Returns -1 when parsing succeeded and the command should go on; otherwise the exit
// code to return (0 after --help, ExitUsage after an error, which it has printed).
int parseOrExit(QCommandLineParser &parser, const QStringList &args);

void printLine(const QString &line);               // stdout, with newline, flushed
void printJson(const QJsonDocument &doc);          // stdout, compact, with newline

// Reads a password: SWITCHYARD_PASSWORD, else a prompt on a terminal, else an error.
Result<std::string> passwordFromEnvOrPrompt(const QString &prompt);

// Loads a saved profile; on failure prints the reason (naming the file) and returns nullopt.
std::optional<ui::Profile> loadProfileOrFail(const QString &name);
// The password of `user` for `profile`: the sandbox directory, SWITCHYARD_PASSWORD, the
// keychain, else a prompt on a terminal; otherwise an error that says what to do.
Result<std::string> passwordFor(const ui::Profile &profile, const QString &user);

// Commands. Each receives its own argv: args[0] is "switchyard-cli <command>".
int runSandbox(const QStringList &args);
int runRoute(const QStringList &args);
int runTopology(const QStringList &args);
int runMonitor(const QStringList &args);   // cmd_monitor.cpp
int runEvents(const QStringList &args);    // cmd_monitor.cpp
int runChecksum(const QStringList &args);  // cmd_checksum.cpp
int runRepair(const QStringList &args);    // cmd_checksum.cpp
int runSwitchover(const QStringList &args);   // cmd_switchover.cpp
int runFailover(const QStringList &args);     // cmd_failover.cpp

} // namespace switchyard::cli
