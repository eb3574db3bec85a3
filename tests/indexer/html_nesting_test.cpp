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
        {"<a><br><img src=x><!-- <c><d> --><b>x</b></a>", "<a><br><img src=x><!-- <c><d> --><b>x</b></a>"},
        // In HTML "<b/>" opens an element (only SVG and MathML close themselves so).
        {"<a><b/><c>x</c></a>", "<a><b/>x</a>"},
        {"<a><svg><path/><path/><g>x</g></svg></a>", "<a><svg><path/><path/>x</svg></a>"},
        // End tags left out, as the parsing rules allow: rows, cells and terms close their kind.
        {"<table><tr><td>a<td>b<tr><td>c<td>d</table><b>x</b>", "<table><tr>ab<tr>cd</table><b>x</b>"},
        {"<dl><dt>a<dd>b<dt>c<dd>d</dl><b>x</b>", "<dl><dt>a<dd>b<dt>c<dd>d</dl><b>x</b>"},
        {"<p>one<div>two</div>", "<p>one<div>two</div>"},
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

// Review of issue 15: 200,000 "<div/>" took 354 s; 300 rows without end tags cut the rest of the page.
TEST(HtmlNestingTest, SelfClosingDivsAndLongTablesStayLinear) {
    std::string divs;
    for (int i = 0; i < 200000; ++i) divs += "<div/>";
    EXPECT_EQ(cap_html_nesting(divs + "x").size(), kMaxHtmlDepth * 6 + 1);
    std::string table = "<table>";
    for (int i = 0; i < 3000; ++i) table += "<tr><td>a<td>b";
    table += "</table><h2>After?</h2>";
    EXPECT_EQ(cap_html_nesting(table), table);
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
