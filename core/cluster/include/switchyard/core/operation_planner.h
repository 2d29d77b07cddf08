// Planning guided operations: from ClusterFacts to an OperationPlan (checks + steps). Pure
// functions, no I/O; the executor runs what they return. See operation.h for the model and
// ../shared/reference/operations.md for where the step lists come from.
//
// MariaDB (GTID) switchover, as verified on the sandbox (environment.md §4):
//   verify expected state -> pre-sync the candidate (outside the blackout) -> read_only on the
//   old primary [-> kill privileged sessions] -> capture its gtid_binlog_pos -> MASTER_GTID_WAIT
//   on the candidate -> check the old primary's position did not move -> promote (STOP SLAVE,
//   RESET SLAVE ALL, read_only=OFF; the point of no return) -> repoint the siblings -> seed
//   gtid_slave_pos on the old primary and make it a replica.
// MySQL 8 (GTID, auto-position) follows the same list with super_read_only,
// WAIT_FOR_EXECUTED_GTID_SET and CHANGE REPLICATION SOURCE.
// PostgreSQL switchover: verify -> slots on the candidate -> CHECKPOINT -> stop the old primary
// (local) or freeze it with default_transaction_read_only -> wait for the candidate to have
// replayed the old primary's last WAL -> pg_promote -> CHECKPOINT -> repoint standbys (ALTER
// SYSTEM primary_conninfo + reload) -> pg_rewind + standby.signal + start the old primary
// (local), or a runbook for the operator.
//
// Thread contract: pure functions; call from any thread.
#pragma once

#include "switchyard/core/operation.h"
#include "switchyard/core/operation_facts.h"

#include <chrono>
#include <string>

namespace switchyard::core {

struct ReplicationCredentials
{
    std::string user;
    std::string password;        // goes into Secrets, never into the plan
    bool available() const { return !user.empty() && !password.empty(); }
};

struct OperationOptions
{
    std::string candidate;                  // empty: the recommended one
    double maxLagSeconds = 10.0;            // lag gate for the candidate
    bool killPrivilegedSessions = false;    // after read_only, KILL sessions that can still write
    bool killLongTransactions = false;      // ... and long transactions (else: a warning to wait)
    bool safe = false;                      // failover: refuse when the candidate may lack data
    bool rejoinOldPrimary = true;           // make the old primary a replica of the new one
    // Nodes whose server the console can stop, start and rewind itself (sandboxes); the
    // others get a runbook for the steps that need their host.
    std::vector<std::string> locallyControlled;
    ReplicationCredentials replication;
    std::chrono::seconds catchUpTimeout{10}; // MASTER_GTID_WAIT / replay wait during the freeze
    std::chrono::seconds promoteTimeout{30};
};

// The plan and the secrets its templates refer to.
struct PlannedOperation
{
    OperationPlan plan;
    Secrets secrets;
};

// Planned switchover of a healthy cluster to options.candidate (or the recommended replica).
PlannedOperation planSwitchover(const ClusterFacts &facts, const OperationOptions &options);
// Failover of a cluster whose primary is down (facts.failure says how sure we are).
PlannedOperation planFailover(const ClusterFacts &facts, const OperationOptions &options);
// Make `node` (an old primary that came back, or a stray replica) a replica of the current
// primary, after checking it holds nothing the primary lacks.
PlannedOperation planRejoin(const ClusterFacts &facts, const std::string &node, const OperationOptions &options);

// The secrets a plan needs, from the credentials (for resuming a journaled plan).
Secrets secretsFor(const OperationPlan &plan, const ReplicationCredentials &replication);

// Candidate ranking alone (the wizard's first page): eligible replicas best first.
std::vector<CandidateRank> rankCandidates(const ClusterFacts &facts, OperationKind kind, const std::string &primary);

// The node that is the (single) writable primary in the facts, or empty.
std::string findPrimary(const ClusterFacts &facts);

// Post-checks after an operation: one writable primary (`expectedPrimary`), every other
// reachable node replicating from it with both threads running, no errant GTIDs.
std::vector<PreflightCheck> postChecks(const ClusterFacts &facts, const std::string &expectedPrimary,
                                       const std::vector<std::string> &expectedReplicas);

} // namespace switchyard::core
