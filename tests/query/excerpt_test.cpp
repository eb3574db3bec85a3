#include "query/excerpt.h"

#include <gtest/gtest.h>

#include <set>

#include "indexer/document_builder.h"
#include "query/query_builder.h"
#include "schema/field_terms.h"
#include "text/tokenizer.h"

namespace qbank::query {
namespace {

// Query terms as a real search makes them: built by the QueryBuilder, weighted
// by an MSet over `texts` indexed as answers.
class ExcerptTest : public ::testing::Test {
protected:
    QueryTerms terms(const std::string& query_text, const std::vector<std::string>& texts = {"filler"}) {
        db_ = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
        for (const std::string& t : texts) {
            Xapian::Document doc;
            schema::for_each_field_term(schema::FieldId::Answer, t, "en",
                                        [&](const std::string& term, Xapian::termcount wdf, std::size_t) { doc.add_term(term, wdf); });
            db_.add_document(doc);
        }
        query_ = QueryBuilder(db_, synonyms_).build(query_text, {});
        Xapian::Enquire enquire(db_);
        enquire.set_query(query_);
        return QueryTerms(query_, enquire.get_mset(0, 10), db_.get_doccount());
    }

    static std::vector<std::string> marked(const std::string& text, const QueryTerms& t) {
        std::vector<std::string> words;
        for (const auto& [b, e] : find_highlights(text, t, "en")) words.push_back(text.substr(b, e - b));
        return words;
    }

    Synonyms synonyms_;
    Xapian::WritableDatabase db_;
    Xapian::Query query_;
};

// Words are passed over by their first letter only where the page's stemmer keeps
// it: every form still matches, in a listed language and in one that is not.
TEST_F(ExcerptTest, EveryFormMatchesWhateverThePagesLanguage) {
    QueryTerms t = terms("skies yesterday");
    const std::string text = "Yesterday the skies cleared; a sky, yesterdays, and ski slopes.";
    const std::vector<std::string> expected = {"Yesterday", "skies", "sky", "yesterdays"};
    for (const char* language : {"en", "en-US", "und", ""}) {
        std::vector<std::string> words;
        for (const auto& [b, e] : find_highlights(text, t, language)) words.push_back(text.substr(b, e - b));
        EXPECT_EQ(words, expected) << language;
    }
}

// Runs of words that hold no query word's beginning are passed over unread: a
// stem that ends otherwise than its words ("dying" is "die", "cry" is "cri"),
// capitals and typographic quotes must not hide a match.
TEST_F(ExcerptTest, RunsWithoutAQueryWordsBeginningArePassedOver) {
    QueryTerms t = terms("dying cries");
    const std::string text = "Stars die; DYING stars, dies and died.\nA cry\u2019s echo: \u201cCRYING\u201d, cried. Diet crisp.";
    EXPECT_EQ(marked(text, t), (std::vector<std::string>{"die", "DYING", "dies", "died", "cry\u2019s", "CRYING", "cried"}));
}

TEST_F(ExcerptTest, HighlightsFoldedStemmedAndSegmentedWords) {
    const std::tuple<std::string, std::string, std::vector<std::string>> cases[] = {
        {"jose", "José met Jose and JOSÉ.", {"José", "Jose", "JOSÉ"}},
        {"scaling", "It scales; scaled systems scale.", {"scales", "scaled", "scale"}},
        {"c++ c#", "C++ and C# but not C or c+.", {"C++", "C#"}},
        // ICU's dictionary has no "闭包" (closure): both sides cut it into 闭 and 包.
        {"闭包", "什么是闭包？闭包就是函数。", {"闭", "包", "闭", "包"}},
        {"キャッシュ", "キャッシュとは", {"キャッシュ"}},
        // Latin words among Chinese and Japanese text, also glued to it and at either end.
        {"lru cache", "使用LRU cache来缓存。キャッシュはcache", {"LRU", "cache", "cache"}},
        {"c++ 闭包", "C++的闭包", {"C++", "闭", "包"}},
        {"naïve", "日本語のnaive実装", {"naive"}},
        // A stress mark is part of its word, in the index as here.
        {"вода", "Вода\u0301 и вода.", {"вода"}},
        {"вода\u0301", "Вода\u0301 и вода.", {"Вода\u0301"}},
        {"herd", "", {}},
        {"the", "the end", {"the"}},
    };
    for (const auto& [query, text, expected] : cases) EXPECT_EQ(marked(text, terms(query)), expected) << query;
}

TEST_F(ExcerptTest, FieldPrefixedTermsStillMarkTheWord) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document doc;
    doc.add_term("ZSherd");
    db.add_document(doc);
    Xapian::Enquire enquire(db);
    Xapian::Query q("ZSherd");
    enquire.set_query(q);
    QueryTerms t(q, enquire.get_mset(0, 10), db.get_doccount());
    EXPECT_EQ(marked("The herd came.", t), std::vector<std::string>{"herd"});
}

// The words an excerpt marks are exactly the words the index holds for the same
// text: a query for every indexed word marks every word, and only those.
TEST_F(ExcerptTest, MarksExactlyTheWordsTheIndexHolds) {
    const std::string text =
        "Don’t mix C++ and C# at AT&T: 3.14 or 1,000 fish+chips. José's CAFÉ, ＣＯＤＥ, Straße; "
        "什么是闭包？React的hooks、サーバー. e-mail node.js snake_case x++++ " + std::string(70, 'z') + " end";
    Record record;
    record.id = "r";
    record.title = "end";  // a word of the text: the plain words are the text's
    record.sections = {{"", SectionKind::Other, std::nullopt, text}};
    Xapian::Document doc = indexer::build_document(record);
    std::set<std::string> indexed;  // the words, as plain terms (prefixes are capitals)
    std::size_t occurrences = 0;    // a plain term has a position for each occurrence
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term)
        if (!((*term)[0] >= 'A' && (*term)[0] <= 'Z')) {
            indexed.insert(*term);
            occurrences += term.positionlist_count();
        }
    --occurrences;  // the title's "end"
    std::string query;
    for (const std::string& word : indexed) query += (query.empty() ? "" : " OR ") + std::string("\"") + word + "\"";
    QueryTerms all = terms(query, {text});
    std::vector<std::pair<std::size_t, std::size_t>> marks = find_highlights(text, all, "en");
    EXPECT_EQ(marks.size(), occurrences);
    std::set<std::string> marked_terms;
    for (const auto& [b, e] : marks) {
        std::vector<text::Token> words = text::tokenize(std::string_view(text).substr(b, e - b));
        ASSERT_EQ(words.size(), 1u) << text.substr(b, e - b);
        marked_terms.insert(words[0].term);
    }
    EXPECT_EQ(marked_terms, indexed);
    EXPECT_TRUE(indexed.count("c++") && indexed.count("at&t") && indexed.count("闭") && indexed.count("code"));
}

