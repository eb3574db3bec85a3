#pragma once
// Reading a seniority level from the ways pages and people write it.

#include <optional>
#include <string_view>

#include "qbank/record.h"

namespace qbank::schema {

// "Senior Level", "(Mid-Level)", "Junior / New Grad", "Staff+", "principal" -> a Level.
// The whole text must be a level phrase: "Senior Engineer" or "Tech Lead" is nullopt,
// so a line of prose is never mistaken for a level.
std::optional<Level> parse_level_name(std::string_view text);

}  // namespace qbank::schema
