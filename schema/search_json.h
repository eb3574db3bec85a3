#pragma once
// Search and stats output as JSON, in the shape of schema/search.schema.json.

#include <string>

#include "qbank/searcher.h"

namespace qbank::schema {

// The excerpt as HTML text: everything escaped, highlights wrapped in <mark>…</mark>.
std::string excerpt_to_html(const Excerpt& excerpt);

// `explain`: add each hit's explanation ("explain").
std::string search_result_to_json(const SearchResult& result, bool explain = false, int indent = 2);
std::string stats_to_json(const IndexStats& stats, int indent = 2);

}  // namespace qbank::schema
