#include "query/facets.h"

#include <algorithm>
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
    // Views into `packed`, which no longer grows.
    struct Bucket {
        std::string_view display;  // as first seen
        std::size_t count = 0;
    };
    std::unordered_map<std::string_view, Bucket> buckets;  // by folded key
    for (const auto& [values, documents] : packed)
        schema::for_each_facet_value(values, [&](std::string_view key, std::string_view display) {
            Bucket& bucket = buckets[key];
            if (bucket.count == 0) bucket.display = display;
            bucket.count += documents;
        });
    // Keys shown alike count as one value.
    std::unordered_map<std::string_view, std::size_t> by_display;
    for (const auto& [_, bucket] : buckets) by_display[bucket.display] += bucket.count;
    std::vector<std::pair<std::string_view, std::size_t>> ranked(by_display.begin(), by_display.end());
    // The most common first; equal counts in byte order of value.
    auto before = [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; };
    std::size_t shown = limit > 0 ? std::min(limit, ranked.size()) : ranked.size();
    auto cut = ranked.begin() + static_cast<std::ptrdiff_t>(shown);
    if (cut != ranked.end()) std::nth_element(ranked.begin(), cut, ranked.end(), before);
    std::sort(ranked.begin(), cut, before);
    FacetCounts out;
    out.reserve(shown);
    for (std::size_t i = 0; i < shown; ++i) out.push_back({std::string(ranked[i].first), ranked[i].second});
    return out;
}

}  // namespace qbank::query
