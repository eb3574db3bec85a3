#pragma once
// Raw page bytes -> clean text. Pure: no I/O, no Xapian.
//
// Rejects empty, binary and invalid UTF-8 input. Otherwise: BOM dropped, NFC,
// LF line endings, exotic spaces made plain, invisible characters (zero-width
// space, soft hyphen, controls) dropped, trailing spaces and repeated blank
// lines trimmed, then repeated boilerplate removed (see boilerplate.h).
// normalize_page(normalize_page(x).text) == normalize_page(x).text.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/corpus_boilerplate.h"
#include "qbank/page.h"
#include "qbank/record.h"

namespace qbank::indexer {

struct NormalizedPage {
    std::string text;
    std::vector<RemovedBlock> removed;
    // When not empty, the page was rejected and `text` is empty.
    std::string error;
    std::size_t error_line = 0;  // 1-based line of the error, 0 if none
};

// `corpus` (may be null) adds boilerplate learned across the corpus to what is removed.
NormalizedPage normalize_page(std::string_view bytes, const NormalizeOptions& options = {},
                              const CorpusBoilerplate* corpus = nullptr);

// The hashed candidate boilerplate units of a page, for CorpusBoilerplate::learn;
// empty for a page that normalize_page would reject.
std::vector<std::uint64_t> learnable_units(std::string_view bytes, const NormalizeOptions& options);


}  // namespace qbank::indexer
