#include "indexer/corpus_walk.h"

#include <fnmatch.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace qbank::indexer {

namespace fs = std::filesystem;

namespace {

bool matches_any(const fs::path& entry, const fs::path& folder, const std::vector<std::string>& patterns) {
    std::string name = entry.filename().string();
    std::string below = entry.lexically_relative(folder).string();
    for (const std::string& pattern : patterns) {
        bool by_path = pattern.find('/') != std::string::npos;
        if (::fnmatch(pattern.c_str(), (by_path ? below : name).c_str(), by_path ? FNM_PATHNAME : 0) == 0) return true;
    }
    return false;
}

}  // namespace

CorpusFiles list_corpus_files(const std::string& path, const std::string& exclude,
                              const std::vector<std::string>& patterns) {
    CorpusFiles out;
    std::error_code ec;
    fs::file_status status = fs::symlink_status(path, ec);
    if (ec || !fs::exists(status)) {
        out.problems.push_back({path, 0, "no such file or folder"});
        return out;
    }
    if (!fs::is_directory(fs::status(path, ec))) {
        out.files.push_back({path, fs::path(path).filename().string()});
        return out;
    }
    out.is_folder = true;
    out.canonical = fs::canonical(path, ec).string();
    if (ec) {
        out.problems.push_back({path, 0, "cannot resolve folder: " + ec.message()});
        out.complete = false;
        return out;
    }
    // Named from the folder's own name down, so that ids do not depend on where the corpus lies.
    const fs::path folder_name = fs::path(out.canonical).filename();
    fs::path excluded = exclude.empty() ? fs::path() : fs::weakly_canonical(exclude, ec);
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        std::error_code entry_ec;
        bool is_dir = it->symlink_status(entry_ec).type() == fs::file_type::directory;
        bool hidden = p.filename().string().starts_with(".") || matches_any(p, path, patterns);
        if (is_dir && (hidden || (!excluded.empty() && fs::weakly_canonical(p, entry_ec) == excluded))) {
            it.disable_recursion_pending();
        } else if (is_dir && ::access(p.c_str(), R_OK | X_OK) != 0) {
            // Reported and skipped; its siblings are still listed.
            out.problems.push_back({p.string(), 0, "cannot list folder: " + std::string(std::strerror(errno))});
            out.complete = false;
            it.disable_recursion_pending();
        } else if (!is_dir && !hidden) {
            out.files.push_back({p.string(), (folder_name / p.lexically_relative(path)).string()});
        }
    }
    if (ec) {
        out.problems.push_back({path, 0, "cannot list folder: " + ec.message()});
        out.complete = false;
    }
    std::sort(out.files.begin(), out.files.end(),
              [](const ListedFile& a, const ListedFile& b) { return a.path < b.path; });
    return out;
}

}  // namespace qbank::indexer
