// Local control of sandbox nodes for guided operations (see sandbox_control.h).
#include "switchyard/core/sandbox_control.h"

#include "process.h"
#include "sandbox_internal.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace switchyard::core {

namespace {

std::optional<UserAccount> serverAccount(Engine engine)
{
    if (engine == Engine::PostgreSQL && runningAsRoot())
        return lookupUser("postgres");
    return std::nullopt;
}

Status chownLike(const std::string &path, const std::string &reference)
{
    struct stat st{};
    if (::stat(reference.c_str(), &st) != 0)
        return makeError(ErrorCode::Io, "cannot stat " + reference);
    if (::chown(path.c_str(), st.st_uid, st.st_gid) != 0 && runningAsRoot())
        return makeError(ErrorCode::Io, "cannot chown " + path);
    ::chmod(path.c_str(), 0600);
    return okStatus();
}

Status writeOwnedFile(const std::string &path, const std::string &content, const std::string &ownerReference)
{
    {
        std::ofstream out(path, std::ios::trunc);
        if (!out)
            return makeError(ErrorCode::Io, "cannot write " + path);
        out << content;
        if (!out.flush())
            return makeError(ErrorCode::Io, "cannot write " + path);
    }
    return chownLike(path, ownerReference);
}

std::string readFile(const std::string &path)
{
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

SandboxNodeControl::SandboxNodeControl(std::string root, std::string name)
    : m_root(root.empty() ? SandboxManager::defaultRoot() : std::move(root)), m_name(std::move(name))
{
}

Status SandboxNodeControl::load()
{
    SandboxManager manager(m_root);
    auto info = manager.status(m_name);
    if (!info)
        return info.error();
    m_info = std::move(*info);
    m_loaded = true;
    return okStatus();
}

const SandboxNode *SandboxNodeControl::match(const PlanNode &node) const
{
    if (!m_loaded)
        return nullptr;
    for (const SandboxNode &n : m_info.nodes) {
        if (n.port == node.port && (node.host == "127.0.0.1" || node.host == "localhost" || node.host == n.host))
            return &n;
    }
    return nullptr;
}

bool SandboxNodeControl::controls(const PlanNode &node) const
{
    return match(node) != nullptr;
}

Result<std::string> SandboxNodeControl::binary(const std::string &name) const
{
    std::vector<std::string> dirs;
    if (const char *env = std::getenv("SWITCHYARD_SANDBOX_BIN_DIRS"); env && *env) {
        std::string all = env;
        std::size_t pos = 0;
        while (pos <= all.size()) {
            const std::size_t end = std::min(all.find(':', pos), all.size());
            if (end > pos)
                dirs.push_back(all.substr(pos, end - pos));
            pos = end + 1;
        }
    }
    for (const std::string &d : detail::makeBackend(m_info.engine)->defaultBinaryDirs())
        dirs.push_back(d);
    for (const std::string &d : pathDirectories())
        dirs.push_back(d);
    if (auto path = findExecutable(name, dirs))
        return *path;
    return makeError(ErrorCode::BinaryMissing, name + " not found (Debian package postgresql)");
}

Status SandboxNodeControl::stopServer(const PlanNode &node, std::chrono::milliseconds timeout)
{
    if (auto st = load(); !st)
        return st;
    const SandboxNode *n = match(node);
    if (!n)
        return makeError(ErrorCode::NotFound, "no sandbox node on port " + std::to_string(node.port), node.name);
    if (!n->running || n->pid <= 0)
        return okStatus();   // down already (fenced)
    const auto identity = identifyProcess(n->pid);
    if (!identity)
        return okStatus();
    // PostgreSQL: SIGINT is a fast shutdown (a shutdown checkpoint, WAL sent to the standbys);
    // MariaDB: SIGTERM is a clean shutdown.
    const int sig = m_info.engine == Engine::PostgreSQL ? SIGINT : SIGTERM;
    signalProcess(*identity, sig);
    if (!waitForExit(*identity, timeout)) {
        signalProcess(*identity, SIGKILL);
        waitForExit(*identity, std::chrono::seconds(5));
        return makeError(ErrorCode::Timeout, "the server did not stop within " + std::to_string(timeout.count())
                                                 + " ms and was killed", node.name);
    }
    return load();
}

Status SandboxNodeControl::startServer(const PlanNode &node, std::chrono::milliseconds)
{
    if (auto st = load(); !st)
        return st;
    if (!match(node))
        return makeError(ErrorCode::NotFound, "no sandbox node on port " + std::to_string(node.port), node.name);
    SandboxManager manager(m_root);
    SandboxSpec spec;
    spec.name = m_name;
    spec.engine = m_info.engine;
    auto up = manager.up(spec);   // starts the stopped nodes, in the role their data says
    if (!up)
        return up.error();
    m_info = up->info;
    return okStatus();
}

Result<std::string> SandboxNodeControl::checkpointLsn(const PlanNode &node)
{
    if (auto st = load(); !st)
        return st.error();
    const SandboxNode *n = match(node);
    if (!n)
        return makeError(ErrorCode::NotFound, "no sandbox node on port " + std::to_string(node.port), node.name);
    auto tool = binary("pg_controldata");
    if (!tool)
        return tool.error();
    ProcessSpec spec;
    spec.argv = {*tool, "-D", n->dataDir};
    spec.env = {"LC_ALL=C", "LANG=C"};
    spec.runAs = serverAccount(m_info.engine);
    auto out = runProcess(spec, {}, std::chrono::seconds(30));
    if (!out)
        return out.error();
    if (!out->success())
        return makeError(ErrorCode::ProcessFailed, "pg_controldata: " + out->describeExit() + ": " + out->err, node.name);
    std::istringstream lines(out->out);
    std::string line;
    const std::string key = "Latest checkpoint location:";
    while (std::getline(lines, line)) {
        if (line.rfind(key, 0) == 0)
            return detail::trim(line.substr(key.size()));
    }
    return makeError(ErrorCode::ParseError, "pg_controldata printed no checkpoint location", node.name);
}

Status SandboxNodeControl::rewind(const PlanNode &node, const PlanNode &source, std::chrono::milliseconds timeout)
{
    if (auto st = load(); !st)
        return st;
    const SandboxNode *n = match(node);
    if (!n)
        return makeError(ErrorCode::NotFound, "no sandbox node on port " + std::to_string(node.port), node.name);
    if (n->running)
        return makeError(ErrorCode::InvalidArgument, "the server is still running; stop it before pg_rewind", node.name);
    auto tool = binary("pg_rewind");
    if (!tool)
        return tool.error();
    // A killed server leaves postmaster.pid; its pid may linger as a zombie, which PostgreSQL
    // takes for a running postmaster, and pg_rewind's crash recovery then refuses to start.
    // Nothing runs on this data directory (the sandbox says so), so the file is stale.
    {
        std::error_code ec;
        fs::remove(n->dataDir + "/postmaster.pid", ec);
    }
    // pg_rewind copies the source's configuration files; the node keeps its own (its port).
    const std::vector<std::string> keep = {"postgresql.conf", "postgresql.auto.conf", "pg_hba.conf", "pg_ident.conf"};
    std::vector<std::pair<std::string, std::string>> saved;
    for (const std::string &f : keep) {
        const std::string path = n->dataDir + "/" + f;
        std::error_code ec;
        if (fs::exists(path, ec))
            saved.emplace_back(path, readFile(path));
    }
    const auto &admin = m_info.credentials.admin;
    ProcessSpec spec;
    spec.argv = {*tool, "--target-pgdata=" + n->dataDir,
                 "--source-server=host=" + source.host + " port=" + std::to_string(source.port) + " user=" + admin.user
                     + " dbname=postgres connect_timeout=10"};
    spec.env = {"PGPASSWORD=" + admin.password, "LC_ALL=C", "LANG=C"};
    spec.runAs = serverAccount(m_info.engine);
    auto out = runProcess(spec, {}, timeout);
    for (const auto &[path, content] : saved)
        (void)writeOwnedFile(path, content, n->dataDir);
    if (!out)
        return out.error();
    if (!out->success())
        return makeError(ErrorCode::ProcessFailed,
                         "pg_rewind: " + out->describeExit() + ": " + detail::trim(out->err + out->out), node.name);
    return okStatus();
}

Status SandboxNodeControl::configureStandby(const PlanNode &node, const std::string &primaryConninfo, const std::string &slot)
{
    if (auto st = load(); !st)
        return st;
    const SandboxNode *n = match(node);
    if (!n)
        return makeError(ErrorCode::NotFound, "no sandbox node on port " + std::to_string(node.port), node.name);
    const std::string autoConf = n->dataDir + "/postgresql.auto.conf";
    std::istringstream in(readFile(autoConf));
    std::string out, line;
    while (std::getline(in, line)) {
        const auto first = line.find_first_not_of(" \t");
        const std::string body = first == std::string::npos ? std::string() : line.substr(first);
        if (body.rfind("primary_conninfo", 0) == 0 || body.rfind("primary_slot_name", 0) == 0)
            continue;
        out += line + "\n";
    }
    out += "primary_conninfo = " + detail::quoteSqlString(primaryConninfo) + "\n";
    out += "primary_slot_name = " + detail::quoteSqlString(slot) + "\n";
    if (auto st = writeOwnedFile(autoConf, out, n->dataDir); !st)
        return st;
    return writeOwnedFile(n->dataDir + "/standby.signal", {}, n->dataDir);
}

} // namespace switchyard::core
