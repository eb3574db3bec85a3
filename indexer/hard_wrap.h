#pragma once
// Paragraphs that a PDF, an e-mail or a terminal wrapped at a fixed width, on a
// scraped text page: a line of 50 characters or more that ends no sentence,
// followed by one that goes on in lower case, is one line with it ("…milhares de
// escritas" + "por segundo. A equipa…"). A word hyphenated at the break is whole
// again. Lists, indented lines and short lines (chips, titles) stay as they are. Pure.

#include <string>
#include <string_view>

namespace qbank::indexer {

std::string unwrap_lines(std::string_view text);

}  // namespace qbank::indexer
