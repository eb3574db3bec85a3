#include "indexer/page_parser.h"


#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include "indexer/code_fence.h"
#include "indexer/folded_list.h"
#include "indexer/heading.h"
#include "indexer/list_item.h"
#include "indexer/page_metadata.h"
#include "indexer/question_split.h"
#include "indexer/question_words.h"
#include "schema/level_name.h"
#include "text/fold.h"
#include "text/sentences.h"
#include "text/split_lines.h"
#include "text/trim.h"
#include "text/utf8_length.h"
#include "text/word_count.h"

namespace qbank::indexer {
namespace {

constexpr std::size_t kMaxTitleChars = 100;  // a longer first sentence is cut
constexpr std::size_t kMaxAskingTitleChars = 160;  // unless it asks: a cut question loses what it asks
constexpr std::size_t kCutTitleChars = 80;   // where a title without a clause break is cut
constexpr std::size_t kMinClauseTitleChars = 12;  // a shorter first clause says too little

// One line of the page, classified once.
struct PageLine {
    std::string_view raw;      // as written, indentation kept (code needs it)
    std::string_view text;     // trimmed
    std::optional<Heading> heading;
    bool code = false;         // inside a code fence: never a heading, kept verbatim
};

std::vector<PageLine> classify_lines(std::string_view page) {
    std::vector<PageLine> lines;
    CodeFence fence;
    for (std::string_view raw : text::split_lines(page)) {
        PageLine line;
        line.raw = raw;
        line.text = text::trim(line.raw);
        line.code = fence.in_code(line.raw);
        if (!line.code) line.heading = parse_heading(line.text);
        lines.push_back(std::move(line));
    }
    return lines;
}

// "---", "***", "___": a Markdown thematic break, layout only.
bool is_rule(std::string_view line) {
    if (line.size() < 3) return false;
    char c = line[0];
    if (c != '-' && c != '*' && c != '_') return false;
    for (char x : line)
        if (x != c && x != ' ') return false;
    return true;
}

bool ends_with_any(std::string_view s, std::string_view chars) {
    return !s.empty() && chars.find(s.back()) != std::string_view::npos;
}

// "Question of the week" and its kin head a newsletter's question block as "The
// Question" heads a question bank's.
constexpr std::string_view kFeaturedQuestion[] = {
    "question of the week", "question of the day", "question of the month", "today's question",
    "this week's question", "daily question", "weekly question", "pregunta de la semana", "pregunta del dia",
    "pergunta da semana", "pergunta do dia", "question de la semaine", "question du jour", "frage der woche",
    "frage des tages", "pytanie tygodnia", "pytanie dnia", "вопрос недели", "вопрос дня", "domanda della settimana",
    "domanda del giorno", "haftanın sorusu", "günün sorusu", "câu hỏi của tuần", "câu hỏi trong ngày",
    "이번 주 질문", "오늘의 질문", "今週の質問", "今日の質問", "本周问题", "每日一题", "今日问题",
};

bool is_question_marker(std::string_view line) {
    static const FoldedList kFeatured(kFeaturedQuestion);
    std::string folded = text::fold(line);  // NFKC makes a full-width "：" a ":"
    if (folded.ends_with(':')) folded.pop_back();
    return folded == "the question" || folded == "question" || kFeatured.contains(folded);
}

std::string join(const std::vector<std::string_view>& parts, std::string_view separator) {
    std::string out;
    for (std::string_view p : parts) {
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

std::string_view strip_bullet(std::string_view line) {
    if (!is_list_item(line)) return line;
    return text::trim(line.substr(line.find(' ') + 1));
}

constexpr std::size_t kMaxTagChars = 60;

// A short label: not a sentence (in any script), not a "key: value" line, not code
// ("cache = LRUCache(2)"), not clauses parted by a comma ("后端开发，专注分布式存储").
bool is_tag_like(std::string_view line) {
    std::string_view tag = strip_bullet(line);
    return !tag.empty() && text::code_points(tag) <= kMaxTagChars && !ends_with_any(tag, ".?!:;,") &&
           !tag.ends_with("？") && !tag.ends_with("。") && !tag.ends_with("！") &&
           tag.find_first_of(":=(){}") == std::string_view::npos && tag.find("：") == std::string_view::npos &&
           tag.find("，") == std::string_view::npos;
}

// A category line in front of the title ("Behavioral"): a word or two.
constexpr std::size_t kMaxBareCategoryChars = 30;
constexpr std::size_t kMaxHeadingWords = 15;       // a longer line is prose
constexpr std::size_t kMaxSectionHeadingWords = 8;  // "What the interviewer is looking for"

// Scripts written without spaces say as much in fewer characters.
constexpr std::size_t kMaxUnspacedHeadingChars = 40;

// Two sentences in a line make prose, whatever its length: a stop, a space and a
// capital ("…a large codebase. What did you do first?"), not an abbreviation ("vs. ").
bool holds_two_sentences(std::string_view line) {
    for (std::size_t at = line.find_first_of(".?!"); at != std::string_view::npos; at = line.find_first_of(".?!", at + 1)) {
        if (at + 2 >= line.size() || line[at + 1] != ' ' || !(line[at + 2] >= 'A' && line[at + 2] <= 'Z')) continue;
        std::size_t word = line.rfind(' ', at);
        word = word == std::string_view::npos ? 0 : word + 1;
        if (line[at] == '.' && at - word <= 3) continue;  // "vs.", "e.g.", "Dr."
        // "3187. Longest Calm Window": a number that opens the line numbers it.
        if (line[at] == '.' && word == 0 && line.substr(0, at).find_first_not_of("0123456789") == std::string_view::npos)
            continue;
        return true;
    }
    return line.find("。") != std::string_view::npos && !line.ends_with("。");
}

// A title or a heading: short, and not closed like a sentence (a question mark may close it).
bool is_heading_like(std::string_view line) {
    std::size_t max_chars = line.find(' ') == std::string_view::npos ? kMaxUnspacedHeadingChars : kMaxTitleChars;
    return !line.empty() && text::word_count(line) <= kMaxHeadingWords && text::code_points(line) <= max_chars &&
           !ends_with_any(line, ".!:;,") && !line.ends_with("。") && !is_list_item(line) && !holds_two_sentences(line);
}

// "3187. Longest Calm Window": a coding site's numbered problem title, which reads
// like an ordered list's item; `prev` and `next` (the lines around it) are no items.
bool is_numbered_title(std::string_view prev, std::string_view line, std::string_view next) {
    std::size_t dot = line.find(". ");
    if (dot == std::string_view::npos || dot == 0 || line.substr(0, dot).find_first_not_of("0123456789") != std::string_view::npos)
        return false;
    std::string_view rest = line.substr(dot + 2);
    return !is_list_item(prev) && !is_list_item(next) && is_heading_like(rest) && !rest.empty() &&
           !(rest[0] >= 'a' && rest[0] <= 'z');
}

// On a page of plain lines, a short line between prose and prose (or a list) heads
// a section: "Why interviewers ask this", "How to approach this question".
bool starts_section(std::string_view prev, std::string_view line, std::string_view next) {
    return is_heading_like(line) && text::word_count(line) <= kMaxSectionHeadingWords && !line.ends_with('?') &&
           !line.ends_with("？") && !next.empty() && (!is_heading_like(next) || is_list_item(next)) &&
           (prev.empty() || !is_heading_like(prev));
}

// Labels that introduce the question, on the same line or alone above it, folded.
constexpr std::string_view kQuestionLabels[] = {
    "the question", "question", "prompt", "problem", "problem statement", "the prompt", "pregunta",
    "la pregunta", "pergunta", "a pergunta", "la question", "frage", "die frage", "pytanie", "问题", "题目",
    "質問", "問題", "お題", "q", "domanda", "la domanda", "вопрос", "задача", "soru", "câu hỏi", "질문", "문제",
    "interview question", "pregunta de entrevista", "pergunta de entrevista", "питання", "pertanyaan", "vraag",
    "de vraag",
};

// "The question: You have…" -> "You have…"; "Prompt" alone -> "" (the question is below);
// nullopt for other lines. "The Question" alone is the marker of a labelled block, not this.
std::optional<std::string_view> question_label(std::string_view line) {
    // "Q. What is…", "Q) What is…": the letter alone marks a question as a colon would.
    for (std::string_view mark : {"Q. ", "Q) "})
        if (line.starts_with(mark) && line.size() > mark.size()) return text::trim(line.substr(mark.size()));
    auto split = split_label(line);
    std::string folded = text::fold(split ? split->first : text::trim(line));
    // "Question (from a mock ML loop): …": a remark on where it was asked.
    if (std::size_t remark = folded.find(" ("); split && remark != std::string::npos && folded.ends_with(')'))
        folded.resize(remark);
    if (std::find(std::begin(kQuestionLabels), std::end(kQuestionLabels), folded) == std::end(kQuestionLabels))
        return std::nullopt;
    std::string_view rest = split ? split->second : std::string_view();
    if (rest.empty() && is_question_marker(line)) return std::nullopt;
    return rest;
}

struct Item {
    std::string_view text;
    bool blank_before = false;
    bool after_level = false;  // below the page's level line
};

void add_section(Record& record, std::string heading, const std::vector<Item>& items, std::size_t begin,
                 std::size_t end) {
    std::string text;
    for (std::size_t i = begin; i < end; ++i) text += (text.empty() ? "" : "\n") + std::string(items[i].text);
    if (!text.empty()) record.sections.push_back({std::move(heading), classify_heading(heading), std::nullopt, text});
}

constexpr std::size_t kMaxChipWords = 4;

// The lines after the question, split where a line starts a section. Short
// labels right under the question, two or more, are its skill chips.
void add_detail_sections(Record& record, const std::vector<Item>& items, std::size_t begin) {
    std::size_t chips_end = begin;
    // "Why interviewers ask this" heads a section: a chip does not open like a question.
    while (chips_end < items.size() && is_tag_like(items[chips_end].text) && !items[chips_end].text.ends_with('?') &&
           text::word_count(items[chips_end].text) <= kMaxChipWords && !items[chips_end].after_level &&
           !opens_like_a_question(items[chips_end].text) && !role_level(items[chips_end].text))
        ++chips_end;
    if (chips_end - begin >= 2) {
        for (std::size_t i = begin; i < chips_end; ++i)
            add_tag(std::string(strip_bullet(items[i].text)), record);
        begin = chips_end;
    }
    std::string heading = "Details";
    std::size_t start = begin;
    for (std::size_t i = begin; i < items.size(); ++i) {
        std::string_view prev = i > begin ? items[i - 1].text : std::string_view();
        std::string_view next = i + 1 < items.size() ? items[i + 1].text : std::string_view();
        if (!starts_section(i == begin ? std::string_view() : prev, items[i].text, next)) continue;
        add_section(record, heading, items, start, i);
        heading = std::string(items[i].text);
        start = i + 1;
    }
    add_section(record, heading, items, start, items.size());
}

std::string last_sentence(std::string_view text);
bool introduces_prompt(std::string_view line);

// Whether a sentence of `paragraph`, folded, opens with one of `openings`.
bool a_sentence_opens_with(std::string_view paragraph, const FoldedList& openings) {
    bool opens = false;
    text::for_each_sentence(paragraph, [&](std::size_t begin, std::size_t end) {
        if (opens) return;
        std::string sentence = text::fold(text::trim(paragraph.substr(begin, end - begin)));
        opens = std::any_of(openings.words().begin(), openings.words().end(),
                            [&](const std::string& o) { return std::string_view(sentence).starts_with(o); });
    });
    return opens;
}

// "A street runs from 0 to length. You are given the lamps…": a paragraph with a
// sentence that gives a coding problem's input.
bool gives_input(std::string_view paragraph) {
    static const FoldedList kInputOpenings(std::initializer_list<std::string_view>{
        "you are given ", "you're given ", "given ", "dado ", "dada ", "dados ", "étant donné ", "gegeben ", "给定",
        "дан ", "дано ", "дана "});
    return a_sentence_opens_with(paragraph, kInputOpenings);
}

// "…Return the length of the longest calm window.": a paragraph with a sentence that
// asks for a coding problem's output.
bool asks_for_output(std::string_view paragraph) {
    static const FoldedList kOutputCommands(std::initializer_list<std::string_view>{
        "return ", "find ", "determine ", "compute ", "calculate ", "count ", "output ", "print "});
    return a_sentence_opens_with(paragraph, kOutputCommands);
}

// "Posted on January 28, 2025 by Maeve Keane": a short line that dates the page.
bool is_dateline(std::string_view line) {
    constexpr std::size_t kMaxDatelineWords = 15;
    if (text::word_count(line) > kMaxDatelineWords) return false;
    for (std::size_t at = 0; at + 4 <= line.size(); ++at) {
        bool year = (line.compare(at, 2, "19") == 0 || line.compare(at, 2, "20") == 0) &&
                    std::isdigit(static_cast<unsigned char>(line[at + 2])) != 0 &&
                    std::isdigit(static_cast<unsigned char>(line[at + 3])) != 0;
        bool alone = (at == 0 || std::isdigit(static_cast<unsigned char>(line[at - 1])) == 0) &&
                     (at + 4 == line.size() || std::isdigit(static_cast<unsigned char>(line[at + 4])) == 0);
        if (year && alone) return true;
    }
    return false;
}

// "코드한스푼 2025. 3. 2. 21:14", "Posted 2025-02-20": a post's byline with its date in
// numbers or its time. No title ("Top 10 React 18 questions for 2025").
bool dates_a_post(std::string_view line) {
    if (!is_dateline(line)) return false;
    auto digit = [&](std::size_t at) { return at < line.size() && line[at] >= '0' && line[at] <= '9'; };
    for (std::size_t at = 0; at < line.size(); ++at) {
        if (!digit(at) || (at > 0 && digit(at - 1))) continue;
        std::size_t end = at;
        while (digit(end)) ++end;
        // A time of day: "21:14".
        if (end + 2 < line.size() && line[end] == ':' && digit(end + 1) && digit(end + 2)) return true;
        // A date of three numbers, the year among them: "2025. 3. 2.", "2025-02-20", "12.03.2025".
        std::size_t groups = 1;
        bool year = end - at == 4;
        for (std::size_t k = end; groups < 3;) {
            if (k >= line.size() || (line[k] != '.' && line[k] != '-' && line[k] != '/')) break;
            ++k;
            while (k < line.size() && line[k] == ' ') ++k;
            if (!digit(k)) break;
            std::size_t group_end = k;
            while (digit(group_end)) ++group_end;
            year = year || group_end - k == 4;
            ++groups;
            k = group_end;
        }
        if (groups == 3 && year) return true;
    }
    return false;
}

// A form's field: a key alone on a line, its value on the next ("Category" over
// "Databases", "Level" over "L5 (Senior)"), as issue forms and exported documents print
// them: the two as one "Key: value" line, or nullopt. A label over a list ("Kategorie:"
// over "- Pytania rekrutacyjne") heads links, and a line that says its own key is none.
std::optional<std::string> form_field(std::string_view key_line, std::string_view value_line) {
    std::string_view key = text::trim(key_line);
    if (key.ends_with(':')) key.remove_suffix(1);
    value_line = text::trim(value_line);
    if (!is_metadata_key(key) || value_line.empty() || is_metadata_key(value_line) || is_list_item(value_line) ||
        value_line.find(':') != std::string_view::npos)
        return std::nullopt;
    return std::string(key) + ": " + std::string(value_line);
}

// The form fields among the preamble's items that state the page's category or level,
// read into `record` and taken out of `items`. (A tags label alone heads chips, read with
// the page's other chips.)
void read_form_fields(std::vector<Item>& items, Record& record) {
    for (std::size_t i = 0; i + 1 < items.size();) {
        std::optional<PageMetadata> meta;
        if (auto field = form_field(items[i].text, items[i + 1].text)) meta = parse_metadata_line(*field);
        if (!meta || meta->chips_follow || !meta->tags.empty() || !(meta->category || meta->level)) {
            ++i;
            continue;
        }
        apply_metadata(*meta, record);
        items.erase(items.begin() + static_cast<std::ptrdiff_t>(i), items.begin() + static_cast<std::ptrdiff_t>(i) + 2);
    }
}

// The block before the first section heading: metadata wherever it stands, then
// the title and the question. The question is the line a label introduces, else
// the first line of prose; the title is the nearest title-like line above it.
void parse_preamble(const std::vector<PageLine>& lines, std::size_t end, Record& record) {
    std::vector<Item> items;
    bool blank = false;
    for (std::size_t i = 0; i < end; ++i) {
        if (lines[i].text.empty() || is_rule(lines[i].text)) {
            blank = true;
            continue;
        }
        items.push_back({lines[i].text, blank});
        blank = false;
    }
    if (items.empty()) return;
    read_form_fields(items, record);

    // "The Question" labels the block; lines before it are page chrome the scraper
    // kept (a banner), stored apart so they do not shift the labelled fields.
    auto marker = std::find_if(items.begin(), items.end(), [](const Item& item) { return is_question_marker(item.text); });
    // "Question" over a line of prose labels that line, not a block of fields.
    // A line the next one restates is a title, however long ("How would you find…?" over
    // "How would you find…? Drivers send…").
    auto restated = [&](auto it) {
        return it + 1 != items.end() && (it + 1)->text.size() > it->text.size() && (it + 1)->text.starts_with(it->text);
    };
    auto title_like = [&](auto it) {
        std::string_view prev = it == items.begin() ? std::string_view() : (it - 1)->text;
        std::string_view next = it + 1 == items.end() ? std::string_view() : (it + 1)->text;
        return is_heading_like(it->text) || is_numbered_title(prev, it->text, next);
    };
    bool labels_next = marker != items.end() && marker + 1 != items.end() && !title_like(marker + 1) &&
                       !restated(marker + 1);
    bool labelled = marker != items.end() && !labels_next;
    if (labelled) {
        std::vector<std::string_view> chrome;
        for (auto it = items.begin(); it != marker; ++it) {
            if (auto meta = parse_metadata_line(it->text)) apply_metadata(*meta, record);
            else chrome.push_back(it->text);
        }
        if (!chrome.empty())
            record.sections.push_back({"Before the question", SectionKind::Other, std::nullopt, join(chrome, "\n")});
        items.erase(items.begin(), marker + 1);
    }

    // Metadata lines go wherever they stand; a level line alone or a "Skills:" label
    // is followed by skill chips, one per line, up to a blank line or prose.
    std::vector<Item> rest;
    std::optional<std::size_t> asked;  // in rest: the line a label introduced
    bool level_seen = false;
    bool chips = false;
    bool chip_seen = false;
    bool question_below = false;
    bool bulleted = false;  // the first chip's form, which the others share
    constexpr std::size_t kMaxTabChars = 15;  // a script without spaces writes a whole question as one "word"
    auto next_is_one_word = [&](const Item& item) {
        const Item* next = &item + 1;
        return next != items.data() + items.size() && !next->blank_before && text::word_count(next->text) == 1 &&
               text::code_points(next->text) <= kMaxTabChars;
    };
    for (const Item& item : items) {
        bool same_form = !chip_seen || is_list_item(item.text) == bulleted;
        // A job title under the level ("Senior Software Engineer Interview") is no chip.
        if (chips && is_tag_like(item.text) && same_form && !(chip_seen && item.blank_before) &&
            !parse_metadata_line(item.text) && !role_level(item.text)) {
            if (!chip_seen) bulleted = is_list_item(item.text);
            add_tag(std::string(strip_bullet(item.text)), record);
            chip_seen = true;
            continue;
        }
        const bool in_chips = chips && !(chip_seen && item.blank_before);
        chips = false;
        if (question_below && parse_metadata_line(item.text)) {
            // "Interview Question" over the role it was asked for, then the question.
            apply_metadata(*parse_metadata_line(item.text), record);
        } else if (question_below) {
            asked = rest.size();
            rest.push_back({item.text, item.blank_before, level_seen});
            question_below = false;
        } else if (labels_next && &item == &*marker) {
            question_below = true;
        } else if (auto label = question_label(item.text);
                   label && !(label->empty() && next_is_one_word(item))) {
            // "Problem" over "Solutions", "Discuss": a column of tabs; a question is no single word.
            if (label->empty()) {
                question_below = true;
            } else {
                asked = rest.size();
                rest.push_back({*label, item.blank_before, level_seen});
            }
        } else if (is_difficulty(item.text)) {
            // "Medium" under a coding problem's title: its difficulty, recorded nowhere.
        } else if (auto level = schema::parse_level_name(item.text); level && !split_label(item.text)) {
            // A bare level line ("Mid-Level") stands under the question on these pages;
            // "Level: Mid-Level" may stand anywhere, and is read below as any "Key: value".
            if (!record.level) record.level = level;
            level_seen = chips = true;
            chip_seen = false;
        } else if (auto meta = parse_metadata_line(item.text)) {
            apply_metadata(*meta, record);
            // A line of tags among chips ("#Planning" under "#Program Leadership") goes on with them.
            const bool tags_only = !meta->tags.empty() && !meta->category && !meta->level && !meta->lang;
            const bool go_on = in_chips && tags_only;
            if (go_on && !chip_seen) bulleted = is_list_item(item.text);
            // "Tags" in a column of one-word links ("Questions", "Tags", "Users") is a menu's item.
            const bool in_menu = &item != &items.front() && !item.blank_before &&
                                 text::word_count((&item - 1)->text) == 1 && text::word_count(item.text) == 1;
            chips = (meta->chips_follow && !in_menu) || go_on;
            chip_seen = go_on;
        } else {
            rest.push_back({item.text, item.blank_before, level_seen});
        }
    }
    if (rest.empty()) return;

    if (!labelled && !level_seen && !asked && rest.size() >= 2 &&
        std::all_of(rest.begin(), rest.end(), [](const Item& i) { return i.text.ends_with('?'); }) &&
        std::none_of(rest.begin() + 1, rest.end(), [](const Item& i) { return i.blank_before; })) {
        // The scrape began inside a list of follow-up questions, one to a line; the
        // page's own question was lost, so the first of them stands in for it. (A
        // title that asks over a question paragraph stands apart from it.)
        record.question = rest.front().text;
        add_section(record, "Follow-up Questions", rest, 0, rest.size());
        record.sections.back().kind = SectionKind::FollowUpQuestions;
        return;
    }

    // The question: introduced by a label, else the first line of prose above the
    // level line, else (a page of short lines) the line after the title.
    // A line the next one begins with is a title it restates ("Design a push
    // service." over "Design a push service. It must…"), whatever its punctuation.
    auto titles = [&](std::size_t i) {
        std::string_view prev = i > 0 ? rest[i - 1].text : std::string_view();
        std::string_view next = i + 1 < rest.size() ? rest[i + 1].text : std::string_view();
        return is_heading_like(rest[i].text) || is_numbered_title(prev, rest[i].text, next) ||
               (i + 1 < rest.size() && rest[i + 1].text.size() > rest[i].text.size() &&
                rest[i + 1].text.starts_with(rest[i].text));
    };
    std::size_t q = rest.size();
    if (asked) {
        q = *asked;
    } else {
        for (std::size_t i = 0; i < rest.size() && q == rest.size(); ++i)
            if (!rest[i].after_level && !titles(i)) q = i;
        if (q == rest.size()) q = rest.size() >= 2 && !rest[1].after_level ? 1 : 0;
        // "Prompt, word for word as the interviewer gave it:" hands over to the question.
        if (q + 1 < rest.size() && introduces_prompt(rest[q].text) && !rest[q + 1].after_level &&
            reads_as_question(rest[q + 1].text))
            ++q;
    }
    // A question that opens the page over short lines ("What is the CAP theorem?",
    // "Consistency", "Availability", …) is the page's question; the rest answers it.
    if (!asked && q >= 2 && !rest[0].after_level && (rest[0].text.ends_with('?') || rest[0].text.ends_with("？"))) {
        record.title = rest[0].text;
        record.question = rest[0].text;
        add_section(record, "Answer", rest, 1, rest.size());
        return;
    }
    // The title: the nearest title-like line above the question. In a labelled block
    // of two lines over the level ("Databases", "How would you shard…?") the first is
    // the category, and the question is its own title.
    bool untitled = labelled && level_seen && q == 1 && !rest[1].after_level && (rest.size() == 2 || rest[2].after_level);
    // One-word lines in a run of three or more are a site's tabs and status labels
    // ("Description", "Editorial", "Solutions"; "Solved", "Medium", "Hint"), not a title.
    constexpr std::size_t kMinLabelRun = 3;
    constexpr std::size_t kMaxLabelChars = 15;  // a script without spaces writes whole sentences as one "word"
    auto one_word = [&](std::size_t i) {
        return text::word_count(rest[i].text) == 1 && text::code_points(rest[i].text) <= kMaxLabelChars;
    };
    // Each line's run, found in one pass.
    std::vector<bool> label_run(rest.size(), false);
    for (std::size_t begin = 0; begin < rest.size();) {
        std::size_t run_end = begin + 1;
        if (one_word(begin))
            while (run_end < rest.size() && one_word(run_end) && !rest[run_end].blank_before) ++run_end;
        if (one_word(begin) && run_end - begin >= kMinLabelRun)
            std::fill(label_run.begin() + static_cast<std::ptrdiff_t>(begin),
                      label_run.begin() + static_cast<std::ptrdiff_t>(run_end), true);
        begin = run_end;
    }
    auto in_label_run = [&](std::size_t i) { return label_run[i]; };
    // "Page properties" over a wiki page's property rows labels them; it titles nothing.
    constexpr std::string_view kPropertyLabels[] = {"page properties", "properties", "page information",
                                                    "page info", "metadata", "document properties"};
    auto labels_properties = [&](std::size_t i) {
        std::string folded = text::fold(rest[i].text);
        return std::find(std::begin(kPropertyLabels), std::end(kPropertyLabels), folded) != std::end(kPropertyLabels);
    };
    std::optional<std::size_t> title;
    for (std::size_t i = untitled ? 0 : q; i-- > 0;)
        if (titles(i) && !in_label_run(i) && !labels_properties(i) && !dates_a_post(rest[i].text)) {
            title = i;
            break;
        }
    // A name of three words or fewer between a longer title and the text below is the
    // post's flair, its category ("Trending hashtags over a sliding hour…", "System Design").
    constexpr std::size_t kMaxFlairWords = 3;
    // A subtitle ("A practical guide") opens with an article; a flair is a name.
    constexpr std::string_view kArticles[] = {"a ", "an ", "the ", "un ", "una ", "le ", "la ", "les ", "el ", "los ",
                                              "der ", "die ", "das ", "ein ", "eine ", "o ", "os ", "il "};
    auto subtitle = [&](std::string_view line) {
        std::string folded = text::fold(line);
        return std::any_of(std::begin(kArticles), std::end(kArticles),
                           [&](std::string_view a) { return std::string_view(folded).starts_with(a); });
    };
    // Where the page states its category elsewhere, the short line is the post's status
    // or flair all the same ("Open", "Solved"), and no title.
    if (title && *title > 0 && text::word_count(rest[*title].text) <= kMaxFlairWords &&
        !subtitle(rest[*title].text) &&
        titles(*title - 1) && !in_label_run(*title - 1) && !is_question_heading(rest[*title].text) &&
        text::word_count(rest[*title - 1].text) > text::word_count(rest[*title].text) &&
        !rest[*title].blank_before)
        if (auto flair = clean_category(rest[*title].text)) {
            if (!record.category) record.category = std::move(flair);
            rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(*title));
            --*title;
            --q;
        }
    std::size_t first = title ? *title : q;
    if (first > 0) {
        // A category line in front of the title, on a page that labels its block or states a level.
        std::optional<std::string> category;
        if ((labelled || level_seen) && first == 1 && text::code_points(rest[0].text) <= kMaxBareCategoryChars)
            category = clean_category(rest[0].text);
        if (category && !record.category) {
            record.category = std::move(category);
        } else {
            // Above the title of an unlabelled page: the site's name, its tagline, its menus;
            // and, right over a title that asks, the question's topic chips, one to a line
            // ("Redis", "分布式锁" over "Redis 分布式锁为什么要设置过期时间…？").
            constexpr std::size_t kMinTopicChips = 2;
            constexpr std::size_t kMaxTopicChipWords = 4;
            std::size_t topics = first;
            bool asks = rest[first].text.ends_with('?') || rest[first].text.ends_with("？");
            while (asks && topics > 0 && !rest[topics].blank_before && is_tag_like(rest[topics - 1].text) &&
                   text::word_count(rest[topics - 1].text) <= kMaxTopicChipWords && !is_list_item(rest[topics - 1].text))
                --topics;
            // The chips stand apart from the site's header above them ("BackendBrief", "Home").
            if (first - topics < kMinTopicChips || !rest[topics].blank_before) topics = first;
            for (std::size_t i = topics; i < first; ++i) add_tag(std::string(rest[i].text), record);
            std::vector<std::string_view> above;
            for (std::size_t i = 0; i < topics; ++i) above.push_back(rest[i].text);
            if (!above.empty()) record.removed.push_back({join(above, "\n"), 1, RemovedBlock::Scope::Chrome});
        }
    }
    if (title) {
        record.title = rest[*title].text;
        // "What is a closure?" over a line that asks nothing: the title asks, the rest answers.
        bool title_asks = record.title.ends_with('?') || record.title.ends_with("？");
        if (!asked && *title + 1 == q && title_asks && !reads_as_question(rest[q].text)) {
            record.question = record.title;
            add_section(record, "Answer", rest, q, rest.size());
            return;
        }
        add_section(record, "Introduction", rest, *title + 1, q);
    }
    // A question runs on over lines that ask too ("…exactly-once end to end?").
    std::size_t q_end = q + 1;
    while (q_end < rest.size() && !rest[q_end].after_level && rest[q_end].text.ends_with('?') &&
           !rest[q_end].blank_before)
        ++q_end;
    // A coding prompt that gives its input in one paragraph and asks for the output in
    // the next ("You are given an array…", then "A window is calm if… Return the length
    // of…") runs on over it.
    if (q_end == q + 1 && q_end < rest.size() && !rest[q_end].after_level && !rest[q].text.ends_with('?') &&
        gives_input(rest[q].text) && !is_list_item(rest[q_end].text) && asks_for_output(rest[q_end].text))
        ++q_end;
    std::vector<std::string_view> question;
    for (std::size_t i = q; i < q_end; ++i) question.push_back(rest[i].text);
    record.question = join(question, "\n");
    add_detail_sections(record, rest, q_end);
}

void append_line(std::string& text, std::string_view line, std::string_view separator = "\n") {
    if (!text.empty()) text += separator;
    text += line;
}

// `intro`: text between the page's title heading and its first section heading
// goes into a section of its own.
void parse_sections(const std::vector<PageLine>& lines, std::size_t first, Record& record,
                    std::optional<Section> intro) {
    std::vector<Section>& sections = record.sections;
    std::optional<std::size_t> current;
    if (intro) {
        sections.push_back(std::move(*intro));
        current = sections.size() - 1;
    }
    // A sample answer whose text stopped at a label ("Result:") when a list section
    // was spliced in; the first ordinary line after that list resumes it.
    std::optional<std::size_t> interrupted;
    bool list_seen = false;
    // Metadata stands under the title, before any text, or closes the page.
    std::size_t trailing = lines.size();
    while (trailing > first && !lines[trailing - 1].code && !lines[trailing - 1].heading &&
           (lines[trailing - 1].text.empty() || parse_metadata_line(lines[trailing - 1].text)))
        --trailing;
    bool text_seen = false;
    for (std::size_t i = first; i < lines.size(); ++i) {
        const PageLine& page_line = lines[i];
        std::string_view line = page_line.text;
        if (page_line.code) {
            if (current) append_line(sections[*current].text, page_line.raw);
            continue;
        }
        if (line.empty() || is_rule(line)) continue;
        if (!page_line.heading && (!text_seen || i >= trailing)) {
            if (auto meta = parse_metadata_line(line)) {
                apply_metadata(*meta, record);
                continue;
            }
            if (i + 1 < lines.size() && !lines[i + 1].heading && !lines[i + 1].code) {
                if (auto meta = parse_metadata_table(line, lines[i + 1].text)) {
                    apply_metadata(*meta, record);
                    ++i;
                    continue;
                }
            }
            // A bare level line ("*Junior*") under the title, as on pages without sections.
            if (auto level = schema::parse_level_name(line); level && !text_seen && !split_label(line)) {
                if (!record.level) record.level = level;
                continue;
            }
        }
        text_seen = text_seen || !page_line.heading;
        if (const auto& h = page_line.heading) {
            bool splices = current && (h->kind == SectionKind::CommonMistakes ||
                                       h->kind == SectionKind::FollowUpQuestions) &&
                           ends_with_any(sections[*current].text, ":");
            interrupted = splices ? current : std::nullopt;
            sections.push_back({h->text, h->kind, h->level, h->rest});
            current = sections.size() - 1;
            list_seen = false;
            continue;
        }
        if (interrupted && list_seen && !is_list_item(line)) {
            current = interrupted;
            interrupted.reset();
            append_line(sections[*current].text, line, " ");
            continue;
        }
        list_seen = list_seen || is_list_item(line);
        if (!current) continue;  // text before any heading is handled by the preamble
        append_line(sections[*current].text, page_line.raw);
    }
    // Headings with nothing under them are page chrome ("Strategy Breakdown" above "The STAR Narrative").
    std::erase_if(sections, [](const Section& s) { return s.text.empty(); });
}

std::string first_sentence(std::string_view text) {
    std::size_t end = text.size();
    bool first = true;
    text::for_each_sentence(text, [&](std::size_t, std::size_t e) {
        if (first) end = e;
        first = false;
    });
    return std::string(text::trim(text.substr(0, end)));
}

std::string last_sentence(std::string_view text) {
    std::size_t begin = 0;
    text::for_each_sentence(text, [&](std::size_t b, std::size_t) { begin = b; });
    return std::string(text::trim(text.substr(begin)));
}

// "Here is the prompt as I give it to candidates:": a line that hands over to what follows.
bool introduces_prompt(std::string_view line) {
    line = text::trim(line);
    return line.ends_with(':') || line.ends_with("：");
}

// A box of the page's properties in its introduction, one "Key: value" to a line
// ("Poziom: Regular", "Obszar: Architektura", "Czas: 20 min"), as a wiki's infobox or
// a document's properties table prints them: read as one meta line, and taken out.
void read_properties_box(Record& record) {
    constexpr std::size_t kMinProperties = 2;
    constexpr std::size_t kMaxKeyWords = 3;
    if (record.sections.empty() || record.sections.front().heading != "Overview") return;
    std::string& text = record.sections.front().text;
    // A form's fields, key over value ("Kategori" over "Sistem Terdistribusi"), as rows.
    std::vector<std::string> rows;
    std::vector<std::string_view> raw = text::split_lines(text);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (auto field = i + 1 < raw.size() ? form_field(raw[i], raw[i + 1]) : std::nullopt) {
            rows.push_back(std::move(*field));
            ++i;
        } else {
            rows.emplace_back(raw[i]);
        }
    }
    std::vector<std::string_view> lines(rows.begin(), rows.end());
    auto property = [&](std::string_view line) {
        auto label = split_label(line);
        return label && !label->first.empty() && !label->second.empty() &&
               text::word_count(label->first) <= kMaxKeyWords && !ends_with_any(label->second, ".?!");
    };
    std::string kept;
    for (std::size_t i = 0; i < lines.size();) {
        std::size_t end = i;
        while (end < lines.size() && property(lines[end])) ++end;
        if (end - i >= kMinProperties) {
            // Each line as the metadata it states; the others together, so that a key
            // read only beside others ("Obszar: …", an area) is read beside them.
            std::vector<PageMetadata> read;
            std::vector<std::string_view> rest;
            for (std::size_t k = i; k < end; ++k) {
                if (auto meta = parse_metadata_line(lines[k])) read.push_back(*meta);
                else rest.push_back(lines[k]);
            }
            std::optional<PageMetadata> together;
            if (!rest.empty()) together = parse_metadata_line(join(rest, " · "));
            if (rest.empty() || together) {
                for (const PageMetadata& meta : read) apply_metadata(meta, record);
                if (together) apply_metadata(*together, record);
                i = end;
                continue;
            }
        }
        // Lines not read keep their own form: a key stays over its value.
        for (std::size_t k = i; k < std::max(end, i + 1); ++k) kept += std::string(lines[k]) + "\n";
        i = std::max(end, i + 1);
    }
    while (kept.ends_with('\n')) kept.pop_back();
    text = std::move(kept);
    if (text.empty()) record.sections.erase(record.sections.begin());
}

// "# Title" then the question asked, then the answer's sections, or a section
// that names the question ("## Problem") with it first. When the title
// asks too ("Unix pipes: what happens when you run ps | grep?"), the prompt under
// it is still the question if it asks in full: it ends asking (a question mark,
// or a command: "…Explain why the index is not used."), or opens with a command
// ("Explain step by step…", "请解释…"). Metadata right under the prompt
// ("Tags: Bash, Processes") is the page's.
void take_prompt(Record& record) {
    if (record.sections.empty()) return;
    // "## Problem" (or "Question", "Prompt") first, or after an untitled introduction:
    // its first paragraph is the question.
    bool title_only = record.question.empty() || record.question == record.title;
    for (std::size_t i = 0; title_only && i < std::min<std::size_t>(2, record.sections.size()); ++i) {
        Section& labelled = record.sections[i];
        if (!is_question_marker(labelled.heading) && !question_label(labelled.heading)) {
            if (labelled.heading != "Overview") break;
            continue;
        }
        // "Topic: Networking · Level: New Grad" over the question is the page's metadata.
        while (true) {
            std::string_view line = std::string_view(labelled.text).substr(0, labelled.text.find('\n'));
            auto meta = parse_metadata_line(line);
            if (!meta || line.empty()) break;
            apply_metadata(*meta, record);
            labelled.text.erase(0, std::min(labelled.text.size(), line.size() + 1));
        }
        std::size_t end = labelled.text.find('\n');
        // An outliner writes every block as a list item: the question is the item's text.
        record.question = std::string(strip_bullet(std::string_view(labelled.text).substr(0, end)));
        labelled.text.erase(0, end == std::string::npos ? labelled.text.size() : end + 1);
        if (text::trim(labelled.text).empty())
            record.sections.erase(record.sections.begin() + static_cast<std::ptrdiff_t>(i));
        return;
    }
    Section& intro = record.sections.front();
    bool title_asks = !record.question.empty();
    if (intro.heading != (title_asks ? "Answer" : "Overview")) return;
    std::string& text = intro.text;
    // Metadata right under the title or the prompt ("L4", "Tags: javascript, dom") is the page's.
    // From byte `at`, which opens a line.
    auto take_metadata = [&](std::size_t at = 0) {
        while (at < text.size()) {
            std::string_view line = std::string_view(text).substr(at, text.find('\n', at) - at);
            if (auto meta = parse_metadata_line(line)) {
                apply_metadata(*meta, record);
            } else if (auto level = schema::parse_level_name(line); level && !record.level) {
                record.level = level;
            } else {
                break;
            }
            text.erase(at, std::min(text.size() - at, line.size() + 1));
        }
        while (text.ends_with('\n')) text.pop_back();
    };
    take_metadata();
    // A question its label names ("问题：说说…？", "Question: …") within the introduction is
    // the page's, whatever stands before it, under a title that does not ask (under one
    // that asks, a labelled question is a follow-up).
    constexpr std::size_t kMaxLabelledLines = 8;
    for (std::size_t n = 0, at = 0; !title_asks && n < kMaxLabelledLines && at < text.size(); ++n) {
        std::size_t end = std::min(text.find('\n', at), text.size());
        std::string_view line = std::string_view(text).substr(at, end - at);
        std::size_t next_end = std::min(text.find('\n', end + 1), text.size());
        std::string_view next = end < text.size() ? std::string_view(text).substr(end + 1, next_end - end - 1) : std::string_view();
        auto label = question_label(line);
        // "Pertanyaan" alone over the question: the label and the line below it go.
        bool alone = label && label->empty();
        std::string_view asked = alone ? next : label ? *label : std::string_view();
        if (!asked.empty() && reads_as_question(asked)) {
            record.question = std::string(asked);
            std::size_t taken_end = alone ? next_end : end;
            text.erase(at, std::min(text.size() - at, taken_end - at + 1));
            while (text.ends_with('\n')) text.pop_back();
            if (text.empty()) record.sections.erase(record.sections.begin());
            return;
        }
        at = end + 1;
    }
    auto prompt_in = [&](std::string_view line) {
        std::string_view last = text::trim(line);
        return title_asks ? line.size() > record.title.size() &&
                                (last.ends_with("?") || last.ends_with("？") ||
                                 is_question_heading(first_sentence(line)) || is_question_heading(last_sentence(line)))
                          : reads_as_question(line);
    };
    // The prompt may follow a line that introduces it ("Here is the prompt as I give
    // it:") or a dateline ("Posted on January 28, 2025 by …"); those stay in the answer.
    std::size_t start = 0;
    for (int skipped = 0; skipped < 2 && start < text.size();) {
        std::string_view line = std::string_view(text).substr(start, text.find('\n', start) - start);
        if (!line.empty()) {
            if (prompt_in(line) || !(introduces_prompt(line) || is_dateline(line))) break;
            ++skipped;
        }
        start = std::min(text.size(), start + line.size() + 1);
    }
    std::string_view first = std::string_view(text).substr(start, text.find('\n', start) - start);
    // On a page whose metadata makes it a question's page, the prompt may follow a
    // line or two that introduce it ("We publish one real question from each stage…").
    constexpr int kMaxIntroLines = 2;
    if (!prompt_in(first) && !title_asks && (record.level || record.category)) {
        std::size_t at = start;
        for (int skipped = 0; skipped < kMaxIntroLines && at < text.size(); ++skipped) {
            at = std::min(text.size(), at + std::string_view(text).substr(at, text.find('\n', at) - at).size() + 1);
            std::string_view line = std::string_view(text).substr(at, text.find('\n', at) - at);
            // A task set out in full, not a rhetorical turn ("But when should you add one?").
            constexpr std::size_t kMinPromptWords = 10;
            if (!line.empty() && prompt_in(line) && text::word_count(line) >= kMinPromptWords) {
                start = at;
                first = line;
                break;
            }
        }
    }
    // Further into the introduction, a paragraph that hands over with a colon ("La
    // pregunta fue esta:", "Here is how it was phrased:") to a line that asks and ends
    // asking: the question as it was put, quoted by a post or an article about it.
    constexpr int kMaxHandoverLines = 8;
    if (!prompt_in(first) && !title_asks) {
        std::size_t at = start;
        for (int line_no = 0; line_no < kMaxHandoverLines && at < text.size(); ++line_no) {
            std::string_view line = std::string_view(text).substr(at, text.find('\n', at) - at);
            std::size_t next_at = std::min(text.size(), at + line.size() + 1);
            std::string_view next = std::string_view(text).substr(next_at, text.find('\n', next_at) - next_at);
            std::string_view asked = text::trim(next);
            // A list of short questions after the colon ("…three questions, one by one:" over
            // "What is a closure?", "What is hoisting?") is no one prompt.
            constexpr std::size_t kMaxListedQuestionWords = 12;
            std::size_t after_at = std::min(text.size(), next_at + next.size() + 1);
            std::string_view after = text::trim(std::string_view(text).substr(after_at, text.find('\n', after_at) - after_at));
            bool listed = (after.ends_with('?') || after.ends_with("？")) &&
                          text::word_count(after) <= kMaxListedQuestionWords &&
                          text::word_count(asked) <= kMaxListedQuestionWords;
            if (introduces_prompt(line) && prompt_in(next) && (asked.ends_with('?') || asked.ends_with("？")) && !listed) {
                start = next_at;
                first = next;
                break;
            }
            at = next_at;
        }
    }
    if (!prompt_in(first)) {
        if (text.empty()) record.sections.erase(record.sections.begin());
        return;
    }
    auto label = question_label(first);  // "Question: Why does…"
    record.question = label && !label->empty() ? *label : first;
    text.erase(start, std::min(text.size() - start, first.size() + 1));
    while (text.ends_with('\n')) text.pop_back();
    take_metadata(start);
    if (text.empty()) record.sections.erase(record.sections.begin());
}

// "[신입 면접] 프로세스와 스레드의 차이", "【高级】JVM 调优", "[Senior] Design a feed": a
// label in brackets before a title, as forums and blogs tag a post, naming a level.
std::optional<Level> bracketed_level(std::string_view title) {
    for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"[", "]"}, {"【", "】"}, {"(", ")"}}) {
        if (!title.starts_with(open)) continue;
        std::size_t end = title.find(close);
        if (end == std::string_view::npos) return std::nullopt;
        std::string_view label = title.substr(open.size(), end - open.size());
        // The label may say it was an interview: "신입 면접", "Senior interview".
        for (std::string_view interview : {" interview", " 면접", "面试", "面接"})
            if (label.ends_with(interview)) label.remove_suffix(interview.size());
        return schema::parse_level_name(label);
    }
    return std::nullopt;
}

}  // namespace

