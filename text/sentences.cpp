#include "text/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>

namespace qbank::text {

void for_each_sentence(std::string_view text, const std::function<void(std::size_t, std::size_t)>& visit,
                       std::size_t from, std::size_t to) {
    // Break iterators are costly to create and not thread-safe: one per thread.
    thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status) || !b) throw std::runtime_error(std::string("ICU sentence break unavailable: ") + u_errorName(status));
        return b;
    }();
    to = std::min(to, text.size());
    if (from >= to) return;
    while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;  // a code point's start
    UErrorCode status = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU sentence breaks: ") + u_errorName(status));
    breaker->setText(utext, status);
    // The iterator stands at the start of the sentence holding `from`.
    const auto at = static_cast<int32_t>(from);
    std::size_t begin = from == 0 || breaker->isBoundary(at) ? from : static_cast<std::size_t>(breaker->preceding(at));
    for (int32_t end = breaker->next(); U_SUCCESS(status) && end != icu::BreakIterator::DONE && begin < to;
         end = breaker->next()) {
        visit(begin, static_cast<std::size_t>(end));
        begin = static_cast<std::size_t>(end);
    }
    utext_close(utext);
}

}  // namespace qbank::text
