#include "indexer/folder_swap.h"

#include <fcntl.h>   // AT_FDCWD, open
#include <stdio.h>   // renameat2
#include <unistd.h>  // fsync, close

#include <cerrno>
#include <system_error>

namespace qbank::indexer {

namespace fs = std::filesystem;

namespace {

std::error_code last_error() { return {errno, std::generic_category()}; }

void sync(const fs::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw fs::filesystem_error("cannot open to sync", path, last_error());
    bool synced = ::fsync(fd) == 0;
    std::error_code error = last_error();
    ::close(fd);
    if (!synced) throw fs::filesystem_error("cannot sync", path, error);
}

// The new index reaches the disk before its name does, whatever wrote it.
void sync_folder(const fs::path& folder) {
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.is_regular_file()) sync(entry.path());
    sync(folder);
}

}  // namespace

fs::path index_folder(const std::string& given) {
    fs::path path = fs::path(given).lexically_normal();
    return path.filename().empty() ? path.parent_path() : path;
}

void swap_folders(const fs::path& path, const fs::path& fresh) {
    sync_folder(fresh);
    if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) != 0) {
        if (errno != EINVAL && errno != ENOSYS)
            throw fs::filesystem_error("cannot swap in the new index", fresh, path, last_error());
        fs::path old = fresh.string() + ".old";
        fs::rename(path, old);
        try {
            fs::rename(fresh, path);
        } catch (const fs::filesystem_error&) {
            fs::rename(old, path);  // put the old index back
            throw;
        }
        fs::rename(old, fresh);
    }
    fs::path parent = path.parent_path();
    sync(parent.empty() ? fs::path(".") : parent);
}

}  // namespace qbank::indexer
