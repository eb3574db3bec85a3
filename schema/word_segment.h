#pragma once
// Chinese, Japanese, Thai and other scripts written without spaces, cut into
// words by ICU's dictionary-based word break iterator, identically at index and
// query time, so that Xapian (which splits words on spaces and punctuation) sees them.

#include <functional>
#include <string>
#include <string_view>

namespace qbank::schema {

// `utf8` with a space between the words of every run of such scripts
// ("什么是闭包" -> "什么 是 闭包"); other text is returned unchanged. Thread-safe.
std::string segment_words(std::string_view utf8);

// True for a code point of a script written without spaces (Han, Hiragana,
// Katakana, Thai, Lao, Khmer, Myanmar), or a mark or length sign of no script of
// its own. (So a combining mark that fold keeps, after a Cyrillic or Arabic letter,
// also ends that word, here as at index time.)
bool is_unspaced_script(int code_point);

// True when the first code point of UTF-8 `text` is of such a script.
bool starts_with_unspaced_script(std::string_view text);

// Calls `run` with the byte range [begin, end) of each stretch of `utf8` between
// runs of such scripts, in order: the text segment_words leaves as it is. Word
// boundaries always fall where a stretch meets a run.
void for_each_spaced_run(std::string_view utf8, const std::function<void(std::size_t, std::size_t)>& run);

}  // namespace qbank::schema
