// Search over the shipped sample corpus, through the public API, on a real
// on-disk index. Ties in score are broken by document order (Xapian's default:
// ascending docid, i.e. indexing order, which is file-name order).

#include <gtest/gtest.h>

#include <algorithm>

#include <fstream>

#include "../test_paths.h"
#include "qbank/error.h"
#include "qbank/indexer.h"
#include "qbank/json.h"
#include "qbank/searcher.h"

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
        ASSERT_TRUE(summary.problems.empty());
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
    EXPECT_EQ(r.facets["level"], (FacetCounts{{"Senior", 3}, {"Junior", 1}, {"Mid", 1}, {"Staff+", 1}}));
    EXPECT_EQ(r.facets["category"], (FacetCounts{{"Behavioral", 2}}));
    EXPECT_EQ(count_of(r.facets["tag"], "Stakeholder Management"), 2u);
    // The ten commonest of the 12 tags by default, every one when asked.
    EXPECT_EQ(r.facets["tag"].size(), 10u);
    Searcher searcher(dir_->str("index"));
    SearchRequest every;
    every.facet_limit = 0;
    SearchResult all = searcher.search(every);
    EXPECT_EQ(all.facets["tag"].size(), 12u);
    EXPECT_EQ(count_of(all.facets["tag"], "Technical Debt"), 1u);
    for (std::size_t i = 0; i < 10; ++i) EXPECT_EQ(r.facets["tag"][i], all.facets["tag"][i]);

    SearchResult tagged = search("", {{"tag", "technical debt"}});
    EXPECT_EQ(tagged.total, 1u);
    EXPECT_EQ(tagged.facets["level"], (FacetCounts{{"Senior", 1}}));
}

TEST_F(SearchTest, OnlyTheFacetsAskedForAreCounted) {
    Searcher searcher(dir_->str("index"));
    SearchRequest request;
    request.facets = {"tag", "level", "tag"};  // a repeat counts once
    SearchResult r = searcher.search(request);
    EXPECT_EQ(r.facets.size(), 2u);
    EXPECT_EQ(count_of(r.facets["level"], "Senior"), 3u);
    EXPECT_EQ(r.facets["tag"].size(), kDefaultFacetLimit);
    request.facets.clear();
    r = searcher.search(request);
    EXPECT_TRUE(r.facets.empty());
    EXPECT_EQ(r.total, 4u);
}

TEST_F(SearchTest, UnknownFacetIsBadInput) {
    Searcher searcher(dir_->str("index"));
    SearchRequest request;
    request.facets = {"level", "title"};
    try {
        searcher.search(request);
        FAIL() << "counted a facet that is not one";
    } catch (const BadInputError& e) {
        EXPECT_STREQ(e.what(), "cannot count facet 'title': facet fields are tag, level, category, lang");
    }
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
    EXPECT_EQ(count_of(stats.facets["level"], "Senior"), 3u);
}

TEST_F(SearchTest, ExcerptHtmlEscapesAndMarks) {
    SearchResult r = search("\"dead-end hacks\"");
    ASSERT_EQ(r.total, 1u);
    std::string html = excerpt_to_html(r.hits[0].excerpt);
    EXPECT_NE(html.find("&quot;extensible shortcuts&quot; rather than &quot;<mark>dead</mark>-<mark>end</mark> <mark>hacks</mark>.&quot;"),
              std::string::npos)
        << html;
}

