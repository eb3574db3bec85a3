#pragma once
// Paths the tests share: the source tree and a scratch folder removed on exit.

#include <filesystem>
#include <random>
#include <string>

namespace qbank::test {

inline std::filesystem::path source_dir() { return QBANK_SOURCE_DIR; }

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
