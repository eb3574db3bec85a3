#pragma once
// Exact facet counts over every match of a search. A spy only records which
// documents matched; their values are then read slot by slot, in docid order,
// through Xapian's value streams. Reading them per document instead
// (Document::get_value, as a ValueCountMatchSpy does) looks each value's chunk
// up afresh, for every facet of every match.
//
// A facet slot holds a packed list of values (schema/facet_values.h): each
// value counts once per document, under its folded key.

#include <xapian.h>

#include <string>
#include <vector>

#include "qbank/searcher.h"
#include "schema/fields.h"

namespace qbank::query {

class MatchedDocuments : public Xapian::MatchSpy {
public:
    void operator()(const Xapian::Document& doc, double weight) override;
    Xapian::MatchSpy* clone() const override { return new MatchedDocuments(); }
    std::string name() const override { return "qbank::MatchedDocuments"; }

    // The documents seen, in ascending order.
    const std::vector<Xapian::docid>& ids();

private:
    std::vector<Xapian::docid> ids_;
    bool sorted_ = true;
};

// The values of facet `slot` over `docs` (ascending), each counted by the spelling
// first seen for its key, the most common first; the first `limit` only when limit > 0.
FacetCounts count_facet(const Xapian::Database& db, schema::Slot slot, const std::vector<Xapian::docid>& docs,
                        std::size_t limit = 0);

}  // namespace qbank::query
