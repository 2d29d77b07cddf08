// Checksum runs on MariaDB/MySQL: chunking, the replicated checksum statements, throttling,
// comparison on direct and cascaded replicas, resume; drill-down and repair application.
#include "switchyard/core/checksum.h"

#include "sql_values.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <set>
#include <thread>

namespace switchyard::core::checksum {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

bool cancelled(const CancelFlag &cancel)
{
    return cancel && cancel->load();
}

// Counts and chunk numbers: a NULL or unparsable value counts as 0 here.
std::uint64_t u64(const std::optional<std::string> &v)
{
    return sqlvalue::toU64(v).value_or(0);
}

std::string inList(const std::vector<std::string> &values)
{
    std::string out;
    for (const std::string &v : values)
        out += (out.empty() ? "" : ", ") + quoteString(v);
    return out;
}

bool isMariaDb(Connection &c)
{
    return c.serverInfo().flavor == Flavor::MariaDB;
}

Result<std::string> gtidPosition(Connection &primary)
{
    auto r = primary.query(isMariaDb(primary) ? "SELECT @@GLOBAL.gtid_binlog_pos" : "SELECT @@GLOBAL.gtid_executed");
    if (!r)
        return r.error();
    if (r->rows.empty() || !r->rows[0][0])
        return std::string();
    return *r->rows[0][0];
}

Status waitForPosition(Connection &replica, const std::string &position, std::chrono::milliseconds wait)
{
    if (position.empty())
        return okStatus();
    const double seconds = static_cast<double>(wait.count()) / 1000.0;
    const std::string sql = isMariaDb(replica)
                                ? "SELECT MASTER_GTID_WAIT(" + quoteString(position) + ", " + std::to_string(seconds) + ")"
                                : "SELECT WAIT_FOR_EXECUTED_GTID_SET(" + quoteString(position) + ", " +
                                      std::to_string(seconds) + ")";
    auto r = replica.query(sql);
    if (!r)
        return r.error();
    if (r->rows.empty() || !r->rows[0][0] || *r->rows[0][0] != "0")
        return makeError(ErrorCode::Timeout, "the replica did not reach GTID position " + position + " in time",
                         replica.options().label());
    return okStatus();
}

struct ChunkSum
{
    std::uint64_t rows = 0;
    std::string crc;
};

Result<ChunkSum> chunkSum(Connection &c, const TableInfo &t, const RowHashSpec &spec, const ChunkBounds &b)
{
    auto r = c.query(checksumSelectSql(t, spec, b));
    if (!r)
        return r.error();
    if (r->rows.empty())
        return ChunkSum{};
    return ChunkSum{u64(r->rows[0][0]), r->rows[0][1].value_or("0")};
}

// Seconds_Behind_Master (or _Source); nullopt when replication is stopped or unknown.
Result<std::optional<double>> replicaLag(Connection &replica)
{
    auto r = replica.query("SHOW SLAVE STATUS");
    if (!r)
        return r.error();
    if (r->rows.empty())
        return std::optional<double>();
    auto v = r->value(0, "Seconds_Behind_Master");
    if (!v)
        v = r->value(0, "Seconds_Behind_Source");
    if (!v)
        return std::optional<double>();
    return std::optional<double>(std::strtod(v->c_str(), nullptr));
}

// Direct replicas recompute a chunk only once the primary has committed it, so they trail the
// primary by one chunk: while the chunks grow from the first small one, the replicas wait on
// ever bigger ones, and at the end they still have the last one to do. Either way about one
// chunk is lost, which is most of a small table's run (1M rows, 3 servers on 2 cores: 0.5 s
// chunks took 1.60 s, 0.1 s chunks 1.40 s). So no chunk is bigger than a tenth of its table
// (in rows, or key units at `density` rows per key), nor smaller than 10 000 rows, whatever
// the target time allows.
constexpr std::uint64_t kPipelineChunks = 10;
constexpr double kPipelineMinRows = 10'000;

std::uint64_t pipelineCap(std::uint64_t units, double density)
{
    const double floor = kPipelineMinRows / std::max(density, 1e-9);
    return std::max<std::uint64_t>(units / kPipelineChunks, static_cast<std::uint64_t>(floor));
}

const std::vector<std::string> kSystemDatabases = {"mysql", "information_schema", "performance_schema", "sys",
                                                   "switchyard", "percona"};

} // namespace

