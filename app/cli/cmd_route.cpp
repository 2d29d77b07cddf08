// switchyard-cli route: the embedded router on JSON Lines.
//
//   stdin:  {"session": "any id", "sql": "..."}          one object per line
//   stdout: {"session": ..., "target": "primary"|"replica"|"all", "node": NAME|null,
//            "kind": ..., "reasons": [...]}               one line per input line, in order
//
// Statements with the same session id share one routing session, in input order. Optional
// input fields: "position" (the replication position the statement's write reached, as an
// application would report it for read-your-writes) and "at_ms" (the statement's time in
// milliseconds, for session windows; default: the wall clock).
#include "cli_common.h"

#include "switchyard/routing/router.h"
#include "switchyard/ui/routing_json.h"
#include "switchyard/ui/tr.h"

#include <QFile>
#include <QJsonObject>
#include <QJsonParseError>

#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace switchyard::cli {

using ui::compactJson;
using ui::decisionLine;
using ui::RouteTopologyFile;
using ui::Tr;
using namespace switchyard::routing;

namespace {

struct InputLine
{
    QJsonValue session;
    std::string sql;
    std::size_t sessionIndex = 0;
    std::optional<ReplicationPosition> position;
    std::optional<std::chrono::milliseconds> at;
    QString error;          // set when the line is not usable
};

bool readLine(std::string &out)
{
    out.clear();
    int c;
    bool any = false;
    while ((c = std::getc(stdin)) != EOF) {
        any = true;
        if (c == '\n')
            return true;
        out.push_back(static_cast<char>(c));
    }
    return any;
}

void printBytes(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stdout);
    std::fputc('\n', stdout);
}

} // namespace

