#include "sandbox_fixture.h"

#include "process.h" // switchyard::core process identity (core/cluster/src)

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#ifndef SWITCHYARD_TEST_SANDBOX_ROOT
#error "SWITCHYARD_TEST_SANDBOX_ROOT must be defined (tests/integration/CMakeLists.txt does)"
#endif

namespace fs = std::filesystem;

namespace switchyard::itest {

namespace {

using core::Engine;

// ---- The crash handler's table: plain atomics, readable from a signal handler. ----

constexpr int kSlots = 32;
constexpr int kProcessesPerSlot = 12;

struct TrackedProcess
{
    std::atomic<int> pid{0};
    std::atomic<std::uint64_t> startTime{0};
    std::atomic<int> stopSignal{SIGTERM};
};

TrackedProcess g_tracked[kSlots][kProcessesPerSlot];
std::atomic<bool> g_slotUsed[kSlots];
std::atomic<pid_t> g_ownerPid{0}; // forked children (death tests) must not stop our servers
std::atomic<bool> g_cleanupStarted{false};
std::atomic<bool> g_cleanupDone{false};
constexpr int kHandledSignals[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGABRT,
                                   SIGSEGV, SIGBUS, SIGFPE, SIGILL};
struct sigaction g_previous[NSIG];

std::mutex g_liveMutex;
std::set<ScopedSandbox *> g_live; // stopped by the atexit handler if still alive then

// Async-signal-safe: /proc/<pid>/stat, state and start time (field 22, counted after ')').
bool readStatSafe(int pid, char *state, std::uint64_t *startTime)
{
    char path[40] = "/proc/";
    char digits[16];
    int n = 0;
    for (int v = pid; v > 0 && n < 15; v /= 10)
        digits[n++] = static_cast<char>('0' + v % 10);
    std::size_t len = 6;
    while (n > 0)
        path[len++] = digits[--n];
    const char suffix[] = "/stat";
    for (std::size_t i = 0; i < sizeof suffix; ++i)
        path[len++] = suffix[i];
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    char buffer[1024];
    const ssize_t got = ::read(fd, buffer, sizeof buffer - 1);
    ::close(fd);
    if (got <= 0)
        return false;
    buffer[got] = '\0';
    const char *close = nullptr;
    for (const char *p = buffer; *p; ++p) {
        if (*p == ')')
            close = p;
    }
    if (!close || close[1] != ' ')
        return false;
    const char *p = close + 2;
    *state = *p;
    int field = 3;
    while (*p && field < 22) {
        if (*p == ' ')
            ++field;
        ++p;
    }
    std::uint64_t value = 0;
    while (*p >= '0' && *p <= '9')
        value = value * 10 + static_cast<std::uint64_t>(*p++ - '0');
    *startTime = value;
    return true;
}

bool trackedAlive(const TrackedProcess &t)
{
    const int pid = t.pid.load();
    if (pid <= 0)
        return false;
    char state = '?';
    std::uint64_t start = 0;
    return readStatSafe(pid, &state, &start) && start == t.startTime.load() && state != 'Z' && state != 'X';
}

void sleepSafe(long millis)
{
    timespec ts{millis / 1000, (millis % 1000) * 1000000L};
    while (::nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

// Stops every tracked server: its stop signal, up to 10 s, then SIGKILL. Async-signal-safe.
void emergencyStop()
{
    if (g_cleanupStarted.exchange(true)) {
        for (int i = 0; i < 150 && !g_cleanupDone.load(); ++i)
            sleepSafe(100);
        return;
    }
    for (auto &slot : g_tracked) {
        for (auto &t : slot) {
            if (trackedAlive(t)) {
                ::kill(t.pid.load(), t.stopSignal.load());
                ::kill(t.pid.load(), SIGCONT); // a test may have frozen it with SIGSTOP
            }
        }
    }
    auto anyAlive = [] {
        for (auto &slot : g_tracked) {
            for (auto &t : slot) {
                if (trackedAlive(t))
                    return true;
            }
        }
        return false;
    };
    for (int i = 0; i < 100 && anyAlive(); ++i)
        sleepSafe(100);
    for (auto &slot : g_tracked) {
        for (auto &t : slot) {
            if (trackedAlive(t))
                ::kill(t.pid.load(), SIGKILL);
        }
    }
    for (int i = 0; i < 50 && anyAlive(); ++i)
        sleepSafe(100);
    g_cleanupDone.store(true);
}

extern "C" void onFatalSignal(int sig)
{
    const int savedErrno = errno;
    if (::getpid() == g_ownerPid.load()) {
        static const char message[] = "sandbox_fixture: signal received, stopping the test sandboxes\n";
        (void)!::write(2, message, sizeof message - 1);
        emergencyStop();
    }
    ::sigaction(sig, &g_previous[sig], nullptr);
    errno = savedErrno;
    ::raise(sig);
}

void stopLiveSandboxesAtExit()
{
    if (::getpid() != g_ownerPid.load())
        return;
    std::vector<ScopedSandbox *> live;
    {
        std::lock_guard lock(g_liveMutex);
        live.assign(g_live.begin(), g_live.end());
    }
    for (auto *sandbox : live)
        sandbox->stop();
}

void installHandlersOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        g_ownerPid.store(::getpid());
        for (int sig : kHandledSignals) {
            struct sigaction action
            {
            };
            action.sa_handler = onFatalSignal;
            sigemptyset(&action.sa_mask);
            action.sa_flags = SA_RESTART;
            ::sigaction(sig, &action, &g_previous[sig]);
        }
        std::atexit(stopLiveSandboxesAtExit);
    });
}

int claimSlot()
{
    for (int i = 0; i < kSlots; ++i) {
        bool expected = false;
        if (g_slotUsed[i].compare_exchange_strong(expected, true))
            return i;
    }
    return -1;
}

void clearSlot(int slot)
{
    if (slot < 0)
        return;
    for (auto &t : g_tracked[slot]) {
        t.pid.store(0);
        t.startTime.store(0);
    }
}

// ---- Names, ports, locks ----

std::string executableName()
{
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    std::string name = ec ? std::string("test") : exe.filename().string();
    for (char &c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
            c = '_';
    }
    return name.empty() ? std::string("test") : name;
}

std::string engineKey(Engine engine)
{
    return engine == Engine::PostgreSQL ? "postgres" : "mariadb";
}

std::uint64_t fnv1a(const std::string &text)
{
    std::uint64_t hash = 1469598103934665603ULL;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

// Exclusive, non-blocking flock on `path`; the descriptor (kept open) holds it. -1 if taken.
int tryLock(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool keepData()
{
    const char *keep = std::getenv("SWITCHYARD_KEEP_TEST_SANDBOXES");
    return keep && *keep && std::strcmp(keep, "0") != 0;
}

int defaultReplicas(Engine engine)
{
    return engine == Engine::PostgreSQL ? 1 : 2;
}

} // namespace

// ---- PortBlock ----

PortBlock::PortBlock(Engine engine, int count, const std::string &key)
{
    constexpr int kStep = 10;
    const int first = engine == Engine::PostgreSQL ? 25500 : 23400;
    const int blocks = 200;
    if (count < 1 || count > kStep)
        return;
    // One place per machine, not per build tree: test runs of several build directories (CI,
    // a developer's debug build, a colleague's) must see each other's port reservations.
    const char *tmp = std::getenv("TMPDIR");
    const std::string lockDir = std::string(tmp && tmp[0] == '/' ? tmp : "/tmp") + "/switchyard-test-ports-" +
                                std::to_string(::getuid());
    std::error_code ec;
    fs::create_directories(lockDir, ec);
    const int start = static_cast<int>((fnv1a(key) ^ static_cast<std::uint64_t>(::getpid())) % blocks);
    for (int i = 0; i < blocks; ++i) {
        const int base = first + ((start + i) % blocks) * kStep;
        const int fd = tryLock(lockDir + "/" + std::to_string(base) + ".lock");
        if (fd < 0)
            continue;
        bool free = true;
        for (int p = base; p < base + count && free; ++p)
            free = core::localPortAvailable(static_cast<std::uint16_t>(p));
        if (!free) {
            ::close(fd);
            continue;
        }
        m_base = static_cast<std::uint16_t>(base);
        m_lockFd = fd;
        return;
    }
}

PortBlock::~PortBlock()
{
    release();
}

void PortBlock::release()
{
    if (m_lockFd >= 0)
        ::close(m_lockFd);
    m_lockFd = -1;
}

// ---- ScopedSandbox ----

std::string ScopedSandbox::rootDirectory()
{
    if (const char *env = std::getenv("SWITCHYARD_TEST_SANDBOX_ROOT"); env && env[0] == '/')
        return env;
    return SWITCHYARD_TEST_SANDBOX_ROOT;
}

ScopedSandbox::ScopedSandbox(Engine engine, ScopedSandboxOptions options) : m_manager(rootDirectory())
{
    installHandlersOnce();
    {
        std::lock_guard lock(g_liveMutex);
        g_live.insert(this);
    }
    const auto startedAt = std::chrono::steady_clock::now();
    std::error_code ec;
    fs::create_directories(rootDirectory(), ec);

    std::string name = executableName() + "-" + engineKey(engine);
    if (!options.tag.empty())
        name += "-" + options.tag;
    {
        static std::mutex mutex;
        static std::map<std::string, int> uses;
        std::lock_guard lock(mutex);
        const int n = ++uses[name];
        if (n > 1)
            name += "-" + std::to_string(n);
    }
    // Held while this object lives: a second process running the same executable (ctest
    // --repeat, a developer in another terminal) gets its own name.
    m_ownerLockFd = tryLock(rootDirectory() + "/." + name + ".owner");
    if (m_ownerLockFd < 0) {
        name += "-" + std::to_string(::getpid());
        m_ownerLockFd = tryLock(rootDirectory() + "/." + name + ".owner");
    }
    m_info.name = name;

    // A leftover of an earlier run that was killed: start from nothing.
    if (m_manager.status(name)) {
        if (auto st = m_manager.destroy(name); !st) {
            m_error = "cannot remove the leftover sandbox " + name + ": " + st.error().describe();
            return;
        }
    }

    m_spec.name = name;
    m_spec.engine = engine;
    m_spec.replicas = options.replicas;
    m_spec.binaryDirs = options.binaryDirs;
    const int nodes = (options.replicas < 0 ? defaultReplicas(engine) : options.replicas) + 1;
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_ports = std::make_unique<PortBlock>(engine, nodes, name + "#" + std::to_string(attempt));
        if (m_ports->base() == 0) {
            m_error = "no block of " + std::to_string(nodes) + " free ports left for " + name;
            return;
        }
        m_spec.basePort = m_ports->base();
        auto result = m_manager.up(m_spec);
        if (result) {
            m_info = result->info;
            m_upTime = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - startedAt);
            m_slot = claimSlot();
            (void)track();
            return;
        }
        // Someone else took a port between our check and the server's bind: try another block.
        if (result.error().code != ErrorCode::PortInUse) {
            m_error = result.error().describe();
            return;
        }
        m_error = result.error().describe();
    }
}

