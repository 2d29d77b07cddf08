#include "switchyard/core/downsample.h"

#include <algorithm>
#include <cmath>

namespace switchyard::core {

std::vector<ChartPoint> lttb(std::span<const ChartPoint> points, std::size_t threshold)
{
    const std::size_t n = points.size();
    if (threshold < 3 || threshold >= n)
        return {points.begin(), points.end()};
    std::vector<ChartPoint> out;
    out.reserve(threshold);
    out.push_back(points.front());
    // Buckets of equal size between the fixed first and last points.
    const double every = static_cast<double>(n - 2) / static_cast<double>(threshold - 2);
    std::size_t a = 0;  // index of the point chosen in the previous bucket
    for (std::size_t i = 0; i < threshold - 2; ++i) {
        // The next bucket's average is the third corner of the triangle.
        const std::size_t nextStart = static_cast<std::size_t>(std::floor(static_cast<double>(i + 1) * every)) + 1;
        const std::size_t nextEnd = std::min(n, static_cast<std::size_t>(std::floor(static_cast<double>(i + 2) * every)) + 1);
        double avgX = 0, avgY = 0;
        const std::size_t span = nextEnd > nextStart ? nextEnd - nextStart : 0;
        if (span == 0) {
            avgX = points[n - 1].x;
            avgY = points[n - 1].y;
        } else {
            for (std::size_t j = nextStart; j < nextEnd; ++j) {
                avgX += points[j].x;
                avgY += points[j].y;
            }
            avgX /= static_cast<double>(span);
            avgY /= static_cast<double>(span);
        }
        const std::size_t start = static_cast<std::size_t>(std::floor(static_cast<double>(i) * every)) + 1;
        const std::size_t end = std::min(n - 1, static_cast<std::size_t>(std::floor(static_cast<double>(i + 1) * every)) + 1);
        const double ax = points[a].x, ay = points[a].y;
        double best = -1;
        std::size_t chosen = start;
        for (std::size_t j = start; j < end; ++j) {
            // Twice the triangle's area; the constant factor does not change the choice.
            const double area = std::abs((ax - avgX) * (points[j].y - ay) - (ax - points[j].x) * (avgY - ay));
            if (area > best) {
                best = area;
                chosen = j;
            }
        }
        out.push_back(points[chosen]);
        a = chosen;
    }
    out.push_back(points.back());
    return out;
}

std::vector<ChartPoint> lttbWithGaps(std::span<const ChartPoint> points, std::size_t threshold)
{
    std::size_t known = 0;
    for (const ChartPoint &p : points)
        known += std::isnan(p.y) ? 0 : 1;
    std::vector<ChartPoint> out;
    if (known == 0) {
        if (!points.empty())
            out.push_back(points.front());
        return out;
    }
    std::size_t i = 0;
    const std::size_t n = points.size();
    while (i < n) {
        if (std::isnan(points[i].y)) {
            // One NaN per break (the first unknown point after a known run).
            if (!out.empty() && !std::isnan(out.back().y))
                out.push_back(points[i]);
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < n && !std::isnan(points[j].y))
            ++j;
        const std::size_t len = j - i;
        const std::size_t share =
            std::max<std::size_t>(3, static_cast<std::size_t>(static_cast<double>(threshold) * static_cast<double>(len)
                                                              / static_cast<double>(known)));
        const auto run = lttb(points.subspan(i, len), share);
        out.insert(out.end(), run.begin(), run.end());
        i = j;
    }
    return out;
}

} // namespace switchyard::core
