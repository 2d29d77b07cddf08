// The routing library inside an application (issue 3): examples/routing runs real statements
// over real connections to the MariaDB sandbox. With read-your-writes, a row the session wrote
// is always seen by its next read, whichever node serves it - and replicas do serve reads once
// they have applied the session's writes.
#include "json_lite.h"
#include "sandbox_fixture.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

using namespace switchyard;
using switchyard::routing::test::Json;

namespace {

struct Line
{
    std::string sql;
    std::string target;
    std::string node;
    std::vector<std::vector<std::string>> rows;
    std::string error;
};

std::string shellQuote(const std::string &s)
{
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out.push_back(c);
    }
    return out + "'";
}

// Runs the example with `input` on stdin; returns its JSON lines.
std::vector<Line> runExample(itest::ScopedSandbox &sandbox, const std::string &consistency,
                             const std::vector<std::string> &input, std::string &problem)
{
    const core::SandboxInfo &info = sandbox.info();
    std::string cmd = std::string(ROUTING_EXAMPLE);
    for (const core::SandboxNode &n : info.nodes)
        cmd += (n.role == core::SandboxRole::Primary ? " --primary " : " --replica ")
               + shellQuote(n.name + "=" + n.host + ":" + std::to_string(n.port));
    cmd += " --user " + shellQuote(info.credentials.application.user);
    cmd += " --database " + shellQuote(info.credentials.appDatabase);
    cmd += " --consistency " + consistency;
    const std::string inputPath = itest::ScopedSandbox::rootDirectory() + "/routing-example-input.sql";
    {
        std::ofstream f(inputPath);
        for (const std::string &s : input)
            f << s << "\n";
    }
    cmd += " < " + shellQuote(inputPath) + " 2>&1";
    ::setenv("SWITCHYARD_PASSWORD", info.credentials.application.password.c_str(), 1);
    FILE *p = ::popen(cmd.c_str(), "r");
    if (!p) {
        problem = "cannot start " + cmd;
        return {};
    }
    std::vector<Line> out;
    std::string text;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, p))
        text += buf;
    const int status = ::pclose(p);
    if (status != 0)
        problem = "exit status " + std::to_string(status) + ": " + text.substr(0, 2000);
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos)
            nl = text.size();
        const std::string raw = text.substr(pos, nl - pos);
        pos = nl + 1;
        auto j = Json::parse(raw);
        if (!j) {
            problem += "not JSON: " + raw + "\n";
            continue;
        }
        Line l;
        l.sql = j->str("sql");
        l.target = j->str("target");
        l.node = j->str("node");
        if (const Json *e = j->get("error"); e && !e->isNull())
            l.error = e->string;
        if (const Json *rows = j->get("rows"))
            for (const Json &r : rows->array) {
                std::vector<std::string> row;
                for (const Json &v : r.array)
                    row.push_back(v.isNull() ? std::string("NULL") : v.string);
                l.rows.push_back(std::move(row));
            }
        out.push_back(std::move(l));
    }
    return out;
}

} // namespace

TEST(RoutingExample, ReadYourWritesAlwaysSeesTheSessionsOwnRows)
{
    auto &sandbox = itest::sharedSandbox(core::Engine::MySQL);
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    ASSERT_GE(sandbox.replicas().size(), 1u);

    constexpr int kRows = 150;
    std::vector<std::string> input = {
        "DROP TABLE IF EXISTS ryw_probe",
        "CREATE TABLE ryw_probe (id INT PRIMARY KEY, v INT) ENGINE=InnoDB",
    };
    // Phase 1: every write is read back at once.
    for (int i = 1; i <= kRows; ++i) {
        input.push_back("INSERT INTO ryw_probe VALUES (" + std::to_string(i) + ", " + std::to_string(i * 7) + ")");
        input.push_back("SELECT v FROM ryw_probe WHERE id = " + std::to_string(i));
    }
    // A write inside a transaction counts from its COMMIT.
    input.push_back("BEGIN");
    input.push_back("UPDATE ryw_probe SET v = -1 WHERE id = 1");
    input.push_back("SELECT v FROM ryw_probe WHERE id = 1");
    input.push_back("COMMIT");
    input.push_back("SELECT v FROM ryw_probe WHERE id = 1");
    // Phase 2: give the replicas a moment, then read older rows: replicas qualify now.
    input.push_back("SELECT SLEEP(0.5)");
    for (int i = 2; i <= kRows; i += 7)
        input.push_back("SELECT v FROM ryw_probe WHERE id = " + std::to_string(i));

    std::string problem;
    const std::vector<Line> out = runExample(sandbox, "read-your-writes", input, problem);
    ASSERT_TRUE(problem.empty()) << problem;
    ASSERT_EQ(out.size(), input.size());

    int replicaReads = 0;
    int primaryReads = 0;
    for (std::size_t k = 0; k < out.size(); ++k) {
        const Line &l = out[k];
        SCOPED_TRACE(l.sql + " -> " + l.target + " " + l.node);
        EXPECT_EQ(l.sql, input[k]);
        EXPECT_TRUE(l.error.empty()) << l.error;
        if (l.sql.rfind("INSERT", 0) == 0 || l.sql.rfind("UPDATE", 0) == 0 || l.sql.rfind("CREATE", 0) == 0
            || l.sql.rfind("DROP", 0) == 0) {
            EXPECT_EQ(l.target, "primary");
            continue;
        }
        if (l.sql.rfind("SELECT v FROM ryw_probe WHERE id = ", 0) != 0)
            continue;
        const int id = std::stoi(l.sql.substr(std::string("SELECT v FROM ryw_probe WHERE id = ").size()));
        // Row 1 was set to -1 inside the transaction (and is read there and after the commit).
        const std::string expected = id == 1 && k > 2 * kRows + 1 ? "-1" : std::to_string(id * 7);
        ASSERT_EQ(l.rows.size(), 1u) << "the session's own row is missing";
        EXPECT_EQ(l.rows[0].at(0), expected);
        (l.target == "replica" ? replicaReads : primaryReads)++;
    }
    // Read-your-writes must not mean "always the primary": caught-up replicas serve reads.
    EXPECT_GT(replicaReads, 0) << "no read reached a replica (" << primaryReads << " on the primary)";
    std::printf("read-your-writes: %d reads on replicas, %d on the primary, all saw their rows\n", replicaReads,
                primaryReads);
}

