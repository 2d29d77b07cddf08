#include "switchyard/routing/gtid.h"

#include <algorithm>
#include <limits>

namespace switchyard::routing {
namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

std::optional<std::uint64_t> parseUnsigned(std::string_view s)
{
    if (s.empty() || s.size() > 20)
        return std::nullopt;
    std::uint64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const std::uint64_t d = static_cast<std::uint64_t>(c - '0');
        if (v > (std::numeric_limits<std::uint64_t>::max() - d) / 10)
            return std::nullopt;
        v = v * 10 + d;
    }
    return v;
}

Error parseError(std::string message) { return makeError(ErrorCode::ParseError, std::move(message)); }

// Inserts [iv] into a sorted, merged list of intervals.
void insertInterval(std::vector<GtidInterval> &list, GtidInterval iv)
{
    auto it = std::lower_bound(list.begin(), list.end(), iv,
                               [](const GtidInterval &a, const GtidInterval &b) { return a.first < b.first; });
    // Merge with the previous interval when they touch or overlap.
    if (it != list.begin()) {
        auto prev = std::prev(it);
        if (prev->last == std::numeric_limits<std::uint64_t>::max() || prev->last + 1 >= iv.first) {
            iv.first = prev->first;
            iv.last = std::max(iv.last, prev->last);
            it = list.erase(prev);
        }
    }
    // Swallow following intervals that touch or overlap.
    while (it != list.end()
           && (iv.last == std::numeric_limits<std::uint64_t>::max() || it->first <= iv.last + 1)) {
        iv.last = std::max(iv.last, it->last);
        it = list.erase(it);
    }
    list.insert(it, iv);
}

bool intervalsContain(const std::vector<GtidInterval> &list, std::uint64_t gno)
{
    auto it = std::upper_bound(list.begin(), list.end(), gno,
                               [](std::uint64_t g, const GtidInterval &iv) { return g < iv.first; });
    if (it == list.begin())
        return false;
    --it;
    return gno <= it->last;
}

// Is every interval of b inside the union of a?
bool intervalsContain(const std::vector<GtidInterval> &a, const std::vector<GtidInterval> &b)
{
    std::size_t i = 0;
    for (const GtidInterval &iv : b) {
        while (i < a.size() && a[i].last < iv.first)
            ++i;
        if (i == a.size() || a[i].first > iv.first || a[i].last < iv.last)
            return false;
    }
    return true;
}

std::vector<GtidInterval> intervalsSubtract(const std::vector<GtidInterval> &a, const std::vector<GtidInterval> &b)
{
    std::vector<GtidInterval> out;
    std::size_t j = 0;
    for (GtidInterval iv : a) {
        std::uint64_t first = iv.first;
        const std::uint64_t last = iv.last;
        while (j < b.size() && b[j].last < first)
            ++j;
        std::size_t k = j;
        bool done = false;
        while (k < b.size() && b[k].first <= last) {
            if (b[k].first > first)
                out.push_back({first, b[k].first - 1});
            if (b[k].last >= last) {
                done = true;
                break;
            }
            first = b[k].last + 1;
            ++k;
        }
        if (!done)
            out.push_back({first, last});
    }
    return out;
}

std::vector<GtidInterval> intervalsIntersect(const std::vector<GtidInterval> &a, const std::vector<GtidInterval> &b)
{
    std::vector<GtidInterval> out;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const std::uint64_t first = std::max(a[i].first, b[j].first);
        const std::uint64_t last = std::min(a[i].last, b[j].last);
        if (first <= last)
            out.push_back({first, last});
        if (a[i].last < b[j].last)
            ++i;
        else
            ++j;
    }
    return out;
}

