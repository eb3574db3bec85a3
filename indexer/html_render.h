#pragma once
// A saved web page -> the text a person reads on it, shaped like a scraped text
// page: headings as "# " lines, list items as "- " lines, preformatted text in
// ``` fences, one line per paragraph or table row. Scripts, styles, forms,
// navigation, site header and footer, asides and hidden elements are dropped;
// when the page marks its content (<main>, or one <article>), only that is read;
// when it does not, what follows the block that holds its top heading and most
// of its text, and has no heading of its own, is chrome.
// Parsed with gumbo (HTML5 rules, entities decoded). Pure.

#include <string>
#include <string_view>
#include <vector>

namespace qbank::indexer {

struct RenderedHtml {
    std::string text;
    std::vector<std::string> chrome;  // the text of each chrome element dropped
};

// Breadcrumbs (by class, id, ARIA label or schema.org type) become one line
// "Home › Behavioral › Senior", chip lists (class "tags", "skills", …) one line
// "Tags: SQL, Indexing". Chrome is also named by class and id words (cookie,
// share, related, comments, …); its text is returned apart. A <title> used as the
// page's heading loses its site name ("What is JSX? | PrepSite").
RenderedHtml render_html(std::string_view html);

// The text of an HTML fragment (an HTML block inside Markdown, an entity such as
// "&hellip;"), as render_html reads it.
std::string html_fragment_text(std::string_view html);

}  // namespace qbank::indexer
