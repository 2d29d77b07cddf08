#include "switchyard/ui/topology_layout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <utility>

namespace switchyard::ui {

namespace {

constexpr double kNoHint = std::numeric_limits<double>::quiet_NaN();

// Co-primary blocks: nodes that replicate from each other, kept side by side.
struct Block
{
    std::vector<std::size_t> members; // left to right
    std::string key;                  // smallest member key: the block's identity
    bool preferred = false;
    double width = 0;
    double height = 0;
    double hint = kNoHint; // mean previous centre of its members, if known
    // A grid of leaf replicas of one source: members column by column, `rows` per column,
    // each column with a lane zone on its left for the edges.
    bool grid = false;
    int rows = 1;
    double cellWidth = 0;
    double cellHeight = 0;
    double laneZone = 0;
};

// A vertex of the layered graph of one component: a block or a dummy on a long edge.
struct Vertex
{
    int block = -1; // -1: dummy
    int layer = 0;
    double width = 0;
    double height = 0;
    double hint = kNoHint;
    bool preferred = false;
    std::vector<int> up;   // neighbours in layer - 1
    std::vector<int> down; // neighbours in layer + 1
    int pos = 0;           // index within its layer
    double x = 0;          // centre
};

struct Chain
{
    bool reversed = false;
    std::vector<int> dummies; // top to bottom
};

class UnionFind
{
public:
    explicit UnionFind(std::size_t n) : m_parent(n)
    {
        std::iota(m_parent.begin(), m_parent.end(), std::size_t{0});
    }
    std::size_t find(std::size_t v)
    {
        while (m_parent[v] != v) {
            m_parent[v] = m_parent[m_parent[v]];
            v = m_parent[v];
        }
        return v;
    }
    void unite(std::size_t a, std::size_t b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            m_parent[std::max(a, b)] = std::min(a, b);
    }

private:
    std::vector<std::size_t> m_parent;
};

// "replica-2" before "replica-10": runs of digits compare as numbers.
bool naturalLess(const std::string &a, const std::string &b)
{
    std::size_t i = 0, j = 0;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t ie = i, je = j;
            while (ie < a.size() && digit(a[ie]))
                ++ie;
            while (je < b.size() && digit(b[je]))
                ++je;
            std::size_t is = i, js = j; // skip leading zeros
            while (is + 1 < ie && a[is] == '0')
                ++is;
            while (js + 1 < je && b[js] == '0')
                ++js;
            if (ie - is != je - js)
                return ie - is < je - js;
            const int c = a.compare(is, ie - is, b, js, je - js);
            if (c != 0)
                return c < 0;
            i = ie;
            j = je;
        } else {
            if (a[i] != b[j])
                return a[i] < b[j];
            ++i;
            ++j;
        }
    }
    if (i == a.size() && j == b.size())
        return a < b;     // equal up to leading zeros: any fixed order
    return i == a.size(); // a prefix comes first
}

bool hintLess(double a, double b)
{
    // Hinted before unhinted; among hinted, by position.
    const bool ha = !std::isnan(a), hb = !std::isnan(b);
    if (ha != hb)
        return ha;
    return ha && a < b;
}

// Crossings between two consecutive layers (edges as (upper pos, lower pos) pairs).
long countCrossings(std::vector<std::pair<int, int>> &pairs, int lowerSize)
{
    std::sort(pairs.begin(), pairs.end());
    std::vector<int> tree(static_cast<std::size_t>(lowerSize) + 1, 0); // Fenwick tree over lower positions
    long crossings = 0;
    long seen = 0;
    for (const auto &[upper, lower] : pairs) {
        (void)upper;
        long notGreater = 0;
        for (int i = lower + 1; i > 0; i -= i & -i)
            notGreater += tree[static_cast<std::size_t>(i)];
        crossings += seen - notGreater;
        for (int i = lower + 1; i <= lowerSize; i += i & -i)
            ++tree[static_cast<std::size_t>(i)];
        ++seen;
    }
    return crossings;
}

// Weighted isotonic regression with minimum spacing (pool adjacent violators): positions as
// close as possible to `desired` while keeping the order and x[i+1] - x[i] >= gap[i].
void placeInOrder(const std::vector<double> &desired, const std::vector<double> &gaps, std::vector<double> &x)
{
    const std::size_t n = desired.size();
    std::vector<double> offset(n, 0.0);
    for (std::size_t i = 1; i < n; ++i)
        offset[i] = offset[i - 1] + gaps[i - 1];
    struct Pool
    {
        double sum;
        double count;
        std::size_t first;
        std::size_t last;
        double mean() const { return sum / count; }
    };
    std::vector<Pool> pools;
    pools.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        pools.push_back({desired[i] - offset[i], 1.0, i, i});
        while (pools.size() > 1 && pools[pools.size() - 2].mean() > pools.back().mean()) {
            Pool last = pools.back();
            pools.pop_back();
            pools.back().sum += last.sum;
            pools.back().count += last.count;
            pools.back().last = last.last;
        }
    }
    x.assign(n, 0.0);
    for (const Pool &p : pools)
        for (std::size_t i = p.first; i <= p.last; ++i)
            x[i] = p.mean() + offset[i];
}

