#include "indexer/record_id.h"

#include <xxhash.h>

#include <cstdio>

namespace qbank::indexer {

std::string record_id_for_canonical(const std::string& canonical_path) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(XXH3_64bits(canonical_path.data(), canonical_path.size())));
    return hex;
}

}  // namespace qbank::indexer
