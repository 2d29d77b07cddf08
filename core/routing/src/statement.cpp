#include "switchyard/routing/statement.h"

namespace switchyard::routing {

std::string_view statementKindName(StatementKind kind)
{
    switch (kind) {
    case StatementKind::Empty: return "empty";
    case StatementKind::Read: return "read";
    case StatementKind::Write: return "write";
    case StatementKind::Ddl: return "ddl";
    case StatementKind::Transaction: return "transaction";
    case StatementKind::Session: return "session";
    case StatementKind::Prepare: return "prepare";
    case StatementKind::Execute: return "execute";
    case StatementKind::Deallocate: return "deallocate";
    case StatementKind::Lock: return "lock";
    case StatementKind::Cursor: return "cursor";
    case StatementKind::Notify: return "notify";
    case StatementKind::Maintenance: return "maintenance";
    case StatementKind::Call: return "call";
    case StatementKind::Admin: return "admin";
    case StatementKind::Unknown: return "unknown";
    }
    return "unknown";
}

std::string_view requirementName(Requirement r)
{
    switch (r) {
    case Requirement::Read: return "read";
    case Requirement::ReadPrevious: return "previous";
    case Requirement::All: return "all";
    case Requirement::Primary: return "primary";
    case Requirement::ServerSpecific: return "server-specific";
    case Requirement::Transaction: return "transaction";
    case Requirement::Execute: return "execute";
    case Requirement::Cursor: return "cursor";
    }
    return "primary";
}

std::string_view isolationName(Isolation i)
{
    switch (i) {
    case Isolation::Default: return "default";
    case Isolation::ReadUncommitted: return "READ UNCOMMITTED";
    case Isolation::ReadCommitted: return "READ COMMITTED";
    case Isolation::RepeatableRead: return "REPEATABLE READ";
    case Isolation::Serializable: return "SERIALIZABLE";
    }
    return "default";
}

std::string_view commandName(Command c)
{
    switch (c) {
    case Command::None: return "(none)";
    case Command::Select: return "SELECT";
    case Command::With: return "WITH";
    case Command::Table: return "TABLE";
    case Command::Values: return "VALUES";
    case Command::Show: return "SHOW";
    case Command::Explain: return "EXPLAIN";
    case Command::Describe: return "DESCRIBE";
    case Command::Help: return "HELP";
    case Command::Copy: return "COPY";
    case Command::Insert: return "INSERT";
    case Command::Update: return "UPDATE";
    case Command::Delete: return "DELETE";
    case Command::Replace: return "REPLACE";
    case Command::Merge: return "MERGE";
    case Command::LoadData: return "LOAD DATA";
    case Command::Truncate: return "TRUNCATE";
    case Command::Do: return "DO";
    case Command::Call: return "CALL";
    case Command::Create: return "CREATE";
    case Command::Alter: return "ALTER";
    case Command::Drop: return "DROP";
    case Command::Rename: return "RENAME";
    case Command::Grant: return "GRANT";
    case Command::Revoke: return "REVOKE";
    case Command::Comment: return "COMMENT";
    case Command::Refresh: return "REFRESH";
    case Command::Begin: return "BEGIN";
    case Command::Commit: return "COMMIT";
    case Command::Rollback: return "ROLLBACK";
    case Command::Savepoint: return "SAVEPOINT";
    case Command::Release: return "RELEASE SAVEPOINT";
    case Command::SetTransaction: return "SET TRANSACTION";
    case Command::Xa: return "XA";
    case Command::PrepareTransaction: return "PREPARE TRANSACTION";
    case Command::CommitPrepared: return "COMMIT PREPARED";
    case Command::Set: return "SET";
    case Command::Use: return "USE";
    case Command::Reset: return "RESET";
    case Command::Discard: return "DISCARD";
    case Command::Prepare: return "PREPARE";
    case Command::Execute: return "EXECUTE";
    case Command::Deallocate: return "DEALLOCATE";
    case Command::LockTables: return "LOCK TABLES";
    case Command::UnlockTables: return "UNLOCK TABLES";
    case Command::Lock: return "LOCK";
    case Command::Flush: return "FLUSH";
    case Command::Backup: return "BACKUP";
    case Command::Handler: return "HANDLER";
    case Command::Declare: return "DECLARE";
    case Command::Fetch: return "FETCH";
    case Command::Move: return "MOVE";
    case Command::Close: return "CLOSE";
    case Command::Listen: return "LISTEN";
    case Command::Unlisten: return "UNLISTEN";
    case Command::Notify: return "NOTIFY";
    case Command::Maintenance: return "maintenance";
    case Command::Admin: return "administration";
    case Command::GetDiagnostics: return "GET DIAGNOSTICS";
    case Command::Unknown: return "unrecognised statement";
    }
    return "unrecognised statement";
}

} // namespace switchyard::routing
