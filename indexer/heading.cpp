#include "indexer/heading.h"

#include <regex>

#include "indexer/trim.h"
#include "schema/level_name.h"
#include "schema/text_fold.h"

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

// Whole-line section labels of scraped question pages (folded, without a trailing colon).
constexpr std::string_view kLabels[] = {
    "questions & insights", "clarifying questions", "coach strategy", "strategy breakdown",
    "the star narrative",   "star narrative",       "common mistakes", "common pitfalls",
    "follow-up questions",  "follow up questions",  "follow-ups",      "solution",
    "answer",               "sample answer",        "framework",       "quick answer",
};

std::optional<Heading> markdown_heading(std::string_view line) {
    std::size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes == 0 || hashes > 6 || hashes >= line.size() || line[hashes] != ' ') return std::nullopt;
    std::string_view text = trim(line.substr(hashes));
    while (!text.empty() && text.back() == '#') text.remove_suffix(1);  // closing hashes
    text = trim(text);
    if (text.empty()) return std::nullopt;
    Heading h{std::string(text), classify_heading(text), std::nullopt, {}};
    if (h.kind == SectionKind::SampleAnswer) {
        static const std::regex kParens(R"(\(([^)]*)\))");
        std::smatch m;
        std::string t(text);
        if (std::regex_search(t, m, kParens)) h.level = schema::parse_level_name(m[1].str());
    }
    return h;
}

// "Sample Answer (Junior / New Grad) Situation: …", "Quick Answer: …"
std::optional<Heading> inline_label(const std::string& line) {
    // std::regex is slow; most lines are rejected by their first letter.
    if (line.empty() || ((line[0] | 0x20) != 's' && (line[0] | 0x20) != 'q')) return std::nullopt;
    static const std::regex kSample(R"(^(sample answer(?:\s*\(([^)]*)\))?)\s*(:|-|–|—)?\s*(.*)$)",
                                    std::regex::icase);
    static const std::regex kQuick(R"(^(quick answer)\s*:\s*(.*)$)", std::regex::icase);
    std::smatch m;
    // A label needs a level in parentheses or a separator; "Sample answers vary…" is prose.
    if (std::regex_match(line, m, kSample) && (m[2].matched || m[3].matched || m[4].length() == 0)) {
        Heading h{m[1].str(), SectionKind::SampleAnswer, std::nullopt, m[4].str()};
        if (m[2].matched) h.level = schema::parse_level_name(m[2].str());
        return h;
    }
    if (std::regex_match(line, m, kQuick)) return Heading{m[1].str(), SectionKind::QuickAnswer, std::nullopt, m[2].str()};
    return std::nullopt;
}

// "Situation – Context", "Learning / Reflection – Growth": a STAR step and its gloss.
bool is_star_step(const std::string& line) {
    if (line.size() > 90) return false;
    static const std::regex kStep(R"(^(situation|task|action|result|learning|reflection)\b[^:.]{0,30}\s(?:–|—|-)\s[^:.]{1,40}$)",
                                  std::regex::icase);
    return std::regex_match(line, kStep);
}

}  // namespace

SectionKind classify_heading(std::string_view heading) {
    std::string folded = schema::fold(heading);
    for (const KeywordKind& k : kKeywordKinds)
        if (folded.find(k.keyword) != std::string::npos) return k.kind;
    return SectionKind::Other;
}

std::optional<Heading> parse_heading(std::string_view raw) {
    std::string_view line = trim(raw);
    if (line.empty()) return std::nullopt;
    if (auto h = markdown_heading(line)) return h;
    std::string text(line);
    if (auto h = inline_label(text)) return h;
    if (is_star_step(text)) return Heading{text, SectionKind::StarNarrative, std::nullopt, {}};
    std::string folded = schema::fold(line);
    if (!folded.empty() && folded.back() == ':') folded.pop_back();
    for (std::string_view label : kLabels)
        if (folded == label) {
            std::string_view shown = line.back() == ':' ? line.substr(0, line.size() - 1) : line;
            return Heading{std::string(shown), classify_heading(shown), std::nullopt, {}};
        }
    return std::nullopt;
}

}  // namespace qbank::indexer
