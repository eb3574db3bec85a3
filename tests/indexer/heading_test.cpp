#include "indexer/heading.h"

#include <gtest/gtest.h>

namespace qbank::indexer {
namespace {

struct HeadingCase {
    std::string line;
    std::optional<std::string> heading;
    SectionKind kind = SectionKind::Other;
    std::optional<Level> level;
    std::string rest;
};

TEST(Heading, RecognizesLabelsOfEveryShape) {
    const HeadingCase cases[] = {
        {"Clarifying Questions", "Clarifying Questions", SectionKind::ClarifyingQuestions},
        {"Coach Strategy", "Coach Strategy", SectionKind::CoachStrategy},
        {"Common Mistakes:", "Common Mistakes", SectionKind::CommonMistakes},
        {"Questions & Insights", "Questions & Insights", SectionKind::Other},
        {"Action – What You Did", "Action – What You Did", SectionKind::StarNarrative},
        {"Learning / Reflection – Growth", "Learning / Reflection – Growth", SectionKind::StarNarrative},
        {"Sample Answer (Junior / New Grad) Situation: I was an intern.", "Sample Answer (Junior / New Grad)",
         SectionKind::SampleAnswer, Level::Junior, "Situation: I was an intern."},
        {"Sample Answer (Staff+)", "Sample Answer (Staff+)", SectionKind::SampleAnswer, Level::StaffPlus},
        {"Sample Answer: short", "Sample Answer", SectionKind::SampleAnswer, std::nullopt, "short"},
        {"Quick Answer: Say what you did.", "Quick Answer", SectionKind::QuickAnswer, std::nullopt,
         "Say what you did."},
        {"## Framework (how to structure a great answer)", "Framework (how to structure a great answer)",
         SectionKind::Framework},
        {"# Solution Alignment", "Solution Alignment", SectionKind::Solution},
        {"## Sample answer (Senior)", "Sample answer (Senior)", SectionKind::SampleAnswer, Level::Senior},
        {"### Common pitfalls ###", "Common pitfalls", SectionKind::CommonMistakes},
        {"## Interview Framing", "Interview Framing", SectionKind::Other},
        // Ordinary lines.
        {"Situation: During my internship, I led a project.", std::nullopt},
        {"Sample answers vary by company.", std::nullopt},
        {"Stakeholder Management", std::nullopt},
        {"#hashtag", std::nullopt},
        {"", std::nullopt},
        {"- bullet", std::nullopt},
    };
    for (const auto& c : cases) {
        auto h = parse_heading(c.line);
        ASSERT_EQ(h.has_value(), c.heading.has_value()) << c.line;
        if (!h) continue;
        EXPECT_EQ(h->text, *c.heading) << c.line;
        EXPECT_EQ(h->kind, c.kind) << c.line;
        EXPECT_EQ(h->level, c.level) << c.line;
        EXPECT_EQ(h->rest, c.rest) << c.line;
    }
}

// Labels are parsed by hand: a regex over a 30 KB line overflowed the stack.
TEST(Heading, VeryLongLinesDoNotOverflow) {
    std::string long_text(30000, 'x');
    auto sample = parse_heading("Sample Answer: " + long_text);
    ASSERT_TRUE(sample);
    EXPECT_EQ(sample->rest, long_text);
    auto unclosed = parse_heading("## Sample answer (" + long_text);
    ASSERT_TRUE(unclosed);
    EXPECT_FALSE(unclosed->level);
    EXPECT_FALSE(parse_heading("Quick answer " + long_text));
    EXPECT_FALSE(parse_heading(long_text + " – Context"));
}

}  // namespace
}  // namespace qbank::indexer
