// A realistic hour of a three-node MariaDB cluster for the chart tests and the screenshot:
// a primary under a varying write load; replica db-2 that falls behind (a long transaction)
// past both thresholds and catches up; replica db-3 that goes down for four minutes and, back,
// has its SQL thread stopped for two (lag unknown). Events to match.
#pragma once

#include "switchyard/ui/history_database.h"

#include <cmath>
#include <vector>

namespace switchyard::testing {

struct HistoryScenario
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 spikeAtMs = 0;      // db-2 lag peak
    double spikeSeconds = 0;
    qint64 downFromMs = 0, downToMs = 0;         // db-3 unreachable
    qint64 unknownFromMs = 0, unknownToMs = 0;   // db-3 SQL thread stopped
};

inline HistoryScenario writeHistoryScenario(ui::HistoryDatabase &db, qint64 endMs, int seconds = 3600)
{
    HistoryScenario s;
    s.endMs = endMs;
    s.startMs = endMs - static_cast<qint64>(seconds - 1) * 1000;
    s.spikeAtMs = s.startMs + static_cast<qint64>(seconds * 0.42) * 1000;
    s.downFromMs = s.startMs + static_cast<qint64>(seconds * 0.66) * 1000;
    s.downToMs = s.downFromMs + 240'000;
    s.unknownFromMs = s.downToMs + 30'000;
    s.unknownToMs = s.unknownFromMs + 120'000;
    std::vector<core::Event> none;
    unsigned noise = 12345;
    auto jitter = [&noise] {
        noise = noise * 1103515245u + 12345u;
        return static_cast<double>((noise >> 16) & 0x7fff) / 32768.0;
    };
    const double rampUp = 300.0, rampDown = 420.0;   // seconds to build up and to catch up
    for (int i = 0; i < seconds; ++i) {
        const qint64 at = s.startMs + static_cast<qint64>(i) * 1000;
        core::RoundSample r;
        r.takenAtMs = at;
        r.generation = static_cast<std::uint64_t>(i + 1);
        const double wave = 0.5 + 0.5 * std::sin(static_cast<double>(i) / 600.0);
        const double tps = 180.0 + 220.0 * wave + 40.0 * jitter();

        core::NodeSample p;
        p.node = "db-1";
        p.role = core::NodeRole::Primary;
        p.reachable = true;
        p.transactionsPerSecond = tps;
        p.queriesPerSecond = tps * 9.5 + 200.0 * jitter();
        p.rowsReadPerSecond = tps * 40.0;
        p.rowsWrittenPerSecond = tps * 3.0;
        p.connections = 40 + static_cast<std::int64_t>(20 * wave);
        p.threadsRunning = 2 + static_cast<std::int64_t>(6 * jitter());

        core::NodeSample r2;
        r2.node = "db-2";
        r2.role = core::NodeRole::Replica;
        r2.reachable = true;
        const double dt = static_cast<double>(at - s.spikeAtMs) / 1000.0;
        double lag = 0.2 + 0.6 * jitter();
        if (dt > -rampUp && dt <= 0)
            lag += 48.0 * (1.0 + dt / rampUp);
        else if (dt > 0 && dt < rampDown)
            lag += 48.0 * (1.0 - dt / rampDown);
        if (at == s.spikeAtMs)
            s.spikeSeconds = lag;
        r2.lagSeconds = lag;
        r2.transactionsBehind = static_cast<std::uint64_t>(lag * tps * 0.9);
        r2.transactionsPerSecond = tps * (dt > 0 && dt < rampDown ? 1.4 : 1.0);
        r2.queriesPerSecond = 12.0 + 3.0 * jitter();
        r2.rowsWrittenPerSecond = *r2.transactionsPerSecond * 3.0;
        r2.connections = 6;

        core::NodeSample r3;
        r3.node = "db-3";
        r3.role = core::NodeRole::Replica;
        r3.reachable = at < s.downFromMs || at >= s.downToMs;
        if (r3.reachable) {
            const bool unknown = at >= s.unknownFromMs && at < s.unknownToMs;
            if (!unknown) {
                const double since = at >= s.unknownToMs ? static_cast<double>(at - s.unknownToMs) / 1000.0 : 1e9;
                r3.lagSeconds = 0.3 + 0.5 * jitter() + (since < 90 ? 14.0 * (1.0 - since / 90.0) : 0.0);
            }
            r3.transactionsPerSecond = unknown ? 0.0 : tps;
            r3.queriesPerSecond = 10.0 + 2.0 * jitter();
            r3.rowsWrittenPerSecond = unknown ? 0.0 : tps * 3.0;
            r3.connections = 5;
        }
        r.nodes = {p, r2, r3};
        db.appendRound(r, none);
    }
    auto ev = [](qint64 at, core::EventType type, core::Severity sev, std::string node) {
        core::Event e;
        e.atMs = at;
        e.type = type;
        e.severity = sev;
        e.node = std::move(node);
        return e;
    };
    std::vector<core::Event> events;
    events.push_back(ev(s.startMs, core::EventType::MonitoringStarted, core::Severity::Info, ""));
    events.back().detail = "3 nodes";
    core::Event w = ev(s.spikeAtMs - 240'000, core::EventType::LagWarning, core::Severity::Warning, "db-2");
    w.value = 10.4;
    w.threshold = 10;
    events.push_back(w);
    core::Event c = ev(s.spikeAtMs - 110'000, core::EventType::LagCritical, core::Severity::Critical, "db-2");
    c.value = 30.9;
    c.threshold = 30;
    events.push_back(c);
    core::Event ok = ev(s.spikeAtMs + 370'000, core::EventType::LagCleared, core::Severity::Info, "db-2");
    ok.value = 6.1;
    ok.threshold = 10;
    events.push_back(ok);
    core::Event down = ev(s.downFromMs, core::EventType::NodeDown, core::Severity::Warning, "db-3");
    down.detail = "Connection refused on 127.0.0.1:23308";
    events.push_back(down);
    events.push_back(ev(s.downToMs, core::EventType::NodeUp, core::Severity::Info, "db-3"));
    core::Event stop = ev(s.unknownFromMs, core::EventType::SqlThreadStopped, core::Severity::Critical, "db-3");
    stop.detail = "SQL error 1062: Duplicate entry '4711' for key 'PRIMARY'";
    events.push_back(stop);
    core::Event err = ev(s.unknownFromMs, core::EventType::ReplicationError, core::Severity::Critical, "db-3");
    err.detail = stop.detail;
    events.push_back(err);
    events.push_back(ev(s.unknownToMs, core::EventType::SqlThreadStarted, core::Severity::Info, "db-3"));
    events.push_back(ev(s.unknownToMs, core::EventType::ReplicationErrorCleared, core::Severity::Info, "db-3"));
    db.appendEvents(events);
    db.recordAction(s.unknownToMs - 5000, QStringLiteral("db-3"), QStringLiteral("Skip one replicated transaction"),
                    QStringLiteral("SET GLOBAL sql_slave_skip_counter = 1; START SLAVE SQL_THREAD"), QStringLiteral("OK"));
    return s;
}

} // namespace switchyard::testing
