#pragma once
// A facet slot holds every value of its field for one document, packed into
// one string, because Xapian keeps one value per slot per document.

#include <string>
#include <string_view>
#include <vector>

namespace qbank::schema {

std::string pack_facet_values(const std::vector<std::string>& values);
std::vector<std::string> unpack_facet_values(std::string_view packed);

}  // namespace qbank::schema
