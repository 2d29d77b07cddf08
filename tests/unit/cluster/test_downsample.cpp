// Largest-triangle-three-buckets keeps peaks, respects the budget, and never bridges a gap.
#include "switchyard/core/downsample.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace switchyard::core;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<ChartPoint> flatWithSpike(std::size_t n, std::size_t spikeAt, double spike)
{
    std::vector<ChartPoint> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = {static_cast<double>(i) * 1000.0, i == spikeAt ? spike : 1.0 + 0.01 * static_cast<double>(i % 7)};
    return v;
}
} // namespace

TEST(Downsample, KeepsTheBudgetTheEndsAndThePeak)
{
    const auto in = flatWithSpike(86'400, 40'000, 500.0);
    const auto out = lttb(in, 1000);
    ASSERT_EQ(out.size(), 1000u);
    EXPECT_EQ(out.front().x, in.front().x);
    EXPECT_EQ(out.back().x, in.back().x);
    bool spike = false;
    for (std::size_t i = 1; i < out.size(); ++i) {
        EXPECT_LT(out[i - 1].x, out[i].x) << "sorted by time";
        spike |= out[i].y == 500.0;
    }
    EXPECT_TRUE(spike) << "a one-sample lag spike must survive downsampling";
}

TEST(Downsample, SmallInputsPassThrough)
{
    const auto in = flatWithSpike(10, 3, 2.0);
    EXPECT_EQ(lttb(in, 100).size(), 10u);
    EXPECT_EQ(lttb(in, 2).size(), 10u);
    EXPECT_TRUE(lttb(std::span<const ChartPoint>(), 10).empty());
}

TEST(Downsample, GapsStayGaps)
{
    auto in = flatWithSpike(10'000, 9'000, 50.0);
    for (std::size_t i = 3000; i < 4000; ++i)
        in[i].y = kNaN;   // unreachable for 1000 s
    const auto out = lttbWithGaps(in, 500);
    EXPECT_LE(out.size(), 520u);
    int breaks = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (std::isnan(out[i].y)) {
            ++breaks;
            ASSERT_GT(i, 0u);
            ASSERT_LT(i + 1, out.size());
            EXPECT_LE(out[i - 1].x, 2999'000.0) << "the run before the gap ends before it";
            EXPECT_GE(out[i + 1].x, 4000'000.0) << "the run after the gap starts after it";
        }
    }
    EXPECT_EQ(breaks, 1);
    bool spike = false;
    for (const auto &p : out)
        spike |= p.y == 50.0;
    EXPECT_TRUE(spike);
}

TEST(Downsample, AllUnknownIsOneBreak)
{
    std::vector<ChartPoint> in(100, ChartPoint{0, kNaN});
    const auto out = lttbWithGaps(in, 10);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_TRUE(std::isnan(out[0].y));
}
