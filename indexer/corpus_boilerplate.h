#pragma once
// Boilerplate learned across a corpus: sentences or lines that recur on many
// pages (a site banner, a cookie notice, a "sign up to unlock" upsell) and are
// removed from every page, even where they occur once. Real content shared by
// a few pages stays: a unit must appear on at least `min_pages` pages and on at
// least `min_share` of the pages examined.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace qbank::indexer {

struct BoilerplateThresholds {
    std::size_t min_pages = 5;
    double min_share = 0.1;
};

class CorpusBoilerplate {
public:
    // `page_units` holds, for each examined page, the hashes of its distinct candidate
    // units (see boilerplate_unit_hashes), concatenated; `pages` says how many pages.
    static CorpusBoilerplate learn(std::vector<std::uint64_t> page_units, std::size_t pages,
                                   const BoilerplateThresholds& thresholds);

    bool contains(std::uint64_t unit_hash) const { return hashes_.count(unit_hash) != 0; }
    std::size_t pages() const { return pages_; }  // how many pages it was learned from
    bool empty() const { return hashes_.empty(); }
    std::size_t size() const { return hashes_.size(); }

    // For keeping what a large run learned, so small incremental runs can use it.
    std::string serialize() const;
    static CorpusBoilerplate deserialize(std::string_view data);

private:
    std::unordered_set<std::uint64_t> hashes_;
    std::size_t pages_ = 0;
};

}  // namespace qbank::indexer
