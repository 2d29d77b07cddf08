// SandboxManager: the engine-neutral part of local sandbox clusters - spec validation, the
// on-disk records (sandbox.conf, credentials, run/<node>.pid), locking, port and data
// directory checks, process identity, down and destroy. The engines live in
// sandbox_mariadb.cpp and sandbox_postgres.cpp.

#include "sandbox_internal.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;

namespace switchyard::core {

using detail::Clock;

namespace detail {

std::chrono::milliseconds SandboxContext::remaining() const
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    return std::max(left, std::chrono::milliseconds(0));
}

Result<std::string> SandboxBackend::nodeBaseDirectory(const std::string &sandboxDir,
                                                      const std::optional<UserAccount> &) const
{
    return sandboxDir;
}

std::vector<std::string> SandboxBackend::externalDirectories(const SandboxInfo &) const
{
    return {};
}

std::unique_ptr<SandboxBackend> makeBackend(Engine engine)
{
    return engine == Engine::PostgreSQL ? makePostgresBackend() : makeMariaDbBackend();
}

std::string trim(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

std::string quoteSqlString(std::string_view text)
{
    std::string out = "'";
    for (char c : text) {
        if (c == '\'')
            out += "''";
        else
            out += c;
    }
    out += '\'';
    return out;
}

std::string hashHex(std::string_view text)
{
    std::uint64_t hash = 1469598103934665603ULL;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
    return buffer;
}

std::string shortSocketDir(const std::string &nodeDir)
{
    return "/tmp/switchyard-" + hashHex(nodeDir);
}

Status makeDirectory(const std::string &path, unsigned mode, const std::optional<UserAccount> &owner)
{
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec)
        return makeError(ErrorCode::Io, "cannot create directory " + path + ": " + ec.message());
    if (::chmod(path.c_str(), mode) != 0)
        return makeError(ErrorCode::Io, "cannot set the mode of " + path + ": " + std::strerror(errno));
    if (owner && ::chown(path.c_str(), owner->uid, owner->gid) != 0)
        return makeError(ErrorCode::Io,
                         "cannot give " + path + " to " + owner->name + ": " + std::strerror(errno));
    return okStatus();
}

Status writeFileAtomically(const std::string &path, const std::string &content, unsigned mode)
{
    const std::string temp = path + ".tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0)
        return makeError(ErrorCode::Io, "cannot write " + temp + ": " + std::strerror(errno));
    // open() honours the umask; the mode matters here (credentials are 0600).
    ::fchmod(fd, mode);
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            return makeError(ErrorCode::Io, "cannot write " + temp + ": " + std::strerror(err));
        }
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        return makeError(ErrorCode::Io, "cannot replace " + path + ": " + std::strerror(err));
    }
    return okStatus();
}

Status appendToFile(const std::string &path, const std::string &content)
{
    std::ofstream out(path, std::ios::app);
    out << content;
    out.close();
    if (!out)
        return makeError(ErrorCode::Io, "cannot append to " + path);
    return okStatus();
}

Error processFailed(const SandboxNode &node, const std::string &what)
{
    std::string message = what;
    // The server's own log first; what it printed before it had one (bad options, a wrapper
    // script) lands in stdout.log beside it.
    for (const std::string &log :
         {node.logFile, fs::path(node.logFile).parent_path().string() + "/stdout.log"}) {
        const std::string tail = tailOfFile(log, 12);
        if (!tail.empty()) {
            message += "; last lines of " + log + ":\n" + tail;
            break;
        }
    }
    return makeError(ErrorCode::ProcessFailed, message, node.name);
}

Result<ProcessOutput> runChecked(const ProcessSpec &spec, std::string_view input,
                                 std::chrono::milliseconds timeout, const std::string &node)
{
    auto result = runProcess(spec, input, timeout);
    if (!result)
        return result.error();
    const ProcessOutput &output = *result;
    if (output.success())
        return result;
    const std::string program = fs::path(spec.argv.front()).filename().string();
    std::string message = program + " failed (" + output.describeExit() + ")";
    std::string text = trim(output.err.empty() ? output.out : output.err);
    if (text.size() > 2000)
        text = "..." + text.substr(text.size() - 2000);
    if (!text.empty())
        message += ": " + text;
    return makeError(output.timedOut ? ErrorCode::Timeout : ErrorCode::ProcessFailed, message, node);
}

Status runCheckedParallel(const std::vector<ProcessSpec> &specs, std::chrono::milliseconds timeout,
                          const std::vector<std::string> &nodes)
{
    std::vector<std::optional<Error>> errors(specs.size());
    std::vector<std::thread> threads;
    threads.reserve(specs.size());
    for (std::size_t i = 0; i < specs.size(); ++i) {
        threads.emplace_back([&, i] {
            auto result = runChecked(specs[i], {}, timeout, i < nodes.size() ? nodes[i] : std::string());
            if (!result)
                errors[i] = result.error();
        });
    }
    for (auto &t : threads)
        t.join();
    for (auto &e : errors) {
        if (e)
            return *e;
    }
    return okStatus();
}

