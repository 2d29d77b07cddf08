#include "switchyard/routing/balancer.h"

#include "switchyard/routing/lexer.h"

#include <cassert>

namespace switchyard::routing {

std::string_view policyName(Policy policy)
{
    switch (policy) {
    case Policy::RoundRobin: return "round-robin";
    case Policy::SmoothWeightedRoundRobin: return "weighted";
    case Policy::LeastConnections: return "least-connections";
    case Policy::EwmaPowerOfTwo: return "ewma";
    }
    return "round-robin";
}

std::optional<Policy> parsePolicy(std::string_view text)
{
    std::string s(text);
    for (char &c : s) {
        if (c == '_')
            c = '-';
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c + 32);
    }
    if (s == "round-robin" || s == "rr" || s == "roundrobin")
        return Policy::RoundRobin;
    if (s == "weighted" || s == "swrr" || s == "smooth-weighted-round-robin" || s == "weighted-round-robin"
        || s == "wrr")
        return Policy::SmoothWeightedRoundRobin;
    if (s == "least-connections" || s == "lc" || s == "least-conn" || s == "leastconn")
        return Policy::LeastConnections;
    if (s == "ewma" || s == "p2c" || s == "ewma-p2c" || s == "p2c-ewma" || s == "response-time")
        return Policy::EwmaPowerOfTwo;
    return std::nullopt;
}

Balancer::Balancer(Policy policy, std::uint64_t seed) : m_policy(policy), m_rng(seed ? seed : 0x9e3779b97f4a7c15ull) {}

Balancer::NodeState &Balancer::state(int node)
{
    if (node >= static_cast<int>(m_nodes.size()))
        m_nodes.resize(static_cast<std::size_t>(node) + 1);
    return m_nodes[static_cast<std::size_t>(node)];
}

void Balancer::remap(const std::vector<int> &oldIndex)
{
    std::vector<NodeState> next(oldIndex.size());
    for (std::size_t i = 0; i < oldIndex.size(); ++i) {
        const int o = oldIndex[i];
        if (o >= 0 && o < static_cast<int>(m_nodes.size()))
            next[i] = m_nodes[static_cast<std::size_t>(o)];
        next[i].picks = 0;
    }
    int last = -1;
    for (std::size_t i = 0; i < oldIndex.size(); ++i)
        if (oldIndex[i] == m_last && m_last >= 0)
            last = static_cast<int>(i);
    m_last = last;
    m_nodes = std::move(next);
}

std::uint64_t Balancer::nextRandom()
{
    // splitmix64
    std::uint64_t z = (m_rng += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

int Balancer::pickRoundRobin(std::span<const std::uint16_t> candidates)
{
    // The first candidate after the last pick, in topology order, wrapping around.
    int best = -1;
    for (std::uint16_t c : candidates)
        if (static_cast<int>(c) > m_last && (best < 0 || c < best))
            best = c;
    if (best < 0)
        for (std::uint16_t c : candidates)
            if (best < 0 || c < best)
                best = c;
    return best;
}

double Balancer::costOf(int node, const TopologyView &topology) const
{
    const NodeView &n = topology.nodes[static_cast<std::size_t>(node)];
    double rtt = m_defaultRttMs;
    std::uint32_t picks = 0;
    if (node < static_cast<int>(m_nodes.size())) {
        const NodeState &s = m_nodes[static_cast<std::size_t>(node)];
        picks = s.picks;
        if (s.ewmaMs >= 0)
            rtt = s.ewmaMs;
        else if (n.responseTimeMs)
            rtt = *n.responseTimeMs;
    } else if (n.responseTimeMs) {
        rtt = *n.responseTimeMs;
    }
    const double weight = n.weight == 0 ? 1.0 : static_cast<double>(n.weight);
    return rtt * (1.0 + static_cast<double>(n.openConnections) + static_cast<double>(picks)) / weight;
}

std::uint32_t Balancer::picksSinceSnapshot(int node) const
{
    return node < static_cast<int>(m_nodes.size()) ? m_nodes[static_cast<std::size_t>(node)].picks : 0;
}

int Balancer::pick(std::span<const std::uint16_t> candidates, const TopologyView &topology)
{
    assert(!candidates.empty());
    int chosen = candidates[0];
    if (candidates.size() > 1) {
        switch (m_policy) {
        case Policy::RoundRobin:
            chosen = pickRoundRobin(candidates);
            break;
        case Policy::SmoothWeightedRoundRobin: {
            std::int64_t total = 0;
            int best = -1;
            std::int64_t bestCurrent = 0;
            for (std::uint16_t c : candidates) {
                NodeState &s = state(c);
                const std::int64_t w = topology.nodes[c].weight;
                if (s.effective < 0)
                    s.effective = w;
                s.current += s.effective;
                total += s.effective;
                if (s.effective < w)
                    ++s.effective;
                if (best < 0 || s.current > bestCurrent) {
                    best = c;
                    bestCurrent = s.current;
                }
            }
            state(best).current -= total;
            chosen = best;
            break;
        }
        case Policy::LeastConnections: {
            // conns_i / w_i minimal, compared by cross-multiplication; ties round robin.
            auto conns = [&](int c) {
                return static_cast<std::uint64_t>(topology.nodes[static_cast<std::size_t>(c)].openConnections)
                       + picksSinceSnapshot(c);
            };
            auto weight = [&](int c) {
                const std::uint32_t w = topology.nodes[static_cast<std::size_t>(c)].weight;
                return static_cast<std::uint64_t>(w == 0 ? 1 : w);
            };
            int best = -1;
            for (std::uint16_t c : candidates)
                if (best < 0 || conns(c) * weight(best) < conns(best) * weight(c))
                    best = c;
            // Among the ties, the next in round-robin order.
            std::uint16_t ties[64];
            std::size_t n = 0;
            for (std::uint16_t c : candidates)
                if (conns(c) * weight(best) == conns(best) * weight(c) && n < 64)
                    ties[n++] = c;
            chosen = pickRoundRobin(std::span<const std::uint16_t>(ties, n));
            break;
        }
        case Policy::EwmaPowerOfTwo: {
            const std::size_t n = candidates.size();
            const std::size_t a = static_cast<std::size_t>(nextRandom() % n);
            std::size_t b = static_cast<std::size_t>(nextRandom() % (n - 1));
            if (b >= a)
                ++b;
            const int ca = candidates[a];
            const int cb = candidates[b];
            const double costA = costOf(ca, topology);
            const double costB = costOf(cb, topology);
            chosen = costB < costA ? cb : ca;
            break;
        }
        }
    } else if (m_policy == Policy::SmoothWeightedRoundRobin) {
        NodeState &s = state(chosen);
        const std::int64_t w = topology.nodes[static_cast<std::size_t>(chosen)].weight;
        if (s.effective < 0)
            s.effective = w;
        if (s.effective < w)
            ++s.effective;
    }
    ++state(chosen).picks;
    m_last = chosen;
    return chosen;
}

void Balancer::recordResponseTime(int node, double ms)
{
    if (node < 0 || ms < 0)
        return;
    NodeState &s = state(node);
    s.ewmaMs = s.ewmaMs < 0 ? ms : m_alpha * ms + (1 - m_alpha) * s.ewmaMs;
}

void Balancer::slowStart(int node)
{
    if (node < 0)
        return;
    NodeState &s = state(node);
    s.effective = 1;
    s.current = 0;
}

} // namespace switchyard::routing
