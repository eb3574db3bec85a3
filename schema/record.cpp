// Spellings of the Record enums, as written in JSON and shown to people.
#include "qbank/record.h"

#include <algorithm>
#include <array>
#include <utility>

namespace qbank {
namespace {

constexpr std::array<std::pair<Level, std::string_view>, 4> kLevelNames{{
    {Level::Junior, "Junior"},
    {Level::Mid, "Mid"},
    {Level::Senior, "Senior"},
    {Level::StaffPlus, "Staff+"},
}};

constexpr std::array<std::pair<SectionKind, std::string_view>, 10> kSectionKindNames{{
    {SectionKind::ClarifyingQuestions, "clarifying_questions"},
    {SectionKind::CoachStrategy, "coach_strategy"},
    {SectionKind::StarNarrative, "star_narrative"},
    {SectionKind::SampleAnswer, "sample_answer"},
    {SectionKind::CommonMistakes, "common_mistakes"},
    {SectionKind::FollowUpQuestions, "follow_up_questions"},
    {SectionKind::Framework, "framework"},
    {SectionKind::QuickAnswer, "quick_answer"},
    {SectionKind::Solution, "solution"},
    {SectionKind::Other, "other"},
}};

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, std::string_view>, N>& table,
                             std::string_view name) {
    for (const auto& [v, n] : table)
        if (n == name) return v;
    return std::nullopt;
}

}  // namespace

std::string_view to_string(Level level) { return name_of(kLevelNames, level); }
std::string_view to_string(SectionKind kind) { return name_of(kSectionKindNames, kind); }
std::optional<Level> level_from_string(std::string_view text) { return value_of(kLevelNames, text); }
std::optional<SectionKind> section_kind_from_string(std::string_view text) {
    return value_of(kSectionKindNames, text);
}

std::vector<Level> Record::levels_addressed() const {
    std::vector<Level> levels;
    if (level) levels.push_back(*level);
    for (const Section& s : sections)
        if (s.level) levels.push_back(*s.level);
    std::sort(levels.begin(), levels.end());
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    return levels;
}

}  // namespace qbank