std::string runRecordPath(const SandboxInfo &info, const SandboxNode &node)
{
    return info.directory + "/run/" + node.name + ".pid";
}

Status writeRunRecord(const SandboxInfo &info, const SandboxNode &node, const ProcessIdentity &identity)
{
    return writeFileAtomically(
        runRecordPath(info, node),
        std::to_string(identity.pid) + "\n" + std::to_string(identity.startTime) + "\n", 0644);
}

Status startServer(SandboxContext &ctx, SandboxNode &node, std::vector<std::string> argv,
                   const std::string &stdoutLog)
{
    ProcessSpec spec;
    spec.argv = std::move(argv);
    spec.runAs = ctx.serverUser;
    auto identity = spawnDaemon(spec, stdoutLog);
    if (!identity) {
        Error e = identity.error();
        e.code = ErrorCode::ProcessFailed;
        e.node = node.name;
        return e;
    }
    ctx.started.push_back(*identity);
    node.pid = identity->pid;
    if (auto st = writeRunRecord(*ctx.info, node, *identity); !st)
        return st;
    return okStatus();
}

Status waitUntilReady(SandboxContext &ctx, const std::vector<std::size_t> &indexes,
                      const std::function<bool(const SandboxNode &)> &ready,
                      std::chrono::milliseconds timeout)
{
    const auto deadline = std::min(Clock::now() + timeout, ctx.deadline);
    std::vector<std::size_t> pending = indexes;
    auto identityOf = [&](const SandboxNode &node) {
        for (const auto &p : ctx.started) {
            if (p.pid == node.pid)
                return p;
        }
        return ProcessIdentity{};
    };
    for (;;) {
        for (auto it = pending.begin(); it != pending.end();) {
            const SandboxNode &node = ctx.info->nodes[*it];
            if (ready(node)) {
                it = pending.erase(it);
                continue;
            }
            if (!isAlive(identityOf(node)))
                return processFailed(node, "the server exited during startup");
            ++it;
        }
        if (pending.empty())
            return okStatus();
        if (Clock::now() >= deadline) {
            const auto &node = ctx.info->nodes[pending.front()];
            Error e = processFailed(node, "the server did not become ready within " +
                                              std::to_string(timeout.count() / 1000) + " s");
            e.code = ErrorCode::Timeout;
            return e;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

} // namespace detail

using namespace detail;

namespace {

constexpr int kMaxReplicas = 9;
constexpr auto kUpTimeout = std::chrono::seconds(90);

std::string engineKey(Engine engine)
{
    return engine == Engine::PostgreSQL ? "postgres" : "mariadb";
}

std::optional<Engine> parseEngineKey(std::string_view text)
{
    if (text == "mariadb" || text == "mysql")
        return Engine::MySQL;
    if (text == "postgres" || text == "postgresql" || text == "pg")
        return Engine::PostgreSQL;
    return std::nullopt;
}

std::string roleKey(SandboxRole role)
{
    return role == SandboxRole::Primary ? "primary" : "replica";
}

Status validateName(const std::string &name)
{
    if (name.empty() || name.size() > 64)
        return makeError(ErrorCode::InvalidArgument, "a sandbox name has 1 to 64 characters: '" + name + "'");
    if (name.front() == '.' || name.front() == '-')
        return makeError(ErrorCode::InvalidArgument,
                         "a sandbox name cannot start with '.' or '-': '" + name + "'");
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '_' || c == '.';
        if (!ok)
            return makeError(ErrorCode::InvalidArgument,
                             "a sandbox name may only contain letters, digits, '-', '_' and '.': '" + name +
                                 "'");
    }
    return okStatus();
}

std::string absolutePath(const std::string &path)
{
    std::error_code ec;
    auto absolute = fs::absolute(path, ec);
    if (ec)
        return path;
    return absolute.lexically_normal().string();
}

std::string stripTrailingSlash(std::string path)
{
    while (path.size() > 1 && path.back() == '/')
        path.pop_back();
    return path;
}

// Simple "key=value" files; '#' starts a comment line. Values keep inner spaces.
std::map<std::string, std::string> parseKeyValues(const std::string &text)
{
    std::map<std::string, std::string> values;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const auto start = line.find_first_not_of(" \t");
        if (start == std::string::npos || line[start] == '#')
            continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos)
            continue;
        values[trim(line.substr(0, eq))] = line.substr(eq + 1);
    }
    return values;
}

