#pragma once
// Record ids: 16 hex digits of XXH3-64 over what names the record: the file's
// name (FileInfo::name) and, for one of several records, "#" and its fragment.

#include <string>

namespace qbank::indexer {

std::string record_id(const std::string& name);

}  // namespace qbank::indexer
