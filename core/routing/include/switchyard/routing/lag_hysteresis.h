// Lag-based exclusion with hysteresis: a replica leaves the read pool after `leaveAfter`
// consecutive samples over the high mark, and comes back only after `returnAfter`
// consecutive samples under the low mark. Between the marks nothing changes, so a replica
// hovering around one threshold does not flap. An unknown lag sample counts as over the high
// mark (unknown is not zero).
//
// Thread contract: a plain value; one instance per node, fed by one thread.
#pragma once

#include <cstdint>
#include <optional>

namespace switchyard::routing {

struct LagPolicy
{
    std::optional<double> highSeconds;   // no value: lag never excludes (the default)
    std::optional<double> lowSeconds;    // no value: half the high mark
    unsigned leaveAfter = 3;             // k
    unsigned returnAfter = 2;            // m

    bool enabled() const { return highSeconds.has_value(); }
    double low() const { return lowSeconds ? *lowSeconds : (highSeconds ? *highSeconds / 2 : 0); }
};

class LagHysteresis
{
public:
    enum class Transition : std::uint8_t { None, Left, Returned };

    LagHysteresis() = default;

    // Feeds one monitoring sample. The first sample decides the starting state: in the pool
    // unless it is already over the high mark (or unknown).
    Transition sample(const LagPolicy &policy, std::optional<double> lagSeconds);

    bool inPool() const { return m_inPool; }
    unsigned overCount() const { return m_over; }     // consecutive samples over the high mark
    unsigned underCount() const { return m_under; }   // consecutive samples under the low mark
    unsigned samples() const { return m_samples; }

private:
    bool m_inPool = true;
    unsigned m_over = 0;
    unsigned m_under = 0;
    unsigned m_samples = 0;
};

} // namespace switchyard::routing
