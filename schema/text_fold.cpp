#include "schema/text_fold.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <stdexcept>

namespace qbank::schema {

std::string fold(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || nfkc_cf == nullptr)
        throw std::runtime_error(std::string("ICU NFKC_Casefold unavailable: ") + u_errorName(status));
    std::string out;
    out.reserve(utf8.size());
    icu::StringByteSink<std::string> sink(&out);
    status = U_ZERO_ERROR;
    nfkc_cf->normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink,
                           nullptr, status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU NFKC_Casefold failed: ") + u_errorName(status));
    return out;
}

std::string fold_value(std::string_view utf8) {
    std::string folded = fold(utf8);
    std::string out;
    out.reserve(folded.size());
    bool pending_space = false;
    for (char c : folded) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

}  // namespace qbank::schema
