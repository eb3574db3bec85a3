#include "indexer/boilerplate.h"

#include <gtest/gtest.h>

namespace qbank::indexer {
namespace {

constexpr std::size_t kMin = 20;

const std::string kBanner =
    "DowngradedOur providers are having outages right now. Some tools are slow for a while. "
    "Search is not affected and works fully.";

TEST(Boilerplate, RemovesGluedCopiesAsOneBlock) {
    std::string text = kBanner + kBanner + kBanner + "\n" + kBanner + kBanner + "\nThe real question?\nAn answer.";
    BoilerplateResult r = remove_repeated_blocks(text, kMin);
    EXPECT_EQ(r.text, "The real question?\nAn answer.\n");
    ASSERT_EQ(r.removed.size(), 1u);
    EXPECT_EQ(r.removed[0].text, kBanner);
    EXPECT_EQ(r.removed[0].count, 5);
}

TEST(Boilerplate, RemovesSpacedCopiesAndKeepsTheRestOfTheLine) {
    std::string repeated = "Sign up to unlock every answer in the bank today.";
    std::string text = "First line stays here. " + repeated + "\nMiddle text.\n" + repeated + " Last words stay too.";
    BoilerplateResult r = remove_repeated_blocks(text, kMin);
    EXPECT_EQ(r.text, "First line stays here. \nMiddle text.\nLast words stay too.\n");
    ASSERT_EQ(r.removed.size(), 1u);
    EXPECT_EQ(r.removed[0].text, repeated);
    EXPECT_EQ(r.removed[0].count, 2);
}

// A status banner the page showed as chrome (dropped by its markup) and the
// scraper also glued into a paragraph: the glued copy is one more copy.
TEST(Boilerplate, ACopyOfDroppedChromeIsRemovedWhereItIsGlued) {
    const std::string banner = "Degraded performanceOur video provider is experiencing an outage right now.";
    std::string text = "Keep the old table for a while." + banner + "\nThe next step stays.";
    // The chrome's text has a space where an inline element ended ("<b>Degraded performance</b>Our").
    BoilerplateResult r = remove_repeated_blocks(
        text, kMin, nullptr, {"Degraded performance Our video provider is experiencing an outage right now."});
    EXPECT_EQ(r.text, "Keep the old table for a while.\nThe next step stays.\n");
    ASSERT_EQ(r.removed.size(), 1u);
    EXPECT_EQ(r.removed[0].text, banner);
    EXPECT_EQ(r.removed[0].count, 2);
    // Chrome that shares no unit with the text removes nothing.
    EXPECT_EQ(remove_repeated_blocks(text, kMin, nullptr, {"Terms of service and privacy policy apply here."}).text,
              text);
}

// A title line restated as the first sentence of the question below it stays;
// the same sentence repeated away from that place is a banner.
TEST(Boilerplate, KeepsATitleRestatedByTheNextParagraph) {
    const std::string title = "Design a push service for breaking news.";
    std::string page = title + "\n\n" + title + " It must reach every device within a minute.\nMore detail.";
    EXPECT_TRUE(remove_repeated_blocks(page, kMin).removed.empty());
    std::string apart = title + "\nThe first line of the answer.\nA second line.\nA third line.\n" + title +
                        " It must reach every device.";
    EXPECT_EQ(remove_repeated_blocks(apart, kMin).text,
              "The first line of the answer.\nA second line.\nA third line.\nIt must reach every device.\n");
    // Lines of metadata between them, and a banner glued before the title, change nothing.
    std::string meta = title + "\nStaff · Infrastructure\n\n" + title + " It must reach every device.";
    EXPECT_TRUE(remove_repeated_blocks(meta, kMin).removed.empty());
    std::string keyed = title + "\nLevel: Staff\nDifficulty: Medium\nCategory: Infrastructure\nCompanies: Acme\n\n" +
                        title + " It must reach every device.";
    EXPECT_TRUE(remove_repeated_blocks(keyed, kMin).removed.empty());
    std::string glued = kBanner + kBanner + title + "\n" + title + " It must reach every device.";
    BoilerplateResult r = remove_repeated_blocks(glued, kMin);
    EXPECT_EQ(r.text, title + "\n" + title + " It must reach every device.\n");
}

// A banner glued to its own copies, with no sentence break between them, goes, and so
// does its copy glued into an answer's sentence.
TEST(Boilerplate, BannerGluedToItsOwnCopiesGoesEverywhere) {
    const std::string banner = "📈 This question was reported in 14 interviews this month";
    std::string page = banner + banner + banner + "\nTitle of the page\nThe answer ends here." + banner +
                       "\nNext line.";
    BoilerplateResult r = remove_repeated_blocks(page, kMin);
    EXPECT_EQ(r.text, "Title of the page\nThe answer ends here.\nNext line.\n");
    ASSERT_FALSE(r.removed.empty());
    EXPECT_EQ(r.removed[0].text, banner);
    EXPECT_EQ(r.removed[0].count, 4);
    // Text that merely repeats a few words is no banner.
    std::string rows = "ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha\n";
    EXPECT_EQ(remove_repeated_blocks(rows, kMin).text, rows);
}

// A printed document's running footer carries a page number: it goes on every page.
TEST(Boilerplate, RunningLinesWithPageNumbersGo) {
    std::string doc = "Intro text of the guide.\nInternal document   Page 3 of 12\nMore of the answer.\n"
                      "Internal document   Page 4 of 12\nStep 1 of 3: clarify.\nStep 2 of 3: design.";
    BoilerplateResult r = remove_repeated_blocks(doc, kMin);
    EXPECT_EQ(r.text, "Intro text of the guide.\nMore of the answer.\nStep 1 of 3: clarify.\nStep 2 of 3: design.\n");
    ASSERT_EQ(r.removed.size(), 1u);
    EXPECT_EQ(r.removed[0].count, 2);
}

TEST(Boilerplate, KeepsTextThatOccursOnce) {
    std::string text = "Each sentence here is different from the others.\nThis one is unique as well.";
    BoilerplateResult r = remove_repeated_blocks(text, kMin);
    EXPECT_EQ(r.text, text);
    EXPECT_TRUE(r.removed.empty());
}

TEST(Boilerplate, KeepsShortRepeatedStructure) {
    std::string text = "Result:\nfirst\n---\nResult:\nsecond\n---";
    BoilerplateResult r = remove_repeated_blocks(text, kMin);
    EXPECT_EQ(r.text, text);
    EXPECT_TRUE(r.removed.empty());
}

TEST(Boilerplate, ReportsDistinctBlocksSeparately) {
    std::string a = "Cookie notice: we use cookies to run this site.";
    std::string b = "Subscribe to our newsletter for weekly questions.";
    std::string text = a + "\nbody one\n" + b + "\nbody two\n" + a + "\n" + b;
    BoilerplateResult r = remove_repeated_blocks(text, kMin);
    EXPECT_EQ(r.text, "body one\nbody two\n");
    ASSERT_EQ(r.removed.size(), 2u);
    EXPECT_EQ(r.removed[0].text, a);
    EXPECT_EQ(r.removed[1].text, b);
}

TEST(Boilerplate, DoesNotSplitAbbreviations) {
    std::string text = "We shipped in the U.S. first and then in the EU market.";
    BoilerplateResult r = remove_repeated_blocks(text, kMin);
    EXPECT_EQ(r.text, text);
}

TEST(Boilerplate, KeepsRepeatedHeadingsAndCode) {
    std::string text =
        "Sample Answer (Mid-Level) Situation: one.\nLearning / Reflection – Growth\nFirst lesson.\n"
        "```\nimport React, { useState, useEffect } from 'react';\n```\n"
        "Sample Answer (Senior) Situation: two.\nLearning / Reflection – Growth\nSecond lesson.\n"
        "```\nimport React, { useState, useEffect } from 'react';\n```";
    BoilerplateResult r = remove_repeated_blocks(text, kMin);
    EXPECT_EQ(r.text, text);
    EXPECT_TRUE(r.removed.empty());
}

// A scraped page shows a snippet without a fence: its lines repeat by nature too.
TEST(Boilerplate, KeepsRepeatedLinesThatReadAsCode) {
    std::string text =
        "SELECT c.id, c.name FROM customers c\nLEFT JOIN orders o ON o.customer_id = c.id\nGROUP BY c.id, c.name;\n"
        "That drops customers. The fixed query:\n"
        "SELECT c.id FROM customers c\nLEFT JOIN orders o ON o.customer_id = c.id\nGROUP BY c.id, c.name;\n"
        "node = self.map.get(key)\nself._push_front(node)\nand later\nnode = self.map.get(key)\nself._push_front(node)";
    EXPECT_EQ(remove_repeated_blocks(text, kMin).text, text);
    // A line with words in parentheses is no call: the repeated link label goes.
    std::string label = "Read the full answer (Free)";
    EXPECT_EQ(remove_repeated_blocks(label + "\nOne.\n" + label + "\nTwo.", kMin).text, "One.\nTwo.\n");
}

// In an author's own source a sentence written under two questions answers both;
// a banner glued to its own copies still goes.
TEST(Boilerplate, RepeatsInAnAuthorsSourceStay) {
    std::string items = "1. Getting values in and out of form state\n2. Validation and error messages";
    std::string page = "## What is the popular choice?\n" + items + "\n## What is formik?\n" + items;
    EXPECT_EQ(remove_repeated_blocks(page, kMin, nullptr, {}, false).text, page);
    EXPECT_EQ(remove_repeated_blocks(page, kMin, nullptr, {}, true).text.find("Validation"), std::string::npos);
    const std::string banner = "📈 This question was reported in 14 interviews this month";
    EXPECT_EQ(remove_repeated_blocks(banner + banner + "\n" + page, kMin, nullptr, {}, false).text, page + "\n");
}

}  // namespace
}  // namespace qbank::indexer
