#include "switchyard/routing/lexer.h"

#include "keyword_table.h"

#include <array>
#include <cstring>

namespace switchyard::routing {
namespace {

enum CharClass : std::uint8_t
{
    CcOther = 0,
    CcSpace,
    CcIdent, // letters, _, bytes >= 0x80
    CcDigit,
    CcDollar,
    CcQuote,  // '
    CcDQuote, // "
    CcBacktick,
    CcMinus,
    CcHash,
    CcSlash,
    CcStar,
    CcLParen,
    CcRParen,
    CcComma,
    CcDot,
    CcSemicolon,
    CcEquals,
    CcColon,
    CcAt,
    CcQuestion,
};

constexpr std::array<std::uint8_t, 256> buildClasses()
{
    std::array<std::uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
        std::uint8_t k = CcOther;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            k = CcSpace;
        else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80)
            k = CcIdent;
        else if (c >= '0' && c <= '9')
            k = CcDigit;
        else {
            switch (c) {
            case '$':
                k = CcDollar;
                break;
            case '\'':
                k = CcQuote;
                break;
            case '"':
                k = CcDQuote;
                break;
            case '`':
                k = CcBacktick;
                break;
            case '-':
                k = CcMinus;
                break;
            case '#':
                k = CcHash;
                break;
            case '/':
                k = CcSlash;
                break;
            case '*':
                k = CcStar;
                break;
            case '(':
                k = CcLParen;
                break;
            case ')':
                k = CcRParen;
                break;
            case ',':
                k = CcComma;
                break;
            case '.':
                k = CcDot;
                break;
            case ';':
                k = CcSemicolon;
                break;
            case '=':
                k = CcEquals;
                break;
            case ':':
                k = CcColon;
                break;
            case '@':
                k = CcAt;
                break;
            case '?':
                k = CcQuestion;
                break;
            default:
                break;
            }
        }
        t[static_cast<std::size_t>(c)] = k;
    }
    return t;
}

constexpr std::array<std::uint8_t, 256> kClass = buildClasses();

// The token a one-character class makes (? is a parameter marker in MySQL only); Operator
// for every other class.
constexpr std::array<TokenKind, 256> buildSingleKinds(bool mysql)
{
    std::array<TokenKind, 256> t{};
    t.fill(TokenKind::Operator);
    t[CcLParen] = TokenKind::LParen;
    t[CcRParen] = TokenKind::RParen;
    t[CcComma] = TokenKind::Comma;
    t[CcDot] = TokenKind::Dot;
    t[CcSemicolon] = TokenKind::Semicolon;
    t[CcEquals] = TokenKind::Equals;
    if (mysql)
        t[CcQuestion] = TokenKind::Parameter;
    return t;
}
constexpr std::array<TokenKind, 256> kSingleMySql = buildSingleKinds(true);
constexpr std::array<TokenKind, 256> kSinglePostgres = buildSingleKinds(false);

// Identifier continuation: letters, digits, _, $, bytes >= 0x80.
constexpr std::array<bool, 256> buildIdentCont()
{
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c)
        t[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
                                         c >= 0x80 || (c >= '0' && c <= '9') || c == '$';
    return t;
}
constexpr std::array<bool, 256> kIdentCont = buildIdentCont();

inline unsigned char uc(char c)
{
    return static_cast<unsigned char>(c);
}
inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
inline bool isIdentCont(char c)
{
    return kIdentCont[uc(c)];
}
inline char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && kClass[uc(s.front())] == CcSpace)
        s.remove_prefix(1);
    while (!s.empty() && kClass[uc(s.back())] == CcSpace)
        s.remove_suffix(1);
    return s;
}

bool startsWithIgnoreCase(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && equalsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

} // namespace

std::uint32_t foldHash(std::string_view text)
{
    std::uint32_t h = kFoldHashSeed;
    for (char c : text)
        h = foldHashStep(h, uc(c));
    return h;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i]))
            return false;
    return true;
}

std::string_view unquotedName(const Token &t)
{
    std::string_view s = t.text;
    if (t.kind == TokenKind::Variable && !s.empty() && s.front() == '@')
        s.remove_prefix(1);
    if (t.kind == TokenKind::QuotedIdent || t.kind == TokenKind::Variable) {
        if (s.size() >= 2 && (s.front() == '"' || s.front() == '`' || s.front() == '\'') &&
            s.back() == s.front())
            s = s.substr(1, s.size() - 2);
        else if (!s.empty() && (s.front() == '"' || s.front() == '`' || s.front() == '\''))
            s.remove_prefix(1);
    }
    return s;
}

