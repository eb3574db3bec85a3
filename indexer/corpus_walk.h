#pragma once
// Which files a path given to `qbank index` stands for.

#include <string>
#include <vector>

#include "qbank/page.h"

namespace qbank::indexer {

struct CorpusFiles {
    std::vector<std::string> files;    // in name order, spelled from the path as given
    std::vector<Diagnostic> problems;  // paths that do not exist or cannot be listed
    bool is_folder = false;            // the path was a folder (documents below it may be pruned)
};

// A file stands for itself; a folder for every entry below it that is not a
// folder, recursively, except hidden entries (names starting with '.') and the
// folder `exclude` (the index itself, when it lives inside the corpus).
// Symlinked folders are not entered (no loops); symlinks and special files are
// listed so that probe_file can say what is wrong with them.
CorpusFiles list_corpus_files(const std::string& path, const std::string& exclude = {});

}  // namespace qbank::indexer