// Issue 17: a hit carries the fields asked for, and no copy of the rest.
TEST_F(SearchTest, Issue17_HitsCarryOnlyTheFieldsAskedFor) {
    Searcher searcher(dir_->str("index"));
    SearchRequest request;
    request.query = "thundering herd";
    const Record by_default = searcher.search(request).hits.at(0).record;
    EXPECT_FALSE(by_default.title.empty());
    EXPECT_FALSE(by_default.source.empty());
    EXPECT_TRUE(by_default.sections.empty());  // whole sections only when asked

    request.fields = {"title", "sections"};
    Hit hit = searcher.search(request).hits.at(0);
    EXPECT_EQ(hit.record.title, by_default.title);
    EXPECT_EQ(hit.record.id, by_default.id);
    EXPECT_FALSE(hit.record.sections.empty());
    EXPECT_TRUE(hit.record.question.empty());
    EXPECT_TRUE(hit.record.source.empty());
    EXPECT_FALSE(hit.record.level);
    EXPECT_TRUE(hit.excerpt.text.empty());  // "excerpt" not named: none made
    EXPECT_EQ(search_result_to_json(searcher.search(request), request).find("\"question\""), std::string::npos);

    request.fields = {"title", "answers"};
    EXPECT_THROW(searcher.search(request), BadInputError);
}

// Issue 17: by level (lowest addressed; none last, either way), by source, ties by relevance.
TEST_F(SearchTest, Issue17_SortsByLevelOrSource) {
    Searcher searcher(dir_->str("index"));
    SearchRequest request;
    auto lowest_levels = [&] {
        std::vector<std::string> out;
        for (const Hit& h : searcher.search(request).hits) {
            Record full = *searcher.find(h.record.id);
            std::vector<Level> levels = full.levels_addressed();
            out.emplace_back(levels.empty() ? "-" : to_string(levels.front()));
        }
        return out;
    };
    request.sort = parse_sort("level");
    EXPECT_EQ(lowest_levels(), (std::vector<std::string>{"Junior", "Senior", "Senior", "-"}));
    request.sort = parse_sort("level:desc");
    EXPECT_EQ(lowest_levels(), (std::vector<std::string>{"Senior", "Senior", "Junior", "-"}));

    request.sort = parse_sort("source");
    SearchResult ascending = searcher.search(request);
    EXPECT_EQ(sources(ascending), (std::vector<std::string>{"000_41899f8394122547.txt", "001_27a37069c9836300.txt",
                                                            "002_22658396d99d4cfe.txt", "003_cb000c7924d76c46.txt"}));
    request.sort = parse_sort("source:desc");
    std::vector<std::string> descending = sources(searcher.search(request));
    std::reverse(descending.begin(), descending.end());
    EXPECT_EQ(descending, sources(ascending));

    EXPECT_THROW(parse_sort("date"), BadInputError);
    EXPECT_THROW(parse_sort("level:up"), BadInputError);
    EXPECT_EQ(parse_sort("relevance").by, SortBy::Relevance);
}

// Issue 17: facet values come most common first, and may be cut to the top N.
TEST_F(SearchTest, Issue17_FacetsMostCommonFirstAndCutToTheTop) {
    Searcher searcher(dir_->str("index"));
    SearchRequest request;
    request.facet_limit = 2;
    SearchResult r = searcher.search(request);
    EXPECT_EQ(r.facets["level"], (FacetCounts{{"Senior", 3}, {"Junior", 1}}));
    ASSERT_EQ(r.facets["tag"].size(), 2u);
    EXPECT_EQ(r.facets["tag"][0].count, 2u);
    EXPECT_EQ(r.total, 4u);  // the limit cuts values, not matches
}

// Issue 17: the caller's highlight tags, around escaped text.
TEST_F(SearchTest, Issue17_HighlightTagsAreTheCallers) {
    Searcher searcher(dir_->str("index"));
    SearchRequest request;
    request.query = "\"dead-end hacks\"";
    request.highlight_open = "<em class=\"hit\">";
    request.highlight_close = "</em>";
    std::string json = search_result_to_json(searcher.search(request), request);
    EXPECT_NE(json.find("<em class=\\\"hit\\\">dead</em>-<em class=\\\"hit\\\">end</em>"), std::string::npos) << json;
    EXPECT_EQ(json.find("<mark>"), std::string::npos);
}

TEST_F(SearchTest, MisspelledQueryIsSearchedCorrected) {
    SearchResult r = search("stakholder managment");
    ASSERT_EQ(r.corrected_query, std::optional<std::string>("stakeholder management"));
    EXPECT_GE(r.total, 2u);
    EXPECT_FALSE(r.relaxed);
    EXPECT_FALSE(r.did_you_mean);
    EXPECT_EQ(search("stakeholder management").total, r.total);
}

