// The dialect-aware lexer: which characters are code, which are literal, which are comment.
#include "switchyard/routing/lexer.h"

#include "keywords.h" // private: the keyword table is tested against a linear search

#include <gtest/gtest.h>

#include <cctype>
#include <random>
#include <string>
#include <vector>

using namespace switchyard::routing;

namespace {

struct Lexed
{
    std::vector<std::string> tokens;   // kind letter + text, e.g. "W:SELECT", "S:'a'"
    std::uint32_t flags = 0;
    Hint hint;
};

char letter(TokenKind k)
{
    switch (k) {
    case TokenKind::Word: return 'W';
    case TokenKind::QuotedIdent: return 'I';
    case TokenKind::String: return 'S';
    case TokenKind::Number: return 'N';
    case TokenKind::Variable: return 'V';
    case TokenKind::SystemVariable: return 'Y';
    case TokenKind::Parameter: return 'P';
    case TokenKind::Semicolon: return ';';
    case TokenKind::LParen: return '(';
    case TokenKind::RParen: return ')';
    case TokenKind::Comma: return ',';
    case TokenKind::Dot: return '.';
    case TokenKind::Equals: return '=';
    case TokenKind::Assign: return 'A';
    case TokenKind::DoubleColon: return 'C';
    case TokenKind::Operator: return 'O';
    case TokenKind::End: return 'E';
    }
    return '?';
}

Lexed lex(std::string_view sql, LexOptions o)
{
    Lexer lx(sql, o);
    Lexed out;
    for (Token t = lx.next(); t.kind != TokenKind::End; t = lx.next())
        out.tokens.push_back(std::string(1, letter(t.kind)) + ":" + std::string(t.text));
    out.flags = lx.flags();
    out.hint = lx.hint();
    return out;
}

Lexed mysql(std::string_view sql) { return lex(sql, LexOptions::forDialect(Dialect::MySQL)); }
Lexed pg(std::string_view sql) { return lex(sql, LexOptions::forDialect(Dialect::PostgreSQL)); }

using V = std::vector<std::string>;

} // namespace

TEST(Lexer, WordsNumbersPunctuation)
{
    EXPECT_EQ(mysql("SELECT a.b, 1.5e-3 FROM t WHERE x=?;").tokens,
              (V{"W:SELECT", "W:a", ".:.", "W:b", ",:,", "N:1.5e-3", "W:FROM", "W:t", "W:WHERE", "W:x", "=:=", "P:?",
                 ";:;"}));
    EXPECT_EQ(pg("SELECT x::int, $1, a := 2").tokens,
              (V{"W:SELECT", "W:x", "C:::", "W:int", ",:,", "P:$1", ",:,", "W:a", "A::=", "N:2"}));
}

TEST(Lexer, StringsWithAndWithoutBackslashEscapes)
{
    EXPECT_EQ(mysql(R"(SELECT 'a\'b', 'c''d')").tokens, (V{"W:SELECT", R"(S:'a\'b')", ",:,", "S:'c''d'"}));
    LexOptions nbe = LexOptions::forDialect(Dialect::MySQL);
    nbe.backslashEscapes = false;
    // Without escapes the literal ends at \' and b' starts a (bit-string) literal.
    EXPECT_EQ(lex(R"(SELECT 'a\'b')", nbe).tokens, (V{"W:SELECT", R"(S:'a\')", "S:b'"}));
    // PostgreSQL: standard_conforming_strings on by default; E'' always has escapes.
    EXPECT_EQ(pg(R"(SELECT 'a\', E'b\'c')").tokens, (V{"W:SELECT", R"(S:'a\')", ",:,", R"(S:E'b\'c')"}));
    LexOptions scsOff = LexOptions::forDialect(Dialect::PostgreSQL);
    scsOff.backslashEscapes = true;
    EXPECT_EQ(lex(R"(SELECT 'a\'b')", scsOff).tokens, (V{"W:SELECT", R"(S:'a\'b')"}));
    EXPECT_TRUE(mysql(R"(SELECT 'a\'b')").flags & LexBackslashInString);
    EXPECT_FALSE(mysql("SELECT 'ab'").flags & LexBackslashInString);
}

