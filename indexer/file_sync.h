#pragma once
// Keeps the index's documents in step with the files they come from, on the
// run's writer thread: a new or changed page becomes a document, or joins the
// document it duplicates; a file that changed without new content gets its
// stored state refreshed; a vanished file leaves its document, which is removed
// with its last file. A document keeps its id as long as it exists.

#include <xapian.h>

#include <string>

#include "indexer/document_catalog.h"
#include "indexer/fingerprint.h"
#include "indexer/index_writer.h"
#include "qbank/record.h"

namespace qbank::indexer {

class FileSync {
public:
    FileSync(IndexWriter& writer, DocumentCatalog& catalog) : writer_(writer), catalog_(catalog) {}

    enum class Change { Added, Updated, Duplicate };

    // `doc` was built from `record`; `state` describes the file it was read from.
    Change put_page(Record record, Xapian::Document doc, const Fingerprint& fp, const schema::SourceState& state);

    // The file's bytes are the same as indexed; only its size or time moved.
    void refresh(const schema::SourceState& state);

    // The file is gone: returns true if its document went with it.
    bool drop_file(const std::string& canonical);

    // Files that became the primary file of their document with other content than
    // the document holds: they must be parsed again (put_page) for the document to
    // show their content. Emptied by the call.
    std::vector<schema::SourceState> take_reparse();

private:
    // The document's id if `record.id` is free or held by no other file's document;
    // otherwise a fresh one, set on `record` and `doc`.
    void claim_id(Record& record, Xapian::Document& doc);
    // Adds `state` to an existing document's files.
    void attach(Xapian::docid docid, const schema::SourceState& state);
    // Writes a document's file list into its values and its record's duplicates.
    void write_files(Xapian::docid docid, const DocumentCatalog::Document& entry);

    IndexWriter& writer_;
    DocumentCatalog& catalog_;
    std::vector<schema::SourceState> reparse_;
};

}  // namespace qbank::indexer
