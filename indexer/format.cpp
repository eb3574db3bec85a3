#include "qbank/format.h"

#include <nlohmann/json.hpp>

#include <array>
#include <filesystem>
#include <string>
#include <utility>


namespace qbank {
namespace {

constexpr std::array<std::pair<Format, std::string_view>, 5> kNames{{
    {Format::Auto, "auto"},
    {Format::Text, "text"},
    {Format::Markdown, "markdown"},
    {Format::Html, "html"},
    {Format::JsonLines, "jsonl"},
}};

constexpr std::array<std::pair<std::string_view, Format>, 10> kExtensions{{
    {".md", Format::Markdown},
    {".markdown", Format::Markdown},
    {".mdx", Format::Markdown},
    {".mdown", Format::Markdown},
    {".mkd", Format::Markdown},
    {".html", Format::Html},
    {".htm", Format::Html},
    {".xhtml", Format::Html},
    {".jsonl", Format::JsonLines},
    {".ndjson", Format::JsonLines},
}};

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

}  // namespace

std::string_view to_string(Format format) {
    for (const auto& [f, name] : kNames)
        if (f == format) return name;
    return "auto";
}

std::optional<Format> format_from_string(std::string_view name) {
    for (const auto& [f, n] : kNames)
        if (n == name) return f;
    return std::nullopt;
}

Format detect_format(std::string_view path, std::string_view first_bytes) {
    std::string extension = lower_ascii(std::filesystem::path(path).extension().string());
    for (const auto& [ext, format] : kExtensions)
        if (ext == extension) return format;
    std::string_view head = first_bytes;
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    while (!head.empty() && (head.front() == ' ' || head.front() == '\t' || head.front() == '\n' || head.front() == '\r'))
        head.remove_prefix(1);
    if (looks_like_html(head)) return Format::Html;
    if (looks_like_json_lines(head)) return Format::JsonLines;
    return Format::Text;
}

}  // namespace qbank