Token Lexer::next()
{
    Token t;
    lexInto(t);
    return t;
}

void Lexer::lexInto(Token &t)
{
    for (;;) {
        const char *p = m_pos;
        std::uint8_t cls = CcSpace;
        // Skip white space, keeping the class of the first other byte for the switch below.
        while (p < m_end && (cls = kClass[uc(*p)]) == CcSpace)
            ++p;
        m_pos = p;
        if (p >= m_end) {
            if (m_inExecutable) {
                m_flags |= LexUnterminated;
                m_inExecutable = false;
            }
            t.text = std::string_view(m_end, 0);
            return;
        }
        switch (cls) {
        case CcIdent: {
            lexWord(p, t);
            return;
        }
        case CcDigit: {
            lexNumber(p, t);
            return;
        }
        case CcQuote:
            lexQuoted(p, '\'', TokenKind::String, m_options.backslashEscapes, p, t);
            return;
        case CcDQuote:
            if (m_mysql && !m_options.ansiQuotes) {
                lexQuoted(p, '"', TokenKind::String, m_options.backslashEscapes, p, t);
                return;
            }
            {
                lexQuoted(p, '"', TokenKind::QuotedIdent, false, p, t);
                return;
            }
        case CcBacktick:
            if (m_mysql) {
                lexQuoted(p, '`', TokenKind::QuotedIdent, false, p, t);
                return;
            }
            break;
        case CcDollar:
            if (!m_mysql) {
                lexDollar(p, t);
                return;
            }
            {
                lexWord(p, t);
                return;
            } // MySQL accepts $ in (and at the start of) identifiers
        case CcMinus:
            if (p + 1 < m_end && p[1] == '-') {
                if (!m_mysql || p + 2 >= m_end || uc(p[2]) <= ' ') {
                    skipLineComment();
                    continue;
                }
            }
            break;
        case CcHash:
            if (m_mysql) {
                skipLineComment();
                continue;
            }
            break;
        case CcSlash:
            if (p + 1 < m_end && p[1] == '*') {
                skipBlockComment();
                continue;
            }
            break;
        case CcStar:
            if (m_inExecutable && p + 1 < m_end && p[1] == '/') {
                m_inExecutable = false;
                m_pos = p + 2;
                continue;
            }
            break;
        case CcColon:
            if (p + 1 < m_end && (p[1] == ':' || p[1] == '=')) {
                t.kind = p[1] == ':' ? TokenKind::DoubleColon : TokenKind::Assign;
                t.text = std::string_view(p, 2);
                m_pos = p + 2;
                return;
            }
            break;
        case CcAt:
            if (m_mysql) {
                lexVariable(p, t);
                return;
            }
            break;
        default:
            break;
        }
        // A one-character token: punctuation, a parameter marker, or any other operator.
        t.kind = (m_mysql ? kSingleMySql : kSinglePostgres)[cls];
        t.text = std::string_view(p, 1);
        m_pos = p + 1;
        return;
    }
}

// Flattened: the token loop with lexInto and the word/number/string scanners inlined saves a
// call, its register saves and its returns per token (about a tenth of classification).
[[gnu::flatten]] void Lexer::tokenize(std::vector<Token> &out)
{
    // A token needs at least one byte (or two with its separator): reserve once, no regrowth.
    out.reserve(out.size() + static_cast<std::size_t>(m_end - m_pos) / 2 + 4);
    for (;;) {
        Token &t = out.emplace_back();
        lexInto(t);
        if (t.kind == TokenKind::End)
            return;
    }
}

