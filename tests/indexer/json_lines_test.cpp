// JSON Lines from other tools: good lines become records, bad ones are reported by number.

#include "indexer/json_lines.h"

#include <gtest/gtest.h>

namespace qbank::indexer {
namespace {

TEST(JsonLinesTest, RecordsWithDefaults) {
    auto result = read_json_lines(
        "{\"question\": \"How do you handle conflict in a team?\", \"tags\": [\"Teamwork\"], \"level\": \"Senior\","
        " \"sections\": [{\"heading\": \"Common mistakes\", \"text\": \"Blaming.\"}]}\n"
        "\n"
        "{\"id\": \"0123456789abcdef\", \"title\": \"CAP\", \"question\": \"Explain CAP\", \"category\": \"Systems\","
        " \"source\": \"elsewhere\", \"removed\": [], \"duplicates\": []}\r\n",
        "qs.jsonl");
    EXPECT_TRUE(result.problems.empty());
    ASSERT_EQ(result.records.size(), 2u);
    const Record& first = result.records[0].record;
    EXPECT_EQ(first.id, "");
    EXPECT_EQ(first.title, "How do you handle conflict in a team?");
    EXPECT_EQ(first.level, Level::Senior);
    EXPECT_EQ(first.tags, std::vector<std::string>{"Teamwork"});
    ASSERT_EQ(first.sections.size(), 1u);
    EXPECT_EQ(first.sections[0].kind, SectionKind::CommonMistakes);
    EXPECT_EQ(result.records[0].fragment, "how-do-you-handle-conflict-in-a-team");
    EXPECT_EQ(result.records[1].record.id, "0123456789abcdef");
    EXPECT_EQ(result.records[1].fragment, "0123456789abcdef");
    EXPECT_EQ(result.records[1].record.category, "Systems");
}

TEST(JsonLinesTest, BadLinesAreReportedAndSkipped) {
    auto result = read_json_lines(
        "{\"title\": \"Good one\"}\n"
        "{\"title\": \"Broken\"\n"
        "[1, 2]\n"
        "{\"titel\": \"typo\"}\n"
        "{\"title\": \"x\", \"tags\": \"not a list\"}\n"
        "{\"title\": \"x\", \"level\": \"Expert\"}\n"
        "{\"summary\": 1}\n"
        "{\"title\": \"\"}\n"
        "{\"title\": \"x\", \"id\": \"XYZ\"}\n"
        "{\"title\": \"caf\xC3\"}\n"
        "{\"title\": \"Good two\"}",
        "qs.jsonl");
    ASSERT_EQ(result.records.size(), 2u);
    EXPECT_EQ(result.records[1].record.title, "Good two");
    std::vector<std::string> got;
    for (const Diagnostic& d : result.problems) got.push_back(d.to_string());
    const std::string tail = "; line skipped, fix it and index again";
    EXPECT_EQ(got, (std::vector<std::string>{
                       "qs.jsonl:2: error: not valid JSON" + tail,
                       "qs.jsonl:3: error: not a JSON object" + tail,
                       "qs.jsonl:4: error: unknown field 'titel'" + tail,
                       "qs.jsonl:5: error: field 'tags' must be an array of non-empty strings" + tail,
                       "qs.jsonl:6: error: field 'level' must be one of Junior, Mid, Senior, Staff+" + tail,
                       "qs.jsonl:7: error: unknown field 'summary'" + tail,
                       "qs.jsonl:8: error: a record needs a title or a question" + tail,
                       "qs.jsonl:9: error: field 'id' must be 16 lower-case hex digits" + tail,
                       "qs.jsonl:10: error: invalid UTF-8 at column 15" + tail,
                   }));
}

}  // namespace
}  // namespace qbank::indexer
