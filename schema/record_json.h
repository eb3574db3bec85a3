#pragma once
// Record <-> JSON, in the shape of schema/record.schema.json. The JSON is also
// what the index stores as each document's data.

#include <string>

#include "qbank/record.h"

namespace qbank::schema {

// Compact JSON when indent < 0, else pretty-printed with that indent.
std::string record_to_json(const Record& record, int indent = -1);

// Throws qbank::Error (Corrupt) when the text is not a record.
Record record_from_json(const std::string& json);

}  // namespace qbank::schema
