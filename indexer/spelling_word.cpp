#include "indexer/spelling_word.h"

#include <xapian.h>

#include "text/word_segment.h"

namespace qbank::indexer {

bool is_spelling_word(const std::string& term) {
    if (term.size() < 2 || term.size() > 40 || (term[0] >= 'A' && term[0] <= 'Z')) return false;
    if (term.find_first_of("0123456789") != std::string::npos) return false;
    // Words start with a letter; an operator ("==") is no typo of another.
    if (!Xapian::Unicode::is_wordchar(*Xapian::Utf8Iterator(term.data(), term.size()))) return false;
    // Edit distance means nothing for CJK words of two or three characters.
    return !text::starts_with_unspaced_script(term);
}

}  // namespace qbank::indexer
