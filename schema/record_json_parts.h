#pragma once
// The JSON of a record's sections and removed blocks, as record.schema.json has
// them: shared by records and by hits that ask for these fields.

#include <nlohmann/json.hpp>

#include <vector>

#include "qbank/record.h"

namespace qbank::schema {

nlohmann::ordered_json sections_to_json(const std::vector<Section>& sections);
nlohmann::ordered_json removed_to_json(const std::vector<RemovedBlock>& removed);

}  // namespace qbank::schema
