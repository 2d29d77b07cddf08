#include "switchyard/routing/classifier.h"

#include "keywords.h"

#include <cassert>

namespace switchyard::routing {

using namespace detail;

namespace {

// The packet's tokens, walked with unlimited lookahead (the End token repeats at the end).
class Scanner
{
public:
    Scanner(const std::vector<Token> &tokens, std::string_view sql)
        : m_tokens(tokens.data()), m_last(tokens.size() - 1), m_sql(sql.data())
    {
    }

    // The next token; m_pos never passes the End token, so it needs no bounds check.
    const Token &peek() const { return m_tokens[m_pos]; }
    const Token &peek(std::size_t k) const
    {
        const std::size_t i = m_pos + k;
        return m_tokens[i < m_last ? i : m_last];
    }

    const Token &take()
    {
        const Token &t = m_tokens[m_pos];
        if (m_pos < m_last)
            ++m_pos;
        return t;
    }
    // take() when peek() is known not to be the End token.
    const Token &takeNotEnd() { return m_tokens[m_pos++]; }

    // End offset of the last token taken.
    std::size_t lastEnd() const
    {
        if (m_pos == 0)
            return 0;
        const Token &t = m_tokens[m_pos - 1];
        return static_cast<std::size_t>(t.text.data() - m_sql) + t.text.size();
    }
    std::size_t offsetOf(const Token &t) const { return static_cast<std::size_t>(t.text.data() - m_sql); }

private:
    const Token *m_tokens;
    std::size_t m_last;   // index of the End token
    std::size_t m_pos = 0;
    const char *m_sql;
};

inline bool isKw(const Token &t, Keyword kw) { return t.kind == TokenKind::Word && t.keyword == kw; }
inline bool isName(const Token &t) { return t.kind == TokenKind::Word || t.kind == TokenKind::QuotedIdent; }
inline bool isStop(const Token &t) { return t.kind == TokenKind::End || t.kind == TokenKind::Semicolon; }

std::string_view nameOf(const Token &t)
{
    if (t.kind == TokenKind::QuotedIdent || t.kind == TokenKind::Variable)
        return unquotedName(t);
    return t.text;
}

// The value inside a simple string literal token ('abc', "abc", N'abc', E'abc'); the raw
// inner text, escapes not processed. Empty for anything else.
std::string_view literalText(const Token &t)
{
    if (t.kind != TokenKind::String)
        return {};
    std::string_view s = t.text;
    std::size_t q = s.find_first_of("'\"");
    if (q == std::string_view::npos || s.size() < q + 2)
        return {};
    return s.substr(q + 1, s.size() - q - 2);
}

// Parses on/off/true/false/1/0/yes/no. -1 if none of them.
int boolValue(std::string_view v)
{
    if (equalsIgnoreCase(v, "on") || equalsIgnoreCase(v, "true") || v == "1" || equalsIgnoreCase(v, "yes"))
        return 1;
    if (equalsIgnoreCase(v, "off") || equalsIgnoreCase(v, "false") || v == "0" || equalsIgnoreCase(v, "no"))
        return 0;
    return -1;
}

Isolation isolationFromText(std::string_view v)
{
    // MySQL spells them with '-' in variables; SQL uses spaces.
    auto eq = [&](std::string_view a, std::string_view b) {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            char x = a[i] == '-' || a[i] == '_' ? ' ' : a[i];
            char y = b[i];
            if (x >= 'A' && x <= 'Z')
                x = static_cast<char>(x + 32);
            if (x != y)
                return false;
        }
        return true;
    };
    if (eq(v, "serializable"))
        return Isolation::Serializable;
    if (eq(v, "repeatable read"))
        return Isolation::RepeatableRead;
    if (eq(v, "read committed"))
        return Isolation::ReadCommitted;
    if (eq(v, "read uncommitted"))
        return Isolation::ReadUncommitted;
    return Isolation::Default;
}

struct ScanOptions
{
    bool stopAtComma = false;     // stop before a ',' at the starting depth
    bool stopAtCloseParen = false;// stop before a ')' that would go below the starting depth
    bool cteList = false;         // the first word is a CTE name (after WITH)
    bool stopAtFor = false;       // stop before FOR at the starting depth (SET STATEMENT ... FOR)
    int depth = 0;
};

struct ScanResult
{
    int tokens = 0;
};

const Token kNoToken{};

const StatementInfo kBlank{};

class Impl
{
public:
    Impl(std::string_view sql, const LexOptions &options, const FunctionCatalog &functions, PacketInfo &out)
        : m_sql(sql), m_s(out.tokens, sql), m_fn(functions), m_out(out), m_dialect(options.dialect),
          m_mysql(isMySqlFamily(options.dialect))
    {
    }

    void run()
    {
        for (;;) {
            while (m_s.peek().kind == TokenKind::Semicolon)
                m_s.take();
            if (m_s.peek().kind == TokenKind::End)
                break;
            // Built in place from a constant blank (a plain copy, cheaper than zero-filling).
            StatementInfo &st = m_out.statements.emplace_back(kBlank);
            st.firstEffect = static_cast<std::uint32_t>(m_out.effects.size());
            const std::size_t start = m_s.offsetOf(m_s.peek());
            classifyStatement(st);
            // A head parser may stop early; consume whatever is left of this statement.
            if (!isStop(m_s.peek()))
                scan(st, ScanOptions{});
            // Only the packet's last token can be unterminated: it ran to the end of the input.
            if ((m_out.lexFlags & LexUnterminated) && m_s.peek().kind == TokenKind::End)
                st.flags |= FlagUnterminated;
            st.text = m_sql.substr(start, m_s.lastEnd() > start ? m_s.lastEnd() - start : 0);
            st.effectCount = static_cast<std::uint32_t>(m_out.effects.size()) - st.firstEffect;
            finalize(st);
        }
        if ((m_out.lexFlags & LexUnterminated) && !m_out.statements.empty()) {
            m_out.statements.back().flags |= FlagUnterminated;
            m_out.statements.back().requirement = Requirement::Primary;
        }
    }

private:
    // ---- helpers -------------------------------------------------------------------------
    const Token &take() { return m_s.take(); }
    const Token &peek() const { return m_s.peek(); }
    const Token &peek(std::size_t k) const { return m_s.peek(k); }
    bool accept(Keyword kw)
    {
        if (isKw(peek(), kw)) {
            take();
            return true;
        }
        return false;
    }
    bool acceptText(std::string_view word)
    {
        if (peek().kind == TokenKind::Word && equalsIgnoreCase(peek().text, word)) {
            take();
            return true;
        }
        return false;
    }
    void addEffect(EffectKind kind, int value, std::string_view name = {}, std::string_view text = {})
    {
        m_out.effects.push_back(SessionEffect{kind, value, name, text});
    }
    static void setDetail(StatementInfo &st, std::string_view d)
    {
        if (st.detail.empty())
            st.detail = d;
    }
    // Skips a possibly qualified name (a.b.c) and returns its last part.
    std::string_view takeQualifiedName()
    {
        if (!isName(peek()))
            return {};
        Token t = take();
        std::string_view name = nameOf(t);
        while (peek().kind == TokenKind::Dot && isName(peek(1))) {
            take();
            name = nameOf(take());
        }
        return name;
    }
    // Skips the rest of the statement without looking (compound bodies), up to the end of input.
    void swallowAll()
    {
        while (peek().kind != TokenKind::End)
            take();
    }

    // ---- the generic scan ------------------------------------------------------------------
    ScanResult scan(StatementInfo &st, const ScanOptions &o)
    {
        ScanResult r;
        int depth = o.depth;
        int withDepth = o.cteList ? depth : -1;
        bool expectCte = o.cteList;
        // Tokens live in the packet's array: keep pointers, not copies.
        const Token *prev = &kNoToken;
        const Token *prev2 = &kNoToken;
        const bool mayStopEarly = o.stopAtComma || o.stopAtCloseParen || o.stopAtFor;
        for (;;) {
            const Token &pk = peek();
            if (isStop(pk))
                break;
            if (mayStopEarly && depth == o.depth
                && ((o.stopAtComma && pk.kind == TokenKind::Comma)
                    || (o.stopAtCloseParen && pk.kind == TokenKind::RParen) || (o.stopAtFor && isKw(pk, Kw_FOR))))
                break;
            const Token &t = m_s.takeNotEnd();
            ++r.tokens;
            switch (t.kind) {
            case TokenKind::LParen:
                ++depth;
                break;
            case TokenKind::RParen:
                if (depth > 0)
                    --depth;
                break;
            case TokenKind::Word:
                handleWord(st, t, *prev, *prev2, depth, withDepth, expectCte);
                break;
            case TokenKind::QuotedIdent:
                if (expectCte) {
                    expectCte = false;
                } else if (peek().kind == TokenKind::LParen && !notACall(*prev, *prev2)) {
                    functionCall(st, t, *prev, *prev2, true);
                }
                break;
            case TokenKind::Variable:
                handleVariable(st, t);
                break;
            case TokenKind::SystemVariable:
                handleSystemVariable(st, t);
                break;
            case TokenKind::Comma:
                if (withDepth == depth && prev->kind == TokenKind::RParen)
                    expectCte = true;
                break;
            default:
                break;
            }
            prev2 = prev;
            prev = &t;
        }
        return r;
    }

