// Downsampling for charts: largest-triangle-three-buckets (Steinarsson 2013), which keeps the
// points that shape a line (peaks and troughs) where averaging would flatten them.
//
// Gaps: a point whose y is NaN is a break (unknown, not zero). lttbWithGaps() downsamples each
// unbroken run on its own, with a share of the budget proportional to its length, and keeps one
// NaN point between runs, so a chart can still draw the gap where it was.
//
// Thread contract: pure functions; call from any thread.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace switchyard::core {

struct ChartPoint
{
    double x = 0;   // time (ms since the epoch, as a double)
    double y = 0;   // NaN: unknown
};

// At most `threshold` points of `points` (sorted by x, no NaN), always keeping the first and
// the last. threshold < 3 or >= points.size() returns the input unchanged.
std::vector<ChartPoint> lttb(std::span<const ChartPoint> points, std::size_t threshold);

// The same over a series with NaN breaks; the result has at most about `threshold` points plus
// one NaN per break.
std::vector<ChartPoint> lttbWithGaps(std::span<const ChartPoint> points, std::size_t threshold);

} // namespace switchyard::core
