// Events in words, for the event log, notifications and `switchyard-cli events`: core hands
// over the facts (type, node, values, the server's error text), this says them in a sentence.
//
// Thread contract: pure functions (translation lookups only); any thread.
#pragma once

#include "switchyard/core/events.h"
#include "switchyard/ui/history_types.h"

#include <QString>

namespace switchyard::ui {

QString eventTypeTitle(core::EventType type);     // "Lag critical", "Node down", ...
QString severityTitle(core::Severity severity);   // "info", "warning", "critical"
// One sentence: "Lag on db-2 reached 42 s (critical threshold 30 s)".
QString eventMessage(const core::Event &event);
QString eventMessage(const StoredEvent &event);   // adds SQL and outcome for actions
QString formatLagSeconds(double seconds);          // "850 ms", "12.5 s", "3 min 20 s", "2 h 5 min"

} // namespace switchyard::ui
