#include "indexer/markdown_render.h"

#include <md4c.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "indexer/code_fence.h"
#include "indexer/html_render.h"
#include "indexer/page_metadata.h"
#include "text/code_point_walk.h"
#include "text/fold.h"
#include "text/split_lines.h"
#include "text/trim.h"
#include "text/word_count.h"

namespace qbank::indexer {
namespace {

// Front matter and MDX lines, cut before md4c sees them.
struct Preprocessed {
    std::string body;
    std::string title;     // front matter "title:", unquoted
    std::string metadata;  // "Key: value" lines from front matter and comments (page_metadata.h)
};

std::string unquote(std::string_view value) {
    value = text::trim(value);
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
        value = value.substr(1, value.size() - 2);
    return std::string(value);
}

// A YAML value as a metadata value: "[a, b]" and "(a,b)" lists as "a, b".
std::string list_value(std::string_view value) {
    value = text::trim(value);
    if (value.size() >= 2 && ((value.front() == '[' && value.back() == ']') || (value.front() == '(' && value.back() == ')')))
        value = text::trim(value.substr(1, value.size() - 2));
    std::string out;
    std::size_t start = 0;
    while (start <= value.size()) {
        std::size_t end = value.find(',', start);
        if (end == std::string_view::npos) end = value.size();
        std::string item = unquote(value.substr(start, end - start));
        if (!item.empty()) out += (out.empty() ? "" : ", ") + item;
        start = end + 1;
    }
    return out;
}

// "[[Interview Question]]" -> "Interview Question": a note's link to another note, as text.
std::string without_wikilinks(std::string_view value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value.compare(i, 2, "[[") == 0 || value.compare(i, 2, "]]") == 0) {
            ++i;
            continue;
        }
        out += value[i];
    }
    return out;
}

// "tags: (javascript,dom)", "difficulty: medium": a metadata line when the key is one.
std::string metadata_line(std::string_view key, std::string_view value) {
    key = text::trim(key);
    std::string v = list_value(value);
    if (!is_metadata_key(key) || v.empty()) return {};
    return std::string(key) + ": " + v + "\n";
}

// "<!-- tags: (accessibility) -->" on a line of its own.
std::string comment_metadata(std::string_view line) {
    line = text::trim(line);
    if (line.size() < 7 || !line.starts_with("<!--") || !line.ends_with("-->")) return {};
    std::string_view inner = text::trim(line.substr(4, line.size() - 7));
    std::size_t colon = inner.find(':');
    if (colon == std::string_view::npos) return {};
    return metadata_line(inner.substr(0, colon), inner.substr(colon + 1));
}

// The metadata keys of a front matter block; block lists ("tags:" then "- a") joined.
std::string front_matter_metadata(const std::vector<std::string_view>& lines, std::size_t begin, std::size_t end) {
    std::string out;
    for (std::size_t i = begin; i < end; ++i) {
        std::string_view line = lines[i];
        if (line.starts_with(' ') || line.starts_with('-')) continue;
        std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        std::string value(text::trim(line.substr(colon + 1)));
        if (value.empty()) {
            for (std::size_t k = i + 1; k < end && (lines[k].starts_with(' ') || lines[k].starts_with('-')); ++k)
                if (std::string_view item = text::trim(lines[k]); item.starts_with("- "))
                    value += (value.empty() ? "" : ", ") + unquote(item.substr(2));
        }
        out += metadata_line(line.substr(0, colon), value);
    }
    return out;
}

// "{{< toc >}}", "{{% notice %}}", "{% include cta.html %}": a static site's template
// tags, alone on a line; what they wrap is text.
bool is_template_tag(std::string_view line) {
    line = text::trim(line);
    for (auto [open, close] : {std::pair{"{{<", ">}}"}, std::pair{"{{%", "%}}"}, std::pair{"{%", "%}"}})
        if (line.starts_with(open) && line.ends_with(close) &&
            line.find(close) == line.size() - std::string_view(close).size())
            return true;
    return false;
}

