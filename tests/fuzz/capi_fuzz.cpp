// libFuzzer target: the C API's JSON inputs (a record to add, a search request)
// against an in-process index in a temporary folder.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "qbank.h"

namespace {

// One index for the whole run, made from a record through the same API.
const std::string& db_path() {
    static const std::string path = [] {
        char dir[] = "/tmp/qbank-capi-fuzz-XXXXXX";
        std::string p = std::string(mkdtemp(dir)) + "/index";
        qbank_indexer* indexer = nullptr;
        qbank_indexer_open(p.c_str(), nullptr, &indexer, nullptr);
        qbank_indexer_add_record(indexer, R"({"id":"0123456789abcdef","title":"What is a closure?"})", nullptr);
        qbank_indexer_commit(indexer, nullptr, nullptr);
        qbank_indexer_close(indexer);
        return p;
    }();
    return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string json(reinterpret_cast<const char*>(data), size);
    static qbank_searcher* searcher = [] {
        qbank_searcher* s = nullptr;
        qbank_searcher_open(db_path().c_str(), nullptr, &s, nullptr);
        return s;
    }();
    char* out = nullptr;
    char* error = nullptr;
    qbank_search(searcher, json.c_str(), &out, &error);
    qbank_free(out);
    qbank_free(error);
    out = error = nullptr;
    qbank_normalize(json.data(), json.size(), "fuzz.jsonl", "jsonl", &out, &error);
    qbank_free(out);
    qbank_free(error);
    return 0;
}
