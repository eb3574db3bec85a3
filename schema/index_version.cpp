#include "schema/index_version.h"

#include "qbank/error.h"
#include "schema/fields.h"

namespace qbank::schema {

void check_schema_version(const Xapian::Database& db, const std::string& path) {
    std::string stored = db.get_metadata(std::string(kSchemaVersionKey));
    if (stored.empty() && db.get_doccount() == 0) return;  // new, empty index
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
