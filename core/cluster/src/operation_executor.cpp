// The operation state machine (see operation_executor.h).
#include "switchyard/core/operation_executor.h"

#include "switchyard/core/operation_planner.h"
#include "switchyard/core/probe.h"
#include "switchyard/core/topology.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <condition_variable>
#include <thread>

namespace switchyard::core {

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr std::array<std::pair<StepState, std::string_view>, 7> kStepStates{{
    {StepState::Pending, "pending"},
    {StepState::Running, "running"},
    {StepState::Done, "done"},
    {StepState::Failed, "failed"},
    {StepState::Skipped, "skipped"},
    {StepState::Undone, "undone"},
    {StepState::UndoFailed, "undo_failed"},
}};

constexpr std::array<std::pair<OperationState, std::string_view>, 9> kOperationStates{{
    {OperationState::Planned, "planned"},
    {OperationState::Running, "running"},
    {OperationState::Succeeded, "succeeded"},
    {OperationState::SucceededWithWarnings, "succeeded_with_warnings"},
    {OperationState::RolledBack, "rolled_back"},
    {OperationState::RollbackFailed, "rollback_failed"},
    {OperationState::FailedAfterPromote, "failed_after_promote"},
    {OperationState::Interrupted, "interrupted"},
    {OperationState::Refused, "refused"},
}};

std::int64_t wallMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string squeeze(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (!std::isspace(static_cast<unsigned char>(c)))
            out += c;
    }
    return out;
}

std::string conninfoQuote(std::string_view value)
{
    std::string out = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "'";
}

std::string doubleQuotes(std::string_view text)
{
    std::string out;
    for (char c : text) {
        out += c;
        if (c == '\'')
            out += '\'';
    }
    return out;
}

bool connectionLevel(const Error &e)
{
    return e.code == ErrorCode::ConnectionLost || e.code == ErrorCode::NotConnected;
}

std::string firstValue(const QueryResult &r, const std::string &column = {})
{
    if (r.rows.empty())
        return {};
    if (!column.empty())
        return r.value(0, column).value_or(std::string());
    return r.rows[0].empty() ? std::string() : r.rows[0][0].value_or(std::string("NULL"));
}

} // namespace

std::string_view stepStateName(StepState state)
{
    for (const auto &[s, n] : kStepStates) {
        if (s == state)
            return n;
    }
    return "unknown";
}

std::optional<StepState> parseStepState(std::string_view text)
{
    for (const auto &[s, n] : kStepStates) {
        if (n == text)
            return s;
    }
    return std::nullopt;
}

std::string_view operationStateName(OperationState state)
{
    for (const auto &[s, n] : kOperationStates) {
        if (s == state)
            return n;
    }
    return "unknown";
}

std::optional<OperationState> parseOperationState(std::string_view text)
{
    for (const auto &[s, n] : kOperationStates) {
        if (n == text)
            return s;
    }
    return std::nullopt;
}

bool isFinal(OperationState state)
{
    switch (state) {
    case OperationState::Succeeded:
    case OperationState::SucceededWithWarnings:
    case OperationState::RolledBack:
    case OperationState::RollbackFailed:
    case OperationState::Refused:
        return true;
    case OperationState::Planned:
    case OperationState::Running:
    case OperationState::FailedAfterPromote:
    case OperationState::Interrupted:
        return false;
    }
    return false;
}

struct OperationExecutor::Impl
{
    explicit Impl(OperationExecutor &executor) : ex(executor)
    {
        watchdog = std::thread([this] { watch(); });
    }
    ~Impl()
    {
        {
            std::lock_guard lock(wdMutex);
            wdStop = true;
        }
        wdCv.notify_all();
        watchdog.join();
    }

    OperationExecutor &ex;
    std::map<std::string, std::unique_ptr<Connection>> connections;
    std::map<std::string, std::string> variables;
    std::vector<StepState> states;
    OperationResult result;
    std::optional<Clock::time_point> freezeStarted;
    std::vector<std::size_t> failedOptional;   // optional steps that failed

    // Watchdog: cancels the running statement when the step's deadline passes.
    std::thread watchdog;
    std::mutex wdMutex;
    std::condition_variable wdCv;
    std::optional<Clock::time_point> deadline;   // guarded by wdMutex
    bool wdStop = false;                          // guarded by wdMutex
    std::atomic<bool> timedOut{false};

    void watch()
    {
        std::unique_lock lock(wdMutex);
        while (!wdStop) {
            if (!deadline) {
                wdCv.wait(lock);
                continue;
            }
            const auto until = *deadline;
            if (wdCv.wait_until(lock, until) == std::cv_status::timeout && deadline && *deadline <= Clock::now()) {
                timedOut = true;
                deadline.reset();
                lock.unlock();
                cancelCurrent();
                lock.lock();
            }
        }
    }