std::optional<std::string> readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string confPath(const std::string &dir)
{
    return dir + "/sandbox.conf";
}

std::string credentialsPath(const std::string &dir)
{
    return dir + "/credentials";
}

struct StoredSandbox
{
    SandboxInfo info;
    std::string state; // "creating" while the first up runs, then "ready"
    std::string binDir;
};

std::string formatConf(const SandboxInfo &info, const std::string &state, const std::string &binDir)
{
    std::ostringstream out;
    out << "# Switchyard sandbox. Written by `switchyard-cli sandbox up`; passwords are in ./credentials.\n"
        << "format=1\n"
        << "name=" << info.name << "\n"
        << "engine=" << engineKey(info.engine) << "\n"
        << "state=" << state << "\n"
        << "base_port=" << (info.nodes.empty() ? 0 : info.nodes.front().port) << "\n"
        << "replicas=" << (info.nodes.empty() ? 0 : info.nodes.size() - 1) << "\n"
        << "bin_dir=" << binDir << "\n";
    for (std::size_t i = 0; i < info.nodes.size(); ++i) {
        const auto &n = info.nodes[i];
        const std::string key = "node." + std::to_string(i + 1) + ".";
        out << key << "name=" << n.name << "\n"
            << key << "host=" << n.host << "\n"
            << key << "port=" << n.port << "\n"
            << key << "role=" << roleKey(n.role) << "\n"
            << key << "data_dir=" << n.dataDir << "\n"
            << key << "socket=" << n.socketPath << "\n"
            << key << "log=" << n.logFile << "\n";
    }
    return out.str();
}

std::string formatCredentials(const SandboxCredentials &c)
{
    std::ostringstream out;
    out << "# Switchyard sandbox credentials: generated, for this local throwaway cluster only.\n"
        << "monitor.user=" << c.monitor.user << "\n"
        << "monitor.password=" << c.monitor.password << "\n"
        << "admin.user=" << c.admin.user << "\n"
        << "admin.password=" << c.admin.password << "\n"
        << "replication.user=" << c.replication.user << "\n"
        << "replication.password=" << c.replication.password << "\n"
        << "application.user=" << c.application.user << "\n"
        << "application.password=" << c.application.password << "\n"
        << "application.database=" << c.appDatabase << "\n";
    return out.str();
}

Result<StoredSandbox> loadSandbox(const std::string &dir)
{
    const auto text = readFile(confPath(dir));
    if (!text)
        return makeError(ErrorCode::NotFound, "no sandbox at " + dir);
    const auto values = parseKeyValues(*text);
    auto get = [&](const std::string &key) -> std::string {
        const auto it = values.find(key);
        return it == values.end() ? std::string() : it->second;
    };
    auto bad = [&](const std::string &what) {
        return makeError(ErrorCode::ParseError, confPath(dir) + ": " + what);
    };
    if (get("format") != "1")
        return bad("unknown format '" + get("format") + "'");
    StoredSandbox stored;
    stored.info.name = get("name");
    stored.info.directory = dir;
    stored.state = get("state");
    stored.binDir = get("bin_dir");
    const auto engine = parseEngineKey(get("engine"));
    if (!engine)
        return bad("unknown engine '" + get("engine") + "'");
    stored.info.engine = *engine;
    for (int i = 1;; ++i) {
        const std::string key = "node." + std::to_string(i) + ".";
        if (!values.count(key + "name"))
            break;
        SandboxNode node;
        node.name = get(key + "name");
        node.host = get(key + "host").empty() ? "127.0.0.1" : get(key + "host");
        const long port = std::strtol(get(key + "port").c_str(), nullptr, 10);
        if (port <= 0 || port > 65535)
            return bad("node " + node.name + " has a bad port '" + get(key + "port") + "'");
        node.port = static_cast<std::uint16_t>(port);
        node.role = get(key + "role") == "primary" ? SandboxRole::Primary : SandboxRole::Replica;
        node.dataDir = get(key + "data_dir");
        node.socketPath = get(key + "socket");
        node.logFile = get(key + "log");
        if (node.name.empty() || node.dataDir.empty() || node.dataDir.front() != '/')
            return bad("node " + std::to_string(i) + " is incomplete");
        stored.info.nodes.push_back(std::move(node));
    }
    if (stored.info.nodes.empty())
        return bad("no nodes");

    if (const auto creds = readFile(credentialsPath(dir))) {
        const auto c = parseKeyValues(*creds);
        auto cget = [&](const std::string &key) {
            const auto it = c.find(key);
            return it == c.end() ? std::string() : it->second;
        };
        auto &cr = stored.info.credentials;
        cr.monitor = {cget("monitor.user"), cget("monitor.password")};
        cr.admin = {cget("admin.user"), cget("admin.password")};
        cr.replication = {cget("replication.user"), cget("replication.password")};
        cr.application = {cget("application.user"), cget("application.password")};
        cr.appDatabase = cget("application.database");
    } else if (stored.state == "ready") {
        return makeError(ErrorCode::Io, "cannot read " + credentialsPath(dir) + ": " + std::strerror(errno));
    }
    return stored;
}

