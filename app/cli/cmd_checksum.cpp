// switchyard-cli checksum / repair: find replica drift chunk by chunk, drill into the differing
// chunks row by row and print or apply repair statements (core/checksum.h does the work).
// Exit status: 0 all match, 3 differences found (checksum; repair --print), 1 errors.
#include "cli_common.h"

#include "switchyard/core/checksum.h"
#include "switchyard/core/discovery.h"
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
    auto profile = loadProfileOrFail(profileName);
    if (!profile) {
        *exitCode = ExitFailure;
        return std::nullopt;
    }
    if (profile->engine != core::Engine::MySQL) {
        *exitCode = fail(Tr::tr("checksum and repair run on MariaDB/MySQL profiles; PostgreSQL node pairs are compared "
                                "from the console"));
        return std::nullopt;
    }
    auto password = passwordFor(*profile, profile->adminUser);
    if (!password) {
        *exitCode = fail(password.error());
        return std::nullopt;
    }
    std::vector<core::DiscoverySeed> seeds;
    for (const ui::ProfileNode &n : profile->seeds) {
        core::DiscoverySeed seed;
        seed.name = n.label().toStdString();
        seed.options = profile->connectionOptions(n, profile->adminUser);
        seed.options.password = *password;
        seeds.push_back(std::move(seed));
    }
    core::DiscoveryOptions dopt;
    dopt.confirmGap = std::chrono::milliseconds(0);
    const core::ClusterSnapshot snapshot = core::discoverCluster(seeds, dopt);
    const cs::Targets targets = cs::targetsFromSnapshot(snapshot);
    if (!targets.primary) {
        *exitCode = fail(Tr::tr("no reachable primary in profile \"%1\"").arg(profileName));
        return std::nullopt;
    }
    const auto optionsFor = [&](const core::NodeStatus &n) {
        ui::ProfileNode pn;
        pn.host = qs(n.host);
        pn.port = n.port;
        core::ConnectionOptions o = profile->connectionOptions(pn, profile->adminUser);
        o.password = *password;
        o.nodeName = n.name;
        o.readTimeout = std::chrono::minutes(10);  // MASTER_GTID_WAIT and large chunks
        return o;
    };
    Cluster c;
    c.profile = *profile;
    c.password = *password;
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
         << QCommandLineOption(QStringLiteral("chunk-time"), Tr::tr("Target seconds per chunk (default 0.5)."),
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
Status showAndApplyRepair(const cs::RepairPlan &plan, const QString &target, const QString &heading, bool json,
                          bool execute, core::Connection &node, QJsonArray &jsonPlans)
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
    if (!applied)
        return applied.error();
    return okStatus();
}

} // namespace

int runChecksum(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Checksum tables chunk by chunk on the primary and every replica (each replica computes its own at the "
               "same point of the replication stream; cascaded replicas are computed on the replica) and report the "
               "chunks that differ. Exit status 0: all match; 3: differences; 1: errors."));
    QList<QCommandLineOption> opts;
    opts << QCommandLineOption(QStringLiteral("databases"), Tr::tr("Only these databases (comma-separated)."), QStringLiteral("D,..."))
         << QCommandLineOption(QStringLiteral("tables"), Tr::tr("Only these tables, DB.T (comma-separated)."), QStringLiteral("DB.T,..."))
         << QCommandLineOption(QStringLiteral("replicas"), Tr::tr("Only these replicas, by name or host:port."), QStringLiteral("NAME,..."))
         << QCommandLineOption(QStringLiteral("resume"), Tr::tr("Continue the last (interrupted) run from its last finished chunk."));
    addCommonOptions(parser, opts);
    if (int code = parseOrExit(parser, args); code >= 0)
        return code;
    cs::ChecksumOptions o;
    int code = ExitFailure;
    if (!readCommon(parser, o, &code))
        return code;
    o.databases = toStd(splitList(parser.value(QStringLiteral("databases"))));
    o.tables = toStd(splitList(parser.value(QStringLiteral("tables"))));
    o.resume = parser.isSet(QStringLiteral("resume"));
    auto cluster = openCluster(parser.value(QStringLiteral("profile")), splitList(parser.value(QStringLiteral("replicas"))), &code);
    if (!cluster)
        return code;
    auto report = cs::runChecksum(*cluster->primary, cluster->replicas, o);
    if (!report)
        return fail(report.error());
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
            const Status done = showAndApplyRepair(plan, QStringLiteral("replica"),
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
            plan, QStringLiteral("primary"),
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