struct ComponentResult
{
    std::vector<int> blocks;
    bool preferred = false;
    std::string key;
    double width = 0;
    double height = 0;
    int layers = 0;
    long crossings = 0;
};

class Layouter
{
public:
    Layouter(const std::vector<LayoutNode> &nodes, const std::vector<LayoutEdge> &edges,
             const LayoutOptions &options, const std::unordered_map<std::string, double> *previousX)
        : m_nodes(nodes), m_edges(edges), m_opt(options), m_previousX(previousX)
    {
    }

    TopologyLayout run();

private:
    void buildBlocks();
    void indexBlocks();
    void groupLeaves();
    void layoutComponent(ComponentResult &component);
    std::vector<int> breakCycles(const std::vector<int> &blocks) const;
    double separation(const Vertex &a, const Vertex &b) const
    {
        const bool dummy = a.block < 0 || b.block < 0;
        return (a.width + b.width) / 2 + (dummy ? m_opt.nodeGap / 2 : m_opt.nodeGap);
    }

    const std::vector<LayoutNode> &m_nodes;
    const std::vector<LayoutEdge> &m_edges;
    const LayoutOptions &m_opt;
    const std::unordered_map<std::string, double> *m_previousX;

    std::set<std::pair<std::size_t, std::size_t>> m_pairs; // unique node edges
    std::vector<Block> m_blocks;                           // sorted by key
    std::vector<int> m_nodeBlock;
    std::vector<int> m_gridRow;                          // per node: row in its leaf grid, or -1
    std::vector<std::vector<int>> m_blockOut, m_blockIn; // block graph, by block index
    // Per block: layer, centre x and top y of its layer band, band height (component-local
    // until the component is placed).
    std::vector<int> m_blockLayer;
    std::vector<double> m_blockCx, m_blockTop, m_blockBand;
    // Drawn block edge (source block, target block) -> its route.
    std::map<std::pair<int, int>, std::pair<bool, std::vector<LayoutPoint>>> m_routes;
};

void Layouter::buildBlocks()
{
    const std::size_t n = m_nodes.size();
    UnionFind uf(n);
    std::vector<std::vector<std::size_t>> mutual(n);
    for (const auto &[s, t] : m_pairs) {
        if (s < t && m_pairs.count({t, s})) {
            uf.unite(s, t);
            mutual[s].push_back(t);
            mutual[t].push_back(s);
        }
    }
    std::map<std::size_t, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < n; ++i)
        groups[uf.find(i)].push_back(i);

    auto keyLess = [this](std::size_t a, std::size_t b) { return m_nodes[a].key < m_nodes[b].key; };
    for (auto &[root, members] : groups) {
        (void)root;
        Block b;
        if (members.size() == 1) {
            b.members = members;
        } else {
            // Walk the mutual links from an end of the chain, so neighbours sit next to each other.
            std::sort(members.begin(), members.end(), keyLess);
            std::size_t start = members.front();
            for (std::size_t m : members) {
                const auto dm = mutual[m].size(), ds = mutual[start].size();
                if (dm < ds || (dm == ds && m_nodes[m].preferredSource && !m_nodes[start].preferredSource))
                    start = m;
            }
            std::set<std::size_t> visited;
            std::vector<std::size_t> stack{start};
            while (!stack.empty()) {
                const std::size_t v = stack.back();
                stack.pop_back();
                if (!visited.insert(v).second)
                    continue;
                b.members.push_back(v);
                std::vector<std::size_t> next = mutual[v];
                std::sort(next.begin(), next.end(), keyLess);
                for (auto it = next.rbegin(); it != next.rend(); ++it)
                    if (!visited.count(*it))
                        stack.push_back(*it);
            }
        }
        b.key = m_nodes[*std::min_element(b.members.begin(), b.members.end(), keyLess)].key;
        double hintSum = 0;
        int hinted = 0;
        for (std::size_t i = 0; i < b.members.size(); ++i) {
            const LayoutNode &node = m_nodes[b.members[i]];
            b.preferred = b.preferred || node.preferredSource;
            b.width += node.width + (i > 0 ? m_opt.blockGap : 0.0);
            b.height = std::max(b.height, node.height);
            if (m_previousX) {
                auto it = m_previousX->find(node.key);
                if (it != m_previousX->end()) {
                    hintSum += it->second;
                    ++hinted;
                }
            }
        }
        if (hinted > 0)
            b.hint = hintSum / hinted;
        m_blocks.push_back(std::move(b));
    }
    indexBlocks();
    groupLeaves();
}

