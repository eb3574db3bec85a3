#include "indexer/file_probe.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace qbank::indexer {

namespace {

std::string reason_for(int error) {
    switch (error) {
        case ENOENT: return "vanished before it could be read";
        case ELOOP: return "symlink loop";
        case EACCES: return "permission denied";
        default: return std::strerror(error);
    }
}

std::int64_t mtime_ns_of(const struct stat& st) {
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

std::string limit_text(std::uint64_t bytes) {
    if (bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
}

}  // namespace

std::variant<FileInfo, ProbeProblem> probe_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        int error = errno;
        struct stat link {};
        if (error == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode))
            return ProbeProblem{{path, 0, "broken symlink"}, true};
        return ProbeProblem{{path, 0, reason_for(error)}, error == ENOENT};
    }
    if (!S_ISREG(st.st_mode)) return ProbeProblem{{path, 0, "not a regular file"}, false};
    char resolved[PATH_MAX];
    if (::realpath(path.c_str(), resolved) == nullptr) {
        int error = errno;
        return ProbeProblem{{path, 0, reason_for(error)}, error == ENOENT};
    }
    return FileInfo{path, resolved, std::filesystem::path(path).filename().string(),
                    static_cast<std::uint64_t>(st.st_size), mtime_ns_of(st)};
}

std::variant<std::string, Diagnostic> read_file_bytes(const FileInfo& file, std::uint64_t max_bytes) {
    int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int error = errno;
        return Diagnostic{file.path, 0, error == ENOENT ? "vanished during the run" : reason_for(error)};
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        int error = errno;
        ::close(fd);
        return Diagnostic{file.path, 0, reason_for(error)};
    }
    auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > max_bytes) {
        ::close(fd);
        return Diagnostic{file.path, 0,
                          "larger than the " + limit_text(max_bytes) + " limit (" + std::to_string(size) +
                              " bytes); raise --max-bytes to index it"};
    }
    std::string bytes;
    bytes.resize(size);
    std::size_t got = 0;
    while (true) {
        if (got == bytes.size()) bytes.resize(bytes.size() + 4096);  // the file may have grown
        ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int error = errno;
            ::close(fd);
            return Diagnostic{file.path, 0, "read failed: " + reason_for(error)};
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
        if (got > max_bytes) {
            ::close(fd);
            return Diagnostic{file.path, 0, "grew past the " + limit_text(max_bytes) + " limit while being read"};
        }
    }
    ::close(fd);
    bytes.resize(got);
    return bytes;
}

}  // namespace qbank::indexer
