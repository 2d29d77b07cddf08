#include "switchyard/routing/dialect.h"

#include "switchyard/routing/lexer.h"

namespace switchyard::routing {

std::string_view dialectName(Dialect dialect)
{
    switch (dialect) {
    case Dialect::MySQL: return "mysql";
    case Dialect::MariaDB: return "mariadb";
    case Dialect::PostgreSQL: return "postgres";
    }
    return "mysql";
}

std::optional<Dialect> parseDialect(std::string_view text)
{
    if (equalsIgnoreCase(text, "mysql"))
        return Dialect::MySQL;
    if (equalsIgnoreCase(text, "mariadb"))
        return Dialect::MariaDB;
    if (equalsIgnoreCase(text, "postgres") || equalsIgnoreCase(text, "postgresql") || equalsIgnoreCase(text, "pg"))
        return Dialect::PostgreSQL;
    return std::nullopt;
}

std::string ServerVersion::toString() const
{
    return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

std::optional<ServerVersion> ServerVersion::parse(std::string_view text)
{
    // MariaDB servers may announce "5.5.5-10.11.6-MariaDB" for old replication clients.
    constexpr std::string_view kMariaPrefix = "5.5.5-";
    if (text.size() > kMariaPrefix.size() && text.substr(0, kMariaPrefix.size()) == kMariaPrefix)
        text.remove_prefix(kMariaPrefix.size());
    int parts[3] = {0, 0, 0};
    int count = 0;
    std::size_t i = 0;
    while (count < 3) {
        if (i >= text.size() || text[i] < '0' || text[i] > '9')
            break;
        long value = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            value = value * 10 + (text[i] - '0');
            if (value > 999)
                return std::nullopt;
            ++i;
        }
        parts[count++] = static_cast<int>(value);
        if (i < text.size() && text[i] == '.')
            ++i;
        else
            break;
    }
    if (count == 0)
        return std::nullopt;
    // Whatever follows must be a suffix ("-MariaDB-log", "beta", " (Debian)"), not more digits.
    if (i < text.size() && text[i] >= '0' && text[i] <= '9')
        return std::nullopt;
    ServerVersion v;
    v.major = parts[0];
    v.minor = parts[1];
    v.patch = parts[2];
    if (v.minor > 99 || v.patch > 99)
        return std::nullopt;
    return v;
}

} // namespace switchyard::routing