    // "name(" that is not a call, judged by the two tokens before the name: a type modifier
    // (x::numeric(10, 2)), a TABLESAMPLE method, or an alias's column list: after AS (AS v(a, b)), right after a
    // parenthesis ("(VALUES ...) v(k)", "generate_series(1, 3) g(i)": no call follows ")"
    // without an operator or a keyword between), or after a table name that follows FROM or
    // JOIN ("FROM t1 x(a, b)"; the table name is no keyword, so no operator word such as
    // INTERVAL or MOD can be taken for it).
    static bool notACall(const Token &prev, const Token &prev2)
    {
        if (prev.kind == TokenKind::DoubleColon || prev.kind == TokenKind::RParen || isKw(prev, Kw_AS))
            return true;
        // FROM t TABLESAMPLE SYSTEM (10): a sampling method (a tsm_handler), not a call.
        if (isKw(prev, Kw_TABLESAMPLE))
            return true;
        const bool tableName = (prev.kind == TokenKind::Word && prev.keyword == KwNone)
                               || prev.kind == TokenKind::QuotedIdent;
        return tableName && (isKw(prev2, Kw_FROM) || isKw(prev2, Kw_JOIN));
    }

    void handleWord(StatementInfo &st, const Token &t, const Token &prev, const Token &prev2, int depth,
                    int &withDepth, bool &expectCte)
    {
        const std::uint16_t kw = t.keyword;
        if (expectCte) {
            if (kw != Kw_RECURSIVE)
                expectCte = false;
            return; // a CTE name: "name(cols)" is not a call
        }
        // After a CTE's body the CTE list has ended and this is the main statement; after a
        // CTE's column list, x(a, b) AS (...), it has not.
        if (withDepth == depth && prev.kind == TokenKind::RParen && kw != Kw_AS)
            withDepth = -1;
        if (peek().kind == TokenKind::LParen) {
            if (kw != KwNone && keywordIsNonFunction(kw))
                return;
            if (notACall(prev, prev2))
                return;
            functionCall(st, t, prev, prev2, false);
            return;
        }
        switch (kw) {
        case Kw_INSERT:
        case Kw_UPDATE:
        case Kw_DELETE:
        case Kw_MERGE:
            st.flags |= FlagDataModifyingCte;
            setDetail(st, t.text);
            return;
        case Kw_REPLACE:
            if (m_mysql) {
                st.flags |= FlagDataModifyingCte;
                setDetail(st, t.text);
            }
            return;
        case Kw_INTO:
            handleInto(st, t);
            return;
        case Kw_FOR:
            handleFor(st);
            return;
        case Kw_LOCK:
            if (m_mysql && isKw(peek(), Kw_IN)) {
                take();
                st.flags |= FlagLockingRead;
                setDetail(st, "LOCK IN SHARE MODE");
            }
            return;
        case Kw_NEXT:
        case Kw_PREVIOUS:
            if (m_mysql && isKw(peek(), Kw_VALUE) && isKw(peek(1), Kw_FOR)) {
                take();
                take();
                st.flags |= FlagSequence;
                setDetail(st, kw == Kw_NEXT ? "NEXT VALUE FOR" : "PREVIOUS VALUE FOR");
            }
            return;
        case Kw_NEXTVAL:
        case Kw_CURRVAL:
        case Kw_LASTVAL:
            if (prev.kind == TokenKind::Dot) {
                st.flags |= FlagSequence;
                setDetail(st, t.text);
            }
            return;
        case Kw_SQL_CALC_FOUND_ROWS:
            st.flags |= FlagCalcFoundRows;
            return;
        case Kw_WITH:
            if (isKw(peek(), Kw_RECURSIVE)
                || (isName(peek()) && (isKw(peek(1), Kw_AS) || peek(1).kind == TokenKind::LParen))) {
                withDepth = depth;
                expectCte = true;
            }
            return;
        default:
            return;
        }
    }

    void handleInto(StatementInfo &st, const Token &t)
    {
        st.flags |= FlagSelectInto;
        setDetail(st, t.text);
        const Token &a = peek();
        if (isKw(a, Kw_OUTFILE) || isKw(a, Kw_DUMPFILE)) {
            take();
            st.flags |= FlagIntoFile;
            return;
        }
        if (a.kind == TokenKind::Variable) {
            for (;;) {
                Token v = take();
                st.flags |= FlagUserVarAssign;
                addEffect(EffectKind::UserVariable, 0, nameOf(v));
                if (peek().kind == TokenKind::Comma && peek(1).kind == TokenKind::Variable) {
                    take();
                    continue;
                }
                break;
            }
            return;
        }
        if (!m_mysql) {
            bool temp = false;
            if (isKw(peek(), Kw_LOCAL) || isKw(peek(), Kw_GLOBAL))
                take();
            if (isKw(peek(), Kw_TEMP) || isKw(peek(), Kw_TEMPORARY) || isKw(peek(), Kw_UNLOGGED)) {
                take();
                temp = true;
            }
            accept(Kw_TABLE);
            std::string_view name = takeQualifiedName();
            if (temp && !name.empty()) {
                st.flags |= FlagCreatesTemp;
                addEffect(EffectKind::TempCreate, 0, name);
            } else {
                st.flags |= FlagWrites;
            }
        }
    }

    void handleFor(StatementInfo &st)
    {
        const Token &a = peek();
        if (isKw(a, Kw_UPDATE)) {
            take();
            st.flags |= FlagLockingRead;
            setDetail(st, "FOR UPDATE");
        } else if (isKw(a, Kw_SHARE)) {
            take();
            st.flags |= FlagLockingRead;
            setDetail(st, "FOR SHARE");
        } else if (isKw(a, Kw_NO) && isKw(peek(1), Kw_KEY) && isKw(peek(2), Kw_UPDATE)) {
            take();
            take();
            take();
            st.flags |= FlagLockingRead;
            setDetail(st, "FOR NO KEY UPDATE");
        } else if (isKw(a, Kw_KEY) && isKw(peek(1), Kw_SHARE)) {
            take();
            take();
            st.flags |= FlagLockingRead;
            setDetail(st, "FOR KEY SHARE");
        }
    }

    void functionCall(StatementInfo &st, const Token &t, const Token &prev, const Token &prev2, bool quoted)
    {
        const std::string_view name = quoted ? unquotedName(t) : t.text;
        const std::uint32_t hash = quoted ? t.hash : foldHash(name);
        FunctionClass cls;
        if (prev.kind == TokenKind::Dot) {
            // schema.function(): only PostgreSQL's pg_catalog holds built-ins.
            cls = FunctionClass::Unknown;
            if (!m_mysql && isName(prev2)) {
                const bool catalog = prev2.kind == TokenKind::Word ? equalsIgnoreCase(prev2.text, "pg_catalog")
                                                                   : unquotedName(prev2) == "pg_catalog";
                if (catalog)
                    cls = quoted ? m_fn.lookupExact(name, hash) : m_fn.lookup(name, hash);
            }
        } else if (quoted && !m_mysql) {
            cls = m_fn.lookupExact(name, hash);
        } else {
            cls = m_fn.lookup(name, hash);
        }
        switch (cls) {
        case FunctionClass::ReadOnly:
            return;
        case FunctionClass::Unknown:
        case FunctionClass::Write:
            st.flags |= FlagUnknownFunction;
            break;
        case FunctionClass::Sequence:
            st.flags |= FlagSequence;
            break;
        case FunctionClass::PrimaryOnly:
            st.flags |= FlagPrimaryOnly;
            break;
        case FunctionClass::NamedLock:
            st.flags |= FlagNamedLock;
            break;
        case FunctionClass::NamedLockXact:
            st.flags |= FlagNamedLockXact;
            break;
        case FunctionClass::NamedUnlock:
            st.flags |= FlagNamedUnlock;
            break;
        case FunctionClass::NamedUnlockAll:
            st.flags |= FlagNamedUnlockAll;
            break;
        case FunctionClass::RelatesToPrevious:
            st.flags |= FlagRelatesToPrevious;
            break;
        case FunctionClass::SessionSetter:
            st.flags |= FlagSessionSetter;
            parseSetConfig();
            break;
        case FunctionClass::Notify:
            st.flags |= FlagNotify;
            break;
        case FunctionClass::ServerSpecific:
            st.flags |= FlagServerSpecific;
            break;
        }
        if (st.function.empty())
            st.function = name;
    }

    // set_config('name', 'value', is_local): track the settings that change lexing.
    void parseSetConfig()
    {
        // peek(0) is '('
        const Token &nameTok = peek(1);
        const std::string_view name = literalText(nameTok);
        if (nameTok.kind != TokenKind::String) {
            addEffect(EffectKind::StandardConformingStrings, -1); // could be anything
            return;
        }
        if (!equalsIgnoreCase(name, "standard_conforming_strings"))
            return;
        int value = -1;
        if (peek(2).kind == TokenKind::Comma && peek(3).kind == TokenKind::String)
            value = boolValue(literalText(peek(3)));
        if (peek(4).kind == TokenKind::Comma && !isKw(peek(5), Kw_FALSE)
            && !(peek(5).kind == TokenKind::String && boolValue(literalText(peek(5))) == 0))
            value = -1; // is_local true or an expression: only for this transaction, or unknown
        addEffect(EffectKind::StandardConformingStrings, value);
    }

    void handleVariable(StatementInfo &st, const Token &t)
    {
        if (peek().kind == TokenKind::Assign) {
            st.flags |= FlagUserVarAssign;
            addEffect(EffectKind::UserVariable, 0, nameOf(t));
            setDetail(st, t.text);
        } else {
            st.flags |= FlagUserVarRead;
        }
    }

    void handleSystemVariable(StatementInfo &st, const Token &t)
    {
        std::string_view name = t.text;
        const std::size_t dot = name.rfind('.');
        name = dot != std::string_view::npos ? name.substr(dot + 1) : name.substr(2);
        if (equalsIgnoreCase(name, "last_insert_id") || equalsIgnoreCase(name, "identity")
            || equalsIgnoreCase(name, "insert_id") || equalsIgnoreCase(name, "last_gtid")) {
            st.flags |= FlagPrimaryOnly;
            setDetail(st, t.text);
        } else if (equalsIgnoreCase(name, "warning_count") || equalsIgnoreCase(name, "error_count")) {
            st.flags |= FlagRelatesToPrevious;
            setDetail(st, t.text);
        } else {
            st.flags |= FlagSysVarRead;
        }
    }

