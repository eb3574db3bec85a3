#pragma once
// The boolean operators of Xapian's query syntax, as typed (capitals): query text
// around them is never folded, expanded or corrected.

#include <string_view>

namespace qbank::query {

// AND, OR, NOT, XOR, NEAR, ADJ, NEAR/3, ADJ/2
inline bool is_query_operator(std::string_view word) {
    for (std::string_view op : {"AND", "OR", "NOT", "XOR"})
        if (word == op) return true;
    for (std::string_view op : {"NEAR", "ADJ"}) {
        if (!word.starts_with(op)) continue;
        std::string_view rest = word.substr(op.size());
        if (rest.empty()) return true;
        if (rest.size() < 2 || rest[0] != '/') return false;
        return rest.substr(1).find_first_not_of("0123456789") == std::string_view::npos;
    }
    return false;
}

}  // namespace qbank::query
