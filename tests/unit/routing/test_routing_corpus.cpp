// Every line of the shared routing corpus and of tests/data/routing-extra.jsonl: setup
// statements first in the same session, then the statement, against one primary and two
// healthy replicas with no lag, consistency eventual.
#include "corpus.h"

#include "switchyard/routing/router.h"

#include <gtest/gtest.h>

using namespace switchyard::routing;
using switchyard::routing::test::CorpusCase;

namespace {

std::vector<CorpusCase> allCases()
{
    std::vector<CorpusCase> cases;
    std::string error;
    if (!test::loadCorpus(test::corpusPath("routing-corpus.jsonl"), cases, error))
        ADD_FAILURE() << error;
    if (!test::loadCorpus(test::corpusPath("routing-extra.jsonl", false), cases, error))
        ADD_FAILURE() << error;
    return cases;
}

const std::vector<CorpusCase> &cases()
{
    static const std::vector<CorpusCase> c = allCases();
    return c;
}

std::string describe(const RouteDecision &d)
{
    std::string s = std::string(targetName(d.target)) + " (" + d.nodeName + ", kind " + std::string(d.kindName())
                    + ")";
    for (const std::string &r : d.explain())
        s += "\n    - " + r;
    return s;
}

} // namespace

class RoutingCorpus : public ::testing::TestWithParam<std::size_t>
{
};

TEST_P(RoutingCorpus, RoutesAsExpected)
{
    const CorpusCase &c = cases()[GetParam()];
    SCOPED_TRACE(c.file + ":" + std::to_string(c.line) + " " + c.id + ": " + c.why);
    std::optional<Dialect> dialect = parseDialect(c.dialect);
    ASSERT_TRUE(dialect) << c.dialect;
    RouterConfig config;
    config.dialect = *dialect;
    if (!c.serverVersion.empty()) {
        config.serverVersion = ServerVersion::parse(c.serverVersion);
        ASSERT_TRUE(config.serverVersion) << c.serverVersion;
    }
    if (!c.consistency.empty()) {
        std::optional<Consistency> level = Consistency::parse(c.consistency);
        ASSERT_TRUE(level) << c.consistency;
        config.consistency = *level;
    }
    Router router(config);
    router.setTopology(TopologyView::simple(2));
    SessionOptions options;
    if (c.sqlModeGiven)
        options.sqlMode = c.sqlMode;
    if (c.scsGiven)
        options.standardConformingStrings = c.scs;
    if (!c.charset.empty())
        options.characterSet = c.charset;
    Session session = router.newSession(options);
    for (const std::string &setup : c.setup)
        router.route(session, setup);
    const RouteDecision &d = router.route(session, c.sql);
    EXPECT_EQ(std::string(targetName(d.target)), c.expect) << c.sql << "\n  got " << describe(d);
    if (!c.kind.empty()) {
        EXPECT_EQ(std::string(d.kindName()), c.kind) << c.sql << "\n  got " << describe(d);
    }
    if (!c.node.empty()) {
        EXPECT_EQ(d.nodeName, c.node) << c.sql << "\n  got " << describe(d);
    }
    // Whatever the case, a statement the classifier sends to the primary never lands elsewhere.
    if (d.requirement == Requirement::Primary && d.statementCount == 1) {
        EXPECT_EQ(d.target, Target::Primary) << describe(d);
    }
}

INSTANTIATE_TEST_SUITE_P(Corpus, RoutingCorpus, ::testing::Range<std::size_t>(0, cases().size()),
                         [](const ::testing::TestParamInfo<std::size_t> &param) {
                             std::string name = cases()[param.param].dialect + "_" + cases()[param.param].id;
                             for (char &ch : name)
                                 if (!std::isalnum(static_cast<unsigned char>(ch)))
                                     ch = '_';
                             return name + "_" + std::to_string(param.param);
                         });

TEST(RoutingCorpusFiles, SharedCorpusIsPresentAndComplete)
{
    std::vector<CorpusCase> shared;
    std::string error;
    ASSERT_TRUE(test::loadCorpus(test::corpusPath("routing-corpus.jsonl"), shared, error)) << error;
    EXPECT_GE(shared.size(), 80u);
    std::vector<CorpusCase> extra;
    ASSERT_TRUE(test::loadCorpus(test::corpusPath("routing-extra.jsonl", false), extra, error)) << error;
    EXPECT_GE(extra.size(), 150u);
}