// Issue 14: a misspelt word no page holds in any form adds nothing; what the
// query found came from its other words, so the corrected query is shown.
TEST_F(SearchTest, AWordFoundNowhereIsCorrectedThoughTheOthersFindPages) {
    // Four words: one may be missing, so the query as typed finds pages too.
    SearchResult r = search("stakeholder risk tecnical management");
    EXPECT_EQ(r.corrected_query, std::optional<std::string>("stakeholder risk technical management"));
    EXPECT_GT(r.total, 0u);
    EXPECT_FALSE(r.did_you_mean);
    EXPECT_EQ(search("stakeholder risk technical management").total, r.total);
    EXPECT_FALSE(search("stakeholder management").did_you_mean);  // nothing to correct
}

// A typo with the stem of its correction ("managment", "management": "manag")
// finds the same pages; the corrected words can also stand together, so they
// are what is searched.
TEST_F(SearchTest, ATypoWithTheStemOfItsCorrectionIsSearchedCorrected) {
    SearchResult r = search("stakeholder risk technical managment");
    EXPECT_EQ(r.corrected_query, std::optional<std::string>("stakeholder risk technical management"));
    EXPECT_FALSE(r.did_you_mean);
    EXPECT_EQ(search("stakeholder risk technical management").total, r.total);
    EXPECT_GT(r.total, 3u);  // more than a few: only the shared stem makes it the corrected query
}

// Issue 14: a misspelt word that still finds a few pages (by its stem, or where a
// page has the same typo) is searched corrected when that finds many times more.
TEST(Searcher, AFewPagesMatchingATypoGiveWayToTheCorrectedQuery) {
    test::TempDir dir;
    {
        std::ofstream pages(dir.str("pages.jsonl"));
        pages << R"({"title": "How do you reconcile the books each month?", "question": "Month end."})" "\n";
        for (int i = 0; i < 6; ++i)
            pages << R"({"title": "What does reconciliation do in React, part )" << i << R"(?", "question": "The diff."})" "\n";
        pages << R"({"title": "Memoized selectors", "question": "Cache them."})" "\n";
        for (int i = 0; i < 3; ++i)
            pages << R"({"title": "Who memorizes answers, part )" << i << R"(?", "question": "Not you."})" "\n";
    }
    Indexer indexer(dir.str("index"));
    indexer.add_path(dir.str("pages.jsonl"));
    indexer.commit();
    Searcher searcher(dir.str("index"));
    SearchResult r = searcher.search({"reconcilation", {}, 0, 10});  // the stem "reconcil" finds the books page
    EXPECT_EQ(r.corrected_query, std::optional<std::string>("reconciliation"));
    EXPECT_EQ(r.total, 6u);
    EXPECT_FALSE(r.did_you_mean);
    // The word typed as the index holds it is never corrected.
    EXPECT_EQ(searcher.search({"reconcile", {}, 0, 10}).total, 1u);
    // A word that finds its own page by its stem keeps it when the suggestion finds only a few more.
    SearchResult own = searcher.search({"memoizes", {}, 0, 10});
    EXPECT_FALSE(own.corrected_query);
    EXPECT_EQ(own.did_you_mean, std::optional<std::string>("memorizes"));
    EXPECT_EQ(own.total, 1u);
}

// Issue 14: an adverb finds the pages of its adjective, which Snowball stems apart.
TEST(Searcher, AnAdverbInIlyFindsItsAdjective) {
    test::TempDir dir;
    std::ofstream(dir.str("pages.jsonl")) << R"({"title": "How does lazy loading of images work?", "question": "Defer it."})" "\n"
                                          << R"({"title": "What makes a page fast?", "question": "Less."})" "\n";
    Indexer indexer(dir.str("index"));
    indexer.add_path(dir.str("pages.jsonl"));
    indexer.commit();
    Searcher searcher(dir.str("index"));
    SearchResult r = searcher.search({"lazily loaded images", {}, 0, 10});
    ASSERT_EQ(r.total, 1u);
    EXPECT_FALSE(r.relaxed);
    EXPECT_EQ(r.hits[0].record.title, "How does lazy loading of images work?");
}

