#include "text/stem.h"

#include <xapian.h>

#include <string_view>

namespace qbank::text {

namespace {

bool is_hangul_syllable(unsigned c) { return c >= 0xAC00 && c <= 0xD7A3; }

// Korean marks a noun's role with a particle written onto it ("이벤트를",
// "호이스팅은", "위임에서"): the word without it, when two syllables or more are
// left, so that "위임" finds "위임에". Longest particles first.
std::string without_korean_particle(const std::string& word) {
    static constexpr std::string_view kParticles[] = {
        "에서는", "에게서", "으로써", "으로서", "이라고", "이라는", "이라면", "에서", "에게", "한테", "으로",
        "부터",   "까지",   "처럼",   "보다",   "이나",   "이란",   "라는",   "라고", "하고", "에는", "은",
        "는",     "이",     "가",     "을",     "를",     "에",     "의",     "로",   "와",   "과",   "도",
        "만",     "란",
    };
    constexpr std::size_t kSyllableBytes = 3;  // every Hangul syllable in UTF-8
    for (std::string_view particle : kParticles)
        if (word.size() >= particle.size() + 2 * kSyllableBytes && word.ends_with(particle))
            return word.substr(0, word.size() - particle.size());
    return word;
}

}  // namespace

std::string stem_of(const std::string& term) {
    if (term.empty()) return {};
    // Xapian's rule: stem what starts with a lower-case, title-case, modifier or other letter.
    using U = Xapian::Unicode::category;
    unsigned first_char = *Xapian::Utf8Iterator(term.data(), term.size());
    U first = Xapian::Unicode::get_category(first_char);
    if (first != U::LOWERCASE_LETTER && first != U::TITLECASE_LETTER && first != U::MODIFIER_LETTER &&
        first != U::OTHER_LETTER)
        return {};
    if (is_hangul_syllable(first_char)) return without_korean_particle(term);
    // A stemmer keeps state while it works: one per thread.
    thread_local const Xapian::Stem stemmer("english");
    return stemmer(term);
}

}  // namespace qbank::text
