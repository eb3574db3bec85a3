#include "indexer/box_frames.h"

#include <unicode/utf8.h>

#include <vector>

#include "text/split_lines.h"
#include "text/trim.h"

namespace qbank::indexer {
namespace {

constexpr UChar32 kFirstBoxChar = 0x2500;  // the Box Drawing block, "─" to "╿"
constexpr UChar32 kLastBoxChar = 0x257F;

bool is_box(UChar32 c) { return c >= kFirstBoxChar && c <= kLastBoxChar; }

// The code point at the start (or, with `last`, the end) of `s`.
UChar32 edge(std::string_view s, bool last) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    auto n = static_cast<int32_t>(s.size());
    UChar32 c = -1;
    if (last) {
        int32_t i = n;
        U8_PREV(bytes, 0, i, c);
    } else {
        int32_t i = 0;
        U8_NEXT(bytes, i, n, c);
    }
    return c;
}

bool only_frame(std::string_view line) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(line.data());
    auto n = static_cast<int32_t>(line.size());
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(bytes, i, n, c);
        if (!is_box(c) && c != ' ') return false;
    }
    return true;
}

}  // namespace

std::string unbox_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::vector<std::string_view> lines = text::split_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view line = text::trim(lines[i]);
        if (!line.empty() && only_frame(line)) {
            line = {};
        } else if (line.size() > 6 && is_box(edge(line, false)) && is_box(edge(line, true))) {
            // Framed on both sides: "║  THE ANSWER  ║" -> "THE ANSWER".
            std::size_t first = U8_LENGTH(edge(line, false));
            std::size_t last = U8_LENGTH(edge(line, true));
            std::string_view inner = text::trim(line.substr(first, line.size() - first - last));
            if (!inner.empty() && !only_frame(inner)) line = inner;
        } else {
            line = lines[i];
        }
        out += line;
        if (i + 1 < lines.size()) out += '\n';
    }
    return out;
}

}  // namespace qbank::indexer
