#pragma once
// A bound on how deep HTML elements nest, applied before parsing. Pure.
//
// Start tags that would open an element deeper than `max_depth` are dropped with
// their end tags, so what they held is read as part of the deepest kept element:
// all text stays. Browsers do the same (Chromium stops its tree at 512). It also
// keeps parsing linear: gumbo scans the open elements at each tag, so 40,000
// unclosed tags cost it seconds.

#include <cstddef>
#include <string>
#include <string_view>

namespace qbank::indexer {

constexpr std::size_t kMaxHtmlDepth = 512;

std::string cap_html_nesting(std::string_view html, std::size_t max_depth = kMaxHtmlDepth);

}  // namespace qbank::indexer