// Issue 16: a field's own terms hold no positions (except the title's); a phrase
// or NEAR in a field is placed by the unprefixed terms, in documents whose field
// holds the words.
TEST(Searcher, PhrasesInAFieldAreFoundWithoutTheFieldsPositions) {
    test::TempDir dir;
    std::ofstream pages(dir.str("pages.jsonl"));
    auto page = [&](const std::string& title, const std::string& question, const std::string& answer) {
        pages << R"({"title": ")" << title << R"(", "question": ")" << question
              << R"(", "sections": [{"heading": "", "text": ")" << answer << "\"}]}\n";
    };
    page("Retries", "How to retry?", "Use exponential backoff with jitter.");
    page("Exponential backoff", "Why?", "The backoff grows: exponential delays.");
    page("Jitter", "Why exponential backoff?", "Backoff alone.");
    pages.close();
    Indexer indexer(dir.str("index"));
    indexer.add_path(dir.str("pages.jsonl"));
    indexer.commit();
    Searcher searcher(dir.str("index"));
    auto titles = [&](const std::string& query) {
        std::vector<std::string> out;
        for (const Hit& hit : searcher.search({query, {}, 0, 10}).hits) out.push_back(hit.record.title);
        std::sort(out.begin(), out.end());
        return out;
    };
    // The phrase stands in a page whose answer holds its words: in the answer, or
    // in the title of a page whose answer says "backoff … exponential".
    EXPECT_EQ(titles("answer:\"exponential backoff\""), (std::vector<std::string>{"Exponential backoff", "Retries"}));
    EXPECT_EQ(titles("answer:\"backoff with jitter\""), std::vector<std::string>{"Retries"});
    EXPECT_EQ(titles("question:\"exponential backoff\""), std::vector<std::string>{"Jitter"});
    EXPECT_EQ(titles("title:\"exponential backoff\""), std::vector<std::string>{"Exponential backoff"});
    EXPECT_EQ(titles("\"exponential backoff\""), (std::vector<std::string>{"Exponential backoff", "Jitter", "Retries"}));
    EXPECT_EQ(titles("answer:jitter NEAR/4 answer:exponential"), std::vector<std::string>{"Retries"});
    EXPECT_EQ(titles("answer:alone NEAR/3 answer:exponential"), std::vector<std::string>{});
    // Such a field keeps its words' stems alone: a word finds its other forms, a
    // quoted word finds itself, a prefix finds the stems that start so.
    EXPECT_EQ(titles("answer:delay"), std::vector<std::string>{"Exponential backoff"});
    EXPECT_EQ(titles("answer:\"delays\""), std::vector<std::string>{"Exponential backoff"});
    EXPECT_EQ(titles("answer:\"delay\""), std::vector<std::string>{});
    EXPECT_EQ(titles("answer:jit*"), std::vector<std::string>{"Retries"});
    EXPECT_EQ(titles("question:retr*"), std::vector<std::string>{"Retries"});
}

TEST_F(SearchTest, NoDocumentWithEveryWordRelaxesToAnyWord) {
    SearchResult r = search("thundering herd xqzvv");
    EXPECT_TRUE(r.relaxed);
    ASSERT_FALSE(r.hits.empty());
    EXPECT_EQ(sources(r).front(), "000_41899f8394122547.txt");
}

TEST_F(SearchTest, PagesWithSomeWordsFillAPageAfterThoseWithEvery) {
    // One page holds both words, two more hold "improvement" alone.
    SearchResult r = search("herd improvement");
    EXPECT_FALSE(r.relaxed);
    EXPECT_EQ(r.total, 1u);  // the partial hits are not counted
    ASSERT_EQ(sources(r), (std::vector<std::string>{"000_41899f8394122547.txt", "002_22658396d99d4cfe.txt",
                                                    "003_cb000c7924d76c46.txt"}));
    for (std::size_t i = 0; i < r.hits.size(); ++i) {
        EXPECT_EQ(r.hits[i].rank, i + 1);
        EXPECT_EQ(r.hits[i].partial, i > 0);
    }
    EXPECT_EQ(count_of(r.facets.at("level"), "Senior") + count_of(r.facets.at("level"), "Staff+"), 1u);
    // A page that starts past the full matches goes on with the partial ones.
    Searcher searcher(dir_->str("index"));
    SearchRequest request;
    request.query = "herd improvement";
    request.offset = 2;
    SearchResult second = searcher.search(request);
    ASSERT_EQ(second.hits.size(), 1u);
    EXPECT_EQ(second.hits[0].rank, 3u);
    EXPECT_TRUE(second.hits[0].partial);
    EXPECT_EQ(second.hits[0].record.id, r.hits[2].record.id);
    // A page the full matches fill has no partial hits; every relaxed hit is partial.
    EXPECT_EQ(search("herd improvement", {}, 1).hits.size(), 1u);
    for (const Hit& h : search("thundering herd xqzvv").hits) EXPECT_TRUE(h.partial);
}

TEST_F(SearchTest, WholeQuestionsNeedNotHoldEveryWord) {
    // No page holds "xqzvv", but half the words of a whole question are enough.
    SearchResult r = search("xqzvv thundering herd outages");
    EXPECT_FALSE(r.relaxed);
    EXPECT_EQ(r.total, 1u);
    EXPECT_EQ(sources(r).front(), "000_41899f8394122547.txt");
    // Of three words, all must match: this one only finds something relaxed.
    EXPECT_TRUE(search("xqzvv thundering herd").relaxed);
    // Filler is never needed: "would" and "instead" are in no page.
    SearchResult filler = search("would thundering herd instead");
    EXPECT_FALSE(filler.relaxed);
    EXPECT_EQ(filler.total, 1u);
    EXPECT_EQ(sources(filler).front(), "000_41899f8394122547.txt");
}

TEST_F(SearchTest, PhrasesKeepTheirStopwords) {
    EXPECT_EQ(search("\"a thundering herd\"").total, 1u);
    EXPECT_EQ(search("\"the thundering herd\"").total, 0u);
}

TEST_F(SearchTest, ShippedSynonymsFindTheWrittenOutForm) {
    // 003 says "Kubernetes", never "k8s".
    SearchResult r = search("k8s");
    ASSERT_EQ(r.total, 1u);
    EXPECT_EQ(sources(r).front(), "003_cb000c7924d76c46.txt");
    const Excerpt& e = r.hits[0].excerpt;
    ASSERT_FALSE(e.highlights.empty());
    EXPECT_EQ(e.text.substr(e.highlights[0].first, e.highlights[0].second - e.highlights[0].first), "Kubernetes");
}

TEST_F(SearchTest, UserSynonymsFileAddsGroups) {
    test::TempDir dir;
    std::ofstream(dir.str("mine.txt")) << "stampede, thundering herd\n";
    SearcherOptions options;
    options.synonym_files = {dir.str("mine.txt")};
    Searcher searcher(dir_->str("index"), options);
    SearchRequest request;
    request.query = "stampede";
    EXPECT_EQ(search("stampede").total, 1u);  // 003's "cache stampedes"
    SearchResult r = searcher.search(request);
    EXPECT_EQ(r.total, 2u);  // one concept in either form: ranked by how much each page says of it
    std::vector<std::string> found = sources(r);
    std::sort(found.begin(), found.end());
    EXPECT_EQ(found, (std::vector<std::string>{"000_41899f8394122547.txt", "003_cb000c7924d76c46.txt"}));

    std::ofstream(dir.str("bad.txt")) << "stampede\n";
    options.synonym_files = {dir.str("bad.txt")};
    try {
        Searcher bad(dir_->str("index"), options);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), Error::Kind::BadInput);
        EXPECT_NE(std::string(e.what()).find("bad.txt:1: a synonym group needs two or more"), std::string::npos) << e.what();
    }
}

