// Markdown -> text: structure kept, markup and navigation gone. Checked through
// normalize_page, which renders the Markdown and tidies blank lines.

#include "indexer/markdown_render.h"

#include <gtest/gtest.h>

#include "indexer/normalize.h"

namespace qbank::indexer {
namespace {

std::string render(std::string_view markdown) {
    return normalize_page(markdown, {}, nullptr, Format::Markdown).text;
}

TEST(MarkdownRenderTest, LinksKeepTheirWordsImagesAndTagsGo) {
    EXPECT_EQ(render("See [the docs](https://example.com/x) and ![logo](logo.png) <kbd>here</kbd>.\n"),
              "See the docs and  here.");
}

// Issue 14: links parted by "<br/>" in a table cell ran together ("queue.acm.orgstackexchange.com").
TEST(MarkdownRenderTest, TagsThatPartWordsLeaveASpace) {
    EXPECT_EQ(render("| a | [queue.acm.org](http://q)<br/>[stackexchange.com](http://s)<BR>end</p>x |\n|---|---|\n"),
              "a | queue.acm.org stackexchange.com end x");
    EXPECT_EQ(render("One<b>word</b> and <code>x</code>y\n"), "Oneword and xy");
}

// A paragraph's lines are one line, but a question ends its line: questions written
// one to a line without list marks stay apart.
TEST(MarkdownRenderTest, AQuestionMarkEndsItsLine) {
    EXPECT_EQ(render("Wrapped prose goes\non one line.\n\nHow did you decide?\nWho did you tell?\nWhat next? A plan.\n"),
              "Wrapped prose goes on one line.\n\nHow did you decide?\nWho did you tell?\nWhat next? A plan.");
}

TEST(MarkdownRenderTest, HeadingsListsAndCodeKeepTheirShape) {
    std::string md =
        "# Title\n\nIntro *text* with `code`.\n\n## Part\n\n- one\n- two\n  1. nested\n\n```js\n"
        "# not a heading\nlet x = 1;\n```\n";
    EXPECT_EQ(render(md),
              "# Title\n\nIntro text with code.\n\n## Part\n\n- one\n- two\n  1. nested\n\n```\n"
              "# not a heading\nlet x = 1;\n```");
}

TEST(MarkdownRenderTest, EntitiesAreDecoded) {
    EXPECT_EQ(render("Fish &amp; chips &hellip; &#8212; &lt;div&gt;\n"), "Fish & chips … — <div>");
}

TEST(MarkdownRenderTest, TablesOfContentsAndBackToTopLinksGo) {
    std::string md =
        "| No. | Questions |\n| --- | --- |\n| 1 | [What is React?](#what-is-react) |\n\n"
        "- [Caching](#caching)\n\n**[⬆ Back to Top](#table-of-contents)**\n\nSee [caching](#caching) below.\n";
    EXPECT_EQ(render(md), "No. | Questions\n\nSee caching below.");
}

TEST(MarkdownRenderTest, FrontMatterTitleBecomesTheTopHeading) {
    EXPECT_EQ(render("---\ntitle: \"What is `this`?\"\nsidebar_label: x\n---\n\nAnswer.\n"),
              "# What is this?\n\nAnswer.");
    EXPECT_EQ(render("---\ntitle: >-\n  A long\n  title\n---\nBody.\n"), "# A long title\n\nBody.");
    // A page with its own top heading keeps it.
    EXPECT_EQ(render("---\ntitle: Meta\n---\n# Own\n"), "# Own");
}

TEST(MarkdownRenderTest, MdxStatementsAndAdmonitionMarkersGo) {
    std::string md =
        "import TOCInline from '@theme/TOCInline';\n\n<TOCInline toc={toc} />\n\n:::info Latest version\n\n"
        "Read it there.\n\n:::\n\nexport const x = 1;\n";
    EXPECT_EQ(render(md), "Latest version\n\nRead it there.");
}

TEST(MarkdownRenderTest, HtmlBlocksKeepTheirText) {
    EXPECT_EQ(render("<details><summary>Show answer</summary>\n\n<p>It &amp; more</p></details>\n"),
              "Show answer\n\nIt & more");
}

TEST(MarkdownRenderTest, BoldQuestionBecomesASubheading) {
    EXPECT_EQ(render("### Explain closures\n\nText.\n\n**Why would you use one?**\n\nPrivacy.\n"),
              "### Explain closures\n\nText.\n\n#### Why would you use one?\n\nPrivacy.");
    // Bold words inside a sentence are not a heading.
    EXPECT_EQ(render("**Note:** is this a question?\n"), "Note: is this a question?");
}

TEST(MarkdownRenderTest, BrokenFenceSwallowsOnlyItsOwnQuestion) {
    // The fence in item 1 is indented too little to belong to it, so by the rules it
    // never closes; item 2 must still be read as a heading, not as code.
    std::string md =
        "1. ### First?\n\n   Text.\n\n     1. step\n\n          ```js\n          a();\n      ```\n\n"
        "2. ### Second?\n\n   Answer two.\n";
    std::string text = render(md);
    EXPECT_NE(text.find("\n### Second?\n"), std::string::npos) << text;
    EXPECT_NE(text.find("Answer two."), std::string::npos) << text;
}

TEST(MarkdownRenderTest, FenceLikeLinesInsideCodeStayInside) {
    EXPECT_EQ(render("````md\n```js\nx\n```\n````\n"), "```\n    ```js\nx\n    ```\n```");
}

// Issue 12: headings whose whole body is a link to another file of the site.
TEST(MarkdownRenderTest, Issue12_HeadingsThatOnlyLinkElsewhereAreListed) {
    std::string md =
        "# Book\n\n### Design Pastebin\n\n[View exercise and solution](solutions/pastebin/README.md)\n\n"
        "![Imgur](images/4edXG0T.png)\n\n"
        "### Design a crawler\n\nFirst [read this](crawler.md), then design it.\n\n"
        "### Design Mint\n\n[Solution](https://example.com/mint)\n\n"
        "### Design a cache\n\n[One](a.md) [two](b.md)\n\n"
        "### Design a queue\n\n[Solution](queue.md#design)\n\n```\ncode\n```\n";
    std::vector<HeadingLink> links = render_markdown(md).heading_links;
    ASSERT_EQ(links.size(), 1u);  // the others hold words, a URL, two targets or code
    EXPECT_EQ(links[0].heading, "Design Pastebin");
    EXPECT_EQ(links[0].href, "solutions/pastebin/README.md");
    EXPECT_EQ(normalize_page(md, {}, nullptr, Format::Markdown).heading_links.size(), 1u);
}

// Issue 12: a paragraph of nothing but short code spans is a tag list; code in prose stays code.
TEST(MarkdownRenderTest, Issue12_ParagraphOfCodeSpansIsATagList) {
    EXPECT_EQ(render("`kafka` `idempotency` `distributed-systems`\n"), "Tags: kafka, idempotency, distributed-systems");
    EXPECT_EQ(render("`javascript`\n"), "Tags: javascript");
    EXPECT_EQ(render("`npm install`\n"), "npm install");
    EXPECT_EQ(render("`x = 1` `y = 2`\n"), "x = 1, y = 2");
    EXPECT_EQ(render("Run `npm test` first.\n"), "Run npm test first.");
    EXPECT_EQ(render("**Tags:** `arrays` `two-pointers`\n"), "Tags: arrays, two-pointers");
}

// Issue 15: a line of nothing but fence marks outside a fence (a table cell, an
// HTML block, escaped backticks) used to throw out of the renderer, losing the page.
TEST(MarkdownRenderTest, Issue15_StrayFenceMarksAlone) {
    EXPECT_EQ(render("| a |\n|---|\n| ``` |\n"), "a");
    EXPECT_EQ(render("<div>\n```\n</div>\n\nText.\n"), "Text.");
    EXPECT_EQ(render("\\`\\`\\`\n\nText.\n"), "Text.");
}

// Issue 15: nesting as deep as a file can make it renders without exhausting
// the stack (md4c keeps its own stacks); the words stay.
TEST(MarkdownRenderTest, Issue15_DeepNestingRenders) {
    EXPECT_NE(render("# T\n\n" + std::string(100000, '>') + " deep quote\n").find("deep quote"), std::string::npos);
    std::string list = "# T\n\n";
    for (int i = 0; i < 3000; ++i) list += std::string(2 * i, ' ') + "- item" + std::to_string(i) + "\n";
    EXPECT_NE(render(list).find("item2999"), std::string::npos);
    std::string inline_nesting = "# T\n\n" + std::string(50000, '*') + "x" + std::string(50000, '*') + " " +
                                 std::string(50000, '[') + "y" + std::string(50000, ']') + "(u)\n";
    EXPECT_NE(render(inline_nesting).find('y'), std::string::npos);
}

// Notes apps' Markdown: a callout's title is a label of its own, a GitHub alert's
// marker goes and its text stays; comments (%% … %%), inline fields (up:: …) and
// live queries (```dataview) go; C++'s "::" stays.
TEST(MarkdownRenderTest, CalloutsAlertsAndNoteMarkup) {
    EXPECT_EQ(render("> [!question] Prompt\n> Why does 2PC block?\n"), "Prompt:\n\nWhy does 2PC block?");
    EXPECT_EQ(render("> [!TIP] Prefer a custom hook\n"), "Prefer a custom hook");
    EXPECT_EQ(render("up:: [[Systems MOC]]\n%% source: a mock loop %%\n%%\nprivate\n%%\n"
                     "```dataview\nLIST FROM #db\n```\nstd::vector holds its items.\n"),
              "std::vector holds its items.");
}

// A type signature, a badge, a "%%" in code and an unclosed "%%" are no note markup.
TEST(MarkdownRenderTest, NoteMarkupLeavesCodeAndBadgesAlone) {
    EXPECT_EQ(render("    fmap :: (a -> b) -> f a -> f b\n"), "```\nfmap :: (a -> b) -> f a -> f b\n```");
    EXPECT_EQ(render("> [![Build](https://img.example/b.svg)](https://ci.example)\n"), "");  // an image alone
    EXPECT_EQ(render("Run it:\n\n%%timeit sum(range(10))\n\nIt takes 1 µs.\n"),
              "Run it:\n\n%%timeit sum(range(10))\n\nIt takes 1 µs.");
}

// A kramdown or Pandoc attribute list styles its block and goes, alone on its line or
// ending one; braces of prose or code stay.
TEST(MarkdownRenderTest, AttributeListsGo) {
    EXPECT_EQ(render("**Level:** mid {: .notice--info}\n\n> Why CORS?\n{: .question}\n"), "Level: mid\n\nWhy CORS?");
    EXPECT_EQ(render("## Preflight {#preflight}\n\nText.\n"), "## Preflight\n\nText.");
    EXPECT_EQ(render("Use a set {a, b}\n\n```\nx = {.a}\n```\n"), "Use a set {a, b}\n\n```\nx = {.a}\n```");
    EXPECT_EQ(render("A block opens with {#if} and a class reads {.active}\n"),
              "A block opens with {#if} and a class reads {.active}");
}

}  // namespace
}  // namespace qbank::indexer
