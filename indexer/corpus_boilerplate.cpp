#include "indexer/corpus_boilerplate.h"

#include <algorithm>
#include <cmath>

#include "schema/little_endian.h"

namespace qbank::indexer {

// Bounds what is kept in the index metadata; real sites have a handful of banners.
constexpr std::size_t kMaxLearnedUnits = 10000;

CorpusBoilerplate CorpusBoilerplate::learn(std::vector<std::uint64_t> page_units, std::size_t pages,
                                           const BoilerplateThresholds& thresholds) {
    CorpusBoilerplate learned;
    learned.pages_ = pages;
    auto needed = std::max<std::size_t>(
        thresholds.min_pages, static_cast<std::size_t>(std::ceil(thresholds.min_share * static_cast<double>(pages))));
    std::sort(page_units.begin(), page_units.end());
    for (std::size_t i = 0; i < page_units.size() && learned.hashes_.size() < kMaxLearnedUnits;) {
        std::size_t j = i;
        while (j < page_units.size() && page_units[j] == page_units[i]) ++j;
        if (j - i >= needed) learned.hashes_.insert(page_units[i]);
        i = j;
    }
    return learned;
}

// The page count, then the hashes, as 8-byte little-endian numbers.
std::string CorpusBoilerplate::serialize() const {
    std::vector<std::uint64_t> sorted(hashes_.begin(), hashes_.end());
    std::sort(sorted.begin(), sorted.end());
    sorted.insert(sorted.begin(), pages_);
    std::string out;
    out.reserve(sorted.size() * 8);
    for (std::uint64_t h : sorted) schema::append_le(out, h);
    return out;
}

CorpusBoilerplate CorpusBoilerplate::deserialize(std::string_view data) {
    CorpusBoilerplate learned;
    for (std::size_t at = 0; at + 8 <= data.size(); at += 8) {
        std::uint64_t h = schema::read_le(data.substr(at));
        if (at == 0) learned.pages_ = h;
        else learned.hashes_.insert(h);
    }
    return learned;
}

}  // namespace qbank::indexer
