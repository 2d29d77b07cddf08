// Workloads shared by the routing benchmarks: the routing corpora (shared + extra) and a
// sysbench-like OLTP mix, plus a per-call timer for medians.
#pragma once

#include "corpus.h"

#include "switchyard/routing/router.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace switchyard::routing::bench {

struct Statement
{
    Dialect dialect = Dialect::MySQL;
    std::vector<std::string> setup;   // run once in the statement's session before measuring
    std::string sql;
    int session = 0;                  // OLTP: which client session
};

inline std::vector<Statement> corpusStatements(bool includeExtra = true)
{
    std::vector<test::CorpusCase> cases;
    std::string error;
    test::loadCorpus(test::corpusPath("routing-corpus.jsonl"), cases, error);
    if (includeExtra)
        test::loadCorpus(test::corpusPath("routing-extra.jsonl", false), cases, error);
    std::vector<Statement> out;
    for (const test::CorpusCase &c : cases) {
        Statement s;
        s.dialect = parseDialect(c.dialect).value_or(Dialect::MySQL);
        s.setup = c.setup;
        s.sql = c.sql;
        out.push_back(std::move(s));
    }
    return out;
}

// sysbench oltp_read_write transactions mixed with oltp_read_only-style autocommit reads,
// spread over `clients` sessions, with literal values as sysbench sends them in text mode.
inline std::vector<Statement> oltpMix(Dialect dialect, int transactions = 200, int clients = 16, std::uint32_t seed = 42)
{
    std::mt19937 rng(seed);
    auto id = [&] { return std::to_string(1 + rng() % 100000); };
    auto text = [&](std::size_t n) {
        std::string s;
        for (std::size_t i = 0; i < n; ++i) {
            if (i && i % 12 == 0)
                s.push_back('-');
            s.push_back(static_cast<char>('0' + rng() % 10));
        }
        return s;
    };
    std::vector<Statement> out;
    auto add = [&](int client, std::string sql) {
        Statement s;
        s.dialect = dialect;
        s.sql = std::move(sql);
        s.session = client;
        out.push_back(std::move(s));
    };
    for (int t = 0; t < transactions; ++t) {
        const int client = static_cast<int>(rng() % static_cast<std::uint32_t>(clients));
        const std::string tbl = "sbtest" + std::to_string(1 + rng() % 8);
        const bool readWrite = (t % 2) == 0;
        if (readWrite)
            add(client, "BEGIN");
        for (int i = 0; i < 10; ++i)
            add(client, "SELECT c FROM " + tbl + " WHERE id=" + id());
        const std::string a = id();
        const std::string b = std::to_string(std::stoul(a) + 99);
        add(client, "SELECT c FROM " + tbl + " WHERE id BETWEEN " + a + " AND " + b);
        add(client, "SELECT SUM(k) FROM " + tbl + " WHERE id BETWEEN " + a + " AND " + b);
        add(client, "SELECT c FROM " + tbl + " WHERE id BETWEEN " + a + " AND " + b + " ORDER BY c");
        add(client, "SELECT DISTINCT c FROM " + tbl + " WHERE id BETWEEN " + a + " AND " + b + " ORDER BY c");
        if (readWrite) {
            add(client, "UPDATE " + tbl + " SET k=k+1 WHERE id=" + id());
            add(client, "UPDATE " + tbl + " SET c='" + text(119) + "' WHERE id=" + id());
            const std::string victim = id();
            add(client, "DELETE FROM " + tbl + " WHERE id=" + victim);
            add(client, "INSERT INTO " + tbl + " (id, k, c, pad) VALUES (" + victim + ", " + id() + ", '" + text(119)
                            + "', '" + text(59) + "')");
            add(client, "COMMIT");
        }
    }
    return out;
}

// Overhead of reading the clock twice, to subtract from per-call timings.
inline double clockOverheadNs()
{
    std::vector<double> samples;
    for (int i = 0; i < 20001; ++i) {
        const auto a = std::chrono::steady_clock::now();
        const auto b = std::chrono::steady_clock::now();
        samples.push_back(static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(b - a).count()));
    }
    std::nth_element(samples.begin(), samples.begin() + samples.size() / 2, samples.end());
    return samples[samples.size() / 2];
}

struct Percentiles
{
    double median = 0;
    double p90 = 0;
    double p99 = 0;
    double mean = 0;
};

inline Percentiles percentiles(std::vector<double> v)
{
    Percentiles p;
    if (v.empty())
        return p;
    std::sort(v.begin(), v.end());
    auto at = [&](double q) { return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))]; };
    p.median = at(0.5);
    p.p90 = at(0.9);
    p.p99 = at(0.99);
    double sum = 0;
    for (double x : v)
        sum += x;
    p.mean = sum / static_cast<double>(v.size());
    return p;
}

} // namespace switchyard::routing::bench
