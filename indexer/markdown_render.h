#pragma once
// Markdown (CommonMark with GitHub tables, and the MDX that documentation sites
// use) -> the plain text a person reads, keeping its structure in the shape the
// rest of the indexer reads: "#" heading lines, "- " and "1. " list items, code
// in ``` fences, one line per paragraph or table row. Parsed with md4c.
//
// Markup never reaches the text: links keep their words, images and raw HTML
// tags go (an HTML block keeps its text), entities are decoded. Navigation goes:
// a paragraph, list item or table row made only of links within the page (a
// table of contents, "Back to top"). YAML front matter goes, its title becoming
// the top heading when the page has none; MDX import/export lines and the
// ":::" markers of admonitions go. A paragraph that is a bold question
// ("**Why would you use one?**") becomes a heading one level below the last.
// Headings whose body is only a link to another file are listed beside the text.
// Pure.

#include <string>
#include <string_view>
#include <vector>

namespace qbank::indexer {

// A heading whose whole body links to one other file: "### Design Pastebin.com"
// over "[View exercise and solution](solutions/pastebin/README.md)" and a picture.
struct HeadingLink {
    std::string heading;  // as rendered
    std::string href;     // as written: a relative path, maybe with "#anchor"
};

struct RenderedMarkdown {
    std::string text;
    std::vector<HeadingLink> heading_links;  // in page order
};

// `markdown` must be clean text (see normalize.h).
RenderedMarkdown render_markdown(std::string_view markdown);

}  // namespace qbank::indexer