bool validTag(std::string_view tag)
{
    if (tag.empty() || tag.size() > 32)
        return false;
    const char c0 = tag.front();
    if (!((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z') || c0 == '_'))
        return false;
    for (char c : tag)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9')))
            return false;
    return true;
}

std::string lowerTag(std::string_view tag)
{
    std::string t(tag);
    for (char &c : t)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c + 32);
    return t;
}

bool sourceLess(const MySqlGtidSet::Source &s, const Uuid &uuid, std::string_view tag)
{
    if (s.uuid != uuid)
        return s.uuid < uuid;
    return std::string_view(s.tag) < tag;
}

} // namespace

// ---- Uuid ------------------------------------------------------------------------------------

std::optional<Uuid> Uuid::parse(std::string_view text)
{
    Uuid u;
    std::size_t n = 0;
    bool dashed = text.size() == 36;
    if (!dashed && text.size() != 32)
        return std::nullopt;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (dashed && (i == 8 || i == 13 || i == 18 || i == 23)) {
            if (text[i] != '-')
                return std::nullopt;
            continue;
        }
        const int v = hexValue(text[i]);
        if (v < 0)
            return std::nullopt;
        if (n % 2 == 0)
            u.bytes[n / 2] = static_cast<std::uint8_t>(v << 4);
        else
            u.bytes[n / 2] = static_cast<std::uint8_t>(u.bytes[n / 2] | v);
        ++n;
    }
    return n == 32 ? std::optional<Uuid>(u) : std::nullopt;
}

std::string Uuid::toString() const
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    s.reserve(36);
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            s.push_back('-');
        s.push_back(kHex[bytes[i] >> 4]);
        s.push_back(kHex[bytes[i] & 0xF]);
    }
    return s;
}

// ---- MySqlGtidSet ----------------------------------------------------------------------------

Result<MySqlGtidSet> MySqlGtidSet::parse(std::string_view text)
{
    MySqlGtidSet set;
    text = trim(text);
    if (text.empty())
        return set;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t comma = text.find(',', pos);
        if (comma == std::string_view::npos)
            comma = text.size();
        std::string_view item = trim(text.substr(pos, comma - pos));
        pos = comma + 1;
        if (item.empty())
            return parseError("empty GTID set element");
        // uuid[:tag]:interval[:interval...][:tag:interval...]
        std::size_t colon = item.find(':');
        if (colon == std::string_view::npos)
            return parseError("GTID set element without ':': " + std::string(item));
        std::optional<Uuid> uuid = Uuid::parse(trim(item.substr(0, colon)));
        if (!uuid)
            return parseError("bad server UUID in GTID set: " + std::string(item.substr(0, colon)));
        std::string tag;
        bool any = false;
        std::size_t p = colon + 1;
        while (p <= item.size()) {
            std::size_t next = item.find(':', p);
            if (next == std::string_view::npos)
                next = item.size();
            std::string_view part = trim(item.substr(p, next - p));
            p = next + 1;
            if (part.empty())
                return parseError("empty interval in GTID set element: " + std::string(item));
            const char c0 = part.front();
            if (!(c0 >= '0' && c0 <= '9')) {
                if (!validTag(part))
                    return parseError("bad GTID tag: " + std::string(part));
                tag = lowerTag(part);
                continue;
            }
            const std::size_t dash = part.find('-');
            std::optional<std::uint64_t> first = parseUnsigned(part.substr(0, dash));
            std::optional<std::uint64_t> last =
                dash == std::string_view::npos ? first : parseUnsigned(part.substr(dash + 1));
            if (!first || !last || *first == 0 || *last < *first)
                return parseError("bad GTID interval: " + std::string(part));
            set.add(*uuid, GtidInterval{*first, *last}, tag);
            any = true;
        }
        if (!any)
            return parseError("GTID set element without intervals: " + std::string(item));
        if (comma == text.size())
            break;
    }
    return set;
}

std::string MySqlGtidSet::toString() const
{
    std::string out;
    const Uuid *current = nullptr;
    for (const Source &s : m_sources) {
        if (!current || *current != s.uuid) {
            if (current)
                out += ',';
            out += s.uuid.toString();
            current = &s.uuid;
        }
        if (!s.tag.empty()) {
            out += ':';
            out += s.tag;
        }
        for (const GtidInterval &iv : s.intervals) {
            out += ':';
            out += std::to_string(iv.first);
            if (iv.last != iv.first) {
                out += '-';
                out += std::to_string(iv.last);
            }
        }
    }
    return out;
}

