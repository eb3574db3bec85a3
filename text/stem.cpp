#include "text/stem.h"

#include <xapian.h>

namespace qbank::text {

std::string stem_of(const std::string& term) {
    if (term.empty()) return {};
    // Xapian's rule: stem what starts with a lower-case, title-case, modifier or other letter.
    using U = Xapian::Unicode::category;
    U first = Xapian::Unicode::get_category(*Xapian::Utf8Iterator(term.data(), term.size()));
    if (first != U::LOWERCASE_LETTER && first != U::TITLECASE_LETTER && first != U::MODIFIER_LETTER &&
        first != U::OTHER_LETTER)
        return {};
    // A stemmer keeps state while it works: one per thread.
    thread_local const Xapian::Stem stemmer("english");
    return stemmer(term);
}

}  // namespace qbank::text
