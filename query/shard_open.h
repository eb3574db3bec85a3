#pragma once
// Opening what a Searcher searches: an index folder, or a stub of shards
// (qbank/shards.h). A stub's shards are opened one by one, so that a shard
// that does not answer is left out and named instead of failing the search.

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "qbank/searcher.h"

namespace qbank::query {

struct OpenedIndex {
    Xapian::Database db;
    bool stub = false;  // `db` is a stub's shards, local or remote
    std::vector<MissingShard> missing_shards;  // in stub order
    std::optional<Xapian::Database> lexicon;  // a stub's spelling data (its folder's "lexicon"), when it has one
};

// Opens the index or stub at `path`. `timeout_seconds` bounds each remote
// shard's connection and each of its answers (Xapian's default when unset).
// Throws as Xapian does for an index, IndexCorruptError for a stub line it cannot
// read, and IndexIOError when no shard of a stub answers.
OpenedIndex open_index(const std::string& path, std::optional<double> timeout_seconds);

}  // namespace qbank::query
