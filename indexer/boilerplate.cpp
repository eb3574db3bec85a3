#include "indexer/boilerplate.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>

#include "indexer/code_fence.h"
#include "indexer/heading.h"
#include "indexer/page_metadata.h"
#include "text/sentences.h"
#include "text/split_lines.h"
#include "text/trim.h"
#include "text/utf8_length.h"

namespace qbank::indexer {
namespace {

constexpr std::size_t kMinCorpusBoilerplateWords = 5;

struct Unit {
    std::size_t begin;    // byte offsets of the trimmed unit in the text
    std::size_t end;
    std::size_t line;     // units on different lines are never adjacent
    int key = -1;         // index into the distinct unit texts
    std::uint64_t hash = 0;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

UChar32 code_point_at(std::string_view text, std::size_t offset) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    auto i = static_cast<int32_t>(offset);
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(text.size()), c);
    return c;
}

UChar32 code_point_before(std::string_view text, std::size_t offset) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    auto i = static_cast<int32_t>(offset);
    UChar32 c;
    U8_PREV(s, 0, i, c);
    return c;
}

// Where a sentence ends with no space before the next one: lower-case letter or
// digit, terminator, upper-case letter. "U.S." and "e.g. Foo" do not match.
std::vector<std::size_t> glue_points(std::string_view text, std::size_t begin, std::size_t end) {
    std::vector<std::size_t> points;
    for (std::size_t i = begin + 1; i + 1 < end; ++i) {
        char t = text[i];
        if (t != '.' && t != '!' && t != '?') continue;
        UChar32 before = code_point_before(text, i);
        UChar32 after = code_point_at(text, i + 1);
        if ((u_islower(before) || u_isdigit(before)) && u_isupper(after)) points.push_back(i + 1);
    }
    return points;
}

void add_unit(std::vector<Unit>& units, std::string_view text, std::size_t begin, std::size_t end,
              std::size_t line) {
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    if (begin < end) units.push_back({begin, end, line});
}

std::vector<Unit> split_units(const std::string& text) {
    std::vector<Unit> units;
    std::size_t line = 0;
    std::size_t line_start = 0;
    text::for_each_sentence(text, [&](std::size_t begin, std::size_t end) {
        // Sentence breaks happen after every newline, so a sentence lies within one line.
        while (line_start < begin) {
            std::size_t nl = text.find('\n', line_start);
            if (nl == std::string::npos || nl >= begin) break;
            line_start = nl + 1;
            ++line;
        }
        std::size_t piece = begin;
        for (std::size_t glue : glue_points(text, begin, end)) {
            add_unit(units, text, piece, glue, line);
            piece = glue;
        }
        add_unit(units, text, piece, end, line);
    });
    return units;
}

// Two units are adjacent when only spaces separate them on one line.
bool adjacent(const std::string& text, const Unit& a, const Unit& b) {
    if (a.line != b.line) return false;
    for (std::size_t i = a.end; i < b.begin; ++i)
        if (!is_space(text[i])) return false;
    return true;
}

// Groups repeated units that always occur in the same sequence into one block,
// so a three-sentence banner is reported once, not as three blocks.
std::vector<RemovedBlock> describe_blocks(const std::string& text, const std::vector<Unit>& units,
                                          const std::vector<std::size_t>& removed_units,
                                          const std::vector<int>& counts, const CorpusBoilerplate* corpus) {
    constexpr int kEdge = -1;  // start or end of a run of removed units
    std::map<int, std::set<int>> successors;
    std::map<int, std::set<int>> predecessors;
    std::map<int, std::size_t> first_seen;  // key -> position in removed_units
    for (std::size_t i = 0; i < removed_units.size(); ++i) {
        const Unit& u = units[removed_units[i]];
        bool linked_prev = i > 0 && removed_units[i - 1] + 1 == removed_units[i] &&
                           adjacent(text, units[removed_units[i - 1]], u);
        bool linked_next = i + 1 < removed_units.size() && removed_units[i] + 1 == removed_units[i + 1] &&
                           adjacent(text, u, units[removed_units[i + 1]]);
        predecessors[u.key].insert(linked_prev ? units[removed_units[i - 1]].key : kEdge);
        successors[u.key].insert(linked_next ? units[removed_units[i + 1]].key : kEdge);
        first_seen.try_emplace(u.key, i);
    }
    auto merges_into = [&](int key) -> int {
        const auto& succ = successors[key];
        if (succ.size() != 1 || *succ.begin() == kEdge || *succ.begin() == key) return kEdge;
        int next = *succ.begin();
        const auto& pred = predecessors[next];
        if (pred.size() != 1 || *pred.begin() != key || counts[key] != counts[next]) return kEdge;
        return next;
    };
    std::set<int> chained;  // keys that continue a block started by another key
    for (const auto& [key, _] : first_seen)
        if (int next = merges_into(key); next != kEdge) chained.insert(next);

    std::map<std::size_t, RemovedBlock> blocks;  // by first appearance
    for (const auto& [key, position] : first_seen) {
        if (chained.count(key) != 0) continue;
        std::size_t first = removed_units[position];
        std::size_t last = first;
        std::set<int> visited{key};
        for (int k = merges_into(key); k != kEdge && visited.insert(k).second; k = merges_into(k)) ++last;
        bool learned = corpus != nullptr && corpus->contains(units[first].hash);
        blocks[position] = {text.substr(units[first].begin, units[last].end - units[first].begin), counts[key],
                            learned ? RemovedBlock::Scope::Corpus : RemovedBlock::Scope::Page};
    }
    std::vector<RemovedBlock> out;
    for (auto& [_, block] : blocks) out.push_back(std::move(block));
    return out;
}

