#pragma once
// Which files a path given to `qbank index` stands for.

#include <string>
#include <vector>

#include "qbank/page.h"

namespace qbank::indexer {

struct CorpusFiles {
    std::vector<std::string> files;        // in name order, spelled from the path as given
    std::vector<Diagnostic> problems;      // paths that do not exist or cannot be listed
};

// A file stands for itself; a folder for every regular file below it, recursively,
// except hidden entries (names starting with '.') and the folder `exclude` (the
// index itself, when it lives inside the corpus). Symlinks to files are followed,
// symlinks to folders are not (no loops).
CorpusFiles list_corpus_files(const std::string& path, const std::string& exclude = {});

}  // namespace qbank::indexer
