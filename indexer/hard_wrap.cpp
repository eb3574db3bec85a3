#include "indexer/hard_wrap.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <vector>

#include "indexer/list_item.h"
#include "text/split_lines.h"
#include "text/trim.h"
#include "text/utf8_length.h"
#include "text/word_count.h"

namespace qbank::indexer {
namespace {

constexpr std::size_t kMinWrappedChars = 50;  // a wrapped line fills most of its width
constexpr std::size_t kMinGoingOnWords = 3;   // a lower-case chip ("kafka") does not go on

UChar32 first_code_point(std::string_view s) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0;
    UChar32 c = -1;
    if (!s.empty()) U8_NEXT(bytes, i, static_cast<int32_t>(s.size()), c);
    return c;
}

bool ends_sentence(std::string_view line) {
    for (std::string_view mark : {".", "?", "!", ":", ";", "…", "。", "？", "！", "：", "\"", "”", ")"})
        if (line.ends_with(mark)) return true;
    return false;
}

// Whether `next` continues the paragraph that `line` was wrapped out of.
bool goes_on(std::string_view line, std::string_view next) {
    if (line.empty() || next.empty() || is_list_item(line) || is_list_item(next) || line.starts_with('#'))
        return false;
    if (text::code_points(line) < kMinWrappedChars || ends_sentence(line)) return false;
    UChar32 c = first_code_point(next);
    if (c < 0 || !u_islower(c)) return false;
    return text::word_count(next) >= kMinGoingOnWords || ends_sentence(next);
}

}  // namespace

std::string unwrap_lines(std::string_view text) {
    std::vector<std::string_view> lines = text::split_lines(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view line = lines[i];
        out += line;
        // Indented lines are code or a layout's columns: left as they are.
        bool indented = line.starts_with(' ') || line.starts_with('\t');
        if (i + 1 < lines.size() && !indented && !lines[i + 1].starts_with(' ') &&
            goes_on(text::trim(line), text::trim(lines[i + 1]))) {
            UChar32 before = out.size() >= 2 ? static_cast<unsigned char>(out[out.size() - 2]) : 0;
            if (out.ends_with('-') && before < 0x80 && u_isalpha(before)) out.pop_back();  // "regis-" + "tos"
            else out += ' ';
            continue;
        }
        if (i + 1 < lines.size()) out += '\n';
    }
    return out;
}

}  // namespace qbank::indexer
