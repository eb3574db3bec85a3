#pragma once
// The one text-folding step shared by indexing and querying, so both sides
// produce the same terms: ICU NFKC_Casefold ("Ｃ＋＋" -> "c++", "Straße" -> "strasse").

#include <string>
#include <string_view>

namespace qbank::schema {

// NFKC_Casefold of valid UTF-8. Invalid sequences become U+FFFD.
std::string fold(std::string_view utf8);

// fold() plus whitespace trimmed and collapsed to single spaces: the canonical
// form of a filter value such as a tag.
std::string fold_value(std::string_view utf8);

}  // namespace qbank::schema