    // ---- statement heads ---------------------------------------------------------------------
    void classifyStatement(StatementInfo &st)
    {
        Token t = take();
        int parens = 0;
        while (t.kind == TokenKind::LParen) {
            ++parens;
            t = take();
        }
        if (parens > 0) {
            if (isKw(t, Kw_SELECT) || isKw(t, Kw_WITH) || isKw(t, Kw_VALUES) || isKw(t, Kw_TABLE)) {
                readStatement(st, isKw(t, Kw_WITH) ? Command::With : Command::Select, parens, isKw(t, Kw_WITH));
            } else {
                unknown(st, t);
                ScanOptions o;
                o.depth = parens;
                scan(st, o);
            }
            return;
        }
        if (t.kind != TokenKind::Word) {
            unknown(st, t);
            return;
        }
        switch (t.keyword) {
        case Kw_SELECT: readStatement(st, Command::Select, 0, false); return;
        case Kw_WITH: readStatement(st, Command::With, 0, true); return;
        case Kw_TABLE: readStatement(st, Command::Table, 0, false); return;
        case Kw_VALUES: readStatement(st, Command::Values, 0, false); return;
        case Kw_SHOW: showStatement(st); return;
        case Kw_EXPLAIN:
        case Kw_DESCRIBE:
        case Kw_DESC: explainStatement(st, t); return;
        case Kw_ANALYZE:
        case Kw_ANALYSE: analyzeStatement(st); return;
        case Kw_HELP:
            if (m_mysql) {
                st.kind = StatementKind::Read;
                st.command = Command::Help;
                st.requirement = Requirement::Read;
                return;
            }
            unknown(st, t);
            return;
        case Kw_INSERT: dml(st, Command::Insert, true); return;
        case Kw_UPDATE: dml(st, Command::Update, false); return;
        case Kw_DELETE: dml(st, Command::Delete, false); return;
        case Kw_MERGE: dml(st, Command::Merge, true); return;
        case Kw_REPLACE:
            if (m_mysql) {
                dml(st, Command::Replace, true);
                return;
            }
            unknown(st, t);
            return;
        case Kw_LOAD: loadStatement(st); return;
        case Kw_COPY:
            if (!m_mysql) {
                copyStatement(st);
                return;
            }
            unknown(st, t);
            return;
        case Kw_TRUNCATE:
            st.kind = StatementKind::Write;
            st.command = Command::Truncate;
            st.flags |= FlagWrites;
            if (m_mysql)
                st.flags |= FlagImplicitCommit;
            setDetail(st, "TRUNCATE");
            return;
        case Kw_CREATE: createStatement(st); return;
        case Kw_ALTER: ddl(st, Command::Alter, true); return;
        case Kw_DROP: dropStatement(st); return;
        case Kw_RENAME: ddl(st, Command::Rename, true); return;
        case Kw_GRANT: ddl(st, Command::Grant, true); return;
        case Kw_REVOKE: ddl(st, Command::Revoke, true); return;
        case Kw_COMMENT:
            if (!m_mysql) {
                ddl(st, Command::Comment, false);
                return;
            }
            unknown(st, t);
            return;
        case Kw_SECURITY:
        case Kw_REASSIGN:
        case Kw_IMPORT: ddl(st, Command::Create, m_mysql); return;
        case Kw_REFRESH:
            st.kind = StatementKind::Write;
            st.command = Command::Refresh;
            st.flags |= FlagWrites;
            setDetail(st, "REFRESH");
            return;
        case Kw_VACUUM:
        case Kw_CLUSTER:
        case Kw_REINDEX:
        case Kw_CHECKPOINT:
        case Kw_OPTIMIZE:
        case Kw_REPAIR:
        case Kw_CHECK:
        case Kw_CHECKSUM:
        case Kw_CACHE:
            maintenance(st, t);
            return;
        case Kw_BEGIN: beginStatement(st); return;
        case Kw_START: startStatement(st, t); return;
        case Kw_COMMIT:
        case Kw_END: commitStatement(st, t, false); return;
        case Kw_ROLLBACK:
        case Kw_ABORT: commitStatement(st, t, true); return;
        case Kw_SAVEPOINT:
            st.kind = StatementKind::Transaction;
            st.command = Command::Savepoint;
            st.requirement = Requirement::Transaction;
            st.flags |= FlagSavepoint;
            return;
        case Kw_RELEASE:
            st.kind = StatementKind::Transaction;
            st.command = Command::Release;
            st.requirement = Requirement::Transaction;
            st.flags |= FlagSavepoint;
            return;
        case Kw_XA: xaStatement(st); return;
        case Kw_PREPARE: prepareStatement(st); return;
        case Kw_EXECUTE: executeStatement(st); return;
        case Kw_DEALLOCATE: deallocateStatement(st); return;
        case Kw_SET: setStatement(st); return;
        case Kw_RESET: resetStatement(st); return;
        case Kw_DISCARD:
            if (!m_mysql) {
                discardStatement(st);
                return;
            }
            unknown(st, t);
            return;
        case Kw_USE:
            if (m_mysql) {
                st.kind = StatementKind::Session;
                st.command = Command::Use;
                st.requirement = Requirement::All;
                st.object = takeQualifiedName();
                return;
            }
            unknown(st, t);
            return;
        case Kw_CALL:
            st.kind = StatementKind::Call;
            st.command = Command::Call;
            st.flags |= FlagCall;
            setDetail(st, "CALL");
            callArguments(st);
            return;
        case Kw_DO:
            st.kind = StatementKind::Write;
            st.command = Command::Do;
            st.flags |= m_mysql ? FlagWrites : FlagCall;
            setDetail(st, "DO");
            return;
        case Kw_LOCK: lockStatement(st); return;
        case Kw_UNLOCK: unlockStatement(st); return;
        case Kw_FLUSH: flushStatement(st); return;
        case Kw_BACKUP: backupStatement(st); return;
        case Kw_HANDLER:
            if (m_mysql) {
                handlerStatement(st);
                return;
            }
            unknown(st, t);
            return;
        case Kw_DECLARE:
            if (!m_mysql) {
                declareStatement(st);
                return;
            }
            unknown(st, t);
            return;
        case Kw_FETCH:
        case Kw_MOVE:
            if (!m_mysql) {
                fetchStatement(st, t.keyword == Kw_FETCH ? Command::Fetch : Command::Move);
                return;
            }
            unknown(st, t);
            return;
        case Kw_CLOSE:
            if (!m_mysql) {
                closeStatement(st);
                return;
            }
            unknown(st, t);
            return;
        case Kw_LISTEN:
        case Kw_UNLISTEN:
        case Kw_NOTIFY:
            if (!m_mysql) {
                notifyStatement(st, t.keyword);
                return;
            }
            unknown(st, t);
            return;
        case Kw_GET:
            if (m_mysql) {
                if (!acceptText("CURRENT"))
                    acceptText("STACKED");
                if (acceptText("DIAGNOSTICS")) {
                    st.kind = StatementKind::Read;
                    st.command = Command::GetDiagnostics;
                    st.requirement = Requirement::Read;
                    st.flags |= FlagRelatesToPrevious;
                    setDetail(st, "GET DIAGNOSTICS");
                    return;
                }
            }
            unknown(st, t);
            return;
        case Kw_KILL:
        case Kw_SHUTDOWN:
        case Kw_RESTART:
        case Kw_CLONE:
        case Kw_BINLOG:
        case Kw_PURGE:
        case Kw_CHANGE:
        case Kw_STOP:
        case Kw_INSTALL:
        case Kw_UNINSTALL:
        case Kw_SIGNAL:
        case Kw_RESIGNAL:
            admin(st, t);
            return;
        default:
            unknown(st, t);
            return;
        }
    }

    void unknown(StatementInfo &st, const Token &t)
    {
        st.kind = StatementKind::Unknown;
        st.command = Command::Unknown;
        st.requirement = Requirement::Primary;
        if (t.kind != TokenKind::End)
            setDetail(st, t.text);
    }

    void admin(StatementInfo &st, const Token &t)
    {
        st.kind = StatementKind::Admin;
        st.command = Command::Admin;
        st.requirement = Requirement::Primary;
        setDetail(st, t.text);
    }

    void maintenance(StatementInfo &st, const Token &t)
    {
        st.kind = StatementKind::Maintenance;
        st.command = Command::Maintenance;
        st.requirement = Requirement::Primary;
        st.flags |= FlagWrites;
        if (m_mysql)
            st.flags |= FlagImplicitCommit;
        setDetail(st, t.text);
    }

    void readStatement(StatementInfo &st, Command cmd, int depth, bool cte)
    {
        st.kind = StatementKind::Read;
        st.command = cmd;
        st.requirement = Requirement::Read;
        ScanOptions o;
        o.depth = depth;
        o.cteList = cte;
        scan(st, o);
    }

    void dml(StatementInfo &st, Command cmd, bool acceptInto)
    {
        st.kind = StatementKind::Write;
        st.command = cmd;
        st.requirement = Requirement::Primary;
        st.flags |= FlagWrites;
        setDetail(st, commandName(cmd));
        if (acceptInto)
            accept(Kw_INTO);
        scan(st, ScanOptions{});
    }

    void ddl(StatementInfo &st, Command cmd, bool implicitCommit)
    {
        st.kind = StatementKind::Ddl;
        st.command = cmd;
        st.requirement = Requirement::Primary;
        st.flags |= FlagWrites;
        if (implicitCommit && m_mysql)
            st.flags |= FlagImplicitCommit;
        setDetail(st, commandName(cmd));
        if (cmd == Command::Alter && peek().kind == TokenKind::Word && equalsIgnoreCase(peek().text, "system"))
            st.kind = StatementKind::Admin;
    }