bool TableResult::differs() const
{
    for (const ChunkResult &c : chunks) {
        for (ChunkState s : c.replicaState) {
            if (s == ChunkState::Differs)
                return true;
        }
    }
    return false;
}

int TableResult::differingChunks(std::size_t replica) const
{
    int n = 0;
    for (const ChunkResult &c : chunks)
        n += (replica < c.replicaState.size() && c.replicaState[replica] == ChunkState::Differs) ? 1 : 0;
    return n;
}

bool ChecksumReport::anyDifference() const
{
    return std::any_of(tables.begin(), tables.end(), [](const TableResult &t) { return t.differs(); });
}

int ChecksumReport::skippedTables() const
{
    return static_cast<int>(
        std::count_if(tables.begin(), tables.end(), [](const TableResult &t) { return !t.skipReason.empty(); }));
}

Result<std::vector<TableInfo>> loadTables(Connection &primary, const std::vector<std::string> &databases,
                                          const std::vector<std::string> &tables)
{
    std::string where = "t.TABLE_TYPE = 'BASE TABLE' AND t.TABLE_SCHEMA NOT IN (" + inList(kSystemDatabases) + ")";
    if (!databases.empty())
        where += " AND t.TABLE_SCHEMA IN (" + inList(databases) + ")";
    if (!tables.empty()) {
        std::string any;
        for (const std::string &qt : tables) {
            const auto dot = qt.find('.');
            if (dot == std::string::npos)
                return makeError(ErrorCode::InvalidArgument, "table \"" + qt + "\" is not DB.TABLE");
            any += (any.empty() ? "" : " OR ") + std::string("(t.TABLE_SCHEMA = ") + quoteString(qt.substr(0, dot)) +
                   " AND t.TABLE_NAME = " + quoteString(qt.substr(dot + 1)) + ")";
        }
        where += " AND (" + any + ")";
    }
    auto list = primary.query("SELECT t.TABLE_SCHEMA, t.TABLE_NAME, t.TABLE_ROWS FROM information_schema.TABLES t WHERE " +
                              where + " ORDER BY t.TABLE_SCHEMA, t.TABLE_NAME");
    if (!list)
        return list.error();
    std::vector<TableInfo> out;
    std::map<std::pair<std::string, std::string>, std::size_t> index;
    for (const auto &row : list->rows) {
        TableInfo t;
        t.database = row[0].value_or("");
        t.table = row[1].value_or("");
        t.estimatedRows = u64(row[2]);
        index[{t.database, t.table}] = out.size();
        out.push_back(std::move(t));
    }
    if (out.empty())
        return out;
    std::string schemas;
    for (const TableInfo &t : out)
        schemas += (schemas.empty() ? "" : ", ") + quoteString(t.database);
    auto cols = primary.query("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, LOWER(DATA_TYPE), COLUMN_TYPE, IS_NULLABLE, "
                              "EXTRA, CHARACTER_SET_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN (" + schemas +
                              ") ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION");
    if (!cols)
        return cols.error();
    for (const auto &row : cols->rows) {
        auto it = index.find({row[0].value_or(""), row[1].value_or("")});
        if (it == index.end())
            continue;
        Column c;
        c.name = row[2].value_or("");
        c.dataType = row[3].value_or("");
        c.columnType = row[4].value_or("");
        c.nullable = row[5].value_or("") == "YES";
        const std::string extra = row[6].value_or("");
        if (row.size() > 7)
            c.charset = row[7].value_or("");
        c.generated = extra.find("GENERATED") != std::string::npos || extra.find("VIRTUAL") != std::string::npos ||
                      extra.find("PERSISTENT") != std::string::npos || extra.find("STORED") != std::string::npos;
        out[it->second].columns.push_back(std::move(c));
    }
    auto keys = primary.query("SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, COLUMN_NAME, SUB_PART FROM "
                              "information_schema.STATISTICS WHERE NON_UNIQUE = 0 AND TABLE_SCHEMA IN (" + schemas +
                              ") ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX");
    if (!keys)
        return keys.error();
    // index name -> columns, per table, in the order above (PRIMARY first)
    std::map<std::size_t, std::vector<std::pair<std::string, std::vector<std::string>>>> candidates;
    std::map<std::size_t, std::set<std::string>> unusable;
    for (const auto &row : keys->rows) {
        auto it = index.find({row[0].value_or(""), row[1].value_or("")});
        if (it == index.end())
            continue;
        auto &list2 = candidates[it->second];
        const std::string name = row[2].value_or("");
        if (list2.empty() || list2.back().first != name)
            list2.push_back({name, {}});
        list2.back().second.push_back(row[3].value_or(""));
        const Column *c = out[it->second].column(row[3].value_or(""));
        if (!c || c->nullable || row[4])  // a NULL-able or prefix column does not identify a row
            unusable[it->second].insert(name);
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        TableInfo &t = out[i];
        const auto &cands = candidates[i];
        const auto &bad = unusable[i];
        const std::pair<std::string, std::vector<std::string>> *best = nullptr;
        for (const auto &cand : cands) {
            if (bad.count(cand.first))
                continue;
            if (cand.first == "PRIMARY") {
                best = &cand;
                break;
            }
            if (!best || cand.second.size() < best->second.size())
                best = &cand;
        }
        if (best) {
            t.keyName = best->first;
            t.keyColumns = best->second;
        } else {
            t.skipReason = cands.empty() ? "no primary key and no unique index: rows cannot be chunked or repaired"
                                         : "no primary key, and every unique index has a NULL-able or prefix column";
        }
        if (t.columns.empty())
            t.skipReason = "no columns visible to this account";
    }
    return out;
}

