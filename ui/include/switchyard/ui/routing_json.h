// JSON <-> switchyard::routing types for `switchyard-cli route`: the topology file and the
// output lines. The topology format is documented in docs/routing.md.
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

namespace switchyard::cli {

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

// One output line: {"session":..,"target":..,"node":..,"kind":..,"reasons":[..]} in that order.
QByteArray decisionLine(const QJsonValue &session, const routing::RouteDecision &decision);

// A JSON value serialised compactly on its own (a string, number, object, ...).
QByteArray compactJson(const QJsonValue &value);

} // namespace switchyard::cli
