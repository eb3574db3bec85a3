#include "indexer/source_catalog.h"

#include "schema/fields.h"

namespace qbank::indexer {

SourceCatalog::SourceCatalog(const Xapian::Database& db) {
    Xapian::valueno slot = schema::slot_number(schema::Slot::Source);
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        // A damaged value only costs a reparse of that file.
        if (auto state = schema::decode_source_state(*it)) {
            std::string path = state->path;
            entries_.insert_or_assign(std::move(path), Entry{it.get_docid(), std::move(*state)});
        }
    }
}

const SourceCatalog::Entry* SourceCatalog::find(const std::string& canonical) const {
    auto it = entries_.find(canonical);
    return it == entries_.end() ? nullptr : &it->second;
}

std::vector<Xapian::docid> SourceCatalog::missing_below(const std::vector<std::string>& folders,
                                                        const std::unordered_set<std::string>& seen) const {
    std::vector<Xapian::docid> missing;
    for (const auto& [path, entry] : entries_) {
        if (seen.count(path) != 0) continue;
        for (const std::string& folder : folders) {
            std::string prefix = folder.ends_with('/') ? folder : folder + "/";
            if (path.starts_with(prefix)) {
                missing.push_back(entry.docid);
                break;
            }
        }
    }
    return missing;
}

}  // namespace qbank::indexer
