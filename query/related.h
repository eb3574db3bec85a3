#pragma once
// "More like this": the query that finds the questions closest to one document,
// from the words that set it apart (Xapian's relevance feedback, Enquire::get_eset).

#include <xapian.h>

#include <string>

namespace qbank::query {

// The document's most distinctive plain words, OR-ed, the document itself excluded
// (through its unique id term). MatchNothing for a document without such words.
Xapian::Query related_query(const Xapian::Database& db, Xapian::docid docid, const std::string& id_term,
                            unsigned max_terms = 24);

}  // namespace qbank::query
