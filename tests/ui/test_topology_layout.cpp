// The layered layout on the shapes that break simpler ones: trees, cascades, multi-source,
// co-primary pairs, rings, nodes with no known edges, and large random graphs. What a user
// would notice: primaries on top, replicas under their sources, no card on top of another,
// edges that go around cards, the same picture for the same cluster.
#include "switchyard/ui/topology_layout.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <map>
#include <set>

using namespace switchyard::ui;

namespace {

// "n" + std::to_string(i) trips a GCC 12 -Wrestrict false positive at -O2; append instead.
std::string numbered(const char *prefix, int i)
{
    std::string s(prefix);
    s += std::to_string(i);
    return s;
}

struct Graph
{
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;

    std::size_t add(const std::string &key, bool primary = false)
    {
        LayoutNode n;
        n.key = key;
        n.preferredSource = primary;
        nodes.push_back(n);
        return nodes.size() - 1;
    }
    std::size_t at(const std::string &key) const
    {
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (nodes[i].key == key)
                return i;
        qFatal("no node %s", key.c_str());
    }
    void edge(const std::string &from, const std::string &to) { edges.push_back({at(from), at(to)}); }
};

struct Rect
{
    double x, y, w, h;
    bool intersects(const Rect &o) const
    {
        return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }
};

Rect rectOf(const Graph &g, const TopologyLayout &l, std::size_t i)
{
    return {l.nodes[i].x, l.nodes[i].y, g.nodes[i].width, g.nodes[i].height};
}

double centreX(const Graph &g, const TopologyLayout &l, const std::string &key)
{
    const std::size_t i = g.at(key);
    return l.nodes[i].x + g.nodes[i].width / 2;
}

int layerOf(const Graph &g, const TopologyLayout &l, const std::string &key)
{
    return l.nodes[g.at(key)].layer;
}

// Returns the first pair of overlapping cards, or an empty string.
QString overlaps(const Graph &g, const TopologyLayout &l)
{
    for (std::size_t i = 0; i < g.nodes.size(); ++i)
        for (std::size_t j = i + 1; j < g.nodes.size(); ++j)
            if (rectOf(g, l, i).intersects(rectOf(g, l, j)))
                return QString::fromStdString(g.nodes[i].key + " overlaps " + g.nodes[j].key);
    return {};
}

// Bend points of long edges must not sit inside a card.
QString viaInsideCard(const Graph &g, const TopologyLayout &l)
{
    for (std::size_t e = 0; e < g.edges.size(); ++e)
        for (const LayoutPoint &p : l.edges[e].via)
            for (std::size_t i = 0; i < g.nodes.size(); ++i) {
                const Rect r = rectOf(g, l, i);
                if (p.x > r.x && p.x < r.x + r.w && p.y > r.y && p.y < r.y + r.h)
                    return QStringLiteral("edge %1 passes through %2")
                        .arg(e)
                        .arg(QString::fromStdString(g.nodes[i].key));
            }
    return {};
}

Graph randomGraph(int count, quint32 seed, int extraEdges)
{
    QRandomGenerator rng(seed);
    Graph g;
    g.add("p0", true);
    for (int i = 1; i < count; ++i) {
        g.add(numbered("n", i));
        g.edges.push_back({static_cast<std::size_t>(rng.bounded(i)), static_cast<std::size_t>(i)});
    }
    for (int k = 0; k < extraEdges; ++k) {
        const auto a = static_cast<std::size_t>(rng.bounded(count));
        const auto b = static_cast<std::size_t>(rng.bounded(count));
        g.edges.push_back({a, b}); // may create cycles, self-loops and duplicates on purpose
    }
    return g;
}

} // namespace

class TestTopologyLayout : public QObject
{
    Q_OBJECT
private slots:
    void emptyInput()
    {
        const TopologyLayout l = layoutTopology({}, {});
        QCOMPARE(l.nodes.size(), std::size_t{0});
        QCOMPARE(l.width, 0.0);
    }

