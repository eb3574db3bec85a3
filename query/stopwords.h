#pragma once
// English words that say little about what is asked, in two grades: stopwords,
// dropped from queries (outside "phrases"), and filler, which only adds score.
// Neither is ever dropped from the index, so phrase searches still match them.

#include <xapian.h>

#include <string_view>

namespace qbank::query {

// A stopper for query parsers; lives for the whole program.
const Xapian::Stopper* english_stopper();

// Words that shape a question or a comparison without naming its topic ("would",
// "instead", "vs"): a match need not hold them. `word` is folded.
bool is_filler_word(std::string_view word);

}  // namespace qbank::query
