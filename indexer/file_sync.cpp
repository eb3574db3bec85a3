#include "indexer/file_sync.h"

#include <algorithm>
#include <utility>

#include "indexer/document_builder.h"
#include "indexer/record_id.h"
#include "schema/fields.h"
#include "schema/stored_record.h"

namespace qbank::indexer {

namespace {

bool holds_content(const schema::SourceState& s) { return !s.lends_title(); }

std::string id_of(const Xapian::Document& doc) {
    const std::string prefix(schema::field(schema::FieldId::Id).prefix);
    auto term = doc.termlist_begin();
    term.skip_to(prefix);
    return term != doc.termlist_end() && (*term).starts_with(prefix) ? (*term).substr(prefix.size()) : std::string();
}

}  // namespace

FileSync::Change FileSync::put_page(Record record, Xapian::Document doc, const Fingerprint& fp,
                                    const schema::SourceState& state) {
    schema::SourceState source = state;
    source.facets = facets_of(record);
    const std::string key = source.key();
    Xapian::docid current = catalog_.document_of(key);
    if (current != 0) {
        DocumentCatalog::Document entry = *catalog_.document(current);
        bool primary = entry.sources.front().key() == key;
        bool alone = std::count_if(entry.sources.begin(), entry.sources.end(), holds_content) == 1;
        bool still_same_question = fp.exact == entry.fingerprint.exact ||
                                   near_duplicates(fp.simhash, entry.fingerprint.simhash);
        // Its duplicates still hold the old question: then the file leaves them, below.
        bool keeps_document = alone ? catalog_.find_duplicate(fp, current) == 0 : still_same_question;
        if (primary && keeps_document) {
            // The file the content comes from changed: new content, same id, same duplicates.
            // (The id is that of the document's first file, which may since have vanished.)
            Xapian::Document stored = writer_.get(current);
            std::string id = id_of(stored);
            if (id != record.id) {
                doc.remove_term(schema::id_term(record.id));
                doc.add_boolean_term(schema::id_term(id));
                record.id = id;
            }
            entry.sources.front() = source;
            bool same_fingerprint = fp == entry.fingerprint;
            entry.fingerprint = fp;
            doc = compose(std::move(record), entry, std::move(doc));
            // One question edited in a handbook of hundreds leaves the others as they were.
            bool same = same_fingerprint && doc.get_data() == stored.get_data();
            if (same) {
                doc = std::move(stored);  // only the file's size, time and hash moved
                set_file_values(doc, entry.sources, fp);
            }
            writer_.replace(current, doc);
            catalog_.set(current, std::move(entry));
            return same ? Change::Unchanged : Change::Updated;
        }
        // It now duplicates another document, it was a duplicate that changed, or its
        // duplicates still hold the question it no longer asks: it leaves its document
        // and is placed afresh.
        drop_source(key);
    }
    if (Xapian::docid original = catalog_.find_duplicate(fp, 0); original != 0) {
        attach(original, source);
        return Change::Duplicate;
    }
    claim_id(record, doc);
    const std::string id = record.id;
    DocumentCatalog::Document entry{{source}, fp};
    doc = compose(std::move(record), entry, std::move(doc));
    IndexWriter::Put put = writer_.put(id, doc);
    catalog_.set(put.docid, std::move(entry));
    return put.replaced ? Change::Updated : Change::Added;
}

bool FileSync::lend_title(const std::string& target_key, const std::string& target_path,
                          const schema::SourceState& link) {
    Xapian::docid target = catalog_.document_of(target_key);
    if (target == 0) target = catalog_.document_of(target_path);
    const std::string key = link.key();
    if (Xapian::docid current = catalog_.document_of(key); current != 0) {
        const DocumentCatalog::Document& entry = *catalog_.document(current);
        auto held = std::find_if(entry.sources.begin(), entry.sources.end(),
                                 [&](const schema::SourceState& s) { return s.key() == key; });
        if (current == target && held->link_title == link.link_title) return true;
        drop_source(key);
    }
    if (target == 0 || catalog_.document(target) == nullptr) return false;
    attach(target, link);
    return true;
}

void FileSync::refresh(const schema::SourceState& state) {
    for (const std::string& key : catalog_.keys_of(state.path)) {
        Xapian::docid docid = catalog_.document_of(key);
        DocumentCatalog::Document entry = *catalog_.document(docid);
        for (schema::SourceState& s : entry.sources)
            if (s.path == state.path) {
                s.name = state.name;
                s.size = state.size;
                s.mtime_ns = state.mtime_ns;
                s.content_hash = state.content_hash;
            }
        Xapian::Document doc = writer_.get(docid);
        set_file_values(doc, entry.sources, entry.fingerprint);
        writer_.replace(docid, doc);  // only values changed: Xapian rewrites just those
        catalog_.set(docid, std::move(entry));
    }
}

std::size_t FileSync::drop_file(const std::string& canonical) {
    std::size_t removed = 0;
    for (const std::string& key : catalog_.keys_of(canonical)) removed += drop_source(key) ? 1 : 0;
    return removed;
}

std::size_t FileSync::drop_records_except(const std::string& canonical, const std::vector<std::string>& kept_keys) {
    std::size_t removed = 0;
    for (const std::string& key : catalog_.keys_of(canonical))
        if (std::find(kept_keys.begin(), kept_keys.end(), key) == kept_keys.end()) removed += drop_source(key) ? 1 : 0;
    return removed;
}

bool FileSync::drop_source(const std::string& key) {
    Xapian::docid docid = catalog_.document_of(key);
    if (docid == 0) return false;
    DocumentCatalog::Document entry = *catalog_.document(docid);
    const schema::SourceState primary = entry.sources.front();
    std::erase_if(entry.sources, [&](const schema::SourceState& s) { return s.key() == key; });
    // Titles lent to a document go with its last source of content.
    if (std::none_of(entry.sources.begin(), entry.sources.end(), holds_content)) {
        writer_.remove(docid);
        catalog_.erase(docid);
        return true;
    }
    // A duplicate stands in for the primary source that left: the id stays, and the
    // content becomes the duplicate's own unless it is the same bytes.
    if (primary.key() == key && entry.sources.front().content_hash != primary.content_hash)
        reparse_.push_back(entry.sources.front());
    write_files(docid, entry);
    catalog_.set(docid, std::move(entry));
    return false;
}

std::vector<schema::SourceState> FileSync::take_reparse() { return std::exchange(reparse_, {}); }

void FileSync::claim_id(Record& record, Xapian::Document& doc) {
    const std::string original = record.id;
    for (int attempt = 1;; ++attempt) {
        std::string term = schema::id_term(record.id);
        const Xapian::Database& db = writer_.database();
        auto holder = db.postlist_begin(term);
        // Free, or held by a document no file of this index claims (written by add_record).
        if (holder == db.postlist_end(term) || catalog_.document(*holder) == nullptr) break;
        record.id = record_id(original + "#" + std::to_string(attempt));
    }
    if (record.id != original) {
        doc.remove_term(schema::id_term(original));
        doc.add_boolean_term(schema::id_term(record.id));
    }
}

void FileSync::attach(Xapian::docid docid, const schema::SourceState& state) {
    DocumentCatalog::Document entry = *catalog_.document(docid);
    // Sources of content first: the first of them is the primary.
    auto at = state.lends_title() ? entry.sources.end()
                                  : std::find_if_not(entry.sources.begin(), entry.sources.end(), holds_content);
    entry.sources.insert(at, state);
    write_files(docid, entry);
    catalog_.set(docid, std::move(entry));
}

void FileSync::write_files(Xapian::docid docid, const DocumentCatalog::Document& entry) {
    writer_.replace(docid, compose(schema::stored_record(writer_.get(docid)), entry, std::nullopt));
}

Xapian::Document FileSync::compose(Record record, const DocumentCatalog::Document& entry,
                                   std::optional<Xapian::Document> built) {
    const schema::SourceState& primary = entry.sources.front();
    record.source = primary.display();
    record.tags = primary.facets.tags;  // a stored record may hold duplicates' tags that have since left
    record.duplicates.clear();
    record.other_titles.clear();
    std::vector<schema::SourceState> duplicates;
    for (std::size_t i = 1; i < entry.sources.size(); ++i) {
        const schema::SourceState& s = entry.sources[i];
        if (s.lends_title()) {
            if (s.link_title != record.title && std::find(record.other_titles.begin(), record.other_titles.end(),
                                                          s.link_title) == record.other_titles.end())
                record.other_titles.push_back(s.link_title);
            continue;
        }
        record.duplicates.push_back(s.display());
        for (const std::string& tag : s.facets.tags)
            if (std::find(record.tags.begin(), record.tags.end(), tag) == record.tags.end()) record.tags.push_back(tag);
        duplicates.push_back(s);
    }
    bool as_built = built && duplicates.empty() && record.other_titles.empty();
    Xapian::Document doc = as_built ? std::move(*built) : build_document(record, duplicates);
    doc.set_data(schema::stored_record_data(record));
    set_sort_values(doc, record);
    set_file_values(doc, entry.sources, entry.fingerprint);
    return doc;
}

}  // namespace qbank::indexer
