// switchyard-cli monitor: poll a profile's cluster for a while, store every round in the same
// history database the console uses, and print each round's figures (and events).
// switchyard-cli events: the stored event log, filtered.
#include "cli_common.h"

#include "switchyard/ui/cluster_monitor.h"
#include "switchyard/ui/event_text.h"
#include "switchyard/ui/history_database.h"
#include "switchyard/ui/history_json.h"
#include "switchyard/ui/history_recorder.h"
#include "switchyard/ui/history_store.h"
#include "switchyard/ui/tr.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace switchyard::cli {

using ui::Tr;

namespace {

QString figure(const std::optional<double> &v, int decimals = 1)
{
    return v ? QString::number(*v, 'f', decimals) : QStringLiteral("-");
}

QString roundText(const core::RoundSample &round)
{
    QString out;
    const QString time = QDateTime::fromMSecsSinceEpoch(round.takenAtMs).toString(QStringLiteral("HH:mm:ss"));
    bool first = true;
    for (const core::NodeSample &n : round.nodes) {
        QString line = (first ? time : QString(time.size(), QLatin1Char(' '))) + QStringLiteral("  ");
        first = false;
        line += QStringLiteral("%1 %2").arg(ui::qs(n.node), -22).arg(ui::qs(core::nodeRoleName(n.role)), -8);
        if (!n.reachable) {
            out += line + Tr::tr("not answering") + QLatin1Char('\n');
            continue;
        }
        if (n.role == core::NodeRole::Replica) {
            line += Tr::tr("lag %1").arg(n.lagSeconds ? ui::formatLagSeconds(*n.lagSeconds) : Tr::tr("unknown"), -10);
            if (n.bytesBehind)
                line += Tr::tr("  %1 bytes behind").arg(*n.bytesBehind);
            if (n.transactionsBehind)
                line += Tr::tr("  %1 trx behind").arg(*n.transactionsBehind);
            line += QStringLiteral("  ");
        }
        line += Tr::tr("qps %1  tps %2  rows read/s %3  written/s %4  conn %5")
                    .arg(figure(n.queriesPerSecond), figure(n.transactionsPerSecond), figure(n.rowsReadPerSecond, 0),
                         figure(n.rowsWrittenPerSecond, 0),
                         n.connections ? QString::number(*n.connections) : QStringLiteral("-"));
        out += line + QLatin1Char('\n');
    }
    return out;
}

QString eventLine(const ui::StoredEvent &e)
{
    return QStringLiteral("%1  %2  %3")
        .arg(QDateTime::fromMSecsSinceEpoch(e.event.atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
             ui::severityTitle(e.event.severity).toUpper(), ui::eventMessage(e));
}

// "2026-11-21T10:00:00" (local unless it says Z or an offset), "2026-11-21 10:00", or relative:
// "90s", "15m", "2h", "7d" before now.
std::optional<qint64> parseTime(const QString &text, qint64 nowMs)
{
    static const QRegularExpression relative(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*([smhd])\\s*$"));
    const auto m = relative.match(text);
    if (m.hasMatch()) {
        const double n = m.captured(1).toDouble();
        const QChar unit = m.captured(2).at(0);
        const double ms = unit == QLatin1Char('s') ? 1e3 : unit == QLatin1Char('m') ? 6e4 : unit == QLatin1Char('h') ? 3.6e6 : 8.64e7;
        return nowMs - static_cast<qint64>(n * ms);
    }
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm"));
    if (!t.isValid())
        t = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd"));
    if (!t.isValid())
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

} // namespace

int runMonitor(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Poll a cluster for a while, store every round in the profile's history "
                                            "(the same the console shows) and print each round's lag and throughput."));
    const QCommandLineOption profileOpt(QStringLiteral("profile"), Tr::tr("Saved profile to monitor."), QStringLiteral("name"));
    const QCommandLineOption durationOpt(QStringLiteral("duration"), Tr::tr("How long to monitor, in seconds."),
                                         QStringLiteral("seconds"));
    const QCommandLineOption intervalOpt(QStringLiteral("interval"),
                                         Tr::tr("Poll interval in seconds (default: the profile's)."), QStringLiteral("seconds"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), Tr::tr("Print JSON Lines: one object per round and per event."));
    const QCommandLineOption historyOpt(QStringLiteral("history"),
                                        Tr::tr("History database file (default: the profile's, in the XDG data directory)."),
                                        QStringLiteral("file"));
    parser.addOptions({profileOpt, durationOpt, intervalOpt, jsonOpt, historyOpt});
    if (int code = parseOrExit(parser, args); code >= 0)
        return code;
    if (!parser.isSet(profileOpt) || !parser.isSet(durationOpt))
        return fail(Tr::tr("give --profile NAME and --duration SECONDS"), ExitUsage);
    bool ok = false;
    const double duration = parser.value(durationOpt).toDouble(&ok);
    if (!ok || duration <= 0 || duration > 31 * 86400)
        return fail(Tr::tr("--duration takes a positive number of seconds, not \"%1\"").arg(parser.value(durationOpt)), ExitUsage);
    auto profile = loadProfileOrFail(parser.value(profileOpt));
    if (!profile)
        return ExitFailure;
    int intervalMs = profile->pollIntervalMs;
    if (parser.isSet(intervalOpt)) {
        const double s = parser.value(intervalOpt).toDouble(&ok);
        if (!ok || s < 0.2 || s > 3600)
            return fail(Tr::tr("--interval takes seconds from 0.2 to 3600, not \"%1\"").arg(parser.value(intervalOpt)), ExitUsage);
        intervalMs = static_cast<int>(std::lround(s * 1000));
    }
    auto password = passwordFor(*profile, profile->monitorUser);
    if (!password)
        return fail(password.error());

    std::vector<ui::MonitorNode> nodes;
    for (const ui::ProfileNode &n : profile->seeds) {
        ui::MonitorNode mn;
        mn.name = n.label().toStdString();
        mn.options = profile->connectionOptions(n, profile->monitorUser);
        mn.options.password = *password;
        nodes.push_back(std::move(mn));
    }
    const bool json = parser.isSet(jsonOpt);
    const QString historyPath =
        parser.isSet(historyOpt) ? parser.value(historyOpt) : ui::HistoryDatabase::defaultPath(profile->name);

    ui::HistoryStore store(historyPath, {profile->historyFullResolutionDays, profile->historyKeepDays});
    QString storeError;
    QObject::connect(&store, &ui::HistoryStore::failed, [&](const QString &message) {
        if (storeError.isEmpty())
            storeError = message;
    });
    ui::HistoryRecorder recorder(&store);
    recorder.setEventOptions({profile->lagWarnSeconds, profile->lagCriticalSeconds, 0.8});
    ui::ClusterMonitor monitor(std::move(nodes), std::chrono::milliseconds(intervalMs));
    monitor.setTopologyOptions({profile->lagWarnSeconds, profile->lagCriticalSeconds});
    recorder.attach(&monitor);

    int rounds = 0, roundsAnswered = 0;
    QObject::connect(&recorder, &ui::HistoryRecorder::roundRecorded, [&](const core::RoundSample &round) {
        ++rounds;
        if (std::any_of(round.nodes.begin(), round.nodes.end(), [](const core::NodeSample &n) { return n.reachable; }))
            ++roundsAnswered;
        if (json)
            printJson(QJsonDocument(ui::roundToJson(round)));
        else {
            std::fputs(roundText(round).toLocal8Bit().constData(), stdout);
            std::fflush(stdout);
        }
    });
    QObject::connect(&recorder, &ui::HistoryRecorder::eventsDetected, [&](const std::vector<core::Event> &events) {
        for (const core::Event &e : events) {
            ui::StoredEvent s;
            s.event = e;
            if (json)
                printJson(QJsonDocument(ui::eventToJson(s)));
            else
                printLine(QStringLiteral("          ") + ui::severityTitle(e.severity).toUpper() + QStringLiteral(": ")
                          + ui::eventMessage(e));
        }
    });
    QTimer::singleShot(static_cast<int>(duration * 1000), [&] {
        monitor.stop();
        QCoreApplication::quit();
    });
    monitor.start();
    QCoreApplication::exec();
    recorder.detach();
    if (!store.waitForIdle(30000))
        return fail(Tr::tr("the history %1 did not finish writing within 30 s").arg(historyPath));
    if (!storeError.isEmpty())
        return fail(Tr::tr("history not stored: %1").arg(storeError));
    if (!json)
        printLine(Tr::tr("%n round(s) stored in %1", nullptr, rounds).arg(historyPath));
    if (roundsAnswered == 0) {
        const auto latest = monitor.latest();
        if (latest && !latest->nodes.empty() && latest->nodes.front().lastError)
            return fail(*latest->nodes.front().lastError);
        return fail(Tr::tr("no node answered within %1 s").arg(duration));
    }
    return ExitOk;
}

int runEvents(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Print the event log stored for a profile: nodes down and up, role changes, "
                                            "replication threads and errors, lag thresholds, problems, operator actions."));
    const QCommandLineOption profileOpt(QStringLiteral("profile"), Tr::tr("Saved profile."), QStringLiteral("name"));
    const QCommandLineOption sinceOpt(QStringLiteral("since"),
                                      Tr::tr("From this time: ISO 8601 (2026-11-21T10:00:00, local unless it ends in Z), "
                                             "or a span before now: 90s, 15m, 2h, 7d (default 24h)."),
                                      QStringLiteral("time"), QStringLiteral("24h"));
    const QCommandLineOption untilOpt(QStringLiteral("until"), Tr::tr("Up to this time (same forms as --since)."),
                                      QStringLiteral("time"));
    const QCommandLineOption nodeOpt(QStringLiteral("node"), Tr::tr("Only this node (repeatable)."), QStringLiteral("name"));
    const QCommandLineOption severityOpt(QStringLiteral("severity"), Tr::tr("Minimum severity: info, warning or critical."),
                                         QStringLiteral("level"), QStringLiteral("info"));
    const QCommandLineOption typeOpt(QStringLiteral("type"), Tr::tr("Only this event type, e.g. lag_critical (repeatable)."),
                                     QStringLiteral("type"));
    const QCommandLineOption limitOpt(QStringLiteral("limit"), Tr::tr("At most this many events, newest first (default 1000)."),
                                      QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), Tr::tr("Print JSON Lines, one object per event."));
    const QCommandLineOption historyOpt(QStringLiteral("history"), Tr::tr("History database file (default: the profile's)."),
                                        QStringLiteral("file"));
    parser.addOptions({profileOpt, sinceOpt, untilOpt, nodeOpt, severityOpt, typeOpt, limitOpt, jsonOpt, historyOpt});
    if (int code = parseOrExit(parser, args); code >= 0)
        return code;
    if (!parser.isSet(profileOpt) && !parser.isSet(historyOpt))
        return fail(Tr::tr("give --profile NAME"), ExitUsage);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ui::EventFilter filter;
    const auto since = parseTime(parser.value(sinceOpt), now);
    if (!since)
        return fail(Tr::tr("--since takes a time like 2026-11-21T10:00:00 or a span like 2h, not \"%1\"").arg(parser.value(sinceOpt)),
                    ExitUsage);
    filter.fromMs = *since;
    if (parser.isSet(untilOpt)) {
        const auto until = parseTime(parser.value(untilOpt), now);
        if (!until)
            return fail(Tr::tr("--until takes a time like 2026-11-21T10:00:00 or a span like 2h, not \"%1\"")
                            .arg(parser.value(untilOpt)),
                        ExitUsage);
        filter.toMs = *until;
    }
    filter.nodes = parser.values(nodeOpt);
    const QString sev = parser.value(severityOpt).toLower();
    if (sev == QLatin1String("info"))
        filter.minSeverity = core::Severity::Info;
    else if (sev == QLatin1String("warning"))
        filter.minSeverity = core::Severity::Warning;
    else if (sev == QLatin1String("critical"))
        filter.minSeverity = core::Severity::Critical;
    else
        return fail(Tr::tr("--severity takes info, warning or critical, not \"%1\"").arg(sev), ExitUsage);
    for (const QString &t : parser.values(typeOpt)) {
        const auto type = core::parseEventType(t.toStdString());
        if (!type)
            return fail(Tr::tr("unknown event type \"%1\"").arg(t), ExitUsage);
        filter.types << *type;
    }
    bool limitOk = false;
    filter.limit = parser.value(limitOpt).toInt(&limitOk);
    if (!limitOk || filter.limit <= 0)
        return fail(Tr::tr("--limit takes a positive number"), ExitUsage);

    QString path;
    if (parser.isSet(historyOpt)) {
        path = parser.value(historyOpt);
    } else {
        auto profile = loadProfileOrFail(parser.value(profileOpt));
        if (!profile)
            return ExitFailure;
        path = ui::HistoryDatabase::defaultPath(profile->name);
    }
    if (!QFileInfo::exists(path))
        return fail(Tr::tr("no history at %1 yet: run switchyard-cli monitor or open the profile in the console").arg(path));
    ui::HistoryDatabase db(path);
    QString error;
    if (!db.open(&error))
        return fail(error);
    QList<ui::StoredEvent> events = db.readEvents(filter);
    std::reverse(events.begin(), events.end());   // oldest first, like a log
    for (const ui::StoredEvent &e : events) {
        if (parser.isSet(jsonOpt))
            printJson(QJsonDocument(ui::eventToJson(e)));
        else
            printLine(eventLine(e));
    }
    return ExitOk;
}

} // namespace switchyard::cli
