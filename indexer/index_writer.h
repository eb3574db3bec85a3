#pragma once
// The one place that writes to a Xapian database: opens it for writing (lock,
// schema version), stages documents keyed by their id term in one transaction,
// and commits or cancels that transaction as a whole.

#include <xapian.h>

#include <string>

#include "indexer/document_builder.h"
#include "qbank/record.h"

namespace qbank::indexer {

class IndexWriter {
public:
    // Opens (creating if missing) the glass database at `path`.
    // Throws Error: IndexLocked, SchemaMismatch, IndexUnavailable.
    explicit IndexWriter(const std::string& path);
    // Writes into an already open database (tests use the in-memory backend).
    IndexWriter(Xapian::WritableDatabase db, const std::string& label);
    // Cancels an uncommitted transaction: an exception never commits half a batch.
    ~IndexWriter();

    // Stages `record`; returns true if it replaced a document with the same id.
    bool put(const Record& record);

    // Makes everything staged visible to readers at once.
    void commit();

private:
    void begin();

    Xapian::WritableDatabase db_;
    std::string path_;
    DocumentBuilder builder_;
    bool in_transaction_ = false;
    bool transactions_ = true;  // false for backends without them (in-memory)
};

}  // namespace qbank::indexer
