#include "cli/terminal_text.h"

#include <unicode/utf8.h>

#include <cstdio>

namespace qbank::cli {
namespace {

bool is_bidi_control(UChar32 c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool is_control(UChar32 c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

}  // namespace

std::string printable(std::string_view text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    auto n = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < n;) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        char escaped[16];
        if (c < 0) {
            for (int32_t k = start; k < i; ++k) {
                std::snprintf(escaped, sizeof escaped, "\\x%02X", s[k]);
                out += escaped;
            }
        } else if ((c == '\n' && keep_newlines) || c == '\t') {
            out += static_cast<char>(c);
        } else if (is_control(c) || is_bidi_control(c)) {
            std::snprintf(escaped, sizeof escaped, "\\u{%X}", static_cast<unsigned>(c));
            out += escaped;
        } else {
            out.append(text.data() + start, static_cast<std::size_t>(i - start));
        }
    }
    return out;
}

}  // namespace qbank::cli
