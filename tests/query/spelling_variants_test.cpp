#include "query/spelling_variants.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "text/utf8_check.h"
#include "text/utf8_length.h"

namespace qbank::query {
namespace {

TEST(SpellingVariants, EveryOneEditStringOnce) {
    // Drops: b, a. Swap: ba. Replaced: bb, cb, aa, ac. Added: aab, bab, cab, abb, acb, aba, abc.
    EXPECT_EQ(one_edit_variants("ab", {"a", "b", "c"}),
              (std::vector<std::string>{"a", "aa", "aab", "aba", "abb", "abc", "ac", "acb", "b", "ba", "bab", "bb",
                                        "cab", "cb"}));
    EXPECT_EQ(one_edit_variants("", {"x"}), (std::vector<std::string>{"x"}));
}

// Edits are of letters, never of bytes: no variant of a Cyrillic or accented word breaks UTF-8.
TEST(SpellingVariants, EditsCodePointsNotBytes) {
    for (const char* word : {"жук", "café", "résumé"}) {
        std::vector<std::string> letters = code_points_of(word);
        letters.push_back("о");
        const std::size_t length = text::code_points(word);
        std::vector<std::string> variants = one_edit_variants(word, letters);
        ASSERT_FALSE(variants.empty());
        for (const std::string& v : variants) {
            EXPECT_EQ(text::first_invalid_utf8(v), std::string_view::npos) << word << " -> " << v;
            EXPECT_LE(text::code_points(v), length + 1) << v;
            EXPECT_GE(text::code_points(v) + 1, length) << v;
        }
    }
    EXPECT_EQ(code_points_of("жé!"), (std::vector<std::string>{"ж", "é", "!"}));
    const std::vector<std::string> beetle = one_edit_variants("жук", {"о"});
    EXPECT_NE(std::find(beetle.begin(), beetle.end(), "жок"), beetle.end());
}

}  // namespace
}  // namespace qbank::query
