// switchyard-cli topology: one discovery pass (two samples), printed as text or JSON.
#include "cli_common.h"

#include "switchyard/core/discovery.h"
#include "switchyard/ui/snapshot_json.h"
#include "switchyard/ui/tr.h"

#include <QJsonDocument>

namespace switchyard::cli {

using ui::Tr;

int runTopology(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Discover the replication topology from a profile or one seed node and "
                                            "print its nodes, replication edges and problems."));
    const QCommandLineOption profileOpt(QStringLiteral("profile"), Tr::tr("Saved profile to use."), QStringLiteral("name"));
    const QCommandLineOption engineOpt(QStringLiteral("engine"), Tr::tr("mysql, mariadb or postgres (without --profile)."),
                                       QStringLiteral("engine"));
    const QCommandLineOption hostOpt(QStringLiteral("host"), Tr::tr("Seed host (without --profile)."), QStringLiteral("host"),
                                     QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOpt(QStringLiteral("port"), Tr::tr("Seed port (without --profile)."), QStringLiteral("port"));
    const QCommandLineOption userOpt(QStringLiteral("user"), Tr::tr("Monitor user (without --profile)."), QStringLiteral("user"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), Tr::tr("Print JSON."));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout-ms"), Tr::tr("Connect and read timeout per node (default 3000)."),
                                        QStringLiteral("ms"), QStringLiteral("3000"));
    parser.addOptions({profileOpt, engineOpt, hostOpt, portOpt, userOpt, jsonOpt, timeoutOpt});
    if (int code = parseOrExit(parser, args); code >= 0)
        return code;

    std::vector<core::DiscoverySeed> seeds;
    core::DiscoveryOptions options;
    const auto timeout = std::chrono::milliseconds(parser.value(timeoutOpt).toInt());
    if (timeout.count() <= 0)
        return fail(Tr::tr("--timeout-ms takes a positive number of milliseconds"), ExitUsage);

    if (parser.isSet(profileOpt)) {
        auto profile = loadProfileOrFail(parser.value(profileOpt));
        if (!profile)
            return ExitFailure;
        auto password = passwordFor(*profile, profile->monitorUser);
        if (!password)
            return fail(password.error());
        seeds = profile->discoverySeeds(profile->monitorUser, *password);
        options.topology.lagWarnSeconds = profile->lagWarnSeconds;
        options.topology.lagCriticalSeconds = profile->lagCriticalSeconds;
    } else {
        if (!parser.isSet(engineOpt) || !parser.isSet(portOpt) || !parser.isSet(userOpt))
            return fail(Tr::tr("give --profile NAME, or --engine, --port and --user (and --host)"), ExitUsage);
        const auto engine = core::parseEngine(parser.value(engineOpt).toStdString());
        if (!engine)
            return fail(Tr::tr("--engine takes mysql, mariadb or postgres, not \"%1\"").arg(parser.value(engineOpt)), ExitUsage);
        bool ok = false;
        const uint port = parser.value(portOpt).toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return fail(Tr::tr("--port takes a number from 1 to 65535, not \"%1\"").arg(parser.value(portOpt)), ExitUsage);
        auto password = passwordFromEnvOrPrompt(Tr::tr("Password of %1").arg(parser.value(userOpt)));
        if (!password)
            return fail(password.error());
        core::DiscoverySeed seed;
        seed.options.engine = *engine;
        seed.options.host = parser.value(hostOpt).toStdString();
        seed.options.port = static_cast<std::uint16_t>(port);
        seed.options.user = parser.value(userOpt).toStdString();
        seed.options.password = *password;
        seeds.push_back(std::move(seed));
    }
    for (core::DiscoverySeed &s : seeds) {
        s.options.connectTimeout = timeout;
        s.options.readTimeout = timeout;
        s.options.writeTimeout = timeout;
    }

    const core::ClusterSnapshot snapshot = core::discoverCluster(seeds, options);
    if (parser.isSet(jsonOpt))
        printJson(QJsonDocument(ui::snapshotToJson(snapshot)));
    else
        std::fputs(ui::snapshotToText(snapshot).toLocal8Bit().constData(), stdout);
    // Discovery succeeded when at least one node answered; problems are data, not a failure.
    if (snapshot.countReachable() == 0) {
        const core::NodeStatus &first = snapshot.nodes.front();
        return fail(first.lastError ? *first.lastError : makeError(ErrorCode::ConnectFailed, "no node answered"));
    }
    return ExitOk;
}

} // namespace switchyard::cli
