// JSON <-> switchyard::routing types, shared by `switchyard-cli route` and the console's routing
// preview so both read and write the same topology files and feed the Router the same way:
// the topology file (format in docs/routing.md) and the CLI's output lines.
//
// Thread contract: free functions on values; no shared state.
#pragma once

#include "switchyard/result.h"
#include "switchyard/routing/router.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>
#include <vector>

namespace switchyard::ui {

struct RouteTopologyFile
{
    routing::TopologyView topology;
    routing::LagPolicy lag;
    bool primaryAcceptsReads = false;
    // Older lag samples per node (same order as topology.nodes), oldest first; fed to the
    // router's hysteresis before the current lag_seconds.
    std::vector<std::vector<std::optional<double>>> lagHistory;
};

// Parses a topology document; positions are read in the dialect's syntax.
Result<RouteTopologyFile> topologyFromJson(const QJsonDocument &doc, routing::Dialect dialect);
// The inverse: a document topologyFromJson() reads back to the same file (positions in the
// dialect's syntax, unknown lag as null, lag_policy only when enabled).
QJsonDocument topologyToJson(const RouteTopologyFile &file);

// Feeds `file` to `router`: every older lag sample first (generations 1..n), then the
// topology itself as generation n+1, so the hysteresis starts where the file says it is.
// The router's config must already carry file.lag and file.primaryAcceptsReads.
void feedTopology(routing::Router &router, const RouteTopologyFile &file);

// One output line: {"session":..,"target":..,"node":..,"kind":..,"reasons":[..]} in that order.
QByteArray decisionLine(const QJsonValue &session, const routing::RouteDecision &decision);

// A JSON value serialised compactly on its own (a string, number, object, ...).
QByteArray compactJson(const QJsonValue &value);

} // namespace switchyard::ui
