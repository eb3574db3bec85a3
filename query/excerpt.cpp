#include "query/excerpt.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "text/sentences.h"
#include "text/split_lines.h"
#include "text/trim.h"
#include "text/tokenizer.h"

namespace qbank::query {

namespace {

using Range = std::pair<std::size_t, std::size_t>;

// The words of `text` the query looks for: (byte range, query term, weight).
struct Match {
    Range range;
    std::string term;
    double weight;
};

// A match in a link ("https://developer.mozilla.org/…/Closures") or in code
// answers less than one in prose: a section of references, or a config file
// that names the words, is rarely what the reader asked for.
constexpr double kLinkMatchWeight = 0.1;
constexpr double kCodeMatchWeight = 0.5;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

bool is_fence(std::string_view line) { return text::trim(line).starts_with("```"); }

// The byte ranges of `text` between code fences, the fences included.
std::vector<Range> code_blocks(std::string_view text) {
    std::vector<Range> blocks;
    if (text.find("```") == std::string_view::npos) return blocks;
    std::size_t open = std::string_view::npos;
    std::size_t pos = 0;
    for (std::string_view line : text::split_lines(text)) {
        if (is_fence(line)) {
            if (open == std::string_view::npos) {
                open = pos;
            } else {
                blocks.emplace_back(open, pos + line.size());
                open = std::string_view::npos;
            }
        }
        pos += line.size() + 1;
    }
    if (open != std::string_view::npos) blocks.emplace_back(open, text.size());
    return blocks;
}

// Whether the whitespace-free chunk around `pos` is a web address.
bool in_link(std::string_view text, std::size_t pos) {
    std::size_t begin = pos;
    while (begin > 0 && !is_space(text[begin - 1])) --begin;
    std::size_t end = pos;
    while (end < text.size() && !is_space(text[end])) ++end;
    std::string_view chunk = text.substr(begin, end - begin);
    return chunk.find("://") != std::string_view::npos || chunk.starts_with("www.");
}

std::vector<Match> find_matches(std::string_view text, const QueryTerms& terms, std::string_view language) {
    std::vector<Match> matches;
    if (terms.empty()) return matches;
    const std::vector<Range> code = code_blocks(text);
    auto in_code = [&](std::size_t pos) {
        return std::any_of(code.begin(), code.end(), [&](const Range& r) { return pos >= r.first && pos < r.second; });
    };
    // Without a Chinese, Japanese or Thai term, text in those scripts cannot match:
    // skip its dictionary segmentation (most of the cost).
    const text::Scripts scripts = terms.has_unspaced_script() ? text::Scripts::All : text::Scripts::SpacedOnly;
    auto read = [&](std::size_t from, std::size_t to) {  // the words of text[from, to)
        text::for_each_token(
            text.substr(from, to - from),
            [&](const text::Token& word) {
                const QueryTerms::Match& m = terms.match(word.term, language);
                if (!m) return;
                double weight = m->second;
                if (in_link(text, from + word.begin)) weight *= kLinkMatchWeight;
                else if (in_code(from + word.begin)) weight *= kCodeMatchWeight;
                matches.push_back({{from + word.begin, from + word.end}, m->first, weight});
            },
            scripts);
    };
    if (!terms.can_look_ahead(language)) {
        read(0, text.size());
        return matches;
    }
    // No word spans whitespace, so the text is read a run of words at a time, and
    // runs that cannot hold a query word are passed over unread.
    std::size_t span = std::string_view::npos;  // start of the words to read
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t begin = pos;
        while (begin < text.size() && is_space(text[begin])) ++begin;
        std::size_t end = begin;
        while (end < text.size() && !is_space(text[end])) ++end;
        if (terms.may_match(text.substr(begin, end - begin))) {
            if (span == std::string_view::npos) span = begin;
        } else if (span != std::string_view::npos) {
            read(span, begin);
            span = std::string_view::npos;
        }
        pos = end;
    }
    if (span != std::string_view::npos) read(span, text.size());
    return matches;
}

// Distinct query terms count by weight (where they count most); repeats add a
// little, with diminishing returns. `matches` are in text order.
double score(const std::vector<Match>& matches, std::size_t from, std::size_t to) {
    std::map<std::string_view, std::pair<double, int>> seen;
    auto first = std::lower_bound(matches.begin(), matches.end(), from,
                                  [](const Match& m, std::size_t at) { return m.range.first < at; });
    for (auto m = first; m != matches.end() && m->range.first < to; ++m)
        if (m->range.second <= to) {
            auto& [weight, count] = seen[m->term];
            weight = std::max(weight, m->weight);
            ++count;
        }
    double total = 0;
    for (const auto& [_, wc] : seen) total += wc.first * (1.0 + 0.25 * std::log(static_cast<double>(wc.second)));
    return total;
}

std::size_t code_points(std::string_view s, std::size_t from, std::size_t to) {
    std::size_t n = 0;
    for (std::size_t i = from; i < to; ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    return n;
}

// The byte offset `chars` code points after `from`, not past `to`.
std::size_t advance(std::string_view s, std::size_t from, std::size_t to, std::size_t chars) {
    std::size_t i = from;
    for (std::size_t n = 0; i < to; ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n++ == chars) break;
    }
    return i;
}

// Prose reads as one line (whitespace runs become one space); code between
// fences keeps its lines and indentation, and stands on lines of its own.
std::string readable(std::string_view s) {
    std::string out;
    bool in_code = false;
    auto end_line = [&] {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        if (!out.empty() && out.back() != '\n') out += '\n';
    };
    for (std::string_view line : text::split_lines(s)) {
        bool fence = is_fence(line);
        if (in_code || fence) {
            end_line();
            std::string_view code = line;
            while (!code.empty() && is_space(code.back())) code.remove_suffix(1);
            out.append(code) += '\n';
            if (fence) in_code = !in_code;
            continue;
        }
        for (char c : line) {
            if (is_space(c)) {
                if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
            } else {
                out += c;
            }
        }
        if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
    }
    while (!out.empty() && is_space(out.back())) out.pop_back();
    return out;
}

// A sentence longer than the excerpt: the part around its first match, cut at spaces.
std::string cut_sentence(std::string_view text, Range sentence, const std::vector<Match>& matches, std::size_t chars) {
    std::size_t first_match = sentence.first;
    for (const Match& m : matches)
        if (m.range.first >= sentence.first && m.range.second <= sentence.second) {
            first_match = m.range.first;
            break;
        }
    std::size_t lead = chars / 4;
    std::size_t begin = sentence.first;
    if (code_points(text, sentence.first, first_match) > lead) {
        std::size_t back = first_match;
        for (std::size_t n = 0; back > sentence.first && n < lead; --back) n += (static_cast<unsigned char>(text[back - 1]) & 0xC0) != 0x80;
        while (back < first_match && !is_space(text[back])) ++back;  // start on a word
        begin = back;
    }
    std::size_t end = advance(text, begin, sentence.second, chars);
    if (end < sentence.second) {
        std::size_t space = end;
        while (space > begin && !is_space(text[space])) --space;
        if (space > begin) end = space;
    }
    std::string out = readable(text.substr(begin, end - begin));
    if (begin > sentence.first) out = "…" + out;
    if (end < sentence.second) out += "…";
    return out;
}

// The sentences a passage of `chars` code points holding a match could take: a
// passage spans at most 4 bytes a code point, so those within that reach of a
// match; with no match, those at the start, where the passage then is. Runs of
// sentences side by side, in order: a long section is not broken whole.
std::vector<std::vector<Range>> sentences_near(std::string_view text, const std::vector<Match>& matches,
                                               std::size_t chars) {
    const std::size_t reach = chars >= text.size() ? text.size() : 4 * chars;  // the whole text, at most
    std::vector<Range> parts;  // byte ranges to break, apart from one another
    if (matches.empty()) parts.emplace_back(0, std::max<std::size_t>(reach, 1));
    for (const Match& m : matches) {
        Range part{m.range.first > reach ? m.range.first - reach : 0, m.range.second + reach};
        if (!parts.empty() && part.first <= parts.back().second)
            parts.back().second = std::max(parts.back().second, part.second);
        else
            parts.push_back(part);
    }
    std::vector<std::vector<Range>> runs;
    for (const Range& part : parts)
        text::for_each_sentence(text, [&](std::size_t b, std::size_t e) {
            if (!runs.empty() && runs.back().back().second > b) return;  // taken already, with the part before
            if (runs.empty() || runs.back().back().second < b) runs.emplace_back();
            runs.back().emplace_back(b, e);
        }, part.first, part.second);
    return runs;
}

// The run of whole sentences, about `chars` long, that holds the most of the query.
std::string best_passage(std::string_view text, const std::vector<Match>& matches, std::size_t chars) {
    Range passage;
    std::size_t passage_sentences = 0;
    double best_score = -1;
    for (const std::vector<Range>& sentences : sentences_near(text, matches, chars)) {
        std::vector<std::size_t> lengths;  // of each sentence, in code points
        for (const Range& sentence : sentences) lengths.push_back(code_points(text, sentence.first, sentence.second));
        for (std::size_t i = 0; i < sentences.size(); ++i) {
            std::size_t last = i;
            std::size_t length = lengths[i];
            while (last + 1 < sentences.size() && length + lengths[last + 1] <= chars) length += lengths[++last];
            double s = score(matches, sentences[i].first, sentences[last].second);
            if (s > best_score) {
                best_score = s;
                passage = {sentences[i].first, sentences[last].second};
                passage_sentences = last - i + 1;
            }
        }
    }
    if (passage_sentences == 0) return {};
    // One sentence far longer than asked for (a list scraped as one line): cut it.
    if (passage_sentences == 1 && code_points(text, passage.first, passage.second) > chars + chars / 3)
        return cut_sentence(text, passage, matches, chars);
    return readable(text.substr(passage.first, passage.second - passage.first));
}

}  // namespace

