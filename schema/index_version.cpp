#include "schema/index_version.h"

#include "qbank/error.h"
#include "schema/fields.h"

namespace qbank::schema {

void check_schema_version(const Xapian::Database& db, const std::string& path) {
    std::string stored;
    Xapian::doccount documents = 0;
    try {
        stored = db.get_metadata(std::string(kSchemaVersionKey));
        documents = db.get_doccount();
    } catch (const Xapian::Error& e) {
        throw Error(Error::Kind::Corrupt, "cannot read index " + path + ": " + e.get_description());
    }
    if (stored.empty() && documents == 0) return;  // new, empty index
    if (stored == std::to_string(kSchemaVersion)) return;
    std::string found = stored.empty() ? "no qbank schema" : "schema " + stored;
    throw Error(Error::Kind::SchemaMismatch,
                "index " + path + " has " + found + ", this build needs schema " + std::to_string(kSchemaVersion) +
                    ": remove " + path + " and run 'qbank index' again to rebuild it");
}

void stamp_schema_version(Xapian::WritableDatabase& db) {
    db.set_metadata(std::string(kSchemaVersionKey), std::to_string(kSchemaVersion));
}

}  // namespace qbank::schema
