#include <gtest/gtest.h>
TEST(SandboxCli, Placeholder) {}
