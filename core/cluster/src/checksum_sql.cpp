// Checksum and repair SQL generation, and chunk-size tuning: pure functions (no I/O).
#include "switchyard/core/checksum.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace switchyard::core::checksum {

namespace {

bool oneOf(std::string_view value, std::initializer_list<std::string_view> set)
{
    return std::find(set.begin(), set.end(), value) != set.end();
}

bool allDigits(std::string_view s)
{
    if (s.empty())
        return false;
    std::size_t i = (s[0] == '-') ? 1 : 0;
    if (i == s.size())
        return false;
    for (; i < s.size(); ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
    }
    return true;
}

bool isGeometry(const Column &c)
{
    return oneOf(c.dataType, {"geometry", "point", "linestring", "polygon", "multipoint", "multilinestring",
                              "multipolygon", "geometrycollection"});
}

// The expression that normalises one column for the row hash.
std::string normalisedColumn(const Column &c, const RowHashSpec &spec)
{
    const std::string id = quoteIdent(c.name);
    if (c.isText() && (c.convertCharset || spec.trimText)) {
        // The same characters in another charset or collation hash alike (pt PT-136).
        std::string e = c.convertCharset ? "CONVERT(" + id + " USING utf8mb4)" : id;
        return spec.trimText ? "TRIM(" + e + ")" : e;
    }
    if (c.dataType == "timestamp")
        return "UNIX_TIMESTAMP(" + id + ")";  // time-zone independent
    if (c.isFloat() && spec.floatPrecision)
        return "ROUND(" + id + ", " + std::to_string(*spec.floatPrecision) + ")";
    if (c.dataType == "bit")
        return "CAST(" + id + " AS UNSIGNED)";
    if (isGeometry(c))
        return "ST_AsBinary(" + id + ")";
    return id;
}

// Value of a key column as selected for boundaries and drill-down (binary as hex).
std::string keySelect(const Column *c, const std::string &name)
{
    if (c && c->isBinary())
        return "HEX(" + quoteIdent(name) + ")";
    return quoteIdent(name);
}

std::string keyLiteral(const Column *c, const std::string &value)
{
    if (c && c->isBinary())
        return "X'" + value + "'";
    if (c && c->isInteger() && allDigits(value))
        return value;
    return quoteString(value);
}

std::string lexCompare(const TableInfo &t, const std::vector<std::string> &values, const char *strict,
                       const char *last)
{
    // (k1 > v1) OR (k1 = v1 AND k2 > v2) OR ... OR (k1 = v1 AND ... AND kn >= vn)
    const std::size_t n = std::min(values.size(), t.keyColumns.size());
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        std::string term;
        for (std::size_t j = 0; j < i; ++j)
            term += quoteIdent(t.keyColumns[j]) + " = " + keyLiteral(t.column(t.keyColumns[j]), values[j]) + " AND ";
        term += quoteIdent(t.keyColumns[i]) + (i + 1 == n ? std::string(" ") + last + " " : std::string(" ") + strict + " ") +
                keyLiteral(t.column(t.keyColumns[i]), values[i]);
        if (n == 1)
            return term;
        out += (out.empty() ? "(" : " OR (") + term + ")";
    }
    return "(" + out + ")";
}

} // namespace

std::string_view hashFunctionName(HashFunction f)
{
    return f == HashFunction::Md5 ? "md5" : "crc32";
}

std::optional<HashFunction> parseHashFunction(std::string_view text)
{
    if (text == "crc32")
        return HashFunction::Crc32;
    if (text == "md5")
        return HashFunction::Md5;
    return std::nullopt;
}

ChunkSizer::ChunkSizer(double targetSeconds, std::uint64_t initial, std::uint64_t minimum, std::uint64_t maximum,
                       double weight)
    : m_target(targetSeconds), m_weight(weight), m_size(std::clamp(initial, minimum, maximum)), m_min(minimum),
      m_max(maximum)
{
}

std::uint64_t ChunkSizer::update(std::uint64_t units, double seconds)
{
    if (m_target <= 0)
        return m_size;  // adaptation off, as --chunk-time 0
    // pt's WeightedAvgRate: older chunks fade with weight 0.75 per chunk.
    m_avgUnits = m_avgUnits * m_weight + static_cast<double>(units);
    m_avgSeconds = m_avgSeconds * m_weight + std::max(seconds, 1e-4);
    const double rate = m_avgUnits / m_avgSeconds;
    const double next = rate * m_target;
    // Never more than quadruple at once: one fast, nearly empty chunk must not make the next huge.
    const double capped = std::min(next, static_cast<double>(m_size) * 4.0);
    m_size = std::clamp(static_cast<std::uint64_t>(std::llround(std::max(capped, 1.0))), m_min, m_max);
    return m_size;
}

