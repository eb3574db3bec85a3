#pragma once
// Text from pages, paths, ids, queries and filter values made safe to print on
// a terminal or in a log line: nothing in it can move the cursor, retitle the
// window, reorder the text around it or start a forged line.

#include <string>
#include <string_view>

namespace qbank::cli {

// Control characters (C0 but tab, DEL, C1) and bidirectional controls as \u{…},
// bytes of invalid UTF-8 as \x…; newlines too unless `keep_newlines` (the
// multi-line text of a page, printed on lines of its own).
std::string printable(std::string_view text, bool keep_newlines = false);

}  // namespace qbank::cli