Result<std::string> randomPassword(std::size_t length = 24)
{
    static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    constexpr unsigned kSize = sizeof kAlphabet - 1;
    const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError(ErrorCode::Io, std::string("cannot open /dev/urandom: ") + std::strerror(errno));
    std::string password;
    unsigned char buffer[64];
    while (password.size() < length) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0) {
            ::close(fd);
            return makeError(ErrorCode::Io, "cannot read /dev/urandom");
        }
        for (ssize_t i = 0; i < n && password.size() < length; ++i) {
            // Rejection sampling keeps the characters uniformly likely.
            if (buffer[i] < 256 - (256 % kSize))
                password += kAlphabet[buffer[i] % kSize];
        }
    }
    ::close(fd);
    return password;
}

Result<SandboxCredentials> generateCredentials()
{
    SandboxCredentials c;
    c.monitor.user = "monitor";
    c.admin.user = "admin";
    c.replication.user = "repl";
    c.application.user = "app";
    c.appDatabase = "app";
    for (SandboxAccount *account : {&c.monitor, &c.admin, &c.replication, &c.application}) {
        auto password = randomPassword();
        if (!password)
            return password.error();
        account->password = *password;
    }
    return c;
}

// An advisory lock per sandbox name, so that two processes (the console and the CLI, two
// test runs) never create or stop the same sandbox at once. Released when destroyed.
class SandboxLock
{
public:
    SandboxLock() = default;
    SandboxLock(const SandboxLock &) = delete;
    SandboxLock &operator=(const SandboxLock &) = delete;
    ~SandboxLock()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    Status acquire(const std::string &path, const std::string &name, std::chrono::milliseconds timeout)
    {
        m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (m_fd < 0)
            return makeError(ErrorCode::Io, "cannot open lock file " + path + ": " + std::strerror(errno));
        const auto deadline = Clock::now() + timeout;
        while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
            if (errno != EWOULDBLOCK && errno != EINTR)
                return makeError(ErrorCode::Io, "cannot lock " + path + ": " + std::strerror(errno));
            if (Clock::now() >= deadline)
                return makeError(ErrorCode::Timeout,
                                 "another process is working on sandbox '" + name + "' (lock " + path + ")");
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return okStatus();
    }

private:
    int m_fd = -1;
};

std::string lockPath(const std::string &root, const std::string &name)
{
    return root + "/." + name + ".lock";
}

bool argumentsMention(int pid, const std::string &dataDir)
{
    const std::string suffix = "=" + dataDir;
    for (const auto &arg : processArguments(pid)) {
        if (arg == dataDir)
            return true;
        if (arg.size() > suffix.size() && arg.compare(arg.size() - suffix.size(), suffix.size(), suffix) == 0)
            return true;
    }
    return false;
}

// The server process of `node` if it runs: our run record (pid + start time), else the
// server's own pid file - and in both cases its arguments must name the node's data directory.
std::optional<ProcessIdentity> nodeProcess(const SandboxInfo &info, const SandboxNode &node,
                                           const SandboxBackend &backend)
{
    if (const auto record = readFile(runRecordPath(info, node))) {
        std::istringstream in(*record);
        ProcessIdentity identity;
        in >> identity.pid >> identity.startTime;
        if (in && isAlive(identity) && argumentsMention(identity.pid, node.dataDir))
            return identity;
    }
    const int pid = backend.serverPidFromFile(node);
    if (pid > 0 && processState(pid) == ProcessState::Alive && argumentsMention(pid, node.dataDir))
        return identifyProcess(pid);
    return std::nullopt;
}

void refresh(SandboxInfo &info, const SandboxBackend &backend)
{
    for (auto &node : info.nodes) {
        const auto process = nodeProcess(info, node, backend);
        node.pid = process ? process->pid : 0;
        node.running = process.has_value();
        if (const auto role = backend.detectRole(node))
            node.role = *role;
    }
}

std::string describeHolders(const std::vector<int> &pids)
{
    std::string out;
    for (int pid : pids) {
        if (!out.empty())
            out += ", ";
        out += processName(pid) + " (pid " + std::to_string(pid) + ")";
    }
    return out;
}

