#include "switchyard/ui/routing_json.h"

#include <QJsonArray>

#include <algorithm>

namespace switchyard::ui {

using namespace switchyard::routing;

namespace {

Error bad(const QString &what)
{
    return makeError(ErrorCode::ParseError, "topology: " + what.toStdString());
}

std::optional<double> optionalNumber(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    return std::nullopt;
}

} // namespace

QByteArray compactJson(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

Result<RouteTopologyFile> topologyFromJson(const QJsonDocument &doc, Dialect dialect)
{
    if (!doc.isObject())
        return bad(QStringLiteral("the document must be an object with \"nodes\""));
    const QJsonObject root = doc.object();
    RouteTopologyFile out;
    const QJsonValue nodes = root.value(QStringLiteral("nodes"));
    if (!nodes.isArray() || nodes.toArray().isEmpty())
        return bad(QStringLiteral("\"nodes\" must be a non-empty array"));
    out.primaryAcceptsReads = root.value(QStringLiteral("primary_accepts_reads")).toBool(false);
    if (root.contains(QStringLiteral("generation")))
        out.topology.generation =
            static_cast<std::uint64_t>(root.value(QStringLiteral("generation")).toDouble());

    const QJsonValue lag = root.value(QStringLiteral("lag_policy"));
    if (lag.isObject()) {
        const QJsonObject l = lag.toObject();
        out.lag.highSeconds = optionalNumber(l.value(QStringLiteral("high_seconds")));
        out.lag.lowSeconds = optionalNumber(l.value(QStringLiteral("low_seconds")));
        out.lag.leaveAfter = static_cast<unsigned>(l.value(QStringLiteral("leave_after")).toInt(3));
        out.lag.returnAfter = static_cast<unsigned>(l.value(QStringLiteral("return_after")).toInt(2));
        if (!out.lag.highSeconds)
            return bad(QStringLiteral("lag_policy needs high_seconds"));
        if (out.lag.lowSeconds && *out.lag.lowSeconds > *out.lag.highSeconds)
            return bad(QStringLiteral("lag_policy: low_seconds above high_seconds"));
    } else if (!lag.isUndefined() && !lag.isNull()) {
        return bad(QStringLiteral("lag_policy must be an object"));
    }

    int primaries = 0;
    for (const QJsonValue &v : nodes.toArray()) {
        if (!v.isObject())
            return bad(QStringLiteral("every node must be an object"));
        const QJsonObject o = v.toObject();
        NodeView n;
        n.name = o.value(QStringLiteral("name")).toString().toStdString();
        if (n.name.empty())
            return bad(QStringLiteral("a node without a name"));
        if (out.topology.indexOf(n.name) >= 0)
            return bad(QStringLiteral("two nodes named \"%1\"").arg(QString::fromStdString(n.name)));
        const auto role =
            parseNodeRole(o.value(QStringLiteral("role")).toString(QStringLiteral("replica")).toStdString());
        if (!role)
            return bad(QStringLiteral("node %1: role must be primary or replica")
                           .arg(QString::fromStdString(n.name)));
        n.role = *role;
        if (n.role == NodeRole::Primary)
            ++primaries;
        const auto health =
            parseNodeHealth(o.value(QStringLiteral("health")).toString(QStringLiteral("up")).toStdString());
        if (!health)
            return bad(QStringLiteral("node %1: health must be up, down, maintenance or unknown")
                           .arg(QString::fromStdString(n.name)));
        n.health = *health;
        const QJsonValue lagValue = o.value(QStringLiteral("lag_seconds"));
        if (lagValue.isDouble())
            n.lagSeconds = lagValue.toDouble();
        else if (!lagValue.isNull() && !lagValue.isUndefined())
            return bad(QStringLiteral("node %1: lag_seconds must be a number or null")
                           .arg(QString::fromStdString(n.name)));
        const double weight = o.value(QStringLiteral("weight")).toDouble(1);
        if (weight < 0 || weight > 1e6)
            return bad(QStringLiteral("node %1: weight out of range").arg(QString::fromStdString(n.name)));
        n.weight = static_cast<std::uint32_t>(weight);
        n.openConnections = static_cast<std::uint32_t>(o.value(QStringLiteral("connections")).toDouble(0));
        n.responseTimeMs = optionalNumber(o.value(QStringLiteral("response_ms")));
        const QString position = o.value(QStringLiteral("position")).toString();
        if (!position.isEmpty()) {
            auto p = ReplicationPosition::parse(dialect, position.toStdString());
            if (!p)
                return bad(
                    QStringLiteral("node %1: %2")
                        .arg(QString::fromStdString(n.name), QString::fromStdString(p.error().message)));
            n.position = std::move(p).value();
        }
        std::vector<std::optional<double>> history;
        for (const QJsonValue &h : o.value(QStringLiteral("lag_history")).toArray())
            history.push_back(optionalNumber(h));
        out.lagHistory.push_back(std::move(history));
        out.topology.nodes.push_back(std::move(n));
    }
    if (primaries != 1)
        return bad(QStringLiteral("exactly one node must have role primary (found %1)").arg(primaries));
    return out;
}

QJsonDocument topologyToJson(const RouteTopologyFile &file)
{
    QJsonObject root;
    if (file.topology.generation != 0)
        root.insert(QStringLiteral("generation"), static_cast<double>(file.topology.generation));
    if (file.primaryAcceptsReads)
        root.insert(QStringLiteral("primary_accepts_reads"), true);
    if (file.lag.enabled()) {
        QJsonObject lag;
        lag.insert(QStringLiteral("high_seconds"), *file.lag.highSeconds);
        if (file.lag.lowSeconds)
            lag.insert(QStringLiteral("low_seconds"), *file.lag.lowSeconds);
        lag.insert(QStringLiteral("leave_after"), static_cast<int>(file.lag.leaveAfter));
        lag.insert(QStringLiteral("return_after"), static_cast<int>(file.lag.returnAfter));
        root.insert(QStringLiteral("lag_policy"), lag);
    }
    QJsonArray nodes;
    for (std::size_t i = 0; i < file.topology.nodes.size(); ++i) {
        const NodeView &n = file.topology.nodes[i];
        QJsonObject o;
        o.insert(QStringLiteral("name"), QString::fromStdString(n.name));
        o.insert(QStringLiteral("role"),
                 QString::fromUtf8(nodeRoleName(n.role).data(),
                                   static_cast<qsizetype>(nodeRoleName(n.role).size())));
        o.insert(QStringLiteral("health"),
                 QString::fromUtf8(nodeHealthName(n.health).data(),
                                   static_cast<qsizetype>(nodeHealthName(n.health).size())));
        o.insert(QStringLiteral("lag_seconds"),
                 n.lagSeconds ? QJsonValue(*n.lagSeconds) : QJsonValue(QJsonValue::Null));
        if (i < file.lagHistory.size() && !file.lagHistory[i].empty()) {
            QJsonArray history;
            for (const auto &h : file.lagHistory[i])
                history.append(h ? QJsonValue(*h) : QJsonValue(QJsonValue::Null));
            o.insert(QStringLiteral("lag_history"), history);
        }
        o.insert(QStringLiteral("weight"), static_cast<double>(n.weight));
        if (n.openConnections > 0)
            o.insert(QStringLiteral("connections"), static_cast<double>(n.openConnections));
        if (n.responseTimeMs)
            o.insert(QStringLiteral("response_ms"), *n.responseTimeMs);
        if (!n.position.empty())
            o.insert(QStringLiteral("position"), QString::fromStdString(n.position.toString()));
        nodes.append(o);
    }
    root.insert(QStringLiteral("nodes"), nodes);
    return QJsonDocument(root);
}

void feedTopology(Router &router, const RouteTopologyFile &file)
{
    std::size_t history = 0;
    for (const auto &h : file.lagHistory)
        history = std::max(history, h.size());
    for (std::size_t i = 0; i < history; ++i) {
        TopologyView past = file.topology;
        past.generation = i + 1;
        for (std::size_t n = 0; n < past.nodes.size() && n < file.lagHistory.size(); ++n)
            if (i < file.lagHistory[n].size())
                past.nodes[n].lagSeconds = file.lagHistory[n][i];
        router.setTopology(std::move(past));
    }
    TopologyView current = file.topology;
    current.generation = history + 1;
    router.setTopology(std::move(current));
}

QByteArray decisionLine(const QJsonValue &session, const RouteDecision &d)
{
    QJsonArray reasons;
    for (const std::string &r : d.explain())
        reasons.append(QString::fromStdString(r));
    QByteArray line;
    line.reserve(256);
    line += "{\"session\":";
    line += compactJson(session);
    line += ",\"target\":\"";
    line += targetName(d.target).data();
    line += "\",\"node\":";
    if (d.target == Target::All || d.nodeName.empty())
        line += "null";
    else
        line += compactJson(QString::fromStdString(d.nodeName));
    line += ",\"kind\":\"";
    line += QByteArray(d.kindName().data(), static_cast<qsizetype>(d.kindName().size()));
    line += "\",\"reasons\":";
    line += QJsonDocument(reasons).toJson(QJsonDocument::Compact);
    line += '}';
    return line;
}

} // namespace switchyard::ui
