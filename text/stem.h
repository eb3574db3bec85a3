#pragma once
// The stem kept beside a term, for words that match in another form ("caching"
// finds "cache"): English Snowball for terms that start with a letter, as
// Xapian's STEM_SOME strategy does at index and query time; a Korean word
// without the particle written onto it ("위임에" finds "위임").

#include <string>

namespace qbank::text {

// The stem of an index term (tokenizer.h), or "" when the term keeps no stem
// (it starts with a digit or a sign). Thread-safe.
std::string stem_of(const std::string& term);

}  // namespace qbank::text
