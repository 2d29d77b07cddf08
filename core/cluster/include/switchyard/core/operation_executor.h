// Runs an OperationPlan: a state machine over its steps with a timeout per step, progress
// callbacks, cooperative cancel, automatic undo until the promote step, post-checks, and a
// journal sink that receives every statement (as sent, secrets masked), its result and timing
// as it happens - so that after a crash the next start can resume or roll back.
//
// States of a step: Pending -> Running -> Done | Failed; undo turns Done/Failed into Undone (or
// UndoFailed). The operation:
//   - a step before the promote step fails, times out or is cancelled -> undo every step that
//     ran, newest first (including the failed one, which may have half-run) -> RolledBack;
//   - the promote step failed -> undo it too (the candidate back to a replica) -> RolledBack;
//   - a step after promote fails -> FailedAfterPromote: the new primary stays, resume retries;
//   - all steps done -> post-checks -> Succeeded, or SucceededWithWarnings (optional steps that
//     failed, or post-checks that are not all green).
//
// Thread contract: construct anywhere; run()/resume()/rollback() block and belong on one worker
// thread; cancel() may be called from any thread at any time (an atomic flag, plus the
// Canceller of the statement running at that moment). Progress and journal callbacks are
// invoked on the worker thread, in order; they must not block for long (the blackout runs
// through them).
#pragma once

#include "switchyard/core/connection.h"
#include "switchyard/core/operation.h"
#include "switchyard/core/operation_facts.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace switchyard::core {

enum class StepState { Pending, Running, Done, Failed, Skipped, Undone, UndoFailed };
std::string_view stepStateName(StepState state);
std::optional<StepState> parseStepState(std::string_view text);

enum class OperationState {
    Planned,
    Running,
    Succeeded,
    SucceededWithWarnings,
    RolledBack,           // failed or cancelled before promote, and undone
    RollbackFailed,       // ... but an undo statement failed: the operator must look
    FailedAfterPromote,   // the new primary took over; a later step failed (resume retries)
    Interrupted,          // the process died mid-way (journal only), or abandoned in a test
    Refused,              // blocked by a red check, or the journal could not be written
};
std::string_view operationStateName(OperationState state);
std::optional<OperationState> parseOperationState(std::string_view text);
bool isFinal(OperationState state);   // nothing left to resume or roll back

// One statement or local action as it ran (or ran as undo).
struct CommandRecord
{
    std::size_t step = 0;
    int sequence = 0;              // within the step, counting undo too
    bool undo = false;
    std::string node;
    std::string text;              // as sent, with variables filled in and secrets masked
    bool ok = false;
    std::string result;            // first value / affected rows / "ok"; the error when !ok
    std::optional<Error> error;
    std::int64_t startedAtMs = 0;  // wall clock
    std::int64_t elapsedUs = 0;
};

struct OperationResult
{
    OperationState state = OperationState::Planned;
    std::vector<StepState> steps;
    std::optional<std::size_t> failedStep;
    std::optional<Error> error;            // what failed (with the node)
    std::string failureHint;               // English: the failed command's hint
    bool cancelled = false;
    std::vector<PreflightCheck> postChecks;
    std::vector<std::string> warnings;     // English
    std::map<std::string, std::string> variables;
    std::int64_t startedAtMs = 0, finishedAtMs = 0;
    // From the start of the first Freeze step to the end of the promote step: the window in
    // which no node takes writes.
    std::optional<std::chrono::microseconds> freezeWindow;

    bool ok() const { return state == OperationState::Succeeded || state == OperationState::SucceededWithWarnings; }
};

// Receives everything as it happens. A failing call before the promote step stops the
// operation (and undoes it): an operation that cannot be journaled must not go on.
class JournalSink
{
public:
    virtual ~JournalSink() = default;
    virtual Status operationStarted(const OperationPlan &plan) = 0;
    virtual Status stepChanged(const std::string &operationId, std::size_t step, StepState state,
                               const std::string &message) = 0;
    virtual Status commandRecorded(const std::string &operationId, const CommandRecord &record) = 0;
    virtual Status variableCaptured(const std::string &operationId, const std::string &name, const std::string &value) = 0;
    virtual Status operationFinished(const std::string &operationId, const OperationResult &result) = 0;
};

