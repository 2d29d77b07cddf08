// Loading the routing corpora (JSON Lines) for tests and benchmarks.
//
// Each line: {"id", "dialect", "setup": [...], "sql", "expect": "primary"|"replica"|"all", "why"}
// plus optional fields used by tests/data/routing-extra.jsonl:
//   "server_version": "8.0.36"     the router's server version (default: unknown)
//   "kind": "read"                 the expected StatementKind name (or "multi")
//   "sql_mode": null               the server's initial sql_mode (null: unknown)
//   "scs": null                    PostgreSQL standard_conforming_strings at start (null: unknown)
//   "charset": "gbk"               initial client character set
//   "consistency": "strong"        the router's consistency level (default eventual)
//   "node": "replica2"             the expected node name
#pragma once

#include "json_lite.h"

#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace switchyard::routing::test {

struct CorpusCase
{
    std::string file;
    int line = 0;
    std::string id;
    std::string dialect;
    std::vector<std::string> setup;
    std::string sql;
    std::string expect;
    std::string why;
    std::string serverVersion;
    std::string kind;
    bool sqlModeGiven = false;
    std::optional<std::string> sqlMode;
    bool scsGiven = false;
    std::optional<bool> scs;
    std::string charset;
    std::string consistency;
    std::string node;
};

// ${SWITCHYARD_SHARED_DIR}/data/<name> when present, else ${SWITCHYARD_TEST_DATA_DIR}/<name>.
inline std::string corpusPath(const std::string &name, bool preferShared = true)
{
#ifdef SWITCHYARD_SHARED_DIR
    if (preferShared) {
        std::string shared = std::string(SWITCHYARD_SHARED_DIR) + "/data/" + name;
        if (std::ifstream(shared).good())
            return shared;
    }
#endif
#ifdef SWITCHYARD_TEST_DATA_DIR
    return std::string(SWITCHYARD_TEST_DATA_DIR) + "/" + name;
#else
    return name;
#endif
}

// Appends the cases of one file; returns false (with a message) on unreadable or bad lines.
inline bool loadCorpus(const std::string &path, std::vector<CorpusCase> &out, std::string &error)
{
    std::ifstream in(path);
    if (!in) {
        error = "cannot open " + path;
        return false;
    }
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        std::optional<Json> j = Json::parse(line);
        if (!j || j->type != Json::Type::Object) {
            error = path + ":" + std::to_string(n) + ": not a JSON object";
            return false;
        }
        CorpusCase c;
        c.file = path;
        c.line = n;
        c.id = j->str("id");
        c.dialect = j->str("dialect");
        c.sql = j->str("sql");
        c.expect = j->str("expect");
        c.why = j->str("why");
        c.serverVersion = j->str("server_version");
        c.kind = j->str("kind");
        c.charset = j->str("charset");
        c.consistency = j->str("consistency");
        c.node = j->str("node");
        if (const Json *s = j->get("setup"))
            for (const Json &e : s->array)
                c.setup.push_back(e.string);
        if (const Json *m = j->get("sql_mode")) {
            c.sqlModeGiven = true;
            if (m->type == Json::Type::String)
                c.sqlMode = m->string;
        }
        if (const Json *m = j->get("scs")) {
            c.scsGiven = true;
            if (m->type == Json::Type::Bool)
                c.scs = m->boolean;
        }
        if (c.id.empty() || c.dialect.empty() || c.expect.empty()) {
            error = path + ":" + std::to_string(n) + ": id, dialect and expect are required";
            return false;
        }
        out.push_back(std::move(c));
    }
    return true;
}

} // namespace switchyard::routing::test
