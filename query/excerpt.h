#pragma once
// The passage of a hit's answer text that best matches the query, chosen by
// Xapian's snippet model, with the matched terms located as byte ranges.

#include <xapian.h>

#include "qbank/record.h"
#include "qbank/searcher.h"

namespace qbank::query {

// `mset` must come from Enquire::get_mset for the query being shown (the snippet
// model needs its term statistics). Falls back to the question when the page has no sections.
Excerpt make_excerpt(const Xapian::MSet& mset, const Record& record, std::size_t length);

// Turns snippet output (HTML-escaped, terms between `start` and `end` markers)
// into plain text with highlight ranges.
Excerpt parse_marked_snippet(const std::string& marked, std::string_view start, std::string_view end);

}  // namespace qbank::query
