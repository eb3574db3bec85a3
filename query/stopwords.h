#pragma once
// Words that say little about what is asked, in two grades: stopwords, dropped
// from queries (outside "phrases"), and filler, which only adds score. English's
// lists apply to every query, a language's own to queries written in it ("jest"
// is a stopword of Polish queries only). Neither is ever dropped from the index,
// so phrase searches still match them.

#include <string_view>

namespace qbank::query {

// Whether folded `word` is a stopword of English or of BCP 47 `language` ("the", "の").
bool is_stopword(std::string_view word, std::string_view language);

// Words that shape a question or a comparison without naming its topic ("would",
// "instead", "vs", "diferencia", "違い"): a match need not hold them. `word` is folded.
bool is_filler_word(std::string_view word, std::string_view language);

}  // namespace qbank::query
