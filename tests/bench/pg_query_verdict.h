// Read/write verdicts for PostgreSQL statements, twice: libpg_query's, derived from its parse
// tree with the rules a parser-based router would use, and Switchyard's (classify+route on a
// fresh session: "replica" is a read). Shared by bench_pg_query_compare (the 882 corpus
// statements, timed) and pg_verdict_diff (any SQL file, untimed).
//
// libpg_query's rules: SELECT without INTO / locking clause / data-modifying statements inside
// / non read-only functions (judged with Switchyard's PostgreSQL function catalog, exact
// names), SHOW, EXPLAIN without ANALYZE (or of a read), COPY ... TO STDOUT of a table or a
// read, and BEGIN/START TRANSACTION READ ONLY (not SERIALIZABLE) are reads; everything else,
// and anything that does not parse, is not.
#pragma once

#include "json_lite.h"

#include "switchyard/routing/function_catalog.h"
#include "switchyard/routing/router.h"

#include <pg_query.h>

#include <optional>
#include <string>

namespace switchyard::routing::pgverdict {

using switchyard::routing::test::Json;

inline const FunctionCatalog &catalog()
{
    static const FunctionCatalog c = FunctionCatalog::defaults(Dialect::PostgreSQL);
    return c;
}

inline bool containsKey(const Json &j, const std::string &key)
{
    if (j.type == Json::Type::Object) {
        for (const auto &[k, v] : j.object)
            if (k == key || containsKey(v, key))
                return true;
    } else if (j.type == Json::Type::Array) {
        for (const Json &v : j.array)
            if (containsKey(v, key))
                return true;
    }
    return false;
}

inline std::string sval(const Json &s)
{
    // {"String": {"sval": "x"}} (PostgreSQL 15) or {"String": {"str": "x"}} (older)
    if (const Json *str = s.get("String")) {
        if (const Json *v = str->get("sval"))
            return v->string;
        if (const Json *v = str->get("str"))
            return v->string;
    }
    return {};
}

// Every FuncCall names a read-only built-in.
inline bool functionsReadOnly(const Json &j)
{
    if (j.type == Json::Type::Object) {
        for (const auto &[k, v] : j.object) {
            if (k == "FuncCall") {
                const Json *names = v.get("funcname");
                if (!names || names->array.empty())
                    return false;
                const std::string name = sval(names->array.back());
                if (names->array.size() == 2 && sval(names->array.front()) != "pg_catalog")
                    return false;
                if (names->array.size() > 2)
                    return false;
                if (catalog().lookupExact(name, foldHash(name)) != FunctionClass::ReadOnly)
                    return false;
            }
            if (!functionsReadOnly(v))
                return false;
        }
    } else if (j.type == Json::Type::Array) {
        for (const Json &v : j.array)
            if (!functionsReadOnly(v))
                return false;
    }
    return true;
}

inline bool nodeIsRead(const Json &wrapped);

inline bool selectIsRead(const Json &select)
{
    return !containsKey(select, "intoClause") && !containsKey(select, "lockingClause")
           && !containsKey(select, "InsertStmt") && !containsKey(select, "UpdateStmt")
           && !containsKey(select, "DeleteStmt") && !containsKey(select, "MergeStmt") && functionsReadOnly(select);
}

inline bool defTrue(const Json &defElem)
{
    const Json *arg = defElem.get("arg");
    if (!arg)
        return true;
    // {"A_Const": {"ival": {"ival": 1}}}, {"A_Const": {"boolval": {"boolval": true}}}, {"String": {"sval": "off"}}
    if (const Json *c = arg->get("A_Const")) {
        if (const Json *b = c->get("boolval"))
            return b->get("boolval") && b->get("boolval")->boolean;
        if (const Json *i = c->get("ival"))
            return i->get("ival") && i->get("ival")->number != 0;
        if (const Json *s = c->get("sval")) {
            const std::string v = s->str("sval");
            return !(v == "off" || v == "false" || v == "0");
        }
        return false;
    }
    const std::string v = sval(*arg);
    return !(v == "off" || v == "false" || v == "0");
}

inline bool nodeIsRead(const Json &wrapped)
{
    if (wrapped.type != Json::Type::Object || wrapped.object.size() != 1)
        return false;
    const std::string &type = wrapped.object.begin()->first;
    const Json &node = wrapped.object.begin()->second;
    if (type == "SelectStmt")
        return selectIsRead(node);
    if (type == "VariableShowStmt")
        return true;
    if (type == "ExplainStmt") {
        bool analyze = false;
        if (const Json *opts = node.get("options"))
            for (const Json &o : opts->array)
                if (const Json *d = o.get("DefElem"))
                    if (d->str("defname") == "analyze")
                        analyze = defTrue(*d);
        if (!analyze)
            return true;
        const Json *query = node.get("query");
        return query && nodeIsRead(*query);
    }
    if (type == "CopyStmt") {
        if (const Json *from = node.get("is_from"); from && from->boolean)
            return false;
        if (node.get("filename") || (node.get("is_program") && node.get("is_program")->boolean))
            return false;
        if (const Json *query = node.get("query"))
            return nodeIsRead(*query);
        return true;
    }
    if (type == "TransactionStmt") {
        const std::string kind = node.str("kind");
        if (kind != "TRANS_STMT_BEGIN" && kind != "TRANS_STMT_START")
            return false;
        bool readOnly = false;
        bool serializable = false;
        if (const Json *opts = node.get("options"))
            for (const Json &o : opts->array)
                if (const Json *d = o.get("DefElem")) {
                    if (d->str("defname") == "transaction_read_only")
                        readOnly = defTrue(*d);
                    if (d->str("defname") == "transaction_isolation") {
                        const Json *arg = d->get("arg");
                        std::string level;
                        if (arg && arg->get("A_Const") && arg->get("A_Const")->get("sval"))
                            level = arg->get("A_Const")->get("sval")->str("sval");
                        serializable = level == "serializable";
                    }
                }
        return readOnly && !serializable;
    }
    return false;
}

// read = every statement of the packet is a read; a parse error is not a read.
inline bool pgQueryVerdict(const std::string &sql, bool *parsed)
{
    PgQueryParseResult r = pg_query_parse(sql.c_str());
    bool read = false;
    *parsed = r.error == nullptr;
    if (!r.error && r.parse_tree) {
        std::optional<Json> tree = Json::parse(r.parse_tree);
        if (tree) {
            const Json *stmts = tree->get("stmts");
            read = stmts && !stmts->array.empty();
            if (stmts)
                for (const Json &raw : stmts->array) {
                    const Json *stmt = raw.get("stmt");
                    if (!stmt || !nodeIsRead(*stmt))
                        read = false;
                }
        }
    }
    pg_query_free_parse_result(r);
    return read;
}

inline bool switchyardVerdict(const std::string &sql)
{
    RouterConfig c;
    c.dialect = Dialect::PostgreSQL;
    Router router(c);
    router.setTopology(TopologyView::simple(2));
    Session s = router.newSession();
    return router.route(s, sql).target == Target::Replica;
}

} // namespace switchyard::routing::pgverdict
