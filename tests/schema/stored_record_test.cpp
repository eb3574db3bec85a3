#include "schema/stored_record.h"

#include <gtest/gtest.h>

#include "qbank/error.h"

namespace qbank::schema {
namespace {

// The binary form gives back every field, and damaged data is an error naming
// the document, never a crash or a partial record.
TEST(StoredRecord, ReadsBackWhatWasStored) {
    Record r;
    r.id = "corpus/seeds/x.txt";
    r.source = "/abs/corpus/seeds/x.txt#anchor";
    r.title = "Design a rate limiter";
    r.question = "How would you design a rate limiter?";
    r.category = "System Design";
    r.level = Level::StaffPlus;
    r.tags = {"Scalability", "面试", ""};
    r.lang = "pt-BR";
    r.sections = {{"Sample Answer (Senior)", SectionKind::SampleAnswer, Level::Senior, std::string(300, 'x') + "\n\"é\""},
                  {"", SectionKind::Other, std::nullopt, ""}};
    r.removed = {{"Subscribe now", 3, RemovedBlock::Scope::Chrome}};
    r.duplicates = {"/abs/corpus/seeds/y.txt"};
    r.other_titles = {"Rate limiting"};
    Xapian::Document doc;
    doc.set_data(stored_record_data(r));
    EXPECT_EQ(stored_record(doc), r);
    EXPECT_EQ(stored_record([] {
                  Xapian::Document empty;
                  empty.set_data(stored_record_data(Record{}));
                  return empty;
              }()),
              Record{});
}

TEST(StoredRecord, DamagedDataIsIndexCorruptErrorNamingTheDocument) {
    Record r;
    r.id = "x";
    r.sections = {{"Answer", SectionKind::Other, std::nullopt, "text"}};
    const std::string good = stored_record_data(r);
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    auto stored = [&](const std::string& data) {
        Xapian::Document doc;
        doc.set_data(data);
        db.replace_document(1, doc);
        return stored_record(db.get_document(1));
    };
    auto expect_damaged = [&](const std::string& data, const std::string& why) {
        try {
            stored(data);
            ADD_FAILURE() << "read a damaged record: " << testing::PrintToString(data);
        } catch (const IndexCorruptError& e) {
            EXPECT_EQ(e.what(), "stored record of document 1 is damaged (" + why + "): rebuild the index from its files");
        }
    };
    expect_damaged(R"({"id":"x"})", "not qbank's record format");  // a record of an older schema
    expect_damaged("", "data ends early");
    // Cut anywhere, the record is damaged, never read in part.
    for (std::size_t n = 1; n < good.size(); ++n) EXPECT_THROW(stored(good.substr(0, n)), IndexCorruptError) << n;
    expect_damaged(good + "z", "bytes after the record");
    std::string long_length = good;
    long_length[1] = '\x7f';  // the id's length, past the end
    expect_damaged(long_length, "length past the end");
    std::string bad_level = good;
    bad_level[bad_level.find("x") + 5] = '\x07';  // after id, source, title, question, category: the level
    expect_damaged(bad_level, "unknown level");
    EXPECT_EQ(stored(good), r);
}

}  // namespace
}  // namespace qbank::schema
