// `switchyard-cli route` end to end: the corpora through the real executable (one run per
// dialect, every case in its own session), the output format, --repeat, bad input.
#include "corpus.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

using namespace switchyard::routing;
using switchyard::routing::test::CorpusCase;
using switchyard::routing::test::Json;

namespace {

struct CliRun
{
    std::vector<std::string> lines;
    std::string stderrText;
    int status = -1;
};

std::string jsonString(const std::string &s)
{
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out + "\"";
}

CliRun runCli(const std::string &args, const std::string &input)
{
    const std::string dir = std::string(SWITCHYARD_BINARY_DIR) + "/tests/unit/routing";
    const std::string in = dir + "/cli-input.jsonl";
    const std::string err = dir + "/cli-stderr.txt";
    {
        std::ofstream f(in, std::ios::binary);
        f << input;
    }
    const std::string cmd = std::string(SWITCHYARD_CLI) + " route " + args + " < '" + in + "' 2> '" + err + "'";
    CliRun r;
    FILE *p = ::popen(cmd.c_str(), "r");
    if (!p)
        return r;
    std::string text;
    char buf[8192];
    while (std::fgets(buf, sizeof buf, p))
        text += buf;
    r.status = ::pclose(p);
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos)
            nl = text.size();
        r.lines.push_back(text.substr(pos, nl - pos));
        pos = nl + 1;
    }
    std::ifstream e(err);
    r.stderrText.assign(std::istreambuf_iterator<char>(e), std::istreambuf_iterator<char>());
    return r;
}

} // namespace

TEST(RouteCli, EveryCorpusCaseThroughTheExecutable)
{
    std::vector<CorpusCase> cases;
    std::string error;
    ASSERT_TRUE(test::loadCorpus(test::corpusPath("routing-corpus.jsonl"), cases, error)) << error;
    ASSERT_TRUE(test::loadCorpus(test::corpusPath("routing-extra.jsonl", false), cases, error)) << error;
    int checked = 0;
    for (const char *dialect : {"mysql", "mariadb", "postgres"}) {
        std::string input;
        std::vector<std::pair<std::size_t, const CorpusCase *>> expected;   // output line -> case
        std::size_t line = 0;
        for (const CorpusCase &c : cases) {
            // Cases that need router options of their own are covered by test_routing_corpus.
            if (c.dialect != dialect || !c.serverVersion.empty() || !c.consistency.empty() || c.sqlModeGiven
                || c.scsGiven || !c.charset.empty() || c.sql.find('\0') != std::string::npos)
                continue;
            const std::string session = jsonString(c.id + "@" + std::to_string(c.line));
            for (const std::string &s : c.setup) {
                input += "{\"session\":" + session + ",\"sql\":" + jsonString(s) + "}\n";
                ++line;
            }
            input += "{\"session\":" + session + ",\"sql\":" + jsonString(c.sql) + "}\n";
            expected.emplace_back(line++, &c);
        }
        const CliRun r = runCli(std::string("--dialect ") + dialect, input);
        ASSERT_EQ(r.status, 0) << r.stderrText;
        ASSERT_EQ(r.lines.size(), line) << dialect;
        for (const auto &[index, c] : expected) {
            auto j = Json::parse(r.lines[index]);
            ASSERT_TRUE(j) << r.lines[index];
            EXPECT_EQ(j->str("target"), c->expect) << c->id << ": " << c->sql << "\n  " << r.lines[index];
            if (!c->kind.empty()) {
                EXPECT_EQ(j->str("kind"), c->kind) << c->id;
            }
            ++checked;
        }
    }
    EXPECT_GT(checked, 500);
}

TEST(RouteCli, OutputFormatAndSessions)
{
    const CliRun r = runCli("--dialect mysql",
                         "{\"session\": 7, \"sql\": \"SET autocommit=0\"}\n"
                         "{\"session\": {\"user\": \"a\"}, \"sql\": \"SELECT 1\"}\n"
                         "\n"
                         "{\"session\": 7, \"sql\": \"SELECT 1\"}\n");
    ASSERT_EQ(r.status, 0) << r.stderrText;
    ASSERT_EQ(r.lines.size(), 3u);
    // Keys in the documented order; node null for "all".
    EXPECT_EQ(r.lines[0].rfind("{\"session\":7,\"target\":\"all\",\"node\":null,\"kind\":\"session\",\"reasons\":[", 0),
              0u)
        << r.lines[0];
    auto second = Json::parse(r.lines[1]);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->str("target"), "replica");
    EXPECT_EQ(second->str("node"), "replica1");
    EXPECT_EQ(second->get("session")->str("user"), "a");
    auto third = Json::parse(r.lines[2]);
    ASSERT_TRUE(third);
    EXPECT_EQ(third->str("target"), "primary");   // session 7 has autocommit=0
    EXPECT_EQ(third->str("node"), "primary");
}

