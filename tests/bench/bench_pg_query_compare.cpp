// The same PostgreSQL statements through Switchyard's classify+route and through libpg_query
// (the PostgreSQL parser as a library, Debian's libpg-query-dev): time per statement, and
// whether both agree on "may run on a replica" (read) versus "must not" (write or unsure).
//
// The verdicts and libpg_query's rules are in pg_query_verdict.h. Statements with a Switchyard
// routing hint are left out (libpg_query does not know the hint syntax).
//
// Switchyard is timed twice: classification alone (the counterpart of a parse: text in, the
// facts a read/write verdict is made of out) and classify+route (the verdict, a replica picked,
// the reasons written, the session updated). libpg_query three times: pg_query_parse (its
// parse API as applications call it, JSON out), pg_query_parse_protobuf, and the raw parse
// (pg_query_raw_parse in a memory context: PostgreSQL's grammar alone, with no output an
// application can read; what an embedded parser could cost at best).
#include "pg_query_verdict.h"
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
using namespace switchyard::routing::pgverdict;

namespace {

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