    void showStatement(StatementInfo &st)
    {
        st.kind = StatementKind::Read;
        st.command = Command::Show;
        st.requirement = Requirement::Read;
        if (!m_mysql) {
            st.object = peek().text;
            return;
        }
        // SHOW [GLOBAL|SESSION] [FULL] <subject> ...
        bool global = false;
        bool session = false;
        if (accept(Kw_GLOBAL))
            global = true;
        else if (accept(Kw_SESSION) || accept(Kw_LOCAL))
            session = true;
        accept(Kw_FULL);
        const Token &a = peek();
        const Token &b = peek(1);
        st.object = a.text;
        auto primaryOnly = [&](std::string_view what) {
            st.flags |= FlagServerSpecific;
            setDetail(st, what);
        };
        if (isKw(a, Kw_MASTER) && (isKw(b, Kw_STATUS) || isKw(b, Kw_LOGS))) {
            primaryOnly("SHOW MASTER STATUS");
        } else if (isKw(a, Kw_BINARY) && (isKw(b, Kw_LOGS) || equalsIgnoreCase(b.text, "log"))) {
            primaryOnly("SHOW BINARY LOG STATUS");
        } else if (isKw(a, Kw_BINLOG) || isKw(a, Kw_RELAYLOG) || isKw(a, Kw_REPLICAS) || isKw(a, Kw_REPLICA)
                   || isKw(a, Kw_SLAVE) || isKw(a, Kw_ALL) || isKw(a, Kw_PROCESSLIST) || isKw(a, Kw_ENGINE)
                   || (isKw(a, Kw_OPEN) && isKw(b, Kw_TABLES)) || isKw(a, Kw_EXPLAIN)
                   || equalsIgnoreCase(a.text, "mutex")) {
            primaryOnly("server-specific SHOW");
        } else if (isKw(a, Kw_WARNINGS) || isKw(a, Kw_ERRORS) || isKw(a, Kw_COUNT) || isKw(a, Kw_PROFILE)
                   || isKw(a, Kw_PROFILES)) {
            st.flags |= FlagRelatesToPrevious;
            setDetail(st, "SHOW WARNINGS");
            if (isKw(a, Kw_COUNT)) {
                // SHOW COUNT(*) WARNINGS: not a function call; skip "count(*)".
                take();
                if (peek().kind == TokenKind::LParen) {
                    take();
                    while (!isStop(peek()) && peek().kind != TokenKind::RParen)
                        take();
                    if (peek().kind == TokenKind::RParen)
                        take();
                }
            }
        } else if (isKw(a, Kw_STATUS) || isKw(a, Kw_VARIABLES)) {
            if (global && isKw(a, Kw_STATUS))
                primaryOnly("SHOW GLOBAL STATUS");
            else if (isKw(a, Kw_STATUS)) {
                st.flags |= FlagRelatesToPrevious;
                setDetail(st, session ? "SHOW SESSION STATUS" : "SHOW STATUS");
            }
        }
        scan(st, ScanOptions{});
    }

    static bool startsStatement(const Token &t)
    {
        if (t.kind == TokenKind::LParen)
            return true;
        switch (t.keyword) {
        case Kw_SELECT:
        case Kw_WITH:
        case Kw_INSERT:
        case Kw_UPDATE:
        case Kw_DELETE:
        case Kw_REPLACE:
        case Kw_MERGE:
        case Kw_TABLE:
        case Kw_VALUES:
        case Kw_EXECUTE:
        case Kw_DECLARE:
        case Kw_CREATE:
            return t.kind == TokenKind::Word;
        default:
            return false;
        }
    }

    // EXPLAIN / DESCRIBE / DESC
    void explainStatement(StatementInfo &st, const Token &head)
    {
        bool analyze = false;
        if (m_mysql) {
            // EXPLAIN [ANALYZE] [FORMAT = x] [EXTENDED|PARTITIONS] stmt | EXPLAIN tbl [col] | EXPLAIN FOR CONNECTION n
            for (int guard = 0; guard < 8; ++guard) {
                if (accept(Kw_ANALYZE)) {
                    analyze = true;
                } else if (isKw(peek(), Kw_FORMAT) && peek(1).kind == TokenKind::Equals) {
                    take();
                    take();
                    take();
                } else if (acceptText("EXTENDED") || acceptText("PARTITIONS")) {
                } else {
                    break;
                }
            }
            if (isKw(peek(), Kw_FOR) && isKw(peek(1), Kw_CONNECTION)) {
                st.kind = StatementKind::Read;
                st.command = Command::Explain;
                st.flags |= FlagServerSpecific;
                setDetail(st, "EXPLAIN FOR CONNECTION");
                return;
            }
        } else {
            // EXPLAIN [ANALYZE] [VERBOSE] stmt | EXPLAIN ( option [value] [, ...] ) stmt
            if (peek().kind == TokenKind::LParen) {
                take();
                while (!isStop(peek()) && peek().kind != TokenKind::RParen) {
                    Token o = take();
                    if (isKw(o, Kw_ANALYZE) || isKw(o, Kw_ANALYSE)) {
                        const Token &v = peek();
                        if (isKw(v, Kw_FALSE) || isKw(v, Kw_OFF)
                            || (v.kind == TokenKind::Number && v.text == "0")
                            || (v.kind == TokenKind::String && boolValue(literalText(v)) == 0))
                            analyze = false;
                        else
                            analyze = true;
                    }
                }
                if (peek().kind == TokenKind::RParen)
                    take();
            } else {
                for (int guard = 0; guard < 4; ++guard) {
                    if (accept(Kw_ANALYZE) || accept(Kw_ANALYSE))
                        analyze = true;
                    else if (!acceptText("VERBOSE"))
                        break;
                }
            }
        }
        if (!startsStatement(peek())) {
            // DESCRIBE table: reads the table definition.
            st.kind = StatementKind::Read;
            st.command = Command::Describe;
            st.requirement = Requirement::Read;
            st.object = peek().text;
            scan(st, ScanOptions{});
            return;
        }
        if (analyze) {
            // It runs the statement: classify it as what it is.
            classifyStatement(st);
            st.flags |= FlagExecutesInner;
            setDetail(st, head.text);
            return;
        }
        // Planned, not executed: whatever the inner statement would do, it does not happen.
        StatementInfo inner;
        const std::size_t effects = m_out.effects.size();
        classifyStatement(inner);
        if (!isStop(peek()))
            scan(inner, ScanOptions{});
        m_out.effects.resize(effects);
        st.kind = StatementKind::Read;
        st.command = Command::Explain;
        st.requirement = Requirement::Read;
        st.flags |= FlagNoExecute | (inner.flags & FlagCompound);
        if (inner.flags & FlagCompound)
            st.requirement = Requirement::Primary;
    }

    void analyzeStatement(StatementInfo &st)
    {
        if (m_mysql) {
            // MariaDB: ANALYZE [FORMAT=JSON] stmt runs the statement. Otherwise ANALYZE TABLE.
            if (isKw(peek(), Kw_FORMAT) && peek(1).kind == TokenKind::Equals) {
                take();
                take();
                take();
            }
            // ANALYZE TABLE t is maintenance, not ANALYZE of a TABLE statement.
            if (startsStatement(peek()) && !isKw(peek(), Kw_TABLE)) {
                classifyStatement(st);
                st.flags |= FlagExecutesInner;
                setDetail(st, "ANALYZE");
                return;
            }
        }
        Token head;
        head.text = "ANALYZE";
        maintenance(st, head);
    }

    void loadStatement(StatementInfo &st)
    {
        if (m_mysql) {
            if (isKw(peek(), Kw_INDEX)) {
                Token t;
                t.text = "LOAD INDEX";
                maintenance(st, t);
                return;
            }
            st.kind = StatementKind::Write;
            st.command = Command::LoadData;
            st.flags |= FlagWrites;
            setDetail(st, "LOAD DATA");
            return;
        }
        Token t;
        t.text = "LOAD";
        admin(st, t); // PostgreSQL LOAD 'library'
    }

    // COPY table [(cols)] FROM ... | COPY table TO ... | COPY (query) TO ...
    void copyStatement(StatementInfo &st)
    {
        st.command = Command::Copy;
        if (peek().kind == TokenKind::LParen) {
            take();
            // The inner query: classify its flags (a DELETE ... RETURNING here writes).
            StatementInfo inner;
            const Token first = peek();
            if (startsStatement(first)) {
                ScanOptions o;
                o.stopAtCloseParen = true;
                o.cteList = isKw(first, Kw_WITH);
                Token head = take();
                if (isKw(head, Kw_INSERT) || isKw(head, Kw_UPDATE) || isKw(head, Kw_DELETE) || isKw(head, Kw_MERGE)) {
                    inner.flags |= FlagWrites;
                    setDetail(inner, head.text);
                }
                scan(inner, o);
            } else {
                inner.flags |= FlagUnknownFunction;
                setDetail(inner, "COPY (...)");
                ScanOptions o;
                o.stopAtCloseParen = true;
                scan(inner, o);
            }
            if (peek().kind == TokenKind::RParen)
                take();
            st.flags |= inner.flags;
            setDetail(st, inner.detail);
        } else {
            takeQualifiedName();
            if (peek().kind == TokenKind::LParen) {
                ScanOptions o;
                take();
                o.stopAtCloseParen = true;
                scan(st, o);
                if (peek().kind == TokenKind::RParen)
                    take();
            }
        }
        if (accept(Kw_FROM)) {
            st.kind = StatementKind::Write;
            st.flags |= FlagWrites;
            setDetail(st, "COPY FROM");
            st.requirement = Requirement::Primary;
            return;
        }
        if (accept(Kw_TO)) {
            if (accept(Kw_STDOUT)) {
                st.kind = (st.flags & (FlagWrites | FlagDataModifyingCte)) ? StatementKind::Write : StatementKind::Read;
                st.requirement = Requirement::Read;
                return;
            }
            st.kind = StatementKind::Write;
            st.flags |= FlagWrites;
            setDetail(st, "COPY TO a server file or program");
            st.requirement = Requirement::Primary;
            return;
        }
        st.kind = StatementKind::Unknown;
        st.requirement = Requirement::Primary;
        setDetail(st, "COPY");
    }

