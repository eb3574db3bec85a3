#include "text/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace qbank::text {

void for_each_sentence(std::string_view text, const std::function<void(std::size_t, std::size_t)>& visit) {
    // Break iterators are costly to create and not thread-safe: one per thread.
    thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status) || !b) throw std::runtime_error(std::string("ICU sentence break unavailable: ") + u_errorName(status));
        return b;
    }();
    UErrorCode status = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU sentence breaks: ") + u_errorName(status));
    breaker->setText(utext, status);
    std::size_t begin = 0;
    for (int32_t end = breaker->next(); U_SUCCESS(status) && end != icu::BreakIterator::DONE; end = breaker->next()) {
        visit(begin, static_cast<std::size_t>(end));
        begin = static_cast<std::size_t>(end);
    }
    utext_close(utext);
}

}  // namespace qbank::text
