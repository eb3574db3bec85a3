#pragma once
// Facet counts for slots that hold a packed list of values (schema/facet_values.h):
// Xapian's ValueCountMatchSpy would count "A\0B" as one value, this counts A and B.

#include <xapian.h>

#include "qbank/searcher.h"
#include "schema/fields.h"

namespace qbank::query {

class PackedValueCountSpy : public Xapian::MatchSpy {
public:
    explicit PackedValueCountSpy(schema::Slot slot) : slot_(slot) {}

    void operator()(const Xapian::Document& doc, double weight) override;
    Xapian::MatchSpy* clone() const override { return new PackedValueCountSpy(slot_); }
    std::string name() const override { return "qbank::PackedValueCountSpy"; }

    const FacetCounts& counts() const { return counts_; }

private:
    schema::Slot slot_;
    FacetCounts counts_;
};

}  // namespace qbank::query
