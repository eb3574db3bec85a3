// Files that hold many records (Markdown handbooks, JSON Lines) in incremental
// runs: each question is its own document, kept, updated or removed on its own.

#include <gtest/gtest.h>

#include <fstream>

#include "../test_paths.h"
#include "qbank/indexer.h"
#include "qbank/searcher.h"

namespace qbank {
namespace {

namespace fs = std::filesystem;

constexpr const char* kHandbook =
    "# Frontend Handbook\n\nHow to use this book.\n\n## JavaScript\n\n"
    "### Explain event delegation\n\nOne listener on the parent handles events of its children.\n\n"
    "### What is a closure?\n\nA function with the variables of the scope it was made in.\n\n"
    "### What is hoisting?\n\nDeclarations move to the top of their scope.\n";

class HandbookIndexTest : public ::testing::Test {
protected:
    fs::path pages() const { return dir_.path() / "pages"; }
    std::string db() const { return dir_.str("index"); }

    void SetUp() override { fs::create_directories(pages()); }

    void write(const std::string& name, const std::string& bytes) {
        std::ofstream(pages() / name, std::ios::binary) << bytes;
    }

    IndexSummary run(IndexOptions options = {}) {
        Indexer indexer(db(), std::move(options));
        indexer.add_path(pages().string());
        return indexer.commit();
    }

    SearchResult search(const std::string& query) { return Searcher(db()).search({query, {}, 0, 10}); }
    std::size_t documents() { return Searcher(db()).stats().documents; }

