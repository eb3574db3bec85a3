#include "indexer/question_split.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <map>
#include <optional>

#include "indexer/code_fence.h"
#include "indexer/folded_list.h"
#include "indexer/heading.h"
#include "indexer/page_metadata.h"
#include "indexer/page_parser.h"
#include "indexer/question_words.h"
#include "text/fold.h"
#include "text/sentences.h"
#include "text/split_lines.h"
#include "text/trim.h"
#include "text/word_count.h"

namespace qbank::indexer {
namespace {

// Two questions among siblings make the others' words trusted.
constexpr std::size_t kMinSiblingQuestions = 2;

struct Line {
    std::string_view raw;
    int level = 0;  // 1-6 for a heading line
    std::optional<Heading> heading;
    bool code = false;
};

std::vector<Line> read_lines(std::string_view text) {
    std::vector<Line> lines;
    CodeFence fence;
    for (std::string_view raw : text::split_lines(text)) {
        Line line{raw};
        line.code = fence.in_code(raw);
        if (!line.code && raw.starts_with('#')) {
            std::size_t hashes = raw.find_first_not_of('#');
            if (hashes != std::string_view::npos && hashes <= 6 && raw[hashes] == ' ') {
                line.heading = parse_heading(raw);
                if (line.heading) line.level = static_cast<int>(hashes);
            }
        }
        lines.push_back(line);
    }
    return lines;
}

// "1. What is React?", "Q: For interviews…" -> the question itself.
std::string_view without_numbering(std::string_view heading) {
    std::size_t digits = 0;
    while (digits < heading.size() && heading[digits] >= '0' && heading[digits] <= '9') ++digits;
    if (digits > 0 && digits + 1 < heading.size() && (heading[digits] == '.' || heading[digits] == ')') &&
        heading[digits + 1] == ' ')
        heading = text::trim(heading.substr(digits + 1));
    for (std::string_view label : {"Q:", "Q.", "Question:"})
        if (heading.starts_with(label)) heading = text::trim(heading.substr(label.size()));
    return heading;
}

struct Body {
    std::string text;
    void add(std::string_view line) {
        if (line.empty() && (text.empty() || text.ends_with("\n\n"))) return;
        text += line;
        text += '\n';
    }
    std::string take() {
        while (text.ends_with('\n')) text.pop_back();
        return std::move(text);
    }
};

// Sections from the lines [begin, end): the text before the first heading is
// `intro` (when not empty), each heading then opens a section.
std::vector<Section> sections_of(const std::vector<Line>& lines, std::size_t begin, std::size_t end,
                                 const Section& intro, const std::vector<bool>& taken) {
    std::vector<Section> sections{intro};
    Body body;
    for (std::size_t i = begin; i < end; ++i) {
        if (taken[i]) continue;
        const Line& line = lines[i];
        if (line.heading) {
            sections.back().text = body.take();
            const Heading& h = *line.heading;
            sections.push_back({h.text, h.kind, h.level, {}});
            body.add(h.rest);
        } else {
            body.add(line.raw);
        }
    }
    sections.back().text = body.take();
    std::erase_if(sections, [](const Section& s) { return s.text.empty(); });
    return sections;
}

// Headings that hold no question wherever they stand.
constexpr std::string_view kStructuralHeadings[] = {
    "table of contents", "contents", "toc", "references", "further reading", "resources", "related", "see also",
    "license", "contributing", "credits", "acknowledgements", "introduction", "overview", "summary",
    "source(s) and further reading", "sources and further reading", "sources", "further reading",
    "conclusion", "index", "目录", "目錄", "参考", "参考资料", "目次", "参考文献", "índice", "referencias",
    "referências", "spis treści", "bibliografia", "содержание", "ссылки", "목차",
};

// Whether the headings are numbered 1, 2, 3… (or from any start) in order.
bool numbered_in_order(const std::vector<Line>& lines, const std::vector<std::size_t>& group) {
    long expected = -1;
    for (std::size_t i : group) {
        std::string_view text = lines[i].heading->text;
        std::size_t digits = text.find_first_not_of("0123456789");
        if (digits == 0 || digits == std::string_view::npos || digits > 4 || (text[digits] != '.' && text[digits] != ')'))
            return false;
        long n = std::stol(std::string(text.substr(0, digits)));
        if (expected >= 0 && n != expected) return false;
        expected = n + 1;
    }
    return true;
}

// Which headings at `level` are questions. A heading that asks is one; so is
// one that opens like a question among siblings (the headings at this level
// under one parent) of which two or more ask; and where three in four
// siblings are questions, every sibling before the last question is, whatever
// its words, but a table of contents or a references list.
template <typename WeaklyAsks>
std::vector<bool> question_headings(const std::vector<Line>& lines, int level, std::optional<std::size_t> title_line,
                                    WeaklyAsks weakly_asks) {
    static const FoldedList kStructural(kStructuralHeadings);
    std::vector<bool> question(lines.size(), false);
    if (level == 0) return question;
    std::vector<std::size_t> group;
    auto decide = [&] {
        std::size_t strong = 0;
        std::size_t weak = 0;
        std::size_t structural = 0;
        for (std::size_t i : group) {
            if (is_question_heading(lines[i].heading->text)) ++strong;
            else if (weakly_asks(i)) ++weak;
            else if (kStructural.contains(text::fold(text::trim(lines[i].heading->text)))) ++structural;
        }
        std::size_t size = group.size() - structural;
        bool siblings_ask = strong >= kMinSiblingQuestions ||
                            (strong + weak >= kMinSiblingQuestions && (strong + weak) * 2 > size);
        bool all_ask = siblings_ask && (strong + weak) * 4 >= size * 3;
        // "1. Keep it short", "2. Do your research", "3. Explain what you bring": the
        // numbered steps of one answer, though one of them is worded as a command.
        bool steps = group.size() >= 3 && strong * 2 < size && numbered_in_order(lines, group);
        // Headings after the last that asks close the list ("Other Answers", "Contributing").
        std::size_t last_asking = 0;
        for (std::size_t k = 0; k < group.size(); ++k)
            if (is_question_heading(lines[group[k]].heading->text) || weakly_asks(group[k])) last_asking = k;
        for (std::size_t k = 0; k < group.size(); ++k) {
            std::size_t i = group[k];
            std::string words = text::fold(text::trim(lines[i].heading->text));
            question[i] = !steps && (is_question_heading(lines[i].heading->text) || (siblings_ask && weakly_asks(i)) ||
                                     (all_ask && k < last_asking && !kStructural.contains(words)));
        }
        group.clear();
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].level == 0 || i == title_line) continue;
        if (lines[i].level < level) decide();
        if (lines[i].level == level) group.push_back(i);
    }
    decide();
    return question;
}

