// Operation plan model: names, display of templates, text rendering of a plan.
#include "switchyard/core/operation.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <random>
#include <utility>

namespace switchyard::core {

namespace {

template <typename E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N> &table, E value)
{
    for (const auto &[e, name] : table) {
        if (e == value)
            return name;
    }
    return "unknown";
}

template <typename E, std::size_t N>
std::optional<E> parseOf(const std::array<std::pair<E, std::string_view>, N> &table, std::string_view text)
{
    for (const auto &[e, name] : table) {
        if (name == text)
            return e;
    }
    return std::nullopt;
}

constexpr std::array<std::pair<OperationKind, std::string_view>, 3> kKinds{{
    {OperationKind::Switchover, "switchover"},
    {OperationKind::Failover, "failover"},
    {OperationKind::Rejoin, "rejoin"},
}};

constexpr std::array<std::pair<CheckLevel, std::string_view>, 3> kLevels{{
    {CheckLevel::Green, "green"},
    {CheckLevel::Amber, "amber"},
    {CheckLevel::Red, "red"},
}};

constexpr std::array<std::pair<CommandKind, std::string_view>, 8> kCommandKinds{{
    {CommandKind::Execute, "execute"},
    {CommandKind::Expect, "expect"},
    {CommandKind::Capture, "capture"},
    {CommandKind::WaitUntil, "wait_until"},
    {CommandKind::ExpectReplicating, "expect_replicating"},
    {CommandKind::ExpectUnreachable, "expect_unreachable"},
    {CommandKind::KillSessions, "kill_sessions"},
    {CommandKind::Local, "local"},
}};

constexpr std::array<std::pair<LocalAction, std::string_view>, 6> kLocalActions{{
    {LocalAction::None, "none"},
    {LocalAction::StopServer, "stop_server"},
    {LocalAction::StartServer, "start_server"},
    {LocalAction::ReadCheckpointLsn, "read_checkpoint_lsn"},
    {LocalAction::Rewind, "rewind"},
    {LocalAction::ConfigureStandby, "configure_standby"},
}};

constexpr std::array<std::pair<StepPhase, std::string_view>, 7> kPhases{{
    {StepPhase::Verify, "verify"},
    {StepPhase::Prepare, "prepare"},
    {StepPhase::Freeze, "freeze"},
    {StepPhase::CatchUp, "catch_up"},
    {StepPhase::Promote, "promote"},
    {StepPhase::Repoint, "repoint"},
    {StepPhase::Rejoin, "rejoin"},
}};

} // namespace

std::string_view operationKindName(OperationKind kind) { return nameOf(kKinds, kind); }
std::optional<OperationKind> parseOperationKind(std::string_view text) { return parseOf(kKinds, text); }
std::string_view checkLevelName(CheckLevel level) { return nameOf(kLevels, level); }
std::string_view commandKindName(CommandKind kind) { return nameOf(kCommandKinds, kind); }
std::optional<CommandKind> parseCommandKind(std::string_view text) { return parseOf(kCommandKinds, text); }
std::string_view localActionName(LocalAction action) { return nameOf(kLocalActions, action); }
std::optional<LocalAction> parseLocalAction(std::string_view text) { return parseOf(kLocalActions, text); }
std::string_view stepPhaseName(StepPhase phase) { return nameOf(kPhases, phase); }
std::optional<StepPhase> parseStepPhase(std::string_view text) { return parseOf(kPhases, text); }

std::string renderForDisplay(std::string_view text, const std::map<std::string, std::string> &variables)
{
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t open = text.find("${", pos);
        if (open == std::string_view::npos) {
            out.append(text.substr(pos));
            break;
        }
        const std::size_t close = text.find('}', open);
        if (close == std::string_view::npos) {
            out.append(text.substr(pos));
            break;
        }
        out.append(text.substr(pos, open - pos));
        const std::string_view name = text.substr(open + 2, close - open - 2);
        if (name.rfind("secret", 0) == 0) {
            out.append("'<secret>'");
        } else if (auto it = variables.find(std::string(name)); it != variables.end()) {
            out.append(it->second);
        } else {
            out.append(text.substr(open, close - open + 1));
        }
        pos = close + 1;
    }
    return out;
}

