#pragma once
// Matches in the searcher's language rank first: a handbook translated into
// ten languages matches "hoisting" in every one of them, and a reader wants the
// one they read. The language is the query's own when its text tells it
// (Chinese, Japanese, Spanish words…), else the language most of the index is in.

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace qbank::query {

// The language subtag most documents of `db` carry ("en"), or empty for none.
std::string dominant_language(const Xapian::Database& db);

// Every primary language subtag documents of `db` carry ("en", "pt", "zh").
std::vector<std::string> languages_of(const Xapian::Database& db);

// The language to prefer for `query_text`: its own, else `fallback`.
std::string preferred_language(std::string_view query_text, const std::string& fallback);

// `query` with a bonus of `weight` for documents in `language` (a primary subtag);
// matches nothing more and nothing less than `query`.
Xapian::Query prefer_language(const Xapian::Query& query, const std::string& language, double weight);

}  // namespace qbank::query
