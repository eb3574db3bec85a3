#include "query/excerpt.h"

#include <algorithm>

#include "schema/text_analysis.h"

namespace qbank::query {

namespace {

// Control characters never survive normalization, so they cannot clash with page text.
constexpr std::string_view kMarkStart = "\x02";
constexpr std::string_view kMarkEnd = "\x03";

// Snippet escapes exactly these three; undo it so the excerpt is plain text.
std::size_t unescape_at(const std::string& s, std::size_t i, std::string& out) {
    static constexpr std::pair<std::string_view, char> kEntities[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}};
    for (const auto& [entity, c] : kEntities)
        if (s.compare(i, entity.size(), entity) == 0) {
            out += c;
            return entity.size();
        }
    out += s[i];
    return 1;
}

}  // namespace

Excerpt parse_marked_snippet(const std::string& marked, std::string_view start, std::string_view end) {
    Excerpt excerpt;
    std::size_t open = 0;
    for (std::size_t i = 0; i < marked.size();) {
        if (marked.compare(i, start.size(), start) == 0) {
            open = excerpt.text.size();
            i += start.size();
        } else if (marked.compare(i, end.size(), end) == 0) {
            excerpt.highlights.emplace_back(open, excerpt.text.size());
            i += end.size();
        } else {
            i += unescape_at(marked, i, excerpt.text);
        }
    }
    return excerpt;
}

Excerpt make_excerpt(const Xapian::MSet& mset, const Record& record, std::size_t length) {
    std::string answer;
    for (const Section& s : record.sections) {
        if (!answer.empty()) answer += ' ';
        answer += s.text;
    }
    std::string text = answer.empty() ? record.question : answer;
    std::replace(text.begin(), text.end(), '\n', ' ');  // an excerpt reads as one line
    std::string marked = mset.snippet(text, length, Xapian::Stem(schema::kStemLanguage),
                                      Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE |
                                          schema::kSnippetCjkFlag,
                                      std::string(kMarkStart), std::string(kMarkEnd), "…");
    return parse_marked_snippet(marked, kMarkStart, kMarkEnd);
}

}  // namespace qbank::query
