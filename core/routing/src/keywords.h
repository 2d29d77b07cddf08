// Keywords the classifier looks at, resolved once per word by the lexer through a
// compile-time perfect hash table (no allocation, one probe per word).
//
// NF marks keywords that may stand right before "(" without being a function call
// (IN (...), EXISTS (...), OVER (...), USING (...)), so "word(" after them is not looked up
// in the function catalog.
#pragma once

#include <cstdint>
#include <string_view>

namespace switchyard::routing::detail {

// X(name, nonFunction)
#define SWITCHYARD_KEYWORDS(X) \
    X(ABORT, 0) X(ALL, 1) X(ALTER, 0) X(ANALYSE, 0) X(ANALYZE, 0) X(AND, 1) X(ANY, 1) \
    X(ARRAY, 1) X(AS, 1) X(ASC, 1) X(AT, 1) X(ATOMIC, 0) X(AUTHORIZATION, 0) X(BACKUP, 0) \
    X(BEGIN, 0) X(BETWEEN, 1) X(BINARY, 0) X(BINLOG, 0) X(BY, 1) X(CACHE, 0) X(CALL, 0) \
    X(CASE, 1) X(CHAIN, 0) X(CHANGE, 0) X(CHARACTER, 0) X(CHARACTERISTICS, 0) X(CHARSET, 0) \
    X(CHECK, 1) X(CHECKPOINT, 0) X(CHECKSUM, 0) X(CLONE, 0) X(CLOSE, 0) X(CLUSTER, 0) \
    X(COLUMNS, 1) X(COMMENT, 0) X(COMMIT, 0) X(COMMITTED, 0) X(CONFLICT, 1) X(CONNECTION, 0) \
    X(CONSISTENT, 0) X(CONSTRAINT, 1) X(CONSTRAINTS, 0) X(COPY, 0) X(COUNT, 0) X(CREATE, 0) \
    X(CROSS, 1) X(CUBE, 1) X(CURRVAL, 0) X(CURSOR, 0) X(DATABASE, 0) X(DEALLOCATE, 0) \
    X(DECLARE, 0) X(DEFAULT, 0) X(DEFERRABLE, 0) X(DEFINER, 0) X(DELETE, 0) X(DESC, 1) \
    X(DESCRIBE, 0) X(DISCARD, 0) X(DISTINCT, 1) X(DIV, 1) X(DO, 0) X(DROP, 0) X(DUMPFILE, 0) \
    X(ELSE, 1) X(ELSEIF, 1) X(END, 0) X(ENGINE, 0) X(ENGINES, 0) X(ERRORS, 0) X(ESCAPE, 1) \
    X(EVENT, 0) X(EVENTS, 0) X(EXCEPT, 1) X(EXECUTE, 0) X(EXISTS, 1) X(EXPLAIN, 0) X(FALSE, 0) \
    X(FETCH, 0) X(FILTER, 1) X(FIRST, 1) X(FLUSH, 0) X(FOR, 0) X(FOREIGN, 1) X(FORMAT, 0) \
    X(FROM, 1) X(FULL, 0) X(FUNCTION, 0) X(GET, 0) X(GLOBAL, 0) X(GRANT, 0) X(GROUP, 1) \
    X(HANDLER, 0) X(HAVING, 1) X(HELP, 0) X(HOLD, 0) X(HOSTS, 0) X(IF, 0) X(ILIKE, 1) \
    X(IMPORT, 0) X(IN, 1) X(INDEX, 1) X(INNER, 1) X(INSERT, 0) X(INSTALL, 0) X(INSTANCE, 0) \
    X(INTERSECT, 1) X(INTO, 1) X(IS, 1) X(ISOLATION, 0) X(JOIN, 1) X(KEY, 1) X(KILL, 0) \
    X(LASTVAL, 0) X(LATERAL, 1) X(LEVEL, 0) X(LIKE, 1) X(LIMIT, 1) X(LISTEN, 0) X(LOAD, 0) \
    X(LOCAL, 0) X(LOCK, 0) X(LOCKED, 0) X(LOGS, 0) X(MASTER, 0) X(MATERIALIZED, 1) \
    X(MERGE, 0) X(MINUS, 1) X(MODE, 0) X(MOVE, 0) X(NAMES, 0) X(NATURAL, 1) X(NEXT, 0) \
    X(NEXTVAL, 0) X(NO, 0) X(NOT, 1) X(NOTIFY, 0) X(NOWAIT, 0) X(OF, 1) X(OFF, 0) X(OFFSET, 1) \
    X(ON, 1) X(ONLY, 1) X(OPEN, 0) X(OPERATOR, 1) X(OPTIMIZE, 0) X(OR, 1) X(ORDER, 1) \
    X(OUTER, 1) X(OUTFILE, 0) X(OVER, 1) X(OVERLAPS, 1) X(PARTITION, 1) X(PASSWORD, 0) \
    X(PERSIST, 0) X(PERSIST_ONLY, 0) X(PREPARE, 0) X(PREPARED, 0) X(PREVIOUS, 0) \
    X(PRIMARY, 1) X(PROCEDURE, 0) X(PROCESSLIST, 0) X(PROFILE, 0) X(PROFILES, 0) \
    X(PROGRAM, 0) X(PURGE, 0) X(READ, 0) X(REASSIGN, 0) X(RECURSIVE, 1) X(REFERENCES, 1) \
    X(REFRESH, 0) X(REGEXP, 1) X(REINDEX, 0) X(RELAYLOG, 0) X(RELEASE, 0) X(RENAME, 0) \
    X(REPAIR, 0) X(REPEATABLE, 1) X(REPLACE, 0) X(REPLICA, 0) X(REPLICAS, 0) X(RESET, 0) \
    X(RESIGNAL, 0) X(RESOURCE, 0) X(RESTART, 0) X(RETURNING, 1) X(REVOKE, 0) X(RLIKE, 1) X(ROLE, 0) \
    X(ROLLBACK, 0) X(ROLLUP, 1) X(ROW, 1) X(ROWS, 1) X(SAVEPOINT, 0) X(SCHEMA, 0) \
    X(SECURITY, 0) X(SELECT, 1) X(SEQUENCE, 0) X(SERIALIZABLE, 0) X(SESSION, 0) X(SET, 1) \
    X(SETS, 1) X(SHARE, 0) X(SHOW, 0) X(SHUTDOWN, 0) X(SIGNAL, 0) X(SIMILAR, 1) X(SKIP, 0) \
    X(SLAVE, 0) X(SLAVES, 0) X(SNAPSHOT, 0) X(SOME, 1) X(SQL_CALC_FOUND_ROWS, 0) X(STAGE, 0) \
    X(START, 0) X(STATEMENT, 0) X(STATUS, 0) X(STDIN, 0) X(STDOUT, 0) X(STOP, 0) \
    X(STRAIGHT_JOIN, 1) X(TABLE, 0) X(TABLES, 0) X(TABLESAMPLE, 0) X(TEMP, 0) X(TEMPORARY, 0) X(THEN, 1) \
    X(TIME, 0) X(TO, 1) X(TRANSACTION, 0) X(TRIGGER, 0) X(TRUE, 0) X(TRUNCATE, 0) \
    X(UNCOMMITTED, 0) X(UNINSTALL, 0) X(UNION, 1) X(UNIQUE, 1) X(UNLISTEN, 0) X(UNLOCK, 0) \
    X(UNLOGGED, 0) X(UPDATE, 0) X(USE, 0) X(USING, 1) X(VACUUM, 0) X(VALUE, 0) X(VALUES, 1) \
    X(VARIABLES, 0) X(VIEW, 0) X(WARNINGS, 0) X(WHEN, 1) X(WHERE, 1) X(WINDOW, 1) X(WITH, 1) \
    X(WITHIN, 1) X(WORK, 0) X(WRITE, 0) X(XA, 0) X(XOR, 1) X(ZONE, 1)

enum Keyword : std::uint16_t {
    KwNone = 0,
#define SWITCHYARD_KW_ENUM(name, nf) Kw_##name,
    SWITCHYARD_KEYWORDS(SWITCHYARD_KW_ENUM)
#undef SWITCHYARD_KW_ENUM
        KwCount
};

// Keyword id of a word (any case), or KwNone.
std::uint16_t lookupKeyword(std::string_view word);
// The same for the word [p, p+len) inside a buffer readable up to `end` (it may read up to 8
// bytes past the word when they lie before `end`).
std::uint16_t lookupKeyword(const char *p, std::size_t len, const char *end);
bool keywordIsNonFunction(std::uint16_t keyword);
std::string_view keywordName(std::uint16_t keyword);

} // namespace switchyard::routing::detail
