// The keyword table behind lookupKeyword(), in a header so that the lexer's token loop can
// inline the lookup (one per word): a compile-time perfect hash over the keywords of
// keywords.h. Private to the routing library; include keywords.h for the interface.
#pragma once

#include "keywords.h"

#include <array>
#include <bit>
#include <cstring>

namespace switchyard::routing::detail::kwtable {

struct KeywordEntry
{
    std::string_view name;
    bool nonFunction;
};

inline constexpr std::array<KeywordEntry, KwCount> kKeywords = {{
    {"", false},
#define SWITCHYARD_KW_ENTRY(name, nf) {#name, nf != 0},
    SWITCHYARD_KEYWORDS(SWITCHYARD_KW_ENTRY)
#undef SWITCHYARD_KW_ENTRY
}};

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

inline constexpr std::array<Packed, KwCount> kPacked = buildPacked();
inline constexpr std::uint64_t kFold = 0x2020202020202020ull;

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

// A perfect hash: a word's first eight folded bytes and its length, multiplied, top bits. The
// multiplier is searched at compile time (splitmix64 sequence) so that no two keywords share a
// slot: a lookup is one multiply, one load and one comparison, without probing.
inline constexpr std::uint32_t kSlotBits = 13;
inline constexpr std::uint32_t kTableSize = 1u << kSlotBits; // 16 KiB; sparse enough to find one quickly
static_assert(KwCount < kTableSize / 16);

constexpr std::uint32_t slotOf(std::uint64_t head, std::size_t len, std::uint64_t multiplier)
{
    return static_cast<std::uint32_t>(((head ^ len) * multiplier) >> (64 - kSlotBits));
}

constexpr std::uint64_t splitmix64(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

constexpr std::uint64_t findMultiplier()
{
    std::array<std::uint32_t, kTableSize> stamp{}; // try number that last used a slot
    std::uint64_t state = 0x5717c4a7d00dull;
    for (std::uint32_t attempt = 1; attempt < 200000; ++attempt) {
        const std::uint64_t m = splitmix64(state) | 1u;
        bool clash = false;
        for (std::size_t id = 1; id < KwCount && !clash; ++id) {
            const std::uint32_t slot = slotOf(kPacked[id][0], kKeywords[id].name.size(), m);
            clash = stamp[slot] == attempt;
            stamp[slot] = attempt;
        }
        if (!clash)
            return m;
    }
    return 0;
}

inline constexpr std::uint64_t kMultiplier = findMultiplier();
static_assert(kMultiplier != 0, "no collision-free keyword hash found: raise kSlotBits");

constexpr std::array<std::uint16_t, kTableSize> buildTable()
{
    std::array<std::uint16_t, kTableSize> table{};
    for (std::uint16_t id = 1; id < KwCount; ++id)
        table[slotOf(kPacked[id][0], kKeywords[id].name.size(), kMultiplier)] = id;
    return table;
}

inline constexpr std::array<std::uint16_t, kTableSize> kTable = buildTable();

// Keyword lengths by id (entry 0, "no keyword", has length 0 and never matches).
constexpr std::array<std::uint8_t, KwCount> buildLengths()
{
    std::array<std::uint8_t, KwCount> out{};
    for (std::size_t id = 0; id < KwCount; ++id)
        out[id] = static_cast<std::uint8_t>(kKeywords[id].name.size());
    return out;
}

inline constexpr std::array<std::uint8_t, KwCount> kLengths = buildLengths();

inline std::uint16_t findKeyword(const char *p, std::size_t len, const char *end)
{
    if (len < 2 || len > 19)
        return KwNone;
    const std::uint64_t c0 = foldedChunk(p, len < 8 ? len : 8, end);
    const std::uint16_t id = kTable[slotOf(c0, len, kMultiplier)];
    if (kLengths[id] != len || kPacked[id][0] != c0)
        return KwNone; // also for an empty slot: id 0 has length 0
    if (len > 8
        && (kPacked[id][1] != foldedChunk(p + 8, len < 16 ? len - 8 : 8, end)
            || (len > 16 && kPacked[id][2] != foldedChunk(p + 16, len - 16, end))))
        return KwNone;
    return id;
}

} // namespace switchyard::routing::detail::kwtable