Result<TableInfo> loadTable(Connection &primary, const std::string &database, const std::string &table)
{
    auto r = loadTables(primary, {}, {database + "." + table});
    if (!r)
        return r.error();
    if (r->empty())
        return makeError(ErrorCode::NotFound, "table " + database + "." + table + " not found", primary.options().label());
    return std::move(r->front());
}

Targets targetsFromSnapshot(const ClusterSnapshot &snapshot)
{
    Targets t;
    for (const NodeStatus &n : snapshot.nodes) {
        if (n.role == NodeRole::Primary && n.reachability == Reachability::Reachable) {
            t.primary = &n;
            break;
        }
    }
    if (!t.primary)
        return t;
    const std::string primaryEndpoint = t.primary->host + ":" + std::to_string(t.primary->port);
    for (const NodeStatus &n : snapshot.nodes) {
        if (&n == t.primary || n.role != NodeRole::Replica || n.reachability != Reachability::Reachable)
            continue;
        t.replicas.push_back(&n);
        t.cascaded.push_back(!n.replicationSource.empty() && n.replicationSource != primaryEndpoint);
    }
    return t;
}

Result<DirectCompare> compareChunkDirect(Connection &primary, Connection &replica, const TableInfo &table,
                                         const RowHashSpec &spec, const ChunkBounds &bounds,
                                         std::chrono::milliseconds wait)
{
    // The primary's checksum and its position; the replica computes once it has applied at least
    // that much. A write between the two reads can still make them differ: callers re-check.
    const RowHashSpec hashSpec = forServer(spec, primary.serverInfo().flavor);
    auto p = chunkSum(primary, table, hashSpec, bounds);
    if (!p)
        return p.error();
    auto pos = gtidPosition(primary);
    if (!pos)
        return pos.error();
    if (auto st = waitForPosition(replica, *pos, wait); !st)
        return st.error();
    auto r = chunkSum(replica, table, hashSpec, bounds);
    if (!r)
        return r.error();
    DirectCompare d;
    d.primaryRows = p->rows;
    d.primaryCrc = p->crc;
    d.replicaRows = r->rows;
    d.replicaCrc = r->crc;
    return d;
}

namespace {

struct Run
{
    Connection &primary;
    std::vector<ReplicaTarget> targets;
    std::vector<std::unique_ptr<Connection>> replicas;
    const ChecksumOptions &options;
    RowHashSpec spec;  // options.rowHash as this server flavor computes it
    const ProgressCallback &progress;
    const CancelFlag &cancel;
    ChecksumReport report;
    std::string results;  // `db`.`table`
    Clock::time_point started = Clock::now();
    std::uint64_t rowsTotal = 0;

    void notify(const TableInfo &t, int chunk, const char *phase)
    {
        if (!progress)
            return;
        ChecksumProgress p;
        p.database = t.database;
        p.table = t.table;
        p.chunk = chunk;
        p.rowsDone = report.rows;
        p.rowsTotal = rowsTotal;
        p.elapsedSeconds = secondsSince(started);
        p.phase = phase;
        progress(p);
    }

    Status exec(const std::string &sql)
    {
        auto r = primary.execute(sql);
        if (!r)
            return r.error();
        return okStatus();
    }