void Lexer::lexWord(const char *start, Token &t)
{
    const char *p = start + 1;
    while (p < m_end && isIdentCont(*p))
        ++p;
    const std::size_t len = static_cast<std::size_t>(p - start);
    if (p < m_end && *p == '\'') {
        // String prefixes: the prefix is part of the literal.
        const char c0 = lower(*start);
        if (m_mysql) {
            if (len == 1 && (c0 == 'x' || c0 == 'b')) {
                lexQuoted(p, '\'', TokenKind::String, false, start, t);
                return;
            }
            if ((len == 1 && c0 == 'n') || (*start == '_' && len > 1)) {
                lexQuoted(p, '\'', TokenKind::String, m_options.backslashEscapes, start, t);
                return;
            }
        } else if (len == 1) {
            if (c0 == 'e') {
                lexQuoted(p, '\'', TokenKind::String, true, start, t);
                t.flags |= TokenEscapeString;
                return;
            }
            if (c0 == 'b' || c0 == 'x') {
                lexQuoted(p, '\'', TokenKind::String, false, start, t);
                return;
            }
            if (c0 == 'n') {
                lexQuoted(p, '\'', TokenKind::String, m_options.backslashEscapes, start, t);
                return;
            }
        }
    } else if (len == 1 && !m_mysql && lower(*start) == 'u' && p + 1 < m_end && p[0] == '&' &&
               (p[1] == '\'' || p[1] == '"')) {
        // U&'...' (no backslash escapes: the escape character introduces code points) and U&"...".
        if (p[1] == '\'') {
            lexQuoted(p + 1, '\'', TokenKind::String, false, start, t);
            return;
        }
        {
            lexQuoted(p + 1, '"', TokenKind::QuotedIdent, false, start, t);
            return;
        }
    }
    t.kind = TokenKind::Word;
    t.text = std::string_view(start, len);
    t.keyword = detail::kwtable::findKeyword(start, len, m_end);
    m_pos = p;
    return;
}

void Lexer::lexNumber(const char *start, Token &t)
{
    const char *p = start;
    if (p + 1 < m_end && *p == '0' &&
        (p[1] == 'x' || p[1] == 'X' || p[1] == 'b' || p[1] == 'B' || p[1] == 'o' || p[1] == 'O'))
        p += 2;
    while (p < m_end) {
        const char c = *p;
        if (isIdentCont(c) && c != '$') {
            // exponent sign: 1e-5, 1E+5
            if ((c == 'e' || c == 'E') && p + 1 < m_end && (p[1] == '-' || p[1] == '+') && p + 2 < m_end &&
                isDigit(p[2])) {
                p += 2;
                continue;
            }
            ++p;
        } else if (c == '.' && p + 1 < m_end && isDigit(p[1])) {
            ++p;
        } else if (c == '.' && (p + 1 >= m_end || !isIdentCont(p[1]))) {
            ++p; // "1." is a number
        } else {
            break;
        }
    }
    t.kind = TokenKind::Number;
    t.text = std::string_view(start, static_cast<std::size_t>(p - start));
    m_pos = p;
    return;
}

void Lexer::lexQuoted(const char *start, char quote, TokenKind kind, bool escapes, const char *textStart,
                      Token &t)
{
    const char *p = start + 1;
    bool sawBackslash = false;
    for (;;) {
        // Find the next quote or backslash: memchr for the quote (vectorised), then a look for a
        // backslash only in the stretch before it.
        {
            const void *q = std::memchr(p, quote, static_cast<std::size_t>(m_end - p));
            const char *stop = q ? static_cast<const char *>(q) : m_end;
            const void *bs = std::memchr(p, '\\', static_cast<std::size_t>(stop - p));
            p = bs ? static_cast<const char *>(bs) : stop;
        }
        if (p >= m_end) {
            m_flags |= LexUnterminated;
            t.kind = kind;
            t.flags = TokenUnterminated;
            t.text = std::string_view(textStart, static_cast<std::size_t>(m_end - textStart));
            m_pos = m_end;
            return;
        }
        if (*p == '\\') {
            sawBackslash = true;
            if (p > start + 1 && uc(p[-1]) >= 0x80)
                m_flags |= LexHighByteBackslash;
            if (escapes) {
                p += 2;
                if (p > m_end)
                    p = m_end;
            } else {
                ++p;
            }
            continue;
        }
        // A quote: doubled means a literal quote character.
        if (p + 1 < m_end && p[1] == quote) {
            p += 2;
            continue;
        }
        ++p;
        break;
    }
    if (sawBackslash && quote != '`') {
        m_flags |= LexBackslashInString;
        if (quote == '"')
            m_flags |= LexBackslashInDoubleQuote;
    }
    t.kind = kind;
    t.text = std::string_view(textStart, static_cast<std::size_t>(p - textStart));
    if (kind == TokenKind::QuotedIdent) {
        std::string_view inner = t.text.substr(static_cast<std::size_t>(start - textStart) + 1);
        if (!inner.empty())
            inner.remove_suffix(1);
        t.hash = foldHash(inner);
    }
    m_pos = p;
    return;
}