    void primaryWithTwoReplicas()
    {
        Graph g;
        g.add("primary", true);
        g.add("replica-a");
        g.add("replica-b");
        g.edge("primary", "replica-a");
        g.edge("primary", "replica-b");
        const TopologyLayout l = layoutTopology(g.nodes, g.edges);
        QCOMPARE(layerOf(g, l, "primary"), 0);
        QCOMPARE(layerOf(g, l, "replica-a"), 1);
        QCOMPARE(layerOf(g, l, "replica-b"), 1);
        QVERIFY(l.nodes[g.at("primary")].y + g.nodes[0].height < l.nodes[g.at("replica-a")].y);
        // The primary is centred over its replicas.
        const double mid = (centreX(g, l, "replica-a") + centreX(g, l, "replica-b")) / 2;
        QVERIFY(std::abs(centreX(g, l, "primary") - mid) < 1.0);
        QCOMPARE(overlaps(g, l), QString());
        QCOMPARE(l.crossings, 0);
        QCOMPARE(l.reversedEdges, 0);
        QVERIFY(l.edges[0].via.empty());
        QVERIFY(!l.edges[0].reversed);
        QCOMPARE(l.layerCount, 2);
    }

    void cascadeIsAStraightChain()
    {
        Graph g;
        g.add("a", true);
        g.add("b");
        g.add("c");
        g.add("d");
        g.edge("a", "b");
        g.edge("b", "c");
        g.edge("c", "d");
        const TopologyLayout l = layoutTopology(g.nodes, g.edges);
        QCOMPARE(layerOf(g, l, "a"), 0);
        QCOMPARE(layerOf(g, l, "d"), 3);
        QCOMPARE(centreX(g, l, "a"), centreX(g, l, "d"));
        QCOMPARE(l.layerCount, 4);
    }

    void multiSourceSitsBetweenItsSources()
    {
        Graph g;
        g.add("s1", true);
        g.add("s2", true);
        g.add("aggregator");
        g.edge("s1", "aggregator");
        g.edge("s2", "aggregator");
        const TopologyLayout l = layoutTopology(g.nodes, g.edges);
        QCOMPARE(layerOf(g, l, "s1"), 0);
        QCOMPARE(layerOf(g, l, "s2"), 0);
        QCOMPARE(layerOf(g, l, "aggregator"), 1);
        const double x = centreX(g, l, "aggregator");
        QVERIFY(x > std::min(centreX(g, l, "s1"), centreX(g, l, "s2")));
        QVERIFY(x < std::max(centreX(g, l, "s1"), centreX(g, l, "s2")));
        QCOMPARE(overlaps(g, l), QString());
    }

    void multiSourceAcrossLayersRoutesAroundCards()
    {
        // r replicates from the primary and from a relay one level down: the long edge gets
        // bend points that stay out of the relay's card.
        Graph g;
        g.add("p", true);
        g.add("relay");
        g.add("r");
        g.add("other");
        g.edge("p", "relay");
        g.edge("p", "other");
        g.edge("relay", "r");
        g.edge("p", "r");
        const TopologyLayout l = layoutTopology(g.nodes, g.edges);
        QCOMPARE(layerOf(g, l, "r"), 2);
        QCOMPARE(l.edges[3].via.size(), std::size_t{2});
        QCOMPARE(viaInsideCard(g, l), QString());
        QCOMPARE(overlaps(g, l), QString());
    }

    void coPrimaryPairSideBySide()
    {
        Graph g;
        g.add("east", true);
        g.add("west", true);
        g.add("east-r");
        g.add("west-r");
        g.edge("east", "west");
        g.edge("west", "east");
        g.edge("east", "east-r");
        g.edge("west", "west-r");
        const TopologyLayout l = layoutTopology(g.nodes, g.edges);
        QCOMPARE(layerOf(g, l, "east"), 0);
        QCOMPARE(layerOf(g, l, "west"), 0);
        QCOMPARE(l.nodes[g.at("east")].y, l.nodes[g.at("west")].y);
        QCOMPARE(layerOf(g, l, "east-r"), 1);
        QCOMPARE(layerOf(g, l, "west-r"), 1);
        QVERIFY(l.edges[0].sameLayer);
        QVERIFY(l.edges[1].sameLayer);
        QCOMPARE(l.reversedEdges, 0);
        // Each replica under its own source: no crossing.
        QCOMPARE(l.crossings, 0);
        QVERIFY((centreX(g, l, "east") < centreX(g, l, "west")) ==
                (centreX(g, l, "east-r") < centreX(g, l, "west-r")));
        QCOMPARE(overlaps(g, l), QString());
    }

