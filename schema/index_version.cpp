#include "schema/index_version.h"

#include "errors/index_errors.h"
#include "qbank/error.h"
#include "qbank/version.h"
#include "schema/fields.h"

namespace qbank::schema {

void check_schema_version(const Xapian::Database& db, const std::string& path) {
    std::string stored;
    std::string written_by;
    Xapian::doccount documents = 0;
    try {
        stored = db.get_metadata(std::string(kSchemaVersionKey));
        written_by = db.get_metadata(std::string(kWrittenByKey));
        documents = db.get_doccount();
    } catch (const Xapian::Error& e) {
        throw IndexCorruptError("cannot read index " + path + ": " + errors::what_went_wrong(e));
    }
    if (stored.empty() && documents == 0) return;  // new, empty index
    if (stored == std::to_string(kSchemaVersion)) return;
    std::string found = stored.empty() ? "has no qbank schema"
                        : written_by.empty() ? "has schema " + stored
                                             : "was written by qbank " + written_by + " with schema " + stored;
    throw IndexIncompatibleError("index " + path + " " + found + "; qbank " + std::string(version()) +
                                 " needs schema " + std::to_string(kSchemaVersion) +
                                 ": rebuild it from the files it was built from");
}

void stamp_schema_version(Xapian::WritableDatabase& db) {
    db.set_metadata(std::string(kSchemaVersionKey), std::to_string(kSchemaVersion));
    db.set_metadata(std::string(kWrittenByKey), std::string(version()));
}

}  // namespace qbank::schema
