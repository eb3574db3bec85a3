#pragma once
// The kinds of input files qbank reads, and how it tells them apart.

#include <optional>
#include <span>
#include <string>
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

// One input format as people choose it and see it described: a row of the one
// table of formats that detection, reading and every list of formats come from.
struct FormatInfo {
    Format format;
    std::string_view name;                         // as typed: --format NAME, the C API's "format"
    std::span<const std::string_view> extensions;  // lower case, with the dot: they decide the format
    std::string_view content;                      // which other files it is, by their first bytes ("" for none)
    std::string_view records;                      // what one file of it becomes
};

// Every format but Auto, in the order detection tries them.
QBANK_API std::span<const FormatInfo> formats();

// The names to choose from, for messages: "auto, text, markdown, html or jsonl".
QBANK_API std::string format_choices();

// "auto", "text", "markdown", "html", "jsonl".
QBANK_API std::string_view to_string(Format format);
// Parses what to_string writes; nullopt for anything else.
QBANK_API std::optional<Format> format_from_string(std::string_view name);

// By extension, else by the first bytes (formats()), else Text. Never returns Auto.
QBANK_API Format detect_format(std::string_view path, std::string_view first_bytes);

}  // namespace qbank