std::uint64_t MySqlGtidSet::count() const
{
    std::uint64_t total = 0;
    for (const Source &s : m_sources)
        for (const GtidInterval &iv : s.intervals) {
            const std::uint64_t n = iv.last - iv.first + 1;
            if (n == 0 || total > std::numeric_limits<std::uint64_t>::max() - n)
                return std::numeric_limits<std::uint64_t>::max();
            total += n;
        }
    return total;
}

MySqlGtidSet::Source &MySqlGtidSet::sourceFor(const Uuid &uuid, std::string_view tag)
{
    auto it = std::lower_bound(m_sources.begin(), m_sources.end(), uuid,
                               [&](const Source &s, const Uuid &u) { return sourceLess(s, u, tag); });
    if (it != m_sources.end() && it->uuid == uuid && it->tag == tag)
        return *it;
    Source s;
    s.uuid = uuid;
    s.tag = std::string(tag);
    return *m_sources.insert(it, std::move(s));
}

const MySqlGtidSet::Source *MySqlGtidSet::findSource(const Uuid &uuid, std::string_view tag) const
{
    auto it = std::lower_bound(m_sources.begin(), m_sources.end(), uuid,
                               [&](const Source &s, const Uuid &u) { return sourceLess(s, u, tag); });
    if (it != m_sources.end() && it->uuid == uuid && it->tag == tag)
        return &*it;
    return nullptr;
}

void MySqlGtidSet::add(const Uuid &uuid, GtidInterval interval, std::string_view tag)
{
    if (interval.first == 0 || interval.last < interval.first)
        return;
    const std::string t = lowerTag(tag);
    insertInterval(sourceFor(uuid, t).intervals, interval);
}

bool MySqlGtidSet::contains(const Uuid &uuid, std::uint64_t gno, std::string_view tag) const
{
    const Source *s = findSource(uuid, lowerTag(tag));
    return s && intervalsContain(s->intervals, gno);
}

bool MySqlGtidSet::contains(const MySqlGtidSet &other) const
{
    for (const Source &o : other.m_sources) {
        const Source *s = findSource(o.uuid, o.tag);
        if (!s || !intervalsContain(s->intervals, o.intervals))
            return false;
    }
    return true;
}

MySqlGtidSet MySqlGtidSet::unite(const MySqlGtidSet &other) const
{
    MySqlGtidSet out = *this;
    for (const Source &o : other.m_sources) {
        Source &s = out.sourceFor(o.uuid, o.tag);
        for (const GtidInterval &iv : o.intervals)
            insertInterval(s.intervals, iv);
    }
    return out;
}

MySqlGtidSet MySqlGtidSet::subtract(const MySqlGtidSet &other) const
{
    MySqlGtidSet out;
    for (const Source &s : m_sources) {
        const Source *o = other.findSource(s.uuid, s.tag);
        std::vector<GtidInterval> rest = o ? intervalsSubtract(s.intervals, o->intervals) : s.intervals;
        if (!rest.empty()) {
            Source copy;
            copy.uuid = s.uuid;
            copy.tag = s.tag;
            copy.intervals = std::move(rest);
            out.m_sources.push_back(std::move(copy));
        }
    }
    return out;
}

MySqlGtidSet MySqlGtidSet::intersect(const MySqlGtidSet &other) const
{
    MySqlGtidSet out;
    for (const Source &s : m_sources) {
        const Source *o = other.findSource(s.uuid, s.tag);
        if (!o)
            continue;
        std::vector<GtidInterval> both = intervalsIntersect(s.intervals, o->intervals);
        if (!both.empty()) {
            Source copy;
            copy.uuid = s.uuid;
            copy.tag = s.tag;
            copy.intervals = std::move(both);
            out.m_sources.push_back(std::move(copy));
        }
    }
    return out;
}

// ---- MariaDB ---------------------------------------------------------------------------------