// A line of code outside a fence, as a scraped page shows a snippet: it ends as a
// statement or block does, calls something ("self._push_front(node)", not "answer
// (Free)"), or assigns. Banners are sentences, and they hold none of these.
bool reads_as_code(std::string_view line) {
    line = text::trim(line);
    if (line.empty()) return false;
    if (line.back() == ';' || line.back() == '{' || line.back() == '}') return true;
    if (line.find(" = ") != std::string_view::npos) return true;
    std::size_t open = line.find('(');
    auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
    return open != std::string_view::npos && open > 0 && word_char(line[open - 1]) && line.back() == ')';
}

// Lines that are structure, not prose: headings (two sample answers may both have a
// "Result – Outcome" step) and code (repeated imports are code, not banners).
std::vector<bool> structural_lines(std::string_view text) {
    std::vector<bool> structural;
    CodeFence fence;
    for (std::string_view line : text::split_lines(text))
        structural.push_back(fence.in_code(line) || parse_heading(line).has_value() || reads_as_code(line));
    return structural;
}

// Units that could be boilerplate: long enough, and not structure.
std::vector<Unit> candidate_units(const std::string& text, std::size_t min_chars) {
    std::vector<Unit> units = split_units(text);
    std::vector<bool> structural = structural_lines(text);
    std::erase_if(units, [&](const Unit& u) {
        return structural[u.line] || text::code_points({text.data() + u.begin, u.end - u.begin}) < min_chars;
    });
    for (Unit& u : units) u.hash = XXH3_64bits(text.data() + u.begin, u.end - u.begin);
    return units;
}

// A title line restated as the sentence that opens a paragraph below it ("Design
// a push service." over "Design a push service. It must…"): two copies, the first
// a line of its own, the second opening, not filling, one of the next few lines
// with text (lines of metadata may stand between). Text that repeats elsewhere on the page
// (`repeated`: a banner glued before the title) is no text of theirs. A banner
// repeats around the page; this is how a page names its question.
bool restates_title(std::string_view text, const std::vector<bool>& repeated, const Unit& first,
                    const Unit& second) {
    constexpr std::size_t kMaxLinesBetween = 2;
    auto blank = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i)
            if (!is_space(text[i]) && !repeated[i]) return false;
        return true;
    };
    auto line_start = [&](std::size_t at) {
        std::size_t nl = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
        return nl == std::string_view::npos ? 0 : nl + 1;
    };
    std::size_t first_end = text.find('\n', first.end);
    if (first_end == std::string_view::npos || second.begin <= first_end) return false;
    std::size_t second_start = line_start(second.begin);
    std::size_t second_end = std::min(text.find('\n', second.end), text.size());
    if (!blank(line_start(first.begin), first.begin) || !blank(first.end, first_end) ||
        !blank(second_start, second.begin) || blank(second.end, second_end))
        return false;
    std::size_t lines_between = 0;
    for (std::size_t at = first_end + 1; at < second_start;) {
        std::size_t nl = text.find('\n', at);
        if (!blank(at, nl) && !parse_metadata_line(text::trim(text.substr(at, nl - at)))) ++lines_between;
        at = nl + 1;
    }
    return lines_between <= kMaxLinesBetween;
}

// A unit's hash without its white space: chrome's text is read element by element,
// so an inline element glued to its neighbour ("<b>Degraded</b>Our…") has a space there.
std::uint64_t squeezed_hash(std::string_view unit) {
    std::string squeezed;
    for (char c : unit)
        if (!is_space(c)) squeezed += c;
    return XXH3_64bits(squeezed.data(), squeezed.size());
}

}  // namespace

