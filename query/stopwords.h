#pragma once
// Words that say little about what is asked, in two grades: stopwords, dropped
// from queries (outside "phrases"), and filler, which only adds score. English's
// lists apply to every query, a language's own to queries written in it ("jest"
// is a stopword of Polish queries only). Neither is ever dropped from the index,
// so phrase searches still match them.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace qbank::query {

// Whether folded `word` is a stopword of English or of BCP 47 `language` ("the", "の").
bool is_stopword(std::string_view word, std::string_view language);

// Words that shape a question or a comparison without naming its topic ("would",
// "instead", "vs", "diferencia", "違い"): a match need not hold them. `word` is folded.
bool is_filler_word(std::string_view word, std::string_view language);

// How many of the folded `words` from `first` on make a set phrase of English
// that frames a question without naming its topic, 0 for none: a compound
// preposition ("in front of", "at the end of") or a phrasal verb of vague
// meaning ("come up", "turned out"). Its words are filler there, and only
// there: "front end" and "end to end" keep their topic.
std::size_t set_phrase_length(const std::vector<std::string>& words, std::size_t first);

}  // namespace qbank::query