void Layouter::indexBlocks()
{
    std::sort(m_blocks.begin(), m_blocks.end(), [](const Block &a, const Block &b) { return a.key < b.key; });
    m_nodeBlock.assign(m_nodes.size(), -1);
    for (std::size_t b = 0; b < m_blocks.size(); ++b)
        for (std::size_t m : m_blocks[b].members)
            m_nodeBlock[m] = static_cast<int>(b);

    std::set<std::pair<int, int>> blockEdges;
    for (const auto &[s, t] : m_pairs)
        if (m_nodeBlock[s] != m_nodeBlock[t])
            blockEdges.insert({m_nodeBlock[s], m_nodeBlock[t]});
    m_blockOut.assign(m_blocks.size(), {});
    m_blockIn.assign(m_blocks.size(), {});
    for (const auto &[a, b] : blockEdges) {
        m_blockOut[static_cast<std::size_t>(a)].push_back(b);
        m_blockIn[static_cast<std::size_t>(b)].push_back(a);
    }
}

// A source with many leaf replicas (one source each, no replicas of their own): stack them in
// a grid of columns instead of one long row. The grids together (they usually sit side by side
// in one layer) aim at the shape of a screen, about 1.6 times wider than tall.
void Layouter::groupLeaves()
{
    if (m_opt.leafGridThreshold <= 0)
        return;
    std::map<int, std::vector<int>> leavesOf;
    for (std::size_t b = 0; b < m_blocks.size(); ++b)
        if (m_blocks[b].members.size() == 1 && m_blockOut[b].empty() && m_blockIn[b].size() == 1)
            leavesOf[m_blockIn[b].front()].push_back(static_cast<int>(b));
    std::vector<char> absorbed(m_blocks.size(), 0);
    std::vector<Block> grids;
    const double columnGap = m_opt.nodeGap / 2;
    const auto gridCount =
        static_cast<double>(std::count_if(leavesOf.begin(), leavesOf.end(), [this](const auto &entry) {
            return static_cast<int>(entry.second.size()) >= m_opt.leafGridThreshold;
        }));
    for (const auto &[parent, leaves] : leavesOf) {
        (void)parent;
        if (static_cast<int>(leaves.size()) < m_opt.leafGridThreshold)
            continue;
        Block g;
        g.grid = true;
        double hintSum = 0;
        int hinted = 0;
        for (int b : leaves) {
            const Block &leaf = m_blocks[static_cast<std::size_t>(b)];
            absorbed[static_cast<std::size_t>(b)] = 1;
            g.members.push_back(leaf.members.front());
            g.cellWidth = std::max(g.cellWidth, m_nodes[leaf.members.front()].width);
            g.cellHeight = std::max(g.cellHeight, m_nodes[leaf.members.front()].height);
            if (!std::isnan(leaf.hint)) {
                hintSum += leaf.hint;
                ++hinted;
            }
        }
        std::sort(g.members.begin(), g.members.end(), [this](std::size_t a, std::size_t b) {
            return naturalLess(m_nodes[a].key, m_nodes[b].key);
        });
        const double k = static_cast<double>(g.members.size());
        const double laneEstimate = 16 + std::sqrt(k) * m_opt.laneSpacing;
        const double aspect = 1.6;
        int columns =
            static_cast<int>(std::lround(std::sqrt(k * aspect * (g.cellHeight + m_opt.gridRowGap) /
                                                   (gridCount * (g.cellWidth + laneEstimate + columnGap)))));
        columns = std::clamp(columns, 1, static_cast<int>(k));
        g.rows = static_cast<int>(std::ceil(k / columns));
        columns = static_cast<int>(std::ceil(k / g.rows));
        g.laneZone = 16 + g.rows * m_opt.laneSpacing;
        g.width = columns * (g.laneZone + g.cellWidth) + (columns - 1) * columnGap;
        g.height = g.rows * g.cellHeight + (g.rows - 1) * m_opt.gridRowGap;
        g.key = m_nodes[*std::min_element(
                            g.members.begin(), g.members.end(),
                            [this](std::size_t a, std::size_t b) { return m_nodes[a].key < m_nodes[b].key; })]
                    .key;
        if (hinted > 0)
            g.hint = hintSum / hinted;
        grids.push_back(std::move(g));
    }
    if (grids.empty())
        return;
    std::vector<Block> kept;
    for (std::size_t b = 0; b < m_blocks.size(); ++b)
        if (!absorbed[b])
            kept.push_back(std::move(m_blocks[b]));
    for (Block &g : grids)
        kept.push_back(std::move(g));
    m_blocks = std::move(kept);
    indexBlocks();
}

