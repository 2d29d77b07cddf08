// PostgreSQL: compare two nodes (a logical-replication publisher and subscriber, or two
// clusters) chunk by chunk, each side inside one REPEATABLE READ snapshot.
#include "switchyard/core/checksum.h"

#include <cstdlib>

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

std::string rowTuple(const std::vector<std::string> &columns, const std::vector<std::string> &values, bool literal)
{
    std::string out = "(";
    for (std::size_t i = 0; i < columns.size(); ++i)
        out += (i ? ", " : "") + (literal ? pgLiteral(values[i]) : pgIdent(columns[i]));
    return out + ")";
}

Status run(Connection &c, const std::string &sql)
{
    auto r = c.execute(sql);
    if (!r)
        return r.error();
    return okStatus();
}

} // namespace

Result<std::vector<PgTableResult>> comparePostgres(Connection &a, Connection &b, const PgCompareOptions &options,
                                                   const CancelFlag &cancel)
{
    for (Connection *c : {&a, &b}) {
        if (!c->isOpen()) {
            if (auto st = c->connect(); !st)
                return st.error();
        }
    }
    auto rec = b.query("SELECT pg_is_in_recovery(), (SELECT count(*) FROM pg_stat_wal_receiver)");
    if (!rec)
        return rec.error();
    if (!rec->rows.empty() && rec->rows[0][0].value_or("") == "t")
        return makeError(ErrorCode::Unsupported,
                         "node is a physical standby: it replays the primary's WAL and is byte-identical by design; "
                         "if it is suspected of corruption, rebuild it (pg_basebackup) instead of comparing rows",
                         b.options().label());
    // Same text for the same values on both sides, whatever the servers' defaults.
    for (Connection *c : {&a, &b}) {
        for (const char *sql : {"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "SET LOCAL TimeZone = 'UTC'",
                                "SET LOCAL DateStyle = 'ISO, YMD'", "SET LOCAL extra_float_digits = 1",
                                "SET LOCAL bytea_output = 'hex'"}) {
            if (auto st = run(*c, sql); !st)
                return st.error();
        }
    }
    auto finish = [&] {
        static_cast<void>(a.execute("COMMIT"));
        static_cast<void>(b.execute("COMMIT"));
    };
    // Tables and primary keys, from a.
    std::string filter;
    for (const std::string &t : options.tables) {
        const auto dot = t.find('.');
        const std::string schema = dot == std::string::npos ? "public" : t.substr(0, dot);
        const std::string name = dot == std::string::npos ? t : t.substr(dot + 1);
        filter += (filter.empty() ? "" : " OR ") + std::string("(n.nspname = ") + pgLiteral(schema) +
                  " AND c.relname = " + pgLiteral(name) + ")";
    }
    auto tables = a.query(
        "SELECT n.nspname, c.relname, (SELECT string_agg(att.attname, ',' ORDER BY k.ord) FROM pg_index i "
        "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) JOIN pg_attribute att ON "
        "att.attrelid = i.indrelid AND att.attnum = k.attnum WHERE i.indrelid = c.oid AND i.indisprimary) "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p') AND n.nspname NOT "
        "IN ('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg_toast%'" +
        (filter.empty() ? std::string() : " AND (" + filter + ")") + " ORDER BY 1, 2");
    if (!tables) {
        finish();
        return tables.error();
    }
    std::vector<PgTableResult> out;
    for (const auto &row : tables->rows) {
        PgTableResult tr;
        tr.schema = row[0].value_or("");
        tr.table = row[1].value_or("");
        if (!row[2]) {
            tr.skipReason = "no primary key";
            out.push_back(std::move(tr));
            continue;
        }
        std::vector<std::string> key;
        for (std::size_t s = 0, e; s <= row[2]->size(); s = e + 1) {
            e = row[2]->find(',', s);
            if (e == std::string::npos)
                e = row[2]->size();
            key.push_back(row[2]->substr(s, e - s));
        }
        const std::string q = pgIdent(tr.schema) + "." + pgIdent(tr.table);
        std::string order;
        for (const std::string &k : key)
            order += (order.empty() ? "" : ", ") + pgIdent(k);
        std::vector<std::string> lower;
        while (true) {
            if (cancel && cancel->load())
                break;
            const std::string from = lower.empty() ? std::string("true") : rowTuple(key, key, false) + " > " + rowTuple(key, lower, true);
            auto ub = a.query("SELECT " + order + " FROM " + q + " x WHERE " + from + " ORDER BY " + order + " OFFSET " +
                              std::to_string(options.chunkRows > 0 ? options.chunkRows - 1 : 0) + " LIMIT 1");
            if (!ub) {
                finish();
                return ub.error();
            }
            std::vector<std::string> upper;
            if (!ub->rows.empty())
                for (const auto &v : ub->rows[0])
                    upper.push_back(v.value_or(""));
            const std::string where =
                from + (upper.empty() ? std::string() : " AND " + rowTuple(key, key, false) + " <= " + rowTuple(key, upper, true));
            const std::string sql = "SELECT count(*), md5(string_agg(md5(x::text), '' ORDER BY " + order + ")) FROM " + q +
                                    " x WHERE " + where;
            auto ra = a.query(sql);
            auto rb = b.query(sql);
            if (!ra || !rb) {
                finish();
                return ra ? rb.error() : ra.error();
            }
            ++tr.chunks;
            const auto na = std::strtoull(ra->rows[0][0].value_or("0").c_str(), nullptr, 10);
            const auto nb = std::strtoull(rb->rows[0][0].value_or("0").c_str(), nullptr, 10);
            tr.rowsA += na;
            tr.rowsB += nb;
            if (na != nb || ra->rows[0][1] != rb->rows[0][1]) {
                ChunkBounds cb;
                cb.lower = lower;
                cb.lowerInclusive = false;
                cb.upper = upper;
                tr.differingChunks.push_back(std::move(cb));
            }
            if (upper.empty())
                break;
            lower = upper;
        }
        out.push_back(std::move(tr));
    }
    finish();
    return out;
}

} // namespace switchyard::core::checksum
