#include "schema/facet_values.h"

#include <algorithm>

#include "text/fold.h"

namespace qbank::schema {

// Normalized text never holds control characters, so they can separate values.
constexpr char kValueSeparator = '\x1e';
constexpr char kKeySeparator = '\x1f';

std::string pack_facet_values(const std::vector<std::string>& values) {
    std::vector<std::string> keys;
    std::string packed;
    for (const std::string& display : values) {
        std::string key = text::fold_value(display);
        if (key.empty() || std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
        if (!packed.empty()) packed += kValueSeparator;
        packed += key;
        packed += kKeySeparator;
        packed += display;
        keys.push_back(std::move(key));
    }
    return packed;
}

std::vector<FacetValue> unpack_facet_values(std::string_view packed) {
    std::vector<FacetValue> values;
    while (!packed.empty()) {
        std::size_t end = packed.find(kValueSeparator);
        std::string_view entry = packed.substr(0, end);
        std::size_t split = entry.find(kKeySeparator);
        if (split != std::string_view::npos)
            values.push_back({std::string(entry.substr(0, split)), std::string(entry.substr(split + 1))});
        if (end == std::string_view::npos) break;
        packed.remove_prefix(end + 1);
    }
    return values;
}

}  // namespace qbank::schema
