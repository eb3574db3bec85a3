#include "qbank/json.h"

#include <gtest/gtest.h>

#include "qbank/error.h"

namespace qbank::schema {
namespace {

Record sample_record() {
    Record r;
    r.id = "0123456789abcdef";
    r.source = "corpus/x.txt";
    r.title = "Title with \"quotes\" & <angles>";
    r.question = "Why?";
    r.category = "Behavioral";
    r.level = Level::StaffPlus;
    r.tags = {"C++", "面试"};
    r.sections = {{"Sample Answer (Mid-Level)", SectionKind::SampleAnswer, Level::Mid, "Situation: …"},
                  {"Notes", SectionKind::Other, std::nullopt, "text"}};
    r.removed = {{"banner", 3}};
    return r;
}

TEST(RecordJson, RoundTrips) {
    Record r = sample_record();
    EXPECT_EQ(record_from_json(record_to_json(r)), r);
    EXPECT_EQ(record_from_json(record_to_json(r, 2)), r);
}

TEST(RecordJson, AbsentFieldsStayAbsent) {
    Record r = sample_record();
    r.category.reset();
    r.level.reset();
    std::string json = record_to_json(r);
    EXPECT_EQ(json.find("\"category\""), std::string::npos);
    EXPECT_EQ(json.find("\"level\":\"Staff+\""), std::string::npos);
    EXPECT_EQ(record_from_json(json), r);
}

TEST(RecordJson, WhatIsNotARecordIsBadInputError) {
    for (const char* bad : {"", "{", "[]", R"({"id":"x"})",
                            R"({"id":"x","source":"s","title":"t","question":"q","level":"Wizard","tags":[],"sections":[],"removed":[]})"}) {
        try {
            record_from_json(bad);
            ADD_FAILURE() << "accepted " << bad;
        } catch (const BadInputError&) {
        }
    }
}

}  // namespace
}  // namespace qbank::schema
