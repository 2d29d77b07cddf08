// Consistency levels a session may ask of the router for its reads.
//
//   strong             every read on the primary
//   read-your-writes   a replica only once it has applied the session's last write (by GTID set,
//                      GTID list or LSN, reported with Session::noteWritePosition); otherwise the
//                      primary
//   session-window:N   the primary for N milliseconds after the session's last write
//   bounded-staleness:N replicas whose lag is known and at most N seconds (unknown lag is not 0)
//   eventual           any healthy replica in the pool
//
// Thread contract: a plain value.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace switchyard::routing {

enum class ConsistencyLevel : std::uint8_t { Strong, ReadYourWrites, SessionWindow, BoundedStaleness, Eventual };

struct Consistency
{
    ConsistencyLevel level = ConsistencyLevel::Eventual;
    std::chrono::milliseconds window{0};   // SessionWindow
    double maxLagSeconds = 0;              // BoundedStaleness

    static Consistency strong() { return {ConsistencyLevel::Strong, {}, 0}; }
    static Consistency readYourWrites() { return {ConsistencyLevel::ReadYourWrites, {}, 0}; }
    static Consistency sessionWindow(std::chrono::milliseconds w) { return {ConsistencyLevel::SessionWindow, w, 0}; }
    static Consistency boundedStaleness(double seconds) { return {ConsistencyLevel::BoundedStaleness, {}, seconds}; }
    static Consistency eventual() { return {}; }

    // "strong", "read-your-writes", "session-window:500" (ms; "500ms" and "2s" too),
    // "bounded-staleness:5" (seconds; "5s" and "500ms" too), "eventual". Underscores work too.
    static std::optional<Consistency> parse(std::string_view text);
    std::string toString() const;
};

std::string_view consistencyLevelName(ConsistencyLevel level);

} // namespace switchyard::routing
