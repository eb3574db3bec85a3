#pragma once
// The normalized form of one interview question page: what the indexer stores
// and what search, show and normalize return. Plain value types.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qbank/export.h"

namespace qbank {

// Seniority a page or a sample answer addresses. Written as "Junior", "Mid",
// "Senior", "Staff+".
enum class Level { Junior, Mid, Senior, StaffPlus };

// What a section of a page holds; written in snake_case ("star_narrative").
enum class SectionKind {
    ClarifyingQuestions,
    CoachStrategy,
    StarNarrative,
    SampleAnswer,
    CommonMistakes,
    FollowUpQuestions,
    Framework,
    QuickAnswer,
    Solution,
    Other,
};

QBANK_API std::string_view to_string(Level level);
QBANK_API std::string_view to_string(SectionKind kind);
// Parses the canonical spelling written by to_string; nullopt for anything else.
QBANK_API std::optional<Level> level_from_string(std::string_view text);
QBANK_API std::optional<SectionKind> section_kind_from_string(std::string_view text);

struct Section {
    std::string heading;         // as written on the page (may be synthesized, e.g. "Follow-up Questions")
    SectionKind kind = SectionKind::Other;
    std::optional<Level> level;  // set on sample answers written for one level
    std::string text;

    bool operator==(const Section&) const = default;
};

// Boilerplate the normalizer cut out of a page, with how many copies it removed.
struct RemovedBlock {
    enum class Scope {
        Page,    // repeated within this page
        Corpus,  // recurs across many pages of the corpus (may occur once here)
        Chrome,  // site chrome recognized by its words (cookie consent, menus, paywalls)
    };

    std::string text;
    int count = 0;
    Scope scope = Scope::Page;

    bool operator==(const RemovedBlock&) const = default;
};

struct QBANK_API Record {
    // Stable, and the same in every copy of the corpus: from the file's path below the
    // folder above the folder indexed ("corpus/seeds/x.txt") and the record's anchor in it.
    std::string id;
    // In an index, the file's absolute path (it opens from any folder); from the reading
    // calls, the path as given. Plus "#anchor" when the file holds several records.
    std::string source;
    std::string title;   // inferred from the question when the page has none
    std::string question;
    std::optional<std::string> category;
    std::optional<Level> level;     // the level the page states, if any
    std::vector<std::string> tags;  // skill tags, as written
    std::string lang;               // BCP 47 ("en", "pt-BR", "zh-CN"); "und" when it cannot be told
    std::vector<Section> sections;  // in page order
    std::vector<RemovedBlock> removed;
    // Other sources holding the same question (exact or near duplicates), as `source`
    // is written; `source` is the one the content comes from.
    std::vector<std::string> duplicates;
    // Headings elsewhere in the corpus whose whole answer is a link to this page:
    // other titles the question is known by, searched as titles.
    std::vector<std::string> other_titles;

    // Every level the page addresses: its own level plus those of its sample answers,
    // in ascending order without repeats. Used for level filters and facets.
    std::vector<Level> levels_addressed() const;

    bool operator==(const Record&) const = default;
};

}  // namespace qbank
