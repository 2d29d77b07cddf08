// Real sandbox clusters for integration tests: unique names, unique ports, a directory inside
// the build tree, and always stopped - also when a test fails, aborts or crashes.
//
// How to use it
// -------------
// CMake (tests/integration/CMakeLists.txt):
//     switchyard_add_gtest(test_x LABELS integration SOURCES test_x.cpp
//                          LIBS switchyard::core switchyard_test_sandbox TIMEOUT 300)
// Every test in that directory automatically requires the CTest fixture `switchyard_sandboxes`
// (tests/integration/cleanup_sandboxes.sh before and after the run), which stops servers left
// behind by a test that ctest killed with SIGKILL on timeout (no destructor runs then).
//
// One sandbox shared by all tests of an executable (started by the first test that asks,
// stopped and removed when the executable exits):
//     #include "sandbox_fixture.h"
//     using namespace switchyard;
//     TEST(MyProbe, ReadsReplicaStatus) {
//         auto &sandbox = itest::sharedSandbox(core::Engine::MySQL);   // or PostgreSQL
//         ASSERT_TRUE(sandbox.ok()) << sandbox.error();
//         const core::SandboxInfo &info = sandbox.info();        // nodes, ports, credentials
//         auto options = sandbox.options(sandbox.primary(), info.credentials.monitor);
//         ...
//     }
// The same as a gtest Environment, if you prefer SetUp/TearDown around the whole run:
//     static auto *const kEnv = static_cast<itest::SandboxEnvironment *>(
//         ::testing::AddGlobalTestEnvironment(new itest::SandboxEnvironment(core::Engine::PostgreSQL)));
//     ... kEnv->sandbox() ...
// A private sandbox for a test that breaks its cluster (switchover, kill a node):
//     itest::ScopedSandbox sandbox(core::Engine::MySQL, {.replicas = 1, .tag = "failover"});
// If you stop or start nodes yourself, call sandbox.track() afterwards so that the crash
// handler knows the new pids (sandbox.down()/up() do it for you).
//
// Where: ${CMAKE_BINARY_DIR}/test-sandboxes/<executable>-<engine>[-<tag>][-<n>]; ports are
// picked per sandbox from 23400-25399 (MariaDB) and 25500-27499 (PostgreSQL), free when
// picked and reserved against other test processes (of any build tree) by a lock file in
// $TMPDIR/switchyard-test-ports-<uid> while the sandbox lives.
// SWITCHYARD_KEEP_TEST_SANDBOXES=1 keeps the (stopped) data directories for a post-mortem.
//
// Thread contract: create, use and destroy a ScopedSandbox on one thread. sharedSandbox() is
// safe to call from several threads. The crash handler is async-signal-safe: it only reads
// /proc and sends signals to the pids recorded by track().
#pragma once

#include "switchyard/core/sandbox.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace switchyard::itest {

struct ScopedSandboxOptions
{
    int replicas = -1;                   // -1: engine default (MariaDB 2, PostgreSQL 1)
    std::string tag;                     // tells apart several sandboxes of one executable
    std::vector<std::string> binaryDirs; // SandboxSpec::binaryDirs
};

// Reserves `count` consecutive free ports for the lifetime of the object (lock file per block
// under the test-sandboxes root; other fixture users skip a locked block).
class PortBlock
{
public:
    PortBlock(core::Engine engine, int count, const std::string &key);
    ~PortBlock();
    PortBlock(const PortBlock &) = delete;
    PortBlock &operator=(const PortBlock &) = delete;

    std::uint16_t base() const { return m_base; } // 0 when nothing free was found
    void release();

private:
    std::uint16_t m_base = 0;
    int m_lockFd = -1;
};

class ScopedSandbox
{
public:
    explicit ScopedSandbox(core::Engine engine, ScopedSandboxOptions options = {});
    ~ScopedSandbox(); // stop()
    ScopedSandbox(const ScopedSandbox &) = delete;
    ScopedSandbox &operator=(const ScopedSandbox &) = delete;

    bool ok() const { return m_error.empty(); }
    const std::string &error() const { return m_error; } // why up failed

    const core::SandboxInfo &info() const { return m_info; }
    const std::string &name() const { return m_info.name; }
    core::SandboxManager &manager() { return m_manager; }
    const core::SandboxSpec &spec() const { return m_spec; }
    std::chrono::milliseconds upTime() const { return m_upTime; }

    const core::SandboxNode &primary() const;
    std::vector<const core::SandboxNode *> replicas() const;
    core::ConnectionOptions options(const core::SandboxNode &node, const core::SandboxAccount &account) const;

    // Stops (keeps the data) / starts again; both update the crash handler's pid list.
    Status down();
    Result<core::SandboxUpResult> up();
    // Re-reads status from disk and /proc, and hands the current pids to the crash handler.
    Result<core::SandboxInfo> track();
    // down + destroy (idempotent). Called by the destructor and at exit.
    void stop();

    static std::string rootDirectory(); // ${CMAKE_BINARY_DIR}/test-sandboxes

private:
    core::SandboxSpec m_spec;
    core::SandboxManager m_manager;
    core::SandboxInfo m_info;
    std::unique_ptr<PortBlock> m_ports;
    std::string m_error;
    std::chrono::milliseconds m_upTime{0};
    int m_ownerLockFd = -1;
    int m_slot = -1; // index in the crash handler's table
    bool m_stopped = false;
};

// One sandbox per engine per test executable; started on first use, stopped at exit.
ScopedSandbox &sharedSandbox(core::Engine engine);

class SandboxEnvironment : public ::testing::Environment
{
public:
    explicit SandboxEnvironment(core::Engine engine, ScopedSandboxOptions options = {});
    void SetUp() override;
    void TearDown() override;
    ScopedSandbox &sandbox() { return *m_sandbox; }

private:
    core::Engine m_engine;
    ScopedSandboxOptions m_options;
    std::unique_ptr<ScopedSandbox> m_sandbox;
};

} // namespace switchyard::itest