TEST_F(SearchTest, AccentsAndWidthsAreFoldedInQueries) {
    EXPECT_EQ(search("thündering hérd").total, 1u);
    EXPECT_EQ(search("ＴＨＵＮＤＥＲＩＮＧ herd").total, 1u);
}

TEST_F(SearchTest, LevelFilterPrefersThatLevelsSampleAnswer) {
    SearchResult r = search("perfection", {{"level", "Senior"}});
    ASSERT_EQ(sources(r), std::vector<std::string>{"002_22658396d99d4cfe.txt"});
    EXPECT_EQ(r.hits[0].excerpt.section, "Sample Answer (Senior)");
    EXPECT_EQ(r.hits[0].excerpt.level, Level::Senior);
    // Without the filter the section that says "perfection" wins.
    EXPECT_EQ(search("perfection").hits[0].excerpt.section, "Common Mistakes");
}

TEST_F(SearchTest, ExplainNamesFieldsAndSumsToTheScore) {
    Searcher searcher(dir_->str("index"));
    SearchRequest request;
    request.query = "scalability";
    request.explain = true;
    SearchResult r = searcher.search(request);
    ASSERT_FALSE(r.hits.empty());
    const Hit& top = r.hits[0];
    // The word; the language orders pages and adds nothing to a score.
    ASSERT_EQ(top.explanation.size(), 1u);
    EXPECT_EQ(top.explanation[0].term, "scalabl");
    EXPECT_TRUE(top.explanation[0].stemmed);
    EXPECT_EQ(top.explanation[0].fields, (std::vector<std::string>{"title", "question", "answer", "tag"}));
    EXPECT_NEAR(top.explanation[0].score, top.score, 1e-9);

    request.query = "thundering herd";
    SearchResult two = searcher.search(request);
    ASSERT_EQ(two.hits.size(), 1u);
    double sum = 0;
    for (const TermScore& t : two.hits[0].explanation) sum += t.score;
    // Both words, and the bonus for the words standing together.
    ASSERT_EQ(two.hits[0].explanation.size(), 3u);
    EXPECT_NEAR(sum, two.hits[0].score, 1e-9);
    auto near = std::find_if(two.hits[0].explanation.begin(), two.hits[0].explanation.end(),
                             [](const TermScore& t) { return t.fields == std::vector<std::string>{"near"}; });
    ASSERT_NE(near, two.hits[0].explanation.end());
    EXPECT_EQ(near->term, "thundering herd");
    // Apart, the words earn no bonus.
    request.query = "thundering outages";
    SearchResult apart = searcher.search(request);
    for (const TermScore& t : apart.hits.at(0).explanation)
        EXPECT_NE(t.fields, std::vector<std::string>{"near"}) << t.term;
    EXPECT_TRUE(search("thundering herd").hits[0].explanation.empty());  // only when asked
}