    void ringIsBrokenAtThePrimary()
    {
        Graph g;
        g.add("a");
        g.add("b");
        g.add("c", true); // the writable one goes on top
        g.edge("a", "b");
        g.edge("b", "c");
        g.edge("c", "a");
        const TopologyLayout l = layoutTopology(g.nodes, g.edges);
        QCOMPARE(l.reversedEdges, 1);
        QCOMPARE(layerOf(g, l, "c"), 0);
        QCOMPARE(layerOf(g, l, "a"), 1);
        QCOMPARE(layerOf(g, l, "b"), 2);
        QVERIFY(l.edges[1].reversed);                                // b -> c goes up
        QCOMPARE(l.edges[1].via.size(), std::size_t{2});             // around a, not through it
        QVERIFY(l.edges[1].via.front().y > l.edges[1].via.back().y); // listed from b upward
        QCOMPARE(viaInsideCard(g, l), QString());
        QCOMPARE(overlaps(g, l), QString());
    }

    void ringWithoutPrimaryStillLaysOut()
    {
        Graph g;
        for (const char *k : {"n1", "n2", "n3", "n4"})
            g.add(k);
        g.edge("n1", "n2");
        g.edge("n2", "n3");
        g.edge("n3", "n4");
        g.edge("n4", "n1");
        const TopologyLayout l = layoutTopology(g.nodes, g.edges);
        QCOMPARE(l.reversedEdges, 1);
        QCOMPARE(l.layerCount, 4);
        QCOMPARE(overlaps(g, l), QString());
    }

    void isolatedNodesGoBelow()
    {
        Graph g;
        g.add("p", true);
        g.add("r");
        g.add("lost");
        g.add("also-lost");
        g.edge("p", "r");
        const TopologyLayout l = layoutTopology(g.nodes, g.edges);
        QVERIFY(l.nodes[g.at("lost")].isolated);
        QVERIFY(!l.nodes[g.at("r")].isolated);
        QVERIFY(l.nodes[g.at("lost")].y > l.nodes[g.at("r")].y + g.nodes[1].height);
        // Sorted by name in the row.
        QVERIFY(l.nodes[g.at("also-lost")].x < l.nodes[g.at("lost")].x);
        QCOMPARE(overlaps(g, l), QString());
        QCOMPARE(l.layerCount, 2);
    }

    void onlyIsolatedNodesStartAtTheTop()
    {
        Graph g;
        g.add("b");
        g.add("a", true);
        const TopologyLayout l = layoutTopology(g.nodes, g.edges);
        QCOMPARE(l.nodes[g.at("a")].y, 0.0);
        QCOMPARE(l.nodes[g.at("a")].x, 0.0); // the primary first
        QCOMPARE(overlaps(g, l), QString());
    }

    void manyLeafReplicasStackInAGrid()
    {
        Graph g;
        g.add("p", true);
        for (int i = 0; i < 13; ++i)
            g.add(numbered(i < 10 ? "leaf-0" : "leaf-", i));
        for (int i = 1; i <= 13; ++i)
            g.edges.push_back({0, static_cast<std::size_t>(i)});
        const TopologyLayout l = layoutTopology(g.nodes, g.edges);
        QCOMPARE(overlaps(g, l), QString());
        QCOMPARE(viaInsideCard(g, l), QString());
        std::set<double> rows, columns;
        for (std::size_t i = 1; i < g.nodes.size(); ++i) {
            QCOMPARE(l.nodes[i].layer, 1);
            rows.insert(l.nodes[i].y);
            columns.insert(l.nodes[i].x);
            QVERIFY(l.edges[i - 1].entersFromLeft);
            // The lane ends level with the middle of the card, left of it.
            const LayoutPoint last = l.edges[i - 1].via.back();
            QCOMPARE(last.y, l.nodes[i].y + g.nodes[i].height / 2);
            QVERIFY(last.x < l.nodes[i].x);
        }
        QVERIFY(rows.size() >= 3);
        QVERIFY(columns.size() >= 2);
        QVERIFY(l.width < 13 * 200 / 2); // far narrower than one row
        // Sorted by name, column by column.
        QVERIFY(l.nodes[g.at("leaf-00")].x <= l.nodes[g.at("leaf-12")].x);
        QVERIFY(l.nodes[g.at("leaf-00")].y < l.nodes[g.at("leaf-01")].y);
        // The source stays above the grid.
        QVERIFY(l.nodes[0].y + g.nodes[0].height < *rows.begin());
    }

