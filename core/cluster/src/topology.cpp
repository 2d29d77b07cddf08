#include "switchyard/core/topology.h"

#include "switchyard/routing/gtid.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace switchyard::core {

std::string normalizedEndpoint(std::string_view host, std::uint16_t port)
{
    std::string h(host);
    if (h == "localhost" || h == "::1" || h == "[::1]")
        h = "127.0.0.1";
    return h + ":" + std::to_string(port);
}

namespace {

bool answered(const NodeStatus &n)
{
    return n.reachability == Reachability::Reachable;
}

bool isReplica(const NodeStatus &n)
{
    return !n.channels.empty();
}

void add(std::vector<Problem> &out, Severity sev, ProblemKind kind, std::vector<std::string> nodes, std::string detail)
{
    Problem p;
    p.severity = sev;
    p.kind = kind;
    p.nodes = std::move(nodes);
    p.detail = std::move(detail);
    out.push_back(std::move(p));
}

std::string fmtSeconds(double s)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f s", s);
    return buf;
}

std::string fmtBytes(std::uint64_t b)
{
    char buf[48];
    if (b >= (1ull << 30))
        std::snprintf(buf, sizeof buf, "%.1f GiB", static_cast<double>(b) / static_cast<double>(1ull << 30));
    else if (b >= (1ull << 20))
        std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(b) / static_cast<double>(1ull << 20));
    else
        std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(b));
    return buf;
}

EdgeState edgeState(const ReplicationChannel &ch, const NodeStatus &replica, const TopologyOptions &o)
{
    if (!answered(replica))
        return EdgeState::Unknown;  // what we last knew may no longer hold
    if (ch.ioRunning == false || ch.sqlRunning == false)
        return (ch.ioErrno != 0 || ch.sqlErrno != 0 || !ch.sqlError.empty()) ? EdgeState::Error : EdgeState::Stopped;
    if (!ch.lagSeconds)
        return EdgeState::Unknown;
    if (*ch.lagSeconds >= o.lagWarnSeconds)
        return EdgeState::Lagging;
    return EdgeState::Running;
}

int severityRank(const Problem &p)
{
    return static_cast<int>(p.severity);
}

} // namespace

