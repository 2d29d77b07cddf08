#include "switchyard/ui/routing_preview_highlighter.h"

#include <QColor>
#include <QTextDocument>

#include <algorithm>
#include <optional>
#include <string>

namespace switchyard::ui {

using namespace switchyard::routing;

namespace {

bool containsHint(std::string_view gap)
{
    static constexpr std::string_view kHint = "switchyard:";
    if (gap.size() < kHint.size())
        return false;
    for (std::size_t i = 0; i + kHint.size() <= gap.size(); ++i)
        if (equalsIgnoreCase(gap.substr(i, kHint.size()), kHint))
            return true;
    return false;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace

SqlHighlighter::SqlHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    m_options = LexOptions::forDialect(Dialect::MySQL);
}

void SqlHighlighter::setLexOptions(const routing::LexOptions &options)
{
    const LexOptions &o = m_options;
    if (o.dialect == options.dialect && o.backslashEscapes == options.backslashEscapes &&
        o.ansiQuotes == options.ansiQuotes && o.serverVersion == options.serverVersion &&
        o.versioned == options.versioned)
        return;
    m_options = options;
    m_dirty = true;
    rehighlight();
}

QTextCharFormat SqlHighlighter::format(Kind kind)
{
    QTextCharFormat f;
    switch (kind) {
    case Kind::Keyword:
        f.setForeground(QColor(0x00, 0x33, 0xb3));
        f.setFontWeight(QFont::Bold);
        break;
    case Kind::Function:
        f.setForeground(QColor(0x00, 0x62, 0x7a));
        break;
    case Kind::QuotedIdentifier:
        f.setForeground(QColor(0x6b, 0x3e, 0x00));
        break;
    case Kind::String:
        f.setForeground(QColor(0x06, 0x7d, 0x17));
        break;
    case Kind::Number:
        f.setForeground(QColor(0x17, 0x50, 0xeb));
        break;
    case Kind::Variable:
    case Kind::Parameter:
        f.setForeground(QColor(0x87, 0x10, 0x94));
        break;
    case Kind::Comment:
        f.setForeground(QColor(0x7a, 0x7f, 0x87));
        f.setFontItalic(true);
        break;
    case Kind::ExecutableMarker:
        f.setForeground(QColor(0xa0, 0x50, 0x00));
        f.setBackground(QColor(0xff, 0xf4, 0xe0));
        break;
    case Kind::Hint:
        f.setForeground(QColor(0xb3, 0x4d, 0x00));
        f.setBackground(QColor(0xff, 0xed, 0xd6));
        f.setFontWeight(QFont::Bold);
        break;
    case Kind::Unterminated:
        f.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        f.setUnderlineColor(QColor(0xd3, 0x2f, 0x2f));
        f.setForeground(QColor(0xb7, 0x1c, 0x1c));
        break;
    }
    return f;
}

std::vector<SqlHighlighter::Span> SqlHighlighter::spans(const QString &text,
                                                        const routing::LexOptions &options)
{
    const QByteArray utf8 = text.toUtf8();
    const std::string_view input(utf8.constData(), static_cast<std::size_t>(utf8.size()));
    // UTF-8 byte offset -> UTF-16 position.
    std::vector<int> pos(input.size() + 1, 0);
    {
        std::size_t b = 0;
        int u = 0;
        while (b < input.size()) {
            const auto c = static_cast<unsigned char>(input[b]);
            const std::size_t len = c < 0x80         ? 1
                                    : (c >> 5) == 6  ? 2
                                    : (c >> 4) == 14 ? 3
                                    : (c >> 3) == 30 ? 4
                                                     : 1;
            for (std::size_t k = 0; k < len && b + k < input.size(); ++k)
                pos[b + k] = u;
            b += len;
            u += len == 4 ? 2 : 1;
        }
        pos[input.size()] = u;
    }
    std::vector<Span> out;
    const auto add = [&](std::size_t from, std::size_t to, Kind kind) {
        if (to <= from)
            return;
        out.push_back({pos[from], pos[to] - pos[from], kind});
    };
    // Non-blank text the lexer skipped between two tokens: comments and comment markers.
    const auto gap = [&](std::size_t from, std::size_t to, bool executableMarkers) {
        while (from < to && isSpace(input[from]))
            ++from;
        while (to > from && isSpace(input[to - 1]))
            --to;
        if (to <= from)
            return;
        const std::string_view g = input.substr(from, to - from);
        Kind kind = Kind::Comment;
        if (containsHint(g))
            kind = Kind::Hint;
        else if (executableMarkers && (g.find("/*!") != std::string_view::npos ||
                                       g.find("/*M!") != std::string_view::npos || g.rfind("*/", 0) == 0))
            kind = Kind::ExecutableMarker;
        add(from, to, kind);
    };

    Lexer lexer(input, options);
    std::vector<Token> tokens;
    lexer.tokenize(tokens);
    const bool executable = (lexer.flags() & LexExecutableComment) != 0;
    std::size_t last = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token &t = tokens[i];
        if (t.kind == TokenKind::End)
            break;
        const std::size_t start = lexer.offsetOf(t);
        if (start > input.size())
            continue;
        const std::size_t end = std::min(input.size(), start + t.text.size());
        gap(last, start, executable);
        last = std::max(last, end);
        std::optional<Kind> kind;
        switch (t.kind) {
        case TokenKind::Word:
            if (t.keyword == 0 && i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::LParen)
                kind = Kind::Function;
            else if (t.keyword != 0)
                kind = Kind::Keyword;
            break;
        case TokenKind::QuotedIdent:
            kind = Kind::QuotedIdentifier;
            break;
        case TokenKind::String:
            kind = Kind::String;
            break;
        case TokenKind::Number:
            kind = Kind::Number;
            break;
        case TokenKind::Variable:
        case TokenKind::SystemVariable:
            kind = Kind::Variable;
            break;
        case TokenKind::Parameter:
            kind = Kind::Parameter;
            break;
        default:
            break;
        }
        if (t.flags & TokenUnterminated)
            kind = Kind::Unterminated;
        if (kind)
            add(start, end, *kind);
    }
    // After the last token: trailing comments, or one that never ends.
    std::size_t tail = last;
    while (tail < input.size() && isSpace(input[tail]))
        ++tail;
    if (tail < input.size()) {
        if ((lexer.flags() & LexUnterminated) && input.substr(tail).find("*/") == std::string_view::npos &&
            input.substr(tail, 2) == "/*")
            add(tail, input.size(), Kind::Unterminated);
        else
            gap(tail, input.size(), executable);
    }
    std::sort(out.begin(), out.end(), [](const Span &a, const Span &b) { return a.start < b.start; });
    return out;
}

void SqlHighlighter::relex()
{
    const QTextDocument *doc = document();
    if (!doc)
        return;
    m_text = doc->toPlainText();
    m_spans = spans(m_text, m_options);
    m_dirty = false;
}

void SqlHighlighter::highlightBlock(const QString &text)
{
    // Lex the whole document again when this block is not what was lexed last (the document
    // changed; its revision does not always move, e.g. in setPlainText()).
    const int blockStart = currentBlock().position();
    if (m_dirty || m_text.size() != document()->characterCount() - 1 ||
        blockStart + text.size() > m_text.size() || QStringView(m_text).mid(blockStart, text.size()) != text)
        relex();
    const int blockEnd = blockStart + static_cast<int>(text.size());
    auto it = std::lower_bound(m_spans.begin(), m_spans.end(), blockStart,
                               [](const Span &s, int at) { return s.start + s.length <= at; });
    int crossing = -1;
    for (; it != m_spans.end() && it->start < blockEnd + 1; ++it) {
        const int from = std::max(it->start, blockStart);
        const int to = std::min(it->start + it->length, blockEnd);
        if (to > from)
            setFormat(from - blockStart, to - from, format(it->kind));
        if (it->start + it->length > blockEnd)
            crossing = static_cast<int>(it - m_spans.begin());
    }
    // A span running into the next line: its index, so a change here recolours the next block.
    setCurrentBlockState(crossing);
}

} // namespace switchyard::ui