    void createStatement(StatementInfo &st)
    {
        st.kind = StatementKind::Ddl;
        st.command = Command::Create;
        st.requirement = Requirement::Primary;
        st.flags |= FlagWrites;
        setDetail(st, "CREATE");
        bool temp = false;
        bool unlogged = false;
        // Walk the modifiers up to the object type (bounded: DEFINER clauses are short).
        for (int guard = 0; guard < 24; ++guard) {
            const Token &t = peek();
            if (isStop(t))
                return;
            if (isKw(t, Kw_TEMP) || isKw(t, Kw_TEMPORARY)) {
                temp = true;
                take();
                continue;
            }
            if (isKw(t, Kw_UNLOGGED)) {
                unlogged = true;
                take();
                continue;
            }
            if (isKw(t, Kw_TABLE) || isKw(t, Kw_VIEW) || isKw(t, Kw_SEQUENCE)) {
                take();
                if (isKw(peek(), Kw_IF)) {
                    take();
                    accept(Kw_NOT);
                    accept(Kw_EXISTS);
                }
                if (temp || unlogged) {
                    std::string_view name = takeQualifiedName();
                    if (!name.empty()) {
                        st.flags |= FlagCreatesTemp;
                        addEffect(EffectKind::TempCreate, 0, name);
                    }
                }
                if (m_mysql && !temp)
                    st.flags |= FlagImplicitCommit;
                return;
            }
            if (isKw(t, Kw_PROCEDURE) || isKw(t, Kw_FUNCTION) || isKw(t, Kw_TRIGGER) || isKw(t, Kw_EVENT)
                || equalsIgnoreCase(t.text, "package")) {
                // The body may hold ';'-separated statements: keep the rest as one statement.
                st.flags |= FlagCompound;
                if (m_mysql)
                    st.flags |= FlagImplicitCommit;
                if (m_mysql || !isKw(t, Kw_TRIGGER))
                    swallowAll();
                return;
            }
            if (t.kind == TokenKind::LParen || t.kind == TokenKind::String || t.kind == TokenKind::Number)
                break;
            take();
        }
        if (m_mysql)
            st.flags |= FlagImplicitCommit;
    }

    void dropStatement(StatementInfo &st)
    {
        st.kind = StatementKind::Ddl;
        st.command = Command::Drop;
        st.requirement = Requirement::Primary;
        st.flags |= FlagWrites;
        setDetail(st, "DROP");
        if (m_mysql && isKw(peek(), Kw_PREPARE)) {
            take();
            st.kind = StatementKind::Deallocate;
            st.command = Command::Deallocate;
            st.flags &= ~FlagWrites;
            st.detail = {};
            st.requirement = Requirement::All;
            st.object = nameOf(peek());
            addEffect(EffectKind::Deallocate, 0, st.object);
            return;
        }
        bool temp = false;
        if (accept(Kw_TEMPORARY) || accept(Kw_TEMP))
            temp = true;
        if (isKw(peek(), Kw_TABLE) || isKw(peek(), Kw_VIEW) || isKw(peek(), Kw_SEQUENCE)
            || (isKw(peek(), Kw_MATERIALIZED) && isKw(peek(1), Kw_VIEW))) {
            accept(Kw_MATERIALIZED);
            take();
            if (isKw(peek(), Kw_IF) && isKw(peek(1), Kw_EXISTS)) {
                take();
                take();
            }
            st.flags |= FlagDropsTable;
            for (;;) {
                std::string_view name = takeQualifiedName();
                if (name.empty())
                    break;
                addEffect(EffectKind::TableDrop, 0, name);
                if (peek().kind != TokenKind::Comma)
                    break;
                take();
            }
        }
        if (m_mysql && !temp)
            st.flags |= FlagImplicitCommit;
    }

    void transactionModes(StatementInfo &st)
    {
        // ISOLATION LEVEL x | READ WRITE | READ ONLY | [NOT] DEFERRABLE | WITH CONSISTENT [engine] SNAPSHOT
        for (int guard = 0; guard < 16; ++guard) {
            if (accept(Kw_ISOLATION)) {
                accept(Kw_LEVEL);
                if (accept(Kw_SERIALIZABLE)) {
                    st.tx.isolation = Isolation::Serializable;
                } else if (accept(Kw_REPEATABLE)) {
                    accept(Kw_READ);
                    st.tx.isolation = Isolation::RepeatableRead;
                } else if (accept(Kw_READ)) {
                    if (accept(Kw_COMMITTED))
                        st.tx.isolation = Isolation::ReadCommitted;
                    else if (accept(Kw_UNCOMMITTED))
                        st.tx.isolation = Isolation::ReadUncommitted;
                }
            } else if (isKw(peek(), Kw_READ) && isKw(peek(1), Kw_ONLY)) {
                take();
                take();
                st.tx.access = TxAccess::ReadOnly;
            } else if (isKw(peek(), Kw_READ) && isKw(peek(1), Kw_WRITE)) {
                take();
                take();
                st.tx.access = TxAccess::ReadWrite;
            } else if (accept(Kw_DEFERRABLE)) {
                st.tx.deferrable = true;
            } else if (isKw(peek(), Kw_NOT) && isKw(peek(1), Kw_DEFERRABLE)) {
                take();
                take();
            } else if (isKw(peek(), Kw_WITH) && isKw(peek(1), Kw_CONSISTENT)) {
                take();
                take();
                if (!isKw(peek(), Kw_SNAPSHOT))
                    take(); // engine name
                accept(Kw_SNAPSHOT);
                st.tx.consistentSnapshot = true;
            } else if (peek().kind == TokenKind::Comma) {
                take();
            } else {
                break;
            }
        }
    }

    void startTransaction(StatementInfo &st)
    {
        st.kind = StatementKind::Transaction;
        st.command = Command::Begin;
        st.requirement = Requirement::Transaction;
        st.flags |= FlagStartsTransaction;
        if (m_mysql)
            st.flags |= FlagImplicitCommit;
        transactionModes(st);
    }

    void beginStatement(StatementInfo &st)
    {
        if (m_dialect == Dialect::MariaDB && isKw(peek(), Kw_NOT) && isKw(peek(1), Kw_ATOMIC)) {
            // An anonymous compound statement: side effects are unknowable.
            st.kind = StatementKind::Call;
            st.command = Command::Call;
            st.flags |= FlagCall | FlagCompound;
            setDetail(st, "BEGIN NOT ATOMIC");
            swallowAll();
            return;
        }
        accept(Kw_WORK) || accept(Kw_TRANSACTION);
        startTransaction(st);
    }

    void startStatement(StatementInfo &st, const Token &t)
    {
        if (accept(Kw_TRANSACTION)) {
            startTransaction(st);
            return;
        }
        admin(st, t); // START SLAVE / REPLICA / GROUP_REPLICATION
    }

    void commitStatement(StatementInfo &st, const Token &t, bool rollback)
    {
        st.kind = StatementKind::Transaction;
        st.command = rollback ? Command::Rollback : Command::Commit;
        st.requirement = Requirement::Transaction;
        if (!m_mysql && isKw(peek(), Kw_PREPARED)) {
            take();
            st.command = Command::CommitPrepared;
            st.requirement = Requirement::Primary;
            setDetail(st, rollback ? "ROLLBACK PREPARED" : "COMMIT PREPARED");
            return;
        }
        accept(Kw_WORK) || accept(Kw_TRANSACTION);
        if (rollback && isKw(peek(), Kw_TO)) {
            take();
            accept(Kw_SAVEPOINT);
            st.command = Command::Savepoint;
            st.flags |= FlagSavepoint;
            return;
        }
        st.flags |= rollback ? FlagRollsBackTransaction : FlagCommitsTransaction;
        if (isKw(peek(), Kw_AND)) {
            take();
            if (accept(Kw_NO)) {
                accept(Kw_CHAIN);
            } else if (accept(Kw_CHAIN)) {
                st.flags |= FlagChain;
            }
        }
        (void)t;
    }

    void xaStatement(StatementInfo &st)
    {
        st.kind = StatementKind::Transaction;
        st.command = Command::Xa;
        st.requirement = Requirement::Primary;
        setDetail(st, "XA");
        if (accept(Kw_START) || accept(Kw_BEGIN))
            st.flags |= FlagStartsTransaction | FlagImplicitCommit;
        else if (accept(Kw_COMMIT))
            st.flags |= FlagCommitsTransaction;
        else if (accept(Kw_ROLLBACK))
            st.flags |= FlagRollsBackTransaction;
    }

