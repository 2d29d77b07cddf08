#include "switchyard/ui/history_json.h"

#include "switchyard/ui/event_text.h"
#include "switchyard/ui/tr.h"

#include <QDateTime>
#include <QJsonArray>

namespace switchyard::ui {

namespace {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

template <typename T>
QJsonValue value(const std::optional<T> &v)
{
    if (!v)
        return QJsonValue(QJsonValue::Null);
    return QJsonValue(static_cast<double>(*v));
}

} // namespace

QJsonObject roundToJson(const core::RoundSample &round)
{
    QJsonArray nodes;
    for (const core::NodeSample &n : round.nodes) {
        QJsonObject o;
        o.insert(QStringLiteral("node"), qs(n.node));
        o.insert(QStringLiteral("role"), qs(core::nodeRoleName(n.role)));
        o.insert(QStringLiteral("reachable"), n.reachable);
        o.insert(QStringLiteral("lagSeconds"), value(n.lagSeconds));
        o.insert(QStringLiteral("bytesBehind"), value(n.bytesBehind));
        o.insert(QStringLiteral("transactionsBehind"), value(n.transactionsBehind));
        o.insert(QStringLiteral("queriesPerSecond"), value(n.queriesPerSecond));
        o.insert(QStringLiteral("transactionsPerSecond"), value(n.transactionsPerSecond));
        o.insert(QStringLiteral("rowsReadPerSecond"), value(n.rowsReadPerSecond));
        o.insert(QStringLiteral("rowsWrittenPerSecond"), value(n.rowsWrittenPerSecond));
        o.insert(QStringLiteral("connections"), value(n.connections));
        o.insert(QStringLiteral("threadsRunning"), value(n.threadsRunning));
        nodes.append(o);
    }
    QJsonObject o;
    o.insert(QStringLiteral("type"), QStringLiteral("round"));
    o.insert(QStringLiteral("generation"), static_cast<double>(round.generation));
    o.insert(QStringLiteral("at"), isoTime(round.takenAtMs));
    o.insert(QStringLiteral("nodes"), nodes);
    return o;
}

QJsonObject eventToJson(const StoredEvent &s)
{
    const core::Event &e = s.event;
    QJsonObject o;
    o.insert(QStringLiteral("type"), QStringLiteral("event"));
    if (s.id)
        o.insert(QStringLiteral("id"), static_cast<double>(s.id));
    o.insert(QStringLiteral("at"), isoTime(e.atMs));
    o.insert(QStringLiteral("severity"), qs(core::severityName(e.severity)));
    o.insert(QStringLiteral("event"), qs(core::eventTypeName(e.type)));
    o.insert(QStringLiteral("node"), qs(e.node));
    o.insert(QStringLiteral("message"), eventMessage(s));
    auto text = [&](const char *key, const std::string &v) {
        if (!v.empty())
            o.insert(QLatin1String(key), qs(v));
    };
    text("channel", e.channel);
    text("from", e.from);
    text("to", e.to);
    text("detail", e.detail);
    if (e.value)
        o.insert(QStringLiteral("value"), *e.value);
    if (e.threshold)
        o.insert(QStringLiteral("threshold"), *e.threshold);
    if (e.problem)
        o.insert(QStringLiteral("problem"), qs(core::problemKindName(*e.problem)));
    if (!s.sql.isEmpty())
        o.insert(QStringLiteral("sql"), s.sql);
    if (!s.outcome.isEmpty())
        o.insert(QStringLiteral("outcome"), s.outcome);
    return o;
}

} // namespace switchyard::ui
