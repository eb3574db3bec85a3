#include "schema/text_fold.h"

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
    Xapian::QueryParser qp;
    qp.set_stemmer(Xapian::Stem(kStemLanguage));
    qp.set_stemming_strategy(kQueryStemStrategy);
    Xapian::Query q = qp.parse_query(query::fold_query_text(text), Xapian::QueryParser::FLAG_DEFAULT);
    return {q.get_unique_terms_begin(), q.get_unique_terms_end()};
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
