// Markdown handbooks -> one record per question heading, plus the rest of the page.

#include "indexer/question_split.h"

#include <gtest/gtest.h>

#include "indexer/normalize.h"

namespace qbank::indexer {
namespace {

std::vector<SplitRecord> split(std::string_view markdown) {
    return split_questions(normalize_page(markdown, {}, nullptr, Format::Markdown).text, "handbook");
}

std::vector<std::string> headings(const Record& r) {
    std::vector<std::string> out;
    for (const Section& s : r.sections) out.push_back(s.heading);
    return out;
}

TEST(QuestionSplitTest, QuestionHeadings) {
    EXPECT_TRUE(is_question_heading("What is JSX?"));
    EXPECT_TRUE(is_question_heading("Explain event delegation"));
    EXPECT_TRUE(is_question_heading("Design a web crawler"));
    EXPECT_TRUE(is_question_heading("12. How does `this` work"));
    EXPECT_TRUE(is_question_heading("什么是闭包？"));
    EXPECT_FALSE(is_question_heading("References"));
    EXPECT_FALSE(is_question_heading("Design"));
    EXPECT_FALSE(is_question_heading("Time complexity"));
}

TEST(QuestionSplitTest, Anchors) {
    EXPECT_EQ(heading_anchor("What is the `key` prop?"), "what-is-the-key-prop");
    EXPECT_EQ(heading_anchor("Design Pastebin.com (or Bit.ly)"), "design-pastebincom-or-bitly");
    EXPECT_EQ(heading_anchor("什么是闭包（closure）？"), "什么是闭包closure");
}

TEST(QuestionSplitTest, HandbookBecomesOneRecordPerQuestion) {
    auto records = split(
        "# React Handbook\n\nIntro to the book.\n\n## Core React\n\n"
        "1. ### What is React?\n\n   A library.\n\n   #### Example\n\n   ```js\n   render();\n   ```\n\n"
        "2. ### What is JSX?\n\n   A syntax.\n\n   ### Example usage\n\n   <b>x</b>\n\n"
        "## Testing\n\n### How do you test hooks?\n\nWith a renderer.\n\n## Credits\n\nThanks.\n");
    ASSERT_EQ(records.size(), 4u);
    const Record& page = records[0].record;
    EXPECT_EQ(records[0].fragment, "");
    EXPECT_EQ(page.title, "React Handbook");
    EXPECT_EQ(page.question, "");
    EXPECT_EQ(headings(page), (std::vector<std::string>{"Overview", "Credits"}));

    const Record& react = records[1].record;
    EXPECT_EQ(records[1].fragment, "what-is-react");
    EXPECT_EQ(react.title, "What is React?");
    EXPECT_EQ(react.question, "What is React?");
    EXPECT_EQ(react.category, "Core React");
    EXPECT_EQ(react.tags, std::vector<std::string>{"React Handbook"});
    ASSERT_EQ(headings(react), (std::vector<std::string>{"Answer", "Example"}));
    EXPECT_EQ(react.sections[0].kind, SectionKind::Solution);
    EXPECT_EQ(react.sections[0].text, "A library.");
    EXPECT_EQ(react.sections[1].text, "```\nrender();\n```");

    // A heading at the question's level that asks nothing belongs to the answer.
    EXPECT_EQ(headings(records[2].record), (std::vector<std::string>{"Answer", "Example usage"}));
    EXPECT_EQ(records[3].record.category, "Testing");
    EXPECT_EQ(records[3].fragment, "how-do-you-test-hooks");
}

TEST(QuestionSplitTest, PageWithOneQuestionIsOneRecord) {
    auto records = split("---\ntitle: What is progressive rendering?\n---\n\nRendering early.\n\n"
                         "## Lazy loading of images\n\nImages load later.\n");
    ASSERT_EQ(records.size(), 1u);
    const Record& r = records[0].record;
    EXPECT_EQ(r.title, "What is progressive rendering?");
    EXPECT_EQ(r.question, "What is progressive rendering?");
    EXPECT_EQ(headings(r), (std::vector<std::string>{"Answer", "Lazy loading of images"}));
}

TEST(QuestionSplitTest, GuideWithoutQuestionsIsOneRecordTitledByThePage) {
    auto records = split("Arrays hold values.\n\n## Time complexity\n\nO(1) access.\n\n## Corner cases\n\nEmpty.\n");
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].record.title, "Arrays hold values.");
    EXPECT_EQ(headings(records[0].record), (std::vector<std::string>{"Overview", "Time complexity", "Corner cases"}));
}

TEST(QuestionSplitTest, HandbookWithNothingElseHasNoPageRecord) {
    auto records = split("### Why?\n\nBecause.\n\n### How?\n\nLike this.\n");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].record.title, "Why?");
    EXPECT_FALSE(records[0].record.category.has_value());
}

}  // namespace
}  // namespace qbank::indexer