Record page_with_sections() {
    Record r;
    r.title = "Handling conflict";
    r.question = "Tell me about a conflict.";
    r.sections = {
        {"Coach Strategy", SectionKind::CoachStrategy, std::nullopt, "Stay calm and listen first."},
        {"Sample Answer (Junior)", SectionKind::SampleAnswer, Level::Junior,
         "My teammate and I disagreed about the deadline. We talked about the deadline."},
        {"Sample Answer (Senior)", SectionKind::SampleAnswer, Level::Senior, "I aligned two teams on one plan."},
        {"Common Mistakes", SectionKind::CommonMistakes, std::nullopt, "Blaming the teammate. Staying vague."},
    };
    return r;
}

TEST_F(ExcerptTest, TakesTheSectionThatMatchesBestAndNamesIt) {
    Excerpt e = make_excerpt(page_with_sections(), terms("blaming teammate"), std::nullopt, 300);
    EXPECT_EQ(e.section, "Common Mistakes");
    EXPECT_EQ(e.kind, SectionKind::CommonMistakes);
    EXPECT_EQ(e.text, "Blaming the teammate. Staying vague.");
    EXPECT_EQ(e.highlights.size(), 2u);

    Excerpt deadline = make_excerpt(page_with_sections(), terms("deadline"), std::nullopt, 300);
    EXPECT_EQ(deadline.section, "Sample Answer (Junior)");
    EXPECT_EQ(deadline.level, Level::Junior);
}

TEST_F(ExcerptTest, PrefersTheSampleAnswerOfTheLevelAskedFor) {
    // The Junior answer matches "deadline" better; a search for Senior wants the Senior answer.
    Excerpt e = make_excerpt(page_with_sections(), terms("deadline"), Level::Senior, 300);
    EXPECT_EQ(e.section, "Sample Answer (Senior)");
    EXPECT_EQ(e.level, Level::Senior);
    // A level the page has no answer for changes nothing.
    EXPECT_EQ(make_excerpt(page_with_sections(), terms("deadline"), Level::StaffPlus, 300).section,
              "Sample Answer (Junior)");
}

