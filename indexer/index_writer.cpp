#include "indexer/index_writer.h"

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <optional>
#include <vector>

#include "errors/index_errors.h"
#include "qbank/error.h"
#include "schema/fields.h"
#include "schema/index_version.h"
#include "text/word_segment.h"

namespace qbank::indexer {

namespace {

// Xapian reads its flush threshold from the environment when a database opens.
std::mutex flush_env_mutex;

Xapian::WritableDatabase open_with_flush_threshold(const std::string& path, unsigned flush_every) {
    if (flush_every == 0) return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    std::lock_guard lock(flush_env_mutex);
    const char* old = std::getenv("XAPIAN_FLUSH_THRESHOLD");
    std::optional<std::string> saved = old ? std::optional<std::string>(old) : std::nullopt;
    ::setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(flush_every).c_str(), 1);
    auto restore = [&] {
        if (saved) ::setenv("XAPIAN_FLUSH_THRESHOLD", saved->c_str(), 1);
        else ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
    };
    try {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
        restore();
        return db;
    } catch (...) {
        restore();
        throw;
    }
}

Xapian::WritableDatabase open_for_writing(const std::string& path, unsigned flush_every) {
    try {
        std::filesystem::create_directories(std::filesystem::path(path).parent_path().empty()
                                                ? std::filesystem::path(".")
                                                : std::filesystem::path(path).parent_path());
        return open_with_flush_threshold(path, flush_every);
    } catch (const Xapian::Error& e) {
        errors::throw_index_error(e, path);
    } catch (const std::filesystem::filesystem_error& e) {
        throw IndexIOError("cannot create index " + path + ": " + e.code().message());
    }
}

// Plain words of a document (unprefixed terms: prefixes are capitals) worth suggesting.
// Not numbers, nor words with digits ("12342" for "12345", "k8s"): an edit away from
// another is no typo of it, and a page of numbers would fill the spelling table.
bool is_spelling_word(const std::string& term) {
    if (term.size() < 2 || term.size() > 40 || (term[0] >= 'A' && term[0] <= 'Z')) return false;
    if (term.find_first_of("0123456789") != std::string::npos) return false;
    // Words start with a letter; an operator ("==") is no typo of another.
    if (!Xapian::Unicode::is_wordchar(*Xapian::Utf8Iterator(term.data(), term.size()))) return false;
    // Edit distance means nothing for CJK words of two or three characters.
    return !text::starts_with_unspaced_script(term);
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, unsigned flush_every, Open open)
    : IndexWriter(open_for_writing(path, flush_every), path, open) {}

IndexWriter::IndexWriter(Xapian::WritableDatabase db, const std::string& label, Open open)
    : db_(std::move(db)), path_(label) {
    bool foreign = false;
    try {
        schema::check_schema_version(db_, path_);
    } catch (const IndexIncompatibleError&) {
        if (open != Open::Rebuild) throw;
        foreign = true;  // its metadata may mean something else to this version
    }
    if (open == Open::Rebuild) remove_all(foreign);
}

IndexWriter::~IndexWriter() {
    if (!in_transaction_) return;
    try {
        db_.cancel_transaction();
    } catch (const Xapian::Error&) {
        // Nothing more can be done in a destructor; the last commit stays intact.
    }
}

void IndexWriter::begin() {
    if (in_transaction_ || !transactions_) return;
    try {
        db_.begin_transaction();
        in_transaction_ = true;
    } catch (const Xapian::UnimplementedError&) {
        transactions_ = false;  // the in-memory backend: nothing durable to protect
    }
}

template <typename Change>
auto IndexWriter::write(Change change) {
    if (failed_) throw IndexIOError("an earlier write to index " + path_ + " failed");
    begin();
    try {
        return change();
    } catch (const Xapian::Error& e) {
        // Xapian has dropped everything pending: committing now would write part of a run.
        failed_ = true;
        throw IndexIOError("cannot write to index " + path_ + ": " + errors::what_went_wrong(e));
    }
}

// Spelling data counts, per word, the documents that hold it, so that a word
// leaves the suggestions when its last document goes.
void IndexWriter::count_spellings(const Xapian::Document& doc, bool add) {
    if (!spelling_) return;
    try {
        for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
            const std::string& term = *it;
            if (!is_spelling_word(term)) continue;
            if (add) db_.add_spelling(term, 1);
            else db_.remove_spelling(term, 1);
        }
    } catch (const Xapian::UnimplementedError&) {
        spelling_ = false;  // the in-memory backend keeps no spelling data
    }
}

IndexWriter::Put IndexWriter::put(const std::string& record_id, const Xapian::Document& doc) {
    return write([&] {
        std::string key = schema::id_term(record_id);
        Xapian::PostingIterator old = db_.postlist_begin(key);
        bool existed = old != db_.postlist_end(key);
        if (existed) count_spellings(db_.get_document(*old), false);
        count_spellings(doc, true);
        return Put{db_.replace_document(key, doc), existed};
    });
}

IndexWriter::Put IndexWriter::put(const Record& record) { return put(record.id, build_document(record)); }

Xapian::Document IndexWriter::get(Xapian::docid docid) {
    return write([&] { return db_.get_document(docid); });
}

void IndexWriter::replace(Xapian::docid docid, const Xapian::Document& doc) {
    write([&] {
        count_spellings(db_.get_document(docid), false);
        count_spellings(doc, true);
        db_.replace_document(docid, doc);
    });
}

void IndexWriter::remove(Xapian::docid docid) {
    write([&] {
        count_spellings(db_.get_document(docid), false);
        db_.delete_document(docid);
    });
}

void IndexWriter::set_metadata(const std::string& key, const std::string& value) {
    write([&] { db_.set_metadata(key, value); });
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
        begin();
        schema::stamp_schema_version(db_);
        if (in_transaction_) db_.commit_transaction();
        else db_.commit();
        in_transaction_ = false;
    } catch (const Xapian::Error& e) {
        throw IndexIOError("cannot commit index " + path_ + ": " + errors::what_went_wrong(e));
    }
}

}  // namespace qbank::indexer
