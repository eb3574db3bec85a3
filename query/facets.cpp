#include "query/facets.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include "schema/facet_values.h"

namespace qbank::query {

void MatchedDocuments::operator()(const Xapian::Document& doc, double) {
    Xapian::docid id = doc.get_docid();
    sorted_ = sorted_ && (ids_.empty() || ids_.back() < id);
    ids_.push_back(id);
}

const std::vector<Xapian::docid>& MatchedDocuments::ids() {
    if (!sorted_) std::sort(ids_.begin(), ids_.end());  // the matcher visits in docid order; this is a guard
    sorted_ = true;
    return ids_;
}

FacetCounts count_facet(const Xapian::Database& db, schema::Slot slot, const std::vector<Xapian::docid>& docs,
                        std::size_t limit) {
    // Each packed string counted whole, since many documents share one ("en",
    // "Senior"), in the order first seen; unpacked once at the end.
    std::vector<std::pair<std::string, std::size_t>> packed;
    std::unordered_map<std::string, std::size_t> index;
    const Xapian::valueno valueno = schema::slot_number(slot);
    Xapian::ValueIterator stream = db.valuestream_begin(valueno);
    const Xapian::ValueIterator end = db.valuestream_end(valueno);
    for (Xapian::docid id : docs) {
        if (stream != end && stream.get_docid() < id) stream.skip_to(id);
        if (stream == end) break;
        if (stream.get_docid() != id) continue;  // no value: no facet
        auto [at, added] = index.try_emplace(*stream, packed.size());
        if (added) packed.emplace_back(at->first, 0);
        ++packed[at->second].second;
    }
    struct Bucket {
        std::string display;  // as first seen
        std::size_t count = 0;
    };
    std::map<std::string, Bucket> buckets;  // by folded key
    for (const auto& [values, documents] : packed)
        for (schema::FacetValue& value : schema::unpack_facet_values(values)) {
            Bucket& bucket = buckets[std::move(value.key)];
            if (bucket.count == 0) bucket.display = std::move(value.display);
            bucket.count += documents;
        }
    // Keys shown alike count as one value.
    std::map<std::string, std::size_t> by_display;
    for (const auto& [_, bucket] : buckets) by_display[bucket.display] += bucket.count;
    FacetCounts out;
    out.reserve(by_display.size());
    for (auto& [display, count] : by_display) out.push_back({display, count});
    // Stable: equal counts stay in byte order of value.
    std::stable_sort(out.begin(), out.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    if (limit > 0 && out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace qbank::query
