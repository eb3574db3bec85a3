#include "query/facets.h"

#include "schema/facet_values.h"

namespace qbank::query {

void PackedValueCountSpy::operator()(const Xapian::Document& doc, double) {
    for (schema::FacetValue& value : schema::unpack_facet_values(doc.get_value(schema::slot_number(slot_)))) {
        Bucket& bucket = buckets_[std::move(value.key)];
        if (bucket.count++ == 0) bucket.display = std::move(value.display);
    }
}

FacetCounts PackedValueCountSpy::counts() const {
    FacetCounts out;
    for (const auto& [_, bucket] : buckets_) out[bucket.display] += bucket.count;
    return out;
}

}  // namespace qbank::query
