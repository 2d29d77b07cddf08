// The routing preview's engine: runs statements through the same switchyard::routing::Router the
// library exports, against a topology built from the live snapshot (or a topology file), with a
// session context and hypothetical changes ("what-if"), and keeps every decision with the
// session's state after it. No widgets and no I/O: the panel, the tests and the Markdown export
// all use it, and `switchyard-cli route` feeds its Router through the same feedTopology().
//
// A fresh Router per run: the lag history travels with the topology (RouteTopologyFile), so a
// run is a pure function of its inputs and the same run in `switchyard-cli route --topology`
// (topologyToJson()) gives the same answers.
//
// Thread contract: plain values and pure functions; runPreview() may run on any thread.
#pragma once

#include "switchyard/core/snapshot.h"
#include "switchyard/routing/router.h"
#include "switchyard/ui/routing_json.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace switchyard::ui {

// The router settings the preview lets the user vary.
struct PreviewSettings
{
    routing::Dialect dialect = routing::Dialect::MySQL;
    std::optional<routing::ServerVersion> serverVersion;
    routing::Policy policy = routing::Policy::RoundRobin;
    routing::Consistency consistency = routing::Consistency::eventual();
    std::optional<double> lagHighSeconds; // replicas leave the read pool over it; none: off
    bool primaryAcceptsReads = false;

    routing::RouterConfig routerConfig() const;
    routing::LagPolicy lagPolicy() const;
    routing::LexOptions lexOptions() const; // how a fresh session lexes (highlighting too)
    // The CLI arguments that reproduce these settings (without --topology).
    QStringList cliArguments() const;
};

// Hypothetical changes to one node. Nothing is sent to the cluster.
struct WhatIfNode
{
    enum class State
    {
        AsSeen,
        Up,
        Down,
        Draining
    };
    State state = State::AsSeen;
    std::optional<double> lagSeconds;    // replaces the lag (now and in the recent history)
    std::optional<std::uint32_t> weight; // replaces the weight (0 drains)

    bool empty() const { return state == State::AsSeen && !lagSeconds && !weight; }
};

struct WhatIf
{
    std::map<std::string, WhatIfNode> nodes; // by node name

    bool empty() const;
    // The topology with the changes applied (unknown names are ignored).
    RouteTopologyFile apply(RouteTopologyFile file) const;
    // The snapshot with the changes applied, for the graph: down nodes unreachable, lag on the
    // node and its incoming edges.
    core::ClusterSnapshot apply(core::ClusterSnapshot snapshot) const;
    // One sentence per changed node ("db2 down", "db3 lagging 60 s", "db4 weight 0").
    QStringList describe() const;
};

// Keeps the last few snapshots' lag per node so the preview's router starts with the same
// hysteresis an application's router would have after those monitoring rounds.
class LagHistory
{
public:
    static constexpr std::size_t kDepth = 8;
    void add(const core::ClusterSnapshot &snapshot); // a round older than the newest is ignored
    void clear();
    // Older samples of `name`, oldest first, excluding the round `beforeGeneration` itself.
    std::vector<std::optional<double>> samples(const std::string &name, std::uint64_t beforeGeneration) const;

private:
    struct Round
    {
        std::uint64_t generation = 0;
        std::map<std::string, std::optional<double>> lag;
    };
    std::deque<Round> m_rounds;
};

// The topology the router sees for a snapshot: routingTopology() plus the lag history and the
// settings' lag policy and primary-accepts-reads.
RouteTopologyFile previewTopology(const core::ClusterSnapshot &snapshot, const PreviewSettings &settings,
                                  const LagHistory *history = nullptr);

// A snapshot to draw a topology that did not come from the monitor (a topology file, or the
// CLI's default one primary and two replicas): one card per node, replicas under the primary.
core::ClusterSnapshot snapshotForPicture(const RouteTopologyFile &file, routing::Dialect dialect);