ScopedSandbox::~ScopedSandbox()
{
    stop();
    std::lock_guard lock(g_liveMutex);
    g_live.erase(this);
}

const core::SandboxNode &ScopedSandbox::primary() const
{
    for (const auto &node : m_info.nodes) {
        if (node.role == core::SandboxRole::Primary)
            return node;
    }
    return m_info.nodes.front();
}

std::vector<const core::SandboxNode *> ScopedSandbox::replicas() const
{
    std::vector<const core::SandboxNode *> out;
    for (const auto &node : m_info.nodes) {
        if (node.role == core::SandboxRole::Replica)
            out.push_back(&node);
    }
    return out;
}

core::ConnectionOptions ScopedSandbox::options(const core::SandboxNode &node,
                                               const core::SandboxAccount &account) const
{
    return core::SandboxManager::connectionOptions(m_info, node, account);
}

Result<core::SandboxInfo> ScopedSandbox::track()
{
    auto status = m_manager.status(m_info.name);
    if (!status)
        return status;
    m_info = *status;
    if (m_slot >= 0) {
        clearSlot(m_slot);
        int i = 0;
        for (const auto &node : m_info.nodes) {
            if (!node.running || i >= kProcessesPerSlot)
                continue;
            auto &t = g_tracked[m_slot][i++];
            t.stopSignal.store(m_info.engine == Engine::PostgreSQL ? SIGINT : SIGTERM);
            t.startTime.store(core::processStartTime(node.pid).value_or(0));
            t.pid.store(node.pid);
        }
    }
    return status;
}

