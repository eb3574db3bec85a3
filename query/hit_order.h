#pragma once
// The order of hits, with only what Xapian's remote backend runs (no KeyMaker):
// the matches are split into tiers, each ranked by relevance or by one value
// slot, and the tiers follow one another.
//
// Relevance: pages in the searcher's language first. A handbook translated into
// ten languages matches "hoisting" in every one of them, and a reader wants the
// one they read; a translation ranks below every match in the reader's language,
// and scores stay those of the words. Level and source: that value's order;
// questions of no level last either way.

#include <xapian.h>

#include <string>
#include <vector>

#include "qbank/searcher.h"

namespace qbank::query {

// The matches holding `filter` (an empty Query: every match), or those lacking it.
struct Tier {
    Xapian::Query filter;
    bool excluded = false;
};

// The tiers of `order`, in the order their hits come. `language` (a primary
// subtag, may be empty) is the searcher's; `index_languages` are those of the index.
std::vector<Tier> hit_tiers(const SortOrder& order, const std::string& language,
                            const std::vector<std::string>& index_languages);

// The part of `matches` in `tier`.
Xapian::Query in_tier(const Xapian::Query& matches, const Tier& tier);

// Ranks the hits of one tier of `order` on `enquire`.
void rank_tier(Xapian::Enquire& enquire, const SortOrder& order);

}  // namespace qbank::query
