#pragma once
// Facet counts for slots that hold a packed list of values (schema/facet_values.h):
// Xapian's ValueCountMatchSpy would count "A,B" as one value; this counts A and B,
// each once per document, under their folded key.

#include <xapian.h>

#include <map>

#include "qbank/searcher.h"
#include "schema/fields.h"

namespace qbank::query {

class PackedValueCountSpy : public Xapian::MatchSpy {
public:
    explicit PackedValueCountSpy(schema::Slot slot) : slot_(slot) {}

    void operator()(const Xapian::Document& doc, double weight) override;
    Xapian::MatchSpy* clone() const override { return new PackedValueCountSpy(slot_); }
    std::string name() const override { return "qbank::PackedValueCountSpy"; }

    // Counts by the spelling first seen for each key, the most common first; the
    // first `limit` values only when limit > 0.
    FacetCounts counts(std::size_t limit = 0) const;

private:
    struct Bucket {
        std::string display;
        std::size_t count = 0;
    };

    schema::Slot slot_;
    std::map<std::string, Bucket> buckets_;  // by folded key
};

}  // namespace qbank::query
