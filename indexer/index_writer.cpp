#include "indexer/index_writer.h"

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <optional>
#include <vector>

#include "qbank/error.h"
#include "schema/fields.h"
#include "schema/index_version.h"

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
    } catch (const Xapian::DatabaseLockError&) {
        throw Error(Error::Kind::IndexLocked, "index " + path + " is being written by another qbank index");
    } catch (const Xapian::Error& e) {
        throw Error(Error::Kind::IndexUnavailable, "cannot open index " + path + " for writing: " + e.get_description());
    } catch (const std::filesystem::filesystem_error& e) {
        throw Error(Error::Kind::IndexUnavailable, "cannot create index " + path + ": " + e.code().message());
    }
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, unsigned flush_every)
    : IndexWriter(open_for_writing(path, flush_every), path) {}

IndexWriter::IndexWriter(Xapian::WritableDatabase db, const std::string& label)
    : db_(std::move(db)), path_(label) {
    schema::check_schema_version(db_, path_);
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
    if (failed_) throw Error(Error::Kind::IndexUnavailable, "an earlier write to index " + path_ + " failed");
    begin();
    try {
        return change();
    } catch (const Xapian::Error& e) {
        // Xapian has dropped everything pending: committing now would write part of a run.
        failed_ = true;
        throw Error(Error::Kind::IndexUnavailable, "cannot write to index " + path_ + ": " + e.get_description());
    }
}

IndexWriter::Put IndexWriter::put(const std::string& record_id, const Xapian::Document& doc) {
    return write([&] {
        std::string key = schema::id_term(record_id);
        bool existed = db_.term_exists(key);
        return Put{db_.replace_document(key, doc), existed};
    });
}

IndexWriter::Put IndexWriter::put(const Record& record) { return put(record.id, builder_.build(record)); }

Xapian::Document IndexWriter::get(Xapian::docid docid) {
    return write([&] { return db_.get_document(docid); });
}

void IndexWriter::replace(Xapian::docid docid, const Xapian::Document& doc) {
    write([&] { db_.replace_document(docid, doc); });
}

void IndexWriter::remove(Xapian::docid docid) {
    write([&] { db_.delete_document(docid); });
}

void IndexWriter::set_metadata(const std::string& key, const std::string& value) {
    write([&] { db_.set_metadata(key, value); });
}

void IndexWriter::remove_all() {
    write([&] {
        std::vector<Xapian::docid> all(db_.postlist_begin(""), db_.postlist_end(""));
        for (Xapian::docid docid : all) db_.delete_document(docid);
    });
}

void IndexWriter::commit() {
    if (failed_) throw Error(Error::Kind::IndexUnavailable, "an earlier write to index " + path_ + " failed: nothing was committed");
    try {
        begin();
        schema::stamp_schema_version(db_);
        if (in_transaction_) db_.commit_transaction();
        else db_.commit();
        in_transaction_ = false;
    } catch (const Xapian::Error& e) {
        throw Error(Error::Kind::IndexUnavailable, "cannot commit index " + path_ + ": " + e.get_description());
    }
}

}  // namespace qbank::indexer
