#include "schema/fields.h"

#include <gtest/gtest.h>

#include <set>

namespace qbank::schema {
namespace {

TEST(Fields, PrefixesAndNamesAreUnique) {
    std::set<std::string_view> prefixes, names;
    for (const Field& f : kFields) {
        EXPECT_TRUE(prefixes.insert(f.prefix).second) << f.prefix;
        EXPECT_TRUE(names.insert(f.name).second) << f.name;
    }
}

// Xapian's convention: a prefix of more than one letter starts with X, and no
// prefix is a prefix of another unless it ends before an upper-case letter.
TEST(Fields, PrefixesFollowXapianConventions) {
    for (const Field& f : kFields) {
        ASSERT_FALSE(f.prefix.empty());
        for (char c : f.prefix) EXPECT_TRUE(c >= 'A' && c <= 'Z') << f.prefix;
        if (f.prefix.size() > 1) {
            EXPECT_EQ(f.prefix.front(), 'X') << f.prefix;
        }
    }
}

TEST(Fields, FindFieldByQueryName) {
    ASSERT_NE(find_field("tag"), nullptr);
    EXPECT_EQ(find_field("tag")->id, FieldId::Tag);
    EXPECT_EQ(find_field("Tag"), nullptr);
    EXPECT_EQ(find_field("nosuch"), nullptr);
}

TEST(Fields, FilterTermsAreCanonical) {
    const std::tuple<FieldId, std::string, std::optional<std::string>> cases[] = {
        {FieldId::Level, "senior", "XLsenior"},
        {FieldId::Level, "Senior Level", "XLsenior"},
        {FieldId::Level, "(Mid-Level)", "XLmid"},
        {FieldId::Level, "staff", "XLstaff+"},
        {FieldId::Level, "wizard", std::nullopt},
        {FieldId::Tag, "  Risk   Management ", "Krisk management"},
        {FieldId::Tag, "", std::nullopt},
        {FieldId::Category, "Behavioral", "XCbehavioral"},
    };
    for (const auto& [field, value, expected] : cases) EXPECT_EQ(filter_term(field, value), expected) << value;
}

TEST(Fields, IdTerm) { EXPECT_EQ(id_term("00ff"), "Q00ff"); }

}  // namespace
}  // namespace qbank::schema