// Placeholders for an answer not written yet, folded.
constexpr std::string_view kPlaceholders[] = {"todo", "tbd", "wip", "coming soon", "to be added", "to do",
                                              "待补充", "待完善", "未完成", "準備中", "en construcción", "em breve"};

// The text without its lines that are nothing but a web address ("- https://…").
std::string without_bare_links(std::string_view text) {
    std::string out;
    for (std::string_view line : text::split_lines(text)) {
        std::string_view t = text::trim(line);
        if (t.starts_with("- ") || t.starts_with("* ")) t = text::trim(t.substr(2));
        bool link = (t.starts_with("http://") || t.starts_with("https://")) && t.find(' ') == std::string_view::npos;
        if (!link) out.append(out.empty() ? "" : "\n").append(line);
    }
    return out;
}

bool has_answer(const Record& r) {
    static const FoldedList kList(kPlaceholders);
    for (const Section& s : r.sections) {
        std::string folded = text::fold(text::trim(without_bare_links(s.text)));
        while (!folded.empty() && (folded.back() == '.' || folded.back() == ':' || folded.back() == '!')) folded.pop_back();
        if (!folded.empty() && !kList.contains(folded)) return true;
    }
    return false;
}

// The headings above a record as its category (the nearest) and tags, cleaned
// ("3. Props:" -> "Props"); a sentence is neither. The page's title stands in
// when no heading is above.
void label_from_headings_above(const std::vector<std::string>& ancestors, int below, const std::vector<Line>& lines,
                               std::optional<std::size_t> title_line, Record& r) {
    std::vector<std::string> labels;
    for (int l = 1; l < below; ++l)
        if (auto label = clean_category(ancestors[static_cast<std::size_t>(l)], kMaxHeadingCategoryWords))
            labels.push_back(std::move(*label));
    if (labels.empty() && title_line)
        if (auto label = clean_category(lines[*title_line].heading->text, kMaxHeadingCategoryWords))
            labels.push_back(std::move(*label));
    if (labels.empty()) return;
    r.category = labels.back();
    labels.pop_back();
    r.tags = std::move(labels);
}