    void arm(std::chrono::milliseconds timeout)
    {
        timedOut = false;
        {
            std::lock_guard lock(wdMutex);
            deadline = Clock::now() + timeout;
        }
        wdCv.notify_all();
    }

    void disarm()
    {
        {
            std::lock_guard lock(wdMutex);
            deadline.reset();
        }
        wdCv.notify_all();
    }

    void cancelCurrent()
    {
        std::shared_ptr<Canceller> c;
        {
            std::lock_guard lock(ex.m_cancellerMutex);
            c = ex.m_currentCanceller;
        }
        if (c)
            (void)c->cancel();
    }

    void setCanceller(std::shared_ptr<Canceller> c)
    {
        std::lock_guard lock(ex.m_cancellerMutex);
        ex.m_currentCanceller = std::move(c);
    }

    // The step must stop: cancelled (before promote) or out of time.
    std::optional<Error> interrupted(bool honourCancel, const std::string &node)
    {
        if (timedOut)
            return makeError(ErrorCode::Timeout, "the step's timeout passed", node);
        if (honourCancel && ex.m_cancel.load())
            return makeError(ErrorCode::Cancelled, "cancelled by the operator", node);
        return std::nullopt;
    }

    void progress(ProgressEvent event)
    {
        if (ex.m_progress)
            ex.m_progress(event);
    }

    Status journal(const std::function<Status(JournalSink &)> &call)
    {
        if (!ex.m_journal)
            return okStatus();
        return call(*ex.m_journal);
    }

    Result<Connection *> connection(const std::string &node, bool fresh = false)
    {
        auto &slot = connections[node];
        if (slot && slot->isOpen() && !fresh)
            return slot.get();
        const PlanNode *n = ex.m_plan.findNode(node);
        if (!n)
            return makeError(ErrorCode::NotFound, "the plan has no node " + node, node);
        if (!slot || fresh)
            slot = ex.m_connector(*n);
        if (!slot)
            return makeError(ErrorCode::Internal, "no connection for " + node, node);
        if (auto st = slot->connect(); !st)
            return st.error();
        return slot.get();
    }

    void dropConnection(const std::string &node)
    {
        if (auto it = connections.find(node); it != connections.end() && it->second)
            it->second->close();
    }

    // Fills ${variables} and ${secret:...}. `forSending` false masks the secrets.
    Result<std::string> substitute(std::string_view text, const Connection *c, bool forSending, const std::string &node)
    {
        std::string out;
        std::size_t pos = 0;
        while (pos < text.size()) {
            const std::size_t open = text.find("${", pos);
            if (open == std::string_view::npos) {
                out.append(text.substr(pos));
                break;
            }
            const std::size_t close = text.find('}', open);
            if (close == std::string_view::npos)
                return makeError(ErrorCode::Internal, "unterminated ${ in a plan statement", node);
            out.append(text.substr(pos, open - pos));
            const std::string name(text.substr(open + 2, close - open - 2));
            const auto colon = name.find(':');
            if (colon != std::string::npos && name.rfind("secret", 0) == 0) {
                const std::string mode = name.substr(0, colon), key = name.substr(colon + 1);
                if (!forSending) {
                    out.append(mode == "secret_conninfo_sql" ? "''<secret>''" : "'<secret>'");
                } else {
                    auto it = ex.m_secrets.find(key);
                    if (it == ex.m_secrets.end())
                        return makeError(ErrorCode::InvalidArgument, "the secret " + key + " was not given", node);
                    if (mode == "secret")
                        out.append(c ? c->quoteLiteral(it->second) : "'" + doubleQuotes(it->second) + "'");
                    else if (mode == "secret_conninfo")
                        out.append(conninfoQuote(it->second));
                    else if (mode == "secret_conninfo_sql")
                        out.append(doubleQuotes(conninfoQuote(it->second)));
                    else
                        return makeError(ErrorCode::Internal, "unknown secret mode " + mode, node);
                }
            } else {
                auto it = variables.find(name);
                if (it == variables.end())
                    return makeError(ErrorCode::Internal, "the value ${" + name + "} was not captured by an earlier step", node);
                out.append(it->second);
            }
            pos = close + 1;
        }
        return out;
    }

    // A server error may quote the statement it choked on: never let a secret through.
    std::string scrub(std::string text) const
    {
        for (const auto &[name, value] : ex.m_secrets) {
            if (value.size() < 3)
                continue;
            for (std::size_t pos = text.find(value); pos != std::string::npos; pos = text.find(value, pos))
                text.replace(pos, value.size(), "<secret>");
        }
        return text;
    }

