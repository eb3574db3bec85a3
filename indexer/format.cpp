#include "qbank/format.h"

#include <nlohmann/json.hpp>

#include <array>
#include <filesystem>
#include <string>

#include "indexer/html_render.h"
#include "indexer/input_format.h"
#include "indexer/normalize.h"

namespace qbank::indexer {
namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool looks_like_html(std::string_view head) {
    std::string start = lower_ascii(head.substr(0, 256));
    if (start.starts_with("<!doctype html") || start.starts_with("<html")) return true;
    // An XML prolog or a comment may come first.
    return (start.starts_with("<?xml") || start.starts_with("<!--")) && start.find("<html") != std::string::npos;
}

bool looks_like_json_lines(std::string_view head) {
    if (!head.starts_with("{")) return false;
    // Without a newline, the whole of what was read must be the object.
    auto parsed = nlohmann::json::parse(head.substr(0, head.find('\n')), nullptr, false);
    return !parsed.is_discarded() && parsed.is_object();
}

RenderedPage as_text(std::string text) { return {std::move(text), {}, {}}; }

// Cleaned again after rendering: decoded entities bring back no-break spaces and the like.
RenderedPage from_markdown(std::string text) {
    RenderedMarkdown markdown = render_markdown(text);
    for (HeadingLink& link : markdown.heading_links) link.heading = clean_text(link.heading);
    return {clean_text(markdown.text), {}, std::move(markdown.heading_links)};
}

RenderedPage from_html(std::string text) {
    RenderedHtml html = render_html(text);
    return {clean_text(html.text), std::move(html.chrome), {}};
}

constexpr std::array<std::string_view, 5> kMarkdownExtensions{".md", ".markdown", ".mdx", ".mdown", ".mkd"};
constexpr std::array<std::string_view, 3> kHtmlExtensions{".html", ".htm", ".xhtml"};
constexpr std::array<std::string_view, 2> kJsonLinesExtensions{".jsonl", ".ndjson"};

// In the order detection tries them; Text is what no other format claims.
const std::array<InputFormat, 4> kFormats{{
    {{Format::Text, "text", {}, "any other file whose first bytes are text (.txt, no extension, an unknown one)",
      "one per file: a scraped page"},
     nullptr, as_text, Split::OnePage, true},
    {{Format::Markdown, "markdown", kMarkdownExtensions, "",
      "one per question heading (and per topic of a book-sized page), plus one for the rest of the page"},
     nullptr, from_markdown, Split::QuestionHeadings, false},
    {{Format::Html, "html", kHtmlExtensions, "a file whose first bytes are an HTML doctype or html element", "one per file"},
     looks_like_html, from_html, Split::OnePage, true},
    {{Format::JsonLines, "jsonl", kJsonLinesExtensions, "a file whose first line is a JSON object", "one per line"},
     looks_like_json_lines, nullptr, Split::Lines, true},
}};

}  // namespace

const InputFormat& input_format(Format format) {
    for (const InputFormat& f : kFormats)
        if (f.info.format == format) return f;
    return kFormats.front();  // Auto: as text
}

}  // namespace qbank::indexer

namespace qbank {

std::span<const FormatInfo> formats() {
    static const std::vector<FormatInfo> infos = [] {
        std::vector<FormatInfo> out;
        for (const indexer::InputFormat& f : indexer::kFormats) out.push_back(f.info);
        return out;
    }();
    return infos;
}

std::string format_choices() {
    std::string out = "auto";
    for (std::size_t i = 0; i < formats().size(); ++i)
        out += std::string(i + 1 == formats().size() ? " or " : ", ") + std::string(formats()[i].name);
    return out;
}

std::string_view to_string(Format format) {
    return format == Format::Auto ? "auto" : indexer::input_format(format).info.name;
}

std::optional<Format> format_from_string(std::string_view name) {
    if (name == "auto") return Format::Auto;
    for (const FormatInfo& f : formats())
        if (f.name == name) return f.format;
    return std::nullopt;
}

Format detect_format(std::string_view path, std::string_view first_bytes) {
    std::string extension = indexer::lower_ascii(std::filesystem::path(path).extension().string());
    for (const FormatInfo& f : formats())
        for (std::string_view ext : f.extensions)
            if (ext == extension) return f.format;
    std::string_view head = first_bytes;
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    while (!head.empty() && (head.front() == ' ' || head.front() == '\t' || head.front() == '\n' || head.front() == '\r'))
        head.remove_prefix(1);
    for (const indexer::InputFormat& f : indexer::kFormats)
        if (f.sniff != nullptr && f.sniff(head)) return f.info.format;
    return Format::Text;
}

}  // namespace qbank
