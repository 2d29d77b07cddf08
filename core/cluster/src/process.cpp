#include "process.h"

#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>

extern char **environ;

namespace switchyard::core {

namespace {

using Clock = std::chrono::steady_clock;

std::string errnoText(int err)
{
    return std::strerror(err);
}

// Reads a whole small file (a /proc entry); nullopt when it cannot be opened.
std::optional<std::string> readSmallFile(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    std::string data;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        data.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return data;
}

struct StatFields
{
    char state = '?';
    std::uint64_t startTime = 0;
};

// /proc/<pid>/stat: "pid (comm) S ppid ...". comm may contain spaces and ')', so the fields
// are counted from the last ')'. Field 3 is the state, field 22 the start time.
std::optional<StatFields> readStat(int pid)
{
    const auto text = readSmallFile("/proc/" + std::to_string(pid) + "/stat");
    if (!text)
        return std::nullopt;
    const auto close = text->rfind(')');
    if (close == std::string::npos)
        return std::nullopt;
    StatFields fields;
    int field = 2;
    std::size_t pos = close + 1;
    while (pos < text->size()) {
        while (pos < text->size() && (*text)[pos] == ' ')
            ++pos;
        const std::size_t end = text->find(' ', pos);
        const std::string_view token(text->data() + pos,
                                     (end == std::string::npos ? text->size() : end) - pos);
        ++field;
        if (field == 3 && !token.empty())
            fields.state = token.front();
        if (field == 22) {
            fields.startTime = std::strtoull(std::string(token).c_str(), nullptr, 10);
            return fields;
        }
        if (end == std::string::npos)
            break;
        pos = end + 1;
    }
    return std::nullopt;
}

// Everything the child needs, prepared before fork: between fork and exec only
// async-signal-safe calls are allowed (the caller may be multi-threaded).
struct ChildPlan
{
    std::vector<std::string> envStorage;
    std::vector<char *> argv;
    std::vector<char *> envp;
    const char *path = nullptr;
    const char *cwd = nullptr;
    bool switchUser = false;
    uid_t uid = 0;
    gid_t gid = 0;
    int stdinFd = -1;  // -1: /dev/null
    int stdoutFd = -1; // -1: /dev/null (unless logFile)
    int stderrFd = -1;
    const char *logFile = nullptr; // stdout+stderr appended here (opened as the target user)
    bool newProcessGroup = false;
};

// Messages on the error pipe. kind 0 carries the daemon's pid; others name the failed step.
struct ChildMessage
{
    int kind;
    int value;
};

enum ChildStep
{
    StepPid = 0,
    StepFork,
    StepUser,
    StepChdir,
    StepLog,
    StepStdio,
    StepExec
};

const char *stepName(int step)
{
    switch (step) {
    case StepFork:
        return "fork";
    case StepUser:
        return "switch user";
    case StepChdir:
        return "change directory";
    case StepLog:
        return "open log file";
    case StepStdio:
        return "set up stdio";
    case StepExec:
        return "exec";
    default:
        return "start";
    }
}

void writeMessage(int fd, int kind, int value)
{
    const ChildMessage message{kind, value};
    ssize_t rc;
    do {
        rc = ::write(fd, &message, sizeof message);
    } while (rc < 0 && errno == EINTR);
}

[[noreturn]] void failChild(int errFd, int step)
{
    writeMessage(errFd, step, errno);
    ::_exit(127);
}

[[noreturn]] void execChild(const ChildPlan &plan, int errFd)
{
    // Handlers are reset by exec, but ignored signals and the mask would be inherited.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int sig = 1; sig < NSIG; ++sig) {
        struct sigaction action
        {
        };
        action.sa_handler = SIG_DFL;
        sigaction(sig, &action, nullptr);
    }
    if (plan.newProcessGroup)
        setpgid(0, 0);
    if (plan.switchUser) {
        const gid_t groups[1] = {plan.gid};
        if (setgroups(1, groups) != 0 || setgid(plan.gid) != 0 || setuid(plan.uid) != 0)
            failChild(errFd, StepUser);
    }
    if (plan.cwd && ::chdir(plan.cwd) != 0)
        failChild(errFd, StepChdir);