std::optional<MariaDbGtid> MariaDbGtid::parse(std::string_view text)
{
    text = trim(text);
    const std::size_t d1 = text.find('-');
    if (d1 == std::string_view::npos)
        return std::nullopt;
    const std::size_t d2 = text.find('-', d1 + 1);
    if (d2 == std::string_view::npos)
        return std::nullopt;
    std::optional<std::uint64_t> domain = parseUnsigned(text.substr(0, d1));
    std::optional<std::uint64_t> server = parseUnsigned(text.substr(d1 + 1, d2 - d1 - 1));
    std::optional<std::uint64_t> seq = parseUnsigned(text.substr(d2 + 1));
    if (!domain || !server || !seq || *domain > std::numeric_limits<std::uint32_t>::max()
        || *server > std::numeric_limits<std::uint32_t>::max())
        return std::nullopt;
    MariaDbGtid g;
    g.domain = static_cast<std::uint32_t>(*domain);
    g.server = static_cast<std::uint32_t>(*server);
    g.seq = *seq;
    return g;
}

std::string MariaDbGtid::toString() const
{
    return std::to_string(domain) + "-" + std::to_string(server) + "-" + std::to_string(seq);
}

Result<MariaDbGtidList> MariaDbGtidList::parse(std::string_view text)
{
    MariaDbGtidList list;
    text = trim(text);
    if (text.empty())
        return list;
    std::size_t pos = 0;
    for (;;) {
        std::size_t comma = text.find(',', pos);
        const bool last = comma == std::string_view::npos;
        if (last)
            comma = text.size();
        std::string_view item = trim(text.substr(pos, comma - pos));
        std::optional<MariaDbGtid> g = MariaDbGtid::parse(item);
        if (!g)
            return parseError("bad MariaDB GTID: " + std::string(item));
        list.advance(*g);
        if (last)
            break;
        pos = comma + 1;
    }
    return list;
}

std::string MariaDbGtidList::toString() const
{
    std::string out;
    for (const MariaDbGtid &g : m_entries) {
        if (!out.empty())
            out += ',';
        out += g.toString();
    }
    return out;
}

std::optional<MariaDbGtid> MariaDbGtidList::position(std::uint32_t domain) const
{
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), domain,
                               [](const MariaDbGtid &g, std::uint32_t d) { return g.domain < d; });
    if (it != m_entries.end() && it->domain == domain)
        return *it;
    return std::nullopt;
}

void MariaDbGtidList::advance(const MariaDbGtid &gtid)
{
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), gtid.domain,
                               [](const MariaDbGtid &g, std::uint32_t d) { return g.domain < d; });
    if (it != m_entries.end() && it->domain == gtid.domain) {
        if (gtid.seq > it->seq)
            *it = gtid;
        return;
    }
    m_entries.insert(it, gtid);
}

bool MariaDbGtidList::contains(const MariaDbGtid &gtid) const
{
    std::optional<MariaDbGtid> p = position(gtid.domain);
    return p && p->seq >= gtid.seq;
}

bool MariaDbGtidList::contains(const MariaDbGtidList &other) const
{
    for (const MariaDbGtid &g : other.m_entries)
        if (!contains(g))
            return false;
    return true;
}

MariaDbGtidList::Order MariaDbGtidList::compare(const MariaDbGtidList &other) const
{
    bool ahead = false;
    bool behind = false;
    std::size_t i = 0, j = 0;
    while (i < m_entries.size() || j < other.m_entries.size()) {
        std::uint64_t a = 0, b = 0;
        if (j >= other.m_entries.size() || (i < m_entries.size() && m_entries[i].domain < other.m_entries[j].domain)) {
            a = m_entries[i++].seq;
        } else if (i >= m_entries.size() || other.m_entries[j].domain < m_entries[i].domain) {
            b = other.m_entries[j++].seq;
        } else {
            a = m_entries[i++].seq;
            b = other.m_entries[j++].seq;
        }
        if (a > b)
            ahead = true;
        else if (a < b)
            behind = true;
    }
    if (ahead && behind)
        return Order::Diverged;
    if (ahead)
        return Order::Ahead;
    if (behind)
        return Order::Behind;
    return Order::Equal;
}

MariaDbGtidList MariaDbGtidList::unite(const MariaDbGtidList &other) const
{
    MariaDbGtidList out = *this;
    for (const MariaDbGtid &g : other.m_entries)
        out.advance(g);
    return out;
}

