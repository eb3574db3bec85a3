#include "schema/level_name.h"

#include <string>
#include <vector>

#include "text/fold.h"

namespace qbank::schema {
namespace {

struct LevelWord {
    std::string_view word;
    std::optional<Level> level;  // nullopt: allowed filler ("level", "new")
};

// Seniority words, folded (so "Júnior" and "Sênior" match too), and the ladder
// codes of large employers (L3-L8, E3-E8, IC3-IC6), on qbank's four levels.
constexpr LevelWord kLevelWords[] = {
    {"junior", Level::Junior},    {"jr", Level::Junior},        {"entry", Level::Junior},
    {"grad", Level::Junior},      {"graduate", Level::Junior},  {"intern", Level::Junior},
    {"trainee", Level::Junior},   {"l3", Level::Junior},        {"e3", Level::Junior},
    {"ic3", Level::Junior},       {"mid", Level::Mid},          {"intermediate", Level::Mid},
    {"pleno", Level::Mid},        {"l4", Level::Mid},           {"e4", Level::Mid},
    {"ic4", Level::Mid},          {"senior", Level::Senior},    {"sr", Level::Senior},
    {"l5", Level::Senior},        {"e5", Level::Senior},        {"ic5", Level::Senior},
    {"staff", Level::StaffPlus},  {"principal", Level::StaffPlus}, {"distinguished", Level::StaffPlus},
    {"l6", Level::StaffPlus},     {"e6", Level::StaffPlus},     {"ic6", Level::StaffPlus},
    {"l7", Level::StaffPlus},     {"e7", Level::StaffPlus},     {"l8", Level::StaffPlus},
    {"e8", Level::StaffPlus},
    {"ジュニア", Level::Junior},   {"新卒", Level::Junior},       {"初级", Level::Junior},
    {"初級", Level::Junior},       {"ミドル", Level::Mid},         {"中级", Level::Mid},
    {"中級", Level::Mid},          {"シニア", Level::Senior},      {"高级", Level::Senior},
    {"上級", Level::Senior},       {"资深", Level::Senior},        {"专家", Level::StaffPlus},
    // Other languages: "Intermedio", "Middle" (Russian "грейд"), "Fresher", "Yeni Mezun", "시니어".
    {"intermedio", Level::Mid},   {"intermedia", Level::Mid},   {"intermediario", Level::Mid},
    {"middle", Level::Mid},       {"fresher", Level::Junior},   {"mezun", Level::Junior},
    {"yeni", std::nullopt},       {"джуниор", Level::Junior},   {"джун", Level::Junior},
    {"мидл", Level::Mid},         {"сеньор", Level::Senior},    {"синьор", Level::Senior},
    {"주니어", Level::Junior},     {"신입", Level::Junior},       {"시니어", Level::Senior},
    {"kıdemli", Level::Senior},   {"kidemli", Level::Senior},
    // Ukrainian, Polish ("Regular" is the middle of Junior / Regular / Senior), Italian.
    {"джуніор", Level::Junior},   {"мідл", Level::Mid},         {"міддл", Level::Mid},
    {"миддл", Level::Mid},        {"сеньйор", Level::Senior},   {"regular", Level::Mid},
    {"neolaureato", Level::Junior}, {"neolaureata", Level::Junior}, {"stagista", Level::Junior},
    // Words of a range: "Senior to Staff", "Senior bis Staff", "Senior s.d. Principal" (Indonesian).
    {"to", std::nullopt},         {"bis", std::nullopt},        {"s", std::nullopt},
    {"d", std::nullopt},          {"до", std::nullopt},
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

// "SDE II", "SWE 3": an engineer ladder numbered from the first level.
std::optional<Level> ladder_step(const std::vector<std::string>& words) {
    if (words.size() != 2 || (words[0] != "sde" && words[0] != "swe")) return std::nullopt;
    constexpr std::pair<std::string_view, Level> kSteps[] = {
        {"i", Level::Junior}, {"1", Level::Junior}, {"ii", Level::Mid},
        {"2", Level::Mid},    {"iii", Level::Senior}, {"3", Level::Senior},
    };
    for (const auto& [step, level] : kSteps)
        if (words[1] == step) return level;
    return std::nullopt;
}

}  // namespace

std::optional<Level> parse_level_name(std::string_view text) {
    std::optional<Level> found;
    std::vector<std::string> words = words_of(text::fold(text));
    if (auto step = ladder_step(words)) return step;
    for (const std::string& w : words) {
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
