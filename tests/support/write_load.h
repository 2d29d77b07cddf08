// A write load for switchover tests and the benchmark: one client inserting sequence numbers
// (autocommit, one row per statement) through the application account, recording which were
// acknowledged and when. When a write fails it looks for whichever node is writable now
// (read_only = 0) and carries on there with the next number; a failed number is never retried
// (its fate is unknown: it is neither lost nor duplicated if it shows up or not).
//
// Afterwards verify() checks on any node that every acknowledged number is there exactly once,
// and blackout() gives the longest gap between acknowledged writes in a time window.
//
// Thread contract: start() runs the writer on its own thread; stop() joins it. The other
// methods are for after stop() (acknowledged()) or take their own lock.
#pragma once

#include "switchyard/core/connection.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace switchyard::testing {

class WriteLoad
{
public:
    using Clock = std::chrono::steady_clock;

    struct Ack
    {
        std::int64_t seq = 0;
        Clock::time_point at;
    };

    // `nodes`: application-account options for every node (engine MySQL or PostgreSQL);
    // `table`: schema-qualified table name to create and fill.
    WriteLoad(std::vector<core::ConnectionOptions> nodes, std::string table)
        : m_nodes(std::move(nodes)), m_table(std::move(table))
    {
        for (auto &o : m_nodes) {
            o.connectTimeout = std::chrono::milliseconds(500);
            o.readTimeout = std::chrono::milliseconds(3000);
            o.writeTimeout = std::chrono::milliseconds(3000);
        }
    }
    ~WriteLoad() { stop(); }

    bool postgres() const { return !m_nodes.empty() && m_nodes.front().engine == core::Engine::PostgreSQL; }

    // Creates the table on the writable node (replicated from there).
    Status createTable()
    {
        auto c = findWritable(std::chrono::seconds(10));
        if (!c)
            return makeError(ErrorCode::ConnectFailed, "no writable node for the write load");
        const std::string ddl = postgres()
                                    ? "CREATE TABLE IF NOT EXISTS " + m_table + " (id BIGSERIAL PRIMARY KEY, seq BIGINT NOT NULL)"
                                    : "CREATE TABLE IF NOT EXISTS " + m_table
                                          + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, seq BIGINT NOT NULL, KEY(seq)) ENGINE=InnoDB";
        if (auto r = c->execute(ddl); !r)
            return r.error();
        return okStatus();
    }

    void start()
    {
        m_stop = false;
        m_thread = std::thread([this] { loop(); });
    }

    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }

    std::vector<Ack> acknowledged() const
    {
        std::lock_guard lock(m_mutex);
        return m_acks;
    }
    std::int64_t attempted() const { return m_next.load() - 1; }
    std::int64_t failures() const { return m_failures.load(); }
    std::size_t ackCount() const
    {
        std::lock_guard lock(m_mutex);
        return m_acks.size();
    }
    // Blocks until `n` more writes were acknowledged (or the timeout passes).
    bool waitForAcks(std::size_t more, std::chrono::milliseconds timeout) const
    {
        const std::size_t target = ackCount() + more;
        const auto until = Clock::now() + timeout;
        while (ackCount() < target) {
            if (Clock::now() > until)
                return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        return true;
    }

    // Longest gap between consecutive acknowledged writes that overlaps [from, to].
    std::chrono::microseconds blackout(Clock::time_point from, Clock::time_point to) const
    {
        std::lock_guard lock(m_mutex);
        std::chrono::microseconds worst{0};
        for (std::size_t i = 1; i < m_acks.size(); ++i) {
            const auto a = m_acks[i - 1].at, b = m_acks[i].at;
            if (b < from || a > to)
                continue;
            worst = std::max(worst, std::chrono::duration_cast<std::chrono::microseconds>(b - a));
        }
        return worst;
    }

    struct Verdict
    {
        std::size_t acknowledged = 0;
        std::size_t rows = 0;
        std::vector<std::int64_t> lost;        // acknowledged, not in the table
        std::vector<std::int64_t> duplicated;  // in the table more than once
        std::string error;
        bool ok() const { return error.empty() && lost.empty() && duplicated.empty(); }
    };

    // Reads the whole table on `node` (any account that can read it).
    Verdict verify(const core::ConnectionOptions &node) const
    {
        Verdict v;
        auto c = core::createConnection(node);
        if (auto st = c->connect(); !st) {
            v.error = st.error().describe();
            return v;
        }
        auto r = c->query("SELECT seq, COUNT(*) FROM " + m_table + " GROUP BY seq");
        if (!r) {
            v.error = r.error().describe();
            return v;
        }
        std::set<std::int64_t> present;
        for (const auto &row : r->rows) {
            const std::int64_t seq = std::stoll(row[0].value_or("0"));
            const std::int64_t n = std::stoll(row[1].value_or("0"));
            present.insert(seq);
            v.rows += static_cast<std::size_t>(n);
            if (n > 1)
                v.duplicated.push_back(seq);
        }
        const auto acks = acknowledged();
        v.acknowledged = acks.size();
        for (const Ack &a : acks) {
            if (!present.count(a.seq))
                v.lost.push_back(a.seq);
        }
        return v;
    }

private:
    std::unique_ptr<core::Connection> findWritable(std::chrono::milliseconds limit)
    {
        const auto until = Clock::now() + limit;
        while (Clock::now() < until && !m_stop) {
            for (const auto &o : m_nodes) {
                auto c = core::createConnection(o);
                if (!c->connect())
                    continue;
                auto r = c->query(postgres() ? "SELECT CASE WHEN pg_is_in_recovery() OR current_setting("
                                               "'default_transaction_read_only') = 'on' THEN 1 ELSE 0 END"
                                             : "SELECT @@GLOBAL.read_only");
                if (r && !r->rows.empty() && r->rows[0][0].value_or("1") == "0")
                    return c;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return nullptr;
    }

    void loop()
    {
        std::unique_ptr<core::Connection> c;
        while (!m_stop) {
            if (!c) {
                c = findWritable(std::chrono::seconds(2));
                if (!c)
                    continue;
            }
            const std::int64_t seq = m_next++;
            auto r = c->execute("INSERT INTO " + m_table + " (seq) VALUES (" + std::to_string(seq) + ")");
            if (r) {
                std::lock_guard lock(m_mutex);
                m_acks.push_back({seq, Clock::now()});
            } else {
                ++m_failures;
                c.reset();   // read-only now, or gone: find the writable node
            }
        }
    }

    std::vector<core::ConnectionOptions> m_nodes;
    std::string m_table;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<std::int64_t> m_next{1};
    std::atomic<std::int64_t> m_failures{0};
    mutable std::mutex m_mutex;
    std::vector<Ack> m_acks;   // guarded by m_mutex
};

} // namespace switchyard::testing