    Status record(CommandRecord rec)
    {
        rec.text = scrub(std::move(rec.text));
        rec.result = scrub(std::move(rec.result));
        if (rec.error)
            rec.error->message = scrub(std::move(rec.error->message));
        ProgressEvent e;
        e.type = ProgressEvent::Type::Command;
        e.step = rec.step;
        e.command = rec;
        const std::string id = ex.m_plan.id;
        Status st = journal([&](JournalSink &j) { return j.commandRecorded(id, rec); });
        progress(std::move(e));
        return st;
    }

    Status capture(const std::string &name, const std::string &value, const std::string &node)
    {
        if (value.find_first_of("'\\") != std::string::npos)
            return makeError(ErrorCode::Internal, "captured value for ${" + name + "} contains a quote", node);
        variables[name] = value;
        result.variables[name] = value;
        const std::string id = ex.m_plan.id;
        return journal([&](JournalSink &j) { return j.variableCaptured(id, name, value); });
    }

    // Runs one command; records it (each KILL separately). Returns its error, if any.
    std::optional<Error> runCommand(std::size_t stepIndex, const StepCommand &cmd, bool undo, int &sequence,
                                    bool honourCancel, std::string *hint)
    {
        if (auto e = interrupted(honourCancel, cmd.node))
            return e;
        CommandRecord rec;
        rec.step = stepIndex;
        rec.undo = undo;
        rec.node = cmd.node;
        rec.sequence = sequence++;
        rec.startedAtMs = wallMs();
        const auto started = Clock::now();
        auto finish = [&](std::optional<Error> error, std::string resultText) -> std::optional<Error> {
            rec.elapsedUs = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started).count();
            if (error && error->code == ErrorCode::Cancelled && timedOut)
                error = makeError(ErrorCode::Timeout, "the step's timeout passed (statement cancelled)", cmd.node);
            rec.ok = !error;
            rec.error = error;
            rec.result = error ? error->describe() : std::move(resultText);
            if (error && hint && !cmd.failureHint.empty())
                *hint = cmd.failureHint;
            Status st = record(rec);
            if (!error && !st && !ex.m_pastPromote.load())
                return st.error();
            return error;
        };

        if (cmd.kind == CommandKind::Local) {
            const PlanNode *self = ex.m_plan.findNode(cmd.node);
            auto shown = substitute(cmd.sql, nullptr, false, cmd.node);
            rec.text = "$ " + (shown ? *shown : cmd.sql);
            if (!self || !ex.m_local || !ex.m_local->controls(*self))
                return finish(makeError(ErrorCode::Unsupported, "the console does not control " + cmd.node + "'s server",
                                        cmd.node), {});
            const std::chrono::milliseconds budget(60000);
            switch (cmd.local) {
            case LocalAction::StopServer: {
                dropConnection(cmd.node);
                auto st = ex.m_local->stopServer(*self, budget);
                return finish(st ? std::nullopt : std::optional<Error>(st.error()), "stopped");
            }
            case LocalAction::StartServer: {
                dropConnection(cmd.node);
                auto st = ex.m_local->startServer(*self, budget);
                return finish(st ? std::nullopt : std::optional<Error>(st.error()), "started");
            }
            case LocalAction::ReadCheckpointLsn: {
                auto lsn = ex.m_local->checkpointLsn(*self);
                if (!lsn)
                    return finish(lsn.error(), {});
                if (auto st = capture(cmd.variable, *lsn, cmd.node); !st)
                    return finish(st.error(), {});
                return finish(std::nullopt, *lsn);
            }
            case LocalAction::Rewind: {
                const PlanNode *source = ex.m_plan.findNode(cmd.sourceNode);
                if (!source)
                    return finish(makeError(ErrorCode::NotFound, "no node " + cmd.sourceNode, cmd.node), {});
                dropConnection(cmd.node);
                auto st = ex.m_local->rewind(*self, *source, std::chrono::milliseconds(120000));
                return finish(st ? std::nullopt : std::optional<Error>(st.error()), "rewound");
            }
            case LocalAction::ConfigureStandby: {
                auto conninfo = substitute(cmd.argument, nullptr, true, cmd.node);
                if (!conninfo)
                    return finish(conninfo.error(), {});
                auto st = ex.m_local->configureStandby(*self, *conninfo, cmd.slot);
                return finish(st ? std::nullopt : std::optional<Error>(st.error()), "configured");
            }
            case LocalAction::None:
                break;
            }
            return finish(makeError(ErrorCode::Internal, "no local action", cmd.node), {});
        }

