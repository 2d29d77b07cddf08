// switchyard-cli checksum / repair: find replica drift chunk by chunk, drill into the differing
// chunks row by row and print or apply repair statements (core/checksum.h does the work).
// PostgreSQL: physical standbys are byte-identical by design (said, not compared); two nodes
// (a logical-replication publisher and subscriber, two clusters) are compared with
// --compare-with PROFILE[:NODE]. Every run and every executed repair goes to the profile's
// event log, worded like the wizard's (ui/checksum_dialog.h).
// Exit status: 0 all match, 3 differences found (checksum; repair --print), 1 errors.
#include "cli_common.h"

#include "switchyard/core/checksum.h"
#include "switchyard/core/discovery.h"
#include "switchyard/ui/checksum_dialog.h"
#include "switchyard/ui/history_database.h"
#include "switchyard/ui/history_store.h"
#include "switchyard/ui/profile_store.h"
#include "switchyard/ui/tr.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace switchyard::cli {

using ui::Tr;
namespace cs = core::checksum;

namespace {

constexpr int ExitDifferences = 3;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QStringList splitList(const QString &value)
{
    QStringList out;
    for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << part.trimmed();
    return out;
}

std::vector<std::string> toStd(const QStringList &list)
{
    std::vector<std::string> out;
    for (const QString &s : list)
        out.push_back(s.toStdString());
    return out;
}

QString boundText(const std::vector<std::string> &v)
{
    if (v.empty())
        return QStringLiteral("-");
    QStringList parts;
    for (const std::string &s : v)
        parts << qs(s);
    return parts.join(QLatin1Char(','));
}

QJsonValue boundJson(const std::vector<std::string> &v)
{
    if (v.empty())
        return QJsonValue::Null;
    QJsonArray a;
    for (const std::string &s : v)
        a.append(qs(s));
    return a;
}

// Posts one entry to the profile's event log (the console's history file) and waits until it
// is written. A history that cannot be written is a warning on stderr, not a failed command.
template <typename F>
void recordEvent(const ui::Profile &profile, F &&record)
{
    ui::HistoryStore store(ui::HistoryDatabase::defaultPath(profile.name),
                           {profile.historyFullResolutionDays, profile.historyKeepDays});
    record(store);
    if (!store.waitForIdle(30000))
        std::fprintf(stderr, "switchyard-cli: warning: the event log %s was not written within 30 s\n",
                     store.path().toLocal8Bit().constData());
}

// A profile, its admin password and what discovery found with them.
struct Discovered
{
    ui::Profile profile;
    std::string password;
    core::ClusterSnapshot snapshot;
};

// Profile -> (engine check) -> admin password -> discovery. On failure prints why and sets *exitCode.
std::optional<Discovered> discoverAsAdmin(const QString &profileName, core::Engine engine, const QString &wrongEngine,
                                          int wrongEngineCode, int *exitCode)
{
    auto profile = loadProfileOrFail(profileName);
    if (!profile) {
        *exitCode = ExitFailure;
        return std::nullopt;
    }
    if (profile->engine != engine) {
        *exitCode = fail(wrongEngine, wrongEngineCode);
        return std::nullopt;
    }
    auto password = passwordFor(*profile, profile->adminUser);
    if (!password) {
        *exitCode = fail(password.error());
        return std::nullopt;
    }
    core::DiscoveryOptions dopt;
    dopt.confirmGap = std::chrono::milliseconds(0);
    core::ClusterSnapshot snapshot = core::discoverCluster(profile->discoverySeeds(profile->adminUser, *password), dopt);
    return Discovered{*profile, *password, std::move(snapshot)};
}

struct Cluster
{
    ui::Profile profile;
    std::string password;
    std::unique_ptr<core::Connection> primary;
    std::vector<cs::ReplicaTarget> replicas;
};

// Profile -> admin password -> discovery -> the primary's connection and the replicas to check.
std::optional<Cluster> openCluster(const QString &profileName, const QStringList &onlyReplicas, int *exitCode)
{
    auto found = discoverAsAdmin(profileName, core::Engine::MySQL,
                                 Tr::tr("repair runs on MariaDB/MySQL profiles; on PostgreSQL, checksum --compare-with "
                                        "lists the differing keys"),
                                 ExitFailure, exitCode);
    if (!found)
        return std::nullopt;
    const ui::Profile &profile = found->profile;
    const std::string &password = found->password;
    const core::ClusterSnapshot &snapshot = found->snapshot;
    const cs::Targets targets = cs::targetsFromSnapshot(snapshot);
    if (!targets.primary) {
        *exitCode = fail(Tr::tr("no reachable primary in profile \"%1\"").arg(profileName));
        return std::nullopt;
    }
    const auto optionsFor = [&](const core::NodeStatus &n) {
        ui::ProfileNode pn;
        pn.host = qs(n.host);
        pn.port = n.port;
        core::ConnectionOptions o = profile.connectionOptions(pn, profile.adminUser);
        o.password = password;
        o.nodeName = n.name;
        o.readTimeout = std::chrono::minutes(10);  // MASTER_GTID_WAIT and large chunks
        return o;
    };
    Cluster c;
    c.profile = profile;
    c.password = password;
    c.primary = core::createConnection(optionsFor(*targets.primary));
    if (auto st = c.primary->connect(); !st) {
        *exitCode = fail(st.error());
        return std::nullopt;
    }
    QStringList wanted = onlyReplicas;
    for (std::size_t i = 0; i < targets.replicas.size(); ++i) {
        const core::NodeStatus &n = *targets.replicas[i];
        const QString endpoint = qs(n.host) + QLatin1Char(':') + QString::number(n.port);
        if (!onlyReplicas.isEmpty() && !onlyReplicas.contains(qs(n.name)) && !onlyReplicas.contains(endpoint))
            continue;
        wanted.removeAll(qs(n.name));
        wanted.removeAll(endpoint);
        c.replicas.push_back({n.name, optionsFor(n), targets.cascaded[i]});
    }
    if (!wanted.isEmpty()) {
        *exitCode = fail(Tr::tr("no reachable replica named %1").arg(wanted.join(QStringLiteral(", "))), ExitUsage);
        return std::nullopt;
    }
    if (c.replicas.empty()) {
        *exitCode = fail(Tr::tr("no reachable replica to compare with"));
        return std::nullopt;
    }
    return c;
}

QJsonObject reportJson(const cs::ChecksumReport &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("primary"), qs(r.primary));
    QJsonArray reps;
    for (const std::string &n : r.replicas)
        reps.append(qs(n));
    o.insert(QStringLiteral("replicas"), reps);
    o.insert(QStringLiteral("rows"), static_cast<qint64>(r.rows));
    o.insert(QStringLiteral("seconds"), r.seconds);
    o.insert(QStringLiteral("throttled_seconds"), r.throttledSeconds);
    o.insert(QStringLiteral("cancelled"), r.cancelled);
    o.insert(QStringLiteral("differences"), r.anyDifference());
    o.insert(QStringLiteral("skipped_tables"), r.skippedTables());
    QJsonArray tables;
    for (const cs::TableResult &t : r.tables) {
        QJsonObject to;
        to.insert(QStringLiteral("database"), qs(t.database));
        to.insert(QStringLiteral("table"), qs(t.table));
        to.insert(QStringLiteral("key"), qs(t.keyName));
        if (!t.skipReason.empty())
            to.insert(QStringLiteral("skipped"), qs(t.skipReason));
        to.insert(QStringLiteral("rows"), static_cast<qint64>(t.rows));
        to.insert(QStringLiteral("seconds"), t.seconds);
        to.insert(QStringLiteral("resumed_at_chunk"), t.resumedAtChunk);
        QJsonArray chunks;
        for (const cs::ChunkResult &c : t.chunks) {
            QJsonObject co;
            co.insert(QStringLiteral("chunk"), c.chunk);
            co.insert(QStringLiteral("lower"), boundJson(c.bounds.lower));
            co.insert(QStringLiteral("lower_inclusive"), c.bounds.lowerInclusive);
            co.insert(QStringLiteral("upper"), boundJson(c.bounds.upper));
            co.insert(QStringLiteral("rows"), static_cast<qint64>(c.primaryRows));
            co.insert(QStringLiteral("crc"), qs(c.primaryCrc));
            co.insert(QStringLiteral("seconds"), c.seconds);
            QJsonArray per;
            for (std::size_t i = 0; i < c.replicaState.size(); ++i) {
                QJsonObject ro;
                ro.insert(QStringLiteral("replica"), qs(r.replicas[i]));
                ro.insert(QStringLiteral("state"), c.replicaState[i] == cs::ChunkState::Match     ? QStringLiteral("match")
                                                   : c.replicaState[i] == cs::ChunkState::Differs ? QStringLiteral("differs")
                                                                                                   : QStringLiteral("pending"));
                ro.insert(QStringLiteral("rows"), static_cast<qint64>(c.replicaRows[i]));
                ro.insert(QStringLiteral("crc"), qs(c.replicaCrc[i]));
                per.append(ro);
            }
            co.insert(QStringLiteral("replicas"), per);
            chunks.append(co);
        }
        to.insert(QStringLiteral("chunks"), chunks);
        tables.append(to);
    }
    o.insert(QStringLiteral("tables"), tables);
    return o;
}

