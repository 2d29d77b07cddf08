#include "switchyard/routing/session.h"

#include <algorithm>

namespace switchyard::routing {
namespace {

bool containsWord(std::string_view list, std::string_view word)
{
    // sql_mode values: comma-separated names, any case, maybe with spaces.
    std::size_t pos = 0;
    while (pos <= list.size()) {
        std::size_t comma = list.find(',', pos);
        if (comma == std::string_view::npos)
            comma = list.size();
        std::string_view item = list.substr(pos, comma - pos);
        while (!item.empty() && item.front() == ' ')
            item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ')
            item.remove_suffix(1);
        if (equalsIgnoreCase(item, word))
            return true;
        pos = comma + 1;
    }
    return false;
}

template <typename T>
void eraseName(std::vector<T> &v, std::string_view name)
{
    v.erase(std::remove_if(v.begin(), v.end(), [&](const T &x) { return equalsIgnoreCase(x, name); }), v.end());
}

bool hasName(const std::vector<std::string> &v, std::string_view name)
{
    for (const std::string &s : v)
        if (equalsIgnoreCase(s, name))
            return true;
    return false;
}

void addName(std::vector<std::string> &v, std::string_view name)
{
    if (!name.empty() && !hasName(v, name))
        v.emplace_back(name);
}

// The text of a MySQL string literal token ('...', "...", N'...', _utf8'...'), unescaped.
std::string unescapeLiteral(std::string_view token, bool backslashEscapes)
{
    const std::size_t q = token.find_first_of("'\"");
    if (q == std::string_view::npos || token.size() < q + 2)
        return {};
    const char quote = token[q];
    std::string_view s = token.substr(q + 1, token.size() - q - 2);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\\' && backslashEscapes && i + 1 < s.size()) {
            const char n = s[++i];
            switch (n) {
            case 'n': out.push_back('\n'); break;
            case 't': out.push_back('\t'); break;
            case 'r': out.push_back('\r'); break;
            case '0': out.push_back('\0'); break;
            case 'b': out.push_back('\b'); break;
            case 'Z': out.push_back('\x1a'); break;
            case '%': out += "\\%"; break;   // kept for LIKE
            case '_': out += "\\_"; break;
            default: out.push_back(n); break;
            }
        } else if (c == quote && i + 1 < s.size() && s[i + 1] == quote) {
            out.push_back(quote);
            ++i;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

} // namespace

std::string_view targetName(Target target)
{
    switch (target) {
    case Target::Primary: return "primary";
    case Target::Replica: return "replica";
    case Target::All: return "all";
    }
    return "primary";
}

Session::Session(Dialect dialect, SessionOptions options) : m_dialect(dialect), m_options(std::move(options))
{
    reset();
}

void Session::reset()
{
    m_consistency = m_options.consistency;
    m_autocommit = m_options.autocommit;
    m_autocommitKnown = true;
    m_inTransaction = false;
    m_txReadOnly = false;
    m_txHasWritten = false;
    m_txIsolation = Isolation::Default;
    m_txNode.clear();
    m_nextPending = false;
    m_nextAccess = TxAccess::Default;
    m_nextIsolation = Isolation::Default;
    m_pins = 0;
    m_primaryOnlyVars.clear();
    m_lastTarget = Target::Primary;
    m_lastNode.clear();
    m_hasPrevious = false;
    m_writeSeq = 0;
    m_positionSeq = 0;
    m_lastWritePosition = ReplicationPosition();
    m_lastWriteTime.reset();
    resetSessionState();
}

// What DISCARD ALL / a new connection resets (not the write history).
void Session::resetSessionState()
{
    if (m_options.sqlMode)
        setSqlMode(*m_options.sqlMode);
    else {
        m_sqlModeKnown = false;
        m_noBackslashEscapes = false;
        m_ansiQuotes = false;
    }
    m_scsKnown = m_options.standardConformingStrings.has_value();
    m_scs = m_options.standardConformingStrings.value_or(true);
    setCharacterSet(m_options.characterSet, true);
    m_sessionAccess = TxAccess::Default;
    m_sessionAccessKnown = true;
    m_sessionIsolation = Isolation::Default;
    m_sessionIsolationKnown = true;
    m_tempTables.clear();
    m_prepared.clear();
    m_cursors.clear();
    m_handlers.clear();
    m_listens.clear();
    m_pins &= ~(PinNamedLock | PinDiverged);
}

void Session::noteWritePosition(const ReplicationPosition &position)
{
    m_lastWritePosition.merge(position);
    m_positionSeq = m_writeSeq;
}

void Session::pinToPrimary(bool pinned)
{
    if (pinned)
        m_pins |= PinApplication;
    else
        m_pins &= ~PinApplication;
}

const Session::Prepared *Session::findPrepared(std::string_view name) const
{
    for (const Prepared &p : m_prepared)
        if (equalsIgnoreCase(p.name, name))
            return &p;
    return nullptr;
}

const Session::Cursor *Session::findCursor(std::string_view name) const
{
    for (const Cursor &c : m_cursors)
        if (equalsIgnoreCase(c.name, name))
            return &c;
    return nullptr;
}

void Session::parseSqlMode(std::string_view text, bool &noBackslashEscapes, bool &ansiQuotes)
{
    noBackslashEscapes = containsWord(text, "NO_BACKSLASH_ESCAPES");
    // ANSI_QUOTES alone, or inside the combination modes that include it.
    ansiQuotes = containsWord(text, "ANSI_QUOTES") || containsWord(text, "ANSI") || containsWord(text, "DB2")
                 || containsWord(text, "MAXDB") || containsWord(text, "MSSQL") || containsWord(text, "ORACLE")
                 || containsWord(text, "POSTGRESQL");
}

void Session::setSqlMode(std::string_view text)
{
    m_sqlModeKnown = true;
    parseSqlMode(text, m_noBackslashEscapes, m_ansiQuotes);
}

bool Session::unsafeCharset(std::string_view name, bool known)
{
    // Character sets whose multibyte characters can end in 0x5c (a backslash byte): in them a
    // backslash after a high byte may not be an escape at all.
    return !known || equalsIgnoreCase(name, "big5") || equalsIgnoreCase(name, "cp932") || equalsIgnoreCase(name, "gbk")
           || equalsIgnoreCase(name, "sjis") || equalsIgnoreCase(name, "gb18030")
           || equalsIgnoreCase(name, "shift_jis") || equalsIgnoreCase(name, "uhc") || equalsIgnoreCase(name, "johab");
}

void Session::setCharacterSet(std::string_view name, bool known)
{
    m_unsafeCharset = unsafeCharset(name, known);
}

bool Session::effectChangesLexing(const SessionEffect &e) const
{
    switch (e.kind) {
    case EffectKind::SqlMode: {
        if (e.value == -1 || !m_sqlModeKnown || (e.value == 2 && !m_options.sqlMode))
            return true;
        bool nbe = false;
        bool ansi = false;
        parseSqlMode(e.value == 2 ? std::string_view(*m_options.sqlMode) : e.text, nbe, ansi);
        return nbe != m_noBackslashEscapes || ansi != m_ansiQuotes;
    }
    case EffectKind::StandardConformingStrings:
        return e.value == -1 || !m_scsKnown || (e.value == 2 ? true : (e.value == 1)) != m_scs;
    case EffectKind::CharacterSet:
        return unsafeCharset(e.text, e.value >= 0 && !e.text.empty()) != m_unsafeCharset;
    case EffectKind::ResetSession:
        return true;
    case EffectKind::ResetVariable:
        return equalsIgnoreCase(e.name, "all") || equalsIgnoreCase(e.name, "standard_conforming_strings");
    default:
        return false;
    }
}

void Session::openTransaction(bool readOnly, Isolation isolation, std::string node)
{
    m_inTransaction = true;
    m_txReadOnly = readOnly;
    m_txHasWritten = false;
    m_txIsolation = isolation;
    m_txNode = std::move(node);
}

void Session::endTransaction()
{
    m_inTransaction = false;
    m_txReadOnly = false;
    m_txHasWritten = false;
    m_txIsolation = Isolation::Default;
    m_txNode.clear();
    // Cursors without HOLD close with their transaction.
    m_cursors.erase(std::remove_if(m_cursors.begin(), m_cursors.end(), [](const Cursor &c) { return !c.hold; }),
                    m_cursors.end());
}

void Session::noteWrite(Clock::time_point now)
{
    ++m_writeSeq;
    m_lastWriteTime = now;
    if (m_inTransaction)
        m_txHasWritten = true;
}

void Session::applyEffect(const SessionEffect &e, Target target, std::string_view node)
{
    const bool mysql = isMySqlFamily(m_dialect);
    switch (e.kind) {
    case EffectKind::Autocommit: {
        m_autocommitKnown = e.value >= 0;
        m_autocommit = e.value == 1;
        // SET autocommit=1 commits an open transaction.
        if (m_autocommit && m_inTransaction)
            endTransaction();
        break;
    }
    case EffectKind::SqlMode:
        if (e.value == -1) {
            m_sqlModeKnown = false;
        } else if (e.value == 2) {
            if (m_options.sqlMode)
                setSqlMode(*m_options.sqlMode);
            else
                m_sqlModeKnown = false;
        } else {
            setSqlMode(e.text);
        }
        break;
    case EffectKind::StandardConformingStrings:
        if (e.value == -1) {
            m_scsKnown = false;
        } else if (e.value == 2) {
            m_scsKnown = true;
            m_scs = true;
        } else {
            m_scsKnown = true;
            m_scs = e.value == 1;
        }
        break;
    case EffectKind::CharacterSet:
        setCharacterSet(e.text, e.value >= 0 && !e.text.empty());
        break;
    case EffectKind::SessionAccess:
        m_sessionAccessKnown = e.value >= 0;
        m_sessionAccess = e.value >= 0 ? static_cast<TxAccess>(e.value) : TxAccess::ReadWrite;
        break;
    case EffectKind::SessionIsolation:
        m_sessionIsolationKnown = e.value >= 0;
        m_sessionIsolation = e.value >= 0 ? static_cast<Isolation>(e.value) : Isolation::Serializable;
        break;
    case EffectKind::NextAccess:
        m_nextPending = true;
        m_nextAccess = static_cast<TxAccess>(e.value);
        break;
    case EffectKind::NextIsolation:
        m_nextPending = true;
        m_nextIsolation = static_cast<Isolation>(e.value);
        break;
    case EffectKind::CurrentAccess:
        if (m_inTransaction)
            m_txReadOnly = e.value == static_cast<int>(TxAccess::ReadOnly);
        break;
    case EffectKind::CurrentIsolation:
        if (m_inTransaction)
            m_txIsolation = e.value >= 0 ? static_cast<Isolation>(e.value) : Isolation::Serializable;
        break;
    case EffectKind::UserVariable:
        if (target == Target::All)
            eraseName(m_primaryOnlyVars, e.name);
        else
            addName(m_primaryOnlyVars, e.name);
        break;
    case EffectKind::ResetSession:
        resetSessionState();
        break;
    case EffectKind::ResetVariable:
        if (equalsIgnoreCase(e.name, "all")) {
            m_scsKnown = m_options.standardConformingStrings.has_value();
            m_scs = m_options.standardConformingStrings.value_or(true);
            m_sessionAccess = TxAccess::Default;
            m_sessionAccessKnown = true;
            m_sessionIsolation = Isolation::Default;
            m_sessionIsolationKnown = true;
        } else if (equalsIgnoreCase(e.name, "standard_conforming_strings")) {
            m_scsKnown = m_options.standardConformingStrings.has_value();
            m_scs = m_options.standardConformingStrings.value_or(true);
        } else if (equalsIgnoreCase(e.name, "default_transaction_read_only")) {
            m_sessionAccess = TxAccess::Default;
            m_sessionAccessKnown = true;
        } else if (equalsIgnoreCase(e.name, "default_transaction_isolation")) {
            m_sessionIsolation = Isolation::Default;
            m_sessionIsolationKnown = true;
        }
        break;
    case EffectKind::DiscardTemp:
        m_tempTables.clear();
        break;
    case EffectKind::TempCreate:
        addName(m_tempTables, e.name);
        break;
    case EffectKind::TableDrop:
        eraseName(m_tempTables, e.name);
        break;
    case EffectKind::Prepare: {
        Prepared p;
        p.name = std::string(e.name);
        if (!e.text.empty()) {
            p.body = e.value == 1 ? std::string(e.text) : unescapeLiteral(e.text, !m_noBackslashEscapes);
            p.known = true;
        }
        p.primaryOnly = target != Target::All;
        p.backslashEscapes = mysql ? !m_noBackslashEscapes : !m_scs;
        p.ansiQuotes = m_ansiQuotes;
        for (Prepared &old : m_prepared)
            if (equalsIgnoreCase(old.name, p.name)) {
                old = std::move(p);
                return;
            }
        m_prepared.push_back(std::move(p));
        break;
    }
    case EffectKind::Deallocate:
        if (e.name.empty())
            m_prepared.clear();
        else
            m_prepared.erase(std::remove_if(m_prepared.begin(), m_prepared.end(),
                                            [&](const Prepared &p) { return equalsIgnoreCase(p.name, e.name); }),
                             m_prepared.end());
        break;
    case EffectKind::CursorDeclare: {
        Cursor c;
        c.name = std::string(e.name);
        c.node = target == Target::Replica ? std::string(node) : std::string();
        c.hold = e.value == 1;
        m_cursors.erase(std::remove_if(m_cursors.begin(), m_cursors.end(),
                                       [&](const Cursor &x) { return equalsIgnoreCase(x.name, c.name); }),
                        m_cursors.end());
        m_cursors.push_back(std::move(c));
        break;
    }
    case EffectKind::CursorClose:
        if (e.name.empty())
            m_cursors.clear();
        else
            m_cursors.erase(std::remove_if(m_cursors.begin(), m_cursors.end(),
                                           [&](const Cursor &x) { return equalsIgnoreCase(x.name, e.name); }),
                            m_cursors.end());
        break;
    case EffectKind::HandlerOpen:
        addName(m_handlers, e.name);
        break;
    case EffectKind::HandlerClose:
        eraseName(m_handlers, e.name);
        break;
    case EffectKind::Listen:
        addName(m_listens, e.name);
        break;
    case EffectKind::Unlisten:
        if (e.name.empty() || e.name == "*")
            m_listens.clear();
        else
            eraseName(m_listens, e.name);
        break;
    }
}

} // namespace switchyard::routing
