#include <xapian.h>

#include <filesystem>

#include "errors/index_errors.h"
#include "indexer/folder_swap.h"
#include "indexer/index_writer.h"
#include "qbank/error.h"
#include "qbank/maintenance.h"

namespace qbank {

namespace fs = std::filesystem;

namespace {

std::uint64_t folder_bytes(const fs::path& folder) {
    std::uint64_t total = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.is_regular_file(ec)) total += entry.file_size(ec);
    return total;
}

}  // namespace

CompactReport compact_index(const std::string& given) {
    fs::path path = indexer::index_folder(given);
    errors::require_index_folder(given);
    indexer::IndexWriter lock(path.string(), 0);  // no writer may change the index meanwhile
    fs::path fresh = path.string() + ".compacting";
    CompactReport report;
    try {
        fs::remove_all(fresh);
        report.bytes_before = folder_bytes(path);
        Xapian::Database(path.string()).compact(fresh.string(), Xapian::DBCOMPACT_NO_RENUMBER | Xapian::Compactor::FULL);
        report.bytes_after = folder_bytes(fresh);
        indexer::swap_folders(path, fresh);
        fs::remove_all(fresh);  // now the old index; open readers keep their files until they close
    } catch (const Xapian::Error& e) {
        std::error_code ec;
        fs::remove_all(fresh, ec);
        throw IndexIOError("cannot compact index " + given + ": " + errors::what_went_wrong(e));
    } catch (const fs::filesystem_error& e) {
        throw IndexIOError("cannot compact index " + given + ": " + e.code().message());
    }
    return report;
}

}  // namespace qbank
