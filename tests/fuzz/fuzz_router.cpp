// libFuzzer target for the routing core (ASan + UBSan): no crash, and no write sent to a
// replica whatever the dialect, server version, sql_mode, policy, consistency level, session
// history or topology.
//
// Input layout: byte 0 picks dialect, policy and consistency; byte 1 the server version,
// session options and topology shape; the rest is a sequence of packets separated by 0x00.
// A packet starting with 0x01 is not SQL but an event: a topology sample (lag changes), a
// reported write position, or a session reset.
//
// After every route the decision is checked against an independent classification of the
// same text with the same lexing options:
//   - a statement the classifier marks Primary (writes, side effects, unsure) => target primary;
//   - any statement that writes (DML, DDL, INTO, locking read, unknown function, sequence,
//     CALL/DO, data-modifying CTE) => target primary, never a replica and never "all";
//   - a replica target only for reads, read-only transaction control and cursors of a
//     read-only transaction; an "all" target only for session commands.
#include "switchyard/routing/router.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace switchyard::routing;

namespace {

constexpr std::uint64_t kWriteFlags = FlagWrites | FlagLockingRead | FlagUnknownFunction | FlagSequence
                                      | FlagSelectInto | FlagIntoFile | FlagDataModifyingCte | FlagCall
                                      | FlagNamedLock | FlagNamedLockXact | FlagNotify | FlagCreatesTemp;

[[noreturn]] void violation(const char *what, std::string_view sql, const RouteDecision &d)
{
    std::fprintf(stderr, "INVARIANT VIOLATED: %s\n  sql: %.*s\n  target: %s %s\n", what, static_cast<int>(sql.size()),
                 sql.data(), std::string(targetName(d.target)).c_str(), d.nodeName.c_str());
    for (const std::string &r : d.explain())
        std::fprintf(stderr, "  - %s\n", r.c_str());
    std::abort();
}

TopologyView topologyFor(std::uint8_t shape, std::uint8_t sample)
{
    TopologyView t;
    NodeView p;
    p.name = "p";
    p.role = NodeRole::Primary;
    p.health = (shape & 0x40) ? NodeHealth::Down : NodeHealth::Up;
    t.nodes.push_back(p);
    const int replicas = shape & 3;
    for (int i = 0; i < replicas; ++i) {
        NodeView r;
        r.name = "r" + std::to_string(i + 1);
        r.role = NodeRole::Replica;
        r.weight = static_cast<std::uint32_t>((sample >> i) & 3);
        r.health = ((sample >> (i + 4)) & 1) ? NodeHealth::Down : NodeHealth::Up;
        if ((sample >> (6 - i)) & 1)
            r.lagSeconds = static_cast<double>((sample * (i + 3)) % 40);
        r.openConnections = static_cast<std::uint32_t>(sample % 7 + i);
        r.responseTimeMs = 0.5 + i;
        t.nodes.push_back(r);
    }
    t.generation = sample;
    return t;
}

void checkDecision(const Classifier &classifier, const Session &session, std::uint32_t serverVersion,
                   std::string_view sql, const RouteDecision &d, const LexOptions &lexedWith)
{
    (void)session;
    (void)serverVersion;
    PacketInfo packet;
    classifier.classify(sql, lexedWith, packet);
    // The router classified the same text with the same options: the same statements.
    if (packet.statements.size() != d.statementCount)
        violation("statement count differs from an independent classification", sql, d);
    std::uint64_t flags = 0;
    bool anyPrimary = false;
    bool allSession = !packet.statements.empty();
    bool replicaOk = !packet.statements.empty();
    for (const StatementInfo &st : packet.statements) {
        flags |= st.flags;
        if (st.requirement == Requirement::Primary)
            anyPrimary = true;
        if (st.requirement != Requirement::All)
            allSession = false;
        switch (st.requirement) {
        case Requirement::Read:
        case Requirement::ReadPrevious:
        case Requirement::Transaction:
        case Requirement::Cursor:
        case Requirement::Execute:
        case Requirement::ServerSpecific:
            break;
        default:
            replicaOk = false;
        }
    }
    if (anyPrimary && d.target != Target::Primary)
        violation("a statement the classifier sends to the primary went elsewhere", sql, d);
    if ((flags & kWriteFlags) && d.target != Target::Primary)
        violation("a writing statement was not sent to the primary", sql, d);
    if (d.target == Target::Replica && !replicaOk)
        violation("a replica target for a statement that is not a read", sql, d);
    if (d.target == Target::All && !allSession && !(packet.statements.size() == 1
                                                     && packet.statements[0].requirement == Requirement::Execute))
        violation("an 'all' target for something that is not a session command", sql, d);
    if (d.target == Target::Replica && d.nodeName.empty())
        violation("a replica target without a node", sql, d);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    const std::uint8_t b0 = data[0];
    const std::uint8_t b1 = data[1];
    RouterConfig config;
    config.dialect = static_cast<Dialect>(b0 % 3);
    config.policy = static_cast<Policy>((b0 >> 2) % 4);
    switch ((b0 >> 4) % 6) {
    case 0: config.consistency = Consistency::eventual(); break;
    case 1: config.consistency = Consistency::strong(); break;
    case 2: config.consistency = Consistency::readYourWrites(); break;
    case 3: config.consistency = Consistency::sessionWindow(std::chrono::milliseconds(50)); break;
    case 4: config.consistency = Consistency::boundedStaleness(5); break;
    default: config.consistency = Consistency::eventual(); break;
    }
    if (b0 & 0x80) {
        config.lag.highSeconds = 10;
        config.lag.leaveAfter = 2;
        config.lag.returnAfter = 2;
    }
    switch (b1 % 5) {
    case 0: break;   // unknown version
    case 1: config.serverVersion = ServerVersion{8, 0, 36}; break;
    case 2: config.serverVersion = ServerVersion{5, 7, 44}; break;
    case 3: config.serverVersion = ServerVersion{10, 11, 6}; break;
    default: config.serverVersion = ServerVersion{11, 4, 2}; break;
    }
    config.primaryAcceptsReads = (b1 & 0x20) != 0;
    config.pinAfterCall = (b1 & 0x40) != 0;
    SessionOptions options;
    if (b1 & 0x08)
        options.sqlMode.reset();
    if (b1 & 0x10)
        options.standardConformingStrings.reset();
    if (b1 & 0x80)
        options.characterSet = "gbk";

    Router router(config);
    router.setTopology(topologyFor(static_cast<std::uint8_t>(b1 + 2), b0));
    Session session = router.newSession(options);
    const Classifier classifier(config.dialect);
    const std::uint32_t serverVersion = config.serverVersion ? config.serverVersion->number() : 0;
    auto now = Router::Clock::time_point() + std::chrono::seconds(1);

    std::string_view rest(reinterpret_cast<const char *>(data + 2), size - 2);
    int packets = 0;
    while (!rest.empty() && packets < 64) {
        std::size_t end = rest.find('\0');
        std::string_view packet = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        ++packets;
        now += std::chrono::milliseconds(packet.size() % 97);
        if (!packet.empty() && packet[0] == '\x01') {
            const std::uint8_t e = packet.size() > 1 ? static_cast<std::uint8_t>(packet[1]) : 0;
            switch (e % 4) {
            case 0:
                router.setTopology(topologyFor(static_cast<std::uint8_t>(b1 + 2), e));
                break;
            case 1: {
                auto pos = ReplicationPosition::parse(config.dialect, packet.substr(2));
                if (pos)
                    session.noteWritePosition(*pos);
                break;
            }
            case 2:
                session.reset();
                break;
            default:
                router.recordResponseTime("r1", std::chrono::microseconds(e * 37));
                break;
            }
            continue;
        }
        // Classify with the options in force before the statement, as the router does.
        const LexOptions lexedWith = session.lexOptions(serverVersion);
        const RouteDecision &d = router.route(session, packet, now);
        checkDecision(classifier, session, serverVersion, packet, d, lexedWith);
        // Explanations must render for every decision.
        for (const std::string &r : d.explain())
            if (r.empty())
                violation("an empty explanation", packet, d);
    }

    // The arithmetic on whatever the input holds.
    const std::string_view text(reinterpret_cast<const char *>(data + 2), size - 2);
    auto a = MySqlGtidSet::parse(text.substr(0, text.size() / 2));
    auto b = MySqlGtidSet::parse(text.substr(text.size() / 2));
    if (a && b) {
        const MySqlGtidSet u = a->unite(*b);
        if (!u.contains(*a) || !u.contains(*b))
            std::abort();
        const MySqlGtidSet diff = a->subtract(*b);
        if (!diff.intersect(*b).empty() || !a->contains(diff))
            std::abort();
        if (diff.unite(a->intersect(*b)) != *a)
            std::abort();
        auto again = MySqlGtidSet::parse(a->toString());
        if (!again || *again != *a)
            std::abort();
    }
    auto la = MariaDbGtidList::parse(text.substr(0, text.size() / 2));
    auto lb = MariaDbGtidList::parse(text.substr(text.size() / 2));
    if (la && lb) {
        const MariaDbGtidList u = la->unite(*lb);
        if (!u.contains(*la) || !u.contains(*lb))
            std::abort();
        auto again = MariaDbGtidList::parse(la->toString());
        if (!again || *again != *la)
            std::abort();
    }
    if (auto l = Lsn::parse(text)) {
        auto again = Lsn::parse(l->toString());
        if (!again || *again != *l)
            std::abort();
    }
    return 0;
}
