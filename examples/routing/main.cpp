// routing_example: read/write splitting inside an application with switchyard::routing.
//
// It keeps one connection per node (the primary and each replica) with the ordinary
// MySQL/MariaDB client library, and for every statement asks the router where it goes:
// the primary, one named replica, or all of them (session commands such as SET). It feeds
// the router what it needs for read-your-writes:
//   - the topology: every node, its role, health and replicated position (@@gtid_slave_pos on
//     MariaDB, @@gtid_executed on MySQL), refreshed here before each statement; a real
//     application does that on a timer or takes it from a monitor;
//   - the session's writes: after a write commits, the GTID it got (@@last_gtid on MariaDB,
//     the primary's @@gtid_executed on MySQL) through Session::noteWritePosition.
//
// Usage (one line):
//   SWITCHYARD_PASSWORD=secret routing_example --primary n1=127.0.0.1:3306
//       --replica n2=127.0.0.1:3307 --replica n3=127.0.0.1:3308 --user app --database app
//       [--consistency read-your-writes] [--policy round-robin]
// Reads one SQL statement per line on stdin (empty lines and lines starting with # are
// skipped) and prints one JSON line per statement:
//   {"sql":"SELECT ...","target":"replica","node":"n2","rows":[["1","a"]],"error":null}
#include <switchyard/routing/routing.h>

#include <mysql.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace sr = switchyard::routing;

namespace {

struct Node
{
    std::string name;
    std::string host;
    unsigned port = 3306;
    bool primary = false;
    MYSQL *conn = nullptr;
    bool up = false;
};

struct Outcome
{
    std::vector<std::vector<std::optional<std::string>>> rows;
    std::string error;
};

std::string json(const std::string &s)
{
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out.push_back(static_cast<char>(c));
            }
        }
    }
    return out + "\"";
}

bool parseEndpoint(const std::string &arg, Node &node)
{
    // NAME=HOST:PORT
    const auto eq = arg.find('=');
    const auto colon = arg.rfind(':');
    if (eq == std::string::npos || colon == std::string::npos || colon < eq)
        return false;
    node.name = arg.substr(0, eq);
    node.host = arg.substr(eq + 1, colon - eq - 1);
    node.port = static_cast<unsigned>(std::strtoul(arg.c_str() + colon + 1, nullptr, 10));
    return !node.name.empty() && !node.host.empty() && node.port != 0;
}

Outcome run(MYSQL *conn, const std::string &sql)
{
    Outcome out;
    if (mysql_real_query(conn, sql.data(), sql.size()) != 0) {
        out.error = mysql_error(conn);
        return out;
    }
    // Every result set of the statement (a multi-statement packet has several).
    do {
        MYSQL_RES *res = mysql_store_result(conn);
        if (res) {
            const unsigned fields = mysql_num_fields(res);
            while (MYSQL_ROW row = mysql_fetch_row(res)) {
                std::vector<std::optional<std::string>> r;
                for (unsigned i = 0; i < fields; ++i)
                    r.push_back(row[i] ? std::optional<std::string>(row[i]) : std::nullopt);
                out.rows.push_back(std::move(r));
            }
            mysql_free_result(res);
        } else if (mysql_field_count(conn) != 0) {
            out.error = mysql_error(conn);
        }
    } while (mysql_next_result(conn) == 0);
    return out;
}

std::optional<std::string> scalar(MYSQL *conn, const char *sql)
{
    Outcome o = run(conn, sql);
    if (!o.error.empty() || o.rows.empty() || o.rows[0].empty() || !o.rows[0][0])
        return std::nullopt;
    return *o.rows[0][0];
}

// The router's view: roles from the command line, health from the connections, positions
// from each replica.
sr::TopologyView topologyOf(std::vector<Node> &nodes, sr::Dialect dialect, std::uint64_t generation)
{
    sr::TopologyView view;
    view.generation = generation;
    for (Node &n : nodes) {
        sr::NodeView v;
        v.name = n.name;
        v.role = n.primary ? sr::NodeRole::Primary : sr::NodeRole::Replica;
        v.health = n.up ? sr::NodeHealth::Up : sr::NodeHealth::Down;
        if (n.up && !n.primary) {
            const char *query = dialect == sr::Dialect::MariaDB ? "SELECT @@gtid_slave_pos" : "SELECT @@gtid_executed";
            if (auto text = scalar(n.conn, query)) {
                if (auto pos = sr::ReplicationPosition::parse(dialect, *text))
                    v.position = std::move(pos).value();
            } else {
                v.health = sr::NodeHealth::Down;
            }
        }
        view.nodes.push_back(std::move(v));
    }
    return view;
}