    Status setup()
    {
        // Statement format: each replica re-executes the checksum on its own data.
        for (const char *sql : {"SET SESSION binlog_format = 'STATEMENT'", "SET SESSION innodb_lock_wait_timeout = 1",
                                "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ"}) {
            if (auto st = exec(sql); !st)
                return st;
        }
        results = quoteIdent(options.resultDatabase) + "." + quoteIdent(options.resultTable);
        if (auto st = exec("CREATE DATABASE IF NOT EXISTS " + quoteIdent(options.resultDatabase)); !st)
            return st;
        return exec("CREATE TABLE IF NOT EXISTS " + results +
                    " (db VARCHAR(64) NOT NULL, tbl VARCHAR(64) NOT NULL, chunk INT NOT NULL, chunk_index VARCHAR(200),"
                    " lower_boundary TEXT, upper_boundary TEXT, this_crc VARCHAR(40) NOT NULL,"
                    " this_cnt BIGINT UNSIGNED NOT NULL, master_crc VARCHAR(40), master_cnt BIGINT UNSIGNED,"
                    " chunk_time FLOAT, ts TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,"
                    " PRIMARY KEY (db, tbl, chunk)) ENGINE=InnoDB");
    }

    std::string tableWhere(const TableInfo &t) const
    {
        return "db = " + quoteString(t.database) + " AND tbl = " + quoteString(t.table);
    }

