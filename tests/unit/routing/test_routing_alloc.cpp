// The hot path allocates nothing once a session's buffers have grown: classify+route of reads,
// writes, transactions and session commands, with explanations recorded (not rendered).
#include "switchyard/routing/router.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long> g_allocations{0};
}

// Counts every allocation of this test executable.
void *operator new(std::size_t size)
{
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void *p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}
// These replace the global pair, so free() matches the malloc() above; GCC 12 cannot see that
// and warns (-Wmismatched-new-delete), which the ci preset would turn into an error.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void operator delete(void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

using namespace switchyard::routing;

TEST(Allocation, SteadyStateRoutingAllocatesNothing)
{
    for (Dialect d : {Dialect::MySQL, Dialect::PostgreSQL}) {
        for (Policy policy : {Policy::RoundRobin, Policy::SmoothWeightedRoundRobin, Policy::LeastConnections,
                              Policy::EwmaPowerOfTwo}) {
            RouterConfig c;
            c.dialect = d;
            c.policy = policy;
            c.lag.highSeconds = 10;
            Router router(c);
            router.setTopology(TopologyView::simple(3));
            Session s = router.newSession();
            const char *statements[] = {
                "SELECT c FROM sbtest1 WHERE id=4242",
                "SELECT c FROM sbtest1 WHERE id BETWEEN 10 AND 110 ORDER BY c",
                "BEGIN",
                "UPDATE sbtest1 SET k=k+1 WHERE id=77",
                "SELECT c FROM sbtest1 WHERE id=78",
                "INSERT INTO sbtest1 (id, k, c, pad) VALUES (5, 6, '12345-67890', 'xyz')",
                "COMMIT",
                "SET NAMES utf8mb4",
                "SELECT * FROM t WHERE a = 1 FOR UPDATE",
                "SELECT my_function(1)",
                "SELECT 1; SELECT 2",
            };
            for (int warm = 0; warm < 3; ++warm)
                for (const char *sql : statements)
                    router.route(s, sql);
            const long before = g_allocations.load();
            for (int i = 0; i < 200; ++i)
                for (const char *sql : statements)
                    router.route(s, sql);
            EXPECT_EQ(g_allocations.load() - before, 0) << dialectName(d) << " " << policyName(policy);
        }
    }
}

TEST(Allocation, TheCounterCounts)
{
    const long before = g_allocations.load();
    std::string *p = new std::string(100, 'x');
    delete p;
    EXPECT_GE(g_allocations.load() - before, 1);
}
