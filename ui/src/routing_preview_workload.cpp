#include "switchyard/ui/routing_preview_workload.h"

#include "switchyard/ui/tr.h"

#include <QFile>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <unordered_map>

namespace switchyard::ui {

using namespace switchyard::routing;

namespace {

constexpr std::int64_t kProgressEvery = 1 << 14;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

bool startsWithNoCase(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && equalsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

int digits(std::string_view s, std::size_t at, std::size_t n)
{
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (at + i >= s.size() || !isDigit(s[at + i]))
            return -1;
        v = v * 10 + (s[at + i] - '0');
    }
    return v;
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(int y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

std::int64_t toMs(int y, int mo, int d, int h, int mi, int s, int ms)
{
    return ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60'000 + s * 1000 + ms;
}

// "2024-01-15T10:00:00.123456Z" or "2024-01-15 10:00:00.123 UTC": the time in ms (the zone is
// ignored: only differences between statements matter), and the length of the date and time.
std::optional<std::int64_t> isoTime(std::string_view s, std::size_t &length)
{
    const int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
    const int h = digits(s, 11, 2), mi = digits(s, 14, 2), sec = digits(s, 17, 2);
    if (y < 0 || mo < 1 || d < 1 || h < 0 || mi < 0 || sec < 0 || s[4] != '-' || s[7] != '-' ||
        (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
        return std::nullopt;
    std::size_t i = 19;
    int ms = 0;
    if (i < s.size() && s[i] == '.') {
        ++i;
        int scale = 100;
        while (i < s.size() && isDigit(s[i])) {
            ms += (s[i] - '0') * scale;
            scale /= 10;
            ++i;
        }
    }
    while (i < s.size() && !isSpace(s[i]))
        ++i; // Z, +01:00
    length = i;
    return toMs(y, mo, d, h, mi, sec, ms);
}

// MariaDB: "240115 10:00:00" (or " 9:00:00").
std::optional<std::int64_t> mariaTime(std::string_view s, std::size_t &length)
{
    const int yy = digits(s, 0, 2), mo = digits(s, 2, 2), d = digits(s, 4, 2);
    if (yy < 0 || mo < 1 || d < 1 || s.size() < 8 || s[6] != ' ')
        return std::nullopt;
    std::size_t i = 7;
    while (i < s.size() && s[i] == ' ')
        ++i;
    int h = digits(s, i, 2);
    std::size_t hl = 2;
    if (h < 0) {
        h = digits(s, i, 1);
        hl = 1;
    }
    if (h < 0 || i + hl >= s.size() || s[i + hl] != ':')
        return std::nullopt;
    i += hl + 1;
    const int mi = digits(s, i, 2);
    const int sec = digits(s, i + 3, 2);
    if (mi < 0 || sec < 0 || s[i + 2] != ':')
        return std::nullopt;
    length = i + 5;
    return toMs(2000 + yy, mo, d, h, mi, sec, 0);
}

// ---- plain SQL -------------------------------------------------------------------------------

Result<Workload> parsePlain(std::string_view data, const PreviewSettings &settings,
                            const WorkloadProgress &progress)
{
    Workload w;
    w.format = WorkloadFormat::PlainSql;
    w.sessions = 1;
    const bool mysql = isMySqlFamily(settings.dialect);
    const LexOptions options = settings.lexOptions();
    std::string delimiter = ";";
    std::size_t pos = 0;
    std::int64_t sinceProgress = 0;
    while (pos < data.size()) {
        while (pos < data.size() && isSpace(data[pos]))
            ++pos;
        if (pos >= data.size())
            break;
        std::size_t back = pos;
        while (back > 0 && (data[back - 1] == ' ' || data[back - 1] == '\t'))
            --back;
        const bool lineStart = back == 0 || data[back - 1] == '\n' || data[back - 1] == '\r';
        // The mysql client's DELIMITER command: a line of its own, not SQL.
        if (mysql && lineStart && startsWithNoCase(data.substr(pos), "delimiter") && pos + 9 < data.size() &&
            (data[pos + 9] == ' ' || data[pos + 9] == '\t')) {
            std::size_t eol = data.find('\n', pos);
            if (eol == std::string_view::npos)
                eol = data.size();
            const std::string_view value = trim(data.substr(pos + 9, eol - pos - 9));
            if (!value.empty())
                delimiter = std::string(value);
            pos = eol;
            continue;
        }
        Lexer lexer(data.substr(pos), options);
        std::size_t cut = std::string_view::npos; // relative to pos
        std::size_t resume = 0;
        for (;;) {
            const Token t = lexer.next();
            if (t.kind == TokenKind::End)
                break;
            const std::size_t at = lexer.offsetOf(t);
            if (delimiter == ";") {
                if (t.kind == TokenKind::Semicolon) {
                    cut = at;
                    resume = at + 1;
                    break;
                }
                continue;
            }
            const std::string_view rest = data.substr(pos + at);
            if (rest.substr(0, delimiter.size()) == delimiter) {
                cut = at;
                resume = at + delimiter.size();
                break;
            }
            // "END$$": the delimiter glued to the end of a word.
            if (t.text.size() > delimiter.size() &&
                t.text.substr(t.text.size() - delimiter.size()) == delimiter) {
                cut = at + t.text.size() - delimiter.size();
                resume = at + t.text.size();
                break;
            }
        }
        std::string_view statement;
        if (cut == std::string_view::npos) {
            statement = data.substr(pos);
            pos = data.size();
        } else {
            statement = data.substr(pos, cut);
            pos += resume;
        }
        statement = trim(statement);
        if (!statement.empty()) {
            WorkloadStatement s;
            s.sql = std::string(statement);
            w.statements.push_back(std::move(s));
        }
        if (progress && ++sinceProgress >= 1024) {
            sinceProgress = 0;
            if (!progress(static_cast<std::int64_t>(pos), static_cast<std::int64_t>(data.size())))
                return makeError(ErrorCode::Cancelled, "cancelled");
        }
    }
    return w;
}

// ---- MySQL / MariaDB general log -----------------------------------------------------------------

struct GeneralLine
{
    std::optional<std::int64_t> atMs;
    std::uint64_t id = 0;
    std::string_view command;
    std::string_view argument;
};

constexpr std::array<std::string_view, 32> kGeneralCommands = {
    "Query",          "Execute",          "Connect",        "Quit",        "Init DB",
    "Prepare",        "Close stmt",       "Reset stmt",     "Change user", "Reset connection",
    "Field List",     "Statistics",       "Ping",           "Shutdown",    "Binlog Dump GTID",
    "Binlog Dump",    "Register Replica", "Register Slave", "Fetch",       "Long Data",
    "Set option",     "Refresh",          "Processlist",    "Kill",        "Debug",
    "Daemon",         "Table Dump",       "Connect Out",    "Time",        "Sleep",
    "Delayed insert", "Create DB"};

std::optional<GeneralLine> parseGeneralLine(std::string_view line)
{
    GeneralLine g;
    std::size_t i = 0;
    if (!line.empty() && isDigit(line[0])) {
        std::size_t len = 0;
        if (auto t = isoTime(line, len))
            g.atMs = t;
        else if (auto m = mariaTime(line, len))
            g.atMs = m;
        else
            return std::nullopt;
        i = len;
    }
    if (i >= line.size() || !isSpace(line[i]))
        return std::nullopt;
    while (i < line.size() && isSpace(line[i]))
        ++i;
    const std::size_t idStart = i;
    while (i < line.size() && isDigit(line[i]))
        g.id = g.id * 10 + static_cast<std::uint64_t>(line[i++] - '0');
    if (i == idStart || i >= line.size() || line[i] != ' ')
        return std::nullopt;
    ++i;
    const std::string_view rest = line.substr(i);
    for (std::string_view c : kGeneralCommands) {
        if (rest.substr(0, c.size()) == c &&
            (rest.size() == c.size() || rest[c.size()] == '\t' || rest[c.size()] == '\r')) {
            g.command = c;
            if (rest.size() > c.size() + 1 && rest[c.size()] == '\t')
                g.argument = rest.substr(c.size() + 1);
            return g;
        }
    }
    return std::nullopt;
}

bool isGeneralLogHeader(std::string_view line)
{
    return line.find(", Version: ") != std::string_view::npos || line.rfind("Tcp port:", 0) == 0 ||
           line.rfind("Time ", 0) == 0 || line.rfind("Time\t", 0) == 0;
}

std::string stripCr(std::string_view s)
{
    if (!s.empty() && s.back() == '\r')
        s.remove_suffix(1);
    return std::string(s);
}

template <typename LineFn>
bool forEachLine(std::string_view data, const WorkloadProgress &progress, LineFn fn)
{
    std::size_t pos = 0;
    std::int64_t lines = 0;
    while (pos < data.size()) {
        std::size_t eol = data.find('\n', pos);
        if (eol == std::string_view::npos)
            eol = data.size();
        fn(data.substr(pos, eol - pos));
        pos = eol + 1;
        if (progress && ++lines % kProgressEvery == 0 &&
            !progress(static_cast<std::int64_t>(std::min(pos, data.size())),
                      static_cast<std::int64_t>(data.size())))
            return false;
    }
    return true;
}

// "No statement takes continuation lines" (an index, not std::optional: GCC 12 reports a false
// -Wmaybe-uninitialized for an optional index captured by these lambdas).
constexpr std::size_t kNoStatement = static_cast<std::size_t>(-1);

Result<Workload> parseGeneralLog(std::string_view data, const WorkloadProgress &progress)
{
    Workload w;
    w.format = WorkloadFormat::MySqlGeneralLog;
    std::unordered_map<std::uint64_t, std::uint32_t> sessions; // thread id -> session
    std::unordered_map<std::uint64_t, bool> resetPending;
    std::size_t open = kNoStatement; // statement taking continuation lines
    std::optional<std::int64_t> lastTime;
    const auto sessionOf = [&](std::uint64_t id) {
        auto it = sessions.find(id);
        if (it == sessions.end())
            it = sessions.emplace(id, w.sessions++).first;
        return it->second;
    };
    const bool ok = forEachLine(data, progress, [&](std::string_view line) {
        const auto g = parseGeneralLine(line);
        if (!g) {
            if (isGeneralLogHeader(line)) {
                open = kNoStatement;
                return;
            }
            if (open != kNoStatement) {
                w.statements[open].sql += '\n';
                w.statements[open].sql += stripCr(line);
            } else if (!trim(line).empty()) {
                ++w.skippedLines;
            }
            return;
        }
        open = kNoStatement;
        if (g->atMs)
            lastTime = g->atMs;
        const std::string_view c = g->command;
        if (c == "Connect") {
            sessions[g->id] = w.sessions++; // a new connection, a fresh session
            return;
        }
        if (c == "Quit") {
            sessions.erase(g->id);
            return;
        }
        if (c == "Change user" || c == "Reset connection") {
            resetPending[g->id] = true;
            return;
        }
        std::string sql;
        if (c == "Query" || c == "Execute")
            sql = stripCr(g->argument);
        else if (c == "Init DB")
            sql = "USE `" + stripCr(trim(g->argument)) + "`";
        else
            return; // Prepare (its Execute is logged with the values), ping, statistics, ...
        WorkloadStatement s;
        s.session = sessionOf(g->id);
        s.sql = std::move(sql);
        s.atMs = lastTime;
        if (auto r = resetPending.find(g->id); r != resetPending.end() && r->second) {
            s.resetBefore = true;
            r->second = false;
        }
        w.statements.push_back(std::move(s));
        if (c != "Init DB")
            open = w.statements.size() - 1;
    });
    if (!ok)
        return makeError(ErrorCode::Cancelled, "cancelled");
    for (WorkloadStatement &s : w.statements)
        if (!s.sql.empty() && s.sql.back() == '\n')
            s.sql.pop_back();
    return w;
}

// ---- PostgreSQL log --------------------------------------------------------------------------------

Result<Workload> parsePostgresLog(std::string_view data, const WorkloadProgress &progress)
{
    Workload w;
    w.format = WorkloadFormat::PostgresLog;
    std::unordered_map<std::uint64_t, std::uint32_t> sessions; // backend pid -> session
    std::size_t open = kNoStatement;
    std::vector<bool> fromDuration;
    bool anyPlain = false;
    const auto sessionOf = [&](std::uint64_t pid) {
        auto it = sessions.find(pid);
        if (it == sessions.end())
            it = sessions.emplace(pid, w.sessions++).first;
        return it->second;
    };
    const bool ok = forEachLine(data, progress, [&](std::string_view line) {
        if (!line.empty() && line[0] == '\t') {
            // A statement's next line (stderr logging indents continuation lines with a tab).
            if (open != kNoStatement) {
                w.statements[open].sql += '\n';
                w.statements[open].sql += stripCr(line.substr(1));
            } else {
                ++w.skippedLines;
            }
            return;
        }
        open = kNoStatement;
        const std::size_t log = line.find("LOG:  ");
        if (log == std::string_view::npos) {
            if (!trim(line).empty() && line.find("ERROR:") == std::string_view::npos &&
                line.find("DETAIL:") == std::string_view::npos &&
                line.find("STATEMENT:") == std::string_view::npos &&
                line.find("HINT:") == std::string_view::npos &&
                line.find("CONTEXT:") == std::string_view::npos &&
                line.find("WARNING:") == std::string_view::npos &&
                line.find("NOTICE:") == std::string_view::npos &&
                line.find("FATAL:") == std::string_view::npos)
                ++w.skippedLines;
            return;
        }
        const std::string_view prefix = line.substr(0, log);
        std::string_view message = line.substr(log + 6);
        std::uint64_t pid = 0;
        if (const auto b = prefix.find('['); b != std::string_view::npos) {
            std::size_t i = b + 1;
            while (i < prefix.size() && isDigit(prefix[i]))
                pid = pid * 10 + static_cast<std::uint64_t>(prefix[i++] - '0');
            if (i >= prefix.size() || prefix[i] != ']')
                pid = 0;
        }
        if (message.rfind("connection authorized:", 0) == 0 || message.rfind("disconnection:", 0) == 0) {
            sessions.erase(pid); // the next statement of this pid is a new session
            return;
        }
        bool duration = false;
        if (message.rfind("duration: ", 0) == 0) {
            const std::size_t two = message.find("  ");
            if (two == std::string_view::npos)
                return; // log_duration alone: no statement text
            message = message.substr(two + 2);
            duration = true;
        }
        std::string_view sql;
        if (message.rfind("statement: ", 0) == 0) {
            sql = message.substr(11);
        } else if (message.rfind("execute ", 0) == 0) {
            const std::size_t colon = message.find(": ");
            if (colon == std::string_view::npos)
                return;
            sql = message.substr(colon + 2);
        } else {
            return; // checkpoints, parse/bind steps, autovacuum, ...
        }
        std::optional<std::int64_t> at;
        std::size_t len = 0;
        at = isoTime(line, len);
        WorkloadStatement s;
        s.session = sessionOf(pid);
        s.sql = stripCr(sql);
        s.atMs = at;
        w.statements.push_back(std::move(s));
        fromDuration.push_back(duration);
        anyPlain = anyPlain || !duration;
        open = w.statements.size() - 1;
    });
    if (!ok)
        return makeError(ErrorCode::Cancelled, "cancelled");
    if (anyPlain) {
        // With log_statement=all and log_min_duration_statement both on, every statement is
        // logged twice: keep the log_statement lines.
        std::vector<WorkloadStatement> kept;
        kept.reserve(w.statements.size());
        for (std::size_t i = 0; i < w.statements.size(); ++i)
            if (!fromDuration[i])
                kept.push_back(std::move(w.statements[i]));
        w.statements = std::move(kept);
    }
    return w;
}

} // namespace

QString workloadFormatTitle(WorkloadFormat format)
{
    switch (format) {
    case WorkloadFormat::Detect:
        return Tr::tr("Detect from the content");
    case WorkloadFormat::PlainSql:
        return Tr::tr("SQL script");
    case WorkloadFormat::MySqlGeneralLog:
        return Tr::tr("MySQL/MariaDB general log");
    case WorkloadFormat::PostgresLog:
        return Tr::tr("PostgreSQL log (log_statement=all)");
    }
    return {};
}

WorkloadFormat detectWorkloadFormat(std::string_view head)
{
    int general = 0, postgres = 0, lines = 0;
    forEachLine(head.substr(0, std::min<std::size_t>(head.size(), 64 * 1024)), {},
                [&](std::string_view line) {
                    if (++lines > 200)
                        return;
                    if (parseGeneralLine(line) || line.find("started with:") != std::string_view::npos ||
                        line.rfind("Tcp port:", 0) == 0)
                        ++general;
                    if (line.find("LOG:  statement: ") != std::string_view::npos ||
                        line.find("LOG:  execute ") != std::string_view::npos ||
                        line.find("LOG:  duration: ") != std::string_view::npos)
                        ++postgres;
                });
    if (general == 0 && postgres == 0)
        return WorkloadFormat::PlainSql;
    return general >= postgres ? WorkloadFormat::MySqlGeneralLog : WorkloadFormat::PostgresLog;
}

Result<Workload> parseWorkload(std::string_view data, WorkloadFormat format, const PreviewSettings &settings,
                               const WorkloadProgress &progress)
{
    if (format == WorkloadFormat::Detect)
        format = detectWorkloadFormat(data);
    Result<Workload> w = [&]() -> Result<Workload> {
        switch (format) {
        case WorkloadFormat::Detect:
        case WorkloadFormat::PlainSql:
            return parsePlain(data, settings, progress);
        case WorkloadFormat::MySqlGeneralLog:
            return parseGeneralLog(data, progress);
        case WorkloadFormat::PostgresLog:
            return parsePostgresLog(data, progress);
        }
        return parsePlain(data, settings, progress);
    }();
    if (w)
        w->bytes = data.size();
    return w;
}

Result<Workload> readWorkloadFile(const QString &path, WorkloadFormat format, const PreviewSettings &settings,
                                  const WorkloadProgress &progress)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, file.errorString().toStdString(), path.toStdString());
    if (file.size() == 0)
        return parseWorkload({}, format, settings, progress);
    // Mapped, not read: a log of a few hundred MB costs no copy.
    uchar *mapped = file.map(0, file.size());
    if (mapped) {
        const std::string_view data(reinterpret_cast<const char *>(mapped),
                                    static_cast<std::size_t>(file.size()));
        auto w = parseWorkload(data, format, settings, progress);
        file.unmap(mapped);
        return w;
    }
    const QByteArray bytes = file.readAll();
    return parseWorkload(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), format,
                         settings, progress);
}

std::string statementShape(std::string_view sql, const routing::LexOptions &options)
{
    Lexer lexer(sql, options);
    std::vector<std::string_view> parts;
    for (Token t = lexer.next(); t.kind != TokenKind::End; t = lexer.next()) {
        std::string_view piece = t.text;
        if (t.kind == TokenKind::String || t.kind == TokenKind::Number)
            piece = "?";
        // IN (1, 2, 3) and VALUES lists: one ? for the whole run.
        if (piece == "?" && parts.size() >= 2 && parts.back() == "," &&
            (parts[parts.size() - 2] == "?" || parts[parts.size() - 2] == "?...")) {
            parts.pop_back();
            parts.back() = "?...";
            continue;
        }
        parts.push_back(piece);
        if (parts.size() > 400)
            break;
    }
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string_view p = parts[i];
        const bool glueLeft = p == "," || p == ")" || p == "." || p == ";" ||
                              (i > 0 && (parts[i - 1] == "(" || parts[i - 1] == "."));
        if (i > 0 && !glueLeft)
            out += ' ';
        out += p;
        if (out.size() > 300) {
            out += " ...";
            break;
        }
    }
    return out;
}

Result<WorkloadResult> routeWorkload(const Workload &workload, const PreviewSettings &settings,
                                     const RouteTopologyFile &topology, const WorkloadProgress &progress)
{
    RouterConfig config = settings.routerConfig();
    config.lag = topology.lag;
    config.primaryAcceptsReads = topology.primaryAcceptsReads;
    Router router(config);
    feedTopology(router, topology);
    const LexOptions lex = settings.lexOptions();

    WorkloadResult r;
    for (const NodeView &n : router.topology().nodes)
        r.nodes.push_back({n.name, n.role, 0});
    struct ShapeAcc
    {
        std::string example;
        std::uint64_t count = 0;
    };
    struct GroupAcc
    {
        ReasonCode code{};
        std::uint64_t count = 0;
        std::unordered_map<std::string, ShapeAcc> shapes;
    };
    std::map<std::string, GroupAcc> groups;
    std::vector<std::optional<Session>> sessions(workload.sessions + 1);
    const Router::Clock::time_point t0 = Router::Clock::time_point() + std::chrono::hours(1);
    std::int64_t done = 0;
    for (const WorkloadStatement &s : workload.statements) {
        if (progress && ++done % 4096 == 0 &&
            !progress(done, static_cast<std::int64_t>(workload.statements.size())))
            return makeError(ErrorCode::Cancelled, "cancelled");
        if (s.session >= sessions.size())
            sessions.resize(s.session + 1);
        std::optional<Session> &session = sessions[s.session];
        if (!session)
            session.emplace(router.newSession());
        else if (s.resetBefore)
            session->reset();
        const auto at = s.atMs ? Router::Clock::time_point() + std::chrono::milliseconds(*s.atMs) : t0;
        const RouteDecision &d = router.route(*session, s.sql, at);
        ++r.total;
        switch (d.target) {
        case Target::All:
            ++r.toAll;
            continue;
        case Target::Replica:
            ++r.toReplicas;
            if (d.node >= 0 && static_cast<std::size_t>(d.node) < r.nodes.size())
                ++r.nodes[static_cast<std::size_t>(d.node)].statements;
            continue;
        case Target::Primary:
            break;
        }
        if (d.node < 0) {
            ++r.toNoPrimary;
        } else {
            ++r.toPrimary;
            ++r.nodes[static_cast<std::size_t>(d.node)].statements;
        }
        if (primaryUnavailable(d))
            ++r.wouldFail;
        const Reason *why = decidingReason(d);
        const std::string key = why ? why->describe(d.textOf(*why)) : std::string("(no reason)");
        GroupAcc &g = groups[key];
        if (why)
            g.code = why->code;
        ++g.count;
        ShapeAcc &shape = g.shapes[statementShape(s.sql, lex)];
        if (shape.count++ == 0)
            shape.example = s.sql.substr(0, 2000);
    }
    for (auto &[reason, g] : groups) {
        WorkloadReasonGroup out;
        out.reason = reason;
        out.code = g.code;
        out.count = g.count;
        out.distinctShapes = g.shapes.size();
        std::vector<std::pair<std::string, ShapeAcc>> shapes(std::make_move_iterator(g.shapes.begin()),
                                                             std::make_move_iterator(g.shapes.end()));
        const std::size_t keep = std::min(shapes.size(), WorkloadResult::kMaxShapes);
        std::partial_sort(shapes.begin(), shapes.begin() + static_cast<std::ptrdiff_t>(keep), shapes.end(),
                          [](const auto &a, const auto &b) {
                              return a.second.count != b.second.count ? a.second.count > b.second.count
                                                                      : a.first < b.first;
                          });
        for (std::size_t i = 0; i < keep; ++i)
            out.shapes.push_back(
                {std::move(shapes[i].first), std::move(shapes[i].second.example), shapes[i].second.count});
        r.primaryReasons.push_back(std::move(out));
    }
    std::sort(r.primaryReasons.begin(), r.primaryReasons.end(), [](const auto &a, const auto &b) {
        return a.count != b.count ? a.count > b.count : a.reason < b.reason;
    });
    return r;
}

} // namespace switchyard::ui