    int devNull = ::open("/dev/null", O_RDWR);
    if (devNull < 0)
        failChild(errFd, StepStdio);
    int outFd = plan.stdoutFd >= 0 ? plan.stdoutFd : devNull;
    int errOut = plan.stderrFd >= 0 ? plan.stderrFd : devNull;
    if (plan.logFile) {
        const int logFd = ::open(plan.logFile, O_WRONLY | O_CREAT | O_APPEND, 0640);
        if (logFd < 0)
            failChild(errFd, StepLog);
        outFd = logFd;
        errOut = logFd;
    }
    if (::dup2(plan.stdinFd >= 0 ? plan.stdinFd : devNull, 0) < 0 || ::dup2(outFd, 1) < 0 ||
        ::dup2(errOut, 2) < 0)
        failChild(errFd, StepStdio);

    // Nothing of the caller's (sockets, lock files, ctest's pipes) may leak into the child:
    // a daemon holding ctest's output pipe would make ctest wait for it forever.
    if (::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC) != 0) {
        const long maxFd = sysconf(_SC_OPEN_MAX);
        for (int fd = 3; fd < (maxFd > 0 && maxFd < 65536 ? maxFd : 65536); ++fd)
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
    ::execve(plan.path, plan.argv.data(), plan.envp.data());
    failChild(errFd, StepExec);
}

// Builds argv/envp for the child. The returned plan points into spec and into itself, so it
// must not be copied or outlive spec.
void preparePlan(ChildPlan &plan, const ProcessSpec &spec)
{
    // Environment: the caller's, with spec.env and (for runAs) HOME/USER/LOGNAME on top.
    std::vector<std::string> overrides = spec.env;
    if (spec.runAs) {
        overrides.push_back("HOME=" + spec.runAs->home);
        overrides.push_back("USER=" + spec.runAs->name);
        overrides.push_back("LOGNAME=" + spec.runAs->name);
    }
    auto keyOf = [](std::string_view entry) { return entry.substr(0, entry.find('=')); };
    for (char **e = environ; e && *e; ++e) {
        const std::string_view entry(*e);
        const bool overridden = std::any_of(overrides.begin(), overrides.end(),
                                            [&](const std::string &o) { return keyOf(o) == keyOf(entry); });
        if (!overridden)
            plan.envStorage.emplace_back(entry);
    }
    for (const auto &o : overrides)
        plan.envStorage.push_back(o);
    for (auto &entry : plan.envStorage)
        plan.envp.push_back(entry.data());
    plan.envp.push_back(nullptr);

    for (const auto &arg : spec.argv)
        plan.argv.push_back(const_cast<char *>(arg.c_str()));
    plan.argv.push_back(nullptr);
    plan.path = spec.argv.front().c_str();
    plan.cwd = spec.workingDir.empty() ? nullptr : spec.workingDir.c_str();
    if (spec.runAs) {
        plan.switchUser = true;
        plan.uid = spec.runAs->uid;
        plan.gid = spec.runAs->gid;
    }
}

// A pipe whose both ends are above stderr (so dup2 onto 0..2 never clobbers them) and
// close-on-exec.
bool makePipe(int fds[2])
{
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return false;
    for (int i = 0; i < 2; ++i) {
        if (fds[i] <= 2) {
            const int moved = ::fcntl(fds[i], F_DUPFD_CLOEXEC, 3);
            ::close(fds[i]);
            fds[i] = moved;
        }
    }
    return fds[0] >= 0 && fds[1] >= 0;
}

void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

// Reads the error pipe to EOF. Returns the messages received.
std::vector<ChildMessage> readMessages(int fd)
{
    std::vector<ChildMessage> messages;
    ChildMessage message{};
    std::size_t have = 0;
    for (;;) {
        const ssize_t n = ::read(fd, reinterpret_cast<char *>(&message) + have, sizeof message - have);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        have += static_cast<std::size_t>(n);
        if (have == sizeof message) {
            messages.push_back(message);
            have = 0;
        }
    }
    return messages;
}

Error startError(const ProcessSpec &spec, int step, int err)
{
    Error e = makeError(ErrorCode::Io, std::string("cannot run ") + spec.argv.front() + " (" +
                                           stepName(step) + "): " + errnoText(err));
    e.serverCode = err;
    return e;
}

void reap(pid_t pid, int *status)
{
    while (::waitpid(pid, status, 0) < 0 && errno == EINTR) {
    }
}

// Writes to a pipe without dying of SIGPIPE when the reader has gone: SIGPIPE is blocked in
// this thread for the write and a SIGPIPE it raised is consumed.
ssize_t writeNoSigpipe(int fd, const char *data, std::size_t size)
{
    sigset_t pipeSet, oldSet, pending;
    sigemptyset(&pipeSet);
    sigaddset(&pipeSet, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipeSet, &oldSet);
    sigpending(&pending);
    const bool wasPending = sigismember(&pending, SIGPIPE);
    const ssize_t n = ::write(fd, data, size);
    const int err = errno;
    if (n < 0 && err == EPIPE && !wasPending) {
        const timespec zero{0, 0};
        sigtimedwait(&pipeSet, nullptr, &zero);
    }
    pthread_sigmask(SIG_SETMASK, &oldSet, nullptr);
    errno = err;
    return n;
}

} // namespace

