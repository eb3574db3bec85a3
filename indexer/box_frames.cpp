#include "indexer/box_frames.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <vector>

#include "text/code_point_walk.h"
#include "text/split_lines.h"
#include "text/trim.h"

namespace qbank::indexer {
namespace {

constexpr UChar32 kFirstBoxChar = 0x2500;  // the Box Drawing block, "─" to "╿"
constexpr UChar32 kLastBoxChar = 0x257F;
constexpr std::size_t kMaxFramedLines = 3;  // a heading's box holds a line or three

bool is_box(UChar32 c) { return c >= kFirstBoxChar && c <= kLastBoxChar; }

std::vector<UChar32> code_points(std::string_view s) {
    std::vector<UChar32> out;
    text::for_each_code_point(s, [&](UChar32 c) { out.push_back(c); });
    return out;
}

bool any_of_chars(UChar32 c, std::u32string_view set) { return set.find(static_cast<char32_t>(c)) != std::u32string_view::npos; }

// "╔══════╗" (top) or "╚══════╝" (bottom): corners at both ends, lines between.
bool is_border(std::string_view line, std::u32string_view left, std::u32string_view right) {
    std::vector<UChar32> cps = code_points(line);
    constexpr std::size_t kMinBorder = 3;
    return cps.size() >= kMinBorder && any_of_chars(cps.front(), left) && any_of_chars(cps.back(), right) &&
           std::all_of(cps.begin(), cps.end(), is_box);
}

// "══════" alone: a rule drawn with box characters.
bool is_rule(std::string_view line) {
    std::vector<UChar32> cps = code_points(line);
    constexpr std::size_t kMinRule = 3;
    return cps.size() >= kMinRule && std::all_of(cps.begin(), cps.end(), [](UChar32 c) {
               return any_of_chars(c, U"─━═╌╍┄┅┈┉");
           });
}

// "║  THE ANSWER  ║" -> "THE ANSWER"; nullopt-like empty when the line is not framed
// text alone (a diagram's "│ Client │ ──▶ │ Server │" holds box characters inside).
std::string_view framed_text(std::string_view line) {
    std::vector<UChar32> cps = code_points(line);
    if (cps.size() < 3 || !any_of_chars(cps.front(), U"│║┃") || !any_of_chars(cps.back(), U"│║┃")) return {};
    if (std::any_of(cps.begin() + 1, cps.end() - 1, is_box)) return {};
    std::size_t first = static_cast<std::size_t>(U8_LENGTH(cps.front()));
    std::size_t last = static_cast<std::size_t>(U8_LENGTH(cps.back()));
    return text::trim(line.substr(first, line.size() - first - last));
}

}  // namespace

std::string unbox_lines(std::string_view text) {
    std::vector<std::string_view> lines = text::split_lines(text);
    std::vector<std::string> out(lines.begin(), lines.end());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view line = text::trim(lines[i]);
        if (is_rule(line)) {
            out[i].clear();
            continue;
        }
        if (!is_border(line, U"┌╔╭┏╒╓", U"┐╗╮┓╕╖")) continue;
        // A whole frame: top, framed lines of text, bottom.
        std::size_t end = i + 1;
        while (end < lines.size() && end - i <= kMaxFramedLines && !framed_text(text::trim(lines[end])).empty()) ++end;
        if (end == i + 1 || end >= lines.size() || !is_border(text::trim(lines[end]), U"└╚╰┗╘╙", U"┘╝╯┛╛╜")) continue;
        out[i].clear();
        for (std::size_t k = i + 1; k < end; ++k) out[k] = std::string(framed_text(text::trim(lines[k])));
        out[end].clear();
        i = end;
    }
    std::string joined;
    joined.reserve(text.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        joined += out[i];
        if (i + 1 < out.size()) joined += '\n';
    }
    return joined;
}

}  // namespace qbank::indexer