void printReport(const cs::ChecksumReport &r)
{
    printLine(Tr::tr("Primary %1; replicas %2").arg(qs(r.primary), qs([&] {
        std::string s;
        for (const std::string &n : r.replicas)
            s += (s.empty() ? "" : ", ") + n;
        return s;
    }())));
    std::printf("%-40s %10s %7s %6s %8s\n", "TABLE", "ROWS", "CHUNKS", "DIFFS", "TIME");
    for (const cs::TableResult &t : r.tables) {
        if (!t.skipReason.empty())
            continue;
        int diffs = 0;
        for (const cs::ChunkResult &c : t.chunks) {
            for (cs::ChunkState s : c.replicaState)
                diffs += s == cs::ChunkState::Differs ? 1 : 0;
        }
        std::printf("%-40s %10llu %7zu %6d %8.2f\n", (t.database + "." + t.table).c_str(),
                    static_cast<unsigned long long>(t.rows), t.chunks.size(), diffs, t.seconds);
    }
    bool header = false;
    for (const cs::TableResult &t : r.tables) {
        for (const cs::ChunkResult &c : t.chunks) {
            for (std::size_t i = 0; i < c.replicaState.size(); ++i) {
                if (c.replicaState[i] != cs::ChunkState::Differs)
                    continue;
                if (!header)
                    printLine(Tr::tr("\nDifferences:"));
                header = true;
                printLine(Tr::tr("  %1.%2 chunk %3 on %4: %5 %6 %7 .. %8; primary %9 rows, replica %10 rows")
                              .arg(qs(t.database), qs(t.table))
                              .arg(c.chunk)
                              .arg(qs(r.replicas[i]), qs(t.keyName), c.bounds.lowerInclusive ? QStringLiteral("[") : QStringLiteral("("),
                                   boundText(c.bounds.lower), boundText(c.bounds.upper))
                              .arg(c.primaryRows)
                              .arg(c.replicaRows[i]));
            }
        }
    }
    if (r.skippedTables() > 0) {
        printLine(Tr::tr("\nSKIPPED - NOT CHECKED (%1 tables):").arg(r.skippedTables()));
        for (const cs::TableResult &t : r.tables) {
            if (!t.skipReason.empty())
                printLine(QStringLiteral("  %1.%2: %3").arg(qs(t.database), qs(t.table), qs(t.skipReason)));
        }
    }
    printLine(Tr::tr("\n%1 rows in %2 s (%3 rows/s)%4")
                  .arg(r.rows)
                  .arg(r.seconds, 0, 'f', 2)
                  .arg(r.seconds > 0 ? static_cast<double>(r.rows) / r.seconds : 0.0, 0, 'f', 0)
                  .arg(r.cancelled ? Tr::tr("; cancelled, --resume continues") : QString()));
}

