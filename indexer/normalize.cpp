#include "indexer/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "indexer/boilerplate.h"
#include "indexer/box_frames.h"
#include "indexer/hard_wrap.h"
#include "indexer/input_format.h"
#include "indexer/page_chrome.h"
#include "text/split_lines.h"
#include "text/utf8_check.h"

namespace qbank::indexer {
namespace {

std::size_t line_of(std::string_view bytes, std::size_t offset) {
    return 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

std::string hex_byte(unsigned char byte) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", byte);
    return buf;
}

std::string to_nfc(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFC unavailable: ") + u_errorName(status));
    std::string out;
    out.reserve(utf8.size());
    icu::StringByteSink<std::string> sink(&out);
    nfc->normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink,
                       nullptr, status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFC failed: ") + u_errorName(status));
    return out;
}

// Characters that carry no text and that scrapers leave behind.
bool is_invisible(UChar32 c) {
    switch (c) {
        case 0x00AD:  // soft hyphen
        case 0x200B:  // zero-width space
        case 0x2060:  // word joiner
        case 0xFEFF:  // BOM / zero-width no-break space inside text
            return true;
        default:
            // Other controls, but not tab and newline. ZWJ/ZWNJ (Cf) are kept: they shape emoji and scripts.
            return c != '\t' && c != '\n' && u_charType(c) == U_CONTROL_CHAR;
    }
}

void append_utf8(std::string& out, UChar32 c) {
    char buf[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    out.append(buf, static_cast<std::size_t>(n));
}

// Drops trailing spaces on every line, blank lines at both ends, and runs of blank lines.
std::string trim_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t blank_run = 0;
    for (std::string_view line : text::split_lines(text)) {
        std::size_t last = line.find_last_not_of(" \t");
        line = last == std::string_view::npos ? std::string_view{} : line.substr(0, last + 1);
        if (line.empty()) {
            ++blank_run;
        } else {
            if (!out.empty()) out += blank_run > 0 ? "\n\n" : "\n";
            out += line;
            blank_run = 0;
        }
    }
    return out;
}

// The character-level steps (NFC, line endings, spaces, invisibles, blank lines)
// on text already known to be valid UTF-8.
std::string clean_characters(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    int32_t i = 0;
    while (i < length) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c == '\r') {
            if (i < length && s[i] == '\n') continue;  // CRLF: the LF follows
            out += '\n';
        } else if (c == 0x2028 || c == 0x2029) {
            out += '\n';
        } else if (c != ' ' && u_charType(c) == U_SPACE_SEPARATOR) {
            out += ' ';  // no-break, thin, ideographic and other spaces
        } else if (c < 0 || is_invisible(c)) {
            continue;
        } else {
            append_utf8(out, c);
        }
    }
    // NFC last: dropping an invisible character can bring a base and its accent together.
    return trim_lines(to_nfc(out));
}

// ASCII text in UTF-16 has a NUL in every other byte: most of the even or the odd ones.
bool looks_like_utf16(std::string_view bytes) {
    std::size_t pairs = std::min<std::size_t>(bytes.size() / 2, 512);
    std::size_t even = 0, odd = 0;
    for (std::size_t i = 0; i < pairs; ++i) {
        even += bytes[2 * i] == '\0' ? 1 : 0;
        odd += bytes[2 * i + 1] == '\0' ? 1 : 0;
    }
    return pairs >= 4 && std::max(even, odd) * 4 >= pairs * 3 && std::min(even, odd) * 8 < pairs;
}

// Why the bytes cannot be a page, or an empty error when they can.
NormalizedPage reject(std::string_view bytes) {
    NormalizedPage page;
    if (bytes.empty()) {
        page.error = "empty file";
    } else if (std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
        page.error = looks_like_utf16(bytes) ? "UTF-16 text without a byte-order mark; save the file as UTF-8"
                                             : "binary file: NUL byte at offset " + std::to_string(nul);
        page.error_line = line_of(bytes, nul);
    } else if (std::size_t bad = text::first_invalid_utf8(bytes); bad != std::string_view::npos) {
        page.error = "invalid UTF-8 byte " + hex_byte(static_cast<unsigned char>(bytes[bad])) + " at offset " +
                     std::to_string(bad) + "; save the file as UTF-8";
        page.error_line = line_of(bytes, bad);
    }
    return page;
}

std::string_view without_bom(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    return bytes;
}

// Clean text with its markup rendered away, as the format's row says; text of
// a format that makes no page (JSON Lines) is read as text.
RenderedPage page_text(std::string_view bytes, Format format) {
    std::string text = clean_characters(without_bom(bytes));
    const InputFormat& f = input_format(format);
    return f.render != nullptr ? f.render(std::move(text)) : RenderedPage{std::move(text), {}, {}};
}

}  // namespace

std::optional<std::string> utf16_as_utf8(std::string_view bytes) {
    const char* codepage = bytes.starts_with("\xFF\xFE") ? "UTF-16LE" : bytes.starts_with("\xFE\xFF") ? "UTF-16BE" : nullptr;
    if (codepage == nullptr || bytes.size() % 2 != 0) return std::nullopt;
    bytes.remove_prefix(2);
    icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), codepage);
    if (text.isBogus()) return std::nullopt;
    std::string out;
    text.toUTF8String(out);
    return out;
}

std::string clean_text(std::string_view utf8) { return clean_characters(without_bom(utf8)); }

NormalizedPage normalize_page(std::string_view bytes, const NormalizeOptions& options,
                              const CorpusBoilerplate* corpus, Format format) {
    NormalizedPage page = reject(bytes);
    if (!page.error.empty()) return page;
    RenderedPage rendered = page_text(bytes, format);
    if (format == Format::Text) rendered.text = unbox_lines(rendered.text);
    std::vector<std::string> dropped;  // the chrome a renderer took out
    for (const std::string& text : rendered.chrome) dropped.push_back(clean_characters(text));
    BoilerplateResult cut = remove_repeated_blocks(rendered.text, options.min_boilerplate_chars, corpus, dropped,
                                                   input_format(format).repeats_are_banners);
    ChromeCut chrome = remove_chrome(cut.text);
    if (format == Format::Text) {
        ChromeCut opening = remove_cut_opening(chrome.text);
        chrome.text = unwrap_lines(opening.text);
        chrome.removed.insert(chrome.removed.end(), opening.removed.begin(), opening.removed.end());
    }
    page.text = trim_lines(chrome.text);
    page.removed = std::move(cut.removed);
    for (std::string& text : dropped) page.removed.push_back({std::move(text), 1, RemovedBlock::Scope::Chrome});
    page.removed.insert(page.removed.end(), chrome.removed.begin(), chrome.removed.end());
    page.heading_links = std::move(rendered.heading_links);
    if (page.text.empty()) page.error = "no text left after removing blank space and boilerplate";
    return page;
}

std::vector<std::uint64_t> learnable_units(std::string_view bytes, const NormalizeOptions& options,
                                           Format format) {
    if (!reject(bytes).error.empty() || input_format(format).split == Split::Lines) return {};
    return boilerplate_unit_hashes(page_text(bytes, format).text, options.min_boilerplate_chars);
}

}  // namespace qbank::indexer
