#include "indexer/page_parser.h"

#include <gtest/gtest.h>

namespace qbank::indexer {
namespace {

TEST(PageParser, LabelledQuestionPage) {
    Record r = parse_record(
        "The Question\nBehavioral\n\nTell Me About Conflict\n\nDescribe a conflict with a peer.\nMid Level\n"
        "Communication\nConflict Resolution\nQuestions & Insights\n\nClarifying Questions\n\n\"Which peer?\"\n"
        "Coach Strategy\n\nSignals:\nEmpathy: listens.\nCheat Code: Be specific.\nStrategy Breakdown\n\n"
        "The STAR Narrative\n\nSituation – Context\nTwo teams disagreed.\nResult – Outcome & Impact\nThey agreed.");
    EXPECT_EQ(r.category, "Behavioral");
    EXPECT_EQ(r.title, "Tell Me About Conflict");
    EXPECT_EQ(r.question, "Describe a conflict with a peer.");
    EXPECT_EQ(r.level, Level::Mid);
    EXPECT_EQ(r.tags, (std::vector<std::string>{"Communication", "Conflict Resolution"}));
    const std::vector<Section> expected = {
        {"Clarifying Questions", SectionKind::ClarifyingQuestions, std::nullopt, "\"Which peer?\""},
        {"Coach Strategy", SectionKind::CoachStrategy, std::nullopt,
         "Signals:\nEmpathy: listens.\nCheat Code: Be specific."},
        {"Situation – Context", SectionKind::StarNarrative, std::nullopt, "Two teams disagreed."},
        {"Result – Outcome & Impact", SectionKind::StarNarrative, std::nullopt, "They agreed."},
    };
    EXPECT_EQ(r.sections, expected);
}

// A title line the question's paragraph begins with is the title, though it ends with a stop.
TEST(PageParser, ATitleRestatedByTheQuestionIsTheTitle) {
    Record r = parse_record(
        "Home > Infrastructure > E7\n\nDesign a push service for alerts.\n\n"
        "Design a push service for alerts. It must reach every device within a minute.\n\n"
        "Follow-up questions\n\nHow do you handle expired tokens?");
    EXPECT_EQ(r.title, "Design a push service for alerts.");
    EXPECT_EQ(r.question, "Design a push service for alerts. It must reach every device within a minute.");
    EXPECT_EQ(r.category, "Infrastructure");
}

// A title that asks, a blank line, and a question paragraph: not a list of follow-up questions.
TEST(PageParser, ATitleThatAsksOverAQuestionParagraph) {
    Record r = parse_record(
        "Home > Linux > Junior\n\nUnix Pipes: What Happens When You Run ps | grep?\n\n"
        "Explain what the shell and the kernel do. Why does grep sometimes show itself?\n\nAnswer\n\nA pipe.");
    EXPECT_EQ(r.title, "Unix Pipes: What Happens When You Run ps | grep?");
    EXPECT_EQ(r.question, "Explain what the shell and the kernel do. Why does grep sometimes show itself?");
    EXPECT_EQ(r.category, "Linux");
}

// Under a title that asks, a prompt that sets the scene and ends with a command is the question.
TEST(PageParser, APromptEndingWithACommandUnderATitleThatAsks) {
    Record r = parse_record(
        "# Why Is My Query Not Using the Index?\n\nA table has 80 million rows and an index on (a, b). "
        "Explain why the planner is not using the index.\n\n- Level: L5\n- Category: Databases\n\n"
        "## Answer\n\nThe index leads with a.");
    EXPECT_EQ(r.question,
              "A table has 80 million rows and an index on (a, b). Explain why the planner is not using the index.");
    EXPECT_EQ(r.level, Level::Senior);
    EXPECT_EQ(r.category, "Databases");
}

// A line that ends a sentence in any script is no chip, though it follows the level line.
TEST(PageParser, AQuestionUnderTheLevelLineIsNoChip) {
    Record r = parse_record("Mid\n\n什么是事件循环？它是如何工作的？\n\nTags: javascript, event-loop\n\n## 答案\n\n单线程。");
    EXPECT_EQ(r.level, Level::Mid);
    EXPECT_EQ(r.title, "什么是事件循环？它是如何工作的？");
    EXPECT_EQ(r.question, "什么是事件循环？它是如何工作的？");
    EXPECT_EQ(r.tags, (std::vector<std::string>{"javascript", "event-loop"}));
}

// Chips under the level line go on through lines that are tags by themselves ("#Planning").
TEST(PageParser, HashtagChipsOfOneWordAndOfSeveral) {
    Record r = parse_record(
        "Behavioral\n\nTurning Around a Program\n\nDescribe a time you rescued a late program.\nE7\n"
        "#Program Leadership\n#Planning\n#Influence Without Authority\n#Accountability\n\nAnswer\n\nI listened.");
    EXPECT_EQ(r.level, Level::StaffPlus);
    EXPECT_EQ(r.tags, (std::vector<std::string>{"Program Leadership", "Planning", "Influence Without Authority",
                                                "Accountability"}));
}

TEST(PageParser, ScrapeStartingMidPageWithSplicedMistakes) {
    Record r = parse_record(
        "How did you start?\nWhat did you learn?\n"
        "Sample Answer (Junior / New Grad) Situation: Intern.\nResult: Shipped.\n"
        "Sample Answer (Staff+) Situation: Org-wide.\nResult:\nCommon Mistakes\n- Vague goals\n- No metrics\n"
        "Over a year, velocity doubled.\nI learned patience.");
    EXPECT_EQ(r.title, "How did you start?");
    EXPECT_EQ(r.question, "How did you start?");
    EXPECT_FALSE(r.level.has_value());
    EXPECT_FALSE(r.category.has_value());
    const std::vector<Section> expected = {
        {"Follow-up Questions", SectionKind::FollowUpQuestions, std::nullopt, "How did you start?\nWhat did you learn?"},
        {"Sample Answer (Junior / New Grad)", SectionKind::SampleAnswer, Level::Junior,
         "Situation: Intern.\nResult: Shipped."},
        {"Sample Answer (Staff+)", SectionKind::SampleAnswer, Level::StaffPlus,
         "Situation: Org-wide.\nResult: Over a year, velocity doubled.\nI learned patience."},
        {"Common Mistakes", SectionKind::CommonMistakes, std::nullopt, "- Vague goals\n- No metrics"},
    };
    EXPECT_EQ(r.sections, expected);
    EXPECT_EQ(r.levels_addressed(), (std::vector<Level>{Level::Junior, Level::StaffPlus}));
}

// A list after a finished answer is not a splice: text after it stays in the list section.
TEST(PageParser, MistakesAfterACompleteAnswerAreNotASplice) {
    Record r = parse_record("Why?\nSample Answer (Senior) Result: Done.\nCommon Mistakes\n- Rambling\nKeep it short.");
    ASSERT_EQ(r.sections.size(), 2u);
    EXPECT_EQ(r.sections[0].text, "Result: Done.");
    EXPECT_EQ(r.sections[1].text, "- Rambling\nKeep it short.");
}

TEST(PageParser, PromptPageWithMarkdown) {
    Record r = parse_record(
        "Walk me through a project you are proud of: goals, role and results, with metrics and what you learned.\n"
        "Quick Answer: Pick one project.\nSolution\n# Solution Alignment\nState assumptions.\n---\n"
        "## Framework (how to structure)\n- Hook\n## Sample answer (real-time service)\nHook\n- I led a service.");
    EXPECT_EQ(r.title, "Walk me through a project you are proud of");
    EXPECT_FALSE(r.level.has_value());
    const std::vector<Section> expected = {
        {"Quick Answer", SectionKind::QuickAnswer, std::nullopt, "Pick one project."},
        {"Solution Alignment", SectionKind::Solution, std::nullopt, "State assumptions."},
        {"Framework (how to structure)", SectionKind::Framework, std::nullopt, "- Hook"},
        {"Sample answer (real-time service)", SectionKind::SampleAnswer, std::nullopt, "Hook\n- I led a service."},
    };
    EXPECT_EQ(r.sections, expected);
}

TEST(PageParser, TitleLineBeforeQuestionWithoutMarker) {
    Record r = parse_record("Handling Ambiguity\nTell me about a time the goal was unclear.\nSenior Level\nLeadership");
    EXPECT_EQ(r.title, "Handling Ambiguity");
    EXPECT_EQ(r.question, "Tell me about a time the goal was unclear.");
    EXPECT_EQ(r.level, Level::Senior);
    EXPECT_EQ(r.tags, std::vector<std::string>{"Leadership"});
}

TEST(PageParser, HeadingsOnlyPageStillGetsATitle) {
    Record r = parse_record("## Coach Strategy\nBe concrete.");
    EXPECT_EQ(r.title, "Coach Strategy");
    EXPECT_EQ(r.question, "");
}

TEST(PageParser, OpeningMarkdownHeadingIsTheTitle) {
    Record r = parse_record("# How do you scale a cache?\n## Solution\nUse consistent hashing.");
    EXPECT_EQ(r.title, "How do you scale a cache?");
    EXPECT_EQ(r.question, "How do you scale a cache?");
    ASSERT_EQ(r.sections.size(), 1u);
    EXPECT_EQ(r.sections[0].heading, "Solution");
}

TEST(PageParser, EmptyHeadingsStillGiveATitle) {
    EXPECT_EQ(parse_record("## Coach Strategy\n## Framework").title, "Coach Strategy");
    EXPECT_EQ(parse_record("---").title, "---");
}

TEST(PageParser, CodeFencesKeepHashesAndIndentation) {
    Record r = parse_record("How do you reverse a list?\n## Solution\n```python\n# reverse in place\n    xs.reverse()\n```\nDone.");
    ASSERT_EQ(r.sections.size(), 1u);
    EXPECT_EQ(r.sections[0].text, "```python\n# reverse in place\n    xs.reverse()\n```\nDone.");
}

// Issue 12 review: a question opening the page over short lines was filed as chrome.
TEST(PageParser, Issue12_AQuestionOverShortLinesIsThePagesQuestion) {
    Record r = parse_record("What is the CAP theorem?\nConsistency\nAvailability\nPartition tolerance\n"
                            "A distributed store can keep only two of the three during a partition.");
    EXPECT_EQ(r.title, "What is the CAP theorem?");
    EXPECT_EQ(r.question, "What is the CAP theorem?");
    ASSERT_EQ(r.sections.size(), 1u);
    EXPECT_EQ(r.sections[0].heading, "Answer");
    EXPECT_TRUE(r.removed.empty());
}

// Issue 12: metadata in the layouts of other sites, around a page's title and question.
TEST(PageParser, Issue12_MetadataAroundTitleAndQuestion) {
    Record r = parse_record("Home › Question Bank › Behavioral › Junior\nRamping Up on a Codebase\n"
                            "Tell me about a time you learned a large codebase. What did you do first?\n"
                            "Mid-Level · Behavioral\nSkills tested\nLearning Agility\nCommunication\n\n"
                            "Why interviewers ask this\nThey want to see how you learn.");
    EXPECT_EQ(r.title, "Ramping Up on a Codebase");
    EXPECT_EQ(r.question, "Tell me about a time you learned a large codebase. What did you do first?");
    EXPECT_EQ(r.category, "Behavioral");
    EXPECT_EQ(r.level, Level::Junior);
    EXPECT_EQ(r.tags, (std::vector<std::string>{"Learning Agility", "Communication"}));
    ASSERT_FALSE(r.sections.empty());
    EXPECT_EQ(r.sections.back().heading, "Why interviewers ask this");
}

TEST(PageParser, NoCategoryWhenTheLineAfterTheLabelIsTheTitle) {
    Record r = parse_record("The Question\nDesigning a Rate Limiter\nHow would you limit requests per user?\n"
                            "What changes across regions?\nSenior Level");
    EXPECT_FALSE(r.category);
    EXPECT_EQ(r.title, "Designing a Rate Limiter");
    EXPECT_EQ(r.question, "How would you limit requests per user?\nWhat changes across regions?");
}

TEST(InferTitle, UsesFirstSentenceAndCutsLongOnes) {
    const std::pair<std::string, std::string> cases[] = {
        {"Why do you want this job? Tell us more.", "Why do you want this job?"},
        {"Describe a launch: what went wrong, who you told, what you changed, how you measured it, and what you "
         "would do differently.",
         "Describe a launch"},
        {"Describe the most technically complex distributed system migration you personally led from design to "
         "rollout and beyond",
         "Describe the most technically complex distributed system migration you…"},
        {"面试中如何介绍自己的项目经验？", "面试中如何介绍自己的项目经验？"},
        // A long sentence that asks stays whole: cut, it loses what it asks.
        {"Why is the gap between two stacked paragraphs 30px when the first has margin-bottom: 30px and the second "
         "has margin-top: 20px? Explain.",
         "Why is the gap between two stacked paragraphs 30px when the first has margin-bottom: 30px and the second "
         "has margin-top: 20px?"},
        // A short question of two sentences that ask is its own title.
        {"What is the event loop? How does it work?", "What is the event loop? How does it work?"},
        {"什么是事件循环（Event Loop）？它是如何工作的？", "什么是事件循环（Event Loop）？它是如何工作的？"},
        {"", ""},
    };
    for (const auto& [question, title] : cases) EXPECT_EQ(infer_title(question), title) << question;
}

// Issue 12: a title that asks over the prompt itself: the prompt is the question.
TEST(PageParser, Issue12_PromptUnderATitleThatAsksIsTheQuestion) {
    Record r = parse_record(
        "# Unix pipes: what happens when you run ps | grep?\n\nExplain step by step what the shell does when you "
        "type ps aux | grep nginx.\nTags: Bash, Processes\n\n## Answer\n\nThe shell calls pipe().");
    EXPECT_EQ(r.title, "Unix pipes: what happens when you run ps | grep?");
    EXPECT_EQ(r.question, "Explain step by step what the shell does when you type ps aux | grep nginx.");
    EXPECT_EQ(r.tags, (std::vector<std::string>{"Bash", "Processes"}));
    // An answer under a title that asks stays the answer.
    Record answered = parse_record("# What is a closure?\n\nA function with the scope it was made in.");
    EXPECT_EQ(answered.question, "What is a closure?");
    EXPECT_EQ(answered.sections.at(0).text, "A function with the scope it was made in.");
}

// Issue 12: "Level: Mid-Level" over the title does not make the title the question.
TEST(PageParser, Issue12_KeyedLevelAboveTheTitle) {
    Record r = parse_record(
        "Level: Mid-Level\nCategory: Product Management\n\nKilling a Feature Customers Love\n\n"
        "Tell me about a time you had to sunset a feature customers depended on.\n\n## Coach Strategy\n\nSignals.");
    EXPECT_EQ(r.title, "Killing a Feature Customers Love");
    EXPECT_EQ(r.question, "Tell me about a time you had to sunset a feature customers depended on.");
    EXPECT_EQ(r.level, Level::Mid);
    EXPECT_EQ(r.category, "Product Management");
}

// Issue 12: a labelled block without a title line: category, then the question as its own title.
TEST(PageParser, Issue12_LabelledBlockWithoutATitle) {
    Record r = parse_record("The Question\nDatabases\n\nHow would you shard a multi-tenant Postgres database?\nE5\n"
                            "postgres\nsharding\n\nThe primary is near its limits.\n\n## Choose the shard key\n\nTenant.");
    EXPECT_EQ(r.title, "How would you shard a multi-tenant Postgres database?");
    EXPECT_EQ(r.question, r.title);
    EXPECT_EQ(r.category, "Databases");
    EXPECT_EQ(r.tags, (std::vector<std::string>{"postgres", "sharding"}));
}

// Issue 12: metadata right under a title that asks belongs to the page, not to the answer.
TEST(PageParser, Issue12_MetadataUnderATitleThatAsks) {
    Record r = parse_record("# What is event delegation?\n\nL4\nTags: javascript, dom\n\n## Answer\n\nOne listener.");
    EXPECT_EQ(r.question, "What is event delegation?");
    EXPECT_EQ(r.level, Level::Mid);
    EXPECT_EQ(r.tags, (std::vector<std::string>{"javascript", "dom"}));
    ASSERT_EQ(r.sections.size(), 1u);
    EXPECT_EQ(r.sections[0].text, "One listener.");
}

// A one-row table under a header of metadata keys is the page's metadata; "Q:" labels the question.
TEST(PageParser, ATableOfMetadataKeysAndAQLabel) {
    Record r = parse_record("# Consistenza eventuale\n\nLivello | Categoria | Tag\n"
                            "Intermedio | Sistemi distribuiti | consistenza, CAP\n\n## Domanda\n\n"
                            "Perché gli utenti vedono la foto vecchia?\n\n## Risposta\n\nLe repliche.");
    EXPECT_EQ(r.question, "Perché gli utenti vedono la foto vecchia?");
    EXPECT_EQ(r.category, "Sistemi distribuiti");
    EXPECT_EQ(r.level, Level::Mid);
    EXPECT_EQ(r.tags, (std::vector<std::string>{"consistenza", "CAP"}));
    Record table = parse_record("# Pros and cons\n\nOption | Cost | Risk\nManaged | High | Low\n");
    EXPECT_FALSE(table.level);
    EXPECT_FALSE(table.category);
    Record q = parse_record("Q: Why is the gap 30px? Explain margin collapsing.\n\nA:\n\nMargins collapse.");
    EXPECT_EQ(q.question, "Why is the gap 30px? Explain margin collapsing.");
}

// The prompt under a title that asks may follow a dateline and a line that hands over to it.
TEST(PageParser, APromptAfterADatelineAndAnIntroduction) {
    Record r = parse_record("# Stories Views Fell 12%: How Would You Investigate?\n\n"
                            "Posted on January 28, 2025 by Maeve Keane\n"
                            "Here is the prompt as I give it to candidates:\n"
                            "You are the product manager for Stories. Views fell 12% week over week. How would you "
                            "figure out what happened?\n\n## 1. Check the data\n\nFirst.");
    EXPECT_EQ(r.question, "You are the product manager for Stories. Views fell 12% week over week. How would you "
                          "figure out what happened?");
    ASSERT_FALSE(r.sections.empty());
    EXPECT_EQ(r.sections[0].text, "Posted on January 28, 2025 by Maeve Keane\nHere is the prompt as I give it to "
                                  "candidates:");
}

// The only heading of its depth titles the page, a breadcrumb above it or not.
TEST(PageParser, TheOnlyTopHeadingTitlesThePage) {
    Record r = parse_record("Systems Handbook › Operating Systems\n\n## fork() and exec()\n\n"
                            "What happens when a shell runs ls? Explain fork.\n\n### Short answer\n\nIt forks.");
    EXPECT_EQ(r.title, "fork() and exec()");
    EXPECT_EQ(r.question, "What happens when a shell runs ls? Explain fork.");
}

// A bare level line ("Junior") under a breadcrumb that already stated it is metadata too, not
// the first line of the answer, and so are the lines of metadata after it.
TEST(PageParser, BareLevelLineUnderATitleThatAsksAfterABreadcrumb) {
    Record r = parse_record("Home / Question Bank / Junior\n\n# What is hoisting?\n\nJunior\n\nTags: javascript\n\n"
                            "## Answer\n\nDeclarations are registered first.");
    EXPECT_EQ(r.level, Level::Junior);
    EXPECT_EQ(r.tags, (std::vector<std::string>{"javascript"}));
    ASSERT_EQ(r.sections.size(), 1u);
    EXPECT_EQ(r.sections[0].text, "Declarations are registered first.");
}

// "Interview Question" labels the question below it, past the role it was asked for.
TEST(PageParser, InterviewQuestionLabelSkipsTheRoleLine) {
    Record r = parse_record("Interview Question\n\nInterview for Senior Software Engineer · San Diego, CA\n\n"
                            "How would you find the nearest drivers? They report every 4 seconds.\n\nAnswer text.");
    EXPECT_EQ(r.question, "How would you find the nearest drivers? They report every 4 seconds.");
    EXPECT_EQ(r.level, Level::Senior);
}

// "The Question" over a long title the next line restates labels a block: the title
// is not taken for the question, and a job title under the level is no chip.
TEST(PageParser, LongRestatedTitleInALabelledBlock) {
    std::string title = "How would you find the 10 nearest available drivers to a rider in under 100 ms?";
    Record r = parse_record("The Question\n\n" + title + "\n\n" + title +
                            " Drivers send their GPS position every 4 seconds.\nL5\n\n"
                            "Senior Software Engineer Interview\nI applied online.");
    EXPECT_EQ(r.title, title);
    EXPECT_EQ(r.question, title + " Drivers send their GPS position every 4 seconds.");
    EXPECT_TRUE(r.tags.empty());
}

// On a question's page (metadata read), the prompt may follow a paragraph that
// introduces it; on a page without metadata, an introduction is no prompt.
TEST(PageParser, PromptAfterAnIntroductionOnAQuestionPage) {
    std::string intro = "We publish one real question from each stage of our loop. Try it, then read our notes.";
    std::string prompt = "How would you deliver webhooks reliably to thousands of endpoints, some of them slow?";
    Record r = parse_record("# Reliable Webhooks\n\n- Category: System Design\n- Level: L4\n\n" + intro + "\n\n" +
                            prompt + "\n\n## What we look for\n\nGuarantees first.");
    EXPECT_EQ(r.question, prompt);
    EXPECT_EQ(r.category, "System Design");
    Record plain = parse_record("# Reliable Webhooks\n\n" + intro + "\n\n" + prompt + "\n\n## Notes\n\nText.");
    EXPECT_EQ(plain.question, "");
}

// Further into a post's introduction, a paragraph that hands over with a colon to a
// line that asks: the question as it was put. A colon over a line that does not ask,
// or a question that nothing hands over to, is no prompt.
TEST(PageParser, AColonHandsOverToTheQuotedQuestion) {
    std::string post = "Frontend Interview Prep (3 Part Series)\n- Closures in five minutes\n"
                       "Three screens this year opened with the same warm-up. Here is how it was phrased:\n";
    std::string prompt = "What is the difference between debounce and throttle, and when would you use each?";
    Record r = parse_record("# Debounce vs throttle\n\n" + post + prompt + "\n\n## The short answer\n\nBoth limit calls.");
    EXPECT_EQ(r.question, prompt);
    Record statement = parse_record("# Debounce vs throttle\n\n" + post + "Both limit how often a function runs.\n\n"
                                    "## More\n\nText.");
    EXPECT_EQ(statement.question, "");
    Record list = parse_record("# Warm-ups\n\nWelcome back to the series.\nIn this post we cover three questions, one "
                               "by one:\nWhat is a closure?\nWhat is hoisting?\n\n## Notes\n\nText.");
    EXPECT_EQ(list.question, "");
    Record unannounced = parse_record("# Debounce vs throttle\n\nFrontend Interview Prep (3 Part Series)\n"
                                      "Three screens this year opened with the same warm-up.\n" + prompt +
                                      "\n\n## More\n\nText.");
    EXPECT_EQ(unannounced.question, "");
}

// "3187. Longest Calm Window" alone is a numbered problem title, not a list's item;
// "1. Use a heap" among other items is.
TEST(PageParser, NumberedProblemTitle) {
    Record r = parse_record("The Question\n\n3187. Longest Calm Window\n\nYou are given an array. Return the "
                            "longest calm window.\nArray\nQueue\n\nExample 1:\nInput: x");
    EXPECT_EQ(r.title, "3187. Longest Calm Window");
    EXPECT_EQ(r.question, "You are given an array. Return the longest calm window.");
    EXPECT_EQ(r.tags, (std::vector<std::string>{"Array", "Queue"}));
    Record list = parse_record("How do you merge k lists?\n\n1. Use a heap\n2. Pop the smallest");
    EXPECT_EQ(list.title, "How do you merge k lists?");
}

// An issue form scraped as text: each field's key alone over its value, and the state
// under the title.
TEST(PageParser, IssueFormFieldsAndState) {
    Record r = parse_record(
        "Several workers pulling jobs from one table #318\nOpen\n\nCategory\n\nDatabases\n\nLevel\n\nL5 (Senior)\n\n"
        "Question\n\nEight workers poll a jobs table. How do they claim jobs so that no job runs twice, and what "
        "happens when one crashes?\n\nReference answer\n\nUse SKIP LOCKED.");
    EXPECT_EQ(r.title, "Several workers pulling jobs from one table #318");
    EXPECT_EQ(r.question, "Eight workers poll a jobs table. How do they claim jobs so that no job runs twice, and what "
                          "happens when one crashes?");
    EXPECT_EQ(r.category, "Databases");
    EXPECT_EQ(r.level, Level::Senior);
    EXPECT_TRUE(r.tags.empty());
    // A label over a list, and a key over a word that is no value of its, are no fields.
    Record list = parse_record("How do you shard?\n\nKategorie:\n- Pytania rekrutacyjne\n\nBy key.");
    EXPECT_NE(list.category, "- Pytania rekrutacyjne");
}

// "Q." marks the question as "Question:" does, and a post's byline with its date and
// time is no title; a title with a year in it stays one.
TEST(PageParser, QMarkAndBylineDates) {
    Record r = parse_record("[신입 면접] 프로세스와 스레드의 차이\n코드한스푼 2025. 3. 2. 21:14\n"
                            "지난주 면접에서 받은 질문을 정리합니다.\n\nQ. 프로세스와 스레드의 차이는 무엇인가요?\n\n1. 정의\n프로세스는…");
    EXPECT_EQ(r.title, "[신입 면접] 프로세스와 스레드의 차이");
    EXPECT_EQ(r.question, "프로세스와 스레드의 차이는 무엇인가요?");
    Record year = parse_record("Top 10 React 18 questions for 2025\n\nThe list below is ours.\n");
    EXPECT_EQ(year.title, "Top 10 React 18 questions for 2025");
}

// A label may carry a remark on where the question was asked; a title's bracketed
// label may name the level.
TEST(PageParser, LabelRemarksAndBracketedLevels) {
    Record r = parse_record("# Evaluating a fraud model\n\nQuestion (from a mock ML loop): Our model reports 99% "
                            "accuracy. Why might that be meaningless?\n\n## Notes\n\nText.");
    EXPECT_EQ(r.question, "Our model reports 99% accuracy. Why might that be meaningless?");
    EXPECT_EQ(parse_record("[신입 면접] 프로세스와 스레드\n\nQ. 차이는 무엇인가요?\n").level, Level::Junior);
    EXPECT_EQ(parse_record("【高级】JVM 调优\n\n问题：如何调优？\n").level, Level::Senior);
    EXPECT_EQ(parse_record("[Solved] Why is my query slow?\n\nIt scans.\n").level, std::nullopt);
}

// A box of properties in a titled page's introduction, past a tagline and a caption,
// is the page's metadata, an area key read beside the others; a lone "Note: …" is prose.
TEST(PageParser, PropertiesBoxInTheIntroduction) {
    Record r = parse_record("# Wzorzec Circuit Breaker\n\nZ WikiKadry\nKarta pytania\nPoziom: Regular\n"
                            "Obszar: Architektura oprogramowania\nCzas: 20 min\nAutor: KZielinska\n\n"
                            "## Pytanie\n\nNa czym polega wzorzec Circuit Breaker?\n\n## Odpowiedź\n\nChroni usługę.");
    EXPECT_EQ(r.level, Level::Mid);
    EXPECT_EQ(r.category, "Architektura oprogramowania");
    EXPECT_EQ(r.question, "Na czym polega wzorzec Circuit Breaker?");
    ASSERT_FALSE(r.sections.empty());
    EXPECT_EQ(r.sections[0].text, "Z WikiKadry\nKarta pytania");
    // A form's key over its value, and the question under its label alone.
    Record form = parse_record("# Semantik Pengiriman Pesan\n\nKategori\nSistem Terdistribusi\nJenjang\n"
                               "Senior s.d. Principal\nPertanyaan\nApa perbedaan at-least-once dan exactly-once?\n\n"
                               "## Jawaban\n\nTiga semantik.");
    EXPECT_EQ(form.category, "Sistem Terdistribusi");
    EXPECT_EQ(form.level, Level::StaffPlus);
    EXPECT_EQ(form.question, "Apa perbedaan at-least-once dan exactly-once?");
    Record note = parse_record("# Caching\n\nNote: this is old.\nSee: the newer page\n\n## More\n\nText.");
    EXPECT_EQ(note.sections[0].text, "Note: this is old.\nSee: the newer page");
}

// A question its label names within a titled page's introduction is the page's, past
// a byline and an introduction; under a title that asks, a labelled question is a
// follow-up and the title stays the question.
TEST(PageParser, LabelledQuestionInTheIntroduction) {
    Record r = parse_record("# JVM 老年代晋升\n\n青山写代码 于 2025-02-20 发布\n前几天面试遇到一道老题。\n"
                            "问题：说说 JVM 中对象在什么情况下会从新生代晋升到老年代？\n\n## 1. 年龄达到阈值\n\n新对象在 Eden 区分配。");
    EXPECT_EQ(r.question, "说说 JVM 中对象在什么情况下会从新生代晋升到老年代？");
    Record asks = parse_record("# How does Kafka guarantee message ordering?\n\nPer partition only.\n"
                               "Q. What happens to ordering when a producer retries?\n\n## More\n\nText.");
    EXPECT_EQ(asks.question, "How does Kafka guarantee message ordering?");
    Record statement = parse_record("# Caching\n\nQuestion: none here, just notes.\n\n## More\n\nText.");
    EXPECT_EQ(statement.question, "");
}

// A coding prompt that gives its input in one paragraph and asks for the output in
// the next is one question; a paragraph that asks for nothing stays apart.
TEST(PageParser, CodingPromptRunsOnToItsOutputParagraph) {
    Record r = parse_record("Longest Calm Window\n\nYou are given an integer array readings and an integer k.\n\n"
                            "A window is calm if its range is at most k. Return the length of the longest calm window.\n\n"
                            "Example 1:\nInput: x");
    EXPECT_EQ(r.question, "You are given an integer array readings and an integer k.\nA window is calm if its range is "
                          "at most k. Return the length of the longest calm window.");
    Record other = parse_record("Rate Limiter\n\nDesign a rate limiter for an API.\n\nMost candidates start with a "
                                "token bucket.\n\nNotes\nMore.");
    EXPECT_EQ(other.question, "Design a rate limiter for an API.");
}

// "Question of the week" heads a newsletter's question block as "The Question" does.
TEST(PageParser, QuestionOfTheWeekLabelsABlock) {
    Record r = parse_record("Hi friends,\n\nThis week: a tricky one.\n\nQUESTION OF THE WEEK\n\nMaking Payment Retries "
                            "Safe\n\nLevel: Intermediate · Topic: API Design\n\nYour app retries a payment. How would "
                            "you make retries safe?\n\nTHE ANSWER\n\nUse an idempotency key.");
    EXPECT_EQ(r.title, "Making Payment Retries Safe");
    EXPECT_EQ(r.question, "Your app retries a payment. How would you make retries safe?");
    EXPECT_EQ(r.category, "API Design");
    EXPECT_EQ(r.level, Level::Mid);
}

// "Tags" in a column of one-word menu links announces no chips.
TEST(PageParser, TagsInAVerticalMenuIsNoLabel) {
    Record r = parse_record("Home\nQuestions\nTags\nUsers\nUnanswered\n\nWhat happens if you override equals() only?\n\n"
                            "A class overrides equals() but not hashCode(). What does get() return?\njava\nhashmap");
    EXPECT_EQ(r.tags, (std::vector<std::string>{"java", "hashmap"}));
}

// A community post: a short flair under a longer title is its category, and a line
// that hands over ("…as the interviewer gave it:") is followed by the question.
TEST(PageParser, PostFlairAndHandOverToThePrompt) {
    Record r = parse_record("Trending hashtags over a sliding hour (onsite, with my answer)\nSystem Design\n"
                            "Had this in a backend onsite. Prompt, word for word as the interviewer gave it:\n\n"
                            "Design a service that shows the 100 most-used hashtags over the last hour.\n\nMy notes.");
    EXPECT_EQ(r.title, "Trending hashtags over a sliding hour (onsite, with my answer)");
    EXPECT_EQ(r.category, "System Design");
    EXPECT_EQ(r.question, "Design a service that shows the 100 most-used hashtags over the last hour.");
}

// "Page properties" over a wiki page's property rows titles nothing.
TEST(PageParser, PagePropertiesLabelTitlesNothing) {
    Record r = parse_record("Building an Incident Process\nPage properties\nLevel\tStaff\nArea\tReliability\n"
                            "Question\nYou join a company as a staff engineer. What would you put in place?\nNotes\nMore.");
    EXPECT_EQ(r.title, "Building an Incident Process");
    EXPECT_EQ(r.category, "Reliability");
    EXPECT_EQ(r.level, Level::StaffPlus);
    EXPECT_EQ(r.question, "You join a company as a staff engineer. What would you put in place?");
}

// Metadata at the head of a section labelled as the question is the page's, not the question.
TEST(PageParser, MetadataOverALabelledQuestion) {
    Record r = parse_record("# TCP vs UDP\n\n## Today's question\n\nTopic: Networking · Level: New Grad\n\n"
                            "What is the difference between TCP and UDP?\n\n## TCP\n\nReliable.");
    EXPECT_EQ(r.question, "What is the difference between TCP and UDP?");
    EXPECT_EQ(r.category, "Networking");
    EXPECT_EQ(r.level, Level::Junior);
}

// A coding-judge page: "Problem" in a column of tabs labels nothing, a difficulty
// line under the title is metadata, and the prompt runs on to the paragraph that asks
// for the output, wherever in it.
TEST(PageParser, JudgeTabsDifficultyAndOutputParagraph) {
    Record r = parse_record("Problem\nSolutions\nDiscuss\nSubmissions\n1642. Fewest Lamps\nMedium\n"
                            "A street runs from 0 to length. You are given the lamps.\n\nReturn the fewest lamps that "
                            "light it. If none can, return -1.\n\nExample 1:\nInput: x");
    EXPECT_EQ(r.title, "1642. Fewest Lamps");
    EXPECT_EQ(r.question, "A street runs from 0 to length. You are given the lamps.\nReturn the fewest lamps that light "
                          "it. If none can, return -1.");
}

// A Chinese Q&A thread: topic chips right over a title that asks are its tags; an
// author's bio under the question, clauses parted by a comma, is no chip.
TEST(PageParser, TopicChipsOverAnAskingTitle) {
    Record r = parse_record("问知\n\nRedis\n分布式锁\nRedis 分布式锁为什么要设置过期时间？\n"
                            "二面的时候面试官让我现场实现分布式锁。为什么一定要给锁设置过期时间？\n林知远\n后端开发，专注分布式存储\n先说结论：防止死锁。");
    EXPECT_EQ(r.tags, (std::vector<std::string>{"Redis", "分布式锁"}));
    EXPECT_EQ(r.title, "Redis 分布式锁为什么要设置过期时间？");
}

// Rules for one kind of page leave other pages alone: a subtitle is no flair, a site's
// header no topic chips, an answer no part of its question, a rhetorical turn no prompt,
// and "题目" over a Chinese question still labels it.
TEST(PageParser, KindRulesLeaveOtherPagesAlone) {
    Record guide = parse_record("Rate limiting in distributed systems\nA practical guide\nMost APIs need a limit. "
                                "This guide shows token buckets, leaky buckets and sliding windows.");
    EXPECT_EQ(guide.category, std::nullopt);
    Record header = parse_record("BackendBrief\nHome\nWhy does my cache stampede?\nEvery key expires at once. How do "
                                 "you stop it?\nAnswer.");
    EXPECT_TRUE(header.tags.empty());
    Record reverse = parse_record("Reverse a Linked List\n\nReverse a linked list in place.\n\nWalk the list once, "
                                  "pointing each node back. Return the old tail as the new head.");
    EXPECT_EQ(reverse.question, "Reverse a linked list in place.");
    Record cache = parse_record("# Caching\n\nCategory: Databases\n\nA cache keeps hot data close to the code.\n\n"
                                "But when should you add one?\n\n## Notes\n\nMore.");
    EXPECT_EQ(cache.question, "");
    Record chinese = parse_record("题目\n设计一个短链接系统，支持每秒一万次跳转，你会如何设计？\n先估算容量，再选择编码方式。");
    EXPECT_EQ(chinese.question, "设计一个短链接系统，支持每秒一万次跳转，你会如何设计？");
}

}  // namespace
}  // namespace qbank::indexer