// Eades-Lin-Smyth: sinks to the back, sources to the front, otherwise the block with the most
// out-minus-in (a preferred block first). Returns the sequence; edges pointing backwards in it
// are the ones to reverse.
std::vector<int> Layouter::breakCycles(const std::vector<int> &blocks) const
{
    std::map<int, int> outDeg, inDeg;
    std::set<int> alive(blocks.begin(), blocks.end());
    for (int b : blocks) {
        outDeg[b] = static_cast<int>(m_blockOut[static_cast<std::size_t>(b)].size());
        inDeg[b] = static_cast<int>(m_blockIn[static_cast<std::size_t>(b)].size());
    }
    std::vector<int> front, back;
    auto remove = [&](int b) {
        alive.erase(b);
        for (int t : m_blockOut[static_cast<std::size_t>(b)])
            --inDeg[t];
        for (int s : m_blockIn[static_cast<std::size_t>(b)])
            --outDeg[s];
    };
    while (!alive.empty()) {
        bool changed = true;
        while (changed) {
            changed = false;
            for (auto it = alive.begin(); it != alive.end();) {
                const int b = *it++;
                if (outDeg[b] == 0) {
                    back.push_back(b);
                    remove(b);
                    changed = true;
                }
            }
            for (auto it = alive.begin(); it != alive.end();) {
                const int b = *it++;
                if (inDeg[b] == 0) {
                    front.push_back(b);
                    remove(b);
                    changed = true;
                }
            }
        }
        if (alive.empty())
            break;
        int best = -1;
        for (int b : alive) { // ascending block index = ascending key
            if (best < 0) {
                best = b;
                continue;
            }
            const bool pb = m_blocks[static_cast<std::size_t>(b)].preferred;
            const bool pbest = m_blocks[static_cast<std::size_t>(best)].preferred;
            if (pb != pbest) {
                if (pb)
                    best = b;
                continue;
            }
            if (outDeg[b] - inDeg[b] > outDeg[best] - inDeg[best])
                best = b;
        }
        front.push_back(best);
        remove(best);
    }
    front.insert(front.end(), back.rbegin(), back.rend());
    return front;
}