int usage()
{
    std::cerr << "usage: routing_example --primary NAME=HOST:PORT [--replica NAME=HOST:PORT ...] --user USER "
                 "[--database DB] [--consistency LEVEL] [--policy POLICY]\n"
                 "       (password in SWITCHYARD_PASSWORD; statements on stdin, one per line)\n";
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<Node> nodes;
    std::string user, database;
    sr::RouterConfig config;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool hasValue = i + 1 < argc;
        if ((a == "--primary" || a == "--replica") && hasValue) {
            Node n;
            if (!parseEndpoint(argv[++i], n))
                return usage();
            n.primary = a == "--primary";
            nodes.push_back(n);
        } else if (a == "--user" && hasValue) {
            user = argv[++i];
        } else if (a == "--database" && hasValue) {
            database = argv[++i];
        } else if (a == "--consistency" && hasValue) {
            auto c = sr::Consistency::parse(argv[++i]);
            if (!c)
                return usage();
            config.consistency = *c;
        } else if (a == "--policy" && hasValue) {
            auto p = sr::parsePolicy(argv[++i]);
            if (!p)
                return usage();
            config.policy = *p;
        } else {
            return usage();
        }
    }
    if (nodes.empty() || user.empty())
        return usage();
    const char *password = std::getenv("SWITCHYARD_PASSWORD");

    std::string serverInfo;
    for (Node &n : nodes) {
        n.conn = mysql_init(nullptr);
        unsigned timeout = 5;
        mysql_options(n.conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
        n.up = mysql_real_connect(n.conn, n.host.c_str(), user.c_str(), password ? password : "",
                                  database.empty() ? nullptr : database.c_str(), n.port, nullptr,
                                  CLIENT_MULTI_STATEMENTS)
               != nullptr;
        if (!n.up)
            std::cerr << "routing_example: " << n.name << ": " << mysql_error(n.conn) << "\n";
        else if (n.primary)
            serverInfo = mysql_get_server_info(n.conn);
    }
    // MariaDB or MySQL, and the version: how executable comments and GTIDs are read.
    config.dialect = serverInfo.find("MariaDB") != std::string::npos ? sr::Dialect::MariaDB : sr::Dialect::MySQL;
    config.serverVersion = sr::ServerVersion::parse(serverInfo);

    sr::Router router(config);
    sr::Session session = router.newSession();
    std::uint64_t generation = 0;
    std::uint64_t reportedWrites = 0;

    std::string sql;
    while (std::getline(std::cin, sql)) {
        if (sql.empty() || sql[0] == '#')
            continue;
        router.setTopology(topologyOf(nodes, config.dialect, ++generation));
        const sr::RouteDecision &d = router.route(session, sql);

        Outcome result;
        if (d.target == sr::Target::All) {
            // A session command: every connection of this session gets it; the primary answers.
            for (Node &n : nodes) {
                if (!n.up)
                    continue;
                Outcome o = run(n.conn, sql);
                if (n.primary)
                    result = std::move(o);
            }
        } else if (d.node >= 0 && nodes[static_cast<std::size_t>(d.node)].up) {
            result = run(nodes[static_cast<std::size_t>(d.node)].conn, sql);
        } else {
            result.error = "no connection to the chosen node";
        }

        // Read-your-writes: once the session's writes are committed, tell the router where
        // they are in the replication stream.
        if (session.writeCount() > reportedWrites && !session.inTransaction()) {
            for (Node &n : nodes) {
                if (!n.primary || !n.up)
                    continue;
                const char *query =
                    config.dialect == sr::Dialect::MariaDB ? "SELECT @@last_gtid" : "SELECT @@global.gtid_executed";
                if (auto text = scalar(n.conn, query))
                    if (auto pos = sr::ReplicationPosition::parse(config.dialect, *text))
                        session.noteWritePosition(*pos);
            }
            reportedWrites = session.writeCount();
        }

        std::string line = "{\"sql\":" + json(sql) + ",\"target\":" + json(std::string(sr::targetName(d.target)))
                           + ",\"node\":" + (d.nodeName.empty() ? std::string("null") : json(d.nodeName))
                           + ",\"rows\":[";
        for (std::size_t r = 0; r < result.rows.size(); ++r) {
            line += r ? ",[" : "[";
            for (std::size_t c = 0; c < result.rows[r].size(); ++c) {
                if (c)
                    line += ',';
                line += result.rows[r][c] ? json(*result.rows[r][c]) : std::string("null");
            }
            line += ']';
        }
        line += "],\"error\":" + (result.error.empty() ? std::string("null") : json(result.error)) + "}";
        std::cout << line << std::endl;
    }
    for (Node &n : nodes)
        mysql_close(n.conn);
    return 0;
}
