#pragma once
// The strings one edit away from a word: one letter dropped, added, replaced, or
// two neighbours swapped (Damerau's edits), counted in code points.

#include <string>
#include <string_view>
#include <vector>

namespace qbank::query {

// Every string one edit from valid UTF-8 `word` whose added or replacing letters
// come from `letters` (code points, each a valid UTF-8 string), in byte order,
// without repeats, never `word` itself.
std::vector<std::string> one_edit_variants(std::string_view word, const std::vector<std::string>& letters);

// The code points of valid UTF-8 `text`, each as its UTF-8 bytes.
std::vector<std::string> code_points_of(std::string_view text);

}  // namespace qbank::query
