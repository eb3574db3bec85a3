#pragma once
// A facet slot holds every value of its field for one document, packed into
// one string, because Xapian keeps one value per slot per document. Each value
// carries its folded key, so "Leadership" and "leadership" count as one facet
// value (as they match one filter) and the counter need not fold at search time.

#include <string>
#include <string_view>
#include <vector>

namespace qbank::schema {

struct FacetValue {
    std::string key;      // fold_value(display): what counts and filters compare
    std::string display;  // as written on the first page that used it

    bool operator==(const FacetValue&) const = default;
};

// Packs the values, one per key: later spellings of a key already present are dropped.
std::string pack_facet_values(const std::vector<std::string>& values);
std::vector<FacetValue> unpack_facet_values(std::string_view packed);

// Calls visit(key, display) for each value of `packed`, as views into it: for
// readers of many documents' values, which need not copy them.
template <class Visit>
void for_each_facet_value(std::string_view packed, Visit&& visit);

// Normalized text never holds control characters, so they can separate values.
inline constexpr char kFacetValueSeparator = '\x1e';
inline constexpr char kFacetKeySeparator = '\x1f';

template <class Visit>
void for_each_facet_value(std::string_view packed, Visit&& visit) {
    while (!packed.empty()) {
        std::size_t end = packed.find(kFacetValueSeparator);
        std::string_view entry = packed.substr(0, end);
        std::size_t split = entry.find(kFacetKeySeparator);
        if (split != std::string_view::npos) visit(entry.substr(0, split), entry.substr(split + 1));
        if (end == std::string_view::npos) break;
        packed.remove_prefix(end + 1);
    }
}

}  // namespace qbank::schema