        if (cmd.kind == CommandKind::ExpectUnreachable) {
            rec.text = "connect (must fail)";
            const PlanNode *n = ex.m_plan.findNode(cmd.node);
            if (!n)
                return finish(makeError(ErrorCode::NotFound, "no node " + cmd.node, cmd.node), {});
            auto c = ex.m_connector(*n);
            if (auto st = c->connect(); !st)
                return finish(std::nullopt, "unreachable: " + st.error().describe());
            c->close();
            return finish(makeError(ErrorCode::QueryFailed, cmd.node + " answers", cmd.node), {});
        }

        auto conn = connection(cmd.node);
        if (!conn) {
            rec.text = renderForDisplay(cmd.sql, variables);
            return finish(conn.error(), {});
        }
        auto shown = substitute(cmd.sql, *conn, false, cmd.node);
        auto sent = substitute(cmd.sql, *conn, true, cmd.node);
        rec.text = shown ? *shown : cmd.sql;
        if (!sent)
            return finish(sent.error(), {});

        // One query with a single reconnect after a connection-level failure (every statement
        // of a plan is safe to repeat).
        auto query = [&](const std::string &sql) -> Result<QueryResult> {
            for (int attempt = 0;; ++attempt) {
                auto c = connection(cmd.node);
                if (!c)
                    return c.error();
                setCanceller((*c)->canceller());
                if (auto e = interrupted(honourCancel, cmd.node)) {
                    setCanceller(nullptr);
                    return *e;
                }
                auto r = (*c)->query(sql);
                setCanceller(nullptr);
                if (r || attempt > 0 || !connectionLevel(r.error()))
                    return r;
            }
        };

