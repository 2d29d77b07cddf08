// Local sandbox clusters on 127.0.0.1: a MariaDB primary with GTID replicas, or a PostgreSQL
// primary with streaming standbys on replication slots. A product feature (try Switchyard
// without a cluster of your own) and the test bed of the integration tests.
//
// Layout on disk (root = SandboxManager::root()):
//   <root>/<name>/sandbox.conf     engine, ports, node list, state; mode 0644 (key=value lines)
//   <root>/<name>/credentials      generated accounts and passwords; mode 0600 (key=value lines)
//   <root>/<name>/run/<node>.pid   "<pid>\n<start time>\n" of the server up() started (identity)
//   <root>/<name>/<node>/data      data directory; socket, logs, server pid file beside it
//   <root>/.<name>.lock            serialises up/down/destroy of one sandbox across processes
// As root, PostgreSQL runs as the `postgres` account; when that account cannot reach <root>
// (root's home is 0700) the node directories live in ~postgres/switchyard-sandboxes/<name>-<hash>
// instead (sandbox.conf records where; destroy removes them). MariaDB runs as root (--user=root).
// A node's role is read from its data directory each time (master.info / standby.signal), so
// status follows switchovers made after up().
//
// Thread contract: SandboxManager is not thread-safe; each call blocks for up to its
// documented bound (up() well under 10 s on the development machine) and must never run on
// a GUI thread. Processes started by up() are detached from the caller: they keep running
// after the caller exits, until down().
#pragma once

#include "switchyard/core/connection.h"
#include "switchyard/result.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace switchyard::core {

struct SandboxAccount
{
    std::string user;
    std::string password;
};

// The accounts a real cluster has, kept apart. On MariaDB the monitor account lacks
// READ_ONLY ADMIN (so it can never write to a read_only replica); on PostgreSQL it is pg_monitor.
struct SandboxCredentials
{
    SandboxAccount monitor;     // read-only privileges: probes and discovery
    SandboxAccount admin;       // topology changes (read_only, CHANGE MASTER, pg_promote, ...)
    SandboxAccount replication; // REPLICATION SLAVE / REPLICATION role
    SandboxAccount application; // ordinary reads and writes on the app database
    std::string appDatabase;    // "app"
};

enum class SandboxRole
{
    Primary,
    Replica
};

struct SandboxNode
{
    std::string name; // "n1", "n2", ... (MariaDB) / "pg1", "pg2", ... (PostgreSQL)
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    SandboxRole role = SandboxRole::Replica;
    std::string dataDir;
    std::string socketPath; // MariaDB: the socket file; PostgreSQL: the socket directory
    std::string logFile;
    int pid = 0; // 0 when not running
    bool running = false;
};

struct SandboxSpec
{
    std::string name;              // empty: the engine's name ("mariadb" / "postgres")
    Engine engine = Engine::MySQL; // MySQL means the MariaDB server here (Debian has no MySQL server)
    int replicas = -1;             // -1: engine default (MariaDB 2, PostgreSQL 1)
    std::uint16_t basePort = 0;    // 0: engine default (23306 / 25432); nodes use basePort + i
    std::string rootDir;           // empty: SandboxManager's default root
    // Where to look for the server programs (mariadbd, mariadb-install-db, mariadb / postgres,
    // initdb, pg_basebackup, psql). Empty: $SWITCHYARD_SANDBOX_BIN_DIRS (':'-separated) if set,
    // else the engine's usual places (/usr/lib/postgresql/<newest>/bin; /usr/sbin, /usr/bin)
    // and $PATH.
    std::vector<std::string> binaryDirs;
};

struct SandboxInfo
{
    std::string name;
    Engine engine = Engine::MySQL;
    std::string directory; // <root>/<name>
    std::vector<SandboxNode> nodes;
    SandboxCredentials credentials;
    bool running() const; // every node running
    bool anyRunning() const;
};

struct SandboxUpResult
{
    SandboxInfo info;
    bool alreadyRunning = false; // up() found it running and changed nothing
    bool restarted = false;      // it existed stopped and was started again
    std::chrono::milliseconds elapsed{0};
};

// 127.0.0.1:port can be bound now (nothing listens on it or on the wildcard address).
bool localPortAvailable(std::uint16_t port);
// What listens on 127.0.0.1:port, e.g. "mariadbd (pid 1234)"; "" when unknown or free.
std::string localPortHolder(std::uint16_t port);

class SandboxManager
{
public:
    // root: where sandboxes live; empty means $XDG_DATA_HOME/switchyard/sandboxes
    // (~/.local/share/switchyard/sandboxes).
    explicit SandboxManager(std::string root = {});

    const std::string &root() const { return m_root; }
    static std::string defaultRoot();

    // Creates and starts, or starts a stopped one, or reports a running one unchanged.
    // Fails with PortInUse (naming the port), BinaryMissing (naming the binary and the Debian
    // package), DataDirInUse, ProcessFailed (with the tail of the server's log) and others.
    Result<SandboxUpResult> up(const SandboxSpec &spec);
    Result<SandboxInfo> status(const std::string &name) const; // refreshes pid/running from /proc
    Result<std::vector<SandboxInfo>> list() const;
    // Stops exactly the processes this sandbox started and waits until they have exited
    // (zombies count as exited); SIGKILL after `grace`.
    Status down(const std::string &name, std::chrono::milliseconds grace = std::chrono::seconds(10));
    Status destroy(const std::string &name); // down(), then remove the data

    // Options to reach `node` with one of the sandbox's accounts (TLS disabled, 127.0.0.1).
    static ConnectionOptions connectionOptions(const SandboxInfo &info, const SandboxNode &node,
                                               const SandboxAccount &account);

private:
    std::string m_root;
};

} // namespace switchyard::core
