// Everything a guided operation needs to reach a cluster: every node with the admin account,
// the replication account, local control of sandbox servers, the journal's path, and what the
// monitor last saw of the primary. Built from a profile and the monitor's latest snapshot by
// the console, from a discovery by the CLI, and from a simulated cluster by the tests.
//
// Thread contract: a plain value (the shared LocalNodeControl is used by one executor at a
// time, on its worker thread).
#pragma once

#include "switchyard/core/operation_executor.h"
#include "switchyard/core/operation_facts.h"
#include "switchyard/core/operation_planner.h"
#include "switchyard/core/snapshot.h"
#include "switchyard/ui/profile.h"

#include <QString>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace switchyard::ui {

struct OperationEnvironment
{
    QString profileName;
    core::Engine engine = core::Engine::MySQL;
    std::vector<core::FactsNode> nodes;            // name + admin options (password filled in)
    core::ReplicationCredentials replication;
    core::ConnectionFactory factory = core::defaultConnectionFactory();   // tests: a simulation
    std::shared_ptr<core::LocalNodeControl> localControl;   // sandboxes; null otherwise
    std::optional<core::NodeStatus> lastKnownPrimary;       // failover: what may be lost
    QString journalPath;                                   // empty: no journal (tests)
    double maxLagSeconds = 10.0;
    std::chrono::milliseconds observation{3000};           // failover: watching the primary

    // The executor's connections: plan node -> admin options -> factory. Long read timeout
    // (steps enforce their own).
    core::NodeConnector connector() const;
    // Node names the local control can stop, start and rewind.
    std::vector<std::string> locallyControlled() const;
    // Facts options (replication login check included when the account is known).
    core::FactsOptions factsOptions() const;
    // The planner's options with this environment's parts filled in.
    core::OperationOptions operationOptions() const;
};

// From a profile, the nodes a snapshot knows (profile seeds and discovered ones), the admin
// password and the replication account. For sandbox profiles the local control is set up.
OperationEnvironment environmentFor(const Profile &profile, const core::ClusterSnapshot &snapshot,
                                    const QString &adminPassword, const core::ReplicationCredentials &replication);

// A sandbox profile's replication account (from the sandbox's credentials file).
std::optional<core::ReplicationCredentials> sandboxReplication(const Profile &profile, QString *problem = nullptr);

// The replication account a cluster uses, as its replicas say (Master_User of the first
// replica that reports one; PostgreSQL: the user in primary_conninfo is not visible to the
// monitor, so empty).
QString replicationUserOf(const core::ClusterSnapshot &snapshot);

} // namespace switchyard::ui
