#include "qbank/json.h"

#include <gtest/gtest.h>

#include "qbank/error.h"
#include "schema/stored_record.h"

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

TEST(StoredRecord, DamagedDataIsIndexCorruptErrorNamingTheDocument) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document doc;
    doc.set_data(R"({"id":"x"})");
    db.add_document(doc);
    try {
        stored_record(db.get_document(1));
        FAIL() << "read a damaged record";
    } catch (const IndexCorruptError& e) {
        EXPECT_EQ(std::string(e.what()).rfind("stored record of document 1 is damaged (not a record: ", 0), 0u) << e.what();
    }
}

}  // namespace
}  // namespace qbank::schema
