#pragma once
// Looking at and reading one corpus file, turning every way it can fail
// (vanished, symlink loop, too large, unreadable, not a regular file) into a
// one-line reason instead of an exception.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "qbank/page.h"

namespace qbank::indexer {

struct FileInfo {
    std::string path;       // as listed
    std::string canonical;  // absolute, symlinks resolved: the file's identity across runs
    // What record ids are made from, the same on every machine: the path below the
    // folder above the folder indexed ("corpus/a/x.md"), or the name of a file given alone.
    std::string name;
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
};

// Why a listed file cannot be looked at, and whether that is because it is gone
// (removed, or a symlink to nothing): only then may its document go too.
struct ProbeProblem {
    Diagnostic diagnostic;
    bool gone = false;
};

// stat() of a listed file; its name is the file name until the caller says otherwise.
std::variant<FileInfo, ProbeProblem> probe_file(const std::string& path);

// The file's bytes, or why they cannot be had; files over `max_bytes` are refused
// without being read.
std::variant<std::string, Diagnostic> read_file_bytes(const FileInfo& file, std::uint64_t max_bytes);

}  // namespace qbank::indexer
