#include "indexer/heading.h"

#include <regex>

#include "schema/level_name.h"
#include "text/fold.h"
#include "text/trim.h"

namespace qbank::indexer {
namespace {

struct KeywordKind {
    std::string_view keyword;  // folded
    SectionKind kind;
};

// First match wins, so the more specific phrases come first.
constexpr KeywordKind kKeywordKinds[] = {
    {"clarifying", SectionKind::ClarifyingQuestions},
    {"coach", SectionKind::CoachStrategy},
    {"star narrative", SectionKind::StarNarrative},
    {"sample answer", SectionKind::SampleAnswer},
    {"example answer", SectionKind::SampleAnswer},
    {"mistake", SectionKind::CommonMistakes},
    {"pitfall", SectionKind::CommonMistakes},
    {"follow-up", SectionKind::FollowUpQuestions},
    {"follow up", SectionKind::FollowUpQuestions},
    {"followup", SectionKind::FollowUpQuestions},
    {"framework", SectionKind::Framework},
    {"quick answer", SectionKind::QuickAnswer},
    {"solution", SectionKind::Solution},
    {"answer", SectionKind::Solution},
};

// Longer lines are prose, not a label or a STAR step.
constexpr std::size_t kMaxLabelBytes = 90;

// Whole-line section labels of scraped question pages (folded, without a trailing colon).
constexpr std::string_view kLabels[] = {
    "questions & insights", "clarifying questions", "coach strategy", "strategy breakdown",
    "the star narrative",   "star narrative",       "common mistakes", "common pitfalls",
    "follow-up questions",  "follow up questions",  "follow-ups",      "solution",
    "answer",               "sample answer",        "framework",       "quick answer",
};

bool starts_with_icase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if ((s[i] | 0x20) != prefix[i]) return false;  // prefix is lower-case ASCII
    return true;
}

// The level named in the first "(…)" of a heading: "Sample answer (Senior)".
std::optional<Level> level_in_parentheses(std::string_view heading, std::size_t* end = nullptr) {
    std::size_t open = heading.find('(');
    std::size_t close = open == std::string_view::npos ? open : heading.find(')', open);
    if (close == std::string_view::npos) return std::nullopt;
    if (end != nullptr) *end = close + 1;
    return schema::parse_level_name(heading.substr(open + 1, close - open - 1));
}

std::optional<Heading> markdown_heading(std::string_view line) {
    std::size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes == 0 || hashes > 6 || hashes >= line.size() || line[hashes] != ' ') return std::nullopt;
    std::string_view text = text::trim(line.substr(hashes));
    while (!text.empty() && text.back() == '#') text.remove_suffix(1);  // closing hashes
    text = text::trim(text);
    if (text.empty()) return std::nullopt;
    Heading h{std::string(text), classify_heading(text), std::nullopt, {}};
    if (h.kind == SectionKind::SampleAnswer) h.level = level_in_parentheses(text);
    return h;
}

// After a label: an optional separator, then the text that shares its line.
std::string_view after_separator(std::string_view rest, bool* had_separator) {
    rest = text::trim(rest);
    for (std::string_view sep : {":", "–", "—", "-"})
        if (rest.starts_with(sep)) {
            *had_separator = true;
            return text::trim(rest.substr(sep.size()));
        }
    *had_separator = false;
    return rest;
}

// "Sample Answer (Junior / New Grad) Situation: …", "Quick Answer: …". Parsed by hand:
// lines can be long and std::regex recurses once per character.
std::optional<Heading> inline_label(std::string_view line) {
    constexpr std::string_view kSample = "sample answer";
    constexpr std::string_view kQuick = "quick answer";
    bool separated = false;
    if (starts_with_icase(line, kSample)) {
        std::string_view label = line.substr(0, kSample.size());
        std::string_view rest = line.substr(kSample.size());
        std::optional<Level> level;
        bool parenthesized = false;
        if (std::string_view t = text::trim(rest); t.starts_with("(")) {
            std::size_t close = 0;
            level = level_in_parentheses(t, &close);
            if (close > 0) {
                parenthesized = true;
                label = line.substr(0, static_cast<std::size_t>(t.data() - line.data()) + close);
                rest = t.substr(close);
            }
        }
        std::string_view text = after_separator(rest, &separated);
        // A label needs a level in parentheses or a separator; "Sample answers vary…" is prose.
        if (!parenthesized && !separated && !text.empty()) return std::nullopt;
        return Heading{std::string(label), SectionKind::SampleAnswer, level, std::string(text)};
    }
    if (starts_with_icase(line, kQuick) && text::trim(line.substr(kQuick.size())).starts_with(":"))
        return Heading{std::string(line.substr(0, kQuick.size())), SectionKind::QuickAnswer, std::nullopt,
                       std::string(text::trim(text::trim(line.substr(kQuick.size())).substr(1)))};
    return std::nullopt;
}

// "Situation – Context", "Learning / Reflection – Growth": a STAR step and its gloss.
bool is_star_step(const std::string& line) {
    static const std::regex kStep(R"(^(situation|task|action|result|learning|reflection)\b[^:.]{0,30}\s(?:–|—|-)\s[^:.]{1,40}$)",
                                  std::regex::icase);
    return std::regex_match(line, kStep);
}

}  // namespace

SectionKind classify_heading(std::string_view heading) {
    std::string folded = text::fold(heading);
    for (const KeywordKind& k : kKeywordKinds)
        if (folded.find(k.keyword) != std::string::npos) return k.kind;
    return SectionKind::Other;
}

std::optional<Heading> parse_heading(std::string_view raw) {
    std::string_view line = text::trim(raw);
    if (line.empty()) return std::nullopt;
    if (auto h = markdown_heading(line)) return h;
    if (auto h = inline_label(line)) return h;
    if (line.size() > kMaxLabelBytes) return std::nullopt;
    std::string text(line);
    if (is_star_step(text)) return Heading{text, SectionKind::StarNarrative, std::nullopt, {}};
    std::string folded = text::fold(line);
    if (!folded.empty() && folded.back() == ':') folded.pop_back();
    for (std::string_view label : kLabels)
        if (folded == label) {
            std::string_view shown = line.back() == ':' ? line.substr(0, line.size() - 1) : line;
            return Heading{std::string(shown), classify_heading(shown), std::nullopt, {}};
        }
    return std::nullopt;
}

}  // namespace qbank::indexer
