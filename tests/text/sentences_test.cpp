#include "text/sentences.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "../test_paths.h"

namespace qbank::text {
namespace {

using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;

Ranges sentences(std::string_view text, std::size_t from = 0, std::size_t to = std::string_view::npos) {
    Ranges out;
    for_each_sentence(text, [&](std::size_t b, std::size_t e) { out.emplace_back(b, e); }, from, to);
    return out;
}

TEST(Sentences, CoverTheText) {
    const std::string text = "One sentence. Another one?\nA line of its own\nLast.";
    EXPECT_EQ(sentences(text), (Ranges{{0, 14}, {14, 27}, {27, 45}, {45, 50}}));
    EXPECT_TRUE(sentences("").empty());
    // A part: the sentences that overlap it, whole.
    EXPECT_EQ(sentences(text, 16, 30), (Ranges{{14, 27}, {27, 45}}));
    EXPECT_EQ(sentences(text, 14, 15), (Ranges{{14, 27}}));
    EXPECT_EQ(sentences(text, 49, 400), (Ranges{{45, 50}}));
    EXPECT_TRUE(sentences(text, 50, 60).empty());
    EXPECT_TRUE(sentences(text, 20, 20).empty());
    // A part starting inside a character starts at that character.
    const std::string other = "Héllo wörld. 你好。再见。";
    const Ranges whole = sentences(other);
    ASSERT_EQ(whole.size(), 3u);
    EXPECT_EQ(sentences(other, 2, 3), (Ranges{whole[0]}));
    const std::size_t hao = other.find("好");
    EXPECT_EQ(sentences(other, hao + 1, hao + 2), (Ranges{whole[1]}));
}

// Excerpts break only the text around a section's matches: ICU, reading back
// from where the part starts, finds the same sentences there as over the whole
// text. Pinned on every file of the shipped corpus, in every script, at parts
// starting anywhere, in the middle of a character too.
TEST(Sentences, APartHasTheSentencesOfTheWholeText) {
    std::size_t parts = 0;
    for (const auto& [path, text] : test::corpus_files()) {
        const Ranges whole = sentences(text);
        const std::size_t step = text.size() / 40 + 1;
        for (std::size_t from = 0; from < text.size(); from += step, ++parts) {
            const std::size_t to = from + 1200;
            Ranges expected;
            for (const auto& s : whole)
                if (s.second > from && s.first < to) expected.push_back(s);
            ASSERT_EQ(sentences(text, from, to), expected) << path << " from byte " << from;
        }
    }
    EXPECT_GT(parts, 1000u);
}

}  // namespace
}  // namespace qbank::text
