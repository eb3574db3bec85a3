#include "schema/level_name.h"

#include <gtest/gtest.h>

namespace qbank::schema {
namespace {

TEST(LevelName, ReadsTheFormsPagesUse) {
    const std::pair<std::string, std::optional<Level>> cases[] = {
        {"Senior Level", Level::Senior},
        {"(Mid-Level)", Level::Mid},
        {"Mid", Level::Mid},
        {"Junior / New Grad", Level::Junior},
        {"new grad", Level::Junior},
        {"Entry level", Level::Junior},
        {"Staff+", Level::StaffPlus},
        {"Staff+ Level", Level::StaffPlus},
        {"principal", Level::StaffPlus},
        {"SENIOR", Level::Senior},
        {"Senior / Staff", Level::StaffPlus},  // the highest level named wins
        {"Staff / Principal", Level::StaffPlus},
        {"L3", Level::Junior},
        {"E4", Level::Mid},
        {"IC5", Level::Senior},
        {"L7", Level::StaffPlus},
        {"Sênior", Level::Senior},
        {"Pleno", Level::Mid},
        {"Intermedio", Level::Mid},
        {"Middle", Level::Mid},
        {"Fresher", Level::Junior},
        {"Yeni Mezun", Level::Junior},
        {"시니어", Level::Senior},
        {"мідл", Level::Mid},
        {"Regular", Level::Mid},
        {"neolaureato", Level::Junior},
        {"Senior s.d. Principal", Level::StaffPlus},
        {"Senior to Staff", Level::StaffPlus},
        {"to be decided", std::nullopt},
        {"Level up your answer", std::nullopt},
        {"L9", std::nullopt},
        // Prose and tags are not levels.
        {"Senior Engineer", std::nullopt},
        {"Technical Leadership", std::nullopt},
        {"Level", std::nullopt},
        {"", std::nullopt},
    };
    for (const auto& [text, expected] : cases) EXPECT_EQ(parse_level_name(text), expected) << text;
}

}  // namespace
}  // namespace qbank::schema
