#include "text/fold.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <stdexcept>

#include "text/code_point_walk.h"

namespace qbank::text {

namespace {

const icu::Normalizer2& normalizer(const icu::Normalizer2* (*get)(UErrorCode&), const char* name) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = get(status);
    if (U_FAILURE(status) || n == nullptr)
        throw std::runtime_error(std::string("ICU ") + name + " unavailable: " + u_errorName(status));
    return *n;
}

const icu::Normalizer2& nfkc_casefold() {
    static const icu::Normalizer2& n = normalizer(icu::Normalizer2::getNFKCCasefoldInstance, "NFKC_Casefold");
    return n;
}

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Whether any mark could follow a Latin letter after NFD: a non-ASCII Latin letter
// (precomposed "é") or a combining mark. Most non-ASCII words (CJK, Cyrillic) have
// neither, and this table lookup per code point spares them two normalizations.
bool may_have_latin_marks(std::string_view utf8) {
    return !text::for_each_code_point(utf8, [](UChar32 c) {
        if (c < 0x80) return true;  // ASCII, or an ill-formed byte: no mark either way
        if (u_charType(c) == U_NON_SPACING_MARK) return false;
        UErrorCode status = U_ZERO_ERROR;
        return uscript_getScript(c, &status) != USCRIPT_LATIN;
    });
}

// "é" is "e" + U+0301 after NFD: drop the mark when its base letter is Latin, compose again.
std::string strip_latin_marks(const std::string& folded) {
    if (!may_have_latin_marks(folded)) return folded;
    static const icu::Normalizer2& nfd = normalizer(icu::Normalizer2::getNFDInstance, "NFD");
    static const icu::Normalizer2& nfc = normalizer(icu::Normalizer2::getNFCInstance, "NFC");
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString decomposed = nfd.normalize(icu::UnicodeString::fromUTF8(folded), status);
    icu::UnicodeString kept;
    bool after_latin = false;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) {
            if (!after_latin) kept.append(c);
            continue;
        }
        UErrorCode script_status = U_ZERO_ERROR;
        after_latin = uscript_getScript(c, &script_status) == USCRIPT_LATIN;
        kept.append(c);
    }
    std::string out;
    nfc.normalize(kept, status).toUTF8String(out);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU accent folding failed: ") + u_errorName(status));
    return out;
}

}  // namespace

std::string fold_case(std::string_view utf8) {
    if (is_ascii(utf8)) {  // NFKC_Casefold of ASCII is its lower case
        std::string out(utf8);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    }
    std::string out;
    out.reserve(utf8.size());
    icu::StringByteSink<std::string> sink(&out);
    UErrorCode status = U_ZERO_ERROR;
    nfkc_casefold().normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink,
                                  nullptr, status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU NFKC_Casefold failed: ") + u_errorName(status));
    return out;
}

std::string fold(std::string_view utf8) {
    std::string folded = fold_case(utf8);
    return is_ascii(folded) ? folded : strip_latin_marks(folded);
}

FoldedText fold_with_sources(std::string_view utf8) {
    FoldedText out;
    if (is_ascii(utf8)) {
        out.text = fold_case(utf8);
        return out;
    }
    const icu::Normalizer2& normalizer = nfkc_casefold();
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto n = static_cast<int32_t>(utf8.size());
    out.text.reserve(utf8.size());
    out.from.reserve(utf8.size());
    out.to.reserve(utf8.size());
    for (int32_t i = 0; i < n;) {
        if (s[i] < 0x80 && (i + 1 == n || s[i + 1] < 0x80)) {  // ASCII with no mark after it: its lower case
            out.text += static_cast<char>(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
            out.from.push_back(static_cast<std::uint32_t>(i));
            out.to.push_back(static_cast<std::uint32_t>(++i));
            continue;
        }
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        // The piece: this code point and the marks that may combine with it.
        bool single = true;
        while (i < n) {
            int32_t j = i;
            UChar32 next;
            U8_NEXT(s, j, n, next);
            if (next < 0x80 || normalizer.hasBoundaryBefore(next)) break;  // also for invalid bytes (< 0)
            i = j;
            single = false;
        }
        if (c >= 0 && c < 0x80 && single) {
            out.text += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
            out.from.push_back(static_cast<std::uint32_t>(start));
            out.to.push_back(static_cast<std::uint32_t>(i));
            continue;
        }
        std::string_view piece = utf8.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
        if (c >= 0 && single && normalizer.isInert(c) && !may_have_latin_marks(piece)) {
            out.text += piece;  // most letters of most scripts: nothing to fold
        } else {
            out.text += fold(piece);
        }
        while (out.from.size() < out.text.size()) {
            out.from.push_back(static_cast<std::uint32_t>(start));
            out.to.push_back(static_cast<std::uint32_t>(i));
        }
    }
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

}  // namespace qbank::text
