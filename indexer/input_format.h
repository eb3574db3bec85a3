#pragma once
// The one table of input formats: per format, its public row (qbank/format.h:
// name, extensions, content, records), how its first bytes are recognized, how
// its bytes become page text, and how page text becomes records. Detection, the
// normalizer and the record reader all read it; nothing else switches on a format.

#include <string>
#include <string_view>
#include <vector>

#include "indexer/markdown_render.h"
#include "qbank/format.h"

namespace qbank::indexer {

// A page's text with its markup rendered away, and what the markup told.
struct RenderedPage {
    std::string text;
    std::vector<std::string> chrome;          // HTML: the text of elements named as chrome by their markup
    std::vector<HeadingLink> heading_links;   // Markdown: headings whose body only links to another file
};

// How page text becomes records.
enum class Split {
    OnePage,           // the page is one record
    QuestionHeadings,  // a record per question heading, plus one for the rest (indexer/question_split.h)
    Lines,             // no page: a record per line, as given (indexer/json_lines.h)
};

struct InputFormat {
    FormatInfo info;
    bool (*sniff)(std::string_view first_bytes);  // recognizes the format by content; nullptr: never
    RenderedPage (*render)(std::string clean_text);  // clean text (normalize.h) -> page text; nullptr for Lines
    Split split;
    // A sentence that recurs on a page is a banner the scraper repeated (indexer/boilerplate.h);
    // false for an author's own source, where a sentence written under two questions answers both.
    bool repeats_are_banners;
};

// The row of a format; Auto reads as Text.
const InputFormat& input_format(Format format);

}  // namespace qbank::indexer
