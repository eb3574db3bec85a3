#pragma once
// The one place that writes to a Xapian database: opens it for writing (lock,
// schema version), applies a run's changes so that readers see all of a run or
// none of it, and keeps the spelling data (the documents' plain words) in step
// with the documents.
//
// Memory stays bounded without Xapian's process-wide flush setting (an
// environment variable): a run is written in place, inside one transaction,
// while it holds fewer than half of `flush_every` changes. A larger run moves to
// a copy of the index beside it (a fresh database for a rebuild), which commits,
// unsynced, every `flush_every` changes; commit() compacts the copy and swaps it
// into the index's place. Moving costs two copies of the index. Where no copy
// can be made beside the index, runs stay in place, without the bound.

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "indexer/document_builder.h"
#include "qbank/record.h"
#include "schema/source_state.h"

namespace qbank::indexer {

class IndexWriter {
public:
    enum class Open {
        Update,   // keep the documents; an index of another schema version is refused
        Rebuild,  // start from no documents (and, from another schema version, no metadata)
    };

    // Opens (creating if missing) the glass database at `path`. `flush_every`: the
    // changes a run holds in memory (0: no bound, the whole run stays in place).
    // Throws IndexLockedError, IndexIncompatibleError (Update only), IndexIOError, IndexCorruptError.
    IndexWriter(const std::string& path, unsigned flush_every, Open open = Open::Update);
    // Writes into an already open database (tests use the in-memory backend); runs stay in place.
    IndexWriter(Xapian::WritableDatabase db, const std::string& label, Open open = Open::Update);
    // Cancels an uncommitted run and removes its copy: an exception never commits half a batch.
    ~IndexWriter();

    // What the run reads: the index with the run's changes so far.
    const Xapian::Database& database() const { return beside_ ? *beside_ : db_; }

    struct Put {
        Xapian::docid docid;
        bool replaced;  // a document with that id existed
    };
    // Stages a document under its record id.
    Put put(const std::string& record_id, const Xapian::Document& doc);
    Put put(const Record& record);
    Xapian::Document get(Xapian::docid docid);
    void replace(Xapian::docid docid, const Xapian::Document& doc);
    void remove(Xapian::docid docid);
    void set_metadata(const std::string& key, const std::string& value);

    // Makes everything staged visible to readers at once. After a failed write it
    // throws instead: Xapian dropped the pending changes, so part of the run is lost.
    void commit();

private:
    struct Change;  // one change made in place, kept to be replayed beside

    Xapian::WritableDatabase& target() { return beside_ ? *beside_ : db_; }
    std::filesystem::path beside_folder() const { return folder_.string() + ".writing"; }
    std::filesystem::path compacted_folder() const { return folder_.string() + ".compacting"; }
    bool may_move() const { return !folder_.empty() && flush_every_ > 0; }
    void start(Open open);
    void begin();
    void end_transaction();
    template <typename Work>
    auto write(Work work);
    template <typename MakeChange>
    void changed(MakeChange make_change);
    void move_beside(bool fresh, bool with_metadata);
    void stay_in_place(bool fresh, bool with_metadata);
    void replay(const Change& change);
    void swap_in();
    void remove_leftovers();
    void count_spellings(const Xapian::Document& doc, bool add);
    void apply_spellings();
    void store(Xapian::docid docid, const Xapian::Document& doc, bool existed);
    void remove_all(bool with_metadata);

    Xapian::WritableDatabase db_;                     // the index: holds its lock
    std::optional<Xapian::WritableDatabase> beside_;  // the copy a large run is written to
    std::string path_;                                // the index's path, or a label
    std::filesystem::path folder_;                    // empty: not on disk, runs stay in place
    unsigned flush_every_ = 0;
    std::vector<Change> log_;    // in place: the run's changes, while it may still move beside
    std::size_t unflushed_ = 0;  // beside: changes since the copy's last commit
    bool in_transaction_ = false;  // of the database written to (the index, or its copy)
    bool transactions_ = true;     // false for backends without them (in-memory)
    bool failed_ = false;          // a write failed: the run can no longer be committed
    bool spelling_ = true;         // false for backends without spelling data (in-memory)
    // The run's changes to each word's count in the spelling data, not yet written;
    // written before the bound is passed, so memory stays bounded for any vocabulary.
    std::unordered_map<std::string, std::int64_t> spelling_changes_;
    static constexpr std::size_t kMaxPendingSpellings = 1 << 18;
};

}  // namespace qbank::indexer
