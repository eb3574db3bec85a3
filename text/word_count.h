#pragma once
// Words of a line of normalized text: runs of characters between spaces.

#include <cstddef>
#include <string_view>

namespace qbank::text {

inline std::size_t word_count(std::string_view s) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : s) {
        bool space = c == ' ' || c == '\t';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

}  // namespace qbank::text
