#include "switchyard/routing/decision.h"

#include <cmath>
#include <cstdio>

namespace switchyard::routing {
namespace {

std::string number(double v)
{
    char buf[32];
    if (std::fabs(v - std::round(v)) < 1e-9)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string quoted(std::string_view s)
{
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    out += s;
    out += '"';
    return out;
}

} // namespace

std::string Reason::describe(std::string_view text) const
{
    const std::string t(text);
    switch (code) {
    case ReasonCode::EmptyStatement: return "empty statement: nothing to route, the primary answers";
    case ReasonCode::ReadStatement: return "read-only " + t;
    case ReasonCode::WriteStatement: return "writes: " + t;
    case ReasonCode::LockingRead: return "locking read (" + t + ") takes row locks on the server that runs it";
    case ReasonCode::UnknownFunction: return "function " + t + "() is not known to be read-only";
    case ReasonCode::SequenceFunction: return "sequence: " + t + " advances or reads a sequence";
    case ReasonCode::PrimaryOnlyValue: return t + " is per connection and only meaningful on the primary";
    case ReasonCode::NamedLock: return "named lock: " + t + " holds state on the primary connection";
    case ReasonCode::NotifyStatement: return "notification (" + t + ") is not allowed on a standby";
    case ReasonCode::StatefulStatement: return t + " keeps state on the primary connection";
    case ReasonCode::ServerSpecific:
        return "the answer of " + t + " depends on the server; use /* switchyard: node=NAME */ to choose one";
    case ReasonCode::SelectInto: return "SELECT ... " + t + " writes (a table, a file or variables)";
    case ReasonCode::DataModifyingCte: return "data-modifying statement inside: " + t;
    case ReasonCode::ExecutesInner: return t + " executes the statement";
    case ReasonCode::UserVariableWrite: return "assigns user variable " + t + " (only on the primary)";
    case ReasonCode::CallStatement: return t + ": side effects are unknowable";
    case ReasonCode::DdlStatement: return "DDL: " + t;
    case ReasonCode::AdminStatement: return "server administration: " + t;
    case ReasonCode::MaintenanceStatement: return "maintenance: " + t + " (not allowed on a replica, or replicated)";
    case ReasonCode::UnknownStatement: return "unrecognised statement " + quoted(t) + ": when unsure, the primary";
    case ReasonCode::Unterminated: return "unterminated literal or comment: the primary (the server will refuse it)";
    case ReasonCode::CreatesTemporary: return "creates temporary table " + t + " (it exists only on the primary)";
    case ReasonCode::SessionCommand: return "session command (" + t + "): every backend of the session";
    case ReasonCode::SessionSetterFunction: return t + "() changes a session setting: every backend of the session";
    case ReasonCode::PrepareStatement: return "PREPARE " + t + ": prepared on every backend of the session";
    case ReasonCode::DeallocateStatement: return "DEALLOCATE " + t + ": on every backend of the session";
    case ReasonCode::GlobalVariable: return "SET GLOBAL changes the server, not the session: the primary";
    case ReasonCode::MultiStatement:
        return "multi-statement packet (" + std::to_string(count) + " statements) that is not all reads: the primary";
    case ReasonCode::MultiStatementReads: return "multi-statement packet of " + std::to_string(count) + " reads";
    case ReasonCode::MultiStatementSession:
        return "multi-statement packet of " + std::to_string(count) + " session commands";
    case ReasonCode::VersionDependent:
        return "a versioned executable comment changes the statement and the server version is unknown";
    case ReasonCode::SqlModeUnknown: return "sql_mode is unknown and the statement has a backslash in a literal";
    case ReasonCode::StandardConformingStringsUnknown:
        return "standard_conforming_strings is unknown and the statement has a backslash in a literal";
    case ReasonCode::LexingChangesMidPacket:
        return "a statement changes how the rest of the packet is read (sql_mode, standard_conforming_strings, "
               "character set): unsure";
    case ReasonCode::CharsetUnsafe:
        return "client character set " + t + " may hide a backslash inside a multibyte character";
    case ReasonCode::InTransactionPrimary: return "inside a transaction on the primary";
    case ReasonCode::InTransactionReplica: return "inside a READ ONLY transaction on " + t;
    case ReasonCode::TransactionNodeGone: return "the transaction's node " + t + " is gone or down: the primary";
    case ReasonCode::ImplicitTransaction: return "autocommit=0: every statement runs in a transaction on the primary";
    case ReasonCode::AutocommitUnknown: return "autocommit is unknown: the primary";
    case ReasonCode::Serializable: return "isolation level SERIALIZABLE: the primary";
    case ReasonCode::NextTransactionPending:
        return "SET TRANSACTION characteristics are pending on the primary connection";
    case ReasonCode::BeginReadWrite: return "starts a read-write transaction";
    case ReasonCode::BeginReadOnly: return "starts a READ ONLY transaction";
    case ReasonCode::BeginInTransaction: return "BEGIN inside a transaction does nothing: where the transaction runs";
    case ReasonCode::TransactionEnd: return t.empty() ? "ends the transaction on the primary" : "ends the transaction on " + t;
    case ReasonCode::NoOpenTransaction: return "no open transaction: the primary";
    case ReasonCode::TransactionScoped:
        return t.empty() ? "belongs to the transaction on the primary" : "belongs to the transaction on " + t;
    case ReasonCode::BreaksTransaction:
        return "the session's transaction runs on " + t + "; this statement cannot go there";
    case ReasonCode::SessionStateOnPrimary:
        return "the session has temporary tables or primary-only variables: the transaction stays on the primary";
    case ReasonCode::PinnedLockTables: return "session pinned to the primary by LOCK TABLES until UNLOCK TABLES";
    case ReasonCode::PinnedNamedLock: return "session pinned to the primary while it holds a named lock";
    case ReasonCode::PinnedBackupLock: return "session pinned to the primary by a backup lock";
    case ReasonCode::PinnedDiverged:
        return "session pinned to the primary: a session command ran there only, so replicas differ";
    case ReasonCode::PinnedCall: return "session pinned to the primary after CALL";
    case ReasonCode::PinnedByApplication: return "session pinned to the primary by the application";
    case ReasonCode::TemporaryTable: return "reads temporary table " + t + ", which exists only on the primary";
    case ReasonCode::PrimaryOnlyVariable: return "reads user variable " + t + ", set on the primary only";
    case ReasonCode::PreviousTarget: return "relates to the previous statement, which ran on " + t;
    case ReasonCode::PreviousPrimary: return "relates to the previous statement, which ran on the primary";
    case ReasonCode::PreviousGone: return "relates to the previous statement on " + t + ", which is gone: the primary";
    case ReasonCode::HintPrimary: return "hint /* switchyard: primary */";
    case ReasonCode::HintReplica: return "hint /* switchyard: replica */ (consistency level not applied)";
    case ReasonCode::HintNode: return "hint /* switchyard: node=" + t + " */";
    case ReasonCode::HintNodeUnknown: return "hint names node " + t + ", which is not in the topology; ignored";
    case ReasonCode::HintNodeUnavailable: return "hint names node " + t + ", which is not available; ignored";
    case ReasonCode::HintIgnoredUnsafe: return "replica hint ignored: this statement must run on the primary";
    case ReasonCode::HintIgnoredSession: return "replica hint ignored: session commands go to every backend";
    case ReasonCode::HintInvalid: return "hint " + quoted(t) + " not understood; ignored";
    case ReasonCode::ExecuteInherits: return "EXECUTE " + t + " inherits the prepared statement's class";
    case ReasonCode::ExecuteUnknown: return "EXECUTE " + t + ": the prepared statement is unknown";
    case ReasonCode::ExecutePrimaryOnly: return "EXECUTE " + t + ": prepared on the primary only";
    case ReasonCode::CursorNode:
        return "cursor " + t + " lives on " + (second.empty() ? std::string("the primary") : std::string(second));
    case ReasonCode::CursorUnknown: return "cursor " + t + " is unknown: where the transaction runs, or the primary";
    case ReasonCode::DeclareInTransaction: return "DECLARE runs in the session's transaction";
    case ReasonCode::ConsistencyStrong: return "consistency strong: every read on the primary";
    case ReasonCode::SessionWindow:
        return "consistency session-window: last write " + number(value) + " ms ago, within " + number(limit) + " ms";
    case ReasonCode::ReadYourWritesUnknown:
        return "consistency read-your-writes: the session wrote and its position was not reported";
    case ReasonCode::ReadYourWrites: return "consistency read-your-writes: replicas must have applied " + t;
    case ReasonCode::BoundedStaleness: return "consistency bounded-staleness: lag at most " + number(limit) + " s";
    case ReasonCode::ExcludedDown: return "replica " + t + " excluded: down";
    case ReasonCode::ExcludedMaintenance: return "replica " + t + " excluded: in maintenance";
    case ReasonCode::ExcludedHealthUnknown: return "replica " + t + " excluded: health unknown";
    case ReasonCode::ExcludedWeightZero: return "replica " + t + " excluded: weight 0 (drained)";
    case ReasonCode::ExcludedLag:
        return "replica " + t + " excluded: lag " + (value < 0 ? std::string("unknown") : number(value) + " s")
               + " over " + number(limit) + " s for " + std::to_string(count) + "/" + std::to_string(total)
               + " samples; back after samples under the low mark";
    case ReasonCode::ExcludedLagUnknown:
        return "replica " + t + " excluded: lag unknown (bounded staleness needs at most " + number(limit) + " s)";
    case ReasonCode::ExcludedLagOverBound:
        return "replica " + t + " excluded: lag " + number(value) + " s over the bound of " + number(limit) + " s";
    case ReasonCode::ExcludedBehindWrite: return "replica " + t + " excluded: has not applied the session's last write";
    case ReasonCode::NoEligibleReplica: return "no eligible replica: the primary";
    case ReasonCode::NoPrimary: return "no primary in the topology";
    case ReasonCode::PrimaryNotUp: return "warning: the primary " + t + " is not up";
    case ReasonCode::Picked:
        return std::string(second) + " chose " + t + " among " + std::to_string(count) + " eligible node"
               + (count == 1 ? "" : "s");
    }
    return t;
}

std::string_view RouteDecision::kindName() const
{
    return statementCount > 1 ? std::string_view("multi") : statementKindName(kind);
}

std::vector<std::string> RouteDecision::explain() const
{
    std::vector<std::string> out;
    out.reserve(reasons.size());
    for (const Reason &r : reasons)
        out.push_back(r.describe(textOf(r)));
    return out;
}

std::string_view RouteDecision::textOf(const Reason &r) const
{
    if (!r.staticText.empty())
        return r.staticText;
    return std::string_view(reasonText).substr(r.textOffset, r.textLen);
}

Reason &RouteDecision::addReason(ReasonCode code)
{
    Reason &r = reasons.emplace_back();
    r.code = code;
    return r;
}

Reason &RouteDecision::addReason(ReasonCode code, std::string_view text)
{
    Reason &r = addReason(code);
    if (text.size() > 255)
        text = text.substr(0, 255);
    r.textOffset = static_cast<std::uint32_t>(reasonText.size());
    r.textLen = static_cast<std::uint8_t>(text.size());
    reasonText.append(text);
    return r;
}

Reason &RouteDecision::addStaticReason(ReasonCode code, std::string_view text)
{
    Reason &r = addReason(code);
    r.staticText = text;
    return r;
}

void RouteDecision::clear()
{
    target = Target::Primary;
    node = -1;
    nodeName.clear();
    kind = StatementKind::Empty;
    command = Command::None;
    requirement = Requirement::Primary;
    flags = 0;
    statementCount = 0;
    breaksTransaction = false;
    reasons.clear();
    reasonText.clear();
}

} // namespace switchyard::routing
