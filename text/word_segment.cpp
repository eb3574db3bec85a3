#include "text/word_segment.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>

namespace qbank::text {

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

}  // namespace

bool is_unspaced_script(int code_point, bool after_unspaced) {
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
            if (!after_unspaced) return false;
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

bool starts_with_hangul(std::string_view text) {
    if (text.empty()) return false;
    UChar32 first;
    int32_t i = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), first);
    UErrorCode status = U_ZERO_ERROR;
    return first >= 0 && uscript_getScript(first, &status) == USCRIPT_HANGUL && U_SUCCESS(status);
}

void for_each_word_break(std::string_view run, const std::function<void(std::size_t)>& cut) {
    UErrorCode status = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, run.data(), static_cast<int64_t>(run.size()), &status);
    if (U_FAILURE(status)) return;
    icu::BreakIterator& breaker = word_breaker();
    breaker.setText(utext, status);
    if (U_SUCCESS(status))
        for (int32_t at = breaker.next(); at != icu::BreakIterator::DONE && static_cast<std::size_t>(at) < run.size();
             at = breaker.next())
            cut(static_cast<std::size_t>(at));
    utext_close(utext);
}

}  // namespace qbank::text
