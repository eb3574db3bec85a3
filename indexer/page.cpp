// The public reading API: bytes or a file in, records or problems out.
#include "qbank/page.h"

#include <filesystem>
#include <variant>

#include "indexer/file_probe.h"
#include "indexer/file_records.h"

namespace qbank {

std::string Diagnostic::to_string() const {
    std::string out = path;
    if (line > 0) out += ":" + std::to_string(line);
    return out + ": error: " + message;
}

namespace {

FileResult to_file_result(indexer::FileRecords parsed) {
    FileResult result;
    for (indexer::SplitRecord& split : parsed.records) result.records.push_back(std::move(split.record));
    result.problems = std::move(parsed.problems);
    return result;
}

// The file at `path`, looked at and read, or why it cannot be.
std::variant<std::pair<indexer::FileInfo, std::string>, Diagnostic> load(const std::string& path,
                                                                        std::uint64_t max_bytes) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) return Diagnostic{path, 0, "no such file"};
    auto probed = indexer::probe_file(path);
    if (auto* problem = std::get_if<indexer::ProbeProblem>(&probed)) return problem->diagnostic;
    indexer::FileInfo file = std::get<indexer::FileInfo>(probed);
    auto bytes = indexer::read_file_bytes(file, max_bytes);
    if (auto* problem = std::get_if<Diagnostic>(&bytes)) return *problem;
    return std::make_pair(std::move(file), std::move(std::get<std::string>(bytes)));
}

}  // namespace

PageResult parse_page(std::string_view bytes, const std::string& source, const std::string& id,
                      const NormalizeOptions& options) {
    indexer::FileInfo file{source, source, source};
    FileResult parsed = to_file_result(indexer::parse_file_bytes(bytes, file, Format::Text, options, nullptr));
    PageResult result;
    result.problems = std::move(parsed.problems);
    if (!parsed.records.empty()) {
        result.record = std::move(parsed.records.front());
        result.record->id = id;
    }
    return result;
}

FileResult parse_records(std::string_view bytes, const std::string& source, Format format,
                         const NormalizeOptions& options) {
    indexer::FileInfo file{source, source, source};
    return to_file_result(indexer::parse_file_bytes(bytes, file, format, options, nullptr));
}

FileResult read_records(const std::string& path, Format format, const NormalizeOptions& options,
                        std::uint64_t max_bytes) {
    auto loaded = load(path, max_bytes);
    if (auto* problem = std::get_if<Diagnostic>(&loaded)) return {{}, {*problem}};
    const auto& [file, bytes] = std::get<0>(loaded);
    return to_file_result(indexer::parse_file_bytes(bytes, file, format, options, nullptr));
}

}  // namespace qbank
