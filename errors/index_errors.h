#pragma once
// What opening or using an index can go wrong with, as qbank's errors: one
// mapping for readers, the writer, the indexer, check and compact.

#include <xapian.h>

#include <string>

namespace qbank::errors {

// Throws IndexMissingError when nothing is at `path`, IndexIOError when that
// cannot be told (a folder on the way is unreadable).
void require_index_folder(const std::string& path);

// A Xapian error from opening or using the index at `path` as a qbank Error: not
// found -> IndexMissingError, another format version -> IndexIncompatibleError
// (naming the rebuild command), corrupt -> IndexCorruptError (likewise), locked ->
// IndexLockedError, anything else (permissions, I/O) -> IndexIOError.
[[noreturn]] void throw_index_error(const Xapian::Error& error, const std::string& path);

// What a Xapian error says, for a person: its message and the system's reason
// ("Error writing block 5: No space left on device"), without Xapian's class name.
std::string what_went_wrong(const Xapian::Error& error);

}  // namespace qbank::errors
