#pragma once
// The record a document stores as its data (record_to_json), read back.

#include <xapian.h>

#include "qbank/record.h"

namespace qbank::schema {

// Throws IndexCorruptError, naming the document, when its data is not a record.
Record stored_record(const Xapian::Document& doc);

}  // namespace qbank::schema
