#include "switchyard/core/metrics.h"

#include "switchyard/core/topology.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

namespace switchyard::core {

const NodeSample *RoundSample::find(std::string_view name) const
{
    for (const NodeSample &n : nodes)
        if (n.node == name)
            return &n;
    return nullptr;
}

namespace {

bool answered(const NodeStatus &n)
{
    return n.reachability == Reachability::Reachable;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

template <typename F>
void forEachItem(std::string_view text, char sep, F &&f)
{
    while (!text.empty()) {
        const std::size_t end = text.find(sep);
        f(trim(text.substr(0, end)));
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
}

bool parseU64(std::string_view s, std::uint64_t &out)
{
    s = trim(s);
    if (s.empty())
        return false;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

// MariaDB position "d-s-n,d-s-n": domain -> seq. Empty text is a valid empty position.
std::optional<std::map<std::uint64_t, std::uint64_t>> parseMariaPos(std::string_view text)
{
    std::map<std::uint64_t, std::uint64_t> out;
    bool ok = true;
    forEachItem(text, ',', [&](std::string_view item) {
        if (item.empty())
            return;
        const std::size_t a = item.find('-');
        const std::size_t b = a == std::string_view::npos ? a : item.find('-', a + 1);
        std::uint64_t domain = 0, server = 0, seq = 0;
        if (b == std::string_view::npos || !parseU64(item.substr(0, a), domain)
            || !parseU64(item.substr(a + 1, b - a - 1), server) || !parseU64(item.substr(b + 1), seq)) {
            ok = false;
            return;
        }
        out[domain] = std::max(out[domain], seq);
    });
    if (!ok)
        return std::nullopt;
    return out;
}

// MySQL set "uuid:1-5:7,uuid2:3" -> uuid -> merged closed intervals.
using Intervals = std::vector<std::pair<std::uint64_t, std::uint64_t>>;
std::optional<std::map<std::string, Intervals>> parseMySqlSet(std::string_view text)
{
    std::map<std::string, Intervals> out;
    bool ok = true;
    forEachItem(text, ',', [&](std::string_view item) {
        if (item.empty() || !ok)
            return;
        const std::size_t colon = item.find(':');
        if (colon == std::string_view::npos) {
            ok = false;
            return;
        }
        std::string uuid(trim(item.substr(0, colon)));
        std::transform(uuid.begin(), uuid.end(), uuid.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        Intervals &iv = out[uuid];
        forEachItem(item.substr(colon + 1), ':', [&](std::string_view range) {
            std::uint64_t lo = 0, hi = 0;
            const std::size_t dash = range.find('-');
            if (dash == std::string_view::npos) {
                if (!parseU64(range, lo)) {
                    // A tag (MySQL 8.4 "uuid:tag:1-5") is not a range: ignore it.
                    return;
                }
                hi = lo;
            } else if (!parseU64(range.substr(0, dash), lo) || !parseU64(range.substr(dash + 1), hi) || hi < lo) {
                ok = false;
                return;
            }
            iv.emplace_back(lo, hi);
        });
        std::sort(iv.begin(), iv.end());
        Intervals merged;
        for (const auto &r : iv) {
            if (!merged.empty() && r.first <= merged.back().second + 1)
                merged.back().second = std::max(merged.back().second, r.second);
            else
                merged.push_back(r);
        }
        iv = std::move(merged);
    });
    if (!ok)
        return std::nullopt;
    return out;
}

// How many numbers of `a` are not in `b` (both merged and sorted).
std::uint64_t countMissing(const Intervals &a, const Intervals &b)
{
    std::uint64_t missing = 0;
    for (const auto &[lo, hi] : a) {
        std::uint64_t covered = 0;
        for (const auto &[blo, bhi] : b) {
            const std::uint64_t l = std::max(lo, blo), h = std::min(hi, bhi);
            if (l <= h)
                covered += h - l + 1;
        }
        missing += (hi - lo + 1) - covered;
    }
    return missing;
}

const NodeStatus *sourceOf(const ClusterSnapshot &snap, const NodeStatus &replica, const ReplicationChannel &ch)
{
    const std::string want = normalizedEndpoint(ch.sourceHost, ch.sourcePort);
    for (const NodeStatus &n : snap.nodes) {
        if (&n != &replica && normalizedEndpoint(n.host, n.port) == want)
            return &n;
    }
    // PostgreSQL standbys often report the sender without a port, or by another address:
    // with exactly one primary in the snapshot, that is the source.
    if (replica.flavor == Flavor::PostgreSQL) {
        const NodeStatus *primary = nullptr;
        for (const NodeStatus &n : snap.nodes) {
            if (n.role == NodeRole::Primary) {
                if (primary)
                    return nullptr;
                primary = &n;
            }
        }
        return primary;
    }
    return nullptr;
}

std::optional<double> rate(const std::optional<std::uint64_t> &now, const std::optional<std::uint64_t> &before, double seconds)
{
    if (!now || !before || *now < *before)
        return std::nullopt;  // a counter that went down: the server restarted in between
    return static_cast<double>(*now - *before) / seconds;
}

std::optional<std::uint64_t> sum(std::initializer_list<std::optional<std::uint64_t>> values)
{
    std::uint64_t total = 0;
    for (const auto &v : values) {
        if (!v)
            return std::nullopt;
        total += *v;
    }
    return total;
}

void fillReplication(const ClusterSnapshot &snap, const NodeStatus &n, NodeSample &out)
{
    if (n.channels.empty())
        return;
    out.lagSeconds = n.lagSeconds;
    std::optional<std::uint64_t> bytes, trx;
    bool bytesUnknown = false, trxUnknown = false;
    for (const ReplicationChannel &ch : n.channels) {
        const NodeStatus *src = sourceOf(snap, n, ch);
        const bool srcKnown = src && answered(*src);
        if (n.flavor == Flavor::PostgreSQL) {
            if (srcKnown && src->currentLsn && ch.replayedLsn) {
                const std::uint64_t b = *src->currentLsn > *ch.replayedLsn ? *src->currentLsn - *ch.replayedLsn : 0;
                bytes = std::max(bytes.value_or(0), b);
            } else {
                bytesUnknown = true;
            }
            continue;
        }
        std::optional<std::uint64_t> t;
        if (srcKnown) {
            if (n.flavor == Flavor::MariaDB) {
                const std::string &srcPos = !src->gtidCurrentPos.empty() ? src->gtidCurrentPos : src->gtidExecuted;
                const std::string &repPos = !n.gtidSlavePos.empty() ? n.gtidSlavePos : n.gtidCurrentPos;
                if (!srcPos.empty())
                    t = mariaDbTransactionsBehind(srcPos, repPos);
            } else if (n.flavor == Flavor::MySQL && !src->gtidExecuted.empty()) {
                t = mySqlTransactionsBehind(src->gtidExecuted, n.gtidExecuted);
            }
        }
        if (t)
            trx = std::max(trx.value_or(0), *t);
        else
            trxUnknown = true;
    }
    // One channel unknown makes the node's figure unknown: the worst case is what it shows.
    if (!bytesUnknown)
        out.bytesBehind = bytes;
    if (!trxUnknown)
        out.transactionsBehind = trx;
}

} // namespace

std::optional<std::uint64_t> mariaDbTransactionsBehind(std::string_view sourcePos, std::string_view replicaPos)
{
    const auto src = parseMariaPos(sourcePos);
    const auto rep = parseMariaPos(replicaPos);
    if (!src || !rep)
        return std::nullopt;
    std::uint64_t behind = 0;
    for (const auto &[domain, seq] : *src) {
        const auto it = rep->find(domain);
        const std::uint64_t have = it == rep->end() ? 0 : it->second;
        if (seq > have)
            behind += seq - have;
    }
    return behind;
}

std::optional<std::uint64_t> mySqlTransactionsBehind(std::string_view sourceSet, std::string_view replicaSet)
{
    const auto src = parseMySqlSet(sourceSet);
    const auto rep = parseMySqlSet(replicaSet);
    if (!src || !rep)
        return std::nullopt;
    static const Intervals kNone;
    std::uint64_t behind = 0;
    for (const auto &[uuid, iv] : *src) {
        const auto it = rep->find(uuid);
        behind += countMissing(iv, it == rep->end() ? kNone : it->second);
    }
    return behind;
}

RoundSample computeMetrics(const ClusterSnapshot &current, const ClusterSnapshot *previous)
{
    RoundSample round;
    round.generation = current.generation;
    round.takenAtMs = current.takenAtMs;
    round.nodes.reserve(current.nodes.size());
    for (const NodeStatus &n : current.nodes) {
        NodeSample s;
        s.node = n.name;
        s.role = n.role;
        s.reachable = answered(n);
        if (!s.reachable) {
            // Last known facts are not this round's figures: everything unknown (a gap).
            round.nodes.push_back(std::move(s));
            continue;
        }
        s.connections = n.counters.connections;
        s.threadsRunning = n.counters.threadsRunning;
        if (n.role == NodeRole::Replica || !n.channels.empty())
            fillReplication(current, n, s);

        const NodeStatus *before = previous ? previous->find(n.name) : nullptr;
        if (before && answered(*before) && n.checkedAtMs > before->checkedAtMs) {
            const NodeCounters &a = n.counters, &b = before->counters;
            const bool restarted = a.uptimeSeconds && b.uptimeSeconds && *a.uptimeSeconds < *b.uptimeSeconds;
            if (!restarted) {
                const double seconds = static_cast<double>(n.checkedAtMs - before->checkedAtMs) / 1000.0;
                s.queriesPerSecond = rate(a.queries, b.queries, seconds);
                s.transactionsPerSecond = rate(sum({a.commits, a.rollbacks}), sum({b.commits, b.rollbacks}), seconds);
                s.rowsReadPerSecond = rate(a.rowsRead, b.rowsRead, seconds);
                s.rowsWrittenPerSecond = rate(sum({a.rowsInserted, a.rowsUpdated, a.rowsDeleted}),
                                              sum({b.rowsInserted, b.rowsUpdated, b.rowsDeleted}), seconds);
            }
        }
        round.nodes.push_back(std::move(s));
    }
    return round;
}

} // namespace switchyard::core
