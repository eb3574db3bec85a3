#pragma once
// Keeps the index's documents in step with the files they come from, on the
// run's writer thread: a new or changed record becomes a document, or joins the
// document it duplicates; a file that changed without new content gets its
// stored state refreshed; a vanished file or record leaves its document, which
// is removed with its last source. A document keeps its id as long as it exists.
// A document merged from several sources is filtered and counted under all of
// their facets, and a heading elsewhere that only links to it lends it a title.

#include <xapian.h>

#include <optional>
#include <string>

#include "indexer/document_builder.h"
#include "indexer/document_catalog.h"
#include "indexer/fingerprint.h"
#include "indexer/index_writer.h"
#include "qbank/record.h"

namespace qbank::indexer {

class FileSync {
public:
    FileSync(IndexWriter& writer, DocumentCatalog& catalog) : writer_(writer), catalog_(catalog) {}

    enum class Change { Added, Updated, Unchanged, Duplicate };

    // `doc` was built from `record`; `state` describes the source it was read from.
    // Unchanged: the document already held exactly this record.
    Change put_page(Record record, Xapian::Document doc, const Fingerprint& fp, const schema::SourceState& state);

    // `link` (a source with a link title) lends its title to the document of the
    // record with key `target_key`, or failing that of the file `target_path`'s
    // page record. False when neither is indexed: then the title goes nowhere.
    bool lend_title(const std::string& target_key, const std::string& target_path, const schema::SourceState& link);

    // The file's bytes are the same as indexed; only its size or time moved.
    // `state` describes the file (its fragment is ignored).
    void refresh(const schema::SourceState& state);

    // The file is gone: returns how many documents went with it.
    std::size_t drop_file(const std::string& canonical);

    // The file was parsed again and no longer holds the records of the other keys:
    // returns how many documents went with them.
    std::size_t drop_records_except(const std::string& canonical, const std::vector<std::string>& kept_keys);

    // Files that became the primary file of their document with other content than
    // the document holds: they must be parsed again (put_page) for the document to
    // show their content. Emptied by the call.
    std::vector<schema::SourceState> take_reparse();

private:
    // The document's id if `record.id` is free or held by no other file's document;
    // otherwise a fresh one, set on `record` and `doc`.
    void claim_id(Record& record, Xapian::Document& doc);
    // The source with this key leaves its document: returns true if the document went.
    bool drop_source(const std::string& key);
    // Adds `state` to an existing document's files.
    void attach(Xapian::docid docid, const schema::SourceState& state);
    // Rewrites a document after its list of sources changed.
    void write_files(Xapian::docid docid, const DocumentCatalog::Document& entry);
    // The document of `entry` from the record of its primary source: its sources
    // listed, the facets and tags of its duplicates joined, the titles lent to it
    // added. `built`, when given, was built from `record` alone; it is used when
    // nothing needs adding.
    Xapian::Document compose(Record record, const DocumentCatalog::Document& entry,
                             std::optional<Xapian::Document> built);

    IndexWriter& writer_;
    DocumentCatalog& catalog_;
    std::vector<schema::SourceState> reparse_;
};

}  // namespace qbank::indexer
