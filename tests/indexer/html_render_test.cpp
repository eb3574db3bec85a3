// Saved web pages -> the text a person reads on them.

#include "indexer/html_render.h"

#include <gtest/gtest.h>

#include "indexer/normalize.h"

namespace qbank::indexer {
namespace {

// Through normalize_page, which renders the page and tidies spaces and blank lines.
std::string render(std::string_view html) { return normalize_page(html, {}, nullptr, Format::Html).text; }

TEST(HtmlRenderTest, ChromeScriptsAndHiddenElementsGo) {
    std::string html =
        "<!doctype html><html><head><title>T</title><style>p{}</style><script>var x;</script></head><body>"
        "<header>Site name</header><nav><a href=/>Home</a></nav>"
        "<h1>How do you scale a cache?</h1><p>Use <b>consistent</b>&nbsp;hashing.</p>"
        "<div hidden>secret</div><div aria-hidden=\"true\">icon</div><form><button>Go</button></form>"
        "<aside>Ad</aside><footer>© 2026</footer></body></html>";
    EXPECT_EQ(render(html), "# How do you scale a cache?\n\nUse consistent hashing.");
}

// A box named a call to action goes, heading and all; an inline element named so stays.
TEST(HtmlRenderTest, ACallToActionBoxGoes) {
    std::string html =
        "<body><main><h1>Dive Deep</h1><p>Start from the data.</p>"
        "<div class=\"coach-cta\"><h3>Practise this answer with a coach</h3><p>From $129.</p><a>Book now</a></div>"
        "<p>Then read the logs, <span class=cta>one service at a time</span>.</p></main></body>";
    EXPECT_EQ(render(html), "# Dive Deep\n\nStart from the data.\n\nThen read the logs, one service at a time.");
}

// Links marked rel="tag" in the content are its tags, rel="category tag" its category;
// a sidebar's tag cloud is not.
TEST(HtmlRenderTest, RelTagLinksAreTagsAndCategory) {
    std::string html =
        "<body><article><h1>Stories fell</h1><p>Posted in <a rel=\"category tag\" href=/c>Product Analytics</a></p>"
        "<p>Text.</p><footer>Tagged <a rel=tag href=/t/1>metrics</a>, <a rel=tag href=/t/2>experimentation</a>"
        "</footer><aside><a rel=tag href=/t/3>cloud</a></aside></article></body>";
    EXPECT_EQ(render(html), "Category: Product Analytics\nTags: metrics, experimentation\n\n# Stories fell\n\n"
                            "Posted in Product Analytics\n\nText.");
}

// Tags shown in place by a chip list are not stated twice (a line twice is a banner),
// and a Q&A post's vote counters and signature are no text.
TEST(HtmlRenderTest, QAPostTagsVotesAndSignature) {
    std::string html =
        "<body><div itemscope itemtype=\"https://schema.org/Question\"><h1 itemprop=name>Why a restart loop?</h1>"
        "<div class=vote><button>Up</button><span itemprop=upvoteCount>27</span></div>"
        "<div itemprop=text><p>A probe checks the database. What is wrong?</p></div>"
        "<div class=post-tags><a rel=tag class=post-tag>kubernetes</a> <a rel=tag class=post-tag>probes</a></div>"
        "<div itemprop=suggestedAnswer><span itemprop=upvoteCount>9</span><p>Liveness checks the process.</p>"
        "<div class=post-signature>answered 4 days ago by m.oyelaran</div></div></div></body>";
    EXPECT_EQ(render(html), "# Why a restart loop?\n\nA probe checks the database. What is wrong?\n\n"
                            "Tags: kubernetes, probes\n\nLiveness checks the process.");
}

TEST(HtmlRenderTest, MainContentIsReadAlone) {
    std::string html =
        "<body><div class=banner>Status: degraded</div><main><article><header><h2>Q</h2></header>"
        "<p>Answer</p><ul><li>one</li><li>two <i>more</i></li></ul><pre>code\n  indented</pre>"
        "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table></article></main></body>";
    EXPECT_EQ(render(html), "## Q\n\nAnswer\n\n- one\n- two more\n\n```\ncode\n  indented\n```\n\na | b\n1 | 2");
}

// A page that marks no <main>: what follows the block holding its top heading
// and most of its text is chrome, unless it has a heading of its own.
TEST(HtmlRenderTest, WhatFollowsTheContentBlockIsChrome) {
    std::string answer;
    for (int i = 0; i < 12; ++i) answer += "Step " + std::to_string(i) + " of the event loop empties one queue. ";
    answer.pop_back();
    const std::string post = "<div id=post><h2>Why do microtasks run first?</h2><p>" + answer + "</p></div>";
    const std::string after = "<div id=after><p>If you liked this, read more.</p><p>Get a quiz every week.</p></div>";
    EXPECT_EQ(render("<body><div id=top><a href=/>Site</a></div>" + post + after + "</body>"),
              "Site\n\n## Why do microtasks run first?\n\n" + answer);
    // An answer block after the question, with its heading, is content.
    EXPECT_EQ(render("<body>" + post + "<div><h3>Follow-up</h3><p>More.</p></div>" + after + "</body>"),
              "## Why do microtasks run first?\n\n" + answer + "\n\n### Follow-up\n\nMore.");
    // No block holds most of the text: everything is read.
    const std::string question = "<p>Why does a promise callback run before a timer callback set first?</p>";
    const std::string answer_block = "<div><p>Promise callbacks are microtasks and the loop empties them first.</p></div>";
    EXPECT_EQ(render("<body><div><h1>Q</h1>" + question + "</div>" + answer_block + "</body>"),
              "# Q\n\nWhy does a promise callback run before a timer callback set first?\n\n"
              "Promise callbacks are microtasks and the loop empties them first.");
}

TEST(HtmlRenderTest, TitleNamesAPageWithoutTopHeading) {
    EXPECT_EQ(render("<html><head><title> What is  JSX? </title></head><body><p>A syntax.</p></body></html>"),
              "# What is JSX?\n\nA syntax.");
}

TEST(HtmlRenderTest, FragmentText) {
    EXPECT_EQ(html_fragment_text("&hellip;"), "…");
    EXPECT_EQ(html_fragment_text("<p>a</p><p>b &amp; c</p>"), "a\n\nb & c");
    EXPECT_EQ(html_fragment_text("<img src=x alt=y>"), "");
}

// Issue 15: 40,000 nested elements overflowed the call stack of a recursive walk
// and took gumbo 12 GB of parse errors.
TEST(HtmlRenderTest, Issue15_DeepNestingKeepsItsText) {
    constexpr int kDepth = 200000;
    std::string html = "<body><h1>Deep</h1>";
    for (int i = 0; i < kDepth; ++i) html += i % 2 == 0 ? "<div>" : "<span>";
    html += "bottom";
    for (int i = kDepth; i-- > 0;) html += i % 2 == 0 ? "</div>" : "</span>";
    html += "<p>after</p><ul><li>" + std::string(kDepth, '<') + "</ul>";
    EXPECT_EQ(render(html), "# Deep\n\nbottom\n\nafter\n\n- " + std::string(kDepth, '<'));
}

// Issue 12: a chip list that says its own label, and previous/next links to other questions.
TEST(HtmlRenderTest, Issue12_LabelledChipsAndPagerLinks) {
    std::string html =
        "<h1>What is a pipe?</h1><p class=\"q-tags\">Tags: Bash, Processes</p><p>A kernel buffer.</p>"
        "<div class=\"next-prev\"><a href=\"/q/1\">\u2190 What is an inode?</a></div>";
    EXPECT_EQ(render(html), "# What is a pipe?\n\nTags: Bash, Processes\n\nA kernel buffer.");
}

// Issue 12: chips known by their own class, key/value table rows, shares and suggestions in other languages.
TEST(HtmlRenderTest, Issue12_ChipsRowsAndForeignChrome) {
    EXPECT_EQ(render("<div class=\"habilidades\"><span class=\"chip\">Comunicação</span>"
                     "<span class=\"chip\">Negociação</span></div>"),
              "Tags: Comunicação, Negociação");
    EXPECT_EQ(render("<table><tr><th>Tags</th><td>Dive Deep, Ownership</td></tr><tr><th>A</th><th>B</th></tr></table>"),
              "Tags: Dive Deep, Ownership\nA | B");
    EXPECT_EQ(render("<p>Réponse.</p><div class=\"partage\">Partager : <a>LinkedIn</a></div>"
                     "<section class=\"suggestions\"><h3>Vous aimerez aussi</h3><a>Autre question</a></section>"),
              "Réponse.");
}

// Issue 12: a block whose markup names a metadata key holds that key's value.
TEST(HtmlRenderTest, Issue12_BlocksNamedByAKeyAreMetadata) {
    EXPECT_EQ(render("<div class=\"category\">Behavioral</div><h1>Title</h1><p>Text.</p>"
                     "<div class=\"level-badge\">Senior</div><p><span class=\"badge badge-level\">L3</span></p>"),
              "Category: Behavioral\n\n# Title\n\nText.\n\nLevel: Senior\n\nL3");
}

// A <title> cut short names the page by the sentence it cut, as a heading over
// the line that sentence opens; found nowhere, it names nothing.
TEST(HtmlRenderTest, CutTitleIsCompletedFromTheText) {
    std::string page = "<title>Acme Interview Question: How would you find the 10 nearest drivers... | Jobs</title>"
                       "<body><div>Acme</div><div>Interview for Senior Engineer</div>"
                       "<div>How would you find the 10 nearest drivers to a rider? They move.</div></body>";
    EXPECT_EQ(render(page), "Acme\n\nInterview for Senior Engineer\n\n# How would you find the 10 nearest drivers "
                            "to a rider?\n\nHow would you find the 10 nearest drivers to a rider? They move.");
    EXPECT_EQ(render("<title>Something else entirely and more...</title><body><p>Text.</p></body>"), "Text.");
}

// Without an <h1>, the line that shows the <title> heads the page; separators
// between a chip list's items are no chips.
TEST(HtmlRenderTest, ShownTitleHeadsThePageAndChipCommasGo) {
    std::string page = "<title>Abstract class và interface? | Site</title><body><div>PhỏngVấnIT</div>"
                       "<div>Abstract class và interface?</div><div class=q-tags>Thẻ: <span>OOP</span>, "
                       "<span>interface</span></div></body>";
    EXPECT_EQ(render(page), "PhỏngVấnIT\n\n# Abstract class và interface?\n\nTags: OOP, interface");
}

// A wiki export's property table: a block with no text (a status dot) parts no lines,
// and styled spans that touch are separate values; inline code's highlighting is not.
TEST(HtmlRenderTest, PropertyTableValuesStayApart) {
    std::string page = "<body><table><tr><th>Status</th><td><span><div class=dot></div>Ready</span></td></tr>"
                       "<tr><th>Tags</th><td><span class=v>build vs buy</span><span class=v>cost modelling</span></td>"
                       "</tr></table><p>Use <code><span class=k>const</span><span class=n>x</span></code>.</p></body>";
    EXPECT_EQ(render(page), "Status: Ready\nTags: build vs buy · cost modelling\n\nUse constx.");
}

// A path of links is a breadcrumb whatever its element is called, and loses the
// page's own title at its end; an article's footer keeps its tags; "theme-…"
// classes name no topic, a table of contents is chrome.
TEST(HtmlRenderTest, DocsSiteBreadcrumbFooterTagsAndToc) {
    std::string page = "<body><article><nav class=fil-ariane><a>Accueil</a> › <a>Node.js</a> › <a>Fuites</a></nav>"
                       "<div class=theme-doc-toc-mobile><button>On this page</button></div><h1>Fuites</h1>"
                       "<p>Texte.</p><footer><div class=tags-row><b>Tags:</b> <a class=tag>locking</a> <a class=tag>mvcc</a></div>"
                       "<div>Last updated on Feb 3</div></footer></article></body>";
    EXPECT_EQ(render(page), "Accueil › Node.js\n\n# Fuites\n\nTexte.\n\nTags: locking, mvcc");
}

// A forum's topic header: a class names what its last word says ("topic-meta-data" is
// no topic), a block holding a chip list is read part by part, and a badge alone named
// for its key is that key's value; badges side by side stay one meta line.
TEST(HtmlRenderTest, ForumTopicHeaderCategoryBadgeAndTags) {
    std::string page = "<body><h1>Problema N+1</h1><div class=topic-category><a class=badge-category__wrapper>"
                       "<span class=badge-category><span class=badge-category__name>Backend</span></span></a>"
                       "<div class=discourse-tags><a class=discourse-tag>django</a> <a class=discourse-tag>orm</a></div>"
                       "</div><div class=topic-meta-data><span>pablo_r</span> <span>14 feb</span></div><p>Hola.</p></body>";
    EXPECT_EQ(render(page), "# Problema N+1\n\nCategory: Backend\n\nTags: django, orm\n\npablo_r 14 feb\n\nHola.");
    EXPECT_EQ(render("<body><div><span class='badge badge-level'>L3</span><span class='badge'>5 min</span></div></body>"),
              "L3 · 5 min");
    // A list of links to categories names none; "difficulty-tag" is a difficulty, no tag.
    EXPECT_EQ(render("<body><ul><li><a class=category-link>Frontend</a></li><li><a class=category-link>Backend</a>"
                     "</li></ul><div class=difficulty-tag>Hard</div></body>"),
              "- Frontend\n- Backend\n\nDifficulty: Hard");
}

// An editor's export sets titles apart by font size only, in class rules or inline
// styles: a paragraph all in a font 1.3 times the body's or more is a heading; a
// paragraph with one large word in it, or a page that sets no sizes, has none.
TEST(HtmlRenderTest, HeadingsByFontSize) {
    std::string page = "<head><style>.c0{font-size:11pt}.c2{font-weight:700;font-size:20pt}ol.x{font-size:30pt}"
                       ".c11{font-size:15pt}</style></head><body><p><span class=c2>Delivery semantics</span></p>"
                       "<p><span class=c0>Our payment service reads events and writes them to a database.</span></p>"
                       "<p><span class=c11>Question</span></p><p><span class=c0>What does exactly-once mean? "
                       "It is <span class=c2>hard</span>.</span></p>"
                       "<p><span style='font-size:14.7px'>Notes</span></p></body>";
    EXPECT_EQ(render(page), "# Delivery semantics\n\nOur payment service reads events and writes them to a database.\n\n"
                            "## Question\n\nWhat does exactly-once mean? It is hard.\n\nNotes");
    EXPECT_EQ(render("<body><p>Plain</p><p>Text.</p></body>"), "Plain\n\nText.");
    // Found in review: most text unsized (a footer's size is no body's), a page with its
    // own heading elements, and a style sheet of unclosed braces read in one pass.
    EXPECT_EQ(render("<head><style>.s{font-size:11px}.q{font-size:16px}</style></head><body><p class=q>Why?</p>"
                     "<p>Long unstyled answer text here.</p><p class=s>Footer</p></body>"),
              "Why?\n\nLong unstyled answer text here.\n\nFooter");
    EXPECT_EQ(render("<head><style>" + std::string(100000, '{') + ".c2{font-size:20pt}</style></head>"
                     "<body><p>x</p></body>"),
              "x");
}

// A wiki's edit links beside headings and its jump links to navigation are chrome.
TEST(HtmlRenderTest, WikiEditAndJumpLinksGo) {
    std::string page = "<body><a class=mw-jump-link href='#mw-head'>Jump to navigation</a>"
                       "<h2><span class=mw-headline>Question</span><span class=mw-editsection>[<a>edit</a>]</span></h2>"
                       "<p>Why?</p><a class=skip-link href='#main'>Skip to content</a></body>";
    EXPECT_EQ(render(page), "## Question\n\nWhy?");
}

// Styled prose keeps its words, a paragraph citing two sources is no breadcrumb,
// an API's signature is text.
TEST(HtmlRenderTest, ProseSourcesAndSignaturesStay) {
    EXPECT_EQ(render("<p><span class=c1>Measure the change </span><span class=c4>before</span> shipping.</p>"),
              "Measure the change before shipping.");
    EXPECT_EQ(render("<p><a href=/a>RFC 7231</a> / <a href=/b>RFC 9110</a></p>"), "RFC 7231 / RFC 9110");
    EXPECT_EQ(render("<div class=tsd-signature>get(key: K): V | undefined</div>"), "get(key: K): V | undefined");
}

}  // namespace
}  // namespace qbank::indexer