// The control that gives the test above its teeth: with replication stopped on one replica,
// eventual consistency reads stale data from it, read-your-writes never does.
TEST(RoutingExample, StoppedReplicaIsStaleForEventualButNeverForReadYourWrites)
{
    auto &sandbox = itest::sharedSandbox(core::Engine::MySQL);
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    const auto replicas = sandbox.replicas();
    ASSERT_GE(replicas.size(), 1u);
    auto admin = core::createConnection(sandbox.options(*replicas.front(), sandbox.info().credentials.admin));
    ASSERT_TRUE(admin->connect().ok());
    ASSERT_TRUE(admin->execute("STOP SLAVE").ok());

    auto workload = [](const std::string &table) {
        std::vector<std::string> input = {"CREATE TABLE IF NOT EXISTS " + table + " (id INT PRIMARY KEY, v INT)"};
        for (int i = 1; i <= 40; ++i) {
            input.push_back("INSERT INTO " + table + " VALUES (" + std::to_string(i) + ", " + std::to_string(i) + ")");
            input.push_back("SELECT v FROM " + table + " WHERE id = " + std::to_string(i));
        }
        return input;
    };
    auto missing = [](const std::vector<Line> &out) {
        int n = 0;
        for (const Line &l : out)
            if (l.sql.rfind("SELECT v FROM", 0) == 0 && l.rows.empty())
                ++n;
        return n;
    };
    std::string problem;
    const std::vector<Line> eventual = runExample(sandbox, "eventual", workload("stale_eventual"), problem);
    ASSERT_TRUE(problem.empty()) << problem;
    const std::vector<Line> ryw = runExample(sandbox, "read-your-writes", workload("stale_ryw"), problem);
    EXPECT_TRUE(admin->execute("START SLAVE").ok());
    ASSERT_TRUE(problem.empty()) << problem;
    // The stopped replica has neither table's rows: eventual reads that land there miss them.
    EXPECT_GT(missing(eventual), 0) << "eventual consistency never read the stopped replica";
    EXPECT_EQ(missing(ryw), 0) << "read-your-writes read a row it had not seen applied";
    for (const Line &l : ryw)
        if (l.node == replicas.front()->name)
            ADD_FAILURE() << "read-your-writes used the stopped replica for " << l.sql;
}

TEST(RoutingExample, SessionCommandsReachEveryConnectionAndWritesStayOnThePrimary)
{
    auto &sandbox = itest::sharedSandbox(core::Engine::MySQL);
    ASSERT_TRUE(sandbox.ok()) << sandbox.error();
    const std::vector<std::string> input = {
        "CREATE TABLE IF NOT EXISTS ryw_probe (id INT PRIMARY KEY, v INT)",
        "SET @marker = 42",                               // all
        "SELECT @marker",                                 // any replica: every connection has it
        "SELECT @@server_id",                             // a replica
        "SELECT * FROM ryw_probe WHERE id = 3 FOR UPDATE",// primary
        "/* switchyard: primary */ SELECT 1",             // primary by hint
    };
    std::string problem;
    const std::vector<Line> out = runExample(sandbox, "eventual", input, problem);
    ASSERT_TRUE(problem.empty()) << problem;
    ASSERT_EQ(out.size(), input.size());
    EXPECT_EQ(out[0].target, "primary");
    EXPECT_EQ(out[1].target, "all");
    EXPECT_EQ(out[2].target, "replica");
    ASSERT_EQ(out[2].rows.size(), 1u);
    EXPECT_EQ(out[2].rows[0][0], "42");
    EXPECT_EQ(out[3].target, "replica");
    EXPECT_EQ(out[4].target, "primary");
    EXPECT_EQ(out[5].target, "primary");
    for (const Line &l : out)
        EXPECT_TRUE(l.error.empty()) << l.sql << ": " << l.error;
}
