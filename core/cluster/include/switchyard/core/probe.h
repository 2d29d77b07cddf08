// Probing one node: what discovery knows about it, in at most four statements per round
// (the polling budget of issue 4; tests count them).
//
// MySQL/MariaDB: (1) server variables in one SELECT (read_only alone-safe: no table is read in
// that statement, since MariaDB misreports @@read_only in queries that read InnoDB tables),
// (2) SHOW ALL SLAVES STATUS (MariaDB, multi-source) / SHOW REPLICA STATUS / SHOW SLAVE STATUS,
// (3) SHOW SLAVE HOSTS / SHOW REPLICAS, (4) binlog dump threads from the processlist.
// PostgreSQL: (1) role, version, LSNs, timeline, settings, WAL receiver in one SELECT,
// (2) pg_stat_replication, (3) pg_replication_slots with retained WAL.
//
// Thread contract: runs on the worker that owns the connection; pure function of the answers.
#pragma once

#include "switchyard/core/connection.h"
#include "switchyard/core/snapshot.h"

namespace switchyard::core {

// Fills `status` (keeps name/host/port). Returns the error that made the probe fail; facts
// gathered before it stay. `status.queriesLastRound` counts the statements sent.
Status probeNode(Connection &connection, NodeStatus &status);

// Column mapping for SHOW REPLICA/SLAVE STATUS: MySQL 8.0.22+ says Replica_IO_Running,
// Source_Host, Seconds_Behind_Source; MariaDB and older MySQL say Slave_IO_Running,
// Master_Host, Seconds_Behind_Master. Exposed for unit tests.
std::vector<ReplicationChannel> parseReplicaStatus(const QueryResult &result);

} // namespace switchyard::core
