// Metadata lines in the layouts sites use -> category, level and tags; prose never.

#include "indexer/page_metadata.h"

#include <gtest/gtest.h>

namespace qbank::indexer {
namespace {

struct Row {
    std::string line;
    std::optional<std::string> category;
    std::optional<Level> level;
    std::vector<std::string> tags;
};

TEST(PageMetadataTest, ReadsTheLayoutsSitesUse) {
    const Row rows[] = {
        // Breadcrumbs, with the page's title at the end or not.
        {"Home › Question Bank › Behavioral › Junior", "Behavioral", Level::Junior, {}},
        {"Question Bank › Leadership › Staff / Principal", "Leadership", Level::StaffPlus, {}},
        {"Interviews > System Design > Senior", "System Design", Level::Senior, {}},
        {"Home / Questions / Coding / Mid-Level", "Coding", Level::Mid, {}},
        {"Home » Behavioral » Tell me about a time you failed and what you learned", "Behavioral", std::nullopt, {}},
        {"Inicio › Preguntas › Comportamiento › Senior", "Comportamiento", Level::Senior, {}},
        {"Home›Question Bank›Behavioral", "Behavioral", std::nullopt, {}},
        // Meta lines.
        {"Mid-Level · Behavioral", "Behavioral", Level::Mid, {}},
        {"Product Sense | Mid-Level | ~30 min", "Product Sense", Level::Mid, {}},
        {"Coding › Mid-Level", "Coding", Level::Mid, {}},
        {"Senior • System Design • 45 min • Asked at Google, Meta", "System Design", Level::Senior, {}},
        {"Home | Product | L5", "Product", Level::Senior, {}},
        {"Questions · Behavioral · E4", "Behavioral", Level::Mid, {}},
        {"Difficulty: Hard · Level: Senior", std::nullopt, Level::Senior, {}},
        // Key: value lines.
        {"Level: Senior", std::nullopt, Level::Senior, {}},
        {"**Level:** Staff", std::nullopt, Level::StaffPlus, {}},
        {"Seniority: Staff", std::nullopt, Level::StaffPlus, {}},
        {"Category: Leadership", "Leadership", std::nullopt, {}},
        {"Topic: Databases", "Databases", std::nullopt, {}},
        {"Categoría: Liderazgo", "Liderazgo", std::nullopt, {}},
        {"Tags: SQL, Indexing, Performance", std::nullopt, std::nullopt, {"SQL", "Indexing", "Performance"}},
        {"Skills: Communication; Conflict Resolution", std::nullopt, std::nullopt, {"Communication", "Conflict Resolution"}},
        {"Tags: a · b · c", std::nullopt, std::nullopt, {"a", "b", "c"}},
        {"标签：并发、锁", std::nullopt, std::nullopt, {"并发", "锁"}},
        {"Companies: Amazon, Stripe", std::nullopt, std::nullopt, {}},
        {"Difficulty: Medium", std::nullopt, std::nullopt, {}},
        {"#leadership #system-design", std::nullopt, std::nullopt, {"leadership", "system-design"}},
        // Keys of Italian, Russian, Turkish, Vietnamese and Korean pages.
        {"Грейд: Middle · Категория: Python", "Python", Level::Mid, {}},
        {"Seviye: Yeni Mezun | Kategori: Veri Yapıları", "Veri Yapıları", Level::Junior, {}},
        {"Livello: Intermedio", std::nullopt, Level::Mid, {}},
        {"Thẻ: Java, OOP", std::nullopt, std::nullopt, {"Java", "OOP"}},
        {"카테고리: 네트워크 · 난이도: 하", "네트워크", std::nullopt, {}},
    };
    for (const Row& row : rows) {
        auto meta = parse_metadata_line(row.line);
        ASSERT_TRUE(meta) << row.line;
        EXPECT_EQ(meta->category, row.category) << row.line;
        EXPECT_EQ(meta->level, row.level) << row.line;
        EXPECT_EQ(meta->tags, row.tags) << row.line;
        EXPECT_FALSE(meta->chips_follow) << row.line;
    }
}

TEST(PageMetadataTest, LabelsAnnounceChips) {
    for (std::string_view label : {"Skills:", "Skills tested", "Tags", "Habilidades:"}) {
        auto meta = parse_metadata_line(label);
        ASSERT_TRUE(meta) << label;
        EXPECT_TRUE(meta->chips_follow) << label;
    }
}

TEST(PageMetadataTest, ProseTitlesAndTablesAreNotMetadata) {
    for (std::string_view line : {
             "Level up your answer by quantifying impact.",
             "Topic: we discussed it at length, and the team agreed.",
             "Posted 03/04/2025",
             "Pros | Cons",
             "Design a URL shortener",
             "How would you design Twitter?",
             "Result: the migration finished two weeks early.",
             "Time: we had two weeks to ship the feature before the holiday freeze started, and it slipped.",
             "# Heading",
             // Found in review: answer lines with numbers.
             "Time: O(n), Space: O(n)",
             "Area: 3.5 TB per year",
             "Insert | O(1) | O(n)",
             "Pathwise   Browse   Companies   Mock Interviews   For Teams",  // a menu
             "- list item",
             "std::vector<int> v = a / b;",
             "",
         })
        EXPECT_FALSE(parse_metadata_line(line)) << line;
}

// A meta line may end with the page's place in its series; a date that reads like one
// ("18 de fev. de 2025") is no such place.
TEST(PageMetadataTest, SeriesPositionOnAMetaLine) {
    auto meta = parse_metadata_line("Topic: Machine Learning · Level: E4 · Notebook 6 of 12");
    ASSERT_TRUE(meta);
    EXPECT_EQ(meta->category, "Machine Learning");
    EXPECT_EQ(meta->level, Level::Mid);
    auto dated = parse_metadata_line("Publicado em Front de Valor · 6 min de leitura · 18 de fev. de 2025");
    EXPECT_FALSE(dated && dated->category);
}

// A key with a qualifier is its first word's key when the value is what that key
// holds: a level, or a time; other qualified keys are prose.
TEST(PageMetadataTest, QualifiedKeysHoldTheirKindOfValue) {
    auto level = parse_metadata_line("Livello consigliato: neolaureato");
    ASSERT_TRUE(level);
    EXPECT_EQ(level->level, Level::Junior);
    EXPECT_TRUE(parse_metadata_line("Tempo indicativo: 10 minuti"));
    for (std::string_view line : {"Level design: rooms connect through corridors", "Level 3: shard the table",
                                  "Topic modeling: LDA", "Time complexity: linear", "Status code: 404",
                                  "Updated rows: 42"})
        EXPECT_FALSE(parse_metadata_line(line)) << line;
}

TEST(PageMetadataTest, CategoriesAreCleaned) {
    const std::pair<std::string, std::optional<std::string>> rows[] = {
        {"3. Props:", "Props"},
        {"**Behavioral**", "Behavioral"},
        {"2) System Design", "System Design"},
        {"1.4 Caching", "Caching"},
        {"Leadership.", "Leadership"},
        {"What is React?", std::nullopt},
        {"This is a sentence, and it goes on", std::nullopt},
        {"One two three four five six", std::nullopt},
        {"", std::nullopt},
        {"ES2015", "ES2015"},
        {"C++", "C++"},
    };
    for (const auto& [text, expected] : rows) EXPECT_EQ(clean_category(text), expected) << text;
}

// A job title that opens or closes with a level states it, in a meta line beside a
// place; a level word before any other noun does not.
TEST(PageMetadataTest, JobTitlesStateTheirLevel) {
    EXPECT_EQ(role_level("Senior Software Engineer"), Level::Senior);
    EXPECT_EQ(role_level("Interview for Junior Developer"), Level::Junior);
    EXPECT_EQ(role_level("Senior Software Engineer Interview"), Level::Senior);
    EXPECT_EQ(role_level("Desarrollador Senior"), Level::Senior);
    EXPECT_EQ(role_level("Senior Leadership Principles"), std::nullopt);
    EXPECT_EQ(role_level("Engineer"), std::nullopt);
    auto meta = parse_metadata_line("Interview for Senior Software Engineer · San Diego, CA");
    ASSERT_TRUE(meta);
    EXPECT_EQ(meta->level, Level::Senior);
    EXPECT_EQ(meta->category, std::nullopt);
    EXPECT_FALSE(parse_metadata_line("Senior Software Engineer"));  // a line alone may be a title
}

// A comma list holding a house number or a bare number is an address or a date, not chips.
TEST(PageMetadataTest, AddressesAndDatesAreNoChips) {
    EXPECT_FALSE(parse_metadata_line("The Weekly Whiteboard, 24 Quayside Lane, Leith, EH6 6LY"));
    EXPECT_FALSE(parse_metadata_line("Issue #87, March 4, 2025"));
    auto chips = parse_metadata_line("Redis, HTTP/2, S3, Python 3");
    ASSERT_TRUE(chips);
    EXPECT_EQ(chips->tags, (std::vector<std::string>{"Redis", "HTTP/2", "S3", "Python 3"}));
}

// Bylines, numeric dates and view counts in the corpus's languages are read as noise.
TEST(PageMetadataTest, BylinesDatesAndCountsAreNoise) {
    for (std::string_view line : {"Đăng bởi admin · 12/02/2025 · 3.481 lượt xem", "Posted by admin · 2025-02-12",
                                  "Опубликовано 3 марта · 1200 просмотров"}) {
        auto meta = parse_metadata_line(line);
        ASSERT_TRUE(meta) << line;
        EXPECT_EQ(meta->category, std::nullopt) << line;
    }
}

// Beside known keys, an area or a domain names the category; alone it is text.
TEST(PageMetadataTest, AreaBesideKnownKeysIsTheCategory) {
    auto meta = parse_metadata_line("Nível: Sénior            Área: Bases de Dados            Duração: 40 minutos");
    ASSERT_TRUE(meta);
    EXPECT_EQ(meta->category, "Bases de Dados");
    EXPECT_EQ(meta->level, Level::Senior);
    EXPECT_FALSE(parse_metadata_line("Area: 3.5 TB per year"));
}

// Table cells copied as text, split by a tab: a key and its value, an area's category.
TEST(PageMetadataTest, TabSeparatedRows) {
    auto level = parse_metadata_line("Level\tStaff");
    ASSERT_TRUE(level);
    EXPECT_EQ(level->level, Level::StaffPlus);
    auto area = parse_metadata_line("Area\tReliability");
    ASSERT_TRUE(area);
    EXPECT_EQ(area->category, "Reliability");
}

// A forum's post line: its community section, its activity on a relative day; "Tagged:" lists tags.
TEST(PageMetadataTest, ForumLinesAndTagged) {
    auto crumb = parse_metadata_line("Community / Databases");
    ASSERT_TRUE(crumb);
    EXPECT_EQ(crumb->category, "Databases");
    auto activity = parse_metadata_line("asked 2 days ago · active today · viewed 2,318 times");
    ASSERT_TRUE(activity);
    EXPECT_EQ(activity->category, std::nullopt);
    auto tagged = parse_metadata_line("Tagged: sql, postgresql, left-join");
    ASSERT_TRUE(tagged);
    EXPECT_EQ(tagged->tags, (std::vector<std::string>{"sql", "postgresql", "left-join"}));
    EXPECT_EQ(role_level("Entrevista de Desarrollador Junior"), Level::Junior);
}

// A label over a duration says how long, whatever its key; a breadcrumb's home icon
// is a site section; an icon in a table row is not metadata.
TEST(PageMetadataTest, DurationLabelsAndHomeIcons) {
    EXPECT_TRUE(parse_metadata_line("Durée conseillée : 15 min"));
    EXPECT_FALSE(parse_metadata_line("Durée conseillée : assez longue pour tout dire"));
    auto crumb = parse_metadata_line("🏠 › Databases");
    ASSERT_TRUE(crumb);
    EXPECT_EQ(crumb->category, "Databases");
    EXPECT_FALSE(parse_metadata_line("Uber | ⚠️ | ✅"));
}

// "Topics:" lists tags, as on coding-judge pages; a difficulty alone is no level.
TEST(PageMetadataTest, TopicsAndDifficulty) {
    auto topics = parse_metadata_line("Topics: Array, Greedy");
    ASSERT_TRUE(topics);
    EXPECT_EQ(topics->tags, (std::vector<std::string>{"Array", "Greedy"}));
    EXPECT_TRUE(is_difficulty("Medium"));
    EXPECT_FALSE(is_difficulty("Medium-sized teams"));
}

// A requirement, a table's header and chips that open with a count are read as they are.
TEST(PageMetadataTest, RequirementsHeadersAndCountedChips) {
    EXPECT_FALSE(parse_metadata_line("Data retention: 24 hours"));
    auto header = parse_metadata_line("Field\tType");
    EXPECT_TRUE(!header || header->category == std::nullopt);
    auto chips = parse_metadata_line("5 Whys, Kanban, Scrum");
    ASSERT_TRUE(chips);
    EXPECT_EQ(chips->tags.size(), 3u);
}

}  // namespace
}  // namespace qbank::indexer
