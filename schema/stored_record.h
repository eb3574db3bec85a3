#pragma once
// The record a document stores as its data, in a compact binary form: a format
// byte, then each field in a fixed order, strings and lists as a varint length
// and their contents. A hit's record is read on every search, and this form
// reads without parsing (no escapes, no key names) and is smaller than JSON.

#include <xapian.h>

#include <string>

#include "qbank/record.h"

namespace qbank::schema {

std::string stored_record_data(const Record& record);

// Throws IndexCorruptError, naming the document, when its data is not a record.
Record stored_record(const Xapian::Document& doc);

}  // namespace qbank::schema