TEST(Lexer, StringPrefixes)
{
    EXPECT_EQ(mysql("SELECT N'x', X'41', b'01', _utf8mb4'y'").tokens,
              (V{"W:SELECT", "S:N'x'", ",:,", "S:X'41'", ",:,", "S:b'01'", ",:,", "S:_utf8mb4'y'"}));
    EXPECT_EQ(pg(R"(SELECT U&'\0041', U&"ab", B'01')").tokens,
              (V{"W:SELECT", R"(S:U&'\0041')", ",:,", R"(I:U&"ab")", ",:,", "S:B'01'"}));
    // A word that merely ends in e is not an escape-string prefix.
    EXPECT_EQ(pg("SELECT name'x'").tokens, (V{"W:SELECT", "W:name", "S:'x'"}));
}

TEST(Lexer, DoubleQuotesDependOnDialectAndAnsiQuotes)
{
    EXPECT_EQ(mysql(R"(SELECT "a")").tokens, (V{"W:SELECT", R"(S:"a")"}));
    LexOptions ansi = LexOptions::forDialect(Dialect::MySQL);
    ansi.ansiQuotes = true;
    EXPECT_EQ(lex(R"(SELECT "a")", ansi).tokens, (V{"W:SELECT", R"(I:"a")"}));
    EXPECT_EQ(pg(R"(SELECT "a""b")").tokens, (V{"W:SELECT", R"(I:"a""b")"}));
    EXPECT_EQ(mysql("SELECT `a``b`").tokens, (V{"W:SELECT", "I:`a``b`"}));
}

TEST(Lexer, DollarQuoting)
{
    EXPECT_EQ(pg("SELECT $$a;b$$, $tag$ $$ ; $tag$, $1").tokens,
              (V{"W:SELECT", "S:$$a;b$$", ",:,", "S:$tag$ $$ ; $tag$", ",:,", "P:$1"}));
    // $ inside an identifier is not a quote.
    EXPECT_EQ(pg("SELECT a$b FROM t").tokens, (V{"W:SELECT", "W:a$b", "W:FROM", "W:t"}));
    EXPECT_TRUE(pg("SELECT $$open").flags & LexUnterminated);
}

TEST(Lexer, Comments)
{
    EXPECT_EQ(mysql("SELECT 1 -- c\n, 2").tokens, (V{"W:SELECT", "N:1", ",:,", "N:2"}));
    EXPECT_EQ(mysql("SELECT 1--2").tokens, (V{"W:SELECT", "N:1", "O:-", "O:-", "N:2"}));
    EXPECT_EQ(pg("SELECT 1--2").tokens, (V{"W:SELECT", "N:1"}));
    EXPECT_EQ(mysql("SELECT 1 # c\n, 2").tokens, (V{"W:SELECT", "N:1", ",:,", "N:2"}));
    EXPECT_EQ(pg("SELECT 1 # 2").tokens, (V{"W:SELECT", "N:1", "O:#", "N:2"}));
    EXPECT_EQ(pg("SELECT /* a /* b */ c */ 1").tokens, (V{"W:SELECT", "N:1"}));
    EXPECT_EQ(mysql("SELECT /* a /* b */ c */ 1").tokens, (V{"W:SELECT", "W:c", "O:*", "O:/", "N:1"}));
    EXPECT_EQ(mysql("SELECT /*+ NO_ICP(t) */ 1").tokens, (V{"W:SELECT", "N:1"}));
    EXPECT_TRUE(mysql("SELECT 1 /* open").flags & LexUnterminated);
    EXPECT_TRUE(pg("SELECT 1 /* /* */").flags & LexUnterminated);
}

