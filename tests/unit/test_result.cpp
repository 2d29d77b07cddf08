#include "switchyard/result.h"

#include <gtest/gtest.h>

using namespace switchyard;

TEST(Result, CarriesValueOrError)
{
    Result<int> good = 42;
    ASSERT_TRUE(good.ok());
    EXPECT_EQ(*good, 42);

    Result<int> bad = makeError(ErrorCode::Timeout, "connect timed out after 2000 ms", "127.0.0.1:23306");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ErrorCode::Timeout);
    EXPECT_EQ(bad.valueOr(7), 7);
}

TEST(Result, DescribeNamesWhatAndWhere)
{
    Error e = makeError(ErrorCode::QueryFailed, "Access denied", "n2");
    e.serverCode = 1227;
    e.sqlState = "42000";
    EXPECT_EQ(e.describe(), "query_failed: n2: Access denied (code 1227, SQLSTATE 42000)");
}

TEST(Status, DefaultIsOk)
{
    Status s;
    EXPECT_TRUE(s.ok());
    Status f = makeError(ErrorCode::PortInUse, "port 23306 is taken");
    EXPECT_FALSE(f.ok());
    EXPECT_EQ(errorCodeName(f.error().code), "port_in_use");
}