std::string ProcessOutput::describeExit() const
{
    if (timedOut)
        return "timed out";
    if (termSignal != 0)
        return "killed by signal " + std::to_string(termSignal) + " (" + strsignal(termSignal) + ")";
    return "exit status " + std::to_string(exitCode);
}

std::optional<UserAccount> lookupUser(const std::string &name)
{
    struct passwd pw
    {
    };
    struct passwd *found = nullptr;
    std::vector<char> buffer(16384);
    if (getpwnam_r(name.c_str(), &pw, buffer.data(), buffer.size(), &found) != 0 || !found)
        return std::nullopt;
    return UserAccount{pw.pw_uid, pw.pw_gid, pw.pw_name, pw.pw_dir ? pw.pw_dir : ""};
}

std::optional<UserAccount> currentUser()
{
    struct passwd pw
    {
    };
    struct passwd *found = nullptr;
    std::vector<char> buffer(16384);
    if (getpwuid_r(geteuid(), &pw, buffer.data(), buffer.size(), &found) != 0 || !found)
        return std::nullopt;
    return UserAccount{pw.pw_uid, pw.pw_gid, pw.pw_name, pw.pw_dir ? pw.pw_dir : ""};
}

bool runningAsRoot()
{
    return geteuid() == 0;
}

Result<ProcessOutput> runProcess(const ProcessSpec &spec, std::string_view input,
                                 std::chrono::milliseconds timeout)
{
    if (spec.argv.empty())
        return makeError(ErrorCode::InvalidArgument, "runProcess: empty argv");
    ChildPlan plan;
    preparePlan(plan, spec);
    plan.newProcessGroup = true;

    int inPipe[2] = {-1, -1}, outPipe[2] = {-1, -1}, errPipe[2] = {-1, -1}, msgPipe[2] = {-1, -1};
    auto closeAll = [&] {
        for (int *p : {inPipe, outPipe, errPipe, msgPipe}) {
            closeFd(p[0]);
            closeFd(p[1]);
        }
    };
    if (!makePipe(inPipe) || !makePipe(outPipe) || !makePipe(errPipe) || !makePipe(msgPipe)) {
        const int err = errno;
        closeAll();
        return startError(spec, StepStdio, err);
    }
    plan.stdinFd = inPipe[0];
    plan.stdoutFd = outPipe[1];
    plan.stderrFd = errPipe[1];

    const pid_t pid = ::fork();
    if (pid < 0) {
        const int err = errno;
        closeAll();
        return startError(spec, StepFork, err);
    }
    if (pid == 0)
        execChild(plan, msgPipe[1]);

    // Also set the group from the parent side, so a kill(-pid) right away cannot miss it.
    setpgid(pid, pid);
    closeFd(inPipe[0]);
    closeFd(outPipe[1]);
    closeFd(errPipe[1]);
    closeFd(msgPipe[1]);
    const auto messages = readMessages(msgPipe[0]);
    closeFd(msgPipe[0]);
    if (!messages.empty()) {
        int status = 0;
        reap(pid, &status);
        closeAll();
        return startError(spec, messages.front().kind, messages.front().value);
    }

    for (int fd : {inPipe[1], outPipe[0], errPipe[0]})
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    if (input.empty())
        closeFd(inPipe[1]);

    ProcessOutput output;
    std::size_t written = 0;
    const auto deadline = Clock::now() + timeout;
    bool exited = false;
    int status = 0;
    Clock::time_point exitedAt;
    for (;;) {
        if (!exited) {
            const pid_t r = ::waitpid(pid, &status, WNOHANG);
            if (r == pid || (r < 0 && errno == ECHILD)) {
                // ECHILD: the program set SIGCHLD to SIG_IGN and the kernel reaped it for us;
                // the exit status is lost, but we must not wait for it until the timeout.
                if (r < 0)
                    status = -1;
                exited = true;
                exitedAt = Clock::now();
            }
        }
        const bool pipesOpen = outPipe[0] >= 0 || errPipe[0] >= 0;
        // A grandchild may keep the pipes open after the child exits; do not wait for it long.
        if (exited && (!pipesOpen || Clock::now() - exitedAt > std::chrono::milliseconds(200)))
            break;
        const auto now = Clock::now();
        if (now >= deadline) {
            output.timedOut = true;
            ::kill(-pid, SIGKILL);
            ::kill(pid, SIGKILL);
            if (!exited)
                reap(pid, &status);
            exited = true;
            break;
        }
        pollfd fds[3];
        nfds_t count = 0;
        if (outPipe[0] >= 0)
            fds[count++] = {outPipe[0], POLLIN, 0};
        if (errPipe[0] >= 0)
            fds[count++] = {errPipe[0], POLLIN, 0};
        if (inPipe[1] >= 0)
            fds[count++] = {inPipe[1], POLLOUT, 0};
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
        // Short slices: the child's exit is noticed by waitpid, not by poll.
        const int slice = static_cast<int>(std::min<long long>(left + 1, exited ? 10 : 20));
        const int ready =
            count > 0 ? ::poll(fds, count, slice) : (::usleep(static_cast<useconds_t>(slice) * 1000), 0);
        if (ready < 0 && errno != EINTR)
            break;
        for (nfds_t i = 0; i < count && ready > 0; ++i) {
            if (fds[i].revents == 0)
                continue;
            if (fds[i].fd == inPipe[1]) {
                const ssize_t n = writeNoSigpipe(inPipe[1], input.data() + written, input.size() - written);
                if (n > 0)
                    written += static_cast<std::size_t>(n);
                if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input.size() ||
                    (fds[i].revents & (POLLERR | POLLHUP)))
                    closeFd(inPipe[1]);
                continue;
            }
            char buffer[8192];
            const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                (fds[i].fd == outPipe[0] ? output.out : output.err)
                    .append(buffer, static_cast<std::size_t>(n));
            } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
                if (fds[i].fd == outPipe[0])
                    closeFd(outPipe[0]);
                else
                    closeFd(errPipe[0]);
            }
        }
    }
    closeAll();
    if (!output.timedOut && status != -1) {
        if (WIFEXITED(status))
            output.exitCode = WEXITSTATUS(status);
        else if (WIFSIGNALED(status))
            output.termSignal = WTERMSIG(status);
    }
    return output;
}

