// A layered (Sugiyama-style) layout for replication topologies: primaries on top, replicas
// below their sources, cascades one layer further down.
//
// It copes with the shapes that break simpler tree layouts:
//   - multi-source replication: a node with several sources sits under all of them;
//   - co-primary pairs (A replicates from B and B from A) become one block whose members sit
//     side by side in the same layer, so neither looks like the other's replica;
//   - longer replication rings are broken by reversing a small set of edges (Eades-Lin-Smyth
//     greedy feedback arc set, preferring writable primaries as the top), and the reversed edges
//     are reported so the view can draw them going up;
//   - many leaf replicas of one source (no replicas of their own) are stacked in a compact grid
//     of columns under it instead of one endless row; each of their edges runs down a lane
//     beside its column and enters the card from the left;
//   - nodes with no known edges (not discovered yet, unreachable) go to a row below the graph;
//   - unconnected groups are laid out separately and placed side by side.
//
// Steps: blocks for mutual pairs; cycle breaking; longest-path layering (sources that are not
// preferred are pulled down next to what they feed); dummy vertices on edges that span several
// layers; barycentre sweeps to reduce crossings (the best ordering seen is kept); coordinates
// by weighted isotonic regression (each layer pulled toward its neighbours' centres while keeping
// order and spacing), alternating down and up so parents end up centred over their children.
//
// Deterministic: the result depends only on the node keys, sizes, flags and edges, never on
// the order the nodes come in or on hash order. With `previousX` (each key's previous centre),
// the initial ordering follows the previous picture, so a small change moves little.
//
// Thread contract: a pure function on plain values; call it from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace switchyard::ui {

struct LayoutNode
{
    std::string key; // unique, stable identity (the node name)
    double width = 200;
    double height = 80;
    bool preferredSource = false; // a primary or writable node: kept on top when breaking cycles
};

// source -> target (replication direction), indices into the node list.
struct LayoutEdge
{
    std::size_t source = 0;
    std::size_t target = 0;
};

struct LayoutOptions
{
    double layerGap = 80;        // vertical space between the cards of consecutive layers
    double nodeGap = 36;         // horizontal space between cards in a layer
    double blockGap = 120;       // space between the side-by-side members of a co-primary block
    double componentGap = 96;    // space between unconnected groups
    double dummyWidth = 14;      // room reserved for an edge passing through a layer
    int sweeps = 12;             // barycentre iterations (down + up) at most
    int coordinatePasses = 8;    // coordinate refinement iterations (down + up)
    double isolatedRowWidth = 0; // wrap the row of isolated nodes at this width; 0 = automatic
    int leafGridThreshold = 8;   // stack a source's leaf replicas in a grid from this many; 0 = never
    double gridRowGap = 18;      // vertical space between cards in a leaf grid
    double laneSpacing = 6;      // between the edge lanes beside a grid column
};

struct LayoutPoint
{
    double x = 0;
    double y = 0;
    bool operator==(const LayoutPoint &) const = default;
};

struct NodePlacement
{
    double x = 0; // top-left corner
    double y = 0;
    int layer = -1; // 0 = top; isolated nodes get the layer after the last one
    bool isolated = false;
    double bandBottom = 0; // bottom of the node's layer band (cards are top-aligned in it)
    double centerX(double width) const { return x + width / 2; }
    bool operator==(const NodePlacement &) const = default;
};

struct EdgeRoute
{
    bool valid = false;           // false for self-loops and out-of-range indices (not drawn)
    bool reversed = false;        // drawn upward: this edge was turned round to break a cycle
    bool sameLayer = false;       // between side-by-side members of a co-primary block
    bool entersFromLeft = false;  // into a leaf grid: the last via point is level with the
                                  // target's middle, the edge enters its left side
    std::vector<LayoutPoint> via; // bend points between source and target, in source->target order
    bool operator==(const EdgeRoute &) const = default;
};

struct TopologyLayout
{
    std::vector<NodePlacement> nodes; // same indices as the input nodes
    std::vector<EdgeRoute> edges;     // same indices as the input edges
    double width = 0;
    double height = 0;
    int layerCount = 0;    // layers of the connected part (isolated row not counted)
    int crossings = 0;     // edge crossings between layers after ordering
    int reversedEdges = 0; // edges turned round to break cycles
};

TopologyLayout layoutTopology(const std::vector<LayoutNode> &nodes, const std::vector<LayoutEdge> &edges,
                              const LayoutOptions &options = {},
                              const std::unordered_map<std::string, double> *previousX = nullptr);

} // namespace switchyard::ui
