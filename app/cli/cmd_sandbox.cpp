// switchyard-cli sandbox up|status|list|down|destroy: local sandbox clusters (core's
// SandboxManager) from the command line. `up` also registers a cluster profile named after the
// sandbox, whose credentials stay in the sandbox directory.
#include "cli_common.h"

#include "switchyard/core/sandbox.h"
#include "switchyard/ui/profile_store.h"
#include "switchyard/ui/tr.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace switchyard::cli {

namespace {

using ui::qs;
using ui::Tr;

QString engineKey(core::Engine engine)
{
    return engine == core::Engine::PostgreSQL ? QStringLiteral("postgres") : QStringLiteral("mariadb");
}

QString engineTitle(core::Engine engine)
{
    return engine == core::Engine::PostgreSQL ? QStringLiteral("PostgreSQL") : QStringLiteral("MariaDB");
}

std::optional<core::Engine> parseEngineArg(const QString &text)
{
    const QString t = text.toLower();
    if (t == QLatin1String("mariadb") || t == QLatin1String("mysql"))
        return core::Engine::MySQL;
    if (t == QLatin1String("postgres") || t == QLatin1String("postgresql") || t == QLatin1String("pg"))
        return core::Engine::PostgreSQL;
    return std::nullopt;
}

QString roleKey(core::SandboxRole role)
{
    return role == core::SandboxRole::Primary ? QStringLiteral("primary") : QStringLiteral("replica");
}

QJsonObject accountJson(const core::SandboxAccount &account)
{
    return QJsonObject{{QStringLiteral("user"), qs(account.user)},
                       {QStringLiteral("password"), qs(account.password)}};
}

QJsonObject sandboxJson(const core::SandboxInfo &info, bool withCredentials)
{
    QJsonArray nodes;
    for (const auto &n : info.nodes) {
        nodes.append(QJsonObject{
            {QStringLiteral("name"), qs(n.name)},
            {QStringLiteral("host"), qs(n.host)},
            {QStringLiteral("port"), n.port},
            {QStringLiteral("role"), roleKey(n.role)},
            {QStringLiteral("pid"), n.pid},
            {QStringLiteral("running"), n.running},
            {QStringLiteral("data_dir"), qs(n.dataDir)},
            {QStringLiteral("socket"), qs(n.socketPath)},
            {QStringLiteral("log_file"), qs(n.logFile)},
        });
    }
    QJsonObject object{
        {QStringLiteral("name"), qs(info.name)},
        {QStringLiteral("engine"), engineKey(info.engine)},
        {QStringLiteral("directory"), qs(info.directory)},
        {QStringLiteral("running"), info.running()},
        {QStringLiteral("nodes"), nodes},
    };
    if (withCredentials) {
        const auto &c = info.credentials;
        object.insert(QStringLiteral("credentials"),
                      QJsonObject{{QStringLiteral("monitor"), accountJson(c.monitor)},
                                  {QStringLiteral("admin"), accountJson(c.admin)},
                                  {QStringLiteral("replication"), accountJson(c.replication)},
                                  {QStringLiteral("application"), accountJson(c.application)},
                                  {QStringLiteral("app_database"), qs(c.appDatabase)}});
    }
    return object;
}

QString stateText(const core::SandboxInfo &info)
{
    if (info.running())
        return Tr::tr("running");
    if (info.anyRunning())
        return Tr::tr("partly running");
    return Tr::tr("stopped");
}

void printNodes(const core::SandboxInfo &info)
{
    printLine(QStringLiteral("%1 %2  %3 %4 %5 %6")
                  .arg(Tr::tr("NODE").leftJustified(5), Tr::tr("ADDRESS").leftJustified(16),
                       Tr::tr("ROLE").leftJustified(8), Tr::tr("PID").leftJustified(8),
                       Tr::tr("STATE").leftJustified(8), Tr::tr("DATA DIRECTORY")));
    for (const auto &n : info.nodes) {
        printLine(QStringLiteral("%1 %2  %3 %4 %5 %6")
                      .arg(qs(n.name).leftJustified(5),
                           QString(qs(n.host) + QLatin1Char(':') + QString::number(n.port)).leftJustified(16),
                           roleKey(n.role).leftJustified(8),
                           (n.pid > 0 ? QString::number(n.pid) : QStringLiteral("-")).leftJustified(8),
                           (n.running ? Tr::tr("running") : Tr::tr("stopped")).leftJustified(8),
                           qs(n.dataDir)));
    }
}

void printCredentials(const core::SandboxInfo &info)
{
    const auto &c = info.credentials;
    printLine(Tr::tr("Accounts (from %1/credentials):").arg(qs(info.directory)));
    const struct
    {
        QString role;
        const core::SandboxAccount *account;
    } rows[] = {
        {Tr::tr("monitor (read-only)"), &c.monitor},
        {Tr::tr("admin (topology changes)"), &c.admin},
        {Tr::tr("replication"), &c.replication},
        {Tr::tr("application (database %1)").arg(qs(c.appDatabase)), &c.application},
    };
    for (const auto &row : rows)
        printLine(QStringLiteral("  %1 %2 %3")
                      .arg(row.role.leftJustified(28), qs(row.account->user).leftJustified(10),
                           qs(row.account->password)));
}

// Parses a sub-command's arguments; returns -1 to go on, else the exit code.
int parseSub(QCommandLineParser &parser, const QStringList &args)
{
    const int code = parseOrExit(parser, args);
    if (code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return fail(
            Tr::tr("unexpected argument \"%1\" (see --help)").arg(parser.positionalArguments().first()),
            ExitUsage);
    return -1;
}

const QCommandLineOption &dirOption()
{
    static const QCommandLineOption option(QStringLiteral("dir"),
                                           Tr::tr("Directory that holds the sandboxes (default: %1).")
                                               .arg(qs(core::SandboxManager::defaultRoot())),
                                           QStringLiteral("dir"));
    return option;
}

const QCommandLineOption &jsonOption()
{
    static const QCommandLineOption option(QStringLiteral("json"), Tr::tr("Print JSON."));
    return option;
}

const QCommandLineOption &nameOption(bool required)
{
    static const QCommandLineOption optional(QStringLiteral("name"),
                                             Tr::tr("Name of the sandbox (default: the engine's name)."),
                                             QStringLiteral("name"));
    static const QCommandLineOption mandatory(QStringLiteral("name"), Tr::tr("Name of the sandbox."),
                                              QStringLiteral("name"));
    return required ? mandatory : optional;
}

std::optional<QString> requiredName(const QCommandLineParser &parser)
{
    const QString name = parser.value(nameOption(true));
    if (name.isEmpty())
        return std::nullopt;
    return name;
}

int runUp(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Create and start a local sandbox cluster on 127.0.0.1, start it again when it is stopped, or "
               "report it "
               "when it runs. Registers a cluster profile with the sandbox's name."));
    const QCommandLineOption engineOpt(QStringLiteral("engine"), Tr::tr("mariadb or postgres."),
                                       QStringLiteral("engine"));
    const QCommandLineOption replicasOpt(QStringLiteral("replicas"),
                                         Tr::tr("Number of replicas (default: MariaDB 2, PostgreSQL 1)."),
                                         QStringLiteral("k"));
    const QCommandLineOption portOpt(
        QStringLiteral("base-port"),
        Tr::tr("Port of the primary; replicas use the next ones (default: MariaDB 23306, "
               "PostgreSQL 25432)."),
        QStringLiteral("port"));
    parser.addOptions({engineOpt, nameOption(false), replicasOpt, portOpt, dirOption(), jsonOption()});
    if (const int code = parseSub(parser, args); code >= 0)
        return code;

