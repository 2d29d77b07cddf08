#include "keywords.h"

#include "switchyard/routing/lexer.h"

#include <array>
#include <bit>
#include <cstring>

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

// A cheap slot for a word: its length and three case-folded characters (first, second, last),
// multiplied into the top bits. Collisions are resolved by comparing; chains stay short.
constexpr std::uint32_t kSlotBits = 10;
static_assert((1u << kSlotBits) == kTableSize);

constexpr std::uint32_t slotOf(const char *s, std::size_t len)
{
    const std::uint32_t k = (static_cast<std::uint32_t>(static_cast<unsigned char>(s[0]) | 0x20u) << 24)
                            | (static_cast<std::uint32_t>(static_cast<unsigned char>(s[1]) | 0x20u) << 16)
                            | (static_cast<std::uint32_t>(static_cast<unsigned char>(s[len - 1]) | 0x20u) << 8)
                            | static_cast<std::uint32_t>(len);
    return (k * 2654435761u) >> (32 - kSlotBits);
}

constexpr std::array<std::uint16_t, kTableSize> buildTable()
{
    std::array<std::uint16_t, kTableSize> table{};
    for (std::uint16_t id = 1; id < KwCount; ++id) {
        std::uint32_t slot = slotOf(kKeywords[id].name.data(), kKeywords[id].name.size());
        while (table[slot] != 0)
            slot = (slot + 1) & (kTableSize - 1);
        table[slot] = id;
    }
    return table;
}

constexpr std::array<std::uint16_t, kTableSize> kTable = buildTable();

// Each keyword folded (| 0x20 on every byte) and packed little-endian into three 64-bit words,
// padded with 0x20: a candidate word, folded the same way, compares in at most three steps.
using Packed = std::array<std::uint64_t, 3>;

constexpr std::array<Packed, KwCount> buildPacked()
{
    std::array<Packed, KwCount> out{};
    for (std::size_t id = 0; id < KwCount; ++id) {
        std::string_view n = kKeywords[id].name;
        for (std::size_t i = 0; i < 24; ++i) {
            const std::uint64_t c = (i < n.size() ? static_cast<unsigned char>(n[i]) : 0u) | 0x20u;
            out[id][i / 8] |= c << (8 * (i % 8));
        }
    }
    return out;
}

constexpr std::array<Packed, KwCount> kPacked = buildPacked();
constexpr std::uint64_t kFold = 0x2020202020202020ull;

// Bytes [p, p+n) (n <= 8) as a little-endian word, folded, padded with 0x20; reads 8 bytes at
// once when they lie inside the input.
inline std::uint64_t foldedChunk(const char *p, std::size_t n, const char *end)
{
    std::uint64_t x = 0;
    if (std::endian::native == std::endian::little && end - p >= 8) {
        std::memcpy(&x, p, 8);
        if (n < 8)
            x &= (1ull << (8 * n)) - 1;
    } else {
        for (std::size_t i = 0; i < n; ++i)
            x |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    }
    return x | kFold;
}

// Identifier characters are letters, digits, '_', '$' and bytes >= 0x80; keywords are letters
// and '_'. OR-ing 0x20 folds letters to lower case and maps no other identifier character onto
// a keyword character, so comparing folded bytes compares case-insensitively.

} // namespace

std::uint16_t lookupKeyword(std::string_view word)
{
    return lookupKeyword(word.data(), word.size(), word.data() + word.size());
}

std::uint16_t lookupKeyword(const char *p, std::size_t len, const char *end)
{
    if (len < 2 || len > 19)
        return KwNone;
    std::uint32_t slot = slotOf(p, len);
    std::uint16_t id = kTable[slot];
    if (id == 0)
        return KwNone;
    const std::uint64_t c0 = foldedChunk(p, len < 8 ? len : 8, end);
    for (;;) {
        if (kKeywords[id].name.size() == len && kPacked[id][0] == c0) {
            if (len <= 8)
                return id;
            if (kPacked[id][1] == foldedChunk(p + 8, len < 16 ? len - 8 : 8, end)
                && (len <= 16 || kPacked[id][2] == foldedChunk(p + 16, len - 16, end)))
                return id;
        }
        slot = (slot + 1) & (kTableSize - 1);
        id = kTable[slot];
        if (id == 0)
            return KwNone;
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
