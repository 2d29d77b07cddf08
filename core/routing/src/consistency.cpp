#include "switchyard/routing/consistency.h"

#include "switchyard/routing/lexer.h"

#include <cmath>
#include <cstdlib>

namespace switchyard::routing {
namespace {

std::string normalised(std::string_view text)
{
    std::string s;
    for (char c : text) {
        if (c == '_')
            c = '-';
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c + 32);
        s.push_back(c);
    }
    return s;
}

// "500", "500ms", "2s", "1.5s" -> milliseconds; defaultUnitMs applies to bare numbers.
std::optional<double> parseDurationMs(std::string_view text, double defaultUnitMs)
{
    double unit = defaultUnitMs;
    if (text.size() > 2 && text.substr(text.size() - 2) == "ms") {
        unit = 1;
        text.remove_suffix(2);
    } else if (text.size() > 1 && text.back() == 's') {
        unit = 1000;
        text.remove_suffix(1);
    }
    if (text.empty() || text.size() > 32)
        return std::nullopt;
    std::string buf(text);
    char *end = nullptr;
    double v = std::strtod(buf.c_str(), &end);
    if (end != buf.c_str() + buf.size() || !std::isfinite(v) || v < 0)
        return std::nullopt;
    return v * unit;
}

} // namespace

std::string_view consistencyLevelName(ConsistencyLevel level)
{
    switch (level) {
    case ConsistencyLevel::Strong: return "strong";
    case ConsistencyLevel::ReadYourWrites: return "read-your-writes";
    case ConsistencyLevel::SessionWindow: return "session-window";
    case ConsistencyLevel::BoundedStaleness: return "bounded-staleness";
    case ConsistencyLevel::Eventual: return "eventual";
    }
    return "eventual";
}

std::optional<Consistency> Consistency::parse(std::string_view text)
{
    const std::string s = normalised(text);
    if (s == "strong")
        return strong();
    if (s == "read-your-writes" || s == "ryw")
        return readYourWrites();
    if (s == "eventual")
        return eventual();
    const std::size_t colon = s.find_first_of(":=");
    if (colon == std::string::npos)
        return std::nullopt;
    const std::string_view name = std::string_view(s).substr(0, colon);
    const std::string_view arg = std::string_view(s).substr(colon + 1);
    if (name == "session-window" || name == "session") {
        std::optional<double> ms = parseDurationMs(arg, 1);
        if (!ms)
            return std::nullopt;
        return sessionWindow(std::chrono::milliseconds(static_cast<long long>(std::llround(*ms))));
    }
    if (name == "bounded-staleness" || name == "bounded") {
        std::optional<double> ms = parseDurationMs(arg, 1000);
        if (!ms)
            return std::nullopt;
        return boundedStaleness(*ms / 1000.0);
    }
    return std::nullopt;
}

std::string Consistency::toString() const
{
    std::string out(consistencyLevelName(level));
    if (level == ConsistencyLevel::SessionWindow) {
        out.push_back(':');
        out.append(std::to_string(window.count()));
        out.append("ms");
    }
    else if (level == ConsistencyLevel::BoundedStaleness) {
        std::string v = std::to_string(maxLagSeconds);
        while (v.size() > 1 && v.back() == '0')
            v.pop_back();
        if (!v.empty() && v.back() == '.')
            v.pop_back();
        out.push_back(':');
        out.append(v);
        out.push_back('s');
    }
    return out;
}

} // namespace switchyard::routing
