// Search over the shipped sample corpus, through the public API, on a real
// on-disk index. Ties in score are broken by document order (Xapian's default:
// ascending docid, i.e. indexing order, which is file-name order).

#include <gtest/gtest.h>

#include "../test_paths.h"
#include "qbank/error.h"
#include "qbank/indexer.h"
#include "qbank/searcher.h"
#include "schema/search_json.h"

namespace qbank {
namespace {

class SearchTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new test::TempDir;
        Indexer indexer(dir_->str("index"));
        indexer.add_path((test::source_dir() / "corpus" / "seeds").string());
        IndexSummary summary = indexer.commit();
        ASSERT_EQ(summary.added, 4u);
        ASSERT_TRUE(summary.skipped.empty());
    }
    static void TearDownTestSuite() { delete dir_; }

    SearchResult search(const std::string& query, std::vector<Filter> filters = {}, std::size_t limit = 10) {
        Searcher searcher(dir_->str("index"));
        SearchRequest request;
        request.query = query;
        request.filters = std::move(filters);
        request.limit = limit;
        return searcher.search(request);
    }

    static std::vector<std::string> sources(const SearchResult& r) {
        std::vector<std::string> out;
        for (const Hit& h : r.hits) out.push_back(std::filesystem::path(h.record.source).filename().string());
        return out;
    }

    static test::TempDir* dir_;
};

test::TempDir* SearchTest::dir_ = nullptr;

TEST_F(SearchTest, ThunderingHerdRanksItsPageFirst) {
    SearchResult r = search("thundering herd");
    ASSERT_GE(r.hits.size(), 1u);
    EXPECT_EQ(sources(r).front(), "000_41899f8394122547.txt");
    EXPECT_EQ(r.hits.front().rank, 1u);
    const Excerpt& e = r.hits.front().excerpt;
    ASSERT_EQ(e.highlights.size(), 2u);
    EXPECT_EQ(e.text.substr(e.highlights[0].first, e.highlights[0].second - e.highlights[0].first), "thundering");
    EXPECT_EQ(e.text.substr(e.highlights[1].first, e.highlights[1].second - e.highlights[1].first), "herd");
    EXPECT_LE(e.text.size(), 400u);
}

TEST_F(SearchTest, TitleMatchOutranksAnswerMatch) {
    // "scalability" is in 001's title and tags, and only in the answer text of others.
    SearchResult r = search("scalability");
    ASSERT_GE(r.hits.size(), 2u);
    EXPECT_EQ(sources(r).front(), "001_27a37069c9836300.txt");
    EXPECT_GT(r.hits[0].score, r.hits[1].score);
}

TEST_F(SearchTest, BannerTextIsNotSearchable) {
    EXPECT_EQ(search("Intervipedia").total, 0u);
    EXPECT_EQ(search("downgraded").total, 0u);
}

TEST_F(SearchTest, LevelFilterReturnsOnlyThatLevel) {
    SearchResult senior = search("", {{"level", "Senior"}});
    EXPECT_EQ(sources(senior), (std::vector<std::string>{"000_41899f8394122547.txt", "001_27a37069c9836300.txt",
                                                         "002_22658396d99d4cfe.txt"}));
    // 002 states no level but carries a Junior sample answer.
    SearchResult junior = search("", {{"level", "junior"}});
    EXPECT_EQ(sources(junior), std::vector<std::string>{"002_22658396d99d4cfe.txt"});
    EXPECT_EQ(search("stakeholder level:Staff+").total, 1u);
}

TEST_F(SearchTest, FacetCountsAreExactOverAllMatches) {
    SearchResult r = search("", {}, 1);  // one hit shown, facets over all four
    EXPECT_EQ(r.total, 4u);
    EXPECT_EQ(r.hits.size(), 1u);
    EXPECT_EQ(r.facets["level"], (FacetCounts{{"Junior", 1}, {"Mid", 1}, {"Senior", 3}, {"Staff+", 1}}));
    EXPECT_EQ(r.facets["category"], (FacetCounts{{"Behavioral", 2}}));
    EXPECT_EQ(r.facets["tag"]["Stakeholder Management"], 2u);
    EXPECT_EQ(r.facets["tag"]["Technical Debt"], 1u);
    EXPECT_EQ(r.facets["tag"].size(), 12u);

    SearchResult tagged = search("", {{"tag", "technical debt"}});
    EXPECT_EQ(tagged.total, 1u);
    EXPECT_EQ(tagged.facets["level"], (FacetCounts{{"Senior", 1}}));
}

TEST_F(SearchTest, OffsetAndLimitPage) {
    SearchResult all = search("", {}, 10);
    Searcher searcher(dir_->str("index"));
    SearchRequest request;
    request.offset = 2;
    request.limit = 1;
    SearchResult page = searcher.search(request);
    ASSERT_EQ(page.hits.size(), 1u);
    EXPECT_EQ(page.hits[0].rank, 3u);
    EXPECT_EQ(page.hits[0].record.id, all.hits[2].record.id);
    EXPECT_EQ(page.total, 4u);
}

TEST_F(SearchTest, OffsetBeyondThirtyTwoBitsIsPastEveryHit) {
    Searcher searcher(dir_->str("index"));
    SearchRequest request;
    request.offset = std::size_t{1} << 32;
    SearchResult r = searcher.search(request);
    EXPECT_TRUE(r.hits.empty());
    EXPECT_EQ(r.total, 4u);
}

TEST_F(SearchTest, NoMatchIsEmptyNotError) {
    SearchResult r = search("zzzunknownword");
    EXPECT_EQ(r.total, 0u);
    EXPECT_TRUE(r.hits.empty());
}

TEST_F(SearchTest, FindReturnsStoredRecord) {
    Searcher searcher(dir_->str("index"));
    SearchResult r = search("thundering herd");
    ASSERT_FALSE(r.hits.empty());
    std::optional<Record> record = searcher.find(r.hits[0].record.id);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->title, "Driving Large-Scale Technical Evolution");
    EXPECT_FALSE(searcher.find("0000000000000000"));
}

TEST_F(SearchTest, StatsCountEverything) {
    Searcher searcher(dir_->str("index"));
    IndexStats stats = searcher.stats();
    EXPECT_EQ(stats.documents, 4u);
    EXPECT_EQ(stats.facets["level"]["Senior"], 3u);
}

TEST_F(SearchTest, ExcerptHtmlEscapesAndMarks) {
    SearchResult r = search("\"dead-end hacks\"");
    ASSERT_EQ(r.total, 1u);
    std::string html = schema::excerpt_to_html(r.hits[0].excerpt);
    EXPECT_NE(html.find("&quot;extensible shortcuts&quot; rather than &quot;<mark>dead</mark>-<mark>end</mark> <mark>hacks</mark>.&quot;"),
              std::string::npos)
        << html;
}

TEST(Searcher, MissingIndexIsIndexUnavailable) {
    test::TempDir dir;
    try {
        Searcher searcher(dir.str("nothing-here"));
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), Error::Kind::IndexUnavailable);
        EXPECT_EQ(std::string(e.what()), "no index at " + dir.str("nothing-here"));
    }
}

TEST(Searcher, FolderThatIsNotAnIndexIsIndexUnavailable) {
    test::TempDir dir;
    try {
        Searcher searcher(dir.str());
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), Error::Kind::IndexUnavailable);
    }
}

}  // namespace
}  // namespace qbank