Result<ProcessIdentity> spawnDaemon(const ProcessSpec &spec, const std::string &logFile)
{
    if (spec.argv.empty())
        return makeError(ErrorCode::InvalidArgument, "spawnDaemon: empty argv");
    ChildPlan plan;
    preparePlan(plan, spec);
    plan.logFile = logFile.c_str();

    int msgPipe[2] = {-1, -1};
    if (!makePipe(msgPipe))
        return startError(spec, StepStdio, errno);
    const pid_t first = ::fork();
    if (first < 0) {
        const int err = errno;
        closeFd(msgPipe[0]);
        closeFd(msgPipe[1]);
        return startError(spec, StepFork, err);
    }
    if (first == 0) {
        // Intermediate child: a new session, then the daemon, then exit so the daemon is
        // reparented to PID 1 and is never the caller's child (nor its zombie).
        ::setsid();
        const pid_t daemon = ::fork();
        if (daemon < 0)
            failChild(msgPipe[1], StepFork);
        if (daemon == 0)
            execChild(plan, msgPipe[1]);
        writeMessage(msgPipe[1], StepPid, daemon);
        ::_exit(0);
    }
    closeFd(msgPipe[1]);
    const auto messages = readMessages(msgPipe[0]);
    closeFd(msgPipe[0]);
    int status = 0;
    reap(first, &status);

    int daemonPid = 0;
    for (const auto &m : messages) {
        if (m.kind == StepPid)
            daemonPid = m.value;
        else
            return startError(spec, m.kind, m.value);
    }
    if (daemonPid <= 0)
        return startError(spec, StepFork, EAGAIN);
    ProcessIdentity identity;
    identity.pid = daemonPid;
    // If it died at once and was reaped already, startTime stays 0: "not alive" to callers,
    // who then report the server's log.
    identity.startTime = processStartTime(daemonPid).value_or(0);
    return identity;
}