Status checkPortsFree(const std::vector<std::uint16_t> &ports)
{
    for (auto port : ports) {
        if (localPortAvailable(port))
            continue;
        const std::string holder = localPortHolder(port);
        Error e = makeError(ErrorCode::PortInUse,
                            "port " + std::to_string(port) + " on 127.0.0.1 is already in use" +
                                (holder.empty() ? std::string() : " by " + holder),
                            "127.0.0.1:" + std::to_string(port));
        return e;
    }
    return okStatus();
}

Status checkDataDirsFree(const SandboxInfo &info, const std::vector<std::size_t> &indexes)
{
    for (auto i : indexes) {
        const auto &node = info.nodes[i];
        std::error_code ec;
        if (!fs::exists(node.dataDir, ec))
            continue;
        const auto users = findProcessesUsingDirectory(node.dataDir);
        if (!users.empty())
            return makeError(ErrorCode::DataDirInUse,
                             "data directory " + node.dataDir + " is in use by " + describeHolders(users) +
                                 ", which this sandbox did not start; stop it first",
                             node.name);
    }
    return okStatus();
}

std::vector<std::string> binaryDirsFor(const SandboxSpec &spec, const SandboxBackend &backend)
{
    if (!spec.binaryDirs.empty())
        return spec.binaryDirs;
    if (const char *env = std::getenv("SWITCHYARD_SANDBOX_BIN_DIRS"); env && *env) {
        std::vector<std::string> dirs;
        std::string_view rest(env);
        while (!rest.empty()) {
            const auto colon = rest.find(':');
            if (colon != 0)
                dirs.emplace_back(rest.substr(0, colon));
            if (colon == std::string_view::npos)
                break;
            rest.remove_prefix(colon + 1);
        }
        return dirs;
    }
    auto dirs = backend.defaultBinaryDirs();
    for (auto &d : pathDirectories())
        dirs.push_back(d);
    return dirs;
}

Status resolveBinaries(SandboxContext &ctx, const SandboxSpec &spec, const SandboxBackend &backend,
                       std::string *binDir)
{
    const auto dirs = binaryDirsFor(spec, backend);
    for (const auto &required : backend.requiredBinaries()) {
        const auto path = findExecutable(required.name, dirs);
        if (!path) {
            std::string searched;
            for (const auto &d : dirs)
                searched += (searched.empty() ? "" : ":") + d;
            Error e =
                makeError(ErrorCode::BinaryMissing, required.name + " not found (searched " + searched +
                                                        "); install the Debian package " + required.package +
                                                        " (apt-get install " + required.package + ")");
            return e;
        }
        ctx.binaries[required.name] = *path;
        if (binDir && binDir->empty())
            *binDir = fs::path(*path).parent_path().string();
    }
    return okStatus();
}

void removeTree(const std::string &path)
{
    std::error_code ec;
    fs::remove_all(path, ec);
}

// Removes what a sandbox owns on disk: its directory, directories the backend created
// elsewhere for it, and short socket directories under /tmp.
void removeSandboxFiles(const SandboxInfo &info, const SandboxBackend &backend)
{
    for (const auto &dir : backend.externalDirectories(info))
        removeTree(dir);
    for (const auto &node : info.nodes) {
        const std::string socketDir = info.engine == Engine::PostgreSQL
                                          ? node.socketPath
                                          : fs::path(node.socketPath).parent_path().string();
        if (socketDir.rfind("/tmp/switchyard-", 0) == 0)
            removeTree(socketDir);
    }
    removeTree(info.directory);
}

std::vector<ProcessIdentity> runningProcesses(const SandboxInfo &info, const SandboxBackend &backend)
{
    std::vector<ProcessIdentity> processes;
    for (const auto &node : info.nodes) {
        if (const auto p = nodeProcess(info, node, backend))
            processes.push_back(*p);
    }
    return processes;
}

// Stops what a failed up() started, so no half-started cluster is left behind.
void stopStarted(SandboxContext &ctx, const SandboxBackend &backend)
{
    stopProcesses(ctx.started, backend.stopSignal(), std::chrono::seconds(10));
    for (const auto &node : ctx.info->nodes) {
        std::error_code ec;
        fs::remove(runRecordPath(*ctx.info, node), ec);
    }
}

Status prepareServerUser(SandboxContext &ctx, const SandboxBackend &backend)
{
    if (runningAsRoot()) {
        auto user = backend.serverUserForRoot();
        if (!user)
            return user.error();
        ctx.serverUser = *user;
        ctx.osUserName = "root";
    } else {
        const auto me = currentUser();
        if (!me)
            return makeError(ErrorCode::Internal,
                             "cannot look up the current user (uid " + std::to_string(geteuid()) + ")");
        ctx.osUserName = me->name;
    }
    return okStatus();
}

} // namespace

