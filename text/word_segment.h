#pragma once
// Chinese, Japanese, Thai and other scripts written without spaces: which code
// points belong to them, and where ICU's dictionary-based word break iterator
// cuts a run of them into words (the tokenizer's word breaks there).

#include <cstddef>
#include <functional>
#include <string_view>

namespace qbank::text {

// True for a code point of a script written without spaces (Han, Hiragana,
// Katakana, Thai, Lao, Khmer, Myanmar). A mark or length sign of no script of its
// own ("ー" in "サーバー") belongs to the run of the letter before it: pass
// whether that letter was of such a script as `after_unspaced`.
bool is_unspaced_script(int code_point, bool after_unspaced = false);

// True when the first code point of UTF-8 `text` is of such a script.
bool starts_with_unspaced_script(std::string_view text);

// True when the first code point of UTF-8 `text` is Hangul: Korean is written
// with spaces, but in syllable blocks that carry their particles.
bool starts_with_hangul(std::string_view text);

// Calls `cut(offset)` for each byte offset inside the UTF-8 `run` (a run of such
// scripts) where one word ends and the next begins, in order. Thread-safe.
void for_each_word_break(std::string_view run, const std::function<void(std::size_t)>& cut);

}  // namespace qbank::text