struct ProgressEvent
{
    enum class Type { StepStarted, StepFinished, Command, UndoStarted, PostChecks, Finished };
    Type type = Type::StepStarted;
    std::size_t step = 0;
    StepState stepState = StepState::Pending;
    std::optional<CommandRecord> command;
    std::string message;                   // English
};
using ProgressCallback = std::function<void(const ProgressEvent &)>;

// Local actions on a node's host: the console controls the server (sandboxes). See
// sandbox_control.h for the sandbox implementation.
class LocalNodeControl
{
public:
    virtual ~LocalNodeControl() = default;
    virtual bool controls(const PlanNode &node) const = 0;
    virtual Status stopServer(const PlanNode &node, std::chrono::milliseconds timeout) = 0;
    virtual Status startServer(const PlanNode &node, std::chrono::milliseconds timeout) = 0;
    virtual Result<std::string> checkpointLsn(const PlanNode &node) = 0;
    // pg_rewind `node`'s data directory from `source` (keeping `node`'s own configuration files).
    virtual Status rewind(const PlanNode &node, const PlanNode &source, std::chrono::milliseconds timeout) = 0;
    virtual Status configureStandby(const PlanNode &node, const std::string &primaryConninfo, const std::string &slot) = 0;
};

// Where the executor left off: step states and captured variables (from the journal).
struct ResumeState
{
    std::vector<StepState> steps;
    std::map<std::string, std::string> variables;
};

struct ExecutorOptions
{
    bool runPostChecks = true;
    std::chrono::milliseconds postCheckTimeout{20000};  // waiting for replicas to connect
    std::chrono::milliseconds postCheckInterval{250};
    // Tests: return right after step k has been journaled as Done, as if the process had been
    // killed there (no undo, no final journal entry).
    std::optional<std::size_t> abandonAfterStep;
};

// What the journal says against what the cluster looks like now: for the "resume or roll
// back?" question after a crash.
struct ResumeAssessment
{
    bool promoteDone = false;          // the journal has the promote step completed
    bool promoteInDoubt = false;       // it was running when the process died
    std::optional<std::size_t> nextStep;
    bool canResume = false;
    bool canRollback = false;
    bool consistent = true;            // the cluster looks as the journal says it should
    std::vector<std::string> findings; // English, one line each
    enum class Advice { Resume, Rollback, Inspect } advice = Advice::Inspect;
};

// `now` is read fresh from the cluster (gatherFacts).
ResumeAssessment assessJournal(const OperationPlan &plan, const ResumeState &state, const ClusterFacts &now);

// Makes an (unconnected) admin connection to a node of the plan.
using NodeConnector = std::function<std::unique_ptr<Connection>(const PlanNode &node)>;

class OperationExecutor
{
public:
    OperationExecutor(OperationPlan plan, Secrets secrets, NodeConnector connector, ExecutorOptions options = {});
    ~OperationExecutor();
    OperationExecutor(const OperationExecutor &) = delete;
    OperationExecutor &operator=(const OperationExecutor &) = delete;

    void setJournal(JournalSink *journal) { m_journal = journal; }
    void setLocalControl(LocalNodeControl *control) { m_local = control; }
    void setProgress(ProgressCallback progress) { m_progress = std::move(progress); }

    const OperationPlan &plan() const { return m_plan; }

    // Runs the plan from the first step. Refused (nothing runs) when the plan has a red check.
    OperationResult run();
    // Continues a journaled operation: steps journaled Done are skipped; the one that was
    // Running when the process died runs again (every step is safe to repeat).
    OperationResult resume(const ResumeState &state);
    // Undoes a journaled operation that had not completed its promote step.
    OperationResult rollback(const ResumeState &state);

    // Any thread: stop at the next statement (or interrupt the running one) and undo. After
    // the promote step has completed, the remaining steps still run (stopping half-way through
    // repointing would leave replicas on a primary that no longer takes writes).
    void cancel();
    bool cancelRequested() const { return m_cancel.load(); }

private:
    struct Impl;
    OperationPlan m_plan;
    Secrets m_secrets;
    NodeConnector m_connector;
    ExecutorOptions m_options;
    JournalSink *m_journal = nullptr;
    LocalNodeControl *m_local = nullptr;
    ProgressCallback m_progress;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_pastPromote{false};          // the promote step completed
    std::mutex m_cancellerMutex;
    std::shared_ptr<Canceller> m_currentCanceller;   // guarded by m_cancellerMutex
    std::unique_ptr<Impl> m_impl;

    friend struct Impl;
};

} // namespace switchyard::core