bool SandboxInfo::running() const
{
    return !nodes.empty() &&
           std::all_of(nodes.begin(), nodes.end(), [](const SandboxNode &n) { return n.running; });
}

bool SandboxInfo::anyRunning() const
{
    return std::any_of(nodes.begin(), nodes.end(), [](const SandboxNode &n) { return n.running; });
}

bool localPortAvailable(std::uint16_t port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    // The servers set SO_REUSEADDR too, so a connection in TIME_WAIT does not count as taken;
    // a listener (on 127.0.0.1 or the wildcard address) still does.
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool free = ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return free;
}

std::string localPortHolder(std::uint16_t port)
{
    // Listening sockets on that port from /proc/net/tcp{,6} (state 0A = LISTEN), then the
    // process holding one of those socket inodes.
    std::set<std::string> inodes;
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        std::ifstream in(table);
        std::string line;
        std::getline(in, line); // header
        while (std::getline(in, line)) {
            std::istringstream fields(line);
            std::string slot, local, remote, state, queues, timer, retransmits, uid, timeout, inode;
            fields >> slot >> local >> remote >> state >> queues >> timer >> retransmits >> uid >> timeout >>
                inode;
            const auto colon = local.rfind(':');
            if (!fields || colon == std::string::npos || state != "0A")
                continue;
            if (std::strtoul(local.c_str() + colon + 1, nullptr, 16) == port && inode != "0")
                inodes.insert("socket:[" + inode + "]");
        }
    }
    if (inodes.empty())
        return {};
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return {};
    std::string holder;
    while (const dirent *entry = ::readdir(proc)) {
        char *end = nullptr;
        const long pid = std::strtol(entry->d_name, &end, 10);
        if (!end || *end != '\0' || pid <= 0 || pid > INT_MAX)
            continue;
        const std::string fdDir = "/proc/" + std::string(entry->d_name) + "/fd";
        DIR *fds = ::opendir(fdDir.c_str());
        if (!fds)
            continue;
        while (const dirent *fd = ::readdir(fds)) {
            char target[128];
            const std::string link = fdDir + "/" + fd->d_name;
            const ssize_t n = ::readlink(link.c_str(), target, sizeof target - 1);
            if (n <= 0)
                continue;
            target[n] = '\0';
            if (inodes.count(target)) {
                holder = processName(static_cast<int>(pid)) + " (pid " + std::to_string(pid) + ")";
                break;
            }
        }
        ::closedir(fds);
        if (!holder.empty())
            break;
    }
    ::closedir(proc);
    return holder;
}

SandboxManager::SandboxManager(std::string root)
    : m_root(root.empty() ? defaultRoot() : stripTrailingSlash(absolutePath(root)))
{
}

std::string SandboxManager::defaultRoot()
{
    std::string base;
    if (const char *xdg = std::getenv("XDG_DATA_HOME"); xdg && xdg[0] == '/') {
        base = xdg;
    } else {
        std::string home;
        if (const char *h = std::getenv("HOME"); h && h[0] == '/')
            home = h;
        else if (const auto me = currentUser())
            home = me->home;
        base = home + "/.local/share";
    }
    return stripTrailingSlash(base) + "/switchyard/sandboxes";
}

