#include "indexer/corpus_walk.h"

#include <algorithm>
#include <filesystem>

namespace qbank::indexer {

namespace fs = std::filesystem;

CorpusFiles list_corpus_files(const std::string& path, const std::string& exclude) {
    CorpusFiles out;
    std::error_code ec;
    fs::path excluded = exclude.empty() ? fs::path() : fs::weakly_canonical(exclude, ec);
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        out.problems.push_back({path, 0, "no such file or folder"});
        return out;
    }
    if (!fs::is_directory(status)) {
        out.files.push_back(path);
        return out;
    }
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        bool skip_dir = !excluded.empty() && it->is_directory(ec) && fs::weakly_canonical(p, ec) == excluded;
        if (p.filename().string().starts_with(".") || skip_dir) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec)) out.files.push_back(p.string());
    }
    if (ec) out.problems.push_back({path, 0, "cannot list folder: " + ec.message()});
    std::sort(out.files.begin(), out.files.end());
    return out;
}

}  // namespace qbank::indexer
