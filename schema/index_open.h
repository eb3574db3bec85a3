#pragma once
// What opening an index can go wrong with, as qbank's errors: one mapping for
// readers, the writer, check and compact.

#include <xapian.h>

#include <string>

namespace qbank::schema {

// Throws IndexMissingError when nothing is at `path`, IndexIOError when that
// cannot be told (a folder on the way is unreadable).
void require_index_folder(const std::string& path);

// The Xapian error of opening the index at `path` as a qbank Error: not found ->
// IndexMissingError, another format version -> IndexIncompatibleError (naming the
// rebuild command), corrupt -> IndexCorruptError, locked -> IndexLockedError,
// anything else (permissions, I/O) -> IndexIOError.
[[noreturn]] void throw_open_error(const Xapian::Error& error, const std::string& path);

}  // namespace qbank::schema
