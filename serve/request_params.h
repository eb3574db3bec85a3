#pragma once
// The query string of an API request -> the library's request, within the limits
// one request may ask for. Every problem throws BadInputError naming the parameter.

#include <map>
#include <string>

#include "qbank/searcher.h"

namespace qbank::serve {

// Parameters as they come in a URL's query string; a name may repeat.
using Params = std::multimap<std::string, std::string>;

// Most hits, and the deepest offset, one request may ask for: deeper pages cost
// more than a person paging by hand needs.
inline constexpr std::size_t kMaxLimit = 100;
inline constexpr std::size_t kMaxOffset = 10000;

// GET /search: q, filter (repeatable, FIELD:VALUE), limit, offset, sort, facets
// (comma-separated; empty for none), facet_limit, fields, excerpt_chars, explain.
SearchRequest search_request(const Params& params);

// GET /questions/{id}/related: the same but q, which it does not use.
SearchRequest related_request(const Params& params);

}  // namespace qbank::serve