std::string infer_title(std::string_view question) {
    // A question of a few short sentences that ask is its own title:
    // "What is the event loop? How does it work?".
    std::string_view whole = text::trim(question);
    std::size_t max_chars = whole.find(' ') == std::string_view::npos ? kMaxUnspacedHeadingChars : kMaxTitleChars;
    if (whole.find('\n') == std::string_view::npos && text::code_points(whole) <= max_chars &&
        (whole.ends_with('?') || whole.ends_with("？")))
        return std::string(whole);
    std::string sentence = first_sentence(question);
    if (auto nl = sentence.find('\n'); nl != std::string::npos) sentence.resize(nl);
    if (text::code_points(sentence) <= kMaxTitleChars) return sentence;
    if ((sentence.ends_with('?') || sentence.ends_with("？")) && text::code_points(sentence) <= kMaxAskingTitleChars)
        return sentence;
    for (std::string_view brk : {":", ";", " — ", " – ", " - "}) {
        std::size_t at = sentence.find(brk);
        if (at != std::string::npos && text::code_points(sentence.substr(0, at)) >= kMinClauseTitleChars &&
            text::code_points(sentence.substr(0, at)) <= kMaxTitleChars)
            return sentence.substr(0, at);
    }
    std::size_t cut = text::offset_of_code_point(sentence, kCutTitleChars);
    std::size_t space = sentence.rfind(' ', cut);
    if (space != std::string::npos && space > 0) cut = space;
    std::string title(text::trim(std::string_view(sentence).substr(0, cut)));
    while (!title.empty() && ends_with_any(title, ",;:")) title.pop_back();
    return title + "…";
}

