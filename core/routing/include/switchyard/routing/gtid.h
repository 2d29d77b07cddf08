// Replication positions and their arithmetic, for routing (read-your-writes), discovery,
// errant-transaction detection and failover:
//
//   MySqlGtidSet     MySQL GTID sets: "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5:11-18,..."
//                    (also tagged GTIDs of MySQL 8.3+: "uuid:tag:1-5"), with contains,
//                    union, subtract, intersect and count.
//   MariaDbGtidList  MariaDB GTID positions: "0-1-100,1-2-5" (domain-server-seq), one position
//                    per replication domain, compared domain by domain.
//   Lsn              PostgreSQL WAL positions: "16/B374D848", compared and subtracted in bytes.
//   ReplicationPosition  one of the above (or none), as a node's applied position or a
//                    session's last write.
//
// Thread contract: plain values; const member functions are safe to call concurrently.
#pragma once

#include "switchyard/result.h"
#include "switchyard/routing/dialect.h"

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace switchyard::routing {

struct Uuid
{
    std::array<std::uint8_t, 16> bytes{};

    // "3E11FA47-71CA-11E1-9E33-C80AA9429562" (any case) or the same 32 digits without dashes.
    static std::optional<Uuid> parse(std::string_view text);
    std::string toString() const;   // lowercase, with dashes

    friend auto operator<=>(const Uuid &, const Uuid &) = default;
    friend bool operator==(const Uuid &, const Uuid &) = default;
};

// Closed interval of transaction numbers, first <= last, both >= 1.
struct GtidInterval
{
    std::uint64_t first = 1;
    std::uint64_t last = 1;
    friend bool operator==(const GtidInterval &, const GtidInterval &) = default;
};

class MySqlGtidSet
{
public:
    // One (uuid, tag) source with its transaction numbers: sorted, disjoint, non-adjacent.
    struct Source
    {
        Uuid uuid;
        std::string tag;                  // empty for untagged GTIDs; lowercase otherwise
        std::vector<GtidInterval> intervals;
        friend bool operator==(const Source &, const Source &) = default;
    };

    MySqlGtidSet() = default;

    // Accepts what MySQL prints (gtid_executed, Executed_Gtid_Set): sources separated by
    // commas, optional whitespace and newlines, "uuid:1-5:7", "uuid:tag:1-5", "uuid:1-3:tag:4".
    // The empty string is the empty set.
    static Result<MySqlGtidSet> parse(std::string_view text);

    // Canonical form: sources ordered by uuid then tag, intervals merged, lowercase uuids,
    // joined by ",": "uuid:1-5:7,uuid2:1-3:tag:4".
    std::string toString() const;

    bool empty() const { return m_sources.empty(); }
    const std::vector<Source> &sources() const { return m_sources; }
    std::uint64_t count() const;          // number of transactions (saturates at UINT64_MAX)

    void add(const Uuid &uuid, GtidInterval interval, std::string_view tag = {});
    void add(const Uuid &uuid, std::uint64_t gno, std::string_view tag = {}) { add(uuid, {gno, gno}, tag); }

    bool contains(const Uuid &uuid, std::uint64_t gno, std::string_view tag = {}) const;
    bool contains(const MySqlGtidSet &other) const;   // other is a subset of this
    MySqlGtidSet unite(const MySqlGtidSet &other) const;
    MySqlGtidSet subtract(const MySqlGtidSet &other) const;  // in this, not in other
    MySqlGtidSet intersect(const MySqlGtidSet &other) const;

    friend bool operator==(const MySqlGtidSet &, const MySqlGtidSet &) = default;

private:
    Source &sourceFor(const Uuid &uuid, std::string_view tag);
    const Source *findSource(const Uuid &uuid, std::string_view tag) const;

    std::vector<Source> m_sources;   // sorted by (uuid, tag); no empty sources
};

struct MariaDbGtid
{
    std::uint32_t domain = 0;
    std::uint32_t server = 0;
    std::uint64_t seq = 0;

    static std::optional<MariaDbGtid> parse(std::string_view text);   // "0-1-100"
    std::string toString() const;
    friend bool operator==(const MariaDbGtid &, const MariaDbGtid &) = default;
};

class MariaDbGtidList
{
public:
    enum class Order {
        Equal,        // the same position in every domain
        Behind,       // this is at or behind other in every domain, behind in at least one
        Ahead,        // this is at or ahead of other in every domain, ahead in at least one
        Diverged,     // ahead in one domain and behind in another
    };

    MariaDbGtidList() = default;

    // "0-1-100,1-2-5" with optional whitespace; the empty string is the empty list. When a
    // domain appears more than once (gtid_binlog_state lists one entry per server), the entry
    // with the highest sequence number stands for the domain.
    static Result<MariaDbGtidList> parse(std::string_view text);
    std::string toString() const;           // ordered by domain: "0-1-100,1-2-5"

    bool empty() const { return m_entries.empty(); }
    const std::vector<MariaDbGtid> &entries() const { return m_entries; }
    std::optional<MariaDbGtid> position(std::uint32_t domain) const;

    // Sets the position of gtid.domain to gtid if it is further (or the domain is new).
    void advance(const MariaDbGtid &gtid);

    // Has this position applied `gtid` (same domain, seq at least as high)?
    bool contains(const MariaDbGtid &gtid) const;
    // Every domain of other is present here with a sequence number at least as high.
    bool contains(const MariaDbGtidList &other) const;
    // Domain by domain; a domain missing on one side counts as sequence number 0 there.
    Order compare(const MariaDbGtidList &other) const;
    MariaDbGtidList unite(const MariaDbGtidList &other) const;     // per domain, the further one
    MariaDbGtidList subtract(const MariaDbGtidList &other) const;  // domains where this is further

    friend bool operator==(const MariaDbGtidList &, const MariaDbGtidList &) = default;

private:
    std::vector<MariaDbGtid> m_entries;   // sorted by domain, one per domain
};

class Lsn
{
public:
    constexpr Lsn() = default;
    constexpr explicit Lsn(std::uint64_t value) : m_value(value) {}

    static std::optional<Lsn> parse(std::string_view text);   // "16/B374D848" (hex, either case)
    std::string toString() const;                              // "16/B374D848"
    constexpr std::uint64_t value() const { return m_value; }

    // this - other, in bytes of WAL (negative when this is behind).
    std::int64_t bytesAfter(Lsn other) const
    {
        return m_value >= other.m_value ? static_cast<std::int64_t>(m_value - other.m_value)
                                        : -static_cast<std::int64_t>(other.m_value - m_value);
    }

    friend constexpr auto operator<=>(Lsn, Lsn) = default;
    friend constexpr bool operator==(Lsn, Lsn) = default;

private:
    std::uint64_t m_value = 0;
};

// A node's applied position, or a session's last write.
class ReplicationPosition
{
public:
    enum class Kind : std::uint8_t { None, MySqlGtid, MariaDbGtid, Lsn };

    ReplicationPosition() = default;
    ReplicationPosition(MySqlGtidSet set) : m_value(std::move(set)) {}
    ReplicationPosition(MariaDbGtidList list) : m_value(std::move(list)) {}
    ReplicationPosition(Lsn lsn) : m_value(lsn) {}

    // The dialect says which syntax: MySQL GTID set, MariaDB GTID list or PostgreSQL LSN.
    // Empty text is Kind::None.
    static Result<ReplicationPosition> parse(Dialect dialect, std::string_view text);

    Kind kind() const { return static_cast<Kind>(m_value.index()); }
    bool empty() const;
    const MySqlGtidSet *mysql() const { return std::get_if<MySqlGtidSet>(&m_value); }
    const MariaDbGtidList *mariadb() const { return std::get_if<MariaDbGtidList>(&m_value); }
    const Lsn *lsn() const { return std::get_if<Lsn>(&m_value); }

    // Has a node at this position applied everything in `needed`? An empty `needed` is always
    // contained; positions of different kinds never contain each other.
    bool contains(const ReplicationPosition &needed) const;
    // Accumulates another write: union (MySQL), per-domain maximum (MariaDB), maximum (LSN).
    // A different kind replaces the current value.
    void merge(const ReplicationPosition &other);
    std::string toString() const;

    friend bool operator==(const ReplicationPosition &, const ReplicationPosition &) = default;

private:
    std::variant<std::monostate, MySqlGtidSet, MariaDbGtidList, Lsn> m_value;
};

} // namespace switchyard::routing
