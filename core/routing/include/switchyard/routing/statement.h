// What the classifier says about a statement: its kind, its command, flags for everything that
// matters to routing, the session changes it makes, and the place it needs before any session
// state is considered (its Requirement).
//
// A packet (what the client sends in one go) may hold several statements; PacketInfo keeps
// them in order, with their session effects in one shared array.
//
// Thread contract: plain values. The string_views point into the classified SQL text, which
// must outlive them.
#pragma once

#include "switchyard/routing/lexer.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace switchyard::routing {

// Coarse kind, for display and for callers that only want "read or not".
enum class StatementKind : std::uint8_t {
    Empty,        // nothing but comments and whitespace
    Read,         // SELECT, TABLE, VALUES, SHOW, EXPLAIN (no ANALYZE), DESCRIBE, COPY TO STDOUT
    Write,        // INSERT, UPDATE, DELETE, REPLACE, MERGE, LOAD DATA, COPY FROM, TRUNCATE, DO
    Ddl,          // CREATE, ALTER, DROP, RENAME, GRANT, REVOKE, COMMENT
    Transaction,  // BEGIN, START TRANSACTION, COMMIT, ROLLBACK, SAVEPOINT, SET TRANSACTION, XA
    Session,      // SET, USE, RESET (PostgreSQL), DISCARD
    Prepare,      // PREPARE name ...
    Execute,      // EXECUTE name
    Deallocate,   // DEALLOCATE PREPARE / DROP PREPARE
    Lock,         // LOCK TABLES, UNLOCK TABLES, FLUSH TABLES WITH READ LOCK, LOCK TABLE (PostgreSQL)
    Cursor,       // DECLARE/FETCH/MOVE/CLOSE (PostgreSQL), HANDLER (MySQL)
    Notify,       // LISTEN, UNLISTEN, NOTIFY
    Maintenance,  // VACUUM, ANALYZE TABLE, OPTIMIZE, CHECK, REPAIR, CLUSTER, REINDEX, CHECKPOINT
    Call,         // CALL, MariaDB BEGIN NOT ATOMIC
    Admin,        // KILL, replication control, RESET MASTER, SET GLOBAL, INSTALL PLUGIN, ...
    Unknown,      // not recognised: goes to the primary
};
std::string_view statementKindName(StatementKind kind);  // "read", "write", "ddl", ...

// Where a statement must go before session state is considered.
enum class Requirement : std::uint8_t {
    Read,          // any eligible replica (subject to session state and consistency)
    ReadPrevious,  // the server that ran the previous statement (FOUND_ROWS, SHOW WARNINGS)
    All,           // a session command: every backend of the session
    Primary,       // writes, side effects, locks, anything unsure
    ServerSpecific,// a read whose answer depends on the server: the primary unless a node hint names one
    Transaction,   // transaction control: where the transaction lives (or starts)
    Execute,       // EXECUTE: as the prepared statement
    Cursor,        // DECLARE/FETCH/MOVE/CLOSE: where the cursor lives
};
std::string_view requirementName(Requirement r);

