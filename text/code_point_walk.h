#pragma once
// UTF-8 text walked one code point at a time with ICU's decoder: the one loop that
// tests of a word's or a line's characters share. An ill-formed sequence reads as a
// negative code point (U_SENTINEL), which no ICU property test accepts.

#include <unicode/utf8.h>

#include <cstdint>
#include <string_view>
#include <type_traits>

namespace qbank::text {

// Calls visit(c) for each code point of `s` in order. A visitor that returns bool
// stops the walk by returning false. Returns whether the walk reached the end.
template <class Visit>
bool for_each_code_point(std::string_view s, Visit visit) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    auto n = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(bytes, i, n, c);
        if constexpr (std::is_same_v<std::invoke_result_t<Visit, UChar32>, bool>) {
            if (!visit(c)) return false;
        } else {
            visit(c);
        }
    }
    return true;
}

}  // namespace qbank::text