    void prepareStatement(StatementInfo &st)
    {
        if (!m_mysql && isKw(peek(), Kw_TRANSACTION)) {
            take();
            st.kind = StatementKind::Transaction;
            st.command = Command::PrepareTransaction;
            st.requirement = Requirement::Transaction;
            st.flags |= FlagCommitsTransaction;
            return;
        }
        st.kind = StatementKind::Prepare;
        st.command = Command::Prepare;
        st.requirement = Requirement::All;
        if (!isName(peek())) {
            st.requirement = Requirement::Primary;
            return;
        }
        st.object = nameOf(take());
        if (m_mysql) {
            // PREPARE name FROM 'text' | @var
            if (!accept(Kw_FROM)) {
                st.requirement = Requirement::Primary;
                return;
            }
            std::string_view body;
            if (peek().kind == TokenKind::String && isStop(peek(1)))
                body = take().text;
            addEffect(EffectKind::Prepare, 0, st.object, body);
            // anything else (a user variable): the body is unknown, EXECUTE goes to the primary
            return;
        }
        // PREPARE name [(types)] AS statement
        if (peek().kind == TokenKind::LParen) {
            int depth = 0;
            while (!isStop(peek())) {
                Token t = take();
                if (t.kind == TokenKind::LParen)
                    ++depth;
                else if (t.kind == TokenKind::RParen && --depth == 0)
                    break;
            }
        }
        if (!accept(Kw_AS)) {
            st.requirement = Requirement::Primary;
            return;
        }
        const Token &first = peek();
        const std::size_t bodyStart = m_s.offsetOf(first);
        // The body ends where this statement ends; skip its tokens without interpreting them.
        StatementInfo inner;
        const std::size_t effects = m_out.effects.size();
        if (!isStop(first)) {
            classifyStatement(inner);
            if (!isStop(peek()))
                scan(inner, ScanOptions{});
        }
        m_out.effects.resize(effects);
        const std::size_t bodyEnd = m_s.lastEnd();
        std::string_view body = bodyEnd > bodyStart ? m_sql.substr(bodyStart, bodyEnd - bodyStart) : std::string_view();
        addEffect(EffectKind::Prepare, 1, st.object, body);
    }

    void executeStatement(StatementInfo &st)
    {
        st.kind = StatementKind::Execute;
        st.command = Command::Execute;
        st.requirement = Requirement::Execute;
        if (!isName(peek())) {
            st.requirement = Requirement::Primary;
            return;
        }
        st.object = nameOf(take());
        // Arguments: EXECUTE name(args) / EXECUTE name USING @a, @b: their functions count.
        scan(st, ScanOptions{});
    }

    void deallocateStatement(StatementInfo &st)
    {
        st.kind = StatementKind::Deallocate;
        st.command = Command::Deallocate;
        st.requirement = Requirement::All;
        accept(Kw_PREPARE);
        if (accept(Kw_ALL)) {
            addEffect(EffectKind::Deallocate, 0);
            return;
        }
        if (isName(peek())) {
            st.object = nameOf(take());
            addEffect(EffectKind::Deallocate, 0, st.object);
        }
    }

    void callArguments(StatementInfo &st)
    {
        takeQualifiedName();
        // OUT parameters assign user variables on the primary: CALL p(@x).
        while (!isStop(peek())) {
            Token t = take();
            if (t.kind == TokenKind::Variable) {
                st.flags |= FlagUserVarAssign;
                addEffect(EffectKind::UserVariable, 0, nameOf(t));
            }
        }
    }

    // ---- SET -------------------------------------------------------------------------------
    void setStatement(StatementInfo &st)
    {
        st.kind = StatementKind::Session;
        st.command = Command::Set;
        st.requirement = Requirement::All;
        if (m_mysql)
            setMySql(st);
        else
            setPostgres(st);
    }

    void setMySql(StatementInfo &st)
    {
        // SET [scope] TRANSACTION ...
        Keyword scope = KwNone;
        if (isKw(peek(), Kw_GLOBAL) || isKw(peek(), Kw_SESSION) || isKw(peek(), Kw_LOCAL)
            || isKw(peek(), Kw_PERSIST) || isKw(peek(), Kw_PERSIST_ONLY)) {
            if (isKw(peek(1), Kw_TRANSACTION)) {
                scope = static_cast<Keyword>(take().keyword);
            }
        }
        if (accept(Kw_TRANSACTION)) {
            st.kind = StatementKind::Transaction;
            st.command = Command::SetTransaction;
            transactionModes(st);
            if (scope == Kw_GLOBAL || scope == Kw_PERSIST || scope == Kw_PERSIST_ONLY) {
                st.kind = StatementKind::Admin;
                st.flags |= FlagGlobalScope;
                setDetail(st, "SET GLOBAL TRANSACTION");
                return;
            }
            if (scope == KwNone) {
                // Only the next transaction: it will start on the primary, where this runs.
                st.flags |= FlagNextTransaction;
                st.requirement = Requirement::Primary;
                if (st.tx.access != TxAccess::Default)
                    addEffect(EffectKind::NextAccess, static_cast<int>(st.tx.access));
                if (st.tx.isolation != Isolation::Default)
                    addEffect(EffectKind::NextIsolation, static_cast<int>(st.tx.isolation));
                setDetail(st, "SET TRANSACTION");
                return;
            }
            if (st.tx.access != TxAccess::Default)
                addEffect(EffectKind::SessionAccess, static_cast<int>(st.tx.access));
            if (st.tx.isolation != Isolation::Default)
                addEffect(EffectKind::SessionIsolation, static_cast<int>(st.tx.isolation));
            return;
        }
        if (accept(Kw_NAMES)) {
            if (isName(peek()) || peek().kind == TokenKind::String) {
                Token cs = take();
                addEffect(EffectKind::CharacterSet, 0, {}, cs.kind == TokenKind::String ? literalText(cs) : cs.text);
            }
            scan(st, ScanOptions{});
            return;
        }
        if ((isKw(peek(), Kw_CHARACTER) && isKw(peek(1), Kw_SET)) || isKw(peek(), Kw_CHARSET)) {
            if (accept(Kw_CHARACTER))
                take();
            else
                take();
            if (isName(peek()) || peek().kind == TokenKind::String) {
                Token cs = take();
                addEffect(EffectKind::CharacterSet, 0, {}, cs.kind == TokenKind::String ? literalText(cs) : cs.text);
            }
            return;
        }
        if (isKw(peek(), Kw_PASSWORD) && (peek(1).kind == TokenKind::Equals || isKw(peek(1), Kw_FOR))) {
            st.kind = StatementKind::Ddl;
            st.requirement = Requirement::Primary;
            st.flags |= FlagWrites;
            setDetail(st, "SET PASSWORD");
            return;
        }
        if (isKw(peek(), Kw_DEFAULT) && isKw(peek(1), Kw_ROLE)) {
            st.kind = StatementKind::Ddl;
            st.requirement = Requirement::Primary;
            st.flags |= FlagWrites;
            setDetail(st, "SET DEFAULT ROLE");
            return;
        }
        if (isKw(peek(), Kw_ROLE)) {
            scan(st, ScanOptions{});
            return;
        }
        if (isKw(peek(), Kw_RESOURCE)) {
            st.kind = StatementKind::Admin;
            st.requirement = Requirement::Primary;
            setDetail(st, "SET RESOURCE GROUP");
            return;
        }
        if (isKw(peek(), Kw_STATEMENT) && m_dialect == Dialect::MariaDB) {
            // SET STATEMENT var=value [, ...] FOR statement: the settings last one statement.
            take();
            const std::size_t effects = m_out.effects.size();
            StatementInfo settings;
            assignments(settings, true);
            m_out.effects.resize(effects);
            if (!accept(Kw_FOR)) {
                st.requirement = Requirement::Primary;
                return;
            }
            StatementInfo inner;
            classifyStatement(inner);
            inner.flags |= settings.flags & (kPrimaryFlags & ~FlagUserVarAssign);
            setDetail(inner, settings.detail);
            const std::uint32_t keepFirst = st.firstEffect;
            st = inner;
            st.firstEffect = keepFirst;
            return;
        }
        assignments(st);
    }

    // var = expr [, var = expr ...] for MySQL SET.
    void assignments(StatementInfo &st, bool stopAtFor = false)
    {
        Keyword scope = Kw_SESSION;
        for (int guard = 0; guard < 4096; ++guard) {
            if (isKw(peek(), Kw_GLOBAL) || isKw(peek(), Kw_SESSION) || isKw(peek(), Kw_LOCAL)
                || isKw(peek(), Kw_PERSIST) || isKw(peek(), Kw_PERSIST_ONLY)) {
                const Token s = take();
                scope = s.keyword == Kw_LOCAL ? Kw_SESSION : static_cast<Keyword>(s.keyword);
            }
            const Token target = peek();
            bool userVar = false;
            Keyword varScope = scope;
            std::string_view name;
            if (target.kind == TokenKind::Variable) {
                userVar = true;
                name = nameOf(target);
                take();
            } else if (target.kind == TokenKind::SystemVariable) {
                take();
                std::string_view text = target.text.substr(2);
                if (text.size() > 7 && equalsIgnoreCase(text.substr(0, 7), "global."))
                    varScope = Kw_GLOBAL;
                else if (text.size() > 8 && equalsIgnoreCase(text.substr(0, 8), "persist."))
                    varScope = Kw_PERSIST;
                else if (text.size() > 13 && equalsIgnoreCase(text.substr(0, 13), "persist_only."))
                    varScope = Kw_PERSIST;
                else if (text.size() > 8 && equalsIgnoreCase(text.substr(0, 8), "session."))
                    varScope = Kw_SESSION;
                else if (text.size() > 6 && equalsIgnoreCase(text.substr(0, 6), "local."))
                    varScope = Kw_SESSION;
                const std::size_t dot = text.rfind('.');
                name = dot == std::string_view::npos ? text : text.substr(dot + 1);
            } else if (isName(target)) {
                take();
                name = nameOf(target);
                // a component variable: component.name
                while (peek().kind == TokenKind::Dot && isName(peek(1))) {
                    take();
                    name = nameOf(take());
                }
            } else {
                st.requirement = Requirement::Primary;
                st.kind = StatementKind::Unknown;
                setDetail(st, "SET");
                return;
            }
            if (peek().kind != TokenKind::Equals && peek().kind != TokenKind::Assign) {
                st.requirement = Requirement::Primary;
                st.kind = StatementKind::Unknown;
                setDetail(st, "SET");
                return;
            }
            take();
            const std::uint64_t before = st.flags;
            ScanOptions o;
            o.stopAtComma = true;
            o.stopAtFor = stopAtFor;
            const Token valueFirst = peek();
            ScanResult r = scan(st, o);
            const bool simple = r.tokens == 1;
            const Token &v = valueFirst;
            (void)before;
            if (userVar) {
                st.flags |= FlagUserVarAssign;
                addEffect(EffectKind::UserVariable, 0, name);
            } else if (varScope == Kw_GLOBAL || varScope == Kw_PERSIST || varScope == Kw_PERSIST_ONLY) {
                st.flags |= FlagGlobalScope;
                st.kind = StatementKind::Admin;
                setDetail(st, "SET GLOBAL");
            } else {
                sessionVariable(name, simple, v);
            }
            if (peek().kind == TokenKind::Comma) {
                take();
                continue;
            }
            return;
        }
    }