bool Column::isText() const
{
    return oneOf(dataType, {"char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set", "json"});
}
bool Column::isBinary() const
{
    return oneOf(dataType, {"binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob"});
}
bool Column::isInteger() const
{
    return oneOf(dataType, {"tinyint", "smallint", "mediumint", "int", "integer", "bigint"});
}
bool Column::isFloat() const
{
    return oneOf(dataType, {"float", "double", "real", "double precision"});
}

std::string TableInfo::qualified() const
{
    return quoteIdent(database) + "." + quoteIdent(table);
}

const Column *TableInfo::column(std::string_view name) const
{
    for (const Column &c : columns) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

std::string quoteIdent(std::string_view name)
{
    std::string out = "`";
    for (char ch : name) {
        if (ch == '`')
            out += '`';
        out += ch;
    }
    return out + "`";
}

std::string quoteString(std::string_view text)
{
    std::string out = "'";
    for (char ch : text) {
        switch (ch) {
        case '\'': out += "''"; break;
        case '\\': out += "\\\\"; break;
        case '\0': out += "\\0"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\x1a': out += "\\Z"; break;
        default: out += ch;
        }
    }
    return out + "'";
}

// Floats hashed as their IEEE-754 bytes instead of the server's shortest round-trip text, which
// costs more than the rest of a typical row together. POINT(x, 0) is the cheapest exact
// carrier MariaDB has: a fixed 25-byte value (SRID 0, WKB header, x and y as raw little-endian
// doubles). On the 1M-row bench table: text 0.22-0.27 s of server CPU, COLUMN_CREATE 0.15-0.20
// s, POINT 0.05 s. `+ 0e0` turns -0 into 0 (they print alike and compare equal). A NULL float
// is the 0xFF marker: a POINT starts with byte 0x00, so the field stays self-delimiting.
static bool floatAsBytes(const Column &c, const RowHashSpec &spec)
{
    return spec.floatBytes && c.isFloat() && !spec.floatPrecision;
}

// A NULL column is replaced by the byte 0xFF when no value of it can print that byte: the
// text of numbers and times, and text in UTF-8 or ASCII (0xFF is never valid there). Other
// NULL-able columns (binary, geometry, single-byte charsets, unknown types) go into the
// ISNULL() bitmap.
static bool nullMarkerSafe(const Column &c, const RowHashSpec &spec)
{
    if (c.isText())
        return c.convertCharset || oneOf(c.charset, {"utf8mb4", "utf8mb3", "utf8", "ascii"});
    if (c.isInteger() || c.isFloat())
        return !floatAsBytes(c, spec);
    return oneOf(c.dataType, {"decimal", "numeric", "date", "time", "datetime", "timestamp", "year", "bit"});
}

RowHashSpec forServer(RowHashSpec spec, Flavor flavor)
{
    spec.floatBytes = flavor == Flavor::MariaDB;
    return spec;
}

std::string rowExpression(const TableInfo &table, const RowHashSpec &spec)
{
    std::string out = "CONCAT_WS('#'";
    // Every binary item is cast so that it wins the charset aggregation (a binary string of
    // IMPLICIT derivation beats text columns): the row is concatenated as raw bytes. Left
    // coercible, they would be converted to the columns' charset - bytes invalid in UTF-8 become
    // '?' (the float bytes) or fail the statement (the NULL marker, error 1300).
    const std::string marker = "CAST(X'FF' AS BINARY)";
    // The float fields go first: each is 25 bytes starting with 0x00, or the 1-byte marker, so
    // they cannot run into the text after them.
    for (const Column &c : table.columns) {
        if (!floatAsBytes(c, spec))
            continue;
        const std::string bytes = "CAST(POINT(" + quoteIdent(c.name) + " + 0e0, 0) AS BINARY)";
        out += ", " + (c.nullable ? "IFNULL(" + bytes + ", " + marker + ")" : bytes);
    }
    std::vector<std::string> nullable;
    for (const Column &c : table.columns) {
        if (floatAsBytes(c, spec))
            continue;
        if (c.nullable && nullMarkerSafe(c, spec)) {
            out += ", IFNULL(" + normalisedColumn(c, spec) + ", " + marker + ")";
            continue;
        }
        out += ", " + normalisedColumn(c, spec);
        if (c.nullable)
            nullable.push_back(quoteIdent(c.name));
    }
    // CONCAT_WS skips NULLs: the bitmap tells NULL from '' and from a missing column. As a
    // number while it fits (cheaper than a string of digits), else as pt's string of ISNULLs.
    std::string nulls;
    for (std::size_t i = 0; i < nullable.size(); ++i) {
        if (nullable.size() <= 60)
            nulls += (i ? " + " : "") + std::string("ISNULL(") + nullable[i] + ")" +
                     (i ? " * " + std::to_string(1ULL << i) : std::string());
        else
            nulls += (i ? ", " : "") + std::string("ISNULL(") + nullable[i] + ")";
    }
    if (!nulls.empty())
        out += nullable.size() <= 60 ? ", " + nulls : ", CONCAT(" + nulls + ")";
    return out + ")";
}

std::string chunkChecksumExpression(const TableInfo &table, const RowHashSpec &spec)
{
    const std::string row = rowExpression(table, spec);
    if (spec.hash == HashFunction::Crc32)
        return "COUNT(*), COALESCE(LOWER(CONV(BIT_XOR(CAST(CRC32(" + row + ") AS UNSIGNED)), 10, 16)), '0')";
    // 128 bits of MD5 as two 64-bit XOR slices. No user variable to hash the row once (pt's
    // @crc): a replica replaying the statement starts from the variable's logged value and the
    // order in which the two aggregates read it is not guaranteed - it gave false differences.
    const auto slice = [](const std::string &arg) {
        return "LPAD(LOWER(CONV(BIT_XOR(CAST(CONV(" + arg + ", 16, 10) AS UNSIGNED)), 10, 16)), 16, '0')";
    };
    return "COUNT(*), COALESCE(CONCAT(" + slice("SUBSTRING(MD5(" + row + "), 1, 16)") + ", " +
           slice("SUBSTRING(MD5(" + row + "), 17, 16)") + "), '0')";
}

std::string rangePredicate(const TableInfo &table, const ChunkBounds &bounds)
{
    std::string out;
    if (!bounds.lower.empty())
        out = lexCompare(table, bounds.lower, ">", bounds.lowerInclusive ? ">=" : ">");
    if (!bounds.upper.empty()) {
        if (!out.empty())
            out += " AND ";
        out += lexCompare(table, bounds.upper, "<", "<=");
    }
    return out.empty() ? "1=1" : out;
}

static std::string forceIndex(const TableInfo &table)
{
    return table.keyName.empty() ? std::string() : " FORCE INDEX(" + quoteIdent(table.keyName) + ")";
}

std::string checksumSelectSql(const TableInfo &table, const RowHashSpec &spec, const ChunkBounds &bounds)
{
    return "SELECT " + chunkChecksumExpression(table, spec) + " FROM " + table.qualified() + forceIndex(table) +
           " WHERE " + rangePredicate(table, bounds);
}

std::string checksumInsertSql(const TableInfo &table, const RowHashSpec &spec, const ChunkBounds &bounds, int chunk,
                              const std::string &resultTable)
{
    const auto boundLiteral = [](const std::vector<std::string> &v) {
        return v.empty() ? std::string("NULL") : quoteString(encodeBound(v));
    };
    std::string keyName = table.keyName + (bounds.lowerInclusive ? "" : " >");
    return "INSERT INTO " + resultTable +
           " (db, tbl, chunk, chunk_index, lower_boundary, upper_boundary, this_cnt, this_crc) SELECT " +
           quoteString(table.database) + ", " + quoteString(table.table) + ", " + std::to_string(chunk) + ", " +
           quoteString(keyName) + ", " + boundLiteral(bounds.lower) + ", " + boundLiteral(bounds.upper) + ", " +
           chunkChecksumExpression(table, spec) + " FROM " + table.qualified() + forceIndex(table) + " WHERE " +
           rangePredicate(table, bounds);
}

std::string nibbleBoundarySql(const TableInfo &table, const ChunkBounds &from, std::uint64_t rows)
{
    std::string cols, order;
    for (const std::string &k : table.keyColumns) {
        cols += (cols.empty() ? "" : ", ") + keySelect(table.column(k), k);
        order += (order.empty() ? "" : ", ") + quoteIdent(k);
    }
    ChunkBounds lower = from;
    lower.upper.clear();
    return "SELECT " + cols + " FROM " + table.qualified() + forceIndex(table) + " WHERE " +
           rangePredicate(table, lower) + " ORDER BY " + order + " LIMIT " + std::to_string(rows > 0 ? rows - 1 : 0) +
           ", 2";
}

// "len:value" pieces joined by ',': any value round-trips, also one with commas or colons.
std::string encodeBound(const std::vector<std::string> &values)
{
    std::string out;
    for (const std::string &v : values)
        out += (out.empty() ? "" : ",") + std::to_string(v.size()) + ":" + v;
    return out;
}

std::vector<std::string> decodeBound(std::string_view text)
{
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t colon = text.find(':', i);
        if (colon == std::string_view::npos)
            break;
        const std::size_t len = std::stoul(std::string(text.substr(i, colon - i)));
        out.emplace_back(text.substr(colon + 1, len));
        i = colon + 1 + len + 1;  // skip the comma
    }
    return out;
}

