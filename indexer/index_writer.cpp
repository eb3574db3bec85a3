#include "indexer/index_writer.h"

#include <system_error>
#include <utility>

#include "errors/index_errors.h"
#include "indexer/folder_swap.h"
#include "indexer/spelling_word.h"
#include "qbank/error.h"
#include "schema/fields.h"
#include "schema/index_version.h"

namespace qbank::indexer {

namespace fs = std::filesystem;

// A change made in place, kept until the run commits or moves beside the index.
struct IndexWriter::Change {
    enum class Kind { Add, Replace, Remove, Metadata } kind;
    Xapian::docid docid = 0;
    std::string key;    // Metadata
    std::string value;  // Add, Replace: the serialised document (whole, not read lazily); Metadata: the value
};

namespace {

Xapian::WritableDatabase open_for_writing(const std::string& path) {
    try {
        fs::path folder = index_folder(path);
        fs::create_directories(folder.parent_path().empty() ? fs::path(".") : folder.parent_path());
        return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    } catch (const Xapian::Error& e) {
        errors::throw_index_error(e, path);
    } catch (const fs::filesystem_error& e) {
        throw IndexIOError("cannot create index " + path + ": " + e.code().message());
    }
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, unsigned flush_every, Open open)
    : db_(open_for_writing(path)), path_(path), folder_(index_folder(path)), flush_every_(flush_every) {
    remove_leftovers();  // of a run killed before it swapped
    start(open);
}

IndexWriter::IndexWriter(Xapian::WritableDatabase db, const std::string& label, Open open)
    : db_(std::move(db)), path_(label) {
    start(open);
}

void IndexWriter::start(Open open) {
    bool foreign = false;
    try {
        schema::check_schema_version(db_, path_);
    } catch (const IndexIncompatibleError&) {
        if (open != Open::Rebuild) throw;
        foreign = true;  // its metadata may mean something else to this version
    }
    if (open != Open::Rebuild) return;
    // Removing every document in place would hold the whole index's postings in memory.
    if (may_move()) move_beside(true, !foreign);
    else remove_all(foreign);
}

IndexWriter::~IndexWriter() {
    try {
        if (in_transaction_) target().cancel_transaction();
    } catch (const Xapian::Error&) {
        // Nothing more can be done in a destructor; the last commit stays intact.
    }
    beside_.reset();
    if (!folder_.empty()) remove_leftovers();
}

void IndexWriter::remove_leftovers() {
    std::error_code ignored;
    fs::remove_all(beside_folder(), ignored);
    fs::remove_all(compacted_folder(), ignored);
}

void IndexWriter::begin() {
    if (in_transaction_ || !transactions_) return;
    try {
        target().begin_transaction();
        in_transaction_ = true;
    } catch (const Xapian::UnimplementedError&) {
        transactions_ = false;  // the in-memory backend: nothing durable to protect
    }
}

void IndexWriter::end_transaction() {
    if (in_transaction_) target().commit_transaction();
    else target().commit();
    in_transaction_ = false;
}

template <typename Work>
auto IndexWriter::write(Work work) {
    if (failed_) throw IndexIOError("an earlier write to index " + path_ + " failed");
    begin();
    try {
        return work();
    } catch (const Xapian::Error& e) {
        // Xapian has dropped everything pending: committing now would write part of a run.
        failed_ = true;
        throw IndexIOError("cannot write to index " + path_ + ": " + errors::what_went_wrong(e));
    }
}

// Counts a change made to the database written to. In place it is kept, and the
// run moves beside once it holds half of flush_every; beside, the copy commits
// every flush_every.
template <typename MakeChange>
void IndexWriter::changed(MakeChange make_change) {
    if (!may_move()) return;
    if (beside_) {
        if (++unflushed_ < flush_every_) return;
        end_transaction();
        unflushed_ = 0;
        return;
    }
    log_.push_back(make_change());
    // Half: the log and the changes staged in place share the memory the bound allows.
    if (log_.size() * 2 >= flush_every_) move_beside(false, true);
}

// Continues the run in a copy of the index as last committed (or in an empty
// index, keeping its metadata if asked), replaying what was done in place.
void IndexWriter::move_beside(bool fresh, bool with_metadata) {
    const fs::path beside = beside_folder();
    try {
        fs::remove_all(beside);
        if (fresh) {
            beside_.emplace(beside.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
        } else {
            // A reader sees the last commit, whatever the run has staged in place. The
            // copy keeps every docid, which the run has handed out already.
            Xapian::Database(folder_.string()).compact(beside.string(), Xapian::DBCOMPACT_NO_RENUMBER);
            beside_.emplace(beside.string(), Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
        }
    } catch (const Xapian::Error&) {
        return stay_in_place(fresh, with_metadata);
    } catch (const fs::filesystem_error&) {
        return stay_in_place(fresh, with_metadata);
    }
    try {
        if (in_transaction_) db_.cancel_transaction();  // frees what was staged in place
        in_transaction_ = false;
        spelling_changes_.clear();  // the replay counts them again
        begin();
        if (fresh && with_metadata)
            for (auto key = db_.metadata_keys_begin(); key != db_.metadata_keys_end(); ++key)
                beside_->set_metadata(*key, db_.get_metadata(*key));
        for (Change& change : log_) {
            replay(change);
            std::string().swap(change.value);
        }
        unflushed_ = log_.size();
        log_.clear();
    } catch (const Xapian::Error& e) {
        failed_ = true;
        throw IndexIOError("cannot write index " + path_ + " beside it, in " + beside.string() + ": " +
                           errors::what_went_wrong(e));
    }
}

// No copy can be made beside the index (its parent folder is read-only, say):
// this run and the next stay in place, in one transaction, as with no bound.
void IndexWriter::stay_in_place(bool fresh, bool with_metadata) {
    beside_.reset();
    remove_leftovers();
    flush_every_ = 0;
    log_.clear();
    if (fresh) remove_all(!with_metadata);
}

void IndexWriter::replay(const Change& change) {
    switch (change.kind) {
        case Change::Kind::Add:
        case Change::Kind::Replace:
            store(change.docid, Xapian::Document::unserialise(change.value), change.kind == Change::Kind::Replace);
            break;
        case Change::Kind::Remove:
            count_spellings(beside_->get_document(change.docid), false);
            beside_->delete_document(change.docid);
            break;
        case Change::Kind::Metadata: beside_->set_metadata(change.key, change.value); break;
    }
}

// Spelling data counts, per word, the documents that hold it, so that a word
// leaves the suggestions when its last document goes. The run's changes to the
// counts are summed here and written once per word (apply_spellings): Xapian's
// spelling table costs as much per call as per count.
void IndexWriter::count_spellings(const Xapian::Document& doc, bool add) {
    if (!spelling_) return;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string& term = *it;
        if (is_spelling_word(term)) spelling_changes_[term] += add ? 1 : -1;
    }
    if (spelling_changes_.size() >= kMaxPendingSpellings) apply_spellings();
}

void IndexWriter::apply_spellings() {
    try {
        for (const auto& [word, change] : spelling_changes_) {
            if (change > 0) target().add_spelling(word, static_cast<Xapian::termcount>(change));
            else if (change < 0) target().remove_spelling(word, static_cast<Xapian::termcount>(-change));
        }
    } catch (const Xapian::UnimplementedError&) {
        spelling_ = false;  // the in-memory backend keeps no spelling data
    }
    spelling_changes_.clear();
}

void IndexWriter::store(Xapian::docid docid, const Xapian::Document& doc, bool existed) {
    if (existed) count_spellings(target().get_document(docid), false);
    count_spellings(doc, true);
    target().replace_document(docid, doc);
}

IndexWriter::Put IndexWriter::put(const std::string& record_id, const Xapian::Document& doc) {
    return write([&] {
        std::string key = schema::id_term(record_id);
        Xapian::WritableDatabase& db = target();
        Xapian::PostingIterator old = db.postlist_begin(key);
        bool existed = old != db.postlist_end(key);
        if (existed) count_spellings(db.get_document(*old), false);
        count_spellings(doc, true);
        Put put{db.replace_document(key, doc), existed};
        changed([&] {
            return Change{existed ? Change::Kind::Replace : Change::Kind::Add, put.docid, {}, doc.serialise()};
        });
        return put;
    });
}

IndexWriter::Put IndexWriter::put(const Record& record) { return put(record.id, build_document(record)); }

Xapian::Document IndexWriter::get(Xapian::docid docid) {
    return write([&] { return target().get_document(docid); });
}

void IndexWriter::replace(Xapian::docid docid, const Xapian::Document& doc) {
    write([&] {
        store(docid, doc, true);
        changed([&] { return Change{Change::Kind::Replace, docid, {}, doc.serialise()}; });
    });
}

void IndexWriter::remove(Xapian::docid docid) {
    write([&] {
        count_spellings(target().get_document(docid), false);
        target().delete_document(docid);
        changed([&] { return Change{Change::Kind::Remove, docid, {}, {}}; });
    });
}

void IndexWriter::set_metadata(const std::string& key, const std::string& value) {
    write([&] {
        target().set_metadata(key, value);
        if (may_move() && !beside_) log_.push_back(Change{Change::Kind::Metadata, 0, key, value});
    });
}

void IndexWriter::remove_all(bool with_metadata) {
    write([&] {
        if (with_metadata && transactions_) {  // in-memory databases (tests) cannot list their metadata
            std::vector<std::string> keys(db_.metadata_keys_begin(), db_.metadata_keys_end());
            for (const std::string& key : keys) db_.set_metadata(key, "");
        }
        std::vector<Xapian::docid> all(db_.postlist_begin(""), db_.postlist_end(""));
        for (Xapian::docid docid : all) db_.delete_document(docid);
        std::vector<std::pair<std::string, Xapian::termcount>> words;
        for (auto it = db_.spellings_begin(); it != db_.spellings_end(); ++it) words.emplace_back(*it, it.get_termfreq());
        for (const auto& [word, count] : words) db_.remove_spelling(word, count);
    });
}

void IndexWriter::commit() {
    if (failed_) throw IndexIOError("an earlier write to index " + path_ + " failed: nothing was committed");
    try {
        if (beside_) return swap_in();
        begin();
        apply_spellings();
        schema::stamp_schema_version(db_);
        end_transaction();
        log_.clear();
    } catch (const Xapian::Error& e) {
        throw IndexIOError("cannot commit index " + path_ + ": " + errors::what_went_wrong(e));
    }
}

// The run's copy, committed and compacted, takes the index's place, and the
// writer holds the index again.
void IndexWriter::swap_in() {
    begin();
    apply_spellings();
    schema::stamp_schema_version(*beside_);
    end_transaction();
    beside_->close();
    beside_.reset();
    unflushed_ = 0;
    const fs::path beside = beside_folder(), compacted = compacted_folder();
    try {
        fs::remove_all(compacted);
        // Each commit beside left blocks part full: compacted, the index is about a third smaller.
        Xapian::Database(beside.string()).compact(compacted.string(), Xapian::DBCOMPACT_NO_RENUMBER);
        // Xapian's readers see a new commit by its revision number (qbank's also by
        // the folder being replaced), and a compacted database counts from 1 again.
        Xapian::WritableDatabase fresh(compacted.string(), Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
        if (fresh.get_revision() == db_.get_revision()) {
            schema::stamp_schema_version(fresh);
            fresh.commit();
        }
        fresh.close();
        swap_folders(folder_, compacted);
    } catch (const Xapian::Error& e) {
        failed_ = true;
        throw IndexIOError("cannot compact the new index for " + path_ + ": " + errors::what_went_wrong(e));
    } catch (const fs::filesystem_error& e) {
        failed_ = true;
        throw IndexIOError("cannot put the new index in place of " + path_ + ": " + e.code().message());
    }
    try {
        db_ = Xapian::WritableDatabase(path_, Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
    } catch (const Xapian::Error& e) {
        // Another writer took the index in the moment it was unlocked: the run is in,
        // but this writer may write no more.
        failed_ = true;
        errors::throw_index_error(e, path_);
    }
    remove_leftovers();  // the old index among them: open readers keep their files until they reopen
}

}  // namespace qbank::indexer
