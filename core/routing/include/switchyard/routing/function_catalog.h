// What the router knows about SQL functions: an allow-list of built-ins that only read, and
// the few built-ins with special routing meaning (sequences, named locks, per-connection
// values, session setters). Any function not in the catalog counts as one that may write.
//
// The defaults per dialect are deliberately conservative: a function is listed as ReadOnly
// only when it neither changes data nor depends on state of one particular connection.
// Applications add their own read-only functions (e.g. STABLE SQL functions) with set().
//
// Thread contract: build and configure it on one thread; once handed to a Router (as a
// shared_ptr<const FunctionCatalog>) it is only read, and reading is safe from any thread.
#pragma once

#include "switchyard/routing/dialect.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::routing {

enum class FunctionClass : std::uint8_t {
    Unknown,          // not in the catalog: may write, goes to the primary
    ReadOnly,         // safe on any replica
    Write,            // known to write or to change server state
    Sequence,         // nextval/setval/NEXT VALUE FOR: advances a sequence (primary)
    PrimaryOnly,      // value only meaningful on the primary connection (LAST_INSERT_ID, currval)
    NamedLock,        // takes a session-level named/advisory lock (primary, pins the session)
    NamedLockXact,    // takes a transaction-level advisory lock (primary)
    NamedUnlock,      // releases or inspects a named lock (primary, same connection)
    NamedUnlockAll,   // releases every named lock (primary, unpins)
    RelatesToPrevious,// FOUND_ROWS(), ROW_COUNT(): about the previous statement's connection
    SessionSetter,    // set_config(): a SET in disguise (all backends)
    Notify,           // pg_notify(): not allowed on a standby (primary)
    ServerSpecific,   // answer depends on which server runs it (pg_is_in_recovery, CONNECTION_ID)
};

std::string_view functionClassName(FunctionClass c);

class FunctionCatalog
{
public:
    FunctionCatalog() = default;

    // The built-in defaults for a dialect (MySQL and MariaDB share most of them).
    static FunctionCatalog defaults(Dialect dialect);

    // Adds or overrides a function. Names are matched case-insensitively (ASCII); give the
    // bare name ("my_stable_fn"). PostgreSQL schema-qualified calls outside pg_catalog are
    // always Unknown.
    void set(std::string_view name, FunctionClass cls);
    void remove(std::string_view name);

    // Case-insensitive lookup; hash is foldHash(name) (the lexer computes it for free).
    FunctionClass lookup(std::string_view name, std::uint32_t hash) const;
    FunctionClass lookup(std::string_view name) const;
    // Case-sensitive lookup, for quoted identifiers in PostgreSQL ("Now" is not now).
    FunctionClass lookupExact(std::string_view name, std::uint32_t hash) const;

    std::size_t size() const { return m_count; }

private:
    struct Entry
    {
        std::string name;          // lowercase
        std::uint32_t hash = 0;
        FunctionClass cls = FunctionClass::Unknown;
        bool used = false;
    };
    void rehash(std::size_t buckets);
    const Entry *find(std::string_view name, std::uint32_t hash, bool exact) const;

    std::vector<Entry> m_table;    // open addressing, power-of-two size
    std::size_t m_count = 0;
};

} // namespace switchyard::routing
