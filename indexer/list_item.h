#pragma once
// List items of normalized text: "- ", "* ", "+ ", "• " and "1. " or "1) " lines.

#include <string_view>

namespace qbank::indexer {

inline bool is_list_item(std::string_view line) {
    if (line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ") || line.starts_with("• "))
        return true;
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    return digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
           line[digits + 1] == ' ';
}

}  // namespace qbank::indexer