// A record holds one answer; a page larger than this is a book of topics.
constexpr std::size_t kMaxRecordBytes = 16 * 1024;

std::size_t untaken_bytes(const std::vector<Line>& lines, const std::vector<bool>& taken, std::size_t begin,
                          std::size_t end) {
    std::size_t bytes = 0;
    for (std::size_t i = begin; i < end; ++i) bytes += taken[i] ? 0 : lines[i].raw.size() + 1;
    return bytes;
}

bool is_structural(const Line& line) {
    static const FoldedList kStructural(kStructuralHeadings);
    return kStructural.contains(text::fold(text::trim(line.heading->text)));
}

// The first line after `i` that is a heading at `level` or above, not taken; a
// topic's own "Sources and further reading" belongs to it.
std::size_t next_heading(const std::vector<Line>& lines, const std::vector<bool>& taken, std::size_t i, int level) {
    for (++i; i < lines.size(); ++i)
        if (!taken[i] && lines[i].level > 0 && lines[i].level <= level && !is_structural(lines[i])) break;
    return i;
}

// A book-sized page (the rest of it, past its questions): each topic under an
// H2 or H3 heading becomes a record (H4 too when a topic would still exceed
// kMaxRecordBytes); its category and tags are the headings above.
// The page keeps its introduction. Topics are taken from `taken`.
void split_topics(const std::vector<Line>& lines, std::optional<std::size_t> title_line, std::vector<bool>& taken,
                  std::vector<SplitRecord>& out) {
    if (untaken_bytes(lines, taken, 0, lines.size()) <= kMaxRecordBytes) return;
    int level = 3;
    for (; level < 4; ++level) {
        std::size_t largest = 0;
        for (std::size_t i = next_heading(lines, taken, 0, level); i < lines.size();) {
            std::size_t end = next_heading(lines, taken, i, level);
            largest = std::max(largest, untaken_bytes(lines, taken, i, end));
            i = end;
        }
        if (largest <= kMaxRecordBytes) break;
    }
    std::vector<std::string> ancestors(7);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].level == 0) continue;
        const Line& line = lines[i];
        for (int l = line.level; l <= 6; ++l) ancestors[static_cast<std::size_t>(l)].clear();
        ancestors[static_cast<std::size_t>(line.level)] = line.heading->text;
        if (taken[i] || i == title_line || line.level > level || is_structural(line)) continue;
        std::size_t end = next_heading(lines, taken, i, level);
        SplitRecord topic;
        Record& r = topic.record;
        r.title = std::string(without_numbering(line.heading->text));
        label_from_headings_above(ancestors, line.level, lines, title_line, r);
        r.sections = sections_of(lines, i + 1, end, {"Overview", SectionKind::Other, std::nullopt, line.heading->rest},
                                 taken);
        topic.fragment = heading_anchor(line.heading->text);
        if (topic.fragment.empty()) topic.fragment = "topic";
        for (std::size_t j = i; j < end; ++j) taken[j] = true;
        // A heading over nothing but subtopics is their category, not a record.
        if (!r.sections.empty()) out.push_back(std::move(topic));
    }
}

}  // namespace

bool is_question_heading(std::string_view heading) { return asks(without_numbering(text::trim(heading))); }

// Whether the paragraph's last sentence asks: "A table has 80 million rows. … Explain why…".
bool ends_asking(std::string_view paragraph) {
    std::size_t last = 0;
    text::for_each_sentence(paragraph, [&](std::size_t begin, std::size_t) { last = begin; });
    return asks(paragraph.substr(last));
}

bool reads_as_question(std::string_view paragraph) {
    // A prompt asks anywhere, or sets the scene and then asks.
    return asks(paragraph) || ends_asking(paragraph);
}

std::string heading_anchor(std::string_view heading) {
    std::string folded = text::fold_case(text::trim(heading));  // GitHub keeps accents in anchors
    std::string anchor;
    const auto* s = reinterpret_cast<const uint8_t*>(folded.data());
    auto n = static_cast<int32_t>(folded.size());
    for (int32_t i = 0; i < n;) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c == ' ') anchor += '-';
        else if (c == '-' || c == '_' || u_isalnum(c) || u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK)
            anchor.append(folded, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    }
    return anchor;
}