// What the session did before the statements.
struct SessionContext
{
    enum class Transaction
    {
        None,
        ReadWrite,
        ReadOnly
    };
    bool autocommit = true;
    Transaction transaction = Transaction::None; // open when the statements start
    std::vector<std::string> earlier;            // statements the session ran before, in order
    bool wrote = false;                          // the session's last write, committed
    std::string writePosition;                   // where it landed (dialect syntax); empty: not reported
    std::int64_t msSinceContext = 0;             // time between the context and the statements

    bool empty() const { return autocommit && transaction == Transaction::None && earlier.empty() && !wrote; }
};

// The session's state after a statement, as values.
struct SessionState
{
    bool autocommit = true;
    bool autocommitKnown = true;
    bool inTransaction = false;
    bool transactionReadOnly = false;
    bool transactionWrote = false;
    std::string transactionNode; // empty: the primary
    routing::Isolation isolation = routing::Isolation::Default;
    std::uint32_t pins = 0;
    std::vector<std::string> temporaryTables;
    std::vector<std::string> primaryOnlyVariables;
    std::size_t prepared = 0;
    std::size_t cursors = 0;
    std::uint64_t writes = 0;
    bool writePositionKnown = true;
    std::string writePosition;
    bool nextTransactionPending = false;
    bool noBackslashEscapes = false;
    bool ansiQuotes = false;

    static SessionState of(const routing::Session &session);
};
QString describeSessionState(const SessionState &state); // one line, translated

struct PreviewRow
{
    enum class Origin
    {
        Earlier,
        LastWrite,
        Transaction,
        Statement
    };
    Origin origin = Origin::Statement;
    std::string sql;
    routing::RouteDecision decision; // a copy
    SessionState after;
};

// One replica the decision left out, and why (the router's sentence).
struct Exclusion
{
    std::string node;
    routing::ReasonCode code{};
    std::string why;
};

// A replica's place in the lag pool after the history was fed (lag threshold on).
struct PoolState
{
    std::string node;
    bool inPool = true;
    unsigned overCount = 0;  // consecutive samples over the high mark
    unsigned underCount = 0; // consecutive samples under the low mark
};

struct PreviewOutcome
{
    std::vector<PreviewRow> rows; // context rows first, then one per statement
    std::vector<PoolState> pool;  // one per replica when a lag threshold is set
    QString problem;              // e.g. the write position does not parse; rows still filled
    RouteTopologyFile topology;   // what was routed against

    const PreviewRow *firstStatement() const;
    const PreviewRow *lastStatement() const;
};

// Splits SQL into the statements an application would send one by one, on ';' outside
// literals and comments, keeping compound bodies (CREATE PROCEDURE ... BEGIN ... END) whole,
// and keeping each statement's comments (routing hints) with it.
std::vector<std::string> splitStatements(std::string_view sql, const PreviewSettings &settings);

// Routes the context, then each of `statements` as one packet, with a fresh Router fed `topology`.
PreviewOutcome runPreview(const PreviewSettings &settings, const RouteTopologyFile &topology,
                          const SessionContext &context, const std::vector<std::string> &statements);

std::vector<Exclusion> exclusionsOf(const routing::RouteDecision &decision);
std::vector<std::string> reasonsOf(const routing::RouteDecision &decision);
// A write (or anything for the primary) while the primary is not up: the statement would fail;
// the router never sends it elsewhere.
bool primaryUnavailable(const routing::RouteDecision &decision);
// The reason that decided a statement for the primary (for grouping): the last reason that is
// not a replica exclusion, a pick or the primary's health.
const routing::Reason *decidingReason(const routing::RouteDecision &decision);
// Target in words: "replica db2", "primary db1", "all backends".
QString targetText(const routing::RouteDecision &decision);

QString dialectTitle(routing::Dialect dialect); // "MySQL", "MariaDB", "PostgreSQL"

// A Markdown explanation for a ticket or a code review.
struct ExplanationInput
{
    QString clusterName;
    QString topologySource; // "live snapshot, round 42 at 12:03:05", "file topology.json"
    PreviewSettings settings;
    SessionContext context;
    WhatIf whatIf;
    PreviewOutcome outcome;
    QString verification; // Markdown paragraph, may be empty
    qint64 generatedAtMs = 0;
};
QString explanationMarkdown(const ExplanationInput &input);

} // namespace switchyard::ui
