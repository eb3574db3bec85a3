#include "indexer/document_catalog.h"

#include <algorithm>

#include "schema/fields.h"
#include "schema/little_endian.h"

namespace qbank::indexer {

namespace {

std::uint8_t band(std::uint64_t simhash, int i) { return static_cast<std::uint8_t>(simhash >> (8 * i)); }

void erase_from(std::vector<Xapian::docid>& ids, Xapian::docid docid) {
    ids.erase(std::remove(ids.begin(), ids.end(), docid), ids.end());
}

}  // namespace

std::string encode_fingerprint(const Fingerprint& fp) {
    std::string out;
    schema::append_le(out, fp.exact);
    schema::append_le(out, fp.simhash);
    return out;
}

std::optional<Fingerprint> decode_fingerprint(std::string_view value) {
    if (value.size() != 16) return std::nullopt;
    return Fingerprint{schema::read_le(value), schema::read_le(value.substr(8))};
}

DocumentCatalog::DocumentCatalog(const Xapian::Database& db) {
    Xapian::valueno source_slot = schema::slot_number(schema::Slot::Source);
    Xapian::valueno fp_slot = schema::slot_number(schema::Slot::Fingerprint);
    std::unordered_map<Xapian::docid, Fingerprint> fingerprints;
    for (auto it = db.valuestream_begin(fp_slot); it != db.valuestream_end(fp_slot); ++it)
        if (auto fp = decode_fingerprint(*it)) fingerprints[it.get_docid()] = *fp;
    for (auto it = db.valuestream_begin(source_slot); it != db.valuestream_end(source_slot); ++it) {
        // A damaged value only costs a reparse of those files.
        auto states = schema::decode_source_states(*it);
        if (!states) continue;
        set(it.get_docid(), Document{std::move(*states), fingerprints[it.get_docid()]});
    }
}

Xapian::docid DocumentCatalog::document_of(const std::string& key) const {
    auto it = by_key_.find(key);
    return it == by_key_.end() ? 0 : it->second;
}

const schema::SourceState* DocumentCatalog::state_of(const std::string& canonical) const {
    auto keys = keys_by_file_.find(canonical);
    if (keys == keys_by_file_.end() || keys->second.empty()) return nullptr;
    const std::string& key = keys->second.front();
    const Document* doc = document(document_of(key));
    if (doc == nullptr) return nullptr;
    for (const schema::SourceState& s : doc->sources)
        if (s.key() == key) return &s;
    return nullptr;
}

std::vector<std::string> DocumentCatalog::keys_of(const std::string& canonical) const {
    auto it = keys_by_file_.find(canonical);
    return it == keys_by_file_.end() ? std::vector<std::string>{} : it->second;
}

std::size_t DocumentCatalog::records_of(const std::string& canonical) const {
    std::size_t records = 0;
    for (const std::string& key : keys_of(canonical))
        for (const schema::SourceState& s : documents_.at(document_of(key)).sources)
            if (s.key() == key && !s.lends_title()) ++records;
    return records;
}

const DocumentCatalog::Document* DocumentCatalog::document(Xapian::docid docid) const {
    auto it = documents_.find(docid);
    return it == documents_.end() ? nullptr : &it->second;
}

Xapian::docid DocumentCatalog::find_duplicate(const Fingerprint& fp, Xapian::docid except) const {
    if (auto it = by_exact_.find(fp.exact); it != by_exact_.end())
        for (Xapian::docid d : it->second)
            if (d != except) return d;
    if (fp.simhash == 0) return 0;
    for (int i = 0; i < kBands; ++i) {
        auto it = by_band_[i].find(band(fp.simhash, i));
        if (it == by_band_[i].end()) continue;
        for (Xapian::docid d : it->second)
            if (d != except && near_duplicates(fp.simhash, documents_.at(d).fingerprint.simhash)) return d;
    }
    return 0;
}

void DocumentCatalog::set(Xapian::docid docid, Document doc) {
    erase(docid);
    index(docid, doc);
    documents_.emplace(docid, std::move(doc));
}

void DocumentCatalog::erase(Xapian::docid docid) {
    auto it = documents_.find(docid);
    if (it == documents_.end()) return;
    unindex(docid, it->second);
    documents_.erase(it);
}

void DocumentCatalog::index(Xapian::docid docid, const Document& doc) {
    for (const schema::SourceState& s : doc.sources) {
        std::string key = s.key();
        if (by_key_.insert_or_assign(key, docid).second) keys_by_file_[s.path].push_back(std::move(key));
    }
    if (doc.fingerprint.exact != 0) by_exact_[doc.fingerprint.exact].push_back(docid);
    if (doc.fingerprint.simhash != 0)
        for (int i = 0; i < kBands; ++i) by_band_[i][band(doc.fingerprint.simhash, i)].push_back(docid);
}

void DocumentCatalog::unindex(Xapian::docid docid, const Document& doc) {
    for (const schema::SourceState& s : doc.sources) {
        std::string key = s.key();
        auto it = by_key_.find(key);
        if (it == by_key_.end() || it->second != docid) continue;
        by_key_.erase(it);
        auto file = keys_by_file_.find(s.path);
        std::erase(file->second, key);
        if (file->second.empty()) keys_by_file_.erase(file);
    }
    if (auto it = by_exact_.find(doc.fingerprint.exact); it != by_exact_.end()) erase_from(it->second, docid);
    if (doc.fingerprint.simhash != 0)
        for (int i = 0; i < kBands; ++i)
            if (auto it = by_band_[i].find(band(doc.fingerprint.simhash, i)); it != by_band_[i].end())
                erase_from(it->second, docid);
}

std::vector<std::string> DocumentCatalog::missing_below(const std::vector<std::string>& folders,
                                                        const std::unordered_set<std::string>& seen) const {
    std::vector<std::string> missing;
    for (const auto& [path, keys] : keys_by_file_) {
        if (seen.count(path) != 0) continue;
        for (const std::string& folder : folders) {
            std::string prefix = folder.ends_with('/') ? folder : folder + "/";
            if (path.starts_with(prefix)) {
                missing.push_back(path);
                break;
            }
        }
    }
    std::sort(missing.begin(), missing.end());
    return missing;
}

}  // namespace qbank::indexer