std::vector<std::uint64_t> boilerplate_unit_hashes(const std::string& text, std::size_t min_chars) {
    std::vector<std::uint64_t> hashes;
    for (const Unit& u : candidate_units(text, min_chars)) {
        std::string_view unit(text.data() + u.begin, u.end - u.begin);
        // Short labels recur across a corpus by nature ("Stakeholder Management" as a tag
        // on a third of the pages); banners are sentences.
        auto words = 1 + static_cast<std::size_t>(std::count(unit.begin(), unit.end(), ' '));
        if (words >= kMinCorpusBoilerplateWords) hashes.push_back(u.hash);
    }
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    return hashes;
}

// A banner glued to its own copies at the start of a line ("…this monthThis question
// was reported…this month"), which no sentence break parts: the text that repeats.
std::optional<std::string> glued_banner(std::string_view line, std::size_t min_chars) {
    constexpr std::size_t kProbeBytes = 24;
    constexpr std::size_t kMinWords = 4;
    line = text::trim(line);
    if (line.size() < 2 * kProbeBytes) return std::nullopt;
    // memmem, not find(): a probe that opens with a common letter would be compared at each of its copies.
    const void* again = memmem(line.data() + 1, line.size() - 1, line.data(), kProbeBytes);
    if (again == nullptr) return std::nullopt;
    auto period = static_cast<std::size_t>(static_cast<const char*>(again) - line.data());
    if (period < kProbeBytes ||
        line.substr(period, period) != line.substr(0, period))
        return std::nullopt;
    std::string_view banner = line.substr(0, period);
    auto words = static_cast<std::size_t>(std::count(banner.begin(), banner.end(), ' ')) + 1;
    if (text::code_points(banner) < min_chars || words < kMinWords) return std::nullopt;
    return std::string(banner);
}

// Takes every copy of each glued banner out of `text`, wherever it stands; a line
// that held nothing else goes.
std::vector<RemovedBlock> remove_glued_banners(std::string& text, std::size_t min_chars) {
    std::vector<std::string> banners;
    CodeFence fence;
    for (std::string_view line : text::split_lines(text))
        if (!fence.in_code(line))
            if (auto banner = glued_banner(line, min_chars)) banners.push_back(std::move(*banner));
    if (banners.empty()) return {};
    std::vector<int> copies(banners.size(), 0);
    std::string kept;
    for (std::string_view view : text::split_lines(text)) {
        std::string line(view);
        bool cut = false;
        for (std::size_t b = 0; b < banners.size(); ++b)
            for (std::size_t at = line.find(banners[b]); at != std::string::npos; at = line.find(banners[b], at)) {
                line.erase(at, banners[b].size());
                ++copies[b];
                cut = true;
            }
        if (cut && line.find_first_not_of(" \t") == std::string::npos) continue;
        kept += line;
        kept += '\n';
    }
    text = std::move(kept);
    std::vector<RemovedBlock> removed;
    for (std::size_t b = 0; b < banners.size(); ++b)
        if (copies[b] > 0) removed.push_back({banners[b], copies[b], RemovedBlock::Scope::Page});
    return removed;
}

// "Página 3 de 12", "Page 4 of 12", "Seite 5", "3 / 12": a page number, as a running
// header or footer of a printed document carries.
bool holds_page_number(std::string_view line) {
    auto digit_at = [&](std::size_t at) { return at < line.size() && line[at] >= '0' && line[at] <= '9'; };
    // `word` ends at `end` in `line`, its ASCII letters in any case.
    auto word_before = [&](std::string_view word, std::size_t end) {
        if (end < word.size()) return false;
        for (std::size_t i = 0; i < word.size(); ++i) {
            char c = line[end - word.size() + i];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (c != word[i]) return false;
        }
        return true;
    };
    for (std::size_t at = 0; at < line.size(); ++at) {
        if (!digit_at(at)) continue;
        std::size_t end = at;
        while (digit_at(end)) ++end;
        for (std::string_view word : {"page ", "página ", "pagina ", "seite ", "strona ", "sayfa ", "trang ",
                                      "страница ", "Страница ", "стр. ", "Стр. "})
            if (word_before(word, at)) return true;
        for (std::string_view of : {" of ", " de ", " / ", " von ", " из "})
            if (line.compare(end, of.size(), of) == 0 && digit_at(end + of.size())) return true;
        at = end;
    }
    return false;
}