    core::SandboxManager manager(parser.value(dirOption()).toStdString());
    core::SandboxSpec spec;
    spec.name = parser.value(nameOption(false)).toStdString();
    if (parser.isSet(engineOpt)) {
        const auto engine = parseEngineArg(parser.value(engineOpt));
        if (!engine)
            return fail(Tr::tr("--engine takes mariadb or postgres, not \"%1\"").arg(parser.value(engineOpt)),
                        ExitUsage);
        spec.engine = *engine;
    } else if (!spec.name.empty()) {
        // Starting an existing sandbox again needs no --engine.
        auto existing = manager.status(spec.name);
        if (!existing)
            return fail(Tr::tr("--engine is required to create sandbox \"%1\" (mariadb or postgres)")
                            .arg(qs(spec.name)),
                        ExitUsage);
        spec.engine = existing->engine;
    } else {
        return fail(Tr::tr("--engine is required (mariadb or postgres)"), ExitUsage);
    }
    if (parser.isSet(replicasOpt)) {
        bool ok = false;
        spec.replicas = parser.value(replicasOpt).toInt(&ok);
        if (!ok || spec.replicas < 0)
            return fail(
                Tr::tr("--replicas takes a number of replicas, not \"%1\"").arg(parser.value(replicasOpt)),
                ExitUsage);
    }
    if (parser.isSet(portOpt)) {
        bool ok = false;
        const int port = parser.value(portOpt).toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return fail(Tr::tr("--base-port takes a port number, not \"%1\"").arg(parser.value(portOpt)),
                        ExitUsage);
        spec.basePort = static_cast<std::uint16_t>(port);
    }