void Layouter::layoutComponent(ComponentResult &component)
{
    const std::vector<int> &blocks = component.blocks;

    // 1. Cycle breaking: the DAG keeps edges that go forward in the sequence.
    const std::vector<int> sequence = breakCycles(blocks);
    std::map<int, int> seqPos;
    for (std::size_t i = 0; i < sequence.size(); ++i)
        seqPos[sequence[i]] = static_cast<int>(i);

    // Vertices: blocks first (ascending key), dummies appended.
    std::vector<Vertex> vs;
    std::map<int, int> vertexOfBlock;
    for (int b : blocks) {
        const Block &blk = m_blocks[static_cast<std::size_t>(b)];
        Vertex v;
        v.block = b;
        v.width = blk.width;
        v.height = blk.height;
        v.hint = blk.hint;
        v.preferred = blk.preferred;
        vertexOfBlock[b] = static_cast<int>(vs.size());
        vs.push_back(v);
    }
    struct DagEdge
    {
        int from, to;                 // vertices, downward
        int drawnSource, drawnTarget; // blocks, replication direction
        bool reversed;
    };
    std::vector<DagEdge> dag;
    for (int b : blocks) {
        for (int t : m_blockOut[static_cast<std::size_t>(b)]) {
            const bool reversed = seqPos[b] > seqPos[t];
            const int from = vertexOfBlock[reversed ? t : b];
            const int to = vertexOfBlock[reversed ? b : t];
            dag.push_back({from, to, b, t, reversed});
        }
    }

    // 2. Longest-path layering.
    const std::size_t nb = vs.size();
    std::vector<std::vector<int>> succ(nb), pred(nb);
    for (const DagEdge &e : dag) {
        succ[static_cast<std::size_t>(e.from)].push_back(e.to);
        pred[static_cast<std::size_t>(e.to)].push_back(e.from);
    }
    std::vector<int> indeg(nb);
    std::set<int> ready;
    for (std::size_t v = 0; v < nb; ++v) {
        indeg[v] = static_cast<int>(pred[v].size());
        if (indeg[v] == 0)
            ready.insert(static_cast<int>(v));
    }
    std::vector<int> topo;
    while (!ready.empty()) {
        const int v = *ready.begin();
        ready.erase(ready.begin());
        topo.push_back(v);
        for (int t : succ[static_cast<std::size_t>(v)])
            if (--indeg[static_cast<std::size_t>(t)] == 0)
                ready.insert(t);
    }
    for (int v : topo)
        for (int p : pred[static_cast<std::size_t>(v)])
            vs[static_cast<std::size_t>(v)].layer =
                std::max(vs[static_cast<std::size_t>(v)].layer, vs[static_cast<std::size_t>(p)].layer + 1);
    // Sources that are not primaries sit just above what they feed, not at the top.
    for (std::size_t v = 0; v < nb; ++v) {
        if (pred[v].empty() && !succ[v].empty() && !vs[v].preferred) {
            int lowest = std::numeric_limits<int>::max();
            for (int t : succ[v])
                lowest = std::min(lowest, vs[static_cast<std::size_t>(t)].layer);
            vs[v].layer = std::max(vs[v].layer, lowest - 1);
        }
    }
    int layerCount = 0;
    for (const Vertex &v : vs)
        layerCount = std::max(layerCount, v.layer + 1);

    // 3. Dummies on long edges.
    std::map<std::pair<int, int>, Chain> chains; // by drawn block pair
    for (const DagEdge &e : dag) {
        Chain chain;
        chain.reversed = e.reversed;
        int prev = e.from;
        const int fromLayer = vs[static_cast<std::size_t>(e.from)].layer;
        const int toLayer = vs[static_cast<std::size_t>(e.to)].layer;
        for (int l = fromLayer + 1; l < toLayer; ++l) {
            Vertex d;
            d.layer = l;
            d.width = m_opt.dummyWidth;
            const Vertex &a = vs[static_cast<std::size_t>(e.from)];
            const Vertex &b = vs[static_cast<std::size_t>(e.to)];
            if (!std::isnan(a.hint) && !std::isnan(b.hint))
                d.hint = a.hint + (b.hint - a.hint) * (l - fromLayer) / (toLayer - fromLayer);
            const int id = static_cast<int>(vs.size());
            vs.push_back(d);
            vs[static_cast<std::size_t>(prev)].down.push_back(id);
            vs[static_cast<std::size_t>(id)].up.push_back(prev);
            chain.dummies.push_back(id);
            prev = id;
        }
        vs[static_cast<std::size_t>(prev)].down.push_back(e.to);
        vs[static_cast<std::size_t>(e.to)].up.push_back(prev);
        chains[{e.drawnSource, e.drawnTarget}] = std::move(chain);
    }

    // 4. Initial order: depth-first from the tops, children in previous-picture order.
    std::vector<std::vector<int>> layers(static_cast<std::size_t>(layerCount));
    auto childLess = [&vs](int a, int b) {
        const Vertex &va = vs[static_cast<std::size_t>(a)], &vb = vs[static_cast<std::size_t>(b)];
        if (hintLess(va.hint, vb.hint))
            return true;
        if (hintLess(vb.hint, va.hint))
            return false;
        return a < b;
    };
    std::vector<int> roots;
    for (std::size_t v = 0; v < vs.size(); ++v)
        if (vs[v].up.empty())
            roots.push_back(static_cast<int>(v));
    std::sort(roots.begin(), roots.end(), [&](int a, int b) {
        const Vertex &va = vs[static_cast<std::size_t>(a)], &vb = vs[static_cast<std::size_t>(b)];
        if (va.layer != vb.layer)
            return va.layer < vb.layer;
        if (va.preferred != vb.preferred && std::isnan(va.hint) && std::isnan(vb.hint))
            return va.preferred;
        return childLess(a, b);
    });
    std::vector<char> visited(vs.size(), 0);
    for (int root : roots) {
        std::vector<int> stack{root};
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            if (visited[static_cast<std::size_t>(v)])
                continue;
            visited[static_cast<std::size_t>(v)] = 1;
            layers[static_cast<std::size_t>(vs[static_cast<std::size_t>(v)].layer)].push_back(v);
            std::vector<int> next = vs[static_cast<std::size_t>(v)].down;
            std::sort(next.begin(), next.end(), childLess);
            for (auto it = next.rbegin(); it != next.rend(); ++it)
                if (!visited[static_cast<std::size_t>(*it)])
                    stack.push_back(*it);
        }
    }
    auto renumber = [&vs](const std::vector<std::vector<int>> &ls) {
        for (const auto &layer : ls)
            for (std::size_t i = 0; i < layer.size(); ++i)
                vs[static_cast<std::size_t>(layer[i])].pos = static_cast<int>(i);
    };
    renumber(layers);

    // 5. Barycentre sweeps; keep the best ordering seen.
    auto crossings = [&]() {
        long total = 0;
        for (std::size_t l = 0; l + 1 < layers.size(); ++l) {
            std::vector<std::pair<int, int>> pairs;
            for (int v : layers[l])
                for (int w : vs[static_cast<std::size_t>(v)].down)
                    pairs.push_back(
                        {vs[static_cast<std::size_t>(v)].pos, vs[static_cast<std::size_t>(w)].pos});
            total += countCrossings(pairs, static_cast<int>(layers[l + 1].size()));
        }
        return total;
    };
    auto reorder = [&](std::size_t l, bool fromAbove) {
        std::vector<std::pair<double, int>> keyed;
        keyed.reserve(layers[l].size());
        for (int v : layers[l]) {
            const Vertex &vx = vs[static_cast<std::size_t>(v)];
            const std::vector<int> &nbrs = fromAbove ? vx.up : vx.down;
            double bc = vx.pos;
            if (!nbrs.empty()) {
                double sum = 0;
                for (int u : nbrs)
                    sum += vs[static_cast<std::size_t>(u)].pos;
                bc = sum / static_cast<double>(nbrs.size());
            }
            keyed.push_back({bc, v});
        }
        std::stable_sort(keyed.begin(), keyed.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        for (std::size_t i = 0; i < keyed.size(); ++i) {
            layers[l][i] = keyed[i].second;
            vs[static_cast<std::size_t>(keyed[i].second)].pos = static_cast<int>(i);
        }
    };
    long best = crossings();
    std::vector<std::vector<int>> bestLayers = layers;
    int stale = 0;
    for (int it = 0; it < m_opt.sweeps && best > 0 && stale < 3; ++it) {
        for (std::size_t l = 1; l < layers.size(); ++l)
            reorder(l, true);
        for (std::size_t l = layers.size(); l-- > 1;)
            reorder(l - 1, false);
        const long c = crossings();
        if (c < best) {
            best = c;
            bestLayers = layers;
            stale = 0;
        } else {
            ++stale;
        }
    }
    layers = std::move(bestLayers);
    renumber(layers);
    component.crossings = best;

    // 6. Coordinates.
    for (auto &layer : layers) {
        double x = 0;
        for (std::size_t i = 0; i < layer.size(); ++i) {
            Vertex &v = vs[static_cast<std::size_t>(layer[i])];
            if (i > 0)
                x += separation(vs[static_cast<std::size_t>(layer[i - 1])], v);
            v.x = x;
        }
        const double shift = x / 2;
        for (int v : layer)
            vs[static_cast<std::size_t>(v)].x -= shift;
    }
    std::vector<double> desired, gaps, placed;
    auto pull = [&](std::size_t l, bool fromAbove) {
        const auto &layer = layers[l];
        desired.assign(layer.size(), 0.0);
        gaps.assign(layer.size(), 0.0);
        for (std::size_t i = 0; i < layer.size(); ++i) {
            const Vertex &v = vs[static_cast<std::size_t>(layer[i])];
            const std::vector<int> &nbrs = fromAbove ? v.up : v.down;
            double target = v.x;
            if (!nbrs.empty()) {
                double sum = 0;
                for (int u : nbrs)
                    sum += vs[static_cast<std::size_t>(u)].x;
                target = sum / static_cast<double>(nbrs.size());
            }
            desired[i] = target;
            if (i + 1 < layer.size())
                gaps[i] = separation(v, vs[static_cast<std::size_t>(layer[i + 1])]);
        }
        placeInOrder(desired, gaps, placed);
        for (std::size_t i = 0; i < layer.size(); ++i)
            vs[static_cast<std::size_t>(layer[i])].x = placed[i];
    };
    for (int pass = 0; pass < m_opt.coordinatePasses; ++pass) {
        for (std::size_t l = 1; l < layers.size(); ++l)
            pull(l, true);
        for (std::size_t l = layers.size(); l-- > 1;)
            pull(l - 1, false);
    }

    // Co-primaries: mirror a block when its members then sit nearer to what they connect to
    // (east's replicas under east), which the crossing reduction cannot see inside a block.
    for (int b : blocks) {
        Block &blk = m_blocks[static_cast<std::size_t>(b)];
        if (blk.grid || blk.members.size() < 2)
            continue;
        const double left = vs[static_cast<std::size_t>(vertexOfBlock[b])].x - blk.width / 2;
        auto cost = [&](const std::vector<std::size_t> &order) {
            double x = left, total = 0;
            for (std::size_t m : order) {
                const double centre = x + m_nodes[m].width / 2;
                for (const auto &[s, t] : m_pairs) {
                    const std::size_t other = s == m ? t : (t == m ? s : m);
                    if (other == m || m_nodeBlock[other] == b)
                        continue;
                    auto it = vertexOfBlock.find(m_nodeBlock[other]);
                    if (it != vertexOfBlock.end())
                        total += std::abs(centre - vs[static_cast<std::size_t>(it->second)].x);
                }
                x += m_nodes[m].width + m_opt.blockGap;
            }
            return total;
        };
        std::vector<std::size_t> mirrored(blk.members.rbegin(), blk.members.rend());
        if (cost(mirrored) + 1e-6 < cost(blk.members))
            blk.members = std::move(mirrored);
    }

    double minX = std::numeric_limits<double>::max(), maxX = std::numeric_limits<double>::lowest();
    for (const Vertex &v : vs) {
        minX = std::min(minX, v.x - v.width / 2);
        maxX = std::max(maxX, v.x + v.width / 2);
    }
    std::vector<double> bandHeight(layers.size(), 0.0), bandTop(layers.size(), 0.0);
    for (const Vertex &v : vs)
        bandHeight[static_cast<std::size_t>(v.layer)] =
            std::max(bandHeight[static_cast<std::size_t>(v.layer)], v.height);
    for (std::size_t l = 0; l < layers.size(); ++l) {
        if (bandHeight[l] <= 0)
            bandHeight[l] = 20;
        if (l > 0)
            bandTop[l] = bandTop[l - 1] + bandHeight[l - 1] + m_opt.layerGap;
    }
    for (const Vertex &v : vs) {
        if (v.block < 0)
            continue;
        const auto b = static_cast<std::size_t>(v.block);
        m_blockLayer[b] = v.layer;
        m_blockCx[b] = v.x - minX;
        m_blockTop[b] = bandTop[static_cast<std::size_t>(v.layer)];
        m_blockBand[b] = bandHeight[static_cast<std::size_t>(v.layer)];
    }
    for (auto &[drawn, chain] : chains) {
        std::vector<LayoutPoint> via;
        for (int d : chain.dummies) {
            const Vertex &v = vs[static_cast<std::size_t>(d)];
            const double top = bandTop[static_cast<std::size_t>(v.layer)];
            via.push_back({v.x - minX, top});
            via.push_back({v.x - minX, top + bandHeight[static_cast<std::size_t>(v.layer)]});
        }
        if (chain.reversed)
            std::reverse(via.begin(), via.end());
        m_routes[drawn] = {chain.reversed, std::move(via)};
    }
    component.width = maxX - minX;
    component.height = bandTop.back() + bandHeight.back();
    component.layers = layerCount;
}

