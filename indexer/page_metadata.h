#pragma once
// Metadata lines of a page, in the layouts sites print them, and what they say
// of its category, level and skill tags. Pure.
//
//  - breadcrumbs: "Home › Question Bank › Behavioral › Junior" (› » > / → separate);
//  - meta lines: "Mid-Level · Behavioral", "Product Sense | Mid-Level | ~30 min" (| · • separate);
//  - "Key: value" lines, several on a line allowed: "Level: Senior", "Tags: SQL, Indexing",
//    "Difficulty: Hard · Level: Senior", "**Category:** Behavioral", in the corpus's languages;
//  - hashtag chips: "#leadership #system-design";
//  - a label that announces chips on the lines below: "Skills:", "Tags".
// Site sections ("Home", "Question Bank"), durations, difficulty, dates, counts and
// companies are read as metadata and recorded nowhere. A breadcrumb may end with
// the page's own title. A line holding a sentence is never metadata, and a line of
// unknown words alone ("Pros | Cons") is not either.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qbank/record.h"

namespace qbank::indexer {

struct PageMetadata {
    std::optional<std::string> category;
    std::optional<Level> level;
    std::vector<std::string> tags;
    std::optional<std::string> lang;  // BCP 47, from "Language: pt-BR", "lang: ja"
    bool chips_follow = false;  // a label whose chips are on the lines below
};

// What `line` (trimmed) states, or nullopt when it is not a metadata line.
std::optional<PageMetadata> parse_metadata_line(std::string_view line);

// A table of one row under a header of metadata keys, cells split by " | "
// ("Level | Category | Tags" over "Mid | Databases | sql, indexing"), or nullopt.
std::optional<PageMetadata> parse_metadata_table(std::string_view header, std::string_view row);

// Fills what `record` does not state yet: category, level, language; adds new tags.
void apply_metadata(const PageMetadata& meta, Record& record);
void add_tag(std::string tag, Record& record);

// "Level: Senior", "标签：并发" -> the label and what follows its colon (ASCII or
// full-width), trimmed; nullopt without a colon.
std::optional<std::pair<std::string_view, std::string_view>> split_label(std::string_view line);

// "Senior Software Engineer", "Interview for Junior Developer", "Desarrollador Senior":
// the level a job title opens (or closes) with, or nullopt. A level word before
// another noun is no level phrase ("Senior Engineer" for parse_level_name), so only
// a title ending in a role noun gives one.
std::optional<Level> role_level(std::string_view part);

// Whether a line is a difficulty word alone ("Medium", "Difícil"): metadata, not a level.
bool is_difficulty(std::string_view line);

// Whether `name` ("Tags", "difficulty", "Level") is a key of "Key: value" metadata.
bool is_metadata_key(std::string_view name);

// "3. Props:" -> "Props": Markdown marks, numbering and trailing punctuation off.
// nullopt for what cannot be a category: empty, a question, a sentence, a phrase
// longer than `max_words` (a heading may name a category at greater length
// than a meta line: "CSS Interview Questions (Quiz) for Front End Interviews").
constexpr std::size_t kMaxCategoryWords = 5;
constexpr std::size_t kMaxHeadingCategoryWords = 10;
std::optional<std::string> clean_category(std::string_view text, std::size_t max_words = kMaxCategoryWords);

}  // namespace qbank::indexer
