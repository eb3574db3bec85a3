#pragma once
// The record fields a hit carries (SearchRequest::fields), read once into a set:
// the searcher clears the others, the JSON writer writes only these.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "qbank/record.h"

namespace qbank::schema {

class HitFields {
public:
    // Throws BadInputError naming an unknown field and the known ones.
    explicit HitFields(const std::vector<std::string>& names);

    bool has(std::string_view name) const;
    // Empties the fields of `record` not asked for (the id stays).
    void trim(Record& record) const;

private:
    std::uint32_t asked_ = 0;
};

}  // namespace qbank::schema
