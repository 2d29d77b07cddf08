// A dialect-aware SQL lexer for routing decisions: it finds the tokens that matter (words,
// literals, punctuation) and skips what the server skips (comments), exactly as the server's own
// lexer would for the given dialect and session settings:
//
//   - '...' with or without backslash escapes (MySQL NO_BACKSLASH_ESCAPES; PostgreSQL
//     standard_conforming_strings), E'...', U&'...', dollar quoting $tag$...$tag$;
//   - "..." as an identifier (PostgreSQL, MySQL ANSI_QUOTES) or a string (MySQL default);
//     `...` identifiers (MySQL);
//   - comments: -- (MySQL needs whitespace after it), # (MySQL only), /* */ (nested in
//     PostgreSQL), optimizer hints /*+ ... */ (plain comments here);
//   - executable comments /*!NNNNN ... */ and MariaDB's /*M!NNNNNN ... */ (and the reversed
//     /*!!NNNNN */ forms), whose content is lexed as SQL when the server would run it.
//
// It also picks up Switchyard routing hints (/* switchyard: primary */ and friends) from real
// block comments only: a hint inside a string literal is text.
//
// The lexer never allocates: tokens are views into the input, which must outlive them.
//
// Thread contract: a Lexer is a cursor over one string; use it from one thread. Different
// Lexer objects are independent.
#pragma once

#include "switchyard/routing/dialect.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace switchyard::routing {

// How to treat version-specific executable comments (/*!NNNNN ... */).
enum class VersionedComments : std::uint8_t {
    ByVersion,   // compare with LexOptions::serverVersion; when it is 0 (unknown), execute
    ExecuteAll,  // run every versioned comment regardless of the version
    ExecuteNone, // treat every versioned comment as a plain comment
};

struct LexOptions
{
    Dialect dialect = Dialect::MySQL;
    // MySQL/MariaDB: backslash escapes in '...' and "..." strings (false under
    // sql_mode NO_BACKSLASH_ESCAPES). PostgreSQL: backslash escapes in '...' strings, i.e.
    // standard_conforming_strings = off. E'...' always has escapes.
    bool backslashEscapes = true;
    bool ansiQuotes = false;             // MySQL/MariaDB sql_mode ANSI_QUOTES: "..." is an identifier
    std::uint32_t serverVersion = 0;     // ServerVersion::number(); 0 = unknown
    VersionedComments versioned = VersionedComments::ByVersion;

    static LexOptions forDialect(Dialect dialect)
    {
        LexOptions o;
        o.dialect = dialect;
        o.backslashEscapes = isMySqlFamily(dialect);
        return o;
    }
};

enum class TokenKind : std::uint8_t {
    End,            // end of input
    Word,           // unquoted identifier or keyword (Token::keyword says which keyword)
    QuotedIdent,    // "ident" (PostgreSQL, ANSI_QUOTES) or `ident` (MySQL); text includes quotes
    String,         // any string literal incl. E'', $$..$$, X'', N''; text includes quotes/prefix
    Number,
    Variable,       // MySQL user variable @name, @'name', @`name`
    SystemVariable, // MySQL @@name, @@session.name
    Parameter,      // ? (MySQL) or $1 (PostgreSQL)
    LParen,
    RParen,
    Comma,
    Dot,
    Semicolon,
    Equals,         // =
    Assign,         // :=
    DoubleColon,    // :: (PostgreSQL cast)
    Operator,       // any other single punctuation character
};

struct Token
{
    std::string_view text;
    TokenKind kind = TokenKind::End;
    std::uint8_t flags = 0;      // TokenFlag bits
    std::uint16_t keyword = 0;   // internal keyword id for Word tokens; 0 = not a keyword
    std::uint32_t hash = 0;      // foldHash of the name inside QuotedIdent/Variable tokens (0 for others)

    bool is(TokenKind k) const { return kind == k; }
};

enum TokenFlag : std::uint8_t {
    TokenUnterminated = 1,   // string, identifier or comment ran to the end of input
    TokenEscapeString = 2,   // a string literal with backslash escapes
};

enum class HintKind : std::uint8_t {
    None,
    Primary,   // /* switchyard: primary */
    Replica,   // /* switchyard: replica */
    Node,      // /* switchyard: node=NAME */
    Invalid,   // a comment starting with "switchyard:" that does not parse
};

struct Hint
{
    HintKind kind = HintKind::None;
    std::string_view node;   // for HintKind::Node
    std::string_view text;   // the comment's content, for explanations
};

// What the lexer noticed about the whole input, beyond the tokens.
enum LexFlag : std::uint32_t {
    LexVersionedComment = 1u << 0,     // a version-specific executable comment was judged
    LexExecutableComment = 1u << 1,    // some executable comment content was lexed as SQL
    LexUnterminated = 1u << 2,         // an unterminated string, identifier or comment
    LexBackslashInString = 1u << 3,    // a backslash inside a '...' or "..." literal
    LexBackslashInDoubleQuote = 1u << 4, // a backslash inside a "..." token
    LexHighByteBackslash = 1u << 5,    // a backslash right after a byte >= 0x80 inside a string
    LexSecondHint = 1u << 6,           // more than one switchyard hint (the first one counts)
};

class Lexer
{
public:
    Lexer(std::string_view input, const LexOptions &options)
        : m_input(input), m_pos(input.data()), m_end(input.data() + input.size()), m_options(options),
          m_mysql(isMySqlFamily(options.dialect))
    {
    }

    // The next significant token; TokenKind::End at the end (and forever after).
    Token next();
    // Appends every remaining token to `out`, then one End token. Faster than calling next()
    // in a loop from another translation unit; `out` keeps its capacity between calls.
    void tokenize(std::vector<Token> &out);

    std::string_view input() const { return m_input; }
    // Byte offset of a token's start in the input (tokens are views into it).
    std::size_t offsetOf(const Token &t) const
    {
        return static_cast<std::size_t>(t.text.data() - m_input.data());
    }
    std::uint32_t flags() const { return m_flags; }
    const Hint &hint() const { return m_hint; }
    const LexOptions &options() const { return m_options; }

private:
    void lexInto(Token &t);   // t is default-constructed
    void lexWord(const char *start, Token &t);
    void lexNumber(const char *start, Token &t);
    void lexQuoted(const char *start, char quote, TokenKind kind, bool escapes, const char *textStart, Token &t);
    void lexDollar(const char *start, Token &t);
    void lexVariable(const char *start, Token &t);
    bool skipBlockComment();     // at "/*"; returns true when the comment opened executable SQL
    void skipLineComment();
    void noteHint(const char *begin, const char *end);

    std::string_view m_input;
    const char *m_pos;
    const char *m_end;
    LexOptions m_options;
    std::uint32_t m_flags = 0;
    bool m_mysql;
    bool m_inExecutable = false;   // inside /*! ... */ content
    Hint m_hint;
};

// Case-insensitive hash used for Token::hash (FNV-1a over ASCII-lowercased bytes).
inline std::uint32_t foldHashStep(std::uint32_t h, unsigned char c)
{
    return (h ^ static_cast<std::uint32_t>(c | 0x20u)) * 16777619u;
}
inline constexpr std::uint32_t kFoldHashSeed = 2166136261u;
std::uint32_t foldHash(std::string_view text);

// ASCII case-insensitive equality.
bool equalsIgnoreCase(std::string_view a, std::string_view b);

// The name inside a quoted identifier or variable token: `a``b` -> a`b is not unescaped
// (doubled quotes stay doubled); only the outer quotes and any @ prefix are removed.
std::string_view unquotedName(const Token &t);

} // namespace switchyard::routing
