#pragma once
// The searcher's language, whose matches rank first (query/hit_order.h): the
// query's own when its text tells it (Chinese, Japanese, Spanish words…), else
// the language most of the index is in.

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

}  // namespace qbank::query