// Takes out the lines that carry a page number and recur, their digits aside, on
// other pages of the document: "Documento interno — não distribuir   Página 3 de 12".
std::vector<RemovedBlock> remove_running_lines(std::string& text) {
    auto masked = [](std::string_view line) {
        std::string out(text::trim(line));
        for (char& c : out)
            if (c >= '0' && c <= '9') c = '0';
        return out;
    };
    std::map<std::string, int> counts;
    CodeFence fence;
    for (std::string_view line : text::split_lines(text))
        if (!fence.in_code(line) && holds_page_number(line)) ++counts[masked(line)];
    std::erase_if(counts, [](const auto& entry) { return entry.second < 2; });
    if (counts.empty()) return {};
    std::vector<RemovedBlock> removed;
    std::set<std::string> reported;
    std::string kept;
    CodeFence kept_fence;
    for (std::string_view line : text::split_lines(text)) {
        if (!kept_fence.in_code(line) && holds_page_number(line)) {
            std::string key = masked(line);
            if (auto it = counts.find(key); it != counts.end()) {
                if (reported.insert(key).second)
                    removed.push_back({std::string(text::trim(line)), it->second, RemovedBlock::Scope::Page});
                continue;
            }
        }
        kept += line;
        kept += '\n';
    }
    text = std::move(kept);
    return removed;
}

BoilerplateResult remove_repeated_blocks(const std::string& page, std::size_t min_chars,
                                         const CorpusBoilerplate* corpus, const std::vector<std::string>& dropped,
                                         bool repeats_are_banners) {
    std::string text = page;
    std::vector<RemovedBlock> glued = remove_glued_banners(text, min_chars);
    std::vector<RemovedBlock> running = remove_running_lines(text);
    glued.insert(glued.end(), running.begin(), running.end());
    std::map<std::uint64_t, int> dropped_copies;  // by squeezed_hash
    for (const std::string& chrome : dropped)
        for (const Unit& u : candidate_units(chrome, min_chars))
            ++dropped_copies[squeezed_hash(std::string_view(chrome).substr(u.begin, u.end - u.begin))];
    std::vector<Unit> units = candidate_units(text, min_chars);
    std::map<std::string_view, int> keys;
    std::vector<int> counts;
    for (Unit& u : units) {
        std::string_view unit_text(text.data() + u.begin, u.end - u.begin);
        auto [it, inserted] = keys.try_emplace(unit_text, static_cast<int>(counts.size()));
        if (inserted) {
            auto copies = dropped_copies.find(squeezed_hash(unit_text));
            counts.push_back(copies == dropped_copies.end() ? 0 : copies->second);
        }
        u.key = it->second;
        ++counts[u.key];
    }

    std::vector<bool> repeated(text.size(), false);
    for (const Unit& u : units)
        if (counts[u.key] >= 2) std::fill(repeated.begin() + static_cast<std::ptrdiff_t>(u.begin),
                                          repeated.begin() + static_cast<std::ptrdiff_t>(u.end), true);
    std::vector<std::size_t> first_copy(counts.size(), units.size());  // by key: its first unit
    std::vector<bool> title(counts.size(), false);                      // by key: a restated title
    for (std::size_t i = 0; i < units.size(); ++i) {
        const Unit& u = units[i];
        if (first_copy[u.key] == units.size()) first_copy[u.key] = i;
        else if (counts[u.key] == 2) title[u.key] = restates_title(text, repeated, units[first_copy[u.key]], u);
    }
    std::vector<bool> remove(text.size(), false);
    std::vector<std::size_t> removed_units;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const Unit& u = units[i];
        bool learned = corpus != nullptr && corpus->contains(u.hash);
        if ((counts[u.key] < 2 || title[u.key] || !repeats_are_banners) && !learned) continue;
        removed_units.push_back(i);
        std::size_t end = u.end;
        while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;  // and its trailing space
        std::fill(remove.begin() + static_cast<std::ptrdiff_t>(u.begin),
                  remove.begin() + static_cast<std::ptrdiff_t>(end), true);
    }
    if (removed_units.empty()) return {text, glued};

    // Rebuild line by line; a line that held only boilerplate disappears entirely.
    BoilerplateResult result;
    result.text.reserve(text.size());
    for (std::string_view line : text::split_lines(text)) {
        auto begin = static_cast<std::size_t>(line.data() - text.data());
        std::string kept;
        bool cut = false;
        for (std::size_t i = begin; i < begin + line.size(); ++i) {
            if (remove[i]) cut = true;
            else kept += text[i];
        }
        bool blank = kept.find_first_not_of(" \t") == std::string::npos;
        if (!(cut && blank)) {
            result.text += kept;
            result.text += '\n';
        }
    }
    result.removed = std::move(glued);
    std::vector<RemovedBlock> blocks = describe_blocks(text, units, removed_units, counts, corpus);
    result.removed.insert(result.removed.end(), blocks.begin(), blocks.end());
    return result;
}

}  // namespace qbank::indexer
