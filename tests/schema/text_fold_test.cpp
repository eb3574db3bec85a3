#include "schema/text_fold.h"
#include "schema/word_segment.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>

#include "query/query_builder.h"
#include "schema/text_analysis.h"

namespace qbank::schema {
namespace {

struct FoldCase {
    std::string input;
    std::string expected;
};

TEST(TextFold, FoldsCaseAndCompatibilityForms) {
    const FoldCase cases[] = {
        {"", ""},
        {"Stakeholder", "stakeholder"},
        {"Straße", "strasse"},
        {"ＣＯＤＥ", "code"},              // full-width
        {"ﬁnance", "finance"},             // ligature
        {"C++ and C#", "c++ and c#"},
        {"Cafe\u0301", "cafe"},             // accents go from Latin letters, composed or not
        {"José Müller Ångström", "jose muller angstrom"},
        {"がぎ", "がぎ"},                     // Japanese voicing marks stay: they change the word
        {"Ελληνικά", "ελληνικά"},           // marks on other scripts stay
        {"面试问题", "面试问题"},           // CJK unchanged
        {"soft\u00ADhyphen", "softhyphen"},  // NFKC_Casefold drops default-ignorables
        {"😀 Emoji", "😀 emoji"},
    };
    for (const auto& c : cases) EXPECT_EQ(fold(c.input), c.expected) << c.input;
}

TEST(TextFold, FoldCaseKeepsAccents) {
    EXPECT_EQ(fold_case("Exploração de Requisitos"), "exploração de requisitos");
    EXPECT_EQ(fold_case("ＣＯＤＥ"), "code");
}

TEST(TextFold, FoldValueTrimsAndCollapsesSpace) {
    EXPECT_EQ(fold_value("  Risk \t  Management \n"), "risk management");
    EXPECT_EQ(fold_value("   "), "");
}

std::set<std::string> index_terms(const std::string& text) {
    Xapian::Document doc;
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem(kStemLanguage));
    tg.set_stemming_strategy(kIndexStemStrategy);
    tg.set_document(doc);
    tg.index_text(analyzable_text(text));
    std::set<std::string> terms;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.insert(*it);
    return terms;
}

std::set<std::string> query_terms(const std::string& text) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    query::Synonyms none;
    Xapian::Query q = query::QueryBuilder(db, none).build(text, {});
    return {q.get_unique_terms_begin(), q.get_unique_terms_end()};
}

TEST(WordSegment, SpacedRunsLieBetweenUnspacedOnes) {
    auto runs = [](std::string_view text) {
        std::vector<std::string> out;
        for_each_spaced_run(text, [&](std::size_t b, std::size_t e) { out.emplace_back(text.substr(b, e - b)); });
        return out;
    };
    using Runs = std::vector<std::string>;
    EXPECT_EQ(runs(""), Runs{});
    EXPECT_EQ(runs("plain text"), Runs{"plain text"});
    EXPECT_EQ(runs("使用LRU cache来缓存。"), (Runs{"LRU cache", "。"}));
    EXPECT_EQ(runs("cache键值"), Runs{"cache"});
    EXPECT_EQ(runs("キャッシュ"), Runs{});
    EXPECT_EQ(runs("Ελληνικά и русский ไทยx"), (Runs{"Ελληνικά и русский ", "x"}));
    EXPECT_EQ(runs("サーバー"), Runs{});  // the length mark belongs to the Katakana word
}

// Excerpts look for words in the runs between, so they must cut text exactly
// where the index does: around every run segment_words segments.
TEST(WordSegment, SpacedRunsAreWhatSegmentationLeavesAlone) {
    for (std::string_view text : {"使用LRU cache来缓存。", "вода\u0301 и كَتَبَ", "C++的闭包", "plain", "ไทยx"}) {
        std::string rebuilt;
        std::size_t last = 0;
        for_each_spaced_run(text, [&](std::size_t b, std::size_t e) {
            rebuilt += segment_words(text.substr(last, b - last));
            rebuilt += text.substr(b, e - b);
            last = e;
        });
        rebuilt += segment_words(text.substr(last));
        EXPECT_EQ(segment_words(text), rebuilt) << text;
    }
}

TEST(TextFold, AccentsComeOffLatinLettersOnly) {
    EXPECT_EQ(fold("Naïve CAFÉ"), "naive cafe");
    EXPECT_EQ(fold("ή й が"), "ή й が");  // Greek, Cyrillic and Japanese marks stay
    EXPECT_EQ(fold("e\u0301"), "e");       // a combining accent after a Latin letter
    EXPECT_EQ(fold("日本語"), "日本語");
}

// The index and the query side must turn the same words into the same terms,
// whatever their case or Unicode form; otherwise searches silently miss.
TEST(TextFold, IndexAndQueryProduceTheSameTerms) {
    const std::string texts[] = {"Stakeholder Management", "STRASSE Straße", "ＫＵＢＥＲＮＥＴＥＳ", "Café résumé",
                                 "面试问题", "什么是闭包", "キャッシュとは何ですか", "José"};
    for (const std::string& text : texts) {
        std::set<std::string> indexed = index_terms(text);
        for (const std::string& term : query_terms(text)) EXPECT_TRUE(indexed.count(term)) << text << ": " << term;
    }
}

}  // namespace
}  // namespace qbank::schema