    // The value of a simple SET: a word, number or string; nullopt-ish -1 when complex.
    static std::string_view simpleText(bool simple, const Token &v)
    {
        if (!simple)
            return {};
        if (v.kind == TokenKind::String)
            return literalText(v);
        if (v.kind == TokenKind::Word || v.kind == TokenKind::Number)
            return v.text;
        return {};
    }

    void sessionVariable(std::string_view name, bool simple, const Token &v)
    {
        const std::string_view text = simpleText(simple, v);
        const bool isDefault = simple && isKw(v, Kw_DEFAULT);
        if (equalsIgnoreCase(name, "autocommit")) {
            int b = isDefault ? 1 : (text.empty() ? -1 : boolValue(text));
            addEffect(EffectKind::Autocommit, b);
        } else if (equalsIgnoreCase(name, "sql_mode")) {
            if (isDefault)
                addEffect(EffectKind::SqlMode, 2);
            else if (simple && (v.kind == TokenKind::String || v.kind == TokenKind::Word))
                addEffect(EffectKind::SqlMode, 0, {}, text);
            else
                addEffect(EffectKind::SqlMode, -1);
        } else if (equalsIgnoreCase(name, "transaction_read_only") || equalsIgnoreCase(name, "tx_read_only")) {
            int b = isDefault ? 0 : (text.empty() ? -1 : boolValue(text));
            addEffect(EffectKind::SessionAccess,
                      b < 0 ? -1 : static_cast<int>(b == 1 ? TxAccess::ReadOnly : TxAccess::ReadWrite));
        } else if (equalsIgnoreCase(name, "transaction_isolation") || equalsIgnoreCase(name, "tx_isolation")) {
            if (isDefault) {
                addEffect(EffectKind::SessionIsolation, static_cast<int>(Isolation::Default));
            } else {
                Isolation i = isolationFromText(text);
                addEffect(EffectKind::SessionIsolation, i == Isolation::Default ? -1 : static_cast<int>(i));
            }
        } else if (equalsIgnoreCase(name, "character_set_client") || equalsIgnoreCase(name, "names")) {
            addEffect(EffectKind::CharacterSet, text.empty() ? -1 : 0, {}, text);
        }
    }

    void setPostgres(StatementInfo &st)
    {
        bool local = false;
        if (accept(Kw_LOCAL))
            local = true;
        else if (isKw(peek(), Kw_SESSION) && !isKw(peek(1), Kw_CHARACTERISTICS)
                 && !isKw(peek(1), Kw_AUTHORIZATION) && peek(1).kind != TokenKind::Equals && !isKw(peek(1), Kw_TO))
            take();
        if (local)
            st.flags |= FlagTransactionScoped;
        if (accept(Kw_TRANSACTION)) {
            st.kind = StatementKind::Transaction;
            st.command = Command::SetTransaction;
            st.requirement = Requirement::Transaction;
            st.flags |= FlagTransactionScoped;
            if (acceptText("SNAPSHOT")) {
                scan(st, ScanOptions{});
                return;
            }
            transactionModes(st);
            if (st.tx.access != TxAccess::Default)
                addEffect(EffectKind::CurrentAccess, static_cast<int>(st.tx.access));
            if (st.tx.isolation != Isolation::Default)
                addEffect(EffectKind::CurrentIsolation, static_cast<int>(st.tx.isolation));
            return;
        }
        if (isKw(peek(), Kw_SESSION) && isKw(peek(1), Kw_CHARACTERISTICS)) {
            take();
            take();
            accept(Kw_AS);
            accept(Kw_TRANSACTION);
            transactionModes(st);
            if (st.tx.access != TxAccess::Default)
                addEffect(EffectKind::SessionAccess, static_cast<int>(st.tx.access));
            if (st.tx.isolation != Isolation::Default)
                addEffect(EffectKind::SessionIsolation, static_cast<int>(st.tx.isolation));
            if (st.tx.access == TxAccess::ReadWrite || st.tx.isolation == Isolation::Serializable) {
                // A standby refuses these (or they only matter on the primary).
                st.requirement = Requirement::Primary;
                setDetail(st, "SET SESSION CHARACTERISTICS");
            }
            return;
        }
        if (isKw(peek(), Kw_CONSTRAINTS)) {
            st.flags |= FlagTransactionScoped;
            st.kind = StatementKind::Transaction;
            st.requirement = Requirement::Transaction;
            scan(st, ScanOptions{});
            return;
        }
        // SET name {TO|=} value [, ...] | SET TIME ZONE ... | SET ROLE ... | SET SCHEMA ...
        if (!isName(peek())) {
            st.kind = StatementKind::Unknown;
            st.requirement = Requirement::Primary;
            setDetail(st, "SET");
            return;
        }
        std::string_view name = nameOf(take());
        while (peek().kind == TokenKind::Dot && isName(peek(1))) { // custom.option
            take();
            take();
            name = {};
        }
        if (peek().kind == TokenKind::Equals || isKw(peek(), Kw_TO))
            take();
        const Token v = peek();
        ScanResult r = scan(st, ScanOptions{});
        const bool simple = r.tokens == 1;
        const std::string_view text = simpleText(simple, v);
        const bool isDefault = simple && isKw(v, Kw_DEFAULT);
        if (equalsIgnoreCase(name, "standard_conforming_strings")) {
            int b = isDefault ? 2 : (text.empty() ? -1 : boolValue(text));
            if (local)
                b = -1;
            addEffect(EffectKind::StandardConformingStrings, b);
        } else if (equalsIgnoreCase(name, "default_transaction_read_only")) {
            int b = isDefault ? 0 : (text.empty() ? -1 : boolValue(text));
            if (local)
                return;
            addEffect(EffectKind::SessionAccess,
                      b < 0 ? -1 : static_cast<int>(b == 1 ? TxAccess::ReadOnly : TxAccess::ReadWrite));
            if (b != 1) {
                st.requirement = Requirement::Primary;
                setDetail(st, "default_transaction_read_only");
            }
        } else if (equalsIgnoreCase(name, "default_transaction_isolation")) {
            if (local)
                return;
            Isolation i = isDefault ? Isolation::Default : isolationFromText(text);
            addEffect(EffectKind::SessionIsolation, (!isDefault && i == Isolation::Default) ? -1 : static_cast<int>(i));
            if (i == Isolation::Serializable || (!isDefault && i == Isolation::Default)) {
                st.requirement = Requirement::Primary;
                setDetail(st, "default_transaction_isolation");
            }
        } else if (equalsIgnoreCase(name, "transaction_read_only")) {
            int b = text.empty() ? -1 : boolValue(text);
            st.flags |= FlagTransactionScoped;
            st.kind = StatementKind::Transaction;
            st.requirement = Requirement::Transaction;
            addEffect(EffectKind::CurrentAccess,
                      b < 0 ? -1 : static_cast<int>(b == 1 ? TxAccess::ReadOnly : TxAccess::ReadWrite));
            if (b != 1)
                setDetail(st, "transaction_read_only");
        } else if (equalsIgnoreCase(name, "transaction_isolation")) {
            st.flags |= FlagTransactionScoped;
            st.kind = StatementKind::Transaction;
            st.requirement = Requirement::Transaction;
            Isolation i = isolationFromText(text);
            addEffect(EffectKind::CurrentIsolation, i == Isolation::Default ? -1 : static_cast<int>(i));
        } else if (equalsIgnoreCase(name, "client_encoding") || equalsIgnoreCase(name, "names")) {
            addEffect(EffectKind::CharacterSet, text.empty() ? -1 : 0, {}, text);
        }
    }

    void resetStatement(StatementInfo &st)
    {
        if (m_mysql) {
            // RESET MASTER / SLAVE / REPLICA / QUERY CACHE / PERSIST: server administration.
            Token t;
            t.text = "RESET";
            admin(st, t);
            return;
        }
        st.kind = StatementKind::Session;
        st.command = Command::Reset;
        st.requirement = Requirement::All;
        if (accept(Kw_ALL)) {
            addEffect(EffectKind::ResetVariable, 0, "all");
            return;
        }
        if (isName(peek())) {
            std::string_view name = nameOf(take());
            if (equalsIgnoreCase(name, "session") && isKw(peek(), Kw_AUTHORIZATION))
                return;
            addEffect(EffectKind::ResetVariable, 0, name);
        }
    }

    void discardStatement(StatementInfo &st)
    {
        st.kind = StatementKind::Session;
        st.command = Command::Discard;
        st.requirement = Requirement::All;
        if (accept(Kw_ALL))
            addEffect(EffectKind::ResetSession, 0);
        else if (accept(Kw_TEMP) || accept(Kw_TEMPORARY))
            addEffect(EffectKind::DiscardTemp, 0);
    }

