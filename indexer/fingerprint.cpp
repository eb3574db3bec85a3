#include "indexer/fingerprint.h"

#include <xxhash.h>

#include <array>
#include <bit>
#include <string_view>
#include <vector>

#include "text/fold.h"

namespace qbank::indexer {

namespace {

// Fewer shingles than this make SimHash too noisy: such pages match only exactly.
constexpr std::size_t kMinShingles = 20;

std::string content_of(const Record& r) {
    std::string text = r.title + "\n" + r.question;
    for (const Section& s : r.sections) text += "\n" + s.text;
    return text::fold(text);
}

// Words of folded text: runs of bytes that are not ASCII space or punctuation
// (non-ASCII bytes stay inside words, so any script yields words).
std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t start = std::string_view::npos;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        auto c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
        bool word_byte = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
        if (word_byte && start == std::string_view::npos) start = i;
        if (!word_byte && start != std::string_view::npos) {
            words.push_back(text.substr(start, i - start));
            start = std::string_view::npos;
        }
    }
    return words;
}

}  // namespace

Fingerprint fingerprint(const Record& record) {
    std::string text = content_of(record);
    Fingerprint fp;
    std::vector<std::string_view> words = words_of(text);
    std::string canonical;  // the words alone: spacing and punctuation do not make a page different
    for (std::string_view w : words) canonical.append(w).push_back(' ');
    fp.exact = XXH3_64bits(canonical.data(), canonical.size());
    if (words.size() < kMinShingles + 2) return fp;
    std::array<int, 64> votes{};
    for (std::size_t i = 0; i + 2 < words.size(); ++i) {
        std::string shingle;
        shingle.append(words[i]).push_back(' ');
        shingle.append(words[i + 1]).push_back(' ');
        shingle.append(words[i + 2]);
        std::uint64_t h = XXH3_64bits(shingle.data(), shingle.size());
        for (int bit = 0; bit < 64; ++bit) votes[bit] += (h >> bit) & 1 ? 1 : -1;
    }
    for (int bit = 0; bit < 64; ++bit)
        if (votes[bit] > 0) fp.simhash |= std::uint64_t{1} << bit;
    if (fp.simhash == 0) fp.simhash = 1;  // 0 means "none"
    return fp;
}

bool near_duplicates(std::uint64_t a, std::uint64_t b) {
    return a != 0 && b != 0 && std::popcount(a ^ b) <= kNearDuplicateBits;
}

}  // namespace qbank::indexer
