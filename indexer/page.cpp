// The public single-page API: bytes or a file in, Record or diagnostics out.
#include "qbank/page.h"

#include <xxhash.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "indexer/normalize.h"
#include "indexer/page_parser.h"

namespace qbank {

std::string Diagnostic::to_string() const {
    std::string out = path;
    if (line > 0) out += ":" + std::to_string(line);
    return out + ": error: " + message;
}

PageResult parse_page(std::string_view bytes, const std::string& source, const std::string& id,
                      const NormalizeOptions& options) {
    PageResult result;
    indexer::NormalizedPage page = indexer::normalize_page(bytes, options);
    if (!page.error.empty()) {
        result.diagnostics.push_back({source, page.error_line, page.error});
        return result;
    }
    Record record = indexer::parse_record(page.text);
    record.id = id;
    record.source = source;
    record.removed = std::move(page.removed);
    result.record = std::move(record);
    return result;
}

std::string record_id_for_path(const std::string& path) {
    std::error_code ec;
    std::filesystem::path canonical = std::filesystem::weakly_canonical(path, ec);
    std::string key = ec ? std::filesystem::absolute(path).lexically_normal().string() : canonical.string();
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(XXH3_64bits(key.data(), key.size())));
    return hex;
}

PageResult read_page(const std::string& path, const NormalizeOptions& options) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return {std::nullopt, {{path, 0, "is a directory, not a page"}}};
    std::ifstream in(path, std::ios::binary);
    if (!in) return {std::nullopt, {{path, 0, std::string("cannot read: ") + std::strerror(errno)}}};
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) return {std::nullopt, {{path, 0, std::string("read failed: ") + std::strerror(errno)}}};
    return parse_page(bytes.str(), path, record_id_for_path(path), options);
}

}  // namespace qbank
