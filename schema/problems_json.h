#pragma once
// The one JSON shape of a problem with an input, in every output that lists
// them (index summary, file result): {"path", "line" (when known), "message"}.

#include <nlohmann/json.hpp>

#include <vector>

#include "qbank/page.h"

namespace qbank::schema {

nlohmann::ordered_json problems_to_json(const std::vector<Diagnostic>& problems);

}  // namespace qbank::schema