    // Waits while a replica lags more than maxLag or the primary runs too many threads.
    Status throttle(const TableInfo &t, int chunk)
    {
        const auto t0 = Clock::now();
        bool announced = false;
        for (;;) {
            bool wait = false;
            auto tr = primary.query("SHOW GLOBAL STATUS LIKE 'Threads_running'");
            if (!tr)
                return tr.error();
            if (!tr->rows.empty() && options.maxThreadsRunning > 0 &&
                u64(tr->rows[0][1]) > static_cast<std::uint64_t>(options.maxThreadsRunning))
                wait = true;
            for (std::size_t i = 0; i < replicas.size() && !wait; ++i) {
                auto lag = replicaLag(*replicas[i]);
                if (!lag)
                    return lag.error();
                if (!*lag || **lag > options.maxLagSeconds)
                    wait = true;
            }
            if (!wait)
                break;
            if (cancelled(cancel))
                return okStatus();
            if (!announced) {
                notify(t, chunk, "throttle");
                announced = true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
        report.throttledSeconds += secondsSince(t0);
        return okStatus();
    }

    // One chunk: the replicated INSERT ... SELECT, then the primary's own values beside it.
    Status doChunk(const TableInfo &t, TableResult &tr, int chunk, const ChunkBounds &bounds, std::uint64_t &rows,
                   double &seconds)
    {
        const auto t0 = Clock::now();
        if (auto st = exec(checksumInsertSql(t, spec, bounds, chunk, results)); !st)
            return st;
        seconds = secondsSince(t0);
        const std::string where = tableWhere(t) + " AND chunk = " + std::to_string(chunk);
        auto mine = primary.query("SELECT this_cnt, this_crc FROM " + results + " WHERE " + where);
        if (!mine)
            return mine.error();
        if (mine->rows.empty())
            return makeError(ErrorCode::Internal, "checksum row vanished", primary.options().label());
        rows = u64(mine->rows[0][0]);
        const std::string crc = mine->rows[0][1].value_or("0");
        if (auto st = exec("UPDATE " + results + " SET master_cnt = " + std::to_string(rows) + ", master_crc = " +
                           quoteString(crc) + ", chunk_time = " + std::to_string(seconds) + " WHERE " + where);
            !st)
            return st;
        ChunkResult cr;
        cr.chunk = chunk;
        cr.bounds = bounds;
        cr.primaryRows = rows;
        cr.primaryCrc = crc;
        cr.seconds = seconds;
        tr.chunks.push_back(std::move(cr));
        tr.rows += rows;
        report.rows += rows;
        return okStatus();
    }

    // Where an earlier run stopped in this table: its finished chunks, and whether it ended.
    Result<bool> loadResume(const TableInfo &t, TableResult &tr)
    {
        auto r = primary.query("SELECT chunk, lower_boundary, upper_boundary, master_cnt, master_crc, chunk_index, "
                               "chunk_time FROM " + results + " WHERE " + tableWhere(t) + " ORDER BY chunk");
        if (!r)
            return r.error();
        bool done = false;
        for (const auto &row : r->rows) {
            if (!row[4])
                break;  // not finished: redo from here
            ChunkResult cr;
            cr.chunk = static_cast<int>(u64(row[0]));
            if (cr.chunk != static_cast<int>(tr.chunks.size()) + 1)
                break;
            if (row[1])
                cr.bounds.lower = decodeBound(*row[1]);
            if (row[2])
                cr.bounds.upper = decodeBound(*row[2]);
            const std::string idx = row[5].value_or("");
            cr.bounds.lowerInclusive = !(idx.size() > 2 && idx.compare(idx.size() - 2, 2, " >") == 0);
            cr.primaryRows = u64(row[3]);
            cr.primaryCrc = *row[4];
            cr.seconds = row[6] ? std::strtod(row[6]->c_str(), nullptr) : 0;
            tr.rows += cr.primaryRows;
            done = cr.bounds.upper.empty();
            tr.chunks.push_back(std::move(cr));
            if (done)
                break;
        }
        return done;
    }

    Status checksumTable(const TableInfo &t, TableResult &tr)
    {
        ChunkBounds next;  // lower bound of the next chunk; empty: from the beginning
        bool done = false;
        if (options.resume) {
            auto r = loadResume(t, tr);
            if (!r)
                return r.error();
            done = *r;
            tr.resumedAtChunk = static_cast<int>(tr.chunks.size()) + 1;
            report.rows += tr.rows;
            if (!tr.chunks.empty() && !done) {
                next.lower = tr.chunks.back().bounds.upper;
                next.lowerInclusive = false;
            }
            if (auto st = exec("DELETE FROM " + results + " WHERE " + tableWhere(t) + " AND chunk > " +
                               std::to_string(tr.chunks.size()));
                !st)
                return st;
        } else {
            if (auto st = exec("DELETE FROM " + results + " WHERE " + tableWhere(t)); !st)
                return st;
        }
        if (done)
            return okStatus();

        int chunk = static_cast<int>(tr.chunks.size());
        const Column *first = t.column(t.keyColumns.front());
        const bool rangeMode = t.keyColumns.size() == 1 && first && first->isInteger();
        if (rangeMode) {
            // A single integer key: chunks are key ranges sized by time, no boundary scan.
            const std::string k = quoteIdent(t.keyColumns.front());
            auto mm = primary.query("SELECT MIN(" + k + "), MAX(" + k + ") FROM " + t.qualified());
            if (!mm)
                return mm.error();
            if (mm->rows.empty() || !mm->rows[0][0]) {
                std::uint64_t rows = 0;
                double seconds = 0;
                return doChunk(t, tr, chunk + 1, next, rows, seconds);
            }
            const long long lo0 = std::strtoll(mm->rows[0][0]->c_str(), nullptr, 10);
            const long long hi = std::strtoll(mm->rows[0][1]->c_str(), nullptr, 10);
            long long lo = next.lower.empty() ? lo0 : std::strtoll(next.lower.front().c_str(), nullptr, 10) + 1;
            if (!next.lower.empty() && lo > hi) {
                // Resumed after the last in-range chunk: only the open end remains.
                ChunkBounds b;
                b.lower = {std::to_string(lo)};
                std::uint64_t rows = 0;
                double seconds = 0;
                return doChunk(t, tr, chunk + 1, b, rows, seconds);
            }
            const double span = static_cast<double>(hi - lo0) + 1.0;
            const double density = t.estimatedRows > 0 ? std::min(1.0, static_cast<double>(t.estimatedRows) / span) : 1.0;
            ChunkSizer sizer(options.chunkSeconds,
                             static_cast<std::uint64_t>(static_cast<double>(options.initialChunkRows) / density), 16,
                             pipelineCap(static_cast<std::uint64_t>(span), density));
            while (true) {
                if (cancelled(cancel)) {
                    report.cancelled = true;
                    return okStatus();
                }
                ChunkBounds b;
                const long long width = static_cast<long long>(sizer.size());
                const long long upper = (hi - lo < width) ? hi : lo + width - 1;
                const bool last = upper >= hi;
                if (chunk > 0 || !next.lower.empty())
                    b.lower = {std::to_string(lo)};
                if (!last)
                    b.upper = {std::to_string(upper)};
                std::uint64_t rows = 0;
                double seconds = 0;
                if (auto st = doChunk(t, tr, ++chunk, b, rows, seconds); !st)
                    return st;
                notify(t, chunk, "checksum");
                if (last)
                    break;
                sizer.update(static_cast<std::uint64_t>(upper - lo + 1), seconds);
                lo = upper + 1;
                if (auto st = throttle(t, chunk); !st)
                    return st;
            }
            return okStatus();
        }

        // Nibbling along any other key.
        // TABLE_ROWS is an estimate; 0 (statistics not computed yet) says nothing: no cap then.
        ChunkSizer sizer(options.chunkSeconds, options.initialChunkRows, 100,
                         t.estimatedRows > 0 ? std::min<std::uint64_t>(pipelineCap(t.estimatedRows, 1.0), 2'000'000)
                                             : 2'000'000);
        while (true) {
            if (cancelled(cancel)) {
                report.cancelled = true;
                return okStatus();
            }
            auto bq = primary.query(nibbleBoundarySql(t, next, sizer.size()));
            if (!bq)
                return bq.error();
            ChunkBounds b = next;
            const bool last = bq->rows.size() < 2;
            if (!last)
                for (const auto &v : bq->rows[0])
                    b.upper.push_back(v.value_or(""));
            std::uint64_t rows = 0;
            double seconds = 0;
            if (auto st = doChunk(t, tr, ++chunk, b, rows, seconds); !st)
                return st;
            notify(t, chunk, "checksum");
            if (last)
                break;
            sizer.update(rows, seconds);
            next = ChunkBounds{};
            for (const auto &v : bq->rows[1])
                next.lower.push_back(v.value_or(""));
            if (auto st = throttle(t, chunk); !st)
                return st;
        }
        return okStatus();
    }

    // Text columns stored in the same charset on every node need no conversion to compare.
    Status decideConversions(TableInfo &t)
    {
        std::map<std::string, std::string> charset;
        for (const Column &c : t.columns)
            charset[c.name] = c.charset;
        std::set<std::string> differ;
        for (auto &rc : replicas) {
            auto r = rc->query("SELECT COLUMN_NAME, CHARACTER_SET_NAME FROM information_schema.COLUMNS WHERE "
                               "TABLE_SCHEMA = " + quoteString(t.database) + " AND TABLE_NAME = " + quoteString(t.table));
            if (!r)
                return r.error();
            for (const auto &row : r->rows) {
                if (charset[row[0].value_or("")] != row[1].value_or(""))
                    differ.insert(row[0].value_or(""));
            }
        }
        for (Column &c : t.columns)
            c.convertCharset = differ.count(c.name) > 0;
        return okStatus();
    }

    // Each direct replica's own values from its results table; cascaded ones computed there.
    Status compare(const TableInfo &t, TableResult &tr)
    {
        notify(t, static_cast<int>(tr.chunks.size()), "compare");
        auto pos = gtidPosition(primary);
        if (!pos)
            return pos.error();
        for (ChunkResult &c : tr.chunks) {
            c.replicaState.assign(replicas.size(), ChunkState::Pending);
            c.replicaRows.assign(replicas.size(), 0);
            c.replicaCrc.assign(replicas.size(), std::string());
        }
        for (std::size_t i = 0; i < replicas.size(); ++i) {
            Connection &rc = *replicas[i];
            if (auto st = waitForPosition(rc, *pos, options.replicaWait); !st)
                return st;
            if (!targets[i].cascaded) {
                auto r = rc.query("SELECT chunk, this_cnt, this_crc, master_cnt, master_crc FROM " + results +
                                  " WHERE " + tableWhere(t));
                if (!r)
                    return r.error();
                std::map<int, std::size_t> byChunk;
                for (std::size_t k = 0; k < tr.chunks.size(); ++k)
                    byChunk[tr.chunks[k].chunk] = k;
                for (const auto &row : r->rows) {
                    auto it = byChunk.find(static_cast<int>(u64(row[0])));
                    if (it == byChunk.end())
                        continue;
                    ChunkResult &c = tr.chunks[it->second];
                    c.replicaRows[i] = u64(row[1]);
                    c.replicaCrc[i] = row[2].value_or("");
                    // Compare with the master values the replica received (they are the primary's
                    // at the same point of the stream).
                    const bool same = row[3] && row[4] && u64(row[3]) == c.replicaRows[i] && *row[4] == c.replicaCrc[i];
                    c.replicaState[i] = same ? ChunkState::Match : ChunkState::Differs;
                }
                continue;
            }
            // Cascaded: the intermediate re-logged its own rows, so compute here.
            for (ChunkResult &c : tr.chunks) {
                if (cancelled(cancel)) {
                    report.cancelled = true;
                    return okStatus();
                }
                auto s = chunkSum(rc, t, spec, c.bounds);
                if (!s)
                    return s.error();
                c.replicaRows[i] = s->rows;
                c.replicaCrc[i] = s->crc;
                bool same = s->rows == c.primaryRows && s->crc == c.primaryCrc;
                // A write between the primary's chunk and now is not drift: re-check from a
                // fresh primary checksum at a known position, twice at most.
                for (int attempt = 0; !same && attempt < 2; ++attempt) {
                    auto d = compareChunkDirect(primary, rc, t, spec, c.bounds, options.replicaWait);
                    if (!d)
                        return d.error();
                    c.replicaRows[i] = d->replicaRows;
                    c.replicaCrc[i] = d->replicaCrc;
                    same = d->match();
                }
                c.replicaState[i] = same ? ChunkState::Match : ChunkState::Differs;
            }
        }
        return okStatus();
    }
};

} // namespace

Result<ChecksumReport> runChecksum(Connection &primary, const std::vector<ReplicaTarget> &replicas,
                                   const ChecksumOptions &options, const ProgressCallback &progress,
                                   const CancelFlag &cancel)
{
    if (!primary.isOpen()) {
        if (auto st = primary.connect(); !st)
            return st.error();
    }
    Run run{primary, replicas, {}, options, forServer(options.rowHash, primary.serverInfo().flavor), progress, cancel,
            {}, {}, Clock::now(), 0};
    run.report.primary = primary.options().label();
    for (const ReplicaTarget &t : replicas) {
        auto c = createConnection(t.options);
        if (auto st = c->connect(); !st)
            return st.error();
        run.report.replicas.push_back(t.name.empty() ? t.options.label() : t.name);
        run.replicas.push_back(std::move(c));
    }
    if (auto st = run.setup(); !st)
        return st.error();
    auto tables = loadTables(primary, options.databases, options.tables);
    if (!tables)
        return tables.error();
    for (const TableInfo &t : *tables)
        run.rowsTotal += t.estimatedRows;

    for (const TableInfo &t : *tables) {
        if (cancelled(cancel)) {
            run.report.cancelled = true;
            break;
        }
        TableResult tr;
        tr.database = t.database;
        tr.table = t.table;
        tr.keyName = t.keyName;
        tr.keyColumns = t.keyColumns;
        tr.skipReason = t.skipReason;
        // A replica without the table would stop replicating at the first checksum statement.
        for (std::size_t i = 0; i < run.replicas.size() && tr.skipReason.empty(); ++i) {
            auto e = run.replicas[i]->query("SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = " +
                                            quoteString(t.database) + " AND TABLE_NAME = " + quoteString(t.table));
            if (!e)
                return e.error();
            if (e->rows.empty())
                tr.skipReason = "the table does not exist on replica " + run.report.replicas[i];
        }
        if (!tr.skipReason.empty()) {
            run.report.tables.push_back(std::move(tr));
            continue;
        }
        TableInfo table = t;
        if (auto st = run.decideConversions(table); !st)
            return st.error();
        const auto t0 = Clock::now();
        if (auto st = run.checksumTable(table, tr); !st)
            return st.error();
        if (auto st = run.compare(table, tr); !st)
            return st.error();
        tr.seconds = secondsSince(t0);
        run.report.tables.push_back(std::move(tr));
        if (run.report.cancelled)
            break;
    }
    run.report.seconds = secondsSince(run.started);
    if (progress) {
        ChecksumProgress p;
        p.rowsDone = run.report.rows;
        p.rowsTotal = run.rowsTotal;
        p.elapsedSeconds = run.report.seconds;
        p.phase = "done";
        progress(p);
    }
    return std::move(run.report);
}

// --- drill-down and repair ---------------------------------------------------------------

namespace {

struct KeyedRows
{
    std::map<std::vector<std::string>, std::string> hashes;
};

Result<KeyedRows> keyHashes(Connection &c, const TableInfo &t, const ChunkBounds &b, const RowHashSpec &spec)
{
    auto r = c.query("SELECT " + keySelectList(t) + ", MD5(" + rowExpression(t, spec) + ") FROM " + t.qualified() +
                     " WHERE " + rangePredicate(t, b));
    if (!r)
        return r.error();
    KeyedRows out;
    const std::size_t n = t.keyColumns.size();
    for (const auto &row : r->rows) {
        std::vector<std::string> key;
        for (std::size_t i = 0; i < n; ++i)
            key.push_back(row[i].value_or(""));
        out.hashes[std::move(key)] = row[n].value_or("");
    }
    return out;
}

Result<std::map<std::vector<std::string>, std::vector<std::optional<std::string>>>>
fetchRows(Connection &c, const TableInfo &t, const std::vector<std::vector<std::string>> &keys)
{
    std::map<std::vector<std::string>, std::vector<std::optional<std::string>>> out;
    const std::size_t n = t.keyColumns.size();
    for (std::size_t start = 0; start < keys.size(); start += 500) {
        std::string where;
        for (std::size_t i = start; i < std::min(keys.size(), start + 500); ++i)
            where += (where.empty() ? "" : " OR ") + keyEqualsPredicate(t, keys[i]);
        auto r = c.query("SELECT " + keySelectList(t) + ", " + columnSelectList(t) + " FROM " + t.qualified() +
                         " WHERE " + where);
        if (!r)
            return r.error();
        for (auto &row : r->rows) {
            std::vector<std::string> key;
            for (std::size_t i = 0; i < n; ++i)
                key.push_back(row[i].value_or(""));
            out[std::move(key)] = std::vector<std::optional<std::string>>(row.begin() + static_cast<long>(n), row.end());
        }
    }
    return out;
}

} // namespace

Result<std::vector<RowDiff>> diffChunkRows(Connection &primary, Connection &replica, const TableInfo &table,
                                           const ChunkBounds &bounds, const RowHashSpec &spec,
                                           std::chrono::milliseconds wait)
{
    if (table.keyColumns.empty())
        return makeError(ErrorCode::Unsupported, "table " + table.database + "." + table.table + " has no usable key");
    const RowHashSpec hashSpec = forServer(spec, primary.serverInfo().flavor);
    auto p = keyHashes(primary, table, bounds, hashSpec);
    if (!p)
        return p.error();
    auto pos = gtidPosition(primary);
    if (!pos)
        return pos.error();
    if (auto st = waitForPosition(replica, *pos, wait); !st)
        return st.error();
    auto r = keyHashes(replica, table, bounds, hashSpec);
    if (!r)
        return r.error();
    std::vector<RowDiff> diffs;
    for (const auto &[key, hash] : p->hashes) {
        auto it = r->hashes.find(key);
        if (it == r->hashes.end()) {
            diffs.push_back({RowDiffKind::Missing, key, hash, {}, {}, {}});
        } else if (it->second != hash) {
            diffs.push_back({RowDiffKind::Different, key, hash, it->second, {}, {}});
        }
    }
    for (const auto &[key, hash] : r->hashes) {
        if (!p->hashes.count(key))
            diffs.push_back({RowDiffKind::Extra, key, {}, hash, {}, {}});
    }
    std::vector<std::vector<std::string>> onPrimary, onReplica;
    for (const RowDiff &d : diffs) {
        if (d.kind != RowDiffKind::Extra)
            onPrimary.push_back(d.key);
        if (d.kind != RowDiffKind::Missing)
            onReplica.push_back(d.key);
    }
    auto pr = fetchRows(primary, table, onPrimary);
    if (!pr)
        return pr.error();
    auto rr = fetchRows(replica, table, onReplica);
    if (!rr)
        return rr.error();
    for (RowDiff &d : diffs) {
        if (auto it = pr->find(d.key); it != pr->end())
            d.primaryRow = it->second;
        if (auto it = rr->find(d.key); it != rr->end())
            d.replicaRow = it->second;
    }
    return diffs;
}

Result<std::uint64_t> applyRepair(Connection &conn, const RepairPlan &plan)
{
    for (const std::string &sql : plan.sessionSetup) {
        if (auto r = conn.execute(sql); !r)
            return r.error();
    }
    if (auto r = conn.execute("START TRANSACTION"); !r)
        return r.error();
    std::uint64_t affected = 0;
    for (const std::string &sql : plan.statements) {
        auto r = conn.execute(sql);
        if (!r) {
            static_cast<void>(conn.execute("ROLLBACK"));
            return r.error();
        }
        affected += *r;
    }
    if (auto r = conn.execute("COMMIT"); !r)
        return r.error();
    // Leave the session as it was for whoever uses the connection next.
    static_cast<void>(conn.execute(plan.target == RepairTarget::Replica ? "SET SESSION sql_log_bin = 1"
                                                                        : "SET SESSION binlog_format = DEFAULT"));
    return affected;
}

} // namespace switchyard::core::checksum