Result<SandboxUpResult> SandboxManager::up(const SandboxSpec &spec)
{
    const auto startedAt = Clock::now();
    const auto backend = makeBackend(spec.engine);
    const std::string name = spec.name.empty() ? backend->defaultName() : spec.name;
    if (auto st = validateName(name); !st)
        return st.error();
    if (spec.replicas < -1 || spec.replicas > kMaxReplicas)
        return makeError(ErrorCode::InvalidArgument, "replicas must be between 0 and " +
                                                         std::to_string(kMaxReplicas) + ", not " +
                                                         std::to_string(spec.replicas));
    const int replicas = spec.replicas < 0 ? backend->defaultReplicas() : spec.replicas;
    const std::uint16_t basePort = spec.basePort != 0 ? spec.basePort : backend->defaultBasePort();
    if (basePort < 1024 || basePort + replicas > 65535)
        return makeError(ErrorCode::InvalidArgument,
                         "base port " + std::to_string(basePort) + " leaves no room for " +
                             std::to_string(replicas + 1) + " nodes below 65536 (use 1024 or above)");
    const std::string root = spec.rootDir.empty() ? m_root : stripTrailingSlash(absolutePath(spec.rootDir));
    if (auto st = makeDirectory(root, 0755, std::nullopt); !st)
        return st.error();
    SandboxLock lock;
    if (auto st = lock.acquire(lockPath(root, name), name, std::chrono::seconds(120)); !st)
        return st.error();

    const std::string dir = root + "/" + name;
    SandboxUpResult result;
    std::error_code ec;

    if (fs::exists(confPath(dir), ec)) {
        auto stored = loadSandbox(dir);
        if (!stored)
            return stored.error();
        SandboxInfo &info = stored->info;
        const auto storedBackend = makeBackend(info.engine);
        if (stored->state != "ready") {
            // An earlier up() died half-way (killed): nothing in it is worth keeping.
            stopProcesses(runningProcesses(info, *storedBackend), storedBackend->stopSignal(),
                          std::chrono::seconds(10));
            removeSandboxFiles(info, *storedBackend);
        } else {
            if (info.engine != spec.engine)
                return makeError(ErrorCode::AlreadyExists, "sandbox '" + name + "' exists and is a " +
                                                               engineKey(info.engine) + " sandbox, not " +
                                                               engineKey(spec.engine));
            if (spec.replicas >= 0 && static_cast<std::size_t>(spec.replicas) + 1 != info.nodes.size())
                return makeError(ErrorCode::AlreadyExists, "sandbox '" + name + "' exists with " +
                                                               std::to_string(info.nodes.size() - 1) +
                                                               " replicas; destroy it first to change that");
            if (spec.basePort != 0 && spec.basePort != info.nodes.front().port)
                return makeError(ErrorCode::AlreadyExists, "sandbox '" + name + "' exists on base port " +
                                                               std::to_string(info.nodes.front().port) +
                                                               "; destroy it first to change that");
            refresh(info, *backend);
            if (info.running()) {
                result.info = info;
                result.alreadyRunning = true;
                result.elapsed =
                    std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - startedAt);
                return result;
            }
            std::vector<std::size_t> stopped;
            std::vector<std::uint16_t> ports;
            for (std::size_t i = 0; i < info.nodes.size(); ++i) {
                if (!info.nodes[i].running) {
                    stopped.push_back(i);
                    ports.push_back(info.nodes[i].port);
                }
            }
            if (auto st = checkPortsFree(ports); !st)
                return st.error();
            if (auto st = checkDataDirsFree(info, stopped); !st)
                return st.error();
            SandboxContext ctx;
            ctx.info = &info;
            ctx.deadline = Clock::now() + kUpTimeout;
            if (auto st = prepareServerUser(ctx, *backend); !st)
                return st.error();
            std::string binDir;
            if (auto st = resolveBinaries(ctx, spec, *backend, &binDir); !st)
                return st.error();
            if (auto st = backend->start(ctx, stopped); !st) {
                stopStarted(ctx, *backend);
                return st.error();
            }
            refresh(info, *backend);
            result.info = info;
            result.restarted = true;
            result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - startedAt);
            return result;
        }
    } else if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
        return makeError(ErrorCode::AlreadyExists, dir + " exists and is not a sandbox (no sandbox.conf); "
                                                         "choose another name or remove it");
    }

    // A new sandbox. Everything that can be checked is checked before the first file is made.
    std::vector<std::uint16_t> ports;
    for (int i = 0; i <= replicas; ++i)
        ports.push_back(static_cast<std::uint16_t>(basePort + i));
    if (auto st = checkPortsFree(ports); !st)
        return st.error();
    SandboxInfo info;
    info.name = name;
    info.engine = spec.engine;
    info.directory = dir;
    SandboxContext ctx;
    ctx.info = &info;
    ctx.deadline = Clock::now() + kUpTimeout;
    if (auto st = prepareServerUser(ctx, *backend); !st)
        return st.error();
    std::string binDir;
    if (auto st = resolveBinaries(ctx, spec, *backend, &binDir); !st)
        return st.error();
    auto base = backend->nodeBaseDirectory(dir, ctx.serverUser);
    if (!base)
        return base.error();
    for (int i = 0; i <= replicas; ++i) {
        SandboxNode node;
        node.name = backend->nodePrefix() + std::to_string(i + 1);
        node.port = ports[static_cast<std::size_t>(i)];
        node.role = i == 0 ? SandboxRole::Primary : SandboxRole::Replica;
        backend->layoutNode(node, *base);
        info.nodes.push_back(std::move(node));
    }
    std::vector<std::size_t> all;
    for (std::size_t i = 0; i < info.nodes.size(); ++i)
        all.push_back(i);
    if (auto st = checkDataDirsFree(info, all); !st)
        return st.error();
    auto credentials = generateCredentials();
    if (!credentials)
        return credentials.error();
    info.credentials = *credentials;

    auto fail = [&](const Error &error) -> Result<SandboxUpResult> {
        stopStarted(ctx, *backend);
        removeSandboxFiles(info, *backend);
        return error;
    };
    if (auto st = makeDirectory(dir, 0755, std::nullopt); !st)
        return fail(st.error());
    if (auto st = makeDirectory(dir + "/run", 0755, std::nullopt); !st)
        return fail(st.error());
    if (auto st = writeFileAtomically(credentialsPath(dir), formatCredentials(info.credentials), 0600); !st)
        return fail(st.error());
    if (auto st = writeFileAtomically(confPath(dir), formatConf(info, "creating", binDir), 0644); !st)
        return fail(st.error());
    if (auto st = backend->create(ctx); !st)
        return fail(st.error());
    if (auto st = writeFileAtomically(confPath(dir), formatConf(info, "ready", binDir), 0644); !st)
        return fail(st.error());
    refresh(info, *backend);
    result.info = info;
    result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - startedAt);
    return result;
}

