// Guided topology operations (planned switchover, failover, rejoin) as data: preflight checks
// and a plan of named steps, each naming its node and the exact statements (or local action)
// it will run, with a timeout, and with undo statements that are valid until the promote step.
//
// The flow (issue 7; ../shared/reference/operations.md §2a/§2b):
//   1. gatherFacts() (operation_facts.h) reads everything the checks need from every node, with
//      the operator's admin account: status, privileges, sessions, events, settings. For a
//      failover it first confirms over an observation period that the primary is down.
//   2. planSwitchover() / planFailover() / planRejoin() turn those facts into an OperationPlan:
//      preflight checks (Green/Amber/Red, each with what to do about it), the recommended
//      candidate and why, and the steps. Pure functions: no I/O, unit-tested on scripted facts.
//   3. OperationExecutor (operation_executor.h) runs the steps on a worker thread, journals every
//      statement as it happens, undoes automatically until the promote step, and post-checks.
//
// Statements are templates: ${name} is a value captured by an earlier step (the old primary's
// GTID position after the freeze); ${secret:name} is a secret (the replication password) that
// the executor substitutes as a quoted literal when it sends the statement and that is shown
// and journaled as '<secret>'. Everything else is sent exactly as shown in the dry run.
//
// Thread contract: plain values; safe to copy and move between threads.
#pragma once

#include "switchyard/core/connection.h"
#include "switchyard/core/snapshot.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace switchyard::core {

enum class OperationKind { Switchover, Failover, Rejoin };
std::string_view operationKindName(OperationKind kind);            // "switchover", "failover", "rejoin"
std::optional<OperationKind> parseOperationKind(std::string_view text);

enum class CheckLevel { Green = 0, Amber = 1, Red = 2 };
std::string_view checkLevelName(CheckLevel level);                 // "green", "amber", "red"

// One row of the preflight checklist (or of the post-checks). `id` is stable (the UI words the
// title from it); detail and fix are technical English for the CLI and the log.
struct PreflightCheck
{
    std::string id;          // e.g. "single_primary", "candidate_lag", "privileges"
    CheckLevel level = CheckLevel::Green;
    std::string node;        // the node concerned; empty for the cluster as a whole
    std::string detail;      // what was found
    std::string fix;         // what to do about it (empty when Green)
};

// How a command is judged and what it yields.
enum class CommandKind {
    Execute,           // run; an error fails the step
    Expect,            // run; the first column of the first row must equal `expected`
    Capture,           // run; store the first row's value (of `column`, else the first) as ${variable}
    WaitUntil,         // re-run every `pollInterval` until the first value equals `expected`
    ExpectReplicating, // the node replicates from sourceHost:sourcePort, both threads running
                       // (MySQL family: SHOW SLAVE/REPLICA STATUS; PostgreSQL: pg_stat_wal_receiver)
    ExpectUnreachable, // a fresh connection to the node must fail (failover: still down)
    KillSessions,      // run `sql` (a query listing session ids in its first column), then
                       // KILL CONNECTION each id; every KILL is journaled
    Local,             // a local action on the node's host (LocalNodeControl), e.g. pg_rewind
};
std::string_view commandKindName(CommandKind kind);
std::optional<CommandKind> parseCommandKind(std::string_view text);

enum class LocalAction {
    None,
    StopServer,       // stop the node's server process (fast shutdown); fine when it is not running
    StartServer,      // start it again (as the role its data directory says)
    ReadCheckpointLsn,// PostgreSQL: "Latest checkpoint location" of the stopped data directory -> ${variable}
    Rewind,           // PostgreSQL: pg_rewind the node's data directory from `sourceNode`
    ConfigureStandby, // PostgreSQL: standby.signal + primary_conninfo (argument) + primary_slot_name (slot)
};
std::string_view localActionName(LocalAction action);
std::optional<LocalAction> parseLocalAction(std::string_view text);

