#pragma once
// One collection in several shards, searched as one. Each batch job builds one
// shard from the same corpus (IndexOptions::shard, `qbank index --shard K/N`); a
// stub lists the shards, and a Searcher opens the stub as it opens an index. A
// stub is a folder holding Xapian's stub file (XAPIANDB), one shard per line.

#include <string>
#include <vector>

#include "qbank/export.h"

namespace qbank {

// Writes the stub folder `stub` listing `shards`, each "local:PATH" (an index
// folder; written as its absolute path) or "remote:HOST:PORT" (an index served by
// xapian-tcpsrv), and puts it in place of any stub there in one step: searchers
// that have the old one open read the new list when they reopen.
// Throws BadInputError for a shard that is neither or a local path that holds no
// index, and IndexIOError when the folder cannot be written.
QBANK_API void write_shard_stub(const std::string& stub, const std::vector<std::string>& shards);

}  // namespace qbank
