#include "switchyard/ui/routing_preview_engine.h"

#include "switchyard/core/routing_topology.h"
#include "switchyard/routing/classifier.h"
#include "switchyard/ui/topology_view.h"
#include "switchyard/ui/tr.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <chrono>

namespace switchyard::ui {

using namespace switchyard::routing;

namespace {

bool isBlank(std::string_view s)
{
    return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

std::string trimmed(std::string_view s)
{
    const auto b = s.find_first_not_of(" \t\r\n\f\v");
    if (b == std::string_view::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r\n\f\v");
    return std::string(s.substr(b, e - b + 1));
}

QString md(const std::string &s)
{
    return qs(s);
}

// Inline code in Markdown that survives backticks inside.
QString inlineCode(const QString &text)
{
    QString fence = QStringLiteral("`");
    while (text.contains(fence))
        fence += QLatin1Char('`');
    const bool pad = text.startsWith(QLatin1Char('`')) || text.endsWith(QLatin1Char('`'));
    return fence + (pad ? QStringLiteral(" ") : QString()) + text + (pad ? QStringLiteral(" ") : QString()) +
           fence;
}

QString codeBlock(const QString &text, const QString &lang)
{
    QString fence = QStringLiteral("```");
    while (text.contains(fence))
        fence += QLatin1Char('`');
    return fence + lang + QLatin1Char('\n') + text + QLatin1Char('\n') + fence + QLatin1Char('\n');
}

QString tableCell(QString text)
{
    text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

} // namespace

// ---- settings -------------------------------------------------------------------------------

routing::LagPolicy PreviewSettings::lagPolicy() const
{
    LagPolicy lag;
    lag.highSeconds = lagHighSeconds;
    return lag;
}

routing::RouterConfig PreviewSettings::routerConfig() const
{
    RouterConfig c;
    c.dialect = dialect;
    c.serverVersion = serverVersion;
    c.policy = policy;
    c.consistency = consistency;
    c.lag = lagPolicy();
    c.primaryAcceptsReads = primaryAcceptsReads;
    return c;
}

routing::LexOptions PreviewSettings::lexOptions() const
{
    LexOptions o = LexOptions::forDialect(dialect);
    o.serverVersion = serverVersion ? serverVersion->number() : 0;
    return o;
}

QStringList PreviewSettings::cliArguments() const
{
    QStringList args{QStringLiteral("route"), QStringLiteral("--dialect"), qs(dialectName(dialect))};
    if (serverVersion)
        args << QStringLiteral("--server-version") << qs(serverVersion->toString());
    args << QStringLiteral("--policy") << qs(policyName(policy));
    args << QStringLiteral("--consistency") << qs(consistency.toString());
    return args;
}

QString dialectTitle(routing::Dialect dialect)
{
    switch (dialect) {
    case Dialect::MySQL:
        return QStringLiteral("MySQL");
    case Dialect::MariaDB:
        return QStringLiteral("MariaDB");
    case Dialect::PostgreSQL:
        return QStringLiteral("PostgreSQL");
    }
    return {};
}

// ---- what-if --------------------------------------------------------------------------------

bool WhatIf::empty() const
{
    return std::all_of(nodes.begin(), nodes.end(), [](const auto &n) { return n.second.empty(); });
}

RouteTopologyFile WhatIf::apply(RouteTopologyFile file) const
{
    file.lagHistory.resize(file.topology.nodes.size());
    for (std::size_t i = 0; i < file.topology.nodes.size(); ++i) {
        NodeView &n = file.topology.nodes[i];
        const auto it = nodes.find(n.name);
        if (it == nodes.end())
            continue;
        const WhatIfNode &w = it->second;
        switch (w.state) {
        case WhatIfNode::State::AsSeen:
            break;
        case WhatIfNode::State::Up:
            n.health = NodeHealth::Up;
            break;
        case WhatIfNode::State::Down:
            n.health = NodeHealth::Down;
            break;
        case WhatIfNode::State::Draining:
            n.health = NodeHealth::Maintenance;
            break;
        }
        if (w.lagSeconds) {
            // "Lagging by N seconds": it has been, so the hysteresis sees every recent sample at N.
            n.lagSeconds = *w.lagSeconds;
            for (auto &sample : file.lagHistory[i])
                sample = *w.lagSeconds;
        }
        if (w.weight)
            n.weight = *w.weight;
    }
    return file;
}

core::ClusterSnapshot WhatIf::apply(core::ClusterSnapshot snapshot) const
{
    for (std::size_t i = 0; i < snapshot.nodes.size(); ++i) {
        core::NodeStatus &n = snapshot.nodes[i];
        const auto it = nodes.find(n.name);
        if (it == nodes.end())
            continue;
        const WhatIfNode &w = it->second;
        switch (w.state) {
        case WhatIfNode::State::AsSeen:
        case WhatIfNode::State::Draining:
            break;
        case WhatIfNode::State::Up:
            n.reachability = core::Reachability::Reachable;
            if (n.role == core::NodeRole::Replica) {
                n.ioThreadRunning = true;
                n.sqlThreadRunning = true;
            }
            break;
        case WhatIfNode::State::Down:
            n.reachability = core::Reachability::Unreachable;
            n.lastError = makeError(ErrorCode::ConnectFailed,
                                    "marked down in the routing preview (hypothetical)", n.name);
            break;
        }
        if (w.lagSeconds) {
            n.lagSeconds = *w.lagSeconds;
            for (core::ReplicationChannel &c : n.channels)
                c.lagSeconds = *w.lagSeconds;
            for (core::ReplicationEdge &e : snapshot.edges)
                if (e.replica == i)
                    e.lagSeconds = *w.lagSeconds;
        }
    }
    return snapshot;
}

QStringList WhatIf::describe() const
{
    QStringList out;
    for (const auto &[name, w] : nodes) {
        QStringList parts;
        switch (w.state) {
        case WhatIfNode::State::AsSeen:
            break;
        case WhatIfNode::State::Up:
            parts << Tr::tr("up");
            break;
        case WhatIfNode::State::Down:
            parts << Tr::tr("down");
            break;
        case WhatIfNode::State::Draining:
            parts << Tr::tr("draining");
            break;
        }
        if (w.lagSeconds)
            parts << Tr::tr("lagging %1").arg(formatLag(*w.lagSeconds));
        if (w.weight)
            parts << Tr::tr("weight %1").arg(*w.weight);
        if (!parts.isEmpty())
            out << Tr::tr("%1 %2").arg(qs(name), parts.join(QStringLiteral(", ")));
    }
    return out;
}

// ---- lag history ----------------------------------------------------------------------------

void LagHistory::add(const core::ClusterSnapshot &snapshot)
{
    if (!m_rounds.empty() && snapshot.generation <= m_rounds.back().generation) {
        if (snapshot.generation == m_rounds.back().generation)
            m_rounds.pop_back(); // the same round again (what-if, settings): replace it
        else
            return;
    }
    Round r;
    r.generation = snapshot.generation;
    for (const core::NodeStatus &n : snapshot.nodes)
        r.lag[n.name] = n.role == core::NodeRole::Primary ? std::nullopt : n.lagSeconds;
    m_rounds.push_back(std::move(r));
    while (m_rounds.size() > kDepth + 1)
        m_rounds.pop_front();
}

void LagHistory::clear()
{
    m_rounds.clear();
}

std::vector<std::optional<double>> LagHistory::samples(const std::string &name,
                                                       std::uint64_t beforeGeneration) const
{
    std::vector<std::optional<double>> out;
    for (const Round &r : m_rounds) {
        if (r.generation >= beforeGeneration)
            continue;
        const auto it = r.lag.find(name);
        if (it != r.lag.end())
            out.push_back(it->second);
    }
    if (out.size() > kDepth)
        out.erase(out.begin(), out.end() - static_cast<std::ptrdiff_t>(kDepth));
    return out;
}

RouteTopologyFile previewTopology(const core::ClusterSnapshot &snapshot, const PreviewSettings &settings,
                                  const LagHistory *history)
{
    RouteTopologyFile f;
    f.topology = core::routingTopology(snapshot, settings.dialect);
    f.lag = settings.lagPolicy();
    f.primaryAcceptsReads = settings.primaryAcceptsReads;
    f.lagHistory.resize(f.topology.nodes.size());
    if (history && f.lag.enabled()) {
        for (std::size_t i = 0; i < f.topology.nodes.size(); ++i)
            if (f.topology.nodes[i].role != NodeRole::Primary)
                f.lagHistory[i] = history->samples(f.topology.nodes[i].name, snapshot.generation);
    }
    return f;
}

core::ClusterSnapshot snapshotForPicture(const RouteTopologyFile &file, routing::Dialect dialect)
{
    core::ClusterSnapshot s;
    s.generation = file.topology.generation;
    const core::Flavor flavor = dialect == Dialect::PostgreSQL ? core::Flavor::PostgreSQL
                                : dialect == Dialect::MariaDB  ? core::Flavor::MariaDB
                                                               : core::Flavor::MySQL;
    const int primary = file.topology.primaryIndex();
    for (const NodeView &v : file.topology.nodes) {
        core::NodeStatus n;
        n.name = v.name;
        n.flavor = flavor;
        n.role = v.role == NodeRole::Primary ? core::NodeRole::Primary : core::NodeRole::Replica;
        n.readOnly = v.role != NodeRole::Primary;
        switch (v.health) {
        case NodeHealth::Up:
        case NodeHealth::Maintenance:
            n.reachability = core::Reachability::Reachable;
            break;
        case NodeHealth::Down:
            n.reachability = core::Reachability::Unreachable;
            break;
        case NodeHealth::Unknown:
            n.reachability = core::Reachability::Unknown;
            break;
        }
        if (v.role == NodeRole::Replica) {
            n.lagSeconds = v.lagSeconds;
            n.ioThreadRunning = v.health != NodeHealth::Down;
            n.sqlThreadRunning = v.health != NodeHealth::Down;
        }
        if (!v.position.empty() && dialect != Dialect::PostgreSQL)
            n.gtidExecuted = v.position.toString();
        s.nodes.push_back(std::move(n));
    }
    if (primary >= 0) {
        for (std::size_t i = 0; i < s.nodes.size(); ++i) {
            if (static_cast<int>(i) == primary)
                continue;
            core::ReplicationEdge e;
            e.source = static_cast<std::size_t>(primary);
            e.replica = i;
            e.lagSeconds = s.nodes[i].lagSeconds;
            e.state = s.nodes[i].reachability == core::Reachability::Unreachable ? core::EdgeState::Unknown
                      : e.lagSeconds                                             ? core::EdgeState::Running
                                                                                 : core::EdgeState::Unknown;
            s.edges.push_back(e);
        }
    }
    return s;
}

// ---- session state --------------------------------------------------------------------------

SessionState SessionState::of(const routing::Session &s)
{
    SessionState st;
    st.autocommit = s.autocommit();
    st.autocommitKnown = s.autocommitKnown();
    st.inTransaction = s.inTransaction();
    st.transactionReadOnly = s.transactionReadOnly();
    st.transactionWrote = s.transactionHasWritten();
    st.transactionNode = s.transactionNode();
    st.isolation = s.inTransaction() ? s.transactionIsolation() : s.sessionIsolation();
    st.pins = s.pins();
    st.temporaryTables = s.temporaryTables();
    st.primaryOnlyVariables = s.primaryOnlyVariables();
    st.prepared = s.preparedCount();
    st.cursors = s.cursorCount();
    st.writes = s.writeCount();
    st.writePositionKnown = s.writePositionKnown();
    if (!s.lastWritePosition().empty())
        st.writePosition = s.lastWritePosition().toString();
    st.nextTransactionPending = s.nextTransactionPending();
    st.noBackslashEscapes = s.noBackslashEscapes();
    st.ansiQuotes = s.ansiQuotes();
    return st;
}

QString describeSessionState(const SessionState &s)
{
    QStringList parts;
    if (!s.autocommitKnown)
        parts << Tr::tr("autocommit unknown");
    else
        parts << (s.autocommit ? Tr::tr("autocommit on") : Tr::tr("autocommit off"));
    if (s.inTransaction) {
        const QString where = s.transactionNode.empty() ? Tr::tr("the primary") : qs(s.transactionNode);
        QString tx = s.transactionReadOnly ? Tr::tr("read-only transaction on %1").arg(where)
                                           : Tr::tr("read-write transaction on %1").arg(where);
        if (s.transactionWrote)
            tx += Tr::tr(" (wrote)");
        parts << tx;
    } else {
        parts << Tr::tr("no transaction");
    }
    if (s.isolation != Isolation::Default)
        parts << qs(isolationName(s.isolation));
    if (s.nextTransactionPending)
        parts << Tr::tr("next transaction set");
    if (s.pins) {
        QStringList pins;
        if (s.pins & PinLockTables)
            pins << Tr::tr("LOCK TABLES");
        if (s.pins & PinNamedLock)
            pins << Tr::tr("named lock");
        if (s.pins & PinBackupLock)
            pins << Tr::tr("backup lock");
        if (s.pins & PinDiverged)
            pins << Tr::tr("session state only on the primary");
        if (s.pins & PinCall)
            pins << Tr::tr("after CALL");
        if (s.pins & PinApplication)
            pins << Tr::tr("by the application");
        parts << Tr::tr("pinned to the primary: %1").arg(pins.join(QStringLiteral(", ")));
    }
    if (!s.temporaryTables.empty()) {
        QStringList names;
        for (const auto &t : s.temporaryTables)
            names << qs(t);
        parts << Tr::tr("temporary tables: %1").arg(names.join(QStringLiteral(", ")));
    }
    if (!s.primaryOnlyVariables.empty()) {
        QStringList names;
        for (const auto &v : s.primaryOnlyVariables)
            names << QLatin1Char('@') + qs(v);
        parts << Tr::tr("variables only on the primary: %1").arg(names.join(QStringLiteral(", ")));
    }
    if (s.prepared)
        parts << Tr::tr("%n prepared statement(s)", nullptr, static_cast<int>(s.prepared));
    if (s.cursors)
        parts << Tr::tr("%n cursor(s)", nullptr, static_cast<int>(s.cursors));
    if (s.writes) {
        if (!s.writePositionKnown)
            parts << Tr::tr("%n write(s), position not reported", nullptr, static_cast<int>(s.writes));
        else if (!s.writePosition.empty())
            parts << Tr::tr("%n write(s), last at %1", nullptr, static_cast<int>(s.writes))
                         .arg(qs(s.writePosition));
        else
            parts << Tr::tr("%n write(s)", nullptr, static_cast<int>(s.writes));
    }
    if (s.noBackslashEscapes)
        parts << QStringLiteral("NO_BACKSLASH_ESCAPES");
    if (s.ansiQuotes)
        parts << QStringLiteral("ANSI_QUOTES");
    return parts.join(QStringLiteral(" · "));
}

// ---- running --------------------------------------------------------------------------------

std::vector<std::string> splitStatements(std::string_view sql, const PreviewSettings &settings)
{
    if (isBlank(sql))
        return {};
    Classifier classifier(settings.dialect);
    PacketInfo packet;
    classifier.classify(sql, settings.lexOptions(), packet);
    if (packet.statements.empty())
        return {trimmed(sql)};
    const auto offsetOf = [&](std::string_view part) -> std::size_t {
        if (part.data() < sql.data() || part.data() > sql.data() + sql.size())
            return std::string_view::npos;
        return static_cast<std::size_t>(part.data() - sql.data());
    };
    // The ';' that ends statement i: the first one between its end and the next statement.
    const auto semicolonAfter = [&](std::size_t from, std::size_t before) -> std::size_t {
        for (const Token &t : packet.tokens) {
            if (t.kind != TokenKind::Semicolon)
                continue;
            const std::size_t at = offsetOf(t.text);
            if (at != std::string_view::npos && at >= from && at < before)
                return at;
        }
        return std::string_view::npos;
    };
    std::vector<std::string> out;
    std::size_t cut = 0;
    for (std::size_t i = 0; i < packet.statements.size(); ++i) {
        const std::string_view text = packet.statements[i].text;
        const std::size_t start = offsetOf(text);
        const std::size_t end = start == std::string_view::npos ? cut : start + text.size();
        const bool last = i + 1 == packet.statements.size();
        const std::size_t next = last ? sql.size() : offsetOf(packet.statements[i + 1].text);
        std::size_t semi = semicolonAfter(end, next == std::string_view::npos ? sql.size() : next);
        if (semi == std::string_view::npos)
            semi = last ? sql.size() : next;
        std::string piece = trimmed(sql.substr(cut, semi - cut));
        if (!piece.empty())
            out.push_back(std::move(piece));
        cut = std::min(sql.size(), semi + 1);
        if (last)
            break;
    }
    return out;
}

namespace {

std::string lastWriteStatement(Dialect)
{
    return "INSERT INTO last_write VALUES (1)";
}

} // namespace

PreviewOutcome runPreview(const PreviewSettings &settings, const RouteTopologyFile &topology,
                          const SessionContext &context, const std::vector<std::string> &statements)
{
    PreviewOutcome out;
    out.topology = topology;
    RouterConfig config = settings.routerConfig();
    config.lag = topology.lag;
    config.primaryAcceptsReads = topology.primaryAcceptsReads;
    Router router(config);
    feedTopology(router, topology);
    if (config.lag.enabled()) {
        for (std::size_t i = 0; i < router.topology().nodes.size(); ++i) {
            const NodeView &n = router.topology().nodes[i];
            if (n.role == NodeRole::Primary)
                continue;
            PoolState p;
            p.node = n.name;
            p.inPool = router.inLagPool(static_cast<int>(i));
            if (const LagHysteresis *h = router.lagState(static_cast<int>(i))) {
                p.overCount = h->overCount();
                p.underCount = h->underCount();
            }
            out.pool.push_back(std::move(p));
        }
    }

    SessionOptions options;
    options.autocommit = context.autocommit;
    Session session = router.newSession(options);
    // A fixed clock: runs are reproducible, and only the gap between context and statements
    // matters (session windows).
    const Router::Clock::time_point t0 = Router::Clock::time_point() + std::chrono::hours(1);
    const Router::Clock::time_point t1 =
        t0 + std::chrono::milliseconds(std::max<std::int64_t>(0, context.msSinceContext));
    const auto route = [&](PreviewRow::Origin origin, const std::string &sql, Router::Clock::time_point at) {
        PreviewRow row;
        row.origin = origin;
        row.sql = sql;
        row.decision = router.route(session, sql, at);
        row.after = SessionState::of(session);
        out.rows.push_back(std::move(row));
    };
    for (const std::string &e : context.earlier)
        if (!isBlank(e))
            route(PreviewRow::Origin::Earlier, e, t0);
    if (context.wrote) {
        route(PreviewRow::Origin::LastWrite, lastWriteStatement(settings.dialect), t0);
        if (session.inTransaction() && !context.autocommit)
            route(PreviewRow::Origin::LastWrite, "COMMIT", t0);
        if (!isBlank(context.writePosition)) {
            auto position = ReplicationPosition::parse(settings.dialect, trimmed(context.writePosition));
            if (position) {
                session.noteWritePosition(*position);
                out.rows.back().after = SessionState::of(session);
            } else {
                out.problem = Tr::tr("The last write's position \"%1\" is not a %2 position: %3")
                                  .arg(qs(context.writePosition), dialectTitle(settings.dialect),
                                       qs(position.error().message));
            }
        }
    }
    const bool pg = settings.dialect == Dialect::PostgreSQL;
    switch (context.transaction) {
    case SessionContext::Transaction::None:
        break;
    case SessionContext::Transaction::ReadWrite:
        route(PreviewRow::Origin::Transaction, pg ? "BEGIN" : "START TRANSACTION", t0);
        break;
    case SessionContext::Transaction::ReadOnly:
        route(PreviewRow::Origin::Transaction, pg ? "BEGIN READ ONLY" : "START TRANSACTION READ ONLY", t0);
        break;
    }
    for (const std::string &s : statements)
        route(PreviewRow::Origin::Statement, s, t1);
    return out;
}

const PreviewRow *PreviewOutcome::firstStatement() const
{
    for (const PreviewRow &r : rows)
        if (r.origin == PreviewRow::Origin::Statement)
            return &r;
    return nullptr;
}

const PreviewRow *PreviewOutcome::lastStatement() const
{
    for (auto it = rows.rbegin(); it != rows.rend(); ++it)
        if (it->origin == PreviewRow::Origin::Statement)
            return &*it;
    return nullptr;
}

std::vector<Exclusion> exclusionsOf(const routing::RouteDecision &d)
{
    std::vector<Exclusion> out;
    for (const Reason &r : d.reasons) {
        switch (r.code) {
        case ReasonCode::ExcludedDown:
        case ReasonCode::ExcludedMaintenance:
        case ReasonCode::ExcludedHealthUnknown:
        case ReasonCode::ExcludedWeightZero:
        case ReasonCode::ExcludedLag:
        case ReasonCode::ExcludedLagUnknown:
        case ReasonCode::ExcludedLagOverBound:
        case ReasonCode::ExcludedBehindWrite:
            out.push_back({std::string(d.textOf(r)), r.code, r.describe(d.textOf(r))});
            break;
        default:
            break;
        }
    }
    return out;
}

std::vector<std::string> reasonsOf(const routing::RouteDecision &decision)
{
    return decision.explain();
}

bool primaryUnavailable(const routing::RouteDecision &d)
{
    if (d.target != Target::Primary && d.target != Target::All)
        return false;
    return std::any_of(d.reasons.begin(), d.reasons.end(), [](const Reason &r) {
        return r.code == ReasonCode::PrimaryNotUp || r.code == ReasonCode::NoPrimary;
    });
}

const routing::Reason *decidingReason(const routing::RouteDecision &d)
{
    // What the statement itself is: the classifier's first verdict that rules out a replica
    // ("writes: INSERT"), before anything that follows from it.
    for (const Reason &r : d.reasons) {
        if (r.code == ReasonCode::ReadStatement)
            continue;
        if (r.code >= ReasonCode::EmptyStatement && r.code <= ReasonCode::LexingChangesMidPacket)
            return &r;
        break;
    }
    // A read: the last thing the session, a hint or the consistency level said.
    for (auto it = d.reasons.rbegin(); it != d.reasons.rend(); ++it) {
        switch (it->code) {
        case ReasonCode::ExcludedDown:
        case ReasonCode::ExcludedMaintenance:
        case ReasonCode::ExcludedHealthUnknown:
        case ReasonCode::ExcludedWeightZero:
        case ReasonCode::ExcludedLag:
        case ReasonCode::ExcludedLagUnknown:
        case ReasonCode::ExcludedLagOverBound:
        case ReasonCode::ExcludedBehindWrite:
        case ReasonCode::Picked:
        case ReasonCode::PrimaryNotUp:
        case ReasonCode::NoPrimary:
            continue;
        default:
            return &*it;
        }
    }
    return d.reasons.empty() ? nullptr : &d.reasons.front();
}

QString targetText(const routing::RouteDecision &d)
{
    switch (d.target) {
    case Target::Primary:
        return d.nodeName.empty() ? Tr::tr("primary (none in the topology)")
                                  : Tr::tr("primary %1").arg(qs(d.nodeName));
    case Target::Replica:
        return Tr::tr("replica %1").arg(qs(d.nodeName));
    case Target::All:
        return Tr::tr("all backends");
    }
    return {};
}

// ---- Markdown -------------------------------------------------------------------------------

QString explanationMarkdown(const ExplanationInput &in)
{
    QString out;
    const auto line = [&out](const QString &s = {}) { out += s + QLatin1Char('\n'); };
    const PreviewSettings &st = in.settings;
    line(Tr::tr("# Routing preview: %1")
             .arg(in.clusterName.isEmpty() ? Tr::tr("where these statements go") : in.clusterName));
    line();
    line(Tr::tr("Generated by Switchyard on %1 with the routing library applications embed "
                "(`switchyard::routing`).")
             .arg(QDateTime::fromMSecsSinceEpoch(in.generatedAtMs ? in.generatedAtMs
                                                                  : QDateTime::currentMSecsSinceEpoch())
                      .toString(Qt::ISODate)));
    line();
    if (!in.whatIf.empty()) {
        line(Tr::tr("> **Hypothetical.** These answers assume changes that were not made to the cluster: %1.")
                 .arg(in.whatIf.describe().join(QStringLiteral("; "))));
        line();
    }
    line(Tr::tr("## Settings"));
    line();
    line(Tr::tr("- Topology: %1").arg(in.topologySource));
    line(Tr::tr("- Dialect: %1%2")
             .arg(dialectTitle(st.dialect), st.serverVersion
                                                ? Tr::tr(" (server %1)").arg(qs(st.serverVersion->toString()))
                                                : QString()));
    line(Tr::tr("- Policy: %1").arg(inlineCode(qs(policyName(st.policy)))));
    line(Tr::tr("- Consistency: %1").arg(inlineCode(qs(st.consistency.toString()))));
    line(
        Tr::tr("- Lag threshold: %1")
            .arg(st.lagHighSeconds
                     ? Tr::tr("replicas leave the read pool over %1 (3 samples), return under %2 (2 samples)")
                           .arg(formatLag(*st.lagHighSeconds), formatLag(*st.lagHighSeconds / 2))
                     : Tr::tr("off")));
    if (st.primaryAcceptsReads)
        line(Tr::tr("- The primary takes reads too"));
    line();

    line(Tr::tr("## Topology"));
    line();
    line(Tr::tr("| Node | Role | Health | Lag | Weight | Position |"));
    line(QStringLiteral("|---|---|---|---|---|---|"));
    for (const NodeView &n : in.outcome.topology.topology.nodes) {
        line(QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |")
                 .arg(tableCell(md(n.name)), qs(nodeRoleName(n.role)), qs(nodeHealthName(n.health)),
                      n.role == NodeRole::Primary
                          ? QStringLiteral("—")
                          : (n.lagSeconds ? formatLag(*n.lagSeconds) : Tr::tr("unknown")),
                      QString::number(n.weight),
                      n.position.empty() ? QStringLiteral("—") : inlineCode(qs(n.position.toString()))));
    }
    line();

    const bool hasContext =
        std::any_of(in.outcome.rows.begin(), in.outcome.rows.end(),
                    [](const PreviewRow &r) { return r.origin != PreviewRow::Origin::Statement; });
    if (hasContext || !in.context.autocommit) {
        line(Tr::tr("## Session before the statements"));
        line();
        line(Tr::tr("- autocommit %1").arg(in.context.autocommit ? Tr::tr("on") : Tr::tr("off")));
        for (const PreviewRow &r : in.outcome.rows) {
            switch (r.origin) {
            case PreviewRow::Origin::Statement:
                continue;
            case PreviewRow::Origin::Earlier:
                line(Tr::tr("- ran %1 → %2").arg(inlineCode(md(r.sql)), targetText(r.decision)));
                break;
            case PreviewRow::Origin::LastWrite:
                line(Tr::tr("- the session's last write (%1) → %2")
                         .arg(inlineCode(md(r.sql)), targetText(r.decision)));
                break;
            case PreviewRow::Origin::Transaction:
                line(Tr::tr("- a transaction is open: %1 → %2")
                         .arg(inlineCode(md(r.sql)), targetText(r.decision)));
                break;
            }
        }
        if (in.context.wrote)
            line(Tr::tr("- last write reported at %1; the statements come %2 ms later")
                     .arg(in.context.writePosition.empty() ? Tr::tr("no position (not reported)")
                                                           : inlineCode(md(in.context.writePosition)))
                     .arg(in.context.msSinceContext));
        line();
    }
    if (!in.outcome.problem.isEmpty()) {
        line(Tr::tr("> %1").arg(in.outcome.problem));
        line();
    }

    line(Tr::tr("## Statements"));
    line();
    int index = 0;
    for (const PreviewRow &r : in.outcome.rows) {
        if (r.origin != PreviewRow::Origin::Statement)
            continue;
        ++index;
        line(Tr::tr("### %1. %2 → %3").arg(index).arg(qs(r.decision.kindName()), targetText(r.decision)));
        line();
        out += codeBlock(md(r.sql), QStringLiteral("sql"));
        line();
        if (primaryUnavailable(r.decision)) {
            line(Tr::tr(
                "**This statement would fail:** the primary is not available, and the router never sends it "
                "anywhere else."));
            line();
        }
        line(Tr::tr("Reasons, in the order the router weighed them:"));
        line();
        int n = 0;
        for (const std::string &why : r.decision.explain())
            line(QStringLiteral("%1. %2").arg(++n).arg(md(why)));
        line();
        const auto excluded = exclusionsOf(r.decision);
        if (!excluded.empty()) {
            line(Tr::tr("Replicas left out:"));
            line();
            for (const Exclusion &e : excluded)
                line(QStringLiteral("- **%1**: %2").arg(md(e.node), md(e.why)));
            line();
        }
        line(Tr::tr("Session afterwards: %1").arg(describeSessionState(r.after)));
        line();
    }
    if (!in.verification.isEmpty()) {
        line(Tr::tr("## Verification on the replica"));
        line();
        line(in.verification);
        line();
    }

    // How to reproduce it with the CLI: the same router, the same topology.
    line(Tr::tr("## Reproduce"));
    line();
    line(Tr::tr("Save the topology below as `topology.json` and run:"));
    line();
    QString input;
    for (const PreviewRow &r : in.outcome.rows) {
        QJsonObject o;
        o.insert(QStringLiteral("session"), 1);
        o.insert(QStringLiteral("sql"), md(r.sql));
        // The preview's fixed clock: the context at 1 h, the statements after the chosen gap.
        o.insert(QStringLiteral("at_ms"),
                 static_cast<double>(3'600'000 + (r.origin == PreviewRow::Origin::Statement
                                                      ? std::max<std::int64_t>(0, in.context.msSinceContext)
                                                      : 0)));
        if (r.origin == PreviewRow::Origin::LastWrite && !in.context.writePosition.empty() &&
            r.sql != "COMMIT")
            o.insert(QStringLiteral("position"), md(in.context.writePosition));
        input += QString::fromUtf8(compactJson(o)) + QLatin1Char('\n');
    }
    QStringList args = st.cliArguments();
    args << QStringLiteral("--topology") << QStringLiteral("topology.json");
    QString command = QStringLiteral("switchyard-cli ") + args.join(QLatin1Char(' ')) +
                      QStringLiteral(" <<'EOF'\n") + input + QStringLiteral("EOF");
    if (!in.context.autocommit)
        command = Tr::tr("# the session starts with autocommit off: add {\"session\":1,\"sql\":\"SET "
                         "autocommit=0\"} first\n") +
                  command;
    out += codeBlock(command, QStringLiteral("sh"));
    line();
    out += codeBlock(
        QString::fromUtf8(topologyToJson(in.outcome.topology).toJson(QJsonDocument::Indented)).trimmed(),
        QStringLiteral("json"));
    return out;
}

} // namespace switchyard::ui