struct StepCommand
{
    CommandKind kind = CommandKind::Execute;
    std::string node;              // where it runs
    std::string sql;               // template (see the header comment); for Local: the command
                                   // line the dry run shows (the action itself is LocalNodeControl's)
    std::string expected;          // Expect / WaitUntil
    std::string variable;          // Capture / ReadCheckpointLsn: the name to store into
    std::string column;            // Capture: column to read (for SHOW statements); empty: the first
    std::string sourceHost;        // ExpectReplicating
    std::uint16_t sourcePort = 0;  // ExpectReplicating
    LocalAction local = LocalAction::None;
    std::string sourceNode;        // Rewind: where to rewind from
    std::string argument;          // ConfigureStandby: primary_conninfo template
    std::string slot;              // ConfigureStandby: primary_slot_name
    std::chrono::milliseconds pollInterval{50};
    std::string failureHint;       // English: what a failure of this command means, e.g. "a
                                   // session wrote after read_only"; shown with the error

    // What the dry run shows: the statement (secrets masked) or the local action in words.
    std::string display() const;
};

enum class StepPhase {
    Verify,     // expected-state precondition: nothing changes
    Prepare,    // changes nothing the application sees (catch-up wait, slots)
    Freeze,     // the old primary stops taking writes: the blackout starts
    CatchUp,    // the candidate applies the last transactions
    Promote,    // the candidate takes writes: the point of no return once it completed
    Repoint,    // the other replicas follow the new primary
    Rejoin,     // the old primary becomes a replica of the new one
};
std::string_view stepPhaseName(StepPhase phase);
std::optional<StepPhase> parseStepPhase(std::string_view text);

struct PlanStep
{
    std::string id;                      // unique within the plan: "demote.read_only"
    std::string title;                   // English: "Make n1 read-only"
    std::string node;                    // the node it is about
    StepPhase phase = StepPhase::Prepare;
    std::vector<StepCommand> commands;   // in order; the first failure fails the step
    std::vector<StepCommand> undo;       // reverts this step (also after a partial run); run in order
    std::chrono::milliseconds timeout{10000};  // for the whole step, enforced by cancelling
    bool promote = false;                // the point of no return: no automatic undo once done
    bool optional = false;               // a failure is a warning: the operation goes on
};

// A node the plan talks to (the executor's connection factory gets it).
struct PlanNode
{
    std::string name;
    std::string host;
    std::uint16_t port = 0;
    Engine engine = Engine::MySQL;
    Flavor flavor = Flavor::Unknown;
    std::string role;                    // "primary" / "replica" when planned (informative)
    bool expectedReplica = false;        // post-check: must replicate from the new primary
};

// Why a replica is (or is not) the recommended candidate.
struct CandidateRank
{
    std::string node;
    bool eligible = false;
    std::string position;                // received/applied position in the engine's notation
    std::vector<std::string> reasons;    // English, best first: "most advanced (received 0-1-42)"
};

struct OperationPlan
{
    std::string id;                      // unique; journal key
    OperationKind kind = OperationKind::Switchover;
    Engine engine = Engine::MySQL;
    Flavor flavor = Flavor::Unknown;
    std::string oldPrimary;              // node name
    std::string candidate;               // node name (the new primary)
    std::string candidateReason;         // English: why this candidate
    std::vector<CandidateRank> ranking;  // every replica, best first
    std::vector<PreflightCheck> checks;
    std::vector<PlanNode> nodes;
    std::vector<PlanStep> steps;
    std::vector<std::string> notes;      // English: what may be lost, runbooks, warnings
    std::vector<std::string> secretNames;// secrets the executor needs (e.g. "replication_password")
    bool safeMode = false;               // failover: refuses when data may be lost
    std::int64_t createdAtMs = 0;

    bool blocked() const;                // any Red check
    CheckLevel worstLevel() const;
    const PlanNode *findNode(std::string_view name) const;
    std::optional<std::size_t> promoteIndex() const;   // the step with promote = true
    std::optional<std::size_t> findStep(std::string_view stepId) const;
};

// Secrets by name: values the executor substitutes for ${secret:name}; never journaled.
using Secrets = std::map<std::string, std::string>;

// Renders a template for display and the journal: ${secret:x} -> '<secret>', ${var} -> its
// value when `variables` has it, else left as ${var}.
std::string renderForDisplay(std::string_view text, const std::map<std::string, std::string> &variables = {});

// The whole plan as text: checks, then steps with node, timeout and statements (the CLI's and
// the wizard's dry run).
std::string planToText(const OperationPlan &plan);

// A new unique operation id ("op-<ms since epoch>-<random hex>").
std::string newOperationId();

} // namespace switchyard::core
