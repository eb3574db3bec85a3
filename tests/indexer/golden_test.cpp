// Each page of corpus/ normalized and compared with tests/golden/normalized/<name>.json,
// which was checked by hand: banner gone, every field right, nothing else lost.
// Regenerate after an intended change with QBANK_UPDATE_GOLDEN=1 and review the diff.

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "../test_paths.h"
#include "qbank/json.h"
#include "qbank/page.h"

namespace qbank {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The id hashes the absolute path of the checkout, so it is masked.
constexpr const char* kMaskedId = "0000000000000000";

TEST(Golden, CorpusPagesNormalizeAsReviewed) {
    const fs::path corpus = test::source_dir() / "corpus" / "seeds";
    const fs::path golden = test::source_dir() / "tests/golden/normalized";
    const bool update = std::getenv("QBANK_UPDATE_GOLDEN") != nullptr;
    std::size_t pages = 0;
    for (const auto& entry : fs::directory_iterator(corpus)) {
        ++pages;
        std::string name = entry.path().filename().string();
        PageResult page = parse_page(read_file(entry.path()), "corpus/seeds/" + name, kMaskedId);
        ASSERT_TRUE(page.record) << name;
        std::string actual = record_to_json(*page.record, 2) + "\n";
        fs::path expected_path = golden / (entry.path().stem().string() + ".json");
        if (update) {
            std::ofstream(expected_path, std::ios::binary) << actual;
            continue;
        }
        ASSERT_TRUE(fs::exists(expected_path)) << expected_path << " missing: run with QBANK_UPDATE_GOLDEN=1";
        EXPECT_EQ(actual, read_file(expected_path)) << name;
    }
    EXPECT_EQ(pages, 4u);
}

}  // namespace
}  // namespace qbank
