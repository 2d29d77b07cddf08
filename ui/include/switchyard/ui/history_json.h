// JSON for `switchyard-cli monitor --json` and `switchyard-cli events --json`: one object per
// round and per event. Unknown figures are JSON null, never 0.
//
// Thread contract: pure functions; any thread.
#pragma once

#include "switchyard/core/metrics.h"
#include "switchyard/ui/history_types.h"

#include <QJsonObject>

namespace switchyard::ui {

// {"type":"round","generation":7,"at":"2026-11-21T20:01:05.120Z","nodes":[{"node":..,"role":..,
//  "reachable":true,"lagSeconds":0.0,"bytesBehind":null,"transactionsBehind":0,
//  "queriesPerSecond":..,"transactionsPerSecond":..,"rowsReadPerSecond":..,
//  "rowsWrittenPerSecond":..,"connections":..,"threadsRunning":..}]}
QJsonObject roundToJson(const core::RoundSample &round);
// {"type":"event","id":12,"at":"...","severity":"critical","event":"lag_critical","node":..,
//  "channel":..,"message":"<in words>","from":..,"to":..,"value":..,"threshold":..,"problem":..,
//  "detail":..,"sql":..,"outcome":..} (empty fields left out)
QJsonObject eventToJson(const StoredEvent &event);

} // namespace switchyard::ui
