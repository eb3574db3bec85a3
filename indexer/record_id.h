#pragma once
// Record ids: 16 hex digits of XXH3-64 over the canonical path of the source file.

#include <string>

namespace qbank::indexer {

std::string record_id_for_canonical(const std::string& canonical_path);

}  // namespace qbank::indexer
