#pragma once
// Sentences by ICU's sentence break rules (Unicode UAX #29), for excerpts, the
// first sentence of a prompt and the units boilerplate is learned from.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace qbank::text {

// Calls visit(begin, end) with the byte range of each sentence of UTF-8 `text`
// that overlaps bytes [from, to), in order; the sentences of the whole text
// cover it, trailing spaces and newlines included. A sentence never spans a
// newline's end. ICU reads back from `from` to where its rules can start, so a
// part's sentences are those of the whole text. Thread-safe.
void for_each_sentence(std::string_view text, const std::function<void(std::size_t, std::size_t)>& visit,
                       std::size_t from = 0, std::size_t to = std::string_view::npos);

}  // namespace qbank::text
