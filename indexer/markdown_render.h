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
// Pure.

#include <string>
#include <string_view>

namespace qbank::indexer {

// `markdown` must be clean text (see normalize.h).
std::string render_markdown(std::string_view markdown);

}  // namespace qbank::indexer
