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

}  // namespace qbank::schema