void addCommonOptions(QCommandLineParser &parser, QList<QCommandLineOption> &opts)
{
    opts << QCommandLineOption(QStringLiteral("profile"), Tr::tr("Saved profile to use."), QStringLiteral("name"))
         << QCommandLineOption(QStringLiteral("hash"), Tr::tr("Row hash: crc32 (default, like pt-table-checksum) or md5."),
                               QStringLiteral("function"), QStringLiteral("crc32"))
         << QCommandLineOption(QStringLiteral("float-precision"), Tr::tr("Round FLOAT/DOUBLE to N decimals before hashing."),
                               QStringLiteral("N"))
         << QCommandLineOption(QStringLiteral("chunk-time"), Tr::tr("Target seconds per chunk (default 0.5; a chunk never holds more than a tenth of its table, unless that is under 10,000 rows)."),
                               QStringLiteral("seconds"), QStringLiteral("0.5"))
         << QCommandLineOption(QStringLiteral("max-lag"), Tr::tr("Pause while a replica lags more (default 1 s)."),
                               QStringLiteral("seconds"), QStringLiteral("1"))
         << QCommandLineOption(QStringLiteral("max-threads-running"),
                               Tr::tr("Pause while the primary's Threads_running is higher (default 25)."),
                               QStringLiteral("n"), QStringLiteral("25"))
         << QCommandLineOption(QStringLiteral("json"), Tr::tr("Print JSON."));
    parser.addOptions(opts);
}

bool readCommon(const QCommandLineParser &parser, cs::ChecksumOptions &o, int *exitCode)
{
    const auto hash = cs::parseHashFunction(parser.value(QStringLiteral("hash")).toStdString());
    if (!hash) {
        *exitCode = fail(Tr::tr("--hash takes crc32 or md5"), ExitUsage);
        return false;
    }
    o.rowHash.hash = *hash;
    if (parser.isSet(QStringLiteral("float-precision"))) {
        bool ok = false;
        const int n = parser.value(QStringLiteral("float-precision")).toInt(&ok);
        if (!ok || n < 0 || n > 30) {
            *exitCode = fail(Tr::tr("--float-precision takes 0 to 30"), ExitUsage);
            return false;
        }
        o.rowHash.floatPrecision = n;
    }
    bool ok1 = false, ok2 = false, ok3 = false;
    o.chunkSeconds = parser.value(QStringLiteral("chunk-time")).toDouble(&ok1);
    o.maxLagSeconds = parser.value(QStringLiteral("max-lag")).toDouble(&ok2);
    o.maxThreadsRunning = parser.value(QStringLiteral("max-threads-running")).toInt(&ok3);
    if (!ok1 || !ok2 || !ok3 || o.chunkSeconds < 0 || o.maxLagSeconds < 0) {
        *exitCode = fail(Tr::tr("--chunk-time, --max-lag and --max-threads-running take non-negative numbers"), ExitUsage);
        return false;
    }
    if (!parser.isSet(QStringLiteral("profile"))) {
        *exitCode = fail(Tr::tr("--profile NAME is required"), ExitUsage);
        return false;
    }
    return true;
}

