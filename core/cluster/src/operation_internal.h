// Shared between the facts reader and the planner (private to switchyard::core).
#pragma once

#include "switchyard/core/connection.h"

#include <string>

namespace switchyard::core {

// The processlist query listing sessions that can still write after read_only (READ_ONLY ADMIN
// on MariaDB 10.11+, also SUPER before; SUPER/CONNECTION_ADMIN on MySQL): id, user, host,
// command, time, statement. Used by the preflight (to list them) and by the kill step.
std::string privilegedSessionsQuery(const ServerInfo &info);

} // namespace switchyard::core
