// classify+route throughput and per-statement latency over the routing corpora and a
// sysbench-like OLTP mix. Run through tests/bench/run_routing_bench.sh (Release, one core).
//
// Two ways to get a per-statement figure, both reported:
//   BM_*_Throughput   Google Benchmark's time per iteration, one statement per iteration,
//                     cycling through the workload (mean, cold-ish branch history).
//   BM_*_Median       each statement timed on its own (512 routes of it, in its own session
//                     state) and the median over statements; and every call of the OLTP
//                     sequence timed individually, clock overhead subtracted.
#include "routing_workloads.h"

#include <benchmark/benchmark.h>

#include <map>
#include <memory>

using namespace switchyard::routing;
using namespace switchyard::routing::bench;

namespace {

struct Prepared
{
    std::vector<Statement> statements;
    std::vector<std::unique_ptr<Router>> routers;   // one per dialect (index = Dialect)
    std::vector<Session> sessions;                  // one per statement (corpus) or per client (OLTP)
    std::vector<std::size_t> sessionOf;
};

Router &routerFor(Prepared &p, Dialect d)
{
    const std::size_t i = static_cast<std::size_t>(d);
    if (p.routers.size() <= i)
        p.routers.resize(i + 1);
    if (!p.routers[i]) {
        RouterConfig c;
        c.dialect = d;
        p.routers[i] = std::make_unique<Router>(c);
        p.routers[i]->setTopology(TopologyView::simple(2));
    }
    return *p.routers[i];
}

Prepared prepareCorpus()
{
    Prepared p;
    p.statements = corpusStatements();
    for (const Statement &s : p.statements) {
        Router &r = routerFor(p, s.dialect);
        p.sessions.push_back(r.newSession());
        for (const std::string &setup : s.setup)
            r.route(p.sessions.back(), setup);
        p.sessionOf.push_back(p.sessions.size() - 1);
    }
    return p;
}

Prepared prepareOltp(Dialect d)
{
    Prepared p;
    p.statements = oltpMix(d);
    Router &r = routerFor(p, d);
    int clients = 0;
    for (const Statement &s : p.statements)
        clients = std::max(clients, s.session + 1);
    for (int i = 0; i < clients; ++i)
        p.sessions.push_back(r.newSession());
    for (const Statement &s : p.statements)
        p.sessionOf.push_back(static_cast<std::size_t>(s.session));
    return p;
}

void throughput(benchmark::State &state, Prepared &p)
{
    std::size_t i = 0;
    std::size_t bytes = 0;
    const std::size_t n = p.statements.size();
    for (auto _ : state) {
        const Statement &s = p.statements[i];
        const RouteDecision &d = routerFor(p, s.dialect).route(p.sessions[p.sessionOf[i]], s.sql);
        benchmark::DoNotOptimize(d.target);
        bytes += s.sql.size();
        if (++i == n)
            i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
    state.counters["statements"] = static_cast<double>(n);
}

// Each statement repeated in its own session: the median over statements of the mean time.
void perStatementMedian(benchmark::State &state, Prepared &p, int repeats)
{
    std::vector<double> perStatement;
    for (auto _ : state) {
        perStatement.clear();
        for (std::size_t i = 0; i < p.statements.size(); ++i) {
            const Statement &s = p.statements[i];
            Router &r = routerFor(p, s.dialect);
            Session &session = p.sessions[p.sessionOf[i]];
            for (int w = 0; w < 16; ++w)
                benchmark::DoNotOptimize(r.route(session, s.sql).target);
            const auto t0 = std::chrono::steady_clock::now();
            for (int k = 0; k < repeats; ++k)
                benchmark::DoNotOptimize(r.route(session, s.sql).target);
            const auto t1 = std::chrono::steady_clock::now();
            perStatement.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count() / repeats);
        }
    }
    const Percentiles pc = percentiles(perStatement);
    state.counters["median_ns"] = pc.median;
    state.counters["p90_ns"] = pc.p90;
    state.counters["p99_ns"] = pc.p99;
    state.counters["mean_ns"] = pc.mean;
    state.counters["statements"] = static_cast<double>(perStatement.size());
}

// Every call timed on its own, in workload order (state transitions as they happen).
void perCallMedian(benchmark::State &state, Prepared &p, int passes)
{
    const double overhead = clockOverheadNs();
    std::vector<double> calls;
    for (auto _ : state) {
        calls.clear();
        for (int pass = 0; pass < passes; ++pass) {
            for (Session &s : p.sessions)
                s.reset();
            for (std::size_t i = 0; i < p.statements.size(); ++i) {
                const Statement &s = p.statements[i];
                Router &r = routerFor(p, s.dialect);
                Session &session = p.sessions[p.sessionOf[i]];
                const auto t0 = std::chrono::steady_clock::now();
                const RouteDecision &d = r.route(session, s.sql);
                const auto t1 = std::chrono::steady_clock::now();
                benchmark::DoNotOptimize(d.target);
                calls.push_back(std::max(0.0, std::chrono::duration<double, std::nano>(t1 - t0).count() - overhead));
            }
        }
    }
    const Percentiles pc = percentiles(calls);
    state.counters["median_ns"] = pc.median;
    state.counters["p90_ns"] = pc.p90;
    state.counters["p99_ns"] = pc.p99;
    state.counters["mean_ns"] = pc.mean;
    state.counters["clock_overhead_ns"] = overhead;
}

Prepared &corpus()
{
    static Prepared p = prepareCorpus();
    return p;
}

Prepared &oltp(Dialect d)
{
    static std::map<Dialect, Prepared> cache;
    auto it = cache.find(d);
    if (it == cache.end())
        it = cache.emplace(d, prepareOltp(d)).first;
    return it->second;
}

void BM_Corpus_Throughput(benchmark::State &state) { throughput(state, corpus()); }
void BM_Corpus_Median(benchmark::State &state) { perStatementMedian(state, corpus(), 512); }
void BM_OltpMySQL_Throughput(benchmark::State &state) { throughput(state, oltp(Dialect::MySQL)); }
void BM_OltpPostgres_Throughput(benchmark::State &state) { throughput(state, oltp(Dialect::PostgreSQL)); }
void BM_OltpMySQL_Median(benchmark::State &state) { perCallMedian(state, oltp(Dialect::MySQL), 20); }
void BM_OltpPostgres_Median(benchmark::State &state) { perCallMedian(state, oltp(Dialect::PostgreSQL), 20); }
void BM_OltpMySQL_StatementMedian(benchmark::State &state)
{
    Prepared p = prepareOltp(Dialect::MySQL);
    perStatementMedian(state, p, 256);
}

// The classifier alone (no session, no balancing).
void classifyOnly(benchmark::State &state, const std::vector<Statement> &statements)
{
    Classifier classifiers[] = {Classifier(Dialect::MySQL), Classifier(Dialect::MariaDB), Classifier(Dialect::PostgreSQL)};
    PacketInfo packet;
    std::size_t i = 0;
    for (auto _ : state) {
        const Statement &s = statements[i];
        const Classifier &c = classifiers[static_cast<int>(s.dialect)];
        c.classify(s.sql, LexOptions::forDialect(s.dialect), packet);
        benchmark::DoNotOptimize(packet.statements.data());
        if (++i == statements.size())
            i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
void BM_Corpus_ClassifyOnly(benchmark::State &state) { classifyOnly(state, corpus().statements); }
void BM_OltpMySQL_ClassifyOnly(benchmark::State &state) { classifyOnly(state, oltp(Dialect::MySQL).statements); }

// Lexing alone.
void BM_OltpMySQL_LexOnly(benchmark::State &state)
{
    const std::vector<Statement> &statements = oltp(Dialect::MySQL).statements;
    std::vector<Token> tokens;
    std::size_t i = 0;
    for (auto _ : state) {
        tokens.clear();
        Lexer lx(statements[i].sql, LexOptions::forDialect(Dialect::MySQL));
        lx.tokenize(tokens);
        benchmark::DoNotOptimize(tokens.data());
        if (++i == statements.size())
            i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

// A single point select, the most common OLTP statement.
void BM_PointSelect(benchmark::State &state)
{
    Router r(RouterConfig{});
    r.setTopology(TopologyView::simple(2));
    Session s = r.newSession();
    for (auto _ : state)
        benchmark::DoNotOptimize(r.route(s, "SELECT c FROM sbtest1 WHERE id=50345").target);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

// A 50 KB multi-row INSERT: the scanning path's bytes per second.
void BM_LongInsert(benchmark::State &state)
{
    std::string sql = "INSERT INTO t (a, b, c) VALUES ";
    for (int i = 0; sql.size() < 50 * 1024; ++i) {
        if (i)
            sql += ", ";
        sql.push_back('(');
        sql.append(std::to_string(i)).append(", 'some text ").append(std::to_string(i * 7)).append("', ");
        sql.append(std::to_string(i % 13)).push_back(')');
    }
    Router r(RouterConfig{});
    r.setTopology(TopologyView::simple(2));
    Session s = r.newSession();
    for (auto _ : state)
        benchmark::DoNotOptimize(r.route(s, sql).target);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * static_cast<std::int64_t>(sql.size())));
}

} // namespace

BENCHMARK(BM_PointSelect);
BENCHMARK(BM_Corpus_ClassifyOnly);
BENCHMARK(BM_OltpMySQL_ClassifyOnly);
BENCHMARK(BM_OltpMySQL_LexOnly);
BENCHMARK(BM_Corpus_Throughput);
BENCHMARK(BM_Corpus_Median)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OltpMySQL_Throughput);
BENCHMARK(BM_OltpPostgres_Throughput);
BENCHMARK(BM_OltpMySQL_Median)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OltpPostgres_Median)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OltpMySQL_StatementMedian)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LongInsert);

BENCHMARK_MAIN();