// Prints one repair plan (or adds it to the JSON output), then runs it on `node` with --execute.
Status showAndApplyRepair(const ui::Profile &profile, const cs::RepairPlan &plan, const QString &target,
                          const QString &heading, bool json, bool execute, core::Connection &node, QJsonArray &jsonPlans)
{
    if (json) {
        QJsonObject p;
        p.insert(QStringLiteral("node"), qs(plan.node));
        p.insert(QStringLiteral("target"), target);
        QJsonArray statements;
        for (const auto &st : plan.sessionSetup)
            statements.append(qs(st));
        for (const auto &st : plan.statements)
            statements.append(qs(st));
        p.insert(QStringLiteral("statements"), statements);
        jsonPlans.append(p);
    } else {
        for (const auto &w : plan.warnings)
            printLine(QStringLiteral("-- WARNING: ") + qs(w));
        printLine(heading);
        for (const auto &st : plan.sessionSetup)
            printLine(qs(st) + QLatin1Char(';'));
        for (const auto &st : plan.statements)
            printLine(qs(st) + QLatin1Char(';'));
    }
    if (!execute)
        return okStatus();
    auto applied = cs::applyRepair(node, plan);
    recordEvent(profile, [&](ui::HistoryStore &s) {
        ui::recordChecksumRepair(s, plan,
                                 applied ? Tr::tr("applied (%1 rows)").arg(*applied) : qs(applied.error().describe()),
                                 applied.ok());
    });
    if (!applied)
        return applied.error();
    return okStatus();
}

// --- PostgreSQL ---------------------------------------------------------------------------------

using PgCluster = Discovered;

std::optional<PgCluster> discoverPg(const QString &profileName, int *exitCode)
{
    return discoverAsAdmin(profileName, core::Engine::PostgreSQL,
                           Tr::tr("profile \"%1\" is not a PostgreSQL profile").arg(profileName), ExitUsage, exitCode);
}

// The node NODE (name or host:port) of a discovered cluster, or its primary when NODE is empty;
// admin options labelled "PROFILE/NODE" (both sides may have a "pg1").
std::optional<core::ConnectionOptions> pgNodeOptions(const PgCluster &c, const QString &node, const QString &database,
                                                     int *exitCode)
{
    const core::NodeStatus *found = nullptr;
    for (const core::NodeStatus &n : c.snapshot.nodes) {
        const QString endpoint = qs(n.host) + QLatin1Char(':') + QString::number(n.port);
        if (node.isEmpty() ? n.role == core::NodeRole::Primary && n.reachability == core::Reachability::Reachable
                           : qs(n.name) == node || endpoint == node) {
            found = &n;
            break;
        }
    }
    if (!found) {
        *exitCode = node.isEmpty() ? fail(Tr::tr("no reachable primary in profile \"%1\"").arg(c.profile.name))
                                   : fail(Tr::tr("no node named %1 in profile \"%2\"").arg(node, c.profile.name), ExitUsage);
        return std::nullopt;
    }
    ui::ProfileNode pn;
    pn.host = qs(found->host);
    pn.port = found->port;
    core::ConnectionOptions o = c.profile.connectionOptions(pn, c.profile.adminUser);
    o.password = c.password;
    o.nodeName = c.profile.name.toStdString() + "/" + found->name;
    o.readTimeout = std::chrono::minutes(10);  // one chunk of a large table
    if (!database.isEmpty())
        o.database = database.toStdString();
    return o;
}

// "PROFILE" or "PROFILE:NODE" (NODE may be host:port).
std::pair<QString, QString> splitProfileNode(const QString &text)
{
    const auto colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return {text, QString()};
    return {text.left(colon), text.mid(colon + 1)};
}

QJsonObject pgTableJson(const QString &database, const cs::PgTableResult &t)
{
    QJsonObject to;
    to.insert(QStringLiteral("database"), database);
    to.insert(QStringLiteral("schema"), qs(t.schema));
    to.insert(QStringLiteral("table"), qs(t.table));
    to.insert(QStringLiteral("key"), boundJson(t.keyColumns));
    if (!t.skipReason.empty())
        to.insert(QStringLiteral("skipped"), qs(t.skipReason));
    if (t.missingOnA || t.missingOnB)
        to.insert(QStringLiteral("missing_on"), t.missingOnA ? QStringLiteral("a") : QStringLiteral("b"));
    to.insert(QStringLiteral("rows_a"), static_cast<qint64>(t.rowsA));
    to.insert(QStringLiteral("rows_b"), static_cast<qint64>(t.rowsB));
    to.insert(QStringLiteral("chunks"), t.chunks);
    to.insert(QStringLiteral("differs"), t.differs());
    QJsonArray chunks;
    for (const cs::PgChunkDiff &d : t.differingChunks) {
        QJsonObject co;
        co.insert(QStringLiteral("lower"), boundJson(d.bounds.lower));
        co.insert(QStringLiteral("lower_inclusive"), d.bounds.lowerInclusive);
        co.insert(QStringLiteral("upper"), boundJson(d.bounds.upper));
        co.insert(QStringLiteral("rows_a"), static_cast<qint64>(d.rowsA));
        co.insert(QStringLiteral("rows_b"), static_cast<qint64>(d.rowsB));
        chunks.append(co);
    }
    to.insert(QStringLiteral("differing_chunks"), chunks);
    QJsonArray rows;
    for (const cs::RowDiff &d : t.rowDiffs) {
        QJsonObject ro;
        ro.insert(QStringLiteral("kind"), QString::fromLatin1(cs::rowDiffKindName(d.kind).data()));
        ro.insert(QStringLiteral("key"), boundJson(d.key));
        rows.append(ro);
    }
    to.insert(QStringLiteral("rows"), rows);
    to.insert(QStringLiteral("rows_truncated"), t.rowDiffsTruncated);
    return to;
}

