#pragma once
// The passage of a hit that answers the query: the section that matches it best
// (or, when the search asks for a level, that level's sample answer), cut to
// about `chars` characters on ICU sentence boundaries, matched words located.
// Words matched in prose count more than in links or code; prose reads as one
// line, code keeps its lines.
//
// Built here rather than by Xapian's MSet::snippet: that re-tokenizes without our
// ICU folding and word breaks (so "José" would not light up for "jose", nor
// Chinese words), ignores sentence ends, and cannot say which section it used.

#include <optional>

#include "qbank/record.h"
#include "qbank/searcher.h"
#include "query/query_terms.h"

namespace qbank::query {

// Falls back to the question when the page has no sections, and to the start of
// the first section when no section holds a query word.
Excerpt make_excerpt(const Record& record, const QueryTerms& terms, std::optional<Level> preferred_level,
                     std::size_t chars);

// The byte ranges of `text`'s words (in BCP 47 `language`) that the query looks for.
std::vector<std::pair<std::size_t, std::size_t>> find_highlights(std::string_view text, const QueryTerms& terms,
                                                                 std::string_view language);

}  // namespace qbank::query
