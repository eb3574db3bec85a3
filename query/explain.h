#pragma once
// Why a hit scored what it did: each query term it holds, the fields of its
// record that hold it, and the term's part of the score.

#include <xapian.h>

#include <vector>

#include "qbank/record.h"
#include "qbank/searcher.h"

namespace qbank::query {

// `hit` is from an MSet of `enquire`, whose query was `query` with the bonus
// `near` (QueryBuilder::nearness, may be empty); `weighting` is the scheme it
// ranked with. Each part is the score of the term alone on this document (BM25
// adds per term, so the parts sum to the hit's score), and of each pair of
// words the document holds together ("near"); largest first.
std::vector<TermScore> explain_hit(const Xapian::Database& db, const Xapian::Enquire& enquire,
                                   const Xapian::Query& query, const Xapian::Query& near,
                                   const Xapian::MSetIterator& hit, const Record& record,
                                   const Xapian::Weight& weighting);

}  // namespace qbank::query
