#include "indexer/corpus_boilerplate.h"

#include <gtest/gtest.h>

namespace qbank::indexer {
namespace {

// Units as learn() receives them: the distinct unit hashes of each page, concatenated.
std::vector<std::uint64_t> pages_with(std::uint64_t unit, std::size_t on_pages, std::size_t of_pages) {
    std::vector<std::uint64_t> units;
    for (std::size_t page = 0; page < of_pages; ++page) {
        units.push_back(1000 + page);  // each page's own text
        if (page < on_pages) units.push_back(unit);
    }
    return units;
}

TEST(CorpusBoilerplate, NeedsEnoughPagesAndAShareOfThem) {
    const std::tuple<std::size_t, std::size_t, bool> cases[] = {
        // on pages, of pages, learned (min 5 pages, 10%)
        {5, 20, true},     {4, 20, false},   // too few pages
        {9, 100, false},   {10, 100, true},  // too small a share, then enough
        {100, 100, true},  {2, 2, false},
    };
    for (const auto& [on, of, expected] : cases) {
        auto learned = CorpusBoilerplate::learn(pages_with(7, on, of), of, {5, 0.1});
        EXPECT_EQ(learned.contains(7), expected) << on << " of " << of;
        EXPECT_FALSE(learned.contains(1000));
    }
}

TEST(CorpusBoilerplate, SerializesRoundTrip) {
    auto learned = CorpusBoilerplate::learn(pages_with(7, 20, 20), 20, {5, 0.1});
    auto back = CorpusBoilerplate::deserialize(learned.serialize());
    EXPECT_TRUE(back.contains(7));
    EXPECT_EQ(back.size(), 1u);
    EXPECT_EQ(back.pages(), 20u);
    EXPECT_TRUE(CorpusBoilerplate::deserialize("").empty());
}

}  // namespace
}  // namespace qbank::indexer
