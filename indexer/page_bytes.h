#pragma once
// Page bytes -> record, with the corpus-wide boilerplate a run has learned.
// qbank::parse_page is this without a corpus.

#include <string>
#include <string_view>

#include "indexer/corpus_boilerplate.h"
#include "qbank/page.h"

namespace qbank::indexer {

PageResult parse_page_bytes(std::string_view bytes, const std::string& source, const std::string& id,
                            const NormalizeOptions& options, const CorpusBoilerplate* corpus);

}  // namespace qbank::indexer
