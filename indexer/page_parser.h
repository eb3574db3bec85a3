#pragma once
// Normalized page text -> Record. Pure: no I/O, no Xapian.
//
// The text before the first section heading is the preamble: either the
// labelled block of a question page ("The Question", category, title,
// question, level, one skill tag per line), a list of questions (a scrape that
// began mid-page: they become a follow-up section), or a prompt paragraph.
// Headings (see heading.h) start sections; a list spliced into an unfinished
// answer ("Result:" then "Common Mistakes" then the rest of the result) becomes
// its own section and the answer's halves are joined. A page without a title
// gets one from its question.

#include <string>
#include <string_view>

#include "qbank/record.h"

namespace qbank::indexer {

// `text` must come from normalize_page. Never fails: a page always yields a record,
// though a sparse page may give one with few fields.
Record parse_record(std::string_view text);

// A title for a page that has none: the question's first sentence, cut at a
// clause break or a word boundary when it is long.
std::string infer_title(std::string_view question);

}  // namespace qbank::indexer