void buildTopology(ClusterSnapshot &snap, const TopologyOptions &o, const ClusterSnapshot *previous)
{
    snap.edges.clear();
    snap.problems.clear();
    std::map<std::string, std::size_t> byEndpoint;
    for (std::size_t i = 0; i < snap.nodes.size(); ++i)
        byEndpoint.emplace(normalizedEndpoint(snap.nodes[i].host, snap.nodes[i].port), i);

    // Edges: each channel of each node points at its source, when the source is a known node.
    for (std::size_t i = 0; i < snap.nodes.size(); ++i) {
        for (const ReplicationChannel &ch : snap.nodes[i].channels) {
            auto it = byEndpoint.find(normalizedEndpoint(ch.sourceHost, ch.sourcePort));
            if (it == byEndpoint.end())
                continue;
            ReplicationEdge e;
            e.source = it->second;
            e.replica = i;
            e.channel = ch.name;
            e.state = edgeState(ch, snap.nodes[i], o);
            e.lagSeconds = answered(snap.nodes[i]) ? ch.lagSeconds : std::nullopt;
            snap.edges.push_back(std::move(e));
        }
    }

    auto &problems = snap.problems;
    std::vector<std::size_t> writablePrimaries;
    for (std::size_t i = 0; i < snap.nodes.size(); ++i) {
        const NodeStatus &n = snap.nodes[i];
        if (!answered(n)) {
            const bool wasPrimary = n.role == NodeRole::Primary;
            std::string detail = n.lastError ? n.lastError->describe()
                                             : (n.reachability == Reachability::NoAnswer ? "no answer within the poll interval"
                                                                                        : "not polled yet");
            if (n.reachability == Reachability::Unknown)
                continue;
            add(problems, wasPrimary ? Severity::Critical : Severity::Warning,
                wasPrimary ? ProblemKind::PrimaryUnreachable : ProblemKind::NodeUnreachable, {n.name}, detail);
            continue;
        }
        if (!isReplica(n) && n.readOnly == false)
            writablePrimaries.push_back(i);

        for (const ReplicationChannel &ch : n.channels) {
            const std::string via = ch.name.empty() ? std::string() : " (channel '" + ch.name + "')";
            if (ch.ioRunning == false)
                add(problems, Severity::Critical, ProblemKind::ReplicationIoStopped, {n.name},
                    "receiving from " + ch.sourceHost + ":" + std::to_string(ch.sourcePort)
                        + (ch.ioConnecting ? " is not connected (retrying)" : " is stopped") + via
                        + (ch.ioError.empty() ? std::string() : ": " + ch.ioError));
            if (ch.sqlRunning == false)
                add(problems, Severity::Critical, ProblemKind::ReplicationSqlStopped, {n.name},
                    "applying is stopped" + via + (ch.sqlError.empty() ? std::string() : ": " + ch.sqlError));
            if (ch.ioRunning != false && ch.sqlRunning != false && (ch.ioErrno != 0 || ch.sqlErrno != 0))
                add(problems, Severity::Warning, ProblemKind::ReplicationError, {n.name},
                    "last error" + via + ": " + (ch.sqlError.empty() ? ch.ioError : ch.sqlError));
            if (ch.ioRunning != false && ch.sqlRunning != false) {
                if (!ch.lagSeconds)
                    add(problems, Severity::Warning, ProblemKind::LagUnknown, {n.name}, "lag cannot be measured" + via);
                else if (*ch.lagSeconds >= o.lagCriticalSeconds)
                    add(problems, Severity::Critical, ProblemKind::LagCritical, {n.name},
                        fmtSeconds(*ch.lagSeconds) + " behind" + via + " (critical at " + fmtSeconds(o.lagCriticalSeconds) + ")");
                else if (*ch.lagSeconds >= o.lagWarnSeconds)
                    add(problems, Severity::Warning, ProblemKind::LagWarning, {n.name},
                        fmtSeconds(*ch.lagSeconds) + " behind" + via + " (warning at " + fmtSeconds(o.lagWarnSeconds) + ")");
            }
        }
        if (isReplica(n) && n.readOnly == false)
            add(problems, Severity::Warning, ProblemKind::ReadOnlyMismatch, {n.name},
                n.flavor == Flavor::PostgreSQL ? "standby is not in recovery" : "replica is writable (read_only=OFF)");
        if (!isReplica(n) && n.readOnly == true && !n.downstream.empty() && n.flavor != Flavor::PostgreSQL)
            add(problems, Severity::Warning, ProblemKind::ReadOnlyMismatch, {n.name},
                "the primary is read-only (read_only=ON): applications cannot write");

        // Settings that would block promoting this replica, or rewinding a PostgreSQL primary.
        if (isReplica(n) && n.flavor != Flavor::PostgreSQL) {
            if (n.logBin == false)
                add(problems, Severity::Info, ProblemKind::SwitchoverBlocker, {n.name},
                    "binary logging is off: this replica cannot be promoted");
            else if (n.logReplicaUpdates == false)
                add(problems, Severity::Info, ProblemKind::SwitchoverBlocker, {n.name},
                    "log_slave_updates is off: after promotion its replicas would miss events");
            for (const ReplicationChannel &ch : n.channels) {
                if (ch.usingGtid == "No")
                    add(problems, Severity::Info, ProblemKind::SwitchoverBlocker, {n.name},
                        "replicates by binlog position, not GTID: a switchover cannot repoint it safely");
            }
        }
        if (!isReplica(n) && n.flavor == Flavor::PostgreSQL && n.walLogHints == false && n.dataChecksums == false)
            add(problems, Severity::Info, ProblemKind::SwitchoverBlocker, {n.name},
                "wal_log_hints is off and data checksums are off: pg_rewind cannot rejoin this node after a switchover");
        for (const ReplicationSlot &slot : n.replicationSlots) {
            if (!slot.active && slot.retainedBytes && *slot.retainedBytes > 0)
                add(problems, Severity::Warning, ProblemKind::InactiveSlot, {n.name},
                    "slot '" + slot.name + "' is inactive and retains " + fmtBytes(*slot.retainedBytes) + " of WAL");
        }
    }

    if (writablePrimaries.size() > 1) {
        std::vector<std::string> names;
        for (std::size_t i : writablePrimaries)
            names.push_back(snap.nodes[i].name);
        add(problems, Severity::Critical, ProblemKind::MultiplePrimaries, names,
            std::to_string(names.size()) + " writable nodes replicate from nobody");
    } else if (writablePrimaries.empty()) {
        const bool anyAnswer = std::any_of(snap.nodes.begin(), snap.nodes.end(), answered);
        const bool primaryDown = std::any_of(problems.begin(), problems.end(), [](const Problem &p) {
            return p.kind == ProblemKind::PrimaryUnreachable;
        });
        if (anyAnswer && !primaryDown)
            add(problems, Severity::Critical, ProblemKind::NoPrimary, {}, "no reachable node accepts writes");
    }

    // Errant GTIDs against the one writable primary, confirmed by the previous sample.
    if (writablePrimaries.size() == 1) {
        const NodeStatus &primary = snap.nodes[writablePrimaries.front()];
        for (NodeStatus &n : snap.nodes) {
            n.errantGtids.clear();
            if (!answered(n) || !isReplica(n))
                continue;
            std::vector<std::string> errant = errantGtids(n, primary);
            if (errant.empty())
                continue;
            const NodeStatus *before = previous ? previous->find(n.name) : nullptr;
            const NodeStatus *primaryBefore = previous ? previous->find(primary.name) : nullptr;
            if (!before || !primaryBefore || errantGtids(*before, *primaryBefore) != errant)
                continue;  // not yet confirmed by a second sample
            n.errantGtids = errant;
            std::string list;
            for (const std::string &g : errant)
                list += (list.empty() ? "" : ", ") + g;
            add(problems, Severity::Critical, ProblemKind::ErrantGtid, {n.name},
                "transactions the primary " + primary.name + " never executed: " + list);
        }
    }

    std::stable_sort(problems.begin(), problems.end(),
                     [](const Problem &a, const Problem &b) { return severityRank(a) > severityRank(b); });
}

