#pragma once
// Raw page bytes -> clean text. Pure: no I/O, no Xapian.
//
// Rejects empty, binary and invalid UTF-8 input. Otherwise: BOM dropped, NFC,
// LF line endings, exotic spaces made plain, invisible characters (zero-width
// space, soft hyphen, controls) dropped, trailing spaces and repeated blank
// lines trimmed; Markdown and HTML rendered to text (markdown_render.h,
// html_render.h); then repeated boilerplate removed (see boilerplate.h).
// normalize_page(normalize_page(x).text) == normalize_page(x).text.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/corpus_boilerplate.h"
#include "indexer/markdown_render.h"
#include "qbank/format.h"
#include "qbank/page.h"
#include "qbank/record.h"

namespace qbank::indexer {

struct NormalizedPage {
    std::string text;
    std::vector<RemovedBlock> removed;
    std::vector<HeadingLink> heading_links;  // Markdown: headings whose body only links to another file
    // When not empty, the page was rejected and `text` is empty.
    std::string error;
    std::size_t error_line = 0;  // 1-based line of the error, 0 if none
};

// `corpus` (may be null) adds boilerplate learned across the corpus to what is removed.
// `format` says how the bytes are marked up (Auto and JsonLines: as Text).
NormalizedPage normalize_page(std::string_view bytes, const NormalizeOptions& options = {},
                              const CorpusBoilerplate* corpus = nullptr, Format format = Format::Text);

// The hashed candidate boilerplate units of a page, for CorpusBoilerplate::learn;
// empty for a page that normalize_page would reject.
std::vector<std::uint64_t> learnable_units(std::string_view bytes, const NormalizeOptions& options,
                                           Format format = Format::Text);

// Text in UTF-16 with a byte-order mark (as Windows editors save it) as UTF-8;
// nullopt for other bytes. Unpaired surrogates become U+FFFD.
std::optional<std::string> utf16_as_utf8(std::string_view bytes);

// The character-level steps above (BOM, NFC, line endings, spaces, invisible
// characters, blank lines) on valid UTF-8.
std::string clean_text(std::string_view utf8);


}  // namespace qbank::indexer
