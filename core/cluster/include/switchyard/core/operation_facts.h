// What a guided operation needs to know about each node before it plans: the probe's status
// plus the things only the admin account can see (privileges, sessions of privileged users,
// long transactions, events, replication settings). gatherFacts() does the I/O; the planner
// (operation_planner.h) is a pure function of the result, so it is unit-tested on facts built
// by hand.
//
// Thread contract: gatherFacts() and confirmPrimaryDown() block (bounded by the connections'
// timeouts and the observation period) and must run on a worker thread, never the GUI thread.
// The values are plain data.
#pragma once

#include "switchyard/core/connection.h"
#include "switchyard/core/snapshot.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace switchyard::core {

// A client session on a node (processlist / pg_stat_activity).
struct SessionInfo
{
    std::string id;              // connection id / backend pid
    std::string user;
    std::string host;
    std::string command;         // Query, Sleep / active, idle in transaction
    std::int64_t seconds = 0;    // time in the current state or transaction
    std::string info;            // statement text, shortened
};

struct NodeFacts
{
    NodeStatus status;                          // the probe, with the admin account
    bool connected = false;
    std::optional<Error> error;                 // why it could not be reached or read
    std::string adminUser;                      // the account the facts were read with
    std::vector<std::string> privileges;        // what that account holds (MySQL family: global privileges)
    bool superuser = false;                     // PostgreSQL rolsuper (MySQL family: has SUPER)
    std::vector<SessionInfo> privilegedSessions;// sessions that can write despite read_only
    std::vector<SessionInfo> longTransactions;  // open longer than the threshold
    bool eventScheduler = false;                // MySQL family @@event_scheduler = ON
    std::vector<std::string> enabledEvents;     // `schema`.`event` with STATUS = ENABLED
    bool gtidStrictMode = false;                // MariaDB
    std::string dataDirectory;                  // PostgreSQL SHOW data_directory / @@datadir
    std::string primaryConninfo;                // PostgreSQL primary_conninfo (password removed)
    std::string primarySlotName;                // PostgreSQL primary_slot_name
    std::string clusterName;                    // PostgreSQL cluster_name (application_name of its walreceiver)
    bool replicationLoginOk = false;            // the replication account could log in here
    std::optional<Error> replicationLoginError;
};

// Evidence that a primary is down (failover), gathered over an observation period.
struct FailureEvidence
{
    bool confirmed = false;             // every probe failed and the replicas agree
    int attempts = 0;                   // connection attempts to the primary
    int failures = 0;                   // ... that failed
    std::optional<Error> lastError;     // the last failure
    std::vector<std::string> findings;  // English: one line per observation
    std::vector<std::string> replicasStillConnected;  // replicas whose IO thread / receiver still runs
    std::vector<std::string> replicasAdvancing;       // replicas that received something meanwhile
    std::chrono::milliseconds observed{0};
};

struct ClusterFacts
{
    Engine engine = Engine::MySQL;
    Flavor flavor = Flavor::Unknown;
    std::vector<NodeFacts> nodes;
    std::int64_t takenAtMs = 0;
    std::optional<FailureEvidence> failure;   // failover only
    // The primary as last seen alive (from the monitor's snapshot): its position tells what a
    // failover may lose. nullopt when unknown (a fresh CLI run that never saw it alive).
    std::optional<NodeStatus> lastKnownPrimary;

    const NodeFacts *find(std::string_view name) const;
    const NodeFacts *findEndpoint(std::string_view host, std::uint16_t port) const;
};

// A node to read: its name and how to reach it with the admin account.
struct FactsNode
{
    std::string name;
    ConnectionOptions admin;
};

using ConnectionFactory = std::function<std::unique_ptr<Connection>(const ConnectionOptions &)>;
ConnectionFactory defaultConnectionFactory();   // createConnection()

struct FactsOptions
{
    std::chrono::seconds longTransactionSeconds{5};
    // Optional: the replication account to verify on each node (login only).
    std::optional<ConnectionOptions> replicationLogin;
    // Failover: how long to watch the primary and how often to try it.
    bool observeFailure = false;
    std::string suspectedPrimary;             // node name
    std::chrono::milliseconds observation{3000};
    int attempts = 3;
};

// Reads every node (replicas first, the primary last, so a replica never looks ahead of a
// primary read earlier: no false errant GTIDs). Unreachable nodes are returned with their error.
ClusterFacts gatherFacts(const std::vector<FactsNode> &nodes, const FactsOptions &options,
                         const ConnectionFactory &factory = defaultConnectionFactory());

// Reads one node into `facts` over an open admin connection (exposed for unit tests).
void readNodeFacts(Connection &connection, NodeFacts &facts, const FactsOptions &options);

} // namespace switchyard::core
