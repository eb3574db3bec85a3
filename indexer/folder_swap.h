#pragma once
// Putting a database written beside an index into its place, for writers that
// build a new index whole (compaction, a run too large for memory).

#include <filesystem>
#include <string>

namespace qbank::indexer {

// The folder an index path names ("index/" names "index").
std::filesystem::path index_folder(const std::string& given);

// Puts `fresh` at `path` and what was at `path` at `fresh`, in one step where the
// filesystem allows it (elsewhere two renames leave a moment with nothing at `path`).
// `fresh` is synced to disk first, so it may have been written without syncs.
// Readers that have the old index open keep reading it until they reopen.
// Throws std::filesystem::filesystem_error.
void swap_folders(const std::filesystem::path& path, const std::filesystem::path& fresh);

}  // namespace qbank::indexer