Status ScopedSandbox::down()
{
    auto st = m_manager.down(m_info.name);
    (void)track();
    return st;
}

Result<core::SandboxUpResult> ScopedSandbox::up()
{
    auto result = m_manager.up(m_spec);
    (void)track();
    return result;
}

void ScopedSandbox::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    if (m_manager.status(m_info.name)) {
        if (keepData())
            (void)m_manager.down(m_info.name);
        else
            (void)m_manager.destroy(m_info.name);
    }
    clearSlot(m_slot);
    if (m_slot >= 0)
        g_slotUsed[m_slot].store(false);
    m_slot = -1;
    m_ports.reset();
    if (m_ownerLockFd >= 0)
        ::close(m_ownerLockFd);
    m_ownerLockFd = -1;
}

ScopedSandbox &sharedSandbox(Engine engine)
{
    static std::mutex mutex;
    static ScopedSandbox *sandboxes[2] = {nullptr, nullptr};
    std::lock_guard lock(mutex);
    auto *&slot = sandboxes[engine == Engine::PostgreSQL ? 1 : 0];
    // Never deleted: the atexit handler stops it (static destruction order would be a gamble).
    if (!slot)
        slot = new ScopedSandbox(engine, ScopedSandboxOptions{-1, "shared", {}});
    return *slot;
}

// ---- SandboxEnvironment ----

SandboxEnvironment::SandboxEnvironment(Engine engine, ScopedSandboxOptions options)
    : m_engine(engine), m_options(std::move(options))
{
}

void SandboxEnvironment::SetUp()
{
    m_sandbox = std::make_unique<ScopedSandbox>(m_engine, m_options);
    if (!m_sandbox->ok())
        ADD_FAILURE() << "sandbox did not come up: " << m_sandbox->error();
}

void SandboxEnvironment::TearDown()
{
    m_sandbox.reset();
}

} // namespace switchyard::itest