TEST(RouteCli, RepeatPrintsThroughputOnStderr)
{
    const CliRun r = runCli("--dialect postgres --repeat 50", "{\"session\":1,\"sql\":\"SELECT 1\"}\n"
                                                           "{\"session\":1,\"sql\":\"UPDATE t SET a = 1\"}\n");
    ASSERT_EQ(r.status, 0) << r.stderrText;
    EXPECT_EQ(r.lines.size(), 2u);
    EXPECT_NE(r.stderrText.find("route: 100 statements in "), std::string::npos) << r.stderrText;
    EXPECT_NE(r.stderrText.find("statements/s"), std::string::npos);
    EXPECT_NE(r.stderrText.find("ns/statement"), std::string::npos);
}

TEST(RouteCli, ConsistencyPolicyAndTopologyOptions)
{
    const std::string topo = std::string(SWITCHYARD_BINARY_DIR) + "/tests/unit/routing/cli-topology.json";
    {
        std::ofstream f(topo);
        f << R"({"lag_policy": {"high_seconds": 5, "leave_after": 1},
                 "nodes": [{"name": "p1", "role": "primary"},
                           {"name": "a", "role": "replica", "lag_seconds": 1, "weight": 2,
                            "position": "0-1-100"},
                           {"name": "b", "role": "replica", "lag_seconds": 1, "weight": 1,
                            "position": "0-1-90"},
                           {"name": "c", "role": "replica", "lag_seconds": 30, "position": "0-1-100"}]})";
    }
    const CliRun w = runCli("--dialect mariadb --policy weighted --topology '" + topo + "'",
                         "{\"session\":1,\"sql\":\"SELECT 1\"}\n{\"session\":1,\"sql\":\"SELECT 1\"}\n"
                         "{\"session\":1,\"sql\":\"SELECT 1\"}\n");
    ASSERT_EQ(w.status, 0) << w.stderrText;
    ASSERT_EQ(w.lines.size(), 3u);
    std::string seq;
    for (const std::string &l : w.lines)
        seq += Json::parse(l)->str("node");
    EXPECT_EQ(seq, "aba");
    EXPECT_NE(w.lines[0].find("replica c excluded: lag 30 s over 5 s"), std::string::npos) << w.lines[0];

    const CliRun ryw = runCli("--dialect mariadb --consistency read-your-writes --topology '" + topo + "'",
                           "{\"session\":1,\"sql\":\"INSERT INTO t VALUES (1)\",\"position\":\"0-1-95\"}\n"
                           "{\"session\":1,\"sql\":\"SELECT * FROM t\"}\n{\"session\":1,\"sql\":\"SELECT * FROM t\"}\n");
    ASSERT_EQ(ryw.status, 0) << ryw.stderrText;
    ASSERT_EQ(ryw.lines.size(), 3u);
    EXPECT_EQ(Json::parse(ryw.lines[1])->str("node"), "a");
    EXPECT_EQ(Json::parse(ryw.lines[2])->str("node"), "a");
    EXPECT_NE(ryw.lines[1].find("replica b excluded: has not applied the session's last write"), std::string::npos);

    const CliRun strong = runCli("--dialect mysql --consistency strong", "{\"session\":1,\"sql\":\"SELECT 1\"}\n");
    ASSERT_EQ(strong.status, 0);
    EXPECT_EQ(Json::parse(strong.lines.at(0))->str("target"), "primary");

    const CliRun window = runCli("--dialect mysql --consistency session-window:1000",
                              "{\"session\":1,\"sql\":\"UPDATE t SET a=1\",\"at_ms\":1000}\n"
                              "{\"session\":1,\"sql\":\"SELECT 1\",\"at_ms\":1500}\n"
                              "{\"session\":1,\"sql\":\"SELECT 1\",\"at_ms\":2000}\n");
    ASSERT_EQ(window.status, 0);
    EXPECT_EQ(Json::parse(window.lines.at(1))->str("target"), "primary");
    EXPECT_EQ(Json::parse(window.lines.at(2))->str("target"), "replica");
}

TEST(RouteCli, BadInputAndBadOptions)
{
    const CliRun r = runCli("--dialect mysql", "not json\n{\"session\":1,\"sql\":5}\n{\"session\":1,\"sql\":\"SELECT 1\"}\n");
    EXPECT_NE(r.status, 0);
    ASSERT_EQ(r.lines.size(), 3u);
    EXPECT_NE(r.lines[0].find("\"error\""), std::string::npos);
    EXPECT_NE(r.lines[1].find("\"error\""), std::string::npos);
    EXPECT_NE(r.lines[2].find("\"target\":\"replica\""), std::string::npos);
    for (const char *args : {"", "--dialect oracle", "--dialect mysql --policy random",
                             "--dialect mysql --consistency sometimes", "--dialect mysql --repeat 0",
                             "--dialect mysql --server-version x.y", "--dialect mysql --topology /nonexistent"}) {
        const CliRun bad = runCli(args, "");
        EXPECT_NE(bad.status, 0) << args;
        EXPECT_EQ(bad.stderrText.rfind("switchyard-cli: ", 0), 0u) << args << ": " << bad.stderrText;
    }
}