std::string keySelectList(const TableInfo &table)
{
    std::string cols;
    for (const std::string &k : table.keyColumns)
        cols += (cols.empty() ? "" : ", ") + keySelect(table.column(k), k);
    return cols;
}

std::string columnSelectList(const TableInfo &table)
{
    std::string cols;
    for (const Column &c : table.columns) {
        std::string e = quoteIdent(c.name);
        if (c.isBinary())
            e = "HEX(" + e + ")";
        else if (c.dataType == "bit")
            e = "CAST(" + e + " AS UNSIGNED)";
        else if (isGeometry(c))
            e = "HEX(ST_AsBinary(" + e + "))";
        cols += (cols.empty() ? "" : ", ") + e;
    }
    return cols;
}

std::string keyEqualsPredicate(const TableInfo &table, const std::vector<std::string> &key)
{
    std::string where;
    for (std::size_t k = 0; k < table.keyColumns.size() && k < key.size(); ++k)
        where += (where.empty() ? "" : " AND ") + quoteIdent(table.keyColumns[k]) + " = " +
                 keyLiteral(table.column(table.keyColumns[k]), key[k]);
    return "(" + where + ")";
}

std::string_view rowDiffKindName(RowDiffKind kind)
{
    switch (kind) {
    case RowDiffKind::Missing: return "missing";
    case RowDiffKind::Extra: return "extra";
    case RowDiffKind::Different: return "different";
    }
    return "different";
}

