// Syntax highlighting for the routing preview's SQL editors, driven by the routing lexer itself
// (switchyard::routing::Lexer), so what is coloured as a comment, a string or SQL is exactly what
// the router reads as such: a MySQL "--" without a space is an operator, "#" is a comment only in
// MySQL, PostgreSQL block comments nest, and the content of an executable comment that the
// server would run (/*!50000 FOR UPDATE */) is coloured as SQL, its markers as comments.
// Routing hints (/* switchyard: primary */) stand out; an unterminated literal is underlined.
//
// The whole document is lexed again after each change (editors hold a few statements) and the
// spans are applied block by block; the block state carries whether a span crosses the end of
// the line, so opening a quote recolours the following lines.
//
// Thread contract: GUI thread (a QSyntaxHighlighter); spans() is a pure function.
#pragma once

#include "switchyard/routing/lexer.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <vector>

namespace switchyard::ui {

class SqlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Kind
    {
        Keyword,  // a word the router knows as a keyword
        Function, // a word followed by "(": the router judges function calls
        QuotedIdentifier,
        String,
        Number,
        Variable,         // @x, @@x
        Parameter,        // ?, $1
        Comment,          // anything the lexer skipped
        ExecutableMarker, // the /*!NNNNN and */ around executed comment content
        Hint,             // a comment holding "switchyard:"
        Unterminated,     // a literal or comment that runs to the end
    };
    struct Span
    {
        int start = 0; // UTF-16 position in the text
        int length = 0;
        Kind kind = Kind::Comment;
    };

    explicit SqlHighlighter(QTextDocument *document);

    void setLexOptions(const routing::LexOptions &options); // highlights again
    const routing::LexOptions &lexOptions() const { return m_options; }

    // The spans of `text`, sorted by position.
    static std::vector<Span> spans(const QString &text, const routing::LexOptions &options);
    static QTextCharFormat format(Kind kind);

protected:
    void highlightBlock(const QString &text) override;

private:
    void relex();

    routing::LexOptions m_options;
    std::vector<Span> m_spans;
    QString m_text; // what m_spans were computed from
    bool m_dirty = true;
};

} // namespace switchyard::ui