    // ---- locks, cursors, notifications ---------------------------------------------------
    void lockStatement(StatementInfo &st)
    {
        st.kind = StatementKind::Lock;
        st.command = Command::LockTables;
        st.requirement = Requirement::Primary;
        if (m_mysql) {
            if (accept(Kw_INSTANCE)) {
                st.flags |= FlagPinsSession;
                setDetail(st, "LOCK INSTANCE FOR BACKUP");
                return;
            }
            st.flags |= FlagPinsSession | FlagImplicitCommit;
            setDetail(st, "LOCK TABLES");
            return;
        }
        // PostgreSQL: LOCK [TABLE] [ONLY] name [, ...] [IN mode MODE] [NOWAIT]
        st.command = Command::Lock;
        setDetail(st, "LOCK TABLE");
        bool weak = false;
        bool sawMode = false;
        while (!isStop(peek())) {
            Token t = take();
            if (isKw(t, Kw_IN)) {
                sawMode = true;
                // ACCESS SHARE | ROW SHARE | ROW EXCLUSIVE are allowed on a standby.
                const Token &a = peek();
                const Token &b = peek(1);
                if ((equalsIgnoreCase(a.text, "access") && isKw(b, Kw_SHARE))
                    || (isKw(a, Kw_ROW) && isKw(b, Kw_SHARE))
                    || (isKw(a, Kw_ROW) && equalsIgnoreCase(b.text, "exclusive")))
                    weak = true;
            }
        }
        if (sawMode && weak) {
            st.flags |= FlagWeakLock;
            st.requirement = Requirement::Transaction;
        }
    }

    void unlockStatement(StatementInfo &st)
    {
        st.kind = StatementKind::Lock;
        st.command = Command::UnlockTables;
        st.requirement = Requirement::Primary;
        st.flags |= FlagUnpinsSession;
        if (m_mysql && accept(Kw_INSTANCE)) {
            setDetail(st, "UNLOCK INSTANCE");
            return;
        }
        setDetail(st, "UNLOCK TABLES");
        if (m_mysql)
            st.flags |= FlagImplicitCommit;
    }

    void flushStatement(StatementInfo &st)
    {
        st.kind = StatementKind::Admin;
        st.command = Command::Flush;
        st.requirement = Requirement::Primary;
        setDetail(st, "FLUSH");
        // FLUSH TABLES [t, ...] WITH READ LOCK | FOR EXPORT: a lock held by the session.
        while (!isStop(peek())) {
            Token t = take();
            if ((isKw(t, Kw_WITH) && isKw(peek(), Kw_READ) && isKw(peek(1), Kw_LOCK))
                || (isKw(t, Kw_FOR) && equalsIgnoreCase(peek().text, "export"))) {
                st.kind = StatementKind::Lock;
                st.flags |= FlagPinsSession;
                st.detail = "FLUSH TABLES WITH READ LOCK";
            }
        }
        st.flags |= FlagImplicitCommit;
    }

    void backupStatement(StatementInfo &st)
    {
        st.kind = StatementKind::Lock;
        st.command = Command::Backup;
        st.requirement = Requirement::Primary;
        setDetail(st, "BACKUP STAGE");
        if (accept(Kw_STAGE)) {
            if (accept(Kw_END))
                st.flags |= FlagUnpinsSession;
            else
                st.flags |= FlagPinsSession;
        }
    }

    void handlerStatement(StatementInfo &st)
    {
        st.kind = StatementKind::Cursor;
        st.command = Command::Handler;
        st.requirement = Requirement::Primary;
        setDetail(st, "HANDLER");
        std::string_view table = takeQualifiedName();
        st.object = table;
        if (accept(Kw_OPEN)) {
            std::string_view alias = table;
            if (accept(Kw_AS) && isName(peek()))
                alias = nameOf(take());
            else if (isName(peek()))
                alias = nameOf(take());
            addEffect(EffectKind::HandlerOpen, 0, alias);
        } else if (accept(Kw_CLOSE)) {
            addEffect(EffectKind::HandlerClose, 0, table);
        }
    }

    void declareStatement(StatementInfo &st)
    {
        // DECLARE name [BINARY] [ASENSITIVE|INSENSITIVE] [[NO] SCROLL] CURSOR [WITH|WITHOUT HOLD] FOR query
        st.kind = StatementKind::Cursor;
        st.command = Command::Declare;
        st.requirement = Requirement::Cursor;
        if (!isName(peek())) {
            st.requirement = Requirement::Primary;
            return;
        }
        st.object = nameOf(take());
        bool hold = false;
        for (int guard = 0; guard < 8 && !isStop(peek()); ++guard) {
            if (isKw(peek(), Kw_WITH) && isKw(peek(1), Kw_HOLD)) {
                take();
                take();
                hold = true;
            } else if (accept(Kw_FOR)) {
                break;
            } else {
                take();
            }
        }
        if (hold)
            st.flags |= FlagHoldCursor;
        addEffect(EffectKind::CursorDeclare, hold ? 1 : 0, st.object);
        // The query: a read, or something that writes.
        const Token &q = peek();
        if (!isKw(q, Kw_SELECT) && !isKw(q, Kw_WITH) && !isKw(q, Kw_VALUES) && !isKw(q, Kw_TABLE)
            && q.kind != TokenKind::LParen) {
            st.flags |= FlagUnknownFunction;
            setDetail(st, "DECLARE ... FOR");
        }
        ScanOptions o;
        if (isKw(q, Kw_WITH)) {
            take();
            o.cteList = true;
        }
        scan(st, o);
    }

    void fetchStatement(StatementInfo &st, Command cmd)
    {
        st.kind = StatementKind::Cursor;
        st.command = cmd;
        st.requirement = Requirement::Cursor;
        // The cursor name is the last name of the statement: FETCH [direction] [FROM|IN] name
        std::string_view last;
        while (!isStop(peek())) {
            Token t = take();
            if (isName(t))
                last = nameOf(t);
        }
        st.object = last;
    }

    void closeStatement(StatementInfo &st)
    {
        st.kind = StatementKind::Cursor;
        st.command = Command::Close;
        st.requirement = Requirement::Cursor;
        if (accept(Kw_ALL)) {
            addEffect(EffectKind::CursorClose, 0);
            return;
        }
        if (isName(peek())) {
            st.object = nameOf(take());
            addEffect(EffectKind::CursorClose, 0, st.object);
        }
    }

    void notifyStatement(StatementInfo &st, std::uint16_t kw)
    {
        st.kind = StatementKind::Notify;
        st.requirement = Requirement::Primary;
        if (kw == Kw_LISTEN) {
            st.command = Command::Listen;
            setDetail(st, "LISTEN");
            if (isName(peek()))
                addEffect(EffectKind::Listen, 0, nameOf(take()));
        } else if (kw == Kw_UNLISTEN) {
            st.command = Command::Unlisten;
            setDetail(st, "UNLISTEN");
            if (isName(peek()))
                addEffect(EffectKind::Unlisten, 0, nameOf(take()));
            else
                addEffect(EffectKind::Unlisten, 0);
        } else {
            st.command = Command::Notify;
            st.flags |= FlagNotify;
            setDetail(st, "NOTIFY");
        }
    }

    // ---- the verdict -----------------------------------------------------------------------
    static void finalize(StatementInfo &st)
    {
        if (st.flags & FlagUnterminated) {
            st.requirement = Requirement::Primary;
            return;
        }
        const std::uint64_t danger = st.flags & kPrimaryFlags;
        switch (st.requirement) {
        case Requirement::Read:
        case Requirement::ReadPrevious:
            if (st.flags & FlagNoExecute)
                return; // EXPLAIN without ANALYZE plans only
            if (danger == FlagServerSpecific && !(st.flags & FlagSessionSetter)) {
                st.requirement = Requirement::ServerSpecific;
            } else if (danger) {
                st.requirement = Requirement::Primary;
                if (st.flags & (FlagWrites | FlagDataModifyingCte | FlagSelectInto | FlagIntoFile))
                    st.kind = StatementKind::Write;
            } else if (st.flags & FlagSessionSetter) {
                st.requirement = Requirement::All;
                st.kind = StatementKind::Session;
            } else if (st.flags & FlagRelatesToPrevious) {
                st.requirement = Requirement::ReadPrevious;
            }
            return;
        case Requirement::All:
            if (danger & ~FlagUserVarAssign)
                st.requirement = Requirement::Primary;
            return;
        case Requirement::Execute:
        case Requirement::Cursor:
        case Requirement::Transaction:
            if (danger & ~(FlagPinsSession | FlagUnpinsSession))
                st.requirement = Requirement::Primary;
            return;
        case Requirement::Primary:
        case Requirement::ServerSpecific:
            return;
        }
    }

    std::string_view m_sql;
    Scanner m_s;
    const FunctionCatalog &m_fn;
    PacketInfo &m_out;
    Dialect m_dialect;
    bool m_mysql;
};

} // namespace

Classifier::Classifier(Dialect dialect, std::shared_ptr<const FunctionCatalog> functions)
    : m_dialect(dialect), m_functions(std::move(functions))
{
    if (!m_functions)
        m_functions = std::make_shared<const FunctionCatalog>(FunctionCatalog::defaults(dialect));
}

void Classifier::classify(std::string_view sql, const LexOptions &options, PacketInfo &out) const
{
    out.clear();
    LexOptions o = options;
    o.dialect = m_dialect;
    Lexer lexer(sql, o);
    lexer.tokenize(out.tokens);
    out.lexFlags = lexer.flags();
    out.hint = lexer.hint();
    Impl impl(sql, o, *m_functions, out);
    impl.run();
}

PacketInfo Classifier::classify(std::string_view sql) const
{
    PacketInfo out;
    classify(sql, LexOptions::forDialect(m_dialect), out);
    return out;
}

} // namespace switchyard::routing
