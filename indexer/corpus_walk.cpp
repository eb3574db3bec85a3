#include "indexer/corpus_walk.h"

#include <algorithm>
#include <filesystem>

namespace qbank::indexer {

namespace fs = std::filesystem;

CorpusFiles list_corpus_files(const std::string& path, const std::string& exclude) {
    CorpusFiles out;
    std::error_code ec;
    fs::file_status status = fs::symlink_status(path, ec);
    if (ec || !fs::exists(status)) {
        out.problems.push_back({path, 0, "no such file or folder"});
        return out;
    }
    if (!fs::is_directory(fs::status(path, ec))) {
        out.files.push_back(path);
        return out;
    }
    out.is_folder = true;
    fs::path excluded = exclude.empty() ? fs::path() : fs::weakly_canonical(exclude, ec);
    fs::recursive_directory_iterator it(path, fs::directory_options::none, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        std::error_code entry_ec;
        bool is_dir = it->symlink_status(entry_ec).type() == fs::file_type::directory;
        if (p.filename().string().starts_with(".") ||
            (is_dir && !excluded.empty() && fs::weakly_canonical(p, entry_ec) == excluded)) {
            if (is_dir) it.disable_recursion_pending();
            continue;
        }
        if (!is_dir) out.files.push_back(p.string());
    }
    if (ec) out.problems.push_back({path, 0, "cannot list folder: " + ec.message()});
    std::sort(out.files.begin(), out.files.end());
    return out;
}

}  // namespace qbank::indexer