void printPgReport(const QString &database, const cs::PgCompareReport &r)
{
    printLine(Tr::tr("Database %1: %2 (a) against %3 (b)").arg(database, qs(r.a), qs(r.b)));
    std::printf("%-40s %10s %10s %7s %6s\n", "TABLE", "ROWS A", "ROWS B", "CHUNKS", "DIFFS");
    for (const cs::PgTableResult &t : r.tables) {
        if (!t.skipReason.empty())
            continue;
        std::printf("%-40s %10llu %10llu %7d %6zu%s\n", (t.schema + "." + t.table).c_str(),
                    static_cast<unsigned long long>(t.rowsA), static_cast<unsigned long long>(t.rowsB), t.chunks,
                    t.differingChunks.size(), t.missingOnA ? "  only on b" : t.missingOnB ? "  only on a" : "");
    }
    bool header = false;
    for (const cs::PgTableResult &t : r.tables) {
        if (!t.differs())
            continue;
        if (!header)
            printLine(Tr::tr("\nDifferences:"));
        header = true;
        if (t.missingOnA || t.missingOnB) {
            printLine(Tr::tr("  %1.%2 exists only on %3").arg(qs(t.schema), qs(t.table), qs(t.missingOnA ? r.b : r.a)));
            continue;
        }
        const QString key = boundText(t.keyColumns);
        for (const cs::PgChunkDiff &d : t.differingChunks)
            printLine(Tr::tr("  %1.%2 chunk (%3) %4 .. %5: a %6 rows, b %7 rows")
                          .arg(qs(t.schema), qs(t.table), key,
                               d.bounds.lower.empty() ? Tr::tr("[start") : QLatin1Char('(') + boundText(d.bounds.lower),
                               d.bounds.upper.empty() ? Tr::tr("end]") : boundText(d.bounds.upper) + QLatin1Char(']'))
                          .arg(d.rowsA)
                          .arg(d.rowsB));
        for (const cs::RowDiff &d : t.rowDiffs) {
            const QString kind = d.kind == cs::RowDiffKind::Missing ? Tr::tr("only on a")
                                 : d.kind == cs::RowDiffKind::Extra ? Tr::tr("only on b")
                                                                    : Tr::tr("differs");
            printLine(QStringLiteral("    %1 = %2: %3").arg(key, boundText(d.key), kind));
        }
        if (t.rowDiffsTruncated)
            printLine(Tr::tr("    ... more differing rows (the first %1 are listed)").arg(t.rowDiffs.size()));
    }
    if (r.skippedTables() > 0) {
        printLine(Tr::tr("\nSKIPPED - NOT CHECKED (%1 tables):").arg(r.skippedTables()));
        for (const cs::PgTableResult &t : r.tables) {
            if (!t.skipReason.empty())
                printLine(QStringLiteral("  %1.%2: %3").arg(qs(t.schema), qs(t.table), qs(t.skipReason)));
        }
    }
    printLine(Tr::tr("\n%1 rows in %2 s").arg(r.rows).arg(r.seconds, 0, 'f', 2));
}