ProcessState processState(int pid)
{
    if (pid <= 0)
        return ProcessState::Gone;
    const auto stat = readStat(pid);
    if (!stat)
        return ProcessState::Gone;
    if (stat->state == 'Z')
        return ProcessState::Zombie;
    if (stat->state == 'X' || stat->state == 'x')
        return ProcessState::Gone;
    return ProcessState::Alive;
}

std::optional<std::uint64_t> processStartTime(int pid)
{
    if (pid <= 0)
        return std::nullopt;
    const auto stat = readStat(pid);
    if (!stat)
        return std::nullopt;
    return stat->startTime;
}

std::optional<ProcessIdentity> identifyProcess(int pid)
{
    const auto start = processStartTime(pid);
    if (!start)
        return std::nullopt;
    return ProcessIdentity{pid, *start};
}

bool isAlive(const ProcessIdentity &identity)
{
    if (!identity.valid())
        return false;
    const auto stat = readStat(identity.pid);
    return stat && stat->startTime == identity.startTime && stat->state != 'Z' && stat->state != 'X' &&
           stat->state != 'x';
}

std::vector<std::string> processArguments(int pid)
{
    std::vector<std::string> args;
    const auto text = readSmallFile("/proc/" + std::to_string(pid) + "/cmdline");
    if (!text)
        return args;
    std::size_t pos = 0;
    while (pos < text->size()) {
        const std::size_t end = text->find('\0', pos);
        args.emplace_back(*text, pos, (end == std::string::npos ? text->size() : end) - pos);
        if (end == std::string::npos)
            break;
        pos = end + 1;
    }
    return args;
}

