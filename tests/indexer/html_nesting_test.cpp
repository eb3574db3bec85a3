// Markup nested past the cap loses the excess start and end tags, never text.

#include "indexer/html_nesting.h"

#include <gtest/gtest.h>

namespace qbank::indexer {
namespace {

TEST(HtmlNestingTest, TagsPastTheCapGoWithTheirEndTags) {
    const std::pair<std::string, std::string> cases[] = {
        {"", ""},
        {"plain text", "plain text"},
        {"<a><b>x</b></a>", "<a><b>x</b></a>"},
        {"<a><b><c><d>x</d></c></b></a>", "<a><b>x</b></a>"},
        {"<a><b><c>x</c><c>y</c></b></a>", "<a><b>xy</b></a>"},
        // Void, self-closing, comments and raw text open nothing.
        {"<a><br><img src=x><b/><!-- <c><d> --><b>x</b></a>", "<a><br><img src=x><b/><!-- <c><d> --><b>x</b></a>"},
        {"<a><script>if (a<b) { '<c><d>' }</script><b>x</b></a>", "<a><script>if (a<b) { '<c><d>' }</script><b>x</b></a>"},
        // Paragraphs and list items left open close at the next of their kind.
        {"<ul><li>1<li>2<li><b>3</b></ul>", "<ul><li>1<li>2<li>3</ul>"},
        {"<p>1<p>2<p>3", "<p>1<p>2<p>3"},
        // Attributes may hold '>' in quotes; a stray end tag is ignored.
        {"<a title='>'><b>x</b></z></a>", "<a title='>'><b>x</b></z></a>"},
        {"<a><b title=\"<c>\"><c>x</c></b></a>", "<a><b title=\"<c>\">x</b></a>"},
        {"a < b <3 <!doctype html>", "a < b <3 <!doctype html>"},
        {"<a><b><c unclosed", "<a><b><c unclosed"},
    };
    for (const auto& [html, expected] : cases) EXPECT_EQ(cap_html_nesting(html, 2), expected) << html;
}

TEST(HtmlNestingTest, DeepPagesKeepAllTheirText) {
    std::string html;
    for (int i = 0; i < 100000; ++i) html += "<div>" + std::to_string(i);
    std::string capped = cap_html_nesting(html);
    EXPECT_EQ(capped.size(), html.size() - (100000 - kMaxHtmlDepth) * 5);
    EXPECT_NE(capped.find("99999"), std::string::npos);
}

}  // namespace
}  // namespace qbank::indexer
