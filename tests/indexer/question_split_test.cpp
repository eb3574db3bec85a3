// Markdown handbooks -> one record per question heading, plus the rest of the page.

#include "indexer/question_split.h"

#include <gtest/gtest.h>

#include "indexer/file_records.h"
#include "indexer/normalize.h"

namespace qbank::indexer {
namespace {

SplitPage split_page(std::string_view markdown) {
    NormalizedPage page = normalize_page(markdown, {}, nullptr, Format::Markdown);
    return split_questions(page.text, "handbook", page.heading_links);
}

std::vector<SplitRecord> split(std::string_view markdown) { return split_page(markdown).records; }

std::vector<std::string> headings(const Record& r) {
    std::vector<std::string> out;
    for (const Section& s : r.sections) out.push_back(s.heading);
    return out;
}

TEST(QuestionSplitTest, QuestionHeadings) {
    EXPECT_TRUE(is_question_heading("What is JSX?"));
    EXPECT_TRUE(is_question_heading("Explain event delegation"));
    EXPECT_TRUE(is_question_heading("Design a web crawler"));
    EXPECT_TRUE(is_question_heading("什么是闭包？"));
    EXPECT_FALSE(is_question_heading("References"));
    EXPECT_FALSE(is_question_heading("Design"));
    EXPECT_FALSE(is_question_heading("Design overview"));  // a topic's name (review)
    EXPECT_FALSE(is_question_heading("Design patterns"));
    EXPECT_TRUE(is_question_heading("Design Mint.com"));
    EXPECT_FALSE(is_question_heading("Time complexity"));
    // An interrogative without a question mark is a question only among questions.
    EXPECT_FALSE(is_question_heading("12. How does `this` work"));
}

// An outliner's page: its properties ("category:: API Design", links as text) are the
// page's metadata and title, and its question is a list item under "## Question".
TEST(QuestionSplitTest, OutlinerPropertiesAndItemQuestion) {
    auto records = split("title:: Rolling out a change\ntype:: [[Interview Question]]\ncategory:: API Design\n"
                         "level:: Principal\nup:: [[Systems MOC]]\n\n- ## Question\n\t- How would you roll out a "
                         "breaking change?\n- ## Answer\n\t- Ship both.\n");
    ASSERT_EQ(records.size(), 1u);
    const Record& r = records[0].record;
    EXPECT_EQ(r.title, "Rolling out a change");
    EXPECT_EQ(r.question, "How would you roll out a breaking change?");
    EXPECT_EQ(r.category, "API Design");
    EXPECT_EQ(r.level, Level::StaffPlus);
    EXPECT_EQ(headings(r), (std::vector<std::string>{"Answer"}));
}

// Issue 12: headings that ask by command, in every language of the corpus.
TEST(QuestionSplitTest, Issue12_CommandsAndClosingWordsAsk) {
    for (std::string_view heading : {
             "Explique o que é especificidade", "Descreva floats e como funcionam", "Wyjaśnij delegowanie zdarzeń",
             "Ipaliwanag ang delegasyon ng kaganapan", "请解释事件委托（event delegation）。",
             "イベントデリゲーションについて説明してください。", "이벤트 위임에 대해 설명하세요.",
             "Объясните делегирование событий", "Give a simple example of Jest test case",
             "“What skills is the team looking for?”", "Why X? Explain Y.", "ব্যাখ্যা করুন কেন নিম্নলিখিত কোডটি",
             "设计 Pastebin.com (或者 Bit.ly)", "ウェブクローラーの設計",
             "Given a list of meetings as [start, end] pairs, merge the ones that overlap",
             "You are given a sorted array and a target. Return the positions of two values that sum to it.",
             "You're given a list of strings.", "给定一个整数数组，返回两数之和等于目标的下标。",
             "Дан массив целых чисел. Верните индексы двух чисел.", "Dado um array ordenado, devolva os índices.",
         })
        EXPECT_TRUE(is_question_heading(heading)) << heading;
    for (std::string_view heading : {"Jak sprawdzić, czy indeks jest używany", "How to prepare", "Overview", "目录",
                                     "You are the owner of the service."})
        EXPECT_FALSE(is_question_heading(heading)) << heading;
}

// Issue 12: a heading among sibling questions is one, whatever its words; what follows the last question closes the list.
// A prompt sets the scene and asks last; a paragraph that only tells asks nothing.
TEST(QuestionSplitTest, AParagraphAsksByItsOpeningOrItsLastSentence) {
    EXPECT_TRUE(reads_as_question("A table has 80 million rows and a B-tree index. The query scans it all. "
                                  "Explain why the planner is not using the index."));
    EXPECT_TRUE(reads_as_question("Describe a time you disagreed with your manager. Keep it short."));
    EXPECT_FALSE(reads_as_question("The index is ordered by customer first. Explain plans show a scan here."
                                   " The fix is a new index."));
    EXPECT_FALSE(reads_as_question("The index is ordered by customer first, so the planner scans the table."));
}

TEST(QuestionSplitTest, Issue12_SiblingsOfQuestionsAreQuestions) {
    auto records = split("# JavaScript\n\n## Explain hoisting\n\nLifted.\n\n## What is a closure?\n\nScope.\n\n"
                         "## What is a promise?\n\nLater.\n\n## Describe event bubbling\n\nUp.\n\n"
                         "## Why use strict mode?\n\nSafety.\n\n"
                         "## AMD vs CommonJS\n\nModules.\n\n## How does `this` work\n\nDepends.\n\n"
                         "## References\n\n- a link\n\n## Other Answers\n\n- another link\n");
    std::vector<std::string> titles;
    for (const auto& r : records) titles.push_back(r.record.title);
    // The page keeps its references and the answers elsewhere.
    EXPECT_EQ(titles, (std::vector<std::string>{"JavaScript", "Explain hoisting", "What is a closure?",
                                                "What is a promise?", "Describe event bubbling", "Why use strict mode?",
                                                "AMD vs CommonJS", "How does this work"}));
}

// Review: the page's closing "Contributing" is not part of the last answer.
TEST(QuestionSplitTest, Issue12_ClosingSectionsAreNotTheLastAnswer) {
    auto records = split("# Notes\n\n## What is a closure?\n\nScope.\n\n## What is hoisting?\n\nLifting.\n\n"
                         "## Contributing\n\nNew questions come with an answer and a source.\n");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[2].record.title, "What is hoisting?");
    EXPECT_EQ(records[2].record.sections.size(), 1u);
    EXPECT_EQ(records[0].record.title, "Notes");
}

// Issue 12: a page titled by a question is one record; its headings are parts of the answer.
TEST(QuestionSplitTest, Issue12_PageTitledByAQuestionIsOneRecord) {
    auto records = split("# Jak działa indeks B-drzewa?\n\nTekst.\n\n## Do czego B-drzewo nadaje się dobrze\n\nA.\n\n"
                         "## Kiedy indeks nie pomaga\n\nB.\n\n## Jak sprawdzić, czy indeks jest używany\n\nC.\n");
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].record.question, "Jak działa indeks B-drzewa?");
}

