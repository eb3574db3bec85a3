#pragma once
// The source files an index already holds, read once when a run starts
// (from Slot::Source), so each file can be classified as new, unchanged or
// changed, and vanished files found at the end.

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "schema/source_state.h"

namespace qbank::indexer {

class SourceCatalog {
public:
    struct Entry {
        Xapian::docid docid = 0;
        schema::SourceState state;
    };

    SourceCatalog() = default;
    explicit SourceCatalog(const Xapian::Database& db);

    // The entry for a canonical path, or nullptr. Safe to call from many threads
    // while nothing else changes the catalog.
    const Entry* find(const std::string& canonical) const;

    // Documents whose file lies below one of `folders` (canonical paths) and is not in `seen`.
    std::vector<Xapian::docid> missing_below(const std::vector<std::string>& folders,
                                             const std::unordered_set<std::string>& seen) const;

private:
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace qbank::indexer