std::string StepCommand::display() const
{
    switch (kind) {
    case CommandKind::Execute:
        return renderForDisplay(sql);
    case CommandKind::Expect:
        return renderForDisplay(sql) + "   -- must return " + renderForDisplay(expected);
    case CommandKind::Capture:
        return renderForDisplay(sql) + "   -- remember " + (column.empty() ? std::string() : column + " ") + "as ${"
               + variable + "}";
    case CommandKind::WaitUntil:
        return renderForDisplay(sql) + "   -- repeat until it returns " + renderForDisplay(expected);
    case CommandKind::ExpectReplicating:
        return renderForDisplay(sql) + "   -- must replicate from " + sourceHost + ":" + std::to_string(sourcePort)
               + " with both threads running";
    case CommandKind::ExpectUnreachable:
        return "-- connect: must fail (the node must still be down)";
    case CommandKind::KillSessions:
        return renderForDisplay(sql) + "   -- then KILL CONNECTION <id> for each";
    case CommandKind::Local:
        return "$ " + renderForDisplay(sql);
    }
    return sql;
}

bool OperationPlan::blocked() const
{
    return std::any_of(checks.begin(), checks.end(), [](const PreflightCheck &c) { return c.level == CheckLevel::Red; });
}

CheckLevel OperationPlan::worstLevel() const
{
    CheckLevel worst = CheckLevel::Green;
    for (const PreflightCheck &c : checks)
        worst = std::max(worst, c.level);
    return worst;
}

const PlanNode *OperationPlan::findNode(std::string_view name) const
{
    for (const PlanNode &n : nodes) {
        if (n.name == name)
            return &n;
    }
    return nullptr;
}

std::optional<std::size_t> OperationPlan::promoteIndex() const
{
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].promote)
            return i;
    }
    return std::nullopt;
}

std::optional<std::size_t> OperationPlan::findStep(std::string_view stepId) const
{
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].id == stepId)
            return i;
    }
    return std::nullopt;
}

std::string planToText(const OperationPlan &plan)
{
    std::string out;
    out += std::string(operationKindName(plan.kind)) + " " + plan.oldPrimary + " -> "
           + (plan.candidate.empty() ? std::string("(no candidate)") : plan.candidate) + "  [" + plan.id + "]\n";
    if (!plan.candidateReason.empty())
        out += "candidate: " + plan.candidateReason + "\n";
    out += "\nPreflight checks:\n";
    for (const PreflightCheck &c : plan.checks) {
        std::string level(checkLevelName(c.level));
        std::transform(level.begin(), level.end(), level.begin(), [](char ch) { return static_cast<char>(std::toupper(ch)); });
        out += "  [" + level + "] " + c.id + (c.node.empty() ? std::string() : " (" + c.node + ")") + ": " + c.detail + "\n";
        if (!c.fix.empty())
            out += "          fix: " + c.fix + "\n";
    }
    out += "\nPlan:\n";
    for (std::size_t i = 0; i < plan.steps.size(); ++i) {
        const PlanStep &s = plan.steps[i];
        char head[64];
        std::snprintf(head, sizeof head, "  %2zu. ", i + 1);
        out += head + s.title + "  [" + std::string(stepPhaseName(s.phase)) + ", " + s.node + ", timeout "
               + std::to_string(s.timeout.count()) + " ms" + (s.promote ? ", POINT OF NO RETURN" : "")
               + (s.optional ? ", optional" : "") + "]\n";
        for (const StepCommand &c : s.commands)
            out += "        " + c.node + ": " + c.display() + "\n";
        if (!s.undo.empty()) {
            out += "        undo:\n";
            for (const StepCommand &c : s.undo)
                out += "          " + c.node + ": " + c.display() + "\n";
        }
    }
    if (!plan.notes.empty()) {
        out += "\nNotes:\n";
        for (const std::string &n : plan.notes)
            out += "  - " + n + "\n";
    }
    return out;
}

std::string newOperationId()
{
    using namespace std::chrono;
    const auto ms = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    std::random_device rd;
    char buf[64];
    std::snprintf(buf, sizeof buf, "op-%lld-%08x", static_cast<long long>(ms), rd());
    return buf;
}

} // namespace switchyard::core
