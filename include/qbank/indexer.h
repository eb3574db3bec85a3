#pragma once
// Writing pages into a qbank index on disk.
// One Indexer per index at a time: a second one (in any process) gets
// Error::Kind::IndexLocked. An Indexer is not thread-safe; Searchers may read
// the index while it writes and see the last committed state.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "qbank/page.h"

namespace qbank {

struct IndexSummary {
    std::size_t added = 0;      // new documents
    std::size_t replaced = 0;   // documents that existed and were rewritten
    std::vector<Diagnostic> skipped;  // files that could not be indexed, one or more lines each
    std::size_t files_skipped = 0;
};

class Indexer {
public:
    // Opens the index at `db_path` for writing, creating it (and its parent folders) if missing.
    // Throws Error: IndexLocked, SchemaMismatch, IndexUnavailable.
    explicit Indexer(const std::string& db_path, NormalizeOptions options = {});
    ~Indexer();
    Indexer(Indexer&&) noexcept;
    Indexer& operator=(Indexer&&) noexcept;

    // Parses each file (folders recursively, in name order; hidden entries skipped) and
    // stages its record. A page that cannot be read or parsed is reported in the
    // summary and skipped; the rest are staged.
    void add_path(const std::string& path);

    // Stages a ready record, replacing any document with the same id.
    void add_record(const Record& record);

    // Writes everything staged since the last commit in one transaction and returns
    // what changed. Nothing staged is visible to readers before this returns.
    IndexSummary commit();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace qbank