TEST_F(ExcerptTest, NoMatchingSectionGivesTheStartOfTheFirst) {
    Excerpt e = make_excerpt(page_with_sections(), terms("zebra"), std::nullopt, 300);
    EXPECT_EQ(e.section, "Coach Strategy");
    EXPECT_EQ(e.text, "Stay calm and listen first.");
    EXPECT_TRUE(e.highlights.empty());

    Record bare;
    bare.question = "What is a zebra?";
    Excerpt q = make_excerpt(bare, terms("zebra"), std::nullopt, 300);
    EXPECT_EQ(q.section, "");
    EXPECT_EQ(q.text, "What is a zebra?");
}

TEST_F(ExcerptTest, CutsOnSentenceBoundariesAroundTheMatch) {
    std::string text;
    for (int i = 1; i <= 12; ++i)
        text += "Sentence number " + std::to_string(i) + " talks about " + (i == 8 ? "sharding" : "nothing much") +
                " in some detail here.\n";
    Record r;
    r.sections = {{"Answer", SectionKind::Other, std::nullopt, text}};
    Excerpt e = make_excerpt(r, terms("sharding"), std::nullopt, 120);
    EXPECT_EQ(e.text.rfind("Sentence number ", 0), 0u) << e.text;  // starts on a sentence
    EXPECT_EQ(e.text.back(), '.') << e.text;                      // ends on one
    EXPECT_NE(e.text.find("sharding"), std::string::npos);
    EXPECT_LE(e.text.size(), 130u);
    EXPECT_EQ(e.text.find('\n'), std::string::npos);
}

// Only the text around a long section's matches is broken into sentences; the
// passage holding most of the query still wins, however far apart they are.
TEST_F(ExcerptTest, FarApartMatchesInALongSection) {
    std::string text;
    for (int i = 1; i <= 400; ++i)
        text += i == 30    ? "Sharding splits data.\n"
                : i == 370 ? "Sharding with consistent hashing moves few keys.\n"
                           : "Sentence " + std::to_string(i) + " says nothing much.\n";
    Record r;
    r.sections = {{"Answer", SectionKind::Other, std::nullopt, text}};
    Excerpt e = make_excerpt(r, terms("sharding consistent hashing"), std::nullopt, 100);
    EXPECT_EQ(e.text, "Sentence 369 says nothing much. Sharding with consistent hashing moves few keys.");
    EXPECT_EQ(make_excerpt(r, terms("zebra"), std::nullopt, 60).text,
              "Sentence 1 says nothing much. Sentence 2 says nothing much.");
}

TEST_F(ExcerptTest, OneOverlongSentenceIsCutAtWordsWithEllipses) {
    std::string text;
    for (int i = 0; i < 80; ++i) text += (i == 50 ? "sharding " : "word ");
    Record r;
    r.sections = {{"Answer", SectionKind::Other, std::nullopt, text}};
    Excerpt e = make_excerpt(r, terms("sharding"), std::nullopt, 100);
    EXPECT_EQ(e.text.rfind("…", 0), 0u) << e.text;
    EXPECT_TRUE(e.text.ends_with("…")) << e.text;
    EXPECT_NE(e.text.find("sharding"), std::string::npos);
    EXPECT_LE(e.text.size(), 110u);
}

// Issue 14: "closure javascript" showed "References: - https://…/JavaScript/…/Closures".
TEST_F(ExcerptTest, ProseAnswersBeforeLinksAndCode) {
    Record r;
    r.sections = {
        {"References", SectionKind::Other, std::nullopt,
         "- https://developer.mozilla.org/en-US/docs/Web/JavaScript/Guide/Closures\n"
         "- https://medium.com/javascript-scene/what-is-a-closure-b2f0d2152b36\n"},
        {"Config", SectionKind::Other, std::nullopt, "```\nconst closure = javascript(closure);\n```\n"},
        {"Answer", SectionKind::Other, std::nullopt, "A closure in JavaScript is a function with its scope.\n"},
    };
    EXPECT_EQ(make_excerpt(r, terms("closure javascript"), std::nullopt, 300).section, "Answer");
    r.sections.pop_back();
    EXPECT_EQ(make_excerpt(r, terms("closure javascript"), std::nullopt, 300).section, "Config");
}

// Issue 14: a code block read as one flattened line.
TEST_F(ExcerptTest, CodeKeepsItsLines) {
    Record r;
    r.sections = {{"Answer", SectionKind::Other, std::nullopt,
                   "Add the rules to your config:\n```\n{\n  \"rules\": {\n    \"hooks\": \"error\"\n  }\n}\n```\n"
                   "Then   run   the linter.\n"}};
    Excerpt e = make_excerpt(r, terms("hooks rules"), std::nullopt, 300);
    EXPECT_EQ(e.text,
              "Add the rules to your config:\n```\n{\n  \"rules\": {\n    \"hooks\": \"error\"\n  }\n}\n```\n"
              "Then run the linter.");
}

}  // namespace
}  // namespace qbank::query