    void gridOrderIsNatural()
    {
        // replica-2 comes before replica-10, as a person would count.
        Graph g;
        g.add("p", true);
        for (int i = 0; i < 12; ++i)
            g.add(numbered("replica-", i));
        for (std::size_t i = 1; i <= 12; ++i)
            g.edges.push_back({0, i});
        const TopologyLayout l = layoutTopology(g.nodes, g.edges);
        auto before = [&](const char *a, const char *b) {
            const NodePlacement &pa = l.nodes[g.at(a)], &pb = l.nodes[g.at(b)];
            return pa.x < pb.x || (pa.x == pb.x && pa.y < pb.y);
        };
        QVERIFY(before("replica-2", "replica-10"));
        QVERIFY(before("replica-9", "replica-10"));
        QVERIFY(before("replica-0", "replica-1"));
    }

    void aFewLeavesStayInARow()
    {
        Graph g;
        g.add("p", true);
        for (int i = 0; i < 7; ++i)
            g.add(numbered("r", i));
        for (std::size_t i = 1; i <= 7; ++i)
            g.edges.push_back({0, i});
        const TopologyLayout l = layoutTopology(g.nodes, g.edges);
        for (std::size_t i = 1; i <= 7; ++i) {
            QCOMPARE(l.nodes[i].y, l.nodes[1].y);
            QVERIFY(!l.edges[i - 1].entersFromLeft);
        }
    }

    void badEdgesAreIgnored()
    {
        Graph g;
        g.add("p", true);
        g.add("r");
        g.edges = {{0, 1}, {0, 0}, {0, 7}, {0, 1}};
        const TopologyLayout l = layoutTopology(g.nodes, g.edges);
        QVERIFY(l.edges[0].valid);
        QVERIFY(!l.edges[1].valid);
        QVERIFY(!l.edges[2].valid);
        QVERIFY(l.edges[3].valid);
        QCOMPARE(layerOf(g, l, "r"), 1);
    }

    void inputOrderDoesNotMatter()
    {
        Graph g = randomGraph(60, 7, 10);
        const TopologyLayout a = layoutTopology(g.nodes, g.edges);
        // Reverse the node list and remap the edges.
        Graph h;
        const std::size_t n = g.nodes.size();
        for (std::size_t i = 0; i < n; ++i)
            h.nodes.push_back(g.nodes[n - 1 - i]);
        for (const LayoutEdge &e : g.edges)
            h.edges.push_back({n - 1 - e.source, n - 1 - e.target});
        const TopologyLayout b = layoutTopology(h.nodes, h.edges);
        for (std::size_t i = 0; i < n; ++i)
            QCOMPARE(a.nodes[i], b.nodes[n - 1 - i]);
        for (std::size_t e = 0; e < g.edges.size(); ++e)
            QCOMPARE(a.edges[e], b.edges[e]);
    }

    void sameInputSamePicture()
    {
        const Graph g = randomGraph(80, 11, 12);
        const TopologyLayout a = layoutTopology(g.nodes, g.edges);
        const TopologyLayout b = layoutTopology(g.nodes, g.edges);
        QCOMPARE(a.nodes, b.nodes);
        QCOMPARE(a.edges, b.edges);
    }

