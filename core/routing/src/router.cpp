#include "switchyard/routing/router.h"

#include <algorithm>

namespace switchyard::routing {
namespace {

bool hasName(const std::vector<std::string> &names, std::string_view name)
{
    for (const std::string &n : names)
        if (equalsIgnoreCase(n, name))
            return true;
    return false;
}

// Statements that may have changed data on the primary (for session windows and
// read-your-writes).
bool mayWrite(const StatementInfo &st)
{
    if (st.requirement != Requirement::Primary)
        return false;
    switch (st.kind) {
    case StatementKind::Write:
    case StatementKind::Ddl:
    case StatementKind::Call:
    case StatementKind::Maintenance:
    case StatementKind::Unknown:
        return true;
    default:
        break;
    }
    return (st.flags & (FlagWrites | FlagDataModifyingCte | FlagSelectInto | FlagIntoFile | FlagUnknownFunction
                        | FlagSequence | FlagCall | FlagCreatesTemp))
           != 0;
}

// Two readings of the same packet (versioned comments run / not run) lead to the same place.
bool sameVerdict(const PacketInfo &a, const PacketInfo &b)
{
    if (b.statements.empty() || a.statements.empty())
        return true; // one reading is only a comment: the other one stands
    if (a.statements.size() != b.statements.size())
        return false;
    for (std::size_t i = 0; i < a.statements.size(); ++i) {
        const StatementInfo &x = a.statements[i];
        const StatementInfo &y = b.statements[i];
        if (x.requirement != y.requirement || x.command != y.command
            || (x.flags & kPrimaryFlags) != (y.flags & kPrimaryFlags))
            return false;
    }
    return true;
}

TxAccess effectiveAccess(const Session &s, const StatementInfo &st, bool nextPending, TxAccess nextAccess)
{
    if (st.tx.access != TxAccess::Default)
        return st.tx.access;
    if (nextPending && nextAccess != TxAccess::Default)
        return nextAccess;
    return s.sessionAccess();
}

Isolation effectiveIsolation(const Session &s, const StatementInfo &st, bool nextPending, Isolation nextIsolation)
{
    if (st.tx.isolation != Isolation::Default)
        return st.tx.isolation;
    if (nextPending && nextIsolation != Isolation::Default)
        return nextIsolation;
    return s.sessionIsolation();
}

// "#<id>": the name a protocol-level prepared statement has among the text ones.
void protocolName(std::string &out, std::uint32_t id)
{
    out.assign(1, '#');
    out.append(std::to_string(id));
}

} // namespace

class Router::Now
{
public:
    Now() = default;
    explicit Now(Clock::time_point t) : m_time(t) {}
    Clock::time_point get()
    {
        if (!m_time)
            m_time = Clock::now();
        return *m_time;
    }

private:
    std::optional<Clock::time_point> m_time;
};

Router::Router(RouterConfig config)
    : m_config(std::move(config)), m_classifier(m_config.dialect, m_config.functions),
      m_balancer(m_config.policy, m_config.seed)
{
    if (m_config.serverVersion)
        m_serverVersion = m_config.serverVersion->number();
    m_balancer.setDefaultResponseTimeMs(m_config.defaultResponseTimeMs);
    m_balancer.setEwmaAlpha(m_config.ewmaAlpha);
    m_candidates.reserve(16);
}

void Router::setTopology(TopologyView topology)
{
    std::vector<int> oldIndex(topology.nodes.size(), -1);
    std::vector<LagHysteresis> lag(topology.nodes.size());
    for (std::size_t i = 0; i < topology.nodes.size(); ++i) {
        oldIndex[i] = m_topology.indexOf(topology.nodes[i].name);
        if (oldIndex[i] >= 0 && static_cast<std::size_t>(oldIndex[i]) < m_lag.size())
            lag[i] = m_lag[static_cast<std::size_t>(oldIndex[i])];
    }
    m_balancer.remap(oldIndex);
    const bool newSample = topology.generation == 0 || !m_haveGeneration || topology.generation != m_lastGeneration;
    if (newSample) {
        for (std::size_t i = 0; i < topology.nodes.size(); ++i) {
            const NodeView &n = topology.nodes[i];
            if (n.role != NodeRole::Replica)
                continue;
            if (lag[i].sample(m_config.lag, n.lagSeconds) == LagHysteresis::Transition::Returned)
                m_balancer.slowStart(static_cast<int>(i));
        }
    }
    m_haveGeneration = true;
    m_lastGeneration = topology.generation;
    m_lag = std::move(lag);
    m_topology = std::move(topology);
}

bool Router::inLagPool(int node) const
{
    if (node < 0 || static_cast<std::size_t>(node) >= m_lag.size())
        return false;
    return !m_config.lag.enabled() || m_lag[static_cast<std::size_t>(node)].inPool();
}

const LagHysteresis *Router::lagState(int node) const
{
    if (node < 0 || static_cast<std::size_t>(node) >= m_lag.size())
        return nullptr;
    return &m_lag[static_cast<std::size_t>(node)];
}

void Router::recordResponseTime(std::string_view node, std::chrono::nanoseconds elapsed)
{
    const int idx = m_topology.indexOf(node);
    if (idx >= 0)
        m_balancer.recordResponseTime(idx, static_cast<double>(elapsed.count()) / 1e6);
}

// ---- the entry points ------------------------------------------------------------------------

const RouteDecision &Router::route(Session &s, std::string_view sql, Clock::time_point now)
{
    Now n(now);
    return routeAt(s, sql, n);
}

const RouteDecision &Router::route(Session &s, std::string_view sql)
{
    Now n;
    return routeAt(s, sql, n);
}

const RouteDecision &Router::routeAt(Session &s, std::string_view sql, Now &now)
{
    RouteDecision &d = s.m_decision;
    d.clear();
    const LexOptions lo = s.lexOptions(m_serverVersion);
    PacketInfo &p = m_packet;
    m_classifier.classify(sql, lo, p);

    bool uncertain = false;
    const bool mysql = isMySqlFamily(m_config.dialect);
    if (mysql && (p.lexFlags & LexVersionedComment) && m_serverVersion == 0) {
        // Unknown server version: the executable comments count as run (the session state
        // follows that reading), but if not running them changes the verdict, be careful.
        LexOptions alt = lo;
        alt.versioned = VersionedComments::ExecuteNone;
        m_classifier.classify(sql, alt, m_packetAlt);
        if (!sameVerdict(p, m_packetAlt)) {
            uncertain = true;
            d.addReason(ReasonCode::VersionDependent);
        }
    }
    if (p.lexFlags & LexBackslashInString) {
        if (mysql && !s.m_sqlModeKnown) {
            uncertain = true;
            d.addReason(ReasonCode::SqlModeUnknown);
        } else if (!mysql && !s.m_scsKnown) {
            uncertain = true;
            d.addReason(ReasonCode::StandardConformingStringsUnknown);
        }
    }
    if (s.m_unsafeCharset && (p.lexFlags & LexHighByteBackslash)) {
        uncertain = true;
        d.addReason(ReasonCode::CharsetUnsafe);
    }
    if (p.statements.size() > 1) {
        // The server lexes each statement with the settings the previous ones left behind; this
        // packet was lexed with the settings from before it.
        for (std::size_t i = 0; i + 1 < p.statements.size() && !uncertain; ++i) {
            const StatementInfo &st = p.statements[i];
            for (std::uint32_t e = 0; e < st.effectCount; ++e) {
                if (s.effectChangesLexing(p.effects[st.firstEffect + e])) {
                    uncertain = true;
                    d.addReason(ReasonCode::LexingChangesMidPacket);
                    break;
                }
            }
        }
    }
    m_executeResolved = false;
    decide(s, p, uncertain, now, d);
    applyEffects(s, p, d, now);
    if (m_executeResolved) {
        m_executeResolved = false;
        applyEffects(s, m_packetInner, d, now);
    }
    finish(s, d);
    return d;
}

const RouteDecision &Router::routeProtocolPrepare(Session &s, std::uint32_t statementId, std::string_view sql,
                                                  Clock::time_point)
{
    RouteDecision &d = s.m_decision;
    d.clear();
    protocolName(s.m_protocolName, statementId);
    d.kind = StatementKind::Prepare;
    d.command = Command::Prepare;
    d.requirement = Requirement::All;
    d.statementCount = 1;
    d.addReason(ReasonCode::PrepareStatement, s.m_protocolName);
    d.target = Target::All;
    SessionEffect e{EffectKind::Prepare, 1, s.m_protocolName, sql};
    s.applyEffect(e, Target::All, {});
    finish(s, d);
    return d;
}

const RouteDecision &Router::routeProtocolExecute(Session &s, std::uint32_t statementId, Clock::time_point time)
{
    Now now(time);
    RouteDecision &d = s.m_decision;
    d.clear();
    protocolName(s.m_protocolName, statementId);
    PacketInfo &p = m_packet;
    p.clear();
    StatementInfo st;
    st.kind = StatementKind::Execute;
    st.command = Command::Execute;
    st.requirement = Requirement::Execute;
    st.object = s.m_protocolName;
    p.statements.push_back(st);
    m_executeResolved = false;
    decide(s, p, false, now, d);
    applyEffects(s, p, d, now);
    if (m_executeResolved) {
        m_executeResolved = false;
        applyEffects(s, m_packetInner, d, now);
    }
    finish(s, d);
    return d;
}

const RouteDecision &Router::routeProtocolClose(Session &s, std::uint32_t statementId, Clock::time_point)
{
    RouteDecision &d = s.m_decision;
    d.clear();
    protocolName(s.m_protocolName, statementId);
    d.kind = StatementKind::Deallocate;
    d.command = Command::Deallocate;
    d.requirement = Requirement::All;
    d.statementCount = 1;
    d.addReason(ReasonCode::DeallocateStatement, s.m_protocolName);
    d.target = Target::All;
    SessionEffect e{EffectKind::Deallocate, 0, s.m_protocolName, {}};
    s.applyEffect(e, Target::All, {});
    return d;
}

// ---- deciding --------------------------------------------------------------------------------

void Router::decide(Session &s, const PacketInfo &p, bool uncertain, Now &now, RouteDecision &d)
{
    m_packetTokens = &p.tokens;
    d.statementCount = static_cast<std::uint32_t>(p.statements.size());
    if (p.statements.empty()) {
        d.kind = StatementKind::Empty;
        d.addReason(ReasonCode::EmptyStatement);
        toPrimary(d);
        return;
    }
    for (const StatementInfo &st : p.statements)
        d.flags |= st.flags;
    const StatementInfo &first = p.statements.front();
    d.kind = first.kind;
    d.command = first.command;
    d.requirement = first.requirement;
    if (p.hint.kind == HintKind::Invalid)
        d.addReason(ReasonCode::HintInvalid, p.hint.text);
    if (uncertain) {
        explainStatement(first, d);
        toPrimary(d);
        if (s.m_inTransaction && !s.m_txNode.empty()) {
            d.breaksTransaction = true;
            d.addReason(ReasonCode::BreaksTransaction, s.m_txNode);
        }
        return;
    }
    if (p.statements.size() == 1) {
        decideStatement(s, first, p.hint, now, d, 0);
        return;
    }
    bool allRead = true;
    bool allSession = true;
    const StatementInfo *firstOther = nullptr;
    for (const StatementInfo &st : p.statements) {
        if (st.requirement != Requirement::Read)
            allRead = false;
        if (st.requirement != Requirement::All)
            allSession = false;
        if (!firstOther && st.requirement != Requirement::Read)
            firstOther = &st;
    }
    if (allSession) {
        d.addReason(ReasonCode::MultiStatementSession).count = d.statementCount;
        if (p.hint.kind == HintKind::Primary) {
            d.addReason(ReasonCode::HintPrimary);
            toPrimary(d);
        } else {
            d.target = Target::All;
        }
        return;
    }
    if (allRead) {
        d.addReason(ReasonCode::MultiStatementReads).count = d.statementCount;
        StatementInfo merged = first;
        merged.flags = d.flags;
        merged.text = {};
        decideRead(s, merged, p.hint, now, d, p.tokens);
        return;
    }
    d.addReason(ReasonCode::MultiStatement).count = d.statementCount;
    if (firstOther)
        explainStatement(*firstOther, d);
    toPrimary(d);
    if (s.m_inTransaction && !s.m_txNode.empty()) {
        d.breaksTransaction = true;
        d.addReason(ReasonCode::BreaksTransaction, s.m_txNode);
    }
}

void Router::decideStatement(Session &s, const StatementInfo &st, const Hint &hint, Now &now,
                             RouteDecision &d, int depth)
{
    switch (st.requirement) {
    case Requirement::Primary:
        explainStatement(st, d);
        if (hint.kind == HintKind::Replica || hint.kind == HintKind::Node) {
            // A node hint naming the primary is no conflict.
            const int idx = hint.kind == HintKind::Node ? m_topology.indexOf(hint.node) : -1;
            if (idx < 0 || m_topology.nodes[static_cast<std::size_t>(idx)].role != NodeRole::Primary)
                d.addReason(ReasonCode::HintIgnoredUnsafe);
        } else if (hint.kind == HintKind::Primary) {
            d.addReason(ReasonCode::HintPrimary);
        }
        toPrimary(d);
        if (s.m_inTransaction && !s.m_txNode.empty()) {
            d.breaksTransaction = true;
            d.addReason(ReasonCode::BreaksTransaction, s.m_txNode);
        }
        return;
    case Requirement::ServerSpecific: {
        explainStatement(st, d);
        const int idx = hint.kind == HintKind::Node ? m_topology.indexOf(hint.node) : -1;
        if (idx >= 0 && m_topology.nodes[static_cast<std::size_t>(idx)].health == NodeHealth::Up) {
            d.addReason(ReasonCode::HintNode, hint.node);
            if (m_topology.nodes[static_cast<std::size_t>(idx)].role == NodeRole::Primary)
                toPrimary(d);
            else
                toReplica(d, idx);
            return;
        }
        if (hint.kind == HintKind::Node)
            d.addReason(idx < 0 ? ReasonCode::HintNodeUnknown : ReasonCode::HintNodeUnavailable, hint.node);
        toPrimary(d);
        return;
    }
    case Requirement::All:
        explainStatement(st, d);
        if (hint.kind == HintKind::Primary) {
            d.addReason(ReasonCode::HintPrimary);
            toPrimary(d);
            return;
        }
        if (hint.kind == HintKind::Replica || hint.kind == HintKind::Node)
            d.addReason(ReasonCode::HintIgnoredSession);
        d.target = Target::All;
        d.node = -1;
        d.nodeName.clear();
        return;
    case Requirement::Transaction:
        decideTransaction(s, st, hint, now, d);
        return;
    case Requirement::Execute:
        decideExecute(s, st, hint, now, d, depth);
        return;
    case Requirement::Cursor:
        decideCursor(s, st, d);
        return;
    case Requirement::Read:
    case Requirement::ReadPrevious:
        explainStatement(st, d);
        decideRead(s, st, hint, now, d, *m_packetTokens);
        return;
    }
}

void Router::explainStatement(const StatementInfo &st, RouteDecision &d)
{
    auto textOr = [](std::string_view a, std::string_view b) { return a.empty() ? b : a; };
    if (st.flags & FlagUnterminated) {
        d.addReason(ReasonCode::Unterminated);
        return;
    }
    switch (st.requirement) {
    case Requirement::Read:
    case Requirement::ReadPrevious:
        d.addStaticReason(ReasonCode::ReadStatement, commandName(st.command));
        return;
    case Requirement::All:
        if (st.flags & FlagSessionSetter)
            d.addReason(ReasonCode::SessionSetterFunction, textOr(st.function, "set_config"));
        else if (st.command == Command::Prepare)
            d.addReason(ReasonCode::PrepareStatement, st.object);
        else if (st.command == Command::Deallocate)
            d.addReason(ReasonCode::DeallocateStatement, st.object);
        else
            d.addStaticReason(ReasonCode::SessionCommand, commandName(st.command));
        return;
    case Requirement::Transaction:
    case Requirement::Execute:
    case Requirement::Cursor:
        return;
    case Requirement::Primary:
    case Requirement::ServerSpecific:
        break;
    }
    // Why the primary: the statement's own nature first, then each flag that forbids a replica.
    switch (st.kind) {
    case StatementKind::Write:
        if ((st.flags & FlagDataModifyingCte) && !(st.flags & FlagWrites))
            break;
        if (st.flags & (FlagSelectInto | FlagIntoFile))
            break;
        d.addReason(ReasonCode::WriteStatement, textOr(st.detail, commandName(st.command)));
        break;
    case StatementKind::Ddl:
        d.addReason(ReasonCode::DdlStatement, textOr(st.detail, commandName(st.command)));
        break;
    case StatementKind::Call:
        d.addReason(ReasonCode::CallStatement, textOr(st.detail, "CALL"));
        break;
    case StatementKind::Admin:
        if (st.flags & FlagGlobalScope)
            d.addReason(ReasonCode::GlobalVariable);
        else
            d.addReason(ReasonCode::AdminStatement, textOr(st.detail, commandName(st.command)));
        break;
    case StatementKind::Maintenance:
        d.addReason(ReasonCode::MaintenanceStatement, textOr(st.detail, commandName(st.command)));
        break;
    case StatementKind::Unknown:
        d.addReason(ReasonCode::UnknownStatement, textOr(st.detail, "?"));
        break;
    case StatementKind::Lock:
    case StatementKind::Cursor:
    case StatementKind::Transaction:
        d.addReason(ReasonCode::StatefulStatement, textOr(st.detail, commandName(st.command)));
        break;
    case StatementKind::Notify:
        d.addReason(ReasonCode::NotifyStatement, textOr(st.detail, commandName(st.command)));
        break;
    case StatementKind::Execute:
    case StatementKind::Prepare:
    case StatementKind::Deallocate:
    case StatementKind::Session:
    case StatementKind::Read:
    case StatementKind::Empty:
        break;
    }
    const std::uint64_t f = st.flags;
    if (f & FlagExecutesInner)
        d.addReason(ReasonCode::ExecutesInner, st.command == Command::Explain ? "EXPLAIN ANALYZE" : "ANALYZE");
    if (f & FlagLockingRead)
        d.addReason(ReasonCode::LockingRead, textOr(st.detail, "FOR UPDATE"));
    if (f & FlagDataModifyingCte)
        d.addReason(ReasonCode::DataModifyingCte, textOr(st.detail, "DML"));
    if (f & (FlagSelectInto | FlagIntoFile))
        d.addReason(ReasonCode::SelectInto, (f & FlagIntoFile) ? "INTO OUTFILE/DUMPFILE" : "INTO");
    if (f & FlagUnknownFunction)
        d.addReason(ReasonCode::UnknownFunction, textOr(st.function, "?"));
    if (f & FlagSequence)
        d.addReason(ReasonCode::SequenceFunction, textOr(st.function, textOr(st.detail, "sequence")));
    if (f & FlagPrimaryOnly)
        d.addReason(ReasonCode::PrimaryOnlyValue, textOr(st.function, textOr(st.detail, "value")));
    if (f & (FlagNamedLock | FlagNamedLockXact | FlagNamedUnlock | FlagNamedUnlockAll))
        d.addReason(ReasonCode::NamedLock, textOr(st.function, "lock"));
    if ((f & FlagNotify) && st.kind != StatementKind::Notify)
        d.addReason(ReasonCode::NotifyStatement, textOr(st.function, "pg_notify"));
    if (f & FlagServerSpecific)
        d.addReason(ReasonCode::ServerSpecific, textOr(st.function, textOr(st.detail, commandName(st.command))));
    if ((f & FlagUserVarAssign) && st.kind != StatementKind::Session && st.kind != StatementKind::Call)
        d.addReason(ReasonCode::UserVariableWrite, textOr(st.detail, "@variable"));
    if (f & FlagCreatesTemp)
        d.addReason(ReasonCode::CreatesTemporary, textOr(st.object, "table"));
    if (st.kind == StatementKind::Session && !(f & kPrimaryFlags))
        d.addReason(ReasonCode::SessionCommand, textOr(st.detail, commandName(st.command)));
}

void Router::decideRead(Session &s, const StatementInfo &st, const Hint &hint, Now &now,
                        RouteDecision &d, const std::vector<Token> &tokens)
{
    // Inside a READ ONLY transaction on a replica: stay there.
    if (s.m_inTransaction && !s.m_txNode.empty()) {
        if (referencesSessionObjects(s, tokens, d)) {
            toPrimary(d);
            d.breaksTransaction = true;
            d.addReason(ReasonCode::BreaksTransaction, s.m_txNode);
            return;
        }
        toTransactionNode(s, d);
        return;
    }
    if (sessionForcesPrimary(s, d) || referencesSessionObjects(s, tokens, d)) {
        toPrimary(d);
        return;
    }
    if (st.requirement == Requirement::ReadPrevious) {
        if (!s.m_hasPrevious || s.m_lastTarget != Target::Replica) {
            d.addReason(ReasonCode::PreviousPrimary);
            toPrimary(d);
            return;
        }
        const int idx = m_topology.indexOf(s.m_lastNode);
        if (idx >= 0 && m_topology.nodes[static_cast<std::size_t>(idx)].health == NodeHealth::Up) {
            d.addReason(ReasonCode::PreviousTarget, s.m_lastNode);
            toReplica(d, idx);
        } else {
            d.addReason(ReasonCode::PreviousGone, s.m_lastNode);
            toPrimary(d);
        }
        return;
    }
    chooseReplica(s, hint, now, d);
}

bool Router::sessionForcesPrimary(Session &s, RouteDecision &d)
{
    if (s.m_inTransaction) {
        d.addReason(ReasonCode::InTransactionPrimary);
        return true;
    }
    if (s.m_pins) {
        const std::uint32_t p = s.m_pins;
        if (p & PinLockTables)
            d.addReason(ReasonCode::PinnedLockTables);
        else if (p & PinNamedLock)
            d.addReason(ReasonCode::PinnedNamedLock);
        else if (p & PinBackupLock)
            d.addReason(ReasonCode::PinnedBackupLock);
        else if (p & PinDiverged)
            d.addReason(ReasonCode::PinnedDiverged);
        else if (p & PinCall)
            d.addReason(ReasonCode::PinnedCall);
        else
            d.addReason(ReasonCode::PinnedByApplication);
        return true;
    }
    if (isMySqlFamily(m_config.dialect) && !s.m_autocommit) {
        d.addReason(s.m_autocommitKnown ? ReasonCode::ImplicitTransaction : ReasonCode::AutocommitUnknown);
        return true;
    }
    if (s.m_sessionIsolation == Isolation::Serializable) {
        d.addReason(ReasonCode::Serializable);
        return true;
    }
    if (s.m_nextPending) {
        d.addReason(ReasonCode::NextTransactionPending);
        return true;
    }
    return false;
}

bool Router::referencesSessionObjects(Session &s, const std::vector<Token> &tokens, RouteDecision &d)
{
    if (s.m_tempTables.empty() && s.m_primaryOnlyVars.empty())
        return false;
    for (const Token &t : tokens) {
        if ((t.kind == TokenKind::Word || t.kind == TokenKind::QuotedIdent) && !s.m_tempTables.empty()) {
            const std::string_view name = t.kind == TokenKind::Word ? t.text : unquotedName(t);
            if (hasName(s.m_tempTables, name)) {
                d.addReason(ReasonCode::TemporaryTable, name);
                return true;
            }
        } else if (t.kind == TokenKind::Variable && !s.m_primaryOnlyVars.empty()) {
            if (hasName(s.m_primaryOnlyVars, unquotedName(t))) {
                d.addReason(ReasonCode::PrimaryOnlyVariable, t.text);
                return true;
            }
        }
    }
    return false;
}

bool Router::chooseReplica(Session &s, const Hint &hint, Now &now, RouteDecision &d)
{
    switch (hint.kind) {
    case HintKind::Primary:
        d.addReason(ReasonCode::HintPrimary);
        toPrimary(d);
        return true;
    case HintKind::Node: {
        const int idx = m_topology.indexOf(hint.node);
        if (idx < 0) {
            d.addReason(ReasonCode::HintNodeUnknown, hint.node);
            break;
        }
        const NodeView &n = m_topology.nodes[static_cast<std::size_t>(idx)];
        if (n.role == NodeRole::Primary) {
            d.addReason(ReasonCode::HintNode, hint.node);
            toPrimary(d);
            return true;
        }
        if (n.health == NodeHealth::Up) {
            d.addReason(ReasonCode::HintNode, hint.node);
            toReplica(d, idx);
            return true;
        }
        d.addReason(ReasonCode::HintNodeUnavailable, hint.node);
        break;
    }
    case HintKind::Replica:
        d.addReason(ReasonCode::HintReplica);
        if (!pickFromPool(nullptr, std::nullopt, d)) {
            d.addReason(ReasonCode::NoEligibleReplica);
            toPrimary(d);
        }
        return true;
    case HintKind::None:
    case HintKind::Invalid:
        break;
    }

    const Consistency c = s.m_consistency.value_or(m_config.consistency);
    const ReplicationPosition *floor = nullptr;
    std::optional<double> maxLag;
    switch (c.level) {
    case ConsistencyLevel::Strong:
        d.addReason(ReasonCode::ConsistencyStrong);
        toPrimary(d);
        return true;
    case ConsistencyLevel::SessionWindow:
        if (s.m_lastWriteTime) {
            const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(now.get() - *s.m_lastWriteTime);
            if (elapsed < c.window) {
                Reason &r = d.addReason(ReasonCode::SessionWindow);
                r.value = static_cast<double>(elapsed.count());
                r.limit = static_cast<double>(c.window.count());
                toPrimary(d);
                return true;
            }
        }
        break;
    case ConsistencyLevel::ReadYourWrites:
        if (s.m_writeSeq > 0) {
            if (!s.writePositionKnown()) {
                d.addReason(ReasonCode::ReadYourWritesUnknown);
                toPrimary(d);
                return true;
            }
            if (!s.m_lastWritePosition.empty()) {
                floor = &s.m_lastWritePosition;
                d.addReason(ReasonCode::ReadYourWrites, "the session's last write");
            }
        }
        break;
    case ConsistencyLevel::BoundedStaleness:
        maxLag = c.maxLagSeconds;
        d.addReason(ReasonCode::BoundedStaleness).limit = c.maxLagSeconds;
        break;
    case ConsistencyLevel::Eventual:
        break;
    }
    if (pickFromPool(floor, maxLag, d))
        return true;
    d.addReason(ReasonCode::NoEligibleReplica);
    toPrimary(d);
    return true;
}

bool Router::pickFromPool(const ReplicationPosition *floor, std::optional<double> maxLag, RouteDecision &d)
{
    m_candidates.clear();
    const std::size_t count = m_topology.nodes.size();
    for (std::size_t i = 0; i < count && i < 65535; ++i) {
        const NodeView &n = m_topology.nodes[i];
        if (n.role == NodeRole::Primary) {
            if (m_config.primaryAcceptsReads && n.health == NodeHealth::Up)
                m_candidates.push_back(static_cast<std::uint16_t>(i));
            continue;
        }
        switch (n.health) {
        case NodeHealth::Up:
            break;
        case NodeHealth::Down:
            d.addReason(ReasonCode::ExcludedDown, n.name);
            continue;
        case NodeHealth::Maintenance:
            d.addReason(ReasonCode::ExcludedMaintenance, n.name);
            continue;
        case NodeHealth::Unknown:
            d.addReason(ReasonCode::ExcludedHealthUnknown, n.name);
            continue;
        }
        if (n.weight == 0) {
            d.addReason(ReasonCode::ExcludedWeightZero, n.name);
            continue;
        }
        if (m_config.lag.enabled() && i < m_lag.size() && !m_lag[i].inPool()) {
            Reason &r = d.addReason(ReasonCode::ExcludedLag, n.name);
            r.value = n.lagSeconds ? *n.lagSeconds : -1.0;
            r.limit = *m_config.lag.highSeconds;
            r.count = m_lag[i].overCount();
            r.total = m_config.lag.leaveAfter;
            continue;
        }
        if (maxLag) {
            if (!n.lagSeconds) {
                Reason &r = d.addReason(ReasonCode::ExcludedLagUnknown, n.name);
                r.limit = *maxLag;
                continue;
            }
            if (*n.lagSeconds > *maxLag) {
                Reason &r = d.addReason(ReasonCode::ExcludedLagOverBound, n.name);
                r.value = *n.lagSeconds;
                r.limit = *maxLag;
                continue;
            }
        }
        if (floor && !n.position.contains(*floor)) {
            d.addReason(ReasonCode::ExcludedBehindWrite, n.name);
            continue;
        }
        m_candidates.push_back(static_cast<std::uint16_t>(i));
    }
    if (m_candidates.empty())
        return false;
    const int idx = m_balancer.pick(m_candidates, m_topology);
    Reason &r = d.addReason(ReasonCode::Picked, m_topology.nodes[static_cast<std::size_t>(idx)].name);
    r.second = policyName(m_config.policy);
    r.count = static_cast<std::uint32_t>(m_candidates.size());
    if (m_topology.nodes[static_cast<std::size_t>(idx)].role == NodeRole::Primary)
        toPrimary(d);
    else
        toReplica(d, idx);
    return true;
}

void Router::toPrimary(RouteDecision &d)
{
    d.target = Target::Primary;
    const int idx = m_topology.primaryIndex();
    d.node = idx;
    if (idx < 0) {
        d.nodeName.clear();
        d.addReason(ReasonCode::NoPrimary);
        return;
    }
    const NodeView &n = m_topology.nodes[static_cast<std::size_t>(idx)];
    d.nodeName = n.name;
    if (n.health != NodeHealth::Up)
        d.addReason(ReasonCode::PrimaryNotUp, n.name);
}

void Router::toReplica(RouteDecision &d, int node)
{
    d.target = Target::Replica;
    d.node = node;
    d.nodeName = m_topology.nodes[static_cast<std::size_t>(node)].name;
}

void Router::toTransactionNode(Session &s, RouteDecision &d)
{
    if (s.m_txNode.empty()) {
        toPrimary(d);
        return;
    }
    const int idx = m_topology.indexOf(s.m_txNode);
    if (idx >= 0 && m_topology.nodes[static_cast<std::size_t>(idx)].health == NodeHealth::Up
        && m_topology.nodes[static_cast<std::size_t>(idx)].role == NodeRole::Replica) {
        d.addReason(ReasonCode::InTransactionReplica, s.m_txNode);
        toReplica(d, idx);
        return;
    }
    d.addReason(ReasonCode::TransactionNodeGone, s.m_txNode);
    d.breaksTransaction = true;
    toPrimary(d);
}

void Router::decideTransaction(Session &s, const StatementInfo &st, const Hint &hint, Now &now,
                               RouteDecision &d)
{
    const bool mysql = isMySqlFamily(m_config.dialect);
    if (st.flags & FlagStartsTransaction) {
        if (!mysql && s.m_inTransaction) {
            d.addReason(ReasonCode::BeginInTransaction);
            toTransactionNode(s, d);
            return;
        }
        const TxAccess access = effectiveAccess(s, st, s.m_nextPending, s.m_nextAccess);
        const Isolation isolation = effectiveIsolation(s, st, s.m_nextPending, s.m_nextIsolation);
        if (s.m_nextPending) {
            d.addReason(access == TxAccess::ReadOnly ? ReasonCode::BeginReadOnly : ReasonCode::BeginReadWrite);
            d.addReason(ReasonCode::NextTransactionPending);
            toPrimary(d);
            return;
        }
        if (access != TxAccess::ReadOnly) {
            d.addReason(ReasonCode::BeginReadWrite);
            toPrimary(d);
            return;
        }
        d.addReason(ReasonCode::BeginReadOnly);
        if (isolation == Isolation::Serializable) {
            d.addReason(ReasonCode::Serializable);
            toPrimary(d);
            return;
        }
        if (s.m_pins) {
            sessionForcesPrimary(s, d);
            toPrimary(d);
            return;
        }
        if (mysql && s.m_inTransaction && s.m_txNode.empty()) {
            // Implicitly commits the open transaction on the primary first; fine either way.
        }
        if (!s.m_tempTables.empty() || !s.m_primaryOnlyVars.empty()) {
            d.addReason(ReasonCode::SessionStateOnPrimary);
            toPrimary(d);
            return;
        }
        chooseReplica(s, hint, now, d);
        return;
    }
    if (st.flags & (FlagCommitsTransaction | FlagRollsBackTransaction)) {
        if (!s.m_inTransaction) {
            d.addReason(ReasonCode::NoOpenTransaction);
            toPrimary(d);
            return;
        }
        if (s.m_txNode.empty()) {
            d.addReason(ReasonCode::TransactionEnd);
            toPrimary(d);
            return;
        }
        const int idx = m_topology.indexOf(s.m_txNode);
        if (idx >= 0 && m_topology.nodes[static_cast<std::size_t>(idx)].role == NodeRole::Replica) {
            d.addReason(ReasonCode::TransactionEnd, s.m_txNode);
            toReplica(d, idx);
        } else {
            d.addReason(ReasonCode::TransactionNodeGone, s.m_txNode);
            toPrimary(d);
        }
        return;
    }
    // Savepoints, SET TRANSACTION (PostgreSQL), SET CONSTRAINTS, weak LOCK: part of the
    // open transaction.
    if (!s.m_inTransaction) {
        d.addReason(ReasonCode::NoOpenTransaction);
        toPrimary(d);
        return;
    }
    d.addReason(ReasonCode::TransactionScoped, s.m_txNode);
    if (s.m_txNode.empty())
        toPrimary(d);
    else
        toTransactionNode(s, d);
}

void Router::decideExecute(Session &s, const StatementInfo &st, const Hint &hint, Now &now,
                           RouteDecision &d, int depth)
{
    const Session::Prepared *prepared = s.findPrepared(st.object);
    if (!prepared || !prepared->known || depth > 0) {
        d.addReason(ReasonCode::ExecuteUnknown, st.object);
        toPrimary(d);
        return;
    }
    if (prepared->primaryOnly) {
        d.addReason(ReasonCode::ExecutePrimaryOnly, st.object);
        toPrimary(d);
        return;
    }
    d.addReason(ReasonCode::ExecuteInherits, st.object);
    LexOptions lo = s.lexOptions(m_serverVersion);
    lo.backslashEscapes = prepared->backslashEscapes;
    lo.ansiQuotes = prepared->ansiQuotes;
    m_classifier.classify(prepared->body, lo, m_packetInner);
    const PacketInfo &in = m_packetInner;
    if (in.statements.size() != 1) {
        d.addReason(ReasonCode::MultiStatement).count = static_cast<std::uint32_t>(in.statements.size());
        toPrimary(d);
        return;
    }
    m_executeResolved = true;
    StatementInfo inner = in.statements.front();
    inner.flags |= st.flags & kPrimaryFlags;
    d.flags |= inner.flags;
    if ((inner.requirement == Requirement::Read || inner.requirement == Requirement::ReadPrevious)
        && referencesSessionObjects(s, *m_packetTokens, d)) {
        toPrimary(d);
        return;
    }
    switch (inner.requirement) {
    case Requirement::Read:
    case Requirement::ReadPrevious:
        explainStatement(inner, d);
        decideRead(s, inner, hint, now, d, in.tokens);
        return;
    case Requirement::All:
        explainStatement(inner, d);
        d.target = Target::All;
        d.node = -1;
        d.nodeName.clear();
        return;
    case Requirement::Transaction:
        decideTransaction(s, inner, hint, now, d);
        return;
    case Requirement::Primary:
    case Requirement::ServerSpecific:
    case Requirement::Execute:
    case Requirement::Cursor:
        explainStatement(inner, d);
        toPrimary(d);
        if (s.m_inTransaction && !s.m_txNode.empty()) {
            d.breaksTransaction = true;
            d.addReason(ReasonCode::BreaksTransaction, s.m_txNode);
        }
        return;
    }
}

void Router::decideCursor(Session &s, const StatementInfo &st, RouteDecision &d)
{
    if (st.command == Command::Declare || st.object.empty()) {
        if (!s.m_inTransaction) {
            d.addReason(ReasonCode::NoOpenTransaction);
            toPrimary(d);
            return;
        }
        d.addReason(ReasonCode::DeclareInTransaction);
        toTransactionNode(s, d);
        return;
    }
    const Session::Cursor *c = s.findCursor(st.object);
    if (!c) {
        d.addReason(ReasonCode::CursorUnknown, st.object);
        if (s.m_inTransaction)
            toTransactionNode(s, d);
        else
            toPrimary(d);
        return;
    }
    Reason &r = d.addReason(ReasonCode::CursorNode, st.object);
    if (c->node.empty()) {
        toPrimary(d);
        return;
    }
    const int idx = m_topology.indexOf(c->node);
    if (idx >= 0 && m_topology.nodes[static_cast<std::size_t>(idx)].health == NodeHealth::Up) {
        r.second = m_topology.nodes[static_cast<std::size_t>(idx)].name;
        toReplica(d, idx);
        return;
    }
    d.addReason(ReasonCode::TransactionNodeGone, c->node);
    d.breaksTransaction = true;
    toPrimary(d);
}

// ---- after the decision: session state ------------------------------------------------------

void Router::applyEffects(Session &s, const PacketInfo &p, RouteDecision &d, Now &now)
{
    const bool mysql = isMySqlFamily(m_config.dialect);
    const bool single = p.statements.size() == 1;
    auto commitOpen = [&](bool commit) {
        if (commit && s.m_txHasWritten)
            s.m_lastWriteTime = now.get();
        s.endTransaction();
    };
    for (const StatementInfo &st : p.statements) {
        // MySQL ends the open transaction before DDL, LOCK TABLES, BEGIN and friends.
        if (mysql && (st.flags & FlagImplicitCommit) && s.m_inTransaction)
            commitOpen(true);
        if (st.flags & FlagStartsTransaction) {
            if (mysql || !s.m_inTransaction) {
                const TxAccess access = effectiveAccess(s, st, s.m_nextPending, s.m_nextAccess);
                const Isolation isolation = effectiveIsolation(s, st, s.m_nextPending, s.m_nextIsolation);
                std::string node;
                if (single && d.target == Target::Replica)
                    node = d.nodeName;
                s.openTransaction(access == TxAccess::ReadOnly, isolation, std::move(node));
                s.m_nextPending = false;
                s.m_nextAccess = TxAccess::Default;
                s.m_nextIsolation = Isolation::Default;
                if (mysql)
                    s.m_pins &= ~PinLockTables; // starting a transaction releases table locks
            }
        } else if (st.flags & (FlagCommitsTransaction | FlagRollsBackTransaction)) {
            const bool commit = (st.flags & FlagCommitsTransaction) != 0;
            if (s.m_inTransaction) {
                if (st.flags & FlagChain) {
                    if (commit && s.m_txHasWritten)
                        s.m_lastWriteTime = now.get();
                    s.m_txHasWritten = false;
                } else {
                    commitOpen(commit);
                }
            }
        }
        if (d.target == Target::Primary && mayWrite(st))
            s.noteWrite(now.get());
        if (st.flags & FlagPinsSession)
            s.m_pins |= (st.command == Command::Backup || st.detail.starts_with("LOCK INSTANCE")) ? PinBackupLock
                                                                                                 : PinLockTables;
        if (st.flags & FlagUnpinsSession) {
            if (st.command == Command::Backup || st.detail == "UNLOCK INSTANCE")
                s.m_pins &= ~PinBackupLock;
            else
                s.m_pins &= ~PinLockTables;
        }
        if (st.flags & FlagNamedLock)
            s.m_pins |= PinNamedLock;
        if (st.flags & FlagNamedUnlockAll)
            s.m_pins &= ~PinNamedLock;
        if ((st.flags & FlagCall) && m_config.pinAfterCall)
            s.m_pins |= PinCall;

        bool onlyHarmless = st.effectCount > 0;
        for (std::uint32_t i = 0; i < st.effectCount; ++i) {
            const SessionEffect &e = p.effects[st.firstEffect + i];
            s.applyEffect(e, d.target, d.nodeName);
            if (e.kind != EffectKind::UserVariable && e.kind != EffectKind::SessionAccess
                && e.kind != EffectKind::SessionIsolation)
                onlyHarmless = false;
        }
        // A session command that ran on the primary only: the replicas' sessions now differ.
        if (st.kind == StatementKind::Session && d.target == Target::Primary && !onlyHarmless
            && !(st.flags & FlagTransactionScoped))
            s.m_pins |= PinDiverged;
    }
}

void Router::finish(Session &s, RouteDecision &d)
{
    s.m_hasPrevious = true;
    if (d.target == Target::Replica) {
        s.m_lastTarget = Target::Replica;
        s.m_lastNode = d.nodeName;
    } else {
        s.m_lastTarget = Target::Primary;
        s.m_lastNode.clear();
    }
}

} // namespace switchyard::routing
