// The routing state of one client session (one application connection, with its backend
// connections to the primary and to replicas): autocommit, the open transaction and where it
// runs, isolation level, temporary tables, pins, prepared statements and cursors, user
// variables that only the primary has, the lexing settings (sql_mode, standard_conforming_strings,
// client character set), the previous target, and the session's last write: when, and at which
// replication position.
//
// The Router reads and updates it statement by statement; the application reports the
// positions of its writes (noteWritePosition) for read-your-writes.
//
// Thread contract: a Session belongs to one connection and is used by one thread at a time.
#pragma once

#include "switchyard/routing/consistency.h"
#include "switchyard/routing/decision.h"
#include "switchyard/routing/dialect.h"
#include "switchyard/routing/gtid.h"
#include "switchyard/routing/lexer.h"
#include "switchyard/routing/statement.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::routing {

class Router;

struct SessionOptions
{
    bool autocommit = true;
    // The server's sql_mode for new sessions (MySQL/MariaDB). nullopt: unknown, which makes
    // statements whose meaning depends on it (a backslash in a literal) go to the primary.
    std::optional<std::string> sqlMode = std::string();
    // PostgreSQL standard_conforming_strings for new sessions; nullopt: unknown.
    std::optional<bool> standardConformingStrings = true;
    std::string characterSet = "utf8mb4";    // client character set
    std::optional<Consistency> consistency;  // overrides the router's level for this session
};

// Why a session is pinned to the primary.
enum SessionPin : std::uint32_t {
    PinLockTables = 1u << 0,   // LOCK TABLES / FLUSH TABLES WITH READ LOCK until UNLOCK TABLES
    PinNamedLock = 1u << 1,    // GET_LOCK / pg_advisory_lock until released all
    PinBackupLock = 1u << 2,   // LOCK INSTANCE FOR BACKUP / BACKUP STAGE
    PinDiverged = 1u << 3,     // a session command ran on the primary only
    PinCall = 1u << 4,         // after CALL, when RouterConfig::pinAfterCall
    PinApplication = 1u << 5,  // Session::pinToPrimary
};

class Session
{
public:
    using Clock = std::chrono::steady_clock;

    explicit Session(Dialect dialect, SessionOptions options = {});

    Dialect dialect() const { return m_dialect; }
    const SessionOptions &options() const { return m_options; }

    // Back to a fresh connection's state (COM_RESET_CONNECTION, COM_CHANGE_USER, reconnect).
    void reset();

    // ---- what the application tells the router ------------------------------------------
    // The replication position a write of this session reached (the GTID from the OK packet's
    // session tracker, SELECT @@last_gtid, or the LSN after COMMIT). Accumulates: union of GTID
    // sets, per-domain maximum, maximum LSN. It covers every write routed so far.
    void noteWritePosition(const ReplicationPosition &position);
    void setConsistency(std::optional<Consistency> consistency) { m_consistency = consistency; }
    void pinToPrimary(bool pinned);

    // ---- state -------------------------------------------------------------------------
    std::optional<Consistency> consistency() const { return m_consistency; }
    bool autocommit() const { return m_autocommit; }
    bool autocommitKnown() const { return m_autocommitKnown; }
    bool inTransaction() const { return m_inTransaction; }
    bool transactionReadOnly() const { return m_txReadOnly; }
    bool transactionHasWritten() const { return m_txHasWritten; }
    Isolation transactionIsolation() const { return m_txIsolation; }
    // The replica the open transaction runs on; empty when it runs on the primary.
    const std::string &transactionNode() const { return m_txNode; }
    Isolation sessionIsolation() const { return m_sessionIsolation; }
    bool sessionIsolationKnown() const { return m_sessionIsolationKnown; }
    TxAccess sessionAccess() const { return m_sessionAccess; }
    bool nextTransactionPending() const { return m_nextPending; }
    std::uint32_t pins() const { return m_pins; }
    const std::vector<std::string> &temporaryTables() const { return m_tempTables; }
    const std::vector<std::string> &primaryOnlyVariables() const { return m_primaryOnlyVars; }
    bool hasPrepared(std::string_view name) const { return findPrepared(name) != nullptr; }
    std::size_t preparedCount() const { return m_prepared.size(); }
    std::size_t cursorCount() const { return m_cursors.size(); }
    const std::vector<std::string> &listenChannels() const { return m_listens; }
    const std::vector<std::string> &openHandlers() const { return m_handlers; }
    bool noBackslashEscapes() const { return m_noBackslashEscapes; }
    bool ansiQuotes() const { return m_ansiQuotes; }
    bool sqlModeKnown() const { return m_sqlModeKnown; }
    bool standardConformingStrings() const { return m_scs; }
    bool standardConformingStringsKnown() const { return m_scsKnown; }
    bool multibyteUnsafeCharset() const { return m_unsafeCharset; }
    Target previousTarget() const { return m_lastTarget; }
    const std::string &previousNode() const { return m_lastNode; }