    void previousPictureAsHintNeverMakesItWorse()
    {
        // The previous picture seeds the ordering; the crossing reduction may still improve on it.
        Graph g = randomGraph(40, 3, 4);
        const TopologyLayout first = layoutTopology(g.nodes, g.edges);
        std::unordered_map<std::string, double> previous;
        for (std::size_t i = 0; i < g.nodes.size(); ++i)
            previous[g.nodes[i].key] = first.nodes[i].x + g.nodes[i].width / 2;
        const TopologyLayout second = layoutTopology(g.nodes, g.edges, {}, &previous);
        for (std::size_t i = 0; i < g.nodes.size(); ++i)
            QCOMPARE(second.nodes[i].layer, first.nodes[i].layer);
        QVERIFY(second.crossings <= first.crossings);
        const TopologyLayout third = layoutTopology(g.nodes, g.edges, {}, &previous);
        QCOMPARE(third.nodes, second.nodes);
    }

    void addingALeafKeepsSiblingOrder()
    {
        Graph g;
        g.add("p", true);
        for (const char *k : {"r3", "r1", "r2"})
            g.add(k);
        g.edge("p", "r3");
        g.edge("p", "r1");
        g.edge("p", "r2");
        const TopologyLayout first = layoutTopology(g.nodes, g.edges);
        std::unordered_map<std::string, double> previous;
        for (std::size_t i = 0; i < g.nodes.size(); ++i)
            previous[g.nodes[i].key] = first.nodes[i].x + g.nodes[i].width / 2;
        g.add("r0");
        g.edge("p", "r0");
        const TopologyLayout second = layoutTopology(g.nodes, g.edges, {}, &previous);
        auto order = [&](const TopologyLayout &l) {
            std::vector<std::pair<double, std::string>> v;
            for (const char *k : {"r1", "r2", "r3"})
                v.push_back({centreX(g, l, k), k});
            std::sort(v.begin(), v.end());
            std::string s;
            for (auto &p : v)
                s += p.second;
            return s;
        };
        QCOMPARE(order(second), order(first));
    }

    void largeRandomGraphs_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("extra");
        QTest::addColumn<quint32>("seed");
        QTest::newRow("tree 50") << 50 << 0 << 1u;
        QTest::newRow("tree 200") << 200 << 0 << 2u;
        QTest::newRow("dag+cycles 100") << 100 << 15 << 3u;
        QTest::newRow("dag+cycles 200") << 200 << 30 << 4u;
        QTest::newRow("dense 60") << 60 << 60 << 5u;
    }
    void largeRandomGraphs()
    {
        QFETCH(int, count);
        QFETCH(int, extra);
        QFETCH(quint32, seed);
        const Graph g = randomGraph(count, seed, extra);
        const TopologyLayout l = layoutTopology(g.nodes, g.edges);
        QCOMPARE(overlaps(g, l), QString());
        QCOMPARE(viaInsideCard(g, l), QString());
        for (std::size_t i = 0; i < g.nodes.size(); ++i) {
            QVERIFY(l.nodes[i].x >= -0.001 && l.nodes[i].y >= -0.001);
            QVERIFY(l.nodes[i].x + g.nodes[i].width <= l.width + 0.001);
            QVERIFY(l.nodes[i].y + g.nodes[i].height <= l.height + 0.001);
        }
        // Every drawn edge (not a co-primary link) goes from one layer to a different one.
        for (std::size_t e = 0; e < g.edges.size(); ++e) {
            const EdgeRoute &r = l.edges[e];
            if (!r.valid || r.sameLayer)
                continue;
            const int ls = l.nodes[g.edges[e].source].layer, lt = l.nodes[g.edges[e].target].layer;
            QVERIFY2(r.reversed ? ls > lt : ls < lt, qPrintable(QStringLiteral("edge %1").arg(e)));
            QCOMPARE(r.via.size(),
                     static_cast<std::size_t>(2 * (std::abs(lt - ls) - 1) + (r.entersFromLeft ? 2 : 0)));
        }
        if (extra == 0)
            QCOMPARE(l.crossings, 0); // a tree drawn without crossings
    }
};

QTEST_GUILESS_MAIN(TestTopologyLayout)
#include "test_topology_layout.moc"