        switch (cmd.kind) {
        case CommandKind::Execute: {
            auto r = query(*sent);
            if (!r)
                return finish(r.error(), {});
            return finish(std::nullopt, r->rows.empty() ? "ok, " + std::to_string(r->affectedRows) + " row(s)"
                                                        : firstValue(*r));
        }
        case CommandKind::Expect: {
            auto r = query(*sent);
            if (!r)
                return finish(r.error(), {});
            auto want = substitute(cmd.expected, *conn, false, cmd.node);
            const std::string got = firstValue(*r);
            if (!want)
                return finish(want.error(), got);
            if (squeeze(got) != squeeze(*want))
                return finish(makeError(ErrorCode::QueryFailed, "returned '" + got + "', expected '" + *want + "'", cmd.node),
                              got);
            return finish(std::nullopt, got);
        }
        case CommandKind::Capture: {
            auto r = query(*sent);
            if (!r)
                return finish(r.error(), {});
            if (r->rows.empty())
                return finish(makeError(ErrorCode::QueryFailed, "no row to read ${" + cmd.variable + "} from", cmd.node), {});
            const std::string value = firstValue(*r, cmd.column);
            if (auto st = capture(cmd.variable, value, cmd.node); !st)
                return finish(st.error(), value);
            return finish(std::nullopt, value);
        }
        case CommandKind::WaitUntil: {
            auto want = substitute(cmd.expected, *conn, false, cmd.node);
            if (!want)
                return finish(want.error(), {});
            std::string got;
            for (;;) {
                auto r = query(*sent);
                if (!r)
                    return finish(r.error(), got);
                got = firstValue(*r);
                if (squeeze(got) == squeeze(*want))
                    return finish(std::nullopt, got);
                const auto until = Clock::now() + cmd.pollInterval;
                while (Clock::now() < until) {
                    if (auto e = interrupted(honourCancel, cmd.node))
                        return finish(makeError(e->code, e->message + "; last answer '" + got + "'", cmd.node), got);
                    std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(cmd.pollInterval, 10ms));
                }
            }
        }
        case CommandKind::ExpectReplicating: {
            auto r = query(*sent);
            if (!r)
                return finish(r.error(), {});
            const std::string want = normalizedEndpoint(cmd.sourceHost, cmd.sourcePort);
            if (ex.m_plan.engine == Engine::PostgreSQL) {
                const std::string status = r->value(0, "status").value_or("");
                const std::string host = r->value(0, "sender_host").value_or("");
                const auto port = static_cast<std::uint16_t>(std::atoi(r->value(0, "sender_port").value_or("0").c_str()));
                const std::string got = status + " from " + normalizedEndpoint(host, port);
                if (status != "streaming" || normalizedEndpoint(host, port) != want)
                    return finish(makeError(ErrorCode::QueryFailed, "WAL receiver: " + (r->rows.empty() ? std::string("none") : got)
                                                                        + ", expected streaming from " + want, cmd.node), got);
                return finish(std::nullopt, got);
            }
            const auto channels = parseReplicaStatus(*r);
            const ReplicationChannel *ch = nullptr;
            for (const auto &c : channels) {
                if (c.name.empty())
                    ch = &c;
            }
            if (!ch && !channels.empty())
                ch = &channels.front();
            if (!ch)
                return finish(makeError(ErrorCode::QueryFailed, cmd.node + " does not replicate", cmd.node), "none");
            const std::string got = "from " + normalizedEndpoint(ch->sourceHost, ch->sourcePort) + ", IO "
                                    + (ch->ioRunning == true ? "Yes" : "No") + ", SQL " + (ch->sqlRunning == true ? "Yes" : "No");
            if (normalizedEndpoint(ch->sourceHost, ch->sourcePort) != want || ch->ioRunning != true || ch->sqlRunning != true)
                return finish(makeError(ErrorCode::QueryFailed, "replicates " + got + ", expected from " + want
                                                                    + " with both threads running", cmd.node), got);
            return finish(std::nullopt, got);
        }
        case CommandKind::KillSessions: {
            auto r = query(*sent);
            if (!r)
                return finish(r.error(), {});
            const std::size_t count = r->rows.size();
            auto e = finish(std::nullopt, std::to_string(count) + " session(s)");
            if (e)
                return e;
            for (const auto &row : r->rows) {
                if (row.empty() || !row[0])
                    continue;
                StepCommand kill;
                kill.kind = CommandKind::Execute;
                kill.node = cmd.node;
                kill.sql = "KILL CONNECTION " + *row[0];
                if (kill.sql.find_first_not_of("0123456789", 16) != std::string::npos)
                    continue;
                auto killError = runCommand(stepIndex, kill, undo, sequence, honourCancel, nullptr);
                constexpr int kUnknownThread = 1094;
                if (killError && killError->serverCode != kUnknownThread)
                    return killError;
            }
            return std::nullopt;
        }
        case CommandKind::Local:
        case CommandKind::ExpectUnreachable:
            break;
        }
        return finish(makeError(ErrorCode::Internal, "unhandled command kind", cmd.node), {});
    }

    void setState(std::size_t i, StepState s, const std::string &message, Status *journalStatus = nullptr)
    {
        states[i] = s;
        const std::string id = ex.m_plan.id;
        Status st = journal([&](JournalSink &j) { return j.stepChanged(id, i, s, message); });
        if (journalStatus)
            *journalStatus = st;
        ProgressEvent e;
        e.type = s == StepState::Running ? ProgressEvent::Type::StepStarted : ProgressEvent::Type::StepFinished;
        e.step = i;
        e.stepState = s;
        e.message = message;
        progress(std::move(e));
    }

    // Runs step i; true on success.
    bool runStep(std::size_t i)
    {
        const PlanStep &step = ex.m_plan.steps[i];
        if (step.phase == StepPhase::Freeze && !freezeStarted)
            freezeStarted = Clock::now();
        Status js;
        setState(i, StepState::Running, step.title, &js);
        if (!js && !ex.m_pastPromote.load()) {
            result.error = js.error();
            setState(i, StepState::Failed, "the journal could not be written: " + js.error().describe());
            return false;
        }
        const bool honourCancel = !ex.m_pastPromote.load();
        arm(step.timeout);
        int sequence = 0;
        std::optional<Error> error;
        std::string hint;
        for (const StepCommand &cmd : step.commands) {
            error = runCommand(i, cmd, false, sequence, honourCancel, &hint);
            if (error)
                break;
        }
        disarm();
        if (error) {
            error->message = scrub(std::move(error->message));
            result.error = error;
            result.failureHint = hint;
            result.failedStep = i;
            if (error->code == ErrorCode::Cancelled)
                result.cancelled = true;
            setState(i, StepState::Failed, error->describe());
            return false;
        }
        setState(i, StepState::Done, {});
        return true;
    }

    // Undoes steps [0, last] newest first. True when every undo statement succeeded.
    bool undoThrough(std::size_t last)
    {
        ProgressEvent e;
        e.type = ProgressEvent::Type::UndoStarted;
        e.message = "undoing";
        progress(e);
        bool ok = true;
        for (std::size_t k = last + 1; k-- > 0;) {
            const PlanStep &step = ex.m_plan.steps[k];
            const StepState s = states[k];
            if (s != StepState::Done && s != StepState::Failed && s != StepState::Running)
                continue;
            if (step.undo.empty())
                continue;
            arm(step.timeout);
            int sequence = 100;
            bool stepOk = true;
            for (const StepCommand &cmd : step.undo) {
                if (auto err = runCommand(k, cmd, true, sequence, false, nullptr)) {
                    stepOk = false;
                    err->message = scrub(std::move(err->message));
                    if (!result.error)
                        result.error = err;
                }
            }
            disarm();
            setState(k, stepOk ? StepState::Undone : StepState::UndoFailed, stepOk ? "undone" : "undo failed");
            ok = ok && stepOk;
        }
        return ok;
    }

    ClusterFacts readCluster()
    {
        ClusterFacts facts;
        facts.engine = ex.m_plan.engine;
        facts.flavor = ex.m_plan.flavor;
        // Replicas first, the expected primary last (see gatherFacts).
        std::vector<const PlanNode *> order;
        for (const PlanNode &n : ex.m_plan.nodes) {
            if (n.name != ex.m_plan.candidate)
                order.push_back(&n);
        }
        if (const PlanNode *p = ex.m_plan.findNode(ex.m_plan.candidate))
            order.push_back(p);
        for (const PlanNode *n : order) {
            NodeFacts f;
            f.status.name = n->name;
            f.status.host = n->host;
            f.status.port = n->port;
            auto c = connection(n->name);
            if (!c) {
                f.error = c.error();
                f.status.reachability = Reachability::Unreachable;
            } else if (auto st = probeNode(**c, f.status); !st) {
                f.error = st.error();
                if (connectionLevel(st.error()))
                    dropConnection(n->name);
            } else {
                f.connected = true;
            }
            facts.nodes.push_back(std::move(f));
        }
        return facts;
    }

    void runPostChecks()
    {
        // A node whose (optional) rejoin step failed is not waited for: it is reported instead.
        std::vector<std::string> expected, notRejoined;
        for (const PlanNode &n : ex.m_plan.nodes) {
            if (!n.expectedReplica)
                continue;
            const bool failed = std::any_of(failedOptional.begin(), failedOptional.end(), [&](std::size_t i) {
                return ex.m_plan.steps[i].phase == StepPhase::Rejoin && ex.m_plan.steps[i].node == n.name;
            });
            (failed ? notRejoined : expected).push_back(n.name);
        }
        const auto until = Clock::now() + ex.m_options.postCheckTimeout;
        std::vector<PreflightCheck> checks;
        for (;;) {
            checks = postChecks(readCluster(), ex.m_plan.candidate, expected);
            const bool green = std::all_of(checks.begin(), checks.end(),
                                           [](const PreflightCheck &c) { return c.level == CheckLevel::Green; });
            if (green || Clock::now() >= until)
                break;
            std::this_thread::sleep_for(ex.m_options.postCheckInterval);
        }
        for (const std::string &n : notRejoined) {
            PreflightCheck c;
            c.id = "post_replicating";
            c.level = CheckLevel::Amber;
            c.node = n;
            c.detail = n + " was not rejoined (its step failed; see the warnings)";
            c.fix = "rejoin it when the cause is fixed, or rebuild it from the new primary";
            checks.push_back(std::move(c));
        }
        result.postChecks = checks;
        ProgressEvent e;
        e.type = ProgressEvent::Type::PostChecks;
        e.message = "post-checks";
        progress(std::move(e));
    }

    OperationResult finish(OperationState state)
    {
        result.state = state;
        result.steps = states;
        result.finishedAtMs = wallMs();
        const std::string id = ex.m_plan.id;
        if (Status st = journal([&](JournalSink &j) { return j.operationFinished(id, result); }); !st)
            result.warnings.push_back("the journal could not record the end: " + st.error().describe());
        ProgressEvent e;
        e.type = ProgressEvent::Type::Finished;
        e.message = std::string(operationStateName(state));
        progress(std::move(e));
        for (auto &[name, c] : connections) {
            if (c)
                c->close();
        }
        return result;
    }

    OperationResult execute(std::size_t from)
    {
        const auto promote = ex.m_plan.promoteIndex();
        for (std::size_t i = 0; i < states.size(); ++i) {
            if (promote && i == *promote && states[i] == StepState::Done)
                ex.m_pastPromote = true;
        }
        for (std::size_t i = from; i < ex.m_plan.steps.size(); ++i) {
            if (states[i] == StepState::Done || states[i] == StepState::Skipped)
                continue;
            const PlanStep &step = ex.m_plan.steps[i];
            if (!ex.m_pastPromote.load() && ex.m_cancel.load()) {
                result.cancelled = true;
                result.error = makeError(ErrorCode::Cancelled, "cancelled by the operator", step.node);
                result.failedStep = i;
                const bool undone = i == 0 || undoThrough(i - 1);
                return finish(undone ? OperationState::RolledBack : OperationState::RollbackFailed);
            }
            const bool ok = runStep(i);
            if (ok && ex.m_options.abandonAfterStep && *ex.m_options.abandonAfterStep == i) {
                result.state = OperationState::Interrupted;
                result.steps = states;
                for (auto &[name, c] : connections) {
                    if (c)
                        c->close();
                }
                return result;
            }
            if (!ok) {
                if (step.optional) {
                    failedOptional.push_back(i);
                    result.warnings.push_back(step.title + ": "
                                              + (result.error ? result.error->describe() : std::string("failed")));
                    result.error.reset();
                    result.failedStep.reset();
                    result.failureHint.clear();
                    continue;
                }
                if (!ex.m_pastPromote.load()) {
                    const bool undone = undoThrough(i);
                    return finish(undone ? OperationState::RolledBack : OperationState::RollbackFailed);
                }
                return finish(OperationState::FailedAfterPromote);
            }
            if (step.promote) {
                ex.m_pastPromote = true;
                if (freezeStarted)
                    result.freezeWindow = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - *freezeStarted);
            }
        }
        if (ex.m_options.runPostChecks)
            runPostChecks();
        const bool green = std::all_of(result.postChecks.begin(), result.postChecks.end(),
                                       [](const PreflightCheck &c) { return c.level == CheckLevel::Green; });
        return finish(green && result.warnings.empty() ? OperationState::Succeeded : OperationState::SucceededWithWarnings);
    }
};

