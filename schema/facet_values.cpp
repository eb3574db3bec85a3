#include "schema/facet_values.h"

namespace qbank::schema {

// Values are normalized text, which never holds a NUL byte, so NUL separates them.
constexpr char kSeparator = '\0';

std::string pack_facet_values(const std::vector<std::string>& values) {
    std::string packed;
    for (const std::string& v : values) {
        if (!packed.empty()) packed += kSeparator;
        packed += v;
    }
    return packed;
}

std::vector<std::string> unpack_facet_values(std::string_view packed) {
    std::vector<std::string> values;
    if (packed.empty()) return values;
    std::size_t start = 0;
    while (true) {
        std::size_t end = packed.find(kSeparator, start);
        values.emplace_back(packed.substr(start, end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return values;
}

}  // namespace qbank::schema