Record parse_record(std::string_view text) {
    Record record;
    std::vector<PageLine> lines = classify_lines(text);
    std::size_t first_heading = lines.size();
    std::size_t first_text = lines.size();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (first_text == lines.size() && !lines[i].text.empty()) first_text = i;
        if (lines[i].heading) {
            first_heading = i;
            break;
        }
    }
    // "# How do you scale a cache?" opening a page names the page; it is not a section.
    // Metadata lines may stand above it: a breadcrumb, a meta line.
    // Above a top-level heading ("# …", an <h1>) stands nothing of the page itself:
    // what is not metadata there is the site's chrome.
    bool titled = first_heading < lines.size() && lines[first_heading].text.starts_with("#") &&
                  lines[first_heading].heading->kind == SectionKind::Other;
    bool top_level = titled && lines[first_heading].text.starts_with("# ");
    // The only heading at its depth or above titles the page too; short lines above
    // it are a breadcrumb or a menu ("Systems Handbook › Operating Systems").
    auto depth = [](std::string_view line) { return line.find_first_not_of('#'); };
    bool single_top = titled && std::none_of(lines.begin() + static_cast<std::ptrdiff_t>(first_heading) + 1,
                                             lines.end(), [&](const PageLine& l) {
                                                 return l.heading && !l.code && l.text.starts_with("#") &&
                                                        depth(l.text) <= depth(lines[first_heading].text);
                                             });
    for (std::size_t i = first_text; titled && !top_level && i < first_heading; ++i)
        titled = lines[i].text.empty() || parse_metadata_line(lines[i].text).has_value() ||
                 (single_top && is_heading_like(lines[i].text) && !is_question_heading(lines[i].text));
    if (titled) {
        std::vector<std::string_view> above;
        for (std::size_t i = first_text; i < first_heading; ++i) {
            if (lines[i].text.empty()) continue;
            if (auto meta = parse_metadata_line(lines[i].text)) apply_metadata(*meta, record);
            else above.push_back(lines[i].text);
        }
        if (!above.empty()) record.removed.push_back({join(above, "\n"), 1, RemovedBlock::Scope::Chrome});
    } else {
        parse_preamble(lines, first_heading, record);
    }
    std::size_t sections_start = first_heading;
    std::optional<Section> intro;
    if (titled) {
        record.title = lines[first_heading].heading->text;
        bool asks = is_question_heading(record.title);
        if (asks) record.question = record.title;
        intro = asks ? Section{"Answer", SectionKind::Solution, std::nullopt, {}}
                     : Section{"Overview", SectionKind::Other, std::nullopt, {}};
        ++sections_start;
    }
    parse_sections(lines, sections_start, record, std::move(intro));
    if (titled) {
        read_properties_box(record);
        take_prompt(record);
    }

    if (record.title.empty() && !record.question.empty()) record.title = infer_title(record.question);
    for (const PageLine& line : lines) {  // a page of headings and little else
        if (!record.title.empty()) break;
        if (line.heading) record.title = line.heading->text;
    }
    if (record.title.empty() && first_text < lines.size()) record.title = infer_title(lines[first_text].text);
    if (!record.level) record.level = bracketed_level(record.title);
    return record;
}

}  // namespace qbank::indexer