// `checksum` on a PostgreSQL profile.
int runPgChecksum(const QCommandLineParser &parser)
{
    const bool json = parser.isSet(QStringLiteral("json"));
    if (parser.isSet(QStringLiteral("node")) && !parser.isSet(QStringLiteral("compare-with")))
        return fail(Tr::tr("--node names side A of a comparison: give --compare-with PROFILE[:NODE] too"), ExitUsage);
    int code = ExitFailure;
    auto self = discoverPg(parser.value(QStringLiteral("profile")), &code);
    if (!self)
        return code;
    if (!parser.isSet(QStringLiteral("compare-with"))) {
        // Nothing to compare: a physical standby is a byte-for-byte copy of its primary.
        QStringList standbys;
        QJsonArray standbysJson;
        for (const core::NodeStatus &n : self->snapshot.nodes) {
            if (n.role == core::NodeRole::Replica) {
                standbys << qs(n.name);
                standbysJson.append(qs(n.name));
            }
        }
        const QString advice =
            Tr::tr("PostgreSQL physical standbys replay their primary's WAL and are byte-identical by design: there are "
                   "no rows to compare. If a standby is suspected of corruption, rebuild it from the "
                   "primary with pg_basebackup. To compare a logical-replication subscriber or another cluster, "
                   "give --compare-with PROFILE[:NODE].");
        if (json) {
            QJsonObject o;
            o.insert(QStringLiteral("engine"), QStringLiteral("postgresql"));
            o.insert(QStringLiteral("physical_standbys"), standbysJson);
            o.insert(QStringLiteral("byte_identical_by_design"), true);
            o.insert(QStringLiteral("advice"), advice);
            printJson(QJsonDocument(o));
        } else {
            printLine(standbys.isEmpty() ? Tr::tr("Profile \"%1\": no standby found.").arg(self->profile.name)
                                         : Tr::tr("Profile \"%1\": standbys %2.").arg(self->profile.name, standbys.join(QStringLiteral(", "))));
            printLine(advice);
        }
        return ExitOk;
    }
    const auto [otherProfile, otherNode] = splitProfileNode(parser.value(QStringLiteral("compare-with")));
    if (otherProfile.isEmpty())
        return fail(Tr::tr("--compare-with takes PROFILE or PROFILE:NODE"), ExitUsage);
    std::optional<PgCluster> other;
    if (otherProfile == self->profile.name)
        other = self;
    else if (other = discoverPg(otherProfile, &code); !other)
        return code;
    bool okRows = false;
    const qulonglong chunkRows = parser.value(QStringLiteral("chunk-rows")).toULongLong(&okRows);
    if (!okRows || chunkRows == 0)
        return fail(Tr::tr("--chunk-rows takes a positive number"), ExitUsage);
    cs::PgCompareOptions o;
    o.chunkRows = chunkRows;
    o.tables = toStd(splitList(parser.value(QStringLiteral("tables"))));
    QStringList databases = splitList(parser.value(QStringLiteral("databases")));
    if (databases.isEmpty())
        databases << QString();  // the profile's own database

    QJsonArray tablesJson;
    bool differences = false;
    int skipped = 0;
    std::uint64_t rows = 0;
    double seconds = 0;
    QString labelA, labelB;
    for (const QString &database : databases) {
        auto oa = pgNodeOptions(*self, parser.value(QStringLiteral("node")), database, &code);
        if (!oa)
            return code;
        auto ob = pgNodeOptions(*other, otherNode, database, &code);
        if (!ob)
            return code;
        const QString dbName = qs(oa->database.empty() ? std::string("postgres") : oa->database);
        labelA = qs(oa->label());
        labelB = qs(ob->label());
        auto a = core::createConnection(*oa);
        auto b = core::createConnection(*ob);
        auto report = cs::comparePostgres(*a, *b, o);
        if (!report) {
            recordEvent(self->profile, [&](ui::HistoryStore &s) { ui::recordChecksumFailure(s, report.error()); });
            return fail(report.error());
        }
        recordEvent(self->profile, [&](ui::HistoryStore &s) { ui::recordPgCompare(s, *report, dbName); });
        differences = differences || report->anyDifference();
        skipped += report->skippedTables();
        rows += report->rows;
        seconds += report->seconds;
        if (json) {
            for (const cs::PgTableResult &t : report->tables)
                tablesJson.append(pgTableJson(dbName, t));
        } else {
            printPgReport(dbName, *report);
        }
    }
    if (json) {
        QJsonObject out;
        out.insert(QStringLiteral("engine"), QStringLiteral("postgresql"));
        out.insert(QStringLiteral("a"), labelA);
        out.insert(QStringLiteral("b"), labelB);
        out.insert(QStringLiteral("rows"), static_cast<qint64>(rows));
        out.insert(QStringLiteral("seconds"), seconds);
        out.insert(QStringLiteral("differences"), differences);
        out.insert(QStringLiteral("skipped_tables"), skipped);
        out.insert(QStringLiteral("tables"), tablesJson);
        printJson(QJsonDocument(out));
    }
    return differences ? ExitDifferences : ExitOk;
}

} // namespace

