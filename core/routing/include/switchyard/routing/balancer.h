// Load-balancing policies that pick one node among the eligible candidates:
//
//   round-robin        each eligible node in turn (by topology order)
//   weighted           smooth weighted round robin as nginx does it: every pick adds each
//                      candidate's effective weight to its current weight, takes the largest and
//                      subtracts the total from it; weights A=2, B=1 give A, B, A. A node coming
//                      back into the pool starts at effective weight 1 and ramps up (slow start).
//   least-connections  fewest open connections per unit of weight (cross-multiplied), counting
//                      the topology's figure plus the picks made since that topology arrived;
//                      ties go round robin
//   ewma               power of two choices: two distinct random candidates, the lower cost
//                      wins, cost = EWMA response time x (1 + in-flight) / weight
//
// Thread contract: not thread-safe; owned by a Router and used under its contract.
#pragma once

#include "switchyard/routing/topology.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace switchyard::routing {

enum class Policy : std::uint8_t { RoundRobin, SmoothWeightedRoundRobin, LeastConnections, EwmaPowerOfTwo };

std::string_view policyName(Policy policy);   // "round-robin", "weighted", "least-connections", "ewma"
// Also accepts "rr", "swrr", "smooth-weighted-round-robin", "lc", "least-conn", "p2c", "ewma-p2c".
std::optional<Policy> parsePolicy(std::string_view text);

class Balancer
{
public:
    explicit Balancer(Policy policy = Policy::RoundRobin, std::uint64_t seed = 0x5d1f7ca1u);

    Policy policy() const { return m_policy; }
    void setDefaultResponseTimeMs(double ms) { m_defaultRttMs = ms; }
    void setEwmaAlpha(double alpha) { m_alpha = alpha; }

    // A new topology: per-node state follows nodes by name (oldIndex[i] is the previous index
    // of node i, or -1 for a new node). Picks since the last snapshot are forgotten.
    void remap(const std::vector<int> &oldIndex);

    // Picks one of `candidates` (topology indices). Precondition: candidates is not empty.
    int pick(std::span<const std::uint16_t> candidates, const TopologyView &topology);

    // Feedback for ewma: one observed response time of `node`.
    void recordResponseTime(int node, double ms);
    // A node came back into the pool: smooth weighted round robin ramps its weight from 1.
    void slowStart(int node);

    // Introspection for tests and explanations.
    double costOf(int node, const TopologyView &topology) const;
    std::uint32_t picksSinceSnapshot(int node) const;

private:
    struct NodeState
    {
        std::int64_t current = 0;     // smooth WRR current weight
        std::int64_t effective = -1;  // smooth WRR effective weight; -1 = not initialised
        std::uint32_t picks = 0;      // picks since the topology arrived
        double ewmaMs = -1;           // from recordResponseTime; -1 = none
    };
    NodeState &state(int node);
    std::uint64_t nextRandom();
    int pickRoundRobin(std::span<const std::uint16_t> candidates);

    Policy m_policy;
    std::uint64_t m_rng;
    std::vector<NodeState> m_nodes;
    int m_last = -1;                  // last node picked (round robin cursor)
    double m_defaultRttMs = 1.0;
    double m_alpha = 0.3;
};

} // namespace switchyard::routing
