#include "query/facets.h"

#include <algorithm>

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

void PackedTally::add(std::string packed, std::size_t documents) {
    if (last_ == nullptr || last_->first != packed) last_ = &*counts_.try_emplace(std::move(packed), 0).first;
    last_->second += documents;
}

PackedTally tally_facet(const Xapian::Database& db, schema::Slot slot, const std::vector<Xapian::docid>& docs) {
    PackedTally tally;
    const Xapian::valueno valueno = schema::slot_number(slot);
    Xapian::ValueIterator stream = db.valuestream_begin(valueno);
    const Xapian::ValueIterator end = db.valuestream_end(valueno);
    for (Xapian::docid id : docs) {
        if (stream != end && stream.get_docid() < id) stream.skip_to(id);
        if (stream == end) break;
        if (stream.get_docid() != id) continue;  // no value: no facet
        tally.add(*stream);
    }
    return tally;
}

PackedTally tally_of(const Xapian::ValueCountMatchSpy& spy) {
    PackedTally tally;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) tally.add(*it, it.get_termfreq());
    return tally;
}

FacetCounts facet_counts(const PackedTally& tally, std::size_t limit) {
    const auto& packed = tally.counts();
    // Views into the tally, which no longer grows. A key is shown in its commonest
    // spelling (the first in byte order among equals): the same whichever order
    // the documents came in, as over shards.
    struct Bucket {
        std::pair<std::string_view, std::size_t> spelling;                  // the first met
        std::vector<std::pair<std::string_view, std::size_t>> other_spellings;  // rare: no allocation for most keys
        std::size_t count = 0;

        void add(std::string_view display, std::size_t documents) {
            count += documents;
            if (spelling.second == 0 || spelling.first == display) {
                spelling = {display, spelling.second + documents};
                return;
            }
            auto it = std::find_if(other_spellings.begin(), other_spellings.end(),
                                   [&](const auto& s) { return s.first == display; });
            if (it == other_spellings.end()) other_spellings.emplace_back(display, documents);
            else it->second += documents;
        }
        std::string_view display() const {
            auto best = spelling;
            for (const auto& s : other_spellings)
                if (s.second > best.second || (s.second == best.second && s.first < best.first)) best = s;
            return best.first;
        }
    };
    std::unordered_map<std::string_view, Bucket> buckets;  // by folded key
    buckets.reserve(packed.size());
    for (const auto& entry : packed) {
        const std::size_t documents = entry.second;  // a copy: clang's lambdas cannot capture structured bindings
        schema::for_each_facet_value(entry.first, [&](std::string_view key, std::string_view display) {
            buckets[key].add(display, documents);
        });
    }
    // A key is the fold of each of its spellings (schema/facet_values.h), so no two keys show alike.
    std::vector<std::pair<std::string_view, std::size_t>> ranked;
    ranked.reserve(buckets.size());
    for (const auto& [_, bucket] : buckets) ranked.emplace_back(bucket.display(), bucket.count);
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