TEST_F(SearchTest, RelatedQuestionsExcludeTheQuestionItself) {
    Searcher searcher(dir_->str("index"));
    SearchResult first = search("thundering herd");
    std::string id = first.hits.at(0).record.id;
    SearchResult related = searcher.related(id, {.limit = 3}).value();
    EXPECT_EQ(related.query, "related:" + id);
    ASSERT_FALSE(related.hits.empty());
    for (const Hit& h : related.hits) EXPECT_NE(h.record.id, id);
    // 001 (speed against scalability) and 002 (perfection against technical debt) are
    // the same kind of question; 003 (a project walk-through) is not.
    ASSERT_EQ(related.hits.size(), 3u);
    EXPECT_EQ(sources(related).back(), "003_cb000c7924d76c46.txt");
    EXPECT_FALSE(searcher.related("0000000000000000"));
}

TEST(Searcher, AccentedAndChineseTextIsFound) {
    test::TempDir dir;
    std::ofstream(dir.str("pages.jsonl")) << R"({"title": "Como José lidou com um conflito", "question": "Conte sobre um conflito."})" "\n"
                                          << R"({"title": "什么是事件委托？", "question": "请解释事件委托。"})" "\n";
    Indexer indexer(dir.str("index"));
    indexer.add_path(dir.str("pages.jsonl"));
    ASSERT_EQ(indexer.commit().added, 2u);
    Searcher searcher(dir.str("index"));
    SearchRequest request;
    request.query = "jose";
    SearchResult r = searcher.search(request);
    ASSERT_EQ(r.total, 1u);
    request.query = "事件委托";
    SearchResult zh = searcher.search(request);
    ASSERT_EQ(zh.total, 1u);
    EXPECT_EQ(zh.hits[0].record.title, "什么是事件委托？");
    request.query = "委托事件";  // both words, either order
    EXPECT_EQ(searcher.search(request).total, 1u);
    request.query = "\"委托事件\"";  // a phrase keeps its order
    EXPECT_EQ(searcher.search(request).total, 0u);
}

