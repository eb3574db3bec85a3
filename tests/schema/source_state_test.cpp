#include "schema/source_state.h"

#include <gtest/gtest.h>

namespace qbank::schema {
namespace {

TEST(SourceState, ListRoundTrips) {
    std::vector<SourceState> states = {
        {"/corpus/a.txt", "corpus/a.txt", 5178, 1'700'000'000'123'456'789, 0xdeadbeefcafef00dULL},
        {std::string("/odd/\x1e\x1f\xff name"), "odd", 0, -1, 0},
        {"/h/book.md", "h/book.md", 9, 8, 7, "what-is-jsx", {"pt-BR", "React", {"Junior", "Senior"}, {"jsx", ""}}},
        {"/h/index.md", "h/index.md", 1, 2, 3, "design-pastebin", {}, "Design Pastebin.com"},
    };
    EXPECT_EQ(decode_source_states(encode_source_states(states)), states);
}

TEST(SourceState, DamagedValuesDoNotDecode) {
    std::string good = encode_source_states({{"/a", "a", 1, 2, 3}});
    EXPECT_FALSE(decode_source_states(""));
    EXPECT_FALSE(decode_source_states(good.substr(0, good.size() - 1)));
    EXPECT_FALSE(decode_source_states(good + "x"));
}

}  // namespace
}  // namespace qbank::schema
