#include "query/excerpt.h"

#include <gtest/gtest.h>

namespace qbank::query {
namespace {

TEST(ParseMarkedSnippet, UnescapesAndLocatesHighlights) {
    const std::tuple<std::string, std::string, std::vector<std::pair<std::size_t, std::size_t>>> cases[] = {
        {"", "", {}},
        {"no marks", "no marks", {}},
        {"a [herd] b", "a herd b", {{2, 6}}},
        {"[a]&amp;[b]", "a&b", {{0, 1}, {2, 3}}},
        {"&lt;T&gt; [x]", "<T> x", {{4, 5}}},
        {"&amp;amp;", "&amp;", {}},
        {"…[面试]…", "…面试…", {{3, 9}}},
    };
    for (const auto& [marked, text, highlights] : cases) {
        Excerpt e = parse_marked_snippet(marked, "[", "]");
        EXPECT_EQ(e.text, text) << marked;
        EXPECT_EQ(e.highlights, highlights) << marked;
    }
}

}  // namespace
}  // namespace qbank::query