int runChecksum(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("MariaDB/MySQL: checksum tables chunk by chunk on the primary and every replica (each replica computes "
               "its own at the same point of the replication stream; cascaded replicas are computed on the replica) and "
               "report the chunks that differ.\n"
               "PostgreSQL: physical standbys are byte-identical by design (said, not compared; rebuild a suspect one); "
               "--compare-with PROFILE[:NODE] compares the profile's primary (or --node) with another node - a "
               "logical-replication subscriber or another cluster - chunk by chunk from REPEATABLE READ snapshots, down "
               "to the differing keys. --databases, --tables SCHEMA.T, --chunk-rows and --json apply.\n"
               "Every run is recorded in the profile's event log. Exit status 0: all match; 3: differences; 1: errors."));
    QList<QCommandLineOption> opts;
    opts << QCommandLineOption(QStringLiteral("databases"), Tr::tr("Only these databases (comma-separated)."), QStringLiteral("D,..."))
         << QCommandLineOption(QStringLiteral("tables"), Tr::tr("Only these tables, DB.T (comma-separated)."), QStringLiteral("DB.T,..."))
         << QCommandLineOption(QStringLiteral("replicas"), Tr::tr("Only these replicas, by name or host:port."), QStringLiteral("NAME,..."))
         << QCommandLineOption(QStringLiteral("resume"), Tr::tr("Continue the last (interrupted) run from its last finished chunk."))
         << QCommandLineOption(QStringLiteral("compare-with"),
                               Tr::tr("PostgreSQL: compare with this profile's primary, or its node NODE (name or host:port)."),
                               QStringLiteral("PROFILE[:NODE]"))
         << QCommandLineOption(QStringLiteral("node"), Tr::tr("PostgreSQL: this node of --profile instead of its primary."),
                               QStringLiteral("NODE"))
         << QCommandLineOption(QStringLiteral("chunk-rows"), Tr::tr("PostgreSQL: rows per chunk (default 20000)."),
                               QStringLiteral("n"), QStringLiteral("20000"));
    addCommonOptions(parser, opts);
    if (int code = parseOrExit(parser, args); code >= 0)
        return code;
    cs::ChecksumOptions o;
    int code = ExitFailure;
    if (!readCommon(parser, o, &code))
        return code;
    {
        // The engine decides what a checksum means; a profile that does not load fails below.
        QString problem;
        const auto profile = ui::ProfileStore().load(parser.value(QStringLiteral("profile")), &problem);
        if (profile && profile->engine == core::Engine::PostgreSQL)
            return runPgChecksum(parser);
    }
    if (parser.isSet(QStringLiteral("compare-with")) || parser.isSet(QStringLiteral("node")))
        return fail(Tr::tr("--compare-with and --node apply to PostgreSQL profiles"), ExitUsage);
    o.databases = toStd(splitList(parser.value(QStringLiteral("databases"))));
    o.tables = toStd(splitList(parser.value(QStringLiteral("tables"))));
    o.resume = parser.isSet(QStringLiteral("resume"));
    auto cluster = openCluster(parser.value(QStringLiteral("profile")), splitList(parser.value(QStringLiteral("replicas"))), &code);
    if (!cluster)
        return code;
    auto report = cs::runChecksum(*cluster->primary, cluster->replicas, o);
    if (!report) {
        recordEvent(cluster->profile, [&](ui::HistoryStore &s) { ui::recordChecksumFailure(s, report.error()); });
        return fail(report.error());
    }
    recordEvent(cluster->profile, [&](ui::HistoryStore &s) { ui::recordChecksumRun(s, *report); });
    if (parser.isSet(QStringLiteral("json")))
        printJson(QJsonDocument(reportJson(*report)));
    else
        printReport(*report);
    return report->anyDifference() ? ExitDifferences : ExitOk;
}