enum StatementFlag : std::uint64_t {
    FlagWrites = 1ull << 0,             // changes data or schema
    FlagLockingRead = 1ull << 1,        // FOR UPDATE/SHARE/NO KEY UPDATE/KEY SHARE, LOCK IN SHARE MODE
    FlagUnknownFunction = 1ull << 2,    // a function not known to be read-only
    FlagSequence = 1ull << 3,           // nextval, NEXT VALUE FOR, setval, s.nextval
    FlagSelectInto = 1ull << 4,         // SELECT ... INTO (table, file or variables)
    FlagIntoFile = 1ull << 5,           // INTO OUTFILE/DUMPFILE
    FlagDataModifyingCte = 1ull << 6,   // INSERT/UPDATE/DELETE/MERGE inside a WITH or a read
    FlagExecutesInner = 1ull << 7,      // EXPLAIN ANALYZE / MariaDB ANALYZE stmt: runs the statement
    FlagCreatesTemp = 1ull << 8,        // CREATE TEMPORARY TABLE/VIEW/SEQUENCE, SELECT INTO TEMP
    FlagDropsTable = 1ull << 9,         // DROP TABLE/VIEW/SEQUENCE
    FlagPrimaryOnly = 1ull << 10,       // LAST_INSERT_ID(), currval(), @@last_insert_id, @@identity
    FlagRelatesToPrevious = 1ull << 11, // FOUND_ROWS(), ROW_COUNT(), SHOW WARNINGS, @@warning_count
    FlagServerSpecific = 1ull << 12,    // answer depends on the server (SHOW REPLICA STATUS, pg_is_in_recovery)
    FlagNamedLock = 1ull << 13,         // GET_LOCK, pg_advisory_lock (session level)
    FlagNamedLockXact = 1ull << 14,     // pg_advisory_xact_lock
    FlagNamedUnlock = 1ull << 15,       // RELEASE_LOCK, IS_USED_LOCK, pg_advisory_unlock
    FlagNamedUnlockAll = 1ull << 16,    // RELEASE_ALL_LOCKS, pg_advisory_unlock_all
    FlagSessionSetter = 1ull << 17,     // set_config()
    FlagNotify = 1ull << 18,            // NOTIFY, pg_notify()
    FlagUserVarAssign = 1ull << 19,     // @x := ..., INTO @x, SET @x, CALL p(@x)
    FlagUserVarRead = 1ull << 20,       // reads @x
    FlagSysVarRead = 1ull << 21,        // reads @@x
    FlagImplicitCommit = 1ull << 22,    // MySQL: ends the open transaction first
    FlagPinsSession = 1ull << 23,       // LOCK TABLES, FLUSH TABLES WITH READ LOCK, LOCK INSTANCE
    FlagUnpinsSession = 1ull << 24,     // UNLOCK TABLES, UNLOCK INSTANCE, BACKUP STAGE END
    FlagGlobalScope = 1ull << 25,       // SET GLOBAL / PERSIST: changes the server, not the session
    FlagCompound = 1ull << 26,          // a compound body (CREATE PROCEDURE ... BEGIN ... END) kept whole
    FlagCalcFoundRows = 1ull << 27,     // SQL_CALC_FOUND_ROWS
    FlagTransactionScoped = 1ull << 28, // PostgreSQL SET LOCAL / SET TRANSACTION / SET CONSTRAINTS
    FlagUnterminated = 1ull << 29,      // an unterminated literal or comment: the server will refuse it
    FlagWeakLock = 1ull << 30,          // PostgreSQL LOCK ... IN ACCESS SHARE/ROW SHARE/ROW EXCLUSIVE MODE
    FlagCommitsTransaction = 1ull << 31,// COMMIT, END, XA COMMIT, PREPARE TRANSACTION
    FlagRollsBackTransaction = 1ull << 32, // ROLLBACK, ABORT, XA ROLLBACK
    FlagStartsTransaction = 1ull << 33, // BEGIN, START TRANSACTION, XA START
    FlagChain = 1ull << 34,             // COMMIT/ROLLBACK AND CHAIN
    FlagSavepoint = 1ull << 35,         // SAVEPOINT, RELEASE SAVEPOINT, ROLLBACK TO SAVEPOINT
    FlagNextTransaction = 1ull << 36,   // MySQL SET TRANSACTION (applies to the next transaction)
    FlagNoExecute = 1ull << 37,         // EXPLAIN without ANALYZE: the inner statement is only planned
    FlagCall = 1ull << 38,              // CALL or an anonymous block
    FlagHoldCursor = 1ull << 39,        // DECLARE ... WITH HOLD
};

// Flags any one of which makes a statement unfit for a replica, whatever its kind.
inline constexpr std::uint64_t kPrimaryFlags =
    FlagWrites | FlagLockingRead | FlagUnknownFunction | FlagSequence | FlagSelectInto | FlagIntoFile
    | FlagDataModifyingCte | FlagCreatesTemp | FlagPrimaryOnly | FlagServerSpecific | FlagNamedLock
    | FlagNamedLockXact | FlagNamedUnlock | FlagNamedUnlockAll | FlagNotify | FlagUserVarAssign
    | FlagPinsSession | FlagUnpinsSession | FlagGlobalScope | FlagCompound | FlagUnterminated
    | FlagCall;