std::string processName(int pid)
{
    auto text = readSmallFile("/proc/" + std::to_string(pid) + "/comm").value_or("");
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

bool signalProcess(const ProcessIdentity &identity, int signal)
{
    if (!isAlive(identity))
        return false;
    return ::kill(identity.pid, signal) == 0;
}

bool waitForExit(const ProcessIdentity &identity, std::chrono::milliseconds timeout)
{
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        int status = 0;
        if (identity.pid > 0 && ::waitpid(identity.pid, &status, WNOHANG) == identity.pid)
            return true;
        if (!isAlive(identity))
            return true;
        if (Clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

bool stopProcesses(const std::vector<ProcessIdentity> &processes, int firstSignal,
                   std::chrono::milliseconds grace)
{
    for (const auto &p : processes) {
        // A SIGSTOPped server (tests freeze servers on purpose) would only act on the signal
        // once continued.
        if (signalProcess(p, firstSignal))
            signalProcess(p, SIGCONT);
    }
    const auto deadline = Clock::now() + grace;
    bool allGone = true;
    for (const auto &p : processes) {
        const auto left =
            std::max(std::chrono::milliseconds(0),
                     std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()));
        if (!waitForExit(p, left))
            allGone = false;
    }
    if (allGone)
        return true;
    for (const auto &p : processes)
        signalProcess(p, SIGKILL);
    allGone = true;
    for (const auto &p : processes) {
        if (!waitForExit(p, std::chrono::seconds(5)))
            allGone = false;
    }
    return allGone;
}

std::optional<std::string> findExecutable(std::string_view name, const std::vector<std::string> &dirs)
{
    for (const auto &dir : dirs) {
        if (dir.empty())
            continue;
        std::string candidate = dir;
        if (candidate.back() != '/')
            candidate += '/';
        candidate += name;
        struct stat st
        {
        };
        if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
            ::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return std::nullopt;
}

std::vector<std::string> pathDirectories()
{
    std::vector<std::string> dirs;
    const char *path = std::getenv("PATH");
    if (!path)
        return dirs;
    std::string_view rest(path);
    while (!rest.empty()) {
        const auto colon = rest.find(':');
        const auto entry = rest.substr(0, colon);
        if (!entry.empty())
            dirs.emplace_back(entry);
        if (colon == std::string_view::npos)
            break;
        rest.remove_prefix(colon + 1);
    }
    return dirs;
}

std::string tailOfFile(const std::string &path, int maxLines)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    constexpr off_t kMaxBytes = 8192;
    const off_t size = ::lseek(fd, 0, SEEK_END);
    const off_t start = size > kMaxBytes ? size - kMaxBytes : 0;
    ::lseek(fd, start, SEEK_SET);
    std::string data;
    char buffer[4096];
    ssize_t n;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
        data.append(buffer, static_cast<std::size_t>(n));
    ::close(fd);
    if (start > 0) {
        const auto nl = data.find('\n');
        data.erase(0, nl == std::string::npos ? 0 : nl + 1);
    }
    while (!data.empty() && (data.back() == '\n' || data.back() == '\r'))
        data.pop_back();
    // Walk back over maxLines newlines; what follows the last one passed is the tail.
    std::size_t begin = 0;
    std::size_t pos = data.size();
    for (int lines = 0; lines < maxLines; ++lines) {
        const std::size_t nl = pos == 0 ? std::string::npos : data.rfind('\n', pos - 1);
        if (nl == std::string::npos) {
            begin = 0;
            break;
        }
        begin = nl + 1;
        pos = nl;
    }
    return data.substr(begin);
}

std::vector<int> findProcessesUsingDirectory(const std::string &dir)
{
    std::vector<int> pids;
    std::error_code ec;
    const auto canonical = std::filesystem::weakly_canonical(dir, ec);
    const std::string real = ec ? dir : canonical.string();
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return pids;
    const int self = static_cast<int>(::getpid());
    auto matches = [&](const std::string &arg) {
        for (const std::string *path : {&dir, &real}) {
            if (arg == *path)
                return true;
            const std::string suffix = "=" + *path;
            if (arg.size() > suffix.size() &&
                arg.compare(arg.size() - suffix.size(), suffix.size(), suffix) == 0)
                return true;
        }
        return false;
    };
    while (const dirent *entry = ::readdir(proc)) {
        char *end = nullptr;
        const long value = std::strtol(entry->d_name, &end, 10);
        if (!end || *end != '\0' || value <= 0 || value == self || value > INT_MAX)
            continue;
        const int pid = static_cast<int>(value);
        bool match = false;
        char cwd[PATH_MAX];
        const std::string link = "/proc/" + std::to_string(pid) + "/cwd";
        const ssize_t n = ::readlink(link.c_str(), cwd, sizeof cwd - 1);
        if (n > 0) {
            cwd[n] = '\0';
            match = real == cwd || dir == cwd;
        }
        if (!match) {
            const auto args = processArguments(pid);
            match = std::any_of(args.begin(), args.end(), matches);
        }
        if (match && processState(pid) == ProcessState::Alive)
            pids.push_back(pid);
    }
    ::closedir(proc);
    return pids;
}

} // namespace switchyard::core