std::vector<Range> find_highlights(std::string_view text, const QueryTerms& terms, std::string_view language) {
    std::vector<Range> ranges;
    for (const Match& m : find_matches(text, terms, language)) ranges.push_back(m.range);
    return ranges;
}

Excerpt make_excerpt(const Record& record, const QueryTerms& terms, std::optional<Level> preferred_level,
                     std::size_t chars) {
    Excerpt excerpt;
    std::string_view text = record.question;
    const Section* chosen = nullptr;
    bool level_wanted = preferred_level && std::any_of(record.sections.begin(), record.sections.end(),
                                                       [&](const Section& s) { return s.level == preferred_level; });
    std::vector<Match> matches;
    double best = 0;
    for (const Section& s : record.sections) {
        if (level_wanted && s.level != preferred_level) continue;
        std::vector<Match> found = find_matches(s.text, terms, record.lang);
        std::vector<Match> in_heading = find_matches(s.heading, terms, record.lang);
        // A heading that matches ("Common Mistakes") says more than the same words in passing.
        double value = score(found, 0, s.text.size()) + 2 * score(in_heading, 0, s.heading.size());
        if (chosen == nullptr || value > best) {  // when nothing matches: the first candidate
            best = value, chosen = &s;
            matches = std::move(found);
        }
    }
    if (chosen != nullptr) {
        text = chosen->text;
        excerpt.section = chosen->heading;
        excerpt.kind = chosen->kind;
        excerpt.level = chosen->level;
    } else {
        matches = find_matches(text, terms, record.lang);
    }
    excerpt.text = best_passage(text, matches, chars);
    excerpt.highlights = find_highlights(excerpt.text, terms, record.lang);
    return excerpt;
}

}  // namespace qbank::query