enum class Command : std::uint8_t {
    None, Select, With, Table, Values, Show, Explain, Describe, Help, Copy,
    Insert, Update, Delete, Replace, Merge, LoadData, Truncate, Do, Call,
    Create, Alter, Drop, Rename, Grant, Revoke, Comment, Refresh,
    Begin, Commit, Rollback, Savepoint, Release, SetTransaction, Xa, PrepareTransaction,
    CommitPrepared, Set, Use, Reset, Discard, Prepare, Execute, Deallocate,
    LockTables, UnlockTables, Lock, Flush, Backup, Handler, Declare, Fetch, Move, Close,
    Listen, Unlisten, Notify, Maintenance, Admin, GetDiagnostics, Unknown,
};
std::string_view commandName(Command c);  // "SELECT", "INSERT", "START TRANSACTION", ...

enum class TxAccess : std::uint8_t { Default, ReadOnly, ReadWrite };
enum class Isolation : std::uint8_t { Default, ReadUncommitted, ReadCommitted, RepeatableRead, Serializable };
std::string_view isolationName(Isolation i);

// A change to session state, applied in order after the statement is routed.
enum class EffectKind : std::uint8_t {
    Autocommit,        // value: 0/1; -1 unknown
    SqlMode,           // text: the value as written (a string literal or word); value -1 unknown, 2 DEFAULT
    StandardConformingStrings, // value 0/1; -1 unknown; 2 DEFAULT (on)
    CharacterSet,      // text: charset name (SET NAMES, character_set_client, client_encoding)
    SessionAccess,     // value: TxAccess (session default); -1 unknown
    SessionIsolation,  // value: Isolation (session default); -1 unknown
    NextAccess,        // MySQL SET TRANSACTION READ ONLY/WRITE
    NextIsolation,     // MySQL SET TRANSACTION ISOLATION LEVEL
    CurrentAccess,     // PostgreSQL SET TRANSACTION / transaction_read_only
    CurrentIsolation,  // PostgreSQL SET TRANSACTION ISOLATION / transaction_isolation
    UserVariable,      // name: a user variable assigned by this statement
    ResetSession,      // DISCARD ALL / RESET ALL / COM_RESET_CONNECTION
    ResetVariable,     // name: RESET name (PostgreSQL)
    DiscardTemp,       // DISCARD TEMP
    TempCreate,        // name: a temporary (or unlogged) table, view or sequence
    TableDrop,         // name: DROP TABLE/VIEW/SEQUENCE name (a temporary one goes away)
    Prepare,           // name: prepared statement; text: its body (MySQL: the quoted literal; empty: unknown)
    Deallocate,        // name: prepared statement; empty name: all
    CursorDeclare,     // name: cursor (value 1 = WITH HOLD)
    CursorClose,       // name: cursor; empty: all
    HandlerOpen,       // name: HANDLER table or alias
    HandlerClose,      // name
    Listen,            // name: channel
    Unlisten,          // name: channel; empty: all
};

struct SessionEffect
{
    EffectKind kind;
    int value = 0;
    std::string_view name;
    std::string_view text;
};

struct TransactionSpec
{
    TxAccess access = TxAccess::Default;
    Isolation isolation = Isolation::Default;
    bool consistentSnapshot = false;
    bool deferrable = false;
};

struct StatementInfo
{
    std::string_view text;             // the statement without trailing ';' and surrounding blanks
    StatementKind kind = StatementKind::Empty;
    Command command = Command::None;
    Requirement requirement = Requirement::Primary;
    std::uint64_t flags = 0;
    TransactionSpec tx;                // BEGIN / START TRANSACTION / SET TRANSACTION modes
    std::string_view object;           // EXECUTE/FETCH/CLOSE/HANDLER name, SHOW subject, ...
    std::string_view detail;           // what decided it: a clause, keyword or variable
    std::string_view function;         // the first function call that is not read-only
    std::uint32_t firstEffect = 0;     // index into PacketInfo::effects
    std::uint32_t effectCount = 0;

    bool has(std::uint64_t f) const { return (flags & f) != 0; }
};

struct PacketInfo
{
    std::vector<StatementInfo> statements;   // empty statements are not listed
    std::vector<SessionEffect> effects;
    std::vector<Token> tokens;               // every token of the packet, then one End token
    std::uint32_t lexFlags = 0;              // LexFlag bits of the whole packet
    Hint hint;                               // the first switchyard hint in a real comment

    void clear()
    {
        statements.clear();
        effects.clear();
        tokens.clear();
        lexFlags = 0;
        hint = Hint{};
    }
    bool multi() const { return statements.size() > 1; }
};

} // namespace switchyard::routing
