// The Router: given a statement, a session and the current topology, decides where the
// statement goes (the primary, a named replica, or all backends of the session) and why.
//
// Rules, in order of precedence:
//   1. A statement that writes, has side effects, holds per-connection state, or that the
//      classifier is unsure about goes to the primary. No policy, hint or session state can
//      send such a statement to a replica.
//   2. Session commands (SET, USE, PREPARE, ...) go to all backends.
//   3. Reads follow the session: the open transaction's node, pins (LOCK TABLES, named
//      locks), autocommit=0, SERIALIZABLE, temporary tables and primary-only variables keep
//      them on the primary; FOUND_ROWS()/SHOW WARNINGS follow the previous statement.
//   4. A hint in a real comment (/* switchyard: primary|replica|node=NAME */) may then choose.
//   5. The consistency level filters replicas (or picks the primary), lag hysteresis and
//      health filter them too, and the policy picks among what remains. No replica: primary.
//
// Thread contract: a Router is used by one thread at a time (its balancing state and lag
// samples change on every call); give each thread its own Router, or serialise the calls.
// Sessions are separate objects, each used by one thread at a time. The Classifier inside is
// immutable and shareable.
#pragma once

#include "switchyard/routing/balancer.h"
#include "switchyard/routing/classifier.h"
#include "switchyard/routing/consistency.h"
#include "switchyard/routing/decision.h"
#include "switchyard/routing/dialect.h"
#include "switchyard/routing/function_catalog.h"
#include "switchyard/routing/lag_hysteresis.h"
#include "switchyard/routing/session.h"
#include "switchyard/routing/topology.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace switchyard::routing {

struct RouterConfig
{
    Dialect dialect = Dialect::MySQL;
    // Judges /*!NNNNN */ comments. Unknown: statements whose meaning depends on it go to the
    // primary unless both readings agree.
    std::optional<ServerVersion> serverVersion;
    Policy policy = Policy::RoundRobin;
    Consistency consistency = Consistency::eventual();
    LagPolicy lag;
    bool primaryAcceptsReads = false;   // the primary competes with the replicas for reads
    bool pinAfterCall = false;          // after CALL, keep the session on the primary
    double defaultResponseTimeMs = 1.0; // ewma: cost of a node with no measurement yet
    double ewmaAlpha = 0.3;             // ewma: weight of a new response-time sample
    std::uint64_t seed = 0x5d1f7ca1u;   // ewma: power-of-two choices
    std::shared_ptr<const FunctionCatalog> functions;   // nullptr: the dialect's defaults
};

class Router
{
public:
    using Clock = std::chrono::steady_clock;

    explicit Router(RouterConfig config);

    const RouterConfig &config() const { return m_config; }
    const Classifier &classifier() const { return m_classifier; }

    // A new view of the cluster. Each call with a new generation (or generation 0) feeds one
    // lag sample per node to the hysteresis. Nodes are matched by name across calls.
    void setTopology(TopologyView topology);
    const TopologyView &topology() const { return m_topology; }
    bool inLagPool(int node) const;
    const LagHysteresis *lagState(int node) const;

    Session newSession(SessionOptions options = {}) const { return Session(m_config.dialect, std::move(options)); }

    // Routes one packet (one or more statements) and updates the session. The decision lives
    // in the session until its next route() call.
    // `now` is the statement's time, for session windows; without it the clock is read only
    // when a decision needs it.
    const RouteDecision &route(Session &session, std::string_view sql, Clock::time_point now);
    const RouteDecision &route(Session &session, std::string_view sql);

    // Binary protocol (COM_STMT_PREPARE / EXECUTE / CLOSE) and extended protocol
    // (Parse / Bind+Execute / Close): the same rules as PREPARE / EXECUTE / DEALLOCATE.
    const RouteDecision &routeProtocolPrepare(Session &session, std::uint32_t statementId, std::string_view sql,
                                              Clock::time_point now);
    const RouteDecision &routeProtocolExecute(Session &session, std::uint32_t statementId, Clock::time_point now);
    const RouteDecision &routeProtocolClose(Session &session, std::uint32_t statementId, Clock::time_point now);

    // Feedback for the ewma policy.
    void recordResponseTime(std::string_view node, std::chrono::nanoseconds elapsed);

private:
    class Now;   // the statement's time, read from the clock only when needed
    const RouteDecision &routeAt(Session &session, std::string_view sql, Now &now);
    void decide(Session &s, const PacketInfo &p, bool uncertain, Now &now, RouteDecision &d);
    void decideStatement(Session &s, const StatementInfo &st, const Hint &hint, Now &now,
                         RouteDecision &d, int depth);
    void decideRead(Session &s, const StatementInfo &st, const Hint &hint, Now &now, RouteDecision &d,
                    const std::vector<Token> &tokens);
    void decideTransaction(Session &s, const StatementInfo &st, const Hint &hint, Now &now,
                           RouteDecision &d);
    void decideExecute(Session &s, const StatementInfo &st, const Hint &hint, Now &now,
                       RouteDecision &d, int depth);
    void decideCursor(Session &s, const StatementInfo &st, RouteDecision &d);
    bool chooseReplica(Session &s, const Hint &hint, Now &now, RouteDecision &d);
    bool pickFromPool(const ReplicationPosition *floor, std::optional<double> maxLag, RouteDecision &d);
    void toPrimary(RouteDecision &d);
    void toReplica(RouteDecision &d, int node);
    void toTransactionNode(Session &s, RouteDecision &d);
    bool sessionForcesPrimary(Session &s, RouteDecision &d);
    bool referencesSessionObjects(Session &s, const std::vector<Token> &tokens, RouteDecision &d);
    void explainStatement(const StatementInfo &st, RouteDecision &d);
    void applyEffects(Session &s, const PacketInfo &p, RouteDecision &d, Now &now);
    void finish(Session &s, RouteDecision &d);

    RouterConfig m_config;
    Classifier m_classifier;
    std::uint32_t m_serverVersion = 0;
    TopologyView m_topology;
    std::vector<LagHysteresis> m_lag;
    bool m_haveGeneration = false;
    std::uint64_t m_lastGeneration = 0;
    Balancer m_balancer;
    std::vector<std::uint16_t> m_candidates;   // scratch
    const std::vector<Token> *m_packetTokens = nullptr;   // the tokens of the packet being decided
    // Scratch shared by all sessions (a Router serves one thread at a time), so a session costs
    // no token buffers of its own - one huge statement no longer leaves megabytes behind in
    // every session that sent one: the packet being routed, its reading with versioned
    // comments not run, and the body of an EXECUTEd statement.
    PacketInfo m_packet;
    PacketInfo m_packetAlt;
    PacketInfo m_packetInner;
    bool m_executeResolved = false;   // m_packetInner holds the EXECUTEd statement
};

} // namespace switchyard::routing