Result<SandboxInfo> SandboxManager::status(const std::string &name) const
{
    if (auto st = validateName(name); !st)
        return st.error();
    auto stored = loadSandbox(m_root + "/" + name);
    if (!stored) {
        if (stored.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound, "no sandbox named '" + name + "' in " + m_root);
        return stored.error();
    }
    refresh(stored->info, *makeBackend(stored->info.engine));
    return stored->info;
}

Result<std::vector<SandboxInfo>> SandboxManager::list() const
{
    std::vector<SandboxInfo> sandboxes;
    std::error_code ec;
    if (!fs::exists(m_root, ec))
        return sandboxes;
    for (const auto &entry : fs::directory_iterator(m_root, ec)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_directory(ec) || !validateName(name).ok() ||
            !fs::exists(confPath(entry.path().string()), ec))
            continue;
        if (auto info = status(name))
            sandboxes.push_back(std::move(*info));
    }
    if (ec)
        return makeError(ErrorCode::Io, "cannot list " + m_root + ": " + ec.message());
    std::sort(sandboxes.begin(), sandboxes.end(),
              [](const SandboxInfo &a, const SandboxInfo &b) { return a.name < b.name; });
    return sandboxes;
}

Status SandboxManager::down(const std::string &name, std::chrono::milliseconds grace)
{
    if (auto st = validateName(name); !st)
        return st;
    const std::string dir = m_root + "/" + name;
    SandboxLock lock;
    if (!fs::exists(confPath(dir)))
        return makeError(ErrorCode::NotFound, "no sandbox named '" + name + "' in " + m_root);
    if (auto st = lock.acquire(lockPath(m_root, name), name, std::chrono::seconds(120)); !st)
        return st;
    auto stored = loadSandbox(dir);
    if (!stored)
        return stored.error();
    const auto backend = makeBackend(stored->info.engine);
    const auto processes = runningProcesses(stored->info, *backend);
    const bool stopped = stopProcesses(processes, backend->stopSignal(), grace);
    for (const auto &node : stored->info.nodes) {
        std::error_code ec;
        if (!nodeProcess(stored->info, node, *backend))
            fs::remove(runRecordPath(stored->info, node), ec);
    }
    if (!stopped) {
        std::vector<int> left;
        for (const auto &p : processes) {
            if (isAlive(p))
                left.push_back(p.pid);
        }
        return makeError(ErrorCode::ProcessFailed, "sandbox '" + name + "': " + describeHolders(left) +
                                                       " did not exit even after SIGKILL");
    }
    return okStatus();
}

Status SandboxManager::destroy(const std::string &name)
{
    if (auto st = down(name); !st)
        return st;
    const std::string dir = m_root + "/" + name;
    SandboxLock lock;
    if (auto st = lock.acquire(lockPath(m_root, name), name, std::chrono::seconds(120)); !st)
        return st;
    auto stored = loadSandbox(dir);
    if (!stored)
        return stored.error();
    const auto backend = makeBackend(stored->info.engine);
    if (!runningProcesses(stored->info, *backend).empty())
        return makeError(ErrorCode::DataDirInUse,
                         "sandbox '" + name + "' was started again meanwhile; not removed");
    removeSandboxFiles(stored->info, *backend);
    std::error_code ec;
    if (fs::exists(dir, ec))
        return makeError(ErrorCode::Io, "could not remove " + dir);
    // The lock file stays: removing it while another process waits on it would let two
    // processes each hold "the" lock.
    return okStatus();
}

ConnectionOptions SandboxManager::connectionOptions(const SandboxInfo &info, const SandboxNode &node,
                                                    const SandboxAccount &account)
{
    ConnectionOptions options;
    options.engine = info.engine;
    options.host = node.host;
    options.port = node.port;
    options.user = account.user;
    options.password = account.password;
    if (account.user == info.credentials.application.user)
        options.database = info.credentials.appDatabase;
    options.tls.mode = TlsMode::Disabled;
    options.nodeName = node.name;
    return options;
}

} // namespace switchyard::core
