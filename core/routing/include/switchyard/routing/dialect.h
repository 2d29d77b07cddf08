// SQL dialects the routing core understands, and server versions as the lexer compares them.
//
// The dialect decides the lexical rules (comments, quotes, executable comments) and the
// grammar the classifier expects. The server version decides which version-specific
// executable comments (/*!NNNNN ... */, /*M!NNNNNN ... */) the server would run.
//
// Thread contract: plain values and pure functions; safe everywhere.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace switchyard::routing {

enum class Dialect : std::uint8_t {
    MySQL,       // MySQL 5.7/8.x/9.x
    MariaDB,     // MariaDB 10.x/11.x: MySQL rules plus /*M!...*/, sequences, ANALYZE stmt
    PostgreSQL,  // PostgreSQL 12+
};

std::string_view dialectName(Dialect dialect);                 // "mysql", "mariadb", "postgres"
std::optional<Dialect> parseDialect(std::string_view text);    // also "postgresql", "pg"

inline bool isMySqlFamily(Dialect d) { return d != Dialect::PostgreSQL; }

// A server version. For MySQL and MariaDB, number() is what executable comments compare
// against: major*10000 + minor*100 + patch (8.0.36 -> 80036, 10.11.6 -> 101106).
struct ServerVersion
{
    int major = 0;
    int minor = 0;
    int patch = 0;

    std::uint32_t number() const
    {
        return static_cast<std::uint32_t>(major) * 10000u + static_cast<std::uint32_t>(minor) * 100u
               + static_cast<std::uint32_t>(patch);
    }
    std::string toString() const;

    // Accepts "8.0.36", "10.11.6-MariaDB-log", "5.5.5-10.11.6-MariaDB" (the MariaDB
    // replication prefix is skipped), "16.2", "16". Returns nullopt for anything else.
    static std::optional<ServerVersion> parse(std::string_view text);

    friend bool operator==(const ServerVersion &, const ServerVersion &) = default;
};

} // namespace switchyard::routing
