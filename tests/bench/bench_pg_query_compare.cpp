// The same PostgreSQL statements through Switchyard's classify+route and through libpg_query
// (the PostgreSQL parser as a library, Debian's libpg-query-dev): time per statement, and
// whether both agree on "may run on a replica" (read) versus "must not" (write or unsure).
//
// libpg_query's verdict is derived from its parse tree with rules a parser-based router
// would use: SELECT without INTO / locking clause / data-modifying statements inside / non
// read-only functions (judged with Switchyard's PostgreSQL function catalog, exact names),
// SHOW, EXPLAIN without ANALYZE (or of a read), COPY ... TO STDOUT of a table or a read, and
// BEGIN/START TRANSACTION READ ONLY (not SERIALIZABLE) are reads; everything else, and
// anything that does not parse, is not. Statements with a Switchyard routing hint are left out
// (libpg_query does not know the hint syntax).
//
// Switchyard is timed twice: classification alone (the counterpart of a parse: text in, the
// facts a read/write verdict is made of out) and classify+route (the verdict, a replica picked,
// the reasons written, the session updated). libpg_query three times: pg_query_parse (its
// parse API as applications call it, JSON out), pg_query_parse_protobuf, and the raw parse
// (pg_query_raw_parse in a memory context: PostgreSQL's grammar alone, with no output an
// application can read; what an embedded parser could cost at best).
#include "routing_workloads.h"

#include <benchmark/benchmark.h>
#include <pg_query.h>

#include <cstdio>
#include <cstdlib>

// libpg_query's internal raw-parse entry points (pg_query_internal.h needs PostgreSQL's own
// headers, which the Debian package does not ship); the layout matches that header.
extern "C" {
struct SwitchyardPgRawParse
{
    void *tree;
    char *stderrBuffer;
    PgQueryError *error;
};
SwitchyardPgRawParse pg_query_raw_parse(const char *input);
void pg_query_free_error(PgQueryError *error);
void *pg_query_enter_memory_context();
void pg_query_exit_memory_context(void *ctx);
}

using namespace switchyard::routing;
using namespace switchyard::routing::bench;
using switchyard::routing::test::Json;

