// Child processes and process identity for the sandbox (and anything else in core that has to
// run a local program): run a program to completion with captured output and a timeout, start
// a detached daemon, and ask /proc whether a pid is still the process we started.
//
// Why /proc and start times: a pid alone is a weak handle. Servers are detached (reparented to
// PID 1), PID 1 on our machines reaps lazily, so a stopped server lingers as a zombie for which
// kill(pid, 0) still succeeds; and a pid can be reused by an unrelated process after a reboot
// or a long time. A ProcessIdentity is (pid, start time in clock ticks since boot), which is
// unique for the lifetime of the system, and "alive" means: present, same start time, not a
// zombie.
//
// Children are forked and exec'd with only async-signal-safe calls between fork and exec, so
// this is safe from multi-threaded programs. No descriptor of the caller leaks into a child
// (everything above stderr is closed on exec), signal dispositions and the mask are reset.
//
// Thread contract: all functions are reentrant and may be called from any thread; each blocks
// for at most its documented bound. Linux only.
#pragma once

#include "switchyard/result.h"

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::core {

// An operating-system account a child switches to before exec (requires root).
struct UserAccount
{
    uid_t uid = 0;
    gid_t gid = 0;
    std::string name;
    std::string home;
};

std::optional<UserAccount> lookupUser(const std::string &name);
std::optional<UserAccount> currentUser();
bool runningAsRoot();

struct ProcessSpec
{
    std::vector<std::string> argv;    // argv[0] is the program: an absolute path (no PATH search)
    std::vector<std::string> env;     // "KEY=VALUE" set on top of the caller's environment
    std::string workingDir;           // empty: inherit
    std::optional<UserAccount> runAs; // switch uid/gid (and HOME, USER, LOGNAME) before exec
};

struct ProcessOutput
{
    int exitCode = -1;     // the exit status when the child exited normally, else -1
    int termSignal = 0;    // the signal that killed it, else 0
    bool timedOut = false; // we killed it because the timeout passed
    std::string out;       // stdout
    std::string err;       // stderr

    bool success() const { return exitCode == 0 && !timedOut; }
    // "exit status 1", "killed by signal 9", "timed out after 30000 ms"...
    std::string describeExit() const;
};

// Runs spec to completion, writing `input` to its stdin, capturing stdout and stderr. The child
// gets its own process group; on timeout the whole group is killed (SIGKILL) and reaped.
// Fails (Io) only when the program could not be started at all; a non-zero exit is a
// successful Result whose ProcessOutput says so.
Result<ProcessOutput> runProcess(const ProcessSpec &spec, std::string_view input,
                                 std::chrono::milliseconds timeout);

struct ProcessIdentity
{
    int pid = 0;
    std::uint64_t startTime = 0; // /proc/<pid>/stat field 22 (clock ticks after boot)
    bool valid() const { return pid > 0 && startTime != 0; }
};

// Starts spec as a daemon: its own session (no controlling terminal, a Ctrl-C of the caller
// does not reach it), reparented to PID 1 (never the caller's child), stdin /dev/null, stdout
// and stderr appended to `logFile` (opened as spec.runAs). Returns once exec succeeded, with
// the daemon's identity; an exec failure (missing binary, permissions) is an error here.
Result<ProcessIdentity> spawnDaemon(const ProcessSpec &spec, const std::string &logFile);

enum class ProcessState
{
    Gone,
    Zombie,
    Alive
};

ProcessState processState(int pid); // from /proc/<pid>/stat
std::optional<std::uint64_t> processStartTime(int pid);
std::optional<ProcessIdentity> identifyProcess(int pid); // nullopt when gone
// Present, not a zombie, and still the same process (start time matches).
bool isAlive(const ProcessIdentity &identity);
std::vector<std::string> processArguments(int pid); // /proc/<pid>/cmdline, split at NUL
std::string processName(int pid);                   // /proc/<pid>/comm, "" when gone

// Sends `signal` if `identity` is still alive (so never to a recycled pid). True if sent.
bool signalProcess(const ProcessIdentity &identity, int signal);
// Polls until `identity` is no longer alive (gone or zombie) or the timeout passes; reaps it
// when it happens to be our child. True when it has exited.
bool waitForExit(const ProcessIdentity &identity, std::chrono::milliseconds timeout);
// `firstSignal` (then SIGCONT, for stopped ones), wait up to `grace`, then SIGKILL and wait up
// to 5 s more.
// True when every process has exited.
bool stopProcesses(const std::vector<ProcessIdentity> &processes, int firstSignal,
                   std::chrono::milliseconds grace);

// The first directory of `dirs` holding an executable regular file `name`; nullopt if none.
std::optional<std::string> findExecutable(std::string_view name, const std::vector<std::string> &dirs);
// $PATH split at ':' (empty entries dropped).
std::vector<std::string> pathDirectories();

// The last `maxLines` lines of a text file (at most about 8 KiB), "" when unreadable.
std::string tailOfFile(const std::string &path, int maxLines = 15);

// Pids of live (non-zombie) processes that use `dir`: their working directory is `dir` (servers
// chdir into their data directory), or an argument equals it or ends in "=" + dir (`-D /x`,
// `--datadir=/x`). Skips the calling process. Needs root to see other users' working dirs.
std::vector<int> findProcessesUsingDirectory(const std::string &dir);

} // namespace switchyard::core
