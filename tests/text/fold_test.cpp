#include "text/fold.h"

#include <gtest/gtest.h>

namespace qbank::text {
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

TEST(TextFold, AccentsComeOffLatinLettersOnly) {
    EXPECT_EQ(fold("Naïve CAFÉ"), "naive cafe");
    EXPECT_EQ(fold("ή й が"), "ή й が");  // Greek, Cyrillic and Japanese marks stay
    EXPECT_EQ(fold("e\u0301"), "e");       // a combining accent after a Latin letter
    EXPECT_EQ(fold("日本語"), "日本語");
}

TEST(TextFold, FoldWithSourcesMapsEachByteBack) {
    const std::string text = "Ａbß é!";
    FoldedText folded = fold_with_sources(text);
    EXPECT_EQ(folded.text, fold(text));
    EXPECT_EQ(folded.text, "abss e!");
    auto source = [&](std::size_t b, std::size_t e) {
        return text.substr(folded.source_begin(b), folded.source_end(e) - folded.source_begin(b));
    };
    EXPECT_EQ(source(0, 1), "Ａ");
    EXPECT_EQ(source(2, 4), "ß");  // "ss" comes from one letter
    EXPECT_EQ(source(5, 6), "é");
    EXPECT_EQ(source(0, folded.text.size()), text);
    EXPECT_TRUE(fold_with_sources("ascii").from.empty());  // one to one: no table
}

}  // namespace
}  // namespace qbank::text