TopologyLayout Layouter::run()
{
    TopologyLayout result;
    const std::size_t n = m_nodes.size();
    result.nodes.resize(n);
    result.edges.resize(m_edges.size());
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        const LayoutEdge &e = m_edges[i];
        if (e.source < n && e.target < n && e.source != e.target) {
            m_pairs.insert({e.source, e.target});
            result.edges[i].valid = true;
        }
    }
    if (n == 0)
        return result;
    buildBlocks();
    const std::size_t nb = m_blocks.size();
    m_blockLayer.assign(nb, 0);
    m_blockCx.assign(nb, 0.0);
    m_blockTop.assign(nb, 0.0);
    m_blockBand.assign(nb, 0.0);

    // Connected components of the block graph; single blocks without edges are "isolated"
    // unless they are a co-primary block (which has edges inside).
    std::vector<int> componentOf(nb, -1);
    std::vector<ComponentResult> components;
    std::vector<int> isolated;
    for (std::size_t b = 0; b < nb; ++b) {
        if (componentOf[b] >= 0)
            continue;
        if (m_blockOut[b].empty() && m_blockIn[b].empty() && m_blocks[b].members.size() == 1) {
            isolated.push_back(static_cast<int>(b));
            continue;
        }
        ComponentResult c;
        std::vector<int> stack{static_cast<int>(b)};
        componentOf[b] = static_cast<int>(components.size());
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            c.blocks.push_back(v);
            for (const auto *adj :
                 {&m_blockOut[static_cast<std::size_t>(v)], &m_blockIn[static_cast<std::size_t>(v)]})
                for (int w : *adj)
                    if (componentOf[static_cast<std::size_t>(w)] < 0) {
                        componentOf[static_cast<std::size_t>(w)] = componentOf[b];
                        stack.push_back(w);
                    }
        }
        std::sort(c.blocks.begin(), c.blocks.end());
        c.key = m_blocks[static_cast<std::size_t>(c.blocks.front())].key;
        for (int blk : c.blocks)
            c.preferred = c.preferred || m_blocks[static_cast<std::size_t>(blk)].preferred;
        components.push_back(std::move(c));
    }
    std::stable_sort(components.begin(), components.end(),
                     [](const ComponentResult &a, const ComponentResult &b) {
                         if (a.preferred != b.preferred)
                             return a.preferred;
                         return a.key < b.key;
                     });

    m_gridRow.assign(n, -1);
    auto placeBlock = [&](int b, double dx) {
        const auto bi = static_cast<std::size_t>(b);
        const Block &blk = m_blocks[bi];
        const double left = m_blockCx[bi] + dx - blk.width / 2;
        const double top = m_blockTop[bi];
        double x = left;
        for (std::size_t i = 0; i < blk.members.size(); ++i) {
            const std::size_t m = blk.members[i];
            NodePlacement &p = result.nodes[m];
            p.layer = m_blockLayer[bi];
            p.bandBottom = top + m_blockBand[bi];
            if (blk.grid) {
                const int column = static_cast<int>(i) / blk.rows, row = static_cast<int>(i) % blk.rows;
                p.x = left + column * (blk.laneZone + blk.cellWidth + m_opt.nodeGap / 2) + blk.laneZone;
                p.y = top + row * (blk.cellHeight + m_opt.gridRowGap);
                m_gridRow[m] = row;
            } else {
                // Cards are top-aligned in their band, so edges leave them at the same height.
                p.x = x;
                p.y = top;
                x += m_nodes[m].width + m_opt.blockGap;
            }
        }
    };

    double x = 0;
    double connectedHeight = 0;
    std::vector<double> blockShift(nb, 0.0);
    for (ComponentResult &c : components) {
        layoutComponent(c);
        for (int b : c.blocks) {
            placeBlock(b, x);
            blockShift[static_cast<std::size_t>(b)] = x;
        }
        result.crossings += static_cast<int>(c.crossings);
        result.layerCount = std::max(result.layerCount, c.layers);
        connectedHeight = std::max(connectedHeight, c.height);
        x += c.width + m_opt.componentGap;
    }
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        EdgeRoute &route = result.edges[i];
        if (!route.valid)
            continue;
        const int bs = m_nodeBlock[m_edges[i].source], bt = m_nodeBlock[m_edges[i].target];
        if (bs == bt) {
            route.sameLayer = true;
            continue;
        }
        auto it = m_routes.find({bs, bt});
        if (it == m_routes.end())
            continue;
        route.reversed = it->second.first;
        route.via = it->second.second;
        for (LayoutPoint &p : route.via)
            p.x += blockShift[static_cast<std::size_t>(bs)];
        const std::size_t target = m_edges[i].target;
        if (m_gridRow[target] >= 0) {
            // Down the lane beside the grid column, then into the card's left side.
            const NodePlacement &p = result.nodes[target];
            const double lane = p.x - 14 - m_gridRow[target] * m_opt.laneSpacing;
            route.via.push_back({lane, m_blockTop[static_cast<std::size_t>(bt)]});
            route.via.push_back({lane, p.y + m_nodes[target].height / 2});
            route.entersFromLeft = true;
        }
    }
    const double connectedWidth = components.empty() ? 0.0 : x - m_opt.componentGap;

    // Isolated nodes: rows below the graph, primaries first, then by name.
    std::sort(isolated.begin(), isolated.end(), [this](int a, int b) {
        const Block &ba = m_blocks[static_cast<std::size_t>(a)], &bb = m_blocks[static_cast<std::size_t>(b)];
        if (ba.preferred != bb.preferred)
            return ba.preferred;
        return naturalLess(ba.key, bb.key);
    });
    double rowLimit = m_opt.isolatedRowWidth;
    if (rowLimit <= 0) {
        double typical = 0;
        for (int b : isolated)
            typical = std::max(typical, m_blocks[static_cast<std::size_t>(b)].width);
        rowLimit = std::max(connectedWidth, 4 * (typical + m_opt.nodeGap));
    }
    double rowY = components.empty() ? 0.0 : connectedHeight + m_opt.layerGap;
    double rowX = 0, rowHeight = 0, isolatedWidth = 0;
    int row = 0;
    for (int b : isolated) {
        const Block &blk = m_blocks[static_cast<std::size_t>(b)];
        if (rowX > 0 && rowX + blk.width > rowLimit) {
            rowY += rowHeight + m_opt.nodeGap;
            rowX = 0;
            rowHeight = 0;
            ++row;
        }
        NodePlacement &p = result.nodes[blk.members.front()];
        p.x = rowX;
        p.y = rowY;
        p.bandBottom = rowY + blk.height;
        p.layer = result.layerCount + row;
        p.isolated = true;
        rowX += blk.width + m_opt.nodeGap;
        rowHeight = std::max(rowHeight, blk.height);
        isolatedWidth = std::max(isolatedWidth, rowX - m_opt.nodeGap);
    }
    result.width = std::max(connectedWidth, isolatedWidth);
    result.height = isolated.empty() ? connectedHeight : rowY + rowHeight;
    for (const EdgeRoute &r : result.edges)
        result.reversedEdges += r.reversed ? 1 : 0;
    return result;
}

} // namespace

TopologyLayout layoutTopology(const std::vector<LayoutNode> &nodes, const std::vector<LayoutEdge> &edges,
                              const LayoutOptions &options,
                              const std::unordered_map<std::string, double> *previousX)
{
    return Layouter(nodes, edges, options, previousX).run();
}

} // namespace switchyard::ui
