#pragma once
// Paths the tests share: the source tree, the shipped corpus and a scratch
// folder removed on exit.

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace qbank::test {

inline std::filesystem::path source_dir() { return QBANK_SOURCE_DIR; }

// Every file of the shipped corpus (corpus/), as (path, bytes).
inline std::vector<std::pair<std::string, std::string>> corpus_files() {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(source_dir() / "corpus")) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        files.emplace_back(entry.path().string(), bytes.str());
    }
    return files;
}

class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("qbank-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string str(const std::string& child = {}) const { return child.empty() ? path_.string() : (path_ / child).string(); }

private:
    std::filesystem::path path_;
};

}  // namespace qbank::test