// Literal for a value fetched by diffChunkRows (binary columns come as hex).
static std::string valueLiteral(const Column &c, const std::optional<std::string> &v)
{
    if (!v)
        return "NULL";
    if (c.isBinary())
        return v->empty() ? std::string("''") : "X'" + *v + "'";
    if (isGeometry(c))
        return "ST_GeomFromWKB(X'" + *v + "')";
    if ((c.isInteger() || c.dataType == "bit") && allDigits(*v))
        return *v;
    return quoteString(*v);
}

RepairPlan planRepair(const TableInfo &table, const std::vector<RowDiff> &diffs, RepairTarget target,
                      const std::string &node, bool cascadedReplica)
{
    RepairPlan plan;
    plan.target = target;
    plan.node = node;
    if (target == RepairTarget::Primary) {
        // Statement format so the REPLACE (a no-op on the primary) and the DELETE (matching
        // nothing there) replicate as statements and change the replicas.
        plan.sessionSetup = {"SET SESSION binlog_format = 'STATEMENT'", "SET SESSION innodb_lock_wait_timeout = 5"};
        plan.warnings.push_back("These statements run on the primary and replicate to EVERY replica, not only the "
                                "drifted one.");
        if (cascadedReplica)
            plan.warnings.push_back("The drifted replica is cascaded: an intermediate replica that logs in ROW format "
                                    "re-logs the rows, and a REPLACE of a row the leaf lacks can stop its replication. "
                                    "Prefer repairing on the replica alone.");
    } else {
        plan.sessionSetup = {"SET SESSION sql_log_bin = 0"};
        plan.warnings.push_back("These statements run on the replica alone with binary logging off (sql_log_bin=0): "
                                "no other node receives them, and the replica's own replicas are not repaired.");
    }
    plan.warnings.push_back("Values are the primary's as read during the drill-down; rows written since are "
                            "overwritten. Re-verify the chunk afterwards.");

    std::string cols;
    std::vector<std::size_t> writable;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (table.columns[i].generated)
            continue;
        writable.push_back(i);
        cols += (cols.empty() ? "" : ", ") + quoteIdent(table.columns[i].name);
    }
    std::set<std::string> seen;
    for (const RowDiff &d : diffs) {
        std::string sql;
        if (d.kind == RowDiffKind::Extra) {
            std::string where = keyEqualsPredicate(table, d.key);
            sql = "DELETE FROM " + table.qualified() + " WHERE " + where.substr(1, where.size() - 2);
        } else {
            if (d.primaryRow.size() != table.columns.size())
                continue;
            std::string values;
            for (std::size_t i : writable)
                values += (values.empty() ? "" : ", ") + valueLiteral(table.columns[i], d.primaryRow[i]);
            sql = "REPLACE INTO " + table.qualified() + " (" + cols + ") VALUES (" + values + ")";
        }
        if (seen.insert(sql).second)
            plan.statements.push_back(std::move(sql));
    }
    return plan;
}

} // namespace switchyard::core::checksum