// "{: .notice--info}", "{:.question}", "## Preflight {#preflight}": a kramdown or Pandoc
// attribute list; it styles the block, and is no text. Kramdown's ("{:") may stand alone
// or end any line; Pandoc's ("{#id}", "{.class}") only ends a heading, for in prose braces
// are text ("a block opens with {#if}"). The line without it (empty when it held nothing else).
std::string_view without_attribute_list(std::string_view line) {
    std::string_view t = text::trim(line);
    if (!t.ends_with('}')) return line;
    std::size_t open = t.rfind('{');
    if (open == std::string_view::npos || (open > 0 && t[open - 1] != ' ')) return line;
    std::string_view inside = t.substr(open + 1, t.size() - open - 2);
    if (inside.starts_with(':')) inside.remove_prefix(1);
    else if (!t.starts_with('#')) return line;
    // Every token a ".class" or "#id" that opens with a letter, or a key=value; one named.
    bool named_one = false;
    for (std::size_t at = 0; at < inside.size();) {
        std::size_t end = std::min(inside.find(' ', at), inside.size());
        std::string_view token = inside.substr(at, end - at);
        at = end + 1;
        if (token.empty()) continue;
        bool named = (token[0] == '.' || token[0] == '#') && token.size() > 1 &&
                     std::isalpha(static_cast<unsigned char>(token[1])) != 0;
        bool keyed = token.find('=') != std::string_view::npos && std::isalpha(static_cast<unsigned char>(token[0])) != 0;
        if (!named && !keyed) return line;
        named_one = named_one || named;
    }
    return named_one ? text::trim(t.substr(0, open)) : line;
}

bool is_note_query_fence(std::string_view line) {
    for (std::string_view fence : {"```", "~~~"})
        if (line.starts_with(fence))
            for (std::string_view lang : {"dataview", "dataviewjs", "tasks", "query"})
                if (text::trim(line.substr(fence.size())) == lang) return true;
    return false;
}

// "up:: [[Distributed systems MOC]]", "source:: mock loop": a note's inline field
// (Obsidian's Dataview), its metadata; never prose ("std::vector holds…").
bool is_inline_field(std::string_view line) {
    constexpr std::size_t kMaxKeyWords = 3;
    std::size_t colons = line.find(":: ");
    if (colons == std::string_view::npos || colons == 0) return false;
    std::string_view key = line.substr(0, colons);
    // A field's key touches its "::"; a type signature spaces it ("fmap :: (a -> b) -> …").
    return !key.ends_with(' ') && !line.starts_with(' ') && text::word_count(key) <= kMaxKeyWords &&
           key.find_first_of(":`()[]") == std::string_view::npos;
}