// A page whose one top heading stands over the level or tags of a question and a
// prompt that asks is one question, though a subheading asks; a guide's hook is not.
TEST(QuestionSplitTest, ATopHeadingOverMetadataAndAPromptIsOneQuestion) {
    auto records = split("## fork() and exec()\n\n**Level:** New Grad\n\n> What happens when a shell runs ls? "
                         "Explain fork.\n\n### Short answer\n\nIt forks.\n\n### Why two calls?\n\nBecause.\n\n"
                         "### Good to mention\n\nvfork.\n");
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].record.title, "fork() and exec()");
    EXPECT_EQ(records[0].record.question, "What happens when a shell runs ls? Explain fork.");
    auto guide = split("# Coding rubrics\n\nEver wondered how interviews are scored?\n\n## Communication\n\nA.\n\n"
                       "## How does your score count?\n\nB.\n");
    ASSERT_EQ(guide.size(), 2u);
    EXPECT_EQ(guide[1].record.question, "How does your score count?");
}

// Hugo's TOML front matter is read as YAML's is, up to its first [table]; template tags
// go; a section labelled as the question, after an untitled introduction, holds it.
TEST(QuestionSplitTest, TomlFrontMatterTemplateTagsAndALabelledQuestion) {
    auto records = split("+++\ntitle = \"Cutting a bundle\"\nlevel = \"senior\"\ncategories = [\"Frontend\"]\n"
                         "tags = [\"perf\", \"webpack\"]\n[params]\n  level = \"junior\"\n+++\n\n{{< hint >}}\n"
                         "Read this first.\n{{< /hint >}}\n\n{{< toc >}}\n\n## The question\n\n"
                         "How would you halve the bundle?\n\n## Measure\n\nAnalyse it.\n");
    ASSERT_EQ(records.size(), 1u);
    const Record& r = records[0].record;
    EXPECT_EQ(r.title, "Cutting a bundle");
    EXPECT_EQ(r.question, "How would you halve the bundle?");
    EXPECT_EQ(r.category, "Frontend");
    EXPECT_EQ(r.level, Level::Senior);
    EXPECT_EQ(r.tags, (std::vector<std::string>{"perf", "webpack"}));
    EXPECT_EQ(headings(r), (std::vector<std::string>{"Overview", "Measure"}));
    EXPECT_EQ(r.sections[0].text, "Read this first.");
}

