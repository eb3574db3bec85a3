#include "indexer/record_id.h"

#include <xxhash.h>

#include <cstdio>

namespace qbank::indexer {

std::string record_id(const std::string& name) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(XXH3_64bits(name.data(), name.size())));
    return hex;
}

}  // namespace qbank::indexer