TEST(Lexer, ExecutableCommentsByVersion)
{
    LexOptions o = LexOptions::forDialect(Dialect::MySQL);
    o.serverVersion = 80036;
    EXPECT_EQ(lex("SELECT 1 /*!50000 + 2 */", o).tokens, (V{"W:SELECT", "N:1", "O:+", "N:2"}));
    EXPECT_EQ(lex("SELECT 1 /*!80040 + 2 */", o).tokens, (V{"W:SELECT", "N:1"}));
    EXPECT_EQ(lex("SELECT 1 /*! + 2 */", o).tokens, (V{"W:SELECT", "N:1", "O:+", "N:2"}));
    // Four digits are no version: they are content.
    EXPECT_EQ(lex("SELECT 1 /*!1234 */", o).tokens, (V{"W:SELECT", "N:1", "N:1234"}));
    EXPECT_EQ(lex("SELECT 1 /*M!100100 + 2 */", o).tokens, (V{"W:SELECT", "N:1"}));
    EXPECT_TRUE(lex("SELECT 1 /*!50000 + 2 */", o).flags & LexVersionedComment);
    EXPECT_FALSE(lex("SELECT 1 /*! + 2 */", o).flags & LexVersionedComment);
    // A string inside the comment may contain */.
    EXPECT_EQ(lex("SELECT /*!50000 '*/' */ 1", o).tokens, (V{"W:SELECT", "S:'*/'", "N:1"}));

    LexOptions m = LexOptions::forDialect(Dialect::MariaDB);
    m.serverVersion = 101106;
    EXPECT_EQ(lex("SELECT 1 /*M!100100 + 2 */", m).tokens, (V{"W:SELECT", "N:1", "O:+", "N:2"}));
    EXPECT_EQ(lex("SELECT 1 /*M!110000 + 2 */", m).tokens, (V{"W:SELECT", "N:1"}));
    EXPECT_EQ(lex("SELECT 1 /*!80000 + 2 */", m).tokens, (V{"W:SELECT", "N:1"}));      // MySQL-8-only
    EXPECT_EQ(lex("SELECT 1 /*!100500 + 2 */", m).tokens, (V{"W:SELECT", "N:1", "O:+", "N:2"}));
    EXPECT_EQ(lex("SELECT 1 /*M!!110000 + 2 */", m).tokens, (V{"W:SELECT", "N:1", "O:+", "N:2"}));
    EXPECT_EQ(lex("SELECT 1 /*M!!100100 + 2 */", m).tokens, (V{"W:SELECT", "N:1"}));

    LexOptions unknown = LexOptions::forDialect(Dialect::MySQL);
    EXPECT_EQ(lex("SELECT 1 /*!99999 + 2 */", unknown).tokens, (V{"W:SELECT", "N:1", "O:+", "N:2"}));
    unknown.versioned = VersionedComments::ExecuteNone;
    EXPECT_EQ(lex("SELECT 1 /*!99999 + 2 */", unknown).tokens, (V{"W:SELECT", "N:1"}));
    // PostgreSQL has no executable comments.
    EXPECT_EQ(pg("SELECT 1 /*! + 2 */").tokens, (V{"W:SELECT", "N:1"}));
}

TEST(Lexer, UserAndSystemVariables)
{
    EXPECT_EQ(mysql("SELECT @a, @`b c`, @'d', @@session.sql_mode, @@x").tokens,
              (V{"W:SELECT", "V:@a", ",:,", "V:@`b c`", ",:,", "V:@'d'", ",:,", "Y:@@session.sql_mode", ",:,",
                 "Y:@@x"}));
    EXPECT_EQ(pg("SELECT @ -5").tokens, (V{"W:SELECT", "O:@", "O:-", "N:5"}));
}

TEST(Lexer, RoutingHintsOnlyInRealComments)
{
    EXPECT_EQ(mysql("/* switchyard: primary */ SELECT 1").hint.kind, HintKind::Primary);
    EXPECT_EQ(mysql("SELECT 1 /*switchyard:replica*/").hint.kind, HintKind::Replica);
    Lexed n = mysql("SELECT 1 /* switchyard: node = db-3 */");
    EXPECT_EQ(n.hint.kind, HintKind::Node);
    EXPECT_EQ(n.hint.node, "db-3");
    EXPECT_EQ(mysql("SELECT '/* switchyard: primary */'").hint.kind, HintKind::None);
    EXPECT_EQ(mysql("SELECT 1 -- switchyard: primary").hint.kind, HintKind::None);
    EXPECT_EQ(mysql("SELECT /*+ switchyard: primary */ 1").hint.kind, HintKind::None);
    EXPECT_EQ(mysql("SELECT 1 /* switchyard: sideways */").hint.kind, HintKind::Invalid);
    EXPECT_EQ(mysql("SELECT 1 /* switchyard: node= */").hint.kind, HintKind::Invalid);
    Lexed two = mysql("/* switchyard: primary */ SELECT 1 /* switchyard: replica */");
    EXPECT_EQ(two.hint.kind, HintKind::Primary);
    EXPECT_TRUE(two.flags & LexSecondHint);
    EXPECT_EQ(pg("/* outer /* switchyard: primary */ */ SELECT 1").hint.kind, HintKind::None);
}

