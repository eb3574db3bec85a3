#pragma once
// Lengths in code points of valid UTF-8, for limits people count in characters.

#include <cstddef>
#include <string_view>

namespace qbank::text {

inline bool is_utf8_lead_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

inline std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += is_utf8_lead_byte(c) ? 1 : 0;
    return n;
}

// Byte offset of the code point with index `n`, or s.size() when there are fewer.
inline std::size_t offset_of_code_point(std::string_view s, std::size_t n) {
    for (std::size_t i = 0; i < s.size(); ++i)
        if (is_utf8_lead_byte(s[i]) && n-- == 0) return i;
    return s.size();
}

}  // namespace qbank::text
