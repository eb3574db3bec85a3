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
// except hidden entries (names starting with '.'). Symlinks to files are followed,
// symlinks to folders are not (no loops).
CorpusFiles list_corpus_files(const std::string& path);

}  // namespace qbank::indexer
