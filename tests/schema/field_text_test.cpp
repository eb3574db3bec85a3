// The one record -> field text walk covers every field that holds text.

#include "schema/field_text.h"

#include <gtest/gtest.h>

#include <set>

namespace qbank::schema {
namespace {

TEST(FieldText, EveryTextFieldIsWalkedInOrder) {
    Record r;
    r.title = "t";
    r.other_titles = {"o"};
    r.question = "q";
    r.tags = {"a", "b"};
    r.category = "c";
    r.sections = {{"h", SectionKind::Other, std::nullopt, "x"}};
    std::vector<std::pair<FieldId, std::string>> seen;
    for_each_field_text(r, [&](FieldId f, const std::string& text) { seen.emplace_back(f, text); });
    EXPECT_EQ(seen, (std::vector<std::pair<FieldId, std::string>>{
                        {FieldId::Title, "t"}, {FieldId::Title, "o"}, {FieldId::Question, "q"}, {FieldId::Tag, "a"},
                        {FieldId::Tag, "b"}, {FieldId::Category, "c"}, {FieldId::Heading, "h"}, {FieldId::Answer, "x"}}));
    // A field that plain words search, or that holds free text, must come from the walk.
    std::set<FieldId> walked;
    for (const auto& [f, text] : seen) walked.insert(f);
    for (const Field& f : kFields) {
        if (f.kind == FieldKind::FreeText || f.weight > 0) {
            EXPECT_TRUE(walked.count(f.id)) << f.name;
        }
    }
}

}  // namespace
}  // namespace qbank::schema
