#pragma once
// Sentences by ICU's sentence break rules (Unicode UAX #29), for excerpts, the
// first sentence of a prompt and the units boilerplate is learned from.

#include <cstddef>
#include <functional>
#include <string_view>

namespace qbank::text {

// Calls visit(begin, end) with the byte range of each sentence of UTF-8 `text`,
// in order; the ranges cover the text, trailing spaces and newlines included.
// A sentence never spans a newline's end. Thread-safe.
void for_each_sentence(std::string_view text, const std::function<void(std::size_t, std::size_t)>& visit);

}  // namespace qbank::text
