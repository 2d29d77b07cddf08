// Values of a result set turned into C++ values. The drivers hand over text as the server sent
// it, std::nullopt for SQL NULL; these keep "NULL or unparsable" apart from zero.
//
// Thread contract: pure functions.
#pragma once

#include <charconv>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace switchyard::core::sqlvalue {

inline std::string text(const std::optional<std::string> &value)
{
    return value.value_or(std::string());
}

template <typename T>
std::optional<T> number(const std::optional<std::string> &value)
{
    if (!value || value->empty())
        return std::nullopt;
    const char *begin = value->data();
    const char *end = begin + value->size();
    if (*begin == '+')
        ++begin;
    T out{};
    auto [ptr, ec] = std::from_chars(begin, end, out);
    if (ec != std::errc())
        return std::nullopt;
    return out;
}

inline std::optional<std::uint64_t> toU64(const std::optional<std::string> &value)
{
    return number<std::uint64_t>(value);
}

inline std::optional<std::int64_t> toI64(const std::optional<std::string> &value)
{
    return number<std::int64_t>(value);
}

inline std::optional<double> toDouble(const std::optional<std::string> &value)
{
    return number<double>(value);
}

// MySQL's Yes/No/ON/OFF/1/0 and PostgreSQL's t/f/on/off; "Connecting"/"Preparing" (an IO thread
// not yet running) count as not running. Anything else is unknown.
inline std::optional<bool> toBool(const std::optional<std::string> &value)
{
    if (!value)
        return std::nullopt;
    const std::string &t = *value;
    if (t == "Yes" || t == "1" || t == "t" || t == "ON" || t == "on" || t == "true")
        return true;
    if (t == "No" || t == "0" || t == "f" || t == "OFF" || t == "off" || t == "false" || t == "Connecting"
        || t == "Preparing")
        return false;
    return std::nullopt;
}

inline std::int64_t wallClockMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace switchyard::core::sqlvalue
