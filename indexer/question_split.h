#pragma once
// A Markdown handbook, rendered and normalized, -> its records. Pure.
//
// A heading that asks ("What is JSX?", "Explain event delegation", "Design a
// web crawler", "什么是闭包？") is a question heading. When one heading level
// holds two or more of them, each becomes a record: the heading is its title
// and question, the text under it its "Answer" section, its subheadings (and
// headings at its level that ask nothing, up to the next question) its other
// sections; the nearest heading above it is its category and the ones
// above that its tags. The rest of the page (its introduction, and headings
// that ask nothing) becomes one more record titled by the page, when it holds
// any text. A page with fewer question headings is one record.

#include <string>
#include <string_view>
#include <vector>

#include "indexer/markdown_render.h"
#include "qbank/record.h"

namespace qbank::indexer {

struct SplitRecord {
    Record record;         // without id, source and removed blocks
    std::string fragment;  // the question heading's anchor ("what-is-jsx"); empty for the page record
};

// A heading whose whole body is a link to another file: it makes no record, and
// lends that file a title instead.
struct TitleLink {
    std::string title;     // the heading, as a record would be titled
    std::string fragment;  // the heading's anchor
    std::string href;      // as written
};

struct SplitPage {
    std::vector<SplitRecord> records;
    std::vector<TitleLink> title_links;
};

// `text` comes from normalize_page with Format::Markdown, `links` too; a heading
// of `links` ends the answer above it as a question heading would. `fallback_title`
// names a page with no heading and no text to take a title from (the file's name).
SplitPage split_questions(std::string_view text, std::string_view fallback_title,
                          const std::vector<HeadingLink>& links = {});

// Whether a heading asks something.
bool is_question_heading(std::string_view heading);

// Whether a paragraph asks something: a question mark in it, or a heading's test
// on its opening ("Describe a time…", "Walk me through…") or on its last sentence
// ("A table has 80 million rows. … Explain why the index is not used.").
bool reads_as_question(std::string_view paragraph);

// The anchor a Markdown site gives a heading: folded, punctuation dropped, spaces as '-'.
std::string heading_anchor(std::string_view heading);

}  // namespace qbank::indexer
