#pragma once
// Which index terms are words worth suggesting as spelling corrections: the
// indexer counts them into Xapian's spelling data, and a stub of shards builds
// its lexicon from them (qbank/shards.h).

#include <string>

namespace qbank::indexer {

// Plain words of a document (unprefixed terms: prefixes are capitals) worth suggesting.
// Not numbers, nor words with digits ("12342" for "12345", "k8s"): an edit away from
// another is no typo of it, and a page of numbers would fill the spelling table.
bool is_spelling_word(const std::string& term);

}  // namespace qbank::indexer
