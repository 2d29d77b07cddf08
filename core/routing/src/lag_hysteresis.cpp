#include "switchyard/routing/lag_hysteresis.h"

namespace switchyard::routing {

LagHysteresis::Transition LagHysteresis::sample(const LagPolicy &policy, std::optional<double> lagSeconds)
{
    ++m_samples;
    if (!policy.enabled()) {
        const bool was = m_inPool;
        m_inPool = true;
        m_over = m_under = 0;
        return was ? Transition::None : Transition::Returned;
    }
    const bool over = !lagSeconds || *lagSeconds > *policy.highSeconds;
    const bool under = lagSeconds && *lagSeconds < policy.low();
    if (m_samples == 1) {
        m_inPool = !over;
        m_over = over ? 1 : 0;
        m_under = under ? 1 : 0;
        return Transition::None;
    }
    m_over = over ? m_over + 1 : 0;
    m_under = under ? m_under + 1 : 0;
    const unsigned k = policy.leaveAfter == 0 ? 1 : policy.leaveAfter;
    const unsigned m = policy.returnAfter == 0 ? 1 : policy.returnAfter;
    if (m_inPool && m_over >= k) {
        m_inPool = false;
        return Transition::Left;
    }
    if (!m_inPool && m_under >= m) {
        m_inPool = true;
        return Transition::Returned;
    }
    return Transition::None;
}

} // namespace switchyard::routing
