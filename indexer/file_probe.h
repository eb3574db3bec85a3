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

// Reasons that mean the file is gone, so its document may go too.
inline constexpr std::string_view kVanishedReason = "vanished before it could be read";
inline constexpr std::string_view kBrokenSymlinkReason = "broken symlink";

struct FileInfo {
    std::string path;       // as listed
    std::string canonical;  // absolute, symlinks resolved: the file's identity across runs
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
};

// stat() of a listed file.
std::variant<FileInfo, Diagnostic> probe_file(const std::string& path);

// The file's bytes, or why they cannot be had; files over `max_bytes` are refused
// without being read.
std::variant<std::string, Diagnostic> read_file_bytes(const FileInfo& file, std::uint64_t max_bytes);

}  // namespace qbank::indexer
