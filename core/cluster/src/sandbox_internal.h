// Shared plumbing of the sandbox implementation: the engine backends (MariaDB, PostgreSQL)
// and the helpers SandboxManager gives them. Private to switchyard::core.
//
// Thread contract: a SandboxContext belongs to one up() call on one thread; backends may run
// independent child processes in parallel on helper threads but join them before returning.
#pragma once

#include "process.h"
#include "switchyard/core/sandbox.h"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace switchyard::core::detail {

using Clock = std::chrono::steady_clock;

// One program a backend needs, and the Debian package that ships it.
struct RequiredBinary
{
    std::string name;
    std::string package;
};

struct SandboxContext
{
    SandboxInfo *info = nullptr;
    std::map<std::string, std::string> binaries; // name -> absolute path
    // The account the server processes run as: nullopt = the caller's. PostgreSQL as root:
    // the `postgres` system user (it refuses to run as root).
    std::optional<UserAccount> serverUser;
    // Account for the MariaDB bootstrap connection over the socket (unix_socket auth).
    std::string osUserName;
    // Every server process started by this call, in start order; stopped again when up fails.
    std::vector<ProcessIdentity> started;
    Clock::time_point deadline;

    const std::string &binary(const std::string &name) const { return binaries.at(name); }
    std::chrono::milliseconds remaining() const;
};

class SandboxBackend
{
public:
    virtual ~SandboxBackend() = default;

    virtual Engine engine() const = 0;
    virtual std::string defaultName() const = 0; // "mariadb" / "postgres"
    virtual int defaultReplicas() const = 0;
    virtual std::uint16_t defaultBasePort() const = 0;
    virtual std::string nodePrefix() const = 0; // "n" / "pg"
    virtual std::vector<RequiredBinary> requiredBinaries() const = 0;
    virtual std::vector<std::string> defaultBinaryDirs() const = 0;
    virtual int stopSignal() const = 0; // SIGTERM / SIGINT (fast shutdown)
    // The server's account when running as root; nullopt = run as root itself (MariaDB does,
    // with --user=root). Fails when the account it needs does not exist.
    virtual Result<std::optional<UserAccount>> serverUserForRoot() const = 0;

    // Where the node directories of a new sandbox go: normally the sandbox directory itself.
    // Called before anything is created. PostgreSQL run through the `postgres` account needs a
    // directory that account can reach (root's home is 0700), so it may choose another one.
    virtual Result<std::string> nodeBaseDirectory(const std::string &sandboxDir,
                                                  const std::optional<UserAccount> &serverUser) const;
    // Directories outside the sandbox directory that this backend created for it (removed by
    // destroy). Only paths the backend itself would have chosen for info.directory.
    virtual std::vector<std::string> externalDirectories(const SandboxInfo &info) const;
    // Fills dataDir, socketPath, logFile of a fresh node. `base` is where node directories go.
    virtual void layoutNode(SandboxNode &node, const std::string &base) const = 0;
    // Creates a new cluster: initialise every node, start it, create the accounts, wire up
    // replication and wait until the replicas replicate.
    virtual Status create(SandboxContext &ctx) = 0;
    // Starts the nodes at `indexes` (stopped nodes of an existing sandbox); replication resumes.
    virtual Status start(SandboxContext &ctx, const std::vector<std::size_t> &indexes) = 0;

    // Role as the data directory says now (a switchover may have changed it since up).
    virtual std::optional<SandboxRole> detectRole(const SandboxNode &node) const = 0;
    // The pid the server wrote into its own pid file, 0 if none.
    virtual int serverPidFromFile(const SandboxNode &node) const = 0;
};

std::unique_ptr<SandboxBackend> makeMariaDbBackend();
std::unique_ptr<SandboxBackend> makePostgresBackend();
std::unique_ptr<SandboxBackend> makeBackend(Engine engine);

// Helpers the backends share (sandbox.cpp).

// <sandbox>/run/<node>.pid: "<pid>\n<start time>\n" - our record of the process we started,
// read by status/down and by tests/integration/cleanup_sandboxes.sh.
std::string runRecordPath(const SandboxInfo &info, const SandboxNode &node);
Status writeRunRecord(const SandboxInfo &info, const SandboxNode &node, const ProcessIdentity &identity);

// Starts a server as a daemon and records it (ctx.started, run record, node.pid).
Status startServer(SandboxContext &ctx, SandboxNode &node, std::vector<std::string> argv,
                   const std::string &stdoutLog);

// Polls until every node at `indexes` is ready (`ready(node)` true), failing early with
// ProcessFailed and the tail of the node's log when its server process has died.
Status waitUntilReady(SandboxContext &ctx, const std::vector<std::size_t> &indexes,
                      const std::function<bool(const SandboxNode &)> &ready,
                      std::chrono::milliseconds timeout);

// Runs a setup program (initdb, mariadb-install-db, a client); a non-zero exit is an error
// (ProcessFailed) that quotes the program's output.
Result<ProcessOutput> runChecked(const ProcessSpec &spec, std::string_view input,
                                 std::chrono::milliseconds timeout, const std::string &node = {});
// Runs several setup programs in parallel; the first error wins.
Status runCheckedParallel(const std::vector<ProcessSpec> &specs, std::chrono::milliseconds timeout,
                          const std::vector<std::string> &nodes);

Error processFailed(const SandboxNode &node, const std::string &what); // with the log's tail
Status makeDirectory(const std::string &path, unsigned mode, const std::optional<UserAccount> &owner);
Status writeFileAtomically(const std::string &path, const std::string &content, unsigned mode);
Status appendToFile(const std::string &path, const std::string &content);
std::string quoteSqlString(std::string_view text); // 'it''s' (both engines; no backslash escapes needed)
std::string trim(std::string_view text);
// A short directory for sockets when the node directory is too long for sun_path (108 bytes).
std::string shortSocketDir(const std::string &nodeDir);
std::string hashHex(std::string_view text); // 16 hex digits (FNV-1a 64), stable across runs
constexpr std::size_t kMaxSocketPath = 100;

} // namespace switchyard::core::detail