// Whether the page's first heading is its only one at the top level, fewer than half
// of the headings below it ask, and the first paragraph under it, past a line of
// metadata or more, ends asking.
bool heads_a_prompt(const std::vector<Line>& lines) {
    auto first = std::find_if(lines.begin(), lines.end(), [](const Line& l) { return l.level > 0; });
    if (first == lines.end()) return false;
    // Front matter's metadata stands above the heading.
    bool metadata = std::any_of(lines.begin(), first, [](const Line& l) {
        return !l.code && parse_metadata_line(text::trim(l.raw)).has_value();
    });
    bool prompt = false;
    constexpr std::size_t kMaxLabelWords = 4;
    for (auto it = first + 1; it != lines.end() && it->level == 0 && !it->code; ++it) {
        std::string_view line = text::trim(it->raw);
        if (line.empty()) continue;
        if (parse_metadata_line(line)) {
            metadata = true;
            continue;
        }
        // "Prompt:", a callout's title, hands over to the prompt below it.
        if ((line.ends_with(':') || line.ends_with("：")) && text::word_count(line) <= kMaxLabelWords) continue;
        // It ends asking: a guide's opening may ask and then tell ("Not sure why…? Your
        // resume could be the issue."), or ask to draw the reader in ("Ever wondered…?"),
        // but not under the level and tags of a question.
        prompt = metadata && ends_asking(line);
        break;
    }
    if (!prompt) return false;
    if (std::any_of(first + 1, lines.end(), [&](const Line& l) { return l.level > 0 && l.level <= first->level; }))
        return false;
    std::size_t below = 0, asking = 0;
    for (auto it = first + 1; it != lines.end(); ++it)
        if (it->level > 0) {
            ++below;
            asking += is_question_heading(it->heading->text) ? 1 : 0;
        }
    return asking == 0 || 2 * asking < below;
}