// "> [!question] Prompt", "> [!NOTE]": the header of a callout (Obsidian) or an alert
// (GitHub) inside a blockquote, as the quoted lines that render it: its title as a
// label of its own ("> Prompt:"), or nothing when it has none.
std::optional<std::string> callout_title(std::string_view line) {
    if (!line.starts_with('>')) return std::nullopt;
    std::string_view rest = text::trim(line.substr(1));
    if (!rest.starts_with("[!")) return std::nullopt;
    std::size_t close = rest.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view type = rest.substr(2, close - 2);
    // "[![badge](…)](…)" is an image link; a callout's type is a word ("question", "NOTE").
    if (type.empty() || !std::all_of(type.begin(), type.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
        }))
        return std::nullopt;
    std::string_view title = rest.substr(close + 1);
    if (title.starts_with('+') || title.starts_with('-')) title.remove_prefix(1);  // foldable
    title = text::trim(title);
    if (title.empty()) return std::string(">\n");
    // GitHub's alerts ("[!TIP]", upper case) have no title: what follows is their text.
    if (std::none_of(type.begin(), type.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return "> " + std::string(title) + "\n";
    bool ends_label = title.ends_with(':') || title.ends_with('?') || title.ends_with("：");
    return "> " + std::string(title) + (ends_label ? "" : ":") + "\n>\n";
}

bool is_mdx_statement(std::string_view line) {
    if (line.starts_with("import "))
        return line.find(" from ") != std::string_view::npos || line.find('\'') != std::string_view::npos ||
               line.find('"') != std::string_view::npos;
    return line.starts_with("export const ") || line.starts_with("export default ") ||
           line.starts_with("export function ");
}

// Title and metadata of YAML front matter, lines [begin, end).
void read_front_matter(const std::vector<std::string_view>& lines, std::size_t begin, std::size_t end,
                       Preprocessed& out) {
    for (std::size_t j = begin; j < end; ++j) {
        if (!lines[j].starts_with("title:")) continue;
        out.title = unquote(lines[j].substr(6));
        if (out.title.starts_with('>') || out.title.starts_with('|')) {
            // A YAML block scalar: the title is on the indented lines that follow.
            out.title.clear();
            for (std::size_t k = j + 1; k < end && (lines[k].empty() || lines[k].starts_with(' ')); ++k)
                if (!text::trim(lines[k]).empty()) out.title += (out.title.empty() ? "" : " ") + std::string(text::trim(lines[k]));
        }
        std::erase(out.title, '`');  // inline code marks; the title is shown as text
    }
    out.metadata = front_matter_metadata(lines, begin, end);
}

// TOML front matter (Hugo's "+++" block) as YAML lines: its top-level "key = value"
// pairs, up to the first [table], whose keys are the page's settings.
std::vector<std::string> toml_as_yaml(const std::vector<std::string_view>& lines, std::size_t begin,
                                      std::size_t end) {
    std::vector<std::string> out;
    for (std::size_t i = begin; i < end; ++i) {
        std::string_view line = text::trim(lines[i]);
        if (line.starts_with('[')) break;
        std::size_t equals = line.find('=');
        if (equals == std::string_view::npos || line.starts_with('#')) continue;
        out.push_back(std::string(text::trim(line.substr(0, equals))) + ": " +
                      std::string(text::trim(line.substr(equals + 1))));
    }
    return out;
}

Preprocessed preprocess(std::string_view text) {
    Preprocessed out;
    std::vector<std::string_view> lines = text::split_lines(text);
    std::size_t first = 0;
    const std::string_view fence_line = lines.empty() ? std::string_view() : text::trim(lines[0]);
    if (fence_line == "---" || fence_line == "+++") {
        for (std::size_t i = 1; i < lines.size(); ++i) {
            if (text::trim(lines[i]) != fence_line) continue;
            if (fence_line == "---") {
                read_front_matter(lines, 1, i, out);
            } else {
                std::vector<std::string> yaml = toml_as_yaml(lines, 1, i);
                read_front_matter(std::vector<std::string_view>(yaml.begin(), yaml.end()), 0, yaml.size(), out);
            }
            first = i + 1;
            break;
        }
    }
    CodeFence fence;
    bool in_note_comment = false;
    for (std::size_t i = first; i < lines.size(); ++i) {
        std::string_view line = lines[i];
        // An Obsidian comment, "%% … %%", on one line or over several: it opens at the
        // start of a line, outside code, and only where a "%%" later closes it.
        if (in_note_comment) {
            in_note_comment = line.find("%%") == std::string_view::npos;
            continue;
        }
        if (!fence.open() && line.starts_with("%%")) {
            bool closes_here = line.size() >= 4 && line.find("%%", 2) != std::string_view::npos;
            bool closes_later = closes_here || std::any_of(lines.begin() + static_cast<std::ptrdiff_t>(i) + 1, lines.end(),
                                                          [](std::string_view l) { return l.find("%%") != std::string_view::npos; });
            if (closes_later) {
                in_note_comment = !closes_here;
                continue;
            }
        }
        // A note app's live query ("```dataview"), which shows other notes, not this one's text.
        if (std::string_view t = text::trim(line); !fence.open() && is_note_query_fence(t)) {
            std::size_t end = i + 1;
            while (end < lines.size() && !text::trim(lines[end]).starts_with(t.substr(0, 3))) ++end;
            i = end;
            continue;
        }
        if (!fence.in_code(line)) {
            if (std::string_view bare = without_attribute_list(line); bare.size() != line.size()) {
                if (bare.empty()) continue;
                line = bare;
            }
            std::string_view t = text::trim(line);
            if (is_mdx_statement(line) || is_template_tag(line)) continue;
            if (is_inline_field(t)) {
                // A note's properties ("category:: API Design", "title:: …") are its metadata.
                std::size_t colons = t.find(":: ");
                std::string value = without_wikilinks(text::trim(t.substr(colons + 3)));
                if (text::fold(t.substr(0, colons)) == "title" && out.title.empty()) out.title = value;
                else out.metadata += metadata_line(t.substr(0, colons), value);
                continue;
            }
            if (std::optional<std::string> callout = callout_title(t)) {
                out.body += *callout;
                continue;
            }
            if (std::string meta = comment_metadata(line); !meta.empty()) {
                out.metadata += meta;
                continue;
            }
            if (t.starts_with(":::")) {
                // ":::info Latest version" opens an admonition; its title is text. ":::" closes it.
                std::size_t space = t.find(' ');
                out.body += "\n";
                if (space != std::string_view::npos) {
                    out.body += text::trim(t.substr(space));
                    out.body += "\n\n";
                }
                continue;
            }
        }
        out.body += line;
        out.body += '\n';
    }
    return out;
}

// A line that would open or close a ``` fence in the rendered text, where it is not one.
bool looks_like_fence(std::string_view line) {
    std::string_view t = text::trim(line);
    return t.starts_with("```") || t.starts_with("~~~");
}

// The level of a line that reads as an ATX heading ("### Title"), else 0.
int atx_level(std::string_view line) {
    std::size_t hashes = line.find_first_not_of('#');
    if (hashes == 0 || hashes > 6 || hashes == std::string_view::npos || line[hashes] != ' ') return 0;
    return static_cast<int>(hashes);
}

// Handbooks break their own Markdown: a fence indented one space too little inside
// a list item stays open, and by the rules everything after it becomes code. So
// the page is parsed in pieces, cut before each heading that starts a line (or a
// list item: "200. ### What is…") outside the fences that start within the first
// three columns; a broken fence then swallows at most the rest of its question.
std::vector<std::string_view> chunks(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    CodeFence fence;
    for (std::string_view line : text::split_lines(text)) {
        auto pos = static_cast<std::size_t>(line.data() - text.data());
        if (fence.in_code(line) || pos == start) continue;
        std::size_t digits = line.find_first_not_of("0123456789");
        std::string_view rest = line;
        if (digits != std::string_view::npos && digits > 0 && (line[digits] == '.' || line[digits] == ')'))
            rest = text::trim(line.substr(digits + 1));
        if (atx_level(rest) > 0) {
            out.push_back(text.substr(start, pos - start));
            start = pos;
        }
    }
    out.push_back(text.substr(start));
    return out;
}

// "solutions/pastebin/README.md", "../faq.md#why": a path within the same site,
// not a URL ("https:", "mailto:", "//host"), an anchor or a site-absolute path.
bool is_site_path(std::string_view href) {
    if (href.empty() || href.starts_with('#') || href.starts_with('/')) return false;
    std::size_t colon = href.find(':');
    return colon == std::string_view::npos || href.find_first_of("/?#") < colon;
}

// An inline HTML tag that parts what stands either side of it ("<br/>" between
// two links in a table cell, "</p>", "<li>"); "<a>", "<b>" or "<code>" join.
bool tag_separates(std::string_view tag) {
    static constexpr std::string_view kParting[] = {"br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "hr",
                                                     "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "table"};
    std::size_t begin = tag.find_first_not_of("</");
    if (begin == std::string_view::npos) return false;
    std::size_t end = tag.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", begin);
    std::string name(tag.substr(begin, (end == std::string_view::npos ? tag.size() : end) - begin));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    return std::find(std::begin(kParting), std::end(kParting), name) != std::end(kParting);
}

// A code span that could be a tag: "kafka", "distributed-systems", "Gestión del cambio".
bool is_tag_like(std::string_view span) {
    constexpr std::size_t kMaxTagBytes = 40;
    constexpr std::size_t kMaxTagWords = 3;
    if (span.empty() || span.size() > kMaxTagBytes || span.find_first_of("=(){};<>[]\"'/\\$") != std::string_view::npos)
        return false;
    return static_cast<std::size_t>(std::count(span.begin(), span.end(), ' ')) < kMaxTagWords;
}

std::size_t count_letters(std::string_view s) {
    std::size_t letters = 0;
    text::for_each_code_point(s, [&](UChar32 c) { letters += u_isalpha(c) ? 1 : 0; });
    return letters;
}

class Renderer {
public:
    std::string run(std::string_view markdown) {
        MD_PARSER parser{};
        parser.abi_version = 0;
        parser.flags = MD_DIALECT_GITHUB;
        parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return self(u).enter_block(t, d); };
        parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) { return self(u).leave_block(t, d); };
        parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return self(u).enter_span(t, d); };
        parser.leave_span = [](MD_SPANTYPE t, void*, void* u) { return self(u).leave_span(t); };
        parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
            return self(u).text(t, std::string_view(s, n));
        };
        for (std::string_view chunk : chunks(markdown))
            md_parse(chunk.data(), static_cast<MD_SIZE>(chunk.size()), &parser, this);
        return std::move(out_);
    }

    bool has_top_heading() const { return has_h1_; }

    std::vector<HeadingLink> heading_links() const {
        std::vector<HeadingLink> out;
        for (const HeadingBody& body : bodies_)
            if (body.only_link && !body.link.href.empty()) out.push_back(body.link);
        return out;
    }

