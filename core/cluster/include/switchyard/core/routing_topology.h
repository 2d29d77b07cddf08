// From what the monitor saw to what the router needs: maps a ClusterSnapshot onto a
// routing::TopologyView, so the console's routing preview runs the embedded Router against the
// live cluster exactly as an application fed by the same facts would.
//
//   role        Primary -> primary; Replica -> replica; a node whose role is unknown is a
//               replica with health Unknown (the router never sends it anything).
//   health      Up when it answered this round and, for a replica, both replication threads
//               (receiver and replay) run as far as we know; Down when unreachable, not
//               answering, or replication stopped; Unknown before the first answer.
//   lag         NodeStatus::lagSeconds; unknown stays unknown (never 0).
//   position    MySQL @@gtid_executed; MariaDB @@gtid_current_pos (else @@gtid_slave_pos,
//               else @@gtid_binlog_pos); PostgreSQL: the primary's current WAL LSN, a standby's
//               replayed LSN. Text that does not parse leaves the position empty.
//   weight      from the options (default 1); connections: Threads_connected / numbackends;
//               response time: the probe's round trip.
//
// Thread contract: pure functions on values; safe from any thread.
#pragma once

#include "switchyard/core/snapshot.h"
#include "switchyard/routing/dialect.h"
#include "switchyard/routing/gtid.h"
#include "switchyard/routing/topology.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace switchyard::core {

struct RoutingTopologyOptions
{
    std::map<std::string, std::uint32_t> weights; // by node name; absent: 1
};

// Why the mapping gave a node the health it has, in words the UI can translate by code.
enum class RoutingHealthCause
{
    Answering,          // up
    NotPolledYet,       // unknown
    Unreachable,        // down: the last attempt failed
    NoAnswer,           // down: still busy with an earlier request
    ReplicationStopped, // down: receiver or replay stopped
    RoleUnknown,        // unknown: neither primary nor replica
};

// The dialect the router should use for this cluster: from the primary's flavor (else any
// node's), else `fallback`.
routing::Dialect routingDialect(const ClusterSnapshot &snapshot, routing::Dialect fallback);
// The primary's server version (else any reachable node's), for executable comments.
std::optional<routing::ServerVersion> routingServerVersion(const ClusterSnapshot &snapshot);

RoutingHealthCause routingHealthCause(const NodeStatus &node);
routing::NodeHealth routingHealth(const NodeStatus &node);

// The node's applied (replica) or current (primary) replication position as text in the
// dialect's syntax; empty when the snapshot does not know it.
std::string routingPositionText(const NodeStatus &node, routing::Dialect dialect);

// The whole snapshot as the router sees it. Nodes keep the snapshot's order and names;
// generation is the snapshot's.
routing::TopologyView routingTopology(const ClusterSnapshot &snapshot, routing::Dialect dialect,
                                      const RoutingTopologyOptions &options = {});

// The index of the primary in the snapshot (the first node with role Primary), or -1.
int snapshotPrimaryIndex(const ClusterSnapshot &snapshot);

} // namespace switchyard::core
