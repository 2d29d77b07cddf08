// A small JSON reader for the routing tests' JSON Lines corpora (the core tests link no Qt).
// Objects, arrays, strings with escapes (\uXXXX incl. surrogate pairs), numbers, booleans, null.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::routing::test {

struct Json
{
    enum class Type { Null, Bool, Number, String, Array, Object };
    Type type = Type::Null;
    bool boolean = false;
    double number = 0;
    std::string string;
    std::vector<Json> array;
    std::map<std::string, Json> object;

    bool isNull() const { return type == Type::Null; }
    const Json *get(const std::string &key) const
    {
        auto it = object.find(key);
        return it == object.end() ? nullptr : &it->second;
    }
    std::string str(const std::string &key, std::string fallback = {}) const
    {
        const Json *j = get(key);
        return j && j->type == Type::String ? j->string : fallback;
    }

    static std::optional<Json> parse(std::string_view text);
};

namespace detail {

class JsonParser
{
public:
    explicit JsonParser(std::string_view t) : m_t(t) {}

    std::optional<Json> document()
    {
        std::optional<Json> v = value();
        skip();
        if (!v || m_p != m_t.size())
            return std::nullopt;
        return v;
    }

private:
    void skip()
    {
        while (m_p < m_t.size() && (m_t[m_p] == ' ' || m_t[m_p] == '\t' || m_t[m_p] == '\n' || m_t[m_p] == '\r'))
            ++m_p;
    }
    bool lit(std::string_view s)
    {
        if (m_t.substr(m_p, s.size()) != s)
            return false;
        m_p += s.size();
        return true;
    }
    static void utf8(std::string &out, std::uint32_t cp)
    {
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }
    std::optional<std::uint32_t> hex4()
    {
        if (m_p + 4 > m_t.size())
            return std::nullopt;
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_t[m_p++];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= static_cast<std::uint32_t>(c - 'A' + 10);
            else
                return std::nullopt;
        }
        return v;
    }
    std::optional<std::string> string()
    {
        if (m_p >= m_t.size() || m_t[m_p] != '"')
            return std::nullopt;
        ++m_p;
        std::string out;
        while (m_p < m_t.size()) {
            const char c = m_t[m_p++];
            if (c == '"')
                return out;
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (m_p >= m_t.size())
                return std::nullopt;
            const char e = m_t[m_p++];
            switch (e) {
            case '"': out.push_back('"'); break;
            case '\\': out.push_back('\\'); break;
            case '/': out.push_back('/'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'n': out.push_back('\n'); break;
            case 'r': out.push_back('\r'); break;
            case 't': out.push_back('\t'); break;
            case 'u': {
                std::optional<std::uint32_t> cp = hex4();
                if (!cp)
                    return std::nullopt;
                if (*cp >= 0xD800 && *cp < 0xDC00 && lit("\\u")) {
                    std::optional<std::uint32_t> lo = hex4();
                    if (!lo)
                        return std::nullopt;
                    *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*lo - 0xDC00);
                }
                utf8(out, *cp);
                break;
            }
            default:
                return std::nullopt;
            }
        }
        return std::nullopt;
    }
    std::optional<Json> value()
    {
        skip();
        if (m_p >= m_t.size())
            return std::nullopt;
        Json j;
        const char c = m_t[m_p];
        if (c == '{') {
            ++m_p;
            j.type = Json::Type::Object;
            skip();
            if (m_p < m_t.size() && m_t[m_p] == '}') {
                ++m_p;
                return j;
            }
            for (;;) {
                skip();
                std::optional<std::string> k = string();
                if (!k)
                    return std::nullopt;
                skip();
                if (m_p >= m_t.size() || m_t[m_p] != ':')
                    return std::nullopt;
                ++m_p;
                std::optional<Json> v = value();
                if (!v)
                    return std::nullopt;
                j.object[*k] = std::move(*v);
                skip();
                if (m_p < m_t.size() && m_t[m_p] == ',') {
                    ++m_p;
                    continue;
                }
                if (m_p < m_t.size() && m_t[m_p] == '}') {
                    ++m_p;
                    return j;
                }
                return std::nullopt;
            }
        }
        if (c == '[') {
            ++m_p;
            j.type = Json::Type::Array;
            skip();
            if (m_p < m_t.size() && m_t[m_p] == ']') {
                ++m_p;
                return j;
            }
            for (;;) {
                std::optional<Json> v = value();
                if (!v)
                    return std::nullopt;
                j.array.push_back(std::move(*v));
                skip();
                if (m_p < m_t.size() && m_t[m_p] == ',') {
                    ++m_p;
                    continue;
                }
                if (m_p < m_t.size() && m_t[m_p] == ']') {
                    ++m_p;
                    return j;
                }
                return std::nullopt;
            }
        }
        if (c == '"') {
            std::optional<std::string> s = string();
            if (!s)
                return std::nullopt;
            j.type = Json::Type::String;
            j.string = std::move(*s);
            return j;
        }
        if (lit("true")) {
            j.type = Json::Type::Bool;
            j.boolean = true;
            return j;
        }
        if (lit("false")) {
            j.type = Json::Type::Bool;
            return j;
        }
        if (lit("null"))
            return j;
        const std::size_t start = m_p;
        while (m_p < m_t.size() && (std::string_view("+-0123456789.eE").find(m_t[m_p]) != std::string_view::npos))
            ++m_p;
        if (start == m_p)
            return std::nullopt;
        j.type = Json::Type::Number;
        j.number = std::stod(std::string(m_t.substr(start, m_p - start)));
        return j;
    }

    std::string_view m_t;
    std::size_t m_p = 0;
};

} // namespace detail

inline std::optional<Json> Json::parse(std::string_view text) { return detail::JsonParser(text).document(); }

} // namespace switchyard::routing::test
