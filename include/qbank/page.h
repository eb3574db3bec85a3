#pragma once
// Reading input without an index: bytes -> clean text -> records.
// Pure functions; safe to call from any number of threads.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qbank/export.h"
#include "qbank/format.h"
#include "qbank/record.h"

namespace qbank {

// A problem with one input file, printed like a compiler message:
// "corpus/page.txt:412: error: invalid UTF-8 byte 0xC3 at offset 9031".
struct QBANK_API Diagnostic {
    std::string path;
    std::size_t line = 0;  // 1-based; 0 when the problem is not tied to a line
    std::string message;

    std::string to_string() const;
};

struct NormalizeOptions {
    // A sentence or line must have at least this many characters (code points)
    // before a repeat of it counts as boilerplate; shorter repeats ("---",
    // "Result:") are structure, not banners.
    std::size_t min_boilerplate_chars = 20;
};

// Either a record, or the problems that explain why there is none.
struct PageResult {
    std::optional<Record> record;
    std::vector<Diagnostic> problems;
};

// Normalizes and parses the bytes of one text page. `source` is reported in
// problems and stored in the record; `id` becomes the record id.
QBANK_API PageResult parse_page(std::string_view bytes, const std::string& source, const std::string& id,
                      const NormalizeOptions& options = {});

// The records one file holds (a handbook holds many), and what was wrong with it.
// No records: the file could not be read, and `problems` says why. Records and
// problems: lines that were skipped (JSON Lines).
struct FileResult {
    std::vector<Record> records;
    std::vector<Diagnostic> problems;
};

// Parses file bytes in `format` (Auto: chosen by detect_format from `source` and
// the bytes). Ids are made from `source` and each record's place in the file;
// a record's source is `source`, plus "#anchor" when the file holds several.
QBANK_API FileResult parse_records(std::string_view bytes, const std::string& source, Format format = Format::Auto,
                         const NormalizeOptions& options = {});

// Files larger than this are refused unless the caller says otherwise.
inline constexpr std::uint64_t kDefaultMaxPageBytes = std::uint64_t{16} << 20;

// Reads the file at `path` and parses its records as parse_records does, with ids
// made from its file name, as the indexer makes them for a file given alone.
QBANK_API FileResult read_records(const std::string& path, Format format = Format::Auto, const NormalizeOptions& options = {},
                        std::uint64_t max_bytes = kDefaultMaxPageBytes);


}  // namespace qbank