namespace {

// MariaDB @@gtid_binlog_state lists the last GTID of every (domain, server) pair; errant
// detection needs the pairs, not just the furthest position per domain.
std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint64_t> binlogStatePairs(std::string_view text)
{
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint64_t> out;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        std::string_view item = text.substr(0, comma);
        while (!item.empty() && (item.front() == ' ' || item.front() == '\n'))
            item.remove_prefix(1);
        if (auto g = routing::MariaDbGtid::parse(item))
            out[{g->domain, g->server}] = std::max(out[{g->domain, g->server}], g->seq);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    return out;
}

} // namespace

std::vector<std::string> errantGtids(const NodeStatus &replica, const NodeStatus &primary)
{
    std::vector<std::string> out;
    if (replica.flavor == Flavor::MariaDB) {
        const auto theirs = binlogStatePairs(primary.gtidBinlogState);
        for (const auto &[key, seq] : binlogStatePairs(replica.gtidBinlogState)) {
            auto it = theirs.find(key);
            if (it != theirs.end() && it->second >= seq)
                continue;
            std::string gtid = std::to_string(key.first) + "-" + std::to_string(key.second) + "-" + std::to_string(seq);
            if (it != theirs.end())
                gtid += " (primary has up to " + std::to_string(it->second) + ")";
            out.push_back(std::move(gtid));
        }
    } else if (replica.flavor == Flavor::MySQL) {
        auto mine = routing::MySqlGtidSet::parse(replica.gtidExecuted);
        auto theirs = routing::MySqlGtidSet::parse(primary.gtidExecuted);
        if (!mine || !theirs)
            return out;  // unparsable state: no verdict rather than a false alarm
        const routing::MySqlGtidSet errant = mine->subtract(*theirs);
        for (const auto &source : errant.sources()) {
            routing::MySqlGtidSet one;
            for (const routing::GtidInterval &iv : source.intervals)
                one.add(source.uuid, iv, source.tag);
            out.push_back(one.toString());
        }
    }
    return out;
}

std::vector<std::pair<std::string, std::uint16_t>> undiscoveredEndpoints(const ClusterSnapshot &snap)
{
    std::set<std::string> known;
    for (const NodeStatus &n : snap.nodes)
        known.insert(normalizedEndpoint(n.host, n.port));
    std::vector<std::pair<std::string, std::uint16_t>> out;
    auto consider = [&](const std::string &host, std::uint16_t port) {
        if (host.empty() || port == 0)
            return;
        const std::string ep = normalizedEndpoint(host, port);
        if (known.insert(ep).second)
            out.emplace_back(host == "localhost" ? std::string("127.0.0.1") : host, port);
    };
    for (const NodeStatus &n : snap.nodes) {
        for (const ReplicationChannel &ch : n.channels)
            consider(ch.sourceHost, ch.sourcePort);
        for (const DownstreamReplica &d : n.downstream)
            consider(d.host, d.port);
    }
    return out;
}

} // namespace switchyard::core