namespace {

// ---- libpg_query's verdict ----------------------------------------------------------------

const FunctionCatalog &catalog()
{
    static const FunctionCatalog c = FunctionCatalog::defaults(Dialect::PostgreSQL);
    return c;
}

bool containsKey(const Json &j, const std::string &key)
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

std::string sval(const Json &s)
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
bool functionsReadOnly(const Json &j)
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

bool nodeIsRead(const Json &wrapped);

bool selectIsRead(const Json &select)
{
    return !containsKey(select, "intoClause") && !containsKey(select, "lockingClause")
           && !containsKey(select, "InsertStmt") && !containsKey(select, "UpdateStmt")
           && !containsKey(select, "DeleteStmt") && !containsKey(select, "MergeStmt") && functionsReadOnly(select);
}

bool defTrue(const Json &defElem)
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

bool nodeIsRead(const Json &wrapped)
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
bool pgQueryVerdict(const std::string &sql, bool *parsed)
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

bool switchyardVerdict(const std::string &sql)
{
    RouterConfig c;
    c.dialect = Dialect::PostgreSQL;
    Router router(c);
    router.setTopology(TopologyView::simple(2));
    Session s = router.newSession();
    return router.route(s, sql).target == Target::Replica;
}

// ---- the statements ------------------------------------------------------------------------

std::vector<std::string> postgresStatements()
{
    std::vector<std::string> out;
    for (const Statement &s : corpusStatements())
        if (s.dialect == Dialect::PostgreSQL && s.sql.find("switchyard:") == std::string::npos)
            out.push_back(s.sql);
    // The OLTP mix once per distinct statement shape (its literals vary).
    for (const Statement &s : oltpMix(Dialect::PostgreSQL, 40, 4))
        out.push_back(s.sql);
    return out;
}

const std::vector<std::string> &statements()
{
    static const std::vector<std::string> s = postgresStatements();
    return s;
}

// ---- timings -------------------------------------------------------------------------------

void BM_Switchyard_ClassifyRoute(benchmark::State &state)
{
    const auto &sql = statements();
    RouterConfig c;
    c.dialect = Dialect::PostgreSQL;
    Router router(c);
    router.setTopology(TopologyView::simple(2));
    std::vector<Session> sessions;
    for (std::size_t i = 0; i < sql.size(); ++i)
        sessions.push_back(router.newSession());
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(router.route(sessions[i], sql[i]).target);
        if (++i == sql.size())
            i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void BM_Switchyard_ClassifyOnly(benchmark::State &state)
{
    const auto &sql = statements();
    const Classifier classifier(Dialect::PostgreSQL);
    const LexOptions options = LexOptions::forDialect(Dialect::PostgreSQL);
    PacketInfo info;
    std::size_t i = 0;
    for (auto _ : state) {
        classifier.classify(sql[i], options, info);
        benchmark::DoNotOptimize(info);
        if (++i == sql.size())
            i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void rawParse(const std::string &sql)
{
    void *ctx = pg_query_enter_memory_context();
    SwitchyardPgRawParse r = pg_query_raw_parse(sql.c_str());
    benchmark::DoNotOptimize(r.tree);
    std::free(r.stderrBuffer);
    if (r.error)
        pg_query_free_error(r.error);
    pg_query_exit_memory_context(ctx);
}

void BM_LibPgQuery_RawParse(benchmark::State &state)
{
    const auto &sql = statements();
    std::size_t i = 0;
    for (auto _ : state) {
        rawParse(sql[i]);
        if (++i == sql.size())
            i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void BM_LibPgQuery_ParseJson(benchmark::State &state)
{
    const auto &sql = statements();
    std::size_t i = 0;
    for (auto _ : state) {
        PgQueryParseResult r = pg_query_parse(sql[i].c_str());
        benchmark::DoNotOptimize(r.parse_tree);
        pg_query_free_parse_result(r);
        if (++i == sql.size())
            i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void BM_LibPgQuery_ParseProtobuf(benchmark::State &state)
{
    const auto &sql = statements();
    std::size_t i = 0;
    for (auto _ : state) {
        PgQueryProtobufParseResult r = pg_query_parse_protobuf(sql[i].c_str());
        benchmark::DoNotOptimize(r.parse_tree.data);
        pg_query_free_protobuf_parse_result(r);
        if (++i == sql.size())
            i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

// One pass measuring all three the same way, plus the verdict comparison.
void BM_Comparison(benchmark::State &state)
{
    const auto &sql = statements();
    double ours = 0, classifyOnly = 0, raw = 0, json = 0, protobuf = 0;
    int disagreements = 0;
    int parseErrors = 0;
    for (auto _ : state) {
        for (const std::string &s : sql) {
            bool parsed = false;
            const bool a = switchyardVerdict(s);
            const bool b = pgQueryVerdict(s, &parsed);
            if (!parsed)
                ++parseErrors;
            if (a != b) {
                ++disagreements;
                std::fprintf(stderr, "disagreement: switchyard=%s libpg_query=%s: %s\n", a ? "read" : "write",
                             b ? "read" : "write", s.c_str());
            }
        }
        RouterConfig c;
        c.dialect = Dialect::PostgreSQL;
        Router router(c);
        router.setTopology(TopologyView::simple(2));
        std::vector<Session> sessions;
        for (std::size_t i = 0; i < sql.size(); ++i)
            sessions.push_back(router.newSession());
        const Classifier classifier(Dialect::PostgreSQL);
        const LexOptions options = LexOptions::forDialect(Dialect::PostgreSQL);
        PacketInfo info;
        constexpr int kPasses = 200;
        const double n = static_cast<double>(sql.size());
        using Ns = std::chrono::duration<double, std::nano>;
        // Each timing is the best of three rounds: the machine may be busy with something else.
        auto best = [&](int passes, auto &&body) {
            double out = 1e300;
            for (int round = 0; round < 3; ++round) {
                const auto t0 = std::chrono::steady_clock::now();
                for (int p = 0; p < passes; ++p)
                    body();
                out = std::min(out, Ns(std::chrono::steady_clock::now() - t0).count() / (n * passes));
            }
            return out;
        };
        ours = best(kPasses, [&] {
            for (std::size_t i = 0; i < sql.size(); ++i)
                benchmark::DoNotOptimize(router.route(sessions[i], sql[i]).target);
        });
        classifyOnly = best(kPasses, [&] {
            for (const std::string &s : sql) {
                classifier.classify(s, options, info);
                benchmark::DoNotOptimize(info.statements.data());
            }
        });
        raw = best(kPasses, [&] {
            for (const std::string &s : sql)
                rawParse(s);
        });
        json = best(kPasses / 4, [&] {
            for (const std::string &s : sql) {
                PgQueryParseResult r = pg_query_parse(s.c_str());
                benchmark::DoNotOptimize(r.parse_tree);
                pg_query_free_parse_result(r);
            }
        });
        protobuf = best(kPasses / 10, [&] {
            for (const std::string &s : sql) {
                PgQueryProtobufParseResult r = pg_query_parse_protobuf(s.c_str());
                benchmark::DoNotOptimize(r.parse_tree.data);
                pg_query_free_protobuf_parse_result(r);
            }
        });
    }
    state.counters["statements"] = static_cast<double>(sql.size());
    state.counters["switchyard_ns"] = ours;
    state.counters["pg_raw_parse_ns"] = raw;
    state.counters["classify_ns"] = classifyOnly;
    state.counters["pg_parse_json_ns"] = json;
    state.counters["pg_parse_protobuf_ns"] = protobuf;
    state.counters["speedup_vs_raw"] = raw / ours;
    state.counters["speedup_vs_json"] = json / ours;
    state.counters["classify_speedup_vs_raw"] = raw / classifyOnly;
    state.counters["classify_speedup_vs_json"] = json / classifyOnly;
    state.counters["disagreements"] = disagreements;
    state.counters["pg_parse_errors"] = parseErrors;
}

} // namespace

BENCHMARK(BM_Switchyard_ClassifyRoute);
BENCHMARK(BM_Switchyard_ClassifyOnly);
BENCHMARK(BM_LibPgQuery_RawParse);
BENCHMARK(BM_LibPgQuery_ParseProtobuf);
BENCHMARK(BM_LibPgQuery_ParseJson);
BENCHMARK(BM_Comparison)->Iterations(1)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
