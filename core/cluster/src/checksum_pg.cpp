// PostgreSQL: compare two nodes (a logical-replication publisher and subscriber, or two
// clusters) chunk by chunk, each side inside one REPEATABLE READ snapshot. A physical standby is
// refused: it is byte-identical to its primary by design.
#include "switchyard/core/checksum.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <set>
#include <thread>

namespace switchyard::core::checksum {

namespace {

std::string pgIdent(std::string_view name)
{
    std::string out = "\"";
    for (char ch : name) {
        if (ch == '"')
            out += '"';
        out += ch;
    }
    return out + "\"";
}

std::string pgLiteral(std::string_view text)
{
    std::string out = "'";
    for (char ch : text) {
        if (ch == '\'')
            out += '\'';
        out += ch;
    }
    return out + "'";
}

std::string columnTuple(const std::vector<std::string> &columns)
{
    std::string out = "(";
    for (std::size_t i = 0; i < columns.size(); ++i)
        out += (i ? ", " : "") + pgIdent(columns[i]);
    return out + ")";
}

std::string valueTuple(const std::vector<std::string> &values)
{
    std::string out = "(";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + pgLiteral(values[i]);
    return out + ")";
}

std::string commaList(const std::vector<std::string> &columns)
{
    std::string out;
    for (const std::string &k : columns)
        out += (out.empty() ? "" : ", ") + pgIdent(k);
    return out;
}

Status run(Connection &c, const std::string &sql)
{
    auto r = c.execute(sql);
    if (!r)
        return r.error();
    return okStatus();
}

// Same text for the same values on both sides, whatever the servers' defaults.
Status beginPinned(Connection &c, const char *begin)
{
    for (const char *sql : {begin, "SET LOCAL TimeZone = 'UTC'", "SET LOCAL DateStyle = 'ISO, YMD'",
                            "SET LOCAL IntervalStyle = 'postgres'", "SET LOCAL extra_float_digits = 1",
                            "SET LOCAL bytea_output = 'hex'"}) {
        if (auto st = run(c, sql); !st) {
            static_cast<void>(c.execute("ROLLBACK"));
            return st;
        }
    }
    return okStatus();
}

std::uint64_t toCount(const std::optional<std::string> &v)
{
    return v ? std::strtoull(v->c_str(), nullptr, 10) : 0;
}

struct NodeIdentity
{
    std::optional<std::string> systemId;
    bool inRecovery = false;
};

Result<NodeIdentity> identity(Connection &c)
{
    NodeIdentity id;
    auto rec = c.query("SELECT pg_is_in_recovery()");
    if (!rec)
        return rec.error();
    id.inRecovery = rec->value(0, "pg_is_in_recovery").value_or("f") == "t";
    // pg_control_system() needs superuser or an explicit grant; without it the check relies on
    // recovery alone (see checkNotPhysicalCopy).
    auto sys = c.query("SELECT system_identifier::text FROM pg_control_system()");
    if (sys && !sys->rows.empty())
        id.systemId = sys->rows[0][0];
    return id;
}

// Tables with their primary key columns (NULL when none), in the caller's filter.
Result<QueryResult> listTables(Connection &c, const std::string &filter)
{
    return c.query(
        "SELECT n.nspname, c.relname, (SELECT string_agg(att.attname, ',' ORDER BY k.ord) FROM pg_index i "
        "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) JOIN pg_attribute att ON "
        "att.attrelid = i.indrelid AND att.attnum = k.attnum WHERE i.indrelid = c.oid AND i.indisprimary) "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p') "
        "AND NOT c.relispartition AND n.nspname NOT IN ('pg_catalog','information_schema') "
        "AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'" +
        (filter.empty() ? std::string() : " AND (" + filter + ")") + " ORDER BY 1, 2");
}

std::vector<std::string> splitKey(const std::string &text)
{
    std::vector<std::string> key;
    for (std::size_t s = 0, e; s <= text.size(); s = e + 1) {
        e = text.find(',', s);
        if (e == std::string::npos)
            e = text.size();
        key.push_back(text.substr(s, e - s));
    }
    return key;
}

// Keys and row hashes of one chunk on both sides (same snapshots), merged.
Status diffRows(Connection &a, Connection &b, const std::string &qualified, const std::vector<std::string> &key,
                const std::string &where, PgTableResult &tr, std::size_t maxRows, std::vector<int> &chunkOf)
{
    const std::string sql = "SELECT " + commaList(key) + ", md5(x::text) FROM " + qualified + " x WHERE " + where +
                            " ORDER BY " + commaList(key);
    auto ra = a.query(sql);
    if (!ra)
        return ra.error();
    auto rb = b.query(sql);
    if (!rb)
        return rb.error();
    const auto keyOf = [&](const std::vector<std::optional<std::string>> &row) {
        std::vector<std::string> k;
        for (std::size_t i = 0; i < key.size(); ++i)
            k.push_back(row[i].value_or(""));
        return k;
    };
    std::map<std::vector<std::string>, std::string> onB;
    for (const auto &row : rb->rows)
        onB.emplace(keyOf(row), row[key.size()].value_or(""));
    const auto add = [&](RowDiff d) {
        if (tr.rowDiffs.size() >= maxRows) {
            tr.rowDiffsTruncated = true;
            return;
        }
        tr.rowDiffs.push_back(std::move(d));
        chunkOf.push_back(static_cast<int>(tr.differingChunks.size()) - 1);
    };
    for (const auto &row : ra->rows) {
        std::vector<std::string> k = keyOf(row);
        const std::string hash = row[key.size()].value_or("");
        auto it = onB.find(k);
        if (it == onB.end()) {
            add({RowDiffKind::Missing, std::move(k), hash, {}, {}, {}});
            continue;
        }
        if (it->second != hash)
            add({RowDiffKind::Different, std::move(k), hash, it->second, {}, {}});
        onB.erase(it);
    }
    for (const auto &row : rb->rows) {
        std::vector<std::string> k = keyOf(row);
        if (auto it = onB.find(k); it != onB.end())
            add({RowDiffKind::Extra, std::move(k), {}, it->second, {}, {}});
    }
    return okStatus();
}

// Reads the differing keys again on both sides (each side one fresh snapshot per batch) until they
// converge or the rounds run out; converged keys, and chunks left without keys, are dropped.
Status recheck(Connection &a, Connection &b, PgTableResult &tr, std::vector<int> &chunkOf,
               const PgCompareOptions &options, const CancelFlag &cancel)
{
    std::vector<int> listed(tr.differingChunks.size(), 0);
    for (int c : chunkOf)
        ++listed[static_cast<std::size_t>(c)];
    const std::string q = pgIdent(tr.schema) + "." + pgIdent(tr.table);
    const std::vector<std::string> &key = tr.keyColumns;
    for (int round = 0; round < options.rechecks && !tr.rowDiffs.empty(); ++round) {
        if (cancel && cancel->load())
            return makeError(ErrorCode::Cancelled, "comparison cancelled", a.options().label());
        std::this_thread::sleep_for(options.recheckWait);
        std::vector<bool> settled(tr.rowDiffs.size(), false);
        constexpr std::size_t kBatch = 500;
        for (std::size_t from = 0; from < tr.rowDiffs.size(); from += kBatch) {
            const std::size_t to = std::min(tr.rowDiffs.size(), from + kBatch);
            std::string in;
            for (std::size_t i = from; i < to; ++i)
                in += (in.empty() ? "" : ", ") + valueTuple(tr.rowDiffs[i].key);
            const std::string sql = "SELECT " + commaList(key) + ", md5(x::text) FROM " + q + " x WHERE " +
                                    columnTuple(key) + " IN (" + in + ")";
            std::map<std::vector<std::string>, std::string> seen[2];
            int side = 0;
            for (Connection *c : {&a, &b}) {
                if (auto st = beginPinned(*c, "BEGIN READ ONLY"); !st)
                    return st;
                auto r = c->query(sql);
                static_cast<void>(c->execute("COMMIT"));
                if (!r)
                    return r.error();
                for (const auto &row : r->rows) {
                    std::vector<std::string> k;
                    for (std::size_t i = 0; i < key.size(); ++i)
                        k.push_back(row[i].value_or(""));
                    seen[side].emplace(std::move(k), row[key.size()].value_or(""));
                }
                ++side;
            }
            for (std::size_t i = from; i < to; ++i) {
                RowDiff &d = tr.rowDiffs[i];
                const auto ia = seen[0].find(d.key), ib = seen[1].find(d.key);
                const bool inA = ia != seen[0].end(), inB = ib != seen[1].end();
                if ((!inA && !inB) || (inA && inB && ia->second == ib->second)) {
                    settled[i] = true;
                    continue;
                }
                d.kind = !inB ? RowDiffKind::Missing : !inA ? RowDiffKind::Extra : RowDiffKind::Different;
                d.primaryHash = inA ? ia->second : std::string();
                d.replicaHash = inB ? ib->second : std::string();
            }
        }
        std::size_t out = 0;
        for (std::size_t i = 0; i < tr.rowDiffs.size(); ++i) {
            if (settled[i])
                continue;
            if (out != i) {  // no self-move: it would empty the key
                tr.rowDiffs[out] = std::move(tr.rowDiffs[i]);
                chunkOf[out] = chunkOf[i];
            }
            ++out;
        }
        tr.rowDiffs.resize(out);
        chunkOf.resize(out);
    }
    std::vector<int> left(tr.differingChunks.size(), 0);
    for (int c : chunkOf)
        ++left[static_cast<std::size_t>(c)];
    std::vector<PgChunkDiff> kept;
    for (std::size_t c = 0; c < tr.differingChunks.size(); ++c) {
        if (listed[c] > 0 && left[c] == 0)
            continue;  // every listed key converged: it was in flight
        kept.push_back(std::move(tr.differingChunks[c]));
    }
    tr.differingChunks = std::move(kept);
    return okStatus();
}

} // namespace

bool PgCompareReport::anyDifference() const
{
    for (const PgTableResult &t : tables)
        if (t.differs())
            return true;
    return false;
}

int PgCompareReport::skippedTables() const
{
    int n = 0;
    for (const PgTableResult &t : tables)
        n += t.skipReason.empty() ? 0 : 1;
    return n;
}

Status checkNotPhysicalCopy(Connection &a, Connection &b)
{
    auto ia = identity(a);
    if (!ia)
        return ia.error();
    auto ib = identity(b);
    if (!ib)
        return ib.error();
    const bool sameCluster = ia->systemId && ib->systemId && *ia->systemId == *ib->systemId;
    const bool unknown = !ia->systemId || !ib->systemId;
    // Same system identifier: one cluster, physically replicated. Identifier unknown: a node in
    // recovery is taken for a standby (the common case; grant pg_control_system to compare a
    // standby of one cluster with another cluster).
    if ((sameCluster || unknown) && (ia->inRecovery || ib->inRecovery)) {
        Connection &standby = ib->inRecovery ? b : a;
        Connection &other = ib->inRecovery ? a : b;
        return makeError(ErrorCode::Unsupported,
                         "a physical standby" +
                             (sameCluster ? " in the cluster of " + other.options().label() + " (same system identifier)"
                                          : std::string()) +
                             ": it replays its primary's WAL and is byte-identical by design, so there are no rows to "
                             "compare; if it is suspected of corruption, rebuild it (pg_basebackup)",
                         standby.options().label());
    }
    return okStatus();
}

Result<PgCompareReport> comparePostgres(Connection &a, Connection &b, const PgCompareOptions &options,
                                        const CancelFlag &cancel)
{
    const auto started = std::chrono::steady_clock::now();
    for (Connection *c : {&a, &b}) {
        if (!c->isOpen()) {
            if (auto st = c->connect(); !st)
                return st.error();
        }
    }
    if (auto st = checkNotPhysicalCopy(a, b); !st)
        return st.error();
    PgCompareReport report;
    report.a = a.options().label();
    report.b = b.options().label();
    // Snapshots are taken by the first query after BEGIN: one right after the other.
    for (Connection *c : {&a, &b}) {
        if (auto st = beginPinned(*c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); !st) {
            static_cast<void>(a.execute("ROLLBACK"));
            static_cast<void>(b.execute("ROLLBACK"));
            return st.error();
        }
    }
    for (Connection *c : {&a, &b}) {
        if (auto st = run(*c, "SELECT 1"); !st) {
            static_cast<void>(a.execute("ROLLBACK"));
            static_cast<void>(b.execute("ROLLBACK"));
            return st.error();
        }
    }
    auto finish = [&] {
        static_cast<void>(a.execute("COMMIT"));
        static_cast<void>(b.execute("COMMIT"));
    };
    auto fail = [&](Error e) -> Result<PgCompareReport> {
        finish();
        return e;
    };
    std::string filter;
    for (const std::string &t : options.tables) {
        const auto dot = t.find('.');
        const std::string schema = dot == std::string::npos ? "public" : t.substr(0, dot);
        const std::string name = dot == std::string::npos ? t : t.substr(dot + 1);
        filter += (filter.empty() ? "" : " OR ") + std::string("(n.nspname = ") + pgLiteral(schema) +
                  " AND c.relname = " + pgLiteral(name) + ")";
    }
    auto tablesA = listTables(a, filter);
    if (!tablesA)
        return fail(tablesA.error());
    auto tablesB = listTables(b, filter);
    if (!tablesB)
        return fail(tablesB.error());
    struct Pending
    {
        std::size_t table;
        std::vector<int> chunkOf;
    };
    std::vector<Pending> pending;
    std::set<std::pair<std::string, std::string>> onB, onA;
    for (const auto &row : tablesB->rows)
        onB.emplace(row[0].value_or(""), row[1].value_or(""));
    for (const auto &row : tablesA->rows)
        onA.emplace(row[0].value_or(""), row[1].value_or(""));
    for (const std::string &t : options.tables) {
        const auto dot = t.find('.');
        const std::pair<std::string, std::string> name{dot == std::string::npos ? "public" : t.substr(0, dot),
                                                       dot == std::string::npos ? t : t.substr(dot + 1)};
        if (!onA.count(name) && !onB.count(name))
            return fail(makeError(ErrorCode::NotFound,
                                  "table " + name.first + "." + name.second + " exists on neither " + report.a + " nor " +
                                      report.b));
    }
    for (const auto &row : tablesA->rows) {
        PgTableResult tr;
        tr.schema = row[0].value_or("");
        tr.table = row[1].value_or("");
        if (!onB.count({tr.schema, tr.table})) {
            tr.missingOnB = true;
            report.tables.push_back(std::move(tr));
            continue;
        }
        if (!row[2]) {
            tr.skipReason = "no primary key";
            report.tables.push_back(std::move(tr));
            continue;
        }
        const std::vector<std::string> key = splitKey(*row[2]);
        tr.keyColumns = key;
        const std::string q = pgIdent(tr.schema) + "." + pgIdent(tr.table);
        const std::string order = commaList(key);
        std::vector<int> chunkOf;  // differing chunk of each row diff
        std::vector<std::string> lower;
        while (true) {
            if (cancel && cancel->load())
                return fail(makeError(ErrorCode::Cancelled, "comparison cancelled", report.a));
            const std::string from =
                lower.empty() ? std::string("true") : columnTuple(key) + " > " + valueTuple(lower);
            auto ub = a.query("SELECT " + order + " FROM " + q + " x WHERE " + from + " ORDER BY " + order + " OFFSET " +
                              std::to_string(options.chunkRows > 0 ? options.chunkRows - 1 : 0) + " LIMIT 1");
            if (!ub)
                return fail(ub.error());
            std::vector<std::string> upper;
            if (!ub->rows.empty())
                for (const auto &v : ub->rows[0])
                    upper.push_back(v.value_or(""));
            const std::string where =
                from + (upper.empty() ? std::string() : " AND " + columnTuple(key) + " <= " + valueTuple(upper));
            const std::string sql = "SELECT count(*), md5(string_agg(md5(x::text), '' ORDER BY " + order + ")) FROM " +
                                    q + " x WHERE " + where;
            auto ra = a.query(sql);
            if (!ra)
                return fail(ra.error());
            auto rb = b.query(sql);
            if (!rb)
                return fail(rb.error());
            ++tr.chunks;
            const std::uint64_t na = toCount(ra->rows.at(0)[0]);
            const std::uint64_t nb = toCount(rb->rows.at(0)[0]);
            tr.rowsA += na;
            tr.rowsB += nb;
            if (na != nb || ra->rows[0][1] != rb->rows[0][1]) {
                PgChunkDiff d;
                d.bounds.lower = lower;
                d.bounds.lowerInclusive = false;
                d.bounds.upper = upper;
                d.rowsA = na;
                d.rowsB = nb;
                tr.differingChunks.push_back(std::move(d));
                if (auto st = diffRows(a, b, q, key, where, tr, options.maxRowDiffs, chunkOf); !st)
                    return fail(st.error());
            }
            if (upper.empty())
                break;
            lower = upper;
        }
        report.rows += tr.rowsA;
        pending.push_back({report.tables.size(), std::move(chunkOf)});
        report.tables.push_back(std::move(tr));
    }
    for (const auto &row : tablesB->rows) {
        if (onA.count({row[0].value_or(""), row[1].value_or("")}))
            continue;
        PgTableResult tr;
        tr.schema = row[0].value_or("");
        tr.table = row[1].value_or("");
        tr.missingOnA = true;
        report.tables.push_back(std::move(tr));
    }
    finish();
    for (Pending &p : pending) {
        if (report.tables[p.table].rowDiffs.empty())
            continue;
        if (auto st = recheck(a, b, report.tables[p.table], p.chunkOf, options, cancel); !st)
            return st.error();
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

} // namespace switchyard::core::checksum