void Lexer::lexDollar(const char *start, Token &t)
{
    const char *p = start + 1;
    if (p < m_end && isDigit(*p)) {
        while (p < m_end && isDigit(*p))
            ++p;
        t.kind = TokenKind::Parameter;
        t.text = std::string_view(start, static_cast<std::size_t>(p - start));
        m_pos = p;
        return;
    }
    // $tag$ ... $tag$ where tag is empty or an identifier without $.
    if (p < m_end && *p != '$') {
        if (kClass[uc(*p)] != CcIdent) {
            t.kind = TokenKind::Operator;
            t.text = std::string_view(start, 1);
            m_pos = start + 1;
            return;
        }
        while (p < m_end && isIdentCont(*p) && *p != '$')
            ++p;
        if (p >= m_end || *p != '$') {
            t.kind = TokenKind::Operator;
            t.text = std::string_view(start, 1);
            m_pos = start + 1;
            return;
        }
    }
    if (p >= m_end) {
        t.kind = TokenKind::Operator;
        t.text = std::string_view(start, 1);
        m_pos = start + 1;
        return;
    }
    const std::string_view tag(start, static_cast<std::size_t>(p - start) + 1); // "$tag$"
    const std::string_view rest(p + 1, static_cast<std::size_t>(m_end - (p + 1)));
    const std::size_t close = rest.find(tag);
    t.kind = TokenKind::String;
    if (close == std::string_view::npos) {
        m_flags |= LexUnterminated;
        t.flags = TokenUnterminated;
        t.text = std::string_view(start, static_cast<std::size_t>(m_end - start));
        m_pos = m_end;
        return;
    }
    const char *after = p + 1 + close + tag.size();
    t.text = std::string_view(start, static_cast<std::size_t>(after - start));
    m_pos = after;
    return;
}

void Lexer::lexVariable(const char *start, Token &t)
{
    const char *p = start + 1;
    if (p < m_end && *p == '@') {
        ++p;
        // @@[global.|session.|local.]name
        const char *nameStart = p;
        while (p < m_end && (isIdentCont(*p) || *p == '.'))
            ++p;
        if (p < m_end && *p == '`' && p == nameStart) {
            lexQuoted(p, '`', TokenKind::QuotedIdent, false, start, t);
            t.kind = TokenKind::SystemVariable;
            return;
        }
        std::string_view name(nameStart, static_cast<std::size_t>(p - nameStart));
        const std::size_t dot = name.rfind('.');
        if (dot != std::string_view::npos)
            name = name.substr(dot + 1);
        t.kind = TokenKind::SystemVariable;
        t.text = std::string_view(start, static_cast<std::size_t>(p - start));
        t.hash = foldHash(name);
        m_pos = p;
        return;
    }
    if (p < m_end && (*p == '\'' || *p == '"' || *p == '`')) {
        lexQuoted(p, *p, TokenKind::QuotedIdent, *p != '`' && m_options.backslashEscapes, start, t);
        t.kind = TokenKind::Variable;
        t.hash = foldHash(unquotedName(t));
        return;
    }
    const char *nameStart = p;
    while (p < m_end && (isIdentCont(*p) || *p == '.'))
        ++p;
    if (p == nameStart) {
        t.kind = TokenKind::Operator;
        t.text = std::string_view(start, 1);
        m_pos = start + 1;
        return;
    }
    t.kind = TokenKind::Variable;
    t.text = std::string_view(start, static_cast<std::size_t>(p - start));
    t.hash = foldHash(std::string_view(nameStart, static_cast<std::size_t>(p - nameStart)));
    m_pos = p;
    return;
}

void Lexer::skipLineComment()
{
    const char *p = m_pos;
    const void *nl = std::memchr(p, '\n', static_cast<std::size_t>(m_end - p));
    m_pos = nl ? static_cast<const char *>(nl) + 1 : m_end;
}

