#include "schema/facet_values.h"

#include <gtest/gtest.h>

namespace qbank::schema {
namespace {

TEST(FacetValues, RoundTripWithFoldedKeys) {
    EXPECT_TRUE(unpack_facet_values(pack_facet_values({})).empty());
    EXPECT_EQ(unpack_facet_values(pack_facet_values({"Senior"})), (std::vector<FacetValue>{{"senior", "Senior"}}));
    EXPECT_EQ(unpack_facet_values(pack_facet_values({"Risk  Management", "C++", "面试"})),
              (std::vector<FacetValue>{{"risk management", "Risk  Management"}, {"c++", "C++"}, {"面试", "面试"}}));
}

// One document counts once per value, however often or in whatever case a page repeats it.
TEST(FacetValues, OneEntryPerKey) {
    EXPECT_EQ(unpack_facet_values(pack_facet_values({"Leadership", "leadership", "LEADERSHIP", "", "  "})),
              (std::vector<FacetValue>{{"leadership", "Leadership"}}));
}

TEST(FacetValues, EmptySlotHasNoValues) { EXPECT_TRUE(unpack_facet_values("").empty()); }

}  // namespace
}  // namespace qbank::schema
