#pragma once
// Trimming spaces and tabs (normalized text has no other blanks within a line).

#include <string_view>

namespace qbank::text {

inline std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace qbank::text
