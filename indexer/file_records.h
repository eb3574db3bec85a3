#pragma once
// File bytes in any format -> the records they hold, with ids and sources set:
// the one path from input to records, used by the indexer and the public API.

#include <string>
#include <string_view>
#include <vector>

#include "indexer/corpus_boilerplate.h"
#include "indexer/file_probe.h"
#include "indexer/question_split.h"
#include "qbank/format.h"
#include "qbank/page.h"

namespace qbank::indexer {

// A question heading whose whole answer links to another file: no record of its
// own, but the title of the linked file's record too (FileSync::lend_title).
struct LentTitle {
    std::string title;
    std::string fragment;         // the heading's anchor in this file
    std::string target;           // the linked file: an absolute path, normalized lexically
    std::string target_fragment;  // the "#anchor" of the link, if any
};

struct FileRecords {
    // Fragments are unique within the file; ids derive from the file's name and the fragment
    // unless the input gave one (JSON Lines). The file's removed boilerplate goes on its first record.
    std::vector<SplitRecord> records;
    // Without records: why the file was skipped. With records: parts skipped (JSON Lines lines).
    std::vector<Diagnostic> problems;
    std::vector<LentTitle> lent_titles;  // Markdown handbooks
};

// `file.path` names the file in problems and in the records' source, `file.canonical`
// is what its links are resolved against, `file.name` what ids are made from.
// Format::Auto means detect_format.
FileRecords parse_file_bytes(std::string_view bytes, const FileInfo& file, Format format,
                             const NormalizeOptions& options, const CorpusBoilerplate* corpus);

// The units of the file that corpus-wide boilerplate is learned from.
std::vector<std::uint64_t> file_learnable_units(std::string_view bytes, const std::string& shown, Format format,
                                                const NormalizeOptions& options);

}  // namespace qbank::indexer
