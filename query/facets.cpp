#include "query/facets.h"

#include <algorithm>

#include "schema/facet_values.h"

namespace qbank::query {

void PackedValueCountSpy::operator()(const Xapian::Document& doc, double) {
    for (schema::FacetValue& value : schema::unpack_facet_values(doc.get_value(schema::slot_number(slot_)))) {
        Bucket& bucket = buckets_[std::move(value.key)];
        if (bucket.count++ == 0) bucket.display = std::move(value.display);
    }
}

FacetCounts PackedValueCountSpy::counts(std::size_t limit) const {
    // Keys shown alike count as one value.
    std::map<std::string, std::size_t> by_display;
    for (const auto& [_, bucket] : buckets_) by_display[bucket.display] += bucket.count;
    FacetCounts out;
    out.reserve(by_display.size());
    for (auto& [value, count] : by_display) out.push_back({value, count});
    // Stable: equal counts stay in byte order of value.
    std::stable_sort(out.begin(), out.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    if (limit > 0 && out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace qbank::query