OperationExecutor::OperationExecutor(OperationPlan plan, Secrets secrets, NodeConnector connector, ExecutorOptions options)
    : m_plan(std::move(plan)), m_secrets(std::move(secrets)), m_connector(std::move(connector)), m_options(options)
{
}

OperationExecutor::~OperationExecutor() = default;

void OperationExecutor::cancel()
{
    m_cancel = true;
    std::shared_ptr<Canceller> c;
    {
        std::lock_guard lock(m_cancellerMutex);
        c = m_currentCanceller;
    }
    // Interrupt only before the promote step; the impl decides whether to honour it.
    if (c && !m_pastPromote.load())
        (void)c->cancel();
}

OperationResult OperationExecutor::run()
{
    m_pastPromote = false;
    m_impl = std::make_unique<Impl>(*this);
    Impl &impl = *m_impl;
    impl.states.assign(m_plan.steps.size(), StepState::Pending);
    impl.result.startedAtMs = wallMs();
    if (m_plan.blocked()) {
        impl.result.state = OperationState::Refused;
        impl.result.steps = impl.states;
        for (const PreflightCheck &c : m_plan.checks) {
            if (c.level == CheckLevel::Red) {
                impl.result.error = makeError(ErrorCode::InvalidArgument, "preflight check " + c.id + " failed: " + c.detail, c.node);
                impl.result.failureHint = c.fix;
                break;
            }
        }
        return impl.result;
    }
    if (m_journal) {
        if (Status st = m_journal->operationStarted(m_plan); !st) {
            impl.result.state = OperationState::Refused;
            impl.result.error = st.error();
            impl.result.failureHint = "the operation journal could not be written; nothing was changed";
            impl.result.steps = impl.states;
            return impl.result;
        }
    }
    return impl.execute(0);
}

