#pragma once
// What an index already holds, read once when a run starts (Slots Source and
// Fingerprint) and kept up to date by the run's writer thread: which document
// each file belongs to, with what size, time and hash, and which document a new
// page duplicates.

#include <xapian.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "indexer/fingerprint.h"
#include "schema/source_state.h"

namespace qbank::indexer {

class DocumentCatalog {
public:
    struct Document {
        std::vector<schema::SourceState> sources;  // primary first
        Fingerprint fingerprint;
    };

    DocumentCatalog() = default;
    explicit DocumentCatalog(const Xapian::Database& db);

    // Lookups; safe from many threads while nothing updates the catalog.
    // The document holding the source with this key (SourceState::key), or 0.
    Xapian::docid document_of(const std::string& key) const;
    // A stored state of the file with this canonical path (all of a file's states
    // share its size, time and hash), or nullptr.
    const schema::SourceState* state_of(const std::string& canonical) const;
    // The keys of every source stored for that file.
    std::vector<std::string> keys_of(const std::string& canonical) const;
    // How many of them hold a record (rather than lend a title).
    std::size_t records_of(const std::string& canonical) const;
    const Document* document(Xapian::docid docid) const;
    // A document whose content is the same as or near `fp`, other than `except`; 0 if none.
    Xapian::docid find_duplicate(const Fingerprint& fp, Xapian::docid except) const;

    // Updates, from the writer thread.
    void set(Xapian::docid docid, Document doc);
    void erase(Xapian::docid docid);

    // Canonical paths of the files below one of `folders` (canonical) that are not in `seen`.
    std::vector<std::string> missing_below(const std::vector<std::string>& folders,
                                           const std::unordered_set<std::string>& seen) const;

private:
    void index(Xapian::docid docid, const Document& doc);
    void unindex(Xapian::docid docid, const Document& doc);

    // SimHashes at most kNearDuplicateBits (7) apart agree on one of 8 byte-wide bands at least.
    static constexpr int kBands = 8;
    static_assert(kBands > kNearDuplicateBits, "near duplicates must share a band");

    std::unordered_map<Xapian::docid, Document> documents_;
    std::unordered_map<std::string, Xapian::docid> by_key_;
    std::unordered_map<std::string, std::vector<std::string>> keys_by_file_;
    std::unordered_map<std::uint64_t, std::vector<Xapian::docid>> by_exact_;
    std::array<std::unordered_map<std::uint8_t, std::vector<Xapian::docid>>, kBands> by_band_;
};

// The fingerprint as stored in Slot::Fingerprint, and back (nullopt when damaged).
std::string encode_fingerprint(const Fingerprint& fp);
std::optional<Fingerprint> decode_fingerprint(std::string_view value);

}  // namespace qbank::indexer
