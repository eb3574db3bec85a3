#pragma once
// The kinds of input files qbank reads, and how it tells them apart.

#include <optional>
#include <string_view>

#include "qbank/export.h"

namespace qbank {

enum class Format {
    Auto,       // chosen per file by detect_format
    Text,       // a scraped page of plain text (one record)
    Markdown,   // Markdown or MDX: one record per question heading, plus the rest of the page
    Html,       // a saved web page: its main text, read as a text page (one record)
    JsonLines,  // one record per line, in the shape of schema/record.schema.json
};

// "auto", "text", "markdown", "html", "jsonl".
QBANK_API std::string_view to_string(Format format);
// Parses what to_string writes; nullopt for anything else.
QBANK_API std::optional<Format> format_from_string(std::string_view name);

// By extension (.md .markdown .mdx; .html .htm .xhtml; .jsonl .ndjson), else by the
// first bytes (an HTML doctype or <html> tag; a JSON object on the first line),
// else Text. Never returns Auto.
QBANK_API Format detect_format(std::string_view path, std::string_view first_bytes);

}  // namespace qbank
