#pragma once
// Finding malformed UTF-8 (overlong forms, surrogates and stray bytes included),
// for input that must be rejected rather than silently repaired.

#include <cstddef>
#include <string_view>

namespace qbank::text {

// Offset of the first byte that does not start a well-formed UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view bytes);

}  // namespace qbank::text