int runRoute(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Route SQL statements as the embedded router would. Reads JSON Lines from stdin, one object per "
               "statement: {\"session\": ID, \"sql\": TEXT}; writes one JSON line per input line with the target, the "
               "node, the statement kind and the reasons."));
    const QCommandLineOption dialectOpt(QStringLiteral("dialect"), Tr::tr("mysql, mariadb or postgres."),
                                        QStringLiteral("dialect"));
    const QCommandLineOption versionOpt(QStringLiteral("server-version"),
                                        Tr::tr("Server version for executable comments, e.g. 8.0.36 or 10.11.6."),
                                        QStringLiteral("version"));
    const QCommandLineOption policyOpt(QStringLiteral("policy"),
                                       Tr::tr("round-robin (default), weighted, least-connections or ewma."),
                                       QStringLiteral("policy"), QStringLiteral("round-robin"));
    const QCommandLineOption consistencyOpt(
        QStringLiteral("consistency"),
        Tr::tr("strong, read-your-writes, session-window:MS, bounded-staleness:SECONDS or eventual (default)."),
        QStringLiteral("level"), QStringLiteral("eventual"));
    const QCommandLineOption topologyOpt(
        QStringLiteral("topology"),
        Tr::tr("Topology JSON file (see docs/routing.md). Default: one primary and two healthy replicas, no lag."),
        QStringLiteral("file"));
    const QCommandLineOption repeatOpt(
        QStringLiteral("repeat"),
        Tr::tr("After the output, route the whole input N more times and print statements per second and ns per "
               "statement on stderr."),
        QStringLiteral("n"));
    parser.addOptions({dialectOpt, versionOpt, policyOpt, consistencyOpt, topologyOpt, repeatOpt});
    if (int code = parseOrExit(parser, args); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return fail(Tr::tr("route takes no arguments; statements come on stdin"), ExitUsage);

    RouterConfig config;
    if (!parser.isSet(dialectOpt))
        return fail(Tr::tr("--dialect is required (mysql, mariadb or postgres)"), ExitUsage);
    const auto dialect = parseDialect(parser.value(dialectOpt).toStdString());
    if (!dialect)
        return fail(Tr::tr("--dialect takes mysql, mariadb or postgres, not \"%1\"").arg(parser.value(dialectOpt)),
                    ExitUsage);
    config.dialect = *dialect;
    if (parser.isSet(versionOpt)) {
        config.serverVersion = ServerVersion::parse(parser.value(versionOpt).toStdString());
        if (!config.serverVersion)
            return fail(Tr::tr("--server-version takes a version like 8.0.36, not \"%1\"").arg(parser.value(versionOpt)),
                        ExitUsage);
    }
    const auto policy = parsePolicy(parser.value(policyOpt).toStdString());
    if (!policy)
        return fail(Tr::tr("--policy takes round-robin, weighted, least-connections or ewma, not \"%1\"")
                        .arg(parser.value(policyOpt)),
                    ExitUsage);
    config.policy = *policy;
    const auto consistency = Consistency::parse(parser.value(consistencyOpt).toStdString());
    if (!consistency)
        return fail(Tr::tr("--consistency takes strong, read-your-writes, session-window:MS, bounded-staleness:SECONDS "
                           "or eventual, not \"%1\"")
                        .arg(parser.value(consistencyOpt)),
                    ExitUsage);
    config.consistency = *consistency;
    long long repeat = 0;
    if (parser.isSet(repeatOpt)) {
        bool ok = false;
        repeat = parser.value(repeatOpt).toLongLong(&ok);
        if (!ok || repeat < 1)
            return fail(Tr::tr("--repeat takes a positive number"), ExitUsage);
    }

    RouteTopologyFile topo;
    if (parser.isSet(topologyOpt)) {
        QFile file(parser.value(topologyOpt));
        if (!file.open(QIODevice::ReadOnly))
            return fail(Tr::tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &perr);
        if (perr.error != QJsonParseError::NoError)
            return fail(Tr::tr("%1: not JSON: %2").arg(file.fileName(), perr.errorString()));
        auto parsed = ui::topologyFromJson(doc, config.dialect);
        if (!parsed)
            return fail(Tr::tr("%1: %2").arg(file.fileName(), QString::fromStdString(parsed.error().message)));
        topo = std::move(parsed).value();
        config.lag = topo.lag;
        config.primaryAcceptsReads = topo.primaryAcceptsReads;
    } else {
        topo.topology = TopologyView::simple(2);
    }

    Router router(config);
    ui::feedTopology(router, topo);   // older lag samples first, as the console's preview does

    // Read everything first: the timing of --repeat must not include reading.
    std::vector<InputLine> input;
    std::map<QByteArray, std::size_t> sessionIds;
    std::string raw;
    bool anyError = false;
    while (readLine(raw)) {
        if (raw.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        InputLine line;
        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(raw), &perr);
        if (perr.error != QJsonParseError::NoError || !doc.isObject()) {
            line.error = Tr::tr("not a JSON object: %1").arg(perr.errorString());
        } else {
            const QJsonObject o = doc.object();
            line.session = o.value(QStringLiteral("session"));
            if (line.session.isUndefined())
                line.session = QJsonValue(QJsonValue::Null);
            const QJsonValue sql = o.value(QStringLiteral("sql"));
            if (!sql.isString()) {
                line.error = Tr::tr("\"sql\" must be a string");
            } else {
                line.sql = sql.toString().toStdString();
            }
            const QJsonValue position = o.value(QStringLiteral("position"));
            if (position.isString() && line.error.isEmpty()) {
                auto p = ReplicationPosition::parse(config.dialect, position.toString().toStdString());
                if (p)
                    line.position = std::move(p).value();
                else
                    line.error = Tr::tr("\"position\": %1").arg(QString::fromStdString(p.error().message));
            }
            const QJsonValue at = o.value(QStringLiteral("at_ms"));
            if (at.isDouble())
                line.at = std::chrono::milliseconds(static_cast<long long>(at.toDouble()));
        }
        const QByteArray key = compactJson(line.session);
        auto it = sessionIds.find(key);
        if (it == sessionIds.end())
            it = sessionIds.emplace(key, sessionIds.size()).first;
        line.sessionIndex = it->second;
        input.push_back(std::move(line));
    }

    std::vector<Session> sessions;
    sessions.reserve(sessionIds.size());
    for (std::size_t i = 0; i < sessionIds.size(); ++i)
        sessions.push_back(router.newSession());

    auto timeOf = [&](const InputLine &line) {
        return line.at ? Router::Clock::time_point() + *line.at : Router::Clock::now();
    };
    for (const InputLine &line : input) {
        if (!line.error.isEmpty()) {
            anyError = true;
            QByteArray out = "{\"session\":" + compactJson(line.session) + ",\"error\":"
                             + compactJson(line.error) + "}";
            printBytes(out);
            continue;
        }
        Session &session = sessions[line.sessionIndex];
        const RouteDecision &d = router.route(session, line.sql, timeOf(line));
        printBytes(decisionLine(line.session, d));
        if (line.position)
            session.noteWritePosition(*line.position);
    }
    std::fflush(stdout);

    if (repeat > 0) {
        std::size_t routed = 0;
        std::chrono::nanoseconds elapsed{0};
        for (long long r = 0; r < repeat; ++r) {
            for (Session &s : sessions)
                s.reset();
            const auto t0 = std::chrono::steady_clock::now();
            for (const InputLine &line : input) {
                if (!line.error.isEmpty())
                    continue;
                Session &session = sessions[line.sessionIndex];
                router.route(session, line.sql, line.at ? Router::Clock::time_point() + *line.at : t0);
                if (line.position)
                    session.noteWritePosition(*line.position);
                ++routed;
            }
            elapsed += std::chrono::steady_clock::now() - t0;
        }
        const double seconds = std::chrono::duration<double>(elapsed).count();
        const double perSecond = seconds > 0 ? static_cast<double>(routed) / seconds : 0;
        const double nsPer = routed > 0 ? static_cast<double>(elapsed.count()) / static_cast<double>(routed) : 0;
        std::fprintf(stderr, "route: %zu statements in %.3f s: %.0f statements/s, %.1f ns/statement\n", routed,
                     seconds, perSecond, nsPer);
    }
    return anyError ? ExitFailure : ExitOk;
}

} // namespace switchyard::cli
