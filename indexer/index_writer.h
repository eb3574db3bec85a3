#pragma once
// The one place that writes to a Xapian database: opens it for writing (lock,
// schema version, flush threshold), applies a run's changes inside one
// transaction, and commits or cancels that transaction as a whole. It keeps the
// spelling data (the documents' plain words) in step with the documents.

#include <xapian.h>

#include <string>

#include "indexer/document_builder.h"
#include "qbank/record.h"
#include "schema/source_state.h"

namespace qbank::indexer {

class IndexWriter {
public:
    enum class Open {
        Update,   // keep the documents; an index of another schema version is refused
        Rebuild,  // stage the removal of every document (and, from another schema version, all metadata)
    };

    // Opens (creating if missing) the glass database at `path`, flushing buffered
    // changes to disk every `flush_every` documents (0: Xapian's default).
    // Throws IndexLockedError, IndexIncompatibleError (Update only), IndexIOError, IndexCorruptError.
    IndexWriter(const std::string& path, unsigned flush_every, Open open = Open::Update);
    // Writes into an already open database (tests use the in-memory backend).
    IndexWriter(Xapian::WritableDatabase db, const std::string& label, Open open = Open::Update);
    // Cancels an uncommitted transaction: an exception never commits half a batch.
    ~IndexWriter();

    const Xapian::Database& database() const { return db_; }

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
    void begin();
    template <typename Change>
    auto write(Change change);
    void count_spellings(const Xapian::Document& doc, bool add);
    void remove_all(bool with_metadata);

    Xapian::WritableDatabase db_;
    std::string path_;
    bool in_transaction_ = false;
    bool transactions_ = true;  // false for backends without them (in-memory)
    bool failed_ = false;       // a write failed: the run can no longer be committed
    bool spelling_ = true;      // false for backends without spelling data (in-memory)
};

}  // namespace qbank::indexer
