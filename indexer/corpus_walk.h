#pragma once
// Which files a path given to `qbank index` stands for.

#include <string>
#include <vector>

#include "qbank/page.h"

namespace qbank::indexer {

struct ListedFile {
    std::string path;  // spelled from the path as given
    std::string name;  // FileInfo::name: "corpus/a/x.md" for corpus/a/x.md below the folder corpus/ given
};

struct CorpusFiles {
    std::vector<ListedFile> files;     // in path order
    std::vector<Diagnostic> problems;  // paths that do not exist or cannot be listed
    bool is_folder = false;            // the path was a folder
    // Every entry below the folder was listed: only then may documents of files
    // missing from the listing be pruned.
    bool complete = true;
    std::string canonical;             // the folder's canonical path, when is_folder
};

// A file stands for itself; a folder for every entry below it that is not a
// folder, recursively, except hidden entries (names starting with '.'), the
// folder `exclude` (the index itself, when it lives inside the corpus) and
// entries matching one of `patterns` (shell globs: one without '/' matches an
// entry's name, one with '/' its path below the folder).
// Symlinked folders are not entered (no loops); symlinks and special files are
// listed so that probe_file can say what is wrong with them. A subfolder that
// cannot be read is reported and skipped; the walk goes on.
CorpusFiles list_corpus_files(const std::string& path, const std::string& exclude = {},
                              const std::vector<std::string>& patterns = {});

}  // namespace qbank::indexer