private:
    struct List {
        bool ordered;
        unsigned next;
        bool section = false;  // its item opened with a heading: its text is a section's, not indented
    };

    // List levels that indent their text.
    std::size_t depth() const {
        return static_cast<std::size_t>(std::count_if(lists_.begin(), lists_.end(), [](const List& l) { return !l.section; }));
    }

    static Renderer& self(void* user) { return *static_cast<Renderer*>(user); }

    struct Link {
        bool within_page;
        std::string href;  // set when it points to another file of the site (a relative path)
    };

    // What a heading's body holds, up to the next heading: one link to another file and nothing else?
    struct HeadingBody {
        HeadingLink link;
        bool only_link = true;
    };

    // Letters of the page (not of a heading) were written: they belong to the last heading's body.
    void body_has_letters() {
        if (bodies_.empty() || heading_ > 0) return;
        HeadingBody& body = bodies_.back();
        if (links_.empty() || links_.back().href.empty()) body.only_link = false;
        else if (body.link.href.empty()) body.link.href = links_.back().href;
        else if (body.link.href != links_.back().href) body.only_link = false;
    }

    int enter_block(MD_BLOCKTYPE type, void* detail) {
        switch (type) {
            case MD_BLOCK_UL: lists_.push_back({false, 0}); break;
            case MD_BLOCK_OL: lists_.push_back({true, static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start}); break;
            case MD_BLOCK_LI: {
                flush();  // a tight item's text ends where a nested list begins
                List& list = lists_.back();
                list.section = false;
                bullet_ = std::string(2 * (depth() - 1), ' ') +
                          (list.ordered ? std::to_string(list.next++) + ". " : std::string("- "));
                break;
            }
            case MD_BLOCK_H:
                flush();
                heading_ = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
                break;
            case MD_BLOCK_CODE:
            case MD_BLOCK_HTML:
                flush();
                raw_.clear();
                raw_block_ = type;
                break;
            case MD_BLOCK_TR: flush(); break;
            default: break;
        }
        return 0;
    }

    int leave_block(MD_BLOCKTYPE type, void*) {
        switch (type) {
            case MD_BLOCK_UL:
            case MD_BLOCK_OL:
                flush();
                lists_.pop_back();
                if (lists_.empty()) out_ += '\n';
                break;
            case MD_BLOCK_LI:
                flush();
                bullet_.clear();
                break;
            case MD_BLOCK_H:
                flush();
                heading_ = 0;
                break;
            case MD_BLOCK_P:
                flush();
                if (lists_.empty()) out_ += '\n';
                break;
            case MD_BLOCK_CODE:
                if (!bodies_.empty()) bodies_.back().only_link = false;
                out_ += "```\n";
                for (std::string_view line : text::split_lines(raw_)) {
                    if (looks_like_fence(line)) out_ += "    ";  // code about Markdown: stays inside the fence
                    out_ += line;
                    out_ += '\n';
                }
                while (out_.ends_with("\n\n")) out_.pop_back();
                out_ += "```\n\n";
                raw_block_ = MD_BLOCK_DOC;
                bullet_.clear();
                break;
            case MD_BLOCK_HTML: {
                raw_block_ = MD_BLOCK_DOC;
                std::string text = html_fragment_text(raw_);
                if (!text.empty()) {
                    for (std::string_view line : text::split_lines(text)) {
                        append(line);
                        flush();
                    }
                    if (lists_.empty()) out_ += '\n';
                }
                break;
            }
            case MD_BLOCK_TH:
            case MD_BLOCK_TD:
                if (!line_.empty() && !line_.ends_with(" | ")) line_ += " | ";
                break;
            case MD_BLOCK_TR:
                while (line_.ends_with(" | ")) line_.resize(line_.size() - 3);
                flush();
                break;
            case MD_BLOCK_TABLE: out_ += '\n'; break;
            default: break;
        }
        return 0;
    }

    int enter_span(MD_SPANTYPE type, void* detail) {
        if (type == MD_SPAN_A) {
            const MD_ATTRIBUTE& attribute = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
            std::string_view href(attribute.text, attribute.size);
            links_.push_back({href.starts_with('#'), is_site_path(href) ? std::string(href) : std::string()});
        } else if (type == MD_SPAN_CODE) {
            // Code spans side by side are a list: "**Tags:** `arrays` `two-pointers`".
            if (code_end_ != std::string::npos && code_end_ < line_.size() &&
                line_.find_first_not_of(' ', code_end_) == std::string::npos) {
                line_.resize(code_end_);
                line_ += ", ";
            }
            ++code_spans_;
            code_start_ = line_.size();
        } else if (type == MD_SPAN_IMG) {
            ++image_depth_;
        } else if (type == MD_SPAN_STRONG) {
            ++strong_depth_;
        }
        return 0;
    }

    int leave_span(MD_SPANTYPE type) {
        if (type == MD_SPAN_A && !links_.empty()) links_.pop_back();
        else if (type == MD_SPAN_CODE) {
            code_end_ = line_.size();
            code_tags_ = code_tags_ && is_tag_like(std::string_view(line_).substr(code_start_));
        }
        else if (type == MD_SPAN_IMG) --image_depth_;
        else if (type == MD_SPAN_STRONG) --strong_depth_;
        return 0;
    }

    int text(MD_TEXTTYPE type, std::string_view s) {
        if (raw_block_ != MD_BLOCK_DOC) {
            raw_ += s;
            return 0;
        }
        if (image_depth_ > 0) return 0;  // alt text describes a picture the reader does not get
        switch (type) {
            case MD_TEXT_NULLCHAR: append("\xEF\xBF\xBD"); break;
            case MD_TEXT_BR:
                if (heading_ > 0) append(" ");
                else flush(false);
                break;
            case MD_TEXT_SOFTBR:
                // Questions written one to a line, without list marks, stay one to a line.
                if (heading_ == 0 && (line_.ends_with("?") || line_.ends_with("？"))) flush(false);
                else append(" ");
                break;
            case MD_TEXT_ENTITY: append(html_fragment_text(s)); break;
            case MD_TEXT_HTML:  // inline tags carry no text of their own, but some part words
                if (tag_separates(s)) append(" ");
                break;
            case MD_TEXT_CODE: line_ += s; break;  // not prose: a paragraph of code spans may be tags
            default: append(s); break;
        }
        return 0;
    }

    void append_letters(std::string_view s) {
        std::size_t letters = count_letters(s);
        if (letters == 0) return;
        body_has_letters();
        if (!links_.empty() && links_.back().within_page) {
            anchor_link_ = true;
        } else {
            content_letters_ += letters;
        }
        if (strong_depth_ > 0) strong_letters_ += letters;
        else plain_letters_ += letters;
    }

    void append(std::string_view s) {
        append_letters(s);
        line_ += s;
    }

    // Ends the line being gathered. `block_end` is false at a hard line break inside a paragraph.
    void flush(bool block_end = true) {
        std::string_view line = text::trim(line_);
        if (looks_like_fence(line))  // a stray fence: its marks go, what follows them stays
            line = text::trim(line.substr(std::min(line.size(), line.find_first_not_of("`~"))));
        // Links within the page and nothing else: a table of contents or "back to top".
        bool navigation = anchor_link_ && content_letters_ == 0;
        if (!line.empty() && !navigation) {
            if (heading_ > 0) {
                emit_heading(heading_, line);
            } else if (int level = atx_level(line); level > 0 && lists_.size() <= 1) {
                // "### Title" left as text where broken nesting kept it from parsing (an
                // item whose indentation slipped): the author meant a heading.
                emit_heading(level, text::trim(line.substr(static_cast<std::size_t>(level))));
            } else if (block_end && lists_.empty() && plain_letters_ == 0 && strong_letters_ > 0 &&
                       (line.ends_with("?") || line.ends_with("？"))) {
                emit_heading(std::min(6, last_heading_ + 1), line);
            } else if (block_end && lists_.empty() && plain_letters_ == 0 && strong_letters_ == 0 && code_tags_ &&
                       (code_spans_ >= 2 || (code_spans_ == 1 && line.find(' ') == std::string_view::npos))) {
                // A paragraph of nothing but short code spans: "`kafka` `idempotency`".
                out_ += "Tags: ";
                out_ += line;
                out_ += '\n';
            } else {
                out_ += bullet_.empty() ? indent() : bullet_;
                out_ += line;
                out_ += '\n';
                bullet_.clear();
            }
        }
        line_.clear();
        code_end_ = std::string::npos;
        code_spans_ = 0;
        code_tags_ = true;
        anchor_link_ = false;
        content_letters_ = strong_letters_ = plain_letters_ = 0;
    }

    void emit_heading(int level, std::string_view text) {
        if (level == 1) has_h1_ = true;
        last_heading_ = level;
        if (!out_.empty() && !out_.ends_with("\n\n")) out_ += '\n';
        out_ += std::string(static_cast<std::size_t>(level), '#') + " ";
        out_ += text;
        out_ += "\n\n";
        bodies_.push_back({{std::string(text), {}}});
        // An item that opens with a heading ("1. ### What is React?") is a section, not a bullet.
        if (!bullet_.empty() && !lists_.empty()) lists_.back().section = true;
        bullet_.clear();
    }

    std::string indent() const { return std::string(2 * depth(), ' '); }

    std::string out_;
    std::string line_;
    std::string bullet_;  // marker of the list item whose first line is pending
    std::string raw_;     // text of a code or HTML block
    MD_BLOCKTYPE raw_block_ = MD_BLOCK_DOC;
    std::vector<List> lists_;
    std::vector<Link> links_;  // open links, innermost last
    std::size_t code_end_ = std::string::npos;  // where the line's last code span ended
    std::size_t code_start_ = 0;                // where the open code span began
    std::size_t code_spans_ = 0;                // code spans on the line
    bool code_tags_ = true;                     // all of them short labels
    std::vector<HeadingBody> bodies_;  // per heading so far
    int heading_ = 0;
    int last_heading_ = 0;
    int image_depth_ = 0;
    int strong_depth_ = 0;
    bool anchor_link_ = false;
    bool has_h1_ = false;
    std::size_t content_letters_ = 0;  // letters outside links within the page
    std::size_t strong_letters_ = 0;
    std::size_t plain_letters_ = 0;
};

}  // namespace

RenderedMarkdown render_markdown(std::string_view markdown) {
    Preprocessed page = preprocess(markdown);
    Renderer renderer;
    std::string text = renderer.run(page.body);
    // Metadata goes under the title, where the page parser reads it.
    if (!page.metadata.empty()) text = page.metadata + "\n" + text;
    if (!page.title.empty() && !renderer.has_top_heading()) text = "# " + page.title + "\n\n" + text;
    return {std::move(text), renderer.heading_links()};
}

}  // namespace qbank::indexer
