#pragma once
// The one text-folding step shared by indexing and querying, so both sides
// produce the same terms: ICU NFKC_Casefold ("Ｃ＋＋" -> "c++", "Straße" -> "strasse"),
// then accents removed from Latin letters ("José" -> "jose").

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qbank::text {

// Search folding of valid UTF-8: NFKC_Casefold, then combining marks on Latin
// letters dropped. Marks on other scripts stay: Japanese voicing marks and
// Devanagari vowel signs change words, not accents. Invalid sequences become U+FFFD.
std::string fold(std::string_view utf8);

// fold() of `utf8`, with the bytes of `utf8` each byte of the result came from:
// [from[i], to[i]) for byte i. Both are empty when the mapping is one to one
// (ASCII text, whose fold is its lower case). Folding is done piece by piece at
// normalization boundaries, so the result is exactly fold(utf8).
struct FoldedText {
    std::string text;
    std::vector<std::uint32_t> from, to;

    std::size_t source_begin(std::size_t i) const { return from.empty() ? i : from[i]; }
    std::size_t source_end(std::size_t i) const { return to.empty() ? i : to[i - 1]; }  // of the byte before i
};
FoldedText fold_with_sources(std::string_view utf8);

// NFKC_Casefold alone, accents kept: for names that must match what other tools
// derive from the same text (Markdown heading anchors).
std::string fold_case(std::string_view utf8);

// fold() plus whitespace trimmed and collapsed to single spaces: the canonical
// form of a filter value such as a tag.
std::string fold_value(std::string_view utf8);

}  // namespace qbank::text