bool Lexer::skipBlockComment()
{
    const char *p = m_pos + 2;
    if (m_mysql && !m_inExecutable && p < m_end) {
        bool executable = false;
        bool mariaComment = false;
        const char *q = p;
        if (*q == '!') {
            executable = true;
            ++q;
        } else if (m_options.dialect == Dialect::MariaDB && *q == 'M' && q + 1 < m_end && q[1] == '!') {
            executable = true;
            mariaComment = true;
            q += 2;
        }
        if (executable) {
            bool reversed = false;
            if (m_options.dialect == Dialect::MariaDB && q < m_end && *q == '!') {
                reversed = true;
                ++q;
            }
            // Version: exactly five digits (MySQL); MariaDB also accepts a sixth.
            std::uint32_t version = 0;
            bool hasVersion = false;
            if (m_end - q >= 5 && isDigit(q[0]) && isDigit(q[1]) && isDigit(q[2]) && isDigit(q[3]) &&
                isDigit(q[4])) {
                hasVersion = true;
                for (int i = 0; i < 5; ++i)
                    version = version * 10 + static_cast<std::uint32_t>(q[i] - '0');
                q += 5;
                if (m_options.dialect == Dialect::MariaDB && q < m_end && isDigit(*q)) {
                    version = version * 10 + static_cast<std::uint32_t>(*q - '0');
                    ++q;
                }
            }
            bool execute = true;
            if (hasVersion) {
                m_flags |= LexVersionedComment;
                switch (m_options.versioned) {
                case VersionedComments::ExecuteAll:
                    execute = true;
                    break;
                case VersionedComments::ExecuteNone:
                    execute = false;
                    break;
                case VersionedComments::ByVersion: {
                    const std::uint32_t server = m_options.serverVersion;
                    if (server == 0) {
                        execute = true; // unknown version: assume the server runs it
                    } else if (reversed) {
                        execute = server < version;
                    } else {
                        execute = version <= server;
                        // MariaDB skips MySQL 5.7+/8.0-specific comments (50700..99999).
                        if (m_options.dialect == Dialect::MariaDB && !mariaComment && version >= 50700 &&
                            version <= 99999)
                            execute = false;
                    }
                    break;
                }
                }
            }
            if (execute) {
                m_inExecutable = true;
                m_flags |= LexExecutableComment;
                m_pos = q;
                return true;
            }
            p = q;
        }
    }
    const char *contentStart = m_pos + 2;
    if (m_mysql) {
        // Not nested: the first */ ends it.
        const char *e = p;
        for (;;) {
            const void *star = std::memchr(e, '*', static_cast<std::size_t>(m_end - e));
            if (!star) {
                m_flags |= LexUnterminated;
                m_pos = m_end;
                return false;
            }
            e = static_cast<const char *>(star);
            if (e + 1 < m_end && e[1] == '/')
                break;
            ++e;
        }
        if (contentStart < m_end && *contentStart != '+' && *contentStart != '!')
            noteHint(contentStart, e);
        m_pos = e + 2;
        return false;
    }
    // PostgreSQL: block comments nest.
    int depth = 1;
    const char *e = p;
    while (e + 1 < m_end) {
        if (e[0] == '/' && e[1] == '*') {
            ++depth;
            e += 2;
        } else if (e[0] == '*' && e[1] == '/') {
            if (--depth == 0)
                break;
            e += 2;
        } else {
            ++e;
        }
    }
    if (depth != 0) {
        m_flags |= LexUnterminated;
        m_pos = m_end;
        return false;
    }
    if (contentStart < m_end && *contentStart != '+')
        noteHint(contentStart, e);
    m_pos = e + 2;
    return false;
}

void Lexer::noteHint(const char *begin, const char *end)
{
    // Cheap rejection first: most comments are not hints.
    const char *p = begin;
    while (p < end && kClass[uc(*p)] == CcSpace)
        ++p;
    if (p >= end || (*p != 's' && *p != 'S'))
        return;
    std::string_view body(p, static_cast<std::size_t>(end - p));
    constexpr std::string_view kTag = "switchyard:";
    if (!startsWithIgnoreCase(body, kTag))
        return;
    if (m_hint.kind != HintKind::None) {
        m_flags |= LexSecondHint;
        return;
    }
    std::string_view value = trim(body.substr(kTag.size()));
    m_hint.text = trim(body);
    if (equalsIgnoreCase(value, "primary")) {
        m_hint.kind = HintKind::Primary;
    } else if (equalsIgnoreCase(value, "replica")) {
        m_hint.kind = HintKind::Replica;
    } else if (startsWithIgnoreCase(value, "node")) {
        std::string_view rest = trim(value.substr(4));
        if (!rest.empty() && rest.front() == '=') {
            std::string_view name = trim(rest.substr(1));
            bool ok = !name.empty();
            for (char c : name)
                if (kClass[uc(c)] == CcSpace)
                    ok = false;
            if (ok) {
                m_hint.kind = HintKind::Node;
                m_hint.node = name;
                return;
            }
        }
        m_hint.kind = HintKind::Invalid;
    } else {
        m_hint.kind = HintKind::Invalid;
    }
}

} // namespace switchyard::routing
