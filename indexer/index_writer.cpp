#include "indexer/index_writer.h"

#include <filesystem>

#include "qbank/error.h"
#include "schema/fields.h"
#include "schema/index_version.h"

namespace qbank::indexer {

namespace {

Xapian::WritableDatabase open_for_writing(const std::string& path) {
    try {
        std::filesystem::create_directories(std::filesystem::path(path).parent_path().empty()
                                                ? std::filesystem::path(".")
                                                : std::filesystem::path(path).parent_path());
        return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    } catch (const Xapian::DatabaseLockError&) {
        throw Error(Error::Kind::IndexLocked, "index " + path + " is being written by another qbank index");
    } catch (const Xapian::Error& e) {
        throw Error(Error::Kind::IndexUnavailable, "cannot open index " + path + " for writing: " + e.get_description());
    } catch (const std::filesystem::filesystem_error& e) {
        throw Error(Error::Kind::IndexUnavailable, "cannot create index " + path + ": " + e.code().message());
    }
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path) : IndexWriter(open_for_writing(path), path) {}

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

bool IndexWriter::put(const Record& record) {
    begin();
    std::string key = schema::id_term(record.id);
    try {
        bool existed = db_.term_exists(key);
        db_.replace_document(key, builder_.build(record));
        return existed;
    } catch (const Xapian::Error& e) {
        throw Error(Error::Kind::IndexUnavailable, "cannot write to index " + path_ + ": " + e.get_description());
    }
}

void IndexWriter::commit() {
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