    auto result = manager.up(spec);
    if (!result)
        return fail(result.error(),
                    result.error().code == ErrorCode::InvalidArgument ? ExitUsage : ExitFailure);
    const core::SandboxInfo &info = result->info;

    QString profileError;
    if (!ui::registerSandboxProfile(info, ui::ProfileStore(), &profileError))
        return fail(Tr::tr("sandbox \"%1\" is up, but its profile could not be registered: %2")
                        .arg(qs(info.name), profileError));

    if (parser.isSet(jsonOption())) {
        QJsonObject out = sandboxJson(info, true);
        out.insert(QStringLiteral("already_running"), result->alreadyRunning);
        out.insert(QStringLiteral("restarted"), result->restarted);
        out.insert(QStringLiteral("elapsed_ms"), static_cast<qint64>(result->elapsed.count()));
        out.insert(QStringLiteral("profile"), qs(info.name));
        printJson(QJsonDocument(out));
        return ExitOk;
    }
    const QString seconds = QString::number(static_cast<double>(result->elapsed.count()) / 1000.0, 'f', 1);
    if (result->alreadyRunning)
        printLine(Tr::tr("%1 sandbox \"%2\" is already running; nothing changed.")
                      .arg(engineTitle(info.engine), qs(info.name)));
    else if (result->restarted)
        printLine(Tr::tr("%1 sandbox \"%2\" started again in %3 s.")
                      .arg(engineTitle(info.engine), qs(info.name), seconds));
    else
        printLine(Tr::tr("%1 sandbox \"%2\" created and started in %3 s.")
                      .arg(engineTitle(info.engine), qs(info.name), seconds));
    printNodes(info);
    printLine(Tr::tr("Profile \"%1\" is registered: switchyard --profile %1").arg(qs(info.name)));
    const QString dirArg =
        parser.isSet(dirOption()) ? QStringLiteral(" --dir ") + parser.value(dirOption()) : QString();
    printLine(Tr::tr("Credentials: switchyard-cli sandbox status --name %1%2").arg(qs(info.name), dirArg));
    return ExitOk;
}

int runStatus(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Show a sandbox: its nodes (address, role, pid, data directory, running or not) and its accounts."));
    parser.addOptions({nameOption(true), dirOption(), jsonOption()});
    if (const int code = parseSub(parser, args); code >= 0)
        return code;
    const auto name = requiredName(parser);
    if (!name)
        return fail(Tr::tr("--name is required (see switchyard-cli sandbox list)"), ExitUsage);
    const core::SandboxManager manager(parser.value(dirOption()).toStdString());
    auto info = manager.status(name->toStdString());
    if (!info)
        return fail(info.error());
    if (parser.isSet(jsonOption())) {
        printJson(QJsonDocument(sandboxJson(*info, true)));
        return ExitOk;
    }
    printLine(Tr::tr("%1 sandbox \"%2\" in %3: %4")
                  .arg(engineTitle(info->engine), qs(info->name), qs(info->directory), stateText(*info)));
    printNodes(*info);
    printCredentials(*info);
    return ExitOk;
}

