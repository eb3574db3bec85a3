#pragma once
// Box-drawing frames on a scraped text page, as e-mails and terminals draw them
// around a heading ("╔════╗" / "║ QUESTION OF THE WEEK ║" / "╚════╝"): a line of
// frame characters alone is a blank line, and a line framed on both sides is its
// text. Lines of a diagram, which hold other characters beside the frame, stay.
// Pure.

#include <string>
#include <string_view>

namespace qbank::indexer {

std::string unbox_lines(std::string_view text);

}  // namespace qbank::indexer
