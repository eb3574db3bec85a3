#include "schema/level_name.h"

#include <string>
#include <vector>

#include "schema/text_fold.h"

namespace qbank::schema {
namespace {

struct LevelWord {
    std::string_view word;
    std::optional<Level> level;  // nullopt: allowed filler ("level", "new")
};

constexpr LevelWord kLevelWords[] = {
    {"junior", Level::Junior},    {"jr", Level::Junior},        {"entry", Level::Junior},
    {"grad", Level::Junior},      {"graduate", Level::Junior},  {"intern", Level::Junior},
    {"mid", Level::Mid},          {"intermediate", Level::Mid}, {"senior", Level::Senior},
    {"sr", Level::Senior},        {"staff", Level::StaffPlus},  {"principal", Level::StaffPlus},
    {"level", std::nullopt},      {"new", std::nullopt},        {"and", std::nullopt},
    {"above", std::nullopt},      {"plus", std::nullopt},
};

std::vector<std::string> words_of(std::string_view folded) {
    std::vector<std::string> words;
    std::string word;
    for (char c : folded) {
        bool separator = c == ' ' || c == '-' || c == '/' || c == '(' || c == ')' || c == ',' ||
                         c == '+' || c == '.' || c == ':' || c == '\t';
        if (separator) {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

}  // namespace

std::optional<Level> parse_level_name(std::string_view text) {
    std::optional<Level> found;
    for (const std::string& w : words_of(fold(text))) {
        const LevelWord* match = nullptr;
        for (const LevelWord& lw : kLevelWords)
            if (lw.word == w) match = &lw;
        if (match == nullptr) return std::nullopt;
        // The highest level named wins: "Senior / Staff" addresses Staff+.
        if (match->level && (!found || *match->level > *found)) found = match->level;
    }
    return found;
}

}  // namespace qbank::schema
