#pragma once
// The schema version every index records, and the check both sides run on open.

#include <xapian.h>

#include <string>

namespace qbank::schema {

// Throws IndexIncompatibleError when `db` holds documents written by another
// schema version, naming `path` and the command that rebuilds it.
void check_schema_version(const Xapian::Database& db, const std::string& path);

// Records this build's schema version and qbank version in `db` (committed with the next commit).
void stamp_schema_version(Xapian::WritableDatabase& db);

}  // namespace qbank::schema