    // Writes routed so far, and whether their position is known.
    std::uint64_t writeCount() const { return m_writeSeq; }
    bool writePositionKnown() const { return m_positionSeq >= m_writeSeq; }
    const ReplicationPosition &lastWritePosition() const { return m_lastWritePosition; }
    std::optional<Clock::time_point> lastWriteTime() const { return m_lastWriteTime; }

    // Lexing options for this session's statements.
    LexOptions lexOptions(std::uint32_t serverVersion) const
    {
        LexOptions o;
        o.dialect = m_dialect;
        o.serverVersion = serverVersion;
        if (isMySqlFamily(m_dialect)) {
            o.backslashEscapes = !m_noBackslashEscapes;
            o.ansiQuotes = m_ansiQuotes;
        } else {
            o.backslashEscapes = !m_scs;
        }
        return o;
    }

private:
    friend class Router;

    struct Prepared
    {
        std::string name;
        std::string body;            // the statement text; empty when unknown
        bool known = false;
        bool primaryOnly = false;    // prepared on the primary only
        bool backslashEscapes = true;
        bool ansiQuotes = false;
    };
    struct Cursor
    {
        std::string name;
        std::string node;            // empty: the primary
        bool hold = false;
    };

    const Prepared *findPrepared(std::string_view name) const;
    const Cursor *findCursor(std::string_view name) const;
    void setSqlMode(std::string_view text);
    // Would applying `e` change how this session's following statements are lexed?
    bool effectChangesLexing(const SessionEffect &e) const;
    static bool unsafeCharset(std::string_view name, bool known);
    static void parseSqlMode(std::string_view text, bool &noBackslashEscapes, bool &ansiQuotes);
    void setCharacterSet(std::string_view name, bool known);
    void openTransaction(bool readOnly, Isolation isolation, std::string node);
    void endTransaction();
    void noteWrite(Clock::time_point now);
    void applyEffect(const SessionEffect &e, Target target, std::string_view node);
    void resetSessionState();

    Dialect m_dialect;
    SessionOptions m_options;
    std::optional<Consistency> m_consistency;

    // lexing
    bool m_noBackslashEscapes = false;
    bool m_ansiQuotes = false;
    bool m_sqlModeKnown = true;
    bool m_scs = true;
    bool m_scsKnown = true;
    bool m_unsafeCharset = false;

    // transactions
    bool m_autocommit = true;
    bool m_autocommitKnown = true;
    bool m_inTransaction = false;
    bool m_txReadOnly = false;
    bool m_txHasWritten = false;
    Isolation m_txIsolation = Isolation::Default;
    std::string m_txNode;
    TxAccess m_sessionAccess = TxAccess::Default;
    bool m_sessionAccessKnown = true;
    Isolation m_sessionIsolation = Isolation::Default;
    bool m_sessionIsolationKnown = true;
    bool m_nextPending = false;
    TxAccess m_nextAccess = TxAccess::Default;
    Isolation m_nextIsolation = Isolation::Default;

    // pins and objects
    std::uint32_t m_pins = 0;
    std::vector<std::string> m_tempTables;
    std::vector<std::string> m_primaryOnlyVars;
    std::vector<Prepared> m_prepared;
    std::vector<Cursor> m_cursors;
    std::vector<std::string> m_handlers;
    std::vector<std::string> m_listens;

    // previous target
    Target m_lastTarget = Target::Primary;
    std::string m_lastNode;
    bool m_hasPrevious = false;

    // writes
    std::uint64_t m_writeSeq = 0;
    std::uint64_t m_positionSeq = 0;
    ReplicationPosition m_lastWritePosition;
    std::optional<Clock::time_point> m_lastWriteTime;

    std::string m_protocolName;      // the name protocol-level prepared statements are kept under
    RouteDecision m_decision;
};

} // namespace switchyard::routing