OperationResult OperationExecutor::resume(const ResumeState &state)
{
    m_pastPromote = false;
    m_impl = std::make_unique<Impl>(*this);
    Impl &impl = *m_impl;
    impl.result.startedAtMs = wallMs();
    impl.states = state.steps;
    impl.states.resize(m_plan.steps.size(), StepState::Pending);
    impl.variables = state.variables;
    impl.result.variables = state.variables;
    if (std::any_of(impl.states.begin(), impl.states.end(),
                    [](StepState s) { return s == StepState::Undone || s == StepState::UndoFailed; })) {
        impl.result.state = OperationState::Refused;
        impl.result.error = makeError(ErrorCode::InvalidArgument, "the operation was rolled back; plan a new one");
        impl.result.steps = impl.states;
        return impl.result;
    }
    for (StepState &s : impl.states) {
        if (s == StepState::Running || s == StepState::Failed)
            s = StepState::Pending;
    }
    // Freeze timing is meaningless across a restart.
    return impl.execute(0);
}

OperationResult OperationExecutor::rollback(const ResumeState &state)
{
    m_pastPromote = false;
    m_impl = std::make_unique<Impl>(*this);
    Impl &impl = *m_impl;
    impl.result.startedAtMs = wallMs();
    impl.states = state.steps;
    impl.states.resize(m_plan.steps.size(), StepState::Pending);
    impl.variables = state.variables;
    impl.result.variables = state.variables;
    const auto promote = m_plan.promoteIndex();
    if (promote && impl.states[*promote] == StepState::Done) {
        impl.result.state = OperationState::Refused;
        impl.result.error = makeError(ErrorCode::InvalidArgument,
                                      "the promote step completed: the new primary may have taken writes; resume "
                                      "instead, or switch over back");
        impl.result.steps = impl.states;
        return impl.result;
    }
    std::optional<std::size_t> last;
    for (std::size_t i = 0; i < impl.states.size(); ++i) {
        const StepState s = impl.states[i];
        if (s == StepState::Done || s == StepState::Running || s == StepState::Failed)
            last = i;
    }
    if (!last)
        return impl.finish(OperationState::RolledBack);
    const bool ok = impl.undoThrough(*last);
    return impl.finish(ok ? OperationState::RolledBack : OperationState::RollbackFailed);
}

} // namespace switchyard::core

