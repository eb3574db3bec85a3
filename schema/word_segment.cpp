#include "schema/word_segment.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>

namespace qbank::schema {

namespace {

// Break iterators are costly to create and not thread-safe: one per thread.
icu::BreakIterator& word_breaker() {
    thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status) || !b) throw std::runtime_error(std::string("ICU word break unavailable: ") + u_errorName(status));
        return b;
    }();
    return *breaker;
}

void append_segmented(std::string& out, std::string_view run) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(run.data(), static_cast<int32_t>(run.size())));
    icu::BreakIterator& breaker = word_breaker();
    breaker.setText(text);
    int32_t start = breaker.first();
    for (int32_t end = breaker.next(); end != icu::BreakIterator::DONE; start = end, end = breaker.next()) {
        if (start > 0) out += ' ';
        text.tempSubStringBetween(start, end).toUTF8String(out);
    }
}

}  // namespace

bool is_unspaced_script(int code_point) {
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(code_point, &status)) {
        case USCRIPT_HAN:
        case USCRIPT_HIRAGANA:
        case USCRIPT_KATAKANA:
        case USCRIPT_THAI:
        case USCRIPT_LAO:
        case USCRIPT_KHMER:
        case USCRIPT_MYANMAR: return true;
        case USCRIPT_COMMON:
        case USCRIPT_INHERITED: {
            // "ー" in "サーバー", voicing marks: part of the word around them.
            int8_t type = u_charType(code_point);
            return type == U_MODIFIER_LETTER || type == U_NON_SPACING_MARK;
        }
        default: return false;
    }
}

bool starts_with_unspaced_script(std::string_view text) {
    if (text.empty()) return false;
    UChar32 first;
    int32_t i = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), first);
    return first >= 0 && is_unspaced_script(first);
}

std::string segment_words(std::string_view utf8) {
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    auto n = static_cast<int32_t>(utf8.size());
    std::string out;
    out.reserve(utf8.size() + utf8.size() / 4);
    int32_t copied = 0;  // bytes of utf8 already in out
    for (int32_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            ++i;
            continue;
        }
        int32_t run_start = i;
        int32_t run_end = i;
        for (int32_t j = i; j < n;) {
            UChar32 c;
            U8_NEXT(s, j, n, c);
            if (c < 0 || !is_unspaced_script(c)) break;
            run_end = j;
        }
        if (run_end == run_start) {
            UChar32 c;
            U8_NEXT(s, i, n, c);
            continue;
        }
        out.append(utf8, copied, run_start - copied);
        append_segmented(out, utf8.substr(run_start, run_end - run_start));
        copied = i = run_end;
    }
    out.append(utf8, copied);
    return out;
}

void for_each_spaced_run(std::string_view utf8, const std::function<void(std::size_t, std::size_t)>& run) {
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto n = static_cast<int32_t>(utf8.size());
    int32_t spaced_start = 0;
    for (int32_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            ++i;
            continue;
        }
        int32_t at = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0 || !is_unspaced_script(c)) continue;
        if (at > spaced_start) run(static_cast<std::size_t>(spaced_start), static_cast<std::size_t>(at));
        for (int32_t j = i; j < n; i = j) {  // past the whole unspaced run
            U8_NEXT(s, j, n, c);
            if (c < 0 || !is_unspaced_script(c)) break;
        }
        spaced_start = i;
    }
    if (n > spaced_start) run(static_cast<std::size_t>(spaced_start), static_cast<std::size_t>(n));
}

}  // namespace qbank::schema
