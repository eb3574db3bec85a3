#pragma once
// A word list kept as written in the source and compared as fold() writes it
// ("Schlagwörter" matches "schlagworter"), folded once on first use.

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "text/fold.h"

namespace qbank::indexer {

class FoldedList {
public:
    template <typename Range>
    explicit FoldedList(const Range& words) {
        for (const auto& w : words) words_.push_back(text::fold(std::string_view(w)));
    }

    bool contains(std::string_view folded) const {
        return std::find(words_.begin(), words_.end(), folded) != words_.end();
    }
    const std::vector<std::string>& words() const { return words_; }

private:
    std::vector<std::string> words_;
};

}  // namespace qbank::indexer
