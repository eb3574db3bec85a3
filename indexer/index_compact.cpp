#include <stdio.h>  // renameat2
#include <fcntl.h>  // AT_FDCWD

#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "indexer/index_writer.h"
#include "qbank/error.h"
#include "qbank/maintenance.h"

namespace qbank {

namespace fs = std::filesystem;

namespace {

std::uint64_t folder_bytes(const fs::path& folder) {
    std::uint64_t total = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.is_regular_file(ec)) total += entry.file_size(ec);
    return total;
}

// Puts `fresh` at `path` and the old index at `fresh`, in one step where the
// filesystem allows it.
void swap_folders(const fs::path& path, const fs::path& fresh) {
    if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) == 0) return;
    if (errno != EINVAL && errno != ENOSYS)
        throw Error(Error::Kind::IndexUnavailable, "cannot swap in compacted index: " + std::string(std::strerror(errno)));
    // No atomic exchange here: two renames leave a moment with no index at `path`.
    fs::path old = fresh.string() + ".old";
    fs::rename(path, old);
    fs::rename(fresh, path);
    fs::rename(old, fresh);
}

}  // namespace

CompactReport compact_index(const std::string& path) {
    if (!fs::exists(path)) throw Error(Error::Kind::IndexUnavailable, "no index at " + path);
    indexer::IndexWriter lock(path, 0);  // no writer may change the index meanwhile
    fs::path fresh = fs::path(path).lexically_normal().string() + ".compacting";
    fs::remove_all(fresh);
    CompactReport report;
    report.bytes_before = folder_bytes(path);
    try {
        Xapian::Database(path).compact(fresh.string(), Xapian::DBCOMPACT_NO_RENUMBER | Xapian::Compactor::FULL);
        report.bytes_after = folder_bytes(fresh);
        swap_folders(path, fresh);
    } catch (const Xapian::Error& e) {
        fs::remove_all(fresh);
        throw Error(Error::Kind::IndexUnavailable, "cannot compact index " + path + ": " + e.get_description());
    }
    fs::remove_all(fresh);  // now the old index; open readers keep their files until they close
    return report;
}

}  // namespace qbank
