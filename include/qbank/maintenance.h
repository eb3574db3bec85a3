#pragma once
// Keeping an index healthy: checking it for damage, compacting it in place.
// Both are safe to call from any thread, also while searchers read the index.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "qbank/export.h"

namespace qbank {

struct CheckReport {
    std::size_t documents = 0;
    std::vector<std::string> problems;  // empty when the index is sound
    // False when the tables could not be checked because the index cannot be
    // written (a read-only filesystem, no permission): Xapian's table check opens
    // them for writing. The documents were still checked.
    bool tables_checked = true;

    bool ok() const { return problems.empty(); }
};

// Checks the index at `path`: Xapian's structural check of every table (when it can
// be written: see CheckReport::tables_checked), then the
// schema version, exactly one id term per document, every facet and source value,
// and every stored record. Damage is reported, not thrown.
// Throws IndexMissingError only when there is no index at `path`.
QBANK_API CheckReport check_index(const std::string& path);

struct CompactReport {
    std::uint64_t bytes_before = 0;
    std::uint64_t bytes_after = 0;
};

// Rewrites the index compactly beside itself and swaps the copy in with one atomic
// rename; searchers that have it open keep working. Holds the write lock meanwhile.
// Throws IndexLockedError (a writer is active), IndexMissingError, IndexIOError.
QBANK_API CompactReport compact_index(const std::string& path);

}  // namespace qbank