namespace switchyard::core {

ResumeAssessment assessJournal(const OperationPlan &plan, const ResumeState &state, const ClusterFacts &now)
{
    ResumeAssessment a;
    const auto promote = plan.promoteIndex();
    std::vector<StepState> states = state.steps;
    states.resize(plan.steps.size(), StepState::Pending);
    const bool undone = std::any_of(states.begin(), states.end(),
                                    [](StepState s) { return s == StepState::Undone || s == StepState::UndoFailed; });
    bool frozen = false;
    for (std::size_t i = 0; i < states.size(); ++i) {
        const StepState s = states[i];
        if ((s == StepState::Done || s == StepState::Running || s == StepState::Failed) && plan.steps[i].phase >= StepPhase::Freeze)
            frozen = true;
        if (!a.nextStep && s != StepState::Done && s != StepState::Skipped)
            a.nextStep = i;
    }
    if (promote) {
        a.promoteDone = states[*promote] == StepState::Done;
        a.promoteInDoubt = states[*promote] == StepState::Running || states[*promote] == StepState::Failed;
    }
    a.canResume = !undone;
    a.canRollback = !undone && !a.promoteDone;

    std::vector<std::string> writable;
    for (const NodeFacts &f : now.nodes) {
        if (!f.connected) {
            a.findings.push_back(f.status.name + " does not answer"
                                 + (f.error ? ": " + f.error->describe() : std::string()));
            continue;
        }
        if (f.status.readOnly == false)
            writable.push_back(f.status.name);
    }
    std::string writableText;
    for (const std::string &w : writable)
        writableText += (writableText.empty() ? "" : ", ") + w;
    a.findings.push_back("writable now: " + (writableText.empty() ? std::string("none") : writableText));

    auto isWritable = [&](const std::string &n) { return std::find(writable.begin(), writable.end(), n) != writable.end(); };
    if (a.promoteDone) {
        a.findings.push_back("the journal has " + plan.candidate + " promoted");
        if (!isWritable(plan.candidate)) {
            a.consistent = false;
            a.findings.push_back(plan.candidate + " is not writable although the journal says it was promoted");
        }
        if (plan.kind != OperationKind::Rejoin && isWritable(plan.oldPrimary)) {
            a.consistent = false;
            a.findings.push_back(plan.oldPrimary + " is writable again: someone changed the cluster since");
        }
        a.advice = a.consistent ? ResumeAssessment::Advice::Resume : ResumeAssessment::Advice::Inspect;
    } else if (a.promoteInDoubt) {
        a.findings.push_back("the process stopped while promoting " + plan.candidate);
        if (isWritable(plan.candidate)) {
            a.findings.push_back(plan.candidate + " is writable: the promotion went through; resuming finishes the "
                                 "repointing (rolling back would lose what it may have taken since)");
            a.advice = ResumeAssessment::Advice::Resume;
        } else {
            a.findings.push_back(plan.candidate + " is not writable: rolling back returns the cluster to " + plan.oldPrimary);
            a.advice = ResumeAssessment::Advice::Rollback;
        }
    } else if (frozen) {
        a.findings.push_back("the journal has " + plan.oldPrimary + " frozen and " + plan.candidate + " not yet promoted: "
                             "no node takes writes");
        if (!writable.empty() && plan.kind == OperationKind::Switchover) {
            a.consistent = false;
            a.findings.push_back("but " + writableText + " takes writes: someone changed the cluster since");
        }
        a.advice = a.consistent ? ResumeAssessment::Advice::Rollback : ResumeAssessment::Advice::Inspect;
    } else {
        a.findings.push_back("nothing was changed yet (the journal ends before the freeze)");
        a.advice = ResumeAssessment::Advice::Rollback;
    }
    if (undone) {
        a.findings.push_back("the operation was already rolled back");
        a.advice = ResumeAssessment::Advice::Inspect;
    }
    return a;
}

} // namespace switchyard::core