MariaDbGtidList MariaDbGtidList::subtract(const MariaDbGtidList &other) const
{
    MariaDbGtidList out;
    for (const MariaDbGtid &g : m_entries)
        if (!other.contains(g))
            out.m_entries.push_back(g);
    return out;
}

// ---- Lsn -------------------------------------------------------------------------------------

std::optional<Lsn> Lsn::parse(std::string_view text)
{
    text = trim(text);
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 >= text.size())
        return std::nullopt;
    std::string_view hi = text.substr(0, slash);
    std::string_view lo = text.substr(slash + 1);
    if (hi.size() > 8 || lo.size() > 8)
        return std::nullopt;
    std::uint64_t h = 0, l = 0;
    for (char c : hi) {
        int v = hexValue(c);
        if (v < 0)
            return std::nullopt;
        h = h * 16 + static_cast<std::uint64_t>(v);
    }
    for (char c : lo) {
        int v = hexValue(c);
        if (v < 0)
            return std::nullopt;
        l = l * 16 + static_cast<std::uint64_t>(v);
    }
    return Lsn((h << 32) | l);
}

std::string Lsn::toString() const
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    auto hex = [](std::uint32_t v) {
        char buf[8];
        int n = 0;
        do {
            buf[n++] = kHex[v & 0xF];
            v >>= 4;
        } while (v != 0);
        std::string s;
        while (n > 0)
            s.push_back(buf[--n]);
        return s;
    };
    return hex(static_cast<std::uint32_t>(m_value >> 32)) + "/" + hex(static_cast<std::uint32_t>(m_value));
}

// ---- ReplicationPosition ---------------------------------------------------------------------

Result<ReplicationPosition> ReplicationPosition::parse(Dialect dialect, std::string_view text)
{
    text = trim(text);
    if (text.empty())
        return ReplicationPosition();
    switch (dialect) {
    case Dialect::MySQL: {
        Result<MySqlGtidSet> s = MySqlGtidSet::parse(text);
        if (!s)
            return s.error();
        return ReplicationPosition(std::move(s).value());
    }
    case Dialect::MariaDB: {
        Result<MariaDbGtidList> l = MariaDbGtidList::parse(text);
        if (!l)
            return l.error();
        return ReplicationPosition(std::move(l).value());
    }
    case Dialect::PostgreSQL: {
        std::optional<Lsn> lsn = Lsn::parse(text);
        if (!lsn)
            return parseError("bad LSN: " + std::string(text));
        return ReplicationPosition(*lsn);
    }
    }
    return parseError("unknown dialect");
}

bool ReplicationPosition::empty() const
{
    switch (kind()) {
    case Kind::None: return true;
    case Kind::MySqlGtid: return mysql()->empty();
    case Kind::MariaDbGtid: return mariadb()->empty();
    case Kind::Lsn: return false;
    }
    return true;
}

bool ReplicationPosition::contains(const ReplicationPosition &needed) const
{
    if (needed.empty())
        return true;
    if (kind() != needed.kind())
        return false;
    switch (kind()) {
    case Kind::None: return true;
    case Kind::MySqlGtid: return mysql()->contains(*needed.mysql());
    case Kind::MariaDbGtid: return mariadb()->contains(*needed.mariadb());
    case Kind::Lsn: return *lsn() >= *needed.lsn();
    }
    return false;
}

void ReplicationPosition::merge(const ReplicationPosition &other)
{
    if (other.kind() == Kind::None)
        return;
    if (kind() != other.kind()) {
        m_value = other.m_value;
        return;
    }
    switch (kind()) {
    case Kind::None: break;
    case Kind::MySqlGtid: m_value = mysql()->unite(*other.mysql()); break;
    case Kind::MariaDbGtid: m_value = mariadb()->unite(*other.mariadb()); break;
    case Kind::Lsn: m_value = std::max(*lsn(), *other.lsn()); break;
    }
}

std::string ReplicationPosition::toString() const
{
    switch (kind()) {
    case Kind::None: return {};
    case Kind::MySqlGtid: return mysql()->toString();
    case Kind::MariaDbGtid: return mariadb()->toString();
    case Kind::Lsn: return lsn()->toString();
    }
    return {};
}

} // namespace switchyard::routing
