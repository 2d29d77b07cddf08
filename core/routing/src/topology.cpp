#include "switchyard/routing/topology.h"

#include "switchyard/routing/lexer.h"

namespace switchyard::routing {

std::string_view nodeRoleName(NodeRole role)
{
    return role == NodeRole::Primary ? "primary" : "replica";
}

std::string_view nodeHealthName(NodeHealth health)
{
    switch (health) {
    case NodeHealth::Up: return "up";
    case NodeHealth::Down: return "down";
    case NodeHealth::Maintenance: return "maintenance";
    case NodeHealth::Unknown: return "unknown";
    }
    return "unknown";
}

std::optional<NodeRole> parseNodeRole(std::string_view text)
{
    if (equalsIgnoreCase(text, "primary") || equalsIgnoreCase(text, "master") || equalsIgnoreCase(text, "source"))
        return NodeRole::Primary;
    if (equalsIgnoreCase(text, "replica") || equalsIgnoreCase(text, "slave") || equalsIgnoreCase(text, "standby"))
        return NodeRole::Replica;
    return std::nullopt;
}

std::optional<NodeHealth> parseNodeHealth(std::string_view text)
{
    if (equalsIgnoreCase(text, "up") || equalsIgnoreCase(text, "healthy") || equalsIgnoreCase(text, "ok"))
        return NodeHealth::Up;
    if (equalsIgnoreCase(text, "down"))
        return NodeHealth::Down;
    if (equalsIgnoreCase(text, "maintenance") || equalsIgnoreCase(text, "drained"))
        return NodeHealth::Maintenance;
    if (equalsIgnoreCase(text, "unknown"))
        return NodeHealth::Unknown;
    return std::nullopt;
}

int TopologyView::primaryIndex() const
{
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].role == NodeRole::Primary)
            return static_cast<int>(i);
    return -1;
}

int TopologyView::indexOf(std::string_view name) const
{
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].name == name)
            return static_cast<int>(i);
    return -1;
}

TopologyView TopologyView::simple(int replicas)
{
    TopologyView t;
    NodeView p;
    p.name = "primary";
    p.role = NodeRole::Primary;
    p.lagSeconds = 0.0;
    t.nodes.push_back(p);
    for (int i = 1; i <= replicas; ++i) {
        NodeView r;
        r.name = "replica" + std::to_string(i);
        r.role = NodeRole::Replica;
        r.lagSeconds = 0.0;
        t.nodes.push_back(r);
    }
    return t;
}

} // namespace switchyard::routing