    test::TempDir dir_;
};

TEST_F(HandbookIndexTest, EachQuestionIsADocumentFoundByItsAnchor) {
    write("handbook.md", kHandbook);
    IndexSummary s = run();
    EXPECT_EQ(s.files, 1u);
    EXPECT_EQ(s.added, 4u);  // three questions and the rest of the page
    EXPECT_EQ(documents(), 4u);
    SearchResult hits = search("closure");
    ASSERT_EQ(hits.total, 1u);
    EXPECT_EQ(hits.hits[0].record.title, "What is a closure?");
    EXPECT_EQ(hits.hits[0].record.source, (pages() / "handbook.md").string() + "#what-is-a-closure");
    EXPECT_EQ(hits.hits[0].record.category, "JavaScript");
}

TEST_F(HandbookIndexTest, EditingOneQuestionUpdatesOnlyIt) {
    write("handbook.md", kHandbook);
    run();
    std::string id = search("closure").hits.at(0).record.id;
    std::string edited(kHandbook);
    edited.replace(edited.find("A function with"), 15, "A lexical environment with");
    write("handbook.md", edited);
    IndexSummary s = run();
    EXPECT_EQ(s.updated, 1u);
    EXPECT_EQ(s.unchanged, 3u);
    EXPECT_EQ(s.added + s.removed, 0u);
    EXPECT_EQ(search("lexical").hits.at(0).record.id, id);  // same question, same id
}

TEST_F(HandbookIndexTest, QuestionsLeavingTheFileLeaveTheIndex) {
    write("handbook.md", kHandbook);
    run();
    std::string shorter(kHandbook);
    shorter.erase(shorter.find("### What is hoisting?"));
    write("handbook.md", shorter);
    IndexSummary s = run();
    EXPECT_EQ(s.removed, 1u);
    EXPECT_EQ(s.unchanged, 3u);
    EXPECT_EQ(search("hoisting").total, 0u);
    fs::remove(pages() / "handbook.md");
    EXPECT_EQ(run().removed, 3u);
    EXPECT_EQ(documents(), 0u);
}

TEST_F(HandbookIndexTest, SecondRunCountsRecordsUnchanged) {
    write("handbook.md", kHandbook);
    run();
    IndexSummary s = run();
    EXPECT_EQ(s.files, 0u);
    EXPECT_EQ(s.unchanged, 4u);
}

// Issue 12: a question heading whose whole answer is a link to another page of
// the corpus makes no record; the page gains the heading as another title.
constexpr const char* kIndexPage =
    "# System design\n\n## Questions\n\n"
    "### Design a URL shortener\n\n[View exercise and solution](solutions/shortener.md)\n\n![diagram](img.png)\n\n"
    "### Design a web crawler\n\n[Solution](solutions/crawler.md)\n\n"
    "### What is sharding?\n\nSplitting data over machines by a key.\n";

TEST_F(HandbookIndexTest, Issue12_LinkOnlyHeadingLendsItsTitleToTheLinkedPage) {
    fs::create_directories(pages() / "solutions");
    write("index.md", kIndexPage);
    write("solutions/shortener.md", "# Bit.ly\n\nHash the long URL, store the mapping, redirect on read.\n");
    IndexSummary s = run();
    EXPECT_EQ(s.added, 2u);  // sharding and the shortener; none for the crawler, nor for the page's headings
    SearchResult hits = search("\"url shortener\"");
    ASSERT_EQ(hits.total, 1u);
    EXPECT_EQ(hits.hits[0].record.title, "Bit.ly");
    EXPECT_EQ(hits.hits[0].record.other_titles, std::vector<std::string>{"Design a URL shortener"});
    EXPECT_EQ(search("crawler").total, 0u);  // its page is not in the corpus: the heading goes nowhere
    EXPECT_EQ(run().unchanged, 2u);

    // The heading leaves the index page: the title leaves the linked page.
    std::string without(kIndexPage);
    without.erase(without.find("### Design a URL"), without.find("### Design a web") - without.find("### Design a URL"));
    write("index.md", without);
    run();
    EXPECT_EQ(search("\"url shortener\"").total, 0u);
    EXPECT_TRUE(search("bit.ly").hits.at(0).record.other_titles.empty());

    // The linked page comes later: the heading finds it then.
    write("index.md", kIndexPage);
    write("solutions/crawler.md", "# Crawler\n\nA frontier queue, politeness per host, dedupe by URL.\n");
    run();
    ASSERT_EQ(search("\"web crawler\"").total, 1u);
    EXPECT_EQ(search("\"web crawler\"").hits[0].record.title, "Crawler");
    // The linked page leaves: its borrowed titles go with it.
    fs::remove(pages() / "solutions" / "crawler.md");
    run();
    EXPECT_EQ(search("\"web crawler\"").total, 0u);
    EXPECT_EQ(documents(), 2u);
}

TEST_F(HandbookIndexTest, SameQuestionInAPageAndAHandbookIsOneDocument) {
    write("handbook.md", kHandbook);
    write("closure.txt", "What is a closure?\n\nA function with the variables of the scope it was made in.\n");
    IndexSummary s = run();
    EXPECT_EQ(s.duplicates, 1u);
    EXPECT_EQ(search("closure").total, 1u);
}

TEST_F(HandbookIndexTest, JsonLinesBadLineIsReportedTheRestIndexed) {
    write("export.jsonl",
          "{\"title\": \"What is a mutex?\", \"question\": \"What is a mutex?\", \"tags\": [\"Concurrency\"]}\n"
          "{\"title\": broken}\n"
          "{\"id\": \"00000000000000aa\", \"title\": \"What is a semaphore?\"}\n");
    IndexSummary s = run();
    EXPECT_EQ(s.added, 2u);
    ASSERT_EQ(s.problems.size(), 1u);
    EXPECT_EQ(s.problems[0].line, 2u);
    EXPECT_EQ(Searcher(db()).find("00000000000000aa")->title, "What is a semaphore?");
    EXPECT_EQ(search("mutex").hits.at(0).record.tags, std::vector<std::string>{"Concurrency"});
}

TEST_F(HandbookIndexTest, JsonLinesLineThatBreaksKeepsItsLastGoodRecord) {
    write("export.jsonl", "{\"title\": \"What is a mutex?\"}\n{\"title\": \"What is a semaphore?\"}\n");
    run();
    write("export.jsonl", "{\"title\": \"What is a mutex?\"}\n{\"title\": \"What is a semaphore?\"\n");
    IndexSummary s = run();
    EXPECT_EQ(s.problems.size(), 1u);
    EXPECT_EQ(s.removed, 0u);
    EXPECT_EQ(search("semaphore").total, 1u);
}

TEST_F(HandbookIndexTest, FormatCanBeForced) {
    write("handbook.txt", kHandbook);
    EXPECT_EQ(run().added, 1u);  // a .txt file is one text page
    IndexOptions markdown;
    markdown.format = Format::Markdown;
    markdown.full = true;
    EXPECT_EQ(run(markdown).added, 4u);
}

TEST_F(HandbookIndexTest, ExcludedFilesAreSkippedAndPruned) {
    write("handbook.md", kHandbook);
    write("LICENSE", "MIT License\n\nPermission is hereby granted, free of charge.\n");
    EXPECT_EQ(run().added, 5u);
    IndexOptions options;
    options.exclude = {"LICENSE*", "nothing/*"};
    IndexSummary s = run(options);
    EXPECT_EQ(s.removed, 1u);
    EXPECT_EQ(search("permission").total, 0u);
}

TEST_F(HandbookIndexTest, HtmlPageIsReadWithoutItsChrome) {
    write("page.html",
          "<html><head><title>Q</title><script>track()</script></head><body><nav>Home Blog Jobs</nav><main>"
          "<h1>How do you scale a cache?</h1><p>Shard it with consistent hashing.</p></main>"
          "<footer>Subscribe to our newsletter</footer></body></html>");
    EXPECT_EQ(run().added, 1u);
    EXPECT_EQ(search("consistent hashing").hits.at(0).record.title, "How do you scale a cache?");
    EXPECT_EQ(search("newsletter").total, 0u);
    EXPECT_EQ(search("track").total, 0u);
}

}  // namespace
}  // namespace qbank
