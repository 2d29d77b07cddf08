// A routing decision: the target (primary, a named replica, or all backends of the session),
// and the ordered reasons that led to it, including why each replica was excluded.
//
// Reasons are recorded as small codes with their numbers and names (cheap on the hot path) and
// turned into English sentences only when someone asks: explain() for the CLI and the
// console's preview (which translates by code, not by sentence).
//
// Thread contract: a plain value. A Router fills the decision owned by the Session it routes
// for; copy it to keep it past the session's next statement.
#pragma once

#include "switchyard/routing/statement.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::routing {

enum class Target : std::uint8_t { Primary, Replica, All };
std::string_view targetName(Target target);   // "primary", "replica", "all"

enum class ReasonCode : std::uint16_t {
    // the statement
    EmptyStatement,        // nothing to run
    ReadStatement,         // text: command
    WriteStatement,        // text: command or what writes
    LockingRead,           // text: clause
    UnknownFunction,       // text: function
    SequenceFunction,      // text
    PrimaryOnlyValue,      // text: LAST_INSERT_ID / currval / @@identity
    NamedLock,             // text
    NotifyStatement,       // text
    StatefulStatement,     // text: LOCK TABLES, HANDLER, XA, SET TRANSACTION: state on the primary connection
    ServerSpecific,        // text
    SelectInto,            // text
    DataModifyingCte,      // text: INSERT/UPDATE/DELETE/MERGE
    ExecutesInner,         // text: EXPLAIN ANALYZE / ANALYZE
    UserVariableWrite,     // text: @var
    CallStatement,         // text
    DdlStatement,          // text
    AdminStatement,        // text
    MaintenanceStatement,  // text
    UnknownStatement,      // text: first word
    Unterminated,          // unterminated literal or comment
    CreatesTemporary,      // text: table
    SessionCommand,        // text: command -> all
    SessionSetterFunction, // text: set_config
    PrepareStatement,      // text: name -> all
    DeallocateStatement,   // text: name -> all
    GlobalVariable,        // SET GLOBAL: server administration
    MultiStatement,        // count: statements
    MultiStatementReads,   // count
    MultiStatementSession, // count
    // lexing uncertainty
    VersionDependent,      // a versioned executable comment and no server version
    SqlModeUnknown,
    StandardConformingStringsUnknown,
    CharsetUnsafe,         // text: charset
    LexingChangesMidPacket,// a statement changes sql_mode / standard_conforming_strings for the next ones
    // transactions and session state
    InTransactionPrimary,
    InTransactionReplica,  // text: node
    TransactionNodeGone,   // text: node
    ImplicitTransaction,   // autocommit=0
    AutocommitUnknown,
    Serializable,
    NextTransactionPending,
    BeginReadWrite,
    BeginReadOnly,
    BeginInTransaction,    // PostgreSQL: BEGIN inside a transaction does nothing
    TransactionEnd,        // COMMIT/ROLLBACK where the transaction runs
    NoOpenTransaction,
    TransactionScoped,     // savepoint, SET LOCAL, weak LOCK: where the transaction runs
    BreaksTransaction,     // text: node of the transaction
    SessionStateOnPrimary, // temporary tables or primary-only variables: read-only transaction on the primary
    PinnedLockTables,
    PinnedNamedLock,
    PinnedBackupLock,
    PinnedDiverged,
    PinnedCall,
    PinnedByApplication,
    TemporaryTable,        // text: table
    PrimaryOnlyVariable,   // text: @var
    PreviousTarget,        // text: node
    PreviousPrimary,
    PreviousGone,          // text: node
    // hints
    HintPrimary,
    HintReplica,
    HintNode,              // text: node
    HintNodeUnknown,       // text: node
    HintNodeUnavailable,   // text: node
    HintIgnoredUnsafe,     // a replica hint on a statement that must not go to a replica
    HintIgnoredSession,    // a replica hint on a session command
    HintInvalid,           // text: comment
    // prepared statements and cursors
    ExecuteInherits,       // text: name
    ExecuteUnknown,        // text: name
    ExecutePrimaryOnly,    // text: name
    CursorNode,            // text: cursor; second: node
    CursorUnknown,         // text: cursor
    DeclareInTransaction,
    // consistency
    ConsistencyStrong,
    SessionWindow,         // value: ms since the last write, limit: window ms
    ReadYourWritesUnknown, // the session wrote but its position was not reported
    ReadYourWrites,        // the session's last write: filter replicas by it
    BoundedStaleness,      // limit: seconds
    // replica selection
    ExcludedDown,          // text: node
    ExcludedMaintenance,
    ExcludedHealthUnknown,
    ExcludedWeightZero,
    ExcludedLag,           // text: node; value: lag (or -1 unknown); limit: high mark; count: over; total: k
    ExcludedLagUnknown,    // text: node; limit: bound
    ExcludedLagOverBound,  // text: node; value: lag; limit: bound
    ExcludedBehindWrite,   // text: node
    NoEligibleReplica,
    NoPrimary,
    PrimaryNotUp,          // text: node
    Picked,                // text: node; second: policy; count: candidates
};

struct RouteDecision;

struct Reason
{
    ReasonCode code = ReasonCode::EmptyStatement;
    std::uint8_t textLen = 0;          // a copied name in the decision's text arena
    std::uint32_t textOffset = 0;
    std::uint32_t count = 0;
    std::uint32_t total = 0;
    double value = 0;
    double limit = 0;
    std::string_view second;           // static text (policy name, command name)
    std::string_view staticText;       // text with static lifetime (keywords), if any

    // One English sentence; `text` is the reason's name (RouteDecision::textOf()).
    std::string describe(std::string_view text) const;
};

struct RouteDecision
{
    Target target{};
    int node = -1;                     // topology index of the chosen node; -1 for all / none
    std::string nodeName;              // the chosen node's name; empty for all / none
    StatementKind kind = StatementKind::Empty;
    Command command = Command::None;
    Requirement requirement = Requirement::Primary;
    std::uint64_t flags = 0;           // union over the packet's statements
    std::uint32_t statementCount = 0;
    bool breaksTransaction = false;    // the target is not where the session's open transaction runs
    std::vector<Reason> reasons;
    std::string reasonText;            // names copied for the reasons (node, function, table)

    // "multi" for several statements, else statementKindName(kind).
    std::string_view kindName() const;
    std::vector<std::string> explain() const;
    std::string_view textOf(const Reason &r) const;

    Reason &addReason(ReasonCode code);
    // Copies `text` (up to 255 bytes) for the reason.
    Reason &addReason(ReasonCode code, std::string_view text);
    // `text` must outlive the decision (a literal, a keyword, commandName()).
    Reason &addStaticReason(ReasonCode code, std::string_view text);
    void clear();
};

} // namespace switchyard::routing
