#include "indexer/index_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "../test_paths.h"
#include "qbank/error.h"
#include "qbank/version.h"
#include "schema/facet_values.h"
#include "schema/fields.h"
#include "schema/stored_record.h"

namespace qbank::indexer {
namespace {

Record record(const std::string& id, const std::string& title) {
    Record r;
    r.id = id;
    r.source = id + ".txt";
    r.title = title;
    r.question = "Tell me about Kubernetes migrations.";
    r.category = "Behavioral";
    r.level = Level::Senior;
    r.tags = {"Risk Management", "C++"};
    r.sections = {{"Sample Answer (Mid-Level)", SectionKind::SampleAnswer, Level::Mid, "We used canaries."}};
    return r;
}

enum class Backend { InMemory, Glass };

class IndexWriterTest : public ::testing::TestWithParam<Backend> {
protected:
    Xapian::WritableDatabase open() {
        if (GetParam() == Backend::InMemory) return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
        return Xapian::WritableDatabase(dir_.str("index"), Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    }

    test::TempDir dir_;
};

std::set<std::string> terms_of(const Xapian::Document& doc) {
    return {doc.termlist_begin(), doc.termlist_end()};
}

TEST_P(IndexWriterTest, WritesTermsValuesAndData) {
    Xapian::WritableDatabase db = open();
    IndexWriter writer(db, "test");
    EXPECT_FALSE(writer.put(record("a1", "Canary Releases")).replaced);
    writer.commit();
    ASSERT_EQ(db.get_doccount(), 1u);
    Xapian::Document doc = db.get_document(1);
    std::set<std::string> terms = terms_of(doc);
    for (const char* t : {"Qa1", "Scanary", "ZScanari", "Zcanari", "ZXQkubernet", "ZXAcanari", "ZXHsampl",
                          "Krisk management", "Kc++", "XCbehavioral", "XLsenior", "XLmid", "canary", "risk"})
        EXPECT_TRUE(terms.count(t)) << t;
    // The page states Senior and answers for Mid: it counts under both.
    EXPECT_EQ(schema::unpack_facet_values(doc.get_value(schema::slot_number(schema::Slot::Level))),
              (std::vector<schema::FacetValue>{{"mid", "Mid"}, {"senior", "Senior"}}));
    EXPECT_EQ(schema::unpack_facet_values(doc.get_value(schema::slot_number(schema::Slot::Tag))),
              (std::vector<schema::FacetValue>{{"risk management", "Risk Management"}, {"c++", "C++"}}));
    EXPECT_EQ(schema::stored_record(doc).title, "Canary Releases");
    EXPECT_EQ(db.get_metadata(std::string(schema::kSchemaVersionKey)), std::to_string(schema::kSchemaVersion));
}

// Title words weigh more than answer words in plain search.
TEST_P(IndexWriterTest, TitleWordsWeighMoreThanAnswerWords) {
    Xapian::WritableDatabase db = open();
    IndexWriter writer(db, "test");
    writer.put(record("a1", "Canary Releases"));
    writer.commit();
    Xapian::Document doc = db.get_document(1);
    auto wdf = [&](const std::string& term) {
        auto it = doc.termlist_begin();
        it.skip_to(term);
        return it != doc.termlist_end() && *it == term ? it.get_wdf() : 0u;
    };
    EXPECT_EQ(wdf("Zreleas"), schema::field(schema::FieldId::Title).weight);
    EXPECT_EQ(wdf("ZSreleas"), 1u);  // the prefixed copy counts each word once
    EXPECT_EQ(wdf("Zcanari"), schema::field(schema::FieldId::Title).weight + schema::field(schema::FieldId::Answer).weight);
}

TEST_P(IndexWriterTest, ReindexingReplacesNeverDuplicates) {
    Xapian::WritableDatabase db = open();
    IndexWriter writer(db, "test");
    EXPECT_FALSE(writer.put(record("a1", "First")).replaced);
    EXPECT_FALSE(writer.put(record("b2", "Other")).replaced);
    writer.commit();
    EXPECT_TRUE(writer.put(record("a1", "Second")).replaced);
    writer.commit();
    EXPECT_EQ(db.get_doccount(), 2u);
    EXPECT_EQ(db.get_termfreq("Qa1"), 1u);
    EXPECT_EQ(db.get_termfreq("Sfirst"), 0u);
    EXPECT_EQ(db.get_termfreq("Ssecond"), 1u);
}

TEST_P(IndexWriterTest, UncommittedWorkIsCancelledNotCommitted) {
    if (GetParam() == Backend::InMemory) GTEST_SKIP() << "the in-memory backend has no transactions";
    Xapian::WritableDatabase db = open();
    {
        IndexWriter writer(db, "test");
        writer.put(record("a1", "Committed"));
        writer.commit();
        writer.put(record("b2", "Abandoned"));
    }  // destroyed mid-batch, as when an exception unwinds
    db.commit();
    EXPECT_EQ(db.get_doccount(), 1u);
    EXPECT_EQ(db.get_termfreq("Qb2"), 0u);
}

TEST_P(IndexWriterTest, RejectsIndexOfAnotherSchemaVersion) {
    Xapian::WritableDatabase db = open();
    db.add_document(Xapian::Document());
    db.set_metadata(std::string(schema::kSchemaVersionKey), "999");
    db.set_metadata(std::string(schema::kWrittenByKey), "9.9.9");
    db.commit();
    try {
        IndexWriter writer(db, "the-index");
        FAIL() << "opened a schema 999 index";
    } catch (const IndexIncompatibleError& e) {
        EXPECT_EQ(e.kind(), Error::Kind::IndexIncompatible);
        EXPECT_EQ(std::string(e.what()), "index the-index was written by qbank 9.9.9 with schema 999; qbank " +
                                             std::string(version()) +
                                             " needs schema " + std::to_string(schema::kSchemaVersion) +
                                             ": rebuild it from the files it was built from");
    }
}

TEST_P(IndexWriterTest, RebuildReplacesAnIndexOfAnotherSchemaVersion) {
    Xapian::WritableDatabase db = open();
    db.add_document(Xapian::Document());
    db.set_metadata(std::string(schema::kSchemaVersionKey), "999");
    db.set_metadata("qbank.from_schema_999", "meaning something else");
    db.commit();
    {
        IndexWriter writer(db, "the-index", IndexWriter::Open::Rebuild);
        writer.put(record("a1", "Fresh"));
        writer.commit();
    }
    EXPECT_EQ(db.get_doccount(), 1u);
    EXPECT_EQ(db.get_termfreq("Qa1"), 1u);
    EXPECT_EQ(db.get_metadata(std::string(schema::kSchemaVersionKey)), std::to_string(schema_version()));
    EXPECT_EQ(db.get_metadata(std::string(schema::kWrittenByKey)), std::string(version()));
    if (GetParam() == Backend::Glass) {
        EXPECT_EQ(db.get_metadata("qbank.from_schema_999"), "");
    }
    IndexWriter again(db, "the-index");  // opens for update now
}

INSTANTIATE_TEST_SUITE_P(Backends, IndexWriterTest, ::testing::Values(Backend::InMemory, Backend::Glass),
                         [](const auto& param_info) { return param_info.param == Backend::InMemory ? "InMemory" : "Glass"; });

TEST(IndexWriterLock, SecondWriterGetsIndexLocked) {
    test::TempDir dir;
    IndexWriter first(dir.str("index"), 0);
    try {
        IndexWriter second(dir.str("index"), 0);
        FAIL() << "two writers on one index";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), Error::Kind::IndexLocked);
        EXPECT_EQ(std::string(e.what()), "index " + dir.str("index") + " is being written by another qbank index");
    }
}

// Issue 15: words are suggested, numbers and words with digits never: a page of
// numbers would fill the spelling table, and "12342" is no typo of "12345".
TEST(IndexWriterSpelling, Issue15_OnlyWordsWithoutDigits) {
    test::TempDir dir;
    {
        IndexWriter writer(dir.str("index"), 0);
        Record r = record("aaaaaaaaaaaaaaaa", "Kubernetes 12345 k8s rollout");
        writer.put(r);
        writer.commit();
    }
    Xapian::Database db(dir.str("index"));
    std::set<std::string> words(db.spellings_begin(), db.spellings_end());
    EXPECT_TRUE(words.count("kubernetes"));
    EXPECT_TRUE(words.count("rollout"));
    EXPECT_FALSE(words.count("12345"));
    EXPECT_FALSE(words.count("k8s"));
}

// Issue 17: memory is bounded by qbank's own commits, never by Xapian's flush
// setting in the environment. A run of more changes than half the bound moves to
// a copy beside the index, which commits as it goes; readers see none of it
// until the whole run is swapped in.
class IndexWriterBeside : public ::testing::Test {
protected:
    std::string path() const { return dir_.str("index"); }
    bool copy_exists() const { return std::filesystem::exists(path() + ".writing"); }

