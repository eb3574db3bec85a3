#pragma once
// The one definition of a word. Indexing, queries, excerpts, spelling and explain
// all take their words from here, so a highlighted word is exactly what the
// index holds for the same text.
//
// Text is folded (fold.h), scripts written without spaces are cut into words by
// ICU (word_segment.h), and words are read as Xapian's TermGenerator reads them:
// letters, marks, digits and '_'; an apostrophe, '&' or middle dot between two
// of them joins ("don't", "at&t"), as '.' or ',' joins digits ("3.14"); up to
// three '+' or a '#' right after a word belong to it ("c++", "c#"). An operator
// people ask about ("==", "===", "=>", "??", "?.", "&&") is a word of its own.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace qbank::text {

struct Token {
    std::size_t begin = 0, end = 0;  // the word's bytes in the text as given
    std::string term;                // the word folded: its index term, without prefix
};

// A longer word is no term (TermGenerator's default limit): a hash, a long URL path.
inline constexpr std::size_t kMaxWordBytes = 64;

enum class Scripts {
    All,
    SpacedOnly,  // words of scripts written without spaces are skipped, not segmented (cheaper)
};

// Calls visit(const Token&) for each word of UTF-8 `text`, in order. Thread-safe.
void for_each_token(std::string_view text, const std::function<void(const Token&)>& visit,
                    Scripts scripts = Scripts::All);

std::vector<Token> tokenize(std::string_view text, Scripts scripts = Scripts::All);

// `text` folded and cut at whitespace, and around each word of a script written
// without spaces ("React的hooks?" -> "react", "的", "hooks?"): the words a query
// or a synonym list is typed in, punctuation kept for the query's syntax.
std::vector<std::string> typed_words(std::string_view text);

}  // namespace qbank::text
