#include "text/stem.h"

#include <xapian.h>

#include <algorithm>
#include <map>
#include <unordered_map>
#include <string_view>

#include "text/word_segment.h"

namespace qbank::text {

namespace {

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
    constexpr std::size_t kSyllableBytes = 3;  // every Hangul letter in UTF-8
    for (std::string_view particle : kParticles)
        if (word.size() >= particle.size() + 2 * kSyllableBytes && word.ends_with(particle))
            return word.substr(0, word.size() - particle.size());
    return word;
}

// The language whose rules apply: the primary subtag ("pt" of "pt-BR"), and the
// default for text of no known language.
std::string_view rules_language(std::string_view language) {
    std::string_view primary = language.substr(0, language.find('-'));
    return primary.empty() || primary == "und" ? kDefaultStemLanguage : primary;
}

// The Snowball stemmer for a language's primary subtag (Xapian's "none", which
// leaves words as they are, when Xapian has none for it), with the stems it has
// given: text repeats its words, and a stem costs more than a lookup. A stemmer
// keeps state while it works: one set per thread.
struct Rules {
    Xapian::Stem stemmer;
    std::unordered_map<std::string, std::string> stems;
};

// Enough for the vocabulary of a large collection; past it, memory stays bounded.
constexpr std::size_t kMaxRememberedStems = 1 << 17;

Rules& rules_for(std::string_view language) {
    std::string_view primary = rules_language(language);
    thread_local std::map<std::string, Rules, std::less<>> by_language;
    auto it = by_language.find(primary);
    if (it != by_language.end()) return it->second;
    Rules rules;
    try {
        rules.stemmer = Xapian::Stem(std::string(primary));  // Xapian knows the ISO 639-1 codes of its stemmers
    } catch (const Xapian::InvalidArgumentError&) {
        rules.stemmer = Xapian::Stem("none");
    }
    return by_language.emplace(std::string(primary), std::move(rules)).first->second;
}

}  // namespace

std::string stem_of(const std::string& term, std::string_view language) {
    if (term.empty()) return {};
    // Xapian's rule: stem what starts with a lower-case, title-case, modifier or other letter.
    using U = Xapian::Unicode::category;
    U first = Xapian::Unicode::get_category(*Xapian::Utf8Iterator(term.data(), term.size()));
    if (first != U::LOWERCASE_LETTER && first != U::TITLECASE_LETTER && first != U::MODIFIER_LETTER &&
        first != U::OTHER_LETTER)
        return {};
    if (starts_with_hangul(term)) return without_korean_particle(term);
    Rules& rules = rules_for(language);
    if (rules.stemmer.is_none()) return term;
    if (auto it = rules.stems.find(term); it != rules.stems.end()) return it->second;
    if (rules.stems.size() >= kMaxRememberedStems) rules.stems.clear();
    return rules.stems.emplace(term, rules.stemmer(term)).first->second;
}

bool stem_keeps_beginning(std::string_view language) {
    static constexpr std::string_view kEndingsOnly[] = {"da", "de", "en", "es", "fr", "hu", "it",
                                                        "nb", "nl", "nn", "no", "pt", "ro", "ru", "sv"};
    return rules_for(language).stemmer.is_none() ||
           std::find(std::begin(kEndingsOnly), std::end(kEndingsOnly), rules_language(language)) != std::end(kEndingsOnly);
}

std::string adverb_base(const std::string& word, std::string_view language) {
    if (rules_language(language) != "en" || word.size() < 6 || !word.ends_with("ily")) return {};
    return word.substr(0, word.size() - 3) + "y";
}

}  // namespace qbank::text
