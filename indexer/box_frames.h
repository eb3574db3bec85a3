#pragma once
// Box-drawing frames on a scraped text page, as e-mails and terminals draw them
// around a heading ("╔════╗" / "║ QUESTION OF THE WEEK ║" / "╚════╝"): a whole
// frame (top border, one to three lines of framed text, bottom border) becomes its
// text between blank lines, and a rule drawn alone ("══════") a blank line. A
// diagram, whose boxes hold other box characters or stand side by side, stays. Pure.

#include <string>
#include <string_view>

namespace qbank::indexer {

std::string unbox_lines(std::string_view text);

}  // namespace qbank::indexer