int runList(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("List the sandboxes in a directory."));
    parser.addOptions({dirOption(), jsonOption()});
    if (const int code = parseSub(parser, args); code >= 0)
        return code;
    const core::SandboxManager manager(parser.value(dirOption()).toStdString());
    auto sandboxes = manager.list();
    if (!sandboxes)
        return fail(sandboxes.error());
    if (parser.isSet(jsonOption())) {
        QJsonArray array;
        for (const auto &info : *sandboxes)
            array.append(sandboxJson(info, false));
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("directory"), qs(manager.root())},
                                            {QStringLiteral("sandboxes"), array}}));
        return ExitOk;
    }
    if (sandboxes->empty()) {
        printLine(Tr::tr("No sandboxes in %1.").arg(qs(manager.root())));
        return ExitOk;
    }
    printLine(QStringLiteral("%1 %2 %3 %4")
                  .arg(Tr::tr("NAME").leftJustified(20), Tr::tr("ENGINE").leftJustified(9),
                       Tr::tr("NODES").leftJustified(6), Tr::tr("STATE")));
    for (const auto &info : *sandboxes) {
        QStringList ports;
        for (const auto &n : info.nodes)
            ports << QString::number(n.port);
        printLine(QStringLiteral("%1 %2 %3 %4 (ports %5)")
                      .arg(qs(info.name).leftJustified(20), engineKey(info.engine).leftJustified(9),
                           QString::number(info.nodes.size()).leftJustified(6), stateText(info),
                           ports.join(QLatin1Char(','))));
    }
    return ExitOk;
}

int runDownOrDestroy(const QStringList &args, bool destroy)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(destroy ? Tr::tr("Stop a sandbox's servers and remove all its data.")
                                             : Tr::tr("Stop exactly the servers a sandbox started and wait "
                                                      "until they have exited; the data stays."));
    parser.addOptions({nameOption(true), dirOption()});
    if (const int code = parseSub(parser, args); code >= 0)
        return code;
    const auto name = requiredName(parser);
    if (!name)
        return fail(Tr::tr("--name is required (see switchyard-cli sandbox list)"), ExitUsage);
    core::SandboxManager manager(parser.value(dirOption()).toStdString());
    const Status status = destroy ? manager.destroy(name->toStdString()) : manager.down(name->toStdString());
    if (!status)
        return fail(status.error());
    printLine(destroy ? Tr::tr("Sandbox \"%1\" stopped and removed.").arg(*name)
                      : Tr::tr("Sandbox \"%1\" stopped.").arg(*name));
    return ExitOk;
}

void printSandboxUsage(const QString &command)
{
    printLine(Tr::tr("Usage: %1 <up|status|list|down|destroy> [options]").arg(command));
    printLine(QString());
    printLine(
        Tr::tr("Local sandbox clusters on 127.0.0.1: a MariaDB primary with GTID replicas, or a PostgreSQL "
               "primary with streaming standbys."));
    printLine(QString());
    printLine(Tr::tr("  up       create, start again, or report a running sandbox; registers a profile"));
    printLine(Tr::tr("  status   nodes, roles, pids, data directories and accounts of a sandbox"));
    printLine(Tr::tr("  list     the sandboxes in a directory"));
    printLine(Tr::tr("  down     stop a sandbox's servers (the data stays)"));
    printLine(Tr::tr("  destroy  stop a sandbox and remove its data"));
    printLine(QString());
    printLine(Tr::tr("Run '%1 <subcommand> --help' for its options.").arg(command));
}

} // namespace

int runSandbox(const QStringList &args)
{
    const QString command = args.value(0, QStringLiteral("switchyard-cli sandbox"));
    const QString sub = args.value(1);
    if (sub.isEmpty()) {
        return fail(Tr::tr("sandbox needs a subcommand: up, status, list, down or destroy (see --help)"),
                    ExitUsage);
    }
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        printSandboxUsage(command);
        return ExitOk;
    }
    QStringList subArgs = args.mid(1);
    subArgs[0] = command + QLatin1Char(' ') + sub;
    if (sub == QLatin1String("up"))
        return runUp(subArgs);
    if (sub == QLatin1String("status"))
        return runStatus(subArgs);
    if (sub == QLatin1String("list"))
        return runList(subArgs);
    if (sub == QLatin1String("down"))
        return runDownOrDestroy(subArgs, false);
    if (sub == QLatin1String("destroy"))
        return runDownOrDestroy(subArgs, true);
    return fail(Tr::tr("unknown sandbox subcommand \"%1\" (up, status, list, down, destroy)").arg(sub),
                ExitUsage);
}

} // namespace switchyard::cli
