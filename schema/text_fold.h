#pragma once
// The one text-folding step shared by indexing and querying, so both sides
// produce the same terms: ICU NFKC_Casefold ("Ｃ＋＋" -> "c++", "Straße" -> "strasse"),
// then accents removed from Latin letters ("José" -> "jose").

#include <string>
#include <string_view>

namespace qbank::schema {

// Search folding of valid UTF-8: NFKC_Casefold, then combining marks on Latin
// letters dropped. Marks on other scripts stay: Japanese voicing marks and
// Devanagari vowel signs change words, not accents. Invalid sequences become U+FFFD.
std::string fold(std::string_view utf8);

// NFKC_Casefold alone, accents kept: for names that must match what other tools
// derive from the same text (Markdown heading anchors).
std::string fold_case(std::string_view utf8);

// fold() plus whitespace trimmed and collapsed to single spaces: the canonical
// form of a filter value such as a tag.
std::string fold_value(std::string_view utf8);

}  // namespace qbank::schema
