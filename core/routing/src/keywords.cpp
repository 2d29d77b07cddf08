#include "keywords.h"

#include "keyword_table.h"

namespace switchyard::routing::detail {

using namespace kwtable;

std::uint16_t lookupKeyword(std::string_view word)
{
    return lookupKeyword(word.data(), word.size(), word.data() + word.size());
}

std::uint16_t lookupKeyword(const char *p, std::size_t len, const char *end)
{
    return kwtable::findKeyword(p, len, end);
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
