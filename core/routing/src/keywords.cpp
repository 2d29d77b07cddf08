#include "keywords.h"

#include "switchyard/routing/lexer.h"

#include <array>

namespace switchyard::routing::detail {
namespace {

struct KeywordEntry
{
    std::string_view name;
    bool nonFunction;
};

constexpr std::array<KeywordEntry, KwCount> kKeywords = {{
    {"", false},
#define SWITCHYARD_KW_ENTRY(name, nf) {#name, nf != 0},
    SWITCHYARD_KEYWORDS(SWITCHYARD_KW_ENTRY)
#undef SWITCHYARD_KW_ENTRY
}};

constexpr std::uint32_t kTableSize = 1024; // power of two, load factor about 0.25
static_assert(KwCount < kTableSize / 2);

constexpr std::uint32_t constexprFoldHash(std::string_view s)
{
    std::uint32_t h = kFoldHashSeed;
    for (char c : s)
        h = (h ^ static_cast<std::uint32_t>(static_cast<unsigned char>(c) | 0x20u)) * 16777619u;
    return h;
}

constexpr std::array<std::uint16_t, kTableSize> buildTable()
{
    std::array<std::uint16_t, kTableSize> table{};
    for (std::uint16_t id = 1; id < KwCount; ++id) {
        std::uint32_t slot = constexprFoldHash(kKeywords[id].name) & (kTableSize - 1);
        while (table[slot] != 0)
            slot = (slot + 1) & (kTableSize - 1);
        table[slot] = id;
    }
    return table;
}

constexpr std::array<std::uint16_t, kTableSize> kTable = buildTable();

// Identifier characters are letters, digits, '_', '$' and bytes >= 0x80; keywords are letters
// and '_'. OR-ing 0x20 folds letters to lower case and maps no other identifier character onto
// a keyword character, so one OR per byte compares case-insensitively.
inline bool sameWordIgnoreCase(std::string_view word, std::string_view upperName)
{
    if (word.size() != upperName.size())
        return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if ((static_cast<unsigned char>(word[i]) | 0x20u) != (static_cast<unsigned char>(upperName[i]) | 0x20u))
            return false;
    return true;
}

} // namespace

std::uint16_t lookupKeyword(std::string_view word, std::uint32_t hash)
{
    if (word.size() < 2 || word.size() > 19)
        return KwNone;
    std::uint32_t slot = hash & (kTableSize - 1);
    for (;;) {
        std::uint16_t id = kTable[slot];
        if (id == 0)
            return KwNone;
        if (sameWordIgnoreCase(word, kKeywords[id].name))
            return id;
        slot = (slot + 1) & (kTableSize - 1);
    }
}

bool keywordIsNonFunction(std::uint16_t keyword)
{
    return keyword < KwCount && kKeywords[keyword].nonFunction;
}

std::string_view keywordName(std::uint16_t keyword)
{
    return keyword < KwCount ? kKeywords[keyword].name : std::string_view();
}

} // namespace switchyard::routing::detail
