#pragma once
// Recognizing the lines of a normalized page that start a section: Markdown
// headings, the section labels interview sites print ("Coach Strategy"),
// labels with the text on the same line ("Sample Answer (Mid-Level) Situation: …",
// "Quick Answer: …") and STAR step labels ("Action – What You Did").

#include <optional>
#include <string>
#include <string_view>

#include "qbank/record.h"

namespace qbank::indexer {

struct Heading {
    std::string text;            // the heading as written, without Markdown marks
    SectionKind kind = SectionKind::Other;
    std::optional<Level> level;  // "Sample Answer (Senior)"
    std::string rest;            // text that followed the label on the same line
};

// The heading that `line` starts, or nullopt for an ordinary line.
std::optional<Heading> parse_heading(std::string_view line);

// The kind a heading's words suggest ("## Common pitfalls" -> CommonMistakes).
SectionKind classify_heading(std::string_view heading);

}  // namespace qbank::indexer
