// A snapshot as JSON: what `switchyard-cli topology --json` prints and what reports embed.
// Unknown values are JSON null, never 0. Keys are stable (snake_case, untranslated).
//
// Thread contract: pure functions.
#pragma once

#include "switchyard/core/snapshot.h"

#include <QJsonObject>
#include <QString>

namespace switchyard::ui {

QJsonObject snapshotToJson(const core::ClusterSnapshot &snapshot);
QJsonObject nodeToJson(const core::NodeStatus &node);
// A plain-text rendering for terminals: nodes, edges, problems.
QString snapshotToText(const core::ClusterSnapshot &snapshot);

} // namespace switchyard::ui
