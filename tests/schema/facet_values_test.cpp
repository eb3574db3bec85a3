#include "schema/facet_values.h"

#include <gtest/gtest.h>

namespace qbank::schema {
namespace {

TEST(FacetValues, RoundTrip) {
    const std::vector<std::vector<std::string>> cases = {
        {}, {"Senior"}, {"Risk Management", "C++", "面试"}, {"a", "b", "c"}};
    for (const auto& values : cases) EXPECT_EQ(unpack_facet_values(pack_facet_values(values)), values);
}

TEST(FacetValues, EmptySlotHasNoValues) { EXPECT_TRUE(unpack_facet_values("").empty()); }

}  // namespace
}  // namespace qbank::schema