int runRepair(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Checksum one table, find the differing rows of each differing chunk and print (--print, the default) "
               "or run (--execute) the repair statements, then re-verify. By default they run on the primary with "
               "statement-based logging and replicate to EVERY replica (like pt-table-sync --replicate); "
               "--on-replica runs them on the replica alone with binary logging off."));
    QList<QCommandLineOption> opts;
    opts << QCommandLineOption(QStringLiteral("table"), Tr::tr("The table, DB.T."), QStringLiteral("DB.T"))
         << QCommandLineOption(QStringLiteral("replica"), Tr::tr("Only this replica."), QStringLiteral("NAME"))
         << QCommandLineOption(QStringLiteral("print"), Tr::tr("Print the statements (default)."))
         << QCommandLineOption(QStringLiteral("execute"), Tr::tr("Run the statements, then re-verify the chunks."))
         << QCommandLineOption(QStringLiteral("on-replica"), Tr::tr("Run on the replica alone with sql_log_bin=0."));
    addCommonOptions(parser, opts);
    if (int code = parseOrExit(parser, args); code >= 0)
        return code;
    cs::ChecksumOptions o;
    int code = ExitFailure;
    if (!readCommon(parser, o, &code))
        return code;
    const QString table = parser.value(QStringLiteral("table"));
    const auto dot = table.indexOf(QLatin1Char('.'));
    if (dot <= 0)
        return fail(Tr::tr("--table DB.T is required"), ExitUsage);
    if (parser.isSet(QStringLiteral("print")) && parser.isSet(QStringLiteral("execute")))
        return fail(Tr::tr("give --print or --execute, not both"), ExitUsage);
    const bool execute = parser.isSet(QStringLiteral("execute"));
    const bool onReplica = parser.isSet(QStringLiteral("on-replica"));
    o.tables = {table.toStdString()};
    QStringList only;
    if (parser.isSet(QStringLiteral("replica")))
        only << parser.value(QStringLiteral("replica"));
    auto cluster = openCluster(parser.value(QStringLiteral("profile")), only, &code);
    if (!cluster)
        return code;
    auto report = cs::runChecksum(*cluster->primary, cluster->replicas, o);
    if (!report)
        return fail(report.error());
    if (report->tables.empty())
        return fail(Tr::tr("table %1 not found on the primary").arg(table));
    const cs::TableResult &tr = report->tables.front();
    if (!tr.skipReason.empty())
        return fail(Tr::tr("%1 is skipped: %2").arg(table, qs(tr.skipReason)));
    auto info = cs::loadTable(*cluster->primary, tr.database, tr.table);
    if (!info)
        return fail(info.error());

    const bool json = parser.isSet(QStringLiteral("json"));
    QJsonArray jsonPlans;
    std::vector<cs::RowDiff> allDiffs;  // for one plan on the primary
    bool anyCascaded = false;
    bool remaining = false;
    struct Pending
    {
        std::size_t replica;
        cs::ChunkBounds bounds;
    };
    std::vector<Pending> toVerify;
    for (std::size_t i = 0; i < cluster->replicas.size(); ++i) {
        auto rc = core::createConnection(cluster->replicas[i].options);
        if (auto st = rc->connect(); !st)
            return fail(st.error());
        std::vector<cs::RowDiff> diffs;
        for (const cs::ChunkResult &c : tr.chunks) {
            if (c.replicaState[i] != cs::ChunkState::Differs)
                continue;
            toVerify.push_back({i, c.bounds});
            auto d = cs::diffChunkRows(*cluster->primary, *rc, *info, c.bounds, o.rowHash);
            if (!d)
                return fail(d.error());
            for (const cs::RowDiff &rd : *d) {
                if (!json) {
                    QStringList key;
                    for (const std::string &k : rd.key)
                        key << qs(k);
                    printLine(QStringLiteral("-- %1 on %2: %3 (%4)")
                                  .arg(QString::fromLatin1(cs::rowDiffKindName(rd.kind).data()), qs(cluster->replicas[i].name),
                                       key.join(QLatin1Char(',')), qs(info->keyName)));
                }
            }
            diffs.insert(diffs.end(), d->begin(), d->end());
        }
        if (diffs.empty())
            continue;
        if (onReplica) {
            const cs::RepairPlan plan = cs::planRepair(*info, diffs, cs::RepairTarget::Replica, cluster->replicas[i].name);
            const Status done = showAndApplyRepair(cluster->profile, plan, QStringLiteral("replica"),
                                                   Tr::tr("-- on %1 (binary logging off):").arg(qs(plan.node)), json,
                                                   execute, *rc, jsonPlans);
            if (!done)
                return fail(done.error());
        } else {
            anyCascaded = anyCascaded || cluster->replicas[i].cascaded;
            allDiffs.insert(allDiffs.end(), diffs.begin(), diffs.end());
        }
    }
    if (!onReplica && !allDiffs.empty()) {
        const cs::RepairPlan plan =
            cs::planRepair(*info, allDiffs, cs::RepairTarget::Primary, report->primary, anyCascaded);
        const Status done = showAndApplyRepair(
            cluster->profile, plan, QStringLiteral("primary"),
            Tr::tr("-- on the primary %1 (replicates to every replica):").arg(qs(plan.node)), json, execute,
            *cluster->primary, jsonPlans);
        if (!done)
            return fail(done.error());
    }
    QJsonArray verified;
    if (execute) {
        // Re-verify every chunk that differed, directly against the primary.
        std::vector<std::unique_ptr<core::Connection>> conns;
        for (const cs::ReplicaTarget &t : cluster->replicas) {
            conns.push_back(core::createConnection(t.options));
            if (auto st = conns.back()->connect(); !st)
                return fail(st.error());
        }
        for (const Pending &p : toVerify) {
            auto d = cs::compareChunkDirect(*cluster->primary, *conns[p.replica], *info, o.rowHash, p.bounds);
            if (!d)
                return fail(d.error());
            remaining = remaining || !d->match();
            QJsonObject v;
            v.insert(QStringLiteral("replica"), qs(cluster->replicas[p.replica].name));
            v.insert(QStringLiteral("lower"), boundJson(p.bounds.lower));
            v.insert(QStringLiteral("upper"), boundJson(p.bounds.upper));
            v.insert(QStringLiteral("match"), d->match());
            verified.append(v);
            if (!json)
                printLine(Tr::tr("-- re-verified %1 on %2, %3 .. %4: %5")
                              .arg(table, qs(cluster->replicas[p.replica].name), boundText(p.bounds.lower),
                                   boundText(p.bounds.upper), d->match() ? Tr::tr("match") : Tr::tr("STILL DIFFERS")));
        }
    }
    if (json) {
        QJsonObject out;
        out.insert(QStringLiteral("table"), table);
        out.insert(QStringLiteral("plans"), jsonPlans);
        out.insert(QStringLiteral("executed"), execute);
        out.insert(QStringLiteral("verified"), verified);
        printJson(QJsonDocument(out));
    } else if (toVerify.empty()) {
        printLine(Tr::tr("-- %1: no differences").arg(table));
    }
    if (execute)
        return remaining ? ExitDifferences : ExitOk;
    return toVerify.empty() ? ExitOk : ExitDifferences;
}

} // namespace switchyard::cli