    static Record numbered(int i) {
        std::string id = "0000000000000" + std::to_string(100 + i);
        return record(id, "Question on " + word(i));
    }

    // A word of its own per record, and one the spelling data keeps (no digits).
    static std::string word(int i) { return "zebra" + std::string(1, static_cast<char>('a' + i)); }

    static std::set<std::string> spellings(const Xapian::Database& db) {
        return {db.spellings_begin(), db.spellings_end()};
    }

    test::TempDir dir_;
};

TEST_F(IndexWriterBeside, LargeRunsAreWrittenBesideAndSwappedInWhole) {
    { IndexWriter(path(), 4).commit(); }
    Xapian::Database before(path());
    std::vector<Xapian::docid> docids;
    {
        IndexWriter writer(path(), 4);
        docids.push_back(writer.put(numbered(0)).docid);
        EXPECT_FALSE(copy_exists());  // one change stays in place
        for (int i = 1; i < 11; ++i) docids.push_back(writer.put(numbered(i)).docid);
        ASSERT_TRUE(copy_exists());
        // The copy commits as it goes: that is what bounds memory.
        EXPECT_GE(Xapian::Database(path() + ".writing").get_doccount(), 8u);
        EXPECT_EQ(Xapian::Database(path()).get_doccount(), 0u);
        writer.commit();
        EXPECT_FALSE(copy_exists());
        EXPECT_FALSE(std::filesystem::exists(path() + ".compacting"));
    }
    Xapian::Database after(path());
    ASSERT_EQ(after.get_doccount(), 11u);
    for (int i = 0; i < 11; ++i)  // the docids handed out during the run are the documents' own
        EXPECT_EQ(terms_of(after.get_document(docids[i])).count(schema::id_term(numbered(i).id)), 1u) << i;
    EXPECT_TRUE(spellings(after).count(word(7)));
    EXPECT_EQ(before.get_doccount(), 0u);  // an open reader keeps its commit, whole
    EXPECT_NE(after.get_uuid(), before.get_uuid());
}

TEST_F(IndexWriterBeside, ChangesMadeInPlaceFollowTheRunBeside) {
    {
        IndexWriter writer(path(), 100);
        for (int i = 0; i < 3; ++i) writer.put(numbered(i));
        writer.commit();
    }
    {
        IndexWriter writer(path(), 10);
        Xapian::docid first = writer.put(numbered(0)).docid;  // the same record again
        Xapian::Document doc = writer.get(first);
        doc.add_value(40, "kept");
        writer.replace(first, doc);
        writer.remove(2);  // numbered(1), the only page with its word
        writer.set_metadata("qbank.test", "moved along");
        EXPECT_FALSE(copy_exists());
        for (int i = 3; i < 9; ++i) writer.put(numbered(i));
        ASSERT_TRUE(copy_exists());
        writer.commit();
    }
    Xapian::Database db(path());
    EXPECT_EQ(db.get_doccount(), 8u);
    EXPECT_EQ(db.get_document(1).get_value(40), "kept");
    EXPECT_EQ(db.get_termfreq(schema::id_term(numbered(1).id)), 0u);
    EXPECT_EQ(db.get_metadata("qbank.test"), "moved along");
    std::set<std::string> words = spellings(db);
    EXPECT_FALSE(words.count(word(1)));  // its only page went while the run was in place
    EXPECT_TRUE(words.count(word(0)));
    EXPECT_TRUE(words.count(word(8)));
}

TEST_F(IndexWriterBeside, RebuildStartsBesideAndKeepsTheMetadata) {
    {
        IndexWriter writer(path(), 100);
        for (int i = 0; i < 3; ++i) writer.put(numbered(i));
        writer.set_metadata("qbank.learned", "boilerplate");
        writer.commit();
    }
    {
        IndexWriter writer(path(), 100, IndexWriter::Open::Rebuild);
        EXPECT_TRUE(copy_exists());
        writer.put(numbered(5));
        EXPECT_EQ(Xapian::Database(path()).get_doccount(), 3u);
        writer.commit();
    }
    Xapian::Database db(path());
    EXPECT_EQ(db.get_doccount(), 1u);
    EXPECT_EQ(db.get_metadata("qbank.learned"), "boilerplate");
    EXPECT_TRUE(spellings(db).count(word(5)));
    EXPECT_FALSE(spellings(db).count(word(1)));  // the spelling data went with the documents
}

TEST_F(IndexWriterBeside, AnAbandonedRunLeavesTheIndexAndNoCopy) {
    {
        IndexWriter writer(path(), 4);
        writer.put(numbered(0));
        writer.commit();
        for (int i = 1; i < 10; ++i) writer.put(numbered(i));
        ASSERT_TRUE(copy_exists());
    }  // destroyed mid-run, as when an exception unwinds
    EXPECT_FALSE(copy_exists());
    EXPECT_EQ(Xapian::Database(path()).get_doccount(), 1u);
}

TEST_F(IndexWriterBeside, TheCopyOfAKilledRunIsRemovedByTheNextWriter) {
    { IndexWriter(path(), 4).commit(); }
    std::filesystem::create_directories(path() + ".writing");
    std::ofstream(path() + ".writing/postlist.glass") << "half written";
    std::filesystem::create_directories(path() + ".compacting");
    IndexWriter writer(path(), 4);
    EXPECT_FALSE(copy_exists());
    EXPECT_FALSE(std::filesystem::exists(path() + ".compacting"));
}

}  // namespace
}  // namespace qbank::indexer