// A searcher reads the commit it opened until reopen() moves it to the last one.
TEST(Searcher, ReopenSeesLaterCommitsAndSaysWhetherAnythingChanged) {
    test::TempDir dir;
    std::ofstream(dir.str("a.jsonl")) << R"({"title": "What is a closure?", "question": "Explain closures."})" "\n";
    std::ofstream(dir.str("b.jsonl")) << R"({"title": "What is event delegation?", "question": "Explain it."})" "\n";
    {
        Indexer indexer(dir.str("index"));
        indexer.add_path(dir.str("a.jsonl"));
        indexer.commit();
    }
    Searcher searcher(dir.str("index"));
    EXPECT_FALSE(searcher.reopen());  // nothing committed since it opened
    {
        Indexer indexer(dir.str("index"));
        indexer.add_path(dir.str("b.jsonl"));
        indexer.commit();
    }
    EXPECT_EQ(searcher.stats().documents, 1u);  // the snapshot it opened
    EXPECT_TRUE(searcher.reopen());
    EXPECT_EQ(searcher.stats().documents, 2u);
    SearchRequest request;
    request.query = "delegation";
    EXPECT_EQ(searcher.search(request).total, 1u);
    EXPECT_FALSE(searcher.reopen());
}

TEST(ParseFilter, SplitsAtTheFirstColon) {
    struct Row {
        const char* spec;
        const char* field;
        const char* value;
    };
    for (const Row& row : {Row{"level:Senior", "level", "Senior"}, Row{"tag:C++", "tag", "C++"},
                           Row{"category:a:b", "category", "a:b"}, Row{"tag:面试", "tag", "面试"}}) {
        Filter f = parse_filter(row.spec);
        EXPECT_EQ(f.field, row.field) << row.spec;
        EXPECT_EQ(f.value, row.value) << row.spec;
    }
    for (const char* bad : {"", "level", ":Senior", "level:", ":"}) {
        try {
            parse_filter(bad);
            ADD_FAILURE() << "accepted '" << bad << "'";
        } catch (const BadInputError& e) {
            EXPECT_EQ(std::string(e.what()), std::string("a filter is FIELD:VALUE, such as level:Senior; got '") + bad + "'");
        }
    }
}

TEST(Searcher, MissingIndexIsIndexMissingError) {
    test::TempDir dir;
    try {
        Searcher searcher(dir.str("nothing-here"));
        FAIL();
    } catch (const IndexMissingError& e) {
        EXPECT_EQ(e.kind(), Error::Kind::IndexMissing);
        EXPECT_EQ(std::string(e.what()), "no index at " + dir.str("nothing-here"));
    }
}

TEST(Searcher, FolderThatIsNotAnIndexIsIndexMissingError) {
    test::TempDir dir;
    try {
        Searcher searcher(dir.str());
        FAIL();
    } catch (const IndexMissingError& e) {
        EXPECT_EQ(std::string(e.what()).rfind("no index at " + dir.str() + ": ", 0), 0u) << e.what();
    }
}

}  // namespace
}  // namespace qbank