SplitPage split_questions(std::string_view text, std::string_view fallback_title,
                          const std::vector<HeadingLink>& links) {
    std::vector<Line> lines = read_lines(text);
    SplitPage page;
    std::vector<bool> taken(lines.size(), false);

    // Headings that only link elsewhere, and their bodies: no record, not even part of one.
    std::vector<bool> links_out(lines.size(), false);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].level == 0) continue;
        auto link = std::find_if(links.begin(), links.end(),
                                 [&](const HeadingLink& l) { return text::trim(l.heading) == lines[i].heading->text; });
        if (link == links.end()) continue;
        std::string fragment = heading_anchor(lines[i].heading->text);
        if (!fragment.empty())
            page.title_links.push_back({std::string(without_numbering(lines[i].heading->text)), std::move(fragment),
                                        link->href});
        for (std::size_t j = i; j < lines.size() && (j == i || lines[j].level == 0); ++j) links_out[j] = taken[j] = true;
    }

    // The page's title: its first top-level heading.
    std::optional<std::size_t> title_line;
    for (std::size_t i = 0; i < lines.size() && !title_line; ++i)
        if (lines[i].level == 1) title_line = i;

    // A page titled by a question is one question: its headings are parts of the answer.
    // So is a page whose one top heading stands over a prompt that asks ("## fork() and
    // exec()" over "What happens when a shell runs ls -l? Explain…").
    bool title_asks = (title_line && is_question_heading(lines[*title_line].heading->text)) ||
                      heads_a_prompt(lines);
    auto weakly_asks = [&](std::size_t i) {
        return !title_asks && opens_like_a_question(without_numbering(text::trim(lines[i].heading->text)));
    };

    // The level whose headings ask the most questions (the shallower on a tie).
    std::map<int, std::size_t> questions_at;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].level > 0 && i != title_line && (is_question_heading(lines[i].heading->text) || weakly_asks(i)))
            ++questions_at[lines[i].level];
    int question_level = 0;
    std::size_t most = 0;
    for (const auto& [level, count] : questions_at)
        if (count > most) {
            most = count;
            question_level = level;
        }
    if (title_asks) question_level = 0;
    std::vector<bool> question = question_headings(lines, question_level, title_line, weakly_asks);

    std::vector<SplitRecord>& out = page.records;
    if (title_line) taken[*title_line] = true;
    // Metadata at the top or the end of the file (front matter, <!-- tags: … -->) is the whole file's.
    std::vector<PageMetadata> file_meta;  // in the order read: the first to state a field wins
    auto take_metadata = [&](std::size_t i) {
        if (i == title_line) return true;  // front matter metadata stands under the title
        if (lines[i].level > 0 || lines[i].code) return false;
        if (text::trim(lines[i].raw).empty()) return true;
        auto meta = parse_metadata_line(lines[i].raw);
        if (!meta) return false;
        file_meta.push_back(std::move(*meta));
        taken[i] = true;
        return true;
    };
    for (std::size_t i = 0; i < lines.size() && take_metadata(i); ++i) {}
    for (std::size_t i = lines.size(); i-- > 0 && take_metadata(i);) {}
    std::vector<std::string> ancestors(7);  // heading text per level above the current line
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        if (line.level == 0) continue;
        for (int l = line.level; l <= 6; ++l) ancestors[static_cast<std::size_t>(l)].clear();
        ancestors[static_cast<std::size_t>(line.level)] = line.heading->text;
        if (!question[i] || links_out[i]) continue;
        // The answer runs to the next question at this level or a heading above it; a
        // heading at this level that asks nothing ("### Example usage") is part of it,
        // but not the page's own "References" or "Contributing", nor one that links elsewhere.
        std::size_t end = i + 1;
        while (end < lines.size() &&
               (lines[end].level == 0 || lines[end].level > question_level ||
                (lines[end].level == question_level && !question[end] && !is_structural(lines[end]) &&
                 !links_out[end])))
            ++end;

        SplitRecord split;
        Record& r = split.record;
        r.title = std::string(without_numbering(line.heading->text));
        r.question = r.title;
        label_from_headings_above(ancestors, question_level, lines, title_line, r);
        // Question ranges never overlap, so none of this one is taken yet.
        r.sections = sections_of(lines, i + 1, end, {"Answer", SectionKind::Solution, std::nullopt, line.heading->rest},
                                 taken);
        split.fragment = heading_anchor(line.heading->text);
        if (split.fragment.empty()) split.fragment = "question";  // a heading of symbols only
        for (std::size_t j = i; j < end; ++j) taken[j] = true;
        // A question with no answer (only a link elsewhere, an image, "TODO") is not a record.
        if (has_answer(r)) out.push_back(std::move(split));
    }

    split_topics(lines, title_line, taken, out);

    // A page without question headings is one record, read like any other page.
    if (out.empty()) {
        std::string kept;  // the page without the headings that link elsewhere
        if (!page.title_links.empty())
            for (std::size_t i = 0; i < lines.size(); ++i)
                if (!links_out[i]) kept.append(lines[i].raw).push_back('\n');
        SplitRecord whole{parse_record(page.title_links.empty() ? text : kept), {}};
        Record& r = whole.record;
        if (r.title.empty()) r.title = std::string(fallback_title);
        // A guide's introduction is not a question, as a scraped page's first paragraph
        // is; the first paragraph under "## Problem" is.
        std::string_view before = text.substr(0, std::min(text.size(), text.find(r.question)));
        bool under_section = before.starts_with("##") || before.find("\n##") != std::string_view::npos;
        if (!r.question.empty() && !reads_as_question(r.question) && !under_section) {
            r.sections.insert(r.sections.begin(), {"Overview", SectionKind::Other, std::nullopt, std::move(r.question)});
            r.question.clear();
        }
        out.push_back(std::move(whole));
        return page;
    }

    // The rest of the page.
    SplitRecord rest;
    Record& r = rest.record;
    if (title_line) {
        r.title = lines[*title_line].heading->text;
    } else {
        for (std::size_t i = 0; i < lines.size() && r.title.empty(); ++i)
            if (lines[i].level == 0 && !taken[i] && !text::trim(lines[i].raw).empty()) r.title = infer_title(text::trim(lines[i].raw));
    }
    if (r.title.empty()) r.title = std::string(fallback_title);
    bool asks = is_question_heading(r.title);
    if (asks) r.question = r.title;
    r.sections = sections_of(lines, 0, lines.size(),
                             {asks ? "Answer" : "Overview", asks ? SectionKind::Solution : SectionKind::Other,
                              std::nullopt, {}},
                             taken);
    if (!r.sections.empty() || out.empty()) out.insert(out.begin(), std::move(rest));
    for (SplitRecord& split : out)
        for (const PageMetadata& meta : file_meta) apply_metadata(meta, split.record);
    return page;
}

}  // namespace qbank::indexer
