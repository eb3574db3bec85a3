#include "qbank/maintenance.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>

#include "../test_paths.h"
#include "qbank/error.h"
#include "qbank/indexer.h"
#include "qbank/searcher.h"

namespace qbank {
namespace {

class MaintenanceTest : public ::testing::Test {
protected:
    void SetUp() override {
        Indexer indexer(db());
        indexer.add_path((test::source_dir() / "corpus" / "seeds").string());
        indexer.commit();
    }

    std::string db() const { return dir_.str("index"); }

    test::TempDir dir_;
};

TEST_F(MaintenanceTest, SoundIndexChecksOk) {
    CheckReport report = check_index(db());
    EXPECT_TRUE(report.ok()) << report.problems.front();
    EXPECT_EQ(report.documents, 4u);
}

TEST_F(MaintenanceTest, DamagedRecordsAndSharedIdsAreReported) {
    {
        Xapian::WritableDatabase w(db());
        Xapian::Document first = w.get_document(1);
        first.set_data("{not a record");
        w.replace_document(1, first);
        Xapian::Document copy = w.get_document(2);
        w.add_document(copy);  // a second document with the same id term
        w.commit();
    }
    CheckReport report = check_index(db());
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.problems.front().rfind("document 1: stored record is not valid", 0), 0u) << report.problems.front();
    EXPECT_NE(std::find_if(report.problems.begin(), report.problems.end(),
                           [](const std::string& p) { return p.find("is shared") != std::string::npos; }),
              report.problems.end());
}

TEST_F(MaintenanceTest, CorruptTableIsReportedNotThrown) {
    {
        // A block zeroed, as a torn write leaves it. (Arbitrary bytes can make
        // Xapian 1.4's checker read freed memory, which AddressSanitizer stops.)
        std::fstream table(db() + "/postlist.glass", std::ios::in | std::ios::out | std::ios::binary);
        table.seekp(8192);
        table << std::string(8192, '\0');
    }
    CheckReport report = check_index(db());
    EXPECT_FALSE(report.ok());
}

TEST(Maintenance, MissingIndexIsIndexMissingError) {
    test::TempDir dir;
    EXPECT_THROW(check_index(dir.str("none")), IndexMissingError);
    EXPECT_THROW(compact_index(dir.str("none")), IndexMissingError);
}

TEST_F(MaintenanceTest, CompactKeepsEverythingAndOpenSearchersWork) {
    Searcher before(db());
    SearchResult expected = before.search({"stakeholder", {}, 0, 10});
    compact_index(db());
    EXPECT_TRUE(check_index(db()).ok());
    SearchResult after = Searcher(db()).search({"stakeholder", {}, 0, 10});
    ASSERT_EQ(after.hits.size(), expected.hits.size());
    for (std::size_t i = 0; i < after.hits.size(); ++i) EXPECT_EQ(after.hits[i].record.id, expected.hits[i].record.id);
    EXPECT_EQ(before.search({"stakeholder", {}, 0, 10}).total, expected.total);  // opened before the swap
    EXPECT_FALSE(std::filesystem::exists(db() + ".compacting"));
}

TEST_F(MaintenanceTest, CompactAcceptsATrailingSlash) {
    compact_index(db() + "/");
    EXPECT_TRUE(check_index(db()).ok());
    EXPECT_FALSE(std::filesystem::exists(db() + "/.compacting"));
    EXPECT_FALSE(std::filesystem::exists(db() + ".compacting"));
}

TEST_F(MaintenanceTest, CompactIsRefusedWhileAWriterHoldsTheIndex) {
    Indexer writer(db());
    try {
        compact_index(db());
        FAIL() << "compacted under a writer";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), Error::Kind::IndexLocked);
    }
}

}  // namespace
}  // namespace qbank