TEST(Lexer, KeywordsAreResolvedCaseInsensitively)
{
    Lexer lx("select SeLeCt FOR_UPDATE", LexOptions::forDialect(Dialect::MySQL));
    Token a = lx.next();
    Token b = lx.next();
    Token c = lx.next();
    EXPECT_NE(a.keyword, 0);
    EXPECT_EQ(a.keyword, b.keyword);
    EXPECT_EQ(c.keyword, 0);
    EXPECT_EQ(Lexer("`NOW`", LexOptions::forDialect(Dialect::MySQL)).next().hash, foldHash("now"));
    // Every keyword the classifier relies on resolves, in any case; near misses do not.
    for (const char *kw : {"select", "WITH", "Insert", "update", "DELETE", "for", "share", "into", "outfile",
                           "lock", "unlock", "tables", "sql_calc_found_rows", "characteristics", "serializable",
                           "persist_only", "xa", "do", "in", "is", "of", "on", "or", "to"}) {
        Lexer l(kw, LexOptions::forDialect(Dialect::MySQL));
        EXPECT_NE(l.next().keyword, 0) << kw;
    }
    for (const char *word : {"selects", "sele", "x", "fo", "inserts", "update_", "sbtest1", "id", "k", "c", "pad"}) {
        Lexer l(word, LexOptions::forDialect(Dialect::MySQL));
        EXPECT_EQ(l.next().keyword, 0) << word;
    }
}

TEST(Lexer, HighByteBeforeBackslashIsNoticed)
{
    EXPECT_TRUE(mysql("SELECT '\xbf\\'; DELETE FROM t; -- '").flags & LexHighByteBackslash);
    EXPECT_FALSE(mysql("SELECT 'a\\''").flags & LexHighByteBackslash);
}

TEST(Lexer, EndIsSticky)
{
    Lexer lx("", LexOptions::forDialect(Dialect::MySQL));
    EXPECT_EQ(lx.next().kind, TokenKind::End);
    EXPECT_EQ(lx.next().kind, TokenKind::End);
}

// ---- keyword lookup (white box: the perfect hash against a linear search) ------------------

namespace {

std::uint16_t linearKeyword(std::string_view word)
{
    using namespace switchyard::routing::detail;
    for (std::uint16_t id = 1; id < KwCount; ++id)
        if (equalsIgnoreCase(keywordName(id), word))
            return id;
    return KwNone;
}

std::uint16_t lookupInside(const std::string &word)
{
    // The lookup reads eight bytes at a time where the input allows: bytes after the word
    // must not change the answer.
    const std::string buffer = word + "zz_9$x(y)";
    return switchyard::routing::detail::lookupKeyword(buffer.data(), word.size(), buffer.data() + buffer.size());
}

} // namespace

TEST(Keywords, EveryKeywordInAnyCaseAndItsNearMissesAgreeWithALinearSearch)
{
    using namespace switchyard::routing::detail;
    for (std::uint16_t id = 1; id < KwCount; ++id) {
        const std::string name(keywordName(id));
        std::string lower = name;
        std::string mixed = name;
        for (std::size_t i = 0; i < name.size(); ++i) {
            lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
            if (i % 2)
                mixed[i] = lower[i];
        }
        for (const std::string &w : {name, lower, mixed}) {
            EXPECT_EQ(lookupKeyword(w), id) << w;
            EXPECT_EQ(lookupInside(w), id) << w;
        }
        const std::vector<std::string> misses = {name + "X", name + "_", name + "1", name.substr(0, name.size() - 1),
                                                 "X" + name, name.substr(0, name.size() - 1) + "Q",
                                                 name.substr(1)};
        for (const std::string &w : misses) {
            EXPECT_EQ(lookupKeyword(w), linearKeyword(w)) << w;
            EXPECT_EQ(lookupInside(w), linearKeyword(w)) << w;
        }
    }
}

TEST(Keywords, RandomIdentifiersAgreeWithALinearSearch)
{
    std::mt19937 rng(7);
    const std::string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789$";
    int hits = 0;
    for (int i = 0; i < 200000; ++i) {
        std::string w(1 + rng() % 22, 'a');
        for (char &c : w)
            c = alphabet[rng() % (i % 3 ? 27 : alphabet.size())]; // mostly lower-case letters
        const std::uint16_t expected = linearKeyword(w);
        hits += expected != 0;
        ASSERT_EQ(switchyard::routing::detail::lookupKeyword(w), expected) << w;
        ASSERT_EQ(lookupInside(w), expected) << w;
    }
    EXPECT_GT(hits, 0); // short random words do hit keywords (AS, BY, IN, ...)
}
