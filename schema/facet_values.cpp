#include "schema/facet_values.h"

#include <algorithm>

#include "text/fold.h"

namespace qbank::schema {

std::string pack_facet_values(const std::vector<std::string>& values) {
    std::vector<std::string> keys;
    std::string packed;
    for (const std::string& display : values) {
        std::string key = text::fold_value(display);
        if (key.empty() || std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
        if (!packed.empty()) packed += kFacetValueSeparator;
        packed += key;
        packed += kFacetKeySeparator;
        packed += display;
        keys.push_back(std::move(key));
    }
    return packed;
}

std::vector<FacetValue> unpack_facet_values(std::string_view packed) {
    std::vector<FacetValue> values;
    for_each_facet_value(packed, [&](std::string_view key, std::string_view display) {
        values.push_back({std::string(key), std::string(display)});
    });
    return values;
}

}  // namespace qbank::schema