// Issue 12: a book-sized page of topics becomes one record per topic, the page keeping its introduction.
TEST(QuestionSplitTest, Issue12_BookSizedPagesSplitIntoTopics) {
    auto filler = [](std::string_view topic) {
        std::string text;
        for (int i = 0; i < 120; ++i) text += std::string(topic) + " note " + std::to_string(i) + " says a little more. ";
        return text;
    };
    std::string book = "# The Primer\n\nAn introduction.\n\n## Database\n\nDatabases store data.\n\n### Replication\n\n" +
                       filler("Replication") + "\n\n### Sharding\n\n" + filler("Sharding") + "\n\n## Cache\n\n" +
                       filler("Cache") + "\n\n### CAP theorem\n\n" + filler("CAP") + "\n";
    auto records = split(book);
    std::vector<std::string> titles;
    for (const auto& r : records) titles.push_back(r.record.title + "#" + r.fragment);
    EXPECT_EQ(titles, (std::vector<std::string>{"The Primer#", "Database#database", "Replication#replication",
                                                "Sharding#sharding", "Cache#cache", "CAP theorem#cap-theorem"}));
    EXPECT_EQ(records[3].record.category, "Database");
    EXPECT_EQ(records[3].record.tags, (std::vector<std::string>{"The Primer"}));
    EXPECT_EQ(records[0].record.sections.at(0).text, "An introduction.");
    for (const auto& r : records) EXPECT_LT(r.record.sections.empty() ? 0 : r.record.sections[0].text.size(), 16384u);
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

// Issue 12: a link-only heading ends the answer above it, makes no record and lends its title.
TEST(QuestionSplitTest, Issue12_LinkOnlyHeadingIsATitleLinkNotARecord) {
    SplitPage page = split_page(
        "# Primer\n\n## Questions\n\n### Design Mint.com\n\n[Solution](solutions/mint.md)\n\n"
        "### 为一个社交网络设计数据结构\n\n[查看实践与解答](solutions/social.md)\n\n"
        "### What is sharding?\n\nSplitting rows over machines.\n");
    ASSERT_EQ(page.records.size(), 1u);
    EXPECT_EQ(page.records[0].record.title, "What is sharding?");
    ASSERT_EQ(page.title_links.size(), 2u);
    EXPECT_EQ(page.title_links[0].title, "Design Mint.com");
    EXPECT_EQ(page.title_links[0].fragment, "design-mintcom");
    EXPECT_EQ(page.title_links[1].title, "为一个社交网络设计数据结构");
    EXPECT_EQ(page.title_links[1].href, "solutions/social.md");
}

// Issue 12: numbered headings of which few ask are the steps of one answer.
TEST(QuestionSplitTest, Issue12_NumberedStepsAreNotQuestions) {
    auto records = split(
        "# Why work here\n\n## Answer structure\n\n### 1. Keep it short\n\nA minute.\n\n"
        "### 2. Do your research\n\nTalk to employees.\n\n### 3. Explain what you bring\n\nSkills.\n\n"
        "## Examples\n\n### Why do you want to work here?\n\nBecause.\n\n### Why this team?\n\nPeople.\n");
    std::vector<std::string> titles;
    for (const SplitRecord& r : records) titles.push_back(r.record.title);
    EXPECT_EQ(titles, (std::vector<std::string>{"Why work here", "Why do you want to work here?", "Why this team?"}));
    EXPECT_EQ(headings(records[0].record),
              (std::vector<std::string>{"1. Keep it short", "2. Do your research", "3. Explain what you bring"}));
}

// Issue 12: an answer of bare web addresses, or "TODO" over such a list, is no answer.
TEST(QuestionSplitTest, Issue12_BareLinksAreNoAnswer) {
    auto records = split("# Q\n\n### What is a closure?\n\nScope.\n\n### Why static members?\n\nTODO\n\n"
                         "### Other Answers\n\n- https://example.com/a\n- http://example.org/b\n\n"
                         "### What is hoisting?\n\nLifting. See https://example.com/c\n");
    std::vector<std::string> titles;
    for (const SplitRecord& r : records) titles.push_back(r.record.title);
    EXPECT_EQ(titles, (std::vector<std::string>{"What is a closure?", "What is hoisting?"}));
}

// Review: anchors stay unique within a file, as GitHub makes them.
TEST(QuestionSplitTest, RepeatedHeadingsGetUniqueFragments) {
    FileRecords file = parse_file_bytes("# B\n\n## What is X?\n\nA.\n\n## What is X?\n\nB.\n\n## What is X 1?\n\nC.\n",
                                        {"b.md", "/b.md", "b.md"}, Format::Markdown, {}, nullptr);
    std::vector<std::string> fragments;
    for (const SplitRecord& r : file.records) fragments.push_back(r.fragment);
    EXPECT_EQ(fragments, (std::vector<std::string>{"what-is-x", "what-is-x-1", "what-is-x-1-1"}));
}

// Issue 15: bounds on what one input yields.
TEST(QuestionSplitTest, Issue15_BoundsOnOneFile) {
    std::string many = "# Many\n\n";
    for (int i = 0; i < 20005; ++i) many += "## What is thing " + std::to_string(i) + "?\n\nAnswer.\n\n";
    FileRecords file = parse_file_bytes(many, {"many.md", "/many.md", "many.md"}, Format::Markdown, {}, nullptr);
    EXPECT_EQ(file.records.size(), 20000u);
    ASSERT_EQ(file.problems.size(), 1u);
    EXPECT_EQ(file.problems[0].message, "holds 20005 records; the first 20000 are indexed: split the file to index the rest");

    std::string line = "What is this? ";
    while (line.size() < 100000) line += "word ";
    FileRecords page = parse_file_bytes(line, {"p.txt", "/p.txt", "p.txt"}, Format::Text, {}, nullptr);
    ASSERT_EQ(page.records.size(), 1u);
    const Record& r = page.records[0].record;
    EXPECT_LE(r.question.size(), 4096u + 3);  // and "…"
    EXPECT_TRUE(r.question.ends_with("…"));
    ASSERT_FALSE(r.sections.empty());
    EXPECT_EQ(r.sections[0].heading, "Question");
    EXPECT_GE(r.sections[0].text.size(), 99000u);  // the whole text stays searchable

    std::string sections = "{\"title\": \"Many parts\", \"question\": \"Why?\", \"sections\": [";
    for (int i = 0; i < 1500; ++i)
        sections += std::string(i ? "," : "") + "{\"heading\": \"Part " + std::to_string(i) + "\", \"text\": \"word" +
                    std::to_string(i) + "\"}";
    FileRecords parts =
        parse_file_bytes(sections + "]}\n", {"s.jsonl", "/s.jsonl", "s.jsonl"}, Format::JsonLines, {}, nullptr);
    ASSERT_EQ(parts.records.size(), 1u);
    const std::vector<Section>& kept = parts.records[0].record.sections;
    ASSERT_EQ(kept.size(), 1000u);
    EXPECT_TRUE(kept.back().text.starts_with("word999\n\nPart 1000\nword1000"));
    EXPECT_TRUE(kept.back().text.ends_with("Part 1499\nword1499"));
}

// A note with front matter whose heading stands over a callout's prompt is one
// question; its subheadings, asking or not, are parts of the answer.
TEST(QuestionSplitTest, FrontMatterAndACalloutPromptMakeOneQuestion) {
    std::vector<SplitRecord> records = split("---\nlevel: L6\ntags: [2pc]\n---\n# Two-phase commit\n\n"
                                             "> [!question] Prompt\n> Placing an order spans three services. Why "
                                             "does 2PC block?\n\n## How 2PC works\n\nTwo rounds.\n\n## Why it "
                                             "blocks\n\nIn doubt.\n");
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].record.question, "Placing an order spans three services. Why does 2PC block?");
}

}  // namespace
}  // namespace qbank::indexer
