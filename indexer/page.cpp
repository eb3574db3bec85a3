// The public single-page API: bytes or a file in, Record or diagnostics out.
#include "qbank/page.h"

#include <filesystem>

#include "indexer/file_probe.h"
#include "indexer/normalize.h"
#include "indexer/page_bytes.h"
#include "indexer/page_parser.h"
#include "indexer/record_id.h"

namespace qbank {

std::string Diagnostic::to_string() const {
    std::string out = path;
    if (line > 0) out += ":" + std::to_string(line);
    return out + ": error: " + message;
}

PageResult indexer::parse_page_bytes(std::string_view bytes, const std::string& source, const std::string& id,
                                     const NormalizeOptions& options, const CorpusBoilerplate* corpus) {
    PageResult result;
    NormalizedPage page = normalize_page(bytes, options, corpus);
    if (!page.error.empty()) {
        result.diagnostics.push_back({source, page.error_line, page.error});
        return result;
    }
    Record record = parse_record(page.text);
    record.id = id;
    record.source = source;
    record.removed = std::move(page.removed);
    result.record = std::move(record);
    return result;
}

PageResult parse_page(std::string_view bytes, const std::string& source, const std::string& id,
                      const NormalizeOptions& options) {
    return indexer::parse_page_bytes(bytes, source, id, options, nullptr);
}

PageResult read_page(const std::string& path, const NormalizeOptions& options, std::uint64_t max_bytes) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec)))
        return {std::nullopt, {{path, 0, "no such file"}}};
    auto probed = indexer::probe_file(path);
    if (auto* problem = std::get_if<Diagnostic>(&probed)) return {std::nullopt, {*problem}};
    const indexer::FileInfo& file = std::get<indexer::FileInfo>(probed);
    auto bytes = indexer::read_file_bytes(file, max_bytes);
    if (auto* problem = std::get_if<Diagnostic>(&bytes)) return {std::nullopt, {*problem}};
    return parse_page(std::get<std::string>(bytes), path, indexer::record_id_for_canonical(file.canonical), options);
}

}  // namespace qbank
